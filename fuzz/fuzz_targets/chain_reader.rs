#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = slc_courier_core::xrml::read_documents(data);
});
