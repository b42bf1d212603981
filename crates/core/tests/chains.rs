//! Step 4, data-driven: every synthetic chain (made by `cargo xtask gen-testdata` with the
//! fixed test keys) has the exact finding codes and outcome `tests/data/manifest.json` lists
//! for it; other requests, policies and times, and the typed values.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use common::{data, now, test_policy as policy};
use slc_courier_core::chain::{
    decides_genuine, deciding_documents, verify_chain, ChainKind, ChainReport, Found, Outcome,
};
use slc_courier_core::finding::{codes, Code, Code::*, Subject, What};
use slc_courier_core::policy::{Policy, TrustAnchor};
use slc_courier_core::request::{check_request, RequestReport};
use slc_courier_core::time::UtcTime;
use slc_courier_core::xrml::{Duplicate, Found as XrmlFound, TimeElement, Wrapper};
use Outcome::*;

const RMS01: Option<&str> = Some("request/good/RMS01EnrollRequest.xml");

fn request(rel: &str) -> RequestReport {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    check_request(&data(rel), Some(name))
}

fn verify_with(chain: &str, req: Option<&str>, policy: &Policy) -> ChainReport {
    let req = req.map(request);
    verify_chain(&data(&format!("chain/{chain}")), policy, req.as_ref())
}

fn verify(chain: &str, req: Option<&str>) -> ChainReport {
    verify_with(chain, req, &policy())
}

#[track_caller]
fn check_report(what: &str, r: &ChainReport, expected: &[Code], outcome: Outcome) {
    assert_eq!(codes(&r.findings), expected, "{what}: {:#?}", r.findings);
    let v = r.verdict();
    assert_eq!(v.outcome, outcome, "{what}");
    assert_eq!(v.genuine, r.verified().is_some(), "{what}");
    assert_eq!(v.valid, outcome == AnswersRequest, "{what}");
    assert_eq!(r.answered().is_some(), outcome == AnswersRequest, "{what}");
    if outcome != NotValid {
        assert!(v.genuine, "{what}");
        assert!(v.expires.is_some() && v.claimed_expires.is_none(), "{what}");
        assert_eq!(v.reason, None, "{what}");
    } else {
        assert_eq!(
            v.expires, None,
            "{what}: a rejected file has no proven expiry"
        );
        assert!(
            v.reason.is_some(),
            "{what}: a NOT VALID verdict names its reason"
        );
    }
}

#[track_caller]
fn check(chain: &str, req: Option<&str>, expected: &[Code], outcome: Outcome) {
    check_report(chain, &verify(chain, req), expected, outcome);
}

/// Every vector the manifest checks as a chain (against the request it names, with the test
/// policy at the tests' "now") has exactly the findings and the outcome listed there; every
/// vector under `chain/` but the anchor key and the requests is one.
#[test]
fn every_chain_in_the_manifest_has_its_exact_findings_and_outcome() {
    let mut checked = 0;
    for v in common::manifest() {
        let Some(e) = &v.as_chain else {
            assert!(
                !v.file.starts_with("chain/")
                    || v.file == "chain/test-root.xrml-key.txt"
                    || v.as_request.is_some(),
                "{}: no chain expectation in the manifest",
                v.file
            );
            continue;
        };
        let req = e.request.as_deref().map(request);
        let r = verify_chain(&data(&v.file), &policy(), req.as_ref());
        let expected: Vec<Code> = e.codes.iter().map(|c| common::code(c)).collect();
        let outcome = [AnswersRequest, GenuineUnpaired, NotValid]
            .into_iter()
            .find(|o| o.id() == e.outcome)
            .unwrap_or_else(|| panic!("{}: no outcome {}", v.file, e.outcome));
        check_report(&v.file, &r, &expected, outcome);
        checked += 1;
    }
    assert!(checked > 0, "the manifest lists no chain");
}

#[test]
fn a_chain_answers_its_request_with_the_key_in_either_form() {
    check(
        "good/sha1-compact.xml",
        Some("chain/attack/RMS01-capi-blob-EnrollRequest.xml"),
        &[SignatureSha1Legacy, AnchorTest],
        AnswersRequest,
    );
}

#[test]
fn without_a_request_a_genuine_chain_is_genuine_but_unpaired() {
    let r = verify("good/sha1-compact.xml", None);
    check_report(
        "unpaired",
        &r,
        &[SignatureSha1Legacy, AnchorTest],
        GenuineUnpaired,
    );
    let v = r.verdict();
    assert_eq!(v.answers_request, None);
    assert!(!v.valid);
    assert!(r.nothing_wrong());
    assert_eq!(r.pairing, None);
    let paired = verify("good/sha1-compact.xml", RMS01).verdict();
    assert_eq!(paired.answers_request, Some(true));
}

