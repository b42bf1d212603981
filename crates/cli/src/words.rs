//! Every word the CLI prints besides the findings' own texts (those come from
//! `slc_courier_core::words`), one struct per language: [`EN`] and [`NL`]. A field without its
//! Dutch text does not compile. Fields that take values are plain `fn`s, so each language
//! orders its own words. clap's `--help` and its usage errors stay English (README).
//!
//! The Dutch uses the terms of Microsoft's Dutch documentation and of the page
//! (`src/i18n.rs`): certificaatketen, aanvraag, inschrijving, vernieuwing, basis, oordeel.

use slc_courier_core::policy::{AnchorError, HashAlg};
use slc_courier_core::request::RequestKind;
use slc_courier_core::text::Encoding;
use slc_courier_core::time::TimeError;
use slc_courier_core::workbench::evidence::{Labels, EN as EV_EN, NL as EV_NL};
use slc_courier_core::workbench::{ChainEnd, DocEntry};
use slc_courier_core::xrml::{BodyForm, Wrapper};
use slc_courier_core::{Lang, Severity};
use std::path::PathBuf;

/// Why the CLI stops with exit code 2, typed; worded by [`Words::problem`].
#[derive(Debug)]
pub enum Problem {
    /// A file named by the user cannot be read.
    CannotRead(PathBuf, std::io::Error),
    /// A directory was named.
    IsDirectory(PathBuf),
    /// Refused before it was read, by the core's size rule (an `input-too-large` finding).
    Refused(PathBuf, Box<slc_courier_core::Finding>),
    /// `--at` is not a time.
    BadAt(String, TimeError),
    /// An `--anchor` key file is not a key file.
    BadAnchor(PathBuf, AnchorError),
    /// The receipt's file name ends in neither `.json` nor `.html`.
    ReceiptExtension(PathBuf),
    /// The evidence report's file name ends in neither `.json` nor `.html`.
    EvidenceExtension(PathBuf),
    /// A file cannot be written.
    CannotWrite(PathBuf, std::io::Error),
    /// Standard output cannot be written.
    OutputFailed(std::io::Error),
    /// The chain was checked against another request than the receipt's.
    StalePairing,
    /// `--compare N M` with a number outside the listing (`n`, number of documents).
    NoSuchDocument(usize, usize),
    /// `--compare` without two numbers.
    CompareNeedsTwo,
}

/// One line of the request report's key: bits, exponent, form, fingerprint.
pub struct KeyLine<'a> {
    /// Modulus size.
    pub bits: usize,
    /// Public exponent.
    pub exponent: u64,
    /// `DER RSAPublicKey (PKCS#1)` and the like (names, not words).
    pub form: &'a str,
    /// SHA-256 of the modulus.
    pub fingerprint: &'a str,
}

