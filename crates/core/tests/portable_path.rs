//! The WebAssembly build checks every signature with the portable path (`pkcs1::verify`
//! without the message: RSAVP1 from `slc-courier-rsavp1`), the native build with *ring*
//! whenever the BODY matches its digest. Both must give the same answer on every signed
//! document we have: every generated chain vector and the real XrML files in
//! `../shared/vectors/xrml/` (a missing folder fails under `CI=true`).
#![allow(clippy::panic, clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use sha2::Digest;
use slc_courier_core::pkcs1::verify;
use slc_courier_core::policy::HashAlg;
use slc_courier_core::xrml::{parse_certificate, read_documents, strip_intertag_whitespace};
use std::path::{Path, PathBuf};

/// (signatures compared, of which valid) over the documents of `bytes`.
fn compare(bytes: &[u8], name: &str) -> (usize, usize) {
    let (mut compared, mut valid) = (0, 0);
    for (i, doc) in read_documents(bytes).docs.iter().enumerate() {
        let c = parse_certificate(doc, i);
        let (Some(sig), Some(key)) = (&c.signature, &c.issuer.key) else {
            continue;
        };
        let alg = match sig.digest.len() {
            20 => HashAlg::Sha1,
            32 => HashAlg::Sha256,
            _ => continue,
        };
        let hash = |m: &[u8]| match alg {
            HashAlg::Sha1 => sha1::Sha1::digest(m).to_vec(),
            HashAlg::Sha256 => sha2::Sha256::digest(m).to_vec(),
        };
        // ring is only asked when the BODY's hash, as written or with the whitespace between
        // tags stripped, is the written digest (pkcs1.rs, xrml.rs's check_signature).
        let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
        let forms = [
            utf16(c.body_text()),
            utf16(&strip_intertag_whitespace(c.body_text())),
        ];
        let Some(message) = forms.iter().find(|m| hash(m) == sig.digest) else {
            continue;
        };
        let native = verify(key, alg, &sig.digest, Some(message), &sig.value);
        let portable = verify(key, alg, &sig.digest, None, &sig.value);
        assert_eq!(native, portable, "{name}, document {i}");
        compared += 1;
        valid += usize::from(native);
    }
    (compared, valid)
}

/// [`compare`] over every file of `paths`, summed.
fn compare_files(paths: &[PathBuf]) -> (usize, usize) {
    paths.iter().fold((0, 0), |(compared, valid), p| {
        let (c, v) = compare(&std::fs::read(p).unwrap(), &p.display().to_string());
        (compared + c, valid + v)
    })
}

#[test]
fn ring_and_the_portable_path_agree_on_every_generated_chain() {
    let chains = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/chain");
    let (compared, valid) = compare_files(&common::files_below(&chains));
    // Both outcomes occur: genuine signatures, and one forged over a matching BODY
    // (`chain/bad/tampered-signature.xml`). Counted over the whole tree: a new vector changes them.
    assert_eq!((compared, valid), (314, 313));
}

#[test]
fn ring_and_the_portable_path_agree_on_the_real_xrml_files() {
    let Some(dir) = common::shared("xrml") else {
        return;
    };
    let (compared, valid) = compare_files(&common::files_below(&dir));
    assert_eq!((compared, valid), (12, 12));
}
