//! English.

use super::{num, t};
use crate::finding::{Code, Expected, Input, Text, What};

/// The message and fix of `w` in English.
pub(crate) fn text(w: &What) -> Text {
    match w {
        What::Input(f) => input(f),
        What::Request(f) => request(f),
        What::Xrml(f) => xrml(f),
        What::Chain(f) => chain(f),
        What::Trust(f) => trust(f),
        What::Legacy(_) => t("", ""),
    }
}

/// One line saying what `code` means.
pub fn describe(code: Code) -> &'static str {
    code.description()
}

fn bytes(n: u64) -> String {
    format!("{} bytes", num(n, ','))
}

fn expected(e: Expected) -> &'static str {
    match e {
        Expected::Request => "Choose the exported <server>EnrollRequest.xml or <server>RenewRequest.xml; a request is about 2 KB.",
        Expected::Chain => "Choose the certificate chain downloaded from the enrollment service; it is about 12 KB.",
        Expected::Root => "Choose the root certificate exported from certmgr.msc (.cer, about 1 KB).",
        Expected::Anchor => "Choose the test laboratory's root certificate (XrML) or its key file.",
        Expected::Xrml => "Choose RMS XrML files (certificates and licences are a few kilobytes each).",
    }
}

fn input(f: &Input) -> Text {
    match f {
        Input::TooLarge {
            name,
            size,
            limit,
            expected: e,
        } => t(
            format!(
                "{name} is {}; the limit here is {}, so it was not read.",
                bytes(*size),
                bytes(*limit)
            ),
            expected(*e),
        ),
    }
}

// ---- step 1: the request ----------------------------------------------------------------

