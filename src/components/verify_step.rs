//! Step 4: verify the downloaded chain; the verdict with the new expiration date.

use crate::components::file_picker::FilePicker;
use crate::components::findings::Findings;
use crate::services::browser;
use crate::services::files::{self, ReadError};
use crate::state::{Action, ChainState, Loaded, State, Step};
use slc_courier_core::chain::{verify_chain, ChainReport, Outcome};
use slc_courier_core::policy::TrustAnchor;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The state.
    pub state: UseReducerHandle<State>,
}

/// Step 4.
#[function_component(VerifyStep)]
pub fn verify_step(p: &Props) -> Html {
    let t = p.state.lang.t();
    let on_start = {
        let s = p.state.clone();
        Callback::from(move |_| s.dispatch(Action::ChainLoading))
    };
    let on_file = {
        let s = p.state.clone();
        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            let now = browser::now();
            let report = verify_chain(&bytes, &s.policy(now), s.request_report());
            s.dispatch(Action::ChainChecked(
                ChainState {
                    file: Loaded {
                        name,
                        bytes: Rc::new(bytes),
                    },
                    report: Rc::new(report),
                },
                now,
            ));
        })
    };
    let on_refused = {
        let s = p.state.clone();
        Callback::from(move |_| s.dispatch(Action::ChainIdle))
    };
    let anchor_error = use_state(|| None::<String>);
    let on_anchor = {
        let s = p.state.clone();
        let anchor_error = anchor_error.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|l| l.get(0)) else {
                return;
            };
            input.set_value("");
            let s = s.clone();
            let anchor_error = anchor_error.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match files::read(file, 64 * 1024).await {
                    Ok((name, bytes)) => {
                        match TrustAnchor::from_key_file(&String::from_utf8_lossy(&bytes)) {
                            Ok(a) => {
                                anchor_error.set(None);
                                s.dispatch(Action::SetAnchor(Some((name, a))));
                            }
                            Err(e) => anchor_error.set(Some(format!("{name}: {e}"))),
                        }
                    }
                    Err(ReadError::TooLarge(f)) => anchor_error.set(Some(f.message)),
                    Err(ReadError::Unreadable(e)) => anchor_error.set(Some(e)),
                }
            });
        })
    };
    let on_pinned = {
        let s = p.state.clone();
        Callback::from(move |_| s.dispatch(Action::SetAnchor(None)))
    };
    html! {
        <section id="step-verify" class="step" aria-labelledby="h-verify">
            <h2 id="h-verify">{ t.step4 }</h2>
            <p class="help">{ t.step4_help }</p>
            <div class="anchor" id="anchor">
                { match &p.state.anchor {
                    None => html! { <p>{ t.anchor_pinned }</p> },
                    Some((name, a)) if a.is_microsoft() => html! {
                        <p class="status pass" id="anchor-custom">{ format!("{} {name}", t.anchor_file_is_microsoft) }
                            { " " }<button type="button" class="small" onclick={on_pinned.clone()}>{ t.anchor_reset }</button></p>
                    },
                    Some((name, a)) => html! {
                        <p class="status warn" id="anchor-custom"><span class="badge">{ t.warn }</span>{ " " }{ format!("{} {name} (\"{}\", RSA-{})", t.anchor_custom, a.name, a.key.bits()) }
                            { " " }<button type="button" class="small" onclick={on_pinned}>{ t.anchor_reset }</button></p>
                    },
                } }
                <details>
                    <summary>{ t.anchor_other }</summary>
                    <label for="anchor-input">{ t.anchor_file }</label>{ " " }
                    <input id="anchor-input" type="file" accept=".txt" onchange={on_anchor} />
                    if let Some(e) = &*anchor_error { <p class="status fail" role="alert">{ e }</p> }
                </details>
            </div>
            <FilePicker id="chain-drop" label={t.drop_here} button={t.choose_file} accept=".xml,.bin,text/xml" limit={slc_courier_core::policy::MAX_CERT_BYTES} lang={p.state.lang} {on_start} {on_file} {on_refused} />
            { match &p.state.chain {
                Step::Idle => html! {},
                Step::Loading => html! { <p class="working" role="status">{ t.reading }</p> },
                Step::Done(c) => view(t, c),
            } }
        </section>
    }
}

