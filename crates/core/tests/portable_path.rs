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

/// Two keys (Python integers, primes by Miller–Rabin, seed 20261132; e = 65537): the modulus
/// and the private exponent, in hex.
const KEYS: [(&str, &str); 2] = [
    (
        "d0ccfb7435862ff57523770eef366eb20717656b59c7e550df2c5bdc621e918e3834d66e70a5a218e1dcee391f25197639ff41352951f5bbdaeddb0e3bf8b2a3485d569248adec7b131a4193c883aa88e7f375659d7c20906d077caba48739f8f343f1e5943a231f5a05c2a9514fedd6513d4289eae82f6f4a9cd0eabfefb7e7",
        "388ca0e2d846d4b650589fe61638a7c23a29714e4c57d718baadf388670a8b0bf98255e63df148a01f36614e6c764a6f0ff0bc62fecdde6a578b691dc7203e9627bf66968a2540cb3a2bc5f1bd7c97a954e6158cbf2f791104e170adc91667fe04067d188166a46df049dacbf2e7bc03d98b23ab68a72f2e415307f2dbed01",
    ),
    (
        "e60b6ab7dac5d6d5c4c123d6d2485a4ec4fb4766e7fb7ef5d3e39db8c6dcd305c91e09467b2e25cb6c76628aa13ebba46143e5d21362784bce6e2d496087276c479bdeae19e0c58d9ee21b208f4e485445b6e486bbfb75d1bd42a743bb70072a22ab9ed7cff87f89e26e88d7fd1d3e2582aa6790a8f9cb445e2dad26029a1a112b7ba5ccdb3082622203abd55b844a5974eb32dca9747809be9452b8b6ba41b1278aab9774f08f49fe147e8fe050796a10b7c173884bb954eb0acb0cdfabb6b0a8e1e92a9f15aed455aca90cebe4737397c9bf417f2887a584e40b39e91c0c2f97fdbe437abb41905b198933678f5ed0614c10b733c5a32afe797cbc25bb359f",
        "4491a99d24b62cbbaa3a81a2c22a33d4dfcd2072d179fad56e739dab1a876ed4fe261850ac5dcc812e92b8fba6656b0bebbc0fd046dbe68c7dfb043fa76891bd2a39112e66e3432f5be8fc79ff8d2f6d031ca95069cee1c703394f5f168b256f8f4705814169ca2640da7eaa96b535357c15abea081bf0d52f9740d1a01bebe19a6c81d7568922c13fa02acfd03b6e8d55dd518017616b81afe6d8e7ac654c5dc203098f9c5ca34bbd0b54d4618f9d6cf787887fe94a114b85bb97490ecf163c688ae2c3147918c6ca955cdc19c80e69b8247c28abdf344bb72c0c9a1a982b833b50fa52def4d3b4447421f2643c1dba7312118d9c712896b25572cea7cd32d5",
    ),
];

/// Bytes from hex.
fn hex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

/// EMSA-PKCS1-v1_5 of `digest` for a `k`-byte modulus: 00 01 FF… 00 DigestInfo digest, with
/// `pad` 0xFF bytes (`None`: as many as fill `k`) and `tail` bytes after the digest.
fn encoding(alg: HashAlg, digest: &[u8], k: usize, pad: Option<usize>, tail: &[u8]) -> Vec<u8> {
    let prefix = match alg {
        HashAlg::Sha1 => hex("3021300906052b0e03021a05000414"),
        HashAlg::Sha256 => hex("3031300d060960864801650304020105000420"),
    };
    let fill = k - 3 - prefix.len() - digest.len() - tail.len();
    let mut em = vec![0x00, 0x01];
    em.extend(std::iter::repeat_n(0xff, pad.unwrap_or(fill)));
    em.push(0x00);
    em.extend(prefix);
    em.extend(digest);
    em.extend(tail);
    em
}

/// Signatures of encodings one flaw away from the right one, made with each key's private
/// exponent (num-bigint): AWS-LC (natively, through `verify`) and the portable path accept
/// the right encoding and refuse every other, and a signature one byte too long.
#[test]
fn both_paths_accept_only_the_right_encoding() {
    use num_bigint::BigUint;
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut checked = (0, 0);
    for (n_hex, d_hex) in KEYS {
        let modulus = hex(n_hex);
        let k = modulus.len();
        let n = BigUint::from_bytes_be(&modulus);
        let d = BigUint::parse_bytes(d_hex.as_bytes(), 16).unwrap();
        let key = slc_courier_core::key::RsaKey {
            modulus,
            exponent: 65537,
        };
        for (alg, len) in [(HashAlg::Sha1, 20), (HashAlg::Sha256, 32)] {
            let other = if alg == HashAlg::Sha1 {
                HashAlg::Sha256
            } else {
                HashAlg::Sha1
            };
            let digest: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            let right = encoding(alg, &digest, k, None, &[]);
            let fill = right.iter().skip(2).take_while(|&&b| b == 0xff).count();
            let mut wrong = vec![
                // Block type 02, one 0xFF fewer with a byte after the digest, another hash's
                // DigestInfo (its digest padded out).
                [&[0x00, 0x02][..], &right[2..]].concat(),
                encoding(alg, &digest, k, Some(fill - 1), &[0x00]),
                encoding(other, &[digest.clone(), vec![0; 12]].concat(), k, None, &[])[..k]
                    .to_vec(),
            ];
            // One byte changed anywhere after the leading zero byte.
            for _ in 0..40 {
                let mut em = right.clone();
                let at = 1 + (next() as usize) % (k - 1);
                em[at] ^= (next() as u8) | 1;
                wrong.push(em);
            }
            let sign = |em: &[u8]| {
                let s = BigUint::from_bytes_be(em).modpow(&d, &n).to_bytes_be();
                [vec![0; k - s.len()], s].concat()
            };
            let sig = sign(&right);
            assert!(verify(&key, alg, &digest, &sig));
            assert!(verify_portable(&key, alg, &digest, &sig));
            let longer = [&[0][..], &sig].concat();
            assert!(!verify(&key, alg, &digest, &longer));
            assert!(!verify_portable(&key, alg, &digest, &longer));
            assert!(!verify(&key, other, &digest, &sig));
            assert!(!verify_portable(&key, other, &digest, &sig));
            checked.0 += 1;
            for em in wrong.iter().filter(|em| BigUint::from_bytes_be(em) < n) {
                let sig = sign(em);
                assert!(
                    !verify(&key, alg, &digest, &sig),
                    "{} bits: {em:02x?}",
                    8 * k
                );
                assert!(!verify_portable(&key, alg, &digest, &sig), "{} bits", 8 * k);
                checked.1 += 1;
            }
        }
    }
    // Every altered encoding starts with its zero byte, so each is below the modulus.
    assert_eq!(checked, (4, 4 * 43));
}
