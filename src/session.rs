//! The session: what a person gave the page — the request file, the chain file, the trust
//! anchor, the time of checking, the far-side text and the ticked checklist — and everything
//! derived from it.
//!
//! Pure (no `web-sys`, `js-sys`, `gloo` or `yew`), so it is tested natively. Every input is set
//! through a method that recomputes what depends on it: a new request re-pairs the loaded chain,
//! a new anchor re-verifies it, clearing a file clears what followed from it. The reports are
//! kept only as a cache of [`Session::derive`], never set from outside, so no result can outlive
//! the inputs it was computed from (STYLE.md, "Derive, don't store").

use slc_courier_core::chain::{ChainReport, Outcome, Verdict};
use slc_courier_core::policy::{Policy, TrustAnchor};
use slc_courier_core::report::{far_side_check, FarSide, Receipt, ToolInfo};
use slc_courier_core::request::{check_request, RequestReport};
use slc_courier_core::trust::Check;
use slc_courier_core::Lang;
use slc_courier_core::UtcTime;
use std::collections::BTreeSet;
use std::rc::Rc;

/// A file as loaded: the exact bytes are kept for submission, hashing and re-checking.
#[derive(Debug, Clone)]
pub struct Input {
    /// The file name (empty for pasted text, which has none).
    pub name: String,
    /// The bytes exactly as loaded (pasted text: as the browser gave it).
    pub bytes: Rc<Vec<u8>>,
    /// Pasted, not loaded from a file: there is no file name to judge or show.
    pub pasted: bool,
}

impl PartialEq for Input {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
            && self.pasted == other.pasted
            && Rc::ptr_eq(&self.bytes, &other.bytes)
    }
}

/// A trust anchor loaded from a file instead of the pinned Microsoft root.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    /// The file it was read from.
    pub file: String,
    /// The key.
    pub anchor: TrustAnchor,
}

/// The state of a step, for the ✓ / ✗ / – marks on the step links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Done and good.
    Done,
    /// Done, and something is wrong.
    Problem,
    /// Not done (or nothing to say).
    Open,
}

impl Mark {
    /// The mark shown.
    pub fn symbol(self) -> &'static str {
        match self {
            Mark::Done => "✓",
            Mark::Problem => "✗",
            Mark::Open => "–",
        }
    }

    /// The id used in `data-mark`.
    pub fn id(self) -> &'static str {
        match self {
            Mark::Done => "done",
            Mark::Problem => "problem",
            Mark::Open => "open",
        }
    }
}

/// The file to carry back, once the chain answers the request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carry {
    /// The chain file's name.
    pub name: String,
    /// Its SHA-256.
    pub sha256: String,
    /// The new expiration date (`YYYY-MM-DD`) Cluster resources must show.
    pub expires: String,
    /// The request was a first enrollment (the procedure's steps are a renewal's).
    pub enrollment: bool,
}

/// The page's inputs and what follows from them.
#[derive(Debug, Clone, Default)]
pub struct Session {
    request: Option<Input>,
    chain: Option<Input>,
    anchor: Option<Anchor>,
    at: Option<UtcTime>,
    far_side: String,
    ticked: BTreeSet<usize>,
    // A cache of `derive()`: a function of the fields above, never set otherwise.
    request_report: Option<Rc<RequestReport>>,
    chain_report: Option<Rc<ChainReport>>,
}

impl PartialEq for Session {
    /// Equal inputs mean equal results (the reports are derived from them).
    fn eq(&self, o: &Self) -> bool {
        self.request == o.request
            && self.chain == o.chain
            && self.anchor == o.anchor
            && self.at == o.at
            && self.far_side == o.far_side
            && self.ticked == o.ticked
    }
}

impl Session {
    /// An empty session.
    pub fn new() -> Session {
        Session::default()
    }

    // ------------------------------------------------------------------------- inputs

