//! SLC Courier's web app (Yew, client-side rendered). It renders the core's findings; it
//! never re-implements a check.

pub mod app;
pub mod components;
pub mod i18n;
pub mod services;
pub mod state;

/// Mounts the app into `<div id="app">` and removes the loading message.
pub fn run() {
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(boot) = document.as_ref().and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
    match document.and_then(|d| d.get_element_by_id("app")) {
        Some(root) => {
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
