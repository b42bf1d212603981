//! The app's state and its reducer. Components call callbacks that dispatch [`Action`]s; the
//! reducer hands every input to the [`Session`], which derives every result (the core decides).

use crate::i18n::Lang;
use crate::services::choice::Choice;
use crate::services::config::{Config, ConfigError};
use crate::session::{Anchor, Session};
use slc_courier_core::trust::{ProbeOutcome, RootInfo};
use slc_courier_core::{Finding, UtcTime};
use std::rc::Rc;
use yew::Reducible;

/// An async step.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Step<T> {
    /// Nothing yet.
    #[default]
    Idle,
    /// Reading or checking.
    Loading,
    /// Done.
    Done(T),
}

/// The root certificate the user inspected in step 2.
#[derive(Debug, Clone, PartialEq)]
pub struct RootState {
    /// The file name.
    pub name: String,
    /// What was read.
    pub info: Option<RootInfo>,
    /// Findings.
    pub findings: Vec<Finding>,
}

impl RootState {
    /// Inspects the certificate `bytes` (from the file `name`) at `now`.
    pub fn inspect(name: String, bytes: &[u8], now: UtcTime) -> RootState {
        let (info, findings) = slc_courier_core::trust::inspect_root(bytes, now);
        RootState {
            name,
            info,
            findings,
        }
    }
}

/// The whole page state.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// UI language.
    pub lang: Lang,
    /// Deploy-time configuration.
    pub config: Config,
    /// A configuration problem to show.
    pub config_error: Option<ConfigError>,
    /// The inputs and everything derived from them.
    pub session: Session,
    /// Step 1 is reading a file (the previous request is already gone).
    pub request_loading: bool,
    /// Step 4 is reading a file (the previous chain is already gone).
    pub chain_loading: bool,
    /// The request checked from the paste box was dropped because the box was edited since.
    pub paste_edited: bool,
    /// Step 2: inspected root.
    pub root: Option<RootState>,
    /// Step 2: probe, with the address it probed (shown only while that is still the address).
    pub probe: Step<(String, ProbeOutcome)>,
    /// Step 3: the enrollment address (editable).
    pub enrollment_url: String,
    /// The published single file's SHA-256 (hosted mode).
    pub single_file_sha256: Option<String>,
    /// Counts "Start over"s: the page's components are keyed by it, so their own state goes too.
    pub generation: u32,
    /// The latest choice of a request, of a chain and of an anchor, and the latest "Start
    /// over": a result whose choice came before any of its input's or before "Start over" is
    /// dropped ([`Choice`]).
    pub chosen: Chosen,
}

/// The latest choices ([`State::chosen`]).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Chosen {
    /// The request's (file or paste).
    pub request: Choice,
    /// The chain's.
    pub chain: Choice,
    /// The anchor's.
    pub anchor: Choice,
    /// Step 2's root certificate's.
    pub root: Choice,
    /// "Start over".
    pub start_over: Choice,
}

impl Chosen {
    /// Whether a result of choice `c` for the input last chosen at `latest` still counts:
    /// nothing was chosen for it since, and the page was not started over since.
    fn current(&self, latest: Choice, c: Choice) -> bool {
        c > self.start_over && c >= latest
    }
}

