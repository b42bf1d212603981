//! The WebAssembly build checks every signature with the portable path
//! (`pkcs1::verify_portable`: RSAVP1 from `slc-courier-rsavp1`), the native build with AWS-LC
//! for keys of 1024 bits and more. Both check the signature over the written digest and must
//! give the same answer on every signed document we have: every generated chain vector and
//! the real XrML files in `../shared/vectors/xrml/` (a missing folder fails under `CI=true`).
#![allow(clippy::panic, clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use slc_courier_core::pkcs1::{verify, verify_portable};
use slc_courier_core::policy::HashAlg;
use slc_courier_core::xrml::{parse_certificate, read_documents};
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
        let native = verify(key, alg, &sig.digest, &sig.value);
        let portable = verify_portable(key, alg, &sig.digest, &sig.value);
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
fn aws_lc_and_the_portable_path_agree_on_every_generated_chain() {
    let chains = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/chain");
    let (compared, valid) = compare_files(&common::files_below(&chains));
    // Both outcomes occur: genuine signatures (also over BODYs altered after signing, whose
    // written digest still carries the signature), and forged or damaged ones
    // (`chain/bad/tampered-signature.xml`). Counted over the whole tree: a new vector changes
    // them.
    assert_eq!((compared, valid), (317, 315));
}

#[test]
fn aws_lc_and_the_portable_path_agree_on_the_real_xrml_files() {
    let Some(dir) = common::shared("xrml") else {
        return;
    };
    let (compared, valid) = compare_files(&common::files_below(&dir));
    assert_eq!((compared, valid), (12, 12));
}
