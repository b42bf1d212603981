//! The reproductions of an adversarial review of the staged verifier (no keys, bytes edited),
//! made here from the generator's genuine chain by fixed rules. Each once gave a false VALID or
//! went unnoticed; each must now be refused with its exact finding.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use common::{data, test_policy as policy};
use slc_courier_core::chain::{self, verify_chain, ChainReport, Outcome};
use slc_courier_core::finding::{codes, Code, Code::*, Subject, What};
use slc_courier_core::request::check_request;
use slc_courier_core::xml::{Problem as XmlProblem, XmlError};
use slc_courier_core::xrml;

fn docs(rel: &str) -> Vec<String> {
    let s = String::from_utf8(data(rel)).unwrap();
    s.split_inclusive("</XrML>")
        .filter(|d| d.contains("<XrML"))
        .map(str::to_owned)
        .collect()
}

fn verify(bytes: &[u8], request: &str) -> ChainReport {
    let req = check_request(&data(&format!("request/good/{request}")), Some(request));
    verify_chain(bytes, &policy(), Some(&req))
}

#[track_caller]
fn refused(bytes: &[u8], request: &str, expected: &[Code]) {
    let r = verify(bytes, request);
    assert_eq!(codes(&r.findings), expected, "{:#?}", r.findings);
    assert_eq!(r.verdict().outcome, Outcome::NotValid);
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The SLC with `f` applied to (head up to BODY, BODY, SIGNATURE…, tail).
fn edit_slc(f: impl Fn(&str, &str, &str) -> String) -> String {
    let mut d = docs("chain/good/sha1-compact.xml");
    let s = d[0].clone();
    let (bs, be) = (s.find("<BODY").unwrap(), s.find("</BODY>").unwrap() + 7);
    let end = s.rfind("</XrML>").unwrap();
    d[0] = f(&s[..bs], &s[bs..be], &s[be..end]) + "</XrML>";
    d.concat()
}

const RMS01: &str = "RMS01EnrollRequest.xml";

#[test]
fn a_second_body_inside_signature_is_unsigned_content() {
    // An ordinary XML reader taking the first BODY would see the forged one.
    let fake = |body: &str| body.replace("<NAME>RMS01</NAME>", "<NAME>EVIL</NAME>");
    let in_sig = edit_slc(|head, body, sig| {
        format!(
            "{head}{}{body}",
            sig.replacen("<SIGNATURE>", &format!("<SIGNATURE>{}", fake(body)), 1)
        )
    });
    // (The SLC's signature block moved before its BODY as well.)
    refused(
        in_sig.as_bytes(),
        RMS01,
        &[XrmlUnsignedContent, SignatureSha1Legacy, AnchorTest],
    );
    let in_digest = edit_slc(|head, body, sig| {
        format!(
            "{head}{body}{}",
            sig.replacen("<DIGEST>", &format!("<DIGEST>{}", fake(body)), 1)
        )
    });
    refused(
        in_digest.as_bytes(),
        RMS01,
        &[XrmlUnsignedContent, SignatureSha1Legacy, AnchorTest],
    );
    let text_in_sig = edit_slc(|head, body, sig| {
        format!(
            "{head}{body}{}",
            sig.replacen("<SIGNATURE>", "<SIGNATURE>RMS01 is fine", 1)
        )
    });
    refused(
        text_in_sig.as_bytes(),
        RMS01,
        &[XrmlUnsignedContent, SignatureSha1Legacy, AnchorTest],
    );
    let sig_first = edit_slc(|head, body, sig| format!("{head}{sig}{body}"));
    refused(
        sig_first.as_bytes(),
        RMS01,
        &[XrmlUnsignedContent, SignatureSha1Legacy, AnchorTest],
    );
}

#[test]
fn attributes_and_algorithms_outside_the_body_are_what_rms_writes() {
    let evil_ns = edit_slc(|head, body, sig| {
        format!(
            "{}{body}{sig}",
            head.replacen("xmlns=\"\"", "xmlns=\"urn:evil\"", 1)
        )
    });
    refused(
        evil_ns.as_bytes(),
        RMS01,
        &[XrmlUnsignedContent, SignatureSha1Legacy, AnchorTest],
    );
    let lt_in_attr = edit_slc(|head, body, sig| {
        format!(
            "{head}{body}{}",
            sig.replacen("<SIGNATURE>", "<SIGNATURE a=\"<BODY>\">", 1)
        )
    });
    refused(
        lt_in_attr.as_bytes(),
        RMS01,
        &[XrmlNotWellFormed, SignatureSha1Legacy, ChainNoSlc],
    );
    let r = verify(lt_in_attr.as_bytes(), RMS01);
    assert_eq!(
        r.findings[0].what(),
        &What::Xrml(xrml::Found::NotWellFormed {
            document: 0,
            error: Box::new(XmlError::Malformed {
                pos: lt_in_attr.find("<SIGNATURE a=").unwrap() - lt_in_attr.find("<XrML").unwrap(),
                problem: XmlProblem::LessThanInAttribute {
                    attribute: "a".into(),
                    element: "SIGNATURE".into(),
                },
            }),
        })
    );
    let no_alg = edit_slc(|head, body, sig| {
        format!(
            "{head}{body}{}",
            sig.replacen(
                "<ALGORITHM>RSA PKCS#1-V1.5</ALGORITHM>",
                "<ALGORITHM></ALGORITHM>",
                1
            )
        )
    });
    refused(
        no_alg.as_bytes(),
        RMS01,
        &[
            SignatureAlgorithmUnsupported,
            SignatureSha1Legacy,
            AnchorTest,
        ],
    );
}

#[test]
fn an_escaped_response_with_literal_documents_beside_it_is_refused() {
    let rms01 = docs("chain/good/sha1-compact.xml");
    let rms02 = docs("chain/good/sha256-compact.xml");
    let slots = ["SLC", "EnrollmentServiceCert", "EnrollmentCACert", "CACert"];
    let response = |d: &[String]| {
        format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<EnrollResponse xmlns=\"http://microsoft.com/DRM/EnrollmentService\"><LicensorCertificateChain>{}</LicensorCertificateChain></EnrollResponse>\n",
            slots.iter().zip(d).map(|(s, x)| format!("<{s}>{}</{s}>", escape(x))).collect::<String>()
        )
    };
    let plus_literal = response(&rms01) + &rms02.concat();
    let r = verify(plus_literal.as_bytes(), "RMS02EnrollRequest.xml");
    assert_eq!(r.verdict().outcome, Outcome::NotValid);
    assert_eq!(r.verdict().reason, Some(WrapperMultipleDocuments));
    let two = response(&rms02) + &response(&rms01);
    let r = verify(two.as_bytes(), "RMS02EnrollRequest.xml");
    assert_eq!(r.verdict().outcome, Outcome::NotValid);
    assert_eq!(r.verdict().reason, Some(WrapperMultipleDocuments));
    // The response alone answers its own request.
    let r = verify(response(&rms01).as_bytes(), RMS01);
    assert_eq!(r.verdict().outcome, Outcome::AnswersRequest);
}

