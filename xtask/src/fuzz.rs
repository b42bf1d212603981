//! `cargo xtask fuzz [--seconds N]`: runs every fuzz target (cargo-fuzz/libFuzzer) for N
//! seconds each, seeded with the synthetic vectors. Crashes are copied to
//! `fuzz/regressions/<target>/`, which `crates/core/tests/fuzz_regressions.rs` replays as an
//! ordinary test. The machine has only stable Rust: RUSTC_BOOTSTRAP=1 lets cargo-fuzz use
//! the sanitizer flags it needs. `cargo xtask fuzz --seeds [--check]` writes (or checks) the
//! committed seeds in `fuzz/regressions/` (`fuzz/seeds.rs`).

pub mod seeds;

use crate::util::{cmd, run, step, version_of};
use anyhow::Result;
use std::path::Path;

/// The fuzz targets, one per entry point that takes bytes.
pub const TARGETS: &[(&str, &[&str])] = &[
    ("request", &["crates/core/tests/data/request"]),
    ("chain_reader", &["crates/core/tests/data/chain"]),
    ("verify_chain", &["crates/core/tests/data/chain"]),
    ("root_certificate", &["../shared/vectors/roots"]),
    // RSAVP1 against num-bigint (fuzz/differential/rsavp1.rs): the committed seeds.
    ("rsavp1", &["fuzz/regressions/rsavp1"]),
];

fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    if !from.exists() {
        return Ok(());
    }
    for e in std::fs::read_dir(from)? {
        let p = e?.path();
        if p.is_dir() {
            copy_tree(&p, to)?;
        } else if let Some(name) = p.file_name() {
            std::fs::copy(&p, to.join(name))?;
        }
    }
    Ok(())
}

/// Runs each target for `seconds`.
pub fn run_all(seconds: u64) -> Result<()> {
    if version_of("cargo-fuzz", "--version").is_none() {
        step("installing cargo-fuzz");
        run(cmd("cargo").args(["install", "cargo-fuzz", "--locked"]))?;
    }
    for (target, seeds) in TARGETS {
        step(&format!("fuzz {target} for {seconds}s"));
        let corpus = Path::new("fuzz/corpus").join(target);
        std::fs::create_dir_all(&corpus)?;
        for s in *seeds {
            copy_tree(Path::new(s), &corpus)?;
        }
        let artifacts = Path::new("fuzz/artifacts").join(target);
        std::fs::create_dir_all(&artifacts)?;
        let result = run(cmd("cargo")
            .current_dir("fuzz")
            .env("RUSTC_BOOTSTRAP", "1")
            .args([
                "fuzz",
                "run",
                "-O",
                target,
                "--",
                &format!("-max_total_time={seconds}"),
                "-rss_limit_mb=2048",
                "-timeout=10",
                "-print_final_stats=1",
            ]));
        let regressions = Path::new("fuzz/regressions").join(target);
        for e in std::fs::read_dir(&artifacts)? {
            let p = e?.path();
            std::fs::create_dir_all(&regressions)?;
            if let Some(name) = p.file_name() {
                std::fs::copy(&p, regressions.join(name))?;
                println!("crash input kept: {}", regressions.join(name).display());
            }
        }
        result?;
    }
    Ok(())
}
