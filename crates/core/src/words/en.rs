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
    match *f {}
}

// ---- step 4: the chain ----------------------------------------------------------------------

fn chain(f: &crate::chain::Found) -> Text {
    match *f {}
}

// ---- step 2: trust prerequisites -----------------------------------------------------------

fn trust(f: &crate::trust::Found) -> Text {
    match *f {}
}
