//! The transfer receipt: one JSON schema shared by the page and the CLI.
//!
//! Versioned by [`RECEIPT_SCHEMA`]; `docs/receipt.md` documents the fields.

use crate::chain::{ChainReport, Outcome, Pairing, Verdict};
use crate::finding::{Finding, Subject};
use crate::request::RequestReport;
use crate::time::UtcTime;
use serde::Serialize;

/// The schema id written into every receipt.
/// Version 2: `verdict` has `outcome`, `genuine`, `answers_request` and `valid` means "genuine
/// and answers an error-free request"; every finding names its `subject`.
pub const RECEIPT_SCHEMA: &str = "slc-courier-receipt/2";

/// Why a receipt cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReceiptError {
    /// The chain was checked against another request (or none) than the one given.
    StalePairing,
}

impl std::error::Error for ReceiptError {}

impl std::fmt::Display for ReceiptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReceiptError::StalePairing => {
                f.write_str("the chain was checked against another request than this one")
            }
        }
    }
}

/// The tool that wrote the receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ToolInfo {
    /// `slc-courier` (page) or `slc-courier-cli`.
    pub name: String,
    /// Package version.
    pub version: String,
    /// Build id (git commit and build date).
    pub build_id: String,
    /// SHA-256 of the single-file build, when known.
    pub single_file_sha256: Option<String>,
}

/// One file carried across.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileEntry {
    /// The file name.
    pub name: Option<String>,
    /// Size in bytes.
    pub size: usize,
    /// SHA-256 of the bytes exactly as loaded.
    pub sha256: String,
}

/// One certificate of the verified chain, as the receipt records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertEntry {
    /// DESCRIPTOR type (e.g. `Server-Licensor-Certificate`).
    pub kind: String,
    /// Issuer name (or ID).
    pub issuer: String,
    /// Principal name (or ID).
    pub principal: Option<String>,
    /// ISSUEDTIME.
    pub issued: Option<UtcTime>,
    /// ISSUE right RANGETIME UNTIL.
    pub authority_until: Option<UtcTime>,
    /// Digest and signature both verified.
    pub signature_valid: bool,
}

impl CertEntry {
    /// The chain of a report, leaf first.
    pub fn chain_of(c: &ChainReport) -> Vec<CertEntry> {
        c.chain
            .iter()
            .filter_map(|&i| c.documents.get(i))
            .map(|d| CertEntry {
                kind: d.cert.kind().to_owned(),
                issuer: d.cert.issuer.object.label().to_owned(),
                principal: d
                    .cert
                    .principal
                    .as_ref()
                    .map(|p| p.object.label().to_owned()),
                issued: d.cert.issued,
                authority_until: d.cert.issue_range.and_then(|(_, u)| u),
                signature_valid: d.signature.as_ref().is_some_and(|s| s.is_valid()),
            })
            .collect()
    }
}

/// The transfer receipt.
#[derive(Debug, Clone, Serialize)]
pub struct Receipt {
    /// [`RECEIPT_SCHEMA`].
    pub schema: &'static str,
    /// The tool.
    pub tool: ToolInfo,
    /// When the check ran.
    pub checked_at: UtcTime,
    /// The request file.
    pub request: Option<FileEntry>,
    /// The certificate file.
    pub certificate: Option<FileEntry>,
    /// The request report.
    pub request_report: Option<RequestReport>,
    /// The verdict on the certificate, derived from the verifier's proof.
    pub verdict: Option<Verdict>,
    /// Request ↔ certificate pairing.
    pub pairing: Option<Pairing>,
    /// The certificate chain, leaf first.
    pub chain: Vec<CertEntry>,
    /// Every finding of both steps; the request's own findings have the subject `request`.
    pub findings: Vec<Finding>,
}

