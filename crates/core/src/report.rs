//! The transfer receipt: one JSON schema shared by the page and the CLI.
//!
//! Versioned by [`RECEIPT_SCHEMA`]; `docs/receipt.md` documents the fields.

use crate::chain::{ChainReport, Outcome, Pairing, Verdict};
use crate::finding::{Finding, Subject};
use crate::request::RequestReport;
use crate::time::UtcTime;
use serde::Serialize;

pub mod schema;
pub mod words;

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

/// The transfer receipt, as the tool holds it; written through its schema type
/// ([`schema::ReceiptV2`]), never serialised directly.
#[derive(Debug, Clone)]
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
    /// The far-side hash check, per file, when a hash was pasted (added within schema 2;
    /// absent when nothing was pasted).
    pub far_side: Option<FarSide>,
    /// The checklist items the user ticked (added within schema 2; absent from the CLI).
    pub checklist: Option<Vec<String>>,
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
            far_side: None,
            checklist: None,
        })
    }

    /// Records the far-side hash check.
    pub fn with_far_side(mut self, far_side: Option<FarSide>) -> Receipt {
        self.far_side = far_side;
        self
    }

    /// Records the ticked checklist items.
    pub fn with_checklist(mut self, ticked: Vec<String>) -> Receipt {
        self.checklist = Some(ticked);
        self
    }

    /// A printable, self-contained HTML report (no scripts, no external resources), every
    /// word in `lang` ([`words`]) and `<html lang>` set to it.
    pub fn to_html(&self, lang: crate::lang::Lang) -> String {
        let w = words::of(lang);
        let mut h = format!("<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>body{{font:14px/1.4 system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#111}}code{{font:12px ui-monospace,monospace;word-break:break-all}}table{{border-collapse:collapse;width:100%}}td,th{{border:1px solid #999;padding:.3rem;text-align:left;vertical-align:top}}.error{{font-weight:bold}}</style></head><body>", w.lang.tag(), esc(w.title));
        h.push_str(&format!("<h1>{}</h1>", esc(w.heading)));
        h.push_str(&format!(
            "<p>{}</p>",
            (w.checked)(
                &self.checked_at.to_string(),
                &esc(&self.tool.name),
                &esc(&self.tool.version),
                &esc(&self.tool.build_id)
            )
        ));
        if let Some(v) = &self.verdict {
            h.push_str(&verdict_html(
                v,
                self.request.as_ref().and_then(|r| r.name.as_deref()),
                lang,
            ));
        }
        let [role, name, bytes] = w.files_columns;
        h.push_str(&format!(
            "<h2>{}</h2><table><tr><th>{role}</th><th>{name}</th><th>{bytes}</th><th>SHA-256</th></tr>",
            w.files
        ));
        for (role, f) in [
            (w.role_request, &self.request),
            (w.role_certificate, &self.certificate),
        ] {
            if let Some(f) = f {
                h.push_str(&format!(
                    "<tr><td>{role}</td><td>{}</td><td>{}</td><td><code>{}</code></td></tr>",
                    esc(f.name.as_deref().unwrap_or(w.unnamed)),
                    f.size,
                    f.sha256
                ));
            }
        }
        h.push_str(&format!("</table><h2>{}</h2>", w.findings));
        if self.findings.is_empty() {
            h.push_str(&format!("<p>{}</p>", w.none));
        } else {
            h.push_str("<table><tr>");
            for c in w.findings_columns {
                h.push_str(&format!("<th>{c}</th>"));
            }
            h.push_str("</tr>");
            for f in &self.findings {
                let at = f
                    .location
                    .map(|l| (w.location)(l.offset, l.line, l.column))
                    .unwrap_or_default();
                let text = f.text(lang);
                h.push_str(&format!("<tr class=\"{}\"><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", f.severity.as_str(), (w.severity)(f.severity), f.code.id(), subject_label(f.subject, w), esc(&text.message), at, esc(&text.fix)));
            }
            h.push_str("</table>");
        }
        h.push_str(&self.extras_html(w));
        h.push_str(&format!(
            "<h2>{}</h2><p>{}</p><p>{}</p></body></html>",
            w.far_side_check, w.far_side_how, w.signed_by
        ));
        h
    }

    /// Pretty JSON, with findings' words in `lang` (keys, codes and parameters are
    /// language-neutral).
    pub fn to_json(&self, lang: crate::lang::Lang) -> String {
        serde_json::to_string_pretty(&schema::ReceiptV2::of(self, lang)).unwrap_or_default()
    }
}

