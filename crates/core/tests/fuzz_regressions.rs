//! Replays every committed fuzz input (`fuzz/regressions/<target>/`: the generated seeds and
//! any crash inputs `cargo xtask fuzz` kept) through that target's entry point, as an
//! ordinary test: none may panic, and every committed file must be replayed.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

/// The `rsavp1` target's differential check, shared with the fuzz target.
#[path = "../../../fuzz/differential/rsavp1.rs"]
mod rsavp1;

use slc_courier_core::{check_request, verify_chain, Policy, UtcTime};
use std::path::{Path, PathBuf};

/// The fuzz targets (`fuzz/fuzz_targets/*.rs`), each with a folder of inputs.
const TARGETS: [&str; 5] = [
    "request",
    "chain_reader",
    "verify_chain",
    "root_certificate",
    "rsavp1",
];

fn regressions() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions")
}

/// Every file under `dir`, at any depth.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for e in entries {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// Runs `bytes` through the entry point the target `target` fuzzes, as the target does.
fn replay(target: &str, bytes: &[u8]) {
    let now = UtcTime::from_unix(1_795_000_000);
    match target {
        "request" => {
            let _ = check_request(bytes, Some("RMS01EnrollRequest.xml"));
        }
        "chain_reader" => {
            let _ = slc_courier_core::xrml::read_documents(bytes);
        }
        "verify_chain" => {
            let _ = verify_chain(bytes, &Policy::microsoft_production(now), None);
        }
        "root_certificate" => {
            let _ = slc_courier_core::trust::inspect_root(bytes, now);
        }
        "rsavp1" => rsavp1::check(bytes),
        _ => panic!("no entry point for fuzz target {target}"),
    }
}

#[test]
fn every_committed_fuzz_input_replays_without_panicking() {
    let dir = regressions();
    // Counted independently of the replay loop: a file in a folder that is not a target's
    // is committed but not replayed, and fails the count below.
    let committed = files_under(&dir)
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .count();
    assert!(committed > 0, "no fuzz inputs under {}", dir.display());
    let mut replayed = 0;
    for target in TARGETS {
        let inputs = files_under(&dir.join(target));
        assert!(!inputs.is_empty(), "no fuzz inputs for {target}");
        for path in inputs {
            let bytes = std::fs::read(&path).unwrap();
            eprintln!("{target}: {}", path.display());
            replay(target, &bytes);
            replayed += 1;
        }
    }
    assert_eq!(
        replayed, committed,
        "committed inputs that were not replayed"
    );
}
