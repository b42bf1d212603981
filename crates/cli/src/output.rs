//! Human output (coloured only on a terminal), JSON output, and the progress line.

use slc_courier_core::chain::{CertView, ChainReport, Outcome};
use slc_courier_core::request::{RequestKind, RequestReport};
use slc_courier_core::xrml::Wrapper;
use slc_courier_core::Lang;
use slc_courier_core::{Finding, Severity};
use std::cell::RefCell;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// Stands for ESC in this program's own colour codes until [`Out::line`] has made the rest of
/// the line printable (a private-use character no RMS file needs).
const PAINT: char = '\u{E000}';

/// `s` with every control, bidirectional-override and private-use character written as an
/// escape (`\u{1b}`), so what reaches a terminal is exactly the characters shown.
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let hidden = c.is_control()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}');
        if c == PAINT {
            out.push(c);
        } else if hidden || ('\u{E001}'..='\u{F8FF}').contains(&c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// Appends one formatted line to an [`Out`].
macro_rules! outln {
    ($out:expr, $($arg:tt)*) => { $out.line(format!($($arg)*)) };
}

/// Where output goes and whether it is coloured. Output is collected and written once by
/// [`Out::flush`], which ends quietly when the reader has gone (`slc-courier … | head`).
pub struct Out {
    /// The language of every sentence printed (JSON keys and codes stay neutral).
    pub lang: Lang,
    colour: bool,
    text: RefCell<String>,
}

/// One inspected file: name, SHA-256, documents, wrapper, findings.
pub type Inspected = (String, String, Vec<CertView>, Wrapper, Vec<Finding>);

impl Out {
    /// Colour only when stdout is a terminal (and NO_COLOR is unset) and not JSON.
    pub fn new(json: bool, lang: Lang) -> Out {
        Out {
            lang,
            colour: !json
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none(),
            text: RefCell::new(String::new()),
        }
    }

    /// Adds a line. Text from the files (names, certificate fields, anchor names) can hold
    /// control characters; they are shown escaped, so a file cannot move the cursor, hide text
    /// or print a line of its own (a fake "VALID") on the terminal.
    pub fn line(&self, s: String) {
        let mut t = self.text.borrow_mut();
        t.push_str(&printable(&s).replace(PAINT, "\x1b"));
        t.push('\n');
    }

    /// Writes what was collected to stdout. A closed pipe is not an error (the reader chose to
    /// stop reading, and the exit code still says the verdict); any other write error is.
    pub fn flush(&self) -> std::io::Result<()> {
        let mut stdout = std::io::stdout().lock();
        match stdout
            .write_all(self.text.borrow().as_bytes())
            .and_then(|()| stdout.flush())
        {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            r => r,
        }
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.colour {
            format!("{PAINT}[{code}m{s}{PAINT}[0m")
        } else {
            s.to_owned()
        }
    }

    fn status(&self, sev: Severity) -> String {
        match sev {
            Severity::Error => self.paint("1;31", "FAIL"),
            Severity::Warning => self.paint("1;33", "WARN"),
            Severity::Info => self.paint("36", "INFO"),
        }
    }

    /// Prints JSON.
    pub fn json(&self, s: &str) {
        // serde_json escapes every control character inside strings.
        let mut t = self.text.borrow_mut();
        t.push_str(s);
        t.push('\n');
    }

    fn findings(&self, findings: &[Finding]) {
        if findings.is_empty() {
            outln!(self, "  {}  no findings", self.paint("1;32", "PASS"));
        }
        for f in findings {
            let at = f
                .location
                .map(|l| format!(" (byte {}, line {}, column {})", l.offset, l.line, l.column))
                .unwrap_or_default();
            outln!(
                self,
                "  {}  {}  {}{at}",
                self.status(f.severity),
                f.code,
                f.text(self.lang).message
            );
            outln!(self, "        fix: {}", f.text(self.lang).fix);
        }
    }

    /// The request report.
    pub fn request(&self, r: &RequestReport) {
        let s = &r.summary;
        let dash = || "-".to_owned();
        outln!(self, "request: {}", r.file_name.as_deref().unwrap_or("-"));
        outln!(self, "  sha256       {}", r.sha256);
        outln!(self, "  size         {} bytes ({:?})", r.size, r.encoding);
        outln!(
            self,
            "  kind         {}",
            match r.kind {
                RequestKind::Enrollment => "enrollment",
                RequestKind::Renewal => "renewal",
                RequestKind::Unknown => "unknown",
            }
        );
        outln!(
            self,
            "  server       {}",
            s.server_name.clone().unwrap_or_else(dash)
        );
        outln!(
            self,
            "  cluster url  {}",
            s.cluster_url.clone().unwrap_or_else(dash)
        );
        outln!(
            self,
            "  guid         {}",
            s.guid.clone().unwrap_or_else(dash)
        );
        outln!(
            self,
            "  version      {} (sku {})",
            s.version.clone().unwrap_or_else(dash),
            s.sku.clone().unwrap_or_else(dash)
        );
        match &s.key {
            Some(k) => outln!(
                self,
                "  key          RSA-{} e={} {} fingerprint {}",
                k.bits,
                k.exponent,
                k.form.label(),
                k.fingerprint
            ),
            None => outln!(self, "  key          -"),
        }
        outln!(
            self,
            "  verdict      {}",
            if r.is_ok() {
                self.paint("1;32", "OK")
            } else {
                self.paint("1;31", "ERRORS")
            }
        );
        self.findings(&r.findings);
    }

    /// The chain report: the outcome first, said as it is; a test anchor named in the
    /// verdict line itself.
    pub fn chain(&self, name: &str, r: &ChainReport) {
        let v = r.verdict();
        outln!(self, "certificate chain: {name}");
        outln!(self, "  sha256       {}", r.sha256);
        let test = if v.anchor_is_test {
            self.paint("1;33", " [TEST ANCHOR — not a Microsoft verdict]")
        } else {
            String::new()
        };
        let line = match v.outcome {
            Outcome::AnswersRequest => {
                self.paint("1;32", "VALID — a genuine chain that answers the request")
            }
            Outcome::GenuineUnpaired => self.paint(
                "1;33",
                "GENUINE — NOT checked against a request (give --request before you carry it back)",
            ),
            Outcome::NotValid => self.paint("1;31", "NOT VALID — do not carry this file back"),
        };
        outln!(self, "  verdict      {line}{test}");
        if let Some(reason) = v.reason {
            outln!(
                self,
                "  reason       {} — {}",
                reason.id(),
                reason.description()
            );
        }
        if let Some(a) = &v.anchor {
            outln!(
                self,
                "  anchor       {} (key {}){}",
                a.name,
                a.fingerprint,
                if a.microsoft {
                    " — the pinned Microsoft DRM Production Root".to_owned()
                } else {
                    self.paint("1;33", " — TEST anchor from a file, NOT the Microsoft root")
                }
            );
        }
        if let Some(e) = v.expires {
            outln!(
                self,
                "  expires      {} ({} days remaining)",
                e.date(),
                v.days_remaining.unwrap_or(0)
            );
        } else if let Some(e) = v.claimed_expires {
            outln!(
                self,
                "  claimed      expiry {} (written in the rejected file, not proven)",
                e.date()
            );
        }
        outln!(
            self,
            "  issued by    {}",
            v.issuer.as_deref().unwrap_or("-")
        );
        outln!(
            self,
            "  server       {} {}",
            v.server.as_deref().unwrap_or("-"),
            v.server_guid.as_deref().unwrap_or("")
        );
        if let Some(p) = &r.pairing {
            if p.request_has_errors {
                outln!(self, "  pairing      not compared: the request has errors (see `slc-courier request`)");
            } else {
                outln!(
                    self,
                    "  pairing      guid {} · key {}",
                    if p.guid_matches { "matches" } else { "DIFFERS" },
                    if p.key_matches { "matches" } else { "DIFFERS" }
                );
            }
        }
        for (n, &i) in r.chain.iter().enumerate() {
            if let Some(d) = r.documents.get(i) {
                self.doc(n + 1, d);
            }
        }
        self.findings(&r.findings);
    }

    fn doc(&self, n: usize, d: &CertView) {
        let c = &d.cert;
        let sig = match &d.signature {
            Some(s) if s.is_valid() => self.paint(
                "32",
                &format!(
                    "verified ({:?}, {:?} body)",
                    s.hash.unwrap_or(slc_courier_core::policy::HashAlg::Sha1),
                    s.digest_form
                        .unwrap_or(slc_courier_core::xrml::BodyForm::Raw)
                ),
            ),
            Some(_) => self.paint("1;31", "FAILED"),
            None => self.paint("1;31", "missing"),
        };
        outln!(self, "  {n}. {}  [{}]", c.kind(), sig);
        outln!(self, "       issuer     {}", c.issuer.object.label());
        outln!(
            self,
            "       principal  {}",
            c.principal
                .as_ref()
                .map(|p| p.object.label().to_owned())
                .unwrap_or_else(|| "-".into())
        );
        outln!(
            self,
            "       issued     {}   authority until {}",
            c.issued
                .map(|t| t.to_string())
                .unwrap_or_else(|| "-".into()),
            c.issue_range
                .and_then(|(_, u)| u)
                .map(|t| t.to_string())
                .unwrap_or_else(|| "-".into())
        );
    }

    /// One inspected file.
    pub fn inspect(&self, r: &Inspected) {
        let (name, sha, docs, wrapper, findings) = r;
        outln!(
            self,
            "{name}: {} XrML document(s), {:?}, sha256 {sha}",
            docs.len(),
            wrapper
        );
        for d in docs {
            self.doc(d.cert.index + 1, d);
        }
        self.findings(findings);
    }
}

/// The `slc-courier-inspect/1` JSON document.
pub fn inspect_json(reports: &[Inspected], lang: Lang) -> String {
    let files: Vec<serde_json::Value> = reports
        .iter()
        .map(|(name, sha, docs, wrapper, findings)| {
            serde_json::json!({ "name": name, "sha256": sha, "wrapper": wrapper, "documents": docs, "findings": findings })
        })
        .collect();
    slc_courier_core::finding::to_json_in(
        &serde_json::json!({ "schema": "slc-courier-inspect/1", "files": files }),
        lang,
    )
}

/// A progress line on stderr for many files, only on a terminal.
pub struct Progress {
    total: usize,
    on: bool,
}

impl Progress {
    /// Shown when there are several files and stderr is a terminal.
    pub fn new(total: usize) -> Progress {
        Progress {
            total,
            on: total > 1 && std::io::stderr().is_terminal(),
        }
    }
    /// Before file `i`.
    pub fn tick(&self, i: usize, f: &Path) {
        if self.on {
            let width = 30;
            let filled = width * i / self.total.max(1);
            eprint!(
                "\r[{}{}] {}/{} {}\x1b[K",
                "#".repeat(filled),
                " ".repeat(width - filled),
                i + 1,
                self.total,
                printable(&f.display().to_string())
            );
        }
    }
    /// Clears the line.
    pub fn done(&self) {
        if self.on {
            eprint!("\r\x1b[K");
        }
    }
}