/// The verdict section of the printable receipt: the outcome, said as it is; under a test
/// anchor it never says "Microsoft"; no expiration headline for a chain that is not valid.
fn verdict_html(v: &Verdict, request_name: Option<&str>, lang: crate::lang::Lang) -> String {
    let w = words::of(lang);
    let mut h = String::new();
    let head = match v.outcome {
        Outcome::AnswersRequest => {
            let req =
                request_name.map_or(w.unnamed.to_owned(), |n| format!("<code>{}</code>", esc(n)));
            if v.anchor_is_test {
                (w.valid_test)(&req)
            } else {
                (w.valid_ms)(&req)
            }
        }
        Outcome::GenuineUnpaired => w.unpaired.to_owned(),
        Outcome::NotValid => w.invalid.to_owned(),
    };
    h.push_str(&format!(
        "<h2 id=\"verdict\" data-verdict=\"{}\">{}: {head}</h2>",
        v.outcome.id(),
        w.verdict
    ));
    if let Some(r) = v.reason {
        h.push_str(&format!(
            "<p>{}: <code>{}</code> — {}</p>",
            w.reason,
            r.id(),
            esc(words::verdict_reason(r, lang))
        ));
    }
    if let Some(a) = &v.anchor {
        h.push_str(&format!(
            "<p>{}</p>",
            if a.microsoft {
                (w.anchor_ms)(&a.fingerprint)
            } else {
                (w.anchor_test)(&a.fingerprint)
            }
        ));
    }
    if let Some(e) = v.expires {
        h.push_str(&format!(
            "<p>{}</p>",
            (w.new_expiry)(&e.date(), v.days_remaining)
        ));
    } else if let Some(e) = v.claimed_expires {
        h.push_str(&format!(
            "<p><small>{}</small></p>",
            (w.claimed_expiry)(&e.date())
        ));
    }
    h.push_str(&format!(
        "<p>{}</p>",
        (w.named_in_cert)(
            &esc(v.issuer.as_deref().unwrap_or("-")),
            &esc(v.server.as_deref().unwrap_or("-")),
            &esc(v.server_guid.as_deref().unwrap_or(""))
        )
    ));
    h
}

/// The procedure's steps 13–16 ("To Renew a Server Licensor Certificate", Windows RMS), after
/// the certificate is carried back, in English; [`words::ReceiptWords::next_steps`] has them
/// per language.
pub const NEXT_STEPS: [&str; 4] = words::EN.next_steps;

/// The commands that hash the carried copy on the RMS server.
pub fn hash_commands(file_name: &str) -> [String; 2] {
    // PowerShell: a literal path in single quotes (no `$` expansion, no `[` wildcards; a `'`
    // is doubled). certutil as cmd.exe reads it: double quotes, which no file name contains.
    [
        format!(
            "Get-FileHash -Algorithm SHA256 -LiteralPath '{}'",
            file_name.replace('\'', "''")
        ),
        format!("certutil -hashfile \"{file_name}\" SHA256"),
    ]
}

impl Receipt {
    /// The "Next, on the RMS server" panel (only for a chain that answers the request), the
    /// far-side results and the ticked checklist.
    fn extras_html(&self, w: &words::ReceiptWords) -> String {
        let mut h = String::new();
        let valid = self
            .verdict
            .as_ref()
            .is_some_and(|v| v.outcome == Outcome::AnswersRequest);
        if let (true, Some(c)) = (valid, &self.certificate) {
            let name = c.name.as_deref().unwrap_or("certificate.xml");
            h.push_str(&format!(
                "<h2 id=\"next\">{}</h2><p>{}</p><ol start=\"{}\">",
                w.next_title,
                (w.carry_this)(&esc(name), &c.sha256),
                w.next_steps_start
            ));
            for s in w.next_steps {
                h.push_str(&format!("<li>{}</li>", esc(s)));
            }
            h.push_str("</ol>");
            if let Some(e) = self.verdict.as_ref().and_then(|v| v.expires) {
                h.push_str(&format!("<p>{}</p>", (w.cluster_shows)(&e.date())));
            }
            let [ps, cu] = hash_commands(name);
            h.push_str(&format!("<p>{}</p>", (w.check_copy)(&esc(&ps), &esc(&cu))));
        }
        if let Some(f) = &self.far_side {
            h.push_str(&format!(
                "<h2>{}</h2><ul id=\"far-side\">",
                w.far_side_title
            ));
            for (role, file, r) in [
                (w.role_request, &self.request, f.request),
                (w.role_certificate, &self.certificate, f.certificate),
            ] {
                if let (Some(file), Some(r)) = (file, r) {
                    h.push_str(&format!(
                        "<li data-result=\"{}\">{role} {}: <strong>{}</strong></li>",
                        r.id(),
                        esc(file.name.as_deref().unwrap_or(w.unnamed)),
                        (w.far_side_result)(r)
                    ));
                }
            }
            h.push_str("</ul>");
        }
        if let Some(c) = &self.checklist {
            h.push_str(&format!("<h2>{}</h2>", w.checklist_title));
            if c.is_empty() {
                h.push_str(&format!("<p>{}</p>", w.none));
            } else {
                h.push_str("<ul id=\"checklist\">");
                for item in c {
                    h.push_str(&format!("<li>{}</li>", esc(item)));
                }
                h.push_str("</ul>");
            }
        }
        h
    }
}