/// The words of the CLI in one language.
pub struct Words {
    /// Prefix of a usage or I/O error on stderr.
    pub error_prefix: &'static str,
    /// A usage or I/O error.
    pub problem: fn(&Problem) -> String,
    /// The status word of a finding.
    pub status: fn(Severity) -> &'static str,
    /// The status word when there are no findings.
    pub pass: &'static str,
    /// "no findings".
    pub no_findings: &'static str,
    /// " (byte …, line …, column …)".
    pub location: fn(usize, usize, usize) -> String,
    /// "fix:".
    pub fix: &'static str,
    /// The heading of the request report.
    pub request_heading: &'static str,
    /// Labels of the request report: sha256, size, kind, server, cluster url, guid,
    /// version, key, verdict (padded by the caller).
    pub request_labels: [&'static str; 9],
    /// "{n} bytes ({encoding})".
    pub size: fn(usize, Encoding) -> String,
    /// Enrollment, renewal, unknown.
    pub request_kind: fn(RequestKind) -> &'static str,
    /// "{version} (sku {sku})".
    pub version: fn(&str, &str) -> String,
    /// The key line.
    pub key: fn(&KeyLine) -> String,
    /// The request's verdict: no errors, errors.
    pub request_ok: [&'static str; 2],
    /// The heading of the chain report.
    pub chain_heading: &'static str,
    /// Labels of the chain report: sha256, verdict, reason, anchor, expires, claimed,
    /// issued by, server, pairing.
    pub chain_labels: [&'static str; 9],
    /// Beside a verdict under a test anchor.
    pub test_anchor_mark: &'static str,
    /// Answers the request.
    pub verdict_valid: &'static str,
    /// Genuine, not checked against a request.
    pub verdict_unpaired: &'static str,
    /// Not valid.
    pub verdict_invalid: &'static str,
    /// "{name} (key {fingerprint})".
    pub anchor: fn(&str, &str) -> String,
    /// After the anchor: the pinned root.
    pub anchor_pinned: &'static str,
    /// After the anchor: a test anchor from a file.
    pub anchor_test: &'static str,
    /// "{date} ({n} days remaining)".
    pub expires: fn(&str, i64) -> String,
    /// The expiry a rejected file claims.
    pub claimed: fn(&str) -> String,
    /// The pairing was not compared: the request has errors.
    pub pairing_skipped: &'static str,
    /// "guid {matches} · key {matches}".
    pub pairing: fn(bool, bool) -> String,
    /// A document's signature: verified (hash, body form).
    pub signature_verified: fn(HashAlg, BodyForm) -> String,
    /// A signature that fails; a missing signature.
    pub signature_bad: [&'static str; 2],
    /// Labels of a document: issuer, principal, issued, authority until.
    pub doc_labels: [&'static str; 4],
    /// Where a document of the file is in the chain: link n of m (leaf first), or not on it.
    pub chain_link: fn(Option<(usize, usize)>) -> String,
    /// "{name}: {n} XrML document(s), {wrapper}, sha256 {sha}".
    pub inspected: fn(&str, usize, Wrapper, &str) -> String,
    /// The workbench summary's first line (files, documents, checked at, threshold).
    pub workbench: fn(usize, usize, &str, i64) -> String,
    /// One document of the workbench (the document, its file's name).
    pub workbench_doc: fn(&DocEntry, &str) -> String,
    /// "clusters (by SLC key):".
    pub clusters: &'static str,
    /// One cluster: name, modes, documents, key fingerprint.
    pub cluster: fn(&str, &str, usize, &str) -> String,
    /// "licensing URLs:".
    pub urls: &'static str,
    /// One URL: its kind (intranet, extranet, referral) and the URL.
    pub url: fn(slc_courier_core::workbench::UrlKind, &str) -> String,
    /// "expires first: #{n} {kind} on {date}".
    pub expires_first: fn(usize, slc_courier_core::workbench::DocKind, &str) -> String,
    /// "under the threshold ({days} days): {list}" (an empty list says none).
    pub under_threshold: fn(i64, &str) -> String,
    /// The compare heading: n, kind, m, kind.
    pub compare: fn(
        usize,
        slc_courier_core::workbench::DocKind,
        usize,
        slc_courier_core::workbench::DocKind,
    ) -> String,
    /// A compared field's label ([`slc_courier_core::workbench::compare::FIELDS`]).
    pub compare_field: fn(&'static str) -> &'static str,
    /// A compared field's value (field id, the document, the language-neutral value).
    pub compare_value: fn(&'static str, &DocEntry, &str) -> String,
    /// "evidence report written to {path}".
    pub evidence_written: fn(&str) -> String,
    /// "receipt written to {path}".
    pub receipt_written: fn(&str) -> String,
}

fn hash(h: HashAlg) -> &'static str {
    match h {
        HashAlg::Sha1 => "SHA-1",
        HashAlg::Sha256 => "SHA-256",
    }
}

fn shown(p: &std::path::Path) -> String {
    p.display().to_string()
}

fn or_dash<T: ToString>(v: Option<T>) -> String {
    v.map_or("-".to_owned(), |x| x.to_string())
}

/// English.
pub const EN: Words = Words {
    error_prefix: "slc-courier: error:",
    problem: |p| match p {
        Problem::CannotRead(f, e) => format!("{}: cannot be read: {e}", shown(f)),
        Problem::IsDirectory(f) => format!("{}: is a directory, not a file", shown(f)),
        Problem::Refused(f, finding) => format!("{}: {}", shown(f), finding.message(Lang::En)),
        Problem::BadAt(v, e) => format!(
            "invalid value '{v}' for '--at' (give an RFC 3339 time, e.g. 2026-11-22T12:00:00Z): {}",
            e.message(Lang::En)
        ),
        Problem::BadAnchor(f, e) => format!("{}: {}", shown(f), e.message(Lang::En)),
        Problem::ReceiptExtension(f) => format!(
            "{}: the receipt is written as .json or .html (printable)",
            shown(f)
        ),
        Problem::EvidenceExtension(f) => format!(
            "{}: the evidence report is .json or .html; give one of those extensions",
            shown(f)
        ),
        Problem::CannotWrite(f, e) => format!("{}: cannot be written: {e}", shown(f)),
        Problem::OutputFailed(e) => format!("the output cannot be written: {e}"),
        Problem::StalePairing => {
            "the chain was checked against another request than this one".to_owned()
        }
        Problem::NoSuchDocument(n, max) => {
            format!("--compare: there is no document #{n} (1 to {max})")
        }
        Problem::CompareNeedsTwo => "--compare takes two document numbers".to_owned(),
    },
    status: |s| match s {
        Severity::Error => "FAIL",
        Severity::Warning => "WARN",
        Severity::Info => "INFO",
    },
    pass: "PASS",
    no_findings: "no findings",
    location: |o, l, c| format!(" (byte {o}, line {l}, column {c})"),
    fix: "fix:",
    request_heading: "request:",
    request_labels: [
        "sha256",
        "size",
        "kind",
        "server",
        "cluster url",
        "guid",
        "version",
        "key",
        "verdict",
    ],
    size: |n, e| {
        let enc = match e {
            Encoding::Ascii => "ASCII",
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Invalid => "not valid text",
        };
        format!("{n} bytes ({enc})")
    },
    request_kind: |k| match k {
        RequestKind::Enrollment => "enrollment",
        RequestKind::Renewal => "renewal",
        RequestKind::Unknown => "unknown",
    },
    version: |v, sku| format!("{v} (sku {sku})"),
    key: |k| {
        format!(
            "RSA-{} e={} {} fingerprint {}",
            k.bits, k.exponent, k.form, k.fingerprint
        )
    },
    request_ok: ["OK", "ERRORS"],
    chain_heading: "certificate chain:",
    chain_labels: [
        "sha256",
        "verdict",
        "reason",
        "anchor",
        "expires",
        "claimed",
        "issued by",
        "server",
        "pairing",
    ],
    test_anchor_mark: " [TEST ANCHOR — not a Microsoft verdict]",
    verdict_valid: "VALID — a genuine chain that answers the request",
    verdict_unpaired:
        "GENUINE — NOT checked against a request (give --request before you carry it back)",
    verdict_invalid: "NOT VALID — do not carry this file back",
    anchor: |name, fp| format!("{name} (key {fp})"),
    anchor_pinned: " — the pinned Microsoft DRM Production Root",
    anchor_test: " — TEST anchor from a file, NOT the Microsoft root",
    expires: |date, days| format!("{date} ({days} days remaining)"),
    claimed: |date| format!("expiry {date} (written in the rejected file, not proven)"),
    pairing_skipped: "not compared: the request has errors (see `slc-courier request`)",
    pairing: |guid, key| {
        let m = |b: bool| if b { "matches" } else { "DIFFERS" };
        format!("guid {} · key {}", m(guid), m(key))
    },
    signature_verified: |h, form| {
        let body = match form {
            BodyForm::Raw => "raw body",
            BodyForm::Stripped => "stripped body",
        };
        format!("verified ({}, {body})", hash(h))
    },
    signature_bad: ["FAILED", "missing"],
    doc_labels: ["issuer", "principal", "issued", "authority until"],
    chain_link: |link| match link {
        Some((n, m)) => format!("chain link {n} of {m}"),
        None => "not on the chain".to_owned(),
    },
    inspected: |name, n, w, sha| {
        let wrapper = match w {
            Wrapper::Bare => "bare XrML",
            Wrapper::SoapChain => "SOAP certificate chain",
            Wrapper::EscapedResponse => "escaped enrollment response",
        };
        format!("{name}: {n} XrML document(s), {wrapper}, sha256 {sha}")
    },
    workbench: |files, docs, at, days| {
        format!("workbench: {files} file(s), {docs} document(s), checked at {at}, threshold {days} days")
    },
    workbench_doc: |d, file| {
        let chain = match d.chain_end() {
            ChainEnd::IssuerNotLoaded { issuer, document } => {
                format!("issuer-not-loaded ({issuer}, at #{})", document + 1)
            }
            ChainEnd::Broken { document, reason } => {
                format!("broken ({} at #{})", reason.id(), document + 1)
            }
            ChainEnd::TestAnchor { name } => format!("test-anchor ({name})"),
            e => e.id().to_owned(),
        };
        format!(
            "  #{:<3} {file} #{}  {}  signature {}  chain {chain}  mode {}  until {}  days left {}{}",
            d.id + 1,
            d.index_in_file + 1,
            EV_EN.doc_kind(d),
            d.signature.id(),
            or_dash(d.mode),
            or_dash(d.valid_until),
            or_dash(d.days_left),
            if d.below_threshold { "  UNDER THRESHOLD" } else { "" }
        )
    },
    clusters: "clusters (by SLC key):",
    cluster: |name, modes, n, fp| format!("  {name}  mode {modes}  {n} document(s)  key {fp}"),
    urls: "licensing URLs:",
    url: |k, url| format!("  {:<9} {url}", k.id()),
    expires_first: |n, k, date| format!("expires first: #{n} {} on {date}", EV_EN.kind(k)),
    under_threshold: |days, list| {
        format!(
            "under the threshold ({days} days): {}",
            if list.is_empty() { "none" } else { list }
        )
    },
    compare: |n, a, m, b| {
        format!(
            "compare #{n} {} with #{m} {} (* = differs):",
            EV_EN.kind(a),
            EV_EN.kind(b)
        )
    },
    compare_field: |id| id,
    compare_value: |_, _, raw| raw.to_owned(),
    evidence_written: |p| format!("evidence report written to {p}"),
    receipt_written: |p| format!("receipt written to {p}"),
};

fn io_nl(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "het bestand bestaat niet".to_owned(),
        K::PermissionDenied => "geen toegang".to_owned(),
        K::StorageFull => "de schijf is vol".to_owned(),
        K::IsADirectory => "dit is een map".to_owned(),
        K::BrokenPipe => "de lezer is gestopt".to_owned(),
        _ => format!(
            "systeemfout {}",
            e.raw_os_error().map_or("?".to_owned(), |n| n.to_string())
        ),
    }
}

/// Nederlands.
pub const NL: Words = Words {
    error_prefix: "slc-courier: fout:",
    problem: |p| match p {
        Problem::CannotRead(f, e) => format!("{}: kan niet worden gelezen: {}", shown(f), io_nl(e)),
        Problem::IsDirectory(f) => format!("{}: is een map, geen bestand", shown(f)),
        Problem::Refused(f, finding) => format!("{}: {}", shown(f), finding.message(Lang::Nl)),
        Problem::BadAt(v, e) => format!(
            "ongeldige waarde '{v}' voor '--at' (geef een tijd in RFC 3339, bijvoorbeeld 2026-11-22T12:00:00Z): {}",
            e.message(Lang::Nl)
        ),
        Problem::BadAnchor(f, e) => format!("{}: {}", shown(f), e.message(Lang::Nl)),
        Problem::ReceiptExtension(f) => format!(
            "{}: het overdrachtsbewijs wordt geschreven als .json of .html (afdrukbaar)",
            shown(f)
        ),
        Problem::EvidenceExtension(f) => format!(
            "{}: het bewijsrapport is .json of .html; geef een van die extensies",
            shown(f)
        ),
        Problem::CannotWrite(f, e) => format!("{}: kan niet worden geschreven: {}", shown(f), io_nl(e)),
        Problem::OutputFailed(e) => format!("de uitvoer kan niet worden geschreven: {}", io_nl(e)),
        Problem::StalePairing => {
            "de certificaatketen is gecontroleerd tegen een andere aanvraag dan deze".to_owned()
        }
        Problem::NoSuchDocument(n, max) => {
            format!("--compare: er is geen document #{n} (1 tot en met {max})")
        }
        Problem::CompareNeedsTwo => "--compare verwacht twee documentnummers".to_owned(),
    },
    status: |s| match s {
        Severity::Error => "FOUT",
        Severity::Warning => "LET OP",
        Severity::Info => "INFO",
    },
    pass: "OK",
    no_findings: "geen bevindingen",
    location: |o, l, c| format!(" (byte {o}, regel {l}, kolom {c})"),
    fix: "oplossing:",
    request_heading: "aanvraag:",
    request_labels: [
        "sha256",
        "grootte",
        "soort",
        "servernaam",
        "cluster-URL",
        "server-GUID",
        "versie",
        "sleutel",
        "oordeel",
    ],
    size: |n, e| {
        let enc = match e {
            Encoding::Ascii => "ASCII",
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 met BOM",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Invalid => "geen geldige tekst",
        };
        format!("{n} bytes, tekencodering {enc}")
    },
    request_kind: |k| match k {
        RequestKind::Enrollment => "inschrijving",
        RequestKind::Renewal => "vernieuwing",
        RequestKind::Unknown => "onbekend",
    },
    version: |v, sku| format!("{v} (SKU-nummer {sku})"),
    key: |k| {
        format!(
            "RSA-{} e={} {} vingerafdruk {}",
            k.bits, k.exponent, k.form, k.fingerprint
        )
    },
    request_ok: ["in orde", "FOUTEN"],
    chain_heading: "certificaatketen:",
    chain_labels: [
        "sha256",
        "oordeel",
        "reden",
        "anker",
        "verloopt",
        "opgegeven",
        "uitgever",
        "servernaam",
        "koppeling",
    ],
    test_anchor_mark: " [TESTANKER — een testoordeel, niet tegen de Microsoft-basis]",
    verdict_valid: "GELDIG — een echte keten die antwoord geeft op de aanvraag",
    verdict_unpaired:
        "ECHT — NIET gecontroleerd tegen een aanvraag (geef --request voordat u het bestand meeneemt)",
    verdict_invalid: "NIET GELDIG — neem dit bestand niet mee terug",
    anchor: |name, fp| format!("{name} (sleutel {fp})"),
    anchor_pinned: " — de vastgelegde Microsoft DRM Production Root",
    anchor_test: " — TESTANKER uit een bestand, NIET de Microsoft-basis",
    expires: |date, days| format!("{date} (nog {days} dagen)"),
    claimed: |date| format!("vervaldatum {date} (staat in het afgewezen bestand, niet bewezen)"),
    pairing_skipped: "niet vergeleken: de aanvraag bevat fouten (zie `slc-courier request`)",
    pairing: |guid, key| {
        let m = |b: bool| if b { "gelijk" } else { "VERSCHILT" };
        format!("GUID {} · sleutel {}", m(guid), m(key))
    },
    signature_verified: |h, form| {
        let body = match form {
            BodyForm::Raw => "BODY zoals geschreven",
            BodyForm::Stripped => "BODY zonder witruimte tussen tags",
        };
        format!("geverifieerd ({}, {body})", hash(h))
    },
    signature_bad: ["ONGELDIG", "ontbreekt"],
    doc_labels: ["uitgever", "houder", "uitgegeven", "bevoegd tot"],
    chain_link: |link| match link {
        Some((n, m)) => format!("schakel {n} van {m} in de keten"),
        None => "niet in de keten".to_owned(),
    },
    inspected: |name, n, w, sha| {
        let wrapper = match w {
            Wrapper::Bare => "losse XrML",
            Wrapper::SoapChain => "SOAP-certificaatketen",
            Wrapper::EscapedResponse => "inschrijvingsantwoord met ge-escapete XrML",
        };
        format!("{name}: {n} XrML-document(en), {wrapper}, sha256 {sha}")
    },
    workbench: |files, docs, at, days| {
        format!("werkbank: {files} bestand(en), {docs} document(en), gecontroleerd op {at}, drempel {days} dagen")
    },
    workbench_doc: |d, file| {
        let l: &Labels = &EV_NL;
        format!(
            "  #{:<3} {file} #{}  {}  handtekening {}  keten eindigt: {}  modus {}  geldig tot {}  dagen over {}{}",
            d.id + 1,
            d.index_in_file + 1,
            l.doc_kind(d),
            l.signature(d.signature.id()),
            l.chain_end(d.chain_end()),
            or_dash(d.mode),
            or_dash(d.valid_until),
            or_dash(d.days_left),
            if d.below_threshold { "  ONDER DE DREMPEL" } else { "" }
        )
    },
    clusters: "clusters (per SLC-sleutel):",
    cluster: |name, modes, n, fp| format!("  {name}  modus {modes}  {n} document(en)  sleutel {fp}"),
    urls: "licentie-URL's:",
    url: |k, url| format!("  {:<10} {url}", format!("{}:", EV_NL.url_kind(k))),
    expires_first: |n, k, date| format!("verloopt als eerste: #{n} {} op {date}", EV_NL.kind(k)),
    under_threshold: |days, list| {
        format!(
            "onder de drempel ({days} dagen): {}",
            if list.is_empty() { "geen" } else { list }
        )
    },
    compare: |n, a, m, b| {
        format!(
            "vergelijking van #{n} {} met #{m} {} (* = verschilt):",
            EV_NL.kind(a),
            EV_NL.kind(b)
        )
    },
    compare_field: |id| match id {
        "kind" => "soort",
        "type" => "type-zoals-geschreven",
        "issuer-name" => "uitgever-naam",
        "issuer-id" => "uitgever-ID",
        "issuer-key" => "uitgeverssleutel",
        "principal-name" => "houder-naam",
        "principal-id" => "houder-ID",
        "principal-email" => "houder-e-mail",
        "key-bits" => "sleutelbits",
        "principal-key" => "sleutel",
        "mode" => "modus",
        "hash" => "hashalgoritme",
        "intranet-url" => "intranet-URL",
        "extranet-url" => "extranet-URL",
        "referral-url" => "verwijzings-URL",
        "issued" => "uitgegeven",
        "valid-from" => "geldig-vanaf",
        "valid-until" => "geldig-tot",
        "days-left" => "dagen-over",
        "signature" => "handtekening",
        "chain" => "keten-eindigt",
        _ => "veld",
    },
    compare_value: |field, d, raw| match field {
        "kind" => EV_NL.kind(d.kind).to_owned(),
        "signature" => EV_NL.signature(d.signature.id()).to_owned(),
        "chain" => EV_NL.chain_end(d.chain_end()),
        _ => raw.to_owned(),
    },
    evidence_written: |p| format!("bewijsrapport geschreven naar {p}"),
    receipt_written: |p| format!("overdrachtsbewijs geschreven naar {p}"),
};

/// The words in `lang`.
pub fn of(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Nl => &NL,
    }
}

/// The evidence labels in `lang` (the workbench's words, shared with the page).
pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::En => &EV_EN,
        Lang::Nl => &EV_NL,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every compared field has its own Dutch label, not the id.
    #[test]
    fn every_compared_field_has_a_dutch_label() {
        let mut seen = std::collections::BTreeSet::new();
        for f in slc_courier_core::workbench::compare::FIELDS {
            let nl = (NL.compare_field)(f);
            assert_ne!(nl, f, "{f}");
            assert_ne!(nl, "veld", "{f}");
            assert!(seen.insert(nl), "{f}: {nl} twice");
            assert_eq!((EN.compare_field)(f), f);
        }
    }
}
