//! Findings: what a check found, with a stable code, a severity, where, and how to fix it.
//!
//! Every surface (page, CLI, JSON report) renders these values; nothing matches on message
//! text. `docs/findings.md` has one heading per [`Code`] id.

use crate::lang::Lang;
use serde::{Serialize, Serializer};
use std::sync::Arc;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing to do.
    Info,
    /// The file may still work, but something is off.
    Warning,
    /// The file will not work (or must not be trusted) as it is.
    Error,
}

impl Severity {
    /// The lowercase word used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $id:literal, $sev:ident, $desc:literal; )*) => {
        /// A stable finding code. The kebab-case id never changes once released.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* #[doc = $desc] $variant, )*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            /// The stable kebab-case id, e.g. `utf16-encoded`.
            pub fn id(self) -> &'static str {
                match self { $( Code::$variant => $id, )* }
            }

            /// One line saying what the code means.
            pub fn description(self) -> &'static str {
                match self { $( Code::$variant => $desc, )* }
            }

            /// The severity a finding with this code has.
            pub fn severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$sev, )* }
            }

            /// Looks a code up by its id.
            pub fn from_id(id: &str) -> Option<Code> {
                match id { $( $id => Some(Code::$variant), )* _ => None }
            }
        }
    };
}

codes! {
    // --- the request file: bytes and encoding -------------------------------------------
    RequestEmpty = "request-empty", Error, "The request file is empty (0 bytes).";
    InputTooLarge = "input-too-large", Error, "The file is larger than the size budget and was not read.";
    BinaryFile = "binary-file", Error, "The file is binary data (an image, PDF, archive, program…), not a text file.";
    PemNotRequest = "pem-not-request", Error, "The file is PEM text (-----BEGIN CERTIFICATE----- or a key), not the exported request.";
    TextNotXml = "text-not-xml", Error, "The file is plain text with no XML element in it, not the exported request.";
    RequestBlank = "request-blank", Error, "The request file holds only whitespace, no XML.";
    Utf8Bom = "utf8-bom", Warning, "The file starts with a UTF-8 byte order mark; MS-RMPR asks for plain ASCII.";
    Utf16Encoded = "utf16-encoded", Error, "The file is UTF-16 text; the enrollment service expects ASCII.";
    NulBytes = "nul-bytes", Error, "The file contains NUL bytes that are not explained by UTF-16.";
    NonAscii = "non-ascii", Error, "The file contains non-ASCII characters; MS-RMPR asks for ASCII.";
    InvalidUtf8 = "invalid-utf8", Error, "The file is not valid UTF-8 (nor ASCII, nor UTF-16).";
    CrlfLineEndings = "crlf-line-endings", Info, "Lines end with CR LF (Windows style); this is harmless.";
    LeadingJunk = "leading-junk", Error, "There is content before the XML starts.";
    TrailingJunk = "trailing-junk", Error, "There is content after the XML ends.";
    HtmlWrapper = "html-wrapper", Error, "The file is an HTML page (e.g. \"Save as web page\"), not the exported XML.";
    BrowserRendering = "browser-rendering", Error, "The file is a browser's display of the XML (copied or saved from the page), not the file itself.";
    Truncated = "truncated", Error, "The file ends before the XML is complete.";
    XmlMalformed = "xml-malformed", Error, "The XML is not well-formed.";
    DoctypeRefused = "doctype-refused", Error, "The file declares a DOCTYPE or entities, which are refused.";
    XmlBudgetExceeded = "xml-budget-exceeded", Error, "The XML is nested too deeply or has too many elements or attributes.";
    // --- the request file: structure ------------------------------------------------------
    SoapEnvelope = "soap-envelope", Info, "The request is wrapped in a SOAP envelope; its EnrollParameters were read from inside.";
    NotARequest = "not-a-request", Error, "The XML is not an enrollment request (wrong root element).";
    CertificateNotRequest = "certificate-not-request", Error, "This is an XrML certificate, not the exported request.";
    WrongNamespace = "wrong-namespace", Error, "EnrollParameters is not in the namespace http://microsoft.com/DRM/EnrollmentService.";
    MissingElement = "missing-element", Error, "A required element is missing.";
    UnexpectedAttribute = "unexpected-attribute", Error, "An element of the request carries an attribute (such as xsi:nil) that a genuine export never writes.";
    UnexpectedElement = "unexpected-element", Warning, "An element that the schema does not define is present.";
    ElementOrder = "element-order", Warning, "Elements are not in the order the schema defines.";
    DuplicateElement = "duplicate-element", Error, "An element that may appear once appears more than once.";
    RevocationTypeInvalid = "revocation-type-invalid", Error, "RevocationType is not StandardRevocation or CustomRevocation.";
    RevocationNonRevocable = "revocation-nonrevocable", Error, "RevocationType NonRevocable is not supported by the enrollment service.";
    RevocationAuthoritiesMissing = "revocation-authorities-missing", Error, "CustomRevocation needs aRevocationAuthorities, and there are none.";
    RevocationAuthoritiesUnexpected = "revocation-authorities-unexpected", Error, "aRevocationAuthorities is present although RevocationType is not CustomRevocation.";
    RevocationAuthorityKeyInvalid = "revocation-authority-key-invalid", Error, "A revocation authority public key does not decode as an RSA key.";
    GuidInvalid = "guid-invalid", Error, "Guid is not a GUID.";
    GuidWithoutBraces = "guid-without-braces", Info, "Guid has no braces; it is accepted and shown with braces.";
    VersionEmpty = "version-empty", Error, "EnrolleeInformation/Version is empty; the enrollment service rejects that.";
    EnrolleeFieldEmpty = "enrollee-field-empty", Info, "An EnrolleeInformation field (SKU, Name, URL) is empty; the service ignores it.";
    UrlImplausible = "url-implausible", Warning, "The cluster URL does not look like an http(s) URL.";
    AdRmsVersion = "ad-rms-version", Warning, "The version is an AD RMS version; AD RMS self-enrolls and never needs the Microsoft enrollment service.";
    KeyBase64Invalid = "key-base64-invalid", Error, "aPublicKeyBytes is not valid base64.";
    KeyFormatUnknown = "key-format-unknown", Error, "aPublicKeyBytes is neither a DER RSAPublicKey nor a CryptoAPI PUBLICKEYBLOB.";
    KeySizeUnusual = "key-size-unusual", Error, "The server key is not RSA-1024 or RSA-2048.";
    KeyExponentUnusual = "key-exponent-unusual", Warning, "The server key's public exponent is not 65537.";
    KeyModulusEven = "key-modulus-even", Error, "The server key's modulus is even, so it cannot be an RSA key.";
    FileNameUnrecognised = "file-name-unrecognised", Info, "The file name does not follow <server>EnrollRequest.xml or <server>RenewRequest.xml.";
    // --- certificates (XrML) ----------------------------------------------------------------
    NoXrmlFound = "no-xrml-found", Error, "No XrML certificate was found in the file.";
    // Any step's file (the workbench lists it with the file), declared here so the request
    // codes above stay the request check's own.
    InputUnreadable = "input-unreadable", Error, "The file could not be read (the browser or the system refused it).";
    EncodingDeclared = "encoding-declared", Error, "The XML declaration names an encoding the file is not written in, so an XML reader reads other characters or refuses the file.";
    RequestNotCertificate = "request-not-certificate", Error, "This is the enrollment request, not the downloaded certificate.";
    XrmlNotUtf8 = "xrml-not-utf8", Error, "An XrML document in the file contains bytes that are not UTF-8.";
    ResponseUnreadable = "response-unreadable", Error, "The enrollment response holding the certificates cannot be read as XML.";
    XrmlNotWellFormed = "xrml-not-well-formed", Error, "An XrML document is not well-formed XML (or exceeds the XML budgets).";
    XrmlNoBody = "xrml-no-body", Error, "An XrML document has no BODY.";
    XrmlNoIssuerKey = "xrml-no-issuer-key", Error, "An XrML document has no issuer public key (BODY/ISSUER/PUBLICKEY), so its signature cannot be checked.";
    XrmlKeyUnreadable = "xrml-key-unreadable", Error, "A public key in an XrML document cannot be read as an RSA key.";
    XrmlNoSignature = "xrml-no-signature", Error, "An XrML document has no SIGNATURE.";
    SignatureIncomplete = "signature-incomplete", Error, "A SIGNATURE lacks its DIGEST/VALUE or its VALUE.";
    SignatureBase64Invalid = "signature-base64-invalid", Error, "A SIGNATURE's DIGEST/VALUE or VALUE is not valid base64.";
    TimeInvalid = "time-invalid", Error, "A time in the certificate cannot be read.";
    ResponseWrapper = "response-wrapper", Info, "The certificates came inside a wrapper (SOAP chain or offline enrollment response) and were read from it.";
    SignatureAlgorithmUnsupported = "signature-algorithm-unsupported", Error, "The certificate names a digest or signature algorithm that is not accepted.";
    SignatureSha1Legacy = "signature-sha1-legacy", Info, "The certificate is signed with SHA-1 (cryptographic mode 1); accepted as legacy.";
    SignatureWhitespaceStripped = "signature-whitespace-stripped", Info, "The digest matched only after whitespace between tags was removed (a pretty-printed copy).";
    DigestMismatch = "digest-mismatch", Error, "The BODY's hash differs from the signed digest: the certificate was altered.";
    SignatureInvalid = "signature-invalid", Error, "The RSA signature does not verify with the issuer's key.";
    ChainNoSlc = "chain-no-slc", Error, "The file has XrML documents, but no Server Licensor Certificate.";
    ChainReordered = "chain-reordered", Info, "The certificates were not leaf-first; they were put in order.";
    ChainIncomplete = "chain-incomplete", Error, "A certificate of the chain is missing.";
    ChainLinkMismatch = "chain-link-mismatch", Error, "An issuer's ID does not match the next certificate's principal.";
    ChainUntrustedRoot = "chain-untrusted-root", Error, "The chain does not end at a trusted root key.";
    ChainTooLong = "chain-too-long", Error, "The chain is longer than the budget allows.";
    ChainUnexpectedShape = "chain-unexpected-shape", Warning, "A certificate's type or issuer name is not what an SLC chain has at that place.";
    IssuedOutsideIssuerRange = "issued-outside-issuer-range", Error, "A certificate was issued outside its issuer's ISSUE time range.";
    ChainTimeMissing = "chain-time-missing", Error, "A certificate on the chain has no ISSUEDTIME, or, as an issuer, no RANGETIME FROM or UNTIL in its ISSUE right, so the time rule of its link cannot be checked.";
    SlcExpired = "slc-expired", Error, "The Server Licensor Certificate has expired.";
    SlcNotYetValid = "slc-not-yet-valid", Error, "The Server Licensor Certificate is not valid yet.";
    SlcExpiringSoon = "slc-expiring-soon", Warning, "The Server Licensor Certificate expires within 90 days.";
    SlcExpiryUnknown = "slc-expiry-unknown", Error, "The Server Licensor Certificate gives no end to its ISSUE right, so its expiry is unknown (a validity time does not stand in for it).";
    PairGuidMismatch = "pair-guid-mismatch", Error, "This certificate does not answer this request: the server GUID differs.";
    PairKeyMismatch = "pair-key-mismatch", Error, "This certificate does not answer this request: the server key differs.";
    RequestHasErrors = "request-has-errors", Error, "The request has errors of its own, so no certificate can be said to answer it.";
    XrmlUnterminated = "xrml-unterminated", Error, "An XrML document starts but never ends (truncated, or another document starts inside it).";
    XrmlTooManyDocuments = "xrml-too-many-documents", Error, "The file holds more XrML starts than the budget allows; the rest was not read.";
    WrapperMultipleDocuments = "wrapper-multiple-documents", Error, "A wrapper element that holds one certificate holds more than one XrML document.";
    XrmlDuplicateElement = "xrml-duplicate-element", Error, "A signed document has a second copy of an element that may appear once (BODY, SIGNATURE, a principal, ID, key parameter, time, ISSUE right…): another reader could take the other copy.";
    XrmlUnsignedContent = "xrml-unsigned-content", Error, "The XrML document holds content beside BODY and SIGNATURE that the signature does not cover.";
    ChainAmbiguousLeaf = "chain-ambiguous-leaf", Error, "More than one Server Licensor Certificate could be the chain's leaf.";
    ResponseSlotMismatch = "response-slot-mismatch", Error, "In an offline enrollment response, a holder element (SLC, EnrollmentServiceCert, EnrollmentCACert, CACert) does not hold the certificate its name stands for, or an unknown holder holds a document.";
    ResponseSlotContent = "response-slot-content", Error, "In an offline enrollment response, a slot (SLC, EnrollmentServiceCert, EnrollmentCACert, CACert) holds other text or an element beside its one escaped XrML document, or text that is no document.";
    ResponseSlotRepeated = "response-slot-repeated", Error, "In an offline enrollment response, a slot (SLC, EnrollmentServiceCert, EnrollmentCACert, CACert) appears more than once.";
    SoapCertificateContent = "soap-certificate-content", Error, "In a SOAP certificate chain, a Certificate element holds no XrML document an XML reader sees, or holds text or another element beside it.";
    SoapDocumentHidden = "soap-document-hidden", Error, "In a SOAP certificate chain, an XrML document is not an element inside a Certificate that an XML reader sees (it is in a comment, a CDATA section or a processing instruction).";
    ChainExtraCertificate = "chain-extra-certificate", Error, "A certificate in the file is not part of the chain to the trust anchor.";
    ChainShapeInvalid = "chain-shape-invalid", Error, "Under the Microsoft root, the chain is not one of the two MS-RMPR SLC chain shapes.";
    ChainKeySize = "chain-key-size", Error, "A key in the chain has a size RMS does not use (RMS keys are RSA-1024 or RSA-2048).";
    AnchorTest = "anchor-test", Warning, "The chain was checked against a trust anchor that is not the pinned Microsoft root: a test verdict, not a Microsoft one.";
    KeyExponentInvalid = "key-exponent-invalid", Error, "The server key's public exponent is even or smaller than 3, so it is not a usable RSA key.";
    // --- the transfer workstation's trust prerequisites ------------------------------------
    RootParseFailed = "root-parse-failed", Error, "The root certificate file cannot be read as PEM or DER X.509.";
    RootGteExpired = "root-gte-expired", Warning, "This is the GTE CyberTrust Global Root, which expired on 2018-08-13.";
    RootExpired = "root-expired", Warning, "The root certificate has expired.";
    RootUnrecognised = "root-unrecognised", Info, "The root certificate is not one the procedure or Microsoft's current TLS service names.";
    EnvInsecureContext = "env-insecure-context", Info, "The page is not a secure context; Web Crypto may be unavailable (the app does not need it).";
    EnvOffline = "env-offline", Warning, "The browser reports that it is offline; submission needs the internet.";
    EnvClockSuspect = "env-clock-suspect", Warning, "The computer's clock is before this tool was built, or implausibly far after it; expiry checks depend on it.";
    EnvLocalFileMode = "env-local-file-mode", Info, "The page runs as a local file (file://): it sends nothing unless you probe the enrollment address or submit.";
    ProbeReached = "probe-reached", Info, "Something answered at the enrollment address (the page sees that an answer came, not its status or content).";
    ProbeUnreachable = "probe-unreachable", Warning, "The request to the enrollment address failed before any answer: unreachable, or blocked.";
    ProbeTimedOut = "probe-timed-out", Warning, "The enrollment address gave no answer before the probe's time limit.";
    // --- step 3: the enrollment address -------------------------------------------------------
    AddressEmpty = "address-empty", Error, "No enrollment address is given.";
    AddressNotUrl = "address-not-url", Error, "The enrollment address is not an absolute web address (https://host/…).";
    AddressSchemeRefused = "address-scheme-refused", Error, "The enrollment address uses a scheme other than https or http; it is not opened or posted to.";
    AddressCredentials = "address-credentials", Error, "The enrollment address holds a user name or password; it is not used.";
    AddressHttp = "address-http", Warning, "The enrollment address is plain http: the request travels unencrypted to a site that cannot be authenticated.";
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// Where in the input a finding applies: a byte offset in the file as loaded, and the
/// 1-based line and column (in characters) of that offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Location {
    /// Byte offset in the file as loaded (before any decoding).
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

/// What a finding is about. Set where the finding is made, never worked out afterwards from
/// byte offsets; the verdict's rule on which findings decide reads it
/// ([`crate::chain::decides`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Subject {
    /// The file as a whole: its bytes, encoding, wrapper, or a document that could not be cut
    /// out of it.
    File,
    /// One XrML document of the file, by its 0-based position (`ChainReport::documents`).
    Document {
        /// Position in file order, 0-based.
        index: usize,
    },
    /// The chain assembled from the documents: its leaf, path, shape and anchor.
    Chain,
    /// The request a chain is paired with.
    Request,
}

