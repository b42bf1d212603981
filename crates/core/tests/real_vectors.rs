//! Conformance against the real vectors in `../shared/vectors/` (read, never copied).
//! In CI (`CI=true`) a missing folder is a failure, not a skip.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use slc_courier_core::chain::{verify_chain, ChainKind};
use slc_courier_core::finding::{codes, Code};
use slc_courier_core::policy::Policy;
use slc_courier_core::time::UtcTime;
use slc_courier_core::xrml::{check_signature, parse_certificate, read_documents, BodyForm};
use std::path::PathBuf;

fn now() -> UtcTime {
    UtcTime::parse("2026-11-22T00:00").unwrap_or(UtcTime::from_unix(0))
}

fn read(path: &PathBuf) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// (file, number of documents)
const XRML: &[(&str, usize)] = &[
    ("ms-rmpr-4.5.1-machine-certificate.xml", 1),
    ("ms-rmpr-4.5.2-rights-account-certificate.xml", 1),
    ("ms-rmpr-4.5.3-client-licensor-certificate.xml", 1),
    ("ms-rmpr-4.5.6-use-license.xml", 1),
    ("rms-sdk-publishing-license-chain.xml", 8),
];

#[test]
fn every_real_xrml_document_verifies() {
    let Some(dir) = common::shared("") else {
        return;
    };
    let mut files = 0;
    for entry in std::fs::read_dir(dir.join("xrml")).unwrap_or_else(|e| panic!("{e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_owned();
        let expected = XRML
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| *c)
            .unwrap_or_else(|| panic!("unlisted vector {name}"));
        let bytes = read(&path);
        let r = read_documents(&bytes);
        assert_eq!(r.docs.len(), expected, "{name}");
        for (i, d) in r.docs.iter().enumerate() {
            let c = parse_certificate(d, i);
            assert_eq!(codes(&c.findings), vec![], "{name} doc {i}");
            let mut f = vec![];
            let st = check_signature(
                &c,
                &[
                    slc_courier_core::policy::HashAlg::Sha1,
                    slc_courier_core::policy::HashAlg::Sha256,
                ],
                &mut f,
            );
            assert!(st.signature_valid, "{name} doc {i}: signature");
            // The shared vectors are all pretty-printed: they verify only after stripping.
            assert_eq!(st.digest_form, Some(BodyForm::Stripped), "{name} doc {i}");
            assert_eq!(codes(&f), vec![], "{name} doc {i}");
        }
        files += 1;
    }
    assert_eq!(files, XRML.len());
}

#[test]
fn production_slc_chain_verifies_to_the_pinned_root() {
    let Some(dir) = common::shared("") else {
        return;
    };
    let bytes = read(&dir.join("xrml/rms-sdk-publishing-license-chain.xml"));
    let r = verify_chain(&bytes, &Policy::microsoft_production(now()), None);
    assert_eq!(r.chain, vec![4, 5, 6, 7]);
    assert_eq!(r.kind, Some(ChainKind::SelfEnrollment));
    let v = r.verdict();
    assert_eq!(
        v.outcome,
        slc_courier_core::chain::Outcome::GenuineUnpaired,
        "{:#?}",
        r.findings
    );
    assert!(v.genuine && v.anchor_is_microsoft && !v.anchor_is_test);
    assert!(r.verified().is_some_and(|v| v.len() == 4
        && v.anchor().name == "Microsoft DRM Production Root"
        && v.anchor().microsoft));
    assert_eq!(
        v.expires.map(|e| e.to_string()).as_deref(),
        Some("2255-04-18T16:50Z")
    );
    assert_eq!(v.server.as_deref(), Some("CorpRights"));
    assert_eq!(
        v.issuer.as_deref(),
        Some("Microsoft DRM Server Self Enrollment Service")
    );
    assert_eq!(
        v.server_guid.as_deref(),
        Some("{aaa331f3-e659-4ea9-876b-e8b25c7b4996}")
    );
    let infos: Vec<Code> = r.findings.iter().map(|f| f.code).collect();
    assert_eq!(
        infos,
        vec![Code::SignatureWhitespaceStripped, Code::SignatureSha1Legacy]
    );
    let errors: Vec<Code> = r
        .findings
        .iter()
        .filter(|f| f.severity == slc_courier_core::Severity::Error)
        .map(|f| f.code)
        .collect();
    assert_eq!(errors, vec![]);
}

