//! The evidence report over a workbench: JSON (schema `slc-courier-evidence/2`, documented in
//! `docs/evidence.md`) built as explicit types, and a printable HTML page in English or Dutch.

use super::{ChainEnd, DocEntry, DocKind, FileEntry, PartyView, RacBasis, Workbench};
use crate::finding::{Finding, Severity, Subject};
use crate::lang::Lang;
use crate::report::ToolInfo;
use crate::time::UtcTime;
use serde::Serialize;

/// The schema id of the JSON evidence report.
pub const SCHEMA: &str = "slc-courier-evidence/2";

/// The evidence report (JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// The tool that wrote it.
    pub tool: ToolInfo,
    /// The time everything was checked against.
    pub checked_at: UtcTime,
    /// The expiry threshold in days.
    pub threshold_days: i64,
    /// The files.
    pub files: Vec<EvFile>,
    /// The documents.
    pub documents: Vec<EvDocument>,
    /// The summary.
    pub summary: EvSummary,
}

/// One file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvFile {
    /// The name.
    pub name: String,
    /// Size in bytes (0 when refused).
    pub size: usize,
    /// SHA-256 of the bytes as loaded; `null` when it was refused before reading.
    pub sha256: Option<String>,
    /// True when it was refused before reading (too large, unreadable; see `findings`).
    pub refused: bool,
    /// `bare`, `soap-chain`, `escaped-response`.
    pub wrapper: String,
    /// Ids of its documents.
    pub documents: Vec<usize>,
    /// True when the document budget was spent before (all of) it was read.
    pub not_read: bool,
    /// What reading it found.
    pub findings: Vec<EvFinding>,
}

/// A finding, as the report keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvFinding {
    /// The stable code.
    pub code: String,
    /// `info`, `warning`, `error`.
    pub severity: String,
    /// The document of the file it is about (0-based in the file), when it is about one.
    pub document_in_file: Option<usize>,
    /// What was found, in each language (`{"en": …, "nl": …}`; see
    /// [`crate::finding::localize_json`]).
    pub message: std::collections::BTreeMap<&'static str, String>,
}

/// A party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvParty {
    /// `NAME`.
    pub name: Option<String>,
    /// `ID`.
    pub id: String,
    /// `ID/@type`.
    pub id_type: String,
    /// E-mail address, when there is one.
    pub email: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Key size in bits.
    pub key_bits: Option<usize>,
    /// Key fingerprint (SHA-256 of the big-endian modulus, hex).
    pub key_fingerprint: Option<String>,
}

/// Where a document's original bytes stand in its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvAsFound {
    /// Byte offset of the first byte.
    pub offset: usize,
    /// Length in bytes.
    pub length: usize,
    /// `utf-8`, `utf-16le`, `utf-16be`.
    pub encoding: &'static str,
    /// True when the bytes are escaped text (`&lt;XrML` …) inside an element.
    pub escaped: bool,
}

/// How a RAC's kind was told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvKindBasis {
    /// `marker` (the document says so), `validity` (inferred from its validity period),
    /// `unknown` (neither: taken as permanent).
    pub by: &'static str,
    /// The `Group-Identity-Credential-Type` value as written, when there is one.
    pub marker: Option<String>,
    /// Minutes from valid-from to valid-until, when inferred from them.
    pub validity_minutes: Option<i64>,
}

/// A licensing URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvUrl {
    /// `intranet`, `extranet`, `referral`.
    pub kind: &'static str,
    /// As written.
    pub url: String,
}

/// Where a chain ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvChainEnd {
    /// `microsoft-root`, `test-anchor`, `issuer-not-loaded`, `broken`.
    pub end: &'static str,
    /// The missing issuer (issuer-not-loaded) or the anchor's name (test-anchor).
    pub issuer: Option<String>,
    /// The document where it ends or breaks.
    pub document: Option<usize>,
    /// Why it is broken.
    pub reason: Option<&'static str>,
}

