//! The core is pure (ARCHITECTURE.md): no clock, no environment, no file system, network or
//! processes, and no web crates. "Now" is `Policy::now`; bytes come in as `&[u8]`.
#![allow(clippy::panic, clippy::unwrap_used, clippy::indexing_slicing)]

use std::path::Path;

const FORBIDDEN: &[&str] = &[
    "SystemTime",
    "Instant",
    "std::env",
    "env!(",
    "option_env!(",
    "std::fs",
    "std::net",
    "std::process",
    "std::thread",
    "std::io::stdin",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "gloo",
    "yew",
];

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn the_core_reads_no_clock_environment_or_system() {
    let mut files = vec![];
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() >= 10, "{files:?}");
    let mut found = vec![];
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in FORBIDDEN {
                if code.contains(word) {
                    found.push(format!("{}:{}: {word}", f.display(), n + 1));
                }
            }
        }
    }
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn the_core_depends_on_no_web_crate() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    for web in [
        "web-sys",
        "js-sys",
        "wasm-bindgen",
        "gloo",
        "yew",
        "getrandom",
    ] {
        assert!(
            !manifest.lines().any(|l| l.trim_start().starts_with(web)),
            "{web} in crates/core/Cargo.toml"
        );
    }
}
