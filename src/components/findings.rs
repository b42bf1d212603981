//! The pass/warn/fail list of findings: status in words, where, and how to fix.

use crate::i18n::{Lang, T};
use slc_courier_core::{Finding, Severity};
use yew::prelude::*;

/// Props.
#[derive(Properties)]
pub struct Props {
    /// The findings.
    pub findings: Vec<Finding>,
    /// The strings.
    pub t: &'static T,
    /// Errors first, then warnings; informational findings (nothing to do about them)
    /// collapsed under one summary.
    #[prop_or_default]
    pub by_severity: bool,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        self.findings == other.findings
            && std::ptr::eq(self.t, other.t)
            && self.by_severity == other.by_severity
    }
}

fn item(t: &'static T, f: &Finding) -> Html {
    let cls = match f.severity {
        Severity::Error => "fail",
        Severity::Warning => "warn",
        Severity::Info => "info",
    };
    let text = f.text(t.lang);
    html! {
        <li class={classes!("finding", cls)} data-code={f.code.id()}>
            <span class="badge">{ t.severity(f.severity) }</span>
            <code class="code">{ f.code.id() }</code>
            <span class="message">{ text.message }</span>
            if let Some(l) = f.location {
                <span class="where">{ format!(" ({} {}, {} {}, {} {})", t.at, l.offset, t.line, l.line, t.column, l.column) }</span>
            }
            <div class="fix"><strong>{ t.fix }{ ": " }</strong>{ text.fix }</div>
        </li>
    }
}

/// The list.
#[function_component(Findings)]
pub fn findings(p: &Props) -> Html {
    let t = p.t;
    if p.findings.is_empty() && p.by_severity {
        // The step's own sentence already says PASS.
        return html! { <p class="no-findings">{ t.no_findings }</p> };
    }
    if p.findings.is_empty() {
        return html! { <p class="status pass" data-status="pass"><span class="badge">{ t.pass }</span>{ " " }{ t.no_findings }</p> };
    }
    if !p.by_severity {
        return html! {
            <ul class="findings">{ for p.findings.iter().map(|f| item(t, f)) }</ul>
        };
    }
    let of = |s: Severity| p.findings.iter().filter(move |f| f.severity == s);
    let notes: Vec<&Finding> = of(Severity::Info).collect();
    html! {
        <>
            if notes.len() < p.findings.len() {
                <ul class="findings">
                    { for of(Severity::Error).chain(of(Severity::Warning)).map(|f| item(t, f)) }
                </ul>
            }
            if !notes.is_empty() {
                <details class="notes">
                    <summary>{ Lang::of_core(t.lang).notes(notes.len()) }</summary>
                    <ul class="findings">{ for notes.iter().map(|f| item(t, f)) }</ul>
                </details>
            }
        </>
    }
}
