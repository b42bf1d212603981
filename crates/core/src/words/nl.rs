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
        What::Legacy(_) => t("", ""),
    }
}

/// One line saying what `code` means, in Dutch.
pub fn describe(code: Code) -> &'static str {
    match code {
        Code::RequestEmpty => "Het aanvraagbestand is leeg (0 bytes).",
        Code::InputTooLarge => "Het bestand is groter dan de limiet en is niet gelezen.",
        Code::Utf8Bom => "Het bestand begint met een UTF-8-bytevolgordemarkering (BOM); MS-RMPR vraagt om gewone ASCII.",
        Code::Utf16Encoded => "Het bestand is UTF-16-tekst; de inschrijvingsservice verwacht ASCII.",
        Code::NulBytes => "Het bestand bevat NUL-bytes die niet door UTF-16 worden verklaard.",
        Code::NonAscii => "Het bestand bevat niet-ASCII-tekens; MS-RMPR vraagt om ASCII.",
        Code::InvalidUtf8 => "Het bestand is geen geldige UTF-8 (en ook geen ASCII of UTF-16).",
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
        Code::XrmlMalformed => "Een XrML-document is niet goed opgebouwd of mist een verplicht element.",
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
        Code::SlcExpired => "Het serverlicentieverleningscertificaat is verlopen.",
        Code::SlcNotYetValid => "Het serverlicentieverleningscertificaat is nog niet geldig.",
        Code::SlcExpiringSoon => "Het serverlicentieverleningscertificaat verloopt binnen 90 dagen.",
        Code::PairGuidMismatch => "Dit certificaat beantwoordt deze aanvraag niet: de server-GUID verschilt.",
        Code::PairKeyMismatch => "Dit certificaat beantwoordt deze aanvraag niet: de serversleutel verschilt.",
        Code::RequestHasErrors => "De aanvraag heeft zelf fouten, dus van geen enkel certificaat kan worden gezegd dat het haar beantwoordt.",
        Code::XrmlUnterminated => "Een XrML-document begint maar eindigt nooit (afgekapt, of er begint een ander document in).",
        Code::XrmlTooManyDocuments => "Het bestand bevat meer XrML-begintags dan de limiet toestaat; de rest is niet gelezen.",
        Code::WrapperMultipleDocuments => "Een omhullend element dat één certificaat bevat, bevat meer dan één XrML-document.",
        Code::XrmlDuplicateElement => "Een ondertekend document heeft een tweede BODY, SIGNATURE, DIGEST, ALGORITHM of VALUE: een ander programma zou de andere kopie kunnen nemen.",
        Code::XrmlUnsignedContent => "Het XrML-document bevat naast BODY en SIGNATURE inhoud die de handtekening niet dekt.",
        Code::ChainAmbiguousLeaf => "Meer dan één serverlicentieverleningscertificaat kan het eindcertificaat van de keten zijn.",
        Code::ChainExtraCertificate => "Een certificaat in het bestand hoort niet bij de keten naar het vertrouwensanker.",
        Code::ChainShapeInvalid => "Onder de basissleutel van Microsoft is de keten geen van de twee SLC-ketenvormen van MS-RMPR.",
        Code::ChainKeySize => "Een sleutel in de keten heeft een lengte die RMS niet gebruikt (RMS-sleutels zijn RSA-1024 of RSA-2048).",
        Code::AnchorTest => "De keten is gecontroleerd met een vertrouwensanker dat niet de vastgelegde basissleutel van Microsoft is: een testoordeel, geen oordeel van Microsoft.",
        Code::KeyExponentInvalid => "De openbare exponent van de serversleutel is even of kleiner dan 3, dus het is geen bruikbare RSA-sleutel.",
        Code::RootParseFailed => "Het bestand met het basiscertificaat is niet leesbaar als PEM- of DER-X.509.",
        Code::RootGteExpired => "Dit is de GTE CyberTrust Global Root, die op 13-08-2018 is verlopen.",
        Code::RootExpired => "Het basiscertificaat is verlopen.",
        Code::RootUnrecognised => "Het basiscertificaat is er geen die de procedure of de huidige TLS-service van Microsoft noemt.",
        Code::EnvInsecureContext => "De pagina is geen beveiligde context; Web Crypto is misschien niet beschikbaar (de app heeft het niet nodig).",
        Code::EnvOffline => "De browser meldt dat hij offline is; indienen vraagt om internet.",
        Code::EnvClockSuspect => "De klok van de computer lijkt verkeerd te staan; de controles op verlopen hangen ervan af.",
        Code::EnvLocalFileMode => "De pagina draait als lokaal bestand (file://): er wordt niets verzonden tenzij u indient.",
        Code::ProbeReached => "Het inschrijvingsadres antwoordde op een HTTPS-verzoek (de inhoud kan de pagina niet lezen).",
        Code::AddressEmpty => "Er is geen inschrijvingsadres opgegeven.",
        Code::AddressNotUrl => "Het inschrijvingsadres is geen absoluut webadres (https://host/…).",
        Code::AddressSchemeRefused => "Het inschrijvingsadres gebruikt een ander schema dan https of http; het wordt niet geopend en er wordt niets naartoe verzonden.",
        Code::AddressCredentials => "Het inschrijvingsadres bevat een gebruikersnaam of wachtwoord; het wordt niet gebruikt.",
        Code::AddressHttp => "Het inschrijvingsadres is gewoon http: de aanvraag gaat onversleuteld naar een site die niet kan worden geverifieerd.",
        Code::ProbeUnreachable => "Het inschrijvingsadres was niet bereikbaar, of het verzoek is geblokkeerd.",
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
    match *f {}
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
