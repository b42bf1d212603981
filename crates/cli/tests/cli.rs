//! Runs the `slc-courier` binary on the generator's vectors and on `../shared/vectors/`.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use common::{cli, data};
use serde_json::Value;

fn json(args: &[&str], code: i32) -> Value {
    let out = cli()
        .arg("--json")
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out)))
}

fn codes(v: &Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}

const AT: &str = "2026-11-22T12:00:00Z";

#[test]
fn verify_a_good_chain_against_its_request() {
    let v = json(
        &[
            "verify",
            &data("chain/good/sha1-compact.xml"),
            "--request",
            &data("request/good/RMS01EnrollRequest.xml"),
            "--at",
            AT,
            "--anchor",
            &data("chain/test-root.xrml-key.txt"),
        ],
        0,
    );
    assert_eq!(v["schema"], "slc-courier-receipt/2");
    assert_eq!(v["verdict"]["outcome"], "answers-request");
    assert_eq!(v["verdict"]["genuine"], true);
    assert_eq!(v["verdict"]["answers_request"], true);
    assert_eq!(v["verdict"]["valid"], true);
    assert_eq!(v["verdict"]["anchor_is_test"], true);
    assert_eq!(v["verdict"]["anchor"]["microsoft"], false);
    assert_eq!(v["verdict"]["expires"], "2046-06-18T10:00Z");
    assert_eq!(v["verdict"]["days_remaining"], 7147);
    assert_eq!(v["verdict"]["server"], "RMS01");
    assert_eq!(v["pairing"]["key_matches"], true);
    assert_eq!(v["chain"].as_array().unwrap().len(), 4);
    assert_eq!(v["certificate"]["name"], "sha1-compact.xml");
    assert_eq!(codes(&v), vec!["signature-sha1-legacy", "anchor-test"]);
    assert_eq!(v["findings"][1]["subject"]["kind"], "chain");
}

