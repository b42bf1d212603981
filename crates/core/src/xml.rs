//! A small element tree over quick-xml that remembers where every element starts and ends
//! in the source text, refuses DOCTYPE, and stays within the budgets in [`crate::policy`].

use crate::policy::{MAX_XML_ATTRIBUTES, MAX_XML_DEPTH, MAX_XML_ELEMENTS};
use quick_xml::errors::{Error as QxError, IllFormedError, SyntaxError};
use quick_xml::escape::{EscapeError, ParseCharRefError};
use quick_xml::events::attributes::AttrError;
use quick_xml::events::Event as XmlEvent;
use quick_xml::Reader;
use serde::Serialize;
use std::borrow::Cow;

/// An element with its source span. Names, values and text borrow from the parsed text
/// where they are written as they read (no entity or character references), so building
/// the tree copies almost nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element<'a> {
    /// The qualified name as written (`soap:Envelope`).
    pub name: Cow<'a, str>,
    /// Where the local name starts in `name` (after the prefix and its `:`).
    local_at: usize,
    /// The namespace URI in scope for the element, when one is.
    pub ns: Option<Cow<'a, str>>,
    /// Attributes as written, values unescaped (`xmlns` declarations included).
    pub attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    /// Child elements in order.
    pub children: Vec<Element<'a>>,
    /// The element's own text (direct text and CDATA children, unescaped, concatenated).
    pub text: Cow<'a, str>,
    /// Offset of the `<` that starts the element.
    pub start: usize,
    /// Offset just past the `>` that ends the element.
    pub end: usize,
}

impl<'a> Element<'a> {
    /// The local name (`Envelope` for `soap:Envelope`).
    pub fn local(&self) -> &str {
        self.name.get(self.local_at..).unwrap_or(&self.name)
    }

    /// The first child with local name `local`.
    pub fn child(&self, local: &str) -> Option<&Element<'a>> {
        self.children.iter().find(|c| c.local() == local)
    }

    /// All children with local name `local`.
    pub fn children_named<'s>(
        &'s self,
        local: &'s str,
    ) -> impl Iterator<Item = &'s Element<'a>> + 's {
        self.children.iter().filter(move |c| c.local() == local)
    }

    /// Follows a path of local names through first children.
    pub fn path(&self, path: &[&str]) -> Option<&Element<'a>> {
        path.iter().try_fold(self, |e, p| e.child(p))
    }

    /// An attribute's value by name.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| &**v)
    }

    /// The trimmed text.
    pub fn trimmed(&self) -> &str {
        crate::text::trim_xml(&self.text)
    }

    /// Visits this element and all descendants, depth first.
    /// (Generic, not `dyn`: the checks walk whole documents several times, and the visitor
    /// is inlined into the walk.)
    pub fn walk<'s, F: FnMut(&'s Element<'a>)>(&'s self, f: &mut F) {
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
        /// The innermost element still open; `None` when the text ends before the root
        /// element starts (inside the XML declaration, a comment or the first tag).
        open: Option<String>,
    },
    /// A syntax or nesting error.
    Malformed {
        /// Where.
        pos: usize,
        /// What is wrong, classified from the parser's error variant.
        problem: Problem,
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
        budget: Budget,
    },
    /// No root element at all.
    NoRoot,
}

impl XmlError {
    /// Where in the text it was found (`None`: nowhere in particular).
    pub fn pos(&self) -> Option<usize> {
        match self {
            XmlError::Truncated { pos, .. }
            | XmlError::Malformed { pos, .. }
            | XmlError::Doctype { pos }
            | XmlError::Budget { pos, .. } => Some(*pos),
            XmlError::NoRoot => None,
        }
    }
}