    /// A request file was loaded (replacing any other) at `now`.
    pub fn load_request(&mut self, name: String, bytes: Vec<u8>, now: UtcTime) {
        self.request = Some(Input {
            name,
            bytes: Rc::new(bytes),
            pasted: false,
        });
        self.at = Some(now);
        self.derive();
    }

    /// A request was pasted (replacing any other) at `now`: it has no file name.
    pub fn paste_request(&mut self, bytes: Vec<u8>, now: UtcTime) {
        self.request = Some(Input {
            name: String::new(),
            bytes: Rc::new(bytes),
            pasted: true,
        });
        self.at = Some(now);
        self.derive();
    }

    /// The request was removed (or a new one is being read, or was refused).
    pub fn clear_request(&mut self) {
        self.request = None;
        self.derive();
    }

    /// A chain file was loaded (replacing any other) at `now`.
    pub fn load_chain(&mut self, name: String, bytes: Vec<u8>, now: UtcTime) {
        self.chain = Some(Input {
            name,
            bytes: Rc::new(bytes),
            pasted: false,
        });
        self.at = Some(now);
        self.derive();
    }

    /// The chain was removed (or a new one is being read, or was refused).
    pub fn clear_chain(&mut self) {
        self.chain = None;
        self.derive();
    }

    /// Verify against `anchor` from now on, or the pinned Microsoft root (`None`), at `now`.
    pub fn set_anchor(&mut self, anchor: Option<Anchor>, now: UtcTime) {
        self.anchor = anchor;
        self.at = Some(now);
        self.derive();
    }

    /// The text pasted from the far side.
    pub fn set_far_side(&mut self, text: String) {
        self.far_side = text;
    }

    /// Ticks or unticks checklist item `index` (of [`Check::ALL`]).
    pub fn set_ticked(&mut self, index: usize, ticked: bool) {
        if ticked {
            self.ticked.insert(index);
        } else {
            self.ticked.remove(&index);
        }
    }

    /// Forget everything: files, anchor, far-side text, ticks.
    pub fn start_over(&mut self) {
        *self = Session::default();
    }

    /// Recomputes every result from the inputs.
    fn derive(&mut self) {
        self.request_report = self.request.as_ref().map(|r| {
            Rc::new(check_request(
                &r.bytes,
                (!r.pasted).then_some(r.name.as_str()),
            ))
        });
        self.chain_report = match (&self.chain, self.at) {
            (Some(c), Some(at)) => Some(Rc::new(slc_courier_core::verify_chain(
                &c.bytes,
                &self.policy(at),
                self.request_report.as_deref(),
            ))),
            _ => None,
        };
        if self.request.is_none() && self.chain.is_none() {
            self.at = None;
        }
    }

    // ------------------------------------------------------------------------- results

    /// The request file.
    pub fn request(&self) -> Option<&Input> {
        self.request.as_ref()
    }

    /// The request's report.
    pub fn request_report(&self) -> Option<&Rc<RequestReport>> {
        self.request_report.as_ref()
    }

    /// The chain file.
    pub fn chain(&self) -> Option<&Input> {
        self.chain.as_ref()
    }

    /// The chain's report, checked against the current request and anchor.
    pub fn chain_report(&self) -> Option<&Rc<ChainReport>> {
        self.chain_report.as_ref()
    }

    /// The verdict on the chain, derived from the verifier's proof.
    pub fn verdict(&self) -> Option<Verdict> {
        self.chain_report.as_ref().map(|c| c.verdict())
    }

    /// The anchor loaded from a file, if any.
    pub fn anchor(&self) -> Option<&Anchor> {
        self.anchor.as_ref()
    }

    /// The time of checking.
    pub fn at(&self) -> Option<UtcTime> {
        self.at
    }

    /// The far-side text as pasted.
    pub fn far_side_text(&self) -> &str {
        &self.far_side
    }

    /// The ticked checklist items (indices of [`Check::ALL`]).
    pub fn ticked(&self) -> &BTreeSet<usize> {
        &self.ticked
    }

