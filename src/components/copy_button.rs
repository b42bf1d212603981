//! A button that copies a runnable command (or an address, when it says so) and confirms it in
//! a live region: "Copied", or why not.

use crate::i18n::Lang;
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Exactly what goes on the clipboard.
    pub text: AttrValue,
    /// The button's words (what is copied).
    pub label: AttrValue,
    /// The page language.
    pub lang: Lang,
    /// An id for tests.
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

#[derive(Clone, Copy, PartialEq)]
enum Said {
    Nothing,
    Copied,
    Failed,
}

/// How long "Copied" stays.
const SHOWN_MS: u32 = 4000;

/// The copy button with its confirmation.
#[function_component(CopyButton)]
pub fn copy_button(p: &Props) -> Html {
    let said = use_state(|| Said::Nothing);
    // Counts clicks, so an older click's timer does not clear a newer confirmation.
    let clicks = use_mut_ref(|| 0u32);
    let onclick = {
        let said = said.clone();
        let text = p.text.to_string();
        Callback::from(move |_: MouseEvent| {
            let said = said.clone();
            let text = text.clone();
            let clicks = clicks.clone();
            *clicks.borrow_mut() += 1;
            let mine = *clicks.borrow();
            wasm_bindgen_futures::spawn_local(async move {
                said.set(if write(&text).await {
                    Said::Copied
                } else {
                    Said::Failed
                });
                gloo_timers::future::TimeoutFuture::new(SHOWN_MS).await;
                if *clicks.borrow() == mine {
                    said.set(Said::Nothing);
                }
            });
        })
    };
    let (class, words) = match *said {
        Said::Nothing => ("", ""),
        Said::Copied => ("copied pass", p.lang.copied()),
        Said::Failed => ("copied fail", p.lang.copy_failed()),
    };
    html! {
        <span class="copy">
            <button type="button" class="small" id={p.id.clone()} {onclick}>{ &p.label }</button>
            <span class={classes!("copy-said", class)} role="status">{ words }</span>
        </span>
    }
}

/// Writes `text` to the clipboard; false when the browser refused.
async fn write(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
