//! RSAVP1 (RFC 8017 §5.2.2): `s^e mod n` for an RSA public key, big-endian bytes in and out.
//!
//! The core's signature check (`pkcs1.rs`) uses it for every signature in the WebAssembly
//! build and, natively, where AWS-LC cannot answer (keys below 1024 bits). It is a crate of its own so that it can be compiled for
//! speed (`opt-level = 3`, the workspace's `Cargo.toml`) inside a wasm build that is otherwise
//! optimised for size: this loop is where the wasm spends most of a chain check.
//!
//! Montgomery multiplication (CIOS: one limb of `a` at a time, interleaved with one reduction
//! step) on 32-bit limbs with 64-bit products: WebAssembly multiplies 64 × 64 → 64 bits in
//! one instruction but has no 128-bit product, so 64-bit limbs would cost a library call per
//! limb product. The signature enters Montgomery form by one short division per limb
//! (`Mont::to_mont`) rather than through R² mod n (which took seven multiplications for a
//! 2048-bit key). Variable time: only public values (keys, signatures) pass through here.

/// One limb and the product of two.
type Limb = u32;
type Wide = u64;
const LIMB_BITS: usize = 32;
const LOW: Wide = 0xffff_ffff;

/// `s^e mod n`, as many bytes as `n`. `None` when `n` is even or below 3, `e` is 0, or
/// `s ≥ n`. Leading zero bytes of `n` and `s` are allowed (the result keeps `n`'s length).
pub fn rsavp1(n: &[u8], e: u64, s: &[u8]) -> Option<Vec<u8>> {
    let n_limbs = limbs(n);
    let s_limbs = limbs(s);
    let l = n_limbs.len();
    if s_limbs.len() > l || e == 0 {
        return None;
    }
    let mut s_full = s_limbs;
    s_full.resize(l, 0);
    let m = Mont::new(&n_limbs)?;
    if !less(&s_full, m.n) {
        return None;
    }
    let mut scratch = Scratch::new(l);
    let base = m.to_mont(&s_full)?;
    let mut acc = base.clone();
    // Left to right over the bits below the top one.
    let top = Wide::BITS - 1 - e.leading_zeros();
    for bit in (0..top).rev() {
        acc = m.mul(&acc, &acc, &mut scratch);
        if e >> bit & 1 == 1 {
            acc = m.mul(&acc, &base, &mut scratch);
        }
    }
    let mut one = vec![0; l];
    if let Some(low) = one.first_mut() {
        *low = 1;
    }
    Some(to_be(&m.mul(&acc, &one, &mut scratch), n.len()))
}

/// Arithmetic modulo an odd `n` > 1 with R = 2^(32·limbs).
struct Mont<'a> {
    n: &'a [Limb],
    /// −n⁻¹ mod 2^32.
    n0inv: Limb,
}

/// Two buffers of `limbs + 1` limbs, reused by every multiplication.
struct Scratch {
    t: Vec<Limb>,
    u: Vec<Limb>,
}

impl Scratch {
    fn new(l: usize) -> Self {
        Scratch {
            t: vec![0; l + 1],
            u: vec![0; l + 1],
        }
    }
}

impl<'a> Mont<'a> {
    /// `None` unless `n` (no leading zero limb) is odd and above 1.
    fn new(n: &'a [Limb]) -> Option<Self> {
        let n0 = *n.first()?;
        if n0 & 1 == 0 || (n.len() == 1 && n0 == 1) {
            return None;
        }
        // n⁻¹ mod 2^32 by Newton's iteration: n·1 ≡ 1 mod 2, and each step doubles the number
        // of correct low bits (1, 2, 4, 8, 16, 32).
        let mut inv: Limb = 1;
        for _ in 0..5 {
            inv = inv.wrapping_mul(2u32.wrapping_sub(n0.wrapping_mul(inv)));
        }
        Some(Mont {
            n,
            n0inv: inv.wrapping_neg(),
        })
    }

