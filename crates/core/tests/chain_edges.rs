//! The chain verifier at its edges: the minute an SLC expires, the day the expiry warning
//! starts, an ISSUEDTIME on either end of its issuer's ISSUE range, a path exactly as long as
//! the budget, a missing root named by Microsoft's name or an anchor's, an intact chain
//! certificate beside the path, a request's number of errors. Made by `cargo xtask mutants`: each case failed with a mutant of `chain.rs`.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use common::{data, test_policy as policy};
use slc_courier_core::chain::{
    deciding_documents, issued_within, verify_chain, ChainReport, Found, Outcome,
};
use slc_courier_core::finding::{codes, Code, Code::*, What};
use slc_courier_core::policy::{Policy, TrustAnchor, EXPIRY_WARNING_DAYS, MAX_CHAIN_LENGTH};
use slc_courier_core::request::check_request;
use slc_courier_core::time::UtcTime;
use slc_courier_core::xrml::{parse_certificate, read_documents, Certificate};

const GOOD: &str = "chain/good/sha1-compact.xml";

/// The SLC's expiry in [`GOOD`] (its ISSUE range's UNTIL).
fn expiry() -> UtcTime {
    UtcTime::parse("2046-06-18T10:00").unwrap()
}

fn at(now: UtcTime) -> ChainReport {
    verify_chain(&data(GOOD), &Policy { now, ..policy() }, None)
}

#[track_caller]
fn check(now: UtcTime, expected: &[Code], outcome: Outcome) {
    let r = at(now);
    assert_eq!(codes(&r.findings), expected, "{now}");
    assert_eq!(r.verdict().outcome, outcome, "{now}");
}

#[test]
fn an_slc_is_valid_up_to_and_including_its_expiry_minute() {
    let e = expiry();
    check(
        e,
        &[SignatureSha1Legacy, SlcExpiringSoon, AnchorTest],
        Outcome::GenuineUnpaired,
    );
    assert_eq!(at(e).verdict().days_remaining, Some(0));
    check(
        UtcTime::from_unix(e.unix() + 60),
        &[SignatureSha1Legacy, SlcExpired, AnchorTest],
        Outcome::NotValid,
    );
}

#[test]
fn the_expiry_warning_starts_below_the_threshold() {
    let e = expiry().unix();
    let days = |d: i64| UtcTime::from_unix(e - d * 86_400);
    // Exactly EXPIRY_WARNING_DAYS whole days left: no warning yet.
    check(
        days(EXPIRY_WARNING_DAYS),
        &[SignatureSha1Legacy, AnchorTest],
        Outcome::GenuineUnpaired,
    );
    assert_eq!(
        at(days(EXPIRY_WARNING_DAYS)).verdict().days_remaining,
        Some(EXPIRY_WARNING_DAYS)
    );
    // One minute later only 89 whole days are left.
    check(
        UtcTime::from_unix(days(EXPIRY_WARNING_DAYS).unix() + 60),
        &[SignatureSha1Legacy, SlcExpiringSoon, AnchorTest],
        Outcome::GenuineUnpaired,
    );
}

/// The SLC and its issuer (the enrollment service) of [`GOOD`], as read.
fn slc_and_issuer() -> (Certificate, Certificate) {
    let read = read_documents(&data(GOOD));
    let c = parse_certificate(&read.docs[0], 0);
    let issuer = parse_certificate(&read.docs[1], 1);
    (c, issuer)
}

#[test]
fn issued_within_includes_both_ends_of_the_range() {
    let (mut c, mut issuer) = slc_and_issuer();
    let t = |s: &str| UtcTime::parse(s).unwrap();
    issuer.issue_range = Some((Some(t("2020-01-01T00:00")), Some(t("2030-01-01T00:00"))));
    let cases = [
        ("2019-12-31T23:59", false),
        ("2020-01-01T00:00", true),
        ("2025-06-01T12:00", true),
        ("2030-01-01T00:00", true),
        ("2030-01-01T00:01", false),
    ];
    for (issued, within) in cases {
        c.issued = Some(t(issued));
        assert_eq!(issued_within(&c, &issuer), within, "{issued}");
    }
    // An open end does not limit; a missing ISSUEDTIME or range is reported elsewhere.
    issuer.issue_range = Some((None, Some(t("2030-01-01T00:00"))));
    c.issued = Some(t("1990-01-01T00:00"));
    assert!(issued_within(&c, &issuer));
    c.issued = Some(t("2031-01-01T00:00"));
    assert!(!issued_within(&c, &issuer));
    issuer.issue_range = Some((Some(t("2020-01-01T00:00")), None));
    assert!(issued_within(&c, &issuer));
    c.issued = Some(t("2019-01-01T00:00"));
    assert!(!issued_within(&c, &issuer));
    c.issued = None;
    assert!(issued_within(&c, &issuer));
    c.issued = Some(t("2019-01-01T00:00"));
    issuer.issue_range = None;
    assert!(issued_within(&c, &issuer));
}

