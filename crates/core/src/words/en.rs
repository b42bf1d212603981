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
    use crate::trust::Found;
    const EXPORT_ROOT: &str = "Export the root from certmgr.msc (Trusted Root Certification Authorities → Certificates → the root → All Tasks → Export, DER or Base-64 encoded .cer) and drop that file.";
    match f {
        Found::RootParseFailed {
            pem_label: None,
            size,
        } => t(
            format!(
                "The file ({}) is not an X.509 certificate: neither PEM nor DER.",
                bytes(*size as u64)
            ),
            EXPORT_ROOT,
        ),
        Found::RootParseFailed {
            pem_label: Some(label),
            ..
        } if label.contains("CERTIFICATE") => t(
            format!("The file's PEM block ({label}) does not hold a readable X.509 certificate: it is damaged or cut short."),
            EXPORT_ROOT,
        ),
        Found::RootParseFailed {
            pem_label: Some(label),
            ..
        } => t(
            format!("The file holds a PEM block labelled {label}, not a certificate."),
            EXPORT_ROOT,
        ),
        Found::RootGteExpired { not_after } => t(
            format!(
                "This is the GTE CyberTrust Global Root (serial 01A5) that the procedure names; it expired on {}.",
                not_after.date()
            ),
            "The Microsoft enrollment site's TLS moved to Baltimore CyberTrust Root and then to DigiCert Global Root G2 / Microsoft RSA Root CA 2017. Make sure those are trusted (Windows Update's root certificate update); the GTE root no longer helps.",
        ),
        Found::RootExpired { subject, not_after } => t(
            format!("\"{subject}\" expired on {}.", not_after.date()),
            "An expired root does not make a site trusted. Install the current root through Windows Update.",
        ),
        Found::RootUnrecognised { subject } => t(
            format!("\"{subject}\" is not one of the roots the procedure or Microsoft's current services name."),
            "Nothing to fix if you meant this root; the procedure names GTE CyberTrust Global Root, now replaced by DigiCert Global Root G2 and Microsoft RSA Root CA 2017.",
        ),
        Found::EnvInsecureContext {} => t(
            "The page is not a secure context.",
            "Nothing to fix for this tool (it does not need Web Crypto); if you host it, serve it over HTTPS.",
        ),
        Found::EnvOffline {} => t(
            "The browser reports that it is offline.",
            "Connect this workstation to the internet before step 3 (submit); the other steps work offline.",
        ),
        Found::EnvClockSuspect { clock, built } => t(
            format!("The clock says {clock}, which is before this tool was built ({built})."),
            "Set this computer's date and time; certificate expiry is judged against it.",
        ),
        Found::EnvLocalFileMode {} => t(
            "The page runs from a local file (file://): nothing is sent anywhere unless you submit in step 3.",
            "Nothing to fix.",
        ),
        Found::ProbeReached { url } => t(
            format!("{url} answered an HTTPS request."),
            "Nothing to fix. The page cannot see the answer's content, only that one came.",
        ),
        Found::ProbeUnreachable { url } => t(
            format!("{url} could not be reached: it is down, blocked by a proxy or firewall, or its TLS certificate is not trusted."),
            "Open the address in the browser to see which. Microsoft decommissioned the Windows RMS enrollment service; if it no longer answers, the SLC cannot be renewed through it (see KB 2853958).",
        ),
    }
}

/// A fact the page measured: its label and value.
pub(crate) fn measured(m: &crate::trust::Measured) -> crate::trust::Row {
    use crate::trust::Measured;
    let (title, detail): (&str, String) = match *m {
        Measured::WebAssembly => ("WebAssembly", "available (this page runs on it)".into()),
        Measured::SecureContext { secure } => {
            ("Secure context", if secure { "yes" } else { "no" }.into())
        }
        Measured::WebCrypto { available } => (
            "Web Crypto (crypto.subtle)",
            if available {
                "available"
            } else {
                "not available (not needed: hashes are computed in WebAssembly)"
            }
            .into(),
        ),
        Measured::Online { online } => (
            "Online (the browser's hint)",
            if online { "online" } else { "offline" }.into(),
        ),
        Measured::Clock { now, plausible } => (
            "Clock",
            if plausible {
                format!("{now} (UTC)")
            } else {
                format!("{now} (UTC), before this tool was built")
            },
        ),
        Measured::Mode { local_file } => (
            "Mode",
            if local_file {
                "local file (file://)"
            } else {
                "hosted page"
            }
            .into(),
        ),
    };
    crate::trust::Row {
        title: title.into(),
        detail,
    }
}

/// A check only the user can make: what and how.
pub(crate) fn manual(c: crate::trust::Check) -> crate::trust::Row {
    use crate::trust::Check;
    let (title, detail) = match c {
        Check::TrustedSitesZone => (
            "The enrollment site is in the Trusted sites zone",
            "Internet Options → Security → Trusted sites → Sites (or the Group Policy Site to Zone Assignment List, value 2). This command lists the zone map entries set by policy and by hand:",
        ),
        Check::AddTrustedSite => (
            "Add the enrollment site to Trusted sites",
            "Open Internet Options (inetcpl.cpl) → Security → Trusted sites → Sites and add this address:",
        ),
        Check::GteRootInStore => (
            "GTE CyberTrust Global Root in the machine's root store (what the procedure names)",
            "Run in a command prompt; \"-verifystore\" prints the certificate when it is present:",
        ),
        Check::CurrentRootsInStore => (
            "The current Microsoft TLS roots in the store",
            "DigiCert Global Root G2 and Microsoft RSA Root Certificate Authority 2017:",
        ),
    };
    crate::trust::Row {
        title: title.into(),
        detail: detail.into(),
    }
}
