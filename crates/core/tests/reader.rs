//! The XrML reader and the per-document structure checks: every file that could be read two
//! ways is refused with its exact codes and subjects (`chain/ambiguous/`, made by
//! `cargo xtask gen-testdata`), and hostile shapes cost a bounded amount of work.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use common::{data, test_policy};
use slc_courier_core::chain::inspect;
use slc_courier_core::finding::{Code, Code::*, Subject};
use slc_courier_core::policy::{HashAlg, MAX_XRML_DOCUMENTS};
use slc_courier_core::verify_chain;
use slc_courier_core::xml::{Problem as XmlProblem, XmlError};
use slc_courier_core::xrml::{
    read_documents, Found, KeyProblem, PartyRole, SignatureValue, TimeElement, Wrapper,
};
use slc_courier_core::{Finding, What};

/// The typed XrML value of `f`.
#[track_caller]
fn found(f: &Finding) -> &Found {
    match f.what() {
        What::Xrml(x) => x,
        other => panic!("not an XrML finding: {other:?}"),
    }
}

const FILE: Subject = Subject::File;
const DOC0: Subject = Subject::Document { index: 0 };

/// The exact (code, subject) of every finding of `inspect`, and that `verify_chain` refuses.
#[track_caller]
fn check(bytes: &[u8], wrapper: Wrapper, docs: usize, expected: &[(Code, Subject)]) {
    let (views, w, findings) = inspect(bytes, &test_policy());
    let got: Vec<(Code, Subject)> = findings.iter().map(|f| (f.code, f.subject)).collect();
    assert_eq!(got, expected);
    assert_eq!(w, wrapper);
    assert_eq!(views.len(), docs);
    let r = verify_chain(bytes, &test_policy(), None);
    assert!(!r.verdict().valid && r.verified().is_none() && !r.nothing_wrong());
}

/// What each wrapper form adds around the document findings.
#[track_caller]
fn check_forms(case: &str, sha1_docs: Subject, doc_findings: &[(Code, Subject)]) {
    let ambiguous = |form: &str| data(&format!("chain/ambiguous/{case}-{form}.xml"));
    let notes = [(SignatureSha1Legacy, sha1_docs)];
    let bare = [doc_findings, &notes].concat();
    check(&ambiguous("bare"), Wrapper::Bare, 4, &bare);
    let soap = [&[(ResponseWrapper, FILE)], doc_findings, &notes].concat();
    check(&ambiguous("soap"), Wrapper::SoapChain, 4, &soap);
    check(
        &ambiguous("response-utf16"),
        Wrapper::EscapedResponse,
        4,
        &soap,
    );
}

#[test]
fn a_second_body_signature_digest_or_algorithm_is_refused() {
    // Neither copy is verified, so the SHA-1 note names only the other three documents.
    for case in [
        "second-body-after",
        "x-body-before",
        "second-signature",
        "second-digest-algorithm",
    ] {
        // A prefixed BODY is also in a namespace RMS never writes.
        let prefixed: &[_] = if case == "x-body-before" {
            &[(XrmlDuplicateElement, DOC0), (XrmlUnsignedContent, DOC0)]
        } else {
            &[(XrmlDuplicateElement, DOC0)]
        };
        check_forms(case, FILE, prefixed);
        let bare = data(&format!("chain/ambiguous/{case}-bare.xml"));
        let (views, _, _) = inspect(&bare, &test_policy());
        assert!(views[0].signature.is_none() && views[0].cert.signature.is_none());
    }
}

#[test]
fn content_beside_body_and_signature_is_refused() {
    for case in ["extra-element", "extra-attribute", "text-beside-body"] {
        check_forms(case, FILE, &[(XrmlUnsignedContent, DOC0)]);
    }
}

#[test]
fn nested_starts_are_one_unterminated_document_never_two() {
    let f = |form: &str| data(&format!("chain/ambiguous/nested-starts-{form}.xml"));
    check(
        &f("bare"),
        Wrapper::Bare,
        4,
        &[(XrmlUnterminated, FILE), (SignatureSha1Legacy, FILE)],
    );
    let in_holder = [
        (XrmlUnterminated, FILE),
        (WrapperMultipleDocuments, FILE),
        (ResponseWrapper, FILE),
        (SignatureSha1Legacy, FILE),
    ];
    check(&f("soap"), Wrapper::SoapChain, 4, &in_holder);
    check(
        &f("response-utf16"),
        Wrapper::EscapedResponse,
        4,
        &in_holder,
    );
    // The inner (genuine) SLC is read once; the outer start is not copied.
    let r = read_documents(&f("bare"));
    assert!(r.docs[0]
        .text
        .starts_with("<XrML version=\"1.2\" xmlns=\"\"><BODY"));
    assert_eq!(
        r.docs.iter().map(|d| d.text.len()).sum::<usize>() + 29 + 7,
        f("bare").len()
    );
}

