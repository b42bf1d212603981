//! The workbench over the real vectors (`../shared/vectors/xrml/`) and the generator's sets
//! (`tests/data/workbench/`): exact kinds, URLs, modes, dates and chain ends.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use slc_courier_core::finding::{Expected, Input};
use slc_courier_core::policy::Policy;
use slc_courier_core::report::ToolInfo;
use slc_courier_core::time::UtcTime;
use slc_courier_core::workbench::evidence::{self, to_html, Evidence, EN, NL};
use slc_courier_core::workbench::{
    build, ChainEnd, DocEntry, DocKind, Encoding, InputFile, RacBasis, Workbench,
};
use slc_courier_core::{Finding, Lang};

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

/// The workbench over `named`; built a second time from what `inspect` found beforehand (as
/// the CLI hands it over), which must give the same workbench.
fn run(named: &[(String, Vec<u8>)], policy: &Policy, threshold: i64) -> Workbench {
    let files: Vec<InputFile<'_>> = named.iter().map(|(n, b)| InputFile::read(n, b)).collect();
    let w = build(&files, policy, threshold);
    let found: Vec<_> = named
        .iter()
        .map(|(_, b)| slc_courier_core::chain::inspect(b, policy))
        .collect();
    let given: Vec<InputFile<'_>> = files
        .iter()
        .zip(&found)
        .map(|(f, (docs, wrapper, findings))| InputFile {
            inspected: Some((docs, *wrapper, findings)),
            ..*f
        })
        .collect();
    assert_eq!(
        format!("{:?}", build(&given, policy, threshold)),
        format!("{w:?}")
    );
    w
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
    let dir = common::shared("xrml")?;
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
    assert_eq!(v["schema"], "slc-courier-evidence/2");
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
    assert_eq!(
        keys,
        [
            "as_found",
            "below_threshold",
            "chain",
            "cluster",
            "days_left",
            "decoded_sha256",
            "file",
            "hash",
            "id",
            "index_in_file",
            "issued",
            "issuer",
            "issuer_documents",
            "kind",
            "kind_basis",
            "linked_issuer",
            "mode",
            "principal",
            "sha256",
            "signature",
            "type_as_written",
            "urls",
            "valid_from",
            "valid_until"
        ]
    );
    let keys: Vec<&String> = v["files"][0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "documents",
            "findings",
            "name",
            "not_read",
            "refused",
            "sha256",
            "size",
            "wrapper"
        ]
    );
    let html = to_html(&w, &tool, &EN);
    assert!(html.contains("<html lang=\"en\">") && !html.contains("Client licensor certificate"));
    // The documents table's Kind column has the short words (the full ones in the summary).
    assert!(html.contains("<td>CLC</td>") && html.contains("<td>Enrollment service</td>"));
    assert!(html.contains("https://rms.fabrikam.test/_wmcs/licensing"));
    let nl = to_html(&w, &tool, &NL);
    assert!(
        nl.contains("<html lang=\"nl\">")
            && nl.contains("<td>Publicatie&shy;licentie</td>")
            && nl.contains("<td>Inschrijvings&shy;service</td>")
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

fn sha256(b: &[u8]) -> String {
    slc_courier_core::text::sha256_hex(b)
}

/// Its original bytes are the file's bytes at `as_found`, and decode to the decoded text.
#[track_caller]
fn placed<'a>(d: &'a DocEntry, file: &[u8]) -> &'a slc_courier_core::workbench::AsFound {
    let a = d.as_found().expect("placed");
    assert_eq!(&file[a.offset..a.offset + a.length], d.original());
    a
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[test]
fn saved_documents_are_the_bytes_as_found() {
    let files = synthetic();
    let w = run(&files, &common::test_policy(), 90);
    let file_of = |d: &DocEntry| &files[d.file].1;
    // Every document is placed; all but the UTF-16 and the escaped CLC are their own text.
    for d in &w.documents {
        let a = placed(d, file_of(d));
        let exact = !matches!(d.id, 5 | 10);
        assert_eq!(d.is_exact(), exact, "doc {}", d.id);
        assert_eq!(d.original() == d.decoded(), exact, "doc {}", d.id);
        assert_eq!(a.escaped, d.id == 10, "doc {}", d.id);
    }
    // The UTF-16LE CLC (.drm, with BOM): its UTF-16 bytes, which decode to the text checked.
    let clc16 = &w.documents[5];
    let a = placed(clc16, file_of(clc16));
    assert_eq!(
        (a.offset, a.length, a.encoding),
        (80, 5418, Encoding::Utf16Le)
    );
    assert!(clc16.original().starts_with(b"<\0X\0r\0M\0L\0"));
    assert!(clc16.original().ends_with(b"<\0/\0X\0r\0M\0L\0>\0"));
    let units: Vec<u16> = clc16
        .original()
        .chunks_exact(2)
        .map(|p| u16::from_le_bytes([p[0], p[1]]))
        .collect();
    assert_eq!(
        String::from_utf16(&units).unwrap().as_bytes(),
        clc16.decoded()
    );
    assert_eq!(clc16.save_name("mode1/clc.drm"), "mode1_clc-1-clc.xml");
    assert_eq!(
        clc16.decoded_name("mode1/clc.drm"),
        "mode1_clc-1-clc.decoded.xml"
    );
    // Saved as found, the file is read again to the same, verified document.
    let again = run(
        &[("saved.xml".into(), clc16.original().to_vec())],
        &common::test_policy(),
        90,
    );
    assert_eq!(again.documents.len(), 1);
    assert_eq!(again.documents[0].decoded(), clc16.decoded());
    assert_eq!(again.documents[0].signature.id(), "verified");
    // The escaped CLC of a response: its escaped text as written, not XML as it stands.
    let esc = &w.documents[10];
    let a = placed(esc, file_of(esc));
    assert_eq!((a.offset, a.length, a.encoding), (69, 3915, Encoding::Utf8));
    assert!(esc.original().starts_with(b"&lt;XrML version=\"1.2\""));
    assert!(esc.original().ends_with(b"&lt;/XrML&gt;"));
    assert_eq!(
        unescape(std::str::from_utf8(esc.original()).unwrap()).as_bytes(),
        esc.decoded()
    );
    assert_eq!(
        esc.save_name("mode2/clc-response.xml"),
        "mode2_clc-response-1-clc.escaped.txt"
    );
    // The evidence report hashes the bytes as found, and names them; the decoded copy apart.
    let v: serde_json::Value =
        serde_json::from_str(&Evidence::new(&w, tool()).to_json(Lang::En)).unwrap();
    for d in &w.documents {
        let e = &v["documents"][d.id];
        assert_eq!(e["sha256"], sha256(d.original()), "doc {}", d.id);
        assert_eq!(e["decoded_sha256"], sha256(d.decoded()), "doc {}", d.id);
        assert_eq!(e["sha256"] == e["decoded_sha256"], d.is_exact());
    }
    assert_eq!(
        v["documents"][5]["as_found"],
        serde_json::json!({"offset": 80, "length": 5418, "encoding": "utf-16le", "escaped": false})
    );
    assert_eq!(
        v["documents"][10]["as_found"],
        serde_json::json!({"offset": 69, "length": 3915, "encoding": "utf-8", "escaped": true})
    );
    assert_eq!(EN.as_found(clc16), "5,418 bytes at offset 80, UTF-16LE");
    assert_eq!(
        NL.as_found(esc),
        "3.915 bytes vanaf positie 69, UTF-8, geëscapete tekst (&lt;XrML …), zo geen XML"
    );
    let html = to_html(&w, &tool(), &EN);
    assert!(html.contains(&format!(
        "<code>{}</code><br><small>5,418 bytes at offset 80, UTF-16LE</small>",
        sha256(clc16.original())
    )));
}

