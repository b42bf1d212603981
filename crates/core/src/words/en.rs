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
        What::Submit(f) => submit(f),
    }
}

/// One line saying what `code` means.
pub fn describe(code: Code) -> &'static str {
    code.description()
}

/// `n` and the noun in the number it takes (`1 document`, `2 documents`).
fn count<N: Copy + std::fmt::Display + TryInto<i128>>(n: N, one: &str, many: &str) -> String {
    format!(
        "{n} {}",
        if n.try_into().ok() == Some(1) {
            one
        } else {
            many
        }
    )
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
        Input::Unreadable { name } => t(
            format!("{name} could not be read: the browser or the system refused to give its bytes."),
            "Check that the file still exists, is not locked by another program and that you may read it, then choose it again.",
        ),
        Input::DeclaredEncoding { declared, utf16 } => t(
            format!(
                "The XML declaration says encoding=\"{declared}\", but the file is {} text: an XML reader (the enrollment service's, the RMS server's) reads other characters than these, or refuses the file.",
                if *utf16 { "UTF-16" } else { "UTF-8 (or ASCII)" }
            ),
            "Use the file as it was exported or downloaded; if it was saved again in an editor, save it with the encoding its first line names, or export or download it again.",
        ),
    }
}

// ---- step 3: the enrollment address -----------------------------------------------------------