fn subject_label(s: Subject, w: &words::ReceiptWords) -> String {
    match s {
        Subject::File => w.subject_file.to_owned(),
        Subject::Document { index } => (w.subject_document)(index + 1),
        Subject::Chain => w.subject_chain.to_owned(),
        Subject::Request => w.subject_request.to_owned(),
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The far-side result for one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FarSideResult {
    /// The pasted text has this file's SHA-256: it arrived unchanged.
    Matches,
    /// The pasted text has a different SHA-256 for this file.
    Differs,
    /// Nothing in the pasted text is about this file.
    NotInPastedText,
}

impl FarSideResult {
    /// The kebab-case id, as in the JSON receipt.
    pub fn id(self) -> &'static str {
        match self {
            FarSideResult::Matches => "matches",
            FarSideResult::Differs => "differs",
            FarSideResult::NotInPastedText => "not-in-pasted-text",
        }
    }
}

/// The far-side check of both files (`None` for a file not loaded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct FarSide {
    /// The request file.
    pub request: Option<FarSideResult>,
    /// The certificate file.
    pub certificate: Option<FarSideResult>,
}

/// One hash found in pasted text, with the file name printed beside it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastedHash {
    /// Lowercase hex.
    pub sha256: String,
    /// The file name (last path component) printed with it.
    pub name: Option<String>,
}

fn base_name(path: &str) -> String {
    let p = path.trim().trim_matches('"').trim_end_matches(':');
    p.rsplit(['\\', '/']).next().unwrap_or(p).trim().to_owned()
}

/// Every SHA-256 in text pasted from the far side, one pass over the lines: `Get-FileHash`
/// (table or list: `Path : …`), `certutil -hashfile` (`SHA256 hash of FILE:` then the hash,
/// bare or as spaced byte pairs), `sha256sum` (`HASH  FILE`), or bare hex.
pub fn pasted_hashes(pasted: &str) -> Vec<PastedHash> {
    let is_hash = |s: &str| s.len() == 64 && s.chars().all(|c| c.is_ascii_hexdigit());
    let mut out: Vec<PastedHash> = vec![];
    let mut pending_name: Option<String> = None;
    for line in pasted.lines() {
        let l = line.trim();
        let lower = l.to_ascii_lowercase();
        if let Some(i) = lower.find(" hash of ") {
            pending_name = l.get(i + 9..).map(base_name);
            continue;
        }
        if lower.starts_with("path") && l.contains(':') {
            if let (Some(last), Some((_, v))) = (out.last_mut(), l.split_once(':')) {
                if last.name.is_none() {
                    last.name = Some(base_name(v));
                }
            }
            continue;
        }
        let tokens: Vec<&str> = l.split_whitespace().collect();
        let (hash, rest) = match tokens.iter().position(|t| is_hash(t)) {
            Some(i) => (
                tokens.get(i).map(|t| t.to_ascii_lowercase()),
                tokens.get(i + 1..).map(|r| r.join(" ")).unwrap_or_default(),
            ),
            None => {
                let joined = l.replace(' ', "");
                (
                    is_hash(&joined).then(|| joined.to_ascii_lowercase()),
                    String::new(),
                )
            }
        };
        if let Some(sha256) = hash {
            let rest = rest.trim_start_matches('*');
            let name = if rest.trim().is_empty() {
                pending_name.take()
            } else {
                Some(base_name(rest))
            };
            out.push(PastedHash { sha256, name });
        }
    }
    out
}

