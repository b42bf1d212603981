//! The wasm entry point: everything lives in the library.

fn main() {
    slc_courier_app::run();
}
