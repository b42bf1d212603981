//! Step 1: the exported enrollment or renewal request (MS-RMPR §3.6.4.2.1.1, §3.6.4.1).
//!
//! [`check_request`] collects every finding it can; a damaged file still gets its content
//! checked wherever the content can be read.

use crate::finding::{Code, Expected, Finding, Input, Location};
use crate::key::{base64_decode, Base64Problem, KeyError, KeyForm, RsaKey};
use crate::policy::MAX_REQUEST_BYTES;
use crate::text::{raw_location, sha256_hex, Decoded, Encoding};
use crate::xml::{self, Element, XmlError};
use serde::Serialize;

/// What the request checks find, with typed context: one variant per problem. The words are made
/// in [`crate::words`]; offsets are in the finding's [`Location`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Found {
    // --- bytes and encoding -----------------------------------------------------------
    /// `request-empty`: the file has 0 bytes.
    Empty,
    /// `binary-file`: the file is binary data of a known (or no known) kind.
    BinaryFile {
        /// What the bytes are.
        kind: FileKind,
        /// The first bytes (at most 8), to compare with what the user sees in a hex viewer.
        first_bytes: Vec<u8>,
    },
    /// `pem-not-request`: the file is PEM text (`-----BEGIN CERTIFICATE-----` …), not XML.
    Pem {
        /// The label after `-----BEGIN ` (`CERTIFICATE`, `PUBLIC KEY`, …), at most 40
        /// characters.
        label: String,
    },
    /// `text-not-xml`: the file is text with no XML element anywhere.
    TextNotXml {
        /// How many lines it has.
        lines: usize,
        /// Its first line that is not blank, trimmed, control characters replaced by spaces,
        /// at most [`EXCERPT_CHARS`] characters (with `…` when cut).
        first_line: String,
    },
    /// `request-blank`: the file holds only whitespace.
    Blank {
        /// Its size in bytes.
        size: usize,
    },
    /// `utf8-bom`: the file starts with EF BB BF.
    Utf8Bom,
    /// `utf16-encoded`: the file is UTF-16 text.
    Utf16 {
        /// [`Encoding::Utf16Le`] or [`Encoding::Utf16Be`].
        encoding: Encoding,
        /// Whether it starts with a byte order mark.
        bom: bool,
    },
    /// `truncated`: a UTF-16 file with an odd number of bytes.
    Utf16OddLength {
        /// Its size in bytes.
        size: usize,
    },
    /// `invalid-utf8`: a byte that is not UTF-8 (the offset is the location's).
    InvalidUtf8 {
        /// Byte offset in the file.
        offset: usize,
        /// The byte.
        byte: u8,
    },
    /// `nul-bytes`: NUL characters in the text (the first is at the location).
    NulBytes {
        /// How many.
        count: usize,
    },
    /// `non-ascii`: characters outside ASCII (the first is at the location).
    NonAscii {
        /// How many.
        count: usize,
        /// The first one.
        first: char,
    },
    /// `crlf-line-endings`: Windows line endings (harmless).
    CrlfLineEndings,
    // --- what surrounds the XML -------------------------------------------------------
    /// `browser-rendering`: a browser's display of the XML, saved or copied.
    BrowserRendering {
        /// Which display.
        view: BrowserView,
    },
    /// `html-wrapper`: an HTML page ("Save as web page") with the request inside.
    HtmlWrapper,
    /// `leading-junk`: characters before the XML starts.
    LeadingJunk {
        /// How many characters.
        chars: usize,
    },
    /// `leading-junk`: text between the XML declaration (or comments) and the root element.
    TextBeforeRoot,
    /// `trailing-junk`: characters after the root element ends.
    TrailingJunk {
        /// How many characters.
        chars: usize,
        /// The root element's name as written.
        root: String,
    },
    // --- XML ------------------------------------------------------------------------------
    /// `truncated`: the text ends inside the XML.
    Truncated {
        /// The innermost element still open; `None` when the text ends before the root
        /// element starts.
        open: Option<String>,
    },
    /// `truncated`: there is no XML element at all.
    NoElement,
    /// `xml-malformed`: the XML is not well-formed.
    XmlMalformed {
        /// What is wrong.
        problem: xml::Problem,
    },
    /// `doctype-refused`: a DOCTYPE (with possible entity declarations).
    Doctype,
    /// `xml-budget-exceeded`: a safety budget of the XML reader is exceeded.
    XmlBudget {
        /// Which one.
        budget: xml::Budget,
    },
    // --- structure ------------------------------------------------------------------------
    /// `duplicate-element`: a second request follows the first.
    SecondRequest {
        /// The second root's name as written (`EnrollParameters`, `soap:Envelope`).
        element: String,
    },
    /// `soap-envelope`: the parameters were read from inside a SOAP envelope.
    SoapEnvelope,
    /// `certificate-not-request`: the file is an XrML certificate.
    CertificateNotRequest,
    /// `not-a-request`: the root element is something else.
    NotARequest {
        /// The root element's local name.
        root: String,
    },
    /// `wrong-namespace`: `EnrollParameters` is not in [`ENROLL_NS`].
    WrongNamespace {
        /// The element's name as written.
        element: String,
        /// Its namespace, when it has one.
        namespace: Option<String>,
    },
    /// `wrong-namespace`: a child is in another namespace than its parent.
    ChildNamespace {
        /// The child's name as written.
        element: String,
        /// The parent (an element of the request schema).
        parent: &'static str,
        /// The child's namespace, when it has one.
        namespace: Option<String>,
    },
    /// `missing-element`: a required child is missing.
    MissingElement {
        /// The parent's name.
        parent: String,
        /// The child that is missing; when several would do, each of them.
        names: Vec<String>,
    },
    /// `unexpected-attribute`: an attribute (other than a namespace declaration) on an
    /// element of the request. A genuine export has none; `xsi:nil="true"` makes the value
    /// null to the service's reader whatever the text says.
    UnexpectedAttribute {
        /// The element's name as written.
        element: String,
        /// The attribute as written.
        attribute: String,
        /// Its value (at most 80 characters).
        value: String,
    },
    /// `unexpected-element`: a child the schema does not define.
    UnexpectedElement {
        /// The child's name as written.
        element: String,
        /// The parent (an element of the request schema).
        parent: &'static str,
    },
    /// `duplicate-element`: an element that may appear once appears more often.
    DuplicateElement {
        /// The element's local name.
        element: String,
        /// The parent (an element of the request schema).
        parent: &'static str,
        /// How often it appears.
        count: usize,
    },
    /// `duplicate-element`: a SOAP level holds more than one element the parameters could be
    /// read from, so none is read.
    AmbiguousParameters {
        /// The parent's name as written.
        parent: String,
        /// The names any of which it could be.
        names: Vec<String>,
        /// How many there are.
        count: usize,
    },
    /// `element-order`: a child comes after one that the schema puts after it.
    ElementOrder {
        /// The child's local name.
        element: String,
        /// The parent (an element of the request schema).
        parent: &'static str,
        /// The schema's order of the parent's children.
        order: &'static [&'static str],
    },
    // --- values -----------------------------------------------------------------------------
    /// `revocation-nonrevocable`: RevocationType NonRevocable.
    RevocationNonRevocable,
    /// `revocation-type-invalid`: RevocationType is not one of the schema's values.
    RevocationTypeInvalid {
        /// The value as written (trimmed).
        value: String,
    },
    /// `revocation-authorities-missing`: CustomRevocation without authorities.
    RevocationAuthoritiesMissing,
    /// `revocation-authorities-unexpected`: authorities without CustomRevocation.
    RevocationAuthoritiesUnexpected {
        /// The RevocationType, when there is exactly one.
        revocation_type: Option<String>,
    },
    /// `revocation-authority-key-invalid`: an authority key is not a base64 RSA key.
    RevocationAuthorityKeyInvalid,
    /// `guid-without-braces`: accepted and shown with braces.
    GuidWithoutBraces {
        /// As written.
        written: String,
        /// As read: `{lowercase}`.
        guid: String,
    },
    /// `guid-invalid`: not 8-4-4-4-12 hexadecimal digits.
    GuidInvalid {
        /// As written (trimmed).
        value: String,
    },
    /// `version-empty`: EnrolleeInformation/Version is empty.
    VersionEmpty,
    /// `ad-rms-version`: the version is AD RMS's.
    AdRmsVersion {
        /// The version as written.
        version: String,
    },
    /// `enrollee-field-empty`: optional EnrolleeInformation fields that are empty or missing.
    EnrolleeFieldEmpty {
        /// Their element names (`SKU`, `Name`, `URL`).
        fields: Vec<String>,
    },
    /// `url-implausible`: the cluster URL is not an http(s) URL with a host name.
    UrlImplausible {
        /// The URL as written (trimmed).
        url: String,
    },
    /// `key-base64-invalid`: aPublicKeyBytes is not base64.
    KeyBase64Invalid {
        /// Why.
        problem: Base64Problem,
    },
    /// `key-format-unknown`: the decoded key bytes are neither form.
    KeyFormatUnknown {
        /// How many bytes were decoded.
        length: usize,
        /// The first (at most 8) of them.
        first_bytes: Vec<u8>,
    },
    /// `key-size-unusual`: not RSA-1024 or RSA-2048.
    KeySizeUnusual {
        /// The modulus size in bits.
        bits: u32,
    },
    /// `key-exponent-invalid`: even or smaller than 3.
    KeyExponentInvalid {
        /// The exponent.
        exponent: u64,
    },
    /// `key-exponent-unusual`: usable, but not 65537.
    KeyExponentUnusual {
        /// The exponent.
        exponent: u64,
    },
    /// `key-modulus-even`: the modulus is even.
    KeyModulusEven,
    /// `file-name-unrecognised`: the name does not say enrollment or renewal.
    FileNameUnrecognised {
        /// The name as loaded.
        name: String,
    },
}

