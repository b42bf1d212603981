#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = slc_courier_core::check_request(data, Some("RMS01EnrollRequest.xml"));
});
