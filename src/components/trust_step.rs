//! Step 2: trust prerequisites, honestly: measured, inspected, and a checklist.

use crate::components::copy_button::CopyButton;
use crate::components::file_picker::FilePicker;
use crate::components::findings::Findings;
use crate::i18n::Lang;
use crate::services::browser;
use crate::services::choice::Choice;
use crate::state::{RootState, Step};
use slc_courier_core::submit::check_address;
use slc_courier_core::trust::{
    browser_findings, manual_checks, probe_finding, ProbeOutcome, Reads,
};
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
    /// The probe: the address probed and the outcome.
    pub probe: Step<(String, ProbeOutcome)>,
    /// The inspected root certificate.
    pub root: Option<RootState>,
    /// The ticked checklist items.
    pub ticked: BTreeSet<usize>,
    /// The probe started.
    pub on_probe_start: Callback<()>,
    /// The probe ended (the address probed, the outcome).
    pub on_probe_done: Callback<(String, ProbeOutcome)>,
    /// A root certificate was inspected.
    pub on_root: Callback<(Choice, RootState)>,
    /// A checklist item was ticked (index, ticked).
    pub on_tick: Callback<(usize, bool)>,
}

/// The probe's time limit, in seconds.
const PROBE_SECONDS: u32 = 8;

/// Step 2, in two parts: the procedure's prerequisites (checked by hand, with the commands),
/// and this browser (facts, the probe).
#[function_component(TrustStep)]
pub fn trust_step(p: &Props) -> Html {
    let t = p.lang.t();
    let l = p.lang;
    let facts = use_memo((), |_| browser::facts());
    let (measured, env_findings) = browser_findings(&facts);
    // Only a usable address is probed (the same rule as step 3's).
    let target = check_address(&p.probe_target).address;
    let probe_findings: Vec<_> = match (&p.probe, &target) {
        // An outcome is shown only for the address it belongs to.
        (Step::Done((url, o)), Some(a)) if *url == a.url => vec![probe_finding(url, *o)],
        _ => vec![],
    };
    let on_probe = {
        let (start, done) = (p.on_probe_start.clone(), p.on_probe_done.clone());
        let url = target.as_ref().map(|a| a.url.clone());
        Callback::from(move |_| {
            let Some(url) = url.clone() else { return };
            start.emit(());
            let done = done.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = browser::probe(&url, PROBE_SECONDS).await;
                done.emit((url, outcome));
            });
        })
    };
    let on_root = {
        let on_root = p.on_root.clone();
        Callback::from(move |(choice, name, bytes): (Choice, String, Vec<u8>)| {
            on_root.emit((choice, RootState::inspect(name, &bytes, browser::now())));
        })
    };
    let origin = p.origin.to_string();
    let probing = p.probe == Step::Loading;
    html! {
        <section id="step-trust" class="step" aria-labelledby="h-trust">
            <h2 id="h-trust">{ t.step2 }</h2>
            <p class="help">{ l.trust_help() }</p>

            <div id="trust-prerequisites" class="part">
            <h3 id="h-prerequisites">{ l.prereq_title() }</h3>
            <p class="help">{ l.prereq_help() }</p>
            <ul class="checklist" id="manual-checks">
                { for manual_checks(&origin).into_iter().enumerate().map(|(i, c)| {
                    let on_tick = p.on_tick.clone();
                    let onchange = Callback::from(move |e: Event| {
                        on_tick.emit((i, e.target_unchecked_into::<HtmlInputElement>().checked()));
                    });
                    let w = c.check.words(t.lang);
                    html! {
                        <li data-check={c.check.id()}>
                            <label><input type="checkbox" data-item={i.to_string()} checked={p.ticked.contains(&i)} {onchange} />{ " " }<strong>{ w.title }</strong></label>
                            <p>{ w.detail }</p>
                            if let Some(a) = c.address.clone() {
                                <p class="command"><span class="label">{ l.address_to_add() }{ ": " }</span><code translate="no">{ &a }</code>{ " " }
                                    <CopyButton text={a.clone()} label={p.lang.copy_address()} lang={p.lang} id={format!("copy-{}", c.check.id())} /></p>
                            }
                            if !c.commands.is_empty() {
                                <ul class="commands">
                                { for c.commands.iter().enumerate().map(|(n, cmd)| {
                                    let id = match cmd.reads { Reads::Zone(z) => z.id(), Reads::Root(_) => "root" };
                                    let label = cmd.reads.label(t.lang);
                                    let root = matches!(cmd.reads, Reads::Root(_));
                                    html! {
                                        <li data-reads={id}>
                                            <span class="label" translate={root.then_some("no")}>{ label }</span>
                                            <pre><code>{ &cmd.text }</code></pre>
                                            <CopyButton text={cmd.text.clone()} label={p.lang.copy_command()} lang={p.lang} id={if n == 0 { format!("copy-{}", c.check.id()) } else { format!("copy-{}-{n}", c.check.id()) }} />
                                        </li>
                                    }
                                }) }
                                </ul>
                            }
                            if let Some(r) = w.reading { <p class="reading">{ r }</p> }
                        </li>
                    }
                }) }
            </ul>
            <p class="help">{ t.checklist_recorded }</p>
            <h4>{ t.root_title }</h4>
            <FilePicker id="root-drop" label={t.root_drop} button={t.choose_file} expected={slc_courier_core::finding::Expected::Root} lang={p.lang} on_file={on_root} />
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
            </div>

            <div id="trust-browser" class="part">
            <h3 id="h-browser">{ l.browser_title() }</h3>
            <p class="help">{ l.browser_help() }</p>
            <table class="measured" id="measured">
                <tbody>
                { for measured.iter().map(|m| {
                    let w = m.words(t.lang);
                    html! { <tr data-measured={m.id()}><th scope="row">{ w.title }</th><td>{ w.detail }</td></tr> }
                }) }
                </tbody>
            </table>
            if !env_findings.is_empty() {
                <div id="browser-findings"><Findings findings={env_findings} {t} /></div>
            }
            <div class="probe">
                <p>{ t.probe }{ ": " }<code translate="no">{ target.as_ref().map_or_else(|| p.probe_target.to_string(), |a| a.url.clone()) }</code></p>
                if target.is_none() { <p class="status warn" id="probe-not-usable">{ l.probe_not_usable() }</p> }
                <button type="button" id="probe-button" onclick={on_probe} disabled={probing || target.is_none()}>
                    { if probing { t.probing } else { t.probe_button } }
                </button>
            </div>
            <div id="probe-result" role="status">
                if !probe_findings.is_empty() { <Findings findings={probe_findings} {t} /> }
            </div>
            </div>
        </section>
    }
}
