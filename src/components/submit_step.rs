//! Step 3: submit the exact bytes to the configured enrollment address.

use crate::i18n::Lang;
use crate::services::browser;
use crate::session::Input;
use slc_courier_core::request::RequestReport;
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
    let error = use_state(|| false);
    let onchange = {
        let on_url = p.on_url.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            on_url.emit(v.trim().to_owned());
        })
    };
    let url = p.url.to_string();
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
            let error2 = error.clone();
            let post = {
                let url = url.clone();
                Callback::from(move |_| {
                    // An upload needs a part name (an empty one reads as "no file" to
                    // ASP.NET); pasted text has none of its own.
                    let name = if file.pasted {
                        "pasted-request.xml"
                    } else {
                        file.name.as_str()
                    };
                    let res = browser::submit_post(&url, &field, name, &file.bytes);
                    error2.set(res.is_err());
                })
            };
            let errors = !report.is_ok();
            html! {
                <>
                    <p>{ t.submit_note }<br/><code id="submit-sha256">{ sha }</code>{ facts }</p>
                    if errors { <p class="status fail"><span class="badge">{ t.fail }</span>{ " " }{ t.request_has_errors }</p> }
                    <p><a id="open-enrollment" class="button" href={url.clone()} target="_blank" rel="noopener noreferrer">{ t.open_page }</a></p>
                    <p><button type="button" id="submit-post" onclick={post}>{ t.send_post }</button>
                       { format!(" {}: {}", t.field_name, p.form_field) }</p>
                </>
            }
        }
        None => html! { <p class="muted">{ t.need_request }</p> },
    };
    html! {
        <section id="step-submit" class="step" aria-labelledby="h-submit">
            <h2 id="h-submit">{ t.step3 }</h2>
            <p class="help">{ t.step3_help }</p>
            <p class="note" id="decommissioned">{ t.decommissioned }</p>
            <label for="enrollment-url">{ t.enrollment_address }</label>{ " " }
            <input id="enrollment-url" type="url" value={url} {onchange} size="70" />
            { body }
            if *error { <p class="status fail" id="submit-error" role="alert">{ t.post_failed }</p> }
        </section>
    }
}
