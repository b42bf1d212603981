//! XrML 1.2 certificates: finding every document in a file, whatever the wrapper, keeping
//! its exact source text, reading it into a typed model, and checking its signature by the
//! rule in `shared/docs/rms-formats.md` §4.

use crate::finding::{has_errors, Code, Finding, Location, Subject};
use crate::key::{base64_decode, KeyError, RsaKey};
use crate::policy::{HashAlg, MAX_CERT_BYTES, MAX_XRML_DOCUMENTS};
use crate::text::{Decoded, LineIndex};
use crate::time::UtcTime;
use crate::xml::{self, Element, XmlError};
use serde::Serialize;
use std::collections::HashMap;

/// What the xrml checks find, with typed context: one variant per problem. The words are made
/// in [`crate::words`].
///
/// `document` fields are 0-based positions in the file (as in [`Subject::Document`]); the
/// texts show them counted from 1.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Found {
    /// `input-too-large`: the bytes given to the reader are over its budget (the caller did
    /// not refuse the file up front, so its name is not known here).
    TooLarge {
        /// The size in bytes.
        size: u64,
        /// The budget in bytes.
        limit: u64,
    },
    /// `no-xrml-found`: the file is empty (0 bytes).
    FileEmpty,
    /// `no-xrml-found`: no `<XrML` start anywhere in the file.
    NoXrml {
        /// The file's size in bytes.
        size: u64,
    },
    /// `request-not-certificate`: the file is an enrollment request (`EnrollParameters`).
    RequestNotCertificate,
    /// `browser-rendering`: the certificates as a browser displayed them (saved as a web page,
    /// or copied from the window), not the file the service returned.
    BrowserView {
        /// Which display.
        view: Rendering,
    },
    /// `xrml-not-utf8`: a document cut out of the file holds bytes that are not UTF-8.
    NotUtf8 {
        /// Byte offset of the document's `<XrML` in the file.
        start: usize,
        /// Byte offset of the first byte that is not UTF-8.
        invalid_at: usize,
    },
    /// `xrml-unterminated`: documents start but never end.
    Unterminated {
        /// How many starts have no `</XrML>`.
        count: usize,
        /// The element holding them, in an escaped response (`SLC`, `CACert`, …).
        holder: Option<String>,
    },
    /// `xrml-too-many-documents`: more starts than the budget; the rest was not read.
    TooManyDocuments {
        /// The budget.
        limit: usize,
    },
    /// `wrapper-multiple-documents`: an element that holds one certificate holds more.
    HolderMultipleDocuments {
        /// The holding element's local name (`Certificate`, `SLC`, …).
        holder: String,
        /// Its line in the file.
        line: usize,
        /// Complete documents inside it.
        complete: usize,
        /// Starts without `</XrML>` inside it.
        unterminated: usize,
    },
    /// `response-slot-content`: a slot of the enrollment response holds something besides
    /// exactly one escaped XrML document (whitespace around it aside).
    SlotContent {
        /// The slot's local name (`SLC`, `CACert`, …).
        holder: String,
        /// Its line in the file.
        line: usize,
        /// What else it holds.
        content: SlotExtra,
    },
    /// `response-slot-repeated`: a slot element appears more than once in the response.
    SlotRepeated {
        /// The slot's local name.
        holder: String,
        /// The line of its second copy.
        line: usize,
        /// How many copies there are.
        count: usize,
    },
    /// `soap-document-hidden`: in a SOAP chain, a document that an XML reader does not see as
    /// an element inside a `Certificate` (it stands in a comment, a CDATA section, a processing
    /// instruction or outside any `Certificate`).
    SoapHidden {
        /// The document.
        document: usize,
    },
    /// `soap-certificate-content`: in a SOAP chain, a `Certificate` element that holds no
    /// `XrML` document the reader cut out, or something beside it (text, another element such
    /// as a prefixed `p:XrML`).
    SoapCertificateContent {
        /// Its line in the file.
        line: usize,
        /// What it holds instead of (or beside) its document.
        content: SlotExtra,
    },
    /// `wrapper-multiple-documents`: literal documents beside an escaped enrollment response.
    LiteralAndEscaped {
        /// How many literal `<XrML` starts there are.
        literal: usize,
    },
    /// `doctype-refused`: the file declares a DOCTYPE (it could give the documents
    /// attributes or entities another reader applies and this one does not).
    Doctype {
        /// Byte offset of `<!DOCTYPE` in the file.
        offset: usize,
    },
    /// `wrapper-multiple-documents`: content after the end of the enrollment response.
    ResponseTrailing {
        /// Byte offset of that content in the file.
        offset: usize,
    },
    /// `response-unreadable`: the enrollment response holding escaped documents is not XML
    /// this reader accepts.
    ResponseUnreadable {
        /// Why (boxed: findings stay small).
        error: Box<XmlError>,
    },
    /// `response-wrapper`: the documents were read from inside a wrapper.
    Wrapped {
        /// Which ([`Wrapper::SoapChain`] or [`Wrapper::EscapedResponse`]).
        wrapper: Wrapper,
        /// How many documents were read from it.
        documents: usize,
    },
    /// `xrml-not-well-formed`: a document is not XML this reader accepts.
    NotWellFormed {
        /// The document.
        document: usize,
        /// Why (positions are byte offsets inside the document's text; boxed: findings stay
        /// small).
        error: Box<XmlError>,
    },
    /// `xrml-no-body`: the document has no BODY.
    NoBody {
        /// The document.
        document: usize,
    },
    /// `xrml-duplicate-element`: an element that appears once appears more than once.
    DuplicateElement {
        /// The document.
        document: usize,
        /// Each duplicated element.
        duplicates: Vec<Duplicate>,
    },
    /// `xrml-unsigned-content`: content beside BODY and SIGNATURE that no signature covers.
    UnsignedContent {
        /// The document.
        document: usize,
        /// Everything found (the texts show the first [`Found::SHOWN`]).
        extras: Vec<Extra>,
    },
    /// `time-invalid`: a time element's text is not a time.
    TimeInvalid {
        /// The document.
        document: usize,
        /// Which element.
        element: TimeElement,
        /// Its text as written.
        value: String,
    },
    /// `xrml-key-unreadable`: a PUBLICKEY has both parameters but they are not an RSA key.
    KeyUnreadable {
        /// The document.
        document: usize,
        /// Whose key.
        party: PartyRole,
        /// What is wrong with it.
        reason: KeyProblem,
    },
    /// `xrml-no-issuer-key`: BODY/ISSUER has no PUBLICKEY with an exponent and a modulus.
    NoIssuerKey {
        /// The document.
        document: usize,
    },
    /// `xrml-no-signature`: the document has no SIGNATURE.
    NoSignature {
        /// The document.
        document: usize,
    },
    /// `signature-incomplete`: SIGNATURE lacks DIGEST/VALUE or its own VALUE.
    SignatureIncomplete {
        /// The document.
        document: usize,
        /// What is missing.
        missing: Vec<SignatureValue>,
    },
    /// `signature-base64-invalid`: a signature value is not base64.
    SignatureBase64Invalid {
        /// The document.
        document: usize,
        /// Which value.
        element: SignatureValue,
    },
    /// `signature-algorithm-unsupported`: DIGEST/ALGORITHM is not SHA1 or SHA256.
    DigestAlgorithmUnknown {
        /// The document.
        document: usize,
        /// The algorithm as written.
        algorithm: String,
    },
    /// `signature-algorithm-unsupported`: a known hash the policy does not accept.
    HashNotAccepted {
        /// The document.
        document: usize,
        /// The hash.
        hash: HashAlg,
    },
    /// `signature-algorithm-unsupported`: SIGNATURE/ALGORITHM is not RSA PKCS#1-V1.5.
    SignatureAlgorithmUnknown {
        /// The document.
        document: usize,
        /// The algorithm as written.
        algorithm: String,
    },
    /// `digest-mismatch`: the BODY's hash is not the signed digest.
    DigestMismatch {
        /// The document.
        document: usize,
        /// Its kind as written (descriptor type, purpose or BODY type).
        kind: String,
    },
    /// `signature-invalid`: the RSA signature does not verify with the issuer's key.
    SignatureInvalid {
        /// The document.
        document: usize,
        /// Its kind as written.
        kind: String,
        /// The issuer key's size in bits.
        key_bits: u32,
    },
    /// `signature-whitespace-stripped`: documents that matched only without inter-tag
    /// whitespace.
    WhitespaceStripped {
        /// The documents.
        documents: Vec<usize>,
    },
    /// `signature-sha1-legacy`: documents signed with SHA-1.
    Sha1Legacy {
        /// The documents.
        documents: Vec<usize>,
    },
}

/// One element that appears more than once where it may appear once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Duplicate {
    /// The parent's local name (`XrML`, `SIGNATURE`, `DIGEST`).
    pub parent: String,
    /// The element's local name.
    pub element: String,
    /// The `name` attribute shared by the copies, when they are counted by it (`PARAMETER
    /// name="modulus"`, `RIGHT name="ISSUE"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How many there are.
    pub count: usize,
}

impl std::fmt::Display for Duplicate {
    /// `PARENT/ELEMENT ×n` or `PARENT/ELEMENT name="…" ×n` (XML names: the same in every
    /// language).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.parent, self.element)?;
        if let Some(name) = &self.name {
            write!(f, " name=\"{name}\"")?;
        }
        write!(f, " ×{}", self.count)
    }
}

/// Content the signature does not cover, found beside BODY and SIGNATURE.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Extra {
    /// An attribute that is not allowed there.
    Attribute {
        /// The element carrying it.
        element: String,
        /// The attribute's name.
        name: String,
        /// Its value.
        value: String,
    },
    /// Non-whitespace text directly inside an element.
    Text {
        /// The element.
        element: String,
    },
    /// An element the schema does not define there.
    Element {
        /// Its name as written.
        name: String,
        /// The parent's local name.
        parent: String,
    },
    /// An element with a prefix or namespace RMS never writes.
    Namespaced {
        /// Its name as written.
        name: String,
    },
    /// SIGNATURE comes before BODY.
    SignatureFirst,
    /// A DIGEST PARAMETER without exactly one VALUE.
    ParameterValues {
        /// How many VALUE elements it has.
        count: usize,
    },
}

/// A time element of a certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeElement {
    /// `ISSUEDTIME`.
    Issued,
    /// `VALIDITYTIME/FROM`.
    ValidFrom,
    /// `VALIDITYTIME/UNTIL`.
    ValidUntil,
    /// The ISSUE right's `RANGETIME/FROM`.
    IssueFrom,
    /// The ISSUE right's `RANGETIME/UNTIL`.
    IssueUntil,
}

impl TimeElement {
    /// The element path as written in XrML (the same in every language).
    pub fn path(self) -> &'static str {
        match self {
            TimeElement::Issued => "ISSUEDTIME",
            TimeElement::ValidFrom => "VALIDITYTIME/FROM",
            TimeElement::ValidUntil => "VALIDITYTIME/UNTIL",
            TimeElement::IssueFrom => "RIGHT ISSUE/RANGETIME/FROM",
            TimeElement::IssueUntil => "RIGHT ISSUE/RANGETIME/UNTIL",
        }
    }
}

/// Whose key: `BODY/ISSUER` or `BODY/ISSUEDPRINCIPALS/PRINCIPAL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartyRole {
    /// The issuer.
    Issuer,
    /// The (first) issued principal.
    Principal,
}

/// Why an XrML PUBLICKEY is not an RSA key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyProblem {
    /// The `modulus` VALUE is not base64.
    ModulusNotBase64,
    /// The `modulus` VALUE decodes to nothing but zero bytes.
    ModulusEmpty,
    /// The `public-exponent` VALUE is not a decimal integer.
    ExponentNotInteger,
}

impl KeyProblem {
    fn of(e: &KeyError) -> KeyProblem {
        match e {
            KeyError::Base64 { .. } => KeyProblem::ModulusNotBase64,
            KeyError::EmptyModulus => KeyProblem::ModulusEmpty,
            // `RsaKey::from_xrml` reports an exponent that does not parse this way.
            KeyError::UnknownFormat => KeyProblem::ExponentNotInteger,
        }
    }
}

/// One of the two base64 values of a SIGNATURE.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignatureValue {
    /// `SIGNATURE/DIGEST/VALUE`, the signed digest.
    DigestValue,
    /// `SIGNATURE/VALUE`, the RSA signature.
    Value,
}

impl SignatureValue {
    /// The element path as written in XrML.
    pub fn path(self) -> &'static str {
        match self {
            SignatureValue::DigestValue => "SIGNATURE/DIGEST/VALUE",
            SignatureValue::Value => "SIGNATURE/VALUE",
        }
    }
}

