//! `cargo xtask`: the project's automation, in Rust.
//!
//! - `run [--port N]`  install what is missing, build both outputs, serve `dist/` on 127.0.0.1
//! - `dist`            the hosted build (`dist/`) and the single file (`dist/slc-courier.html`)
//! - `test`            everything CI runs (= `ci`)
//! - `setup [--browser]` install the toolchain pieces only
//! - `gen-testdata [--check]` write (or check) the synthetic vectors
//! - `screenshots`     PNGs of each step, light and dark, into `docs/screenshots/`
//! - `bench [--hostile] [--sizes 1M,8M,64M] [--timeout S]` measurements into
//!   `docs/benchmarks.md`; `--hostile` reruns only the hostile-input scaling
//! - `fuzz [--seconds N]` every fuzz target for N seconds; crashes kept in fuzz/regressions/
//! - `fuzz --seeds [--check]` write (or check) the regression seeds in fuzz/regressions/
//! - `mutants [--file PATH] [--re REGEX] [--timeout S] [--iterate]` cargo-mutants on the
//!   verifier, run in a copy of the working tree whose `../shared` resolves

mod args;
mod bench;
mod dist;
mod fuzz;
mod gen;
mod mutants;
mod serve;
mod setup;
mod util;

use anyhow::{bail, Result};

fn main() -> Result<()> {
    let mut all = std::env::args().skip(1);
    let command = all.next();
    let mut args = args::Args::new(all.collect());
    let root = util::root();
    std::env::set_current_dir(&root)?;
    match command.as_deref() {
        Some("setup") => {
            let browser = args.flag("--browser");
            args.finish()?;
            setup::all(browser)
        }
        Some("dist") => {
            args.finish()?;
            setup::all(false)?;
            dist::build()
        }
        Some("run") => {
            let port = args.option("--port")?.unwrap_or(8080u16);
            args.finish()?;
            setup::all(false)?;
            dist::build()?;
            serve::serve(&root.join("dist"), port)
        }
        Some("test") | Some("ci") => {
            args.finish()?;
            test()
        }
        Some("findings") => {
            let check = args.flag("--check");
            args.finish()?;
            findings_doc(check)
        }
        Some("gen-testdata") => {
            let check = args.flag("--check");
            args.finish()?;
            gen::run(check)
        }
        Some("bench") => {
            let sizes = match args.option::<String>("--sizes")? {
                Some(s) => bench::hostile::parse_sizes(&s)?,
                None => bench::hostile::DEFAULT_SIZES.to_vec(),
            };
            let timeout = args
                .option("--timeout")?
                .unwrap_or(bench::hostile::DEFAULT_TIMEOUT_SECS);
            let hostile = args.flag("--hostile");
            args.finish()?;
            if hostile {
                return bench::run_hostile(&sizes, timeout);
            }
            setup::all(true)?;
            // The product's sizes, then the build with the timing hooks; the product is
            // rebuilt without them afterwards.
            dist::build()?;
            let product = bench::product_sizes()?;
            dist::build_with(&["bench"])?;
            let result = bench::run_all(&sizes, timeout, &product);
            dist::build()?;
            result
        }
        Some("fuzz") => {
            let seeds = args.flag("--seeds");
            let check = args.flag("--check");
            let seconds = args.option("--seconds")?.unwrap_or(120u64);
            args.finish()?;
            if seeds {
                fuzz::seeds::run(check)
            } else if check {
                bail!("--check goes with --seeds")
            } else {
                fuzz::run_all(seconds)
            }
        }
        Some("mutants") => {
            let options = mutants::Options {
                file: args.option("--file")?,
                re: args.option("--re")?,
                timeout: args.option("--timeout")?.unwrap_or(120),
                iterate: args.flag("--iterate"),
            };
            args.finish()?;
            mutants::run_scoped(&root, &options)
        }
        Some("screenshots") => {
            args.finish()?;
            setup::all(true)?;
            dist::build()?;
            util::run(util::cmd("node").arg("tests/e2e/screenshots.mjs"))
        }
        _ => {
            eprintln!("usage: cargo xtask <run [--port N] | dist | test | setup [--browser] | gen-testdata [--check] | findings [--check] | fuzz [--seconds N] | fuzz --seeds [--check] | mutants [--file PATH] [--re REGEX] [--timeout S] [--iterate] | screenshots | bench [--hostile] [--sizes 1M,8M,64M] [--timeout S]>");
            bail!("unknown or missing command")
        }
    }
}

/// Writes `docs/findings.md` from the code table and both languages' words; with `check`,
/// fails when the committed file differs.
fn findings_doc(check: bool) -> Result<()> {
    let path = std::path::Path::new("docs/findings.md");
    let made = slc_courier_core::words::doc::findings_markdown();
    if check {
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        if committed != made {
            bail!("docs/findings.md is stale: run `cargo xtask findings` and commit it");
        }
        return Ok(());
    }
    std::fs::write(path, made)?;
    println!("wrote {}", path.display());
    Ok(())
}

/// Everything CI checks, in order of cost.
fn test() -> Result<()> {
    let started = std::time::Instant::now();
    setup::all(true)?;
    util::step("cargo fmt --check");
    util::run(util::cmd("cargo").args(["fmt", "--all", "--check"]))?;
    util::step("clippy -D warnings");
    util::run(util::cmd("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    util::step("clippy -D warnings for the wasm target (the app and its browser tests)");
    util::run(util::cmd("cargo").args([
        "clippy",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "slc-courier",
        "--tests",
        "--",
        "-D",
        "warnings",
    ]))?;
    util::step(
        "cargo deny: licences, bans and sources (advisories need the RustSec database: see README)",
    );
    util::run(util::cmd("cargo").args(["deny", "check", "licenses", "bans", "sources"]))?;
    util::step("core purity: no web dependencies in slc-courier-core");
    core_is_pure()?;
    util::step("docs/findings.md is what the code table and its words make");
    findings_doc(true)?;
    util::step("synthetic vectors are what the generator makes");
    gen::run(true)?;
    util::step("fuzz regression seeds are what their generator makes");
    fuzz::seeds::run(true)?;
    util::step("native tests");
    util::run(util::cmd("cargo").args(["test", "--workspace"]))?;
    util::step("wasm tests in headless Chromium");
    util::run(
        util::cmd("cargo")
            .args([
                "test",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "slc-courier",
                "--tests",
            ])
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    )?;
    util::step("dist: hosted build and single file");
    dist::build()?;
    util::step("browser end-to-end tests (http://127.0.0.1 and file://)");
    util::run(util::cmd("node").args(["--test", "--test-concurrency=1", "tests/e2e/"]))?;
    println!("\nxtask test: all green in {:.0?}", started.elapsed());
    Ok(())
}

/// The core must not depend on web crates (ARCHITECTURE.md invariant).
fn core_is_pure() -> Result<()> {
    let out = util::output(util::cmd("cargo").args([
        "tree",
        "-p",
        "slc-courier-core",
        "-e",
        "normal",
        "--prefix",
        "none",
        "--format",
        "{p}",
    ]))?;
    let banned = ["web-sys", "js-sys", "wasm-bindgen", "gloo", "yew"];
    let bad: Vec<&str> = out
        .lines()
        .filter(|l| {
            banned
                .iter()
                .any(|b| l.split_whitespace().next() == Some(b) || l.starts_with(&format!("{b}-")))
        })
        .collect();
    if !bad.is_empty() {
        bail!("slc-courier-core depends on web crates: {bad:?}");
    }
    println!("ok: {} crates, none of {banned:?}", out.lines().count());
    Ok(())
}