/// An escaped document in any spelling the XML reader accepts (character references,
/// CDATA, a comment before it, CRLF), in UTF-8 and in UTF-16LE: the original is exactly the
/// escaped text from its first to its last character, nothing around it.
#[test]
fn escaped_documents_are_placed_in_any_spelling() {
    let doc = "&#60;XrML version=\"1.2\"&#x3E;\r\n<![CDATA[<BODY type=\"LICENSE\" version=\"3.0\">]]>&lt;ISSUEDTIME&gt;2026-01-01T00:00&lt;/ISSUEDTIME&gt;&lt;/BODY&gt;&lt;/XrML&gt;";
    let text = format!(
        "<?xml version=\"1.0\"?><EnrollResponse><LicensorCertificateChain><SLC>  <!-- x -->{doc}\n</SLC></LicensorCertificateChain></EnrollResponse>"
    );
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let doc16: Vec<u8> = doc.encode_utf16().flat_map(u16::to_le_bytes).collect();
    for (bytes, expected, encoding) in [
        (
            text.as_bytes().to_vec(),
            doc.as_bytes().to_vec(),
            Encoding::Utf8,
        ),
        (utf16, doc16, Encoding::Utf16Le),
    ] {
        let w = run(
            &[("r.xml".into(), bytes.clone())],
            &common::test_policy(),
            90,
        );
        assert_eq!(w.documents.len(), 1);
        let d = &w.documents[0];
        let a = placed(d, &bytes);
        assert_eq!((a.encoding, a.escaped), (encoding, true));
        assert_eq!(d.original(), expected.as_slice());
        assert_eq!(
            std::str::from_utf8(d.decoded()).unwrap(),
            "<XrML version=\"1.2\">\r\n<BODY type=\"LICENSE\" version=\"3.0\"><ISSUEDTIME>2026-01-01T00:00</ISSUEDTIME></BODY></XrML>"
        );
    }
}

