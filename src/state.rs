//! The app's state and its reducer. Components dispatch [`Action`]s; the core decides.

use crate::i18n::Lang;
use crate::services::config::Config;
use slc_courier_core::chain::ChainReport;
use slc_courier_core::policy::{Policy, TrustAnchor};
use slc_courier_core::request::RequestReport;
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

/// A file as loaded: the exact bytes are kept for submission and hashing.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The file name.
    pub name: String,
    /// The bytes exactly as loaded.
    pub bytes: Rc<Vec<u8>>,
}

/// Step 1's result.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestState {
    /// The file.
    pub file: Loaded,
    /// The core's report.
    pub report: Rc<RequestReport>,
}

/// Step 4's result.
#[derive(Debug, Clone)]
pub struct ChainState {
    /// The file.
    pub file: Loaded,
    /// The core's report.
    pub report: Rc<ChainReport>,
}

impl PartialEq for ChainState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
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

/// The whole page state.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// UI language.
    pub lang: Lang,
    /// Deploy-time configuration.
    pub config: Config,
    /// A configuration problem to show.
    pub config_error: Option<String>,
    /// Step 1.
    pub request: Step<RequestState>,
    /// Step 2: inspected root.
    pub root: Option<RootState>,
    /// Step 2: probe.
    pub probe: Step<ProbeOutcome>,
    /// Step 3: the enrollment address (editable).
    pub enrollment_url: String,
    /// Step 4.
    pub chain: Step<ChainState>,
    /// When the last check ran.
    pub checked_at: Option<UtcTime>,
    /// A trust anchor the user loaded instead of the pinned Microsoft root (test labs).
    pub anchor: Option<(String, TrustAnchor)>,
    /// The published single file's SHA-256 (hosted mode).
    pub single_file_sha256: Option<String>,
}

/// What can happen.
pub enum Action {
    /// Switch language.
    SetLang(Lang),
    /// Configuration loaded (or failed with a message).
    Configured(Config, Option<String>),
    /// Step 1 started reading.
    RequestLoading,
    /// Step 1 reset (the file was refused).
    RequestIdle,
    /// Step 4 reset (the file was refused).
    ChainIdle,
    /// Step 1 done.
    RequestChecked(RequestState, UtcTime),
    /// Step 2 root inspected.
    RootInspected(RootState),
    /// Step 2 probe started.
    ProbeStarted,
    /// Step 2 probe done.
    ProbeDone(ProbeOutcome),
    /// Step 3 address edited.
    SetEnrollmentUrl(String),
    /// Step 4 started reading.
    ChainLoading,
    /// Step 4 done.
    ChainChecked(ChainState, UtcTime),
    /// Use another trust anchor (file name, anchor), or the pinned one again (`None`).
    SetAnchor(Option<(String, TrustAnchor)>),
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
                s.enrollment_url = c.enrollment_url.clone();
                s.config = c;
                s.config_error = err;
            }
            Action::RequestLoading => {
                s.request = Step::Loading;
                s.reverify();
            }
            Action::RequestIdle => {
                s.request = Step::Idle;
                s.reverify();
            }
            Action::ChainIdle => s.chain = Step::Idle,
            Action::RequestChecked(r, t) => {
                s.request = Step::Done(r);
                s.checked_at = Some(t);
                s.reverify();
            }
            Action::RootInspected(r) => s.root = Some(r),
            Action::ProbeStarted => s.probe = Step::Loading,
            Action::ProbeDone(o) => s.probe = Step::Done(o),
            Action::SetEnrollmentUrl(u) => s.enrollment_url = u,
            Action::ChainLoading => s.chain = Step::Loading,
            Action::SingleFileHash(h) => s.single_file_sha256 = Some(h),
            Action::SetAnchor(a) => {
                s.anchor = a;
                s.reverify();
            }
            Action::ChainChecked(c, t) => {
                s.chain = Step::Done(c);
                s.checked_at = Some(t);
            }
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
            request: Step::Idle,
            root: None,
            probe: Step::Idle,
            chain: Step::Idle,
            checked_at: None,
            anchor: None,
            single_file_sha256: None,
        }
    }

    /// Verifies the loaded chain again against the current request and anchor, at the time
    /// it was first checked, so a changed input never leaves an old verdict (or a pairing with
    /// another request) on screen or in a receipt.
    fn reverify(&mut self) {
        if let Step::Done(c) = &self.chain {
            let now = c.report.checked_at;
            let report = slc_courier_core::chain::verify_chain(
                &c.file.bytes,
                &self.policy(now),
                self.request_report(),
            );
            self.chain = Step::Done(ChainState {
                file: c.file.clone(),
                report: Rc::new(report),
            });
        }
    }

    /// The policy for step 4 at `now`: the pinned Microsoft root unless the user chose another.
    pub fn policy(&self, now: UtcTime) -> Policy {
        let mut p = Policy::microsoft_production(now);
        if let Some((_, a)) = &self.anchor {
            p.anchors = vec![a.clone()];
        }
        p
    }

    /// The request summary, when step 1 is done.
    pub fn request_report(&self) -> Option<&RequestReport> {
        match &self.request {
            Step::Done(r) => Some(&r.report),
            _ => None,
        }
    }
}
