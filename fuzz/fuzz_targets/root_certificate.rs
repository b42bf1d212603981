#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = slc_courier_core::trust::inspect_root(data, slc_courier_core::UtcTime::from_unix(1_795_000_000));
});
