//! Human output (coloured only on a terminal), JSON output, and the progress line.

use slc_courier_core::chain::{CertView, ChainReport};
use slc_courier_core::request::{RequestKind, RequestReport};
use slc_courier_core::xrml::Wrapper;
use slc_courier_core::{Finding, Severity};
use std::io::IsTerminal;
use std::path::Path;

/// Where output goes and whether it is coloured.
pub struct Out {
    colour: bool,
}

/// One inspected file: name, SHA-256, documents, wrapper, findings.
pub type Inspected = (String, String, Vec<CertView>, Wrapper, Vec<Finding>);

impl Out {
    /// Colour only when stdout is a terminal (and NO_COLOR is unset) and not JSON.
    pub fn new(json: bool) -> Out {
        Out {
            colour: !json
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none(),
        }
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{s}\x1b[0m")
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
        println!("{s}");
    }

    fn findings(&self, findings: &[Finding]) {
        if findings.is_empty() {
            println!("  {}  no findings", self.paint("1;32", "PASS"));
        }
        for f in findings {
            let at = f
                .location
                .map(|l| format!(" (byte {}, line {}, column {})", l.offset, l.line, l.column))
                .unwrap_or_default();
            println!(
                "  {}  {}  {}{at}",
                self.status(f.severity),
                f.code,
                f.message
            );
            println!("        fix: {}", f.fix);
        }
    }

    /// The request report.
    pub fn request(&self, r: &RequestReport) {
        let s = &r.summary;
        let dash = || "-".to_owned();
        println!("request: {}", r.file_name.as_deref().unwrap_or("-"));
        println!("  sha256       {}", r.sha256);
        println!("  size         {} bytes ({:?})", r.size, r.encoding);
        println!(
            "  kind         {}",
            match r.kind {
                RequestKind::Enrollment => "enrollment",
                RequestKind::Renewal => "renewal",
                RequestKind::Unknown => "unknown",
            }
        );
        println!(
            "  server       {}",
            s.server_name.clone().unwrap_or_else(dash)
        );
        println!(
            "  cluster url  {}",
            s.cluster_url.clone().unwrap_or_else(dash)
        );
        println!("  guid         {}", s.guid.clone().unwrap_or_else(dash));
        println!(
            "  version      {} (sku {})",
            s.version.clone().unwrap_or_else(dash),
            s.sku.clone().unwrap_or_else(dash)
        );
        match &s.key {
            Some(k) => println!(
                "  key          RSA-{} e={} {} fingerprint {}",
                k.bits,
                k.exponent,
                k.form.label(),
                k.fingerprint
            ),
            None => println!("  key          -"),
        }
        println!(
            "  verdict      {}",
            if r.is_ok() {
                self.paint("1;32", "OK")
            } else {
                self.paint("1;31", "ERRORS")
            }
        );
        self.findings(&r.findings);
    }

    /// The chain report.
    pub fn chain(&self, name: &str, r: &ChainReport) {
        let v = &r.verdict;
        println!("certificate chain: {name}");
        println!("  sha256       {}", r.sha256);
        println!(
            "  verdict      {}",
            if v.valid {
                self.paint("1;32", "VALID")
            } else {
                self.paint("1;31", "NOT VALID")
            }
        );
        if let Some(e) = v.expires {
            println!(
                "  expires      {} ({} days remaining)",
                e.date(),
                v.days_remaining.unwrap_or(0)
            );
        }
        println!("  issued by    {}", v.issuer.as_deref().unwrap_or("-"));
        println!(
            "  server       {} {}",
            v.server.as_deref().unwrap_or("-"),
            v.server_guid.as_deref().unwrap_or("")
        );
        if let Some(p) = &r.pairing {
            println!(
                "  pairing      guid {} · key {}",
                if p.guid_matches { "matches" } else { "DIFFERS" },
                if p.key_matches { "matches" } else { "DIFFERS" }
            );
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
        println!("  {n}. {}  [{}]", c.kind(), sig);
        println!("       issuer     {}", c.issuer.object.label());
        println!(
            "       principal  {}",
            c.principal
                .as_ref()
                .map(|p| p.object.label().to_owned())
                .unwrap_or_else(|| "-".into())
        );
        println!(
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
        println!(
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
pub fn inspect_json(reports: &[Inspected]) -> String {
    let files: Vec<serde_json::Value> = reports
        .iter()
        .map(|(name, sha, docs, wrapper, findings)| {
            serde_json::json!({ "name": name, "sha256": sha, "wrapper": wrapper, "documents": docs, "findings": findings })
        })
        .collect();
    serde_json::to_string_pretty(
        &serde_json::json!({ "schema": "slc-courier-inspect/1", "files": files }),
    )
    .unwrap_or_default()
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
                f.display()
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
