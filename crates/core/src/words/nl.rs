//! Nederlands, in the terms of Microsoft's Dutch documentation.

use super::{num, t};
use crate::finding::{Code, Expected, Input, Text, What};

/// The message and fix of `w` in Dutch.
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

/// One line saying what `code` means, in Dutch.
pub fn describe(code: Code) -> &'static str {
    #[allow(clippy::match_single_binding)]
    match code {
        _ => code.description(),
    }
}

fn bytes(n: u64) -> String {
    format!("{} bytes", num(n, '.'))
}

fn expected(e: Expected) -> &'static str {
    match e {
        Expected::Request => "Kies het geëxporteerde <server>EnrollRequest.xml of <server>RenewRequest.xml; een aanvraag is ongeveer 2 kB.",
        Expected::Chain => "Kies de certificaatketen die u van de inschrijvingsservice hebt gedownload; die is ongeveer 12 kB.",
        Expected::Root => "Kies het basiscertificaat dat u uit certmgr.msc hebt geëxporteerd (.cer, ongeveer 1 kB).",
        Expected::Anchor => "Kies het basiscertificaat (XrML) of het sleutelbestand van het testlaboratorium.",
        Expected::Xrml => "Kies RMS XrML-bestanden (certificaten en licenties zijn elk enkele kilobytes).",
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
                "{name} is {}; de limiet is hier {}, dus het is niet gelezen.",
                bytes(*size),
                bytes(*limit)
            ),
            expected(*e),
        ),
    }
}

// ---- stap 1: de aanvraag -------------------------------------------------------------------

fn request(f: &crate::request::Found) -> Text {
    match *f {}
}

// ---- XrML-documenten en handtekeningen -----------------------------------------------------

