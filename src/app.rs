//! The page: header, the five steps, footer.

use crate::components::inspect_view::InspectView;
use crate::components::{
    receipt_step::ReceiptStep, request_step::RequestStep, submit_step::SubmitStep,
    trust_step::TrustStep, verify_step::VerifyStep,
};
use crate::i18n::Lang;
use crate::services::{browser, config::Config};
use crate::state::{Action, State};
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
                        Err(e) => (Config::default(), Some(e)),
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
            if local { <p id="local-mode" class="banner" role="note">{ t.local_mode }</p> }
            if let Some(e) = &state.config_error { <p id="config-error" class="banner fail" role="alert">{ e }</p> }
            <nav class="steps" aria-label="Steps">
                <ol>
                    <li><a href="#step-request">{ t.step1 }</a></li>
                    <li><a href="#step-trust">{ t.step2 }</a></li>
                    <li><a href="#step-submit">{ t.step3 }</a></li>
                    <li><a href="#step-verify">{ t.step4 }</a></li>
                    <li><a href="#step-receipt">{ t.step5 }</a></li>
                </ol>
                <p><a id="nav-inspect" href="#inspect">{ crate::components::inspect_view::nav_label(state.lang) }</a></p>
            </nav>
            <main id="main">
                <RequestStep state={state.clone()} />
                <TrustStep state={state.clone()} />
                <SubmitStep state={state.clone()} />
                <VerifyStep state={state.clone()} />
                <ReceiptStep state={state.clone()} />
                <InspectView lang={state.lang} />
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
