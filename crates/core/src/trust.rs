//! Step 2: the transfer workstation's trust prerequisites.
//!
//! A page cannot read the Windows root store or the IE zone list. What it can do: gather
//! browser facts (into [`BrowserFacts`], turned into findings here), probe an address, and
//! inspect a root certificate file the user supplies ([`inspect_root`]). For the rest it gives
//! the exact commands ([`manual_checks`]).

use crate::finding::{Code, Finding};
use crate::lang::Lang;
use crate::policy::{CLOCK_AHEAD_LIMIT_DAYS, CLOCK_BEHIND_GRACE_SECS};
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
    /// `env-clock-suspect`: the clock is earlier than the app's build, or implausibly far
    /// after it ([`judge_clock`]).
    EnvClockSuspect {
        /// The browser's clock.
        clock: UtcTime,
        /// When the app was built.
        built: UtcTime,
        /// Which way it is wrong.
        problem: ClockProblem,
    },
    /// `env-local-file-mode`.
    EnvLocalFileMode {},
    /// `probe-reached`: something answered at the address (a `no-cors` response is opaque:
    /// neither its status nor its content is known).
    ProbeReached {
        /// The address probed.
        url: String,
        /// Its scheme, lowercase (`https` or `http`).
        scheme: String,
    },
    /// `probe-unreachable`: the request failed before any answer (name, connection, TLS, a
    /// proxy or the browser's own rules; the browser does not say which).
    ProbeUnreachable {
        /// The address probed.
        url: String,
        /// Its scheme, lowercase.
        scheme: String,
    },
    /// `probe-timed-out`: no answer within the probe's time limit (the request was cancelled).
    ProbeTimedOut {
        /// The address probed.
        url: String,
        /// Its scheme, lowercase.
        scheme: String,
        /// The time limit, in seconds.
        seconds: u32,
    },
}

/// Which way the browser's clock is implausible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClockProblem {
    /// Earlier than the app's build (beyond [`CLOCK_BEHIND_GRACE_SECS`]).
    BeforeBuild,
    /// More than [`CLOCK_AHEAD_LIMIT_DAYS`] after the app's build.
    FarAhead,
}

/// Judges the browser's clock against the build time: `None` when it is plausible, or when
/// the build time is unknown (a development build) and nothing can be said.
pub fn judge_clock(clock: i64, build_time: Option<i64>) -> Option<ClockProblem> {
    let built = build_time?;
    if clock < built - CLOCK_BEHIND_GRACE_SECS {
        Some(ClockProblem::BeforeBuild)
    } else if clock > built + CLOCK_AHEAD_LIMIT_DAYS * 86_400 {
        Some(ClockProblem::FarAhead)
    } else {
        None
    }
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
            Found::ProbeTimedOut { .. } => Code::ProbeTimedOut,
        }
    }

    /// One example of each variant, for the completeness tests and the findings docs.
    pub fn samples() -> Vec<Found> {
        const MS: &str = "https://activation.drm.microsoft.com/offlineenroll/Enrollment.aspx";
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
                problem: ClockProblem::BeforeBuild,
            },
            Found::EnvClockSuspect {
                clock: at("2300-01-01T00:00"),
                built: at("2026-11-01T09:30"),
                problem: ClockProblem::FarAhead,
            },
            Found::EnvLocalFileMode {},
            Found::ProbeReached {
                url: MS.into(),
                scheme: "https".into(),
            },
            Found::ProbeReached {
                url: "http://rms.example.test/_wmcs/certification/".into(),
                scheme: "http".into(),
            },
            Found::ProbeUnreachable {
                url: MS.into(),
                scheme: "https".into(),
            },
            Found::ProbeUnreachable {
                url: "http://rms.example.test/_wmcs/certification/".into(),
                scheme: "http".into(),
            },
            Found::ProbeTimedOut {
                url: MS.into(),
                scheme: "https".into(),
                seconds: 8,
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
    let der: Vec<u8> = match crate::der::pem(bytes) {
        Some((label, contents)) => {
            let is_cert = label.contains("CERTIFICATE");
            pem_label = Some(label);
            match contents {
                Some(der) if is_cert => der,
                _ => bytes.to_vec(),
            }
        }
        None => bytes.to_vec(),
    };
    let Some(cert) = crate::der::certificate(&der) else {
        findings.push(Finding::of(Found::RootParseFailed {
            pem_label,
            size: bytes.len(),
        }));
        return (None, findings);
    };
    let sha1 = hex(&sha1::Sha1::digest(&der));
    let sha256 = hex(&sha2::Sha256::digest(&der));
    let (not_before, not_after) = (cert.not_before, cert.not_after);
    let known = KNOWN_ROOTS.iter().find(|(t, ..)| *t == sha1);
    let info = RootInfo {
        subject: cert.subject,
        issuer: cert.issuer,
        serial: cert.serial,
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
    /// The build time of the app, seconds since the epoch; `None` for a development build
    /// (then the clock is not judged).
    pub build_time: Option<i64>,
}

/// A fact about this browser, typed; its label and value are words of [`crate::words`]
/// ([`Measured::words`]). Facts, not checks: none of them is one of the procedure's
/// prerequisites, so none is shown as passed; what deserves a warning is a finding.
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
    /// `navigator.onLine`, the browser's hint (it says nothing about any one address).
    Online {
        /// What the browser says.
        online: bool,
    },
    /// The browser's clock.
    Clock {
        /// Its time.
        now: UtcTime,
        /// What is wrong with it, if anything ([`judge_clock`]).
        problem: Option<ClockProblem>,
    },
    /// How the page runs.
    Mode {
        /// From a local file (`file://`) rather than hosted.
        local_file: bool,
    },
}