/// What a binary file is, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    /// `89 50 4E 47`.
    Png,
    /// `FF D8 FF`.
    Jpeg,
    /// `GIF8`.
    Gif,
    /// `%PDF`.
    Pdf,
    /// `PK 03 04`: a ZIP archive, which includes .docx and .xlsx.
    Zip,
    /// `1F 8B`.
    Gzip,
    /// `MZ`: a Windows program or DLL.
    Exe,
    /// `D0 CF 11 E0`: an OLE compound file (an Outlook .msg, an old .doc or .xls).
    Ole,
    /// `30 82 xx xx 30`: a DER-encoded X.509 certificate (a `.cer` file).
    DerCertificate,
    /// Undecodable bytes with NULs among them.
    Other,
}

/// Which browser display of the XML was saved or copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BrowserView {
    /// The banner "This XML file does not appear to have any style information…" (Chrome,
    /// Edge, Firefox).
    StyleBanner,
    /// Internet Explorer's tree, with `-` before every element that can be collapsed.
    CollapsibleTree,
}

impl Found {
    /// The stable code.
    pub fn code(&self) -> Code {
        match self {
            Found::Empty => Code::RequestEmpty,
            Found::BinaryFile { .. } => Code::BinaryFile,
            Found::Pem { .. } => Code::PemNotRequest,
            Found::TextNotXml { .. } => Code::TextNotXml,
            Found::Blank { .. } => Code::RequestBlank,
            Found::Utf8Bom => Code::Utf8Bom,
            Found::Utf16 { .. } => Code::Utf16Encoded,
            Found::Utf16OddLength { .. } | Found::Truncated { .. } | Found::NoElement => {
                Code::Truncated
            }
            Found::InvalidUtf8 { .. } => Code::InvalidUtf8,
            Found::NulBytes { .. } => Code::NulBytes,
            Found::NonAscii { .. } => Code::NonAscii,
            Found::CrlfLineEndings => Code::CrlfLineEndings,
            Found::BrowserRendering { .. } => Code::BrowserRendering,
            Found::HtmlWrapper => Code::HtmlWrapper,
            Found::LeadingJunk { .. } | Found::TextBeforeRoot => Code::LeadingJunk,
            Found::TrailingJunk { .. } => Code::TrailingJunk,
            Found::XmlMalformed { .. } => Code::XmlMalformed,
            Found::Doctype => Code::DoctypeRefused,
            Found::XmlBudget { .. } => Code::XmlBudgetExceeded,
            Found::SecondRequest { .. }
            | Found::DuplicateElement { .. }
            | Found::AmbiguousParameters { .. } => Code::DuplicateElement,
            Found::SoapEnvelope => Code::SoapEnvelope,
            Found::CertificateNotRequest => Code::CertificateNotRequest,
            Found::NotARequest { .. } => Code::NotARequest,
            Found::WrongNamespace { .. } | Found::ChildNamespace { .. } => Code::WrongNamespace,
            Found::MissingElement { .. } => Code::MissingElement,
            Found::UnexpectedAttribute { .. } => Code::UnexpectedAttribute,
            Found::UnexpectedElement { .. } => Code::UnexpectedElement,
            Found::ElementOrder { .. } => Code::ElementOrder,
            Found::RevocationNonRevocable => Code::RevocationNonRevocable,
            Found::RevocationTypeInvalid { .. } => Code::RevocationTypeInvalid,
            Found::RevocationAuthoritiesMissing => Code::RevocationAuthoritiesMissing,
            Found::RevocationAuthoritiesUnexpected { .. } => Code::RevocationAuthoritiesUnexpected,
            Found::RevocationAuthorityKeyInvalid => Code::RevocationAuthorityKeyInvalid,
            Found::GuidWithoutBraces { .. } => Code::GuidWithoutBraces,
            Found::GuidInvalid { .. } => Code::GuidInvalid,
            Found::VersionEmpty => Code::VersionEmpty,
            Found::AdRmsVersion { .. } => Code::AdRmsVersion,
            Found::EnrolleeFieldEmpty { .. } => Code::EnrolleeFieldEmpty,
            Found::UrlImplausible { .. } => Code::UrlImplausible,
            Found::KeyBase64Invalid { .. } => Code::KeyBase64Invalid,
            Found::KeyFormatUnknown { .. } => Code::KeyFormatUnknown,
            Found::KeySizeUnusual { .. } => Code::KeySizeUnusual,
            Found::KeyExponentInvalid { .. } => Code::KeyExponentInvalid,
            Found::KeyExponentUnusual { .. } => Code::KeyExponentUnusual,
            Found::KeyModulusEven => Code::KeyModulusEven,
            Found::FileNameUnrecognised { .. } => Code::FileNameUnrecognised,
        }
    }