/// The far-side check of each loaded file (`(name, sha256)`) against the pasted text: its hash
/// is there (matches); a different hash is printed with its name, or is the only unexplained
/// hash when this is the only file not otherwise accounted for (differs); else not in the text.
pub fn far_side_check(pasted: &str, files: &[(&str, &str)]) -> Vec<FarSideResult> {
    let found = pasted_hashes(pasted);
    let same = |a: &str, b: &str| a.eq_ignore_ascii_case(&base_name(b));
    let matched = |sha: &str| found.iter().any(|h| h.sha256 == sha);
    let named = |name: &str| {
        found
            .iter()
            .any(|h| h.name.as_deref().is_some_and(|n| same(n, name)))
    };
    let unexplained = found.iter().any(|h| {
        !files
            .iter()
            .any(|(n, s)| h.sha256 == *s || h.name.as_deref().is_some_and(|hn| same(hn, n)))
    });
    let open = files
        .iter()
        .filter(|(n, s)| !matched(s) && !named(n))
        .count();
    files
        .iter()
        .map(|(n, s)| {
            if matched(s) {
                FarSideResult::Matches
            } else if named(n) || (unexplained && open == 1) {
                FarSideResult::Differs
            } else {
                FarSideResult::NotInPastedText
            }
        })
        .collect()
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
    fn hash_commands_quote_names_as_each_shell_reads_them() {
        assert_eq!(
            hash_commands("RMS01 $cert [1] O'Brien.xml"),
            [
                "Get-FileHash -Algorithm SHA256 -LiteralPath 'RMS01 $cert [1] O''Brien.xml'"
                    .to_owned(),
                "certutil -hashfile \"RMS01 $cert [1] O'Brien.xml\" SHA256".to_owned(),
            ]
        );
    }

    #[test]
    fn pasted_hashes_from_windows_tools() {
        let h = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        let ps = "Algorithm       Hash                                                                   Path\n---------       ----                                                                   ----\nSHA256          BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD       C:\\x.xml";
        assert_eq!(compare_pasted_hash(ps, h), (Some(h.to_owned()), true));
        let cu = "SHA256 hash of x.xml:\nba 78 16 bf 8f 01 cf ea 41 41 40 de 5d ae 22 23 b0 03 61 a3 96 17 7a 9c b4 10 ff 61 f2 00 15 ad\nCertUtil: -hashfile command completed successfully.";
        assert_eq!(compare_pasted_hash(cu, h), (Some(h.to_owned()), true));
        assert_eq!(compare_pasted_hash("nothing here", h), (None, false));
    }

    const A: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    const B: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    const C: &str = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    #[track_caller]
    fn far(pasted: &str, expected: [FarSideResult; 2]) {
        let got = far_side_check(pasted, &[("RMS01EnrollRequest.xml", A), ("slc.xml", B)]);
        assert_eq!(got, expected.to_vec(), "{pasted}");
    }

    #[test]
    fn far_side_is_per_file() {
        use FarSideResult::{Differs as D, Matches as M, NotInPastedText as N};
        // Get-FileHash for the chain only: the request was never hashed.
        far(
            &format!("SHA256   {}   C:\\Users\\a\\slc.xml", B.to_uppercase()),
            [N, M],
        );
        far(&format!("SHA256   {C}   C:\\Users\\a\\slc.xml"), [N, D]);
        far(
            &format!("SHA256   {C}   C:\\Users\\a\\RMS01ENROLLREQUEST.XML"),
            [D, N],
        );
        // Format-List: the path comes after the hash.
        far(
            &format!("Algorithm : SHA256\nHash      : {C}\nPath      : C:\\slc.xml"),
            [N, D],
        );
        // certutil names the file on the line before the hash, spaced or not.
        let spaced: Vec<String> = (0..32)
            .map(|i| A.get(i * 2..i * 2 + 2).unwrap_or("").to_owned())
            .collect();
        far(&format!("SHA256 hash of C:\\x\\RMS01EnrollRequest.xml:\n{}\nCertUtil: -hashfile command completed successfully.", spaced.join(" ")), [M, N]);
        far(&format!("SHA256 hash of slc.xml:\n{C}\n"), [N, D]);
        // Both, sha256sum style.
        far(
            &format!("{A}  RMS01EnrollRequest.xml\n{B} *slc.xml"),
            [M, M],
        );
        // A bare unexplained hash: the one file not accounted for differs; with two, unknown.
        far(&format!("{A}\n{C}"), [M, D]);
        far(C, [N, N]);
        far("", [N, N]);
        assert_eq!(far_side_check(C, &[("slc.xml", B)]), vec![D]);
        assert_eq!(
            far_side_check(&format!("{C} other.xml"), &[("slc.xml", B)]),
            vec![D]
        );
    }
}