impl Measured {
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
                Measured::Mode { local_file: b },
            ]);
        }
        for problem in [
            None,
            Some(ClockProblem::BeforeBuild),
            Some(ClockProblem::FarAhead),
        ] {
            v.push(Measured::Clock { now, problem });
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

/// Turns browser facts into findings and a list of facts.
pub fn browser_findings(f: &BrowserFacts) -> (Vec<Measured>, Vec<Finding>) {
    let mut findings = vec![];
    let problem = judge_clock(f.clock, f.build_time);
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
            problem,
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
    if let (Some(problem), Some(built)) = (problem, f.build_time) {
        findings.push(Finding::of(Found::EnvClockSuspect {
            clock: UtcTime::from_unix(f.clock),
            built: UtcTime::from_unix(built),
            problem,
        }));
    }
    if f.local_file {
        findings.push(Finding::of(Found::EnvLocalFileMode {}));
    }
    (measured, findings)
}

/// The outcome of the optional reachability probe: only what the browser lets a page know of
/// a `no-cors` request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProbeOutcome {
    /// The fetch completed with an opaque response: something answered (status unknown).
    Answered,
    /// The fetch failed before any answer: unreachable, refused, blocked, or TLS failed.
    Failed,
    /// The page cancelled the fetch after its time limit.
    TimedOut {
        /// The limit, in seconds.
        seconds: u32,
    },
}

/// The scheme of `url`, lowercase (`https`, `http`), or empty when it has none.
fn scheme_of(url: &str) -> String {
    url.split_once(':')
        .map(|(s, _)| s.to_ascii_lowercase())
        .unwrap_or_default()
}

/// The finding for a probe outcome; it names the address and its scheme.
pub fn probe_finding(url: &str, outcome: ProbeOutcome) -> Finding {
    let (url, scheme) = (url.to_owned(), scheme_of(url));
    Finding::of(match outcome {
        ProbeOutcome::Answered => Found::ProbeReached { url, scheme },
        ProbeOutcome::Failed => Found::ProbeUnreachable { url, scheme },
        ProbeOutcome::TimedOut { seconds } => Found::ProbeTimedOut {
            url,
            scheme,
            seconds,
        },
    })
}

/// The checks only the user can make on Windows: the procedure's two prerequisites (the
/// Trusted sites zone, the GTE root) and what replaced the second.
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

/// A check's words: what, how, and (for commands) what their output means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckText {
    /// What is checked.
    pub title: String,
    /// Why and how (said before the commands).
    pub detail: String,
    /// How to read the commands' output, when there is something to say.
    pub reading: Option<String>,
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
    pub fn words(self, lang: Lang) -> CheckText {
        match lang {
            Lang::En => crate::words::en::manual(self),
            Lang::Nl => crate::words::nl::manual(self),
        }
    }
}

