//! The signature rule (rms-formats.md §4) case by case: a signature written without its
//! leading zero byte, a pretty-printed BODY that verifies only stripped (never with comments or
//! CDATA, where the whitespace is data), the notes that name only valid documents. Made by
//! `cargo xtask mutants`: each case failed with a mutant of `xrml.rs`'s signature rule.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use base64::Engine;
use common::data;
use sha1::Digest;
use slc_courier_core::finding::{codes, Code::*, What};
use slc_courier_core::policy::HashAlg;
use slc_courier_core::xrml::{
    check_signature, parse_certificate, read_documents, signature_notes, strip_intertag_whitespace,
    BodyForm, Certificate, Found, SignatureStatus,
};

const GOOD: &str = "chain/good/sha1-compact.xml";
const BOTH: &[HashAlg] = &[HashAlg::Sha1, HashAlg::Sha256];

/// Document `i` of `bytes`, as read.
fn certificate(bytes: &[u8], i: usize) -> Certificate {
    let read = read_documents(bytes);
    parse_certificate(&read.docs[i], i)
}

// ------------------------------------------------------------------ a signature's leading zeros

/// The unsigned big-endian integers of a PKCS#1 `RSAPrivateKey` (version, n, e, d, p, q, …).
fn private_key_integers(pem: &str) -> Vec<Vec<u8>> {
    let b64: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let der = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap();
    // One TLV: (tag, content, rest).
    fn tlv(b: &[u8]) -> (u8, &[u8], &[u8]) {
        let (tag, l0) = (b[0], b[1]);
        let (len, at) = if l0 < 0x80 {
            (usize::from(l0), 2)
        } else {
            let n = usize::from(l0 & 0x7f);
            let len = b[2..2 + n].iter().fold(0, |a, &x| a * 256 + usize::from(x));
            (len, 2 + n)
        };
        (tag, &b[at..at + len], &b[at + len..])
    }
    let (tag, mut seq, _) = tlv(&der);
    assert_eq!(tag, 0x30);
    let mut out = vec![];
    while !seq.is_empty() {
        let (tag, v, rest) = tlv(seq);
        assert_eq!(tag, 0x02);
        out.push(v.to_vec());
        seq = rest;
    }
    out
}

/// The test enrollment service's key, which signs the SLC of [`GOOD`].
fn enrollment_service_key() -> rsa::PrivateKey {
    let pem = String::from_utf8(data("keys/test-enrollment-service-1024.pem")).unwrap();
    let i = private_key_integers(&pem);
    let int = |v: &Vec<u8>| rsa::BoxedUint::from_be_slice_vartime(v);
    rsa::PrivateKey::from_components(
        int(&i[1]),
        int(&i[2]),
        int(&i[3]),
        vec![int(&i[4]), int(&i[5])],
    )
    .unwrap()
}

#[test]
fn a_signature_without_its_leading_zero_byte_still_verifies() {
    let key = enrollment_service_key();
    // The first digest (of a counter) whose signature starts with a zero byte: the signature
    // over the stated DIGEST/VALUE is checked whatever the BODY says.
    let (digest, sig) = (0u32..4096)
        .map(|i| sha1::Sha1::digest(i.to_le_bytes()).to_vec())
        .map(|d| {
            let s = key
                .sign(rsa::Pkcs1v15Sign::new::<sha1::Sha1>(), &d)
                .unwrap();
            (d, s)
        })
        .find(|(_, s)| s[0] == 0)
        .unwrap();
    assert_eq!(sig.len(), 128);
    let c = certificate(&data(GOOD), 0);
    let signed = |value: &[u8]| {
        let mut c = c.clone();
        let block = c.signature.as_mut().unwrap();
        block.digest = digest.clone();
        block.value = value.to_vec();
        let mut findings = vec![];
        let st = check_signature(&c, BOTH, &mut findings);
        (st.signature_valid, codes(&findings))
    };
    // Whole, and without its leading zero byte (left-padded again before verifying).
    assert_eq!(signed(&sig), (true, vec![DigestMismatch]));
    assert_eq!(signed(&sig[1..]), (true, vec![DigestMismatch]));
    // A byte that is not a leading zero cannot be dropped.
    let mut longer = sig.clone();
    longer.insert(0, 0);
    assert_eq!(
        signed(&longer),
        (false, vec![DigestMismatch, SignatureInvalid])
    );
    assert_eq!(
        signed(&sig[2..]),
        (false, vec![DigestMismatch, SignatureInvalid])
    );
    // (The certificate as written verifies.)
    let mut findings = vec![];
    assert!(check_signature(&c, BOTH, &mut findings).is_valid());
    assert_eq!(codes(&findings), vec![]);
}

// ------------------------------------------------------------------ which BODY form is signed