    /// One example of each variant, for the completeness tests and the findings docs.
    pub fn samples() -> Vec<Found> {
        let s = String::from;
        vec![
            Found::Empty,
            Found::BinaryFile {
                kind: FileKind::Png,
                first_bytes: vec![0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
            },
            Found::Pem {
                label: s("CERTIFICATE"),
            },
            Found::TextNotXml {
                lines: 12,
                first_line: s("Hi Jan, here is the request for RMS01:"),
            },
            Found::Blank { size: 4 },
            Found::Utf8Bom,
            Found::Utf16 {
                encoding: Encoding::Utf16Le,
                bom: true,
            },
            Found::Utf16OddLength { size: 3_129 },
            Found::InvalidUtf8 {
                offset: 412,
                byte: 0xE9,
            },
            Found::NulBytes { count: 64 },
            Found::NonAscii {
                count: 1,
                first: 'ø',
            },
            Found::CrlfLineEndings,
            Found::BrowserRendering {
                view: BrowserView::StyleBanner,
            },
            Found::HtmlWrapper,
            Found::LeadingJunk { chars: 27 },
            Found::TextBeforeRoot,
            Found::TrailingJunk {
                chars: 20,
                root: s("EnrollParameters"),
            },
            Found::Truncated {
                open: Some(s("CertificatePublicKey")),
            },
            Found::NoElement,
            Found::XmlMalformed {
                problem: xml::Problem::MismatchedEndTag {
                    expected: s("Name"),
                    found: s("Nam"),
                },
            },
            Found::Doctype,
            Found::XmlBudget {
                budget: xml::Budget::Depth { limit: 64 },
            },
            Found::SecondRequest {
                element: s("EnrollParameters"),
            },
            Found::SoapEnvelope,
            Found::CertificateNotRequest,
            Found::NotARequest {
                root: s("configuration"),
            },
            Found::WrongNamespace {
                element: s("EnrollParameters"),
                namespace: None,
            },
            Found::ChildNamespace {
                element: s("Guid"),
                parent: "CertificatePublicKey",
                namespace: Some(s("urn:other")),
            },
            Found::MissingElement {
                parent: s("CertificatePublicKey"),
                names: vec![s("Guid")],
            },
            Found::UnexpectedAttribute {
                element: s("Guid"),
                attribute: s("xsi:nil"),
                value: s("true"),
            },
            Found::UnexpectedElement {
                element: s("Comment"),
                parent: "EnrolleeInformation",
            },
            Found::DuplicateElement {
                element: s("Guid"),
                parent: "CertificatePublicKey",
                count: 2,
            },
            Found::AmbiguousParameters {
                parent: s("Enroll"),
                names: vec![s("oInput"), s("EnrollParameters")],
                count: 2,
            },
            Found::ElementOrder {
                element: s("RevocationInformation"),
                parent: "EnrollParameters",
                order: ENROLL_PARAMETERS.children,
            },
            Found::RevocationNonRevocable,
            Found::RevocationTypeInvalid {
                value: s("standardrevocation"),
            },
            Found::RevocationAuthoritiesMissing,
            Found::RevocationAuthoritiesUnexpected {
                revocation_type: Some(s("StandardRevocation")),
            },
            Found::RevocationAuthorityKeyInvalid,
            Found::GuidWithoutBraces {
                written: s("6F9619FF-8B86-D011-B42D-00C04FC964FF"),
                guid: s("{6f9619ff-8b86-d011-b42d-00c04fc964ff}"),
            },
            Found::GuidInvalid {
                value: s("{6f9619ff-8b86-d011-b42d-00c04fc964f}"),
            },
            Found::VersionEmpty,
            Found::AdRmsVersion {
                version: s("6.0.6001.18000"),
            },
            Found::EnrolleeFieldEmpty {
                fields: vec![s("SKU"), s("URL")],
            },
            Found::UrlImplausible {
                url: s("rms01.contoso.test/_wmcs"),
            },
            Found::KeyBase64Invalid {
                problem: Base64Problem::InvalidCharacter {
                    offset: 17,
                    byte: b'-',
                },
            },
            Found::KeyFormatUnknown {
                length: 132,
                first_bytes: vec![0x30, 0x81, 0x89, 0x02, 0x81, 0x81, 0x00, 0xC3],
            },
            Found::KeySizeUnusual { bits: 1536 },
            Found::KeyExponentInvalid { exponent: 65536 },
            Found::KeyExponentUnusual { exponent: 3 },
            Found::KeyModulusEven,
            Found::FileNameUnrecognised {
                name: s("request.xml"),
            },
        ]
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
    let s = crate::text::trim_xml(s);
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
    fn push(&mut self, found: Found, at: Option<usize>) {
        let location = at.and_then(|p| self.loc(p));
        self.findings.push(Finding::of(found).at(location));
    }
}

/// Most characters of a text file's first line kept in [`Found::TextNotXml`].
pub const EXCERPT_CHARS: usize = 60;

/// Codes that say the file is something else than a request (or not the file itself). When
/// one of them is found it is the whole story: the file's name, encoding and line endings
/// are not the user's problem then, so nothing else is said about them.
fn is_identity(code: Code) -> bool {
    matches!(
        code,
        Code::RequestEmpty
            | Code::InputTooLarge
            | Code::BinaryFile
            | Code::PemNotRequest
            | Code::TextNotXml
            | Code::RequestBlank
            | Code::CertificateNotRequest
            | Code::NotARequest
            | Code::BrowserRendering
            | Code::HtmlWrapper
    )
}

/// Checks the bytes of an exported request. `file_name` (as loaded) lets the report say
/// enrollment or renewal; pasted text has none, and then nothing is said about a name.
/// Never panics; always returns every finding it could make.
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
    }
    if bytes.is_empty() {
        report.findings.push(Finding::of(Found::Empty));
        return report;
    }
    if bytes.len() > MAX_REQUEST_BYTES {
        report.findings.push(
            Finding::of(Input::TooLarge {
                name: file_name.unwrap_or_default().to_owned(),
                size: bytes.len() as u64,
                limit: MAX_REQUEST_BYTES as u64,
                expected: Expected::Request,
            })
            .at(Some(raw_location(bytes, MAX_REQUEST_BYTES))),
        );
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
    // What the file is, when it is not a request at all: said once, without a place (it is
    // about the whole file).
    // One pass over the text for what decides what the file is.
    let text = decoded.text.as_str();
    let looks = Looks::of(text);
    if looks.xrml && !looks.enroll_parameters {
        // The certificate chain (bare, in SOAP, in the escaped enrollment response, or inside
        // other data): the one thing to say.
        cx.push(Found::CertificateNotRequest, None);
        return finish(report, cx, name_server, file_name);
    }
    if let Some(kind) = binary_kind(bytes, &decoded) {
        cx.findings.push(Finding::of(Found::BinaryFile {
            kind,
            first_bytes: bytes.get(..8).unwrap_or(bytes).to_vec(),
        }));
        return finish(report, cx, name_server, file_name);
    }
    if text.trim().is_empty() {
        cx.push(Found::Blank { size: bytes.len() }, None);
        return finish(report, cx, name_server, file_name);
    }
    if let (Some(label), false) = (&looks.pem_label, looks.element) {
        cx.push(
            Found::Pem {
                label: label.clone(),
            },
            None,
        );
        return finish(report, cx, name_server, file_name);
    }

    // Where the XML we can read starts, and whether it is wrapped in something else.
    let lower = text.to_ascii_lowercase();
    let mut content_start = 0usize;
    let mut wrapped = false;
    let banner = lower.contains("does not appear to have any style information");
    let ie_tree = lower.lines().any(|l| l.trim_start().starts_with("- <"));
    if banner || ie_tree {
        wrapped = true;
        let view = if banner {
            BrowserView::StyleBanner
        } else {
            BrowserView::CollapsibleTree
        };
        cx.push(Found::BrowserRendering { view }, None);
        if ie_tree {
            return finish(report, cx, name_server, file_name);
        }
    } else if lower.contains("<!-- saved from url=") || lower.contains("<html") {
        wrapped = true;
        cx.push(Found::HtmlWrapper, None);
    }
    if wrapped {
        // The first EnrollParameters or Envelope start tag; a second one is refused below.
        match root_tags(text).next() {
            Some(p) => content_start = p,
            None => return finish(report, cx, name_server, file_name),
        }
    } else if !looks.element {
        cx.push(
            Found::TextNotXml {
                lines: text.lines().count(),
                first_line: excerpt(text),
            },
            None,
        );
        return finish(report, cx, name_server, file_name);
    } else {
        encoding_findings(&mut cx, bytes);
        let first = text.find('<');
        let lead = text.len() - text.trim_start_matches(|c: char| c.is_whitespace()).len();
        if first != Some(lead) {
            let junk_at = lead;
            let end = first.unwrap_or(text.len());
            let chars = text.get(junk_at..end).map_or(0, |j| j.chars().count());
            // The place shown is where the XML starts: the junk always starts the file.
            cx.push(Found::LeadingJunk { chars }, first);
            match first {
                Some(p) => content_start = p,
                None => return finish(report, cx, name_server, file_name),
            }
        }
    }

    let slice = text.get(content_start..).unwrap_or("");
    cx.base = content_start;
    let doc = match xml::parse(slice) {
        Ok(d) => d,
        Err(e) => {
            xml_error_finding(&mut cx, &e);
            return finish(report, cx, name_server, file_name);
        }
    };
    if let Some(p) = doc.leading_text {
        cx.push(Found::TextBeforeRoot, Some(p));
    }
    // A second request after the first (bare, or in the page around it): either could be
    // the one meant, so neither is read.
    let end = doc.root.end;
    let second = slice
        .get(end..)
        .filter(|_| matches!(doc.root.local(), "EnrollParameters" | "Envelope"))
        .and_then(|rest| root_tags(rest).next())
        .map(|p| end + p);
    if let Some(p) = second {
        cx.name_ambiguous = true;
        cx.push(
            Found::SecondRequest {
                element: tag_name(slice.get(p..).unwrap_or("")).to_owned(),
            },
            Some(p),
        );
    } else if let (Some(p), false) = (doc.trailing, wrapped) {
        cx.push(
            Found::TrailingJunk {
                chars: slice.get(p..).map_or(0, |t| t.chars().count()),
                root: doc.root.name.to_string(),
            },
            Some(p),
        );
    }
    let root = &doc.root;
    let params = match root.local() {
        "EnrollParameters" => Some(root),
        "Envelope" => {
            cx.push(Found::SoapEnvelope, None);
            soap_params(&mut cx, root)
        }
        other => {
            cx.push(
                Found::NotARequest {
                    root: other.to_owned(),
                },
                None,
            );
            None
        }
    };
    if let (Some(p), None) = (params, second) {
        check_attributes(&mut cx, root, p);
        // Parameters astray: none are read (as for a second request).
        if !stray_parameters(&mut cx, root, p) {
            check_params(&mut cx, p, &mut report.summary);
        }
    }
    finish(report, cx, name_server, file_name)
}

/// The schema of a part of the parameters element, by its local name.
fn part_schema(local: &str) -> Option<&'static Schema> {
    match local {
        "RevocationInformation" => Some(&REVOCATION_INFORMATION),
        "CertificatePublicKey" => Some(&CERTIFICATE_PUBLIC_KEY),
        "EnrolleeInformation" => Some(&ENROLLEE_INFORMATION),
        _ => None,
    }
}