/// What a check found, with its typed context: one variant per area, each area's enum one
/// variant per problem. The core decides *what* was found; [`crate::words`] makes the text,
/// once per language, for every surface (page, CLI, both receipts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum What {
    /// A file refused before it was read.
    Input(Input),
    /// Step 1: the exported request.
    Request(crate::request::Found),
    /// Reading XrML documents and their signatures.
    Xrml(crate::xrml::Found),
    /// Step 4: the chain, its times and its pairing with the request.
    Chain(crate::chain::Found),
    /// Step 2: the workstation's trust prerequisites.
    Trust(crate::trust::Found),
    /// Step 3: the enrollment address.
    Submit(crate::submit::Found),
}

/// Files refused before they are read, on any surface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Input {
    /// `input-too-large`: the file is over the step's budget and was not read.
    TooLarge {
        /// The file's name as loaded.
        name: String,
        /// Its size in bytes.
        size: u64,
        /// The budget in bytes.
        limit: u64,
        /// What the step expects, to say how large that usually is.
        expected: Expected,
    },
    /// `input-unreadable`: the browser (or the system) could not read the file.
    Unreadable {
        /// The file's name as chosen.
        name: String,
    },
    /// `encoding-declared`: the XML declaration names an encoding the file is not in
    /// ([`crate::text::declared_encoding`]).
    DeclaredEncoding {
        /// The encoding the declaration names, as written.
        declared: String,
        /// The file is UTF-16 (else UTF-8 or ASCII).
        utf16: bool,
    },
}

