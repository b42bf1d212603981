//! The `rsavp1` fuzz target's check, shared with `crates/core/tests/fuzz_regressions.rs`
//! (which includes this file by path): the input split into (n, e, s), and
//! `slc_courier_rsavp1::rsavp1` compared with num-bigint's `modpow`.
//!
//! Layout: byte 0 is the exponent's length (mod 9), bytes 1–2 the modulus's length
//! (big-endian, mod 601: up to 4800 bits, past the 4096 the policy allows); then the
//! exponent (big-endian), the modulus, and the signature is the rest. Short inputs leave the
//! later fields shorter. `xtask/src/fuzz/seeds.rs` writes seeds in this layout.
#![allow(clippy::panic, clippy::indexing_slicing)]

use num_bigint::BigUint;

/// The largest modulus the target makes, in bytes.
pub const MAX_MODULUS_BYTES: usize = 600;

/// (n, e, s) from fuzz input bytes.
pub fn split(data: &[u8]) -> (&[u8], u64, &[u8]) {
    let e_len = usize::from(data.first().copied().unwrap_or(0) % 9);
    let n_len = match data.get(1..3) {
        Some(&[a, b]) => usize::from(u16::from_be_bytes([a, b])) % (MAX_MODULUS_BYTES + 1),
        _ => 0,
    };
    let rest = data.get(3..).unwrap_or_default();
    let (e_bytes, rest) = rest.split_at(e_len.min(rest.len()));
    let (n, s) = rest.split_at(n_len.min(rest.len()));
    let e = e_bytes
        .iter()
        .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
    (n, e, s)
}

/// Panics when `rsavp1` and num-bigint disagree on the input's (n, e, s).
pub fn check(data: &[u8]) {
    let (n, e, s) = split(data);
    let (nb, sb) = (BigUint::from_bytes_be(n), BigUint::from_bytes_be(s));
    let got = slc_courier_rsavp1::rsavp1(n, e, s);
    let refused = nb.bits() < 2 || !nb.bit(0) || e == 0 || sb >= nb;
    let want = (!refused).then(|| {
        let v = sb.modpow(&BigUint::from(e), &nb).to_bytes_be();
        let mut out = vec![0; n.len() - v.len()];
        out.extend(v);
        out
    });
    if got != want {
        panic!("rsavp1 disagrees with num-bigint: n={nb:x} e={e} s={sb:x}: got {got:02x?}, want {want:02x?}");
    }
}
