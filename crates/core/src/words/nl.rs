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
    use crate::request::{BrowserView, Found as F, ENROLL_NS};
    let n = |x: usize| num(u64::try_from(x).unwrap_or(u64::MAX), '.');
    const EXPORT_AGAIN: &str = "Exporteer de aanvraag opnieuw op de RMS-server (Inschrijven of Vernieuwen → Off line → Exporteren) en klik op Opslaan, niet op Openen.";
    const INCOMPLETE: &str = "Het bestand is onvolledig (afgebroken tijdens het kopiëren of downloaden). Exporteer het opnieuw en vergelijk de bestandsgrootte.";
    const KEEP_ONE: &str = "Laat er één staan, of exporteer de aanvraag opnieuw.";
    match f {
        F::Empty => t("Het bestand is leeg (0 bytes).", EXPORT_AGAIN),
        F::BinaryFile { kind, first_bytes } => t(
            format!(
                "Dit is {}, geen tekstbestand (het begint met {}).",
                file_kind(*kind),
                hex_bytes(first_bytes)
            ),
            "Kies de aanvraag die de RMS-server heeft geëxporteerd (<server>EnrollRequest.xml of <server>RenewRequest.xml); mogelijk is een ander soort bestand hernoemd naar .xml.",
        ),
        F::Blank { size } => t(
            format!("Het bestand bevat alleen witruimte ({}), geen XML.", bytes(*size as u64)),
            EXPORT_AGAIN,
        ),
        F::Utf8Bom => t(
            "Het bestand begint met de UTF-8-bytevolgordemarkering (BOM) EF BB BF.",
            "Sla het bestand op als ANSI (Kladblok: Opslaan als → Codering: ANSI) of exporteer het opnieuw; MS-RMPR staat geen extra bytes aan het begin toe.",
        ),
        F::Utf16 { encoding, bom } => t(
            format!(
                "Het bestand is UTF-16-tekst{}{}; het is gelezen, maar de inschrijvingsservice verwacht ASCII.",
                utf16_order(*encoding),
                if *bom { " met een bytevolgordemarkering" } else { "" }
            ),
            "Een editor heeft het als Unicode opnieuw opgeslagen. Exporteer de aanvraag opnieuw, of sla het bestand op als ANSI (Kladblok: Opslaan als → Codering: ANSI).",
        ),
        F::Utf16OddLength { size } => t(
            format!(
                "Het UTF-16-bestand heeft een oneven aantal bytes ({}): de laatste byte ontbreekt.",
                n(*size)
            ),
            INCOMPLETE,
        ),
        F::InvalidUtf8 { offset, byte } => t(
            format!(
                "Byte 0x{byte:02X} op positie {} is geen geldige UTF-8 of ASCII.",
                n(*offset)
            ),
            "Het bestand is bij het overzetten beschadigd of is niet de geëxporteerde aanvraag. Exporteer het opnieuw.",
        ),
        F::NulBytes { count } => t(
            if *count == 1 {
                "Het bestand bevat een NUL-byte, op de aangegeven plaats.".to_owned()
            } else {
                format!(
                    "Het bestand bevat {} NUL-bytes; de eerste staat op de aangegeven plaats.",
                    n(*count)
                )
            },
            "Het bestand is opgevuld of beschadigd (bijvoorbeeld een onvolledige kopie naar USB). Exporteer het opnieuw.",
        ),
        F::NonAscii { count, first } => t(
            if *count == 1 {
                format!(
                    "Het bestand bevat een teken dat geen ASCII is: U+{:04X} '{first}'.",
                    u32::from(*first)
                )
            } else {
                format!(
                    "Het bestand bevat {} tekens die geen ASCII zijn; het eerste is U+{:04X} '{first}'.",
                    n(*count),
                    u32::from(*first)
                )
            },
            "MS-RMPR vereist ASCII. Verwijder of vervang het teken (vaak een typografisch aanhalingsteken of een met de hand getypte letter met accent), of exporteer de aanvraag opnieuw.",
        ),
        F::CrlfLineEndings => t(
            "Regels eindigen op CR LF (Windows-regeleinden).",
            "U hoeft niets te doen: regeleinden maken voor de service niet uit.",
        ),
        F::BrowserRendering { view } => t(
            match view {
                BrowserView::StyleBanner => "Dit is hoe een browser de XML weergeeft (de pagina met de melding dat het XML-bestand geen stijlinformatie heeft), opgeslagen of gekopieerd; het is niet het geëxporteerde bestand.",
                BrowserView::CollapsibleTree => "Dit is hoe Internet Explorer de XML weergeeft (met een '-' vóór elk element), opgeslagen of gekopieerd; het is niet het geëxporteerde bestand.",
            },
            "Klik op de RMS-server op Exporteren en daarna op Opslaan (niet op Openen), en neem het opgeslagen bestand mee. Kopieer de XML niet uit een browservenster.",
        ),
        F::HtmlWrapper => t(
            "Het bestand is een HTML-pagina (\"Opslaan als webpagina\") met de aanvraag erin.",
            "Sla de aanvraag opnieuw op met Opslaan (of \"Opslaan als type: Alle bestanden\"), niet als webpagina.",
        ),
        F::LeadingJunk { chars } => t(
            if *chars == 1 {
                "Er staat 1 teken vóór het begin van de XML.".to_owned()
            } else {
                format!("Er staan {} tekens vóór het begin van de XML.", n(*chars))
            },
            "Verwijder alles vóór <?xml (of vóór <EnrollParameters>), of exporteer de aanvraag opnieuw.",
        ),
        F::TextBeforeRoot => t(
            "Er staat tekst vóór het hoofdelement.",
            "Verwijder de tekst vóór <EnrollParameters>, of exporteer de aanvraag opnieuw.",
        ),
        F::TrailingJunk { chars, root } => t(
            if *chars == 1 {
                format!("Na het einde van </{root}> volgt nog 1 teken.")
            } else {
                format!("Na het einde van </{root}> volgen nog {} tekens.", n(*chars))
            },
            format!("Verwijder alles na de afsluitende tag </{root}>; MS-RMPR staat daarna niets meer toe."),
        ),
        F::Truncated { open } => t(
            match open {
                Some(o) => format!("Het bestand houdt op terwijl <{o}> nog open is."),
                None => "Het bestand houdt op voordat het eerste element compleet is.".to_owned(),
            },
            INCOMPLETE,
        ),
        F::NoElement => t("Het bestand bevat helemaal geen XML-element.", EXPORT_AGAIN),
        F::XmlMalformed { problem } => t(
            format!("De XML is niet goed gevormd: {}.", xml_problem(problem)),
            "Het bestand is met de hand bewerkt of beschadigd. Exporteer het opnieuw in plaats van het te herstellen.",
        ),
        F::Doctype => t(
            "Het bestand declareert een DOCTYPE; entiteitsdeclaraties worden geweigerd en nooit uitgevouwen.",
            "Een echte aanvraag heeft geen DOCTYPE. Exporteer de aanvraag opnieuw.",
        ),
        F::XmlBudget { budget } => t(
            format!("De XML overschrijdt een veiligheidslimiet: {}.", xml_budget(budget)),
            "Dit is geen echte aanvraag (die heeft ongeveer 15 elementen). Kies het geëxporteerde bestand.",
        ),
        F::SecondRequest { element } => t(
            format!("Na de eerste aanvraag volgt een tweede (<{element}>); elk van beide kan de bedoelde zijn, dus geen van beide wordt gelezen."),
            "Eén aanvraag per bestand: exporteer de aanvraag opnieuw op de RMS-server.",
        ),
        F::SoapEnvelope => t(
            "De aanvraag zit in een SOAP-envelop (Envelope/Body/Enroll/oInput); de parameters zijn daaruit gelezen.",
            "U hoeft niets te doen als de inschrijvingspagina het accepteert; de offline pagina verwacht het kale EnrollParameters-document.",
        ),
        F::CertificateNotRequest => t(
            "Dit is een XrML-certificaat (misschien het gedownloade serverlicentieverleningscertificaat), niet de geëxporteerde aanvraag.",
            "Gebruik dit bestand in stap 4 (certificaat controleren). Kies voor stap 1 <server>EnrollRequest.xml of <server>RenewRequest.xml.",
        ),
        F::NotARequest { root } => t(
            format!("Het hoofdelement is <{root}>, niet <EnrollParameters>."),
            "Kies het bestand dat u in Windows RMS-beheer hebt geëxporteerd (Inschrijven of Vernieuwen → Off line → Exporteren).",
        ),
        F::WrongNamespace { element, namespace } => t(
            match namespace {
                Some(ns) => format!("<{element}> staat in naamruimte \"{ns}\", niet in {ENROLL_NS}."),
                None => format!("<{element}> heeft geen naamruimte; het hoort in {ENROLL_NS} te staan."),
            },
            format!("Het hoofdelement moet xmlns=\"{ENROLL_NS}\" hebben. Exporteer de aanvraag opnieuw."),
        ),
        F::ChildNamespace {
            element,
            parent,
            namespace,
        } => t(
            match namespace {
                Some(ns) => format!("<{element}> binnen <{parent}> staat in naamruimte \"{ns}\", niet in die van <{parent}>."),
                None => format!("<{element}> binnen <{parent}> heeft geen naamruimte, anders dan <{parent}>."),
            },
            "Verwijder de naamruimtedeclaratie, of exporteer de aanvraag opnieuw.",
        ),
        F::MissingElement { parent, names } => t(
            format!("<{parent}> bevat geen {}.", elements(names, " of ")),
            "Het bestand is onvolledig of bewerkt. Exporteer de aanvraag opnieuw.",
        ),
        F::UnexpectedElement { element, parent } => t(
            format!("<{element}> hoort niet in <{parent}>."),
            "Verwijder het element; de RMS-export schrijft het nooit.",
        ),
        F::DuplicateElement {
            element,
            parent,
            count,
        } => t(
            format!("<{element}> komt {} keer voor in <{parent}>.", n(*count)),
            KEEP_ONE,
        ),
        F::AmbiguousParameters {
            parent,
            names,
            count,
        } => t(
            format!(
                "<{parent}> bevat {} elementen met de naam {}; de parameters kunnen uit elk ervan komen, dus er wordt geen gelezen.",
                n(*count),
                elements(names, " of ")
            ),
            KEEP_ONE,
        ),
        F::ElementOrder {
            element,
            parent,
            order,
        } => t(
            format!("<{element}> staat na een element dat er volgens het schema na hoort te komen."),
            format!("Zet de elementen binnen <{parent}> in de volgorde {}.", order.join(", ")),
        ),
        F::RevocationNonRevocable => t(
            "RevocationType is NonRevocable; MS-RMPR noemt dat \"niet ondersteund\".",
            "Kies op de RMS-server standaardintrekking (of aangepaste intrekking met een sleutel van een intrekkingsautoriteit) en exporteer opnieuw.",
        ),
        F::RevocationTypeInvalid { value } => t(
            format!("RevocationType heeft de waarde \"{value}\"."),
            "Het moet StandardRevocation of CustomRevocation zijn (hoofdlettergevoelig). Exporteer de aanvraag opnieuw.",
        ),
        F::RevocationAuthoritiesMissing => t(
            "CustomRevocation is gekozen, maar er is geen intrekkingsautoriteit opgegeven.",
            "Voeg op de RMS-server de openbare sleutel van de intrekkingsautoriteit toe, of kies standaardintrekking; exporteer daarna opnieuw.",
        ),
        F::RevocationAuthoritiesUnexpected { revocation_type } => t(
            match revocation_type {
                Some(ty) => format!("aRevocationAuthorities is aanwezig, maar RevocationType is {ty}, niet CustomRevocation."),
                None => "aRevocationAuthorities is aanwezig, maar RevocationType is niet CustomRevocation.".to_owned(),
            },
            "Kies CustomRevocation of verwijder de autoriteiten; exporteer de aanvraag opnieuw.",
        ),
        F::RevocationAuthorityKeyInvalid => t(
            "De sleutel van de intrekkingsautoriteit is geen base64-gecodeerde openbare RSA-sleutel.",
            "Geef op de RMS-server de openbare RSA-sleutel van de autoriteit op (PKCS#1, base64) en exporteer opnieuw.",
        ),
        F::GuidWithoutBraces { written, guid } => t(
            format!("Guid \"{written}\" staat niet tussen accolades; gelezen als {guid}."),
            "U hoeft niets te doen: beide vormen worden geaccepteerd.",
        ),
        F::GuidInvalid { value } => t(
            format!("\"{value}\" is geen GUID (8-4-4-4-12 hexadecimale cijfers, eventueel tussen accolades)."),
            "Het bestand is bewerkt of beschadigd. Exporteer de aanvraag opnieuw.",
        ),
        F::VersionEmpty => t(
            "<Version> is leeg.",
            "De inschrijvingsservice weigert een lege versie. Exporteer de aanvraag opnieuw vanaf de RMS-beheerwebsite.",
        ),
        F::AdRmsVersion { version } => t(
            format!("Versie {version} is AD RMS (Windows Server 2008 of later)."),
            "AD RMS schrijft zichzelf in: het serverlicentieverleningscertificaat komt van de Microsoft DRM Server Self Enrollment Service, en de inschrijvingswebsite van Microsoft is nooit nodig.",
        ),
        F::EnrolleeFieldEmpty { fields } => t(
            format!("Leeg of ontbrekend: {}.", fields.join(", ")),
            "U hoeft niets te doen: de inschrijvingsservice negeert deze velden; ze helpen u alleen de server te herkennen.",
        ),
        F::UrlImplausible { url } => t(
            format!("\"{url}\" is geen http://- of https://-URL met een hostnaam."),
            "Controleer de cluster-URL op de RMS-server (Beheer → cluster-URL); de service negeert deze, maar de URL identificeert de server.",
        ),
        F::KeyBase64Invalid { problem } => t(
            format!("aPublicKeyBytes is geen geldige base64: {}.", base64_problem(problem)),
            "De sleutel is beschadigd (bewerkt, of op de verkeerde plaats door een regeleinde afgebroken). Exporteer de aanvraag opnieuw.",
        ),
        F::KeyFormatUnknown {
            length,
            first_bytes,
        } => t(
            format!(
                "De {} gedecodeerde bytes (beginnend met {}) zijn geen DER RSAPublicKey en geen CryptoAPI PUBLICKEYBLOB.",
                n(*length),
                hex_bytes(first_bytes)
            ),
            "Exporteer de aanvraag opnieuw; de sleutel moet de openbare RSA-sleutel van de server zijn.",
        ),
        F::KeySizeUnusual { bits } => t(
            format!("De serversleutel is RSA-{bits}; RMS gebruikt RSA-1024 (modus 1) of RSA-2048 (modus 2)."),
            "Exporteer de aanvraag opnieuw op de RMS-server; een andere sleutellengte betekent dat het bestand geen echte export is.",
        ),
        F::KeyExponentInvalid { exponent } => t(
            format!("De openbare exponent is {exponent}; een RSA-exponent is oneven en minstens 3."),
            "De aanvraag is beschadigd of bewerkt. Exporteer deze opnieuw op de RMS-server.",
        ),
        F::KeyExponentUnusual { exponent } => t(
            format!("De openbare exponent is {exponent}, niet 65537."),
            "RMS-sleutels gebruiken 65537. Controleer of dit de echte export is.",
        ),
        F::KeyModulusEven => t(
            "De modulus is even, dus dit kan geen openbare RSA-sleutel zijn.",
            "De sleutelbytes zijn beschadigd (bijvoorbeeld met de hand omgekeerde bytevolgorde). Exporteer de aanvraag opnieuw.",
        ),
        F::FileNameUnrecognised { name } => t(
            format!("\"{name}\" eindigt niet op EnrollRequest.xml of RenewRequest.xml, dus aan de naam is niet te zien of het om inschrijven of vernieuwen gaat."),
            "U hoeft niets te doen als dit het juiste bestand is; Windows RMS-beheer noemt exports <server>EnrollRequest.xml of <server>RenewRequest.xml.",
        ),
    }
}

