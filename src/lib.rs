//! SLC Courier's web app (Yew, client-side rendered). It renders the core's findings; it
//! never re-implements a check.

pub mod app;
pub mod components;
pub mod i18n;
pub mod services;
pub mod session;
pub mod state;

/// Mounts the app into `<div id="app">` and removes the loading message.
pub fn run() {
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(boot) = document.as_ref().and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
    match document.and_then(|d| d.get_element_by_id("app")) {
        Some(root) => {
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}

/// The page's monotonic clock in milliseconds (`performance.now()`), for the timing hooks.
#[cfg(feature = "bench")]
fn bench_clock() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Timing hook for `cargo xtask bench` (called from the bench page through
/// `window.wasmBindings`): verifies `chain` and pairs it with `request`, against the anchor in
/// `anchor_key_file`, `iterations` times; returns the mean milliseconds per verification.
/// Only in builds with the `bench` feature (`cargo xtask bench`), never in the product.
#[cfg(feature = "bench")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_verify_chain(
    chain: &[u8],
    request: &[u8],
    anchor_key_file: &str,
    iterations: u32,
) -> f64 {
    use slc_courier_core::policy::{Policy, TrustAnchor};
    let Ok(anchor) = TrustAnchor::from_key_file(anchor_key_file) else {
        return f64::NAN;
    };
    let policy = Policy {
        anchors: vec![anchor],
        ..Policy::microsoft_production(services::browser::now())
    };
    let req = slc_courier_core::check_request(request, Some("RMS01EnrollRequest.xml"));
    let start = bench_clock();
    let mut valid = 0u32;
    for _ in 0..iterations {
        valid += u32::from(
            slc_courier_core::verify_chain(chain, &policy, Some(&req))
                .verdict()
                .valid,
        );
    }
    if valid != iterations {
        return f64::NAN;
    }
    (bench_clock() - start) / f64::from(iterations.max(1))
}

/// Timing hook for `cargo xtask bench`: the RSA floor in the wasm — the four signatures of
/// `chain` checked over their written digests (what `verify_chain` does for each, without
/// reading, parsing or hashing), `iterations` times; mean milliseconds per chain. `NaN` unless
/// every signature verifies.
#[cfg(feature = "bench")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_rsa_floor(chain: &[u8], iterations: u32) -> f64 {
    use slc_courier_core::policy::HashAlg;
    use slc_courier_core::xrml::{parse_certificate, read_documents};
    let certs: Vec<_> = read_documents(chain)
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| parse_certificate(d, i))
        .collect();
    let checks: Vec<_> = certs
        .iter()
        .filter_map(|c| Some((c.issuer.key.as_ref()?, c.signature.as_ref()?)))
        .collect();
    let start = bench_clock();
    let mut valid = 0usize;
    for _ in 0..iterations {
        for (key, sig) in &checks {
            let alg = if sig.digest.len() == 20 {
                HashAlg::Sha1
            } else {
                HashAlg::Sha256
            };
            valid += usize::from(slc_courier_core::pkcs1::verify(
                key,
                alg,
                &sig.digest,
                &sig.value,
            ));
        }
    }
    if checks.len() != 4 || valid != 4 * iterations as usize {
        return f64::NAN;
    }
    (bench_clock() - start) / f64::from(iterations.max(1))
}