#[test]
fn the_verdict_names_the_new_expiration_date_and_the_anchor() {
    let r = verify("good/sha1-compact.xml", RMS01);
    assert_eq!(r.chain, vec![0, 1, 2, 3]);
    assert_eq!(
        r.verified().map(|v| v.path().to_vec()),
        Some(vec![0, 1, 2, 3])
    );
    assert_eq!(r.kind, Some(ChainKind::EnrollmentService));
    assert_eq!(r.wrapper, Wrapper::Bare);
    let v = r.verdict();
    assert_eq!(
        v.expires.map(|e| e.to_string()).as_deref(),
        Some("2046-06-18T10:00Z")
    );
    assert_eq!(v.days_remaining, Some(7147));
    assert_eq!(
        v.issuer.as_deref(),
        Some("Microsoft DRM Server Enrollment Service")
    );
    assert_eq!(v.server.as_deref(), Some("RMS01"));
    // The synthetic root calls itself "Microsoft DRM Production Root": the name must not
    // make it Microsoft's.
    let a = v.anchor.clone().unwrap();
    assert_eq!(a.name, "Microsoft DRM Production Root");
    assert!(!a.microsoft && v.anchor_is_test && !v.anchor_is_microsoft);
    let test = r.findings.iter().find(|f| f.code == AnchorTest).unwrap();
    assert_eq!(test.subject, Subject::Chain);
    assert_eq!(
        test.what(),
        &What::Chain(Found::AnchorTest {
            name: "Microsoft DRM Production Root".into(),
            fingerprint: a.fingerprint.clone(),
        })
    );
    assert_eq!(a.fingerprint.len(), 64);
    let p = r.pairing.clone().unwrap();
    assert!(p.guid_matches && p.key_matches && !p.request_has_errors);
    assert_eq!(
        p.certificate_url.as_deref(),
        Some("http://rms01.contoso.test/_wmcs")
    );
    assert_eq!(
        r.answered().map(|a| a.request_sha256().to_owned()),
        Some(request("request/good/RMS01EnrollRequest.xml").sha256)
    );
    assert_eq!(
        verify("good/sha1-shuffled.xml", None).chain,
        vec![1, 3, 0, 2]
    );
    assert_eq!(
        verify("good/self-enrollment.xml", None).kind,
        Some(ChainKind::SelfEnrollment)
    );
    assert_eq!(
        verify("good/sha1-response-utf16.xml", None).wrapper,
        Wrapper::EscapedResponse
    );
}

#[test]
fn a_chain_for_another_request_does_not_answer_it() {
    let l = SignatureSha1Legacy;
    check(
        "good/sha1-compact.xml",
        Some("request/good/RMS03EnrollRequest.xml"),
        &[l, AnchorTest, PairGuidMismatch, PairKeyMismatch],
        NotValid,
    );
    check(
        "good/sha256-compact.xml",
        RMS01,
        &[AnchorTest, PairGuidMismatch, PairKeyMismatch],
        NotValid,
    );
    // One value differs: the GUID is right but the key is another server's, and vice versa.
    let r = verify(
        "good/sha1-compact.xml",
        Some("chain/attack/RMS01-other-key-EnrollRequest.xml"),
    );
    check_report("other key", &r, &[l, AnchorTest, PairKeyMismatch], NotValid);
    let v = r.verdict();
    assert!(v.genuine, "the chain itself is genuine");
    assert_eq!(v.answers_request, Some(false));
    assert_eq!(v.reason, Some(PairKeyMismatch));
    let r = verify(
        "good/sha1-compact.xml",
        Some("chain/attack/RMS01-other-guid-EnrollRequest.xml"),
    );
    check_report(
        "other guid",
        &r,
        &[l, AnchorTest, PairGuidMismatch],
        NotValid,
    );
    assert_eq!(r.verdict().reason, Some(PairGuidMismatch));
    assert!(r
        .findings
        .iter()
        .filter(|f| f.code == PairGuidMismatch)
        .all(|f| f.subject == Subject::Request));
}

#[test]
fn a_request_with_errors_cannot_be_answered() {
    for bad in [
        "duplicate-element.xml",
        "version-empty.xml",
        "utf16-encoded.xml",
        "truncated.xml",
        "non-ascii.xml",
    ] {
        let rel = format!("request/bad/{bad}");
        let req = request(&rel);
        assert!(!req.is_ok(), "{bad} must have errors");
        let r = verify("good/sha1-compact.xml", Some(&rel));
        check_report(
            bad,
            &r,
            &[SignatureSha1Legacy, AnchorTest, RequestHasErrors],
            NotValid,
        );
        let v = r.verdict();
        assert!(v.genuine, "{bad}: the chain itself is genuine");
        assert_eq!(v.reason, Some(RequestHasErrors), "{bad}");
        let p = r.pairing.clone().unwrap();
        assert!(
            p.request_has_errors && !p.guid_matches && !p.key_matches,
            "{bad}"
        );
    }
    // Informational findings do not stop a request from being answered.
    check(
        "good/sha1-compact.xml",
        Some("request/bad/soap-envelope.xml"),
        &[SignatureSha1Legacy, AnchorTest],
        AnswersRequest,
    );
}