/// What a step expects to be given (for "choose the right file" advice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Expected {
    /// The exported `<server>EnrollRequest.xml` / `RenewRequest.xml` (about 2 KB).
    Request,
    /// The downloaded certificate chain (about 12 KB).
    Chain,
    /// A root certificate (.cer, about 1 KB).
    Root,
    /// A trust anchor (an XrML certificate or a key file).
    Anchor,
    /// Any XrML file for the workbench.
    Xrml,
}

impl Input {
    /// The code.
    pub fn code(&self) -> Code {
        match self {
            Input::TooLarge { .. } => Code::InputTooLarge,
            Input::Unreadable { .. } => Code::InputUnreadable,
            Input::DeclaredEncoding { .. } => Code::EncodingDeclared,
        }
    }

    /// One example of each variant, for the completeness tests and the findings docs.
    pub fn samples() -> Vec<Input> {
        vec![
            Input::TooLarge {
                name: "big.xml".into(),
                size: 3_000_000,
                limit: 2_097_152,
                expected: Expected::Chain,
            },
            Input::Unreadable {
                name: "moved.xml".into(),
            },
            Input::DeclaredEncoding {
                declared: "utf-7".into(),
                utf16: false,
            },
        ]
    }
}

impl What {
    /// The stable code.
    pub fn code(&self) -> Code {
        match self {
            What::Input(f) => f.code(),
            What::Request(f) => f.code(),
            What::Xrml(f) => f.code(),
            What::Chain(f) => f.code(),
            What::Trust(f) => f.code(),
            What::Submit(f) => f.code(),
        }
    }

