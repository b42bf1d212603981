//! A small element tree over quick-xml that remembers where every element starts and ends
//! in the source text, refuses DOCTYPE, and stays within the budgets in [`crate::policy`].

use crate::policy::{MAX_XML_ATTRIBUTES, MAX_XML_DEPTH, MAX_XML_ELEMENTS};
use quick_xml::events::Event as XmlEvent;
use quick_xml::Reader;
use serde::Serialize;

/// An element with its source span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// The qualified name as written (`soap:Envelope`).
    pub name: String,
    /// The local name (`Envelope`).
    pub local: String,
    /// The namespace URI in scope for the element, when one is.
    pub ns: Option<String>,
    /// Attributes as written, values unescaped (`xmlns` declarations included).
    pub attrs: Vec<(String, String)>,
    /// Child elements in order.
    pub children: Vec<Element>,
    /// The element's own text (direct text and CDATA children, unescaped, concatenated).
    pub text: String,
    /// Offset of the `<` that starts the element.
    pub start: usize,
    /// Offset just past the `>` that ends the element.
    pub end: usize,
}

impl Element {
    /// The first child with local name `local`.
    pub fn child(&self, local: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.local == local)
    }

    /// All children with local name `local`.
    pub fn children_named<'a>(&'a self, local: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.local == local)
    }

    /// Follows a path of local names through first children.
    pub fn path(&self, path: &[&str]) -> Option<&Element> {
        path.iter().try_fold(self, |e, p| e.child(p))
    }

    /// An attribute's value by name.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The trimmed text.
    pub fn trimmed(&self) -> &str {
        self.text.trim()
    }

    /// Visits this element and all descendants, depth first.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Element)) {
        f(self);
        for c in &self.children {
            c.walk(f);
        }
    }
}

/// Why a text is not a usable XML document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum XmlError {
    /// The text ends inside the document.
    Truncated {
        /// Where the text ended (its length).
        pos: usize,
        /// The innermost element still open (`(prolog)` when none was).
        open: String,
    },
    /// A syntax or nesting error.
    Malformed {
        /// Where.
        pos: usize,
        /// What is wrong, as classified from the parser's error variant.
        problem: XmlProblem,
    },
    /// A DOCTYPE (and with it, entity declarations) was found.
    Doctype {
        /// Where.
        pos: usize,
    },
    /// A budget was exceeded.
    Budget {
        /// Where.
        pos: usize,
        /// Which budget.
        budget: XmlBudget,
    },
    /// No root element at all.
    NoRoot,
}

/// What is wrong in a text that is not well-formed (from quick-xml's error variants, never
/// from its message text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum XmlProblem {
    /// An end tag names another element than the one open.
    MismatchedEnd {
        /// The element that is open.
        expected: String,
        /// The end tag found.
        found: String,
    },
    /// An end tag while no element is open.
    UnmatchedEnd {
        /// The end tag found.
        found: String,
    },
    /// An attribute is not written `name="value"` (or appears twice).
    BadAttribute,
    /// A literal `<` inside an attribute value (XML 1.0 §2.3).
    LtInAttribute {
        /// The attribute.
        attribute: String,
        /// The element carrying it.
        element: String,
    },
    /// An entity or character reference is unknown or not terminated.
    BadEscape,
    /// `<!` markup that is not a comment, CDATA section or DOCTYPE.
    BadMarkup,
    /// Anything else the parser refused (encoding, namespace, declaration).
    Other,
}

/// Which XML budget ([`crate::policy`]) a text exceeded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum XmlBudget {
    /// More elements than [`MAX_XML_ELEMENTS`].
    Elements {
        /// The limit.
        limit: usize,
    },
    /// Nesting deeper than [`MAX_XML_DEPTH`].
    Depth {
        /// The limit.
        limit: usize,
    },
    /// More attributes on one element than [`MAX_XML_ATTRIBUTES`].
    Attributes {
        /// The element.
        element: String,
        /// The limit.
        limit: usize,
    },
}

impl std::fmt::Display for XmlProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            XmlProblem::MismatchedEnd { expected, found } => {
                write!(f, "</{found}> where </{expected}> was expected")
            }
            XmlProblem::UnmatchedEnd { found } => write!(f, "</{found}> without a start tag"),
            XmlProblem::BadAttribute => f.write_str("an attribute is not written name=\"value\""),
            XmlProblem::LtInAttribute { attribute, element } => {
                write!(
                    f,
                    "a '<' inside the value of attribute {attribute} on <{element}>"
                )
            }
            XmlProblem::BadEscape => f.write_str("an unknown or unterminated entity reference"),
            XmlProblem::BadMarkup => f.write_str("unknown <! markup"),
            XmlProblem::Other => f.write_str("a syntax error"),
        }
    }
}

