//! `inspect` across files: the workbench summary in text, and the evidence report (`-o`).

use crate::words::{Problem, Words};
use slc_courier_core::report::ToolInfo;
use slc_courier_core::workbench::evidence::{to_html, Evidence};
use slc_courier_core::workbench::Workbench;
use slc_courier_core::Lang;
use std::fmt::Write as _;
use std::path::Path;

/// The summary lines printed after the per-file listing, in the words of `w`.
pub fn summary(wb: &Workbench, w: &Words) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "\n{}",
        (w.workbench)(
            wb.files.len(),
            wb.documents.len(),
            &wb.checked_at.to_string(),
            wb.threshold_days
        )
    );
    for d in &wb.documents {
        let file = wb.file_of(d).map_or("", |f| f.name.as_str());
        let _ = writeln!(s, "{}", (w.workbench_doc)(d, file));
    }
    let _ = writeln!(s, "{}", w.clusters);
    for c in &wb.summary.clusters {
        let modes: Vec<String> = c.modes.iter().map(u8::to_string).collect();
        let modes = if modes.is_empty() {
            "-".to_owned()
        } else {
            modes.join(", ")
        };
        let _ = writeln!(
            s,
            "{}",
            (w.cluster)(
                c.name.as_deref().unwrap_or("?"),
                &modes,
                c.documents,
                &c.key_fingerprint
            )
        );
    }
    let _ = writeln!(s, "{}", w.urls);
    for u in &wb.summary.urls {
        let _ = writeln!(s, "{}", (w.url)(u.kind, &u.url));
    }
    if let Some(d) = wb.summary.expires_first.and_then(|i| wb.document(i)) {
        let _ = writeln!(
            s,
            "{}",
            (w.expires_first)(
                d.id + 1,
                d.kind,
                &d.valid_until.map_or("-".to_owned(), |t| t.to_string())
            )
        );
    }
    let below: Vec<String> = wb
        .summary
        .below_threshold
        .iter()
        .map(|i| format!("#{}", i + 1))
        .collect();
    let _ = writeln!(
        s,
        "{}",
        (w.under_threshold)(wb.threshold_days, &below.join(", "))
    );
    s
}

/// Two documents side by side (`--compare N M`, the listing's 1-based numbers); a `*` marks
/// the fields that differ.
pub fn compare(wb: &Workbench, nm: &[usize], w: &Words) -> Result<String, Problem> {
    let doc = |n: usize| {
        n.checked_sub(1)
            .and_then(|i| wb.document(i))
            .ok_or(Problem::NoSuchDocument(n, wb.documents.len()))
    };
    let (Some(&n), Some(&m)) = (nm.first(), nm.get(1)) else {
        return Err(Problem::CompareNeedsTwo);
    };
    let (a, b) = (doc(n)?, doc(m)?);
    let mut s = String::new();
    let _ = writeln!(s, "\n{}", (w.compare)(n, a.kind, m, b.kind));
    let width = slc_courier_core::workbench::compare::FIELDS
        .iter()
        .map(|f| (w.compare_field)(f).chars().count())
        .max()
        .unwrap_or(0);
    for f in slc_courier_core::workbench::compare::compare(a, b) {
        let show = |d, v: &str| {
            if v.is_empty() {
                "-".to_owned()
            } else {
                (w.compare_value)(f.field, d, v).replace('\n', ", ")
            }
        };
        let _ = writeln!(
            s,
            "{} {:<width$} {}  |  {}",
            if f.differs { "*" } else { " " },
            (w.compare_field)(f.field),
            show(a, &f.a),
            show(b, &f.b)
        );
    }
    Ok(s)
}

/// Writes the evidence report: JSON for `.json`, HTML for `.html`/`.htm`.
pub fn write_report(
    path: &Path,
    wb: &Workbench,
    tool: ToolInfo,
    lang: Lang,
) -> Result<(), Problem> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let text = match ext.as_deref() {
        Some("json") => Evidence::new(wb, tool).to_json(lang),
        Some("html" | "htm") => to_html(wb, &tool, crate::words::labels(lang)),
        _ => return Err(Problem::EvidenceExtension(path.to_owned())),
    };
    std::fs::write(path, text).map_err(|e| Problem::CannotWrite(path.to_owned(), e))
}