fn xrml(f: &crate::xrml::Found) -> Text {
    use crate::policy::HashAlg;
    use crate::xml::{XmlBudget, XmlError, XmlProblem};
    use crate::xrml::{Extra, Found, KeyProblem, PartyRole, Wrapper};

    fn xml_error(e: &XmlError) -> String {
        match e {
            XmlError::Truncated { open, .. } if open == "(prolog)" => {
                "de tekst houdt op voordat het eerste element compleet is".into()
            }
            XmlError::Truncated { open, .. } => {
                format!("de tekst houdt op terwijl <{open}> nog open is")
            }
            XmlError::Malformed { pos, problem } => {
                let what = match problem {
                    XmlProblem::MismatchedEnd { expected, found } => {
                        format!("</{found}> staat waar </{expected}> werd verwacht")
                    }
                    XmlProblem::UnmatchedEnd { found } => {
                        format!("de eindtag </{found}> heeft geen begintag")
                    }
                    XmlProblem::BadAttribute => {
                        "een kenmerk is niet geschreven als naam=\"waarde\" (of komt twee keer voor)".into()
                    }
                    XmlProblem::LtInAttribute { attribute, element } => {
                        format!("de waarde van kenmerk {attribute} op <{element}> bevat een '<'")
                    }
                    XmlProblem::BadEscape => {
                        "een entiteit- of tekenverwijzing (&…;) is onbekend of niet afgesloten".into()
                    }
                    XmlProblem::BadMarkup => "er staat <!-opmaak van een onbekende soort".into(),
                    XmlProblem::Other => "er is een syntaxisfout".into(),
                };
                format!("{what} (bij byte {})", num(*pos as u64, '.'))
            }
            XmlError::Doctype { .. } => "het declareert een DOCTYPE, en dat wordt geweigerd".into(),
            XmlError::Budget { budget, .. } => match budget {
                XmlBudget::Elements { limit } => {
                    format!("het bevat meer dan {} elementen", num(*limit as u64, '.'))
                }
                XmlBudget::Depth { limit } => {
                    format!("het is dieper genest dan {limit} niveaus")
                }
                XmlBudget::Attributes { element, limit } => {
                    format!("<{element}> heeft meer dan {limit} kenmerken")
                }
            },
            XmlError::NoRoot => "het bevat geen enkel XML-element".into(),
        }
    }
    fn extra(e: &Extra) -> String {
        match e {
            Extra::Attribute {
                element,
                name,
                value,
            } => format!("kenmerk {name}=\"{value}\" op {element}"),
            Extra::Text { element } => format!("tekst in {element}"),
            Extra::Element { name, parent } => format!("element <{name}> in {parent}"),
            Extra::Namespaced { name } => format!("element <{name}> in een naamruimte"),
            Extra::SignatureFirst => "SIGNATURE vóór BODY".into(),
            Extra::ParameterValues { count } => {
                format!("{count} VALUE-elementen in één PARAMETER")
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
    const DAMAGED: &str = "Het certificaat is beschadigd. Download het opnieuw.";
    const COMBINED: &str = "Download de certificaatketen opnieuw; voeg geen bestanden samen.";
    const CHOOSE: &str = "Kies het bestand met de certificaatketen dat u van de inschrijvingsservice hebt gedownload (het bevat <XrML>-documenten).";
    match f {
        Found::TooLarge { size, limit } => t(
            format!(
                "Het bestand is {}; de limiet is {}, dus het is niet gelezen.",
                bytes(*size),
                bytes(*limit)
            ),
            "Kies de gedownloade certificaatketen; die is enkele kilobytes groot.",
        ),
        Found::FileEmpty => t("Het bestand is leeg (0 bytes).", CHOOSE),
        Found::NoXrml { size } => t(
            format!(
                "Er is geen <XrML>-certificaat in het bestand gevonden ({}).",
                bytes(*size)
            ),
            CHOOSE,
        ),
        Found::RequestNotCertificate => t(
            "Dit bestand is de inschrijvingsaanvraag (EnrollParameters), niet het certificaat dat de service heeft teruggestuurd.",
            "Gebruik het in stap 1. Kies hier het bestand met de certificaatketen dat u van de inschrijvingssite hebt gedownload.",
        ),
        Found::NotUtf8 { start, invalid_at } => t(
            format!(
                "Het XrML-document dat bij byte {} begint, bevat bytes die geen UTF-8 zijn (de eerste bij byte {}).",
                num(*start as u64, '.'),
                num(*invalid_at as u64, '.')
            ),
            "Het bestand is bij het overzetten beschadigd. Download de certificaatketen opnieuw.",
        ),
        Found::Unterminated { count, holder } => {
            let inside = holder
                .as_ref()
                .map_or(String::new(), |h| format!(" (in <{h}>)"));
            t(
                if *count == 1 {
                    format!("Een XrML-document{inside} begint hier maar eindigt nooit: de tekst houdt op, of een ander document begint, vóór de </XrML>.")
                } else {
                    format!("{count} XrML-documenten{inside} beginnen maar eindigen nooit (de tekst houdt op, of een ander document begint, vóór hun </XrML>); het eerste begint hier.")
                },
                "Het bestand is afgekapt of bewerkt. Download de certificaatketen opnieuw en open deze niet in een editor.",
            )
        }
        Found::TooManyDocuments { limit } => t(
            format!(
                "In dit bestand beginnen meer dan {} XrML-documenten; de rest is niet gelezen.",
                num(*limit as u64, '.')
            ),
            "Kies de gedownloade certificaatketen: die bevat vier documenten.",
        ),
        Found::HolderMultipleDocuments {
            holder,
            line,
            complete,
            unterminated,
        } => {
            let what = match unterminated {
                0 => format!("{complete} XrML-documenten"),
                u => format!(
                    "{complete} volledig(e) XrML-document(en) en {u} begin(nen) zonder </XrML>"
                ),
            };
            t(
                format!("Het element <{holder}> op regel {line} bevat {what}; het hoort precies één certificaat te bevatten."),
                "Download de certificaatketen opnieuw; importeer geen bestand dat is bewerkt.",
            )
        }
        Found::LiteralAndEscaped { literal } => t(
            format!("Het bestand bevat {literal} XrML-document(en) als letterlijke XML en daarnaast documenten als tekst met escapetekens (een inschrijvingsantwoord); een ander programma kan de ene of de andere set lezen."),
            COMBINED,
        ),
        Found::ResponseTrailing { offset } => t(
            format!(
                "Na het einde van het inschrijvingsantwoord volgt nog inhoud, bij byte {} (een tweede antwoord of andere gegevens); een ander programma kan het ene of het andere lezen.",
                num(*offset as u64, '.')
            ),
            COMBINED,
        ),
        Found::ResponseUnreadable { error } => t(
            format!(
                "Het inschrijvingsantwoord met de certificaten kan niet worden gelezen: {}.",
                xml_error(error)
            ),
            "Het antwoord is afgekapt of beschadigd. Download het opnieuw.",
        ),
        Found::Wrapped { wrapper, documents } => t(
            match wrapper {
                Wrapper::SoapChain => format!("De {documents} certificaten zaten in een SOAP-CertificateChain en zijn daaruit gelezen."),
                Wrapper::EscapedResponse => format!("De {documents} certificaten kwamen als tekst met escapetekens in het offline inschrijvingsantwoord (LicensorCertificateChain) en zijn daaruit gelezen."),
                Wrapper::Bare => format!("De {documents} certificaten zijn gelezen zoals ze in het bestand staan."),
            },
            "U hoeft niets te doen.",
        ),
        Found::NotWellFormed { document, error } => t(
            format!(
                "XrML-document {} kan niet als XML worden gelezen: {}.",
                document + 1,
                xml_error(error)
            ),
            "Het certificaat is beschadigd of bewerkt. Download het opnieuw.",
        ),
        Found::NoBody { document } => t(
            format!("XrML-document {} heeft geen BODY.", document + 1),
            DAMAGED,
        ),
        Found::DuplicateElement {
            document,
            duplicates,
        } => t(
            format!(
                "XrML-document {} heeft {}: een ander programma kan de andere kopie nemen, dus geen van beide wordt geverifieerd.",
                document + 1,
                duplicates
                    .iter()
                    .map(|d| format!("{}/{} ×{}", d.parent, d.element, d.count))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            "Het document is bewerkt. Download de certificaatketen opnieuw.",
        ),
        Found::UnsignedContent { document, extras } => {
            let more = match extras.len().saturating_sub(Found::SHOWN) {
                0 => String::new(),
                n => format!(" en nog {n}"),
            };
            t(
                format!(
                    "XrML-document {} bevat inhoud die niet door de handtekening wordt gedekt: {}{more}.",
                    document + 1,
                    extras
                        .iter()
                        .take(Found::SHOWN)
                        .map(extra)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                "Het document is bewerkt. Download de certificaatketen opnieuw.",
            )
        }
        Found::TimeInvalid {
            document,
            element,
            value,
        } => t(
            format!(
                "{} \"{value}\" in XrML-document {} is geen tijd (JJJJ-MM-DDTuu:mm).",
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
                "De openbare sleutel van de {} in XrML-document {} kan niet worden gelezen: {}.",
                match party {
                    PartyRole::Issuer => "uitgever (ISSUER)",
                    PartyRole::Principal => "ontvanger (PRINCIPAL)",
                },
                document + 1,
                match reason {
                    KeyProblem::ModulusNotBase64 => "de modulus is geen geldige base64",
                    KeyProblem::ModulusEmpty => "de modulus is leeg",
                    KeyProblem::ExponentNotInteger => "de public-exponent is geen geheel getal",
                }
            ),
            DAMAGED,
        ),
        Found::NoIssuerKey { document } => t(
            format!("XrML-document {} heeft geen ISSUER/PUBLICKEY met een public-exponent en een modulus, dus de handtekening kan niet worden gecontroleerd.", document + 1),
            DAMAGED,
        ),
        Found::NoSignature { document } => t(
            format!("XrML-document {} heeft geen SIGNATURE.", document + 1),
            "Alleen ondertekende certificaten kunnen worden gecontroleerd. Download de certificaatketen opnieuw.",
        ),
        Found::SignatureIncomplete { document, missing } => t(
            format!(
                "De SIGNATURE van XrML-document {} mist {}.",
                document + 1,
                missing
                    .iter()
                    .map(|m| m.path())
                    .collect::<Vec<_>>()
                    .join(" en ")
            ),
            DAMAGED,
        ),
        Found::SignatureBase64Invalid { document, element } => t(
            format!(
                "{} van XrML-document {} is geen geldige base64.",
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
                "Document {} noemt \"{algorithm}\" als hash-algoritme voor de digest.",
                document + 1
            ),
            "RMS gebruikt alleen SHA1 en SHA256. Het certificaat is niet echt of is beschadigd.",
        ),
        Found::HashNotAccepted { document, hash: h } => t(
            format!(
                "Document {} is ondertekend met {}, dat het beleid niet accepteert.",
                document + 1,
                hash(*h)
            ),
            "Pas het beleid aan of verkrijg een certificaat met een geaccepteerd algoritme.",
        ),
        Found::SignatureAlgorithmUnknown {
            document,
            algorithm,
        } => t(
            format!(
                "Document {} noemt \"{algorithm}\" als handtekeningalgoritme.",
                document + 1
            ),
            "RMS ondertekent met RSA PKCS#1 v1.5: het certificaat is niet echt of is beschadigd.",
        ),
        Found::DigestMismatch { document, kind } => t(
            format!(
                "Document {} ({kind}): de hash van de BODY is niet gelijk aan de ondertekende digest.",
                document + 1
            ),
            "Het certificaat is na het ondertekenen gewijzigd (bewerkt, opnieuw opgeslagen of beschadigd). Download het opnieuw en open het niet in een editor.",
        ),
        Found::SignatureInvalid {
            document,
            kind,
            key_bits,
        } => t(
            format!(
                "Document {} ({kind}): de RSA-handtekening klopt niet met de sleutel van de uitgever ({key_bits} bits).",
                document + 1
            ),
            "Het certificaat is vervalst of beschadigd. Download het opnieuw van de inschrijvingsservice.",
        ),
        Found::WhitespaceStripped { documents } => t(
            format!(
                "Document(en) {} kwamen pas overeen met hun digest nadat de witruimte tussen de tags was verwijderd (een opgemaakte kopie).",
                list(documents)
            ),
            "U hoeft niets te doen; echte RMS-uitvoer is compact, dus gebruik bij voorkeur het bestand precies zoals het is gedownload.",
        ),
        Found::Sha1Legacy { documents } => t(
            format!(
                "Document(en) {} zijn ondertekend met SHA-1 (cryptografische modus 1).",
                list(documents)
            ),
            "U hoeft niets te doen: ketens van Windows RMS 1.0 gebruiken SHA-1; dit wordt als verouderd geaccepteerd.",
        ),
    }
}

// ---- stap 4: de keten ------------------------------------------------------------------------

fn chain(f: &crate::chain::Found) -> Text {
    match *f {}
}

// ---- stap 2: vertrouwensvoorwaarden --------------------------------------------------------

fn trust(f: &crate::trust::Found) -> Text {
    match *f {}
}
