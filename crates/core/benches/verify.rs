//! Criterion benchmarks read by `cargo xtask bench` (docs/benchmarks.md): the 4-certificate
//! SLC chain verified and paired, against its floor (the RSA verifications and the hashes
//! alone), and `inspect` over 1, 10 and 100 documents and a 10 MB file.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use criterion::{black_box, criterion_group, Criterion};
use slc_courier_core::policy::{Policy, TrustAnchor};
use slc_courier_core::xrml::{parse_certificate, read_documents};
use slc_courier_core::{check_request, verify_chain, UtcTime};

const CHAIN: &[u8] = include_bytes!("../tests/data/chain/good/sha1-compact.xml");
const REQUEST: &[u8] = include_bytes!("../tests/data/request/good/RMS01EnrollRequest.xml");
const ROOT: &str = include_str!("../tests/data/chain/test-root.xrml-key.txt");

fn policy() -> Policy {
    Policy {
        anchors: vec![TrustAnchor::from_key_file(ROOT).unwrap()],
        ..Policy::microsoft_production(UtcTime::parse("2026-11-22T12:00").unwrap())
    }
}

/// The floor: the four RSA verifications and the four body hashes, nothing else.
/// [`Floor::rsa`] checks each signature over its written digest with the core's own RSA path
/// (`pkcs1::verify`: AWS-LC natively); [`Floor::sha1`] hashes the four BODYs as UTF-16LE
/// (RustCrypto's sha1, as the core uses).
struct Floor {
    keys: Vec<slc_courier_core::key::RsaKey>,
    digests: Vec<Vec<u8>>,
    sigs: Vec<Vec<u8>>,
    bodies: Vec<Vec<u8>>,
}

impl Floor {
    fn rsa(&self) {
        for ((k, d), s) in self.keys.iter().zip(&self.digests).zip(&self.sigs) {
            assert!(slc_courier_core::pkcs1::verify(
                k,
                slc_courier_core::policy::HashAlg::Sha1,
                d,
                s
            ));
        }
    }

    fn sha1(&self) {
        use sha1::Digest;
        for body in &self.bodies {
            black_box(sha1::Sha1::digest(body));
        }
    }
}

fn floor() -> Floor {
    let certs: Vec<_> = read_documents(CHAIN)
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| parse_certificate(d, i))
        .collect();
    let signature = |c: &slc_courier_core::xrml::Certificate| c.signature.clone().unwrap();
    Floor {
        keys: certs
            .iter()
            .map(|c| c.issuer.key.clone().unwrap())
            .collect(),
        digests: certs.iter().map(|c| signature(c).digest).collect(),
        sigs: certs.iter().map(|c| signature(c).value).collect(),
        bodies: certs
            .iter()
            .map(|c| {
                c.body_text()
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect()
            })
            .collect(),
    }
}