impl Found {
    /// How many [`Extra`]s the texts list before "and n more".
    pub const SHOWN: usize = 5;

    /// The stable code.
    pub fn code(&self) -> Code {
        match self {
            Found::TooLarge { .. } => Code::InputTooLarge,
            Found::FileEmpty | Found::NoXrml { .. } => Code::NoXrmlFound,
            Found::RequestNotCertificate => Code::RequestNotCertificate,
            Found::BrowserView { .. } => Code::BrowserRendering,
            Found::NotUtf8 { .. } => Code::XrmlNotUtf8,
            Found::Unterminated { .. } => Code::XrmlUnterminated,
            Found::TooManyDocuments { .. } => Code::XrmlTooManyDocuments,
            Found::HolderMultipleDocuments { .. }
            | Found::LiteralAndEscaped { .. }
            | Found::ResponseTrailing { .. } => Code::WrapperMultipleDocuments,
            Found::ResponseUnreadable { .. } => Code::ResponseUnreadable,
            Found::SlotContent { .. } => Code::ResponseSlotContent,
            Found::SoapHidden { .. } => Code::SoapDocumentHidden,
            Found::SoapCertificateContent { .. } => Code::SoapCertificateContent,
            Found::SlotRepeated { .. } => Code::ResponseSlotRepeated,
            Found::Doctype { .. } => Code::DoctypeRefused,
            Found::Wrapped { .. } => Code::ResponseWrapper,
            Found::NotWellFormed { .. } => Code::XrmlNotWellFormed,
            Found::NoBody { .. } => Code::XrmlNoBody,
            Found::DuplicateElement { .. } => Code::XrmlDuplicateElement,
            Found::UnsignedContent { .. } => Code::XrmlUnsignedContent,
            Found::TimeInvalid { .. } => Code::TimeInvalid,
            Found::KeyUnreadable { .. } => Code::XrmlKeyUnreadable,
            Found::NoIssuerKey { .. } => Code::XrmlNoIssuerKey,
            Found::NoSignature { .. } => Code::XrmlNoSignature,
            Found::SignatureIncomplete { .. } => Code::SignatureIncomplete,
            Found::SignatureBase64Invalid { .. } => Code::SignatureBase64Invalid,
            Found::DigestAlgorithmUnknown { .. }
            | Found::HashNotAccepted { .. }
            | Found::SignatureAlgorithmUnknown { .. } => Code::SignatureAlgorithmUnsupported,
            Found::DigestMismatch { .. } => Code::DigestMismatch,
            Found::SignatureInvalid { .. } => Code::SignatureInvalid,
            Found::WhitespaceStripped { .. } => Code::SignatureWhitespaceStripped,
            Found::Sha1Legacy { .. } => Code::SignatureSha1Legacy,
        }
    }

    /// One example of each variant, for the completeness tests and the findings docs.
    pub fn samples() -> Vec<Found> {
        let slc = "Server-Licensor-Certificate".to_owned();
        vec![
            Found::TooLarge {
                size: 70_000_000,
                limit: MAX_CERT_BYTES as u64,
            },
            Found::FileEmpty,
            Found::NoXrml { size: 1_432 },
            Found::RequestNotCertificate,
            Found::BrowserView {
                view: Rendering::WebPage,
            },
            Found::BrowserView {
                view: Rendering::StyleBanner,
            },
            Found::BrowserView {
                view: Rendering::CollapsibleTree,
            },
            Found::NotUtf8 {
                start: 0,
                invalid_at: 1_187,
            },
            Found::Unterminated {
                count: 1,
                holder: None,
            },
            Found::Unterminated {
                count: 2,
                holder: Some("SLC".into()),
            },
            Found::TooManyDocuments {
                limit: MAX_XRML_DOCUMENTS,
            },
            Found::HolderMultipleDocuments {
                holder: "Certificate".into(),
                line: 3,
                complete: 2,
                unterminated: 0,
            },
            Found::HolderMultipleDocuments {
                holder: "SLC".into(),
                line: 1,
                complete: 1,
                unterminated: 1,
            },
            Found::LiteralAndEscaped { literal: 4 },
            Found::SlotContent {
                holder: "SLC".into(),
                line: 1,
                content: SlotExtra::Text,
            },
            Found::SlotContent {
                holder: "CACert".into(),
                line: 1,
                content: SlotExtra::Element { name: "b".into() },
            },
            Found::SlotContent {
                holder: "SLC".into(),
                line: 1,
                content: SlotExtra::NoDocument,
            },
            Found::SlotRepeated {
                holder: "SLC".into(),
                line: 1,
                count: 2,
            },
            Found::SoapHidden { document: 0 },
            Found::SoapCertificateContent {
                line: 1,
                content: SlotExtra::Element {
                    name: "p:XrML".into(),
                },
            },
            Found::SoapCertificateContent {
                line: 1,
                content: SlotExtra::NoDocument,
            },
            Found::SoapCertificateContent {
                line: 1,
                content: SlotExtra::Text,
            },
            Found::Doctype { offset: 38 },
            Found::ResponseTrailing { offset: 12_018 },
            Found::ResponseUnreadable {
                error: Box::new(XmlError::Truncated {
                    pos: 9_310,
                    open: Some("LicensorCertificateChain".into()),
                }),
            },
            Found::Wrapped {
                wrapper: Wrapper::SoapChain,
                documents: 4,
            },
            Found::Wrapped {
                wrapper: Wrapper::EscapedResponse,
                documents: 4,
            },
            Found::NotWellFormed {
                document: 0,
                error: Box::new(XmlError::Malformed {
                    pos: 812,
                    problem: xml::Problem::MismatchedEndTag {
                        expected: "NAME".into(),
                        found: "OBJECT".into(),
                    },
                }),
            },
            Found::NotWellFormed {
                document: 1,
                error: Box::new(XmlError::Truncated {
                    pos: 2_048,
                    open: Some("PUBLICKEY".into()),
                }),
            },
            Found::NotWellFormed {
                document: 2,
                error: Box::new(XmlError::Budget {
                    pos: 40,
                    budget: xml::Budget::Depth {
                        limit: crate::policy::MAX_XML_DEPTH,
                    },
                }),
            },
            Found::NoBody { document: 0 },
            Found::DuplicateElement {
                document: 0,
                duplicates: vec![Duplicate {
                    parent: "XrML".into(),
                    element: "BODY".into(),
                    name: None,
                    count: 2,
                }],
            },
            Found::UnsignedContent {
                document: 0,
                extras: vec![
                    Extra::Element {
                        name: "NOTE".into(),
                        parent: "XrML".into(),
                    },
                    Extra::Attribute {
                        element: "XrML".into(),
                        name: "id".into(),
                        value: "x".into(),
                    },
                    Extra::Text {
                        element: "SIGNATURE".into(),
                    },
                    Extra::Namespaced {
                        name: "s:SIGNATURE".into(),
                    },
                    Extra::SignatureFirst,
                    Extra::ParameterValues { count: 2 },
                ],
            },
            Found::TimeInvalid {
                document: 0,
                element: TimeElement::Issued,
                value: "2008-13-40T25:00".into(),
            },
            Found::KeyUnreadable {
                document: 0,
                party: PartyRole::Issuer,
                reason: KeyProblem::ModulusNotBase64,
            },
            Found::KeyUnreadable {
                document: 1,
                party: PartyRole::Principal,
                reason: KeyProblem::ExponentNotInteger,
            },
            Found::KeyUnreadable {
                document: 0,
                party: PartyRole::Issuer,
                reason: KeyProblem::ModulusEmpty,
            },
            Found::NoIssuerKey { document: 2 },
            Found::NoSignature { document: 0 },
            Found::SignatureIncomplete {
                document: 0,
                missing: vec![SignatureValue::Value],
            },
            Found::SignatureBase64Invalid {
                document: 0,
                element: SignatureValue::DigestValue,
            },
            Found::DigestAlgorithmUnknown {
                document: 0,
                algorithm: "MD5".into(),
            },
            Found::HashNotAccepted {
                document: 0,
                hash: HashAlg::Sha1,
            },
            Found::SignatureAlgorithmUnknown {
                document: 0,
                algorithm: "RSA-PSS".into(),
            },
            Found::DigestMismatch {
                document: 0,
                kind: slc.clone(),
            },
            Found::SignatureInvalid {
                document: 0,
                kind: slc,
                key_bits: 1024,
            },
            Found::WhitespaceStripped {
                documents: vec![0, 1],
            },
            Found::Sha1Legacy {
                documents: vec![0, 1, 2, 3],
            },
        ]
    }
}

/// Which browser display of a certificate file was saved or copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rendering {
    /// An HTML page ("Save as web page", or the page the browser built to show the file).
    WebPage,
    /// The text under the banner "This XML file does not appear to have any style
    /// information…" (Chrome, Edge, Firefox).
    StyleBanner,
    /// Internet Explorer's tree, with `-` before every element that can be collapsed.
    CollapsibleTree,
}

/// How many bytes at the start of a file are looked at for a web page or a browser's banner.
const VIEW_HEAD: usize = 4096;

/// Whether `hay` is a browser's display of an XML file rather than the file: an HTML page at
/// its start, the style-information banner near its start, or Internet Explorer's tree (a
/// line that starts with `- <`). One pass over the head, one over the lines.
fn browser_view(hay: &[u8]) -> Option<Rendering> {
    let head: Vec<u8> = hay
        .iter()
        .take(VIEW_HEAD)
        .map(u8::to_ascii_lowercase)
        .collect();
    // The head is bounded: `memmem` (see `find`), which does not stop at every `<`.
    let in_head = |n: &[u8]| memchr::memmem::find(&head, n).is_some();
    if [&b"<!doctype html"[..], b"<html", b"<!-- saved from url="]
        .iter()
        .any(|n| in_head(n))
    {
        return Some(Rendering::WebPage);
    }
    if in_head(b"does not appear to have any style information") {
        return Some(Rendering::StyleBanner);
    }
    // A `- <` with only spaces and tabs before it on its line. Each occurrence looks back
    // over its own run of spaces only, so the scan stays linear.
    let mut from = 0;
    while let Some(p) = crate::text::find(hay.get(from..).unwrap_or(&[]), b"- <").map(|p| from + p)
    {
        let indent = hay
            .get(..p)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take_while(|&&b| matches!(b, b' ' | b'\t'))
            .count();
        if p == indent || hay.get(p - indent - 1) == Some(&b'\n') {
            return Some(Rendering::CollapsibleTree);
        }
        from = p + 1;
    }
    None
}

/// What a slot of the enrollment response holds besides its one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum SlotExtra {
    /// Text (not whitespace) before or after the document.
    Text,
    /// A child element (the slot is a string: an XML reader refuses the element, or reads
    /// the text around it joined).
    Element {
        /// The child's name as written.
        name: String,
    },
    /// Text but no XrML document at all.
    NoDocument,
}

/// The slots of the offline enrollment response (MS-RMPR §3.6.4.2.1.2): each a string that
/// holds one escaped XrML document, each at most once.
const SLOTS: [&str; 4] = ["SLC", "EnrollmentServiceCert", "EnrollmentCACert", "CACert"];

fn slot_content(holder: &str, line: usize, content: SlotExtra, at: Location) -> Finding {
    Finding::of(Found::SlotContent {
        holder: holder.to_owned(),
        line,
        content,
    })
    .about(Subject::File)
    .at(Some(at))
}

/// How the documents were wrapped in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Wrapper {
    /// `<XrML>` documents one after another (possibly inside other data).
    Bare,
    /// SOAP `CertificateChain/Certificate` with literal XrML children.
    SoapChain,
    /// The offline enrollment response: escaped XrML strings in `LicensorCertificateChain`.
    EscapedResponse,
}

/// One XrML document as found: its exact text and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDoc {
    /// The document's text, from `<XrML` to `</XrML>`, decoded and (for escaped wrappers)
    /// unescaped, otherwise exactly as written.
    pub text: String,
    /// Byte offset in the file of the document (or of the element holding it, when escaped).
    pub offset: usize,
    /// The wrapper element that held it (`SLC`, `CACert`, …), for escaped responses.
    pub slot: Option<String>,
    /// Where it starts in the file.
    pub location: Location,
    /// The document's bytes in the file, exactly as found: from `<XrML` to `</XrML>` in the
    /// file's own encoding (UTF-16 stays UTF-16), and for an escaped document its escaped
    /// text (`&lt;XrML` … `&lt;/XrML&gt;`). Empty when it cannot be placed.
    pub raw: std::ops::Range<usize>,
}

