//! `inspect` across files: the workbench summary in text, and the evidence report (`-o`).

use anyhow::{bail, Context, Result};
use slc_courier_core::report::ToolInfo;
use slc_courier_core::workbench::evidence::{to_html, Evidence, EN, NL};
use slc_courier_core::workbench::{ChainEnd, Workbench};
use slc_courier_core::Lang;
use std::fmt::Write as _;
use std::path::Path;

/// The summary lines printed after the per-file listing.
pub fn summary(w: &Workbench) -> String {
    let mut s = String::new();
    let l = &EN;
    let _ = writeln!(
        s,
        "\nworkbench: {} file(s), {} document(s), checked at {}, threshold {} days",
        w.files.len(),
        w.documents.len(),
        w.checked_at,
        w.threshold_days
    );
    for d in &w.documents {
        let file = w.file_of(d).map_or("", |f| f.name.as_str());
        let _ =
            writeln!(
            s,
            "  #{:<3} {file} #{}  {}  signature {}  chain {}  mode {}  until {}  days left {}{}",
            d.id + 1,
            d.index_in_file + 1,
            l.kind(d.kind),
            d.signature.id(),
            match d.chain_end() {
                ChainEnd::IssuerNotLoaded { issuer, document } =>
                    format!("issuer-not-loaded ({issuer}, at #{})", document + 1),
                ChainEnd::Broken { document, reason } =>
                    format!("broken ({} at #{})", reason.id(), document + 1),
                ChainEnd::TestAnchor { name } => format!("test-anchor ({name})"),
                e => e.id().to_owned(),
            },
            d.mode.map_or("-".to_owned(), |m| m.to_string()),
            d.valid_until.map_or("-".to_owned(), |t| t.to_string()),
            d.days_left.map_or("-".to_owned(), |n| n.to_string()),
            if d.below_threshold { "  UNDER THRESHOLD" } else { "" }
        );
    }
    let _ = writeln!(s, "clusters (by SLC key):");
    for c in &w.summary.clusters {
        let modes: Vec<String> = c.modes.iter().map(u8::to_string).collect();
        let _ = writeln!(
            s,
            "  {}  mode {}  {} document(s)  key {}",
            c.name.as_deref().unwrap_or("?"),
            if modes.is_empty() {
                "-".to_owned()
            } else {
                modes.join(", ")
            },
            c.documents,
            c.key_fingerprint
        );
    }
    let _ = writeln!(s, "licensing URLs:");
    for u in &w.summary.urls {
        let _ = writeln!(s, "  {:<9} {}", u.kind.id(), u.url);
    }
    if let Some(d) = w.summary.expires_first.and_then(|i| w.document(i)) {
        let _ = writeln!(
            s,
            "expires first: #{} {} on {}",
            d.id + 1,
            l.kind(d.kind),
            d.valid_until.map_or("-".to_owned(), |t| t.to_string())
        );
    }
    let below: Vec<String> = w
        .summary
        .below_threshold
        .iter()
        .map(|i| format!("#{}", i + 1))
        .collect();
    let _ = writeln!(
        s,
        "under the threshold ({} days): {}",
        w.threshold_days,
        if below.is_empty() {
            "none".to_owned()
        } else {
            below.join(", ")
        }
    );
    s
}

/// Two documents side by side (`--compare N M`, the listing's 1-based numbers); a `*` marks
/// the fields that differ.
pub fn compare(w: &Workbench, nm: &[usize]) -> Result<String> {
    let doc = |n: usize| {
        n.checked_sub(1)
            .and_then(|i| w.document(i))
            .with_context(|| {
                format!(
                    "--compare: there is no document #{n} (1 to {})",
                    w.documents.len()
                )
            })
    };
    let (Some(&n), Some(&m)) = (nm.first(), nm.get(1)) else {
        bail!("--compare takes two document numbers");
    };
    let (a, b) = (doc(n)?, doc(m)?);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "\ncompare #{n} {} with #{m} {} (* = differs):",
        EN.kind(a.kind),
        EN.kind(b.kind)
    );
    for f in slc_courier_core::workbench::compare::compare(a, b) {
        let show = |v: &str| {
            if v.is_empty() {
                "-".to_owned()
            } else {
                v.replace('\n', ", ")
            }
        };
        let _ = writeln!(
            s,
            "{} {:<15} {}  |  {}",
            if f.differs { "*" } else { " " },
            f.field,
            show(&f.a),
            show(&f.b)
        );
    }
    Ok(s)
}

/// Writes the evidence report: JSON for `.json`, HTML for `.html`/`.htm`.
pub fn write_report(path: &Path, w: &Workbench, tool: ToolInfo, lang: Lang) -> Result<()> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let text = match ext.as_deref() {
        Some("json") => Evidence::new(w, tool).to_json(lang),
        Some("html" | "htm") => to_html(w, &tool, if lang == Lang::Nl { &NL } else { &EN }),
        _ => bail!(
            "{}: the evidence report is .json or .html; give one of those extensions",
            path.display()
        ),
    };
    std::fs::write(path, text).with_context(|| format!("{}: cannot be written", path.display()))
}
