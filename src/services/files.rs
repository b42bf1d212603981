//! Reading a dropped or picked file as raw bytes.

use slc_courier_core::policy::MAX_CERT_BYTES;

/// A file read as bytes, or why not.
pub async fn read(file: web_sys::File) -> Result<(String, Vec<u8>), String> {
    let name = file.name();
    // Refuse oversized input before reading it into memory.
    if file.size() > MAX_CERT_BYTES as f64 {
        return Err(format!("{name}: {} bytes is larger than the {MAX_CERT_BYTES}-byte limit; this is not an RMS file.", file.size()));
    }
    let blob = gloo_file::File::from(file);
    gloo_file::futures::read_as_bytes(&blob)
        .await
        .map(|b| (name.clone(), b))
        .map_err(|e| format!("{name}: cannot be read ({e})"))
}