/// What [`read_documents`] found.
#[derive(Debug, Clone)]
pub struct ReadResult {
    /// The documents in file order.
    pub docs: Vec<SourceDoc>,
    /// How they were wrapped.
    pub wrapper: Wrapper,
    /// Problems found while reading.
    pub findings: Vec<Finding>,
}

/// One `<XrML` start found by [`cut`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Start {
    /// Position of its `<`.
    pos: usize,
    /// Position just past its `</XrML>`; `None` when it never ends (the text ends, or another
    /// `<XrML` starts first).
    end: Option<usize>,
    /// Position of the `<Certificate` element holding it (SOAP), when one is open.
    holder: Option<usize>,
}

/// What one pass of [`cut`] over a text found.
#[derive(Debug, Default)]
struct Cuts {
    /// Every start, in text order (never more than the budget given to [`cut`]).
    starts: Vec<Start>,
    /// Position of the first start past the budget; the pass stopped there.
    over_budget: Option<usize>,
}

fn is_xml_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// Cuts `<XrML …>…</XrML>` documents out of `hay` in one pass (rms-formats.md §3, form (a):
/// documents may sit inside other data, so the text is not parsed as XML here).
///
/// Tokens: `<XrML` followed by whitespace, `>` or `/` (a start), and `</XrML>` (an end). A
/// start while another is open leaves the earlier one unterminated: documents never nest or
/// overlap, and no byte is copied twice. An end with nothing open is ignored. At most
/// `budget` starts are taken, complete or not; the next one stops the pass. With `holders`,
/// `<Certificate>` elements outside documents are followed so that each start knows its SOAP
/// holder. Every byte is looked at a bounded number of times.
fn cut(hay: &[u8], budget: usize, holders: bool) -> Cuts {
    let mut out = Cuts::default();
    let mut open: Option<usize> = None;
    let mut holder: Option<usize> = None;
    let mut i = 0;
    while let Some(lt) = hay
        .get(i..)
        .and_then(|h| memchr::memchr(b'<', h))
        .map(|p| i + p)
    {
        let rest = hay.get(lt + 1..).unwrap_or(&[]);
        if rest.starts_with(b"XrML")
            && rest
                .get(4)
                .is_some_and(|&b| is_xml_space(b) || b == b'>' || b == b'/')
        {
            if out.starts.len() >= budget {
                out.over_budget = Some(lt);
                break;
            }
            open = Some(out.starts.len());
            out.starts.push(Start {
                pos: lt,
                end: None,
                holder,
            });
            i = lt + 5;
        } else if rest.starts_with(b"/XrML>") {
            if let Some(s) = open.take().and_then(|o| out.starts.get_mut(o)) {
                s.end = Some(lt + 7);
            }
            i = lt + 7;
        } else if holders && open.is_none() {
            // A tag outside any document: is it a SOAP `Certificate` start or end?
            let closing = rest.first() == Some(&b'/');
            let name_from = usize::from(closing);
            let name = rest.get(name_from..).unwrap_or(&[]);
            let len = name
                .iter()
                .position(|&b| is_xml_space(b) || matches!(b, b'>' | b'/' | b'<'))
                .unwrap_or(name.len());
            let qname = name.get(..len).unwrap_or(&[]);
            let local = qname.rsplit(|&b| b == b':').next().unwrap_or(qname);
            let after = lt + 1 + name_from + len;
            // The tag's end (or the next `<`, when it has none): `<Certificate/>` holds nothing.
            let tail = hay.get(after..).unwrap_or(&[]);
            let stop = tail
                .iter()
                .position(|&b| b == b'>' || b == b'<')
                .map_or(hay.len(), |p| after + p);
            let empty =
                hay.get(stop) == Some(&b'>') && stop > 0 && hay.get(stop - 1) == Some(&b'/');
            if local == b"Certificate" && !empty {
                holder = if closing { None } else { Some(lt) };
            }
            i = stop;
        } else {
            i = lt + 1;
        }
    }
    out
}

/// True when `needle` occurs in `hay` (one pass; the needles are short constants).
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    crate::text::find(hay, needle).is_some()
}

/// True when `hay` holds an escaped `<XrML` in any spelling an XML reader decodes to it:
/// `&lt;XrML`, `&#60;XrML`, `&#060;XrML`, `&#x3C;XrML`, `&#X003c;XrML`, … One pass.
pub(crate) fn has_escaped_xrml(hay: &[u8]) -> bool {
    let mut i = 0;
    while let Some(p) = hay.get(i..).and_then(|h| memchr::memchr(b'&', h)) {
        let at = i + p + 1;
        let rest = hay.get(at..).unwrap_or(&[]);
        let after = if let Some(r) = rest.strip_prefix(b"lt;") {
            Some(r)
        } else if let Some(r) = rest.strip_prefix(b"#") {
            let (hex, digits) = match r.first() {
                Some(b'x' | b'X') => (true, r.get(1..).unwrap_or(&[])),
                _ => (false, r),
            };
            let n = digits
                .iter()
                .take_while(|b| {
                    if hex {
                        b.is_ascii_hexdigit()
                    } else {
                        b.is_ascii_digit()
                    }
                })
                .count();
            let value = digits
                .get(..n)
                .and_then(|d| std::str::from_utf8(d).ok())
                // Leading zeros are allowed (`&#060;`); no digits, or only zeros, is not '<'.
                .and_then(|d| {
                    u32::from_str_radix(d.trim_start_matches('0'), if hex { 16 } else { 10 }).ok()
                });
            match (value, digits.get(n)) {
                (Some(0x3C), Some(b';')) => digits.get(n + 1..),
                _ => None,
            }
        } else {
            None
        };
        if after.is_some_and(|a| a.starts_with(b"XrML")) {
            return true;
        }
        i = at;
    }
    false
}

/// Byte offset of a `<!DOCTYPE` (any case) in `hay`, if there is one. Goes to each `!`
/// (rare in XML) and looks back for its `<`, rather than to each `<` (every tag).
fn doctype_at(hay: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(bang) = hay
        .get(i..)
        .and_then(|h| memchr::memchr(b'!', h))
        .map(|p| i + p)
    {
        if bang > 0
            && hay.get(bang - 1) == Some(&b'<')
            && hay
                .get(bang..bang + 8)
                .is_some_and(|r| r.eq_ignore_ascii_case(b"!DOCTYPE"))
        {
            return Some(bang - 1);
        }
        i = bang + 1;
    }
    None
}

/// Locations of text positions, looked up in increasing order so that a UTF-16 file is
/// walked once ([`crate::text::Locator`]).
fn locate_all(mut positions: Vec<usize>, at: &dyn Fn(usize) -> Location) -> Vec<(usize, Location)> {
    positions.sort_unstable();
    positions.dedup();
    positions.into_iter().map(|p| (p, at(p))).collect()
}

fn located(table: &[(usize, Location)], pos: usize, at: &dyn Fn(usize) -> Location) -> Location {
    match table.binary_search_by_key(&pos, |(p, _)| *p) {
        Ok(i) => table.get(i).map_or_else(|| at(pos), |(_, l)| *l),
        Err(_) => at(pos),
    }
}

fn unterminated(count: usize, holder: Option<&str>, at: Location) -> Finding {
    Finding::of(Found::Unterminated {
        count,
        holder: holder.map(str::to_owned),
    })
    .about(Subject::File)
    .at(Some(at))
}

fn too_many(at: Location) -> Finding {
    Finding::of(Found::TooManyDocuments {
        limit: MAX_XRML_DOCUMENTS,
    })
    .about(Subject::File)
    .at(Some(at))
}

fn multiple(holder: &str, line: usize, complete: usize, unterminated: usize) -> Finding {
    Finding::of(Found::HolderMultipleDocuments {
        holder: holder.to_owned(),
        line,
        complete,
        unterminated,
    })
    .about(Subject::File)
}

/// True when a holder with these counts is ambiguous: a second document, or an unterminated
/// start beside a genuine one.
fn holds_several(complete: usize, unterminated: usize) -> bool {
    complete >= 2 || (complete >= 1 && unterminated >= 1)
}

/// Reads forms (a) and (b), bare and SOAP: the documents cut out of `hay` in one pass, each
/// required to be UTF-8 (raw bytes may hold anything around them).
fn read_bare(hay: &[u8], at: &dyn Fn(usize) -> Location, r: &mut ReadResult) -> Cuts {
    let cuts = cut(hay, MAX_XRML_DOCUMENTS, true);
    let mut wanted: Vec<usize> = cuts
        .starts
        .iter()
        .flat_map(|s| [Some(s.pos), s.holder, s.end])
        .flatten()
        .collect();
    wanted.extend(cuts.over_budget);
    let table = locate_all(wanted, at);
    let loc = |p| located(&table, p, at);
    for s in &cuts.starts {
        let Some(end) = s.end else { continue };
        let doc = hay.get(s.pos..end).unwrap_or(&[]);
        match std::str::from_utf8(doc) {
            Ok(text) => r.docs.push(SourceDoc {
                text: text.to_owned(),
                offset: loc(s.pos).offset,
                slot: None,
                location: loc(s.pos),
                raw: loc(s.pos).offset..loc(end).offset,
            }),
            Err(e) => {
                let bad = loc(s.pos + e.valid_up_to());
                r.findings.push(
                    Finding::of(Found::NotUtf8 {
                        start: loc(s.pos).offset,
                        invalid_at: bad.offset,
                    })
                    .about(Subject::File)
                    .at(Some(bad)),
                );
            }
        }
    }
    let open: Vec<&Start> = cuts.starts.iter().filter(|s| s.end.is_none()).collect();
    if let Some(first) = open.first() {
        r.findings
            .push(unterminated(open.len(), None, loc(first.pos)));
    }
    // MS-RMPR §2.2.9.3 (b): each SOAP `Certificate` holds one XrML document.
    let mut i = 0;
    while let Some(h) = cuts.starts.get(i).map(|s| s.holder) {
        let same = cuts
            .starts
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|s| s.holder == h);
        let (mut complete, mut open) = (0, 0);
        for s in same {
            if s.end.is_some() {
                complete += 1;
            } else {
                open += 1;
            }
        }
        if let Some(h) = h.filter(|_| holds_several(complete, open)) {
            let l = loc(h);
            r.findings
                .push(multiple("Certificate", l.line, complete, open).at(Some(l)));
        }
        i += complete + open;
    }
    if let Some(p) = cuts.over_budget {
        r.findings.push(too_many(loc(p)));
    }
    cuts
}