/// Why a text is not well-formed XML: one variant per problem the parser (quick-xml) or this
/// module tells apart. Typed, so every surface words it in its own language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Problem {
    /// `<!` followed by something that is not a comment, CDATA section or DOCTYPE.
    UnknownMarkup,
    /// The XML declaration (`<?xml …?>`) lacks `version` as its first attribute.
    DeclarationWithoutVersion {
        /// The attribute found first instead, when there is one.
        found: Option<String>,
    },
    /// An end tag closes an element that is not open.
    UnmatchedEndTag {
        /// The end tag's name.
        name: String,
    },
    /// An end tag does not match the element that is open.
    MismatchedEndTag {
        /// The element that is open.
        expected: String,
        /// The end tag found.
        found: String,
    },
    /// A comment contains `--`.
    DoubleHyphenInComment,
    /// An attribute of `element` is not written as `name="value"`.
    Attribute {
        /// The element whose start tag holds it.
        element: String,
        /// What is wrong with it.
        fault: AttributeFault,
    },
    /// A literal `<` in an attribute value (XML 1.0 §2.3 AttValue).
    LessThanInAttribute {
        /// The element.
        element: String,
        /// The attribute.
        attribute: String,
    },
    /// `&name;` names an entity that XML does not predefine.
    UnknownEntity {
        /// The entity name.
        name: String,
    },
    /// An `&` without the `;` that ends the reference.
    UnterminatedEntity,
    /// A character reference (`&#…;`) that is not a number, or not an allowed character.
    InvalidCharacterReference {
        /// The code point, when the reference is a number.
        codepoint: Option<u32>,
    },
    /// Bytes that are not text in the document's encoding.
    Encoding,
    /// A character written as itself that XML 1.0 does not allow anywhere (§2.2 Char: a
    /// control character other than tab, line feed and carriage return, U+FFFE or U+FFFF).
    InvalidCharacter {
        /// The code point.
        codepoint: u32,
    },
    /// An XML declaration (`<?xml …?>`, or a processing instruction named `xml` in any case)
    /// that is not at the very start of the text (XML 1.0 §2.8, §2.6 PITarget).
    DeclarationNotFirst,
    /// An element or attribute name that is not an XML name (XML 1.0 §2.3 Name: it starts with
    /// a letter, `_` or `:`), or not a namespace-qualified one (Namespaces in XML §3 QName: at
    /// most one `:`, with something on both sides).
    InvalidName {
        /// The name as written.
        name: String,
    },
    /// A prefix used on an element or attribute name that no `xmlns:` declaration in scope
    /// binds (Namespaces in XML §5 NSC: Prefix Declared).
    UndeclaredPrefix {
        /// The prefix.
        prefix: String,
    },
    /// A namespace declaration that XML reserves: `xml` bound to another URI, a declaration
    /// of `xmlns`, another prefix bound to the `xml` or `xmlns` URI, or a prefix bound to the
    /// empty URI (Namespaces in XML §3 NSC: Reserved Prefixes, No Prefix Undeclaring).
    ReservedNamespace {
        /// The prefix declared.
        prefix: String,
    },
    /// `]]>` in text outside a CDATA section (XML 1.0 §2.4 CharData).
    CdataEndInText,
    /// A namespace prefix problem, or any other parser error this module does not name.
    Other,
}

/// How an attribute is miswritten (quick-xml's `AttrError`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttributeFault {
    /// The name is not followed by `=`.
    ExpectedEquals,
    /// `=` is not followed by a value.
    ExpectedValue,
    /// The value is not in quotes.
    UnquotedValue,
    /// The value's closing quote is missing.
    UnclosedQuote,
    /// The same attribute appears twice.
    Duplicated,
}

/// Which safety budget the XML exceeds ([`crate::policy`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Budget {
    /// More attributes on one element than allowed.
    Attributes {
        /// The element.
        element: String,
        /// The limit.
        limit: usize,
    },
    /// More elements than allowed.
    Elements {
        /// The limit.
        limit: usize,
    },
    /// Nested deeper than allowed.
    Depth {
        /// The limit.
        limit: usize,
    },
}

/// Developer-facing text (logs, `Debug`-like use); users read the words of [`crate::words`].
impl std::fmt::Display for XmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            XmlError::Truncated {
                open: Some(open), ..
            } => {
                write!(f, "the text ends while <{open}> is still open")
            }
            XmlError::Truncated { open: None, .. } => {
                f.write_str("the text ends before the root element")
            }
            XmlError::Malformed { problem, .. } => write!(
                f,
                "not well-formed: {}",
                crate::words::en::xml_problem(problem)
            ),
            XmlError::Doctype { .. } => f.write_str("a DOCTYPE declaration is present"),
            XmlError::Budget { budget, .. } => write!(
                f,
                "budget exceeded: {}",
                crate::words::en::xml_budget(budget)
            ),
            XmlError::NoRoot => f.write_str("there is no root element"),
        }
    }
}

impl std::error::Error for XmlError {}

/// A parsed document: its root and where things are around it.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The root element.
    pub root: Element<'a>,
    /// Offset of the first non-whitespace, non-markup text before the root, if any.
    pub leading_text: Option<usize>,
    /// Offset of the first non-whitespace character after the root, if any.
    pub trailing: Option<usize>,
}

/// An element whose end tag has not been read yet: where it is in the parser's list of
/// elements (`done`), and how many namespace declarations were in scope before it.
struct Open {
    at: usize,
    scope_len: usize,
}

/// Namespace declarations in scope, innermost last: (prefix, URI). The default namespace
/// (`xmlns`, or an empty prefix) has no prefix, so that no two empty strings are compared:
/// an empty `String` or `""` points at the dangling address 1, and glibc's AVX-512 `memcmp`
/// takes ~70 ns over that (a masked load from an unmapped page; measured on the bench
/// machine) — a third of `parse` when every element looked up the default namespace so.
type Scopes<'a> = Vec<(Option<Cow<'a, str>>, Cow<'a, str>)>;

/// The prefix of a qualified name, `None` when it has none (or an empty one).
fn prefix_of(name: &str) -> Option<&str> {
    let colon = name.bytes().position(|b| b == b':')?;
    name.get(..colon).filter(|p| !p.is_empty())
}

fn resolve<'a>(scopes: &Scopes<'a>, prefix: Option<&str>) -> Option<Cow<'a, str>> {
    scopes
        .iter()
        .rev()
        .find(|(p, _)| p.as_deref() == prefix)
        .map(|(_, u)| u.clone())
        .filter(|u| !u.is_empty())
}

/// `bytes` as the slice of `text` they are, when they are one: a reader over `text` hands
/// out slices of it (all of its delimiters are ASCII, so they are whole characters).
fn within<'a>(text: &'a str, bytes: &[u8]) -> Option<&'a str> {
    let from = bytes.as_ptr().addr().checked_sub(text.as_ptr().addr())?;
    text.get(from..from.checked_add(bytes.len())?)
}