#[test]
fn a_holder_holds_exactly_one_document() {
    let f = |case: &str| data(&format!("chain/ambiguous/{case}.xml"));
    let licence = [
        (WrapperMultipleDocuments, FILE),
        (ResponseWrapper, FILE),
        (SignatureSha1Legacy, FILE),
    ];
    check(&f("slc-and-licence-soap"), Wrapper::SoapChain, 5, &licence);
    check(
        &f("slc-and-licence-response-utf16"),
        Wrapper::EscapedResponse,
        5,
        &licence,
    );
    let unterminated = [
        (XrmlUnterminated, FILE),
        (WrapperMultipleDocuments, FILE),
        (ResponseWrapper, FILE),
        (SignatureSha1Legacy, FILE),
    ];
    check(
        &f("slc-and-unterminated-soap"),
        Wrapper::SoapChain,
        4,
        &unterminated,
    );
    check(
        &f("slc-and-unterminated-response-utf16"),
        Wrapper::EscapedResponse,
        4,
        &unterminated,
    );
    // The escaped response names the holder.
    let r = read_documents(&f("slc-and-licence-response-utf16"));
    assert_eq!(
        r.docs.iter().map(|d| d.slot.as_deref()).collect::<Vec<_>>(),
        [
            Some("SLC"),
            Some("SLC"),
            Some("EnrollmentServiceCert"),
            Some("EnrollmentCACert"),
            Some("CACert")
        ]
    );
    assert_eq!(
        found(&r.findings[0]),
        &Found::HolderMultipleDocuments {
            holder: "SLC".into(),
            line: 4,
            complete: 2,
            unterminated: 0,
        }
    );
}

/// The genuine SLC of the compact chain, and the three certificates after it.
fn slc_and_rest() -> (String, String) {
    let all = String::from_utf8(data("chain/good/sha1-compact.xml")).unwrap();
    let end = all.find("</XrML>").unwrap() + 7;
    (all[..end].to_owned(), all[end..].to_owned())
}

#[test]
fn every_duplicate_inside_signature_and_digest_is_refused() {
    let (slc, rest) = slc_and_rest();
    let sig = slc.find("<SIGNATURE>").unwrap() + "<SIGNATURE>".len();
    let digest_end = slc.find("</DIGEST>").unwrap();
    let sig_end = slc.find("</SIGNATURE>").unwrap();
    let digest = &slc[sig..digest_end + "</DIGEST>".len()];
    let digest_value = &slc[slc[..digest_end].rfind("<VALUE").unwrap()..digest_end];
    let sig_value = &slc[slc[..sig_end].rfind("<VALUE").unwrap()..sig_end];
    let at = |pos: usize, what: &str| format!("{}{what}{}{rest}", &slc[..pos], &slc[pos..]);
    for (what, bytes) in [
        ("SIGNATURE/DIGEST", at(sig_end, digest)),
        (
            "SIGNATURE/ALGORITHM",
            at(sig_end, "<ALGORITHM>RSA</ALGORITHM>"),
        ),
        ("SIGNATURE/VALUE (before)", at(sig, sig_value)),
        ("DIGEST/VALUE", at(digest_end, digest_value)),
    ] {
        let (_, _, findings) = inspect(bytes.as_bytes(), &test_policy());
        let got: Vec<(Code, Subject)> = findings.iter().map(|f| (f.code, f.subject)).collect();
        assert_eq!(
            got,
            [(XrmlDuplicateElement, DOC0), (SignatureSha1Legacy, FILE)],
            "{what}"
        );
    }
}

#[test]
fn allowed_xrml_attributes_and_whitespace_are_not_unsigned_content() {
    let (slc, rest) = slc_and_rest();
    let with_open = |open: &str| {
        format!(
            "{}{rest}",
            slc.replacen("<XrML version=\"1.2\" xmlns=\"\">", open, 1)
        )
        .into_bytes()
    };
    let codes = |b: &[u8]| -> Vec<(Code, Subject)> {
        inspect(b, &test_policy())
            .2
            .iter()
            .map(|f| (f.code, f.subject))
            .collect()
    };
    let sha1 = (SignatureSha1Legacy, FILE);
    for open in [
        "<XrML xmlns=\"\" version=\"1.2\" purpose=\"Content-License\">",
        "<XrML version=\"1.2\" xmlns:x=\"urn:x\">",
        "<XrML version=\"1.2\" xmlns=\"\">\r\n\t ",
    ] {
        assert_eq!(codes(&with_open(open)), [sha1], "{open}");
    }
    for open in [
        "<XrML version=\"1.2\" x:version=\"1.2\" xmlns:x=\"urn:x\">",
        "<XrML version=\"1.2\" xmlns=\"\">\u{a0}",
        "<XrML version=\"1.2\" xmlns=\"\"><![CDATA[x]]>",
    ] {
        assert_eq!(
            codes(&with_open(open)),
            [(XrmlUnsignedContent, DOC0), sha1],
            "{open}"
        );
    }
}

#[test]
fn reading_findings_name_the_file_and_document_findings_their_document() {
    let (slc, rest) = slc_and_rest();
    // The SLC moved to the end (index 3) and damaged: its findings name it.
    let bytes = format!("{rest}{}", slc.replacen("<ISSUEDTIME>", "<ISSUEDTIME>x", 1));
    let (_, _, findings) = inspect(bytes.as_bytes(), &test_policy());
    let got: Vec<(Code, Subject)> = findings.iter().map(|f| (f.code, f.subject)).collect();
    assert_eq!(
        got,
        [
            (TimeInvalid, Subject::Document { index: 3 }),
            (DigestMismatch, Subject::Document { index: 3 }),
            (SignatureSha1Legacy, FILE)
        ]
    );
    // A document that is not UTF-8 cannot be cut out: a finding on the file.
    let mut bad = slc.clone().into_bytes();
    bad[100] = 0xFF;
    let (views, _, findings) = inspect(&bad, &test_policy());
    assert!(views.is_empty());
    let got: Vec<(Code, Subject)> = findings.iter().map(|f| (f.code, f.subject)).collect();
    assert_eq!(got, [(XrmlNotUtf8, FILE)]);
    assert_eq!(findings[0].location.map(|l| l.offset), Some(100));
    assert_eq!(
        found(&findings[0]),
        &Found::NotUtf8 {
            start: 0,
            invalid_at: 100,
        }
    );
}

