//! Step 5: the transfer receipt (JSON and printable HTML) and the far-side hash check.

use crate::i18n::Lang;
use crate::services::browser;
use slc_courier_core::report::{FarSide, FarSideResult, ToolInfo};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The page language.
    pub lang: Lang,
    /// The loaded files as (name, SHA-256), the request first.
    pub files: Vec<(AttrValue, AttrValue)>,
    /// Whether the request is loaded (then it is the first of `files`).
    pub has_request: bool,
    /// The far-side text as pasted.
    pub far_side_text: AttrValue,
    /// The far-side check per file.
    pub far_side: Option<FarSide>,
    /// The far-side text was edited.
    pub on_far_side: Callback<String>,
    /// Download the JSON receipt.
    pub on_json: Callback<()>,
    /// Download the printable receipt.
    pub on_html: Callback<()>,
}

/// The page's own identity.
pub fn tool_info(single_file_sha256: Option<String>) -> ToolInfo {
    ToolInfo {
        name: "slc-courier".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        build_id: browser::BUILD_ID.unwrap_or("dev").to_owned(),
        single_file_sha256,
    }
}

/// Step 5.
#[function_component(ReceiptStep)]
pub fn receipt_step(p: &Props) -> Html {
    let t = p.lang.t();
    let have = !p.files.is_empty();
    let on_json = p.on_json.reform(|_: MouseEvent| ());
    let on_html = p.on_html.reform(|_: MouseEvent| ());
    let on_print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let oninput = p
        .on_far_side
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    let results: Vec<Option<FarSideResult>> = match p.far_side {
        Some(f) if p.has_request => vec![f.request, f.certificate],
        Some(f) => vec![f.certificate],
        None => vec![],
    };
    html! {
        <section id="step-receipt" class="step" aria-labelledby="h-receipt">
            <h2 id="h-receipt">{ t.step5 }</h2>
            <p class="help">{ t.step5_help }</p>
            if !have { <p class="muted">{ t.nothing_loaded }</p> }
            <table class="hashes" id="receipt-hashes">
                <tbody>
                { for p.files.iter().map(|(name, sha)| html! { <tr><th scope="row" translate="no">{ name }</th><td><code>{ sha }</code></td></tr> }) }
                </tbody>
            </table>
            <p class="actions">
                <button type="button" id="download-json" onclick={on_json} disabled={!have}>{ t.download_json }</button>
                <button type="button" id="download-html" onclick={on_html} disabled={!have}>{ t.download_html }</button>
                <button type="button" id="print" onclick={on_print} disabled={!have}>{ t.print }</button>
            </p>
            <label for="far-side">{ t.far_side }</label>
            <p class="help">{ t.far_side_help }</p>
            <textarea id="far-side" rows="4" value={p.far_side_text.clone()} {oninput}></textarea>
            <div id="far-side-status" role="status">
            if p.far_side.is_some() {
                <ul id="far-side-result">
                { for p.files.iter().zip(results).map(|((name, _), r)| {
                    let (cls, word) = match r {
                        Some(FarSideResult::Matches) => ("pass", t.hash_match),
                        Some(FarSideResult::Differs) => ("fail", t.hash_mismatch),
                        _ => ("warn", t.hash_not_in_text),
                    };
                    let id = r.map(FarSideResult::id).unwrap_or("not-in-pasted-text");
                    html! { <li class={classes!("status", cls)} data-status={cls} data-result={id}><strong>{ name }</strong>{ ": " }{ word }</li> }
                }) }
                </ul>
            }
            </div>
        </section>
    }
}