fn view(t: &'static crate::i18n::T, c: &ChainState) -> Html {
    let r: &ChainReport = &c.report;
    let v = r.verdict();
    let dash = || "—".to_owned();
    let (class, badge, line) = match v.outcome {
        Outcome::AnswersRequest => ("pass", t.pass, t.verdict_valid),
        Outcome::GenuineUnpaired => ("warn", t.warn, t.verdict_unpaired),
        Outcome::NotValid => ("fail", t.fail, t.verdict_invalid),
    };
    html! {
        <div class="result" id="chain-result">
            <dl class="file-facts">
                <dt>{ t.file }</dt><dd id="chain-name">{ &c.file.name }</dd>
                <dt>{ t.size }</dt><dd>{ format!("{} {}", r.size, t.bytes) }</dd>
                <dt>{ t.sha256 }</dt><dd><code id="chain-sha256">{ &r.sha256 }</code></dd>
            </dl>
            <div id="verdict" class={classes!("verdict", class)} data-valid={v.valid.to_string()} data-verdict={v.outcome.id()} role="status">
                <p class="verdict-line"><span class="badge">{ badge }</span>{ " " }{ line }</p>
                if let Some(a) = v.anchor.as_ref().filter(|a| !a.microsoft) {
                    <p class="status warn" id="verdict-test-anchor"><strong>{ t.verdict_test_anchor }</strong>{ format!(" \"{}\" ({})", a.name, a.fingerprint) }</p>
                }
                if let Some(reason) = v.reason {
                    <p id="verdict-reason">{ t.reason }{ ": " }<code>{ reason.id() }</code>{ " — " }{ reason.description() }</p>
                }
                if let Some(e) = v.expires {
                    <p class="expiry">{ t.new_expiry }{ ": " }<strong id="expiry-date">{ e.date() }</strong>
                        { v.days_remaining.map(|d| format!(" ({d} {})", t.days_remaining)).unwrap_or_default() }</p>
                } else if let Some(e) = v.claimed_expires {
                    <p class="claimed"><small>{ t.claimed_expiry }{ ": " }{ e.date() }</small></p>
                }
                <p>{ t.issued_by }{ ": " }<span id="verdict-issuer">{ v.issuer.clone().unwrap_or_else(dash) }</span>
                   { " · " }{ t.principal }{ ": " }<span id="verdict-server">{ v.server.clone().unwrap_or_else(dash) }</span></p>
            </div>
            <Findings findings={r.findings.clone()} {t} />
            if let Some(pr) = &r.pairing {
                <table class="pairing" id="pairing">
                    <caption>{ t.pairing }</caption>
                    <thead><tr><th></th><th scope="col">{ t.in_request }</th><th scope="col">{ t.in_certificate }</th><th></th></tr></thead>
                    <tbody>
                        <tr><th scope="row">{ t.guid }</th><td><code>{ pr.request_guid.clone().unwrap_or_else(dash) }</code></td><td><code>{ &pr.certificate_guid }</code></td><td>{ if pr.guid_matches { t.pass } else { t.fail } }</td></tr>
                        <tr><th scope="row">{ t.fingerprint }</th><td><code>{ pr.request_key.clone().unwrap_or_else(dash) }</code></td><td><code>{ pr.certificate_key.clone().unwrap_or_else(dash) }</code></td><td>{ if pr.key_matches { t.pass } else { t.fail } }</td></tr>
                        <tr><th scope="row">{ t.server }</th><td>{ pr.request_name.clone().unwrap_or_else(dash) }</td><td>{ pr.certificate_name.clone().unwrap_or_else(dash) }</td><td></td></tr>
                        <tr><th scope="row">{ t.cluster_url }</th><td>{ pr.request_url.clone().unwrap_or_else(dash) }</td><td>{ pr.certificate_url.clone().unwrap_or_else(dash) }</td><td></td></tr>
                    </tbody>
                </table>
            }
            if !r.chain.is_empty() {
                <h3>{ t.chain }</h3>
                <ol class="chain" id="chain-list">
                { for r.chain.iter().filter_map(|&i| r.documents.get(i)).map(|d| {
                    let cert = &d.cert;
                    let ok = d.signature.as_ref().is_some_and(|s| s.is_valid());
                    let range = cert.issue_range.and_then(|(_, u)| u).map(|u| u.to_string()).unwrap_or_else(dash);
                    html! {
                        <li class={classes!("cert", if ok { "pass" } else { "fail" })}>
                            <strong>{ cert.kind() }</strong>
                            <span class="badge">{ if ok { t.signature_ok } else { t.signature_bad } }</span>
                            <dl>
                                <dt>{ t.issuer }</dt><dd>{ cert.issuer.object.label() }</dd>
                                <dt>{ t.principal }</dt><dd>{ cert.principal.as_ref().map(|p| p.object.label().to_owned()).unwrap_or_else(dash) }</dd>
                                <dt>{ t.key }</dt><dd>{ cert.principal.as_ref().and_then(|p| p.key_bits).map(|b| format!("RSA-{b}")).unwrap_or_else(dash) }{ d.signature.as_ref().and_then(|s| s.hash).map(|h| format!(" · {h:?}")).unwrap_or_default() }</dd>
                                <dt>{ t.issued }</dt><dd>{ cert.issued.map(|x| x.to_string()).unwrap_or_else(dash) }</dd>
                                <dt>{ t.valid_until }</dt><dd>{ range }</dd>
                            </dl>
                        </li>
                    }
                }) }
                </ol>
            }
        </div>
    }
}