/// Bytes zoals een hexviewer ze toont: `89 50 4E 47`.
fn hex_bytes(b: &[u8]) -> String {
    b.iter()
        .map(|x| format!("{x:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `<a>`, of `<a> of <b>`.
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
        E::Utf16Le => " (little-endian)",
        E::Utf16Be => " (big-endian)",
        E::Ascii | E::Utf8 | E::Utf8Bom | E::Invalid => "",
    }
}

fn file_kind(k: crate::request::FileKind) -> &'static str {
    use crate::request::FileKind as K;
    match k {
        K::Png => "een PNG-afbeelding",
        K::Jpeg => "een JPEG-afbeelding",
        K::Gif => "een GIF-afbeelding",
        K::Pdf => "een PDF-document",
        K::Zip => "een ZIP-archief (of een Office-document zoals .docx of .xlsx)",
        K::Gzip => "een met gzip gecomprimeerd bestand",
        K::Exe => "een Windows-programma",
        K::Ole => "een OLE-bestand (een Outlook-bericht .msg of een ouder Office-document)",
        K::Other => "binaire gegevens",
    }
}

/// Waarom de XML niet goed gevormd is (het deel na "niet goed gevormd: ").
pub(crate) fn xml_problem(p: &crate::xml::Problem) -> String {
    use crate::xml::{AttributeFault as A, Problem as P};
    match p {
        P::UnknownMarkup => "na '<!' volgt geen opmerking, CDATA-sectie of DOCTYPE".to_owned(),
        P::DeclarationWithoutVersion { found: None } => {
            "de XML-declaratie <?xml …?> heeft geen version".to_owned()
        }
        P::DeclarationWithoutVersion { found: Some(a) } => {
            format!("de XML-declaratie begint met {a} in plaats van met version")
        }
        P::UnmatchedEndTag { name } => format!("de eindtag </{name}> sluit geen open element"),
        P::MismatchedEndTag { expected, found } => {
            format!("er staat </{found}> waar </{expected}> hoort om <{expected}> te sluiten")
        }
        P::DoubleHyphenInComment => "een opmerking bevat '--'".to_owned(),
        P::Attribute { element, fault } => format!(
            "een kenmerk van <{element}> {}",
            match fault {
                A::ExpectedEquals => "wordt niet gevolgd door '='",
                A::ExpectedValue => "heeft '=' maar geen waarde",
                A::UnquotedValue => "heeft een waarde zonder aanhalingstekens",
                A::UnclosedQuote => "heeft een waarde zonder afsluitend aanhalingsteken",
                A::Duplicated => "komt twee keer voor",
            }
        ),
        P::LessThanInAttribute { element, attribute } => {
            format!("de waarde van kenmerk {attribute} van <{element}> bevat '<'")
        }
        P::UnknownEntity { name } => {
            format!("&{name}; is geen van de entiteiten van XML (&amp; &lt; &gt; &quot; &apos;)")
        }
        P::UnterminatedEntity => {
            "na een '&' volgen geen naam en ';' (een letterlijke & schrijft u als &amp;)".to_owned()
        }
        P::InvalidCharacterReference { codepoint: Some(c) } => {
            format!("de tekenverwijzing naar codepunt {c} is geen toegestaan teken")
        }
        P::InvalidCharacterReference { codepoint: None } => {
            "een tekenverwijzing (&#…;) is geen getal".to_owned()
        }
        P::Encoding => "sommige bytes zijn geen tekst".to_owned(),
        P::Other => "de XML-lezer weigert het (een naamruimte- of leesfout)".to_owned(),
    }
}

