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

/// The floor: the four RSA verifications and the four body hashes, nothing else. ring
/// hashes the message itself, so [`Floor::rsa`] already includes one SHA-1 of each BODY;
/// [`Floor::sha1`] is that hashing alone (RustCrypto's sha1, as the core uses).
struct Floor {
    keys: Vec<ring::signature::RsaPublicKeyComponents<Vec<u8>>>,
    sigs: Vec<Vec<u8>>,
    bodies: Vec<Vec<u8>>,
}

impl Floor {
    fn rsa(&self) {
        for ((k, s), body) in self.keys.iter().zip(&self.sigs).zip(&self.bodies) {
            k.verify(
                &ring::signature::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
                body,
                s,
            )
            .unwrap();
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
    let keys = certs
        .iter()
        .map(|c| {
            let k = c.issuer.key.as_ref().unwrap();
            let e = k.exponent.to_be_bytes();
            ring::signature::RsaPublicKeyComponents {
                n: k.modulus.clone(),
                e: e[e.iter().take_while(|&&b| b == 0).count()..].to_vec(),
            }
        })
        .collect();
    let sigs = certs
        .iter()
        .map(|c| c.signature.as_ref().unwrap().value.clone())
        .collect();
    let bodies = certs
        .iter()
        .map(|c| {
            c.body_text()
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect()
        })
        .collect();
    Floor { keys, sigs, bodies }
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

/// CPU nanoseconds per call of `f`: the median of 7 runs of `n` calls. `openssl speed`
/// divides by CPU time too, so the ratio to its floor does not count time the shared machine
/// gave to other processes (criterion's means are wall-clock).
fn cpu_per_call(n: u32, mut f: impl FnMut()) -> Option<f64> {
    f();
    let mut runs = Vec::new();
    for _ in 0..7 {
        let start = thread_cpu_ns()?;
        for _ in 0..n {
            f();
        }
        runs.push((thread_cpu_ns()? - start) as f64 / f64::from(n));
    }
    runs.sort_by(f64::total_cmp);
    runs.get(3).copied()
}

/// Writes `target/criterion/cpu-time.json` for `cargo xtask bench`: CPU time per chain check
/// and per floor (ring's four verifications; SHA-1 of the four BODYs).
fn cpu_time() {
    let policy = policy();
    let request = check_request(REQUEST, Some("RMS01EnrollRequest.xml"));
    let chain = cpu_per_call(2000, || {
        assert!(
            verify_chain(black_box(CHAIN), &policy, Some(&request))
                .verdict()
                .valid
        );
    });
    let f = floor();
    let rsa = cpu_per_call(4000, || f.rsa());
    let sha1 = cpu_per_call(20000, || f.sha1());
    let json = serde_json::json!({
        "chain_verify_pair_ns": chain,
        "floor_rsa_verify_x4_ns": rsa,
        "floor_sha1_bodies_x4_ns": sha1,
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