// ------------------------------------------------------------------- bounded work

const MIB: usize = 1024 * 1024;

fn utf16le(s: &str) -> Vec<u8> {
    let mut b = vec![0xFF, 0xFE];
    b.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
    b
}

fn escaped(inner: &str) -> Vec<u8> {
    utf16le(&format!("<?xml version=\"1.0\" encoding=\"utf-16\"?><EnrollResponse><LicensorCertificateChain><SLC>{inner}</SLC></LicensorCertificateChain></EnrollResponse>"))
}

#[track_caller]
fn bounded(bytes: &[u8], wrapper: Wrapper, docs: usize, expected: &[(Code, Subject)]) {
    let r = read_documents(bytes);
    let got: Vec<(Code, Subject)> = r.findings.iter().map(|f| (f.code, f.subject)).collect();
    assert_eq!(got, expected);
    assert_eq!(r.wrapper, wrapper);
    assert_eq!(r.docs.len(), docs);
}

#[test]
fn a_mebibyte_of_starts_is_one_finding_each_within_the_budget() {
    let starts = "<XrML ".repeat(MIB / 6);
    assert!(starts.len() / 6 > MAX_XRML_DOCUMENTS);
    let over = [(XrmlUnterminated, FILE), (XrmlTooManyDocuments, FILE)];
    bounded(starts.as_bytes(), Wrapper::Bare, 0, &over);
    bounded(&utf16le(&starts), Wrapper::Bare, 0, &over);
    let esc = "&lt;XrML ".repeat(MIB / 10);
    bounded(
        &escaped(&esc),
        Wrapper::EscapedResponse,
        0,
        &[
            (XrmlUnterminated, FILE),
            (XrmlTooManyDocuments, FILE),
            (ResponseWrapper, FILE),
        ],
    );
    // The budget is one for the whole response, not one per holder.
    let half = "&lt;XrML&gt;&lt;/XrML&gt;".repeat(MAX_XRML_DOCUMENTS / 2 + 1);
    let two = utf16le(&format!(
        "<EnrollResponse><SLC>{half}</SLC><CACert>{half}</CACert></EnrollResponse>"
    ));
    bounded(
        &two,
        Wrapper::EscapedResponse,
        MAX_XRML_DOCUMENTS,
        &[
            (WrapperMultipleDocuments, FILE),
            (WrapperMultipleDocuments, FILE),
            (XrmlTooManyDocuments, FILE),
            (ResponseWrapper, FILE),
        ],
    );
    // Complete documents: exactly the budget is read, then the reading stops.
    let complete = "<XrML></XrML>".repeat(MIB / 13);
    bounded(
        complete.as_bytes(),
        Wrapper::Bare,
        MAX_XRML_DOCUMENTS,
        &[(XrmlTooManyDocuments, FILE)],
    );
}

#[test]
fn nested_starts_then_one_end_copy_only_the_innermost() {
    let n = MAX_XRML_DOCUMENTS - 1;
    let nested = format!("{}</XrML>", "<XrML>".repeat(n));
    for (bytes, wrapper) in [
        (nested.clone().into_bytes(), Wrapper::Bare),
        (utf16le(&nested), Wrapper::Bare),
    ] {
        let r = read_documents(&bytes);
        let got: Vec<Code> = r.findings.iter().map(|f| f.code).collect();
        assert_eq!(got, [XrmlUnterminated]);
        assert_eq!(r.wrapper, wrapper);
        assert_eq!(r.docs.len(), 1);
        assert_eq!(r.docs[0].text, "<XrML></XrML>");
        assert_eq!(
            found(&r.findings[0]),
            &Found::Unterminated {
                count: n - 1,
                holder: None,
            }
        );
        // The first unterminated start, as a byte offset in the file (after a UTF-16 BOM).
        let first = if bytes[0] == 0xFF { 2 } else { 0 };
        assert_eq!(r.findings[0].location.map(|l| l.offset), Some(first));
    }
    let esc = format!("{}&lt;/XrML&gt;", "&lt;XrML&gt;".repeat(n));
    let r = read_documents(&escaped(&esc));
    let got: Vec<Code> = r.findings.iter().map(|f| f.code).collect();
    assert_eq!(
        got,
        [XrmlUnterminated, WrapperMultipleDocuments, ResponseWrapper]
    );
    assert_eq!(r.docs.len(), 1);
    assert_eq!(r.docs[0].text, "<XrML></XrML>");
    // One start past the budget, even nested, stops the reading.
    let over = format!("{}</XrML>", "<XrML>".repeat(MAX_XRML_DOCUMENTS + 1));
    bounded(
        over.as_bytes(),
        Wrapper::Bare,
        0,
        &[(XrmlUnterminated, FILE), (XrmlTooManyDocuments, FILE)],
    );
}

// ------------------------------------------------------------- one code per problem

/// The (code, typed value) of every finding of `inspect`.
fn typed(bytes: &[u8]) -> Vec<(Code, Found)> {
    inspect(bytes, &test_policy())
        .2
        .iter()
        .map(|f| (f.code, found(f).clone()))
        .collect()
}