/// The field of RevocationInformation that is a list (of RevocationAuthorityInformation,
/// checked on its own), not a value.
const AUTHORITY_LIST: &str = "aRevocationAuthorities";

/// Whether the checks read elements named `local` in one place only: the SOAP call, the
/// parameters element, its parts and their fields (every name the schemas give but the list
/// of revocation authorities).
fn read_once(local: &str) -> bool {
    matches!(local, "Enroll" | "oInput")
        || local == ENROLL_PARAMETERS.name
        || ENROLL_PARAMETERS.children.contains(&local)
        || (local != AUTHORITY_LIST
            && ENROLL_PARAMETERS
                .children
                .iter()
                .filter_map(|p| part_schema(p))
                .any(|s| s.children.contains(&local)))
}

/// An element named as one of the parameters ([`read_once`]) anywhere in the document other
/// than where the checks read it: inside a field (`<Guid><Guid>…</Guid>…</Guid>`), inside an
/// unknown element, in a SOAP header, in a second call in the SOAP body. A reader that
/// searches the document (`GetElementsByTagName`, `//Guid`) or a server that takes the first
/// call could read that one instead, so the request is ambiguous: one `ambiguous-parameters`
/// naming them, placed at the first stray copy, with how many elements of those names the
/// document holds. Copies side by side in their place are
/// `duplicate-element` already.
fn stray_parameters(cx: &mut Ctx<'_>, root: &Element, params: &Element) -> bool {
    // Where the checks read: the elements from the root down to the parameters element, its
    // parts and their fields, each under the parent its schema names (a `Guid` directly in
    // EnrollParameters or in RevocationInformation is astray); by start offset (each element
    // has its own), in a set, so that a part with very many children stays linear.
    let mut read: std::collections::HashSet<usize> =
        path_to(root, params).iter().map(|e| e.start).collect();
    // Elements inside a text field (`<Guid>{…}<Other>{…}</Other></Guid>`) are astray whatever
    // their name: a .NET reader refuses the field, one that takes all its text reads another
    // value.
    let mut strays: Vec<&Element> = vec![];
    for part in &params.children {
        let Some(schema) = part_schema(part.local()) else {
            continue;
        };
        read.insert(part.start);
        for field in part
            .children
            .iter()
            .filter(|f| schema.children.contains(&f.local()))
        {
            read.insert(field.start);
            if field.local() == AUTHORITY_LIST {
                continue;
            }
            strays.extend(&field.children);
        }
    }
    root.walk(&mut |e| {
        if read_once(e.local()) && !read.contains(&e.start) {
            strays.push(e);
        }
    });
    // Their names (in the order met), where the first stray copy is, and how many elements in
    // all have those names.
    let Some(first) = strays.iter().map(|e| e.start).min() else {
        return false;
    };
    let mut names: Vec<&str> = vec![];
    for e in &strays {
        if !names.contains(&e.local()) {
            names.push(e.local());
        }
    }
    let mut count = 0;
    root.walk(&mut |e| count += usize::from(names.contains(&e.local())));
    cx.name_ambiguous = true;
    cx.push(
        Found::AmbiguousParameters {
            parent: root.name.to_string(),
            names: names.into_iter().map(str::to_owned).collect(),
            count,
        },
        Some(first),
    );
    true
}

