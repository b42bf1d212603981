//! The workbench over the real vectors (`../shared/vectors/xrml/`) and the generator's sets
//! (`tests/data/workbench/`): exact kinds, URLs, modes, dates and chain ends.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use slc_courier_core::policy::Policy;
use slc_courier_core::report::ToolInfo;
use slc_courier_core::time::UtcTime;
use slc_courier_core::workbench::evidence::{to_html, Evidence, EN, NL};
use slc_courier_core::workbench::{build, ChainEnd, InputFile, Workbench};
use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/vectors/xrml");
    if p.is_dir() {
        return Some(p);
    }
    assert!(
        std::env::var("CI").is_err(),
        "CI: ../shared/vectors is missing at {}",
        p.display()
    );
    eprintln!("skipping: ../shared/vectors not found (allowed outside CI only)");
    None
}

const REAL: [&str; 5] = [
    "ms-rmpr-4.5.1-machine-certificate.xml",
    "ms-rmpr-4.5.2-rights-account-certificate.xml",
    "ms-rmpr-4.5.3-client-licensor-certificate.xml",
    "ms-rmpr-4.5.6-use-license.xml",
    "rms-sdk-publishing-license-chain.xml",
];

const SYNTHETIC: [&str; 12] = [
    "mode1/slc-chain.xml",
    "mode1/rac.xml",
    "mode1/clc.drm",
    "mode1/document.pfile",
    "mode2/slc.xml",
    "mode2/rac-temporary.xml",
    "mode2/clc-response.xml",
    "mode2/protected.bin",
    "orphan/clc-rms03.xml",
    "broken/clc-tampered.xml",
    "broken/rac-wrong-issuer-id.xml",
    "mode1/rac.xml",
];

fn run(named: &[(String, Vec<u8>)], policy: &Policy, threshold: i64) -> Workbench {
    let files: Vec<InputFile<'_>> = named
        .iter()
        .map(|(n, b)| InputFile { name: n, bytes: b })
        .collect();
    build(&files, policy, threshold)
}

/// One line per document: `kind signature chain-end mode days-left [urls]`.
fn rows(w: &Workbench) -> Vec<String> {
    w.documents
        .iter()
        .map(|d| {
            let end = match d.chain_end() {
                ChainEnd::IssuerNotLoaded { issuer, document } => {
                    format!("issuer-not-loaded({issuer}@{document})")
                }
                ChainEnd::Broken { document, reason } => {
                    format!("broken({}@{document})", reason.id())
                }
                e => e.id().to_owned(),
            };
            let urls: Vec<String> = d
                .urls
                .iter()
                .map(|u| format!("{}={}", u.kind.id(), u.url))
                .collect();
            format!(
                "{} {} {end} m{} d{}{}",
                d.kind.id(),
                d.signature.id(),
                d.mode.map_or("-".into(), |m| m.to_string()),
                d.days_left.map_or("-".into(), |n| n.to_string()),
                if urls.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", urls.join(" "))
                }
            )
        })
        .collect()
}

fn real() -> Option<Vec<(String, Vec<u8>)>> {
    let dir = shared()?;
    Some(
        REAL.iter()
            .map(|n| ((*n).to_owned(), std::fs::read(dir.join(n)).unwrap()))
            .collect(),
    )
}

fn now() -> UtcTime {
    UtcTime::parse("2026-11-22T00:00").unwrap()
}