impl std::fmt::Display for XmlBudget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            XmlBudget::Elements { limit } => write!(f, "more than {limit} elements"),
            XmlBudget::Depth { limit } => write!(f, "nesting deeper than {limit}"),
            XmlBudget::Attributes { element, limit } => {
                write!(f, "more than {limit} attributes on <{element}>")
            }
        }
    }
}

impl std::fmt::Display for XmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            XmlError::Truncated { open, .. } => {
                write!(f, "the text ends while <{open}> is still open")
            }
            XmlError::Malformed { problem, .. } => write!(f, "not well-formed: {problem}"),
            XmlError::Doctype { .. } => f.write_str("a DOCTYPE declaration is present"),
            XmlError::Budget { budget, .. } => write!(f, "budget exceeded: {budget}"),
            XmlError::NoRoot => f.write_str("there is no root element"),
        }
    }
}

impl std::error::Error for XmlError {}

/// A parsed document: its root and where things are around it.
#[derive(Debug, Clone)]
pub struct Document {
    /// The root element.
    pub root: Element,
    /// Offset of the first non-whitespace, non-markup text before the root, if any.
    pub leading_text: Option<usize>,
    /// Offset of the first non-whitespace character after the root, if any.
    pub trailing: Option<usize>,
}

struct Open {
    el: Element,
    scope_len: usize,
}

fn local_of(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn prefix_of(name: &str) -> &str {
    match name.split_once(':') {
        Some((p, _)) => p,
        None => "",
    }
}

fn resolve(scopes: &[(String, String)], prefix: &str) -> Option<String> {
    scopes
        .iter()
        .rev()
        .find(|(p, _)| p == prefix)
        .map(|(_, u)| u.clone())
        .filter(|u| !u.is_empty())
}

fn start_element(
    e: &quick_xml::events::BytesStart<'_>,
    start: usize,
    scopes: &mut Vec<(String, String)>,
) -> Result<Element, XmlError> {
    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|_| XmlError::Malformed {
            pos: start,
            problem: XmlProblem::BadAttribute,
        })?;
        if attrs.len() >= MAX_XML_ATTRIBUTES {
            return Err(XmlError::Budget {
                pos: start,
                budget: XmlBudget::Attributes {
                    element: name,
                    limit: MAX_XML_ATTRIBUTES,
                },
            });
        }
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        // XML 1.0 §2.3 AttValue: a literal '<' is not allowed in an attribute value. quick-xml
        // does not check it; a reader that does would see a different document.
        if a.value.contains(&b'<') {
            return Err(XmlError::Malformed {
                pos: start,
                problem: XmlProblem::LtInAttribute {
                    attribute: key,
                    element: name,
                },
            });
        }
        let value = a
            .unescape_value()
            .map_err(|err| XmlError::Malformed {
                pos: start,
                problem: problem_of(&err),
            })?
            .into_owned();
        if key == "xmlns" {
            scopes.push((String::new(), value.clone()));
        } else if let Some(p) = key.strip_prefix("xmlns:") {
            scopes.push((p.to_owned(), value.clone()));
        }
        attrs.push((key, value));
    }
    let ns = resolve(scopes, prefix_of(&name));
    Ok(Element {
        local: local_of(&name).to_owned(),
        name,
        ns,
        attrs,
        children: vec![],
        text: String::new(),
        start,
        end: start,
    })
}

