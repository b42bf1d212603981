//! The page's words in English and Dutch (the procedure exists in both).
//!
//! The page chrome's words are here (one `static` per language, so a missing Dutch string does
//! not compile); findings, measured facts and manual checks get their words from the core's
//! `words` (one exhaustive `match` per language), in `T::lang`.

mod pickers;

use crate::services::config::ConfigError;
use slc_courier_core::Severity;

mod request_result;
mod trust_submit;

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Nederlands.
    Nl,
}

impl Lang {
    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }

    /// From a tag (`nl`, `nl-NL`, `en-US`…); anything not Dutch is English.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("nl") {
            Lang::Nl
        } else {
            Lang::En
        }
    }

    /// The core's language value.
    pub fn core(self) -> slc_courier_core::Lang {
        match self {
            Lang::En => slc_courier_core::Lang::En,
            Lang::Nl => slc_courier_core::Lang::Nl,
        }
    }

    /// The strings.
    pub fn t(self) -> &'static T {
        match self {
            Lang::En => &EN,
            Lang::Nl => &NL,
        }
    }
}

/// Every string of the page chrome.
pub struct T {
    /// The language these strings are in (for the core's findings and receipts).
    pub lang: slc_courier_core::Lang,
    pub tagline: &'static str,
    pub local_mode: &'static str,
    pub language: &'static str,
    pub step1: &'static str,
    pub step2: &'static str,
    pub step3: &'static str,
    pub step4: &'static str,
    pub step5: &'static str,
    pub step1_help: &'static str,
    pub step3_help: &'static str,
    pub step4_help: &'static str,
    pub step5_help: &'static str,
    pub drop_here: &'static str,
    pub choose_file: &'static str,
    pub or_paste: &'static str,
    pub use_pasted: &'static str,
    /// The pasted text was edited after it was checked: its result was dropped.
    pub paste_edited: &'static str,
    pub reading: &'static str,
    pub file: &'static str,
    pub size: &'static str,
    pub bytes: &'static str,
    pub sha256: &'static str,
    pub pass: &'static str,
    pub warn: &'static str,
    pub fail: &'static str,
    pub info: &'static str,
    pub no_findings: &'static str,
    pub fix: &'static str,
    pub at: &'static str,
    pub line: &'static str,
    pub column: &'static str,
    pub summary: &'static str,
    pub server: &'static str,
    pub cluster_url: &'static str,
    pub guid: &'static str,
    pub key: &'static str,
    /// The key of a certificate's holder in the chain list (a CA's, not only the server's).
    pub holder_key: &'static str,
    pub fingerprint: &'static str,
    pub version: &'static str,
    pub kind: &'static str,
    pub enrollment: &'static str,
    pub renewal: &'static str,
    pub unknown: &'static str,
    pub show_xml: &'static str,
    pub copy: &'static str,
    pub probe: &'static str,
    pub probe_button: &'static str,
    pub probing: &'static str,
    pub root_drop: &'static str,
    pub enrollment_address: &'static str,
    pub decommissioned: &'static str,
    pub open_page: &'static str,
    pub send_post: &'static str,
    pub field_name: &'static str,
    pub need_request: &'static str,
    pub submit_note: &'static str,
    pub verdict_invalid: &'static str,
    /// Genuine chain, no request loaded.
    pub verdict_unpaired: &'static str,
    /// Beside a verdict under a test anchor.
    pub verdict_test_anchor: &'static str,
    /// "Reason".
    pub reason: &'static str,
    /// An expiry written in a rejected file.
    pub claimed_expiry: &'static str,
    /// The anchor file holds Microsoft's key.
    pub anchor_file_is_microsoft: &'static str,
    pub new_expiry: &'static str,
    pub days_remaining: &'static str,
    pub issued_by: &'static str,
    pub chain: &'static str,
    pub signature_ok: &'static str,
    pub signature_bad: &'static str,
    pub pairing: &'static str,
    pub in_request: &'static str,
    pub in_certificate: &'static str,
    pub download_json: &'static str,
    pub download_html: &'static str,
    pub print: &'static str,
    pub far_side: &'static str,
    pub far_side_help: &'static str,
    pub hash_match: &'static str,
    pub hash_mismatch: &'static str,
    pub hash_none: &'static str,
    pub build: &'static str,
    pub nothing_loaded: &'static str,
    pub issued: &'static str,
    pub valid_until: &'static str,
    /// The document's number in the file (as the findings number it).
    pub number_in_file: &'static str,
    /// Heading of the file's documents that are not on the chain.
    pub off_chain: &'static str,
    pub principal: &'static str,
    pub issuer: &'static str,
    pub anchor_pinned: &'static str,
    pub anchor_custom: &'static str,
    pub anchor_reset: &'static str,
    pub anchor_other: &'static str,
    pub anchor_file: &'static str,
    /// Headline of a chain that answers the request, before the request's file name.
    pub verdict_valid_ms: &'static str,
    /// The same under a test anchor (never says Microsoft).
    pub verdict_valid_test: &'static str,
    /// Said when no reason code decides.
    pub reason_generic: &'static str,
    /// "Named in the certificate".
    pub named_in_cert: &'static str,
    pub start_over: &'static str,
    pub mark_done: &'static str,
    pub mark_problem: &'static str,
    pub mark_open: &'static str,
    pub next_title: &'static str,
    pub carry_this: &'static str,
    /// The procedure's steps 13–16.
    pub next_steps: [&'static str; 4],
    pub cluster_shows: &'static str,
    /// Above the renewal steps when the request was a first enrollment.
    pub enrollment_steps_note: &'static str,
    pub check_copy: &'static str,
    pub hash_not_in_text: &'static str,
    pub checklist_recorded: &'static str,
    pub single_file_hash: &'static str,
    /// `aria-label` of the steps' navigation.
    pub steps_nav: &'static str,
    /// Step 2: the root certificate heading.
    pub root_title: &'static str,
    /// Step 2: a root certificate's subject.
    pub subject: &'static str,
    /// Step 2: its serial number.
    pub serial: &'static str,
    /// Step 2: its validity (from → until).
    pub validity: &'static str,
    /// Step 2: the known root it is.
    pub recognised_as: &'static str,
    /// Step 2: the command that checks it in the Windows store.
    pub check_in_store: &'static str,
    /// Step 3: the request loaded in step 1 has errors.
    pub request_has_errors: &'static str,
    /// The box that lets a request with errors be sent all the same.
    pub send_anyway: &'static str,
    /// Step 3: the form could not be made or sent.
    pub post_failed: &'static str,
}

/// English.
pub static EN: T = T {
    lang: slc_courier_core::Lang::En,
    tagline: "Carry a Windows RMS Server Licensor Certificate request out and its certificate back — checked at every step.",
    local_mode: "Local file mode: this page runs from a file on this computer. It sends nothing, except the one request of the probe in step 2 if you start it, and your submission in step 3.",
    language: "Language",
    step1: "1. Request",
    step2: "2. Trust prerequisites",
    step3: "3. Submit",
    step4: "4. Verify certificate",
    step5: "5. Transfer receipt",
    step1_help: "Load the request exported on the RMS server: <server>EnrollRequest.xml or <server>RenewRequest.xml.",
    step3_help: "Send the request, byte for byte as loaded, to the enrollment service.",
    step4_help: "Load the certificate chain downloaded from the enrollment service. It is verified offline against the pinned Microsoft root and against the request.",
    step5_help: "Keep a record for the trip back: both files' SHA-256, every finding and the verdict.",
    drop_here: "Drop a file here",
    choose_file: "Choose file…",
    or_paste: "or paste the XML",
    use_pasted: "Check pasted text",
    paste_edited: "The text was changed after it was checked, so its result no longer counts. Check it again.",
    reading: "Working…",
    file: "File",
    size: "Size",
    bytes: "bytes",
    sha256: "SHA-256",
    pass: "PASS",
    warn: "WARN",
    fail: "FAIL",
    info: "INFO",
    no_findings: "No findings: the file is as it should be.",
    fix: "Fix",
    at: "at byte",
    line: "line",
    column: "column",
    summary: "Summary",
    server: "Server",
    cluster_url: "Cluster URL",
    guid: "Server GUID",
    key: "Server key",
    holder_key: "Holder's key",
    fingerprint: "Key fingerprint (SHA-256 of modulus)",
    version: "Version / SKU",
    kind: "Kind",
    enrollment: "Enrollment",
    renewal: "Renewal",
    unknown: "Unknown (from the file name)",
    show_xml: "Show the XML",
    copy: "Copy",
    probe: "Reachability of the enrollment address (optional; sends one request)",
    probe_button: "Probe the address",
    probing: "Probing…",
    root_drop: "Optionally, drop a root certificate (.cer, .crt, .pem) exported from this computer to inspect it.",
    enrollment_address: "Enrollment address",
    decommissioned: "Microsoft decommissioned the Windows RMS enrollment service after Windows Server 2003 support ended (July 2015); KB 2853958 extended SLCs to 7150 days for that reason. The address may no longer answer. AD RMS (Windows Server 2008 and later) enrolls itself and never needs this step.",
    open_page: "Open the enrollment page in a new tab",
    send_post: "Send the file to this address (form POST in a new tab)",
    field_name: "Form field name",
    need_request: "Load a request in step 1 first.",
    submit_note: "The exact bytes loaded in step 1 are sent; their SHA-256 is:",
        verdict_invalid: "NOT VALID — do not carry this file back",
    verdict_unpaired: "Genuine chain, NOT checked against a request: load the request in step 1 before you carry it back",
    verdict_test_anchor: "TEST ANCHOR — checked against a key loaded from a file, not the pinned production root; this is a test verdict. Key fingerprint:",
    reason: "Reason",
    claimed_expiry: "Expiration date claimed by the rejected file (not proven)",
    anchor_file_is_microsoft: "The pinned Microsoft DRM Production Root key, loaded from",
    new_expiry: "New expiration date",
    days_remaining: "days remaining",
    issued_by: "Issued by",
    chain: "Certificate chain (leaf first)",
    signature_ok: "signature verified",
    signature_bad: "signature FAILED",
    pairing: "Request and certificate side by side",
    in_request: "In the request",
    in_certificate: "In the certificate",
    download_json: "Download receipt (JSON)",
    download_html: "Download printable report (HTML)",
    print: "Print",
    far_side: "Hash computed on the far side",
    far_side_help: "Paste the output of Get-FileHash -Algorithm SHA256 or certutil -hashfile <file> SHA256 from the RMS server.",
    hash_match: "MATCH — the file arrived unchanged",
    hash_mismatch: "NO MATCH — the file on the other side differs",
    hash_none: "No SHA-256 found in the pasted text.",
    build: "Build",
    nothing_loaded: "Nothing loaded yet.",
    issued: "Issued",
    valid_until: "Authority until",
    number_in_file: "Number in the file",
    off_chain: "Also in the file, not on the chain",
    principal: "Issued to",
    issuer: "Issuer",
    anchor_pinned: "Trust anchor: Microsoft DRM Production Root (pinned in this tool).",
    anchor_custom: "NOT the Microsoft root — verifying against the key in",
    anchor_reset: "Use the Microsoft root",
    anchor_other: "Verify against another root key (test laboratories only)",
    anchor_file: "Root key file (.xrml-key.txt)",
    single_file_hash: "Published single-file build SHA-256",
    verdict_valid_ms: "VALID — a genuine Microsoft chain that answers request ",
    verdict_valid_test: "VALID — a genuine chain (test anchor) that answers request ",
    reason_generic: "The certificate chain failed a check; see the findings below.",
    named_in_cert: "As named in the certificate",
    start_over: "Start over",
    mark_done: "done",
    mark_problem: "problem",
    mark_open: "not done yet",
    next_title: "Next, on the RMS server",
    carry_this: "Carry this file",
    next_steps: [
        "In the Cluster resources area, click Renew. The Renew dialog box opens.",
        "In the Renew dialog box, click the Browse button and locate the server licensor certificate you downloaded and then click the Import button.",
        "Click Yes to confirm that you want to import this certificate.",
        "Once the server licensor certificate has been successfully renewed, the Cluster resources area will be updated to display the new expiration date of the server licensor certificate.",
    ],
    cluster_shows: "Cluster resources must then show the new expiration date",
    enrollment_steps_note: "This request is a first enrollment (EnrollRequest.xml); the steps below are the procedure's steps for a renewal. On a server being enrolled, import the certificate where the offline enrollment that exported the request asks for it: Browse to the file, Import, confirm.",
    check_copy: "Check the carried copy on the server (the SHA-256 must be the one above):",
    hash_not_in_text: "not in the pasted text",
    checklist_recorded: "Ticked items are recorded in the receipt.",
    steps_nav: "Steps",
    root_title: "Root certificate",
    subject: "Subject",
    serial: "Serial number",
    validity: "Valid",
    recognised_as: "Recognised as",
    check_in_store: "Check it in the Windows store",
    request_has_errors: "Step 1 found errors: the service is likely to reject this request.",
    send_anyway: "Send it anyway: I know that step 1 found errors in this file.",
    post_failed: "The form could not be sent from this page; use the link above and choose the file there.",
};

/// Nederlands.
pub static NL: T = T {
    lang: slc_courier_core::Lang::Nl,
    tagline: "Breng de aanvraag voor een serverlicentieverleningscertificaat (Windows RMS) naar buiten en het certificaat terug — bij elke stap gecontroleerd.",
    local_mode: "Lokale-bestandsmodus: deze pagina draait vanuit een bestand op deze computer. Ze verzendt niets, behalve het ene verzoek van de test in stap 2 als u die start, en uw inzending in stap 3.",
    language: "Taal",
    step1: "1. Aanvraag",
    step2: "2. Vertrouwensvereisten",
    step3: "3. Indienen",
    step4: "4. Certificaat controleren",
    step5: "5. Overdrachtsbewijs",
    step1_help: "Laad de aanvraag die op de RMS-server is geëxporteerd: <server>EnrollRequest.xml of <server>RenewRequest.xml.",
    step3_help: "Verstuur de aanvraag, byte voor byte zoals geladen, naar de inschrijvingsservice.",
    step4_help: "Laad de certificaatketen die u van de inschrijvingsservice hebt gedownload. Ze wordt offline gecontroleerd tegen de vastgelegde Microsoft-basis en tegen de aanvraag.",
    step5_help: "Bewaar een verslag voor de terugweg: de SHA-256 van beide bestanden, alle bevindingen en het oordeel.",
    drop_here: "Sleep een bestand hierheen",
    choose_file: "Bestand kiezen…",
    or_paste: "of plak de XML",
    use_pasted: "Geplakte tekst controleren",
    paste_edited: "De tekst is gewijzigd nadat hij is gecontroleerd, dus de uitkomst telt niet meer. Controleer hem opnieuw.",
    reading: "Bezig…",
    file: "Bestand",
    size: "Grootte",
    bytes: "bytes",
    sha256: "SHA-256",
    pass: "OK",
    warn: "LET OP",
    fail: "FOUT",
    info: "INFO",
    no_findings: "Geen bevindingen: het bestand is zoals het hoort.",
    fix: "Oplossing",
    at: "bij byte",
    line: "regel",
    column: "kolom",
    summary: "Samenvatting",
    server: "Server",
    cluster_url: "Cluster-URL",
    guid: "Server-GUID",
    key: "Serversleutel",
    holder_key: "Sleutel van de houder",
    fingerprint: "Sleutelvingerafdruk (SHA-256 van de modulus)",
    version: "Versie / SKU",
    kind: "Soort",
    enrollment: "Inschrijving",
    renewal: "Vernieuwing",
    unknown: "Onbekend (uit de bestandsnaam)",
    show_xml: "XML tonen",
    copy: "Kopiëren",
    probe: "Bereikbaarheid van het inschrijvingsadres (optioneel; verstuurt één verzoek)",
    probe_button: "Adres testen",
    probing: "Bezig met testen…",
    root_drop: "Sleep eventueel een basiscertificaat (.cer, .crt, .pem) dat u van deze computer hebt geëxporteerd hierheen om het te bekijken.",
    enrollment_address: "Inschrijvingsadres",
    decommissioned: "Microsoft heeft de inschrijvingsservice voor Windows RMS buiten gebruik gesteld na het einde van de ondersteuning voor Windows Server 2003 (juli 2015); KB 2853958 verlengde daarom SLC's tot 7150 dagen. Het adres antwoordt mogelijk niet meer. AD RMS (Windows Server 2008 en later) schrijft zichzelf in en heeft deze stap nooit nodig.",
    open_page: "Inschrijvingspagina openen in een nieuw tabblad",
    send_post: "Bestand naar dit adres versturen (formulier-POST in een nieuw tabblad)",
    field_name: "Naam van het formulierveld",
    need_request: "Laad eerst een aanvraag in stap 1.",
    submit_note: "De exacte bytes uit stap 1 worden verzonden; hun SHA-256 is:",
        verdict_invalid: "NIET GELDIG — neem dit bestand niet mee terug",
    verdict_unpaired: "Echte keten, NIET gecontroleerd tegen een aanvraag: laad de aanvraag in stap 1 voordat u het bestand meeneemt",
    verdict_test_anchor: "TESTANKER — gecontroleerd tegen een sleutel uit een bestand, niet tegen de vastgelegde productiebasis; dit is een testoordeel. Sleutelvingerafdruk:",
    reason: "Reden",
    claimed_expiry: "Vervaldatum die het afgewezen bestand opgeeft (niet bewezen)",
    anchor_file_is_microsoft: "De vastgelegde sleutel van de Microsoft DRM Production Root, geladen uit",
    new_expiry: "Nieuwe vervaldatum",
    days_remaining: "dagen resterend",
    issued_by: "Uitgegeven door",
    chain: "Certificaatketen (blad eerst)",
    signature_ok: "handtekening geverifieerd",
    signature_bad: "handtekening ONGELDIG",
    pairing: "Aanvraag en certificaat naast elkaar",
    in_request: "In de aanvraag",
    in_certificate: "In het certificaat",
    download_json: "Bewijs downloaden (JSON)",
    download_html: "Afdrukbaar verslag downloaden (HTML)",
    print: "Afdrukken",
    far_side: "Hash berekend aan de andere kant",
    far_side_help: "Plak de uitvoer van Get-FileHash -Algorithm SHA256 of certutil -hashfile <bestand> SHA256 van de RMS-server.",
    hash_match: "GELIJK — het bestand is ongewijzigd aangekomen",
    hash_mismatch: "NIET GELIJK — het bestand aan de andere kant verschilt",
    hash_none: "Geen SHA-256 gevonden in de geplakte tekst.",
    build: "Build",
    nothing_loaded: "Nog niets geladen.",
    issued: "Uitgegeven",
    valid_until: "Bevoegd tot",
    number_in_file: "Nummer in het bestand",
    off_chain: "Ook in het bestand, niet in de keten",
    principal: "Uitgegeven aan",
    issuer: "Uitgever",
    anchor_pinned: "Vertrouwensanker: Microsoft DRM Production Root (vastgelegd in dit hulpmiddel).",
    anchor_custom: "NIET de Microsoft-basis — controle tegen de sleutel in",
    anchor_reset: "Microsoft-basis gebruiken",
    anchor_other: "Controleren tegen een andere basissleutel (alleen testomgevingen)",
    anchor_file: "Basissleutelbestand (.xrml-key.txt)",
    single_file_hash: "SHA-256 van de gepubliceerde build als één bestand",
    verdict_valid_ms: "GELDIG — een echte Microsoft-keten die antwoord geeft op aanvraag ",
    verdict_valid_test: "GELDIG — een echte keten (testanker) die antwoord geeft op aanvraag ",
    reason_generic: "De certificaatketen heeft een controle niet doorstaan; zie de bevindingen hieronder.",
    named_in_cert: "Zoals genoemd in het certificaat",
    start_over: "Opnieuw beginnen",
    mark_done: "klaar",
    mark_problem: "probleem",
    mark_open: "nog niet gedaan",
    next_title: "Daarna, op de RMS-server",
    carry_this: "Neem dit bestand mee",
    next_steps: [
        "Klik in het gedeelte Clusterbronnen op Vernieuwen. Het dialoogvenster Vernieuwen wordt weergegeven.",
        "Klik in het dialoogvenster Vernieuwen op de knop Bladeren en ga naar het serverlicentieverleningscertificaat dat u hebt gedownload. Klik vervolgens op de knop Importeren.",
        "Klik op Ja om te bevestigen dat u dit certificaat wilt importeren.",
        "Als het serverlicentieverleningscertificaat met succes is vernieuwd, wordt het gedeelte Clusterbronnen bijgewerkt zodat de nieuwe vervaldatum van het serverlicentieverleningscertificaat wordt weergegeven.",
    ],
    cluster_shows: "Clusterbronnen moet daarna de nieuwe vervaldatum tonen",
    enrollment_steps_note: "Deze aanvraag is een eerste inschrijving (EnrollRequest.xml); de stappen hieronder zijn die van de procedure voor een vernieuwing. Importeer het certificaat op een server die wordt ingeschreven waar de offline inschrijving die de aanvraag exporteerde erom vraagt: blader naar het bestand, importeer, bevestig.",
    check_copy: "Controleer de meegenomen kopie op de server (de SHA-256 moet gelijk zijn aan die hierboven):",
    hash_not_in_text: "niet in de geplakte tekst",
    checklist_recorded: "Aangevinkte punten worden in het bewijs vastgelegd.",
    steps_nav: "Stappen",
    root_title: "Basiscertificaat",
    subject: "Onderwerp",
    serial: "Serienummer",
    validity: "Geldig",
    recognised_as: "Herkend als",
    check_in_store: "Controleer het in het Windows-certificatenarchief",
    request_has_errors: "Stap 1 heeft fouten gevonden: de inschrijvingsservice zal deze aanvraag waarschijnlijk weigeren.",
    send_anyway: "Toch versturen: ik weet dat stap 1 fouten in dit bestand heeft gevonden.",
    post_failed: "Het formulier kon niet vanuit deze pagina worden verzonden; gebruik de koppeling hierboven en kies daar het bestand.",
};

impl Lang {
    /// A file the browser could not read.
    pub fn unreadable(self, name: &str) -> String {
        match self {
            Lang::En => format!("{name} cannot be read: the browser refused to open it (it may have been moved or deleted since it was chosen)."),
            Lang::Nl => format!("{name} kan niet worden gelezen: de browser kon het niet openen (het is misschien verplaatst of verwijderd nadat u het koos)."),
        }
    }