/// What can happen.
pub enum Action {
    /// Switch language.
    SetLang(Lang),
    /// Configuration loaded (or failed with a message).
    Configured(Config, Option<ConfigError>),
    /// Step 1 started reading a new file: the old request no longer counts.
    RequestLoading(Choice),
    /// Step 1's file was refused or unreadable.
    RequestRefused(Choice),
    /// Step 1's file was read (choice, name, bytes, time).
    RequestLoaded(Choice, String, Vec<u8>, UtcTime),
    /// Step 1's text was pasted (choice, bytes, time).
    RequestPasted(Choice, Vec<u8>, UtcTime),
    /// The paste box was edited: a request checked from it no longer counts (its verdict,
    /// receipt and submission would be for other text than the box shows).
    PasteEdited,
    /// Step 4 started reading a new file: the old chain no longer counts.
    ChainLoading(Choice),
    /// Step 4's file was refused or unreadable.
    ChainRefused(Choice),
    /// Step 4's file was read (choice, name, bytes, time).
    ChainLoaded(Choice, String, Vec<u8>, UtcTime),
    /// Use another trust anchor, or the pinned one again (`None`).
    SetAnchor(Choice, Option<Anchor>, UtcTime),
    /// The far-side text was edited.
    SetFarSide(String),
    /// A checklist item was ticked or unticked.
    Tick(usize, bool),
    /// Forget every input, and every file still being read.
    StartOver(Choice),
    /// Step 2 root inspected.
    RootInspected(Choice, RootState),
    /// Step 2 probe started.
    ProbeStarted,
    /// Step 2 probe done: the address probed and the outcome.
    ProbeDone(String, ProbeOutcome),
    /// Step 3 address edited.
    SetEnrollmentUrl(String),
    /// The single file's published hash was read.
    SingleFileHash(String),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // A result of a choice made before a later one for the same input (or before "Start
        // over") is dropped: the state stays as it is.
        let chosen = self.chosen;
        let stale = match &action {
            Action::RequestLoading(c) => *c <= chosen.request || *c <= chosen.start_over,
            Action::ChainLoading(c) => *c <= chosen.chain || *c <= chosen.start_over,
            Action::RequestLoaded(c, ..) | Action::RequestPasted(c, ..) => {
                !chosen.current(chosen.request, *c)
            }
            Action::ChainLoaded(c, ..) => !chosen.current(chosen.chain, *c),
            Action::RequestRefused(c) => *c != chosen.request || *c <= chosen.start_over,
            Action::ChainRefused(c) => *c != chosen.chain || *c <= chosen.start_over,
            Action::SetAnchor(c, ..) => !chosen.current(chosen.anchor, *c),
            Action::RootInspected(c, _) => !chosen.current(chosen.root, *c),
            _ => false,
        };
        if stale {
            return self;
        }
        let mut s = (*self).clone();
        match action {
            Action::SetLang(l) => s.lang = l,
            Action::Configured(c, err) => {
                // config.json arrives after the page is usable: an address the user has
                // already typed is kept, only the untouched default follows the configuration.
                if s.enrollment_url == s.config.enrollment_url {
                    s.enrollment_url = c.enrollment_url.clone();
                }
                s.config = c;
                s.config_error = err;
            }
            Action::PasteEdited => {
                if s.session.request().is_some_and(|r| r.pasted) {
                    s.session.clear_request();
                    s.paste_edited = true;
                }
            }
            Action::RequestLoading(c) => {
                s.chosen.request = c;
                s.paste_edited = false;
                s.request_loading = true;
                s.session.clear_request();
            }
            Action::RequestRefused(_) => {
                s.request_loading = false;
                s.session.clear_request();
            }
            Action::RequestLoaded(c, name, bytes, now) => {
                s.chosen.request = c;
                s.paste_edited = false;
                s.request_loading = false;
                s.session.load_request(name, bytes, now);
            }
            Action::RequestPasted(c, bytes, now) => {
                s.chosen.request = c;
                s.paste_edited = false;
                s.request_loading = false;
                s.session.paste_request(bytes, now);
            }
            Action::ChainLoading(c) => {
                s.chosen.chain = c;
                s.chain_loading = true;
                s.session.clear_chain();
            }
            Action::ChainRefused(_) => {
                s.chain_loading = false;
                s.session.clear_chain();
            }
            Action::ChainLoaded(c, name, bytes, now) => {
                s.chosen.chain = c;
                s.chain_loading = false;
                s.session.load_chain(name, bytes, now);
            }
            Action::SetAnchor(c, a, now) => {
                s.chosen.anchor = c;
                s.session.set_anchor(a, now);
            }
            Action::SetFarSide(text) => s.session.set_far_side(text),
            Action::Tick(i, on) => s.session.set_ticked(i, on),
            Action::StartOver(c) => {
                s.chosen.start_over = c;
                s.session.start_over();
                s.request_loading = false;
                s.chain_loading = false;
                s.paste_edited = false;
                s.root = None;
                s.probe = Step::Idle;
                s.enrollment_url = s.config.enrollment_url.clone();
                s.generation = s.generation.wrapping_add(1);
            }
            Action::RootInspected(c, r) => {
                s.chosen.root = c;
                s.root = Some(r);
            }
            Action::ProbeStarted => s.probe = Step::Loading,
            Action::ProbeDone(url, o) => s.probe = Step::Done((url, o)),
            Action::SetEnrollmentUrl(u) => s.enrollment_url = u,
            Action::SingleFileHash(h) => s.single_file_sha256 = Some(h),
        }
        Rc::new(s)
    }
}

