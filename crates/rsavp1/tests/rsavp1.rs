//! `rsavp1` against an independent implementation (num-bigint's `modpow`) on moduli of every
//! limb count up to 4096 bits and beyond, lengths that are not whole limbs, exponents with
//! and without inner bits, and the values at the edges (0, 1, n − 1); and what it refuses.
#![allow(missing_docs, clippy::unwrap_used, clippy::indexing_slicing)]

use num_bigint::BigUint;
use slc_courier_rsavp1::rsavp1;

/// xorshift64*: reproducible bytes without a random-number crate.
struct Bytes(u64);
impl Bytes {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn take(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// `value` as exactly `len` big-endian bytes.
fn be(value: &BigUint, len: usize) -> Vec<u8> {
    let b = value.to_bytes_be();
    let mut out = vec![0; len - b.len()];
    out.extend(b);
    out
}

fn check(n: &[u8], e: u64, s: &[u8]) {
    let (nb, sb) = (BigUint::from_bytes_be(n), BigUint::from_bytes_be(s));
    let want = be(&sb.modpow(&BigUint::from(e), &nb), n.len());
    assert_eq!(rsavp1(n, e, s), Some(want), "n={nb:x} e={e} s={sb:x}");
}

#[test]
fn textbook_value() {
    // n = 61 · 53, e = 17: 65^17 mod 3233 = 2790 (the RSA article's example).
    assert_eq!(rsavp1(&[0x0c, 0xa1], 17, &[0x41]), Some(vec![0x0a, 0xe6]));
}

#[test]
fn agrees_with_num_bigint_on_every_size() {
    let mut r = Bytes(0x5eed_2026_1124);
    let mut cases = 0;
    // 1 to 520 bytes: every limb count to 130 (4160 bits), with partial top limbs.
    for len in (1..=64)
        .chain((65..=520).step_by(7))
        .chain([128, 256, 384, 512])
    {
        let mut n = r.take(len);
        n[0] |= 0x80 >> (len % 8); // top bits of every kind, never zero
        n[len - 1] |= 1;
        if len == 1 && n[0] < 3 {
            n[0] = 3;
        }
        let nb = BigUint::from_bytes_be(&n);
        for e in [3, 17, 65537, 0x1_ffff_ffff, r.next() >> 31 | 1, 1, 2] {
            let s = be(&(BigUint::from_bytes_be(&r.take(len)) % &nb), len);
            check(&n, e, &s);
            cases += 1;
        }
        for s in [BigUint::from(0u8), BigUint::from(1u8), &nb - 1u8] {
            check(&n, 65537, &be(&s, len));
        }
    }
    assert_eq!(cases, 7 * (64 + 66 + 4));
}

#[test]
fn real_key_sizes_with_the_top_bit_set() {
    let mut r = Bytes(42);
    for len in [128, 256, 512] {
        let mut n = r.take(len);
        n[0] |= 0x80;
        n[len - 1] |= 1;
        let s = be(
            &(BigUint::from_bytes_be(&r.take(len)) % BigUint::from_bytes_be(&n)),
            len,
        );
        check(&n, 65537, &s);
    }
}

#[test]
fn leading_zero_bytes_and_short_signatures() {
    // n with a leading zero byte: the result keeps n's length; s shorter than n is a smaller
    // number; s longer than n only by zero bytes is the same number.
    let n = [0x00, 0x0c, 0xa1];
    assert_eq!(rsavp1(&n, 17, &[0x41]), Some(vec![0x00, 0x0a, 0xe6]));
    assert_eq!(
        rsavp1(&n, 17, &[0, 0, 0, 0x41]),
        Some(vec![0x00, 0x0a, 0xe6])
    );
    assert_eq!(
        rsavp1(&[0x0c, 0xa1], 17, &[0, 0, 0, 0, 0, 0x41]),
        Some(vec![0x0a, 0xe6])
    );
}

#[test]
fn refused_inputs() {
    let n = [0x0c, 0xa1]; // 3233
    assert_eq!(rsavp1(&n, 17, &[0x0c, 0xa1]), None, "s = n");
    assert_eq!(rsavp1(&n, 17, &[0x0c, 0xa2]), None, "s > n");
    assert_eq!(rsavp1(&n, 17, &[0x01, 0x00, 0x00]), None, "s longer than n");
    assert_eq!(rsavp1(&n, 0, &[0x41]), None, "e = 0");
    assert_eq!(rsavp1(&[0x0c, 0xa2], 17, &[0x41]), None, "even n");
    assert_eq!(rsavp1(&[0x01], 17, &[0x00]), None, "n = 1");
    assert_eq!(rsavp1(&[0x00, 0x00], 17, &[]), None, "n = 0");
    assert_eq!(rsavp1(&[], 17, &[]), None, "no n");
    // 3 is the smallest modulus: 2^3 mod 3 = 2.
    assert_eq!(rsavp1(&[0x03], 3, &[0x02]), Some(vec![0x02]));
    // An odd modulus whose low limb is 1 but which has more limbs is accepted.
    check(
        &[0x01, 0x00, 0x00, 0x00, 0x01],
        3,
        &[0x00, 0xff, 0xff, 0xff, 0xff],
    );
}
