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
        What::Submit(f) => submit(f),
    }
}

/// One line saying what `code` means, in Dutch.
pub fn describe(code: Code) -> &'static str {
    match code {
        Code::RequestEmpty => "Het aanvraagbestand is leeg (0 bytes).",
        Code::InputTooLarge => "Het bestand is groter dan de limiet en is niet gelezen.",
        Code::InputUnreadable => "Het bestand kon niet worden gelezen (de browser of het systeem weigerde het).",
        Code::EncodingDeclared => "De XML-declaratie noemt een codering waarin het bestand niet geschreven is, zodat een XML-lezer andere tekens leest of het bestand weigert.",
        Code::Utf8Bom => "Het bestand begint met een UTF-8-bytevolgordemarkering (BOM); MS-RMPR vraagt om gewone ASCII.",
        Code::Utf16Encoded => "Het bestand is UTF-16-tekst; de inschrijvingsservice verwacht ASCII.",
        Code::NulBytes => "Het bestand bevat NUL-bytes die niet door UTF-16 worden verklaard.",
        Code::NonAscii => "Het bestand bevat niet-ASCII-tekens; MS-RMPR vraagt om ASCII.",
        Code::InvalidUtf8 => "Het bestand is geen geldige UTF-8 (en ook geen ASCII of UTF-16).",
        Code::BinaryFile => "Het bestand bevat binaire gegevens (een afbeelding, PDF, archief, programma…), geen tekst.",
        Code::PemNotRequest => "Het bestand is PEM-tekst (-----BEGIN CERTIFICATE----- of een sleutel), niet de geëxporteerde aanvraag.",
        Code::TextNotXml => "Het bestand is platte tekst zonder XML-element, niet de geëxporteerde aanvraag.",
        Code::RequestBlank => "Het aanvraagbestand bevat alleen witruimte, geen XML.",
        Code::CrlfLineEndings => "Regels eindigen op CR LF (Windows-stijl); dat kan geen kwaad.",
        Code::LeadingJunk => "Er staat inhoud vóór het begin van de XML.",
        Code::TrailingJunk => "Er staat inhoud na het einde van de XML.",
        Code::HtmlWrapper => "Het bestand is een HTML-pagina (bijvoorbeeld \"Opslaan als webpagina\"), niet de geëxporteerde XML.",
        Code::BrowserRendering => "Het bestand is de weergave van de XML door een browser (gekopieerd of opgeslagen vanaf de pagina), niet het bestand zelf.",
        Code::Truncated => "Het bestand houdt op voordat de XML compleet is.",
        Code::XmlMalformed => "De XML is niet goed opgebouwd (niet well-formed).",
        Code::DoctypeRefused => "Het bestand declareert een DOCTYPE of entiteiten; die worden geweigerd.",
        Code::XmlBudgetExceeded => "De XML is te diep genest of heeft te veel elementen of attributen.",
        Code::SoapEnvelope => "De aanvraag zit in een SOAP-envelop; de EnrollParameters zijn daarbinnen gelezen.",
        Code::NotARequest => "De XML is geen inschrijvingsaanvraag (verkeerd hoofdelement).",
        Code::CertificateNotRequest => "Dit is een XrML-certificaat, niet de geëxporteerde aanvraag.",
        Code::WrongNamespace => "EnrollParameters staat niet in de naamruimte http://microsoft.com/DRM/EnrollmentService.",
        Code::MissingElement => "Een verplicht element ontbreekt.",
        Code::UnexpectedAttribute => "Een element van de aanvraag heeft een kenmerk (zoals xsi:nil) dat een echte export nooit schrijft.",
        Code::UnexpectedElement => "Er staat een element dat het schema niet kent.",
        Code::ElementOrder => "De elementen staan niet in de volgorde die het schema voorschrijft.",
        Code::DuplicateElement => "Een element dat één keer mag voorkomen, komt vaker voor.",
        Code::RevocationTypeInvalid => "RevocationType is niet StandardRevocation of CustomRevocation.",
        Code::RevocationNonRevocable => "RevocationType NonRevocable wordt door de inschrijvingsservice niet ondersteund.",
        Code::RevocationAuthoritiesMissing => "CustomRevocation vraagt om aRevocationAuthorities, en die ontbreken.",
        Code::RevocationAuthoritiesUnexpected => "aRevocationAuthorities is aanwezig terwijl RevocationType niet CustomRevocation is.",
        Code::RevocationAuthorityKeyInvalid => "Een openbare sleutel van een intrekkingsautoriteit is geen leesbare RSA-sleutel.",
        Code::GuidInvalid => "Guid is geen GUID.",
        Code::GuidWithoutBraces => "Guid staat niet tussen accolades; dat wordt geaccepteerd en met accolades getoond.",
        Code::VersionEmpty => "EnrolleeInformation/Version is leeg; de inschrijvingsservice weigert dat.",
        Code::EnrolleeFieldEmpty => "Een veld van EnrolleeInformation (SKU, Name, URL) is leeg; de service negeert het.",
        Code::UrlImplausible => "De cluster-URL lijkt geen http(s)-URL.",
        Code::AdRmsVersion => "De versie is een AD RMS-versie; AD RMS schrijft zichzelf in en heeft de inschrijvingsservice van Microsoft nooit nodig.",
        Code::KeyBase64Invalid => "aPublicKeyBytes is geen geldige base64.",
        Code::KeyFormatUnknown => "aPublicKeyBytes is geen DER RSAPublicKey en geen CryptoAPI PUBLICKEYBLOB.",
        Code::KeySizeUnusual => "De serversleutel is geen RSA-1024 of RSA-2048.",
        Code::KeyExponentUnusual => "De openbare exponent van de serversleutel is niet 65537.",
        Code::KeyModulusEven => "De modulus van de serversleutel is even, dus het kan geen RSA-sleutel zijn.",
        Code::FileNameUnrecognised => "De bestandsnaam volgt niet het patroon <server>EnrollRequest.xml of <server>RenewRequest.xml.",
        Code::NoXrmlFound => "Er is geen XrML-certificaat in het bestand gevonden.",
        Code::RequestNotCertificate => "Dit is de inschrijvingsaanvraag, niet het gedownloade certificaat.",
        Code::XrmlNotUtf8 => "Een XrML-document in het bestand bevat bytes die geen UTF-8 zijn.",
        Code::ResponseUnreadable => "Het inschrijvingsantwoord met de certificaten kan niet als XML worden gelezen.",
        Code::XrmlNotWellFormed => "Een XrML-document is geen correcte XML (of overschrijdt de XML-limieten).",
        Code::XrmlNoBody => "Een XrML-document heeft geen BODY.",
        Code::XrmlNoIssuerKey => "Een XrML-document heeft geen openbare sleutel van de uitgever (BODY/ISSUER/PUBLICKEY), dus de handtekening kan niet worden gecontroleerd.",
        Code::XrmlKeyUnreadable => "Een openbare sleutel in een XrML-document kan niet als RSA-sleutel worden gelezen.",
        Code::XrmlNoSignature => "Een XrML-document heeft geen SIGNATURE.",
        Code::SignatureIncomplete => "Een SIGNATURE mist de DIGEST/VALUE of de VALUE.",
        Code::SignatureBase64Invalid => "De DIGEST/VALUE of VALUE van een SIGNATURE is geen geldige base64.",
        Code::TimeInvalid => "Een tijd in het certificaat is niet leesbaar.",
        Code::ResponseWrapper => "De certificaten zaten in een omhulling (SOAP-keten of offline inschrijvingsantwoord) en zijn daaruit gelezen.",
        Code::SignatureAlgorithmUnsupported => "Het certificaat noemt een hash- of handtekeningalgoritme dat niet wordt geaccepteerd.",
        Code::SignatureSha1Legacy => "Het certificaat is ondertekend met SHA-1 (cryptografische modus 1); geaccepteerd als verouderd.",
        Code::SignatureWhitespaceStripped => "De hash klopte pas nadat witruimte tussen de tags was verwijderd (een opgemaakte kopie).",
        Code::DigestMismatch => "De hash van BODY verschilt van de ondertekende hash: het certificaat is gewijzigd.",
        Code::SignatureInvalid => "De RSA-handtekening klopt niet met de sleutel van de uitgever.",
        Code::ChainNoSlc => "Het bestand heeft XrML-documenten, maar geen serverlicentieverleningscertificaat.",
        Code::ChainReordered => "De certificaten stonden niet met het eindcertificaat eerst; ze zijn in volgorde gezet.",
        Code::ChainIncomplete => "Er ontbreekt een certificaat in de keten.",
        Code::ChainLinkMismatch => "De ID van een uitgever komt niet overeen met de principal van het volgende certificaat.",
        Code::ChainUntrustedRoot => "De keten eindigt niet bij een vertrouwde basissleutel.",
        Code::ChainTooLong => "De keten is langer dan de limiet toestaat.",
        Code::ChainUnexpectedShape => "Het type of de uitgeversnaam van een certificaat is niet wat een SLC-keten op die plaats heeft.",
        Code::IssuedOutsideIssuerRange => "Een certificaat is uitgegeven buiten de uitgifteperiode (ISSUE) van zijn uitgever.",
        Code::ChainTimeMissing => "Een certificaat in de keten heeft geen ISSUEDTIME, of als uitgever geen RANGETIME FROM of UNTIL in zijn ISSUE-recht, dus de tijdregel van zijn schakel kan niet worden gecontroleerd.",
        Code::SlcExpired => "Het serverlicentieverleningscertificaat is verlopen.",
        Code::SlcNotYetValid => "Het serverlicentieverleningscertificaat is nog niet geldig.",
        Code::SlcExpiryUnknown => "Het serverlicentieverleningscertificaat vermeldt geen einde van het ISSUE-recht, dus de vervaldatum is onbekend (een geldigheidsduur komt daar niet voor in de plaats).",
        Code::SlcExpiringSoon => "Het serverlicentieverleningscertificaat verloopt binnen 90 dagen.",
        Code::PairGuidMismatch => "Dit certificaat beantwoordt deze aanvraag niet: de server-GUID verschilt.",
        Code::PairKeyMismatch => "Dit certificaat beantwoordt deze aanvraag niet: de serversleutel verschilt.",
        Code::RequestHasErrors => "De aanvraag heeft zelf fouten, dus van geen enkel certificaat kan worden gezegd dat het haar beantwoordt.",
        Code::XrmlUnterminated => "Een XrML-document begint maar eindigt nooit (afgekapt, of er begint een ander document in).",
        Code::XrmlTooManyDocuments => "Het bestand bevat meer XrML-begintags dan de limiet toestaat; de rest is niet gelezen.",
        Code::WrapperMultipleDocuments => "Een omhullend element dat één certificaat bevat, bevat meer dan één XrML-document.",
        Code::XrmlDuplicateElement => "Een ondertekend document heeft een tweede kopie van een element dat één keer mag voorkomen (BODY, SIGNATURE, een principal, ID, sleutelparameter, tijd, ISSUE-recht…): een ander programma zou de andere kopie kunnen nemen.",
        Code::XrmlUnsignedContent => "Het XrML-document bevat naast BODY en SIGNATURE inhoud die de handtekening niet dekt.",
        Code::ChainAmbiguousLeaf => "Meer dan één serverlicentieverleningscertificaat kan het eindcertificaat van de keten zijn.",
        Code::ResponseSlotMismatch => "In een offline inschrijvingsantwoord bevat een element (SLC, EnrollmentServiceCert, EnrollmentCACert, CACert) niet het certificaat waar zijn naam voor staat, of bevat een onbekend element een document.",
        Code::ResponseSlotContent => "In een offline inschrijvingsantwoord bevat een vak (SLC, EnrollmentServiceCert, EnrollmentCACert, CACert) naast zijn ene geëscapete XrML-document andere tekst of een element, of tekst die geen document is.",
        Code::ResponseSlotRepeated => "In een offline inschrijvingsantwoord komt een vak (SLC, EnrollmentServiceCert, EnrollmentCACert, CACert) meer dan eens voor.",
        Code::SoapCertificateContent => "In een SOAP-certificaatketen bevat een Certificate-element geen XrML-document dat een XML-lezer ziet, of bevat het daarnaast tekst of een ander element.",
        Code::SoapDocumentHidden => "In een SOAP-certificaatketen is een XrML-document geen element binnen een Certificate dat een XML-lezer ziet (het staat in commentaar, een CDATA-sectie of een verwerkingsinstructie).",
        Code::ChainExtraCertificate => "Een certificaat in het bestand hoort niet bij de keten naar het vertrouwensanker.",
        Code::ChainShapeInvalid => "Onder de basissleutel van Microsoft is de keten geen van de twee SLC-ketenvormen van MS-RMPR.",
        Code::ChainKeySize => "Een sleutel in de keten heeft een lengte die RMS niet gebruikt (RMS-sleutels zijn RSA-1024 of RSA-2048).",
        Code::AnchorTest => "De keten is gecontroleerd met een vertrouwensanker dat niet de vastgelegde basissleutel van Microsoft is: een testoordeel, geen oordeel van Microsoft.",
        Code::KeyExponentInvalid => "De openbare exponent van de serversleutel is even of kleiner dan 3, dus het is geen bruikbare RSA-sleutel.",
        Code::RootParseFailed => "Het bestand met het basiscertificaat is niet leesbaar als PEM- of DER-X.509.",
        Code::RootGteExpired => "Dit is de GTE CyberTrust Global Root, die op 2018-08-13 is verlopen.",
        Code::RootExpired => "Het basiscertificaat is verlopen.",
        Code::RootUnrecognised => "Het basiscertificaat is er geen die de procedure of de huidige TLS-service van Microsoft noemt.",
        Code::EnvInsecureContext => "De pagina is geen beveiligde context; Web Crypto is misschien niet beschikbaar (de app heeft het niet nodig).",
        Code::EnvOffline => "De browser meldt dat hij offline is; indienen vraagt om internet.",
        Code::EnvClockSuspect => "De klok van de computer staat vóór de bouwdatum van dit hulpmiddel, of onwaarschijnlijk ver erna; de controles op verlopen hangen ervan af.",
        Code::EnvLocalFileMode => "De pagina draait als lokaal bestand (file://): ze verzendt niets, tenzij u het inschrijvingsadres test of indient.",
        Code::ProbeReached => "Er kwam antwoord van het inschrijvingsadres (de pagina ziet dat er een antwoord kwam, niet de status of de inhoud).",
        Code::ProbeTimedOut => "Het inschrijvingsadres gaf geen antwoord binnen de tijdslimiet van de test.",
        Code::AddressEmpty => "Er is geen inschrijvingsadres opgegeven.",
        Code::AddressNotUrl => "Het inschrijvingsadres is geen absoluut webadres (https://host/…).",
        Code::AddressSchemeRefused => "Het inschrijvingsadres gebruikt een ander schema dan https of http; het wordt niet geopend en er wordt niets naartoe verzonden.",
        Code::AddressCredentials => "Het inschrijvingsadres bevat een gebruikersnaam of wachtwoord; het wordt niet gebruikt.",
        Code::AddressHttp => "Het inschrijvingsadres is gewoon http: de aanvraag gaat onversleuteld naar een site die niet kan worden geverifieerd.",
        Code::ProbeUnreachable => "Het verzoek aan het inschrijvingsadres mislukte voordat er antwoord kwam: onbereikbaar of geblokkeerd.",
    }
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
        Input::Unreadable { name } => t(
            format!("{name} kon niet worden gelezen: de browser of het systeem gaf de inhoud niet vrij."),
            "Controleer of het bestand nog bestaat, niet door een ander programma is vergrendeld en of u het mag lezen, en kies het dan opnieuw.",
        ),
        Input::DeclaredEncoding { declared, utf16 } => t(
            format!(
                "De XML-declaratie zegt encoding=\"{declared}\", maar het bestand is {}-tekst: een XML-lezer (die van de inschrijvingsservice, die van de RMS-server) leest andere tekens dan deze, of weigert het bestand.",
                if *utf16 { "UTF-16" } else { "UTF-8 (of ASCII)" }
            ),
            "Gebruik het bestand zoals het is geëxporteerd of gedownload; is het in een editor opnieuw opgeslagen, sla het dan op met de codering die de eerste regel noemt, of exporteer of download het opnieuw.",
        ),
    }
}