#[test]
fn each_reading_problem_has_its_own_code_and_typed_context() {
    // Not well-formed: the parser's error variant, with its position in the document.
    assert_eq!(
        typed(b"junk<XrML><BODY></XrML>"),
        [(
            XrmlNotWellFormed,
            Found::NotWellFormed {
                document: 0,
                error: Box::new(XmlError::Malformed {
                    pos: 12,
                    problem: XmlProblem::MismatchedEndTag {
                        expected: "BODY".into(),
                        found: "XrML".into(),
                    },
                }),
            }
        )]
    );
    // A BODY without an issuer key, and no SIGNATURE.
    assert_eq!(
        typed(b"<XrML><BODY><ISSUER/></BODY></XrML>"),
        [
            (XrmlNoIssuerKey, Found::NoIssuerKey { document: 0 }),
            (XrmlNoSignature, Found::NoSignature { document: 0 }),
        ]
    );
    // A SIGNATURE without its values.
    assert_eq!(
        typed(b"<XrML><BODY/><SIGNATURE><DIGEST/></SIGNATURE></XrML>")[1],
        (
            SignatureIncomplete,
            Found::SignatureIncomplete {
                document: 0,
                missing: vec![SignatureValue::DigestValue, SignatureValue::Value],
            }
        )
    );
    assert_eq!(
        typed(b"<XrML><BODY/><SIGNATURE><DIGEST><VALUE>AAAA</VALUE></DIGEST></SIGNATURE></XrML>")
            [1],
        (
            SignatureIncomplete,
            Found::SignatureIncomplete {
                document: 0,
                missing: vec![SignatureValue::Value],
            }
        )
    );
    assert_eq!(
        typed(b"<XrML><BODY/><SIGNATURE><DIGEST><VALUE>@@</VALUE></DIGEST><VALUE>AAAA</VALUE></SIGNATURE></XrML>")[1],
        (
            SignatureBase64Invalid,
            Found::SignatureBase64Invalid {
                document: 0,
                element: SignatureValue::DigestValue,
            }
        )
    );
}

#[test]
fn unreadable_keys_and_times_name_the_party_the_reason_and_the_element() {
    let (slc, rest) = slc_and_rest();
    let exponent = "<PARAMETER name=\"public-exponent\"><VALUE encoding=\"integer32\">";
    assert!(slc.contains(exponent));
    // The issuer's exponent (the first PUBLICKEY is the issuer's), then the principal's.
    let issuer = slc.replacen(&format!("{exponent}65537"), &format!("{exponent}x65537"), 1);
    let at = slc.rfind(exponent).unwrap() + exponent.len();
    let principal = format!("{}x{}", &slc[..at], &slc[at..]);
    for (bytes, party) in [
        (issuer, PartyRole::Issuer),
        (principal, PartyRole::Principal),
    ] {
        let got = typed(format!("{bytes}{rest}").as_bytes());
        assert_eq!(
            got[0],
            (
                XrmlKeyUnreadable,
                Found::KeyUnreadable {
                    document: 0,
                    party,
                    reason: KeyProblem::ExponentNotInteger,
                }
            )
        );
    }
    // An unreadable issuer key is said once: not also "no issuer key".
    let issuer = slc.replacen(&format!("{exponent}65537"), &format!("{exponent}x65537"), 1);
    let got: Vec<Code> = typed(format!("{issuer}{rest}").as_bytes())
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    assert_eq!(got, [XrmlKeyUnreadable, SignatureSha1Legacy]);
    let bad_time = slc.replacen("<ISSUEDTIME>", "<ISSUEDTIME>x", 1);
    let value = {
        let from = bad_time.find("<ISSUEDTIME>").unwrap() + "<ISSUEDTIME>".len();
        let to = bad_time.find("</ISSUEDTIME>").unwrap();
        bad_time[from..to].trim().to_owned()
    };
    assert_eq!(
        typed(format!("{bad_time}{rest}").as_bytes())[0],
        (
            TimeInvalid,
            Found::TimeInvalid {
                document: 0,
                element: TimeElement::Issued,
                value,
            }
        )
    );
}

#[test]
fn an_unreadable_enrollment_response_is_its_own_code() {
    let text = "<EnrollResponse><SLC>&lt;XrML&gt;&lt;/XrML&gt;";
    let r = read_documents(text.as_bytes());
    assert!(r.docs.is_empty());
    let got: Vec<(Code, Subject)> = r.findings.iter().map(|f| (f.code, f.subject)).collect();
    assert_eq!(got, [(ResponseUnreadable, FILE)]);
    assert_eq!(
        found(&r.findings[0]),
        &Found::ResponseUnreadable {
            error: Box::new(XmlError::Truncated {
                pos: text.len(),
                open: Some("SLC".into()),
            }),
        }
    );
    let r = verify_chain(text.as_bytes(), &test_policy(), None);
    assert!(!r.verdict().valid && r.verified().is_none());
}

