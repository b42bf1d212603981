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
    let clock = || {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    };
    let start = clock();
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
    (clock() - start) / f64::from(iterations.max(1))
}