/// `bytes` borrowed from `text` when they are a slice of it, else decoded into a string.
fn str_in<'a>(text: &'a str, bytes: &[u8]) -> Cow<'a, str> {
    match within(text, bytes) {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(String::from_utf8_lossy(bytes).into_owned()),
    }
}

/// `s` with its entity and character references replaced, borrowed when there are none
/// (without an `&` there is nothing to replace and nothing quick-xml could refuse).
fn unescape(s: &str) -> Result<Cow<'_, str>, QxError> {
    if !s.as_bytes().contains(&b'&') {
        return Ok(Cow::Borrowed(s));
    }
    quick_xml::escape::unescape(s).map_err(QxError::Escape)
}

/// True when XML 1.0 §2.2 allows `c` (Char): tab, line feed, carriage return, U+0020 and up,
/// except the surrogates (never in a `char`) and U+FFFE, U+FFFF.
fn is_xml_char(c: u32) -> bool {
    matches!(c, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

/// The first character in `text` written as itself that is not an XML Char, with its byte
/// offset. One pass over the bytes: only bytes below 0x20 and the UTF-8 forms of U+FFFE and
/// U+FFFF (`EF BF BE`, `EF BF BF`) can be one.
fn first_invalid_char(text: &str) -> Option<(usize, u32)> {
    let b = text.as_bytes();
    let suspect = |c: u8| (c < 0x20 && !matches!(c, 9 | 10 | 13)) || c == 0xEF;
    // Whole blocks first, without an early exit (the compiler vectorises it): most text has
    // no suspect byte at all. The exact search starts at the first block that has one.
    const BLOCK: usize = 64;
    let mut i = b
        .chunks(BLOCK)
        .position(|block| block.iter().fold(false, |any, &c| any | suspect(c)))
        .map_or(b.len(), |n| n * BLOCK);
    while let Some(p) = b.get(i..).and_then(|r| r.iter().position(|&c| suspect(c))) {
        let at = i + p;
        match (b.get(at), b.get(at + 1), b.get(at + 2)) {
            (Some(0xEF), Some(0xBF), Some(&c @ (0xBE | 0xBF))) => {
                return Some((at, if c == 0xBE { 0xFFFE } else { 0xFFFF }))
            }
            (Some(0xEF), ..) => i = at + 1,
            (Some(&c), ..) => return Some((at, u32::from(c))),
            (None, ..) => return None,
        }
    }
    None
}

/// The first character reference (`&#…;`, `&#x…;`) in `raw` whose code point is not an XML
/// Char (XML 1.0 §4.1 WFC: Legal Character), with its byte offset. quick-xml refuses only
/// `&#0;`; `&#1;` or `&#xFFFE;` would be a character no XML reader accepts. One pass.
fn first_invalid_char_ref(raw: &str) -> Option<(usize, u32)> {
    let b = raw.as_bytes();
    let mut i = 0;
    while let Some(p) = b.get(i..).and_then(|r| memchr::memchr(b'&', r)) {
        let at = i + p;
        i = at + 1;
        let Some(r) = b.get(at + 1..).and_then(|r| r.strip_prefix(b"#")) else {
            continue;
        };
        let (hex, digits) = match r.first() {
            Some(b'x') => (true, r.get(1..).unwrap_or(&[])),
            _ => (false, r),
        };
        let n = digits.iter().take_while(|c| c.is_ascii_hexdigit()).count();
        if digits.get(n) != Some(&b';') {
            continue; // not a reference quick-xml accepted as one
        }
        let value = digits
            .get(..n)
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| u32::from_str_radix(d, if hex { 16 } else { 10 }).ok());
        if let Some(v) = value.filter(|&v| !is_xml_char(v)) {
            return Some((at, v));
        }
    }
    None
}

/// Byte offset of `part` (a slice of `text`) in `text`.
fn offset_in(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

/// Refuses a character reference to a character XML does not allow, placed at its `&`.
fn check_char_refs(text: &str, raw: &str) -> Result<(), XmlError> {
    match first_invalid_char_ref(raw) {
        Some((at, v)) => Err(XmlError::Malformed {
            pos: offset_in(text, raw) + at,
            problem: Problem::InvalidCharacterReference { codepoint: Some(v) },
        }),
        None => Ok(()),
    }
}

/// Appends a piece of an element's own text: the first non-empty piece is kept as it is
/// (borrowed, usually), only a second one makes the text an owned string.
fn append<'a>(to: &mut Cow<'a, str>, piece: Cow<'a, str>) {
    if to.is_empty() {
        *to = piece;
    } else if !piece.is_empty() {
        to.to_mut().push_str(&piece);
    }
}

/// The `xml` prefix's namespace (Namespaces in XML §3), the only URI it may be bound to.
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
/// The `xmlns` prefix's namespace, which no prefix may be bound to.
const XMLNS_NS: &str = "http://www.w3.org/2000/xmlns/";

/// XML 1.0 §2.3 NameStartChar, without `:` (names are checked part by part).
fn is_name_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    matches!(c,
        '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}'
        | '\u{F8}'..='\u{2FF}' | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}'
        | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}'
        | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

