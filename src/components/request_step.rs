//! Step 1: load the request; show findings, the summary card and the XML.

use crate::components::file_picker::FilePicker;
use crate::components::findings::Findings;
use crate::i18n::Lang;
use crate::services::choice::Choice;
use crate::session::Input;
use slc_courier_core::request::{Product, RequestKind, RequestReport};
use slc_courier_core::text::Decoded;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The page language.
    pub lang: Lang,
    /// The loaded request and its report.
    pub request: Option<(Input, Rc<RequestReport>)>,
    /// A file is being read.
    pub loading: bool,
    /// A file was chosen (reading starts).
    pub on_start: Callback<Choice>,
    /// A file (choice, name, bytes) was read.
    pub on_file: Callback<(Choice, String, Vec<u8>)>,
    /// Text was pasted (its bytes as the browser gives them).
    pub on_paste: Callback<Vec<u8>>,
    /// The paste box was edited.
    pub on_paste_edit: Callback<()>,
    /// A request checked from the paste box was dropped because the box was edited since.
    pub paste_edited: bool,
    /// The file was refused.
    pub on_refused: Callback<Choice>,
}

/// Step 1.
#[function_component(RequestStep)]
pub fn request_step(p: &Props) -> Html {
    let t = p.lang.t();
    let paste = use_node_ref();
    let on_paste = {
        let on_paste = p.on_paste.clone();
        let paste = paste.clone();
        Callback::from(move |_| {
            if let Some(ta) = paste.cast::<HtmlTextAreaElement>() {
                on_paste.emit(ta.value().into_bytes());
            }
        })
    };
    html! {
        <section id="step-request" class="step" aria-labelledby="h-request">
            <h2 id="h-request">{ t.step1 }</h2>
            <p class="help">{ t.step1_help }</p>
            <FilePicker id="request-drop" label={t.drop_here} button={t.choose_file} expected={slc_courier_core::finding::Expected::Request} lang={p.lang} on_start={p.on_start.clone()} on_file={p.on_file.clone()} on_refused={p.on_refused.clone()} />
            <details class="paste">
                <summary>{ t.or_paste }</summary>
                <textarea ref={paste} id="request-paste" rows="6" aria-label={t.or_paste} oninput={p.on_paste_edit.reform(|_| ())}></textarea>
                <button type="button" id="request-paste-check" onclick={on_paste}>{ t.use_pasted }</button>
                if p.paste_edited && p.request.is_none() && !p.loading {
                    <p id="request-paste-edited" class="note" role="status">{ t.paste_edited }</p>
                }
            </details>
            if p.loading {
                <p class="working" role="status">{ t.reading }</p>
            } else if let Some((file, report)) = &p.request {
                { view(p.lang, file, report) }
            }
        </section>
    }
}

fn view(lang: Lang, file: &Input, rep: &RequestReport) -> Html {
    let t = lang.t();
    let s = &rep.summary;
    let kind = match rep.kind {
        RequestKind::Enrollment => t.enrollment,
        RequestKind::Renewal => t.renewal,
        // Pasted text has no name to tell it from.
        RequestKind::Unknown if file.pasted => "—",
        RequestKind::Unknown => t.unknown,
    };
    let product = match s.product {
        Some(Product::Rms1) => " (Windows RMS 1.0)",
        Some(Product::AdRms) => " (AD RMS)",
        _ => "",
    };
    let count =
        |s: slc_courier_core::Severity| rep.findings.iter().filter(|f| f.severity == s).count();
    let (errors, warnings) = (
        count(slc_courier_core::Severity::Error),
        count(slc_courier_core::Severity::Warning),
    );
    let status = if errors > 0 {
        ("fail", t.fail)
    } else if warnings > 0 {
        ("warn", t.warn)
    } else {
        ("pass", t.pass)
    };
    let name = if file.pasted {
        html! { <em>{ lang.pasted_text() }</em> }
    } else {
        html! { { &file.name } }
    };
    let dash = || "—".to_owned();
    html! {
        <div class="result" id="request-result" data-status={status.0}>
            <p id="request-verdict" class={classes!("status", "verdict-line", status.0)} role="status"><span class="badge">{ status.1 }</span>{ " " }<strong>{ lang.request_verdict(errors, warnings) }</strong></p>
            <dl class="file-facts">
                <dt>{ t.file }</dt><dd id="request-name" translate="no" data-pasted={file.pasted.to_string()}>{ name }</dd>
                <dt>{ t.size }</dt><dd id="request-size">{ format!("{} {}", rep.size, t.bytes) }</dd>
                <dt>{ t.sha256 }</dt><dd><code id="request-sha256">{ &rep.sha256 }</code></dd>
            </dl>
            if file.pasted {
                <p id="request-pasted-note" class="note">{ lang.pasted_note(rep.size) }</p>
            }
            <Findings findings={rep.findings.clone()} {t} by_severity=true />
            <div class="card" id="request-summary">
                <h3>{ t.summary }</h3>
                <dl>
                    <dt>{ t.server }</dt><dd id="sum-server" translate="no">{ s.server_name.clone().unwrap_or_else(dash) }</dd>
                    <dt>{ t.cluster_url }</dt><dd id="sum-url" translate="no">{ s.cluster_url.clone().unwrap_or_else(dash) }</dd>
                    <dt>{ t.guid }</dt><dd id="sum-guid"><code>{ s.guid.clone().unwrap_or_else(dash) }</code></dd>
                    <dt>{ t.key }</dt><dd id="sum-key" translate="no">{ s.key.as_ref().map(|k| format!("RSA-{} e={} · {}", k.bits, k.exponent, k.form.label())).unwrap_or_else(dash) }</dd>
                    <dt>{ t.fingerprint }</dt><dd><code id="sum-fingerprint">{ s.key.as_ref().map(|k| k.fingerprint.clone()).unwrap_or_else(dash) }</code></dd>
                    <dt>{ t.version }</dt><dd id="sum-version" translate="no">{ format!("{}{} / {}", s.version.clone().unwrap_or_else(dash), product, s.sku.clone().unwrap_or_else(dash)) }</dd>
                    <dt>{ t.kind }</dt><dd id="sum-kind">{ kind }</dd>
                </dl>
            </div>
            { xml_view(lang, &file.bytes, rep) }
        </div>
    }
}

/// Most lines shown in the XML view.
const MAX_VIEW_LINES: usize = 500;

fn xml_view(lang: Lang, bytes: &[u8], rep: &slc_courier_core::RequestReport) -> Html {
    let t = lang.t();
    let text = Decoded::new(bytes).text;
    let marked: Vec<usize> = rep
        .findings
        .iter()
        .filter(|f| f.severity != slc_courier_core::Severity::Info)
        .filter_map(|f| f.location.map(|l| l.line))
        .collect();
    html! {
        <details class="xml" open={!marked.is_empty()}>
            <summary>{ t.show_xml }</summary>
            // Scrollable, so it must be reachable by keyboard, with a name (axe:
            // scrollable-region-focusable).
            <pre id="request-xml" tabindex="0" role="region" aria-label={lang.request_xml_label()}>{ for text.lines().take(MAX_VIEW_LINES).enumerate().map(|(i, line)| {
                let hl = marked.contains(&(i + 1));
                html! { <span class={classes!("ln", hl.then_some("hl"))} data-line={(i + 1).to_string()}>{ format!("{:>4}  {}\n", i + 1, line) }</span> }
            }) }</pre>
        </details>
    }
}
