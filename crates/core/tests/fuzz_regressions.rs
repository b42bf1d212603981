//! Replays every committed fuzz crash input (`fuzz/regressions/<target>/`) through its entry
//! point, as an ordinary test: none may panic.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use slc_courier_core::{check_request, verify_chain, Policy, UtcTime};
use std::path::Path;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/regressions")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return vec![];
    };
    entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

#[test]
fn committed_crash_inputs_no_longer_crash() {
    let now = UtcTime::from_unix(1_795_000_000);
    let policy = Policy::microsoft_production(now);
    let mut replayed = 0;
    for (name, bytes) in inputs("request") {
        let r = check_request(&bytes, Some("RMS01EnrollRequest.xml"));
        assert!(!r.findings.is_empty() || r.is_ok(), "{name}");
        replayed += 1;
    }
    for target in ["chain_reader", "verify_chain"] {
        for (name, bytes) in inputs(target) {
            let r = verify_chain(&bytes, &policy, None);
            assert_eq!(r.size, bytes.len(), "{name}");
            replayed += 1;
        }
    }
    for (name, bytes) in inputs("root_certificate") {
        let (info, findings) = slc_courier_core::trust::inspect_root(&bytes, now);
        assert!(info.is_some() || !findings.is_empty(), "{name}");
        replayed += 1;
    }
    eprintln!("replayed {replayed} committed fuzz inputs");
}