/// The elements from `root` down to `target` (one of its descendants, or itself), each the
/// child of the one before that holds `target`'s start.
fn path_to<'e, 'a>(root: &'e Element<'a>, target: &Element) -> Vec<&'e Element<'a>> {
    let mut path = vec![root];
    let mut at = root;
    while !std::ptr::eq(at, target) {
        match at
            .children
            .iter()
            .find(|c| c.start <= target.start && target.start < c.end)
        {
            Some(c) => {
                path.push(c);
                at = c;
            }
            None => break,
        }
    }
    path
}

/// Attributes on the parameters element and on the SOAP elements around it (`Body`, the
/// call): only namespace declarations belong there. `xsi:nil="true"` makes a .NET reader
/// read no parameters at all, `xsi:type` another type; the children's attributes are checked
/// with the schema ([`check_children`]).
fn check_attributes(cx: &mut Ctx<'_>, root: &Element, params: &Element) {
    // (Not the SOAP envelope itself, which may carry attributes of its own; its Body, the call
    // and the parameters are checked.)
    let on_path = path_to(root, params)
        .into_iter()
        .filter(|e| !std::ptr::eq(*e, root) || std::ptr::eq(root, params));
    for e in on_path {
        // Namespace declarations; `xml:lang`, `xml:space` (no reader takes them as data); SOAP
        // 1.1's `encodingStyle`, allowed on any element (§4.1.1).
        unexpected_attribute(cx, e, |a| {
            declares_namespace(a)
                || a.starts_with("xml:")
                || a.rsplit(':').next() == Some("encodingStyle")
        });
    }
}

fn declares_namespace(attribute: &str) -> bool {
    attribute == "xmlns" || attribute.starts_with("xmlns:")
}

/// The first attribute of `e` that `allowed` does not allow, as `unexpected-attribute`.
fn unexpected_attribute(cx: &mut Ctx<'_>, e: &Element, allowed: impl Fn(&str) -> bool) {
    if let Some((a, v)) = e.attrs.iter().find(|(a, _)| !allowed(a)) {
        cx.push(
            Found::UnexpectedAttribute {
                element: e.name.to_string(),
                attribute: a.to_string(),
                value: v.chars().take(80).collect(),
            },
            Some(e.start),
        );
    }
}

/// What one pass over a text shows about what kind of file it is.
#[derive(Default)]
struct Looks {
    /// Markup (`<` followed by a name, `?`, `!`, `/`, or nothing) somewhere.
    element: bool,
    /// `<XrML` or `&lt;XrML` somewhere.
    xrml: bool,
    /// `EnrollParameters` somewhere.
    enroll_parameters: bool,
    /// The label of the first `-----BEGIN …-----` line.
    pem_label: Option<String>,
}