/// MS-RMPR §2.2.9.3 (b): a SOAP chain is XML, and each certificate is an `XrML` element
/// inside a `Certificate`. The envelope is parsed once (linear, within the XML budgets); a
/// document the cut found that is no such element (in a comment, a CDATA section, a
/// processing instruction, outside any `Certificate`) is one an XML reader never sees:
/// refused. An envelope that is not XML is refused as a whole.
fn check_soap(
    text: Result<&str, usize>,
    cuts: &Cuts,
    at: &dyn Fn(usize) -> Location,
    r: &mut ReadResult,
) {
    let unreadable = |error: XmlError, pos: Option<usize>| {
        Finding::of(Found::ResponseUnreadable {
            error: Box::new(error),
        })
        .about(Subject::File)
        .at(pos.map(at))
    };
    let text = match text {
        Ok(t) => t,
        Err(pos) => {
            let error = XmlError::Malformed {
                pos,
                problem: xml::Problem::Encoding,
            };
            r.findings.push(unreadable(error, Some(pos)));
            return;
        }
    };
    let body = text.trim_start_matches('\u{feff}');
    let shift = text.len() - body.len();
    let doc = match xml::parse(body) {
        Ok(doc) => doc,
        Err(error) => {
            let pos = error.pos().map(|p| shift + p);
            r.findings.push(unreadable(error, pos));
            return;
        }
    };
    // The documents were taken from the complete starts, in order (the file is UTF-8 here).
    let complete: Vec<usize> = cuts
        .starts
        .iter()
        .filter(|s| s.end.is_some())
        .map(|s| s.pos)
        .collect();
    let cut_at: std::collections::HashSet<usize> = complete.iter().copied().collect();
    let mut elements = std::collections::HashSet::new();
    let mut content = Vec::new();
    let mut escaped_slot = false;
    let mut all = Vec::new();
    doc.root.walk(&mut |e| all.push(e));
    for e in all {
        // What an importer reads from a response slot is its text after unescaping
        // (character references, CDATA, comments dropped): a document there is an escaped
        // response beside these literal ones, however it was spelled.
        if SLOTS.contains(&e.local()) && !cut(e.text.as_bytes(), 1, false).starts.is_empty() {
            escaped_slot = true;
        }
        if e.local() != "Certificate" {
            continue;
        }
        // MS-RMPR §2.2.9.3 (b): each `Certificate` holds one `XrML` element, the one the cut
        // found; nothing else (a prefixed `p:XrML`, escaped text, nothing at all).
        let mut documents = 0;
        let mut other = None;
        for c in &e.children {
            if c.name == "XrML" && cut_at.contains(&(shift + c.start)) {
                elements.insert(shift + c.start);
                documents += 1;
            } else if other.is_none() {
                other = Some(c.name.to_string());
            }
        }
        let extra = match other {
            Some(name) => Some(SlotExtra::Element { name }),
            None if documents == 0 => Some(SlotExtra::NoDocument),
            None if !e.trimmed().is_empty() => Some(SlotExtra::Text),
            None => None,
        };
        if let Some(extra) = extra {
            content.push((shift + e.start, extra));
        }
    }
    let hidden: Vec<(usize, usize)> = complete
        .iter()
        .enumerate()
        .filter(|(_, p)| !elements.contains(p))
        .map(|(d, &p)| (d, p))
        .collect();
    // A `Certificate` whose document is hidden (in a comment, CDATA) is said once, as that.
    let hides: std::collections::HashSet<usize> = cuts
        .starts
        .iter()
        .filter(|s| s.end.is_some() && !elements.contains(&s.pos))
        .filter_map(|s| s.holder)
        .collect();
    content.retain(|(p, _)| !hides.contains(p));
    let mut wanted: Vec<usize> = hidden.iter().map(|&(_, p)| p).collect();
    wanted.extend(content.iter().map(|&(p, _)| p));
    let table = locate_all(wanted, at);
    for (document, p) in hidden {
        let l = located(&table, p, at);
        r.findings.push(
            Finding::of(Found::SoapHidden { document })
                .about(Subject::Document { index: document })
                .at(Some(l)),
        );
    }
    for (p, extra) in content {
        let l = located(&table, p, at);
        r.findings.push(
            Finding::of(Found::SoapCertificateContent {
                line: l.line,
                content: extra,
            })
            .about(Subject::File)
            .at(Some(l)),
        );
    }
    if escaped_slot {
        // Literal documents beside an escaped response the byte scan did not spot: another
        // reader takes the response's slots. Refused, never "the literal ones win".
        r.findings.push(Finding::of(Found::LiteralAndEscaped {
            literal: cuts.starts.len(),
        }));
    }
}

/// Finds every XrML document in `bytes`: bare, inside SOAP, escaped inside the offline
/// enrollment response, in UTF-8 or UTF-16, or embedded in binary data. Time and memory are
/// linear in the size of `bytes`: one pass cuts the documents, which never overlap.
pub fn read_documents(bytes: &[u8]) -> ReadResult {
    read_counted(bytes, &std::cell::Cell::new(0))
}

/// [`read_documents`], keeping in `scanned` how many bytes the location look-ups walked (a
/// look-up behind the previous one walks from the start again): reading is linear when this
/// stays within a small multiple of the input's size.
fn read_counted(bytes: &[u8], scanned: &std::cell::Cell<usize>) -> ReadResult {
    let mut r = ReadResult {
        docs: vec![],
        wrapper: Wrapper::Bare,
        findings: vec![],
    };
    if bytes.len() > MAX_CERT_BYTES {
        r.findings.push(Finding::of(Found::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_CERT_BYTES as u64,
        }));
        return r;
    }
    let utf16 = matches!(
        bytes,
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] | [b'<', 0, ..] | [0, b'<', ..]
    );
    let decoded = utf16.then(|| Decoded::new(bytes));
    // An XML declaration naming another encoding than the file's: an XML reader reads other
    // characters than these (or refuses the file), so what is checked here is not what it sees.
    let start: &[u8] = match &decoded {
        Some(d) => d.text.as_bytes(),
        None => bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes),
    };
    if let Some(declared) = crate::text::declared_encoding(start) {
        let encoding = match &decoded {
            Some(d) => d.encoding,
            None if start.is_ascii() => crate::text::Encoding::Ascii,
            None => crate::text::Encoding::Utf8,
        };
        if !crate::text::declaration_fits(declared, encoding) {
            r.findings
                .push(Finding::of(crate::finding::Input::DeclaredEncoding {
                    declared: declared.to_owned(),
                    utf16,
                }));
        }
    }
    let locator = decoded.as_ref().map(crate::text::Locator::new);
    let index = LineIndex::new(if utf16 { &[] } else { bytes });
    let at = |p: usize| {
        let (l, walked) = match &locator {
            Some(l) => (l.location(p), l.scanned()),
            None => (index.location(p), index.scanned()),
        };
        scanned.set(walked);
        l
    };
    // Binary-safe: without UTF-16, cut on the raw bytes, so XrML inside other data is found.
    let hay: &[u8] = decoded.as_ref().map_or(bytes, |d| d.text.as_bytes());
    // The browser's display of the certificates is not the file: said once, nothing read
    // from it (its text is the browser's, not the service's).
    if let Some(view) = browser_view(hay).filter(|_| contains(hay, b"XrML")) {
        r.findings.push(Finding::of(Found::BrowserView { view }));
        return r;
    }
    let escaped = has_escaped_xrml(hay);
    let doctype = doctype_at(hay);
    let cuts = read_bare(hay, &at, &mut r);
    if let Some(p) = doctype.filter(|_| escaped || !cuts.starts.is_empty()) {
        // A DTD can give the documents attributes (or entities) that this reader never sees
        // but another one applies: refused wherever it stands, as in requests. (A file with
        // no XrML at all, such as an HTML error page, is said to be that instead.)
        let l = at(p);
        r.findings.insert(
            0,
            Finding::of(Found::Doctype { offset: l.offset }).at(Some(l)),
        );
    }
    if !cuts.starts.is_empty() && escaped {
        // Literal documents beside an escaped response: two chains another reader could take
        // either of. Refused, never "the literal ones win".
        r.findings.push(Finding::of(Found::LiteralAndEscaped {
            literal: cuts.starts.len(),
        }));
    }
    if !cuts.starts.is_empty() || cuts.over_budget.is_some() {
        if !r.docs.is_empty() && contains(hay, b"CertificateChain") {
            let text = match &decoded {
                Some(d) => Ok(d.text.as_str()),
                None => std::str::from_utf8(bytes).map_err(|e| e.valid_up_to()),
            };
            // A chain the cut already refused (unterminated, nested, too many) is not read
            // a second time.
            if !has_errors(&r.findings) {
                check_soap(text, &cuts, &at, &mut r);
            }
            r.wrapper = Wrapper::SoapChain;
            r.findings.push(Finding::of(Found::Wrapped {
                wrapper: Wrapper::SoapChain,
                documents: r.docs.len(),
            }));
        }
        return r;
    }
    let text: std::borrow::Cow<'_, str> = match &decoded {
        Some(d) => std::borrow::Cow::Borrowed(d.text.as_str()),
        None => String::from_utf8_lossy(bytes),
    };
    // Where the text first holds something that is not text in the file's encoding (invalid
    // UTF-8, an unpaired UTF-16 surrogate): the response's XML reader refuses the whole file.
    let not_text = match &decoded {
        Some(d) => d.unpaired_at,
        None => std::str::from_utf8(bytes).err().map(|e| e.valid_up_to()),
    };
    if escaped {
        read_escaped(&text, not_text, &at, &mut r);
        if !r.docs.is_empty() {
            return r;
        }
    }
    if !has_errors(&r.findings) {
        // The request, bare or as the SOAP call (`Enroll/oInput`).
        if contains(hay, b"EnrollParameters") || contains(hay, b"oInput>") {
            r.findings.push(Finding::of(Found::RequestNotCertificate));
        } else if bytes.is_empty() {
            r.findings.push(Finding::of(Found::FileEmpty));
        } else {
            r.findings.push(Finding::of(Found::NoXrml {
                size: bytes.len() as u64,
            }));
        }
    }
    r
}

/// Reads form (c), the offline enrollment response (MS-RMPR §3.6.4.2.1.2): the whole response
/// is parsed once, then each element's own unescaped text is cut in one pass. Each holder
/// (`SLC`, `EnrollmentServiceCert`, …) holds exactly one document.
fn read_escaped(
    text: &str,
    not_text: Option<usize>,
    at: &dyn Fn(usize) -> Location,
    r: &mut ReadResult,
) {
    let body = text.trim_start_matches('\u{feff}');
    let shift = text.len() - body.len();
    let parsed = match not_text {
        // XML 1.0 §2.2, §4.3.3: bytes that are not characters in the declared encoding are a
        // fatal error for every XML reader (.NET's included), wherever they stand.
        Some(pos) => Err(XmlError::Malformed {
            pos: pos.saturating_sub(shift),
            problem: xml::Problem::Encoding,
        }),
        None => xml::parse(body),
    };
    let doc = match parsed {
        Ok(doc) => doc,
        Err(error) => {
            // The place of the error, when it has one (never "byte 0" for the whole file).
            let pos = error.pos().map(|p| shift + p);
            r.findings.push(
                Finding::of(Found::ResponseUnreadable {
                    error: Box::new(error),
                })
                .about(Subject::File)
                .at(pos.map(at)),
            );
            return;
        }
    };
    let mut holders = Vec::new();
    doc.root.walk(&mut |e| holders.push(e));
    // Ambiguity: a slot written twice (even empty, or holding no certificate) is refused; a
    // reader that takes the last copy would see another response. Each element's children
    // are counted once: linear.
    let mut repeated = Vec::new();
    for e in &holders {
        for slot in SLOTS {
            let mut copies = e.children_named(slot);
            if let Some(second) = copies.nth(1) {
                repeated.push((slot, second.start, 2 + copies.count()));
            }
        }
    }
    // Every place named below is located in increasing order, all at once: a look-up behind
    // the previous one walks the file again from its start, and the pre-order walk reaches an
    // element's second slot after its children's (quadratic time, 370 s for 64 MiB).
    let mut wanted: Vec<usize> = holders.iter().map(|h| shift + h.start).collect();
    wanted.extend(repeated.iter().map(|&(_, p, _)| shift + p));
    wanted.extend(doc.trailing.map(|p| shift + p));
    let table = locate_all(wanted, at);
    let at_text = |p: usize| located(&table, shift + p, at);
    if let Some(p) = doc.trailing {
        // A second response (or anything) after the first: another reader stops at the first
        // root, this one would go on. Refused.
        let l = at_text(p);
        r.findings
            .push(Finding::of(Found::ResponseTrailing { offset: l.offset }).at(Some(l)));
    }
    for (slot, pos, count) in repeated {
        let l = at_text(pos);
        r.findings.push(
            Finding::of(Found::SlotRepeated {
                holder: slot.to_owned(),
                line: l.line,
                count,
            })
            .about(Subject::File)
            .at(Some(l)),
        );
    }
    // Where each document was written, located after the walk (in increasing order).
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    let mut budget = MAX_XRML_DOCUMENTS;
    for h in holders {
        let cuts = cut(h.text.as_bytes(), budget, false);
        let is_slot = SLOTS.contains(&h.local());
        if cuts.starts.is_empty() && cuts.over_budget.is_none() {
            if is_slot && !h.trimmed().is_empty() {
                let l = at_text(h.start);
                r.findings
                    .push(slot_content(h.local(), l.line, SlotExtra::NoDocument, l));
            }
            continue;
        }
        // A slot is a string: exactly one document, whitespace around it allowed. A child
        // element would split it (the text around it joined is not what a string reader
        // reads), other text would be read with it.
        let l = at_text(h.start);
        if let Some(child) = h.children.first() {
            r.findings.push(slot_content(
                h.local(),
                l.line,
                SlotExtra::Element {
                    name: child.name.to_string(),
                },
                l,
            ));
        }
        // Only a slot with one complete document is looked at here; more (or unterminated)
        // ones are refused below already.
        let blank = |t: Option<&str>| t.is_some_and(|t| t.bytes().all(is_xml_space));
        if let ([only], None) = (cuts.starts.as_slice(), cuts.over_budget) {
            let end = only.end.unwrap_or(h.text.len());
            if only.end.is_some() && (!blank(h.text.get(..only.pos)) || !blank(h.text.get(end..))) {
                r.findings
                    .push(slot_content(h.local(), l.line, SlotExtra::Text, l));
            }
        }
        budget -= cuts.starts.len();
        // Pre-order walk: holders come in increasing position, as the locator wants.
        let loc = at_text(h.start);
        let starts: Vec<usize> = cuts.starts.iter().map(|s| s.pos).collect();
        let ends: Vec<usize> = cuts.starts.iter().filter_map(|s| s.end).collect();
        let raw = escaped_positions(body, h, &starts, &ends);
        let (mut complete, mut open) = (0, 0);
        for s in &cuts.starts {
            let Some(end) = s.end else {
                open += 1;
                continue;
            };
            complete += 1;
            if let (Some(&a), Some(&b)) = (raw.starts.get(&s.pos), raw.ends.get(&end)) {
                spans.push((r.docs.len(), a, b));
            }
            r.docs.push(SourceDoc {
                text: h.text.get(s.pos..end).unwrap_or("").to_owned(),
                offset: loc.offset,
                slot: Some(h.local().to_owned()),
                location: loc,
                raw: 0..0,
            });
        }
        if open > 0 {
            r.findings.push(unterminated(open, Some(h.local()), loc));
        }
        if holds_several(complete, open) {
            // No location: the holder's offset is also its documents' offset.
            r.findings
                .push(multiple(h.local(), loc.line, complete, open));
        }
        if cuts.over_budget.is_some() {
            r.findings.push(too_many(loc));
            break;
        }
    }
    let ends = locate_all(
        spans
            .iter()
            .flat_map(|&(_, a, b)| [shift + a, shift + b])
            .collect(),
        at,
    );
    for (i, a, b) in spans {
        if let Some(d) = r.docs.get_mut(i) {
            d.raw = located(&ends, shift + a, at).offset..located(&ends, shift + b, at).offset;
        }
    }
    r.wrapper = Wrapper::EscapedResponse;
    r.findings.push(Finding::of(Found::Wrapped {
        wrapper: Wrapper::EscapedResponse,
        documents: r.docs.len(),
    }));
}