fn tool() -> ToolInfo {
    ToolInfo {
        name: "test".into(),
        version: "0".into(),
        build_id: "dev".into(),
        single_file_sha256: None,
    }
}

/// A RAC with validity `from`..`until` and, when given, a `Group-Identity-Credential-Type`.
fn rac(from: &str, until: &str, marker: Option<&str>) -> Vec<u8> {
    let level = marker
        .map(|v| format!("<SECURITYLEVEL name=\"Group-Identity-Credential-Type\" value=\"{v}\" />"))
        .unwrap_or_default();
    format!("<XrML version=\"1.2\"><BODY type=\"LICENSE\" version=\"3.0\"><ISSUEDTIME>{from}</ISSUEDTIME><VALIDITYTIME><FROM>{from}</FROM><UNTIL>{until}</UNTIL></VALIDITYTIME><DESCRIPTOR><OBJECT type=\"Group-Identity-Credential\"><ID type=\"MS-GUID\">{{1}}</ID></OBJECT></DESCRIPTOR><ISSUER><OBJECT type=\"MS-DRM-Server\"><ID type=\"MS-GUID\">{{2}}</ID><NAME>RMS</NAME></OBJECT></ISSUER><ISSUEDPRINCIPALS><PRINCIPAL internal-id=\"1\"><OBJECT type=\"Group-Identity\"><ID type=\"Windows\">S-1-5-21</ID><NAME>a@contoso.test</NAME></OBJECT>{level}</PRINCIPAL></ISSUEDPRINCIPALS></BODY></XrML>").into_bytes()
}