#[test]
fn signature_findings_carry_the_document_the_algorithm_and_the_key() {
    let (slc, rest) = slc_and_rest();
    let first = |bytes: String, policy: &slc_courier_core::Policy| -> (Code, Found) {
        let (_, _, findings) = inspect(bytes.as_bytes(), policy);
        (findings[0].code, found(&findings[0]).clone())
    };
    let p = test_policy();
    // The chain with its SLC's digest algorithm named `name`.
    let digest_named = |name: &str| {
        format!(
            "{}{rest}",
            slc.replacen(
                "<ALGORITHM>SHA1</ALGORITHM>",
                &format!("<ALGORITHM>{name}</ALGORITHM>"),
                1
            )
        )
    };
    // Another algorithm, and not the names' own spellings (any case, `SHA-1` too): not dashes
    // anywhere.
    for odd in ["md-5", "S-H-A-1", "SHA--1", "-SHA1-", "SHA1-", "SHA 1"] {
        assert_eq!(
            first(digest_named(odd), &p),
            (
                SignatureAlgorithmUnsupported,
                Found::DigestAlgorithmUnknown {
                    document: 0,
                    algorithm: odd.into(),
                }
            ),
            "{odd}"
        );
    }
    for same in ["sha1", "SHA-1", "Sha-1"] {
        let (_, _, findings) = inspect(digest_named(same).as_bytes(), &p);
        assert!(
            !findings
                .iter()
                .any(|f| f.code == SignatureAlgorithmUnsupported),
            "{same}"
        );
    }
    assert_eq!(
        first(
            format!("{}{rest}", slc.replacen("RSA PKCS#1-V1.5", "RSA-PSS", 1)),
            &p
        ),
        (
            SignatureAlgorithmUnsupported,
            Found::SignatureAlgorithmUnknown {
                document: 0,
                algorithm: "RSA-PSS".into(),
            }
        )
    );
    let sha256_only = slc_courier_core::Policy {
        hashes: vec![HashAlg::Sha256],
        ..test_policy()
    };
    assert_eq!(
        first(format!("{slc}{rest}"), &sha256_only),
        (
            SignatureAlgorithmUnsupported,
            Found::HashNotAccepted {
                document: 0,
                hash: HashAlg::Sha1,
            }
        )
    );
    // The SLC moved to the end: the findings name document 3.
    let altered = slc.replacen("<NAME>RMS01</NAME>", "<NAME>RMS02</NAME>", 1);
    assert_eq!(
        first(format!("{rest}{altered}"), &p),
        (
            DigestMismatch,
            Found::DigestMismatch {
                document: 3,
                kind: "Server-Licensor-Certificate".into(),
            }
        )
    );
    // The first base64 character of the SLC's SIGNATURE/VALUE, changed.
    let digest_end = slc.find("</DIGEST>").unwrap();
    let at = digest_end + slc[digest_end..].find("size=\"1024\">").unwrap() + 12;
    let swapped = if &slc[at..=at] == "A" { "B" } else { "A" };
    let forged = format!("{}{swapped}{}", &slc[..at], &slc[at + 1..]);
    let (_, _, findings) = inspect(format!("{forged}{rest}").as_bytes(), &p);
    let got: Vec<(Code, Found)> = findings
        .iter()
        .map(|f| (f.code, found(f).clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                SignatureInvalid,
                Found::SignatureInvalid {
                    document: 0,
                    kind: "Server-Licensor-Certificate".into(),
                    key_bits: 1024,
                }
            ),
            (
                SignatureSha1Legacy,
                Found::Sha1Legacy {
                    documents: vec![1, 2, 3],
                }
            ),
        ]
    );
}

#[test]
fn wrappers_and_notes_carry_their_counts() {
    let soap = data("chain/ambiguous/second-body-after-soap.xml");
    let r = read_documents(&soap);
    assert_eq!(
        found(&r.findings[0]),
        &Found::Wrapped {
            wrapper: Wrapper::SoapChain,
            documents: 4,
        }
    );
    let pretty = data("chain/good/sha1-pretty.xml");
    let (_, _, findings) = inspect(&pretty, &test_policy());
    assert_eq!(
        findings.iter().map(found).cloned().collect::<Vec<_>>(),
        [
            Found::WhitespaceStripped {
                documents: vec![0, 1, 2, 3],
            },
            Found::Sha1Legacy {
                documents: vec![0, 1, 2, 3],
            },
        ]
    );
    // Literal documents beside an escaped response.
    let (slc, _) = slc_and_rest();
    let esc = slc
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let both = format!("<EnrollResponse><SLC>{esc}</SLC></EnrollResponse>{slc}");
    let r = read_documents(both.as_bytes());
    assert_eq!(
        found(&r.findings[0]),
        &Found::LiteralAndEscaped { literal: 1 }
    );
    let trailing = format!("<EnrollResponse><SLC>{esc}</SLC></EnrollResponse> <x/>");
    let r = read_documents(trailing.as_bytes());
    assert_eq!(
        r.findings.iter().map(found).cloned().collect::<Vec<_>>(),
        [
            Found::ResponseTrailing {
                offset: trailing.len() - 4,
            },
            Found::Wrapped {
                wrapper: Wrapper::EscapedResponse,
                documents: 1,
            },
        ]
    );
}

