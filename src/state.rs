//! The app's state and its reducer. Components call callbacks that dispatch [`Action`]s; the
//! reducer hands every input to the [`Session`], which derives every result (the core decides).

use crate::i18n::Lang;
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
}

/// What can happen.
pub enum Action {
    /// Switch language.
    SetLang(Lang),
    /// Configuration loaded (or failed with a message).
    Configured(Config, Option<ConfigError>),
    /// Step 1 started reading a new file: the old request no longer counts.
    RequestLoading,
    /// Step 1's file was refused or unreadable.
    RequestRefused,
    /// Step 1's file was read (name, bytes, time).
    RequestLoaded(String, Vec<u8>, UtcTime),
    /// Step 1's text was pasted (bytes, time).
    RequestPasted(Vec<u8>, UtcTime),
    /// Step 4 started reading a new file: the old chain no longer counts.
    ChainLoading,
    /// Step 4's file was refused or unreadable.
    ChainRefused,
    /// Step 4's file was read (name, bytes, time).
    ChainLoaded(String, Vec<u8>, UtcTime),
    /// Use another trust anchor, or the pinned one again (`None`).
    SetAnchor(Option<Anchor>, UtcTime),
    /// The far-side text was edited.
    SetFarSide(String),
    /// A checklist item was ticked or unticked.
    Tick(usize, bool),
    /// Forget every input.
    StartOver,
    /// Step 2 root inspected.
    RootInspected(RootState),
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
            Action::RequestLoading => {
                s.request_loading = true;
                s.session.clear_request();
            }
            Action::RequestRefused => {
                s.request_loading = false;
                s.session.clear_request();
            }
            Action::RequestLoaded(name, bytes, now) => {
                s.request_loading = false;
                s.session.load_request(name, bytes, now);
            }
            Action::RequestPasted(bytes, now) => {
                s.request_loading = false;
                s.session.paste_request(bytes, now);
            }
            Action::ChainLoading => {
                s.chain_loading = true;
                s.session.clear_chain();
            }
            Action::ChainRefused => {
                s.chain_loading = false;
                s.session.clear_chain();
            }
            Action::ChainLoaded(name, bytes, now) => {
                s.chain_loading = false;
                s.session.load_chain(name, bytes, now);
            }
            Action::SetAnchor(a, now) => s.session.set_anchor(a, now),
            Action::SetFarSide(text) => s.session.set_far_side(text),
            Action::Tick(i, on) => s.session.set_ticked(i, on),
            Action::StartOver => {
                s.session.start_over();
                s.request_loading = false;
                s.chain_loading = false;
                s.root = None;
                s.probe = Step::Idle;
                s.enrollment_url = s.config.enrollment_url.clone();
                s.generation = s.generation.wrapping_add(1);
            }
            Action::RootInspected(r) => s.root = Some(r),
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
            root: None,
            probe: Step::Idle,
            single_file_sha256: None,
            generation: 0,
        }
    }
}