impl State {
    /// The initial state.
    pub fn new(lang: Lang) -> State {
        let config = Config::default();
        State {
            lang,
            enrollment_url: config.enrollment_url.clone(),
            config,
            config_error: None,
            session: Session::new(),
            request_loading: false,
            chain_loading: false,
            paste_edited: false,
            root: None,
            probe: Step::Idle,
            single_file_sha256: None,
            generation: 0,
            chosen: Chosen::default(),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use slc_courier_core::chain::Outcome;

    fn data(rel: &str) -> Vec<u8> {
        let p = format!(
            "{}/crates/core/tests/data/{rel}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
    }

    fn now() -> UtcTime {
        UtcTime::parse("2026-11-22T12:00").unwrap()
    }

    fn run(actions: Vec<Action>) -> Rc<State> {
        actions
            .into_iter()
            .fold(Rc::new(State::new(Lang::En)), Reducible::reduce)
    }

    /// Step 4's file `name` read, with the bytes of the vector `file`.
    fn chain_loaded(c: Choice, name: &str, file: &str) -> Action {
        Action::ChainLoaded(c, name.to_owned(), data(file), now())
    }

    fn chain_name(s: &State) -> Option<String> {
        s.session.chain().map(|c| c.name.clone())
    }

    fn anchor() -> Option<Anchor> {
        let text = String::from_utf8(data("chain/test-root.xrml-key.txt")).unwrap();
        Some(Anchor {
            file: "test-root.xrml-key.txt".to_owned(),
            anchor: slc_courier_core::policy::TrustAnchor::from_key_file(&text).unwrap(),
        })
    }

    /// A large good chain chosen first and read last does not replace a file chosen after it
    /// (the page said VALID for the earlier file, and its receipt named it).
    #[test]
    fn the_last_chosen_chain_wins_whatever_finishes_first() {
        let (first, second) = (Choice::next(), Choice::next());
        let s = run(vec![
            Action::SetAnchor(Choice::next(), anchor(), now()),
            Action::RequestLoaded(
                Choice::next(),
                "RMS01EnrollRequest.xml".into(),
                data("request/good/RMS01EnrollRequest.xml"),
                now(),
            ),
            Action::ChainLoading(first),
            Action::ChainLoading(second),
            chain_loaded(second, "tampered.xml", "chain/bad/tampered-signature.xml"),
            chain_loaded(first, "good.xml", "chain/good/sha1-compact.xml"),
        ]);
        assert_eq!(chain_name(&s).as_deref(), Some("tampered.xml"));
        assert_eq!(s.session.verdict().unwrap().outcome, Outcome::NotValid);
        assert!(!s.chain_loading);
        // The later choice refused (too large): the earlier file does not come back either.
        let (first, second) = (Choice::next(), Choice::next());
        let s = run(vec![
            Action::ChainLoading(first),
            Action::ChainLoading(second),
            Action::ChainRefused(second),
            chain_loaded(first, "good.xml", "chain/good/sha1-compact.xml"),
        ]);
        assert_eq!(chain_name(&s), None);
        assert!(!s.chain_loading);
        // A stale refusal does not clear the newer file, nor stop its loading state.
        let (first, second) = (Choice::next(), Choice::next());
        let s = run(vec![
            Action::ChainLoading(first),
            Action::ChainLoading(second),
            Action::ChainRefused(first),
        ]);
        assert!(s.chain_loading);
    }

    /// A file dropped on the page (no loading step) after a pick wins over the pick; a pick
    /// after the drop wins over the drop; a paste after a pick wins over the pick.
    #[test]
    fn drops_picks_and_pastes_are_ordered_by_when_they_were_made() {
        let (pick, drop) = (Choice::next(), Choice::next());
        let s = run(vec![
            Action::ChainLoading(pick),
            chain_loaded(drop, "dropped.xml", "chain/good/sha1-compact.xml"),
            chain_loaded(pick, "picked.xml", "chain/good/sha1-compact.xml"),
        ]);
        assert_eq!(chain_name(&s).as_deref(), Some("dropped.xml"));
        let (drop, pick) = (Choice::next(), Choice::next());
        let s = run(vec![
            Action::ChainLoading(pick),
            chain_loaded(drop, "dropped.xml", "chain/good/sha1-compact.xml"),
        ]);
        assert_eq!(chain_name(&s), None);
        assert!(s.chain_loading);
        let (pick, paste) = (Choice::next(), Choice::next());
        let s = run(vec![
            Action::RequestLoading(pick),
            Action::RequestPasted(paste, data("request/good/RMS01EnrollRequest.xml"), now()),
            Action::RequestLoaded(
                pick,
                "other.xml".into(),
                data("request/good/RMS01EnrollRequest.xml"),
                now(),
            ),
            Action::RequestRefused(pick),
        ]);
        assert!(s.session.request().unwrap().pasted);
        assert!(!s.request_loading);
    }

    /// Editing the paste box after checking it drops the request it gave (and with it the
    /// verdict and the receipt), and says so; a request from a file is not touched by it.
    #[test]
    fn editing_the_paste_box_drops_the_request_checked_from_it() {
        let rms01 = || data("request/good/RMS01EnrollRequest.xml");
        let s = run(vec![
            Action::SetAnchor(Choice::next(), anchor(), now()),
            Action::RequestPasted(Choice::next(), rms01(), now()),
            chain_loaded(Choice::next(), "good.xml", "chain/good/sha1-compact.xml"),
        ]);
        let verdict = |s: &State| s.session.verdict().map(|v| (v.answers_request, v.valid));
        assert_eq!(verdict(&s), Some((Some(true), true)));
        let s = s.reduce(Action::PasteEdited);
        assert!(s.session.request().is_none());
        assert_eq!(verdict(&s), Some((None, false)));
        assert!(s.paste_edited);
        // Checking it again, or loading a file, clears the note.
        let again = s
            .clone()
            .reduce(Action::RequestPasted(Choice::next(), rms01(), now()));
        assert!(again.session.request().is_some() && !again.paste_edited);
        let file = s.reduce(Action::RequestLoaded(
            Choice::next(),
            "r.xml".into(),
            rms01(),
            now(),
        ));
        assert!(!file.paste_edited);
        // A request from a file stays when the box is edited.
        let s = file.reduce(Action::PasteEdited);
        assert_eq!(s.session.request().map(|r| r.name.as_str()), Some("r.xml"));
        assert!(!s.paste_edited);
    }

    /// "Start over" forgets files still being read: nothing chosen before it comes back.
    #[test]
    fn start_over_forgets_reads_in_flight() {
        let (chain, request, anchor_choice, over) = (
            Choice::next(),
            Choice::next(),
            Choice::next(),
            Choice::next(),
        );
        let s = run(vec![
            Action::ChainLoading(chain),
            Action::RequestLoading(request),
            Action::StartOver(over),
            chain_loaded(chain, "good.xml", "chain/good/sha1-compact.xml"),
            Action::RequestLoaded(
                request,
                "r.xml".into(),
                data("request/good/RMS01EnrollRequest.xml"),
                now(),
            ),
            Action::SetAnchor(anchor_choice, anchor(), now()),
            Action::ChainLoading(chain),
        ]);
        assert_eq!(chain_name(&s), None);
        assert!(s.session.request().is_none());
        assert!(s.session.anchor().is_none());
        assert!(!s.chain_loading && !s.request_loading);
        // A root certificate being read when the page is started over does not come back.
        let (root, over) = (Choice::next(), Choice::next());
        let s = run(vec![
            Action::StartOver(over),
            Action::RootInspected(
                root,
                RootState::inspect("gte.pem".into(), &data("keys/test-root.pem"), now()),
            ),
        ]);
        assert!(s.root.is_none());
        // Chosen after "Start over": taken.
        let s = run(vec![
            Action::StartOver(Choice::next()),
            chain_loaded(Choice::next(), "good.xml", "chain/good/sha1-compact.xml"),
        ]);
        assert_eq!(chain_name(&s).as_deref(), Some("good.xml"));
    }
}