#[test]
fn real_vectors_linked_across_files() {
    let Some(files) = real() else { return };
    let w = run(&files, &Policy::microsoft_production(now()), 90);
    assert_eq!(
        rows(&w),
        [
            "machine-certificate verified issuer-not-loaded(Microsoft DRM Production Desktop Security Processor Activation Certificate@0) m1 d-",
            "rac-permanent verified issuer-not-loaded(CONTOSO-RMS@1) m1 d-5643",
            "clc verified issuer-not-loaded(CONTOSO-RMS@2) m1 d-5643 [intranet=http://rms/_wmcs/licensing extranet=http://rms.contoso.com/_wmcs/licensing]",
            "use-licence verified issuer-not-loaded(CONTOSO-RMS@3) m1 d- [referral=mailto:owner@contoso.com]",
            "publishing-licence verified microsoft-root m1 d-4239 [intranet=https://corprights/_wmcs/licensing extranet=https://48fc04bd-c84b-44ac-91b7-a4c5eefd5ac1.rms.na.aadrm.com/_wmcs/licensing referral=v-vlshch@microsoft.com]",
            "clc verified microsoft-root m1 d-4232 [intranet=https://corprights/_wmcs/licensing extranet=https://corprights.microsoft.com/_wmcs/licensing]",
            "use-licence verified microsoft-root m1 d- [referral=v-vlshch@microsoft.com]",
            "clc verified microsoft-root m1 d-4232 [intranet=https://corprights/_wmcs/licensing extranet=https://corprights.microsoft.com/_wmcs/licensing]",
            "slc verified microsoft-root m1 d83422",
            "enrollment-service verified microsoft-root m1 d83422",
            "ca-certificate verified microsoft-root m1 d-4688",
            "ca-certificate verified microsoft-root m- d-4689",
        ]
    );
    // Links: the PL to a CLC, the CLCs to the SLC, up the production chain.
    let links: Vec<Option<usize>> = w.documents.iter().map(|d| d.linked_issuer()).collect();
    assert_eq!(
        links,
        [
            None,
            None,
            None,
            None,
            Some(5),
            Some(8),
            Some(5),
            Some(8),
            Some(9),
            Some(10),
            Some(11),
            None
        ]
    );
    let d = &w.documents;
    assert_eq!(d[8].issued.unwrap().to_string(), "2014-06-06T22:24Z");
    assert_eq!(d[8].valid_until.unwrap().to_string(), "2255-04-18T16:50Z");
    assert_eq!(d[5].valid_from.unwrap().to_string(), "2015-03-31T21:19Z");
    assert_eq!(d[5].valid_until.unwrap().to_string(), "2015-04-22T21:19Z");
    assert_eq!(
        d[1].principal.as_ref().unwrap().email.as_deref(),
        Some("owner@contoso.com")
    );
    assert_eq!(
        d[8].principal.as_ref().unwrap().name.as_deref(),
        Some("CorpRights")
    );
    assert_eq!(
        d[8].issuer.label(),
        "Microsoft DRM Server Self Enrollment Service"
    );
    assert!(d.iter().all(|x| x.is_exact()));
    // Summary: one cluster (CorpRights, mode 1), the distinct URLs, what expires first.
    let s = &w.summary;
    assert_eq!(s.clusters.len(), 1);
    assert_eq!(s.clusters[0].name.as_deref(), Some("CorpRights"));
    assert_eq!(s.clusters[0].modes, [1]);
    assert_eq!(s.clusters[0].slc_documents, [8]);
    assert_eq!(s.clusters[0].documents, 5);
    assert_eq!(
        s.clusters[0].key_fingerprint,
        d[8].principal
            .as_ref()
            .unwrap()
            .key_fingerprint
            .clone()
            .unwrap()
    );
    let urls: Vec<String> = s
        .urls
        .iter()
        .map(|u| format!("{} {} {:?}", u.kind.id(), u.url, u.documents))
        .collect();
    assert_eq!(
        urls,
        [
            "intranet http://rms/_wmcs/licensing [2]",
            "intranet https://corprights/_wmcs/licensing [4, 5, 7]",
            "extranet http://rms.contoso.com/_wmcs/licensing [2]",
            "extranet https://48fc04bd-c84b-44ac-91b7-a4c5eefd5ac1.rms.na.aadrm.com/_wmcs/licensing [4]",
            "extranet https://corprights.microsoft.com/_wmcs/licensing [5, 7]",
            "referral mailto:owner@contoso.com [3]",
            "referral v-vlshch@microsoft.com [4, 6]",
        ]
    );
    assert_eq!(s.expires_first, Some(8));
    assert_eq!(s.expired, [1, 2, 4, 5, 7, 10, 11]);
    assert_eq!(s.below_threshold, [1, 2, 11, 10, 4, 5, 7]);
}