#[test]
fn a_file_without_an_slc_is_never_genuine() {
    for file in [
        "attack/no-slc.xml",
        "attack/no-slc-soap.xml",
        "attack/no-slc-response-utf16.xml",
    ] {
        // The manifest has its findings with RMS01's request: without one they are the same.
        let r = verify(file, None);
        check_report(file, &r, &codes(&verify(file, RMS01).findings), NotValid);
        assert_eq!(r.verdict().reason, Some(ChainNoSlc), "{file}");
        let no_slc = r.findings.iter().find(|f| f.code == ChainNoSlc).unwrap();
        assert_eq!(
            no_slc.what(),
            &What::Chain(Found::NoSlc {
                documents: 3,
                kinds: vec![
                    "Server-Licensor-Certificate".into(),
                    "DRM-CA-Certificate".into(),
                    "DRM-CA-Certificate".into()
                ],
            }),
            "{file}"
        );
        assert_eq!(r.pairing, None);
    }
}

#[test]
fn an_extra_certificate_is_named_by_its_document() {
    let r = verify("attack/extra-ca.xml", None);
    assert_eq!(r.chain, vec![0, 1, 2, 3]);
    let extra = r
        .findings
        .iter()
        .find(|f| f.code == ChainExtraCertificate)
        .unwrap();
    assert_eq!(
        extra.what(),
        &What::Chain(Found::ExtraCertificates { documents: vec![4] })
    );
}

#[test]
fn times_keys_and_shape_are_checked() {
    let l = SignatureSha1Legacy;
    let r = verify("attack/slc-issued-in-future.xml", RMS01);
    let f = r
        .findings
        .iter()
        .find(|f| f.code == SlcNotYetValid)
        .unwrap();
    assert_eq!(
        f.what(),
        &What::Chain(Found::SlcNotYetValid {
            valid_from: UtcTime::parse("2026-12-01T00:00").unwrap(),
            now: now(),
        })
    );
    assert_eq!(f.subject, Subject::Document { index: 0 });
    // From the ISSUEDTIME on, it is valid.
    let later = Policy {
        now: UtcTime::parse("2026-12-01T00:00").unwrap(),
        ..policy()
    };
    check_report(
        "at issuedtime",
        &verify_with("attack/slc-issued-in-future.xml", RMS01, &later),
        &[l, AnchorTest],
        AnswersRequest,
    );
    let lenient = Policy {
        strict_shape: false,
        ..policy()
    };
    check_report(
        "lenient shape",
        &verify_with("attack/wrong-shape.xml", None, &lenient),
        &[l, ChainUnexpectedShape, AnchorTest],
        GenuineUnpaired,
    );
}

#[test]
fn which_documents_decide_is_a_rule_on_documents() {
    let req = request("request/good/RMS01EnrollRequest.xml");
    // An intact licence (a RAC of another cluster, its signature verified) beside a genuine
    // chain is shown and does not decide.
    let mut bytes = data("chain/good/sha1-compact.xml");
    bytes.extend_from_slice(&data("workbench/mode1/rac.xml"));
    let r = verify_chain(&bytes, &policy(), Some(&req));
    assert_eq!(r.verdict().outcome, AnswersRequest, "{:#?}", r.findings);
    assert_eq!(r.chain, vec![0, 1, 2, 3]);
    let deciding = deciding_documents(&r.documents, &r.chain);
    assert_eq!(deciding, vec![true, true, true, true, false]);
    assert!(!decides_genuine(Subject::Document { index: 4 }, &deciding));
    assert!(decides_genuine(Subject::Document { index: 1 }, &deciding));
    assert!(decides_genuine(Subject::Document { index: 9 }, &deciding));
    assert!(decides_genuine(Subject::File, &deciding));
    assert!(decides_genuine(Subject::Chain, &deciding));
    assert!(!decides_genuine(Subject::Request, &deciding));
    // An edited licence beside the same chain: the file to be carried was altered, so its
    // error decides, though the document is not on the path.
    let mut bytes = data("chain/bad/only-licence.xml");
    bytes.extend_from_slice(&data("chain/good/sha1-compact.xml"));
    let r = verify_chain(&bytes, &policy(), Some(&req));
    check_report(
        "edited licence beside the chain",
        &r,
        &[DigestMismatch, SignatureSha1Legacy, AnchorTest],
        NotValid,
    );
    assert_eq!(r.chain, vec![1, 2, 3, 4]);
    let digest = r
        .findings
        .iter()
        .find(|f| f.code == DigestMismatch)
        .unwrap();
    assert_eq!(digest.subject, Subject::Document { index: 0 });
    assert_eq!(
        deciding_documents(&r.documents, &r.chain),
        vec![true, true, true, true, true]
    );
    assert_eq!(r.verdict().reason, Some(DigestMismatch));
    // An edited SLC beside the genuine chain is of chain type: it decides.
    let mut bytes = data("chain/bad/tampered-body.xml");
    bytes.extend_from_slice(&data("chain/good/sha1-compact.xml"));
    let r = verify_chain(&bytes, &policy(), Some(&req));
    assert_eq!(r.verdict().outcome, NotValid);
    assert_eq!(r.verdict().reason, Some(DigestMismatch));
}