/// XML 1.0 §2.3 NameChar, without `:`.
fn is_name_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.');
    }
    is_name_start(c) || matches!(c, '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// True when `name` is a QName: one NCName, or two joined by one `:`.
/// One pass over the characters (every start and end tag comes through here).
fn is_qname(name: &str) -> bool {
    // At the start of a part (the prefix or the local name), and whether a `:` was seen.
    let (mut at_start, mut colon) = (true, false);
    for c in name.chars() {
        if c == ':' {
            if at_start || colon {
                return false;
            }
            (at_start, colon) = (true, true);
        } else if at_start {
            if !is_name_start(c) {
                return false;
            }
            at_start = false;
        } else if !is_name_char(c) {
            return false;
        }
    }
    !at_start
}

/// Refuses a name that is not a QName, placed at the start tag.
fn check_name(name: &str, start: usize) -> Result<(), XmlError> {
    if is_qname(name) {
        return Ok(());
    }
    Err(XmlError::Malformed {
        pos: start,
        problem: Problem::InvalidName {
            name: name.to_owned(),
        },
    })
}

/// Refuses a prefixed name whose prefix is not declared in `scopes` (`xml` always is;
/// `xmlns` only ever declares, it names nothing).
fn check_prefix(scopes: &Scopes<'_>, name: &str, start: usize) -> Result<(), XmlError> {
    let Some(prefix) = prefix_of(name).filter(|p| *p != "xml") else {
        return Ok(());
    };
    if prefix != "xmlns" && scopes.iter().any(|(p, _)| p.as_deref() == Some(prefix)) {
        return Ok(());
    }
    Err(XmlError::Malformed {
        pos: start,
        problem: Problem::UndeclaredPrefix {
            prefix: prefix.to_owned(),
        },
    })
}

/// Refuses a declaration of `prefix` (`None`: the default namespace) as `uri` that
/// Namespaces in XML §3 reserves.
fn check_declaration(prefix: Option<&str>, uri: &str, start: usize) -> Result<(), XmlError> {
    let reserved = match prefix {
        Some("xml") => uri != XML_NS,
        Some("xmlns") => true,
        Some(_) => uri.is_empty() || uri == XML_NS || uri == XMLNS_NS,
        None => uri == XML_NS || uri == XMLNS_NS,
    };
    if !reserved {
        return Ok(());
    }
    Err(XmlError::Malformed {
        pos: start,
        problem: Problem::ReservedNamespace {
            prefix: prefix.unwrap_or("xmlns").to_owned(),
        },
    })
}

fn start_element<'a>(
    text: &'a str,
    e: &quick_xml::events::BytesStart<'_>,
    start: usize,
    scopes: &mut Scopes<'a>,
) -> Result<Element<'a>, XmlError> {
    let name = str_in(text, e.name().as_ref());
    check_name(&name, start)?;
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| attribute_error(&err, start, &name))?;
        if attrs.len() >= MAX_XML_ATTRIBUTES {
            return Err(XmlError::Budget {
                pos: start,
                budget: Budget::Attributes {
                    element: name.into_owned(),
                    limit: MAX_XML_ATTRIBUTES,
                },
            });
        }
        let raw_key = a.key.as_ref();
        let key = str_in(text, raw_key);
        check_name(&key, start)?;
        // XML 1.0 §2.3 AttValue: a literal '<' is not allowed in an attribute value. quick-xml
        // does not check it; a reader that does would see a different document.
        if a.value.contains(&b'<') {
            return Err(XmlError::Malformed {
                pos: start,
                problem: Problem::LessThanInAttribute {
                    element: name.into_owned(),
                    attribute: key.into_owned(),
                },
            });
        }
        let value = match within(text, &a.value) {
            Some(raw) => {
                check_char_refs(text, raw)?;
                unescape(raw)
            }
            None => a.unescape_value().map(|v| Cow::Owned(v.into_owned())),
        }
        .map_err(|err| classify(err, start, None, Some(&name)))?;
        if key == "xmlns" {
            check_declaration(None, &value, start)?;
            scopes.push((None, value.clone()));
        } else if let Some(prefix) = raw_key.strip_prefix(b"xmlns:") {
            let prefix = Some(str_in(text, prefix)).filter(|p| !p.is_empty());
            check_declaration(prefix.as_deref(), &value, start)?;
            scopes.push((prefix, value.clone()));
        }
        attrs.push((key, value));
    }
    // Prefixes are checked once the tag's own declarations are in scope (they apply to it).
    check_prefix(scopes, &name, start)?;
    for (key, _) in &attrs {
        if !key.starts_with("xmlns:") {
            check_prefix(scopes, key, start)?;
        }
    }
    let ns = resolve(scopes, prefix_of(&name));
    Ok(Element {
        local_at: name.bytes().rposition(|b| b == b':').map_or(0, |i| i + 1),
        name,
        ns,
        attrs,
        children: vec![],
        text: Cow::Borrowed(""),
        start,
        end: start,
    })
}