/// What the checks read from BODY appears once: a second DESCRIPTOR (another type), ISSUER,
/// ISSUEDTIME, VALIDITYTIME or ISSUEDPRINCIPALS, or a second OBJECT / PUBLICKEY inside them,
/// would let another reader take other values under the same signature.
#[test]
fn every_duplicate_of_what_body_says_is_refused() {
    let (slc, rest) = slc_and_rest();
    let body = slc.find("<BODY").unwrap();
    let body = body + slc[body..].find('>').unwrap() + 1;
    let element = |name: &str| {
        let start = slc.find(&format!("<{name}")).unwrap();
        let end = slc.find(&format!("</{name}>")).unwrap() + name.len() + 3;
        slc[start..end].to_owned()
    };
    for (parent, name) in [
        ("BODY", "DESCRIPTOR"),
        ("BODY", "ISSUER"),
        ("BODY", "ISSUEDTIME"),
        ("BODY", "ISSUEDPRINCIPALS"),
    ] {
        let bytes = format!("{}{}{}{rest}", &slc[..body], element(name), &slc[body..]);
        let (_, _, findings) = inspect(bytes.as_bytes(), &test_policy());
        let dup = findings
            .iter()
            .find(|f| f.code == XrmlDuplicateElement)
            .unwrap_or_else(|| panic!("{name}: {findings:?}"));
        assert_eq!(
            dup.what(),
            &What::Xrml(Found::DuplicateElement {
                document: 0,
                duplicates: vec![slc_courier_core::xrml::Duplicate {
                    parent: parent.into(),
                    element: name.into(),
                    name: None,
                    count: 2,
                }],
            }),
            "{name}"
        );
        assert_eq!(dup.subject, DOC0, "{name}");
    }
    // Inside DESCRIPTOR: a second OBJECT.
    let object = {
        let d = element("DESCRIPTOR");
        let s = d.find("<OBJECT").unwrap();
        let e = d.find("</OBJECT>").unwrap() + "</OBJECT>".len();
        d[s..e].to_owned()
    };
    let at = slc.find("<DESCRIPTOR>").unwrap() + "<DESCRIPTOR>".len();
    let bytes = format!("{}{object}{}{rest}", &slc[..at], &slc[at..]);
    let (_, _, findings) = inspect(bytes.as_bytes(), &test_policy());
    assert!(findings.iter().any(|f| f.what()
        == &What::Xrml(Found::DuplicateElement {
            document: 0,
            duplicates: vec![slc_courier_core::xrml::Duplicate {
                parent: "DESCRIPTOR".into(),
                element: "OBJECT".into(),
                name: None,
                count: 2,
            }],
        })));
}

/// A BODY put in a namespace — by a prefix or by a default `xmlns` — is another element to a
/// namespace-aware reader: refused as unsigned content, whichever way it is written.
#[test]
fn a_body_in_a_namespace_is_refused_by_prefix_or_by_default_namespace() {
    let (slc, rest) = slc_and_rest();
    for (what, body) in [
        (
            "prefix",
            slc.replacen("<BODY", "<x:BODY xmlns:x=\"urn:x\"", 1)
                .replacen("</BODY>", "</x:BODY>", 1),
        ),
        (
            "default namespace",
            slc.replacen("<BODY", "<BODY xmlns=\"urn:x\"", 1),
        ),
    ] {
        let bytes = format!("{body}{rest}");
        let (_, _, findings) = inspect(bytes.as_bytes(), &test_policy());
        let unsigned = findings
            .iter()
            .find(|f| f.code == XrmlUnsignedContent)
            .unwrap_or_else(|| panic!("{what}: {findings:?}"));
        let What::Xrml(Found::UnsignedContent { extras, .. }) = unsigned.what() else {
            panic!("{what}: {unsigned:?}");
        };
        assert!(
            extras.contains(&slc_courier_core::xrml::Extra::Namespaced {
                name: if what == "prefix" { "x:BODY" } else { "BODY" }.into()
            }),
            "{what}: {extras:?}"
        );
        assert_eq!(unsigned.subject, DOC0, "{what}");
    }
}

