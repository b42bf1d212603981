//! A drop zone with its file-input twin (keyboard and screen-reader users use the button).

use crate::components::findings::Findings;
use crate::i18n::Lang;
use crate::services::choice::Choice;
use crate::services::files::{self, ReadError};
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

/// What every picker offers first: each kind of file the tool can read or diagnose (the
/// request, its browser view saved as .htm or copied into .txt, XrML chains in .xml or .bin,
/// certificates and key files). The dialog's "All files" still shows everything else, which the
/// steps diagnose too.
pub const ACCEPT: &str =
    ".xml,.htm,.html,.txt,.cer,.crt,.pem,.der,.bin,text/xml,text/html,text/plain";

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// A unique id (for the label and tests).
    pub id: AttrValue,
    /// What to drop.
    pub label: AttrValue,
    /// The button text.
    pub button: AttrValue,
    /// The page language (for the refusal message).
    pub lang: Lang,
    /// Called when a file was chosen, with the choice's number, before it is read.
    #[prop_or_default]
    pub on_start: Callback<Choice>,
    /// What the step expects: it sets the size budget (the core's
    /// [`slc_courier_core::policy::budget`]) and is said when a file is refused.
    pub expected: slc_courier_core::finding::Expected,
    /// Called with (choice, name, bytes) once read, after the browser has painted the working
    /// state — unless another file was chosen here since.
    pub on_file: Callback<(Choice, String, Vec<u8>)>,
    /// Called when a file was refused or could not be read (the picker shows why).
    #[prop_or_default]
    pub on_refused: Callback<Choice>,
}

/// The drop zone.
#[function_component(FilePicker)]
pub fn file_picker(p: &Props) -> Html {
    let over = use_state(|| false);
    let error = use_state(|| None::<ReadError>);
    // The latest choice here: a read that ends after a later choice changes nothing.
    let latest = use_mut_ref(Choice::default);
    let take = {
        let latest = latest.clone();
        let on_file = p.on_file.clone();
        let on_start = p.on_start.clone();
        let on_refused = p.on_refused.clone();
        let error = error.clone();
        let expected = p.expected;
        move |list: Option<web_sys::FileList>| {
            // Several files at once are routed by content at the document (DropRouter).
            if let Some(file) = list.filter(|l| l.length() == 1).and_then(|l| l.get(0)) {
                let choice = Choice::next();
                *latest.borrow_mut() = choice;
                on_start.emit(choice);
                let (on_file, on_refused, error, latest) = (
                    on_file.clone(),
                    on_refused.clone(),
                    error.clone(),
                    latest.clone(),
                );
                wasm_bindgen_futures::spawn_local(async move {
                    let read = files::read(file, expected).await;
                    if *latest.borrow() != choice {
                        return;
                    }
                    match read {
                        Ok((name, bytes)) => {
                            error.set(None);
                            files::yield_to_browser().await;
                            on_file.emit((choice, name, bytes));
                        }
                        Err(e) => {
                            error.set(Some(e));
                            on_refused.emit(choice);
                        }
                    }
                });
            }
        }
    };
    let ondrop = {
        let take = take.clone();
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            take(e.data_transfer().and_then(|d| d.files()));
        })
    };
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let onchange = Callback::from(move |e: Event| {
        if let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        {
            take(input.files());
            input.set_value("");
        }
    });
    let input_id = format!("{}-input", p.id);
    let t = p.lang.t();
    html! {
        <>
            <div id={p.id.clone()} class={classes!("drop", over.then_some("over"))} {ondrop} {ondragover} {ondragleave}>
                <p>{ &p.label }</p>
                <label class="button" for={input_id.clone()}>{ &p.button }</label>
                <input id={input_id} class="visually-hidden" type="file" accept={ACCEPT} {onchange} />
            </div>
            { match &*error {
                Some(ReadError::TooLarge(f)) => html! { <div id={format!("{}-refused", p.id)} role="status"><Findings findings={vec![f.clone()]} {t} /></div> },
                Some(ReadError::Unreadable { name }) => html! { <p id={format!("{}-unreadable", p.id)} class="status fail" role="status"><span class="badge">{ t.fail }</span>{ " " }{ p.lang.unreadable(name) }</p> },
                None => html! {},
            } }
        </>
    }
}
