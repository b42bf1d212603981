#![no_main]
#[path = "../differential/rsavp1.rs"]
mod rsavp1;
libfuzzer_sys::fuzz_target!(|data: &[u8]| rsavp1::check(data));
