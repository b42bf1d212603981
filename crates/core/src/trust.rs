//! Step 2: the transfer workstation's trust prerequisites.
//!
//! A page cannot read the Windows root store or the IE zone list. What it can do: gather
//! browser facts (into [`BrowserFacts`], turned into findings here), probe an address, and
//! inspect a root certificate file the user supplies ([`inspect_root`]). For the rest it gives
//! the exact commands ([`manual_checks`]).

use crate::finding::{Code, Finding};
use crate::lang::Lang;
use crate::text::{hex, hex_colons};
use crate::time::UtcTime;
use serde::Serialize;

/// What the trust checks find, with typed context: one variant per problem. The words are made
/// in [`crate::words`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Found {
    /// `root-parse-failed`: the file is not a certificate.
    RootParseFailed {
        /// The label of the PEM block the file holds (`CERTIFICATE`, `PRIVATE KEY`, …), or
        /// `None` when it is no PEM at all (and was read as DER).
        pem_label: Option<String>,
        /// The file's size in bytes.
        size: usize,
    },
    /// `root-gte-expired`: the GTE CyberTrust Global Root the procedure names.
    RootGteExpired {
        /// Its expiry.
        not_after: UtcTime,
    },
    /// `root-expired`: another root that has expired.
    RootExpired {
        /// The subject DN.
        subject: String,
        /// Its expiry.
        not_after: UtcTime,
    },
    /// `root-unrecognised`: not one of the roots the procedure or Microsoft's services name.
    RootUnrecognised {
        /// The subject DN.
        subject: String,
    },
    /// `env-insecure-context`.
    EnvInsecureContext {},
    /// `env-offline`.
    EnvOffline {},
    /// `env-clock-suspect`: the clock is earlier than the app's build.
    EnvClockSuspect {
        /// The browser's clock.
        clock: UtcTime,
        /// When the app was built.
        built: UtcTime,
    },
    /// `env-local-file-mode`.
    EnvLocalFileMode {},
    /// `probe-reached`: the address answered.
    ProbeReached {
        /// The address probed.
        url: String,
    },
    /// `probe-unreachable`: the address did not answer (down, blocked, or untrusted TLS).
    ProbeUnreachable {
        /// The address probed.
        url: String,
    },
}

impl Found {
    /// The stable code.
    pub fn code(&self) -> crate::finding::Code {
        match self {
            Found::RootParseFailed { .. } => Code::RootParseFailed,
            Found::RootGteExpired { .. } => Code::RootGteExpired,
            Found::RootExpired { .. } => Code::RootExpired,
            Found::RootUnrecognised { .. } => Code::RootUnrecognised,
            Found::EnvInsecureContext {} => Code::EnvInsecureContext,
            Found::EnvOffline {} => Code::EnvOffline,
            Found::EnvClockSuspect { .. } => Code::EnvClockSuspect,
            Found::EnvLocalFileMode {} => Code::EnvLocalFileMode,
            Found::ProbeReached { .. } => Code::ProbeReached,
            Found::ProbeUnreachable { .. } => Code::ProbeUnreachable,
        }
    }

    /// One example of each variant, for the completeness tests and the findings docs.
    pub fn samples() -> Vec<Found> {
        let at = |s: &str| UtcTime::parse(s).unwrap_or(UtcTime::from_unix(0));
        vec![
            Found::RootParseFailed {
                pem_label: None,
                size: 1_186,
            },
            Found::RootParseFailed {
                pem_label: Some("PRIVATE KEY".into()),
                size: 1_704,
            },
            Found::RootParseFailed {
                pem_label: Some("CERTIFICATE".into()),
                size: 77,
            },
            Found::RootGteExpired {
                not_after: at("2018-08-13T23:59"),
            },
            Found::RootExpired {
                subject: "C=IE, O=Baltimore, OU=CyberTrust, CN=Baltimore CyberTrust Root".into(),
                not_after: at("2025-05-12T23:59"),
            },
            Found::RootUnrecognised {
                subject: "CN=Contoso Root CA".into(),
            },
            Found::EnvInsecureContext {},
            Found::EnvOffline {},
            Found::EnvClockSuspect {
                clock: at("2001-01-01T00:00"),
                built: at("2026-11-01T09:30"),
            },
            Found::EnvLocalFileMode {},
            Found::ProbeReached {
                url: "https://activation.drm.microsoft.com/offlineenroll/Enrollment.aspx".into(),
            },
            Found::ProbeUnreachable {
                url: "https://activation.drm.microsoft.com/offlineenroll/Enrollment.aspx".into(),
            },
        ]
    }
}