/// Where in `body` (the raw text) the documents cut from `h.text` (the holder's own text,
/// unescaped and concatenated) were written: each start position maps to the first raw byte
/// of the character there, each end position to the raw byte just past the character before
/// it. One pass over the holder's own content: children, comments and processing
/// instructions are stepped over, CDATA is copied as is, character and entity references are
/// decoded as the XML reader decoded them. Positions that cannot be placed are left out.
fn escaped_positions(body: &str, h: &xml::Element, starts: &[usize], ends: &[usize]) -> Placed {
    let mut p = Placed {
        starts: HashMap::new(),
        ends: HashMap::new(),
        next_start: 0,
        next_end: 0,
        want_starts: starts.to_vec(),
        want_ends: ends.to_vec(),
        text: 0,
    };
    p.want_starts.sort_unstable();
    p.want_ends.sort_unstable();
    let b = body.as_bytes();
    // The end of the start tag: the first `>` outside quotes.
    let mut i = h.start;
    let mut quote = None;
    while let Some(&c) = b.get(i) {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if q == c => quote = None,
            (None, b'>') => break,
            _ => {}
        }
        i += 1;
    }
    if i == 0 || b.get(i - 1) == Some(&b'/') {
        return p; // an empty element holds no text
    }
    i += 1;
    let end = body.get(..h.end).and_then(|s| s.rfind('<')).unwrap_or(i);
    let mut children = h.children.iter().map(|c| (c.start, c.end)).peekable();
    while i < end {
        if let Some(&(cs, ce)) = children.peek() {
            if cs <= i {
                i = ce.max(i + 1);
                children.next();
                continue;
            }
        }
        let rest = body.get(i..end).unwrap_or("");
        if let Some(r) = rest.strip_prefix("<![CDATA[") {
            let n = r.find("]]>").unwrap_or(r.len());
            let from = i + 9;
            for (k, ch) in r.get(..n).unwrap_or("").char_indices() {
                p.unit(from + k, from + k + ch.len_utf8(), ch.len_utf8());
            }
            i = from + n + 3;
        } else if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |n| n + 3);
        } else if rest.starts_with("<?") {
            i += rest.find("?>").map_or(rest.len(), |n| n + 2);
        } else if rest.starts_with('&') {
            let Some(semi) = rest.find(';') else { break };
            let name = rest.get(1..semi).unwrap_or("");
            let ch = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .map(|h| u32::from_str_radix(h, 16))
                    .or_else(|| name.strip_prefix('#').map(str::parse::<u32>))
                    .and_then(Result::ok)
                    .and_then(char::from_u32),
            };
            let Some(ch) = ch else { break };
            p.unit(i, i + semi + 1, ch.len_utf8());
            i += semi + 1;
        } else if let Some(ch) = rest.chars().next() {
            p.unit(i, i + ch.len_utf8(), ch.len_utf8());
            i += ch.len_utf8();
        } else {
            break;
        }
    }
    p
}

/// The raw positions found by [`escaped_positions`].
struct Placed {
    starts: HashMap<usize, usize>,
    ends: HashMap<usize, usize>,
    want_starts: Vec<usize>,
    want_ends: Vec<usize>,
    next_start: usize,
    next_end: usize,
    /// Text bytes produced so far.
    text: usize,
}

impl Placed {
    /// One unit of raw text, `raw_from..raw_to`, that yields `n` bytes of text.
    fn unit(&mut self, raw_from: usize, raw_to: usize, n: usize) {
        while let Some(&s) = self.want_starts.get(self.next_start) {
            if s > self.text {
                break;
            }
            if s == self.text {
                self.starts.insert(s, raw_from);
            }
            self.next_start += 1;
        }
        self.text += n;
        while let Some(&e) = self.want_ends.get(self.next_end) {
            if e > self.text {
                break;
            }
            if e == self.text {
                self.ends.insert(e, raw_to);
            }
            self.next_end += 1;
        }
    }
}

/// An XrML OBJECT: type, ID and the optional name and address.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ObjectInfo {
    /// `OBJECT/@type`.
    pub object_type: String,
    /// `ID/@type` (`MS-GUID`, `ascii-tag`, …).
    pub id_type: String,
    /// `ID` text.
    pub id: String,
    /// `NAME`.
    pub name: Option<String>,
    /// `ADDRESS type="URL"`.
    pub url: Option<String>,
}

impl ObjectInfo {
    fn from(el: Option<&Element>) -> ObjectInfo {
        let Some(o) = el else {
            return ObjectInfo::default();
        };
        let id = o.child("ID");
        ObjectInfo {
            object_type: o.attr("type").unwrap_or("").to_owned(),
            id_type: id.and_then(|i| i.attr("type")).unwrap_or("").to_owned(),
            id: id.map(|i| i.trimmed().to_owned()).unwrap_or_default(),
            name: o.child("NAME").map(|n| n.trimmed().to_owned()),
            url: o.child("ADDRESS").map(|n| n.trimmed().to_owned()),
        }
    }

    /// The ID compared case-insensitively and without braces for GUIDs.
    pub fn same_id(&self, other: &ObjectInfo) -> bool {
        // One pair of braces at most: `{{GUID}}` is not `{GUID}`.
        let norm = |s: &str| {
            let s = crate::text::trim_xml(s);
            s.strip_prefix('{')
                .and_then(|i| i.strip_suffix('}'))
                .unwrap_or(s)
                .to_ascii_lowercase()
        };
        norm(&self.id) == norm(&other.id)
    }

    /// The best label: the name, else the ID.
    pub fn label(&self) -> &str {
        self.name
            .as_deref()
            .filter(|n| !n.is_empty())
            .unwrap_or(&self.id)
    }
}

/// An issuer or principal: object and key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    /// The OBJECT.
    pub object: ObjectInfo,
    /// The key, when it could be read.
    pub key: Option<RsaKey>,
    /// Key size in bits.
    pub key_bits: Option<usize>,
    /// Key fingerprint (SHA-256 of the big-endian modulus).
    pub key_fingerprint: Option<String>,
}

/// The SIGNATURE block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureBlock {
    /// `DIGEST/ALGORITHM` (`SHA1`, `SHA256`).
    pub digest_algorithm: String,
    /// `DIGEST/VALUE`, decoded.
    pub digest: Vec<u8>,
    /// `SIGNATURE/ALGORITHM`.
    pub algorithm: String,
    /// `SIGNATURE/VALUE`, decoded (big-endian).
    pub value: Vec<u8>,
}

/// One certificate (or licence), read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    /// Position among the documents in the file (0-based).
    pub index: usize,
    /// Byte offset of the document in the file.
    pub offset: usize,
    /// The wrapper slot it came from (escaped responses).
    pub slot: Option<String>,
    /// Where it starts in the file.
    pub location: Location,
    /// Its bytes in the file as found ([`SourceDoc::raw`]).
    pub raw: std::ops::Range<usize>,
    /// `XrML/@purpose` (use licences say `Content-License`).
    pub purpose: Option<String>,
    /// `BODY/@type` (`LICENSE`, `Microsoft Rights Label`).
    pub body_type: String,
    /// `DESCRIPTOR/OBJECT`.
    pub descriptor: ObjectInfo,
    /// `ISSUEDTIME`.
    pub issued: Option<UtcTime>,
    /// `VALIDITYTIME/FROM`, `UNTIL`.
    pub validity: Option<(Option<UtcTime>, Option<UtcTime>)>,
    /// `ISSUE` right's `RANGETIME` FROM/UNTIL: the certificate's authority.
    pub issue_range: Option<(Option<UtcTime>, Option<UtcTime>)>,
    /// `BODY/ISSUER`.
    pub issuer: Party,
    /// The first `ISSUEDPRINCIPALS/PRINCIPAL`.
    pub principal: Option<Party>,
    /// `SECURITYLEVEL` name/value pairs of the principal.
    pub security_levels: Vec<(String, String)>,
    /// The signature block.
    pub signature: Option<SignatureBlock>,
    /// The exact source text of the document.
    pub source: String,
    /// Byte span of `<BODY …>…</BODY>` inside `source`.
    pub body_span: (usize, usize),
    /// Problems reading this document.
    pub findings: Vec<Finding>,
}

impl Certificate {
    /// A short kind label: the descriptor type, or the body type for licences.
    pub fn kind(&self) -> &str {
        if !self.descriptor.object_type.is_empty() {
            &self.descriptor.object_type
        } else if let Some(p) = &self.purpose {
            p
        } else {
            &self.body_type
        }
    }

    /// The exact BODY text.
    pub fn body_text(&self) -> &str {
        self.source
            .get(self.body_span.0..self.body_span.1)
            .unwrap_or("")
    }
}

fn party(
    el: Option<&Element>,
    role: PartyRole,
    findings: &mut Vec<Finding>,
    at: Location,
    index: usize,
) -> Party {
    let object = ObjectInfo::from(el.and_then(|e| e.child("OBJECT")));
    let pk = el.and_then(|e| e.child("PUBLICKEY"));
    let mut exp = None;
    let mut modulus = None;
    if let Some(pk) = pk {
        for p in pk.children_named("PARAMETER") {
            match p.attr("name") {
                Some("public-exponent") => exp = p.child("VALUE").map(|v| v.trimmed().to_owned()),
                Some("modulus") => modulus = p.child("VALUE").map(|v| v.trimmed().to_owned()),
                _ => {}
            }
        }
    }
    let key = match (exp, modulus) {
        (Some(e), Some(m)) => match RsaKey::from_xrml(&e, &m) {
            Ok(k) => Some(k),
            Err(err) => {
                findings.push(
                    Finding::of(Found::KeyUnreadable {
                        document: index,
                        party: role,
                        reason: KeyProblem::of(&err),
                    })
                    .on_document(index)
                    .at(Some(at)),
                );
                None
            }
        },
        _ => None,
    };
    Party {
        key_bits: key.as_ref().map(RsaKey::bits),
        key_fingerprint: key.as_ref().map(RsaKey::fingerprint),
        object,
        key,
    }
}

fn time_of(
    el: Option<&Element>,
    element: TimeElement,
    findings: &mut Vec<Finding>,
    at: Location,
    index: usize,
) -> Option<UtcTime> {
    let el = el?;
    // A time element holds text only: with an element inside, a reader that takes all the
    // text (InnerText, XPath string()) reads another time than the element's own text.
    let t = UtcTime::parse(el.trimmed()).filter(|_| el.children.is_empty());
    if t.is_none() {
        findings.push(
            Finding::of(Found::TimeInvalid {
                document: index,
                element,
                value: el.trimmed().to_owned(),
            })
            .on_document(index)
            .at(Some(at)),
        );
    }
    t
}

