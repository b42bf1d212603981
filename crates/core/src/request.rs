//! Step 1: the exported enrollment or renewal request (MS-RMPR §3.6.4.2.1.1, §3.6.4.1).
//!
//! [`check_request`] collects every finding it can; a damaged file still gets its content
//! checked wherever the content can be read.

use crate::finding::{Code, Finding, Location};
use crate::key::{base64_decode, KeyForm, RsaKey};
use crate::policy::MAX_REQUEST_BYTES;
use crate::text::{raw_location, sha256_hex, Decoded, Encoding};
use crate::xml::{self, Element, XmlError};
use serde::Serialize;

/// What the request checks find, with typed context: one variant per problem. The words are made
/// in [`crate::words`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Found {}

impl Found {
    /// The stable code.
    pub fn code(&self) -> crate::finding::Code {
        match *self {}
    }

    /// One example of each variant, for the completeness tests and the findings docs.
    pub fn samples() -> Vec<Found> {
        vec![]
    }
}

/// The namespace of `EnrollParameters` (MS-RMPR §3.6.4.1).
pub const ENROLL_NS: &str = "http://microsoft.com/DRM/EnrollmentService";

/// The documented offline enrollment page (MS-RMPR §3.6.4.2).
pub const DEFAULT_ENROLLMENT_URL: &str =
    "https://activation.drm.microsoft.com/offlineenroll/Enrollment.aspx";

/// Enrollment or renewal, as the file name tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RequestKind {
    /// `<server>EnrollRequest.xml`.
    Enrollment,
    /// `<server>RenewRequest.xml` (or `RenewalRequest.xml`).
    Renewal,
    /// The name does not say.
    Unknown,
}

/// Which RMS the version belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Product {
    /// Windows RMS 1.0 (Windows Server 2003): needs the Microsoft enrollment service.
    Rms1,
    /// AD RMS (Windows Server 2008 and later): self-enrolls.
    AdRms,
    /// Unknown version.
    Unknown,
}

/// The server key as found in the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyInfo {
    /// The form it was written in.
    pub form: KeyForm,
    /// Modulus size in bits.
    pub bits: usize,
    /// Public exponent.
    pub exponent: u64,
    /// SHA-256 of the big-endian modulus (lowercase hex).
    pub fingerprint: String,
}

/// What a person checks at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct RequestSummary {
    /// `EnrolleeInformation/Name`.
    pub server_name: Option<String>,
    /// `EnrolleeInformation/URL`.
    pub cluster_url: Option<String>,
    /// `CertificatePublicKey/Guid`, normalised to `{lowercase}`.
    pub guid: Option<String>,
    /// `EnrolleeInformation/Version`.
    pub version: Option<String>,
    /// `EnrolleeInformation/SKU`.
    pub sku: Option<String>,
    /// `RevocationType`.
    pub revocation_type: Option<String>,
    /// Number of custom revocation authorities.
    pub revocation_authorities: usize,
    /// The server key.
    pub key: Option<KeyInfo>,
    /// RMS 1.0 or AD RMS (from the version).
    pub product: Option<Product>,
    /// The key as parsed, for pairing with a certificate (not serialised).
    #[serde(skip)]
    pub rsa_key: Option<RsaKey>,
}

/// The result of [`check_request`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestReport {
    /// The file name, when one was given.
    pub file_name: Option<String>,
    /// Size in bytes.
    pub size: usize,
    /// SHA-256 of the bytes as loaded.
    pub sha256: String,
    /// How the bytes were decoded.
    pub encoding: Encoding,
    /// Enrollment or renewal (from the file name).
    pub kind: RequestKind,
    /// What could be read.
    pub summary: RequestSummary,
    /// Every finding, in file order where they have a place.
    pub findings: Vec<Finding>,
}

impl RequestReport {
    /// True when no finding is an error.
    pub fn is_ok(&self) -> bool {
        !crate::finding::has_errors(&self.findings)
    }
}

/// Classifies a file name: the kind and the server name it starts with.
pub fn kind_from_file_name(name: &str) -> (RequestKind, Option<String>) {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let lower = base.to_ascii_lowercase();
    for (suffix, kind) in [
        ("enrollrequest.xml", RequestKind::Enrollment),
        ("renewrequest.xml", RequestKind::Renewal),
        ("renewalrequest.xml", RequestKind::Renewal),
    ] {
        if let Some(prefix) = lower.strip_suffix(suffix) {
            let server = base
                .get(..prefix.len())
                .filter(|s| !s.is_empty())
                .map(str::to_owned);
            return (kind, server);
        }
    }
    (RequestKind::Unknown, None)
}

