//! Step 4, data-driven: every synthetic chain (made by `cargo xtask gen-testdata` with the
//! fixed test keys) and the exact finding codes it must produce.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use common::{data, now, test_policy as policy};
use slc_courier_core::chain::{verify_chain, ChainKind, ChainReport};
use slc_courier_core::finding::{codes, Code, Code::*};
use slc_courier_core::policy::Policy;
use slc_courier_core::request::check_request;
use slc_courier_core::time::UtcTime;
use slc_courier_core::xrml::Wrapper;

fn verify(chain: &str, request: Option<&str>) -> ChainReport {
    let req = request.map(|r| check_request(&data(&format!("request/good/{r}")), Some(r)));
    verify_chain(
        &data(&format!("chain/{chain}")),
        &policy(),
        req.as_ref().map(|r| &r.summary),
    )
}

#[track_caller]
fn check(chain: &str, request: Option<&str>, expected: &[Code], valid: bool) {
    let r = verify(chain, request);
    assert_eq!(codes(&r.findings), expected, "{chain}: {:#?}", r.findings);
    assert_eq!(r.verdict.valid, valid, "{chain}");
    assert_eq!(r.verified.is_some(), valid, "{chain}");
}

#[test]
fn good_chains_in_every_form_verify() {
    let rms01 = Some("RMS01EnrollRequest.xml");
    check("good/sha1-compact.xml", rms01, &[SignatureSha1Legacy], true);
    check(
        "good/sha1-pretty.xml",
        rms01,
        &[SignatureWhitespaceStripped, SignatureSha1Legacy],
        true,
    );
    check(
        "good/sha1-bom-crlf.xml",
        rms01,
        &[SignatureSha1Legacy],
        true,
    );
    check(
        "good/sha1-soap.xml",
        rms01,
        &[ResponseWrapper, SignatureSha1Legacy],
        true,
    );
    check(
        "good/sha1-response-utf16.xml",
        rms01,
        &[ResponseWrapper, SignatureSha1Legacy],
        true,
    );
    check(
        "good/sha1-shuffled.xml",
        rms01,
        &[SignatureSha1Legacy, ChainReordered],
        true,
    );
    check(
        "good/embedded-in-binary.bin",
        rms01,
        &[SignatureSha1Legacy],
        true,
    );
    check(
        "good/self-enrollment.xml",
        Some("RMS01RenewRequest.xml"),
        &[SignatureSha1Legacy],
        true,
    );
    let rms02 = Some("RMS02EnrollRequest.xml");
    check("good/sha256-compact.xml", rms02, &[], true);
    check(
        "good/sha256-pretty.xml",
        rms02,
        &[SignatureWhitespaceStripped],
        true,
    );
    check(
        "good/sha256-response-utf8.xml",
        rms02,
        &[ResponseWrapper],
        true,
    );
}

#[test]
fn the_verdict_names_the_new_expiration_date() {
    let r = verify("good/sha1-compact.xml", Some("RMS01EnrollRequest.xml"));
    assert_eq!(r.chain, vec![0, 1, 2, 3]);
    assert_eq!(r.kind, Some(ChainKind::EnrollmentService));
    assert_eq!(r.wrapper, Wrapper::Bare);
    assert_eq!(
        r.verdict.expires.map(|e| e.to_string()).as_deref(),
        Some("2046-06-18T10:00Z")
    );
    assert_eq!(r.verdict.days_remaining, Some(7147));
    assert_eq!(
        r.verdict.issuer.as_deref(),
        Some("Microsoft DRM Server Enrollment Service")
    );
    assert_eq!(r.verdict.server.as_deref(), Some("RMS01"));
    let p = r.pairing.unwrap_or_else(|| panic!("no pairing"));
    assert!(p.guid_matches && p.key_matches);
    assert_eq!(
        p.certificate_url.as_deref(),
        Some("http://rms01.contoso.test/_wmcs")
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
fn each_damaged_chain_has_its_exact_findings() {
    let rms01 = Some("RMS01EnrollRequest.xml");
    check(
        "bad/tampered-body.xml",
        rms01,
        &[DigestMismatch, SignatureSha1Legacy],
        false,
    );
    check(
        "bad/tampered-digest.xml",
        rms01,
        &[DigestMismatch, SignatureInvalid, SignatureSha1Legacy],
        false,
    );
    check(
        "bad/tampered-signature.xml",
        rms01,
        &[SignatureInvalid, SignatureSha1Legacy],
        false,
    );
    check(
        "bad/wrong-issuer-key.xml",
        rms01,
        &[SignatureSha1Legacy, ChainLinkMismatch],
        false,
    );
    check(
        "bad/missing-certificate.xml",
        rms01,
        &[SignatureSha1Legacy, ChainIncomplete],
        false,
    );
    check(
        "bad/wrong-root.xml",
        rms01,
        &[SignatureSha1Legacy, ChainUntrustedRoot],
        false,
    );
    check(
        "bad/expired-slc.xml",
        rms01,
        &[SignatureSha1Legacy, SlcExpired],
        false,
    );
    check(
        "bad/not-yet-valid.xml",
        rms01,
        &[SignatureSha1Legacy, SlcNotYetValid],
        false,
    );
    check(
        "bad/issued-outside-issuer-range.xml",
        rms01,
        &[SignatureSha1Legacy, IssuedOutsideIssuerRange],
        false,
    );
    check(
        "bad/truncated.xml",
        rms01,
        &[XrmlUnterminated, SignatureSha1Legacy, ChainIncomplete],
        false,
    );
    // Edited after signing, so its digest no longer matches either.
    check(
        "bad/only-licence.xml",
        rms01,
        &[DigestMismatch, ChainNoSlc],
        false,
    );
    check("bad/empty.xml", rms01, &[NoXrmlFound], false);
    check("bad/png-renamed.xml", rms01, &[NoXrmlFound], false);
    check(
        "good/sha1-compact.xml",
        Some("RMS03EnrollRequest.xml"),
        &[SignatureSha1Legacy, PairGuidMismatch, PairKeyMismatch],
        false,
    );
    check(
        "good/sha256-compact.xml",
        Some("RMS01EnrollRequest.xml"),
        &[PairGuidMismatch, PairKeyMismatch],
        false,
    );
}

#[test]
fn the_request_dropped_as_a_certificate_is_named() {
    let r = verify_chain(
        &data("request/good/RMS01EnrollRequest.xml"),
        &policy(),
        None,
    );
    assert_eq!(codes(&r.findings), vec![RequestNotCertificate]);
}

#[test]
fn synthetic_chains_do_not_verify_against_the_microsoft_root() {
    let r = verify_chain(
        &data("chain/good/sha1-compact.xml"),
        &Policy::microsoft_production(now()),
        None,
    );
    assert_eq!(
        codes(&r.findings),
        vec![SignatureSha1Legacy, ChainUntrustedRoot]
    );
    assert!(!r.verdict.valid);
}

#[test]
fn expiring_soon_warns_but_stays_valid() {
    let soon = Policy {
        now: UtcTime::parse("2046-05-01T00:00").unwrap_or(now()),
        ..policy()
    };
    let r = verify_chain(&data("chain/good/sha256-compact.xml"), &soon, None);
    assert_eq!(codes(&r.findings), vec![SlcExpiringSoon]);
    assert!(r.verdict.valid);
    assert_eq!(r.verdict.days_remaining, Some(48));
}