    /// The message and fix in `lang`.
    pub fn text(&self, lang: Lang) -> Text {
        match lang {
            Lang::En => crate::words::en::text(self),
            Lang::Nl => crate::words::nl::text(self),
        }
    }

    /// One example of every typed variant (for the completeness tests and the findings docs).
    pub fn samples() -> Vec<What> {
        let mut out: Vec<What> = Input::samples().into_iter().map(What::Input).collect();
        out.extend(
            crate::request::Found::samples()
                .into_iter()
                .map(What::Request),
        );
        out.extend(crate::xrml::Found::samples().into_iter().map(What::Xrml));
        out.extend(crate::chain::Found::samples().into_iter().map(What::Chain));
        out.extend(crate::trust::Found::samples().into_iter().map(What::Trust));
        out.extend(
            crate::submit::Found::samples()
                .into_iter()
                .map(What::Submit),
        );
        out
    }
}

macro_rules! what_from {
    ($($area:ident => $ty:ty),*) => {$(
        impl From<$ty> for What {
            fn from(f: $ty) -> What {
                What::$area(f)
            }
        }
    )*};
}
what_from!(Input => Input, Request => crate::request::Found, Xrml => crate::xrml::Found, Chain => crate::chain::Found, Trust => crate::trust::Found, Submit => crate::submit::Found);