/// Attributes `<XrML>` may carry: real documents have `version`, `xmlns` and, on use
/// licences, `purpose` (rms-formats.md §3); `xmlns:*` declarations change no signed text.
fn allowed_xrml_attribute(name: &str, value: &str) -> bool {
    match name {
        "version" => value == "1.2",
        "xmlns" => value.is_empty(),
        "purpose" => true,
        _ => name.starts_with("xmlns:"),
    }
}

fn is_blank(s: &str) -> bool {
    crate::text::trim_xml(s).is_empty()
}

/// Everything under SIGNATURE that its schema does not define (rms-formats.md §4.5–4.6):
/// SIGNATURE holds DIGEST, ALGORITHM and VALUE; DIGEST holds ALGORITHM, PARAMETER and VALUE;
/// PARAMETER (attribute `name`) holds one VALUE; ALGORITHM and VALUE hold text only, VALUE with
/// the attributes `encoding` and `size`. Nothing else is signed, so nothing else may be there —
/// not even a BODY another reader could take for the signed one.
fn signature_extras(sig: &Element, out: &mut Vec<Extra>) {
    fn attributes(e: &Element, allowed: &[&str], out: &mut Vec<Extra>) {
        for (k, v) in &e.attrs {
            if !allowed.contains(&&**k) {
                out.push(Extra::Attribute {
                    element: e.local().to_owned(),
                    name: k.to_string(),
                    value: v.to_string(),
                });
            }
        }
    }
    fn element(name: &str, parent: &Element) -> Extra {
        Extra::Element {
            name: name.to_owned(),
            parent: parent.local().to_owned(),
        }
    }
    fn leaf(e: &Element, attrs: &[&str], out: &mut Vec<Extra>) {
        for c in &e.children {
            out.push(element(&c.name, e));
        }
        attributes(e, attrs, out);
    }
    fn container(e: &Element, attrs: &[&str], out: &mut Vec<Extra>) {
        if !is_blank(&e.text) {
            out.push(Extra::Text {
                element: e.local().to_owned(),
            });
        }
        attributes(e, attrs, out);
    }
    container(sig, &[], out);
    // Every element here is unprefixed and in no namespace, as RMS writes it: a namespace-aware
    // reader would not find `s:SIGNATURE` or `<DIGEST xmlns="urn:x">` where RMS looks.
    sig.walk(&mut |e| {
        if e.name != e.local() || e.ns.is_some() {
            out.push(Extra::Namespaced {
                name: e.name.to_string(),
            });
        }
    });
    for c in &sig.children {
        match c.local() {
            "ALGORITHM" => leaf(c, &[], out),
            "VALUE" => leaf(c, &["encoding", "size"], out),
            "DIGEST" => {
                container(c, &[], out);
                for d in &c.children {
                    match d.local() {
                        "ALGORITHM" => leaf(d, &[], out),
                        "VALUE" => leaf(d, &["encoding", "size"], out),
                        "PARAMETER" => {
                            container(d, &["name"], out);
                            let values = d.children_named("VALUE").count();
                            for v in &d.children {
                                if v.local() == "VALUE" {
                                    leaf(v, &["encoding", "size"], out);
                                } else {
                                    out.push(element(&v.name, d));
                                }
                            }
                            if values != 1 {
                                out.push(Extra::ParameterValues { count: values });
                            }
                        }
                        _ => out.push(element(&d.name, c)),
                    }
                }
            }
            _ => out.push(element(&c.name, sig)),
        }
    }
}

/// Elements of `parent` (by local name, so `x:BODY` is a BODY) among `names` that appear
/// more than once.
fn duplicates(parent: &Element, names: &[&str], out: &mut Vec<Duplicate>) {
    for name in names {
        let n = parent.children_named(name).count();
        if n > 1 {
            out.push(Duplicate {
                parent: parent.local().to_owned(),
                element: (*name).to_owned(),
                name: None,
                count: n,
            });
        }
    }
}

/// Elements among `names` (by local name) that appear more than once anywhere below `parent`,
/// not only as its children: a reader that searches descendants (`//PRINCIPAL`,
/// `GetElementsByTagName`) takes a deeper copy as readily as the one in its place. With
/// `in_place` (the checks read them as children of `parent`), a single copy that is not a
/// child counts too: this reader reads none, a searching reader reads that one. One walk.
fn duplicates_below<const N: usize>(
    parent: &Element,
    names: &[&str; N],
    in_place: bool,
    out: &mut Vec<Duplicate>,
) {
    let mut counts = [0usize; N];
    for c in &parent.children {
        c.walk(&mut |e| {
            if let Some(i) = names.iter().position(|n| *n == e.local()) {
                if let Some(n) = counts.get_mut(i) {
                    *n += 1;
                }
            }
        });
    }
    for (name, n) in names.iter().zip(counts) {
        if n > 1 || (in_place && n > parent.children_named(name).count()) {
            out.push(Duplicate {
                parent: parent.local().to_owned(),
                element: (*name).to_owned(),
                name: None,
                count: n,
            });
        }
    }
}

/// All elements named `local` below `parent` (descendants, document order).
fn below<'e, 'a>(parent: &'e Element<'a>, local: &str) -> Vec<&'e Element<'a>> {
    let mut found = vec![];
    for c in &parent.children {
        c.walk(&mut |e| {
            if e.local() == local {
                found.push(e);
            }
        });
    }
    found
}

/// Elements with the same local name `element` and the same `name` attribute among `els`
/// (below `parent`), counted by that attribute compared as a reader that ignores case and
/// surrounding blanks would: two `PARAMETER name="modulus"` are a duplicate, and so are
/// `RIGHT name="ISSUE"` and `RIGHT name="issue"`; a `public-exponent` beside a `modulus` is
/// not. Named by the first copy's spelling. One pass over `els` (a map, not a list search:
/// many PARAMETERs of distinct names stay n log n).
fn duplicates_by_name<'e, 'a: 'e>(
    parent: &str,
    element: &str,
    els: impl Iterator<Item = &'e Element<'a>>,
    out: &mut Vec<Duplicate>,
) {
    let mut counts: std::collections::BTreeMap<String, (&str, usize)> =
        std::collections::BTreeMap::new();
    for e in els.filter(|e| e.local() == element) {
        let name = e.attr("name").unwrap_or("");
        counts
            .entry(name.trim().to_ascii_lowercase())
            .or_insert((name, 0))
            .1 += 1;
    }
    out.extend(
        counts
            .into_values()
            .filter(|&(_, c)| c > 1)
            .map(|(name, count)| Duplicate {
                parent: parent.to_owned(),
                element: element.to_owned(),
                name: Some(name.to_owned()),
                count,
            }),
    );
}

/// The once-only parts of an OBJECT that [`ObjectInfo`] reads: its ID, NAME and ADDRESS,
/// anywhere below it.
fn object_duplicates(parent: &Element, out: &mut Vec<Duplicate>) {
    for o in parent.children_named("OBJECT") {
        duplicates_below(o, &["ID", "NAME", "ADDRESS"], true, out);
    }
}

/// The once-only parts of a PUBLICKEY that [`party`] reads: its ALGORITHM, one PARAMETER per
/// name (`public-exponent`, `modulus`) and one VALUE in each, anywhere below it.
fn key_duplicates(parent: &Element, out: &mut Vec<Duplicate>) {
    for pk in parent.children_named("PUBLICKEY") {
        duplicates_below(pk, &["ALGORITHM"], true, out);
        duplicates_by_name(
            "PUBLICKEY",
            "PARAMETER",
            below(pk, "PARAMETER").into_iter(),
            out,
        );
        for p in pk.children_named("PARAMETER") {
            duplicates_below(p, &["VALUE"], true, out);
        }
    }
}

/// Two FROM or two UNTIL anywhere in a VALIDITYTIME or RANGETIME.
fn time_duplicates<'e, 'a: 'e>(
    els: impl Iterator<Item = &'e Element<'a>>,
    out: &mut Vec<Duplicate>,
) {
    for e in els {
        duplicates_below(e, &["FROM", "UNTIL"], true, out);
    }
}

/// The attributes the checks read (`XrML purpose`, `BODY type`, `OBJECT type`, `ID type`,
/// `PARAMETER name`, `RIGHT name`, `SECURITYLEVEL name` and `value`), by local name.
const READ_ATTRIBUTES: [&str; 4] = ["purpose", "type", "name", "value"];

/// An attribute with a prefix (other than `xmlns` and `xml`) whose local name is one the
/// checks read: this reader reads only the unprefixed one, a reader that reads attributes by
/// local name may take the prefixed one. Counted as copies of that attribute (`OBJECT/@type`,
/// however many are written), so the document is ambiguous. Real documents write none.
fn attribute_duplicates(e: &Element, out: &mut Vec<Duplicate>) {
    // Nearly every element has no prefixed attribute at all: one look at the names first.
    if !e.attrs.iter().any(|(k, _)| k.as_bytes().contains(&b':')) {
        return;
    }
    let local = |k: &str| k.rsplit_once(':').map_or(k, |(_, l)| l).to_owned();
    for name in READ_ATTRIBUTES {
        let prefixed = e.attrs.iter().any(|(k, _)| {
            k.split_once(':')
                .is_some_and(|(p, l)| l == name && p != "xmlns" && p != "xml")
        });
        if prefixed {
            out.push(Duplicate {
                parent: e.local().to_owned(),
                element: format!("@{name}"),
                name: None,
                count: e.attrs.iter().filter(|(k, _)| local(k) == name).count(),
            });
        }
    }
}

/// The structure every signed document has (rms-formats.md §3, §4.5–4.6): `<XrML>` holds
/// exactly one BODY and one SIGNATURE, nothing else; SIGNATURE has one DIGEST, ALGORITHM and
/// VALUE; DIGEST one ALGORITHM and VALUE. Returns true when the document is ambiguous (a
/// duplicate), so that neither copy is verified.
fn check_structure(
    root: &Element,
    index: usize,
    at: Location,
    findings: &mut Vec<Finding>,
) -> bool {
    let mut dup = vec![];
    duplicates(root, &["BODY", "SIGNATURE"], &mut dup);
    attribute_duplicates(root, &mut dup);
    // What the checks read from BODY: a second copy would let another reader take other
    // values (another type, issuer, principal or time) under the same signature. Counted
    // anywhere below where the checks look for it, not only in its place (real documents
    // have each once, in its place); PRINCIPAL below ISSUEDPRINCIPALS only, since rights
    // name principals of their own.
    for body in root.children_named("BODY") {
        body.walk(&mut |e| attribute_duplicates(e, &mut dup));
        duplicates_below(
            body,
            &[
                "DESCRIPTOR",
                "ISSUER",
                "ISSUEDTIME",
                "VALIDITYTIME",
                "ISSUEDPRINCIPALS",
                "WORK",
            ],
            true,
            &mut dup,
        );
        for d in body.children_named("DESCRIPTOR") {
            duplicates_below(d, &["OBJECT"], true, &mut dup);
            object_duplicates(d, &mut dup);
        }
        for i in body.children_named("ISSUER") {
            duplicates_below(i, &["OBJECT", "PUBLICKEY"], true, &mut dup);
            object_duplicates(i, &mut dup);
            key_duplicates(i, &mut dup);
        }
        time_duplicates(body.children_named("VALIDITYTIME"), &mut dup);
        for ps in body.children_named("ISSUEDPRINCIPALS") {
            duplicates_below(ps, &["PRINCIPAL"], true, &mut dup);
            for p in ps.children_named("PRINCIPAL") {
                duplicates_below(p, &["OBJECT", "PUBLICKEY"], true, &mut dup);
                object_duplicates(p, &mut dup);
                key_duplicates(p, &mut dup);
            }
        }
        // The ISSUE right is looked for anywhere in WORK (as `parse_certificate` does), its
        // name compared as a case-blind reader would, and its RANGETIME anywhere below it.
        for work in body.children_named("WORK") {
            let mut rights = vec![];
            work.walk(&mut |e| {
                if e.local() == "RIGHT"
                    && e.attr("name")
                        .is_some_and(|n| n.trim().eq_ignore_ascii_case("ISSUE"))
                {
                    rights.push(e);
                }
            });
            duplicates_by_name("WORK", "RIGHT", rights.iter().copied(), &mut dup);
            for right in &rights {
                let before = dup.len();
                duplicates_below(right, &["CONDITIONLIST"], true, &mut dup);
                for cl in right.children_named("CONDITIONLIST") {
                    duplicates_below(cl, &["TIME"], true, &mut dup);
                    for t in cl.children_named("TIME") {
                        duplicates_below(t, &["RANGETIME"], true, &mut dup);
                        time_duplicates(t.children_named("RANGETIME"), &mut dup);
                    }
                }
                // A TIME or RANGETIME elsewhere below the right (outside any CONDITIONLIST),
                // when the path itself held no second copy: two, or one not on the path
                // (this reader reads none there, a searching reader reads that one).
                if dup.len() == before {
                    duplicates_below(right, &["TIME", "RANGETIME"], false, &mut dup);
                    let on_path = right
                        .path(&["CONDITIONLIST", "TIME", "RANGETIME"])
                        .is_some();
                    if dup.len() == before && !on_path && !below(right, "RANGETIME").is_empty() {
                        dup.push(Duplicate {
                            parent: "RIGHT".to_owned(),
                            element: "RANGETIME".to_owned(),
                            name: None,
                            count: 1,
                        });
                    }
                }
            }
        }
    }
    for sig in root.children_named("SIGNATURE") {
        duplicates(sig, &["DIGEST", "ALGORITHM", "VALUE"], &mut dup);
        for digest in sig.children_named("DIGEST") {
            duplicates(digest, &["ALGORITHM", "VALUE"], &mut dup);
        }
    }
    dup.dedup();
    let ambiguous = !dup.is_empty();
    if ambiguous {
        findings.push(
            Finding::of(Found::DuplicateElement {
                document: index,
                duplicates: dup,
            })
            .on_document(index)
            .at(Some(at)),
        );
    }
    let mut extra: Vec<Extra> = root
        .attrs
        .iter()
        .filter(|(k, v)| !allowed_xrml_attribute(k, v))
        .map(|(k, v)| Extra::Attribute {
            element: root.local().to_owned(),
            name: k.to_string(),
            value: v.to_string(),
        })
        .collect();
    if !is_blank(&root.text) {
        extra.push(Extra::Text {
            element: root.local().to_owned(),
        });
    }
    extra.extend(
        root.children
            .iter()
            .filter(|c| c.local() != "BODY" && c.local() != "SIGNATURE")
            .map(|c| Extra::Element {
                name: c.name.to_string(),
                parent: root.local().to_owned(),
            }),
    );
    let order: Vec<&str> = root
        .children
        .iter()
        .map(|c| c.local())
        .filter(|l| *l == "BODY" || *l == "SIGNATURE")
        .collect();
    if order.first() == Some(&"SIGNATURE") {
        extra.push(Extra::SignatureFirst);
    }
    for sig in root.children_named("SIGNATURE") {
        signature_extras(sig, &mut extra);
    }
    for body in root.children_named("BODY") {
        if body.name != body.local() || body.ns.is_some() {
            extra.push(Extra::Namespaced {
                name: body.name.to_string(),
            });
        }
    }
    if !extra.is_empty() {
        findings.push(
            Finding::of(Found::UnsignedContent {
                document: index,
                extras: extra,
            })
            .on_document(index)
            .at(Some(at)),
        );
    }
    ambiguous
}

