//! `cargo xtask fuzz --seeds [--check]`: the committed regression seeds,
//! `fuzz/regressions/<target>/seed-*`, made from the synthetic vectors (and, for the root
//! target, the public roots in `../shared/vectors/roots/`) by fixed damage rules, so anyone
//! can reproduce them. `--check` fails when a committed seed differs from what this makes.
//! Crash inputs that `cargo xtask fuzz` copies next to them (`crash-*`, `timeout-*`, …) are
//! left alone.

use anyhow::{bail, Context, Result};
use base64::Engine;
use std::collections::BTreeMap;
use std::path::Path;

const DIR: &str = "fuzz/regressions";
const CHAIN: &str = "crates/core/tests/data/chain/good/sha1-compact.xml";
const REQUEST: &str = "crates/core/tests/data/request/good/RMS01EnrollRequest.xml";
const ROOT: &str = "../shared/vectors/roots/baltimore-cybertrust-root.pem";

/// Seeds stay small, so the replay test stays fast and the files stay readable.
const MAX_SEED_BYTES: usize = 8 * 1024;

fn utf16le_bom(s: &str) -> Vec<u8> {
    let mut v = vec![0xFF, 0xFE];
    v.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
    v
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The offline enrollment response holding `slc` as the escaped text of `<SLC>`.
fn response(slc_text: &str) -> Vec<u8> {
    format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<EnrollResponse xmlns=\"http://microsoft.com/DRM/EnrollmentService\">\r\n  <LicensorCertificateChain>\r\n    <SLC>{slc_text}</SLC>\r\n  </LicensorCertificateChain>\r\n</EnrollResponse>\r\n").into_bytes()
}

/// `s` cut to at most `n` bytes, on a character boundary.
fn cut(s: &str, n: usize) -> &str {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    s.get(..n).unwrap_or(s)
}

/// Every seed: (target, file name, bytes).
fn seeds() -> Result<Vec<(&'static str, &'static str, Vec<u8>)>> {
    let chain = std::fs::read_to_string(CHAIN).context(CHAIN)?;
    let request = std::fs::read_to_string(REQUEST).context(REQUEST)?;
    let root = std::fs::read_to_string(ROOT).context(ROOT)?;
    // The PEM block, without the file's provenance comments.
    let root = root
        .get(root.find("-----BEGIN").context("no PEM block")?..)
        .unwrap_or("");
    let ends: Vec<usize> = chain.match_indices("</XrML>").map(|(i, _)| i + 7).collect();
    let (slc, ca) = match ends.as_slice() {
        [a, b, ..] => (cut(&chain, *a), chain.get(*a..*b).unwrap_or("")),
        _ => bail!("{CHAIN}: fewer than two documents"),
    };
    let der = base64::engine::general_purpose::STANDARD.decode(
        root.lines()
            .filter(|l| !l.starts_with("-----") && !l.trim().is_empty())
            .collect::<String>(),
    )?;
    let key_tag = request.find("<aPublicKeyBytes>").context("request key")?;
    let issued = slc.find("<ISSUEDTIME>").context("SLC ISSUEDTIME")? + "<ISSUEDTIME>".len();
    Ok(vec![
        // check_request
        (
            "request",
            "seed-truncated-mid-tag.xml",
            cut(&request, key_tag + 6).into(),
        ),
        ("request", "seed-utf16-odd-length.xml", {
            let mut v = utf16le_bom(&request);
            v.pop();
            v
        }),
        (
            "request",
            "seed-utf16-nested-starts.xml",
            utf16le_bom(&"<EnrollParameters>".repeat(200)),
        ),
        (
            "request",
            "seed-deep-nesting.xml",
            request
                .replacen("<Name>RMS01</Name>", &"<Name>".repeat(1000), 1)
                .into(),
        ),
        // xrml::read_documents
        (
            "chain_reader",
            "seed-truncated-inside-slc.xml",
            cut(&chain, slc.len() / 2).into(),
        ),
        (
            "chain_reader",
            "seed-nested-starts.xml",
            format!("{}</XrML>", "<XrML>".repeat(1000)).into(),
        ),
        (
            "chain_reader",
            "seed-unterminated-starts.xml",
            "<XrML ".repeat(1000).into(),
        ),
        (
            "chain_reader",
            "seed-escaped-starts-response.xml",
            response(&"&lt;XrML ".repeat(600)),
        ),
        (
            "chain_reader",
            "seed-utf16-truncated.xml",
            utf16le_bom(cut(&chain, 3000)),
        ),
        // verify_chain
        (
            "verify_chain",
            "seed-slc-and-half-ca.xml",
            cut(&chain, slc.len() + ca.len() / 2).into(),
        ),
        (
            "verify_chain",
            "seed-escaped-slc-response.xml",
            response(&escape(slc)),
        ),
        ("verify_chain", "seed-utf16-slc.xml", utf16le_bom(slc)),
        ("verify_chain", "seed-tampered-issued-time.xml", {
            let mut v = slc.as_bytes().to_vec();
            if let Some(b) = v.get_mut(issued) {
                *b ^= 1;
            }
            v
        }),
        (
            "verify_chain",
            "seed-nested-starts-before-slc.xml",
            format!("{}{slc}", "<XrML>".repeat(500)).into(),
        ),
        // trust::inspect_root
        (
            "root_certificate",
            "seed-pem-truncated.pem",
            cut(root, root.len() / 2).into(),
        ),
        (
            "root_certificate",
            "seed-der-truncated.der",
            der.get(..der.len() / 2).unwrap_or(&der).to_vec(),
        ),
        ("root_certificate", "seed-der-length-overflow.der", {
            // The outer SEQUENCE claims 0xFFFF bytes.
            let mut v = der.clone();
            if let Some(len) = v.get_mut(2..4) {
                len.copy_from_slice(&[0xFF, 0xFF]);
            }
            v
        }),
        (
            "root_certificate",
            "seed-pem-wrong-label.pem",
            root.replace("CERTIFICATE", "PUBLIC KEY").into(),
        ),
    ])
}

/// Writes (or, with `check`, compares) every seed; removes (or reports) stale `seed-*` files.
pub fn run(check: bool) -> Result<()> {
    let mut made = BTreeMap::new();
    for (target, name, bytes) in seeds()? {
        if bytes.len() > MAX_SEED_BYTES {
            bail!(
                "seed {target}/{name} is {} bytes, over {MAX_SEED_BYTES}",
                bytes.len()
            );
        }
        made.insert(Path::new(DIR).join(target).join(name), bytes);
    }
    let mut stale = vec![];
    for (path, bytes) in &made {
        if std::fs::read(path).is_ok_and(|b| &b == bytes) {
            continue;
        }
        if check {
            stale.push(path.display().to_string());
        } else {
            std::fs::create_dir_all(path.parent().context("parent")?)?;
            std::fs::write(path, bytes)?;
        }
    }
    for dir in std::fs::read_dir(DIR)? {
        let dir = dir?.path();
        if !dir.is_dir() {
            continue;
        }
        for e in std::fs::read_dir(&dir)? {
            let p = e?.path();
            let is_seed = p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("seed-"));
            if is_seed && !made.contains_key(&p) {
                if check {
                    stale.push(format!("{} (not made by the generator)", p.display()));
                } else {
                    std::fs::remove_file(&p)?;
                }
            }
        }
    }
    if !stale.is_empty() {
        bail!("fuzz seeds differ from the generator's output (run cargo xtask fuzz --seeds): {stale:?}");
    }
    println!(
        "{} fuzz regression seeds {}",
        made.len(),
        if check {
            "match the generator"
        } else {
            "written"
        }
    );
    Ok(())
}