    /// `s·R mod n` for `s < n` (Montgomery form): `l` times `x ← x·2^32 mod n`. Each step
    /// subtracts an estimated quotient limb times `n` — never more than the true quotient
    /// (see [`quotient_estimate`]) and at most 5 less — then `n` until below `n`. This is
    /// half a multiplication's work where squaring up from R mod n took seven. `None` only if
    /// the corrections did not finish, which the bound rules out.
    fn to_mont(&self, s: &[Limb]) -> Option<Vec<Limb>> {
        let l = self.n.len();
        let mut x = s.to_vec();
        x.push(0);
        if let ([x0, x1], [n0]) = (x.as_mut_slice(), self.n) {
            // One limb: exactly, in 64 bits.
            *x0 = ((Wide::from(*x0) << LIMB_BITS) % Wide::from(*n0)) as Limb;
            *x1 = 0;
            return Some(vec![*x0]);
        }
        let top = self.n.last().copied().unwrap_or(1);
        let bits = LIMB_BITS * l - top.leading_zeros() as usize;
        // Two limbs or more: bits > 32, so the window below starts inside n.
        let n_top = window(self.n, bits - LIMB_BITS);
        for _ in 0..l {
            // x·2^32: x < n, so its top limb is free and the shift is a rotation.
            x.rotate_right(1);
            let q = quotient_estimate(window(&x, bits - LIMB_BITS), n_top);
            mul_sub(&mut x, self.n, q);
            for _ in 0..7 {
                if !at_least(&x, self.n) {
                    break;
                }
                sub_wide(&mut x, self.n);
            }
            if at_least(&x, self.n) {
                return None;
            }
        }
        x.truncate(l);
        Some(x)
    }

    /// `a · b · R⁻¹ mod n` for `a, b < n` (all `limbs` long).
    fn mul(&self, a: &[Limb], b: &[Limb], scratch: &mut Scratch) -> Vec<Limb> {
        let l = self.n.len();
        let Scratch { t, u } = scratch;
        t.fill(0);
        let (b0, n0) = (
            Wide::from(b.first().copied().unwrap_or(0)),
            Wide::from(self.n.first().copied().unwrap_or(0)),
        );
        let b_rest = b.get(1..).unwrap_or_default();
        let n_rest = self.n.get(1..).unwrap_or_default();
        for &ai in a {
            let ai = Wide::from(ai);
            // Limb 0: t + ai·b, then m chosen so that adding m·n clears the low limb.
            let p = Wide::from(t.first().copied().unwrap_or(0)) + ai * b0;
            let m = Wide::from((p as Limb).wrapping_mul(self.n0inv));
            let mut c1 = p >> LIMB_BITS;
            let mut c2 = ((p & LOW) + m * n0) >> LIMB_BITS;
            // Limbs 1..l, written one limb down (the division by 2^32). Each sum fits in 64
            // bits: (2^32 − 1) + (2^32 − 1)² + (2^32 − 1) = 2^64 − 1.
            for (((uj, &tj), &bj), &nj) in
                u.iter_mut().zip(t.iter().skip(1)).zip(b_rest).zip(n_rest)
            {
                let p = Wide::from(tj) + ai * Wide::from(bj) + c1;
                c1 = p >> LIMB_BITS;
                let q = (p & LOW) + m * Wide::from(nj) + c2;
                c2 = q >> LIMB_BITS;
                *uj = q as Limb;
            }
            // The top two limbs: t stays below 2n, so the very top is 0 or 1.
            let s = Wide::from(t.last().copied().unwrap_or(0)) + c1 + c2;
            if let [.., hi, top] = u.as_mut_slice() {
                *hi = s as Limb;
                *top = (s >> LIMB_BITS) as Limb;
            }
            std::mem::swap(t, u);
        }
        let (low, top) = t.split_at_mut(l);
        if top.first().is_some_and(|&x| x != 0) || !less(low, self.n) {
            sub_in_place(low, self.n);
        }
        low.to_vec()
    }
}

