//! The words of the pickers, the page-wide drop, the copy buttons and the accessible names
//! added for them, in English and Dutch.

use super::Lang;
use crate::components::drop_router::{Outcome, To};
use slc_courier_core::route::Unknown;
use slc_courier_core::words;

impl Lang {
    /// What happened to a file dropped on the page (or among several dropped at once).
    pub fn dropped(self, name: &str, outcome: &Outcome) -> String {
        match outcome {
            Outcome::Sent(to) => match (self, to) {
                (Lang::En, To::Request) => format!("{name} is a request: loaded in step 1."),
                (Lang::Nl, To::Request) => format!("{name} is een aanvraag: geladen in stap 1."),
                (Lang::En, To::Chain) => {
                    format!("{name} holds XrML certificates: loaded in step 4.")
                }
                (Lang::Nl, To::Chain) => {
                    format!("{name} bevat XrML-certificaten: geladen in stap 4.")
                }
                (Lang::En, To::Root) => format!(
                    "{name} is an X.509 certificate: inspected in step 2 as a root certificate."
                ),
                (Lang::Nl, To::Root) => format!(
                    "{name} is een X.509-certificaat: in stap 2 bekeken als basiscertificaat."
                ),
            },
            Outcome::Twice(to) => {
                let step = self.step_number(*to);
                match self {
                    Lang::En => format!("{name} was not loaded: more than one of the files dropped together is for step {step}, and either could be the one meant. Drop only that one."),
                    Lang::Nl => format!("{name} is niet geladen: meer dan één van de samen neergezette bestanden hoort bij stap {step}, en elk ervan kan het bedoelde zijn. Zet alleen dat ene neer."),
                }
            }
            Outcome::Refused(what) => {
                let (is, advice) = self.unknown(what);
                match self {
                    Lang::En => format!("{name} was not loaded: it is {is}. {advice}"),
                    Lang::Nl => format!("{name} is niet geladen: het is {is}. {advice}"),
                }
            }
            Outcome::TooLarge(f) => f.message(self.core()),
            Outcome::Unreadable => self.unreadable(name),
        }
    }

    fn step_number(self, to: To) -> u8 {
        match to {
            To::Request => 1,
            To::Root => 2,
            To::Chain => 4,
        }
    }