#[test]
fn the_chain_file_alone_agrees_with_the_verifier() {
    let Some(files) = real() else { return };
    let (name, bytes) = &files[4];
    let p = Policy::microsoft_production(now());
    let report = slc_courier_core::verify_chain(bytes, &p, None);
    let verified = report.verified().expect("the verifier proves this chain");
    let w = run(&[(name.clone(), bytes.clone())], &p, 90);
    for &i in verified.path() {
        assert_eq!(
            w.documents[i].chain_end(),
            &ChainEnd::MicrosoftRoot,
            "doc {i}"
        );
    }
    // Under another anchor the same documents do not reach Microsoft's root.
    let w = run(&[(name.clone(), bytes.clone())], &common::test_policy(), 90);
    assert!(
        w.documents.iter().all(|d| d.chain_end().id() == "broken"),
        "{:?}",
        rows(&w)
    );
}

fn synthetic() -> Vec<(String, Vec<u8>)> {
    SYNTHETIC
        .iter()
        .map(|n| ((*n).to_owned(), common::data(&format!("workbench/{n}"))))
        .collect()
}

const SYNTHETIC_ROWS_TEST_ANCHOR: [&str; 17] = [
    "slc verified test-anchor m1 d53",
    "enrollment-service verified test-anchor m1 d83422",
    "ca-certificate verified test-anchor m- d-4689",
    "ca-certificate verified test-anchor m- d-4689",
    "rac-permanent verified test-anchor m1 d190",
    "clc verified test-anchor m1 d190 [intranet=https://rms01.contoso.test/_wmcs/licensing extranet=https://rms.contoso.test/_wmcs/licensing]",
    "publishing-licence verified test-anchor m1 d22 [intranet=https://rms01.contoso.test/_wmcs/licensing extranet=https://rms.contoso.test/_wmcs/licensing referral=mailto:alice@contoso.test]",
    "use-licence verified test-anchor m1 d178 [referral=mailto:alice@contoso.test]",
    "slc verified issuer-not-loaded(Microsoft DRM Server Self Enrollment Service@8) m2 d83422",
    "rac-temporary verified issuer-not-loaded(Microsoft DRM Server Self Enrollment Service@8) m2 d0",
    "clc verified issuer-not-loaded(Microsoft DRM Server Self Enrollment Service@8) m2 d190 [intranet=https://rms02.fabrikam.test/_wmcs/licensing extranet=https://rms.fabrikam.test/_wmcs/licensing]",
    "publishing-licence verified issuer-not-loaded(Microsoft DRM Server Self Enrollment Service@8) m2 d22 [intranet=https://rms02.fabrikam.test/_wmcs/licensing extranet=https://rms.fabrikam.test/_wmcs/licensing referral=mailto:bob@fabrikam.test]",
    "use-licence verified issuer-not-loaded(Microsoft DRM Server Self Enrollment Service@8) m2 d178 [referral=mailto:bob@fabrikam.test]",
    "clc verified issuer-not-loaded(RMS03@13) m1 d190 [intranet=https://rms03.contoso.test/_wmcs/licensing extranet=https://rms03.contoso.test/_wmcs/licensing]",
    "clc failed broken(signature@14) m1 d190 [intranet=https://evil.example/_wmcs/licensing extranet=https://rms.contoso.test/_wmcs/licensing]",
    "rac-permanent verified broken(link-mismatch@15) m1 d190",
    "rac-permanent verified test-anchor m1 d190",
];

