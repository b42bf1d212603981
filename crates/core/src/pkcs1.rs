//! RSASSA-PKCS1-v1_5 verification (RFC 8017 §8.2.2) of XrML signatures (rms-formats.md §4.5).
//!
//! A signature is always checked over the digest *written* in the certificate, never over the
//! BODY: the caller compares the BODY's hash with that digest on its own. So an altered BODY
//! (`digest-mismatch` alone) and a forged or damaged signature (`signature-invalid`) stay
//! separate findings, and each BODY is hashed once.
//!
//! Natively, AWS-LC (`aws-lc-rs`, assembly) does the RSA work for keys it accepts (1024 bits and
//! more). Everything else goes through [`verify_digest`], a portable check: RSAVP1 from the
//! `slc-courier-rsavp1` crate, then equality with the whole expected encoding:
//!
//! - keys below 1024 bits, which AWS-LC refuses but which the policy, not the signature
//!   check, is meant to judge (`chain-key-size`);
//! - every signature in the WebAssembly build, for which AWS-LC does not build
//!   (ARCHITECTURE.md, Decisions).
//!
//! Both paths accept the same keys and signatures (the tests run both on every generated
//! chain): modulus without leading zero bytes, odd and at most [`MAX_RSA_BITS`], exponent
//! odd, at least 3, at most 2^33 − 1 (the RSA-DoS bound of AWS-LC, *ring* and `rsa`) and
//! below the modulus; a signature as long as the modulus (a shorter one is left-padded:
//! leading zero bytes get dropped) and below it.

use crate::key::RsaKey;
use crate::policy::{HashAlg, MAX_RSA_BITS};
use slc_courier_rsavp1::rsavp1;

/// The largest public exponent accepted (AWS-LC's bound; *ring*'s and `rsa`'s too).
const MAX_EXPONENT: u64 = u64::MAX >> 31; // 2^33 − 1

/// AWS-LC's smallest modulus for the parameters used here.
#[cfg(not(target_arch = "wasm32"))]
const NATIVE_MIN_BITS: usize = 1024;

/// DER `DigestInfo` up to the digest itself (RFC 8017 §9.2 note 1).
const SHA1_PREFIX: &[u8] = &[
    0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14,
];
const SHA256_PREFIX: &[u8] = &[
    0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05,
    0x00, 0x04, 0x20,
];

/// Whether `sig` is `key`'s RSASSA-PKCS1-v1_5 signature over `digest` (an `alg` hash).
pub fn verify(key: &RsaKey, alg: HashAlg, digest: &[u8], sig: &[u8]) -> bool {
    // The wasm build has no AWS-LC: the portable path checks every signature there.
    #[cfg(not(target_arch = "wasm32"))]
    if key.bits() >= NATIVE_MIN_BITS {
        return within_bounds(key, sig, |sig| native_verify(key, alg, digest, sig));
    }
    verify_portable(key, alg, digest, sig)
}

/// [`verify`] by the portable path alone, whatever the key's size: what the wasm build runs
/// for every signature (public so that the tests can hold both paths to the same answers).
pub fn verify_portable(key: &RsaKey, alg: HashAlg, digest: &[u8], sig: &[u8]) -> bool {
    within_bounds(key, sig, |sig| verify_digest(key, alg, digest, sig))
}

/// `check` of `sig` left-padded to the modulus's length, when the key and the signature's
/// length are within the bounds both paths share; else false.
fn within_bounds(key: &RsaKey, sig: &[u8], check: impl FnOnce(&[u8]) -> bool) -> bool {
    key_is_accepted(key) && left_pad(sig, key.modulus.len()).is_some_and(|sig| check(&sig))
}

/// The key bounds both paths share (see the module documentation).
fn key_is_accepted(key: &RsaKey) -> bool {
    let e = key.exponent;
    // No leading zero byte (`RsaKey`'s invariant; AWS-LC refuses one): the portable path takes
    // the modulus's length as k, so a zero byte would let it accept a longer encoding.
    key.modulus.first().is_some_and(|&b| b != 0)
        && key.bits() <= MAX_RSA_BITS
        && !key.modulus_is_even()
        && e >= 3
        && e % 2 == 1
        && e <= MAX_EXPONENT
        && !fits_u64_at_most(&key.modulus, e)
}