impl Receipt {
    /// Builds the receipt from what was checked. The chain must have been checked against
    /// exactly this request (or none when none is given), so a receipt can never pair one
    /// request's file with a verdict computed for another.
    pub fn new(
        tool: ToolInfo,
        checked_at: UtcTime,
        request: Option<&RequestReport>,
        chain: Option<(&ChainReport, Option<&str>)>,
    ) -> Result<Receipt, ReceiptError> {
        if let Some((c, _)) = chain {
            if c.request_sha256.as_deref() != request.map(|r| r.sha256.as_str()) {
                return Err(ReceiptError::StalePairing);
            }
        }
        let mut findings = vec![];
        if let Some(r) = request {
            findings.extend(
                r.findings
                    .iter()
                    .cloned()
                    .map(|f| f.about(Subject::Request)),
            );
        }
        if let Some((c, _)) = chain {
            findings.extend(c.findings.iter().cloned());
        }
        Ok(Receipt {
            schema: RECEIPT_SCHEMA,
            tool,
            checked_at,
            request: request.map(|r| FileEntry {
                name: r.file_name.clone(),
                size: r.size,
                sha256: r.sha256.clone(),
            }),
            certificate: chain.map(|(c, name)| FileEntry {
                name: name.map(str::to_owned),
                size: c.size,
                sha256: c.sha256.clone(),
            }),
            request_report: request.cloned(),
            verdict: chain.map(|(c, _)| c.verdict()),
            pairing: chain.and_then(|(c, _)| c.pairing.clone()),
            chain: chain
                .map(|(c, _)| CertEntry::chain_of(c))
                .unwrap_or_default(),
            findings,
        })
    }

    /// A printable, self-contained HTML report (no scripts, no external resources).
    pub fn to_html(&self) -> String {
        let mut h = String::from("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>SLC Courier transfer receipt</title><style>body{font:14px/1.4 system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#111}code{font:12px ui-monospace,monospace;word-break:break-all}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.3rem;text-align:left;vertical-align:top}.error{font-weight:bold}</style></head><body>");
        h.push_str("<h1>SLC Courier — transfer receipt</h1>");
        h.push_str(&format!(
            "<p>Checked at {} by {} {} (build {}).</p>",
            self.checked_at,
            esc(&self.tool.name),
            esc(&self.tool.version),
            esc(&self.tool.build_id)
        ));
        if let Some(v) = &self.verdict {
            h.push_str(&verdict_html(v));
        }
        h.push_str("<h2>Files</h2><table><tr><th>Role</th><th>Name</th><th>Bytes</th><th>SHA-256</th></tr>");
        for (role, f) in [
            ("request", &self.request),
            ("certificate", &self.certificate),
        ] {
            if let Some(f) = f {
                h.push_str(&format!(
                    "<tr><td>{role}</td><td>{}</td><td>{}</td><td><code>{}</code></td></tr>",
                    esc(f.name.as_deref().unwrap_or("-")),
                    f.size,
                    f.sha256
                ));
            }
        }
        h.push_str("</table><h2>Findings</h2>");
        if self.findings.is_empty() {
            h.push_str("<p>None.</p>");
        } else {
            h.push_str("<table><tr><th>Severity</th><th>Code</th><th>About</th><th>Message</th><th>Where</th><th>Fix</th></tr>");
            for f in &self.findings {
                let at = f
                    .location
                    .map(|l| format!("byte {}, line {}, column {}", l.offset, l.line, l.column))
                    .unwrap_or_default();
                h.push_str(&format!("<tr class=\"{}\"><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", f.severity.as_str(), f.severity.as_str(), f.code.id(), subject_label(f.subject), esc(&f.message), at, esc(&f.fix)));
            }
            h.push_str("</table>");
        }
        h.push_str("<h2>Far-side check</h2><p>On the RMS server: <code>Get-FileHash -Algorithm SHA256 &lt;file&gt;</code> or <code>certutil -hashfile &lt;file&gt; SHA256</code>; compare with the SHA-256 above.</p><p>Checked by: ______________________ Date: ____________</p></body></html>");
        h
    }

    /// Pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
}

