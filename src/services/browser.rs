//! Browser facts, downloads, the probe and form submission.

use slc_courier_core::submit::Address;
use slc_courier_core::trust::{BrowserFacts, ProbeOutcome};
use slc_courier_core::UtcTime;
use wasm_bindgen::{JsCast, JsValue};

/// The build time, seconds since the epoch (set by `cargo xtask dist`).
pub const BUILD_TIME: Option<&str> = option_env!("SLC_BUILD_TIME");
/// The build id (git commit and date, set by `cargo xtask dist`).
pub const BUILD_ID: Option<&str> = option_env!("SLC_BUILD_ID");

/// Now, from the browser clock.
pub fn now() -> UtcTime {
    UtcTime::from_unix((js_sys::Date::now() / 1000.0) as i64)
}

/// True when the page was opened from `file://`.
pub fn is_local_file() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:")
}

/// Gathers what the page can measure.
pub fn facts() -> BrowserFacts {
    let w = web_sys::window();
    BrowserFacts {
        secure_context: w.as_ref().is_some_and(|w| w.is_secure_context()),
        subtle_crypto: w
            .as_ref()
            .and_then(|w| w.crypto().ok())
            .is_some_and(|c| !JsValue::from(c.subtle()).is_undefined()),
        online: w.as_ref().is_some_and(|w| w.navigator().on_line()),
        local_file: is_local_file(),
        clock: now().unix(),
        build_time: BUILD_TIME
            .and_then(|t| t.parse().ok())
            .filter(|&t: &i64| t > 0),
    }
}

/// Offers `bytes` as a download named `name`. The object URL is revoked a minute later,
/// not at once, so the browser has time to start the download.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    document.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Copies text to the clipboard (best effort).
pub fn copy(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// The language the user chose before, if any.
pub fn stored_lang() -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item("slc-courier.lang")
        .ok()?
}

/// Remembers the language.
pub fn store_lang(tag: &str) {
    if let Some(s) = web_sys::window()
        .and_then(|w| w.local_storage().ok())
        .flatten()
    {
        let _ = s.set_item("slc-courier.lang", tag);
    }
}

/// The browser's preferred language.
pub fn browser_lang() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}

/// Sets `<html lang>`.
pub fn set_document_lang(tag: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", tag);
    }
}

/// Requests `url` once (no-cors, no credentials), cancelled after `seconds`. A completed
/// request means something answered (the response is opaque: no status, no content); a
/// failed one failed before any answer; a cancelled one timed out. Never claims more.
pub async fn probe(url: &str, seconds: u32) -> ProbeOutcome {
    let Some(w) = web_sys::window() else {
        return ProbeOutcome::Failed;
    };
    let Ok(ctrl) = web_sys::AbortController::new() else {
        return ProbeOutcome::Failed;
    };
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_mode(web_sys::RequestMode::NoCors);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_cache(web_sys::RequestCache::NoStore);
    init.set_signal(Some(&ctrl.signal()));
    let promise = w.fetch_with_str_and_init(url, &init);
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let abort = {
        let timed_out = timed_out.clone();
        gloo_timers::callback::Timeout::new(seconds.saturating_mul(1000), move || {
            timed_out.set(true);
            ctrl.abort();
        })
    };
    let result = wasm_bindgen_futures::JsFuture::from(promise).await;
    drop(abort);
    match result {
        Ok(_) => ProbeOutcome::Answered,
        Err(_) if timed_out.get() => ProbeOutcome::TimedOut { seconds },
        Err(_) => ProbeOutcome::Failed,
    }
}

/// Submits `bytes` as a multipart form POST to `address` (checked: only an address that
/// passed `check_address` can be a form's target) in a new tab, in field `field`, with the
/// original file name. The bytes are sent exactly as loaded. False when the browser refused
/// to make or send the form (the reason is not shown: it is a JS value, not words).
pub fn submit_post(address: &Address, field: &str, name: &str, bytes: &[u8]) -> bool {
    post_form(&address.url, field, name, bytes).is_ok()
}

fn post_form(url: &str, field: &str, name: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let form: web_sys::HtmlFormElement = document.create_element("form")?.dyn_into()?;
    form.set_method("post");
    form.set_enctype("multipart/form-data");
    form.set_action(url);
    form.set_target("_blank");
    let input: web_sys::HtmlInputElement = document.create_element("input")?.dyn_into()?;
    input.set_type("file");
    input.set_name(field);
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let opts = web_sys::FilePropertyBag::new();
    opts.set_type("text/xml");
    let file = web_sys::File::new_with_u8_array_sequence_and_options(&parts, name, &opts)?;
    let dt = web_sys::DataTransfer::new()?;
    dt.items().add_with_file(&file)?;
    input.set_files(dt.files().as_ref());
    form.append_child(&input)?;
    form.set_hidden(true);
    document.body().ok_or("no body")?.append_child(&form)?;
    form.submit()?;
    form.remove();
    Ok(())
}

/// Why a file beside the page could not be fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchError {
    /// The request failed (network, blocked).
    Unreachable,
    /// An error status other than 404.
    Status(u16),
    /// The body could not be read.
    Unreadable,
}

/// Fetches a text file beside the page (hosted mode). `Ok(None)` when it does not exist.
pub async fn fetch_text(name: &str) -> Result<Option<String>, FetchError> {
    let w = web_sys::window().ok_or(FetchError::Unreachable)?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let resp = wasm_bindgen_futures::JsFuture::from(w.fetch_with_str_and_init(name, &init))
        .await
        .map_err(|_| FetchError::Unreachable)?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| FetchError::Unreachable)?;
    if resp.status() == 404 {
        return Ok(None);
    }
    if !resp.ok() {
        return Err(FetchError::Status(resp.status()));
    }
    let text = resp.text().map_err(|_| FetchError::Unreadable)?;
    let text = wasm_bindgen_futures::JsFuture::from(text)
        .await
        .map_err(|_| FetchError::Unreadable)?;
    Ok(text.as_string())
}