    /// The policy at `now`: the pinned Microsoft root unless another anchor was loaded.
    pub fn policy(&self, now: UtcTime) -> Policy {
        let mut p = Policy::microsoft_production(now);
        if let Some(a) = &self.anchor {
            p.anchors = vec![a.anchor.clone()];
        }
        p
    }

    /// The loaded files as (name, SHA-256): the request first.
    pub fn files(&self) -> Vec<(&str, &str)> {
        let mut v = vec![];
        if let (Some(f), Some(r)) = (&self.request, &self.request_report) {
            v.push((f.name.as_str(), r.sha256.as_str()));
        }
        if let (Some(f), Some(c)) = (&self.chain, &self.chain_report) {
            v.push((f.name.as_str(), c.sha256.as_str()));
        }
        v
    }

    /// The far-side check per loaded file, once something was pasted.
    pub fn far_side(&self) -> Option<FarSide> {
        if self.far_side.trim().is_empty() {
            return None;
        }
        let mut results = far_side_check(&self.far_side, &self.files()).into_iter();
        Some(FarSide {
            request: self.request_report.as_ref().and_then(|_| results.next()),
            certificate: self.chain_report.as_ref().and_then(|_| results.next()),
        })
    }

    /// The ticked checklist items, as the receipt records them: their titles in `lang` (the
    /// receipt's language).
    pub fn ticked_items(&self, lang: Lang) -> Vec<String> {
        Check::ALL
            .into_iter()
            .enumerate()
            .filter(|(i, _)| self.ticked.contains(i))
            .map(|(_, c)| c.words(lang).title)
            .collect()
    }

    /// The receipt, from the current inputs only (`None` when nothing is loaded); the ticked
    /// checklist items are written in `lang`.
    pub fn receipt(&self, tool: ToolInfo, lang: Lang) -> Option<Receipt> {
        if self.request.is_none() && self.chain.is_none() {
            return None;
        }
        let chain = self
            .chain_report
            .as_deref()
            .map(|c| (c, self.chain.as_ref().map(|f| f.name.as_str())));
        Receipt::new(tool, self.at?, self.request_report.as_deref(), chain)
            .ok()
            .map(|r| {
                r.with_far_side(self.far_side())
                    .with_checklist(self.ticked_items(lang))
            })
    }

    /// The file to carry back and the date to expect — only for a chain that answers the
    /// current request.
    pub fn carry(&self) -> Option<Carry> {
        let v = self.verdict()?;
        if v.outcome != Outcome::AnswersRequest {
            return None;
        }
        Some(Carry {
            name: self.chain.as_ref()?.name.clone(),
            sha256: self.chain_report.as_ref()?.sha256.clone(),
            expires: v.expires?.date(),
            enrollment: self
                .request_report
                .as_ref()
                .is_some_and(|r| r.kind == slc_courier_core::request::RequestKind::Enrollment),
        })
    }