/// Parses `text` as one XML document. Text before the root that is not whitespace is
/// recorded (not an error); text after the root is recorded and not parsed.
pub fn parse(text: &str) -> Result<Document<'_>, XmlError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    reader.config_mut().expand_empty_elements = false;
    // XML 1.0 §2.5: `--` never inside a comment.
    reader.config_mut().check_comments = true;
    let mut stack: Vec<Open> = Vec::new();
    // Elements read but not yet placed in their parent, in document order: each open element
    // (`stack` points at it), followed by its children read so far. An end tag moves the
    // element's children out in one exactly sized `Vec`, so each element is moved twice at
    // most and no child list grows by reallocation.
    let mut done: Vec<Element<'_>> = Vec::new();
    let mut scopes: Scopes<'_> = Vec::new();
    let mut count = 0usize;
    let mut leading_text = None;
    let pos_of = |r: &Reader<&[u8]>| usize::try_from(r.buffer_position()).unwrap_or(usize::MAX);
    loop {
        let before = pos_of(&reader);
        let ev = reader.read_event().map_err(|err| {
            let pos = usize::try_from(reader.error_position()).unwrap_or(before);
            let open = stack.last().and_then(|o| done.get(o.at)).map(|e| &*e.name);
            match err {
                // The parser reached the end of the text inside a tag, comment, processing
                // instruction, CDATA section or DOCTYPE: the file was cut off there.
                QxError::Syntax(
                    SyntaxError::UnclosedTag
                    | SyntaxError::UnclosedComment
                    | SyntaxError::UnclosedCData
                    | SyntaxError::UnclosedDoctype
                    | SyntaxError::UnclosedPIOrXmlDecl,
                ) => XmlError::Truncated {
                    pos: text.len(),
                    open: open.map(str::to_owned),
                },
                // `<!` as the last two characters: cut off before the parser could tell
                // what it starts.
                QxError::Syntax(SyntaxError::InvalidBangMarkup)
                    if text.get(pos..).is_some_and(|rest| rest.trim_end() == "<!") =>
                {
                    XmlError::Truncated {
                        pos: text.len(),
                        open: open.map(str::to_owned),
                    }
                }
                // quick-xml reports this after the declaration; it is placed at its start.
                QxError::IllFormed(IllFormedError::MissingDoctypeName) => {
                    XmlError::Doctype { pos: before }
                }
                err => classify(err, pos, open, None),
            }
        })?;
        let after = pos_of(&reader);
        match ev {
            XmlEvent::Start(e) | XmlEvent::Empty(e) => {
                let is_empty = after > 1 && text.as_bytes().get(after - 2) == Some(&b'/');
                count += 1;
                if count > MAX_XML_ELEMENTS {
                    return Err(XmlError::Budget {
                        pos: before,
                        budget: Budget::Elements {
                            limit: MAX_XML_ELEMENTS,
                        },
                    });
                }
                if stack.len() >= MAX_XML_DEPTH {
                    return Err(XmlError::Budget {
                        pos: before,
                        budget: Budget::Depth {
                            limit: MAX_XML_DEPTH,
                        },
                    });
                }
                let scope_len = scopes.len();
                let mut el = start_element(text, &e, before, &mut scopes)?;
                if is_empty {
                    el.end = after;
                    scopes.truncate(scope_len);
                    if stack.is_empty() {
                        return finish(text, el, leading_text);
                    }
                } else {
                    stack.push(Open {
                        at: done.len(),
                        scope_len,
                    });
                }
                done.push(el);
            }
            XmlEvent::End(e) => {
                let Some(open) = stack.pop() else {
                    return Err(XmlError::Malformed {
                        pos: before,
                        problem: Problem::UnmatchedEndTag {
                            name: String::from_utf8_lossy(e.name().as_ref()).into_owned(),
                        },
                    });
                };
                scopes.truncate(open.scope_len);
                let children = done.split_off(open.at + 1);
                // With its children moved out, the element is the last one read.
                if let Some(el) = done.last_mut() {
                    el.children = children;
                    el.end = after;
                }
                if stack.is_empty() {
                    if let Some(root) = done.pop() {
                        return finish(text, root, leading_text);
                    }
                }
            }
            XmlEvent::Text(t) => {
                let s = match within(text, &t) {
                    Some(raw) => {
                        check_char_refs(text, raw)?;
                        // XML 1.0 §2.4: `]]>` only ends a CDATA section.
                        if let Some(at) = crate::text::find(raw.as_bytes(), b"]]>") {
                            return Err(XmlError::Malformed {
                                pos: offset_in(text, raw) + at,
                                problem: Problem::CdataEndInText,
                            });
                        }
                        unescape(raw)
                    }
                    None => t.unescape().map(|v| Cow::Owned(v.into_owned())),
                }
                .map_err(|err| classify(err, before, None, None))?;
                match stack.last().and_then(|o| done.get_mut(o.at)) {
                    Some(el) => append(&mut el.text, s),
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
                if let Some(el) = stack.last().and_then(|o| done.get_mut(o.at)) {
                    append(&mut el.text, str_in(text, &t));
                }
            }
            XmlEvent::DocType(_) => return Err(XmlError::Doctype { pos: before }),
            // XML 1.0 §2.8: the declaration comes first or not at all (a byte order mark may
            // precede it); §2.6: no other processing instruction is named `xml`. .NET's reader
            // refuses both.
            XmlEvent::Decl(_) if before > usize::from(text.starts_with('\u{feff}')) * 3 => {
                return Err(XmlError::Malformed {
                    pos: before,
                    problem: Problem::DeclarationNotFirst,
                })
            }
            XmlEvent::PI(pi) if pi.target().eq_ignore_ascii_case(b"xml") => {
                return Err(XmlError::Malformed {
                    pos: before,
                    problem: Problem::DeclarationNotFirst,
                })
            }
            XmlEvent::Eof => {
                return Err(match stack.last().and_then(|o| done.get(o.at)) {
                    Some(el) => XmlError::Truncated {
                        pos: text.len(),
                        open: Some(el.name.to_string()),
                    },
                    None => XmlError::NoRoot,
                });
            }
            _ => {}
        }
    }
}

