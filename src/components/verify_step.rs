//! Step 4: verify the downloaded chain; the verdict with the new expiration date.

use crate::components::copy_button::CopyButton;
use crate::components::file_picker::FilePicker;
use crate::components::findings::Findings;
use crate::i18n::Lang;
use crate::services::choice::Choice;
use crate::services::files::{self, ReadError};
use crate::session::{Anchor, Carry, Input};
use slc_courier_core::chain::{ChainReport, Outcome};
use slc_courier_core::policy::TrustAnchor;
use slc_courier_core::report::hash_commands;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props.
#[derive(Properties)]
pub struct Props {
    /// The page language.
    pub lang: Lang,
    /// The loaded chain and its report (checked against the current request and anchor).
    pub chain: Option<(Input, Rc<ChainReport>)>,
    /// The current request's file name.
    pub request_name: Option<AttrValue>,
    /// The anchor loaded from a file, if any.
    pub anchor: Option<Anchor>,
    /// A file (chain or request) is being read: no verdict until it is.
    pub loading: bool,
    /// What to carry back, after a valid verdict.
    pub carry: Option<Carry>,
    /// A file was chosen (reading starts).
    pub on_start: Callback<Choice>,
    /// A file (choice, name, bytes) was read.
    pub on_file: Callback<(Choice, String, Vec<u8>)>,
    /// The file was refused.
    pub on_refused: Callback<Choice>,
    /// Another anchor was chosen (`None`: the pinned Microsoft root), with the choice's number.
    pub on_anchor: Callback<(Choice, Option<Anchor>)>,
}

impl PartialEq for Props {
    fn eq(&self, o: &Self) -> bool {
        let chain = match (&self.chain, &o.chain) {
            (Some((a, r)), Some((b, q))) => a == b && Rc::ptr_eq(r, q),
            (None, None) => true,
            _ => false,
        };
        chain
            && self.lang == o.lang
            && self.request_name == o.request_name
            && self.anchor == o.anchor
            && self.loading == o.loading
            && self.carry == o.carry
            && self.on_start == o.on_start
            && self.on_file == o.on_file
            && self.on_refused == o.on_refused
            && self.on_anchor == o.on_anchor
    }
}

/// Why an anchor file was not taken. Kept typed and worded at render time, so a language
/// switch rewords it.
#[derive(Debug, Clone, PartialEq)]
enum AnchorRefusal {
    /// Over the size budget.
    TooLarge(Box<slc_courier_core::Finding>),
    /// The browser could not read it.
    Unreadable { name: String },
    /// Read, but not a usable key file: the core's typed reason, worded per language.
    Key {
        name: String,
        error: slc_courier_core::policy::AnchorError,
    },
}

impl AnchorRefusal {
    fn words(&self, lang: Lang) -> String {
        match self {
            AnchorRefusal::TooLarge(f) => f.message(lang.core()),
            AnchorRefusal::Unreadable { name } => lang.unreadable(name),
            AnchorRefusal::Key { name, error } => {
                lang.anchor_refused(name, &error.message(lang.core()))
            }
        }
    }
}