impl Looks {
    fn of(text: &str) -> Looks {
        let mut l = Looks::default();
        let b = text.as_bytes();
        for (i, &c) in b.iter().enumerate() {
            let rest = b.get(i + 1..).unwrap_or(&[]);
            match c {
                b'<' => {
                    // A name, a declaration, an end tag, or the text ending (a cut-off file);
                    // NUL too, for UTF-32 read as bytes. `a < b` is not markup.
                    l.element |= rest.first().is_none_or(|n| {
                        n.is_ascii_alphabetic() || matches!(n, b'_' | b'?' | b'!' | b'/' | 0)
                    });
                    l.xrml |= rest.starts_with(b"XrML");
                }
                b'&' => l.xrml |= rest.starts_with(b"lt;XrML"),
                b'E' => l.enroll_parameters |= rest.starts_with(b"nrollParameters"),
                b'-' if l.pem_label.is_none() && rest.starts_with(b"----BEGIN ") => {
                    let label = rest.get(10..).unwrap_or(&[]);
                    let end = label
                        .iter()
                        .position(|&x| x == b'-' || x == b'\n' || x == b'\r')
                        .unwrap_or(label.len())
                        .min(40);
                    l.pem_label = Some(
                        String::from_utf8_lossy(label.get(..end).unwrap_or(&[]))
                            .trim()
                            .to_owned(),
                    );
                }
                _ => {}
            }
        }
        l
    }
}

/// The first line of `text` that is not blank, for recognising it: trimmed, control
/// characters as spaces, at most [`EXCERPT_CHARS`] characters.
fn excerpt(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let mut out: String = line
        .chars()
        .take(EXCERPT_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if line.chars().nth(EXCERPT_CHARS).is_some() {
        out.push('…');
    }
    out
}

fn finish(
    mut report: RequestReport,
    cx: Ctx<'_>,
    name_server: Option<String>,
    file_name: Option<&str>,
) -> RequestReport {
    let mut findings = cx.findings;
    findings.sort_by_key(|f| f.location.map_or(0, |l| l.offset));
    // The name matters only for a file that is a request; pasted text has none.
    if let (Some(name), RequestKind::Unknown) = (file_name, report.kind) {
        if !findings.iter().any(|f| is_identity(f.code)) {
            report
                .findings
                .push(Finding::of(Found::FileNameUnrecognised {
                    name: name.to_owned(),
                }));
        }
    }
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
    One(&'a Element<'a>),
    /// There are several: reading any of them would be a guess.
    Many,
}

impl<'a> Once<'a> {
    fn get(self) -> Option<&'a Element<'a>> {
        match self {
            Once::One(e) => Some(e),
            Once::Absent | Once::Many => None,
        }
    }
}

/// The child of `parent` named `local`, when there is exactly one. `check_children` reports
/// a second copy as `duplicate-element`; this never picks the first.
fn once<'a>(parent: &'a Element, local: &str) -> Once<'a> {
    let mut it = parent.children.iter().filter(|c| c.local() == local);
    match (it.next(), it.next()) {
        (None, _) => Once::Absent,
        (Some(e), None) => Once::One(e),
        (Some(_), Some(_)) => Once::Many,
    }
}

/// The one child of `parent` whose local name is one of `names`. None of them is
/// `missing-element`; more than one (two `Body`, two `oInput`, or an `oInput` beside an
/// `EnrollParameters`) is `duplicate-element`, and nothing is read.
fn only_child<'a>(
    cx: &mut Ctx<'_>,
    parent: &'a Element<'a>,
    names: &[&str],
) -> Option<&'a Element<'a>> {
    let mut found = parent
        .children
        .iter()
        .filter(|c| names.contains(&c.local()));
    let first = found.next();
    let wanted = || names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
    match (first, found.next()) {
        (None, _) => {
            cx.push(
                Found::MissingElement {
                    parent: parent.name.to_string(),
                    names: wanted(),
                },
                Some(parent.start),
            );
            None
        }
        (Some(e), None) => Some(e),
        (Some(_), Some(second)) => {
            cx.name_ambiguous = true;
            let total = 2 + found.count();
            cx.push(
                Found::AmbiguousParameters {
                    parent: parent.name.to_string(),
                    names: wanted(),
                    count: total,
                },
                Some(second.start),
            );
            None
        }
    }
}

/// The parameters inside a SOAP request: `Envelope/Body/Enroll/oInput`, also accepting
/// `EnrollParameters` in place of `Enroll` or of `oInput`. One element at every level.
fn soap_params<'a>(cx: &mut Ctx<'_>, envelope: &'a Element<'a>) -> Option<&'a Element<'a>> {
    let body = only_child(cx, envelope, &["Body"])?;
    let call = only_child(cx, body, &["Enroll", "EnrollParameters"])?;
    if call.local() == "EnrollParameters" {
        return Some(call);
    }
    only_child(cx, call, &["oInput", "EnrollParameters"])
}

/// Names binary data: known file signatures, or undecodable bytes with NULs among them.
pub(crate) fn binary_kind(bytes: &[u8], d: &Decoded) -> Option<FileKind> {
    const MAGIC: &[(&[u8], FileKind)] = &[
        (b"\x89PNG", FileKind::Png),
        (b"PK\x03\x04", FileKind::Zip),
        (b"%PDF", FileKind::Pdf),
        (b"GIF8", FileKind::Gif),
        (b"\xFF\xD8\xFF", FileKind::Jpeg),
        (b"\x1F\x8B", FileKind::Gzip),
        (b"MZ", FileKind::Exe),
        (b"\xD0\xCF\x11\xE0", FileKind::Ole),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(*kind);
    }
    // A DER SEQUENCE with a long length whose first element is a SEQUENCE again: an X.509
    // certificate (Certificate ::= SEQUENCE { tbsCertificate SEQUENCE … }). 0x81–0x83 are not
    // UTF-8 lead bytes, so no text file starts like this.
    if let [0x30, len @ 0x81..=0x83, rest @ ..] = bytes {
        if rest.get(usize::from(len - 0x80)) == Some(&0x30) {
            return Some(FileKind::DerCertificate);
        }
    }
    let nul = bytes.iter().take(8192).any(|&b| b == 0);
    (d.encoding == Encoding::Invalid && nul).then_some(FileKind::Other)
}