// ---- stap 3: het inschrijvingsadres ----------------------------------------------------------

fn submit(f: &crate::submit::Found) -> Text {
    use crate::submit::Found;
    const EXAMPLE: &str = "Typ het adres van de inschrijvingsservice van uw organisatie, bijvoorbeeld https://rms.example.com/_wmcs/certification/, of kies \"Standaard herstellen\".";
    match f {
        Found::Empty => t("Er is geen inschrijvingsadres opgegeven; er valt niets te openen of te verzenden.", EXAMPLE),
        Found::NotUrl { text } => t(format!("\"{text}\" is geen webadres (er zijn https:// en een hostnaam nodig)."), EXAMPLE),
        Found::SchemeRefused { scheme } => t(
            format!("Adressen die met \"{scheme}:\" beginnen, worden niet geopend en er wordt niets naartoe verzonden; alleen https (of http, met een waarschuwing) wordt gebruikt."),
            EXAMPLE,
        ),
        Found::Credentials { host } => t(
            format!("Het adres voor {host} bevat een gebruikersnaam of wachtwoord; het wordt niet gebruikt."),
            "Haal de gebruikersnaam en het wachtwoord uit het adres; de inschrijvingssite vraagt er zelf om als dat nodig is.",
        ),
        Found::Http { host } => t(
            format!("{host} wordt via gewoon http benaderd: de aanvraag gaat onversleuteld over het netwerk en de site kan niet worden geverifieerd."),
            "Gebruik het https-adres van de inschrijvingsservice als dat er is. De aanvraag bevat alleen openbare gegevens, maar een proxy zou in plaats van de service kunnen antwoorden.",
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
    const CHOOSE: &str = "Kies voor stap 1 de aanvraag die de RMS-server heeft geëxporteerd (<server>EnrollRequest.xml of <server>RenewRequest.xml)";
    match f {
        F::Empty => t("Het bestand is leeg (0 bytes).", EXPORT_AGAIN),
        F::BinaryFile { kind, first_bytes } => t(
            format!(
                "Dit is {}, geen tekstbestand (het begint met {}).",
                file_kind(*kind),
                hex_bytes(first_bytes)
            ),
            if *kind == crate::request::FileKind::DerCertificate {
                format!("Een basiscertificaat (.cer) hoort bij stap 2, niet hier. {CHOOSE}")
            } else {
                format!("{CHOOSE}; mogelijk is een ander soort bestand hernoemd naar .xml.")
            },
        ),
        F::Pem { label } => {
            let certificate = label.ends_with("CERTIFICATE");
            t(
                if certificate {
                    format!("Dit is een certificaat in PEM-vorm (-----BEGIN {label}-----), niet de geëxporteerde aanvraag.")
                } else {
                    format!("Dit is PEM-tekst (-----BEGIN {label}-----), niet de geëxporteerde aanvraag.")
                },
                if certificate {
                    format!("Een basiscertificaat hoort bij stap 2, niet hier. {CHOOSE}.")
                } else if label.contains("PRIVATE") {
                    format!("Het bevat een persoonlijke sleutel: neem die niet mee en deel die niet. {CHOOSE}.")
                } else {
                    format!("{CHOOSE}.")
                },
            )
        }
        F::TextNotXml { lines, first_line } => t(
            format!(
                "Dit is platte tekst ({}), geen XML: er staat nergens een element in. De eerste regel: \"{first_line}\".",
                if *lines == 1 { "1 regel".to_owned() } else { format!("{} regels", n(*lines)) }
            ),
            format!("{CHOOSE}; die begint met <?xml of <EnrollParameters."),
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
        F::UnexpectedAttribute {
            element,
            attribute,
            value,
        } => t(
            if attribute.ends_with(":nil") || attribute == "nil" {
                format!("<{element}> heeft {attribute}=\"{value}\": voor de lezer van de inschrijvingsservice kan de waarde leeg (null) zijn, welke tekst er ook in staat.")
            } else {
                format!("<{element}> heeft het kenmerk {attribute}=\"{value}\", dat het aanvraagschema niet kent; een andere lezer kan er rekening mee houden.")
            },
            "Verwijder het kenmerk of exporteer de aanvraag opnieuw; de RMS-export schrijft geen kenmerken op deze elementen.",
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
            "U hoeft niets te doen als dit het juiste bestand is; Windows RMS-beheer geeft geëxporteerde bestanden de naam <server>EnrollRequest.xml of <server>RenewRequest.xml.",
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

/// Wat een binair bestand is, als zinsdeel ("een PNG-afbeelding"); ook voor de pagina.
pub fn file_kind(k: crate::request::FileKind) -> &'static str {
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
        K::DerCertificate => "een certificaat in binaire DER-vorm (een .cer-bestand)",
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
        P::InvalidCharacter { codepoint } => format!(
            "het teken U+{codepoint:04X} is niet toegestaan in XML (onder U+0020 alleen tab, LF en CR; nooit \
             U+FFFE of U+FFFF): verwijder het"
        ),
        P::DeclarationNotFirst => "een XML-declaratie <?xml …?> staat na het begin van de \
                                   tekst; die mag alleen helemaal vooraan staan: verwijder haar"
            .to_owned(),
        P::InvalidName { name } => format!(
            "'{name}' is geen XML-naam (een naam begint met een letter of '_' en heeft \
             hoogstens één ':', tussen een voorvoegsel en een lokale naam)"
        ),
        P::UndeclaredPrefix { prefix } => format!(
            "het voorvoegsel '{prefix}:' wordt gebruikt maar geen xmlns:{prefix}=\"…\" \
             declareert het"
        ),
        P::ReservedNamespace { prefix } => format!(
            "de naamruimtedeclaratie van '{prefix}' is voorbehouden: 'xml' hoort alleen bij \
             zijn eigen URI, 'xmlns' wordt nooit gedeclareerd, geen ander voorvoegsel krijgt \
             hun URI's en geen voorvoegsel een lege URI"
        ),
        P::CdataEndInText => "de tekst bevat ']]>', dat alleen een CDATA-sectie mag \
                              afsluiten: schrijf het als ']]&gt;'"
            .to_owned(),
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
    use crate::policy::HashAlg;
    use crate::xml::XmlError;
    use crate::xrml::{Extra, Found, KeyProblem, PartyRole, Rendering, SlotExtra, Wrapper};

    fn xml_error(e: &XmlError) -> String {
        match e {
            XmlError::Truncated { open: None, .. } => {
                "de tekst houdt op voordat het eerste element compleet is".into()
            }
            XmlError::Truncated {
                open: Some(open), ..
            } => {
                format!("de tekst houdt op terwijl <{open}> nog open is")
            }
            XmlError::Malformed { pos, problem } => {
                format!(
                    "{} (bij byte {})",
                    xml_problem(problem),
                    num(*pos as u64, '.')
                )
            }
            XmlError::Doctype { .. } => "het declareert een DOCTYPE, en dat wordt geweigerd".into(),
            XmlError::Budget { budget, .. } => format!("het heeft {}", xml_budget(budget)),
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
        Found::BrowserView { view } => t(
            match view {
                Rendering::WebPage => "Dit is een webpagina die de browser heeft opgeslagen terwijl hij de certificaten toonde (HTML, met de certificaten als weergegeven tekst), niet het bestand dat de inschrijvingsservice heeft teruggestuurd.",
                Rendering::StyleBanner => "Dit is de weergave van het certificaatbestand door de browser (de pagina met de melding dat het XML-bestand geen stijlinformatie heeft), opgeslagen of gekopieerd; het is niet het bestand zelf.",
                Rendering::CollapsibleTree => "Dit is de weergave van het certificaatbestand door Internet Explorer (met een '-' vóór elk element), opgeslagen of gekopieerd; het is niet het bestand zelf.",
            },
            "Sla het bestand zelf op, zoals het gedownload is: gebruik op de inschrijvingssite Opslaan (of klik met de rechtermuisknop → \"Link opslaan als…\") voor de certificaatketen, niet \"Opslaan als webpagina\" en geen kopie uit het browservenster. Kies daarna hier dat bestand.",
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
                    "{} en {} zonder </XrML>",
                    count(*complete, "volledig XrML-document", "volledige XrML-documenten"),
                    count(*u, "begin", "beginnen")
                ),
            };
            t(
                format!("Het element <{holder}> op regel {line} bevat {what}; het hoort precies één certificaat te bevatten."),
                "Download de certificaatketen opnieuw; importeer geen bestand dat is bewerkt.",
            )
        }
        Found::Doctype { offset } => t(
            format!("Het bestand declareert een DOCTYPE bij byte {}; een DTD kan de certificaten kenmerken of entiteiten geven die een ander programma toepast en dit programma niet, dus het wordt geweigerd.", num(*offset as u64, '.')),
            "Een echt certificaatbestand heeft geen DOCTYPE. Download de certificaatketen opnieuw.",
        ),
        Found::LiteralAndEscaped { literal } => t(
            format!("Het bestand bevat {} als letterlijke XML en daarnaast documenten als tekst met escapetekens (een inschrijvingsantwoord); een ander programma kan de ene of de andere set lezen.", count(*literal, "XrML-document", "XrML-documenten")),
            COMBINED,
        ),
        Found::SlotContent {
            holder,
            line,
            content,
        } => t(
            match content {
                SlotExtra::Text => format!("Het element <{holder}> op regel {line} bevat naast zijn XrML-document nog andere tekst; het bevat precies één document (alleen witruimte eromheen)."),
                SlotExtra::Element { name } => format!("Het element <{holder}> op regel {line} bevat een element <{name}>; het is een tekst met precies één geëscapet XrML-document, zonder elementen erin."),
                SlotExtra::NoDocument => format!("Het element <{holder}> op regel {line} bevat tekst die geen XrML-document is; het bevat precies één certificaat."),
            },
            "Download de certificaatketen opnieuw; importeer geen bestand dat is bewerkt. Verwijder in het genoemde element alles behalve het ene document.",
        ),
        Found::SoapCertificateContent { line, content } => t(
            match content {
                SlotExtra::Text => format!("Het element <Certificate> op regel {line} bevat naast zijn <XrML>-element nog andere tekst; het bevat precies één certificaat als <XrML>-element."),
                SlotExtra::Element { name } => format!("Het element <Certificate> op regel {line} bevat een element <{name}> dat geen <XrML>-document is; het bevat precies één certificaat als <XrML>-element."),
                SlotExtra::NoDocument => format!("Het element <Certificate> op regel {line} bevat geen <XrML>-element (het is leeg of bevat alleen tekst); het bevat precies één certificaat als <XrML>-element."),
            },
            "Download de certificaatketen opnieuw; importeer geen bestand dat is bewerkt. Elk certificaat staat als <XrML>-element direct in zijn <Certificate>.",
        ),
        Found::SoapHidden { document } => t(
            format!("Document {} staat niet als element in een <Certificate>: het staat in commentaar (<!-- -->), een CDATA-sectie of een verwerkingsinstructie, of buiten elk <Certificate>. Een XML-lezer ziet daar geen certificaat.", document + 1),
            "Download de certificaatketen opnieuw; importeer geen bestand dat is bewerkt. Elk certificaat staat als <XrML>-element direct in zijn <Certificate>.",
        ),
        Found::SlotRepeated {
            holder,
            line,
            count,
        } => t(
            format!("Het element <{holder}> komt {count} keer voor (het tweede op regel {line}); het komt één keer voor, anders kan een ander programma een ander exemplaar lezen."),
            "Download de certificaatketen opnieuw; importeer geen bestand dat is bewerkt. Verwijder het tweede element vanaf de genoemde regel.",
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
                Wrapper::SoapChain => format!("{} zaten in een SOAP-CertificateChain en zijn daaruit gelezen.", count(*documents, "XrML-document", "XrML-documenten")),
                Wrapper::EscapedResponse => format!("{} kwamen als tekst met escapetekens in het offline inschrijvingsantwoord (LicensorCertificateChain) en zijn daaruit gelezen.", count(*documents, "XrML-document", "XrML-documenten")),
                Wrapper::Bare => format!("{} zijn gelezen zoals ze in het bestand staan.", count(*documents, "XrML-document", "XrML-documenten")),
            },
            "U hoeft niets te doen.",
        ),
        Found::NotWellFormed { document, error } => t(
            format!(
                "XrML-document {} kan niet als XML worden gelezen: {}.",
                document + 1,
                match error.as_ref() {
                    // De positie is die in het document; de plaats van de bevinding die in het bestand.
                    XmlError::Malformed { pos, problem } => format!(
                        "{} (bij byte {} van het document)",
                        xml_problem(problem),
                        num(*pos as u64, '.')
                    ),
                    e => xml_error(e),
                }
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
                    .map(ToString::to_string)
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
                "{} {} {} pas overeen met {} digest nadat de witruimte tussen de tags was verwijderd (een opgemaakte kopie).",
                if documents.len() == 1 { "Document" } else { "Documenten" },
                list(documents),
                if documents.len() == 1 { "kwam" } else { "kwamen" },
                if documents.len() == 1 { "zijn" } else { "hun" }
            ),
            "U hoeft niets te doen; echte RMS-uitvoer is compact, dus gebruik bij voorkeur het bestand precies zoals het is gedownload.",
        ),
        Found::Sha1Legacy { documents } => t(
            format!(
                "{} {} {} ondertekend met SHA-1 (cryptografische modus 1).",
                if documents.len() == 1 { "Document" } else { "Documenten" },
                list(documents),
                if documents.len() == 1 { "is" } else { "zijn" }
            ),
            "U hoeft niets te doen: ketens van Windows RMS 1.0 gebruiken SHA-1; dit wordt als verouderd geaccepteerd.",
        ),
    }
}

// ---- stap 4: de keten ------------------------------------------------------------------------

fn chain(f: &crate::chain::Found) -> Text {
    let f = &f.shown();
    use crate::chain::{Found, ENROLLMENT_SERVICE, SELF_ENROLLMENT_SERVICE};
    /// Documentnummers, hoogstens tien getoond.
    fn list(n: &[usize]) -> String {
        let shown: Vec<String> = n.iter().take(10).map(|d| d.to_string()).collect();
        if n.len() > 10 {
            format!("{}, … ({} in totaal)", shown.join(", "), n.len())
        } else {
            shown.join(", ")
        }
    }
    fn short(fp: &Option<String>) -> String {
        match fp {
            Some(f) => format!("vingerafdruk {}…", f.get(..16).unwrap_or(f)),
            None => "onleesbaar".to_owned(),
        }
    }
    fn when(t: &Option<crate::time::UtcTime>) -> String {
        t.map_or_else(|| "?".to_owned(), |t| t.to_string())
    }
    const SLC: &str = "serverlicentieverleningscertificaat";
    const SHAPE_STRICT: &str = "Controleer of dit een certificaatketen voor een serverlicentieverleningscertificaat van de inschrijvingsservice van Microsoft is.";
    const SHAPE_TEST: &str = "Controleer of dit een certificaatketen voor een serverlicentieverleningscertificaat is; met een testanker is dit alleen een waarschuwing, voor testhiërarchieën met een eigen opbouw.";
    const MIXED: &str =
        "De keten is samengesteld uit verschillende bronnen. Download de certificaatketen opnieuw.";
    const NOT_THIS: &str = "Neem het niet mee terug naar de RMS-server. Zoek het certificaat dat voor deze aanvraag is gedownload, of dien deze aanvraag opnieuw in.";
    const COMBINED: &str = "Download het opnieuw en voeg geen bestanden samen.";
    match f {
        Found::NoSlc { documents, kinds } => t(
            format!(
                "Het bestand bevat {} ({}{}), maar geen {SLC} dat is uitgegeven door \"{ENROLLMENT_SERVICE}\" of \"{SELF_ENROLLMENT_SERVICE}\".",
                count(*documents as u64, "XrML-document", "XrML-documenten"),
                kinds
                    .iter()
                    .map(|k| if k.trim().is_empty() { "onleesbaar" } else { k.as_str() })
                    .collect::<Vec<_>>()
                    .join(", "),
                if *documents > kinds.len() { ", …" } else { "" },
            ),
            "Kies de certificaatketen die u van de inschrijvingsservice hebt gedownload (het eerste certificaat daarin is het Server-Licensor-Certificate dat aan uw server is uitgegeven).",
        ),
        Found::AmbiguousLeaf { documents } => t(
            format!(
                "De documenten {} zijn allemaal serverlicentieverleningscertificaten die door een inschrijvingsservice zijn uitgegeven; het is niet eenduidig met welk certificaat de keten begint.",
                list(documents)
            ),
            format!("Een echt antwoord van de inschrijvingsservice bevat één {SLC}. {COMBINED}"),
        ),
        Found::Reordered { order } => t(
            format!(
                "De certificaten stonden niet in de volgorde van de keten; ze zijn gelezen vanaf het {SLC}, als documenten {}.",
                list(order)
            ),
            "U hoeft niets te doen.",
        ),
        Found::TooLong { limit } => t(
            format!("De certificaatketen is langer dan {limit} certificaten."),
            "Een echte certificaatketen voor een serverlicentieverleningscertificaat bestaat uit vier certificaten. Download de keten opnieuw.",
        ),
        Found::IssuerKeyMismatch {
            document,
            issuer,
            holder,
        } => t(
            format!("Certificaat {document} noemt \"{issuer}\" als verlener, maar de sleutel van die verlener verschilt van de sleutel die certificaat {holder} aan \"{issuer}\" geeft."),
            "Het certificaat is niet uitgegeven door het certificaat dat erop volgt (vervalste of gemengde keten). Download de keten opnieuw.",
        ),
        Found::UntrustedRoot { document, issuer } => t(
            format!("Certificaat {document} noemt \"{issuer}\" als verlener, maar de sleutel is niet die van een vertrouwd basiscertificaat."),
            "Deze keten is niet uitgegeven door de productiehiërarchie van Microsoft (een test- of vervalste keten). Importeer de keten niet.",
        ),
        Found::IssuerMissing { issuer } => t(
            format!("Het certificaat van de verlener \"{issuer}\" ontbreekt: geen enkel certificaat in het bestand is uitgegeven aan de sleutel van die verlener."),
            "Download de volledige certificaatketen opnieuw (alle vier certificaten: SLC, inschrijvingsservice, inschrijvings-CA en CA).",
        ),
        Found::LinkIdMismatch {
            document,
            issuer_id,
            holder_id,
        } => t(
            format!("Certificaat {document} noemt verlener-ID \"{issuer_id}\", maar het certificaat met die sleutel is uitgegeven aan \"{holder_id}\"."),
            MIXED,
        ),
        Found::LinkNameMismatch {
            document,
            issuer_name,
            holder_name,
        } => t(
            format!("Certificaat {document} noemt als verlener \"{issuer_name}\", maar het certificaat met die sleutel is uitgegeven aan \"{holder_name}\"."),
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
                "Certificaat {document} van de keten is een \"{found_type}\", uitgegeven door \"{found_issuer}\"; op plaats {position} van de keten hoort een \"{expected_type}\", uitgegeven door {}.",
                expected_issuers
                    .iter()
                    .map(|i| format!("\"{i}\""))
                    .collect::<Vec<_>>()
                    .join(" of ")
            ),
            if *strict { SHAPE_STRICT } else { SHAPE_TEST },
        ),
        Found::ShapeLength {
            strict,
            length,
            expected,
        } => t(
            format!(
                "De keten telt {} van het {SLC} tot het vertrouwensanker; een echte keten telt er {expected}.",
                count(*length as u64, "certificaat", "certificaten")
            ),
            if *strict { SHAPE_STRICT } else { SHAPE_TEST },
        ),
        Found::KeySize {
            document,
            kind,
            bits,
        } => t(
            format!("Certificaat {document} ({kind}) certificeert een RSA-{bits}-sleutel; RMS gebruikt RSA-1024 of RSA-2048."),
            "De certificaatketen is niet echt. Download de keten opnieuw.",
        ),
        Found::SlotMismatch {
            document,
            slot,
            expected_position,
            position,
        } => t(
            match (expected_position, position) {
                (None, _) => format!("Het inschrijvingsantwoord bevat document {document} in een element <{slot}>, dat niet een van de vier plaatsen is die MS-RMPR noemt (SLC, EnrollmentServiceCert, EnrollmentCACert, CACert)."),
                (Some(e), Some(p)) => format!("Het inschrijvingsantwoord bevat document {document} in <{slot}>, de plaats van ketenpositie {e}, maar het staat op positie {p} van de keten."),
                (Some(e), None) => format!("Het inschrijvingsantwoord bevat document {document} in <{slot}>, de plaats van ketenpositie {e}, maar dat document hoort helemaal niet bij de keten."),
            },
            "Een programma dat het antwoord importeert, leest de certificaten bij deze namen en zou het verkeerde nemen. Download het antwoord opnieuw en bewerk het niet.",
        ),
        Found::ExtraCertificates { documents } => t(
            if documents.len() == 1 {
                format!("Document {} is een certificaat uit een SLC-keten dat niet op het pad van het {SLC} naar het vertrouwensanker ligt.", list(documents))
            } else {
                format!("De documenten {} zijn certificaten uit een SLC-keten die niet op het pad van het {SLC} naar het vertrouwensanker liggen.", list(documents))
            },
            format!("Een echt antwoord bevat de vier certificaten van één keten. {COMBINED}"),
        ),
        Found::IssuedOutsideRange {
            document,
            issued,
            from,
            until,
        } => t(
            format!(
                "Certificaat {document} is uitgegeven op {issued}, buiten het ISSUE-bereik van de verlener ({} – {}).",
                when(from),
                when(until)
            ),
            "De verlener mocht het certificaat op dat moment niet uitgeven; het is niet echt. Download de keten opnieuw.",
        ),
        Found::TimeMissing { document, missing } => t(
            format!(
                "Certificaat {document} in de keten heeft geen {}: of het binnen het ISSUE-bereik van zijn verlener is uitgegeven (of een volgend certificaat binnen het zijne), kan niet worden gecontroleerd, dus de keten is niet echt.",
                missing.iter().map(|e| e.path()).collect::<Vec<_>>().join(" en ")
            ),
            "Elk certificaat van een echte SLC-keten heeft een ISSUEDTIME en een ISSUE-recht met RANGETIME FROM en UNTIL. Download de certificaatketen opnieuw bij de inschrijvingsservice en laat de bestanden ongewijzigd.",
        ),
        Found::SlcExpired { expired, days_ago } => t(
            format!(
                "Het {SLC} is verlopen op {expired} ({} geleden).",
                count(*days_ago, "dag", "dagen")
            ),
            "Vernieuw het serverlicentieverleningscertificaat: exporteer op de RMS-server een aanvraag voor vernieuwing en dien die in bij de inschrijvingsservice.",
        ),
        Found::SlcExpiringSoon {
            expires,
            days_remaining,
            threshold,
        } => t(
            format!(
                "Het {SLC} verloopt op {expires}, over {} (minder dan {threshold}).",
                count(*days_remaining, "dag", "dagen")
            ),
            "Plan de vernieuwing nu.",
        ),
        Found::SlcExpiryUnknown {} => t(
            format!("Het {SLC} vermeldt geen einde van het ISSUE-recht (RIGHT name=\"ISSUE\", de UNTIL van de RANGETIME), dus de vervaldatum is onbekend; een geldigheidsduur komt daar niet voor in de plaats."),
            "Download de certificaatketen opnieuw van de inschrijvingsservice.",
        ),
        Found::SlcNotYetValid { valid_from, now } => t(
            format!("Het {SLC} is pas geldig vanaf {valid_from}; het is nu {now}."),
            "Controleer de klok van deze computer (op de opdrachtregel: de tijd die met --at is opgegeven); als die klopt, vraag dan na waarom het certificaat een latere begindatum heeft.",
        ),
        Found::AnchorTest { name, fingerprint } => t(
            format!("De keten eindigt bij het vertrouwensanker \"{name}\" (vingerafdruk van de sleutel {fingerprint}), geladen uit een bestand: dit is NIET de vastgelegde Microsoft DRM Production Root, wat de naam ook zegt. Dit is een testoordeel, geen oordeel van Microsoft."),
            "Controleer een keten van Microsoft met de vastgelegde Microsoft-basis: klik op de pagina op \"Microsoft-basis gebruiken\"; laat op de opdrachtregel --anchor weg.",
        ),
        Found::RequestHasErrors { file, errors } => t(
            format!(
                "De aanvraag{} bevat zelf {}, dus van geen enkel certificaat kan worden gezegd dat het deze aanvraag beantwoordt (zie `slc-courier request` of stap 1).",
                file.as_deref().map(|f| format!(" {f}")).unwrap_or_default(),
                count(*errors as u64, "fout", "fouten")
            ),
            "Herstel eerst de aanvraag: exporteer die opnieuw op de RMS-server, controleer ze in stap 1 en controleer daarna het certificaat ertegen.",
        ),
        Found::PairGuidMismatch {
            certificate_guid,
            request_guid,
        } => t(
            format!(
                "Dit certificaat hoort niet bij deze aanvraag: het is uitgegeven aan server {certificate_guid}, maar de aanvraag is van {}.",
                request_guid.as_deref().unwrap_or("(geen GUID)")
            ),
            NOT_THIS,
        ),
        Found::PairKeyMismatch {
            certificate_key,
            request_key,
        } => t(
            format!(
                "Dit certificaat hoort niet bij deze aanvraag: de serversleutel ({}) verschilt van de sleutel in de aanvraag ({}).",
                short(certificate_key),
                short(request_key)
            ),
            NOT_THIS,
        ),
    }
}

/// Waarom een sleutelbestand voor een vertrouwensanker is geweigerd, in het Nederlands.
pub fn anchor_error(e: &crate::policy::AnchorError) -> String {
    use crate::policy::AnchorError;
    match e {
        AnchorError::MissingLine { field } => format!(
            "Dit is geen sleutelbestand voor een vertrouwensanker: de regel {}= ontbreekt (een sleutelbestand heeft de regels issuer_id=, public_exponent= en modulus_base64_xrml=).",
            field.key()
        ),
        AnchorError::ExponentInvalid { value } => format!(
            "De sleutel kan niet worden gelezen: public_exponent= is \"{value}\", geen geheel getal zoals 65537."
        ),
        AnchorError::ModulusNotBase64 => {
            "De sleutel kan niet worden gelezen: modulus_base64_xrml= is geen geldige base64.".to_owned()
        }
        AnchorError::ModulusEmpty => {
            "De sleutel kan niet worden gelezen: modulus_base64_xrml= bevat een lege modulus.".to_owned()
        }
    }
}

/// Waarom een ingetypte tijd (`--at`) geen strikte RFC 3339-tijd is, in het Nederlands.
pub fn time_error(e: &crate::time::TimeError) -> String {
    use crate::time::{TimeError, TimePart};
    match e {
        TimeError::Syntax { at, expected } => {
            let what = match expected {
                TimePart::Year => "een jaartal van vier cijfers",
                TimePart::DashAfterYear => "'-' na het jaar",
                TimePart::Month => "een maand van twee cijfers",
                TimePart::DashAfterMonth => "'-' na de maand",
                TimePart::Day => "een dag van twee cijfers",
                TimePart::T => "'T' tussen de datum en de tijd",
                TimePart::Hour => "een uur van twee cijfers",
                TimePart::ColonAfterHour => "':' na het uur",
                TimePart::Minutes => "minuten van twee cijfers",
                TimePart::Seconds => "seconden van twee cijfers",
                TimePart::FractionDigit => "een cijfer na '.'",
                TimePart::ZoneOrOffset => "'Z' of een verschuiving zoals +01:00",
                TimePart::OffsetHours => "uren van twee cijfers in de verschuiving",
                TimePart::OffsetColon => "':' in de verschuiving",
                TimePart::OffsetMinutes => "minuten van twee cijfers in de verschuiving",
                TimePart::End => "het einde van de tekst",
            };
            format!("{what} verwacht op teken {}", at + 1)
        }
        TimeError::Date { year, month, day } => {
            format!("de datum {year:04}-{month:02}-{day:02} bestaat niet")
        }
        TimeError::TimeOfDay {
            hour,
            minute,
            second,
        } => format!("{hour:02}:{minute:02}:{second:02} is geen tijdstip van de dag"),
        TimeError::Offset {
            negative,
            hours,
            minutes,
        } => format!(
            "de verschuiving {}{hours:02}:{minutes:02} valt buiten het bereik (uren 00-23, minuten 00-59)",
            if *negative { '-' } else { '+' }
        ),
    }
}

// ---- stap 2: vertrouwensvoorwaarden --------------------------------------------------------

fn trust(f: &crate::trust::Found) -> Text {
    use crate::policy::CLOCK_AHEAD_LIMIT_DAYS;
    use crate::trust::{ClockProblem, Found};
    const EXPORT_ROOT: &str = "Exporteer het basiscertificaat uit certmgr.msc (Vertrouwde basiscertificeringsinstanties → Certificaten → het certificaat → Alle taken → Exporteren, DER-gecodeerd of Base64-gecodeerd .cer) en zet dat bestand hier neer.";
    match f {
        Found::RootParseFailed {
            pem_label: None,
            size,
        } => t(
            format!(
                "Het bestand ({}) is geen X.509-certificaat: het is PEM noch DER.",
                bytes(*size as u64)
            ),
            EXPORT_ROOT,
        ),
        Found::RootParseFailed {
            pem_label: Some(label),
            ..
        } if label.contains("CERTIFICATE") => t(
            format!("Het PEM-blok ({label}) in het bestand bevat geen leesbaar X.509-certificaat: het is beschadigd of afgebroken."),
            EXPORT_ROOT,
        ),
        Found::RootParseFailed {
            pem_label: Some(label),
            ..
        } => t(
            format!("Het bestand bevat een PEM-blok met het label {label}, geen certificaat."),
            EXPORT_ROOT,
        ),
        Found::RootGteExpired { not_after } => t(
            format!(
                "Dit is de GTE CyberTrust Global Root (serienummer 01A5) die de procedure noemt; deze is verlopen op {}.",
                not_after.date()
            ),
            "De TLS-verbinding van de website van de Microsoft-inschrijvingsservice is overgestapt op Baltimore CyberTrust Root en daarna op DigiCert Global Root G2 / Microsoft RSA Root CA 2017. Zorg dat die worden vertrouwd (de update van basiscertificaten via Windows Update); het GTE-basiscertificaat helpt niet meer.",
        ),
        Found::RootExpired { subject, not_after } => t(
            format!("\"{subject}\" is verlopen op {}.", not_after.date()),
            "Een verlopen basiscertificaat maakt een website niet vertrouwd. Installeer het huidige basiscertificaat via Windows Update.",
        ),
        Found::RootUnrecognised { subject } => t(
            format!("\"{subject}\" is geen van de basiscertificaten die de procedure of de huidige services van Microsoft noemen."),
            "Niets te doen als u dit basiscertificaat bedoelde; de procedure noemt GTE CyberTrust Global Root, inmiddels vervangen door DigiCert Global Root G2 en Microsoft RSA Root CA 2017.",
        ),
        Found::EnvInsecureContext {} => t(
            "De pagina is geen beveiligde context.",
            "Voor dit hulpmiddel hoeft u niets te doen (het heeft Web Crypto niet nodig); als u het host, bied het dan via HTTPS aan.",
        ),
        Found::EnvOffline {} => t(
            "De browser meldt dat er geen internetverbinding is.",
            "Verbind dit werkstation met internet voor stap 3 (indienen); de andere stappen werken zonder verbinding.",
        ),
        Found::EnvClockSuspect {
            clock,
            built,
            problem: ClockProblem::BeforeBuild,
        } => t(
            format!("De klok staat op {clock}, dat is vóór het moment waarop dit hulpmiddel is gemaakt ({built})."),
            "Stel de datum en tijd van deze computer goed in; de vervaldatum van certificaten wordt daaraan getoetst.",
        ),
        Found::EnvClockSuspect {
            clock,
            built,
            problem: ClockProblem::FarAhead,
        } => t(
            format!(
                "De klok staat op {clock}, meer dan {} jaar na het moment waarop dit hulpmiddel is gemaakt ({built}): dat is niet aannemelijk.",
                CLOCK_AHEAD_LIMIT_DAYS / 365
            ),
            "Stel de datum en tijd van deze computer goed in; de vervaldatum van certificaten wordt daaraan getoetst, en met een klok die zo ver voorloopt lijkt elk certificaat verlopen. Klopt de datum wel, gebruik dan een nieuwere build van dit hulpmiddel.",
        ),
        Found::EnvLocalFileMode {} => t(
            "De pagina draait vanuit een lokaal bestand (file://): ze verzendt niets, tenzij u het inschrijvingsadres test (deze stap) of indient (stap 3).",
            "U hoeft niets te doen.",
        ),
        Found::ProbeReached { url, scheme } => t(
            if scheme == "https" {
                format!("{url} heeft via HTTPS geantwoord: deze browser vertrouwde het TLS-certificaat van de website, en een server — de service, of een proxy in haar plaats — stuurde een antwoord.")
            } else {
                format!("{url} heeft via gewoon {} geantwoord: een server — de service, of een proxy in haar plaats — stuurde een antwoord. Er was geen certificaat bij betrokken.", scheme.to_uppercase())
            },
            "U hoeft niets te doen. De browser laat de pagina de status en inhoud van het antwoord niet zien, dus dit toont niet dat de inschrijvingsservice werkt; dat doet het openen van de pagina in stap 3.",
        ),
        Found::ProbeUnreachable { url, scheme } => t(
            if scheme == "https" {
                format!("Het HTTPS-verzoek aan {url} mislukte voordat er antwoord kwam: de naam wordt niet gevonden, de server is uit de lucht of weigert de verbinding, een proxy, een firewall of de browser heeft het geblokkeerd, of deze browser vertrouwt het TLS-certificaat niet. De browser vertelt de pagina niet welke van deze het is.")
            } else {
                format!("Het gewone {}-verzoek aan {url} mislukte voordat er antwoord kwam: de naam wordt niet gevonden, de server is uit de lucht of weigert de verbinding, of een proxy, een firewall of de browser heeft het geblokkeerd (een pagina die via https is geopend, mag geen http-adressen opvragen). De browser vertelt de pagina niet welke van deze het is.", scheme.to_uppercase())
            },
            "Open het adres in de browser om te zien welke van deze het is. Microsoft heeft de inschrijvingsservice voor Windows RMS buiten gebruik gesteld; als die niet meer antwoordt, kan het SLC er niet mee worden vernieuwd (zie KB 2853958).",
        ),
        Found::ProbeTimedOut { url, scheme, seconds } => t(
            format!("Het {}-verzoek aan {url} kreeg binnen {seconds} seconden geen antwoord; de pagina heeft het afgebroken.", scheme.to_uppercase()),
            "De server is misschien traag, of een firewall laat de verbinding zonder melding vallen. Open het adres in de browser om het te zien. Microsoft heeft de inschrijvingsservice voor Windows RMS buiten gebruik gesteld; als die niet meer antwoordt, kan het SLC er niet mee worden vernieuwd (zie KB 2853958).",
        ),
    }
}

/// A fact the page measured: its label and value, in Dutch.
pub(crate) fn measured(m: &crate::trust::Measured) -> crate::trust::Row {
    use crate::trust::{ClockProblem, Measured};
    let (title, detail): (&str, String) = match *m {
        Measured::WebAssembly => (
            "WebAssembly",
            "beschikbaar (deze pagina draait erop)".into(),
        ),
        Measured::SecureContext { secure } => (
            "Beveiligde context",
            if secure { "ja" } else { "nee" }.into(),
        ),
        Measured::WebCrypto { available } => (
            "Web Crypto (crypto.subtle)",
            if available {
                "beschikbaar"
            } else {
                "niet beschikbaar (niet nodig: hashes worden in WebAssembly berekend)"
            }
            .into(),
        ),
        Measured::Online { online } => (
            "Netwerk (volgens de browser)",
            if online {
                "verbonden — dit zegt niets over de bereikbaarheid van het inschrijvingsadres"
            } else {
                "geen verbinding"
            }
            .into(),
        ),
        Measured::Clock { now, problem } => (
            "Klok",
            match problem {
                None => format!("{now} (UTC)"),
                Some(ClockProblem::BeforeBuild) => {
                    format!("{now} (UTC), vóór de bouwdatum van dit hulpmiddel")
                }
                Some(ClockProblem::FarAhead) => {
                    format!("{now} (UTC), jaren na de bouwdatum van dit hulpmiddel")
                }
            },
        ),
        Measured::Mode { local_file } => (
            "Modus",
            if local_file {
                "lokaal bestand (file://)"
            } else {
                "gehoste pagina"
            }
            .into(),
        ),
    };
    crate::trust::Row {
        title: title.into(),
        detail,
    }
}

/// A check only the user can make: what, how, and how to read the output, in Dutch.
pub(crate) fn manual(c: crate::trust::Check) -> crate::trust::CheckText {
    use crate::trust::Check;
    let (title, detail, reading) = match c {
        Check::TrustedSitesZone => (
            "De website van de inschrijvingsservice staat in de zone Vertrouwde websites",
            "De procedure vraagt dit op een computer met een sterk beveiligde browserconfiguratie. De zone van een website kan op zes plaatsen worden ingesteld; elke opdracht hieronder toont er één (voer ze uit in een opdrachtprompt).",
            Some("Zo leest u de uitvoer: in Domains en EscDomains is elke website een sleutel met de naam van het domein (voor https://activation.drm.microsoft.com: microsoft.com\\activation.drm), met een waarde die naar het schema heet (https, of * voor elk schema); de gegevens zijn de zone: 0x2 is Vertrouwde websites (0x1 Lokaal intranet, 0x3 Internet, 0x4 Websites met beperkte toegang). In ZoneMapKey heet elke waarde naar de website zelf, en de gegevens 2 betekenen Vertrouwde websites. Een melding dat de opgegeven registersleutel of waarde niet kan worden gevonden, betekent dat op die plaats niets is ingesteld. Zolang Verbeterde beveiliging van Internet Explorer aan staat (Windows Server), gelden de lijsten in EscDomains in plaats van Domains; een lijst uit Groepsbeleid (ZoneMapKey) gaat voor op de lijsten die met de hand zijn ingesteld."),
        ),
        Check::AddTrustedSite => (
            "De website van de inschrijvingsservice toevoegen aan Vertrouwde websites",
            "Staat ze er niet in: open Internetopties (Start → Uitvoeren → inetcpl.cpl) → Beveiliging → Vertrouwde websites → Websites en voeg dit adres toe. Beheert Groepsbeleid de lijst, vraag het dan aan de beheerder van dat beleid.",
            None,
        ),
        Check::GteRootInStore => (
            "GTE CyberTrust Global Root in het certificatenarchief van de computer (wat de procedure noemt)",
            "Dit basiscertificaat is op 2018-08-13 verlopen; het doet er niet meer toe. De procedure noemt het omdat het de basis was van het TLS-certificaat van de inschrijvingswebsite van Microsoft. De websites van Microsoft zijn overgestapt op Baltimore CyberTrust Root (zelf verlopen op 2025-05-12) en daarna op DigiCert Global Root G2 en Microsoft RSA Root Certificate Authority 2017 (volgende punt). Een verlopen basiscertificaat maakt geen enkele website vertrouwd, en de service waarvoor het instond, is buiten gebruik gesteld. Voor een eigen inschrijvingswebsite van uw organisatie telt dat deze browser het certificaat van die website vertrouwt (de test onder \"Deze browser\" laat dat zien voor een https-adres).",
            Some("Zo ziet u of het nog in het archief staat: certutil toont het certificaat als het aanwezig is, en meldt dat de opdracht is mislukt (\"Object is niet gevonden\") als het er niet is."),
        ),
        Check::CurrentRootsInStore => (
            "De basiscertificaten die het vervangen, in het certificatenarchief van de computer",
            "DigiCert Global Root G2 en Microsoft RSA Root Certificate Authority 2017; de update van basiscertificaten via Windows Update installeert ze.",
            Some("certutil toont het certificaat als het aanwezig is, en meldt dat de opdracht is mislukt (\"Object is niet gevonden\") als het er niet is."),
        ),
    };
    crate::trust::CheckText {
        title: title.into(),
        detail: detail.into(),
        reading: reading.map(Into::into),
    }
}

/// Where a site's zone can be set, in Dutch.
pub(crate) fn zone_place(z: crate::trust::ZonePlace) -> String {
    use crate::trust::ZonePlace;
    match z {
        ZonePlace::UserDomains => "Met de hand ingesteld, voor deze gebruiker (Domains)",
        ZonePlace::MachineDomains => "Ingesteld voor alle gebruikers van deze computer (Domains)",
        ZonePlace::UserEscDomains => "Met Verbeterde beveiliging van Internet Explorer aan, voor deze gebruiker (EscDomains)",
        ZonePlace::MachineEscDomains => "Met Verbeterde beveiliging van Internet Explorer aan, voor alle gebruikers (EscDomains)",
        ZonePlace::MachinePolicy => "Groepsbeleid, computerconfiguratie (Lijst voor toewijzing van websites aan zones)",
        ZonePlace::UserPolicy => "Groepsbeleid, gebruikersconfiguratie (Lijst voor toewijzing van websites aan zones)",
    }
    .into()
}

// ---- de werkbank: soorten RAC en documenten zoals gevonden --------------------------------

fn span_words(minutes: i64) -> String {
    if minutes <= 1440 {
        count(minutes, "minuut", "minuten")
    } else {
        count(minutes / 1440, "dag", "dagen")
    }
}

/// Hoe de soort van een RAC is bepaald: `gemarkeerd als Persistent`, `afgeleid uit de
/// geldigheid van 15 minuten`, `geen geldigheidsperiode`; een andere markering letterlijk.
pub fn rac_basis(b: &crate::workbench::RacBasis) -> String {
    use crate::workbench::RacBasis;
    let other = |m: &Option<String>| {
        m.as_ref()
            .map(|v| format!("; type \"{v}\" zoals geschreven"))
            .unwrap_or_default()
    };
    match b {
        RacBasis::Marked { value } => format!("gemarkeerd als {value}"),
        RacBasis::Validity { minutes, marker } => format!(
            "afgeleid uit de geldigheid van {}{}",
            span_words(*minutes),
            other(marker)
        ),
        RacBasis::Unknown { marker } => {
            format!("geen geldigheidsperiode om op af te gaan{}", other(marker))
        }
    }
}

/// De soort van een RAC en hoe die is bepaald: `RAC (tijdelijk, afgeleid uit …)`.
pub fn rac(temporary: bool, b: &crate::workbench::RacBasis) -> String {
    let kind = if temporary { "tijdelijk" } else { "permanent" };
    format!("RAC ({kind}, {})", rac_basis(b))
}

/// Waar de originele bytes van een document staan: `3.214 bytes vanaf positie 1.024, UTF-16LE`.
pub fn as_found(a: &crate::workbench::AsFound) -> String {
    use crate::workbench::Encoding;
    let enc = match a.encoding {
        Encoding::Utf8 => "UTF-8",
        Encoding::Utf16Le => "UTF-16LE",
        Encoding::Utf16Be => "UTF-16BE",
    };
    format!(
        "{} vanaf positie {}, {enc}{}",
        bytes(a.length as u64),
        num(a.offset as u64, '.'),
        if a.escaped {
            ", geëscapete tekst (&lt;XrML …), zo geen XML"
        } else {
            ""
        }
    )
}