#[test]
fn the_request_dropped_as_a_certificate_is_named() {
    let r = verify_chain(
        &data("request/good/RMS01EnrollRequest.xml"),
        &policy(),
        None,
    );
    assert_eq!(codes(&r.findings), vec![RequestNotCertificate]);
    assert_eq!(r.verdict().reason, Some(RequestNotCertificate));
}

#[test]
fn a_request_in_step_four_is_named_and_nothing_else() {
    // Every form a request comes in, with and without a request loaded in step 1.
    let req = check_request(
        &data("request/good/RMS01EnrollRequest.xml"),
        Some("RMS01EnrollRequest.xml"),
    );
    for file in [
        "request/good/RMS01EnrollRequest.xml",
        "request/good/RMS01RenewRequest.xml",
        "request/bad/utf16-encoded.xml",
        "request/bad/soap-envelope.xml",
        "request/bad/html-wrapper.xml",
        "request/bad/browser-rendering.xml",
        "request/bad/browser-rendering-ie.xml",
        "request/bad/browser-copied-tree.txt",
        "request/bad/leading-junk.xml",
        "request/bad/guid-invalid.xml",
    ] {
        for request in [None, Some(&req)] {
            let r = verify_chain(&data(file), &policy(), request);
            assert_eq!(codes(&r.findings), vec![RequestNotCertificate], "{file}");
            assert_eq!(r.findings[0].location, None, "{file}");
            assert_eq!(r.verdict().outcome, NotValid, "{file}");
        }
    }
}

#[test]
fn the_browsers_view_of_the_chain_is_not_the_file() {
    // Saved from the rendered view (like a resp-opened-in-browser.htm: well-formed XHTML whose
    // text shows the escaped response, which a reader of escaped responses would otherwise
    // take as one), saved as a web page, or copied: one finding, nothing read, never valid,
    // even against the anchor the certificates were made with.
    let req = check_request(
        &data("request/good/RMS01EnrollRequest.xml"),
        Some("RMS01EnrollRequest.xml"),
    );
    for file in [
        "resp-opened-in-browser.htm",
        "resp-saved-webpage.htm",
        "resp-copied-tree.txt",
        "resp-copied-tree-ie.txt",
    ] {
        // Its one finding and the outcome are the manifest's.
        let r = verify_chain(&data(&format!("chain/bad/{file}")), &policy(), Some(&req));
        assert_eq!(r.findings[0].location, None, "{file}");
        assert!(r.documents.is_empty(), "{file}");
        assert_eq!(r.verdict().reason, Some(BrowserRendering), "{file}");
        let text = r.findings[0].text(slc_courier_core::Lang::En);
        assert!(text.fix.contains("Save the file itself"), "{file}");
    }
    let view = |file: &str| match verify_chain(&data(&format!("chain/bad/{file}")), &policy(), None)
        .findings[0]
        .what()
    {
        What::Xrml(slc_courier_core::xrml::Found::BrowserView { view }) => *view,
        other => panic!("{other:?}"),
    };
    use slc_courier_core::xrml::Rendering;
    assert_eq!(view("resp-opened-in-browser.htm"), Rendering::WebPage);
    assert_eq!(view("resp-saved-webpage.htm"), Rendering::WebPage);
    assert_eq!(view("resp-copied-tree.txt"), Rendering::StyleBanner);
    assert_eq!(view("resp-copied-tree-ie.txt"), Rendering::CollapsibleTree);
    // An HTML page without certificates (the service's error page) is "no XrML", and the
    // chain itself is still read whatever its wrapper.
    let r = verify_chain(
        b"<!DOCTYPE html><html><body><h1>Server Error</h1></body></html>",
        &policy(),
        None,
    );
    assert_eq!(codes(&r.findings), vec![NoXrmlFound]);
    for good in [
        "sha1-compact.xml",
        "sha1-pretty.xml",
        "sha1-soap.xml",
        "sha1-response-utf16.xml",
    ] {
        let r = verify_chain(&data(&format!("chain/good/{good}")), &policy(), Some(&req));
        assert_eq!(r.verdict().outcome, AnswersRequest, "{good}");
    }
}

#[test]
fn synthetic_chains_do_not_verify_against_the_microsoft_root() {
    let r = verify_chain(
        &data("chain/good/sha1-compact.xml"),
        &Policy::microsoft_production(now()),
        None,
    );
    check_report(
        "microsoft root",
        &r,
        &[SignatureSha1Legacy, ChainUntrustedRoot],
        NotValid,
    );
    assert_eq!(r.verdict().anchor, None);
}

#[test]
fn the_microsoft_key_loaded_from_a_file_is_recognised_as_microsofts() {
    let text = format!(
        "issuer_id=Some Other Name\npublic_exponent=65537\nmodulus_base64_xrml={}\n",
        slc_courier_core::policy::MICROSOFT_DRM_PRODUCTION_ROOT_MODULUS_B64
    );
    let a = TrustAnchor::from_key_file(&text).unwrap();
    assert!(a.is_microsoft());
    assert!(TrustAnchor::microsoft_production().is_microsoft());
    assert!(!policy().anchors[0].is_microsoft());
}