/// Every once-only element the checks read below BODY (the party's OBJECT and PUBLICKEY, its
/// ID, NAME and ADDRESS, the key's ALGORITHM, a PARAMETER per name and its VALUE, the ISSUE
/// right's CONDITIONLIST / TIME / RANGETIME and their FROM, VALIDITYTIME's FROM and UNTIL)
/// is refused when written twice, in the SLC's ISSUER or principal alike; a PARAMETER of
/// another name is not a copy.
#[test]
fn every_duplicate_of_what_a_party_key_or_time_says_is_refused() {
    let (slc, rest) = slc_and_rest();
    let principal = slc.find("<ISSUEDPRINCIPALS>").unwrap();
    // (from, to, looked for from ISSUEDPRINCIPALS on rather than in the ISSUER, duplicate)
    type Dup<'a> = (&'a str, &'a str, Option<&'a str>);
    let cases: [(&str, &str, bool, Dup); 14] = [
        (
            "<PUBLICKEY>",
            "<PUBLICKEY><ALGORITHM>DSA</ALGORITHM>",
            false,
            ("PUBLICKEY", "ALGORITHM", None),
        ),
        (
            "<PUBLICKEY>",
            "<PUBLICKEY><ALGORITHM>DSA</ALGORITHM>",
            true,
            ("PUBLICKEY", "ALGORITHM", None),
        ),
        (
            "<PUBLICKEY>",
            "<PUBLICKEY><PARAMETER name=\"public-exponent\"><VALUE>3</VALUE></PARAMETER>",
            false,
            ("PUBLICKEY", "PARAMETER", Some("public-exponent")),
        ),
        (
            "<VALUE encoding=\"integer32\">",
            "<VALUE>3</VALUE><VALUE encoding=\"integer32\">",
            true,
            ("PARAMETER", "VALUE", None),
        ),
        (
            "</NAME>",
            "</NAME><NAME>Other</NAME>",
            false,
            ("OBJECT", "NAME", None),
        ),
        (
            "</NAME>",
            "</NAME><NAME>Other</NAME>",
            true,
            ("OBJECT", "NAME", None),
        ),
        (
            "</ID>",
            "</ID><ID type=\"MS-GUID\">{00000000-0000-4000-8000-000000000000}</ID>",
            false,
            ("OBJECT", "ID", None),
        ),
        (
            "</ADDRESS>",
            "</ADDRESS><ADDRESS type=\"URL\">https://evil.test/_wmcs</ADDRESS>",
            true,
            ("OBJECT", "ADDRESS", None),
        ),
        (
            "</OBJECT>",
            "</OBJECT><OBJECT type=\"MS-DRM-Server\"></OBJECT>",
            true,
            ("PRINCIPAL", "OBJECT", None),
        ),
        (
            "</PUBLICKEY>",
            "</PUBLICKEY><PUBLICKEY></PUBLICKEY>",
            true,
            ("PRINCIPAL", "PUBLICKEY", None),
        ),
        (
            "<CONDITIONLIST>",
            "<CONDITIONLIST></CONDITIONLIST><CONDITIONLIST>",
            true,
            ("RIGHT", "CONDITIONLIST", None),
        ),
        (
            "<TIME>",
            "<TIME></TIME><TIME>",
            true,
            ("CONDITIONLIST", "TIME", None),
        ),
        (
            "<RANGETIME>",
            "<RANGETIME></RANGETIME><RANGETIME>",
            true,
            ("TIME", "RANGETIME", None),
        ),
        (
            "</FROM>",
            "</FROM><FROM>2001-01-01T00:00</FROM>",
            true,
            ("RANGETIME", "FROM", None),
        ),
    ];
    let validity = [
        ("<VALIDITYTIME><FROM>2026-11-20T10:00</FROM><FROM>2001-01-01T00:00</FROM><UNTIL>2046-06-18T10:00</UNTIL></VALIDITYTIME>", ("VALIDITYTIME", "FROM", None)),
        ("<VALIDITYTIME><FROM>2026-11-20T10:00</FROM><UNTIL>2046-06-18T10:00</UNTIL><UNTIL>2001-01-01T00:00</UNTIL></VALIDITYTIME>", ("VALIDITYTIME", "UNTIL", None)),
    ];
    let edits = cases
        .iter()
        .map(|&(from, to, in_principal, dup)| {
            let at = if in_principal {
                principal + slc[principal..].find(from).unwrap()
            } else {
                slc.find(from).unwrap()
            };
            assert!(in_principal || at < principal, "{from}");
            (
                format!("{}{to}{}", &slc[..at], &slc[at + from.len()..]),
                dup,
            )
        })
        .chain(validity.iter().map(|&(v, dup)| {
            (
                slc.replacen("</ISSUEDTIME>", &format!("</ISSUEDTIME>{v}"), 1),
                dup,
            )
        }));
    for (edited, (parent, element, name)) in edits {
        let bytes = format!("{edited}{rest}");
        let dups = duplicate_findings(&bytes);
        assert_eq!(
            dups,
            vec![(
                DOC0,
                What::Xrml(Found::DuplicateElement {
                    document: 0,
                    duplicates: vec![slc_courier_core::xrml::Duplicate {
                        parent: parent.into(),
                        element: element.into(),
                        name: name.map(Into::into),
                        count: 2,
                    }],
                })
            )],
            "{parent}/{element}"
        );
    }
}

/// Only what the checks read is once-only: two rights of another name (a licence may grant
/// VIEW in two groups), with two CONDITIONLISTs in one of them, are not refused.
#[test]
fn other_rights_and_parameters_may_repeat() {
    let (slc, rest) = slc_and_rest();
    let edited = slc.replacen(
        "<RIGHTSLIST>",
        "<RIGHTSLIST><RIGHT name=\"VIEW\"><CONDITIONLIST /><CONDITIONLIST /></RIGHT><RIGHT name=\"VIEW\" />",
        1,
    );
    assert_ne!(edited, slc);
    let bytes = format!("{edited}{rest}");
    let (_, _, findings) = inspect(bytes.as_bytes(), &test_policy());
    assert!(
        !findings.iter().any(|f| f.code == XrmlDuplicateElement),
        "{findings:?}"
    );
}