fn submit(f: &crate::submit::Found) -> Text {
    use crate::submit::Found;
    const EXAMPLE: &str = "Type the address of your organisation's enrollment service, e.g. https://rms.example.com/_wmcs/certification/, or choose \"Reset to default\".";
    match f {
        Found::Empty => t("No enrollment address is given, so there is nothing to open or send to.", EXAMPLE),
        Found::NotUrl { text } => t(format!("\"{text}\" is not a web address (it needs https:// and a host name)."), EXAMPLE),
        Found::SchemeRefused { scheme } => t(
            format!("Addresses starting with \"{scheme}:\" are not opened or posted to; only https (or http, with a warning) is used."),
            EXAMPLE,
        ),
        Found::Credentials { host } => t(
            format!("The address for {host} holds a user name or password; it is not used."),
            "Remove the user name and password from the address; the enrollment site asks for them itself if it needs them.",
        ),
        Found::Http { host } => t(
            format!("{host} is addressed over plain http: the request travels unencrypted and the site cannot be authenticated."),
            "Use the https address of the enrollment service if it has one. The request holds only public data, but a proxy could answer in the service's place.",
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
    const CHOOSE: &str = "For step 1 choose the request exported by the RMS server (<server>EnrollRequest.xml or <server>RenewRequest.xml)";
    match f {
        F::Empty => t("The file is empty (0 bytes).", EXPORT_AGAIN),
        F::BinaryFile { kind, first_bytes } => t(
            format!(
                "This is {}, not a text file (it starts with {}).",
                file_kind(*kind),
                hex_bytes(first_bytes)
            ),
            if *kind == crate::request::FileKind::DerCertificate {
                format!("A root certificate (.cer) belongs in step 2, not here. {CHOOSE}")
            } else {
                format!("{CHOOSE}; a file of another kind may have been renamed to .xml.")
            },
        ),
        F::Pem { label } => {
            let certificate = label.ends_with("CERTIFICATE");
            t(
                if certificate {
                    format!("This is a certificate in PEM form (-----BEGIN {label}-----), not the exported request.")
                } else {
                    format!("This is PEM text (-----BEGIN {label}-----), not the exported request.")
                },
                if certificate {
                    format!("A root certificate belongs in step 2, not here. {CHOOSE}.")
                } else if label.contains("PRIVATE") {
                    format!("It holds a private key: do not carry or share it. {CHOOSE}.")
                } else {
                    format!("{CHOOSE}.")
                },
            )
        }
        F::TextNotXml { lines, first_line } => t(
            format!(
                "This is plain text ({}), not XML: it has no element anywhere. Its first line: \"{first_line}\".",
                if *lines == 1 { "1 line".to_owned() } else { format!("{} lines", n(*lines)) }
            ),
            format!("{CHOOSE}; it starts with <?xml or <EnrollParameters."),
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
        F::UnexpectedAttribute {
            element,
            attribute,
            value,
        } => t(
            if attribute.ends_with(":nil") || attribute == "nil" {
                format!("<{element}> carries {attribute}=\"{value}\": to the enrollment service's reader the value may be empty (null), whatever text it holds.")
            } else {
                format!("<{element}> carries the attribute {attribute}=\"{value}\", which the request schema does not have; another reader may take it into account.")
            },
            "Remove the attribute, or export the request again; the RMS export writes no attributes on these elements.",
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

/// What a binary file is, as a noun phrase ("a PNG image"); also used by the page.
pub fn file_kind(k: crate::request::FileKind) -> &'static str {
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
        K::DerCertificate => "a certificate in binary DER form (a .cer file)",
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
        P::InvalidCharacter { codepoint } => format!(
            "the character U+{codepoint:04X} is not allowed in XML (only tab, line feed and \
             carriage return below U+0020; never U+FFFE or U+FFFF): delete it"
        ),
        P::DeclarationNotFirst => "an XML declaration <?xml …?> stands after the start of the \
                                   text; it may only come first: delete it"
            .to_owned(),
        P::InvalidName { name } => format!(
            "'{name}' is not an XML name (a name starts with a letter or '_', and has at most \
             one ':', between a prefix and a local name)"
        ),
        P::UndeclaredPrefix { prefix } => {
            format!("the prefix '{prefix}:' is used but no xmlns:{prefix}=\"…\" declares it")
        }
        P::ReservedNamespace { prefix } => format!(
            "the namespace declaration of '{prefix}' is reserved: 'xml' is bound only to its \
             own URI, 'xmlns' is never declared, no other prefix takes their URIs and no \
             prefix is bound to an empty one"
        ),
        P::CdataEndInText => "the text contains ']]>', which may only end a CDATA section: \
                              write it as ']]&gt;'"
            .to_owned(),
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
    use crate::policy::HashAlg;
    use crate::xml::XmlError;
    use crate::xrml::{Extra, Found, KeyProblem, PartyRole, Rendering, SlotExtra, Wrapper};

    fn xml_error(e: &XmlError) -> String {
        match e {
            XmlError::Truncated { open: None, .. } => {
                "the text ends before the first element is complete".into()
            }
            XmlError::Truncated {
                open: Some(open), ..
            } => {
                format!("the text ends while <{open}> is still open")
            }
            XmlError::Malformed { pos, problem } => {
                format!(
                    "{} (at byte {})",
                    xml_problem(problem),
                    num(*pos as u64, ',')
                )
            }
            XmlError::Doctype { .. } => "it declares a DOCTYPE, which is refused".into(),
            XmlError::Budget { budget, .. } => format!("it has {}", xml_budget(budget)),
            XmlError::NoRoot => "it contains no XML element".into(),
        }
    }
    fn extra(e: &Extra) -> String {
        match e {
            Extra::Attribute {
                element,
                name,
                value,
            } => format!("attribute {name}=\"{value}\" on {element}"),
            Extra::Text { element } => format!("text inside {element}"),
            Extra::Element { name, parent } => format!("element <{name}> inside {parent}"),
            Extra::Namespaced { name } => format!("element <{name}> in a namespace"),
            Extra::SignatureFirst => "SIGNATURE before BODY".into(),
            Extra::ParameterValues { count } => {
                format!("{count} VALUE elements in one PARAMETER")
            }
        }
    }
    fn hash(h: HashAlg) -> &'static str {
        match h {
            HashAlg::Sha1 => "SHA-1",
            HashAlg::Sha256 => "SHA-256",
        }
    }
    fn list(docs: &[usize]) -> String {
        docs.iter()
            .map(|d| (d + 1).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }
    const DAMAGED: &str = "The certificate is damaged. Download it again.";
    const COMBINED: &str = "Download the certificate chain again; do not combine files.";
    const CHOOSE: &str = "Choose the certificate chain file downloaded from the enrollment service (it contains <XrML> documents).";
    match f {
        Found::TooLarge { size, limit } => t(
            format!(
                "The file is {}; the limit is {}, so it was not read.",
                bytes(*size),
                bytes(*limit)
            ),
            "Choose the downloaded certificate chain; it is a few kilobytes.",
        ),
        Found::FileEmpty => t("The file is empty (0 bytes).", CHOOSE),
        Found::NoXrml { size } => t(
            format!(
                "No <XrML> certificate was found in the file ({}).",
                bytes(*size)
            ),
            CHOOSE,
        ),
        Found::RequestNotCertificate => t(
            "This file is the enrollment request (EnrollParameters), not the certificate the service returned.",
            "Use it in step 1. Here, choose the certificate chain file you downloaded from the enrollment site.",
        ),
        Found::BrowserView { view } => t(
            match view {
                Rendering::WebPage => "This is a web page the browser saved while showing the certificates (HTML, with the certificates as displayed text), not the file the enrollment service returned.",
                Rendering::StyleBanner => "This is the browser's display of the certificate file (the page that says the XML file has no style information), saved or copied; it is not the file itself.",
                Rendering::CollapsibleTree => "This is Internet Explorer's display of the certificate file (with a '-' before each element), saved or copied; it is not the file itself.",
            },
            "Save the file itself, as downloaded: on the enrollment site use Save (or right-click → \"Save link as…\") for the certificate chain, not \"Save as web page\" and not a copy from the browser window. Then choose that file here.",
        ),
        Found::NotUtf8 { start, invalid_at } => t(
            format!(
                "The XrML document that starts at byte {} contains bytes that are not UTF-8 (the first at byte {}).",
                num(*start as u64, ','),
                num(*invalid_at as u64, ',')
            ),
            "The file was damaged in transfer. Download the certificate chain again.",
        ),
        Found::Unterminated { count, holder } => {
            let inside = holder
                .as_ref()
                .map_or(String::new(), |h| format!(" (in <{h}>)"));
            t(
                if *count == 1 {
                    format!("An XrML document{inside} starts here but never ends: the text ends, or another document starts, before its </XrML>.")
                } else {
                    format!("{count} XrML documents{inside} start but never end (the text ends, or another document starts, before their </XrML>); the first starts here.")
                },
                "The file is truncated or was edited. Download the certificate chain again and do not open it in an editor.",
            )
        }
        Found::TooManyDocuments { limit } => t(
            format!(
                "More than {} XrML documents start in this file; the rest was not read.",
                num(*limit as u64, ',')
            ),
            "Choose the downloaded certificate chain: it has four documents.",
        ),
        Found::HolderMultipleDocuments {
            holder,
            line,
            complete,
            unterminated,
        } => {
            let what = match unterminated {
                0 => format!("{complete} XrML documents"),
                u => format!(
                    "{} and {} without </XrML>",
                    count(*complete, "complete XrML document", "complete XrML documents"),
                    count(*u, "start", "starts")
                ),
            };
            t(
                format!("The <{holder}> element at line {line} holds {what}; it holds exactly one certificate."),
                "Download the certificate chain again; do not import a file that was edited.",
            )
        }
        Found::Doctype { offset } => t(
            format!("The file declares a DOCTYPE at byte {}; a DTD can give the certificates attributes or entities that another program applies and this one does not, so it is refused.", num(*offset as u64, ',')),
            "A genuine certificate file has no DOCTYPE. Download the certificate chain again.",
        ),
        Found::LiteralAndEscaped { literal } => t(
            format!("The file holds {} as literal XML and more documents as escaped text (an enrollment response); another program could read either set.", count(*literal, "XrML document start", "XrML document starts")),
            COMBINED,
        ),
        Found::SlotContent {
            holder,
            line,
            content,
        } => t(
            match content {
                SlotExtra::Text => format!("The <{holder}> element at line {line} holds other text beside its XrML document; it holds exactly one document (only whitespace around it)."),
                SlotExtra::Element { name } => format!("The <{holder}> element at line {line} holds an element <{name}>; it is text holding exactly one escaped XrML document, with no elements inside."),
                SlotExtra::NoDocument => format!("The <{holder}> element at line {line} holds text that is no XrML document; it holds exactly one certificate."),
            },
            "Download the certificate chain again; do not import a file that was edited. In the element named, remove everything but the one document.",
        ),
        Found::SoapCertificateContent { line, content } => t(
            match content {
                SlotExtra::Text => format!("The <Certificate> element at line {line} holds other text beside its <XrML> element; it holds exactly one certificate as an <XrML> element."),
                SlotExtra::Element { name } => format!("The <Certificate> element at line {line} holds an element <{name}> that is no <XrML> document; it holds exactly one certificate as an <XrML> element."),
                SlotExtra::NoDocument => format!("The <Certificate> element at line {line} holds no <XrML> element (it is empty or holds only text); it holds exactly one certificate as an <XrML> element."),
            },
            "Download the certificate chain again; do not import a file that was edited. Each certificate is an <XrML> element directly inside its <Certificate>.",
        ),
        Found::SoapHidden { document } => t(
            format!("Document {} is not an element inside a <Certificate>: it stands in a comment (<!-- -->), a CDATA section or a processing instruction, or outside any <Certificate>. An XML reader sees no certificate there.", document + 1),
            "Download the certificate chain again; do not import a file that was edited. Each certificate is an <XrML> element directly inside its <Certificate>.",
        ),
        Found::SlotRepeated {
            holder,
            line,
            count,
        } => t(
            format!("The <{holder}> element appears {count} times (the second at line {line}); it appears once, otherwise another program could read another copy."),
            "Download the certificate chain again; do not import a file that was edited. Remove the second element from the line named.",
        ),
        Found::ResponseTrailing { offset } => t(
            format!(
                "Content follows the end of the enrollment response at byte {} (a second response or other data); another program could read either.",
                num(*offset as u64, ',')
            ),
            COMBINED,
        ),
        Found::ResponseUnreadable { error } => t(
            format!(
                "The enrollment response holding the certificates cannot be read: {}.",
                xml_error(error)
            ),
            "The response is cut off or damaged. Download it again.",
        ),
        Found::Wrapped { wrapper, documents } => t(
            match wrapper {
                Wrapper::SoapChain => format!("{} came inside a SOAP CertificateChain and were read from it.", count(*documents, "XrML document", "XrML documents")),
                Wrapper::EscapedResponse => format!("{} came as escaped text inside the offline enrollment response (LicensorCertificateChain) and were read from it.", count(*documents, "XrML document", "XrML documents")),
                Wrapper::Bare => format!("{} were read as they are in the file.", count(*documents, "XrML document", "XrML documents")),
            },
            "Nothing to fix.",
        ),
        Found::NotWellFormed { document, error } => t(
            format!(
                "XrML document {} cannot be read as XML: {}.",
                document + 1,
                match error.as_ref() {
                    // The position is the document's; the finding's place is the file's.
                    XmlError::Malformed { pos, problem } => format!(
                        "{} (at byte {} of the document)",
                        xml_problem(problem),
                        num(*pos as u64, ',')
                    ),
                    e => xml_error(e),
                }
            ),
            "The certificate was damaged or edited. Download it again.",
        ),
        Found::NoBody { document } => t(
            format!("XrML document {} has no BODY.", document + 1),
            DAMAGED,
        ),
        Found::DuplicateElement {
            document,
            duplicates,
        } => t(
            format!(
                "XrML document {} has {}: another reader could take the other copy, so neither is verified.",
                document + 1,
                duplicates
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            "The document was edited. Download the certificate chain again.",
        ),
        Found::UnsignedContent { document, extras } => {
            let more = match extras.len().saturating_sub(Found::SHOWN) {
                0 => String::new(),
                n => format!(" and {n} more"),
            };
            t(
                format!(
                    "XrML document {} holds content the signature does not cover: {}{more}.",
                    document + 1,
                    extras
                        .iter()
                        .take(Found::SHOWN)
                        .map(extra)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                "The document was edited. Download the certificate chain again.",
            )
        }
        Found::TimeInvalid {
            document,
            element,
            value,
        } => t(
            format!(
                "{} \"{value}\" in XrML document {} is not a time (YYYY-MM-DDThh:mm).",
                element.path(),
                document + 1
            ),
            DAMAGED,
        ),
        Found::KeyUnreadable {
            document,
            party,
            reason,
        } => t(
            format!(
                "The {} public key of XrML document {} cannot be read: {}.",
                match party {
                    PartyRole::Issuer => "issuer's",
                    PartyRole::Principal => "principal's",
                },
                document + 1,
                match reason {
                    KeyProblem::ModulusNotBase64 => "its modulus is not valid base64",
                    KeyProblem::ModulusEmpty => "its modulus is empty",
                    KeyProblem::ExponentNotInteger => "its public-exponent is not a whole number",
                }
            ),
            DAMAGED,
        ),
        Found::NoIssuerKey { document } => t(
            format!("XrML document {} has no ISSUER/PUBLICKEY with a public-exponent and a modulus, so its signature cannot be checked.", document + 1),
            DAMAGED,
        ),
        Found::NoSignature { document } => t(
            format!("XrML document {} has no SIGNATURE.", document + 1),
            "Only signed certificates can be checked. Download the certificate chain again.",
        ),
        Found::SignatureIncomplete { document, missing } => t(
            format!(
                "The SIGNATURE of XrML document {} lacks {}.",
                document + 1,
                missing
                    .iter()
                    .map(|m| m.path())
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
            DAMAGED,
        ),
        Found::SignatureBase64Invalid { document, element } => t(
            format!(
                "{} of XrML document {} is not valid base64.",
                element.path(),
                document + 1
            ),
            DAMAGED,
        ),
        Found::DigestAlgorithmUnknown {
            document,
            algorithm,
        } => t(
            format!(
                "Document {} names digest algorithm \"{algorithm}\".",
                document + 1
            ),
            "Only SHA1 and SHA256 are used by RMS. The certificate is not genuine or is damaged.",
        ),
        Found::HashNotAccepted { document, hash: h } => t(
            format!(
                "Document {} is signed with {}, which the policy does not accept.",
                document + 1,
                hash(*h)
            ),
            "Change the policy or obtain a certificate with an accepted algorithm.",
        ),
        Found::SignatureAlgorithmUnknown {
            document,
            algorithm,
        } => t(
            format!(
                "Document {} names signature algorithm \"{algorithm}\".",
                document + 1
            ),
            "RMS signs with RSA PKCS#1 v1.5: the certificate is not genuine or is damaged.",
        ),
        Found::DigestMismatch { document, kind } => t(
            format!(
                "Document {} ({kind}): the hash of its BODY does not equal the signed digest.",
                document + 1
            ),
            "The certificate was altered after signing (edited, re-saved, or damaged). Download it again and do not open it in an editor.",
        ),
        Found::SignatureInvalid {
            document,
            kind,
            key_bits,
        } => t(
            format!(
                "Document {} ({kind}): the RSA signature does not verify with the issuer's key ({key_bits}-bit).",
                document + 1
            ),
            "The certificate is forged or damaged. Download it again from the enrollment service.",
        ),
        Found::WhitespaceStripped { documents } => t(
            format!(
                "{} {} {} digest only after removing whitespace between tags (a pretty-printed copy).",
                if documents.len() == 1 { "Document" } else { "Documents" },
                list(documents),
                if documents.len() == 1 { "matched its" } else { "matched their" }
            ),
            "Nothing to fix; genuine RMS output is compact, so prefer the file exactly as downloaded.",
        ),
        Found::Sha1Legacy { documents } => t(
            format!(
                "{} {} {} signed with SHA-1 (cryptographic mode 1).",
                if documents.len() == 1 { "Document" } else { "Documents" },
                list(documents),
                if documents.len() == 1 { "is" } else { "are" }
            ),
            "Nothing to fix: Windows RMS 1.0 chains use SHA-1; it is accepted as legacy.",
        ),
    }
}

// ---- step 4: the chain ----------------------------------------------------------------------

fn chain(f: &crate::chain::Found) -> Text {
    let f = &f.shown();
    use crate::chain::{Found, ENROLLMENT_SERVICE, SELF_ENROLLMENT_SERVICE};
    /// Document numbers, at most ten of them shown.
    fn list(n: &[usize]) -> String {
        let shown: Vec<String> = n.iter().take(10).map(|d| d.to_string()).collect();
        if n.len() > 10 {
            format!("{}, … ({} in all)", shown.join(", "), n.len())
        } else {
            shown.join(", ")
        }
    }
    fn short(fp: &Option<String>) -> String {
        match fp {
            Some(f) => format!("fingerprint {}…", f.get(..16).unwrap_or(f)),
            None => "unreadable".to_owned(),
        }
    }
    fn when(t: &Option<crate::time::UtcTime>) -> String {
        t.map_or_else(|| "?".to_owned(), |t| t.to_string())
    }
    const MIXED: &str = "The chain was assembled from different sources. Download it again.";
    const NOT_THIS: &str = "Do not carry it back. Find the certificate downloaded for this request, or submit this request again.";
    const COMBINED: &str = "Download it again; do not combine files.";
    match f {
        Found::NoSlc { documents, kinds } => t(
            format!(
                "The file has {} ({}{}), but no Server Licensor Certificate issued by \"{ENROLLMENT_SERVICE}\" or \"{SELF_ENROLLMENT_SERVICE}\".",
                count(*documents as u64, "XrML document", "XrML documents"),
                kinds
                    .iter()
                    .map(|k| if k.trim().is_empty() { "unreadable" } else { k.as_str() })
                    .collect::<Vec<_>>()
                    .join(", "),
                if *documents > kinds.len() { ", …" } else { "" },
            ),
            "Choose the SLC chain downloaded from the enrollment service (its first certificate is the Server-Licensor-Certificate issued to your server).",
        ),
        Found::AmbiguousLeaf { documents } => t(
            format!(
                "Documents {} are all Server Licensor Certificates issued by an enrollment service; the chain's leaf would be ambiguous.",
                list(documents)
            ),
            format!("A genuine response holds one SLC. {COMBINED}"),
        ),
        Found::Reordered { order } => t(
            format!(
                "The certificates were not in chain order; they were read leaf first, as documents {}.",
                list(order)
            ),
            "Nothing to fix.",
        ),
        Found::TooLong { limit } => t(
            format!("The chain is longer than {limit} certificates."),
            "A genuine SLC chain has four certificates. Download it again.",
        ),
        Found::IssuerKeyMismatch {
            document,
            issuer,
            holder,
        } => t(
            format!("Certificate {document} names \"{issuer}\" as issuer, but its issuer key differs from the key certificate {holder} gives \"{issuer}\"."),
            "The certificate was not issued by the certificate that follows it (forged or mixed chain). Download it again.",
        ),
        Found::UntrustedRoot { document, issuer } => t(
            format!("Certificate {document} names \"{issuer}\" as issuer, but its key is not the key of a trusted root."),
            "This chain was not issued by Microsoft's production hierarchy (a test or forged chain). Do not import it.",
        ),
        Found::IssuerMissing { issuer } => t(
            format!("The certificate of the issuer \"{issuer}\" is missing: no certificate in the file is issued to that issuer's key."),
            "Download the complete chain (all four certificates: SLC, enrollment service, enrollment CA, CA) again.",
        ),
        Found::LinkIdMismatch {
            document,
            issuer_id,
            holder_id,
        } => t(
            format!("Certificate {document} names issuer ID \"{issuer_id}\", but the certificate holding that key is issued to \"{holder_id}\"."),
            MIXED,
        ),
        Found::LinkNameMismatch {
            document,
            issuer_name,
            holder_name,
        } => t(
            format!("Certificate {document} names its issuer \"{issuer_name}\", but the certificate holding that key is issued to \"{holder_name}\"."),
            MIXED,
        ),
        Found::ShapePosition {
            strict,
            document,
            position,
            found_type,
            found_issuer,
            expected_type,
            expected_issuers,
        } => t(
            format!(
                "Certificate {document} of the chain is \"{found_type}\" issued by \"{found_issuer}\"; position {position} of an SLC chain is \"{expected_type}\" issued by {}.",
                expected_issuers
                    .iter()
                    .map(|i| format!("\"{i}\""))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
            if *strict {
                "Check that this is an SLC chain from the Microsoft enrollment service."
            } else {
                "Check that this is an SLC chain; under a test anchor this is only a warning, for test hierarchies of their own."
            },
        ),
        Found::ShapeLength {
            strict,
            length,
            expected,
        } => t(
            format!(
                "The chain has {} from the SLC to the trust anchor; an SLC chain has {expected}.",
                count(*length as u64, "certificate", "certificates")
            ),
            if *strict {
                "Check that this is an SLC chain from the Microsoft enrollment service."
            } else {
                "Check that this is an SLC chain; under a test anchor this is only a warning, for test hierarchies of their own."
            },
        ),
        Found::KeySize {
            document,
            kind,
            bits,
        } => t(
            format!("Certificate {document} ({kind}) certifies an RSA-{bits} key; RMS uses RSA-1024 or RSA-2048."),
            "The chain is not genuine. Download it again.",
        ),
        Found::SlotMismatch {
            document,
            slot,
            expected_position,
            position,
        } => t(
            match (expected_position, position) {
                (None, _) => format!("The enrollment response holds document {document} in an element <{slot}>, which is not one of the four places MS-RMPR names (SLC, EnrollmentServiceCert, EnrollmentCACert, CACert)."),
                (Some(e), Some(p)) => format!("The enrollment response holds document {document} in <{slot}>, the place of chain position {e}, but it is at position {p} of the chain."),
                (Some(e), None) => format!("The enrollment response holds document {document} in <{slot}>, the place of chain position {e}, but that document is not on the chain at all."),
            },
            "A program importing the response reads the certificates by these names and would take the wrong one. Download the response again; do not edit it.",
        ),
        Found::ExtraCertificates { documents } => t(
            if documents.len() == 1 {
                format!("Document {} is an SLC-chain certificate that is not on the path from the SLC to the trust anchor.", list(documents))
            } else {
                format!("Documents {} are SLC-chain certificates that are not on the path from the SLC to the trust anchor.", list(documents))
            },
            format!("A genuine response holds the four certificates of one chain. {COMBINED}"),
        ),
        Found::IssuedOutsideRange {
            document,
            issued,
            from,
            until,
        } => t(
            format!(
                "Certificate {document} was issued {issued}, outside its issuer's ISSUE range {} – {}.",
                when(from),
                when(until)
            ),
            "The issuer had no authority to issue it then; the certificate is not genuine. Download it again.",
        ),
        Found::TimeMissing { document, missing } => t(
            format!(
                "Certificate {document} on the chain has no {}: whether it was issued within its issuer's ISSUE range (or the next certificate within its own) cannot be checked, so the chain is not genuine.",
                missing.iter().map(|e| e.path()).collect::<Vec<_>>().join(" and ")
            ),
            "Every certificate of a genuine SLC chain has an ISSUEDTIME and an ISSUE right with RANGETIME FROM and UNTIL. Download the certificate chain again from the enrollment service and keep the files unchanged.",
        ),
        Found::SlcExpired { expired, days_ago } => t(
            format!(
                "The SLC expired on {expired} ({} ago).",
                count(*days_ago, "day", "days")
            ),
            "Renew the SLC: export a renewal request on the RMS server and submit it.",
        ),
        Found::SlcExpiringSoon {
            expires,
            days_remaining,
            threshold,
        } => t(
            format!(
                "The SLC expires on {expires}, in {} (less than {threshold}).",
                count(*days_remaining, "day", "days")
            ),
            "Plan the renewal now.",
        ),
        Found::SlcExpiryUnknown {} => t(
            "The SLC gives no end to its ISSUE right (RIGHT name=\"ISSUE\", its RANGETIME UNTIL), so its expiry is unknown; a validity time does not stand in for it.",
            "Download the certificate chain again from the enrollment service.",
        ),
        Found::SlcNotYetValid { valid_from, now } => t(
            format!("The SLC is not valid before {valid_from}; it is now {now}."),
            "Check this computer's clock (on the command line: the time given with --at); if it is right, ask why the certificate is post-dated.",
        ),
        Found::AnchorTest { name, fingerprint } => t(
            format!("The chain ends at the trust anchor \"{name}\" (key fingerprint {fingerprint}), loaded from a file: it is NOT the pinned Microsoft DRM Production Root, whatever its name says. This is a test verdict, not a Microsoft one."),
            "For a chain from Microsoft, check it against the pinned Microsoft root: on the page, click \"Use the Microsoft root\"; on the command line, leave out --anchor.",
        ),
        Found::RequestHasErrors { file, errors } => t(
            format!(
                "The request{} has {} of its own, so no certificate can be said to answer it (see `slc-courier request`, or step 1).",
                file.as_deref().map(|f| format!(" {f}")).unwrap_or_default(),
                count(*errors as u64, "error", "errors")
            ),
            "Fix the request first: export it again on the RMS server, check it in step 1, then check the certificate against it.",
        ),
        Found::PairGuidMismatch {
            certificate_guid,
            request_guid,
        } => t(
            format!(
                "This certificate does not answer this request: it is issued to server {certificate_guid} but the request is from {}.",
                request_guid.as_deref().unwrap_or("(no GUID)")
            ),
            NOT_THIS,
        ),
        Found::PairKeyMismatch {
            certificate_key,
            request_key,
        } => t(
            format!(
                "This certificate does not answer this request: its server key ({}) differs from the key in the request ({}).",
                short(certificate_key),
                short(request_key)
            ),
            NOT_THIS,
        ),
    }
}

/// Why an anchor key file was refused, in English.
pub fn anchor_error(e: &crate::policy::AnchorError) -> String {
    use crate::policy::AnchorError;
    match e {
        AnchorError::MissingLine { field } => format!(
            "This is not a trust anchor key file: it has no {}= line (a key file has issuer_id=, public_exponent= and modulus_base64_xrml= lines).",
            field.key()
        ),
        AnchorError::ExponentInvalid { value } => format!(
            "The key cannot be read: public_exponent= is \"{value}\", not a whole number such as 65537."
        ),
        AnchorError::ModulusNotBase64 => {
            "The key cannot be read: modulus_base64_xrml= is not valid base64.".to_owned()
        }
        AnchorError::ModulusEmpty => {
            "The key cannot be read: modulus_base64_xrml= holds an empty modulus.".to_owned()
        }
    }
}

/// Why a typed time (`--at`) is not a strict RFC 3339 time, in English.
pub fn time_error(e: &crate::time::TimeError) -> String {
    use crate::time::{TimeError, TimePart};
    match e {
        TimeError::Syntax { at, expected } => {
            let what = match expected {
                TimePart::Year => "a four-digit year",
                TimePart::DashAfterYear => "'-' after the year",
                TimePart::Month => "a two-digit month",
                TimePart::DashAfterMonth => "'-' after the month",
                TimePart::Day => "a two-digit day",
                TimePart::T => "'T' between the date and the time",
                TimePart::Hour => "a two-digit hour",
                TimePart::ColonAfterHour => "':' after the hour",
                TimePart::Minutes => "two-digit minutes",
                TimePart::Seconds => "two-digit seconds",
                TimePart::FractionDigit => "a digit after '.'",
                TimePart::ZoneOrOffset => "'Z' or an offset such as +01:00",
                TimePart::OffsetHours => "two-digit offset hours",
                TimePart::OffsetColon => "':' in the offset",
                TimePart::OffsetMinutes => "two-digit offset minutes",
                TimePart::End => "the end of the time",
            };
            format!("expected {what} at character {}", at + 1)
        }
        TimeError::Date { year, month, day } => {
            format!("there is no date {year:04}-{month:02}-{day:02}")
        }
        TimeError::TimeOfDay {
            hour,
            minute,
            second,
        } => format!("{hour:02}:{minute:02}:{second:02} is not a time of day"),
        TimeError::Offset {
            negative,
            hours,
            minutes,
        } => format!(
            "the offset {}{hours:02}:{minutes:02} is out of range (hours 00-23, minutes 00-59)",
            if *negative { '-' } else { '+' }
        ),
    }
}

// ---- step 2: trust prerequisites -----------------------------------------------------------

fn trust(f: &crate::trust::Found) -> Text {
    use crate::policy::CLOCK_AHEAD_LIMIT_DAYS;
    use crate::trust::{ClockProblem, Found};
    const EXPORT_ROOT: &str = "Export the root from certmgr.msc (Trusted Root Certification Authorities → Certificates → the root → All Tasks → Export, DER or Base-64 encoded .cer) and drop that file.";
    match f {
        Found::RootParseFailed {
            pem_label: None,
            size,
        } => t(
            format!(
                "The file ({}) is not an X.509 certificate: neither PEM nor DER.",
                bytes(*size as u64)
            ),
            EXPORT_ROOT,
        ),
        Found::RootParseFailed {
            pem_label: Some(label),
            ..
        } if label.contains("CERTIFICATE") => t(
            format!("The file's PEM block ({label}) does not hold a readable X.509 certificate: it is damaged or cut short."),
            EXPORT_ROOT,
        ),
        Found::RootParseFailed {
            pem_label: Some(label),
            ..
        } => t(
            format!("The file holds a PEM block labelled {label}, not a certificate."),
            EXPORT_ROOT,
        ),
        Found::RootGteExpired { not_after } => t(
            format!(
                "This is the GTE CyberTrust Global Root (serial 01A5) that the procedure names; it expired on {}.",
                not_after.date()
            ),
            "The Microsoft enrollment site's TLS moved to Baltimore CyberTrust Root and then to DigiCert Global Root G2 / Microsoft RSA Root CA 2017. Make sure those are trusted (Windows Update's root certificate update); the GTE root no longer helps.",
        ),
        Found::RootExpired { subject, not_after } => t(
            format!("\"{subject}\" expired on {}.", not_after.date()),
            "An expired root does not make a site trusted. Install the current root through Windows Update.",
        ),
        Found::RootUnrecognised { subject } => t(
            format!("\"{subject}\" is not one of the roots the procedure or Microsoft's current services name."),
            "Nothing to fix if you meant this root; the procedure names GTE CyberTrust Global Root, now replaced by DigiCert Global Root G2 and Microsoft RSA Root CA 2017.",
        ),
        Found::EnvInsecureContext {} => t(
            "The page is not a secure context.",
            "Nothing to fix for this tool (it does not need Web Crypto); if you host it, serve it over HTTPS.",
        ),
        Found::EnvOffline {} => t(
            "The browser reports that it is offline.",
            "Connect this workstation to the internet before step 3 (submit); the other steps work offline.",
        ),
        Found::EnvClockSuspect {
            clock,
            built,
            problem: ClockProblem::BeforeBuild,
        } => t(
            format!("The clock says {clock}, which is before this tool was built ({built})."),
            "Set this computer's date and time; certificate expiry is judged against it.",
        ),
        Found::EnvClockSuspect {
            clock,
            built,
            problem: ClockProblem::FarAhead,
        } => t(
            format!(
                "The clock says {clock}, more than {} years after this tool was built ({built}): that is not plausible.",
                CLOCK_AHEAD_LIMIT_DAYS / 365
            ),
            "Set this computer's date and time; certificate expiry is judged against it, and with a clock this far ahead every certificate looks expired. If the date is right, use a newer build of this tool.",
        ),
        Found::EnvLocalFileMode {} => t(
            "The page runs from a local file (file://): it sends nothing unless you probe the enrollment address (this step) or submit (step 3).",
            "Nothing to fix.",
        ),
        Found::ProbeReached { url, scheme } => t(
            if scheme == "https" {
                format!("{url} answered over HTTPS: this browser trusted the site's TLS certificate, and a server — the service, or a proxy in its place — sent a response.")
            } else {
                format!("{url} answered over plain {}: a server — the service, or a proxy in its place — sent a response. No certificate was involved.", scheme.to_uppercase())
            },
            "Nothing to fix. The browser does not let the page see the response's status or content, so this does not show that the enrollment service works; opening the page in step 3 does.",
        ),
        Found::ProbeUnreachable { url, scheme } => t(
            if scheme == "https" {
                format!("The HTTPS request to {url} failed before any answer: the name does not resolve, the server is down or refuses the connection, a proxy, a firewall or the browser blocked it, or this browser does not trust its TLS certificate. The browser does not tell the page which.")
            } else {
                format!("The plain {} request to {url} failed before any answer: the name does not resolve, the server is down or refuses the connection, or a proxy, a firewall or the browser blocked it (a page opened over https may not request http addresses). The browser does not tell the page which.", scheme.to_uppercase())
            },
            "Open the address in the browser to see which. Microsoft decommissioned the Windows RMS enrollment service; if it no longer answers, the SLC cannot be renewed through it (see KB 2853958).",
        ),
        Found::ProbeTimedOut { url, scheme, seconds } => t(
            format!("The {} request to {url} got no answer within {seconds} seconds; the page cancelled it.", scheme.to_uppercase()),
            "The server may be slow, or a firewall may drop the connection without a word. Open the address in the browser to see. Microsoft decommissioned the Windows RMS enrollment service; if it no longer answers, the SLC cannot be renewed through it (see KB 2853958).",
        ),
    }
}

/// A fact the page measured: its label and value.
pub(crate) fn measured(m: &crate::trust::Measured) -> crate::trust::Row {
    use crate::trust::{ClockProblem, Measured};
    let (title, detail): (&str, String) = match *m {
        Measured::WebAssembly => ("WebAssembly", "available (this page runs on it)".into()),
        Measured::SecureContext { secure } => {
            ("Secure context", if secure { "yes" } else { "no" }.into())
        }
        Measured::WebCrypto { available } => (
            "Web Crypto (crypto.subtle)",
            if available {
                "available"
            } else {
                "not available (not needed: hashes are computed in WebAssembly)"
            }
            .into(),
        ),
        Measured::Online { online } => (
            "Network (the browser's hint)",
            if online {
                "connected — this says nothing about whether the enrollment address can be reached"
            } else {
                "no connection"
            }
            .into(),
        ),
        Measured::Clock { now, problem } => (
            "Clock",
            match problem {
                None => format!("{now} (UTC)"),
                Some(ClockProblem::BeforeBuild) => {
                    format!("{now} (UTC), before this tool was built")
                }
                Some(ClockProblem::FarAhead) => {
                    format!("{now} (UTC), years after this tool was built")
                }
            },
        ),
        Measured::Mode { local_file } => (
            "Mode",
            if local_file {
                "local file (file://)"
            } else {
                "hosted page"
            }
            .into(),
        ),
    };
    crate::trust::Row {
        title: title.into(),
        detail,
    }
}

/// A check only the user can make: what, how, and how to read the output.
pub(crate) fn manual(c: crate::trust::Check) -> crate::trust::CheckText {
    use crate::trust::Check;
    let (title, detail, reading) = match c {
        Check::TrustedSitesZone => (
            "The enrollment site is in the Trusted sites zone",
            "The procedure asks for this on a computer with an enhanced browser security configuration. A site's zone can be set in six places; each command below lists one of them (run them in a command prompt).",
            Some("What the output means: in Domains and EscDomains each site is a key named after its domain (for https://activation.drm.microsoft.com: microsoft.com\\activation.drm) with a value named after the scheme (https, or * for every scheme); its data is the zone: 0x2 is Trusted sites (0x1 Local intranet, 0x3 Internet, 0x4 Restricted sites). In ZoneMapKey each value is named after the site itself and the data 2 means Trusted sites. \"ERROR: The system was unable to find the specified registry key or value\" means nothing is set in that place. While IE Enhanced Security Configuration is on (Windows Server), the EscDomains lists apply instead of Domains; a Group Policy list (ZoneMapKey) takes precedence over the lists set by hand."),
        ),
        Check::AddTrustedSite => (
            "Add the enrollment site to Trusted sites",
            "If it is not there: open Internet Options (Start → Run → inetcpl.cpl) → Security → Trusted sites → Sites, and add this address. If Group Policy manages the list, ask whoever manages the policy.",
            None,
        ),
        Check::GteRootInStore => (
            "GTE CyberTrust Global Root in the machine's root store (what the procedure names)",
            "This root expired on 2018-08-13; it no longer matters. The procedure names it because it was the root of the TLS certificate of Microsoft's enrollment site. Microsoft's sites moved to Baltimore CyberTrust Root (itself expired 2025-05-12) and then to DigiCert Global Root G2 and Microsoft RSA Root Certificate Authority 2017 (next item). An expired root makes no site trusted, and the service it vouched for has been decommissioned. For your organisation's own enrollment site, what counts is that this browser trusts that site's certificate (the probe under \"This browser\" shows it for an https address).",
            Some("To see whether it is still in the store: certutil prints the certificate when it is present, and reports that the command FAILED (\"Object was not found\") when it is not."),
        ),
        Check::CurrentRootsInStore => (
            "The roots that replaced it, in the machine's root store",
            "DigiCert Global Root G2 and Microsoft RSA Root Certificate Authority 2017; Windows Update's root certificate update installs them.",
            Some("certutil prints the certificate when it is present, and reports that the command FAILED (\"Object was not found\") when it is not."),
        ),
    };
    crate::trust::CheckText {
        title: title.into(),
        detail: detail.into(),
        reading: reading.map(Into::into),
    }
}

/// Where a site's zone can be set.
pub(crate) fn zone_place(z: crate::trust::ZonePlace) -> String {
    use crate::trust::ZonePlace;
    match z {
        ZonePlace::UserDomains => "Set by hand, for this user (Domains)",
        ZonePlace::MachineDomains => "Set for every user of this computer (Domains)",
        ZonePlace::UserEscDomains => {
            "With IE Enhanced Security Configuration on, for this user (EscDomains)"
        }
        ZonePlace::MachineEscDomains => {
            "With IE Enhanced Security Configuration on, for every user (EscDomains)"
        }
        ZonePlace::MachinePolicy => {
            "Group Policy, computer configuration (Site to Zone Assignment List)"
        }
        ZonePlace::UserPolicy => "Group Policy, user configuration (Site to Zone Assignment List)",
    }
    .into()
}

// ---- the workbench: RAC kinds and documents as found --------------------------------------

fn span_words(minutes: i64) -> String {
    if minutes <= 1440 {
        count(minutes, "minute", "minutes")
    } else {
        count(minutes / 1440, "day", "days")
    }
}

/// How a RAC's kind was told: `marked Persistent`, `by its validity of 15 minutes` (inferred),
/// `no validity period`; a marker other than `Persistent` is quoted as written.
pub fn rac_basis(b: &crate::workbench::RacBasis) -> String {
    use crate::workbench::RacBasis;
    let other = |m: &Option<String>| {
        m.as_ref()
            .map(|v| format!("; type \"{v}\" as written"))
            .unwrap_or_default()
    };
    match b {
        RacBasis::Marked { value } => format!("marked {value}"),
        RacBasis::Validity { minutes, marker } => {
            format!(
                "by its validity of {}{}",
                span_words(*minutes),
                other(marker)
            )
        }
        RacBasis::Unknown { marker } => format!("no validity period to tell by{}", other(marker)),
    }
}

/// A RAC's kind with how it was told: `RAC (temporary, by its validity of 15 minutes)`.
pub fn rac(temporary: bool, b: &crate::workbench::RacBasis) -> String {
    let kind = if temporary { "temporary" } else { "permanent" };
    format!("RAC ({kind}, {})", rac_basis(b))
}

/// Where a document's original bytes stand: `3,214 bytes at offset 1,024, UTF-16LE, escaped`.
pub fn as_found(a: &crate::workbench::AsFound) -> String {
    use crate::workbench::Encoding;
    let enc = match a.encoding {
        Encoding::Utf8 => "UTF-8",
        Encoding::Utf16Le => "UTF-16LE",
        Encoding::Utf16Be => "UTF-16BE",
    };
    format!(
        "{} at offset {}, {enc}{}",
        bytes(a.length as u64),
        num(a.offset as u64, ','),
        if a.escaped {
            ", escaped text (&lt;XrML …), not XML as it stands"
        } else {
            ""
        }
    )
}
