//! Every word of the printable receipt, one struct per language.
//!
//! [`ReceiptWords`] is built once for English ([`EN`]) and once for Dutch ([`NL`]); a field
//! without its Dutch text does not compile. Fields that take values are plain `fn`s, so the
//! order of the words can follow the language. Text that goes into HTML is written here with
//! its markup; every value passed in is already escaped by the caller.
//!
//! The Dutch follows Microsoft's Dutch procedure ("Een serverlicentieverleningscertificaat
//! vernieuwen") and the page's own Dutch (`src/i18n.rs`), so page and receipt agree.

use crate::finding::{Code, Severity};
use crate::lang::Lang;

/// The words of the printable receipt in one language.
pub struct ReceiptWords {
    /// `<html lang>`.
    pub lang: Lang,
    /// `<title>`.
    pub title: &'static str,
    /// `<h1>`.
    pub heading: &'static str,
    /// "Checked at {time} by {tool} {version} (build {id})." (values escaped).
    pub checked: fn(&str, &str, &str, &str) -> String,
    /// "Verdict".
    pub verdict: &'static str,
    /// The headline for a chain that answers the request, under the Microsoft root
    /// (`<code>request name</code>` is passed in).
    pub valid_ms: fn(&str) -> String,
    /// The same under a test anchor (never says Microsoft).
    pub valid_test: fn(&str) -> String,
    /// The headline for a genuine chain not checked against a request.
    pub unpaired: &'static str,
    /// The headline for a chain that is not valid.
    pub invalid: &'static str,
    /// "Reason".
    pub reason: &'static str,
    /// The pinned Microsoft root, with its key fingerprint.
    pub anchor_ms: fn(&str) -> String,
    /// A test anchor from a file, with its key fingerprint.
    pub anchor_test: fn(&str) -> String,
    /// "New expiration date: {date}" and the days remaining, when known.
    pub new_expiry: fn(&str, Option<i64>) -> String,
    /// The expiration date a rejected file claims (not proven).
    pub claimed_expiry: fn(&str) -> String,
    /// "As named in the certificate: issued by {issuer} to {server} {guid}".
    pub named_in_cert: fn(&str, &str, &str) -> String,
    /// "Files".
    pub files: &'static str,
    /// Column heads of the files table: role, name, bytes.
    pub files_columns: [&'static str; 3],
    /// The request file's role.
    pub role_request: &'static str,
    /// The certificate file's role.
    pub role_certificate: &'static str,
    /// In place of a file name, for a request pasted into the page (it has none).
    pub unnamed: &'static str,
    /// "Findings".
    pub findings: &'static str,
    /// "None." (no findings, nothing ticked).
    pub none: &'static str,
    /// Column heads of the findings table: severity, code, about, message, where, fix.
    pub findings_columns: [&'static str; 6],
    /// The severity words.
    pub severity: fn(Severity) -> &'static str,
    /// "byte {offset}, line {line}, column {column}".
    pub location: fn(usize, usize, usize) -> String,
    /// What a finding is about: the file, document n (1-based), the chain, the request.
    pub subject_file: &'static str,
    /// Document n (1-based).
    pub subject_document: fn(usize) -> String,
    /// The chain.
    pub subject_chain: &'static str,
    /// The request.
    pub subject_request: &'static str,
    /// "Next, on the RMS server".
    pub next_title: &'static str,
    /// "Carry this file: {name}, SHA-256 {hash}".
    pub carry_this: fn(&str, &str) -> String,
    /// The number of the first of [`ReceiptWords::next_steps`] in this language's procedure.
    pub next_steps_start: u32,
    /// The procedure's last four steps, after the certificate is carried back, as
    /// Microsoft's documentation in this language words them.
    pub next_steps: [&'static str; 4],
    /// "Cluster resources must then show the new expiration date {date}."
    pub cluster_shows: fn(&str) -> String,
    /// "Check the carried copy: {Get-FileHash …} or {certutil …}".
    pub check_copy: fn(&str, &str) -> String,
    /// "Far-side hash check".
    pub far_side_title: &'static str,
    /// The far-side result for one file: matches, differs, not in the pasted text.
    pub far_side_result: fn(super::FarSideResult) -> &'static str,
    /// "Checklist ticked".
    pub checklist_title: &'static str,
    /// "Far-side check".
    pub far_side_check: &'static str,
    /// How to hash the carried files on the RMS server.
    pub far_side_how: &'static str,
    /// The signature line: "Checked by: ___ Date: ___".
    pub signed_by: &'static str,
    /// The decisive reason of a verdict, in one sentence, for the codes that have one.
    pub reason_sentence: fn(Code) -> Option<&'static str>,
}

/// English.
pub const EN: ReceiptWords = ReceiptWords {
    lang: Lang::En,
    title: "SLC Courier transfer receipt",
    heading: "SLC Courier — transfer receipt",
    checked: |at, tool, version, build| format!("Checked at {at} by {tool} {version} (build {build})."),
    verdict: "Verdict",
    valid_ms: |req| format!("VALID — a genuine Microsoft chain that answers request {req}"),
    valid_test: |req| format!("VALID — a genuine chain (TEST ANCHOR) that answers request {req}"),
    unpaired: "Genuine chain, NOT checked against a request: load the request before you carry it back",
    invalid: "NOT VALID — do not carry this file back",
    reason: "Reason",
    anchor_ms: |fp| format!("Trust anchor: the pinned Microsoft DRM Production Root (key fingerprint <code>{fp}</code>)"),
    anchor_test: |fp| format!("Trust anchor: <strong>a test anchor loaded from a file</strong>, not the pinned root (key fingerprint <code>{fp}</code>). This is a test verdict."),
    new_expiry: |date, days| match days {
        Some(d) => format!("New expiration date: <strong>{date}</strong> ({d} days remaining)"),
        None => format!("New expiration date: <strong>{date}</strong>"),
    },
    claimed_expiry: |date| format!("Expiration date claimed by the rejected file (not proven): {date}"),
    named_in_cert: |issuer, server, guid| format!("As named in the certificate: issued by {issuer} to {server} {guid}"),
    files: "Files",
    files_columns: ["Role", "Name", "Bytes"],
    role_request: "request",
    role_certificate: "certificate",
    unnamed: "(pasted, no file name)",
    findings: "Findings",
    none: "None.",
    findings_columns: ["Severity", "Code", "About", "Message", "Where", "Fix"],
    severity: |s| match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    },
    location: |offset, line, column| format!("byte {offset}, line {line}, column {column}"),
    subject_file: "file",
    subject_document: |n| format!("document {n}"),
    subject_chain: "chain",
    subject_request: "request",
    next_title: "Next, on the RMS server",
    carry_this: |name, sha| format!("Carry this file: <strong>{name}</strong>, SHA-256 <code>{sha}</code>"),
    next_steps_start: 13,
    next_steps: [
        "In the Cluster resources area, click Renew. The Renew dialog box opens.",
        "In the Renew dialog box, click the Browse button and locate the server licensor certificate you downloaded and then click the Import button.",
        "Click Yes to confirm that you want to import this certificate.",
        "Once the server licensor certificate has been successfully renewed, the Cluster resources area will be updated to display the new expiration date of the server licensor certificate.",
    ],
    cluster_shows: |date| format!("Cluster resources must then show the new expiration date <strong>{date}</strong>."),
    check_copy: |ps, cu| format!("Check the carried copy: <code>{ps}</code> or <code>{cu}</code>"),
    far_side_title: "Far-side hash check",
    far_side_result: |r| match r {
        super::FarSideResult::Matches => "matches",
        super::FarSideResult::Differs => "differs",
        super::FarSideResult::NotInPastedText => "not in the pasted text",
    },
    checklist_title: "Checklist ticked",
    far_side_check: "Far-side check",
    far_side_how: "On the RMS server: <code>Get-FileHash -Algorithm SHA256 &lt;file&gt;</code> or <code>certutil -hashfile &lt;file&gt; SHA256</code>; compare with the SHA-256 above.",
    signed_by: "Checked by: ______________________ Date: ____________",
    reason_sentence: |c| {
        Some(match c {
            Code::RequestHasErrors => "The request has errors of its own, so no certificate can be said to answer it.",
            Code::PairKeyMismatch => "It was issued for a different server key than the one in the request.",
            Code::PairGuidMismatch => "It was issued for a different server (GUID) than the one that made the request.",
            Code::DigestMismatch => "A certificate in the file was altered after signing (its BODY no longer matches its signed digest).",
            Code::SignatureInvalid => "A signature in the chain does not verify: the file was altered or forged.",
            Code::ChainUntrustedRoot => "The chain does not end at the trusted root key.",
            Code::ChainNoSlc => "The file has no Server Licensor Certificate.",
            Code::ChainAmbiguousLeaf => "The file holds more than one Server Licensor Certificate; which one is meant is ambiguous.",
            Code::SlcExpired => "The Server Licensor Certificate has expired.",
            Code::SlcNotYetValid => "The Server Licensor Certificate is not valid yet.",
            _ => return None,
        })
    },
};

/// Nederlands.
pub const NL: ReceiptWords = ReceiptWords {
    lang: Lang::Nl,
    title: "SLC Courier-overdrachtsbewijs",
    heading: "SLC Courier — overdrachtsbewijs",
    checked: |at, tool, version, build| format!("Gecontroleerd op {at} door {tool} {version} (build {build})."),
    verdict: "Oordeel",
    valid_ms: |req| format!("GELDIG — een echte Microsoft-keten die antwoord geeft op aanvraag {req}"),
    valid_test: |req| format!("GELDIG — een echte keten (TESTANKER) die antwoord geeft op aanvraag {req}"),
    unpaired: "Echte keten, NIET gecontroleerd tegen een aanvraag: laad de aanvraag voordat u het bestand meeneemt",
    invalid: "NIET GELDIG — neem dit bestand niet mee terug",
    reason: "Reden",
    anchor_ms: |fp| format!("Vertrouwensanker: de vastgelegde Microsoft DRM Production Root (sleutelvingerafdruk <code>{fp}</code>)"),
    anchor_test: |fp| format!("Vertrouwensanker: <strong>een testanker uit een bestand</strong>, niet de vastgelegde basis (sleutelvingerafdruk <code>{fp}</code>). Dit is een testoordeel."),
    new_expiry: |date, days| match days {
        Some(d) => format!("Nieuwe vervaldatum: <strong>{date}</strong> (nog {d} dagen)"),
        None => format!("Nieuwe vervaldatum: <strong>{date}</strong>"),
    },
    claimed_expiry: |date| format!("Vervaldatum die het afgewezen bestand opgeeft (niet bewezen): {date}"),
    named_in_cert: |issuer, server, guid| format!("Zoals genoemd in het certificaat: uitgegeven door {issuer} aan {server} {guid}"),
    files: "Bestanden",
    files_columns: ["Rol", "Naam", "Bytes"],
    role_request: "aanvraag",
    role_certificate: "certificaat",
    unnamed: "(geplakt, zonder bestandsnaam)",
    findings: "Bevindingen",
    none: "Geen.",
    findings_columns: ["Ernst", "Code", "Betreft", "Bericht", "Plaats", "Oplossing"],
    severity: |s| match s {
        Severity::Error => "fout",
        Severity::Warning => "waarschuwing",
        Severity::Info => "informatie",
    },
    location: |offset, line, column| format!("byte {offset}, regel {line}, kolom {column}"),
    subject_file: "bestand",
    subject_document: |n| format!("document {n}"),
    subject_chain: "certificaatketen",
    subject_request: "aanvraag",
    next_title: "Daarna, op de RMS-server",
    carry_this: |name, sha| format!("Neem dit bestand mee: <strong>{name}</strong>, SHA-256 <code>{sha}</code>"),
    next_steps_start: 11,
    next_steps: [
        "Klik in het gedeelte Clusterbronnen op Vernieuwen. Het dialoogvenster Vernieuwen wordt weergegeven.",
        "Klik in het dialoogvenster Vernieuwen op de knop Bladeren en ga naar het serverlicentieverleningscertificaat dat u hebt gedownload. Klik vervolgens op de knop Importeren.",
        "Klik op Ja om te bevestigen dat u dit certificaat wilt importeren.",
        "Als het serverlicentieverleningscertificaat met succes is vernieuwd, wordt het gedeelte Clusterbronnen bijgewerkt zodat de nieuwe vervaldatum van het serverlicentieverleningscertificaat wordt weergegeven.",
    ],
    cluster_shows: |date| format!("Clusterbronnen moet daarna de nieuwe vervaldatum <strong>{date}</strong> tonen."),
    check_copy: |ps, cu| format!("Controleer de meegenomen kopie: <code>{ps}</code> of <code>{cu}</code>"),
    far_side_title: "Hashcontrole aan de andere kant",
    far_side_result: |r| match r {
        super::FarSideResult::Matches => "gelijk",
        super::FarSideResult::Differs => "verschilt",
        super::FarSideResult::NotInPastedText => "niet in de geplakte tekst",
    },
    checklist_title: "Aangevinkte punten",
    far_side_check: "Controle aan de andere kant",
    far_side_how: "Op de RMS-server: <code>Get-FileHash -Algorithm SHA256 &lt;bestand&gt;</code> of <code>certutil -hashfile &lt;bestand&gt; SHA256</code>; vergelijk de uitkomst met de SHA-256 hierboven.",
    signed_by: "Gecontroleerd door: ______________________ Datum: ____________",
    reason_sentence: |c| {
        Some(match c {
            Code::RequestHasErrors => "De aanvraag bevat zelf fouten, dus van geen enkel certificaat kan worden gezegd dat het erop antwoordt.",
            Code::PairKeyMismatch => "Het is uitgegeven voor een andere serversleutel dan die in de aanvraag.",
            Code::PairGuidMismatch => "Het is uitgegeven voor een andere server (GUID) dan die de aanvraag heeft gedaan.",
            Code::DigestMismatch => "Een certificaat in het bestand is na het ondertekenen gewijzigd (de BODY komt niet meer overeen met de ondertekende hash).",
            Code::SignatureInvalid => "Een handtekening in de keten klopt niet: het bestand is gewijzigd of vervalst.",
            Code::ChainUntrustedRoot => "De keten eindigt niet bij de vertrouwde basissleutel.",
            Code::ChainNoSlc => "Het bestand bevat geen serverlicentieverleningscertificaat.",
            Code::ChainAmbiguousLeaf => "Het bestand bevat meer dan één serverlicentieverleningscertificaat; welk bedoeld is, is dubbelzinnig.",
            Code::SlcExpired => "Het serverlicentieverleningscertificaat is verlopen.",
            Code::SlcNotYetValid => "Het serverlicentieverleningscertificaat is nog niet geldig.",
            _ => return None,
        })
    },
};

/// The words in `lang`.
pub fn of(lang: Lang) -> &'static ReceiptWords {
    match lang {
        Lang::En => &EN,
        Lang::Nl => &NL,
    }
}

/// The decisive reason of a verdict in `lang`: its own sentence when the code has one, else
/// the code's one-line description in that language.
pub fn verdict_reason(code: Code, lang: Lang) -> &'static str {
    (of(lang).reason_sentence)(code).unwrap_or_else(|| match lang {
        Lang::En => crate::words::en::describe(code),
        Lang::Nl => crate::words::nl::describe(code),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both languages have a sentence for the same codes, and no Dutch sentence is the English.
    #[test]
    fn reason_sentences_are_paired_and_dutch() {
        for &c in Code::ALL {
            let (en, nl) = ((EN.reason_sentence)(c), (NL.reason_sentence)(c));
            assert_eq!(en.is_some(), nl.is_some(), "{}", c.id());
            if let (Some(e), Some(n)) = (en, nl) {
                assert_ne!(e, n, "{}", c.id());
            }
        }
        assert_eq!(
            verdict_reason(Code::SlcExpired, Lang::Nl),
            "Het serverlicentieverleningscertificaat is verlopen."
        );
    }
}