/// The verdict section of the printable receipt: the outcome, said as it is; a test anchor
/// named in the heading; no expiration headline for a chain that is not genuine.
fn verdict_html(v: &Verdict) -> String {
    let mut h = String::new();
    let test = if v.anchor_is_test {
        " — TEST ANCHOR, not a Microsoft verdict"
    } else {
        ""
    };
    let head = match v.outcome {
        Outcome::AnswersRequest => "VALID — a genuine chain that answers the request",
        Outcome::GenuineUnpaired => "GENUINE chain, NOT checked against a request",
        Outcome::NotValid => "NOT VALID — do not carry this file back",
    };
    h.push_str(&format!(
        "<h2 id=\"verdict\" data-verdict=\"{}\">Verdict: {head}{test}</h2>",
        v.outcome.id()
    ));
    if let Some(a) = &v.anchor {
        h.push_str(&format!(
            "<p>Trust anchor: {} (key fingerprint <code>{}</code>){}</p>",
            esc(&a.name),
            a.fingerprint,
            if a.microsoft {
                " — the pinned Microsoft DRM Production Root"
            } else {
                " — <strong>a test anchor loaded from a file, NOT the Microsoft root</strong>"
            }
        ));
    }
    if let Some(r) = v.reason {
        h.push_str(&format!(
            "<p>Reason: <code>{}</code> — {}</p>",
            r.id(),
            esc(r.description())
        ));
    }
    if let Some(e) = v.expires {
        h.push_str(&format!(
            "<p>New expiration date: <strong>{}</strong>{}</p>",
            e.date(),
            v.days_remaining
                .map(|d| format!(" ({d} days remaining)"))
                .unwrap_or_default()
        ));
    } else if let Some(e) = v.claimed_expires {
        h.push_str(&format!(
            "<p><small>Expiration date claimed by the rejected file (not proven): {}</small></p>",
            e.date()
        ));
    }
    h.push_str(&format!(
        "<p>Issued by {} to {} {}</p>",
        esc(v.issuer.as_deref().unwrap_or("-")),
        esc(v.server.as_deref().unwrap_or("-")),
        esc(v.server_guid.as_deref().unwrap_or(""))
    ));
    h
}

fn subject_label(s: Subject) -> String {
    match s {
        Subject::File => "file".to_owned(),
        Subject::Document { index } => format!("document {}", index + 1),
        Subject::Chain => "chain".to_owned(),
        Subject::Request => "request".to_owned(),
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Compares a hash pasted from the far side (`Get-FileHash` table, `certutil -hashfile`
/// output, or a bare hex string) with `expected` (lowercase hex). Returns the hex found.
pub fn compare_pasted_hash(pasted: &str, expected: &str) -> (Option<String>, bool) {
    let is_hash = |s: &str| s.len() == 64 && s.chars().all(|c| c.is_ascii_hexdigit());
    // A bare token (Get-FileHash, sha256sum), else a line of spaced byte pairs (certutil).
    let found = pasted
        .split_whitespace()
        .find(|t| is_hash(t))
        .map(str::to_owned)
        .or_else(|| {
            pasted
                .lines()
                .map(|l| l.replace(' ', ""))
                .find(|l| is_hash(l))
        })
        .map(|s| s.to_ascii_lowercase());
    let ok = found.as_deref() == Some(expected);
    (found, ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_hashes_from_windows_tools() {
        let h = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        let ps = "Algorithm       Hash                                                                   Path\n---------       ----                                                                   ----\nSHA256          BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD       C:\\x.xml";
        assert_eq!(compare_pasted_hash(ps, h), (Some(h.to_owned()), true));
        let cu = "SHA256 hash of x.xml:\nba 78 16 bf 8f 01 cf ea 41 41 40 de 5d ae 22 23 b0 03 61 a3 96 17 7a 9c b4 10 ff 61 f2 00 15 ad\nCertUtil: -hashfile command completed successfully.";
        assert_eq!(compare_pasted_hash(cu, h), (Some(h.to_owned()), true));
        assert_eq!(compare_pasted_hash("nothing here", h), (None, false));
    }
}