fn encoding_findings(cx: &mut Ctx<'_>, bytes: &[u8]) {
    let d = cx.decoded;
    let at_raw = |offset| Some(raw_location(bytes, offset));
    // The BOM and the encoding are about the whole file: no place is shown for them.
    match d.encoding {
        Encoding::Utf8Bom => cx.findings.push(Finding::of(Found::Utf8Bom)),
        Encoding::Utf16Le | Encoding::Utf16Be => cx.findings.push(Finding::of(Found::Utf16 {
            encoding: d.encoding,
            bom: d.bom_len > 0,
        })),
        Encoding::Invalid => {
            let offset = d.invalid_at.unwrap_or(0);
            let byte = bytes.get(offset).copied().unwrap_or(0);
            cx.findings
                .push(Finding::of(Found::InvalidUtf8 { offset, byte }).at(at_raw(offset)));
        }
        Encoding::Ascii | Encoding::Utf8 => {}
    }
    // The declaration names another encoding than the file's: the service reads other text.
    if let Some(declared) = crate::text::declared_encoding(d.text.as_bytes())
        .filter(|l| !crate::text::declaration_fits(l, d.encoding))
    {
        cx.findings
            .push(Finding::of(crate::finding::Input::DeclaredEncoding {
                declared: declared.to_owned(),
                utf16: d.is_utf16(),
            }));
    }
    if d.is_utf16() && (bytes.len() - d.bom_len) % 2 == 1 {
        cx.findings.push(
            Finding::of(Found::Utf16OddLength { size: bytes.len() }).at(at_raw(bytes.len() - 1)),
        );
    }
    let text = d.text.as_str();
    if let Some(p) = text.find('\0') {
        let count = text.matches('\0').count();
        cx.push(Found::NulBytes { count }, Some(p));
    }
    if d.encoding != Encoding::Invalid {
        if let Some((p, first)) = text.char_indices().find(|(_, c)| !c.is_ascii()) {
            let count = text.chars().filter(|c| !c.is_ascii()).count();
            cx.push(Found::NonAscii { count, first }, Some(p));
        }
    }
    if text.contains("\r\n") {
        cx.push(Found::CrlfLineEndings, None);
    }
}

fn xml_error_finding(cx: &mut Ctx<'_>, e: &XmlError) {
    let (found, at) = match e {
        XmlError::Truncated { pos, open } => (Found::Truncated { open: open.clone() }, Some(*pos)),
        XmlError::Malformed { pos, problem } => (
            Found::XmlMalformed {
                problem: problem.clone(),
            },
            Some(*pos),
        ),
        XmlError::Doctype { pos } => (Found::Doctype, Some(*pos)),
        XmlError::Budget { pos, budget } => (
            Found::XmlBudget {
                budget: budget.clone(),
            },
            Some(*pos),
        ),
        XmlError::NoRoot => (Found::NoElement, None),
    };
    cx.push(found, at);
}

/// One element of the request schema (MS-RMPR §3.6.4.1): its children in schema order,
/// which of them are required, and whether the order matters.
struct Schema {
    name: &'static str,
    children: &'static [&'static str],
    required: &'static [&'static str],
    ordered: bool,
}

const ENROLL_PARAMETERS: Schema = Schema {
    name: "EnrollParameters",
    children: &[
        "RevocationInformation",
        "CertificatePublicKey",
        "EnrolleeInformation",
    ],
    required: &[
        "RevocationInformation",
        "CertificatePublicKey",
        "EnrolleeInformation",
    ],
    ordered: true,
};

const REVOCATION_INFORMATION: Schema = Schema {
    name: "RevocationInformation",
    children: &["RevocationType", "aRevocationAuthorities"],
    required: &["RevocationType"],
    ordered: true,
};

const REVOCATION_AUTHORITY_INFORMATION: Schema = Schema {
    name: "RevocationAuthorityInformation",
    children: &["aRevocationAuthorityPublicKey"],
    required: &["aRevocationAuthorityPublicKey"],
    ordered: false,
};

const CERTIFICATE_PUBLIC_KEY: Schema = Schema {
    name: "CertificatePublicKey",
    children: &["aPublicKeyBytes", "Guid"],
    required: &["aPublicKeyBytes", "Guid"],
    ordered: true,
};

const ENROLLEE_INFORMATION: Schema = Schema {
    name: "EnrolleeInformation",
    children: &["SKU", "Version", "Name", "URL"],
    required: &["Version"],
    ordered: false,
};

/// Checks the children of `parent` (the element `schema` describes, found by its local name)
/// against the schema; pushes missing, duplicate, unexpected and (when ordered)
/// out-of-order findings.
fn check_children(cx: &mut Ctx<'_>, parent: &Element, schema: &Schema) {
    let expected = schema.children;
    let mut last_index = 0usize;
    let mut order_reported = false;
    // Each unexpected name is reported once (at its first place), each duplicated name once
    // with how often it occurs, so a hostile file cannot flood the report.
    let mut seen = vec![0usize; expected.len()];
    let mut unexpected: Vec<&str> = Vec::new();
    // A child in another namespace than its parent is another element to a schema-aware
    // reader (the service's); reading it by its local name would be a guess.
    if let Some(c) = parent.children.iter().find(|c| c.ns != parent.ns) {
        cx.push(
            Found::ChildNamespace {
                element: c.name.to_string(),
                parent: schema.name,
                namespace: c.ns.as_deref().map(str::to_owned),
            },
            Some(c.start),
        );
    }
    for c in &parent.children {
        unexpected_attribute(cx, c, declares_namespace);
        let Some(idx) = expected.iter().position(|n| *n == c.local()) else {
            if !unexpected.contains(&c.local()) {
                unexpected.push(c.local());
                cx.push(
                    Found::UnexpectedElement {
                        element: c.name.to_string(),
                        parent: schema.name,
                    },
                    Some(c.start),
                );
            }
            continue;
        };
        if let Some(n) = seen.get_mut(idx) {
            *n += 1;
            if *n == 2 {
                let total = parent
                    .children
                    .iter()
                    .filter(|p| p.local() == c.local())
                    .count();
                cx.push(
                    Found::DuplicateElement {
                        element: c.local().to_owned(),
                        parent: schema.name,
                        count: total,
                    },
                    Some(c.start),
                );
            }
        }
        if schema.ordered && idx < last_index && !order_reported {
            order_reported = true;
            cx.push(
                Found::ElementOrder {
                    element: c.local().to_owned(),
                    parent: schema.name,
                    order: schema.children,
                },
                Some(c.start),
            );
        }
        last_index = last_index.max(idx);
    }
    for name in schema.required {
        if parent.child(name).is_none() {
            cx.push(
                Found::MissingElement {
                    parent: schema.name.to_owned(),
                    names: vec![(*name).to_owned()],
                },
                Some(parent.start),
            );
        }
    }
}