#[test]
fn expiring_soon_warns_but_stays_genuine() {
    let soon = Policy {
        now: UtcTime::parse("2046-05-01T00:00").unwrap_or(now()),
        ..policy()
    };
    let r = verify_chain(&data("chain/good/sha256-compact.xml"), &soon, None);
    check_report("soon", &r, &[SlcExpiringSoon, AnchorTest], GenuineUnpaired);
    assert_eq!(r.verdict().days_remaining, Some(48));
}

#[test]
fn outcome_ids_are_the_names_every_surface_uses() {
    assert_eq!(AnswersRequest.id(), "answers-request");
    assert_eq!(GenuineUnpaired.id(), "genuine-unpaired");
    assert_eq!(NotValid.id(), "not-valid");
    let r = verify("good/sha1-compact.xml", RMS01);
    let v = r.verified().unwrap();
    assert!(!v.is_empty());
    assert_eq!(v.len(), 4);
    assert_eq!(v.kind(), ChainKind::EnrollmentService);
    assert_eq!(v.expires().to_string(), "2046-06-18T10:00Z");
}

/// The chain findings of `r`, typed, with their subjects.
fn chain_found(r: &ChainReport) -> Vec<(Subject, Found)> {
    r.findings
        .iter()
        .filter_map(|f| match f.what() {
            What::Chain(c) if f.code != AnchorTest => Some((f.subject, c.clone())),
            _ => None,
        })
        .collect()
}

fn at(s: &str) -> UtcTime {
    UtcTime::parse(s).unwrap()
}

#[test]
fn chain_findings_carry_their_exact_values() {
    use Subject::{Chain, Document, Request};
    let doc = |index| Document { index };
    let lenient = Policy {
        strict_shape: false,
        ..policy()
    };
    let soon = Policy {
        now: at("2046-05-01T00:00"),
        ..policy()
    };
    let shape = |strict| Found::ShapePosition {
        strict,
        document: 1,
        position: 2,
        found_type: "DRM-CA-Certificate".into(),
        found_issuer: "Microsoft DRM Production Server Enrollment CA".into(),
        expected_type: "Server-Licensor-Certificate".into(),
        expected_issuers: vec!["Microsoft DRM Production Server Enrollment CA".into()],
    };
    type Case<'a> = (&'a str, Option<&'a str>, Policy, Vec<(Subject, Found)>);
    let cases: Vec<Case> = vec![
        (
            "bad/wrong-issuer-key.xml",
            RMS01,
            policy(),
            vec![(
                doc(0),
                Found::IssuerKeyMismatch {
                    document: 0,
                    issuer: "Microsoft DRM Server Enrollment Service".into(),
                    holder: 1,
                },
            )],
        ),
        (
            "bad/missing-certificate.xml",
            RMS01,
            policy(),
            vec![(
                Chain,
                Found::IssuerMissing {
                    issuer: "Microsoft DRM Production Server Enrollment CA".into(),
                },
            )],
        ),
        (
            "bad/wrong-root.xml",
            RMS01,
            policy(),
            vec![(
                doc(3),
                Found::UntrustedRoot {
                    document: 3,
                    issuer: "Microsoft DRM Production Root".into(),
                },
            )],
        ),
        (
            "bad/expired-slc.xml",
            RMS01,
            policy(),
            vec![(
                doc(0),
                Found::SlcExpired {
                    expired: at("2024-08-17T10:00"),
                    days_ago: 827,
                },
            )],
        ),
        (
            "bad/not-yet-valid.xml",
            RMS01,
            policy(),
            vec![(
                doc(0),
                Found::SlcNotYetValid {
                    valid_from: at("2027-01-01T00:00"),
                    now: now(),
                },
            )],
        ),
        (
            "bad/issued-outside-issuer-range.xml",
            RMS01,
            policy(),
            vec![(
                doc(1),
                Found::IssuedOutsideRange {
                    document: 1,
                    issued: at("2015-03-01T12:00"),
                    from: Some(at("2002-12-05T01:07")),
                    until: Some(at("2014-01-21T00:00")),
                },
            )],
        ),
        (
            "good/sha1-compact.xml",
            Some("request/good/RMS03EnrollRequest.xml"),
            policy(),
            vec![
                (
                    Request,
                    Found::PairGuidMismatch {
                        certificate_guid: "{6F9619FF-8B86-D011-B42D-00C04FC964FF}".into(),
                        request_guid: Some("{a0b1c2d3-e4f5-4617-8899-aabbccddeeff}".into()),
                    },
                ),
                (
                    Request,
                    Found::PairKeyMismatch {
                        certificate_key: Some(
                            "e953b2f9da7c51f524ff76010034d7c0855da684d3b4722c7ccdb8b155174a00"
                                .into(),
                        ),
                        request_key: Some(
                            "cfff575a04d59db16fced2d6b27069f671862cd9fff1a14d932afc34c81bed02"
                                .into(),
                        ),
                    },
                ),
            ],
        ),
        (
            "good/sha1-compact.xml",
            Some("request/bad/version-empty.xml"),
            policy(),
            vec![(
                Request,
                Found::RequestHasErrors {
                    file: Some("version-empty.xml".into()),
                    errors: 1,
                },
            )],
        ),
        (
            "good/sha1-shuffled.xml",
            RMS01,
            policy(),
            vec![(
                Subject::File,
                Found::Reordered {
                    order: vec![1, 3, 0, 2],
                },
            )],
        ),
        (
            "bad/only-licence.xml",
            None,
            policy(),
            vec![(
                Chain,
                Found::NoSlc {
                    documents: 1,
                    kinds: vec!["Client-Licensor-Certificate".into()],
                },
            )],
        ),
        (
            "attack/two-slcs.xml",
            None,
            policy(),
            vec![(
                Chain,
                Found::AmbiguousLeaf {
                    documents: vec![0, 1],
                },
            )],
        ),
        (
            "attack/slc-key-1536.xml",
            None,
            policy(),
            vec![(
                doc(0),
                Found::KeySize {
                    document: 0,
                    kind: "Server-Licensor-Certificate".into(),
                    bits: 1536,
                },
            )],
        ),
        (
            "attack/wrong-shape.xml",
            None,
            policy(),
            vec![(doc(1), shape(true))],
        ),
        (
            "attack/wrong-shape.xml",
            None,
            lenient,
            vec![(doc(1), shape(false))],
        ),
        (
            "good/sha256-compact.xml",
            None,
            soon,
            vec![(
                doc(0),
                Found::SlcExpiringSoon {
                    expires: at("2046-06-18T10:00"),
                    days_remaining: 48,
                    threshold: 90,
                },
            )],
        ),
        (
            "attack/slc-no-issuedtime.xml",
            RMS01,
            policy(),
            vec![(
                doc(0),
                Found::TimeMissing {
                    document: 0,
                    missing: vec![TimeElement::Issued],
                },
            )],
        ),
        (
            "attack/es-no-rangetime.xml",
            RMS01,
            policy(),
            vec![(
                doc(1),
                Found::TimeMissing {
                    document: 1,
                    missing: vec![TimeElement::IssueFrom, TimeElement::IssueUntil],
                },
            )],
        ),
        (
            "attack/es-rangetime-no-until.xml",
            RMS01,
            policy(),
            vec![(
                doc(1),
                Found::TimeMissing {
                    document: 1,
                    missing: vec![TimeElement::IssueUntil],
                },
            )],
        ),
    ];
    for (file, req, p, expected) in cases {
        let r = verify_with(file, req, &p);
        assert_eq!(chain_found(&r), expected, "{file}");
    }
}

