//! Shared by the integration tests: the synthetic vectors, the fixed "now", the test policy.
#![allow(dead_code, clippy::panic)]

use slc_courier_core::policy::{Policy, TrustAnchor};
use slc_courier_core::UtcTime;
use std::path::{Path, PathBuf};

/// A synthetic vector under `tests/data/` (written by `cargo xtask gen-testdata`).
pub fn data(rel: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(rel);
    std::fs::read(&p)
        .unwrap_or_else(|e| panic!("{}: {e} (run cargo xtask gen-testdata)", p.display()))
}

/// Every file below `dir`, recursively, sorted by path.
pub fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let p = e.unwrap_or_else(|e| panic!("{e}")).path();
            if p.is_dir() {
                dirs.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// `../shared/vectors/<rel>` beside the checkout (the real vectors, read and never copied).
/// `None` when it is missing, which is allowed outside CI only: with `CI=true` it fails.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/vectors")
        .join(rel);
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

/// The fixed "now" of the tests.
pub fn now() -> UtcTime {
    UtcTime::parse("2026-11-22T12:00").unwrap_or(UtcTime::from_unix(0))
}

/// The production policy at [`now`], anchored at the synthetic test root instead of Microsoft's.
pub fn test_policy() -> Policy {
    let text = String::from_utf8(data("chain/test-root.xrml-key.txt")).unwrap_or_default();
    let anchor = TrustAnchor::from_key_file(&text).unwrap_or_else(|e| panic!("{e}"));
    Policy {
        anchors: vec![anchor],
        ..Policy::microsoft_production(now())
    }
}

/// One generated vector as `tests/data/manifest.json` lists it: the one place its expected
/// findings are written. `cargo xtask gen-testdata` checks that the list is exactly the files
/// it makes; the tests run the check each entry names.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vector {
    /// The path under `tests/data/`.
    pub file: String,
    /// How the generator made it, in one sentence.
    pub made: String,
    /// What step 1 finds in it.
    #[serde(default)]
    pub as_request: Option<AsRequest>,
    /// What step 4 finds in it.
    #[serde(default)]
    pub as_chain: Option<AsChain>,
}

/// The request check of a vector.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AsRequest {
    /// The file name the check is given (a name like `RMS01EnrollRequest.xml` is a request's).
    pub named: String,
    /// The exact finding codes, in order (`Code::id`).
    pub codes: Vec<String>,
}

/// The chain check of a vector, with [`test_policy`] at [`now`].
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AsChain {
    /// The request (a path under `tests/data/`, checked under its own file name) the chain is
    /// verified against; none when absent.
    #[serde(default)]
    pub request: Option<String>,
    /// The exact finding codes, in order (`Code::id`).
    pub codes: Vec<String>,
    /// The verdict's outcome (`Outcome::id`).
    pub outcome: String,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    vectors: Vec<Vector>,
}

/// Every generated vector, from `tests/data/manifest.json`.
pub fn manifest() -> Vec<Vector> {
    let text = String::from_utf8(data("manifest.json")).unwrap_or_else(|e| panic!("{e}"));
    let m: Manifest =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("tests/data/manifest.json: {e}"));
    m.vectors
}

/// The [`Code`](slc_courier_core::finding::Code) whose id is `id`.
#[track_caller]
pub fn code(id: &str) -> slc_courier_core::finding::Code {
    slc_courier_core::finding::Code::ALL
        .iter()
        .copied()
        .find(|c| c.id() == id)
        .unwrap_or_else(|| panic!("{id}: no such finding code"))
}