#[test]
fn a_rac_is_temporary_by_its_marker_or_by_its_validity_and_says_which() {
    let files: Vec<(String, Vec<u8>)> = vec![
        (
            "15min.xml".into(),
            rac("2026-11-22T10:00", "2026-11-22T10:15", None),
        ),
        (
            "year.xml".into(),
            rac("2026-01-01T00:00", "2027-01-01T00:00", None),
        ),
        // The marker wins over a short validity …
        (
            "marked.xml".into(),
            rac("2026-11-22T10:00", "2026-11-22T10:15", Some("Persistent")),
        ),
        // … and any other value is shown as written, the kind inferred.
        (
            "other.xml".into(),
            rac("2026-11-22T10:00", "2026-11-23T10:00", Some("Temporary")),
        ),
    ];
    let w = run(&files, &common::test_policy(), 90);
    let got: Vec<(DocKind, RacBasis)> = w
        .documents
        .iter()
        .map(|d| (d.kind, d.rac_basis.clone().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            (
                DocKind::RacTemporary,
                RacBasis::Validity {
                    minutes: 15,
                    marker: None
                }
            ),
            (
                DocKind::RacPermanent,
                RacBasis::Validity {
                    minutes: 525_600,
                    marker: None
                }
            ),
            (
                DocKind::RacPermanent,
                RacBasis::Marked {
                    value: "Persistent".into()
                }
            ),
            (
                DocKind::RacTemporary,
                RacBasis::Validity {
                    minutes: 1440,
                    marker: Some("Temporary".into())
                }
            ),
        ]
    );
    let words = |l: &slc_courier_core::workbench::evidence::Labels| -> Vec<String> {
        w.documents.iter().map(|d| l.doc_kind(d)).collect()
    };
    assert_eq!(
        words(&EN),
        [
            "RAC (temporary, by its validity of 15 minutes)",
            "RAC (permanent, by its validity of 365 days)",
            "RAC (permanent, marked Persistent)",
            "RAC (temporary, by its validity of 1440 minutes; type \"Temporary\" as written)",
        ]
    );
    assert_eq!(
        words(&NL),
        [
            "RAC (tijdelijk, afgeleid uit de geldigheid van 15 minuten)",
            "RAC (permanent, afgeleid uit de geldigheid van 365 dagen)",
            "RAC (permanent, gemarkeerd als Persistent)",
            "RAC (tijdelijk, afgeleid uit de geldigheid van 1440 minuten; type \"Temporary\" zoals geschreven)",
        ]
    );
    let v: serde_json::Value =
        serde_json::from_str(&Evidence::new(&w, tool()).to_json(Lang::En)).unwrap();
    assert_eq!(
        v["documents"][0]["kind_basis"],
        serde_json::json!({"by": "validity", "marker": null, "validity_minutes": 15})
    );
    assert_eq!(
        v["documents"][2]["kind_basis"],
        serde_json::json!({"by": "marker", "marker": "Persistent", "validity_minutes": null})
    );
    let html = to_html(&w, &tool(), &EN);
    assert!(html.contains("RAC (temporary)<br><small>by its validity of 15 minutes</small>"));
    let html = to_html(&w, &tool(), &NL);
    assert!(html
        .contains("RAC (tijdelijk)<br><small>afgeleid uit de geldigheid van 15 minuten</small>"));
}

#[test]
fn the_real_rac_is_marked_persistent() {
    let Some(files) = real() else { return };
    let w = run(&files, &Policy::microsoft_production(now()), 90);
    let d = &w.documents[1];
    assert_eq!(d.kind, DocKind::RacPermanent);
    assert_eq!(
        d.rac_basis,
        Some(RacBasis::Marked {
            value: "Persistent".into()
        })
    );
    assert_eq!(EN.doc_kind(d), "RAC (permanent, marked Persistent)");
    // Every real document is UTF-8 and not escaped: the original is the decoded text.
    assert!(w
        .documents
        .iter()
        .all(|d| d.is_exact() && d.original() == d.decoded()));
}

