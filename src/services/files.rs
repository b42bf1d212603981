//! Reading a dropped or picked file as raw bytes.

use slc_courier_core::finding::{Expected, Input};
use slc_courier_core::Finding;

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// Larger than the step's budget: refused before reading.
    TooLarge(Finding),
    /// The browser could not read it (its words: [`crate::i18n::Lang::unreadable`]).
    Unreadable {
        /// The file's name.
        name: String,
    },
}

/// The finding for a file refused up front for its size.
pub fn too_large(name: &str, size: f64, limit: usize, expected: Expected) -> Finding {
    Finding::of(Input::TooLarge {
        name: name.to_owned(),
        size: size as u64,
        limit: limit as u64,
        expected,
    })
}

/// Reads `file` as bytes, refusing it up front when it is larger than `limit`.
pub async fn read(
    file: web_sys::File,
    limit: usize,
    expected: Expected,
) -> Result<(String, Vec<u8>), ReadError> {
    let name = file.name();
    if file.size() > limit as f64 {
        return Err(ReadError::TooLarge(too_large(
            &name,
            file.size(),
            limit,
            expected,
        )));
    }
    let blob = gloo_file::File::from(file);
    gloo_file::futures::read_as_bytes(&blob)
        .await
        .map(|b| (name.clone(), b))
        .map_err(|_| ReadError::Unreadable { name })
}

/// Lets the browser paint (e.g. the "working" state) before a long synchronous check.
pub async fn yield_to_browser() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}
