//! `slc-courier inspect FILE...`: links across files, the threshold, the evidence report.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use assert_cmd::Command;
use serde_json::Value;

/// A vector under the core's `tests/data/workbench/`.
fn data(rel: &str) -> String {
    common::data(&format!("workbench/{rel}"))
}

const SET: [&str; 4] = [
    "mode2/slc.xml",
    "mode2/clc-response.xml",
    "orphan/clc-rms03.xml",
    "broken/clc-tampered.xml",
];

fn run(extra: &[&str], code: i32) -> String {
    let mut c = Command::cargo_bin("slc-courier").unwrap();
    c.env("NO_COLOR", "1")
        .args(["inspect", "--at", "2026-11-22T12:00:00Z"])
        .args(extra)
        .args(SET.iter().map(|s| data(s)));
    String::from_utf8(c.assert().code(code).get_output().stdout.clone()).unwrap()
}

#[test]
fn inspect_links_across_files_and_writes_the_evidence_report() {
    let dir = std::env::temp_dir().join(format!("slc-wb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("evidence.json");
    let html = dir.join("evidence.html");
    // The tampered CLC is an error finding: exit 1, as `inspect` always did.
    let text = run(&["--threshold", "200", "-o", json.to_str().unwrap()], 1);
    assert!(
        text.contains("workbench: 4 file(s), 4 document(s)"),
        "{text}"
    );
    assert!(
        text.contains(
            "chain issuer-not-loaded (Microsoft DRM Server Self Enrollment Service, at #1)"
        ),
        "{text}"
    );
    assert!(text.contains("chain broken (signature at #4)"), "{text}");
    assert!(text.contains("RMS02  mode 2  2 document(s)"), "{text}");
    assert!(
        text.contains("extranet  https://rms.fabrikam.test/_wmcs/licensing"),
        "{text}"
    );
    assert!(
        text.contains("under the threshold (200 days): #2, #3, #4"),
        "{text}"
    );
    let v: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(v["schema"], "slc-courier-evidence/2");
    assert_eq!(v["threshold_days"], 200);
    let ends: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["chain"]["end"].as_str().unwrap())
        .collect();
    assert_eq!(
        ends,
        [
            "issuer-not-loaded",
            "issuer-not-loaded",
            "issuer-not-loaded",
            "broken"
        ]
    );
    run(&["-o", html.to_str().unwrap()], 1);
    let h = std::fs::read_to_string(&html).unwrap();
    assert!(h.starts_with("<!DOCTYPE html><html lang=\"en\">") && h.contains("RMS03"));
    // Any other extension is a usage error.
    run(&["-o", dir.join("evidence.txt").to_str().unwrap()], 2);
    // `--json` keeps the slc-courier-inspect/1 document.
    let j = run(&["--json"], 1);
    let v: Value = serde_json::from_str(&j).unwrap();
    assert_eq!(v["schema"], "slc-courier-inspect/1");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn compare_two_documents_side_by_side() {
    let text = run(&["--compare", "2", "3"], 1);
    let block = text.split("\ncompare #2 ").nth(1).expect(&text);
    let line = |f: &str| {
        block
            .lines()
            .find(|l| l.get(2..).is_some_and(|r| r.starts_with(&format!("{f} "))))
            .unwrap_or_else(|| panic!("{f}: {block}"))
    };
    assert!(line("kind").starts_with("  kind"), "both CLCs: {block}");
    assert!(line("mode").starts_with("* mode"), "{block}");
    assert!(line("mode").ends_with("2  |  1"), "{block}");
    assert!(line("intranet-url").contains("https://rms02.fabrikam.test/_wmcs/licensing  |  https://rms03.contoso.test/_wmcs/licensing"));
    // A number outside the listing is a usage error.
    let mut c = Command::cargo_bin("slc-courier").unwrap();
    c.args(["inspect", "--compare", "1", "9"]).arg(data(SET[0]));
    let err = String::from_utf8(c.assert().code(2).get_output().stderr.clone()).unwrap();
    assert!(err.contains("there is no document #9 (1 to 1)"), "{err}");
}

/// The RAC's kind says how it was told, and a file's problems are listed under it, in the
/// language asked for.
#[test]
fn rac_kinds_and_file_problems_in_both_languages() {
    let notes = std::env::temp_dir().join(format!("slc-wb-notes-{}.txt", std::process::id()));
    std::fs::write(&notes, "just some notes\n").unwrap();
    let out = |lang: &str| {
        let mut c = Command::cargo_bin("slc-courier").unwrap();
        c.env("NO_COLOR", "1")
            .args(["--lang", lang, "inspect", "--at", "2026-11-22T12:00:00Z"])
            .arg(data("mode2/rac-temporary.xml"))
            .arg(&notes);
        String::from_utf8(c.assert().code(1).get_output().stdout.clone()).unwrap()
    };
    let en = out("en");
    assert!(
        en.contains("RAC (temporary, by its validity of 15 minutes)"),
        "{en}"
    );
    assert!(
        en.contains("No <XrML> certificate was found in the file (16 bytes)."),
        "{en}"
    );
    let nl = out("nl");
    assert!(
        nl.contains("RAC (tijdelijk, afgeleid uit de geldigheid van 15 minuten)"),
        "{nl}"
    );
    assert!(
        nl.contains("Er is geen <XrML>-certificaat in het bestand gevonden (16 bytes)."),
        "{nl}"
    );
    std::fs::remove_file(&notes).ok();
}
