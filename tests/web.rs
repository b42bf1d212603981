//! wasm-bindgen tests in headless Chromium: the browser services and the core's verifier
//! as compiled to WebAssembly (`cargo test --target wasm32-unknown-unknown --tests`).
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use slc_courier_app::services::{browser, files};
use slc_courier_core::finding::{codes, Code, Expected};
use slc_courier_core::policy::{Policy, TrustAnchor};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_browser_file_is_read_as_the_exact_bytes() {
    let bytes: Vec<u8> = (0..=255u8).chain([0xFF, 0xFE, 0x00, b'<']).collect();
    let array = js_sys::Uint8Array::from(bytes.as_slice());
    let parts = js_sys::Array::of1(&array);
    let file = web_sys::File::new_with_u8_array_sequence(&parts, "RMS01EnrollRequest.xml")
        .unwrap_or_else(|_| unreachable!());
    let (name, read) = files::read(file, Expected::Request)
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(name, "RMS01EnrollRequest.xml");
    assert_eq!(read, bytes);
    // Over the step's budget (the core's rule: 64 KiB for an anchor): refused before reading,
    // with the input-too-large finding.
    let big = js_sys::Uint8Array::new_with_length(64 * 1024 + 1);
    let file = web_sys::File::new_with_u8_array_sequence(&js_sys::Array::of1(&big), "anchor.txt")
        .unwrap_or_else(|_| unreachable!());
    match files::read(file, Expected::Anchor).await {
        Err(files::ReadError::TooLarge(f)) => {
            assert_eq!(f.code, Code::InputTooLarge);
            assert_eq!(
                f.message(slc_courier_core::Lang::En),
                "anchor.txt is 65,537 bytes; the limit here is 65,536 bytes, so it was not read."
            );
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn browser_facts_are_gathered() {
    let f = browser::facts();
    assert!(f.clock > 1_700_000_000);
    assert!(!f.local_file);
    let (measured, _) = slc_courier_core::trust::browser_findings(&f);
    assert_eq!(measured.len(), 6);
}

#[wasm_bindgen_test]
fn the_verifier_works_in_webassembly() {
    let chain = include_bytes!("../crates/core/tests/data/chain/good/sha256-compact.xml");
    let key = include_str!("../crates/core/tests/data/chain/test-root.xrml-key.txt");
    let now = slc_courier_core::UtcTime::parse("2026-11-22T12:00").unwrap_or(browser::now());
    let anchor = TrustAnchor::from_key_file(key).unwrap_or_else(|e| panic!("{e}"));
    let policy = Policy {
        anchors: vec![anchor],
        ..Policy::microsoft_production(now)
    };
    let r = slc_courier_core::verify_chain(chain, &policy, None);
    let v = r.verdict();
    assert_eq!(v.outcome, slc_courier_core::chain::Outcome::GenuineUnpaired);
    assert_eq!(v.expires.map(|e| e.date()).as_deref(), Some("2046-06-18"));
    let tampered = include_bytes!("../crates/core/tests/data/chain/bad/tampered-signature.xml");
    let r = slc_courier_core::verify_chain(tampered, &policy, None);
    assert_eq!(
        codes(&r.findings),
        vec![
            Code::SignatureInvalid,
            Code::SignatureSha1Legacy,
            Code::AnchorTest
        ]
    );
}
