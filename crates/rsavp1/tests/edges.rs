//! `rsavp1` against num-bigint on the moduli where Montgomery code usually breaks: 2^k + 1
//! (a top limb of 1 or a lone top bit), 2^(32·l) − 1 and 2^(8·m) − 1 (every limb all ones:
//! the most carries), 2^(32·l) + small (a top limb of exactly 1 and R² needing most
//! doublings), tiny one-limb moduli, leading zero bytes in n and s; with s at 0, 1, 2, n − 2,
//! n − 1 and exponents 1, 2, 3, 65537, 2^33 − 1 and u64::MAX.
//! (`tests/rsavp1.rs` covers random moduli of every limb count.)
#![allow(missing_docs, clippy::unwrap_used, clippy::indexing_slicing)]

use num_bigint::BigUint;
use slc_courier_rsavp1::rsavp1;

fn be(value: &BigUint, len: usize) -> Vec<u8> {
    let b = value.to_bytes_be();
    let mut out = vec![0; len - b.len()];
    out.extend(b);
    out
}

/// Bit lengths: every one to 160, then each whole limb count to 131 (4192 bits) and its
/// neighbours, every fifth limb count past 32.
fn sizes() -> impl Iterator<Item = usize> {
    (2..=160).chain(
        (6..=131)
            .filter(|l| *l <= 32 || l % 5 == 0 || *l == 64 || *l == 128 || *l == 131)
            .flat_map(|l| [32 * l - 1, 32 * l, 32 * l + 1]),
    )
}

/// Every edge `s` for `n`, each with every edge exponent, also with a zero byte in front of
/// both n and s.
fn check_all(nb: &BigUint) {
    let one = BigUint::from(1u8);
    let len = nb.to_bytes_be().len();
    let mut ss = vec![BigUint::from(0u8), one.clone(), BigUint::from(2u8)];
    if *nb > BigUint::from(3u8) {
        ss.push(nb - 2u8);
    }
    ss.push(nb - 1u8);
    // Half of n and all ones below n's top bit.
    ss.push(nb >> 1);
    ss.push((&one << (nb.bits() - 1)) - 1u8);
    // u64::MAX (64 squarings and multiplications) on the smaller moduli only, for time.
    let big = nb.bits() > 256;
    for e in [1, 2, 3, 65537, (1 << 33) - 1, u64::MAX] {
        if big && e == u64::MAX {
            continue;
        }
        for s in &ss {
            let want = be(&s.modpow(&BigUint::from(e), nb), len);
            let n = be(nb, len);
            assert_eq!(
                rsavp1(&n, e, &be(s, len)),
                Some(want.clone()),
                "n={nb:x} e={e} s={s:x}"
            );
            // Leading zero bytes of n (result two bytes longer) and of s (same number).
            if e != 3 {
                continue;
            }
            let mut n0 = vec![0, 0];
            n0.extend(&n);
            let mut w0 = vec![0, 0];
            w0.extend(&want);
            assert_eq!(
                rsavp1(&n0, e, &be(s, len + 5)),
                Some(w0),
                "0-padded n={nb:x} e={e} s={s:x}"
            );
        }
    }
    // s = n and s = n + 1 (when it still fits), at n's length and longer: refused.
    for s in [nb.clone(), nb + 1u8] {
        assert_eq!(rsavp1(&be(nb, len), 3, &be(&s, len + 1)), None, "n={nb:x}");
    }
}

#[test]
fn powers_of_two_plus_one() {
    check_all(&BigUint::from(3u8));
    for k in sizes() {
        check_all(&((BigUint::from(1u8) << k) + 1u8));
    }
}

#[test]
fn all_ones() {
    for bits in sizes() {
        check_all(&((BigUint::from(1u8) << bits) - 1u8));
    }
}

#[test]
fn just_above_whole_limbs() {
    for l in (1..=131).filter(|l| *l <= 16 || l % 8 == 0 || *l == 131) {
        for small in [1u32, 3, 0xffff_ffff, 0x8000_0001] {
            check_all(&((BigUint::from(1u8) << (32 * l)) + small));
        }
        // The top limb 1 with every lower limb all ones.
        check_all(&((BigUint::from(2u8) << (32 * l)) - 1u8));
    }
}

#[test]
fn small_moduli() {
    for n in (3u32..2000).step_by(2).chain([0xffff_fffd, 0xffff_ffff]) {
        check_all(&BigUint::from(n));
    }
}

#[test]
fn even_small_and_empty_moduli_are_refused() {
    for n in [
        &[][..],
        &[0],
        &[1],
        &[2],
        &[0, 0, 1],
        &[0, 0, 2],
        &[1, 0],
        &[0xff, 0xfe],
    ] {
        for s in [&[][..], &[0], &[1]] {
            assert_eq!(rsavp1(n, 3, s), None, "n={n:?} s={s:?}");
        }
    }
    assert_eq!(rsavp1(&[0x0d], 0, &[2]), None, "e = 0");
}
