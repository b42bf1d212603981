//! Shared by the CLI's integration tests: where the synthetic vectors are, and the binary.
#![allow(dead_code, clippy::unwrap_used)]

use assert_cmd::Command;
use std::path::PathBuf;

/// The path of a synthetic vector under the core's `tests/data/` (written by `cargo xtask
/// gen-testdata`).
pub fn data(rel: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/data")
        .join(rel)
        .display()
        .to_string()
}

/// The `slc-courier` binary, without colours.
pub fn cli() -> Command {
    let mut c = Command::cargo_bin("slc-courier").unwrap();
    c.env("NO_COLOR", "1");
    c
}