/// Normalises a GUID written with or without braces, any case, to `{lowercase}`.
/// Returns `(normalised, had_braces)`.
pub fn normalise_guid(s: &str) -> Option<(String, bool)> {
    let s = s.trim();
    let (inner, braces) = match (s.strip_prefix('{'), s.ends_with('}')) {
        (Some(rest), true) => (rest.strip_suffix('}')?, true),
        (None, false) => (s, false),
        _ => return None,
    };
    let groups: Vec<&str> = inner.split('-').collect();
    let lens = [8, 4, 4, 4, 12];
    if groups.len() != 5
        || groups
            .iter()
            .zip(lens)
            .any(|(g, l)| g.len() != l || !g.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        return None;
    }
    Some((format!("{{{}}}", inner.to_ascii_lowercase()), braces))
}

/// The product a version string belongs to: `1.x` is Windows RMS 1.0; `6.x` and later AD RMS.
pub fn product_from_version(v: &str) -> Product {
    match v
        .trim()
        .split('.')
        .next()
        .and_then(|m| m.parse::<u32>().ok())
    {
        Some(1) => Product::Rms1,
        Some(m) if m >= 6 => Product::AdRms,
        _ => Product::Unknown,
    }
}

struct Ctx<'a> {
    decoded: &'a Decoded,
    /// Offset of the parsed slice inside `decoded.text`.
    base: usize,
    findings: Vec<Finding>,
    /// The file holds more than one `Name` (or more than one set of parameters), so the
    /// server name is not taken from the file name either.
    name_ambiguous: bool,
}

impl Ctx<'_> {
    fn loc(&self, pos_in_slice: usize) -> Option<Location> {
        Some(self.decoded.location(self.base + pos_in_slice))
    }
    fn push(&mut self, code: Code, at: Option<usize>, message: String, fix: &str) {
        let location = at.and_then(|p| self.loc(p));
        self.findings
            .push(Finding::new(code, message, fix).at(location));
    }
}