#[test]
fn human_output_names_the_verdict_and_date() {
    let out = cli()
        .args([
            "verify",
            &data("chain/good/sha256-compact.xml"),
            "--at",
            "2026-11-22T13:00:00+01:00",
            "--anchor",
            &data("chain/test-root.xrml-key.txt"),
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("  verdict      GENUINE — NOT checked against a request (give --request before you carry it back) [TEST ANCHOR — not a Microsoft verdict]\n"),
        "{text}"
    );
    assert!(
        text.contains(" — TEST anchor from a file, NOT the Microsoft root\n"),
        "{text}"
    );
    assert!(
        text.contains("  expires      2046-06-18 (7147 days remaining)\n"),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "no colour when not a terminal");
}

#[test]
fn a_tampered_or_foreign_chain_exits_one() {
    let v = json(
        &[
            "verify",
            &data("chain/bad/tampered-signature.xml"),
            "--at",
            AT,
            "--anchor",
            &data("chain/test-root.xrml-key.txt"),
        ],
        1,
    );
    assert_eq!(
        codes(&v),
        vec!["signature-invalid", "signature-sha1-legacy", "anchor-test"]
    );
    assert_eq!(v["verdict"]["outcome"], "not-valid");
    assert_eq!(v["verdict"]["reason"], "signature-invalid");
    assert_eq!(v["verdict"]["expires"], Value::Null);
    let v = json(
        &[
            "verify",
            &data("chain/good/sha1-compact.xml"),
            "--request",
            &data("request/good/RMS03EnrollRequest.xml"),
            "--at",
            AT,
            "--anchor",
            &data("chain/test-root.xrml-key.txt"),
        ],
        1,
    );
    assert_eq!(
        codes(&v)[1..],
        ["anchor-test", "pair-guid-mismatch", "pair-key-mismatch"]
    );
    assert_eq!(v["verdict"]["genuine"], true);
    assert_eq!(v["verdict"]["answers_request"], false);
    assert_eq!(v["verdict"]["valid"], false);
    // Synthetic chains are not Microsoft's: without --anchor the pinned root rejects them.
    let v = json(
        &["verify", &data("chain/good/sha1-compact.xml"), "--at", AT],
        1,
    );
    assert_eq!(
        codes(&v),
        vec!["signature-sha1-legacy", "chain-untrusted-root"]
    );
}

#[test]
fn request_reports_exact_codes_and_exit_status() {
    let v = json(
        &["request", &data("request/good/RMS01EnrollRequest.xml")],
        0,
    );
    assert_eq!(
        v["request_report"]["summary"]["guid"],
        "{6f9619ff-8b86-d011-b42d-00c04fc964ff}"
    );
    assert_eq!(v["request_report"]["kind"], "enrollment");
    assert_eq!(codes(&v), Vec::<String>::new());
    let v = json(&["request", &data("request/bad/utf16-encoded.xml")], 1);
    assert_eq!(codes(&v), vec!["file-name-unrecognised", "utf16-encoded"]);
}

#[test]
fn receipt_is_written() {
    let dir = std::env::temp_dir().join(format!("slc-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("receipt.json");
    cli()
        .args([
            "receipt",
            &data("request/good/RMS02EnrollRequest.xml"),
            &data("chain/good/sha256-pretty.xml"),
            "-o",
            out.to_str().unwrap(),
            "--at",
            AT,
            "--anchor",
            &data("chain/test-root.xrml-key.txt"),
        ])
        .assert()
        .code(0);
    let v: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(v["request"]["name"], "RMS02EnrollRequest.xml");
    assert_eq!(
        v["request"]["sha256"],
        slc_sha256(&data("request/good/RMS02EnrollRequest.xml"))
    );
    assert_eq!(
        v["certificate"]["sha256"],
        slc_sha256(&data("chain/good/sha256-pretty.xml"))
    );
    assert_eq!(v["verdict"]["valid"], true);
    // The request's findings are in the receipt, about the request.
    std::fs::remove_dir_all(dir).unwrap();
}

/// Each class of false VALID found on the old main, by exit code and verdict.
#[test]
fn nothing_wrong_is_exit_zero_and_only_that() {
    let anchor = data("chain/test-root.xrml-key.txt");
    let run = |chain: &str, request: Option<&str>, code: i32| {
        let mut args = vec!["verify".to_owned(), data(chain), "--at".into(), AT.into()];
        args.extend(["--anchor".to_owned(), anchor.clone()]);
        if let Some(r) = request {
            args.extend(["--request".to_owned(), data(r)]);
        }
        json(&args.iter().map(String::as_str).collect::<Vec<_>>(), code)
    };
    let rms01 = Some("request/good/RMS01EnrollRequest.xml");
    // A request with errors of its own is never answered, whatever the chain.
    for bad in ["duplicate-element", "version-empty", "utf16-encoded"] {
        let r = format!("request/bad/{bad}.xml");
        let v = run("chain/good/sha1-compact.xml", Some(&r), 1);
        assert_eq!(v["verdict"]["reason"], "request-has-errors", "{bad}");
        assert_eq!(v["pairing"]["request_has_errors"], true, "{bad}");
    }
    let v = run(
        "chain/good/sha1-compact.xml",
        Some("chain/attack/RMS01-other-key-EnrollRequest.xml"),
        1,
    );
    assert_eq!(v["verdict"]["reason"], "pair-key-mismatch");
    // No SLC, with or without a request.
    for f in [
        "chain/attack/no-slc.xml",
        "chain/attack/no-slc-response-utf16.xml",
    ] {
        assert_eq!(run(f, None, 1)["verdict"]["reason"], "chain-no-slc", "{f}");
        assert_eq!(run(f, rms01, 1)["verdict"]["outcome"], "not-valid", "{f}");
    }
    for (f, reason) in [
        ("chain/attack/two-slcs.xml", "chain-ambiguous-leaf"),
        ("chain/attack/extra-ca.xml", "chain-extra-certificate"),
        ("chain/attack/slc-issued-in-future.xml", "slc-not-yet-valid"),
        ("chain/attack/slc-key-1536.xml", "chain-key-size"),
        ("chain/attack/wrong-shape.xml", "chain-shape-invalid"),
    ] {
        assert_eq!(run(f, rms01, 1)["verdict"]["reason"], reason, "{f}");
    }
    let v = run("chain/good/sha1-compact.xml", rms01, 0);
    assert_eq!(v["verdict"]["outcome"], "answers-request");
    let v = run("chain/good/sha1-compact.xml", None, 0);
    assert_eq!(v["verdict"]["outcome"], "genuine-unpaired");
    assert_eq!(v["verdict"]["valid"], false);
    assert_eq!(v["verdict"]["answers_request"], Value::Null);
}

#[test]
fn a_receipt_for_a_request_with_errors_is_not_valid() {
    let dir = std::env::temp_dir().join(format!("slc-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("receipt.json");
    cli()
        .args([
            "receipt",
            &data("request/bad/duplicate-element.xml"),
            &data("chain/good/sha1-compact.xml"),
            "-o",
            out.to_str().unwrap(),
            "--at",
            AT,
            "--anchor",
            &data("chain/test-root.xrml-key.txt"),
        ])
        .assert()
        .code(1);
    let v: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(v["verdict"]["valid"], false);
    assert_eq!(v["verdict"]["genuine"], true);
    assert_eq!(v["verdict"]["answers_request"], false);
    assert_eq!(v["pairing"]["key_matches"], false);
    let subjects: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "duplicate-element")
        .map(|f| f["subject"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(subjects, ["request"]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command as Std, Stdio};
    let bin = assert_cmd::cargo::cargo_bin("slc-courier");
    let mut child = Std::new(bin)
        .args([
            "inspect",
            "--at",
            AT,
            &data("chain/good/sha1-compact.xml"),
            &data("chain/good/sha1-pretty.xml"),
            &data("chain/good/sha256-pretty.xml"),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away before anything is written
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err, "");
    assert_eq!(status.code(), Some(0));
}

fn slc_sha256(path: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(std::fs::read(path).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn bad_input_is_one_line_and_exit_two() {
    // Over the request budget (the core's one size rule): refused from its size, not read.
    let dir = std::env::temp_dir().join(format!("slc-cli-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("RMS01EnrollRequest.xml");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(2 * 1024 * 1024))
        .unwrap();
    for (args, expect) in [
        (
            vec![
                "request".to_owned(),
                std::env::temp_dir().display().to_string(),
            ],
            "is a directory",
        ),
        (
            vec![
                "request".to_owned(),
                "/nonexistent/RMS01EnrollRequest.xml".to_owned(),
            ],
            "cannot be read",
        ),
        (
            vec!["request".to_owned(), big.display().to_string()],
            "RMS01EnrollRequest.xml is 2,097,152 bytes; the limit here is 1,048,576 bytes, so it was not read.",
        ),
        (
            vec![
                "verify".to_owned(),
                data("chain/good/sha1-compact.xml"),
                "--at".to_owned(),
                "yesterday".to_owned(),
            ],
            "invalid value 'yesterday' for '--at'",
        ),
    ] {
        let out = cli().args(&args).assert().code(2).get_output().clone();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(expect), "{err}");
        assert!(!err.contains("panicked"));
    }
    cli().arg("frobnicate").assert().code(2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn binary_data_is_the_cores_to_name_as_on_the_page() {
    // No pre-filter in the CLI: the core's finding, exit 1 (a finding), as the page shows it.
    for (command, file, line) in [
        (
            "request",
            "request/bad/binary-file.xml",
            "FAIL  binary-file  This is a PNG image, not a text file (it starts with 89 50 4E 47 0D 0A 1A 0A).",
        ),
        (
            "inspect",
            "chain/bad/png-renamed.xml",
            "FAIL  no-xrml-found  No <XrML> certificate was found in the file (48 bytes).",
        ),
    ] {
        let out = cli()
            .args([command, &data(file)])
            .assert()
            .code(1)
            .get_output()
            .clone();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(line), "{command} {file}: {text}");
    }
}

#[test]
fn at_out_of_range_is_a_usage_error_naming_the_option_and_value() {
    const HINT: &str = "(give an RFC 3339 time, e.g. 2026-11-22T12:00:00Z)";
    for (at, why) in [
        (
            "2026-11-22T12:00:00-99:99",
            "the offset -99:99 is out of range (hours 00-23, minutes 00-59)",
        ),
        (
            "2026-11-22T12:00:00+24:00",
            "the offset +24:00 is out of range (hours 00-23, minutes 00-59)",
        ),
        (
            "2026-11-22T12:00:00+05:60",
            "the offset +05:60 is out of range (hours 00-23, minutes 00-59)",
        ),
        ("2026-02-30T12:00:00Z", "there is no date 2026-02-30"),
        ("2026-11-22T24:00:00Z", "24:00:00 is not a time of day"),
        (
            "2026-11-22T12:00:00",
            "expected 'Z' or an offset such as +01:00 at character 20",
        ),
    ] {
        for command in ["verify", "inspect"] {
            let out = cli()
                .args([command, &data("chain/good/sha1-compact.xml"), "--at", at])
                .assert()
                .code(2)
                .get_output()
                .clone();
            assert_eq!(
                String::from_utf8(out.stderr).unwrap(),
                format!("slc-courier: error: invalid value '{at}' for '--at' {HINT}: {why}\n"),
                "{command} --at {at}"
            );
            assert!(out.stdout.is_empty(), "{command} --at {at}");
        }
    }
}

#[test]
fn at_with_an_offset_is_the_same_instant_in_utc() {
    for at in [
        "2026-11-22T12:00:00Z",
        "2026-11-22T07:00:00-05:00",
        "2026-11-22T17:30:00+05:30",
        "2026-11-22T12:00",
    ] {
        let v = json(
            &[
                "verify",
                &data("chain/good/sha1-compact.xml"),
                "--at",
                at,
                "--anchor",
                &data("chain/test-root.xrml-key.txt"),
            ],
            0,
        );
        assert_eq!(v["checked_at"], "2026-11-22T12:00Z", "--at {at}");
    }
}

#[test]
fn inspect_reads_every_real_vector() {
    let shared =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/vectors/xrml");
    if !shared.is_dir() {
        assert!(
            std::env::var("CI").is_err(),
            "CI: ../shared/vectors is missing"
        );
        return;
    }
    let mut files: Vec<String> = std::fs::read_dir(&shared)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    files.sort();
    let mut args = vec!["inspect".to_owned(), "--at".to_owned(), AT.to_owned()];
    args.extend(files);
    let v = json(&args.iter().map(String::as_str).collect::<Vec<_>>(), 0);
    let f = v["files"].as_array().unwrap();
    let counts: Vec<(String, usize)> = f
        .iter()
        .map(|x| {
            (
                x["name"].as_str().unwrap().to_owned(),
                x["documents"].as_array().unwrap().len(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        vec![
            ("ms-rmpr-4.5.1-machine-certificate.xml".to_owned(), 1),
            ("ms-rmpr-4.5.2-rights-account-certificate.xml".to_owned(), 1),
            (
                "ms-rmpr-4.5.3-client-licensor-certificate.xml".to_owned(),
                1
            ),
            ("ms-rmpr-4.5.6-use-license.xml".to_owned(), 1),
            ("rms-sdk-publishing-license-chain.xml".to_owned(), 8),
        ]
    );
    for file in f {
        for d in file["documents"].as_array().unwrap() {
            assert_eq!(d["signature_check"]["signature_valid"], true);
            assert_eq!(d["signature"]["digest_algorithm"], "SHA1");
            assert_eq!(d["signature_check"]["digest_form"], "stripped");
        }
    }
    assert_eq!(
        f[0]["documents"][0]["descriptor"]["object_type"],
        "Machine-Certificate"
    );
    assert_eq!(f[3]["documents"][0]["purpose"], "Content-License");
    // The production SLC chain, through the pinned root.
    let v = json(
        &[
            "verify",
            &shared
                .join("rms-sdk-publishing-license-chain.xml")
                .display()
                .to_string(),
            "--at",
            AT,
        ],
        0,
    );
    assert_eq!(v["verdict"]["expires"], "2255-04-18T16:50Z");
    assert_eq!(v["verdict"]["outcome"], "genuine-unpaired");
    assert_eq!(v["verdict"]["anchor_is_microsoft"], true);
    assert_eq!(v["verdict"]["anchor_is_test"], false);
    assert_eq!(
        v["verdict"]["issuer"],
        "Microsoft DRM Server Self Enrollment Service"
    );
}

#[test]
fn control_characters_from_files_are_shown_escaped() {
    let dir = std::env::temp_dir().join(format!("slc-cli-esc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A file name that would print its own "VALID" line and hide the rest.
    let name = "x.xml\n  verdict      VALID\u{1b}[8m";
    let chain = dir.join(name);
    std::fs::copy(data("chain/bad/tampered-body.xml"), &chain).unwrap();
    let anchor = dir.join("anchor.txt");
    let key = std::fs::read_to_string(data("chain/test-root.xrml-key.txt")).unwrap();
    std::fs::write(&anchor, key.replace("issuer_id=", "issuer_id=\u{1b}[2K\r")).unwrap();
    let out = cli()
        .args(["verify", chain.to_str().unwrap(), "--at", AT, "--anchor"])
        .arg(&anchor)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(!text.contains('\u{1b}') && !text.contains('\r'), "{text:?}");
    assert!(
        text.starts_with("certificate chain: x.xml\\u{a}  verdict      VALID\\u{1b}[8m\n"),
        "{text:?}"
    );
    assert!(
        text.contains("\n  verdict      NOT VALID — do not carry this file back [TEST ANCHOR"),
        "{text}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_full_disk_is_an_error_not_silence() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("slc-courier"))
        .args(["request", &data("request/good/RMS01EnrollRequest.xml")])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("the output cannot be written"));
}

#[test]
fn the_receipt_file_is_json_or_printable_html_by_its_name() {
    let dir = std::env::temp_dir().join(format!("slc-cli-ext-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let req = dir.join("XSSEnrollRequest.xml");
    let good = std::fs::read_to_string(data("request/good/RMS01EnrollRequest.xml")).unwrap();
    std::fs::write(
        &req,
        good.replace(
            "<Name>RMS01</Name>",
            "<Name>&lt;script&gt;x()&lt;/script&gt;</Name>",
        ),
    )
    .unwrap();
    let run = |out: &std::path::Path, code: i32| {
        cli()
            .arg("receipt")
            .arg(&req)
            .arg(data("chain/good/sha1-compact.xml"))
            .arg("-o")
            .arg(out)
            .args([
                "--at",
                AT,
                "--anchor",
                &data("chain/test-root.xrml-key.txt"),
            ])
            .assert()
            .code(code);
    };
    let html = dir.join("r.html");
    run(&html, 0);
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.starts_with("<!DOCTYPE html>"), "{text}");
    assert!(!text.contains("<script"), "{text}");
    let svg = dir.join("r.svg");
    run(&svg, 2);
    assert!(!svg.exists());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_workbench_summary_is_lines_not_escapes() {
    let out = cli()
        .args(["inspect", "--at", AT, &data("chain/good/sha1-compact.xml")])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(!text.contains("\\u{a}"), "{text}");
    assert!(
        text.contains("\nworkbench: 1 file(s), 4 document(s)"),
        "{text}"
    );
}

/// The listing numbers every document of the file as the findings do (file order) and says
/// where each is in the chain: a finding about "Document 1" is about the listing's "1.".
#[test]
fn the_listing_numbers_documents_as_the_findings_do() {
    let anchor = data("chain/test-root.xrml-key.txt");
    let listing = |file: &str, lang: &str| -> Vec<String> {
        let out = cli()
            .args(["--lang", lang, "verify", &data(file), "--anchor", &anchor])
            .args(["--at", "2026-11-22T12:00:00Z"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .filter(|l| l.starts_with("  ") && l.chars().nth(2).is_some_and(|c| c.is_ascii_digit()))
            .map(str::to_owned)
            .collect()
    };
    let ok = "[verified (SHA-1, raw body)]";
    assert_eq!(
        listing("chain/good/sha1-shuffled.xml", "en"),
        [
            format!("  1. DRM-CA-Certificate  {ok}  chain link 3 of 4"),
            format!("  2. Server-Licensor-Certificate  {ok}  chain link 1 of 4"),
            format!("  3. DRM-CA-Certificate  {ok}  chain link 4 of 4"),
            format!("  4. Server-Licensor-Certificate  {ok}  chain link 2 of 4"),
        ]
    );
    // A certificate off the path is listed, under the number its finding gives.
    let nl = listing("chain/attack/extra-ca.xml", "nl");
    assert_eq!(nl.len(), 5, "{nl:?}");
    assert_eq!(
        nl.last().unwrap(),
        "  5. DRM-CA-Certificate  [geverifieerd (SHA-1, BODY zoals geschreven)]  niet in de keten"
    );
    assert!(nl[0].ends_with("  schakel 1 van 4 in de keten"), "{nl:?}");
}
