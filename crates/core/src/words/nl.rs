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
    match *f {}
}

// ---- stap 4: de keten ------------------------------------------------------------------------

fn chain(f: &crate::chain::Found) -> Text {
    match *f {}
}

// ---- stap 2: vertrouwensvoorwaarden --------------------------------------------------------

fn trust(f: &crate::trust::Found) -> Text {
    use crate::trust::Found;
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
        Found::EnvClockSuspect { clock, built } => t(
            format!("De klok staat op {clock}, dat is vóór het moment waarop dit hulpmiddel is gemaakt ({built})."),
            "Stel de datum en tijd van deze computer goed in; de vervaldatum van certificaten wordt daaraan getoetst.",
        ),
        Found::EnvLocalFileMode {} => t(
            "De pagina draait vanuit een lokaal bestand (file://): er wordt niets verzonden tenzij u in stap 3 indient.",
            "U hoeft niets te doen.",
        ),
        Found::ProbeReached { url } => t(
            format!("{url} heeft op een HTTPS-verzoek geantwoord."),
            "U hoeft niets te doen. De pagina kan de inhoud van het antwoord niet zien, alleen dat er een kwam.",
        ),
        Found::ProbeUnreachable { url } => t(
            format!("{url} is niet bereikbaar: de website is uit de lucht, wordt door een proxy of firewall geblokkeerd, of het TLS-certificaat wordt niet vertrouwd."),
            "Open het adres in de browser om te zien welke van deze het is. Microsoft heeft de inschrijvingsservice voor Windows RMS buiten gebruik gesteld; als die niet meer antwoordt, kan het SLC er niet mee worden vernieuwd (zie KB 2853958).",
        ),
    }
}

/// A fact the page measured: its label and value, in Dutch.
pub(crate) fn measured(m: &crate::trust::Measured) -> crate::trust::Row {
    use crate::trust::Measured;
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
            "Internetverbinding (volgens de browser)",
            if online {
                "verbonden"
            } else {
                "niet verbonden"
            }
            .into(),
        ),
        Measured::Clock { now, plausible } => (
            "Klok",
            if plausible {
                format!("{now} (UTC)")
            } else {
                format!("{now} (UTC), vóór de bouwdatum van dit hulpmiddel")
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

/// A check only the user can make: what and how, in Dutch.
pub(crate) fn manual(c: crate::trust::Check) -> crate::trust::Row {
    use crate::trust::Check;
    let (title, detail) = match c {
        Check::TrustedSitesZone => (
            "De website van de inschrijvingsservice staat in de zone Vertrouwde websites",
            "Internetopties → Beveiliging → Vertrouwde websites → Websites (of via Groepsbeleid de Lijst voor toewijzing van websites aan zones, waarde 2). Deze opdracht toont de zonetoewijzingen die via beleid en handmatig zijn ingesteld:",
        ),
        Check::AddTrustedSite => (
            "De website van de inschrijvingsservice toevoegen aan Vertrouwde websites",
            "Open Internetopties (inetcpl.cpl) → Beveiliging → Vertrouwde websites → Websites en voeg dit adres toe:",
        ),
        Check::GteRootInStore => (
            "GTE CyberTrust Global Root in het certificatenarchief van de computer (wat de procedure noemt)",
            "Voer uit in een opdrachtprompt; \"-verifystore\" toont het certificaat als het aanwezig is:",
        ),
        Check::CurrentRootsInStore => (
            "De huidige TLS-basiscertificaten van Microsoft in het archief",
            "DigiCert Global Root G2 en Microsoft RSA Root Certificate Authority 2017:",
        ),
    };
    crate::trust::Row {
        title: title.into(),
        detail: detail.into(),
    }
}