/// Where byte `pos` of a document's text is in the file, when that text is the file's bytes as
/// written (a document in a UTF-8 file, not escaped in a wrapper); otherwise where the document
/// starts (its text was decoded or unescaped: its bytes are not the file's).
fn file_location(doc: &SourceDoc, pos: usize) -> Location {
    let as_written = doc.slot.is_none() && doc.raw.len() == doc.text.len();
    if !as_written || doc.text.get(..pos).is_none() {
        return doc.location;
    }
    // Its place within the document, moved to where the document starts.
    let inner = crate::text::raw_location(doc.text.as_bytes(), pos);
    Location {
        offset: doc.raw.start + pos,
        line: doc.location.line + inner.line - 1,
        column: if inner.line == 1 {
            doc.location.column + pos
        } else {
            inner.column
        },
    }
}

/// Reads one document into a [`Certificate`]. Problems become findings on it.
pub fn parse_certificate(doc: &SourceDoc, index: usize) -> Certificate {
    let at = doc.location;
    let mut c = Certificate {
        index,
        offset: doc.offset,
        slot: doc.slot.clone(),
        location: doc.location,
        raw: doc.raw.clone(),
        purpose: None,
        body_type: String::new(),
        descriptor: ObjectInfo::default(),
        issued: None,
        validity: None,
        issue_range: None,
        issuer: Party {
            object: ObjectInfo::default(),
            key: None,
            key_bits: None,
            key_fingerprint: None,
        },
        principal: None,
        security_levels: vec![],
        signature: None,
        source: doc.text.clone(),
        body_span: (0, 0),
        findings: vec![],
    };
    let parsed = match xml::parse(&doc.text) {
        Ok(d) => d,
        Err(error) => {
            let place = error.pos().map_or(at, |pos| file_location(doc, pos));
            c.findings.push(
                Finding::of(Found::NotWellFormed {
                    document: index,
                    error: Box::new(error),
                })
                .on_document(index)
                .at(Some(place)),
            );
            return c;
        }
    };
    let root = parsed.root;
    let ambiguous = check_structure(&root, index, at, &mut c.findings);
    c.purpose = root.attr("purpose").map(str::to_owned);
    let Some(body) = root.child("BODY") else {
        c.findings.push(
            Finding::of(Found::NoBody { document: index })
                .on_document(index)
                .at(Some(at)),
        );
        return c;
    };
    c.body_span = (body.start, body.end);
    c.body_type = body.attr("type").unwrap_or("").to_owned();
    c.descriptor = ObjectInfo::from(body.path(&["DESCRIPTOR", "OBJECT"]));
    c.issued = time_of(
        body.child("ISSUEDTIME"),
        TimeElement::Issued,
        &mut c.findings,
        at,
        index,
    );
    if let Some(v) = body.child("VALIDITYTIME") {
        c.validity = Some((
            time_of(
                v.child("FROM"),
                TimeElement::ValidFrom,
                &mut c.findings,
                at,
                index,
            ),
            time_of(
                v.child("UNTIL"),
                TimeElement::ValidUntil,
                &mut c.findings,
                at,
                index,
            ),
        ));
    }
    c.issuer = party(
        body.child("ISSUER"),
        PartyRole::Issuer,
        &mut c.findings,
        at,
        index,
    );
    // (An unreadable issuer key has its own finding; so far only the issuer's key was read.)
    if c.issuer.key.is_none() && !c.findings.iter().any(|f| f.code == Code::XrmlKeyUnreadable) {
        c.findings.push(
            Finding::of(Found::NoIssuerKey { document: index })
                .on_document(index)
                .at(Some(at)),
        );
    }
    if let Some(p) = body.path(&["ISSUEDPRINCIPALS", "PRINCIPAL"]) {
        c.principal = Some(party(
            Some(p),
            PartyRole::Principal,
            &mut c.findings,
            at,
            index,
        ));
        c.security_levels = p
            .children_named("SECURITYLEVEL")
            .map(|s| {
                (
                    s.attr("name").unwrap_or("").to_owned(),
                    s.attr("value").unwrap_or("").to_owned(),
                )
            })
            .collect();
    }
    // MS-RMPR §3.1.6.2: the certificate's authority is the RANGETIME of its ISSUE right, a
    // right of its rights list (WORK/RIGHTSGROUP/RIGHTSLIST/RIGHT, as every real document
    // writes it). An ISSUE right anywhere else in WORK is not read: a reader that takes the
    // rights from the rights list finds none there.
    let range = body
        .child("WORK")
        .into_iter()
        .flat_map(|w| w.children_named("RIGHTSGROUP"))
        .flat_map(|g| g.children_named("RIGHTSLIST"))
        .flat_map(|l| l.children_named("RIGHT"))
        .find(|r| r.attr("name") == Some("ISSUE"))
        .and_then(|r| r.path(&["CONDITIONLIST", "TIME", "RANGETIME"]));
    if let Some(rt) = range {
        c.issue_range = Some((
            time_of(
                rt.child("FROM"),
                TimeElement::IssueFrom,
                &mut c.findings,
                at,
                index,
            ),
            time_of(
                rt.child("UNTIL"),
                TimeElement::IssueUntil,
                &mut c.findings,
                at,
                index,
            ),
        ));
    }
    if ambiguous {
        // Not verified: which copy is "the" signature or body is exactly what is in doubt.
    } else if let Some(sig) = root.child("SIGNATURE") {
        let digest = sig.child("DIGEST");
        let digest_value = digest
            .and_then(|d| d.child("VALUE"))
            .map(|v| base64_decode(v.trimmed()));
        let value = sig.child("VALUE").map(|v| base64_decode(v.trimmed()));
        match (digest_value, value) {
            (Some(Ok(dv)), Some(Ok(v))) => {
                c.signature = Some(SignatureBlock {
                    digest_algorithm: digest
                        .and_then(|d| d.child("ALGORITHM"))
                        .map(|a| a.trimmed().to_owned())
                        .unwrap_or_default(),
                    digest: dv,
                    algorithm: sig
                        .child("ALGORITHM")
                        .map(|a| a.trimmed().to_owned())
                        .unwrap_or_default(),
                    value: v,
                });
            }
            (dv, v) => {
                let element = match (&dv, &v) {
                    (Some(Err(_)), _) => Some(SignatureValue::DigestValue),
                    (_, Some(Err(_))) => Some(SignatureValue::Value),
                    _ => None,
                };
                let found = match element {
                    Some(element) => Found::SignatureBase64Invalid {
                        document: index,
                        element,
                    },
                    None => Found::SignatureIncomplete {
                        document: index,
                        missing: [
                            (dv.is_none(), SignatureValue::DigestValue),
                            (v.is_none(), SignatureValue::Value),
                        ]
                        .into_iter()
                        .filter_map(|(gone, which)| gone.then_some(which))
                        .collect(),
                    },
                };
                c.findings
                    .push(Finding::of(found).on_document(index).at(Some(at)));
            }
        }
    } else {
        c.findings.push(
            Finding::of(Found::NoSignature { document: index })
                .on_document(index)
                .at(Some(at)),
        );
    }
    c
}

/// Which text form of the BODY matched the digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BodyForm {
    /// The BODY exactly as written.
    Raw,
    /// After removing whitespace-only runs between tags (pretty-printed copies).
    Stripped,
}

/// The outcome of checking one signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureStatus {
    /// The hash algorithm, when accepted.
    pub hash: Option<HashAlg>,
    /// Which BODY form matched the digest; `None` = digest mismatch.
    pub digest_form: Option<BodyForm>,
    /// Whether the RSA signature over the digest verifies with the issuer key.
    pub signature_valid: bool,
}

impl SignatureStatus {
    /// True when both the digest and the signature hold.
    pub fn is_valid(&self) -> bool {
        self.digest_form.is_some() && self.signature_valid
    }
}

/// Removes every whitespace-only run between a `>` and the next `<` (rms-formats.md §4.2).
pub fn strip_intertag_whitespace(s: &str) -> String {
    // Each piece after the first follows a '>'.
    let mut pieces = s.split_inclusive('>');
    let mut out = String::with_capacity(s.len());
    out.push_str(pieces.next().unwrap_or_default());
    for piece in pieces {
        let after = piece.trim_start_matches([' ', '\t', '\r', '\n']);
        out.push_str(if after.starts_with('<') { after } else { piece });
    }
    out
}

/// The `alg` digest of `text` encoded as UTF-16LE without BOM (rms-formats.md §4.3: the bytes
/// that are hashed and signed), fed to the hasher through a small buffer instead
/// of built whole: comparing a BODY with its written digest needs no copy twice its size
/// (a 64 MiB BODY would take 128 MiB for each form tried).
fn hash_utf16le(alg: HashAlg, text: &str) -> Vec<u8> {
    use sha2::Digest;
    match alg {
        HashAlg::Sha1 => feed_utf16le(sha1::Sha1::new(), text),
        HashAlg::Sha256 => feed_utf16le(sha2::Sha256::new(), text),
    }
}

fn feed_utf16le<D: sha2::Digest>(mut d: D, text: &str) -> Vec<u8> {
    const UNITS: usize = 2048;
    let mut buf = [0u8; 2 * UNITS];
    if text.is_ascii() {
        for chunk in text.as_bytes().chunks(UNITS) {
            for (pair, &b) in buf.chunks_exact_mut(2).zip(chunk) {
                if let [low, high] = pair {
                    *low = b;
                    *high = 0;
                }
            }
            d.update(buf.get(..2 * chunk.len()).unwrap_or_default());
        }
    } else {
        let mut n = 0;
        for unit in text.encode_utf16() {
            if let Some(pair) = buf.get_mut(n..n + 2) {
                pair.copy_from_slice(&unit.to_le_bytes());
            }
            n += 2;
            if n == buf.len() {
                d.update(buf.as_slice());
                n = 0;
            }
        }
        d.update(buf.get(..n).unwrap_or_default());
    }
    d.finalize().to_vec()
}