fn bench(c: &mut Criterion) {
    let policy = policy();
    let request = check_request(REQUEST, Some("RMS01EnrollRequest.xml"));
    c.bench_function("chain_verify_pair", |b| {
        b.iter(|| {
            let r = verify_chain(black_box(CHAIN), &policy, Some(&request));
            assert!(r.verdict().valid);
        })
    });

    let f = floor();
    c.bench_function("floor_rsa_verify_x4", |b| b.iter(|| f.rsa()));
    c.bench_function("floor_sha1_bodies_x4", |b| b.iter(|| f.sha1()));

    // Scaling: 1, 10 and 100 concatenated documents, and a 10 MB file, through inspect.
    let one = std::str::from_utf8(CHAIN).unwrap();
    let first = &one[..one.find("</XrML>").unwrap() + 7];
    for n in [1usize, 10, 100] {
        let input = first.repeat(n).into_bytes();
        c.bench_function(&format!("inspect_{n}_documents"), |b| {
            b.iter(|| {
                let (docs, _, _) = slc_courier_core::chain::inspect(black_box(&input), &policy);
                assert_eq!(docs.len(), n);
            })
        });
    }
    let mut ten_mb = vec![b' '; 10 * 1024 * 1024];
    ten_mb[..CHAIN.len()].copy_from_slice(CHAIN);
    c.bench_function("inspect_10mb_file", |b| {
        b.iter(|| {
            let (docs, _, _) = slc_courier_core::chain::inspect(black_box(&ten_mb), &policy);
            assert_eq!(docs.len(), 4);
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3)).warm_up_time(std::time::Duration::from_secs(1));
    targets = bench
}

/// This thread's CPU time in nanoseconds (Linux: the first field of
/// `/proc/thread-self/schedstat`); `None` elsewhere.
fn thread_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// CPU nanoseconds per call of `f` over one run of `n` calls. `openssl speed` divides by CPU
/// time too, so the ratio to its floor does not count time the shared machine gave to other
/// processes (criterion's means are wall-clock).
fn cpu_per_call(n: u32, f: &mut impl FnMut()) -> Option<f64> {
    let start = thread_cpu_ns()?;
    for _ in 0..n {
        f();
    }
    Some((thread_cpu_ns()? - start) as f64 / f64::from(n))
}

/// `openssl speed` RSA-1024 and RSA-2048 verifications per CPU second, over one second each.
fn openssl_verify_per_sec() -> Option<(f64, f64)> {
    let out = std::process::Command::new("openssl")
        .args(["speed", "-seconds", "1", "rsa1024", "rsa2048"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let out = String::from_utf8_lossy(&out.stdout);
    let rate = |bits: &str| -> Option<f64> {
        out.lines()
            .find(|l| l.starts_with(&format!("rsa {bits} bits")))
            .and_then(|l| l.split_whitespace().nth(6))
            .and_then(|x| x.parse().ok())
    };
    Some((rate("1024")?, rate("2048")?))
}

/// Rounds of [`cpu_time`]: each measures every figure once, one after the other.
const ROUNDS: usize = 7;

/// Writes `target/criterion/cpu-time.json` for `cargo xtask bench`: CPU time per chain check,
/// per floor (the four RSA verifications; SHA-1 of the four BODYs) and `openssl speed`'s
/// verification rates. The machine is shared and its speed drifts over seconds, so the
/// figures are measured in turn, round after round, and each keeps its best round: the
/// ratios compare the fastest each ran, at about the same time.
fn cpu_time() {
    let policy = policy();
    let request = check_request(REQUEST, Some("RMS01EnrollRequest.xml"));
    let mut chain = || {
        assert!(
            verify_chain(black_box(CHAIN), &policy, Some(&request))
                .verdict()
                .valid
        );
    };
    let f = floor();
    let (mut rsa, mut sha1) = (|| f.rsa(), || f.sha1());
    chain();
    let mut best = [f64::INFINITY; 3];
    let mut rates = (0f64, 0f64);
    for _ in 0..ROUNDS {
        let round = [
            cpu_per_call(2000, &mut chain),
            cpu_per_call(4000, &mut rsa),
            cpu_per_call(20000, &mut sha1),
        ];
        for (b, r) in best.iter_mut().zip(round) {
            *b = b.min(r.unwrap_or(f64::INFINITY));
        }
        if let Some((r1024, r2048)) = openssl_verify_per_sec() {
            rates = (rates.0.max(r1024), rates.1.max(r2048));
        }
    }
    let known = |x: f64| x.is_finite().then_some(x);
    let json = serde_json::json!({
        "chain_verify_pair_ns": known(best[0]),
        "floor_rsa_verify_x4_ns": known(best[1]),
        "floor_sha1_bodies_x4_ns": known(best[2]),
        "openssl_rsa1024_verify_per_s": (rates.0 > 0.0).then_some(rates.0),
        "openssl_rsa2048_verify_per_s": (rates.1 > 0.0).then_some(rates.1),
        "rounds": ROUNDS,
    });
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/criterion");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("cpu-time.json"), json.to_string()).unwrap();
    println!("cpu time per call: {json}");
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    cpu_time();
}