/// 64 bits of `x` from bit `at` up (bits beyond `x` are 0).
fn window(x: &[Limb], at: usize) -> Wide {
    let limb = |i: usize| u128::from(x.get(at / LIMB_BITS + i).copied().unwrap_or(0));
    let three = limb(0) + (limb(1) << LIMB_BITS) + (limb(2) << (2 * LIMB_BITS));
    (three >> (at % LIMB_BITS)) as Wide
}

/// A quotient limb for `y / n` (`y < n·2^32`) from their top bits: `y_top` = ⌊y / 2^(b−32)⌋
/// and `n_top` = ⌊n / 2^(b−32)⌋ ∈ [2^31, 2^32), b the bit length of n. Since
/// n < (n_top + 1)·2^(b−32), the estimate ⌊y_top / (n_top + 1)⌋ is at most ⌊y / n⌋; and it
/// falls short of it by less than (y_top + n_top + 1) / (n_top·(n_top + 1)) + 1 < 5.000001,
/// so by at most 5 (y_top < 2^64, n_top ≥ 2^31).
fn quotient_estimate(y_top: Wide, n_top: Wide) -> Limb {
    (y_top / (n_top + 1)) as Limb
}

/// `x −= q·n` (x one limb longer than n; q at most ⌊x / n⌋, so nothing is borrowed past the
/// top).
fn mul_sub(x: &mut [Limb], n: &[Limb], q: Limb) {
    let q = Wide::from(q);
    let (mut carry, mut borrow) = (0, 0);
    for (xi, &ni) in x.iter_mut().zip(n) {
        let p = q * Wide::from(ni) + carry;
        carry = p >> LIMB_BITS;
        let v = Wide::from(*xi).wrapping_sub(p & LOW).wrapping_sub(borrow);
        *xi = v as Limb;
        borrow = v >> (2 * LIMB_BITS - 1);
    }
    if let Some(top) = x.last_mut() {
        *top = Wide::from(*top).wrapping_sub(carry + borrow) as Limb;
    }
}

/// `x ≥ n` (x one limb longer than n).
fn at_least(x: &[Limb], n: &[Limb]) -> bool {
    match x.split_last() {
        Some((&top, low)) => top != 0 || !less(low, n),
        None => false,
    }
}

/// `x −= n` (x one limb longer than n, at least n).
fn sub_wide(x: &mut [Limb], n: &[Limb]) {
    let borrow = sub_in_place(x, n);
    if let Some(top) = x.last_mut() {
        *top = top.wrapping_sub(borrow);
    }
}

/// `a −= b` over `b`'s limbs (a may be longer: its further limbs are left alone); returns the
/// borrow out of the last limb of `b`.
fn sub_in_place(a: &mut [Limb], b: &[Limb]) -> Limb {
    let mut borrow = 0;
    for (x, &y) in a.iter_mut().zip(b) {
        let v = Wide::from(*x)
            .wrapping_sub(Wide::from(y))
            .wrapping_sub(borrow);
        *x = v as Limb;
        borrow = v >> (2 * LIMB_BITS - 1);
    }
    borrow as Limb
}

/// `a < b` (same length): limbs compared from the top.
fn less(a: &[Limb], b: &[Limb]) -> bool {
    a.iter().rev().lt(b.iter().rev())
}

/// Big-endian bytes to little-endian limbs, without leading zero limbs.
fn limbs(bytes: &[u8]) -> Vec<Limb> {
    let start = bytes.iter().take_while(|&&b| b == 0).count();
    bytes
        .get(start..)
        .unwrap_or_default()
        .rchunks(LIMB_BITS / 8)
        .map(|c| c.iter().fold(0, |acc, &b| (acc << 8) + Limb::from(b)))
        .collect()
}

/// Little-endian limbs to `len` big-endian bytes (the value fits: it is below n).
fn to_be(limbs: &[Limb], len: usize) -> Vec<u8> {
    let mut out = vec![0; len];
    for (slot, byte) in out
        .iter_mut()
        .rev()
        .zip(limbs.iter().flat_map(|l| l.to_le_bytes()))
    {
        *slot = byte;
    }
    out
}