fn request(f: &crate::request::Found) -> Text {
    use crate::request::{BrowserView, Found as F, ENROLL_NS};
    let n = |x: usize| num(u64::try_from(x).unwrap_or(u64::MAX), ',');
    const EXPORT_AGAIN: &str = "Export the request again on the RMS server (Enroll or Renew → Offline → Export) and click Save, not Open.";
    const INCOMPLETE: &str = "The file is incomplete (cut off while copying or downloading). Export it again and compare its size.";
    const KEEP_ONE: &str = "Keep one, or export the request again.";
    match f {
        F::Empty => t("The file is empty (0 bytes).", EXPORT_AGAIN),
        F::BinaryFile { kind, first_bytes } => t(
            format!(
                "This is {}, not a text file (it starts with {}).",
                file_kind(*kind),
                hex_bytes(first_bytes)
            ),
            "Choose the request exported by the RMS server (<server>EnrollRequest.xml or <server>RenewRequest.xml); a file of another kind may have been renamed to .xml.",
        ),
        F::Blank { size } => t(
            format!("The file holds only whitespace ({}), no XML.", bytes(*size as u64)),
            EXPORT_AGAIN,
        ),
        F::Utf8Bom => t(
            "The file starts with the UTF-8 byte order mark EF BB BF.",
            "Save the file as ANSI (Notepad: Save As → Encoding: ANSI), or export it again; MS-RMPR allows no header bytes.",
        ),
        F::Utf16 { encoding, bom } => t(
            format!(
                "The file is UTF-16{} text{}; it was read, but the enrollment service expects ASCII.",
                utf16_order(*encoding),
                if *bom { " with a byte order mark" } else { "" }
            ),
            "An editor re-saved it as Unicode. Export the request again, or save it as ANSI (Notepad: Save As → Encoding: ANSI).",
        ),
        F::Utf16OddLength { size } => t(
            format!(
                "The UTF-16 file has an odd number of bytes ({}): its last byte is cut off.",
                n(*size)
            ),
            INCOMPLETE,
        ),
        F::InvalidUtf8 { offset, byte } => t(
            format!(
                "Byte 0x{byte:02X} at offset {} is not valid UTF-8 or ASCII.",
                n(*offset)
            ),
            "The file was damaged in transfer or is not the exported request. Export it again.",
        ),
        F::NulBytes { count } => t(
            if *count == 1 {
                "The file contains a NUL byte, at the place shown.".to_owned()
            } else {
                format!(
                    "The file contains {} NUL bytes; the first is at the place shown.",
                    n(*count)
                )
            },
            "The file was padded or damaged (for example a partial copy to USB). Export it again.",
        ),
        F::NonAscii { count, first } => t(
            if *count == 1 {
                format!(
                    "The file contains a non-ASCII character: U+{:04X} '{first}'.",
                    u32::from(*first)
                )
            } else {
                format!(
                    "The file contains {} non-ASCII characters; the first is U+{:04X} '{first}'.",
                    n(*count),
                    u32::from(*first)
                )
            },
            "MS-RMPR requires ASCII. Remove or replace the character (often a typographic quote or an accented letter typed by hand), or export again.",
        ),
        F::CrlfLineEndings => t(
            "Lines end with CR LF (Windows line endings).",
            "Nothing to fix: line endings do not matter to the service.",
        ),
        F::BrowserRendering { view } => t(
            match view {
                BrowserView::StyleBanner => "This is how a browser displays the XML (the page that says the XML file has no style information), saved or copied; it is not the exported file.",
                BrowserView::CollapsibleTree => "This is how Internet Explorer displays the XML (with a '-' before each element), saved or copied; it is not the exported file.",
            },
            "On the RMS server, click Export and then Save (not Open), and carry the saved file. Do not copy the XML out of a browser window.",
        ),
        F::HtmlWrapper => t(
            "The file is an HTML page (\"Save as web page\"), with the request inside it.",
            "Save the request again with Save (or \"Save as type: All files\"), not as a web page.",
        ),
        F::LeadingJunk { chars } => t(
            if *chars == 1 {
                "1 character comes before the XML starts.".to_owned()
            } else {
                format!("{} characters come before the XML starts.", n(*chars))
            },
            "Delete everything before <?xml (or before <EnrollParameters>), or export the request again.",
        ),
        F::TextBeforeRoot => t(
            "There is text before the root element.",
            "Delete the text before <EnrollParameters>, or export the request again.",
        ),
        F::TrailingJunk { chars, root } => t(
            if *chars == 1 {
                format!("1 character follows the end of </{root}>.")
            } else {
                format!("{} characters follow the end of </{root}>.", n(*chars))
            },
            format!("Delete everything after the closing </{root}> tag; MS-RMPR allows no footer."),
        ),
        F::Truncated { open } => t(
            match open {
                Some(o) => format!("The file ends while <{o}> is still open."),
                None => "The file ends before its first element is complete.".to_owned(),
            },
            INCOMPLETE,
        ),
        F::NoElement => t("The file contains no XML element at all.", EXPORT_AGAIN),
        F::XmlMalformed { problem } => t(
            format!("The XML is not well-formed: {}.", xml_problem(problem)),
            "The file was edited by hand or damaged. Export it again rather than repairing it.",
        ),
        F::Doctype => t(
            "The file declares a DOCTYPE; entity declarations are refused and never expanded.",
            "A genuine request has no DOCTYPE. Export it again.",
        ),
        F::XmlBudget { budget } => t(
            format!("The XML exceeds a safety budget: {}.", xml_budget(budget)),
            "This is not a genuine request (which has about 15 elements). Choose the exported file.",
        ),
        F::SecondRequest { element } => t(
            format!("A second request (<{element}>) follows the first one; either could be the one meant, so neither is read."),
            "Keep one request per file: export the request again on the RMS server.",
        ),
        F::SoapEnvelope => t(
            "The request is wrapped in a SOAP envelope (Envelope/Body/Enroll/oInput); the parameters were read from inside it.",
            "Nothing to fix if the enrollment page accepts it; the offline page expects the bare EnrollParameters document.",
        ),
        F::CertificateNotRequest => t(
            "This is an XrML certificate (perhaps the downloaded SLC), not the exported request.",
            "Use this file in step 4 (verify certificate). For step 1 choose <server>EnrollRequest.xml or <server>RenewRequest.xml.",
        ),
        F::NotARequest { root } => t(
            format!("The root element is <{root}>, not <EnrollParameters>."),
            "Choose the file exported by Windows RMS administration (Enroll or Renew → Offline → Export).",
        ),
        F::WrongNamespace { element, namespace } => t(
            match namespace {
                Some(ns) => format!("<{element}> is in namespace \"{ns}\", not {ENROLL_NS}."),
                None => format!("<{element}> has no namespace; it must be in {ENROLL_NS}."),
            },
            format!("The root must carry xmlns=\"{ENROLL_NS}\". Export the request again."),
        ),
        F::ChildNamespace {
            element,
            parent,
            namespace,
        } => t(
            match namespace {
                Some(ns) => format!("<{element}> inside <{parent}> is in namespace \"{ns}\", not the namespace of <{parent}>."),
                None => format!("<{element}> inside <{parent}> has no namespace, unlike <{parent}>."),
            },
            "Remove the namespace declaration, or export the request again.",
        ),
        F::MissingElement { parent, names } => t(
            format!("<{parent}> has no {}.", elements(names, " or ")),
            "The file is incomplete or was edited. Export the request again.",
        ),
        F::UnexpectedElement { element, parent } => t(
            format!("<{element}> is not part of <{parent}>."),
            "Remove the element; the RMS export never writes it.",
        ),
        F::DuplicateElement {
            element,
            parent,
            count,
        } => t(
            format!("<{element}> appears {} times in <{parent}>.", n(*count)),
            KEEP_ONE,
        ),
        F::AmbiguousParameters {
            parent,
            names,
            count,
        } => t(
            format!(
                "<{parent}> holds {} elements named {}; the parameters could be read from any of them, so none are read.",
                n(*count),
                elements(names, " or ")
            ),
            KEEP_ONE,
        ),
        F::ElementOrder {
            element,
            parent,
            order,
        } => t(
            format!("<{element}> comes after an element that the schema puts after it."),
            format!("Put the children of <{parent}> in the order {}.", order.join(", ")),
        ),
        F::RevocationNonRevocable => t(
            "RevocationType is NonRevocable, which MS-RMPR marks \"not supported\".",
            "Choose standard revocation (or custom revocation with an authority key) on the RMS server and export again.",
        ),
        F::RevocationTypeInvalid { value } => t(
            format!("RevocationType is \"{value}\"."),
            "It must be StandardRevocation or CustomRevocation (case matters). Export the request again.",
        ),
        F::RevocationAuthoritiesMissing => t(
            "CustomRevocation is chosen, but no revocation authority is listed.",
            "On the RMS server, add the revocation authority's public key, or choose standard revocation; export again.",
        ),
        F::RevocationAuthoritiesUnexpected { revocation_type } => t(
            match revocation_type {
                Some(ty) => format!("aRevocationAuthorities is present, but RevocationType is {ty}, not CustomRevocation."),
                None => "aRevocationAuthorities is present, but RevocationType is not CustomRevocation.".to_owned(),
            },
            "Either choose CustomRevocation or remove the authorities; export the request again.",
        ),
        F::RevocationAuthorityKeyInvalid => t(
            "The revocation authority key does not decode as a base64 RSA public key.",
            "Give the authority's RSA public key (PKCS#1, base64) on the RMS server and export again.",
        ),
        F::GuidWithoutBraces { written, guid } => t(
            format!("Guid \"{written}\" has no braces; read as {guid}."),
            "Nothing to fix: both forms are accepted.",
        ),
        F::GuidInvalid { value } => t(
            format!("\"{value}\" is not a GUID (8-4-4-4-12 hexadecimal digits, optionally in braces)."),
            "The file was edited or damaged. Export the request again.",
        ),
        F::VersionEmpty => t(
            "<Version> is empty.",
            "The enrollment service rejects an empty version. Export the request again from the RMS administration site.",
        ),
        F::AdRmsVersion { version } => t(
            format!("Version {version} is AD RMS (Windows Server 2008 or later)."),
            "AD RMS enrolls itself; its SLC is issued by the Microsoft DRM Server Self Enrollment Service and never needs the Microsoft enrollment site.",
        ),
        F::EnrolleeFieldEmpty { fields } => t(
            format!("Empty or missing: {}.", fields.join(", ")),
            "Nothing to fix: the enrollment service ignores these fields; they only help you recognise the server.",
        ),
        F::UrlImplausible { url } => t(
            format!("\"{url}\" is not an http:// or https:// URL with a host name."),
            "Check the cluster URL on the RMS server (Administration → cluster URL); the service ignores it, but it identifies the server.",
        ),
        F::KeyBase64Invalid { problem } => t(
            format!("aPublicKeyBytes is not valid base64: {}.", base64_problem(problem)),
            "The key was damaged (edited, or cut by a line break in the wrong place). Export the request again.",
        ),
        F::KeyFormatUnknown {
            length,
            first_bytes,
        } => t(
            format!(
                "The {} decoded bytes (starting {}) are neither a DER RSAPublicKey nor a CryptoAPI PUBLICKEYBLOB.",
                n(*length),
                hex_bytes(first_bytes)
            ),
            "Export the request again; the key must be the server's RSA public key.",
        ),
        F::KeySizeUnusual { bits } => t(
            format!("The server key is RSA-{bits}; RMS uses RSA-1024 (mode 1) or RSA-2048 (mode 2)."),
            "Export the request again from the RMS server; a different key size means the file is not a genuine export.",
        ),
        F::KeyExponentInvalid { exponent } => t(
            format!("The public exponent is {exponent}; an RSA exponent is odd and at least 3."),
            "The request was damaged or edited. Export it again on the RMS server.",
        ),
        F::KeyExponentUnusual { exponent } => t(
            format!("The public exponent is {exponent}, not 65537."),
            "RMS keys use 65537. Check that this is the genuine export.",
        ),
        F::KeyModulusEven => t(
            "The modulus is even, so this cannot be an RSA public key.",
            "The key bytes are damaged (for example byte order reversed by hand). Export the request again.",
        ),
        F::FileNameUnrecognised { name } => t(
            format!("\"{name}\" does not end in EnrollRequest.xml or RenewRequest.xml, so enrollment or renewal cannot be told from the name."),
            "Nothing to fix if this is the right file; the Windows RMS administration site names exports <server>EnrollRequest.xml or <server>RenewRequest.xml.",
        ),
    }
}