/// A finding's words in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    /// What was found, with the specific values.
    pub message: String,
    /// How to fix it, in plain words.
    pub fix: String,
}

/// One thing a check found: what (typed), about which subject, where.
///
/// Serialised language-neutrally (`code`, `severity`, `subject`, `location`, `params`) with
/// `message` and `fix` as `{"en": …, "nl": …}`; [`localize_json`] keeps one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable code (always `what.code()`).
    pub code: Code,
    /// What it is about.
    pub subject: Subject,
    /// Severity (always `code.severity()`).
    pub severity: Severity,
    /// Where in the file, when it applies to one place.
    pub location: Option<Location>,
    /// Shared: the typed context varies in size, and findings are cloned into every view and
    /// report that shows them; an `Arc` keeps a clone one counter, not a copy of every variant
    /// (the derived deep clone of `What` was ~15 KB of wasm).
    what: Arc<What>,
}

impl Finding {
    /// A finding about the file as a whole, with no location.
    pub fn of(what: impl Into<What>) -> Finding {
        let what = what.into();
        let code = what.code();
        Finding {
            code,
            subject: Subject::File,
            severity: code.severity(),
            location: None,
            what: Arc::new(what),
        }
    }

    /// What was found, typed.
    pub fn what(&self) -> &What {
        &self.what
    }