#[test]
fn synthetic_sets_over_files_and_wrappers() {
    let w = run(&synthetic(), &common::test_policy(), 90);
    assert_eq!(rows(&w), SYNTHETIC_ROWS_TEST_ANCHOR);
    let wrappers: Vec<String> = w.files.iter().map(|f| format!("{:?}", f.wrapper)).collect();
    assert_eq!(wrappers[4], "SoapChain");
    assert_eq!(wrappers[6], "EscapedResponse");
    // Exact bytes only where the file holds the document as UTF-8 text.
    let exact: Vec<bool> = w.documents.iter().map(|d| d.is_exact()).collect();
    assert!(!exact[5], "UTF-16 CLC");
    assert!(!exact[10], "escaped CLC");
    assert!(exact[6] && exact[7], "PL and UL inside binary data");
    let s = &w.summary;
    let clusters: Vec<String> = s
        .clusters
        .iter()
        .map(|c| {
            format!(
                "{} {:?} {:?} {}",
                c.name.as_deref().unwrap_or("?"),
                c.modes,
                c.slc_documents,
                c.documents
            )
        })
        .collect();
    assert_eq!(clusters, ["RMS01 [1] [0] 6", "RMS02 [2] [8] 5"]);
    assert_eq!(s.expires_first, Some(9), "the temporary RAC");
    assert_eq!(s.below_threshold, [3, 2, 9, 6, 11, 0]);
    // The threshold is an input.
    let w10 = run(&synthetic(), &common::test_policy(), 10);
    assert_eq!(w10.summary.below_threshold, [3, 2, 9]);
    // Under the pinned Microsoft root the test-root chain names Microsoft's root with another
    // key: broken there, and everything above it with it.
    let wm = run(
        &synthetic(),
        &Policy::microsoft_production(common::now()),
        90,
    );
    let ends: Vec<String> = wm
        .documents
        .iter()
        .take(8)
        .map(|d| format!("{:?}", d.chain_end()))
        .collect();
    assert!(
        ends.iter()
            .all(|e| e == "Broken { document: 3, reason: UntrustedRoot }"),
        "{ends:?}"
    );
}

#[test]
fn evidence_report_json_and_html() {
    let w = run(&synthetic(), &common::test_policy(), 90);
    let tool = ToolInfo {
        name: "test".into(),
        version: "0".into(),
        build_id: "dev".into(),
        single_file_sha256: None,
    };
    let e = Evidence::new(&w, tool.clone());
    let v: serde_json::Value =
        serde_json::from_str(&e.to_json(slc_courier_core::Lang::En)).unwrap();
    assert_eq!(v["schema"], "slc-courier-evidence/1");
    assert_eq!(v["files"].as_array().unwrap().len(), 12);
    assert_eq!(v["documents"].as_array().unwrap().len(), 17);
    assert_eq!(v["documents"][14]["signature"], "failed");
    assert_eq!(v["documents"][14]["chain"]["end"], "broken");
    assert_eq!(v["documents"][14]["chain"]["reason"], "signature");
    assert_eq!(v["documents"][13]["chain"]["issuer"], "RMS03");
    assert_eq!(v["documents"][9]["kind"], "rac-temporary");
    assert_eq!(v["documents"][8]["mode"], 2);
    assert_eq!(v["summary"]["clusters"][1]["modes"][0], 2);
    assert_eq!(v["files"][0]["sha256"].as_str().unwrap().len(), 64);
    let keys: Vec<&String> = v["documents"][0].as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 22, "{keys:?}");
    let html = to_html(&w, &tool, &EN);
    assert!(html.contains("<html lang=\"en\">") && !html.contains("Client licensor certificate"));
    assert!(html.contains("CLC (client licensor certificate)"));
    assert!(html.contains("https://rms.fabrikam.test/_wmcs/licensing"));
    let nl = to_html(&w, &tool, &NL);
    assert!(
        nl.contains("<html lang=\"nl\">")
            && nl.contains("Publicatielicentie")
            && nl.contains("verlener niet geladen: RMS03")
    );
}

#[test]
fn documents_are_bounded_and_linking_is_linear() {
    // Many copies of one CLC: each tries a bounded number of issuers.
    let one = common::data("workbench/mode1/rac.xml");
    let many: Vec<(String, Vec<u8>)> = (0..300).map(|i| (format!("f{i}"), one.clone())).collect();
    let w = run(&many, &common::test_policy(), 90);
    assert_eq!(w.documents.len(), 300);
    assert!(w
        .documents
        .iter()
        .all(|d| d.chain_end().id() == "issuer-not-loaded"));
}