fn check_params(cx: &mut Ctx<'_>, p: &Element, s: &mut RequestSummary) {
    if p.ns.as_deref() != Some(ENROLL_NS) {
        cx.push(
            Found::WrongNamespace {
                element: p.name.to_string(),
                namespace: p.ns.as_deref().map(str::to_owned),
            },
            Some(p.start),
        );
    }
    check_children(cx, p, &ENROLL_PARAMETERS);
    // A second copy of any element is reported by check_children; its value is then left
    // out of the summary, so nothing downstream pairs on a guess.
    if let Some(r) = once(p, "RevocationInformation").get() {
        check_revocation(cx, r, s);
    }
    if let Some(k) = once(p, "CertificatePublicKey").get() {
        check_children(cx, k, &CERTIFICATE_PUBLIC_KEY);
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
    check_children(cx, e, &ENROLLEE_INFORMATION);
    let text = |n: &str| once(e, n).get().map(|c| c.trimmed().to_owned());
    s.sku = text("SKU").filter(|v| !v.is_empty());
    s.server_name = text("Name").filter(|v| !v.is_empty());
    s.cluster_url = text("URL").filter(|v| !v.is_empty());
    if let Once::Many = once(e, "Name") {
        cx.name_ambiguous = true;
    }
    if let Some(v) = once(e, "Version").get() {
        if v.trimmed().is_empty() {
            cx.push(Found::VersionEmpty, Some(v.start));
        } else {
            let product = product_from_version(v.trimmed());
            s.version = Some(v.trimmed().to_owned());
            s.product = Some(product);
            if product == Product::AdRms {
                cx.push(
                    Found::AdRmsVersion {
                        version: v.trimmed().to_owned(),
                    },
                    Some(v.start),
                );
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
        cx.push(
            Found::EnrolleeFieldEmpty {
                fields: empty.iter().map(|n| (*n).to_owned()).collect(),
            },
            Some(e.start),
        );
    }
    if let Some(u) = once(e, "URL").get().filter(|u| !u.trimmed().is_empty()) {
        if !plausible_url(u.trimmed()) {
            cx.push(
                Found::UrlImplausible {
                    url: u.trimmed().to_owned(),
                },
                Some(u.start),
            );
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
    check_children(cx, r, &REVOCATION_INFORMATION);
    let ty_once = once(r, "RevocationType");
    let ty = ty_once.get();
    let ty_text = ty.map(|t| t.trimmed().to_owned());
    s.revocation_type = ty_text.clone();
    if let (Some(t), Some(v)) = (ty, ty_text.as_deref()) {
        match v {
            "StandardRevocation" | "CustomRevocation" => {}
            "NonRevocable" => cx.push(Found::RevocationNonRevocable, Some(t.start)),
            other => cx.push(
                Found::RevocationTypeInvalid {
                    value: other.to_owned(),
                },
                Some(t.start),
            ),
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
        cx.push(
            Found::RevocationAuthoritiesMissing,
            Some(ty.map_or(r.start, |t| t.start)),
        );
    }
    if let (Some(a), false) = (auths, custom) {
        cx.push(
            Found::RevocationAuthoritiesUnexpected {
                revocation_type: ty_text.clone(),
            },
            Some(a.start),
        );
    }
    check_authority_keys(cx, &infos);
}

fn check_authority_keys(cx: &mut Ctx<'_>, infos: &[&Element]) {
    for info in infos {
        check_children(cx, info, &REVOCATION_AUTHORITY_INFORMATION);
        let Some(k) = once(info, "aRevocationAuthorityPublicKey").get() else {
            continue;
        };
        let ok = base64_decode(k.trimmed())
            .ok()
            .and_then(|b| RsaKey::from_request_bytes(&b).ok())
            .is_some();
        if !ok {
            cx.push(Found::RevocationAuthorityKeyInvalid, Some(k.start));
        }
    }
}

fn check_guid(cx: &mut Ctx<'_>, g: &Element, s: &mut RequestSummary) {
    match normalise_guid(g.trimmed()) {
        Some((n, braces)) => {
            if !braces {
                cx.push(
                    Found::GuidWithoutBraces {
                        written: g.trimmed().to_owned(),
                        guid: n.clone(),
                    },
                    Some(g.start),
                );
            }
            s.guid = Some(n);
        }
        None => cx.push(
            Found::GuidInvalid {
                value: g.trimmed().to_owned(),
            },
            Some(g.start),
        ),
    }
}

fn check_key(cx: &mut Ctx<'_>, b: &Element, s: &mut RequestSummary) {
    let bytes = match base64_decode(b.trimmed()) {
        Ok(x) => x,
        Err(e) => {
            let problem = match e {
                KeyError::Base64 { problem } => problem,
                // base64_decode fails only with Base64; any other error means the text did
                // not decode either.
                _ => Base64Problem::InvalidPadding,
            };
            cx.push(Found::KeyBase64Invalid { problem }, Some(b.start));
            return;
        }
    };
    let (key, form) = match RsaKey::from_request_bytes(&bytes) {
        Ok(x) => x,
        Err(_) => {
            cx.push(
                Found::KeyFormatUnknown {
                    length: bytes.len(),
                    first_bytes: bytes.get(..8).unwrap_or(&bytes).to_vec(),
                },
                Some(b.start),
            );
            return;
        }
    };
    let bits = key.bits();
    if bits != 1024 && bits != 2048 {
        cx.push(
            Found::KeySizeUnusual {
                bits: u32::try_from(bits).unwrap_or(u32::MAX),
            },
            Some(b.start),
        );
    }
    // MS-RMPR §3.6.4.1: the key is RSA; RFC 8017 §3.1: its exponent is odd and at least 3.
    if !key.exponent_is_usable() {
        cx.push(
            Found::KeyExponentInvalid {
                exponent: key.exponent,
            },
            Some(b.start),
        );
    } else if key.exponent != 65537 {
        cx.push(
            Found::KeyExponentUnusual {
                exponent: key.exponent,
            },
            Some(b.start),
        );
    }
    if key.modulus_is_even() {
        cx.push(Found::KeyModulusEven, Some(b.start));
    }
    s.key = Some(KeyInfo {
        form,
        bits,
        exponent: key.exponent,
        fingerprint: key.fingerprint(),
    });
    s.rsa_key = Some(key);
}
