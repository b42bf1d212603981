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
