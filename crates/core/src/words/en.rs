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
    match *f {}
}

// ---- step 2: trust prerequisites -----------------------------------------------------------

fn trust(f: &crate::trust::Found) -> Text {
    match *f {}
}
