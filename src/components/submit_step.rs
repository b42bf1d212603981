//! Step 3: submit the exact bytes to the configured enrollment address — once the address
//! passed [`check_address`]: a refused address never becomes a link or a form's target.

use crate::components::findings::Findings;
use crate::i18n::Lang;
use crate::services::browser;
use crate::session::Input;
use slc_courier_core::request::RequestReport;
use slc_courier_core::submit::check_address;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The page language.
    pub lang: Lang,
    /// The enrollment address as edited.
    pub url: AttrValue,
    /// The configured address ("Reset to default").
    pub default_url: AttrValue,
    /// The form field the file is posted in.
    pub form_field: AttrValue,
    /// The loaded request and its report.
    pub request: Option<(Input, Rc<RequestReport>)>,
    /// The address was edited.
    pub on_url: Callback<String>,
}

/// Step 3.
#[function_component(SubmitStep)]
pub fn submit_step(p: &Props) -> Html {
    let t = p.lang.t();
    let l = p.lang;
    let error = use_state(|| false);
    // Set once the page was opened or the form sent: then say what to do if nothing answers.
    let tried = use_state(|| false);
    // The SHA-256 of the request with errors the user chose to send all the same (a new file
    // needs its own choice).
    let anyway = use_state(|| None::<String>);
    let onchange = {
        let on_url = p.on_url.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            on_url.emit(v.trim().to_owned());
        })
    };
    let check = check_address(&p.url);
    let usable = check.address.is_some();
    let reset = {
        let (on_url, default) = (p.on_url.clone(), p.default_url.to_string());
        Callback::from(move |_: MouseEvent| on_url.emit(default.clone()))
    };
    let on_open = {
        let tried = tried.clone();
        Callback::from(move |_: MouseEvent| tried.set(true))
    };
    let open = match &check.address {
        Some(a) => html! {
            <a id="open-enrollment" class="button" href={a.url.clone()} target="_blank" rel="noopener noreferrer" onclick={on_open}>{ t.open_page }</a>
        },
        // No href: a refused address is never a link.
        None => {
            html! { <button type="button" id="open-enrollment" disabled=true>{ t.open_page }</button> }
        }
    };
    let body = match &p.request {
        Some((file, report)) => {
            let shown = if file.pasted {
                p.lang.pasted_text()
            } else {
                file.name.as_str()
            };
            let facts = format!(" ({} · {} {})", shown, file.bytes.len(), t.bytes);
            let file = file.clone();
            let sha = report.sha256.clone();
            let field = p.form_field.to_string();
            let post = {
                let (error, tried) = (error.clone(), tried.clone());
                let address = check.address.clone();
                Callback::from(move |_| {
                    let Some(a) = &address else { return };
                    // An upload needs a part name (an empty one reads as "no file" to
                    // ASP.NET); pasted text has none of its own.
                    let name = if file.pasted {
                        "pasted-request.xml"
                    } else {
                        file.name.as_str()
                    };
                    let sent = browser::submit_post(a, &field, name, &file.bytes);
                    error.set(!sent);
                    tried.set(sent);
                })
            };
            let errors = !report.is_ok();
            // A request step 1 says not to submit is sent only on an explicit choice.
            let chosen = anyway.as_deref() == Some(report.sha256.as_str());
            let on_anyway = {
                let (anyway, sha) = (anyway.clone(), report.sha256.clone());
                Callback::from(move |e: Event| {
                    let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                    anyway.set(on.then(|| sha.clone()));
                })
            };
            html! {
                <>
                    <p>{ t.submit_note }<br/><code id="submit-sha256">{ sha }</code>{ facts }</p>
                    if errors {
                        <p class="status fail"><span class="badge">{ t.fail }</span>{ " " }{ t.request_has_errors }</p>
                        <p><label><input type="checkbox" id="send-anyway" checked={chosen} onchange={on_anyway} />{ " " }{ t.send_anyway }</label></p>
                    }
                    <p>{ open }</p>
                    <p><button type="button" id="submit-post" onclick={post} disabled={!usable || (errors && !chosen)}>{ t.send_post }</button>
                       { format!(" {}: {}", t.field_name, p.form_field) }</p>
                </>
            }
        }
        None => html! { <p class="muted">{ t.need_request }</p> },
    };
    let is_default = p.url == p.default_url;
    html! {
        <section id="step-submit" class="step" aria-labelledby="h-submit">
            <h2 id="h-submit">{ t.step3 }</h2>
            <p class="help">{ t.step3_help }</p>
            <p class="note" id="decommissioned">{ t.decommissioned }</p>
            <div class="address">
                <label for="enrollment-url">{ t.enrollment_address }</label>
                <input id="enrollment-url" type="url" value={p.url.clone()} {onchange} size="70"
                    aria-invalid={(!usable).then_some("true")} aria-describedby="address-check" spellcheck="false" autocomplete="off" />
                <button type="button" id="reset-url" class="small" onclick={reset} disabled={is_default}>{ l.reset_default() }</button>
                <p class="muted"><small>{ l.default_is() }{ ": " }<code id="default-url" translate="no">{ p.default_url.clone() }</code></small></p>
            </div>
            <div id="address-check" role="status">
                if !check.findings.is_empty() {
                    <Findings findings={check.findings.clone()} {t} />
                }
                if !usable { <p class="status fail" id="address-refused">{ l.address_refused() }</p> }
            </div>
            { body }
            if *error { <p class="status fail" id="submit-error" role="alert">{ t.post_failed }</p> }
            if *tried {
                <div class="card" id="no-answer">
                    <h3>{ l.no_answer_title() }</h3>
                    <ul>{ for l.no_answer().iter().map(|s| html! { <li>{ *s }</li> }) }</ul>
                </div>
            }
        </section>
    }
}