/// True when the big-endian `n` is at most `e`.
fn fits_u64_at_most(n: &[u8], e: u64) -> bool {
    n.len() <= 8 && n.iter().fold(0u64, |acc, &b| (acc << 8) + u64::from(b)) <= e
}

/// `sig` left-padded with zero bytes to `k` bytes; `None` when it is longer.
fn left_pad(sig: &[u8], k: usize) -> Option<Vec<u8>> {
    let pad = k.checked_sub(sig.len())?;
    let mut out = vec![0u8; pad];
    out.extend_from_slice(sig);
    Some(out)
}

/// The native path: AWS-LC checks `sig` (exactly as long as the modulus) over `digest`.
#[cfg(not(target_arch = "wasm32"))]
fn native_verify(key: &RsaKey, alg: HashAlg, digest: &[u8], sig: &[u8]) -> bool {
    use aws_lc_rs::digest::{Digest, SHA1_FOR_LEGACY_USE_ONLY, SHA256};
    use aws_lc_rs::signature::{
        RsaPublicKeyComponents, RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
        RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
    };
    let (params, hash) = match alg {
        HashAlg::Sha1 => (
            &RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
            &SHA1_FOR_LEGACY_USE_ONLY,
        ),
        HashAlg::Sha256 => (&RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY, &SHA256),
    };
    // The exponent without leading zero bytes.
    let e = key.exponent.to_be_bytes();
    let e = e
        .get(e.iter().take_while(|&&b| b == 0).count()..)
        .unwrap_or(&e);
    let public = RsaPublicKeyComponents {
        n: key.modulus.as_slice(),
        e,
    };
    // A digest of another length than the hash's is refused here (`import_less_safe`).
    match (
        public.to_parsed_public_key(params),
        Digest::import_less_safe(digest, hash),
    ) {
        (Ok(public), Ok(digest)) => public.verify_digest_sig(&digest, sig).is_ok(),
        _ => false,
    }
}

