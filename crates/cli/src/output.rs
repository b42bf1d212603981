//! Human output (coloured only on a terminal), JSON output, and the progress line.

use crate::words::{KeyLine, Words};
use slc_courier_core::chain::{CertView, ChainReport, Outcome};
use slc_courier_core::request::RequestReport;
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
        let word = (self.w().status)(sev);
        match sev {
            Severity::Error => self.paint("1;31", word),
            Severity::Warning => self.paint("1;33", word),
            Severity::Info => self.paint("36", word),
        }
    }

    /// The words of [`Out::lang`].
    pub fn w(&self) -> &'static Words {
        crate::words::of(self.lang)
    }

    /// `  label        value`, the label padded to the report's column.
    fn field(&self, label: &str, value: &str) {
        outln!(self, "  {label:<12} {value}");
    }

    /// Prints JSON.
    pub fn json(&self, s: &str) {
        // serde_json escapes every control character inside strings.
        let mut t = self.text.borrow_mut();
        t.push_str(s);
        t.push('\n');
    }

    fn findings(&self, findings: &[Finding]) {
        let w = self.w();
        if findings.is_empty() {
            outln!(self, "  {}  {}", self.paint("1;32", w.pass), w.no_findings);
        }
        for f in findings {
            let at = f
                .location
                .map(|l| (w.location)(l.offset, l.line, l.column))
                .unwrap_or_default();
            let text = f.text(self.lang);
            outln!(
                self,
                "  {}  {}  {}{at}",
                self.status(f.severity),
                f.code,
                text.message
            );
            outln!(self, "        {} {}", w.fix, text.fix);
        }
    }

    /// The request report.
    pub fn request(&self, r: &RequestReport) {
        let w = self.w();
        let s = &r.summary;
        let [sha, size, kind, server, cluster, guid, version, key, verdict] = w.request_labels;
        let or = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".to_owned());
        outln!(
            self,
            "{} {}",
            w.request_heading,
            r.file_name.as_deref().unwrap_or("-")
        );
        self.field(sha, &r.sha256);
        self.field(size, &(w.size)(r.size, r.encoding));
        self.field(kind, (w.request_kind)(r.kind));
        self.field(server, &or(&s.server_name));
        self.field(cluster, &or(&s.cluster_url));
        self.field(guid, &or(&s.guid));
        self.field(version, &(w.version)(&or(&s.version), &or(&s.sku)));
        match &s.key {
            Some(k) => self.field(
                key,
                &(w.key)(&KeyLine {
                    bits: k.bits,
                    exponent: k.exponent,
                    form: k.form.label(),
                    fingerprint: &k.fingerprint,
                }),
            ),
            None => self.field(key, "-"),
        }
        let [ok, errors] = w.request_ok;
        self.field(
            verdict,
            &if r.is_ok() {
                self.paint("1;32", ok)
            } else {
                self.paint("1;31", errors)
            },
        );
        self.findings(&r.findings);
    }

    /// The chain report: the outcome first, said as it is; a test anchor named in the
    /// verdict line itself.
    pub fn chain(&self, name: &str, r: &ChainReport) {
        let w = self.w();
        let [sha, verdict, reason_l, anchor_l, expires, claimed, issued_by, server, pairing] =
            w.chain_labels;
        let v = r.verdict();
        outln!(self, "{} {name}", w.chain_heading);
        self.field(sha, &r.sha256);
        let test = if v.anchor_is_test {
            self.paint("1;33", w.test_anchor_mark)
        } else {
            String::new()
        };
        let line = match v.outcome {
            Outcome::AnswersRequest => self.paint("1;32", w.verdict_valid),
            Outcome::GenuineUnpaired => self.paint("1;33", w.verdict_unpaired),
            Outcome::NotValid => self.paint("1;31", w.verdict_invalid),
        };
        self.field(verdict, &format!("{line}{test}"));
        if let Some(reason) = v.reason {
            self.field(
                reason_l,
                &format!(
                    "{} — {}",
                    reason.id(),
                    slc_courier_core::report::words::verdict_reason(reason, self.lang)
                ),
            );
        }
        if let Some(a) = &v.anchor {
            self.field(
                anchor_l,
                &format!(
                    "{}{}",
                    (w.anchor)(&a.name, &a.fingerprint),
                    if a.microsoft {
                        w.anchor_pinned.to_owned()
                    } else {
                        self.paint("1;33", w.anchor_test)
                    }
                ),
            );
        }
        if let Some(e) = v.expires {
            self.field(
                expires,
                &(w.expires)(&e.date(), v.days_remaining.unwrap_or(0)),
            );
        } else if let Some(e) = v.claimed_expires {
            self.field(claimed, &(w.claimed)(&e.date()));
        }
        self.field(issued_by, v.issuer.as_deref().unwrap_or("-"));
        self.field(
            server,
            &format!(
                "{} {}",
                v.server.as_deref().unwrap_or("-"),
                v.server_guid.as_deref().unwrap_or("")
            ),
        );
        if let Some(p) = &r.pairing {
            if p.request_has_errors {
                self.field(pairing, w.pairing_skipped);
            } else {
                self.field(pairing, &(w.pairing)(p.guid_matches, p.key_matches));
            }
        }
        // Every document of the file, numbered as the findings number them (file order), each
        // with its place in the chain (leaf first) or none.
        for d in &r.documents {
            let link = r
                .chain
                .iter()
                .position(|&i| i == d.cert.index)
                .map(|p| (p + 1, r.chain.len()));
            self.doc(d, Some((w.chain_link)(link)));
        }
        self.findings(&r.findings);
    }

    /// One document, numbered as the findings number it; `place`: where it is in the chain.
    fn doc(&self, d: &CertView, place: Option<String>) {
        let w = self.w();
        let c = &d.cert;
        let [bad, missing] = w.signature_bad;
        let sig = match &d.signature {
            Some(s) if s.is_valid() => self.paint(
                "32",
                &(w.signature_verified)(
                    s.hash.unwrap_or(slc_courier_core::policy::HashAlg::Sha1),
                    s.digest_form
                        .unwrap_or(slc_courier_core::xrml::BodyForm::Raw),
                ),
            ),
            Some(_) => self.paint("1;31", bad),
            None => self.paint("1;31", missing),
        };
        let [issuer, principal, issued, until] = w.doc_labels;
        let time = |t: Option<slc_courier_core::UtcTime>| {
            t.map(|t| t.to_string()).unwrap_or_else(|| "-".into())
        };
        outln!(
            self,
            "  {}. {}  [{}]{}",
            c.index + 1,
            c.kind(),
            sig,
            place.map(|p| format!("  {p}")).unwrap_or_default()
        );
        outln!(self, "       {issuer:<10} {}", c.issuer.object.label());
        outln!(
            self,
            "       {principal:<10} {}",
            c.principal
                .as_ref()
                .map(|p| p.object.label().to_owned())
                .unwrap_or_else(|| "-".into())
        );
        outln!(
            self,
            "       {issued:<10} {}   {until} {}",
            time(c.issued),
            time(c.issue_range.and_then(|(_, u)| u))
        );
    }

    /// One inspected file.
    pub fn inspect(&self, r: &Inspected) {
        let (name, sha, docs, wrapper, findings) = r;
        outln!(
            self,
            "{}",
            (self.w().inspected)(name, docs.len(), *wrapper, sha)
        );
        for d in docs {
            self.doc(d, None);
        }
        self.findings(findings);
    }
}

/// The `slc-courier-inspect/1` JSON document, through its schema type
/// ([`slc_courier_core::report::schema::InspectV1`]).
pub fn inspect_json(reports: &[Inspected], lang: Lang) -> String {
    use slc_courier_core::report::schema::{InspectV1, InspectedFile};
    let files: Vec<InspectedFile<'_>> = reports
        .iter()
        .map(|(name, sha, docs, wrapper, findings)| {
            (
                name.as_str(),
                sha.as_str(),
                docs.as_slice(),
                *wrapper,
                findings.as_slice(),
            )
        })
        .collect();
    serde_json::to_string_pretty(&InspectV1::of(&files, lang)).unwrap_or_default()
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
