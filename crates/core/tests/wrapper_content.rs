//! Wrappers whose certificates an XML reader does not see, and text that no XML reader
//! accepts: built from the generated SHA-1 chain, each case refused with its exact finding.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use slc_courier_core::finding::{Code, Subject};
use slc_courier_core::xml::{self, Problem, XmlError};
use slc_courier_core::xrml::{read_documents, Found, SlotExtra};

fn docs() -> Vec<String> {
    let t = String::from_utf8(common::data("chain/good/sha1-compact.xml")).unwrap();
    t.split_inclusive("</XrML>")
        .filter(|d| d.contains("<XrML"))
        .map(|d| d[d.find("<XrML").unwrap()..].to_owned())
        .collect()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

const SLOTS: [&str; 4] = ["SLC", "EnrollmentServiceCert", "EnrollmentCACert", "CACert"];

fn response(inner: &str) -> String {
    format!("<?xml version=\"1.0\" encoding=\"utf-8\"?><EnrollResponse xmlns=\"http://microsoft.com/DRM/EnrollmentService\"><LicensorCertificateChain>{inner}</LicensorCertificateChain></EnrollResponse>")
}

fn slots(f: &dyn Fn(&str) -> String) -> String {
    SLOTS
        .iter()
        .zip(docs())
        .map(|(s, d)| format!("<{s}>{}</{s}>", f(&d)))
        .collect()
}

fn soap(inner: &str) -> String {
    format!("<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><CertificateChain>{inner}</CertificateChain></soap:Body></soap:Envelope>")
}

/// The error findings' codes with what they found.
fn errors(bytes: &[u8]) -> Vec<(Code, Subject, Found)> {
    read_documents(bytes)
        .findings
        .into_iter()
        .filter(|f| f.severity == slc_courier_core::finding::Severity::Error)
        .map(|f| match f.what().clone() {
            slc_courier_core::finding::What::Xrml(w) => (f.code, f.subject, w),
            other => panic!("not an xrml finding: {other:?}"),
        })
        .collect()
}

#[test]
fn the_plain_wrappers_are_read_without_errors() {
    assert_eq!(errors(response(&slots(&|d| esc(d))).as_bytes()), []);
    let plain: String = docs()
        .iter()
        .map(|d| format!("<Certificate>{d}</Certificate>"))
        .collect();
    assert_eq!(errors(soap(&plain).as_bytes()), []);
}

#[test]
fn soap_documents_in_comments_or_cdata_are_hidden() {
    for wrap in [
        |d: &str| format!("<Certificate><!--{d}--></Certificate>"),
        |d: &str| format!("<Certificate><![CDATA[{d}]]></Certificate>"),
    ] {
        let inner: String = docs().iter().map(|d| wrap(d)).collect();
        let got = errors(soap(&inner).as_bytes());
        let want: Vec<_> = (0..4)
            .map(|i| {
                (
                    Code::SoapDocumentHidden,
                    Subject::Document { index: i },
                    Found::SoapHidden { document: i },
                )
            })
            .collect();
        assert_eq!(got, want);
    }
}

#[test]
fn slot_text_is_exactly_one_document() {
    let junk = response(&slots(&|d| format!("GARBAGE {} GARBAGE", esc(d))));
    let got = errors(junk.as_bytes());
    assert_eq!(got.len(), 4);
    for ((code, subject, what), slot) in got.into_iter().zip(SLOTS) {
        assert_eq!((code, subject), (Code::ResponseSlotContent, Subject::File));
        assert_eq!(
            what,
            Found::SlotContent {
                holder: slot.into(),
                line: 1,
                content: SlotExtra::Text
            }
        );
    }
    let split = response(&slots(&|d| {
        format!("{}<b>x</b>{}", esc(&d[..20]), esc(&d[20..]))
    }));
    let got = errors(split.as_bytes());
    assert_eq!(got.len(), 4);
    assert_eq!(
        got[0].2,
        Found::SlotContent {
            holder: "SLC".into(),
            line: 1,
            content: SlotExtra::Element { name: "b".into() }
        }
    );
}

#[test]
fn a_slot_written_twice_is_refused() {
    let twice = response(&(slots(&|d| esc(d)) + "<SLC></SLC>"));
    assert_eq!(
        errors(twice.as_bytes())
            .into_iter()
            .map(|e| (e.0, e.2))
            .collect::<Vec<_>>(),
        [(
            Code::ResponseSlotRepeated,
            Found::SlotRepeated {
                holder: "SLC".into(),
                line: 1,
                count: 2
            }
        )]
    );
    let extra = response(&(slots(&|d| esc(d)) + "<SLC>not a certificate</SLC>"));
    let codes: Vec<Code> = errors(extra.as_bytes()).into_iter().map(|e| e.0).collect();
    assert_eq!(
        codes,
        [Code::ResponseSlotRepeated, Code::ResponseSlotContent]
    );
}

#[test]
fn responses_with_characters_xml_refuses_are_unreadable() {
    let plain = response(&slots(&|d| esc(d)));
    let k = plain.find("<SLC>").unwrap() + 5;
    for (insert, pos, problem) in [
        ("\u{1}", k, Problem::InvalidCharacter { codepoint: 1 }),
        (
            "&#1;",
            k,
            Problem::InvalidCharacterReference { codepoint: Some(1) },
        ),
        (
            "&#xFFFE;",
            k,
            Problem::InvalidCharacterReference {
                codepoint: Some(0xFFFE),
            },
        ),
    ] {
        let bytes = format!("{}{insert}{}", &plain[..k], &plain[k..]);
        assert_eq!(
            errors(bytes.as_bytes())
                .into_iter()
                .map(|e| e.2)
                .collect::<Vec<_>>(),
            [Found::ResponseUnreadable {
                error: Box::new(XmlError::Malformed { pos, problem })
            }],
            "{insert:?}"
        );
    }
    let k = plain.find("<LicensorCertificateChain>").unwrap() + 26;
    let mut bad = plain.as_bytes()[..k].to_vec();
    bad.extend_from_slice(b"<!-- \xff -->");
    bad.extend_from_slice(&plain.as_bytes()[k..]);
    assert_eq!(
        errors(&bad).into_iter().map(|e| e.2).collect::<Vec<_>>(),
        [Found::ResponseUnreadable {
            error: Box::new(XmlError::Malformed {
                pos: k + 5,
                problem: Problem::Encoding
            })
        }]
    );
}

/// A UTF-16 response with a stray last byte (half a code unit) or a second byte order mark
/// after the first is refused by every XML reader: unreadable, at the stray byte or at the
/// start, in either byte order.
#[test]
fn utf16_responses_with_a_stray_byte_or_a_second_bom_are_unreadable() {
    let plain = response(&slots(&|d| esc(d)));
    assert!(plain.is_ascii());
    let unreadable = |pos| {
        vec![Found::ResponseUnreadable {
            error: Box::new(XmlError::Malformed {
                pos,
                problem: Problem::Encoding,
            }),
        }]
    };
    let found = |bytes: &[u8]| errors(bytes).into_iter().map(|e| e.2).collect::<Vec<_>>();
    for be in [false, true] {
        let unit = |u: u16| if be { u.to_be_bytes() } else { u.to_le_bytes() };
        let text: Vec<u8> = plain.encode_utf16().flat_map(unit).collect();
        let bom = unit(0xFEFF);
        let whole = [&bom[..], &text].concat();
        assert_eq!(found(&whole), vec![], "{be}");
        for stray in [b"<", b"A", b"\0"] {
            let odd = [&whole[..], stray].concat();
            assert_eq!(found(&odd), unreadable(plain.len()), "{be} {stray:?}");
        }
        let twice = [&bom[..], &bom, &text].concat();
        assert_eq!(found(&twice), unreadable(0), "{be}");
    }
}

#[test]
fn the_parser_refuses_what_xml_refuses() {
    let m = |t: &str| match xml::parse(t) {
        Err(XmlError::Malformed { pos, problem }) => (pos, problem),
        other => panic!("{t:?}: {other:?}"),
    };
    assert_eq!(
        m("<a>\u{b}</a>"),
        (3, Problem::InvalidCharacter { codepoint: 0xB })
    );
    assert_eq!(
        m("<a>\u{fffe}</a>"),
        (3, Problem::InvalidCharacter { codepoint: 0xFFFE })
    );
    assert_eq!(
        m("<a b=\"&#2;\"/>"),
        (6, Problem::InvalidCharacterReference { codepoint: Some(2) })
    );
    assert_eq!(
        m("<a><?xml version=\"1.0\"?></a>"),
        (3, Problem::DeclarationNotFirst)
    );
    assert_eq!(
        m(" <?xml version=\"1.0\"?><a/>"),
        (1, Problem::DeclarationNotFirst)
    );
    assert!(xml::parse("<?xml version=\"1.0\"?><a>\t&#9;&#x10000;</a>").is_ok());
    // A byte order mark may come before the declaration (XML 1.0 §4.3.3, F.1).
    assert!(xml::parse("\u{feff}<?xml version=\"1.0\"?><a>\t&#9;&#x10000;</a>").is_ok());
    assert!(xml::parse("\u{feff} <?xml version=\"1.0\"?><a/>").is_err());
}

/// A syntax error inside the second document of a bare file: the message gives its place in
/// the document, the finding's location its place in the file (byte, line, column).
#[test]
fn a_syntax_error_is_placed_in_the_file() {
    use slc_courier_core::xrml::parse_certificate;
    let d = docs();
    let second = d[1].replacen("<BODY", "<BODY>&bogus;<x", 1);
    let file = format!("{}\r\n{}\r\n{}{}", d[0], second, d[2], d[3]);
    let read = read_documents(file.as_bytes());
    let cert = parse_certificate(&read.docs[1], 1);
    let f = cert
        .findings
        .iter()
        .find(|f| f.code == Code::XrmlNotWellFormed)
        .unwrap();
    let at = file.find("&bogus;").unwrap();
    let loc = f.location.unwrap();
    assert_eq!(
        (loc.offset, loc.line, loc.column),
        (at, 2, at - d[0].len() - 2 + 1)
    );
    let in_doc = second.find("&bogus;").unwrap();
    assert!(
        f.message(slc_courier_core::Lang::En)
            .contains(&format!("(at byte {in_doc} of the document)")),
        "{}",
        f.message(slc_courier_core::Lang::En)
    );
    // An escaped document's text is not the file's bytes: the place is where it starts.
    let escaped = response(&slots(&|x: &str| {
        esc(&x.replacen("<BODY", "<BODY>&bogus;<x", 1))
    }));
    let read = read_documents(escaped.as_bytes());
    let cert = parse_certificate(&read.docs[0], 0);
    let f = cert
        .findings
        .iter()
        .find(|f| f.code == Code::XrmlNotWellFormed)
        .unwrap();
    assert_eq!(f.location, Some(read.docs[0].location));
}

/// A response that declares an encoding it is not written in (UTF-7, EBCDIC, UTF-16 over
/// UTF-8 bytes): an XML reader reads other characters than the ones checked, so the file is
/// refused as a whole, whatever its documents say.
#[test]
fn a_declared_encoding_that_is_not_the_files_is_refused() {
    let inner = slots(&|d: &str| esc(d));
    let good = response(&inner);
    assert!(errors(good.as_bytes()).is_empty());
    for label in ["utf-7", "IBM037", "utf-16"] {
        let bad = good.replacen("encoding=\"utf-8\"", &format!("encoding=\"{label}\""), 1);
        let found: Vec<_> = read_documents(bad.as_bytes())
            .findings
            .into_iter()
            .filter(|f| f.code == Code::EncodingDeclared)
            .map(|f| (f.subject, f.what().clone()))
            .collect();
        assert_eq!(
            found,
            [(
                Subject::File,
                slc_courier_core::finding::What::Input(
                    slc_courier_core::finding::Input::DeclaredEncoding {
                        declared: label.to_owned(),
                        utf16: false,
                    }
                )
            )],
            "{label}"
        );
    }
}

/// A response whose slots hold documents spelled so that no byte scan for an escaped `<XrML`
/// finds them, beside the chain as literal XrML under another element: what an importer reads
/// is each slot's unescaped text (the escaped documents), not the literal ones.
#[test]
fn escaped_slots_however_spelled_beside_literal_documents_are_refused() {
    type Spelling = (&'static str, fn(&str) -> String);
    let spellings: [Spelling; 6] = [
        ("charref", |d| esc(d).replace("&lt;XrML", "&lt;X&#114;ML")),
        ("cdata-split", |d| {
            esc(d).replace("&lt;XrML", "&lt;<![CDATA[XrML]]>")
        }),
        ("comment-split", |d| {
            esc(d).replace("&lt;XrML", "&lt;<!---->XrML")
        }),
        ("pi-split", |d| esc(d).replace("&lt;XrML", "&lt;<?x?>XrML")),
        ("charref-lt", |d| {
            esc(d).replace("&lt;XrML", "&#x3c;&#88;rML")
        }),
        ("all-cdata", |d| {
            format!("<![CDATA[{}]]>", d.replace("<XrML", "<X]]><![CDATA[rML"))
        }),
    ];
    let literal: String = docs()
        .iter()
        .map(|d| format!("<Certificate>{d}</Certificate>"))
        .collect();
    for (name, spell) in spellings {
        let file = format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><EnrollResponse xmlns=\"http://microsoft.com/DRM/EnrollmentService\"><LicensorCertificateChain>{}</LicensorCertificateChain><Extra>{literal}</Extra></EnrollResponse>",
            slots(&|d| spell(d))
        );
        assert_eq!(
            errors(file.as_bytes()),
            [(
                Code::WrapperMultipleDocuments,
                Subject::File,
                Found::LiteralAndEscaped { literal: 4 }
            )],
            "{name}"
        );
    }
    // The same literal chain beside slots that hold no document is read as it is.
    let file = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><EnrollResponse xmlns=\"http://microsoft.com/DRM/EnrollmentService\"><LicensorCertificateChain><SLC>&lt;X</SLC></LicensorCertificateChain><Extra>{literal}</Extra></EnrollResponse>"
    );
    assert_eq!(errors(file.as_bytes()), []);
}

