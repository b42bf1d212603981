//! Step 2: trust prerequisites, honestly: measured, inspected, and a checklist.

use crate::components::file_picker::FilePicker;
use crate::components::findings::Findings;
use crate::services::browser;
use crate::state::{Action, RootState, State, Step};
use slc_courier_core::trust::{browser_findings, inspect_root, manual_checks, probe_finding};
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The state.
    pub state: UseReducerHandle<State>,
}

/// Step 2.
#[function_component(TrustStep)]
pub fn trust_step(p: &Props) -> Html {
    let t = p.state.lang.t();
    let facts = use_memo((), |_| browser::facts());
    let (measured, mut findings) = browser_findings(&facts);
    // The configured probe address, else the enrollment address as edited in step 3.
    let probe_target = p
        .state
        .config
        .probe_url
        .clone()
        .unwrap_or_else(|| p.state.enrollment_url.clone());
    if let Step::Done(o) = p.state.probe {
        findings.push(probe_finding(&probe_target, o));
    }
    let on_probe = {
        let s = p.state.clone();
        let url = probe_target.clone();
        Callback::from(move |_| {
            s.dispatch(Action::ProbeStarted);
            let s = s.clone();
            let url = url.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let o = browser::probe(&url, 8000).await;
                s.dispatch(Action::ProbeDone(o));
            });
        })
    };
    let on_root = {
        let s = p.state.clone();
        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            let (info, findings) = inspect_root(&bytes, browser::now());
            let st = RootState {
                name,
                info,
                findings,
            };
            s.dispatch(Action::RootInspected(st));
        })
    };
    let origin = p
        .state
        .enrollment_url
        .split('/')
        .take(3)
        .collect::<Vec<_>>()
        .join("/");
    html! {
        <section id="step-trust" class="step" aria-labelledby="h-trust">
            <h2 id="h-trust">{ t.step2 }</h2>
            <p class="help">{ t.step2_help }</p>
            <h3>{ t.measured }</h3>
            <table class="measured" id="measured">
                <tbody>
                { for measured.iter().map(|m| html! {
                    <tr><th scope="row">{ m.label }</th><td>{ &m.value }</td><td><span class={classes!("badge", if m.ok { "pass" } else { "warn" })}>{ if m.ok { t.pass } else { t.warn } }</span></td></tr>
                }) }
                </tbody>
            </table>
            <div class="probe">
                <p>{ t.probe }{ ": " }<code>{ &probe_target }</code></p>
                <button type="button" id="probe-button" onclick={on_probe} disabled={p.state.probe == Step::Loading}>
                    { if p.state.probe == Step::Loading { t.probing } else { t.probe_button } }
                </button>
            </div>
            <Findings findings={findings} {t} />
            <h3>{ "Root certificate" }</h3>
            <FilePicker id="root-drop" label={t.root_drop} button={t.choose_file} accept=".cer,.crt,.pem,.der" limit={1024 * 1024} lang={p.state.lang} on_file={on_root} />
            if let Some(r) = &p.state.root {
                <div class="card" id="root-result">
                    <p><strong>{ &r.name }</strong></p>
                    if let Some(i) = &r.info {
                        <dl>
                            <dt>{ "Subject" }</dt><dd id="root-subject">{ &i.subject }</dd>
                            <dt>{ "Serial" }</dt><dd>{ &i.serial }</dd>
                            <dt>{ "Valid" }</dt><dd id="root-validity">{ format!("{} → {}", i.not_before, i.not_after) }</dd>
                            <dt>{ "SHA-1" }</dt><dd><code id="root-sha1">{ &i.sha1 }</code></dd>
                            <dt>{ "SHA-256" }</dt><dd><code>{ &i.sha256 }</code></dd>
                            <dt>{ "certutil" }</dt><dd><code>{ &i.certutil_command }</code></dd>
                        </dl>
                    }
                    <Findings findings={r.findings.clone()} {t} />
                </div>
            }
            <h3>{ t.not_measurable }</h3>
            <ul class="checklist" id="manual-checks">
                { for manual_checks(&origin).into_iter().map(|c| {
                    let cmd = c.command.clone();
                    let onclick = Callback::from(move |_| browser::copy(&cmd));
                    html! {
                        <li>
                            <label><input type="checkbox" />{ " " }<strong>{ c.what }</strong></label>
                            <p>{ c.how }</p>
                            <pre><code>{ &c.command }</code></pre>
                            <button type="button" class="small" {onclick}>{ t.copy }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