    /// The message and fix in `lang`.
    pub fn text(&self, lang: Lang) -> Text {
        self.what.text(lang)
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.text(lang).message
    }

    /// The same finding, about `subject`.
    pub fn about(mut self, subject: Subject) -> Finding {
        self.subject = subject;
        self
    }

    /// The same finding, about document `index` (0-based).
    pub fn on_document(self, index: usize) -> Finding {
        self.about(Subject::Document { index })
    }

    /// The same finding, placed at `location`.
    pub fn at(mut self, location: Option<Location>) -> Finding {
        self.location = location;
        self
    }
}

/// Both languages of one text field, serialised as `{"en": …, "nl": …}`.
struct ByLang<F: Fn(Lang) -> String>(F);

impl<F: Fn(Lang) -> String> Serialize for ByLang<F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(Lang::ALL.len()))?;
        for l in Lang::ALL {
            m.serialize_entry(l.tag(), &(self.0)(l))?;
        }
        m.end()
    }
}

impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Finding", 7)?;
        st.serialize_field("code", &self.code)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("subject", &self.subject)?;
        st.serialize_field("location", &self.location)?;
        st.serialize_field("params", &*self.what)?;
        st.serialize_field("message", &ByLang(|l| self.text(l).message))?;
        st.serialize_field("fix", &ByLang(|l| self.text(l).fix))?;
        st.end()
    }
}

/// Keeps one language in serialised findings: every `message` / `fix` object that holds
/// exactly the language tags becomes the string in `lang`. Keys, codes and parameters are
/// untouched, so JSON stays language-neutral apart from the words.
pub fn localize_json(v: &mut serde_json::Value, lang: Lang) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                if k == "message" || k == "fix" {
                    if let Value::Object(by) = child {
                        if by.len() == Lang::ALL.len()
                            && Lang::ALL.iter().all(|l| by.contains_key(l.tag()))
                        {
                            let chosen = by.get(lang.tag()).cloned().unwrap_or(Value::Null);
                            *child = chosen;
                            continue;
                        }
                    }
                }
                localize_json(child, lang);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|c| localize_json(c, lang)),
        _ => {}
    }
}

/// Pretty JSON of `value` with findings' words in `lang` ([`localize_json`]).
pub fn to_json_in<T: Serialize + ?Sized>(value: &T, lang: Lang) -> String {
    match serde_json::to_value(value) {
        Ok(mut v) => {
            localize_json(&mut v, lang);
            serde_json::to_string_pretty(&v).unwrap_or_default()
        }
        Err(e) => serde_json::json!({ "error": e.to_string() }).to_string(),
    }
}

/// The codes of `findings`, in order (handy for tests and summaries).
pub fn codes(findings: &[Finding]) -> Vec<Code> {
    findings.iter().map(|f| f.code).collect()
}

/// True when any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn code_ids_are_unique_and_round_trip() {
        let mut seen = HashSet::new();
        for &c in Code::ALL {
            assert!(seen.insert(c.id()), "duplicate id {}", c.id());
            assert_eq!(Code::from_id(c.id()), Some(c));
            assert!(c
                .id()
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'));
        }
        assert_eq!(seen.len(), Code::ALL.len());
    }

    #[test]
    fn every_code_has_a_heading_in_findings_md() {
        let doc = include_str!("../../../docs/findings.md");
        for &c in Code::ALL {
            let heading = format!("\n## `{}`\n", c.id());
            assert!(
                doc.contains(&heading),
                "docs/findings.md lacks a heading for {}",
                c.id()
            );
        }
    }
}