/// Each SOAP `Certificate` holds one `XrML` element the reader cut out: not a prefixed
/// `p:XrML`, not escaped text, not nothing, nothing beside it.
#[test]
fn a_soap_certificate_holds_its_document_and_nothing_else() {
    let genuine: String = docs()
        .iter()
        .map(|d| format!("<Certificate>{d}</Certificate>"))
        .collect();
    let first = &docs()[0];
    let prefixed = first
        .replacen("<XrML ", "<p:XrML xmlns:p=\"urn:p\" ", 1)
        .replace("</XrML>", "</p:XrML>");
    let cases = [
        (
            format!("<Certificate>{prefixed}</Certificate>"),
            SlotExtra::Element {
                name: "p:XrML".into(),
            },
        ),
        (
            format!(
                "<Certificate>{}</Certificate>",
                esc(first).replace("&lt;XrML", "&lt;X&#114;ML")
            ),
            SlotExtra::NoDocument,
        ),
        ("<Certificate/>".to_owned(), SlotExtra::NoDocument),
        (
            "<Certificate>  </Certificate>".to_owned(),
            SlotExtra::NoDocument,
        ),
        (
            "<Certificate><Other/></Certificate>".to_owned(),
            SlotExtra::Element {
                name: "Other".into(),
            },
        ),
    ];
    for (extra, content) in cases {
        let file = soap(&format!("{extra}{genuine}"));
        assert_eq!(
            errors(file.as_bytes()),
            [(
                Code::SoapCertificateContent,
                Subject::File,
                Found::SoapCertificateContent { line: 1, content }
            )],
            "{extra:.60}"
        );
    }
    // Text beside the document in a genuine Certificate.
    let mut beside = docs();
    beside[1] = format!("{} note", beside[1]);
    let inner: String = beside
        .iter()
        .map(|d| format!("<Certificate>{d}</Certificate>"))
        .collect();
    assert_eq!(
        errors(soap(&inner).as_bytes()),
        [(
            Code::SoapCertificateContent,
            Subject::File,
            Found::SoapCertificateContent {
                line: 1,
                content: SlotExtra::Text
            }
        )]
    );
}
