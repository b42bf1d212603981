//! Step 2: the transfer workstation's trust prerequisites.
//!
//! A page cannot read the Windows root store or the IE zone list. What it can do: gather
//! browser facts (into [`BrowserFacts`], turned into findings here), probe an address, and
//! inspect a root certificate file the user supplies ([`inspect_root`]). For the rest it gives
//! the exact commands ([`manual_checks`]).

use crate::finding::{Code, Finding};
use crate::text::{hex, hex_colons};
use crate::time::UtcTime;
use serde::Serialize;

/// What the trust checks find, with typed context: one variant per problem. The words are made
/// in [`crate::words`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Found {}

impl Found {
    /// The stable code.
    pub fn code(&self) -> crate::finding::Code {
        match *self {}
    }

    /// One example of each variant, for the completeness tests and the findings docs.
    pub fn samples() -> Vec<Found> {
        vec![]
    }
}

/// GTE CyberTrust Global Root, SHA-256 thumbprint (rms-formats.md §1).
pub const GTE_SHA256: &str = "a53125188d2110aa964b02c7b7c6da3203170894e5fb71fffb6667d5e6810a36";
/// GTE CyberTrust Global Root, SHA-1 thumbprint (what `certutil` prints).
pub const GTE_SHA1: &str = "97817950d81c9670cc34d809cf794431367ef474";

/// Roots the procedure or Microsoft's services name, by SHA-1 thumbprint.
const KNOWN_ROOTS: &[(&str, &str, &str)] = &[
    (
        GTE_SHA1,
        "GTE CyberTrust Global Root",
        "named by the Windows RMS procedure; expired 2018-08-13",
    ),
    (
        "d4de20d05e66fc53fe1a50882c78db2852cae474",
        "Baltimore CyberTrust Root",
        "its successor for Microsoft services; expired 2025-05-12",
    ),
    (
        "df3c24f9bfd666761b268073fe06d1cc8d4f82a4",
        "DigiCert Global Root G2",
        "a current root of Microsoft's TLS services",
    ),
    (
        "73a5e64a3bff8316ff0edccc618a906e4eae4d74",
        "Microsoft RSA Root Certificate Authority 2017",
        "a current root of Microsoft's TLS services",
    ),
];

/// What the page learnt about a root certificate file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RootInfo {
    /// Subject distinguished name.
    pub subject: String,
    /// Issuer distinguished name.
    pub issuer: String,
    /// Serial number, hex.
    pub serial: String,
    /// Not before.
    pub not_before: UtcTime,
    /// Not after.
    pub not_after: UtcTime,
    /// SHA-1 thumbprint (colon hex), as Windows shows it.
    pub sha1: String,
    /// SHA-256 thumbprint (colon hex).
    pub sha256: String,
    /// The known root this is, if any.
    pub recognised_as: Option<String>,
    /// The command that checks this root in the Windows store.
    pub certutil_command: String,
}

/// Reads a PEM or DER X.509 certificate and says what it is, at `now`.
pub fn inspect_root(bytes: &[u8], now: UtcTime) -> (Option<RootInfo>, Vec<Finding>) {
    use sha2::Digest;
    let mut findings = vec![];
    let der: Vec<u8> = match x509_parser::pem::parse_x509_pem(bytes) {
        Ok((_, pem)) if pem.label.contains("CERTIFICATE") => pem.contents,
        _ => bytes.to_vec(),
    };
    let cert = match x509_parser::parse_x509_certificate(&der) {
        Ok((_, c)) => c,
        Err(e) => {
            findings.push(Finding::new(Code::RootParseFailed, format!("The file is not an X.509 certificate in PEM or DER form ({e})."), "Export the root from certmgr.msc (Trusted Root Certification Authorities → the root → All Tasks → Export, DER or Base-64 .cer) and drop that file."));
            return (None, findings);
        }
    };
    let sha1 = hex(&sha1::Sha1::digest(&der));
    let sha256 = hex(&sha2::Sha256::digest(&der));
    let not_before = UtcTime::from_unix(cert.validity().not_before.timestamp());
    let not_after = UtcTime::from_unix(cert.validity().not_after.timestamp());
    let known = KNOWN_ROOTS.iter().find(|(t, ..)| *t == sha1);
    let info = RootInfo {
        subject: cert.subject().to_string(),
        issuer: cert.issuer().to_string(),
        serial: cert.raw_serial_as_string(),
        not_before,
        not_after,
        sha1: hex_colons(&sha1::Sha1::digest(&der)),
        sha256: hex_colons(&sha2::Sha256::digest(&der)),
        recognised_as: known.map(|(_, n, _)| (*n).to_owned()),
        certutil_command: format!("certutil -verifystore Root {sha1}"),
    };
    if sha1 == GTE_SHA1 && sha256 == GTE_SHA256 {
        findings.push(Finding::new(Code::RootGteExpired, format!("This is the GTE CyberTrust Global Root (serial 01A5); it expired on {}.", not_after.date()), "The Microsoft enrollment site's TLS moved to Baltimore CyberTrust Root and then to DigiCert Global Root G2 / Microsoft RSA Root CA 2017. Make sure those are trusted (Windows Update's root update); the GTE root no longer helps."));
    } else if now > not_after {
        findings.push(Finding::new(Code::RootExpired, format!("\"{}\" expired on {}.", info.subject, not_after.date()), "An expired root does not make a site trusted. Install the current root through Windows Update."));
    }
    if known.is_none() {
        findings.push(Finding::new(Code::RootUnrecognised, format!("\"{}\" is not one of the roots the procedure or Microsoft's current services name.", info.subject), "Nothing to fix if you meant this root; the procedure names GTE CyberTrust Global Root, now replaced by DigiCert Global Root G2 and Microsoft RSA Root CA 2017."));
    }
    (Some(info), findings)
}