#[test]
fn an_slc_and_a_certificate_that_name_the_issuer_differently_do_not_link() {
    // The self-enrollment SLC with the enrollment-service chain: same key and ID, other NAME.
    let own = docs("chain/good/self-enrollment.xml");
    let other = docs("chain/good/sha1-compact.xml");
    let mixed = [&own[0], &other[1], &other[2], &other[3]]
        .map(String::as_str)
        .concat();
    let r = verify(mixed.as_bytes(), "RMS01RenewRequest.xml");
    assert_eq!(
        codes(&r.findings),
        vec![SignatureSha1Legacy, ChainLinkMismatch, AnchorTest]
    );
    assert_eq!(r.verdict().reason, Some(ChainLinkMismatch));
    let link = &r.findings[1];
    assert_eq!(link.subject, Subject::Document { index: 0 });
    assert_eq!(
        link.what(),
        &What::Chain(chain::Found::LinkNameMismatch {
            document: 0,
            issuer_name: "Microsoft DRM Server Self Enrollment Service".into(),
            holder_name: "Microsoft DRM Server Enrollment Service".into(),
        })
    );
}

#[test]
fn namespaces_and_prefixes_outside_the_body_are_unsigned_content() {
    for (from, to) in [
        ("<SIGNATURE>", "<SIGNATURE xmlns=\"urn:evil\">"),
        ("<DIGEST>", "<DIGEST xmlns=\"urn:e\">"),
    ] {
        let edited =
            edit_slc(|head, body, sig| format!("{head}{body}{}", sig.replacen(from, to, 1)));
        refused(
            edited.as_bytes(),
            RMS01,
            &[XrmlUnsignedContent, SignatureSha1Legacy, AnchorTest],
        );
    }
    let prefixed = |uri: &str| {
        edit_slc(|head, body, sig| {
            format!(
                "{head}{body}{}",
                sig.replacen(
                    "<SIGNATURE>",
                    &format!("<s:SIGNATURE xmlns:s=\"{uri}\">"),
                    1
                )
                .replacen("</SIGNATURE>", "</s:SIGNATURE>", 1)
            )
        })
    };
    refused(
        prefixed("urn:s").as_bytes(),
        RMS01,
        &[XrmlUnsignedContent, SignatureSha1Legacy, AnchorTest],
    );
    // A prefix bound to the empty URI is not namespace-well-formed XML at all.
    refused(
        prefixed("").as_bytes(),
        RMS01,
        &[XrmlNotWellFormed, SignatureSha1Legacy, ChainNoSlc],
    );
}
