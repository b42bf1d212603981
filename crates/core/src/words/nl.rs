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
    match *f {}
}