/// Step 4.
#[function_component(VerifyStep)]
pub fn verify_step(p: &Props) -> Html {
    let t = p.lang.t();
    let anchor_error = use_state(|| None::<AnchorRefusal>);
    let on_anchor = {
        let on_anchor = p.on_anchor.clone();
        let anchor_error = anchor_error.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|l| l.get(0)) else {
                return;
            };
            input.set_value("");
            let choice = Choice::next();
            let on_anchor = on_anchor.clone();
            let anchor_error = anchor_error.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match files::read(file, slc_courier_core::finding::Expected::Anchor).await {
                    Ok((name, bytes)) => {
                        match TrustAnchor::from_key_file(&String::from_utf8_lossy(&bytes)) {
                            Ok(a) => {
                                anchor_error.set(None);
                                on_anchor.emit((
                                    choice,
                                    Some(Anchor {
                                        file: name,
                                        anchor: a,
                                    }),
                                ));
                            }
                            Err(error) => {
                                anchor_error.set(Some(AnchorRefusal::Key { name, error }))
                            }
                        }
                    }
                    Err(ReadError::TooLarge(f)) => {
                        anchor_error.set(Some(AnchorRefusal::TooLarge(Box::new(f))))
                    }
                    Err(ReadError::Unreadable { name }) => {
                        anchor_error.set(Some(AnchorRefusal::Unreadable { name }))
                    }
                }
            });
        })
    };
    let on_pinned = {
        let on_anchor = p.on_anchor.clone();
        Callback::from(move |_| on_anchor.emit((Choice::next(), None)))
    };
    html! {
        <section id="step-verify" class="step" aria-labelledby="h-verify">
            <h2 id="h-verify">{ t.step4 }</h2>
            <p class="help">{ t.step4_help }</p>
            <div class="anchor" id="anchor">
                { match p.anchor.as_ref().map(|a| (&a.file, &a.anchor)) {
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
                    <p>
                        <label for="anchor-input">{ t.anchor_file }</label>{ " " }
                        // The browser's own button would speak the browser's language: the
                        // page's label is the button, the input is visually hidden (as in
                        // FilePicker).
                        <input id="anchor-input" class="visually-hidden" type="file" accept={crate::components::file_picker::ACCEPT} onchange={on_anchor} />
                        <label class="button small" for="anchor-input" aria-hidden="true">{ t.choose_file }</label>
                    </p>
                    if let Some(e) = &*anchor_error { <p class="status fail" id="anchor-error" role="status">{ e.words(p.lang) }</p> }
                </details>
            </div>
            <FilePicker id="chain-drop" label={t.drop_here} button={t.choose_file} expected={slc_courier_core::finding::Expected::Chain} lang={p.lang} on_start={p.on_start.clone()} on_file={p.on_file.clone()} on_refused={p.on_refused.clone()} />
            if p.loading {
                <p class="working" role="status">{ t.reading }</p>
            } else if let Some((file, report)) = &p.chain {
                { view(p.lang, file, report, p.request_name.as_deref()) }
                if let Some(c) = &p.carry { { next_panel(p.lang, c) } }
            }
        </section>
    }
}

/// "Next, on the RMS server": the file to carry, the procedure's steps 13–16, the hash commands.
fn next_panel(lang: Lang, c: &Carry) -> Html {
    let t = lang.t();
    let [ps, cu] = hash_commands(&c.name);
    html! {
        <div class="card next" id="next-steps">
            <h3>{ t.next_title }</h3>
            <p>{ t.carry_this }{ ": " }<strong id="carry-name" translate="no">{ &c.name }</strong>{ " · SHA-256 " }<code id="carry-sha256">{ &c.sha256 }</code></p>
            if c.enrollment { <p class="note" id="enrollment-steps-note">{ t.enrollment_steps_note }</p> }
            <ol start="13">
                { for t.next_steps.iter().map(|s| html! { <li>{ *s }</li> }) }
            </ol>
            <p>{ t.cluster_shows }{ ": " }<strong>{ &c.expires }</strong></p>
            <p>{ t.check_copy }</p>
            <pre><code id="carry-command">{ format!("{ps}\n{cu}") }</code></pre>
            <p class="actions">
                <CopyButton text={ps} label={format!("{} (PowerShell)", lang.copy_command())} {lang} id="copy-carry-powershell" />
                { " " }
                <CopyButton text={cu} label={format!("{} (certutil)", lang.copy_command())} {lang} id="copy-carry-certutil" />
            </p>
        </div>
    }
}

fn view(lang: Lang, file: &Input, r: &ChainReport, request_name: Option<&str>) -> Html {
    let t = lang.t();
    let v = r.verdict();
    let dash = || "—".to_owned();
    let test = v.anchor_is_test;
    let (class, badge) = match v.outcome {
        Outcome::AnswersRequest => ("pass", t.pass),
        Outcome::GenuineUnpaired => ("warn", t.warn),
        Outcome::NotValid => ("fail", t.fail),
    };
    let headline = match v.outcome {
        Outcome::AnswersRequest => {
            html! { <>{ if test { t.verdict_valid_test } else { t.verdict_valid_ms } }<code>{ request_name.unwrap_or("—") }</code></> }
        }
        Outcome::GenuineUnpaired => html! { { t.verdict_unpaired } },
        Outcome::NotValid => html! { { t.verdict_invalid } },
    };
    let reason = (v.outcome == Outcome::NotValid).then(|| {
        let sentence = v.reason.map_or(t.reason_generic, |c| {
            slc_courier_core::report::words::verdict_reason(c, lang.core())
        });
        html! {
            <p id="verdict-reason" class="reason" data-code={v.reason.map(|c| c.id()).unwrap_or("")}>
                <strong>{ sentence }</strong>
                if let Some(c) = v.reason { { " " }<code>{ c.id() }</code> }
            </p>
        }
    });
    html! {
        <div class="result" id="chain-result">
            <dl class="file-facts">
                <dt>{ t.file }</dt><dd id="chain-name" translate="no">{ &file.name }</dd>
                <dt>{ t.size }</dt><dd>{ format!("{} {}", r.size, t.bytes) }</dd>
                <dt>{ t.sha256 }</dt><dd><code id="chain-sha256">{ &r.sha256 }</code></dd>
            </dl>
            <div id="verdict" class={classes!("verdict", class)} data-valid={v.valid.to_string()} data-verdict={v.outcome.id()} role="status">
                <p class="verdict-line" id="verdict-headline"><span class="badge">{ badge }</span>{ " " }{ headline }</p>
                { reason.unwrap_or_default() }
                if let Some(e) = v.expires {
                    <p class="expiry">{ t.new_expiry }{ ": " }<strong id="expiry-date">{ e.date() }</strong>
                        { v.days_remaining.map(|d| format!(" ({d} {})", t.days_remaining)).unwrap_or_default() }</p>
                } else if let Some(e) = v.claimed_expires {
                    <p class="claimed" id="claimed-expiry"><small>{ t.claimed_expiry }{ ": " }{ e.date() }</small></p>
                }
                if let Some(a) = v.anchor.as_ref().filter(|a| !a.microsoft) {
                    <p class="status warn" id="verdict-test-anchor"><strong>{ t.verdict_test_anchor }</strong>{ " " }<code>{ &a.fingerprint }</code></p>
                }
            </div>
            // Only when a certificate named someone (not for a request or random bytes dropped here).
            if v.issuer.is_some() || v.server.is_some() {
                <p class="verdict-facts"><small>{ t.named_in_cert }{ ": " }{ t.issued_by }{ " " }<span id="verdict-issuer" translate="no">{ v.issuer.clone().unwrap_or_else(dash) }</span>
                   { " · " }{ t.principal }{ " " }<span id="verdict-server" translate="no">{ v.server.clone().unwrap_or_else(dash) }</span></small></p>
            }
            <Findings findings={r.findings.clone()} {t} />
            if let Some(pr) = &r.pairing {
                // On a phone the rows stack (styles/app.css), each cell labelled with its column.
                <table class="pairing" id="pairing">
                    <caption>{ t.pairing }</caption>
                    <thead><tr><td></td><th scope="col">{ t.in_request }</th><th scope="col">{ t.in_certificate }</th><th scope="col">{ lang.match_column() }</th></tr></thead>
                    <tbody>
                        <tr><th scope="row">{ t.guid }</th><td data-label={t.in_request}><code>{ pr.request_guid.clone().unwrap_or_else(dash) }</code></td><td data-label={t.in_certificate}><code>{ &pr.certificate_guid }</code></td><td data-label={lang.match_column()}>{ if pr.request_has_errors { "—" } else if pr.guid_matches { t.pass } else { t.fail } }</td></tr>
                        <tr><th scope="row">{ t.fingerprint }</th><td data-label={t.in_request}><code>{ pr.request_key.clone().unwrap_or_else(dash) }</code></td><td data-label={t.in_certificate}><code>{ pr.certificate_key.clone().unwrap_or_else(dash) }</code></td><td data-label={lang.match_column()}>{ if pr.request_has_errors { "—" } else if pr.key_matches { t.pass } else { t.fail } }</td></tr>
                        <tr><th scope="row">{ t.server }</th><td translate="no" data-label={t.in_request}>{ pr.request_name.clone().unwrap_or_else(dash) }</td><td translate="no" data-label={t.in_certificate}>{ pr.certificate_name.clone().unwrap_or_else(dash) }</td><td></td></tr>
                        <tr><th scope="row">{ t.cluster_url }</th><td translate="no" data-label={t.in_request}>{ pr.request_url.clone().unwrap_or_else(dash) }</td><td translate="no" data-label={t.in_certificate}>{ pr.certificate_url.clone().unwrap_or_else(dash) }</td><td></td></tr>
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
                        // Numbered as the findings number documents: by their place in the file.
                        <li value={(cert.index + 1).to_string()} class={classes!("cert", if ok { "pass" } else { "fail" })}>
                            <strong translate="no">{ cert.kind() }</strong>
                            <span class="badge">{ if ok { t.signature_ok } else { t.signature_bad } }</span>
                            <dl>
                                <dt>{ t.issuer }</dt><dd translate="no">{ cert.issuer.object.label() }</dd>
                                <dt>{ t.principal }</dt><dd translate="no">{ cert.principal.as_ref().map(|p| p.object.label().to_owned()).unwrap_or_else(dash) }</dd>
                                <dt>{ t.holder_key }</dt><dd>{ cert.principal.as_ref().and_then(|p| p.key_bits).map(|b| format!("RSA-{b}")).unwrap_or_else(dash) }{ d.signature.as_ref().and_then(|s| s.hash).map(|h| format!(" · {}", h.name())).unwrap_or_default() }</dd>
                                <dt>{ t.issued }</dt><dd>{ cert.issued.map(|x| x.to_string()).unwrap_or_else(dash) }</dd>
                                <dt>{ t.valid_until }</dt><dd>{ range }</dd>
                                <dt>{ t.number_in_file }</dt><dd>{ cert.index + 1 }</dd>
                            </dl>
                        </li>
                    }
                }) }
                </ol>
            }
            if r.documents.iter().any(|d| !r.chain.contains(&d.cert.index)) {
                <h3>{ t.off_chain }</h3>
                <ol class="off-chain" id="off-chain-list">
                { for r.documents.iter().filter(|d| !r.chain.contains(&d.cert.index)).map(|d| {
                    let ok = d.signature.as_ref().is_some_and(|s| s.is_valid());
                    html! {
                        <li value={(d.cert.index + 1).to_string()}>
                            <strong translate="no">{ d.cert.kind() }</strong>
                            <span class={classes!("badge", if ok { "pass" } else { "fail" })}>{ if ok { t.signature_ok } else { t.signature_bad } }</span>
                        </li>
                    }
                }) }
                </ol>
            }
        </div>
    }
}