/// What a reader that searches descendants, compares names case-blind or reads attributes by
/// local name would take instead of what this reader reads: a copy below its place (first in
/// document order), one only below its place, an ISSUE right spelled in another case, a
/// prefixed `type` or `name`. Each is `xrml-duplicate-element` naming exactly that copy.
#[test]
fn copies_below_their_place_in_another_case_or_prefixed_are_duplicates() {
    use slc_courier_core::xrml::Duplicate;
    let (slc, rest) = slc_and_rest();
    let dup = |parent: &str, element: &str, name: Option<&str>, count: usize| Duplicate {
        parent: parent.into(),
        element: element.into(),
        name: name.map(Into::into),
        count,
    };
    let range = "<TIME><RANGETIME><FROM>2026-11-20T10:00</FROM><UNTIL>2046-06-18T10:00</UNTIL></RANGETIME></TIME>";
    let validity =
        "<VALIDITYTIME><FROM>2026-11-20T10:00</FROM><UNTIL>2099-12-31T23:59</UNTIL></VALIDITYTIME>";
    let right = {
        let at = slc.find("<RIGHT name=\"ISSUE\">").unwrap();
        &slc[at..at + slc[at..].find("</RIGHT>").unwrap() + "</RIGHT>".len()]
    };
    assert!(right.contains(range), "{right}");
    let principal = "<PRINCIPAL internal-id=\"1\"><OBJECT type=\"MS-DRM-Server\"><ID type=\"MS-GUID\">{11111111-2222-3333-4444-555555555555}</ID><NAME>EVIL</NAME></OBJECT></PRINCIPAL>";
    let cases: Vec<(&str, String, Vec<Duplicate>)> = vec![
        (
            "<RIGHT name=\"ISSUE\"><CONDITIONLIST>",
            format!("<RIGHT name=\"ISSUE\"><X><CONDITIONLIST>{range}</CONDITIONLIST></X><CONDITIONLIST>"),
            vec![dup("RIGHT", "CONDITIONLIST", None, 2)],
        ),
        // A second TIME beside the CONDITIONLIST, and a lone RANGETIME off the path.
        (
            "<RIGHT name=\"ISSUE\"><CONDITIONLIST>",
            format!("<RIGHT name=\"ISSUE\"><X>{range}</X><CONDITIONLIST>"),
            vec![dup("RIGHT", "TIME", None, 2), dup("RIGHT", "RANGETIME", None, 2)],
        ),
        // The only RANGETIME off the path this reader follows: below TIME, or beside the
        // CONDITIONLIST.
        (
            right,
            right.replacen("<TIME>", "<TIME><X>", 1).replacen("</TIME>", "</X></TIME>", 1),
            vec![dup("TIME", "RANGETIME", None, 1)],
        ),
        (
            right,
            format!(
                "<RIGHT name=\"ISSUE\"><X>{range}</X>{}",
                right
                    .replacen(range, "", 1)
                    .trim_start_matches("<RIGHT name=\"ISSUE\">")
            ),
            vec![dup("RIGHT", "RANGETIME", None, 1)],
        ),
        (
            "<DESCRIPTOR>",
            "<DESCRIPTOR><ISSUEDTIME>2001-01-01T00:00</ISSUEDTIME>".into(),
            vec![dup("BODY", "ISSUEDTIME", None, 2)],
        ),
        (
            "<ISSUEDPRINCIPALS>",
            format!("<ISSUEDPRINCIPALS><X>{principal}</X>"),
            vec![dup("ISSUEDPRINCIPALS", "PRINCIPAL", None, 2)],
        ),
        (
            "<ISSUEDPRINCIPALS>",
            format!("<ISSUEDPRINCIPALS>{validity}"),
            vec![dup("BODY", "VALIDITYTIME", None, 1)],
        ),
        (
            "<RIGHT name=\"ISSUE\">",
            format!("<RIGHT name=\"issue\"><CONDITIONLIST>{range}</CONDITIONLIST></RIGHT><RIGHT name=\"ISSUE\">"),
            vec![dup("WORK", "RIGHT", Some("issue"), 2)],
        ),
        (
            "<RIGHT name=\"ISSUE\">",
            format!("<RIGHT name=\" Issue \"><CONDITIONLIST>{range}</CONDITIONLIST></RIGHT><RIGHT name=\"ISSUE\">"),
            vec![dup("WORK", "RIGHT", Some(" Issue "), 2)],
        ),
        (
            "</PUBLICKEY><SECURITYLEVEL",
            "<PARAMETER xmlns:p=\"urn:p\" p:name=\"modulus\"><VALUE encoding=\"base64\" size=\"1024\">AAAA</VALUE></PARAMETER></PUBLICKEY><SECURITYLEVEL".into(),
            vec![dup("PARAMETER", "@name", None, 1)],
        ),
        (
            "<OBJECT type=\"Server-Licensor-Certificate\">",
            "<OBJECT xmlns:p=\"urn:p\" p:type=\"Content-License\" type=\"Server-Licensor-Certificate\">".into(),
            vec![dup("OBJECT", "@type", None, 2)],
        ),
        (
            "<XrML",
            "<XrML xmlns:p=\"urn:p\" p:purpose=\"x\"".into(),
            vec![dup("XrML", "@purpose", None, 1)],
        ),
    ];
    for (from, to, expected) in cases {
        assert!(slc.contains(from), "{from}");
        let bytes = format!("{}{rest}", slc.replacen(from, &to, 1));
        let dups = duplicate_findings(&bytes);
        assert_eq!(
            dups,
            vec![(
                DOC0,
                What::Xrml(Found::DuplicateElement {
                    document: 0,
                    duplicates: expected,
                })
            )],
            "{to}"
        );
    }
    // What real documents write stays as it is: prefixed attributes the checks do not read,
    // `xml:` attributes, principals named in rights.
    for (from, to) in [
        (
            "<OBJECT type=\"Server-Licensor-Certificate\">",
            "<OBJECT xmlns:p=\"urn:p\" p:other=\"x\" xml:lang=\"en\" type=\"Server-Licensor-Certificate\">",
        ),
        (
            "<RIGHT name=\"ISSUE\"><CONDITIONLIST>",
            "<RIGHT name=\"ISSUE\"><CONDITIONLIST><ACCESS><PRINCIPAL internal-id=\"1\"/></ACCESS>",
        ),
    ] {
        assert!(slc.contains(from), "{from}");
        let bytes = format!("{}{rest}", slc.replacen(from, to, 1));
        let (_, _, findings) = inspect(bytes.as_bytes(), &test_policy());
        assert!(
            !findings.iter().any(|f| f.code == XrmlDuplicateElement),
            "{to}: {findings:?}"
        );
    }
}

/// The `xrml-duplicate-element` findings of `bytes` read as a chain: (subject, what found).
fn duplicate_findings(bytes: &str) -> Vec<(slc_courier_core::finding::Subject, What)> {
    let (_, _, findings) = inspect(bytes.as_bytes(), &test_policy());
    findings
        .iter()
        .filter(|f| f.code == XrmlDuplicateElement)
        .map(|f| (f.subject, f.what().clone()))
        .collect()
}