/// A signed SLC with two copies of a once-only element the checks read (the copy a
/// first-wins or last-wins reader takes is RMS01's, so without the rule the chain answers the
/// request): `xrml-duplicate-element` on the SLC, naming the element, nothing else.
#[test]
fn signed_duplicates_of_what_the_checks_read_are_refused() {
    let dup = |parent: &str, element: &str, name: Option<&str>| Duplicate {
        parent: parent.into(),
        element: element.into(),
        name: name.map(Into::into),
        count: 2,
    };
    for (file, duplicate) in [
        ("two-principals", dup("ISSUEDPRINCIPALS", "PRINCIPAL", None)),
        (
            "two-modulus-params",
            dup("PUBLICKEY", "PARAMETER", Some("modulus")),
        ),
        ("two-principal-ids", dup("OBJECT", "ID", None)),
        ("two-issue-rights", dup("WORK", "RIGHT", Some("ISSUE"))),
        ("two-until", dup("RANGETIME", "UNTIL", None)),
        ("two-work", dup("BODY", "WORK", None)),
    ] {
        let r = verify(&format!("attack/{file}.xml"), RMS01);
        let found: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.code == XrmlDuplicateElement)
            .map(|f| (f.subject, f.what().clone()))
            .collect();
        assert_eq!(
            found,
            vec![(
                Subject::Document { index: 0 },
                What::Xrml(XrmlFound::DuplicateElement {
                    document: 0,
                    duplicates: vec![duplicate],
                })
            )],
            "{file}"
        );
        assert_eq!(r.verdict().outcome, NotValid, "{file}");
        assert_eq!(r.verdict().reason, Some(XrmlDuplicateElement), "{file}");
    }
}

/// The time rule holds only with its times: a path certificate without ISSUEDTIME, or an
/// issuer on the path without its ISSUE RANGETIME (or its UNTIL), is the reason the chain is
/// not genuine (every signature on it holds).
#[test]
fn a_missing_link_time_is_the_reason_the_chain_is_not_valid() {
    for file in [
        "slc-no-issuedtime",
        "es-no-rangetime",
        "es-rangetime-no-until",
    ] {
        let r = verify(&format!("attack/{file}.xml"), RMS01);
        assert_eq!(r.verdict().outcome, NotValid, "{file}");
        assert_eq!(r.verdict().reason, Some(ChainTimeMissing), "{file}");
        assert!(r.verified().is_none(), "{file}");
    }
}