/// Checks one certificate's digest and signature (rms-formats.md §4), with its own
/// `ISSUER/PUBLICKEY`. Failures are added to `findings`; the informational notes (SHA-1,
/// whitespace) are left to [`signature_notes`], which gives one of each per file.
pub fn check_signature(
    c: &Certificate,
    accepted: &[HashAlg],
    findings: &mut Vec<Finding>,
) -> SignatureStatus {
    let mut st = SignatureStatus {
        hash: None,
        digest_form: None,
        signature_valid: false,
    };
    let at = Some(c.location);
    let document = c.index;
    let (Some(sig), Some(key)) = (&c.signature, &c.issuer.key) else {
        return st;
    };
    // RMS writes `SHA1` or `SHA256` (rms-formats.md §4.3); the names' one dashed spelling
    // and any letter case are read too, nothing else (`S-H-A-1` is not a name a strict
    // reader knows).
    let named = |names: [&str; 2]| {
        names
            .iter()
            .any(|n| sig.digest_algorithm.eq_ignore_ascii_case(n))
    };
    let alg = if named(["SHA1", "SHA-1"]) {
        HashAlg::Sha1
    } else if named(["SHA256", "SHA-256"]) {
        HashAlg::Sha256
    } else {
        findings.push(
            Finding::of(Found::DigestAlgorithmUnknown {
                document,
                algorithm: sig.digest_algorithm.clone(),
            })
            .on_document(document)
            .at(at),
        );
        return st;
    };
    if !accepted.contains(&alg) {
        findings.push(
            Finding::of(Found::HashNotAccepted {
                document,
                hash: alg,
            })
            .on_document(document)
            .at(at),
        );
        return st;
    }
    // The only signature algorithm RMS writes (rms-formats.md §4.5).
    if !sig.algorithm.eq_ignore_ascii_case("RSA PKCS#1-V1.5") {
        findings.push(
            Finding::of(Found::SignatureAlgorithmUnknown {
                document,
                algorithm: sig.algorithm.clone(),
            })
            .on_document(document)
            .at(at),
        );
        return st;
    }
    st.hash = Some(alg);
    let body = c.body_text();
    if hash_utf16le(alg, body) == sig.digest {
        st.digest_form = Some(BodyForm::Raw);
    } else if !body.contains("<![CDATA[") && !body.contains("<!--") {
        // (Not with CDATA or comments: whitespace between '>' and '<' there is data.)
        if hash_utf16le(alg, &strip_intertag_whitespace(body)) == sig.digest {
            st.digest_form = Some(BodyForm::Stripped);
        }
    }
    // The signature is over the written digest, whatever the BODY hashes to (pkcs1.rs).
    st.signature_valid = crate::pkcs1::verify(key, alg, &sig.digest, &sig.value);
    if st.digest_form.is_none() {
        findings.push(
            Finding::of(Found::DigestMismatch {
                document,
                kind: c.kind().to_owned(),
            })
            .on_document(document)
            .at(at),
        );
    }
    if !st.signature_valid {
        findings.push(
            Finding::of(Found::SignatureInvalid {
                document,
                kind: c.kind().to_owned(),
                key_bits: u32::try_from(key.bits()).unwrap_or(u32::MAX),
            })
            .on_document(document)
            .at(at),
        );
    }
    st
}

/// One `signature-sha1-legacy` and one `signature-whitespace-stripped` note for all the
/// valid documents they apply to (`(document number, status)` pairs).
pub fn signature_notes(statuses: &[(usize, &SignatureStatus)]) -> Vec<Finding> {
    let list = |f: &dyn Fn(&SignatureStatus) -> bool| -> Vec<usize> {
        statuses
            .iter()
            .filter(|(_, s)| s.is_valid() && f(s))
            .map(|(i, _)| *i)
            .collect()
    };
    let mut out = vec![];
    let stripped = list(&|s| s.digest_form == Some(BodyForm::Stripped));
    if !stripped.is_empty() {
        out.push(Finding::of(Found::WhitespaceStripped {
            documents: stripped,
        }));
    }
    let sha1 = list(&|s| s.hash == Some(HashAlg::Sha1));
    if !sha1.is_empty() {
        out.push(Finding::of(Found::Sha1Legacy { documents: sha1 }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_same_up_to_xml_blanks_case_and_one_pair_of_braces() {
        let id = |id: &str| ObjectInfo {
            id: id.to_owned(),
            ..ObjectInfo::default()
        };
        let guid = id("{C1D2E3F4-0A1B-4C2D-8E3F-405162738495}");
        for same in [
            "{c1d2e3f4-0a1b-4c2d-8e3f-405162738495}",
            "C1D2E3F4-0A1B-4C2D-8E3F-405162738495",
            " \t{C1D2E3F4-0A1B-4C2D-8E3F-405162738495}\r\n",
        ] {
            assert!(guid.same_id(&id(same)), "{same:?}");
        }
        for other in [
            "{{C1D2E3F4-0A1B-4C2D-8E3F-405162738495}}",
            "{C1D2E3F4-0A1B-4C2D-8E3F-405162738495}\u{a0}",
            "\u{85}{C1D2E3F4-0A1B-4C2D-8E3F-405162738495}",
            "{C1D2E3F4-0A1B-4C2D-8E3F-405162738495",
            "{C1D2E3F4-0A1B-4C2D-8E3F-405162738496}",
        ] {
            assert!(!guid.same_id(&id(other)), "{other:?}");
        }
        assert!(!id("{ab}").same_id(&id("AB}")));
    }

    /// A response whose elements each repeat the SLC slot after a child that repeats it too:
    /// the pre-order walk meets the outer second copy after the inner one. `pad` bytes of
    /// space come first, so that a look-up that walks from the start again costs them.
    fn backwards_slots(units: usize, pad: usize, utf16: bool) -> Vec<u8> {
        let text = format!(
            "<?xml version=\"1.0\" encoding=\"{}\"?><EnrollResponse><!-- &lt;XrML -->{}\
             <LicensorCertificateChain>{}</LicensorCertificateChain></EnrollResponse>",
            if utf16 { "utf-16" } else { "utf-8" },
            " ".repeat(pad),
            "<p><q><SLC/><SLC/></q><SLC/><SLC/></p>".repeat(units),
        );
        if utf16 {
            [0xFF, 0xFE]
                .into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
                .collect()
        } else {
            text.into_bytes()
        }
    }

    #[test]
    fn repeated_slots_are_located_in_one_pass() {
        for utf16 in [false, true] {
            let bytes = backwards_slots(400, 200_000, utf16);
            let scanned = std::cell::Cell::new(0);
            let r = read_counted(&bytes, &scanned);
            let repeated = r
                .findings
                .iter()
                .filter(|f| f.code == Code::ResponseSlotRepeated)
                .count();
            assert_eq!(repeated, 800, "utf16: {utf16}");
            // Each look-up behind the previous one would walk the 200 kB of padding again
            // (800 × 200 kB); in increasing order the text is walked about once.
            assert!(
                scanned.get() <= 3 * bytes.len(),
                "utf16: {utf16}: {} bytes walked for {}",
                scanned.get(),
                bytes.len()
            );
        }
    }

    #[test]
    fn a_duplicate_is_shown_with_its_name_when_counted_by_it() {
        let d = |name: Option<&str>| Duplicate {
            parent: "PUBLICKEY".into(),
            element: "PARAMETER".into(),
            name: name.map(Into::into),
            count: 2,
        };
        assert_eq!(
            d(Some("modulus")).to_string(),
            "PUBLICKEY/PARAMETER name=\"modulus\" ×2"
        );
        assert_eq!(d(None).to_string(), "PUBLICKEY/PARAMETER ×2");
    }

    #[test]
    fn the_streamed_hash_is_the_hash_of_the_whole_encoding() {
        use sha2::Digest;
        // Empty, short, exactly one buffer, longer than one (ASCII and not; a surrogate pair
        // across the buffer's edge), for both hashes.
        for text in [
            String::new(),
            "<BODY>x</BODY>".to_owned(),
            "a".repeat(2048),
            "ab<c/>".repeat(1000),
            format!("{}😀{}", "é".repeat(2047), "x".repeat(3000)),
        ] {
            let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
            assert_eq!(
                hash_utf16le(HashAlg::Sha1, &text),
                sha1::Sha1::digest(&bytes).to_vec()
            );
            assert_eq!(
                hash_utf16le(HashAlg::Sha256, &text),
                sha2::Sha256::digest(&bytes).to_vec()
            );
        }
    }

    #[test]
    fn byte_searches_find_what_the_slow_forms_found() {
        assert_eq!(crate::text::find(b"abcabd", b"abd"), Some(3));
        assert_eq!(crate::text::find(b"ab", b"abc"), None);
        assert_eq!(crate::text::find(b"abc", b""), None);
        assert!(contains(b"<CertificateChain>", b"CertificateChain"));
        assert_eq!(doctype_at(b"<!-- x --><!doctype XrML>"), Some(10));
        assert_eq!(doctype_at(b"<!DOCTYP"), None);
        assert_eq!(doctype_at(b"!DOCTYPE a!doctype <a/>"), None);
        assert_eq!(doctype_at(b"a!<!DocType"), Some(2));
        let tree = |t: &[u8]| browser_view(t) == Some(Rendering::CollapsibleTree);
        assert!(tree(b"- <XrML>"));
        assert!(tree(b"<a>\n \t - <b>"));
        assert!(tree(b"x - <a>\n  - <b>"));
        assert!(!tree(b"x - <a>"));
        assert!(!tree(b"x\r - <a>"));
    }

    #[test]
    fn strip_removes_only_intertag_whitespace() {
        assert_eq!(
            strip_intertag_whitespace("<a>\n  <b> x </b>\n</a>"),
            "<a><b> x </b></a>"
        );
        assert_eq!(
            strip_intertag_whitespace("<a> text <b/></a>"),
            "<a> text <b/></a>"
        );
    }

    type Starts = (Vec<(usize, Option<usize>, Option<usize>)>, Option<usize>);

    fn starts(hay: &str, budget: usize) -> Starts {
        let c = cut(hay.as_bytes(), budget, true);
        (
            c.starts.iter().map(|s| (s.pos, s.end, s.holder)).collect(),
            c.over_budget,
        )
    }

    #[test]
    fn cut_takes_one_pass_and_never_nests() {
        // Complete, then a stray end (ignored), then a start left open by the next start.
        assert_eq!(
            starts("<XrML>a</XrML></XrML><XrML b<XrML/></XrML>", 10),
            (
                vec![(0, Some(14), None), (21, None, None), (28, Some(42), None)],
                None
            )
        );
        // Not starts: another name, `<XrMLx`, and `<XrML` at the very end.
        assert_eq!(starts("<XrMLx><xrml ><XrML", 10), (vec![], None));
        assert_eq!(
            starts("<XrML\t></XrML><XrML\n><XrML\r>", 10),
            (
                vec![(0, Some(14), None), (14, None, None), (21, None, None)],
                None
            )
        );
        // The budget counts starts, complete or not.
        assert_eq!(
            starts("<XrML ><XrML ></XrML><XrML >", 2),
            (vec![(0, None, None), (7, Some(21), None)], Some(21))
        );
        assert_eq!(starts("<XrML >", 0), (vec![], Some(0)));
    }

    #[test]
    fn cut_follows_soap_certificate_holders_outside_documents() {
        let t = "<c:Certificate a=\"1\"><XrML></XrML><XrML></XrML></c:Certificate><Certificate/><XrML></XrML><CertificateChain><XrML><Certificate></XrML>";
        let (s, _) = starts(t, 10);
        assert_eq!(
            s.iter().map(|x| x.2).collect::<Vec<_>>(),
            vec![Some(0), Some(0), None, None]
        );
    }

    #[test]
    fn finds_documents_in_binary_junk() {
        let mut bytes = vec![0u8, 159, 146, 150];
        bytes.extend_from_slice(b"\xef\xbb\xbf<?xml version=\"1.0\"?><XrML version=\"1.2\"><BODY/></XrML><XrML\n></XrML>");
        bytes.extend_from_slice(&[0xff, 0x00]);
        let r = read_documents(&bytes);
        assert_eq!(r.docs.len(), 2);
        assert_eq!(r.docs.first().map(|d| d.offset), Some(28));
        assert_eq!(r.wrapper, Wrapper::Bare);
    }
}