    /// The marks of the five steps.
    pub fn marks(&self) -> [Mark; 5] {
        use slc_courier_core::report::FarSideResult as F;
        let request = match &self.request_report {
            None => Mark::Open,
            Some(r) if r.is_ok() => Mark::Done,
            Some(_) => Mark::Problem,
        };
        let trust = if self.ticked.len() >= Check::ALL.len() {
            Mark::Done
        } else {
            Mark::Open
        };
        let verdict = self.verdict().map(|v| v.outcome);
        let submit = if verdict == Some(Outcome::AnswersRequest) {
            Mark::Done
        } else {
            Mark::Open
        };
        let verify = match verdict {
            Some(Outcome::AnswersRequest) => Mark::Done,
            Some(Outcome::NotValid) => Mark::Problem,
            _ => Mark::Open,
        };
        let receipt = match self.far_side() {
            Some(f) => {
                let all = [f.request, f.certificate];
                let all = all.iter().flatten();
                if all.clone().any(|r| *r == F::Differs) {
                    Mark::Problem
                } else if verdict == Some(Outcome::AnswersRequest)
                    && f.certificate == Some(F::Matches)
                {
                    Mark::Done
                } else {
                    Mark::Open
                }
            }
            None => Mark::Open,
        };
        [request, trust, submit, verify, receipt]
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::*;
    use slc_courier_core::report::FarSideResult;
    use slc_courier_core::Code;

    fn data(rel: &str) -> Vec<u8> {
        let p = format!(
            "{}/crates/core/tests/data/{rel}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
    }

    fn at(s: &str) -> UtcTime {
        UtcTime::parse(s).unwrap()
    }

    fn now() -> UtcTime {
        at("2026-11-22T12:00")
    }

    fn test_anchor() -> Option<Anchor> {
        let text = String::from_utf8(data("chain/test-root.xrml-key.txt")).unwrap();
        Some(Anchor {
            file: "test-root.xrml-key.txt".to_owned(),
            anchor: TrustAnchor::from_key_file(&text).unwrap(),
        })
    }

    const GOOD_REQ: &str = "request/good/RMS01EnrollRequest.xml";
    const OTHER_KEY: &str = "chain/attack/RMS01-other-key-EnrollRequest.xml";
    const OTHER_GUID: &str = "chain/attack/RMS01-other-guid-EnrollRequest.xml";
    const GOOD_CHAIN: &str = "chain/good/sha1-compact.xml";

    fn req(s: &mut Session, rel: &str) {
        let name = rel.rsplit('/').next().unwrap().to_owned();
        s.load_request(name, data(rel), now());
    }

    fn chain(s: &mut Session, rel: &str) {
        let name = rel.rsplit('/').next().unwrap().to_owned();
        s.load_chain(name, data(rel), now());
    }

    fn lab() -> Session {
        let mut s = Session::new();
        s.set_anchor(test_anchor(), now());
        s
    }

    /// The verdict's outcome and reason, and what the receipt says about the same inputs.
    #[track_caller]
    fn check(s: &Session, outcome: Option<Outcome>, reason: Option<Code>) {
        let v = s.verdict();
        assert_eq!(v.as_ref().map(|v| v.outcome), outcome);
        assert_eq!(v.as_ref().and_then(|v| v.reason), reason);
        let tool = ToolInfo {
            name: "t".into(),
            version: "0".into(),
            build_id: "dev".into(),
            single_file_sha256: None,
        };
        match s.receipt(tool, Lang::En) {
            None => assert!(s.request().is_none() && s.chain().is_none()),
            Some(r) => {
                assert_eq!(r.verdict.as_ref().map(|v| v.outcome), outcome);
                assert_eq!(
                    r.request.as_ref().map(|f| f.sha256.clone()),
                    s.request_report().map(|r| r.sha256.clone())
                );
                assert_eq!(
                    r.certificate.as_ref().map(|f| f.name.clone().unwrap()),
                    s.chain().map(|c| c.name.clone())
                );
                // The pairing in the receipt is with the request in the receipt.
                if let (Some(p), Some(rr)) = (&r.pairing, &r.request_report) {
                    assert_eq!(
                        p.request_key.as_deref(),
                        rr.summary.key.as_ref().map(|k| k.fingerprint.as_str())
                    );
                }
                assert_eq!(r.pairing.is_some(), s.request().is_some() && v.is_some());
            }
        }
    }

    #[test]
    fn request_then_chain_then_other_request_then_back() {
        let mut s = lab();
        req(&mut s, GOOD_REQ);
        check(&s, None, None);
        chain(&mut s, GOOD_CHAIN);
        check(&s, Some(Outcome::AnswersRequest), None);
        assert_eq!(s.verdict().unwrap().expires.unwrap().date(), "2046-06-18");
        req(&mut s, OTHER_KEY);
        check(&s, Some(Outcome::NotValid), Some(Code::PairKeyMismatch));
        assert_eq!(s.verdict().unwrap().expires, None);
        req(&mut s, OTHER_GUID);
        check(&s, Some(Outcome::NotValid), Some(Code::PairGuidMismatch));
        req(&mut s, GOOD_REQ);
        check(&s, Some(Outcome::AnswersRequest), None);
        assert_eq!(s.carry().unwrap().name, "sha1-compact.xml");
    }

    #[test]
    fn chain_then_request() {
        let mut s = lab();
        chain(&mut s, GOOD_CHAIN);
        check(&s, Some(Outcome::GenuineUnpaired), None);
        assert_eq!(s.carry(), None);
        req(&mut s, OTHER_KEY);
        check(&s, Some(Outcome::NotValid), Some(Code::PairKeyMismatch));
        // A wrong pair recovers when the right request is loaded.
        req(&mut s, GOOD_REQ);
        check(&s, Some(Outcome::AnswersRequest), None);
    }

    #[test]
    fn chain_alone_is_unpaired_and_removing_the_request_unpairs() {
        let mut s = lab();
        req(&mut s, GOOD_REQ);
        chain(&mut s, GOOD_CHAIN);
        s.clear_request();
        check(&s, Some(Outcome::GenuineUnpaired), None);
        let r = s.receipt(tool(), Lang::En).unwrap();
        assert!(r.request.is_none() && r.pairing.is_none());
        assert!(!r.verdict.unwrap().valid);
    }

    fn tool() -> ToolInfo {
        ToolInfo {
            name: "t".into(),
            version: "0".into(),
            build_id: "dev".into(),
            single_file_sha256: None,
        }
    }

    #[test]
    fn anchor_changed_after_verifying() {
        let mut s = lab();
        req(&mut s, GOOD_REQ);
        chain(&mut s, GOOD_CHAIN);
        check(&s, Some(Outcome::AnswersRequest), None);
        assert!(s.verdict().unwrap().anchor_is_test);
        s.set_anchor(None, now());
        check(&s, Some(Outcome::NotValid), Some(Code::ChainUntrustedRoot));
        s.set_anchor(test_anchor(), now());
        check(&s, Some(Outcome::AnswersRequest), None);
    }

    #[test]
    fn files_removed_or_replaced() {
        let mut s = lab();
        req(&mut s, GOOD_REQ);
        chain(&mut s, GOOD_CHAIN);
        chain(&mut s, "chain/bad/tampered-signature.xml");
        check(&s, Some(Outcome::NotValid), Some(Code::SignatureInvalid));
        assert_eq!(s.verdict().unwrap().expires, None);
        chain(&mut s, "chain/good/sha256-compact.xml");
        check(&s, Some(Outcome::NotValid), Some(Code::PairGuidMismatch));
        chain(&mut s, GOOD_CHAIN);
        check(&s, Some(Outcome::AnswersRequest), None);
        s.clear_chain();
        check(&s, None, None);
        assert!(s.receipt(tool(), Lang::En).unwrap().verdict.is_none());
        s.clear_request();
        check(&s, None, None);
        assert_eq!(s.at(), None);
    }

    #[test]
    fn a_request_with_errors_decides() {
        let mut s = lab();
        chain(&mut s, GOOD_CHAIN);
        let mut bytes = data(GOOD_REQ);
        bytes.truncate(bytes.len() / 2);
        s.load_request("RMS01EnrollRequest.xml".into(), bytes, now());
        check(&s, Some(Outcome::NotValid), Some(Code::RequestHasErrors));
    }

    #[test]
    fn pasted_text_has_no_name_and_its_own_bytes_are_recorded() {
        let mut s = lab();
        // Pasted text comes with LF line endings whatever the file had.
        let text = String::from_utf8(data(GOOD_REQ))
            .unwrap()
            .replace("\r\n", "\n");
        s.paste_request(text.clone().into_bytes(), now());
        let r = s.request_report().unwrap();
        assert_eq!(r.file_name, None);
        assert!(r.findings.is_empty(), "{:?}", r.findings);
        assert_eq!(
            r.sha256,
            slc_courier_core::text::sha256_hex(text.as_bytes())
        );
        assert!(s.request().unwrap().pasted);
        assert_eq!(s.files()[0], ("", r.sha256.as_str()));
        chain(&mut s, GOOD_CHAIN);
        check(&s, Some(Outcome::AnswersRequest), None);
        let receipt = s.receipt(tool(), Lang::En).unwrap();
        assert_eq!(receipt.request.as_ref().unwrap().name, None);
        // A file loaded afterwards is a file again.
        req(&mut s, GOOD_REQ);
        assert!(!s.request().unwrap().pasted);
    }

    #[test]
    fn the_time_of_checking_is_an_input() {
        let mut s = lab();
        req(&mut s, GOOD_REQ);
        s.load_chain("c.xml".into(), data(GOOD_CHAIN), at("2047-01-01T00:00"));
        check(&s, Some(Outcome::NotValid), Some(Code::SlcExpired));
        s.set_anchor(test_anchor(), now());
        check(&s, Some(Outcome::AnswersRequest), None);
        assert_eq!(s.receipt(tool(), Lang::En).unwrap().checked_at, now());
    }

    #[test]
    fn far_side_and_checklist_go_into_the_receipt() {
        let mut s = lab();
        req(&mut s, GOOD_REQ);
        chain(&mut s, GOOD_CHAIN);
        assert_eq!(s.far_side(), None);
        assert_eq!(s.marks()[4], Mark::Open);
        let sha = s.chain_report().unwrap().sha256.to_uppercase();
        s.set_far_side(format!("SHA256   {sha}   C:\\x\\sha1-compact.xml"));
        let f = FarSide {
            request: Some(FarSideResult::NotInPastedText),
            certificate: Some(FarSideResult::Matches),
        };
        assert_eq!(s.far_side(), Some(f));
        s.set_ticked(2, true);
        s.set_ticked(0, true);
        s.set_ticked(0, false);
        let r = s.receipt(tool(), Lang::En).unwrap();
        assert_eq!(r.far_side, Some(f));
        assert_eq!(
            r.checklist,
            Some(vec![Check::GteRootInStore.words(Lang::En).title])
        );
        assert!(r.checklist.as_ref().unwrap()[0].contains("GTE CyberTrust"));
        // In Dutch, the receipt lists the item's Dutch title.
        let nl = s.receipt(tool(), Lang::Nl).unwrap().checklist.unwrap();
        assert_eq!(nl, vec![Check::GteRootInStore.words(Lang::Nl).title]);
        assert_ne!(nl, r.checklist.clone().unwrap());
        assert!(r
            .to_json(slc_courier_core::Lang::En)
            .contains("\"certificate\": \"matches\""));
        assert!(r
            .to_html(slc_courier_core::Lang::En)
            .contains("Next, on the RMS server"));
        assert_eq!(
            s.marks(),
            [Mark::Done, Mark::Open, Mark::Done, Mark::Done, Mark::Done]
        );
        // The chain replaced by another file of the same name: the pasted hash is not its own.
        s.load_chain(
            "sha1-compact.xml".into(),
            data("chain/bad/tampered-signature.xml"),
            now(),
        );
        assert_eq!(
            s.far_side().unwrap().certificate,
            Some(FarSideResult::Differs)
        );
        assert!(!s
            .receipt(tool(), Lang::En)
            .unwrap()
            .to_html(slc_courier_core::Lang::En)
            .contains("Next, on the RMS server"));
        assert_eq!(
            s.marks(),
            [
                Mark::Done,
                Mark::Open,
                Mark::Open,
                Mark::Problem,
                Mark::Problem
            ]
        );
        s.start_over();
        assert_eq!(s, Session::new());
        assert_eq!(s.receipt(tool(), Lang::En).map(|_| ()), None);
        assert_eq!(s.marks(), [Mark::Open; 5]);
    }
}