#[test]
fn problems_are_listed_per_file_in_both_languages() {
    let too_large = Finding::of(Input::TooLarge {
        name: "huge.xml".into(),
        size: 3_000_000,
        limit: 2_097_152,
        expected: Expected::Xrml,
    });
    let unreadable = Finding::of(Input::Unreadable {
        name: "gone.xml".into(),
    });
    let tampered = common::data("workbench/broken/clc-tampered.xml");
    let ok = common::data("workbench/mode2/slc.xml");
    let files = [
        InputFile::read("slc.xml", &ok),
        InputFile::read("notes.txt", b"just some notes"),
        InputFile {
            name: "huge.xml",
            bytes: &[],
            refused: Some(&too_large),
            inspected: None,
        },
        InputFile {
            name: "gone.xml",
            bytes: &[],
            refused: Some(&unreadable),
            inspected: None,
        },
        InputFile::read("clc-tampered.xml", &tampered),
    ];
    let w = build(&files, &common::test_policy(), 90);
    let all = |l: &slc_courier_core::workbench::evidence::Labels| -> Vec<Vec<String>> {
        w.files.iter().map(|f| l.problems_of(f)).collect()
    };
    let en = all(&EN);
    let nl = all(&NL);
    assert_eq!(
        en,
        [
            vec![],
            vec!["Error · No <XrML> certificate was found in the file (15 bytes)."],
            vec!["Error · huge.xml is 3,000,000 bytes; the limit here is 2,097,152 bytes, so it was not read."],
            vec!["Error · gone.xml could not be read: the browser or the system refused to give its bytes."],
            // The document's number in the listing (#2), and its place in its file (1).
            vec!["Error · listed as #2 · Document 1 (Client-Licensor-Certificate): the hash of its BODY does not equal the signed digest."],
        ]
    );
    assert_eq!(
        nl,
        [
            vec![],
            vec!["Fout · Er is geen <XrML>-certificaat in het bestand gevonden (15 bytes)."],
            vec!["Fout · huge.xml is 3.000.000 bytes; de limiet is hier 2.097.152 bytes, dus het is niet gelezen."],
            vec!["Fout · gone.xml kon niet worden gelezen: de browser of het systeem gaf de inhoud niet vrij."],
            vec!["Fout · #2 in de lijst · Document 1 (Client-Licensor-Certificate): de hash van de BODY is niet gelijk aan de ondertekende digest."],
        ]
    );
    let v: serde_json::Value =
        serde_json::from_str(&Evidence::new(&w, tool()).to_json(Lang::En)).unwrap();
    assert_eq!(v["files"][2]["refused"], true);
    assert_eq!(v["files"][2]["sha256"], serde_json::Value::Null);
    assert_eq!(v["files"][2]["findings"][0]["code"], "input-too-large");
    assert_eq!(v["files"][3]["findings"][0]["code"], "input-unreadable");
    for (l, lines) in [(&EN, &en), (&NL, &nl)] {
        let html = to_html(&w, &tool(), l);
        for line in lines.iter().flatten() {
            assert!(
                html.contains(&format!("<li>{}</li>", evidence::esc(line))),
                "{line}"
            );
        }
    }
}

/// A link without the times its range rule needs holds in the workbench exactly when it holds
/// in the verifier: not at all (`chain-time-missing` there, `time-missing` here). The other
/// documents of each file, whose links have their times, reach the (test) anchor as before.
#[test]
fn a_link_without_its_times_is_broken_as_in_the_verifier() {
    let p = common::test_policy();
    for (file, broken_doc) in [
        ("chain/attack/slc-no-issuedtime.xml", 0),
        ("chain/attack/es-no-rangetime.xml", 0),
        ("chain/attack/es-rangetime-no-until.xml", 0),
    ] {
        let bytes = common::data(file);
        assert!(slc_courier_core::verify_chain(&bytes, &p, None)
            .findings
            .iter()
            .any(|f| f.code == slc_courier_core::Code::ChainTimeMissing));
        let w = run(&[(file.to_owned(), bytes)], &p, 90);
        let ends: Vec<String> = rows(&w)
            .iter()
            .map(|r| r.split(' ').nth(2).unwrap_or("").to_owned())
            .collect();
        assert_eq!(
            ends[broken_doc], "broken(time-missing@0)",
            "{file}: {ends:?}"
        );
        assert!(
            ends[1..].iter().all(|e| e == "test-anchor"),
            "{file}: {ends:?}"
        );
    }
}

#[test]
fn document_counts_are_singular_for_one() {
    assert_eq!(EN.count_documents(1), "1 document");
    assert_eq!(EN.count_documents(2), "2 documents");
    assert_eq!(NL.count_documents(1), "1 document");
    assert_eq!(NL.count_documents(3), "3 documenten");
}
