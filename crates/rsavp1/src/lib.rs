//! RSAVP1 (RFC 8017 §5.2.2): `s^e mod n` for an RSA public key, big-endian bytes in and out.
//!
//! The core's signature check (`pkcs1.rs`) uses it for every signature in the WebAssembly
//! build and, natively, where *ring* cannot answer (a BODY that does not match its written
//! digest, keys below 1024 bits). It is a crate of its own so that it can be compiled for
//! speed (`opt-level = 3`, the workspace's `Cargo.toml`) inside a wasm build that is otherwise
//! optimised for size: this loop is where the wasm spends most of a chain check.
//!
//! Montgomery multiplication (CIOS: one limb of `a` at a time, interleaved with one reduction
//! step) on 32-bit limbs with 64-bit products: WebAssembly multiplies 64 × 64 → 64 bits in
//! one instruction but has no 128-bit product, so 64-bit limbs would cost a library call per
//! limb product. Variable time: only public values (keys, signatures) pass through here.

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
    let rr = m.r_squared(&mut scratch);
    let base = m.mul(&s_full, &rr, &mut scratch);
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

    /// R² mod n: R·2^sh mod n by doubling 2^(bits−1) (which is below n), then k Montgomery
    /// squarings, each of which doubles the power of two above R (see [`plan`]).
    fn r_squared(&self, scratch: &mut Scratch) -> Vec<Limb> {
        let l = self.n.len();
        let (sh, k) = plan(l);
        let top = self.n.last().copied().unwrap_or(1);
        let bits = LIMB_BITS * l - top.leading_zeros() as usize;
        let mut x = vec![0; l];
        if let Some(limb) = x.get_mut((bits - 1) / LIMB_BITS) {
            *limb = 1 << ((bits - 1) % LIMB_BITS);
        }
        for _ in 0..LIMB_BITS * l - (bits - 1) + sh {
            let carry = shl1(&mut x);
            if carry || !less(&x, self.n) {
                sub_in_place(&mut x, self.n);
            }
        }
        for _ in 0..k {
            x = self.mul(&x, &x, scratch);
        }
        x
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

/// How [`Mont::r_squared`] reaches R² = R·2^(32·l) for `l` limbs: `(sh, k)` with
/// sh·2^k = 32·l, so that k squarings of R·2^sh give R·2^(sh·2^k). A doubling costs `l` limb
/// operations, a squaring `2·l²` products: k is as large as it can be while sh stays at 32 or
/// more (k ≤ log2 l), and no larger than the power of two in 32·l (so sh is whole).
fn plan(l: usize) -> (usize, u32) {
    let k = (l.trailing_zeros() + 5).min(l.ilog2());
    ((LIMB_BITS * l) >> k, k)
}

/// `a −= b` modulo 2^(32·len) (same length).
fn sub_in_place(a: &mut [Limb], b: &[Limb]) {
    let mut borrow = 0;
    for (x, &y) in a.iter_mut().zip(b) {
        let v = Wide::from(*x)
            .wrapping_sub(Wide::from(y))
            .wrapping_sub(borrow);
        *x = v as Limb;
        borrow = v >> (2 * LIMB_BITS - 1);
    }
}

/// `a <<= 1`; returns the bit shifted out.
fn shl1(a: &mut [Limb]) -> bool {
    let mut carry = 0;
    for x in a.iter_mut() {
        let next = *x >> (LIMB_BITS - 1);
        *x = (*x << 1) + carry;
        carry = next;
    }
    carry == 1
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

#[cfg(test)]
mod tests {
    use super::plan;

    #[test]
    fn the_plan_for_r_squared() {
        // 1024-, 1056-, 2048-, 3072- and 4096-bit moduli, an odd count above 64, the smallest.
        assert_eq!(plan(1), (32, 0));
        assert_eq!(plan(32), (32, 5));
        assert_eq!(plan(33), (33, 5));
        assert_eq!(plan(64), (32, 6));
        assert_eq!(plan(96), (48, 6));
        assert_eq!(plan(128), (32, 7));
        assert_eq!(plan(127), (127, 5));
        for l in 1..=200 {
            let (sh, k) = plan(l);
            assert_eq!(sh << k, 32 * l, "{l} limbs");
            // sh ≥ 32, and one squaring more would take it below 32 or leave a fraction.
            assert!(sh >= 32, "{l} limbs: sh = {sh}");
            assert!(sh < 64 || sh % 2 == 1, "{l} limbs: sh = {sh}");
        }
    }
}
