//! Step 5: the transfer receipt (JSON and printable HTML) and the far-side hash check.

use crate::services::browser;
use crate::state::{State, Step};
use slc_courier_core::report::{compare_pasted_hash, Receipt, ToolInfo};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The state.
    pub state: UseReducerHandle<State>,
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

/// Builds the receipt from the state (the reducer keeps the chain paired with the current
/// request, so the core's stale-pairing refusal does not happen here).
pub fn receipt(s: &State) -> Option<Receipt> {
    let chain = match &s.chain {
        Step::Done(c) => Some((&*c.report, Some(c.file.name.as_str()))),
        _ => None,
    };
    Receipt::new(
        tool_info(s.single_file_sha256.clone()),
        s.checked_at.unwrap_or_else(browser::now),
        s.request_report(),
        chain,
    )
    .ok()
}

/// Step 5.
#[function_component(ReceiptStep)]
pub fn receipt_step(p: &Props) -> Html {
    let t = p.state.lang.t();
    let pasted = use_state(String::new);
    let have = p.state.request_report().is_some() || matches!(p.state.chain, Step::Done(_));
    let stem = match &p.state.request {
        Step::Done(r) => r.file.name.trim_end_matches(".xml").to_owned(),
        _ => "slc".to_owned(),
    };
    let on_json = {
        let s = p.state.clone();
        let stem = stem.clone();
        Callback::from(move |_| {
            if let Some(r) = receipt(&s) {
                let _ = browser::download(
                    &format!("{stem}-receipt.json"),
                    "application/json",
                    r.to_json().as_bytes(),
                );
            }
        })
    };
    let on_html = {
        let s = p.state.clone();
        Callback::from(move |_| {
            if let Some(r) = receipt(&s) {
                let _ = browser::download(
                    &format!("{stem}-receipt.html"),
                    "text/html",
                    r.to_html().as_bytes(),
                );
            }
        })
    };
    let on_print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let oninput = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            pasted.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let mut targets: Vec<(&str, String, String)> = vec![];
    if let Step::Done(r) = &p.state.request {
        targets.push(("request", r.file.name.clone(), r.report.sha256.clone()));
    }
    if let Step::Done(c) = &p.state.chain {
        targets.push(("certificate", c.file.name.clone(), c.report.sha256.clone()));
    }
    html! {
        <section id="step-receipt" class="step" aria-labelledby="h-receipt">
            <h2 id="h-receipt">{ t.step5 }</h2>
            <p class="help">{ t.step5_help }</p>
            if !have { <p class="muted">{ t.nothing_loaded }</p> }
            <table class="hashes" id="receipt-hashes">
                <tbody>
                { for targets.iter().map(|(_, name, sha)| html! { <tr><th scope="row">{ name }</th><td><code>{ sha }</code></td></tr> }) }
                </tbody>
            </table>
            <p class="actions">
                <button type="button" id="download-json" onclick={on_json} disabled={!have}>{ t.download_json }</button>
                <button type="button" id="download-html" onclick={on_html} disabled={!have}>{ t.download_html }</button>
                <button type="button" id="print" onclick={on_print} disabled={!have}>{ t.print }</button>
            </p>
            <label for="far-side">{ t.far_side }</label>
            <p class="help">{ t.far_side_help }</p>
            <textarea id="far-side" rows="4" {oninput}></textarea>
            if !pasted.trim().is_empty() {
                <ul id="far-side-result">
                { for targets.iter().map(|(_, name, sha)| {
                    let (found, ok) = compare_pasted_hash(&pasted, sha);
                    let (cls, word) = match (found, ok) { (None, _) => ("warn", t.hash_none), (Some(_), true) => ("pass", t.hash_match), (Some(_), false) => ("fail", t.hash_mismatch) };
                    html! { <li class={classes!("status", cls)} data-status={cls}><strong>{ name }</strong>{ ": " }{ word }</li> }
                }) }
                </ul>
            }
        </section>
    }
}