    /// An anchor key file that cannot be used; `detail` is the core's reason in this language.
    pub fn anchor_refused(self, name: &str, detail: &str) -> String {
        match self {
            Lang::En => format!("{name} is not a usable root key file: {detail}"),
            Lang::Nl => format!("{name} is geen bruikbaar basissleutelbestand: {detail}"),
        }
    }

    /// A problem with `config.json` (shown to whoever deployed the page).
    pub fn config_error(self, e: &ConfigError) -> String {
        use ConfigError as E;
        match (self, e) {
            (Lang::En, E::Unreachable) => "config.json could not be requested; the defaults are used.".to_owned(),
            (Lang::Nl, E::Unreachable) => "config.json kon niet worden opgevraagd; de standaardinstellingen worden gebruikt.".to_owned(),
            (Lang::En, E::Status(n)) => format!("config.json could not be loaded (HTTP {n}); the defaults are used."),
            (Lang::Nl, E::Status(n)) => format!("config.json kon niet worden geladen (HTTP {n}); de standaardinstellingen worden gebruikt."),
            (Lang::En, E::Unreadable) => "config.json arrived but could not be read; the defaults are used.".to_owned(),
            (Lang::Nl, E::Unreadable) => "config.json is ontvangen maar kon niet worden gelezen; de standaardinstellingen worden gebruikt.".to_owned(),
            (Lang::En, E::NotJson { line, column }) => format!("config.json is not valid JSON (line {line}, column {column}); the defaults are used."),
            (Lang::Nl, E::NotJson { line, column }) => format!("config.json is geen geldige JSON (regel {line}, kolom {column}); de standaardinstellingen worden gebruikt."),
            (Lang::En, E::BadField { line, column }) => format!("config.json has a field this version does not know, or a value of the wrong type (line {line}, column {column}); the defaults are used."),
            (Lang::Nl, E::BadField { line, column }) => format!("config.json bevat een veld dat deze versie niet kent, of een waarde van het verkeerde type (regel {line}, kolom {column}); de standaardinstellingen worden gebruikt."),
            (Lang::En, E::NotUrl { field, value }) => format!("config.json: {field} must be an http(s) URL, not \"{value}\"; the defaults are used."),
            (Lang::Nl, E::NotUrl { field, value }) => format!("config.json: {field} moet een http(s)-URL zijn, niet \"{value}\"; de standaardinstellingen worden gebruikt."),
            (Lang::En, E::Language(v)) => format!("config.json: defaultLanguage must be \"en\" or \"nl\", not \"{v}\"; the defaults are used."),
            (Lang::Nl, E::Language(v)) => format!("config.json: defaultLanguage moet \"en\" of \"nl\" zijn, niet \"{v}\"; de standaardinstellingen worden gebruikt."),
            (Lang::En, E::FormFieldEmpty) => "config.json: formField must not be empty; the defaults are used.".to_owned(),
            (Lang::Nl, E::FormFieldEmpty) => "config.json: formField mag niet leeg zijn; de standaardinstellingen worden gebruikt.".to_owned(),
            (Lang::En, E::Threshold(n)) => format!("config.json: inspectThresholdDays must be a number of days from 0 to 36500, not {n}; the defaults are used."),
            (Lang::Nl, E::Threshold(n)) => format!("config.json: inspectThresholdDays moet een aantal dagen van 0 tot 36500 zijn, niet {n}; de standaardinstellingen worden gebruikt."),
        }
    }
}

impl T {
    /// The status word for a severity (text, not colour only).
    pub fn severity(&self, s: Severity) -> &'static str {
        match s {
            Severity::Error => self.fail,
            Severity::Warning => self.warn,
            Severity::Info => self.info,
        }
    }
}