/// Browser facts the page gathers; the core turns them into findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct BrowserFacts {
    /// `window.isSecureContext`.
    pub secure_context: bool,
    /// `crypto.subtle` exists.
    pub subtle_crypto: bool,
    /// `navigator.onLine`.
    pub online: bool,
    /// The page's protocol is `file:`.
    pub local_file: bool,
    /// The browser clock, seconds since the epoch.
    pub clock: i64,
    /// The build time of the app, seconds since the epoch (a clock earlier than this is wrong).
    pub build_time: i64,
}

/// A measured fact, for the checklist: label, value, whether it is fine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Measured {
    /// What was measured.
    pub label: &'static str,
    /// What was found.
    pub value: String,
    /// True when it is as it should be.
    pub ok: bool,
}

/// Turns browser facts into findings and a measured list.
pub fn browser_findings(f: &BrowserFacts) -> (Vec<Measured>, Vec<Finding>) {
    let mut findings = vec![];
    let clock_ok = f.clock >= f.build_time - 86_400;
    let measured = vec![
        Measured {
            label: "WebAssembly",
            value: "available (this page runs on it)".into(),
            ok: true,
        },
        Measured {
            label: "Secure context",
            value: if f.secure_context { "yes" } else { "no" }.into(),
            ok: true,
        },
        Measured {
            label: "Web Crypto (crypto.subtle)",
            value: if f.subtle_crypto {
                "available"
            } else {
                "not available (not needed: hashes are computed in WebAssembly)"
            }
            .into(),
            ok: true,
        },
        Measured {
            label: "Online (browser's hint)",
            value: if f.online { "online" } else { "offline" }.into(),
            ok: f.online,
        },
        Measured {
            label: "Clock",
            value: UtcTime::from_unix(f.clock).to_string(),
            ok: clock_ok,
        },
        Measured {
            label: "Mode",
            value: if f.local_file {
                "local file (file://)"
            } else {
                "hosted page"
            }
            .into(),
            ok: true,
        },
    ];
    if !f.secure_context {
        findings.push(Finding::new(
            Code::EnvInsecureContext,
            "The page is not a secure context.",
            "Nothing to fix for this tool; if hosting it, serve it over HTTPS.",
        ));
    }
    if !f.online {
        findings.push(Finding::new(Code::EnvOffline, "The browser reports that it is offline.", "Connect this workstation to the internet before step 3 (submit); the other steps work offline."));
    }
    if !clock_ok {
        findings.push(Finding::new(
            Code::EnvClockSuspect,
            format!(
                "The clock says {}, which is before this tool was built.",
                UtcTime::from_unix(f.clock)
            ),
            "Set this computer's date and time; certificate expiry is judged against it.",
        ));
    }
    if f.local_file {
        findings.push(Finding::new(
            Code::EnvLocalFileMode,
            "The page runs from a local file.",
            "Nothing to fix.",
        ));
    }
    (measured, findings)
}

/// The outcome of the optional reachability probe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProbeOutcome {
    /// The fetch completed (an opaque response): the address answered.
    Reached,
    /// The fetch failed or timed out: unreachable, blocked by a proxy or policy, or TLS failed.
    BlockedOrUnreachable,
}

/// The finding for a probe outcome.
pub fn probe_finding(url: &str, outcome: ProbeOutcome) -> Finding {
    match outcome {
        ProbeOutcome::Reached => Finding::new(Code::ProbeReached, format!("{url} answered an HTTPS request."), "Nothing to fix. The page cannot see the answer's content, only that one came."),
        ProbeOutcome::BlockedOrUnreachable => Finding::new(Code::ProbeUnreachable, format!("{url} could not be reached: it is down, blocked by a proxy or firewall, or its TLS certificate is not trusted."), "Open the address in the browser to see which. Microsoft decommissioned the Windows RMS enrollment service; if it no longer answers, the SLC cannot be renewed through it (see KB 2853958)."),
    }
}

/// A check a page cannot make, with the exact command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ManualCheck {
    /// What to check.
    pub what: &'static str,
    /// How, in words.
    pub how: &'static str,
    /// The command to copy.
    pub command: String,
}

/// The checks only the user can make on Windows, for the configured enrollment host.
pub fn manual_checks(enrollment_origin: &str) -> Vec<ManualCheck> {
    vec![
        ManualCheck {
            what: "The enrollment site is in the Trusted Sites zone",
            how: "Internet Options → Security → Trusted sites → Sites (or the Group Policy Site to Zone Assignment List, value 2). This command lists the zone map entries set by policy and by hand:",
            command: "reg query \"HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\ZoneMap\\Domains\" /s & reg query \"HKLM\\Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\ZoneMapKey\"".to_owned(),
        },
        ManualCheck {
            what: "Open Internet Options to add the site",
            how: "Add this address under Trusted sites:",
            command: format!("inetcpl.cpl   (add {enrollment_origin})"),
        },
        ManualCheck {
            what: "GTE CyberTrust Global Root in the machine's root store (what the procedure names)",
            how: "Run in a command prompt; \"-verifystore\" prints the certificate when it is present:",
            command: format!("certutil -verifystore Root {GTE_SHA1}"),
        },
        ManualCheck {
            what: "The current Microsoft TLS roots in the store",
            how: "DigiCert Global Root G2 and Microsoft RSA Root Certificate Authority 2017:",
            command: "certutil -verifystore Root df3c24f9bfd666761b268073fe06d1cc8d4f82a4 & certutil -verifystore Root 73a5e64a3bff8316ff0edccc618a906e4eae4d74".to_owned(),
        },
    ]
}