/// Welke veiligheidslimiet (het deel na "overschrijdt een veiligheidslimiet: ").
pub(crate) fn xml_budget(b: &crate::xml::Budget) -> String {
    use crate::xml::Budget as B;
    match b {
        B::Attributes { element, limit } => format!("meer dan {limit} kenmerken op <{element}>"),
        B::Elements { limit } => format!("meer dan {} elementen", num(*limit as u64, '.')),
        B::Depth { limit } => format!("dieper genest dan {limit} niveaus"),
    }
}

/// Waarom tekst geen base64 is (het deel na "geen geldige base64: ").
pub(crate) fn base64_problem(p: &crate::key::Base64Problem) -> String {
    use crate::key::Base64Problem as P;
    match *p {
        P::InvalidCharacter { offset, byte } => format!("teken {} ({}) is geen base64-teken", offset + 1, shown_byte(byte)),
        P::InvalidLength { length } => format!("{length} base64-tekens vormen geen geheel aantal bytes"),
        P::InvalidLastCharacter { offset, byte } => format!("in het laatste teken ({}, teken {}) staan bits die bij base64 nul zijn, dus de tekst is afgekapt of gewijzigd", shown_byte(byte), offset + 1),
        P::InvalidPadding => "de opvulling met '=' aan het einde ontbreekt of klopt niet".to_owned(),
    }
}

/// Een byte als teken tussen aanhalingstekens als het afdrukbare ASCII is, anders hex.
fn shown_byte(b: u8) -> String {
    if b.is_ascii_graphic() {
        format!("'{}'", char::from(b))
    } else {
        format!("0x{b:02X}")
    }
}

// ---- XrML-documenten en handtekeningen -----------------------------------------------------

fn xrml(f: &crate::xrml::Found) -> Text {
    match *f {}
}

// ---- stap 4: de keten ------------------------------------------------------------------------

fn chain(f: &crate::chain::Found) -> Text {
    match *f {}
}

// ---- stap 2: vertrouwensvoorwaarden --------------------------------------------------------

fn trust(f: &crate::trust::Found) -> Text {
    match *f {}
}
