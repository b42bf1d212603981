//! Files dropped anywhere on the page, or several at once: each goes to the step it belongs to
//! by its content ([`slc_courier_core::route::classify`]), or is refused with a reason.
//!
//! The page itself never takes a file: `dragover` and `drop` carrying files are cancelled at
//! the document, because Chromium and Edge otherwise open the dropped file in place of the page
//! (and everything loaded is lost). A drop zone takes a single file dropped on it itself (the
//! step then diagnoses whatever it was given); the inspect view's zone takes many.

use crate::i18n::Lang;
use crate::services::choice::Choice;
use crate::services::files::{self, ReadError};
use slc_courier_core::finding::Expected;
use slc_courier_core::route::{classify, Destination, Unknown};
use slc_courier_core::Finding;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, Element};
use yew::prelude::*;

/// A step a file can be sent to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum To {
    /// Step 1.
    Request,
    /// Step 4.
    Chain,
    /// Step 2's root certificate check.
    Root,
}

impl To {
    fn section(self) -> &'static str {
        match self {
            To::Request => "step-request",
            To::Chain => "step-verify",
            To::Root => "step-trust",
        }
    }
}

/// What happened to one dropped file (worded at render time, so a language switch rewords it).
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Loaded into a step.
    Sent(To),
    /// Not loaded: another file dropped with it is for the same step.
    Twice(To),
    /// Not loaded: no step reads it.
    Refused(Unknown),
    /// Not read: larger than any step reads.
    TooLarge(Finding),
    /// The browser could not read it.
    Unreadable,
}

/// One dropped file and what happened to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The file's name.
    pub name: String,
    /// What happened.
    pub outcome: Outcome,
}

/// Decides, for files already read and classified, which are sent where: two files for the
/// same step are both refused (either could be the one meant).
pub fn decide(files: Vec<(String, Result<Destination, Outcome>)>) -> Vec<Notice> {
    let to = |d: &Result<Destination, Outcome>| match d {
        Ok(Destination::Request) => Some(To::Request),
        Ok(Destination::Chain) => Some(To::Chain),
        Ok(Destination::RootCertificate) => Some(To::Root),
        _ => None,
    };
    let count = |t: To| files.iter().filter(|(_, d)| to(d) == Some(t)).count();
    let counts = [To::Request, To::Chain, To::Root].map(|t| (t, count(t)));
    files
        .iter()
        .map(|(name, d)| {
            let outcome = match (to(d), d) {
                (Some(t), _) if counts.iter().any(|&(c, n)| c == t && n > 1) => Outcome::Twice(t),
                (Some(t), _) => Outcome::Sent(t),
                (None, Ok(Destination::Unknown(u))) => Outcome::Refused(u.clone()),
                (None, Err(o)) => o.clone(),
                // `to` is `Some` for every other destination.
                (None, Ok(_)) => Outcome::Unreadable,
            };
            Notice {
                name: name.clone(),
                outcome,
            }
        })
        .collect()
}

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The page language.
    pub lang: Lang,
    /// A request to load in step 1 (the drop's choice, name, bytes).
    pub on_request: Callback<(Choice, String, Vec<u8>)>,
    /// A chain to load in step 4 (the drop's choice, name, bytes).
    pub on_chain: Callback<(Choice, String, Vec<u8>)>,
    /// A root certificate to inspect in step 2 (name, bytes).
    pub on_root: Callback<(Choice, String, Vec<u8>)>,
}