/// [`GOOD`] with `extra` certificates between the Production CA certificate and the root: the
/// CA certificate's issuer key becomes the first extra's key, each extra is issued by the next,
/// and the last by the root. (Their signatures fail; the path is built from keys alone.)
fn longer_chain(extra: usize) -> Vec<u8> {
    let s = String::from_utf8(data(GOOD)).unwrap();
    let docs: Vec<&str> = s.split_inclusive("</XrML>").collect();
    let ca = docs[3];
    let modulus = |d: &str, which: usize| -> String {
        let v = d.split("size=\"2048\">").nth(which).unwrap();
        v.split('<').next().unwrap().to_owned()
    };
    // In the CA certificate: the root's modulus (ISSUER) first, then the CA's (PRINCIPAL).
    let root = modulus(ca, 1);
    let ca_key = modulus(ca, 2);
    let fake = |i: usize| {
        use base64::Engine;
        let mut m = vec![0xC0 | i as u8; 256];
        m[0] = 0x01;
        base64::engine::general_purpose::STANDARD.encode(m)
    };
    let mut out: Vec<String> = docs[..3].iter().map(|d| (*d).to_owned()).collect();
    let issuer_of = |i: usize| {
        if i == extra {
            root.clone()
        } else {
            fake(i + 1)
        }
    };
    out.push(ca.replacen(&root, &issuer_of(0), 1));
    for i in 1..=extra {
        out.push(
            ca.replacen(&root, &issuer_of(i), 1)
                .replacen(&ca_key, &fake(i), 1),
        );
    }
    out.extend(docs[4..].iter().map(|d| (*d).to_owned()));
    out.concat().into_bytes()
}

#[test]
fn a_path_may_be_exactly_as_long_as_the_budget() {
    // SLC, service, enrollment CA, CA and 6 more: 10 = MAX_CHAIN_LENGTH, up to the anchor.
    let extra = MAX_CHAIN_LENGTH - 4;
    let r = verify_chain(&longer_chain(extra), &policy(), None);
    assert_eq!(r.chain, (0..MAX_CHAIN_LENGTH).collect::<Vec<_>>());
    assert!(r.verdict().anchor.is_some());
    assert!(!codes(&r.findings).contains(&ChainTooLong));

    // One more certificate: the path stops at the budget, before the anchor.
    let r = verify_chain(&longer_chain(extra + 1), &policy(), None);
    assert_eq!(r.chain, (0..MAX_CHAIN_LENGTH).collect::<Vec<_>>());
    assert_eq!(r.verdict().anchor, None);
    assert_eq!(
        codes(&r.findings)
            .iter()
            .filter(|c| **c == ChainTooLong)
            .count(),
        1
    );
}

/// What `r` says about the end of its path: the findings of a missing issuer.
fn path_end(r: &ChainReport) -> Vec<Found> {
    r.findings
        .iter()
        .filter_map(|f| match f.what() {
            What::Chain(
                c @ (Found::UntrustedRoot { .. }
                | Found::IssuerMissing { .. }
                | Found::IssuerKeyMismatch { .. }),
            ) => Some(c.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_missing_root_is_untrusted_when_it_is_microsofts_name_or_an_anchors_name() {
    const MS: &str = "Microsoft DRM Production Root";
    // `bad/wrong-root.xml`: the CA certificate names Microsoft's root, with another key.
    let wrong_root = data("chain/bad/wrong-root.xml");
    let anchored_as = |name: &str| Policy {
        anchors: policy()
            .anchors
            .into_iter()
            .map(|a| TrustAnchor {
                name: name.into(),
                ..a
            })
            .collect(),
        ..policy()
    };
    let untrusted = |issuer: &str| {
        vec![Found::UntrustedRoot {
            document: 3,
            issuer: issuer.into(),
        }]
    };
    // Microsoft's name is a root's name whatever the anchors are called.
    let r = verify_chain(&wrong_root, &anchored_as("Contoso Test Root"), None);
    assert_eq!(path_end(&r), untrusted(MS));
    // Another name is a root's name when an anchor is called so.
    let s = String::from_utf8(wrong_root).unwrap();
    let renamed = s.replace(MS, "Contoso Test Root");
    let r = verify_chain(renamed.as_bytes(), &anchored_as("Contoso Test Root"), None);
    assert_eq!(path_end(&r), untrusted("Contoso Test Root"));
    // Otherwise it is a missing certificate.
    let r = verify_chain(renamed.as_bytes(), &anchored_as("Fabrikam Root"), None);
    assert_eq!(
        path_end(&r),
        vec![Found::IssuerMissing {
            issuer: "Contoso Test Root".into(),
        }]
    );
}

#[test]
fn every_chain_certificate_decides_wherever_it_is() {
    // `attack/extra-ca.xml`: a fifth, intact CA certificate beside the path decides (it is of
    // chain type); `ambiguous/slc-and-licence-soap.xml`: an intact licence beside it does not.
    let deciding = |f: &str| {
        let r = verify_chain(&data(&format!("chain/{f}")), &policy(), None);
        (r.chain.clone(), deciding_documents(&r.documents, &r.chain))
    };
    assert_eq!(
        deciding("attack/extra-ca.xml"),
        (vec![0, 1, 2, 3], vec![true; 5])
    );
    assert_eq!(
        deciding("ambiguous/slc-and-licence-soap.xml"),
        (vec![0, 2, 3, 4], vec![true, false, true, true, true])
    );
}

#[test]
fn a_request_with_errors_is_named_with_its_number_of_errors() {
    // `guid-invalid.xml` read without its name: one error, no other finding.
    let req = check_request(&data("request/bad/guid-invalid.xml"), None);
    assert_eq!(codes(&req.findings), vec![GuidInvalid]);
    let r = verify_chain(&data(GOOD), &policy(), Some(&req));
    let said: Vec<Found> = r
        .findings
        .iter()
        .filter_map(|f| match f.what() {
            What::Chain(c @ Found::RequestHasErrors { .. }) => Some(c.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        said,
        vec![Found::RequestHasErrors {
            file: None,
            errors: 1
        }]
    );
}