/// Parses `text` as one XML document. Text before the root that is not whitespace is
/// recorded (not an error); text after the root is recorded and not parsed.
pub fn parse(text: &str) -> Result<Document, XmlError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    reader.config_mut().expand_empty_elements = false;
    let mut stack: Vec<Open> = Vec::new();
    let mut scopes: Vec<(String, String)> = Vec::new();
    let mut count = 0usize;
    let mut leading_text = None;
    let pos_of = |r: &Reader<&[u8]>| usize::try_from(r.buffer_position()).unwrap_or(usize::MAX);
    loop {
        let before = pos_of(&reader);
        let ev = reader.read_event().map_err(|err| {
            let pos = usize::try_from(reader.error_position()).unwrap_or(before);
            classify(&err, pos, text.len(), &stack)
        })?;
        let after = pos_of(&reader);
        match ev {
            XmlEvent::Start(e) | XmlEvent::Empty(e) => {
                let is_empty = after > 1 && text.as_bytes().get(after - 2) == Some(&b'/');
                count += 1;
                if count > MAX_XML_ELEMENTS {
                    return Err(XmlError::Budget {
                        pos: before,
                        budget: XmlBudget::Elements {
                            limit: MAX_XML_ELEMENTS,
                        },
                    });
                }
                if stack.len() >= MAX_XML_DEPTH {
                    return Err(XmlError::Budget {
                        pos: before,
                        budget: XmlBudget::Depth {
                            limit: MAX_XML_DEPTH,
                        },
                    });
                }
                let scope_len = scopes.len();
                let mut el = start_element(&e, before, &mut scopes)?;
                if is_empty {
                    el.end = after;
                    scopes.truncate(scope_len);
                    match stack.last_mut() {
                        Some(parent) => parent.el.children.push(el),
                        None => return Ok(finish(text, el, leading_text)),
                    }
                } else {
                    stack.push(Open { el, scope_len });
                }
            }
            XmlEvent::End(e) => {
                let Some(mut open) = stack.pop() else {
                    return Err(XmlError::Malformed {
                        pos: before,
                        problem: XmlProblem::UnmatchedEnd {
                            found: String::from_utf8_lossy(e.name().as_ref()).into_owned(),
                        },
                    });
                };
                open.el.end = after;
                scopes.truncate(open.scope_len);
                match stack.last_mut() {
                    Some(parent) => parent.el.children.push(open.el),
                    None => return Ok(finish(text, open.el, leading_text)),
                }
            }
            XmlEvent::Text(t) => {
                let s = t.unescape().map_err(|err| XmlError::Malformed {
                    pos: before,
                    problem: problem_of(&err),
                })?;
                match stack.last_mut() {
                    Some(open) => open.el.text.push_str(&s),
                    None => {
                        if leading_text.is_none() && !s.trim().is_empty() {
                            let skip = text
                                .get(before..)
                                .map_or(0, |r| r.len() - r.trim_start().len());
                            leading_text = Some(before + skip);
                        }
                    }
                }
            }
            XmlEvent::CData(t) => {
                if let Some(open) = stack.last_mut() {
                    open.el.text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            XmlEvent::DocType(_) => return Err(XmlError::Doctype { pos: before }),
            XmlEvent::Eof => {
                return Err(match stack.last() {
                    Some(open) => XmlError::Truncated {
                        pos: text.len(),
                        open: open.el.name.clone(),
                    },
                    None => XmlError::NoRoot,
                });
            }
            _ => {}
        }
    }
}

fn finish(text: &str, root: Element, leading_text: Option<usize>) -> Document {
    let rest = text.get(root.end..).unwrap_or("");
    let trimmed = rest.trim_start();
    let trailing = if trimmed.is_empty() {
        None
    } else {
        Some(root.end + (rest.len() - trimmed.len()))
    };
    Document {
        root,
        leading_text,
        trailing,
    }
}

/// True when quick-xml stopped because the text ended inside a tag, comment, CDATA section,
/// processing instruction or DOCTYPE, or with an element still open: the file was cut off.
fn ends_inside(err: &quick_xml::Error) -> bool {
    use quick_xml::errors::{IllFormedError, SyntaxError};
    match err {
        quick_xml::Error::Syntax(s) => match s {
            SyntaxError::UnclosedPIOrXmlDecl
            | SyntaxError::UnclosedComment
            | SyntaxError::UnclosedDoctype
            | SyntaxError::UnclosedCData
            | SyntaxError::UnclosedTag => true,
            SyntaxError::InvalidBangMarkup => false,
        },
        quick_xml::Error::IllFormed(IllFormedError::MissingEndTag(_)) => true,
        _ => false,
    }
}

/// The problem a quick-xml error names, by its variant.
fn problem_of(err: &quick_xml::Error) -> XmlProblem {
    use quick_xml::errors::{IllFormedError, SyntaxError};
    match err {
        quick_xml::Error::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => {
            XmlProblem::MismatchedEnd {
                expected: expected.clone(),
                found: found.clone(),
            }
        }
        quick_xml::Error::IllFormed(IllFormedError::UnmatchedEndTag(found)) => {
            XmlProblem::UnmatchedEnd {
                found: found.clone(),
            }
        }
        quick_xml::Error::InvalidAttr(_) => XmlProblem::BadAttribute,
        quick_xml::Error::Escape(_) => XmlProblem::BadEscape,
        quick_xml::Error::Syntax(SyntaxError::InvalidBangMarkup) => XmlProblem::BadMarkup,
        _ => XmlProblem::Other,
    }
}

fn classify(err: &quick_xml::Error, pos: usize, len: usize, stack: &[Open]) -> XmlError {
    if ends_inside(err) {
        return XmlError::Truncated {
            pos: len,
            open: stack
                .last()
                .map_or_else(|| "(prolog)".to_owned(), |open| open.el.name.clone()),
        };
    }
    XmlError::Malformed {
        pos,
        problem: problem_of(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_namespaces() {
        let t = "<?xml version=\"1.0\"?>\n<a xmlns=\"urn:x\" xmlns:s=\"urn:s\"><s:b k=\"&amp;\">hi</s:b><c/></a>\n";
        let d = parse(t).unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(d.root.local, "a");
        assert_eq!(d.root.ns.as_deref(), Some("urn:x"));
        let b = d.root.child("b").unwrap_or_else(|| unreachable!());
        assert_eq!(b.ns.as_deref(), Some("urn:s"));
        assert_eq!(b.attr("k"), Some("&"));
        assert!(matches!(
            parse("<a k=\"<b>\"/>"),
            Err(XmlError::Malformed { .. })
        ));
        assert_eq!(&t[b.start..b.end], "<s:b k=\"&amp;\">hi</s:b>");
        let c = d.root.child("c").unwrap_or_else(|| unreachable!());
        assert_eq!(&t[c.start..c.end], "<c/>");
        assert_eq!(d.trailing, None);
    }

    #[test]
    fn errors_are_classified() {
        assert!(matches!(parse("<a><b>"), Err(XmlError::Truncated { .. })));
        assert!(matches!(parse("<a></b>"), Err(XmlError::Malformed { .. })));
        assert!(matches!(
            parse("<!DOCTYPE a [<!ENTITY x \"y\">]><a/>"),
            Err(XmlError::Doctype { .. })
        ));
        assert!(matches!(parse(""), Err(XmlError::NoRoot)));
        let deep = "<a>".repeat(100);
        assert!(matches!(parse(&deep), Err(XmlError::Budget { .. })));
        let d = parse("<a/>junk").unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(d.trailing, Some(4));
    }

    /// Each parser error becomes its typed problem (from quick-xml's variants, not its text).
    #[test]
    fn problems_are_typed_by_the_parser_error_variant() {
        let malformed = |t: &str| match parse(t) {
            Err(XmlError::Malformed { pos, problem }) => (pos, problem),
            other => unreachable!("{t}: {other:?}"),
        };
        assert_eq!(
            malformed("<a><b></a>"),
            (
                6,
                XmlProblem::MismatchedEnd {
                    expected: "b".into(),
                    found: "a".into(),
                }
            )
        );
        assert_eq!(
            malformed("</a>"),
            (0, XmlProblem::UnmatchedEnd { found: "a".into() })
        );
        assert_eq!(malformed("<a b></a>"), (0, XmlProblem::BadAttribute));
        assert_eq!(malformed("<a b='1' b='2'/>"), (0, XmlProblem::BadAttribute));
        assert_eq!(malformed("<a>x &nope; y</a>").1, XmlProblem::BadEscape);
        assert_eq!(malformed("<a k=\"&#xZZ;\"/>"), (0, XmlProblem::BadEscape));
        assert_eq!(malformed("<a><!x></a>").1, XmlProblem::BadMarkup);
        assert_eq!(
            malformed("<r><a k=\"<\"/></r>"),
            (
                3,
                XmlProblem::LtInAttribute {
                    attribute: "k".into(),
                    element: "a".into(),
                }
            )
        );
        // The text ending inside a tag, comment, CDATA or PI is a truncation at the open element.
        for t in ["<a><b", "<a><!-- x", "<a><![CDATA[x", "<a><?pi"] {
            assert_eq!(
                parse(t).err(),
                Some(XmlError::Truncated {
                    pos: t.len(),
                    open: "a".into(),
                }),
                "{t}"
            );
        }
        let decl = "<?xml version=\"1.0\"";
        assert_eq!(
            parse(decl).err(),
            Some(XmlError::Truncated {
                pos: decl.len(),
                open: "(prolog)".into(),
            })
        );
        let attrs: String = (0..=MAX_XML_ATTRIBUTES)
            .map(|i| format!(" a{i}=''"))
            .collect();
        assert_eq!(
            parse(&format!("<r><e{attrs}/></r>")).err(),
            Some(XmlError::Budget {
                pos: 3,
                budget: XmlBudget::Attributes {
                    element: "e".into(),
                    limit: MAX_XML_ATTRIBUTES,
                },
            })
        );
        assert_eq!(
            parse(&"<a>".repeat(MAX_XML_DEPTH + 1)).err(),
            Some(XmlError::Budget {
                pos: 3 * MAX_XML_DEPTH,
                budget: XmlBudget::Depth {
                    limit: MAX_XML_DEPTH,
                },
            })
        );
    }
}