/// Bytes as a hex viewer shows them: `89 50 4E 47`.
fn hex_bytes(b: &[u8]) -> String {
    b.iter()
        .map(|x| format!("{x:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `<a>`, or `<a> or <b>`.
fn elements(names: &[String], or: &str) -> String {
    names
        .iter()
        .map(|n| format!("<{n}>"))
        .collect::<Vec<_>>()
        .join(or)
}

fn utf16_order(e: crate::text::Encoding) -> &'static str {
    use crate::text::Encoding as E;
    match e {
        E::Utf16Le => " little-endian",
        E::Utf16Be => " big-endian",
        E::Ascii | E::Utf8 | E::Utf8Bom | E::Invalid => "",
    }
}

fn file_kind(k: crate::request::FileKind) -> &'static str {
    use crate::request::FileKind as K;
    match k {
        K::Png => "a PNG image",
        K::Jpeg => "a JPEG image",
        K::Gif => "a GIF image",
        K::Pdf => "a PDF document",
        K::Zip => "a ZIP archive (or an Office document such as .docx or .xlsx)",
        K::Gzip => "a gzip-compressed file",
        K::Exe => "a Windows program",
        K::Ole => "an OLE file (an Outlook .msg or an older Office document)",
        K::Other => "binary data",
    }
}

/// Why the XML is not well-formed (the clause after "not well-formed: ").
pub(crate) fn xml_problem(p: &crate::xml::Problem) -> String {
    use crate::xml::{AttributeFault as A, Problem as P};
    match p {
        P::UnknownMarkup => {
            "'<!' starts something that is not a comment, CDATA section or DOCTYPE".to_owned()
        }
        P::DeclarationWithoutVersion { found: None } => {
            "the XML declaration <?xml …?> has no version".to_owned()
        }
        P::DeclarationWithoutVersion { found: Some(a) } => {
            format!("the XML declaration starts with {a} instead of version")
        }
        P::UnmatchedEndTag { name } => format!("the end tag </{name}> closes no open element"),
        P::MismatchedEndTag { expected, found } => {
            format!("</{found}> is found where </{expected}> should close <{expected}>")
        }
        P::DoubleHyphenInComment => "a comment contains '--'".to_owned(),
        P::Attribute { element, fault } => format!(
            "an attribute of <{element}> {}",
            match fault {
                A::ExpectedEquals => "is not followed by '='",
                A::ExpectedValue => "has '=' but no value",
                A::UnquotedValue => "has a value without quotes",
                A::UnclosedQuote => "has a value whose closing quote is missing",
                A::Duplicated => "appears twice",
            }
        ),
        P::LessThanInAttribute { element, attribute } => {
            format!("the value of attribute {attribute} on <{element}> contains '<'")
        }
        P::UnknownEntity { name } => {
            format!("&{name}; is not one of XML's entities (&amp; &lt; &gt; &quot; &apos;)")
        }
        P::UnterminatedEntity => {
            "an '&' is not followed by a name and ';' (a literal & is written &amp;)".to_owned()
        }
        P::InvalidCharacterReference { codepoint: Some(c) } => {
            format!("the character reference to code point {c} is not an allowed character")
        }
        P::InvalidCharacterReference { codepoint: None } => {
            "a character reference (&#…;) is not a number".to_owned()
        }
        P::Encoding => "some bytes are not text".to_owned(),
        P::Other => "the XML reader refuses it (a namespace or read error)".to_owned(),
    }
}

/// Which safety budget (the clause after "exceeds a safety budget: ").
pub(crate) fn xml_budget(b: &crate::xml::Budget) -> String {
    use crate::xml::Budget as B;
    match b {
        B::Attributes { element, limit } => format!("more than {limit} attributes on <{element}>"),
        B::Elements { limit } => format!("more than {} elements", num(*limit as u64, ',')),
        B::Depth { limit } => format!("nesting deeper than {limit} levels"),
    }
}

/// Why text is not base64 (the clause after "not valid base64: ").
pub(crate) fn base64_problem(p: &crate::key::Base64Problem) -> String {
    use crate::key::Base64Problem as P;
    match *p {
        P::InvalidCharacter { offset, byte } => format!("character {} ({}) is not a base64 character", offset + 1, shown_byte(byte)),
        P::InvalidLength { length } => format!("{length} base64 characters cannot encode a whole number of bytes"),
        P::InvalidLastCharacter { offset, byte } => format!("the last character ({}, character {}) has bits set that base64 leaves zero, so the text was cut or altered", shown_byte(byte), offset + 1),
        P::InvalidPadding => "the '=' padding at the end is missing or wrong".to_owned(),
    }
}

/// A byte as a quoted character when it is printable ASCII, else as hex.
fn shown_byte(b: u8) -> String {
    if b.is_ascii_graphic() {
        format!("'{}'", char::from(b))
    } else {
        format!("0x{b:02X}")
    }
}

// ---- XrML documents and signatures --------------------------------------------------------

fn xrml(f: &crate::xrml::Found) -> Text {
    match *f {}
}

// ---- step 4: the chain ----------------------------------------------------------------------

fn chain(f: &crate::chain::Found) -> Text {
    match *f {}
}

// ---- step 2: trust prerequisites -----------------------------------------------------------

fn trust(f: &crate::trust::Found) -> Text {
    match *f {}
}
