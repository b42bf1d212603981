//! Step 2: trust prerequisites, honestly: measured, inspected, and a checklist.

use crate::components::copy_button::CopyButton;
use crate::components::file_picker::FilePicker;
use crate::components::findings::Findings;
use crate::i18n::Lang;
use crate::services::browser;
use crate::state::{RootState, Step};
use slc_courier_core::trust::{browser_findings, manual_checks, probe_finding, ProbeOutcome};
use std::collections::BTreeSet;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The page language.
    pub lang: Lang,
    /// Where the probe goes.
    pub probe_target: AttrValue,
    /// The enrollment address's origin (for the checklist's commands).
    pub origin: AttrValue,
    /// The probe.
    pub probe: Step<ProbeOutcome>,
    /// The inspected root certificate.
    pub root: Option<RootState>,
    /// The ticked checklist items.
    pub ticked: BTreeSet<usize>,
    /// The probe started.
    pub on_probe_start: Callback<()>,
    /// The probe ended.
    pub on_probe_done: Callback<ProbeOutcome>,
    /// A root certificate was inspected.
    pub on_root: Callback<RootState>,
    /// A checklist item was ticked (index, ticked).
    pub on_tick: Callback<(usize, bool)>,
}

/// Step 2.
#[function_component(TrustStep)]
pub fn trust_step(p: &Props) -> Html {
    let t = p.lang.t();
    let facts = use_memo((), |_| browser::facts());
    let (measured, findings) = browser_findings(&facts);
    let probe_target = p.probe_target.to_string();
    let probe_result = match p.probe {
        Step::Done(o) => vec![probe_finding(&probe_target, o)],
        _ => vec![],
    };
    let on_probe = {
        let (start, done) = (p.on_probe_start.clone(), p.on_probe_done.clone());
        let url = probe_target.clone();
        Callback::from(move |_| {
            start.emit(());
            let done = done.clone();
            let url = url.clone();
            wasm_bindgen_futures::spawn_local(async move {
                done.emit(browser::probe(&url, 8000).await);
            });
        })
    };
    let on_root = {
        let on_root = p.on_root.clone();
        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            on_root.emit(RootState::inspect(name, &bytes, browser::now()));
        })
    };
    let origin = p.origin.to_string();
    html! {
        <section id="step-trust" class="step" aria-labelledby="h-trust">
            <h2 id="h-trust">{ t.step2 }</h2>
            <p class="help">{ t.step2_help }</p>
            <h3>{ t.measured }</h3>
            <table class="measured" id="measured">
                <tbody>
                { for measured.iter().map(|m| {
                    let w = m.words(t.lang);
                    let ok = m.ok();
                    html! {
                        <tr data-measured={m.id()}><th scope="row">{ w.title }</th><td>{ w.detail }</td><td><span class={classes!("badge", if ok { "pass" } else { "warn" })}>{ if ok { t.pass } else { t.warn } }</span></td></tr>
                    }
                }) }
                </tbody>
            </table>
            <div class="probe">
                <p>{ t.probe }{ ": " }<code>{ &probe_target }</code></p>
                <button type="button" id="probe-button" onclick={on_probe} disabled={p.probe == Step::Loading}>
                    { if p.probe == Step::Loading { t.probing } else { t.probe_button } }
                </button>
            </div>
            // A live region that exists before the probe ends, so its result is announced.
            <div id="probe-result" role="status">
                if !probe_result.is_empty() { <Findings findings={probe_result} {t} /> }
            </div>
            <Findings findings={findings} {t} />
            <h3>{ t.root_title }</h3>
            <FilePicker id="root-drop" label={t.root_drop} button={t.choose_file} limit={1024 * 1024} expected={slc_courier_core::finding::Expected::Root} lang={p.lang} on_file={on_root} />
            if let Some(r) = &p.root {
                <div class="card" id="root-result">
                    <p><strong translate="no">{ &r.name }</strong></p>
                    if let Some(i) = &r.info {
                        <dl>
                            <dt>{ t.subject }</dt><dd id="root-subject" translate="no">{ &i.subject }</dd>
                            <dt>{ t.issuer }</dt><dd id="root-issuer" translate="no">{ &i.issuer }</dd>
                            <dt>{ t.serial }</dt><dd>{ &i.serial }</dd>
                            <dt>{ t.validity }</dt><dd id="root-validity">{ format!("{} → {}", i.not_before, i.not_after) }</dd>
                            if let Some(n) = &i.recognised_as {
                                <dt>{ t.recognised_as }</dt><dd id="root-recognised" translate="no">{ n }</dd>
                            }
                            <dt>{ "SHA-1" }</dt><dd><code id="root-sha1">{ &i.sha1 }</code></dd>
                            <dt>{ "SHA-256" }</dt><dd><code>{ &i.sha256 }</code></dd>
                            <dt>{ t.check_in_store }</dt><dd><code>{ &i.certutil_command }</code>{ " " }<CopyButton text={i.certutil_command.clone()} label={p.lang.copy_command()} lang={p.lang} id="copy-root-certutil" /></dd>
                        </dl>
                    }
                    <Findings findings={r.findings.clone()} {t} />
                </div>
            }
            <h3>{ t.not_measurable }</h3>
            <ul class="checklist" id="manual-checks">
                { for manual_checks(&origin).into_iter().enumerate().map(|(i, c)| {
                    // Only a command is offered as one; the address to add is labelled as such.
                    let label = if c.check == slc_courier_core::trust::Check::AddTrustedSite { p.lang.copy_address() } else { p.lang.copy_command() };
                    let on_tick = p.on_tick.clone();
                    let onchange = Callback::from(move |e: Event| {
                        on_tick.emit((i, e.target_unchecked_into::<HtmlInputElement>().checked()));
                    });
                    let w = c.check.words(t.lang);
                    html! {
                        <li data-check={c.check.id()}>
                            <label><input type="checkbox" data-item={i.to_string()} checked={p.ticked.contains(&i)} {onchange} />{ " " }<strong>{ w.title }</strong></label>
                            <p>{ w.detail }</p>
                            <pre><code>{ &c.command }</code></pre>
                            <CopyButton text={c.command.clone()} {label} lang={p.lang} id={format!("copy-{}", c.check.id())} />
                        </li>
                    }
                }) }
            </ul>
            <p class="help">{ t.checklist_recorded }</p>
        </section>
    }
}
