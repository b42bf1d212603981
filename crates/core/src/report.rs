//! The transfer receipt: one JSON schema shared by the page and the CLI.
//!
//! Versioned by [`RECEIPT_SCHEMA`]; `docs/receipt.md` documents the fields.

use crate::chain::{ChainReport, Pairing, Verdict};
use crate::finding::Finding;
use crate::request::RequestReport;
use crate::time::UtcTime;
use serde::Serialize;

/// The schema id written into every receipt.
pub const RECEIPT_SCHEMA: &str = "slc-courier-receipt/1";

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
    /// The verdict on the certificate.
    pub verdict: Option<Verdict>,
    /// Request ↔ certificate pairing.
    pub pairing: Option<Pairing>,
    /// Every finding of both steps.
    pub findings: Vec<Finding>,
}

impl Receipt {
    /// Builds the receipt from what was checked.
    pub fn new(tool: ToolInfo, checked_at: UtcTime, request: Option<&RequestReport>, chain: Option<(&ChainReport, Option<&str>)>) -> Receipt {
        let mut findings = vec![];
        if let Some(r) = request {
            findings.extend(r.findings.iter().cloned());
        }
        if let Some((c, _)) = chain {
            findings.extend(c.findings.iter().cloned());
        }
        Receipt {
            schema: RECEIPT_SCHEMA,
            tool,
            checked_at,
            request: request.map(|r| FileEntry { name: r.file_name.clone(), size: r.size, sha256: r.sha256.clone() }),
            certificate: chain.map(|(c, name)| FileEntry { name: name.map(str::to_owned), size: c.size, sha256: c.sha256.clone() }),
            request_report: request.cloned(),
            verdict: chain.map(|(c, _)| c.verdict.clone()),
            pairing: chain.and_then(|(c, _)| c.pairing.clone()),
            findings,
        }
    }

    /// Pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
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
        .or_else(|| pasted.lines().map(|l| l.replace(' ', "")).find(|l| is_hash(l)))
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
