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

/// An `rsavp1` target input (layout in `fuzz/differential/rsavp1.rs`): the exponent's length,
/// the modulus's length (2 bytes), the exponent, the modulus, the signature.
fn rsavp1_input(n: &[u8], e: u64, s: &[u8]) -> Vec<u8> {
    let e = e.to_be_bytes();
    let e = e
        .get(e.iter().take_while(|&&b| b == 0).count()..)
        .unwrap_or(&e);
    let mut out = vec![e.len() as u8];
    out.extend((n.len() as u16).to_be_bytes());
    out.extend(e);
    out.extend(n);
    out.extend(s);
    out
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
        // slc_courier_rsavp1::rsavp1 against num-bigint
        (
            "rsavp1",
            "seed-textbook.bin",
            // 65^17 mod 3233 (61 · 53) = 2790.
            rsavp1_input(&[0x0c, 0xa1], 17, &[0x41]),
        ),
        ("rsavp1", "seed-all-ones-2048-n-minus-1.bin", {
            // n = 2^2048 − 1 (every limb all ones: the most carries), s = n − 1.
            let n = [0xff; 256];
            let mut s = n;
            if let Some(b) = s.last_mut() {
                *b = 0xfe;
            }
            rsavp1_input(&n, 65537, &s)
        }),
        ("rsavp1", "seed-top-limb-one.bin", {
            // n = 2^256 + 1: a top limb of 1, the longest exponent accepted, and s with a
            // leading zero byte.
            let mut n = vec![0x01];
            n.extend([0; 31]);
            n.push(0x01);
            let mut s = vec![0x00];
            s.extend([0xa5; 32]);
            rsavp1_input(&n, (1 << 33) - 1, &s)
        }),
        (
            "rsavp1",
            "seed-leading-zeros.bin",
            rsavp1_input(&[0, 0, 0x0c, 0xa1], 65537, &[0, 0, 0, 0, 0x41]),
        ),
        (
            "rsavp1",
            "seed-s-equals-n.bin",
            rsavp1_input(&[0xc5; 128], 3, &[0xc5; 128]),
        ),
        (
            "rsavp1",
            "seed-even-modulus.bin",
            rsavp1_input(&[0x0c, 0xa2], 17, &[0x41]),
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
