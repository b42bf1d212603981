//! Shared by the integration tests: the synthetic vectors, the fixed "now", the test policy.
#![allow(dead_code, clippy::panic)]

use slc_courier_core::policy::{Policy, TrustAnchor};
use slc_courier_core::UtcTime;

/// A synthetic vector under `tests/data/` (written by `cargo xtask gen-testdata`).
pub fn data(rel: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(rel);
    std::fs::read(&p)
        .unwrap_or_else(|e| panic!("{}: {e} (run cargo xtask gen-testdata)", p.display()))
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
