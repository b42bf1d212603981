//! The shapes of the JSON the CLI writes — the receipt (`slc-courier-receipt/2`, also what the
//! page downloads) and `inspect --json` (`slc-courier-inspect/1`) — pinned by golden files:
//! every field path with its JSON type, for a valid and a damaged case. Renaming, removing or
//! retyping a field fails here; `docs/receipt.md` promises neither happens within a schema
//! version. A deliberate change bumps the schema and rewrites the files with
//! `GOLDEN=write cargo test -p slc-courier-cli --test golden`.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use assert_cmd::Command;
use common::data;
use serde_json::Value;
use std::collections::BTreeSet;

fn json(args: &[&str]) -> Value {
    let out = Command::cargo_bin("slc-courier")
        .unwrap()
        .env("NO_COLOR", "1")
        .args(["--json", "--lang", "en"])
        .args(args)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// `path: type` for every value; array elements share the path `[]`. A finding's `params`
/// differ by code, so below `params` only the object itself is recorded.
fn shape(v: &Value, path: &str, out: &mut BTreeSet<String>) {
    out.insert(format!("{path}: {}", kind(v)));
    if path.ends_with(".params") {
        return;
    }
    match v {
        Value::Object(m) => m
            .iter()
            .for_each(|(k, c)| shape(c, &format!("{path}.{k}"), out)),
        Value::Array(a) => a.iter().for_each(|c| shape(c, &format!("{path}[]"), out)),
        _ => {}
    }
}

fn check(name: &str, docs: &[Value]) {
    let mut lines = BTreeSet::new();
    for d in docs {
        shape(d, "$", &mut lines);
    }
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let file = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/golden/{name}.shape"));
    if std::env::var("GOLDEN").as_deref() == Ok("write") {
        std::fs::write(&file, &text).unwrap();
        return;
    }
    let golden = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("{}: {e} (write it with GOLDEN=write)", file.display()));
    let (want, got): (BTreeSet<&str>, BTreeSet<&str>) =
        (golden.lines().collect(), text.lines().collect());
    let missing: Vec<&&str> = want.difference(&got).collect();
    let added: Vec<&&str> = got.difference(&want).collect();
    assert!(
        missing.is_empty() && added.is_empty(),
        "{name}: the JSON shape changed.\n  gone or retyped: {missing:#?}\n  new: {added:#?}\n(a deliberate change bumps the schema version and rewrites the golden file with GOLDEN=write)"
    );
}

const AT: &str = "2026-11-22T12:00:00Z";

#[test]
fn the_receipt_keeps_its_fields() {
    let anchor = data("chain/test-root.xrml-key.txt");
    let req = data("request/good/RMS01EnrollRequest.xml");
    let good = json(&[
        "verify",
        &data("chain/good/sha1-compact.xml"),
        "--request",
        &req,
        "--anchor",
        &anchor,
        "--at",
        AT,
    ]);
    assert_eq!(good["schema"], "slc-courier-receipt/2");
    let damaged = json(&[
        "verify",
        &data("chain/attack/extra-ca.xml"),
        "--request",
        &data("chain/attack/RMS01-other-key-EnrollRequest.xml"),
        "--anchor",
        &anchor,
        "--at",
        AT,
    ]);
    let request_only = json(&["request", &data("request/bad/duplicate-guid.xml")]);
    check("receipt", &[good, damaged, request_only]);
}

#[test]
fn inspect_json_keeps_its_fields() {
    let v = json(&[
        "inspect",
        &data("chain/good/sha256-response-utf8.xml"),
        &data("chain/attack/extra-ca.xml"),
        "--at",
        AT,
    ]);
    assert_eq!(v["schema"], "slc-courier-inspect/1");
    check("inspect", &[v]);
}
