//! The page: header, the five steps, footer.

use crate::components::drop_router::DropRouter;
use crate::components::inspect_view::InspectView;
use crate::components::{
    receipt_step::{tool_info, ReceiptStep},
    request_step::RequestStep,
    submit_step::SubmitStep,
    trust_step::TrustStep,
    verify_step::VerifyStep,
};
use crate::i18n::Lang;
use crate::services::choice::Choice;
use crate::services::{browser, config::Config};
use crate::session::Mark;
use crate::state::{Action, RootState, State};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

fn initial_lang() -> Lang {
    Lang::from_tag(&browser::stored_lang().unwrap_or_else(browser::browser_lang))
}

/// The app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State::new(initial_lang()));
    {
        let s = state.clone();
        use_effect_with((), move |_| {
            if !browser::is_local_file() {
                wasm_bindgen_futures::spawn_local(async move {
                    let (config, err) = match browser::fetch_text("config.json").await {
                        Ok(Some(text)) => match Config::parse(&text) {
                            Ok(c) => (c, None),
                            Err(e) => (Config::default(), Some(e)),
                        },
                        Ok(None) => (Config::default(), None),
                        Err(e) => (Config::default(), Some(e.into())),
                    };
                    if browser::stored_lang().is_none() {
                        if let Some(l) = &config.default_language {
                            s.dispatch(Action::SetLang(Lang::from_tag(l)));
                        }
                    }
                    s.dispatch(Action::Configured(config, err));
                    // The published single file's hash, so a USB copy can be compared.
                    if let Ok(Some(text)) = browser::fetch_text("slc-courier.html.sha256").await {
                        if let Some(h) = text.split_whitespace().next().filter(|h| h.len() == 64) {
                            s.dispatch(Action::SingleFileHash(h.to_owned()));
                        }
                    }
                });
            }
        });
    }
    {
        let tag = state.lang.tag();
        use_effect_with(tag, move |tag| browser::set_document_lang(tag));
    }
    let t = state.lang.t();
    let on_lang = {
        let s = state.clone();
        Callback::from(move |e: Event| {
            let l = Lang::from_tag(&e.target_unchecked_into::<HtmlSelectElement>().value());
            browser::store_lang(l.tag());
            s.dispatch(Action::SetLang(l));
        })
    };
    let local = browser::is_local_file();
    let dispatch = {
        let s = state.clone();
        Callback::from(move |a: Action| s.dispatch(a))
    };
    let session = &state.session;
    let request = session
        .request()
        .cloned()
        .zip(session.request_report().cloned());
    let chain = session
        .chain()
        .cloned()
        .zip(session.chain_report().cloned());
    let stem = session
        .request()
        .map(|r| r.name.trim_end_matches(".xml").to_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "slc".to_owned());
    // Pasted text has no file name; the page says what it is instead.
    let shown_name = |n: &str| {
        AttrValue::from(if n.is_empty() {
            state.lang.pasted_text().to_owned()
        } else {
            n.to_owned()
        })
    };
    let download = |html: bool| {
        let s = state.clone();
        let lang = state.lang.core();
        let stem = stem.clone();
        Callback::from(move |_: ()| {
            if let Some(r) = s
                .session
                .receipt(tool_info(s.single_file_sha256.clone()), lang)
            {
                let _ = if html {
                    browser::download(
                        &format!("{stem}-receipt.html"),
                        "text/html",
                        r.to_html(lang).as_bytes(),
                    )
                } else {
                    browser::download(
                        &format!("{stem}-receipt.json"),
                        "application/json",
                        r.to_json(lang).as_bytes(),
                    )
                };
            }
        })
    };
    let marks = session.marks();
    let steps = [
        ("#step-request", "nav-request", t.step1),
        ("#step-trust", "nav-trust", t.step2),
        ("#step-submit", "nav-submit", t.step3),
        ("#step-verify", "nav-verify", t.step4),
        ("#step-receipt", "nav-receipt", t.step5),
    ];
    let probe_target = state
        .config
        .probe_url
        .clone()
        .unwrap_or_else(|| state.enrollment_url.clone());
    let origin = state
        .enrollment_url
        .split('/')
        .take(3)
        .collect::<Vec<_>>()
        .join("/");
    html! {
        <>
            <header class="top">
                <div>
                    <h1>{ "SLC Courier" }</h1>
                    <p class="tagline">{ t.tagline }</p>
                </div>
                <div class="lang">
                    <label for="lang">{ t.language }</label>
                    <select id="lang" onchange={on_lang}>
                        <option value="en" selected={state.lang == Lang::En}>{ "English" }</option>
                        <option value="nl" selected={state.lang == Lang::Nl}>{ "Nederlands" }</option>
                    </select>
                </div>
            </header>
            if local || state.config_error.is_some() {
                // Inside a landmark, so that nothing on the page is outside one.
                <aside class="notices" aria-label={state.lang.notices_label()}>
                    if local { <p id="local-mode" class="banner" role="note">{ t.local_mode }</p> }
                    if let Some(e) = &state.config_error { <p id="config-error" class="banner fail" role="alert">{ state.lang.config_error(e) }</p> }
                </aside>
            }
            <nav class="steps" aria-label={t.steps_nav}>
                <ol>
                    { for steps.iter().zip(marks).map(|((href, id, label), m)| {
                        let word = match m { Mark::Done => t.mark_done, Mark::Problem => t.mark_problem, Mark::Open => t.mark_open };
                        html! {
                            <li><a href={*href} id={*id} data-mark={m.id()}>
                                <span class={classes!("mark", m.id())} aria-hidden="true">{ m.symbol() }</span>{ " " }{ *label }
                                <span class="visually-hidden">{ format!(" ({word})") }</span>
                            </a></li>
                        }
                    }) }
                </ol>
                <p><a id="nav-inspect" href="#inspect">{ crate::components::inspect_view::nav_label(state.lang) }</a></p>
                <button type="button" id="start-over" class="small" onclick={dispatch.reform(|_: MouseEvent| Action::StartOver(Choice::next()))}>{ t.start_over }</button>
            </nav>
            <main id="main" key={state.generation.to_string()}>
                <DropRouter lang={state.lang}
                    on_request={dispatch.reform(|(c, n, b): (Choice, String, Vec<u8>)| Action::RequestLoaded(c, n, b, browser::now()))}
                    on_chain={dispatch.reform(|(c, n, b): (Choice, String, Vec<u8>)| Action::ChainLoaded(c, n, b, browser::now()))}
                    on_root={dispatch.reform(|(c, name, bytes): (Choice, String, Vec<u8>)| Action::RootInspected(c, RootState::inspect(name, &bytes, browser::now())))} />
                <RequestStep lang={state.lang} request={request.clone()} loading={state.request_loading}
                    on_start={dispatch.reform(Action::RequestLoading)}
                    on_file={dispatch.reform(|(c, n, b): (Choice, String, Vec<u8>)| Action::RequestLoaded(c, n, b, browser::now()))}
                    on_paste={dispatch.reform(|b: Vec<u8>| Action::RequestPasted(Choice::next(), b, browser::now()))}
                    on_paste_edit={dispatch.reform(|()| Action::PasteEdited)} paste_edited={state.paste_edited}
                    on_refused={dispatch.reform(Action::RequestRefused)} />
                <TrustStep lang={state.lang} probe_target={probe_target} origin={origin} probe={state.probe.clone()}
                    root={state.root.clone()} ticked={session.ticked().clone()}
                    on_probe_start={dispatch.reform(|_| Action::ProbeStarted)}
                    on_probe_done={dispatch.reform(|(u, o)| Action::ProbeDone(u, o))}
                    on_root={dispatch.reform(|(c, r)| Action::RootInspected(c, r))}
                    on_tick={dispatch.reform(|(i, on)| Action::Tick(i, on))} />
                <SubmitStep lang={state.lang} url={state.enrollment_url.clone()} default_url={state.config.enrollment_url.clone()} form_field={state.config.form_field.clone()}
                    request={request} on_url={dispatch.reform(Action::SetEnrollmentUrl)} />
                <VerifyStep lang={state.lang} chain={chain} loading={state.chain_loading || state.request_loading}
                    request_name={session.request().map(|r| shown_name(&r.name))}
                    anchor={session.anchor().cloned()} carry={session.carry()}
                    on_start={dispatch.reform(Action::ChainLoading)}
                    on_file={dispatch.reform(|(c, n, b): (Choice, String, Vec<u8>)| Action::ChainLoaded(c, n, b, browser::now()))}
                    on_refused={dispatch.reform(Action::ChainRefused)}
                    on_anchor={dispatch.reform(|(c, a)| Action::SetAnchor(c, a, browser::now()))} />
                <ReceiptStep lang={state.lang}
                    files={session.files().into_iter().map(|(n, h)| (shown_name(n), AttrValue::from(h.to_owned()))).collect::<Vec<_>>()}
                    has_request={session.request().is_some()}
                    far_side_text={session.far_side_text().to_owned()} far_side={session.far_side()}
                    on_far_side={dispatch.reform(Action::SetFarSide)}
                    on_json={download(false)} on_html={download(true)} />
                <InspectView lang={state.lang} threshold={state.config.inspect_threshold_days} />
            </main>
            <footer>
                <p>{ t.build }{ ": " }<code id="build-id">{ browser::BUILD_ID.unwrap_or("dev") }</code>
                   { format!(" · slc-courier {}", env!("CARGO_PKG_VERSION")) }</p>
                if let Some(h) = &state.single_file_sha256 {
                    <p>{ t.single_file_hash }{ ": " }<code id="single-file-sha256">{ h }</code>
                       { " (slc-courier.html)" }</p>
                }
            </footer>
        </>
    }
}