/// GTE CyberTrust Global Root, SHA-256 thumbprint (rms-formats.md §1).
pub const GTE_SHA256: &str = "a53125188d2110aa964b02c7b7c6da3203170894e5fb71fffb6667d5e6810a36";
/// GTE CyberTrust Global Root, SHA-1 thumbprint (what `certutil` prints).
pub const GTE_SHA1: &str = "97817950d81c9670cc34d809cf794431367ef474";

/// Roots the procedure or Microsoft's services name, by SHA-1 thumbprint.
const KNOWN_ROOTS: &[(&str, &str)] = &[
    // Named by the Windows RMS procedure; expired 2018-08-13.
    (GTE_SHA1, "GTE CyberTrust Global Root"),
    // Its successor for Microsoft services; expired 2025-05-12.
    (
        "d4de20d05e66fc53fe1a50882c78db2852cae474",
        "Baltimore CyberTrust Root",
    ),
    // The current roots of Microsoft's TLS services.
    (
        "df3c24f9bfd666761b268073fe06d1cc8d4f82a4",
        "DigiCert Global Root G2",
    ),
    (
        "73a5e64a3bff8316ff0edccc618a906e4eae4d74",
        "Microsoft RSA Root Certificate Authority 2017",
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
    let mut pem_label = None;
    let der: Vec<u8> = match x509_parser::pem::parse_x509_pem(bytes) {
        Ok((_, pem)) => {
            let is_cert = pem.label.contains("CERTIFICATE");
            pem_label = Some(pem.label);
            if is_cert {
                pem.contents
            } else {
                bytes.to_vec()
            }
        }
        Err(_) => bytes.to_vec(),
    };
    let cert = match x509_parser::parse_x509_certificate(&der) {
        Ok((_, c)) => c,
        Err(_) => {
            findings.push(Finding::of(Found::RootParseFailed {
                pem_label,
                size: bytes.len(),
            }));
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
        recognised_as: known.map(|(_, n)| (*n).to_owned()),
        certutil_command: format!("certutil -verifystore Root {sha1}"),
    };
    if sha1 == GTE_SHA1 && sha256 == GTE_SHA256 {
        findings.push(Finding::of(Found::RootGteExpired { not_after }));
    } else if now > not_after {
        findings.push(Finding::of(Found::RootExpired {
            subject: info.subject.clone(),
            not_after,
        }));
    }
    if known.is_none() {
        findings.push(Finding::of(Found::RootUnrecognised {
            subject: info.subject.clone(),
        }));
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

/// A fact the page measured, typed; its label and value are words of
/// [`crate::words`] ([`Measured::words`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "what", rename_all = "kebab-case")]
pub enum Measured {
    /// WebAssembly runs (always: the page runs on it).
    WebAssembly,
    /// `window.isSecureContext`.
    SecureContext {
        /// Whether it is one.
        secure: bool,
    },
    /// `crypto.subtle` (not needed: hashes are computed in WebAssembly).
    WebCrypto {
        /// Whether it exists.
        available: bool,
    },
    /// `navigator.onLine`, the browser's hint.
    Online {
        /// What the browser says.
        online: bool,
    },
    /// The browser's clock.
    Clock {
        /// Its time.
        now: UtcTime,
        /// False when it is earlier than the app's build.
        plausible: bool,
    },
    /// How the page runs.
    Mode {
        /// From a local file (`file://`) rather than hosted.
        local_file: bool,
    },
}

impl Measured {
    /// True when it is as it should be.
    pub fn ok(&self) -> bool {
        match *self {
            Measured::WebAssembly
            | Measured::SecureContext { .. }
            | Measured::WebCrypto { .. }
            | Measured::Mode { .. } => true,
            Measured::Online { online } => online,
            Measured::Clock { plausible, .. } => plausible,
        }
    }

    /// A stable id (`web-assembly`, `secure-context`, …), for tests and markup.
    pub fn id(&self) -> &'static str {
        match self {
            Measured::WebAssembly => "web-assembly",
            Measured::SecureContext { .. } => "secure-context",
            Measured::WebCrypto { .. } => "web-crypto",
            Measured::Online { .. } => "online",
            Measured::Clock { .. } => "clock",
            Measured::Mode { .. } => "mode",
        }
    }

    /// What was measured and what was found, in `lang`.
    pub fn words(&self, lang: Lang) -> Row {
        match lang {
            Lang::En => crate::words::en::measured(self),
            Lang::Nl => crate::words::nl::measured(self),
        }
    }

    /// One of every kind and value, for the language tests.
    pub fn samples() -> Vec<Measured> {
        let now = UtcTime::from_unix(1_795_000_000);
        let mut v = vec![Measured::WebAssembly];
        for b in [true, false] {
            v.extend([
                Measured::SecureContext { secure: b },
                Measured::WebCrypto { available: b },
                Measured::Online { online: b },
                Measured::Clock { now, plausible: b },
                Measured::Mode { local_file: b },
            ]);
        }
        v
    }
}

/// Two pieces of words: a title and its explanation (a measured fact's label and value, a
/// manual check's what and how).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The label or title.
    pub title: String,
    /// The value or explanation.
    pub detail: String,
}

/// Turns browser facts into findings and a measured list.
pub fn browser_findings(f: &BrowserFacts) -> (Vec<Measured>, Vec<Finding>) {
    let mut findings = vec![];
    let clock_ok = f.clock >= f.build_time - 86_400;
    let measured = vec![
        Measured::WebAssembly,
        Measured::SecureContext {
            secure: f.secure_context,
        },
        Measured::WebCrypto {
            available: f.subtle_crypto,
        },
        Measured::Online { online: f.online },
        Measured::Clock {
            now: UtcTime::from_unix(f.clock),
            plausible: clock_ok,
        },
        Measured::Mode {
            local_file: f.local_file,
        },
    ];
    if !f.secure_context {
        findings.push(Finding::of(Found::EnvInsecureContext {}));
    }
    if !f.online {
        findings.push(Finding::of(Found::EnvOffline {}));
    }
    if !clock_ok {
        findings.push(Finding::of(Found::EnvClockSuspect {
            clock: UtcTime::from_unix(f.clock),
            built: UtcTime::from_unix(f.build_time),
        }));
    }
    if f.local_file {
        findings.push(Finding::of(Found::EnvLocalFileMode {}));
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
    let url = url.to_owned();
    Finding::of(match outcome {
        ProbeOutcome::Reached => Found::ProbeReached { url },
        ProbeOutcome::BlockedOrUnreachable => Found::ProbeUnreachable { url },
    })
}

/// The checks only the user can make on Windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    /// The enrollment site is in the Trusted Sites zone.
    TrustedSitesZone,
    /// Add the site in Internet Options (the text to copy is the address itself).
    AddTrustedSite,
    /// The GTE CyberTrust Global Root (what the procedure names) in the machine's root store.
    GteRootInStore,
    /// The current Microsoft TLS roots in the store.
    CurrentRootsInStore,
}

impl Check {
    /// Every check, in the order the page lists them.
    pub const ALL: [Check; 4] = [
        Check::TrustedSitesZone,
        Check::AddTrustedSite,
        Check::GteRootInStore,
        Check::CurrentRootsInStore,
    ];

    /// A stable id (kebab-case).
    pub fn id(self) -> &'static str {
        match self {
            Check::TrustedSitesZone => "trusted-sites-zone",
            Check::AddTrustedSite => "add-trusted-site",
            Check::GteRootInStore => "gte-root-in-store",
            Check::CurrentRootsInStore => "current-roots-in-store",
        }
    }

    /// What to check and how, in `lang`.
    pub fn words(self, lang: Lang) -> Row {
        match lang {
            Lang::En => crate::words::en::manual(self),
            Lang::Nl => crate::words::nl::manual(self),
        }
    }
}

/// A check a page cannot make, with the exact command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ManualCheck {
    /// Which check.
    pub check: Check,
    /// The command to copy (for [`Check::AddTrustedSite`], the address to add).
    pub command: String,
}