    /// What a file no step reads is, and what to do.
    fn unknown(self, what: &Unknown) -> (String, &'static str) {
        const EN_READS: &str = "This page reads the exported request (step 1), a root certificate (step 2) and the downloaded certificate chain (step 4).";
        const NL_READS: &str = "Deze pagina leest de geëxporteerde aanvraag (stap 1), een basiscertificaat (stap 2) en de gedownloade certificaatketen (stap 4).";
        let reads = match self {
            Lang::En => EN_READS,
            Lang::Nl => NL_READS,
        };
        match (self, what) {
            (Lang::En, Unknown::Empty) => ("empty (0 bytes)".to_owned(), reads),
            (Lang::Nl, Unknown::Empty) => ("leeg (0 bytes)".to_owned(), reads),
            (Lang::En, Unknown::Binary(k)) => (words::en::file_kind(*k).to_owned(), reads),
            (Lang::Nl, Unknown::Binary(k)) => (words::nl::file_kind(*k).to_owned(), reads),
            (Lang::En, Unknown::Pem { label }) if label.contains("PRIVATE KEY") => (
                format!("a private key ({label})"),
                "This page never needs a private key: keep it where it was, and do not send it to anyone.",
            ),
            (Lang::Nl, Unknown::Pem { label }) if label.contains("PRIVATE KEY") => (
                format!("een privésleutel ({label})"),
                "Deze pagina heeft nooit een privésleutel nodig: laat hem waar hij was en stuur hem aan niemand.",
            ),
            (Lang::En, Unknown::Pem { label }) => {
                (format!("a PEM file holding a {label}, not a certificate"), reads)
            }
            (Lang::Nl, Unknown::Pem { label }) => {
                (format!("een PEM-bestand met een {label}, geen certificaat"), reads)
            }
            (Lang::En, Unknown::AnchorKey) => (
                "a root key file".to_owned(),
                "It changes which root the verdict trusts, so it is only taken where you choose it on purpose: step 4, \"Verify against another root key\".",
            ),
            (Lang::Nl, Unknown::AnchorKey) => (
                "een basissleutelbestand".to_owned(),
                "Het bepaalt welke basis het oordeel vertrouwt, dus het wordt alleen gebruikt waar u het bewust kiest: stap 4, \"Controleren tegen een andere basissleutel\".",
            ),
            (Lang::En, Unknown::RequestAndChain) => (
                "a request and XrML certificates in one file".to_owned(),
                "Either step could be meant: save the request and the chain as separate files and drop them again.",
            ),
            (Lang::Nl, Unknown::RequestAndChain) => (
                "een aanvraag én XrML-certificaten in één bestand".to_owned(),
                "Elk van beide stappen kan bedoeld zijn: sla de aanvraag en de keten als aparte bestanden op en zet ze opnieuw neer.",
            ),
            (Lang::En, Unknown::Xml { root }) => {
                (format!("an XML file whose root element is <{root}>"), reads)
            }
            (Lang::Nl, Unknown::Xml { root }) => {
                (format!("een XML-bestand met hoofdelement <{root}>"), reads)
            }
            (Lang::En, Unknown::Text) => (
                "text without a request, XrML certificates or a certificate in it".to_owned(),
                reads,
            ),
            (Lang::Nl, Unknown::Text) => (
                "tekst zonder aanvraag, XrML-certificaten of certificaat erin".to_owned(),
                reads,
            ),
        }
    }

    /// The button that dismisses the drop notices.
    pub fn dismiss(self) -> &'static str {
        match self {
            Lang::En => "Dismiss",
            Lang::Nl => "Sluiten",
        }
    }

    /// Said (in a live region) after a copy button put its text on the clipboard.
    pub fn copied(self) -> &'static str {
        match self {
            Lang::En => "Copied",
            Lang::Nl => "Gekopieerd",
        }
    }

    /// Said when the browser refused the clipboard.
    pub fn copy_failed(self) -> &'static str {
        match self {
            Lang::En => "Not copied: the browser refused. Select the text and press Ctrl+C.",
            Lang::Nl => {
                "Niet gekopieerd: de browser weigerde. Selecteer de tekst en druk op Ctrl+C."
            }
        }
    }

    /// The button that copies an address (not a command).
    pub fn copy_address(self) -> &'static str {
        match self {
            Lang::En => "Copy address",
            Lang::Nl => "Adres kopiëren",
        }
    }

    /// The button that copies a command.
    pub fn copy_command(self) -> &'static str {
        match self {
            Lang::En => "Copy command",
            Lang::Nl => "Opdracht kopiëren",
        }
    }

    /// The accessible name of the scrollable view of the request's XML.
    pub fn request_xml_label(self) -> &'static str {
        match self {
            Lang::En => "The request's XML, with line numbers",
            Lang::Nl => "De XML van de aanvraag, met regelnummers",
        }
    }

    /// The pairing table's last column: does the row match.
    pub fn match_column(self) -> &'static str {
        match self {
            Lang::En => "Match",
            Lang::Nl => "Gelijk",
        }
    }

    /// The accessible name of the notices above the steps (local mode, configuration).
    pub fn notices_label(self) -> &'static str {
        match self {
            Lang::En => "Notices",
            Lang::Nl => "Meldingen",
        }
    }

    /// Shown while a file is dragged over the page, outside a drop zone.
    pub fn drop_anywhere(self) -> &'static str {
        match self {
            Lang::En => "Drop the files anywhere: each goes to the step it belongs to, by its content.",
            Lang::Nl => "Zet de bestanden ergens neer: elk gaat naar de stap waar het bij hoort, op grond van de inhoud.",
        }
    }
}