/// Checks the bytes of an exported request. `file_name` (as loaded) lets the report say
/// enrollment or renewal. Never panics; always returns every finding it could make.
pub fn check_request(bytes: &[u8], file_name: Option<&str>) -> RequestReport {
    let mut report = RequestReport {
        file_name: file_name.map(str::to_owned),
        size: bytes.len(),
        sha256: sha256_hex(bytes),
        encoding: Encoding::Ascii,
        kind: RequestKind::Unknown,
        summary: RequestSummary::default(),
        findings: vec![],
    };
    let mut name_server = None;
    if let Some(name) = file_name {
        let (kind, server) = kind_from_file_name(name);
        report.kind = kind;
        name_server = server;
        if kind == RequestKind::Unknown {
            report.findings.push(Finding::new(
                Code::FileNameUnrecognised,
                format!("\"{name}\" does not end in EnrollRequest.xml or RenewRequest.xml, so enrollment or renewal cannot be told from the name."),
                "Nothing to fix if this is the right file; the Windows RMS administration site names exports <server>EnrollRequest.xml or <server>RenewRequest.xml.",
            ));
        }
    }
    if bytes.is_empty() {
        report.findings.insert(0, Finding::new(
            Code::RequestEmpty,
            "The file is empty (0 bytes).",
            "Export the request again on the RMS server (Renew or Enroll → Offline → Export) and click Save, not Open.",
        ));
        return report;
    }
    if bytes.len() > MAX_REQUEST_BYTES {
        report.findings.insert(0, Finding::new(
            Code::InputTooLarge,
            format!("The file is {} bytes; a request is about 2 KB and the limit is {MAX_REQUEST_BYTES} bytes.", bytes.len()),
            "Choose the exported <server>EnrollRequest.xml or <server>RenewRequest.xml file.",
        ).at(Some(raw_location(bytes, MAX_REQUEST_BYTES))));
        return report;
    }
    let decoded = Decoded::new(bytes);
    report.encoding = decoded.encoding;
    let mut cx = Ctx {
        decoded: &decoded,
        base: 0,
        findings: vec![],
        name_ambiguous: false,
    };
    if let Some(kind) = binary_kind(bytes, &decoded) {
        cx.findings.push(
            Finding::new(
                Code::InvalidUtf8,
                format!("This is {kind}, not a text file (it starts with {}).", crate::text::hex(bytes.get(..8).unwrap_or(bytes))),
                "Choose the request exported by the RMS server (<server>EnrollRequest.xml or <server>RenewRequest.xml); the file may have been renamed.",
            )
            .at(Some(raw_location(bytes, 0))),
        );
        return finish(report, cx, name_server);
    }
    encoding_findings(&mut cx, bytes);
    let text = decoded.text.as_str();

    // Where the XML we can read starts, and whether it is wrapped in something else.
    let lower = text.to_ascii_lowercase();
    let mut content_start = 0usize;
    let mut wrapped = false;
    let banner = lower.find("does not appear to have any style information");
    let ie_tree = lower.lines().any(|l| l.trim_start().starts_with("- <"));
    if banner.is_some() || ie_tree {
        wrapped = true;
        cx.push(
            Code::BrowserRendering,
            banner.or_else(|| lower.find("- <")),
            "This is how a browser displays the XML, saved or copied from the page; it is not the exported file.".into(),
            "On the RMS server, click Export and then Save (not Open), and carry the saved file. Do not copy the XML out of a browser window.",
        );
        if ie_tree {
            return finish(report, cx, name_server);
        }
    } else if let Some(p) = lower
        .find("<!-- saved from url=")
        .or_else(|| lower.find("<html"))
    {
        wrapped = true;
        cx.push(
            Code::HtmlWrapper,
            Some(p),
            "The file is an HTML page (\"Save as web page\"), with the request inside it.".into(),
            "Save the request again with Save (or \"Save as type: All files\"), not as a web page.",
        );
    }
    if wrapped {
        // The first EnrollParameters or Envelope start tag; a second one is refused below.
        match root_tags(text).next() {
            Some(p) => content_start = p,
            None => return finish(report, cx, name_server),
        }
    } else if text.trim().is_empty() {
        cx.push(
            Code::Truncated,
            Some(0),
            "The file contains only whitespace, no XML.".into(),
            "Export the request again on the RMS server and click Save.",
        );
        return finish(report, cx, name_server);
    } else {
        let first = text.find('<');
        let lead = text.len() - text.trim_start_matches(|c: char| c.is_whitespace()).len();
        if first != Some(lead) {
            let junk_at = lead;
            cx.push(
                Code::LeadingJunk,
                Some(junk_at),
                format!("{} characters come before the XML starts.", first.unwrap_or(text.len()) - junk_at),
                "Delete everything before <?xml (or before <EnrollParameters>), or export the request again.",
            );
            match first {
                Some(p) => content_start = p,
                None => return finish(report, cx, name_server),
            }
        }
    }

    let slice = text.get(content_start..).unwrap_or("");
    cx.base = content_start;
    let doc = match xml::parse(slice) {
        Ok(d) => d,
        Err(e) => {
            xml_error_finding(&mut cx, &e);
            return finish(report, cx, name_server);
        }
    };
    if let Some(p) = doc.leading_text {
        cx.push(
            Code::LeadingJunk,
            Some(p),
            "There is text before the root element.".into(),
            "Delete the text before <EnrollParameters>.",
        );
    }
    // A second request after the first (bare, or in the page around it): either could be
    // the one meant, so neither is read.
    let end = doc.root.end;
    let second = slice
        .get(end..)
        .filter(|_| matches!(doc.root.local.as_str(), "EnrollParameters" | "Envelope"))
        .and_then(|rest| root_tags(rest).next())
        .map(|p| end + p);
    if let Some(p) = second {
        cx.name_ambiguous = true;
        cx.push(
            Code::DuplicateElement,
            Some(p),
            format!(
                "A second request (<{}>) follows the first one, which ends before it; either could be the one meant, so neither is read.",
                tag_name(slice.get(p..).unwrap_or(""))
            ),
            "Keep one request per file: export the request again on the RMS server.",
        );
    } else if let (Some(p), false) = (doc.trailing, wrapped) {
        cx.push(
            Code::TrailingJunk,
            Some(p),
            format!("{} characters follow the end of </{}>.", slice.len() - p, doc.root.name),
            "Delete everything after the closing </EnrollParameters> tag; MS-RMPR allows no footer.",
        );
    }
    let root = &doc.root;
    let params = match root.local.as_str() {
        "EnrollParameters" => Some(root),
        "Envelope" => {
            cx.push(
                Code::SoapEnvelope,
                Some(root.start),
                "The request is wrapped in a SOAP envelope (Envelope/Body/Enroll/oInput); the parameters were read from inside it.".into(),
                "Nothing to fix if the enrollment page accepts it; the offline page expects the bare EnrollParameters document.",
            );
            soap_params(&mut cx, root)
        }
        "XrML" => {
            cx.push(
                Code::CertificateNotRequest,
                Some(root.start),
                "This is an XrML certificate (perhaps the downloaded SLC), not the exported request.".into(),
                "Use this file in step 4 (verify certificate). For step 1 choose <server>EnrollRequest.xml or <server>RenewRequest.xml.",
            );
            None
        }
        other => {
            cx.push(
                Code::NotARequest,
                Some(root.start),
                format!("The root element is <{other}>, not <EnrollParameters>."),
                "Choose the file exported by Windows RMS administration (Enroll/Renew → Offline → Export).",
            );
            None
        }
    };
    if let (Some(p), None) = (params, second) {
        check_params(&mut cx, p, &mut report.summary);
    }
    finish(report, cx, name_server)
}