/// A registry key where a site's security zone can be set. Every one is read: a site is in
/// Trusted sites if any list that applies says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ZonePlace {
    /// `HKCU\…\ZoneMap\Domains`: set by hand in Internet Options, for this user.
    UserDomains,
    /// `HKLM\…\ZoneMap\Domains`: for every user of the computer.
    MachineDomains,
    /// `HKCU\…\ZoneMap\EscDomains`: used instead while IE Enhanced Security Configuration is
    /// on (Windows Server).
    UserEscDomains,
    /// `HKLM\…\ZoneMap\EscDomains`.
    MachineEscDomains,
    /// `HKLM\Software\Policies\…\ZoneMapKey`: Group Policy "Site to Zone Assignment List",
    /// computer configuration.
    MachinePolicy,
    /// `HKCU\Software\Policies\…\ZoneMapKey`: the same policy, user configuration.
    UserPolicy,
}

impl ZonePlace {
    /// Every place, in the order the page lists them.
    pub const ALL: [ZonePlace; 6] = [
        ZonePlace::UserDomains,
        ZonePlace::MachineDomains,
        ZonePlace::UserEscDomains,
        ZonePlace::MachineEscDomains,
        ZonePlace::MachinePolicy,
        ZonePlace::UserPolicy,
    ];

    /// A stable id (kebab-case).
    pub fn id(self) -> &'static str {
        match self {
            ZonePlace::UserDomains => "user-domains",
            ZonePlace::MachineDomains => "machine-domains",
            ZonePlace::UserEscDomains => "user-esc-domains",
            ZonePlace::MachineEscDomains => "machine-esc-domains",
            ZonePlace::MachinePolicy => "machine-policy",
            ZonePlace::UserPolicy => "user-policy",
        }
    }

    /// The registry key.
    pub fn key(self) -> &'static str {
        match self {
            ZonePlace::UserDomains => {
                r"HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings\ZoneMap\Domains"
            }
            ZonePlace::MachineDomains => {
                r"HKLM\Software\Microsoft\Windows\CurrentVersion\Internet Settings\ZoneMap\Domains"
            }
            ZonePlace::UserEscDomains => {
                r"HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings\ZoneMap\EscDomains"
            }
            ZonePlace::MachineEscDomains => {
                r"HKLM\Software\Microsoft\Windows\CurrentVersion\Internet Settings\ZoneMap\EscDomains"
            }
            ZonePlace::MachinePolicy => {
                r"HKLM\Software\Policies\Microsoft\Windows\CurrentVersion\Internet Settings\ZoneMapKey"
            }
            ZonePlace::UserPolicy => {
                r"HKCU\Software\Policies\Microsoft\Windows\CurrentVersion\Internet Settings\ZoneMapKey"
            }
        }
    }

    /// The command that lists what is set there (`/s`: the zone lists are a key per domain).
    pub fn command(self) -> String {
        match self {
            ZonePlace::MachinePolicy | ZonePlace::UserPolicy => {
                format!("reg query \"{}\"", self.key())
            }
            _ => format!("reg query \"{}\" /s", self.key()),
        }
    }

    /// Where this is, in `lang`.
    pub fn words(self, lang: Lang) -> String {
        match lang {
            Lang::En => crate::words::en::zone_place(self),
            Lang::Nl => crate::words::nl::zone_place(self),
        }
    }
}

/// What one command of the checklist reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reads {
    /// A zone list.
    Zone(ZonePlace),
    /// A root certificate in the machine's store, by its name (the same in every language).
    Root(&'static str),
}

impl Reads {
    /// Its label, in `lang`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Reads::Zone(z) => z.words(lang),
            Reads::Root(name) => name.to_owned(),
        }
    }
}

/// A runnable command (one line for a command prompt) and what it reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Command {
    /// What it reads.
    pub reads: Reads,
    /// The command line.
    pub text: String,
}

/// A check a page cannot make, with the exact commands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ManualCheck {
    /// Which check.
    pub check: Check,
    /// The commands that make it (none for [`Check::AddTrustedSite`]).
    pub commands: Vec<Command>,
    /// The address to add in Internet Options ([`Check::AddTrustedSite`] only): text to
    /// paste, not a command.
    pub address: Option<String>,
}

