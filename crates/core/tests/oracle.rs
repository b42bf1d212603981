//! An oracle over the generator's whole corpus: every chain file (good, damaged, attacks,
//! ambiguous documents) against every kind of request (none, matching, for another server,
//! with errors) under three policies. Whatever the findings, a verdict that says "genuine"
//! or "valid" must be backed by what it claims — checked here from the documents themselves,
//! independently of the verifier's own bookkeeping.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use common::test_policy;
use slc_courier_core::chain::{verify_chain, ChainReport, Outcome};
use slc_courier_core::policy::Policy;
use slc_courier_core::request::{check_request, normalise_guid, RequestReport};
use slc_courier_core::{Severity, Subject};
use std::path::{Path, PathBuf};

fn files_under(rel: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(rel);
    let mut out = common::files_below(&dir);
    out.retain(|p| !p.ends_with("README.md"));
    out
}

/// Checks what a genuine or valid verdict claims against the documents themselves.
fn oracle(what: &str, r: &ChainReport, policy: &Policy, req: Option<&RequestReport>) {
    let v = r.verdict();
    assert_eq!(v.genuine, r.verified().is_some(), "{what}");
    assert_eq!(v.valid, r.answered().is_some(), "{what}");
    assert_eq!(
        v.outcome != Outcome::NotValid,
        v.genuine && (req.is_none() || v.valid),
        "{what}"
    );
    if v.outcome == Outcome::NotValid {
        assert!(v.reason.is_some(), "{what}: a refusal names its reason");
        assert!(
            v.expires.is_none(),
            "{what}: a refusal has no proven expiry"
        );
    }
    if !v.genuine {
        assert!(!v.valid, "{what}");
        return;
    }
    let path = r.verified().unwrap().path().to_vec();
    assert_eq!(path, r.chain, "{what}");
    let leaf = &r.documents[path[0]].cert;
    assert_eq!(
        leaf.descriptor.object_type, "Server-Licensor-Certificate",
        "{what}: the leaf is an SLC"
    );
    assert!(
        [
            "Microsoft DRM Server Enrollment Service",
            "Microsoft DRM Server Self Enrollment Service"
        ]
        .contains(&leaf.issuer.object.label()),
        "{what}: the SLC is issued by an enrollment service"
    );
    for &i in &path {
        let d = &r.documents[i];
        assert!(
            d.signature.as_ref().is_some_and(|s| s.is_valid()),
            "{what}: document {i} on the path has a valid digest and signature"
        );
        assert!(
            d.cert
                .findings
                .iter()
                .all(|f| f.severity != Severity::Error),
            "{what}: document {i} on the path was read without error"
        );
    }
    for w in path.windows(2) {
        let (c, parent) = (&r.documents[w[0]].cert, &r.documents[w[1]].cert);
        assert_eq!(
            c.issuer.key,
            parent.principal.as_ref().and_then(|p| p.key.clone()),
            "{what}: each issuer key is the next certificate's principal key"
        );
    }
    let top = &r.documents[*path.last().unwrap()].cert;
    assert!(
        policy
            .anchors
            .iter()
            .any(|a| Some(&a.key) == top.issuer.key.as_ref()),
        "{what}: the path ends at a trust anchor"
    );
    let chain_types = ["Server-Licensor-Certificate", "DRM-CA-Certificate"];
    let slcs = r
        .documents
        .iter()
        .filter(|d| chain_types.contains(&d.cert.descriptor.object_type.as_str()))
        .count();
    assert_eq!(
        slcs,
        path.len(),
        "{what}: no chain certificate off the path"
    );
    assert!(
        r.findings.iter().all(|f| f.severity != Severity::Error
            || f.subject == Subject::Request
            || matches!(f.subject, Subject::Document { index } if !path.contains(&index))),
        "{what}: no error about the file, the chain or a path document"
    );
    assert!(v.expires.is_some() || !v.valid, "{what}");
    if v.valid {
        let req = req.unwrap();
        assert!(
            req.is_ok(),
            "{what}: only an error-free request is answered"
        );
        let principal = leaf.principal.as_ref().unwrap();
        assert_eq!(
            principal.key.as_ref(),
            req.summary.rsa_key.as_ref(),
            "{what}: the SLC's key is the request's"
        );
        assert_eq!(
            normalise_guid(&principal.object.id).map(|(g, _)| g),
            req.summary.guid,
            "{what}: the SLC's GUID is the request's"
        );
    }
}

#[test]
fn every_genuine_or_valid_verdict_in_the_corpus_is_backed_by_the_documents() {
    let chains: Vec<PathBuf> = files_under("chain")
        .into_iter()
        .filter(|p| {
            !p.to_string_lossy().ends_with("Request.xml") && !p.ends_with("test-root.xrml-key.txt")
        })
        .collect();
    let mut requests: Vec<RequestReport> = files_under("request/good")
        .into_iter()
        .chain(
            files_under("chain/attack")
                .into_iter()
                .filter(|p| p.to_string_lossy().ends_with("Request.xml")),
        )
        .chain(
            [
                "duplicate-element.xml",
                "version-empty.xml",
                "utf16-encoded.xml",
                "soap-envelope.xml",
            ]
            .iter()
            .map(|f| {
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("tests/data/request/bad")
                    .join(f)
            }),
        )
        .map(|p| {
            check_request(
                &std::fs::read(&p).unwrap(),
                p.file_name().and_then(|n| n.to_str()),
            )
        })
        .collect();
    requests.sort_by(|a, b| a.file_name.cmp(&b.file_name));
    let lenient = Policy {
        strict_shape: false,
        ..test_policy()
    };
    let policies = [
        ("test", test_policy()),
        ("microsoft", Policy::microsoft_production(common::now())),
        ("lenient", lenient),
    ];
    let (mut genuine, mut valid, mut runs) = (0, 0, 0);
    for chain in &chains {
        let bytes = std::fs::read(chain).unwrap();
        for (pname, policy) in &policies {
            let reqs = std::iter::once(None).chain(requests.iter().map(Some));
            for req in reqs {
                let what = format!(
                    "{} / {} / {pname}",
                    chain.display(),
                    req.and_then(|r| r.file_name.as_deref())
                        .unwrap_or("no request")
                );
                let r = verify_chain(&bytes, policy, req);
                oracle(&what, &r, policy, req);
                runs += 1;
                genuine += usize::from(r.verdict().genuine);
                valid += usize::from(r.verdict().valid);
            }
        }
    }
    // The oracle is not vacuous: it saw many genuine and valid verdicts, and many refusals.
    assert!(valid >= 20, "valid verdicts seen: {valid}");
    assert!(genuine >= 3 * valid / 2, "genuine {genuine}, valid {valid}");
    assert!(runs - genuine >= 500, "refusals seen: {}", runs - genuine);
}