fn finish(mut report: RequestReport, cx: Ctx<'_>, name_server: Option<String>) -> RequestReport {
    let mut findings = cx.findings;
    findings.sort_by_key(|f| f.location.map_or(usize::MAX, |l| l.offset));
    report.findings.extend(findings);
    if report.summary.server_name.is_none() && !cx.name_ambiguous {
        report.summary.server_name = name_server;
    }
    report
}

/// Offsets of the start tags a request's root can have (`EnrollParameters`, or a SOAP
/// `Envelope` with any prefix), in one pass over `text`.
fn root_tags(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.match_indices('<').filter_map(move |(i, _)| {
        let local = tag_name(text.get(i..)?).rsplit(':').next()?;
        matches!(local, "EnrollParameters" | "Envelope").then_some(i)
    })
}

/// The name of the start tag `tag` begins with (`<soap:Envelope …` → `soap:Envelope`).
fn tag_name(tag: &str) -> &str {
    let rest = tag.strip_prefix('<').unwrap_or("");
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, ':' | '_' | '-' | '.')))
        .unwrap_or(rest.len());
    rest.get(..end).unwrap_or("")
}

/// A child element that may appear once.
#[derive(Clone, Copy)]
enum Once<'a> {
    /// There is none.
    Absent,
    /// There is exactly one.
    One(&'a Element),
    /// There are several: reading any of them would be a guess.
    Many,
}

impl<'a> Once<'a> {
    fn get(self) -> Option<&'a Element> {
        match self {
            Once::One(e) => Some(e),
            Once::Absent | Once::Many => None,
        }
    }
}

/// The child of `parent` named `local`, when there is exactly one. `check_children` reports
/// a second copy as `duplicate-element`; this never picks the first.
fn once<'a>(parent: &'a Element, local: &str) -> Once<'a> {
    let mut it = parent.children.iter().filter(|c| c.local == local);
    match (it.next(), it.next()) {
        (None, _) => Once::Absent,
        (Some(e), None) => Once::One(e),
        (Some(_), Some(_)) => Once::Many,
    }
}

/// The one child of `parent` whose local name is one of `names`. None of them is
/// `missing-element`; more than one (two `Body`, two `oInput`, or an `oInput` beside an
/// `EnrollParameters`) is `duplicate-element`, and nothing is read.
fn only_child<'a>(cx: &mut Ctx<'_>, parent: &'a Element, names: &[&str]) -> Option<&'a Element> {
    let mut found = parent
        .children
        .iter()
        .filter(|c| names.contains(&c.local.as_str()));
    let first = found.next();
    let wanted = names
        .iter()
        .map(|n| format!("<{n}>"))
        .collect::<Vec<_>>()
        .join(" or ");
    match (first, found.next()) {
        (None, _) => {
            cx.push(
                Code::MissingElement,
                Some(parent.start),
                format!("<{}> has no {wanted}.", parent.name),
                "Export the request again on the RMS server.",
            );
            None
        }
        (Some(e), None) => Some(e),
        (Some(_), Some(second)) => {
            cx.name_ambiguous = true;
            let total = 2 + found.count();
            cx.push(
                Code::DuplicateElement,
                Some(second.start),
                format!(
                    "<{}> holds {total} elements named {wanted}; the parameters could be read from either, so none are read.",
                    parent.name
                ),
                "Keep one and export the request again.",
            );
            None
        }
    }
}

/// The parameters inside a SOAP request: `Envelope/Body/Enroll/oInput`, also accepting
/// `EnrollParameters` in place of `Enroll` or of `oInput`. One element at every level.
fn soap_params<'a>(cx: &mut Ctx<'_>, envelope: &'a Element) -> Option<&'a Element> {
    let body = only_child(cx, envelope, &["Body"])?;
    let call = only_child(cx, body, &["Enroll", "EnrollParameters"])?;
    if call.local == "EnrollParameters" {
        return Some(call);
    }
    only_child(cx, call, &["oInput", "EnrollParameters"])
}