/// The SHA-1 thumbprints of the roots that replaced GTE CyberTrust Global Root for
/// Microsoft's TLS services.
const CURRENT_ROOTS: [(&str, &str); 2] = [
    (
        "DigiCert Global Root G2",
        "df3c24f9bfd666761b268073fe06d1cc8d4f82a4",
    ),
    (
        "Microsoft RSA Root Certificate Authority 2017",
        "73a5e64a3bff8316ff0edccc618a906e4eae4d74",
    ),
];

/// The checks only the user can make on Windows, for the configured enrollment host, in
/// [`Check::ALL`] order.
pub fn manual_checks(enrollment_origin: &str) -> Vec<ManualCheck> {
    let certutil = |name: &'static str, sha1: &str| Command {
        reads: Reads::Root(name),
        text: format!("certutil -verifystore Root {sha1}"),
    };
    Check::ALL
        .into_iter()
        .map(|check| {
            let (commands, address) = match check {
                Check::TrustedSitesZone => (
                    ZonePlace::ALL
                        .into_iter()
                        .map(|z| Command {
                            reads: Reads::Zone(z),
                            text: z.command(),
                        })
                        .collect(),
                    None,
                ),
                Check::AddTrustedSite => (vec![], Some(enrollment_origin.to_owned())),
                Check::GteRootInStore => {
                    (vec![certutil("GTE CyberTrust Global Root", GTE_SHA1)], None)
                }
                Check::CurrentRootsInStore => (
                    CURRENT_ROOTS
                        .into_iter()
                        .map(|(name, sha1)| certutil(name, sha1))
                        .collect(),
                    None,
                ),
            };
            ManualCheck {
                check,
                commands,
                address,
            }
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
            build_time: Some(1_795_000_000),
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
                    problem: Some(ClockProblem::BeforeBuild),
                },
                Measured::Mode { local_file: true },
            ]
        );
        assert_eq!(
            f.iter().map(trust).cloned().collect::<Vec<_>>(),
            vec![
                Found::EnvInsecureContext {},
                Found::EnvOffline {},
                Found::EnvClockSuspect {
                    clock: UtcTime::from_unix(1_000_000_000),
                    built: UtcTime::from_unix(1_795_000_000),
                    problem: ClockProblem::BeforeBuild,
                },
                Found::EnvLocalFileMode {},
            ]
        );
        let fine = BrowserFacts {
            secure_context: true,
            subtle_crypto: true,
            online: true,
            local_file: false,
            clock: 1_795_000_000,
            build_time: Some(1_795_000_000),
        };
        let (m, f) = browser_findings(&fine);
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(
            m[4],
            Measured::Clock {
                now: UtcTime::from_unix(1_795_000_000),
                problem: None
            }
        );
    }

    /// The clock rule at its edges: a day's grace before the build, five years (1826 days)
    /// after it; a development build (no build time) is not judged.
    #[test]
    fn the_clock_is_judged_against_the_build_time() {
        let built = 1_795_000_000; // 2026-11-18T11:06:40Z
        assert_eq!(CLOCK_BEHIND_GRACE_SECS, 86_400);
        assert_eq!(CLOCK_AHEAD_LIMIT_DAYS, 1_826);
        let j = |clock| judge_clock(clock, Some(built));
        assert_eq!(j(built), None);
        assert_eq!(j(built - 86_400), None);
        assert_eq!(j(built - 86_401), Some(ClockProblem::BeforeBuild));
        assert_eq!(j(0), Some(ClockProblem::BeforeBuild));
        assert_eq!(j(built + 1_826 * 86_400), None);
        assert_eq!(j(built + 1_826 * 86_400 + 1), Some(ClockProblem::FarAhead));
        // Year 2300: the clock that showed "-16329 days remaining" as fine.
        let y2300 = at("2300-01-01T00:00").unix();
        assert_eq!(y2300, 10_413_792_000);
        assert_eq!(j(y2300), Some(ClockProblem::FarAhead));
        assert_eq!(judge_clock(y2300, None), None);
        assert_eq!(judge_clock(0, None), None);

        let facts = BrowserFacts {
            secure_context: true,
            subtle_crypto: true,
            online: true,
            local_file: false,
            clock: y2300,
            build_time: Some(built),
        };
        let (m, f) = browser_findings(&facts);
        assert_eq!(
            m[4],
            Measured::Clock {
                now: UtcTime::from_unix(y2300),
                problem: Some(ClockProblem::FarAhead)
            }
        );
        let found = f.iter().map(trust).cloned().collect::<Vec<_>>();
        assert_eq!(
            found,
            vec![Found::EnvClockSuspect {
                clock: at("2300-01-01T00:00"),
                built: UtcTime::from_unix(built),
                problem: ClockProblem::FarAhead,
            }]
        );
        assert_eq!(f[0].severity, crate::Severity::Warning);
        assert_eq!(
            f[0].message(Lang::En),
            "The clock says 2300-01-01T00:00Z, more than 5 years after this tool was built (2026-11-18T11:06:40Z): that is not plausible."
        );
        assert_eq!(
            f[0].message(Lang::Nl),
            "De klok staat op 2300-01-01T00:00Z, meer dan 5 jaar na het moment waarop dit hulpmiddel is gemaakt (2026-11-18T11:06:40Z): dat is niet aannemelijk."
        );
        // A development build says nothing about the clock.
        let dev = BrowserFacts {
            build_time: None,
            ..facts
        };
        let (m, f) = browser_findings(&dev);
        assert!(f.is_empty(), "{f:?}");
        assert!(matches!(m[4], Measured::Clock { problem: None, .. }));
    }

    fn codes(f: &[Finding]) -> Vec<Code> {
        crate::finding::codes(f)
    }

    #[test]
    fn the_probe_says_what_it_reached_and_never_more() {
        let https = "https://rms.example.test/enroll";
        let http = "http://127.0.0.1:9000/offlineenroll/Enrollment.aspx";
        assert_eq!(
            trust(&probe_finding(https, ProbeOutcome::Answered)),
            &Found::ProbeReached {
                url: https.into(),
                scheme: "https".into()
            }
        );
        assert_eq!(
            trust(&probe_finding(http, ProbeOutcome::Failed)),
            &Found::ProbeUnreachable {
                url: http.into(),
                scheme: "http".into()
            }
        );
        assert_eq!(
            trust(&probe_finding(
                "HTTP://x.test/",
                ProbeOutcome::TimedOut { seconds: 8 }
            )),
            &Found::ProbeTimedOut {
                url: "HTTP://x.test/".into(),
                scheme: "http".into(),
                seconds: 8
            }
        );
        assert_eq!(
            codes(&[
                probe_finding(https, ProbeOutcome::Answered),
                probe_finding(https, ProbeOutcome::Failed),
                probe_finding(https, ProbeOutcome::TimedOut { seconds: 8 }),
            ]),
            [
                Code::ProbeReached,
                Code::ProbeUnreachable,
                Code::ProbeTimedOut
            ]
        );
        for l in Lang::ALL {
            for o in [
                ProbeOutcome::Answered,
                ProbeOutcome::Failed,
                ProbeOutcome::TimedOut { seconds: 8 },
            ] {
                // An http address is never said to be HTTPS, nor to have a TLS certificate.
                let f = probe_finding(http, o);
                let text = format!("{} {}", f.message(l), f.text(l).fix);
                assert!(!text.contains("HTTPS"), "{l:?} {o:?}: {text}");
                assert!(!text.contains("TLS"), "{l:?} {o:?}: {text}");
                assert!(f.message(l).contains(http), "{l:?} {o:?}");
                assert!(f.message(l).contains("HTTP"), "{l:?} {o:?}");
                let f = probe_finding(https, o);
                assert!(f.message(l).contains("HTTPS"), "{l:?} {o:?}");
            }
        }
        let t = probe_finding(https, ProbeOutcome::TimedOut { seconds: 8 });
        assert!(t.message(Lang::En).contains("within 8 seconds"));
        assert!(t.message(Lang::Nl).contains("binnen 8 seconden"));
    }

    #[test]
    fn manual_checks_keep_their_commands_as_data() {
        let checks = manual_checks("https://rms.example.test");
        assert_eq!(
            checks.iter().map(|c| c.check).collect::<Vec<_>>(),
            Check::ALL
        );
        let zone: Vec<&str> = checks[0].commands.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            zone,
            [
                r#"reg query "HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings\ZoneMap\Domains" /s"#,
                r#"reg query "HKLM\Software\Microsoft\Windows\CurrentVersion\Internet Settings\ZoneMap\Domains" /s"#,
                r#"reg query "HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings\ZoneMap\EscDomains" /s"#,
                r#"reg query "HKLM\Software\Microsoft\Windows\CurrentVersion\Internet Settings\ZoneMap\EscDomains" /s"#,
                r#"reg query "HKLM\Software\Policies\Microsoft\Windows\CurrentVersion\Internet Settings\ZoneMapKey""#,
                r#"reg query "HKCU\Software\Policies\Microsoft\Windows\CurrentVersion\Internet Settings\ZoneMapKey""#,
            ]
        );
        assert_eq!(
            checks[0]
                .commands
                .iter()
                .map(|c| c.reads)
                .collect::<Vec<_>>(),
            ZonePlace::ALL.map(Reads::Zone)
        );
        assert_eq!(checks[0].address, None);
        assert!(checks[1].commands.is_empty());
        assert_eq!(
            checks[1].address.as_deref(),
            Some("https://rms.example.test")
        );
        assert_eq!(
            checks[2].commands,
            [Command {
                reads: Reads::Root("GTE CyberTrust Global Root"),
                text: format!("certutil -verifystore Root {GTE_SHA1}")
            }]
        );
        assert_eq!(
            checks[3]
                .commands
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>(),
            [
                "certutil -verifystore Root df3c24f9bfd666761b268073fe06d1cc8d4f82a4",
                "certutil -verifystore Root 73a5e64a3bff8316ff0edccc618a906e4eae4d74"
            ]
        );
        // Each current root's thumbprint is the one the inspector recognises by that name.
        for c in &checks[3].commands {
            let Reads::Root(name) = c.reads else {
                panic!("{c:?}")
            };
            assert!(KNOWN_ROOTS
                .iter()
                .any(|(sha1, n)| *n == name && c.text.ends_with(sha1)));
        }
    }

    #[test]
    fn the_gte_item_says_up_front_that_it_expired() {
        for (l, date) in [(Lang::En, "2018-08-13"), (Lang::Nl, "2018-08-13")] {
            let w = Check::GteRootInStore.words(l);
            let first = w.detail.split(". ").next().unwrap_or_default();
            assert!(first.contains(date), "{l:?}: {first}");
            assert!(w.detail.contains("DigiCert Global Root G2"), "{l:?}");
        }
        // What the zone output means: value 2 is Trusted sites, in both languages.
        for l in Lang::ALL {
            let r = Check::TrustedSitesZone.words(l).reading.unwrap_or_default();
            assert!(r.contains("0x2") && r.contains("EscDomains") && r.contains("ZoneMapKey"));
        }
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
            if !matches!(m, Measured::Clock { problem: None, .. }) {
                assert_ne!(en.detail, nl.detail, "{m:?}");
            }
        }
        for c in Check::ALL {
            let (en, nl) = (c.words(Lang::En), c.words(Lang::Nl));
            assert_ne!(en.title, nl.title, "{c:?}");
            assert_ne!(en.detail, nl.detail, "{c:?}");
            assert_eq!(en.reading.is_some(), nl.reading.is_some(), "{c:?}");
            if en.reading.is_some() {
                assert_ne!(en.reading, nl.reading, "{c:?}");
            }
        }
        for z in ZonePlace::ALL {
            assert_ne!(z.words(Lang::En), z.words(Lang::Nl), "{z:?}");
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
            let w = |problem| Measured::Clock { now, problem }.words(l).detail;
            let (ok, behind, ahead) = (
                w(None),
                w(Some(ClockProblem::BeforeBuild)),
                w(Some(ClockProblem::FarAhead)),
            );
            assert_eq!(ok, format!("{now} (UTC)"));
            assert!(behind.starts_with(&ok) && ahead.starts_with(&ok));
            assert!(ok != behind && behind != ahead && ok != ahead, "{l:?}");
        }
    }
}