#[test]
fn flipping_any_byte_inside_a_body_fails_that_certificate() {
    let Some(dir) = common::shared("") else {
        return;
    };
    let bytes = read(&dir.join("xrml/rms-sdk-publishing-license-chain.xml"));
    let r = read_documents(&bytes);
    let policy = Policy::microsoft_production(now());
    for (i, d) in r.docs.iter().enumerate() {
        let c = parse_certificate(d, i);
        let (s, e) = c.body_span;
        // Every byte of the BODY whose change keeps the text well-formed and is not
        // inter-tag whitespace (which the strip rule forgives by design): flip letters/digits.
        let body = d.text.as_bytes();
        let mut flipped = 0;
        for pos in (s..e).step_by(7) {
            let Some(&b) = body.get(pos) else { continue };
            if !b.is_ascii_alphanumeric() {
                continue;
            }
            let mut text = d.text.clone().into_bytes();
            if let Some(x) = text.get_mut(pos) {
                *x = if b == b'A' { b'B' } else { b'A' };
            }
            let Ok(t) = String::from_utf8(text) else {
                continue;
            };
            let doc = slc_courier_core::xrml::SourceDoc {
                text: t,
                ..d.clone()
            };
            let c2 = parse_certificate(&doc, i);
            let mut f = vec![];
            let st = check_signature(&c2, &policy.hashes, &mut f);
            assert!(
                !st.is_valid(),
                "doc {i}: flipping byte {pos} still verifies"
            );
            flipped += 1;
        }
        assert!(flipped > 50, "doc {i}: only {flipped} positions tried");
    }
}

#[test]
fn gte_root_is_recognised_as_expired() {
    let Some(dir) = common::shared("") else {
        return;
    };
    let bytes = read(&dir.join("roots/gte-cybertrust-global-root.pem"));
    let (info, findings) = slc_courier_core::trust::inspect_root(&bytes, now());
    assert_eq!(codes(&findings), vec![Code::RootGteExpired]);
    let info = info.unwrap_or_else(|| panic!("no info"));
    assert_eq!(info.not_after.to_string(), "2018-08-13T23:59Z");
    assert_eq!(
        info.sha1,
        "97:81:79:50:D8:1C:96:70:CC:34:D8:09:CF:79:44:31:36:7E:F4:74"
    );
    assert_eq!(info.serial, "01:a5");
    assert_eq!(
        info.subject,
        "C=US, O=GTE Corporation, OU=GTE CyberTrust Solutions, Inc., CN=GTE CyberTrust Global Root"
    );
    assert_eq!(info.issuer, info.subject);
    assert_eq!(info.not_before.to_string(), "1998-08-13T00:29Z");
    assert_eq!(
        info.recognised_as.as_deref(),
        Some("GTE CyberTrust Global Root")
    );
}

#[test]
fn current_microsoft_roots_are_recognised() {
    let Some(dir) = common::shared("") else {
        return;
    };
    // Subjects, serials and dates as `openssl x509 -subject -serial -dates` reads them.
    for (file, name, expected, subject, serial, dates) in [
        (
            "digicert-global-root-g2.pem",
            "DigiCert Global Root G2",
            vec![],
            "C=US, O=DigiCert Inc, OU=www.digicert.com, CN=DigiCert Global Root G2",
            "03:3a:f1:e6:a7:11:a9:a0:bb:28:64:b1:1d:09:fa:e5",
            ("2013-08-01T12:00Z", "2038-01-15T12:00Z"),
        ),
        (
            "microsoft-rsa-root-ca-2017.pem",
            "Microsoft RSA Root Certificate Authority 2017",
            vec![],
            "C=US, O=Microsoft Corporation, CN=Microsoft RSA Root Certificate Authority 2017",
            "1e:d3:97:09:5f:d8:b4:b3:47:70:1e:aa:be:7f:45:b3",
            ("2019-12-18T22:51:22Z", "2042-07-18T23:00:23Z"),
        ),
        (
            "baltimore-cybertrust-root.pem",
            "Baltimore CyberTrust Root",
            vec![Code::RootExpired],
            "C=IE, O=Baltimore, OU=CyberTrust, CN=Baltimore CyberTrust Root",
            "02:00:00:b9",
            ("2000-05-12T18:46Z", "2025-05-12T23:59Z"),
        ),
    ] {
        let (info, findings) =
            slc_courier_core::trust::inspect_root(&read(&dir.join("roots").join(file)), now());
        let info = info.unwrap_or_else(|| panic!("{file}: not read"));
        assert_eq!(info.recognised_as.as_deref(), Some(name), "{file}");
        assert_eq!(codes(&findings), expected, "{file}");
        assert_eq!(
            (info.subject.as_str(), info.serial.as_str()),
            (subject, serial),
            "{file}"
        );
        assert_eq!(
            (info.not_before.to_string(), info.not_after.to_string()),
            (dates.0.to_owned(), dates.1.to_owned()),
            "{file}"
        );
    }
}