/// Names binary data: known file signatures, or undecodable bytes with NULs among them.
fn binary_kind(bytes: &[u8], d: &Decoded) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "a PNG image"),
        (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
        (b"%PDF", "a PDF document"),
        (b"GIF8", "a GIF image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"MZ", "a Windows program"),
        (
            b"\xD0\xCF\x11\xE0",
            "an OLE file (an Outlook .msg or old Office document)",
        ),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(kind);
    }
    let nul = bytes.iter().take(8192).any(|&b| b == 0);
    (d.encoding == Encoding::Invalid && nul).then_some("binary data")
}

fn encoding_findings(cx: &mut Ctx<'_>, bytes: &[u8]) {
    let d = cx.decoded;
    match d.encoding {
        Encoding::Utf8Bom => cx.findings.push(
            Finding::new(Code::Utf8Bom, "The file starts with the UTF-8 byte order mark EF BB BF.", "Save the file as ANSI/ASCII (Notepad: Save As → Encoding: ANSI), or export it again; MS-RMPR allows no header bytes.")
                .at(Some(raw_location(bytes, 0))),
        ),
        Encoding::Utf16Le | Encoding::Utf16Be => cx.findings.push(
            Finding::new(
                Code::Utf16Encoded,
                format!("The file is UTF-16 {} text{}; it was read, but the enrollment service expects ASCII.", if d.encoding == Encoding::Utf16Le { "little-endian" } else { "big-endian" }, if d.bom_len > 0 { " with a byte order mark" } else { "" }),
                "An editor re-saved it as Unicode. Export the request again, or save it as ANSI (Notepad: Save As → Encoding: ANSI).",
            )
            .at(Some(raw_location(bytes, 0))),
        ),
        Encoding::Invalid => {
            let at = d.invalid_at.unwrap_or(0);
            cx.findings.push(
                Finding::new(Code::InvalidUtf8, format!("Byte 0x{:02X} at offset {at} is not valid UTF-8 or ASCII.", bytes.get(at).copied().unwrap_or(0)), "The file was damaged in transfer or is not the exported request. Export it again.")
                    .at(Some(raw_location(bytes, at))),
            );
        }
        Encoding::Ascii | Encoding::Utf8 => {}
    }
    if d.is_utf16() && (bytes.len() - d.bom_len) % 2 == 1 {
        cx.findings.push(
            Finding::new(
                Code::Truncated,
                format!("The UTF-16 file has an odd number of bytes ({}): its last byte is cut off.", bytes.len()),
                "The file is incomplete (cut off while copying). Export it again and compare its size.",
            )
            .at(Some(raw_location(bytes, bytes.len() - 1))),
        );
    }
    let text = d.text.as_str();
    if let Some(p) = text.find('\0') {
        let n = text.matches('\0').count();
        cx.push(
            Code::NulBytes,
            Some(p),
            format!("The file contains {n} NUL byte(s), first at this place."),
            "The file was padded or damaged (e.g. a partial copy to USB). Export it again.",
        );
    }
    if d.encoding != Encoding::Invalid {
        if let Some((p, c)) = text.char_indices().find(|(_, c)| !c.is_ascii()) {
            let n = text.chars().filter(|c| !c.is_ascii()).count();
            cx.push(Code::NonAscii, Some(p), format!("{n} non-ASCII character(s), the first is U+{:04X} '{c}'.", u32::from(c)), "MS-RMPR requires ASCII. Remove or replace the character (often a typographic quote or an accented letter typed by hand), or export again.");
        }
    }
    if let Some(p) = text.find("\r\n") {
        cx.push(
            Code::CrlfLineEndings,
            Some(p),
            "Lines end with CR LF (Windows line endings).".into(),
            "Nothing to fix: line endings do not matter to the service.",
        );
    }
}

fn xml_error_finding(cx: &mut Ctx<'_>, e: &XmlError) {
    match e {
        XmlError::Truncated { pos, open } => cx.push(Code::Truncated, Some(*pos), format!("The file ends while <{open}> is still open."), "The file is incomplete (cut off while copying or downloading). Export it again and compare its size."),
        XmlError::Malformed { pos, problem } => cx.push(Code::XmlMalformed, Some(*pos), format!("The XML is not well-formed: {problem}."), "The file was edited by hand or damaged. Export it again rather than repairing it."),
        XmlError::Doctype { pos } => cx.push(Code::DoctypeRefused, Some(*pos), "The file declares a DOCTYPE; entity declarations are refused and never expanded.".into(), "A genuine request has no DOCTYPE. Export it again."),
        XmlError::Budget { pos, budget } => cx.push(Code::XmlBudgetExceeded, Some(*pos), format!("The XML exceeds a safety budget: {budget}."), "This is not a genuine request (which has about 15 elements). Choose the exported file."),
        XmlError::NoRoot => cx.push(Code::Truncated, Some(0), "The file contains no XML element at all.".into(), "Export the request again."),
    }
}

