#![no_main]
use slc_courier_core::{Policy, UtcTime};
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = slc_courier_core::verify_chain(data, &Policy::microsoft_production(UtcTime::from_unix(1_795_000_000)), None);
});