/// The SLC of [`GOOD`] with `edit` applied to its BODY, and its DIGEST/VALUE set to the SHA-1
/// of the UTF-16LE of `signed(body)`, the edited BODY text.
fn with_body(edit: &dyn Fn(&str) -> String, signed: &dyn Fn(&str) -> String) -> Certificate {
    let s = String::from_utf8(data(GOOD)).unwrap();
    let doc = s.split_inclusive("</XrML>").next().unwrap();
    let start = doc.find("<BODY").unwrap();
    let end = doc.find("</BODY>").unwrap() + "</BODY>".len();
    let body = edit(&doc[start..end]);
    let units: Vec<u8> = signed(&body)
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let digest = base64::engine::general_purpose::STANDARD.encode(sha1::Sha1::digest(&units));
    let tail = &doc[end..];
    let old = tail
        .split("size=\"160\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap();
    let text = format!("{}{body}{}", &doc[..start], tail.replacen(old, &digest, 1));
    certificate(text.as_bytes(), 0)
}

fn digest_form(c: &Certificate) -> Option<BodyForm> {
    check_signature(c, BOTH, &mut vec![]).digest_form
}

/// Indents the BODY between its first tags, as a pretty-printer would.
fn indent(body: &str) -> String {
    body.replacen("><ISSUEDTIME>", ">\n    <ISSUEDTIME>", 1)
        .replacen("</ISSUEDTIME><", "</ISSUEDTIME>\n    <", 1)
}

#[test]
fn a_pretty_printed_body_verifies_stripped_but_not_with_comments_or_cdata() {
    let same = |b: &str| b.to_owned();
    let stripped = |b: &str| strip_intertag_whitespace(b);
    assert_eq!(digest_form(&with_body(&same, &same)), Some(BodyForm::Raw));
    assert_eq!(digest_form(&with_body(&indent, &same)), Some(BodyForm::Raw));
    assert_eq!(
        digest_form(&with_body(&indent, &stripped)),
        Some(BodyForm::Stripped)
    );
    // With a comment or a CDATA section, whitespace between '>' and '<' may be data: only the
    // BODY as written is signed.
    let comment = |b: &str| indent(&b.replacen("<ISSUEDTIME>", "<!-- x --><ISSUEDTIME>", 1));
    assert_eq!(digest_form(&with_body(&comment, &stripped)), None);
    assert_eq!(
        digest_form(&with_body(&comment, &same)),
        Some(BodyForm::Raw)
    );
    let cdata = |b: &str| {
        indent(&b.replacen(
            "<ID type=\"MS-GUID\">",
            "<ID type=\"MS-GUID\"><![CDATA[]]>",
            1,
        ))
    };
    assert_eq!(digest_form(&with_body(&cdata, &stripped)), None);
    assert_eq!(digest_form(&with_body(&cdata, &same)), Some(BodyForm::Raw));
}

#[test]
fn stripping_removes_whitespace_only_between_tags() {
    assert_eq!(
        strip_intertag_whitespace("<a>\n <b>x</b> \t\r\n</a>"),
        "<a><b>x</b></a>"
    );
    // Before text, and after the last tag, whitespace stays.
    assert_eq!(strip_intertag_whitespace("<a> x</a>"), "<a> x</a>");
    assert_eq!(strip_intertag_whitespace("<a></a>\n"), "<a></a>\n");
    assert_eq!(strip_intertag_whitespace(" <a>  <b/>"), " <a><b/>");
    assert_eq!(strip_intertag_whitespace("x>"), "x>");
    assert_eq!(strip_intertag_whitespace(""), "");
}

// ------------------------------------------------------------------ the status and the notes

fn status(hash: HashAlg, form: Option<BodyForm>, signature_valid: bool) -> SignatureStatus {
    SignatureStatus {
        hash: Some(hash),
        digest_form: form,
        signature_valid,
    }
}

#[test]
fn a_status_is_valid_only_when_digest_and_signature_both_hold() {
    use BodyForm::*;
    use HashAlg::*;
    assert!(status(Sha1, Some(Raw), true).is_valid());
    assert!(status(Sha256, Some(Stripped), true).is_valid());
    assert!(!status(Sha1, Some(Raw), false).is_valid());
    assert!(!status(Sha1, None, true).is_valid());
    assert!(!status(Sha1, None, false).is_valid());
}

#[test]
fn the_notes_name_only_valid_documents() {
    use BodyForm::*;
    use HashAlg::*;
    let note = |s: &[(usize, SignatureStatus)]| -> Vec<Found> {
        let refs: Vec<(usize, &SignatureStatus)> = s.iter().map(|(i, s)| (*i, s)).collect();
        signature_notes(&refs)
            .iter()
            .map(|f| match f.what() {
                What::Xrml(x) => x.clone(),
                other => panic!("{other:?}"),
            })
            .collect()
    };
    assert_eq!(
        note(&[
            (0, status(Sha1, Some(Stripped), true)),
            (1, status(Sha1, Some(Stripped), false)),
            (2, status(Sha256, Some(Raw), true)),
            (3, status(Sha1, None, true)),
            (4, status(Sha256, Some(Stripped), true)),
            (5, status(Sha1, Some(Raw), true)),
        ]),
        vec![
            Found::WhitespaceStripped {
                documents: vec![0, 4]
            },
            Found::Sha1Legacy {
                documents: vec![0, 5]
            },
        ]
    );
    assert_eq!(note(&[(2, status(Sha256, Some(Raw), true))]), vec![]);
    assert_eq!(note(&[(1, status(Sha1, Some(Stripped), false))]), vec![]);
}