/// The checks only the user can make on Windows, for the configured enrollment host, in
/// [`Check::ALL`] order.
pub fn manual_checks(enrollment_origin: &str) -> Vec<ManualCheck> {
    Check::ALL
        .into_iter()
        .map(|check| ManualCheck {
            check,
            command: match check {
                Check::TrustedSitesZone => "reg query \"HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\ZoneMap\\Domains\" /s & reg query \"HKLM\\Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\ZoneMapKey\"".to_owned(),
                Check::AddTrustedSite => enrollment_origin.to_owned(),
                Check::GteRootInStore => format!("certutil -verifystore Root {GTE_SHA1}"),
                Check::CurrentRootsInStore => "certutil -verifystore Root df3c24f9bfd666761b268073fe06d1cc8d4f82a4 & certutil -verifystore Root 73a5e64a3bff8316ff0edccc618a906e4eae4d74".to_owned(),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::What;

    fn trust(f: &Finding) -> &Found {
        match f.what() {
            What::Trust(t) => t,
            other => panic!("not a trust finding: {other:?}"),
        }
    }

    fn at(s: &str) -> UtcTime {
        UtcTime::parse(s).unwrap_or_else(|| panic!("{s}"))
    }

    #[test]
    fn every_code_of_the_area_has_a_sample() {
        let codes: Vec<Code> = Found::samples().iter().map(Found::code).collect();
        for c in [
            Code::RootParseFailed,
            Code::RootGteExpired,
            Code::RootExpired,
            Code::RootUnrecognised,
            Code::EnvInsecureContext,
            Code::EnvOffline,
            Code::EnvClockSuspect,
            Code::EnvLocalFileMode,
            Code::ProbeReached,
            Code::ProbeUnreachable,
        ] {
            assert!(codes.contains(&c), "{c}");
        }
    }

    #[test]
    fn a_file_that_is_no_certificate_says_what_it_is() {
        let (info, f) = inspect_root(b"hello", at("2026-01-01T00:00"));
        assert!(info.is_none());
        assert_eq!(
            f.iter().map(trust).collect::<Vec<_>>(),
            vec![&Found::RootParseFailed {
                pem_label: None,
                size: 5
            }]
        );
        let key = b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
        let (_, f) = inspect_root(key, at("2026-01-01T00:00"));
        assert_eq!(
            f.iter().map(trust).collect::<Vec<_>>(),
            vec![&Found::RootParseFailed {
                pem_label: Some("PRIVATE KEY".into()),
                size: key.len()
            }]
        );
        let broken = b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        let (_, f) = inspect_root(broken, at("2026-01-01T00:00"));
        assert_eq!(
            f.iter().map(trust).collect::<Vec<_>>(),
            vec![&Found::RootParseFailed {
                pem_label: Some("CERTIFICATE".into()),
                size: broken.len()
            }]
        );
        // The three read differently.
        let en: Vec<String> = f
            .iter()
            .chain(inspect_root(b"x", UtcTime::from_unix(0)).1.iter())
            .map(|f| f.message(Lang::En))
            .collect();
        assert_ne!(en[0], en[1]);
    }

    #[test]
    fn browser_facts_become_typed_measurements_and_findings() {
        let facts = BrowserFacts {
            secure_context: false,
            subtle_crypto: false,
            online: false,
            local_file: true,
            clock: 1_000_000_000,
            build_time: 1_795_000_000,
        };
        let (m, f) = browser_findings(&facts);
        assert_eq!(
            m,
            vec![
                Measured::WebAssembly,
                Measured::SecureContext { secure: false },
                Measured::WebCrypto { available: false },
                Measured::Online { online: false },
                Measured::Clock {
                    now: UtcTime::from_unix(1_000_000_000),
                    plausible: false
                },
                Measured::Mode { local_file: true },
            ]
        );
        assert_eq!(
            m.iter().map(Measured::ok).collect::<Vec<_>>(),
            [true, true, true, false, false, true]
        );
        assert_eq!(
            f.iter().map(trust).cloned().collect::<Vec<_>>(),
            vec![
                Found::EnvInsecureContext {},
                Found::EnvOffline {},
                Found::EnvClockSuspect {
                    clock: UtcTime::from_unix(1_000_000_000),
                    built: UtcTime::from_unix(1_795_000_000),
                },
                Found::EnvLocalFileMode {},
            ]
        );
        // A day's grace before the build time.
        let fine = BrowserFacts {
            secure_context: true,
            subtle_crypto: true,
            online: true,
            local_file: false,
            clock: 1_795_000_000 - 86_400,
            build_time: 1_795_000_000,
        };
        let (m, f) = browser_findings(&fine);
        assert!(f.is_empty(), "{f:?}");
        assert!(m.iter().all(Measured::ok));
        let late = BrowserFacts {
            clock: 1_795_000_000 - 86_401,
            ..fine
        };
        assert_eq!(codes(&browser_findings(&late).1), [Code::EnvClockSuspect]);
    }

    fn codes(f: &[Finding]) -> Vec<Code> {
        crate::finding::codes(f)
    }

    #[test]
    fn the_probe_names_its_address() {
        let url = "https://rms.example.test/enroll";
        assert_eq!(
            trust(&probe_finding(url, ProbeOutcome::Reached)),
            &Found::ProbeReached { url: url.into() }
        );
        assert_eq!(
            trust(&probe_finding(url, ProbeOutcome::BlockedOrUnreachable)),
            &Found::ProbeUnreachable { url: url.into() }
        );
        assert!(probe_finding(url, ProbeOutcome::Reached)
            .message(Lang::Nl)
            .contains(url));
    }

    #[test]
    fn manual_checks_keep_their_commands_as_data() {
        let checks = manual_checks("https://rms.example.test");
        assert_eq!(
            checks.iter().map(|c| c.check).collect::<Vec<_>>(),
            Check::ALL
        );
        assert_eq!(checks[1].command, "https://rms.example.test");
        assert_eq!(
            checks[2].command,
            format!("certutil -verifystore Root {GTE_SHA1}")
        );
        assert!(checks[0].command.contains("ZoneMap"));
        assert!(checks[3]
            .command
            .contains("df3c24f9bfd666761b268073fe06d1cc8d4f82a4"));
    }

    /// Product names that are the same word in both languages.
    const NAMES: [&str; 2] = ["WebAssembly", "Web Crypto (crypto.subtle)"];

    #[test]
    fn measurements_and_checks_read_differently_in_dutch() {
        for m in Measured::samples() {
            let (en, nl) = (m.words(Lang::En), m.words(Lang::Nl));
            assert!(!en.title.is_empty() && !en.detail.is_empty(), "{m:?}");
            if !NAMES.contains(&en.title.as_str()) {
                assert_ne!(en.title, nl.title, "{m:?}");
            }
            // A plausible clock's value is only a time, the same in both.
            if !matches!(
                m,
                Measured::Clock {
                    plausible: true,
                    ..
                }
            ) {
                assert_ne!(en.detail, nl.detail, "{m:?}");
            }
        }
        for c in Check::ALL {
            let (en, nl) = (c.words(Lang::En), c.words(Lang::Nl));
            assert_ne!(en.title, nl.title, "{c:?}");
            assert_ne!(en.detail, nl.detail, "{c:?}");
        }
        // Every check has its own title.
        let titles: std::collections::BTreeSet<String> =
            Check::ALL.iter().map(|c| c.words(Lang::Nl).title).collect();
        assert_eq!(titles.len(), Check::ALL.len());
    }

    #[test]
    fn an_implausible_clock_is_said_so() {
        let now = UtcTime::from_unix(1_000_000_000);
        for l in Lang::ALL {
            let ok = Measured::Clock {
                now,
                plausible: true,
            }
            .words(l);
            let bad = Measured::Clock {
                now,
                plausible: false,
            }
            .words(l);
            assert!(ok.detail.contains(&now.to_string()));
            assert_ne!(ok.detail, bad.detail);
        }
    }
}
