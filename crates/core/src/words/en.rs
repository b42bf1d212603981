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
    match *f {}
}

// ---- XrML documents and signatures --------------------------------------------------------

fn xrml(f: &crate::xrml::Found) -> Text {
    use crate::policy::HashAlg;
    use crate::xml::{XmlBudget, XmlError, XmlProblem};
    use crate::xrml::{Extra, Found, KeyProblem, PartyRole, Wrapper};

    fn xml_error(e: &XmlError) -> String {
        match e {
            XmlError::Truncated { open, .. } if open == "(prolog)" => {
                "the text ends before the first element is complete".into()
            }
            XmlError::Truncated { open, .. } => {
                format!("the text ends while <{open}> is still open")
            }
            XmlError::Malformed { pos, problem } => {
                let what = match problem {
                    XmlProblem::MismatchedEnd { expected, found } => {
                        format!("</{found}> stands where </{expected}> was expected")
                    }
                    XmlProblem::UnmatchedEnd { found } => {
                        format!("the end tag </{found}> has no start tag")
                    }
                    XmlProblem::BadAttribute => {
                        "an attribute is not written as name=\"value\" (or appears twice)".into()
                    }
                    XmlProblem::LtInAttribute { attribute, element } => {
                        format!("the value of attribute {attribute} on <{element}> contains a '<'")
                    }
                    XmlProblem::BadEscape => {
                        "an entity or character reference (&…;) is unknown or unterminated".into()
                    }
                    XmlProblem::BadMarkup => "there is <! markup of an unknown kind".into(),
                    XmlProblem::Other => "there is a syntax error".into(),
                };
                format!("{what} (at byte {})", num(*pos as u64, ','))
            }
            XmlError::Doctype { .. } => "it declares a DOCTYPE, which is refused".into(),
            XmlError::Budget { budget, .. } => match budget {
                XmlBudget::Elements { limit } => {
                    format!("it has more than {} elements", num(*limit as u64, ','))
                }
                XmlBudget::Depth { limit } => format!("it is nested deeper than {limit} levels"),
                XmlBudget::Attributes { element, limit } => {
                    format!("<{element}> has more than {limit} attributes")
                }
            },
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
                    "{complete} complete XrML document(s) and {u} start(s) without </XrML>"
                ),
            };
            t(
                format!("The <{holder}> element at line {line} holds {what}; it holds exactly one certificate."),
                "Download the certificate chain again; do not import a file that was edited.",
            )
        }
        Found::LiteralAndEscaped { literal } => t(
            format!("The file holds {literal} XrML document start(s) as literal XML and more documents as escaped text (an enrollment response); another program could read either set."),
            COMBINED,
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
                Wrapper::SoapChain => format!("The {documents} certificate(s) came inside a SOAP CertificateChain and were read from it."),
                Wrapper::EscapedResponse => format!("The {documents} certificate(s) came as escaped text inside the offline enrollment response (LicensorCertificateChain) and were read from it."),
                Wrapper::Bare => format!("The {documents} certificate(s) were read as they are in the file."),
            },
            "Nothing to fix.",
        ),
        Found::NotWellFormed { document, error } => t(
            format!(
                "XrML document {} cannot be read as XML: {}.",
                document + 1,
                xml_error(error)
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
                    .map(|d| format!("{}/{} ×{}", d.parent, d.element, d.count))
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
                "Document(s) {} matched their digest after removing whitespace between tags (a pretty-printed copy).",
                list(documents)
            ),
            "Nothing to fix; genuine RMS output is compact, so prefer the file exactly as downloaded.",
        ),
        Found::Sha1Legacy { documents } => t(
            format!(
                "Document(s) {} are signed with SHA-1 (cryptographic mode 1).",
                list(documents)
            ),
            "Nothing to fix: Windows RMS 1.0 chains use SHA-1; it is accepted as legacy.",
        ),
    }
}

// ---- step 4: the chain ----------------------------------------------------------------------

fn chain(f: &crate::chain::Found) -> Text {
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
    fn plural(n: impl Into<i128>, one: &str, many: &str) -> String {
        let n = n.into();
        format!("{n} {}", if n == 1 { one } else { many })
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
                plural(*documents as u64, "XrML document", "XrML documents"),
                kinds.join(", "),
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
                plural(*length as u64, "certificate", "certificates")
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
        Found::SlcExpired { expired, days_ago } => t(
            format!(
                "The SLC expired on {expired} ({} ago).",
                plural(*days_ago, "day", "days")
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
                plural(*days_remaining, "day", "days")
            ),
            "Plan the renewal now.",
        ),
        Found::SlcExpiryUnknown {} => t(
            "The SLC gives no end to its ISSUE right or validity time, so its expiry is unknown.",
            "Download the certificate chain again from the enrollment service.",
        ),
        Found::SlcNotYetValid { valid_from, now } => t(
            format!("The SLC is not valid before {valid_from}; it is now {now}."),
            "Check this computer's clock (and --at); if it is right, ask why the certificate is post-dated.",
        ),
        Found::AnchorTest { name, fingerprint } => t(
            format!("The chain ends at the trust anchor \"{name}\" (key fingerprint {fingerprint}), loaded from a file: it is NOT the pinned Microsoft DRM Production Root, whatever its name says. This is a test verdict, not a Microsoft one."),
            "For a chain from Microsoft, check it against the pinned root (without --anchor; on the page, use the pinned Microsoft root).",
        ),
        Found::RequestHasErrors { file, errors } => t(
            format!(
                "The request{} has {} of its own, so no certificate can be said to answer it (see `slc-courier request`, or step 1).",
                file.as_deref().map(|f| format!(" {f}")).unwrap_or_default(),
                plural(*errors as u64, "error", "errors")
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
    match *f {}
}