/// One document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvDocument {
    /// Id (global index).
    pub id: usize,
    /// Index into `files`.
    pub file: usize,
    /// Position in its file (0-based).
    pub index_in_file: usize,
    /// Where its original bytes stand (`null` when they cannot be placed).
    pub as_found: Option<EvAsFound>,
    /// The kind id.
    pub kind: &'static str,
    /// For a RAC, how its kind was told (`null` otherwise).
    pub kind_basis: Option<EvKindBasis>,
    /// The type as written.
    pub type_as_written: String,
    /// The issuer.
    pub issuer: EvParty,
    /// The principal.
    pub principal: Option<EvParty>,
    /// Licensing URLs.
    pub urls: Vec<EvUrl>,
    /// `SHA1`, `SHA256`.
    pub hash: Option<&'static str>,
    /// 1 or 2.
    pub mode: Option<u8>,
    /// ISSUEDTIME.
    pub issued: Option<UtcTime>,
    /// Valid from.
    pub valid_from: Option<UtcTime>,
    /// Valid until.
    pub valid_until: Option<UtcTime>,
    /// Days left.
    pub days_left: Option<i64>,
    /// Under the threshold.
    pub below_threshold: bool,
    /// `verified`, `failed`, `unsigned`.
    pub signature: &'static str,
    /// Where its chain ends.
    pub chain: EvChainEnd,
    /// The linked issuer document.
    pub linked_issuer: Option<usize>,
    /// Loaded documents holding its issuer key.
    pub issuer_documents: Vec<usize>,
    /// SLC key fingerprint of its cluster.
    pub cluster: Option<String>,
    /// SHA-256 of the document's original bytes, exactly as found in the file (`as_found`;
    /// what "Save as found" writes); `null` when they cannot be placed.
    pub sha256: Option<String>,
    /// SHA-256 of the decoded XML (UTF-8, unescaped; what "Save decoded copy" writes and what
    /// signatures are checked on). Equal to `sha256` for a UTF-8 document that was not escaped.
    pub decoded_sha256: String,
}

/// A cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvCluster {
    /// SLC key fingerprint.
    pub key_fingerprint: String,
    /// SLC principal name.
    pub name: Option<String>,
    /// Modes of its SLCs.
    pub modes: Vec<u8>,
    /// Its SLC documents.
    pub slc_documents: Vec<usize>,
    /// How many documents belong to it.
    pub documents: usize,
}

/// A distinct licensing URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvUrlUse {
    /// Kind.
    pub kind: &'static str,
    /// As written.
    pub url: String,
    /// The documents carrying it.
    pub documents: Vec<usize>,
}

