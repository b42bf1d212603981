//! Reading a dropped or picked file as raw bytes.

use slc_courier_core::finding::Expected;
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

/// Reads `file` as bytes, refusing it up front when it is over the step's budget (the core's
/// one size rule, [`slc_courier_core::policy::refuse_size`], as the CLI applies it).
pub async fn read(file: web_sys::File, expected: Expected) -> Result<(String, Vec<u8>), ReadError> {
    let name = file.name();
    if let Some(f) = slc_courier_core::policy::refuse_size(&name, file.size() as u64, expected) {
        return Err(ReadError::TooLarge(f));
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