/// The page-wide drop handler and its notices (a live region).
#[function_component(DropRouter)]
pub fn drop_router(p: &Props) -> Html {
    let notices = use_state(Vec::<Notice>::new);
    let dragging = use_state_eq(|| false);
    {
        let notices = notices.clone();
        let dragging = dragging.clone();
        let targets = (p.on_request.clone(), p.on_chain.clone(), p.on_root.clone());
        use_effect_with((), move |_| {
            let listeners = listen(notices, dragging, targets);
            move || {
                if let Some(doc) = document() {
                    for (name, f) in &listeners {
                        let _ = doc
                            .remove_event_listener_with_callback(name, f.as_ref().unchecked_ref());
                    }
                }
                drop(listeners);
            }
        });
    }
    let on_dismiss = {
        let notices = notices.clone();
        Callback::from(move |_: MouseEvent| notices.set(vec![]))
    };
    let lang = p.lang;
    html! {
        <div id="drop-notices" class={classes!("drop-notices", (!notices.is_empty() || *dragging).then_some("shown"))}>
            <div role="status">
                if *dragging && notices.is_empty() {
                    <p class="drop-hint">{ lang.drop_anywhere() }</p>
                }
                if !notices.is_empty() {
                    <ul>
                    { for notices.iter().map(|n| {
                        let class = if matches!(n.outcome, Outcome::Sent(_)) { "pass" } else { "fail" };
                        html! { <li class={classes!("status", class)} data-outcome={outcome_id(&n.outcome)}>{ lang.dropped(&n.name, &n.outcome) }</li> }
                    }) }
                    </ul>
                }
            </div>
            if !notices.is_empty() {
                <button type="button" class="small" id="drop-notices-dismiss" onclick={on_dismiss}>{ lang.dismiss() }</button>
            }
        </div>
    }
}

