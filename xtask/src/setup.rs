//! Installs what a fresh machine lacks, from the package registries only: the wasm target,
//! trunk, wasm-bindgen-cli at the Cargo.lock version, npm packages (playwright-core,
//! binaryen@132, axe-core) from the committed lockfile, cargo-deny, and Debian's chromium,
//! chromium-driver and nginx for the browser tests; cargo-mutants only when `cargo xtask
//! mutants` runs.

use crate::util::{cmd, output, run, step, version_of};
use anyhow::{bail, Context, Result};

/// Trunk's version (0.22 needs a newer rustc).
pub const TRUNK_VERSION: &str = "0.21.14";

/// cargo-deny's version (licences, bans and sources are checked by `cargo xtask test`).
pub const CARGO_DENY_VERSION: &str = "0.20.2";

/// cargo-mutants' version (`cargo xtask mutants` installs it; nothing else needs it).
pub const CARGO_MUTANTS_VERSION: &str = "27.1.0";

/// Installs everything; `browser` adds the Debian packages the tests need.
pub fn all(browser: bool) -> Result<()> {
    wasm_target()?;
    trunk()?;
    wasm_bindgen()?;
    npm()?;
    if browser {
        cargo_deny()?;
        debian(&[
            ("/usr/bin/chromium", "chromium"),
            ("/usr/bin/chromedriver", "chromium-driver"),
            ("/usr/sbin/nginx", "nginx"),
        ])?;
    }
    Ok(())
}

fn wasm_target() -> Result<()> {
    let installed = output(cmd("rustup").args(["target", "list", "--installed"]))?;
    if !installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        step("installing the wasm32-unknown-unknown target");
        run(cmd("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

fn trunk() -> Result<()> {
    if version_of("trunk", "--version").as_deref() != Some(&format!("trunk {TRUNK_VERSION}")) {
        step("installing trunk (about 8 minutes, once)");
        run(cmd("cargo").args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))?;
    }
    Ok(())
}

fn cargo_deny() -> Result<()> {
    if version_of("cargo-deny", "--version").as_deref()
        != Some(&format!("cargo-deny {CARGO_DENY_VERSION}"))
    {
        step("installing cargo-deny (a few minutes, once)");
        run(cmd("cargo").args([
            "install",
            "cargo-deny",
            "--version",
            CARGO_DENY_VERSION,
            "--locked",
        ]))?;
    }
    Ok(())
}

/// cargo-mutants, for `cargo xtask mutants` only.
pub fn cargo_mutants() -> Result<()> {
    // (`cargo-mutants` itself wants `mutants` as its first argument, as cargo passes it.)
    let have = output(cmd("cargo").args(["mutants", "--version"])).ok();
    if have.as_deref().map(str::trim) != Some(&format!("cargo-mutants {CARGO_MUTANTS_VERSION}")) {
        step("installing cargo-mutants (a few minutes, once)");
        run(cmd("cargo").args([
            "install",
            "cargo-mutants",
            "--version",
            CARGO_MUTANTS_VERSION,
            "--locked",
        ]))?;
    }
    Ok(())
}

/// The wasm-bindgen version in Cargo.lock.
pub fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string("Cargo.lock").context("Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|v| v.strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'))
            {
                return Ok(v.to_owned());
            }
        }
    }
    bail!("wasm-bindgen is not in Cargo.lock")
}

fn wasm_bindgen() -> Result<()> {
    let v = locked_wasm_bindgen()?;
    let trunk_toml = std::fs::read_to_string("Trunk.toml")?;
    if !trunk_toml.contains(&format!("wasm_bindgen = \"{v}\"")) {
        bail!("Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen {v}");
    }
    let have = version_of("wasm-bindgen", "--version");
    let runner = version_of("wasm-bindgen-test-runner", "--version");
    if have.as_deref() != Some(&format!("wasm-bindgen {v}")) || runner.is_none() {
        step(&format!(
            "installing wasm-bindgen-cli {v} (matches Cargo.lock)"
        ));
        // Not --locked: one of its locked dependencies is missing from the registry.
        run(cmd("cargo").args(["install", "wasm-bindgen-cli", "--version", &v, "--force"]))?;
    }
    Ok(())
}

fn npm() -> Result<()> {
    let lock = std::fs::read("package-lock.json").context("package-lock.json")?;
    let installed = std::fs::read("node_modules/.package-lock.json").ok();
    let fresh = installed.is_some_and(|i| same_packages(&i, &lock));
    if !fresh || version_of("wasm-opt", "--version").is_none() {
        step("npm ci (playwright-core, binaryen@132 for wasm-opt, axe-core)");
        run(cmd("npm").args(["ci", "--no-audit", "--no-fund"]))?;
    }
    Ok(())
}

/// npm writes node_modules/.package-lock.json without the root entry; compare the packages.
fn same_packages(installed: &[u8], lock: &[u8]) -> bool {
    let (Ok(a), Ok(b)) = (
        serde_json::from_slice::<serde_json::Value>(installed),
        serde_json::from_slice::<serde_json::Value>(lock),
    ) else {
        return false;
    };
    let pk = |v: &serde_json::Value| -> Vec<(String, String)> {
        v.get("packages")
            .and_then(|p| p.as_object())
            .map(|m| {
                m.iter()
                    .filter(|(k, _)| !k.is_empty())
                    .map(|(k, v)| {
                        (
                            k.clone(),
                            v.get("version")
                                .and_then(|x| x.as_str())
                                .unwrap_or("")
                                .to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    pk(&a) == pk(&b)
}

fn debian(pkgs: &[(&str, &str)]) -> Result<()> {
    let missing: Vec<&str> = pkgs
        .iter()
        .filter(|(path, _)| !std::path::Path::new(path).exists())
        .map(|(_, p)| *p)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    step(&format!(
        "installing Debian packages: {}",
        missing.join(" ")
    ));
    let sudo = !output(cmd("id").arg("-u")).is_ok_and(|u| u.trim() == "0");
    let apt = |args: &[&str]| {
        let mut c = if sudo { cmd("sudo") } else { cmd("apt-get") };
        if sudo {
            c.arg("apt-get");
        }
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut c)
    };
    apt(&["update", "-q"])?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend(missing.iter());
    apt(&args)
}