/// The parsed document, once everything up to the end of its root holds only characters XML
/// allows (checked last, so that a syntax error earlier in the text is the one reported).
fn finish<'a>(
    text: &'a str,
    root: Element<'a>,
    leading_text: Option<usize>,
) -> Result<Document<'a>, XmlError> {
    if let Some((pos, codepoint)) = first_invalid_char(text.get(..root.end).unwrap_or(text)) {
        return Err(XmlError::Malformed {
            pos,
            problem: Problem::InvalidCharacter { codepoint },
        });
    }
    let rest = text.get(root.end..).unwrap_or("");
    let trimmed = rest.trim_start();
    let trailing = if trimmed.is_empty() {
        None
    } else {
        Some(root.end + (rest.len() - trimmed.len()))
    };
    Ok(Document {
        root,
        leading_text,
        trailing,
    })
}

/// Names a parser error by its variant (never by its message text). `pos` is where the
/// error is reported; escape errors inside text are placed at their own offset from there.
/// `open` is the innermost element still open, `element` the one whose start tag is being
/// read (attribute errors).
fn classify(err: QxError, pos: usize, open: Option<&str>, element: Option<&str>) -> XmlError {
    let malformed = |problem| XmlError::Malformed { pos, problem };
    match err {
        QxError::Syntax(SyntaxError::InvalidBangMarkup) => malformed(Problem::UnknownMarkup),
        QxError::Syntax(
            SyntaxError::UnclosedTag
            | SyntaxError::UnclosedComment
            | SyntaxError::UnclosedCData
            | SyntaxError::UnclosedDoctype
            | SyntaxError::UnclosedPIOrXmlDecl,
        ) => XmlError::Truncated {
            pos,
            open: open.map(str::to_owned),
        },
        QxError::IllFormed(e) => match e {
            IllFormedError::MissingDeclVersion(found) => {
                malformed(Problem::DeclarationWithoutVersion { found })
            }
            // A DOCTYPE without a name is still a DOCTYPE: refused as such.
            IllFormedError::MissingDoctypeName => XmlError::Doctype { pos },
            IllFormedError::MissingEndTag(name) => XmlError::Truncated {
                pos,
                open: Some(name),
            },
            IllFormedError::UnmatchedEndTag(name) => malformed(Problem::UnmatchedEndTag { name }),
            IllFormedError::MismatchedEndTag { expected, found } => {
                malformed(Problem::MismatchedEndTag { expected, found })
            }
            IllFormedError::DoubleHyphenInComment => malformed(Problem::DoubleHyphenInComment),
        },
        QxError::InvalidAttr(e) => attribute_error(&e, pos, element.unwrap_or("")),
        QxError::Escape(e) => {
            let (at, problem) = match e {
                // The range is the name's, after the '&'.
                EscapeError::UnrecognizedEntity(range, name) => (
                    range.start.saturating_sub(1),
                    Problem::UnknownEntity { name },
                ),
                EscapeError::UnterminatedEntity(range) => {
                    (range.start, Problem::UnterminatedEntity)
                }
                EscapeError::InvalidCharRef(r) => (
                    0,
                    Problem::InvalidCharacterReference {
                        codepoint: match r {
                            ParseCharRefError::InvalidCodepoint(n)
                            | ParseCharRefError::IllegalCharacter(n) => Some(n),
                            ParseCharRefError::UnexpectedSign
                            | ParseCharRefError::InvalidNumber(_) => None,
                        },
                    },
                ),
            };
            // In an attribute value the range is inside the value, not the text: the error is
            // placed at the start tag.
            let pos = if element.is_some() { pos } else { pos + at };
            XmlError::Malformed { pos, problem }
        }
        QxError::Encoding(_) => malformed(Problem::Encoding),
        QxError::Io(_) | QxError::Namespace(_) => malformed(Problem::Other),
    }
}

