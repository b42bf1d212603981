//! Where a file belongs, by its content: the page routes files dropped anywhere (or several at
//! once) to the step that reads them, and refuses the rest with a reason.
//!
//! Pure and bounded: a few linear scans over the bytes, no parse of the whole document except
//! an X.509 parse of data that looks like DER. The steps still diagnose what they are given;
//! this only decides which step that is.

use crate::request::{binary_kind, FileKind};
use crate::text::Decoded;
use serde::Serialize;

/// The step a file belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Destination {
    /// Step 1: an enrollment or renewal request (`EnrollParameters`, bare, in SOAP or in a
    /// browser's view of it).
    Request,
    /// Step 4: XrML certificates (a chain, an enrollment response, or any XrML document).
    Chain,
    /// Step 2's root check: an X.509 certificate (PEM or DER).
    RootCertificate,
    /// No step reads it.
    Unknown(Unknown),
}

/// What a file no step reads is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unknown {
    /// No bytes at all.
    Empty,
    /// Binary data of a known kind (or [`FileKind::Other`]).
    Binary(FileKind),
    /// A PEM block that is not a certificate (a private key, a certificate request, …).
    Pem {
        /// The block's label (`RSA PRIVATE KEY`).
        label: String,
    },
    /// A trust-anchor key file (`issuer_id=` …): it changes what the verdict trusts, so it is
    /// only taken where it is chosen on purpose (step 4, "use another root").
    AnchorKey,
    /// Both a request and XrML certificates: either step could be meant.
    RequestAndChain,
    /// XML that is neither a request nor XrML.
    Xml {
        /// The root element's name as written.
        root: String,
    },
    /// Text that is none of the above.
    Text,
}

/// Where `bytes` belong.
pub fn classify(bytes: &[u8]) -> Destination {
    if bytes.is_empty() {
        return Destination::Unknown(Unknown::Empty);
    }
    let decoded = Decoded::new(bytes);
    let text = decoded.text.as_str();
    // XrML inside binary data (a .drm or a protected file) is found too: undecodable bytes
    // become U+FFFD, the ASCII of the markup stays.
    // Escaped XrML in any spelling the reader reads (`&lt;`, `&#60;`, `&#x3C;`): the reader's
    // own test, so routing and reading cannot disagree.
    let xrml = text.contains("<XrML")
        || crate::xrml::has_escaped_xrml(text.as_bytes())
        || has_tag(text, &["EnrollResponse"]);
    let request = text.contains("EnrollParameters") || has_tag(text, &["Enroll", "oInput"]);
    match (request, xrml) {
        (true, true) => return Destination::Unknown(Unknown::RequestAndChain),
        (true, false) => return Destination::Request,
        (false, true) => return Destination::Chain,
        (false, false) => {}
    }
    let kind = binary_kind(bytes, &decoded);
    // A DER certificate is a binary kind to step 1, and a root certificate here.
    if let Some(k) = kind.filter(|k| !matches!(k, FileKind::Other | FileKind::DerCertificate)) {
        return Destination::Unknown(Unknown::Binary(k));
    }
    if let Some(label) = pem_label(text) {
        return if is_certificate_label(label) {
            Destination::RootCertificate
        } else {
            Destination::Unknown(Unknown::Pem {
                label: label.to_owned(),
            })
        };
    }
    if bytes.first() == Some(&0x30) && crate::der::certificate(bytes).is_some() {
        return Destination::RootCertificate;
    }
    if let Some(k) = kind {
        return Destination::Unknown(Unknown::Binary(k));
    }
    if text
        .lines()
        .any(|l| l.trim_start().starts_with("issuer_id="))
    {
        return Destination::Unknown(Unknown::AnchorKey);
    }
    match root_element(text) {
        Some(root) => Destination::Unknown(Unknown::Xml {
            root: root.to_owned(),
        }),
        None => Destination::Unknown(Unknown::Text),
    }
}

/// True when a start tag's local name (any prefix) is one of `names`; one pass.
fn has_tag(text: &str, names: &[&str]) -> bool {
    text.match_indices('<').any(|(i, _)| {
        let name = tag_name(text.get(i + 1..).unwrap_or(""));
        let local = name.rsplit(':').next().unwrap_or(name);
        names.contains(&local)
    })
}

/// The name a tag's text begins with (`soap:Envelope xmlns…` → `soap:Envelope`).
fn tag_name(rest: &str) -> &str {
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, ':' | '_' | '-' | '.')))
        .unwrap_or(rest.len());
    rest.get(..end).unwrap_or("")
}

/// The label of the first PEM block (`-----BEGIN CERTIFICATE-----` → `CERTIFICATE`).
fn pem_label(text: &str) -> Option<&str> {
    let start = text.find("-----BEGIN ")? + "-----BEGIN ".len();
    let rest = text.get(start..)?;
    let end = rest.find("-----")?;
    let label = rest.get(..end)?.trim();
    (!label.is_empty() && label.len() <= 64 && !label.contains('\n')).then_some(label)
}

/// `CERTIFICATE`, `X509 CERTIFICATE`, `TRUSTED CERTIFICATE` — not `CERTIFICATE REQUEST`.
fn is_certificate_label(label: &str) -> bool {
    label.ends_with("CERTIFICATE")
}

/// The first element name of text that starts (after whitespace) with markup.
fn root_element(text: &str) -> Option<&str> {
    let mut rest = text.trim_start();
    loop {
        rest = rest.strip_prefix('<')?;
        let skip = if rest.starts_with('?') {
            "?>"
        } else if rest.starts_with("!--") {
            "-->"
        } else if rest.starts_with('!') {
            ">"
        } else {
            let name = tag_name(rest);
            return (!name.is_empty()).then_some(name);
        };
        let end = rest.find(skip)? + skip.len();
        rest = rest.get(end..)?.trim_start();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert_eq!(
            pem_label("x\n-----BEGIN RSA PRIVATE KEY-----\n"),
            Some("RSA PRIVATE KEY")
        );
        assert_eq!(pem_label("-----BEGIN -----"), None);
        assert_eq!(pem_label("-----BEGIN CERT\nIFICATE-----"), None);
        assert!(is_certificate_label("X509 CERTIFICATE"));
        assert!(!is_certificate_label("CERTIFICATE REQUEST"));
        assert_eq!(
            root_element("<?xml?>\n<!-- a -->\n<!DOCTYPE x>\n<a:b c='d'/>"),
            Some("a:b")
        );
        assert_eq!(root_element("text <a>"), None);
        assert_eq!(root_element("<?xml unterminated"), None);
        assert_eq!(root_element("< a>"), None);
        assert!(has_tag("<s:Body><Enroll xmlns='x'>", &["Enroll"]));
        assert!(!has_tag("<EnrollResponse>", &["Enroll"]));
        assert!(!has_tag("Enroll", &["Enroll"]));
    }
}