/// Checks `parent`'s children against a sequence of `(name, required)`; pushes missing,
/// duplicate, unexpected and (when `ordered`) out-of-order findings.
fn check_children(cx: &mut Ctx<'_>, parent: &Element, expected: &[(&str, bool)], ordered: bool) {
    let mut last_index = 0usize;
    let mut order_reported = false;
    // Each expected name is counted once; each unexpected or duplicated name is reported
    // once (with how often it occurs), so a hostile file cannot flood the report.
    let mut seen = vec![0usize; expected.len()];
    let mut unexpected: Vec<(&str, usize)> = Vec::new();
    // A child in another namespace than its parent is another element to a schema-aware
    // reader (the service's); reading it by its local name would be a guess.
    if let Some(c) = parent.children.iter().find(|c| c.ns != parent.ns) {
        cx.push(
            Code::WrongNamespace,
            Some(c.start),
            format!(
                "<{}> inside <{}> is in namespace {}, not the namespace of <{}>.",
                c.name,
                parent.local,
                c.ns.as_deref()
                    .map_or("(none)".to_owned(), |n| format!("\"{n}\"")),
                parent.local
            ),
            "Remove the namespace declaration, or export the request again.",
        );
    }
    for c in &parent.children {
        let Some(idx) = expected.iter().position(|(n, _)| *n == c.local) else {
            match unexpected.iter_mut().find(|(n, _)| *n == c.local) {
                Some((_, count)) => *count += 1,
                None => {
                    unexpected.push((c.local.as_str(), 1));
                    cx.push(
                        Code::UnexpectedElement,
                        Some(c.start),
                        format!("<{}> is not part of <{}>.", c.name, parent.local),
                        "Remove the element; the RMS export never writes it.",
                    );
                }
            }
            continue;
        };
        if let Some(n) = seen.get_mut(idx) {
            *n += 1;
            if *n == 2 {
                let total = parent
                    .children
                    .iter()
                    .filter(|p| p.local == c.local)
                    .count();
                cx.push(
                    Code::DuplicateElement,
                    Some(c.start),
                    format!("<{}> appears {total} times in <{}>.", c.local, parent.local),
                    "Keep one and export the request again.",
                );
            }
        }
        if ordered && idx < last_index && !order_reported {
            order_reported = true;
            cx.push(
                Code::ElementOrder,
                Some(c.start),
                format!(
                    "<{}> comes after an element that the schema puts after it.",
                    c.local
                ),
                &format!(
                    "Put the children of <{}> in the order {}.",
                    parent.local,
                    expected
                        .iter()
                        .map(|(n, _)| *n)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
        last_index = last_index.max(idx);
    }
    for (name, required) in expected {
        if *required && parent.child(name).is_none() {
            cx.push(
                Code::MissingElement,
                Some(parent.start),
                format!("<{}> has no <{name}>.", parent.local),
                "The file is incomplete or was edited. Export the request again.",
            );
        }
    }
}

fn check_params(cx: &mut Ctx<'_>, p: &Element, s: &mut RequestSummary) {
    if p.ns.as_deref() != Some(ENROLL_NS) {
        cx.push(
            Code::WrongNamespace,
            Some(p.start),
            format!(
                "<{}> is in namespace {}, not {ENROLL_NS}.",
                p.name,
                p.ns.as_deref()
                    .map_or("(none)".to_owned(), |n| format!("\"{n}\""))
            ),
            &format!("The root must carry xmlns=\"{ENROLL_NS}\". Export the request again."),
        );
    }
    check_children(
        cx,
        p,
        &[
            ("RevocationInformation", true),
            ("CertificatePublicKey", true),
            ("EnrolleeInformation", true),
        ],
        true,
    );
    // A second copy of any element is reported by check_children; its value is then left
    // out of the summary, so nothing downstream pairs on a guess.
    if let Some(r) = once(p, "RevocationInformation").get() {
        check_revocation(cx, r, s);
    }
    if let Some(k) = once(p, "CertificatePublicKey").get() {
        check_children(cx, k, &[("aPublicKeyBytes", true), ("Guid", true)], true);
        if let Some(g) = once(k, "Guid").get() {
            check_guid(cx, g, s);
        }
        if let Some(b) = once(k, "aPublicKeyBytes").get() {
            check_key(cx, b, s);
        }
    }
    match once(p, "EnrolleeInformation") {
        Once::One(e) => check_enrollee(cx, e, s),
        Once::Many => cx.name_ambiguous = true,
        Once::Absent => {}
    }
}

fn check_enrollee(cx: &mut Ctx<'_>, e: &Element, s: &mut RequestSummary) {
    check_children(
        cx,
        e,
        &[
            ("SKU", false),
            ("Version", true),
            ("Name", false),
            ("URL", false),
        ],
        false,
    );
    let text = |n: &str| once(e, n).get().map(|c| c.trimmed().to_owned());
    s.sku = text("SKU").filter(|v| !v.is_empty());
    s.server_name = text("Name").filter(|v| !v.is_empty());
    s.cluster_url = text("URL").filter(|v| !v.is_empty());
    if let Once::Many = once(e, "Name") {
        cx.name_ambiguous = true;
    }
    if let Some(v) = once(e, "Version").get() {
        if v.trimmed().is_empty() {
            cx.push(Code::VersionEmpty, Some(v.start), "<Version> is empty.".into(), "The enrollment service rejects an empty version. Export the request again from the RMS administration site.");
        } else {
            let product = product_from_version(v.trimmed());
            s.version = Some(v.trimmed().to_owned());
            s.product = Some(product);
            if product == Product::AdRms {
                cx.push(Code::AdRmsVersion, Some(v.start), format!("Version {} is AD RMS (Windows Server 2008 or later).", v.trimmed()), "AD RMS enrolls itself; its SLC is issued by the Microsoft DRM Server Self Enrollment Service and never needs the Microsoft enrollment site.");
            }
        }
    }
    let empty: Vec<&str> = ["SKU", "Name", "URL"]
        .into_iter()
        .filter(|n| match once(e, n) {
            Once::Absent => true,
            Once::One(c) => c.trimmed().is_empty(),
            Once::Many => false,
        })
        .collect();
    if !empty.is_empty() {
        cx.push(Code::EnrolleeFieldEmpty, Some(e.start), format!("Empty or missing: {}.", empty.join(", ")), "Nothing to fix: the enrollment service ignores these fields; they only help you recognise the server.");
    }
    if let Some(u) = once(e, "URL").get().filter(|u| !u.trimmed().is_empty()) {
        if !plausible_url(u.trimmed()) {
            cx.push(Code::UrlImplausible, Some(u.start), format!("\"{}\" is not an http:// or https:// URL with a host name.", u.trimmed()), "Check the cluster URL on the RMS server (Administration → cluster URL); the service ignores it, but it identifies the server.");
        }
    }
}

fn plausible_url(u: &str) -> bool {
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"));
    match rest {
        Some(r) => {
            let host = r.split(['/', ':', '?', '#']).next().unwrap_or("");
            !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
                && !u.contains(char::is_whitespace)
        }
        None => false,
    }
}

fn check_revocation(cx: &mut Ctx<'_>, r: &Element, s: &mut RequestSummary) {
    check_children(
        cx,
        r,
        &[("RevocationType", true), ("aRevocationAuthorities", false)],
        true,
    );
    let ty_once = once(r, "RevocationType");
    let ty = ty_once.get();
    let ty_text = ty.map(|t| t.trimmed().to_owned());
    s.revocation_type = ty_text.clone();
    if let (Some(t), Some(v)) = (ty, ty_text.as_deref()) {
        match v {
            "StandardRevocation" | "CustomRevocation" => {}
            "NonRevocable" => cx.push(Code::RevocationNonRevocable, Some(t.start), "RevocationType is NonRevocable, which MS-RMPR marks \"not supported\".".into(), "Choose standard revocation (or custom revocation with an authority key) on the RMS server and export again."),
            other => cx.push(Code::RevocationTypeInvalid, Some(t.start), format!("RevocationType is \"{other}\"."), "It must be StandardRevocation or CustomRevocation (case matters). Export the request again."),
        }
    }
    let auths_once = once(r, "aRevocationAuthorities");
    let auths = auths_once.get();
    let infos: Vec<&Element> = auths
        .map(|a| a.children_named("RevocationAuthorityInformation").collect())
        .unwrap_or_default();
    s.revocation_authorities = infos.len();
    // Two RevocationTypes or two authority lists (reported as duplicate-element) leave the
    // rule below nothing certain to apply to.
    if matches!(ty_once, Once::Many) || matches!(auths_once, Once::Many) {
        check_authority_keys(cx, &infos);
        return;
    }
    let custom = ty_text.as_deref() == Some("CustomRevocation");
    // MS-RMPR §3.6.4.1: aRevocationAuthorities only (and then required) for CustomRevocation.
    if custom && infos.is_empty() {
        cx.push(Code::RevocationAuthoritiesMissing, Some(ty.map_or(r.start, |t| t.start)), "CustomRevocation is chosen, but no revocation authority is listed.".into(), "On the RMS server, add the revocation authority's public key, or choose standard revocation; export again.");
    }
    if let (Some(a), false) = (auths, custom) {
        cx.push(
            Code::RevocationAuthoritiesUnexpected,
            Some(a.start),
            "aRevocationAuthorities is present, but RevocationType is not CustomRevocation.".into(),
            "Either choose CustomRevocation or remove the authorities; export the request again.",
        );
    }
    check_authority_keys(cx, &infos);
}

fn check_authority_keys(cx: &mut Ctx<'_>, infos: &[&Element]) {
    for info in infos {
        check_children(cx, info, &[("aRevocationAuthorityPublicKey", true)], false);
        let Some(k) = once(info, "aRevocationAuthorityPublicKey").get() else {
            continue;
        };
        let ok = base64_decode(k.trimmed())
            .ok()
            .and_then(|b| RsaKey::from_request_bytes(&b).ok())
            .is_some();
        if !ok {
            cx.push(Code::RevocationAuthorityKeyInvalid, Some(k.start), "The revocation authority key does not decode as a base64 RSA public key.".into(), "Give the authority's RSA public key (PKCS#1, base64) on the RMS server and export again.");
        }
    }
}

fn check_guid(cx: &mut Ctx<'_>, g: &Element, s: &mut RequestSummary) {
    match normalise_guid(g.trimmed()) {
        Some((n, braces)) => {
            if !braces {
                cx.push(
                    Code::GuidWithoutBraces,
                    Some(g.start),
                    format!("Guid \"{}\" has no braces; read as {n}.", g.trimmed()),
                    "Nothing to fix: both forms are accepted.",
                );
            }
            s.guid = Some(n);
        }
        None => cx.push(
            Code::GuidInvalid,
            Some(g.start),
            format!(
                "\"{}\" is not a GUID (8-4-4-4-12 hexadecimal digits, optionally in braces).",
                g.trimmed()
            ),
            "The file was edited or damaged. Export the request again.",
        ),
    }
}

fn check_key(cx: &mut Ctx<'_>, b: &Element, s: &mut RequestSummary) {
    let bytes = match base64_decode(b.trimmed()) {
        Ok(x) => x,
        Err(e) => {
            cx.push(Code::KeyBase64Invalid, Some(b.start), format!("aPublicKeyBytes is {e}."), "The key was damaged (edited, or cut by a line break in the wrong place). Export the request again.");
            return;
        }
    };
    let (key, form) = match RsaKey::from_request_bytes(&bytes) {
        Ok(x) => x,
        Err(_) => {
            cx.push(Code::KeyFormatUnknown, Some(b.start), format!("The {} decoded bytes (starting {}) are neither a DER RSAPublicKey nor a CryptoAPI PUBLICKEYBLOB.", bytes.len(), crate::text::hex(bytes.get(..8).unwrap_or(&bytes))), "Export the request again; the key must be the server's RSA public key.");
            return;
        }
    };
    let bits = key.bits();
    if bits != 1024 && bits != 2048 {
        cx.push(Code::KeySizeUnusual, Some(b.start), format!("The server key is RSA-{bits}; RMS uses RSA-1024 (mode 1) or RSA-2048 (mode 2)."), "Export the request again from the RMS server; a different key size means the file is not a genuine export.");
    }
    // MS-RMPR §3.6.4.1: the key is RSA; RFC 8017 §3.1: its exponent is odd and at least 3.
    if !key.exponent_is_usable() {
        cx.push(
            Code::KeyExponentInvalid,
            Some(b.start),
            format!(
                "The public exponent is {}; an RSA exponent is odd and at least 3.",
                key.exponent
            ),
            "The request was damaged or edited. Export it again on the RMS server.",
        );
    } else if key.exponent != 65537 {
        cx.push(
            Code::KeyExponentUnusual,
            Some(b.start),
            format!("The public exponent is {}, not 65537.", key.exponent),
            "RMS keys use 65537. Check that this is the genuine export.",
        );
    }
    if key.modulus_is_even() {
        cx.push(Code::KeyModulusEven, Some(b.start), "The modulus is even, so this cannot be an RSA public key.".into(), "The key bytes are damaged (for example byte order reversed by hand). Export the request again.");
    }
    s.key = Some(KeyInfo {
        form,
        bits,
        exponent: key.exponent,
        fingerprint: key.fingerprint(),
    });
    s.rsa_key = Some(key);
}