/// The summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvSummary {
    /// Number of files.
    pub files: usize,
    /// Number of documents.
    pub documents: usize,
    /// Clusters.
    pub clusters: Vec<EvCluster>,
    /// Distinct licensing URLs.
    pub urls: Vec<EvUrlUse>,
    /// The document that expires first (not yet expired).
    pub expires_first: Option<usize>,
    /// Expired documents.
    pub expired: Vec<usize>,
    /// Documents under the threshold, soonest first.
    pub below_threshold: Vec<usize>,
    /// Documents per kind.
    pub by_kind: Vec<(&'static str, usize)>,
    /// Documents per chain end.
    pub by_chain_end: Vec<(&'static str, usize)>,
}

fn party(p: &PartyView) -> EvParty {
    EvParty {
        name: p.name.clone(),
        id: p.id.clone(),
        id_type: p.id_type.clone(),
        email: p.email.clone(),
        url: p.url.clone(),
        key_bits: p.key_bits,
        key_fingerprint: p.key_fingerprint.clone(),
    }
}

fn chain_end(e: &ChainEnd) -> EvChainEnd {
    let (issuer, document, reason) = match e {
        ChainEnd::MicrosoftRoot => (None, None, None),
        ChainEnd::TestAnchor { name } => (Some(name.clone()), None, None),
        ChainEnd::IssuerNotLoaded { issuer, document } => {
            (Some(issuer.clone()), Some(*document), None)
        }
        ChainEnd::Broken { document, reason } => (None, Some(*document), Some(reason.id())),
    };
    EvChainEnd {
        end: e.id(),
        issuer,
        document,
        reason,
    }
}

fn document(d: &DocEntry) -> EvDocument {
    EvDocument {
        id: d.id,
        file: d.file,
        index_in_file: d.index_in_file,
        as_found: d.as_found().map(|a| EvAsFound {
            offset: a.offset,
            length: a.length,
            encoding: a.encoding.id(),
            escaped: a.escaped,
        }),
        kind: d.kind.id(),
        kind_basis: d.rac_basis.as_ref().map(|b| {
            let (marker, validity_minutes) = match b {
                RacBasis::Marked { value } => (Some(value.clone()), None),
                RacBasis::Validity { minutes, marker } => (marker.clone(), Some(*minutes)),
                RacBasis::Unknown { marker } => (marker.clone(), None),
            };
            EvKindBasis {
                by: b.id(),
                marker,
                validity_minutes,
            }
        }),
        type_as_written: d.type_as_written.clone(),
        issuer: party(&d.issuer),
        principal: d.principal.as_ref().map(party),
        urls: d
            .urls
            .iter()
            .map(|u| EvUrl {
                kind: u.kind.id(),
                url: u.url.clone(),
            })
            .collect(),
        hash: d.hash.map(|h| match h {
            crate::policy::HashAlg::Sha1 => "SHA1",
            crate::policy::HashAlg::Sha256 => "SHA256",
        }),
        mode: d.mode,
        issued: d.issued,
        valid_from: d.valid_from,
        valid_until: d.valid_until,
        days_left: d.days_left,
        below_threshold: d.below_threshold,
        signature: d.signature.id(),
        chain: chain_end(d.chain_end()),
        linked_issuer: d.linked_issuer(),
        issuer_documents: d.issuer_documents.clone(),
        cluster: d.cluster.clone(),
        sha256: d.as_found().map(|_| crate::text::sha256_hex(d.original())),
        decoded_sha256: crate::text::sha256_hex(d.decoded()),
    }
}

impl Evidence {
    /// The report for `w`, written by `tool`.
    pub fn new(w: &Workbench, tool: ToolInfo) -> Evidence {
        let s = &w.summary;
        Evidence {
            schema: SCHEMA,
            tool,
            checked_at: w.checked_at,
            threshold_days: w.threshold_days,
            files: w
                .files
                .iter()
                .map(|f| EvFile {
                    name: f.name.clone(),
                    size: f.size,
                    sha256: (!f.refused).then(|| f.sha256.clone()),
                    refused: f.refused,
                    wrapper: match f.wrapper {
                        crate::xrml::Wrapper::Bare => "bare",
                        crate::xrml::Wrapper::SoapChain => "soap-chain",
                        crate::xrml::Wrapper::EscapedResponse => "escaped-response",
                    }
                    .to_owned(),
                    documents: f.documents.clone(),
                    not_read: f.not_read,
                    findings: f
                        .findings
                        .iter()
                        .map(|x| EvFinding {
                            code: x.code.id().to_owned(),
                            severity: x.severity.as_str().to_owned(),
                            document_in_file: match x.subject {
                                crate::finding::Subject::Document { index } => Some(index),
                                _ => None,
                            },
                            message: crate::lang::Lang::ALL
                                .iter()
                                .map(|l| (l.tag(), x.message(*l)))
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
            documents: w.documents.iter().map(document).collect(),
            summary: EvSummary {
                files: w.files.len(),
                documents: w.documents.len(),
                clusters: s
                    .clusters
                    .iter()
                    .map(|c| EvCluster {
                        key_fingerprint: c.key_fingerprint.clone(),
                        name: c.name.clone(),
                        modes: c.modes.clone(),
                        slc_documents: c.slc_documents.clone(),
                        documents: c.documents,
                    })
                    .collect(),
                urls: s
                    .urls
                    .iter()
                    .map(|u| EvUrlUse {
                        kind: u.kind.id(),
                        url: u.url.clone(),
                        documents: u.documents.clone(),
                    })
                    .collect(),
                expires_first: s.expires_first,
                expired: s.expired.clone(),
                below_threshold: s.below_threshold.clone(),
                by_kind: s.by_kind.iter().map(|(k, n)| (k.id(), *n)).collect(),
                by_chain_end: s.by_chain_end.clone(),
            },
        }
    }

    /// Pretty JSON, with findings' words in `lang`.
    pub fn to_json(&self, lang: crate::lang::Lang) -> String {
        crate::finding::to_json_in(self, lang)
    }
}

/// The words of the HTML report (and the page's table) in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels {
    /// `lang` attribute.
    pub lang: &'static str,
    /// The language (for the words made in [`crate::words`]).
    pub language: Lang,
    /// Report title.
    pub title: &'static str,
    /// "Checked at".
    pub checked_at: &'static str,
    /// "Threshold (days)".
    pub threshold: &'static str,
    /// "Files".
    pub files: &'static str,
    /// "Documents".
    pub documents: &'static str,
    /// "document", "documents" in a sentence ([`Labels::count_documents`]).
    pub document_words: [&'static str; 2],
    /// "Summary".
    pub summary: &'static str,
    /// "Clusters (by SLC key)".
    pub clusters: &'static str,
    /// "Licensing URLs".
    pub urls: &'static str,
    /// "Expires first".
    pub expires_first: &'static str,
    /// "Under the threshold".
    pub below_threshold: &'static str,
    /// "Expired".
    pub expired: &'static str,
    /// Column: kind.
    pub kind: &'static str,
    /// Column: issuer.
    pub issuer: &'static str,
    /// Column: principal.
    pub principal: &'static str,
    /// Column: key.
    pub key: &'static str,
    /// Column: mode.
    pub mode: &'static str,
    /// Column: issued.
    pub issued: &'static str,
    /// Column: valid from.
    pub valid_from: &'static str,
    /// Column: valid until.
    pub valid_until: &'static str,
    /// Column: days left.
    pub days_left: &'static str,
    /// Column: signature.
    pub signature: &'static str,
    /// Column: chain end.
    pub chain: &'static str,
    /// Column: file.
    pub file: &'static str,
    /// Column: size.
    pub size: &'static str,
    /// "none".
    pub none: &'static str,
    /// Kind words, in [`DocKind::ALL`] order.
    pub kinds: [&'static str; 10],
    /// Short kind words for narrow table columns, in [`DocKind::ALL`] order.
    pub kinds_short: [&'static str; 10],
    /// Heading: problems per file.
    pub problems: &'static str,
    /// A file whose documents were not (all) read: the document budget was spent.
    pub not_read: &'static str,
    /// `Info`, `Warning`, `Error`.
    pub severities: [&'static str; 3],
    /// The words before and after a document's number in the listing, put before a problem
    /// about that document (the problem's own words number it within its file).
    pub listed_as: [&'static str; 2],
    /// Column: SHA-256 of the bytes as found.
    pub sha256_as_found: &'static str,
    /// Said of a document whose bytes could not be placed in its file.
    pub not_placed: &'static str,
    /// `verified`, `failed`, `unsigned`.
    pub signatures: [&'static str; 3],
    /// `microsoft-root`, `test-anchor`, `issuer-not-loaded`, `broken`.
    pub chain_ends: [&'static str; 4],
    /// `intranet`, `extranet`, `referral`.
    pub url_kinds: [&'static str; 3],
    /// Why a chain is broken, in [`super::BrokenReason`] order (signature, no issuer key,
    /// link mismatch, issued outside the issuer's range, untrusted root, loop, too long).
    pub broken_reasons: [&'static str; 8],
    /// Far-side note under the files.
    pub files_note: &'static str,
}

/// English.
pub const EN: Labels = Labels {
    lang: "en",
    language: Lang::En,
    title: "SLC Courier evidence report",
    checked_at: "Checked at",
    threshold: "Expiry threshold (days)",
    files: "Files",
    documents: "Documents",
    document_words: ["document", "documents"],
    summary: "Summary",
    clusters: "Clusters (by SLC key)",
    urls: "Licensing URLs",
    expires_first: "Expires first",
    below_threshold: "Under the threshold",
    expired: "Expired",
    kind: "Kind",
    issuer: "Issuer",
    principal: "Principal",
    key: "Key",
    mode: "Mode",
    issued: "Issued",
    valid_from: "Valid from",
    valid_until: "Valid until",
    days_left: "Days left",
    signature: "Signature",
    chain: "Chain ends",
    file: "File",
    size: "Size (bytes)",
    none: "none",
    kinds: [
        "SLC (server licensor certificate)",
        "Enrollment service certificate",
        "CA certificate",
        "RAC (temporary)",
        "RAC (permanent)",
        "CLC (client licensor certificate)",
        "Machine certificate",
        "Publishing licence",
        "Use licence",
        "Other",
    ],
    kinds_short: [
        "SLC",
        "Enrollment service",
        "CA",
        "RAC (temporary)",
        "RAC (permanent)",
        "CLC",
        "Machine",
        "Publishing licence",
        "Use licence",
        "Other",
    ],
    problems: "Problems per file",
    not_read: "Not (all) read: the workbench's document limit was reached before this file.",
    severities: ["Info", "Warning", "Error"],
    listed_as: ["listed as #", ""],
    sha256_as_found: "SHA-256 of the bytes as found",
    not_placed: "its bytes could not be placed in the file",
    signatures: ["verified", "failed", "unsigned"],
    chain_ends: [
        "Microsoft root",
        "test anchor",
        "issuer not loaded",
        "broken",
    ],
    url_kinds: ["intranet", "extranet", "referral"],
    broken_reasons: [
        "its signature fails",
        "the issuer key cannot be read",
        "the issuer's ID does not match",
        "issued outside the issuer's range",
        "names the root with another key",
        "the issuers go round in a circle",
        "the chain is too long",
        "a time the link needs is missing (ISSUEDTIME, or the issuer's ISSUE range)",
    ],
    files_note: "Files are read, never altered and never sent. Compare each SHA-256 with Get-FileHash -Algorithm SHA256 <file>.",
};

/// Dutch (Microsoft's Dutch terms, as in the Windows RMS procedures).
pub const NL: Labels = Labels {
    lang: "nl",
    language: Lang::Nl,
    title: "SLC Courier-bewijsrapport",
    checked_at: "Gecontroleerd op",
    threshold: "Drempel voor verloop (dagen)",
    files: "Bestanden",
    documents: "Documenten",
    document_words: ["document", "documenten"],
    summary: "Samenvatting",
    clusters: "Clusters (per SLC-sleutel)",
    urls: "Licentie-URL's",
    expires_first: "Verloopt als eerste",
    below_threshold: "Onder de drempel",
    expired: "Verlopen",
    kind: "Soort",
    issuer: "Verlener",
    principal: "Houder",
    key: "Sleutel",
    mode: "Modus",
    issued: "Uitgegeven",
    valid_from: "Geldig vanaf",
    valid_until: "Geldig tot",
    days_left: "Dagen over",
    signature: "Handtekening",
    chain: "Keten eindigt",
    file: "Bestand",
    size: "Grootte (bytes)",
    none: "geen",
    kinds: [
        "SLC (serverlicentieverleningscertificaat)",
        "Certificaat van de inschrijvingsservice",
        "CA-certificaat",
        "RAC (tijdelijk)",
        "RAC (permanent)",
        "CLC (clientlicentieverleningscertificaat)",
        "Computercertificaat",
        "Publicatielicentie",
        "Gebruikslicentie",
        "Overig",
    ],
    kinds_short: [
        "SLC",
        "Inschrijvings\u{ad}service",
        "CA",
        "RAC (tijdelijk)",
        "RAC (permanent)",
        "CLC",
        "Computer",
        "Publicatie\u{ad}licentie",
        "Gebruiks\u{ad}licentie",
        "Overig",
    ],
    problems: "Problemen per bestand",
    not_read: "Niet (helemaal) gelezen: de documentlimiet van de werkbank was vóór dit bestand bereikt.",
    severities: ["Info", "Waarschuwing", "Fout"],
    listed_as: ["#", " in de lijst"],
    sha256_as_found: "SHA-256 van de bytes zoals gevonden",
    not_placed: "de bytes konden niet in het bestand worden aangewezen",
    signatures: ["geverifieerd", "ongeldig", "niet ondertekend"],
    chain_ends: [
        "Microsoft-basis",
        "testbasis",
        "verlener niet geladen",
        "verbroken",
    ],
    url_kinds: ["intranet", "extranet", "verwijzing"],
    broken_reasons: [
        "de handtekening klopt niet",
        "de sleutel van de uitgever is onleesbaar",
        "de ID van de uitgever komt niet overeen",
        "uitgegeven buiten de periode van de uitgever",
        "noemt de basis met een andere sleutel",
        "de uitgevers vormen een kring",
        "de keten is te lang",
        "een tijd die de schakel nodig heeft ontbreekt (ISSUEDTIME, of de ISSUE-periode van de uitgever)",
    ],
    files_note: "Bestanden worden gelezen, nooit gewijzigd en nooit verzonden. Vergelijk elke SHA-256 met Get-FileHash -Algorithm SHA256 <bestand>.",
};

impl Labels {
    /// A document's kind in full; for a RAC with how it was told ("RAC (temporary, by its
    /// validity of 15 minutes)").
    pub fn doc_kind(&self, d: &DocEntry) -> String {
        match &d.rac_basis {
            Some(b) => match self.language {
                Lang::En => crate::words::en::rac(d.kind == DocKind::RacTemporary, b),
                Lang::Nl => crate::words::nl::rac(d.kind == DocKind::RacTemporary, b),
            },
            None => self.kind(d.kind).to_owned(),
        }
    }
    /// How a RAC's kind was told (`None` for other documents).
    pub fn kind_basis(&self, d: &DocEntry) -> Option<String> {
        let b = d.rac_basis.as_ref()?;
        Some(match self.language {
            Lang::En => crate::words::en::rac_basis(b),
            Lang::Nl => crate::words::nl::rac_basis(b),
        })
    }
    /// The short word for a kind (table columns; may hold soft hyphens).
    pub fn kind_short(&self, k: DocKind) -> &'static str {
        let i = DocKind::ALL.iter().position(|&x| x == k).unwrap_or(9);
        self.kinds_short.get(i).copied().unwrap_or("")
    }
    /// Where a document's original bytes stand, in words.
    pub fn as_found(&self, d: &DocEntry) -> String {
        match (d.as_found(), self.language) {
            (Some(a), Lang::En) => crate::words::en::as_found(a),
            (Some(a), Lang::Nl) => crate::words::nl::as_found(a),
            (None, _) => self.not_placed.to_owned(),
        }
    }
    /// One problem of a file, in this language: `Error · …`. When it is about one document,
    /// that document's number in the listing comes first (`Error · listed as #3 · Document 1
    /// (…): …`), so that it is told apart from the number the words give it in its file.
    pub fn problem(&self, file: &FileEntry, f: &Finding) -> String {
        let sev = match f.severity {
            Severity::Info => 0,
            Severity::Warning => 1,
            Severity::Error => 2,
        };
        let doc = match f.subject {
            Subject::Document { index } => file
                .documents
                .get(index)
                .map(|id| {
                    let [before, after] = self.listed_as;
                    format!("{before}{}{after} · ", id + 1)
                })
                .unwrap_or_default(),
            _ => String::new(),
        };
        format!(
            "{} · {doc}{}",
            self.severities.get(sev).copied().unwrap_or(""),
            f.message(self.language)
        )
    }
    /// Every problem of a file in words, the document budget included.
    pub fn problems_of(&self, file: &FileEntry) -> Vec<String> {
        let mut out: Vec<String> = file.problems().map(|f| self.problem(file, f)).collect();
        if file.not_read {
            out.push(self.not_read.to_owned());
        }
        out
    }
    /// The word for a kind.
    pub fn kind(&self, k: DocKind) -> &'static str {
        let i = DocKind::ALL.iter().position(|&x| x == k).unwrap_or(9);
        self.kinds.get(i).copied().unwrap_or("")
    }
    /// The word for a signature state id.
    pub fn signature(&self, id: &str) -> &'static str {
        let i = ["verified", "failed", "unsigned"]
            .iter()
            .position(|&x| x == id)
            .unwrap_or(1);
        self.signatures.get(i).copied().unwrap_or("")
    }
    /// The words for a chain end, with the issuer or document it names.
    pub fn chain_end(&self, e: &ChainEnd) -> String {
        let w = |i: usize| self.chain_ends.get(i).copied().unwrap_or("");
        match e {
            ChainEnd::MicrosoftRoot => w(0).to_owned(),
            ChainEnd::TestAnchor { name } => format!("{} ({name})", w(1)),
            ChainEnd::IssuerNotLoaded { issuer, document } => {
                format!("{}: {issuer} (#{})", w(2), document + 1)
            }
            ChainEnd::Broken { document, reason } => {
                format!(
                    "{}: #{} {}",
                    w(3),
                    document + 1,
                    self.broken_reason(*reason)
                )
            }
        }
    }
    /// "1 document", "3 documents": the count and the word, singular for one.
    pub fn count_documents(&self, n: usize) -> String {
        let [one, many] = self.document_words;
        format!("{n} {}", if n == 1 { one } else { many })
    }
    /// The words for why a chain is broken.
    pub fn broken_reason(&self, r: super::BrokenReason) -> &'static str {
        use super::BrokenReason as B;
        let i = match r {
            B::Signature => 0,
            B::NoIssuerKey => 1,
            B::LinkMismatch => 2,
            B::IssuedOutsideIssuerRange => 3,
            B::UntrustedRoot => 4,
            B::Loop => 5,
            B::TooLong => 6,
            B::TimeMissing => 7,
        };
        self.broken_reasons.get(i).copied().unwrap_or("")
    }
    /// The word for a URL kind.
    pub fn url_kind(&self, k: super::UrlKind) -> &'static str {
        let i = match k {
            super::UrlKind::Intranet => 0,
            super::UrlKind::Extranet => 1,
            super::UrlKind::Referral => 2,
        };
        self.url_kinds.get(i).copied().unwrap_or("")
    }
}

/// Escapes text for HTML.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The kind cell: the short word, and for a RAC how its kind was told.
fn kind_cell(l: &Labels, d: &DocEntry) -> String {
    let short = esc(l.kind_short(d.kind)).replace('\u{ad}', "&shy;");
    match l.kind_basis(d) {
        Some(b) => format!("{short}<br><small>{}</small>", esc(&b)),
        None => short,
    }
}

fn opt_time(t: Option<UtcTime>) -> String {
    t.map_or("–".to_owned(), |t| t.to_string())
}

/// The printable HTML report, in the language of `l`.
pub fn to_html(w: &Workbench, tool: &ToolInfo, l: &Labels) -> String {
    let mut h = format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>body{{font:13px/1.4 system-ui,sans-serif;margin:1.5rem;color:#111}}code{{font:11px ui-monospace,monospace;word-break:break-all}}table{{border-collapse:collapse;width:100%;margin-bottom:1rem}}td,th{{border:1px solid #999;padding:.25rem;text-align:left;vertical-align:top}}.below{{font-weight:bold}}@media print{{body{{margin:0}}}}</style></head><body><h1>{}</h1><p>{}: {} · {}: {} · {} {} ({})</p>",
        l.lang,
        esc(l.title),
        esc(l.title),
        esc(l.checked_at),
        w.checked_at,
        esc(l.threshold),
        w.threshold_days,
        esc(&tool.name),
        esc(&tool.version),
        esc(&tool.build_id)
    );
    let s = &w.summary;
    h.push_str(&format!(
        "<h2>{}</h2><h3>{}</h3><ul>",
        esc(l.summary),
        esc(l.clusters)
    ));
    for c in &s.clusters {
        let modes: Vec<String> = c.modes.iter().map(u8::to_string).collect();
        h.push_str(&format!(
            "<li>{} — <code>{}</code> — {} {} — {}</li>",
            esc(c.name.as_deref().unwrap_or("?")),
            esc(&c.key_fingerprint),
            esc(l.mode),
            if modes.is_empty() {
                "–".to_owned()
            } else {
                modes.join(", ")
            },
            esc(&l.count_documents(c.documents))
        ));
    }
    if s.clusters.is_empty() {
        h.push_str(&format!("<li>{}</li>", esc(l.none)));
    }
    h.push_str(&format!("</ul><h3>{}</h3><ul>", esc(l.urls)));
    for u in &s.urls {
        h.push_str(&format!(
            "<li>{}: <code>{}</code> ({})</li>",
            esc(l.url_kind(u.kind)),
            esc(&u.url),
            u.documents
                .iter()
                .map(|d| format!("#{}", d + 1))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if s.urls.is_empty() {
        h.push_str(&format!("<li>{}</li>", esc(l.none)));
    }
    let name_of = |id: usize| {
        w.document(id).map_or(String::new(), |d| {
            format!(
                "#{} {} ({})",
                id + 1,
                l.kind(d.kind),
                opt_time(d.valid_until)
            )
        })
    };
    h.push_str(&format!(
        "</ul><p>{}: {}</p><p>{}: {}</p><p>{}: {}</p>",
        esc(l.expires_first),
        esc(&s.expires_first.map_or(l.none.to_owned(), name_of)),
        esc(l.below_threshold),
        esc(&if s.below_threshold.is_empty() {
            l.none.to_owned()
        } else {
            s.below_threshold
                .iter()
                .map(|&i| name_of(i))
                .collect::<Vec<_>>()
                .join("; ")
        }),
        esc(l.expired),
        s.expired.len()
    ));
    h.push_str(&format!(
        "<h2>{}</h2><table><tr><th>#</th><th>{}</th><th>{}</th><th>SHA-256</th><th>{}</th></tr>",
        esc(l.files),
        esc(l.file),
        esc(l.size),
        esc(l.problems)
    ));
    for (i, f) in w.files.iter().enumerate() {
        let problems: String = l
            .problems_of(f)
            .iter()
            .map(|p| format!("<li>{}</li>", esc(p)))
            .collect();
        h.push_str(&format!(
            "<tr data-file=\"{i}\"><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td><td>{}</td></tr>",
            i + 1,
            esc(&f.name),
            if f.refused { "–".to_owned() } else { f.size.to_string() },
            if f.refused { "–" } else { f.sha256.as_str() },
            if problems.is_empty() { "–".to_owned() } else { format!("<ul>{problems}</ul>") }
        ));
    }
    h.push_str(&format!("</table><p>{}</p>", esc(l.files_note)));
    h.push_str(&format!(
        "<h2>{}</h2><table><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        esc(l.documents), esc(l.file), esc(l.kind), esc(l.issuer), esc(l.principal), esc(l.urls), esc(l.key), esc(l.mode), esc(l.issued), esc(l.valid_until), esc(l.days_left), esc(l.signature), esc(l.chain), esc(l.sha256_as_found)
    ));
    for d in &w.documents {
        let file = w.file_of(d).map_or("", |f| f.name.as_str());
        let urls: Vec<String> = d
            .urls
            .iter()
            .map(|u| format!("{}: {}", l.url_kind(u.kind), u.url))
            .collect();
        let key = d.principal.as_ref().map_or(String::new(), |p| {
            format!(
                "RSA-{} {}",
                p.key_bits.map_or("?".to_owned(), |b| b.to_string()),
                p.key_fingerprint.as_deref().unwrap_or("")
            )
        });
        let sha = format!(
            "<code>{}</code><br><small>{}</small>",
            d.as_found()
                .map_or("–".to_owned(), |_| crate::text::sha256_hex(d.original())),
            esc(&l.as_found(d))
        );
        h.push_str(&format!(
            "<tr{}><td>{}</td><td>{} #{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            if d.below_threshold { " class=\"below\"" } else { "" },
            d.id + 1,
            esc(file),
            d.index_in_file + 1,
            kind_cell(l, d),
            esc(d.issuer.label()),
            esc(d.principal.as_ref().map_or("", |p| p.label())),
            esc(&urls.join("; ")),
            esc(&key),
            d.mode.map_or("–".to_owned(), |m| m.to_string()),
            opt_time(d.issued),
            opt_time(d.valid_until),
            d.days_left.map_or("–".to_owned(), |n| n.to_string()),
            esc(l.signature(d.signature.id())),
            esc(&l.chain_end(d.chain_end())),
            sha
        ));
    }
    h.push_str("</table></body></html>");
    h
}