/// An attribute that is not `name="value"`, placed at the offending character of the start
/// tag that begins at `start` (quick-xml counts from just after its `<`).
fn attribute_error(err: &AttrError, start: usize, element: &str) -> XmlError {
    let (rel, fault) = match *err {
        AttrError::ExpectedEq(p) => (p, AttributeFault::ExpectedEquals),
        AttrError::ExpectedValue(p) => (p, AttributeFault::ExpectedValue),
        AttrError::UnquotedValue(p) => (p, AttributeFault::UnquotedValue),
        AttrError::ExpectedQuote(p, _) => (p, AttributeFault::UnclosedQuote),
        AttrError::Duplicated(p, _) => (p, AttributeFault::Duplicated),
    };
    XmlError::Malformed {
        pos: start + 1 + rel,
        problem: Problem::Attribute {
            element: element.to_owned(),
            fault,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_namespaces() {
        let t = "<?xml version=\"1.0\"?>\n<a xmlns=\"urn:x\" xmlns:s=\"urn:s\"><s:b k=\"&amp;\">hi</s:b><c/></a>\n";
        let d = parse(t).unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(d.root.local(), "a");
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

    /// Names, values and text are slices of the parsed text unless a reference had to be
    /// replaced; an element's text pieces (around children, CDATA) are joined in order.
    #[test]
    fn the_tree_borrows_what_it_can() {
        let t = "<p:a xmlns:p=\"urn:p\" k=\"v\" e=\"&lt;\">x<b/>y<![CDATA[<z>]]></p:a>";
        let d = parse(t).unwrap_or_else(|e| unreachable!("{e}"));
        let a = &d.root;
        assert!(matches!(a.name, Cow::Borrowed("p:a")));
        assert_eq!(a.local(), "a");
        assert!(matches!(a.ns, Some(Cow::Borrowed("urn:p"))));
        assert!(matches!(
            a.attrs.get(1),
            Some((Cow::Borrowed("k"), Cow::Borrowed("v")))
        ));
        assert!(matches!(a.attrs.get(2), Some((Cow::Borrowed("e"), Cow::Owned(v))) if v == "<"));
        assert_eq!(a.text, "xy<z>");
        let b = a.child("b").unwrap_or_else(|| unreachable!());
        assert_eq!((b.local(), b.ns.as_deref()), ("b", None));
        let d = parse("<a>one</a>").unwrap_or_else(|e| unreachable!("{e}"));
        assert!(matches!(d.root.text, Cow::Borrowed("one")));
        let d = parse("<a>&#65;<![CDATA[]]>b</a>").unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(d.root.text, "Ab");
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

    fn malformed(text: &str) -> (usize, Problem) {
        match parse(text) {
            Err(XmlError::Malformed { pos, problem }) => (pos, problem),
            other => unreachable!("{text}: {other:?}"),
        }
    }

    /// Each parser error variant becomes its own typed problem, at the offending place.
    #[test]
    fn parser_errors_are_typed_by_variant() {
        let s = |x: &str| x.to_owned();
        assert_eq!(
            malformed("<a><b></c></a>"),
            (
                6,
                Problem::MismatchedEndTag {
                    expected: s("b"),
                    found: s("c")
                }
            )
        );
        assert_eq!(malformed("<a><!x></a>"), (3, Problem::UnknownMarkup));
        let attr = |element: &str, fault| Problem::Attribute {
            element: s(element),
            fault,
        };
        // Offsets point into the start tag: `<a ` is 3 characters.
        assert_eq!(
            malformed("<a k v=\"1\"/>"),
            (5, attr("a", AttributeFault::ExpectedEquals))
        );
        assert_eq!(
            malformed("<a k=v/>"),
            (5, attr("a", AttributeFault::UnquotedValue))
        );
        assert_eq!(
            malformed("<a k=\"1\" k=\"2\"/>"),
            (9, attr("a", AttributeFault::Duplicated))
        );
        // An unclosed quote swallows the '>': the text ends inside the tag.
        assert_eq!(
            parse("<a k=\"1/>").err(),
            Some(XmlError::Truncated { pos: 9, open: None })
        );
        assert_eq!(
            malformed("<x><a k=\"<\"/></x>"),
            (
                3,
                Problem::LessThanInAttribute {
                    element: s("a"),
                    attribute: s("k")
                }
            )
        );
        // An entity error in text is placed at the '&'.
        assert_eq!(
            malformed("<a>ab&nbsp;</a>"),
            (5, Problem::UnknownEntity { name: s("nbsp") })
        );
        assert_eq!(malformed("<a>x & y</a>"), (5, Problem::UnterminatedEntity));
        assert_eq!(
            malformed("<a>&#0;</a>").1,
            Problem::InvalidCharacterReference { codepoint: Some(0) }
        );
        assert_eq!(
            malformed("<a>&#xZZ;</a>").1,
            Problem::InvalidCharacterReference { codepoint: None }
        );
        // In an attribute value, at its start tag.
        assert_eq!(
            malformed("<r><a k=\"&bogus;\"/></r>"),
            (3, Problem::UnknownEntity { name: s("bogus") })
        );
    }

    /// What every namespace-aware XML reader (expat, .NET) refuses is refused, at its place;
    /// what they accept is still accepted.
    #[test]
    fn names_namespaces_comments_and_cdata_ends_are_checked() {
        let s = |x: &str| x.to_owned();
        let name = |n: &str| Problem::InvalidName { name: s(n) };
        assert_eq!(malformed("<a><1b/></a>"), (3, name("1b")));
        assert_eq!(malformed("<a><b 2k=\"v\"/></a>"), (3, name("2k")));
        assert_eq!(
            malformed("<a><b:c:d xmlns:b=\"u\"/></a>"),
            (3, name("b:c:d"))
        );
        assert_eq!(malformed("<a><:b/></a>"), (3, name(":b")));
        assert_eq!(malformed("<a><b: xmlns:b=\"u\"/></a>"), (3, name("b:")));
        assert_eq!(malformed("<a><-b/></a>"), (3, name("-b")));
        assert_eq!(malformed("<a><.b/></a>"), (3, name(".b")));
        assert_eq!(
            malformed("<a><b\u{b7}:\u{b7}c xmlns:b\u{b7}=\"u\"/></a>"),
            (3, name("b\u{b7}:\u{b7}c"))
        );
        assert!(parse("<_a.b-c\u{e9}\u{b7}1/>").is_ok());
        assert!(parse("<Z9_.-\u{300}z/>").is_ok());
        let undeclared = |p: &str| Problem::UndeclaredPrefix { prefix: s(p) };
        assert_eq!(malformed("<a><p:b/></a>"), (3, undeclared("p")));
        assert_eq!(malformed("<a><b p:k=\"v\"/></a>"), (3, undeclared("p")));
        assert_eq!(malformed("<a><xmlns:b/></a>"), (3, undeclared("xmlns")));
        // Out of scope once the declaring element has ended.
        assert_eq!(
            malformed("<a><b xmlns:p=\"u\"/><p:c/></a>"),
            (19, undeclared("p"))
        );
        assert!(parse("<p:a xmlns:p=\"u\"><b p:k=\"v\" xml:lang=\"en\"/></p:a>").is_ok());
        let reserved = |p: &str| Problem::ReservedNamespace { prefix: s(p) };
        assert_eq!(
            malformed("<a><b xmlns:xml=\"urn:x\"/></a>"),
            (3, reserved("xml"))
        );
        assert_eq!(
            malformed("<a><b xmlns:xmlns=\"urn:x\"/></a>"),
            (3, reserved("xmlns"))
        );
        assert_eq!(
            malformed("<a><b xmlns:p=\"http://www.w3.org/XML/1998/namespace\"/></a>"),
            (3, reserved("p"))
        );
        assert_eq!(
            malformed("<a><b xmlns:p=\"http://www.w3.org/2000/xmlns/\"/></a>"),
            (3, reserved("p"))
        );
        assert_eq!(
            malformed("<a><b xmlns=\"http://www.w3.org/2000/xmlns/\"/></a>"),
            (3, reserved("xmlns"))
        );
        assert_eq!(malformed("<a><b xmlns:p=\"\"/></a>"), (3, reserved("p")));
        assert!(parse(
            "<a xmlns=\"\" xmlns:xml=\"http://www.w3.org/XML/1998/namespace\"><b xmlns=\"u\"/></a>"
        )
        .is_ok());
        assert_eq!(
            malformed("<a><!-- x -- y --></a>"),
            (10, Problem::DoubleHyphenInComment)
        );
        assert!(parse("<a><!-- x - y --></a>").is_ok());
        assert_eq!(malformed("<a>xy]]>z</a>"), (5, Problem::CdataEndInText));
        // At the very start of the text, after other `>` and `]`, and in a run of `]`.
        assert_eq!(malformed("<a>]]></a>"), (3, Problem::CdataEndInText));
        assert_eq!(
            malformed("<a>a>b]>c] ]>]]]></a>"),
            (14, Problem::CdataEndInText)
        );
        assert_eq!(crate::text::find(b"> ]> ]]", b"]]>"), None);
        assert_eq!(
            malformed("<a><b/>x]]&gt;]]></a>").1,
            Problem::CdataEndInText
        );
        assert!(parse("<a>]]&gt; ]] > <![CDATA[]]]]><![CDATA[>]]></a>").is_ok());
    }

    #[test]
    fn truncation_and_budgets_are_typed() {
        for cut in [
            "<a><b",
            "<a><!--x",
            "<a><![CDATA[x",
            "<?xml version",
            "<a><!",
        ] {
            let open = if cut.starts_with("<?") {
                None
            } else {
                Some("a".to_owned())
            };
            assert_eq!(
                parse(cut).err(),
                Some(XmlError::Truncated {
                    pos: cut.len(),
                    open
                }),
                "{cut}"
            );
        }
        assert_eq!(
            parse("<a><b></b>").err(),
            Some(XmlError::Truncated {
                pos: 10,
                open: Some("a".to_owned())
            })
        );
        assert_eq!(
            parse(&"<a>".repeat(100)).err(),
            Some(XmlError::Budget {
                pos: 3 * MAX_XML_DEPTH,
                budget: Budget::Depth {
                    limit: MAX_XML_DEPTH
                }
            })
        );
        let many = format!(
            "<a {}/>",
            (0..=MAX_XML_ATTRIBUTES)
                .map(|i| format!("k{i}=\"\""))
                .collect::<Vec<_>>()
                .join(" ")
        );
        assert_eq!(
            parse(&many).err(),
            Some(XmlError::Budget {
                pos: 0,
                budget: Budget::Attributes {
                    element: "a".to_owned(),
                    limit: MAX_XML_ATTRIBUTES
                }
            })
        );
        let wide = format!("<a>{}</a>", "<b/>".repeat(MAX_XML_ELEMENTS));
        assert_eq!(
            parse(&wide).err(),
            Some(XmlError::Budget {
                pos: 3 + 4 * (MAX_XML_ELEMENTS - 1),
                budget: Budget::Elements {
                    limit: MAX_XML_ELEMENTS
                }
            })
        );
        assert_eq!(
            parse("<!DOCTYPE><a/>").err(),
            Some(XmlError::Doctype { pos: 0 })
        );
    }
}