fn outcome_id(o: &Outcome) -> &'static str {
    match o {
        Outcome::Sent(To::Request) => "request",
        Outcome::Sent(To::Chain) => "chain",
        Outcome::Sent(To::Root) => "root",
        Outcome::Twice(_) => "twice",
        Outcome::Refused(_) => "refused",
        Outcome::TooLarge(_) => "too-large",
        Outcome::Unreadable => "unreadable",
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

type Listener = (&'static str, Closure<dyn FnMut(DragEvent)>);

/// Where a step takes a file (the drop's choice, name, bytes).
type Target = Callback<(Choice, String, Vec<u8>)>;

/// True when the drag carries files (text dragged within the page is left alone).
fn carries_files(e: &DragEvent) -> bool {
    e.data_transfer().is_some_and(|d| {
        d.types()
            .iter()
            .any(|t| t.as_string().as_deref() == Some("Files"))
    })
}

/// Registers the document's drag listeners; returns them for removal.
fn listen(
    notices: UseStateHandle<Vec<Notice>>,
    dragging: UseStateHandle<bool>,
    targets: (Target, Target, Target),
) -> Vec<Listener> {
    let Some(doc) = document() else {
        return vec![];
    };
    let dragging_for_over = dragging.clone();
    let leave = {
        let dragging = dragging.clone();
        Closure::<dyn FnMut(DragEvent)>::new(move |e: DragEvent| {
            // Leaving the window (not just one element of the page).
            let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
            let inside = web_sys::window().is_some_and(|w| {
                let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64());
                let (width, height) = (size(w.inner_width()), size(w.inner_height()));
                x > 0.0 && y > 0.0 && width.is_some_and(|v| x < v) && height.is_some_and(|v| y < v)
            });
            if e.related_target().is_none() && !inside {
                dragging.set(false);
            }
        })
    };
    let on_drop = Closure::<dyn FnMut(DragEvent)>::new(move |e: DragEvent| {
        if !carries_files(&e) {
            return;
        }
        e.prevent_default();
        dragging.set(false);
        let Some(list) = e.data_transfer().and_then(|d| d.files()) else {
            return;
        };
        let all: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        // A zone takes one file dropped on it (the inspect view's zone takes any number).
        if let Some(z) = zone(&e) {
            if z.has_attribute("data-multiple") || all.len() == 1 {
                return;
            }
        }
        if all.is_empty() {
            return;
        }
        let notices = notices.clone();
        let (on_request, on_chain, on_root) = targets.clone();
        // Numbered when dropped: a file chosen after this drop wins over it.
        let choice = Choice::next();
        wasm_bindgen_futures::spawn_local(async move {
            let mut read = vec![];
            let mut named = vec![];
            for f in all {
                let name = f.name();
                let r = match files::read(f, Expected::Chain).await {
                    Ok((_, bytes)) => {
                        let d = classify(&bytes);
                        read.push(Some(bytes));
                        Ok(d)
                    }
                    Err(ReadError::TooLarge(f)) => {
                        read.push(None);
                        Err(Outcome::TooLarge(f))
                    }
                    Err(ReadError::Unreadable { .. }) => {
                        read.push(None);
                        Err(Outcome::Unreadable)
                    }
                };
                named.push((name, r));
            }
            let decided = decide(named);
            files::yield_to_browser().await;
            let mut sent = vec![];
            for (n, bytes) in decided.iter().zip(read) {
                if let (Outcome::Sent(to), Some(bytes)) = (&n.outcome, bytes) {
                    match to {
                        To::Request => on_request.emit((choice, n.name.clone(), bytes)),
                        To::Chain => on_chain.emit((choice, n.name.clone(), bytes)),
                        To::Root => on_root.emit((choice, n.name.clone(), bytes)),
                    }
                    sent.push(*to);
                }
            }
            if let ([to], Some(doc)) = (sent.as_slice(), document()) {
                if let Some(el) = doc.get_element_by_id(to.section()) {
                    el.scroll_into_view();
                }
            }
            notices.set(decided);
        });
    });
    let listeners: Vec<Listener> = vec![
        ("dragenter", over(dragging_for_over.clone())),
        ("dragover", over(dragging_for_over)),
        ("dragleave", leave),
        ("drop", on_drop),
    ];
    for (name, f) in &listeners {
        let _ = doc.add_event_listener_with_callback(name, f.as_ref().unchecked_ref());
    }
    listeners
}

/// `dragenter` and `dragover`: cancelled when files are dragged (so a drop cannot open them in
/// place of the page); outside a drop zone, the page says that files may be dropped anywhere.
fn over(dragging: UseStateHandle<bool>) -> Closure<dyn FnMut(DragEvent)> {
    Closure::<dyn FnMut(DragEvent)>::new(move |e: DragEvent| {
        if carries_files(&e) {
            e.prevent_default();
            if let Some(d) = e.data_transfer() {
                d.set_drop_effect("copy");
            }
            dragging.set(zone(&e).is_none());
        }
    })
}

/// The drop zone the event is over, if any.
fn zone(e: &DragEvent) -> Option<Element> {
    e.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest(".drop").ok().flatten())
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use slc_courier_core::request::FileKind;

    fn outcomes(files: Vec<(&str, Result<Destination, Outcome>)>) -> Vec<Outcome> {
        decide(files.into_iter().map(|(n, d)| (n.to_owned(), d)).collect())
            .into_iter()
            .map(|n| n.outcome)
            .collect()
    }

    #[test]
    fn each_step_takes_one_file_and_two_for_one_step_are_both_refused() {
        use Destination as D;
        assert_eq!(
            outcomes(vec![
                ("c.xml", Ok(D::Chain)),
                ("r.xml", Ok(D::Request)),
                ("root.cer", Ok(D::RootCertificate)),
                ("a.png", Ok(D::Unknown(Unknown::Binary(FileKind::Png)))),
                ("gone.xml", Err(Outcome::Unreadable)),
            ]),
            vec![
                Outcome::Sent(To::Chain),
                Outcome::Sent(To::Request),
                Outcome::Sent(To::Root),
                Outcome::Refused(Unknown::Binary(FileKind::Png)),
                Outcome::Unreadable,
            ]
        );
        assert_eq!(
            outcomes(vec![
                ("r1.xml", Ok(D::Request)),
                ("c.xml", Ok(D::Chain)),
                ("r2.xml", Ok(D::Request)),
            ]),
            vec![
                Outcome::Twice(To::Request),
                Outcome::Sent(To::Chain),
                Outcome::Twice(To::Request),
            ]
        );
    }
}