/// The genuine compact chain with `from` replaced by `to` in document `i` (its signature then
/// fails too; the chain checks still report what they see).
fn edited(i: usize, from: &str, to: &str) -> Vec<u8> {
    let s = String::from_utf8(data("chain/good/sha1-compact.xml")).unwrap();
    let mut d: Vec<String> = s.split_inclusive("</XrML>").map(str::to_owned).collect();
    assert!(d[i].contains(from), "{from}");
    d[i] = d[i].replacen(from, to, 1);
    d.concat().into_bytes()
}

#[test]
fn links_shape_length_and_unknown_expiry_carry_their_values() {
    use Subject::{Chain, Document};
    let forged = "{00000000-0000-4000-8000-000000000000}";
    let r = verify_chain(
        &edited(0, "{C1D2E3F4-0A1B-4C2D-8E3F-405162738495}", forged),
        &policy(),
        None,
    );
    assert_eq!(
        chain_found(&r),
        vec![(
            Document { index: 0 },
            Found::LinkIdMismatch {
                document: 0,
                issuer_id: forged.into(),
                holder_id: "{C1D2E3F4-0A1B-4C2D-8E3F-405162738495}".into(),
            }
        )]
    );
    assert_eq!(r.verdict().outcome, NotValid);

    let r = verify_chain(
        &edited(0, "<UNTIL>2046-06-18T10:00</UNTIL>", ""),
        &policy(),
        None,
    );
    assert_eq!(
        chain_found(&r),
        vec![(Document { index: 0 }, Found::SlcExpiryUnknown {})]
    );
    assert_eq!(r.verdict().reason, Some(DigestMismatch));

    // A VALIDITYTIME does not stand in for the ISSUE right's RANGETIME: not when the right is
    // spelled otherwise (`issue`), nor when there is none.
    let validity = "<ISSUEDTIME>2026-11-20T10:00</ISSUEDTIME><VALIDITYTIME>\
        <FROM>2026-11-20T10:00</FROM><UNTIL>2046-06-18T10:00</UNTIL></VALIDITYTIME>";
    for right in [r#"<RIGHT name="issue">"#, r#"<RIGHT name="VIEW">"#] {
        let chain = String::from_utf8(edited(0, r#"<RIGHT name="ISSUE">"#, right)).unwrap();
        let chain = chain.replacen("<ISSUEDTIME>2026-11-20T10:00</ISSUEDTIME>", validity, 1);
        let r = verify_chain(chain.as_bytes(), &policy(), None);
        assert_eq!(
            chain_found(&r),
            vec![(Document { index: 0 }, Found::SlcExpiryUnknown {})],
            "{right}"
        );
        assert_eq!(r.verdict().outcome, NotValid);
    }
    // Nor does an ISSUE right outside the rights list (here in WORK's OBJECT), while the list
    // holds another right.
    let chain = String::from_utf8(edited(
        0,
        r#"<RIGHT name="ISSUE">"#,
        r#"<RIGHT name="VIEW">"#,
    ))
    .unwrap()
    .replacen(
        "<WORK><OBJECT type=\"Server-Licensor-Certificate\">",
        "<WORK><OBJECT type=\"Server-Licensor-Certificate\"><RIGHT name=\"ISSUE\">\
             <CONDITIONLIST><TIME><RANGETIME><FROM>2026-11-20T10:00</FROM>\
             <UNTIL>2046-06-18T10:00</UNTIL></RANGETIME></TIME></CONDITIONLIST></RIGHT>",
        1,
    );
    let r = verify_chain(chain.as_bytes(), &policy(), None);
    assert_eq!(
        chain_found(&r),
        vec![(Document { index: 0 }, Found::SlcExpiryUnknown {})]
    );
    // A time element with an element inside is unreadable, not read by its own text.
    let chain = String::from_utf8(edited(
        0,
        "<UNTIL>2046-06-18T10:00</UNTIL>",
        "<UNTIL><X>2026-11-21T10:00</X>2046-06-18T10:00</UNTIL>",
    ))
    .unwrap();
    let r = verify_chain(chain.as_bytes(), &policy(), None);
    assert!(chain_found(&r).contains(&(Document { index: 0 }, Found::SlcExpiryUnknown {})));
    assert!(r.findings.iter().any(|f| f.code == Code::TimeInvalid));
    assert!(r.findings.iter().any(|f| f.code == SlcExpiryUnknown));

    // Anchored at the CA's key, the path is SLC ← service ← enrollment CA: three
    // certificates, and the CA certificate is left over.
    let genuine = verify("good/sha1-compact.xml", None);
    let ca_key = genuine.documents[3]
        .cert
        .principal
        .as_ref()
        .and_then(|p| p.key.clone())
        .unwrap();
    let short = Policy {
        anchors: vec![TrustAnchor {
            name: "Microsoft DRM Production CA".into(),
            key: ca_key,
        }],
        ..policy()
    };
    let r = verify_with("good/sha1-compact.xml", None, &short);
    assert_eq!(r.chain, vec![0, 1, 2]);
    assert_eq!(
        chain_found(&r),
        vec![
            (
                Chain,
                Found::ShapeLength {
                    strict: true,
                    length: 3,
                    expected: 4,
                }
            ),
            (Chain, Found::ExtraCertificates { documents: vec![3] }),
        ]
    );
}

/// Found by attacking the verifier after the findings were typed (session 3): each of these
/// said VALID (answers the request) before.
#[test]
fn escaped_documents_in_any_spelling_dtds_lookalikes_and_response_holders_are_refused() {
    // The genuine response written with character references is the same response (it
    // answers the request, as the manifest says), but beside literal documents (here RMS03's
    // chain, in a comment) it is two chains.
    for file in [
        "attack/response-decimal-refs-beside-literal.xml",
        "attack/response-hex-refs-beside-literal.xml",
    ] {
        let r = verify(file, RMS01);
        assert!(r.findings.iter().any(|f| f.what()
            == &What::Xrml(slc_courier_core::xrml::Found::LiteralAndEscaped { literal: 4 })));
    }
    // A DTD before the documents.
    for (file, offset) in [
        ("attack/doctype-soap.xml", 38),
        ("attack/doctype-bare.xml", 0),
    ] {
        let r = verify(file, RMS01);
        assert_eq!(r.verdict().reason, Some(DoctypeRefused), "{file}");
        let d = r
            .findings
            .iter()
            .find(|f| f.code == DoctypeRefused)
            .unwrap();
        assert_eq!(
            d.what(),
            &What::Xrml(slc_courier_core::xrml::Found::Doctype { offset }),
            "{file}"
        );
        assert_eq!(d.location.map(|l| l.offset), Some(offset), "{file}");
    }
    // A self-signed SLC look-alike in another spelling beside the genuine chain.
    for file in [
        "attack/lookalike-lowercase-type.xml",
        "attack/lookalike-type-with-space.xml",
    ] {
        let r = verify(file, RMS01);
        assert_eq!(
            r.findings
                .iter()
                .find(|f| f.code == ChainExtraCertificate)
                .unwrap()
                .what(),
            &What::Chain(Found::ExtraCertificates { documents: vec![4] }),
            "{file}"
        );
    }
    // Holders read by name: a licence in <SLC> (the genuine SLC in <Extra>), and <SLC> and
    // <CACert> swapped.
    let r = verify("attack/response-licence-in-slc-slot.xml", RMS01);
    assert_eq!(r.verdict().outcome, NotValid);
    assert_eq!(r.verdict().reason, Some(ResponseSlotMismatch));
    let slots: Vec<&What> = r
        .findings
        .iter()
        .filter(|f| f.code == ResponseSlotMismatch)
        .map(|f| f.what())
        .collect();
    assert_eq!(
        slots,
        vec![
            &What::Chain(Found::SlotMismatch {
                document: 0,
                slot: "SLC".into(),
                expected_position: Some(1),
                position: None,
            }),
            &What::Chain(Found::SlotMismatch {
                document: 1,
                slot: "Extra".into(),
                expected_position: None,
                position: Some(1),
            }),
        ]
    );
    let r = verify("attack/response-swapped-slots.xml", RMS01);
    assert_eq!(r.verdict().outcome, NotValid);
    let slots: Vec<(usize, Option<usize>, Option<usize>)> = r
        .findings
        .iter()
        .filter_map(|f| match f.what() {
            What::Chain(Found::SlotMismatch {
                document,
                expected_position,
                position,
                ..
            }) => Some((*document, *expected_position, *position)),
            _ => None,
        })
        .collect();
    assert_eq!(slots, vec![(0, Some(1), Some(4)), (3, Some(4), Some(1))]);
}

/// A pasted request has no file name: the printable receipt says so where the name would be
/// (the verdict's heading and the files table), in the receipt's language.
#[test]
fn a_pasted_request_is_named_as_pasted_in_the_receipt() {
    use slc_courier_core::report::{Receipt, ToolInfo};
    let request = check_request(&data("request/good/RMS01EnrollRequest.xml"), None);
    let chain = verify_chain(
        &data("chain/good/sha1-compact.xml"),
        &policy(),
        Some(&request),
    );
    let tool = ToolInfo {
        name: "slc-courier".into(),
        version: "0".into(),
        build_id: "test".into(),
        single_file_sha256: None,
    };
    let receipt =
        Receipt::new(tool, now(), Some(&request), Some((&chain, Some("slc.xml")))).unwrap();
    let en = receipt.to_html(slc_courier_core::Lang::En);
    assert!(en.contains(
        "VALID — a genuine chain (TEST ANCHOR) that answers request (pasted, no file name)</h2>"
    ));
    assert!(en.contains("<tr><td>request</td><td>(pasted, no file name)</td>"));
    assert!(en.contains("<tr><td>certificate</td><td>slc.xml</td>"));
    let nl = receipt.to_html(slc_courier_core::Lang::Nl);
    assert!(nl.contains("antwoord geeft op aanvraag (geplakt, zonder bestandsnaam)</h2>"));
    assert!(nl.contains("<tr><td>aanvraag</td><td>(geplakt, zonder bestandsnaam)</td>"));
}
