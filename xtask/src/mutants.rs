//! `cargo xtask mutants [--file PATH] [--re REGEX] [--timeout S] [--iterate]`: cargo-mutants
//! on the verifier (STYLE.md: a surviving mutant is a missing test).
//!
//! The conformance tests read the real vectors at `../shared/vectors/`, relative to the
//! checkout, so the mutants must be tested in a tree whose `../shared` resolves: not in
//! cargo-mutants' own copy under `/tmp`. The working tree (tracked and untracked files that are
//! not ignored, so uncommitted tests count) is copied to `target/mutants/tree/`, beside a link
//! `target/mutants/shared` to the checkout's `../shared`, and cargo-mutants runs there with
//! `--in-place` (so one mutant at a time, as `-j 1`: the machines are shared). Its build directory is `target/mutants/target/` (kept between runs); the
//! results are in `target/mutants/mutants.out/` (`missed.txt`, `timeout.txt`, …).

use crate::util::{cmd, output, run, step};
use anyhow::{Context, Result};
use std::path::Path;

/// The verifier's files.
pub const FILES: &[&str] = &[
    "crates/core/src/chain.rs",
    "crates/core/src/key.rs",
    "crates/core/src/der.rs",
    "crates/core/src/pkcs1.rs",
    "crates/rsavp1/src/lib.rs",
    "crates/core/src/xrml.rs",
    "crates/core/src/request.rs",
];

/// Which mutants of [`FILES`] are the verifier's (matched against the names `cargo mutants
/// --list` shows): chain building, its checks, the decision and the pairing (all of
/// `chain.rs`); the keys (all of `key.rs`, and `der.rs`'s DER reader under their DER forms;
/// not its X.509 names, which only step 2 shows); the RSA check (all of `pkcs1.rs` and of `slc-courier-rsavp1`); the signature rule in `xrml.rs`; the request's key
/// and GUID checks in `request.rs`.
pub const SCOPE: &[&str] = &[
    r"^crates/core/src/(chain|key|pkcs1)\.rs:",
    r"^crates/rsavp1/src/lib\.rs:",
    r"^crates/core/src/der\.rs:.*\bDer(<'a>)?::(new|tlv) ",
    r"^crates/core/src/xrml\.rs:.*\b(check_signature|signature_notes|utf16le|hash_utf16le|feed_utf16le|strip_intertag_whitespace|SignatureStatus::is_valid)\b",
    r"^crates/core/src/request\.rs:.*\b(normalise_guid|check_guid|check_key|check_authority_keys)\b",
];

/// Mutants that cannot be caught because they do not change what the code does, each with
/// its reason (cargo-mutants' `--exclude-re`).
pub const EQUIVALENT: &[(&str, &str)] = &[
    (
        r"VerifiedChain::is_empty -> bool with false",
        "a verified chain always holds its SLC: is_empty() is false whatever it computes",
    ),
    (
        r"pkcs1\.rs:.*replace >= with > in verify",
        "AWS-LC and the portable path give the same answer by design (pkcs1.rs's tests check \
         both on every generated chain): sending 1024-bit keys to the portable path is only \
         slower",
    ),
];

/// What to run: by default every mutant in [`SCOPE`] but the [`EQUIVALENT`] ones.
pub struct Options {
    /// Only this file (one of [`FILES`], or any other source file).
    pub file: Option<String>,
    /// Only mutants whose name matches this regex, instead of [`SCOPE`].
    pub re: Option<String>,
    /// Seconds a mutant's tests may take before it counts as a timeout. Generous: the
    /// machines are shared, and a false timeout hides a survivor.
    pub timeout: u64,
    /// Skip the mutants the previous run caught (cargo-mutants' `--iterate`, which reads
    /// `target/mutants/mutants.out/`).
    pub iterate: bool,
}

/// Copies the working tree, links `../shared`, and runs cargo-mutants in place there.
pub fn run_scoped(root: &Path, o: &Options) -> Result<()> {
    crate::setup::cargo_mutants()?;
    let base = root.join("target/mutants");
    let tree = base.join("tree");
    step(&format!("copying the working tree to {}", tree.display()));
    copy_working_tree(root, &tree)?;
    link_shared(root, &base)?;

    let files: Vec<&str> = match &o.file {
        Some(f) => vec![f.as_str()],
        None => FILES.to_vec(),
    };
    let scope: Vec<&str> = match &o.re {
        Some(r) => vec![r.as_str()],
        None => SCOPE.to_vec(),
    };
    let mut c = cmd("cargo");
    c.current_dir(&tree)
        .args(["mutants", "--in-place"])
        .args([
            "--package",
            "slc-courier-core",
            "--package",
            "slc-courier-rsavp1",
        ])
        // Tests only: a build's time is not bounded (the baseline's may be a cold one).
        .args(["--timeout", &o.timeout.to_string()])
        .arg("--output")
        .arg(&base)
        .env("CARGO_TARGET_DIR", base.join("target"))
        // Smaller test binaries link faster; a mutant's build is mostly linking.
        .env("CARGO_PROFILE_DEV_DEBUG", "0");
    if o.iterate {
        c.arg("--iterate");
    }
    for f in &files {
        c.args(["--file", f]);
    }
    for r in &scope {
        c.args(["--re", r]);
    }
    for (r, _why) in EQUIVALENT {
        c.args(["--exclude-re", r]);
    }
    step("cargo mutants (the list of survivors: target/mutants/mutants.out/missed.txt)");
    let started = std::time::Instant::now();
    let result = run(&mut c);
    println!("\nxtask mutants: {:.0?}", started.elapsed());
    result
}

/// Replaces `to` (but not its `target/`) with the files git would show in `root`: tracked and
/// untracked, not ignored, as they are on disk.
fn copy_working_tree(root: &Path, to: &Path) -> Result<()> {
    if to.exists() {
        std::fs::remove_dir_all(to).with_context(|| format!("removing {}", to.display()))?;
    }
    let list = output(cmd("git").current_dir(root).args([
        "ls-files",
        "--cached",
        "--others",
        "--exclude-standard",
        "-z",
    ]))?;
    for rel in list.split('\0').filter(|s| !s.is_empty()) {
        let from = root.join(rel);
        // A tracked file deleted in the working tree is not copied.
        if !from.is_file() {
            continue;
        }
        let dest = to.join(rel);
        if let Some(dir) = dest.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::copy(&from, &dest).with_context(|| format!("copying {rel}"))?;
    }
    Ok(())
}

/// `target/mutants/shared` → the checkout's `../shared`, so the copy's `../shared` is the same
/// directory. Without it the conformance tests skip (as they do in a checkout without it).
fn link_shared(root: &Path, base: &Path) -> Result<()> {
    let link = base.join("shared");
    if link.symlink_metadata().is_ok() {
        std::fs::remove_file(&link)?;
    }
    let Some(shared) = root.parent().map(|p| p.join("shared")) else {
        return Ok(());
    };
    if !shared.is_dir() {
        println!(
            "note: {} is missing: the conformance tests will skip",
            shared.display()
        );
        return Ok(());
    }
    symlink_dir(&shared, &link)
}

#[cfg(unix)]
fn symlink_dir(target: &Path, link: &Path) -> Result<()> {
    Ok(std::os::unix::fs::symlink(target, link)?)
}

#[cfg(windows)]
fn symlink_dir(target: &Path, link: &Path) -> Result<()> {
    Ok(std::os::windows::fs::symlink_dir(target, link)?)
}