/// The portable path: `sig` (exactly as long as the modulus) checked over `digest`.
fn verify_digest(key: &RsaKey, alg: HashAlg, digest: &[u8], sig: &[u8]) -> bool {
    let (prefix, len) = match alg {
        HashAlg::Sha1 => (SHA1_PREFIX, 20),
        HashAlg::Sha256 => (SHA256_PREFIX, 32),
    };
    let k = key.modulus.len();
    // RFC 8017 §9.2 step 3: at least 8 bytes of 0xFF padding.
    let t = prefix.len() + len;
    if digest.len() != len || k < t + 11 {
        return false;
    }
    let Some(em) = rsavp1(&key.modulus, key.exponent, sig) else {
        return false;
    };
    let mut expected = Vec::with_capacity(k);
    expected.extend_from_slice(&[0x00, 0x01]);
    expected.resize(k - t - 1, 0xff);
    expected.push(0x00);
    expected.extend_from_slice(prefix);
    expected.extend_from_slice(digest);
    em == expected
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes from lowercase hex (test constants).
    fn hex(s: &str) -> Vec<u8> {
        (0..s.len() / 2)
            .map(|i| {
                s.get(2 * i..2 * i + 2)
                    .and_then(|b| u8::from_str_radix(b, 16).ok())
                    .unwrap_or(0)
            })
            .collect()
    }

    #[test]
    fn the_portable_public_operation_matches_textbook_values() {
        // n = 61 · 53, e = 17: 65^17 mod 3233 = 2790 (the RSA article's example).
        let n = 3233u64.to_be_bytes();
        let n = n.get(6..).unwrap_or_default();
        assert_eq!(rsavp1(n, 17, &65u16.to_be_bytes()), Some(vec![0x0a, 0xe6]));
        assert_eq!(rsavp1(n, 17, &3233u16.to_be_bytes()), None);
        // Two limbs, the top one partly used: s^3 mod n against u128 arithmetic.
        let n: u128 = (1 << 100) + 0x1234_5678_9abc_def1;
        let mulmod = |a: u128, b: u128| {
            // Double and add: every intermediate stays below 2n < 2^102.
            (0..128).rev().fold(0u128, |r, bit| {
                let r = (r << 1) % n;
                if b >> bit & 1 == 1 {
                    (r + a) % n
                } else {
                    r
                }
            })
        };
        for s in [
            (1u128 << 64) + 1,
            n - 1,
            2,
            (1 << 99) + 0x0123_4567_89ab_cdef,
        ] {
            let want = mulmod(mulmod(s, s), s);
            let n_be = n.to_be_bytes();
            let s_be = s.to_be_bytes();
            let got = rsavp1(
                n_be.get(3..).unwrap_or_default(),
                3,
                s_be.get(3..).unwrap_or_default(),
            );
            assert_eq!(
                got,
                Some(want.to_be_bytes().get(3..).unwrap_or_default().to_vec())
            );
        }
    }

    /// Every certificate of a generated chain (1024- and 2048-bit keys): both paths accept
    /// the genuine signature and refuse it with one bit changed in the digest or signature.
    #[test]
    fn both_paths_agree_on_generated_chains() {
        use crate::xrml::{parse_certificate, read_documents};
        let chains: [&[u8]; 2] = [
            include_bytes!("../tests/data/chain/good/sha1-compact.xml"),
            include_bytes!("../tests/data/chain/good/sha256-compact.xml"),
        ];
        let mut checked = 0;
        for chain in chains {
            for (i, doc) in read_documents(chain).docs.iter().enumerate() {
                let c = parse_certificate(doc, i);
                let (Some(sig), Some(key)) = (&c.signature, &c.issuer.key) else {
                    continue;
                };
                let alg = if sig.digest.len() == 20 {
                    HashAlg::Sha1
                } else {
                    HashAlg::Sha256
                };
                let s = left_pad(&sig.value, key.modulus.len()).unwrap_or_default();
                assert!(verify_digest(key, alg, &sig.digest, &s));
                assert!(verify(key, alg, &sig.digest, &s));
                assert!(verify(key, alg, &sig.digest, &sig.value));
                let mut digest = sig.digest.clone();
                if let Some(b) = digest.last_mut() {
                    *b ^= 1;
                }
                assert!(!verify_digest(key, alg, &digest, &s));
                assert!(!verify(key, alg, &digest, &s));
                let mut bad = s.clone();
                let middle = bad.len() / 2;
                if let Some(b) = bad.get_mut(middle) {
                    *b ^= 0x10;
                }
                assert!(!verify_digest(key, alg, &sig.digest, &bad));
                assert!(!verify(key, alg, &sig.digest, &bad));
                checked += 1;
            }
        }
        assert_eq!(checked, 8);
    }

    #[test]
    fn both_paths_accept_the_exponent_bounds() {
        // Two 1024-bit keys with the smallest and the largest exponent accepted (3 and
        // 2^33 − 1) and their PKCS#1 v1.5 signatures over the SHA-1 digest of b"x" (Python
        // integers, seed 7): AWS-LC (natively, through `verify`) and the portable path accept
        // both and refuse each with one bit changed.
        let digest = hex("11f6ad8ec52a2984abaafd7c3b516503785c2072");
        for (exponent, n, sig) in [
            (8_589_934_591, "ce8df86759491f8713cc231ac196e6b47bd6212d2a00195c7d0bcf9e243ec072a1db5af5dcaecbd858863406bc32a84fb1fb897fa589cbe800d2e437476e052dcf79c9bf869e07f37b06292526c376346630917be50eaec0b7c3599f1b450adaabff020623e63525cbad66e736b1ced57cc2bbbc161939653cc05f9ef6ed727f", "934bc4cbefb9d435e50d552848b50577c9cf1e3b805436f56f0c2827822041779d15cdcae410c2de8c6d026fa8bc7b300e32586a8b32a380d2107da3d99ddbc523b631fc6d1a2753b37408a3a58616347707388cb8a526d0b40ee68152238079a60e239e3faa94cf1e232ab290b30e71be38cc15956b58fdf7262024390e0562"),
            (3, "c2c03578cf302b7949081767673970a3e21f1032c3906c24b64278daf7b04debb4a8e332d7b6c97076dc1b4c9a507898ea8d9cc42cc3e520ed363b332d7e182de322dc6d8ee3b2e2f494a4b99a7d5230b2fc5be163090d9271c24ff80892f4cefa48ac5d0e06c018510e86d83c7fcff9214a848d817a258295cbd0fd64697103", "b40a742080799f9b49ced0eb7da180091188d504bafc64145d0db08e088c262026c78c5a5af8952dc0ae5dc945ee97a02fd8830c4b00796cdedd8ff6bf20828c910035eba18421c773627b8d1463714fe79912dfb9c5909ae704d70cb7a623897b81751a44c933bac8b56bad6e3d6f170c3c27ce20a9052081d0e7ed403ebf65"),
        ] {
            let key = RsaKey {
                modulus: hex(n),
                exponent,
            };
            let mut sig = hex(sig);
            assert_eq!(key.bits(), 1024);
            assert!(verify(&key, HashAlg::Sha1, &digest, &sig), "e = {exponent}");
            assert!(verify_portable(&key, HashAlg::Sha1, &digest, &sig), "e = {exponent}");
            if let Some(b) = sig.last_mut() {
                *b ^= 1;
            }
            assert!(!verify(&key, HashAlg::Sha1, &digest, &sig), "e = {exponent}");
            assert!(!verify_portable(&key, HashAlg::Sha1, &digest, &sig), "e = {exponent}");
        }
    }

    #[test]
    fn keys_outside_the_bounds_are_refused() {
        let key = |modulus: &[u8], exponent| RsaKey {
            modulus: modulus.to_vec(),
            exponent,
        };
        let n = [0xc5u8; 128];
        assert!(key_is_accepted(&key(&n, 65537)));
        assert!(key_is_accepted(&key(&n, 3)));
        // The bound written out, not the constant: 2^33 − 1 is the largest exponent accepted.
        assert!(key_is_accepted(&key(&n, 8_589_934_591)));
        assert!(!key_is_accepted(&key(&n, 8_589_934_593)));
        assert!(!key_is_accepted(&key(&n, 1)));
        assert!(!key_is_accepted(&key(&n, 65536)));
        assert!(!key_is_accepted(&key(&[0xc4; 128], 65537)));
        assert!(key_is_accepted(&key(&[0xc5; 512], 65537)));
        assert!(!key_is_accepted(&key(&[0xc5; 513], 65537)));
        assert!(!key_is_accepted(&key(&[0x11], 17)));
        assert!(key_is_accepted(&key(&[0x13], 17)));
    }

    #[test]
    fn keys_below_the_native_minimum_are_checked_by_the_portable_path() {
        // A 768-bit key and its PKCS#1 v1.5 SHA-1 signature, made with Python's integers
        // (primes by Miller–Rabin, seed 20261124): AWS-LC refuses the key, the portable path
        // must still verify it (the policy, not the signature check, judges its size).
        let key = RsaKey {
            modulus: hex("ac6389e99033d675faac6b9bc6b65c65bd27b9cb3fca2307ffc8e1c1ceba4b8edce39d96bf744db4472583012af86f20133e8de02d96d71849078e65bd6576ade71ee1b4096bb49a41fed8f78d1663a2073c90bd0bd12c5335b2787960ac2a83"),
            exponent: 65537,
        };
        let sig = hex("14e034b4ccc46582f53bd3f8678680f8d672b23e81f667f3c18ba7e7b6682a22d1d60d088e7eb1be7cddd4c03a700c2e1a2830a8b816eb46056e5ed033750c1898b375a7c5cf8d7f29fc42029964fb228d2ac5973b42e716dd7cd45685fc10e0");
        let message = b"a BODY signed with a 768-bit key";
        let digest = {
            use sha1::Digest;
            sha1::Sha1::digest(message).to_vec()
        };
        assert_eq!(key.bits(), 768);
        assert!(verify(&key, HashAlg::Sha1, &digest, &sig));
        #[cfg(not(target_arch = "wasm32"))]
        assert!(!native_verify(&key, HashAlg::Sha1, &digest, &sig));
        let mut forged = sig.clone();
        if let Some(b) = forged.last_mut() {
            *b ^= 1;
        }
        assert!(!verify(&key, HashAlg::Sha1, &digest, &forged));
        assert!(!verify(&key, HashAlg::Sha256, &digest, &sig));
    }

    #[test]
    fn the_padding_must_have_eight_ff_bytes() {
        // Two small keys (Python integers, seed 4242), each with a signature whose encoding
        // fills the modulus: 46 bytes leave exactly eight 0xFF bytes (RFC 8017's minimum),
        // 45 bytes only seven — refused even though s^e mod n is that encoding.
        let digest = hex("973a15edc8dca8976dadfdfdf584d3ff77731baa");
        let key = |n: &str| RsaKey {
            modulus: hex(n),
            exponent: 65537,
        };
        let eight = key("a73e0a437545c1235cfb95f46fef4ca77a71e9ae392114664e322d8834208b1f79dbd15dc892fc067bf0323c5a1f");
        let sig8 = hex("99e5cab0c3c34ec463ea8abb4a1c63fed020343d48c7ced9e9efd091329fd933f302d2557ee3750906d7d2c969d6");
        let seven = key("fb6120b29d03813a3c52ba2c8af71706fd7020da335637e80d6868c84c98ca1b02e94833f87a17b9fec8e9b3e5");
        let sig7 = hex("41fe485e6a374e34a8dac19c750e071f39dacbfb31a8235051b55ed08630ba8dc8e3253b5690d5699b27f17897");
        assert!(verify(&eight, HashAlg::Sha1, &digest, &sig8));
        assert_eq!(
            rsavp1(&seven.modulus, 65537, &sig7).map(|em| em.get(..9).map(<[u8]>::to_vec)),
            Some(Some(vec![0, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))
        );
        assert!(!verify(&seven, HashAlg::Sha1, &digest, &sig7));
        // A digest of the wrong length is refused before any arithmetic.
        assert!(!verify(
            &eight,
            HashAlg::Sha1,
            digest.get(..19).unwrap_or_default(),
            &sig8
        ));
    }

    #[test]
    fn exponents_with_inner_bits_and_short_signatures() {
        // s^7 and s^13 mod n (inner exponent bits set; 3, 17 and 65537 have none) against
        // u128 arithmetic; a signature shorter than the modulus is a smaller number.
        let n: u128 = (1 << 100) + 0x1234_5678_9abc_def1;
        let mulmod = |a: u128, b: u128| {
            (0..128).rev().fold(0u128, |r, bit| {
                let r = (r << 1) % n;
                if b >> bit & 1 == 1 {
                    (r + a) % n
                } else {
                    r
                }
            })
        };
        let pow = |s: u128, e: u32| (1..e).fold(s, |acc, _| mulmod(acc, s));
        let n_be = n.to_be_bytes();
        let n_be = n_be.get(3..).unwrap_or_default();
        for (s, e) in [((1u128 << 80) + 12345, 7u32), (0xdead_beef, 13)] {
            let s_be = s.to_be_bytes();
            let short = s_be
                .get(s_be.iter().take_while(|&&b| b == 0).count()..)
                .unwrap_or_default();
            let want = pow(s, e).to_be_bytes();
            assert_eq!(
                rsavp1(n_be, u64::from(e), short),
                Some(want.get(3..).unwrap_or_default().to_vec()),
                "{s:#x}^{e}"
            );
        }
    }

    #[test]
    fn almost_right_encodings_are_refused_by_both_paths() {
        // Signatures (Python integers, the 1024-bit key of seed 20261125) of encodings that
        // are one flaw away from EMSA-PKCS1-v1_5 over `digest` (SHA-1): AWS-LC
        // and the portable path must both refuse every one and accept the genuine one.
        let key = RsaKey {
            modulus: hex("aa75291ee32a0e41f21825b64bfee46177b7cdeff327e6dd81a8ab20dca61c5354156c900e9d1bbe2715aa4da319d5a030b6c018e44d4c293da810d8cb08dc8c3ce577c70c17df0123a058bd10930a3f42732f3e829f6363080c0ef02157d3d941f35ab084f81c419b57c0a38af98b5c064e44d17945fc584e232b07b4f46e25"),
            exponent: 65537,
        };
        // SHA-1 of b"a BODY whose signature encodings are almost right".
        let digest = hex("e918989de6642c486e74bb5d21947c060dcc8331");
        for (name, sig) in [
            ("genuine", "81c1f34c642af9425520fd46866b72507adb8a991467fa1ff44750afbef246ddf89be9d414c7dbbfb8da0f03cd2592d0b0f725b179a95f698aa7b78fad122b18681736577724cbd5c9918c587692a29da4c4aee39f117e3e46bbae0db1c86514aca359fc6f5a5c9d40a6914e5ad718f37b3adc343a55a269ee1c1909ec3e228b"),
            ("block type 02", "9b606555707da0f4100a422b5e9dae6b2e3b1f9f92a29ed53775e419dd71029bd5d2c0b87a6e70aec6cdb4df7972aaa8eacad7cf4cce13c78a85aadd6d5eab1423e95ce8145ae2893fda651420ccf8ae1a196acd56fe7559e9a6a4f757324c895dc0742e16b0e20310bc63b0e806f79b8f38bfc8b8886d61d717b0fa9d822f18"),
            ("separator 01", "5e5e7240afdd108d9d9a9e46ac55908b71f480d41364b4c81eb46982bfe8d8b8652ad7492aa1a5daf5afc73a0e1d43a94d34552ee8b450678fe7b1c352627cacbaef4f1fdf9b68e8fc68dd81f69a6bc33ee8642075f6002d23ec5105bb84b6e8dcb0a19e4dcfcb22d92fd0543a936fb041b83db08480a317451ca4f4d842c7d3"),
            ("garbage after the digest", "69ac7f515046915f705481c8b787b51ee4bdd9da3fdeacfa795d86c3f75e9d0f628bcba111715e40c61b46b34f69d914c9c9559ea864d604824ede41ca51c892763d6a0b5f51e4c5574a6c5da7bd91d18cc9d219dd83644c9b5288574bd8b152a8e65927f7a851bc8e9495b51e182ede5bc4daf522a3ec34dd6cdc6f050e71a6"),
            ("DigestInfo without NULL parameters", "3358ffc357509f20dfbb35d9c7ee54aa8c9bc46d60bef4b75e15c9640f4a0e6881b2d285aa9d3ad4f7c1d245f7a5be92994b143f9aa15440227d42c7f94bd919ba85d9467c126347e3d44e07c6d685c59c5af1d0144fe2d08bad74140d99d9bb01bcf184db3ff72acf0c6985611a0ab497920cbdd5be714fcc7b561552fa4aca"),
            ("SHA-256 DigestInfo holding a SHA-1 digest", "500f93d7ac59c68295b21fa3a1d311158ff7009521fb84446020050c7c8b34876d1c017d46363b94d737b8825d95333ea5d9f6cdc194b8d70869bf14783d4941f3d14d753962a966e661c15714a96c9e298ff43f9dec96ef2916fc6ba343a86b5aa46a38d71d7fe95201baa90c387e49b32076155f3f5ea75830e03c35f47d49"),
            ("long-form DigestInfo length", "5cbeb1c2f8ae8893c19e44b589e11df558017185c3b73708c8ca346289150a8ada9c0d5ffa68e54378004054807199d74c6a499ef0112084f4ab56a7ebc3fc8eb4ef47079560239c0163bbb57c7ded9e8795dcd85329af97a8e66998e2a11ef1a79e76180887e32ee31500e25d5d3fc17b2c6d6526b6fd3e71cb6eaca65d9cd3"),
            ("one padding byte FE", "886e50a802deb318431ea67d690496258552c4a52f92259fe393e29ba12f9029542a4af79f08850d300881dcbfcf157e08dbfbe7dd8123e7ef0abd03e5a141803006ce1a7897f4641f4fa38dc0bcf79a900715feb11b33c57f911e620561e3d55e821a95fbc6cb73a4f6910b0e521ce3091c801e28ab99886f716e05bfb207e3"),
            ("no leading zero byte", "17861b9e3737e5ffb2526e45e9fe35c9a2a9c21de41dadca624dafb3fad511d9333caa5ac613b05ca14c42760d00d96527e72d010e26ddf4b89c8e1b44f5a1270feae26445a0fa3d84ae9c7a636756669b13e7b99998d5c678df5ed5df0f940408426a78d62a616050a5d0a907ef34fbefe4e7ab84ba39d81ee1488ef53bc474"),
        ] {
            let sig = hex(sig);
            let genuine = name == "genuine";
            assert_eq!(
                verify(&key, HashAlg::Sha1, &digest, &sig),
                genuine,
                "verify: {name}"
            );
            assert_eq!(
                verify_digest(&key, HashAlg::Sha1, &digest, &sig),
                genuine,
                "portable: {name}"
            );
        }
    }

    #[test]
    fn a_modulus_with_a_leading_zero_byte_is_refused_by_both_paths() {
        // `RsaKey`'s fields are public, so a key built by hand can keep a leading zero byte
        // (`RsaKey::new` strips them). AWS-LC refuses such a modulus; the portable path took
        // its length as k and accepted an encoding one byte too long (one more 0xFF). The
        // 1024-bit key (Python integers, seed 20261125) signed that 129-byte encoding of the
        // SHA-1 digest of `message`.
        let key = RsaKey {
            modulus: hex("00aa75291ee32a0e41f21825b64bfee46177b7cdeff327e6dd81a8ab20dca61c5354156c900e9d1bbe2715aa4da319d5a030b6c018e44d4c293da810d8cb08dc8c3ce577c70c17df0123a058bd10930a3f42732f3e829f6363080c0ef02157d3d941f35ab084f81c419b57c0a38af98b5c064e44d17945fc584e232b07b4f46e25"),
            exponent: 65537,
        };
        let sig = hex("777b525048fe99861d27b10a8b2993c20102af0d2dcd7ee840d6c547e359139a621bc373b09164a7299a6ecaf001a33f6c56199b28765a918dad3100ae0f15aa2d5dc7ff6cafb71a7994413c67cfdf6ef0be5a3ccd0ea9316e55a965e51ad746e3e2ed9c2086fba0ba251f289cfdcdcc89f88b1f02f86c0ff54a4861eb9cbf2a");
        // SHA-1 of b"a BODY signed as if the modulus had a leading zero byte".
        let digest = hex("160735d727c92528fe0b707cfa4fb13f829fd530");
        // The signature really is that encoding raised to the key.
        let em = rsavp1(&key.modulus, key.exponent, &sig).unwrap_or_default();
        assert_eq!(em.get(..3), Some(&[0x00, 0x01, 0xff][..]));
        assert_eq!(em.len(), 129);
        assert!(!verify(&key, HashAlg::Sha1, &digest, &sig));
        #[cfg(not(target_arch = "wasm32"))]
        assert!(!native_verify(&key, HashAlg::Sha1, &digest, &sig));
    }

    #[test]
    fn a_modulus_not_above_the_exponent_is_refused() {
        let key = |modulus: &[u8]| RsaKey {
            modulus: modulus.to_vec(),
            exponent: 65537,
        };
        // 131073 > 65537: accepted; 65537 itself and a smaller odd modulus: refused.
        assert!(key_is_accepted(&key(&[0x02, 0x00, 0x01])));
        assert!(!key_is_accepted(&key(&[0x01, 0x00, 0x01])));
        assert!(!key_is_accepted(&key(&[0x00, 0xff, 0xff])));
    }
}
