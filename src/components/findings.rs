//! The pass/warn/fail list of findings: status in words, where, and how to fix.

use crate::i18n::T;
use slc_courier_core::{Finding, Severity};
use yew::prelude::*;

/// Props.
#[derive(Properties)]
pub struct Props {
    /// The findings.
    pub findings: Vec<Finding>,
    /// The strings.
    pub t: &'static T,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        self.findings == other.findings && std::ptr::eq(self.t, other.t)
    }
}

/// The list.
#[function_component(Findings)]
pub fn findings(p: &Props) -> Html {
    let t = p.t;
    if p.findings.is_empty() {
        return html! { <p class="status pass" data-status="pass"><span class="badge">{ t.pass }</span>{ " " }{ t.no_findings }</p> };
    }
    html! {
        <ul class="findings">
            { for p.findings.iter().map(|f| {
                let cls = match f.severity { Severity::Error => "fail", Severity::Warning => "warn", Severity::Info => "info" };
                html! {
                    <li class={classes!("finding", cls)} data-code={f.code.id()}>
                        <span class="badge">{ t.severity(f.severity) }</span>
                        <code class="code">{ f.code.id() }</code>
                        <span class="message">{ f.text(t.lang).message }</span>
                        if let Some(l) = f.location {
                            <span class="where">{ format!(" ({} {}, {} {}, {} {})", t.at, l.offset, t.line, l.line, t.column, l.column) }</span>
                        }
                        <div class="fix"><strong>{ t.fix }{ ": " }</strong>{ f.text(t.lang).fix }</div>
                    </li>
                }
            }) }
        </ul>
    }
}
