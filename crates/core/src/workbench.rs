//! The workbench: every XrML document in many files, in words, linked across the files into
//! chains (issue 16).
//!
//! ```text
//! files ─► chain::inspect (per file: read, parse, signatures) ─► DocEntry (kind, parties,
//!        URLs, key, mode, times) ─► link (issuer key = principal key of a loaded document,
//!        by value; the verifier's ID and time rules) ─► chain end ─► Summary
//! ```
//!
//! Nothing here checks a signature itself: the status is the verifier's
//! ([`crate::chain::inspect`]), and a link holds only under the verifier's rules (keys equal
//! by value, [`crate::xrml::ObjectInfo::same_id`], [`crate::chain::issued_within`]). A
//! document's chain ends at the Microsoft root only when every signature and link on the way
//! holds and the last issuer key is the pinned key ([`crate::policy::TrustAnchor::is_microsoft`]).
//! "Now" and the anchors come from the [`Policy`]; the core reads no clock.

pub mod compare;
pub mod evidence;

use crate::chain::{inspect, issued_within, link_times_present, CertView, ENROLLMENT_CA};
use crate::finding::{Code, Finding};
use crate::key::RsaKey;
use crate::policy::{
    HashAlg, Policy, MAX_CHAIN_LENGTH, MAX_ISSUER_CANDIDATES, MAX_WORKBENCH_DOCUMENTS,
    MICROSOFT_DRM_PRODUCTION_ROOT,
};
use crate::text::sha256_hex;
use crate::time::UtcTime;
use crate::xml;
use crate::xrml::{Certificate, Party, Wrapper};
use std::collections::{BTreeMap, HashMap};

/// The expiry threshold used when none is given (days): the same as the SLC warning.
pub const DEFAULT_THRESHOLD_DAYS: i64 = crate::policy::EXPIRY_WARNING_DAYS;

/// One file handed to the workbench.
#[derive(Debug, Clone, Copy)]
pub struct InputFile<'a> {
    /// The file's name as the user chose it.
    pub name: &'a str,
    /// Its bytes, exactly as loaded (empty when refused).
    pub bytes: &'a [u8],
    /// Why it was not read at all (too large, unreadable), when it was refused before the
    /// workbench saw its bytes: listed with that finding, never silently left out.
    pub refused: Option<&'a Finding>,
    /// What [`inspect`] found in these bytes under the same policy, when the caller has it
    /// already (the CLI lists each file first): not worked out a second time. Every signature
    /// check of a large file would otherwise be done twice.
    pub inspected: Option<(&'a [CertView], Wrapper, &'a [Finding])>,
}

impl<'a> InputFile<'a> {
    /// A file that was read.
    pub fn read(name: &'a str, bytes: &'a [u8]) -> InputFile<'a> {
        InputFile {
            name,
            bytes,
            refused: None,
            inspected: None,
        }
    }
}

/// What a document is, in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocKind {
    /// A Server Licensor Certificate of a cluster (issued by an enrollment service).
    Slc,
    /// The enrollment service's certificate (an SLC-type document issued by the enrollment CA).
    EnrollmentService,
    /// A `DRM-CA-Certificate` (enrollment CA, production CA).
    CaCertificate,
    /// A rights account certificate valid for at most a day (AD RMS temporary RAC).
    RacTemporary,
    /// A rights account certificate valid for longer (AD RMS standard RAC).
    RacPermanent,
    /// A client licensor certificate.
    Clc,
    /// A machine certificate.
    MachineCertificate,
    /// A publishing licence (`Microsoft Rights Label`).
    PublishingLicence,
    /// A use licence (`Content-License`).
    UseLicence,
    /// Anything else.
    Other,
}

impl DocKind {
    /// Every kind, in display order.
    pub const ALL: [DocKind; 10] = [
        DocKind::Slc,
        DocKind::EnrollmentService,
        DocKind::CaCertificate,
        DocKind::RacTemporary,
        DocKind::RacPermanent,
        DocKind::Clc,
        DocKind::MachineCertificate,
        DocKind::PublishingLicence,
        DocKind::UseLicence,
        DocKind::Other,
    ];

    /// The stable kebab-case id (`data-kind` on the page, `kind` in the evidence report).
    pub fn id(self) -> &'static str {
        match self {
            DocKind::Slc => "slc",
            DocKind::EnrollmentService => "enrollment-service",
            DocKind::CaCertificate => "ca-certificate",
            DocKind::RacTemporary => "rac-temporary",
            DocKind::RacPermanent => "rac-permanent",
            DocKind::Clc => "clc",
            DocKind::MachineCertificate => "machine-certificate",
            DocKind::PublishingLicence => "publishing-licence",
            DocKind::UseLicence => "use-licence",
            DocKind::Other => "other",
        }
    }

    /// Looks a kind up by its id.
    pub fn from_id(id: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// True for the kinds that can be the issuer of another document: certificates, not
    /// licences (a publishing or use licence grants rights; it certifies no key).
    pub fn can_issue(self) -> bool {
        !matches!(self, DocKind::PublishingLicence | DocKind::UseLicence)
    }

    /// True for the kinds of an SLC chain (SLC, enrollment service, CA).
    pub fn is_chain(self) -> bool {
        matches!(
            self,
            DocKind::Slc | DocKind::EnrollmentService | DocKind::CaCertificate
        )
    }
}

/// Without a marker, a rights account certificate valid for at most this long is taken to be
/// temporary. Inferred, not specified: AD RMS issues temporary RACs for 15 minutes (at most
/// 9,999 minutes) and standard ones for 365 days by default (TechNet, KB 832950).
const TEMPORARY_RAC_SECONDS: i64 = 86_400;

/// The `SECURITYLEVEL` of a RAC's principal that MS-RMPR §2.2.9.5.4 places as `[[- RACtype -]]`;
/// every example seen (MS-RMPR §4.5.2, the AD RMS SDK's RAC example) writes `Persistent`. What
/// a temporary RAC writes there is in no public example, so only `Persistent` is read as a
/// marker; any other value is shown as written and the kind is inferred from the validity.
pub const RAC_TYPE_LEVEL: &str = "Group-Identity-Credential-Type";

/// How a rights account certificate's kind (temporary or permanent) was told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RacBasis {
    /// The principal's [`RAC_TYPE_LEVEL`] says `Persistent`: a permanent (standard) RAC.
    Marked {
        /// The value as written.
        value: String,
    },
    /// Inferred from its validity period: at most a day is temporary.
    Validity {
        /// Whole minutes from valid-from to valid-until.
        minutes: i64,
        /// The [`RAC_TYPE_LEVEL`] value, when one other than `Persistent` is written.
        marker: Option<String>,
    },
    /// No marker and no complete validity period: taken as permanent.
    Unknown {
        /// The [`RAC_TYPE_LEVEL`] value, when one other than `Persistent` is written.
        marker: Option<String>,
    },
}

impl RacBasis {
    /// `marker`, `validity`, `unknown` (`data-kind-basis` on the page, `kind_basis.by` in the
    /// evidence report).
    pub fn id(&self) -> &'static str {
        match self {
            RacBasis::Marked { .. } => "marker",
            RacBasis::Validity { .. } => "validity",
            RacBasis::Unknown { .. } => "unknown",
        }
    }
}

fn rac(c: &Certificate) -> (DocKind, RacBasis) {
    let marker = c
        .security_levels
        .iter()
        .find(|(n, _)| n == RAC_TYPE_LEVEL)
        .map(|(_, v)| v.clone());
    if let Some(value) = marker.clone().filter(|v| v == "Persistent") {
        return (DocKind::RacPermanent, RacBasis::Marked { value });
    }
    match span(c) {
        (Some(f), Some(u)) => {
            let seconds = u.unix() - f.unix();
            let kind = if seconds <= TEMPORARY_RAC_SECONDS {
                DocKind::RacTemporary
            } else {
                DocKind::RacPermanent
            };
            let minutes = seconds / 60;
            (kind, RacBasis::Validity { minutes, marker })
        }
        _ => (DocKind::RacPermanent, RacBasis::Unknown { marker }),
    }
}

fn classify(c: &Certificate) -> DocKind {
    let issuer = c.issuer.object.label();
    match c.descriptor.object_type.as_str() {
        "Server-Licensor-Certificate" if issuer == ENROLLMENT_CA => DocKind::EnrollmentService,
        "Server-Licensor-Certificate" => DocKind::Slc,
        "DRM-CA-Certificate" => DocKind::CaCertificate,
        "Group-Identity-Credential" => rac(c).0,
        "Client-Licensor-Certificate" => DocKind::Clc,
        "Machine-Certificate" => DocKind::MachineCertificate,
        "Content-License" => DocKind::UseLicence,
        _ if c.body_type == "Microsoft Rights Label" => DocKind::PublishingLicence,
        _ if c.purpose.as_deref() == Some("Content-License") => DocKind::UseLicence,
        _ => DocKind::Other,
    }
}

/// Valid from / until: the later start and the earlier end of the ISSUE range and
/// VALIDITYTIME, as the verifier reads an SLC's expiry.
fn span(c: &Certificate) -> (Option<UtcTime>, Option<UtcTime>) {
    let (rf, ru) = c.issue_range.unwrap_or((None, None));
    let (vf, vu) = c.validity.unwrap_or((None, None));
    let from = [rf, vf].into_iter().flatten().max();
    let until = [ru, vu].into_iter().flatten().min();
    (from, until)
}

/// A party (issuer or principal) in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyView {
    /// `NAME`.
    pub name: Option<String>,
    /// `ID`.
    pub id: String,
    /// `ID/@type`.
    pub id_type: String,
    /// `OBJECT/@type`.
    pub object_type: String,
    /// The e-mail address, when the name or address is one.
    pub email: Option<String>,
    /// `ADDRESS type="URL"`, when it is not an e-mail address.
    pub url: Option<String>,
    /// Key size in bits.
    pub key_bits: Option<usize>,
    /// SHA-256 of the big-endian modulus.
    pub key_fingerprint: Option<String>,
}

impl PartyView {
    fn of(p: &Party) -> PartyView {
        let o = &p.object;
        let mail = |s: &str| {
            let s = s.strip_prefix("mailto:").unwrap_or(s);
            (s.contains('@') && !s.contains(['/', ' ', ':'])).then(|| s.to_owned())
        };
        let from_url = o.url.as_deref().and_then(mail);
        PartyView {
            name: o.name.clone(),
            id: o.id.clone(),
            id_type: o.id_type.clone(),
            object_type: o.object_type.clone(),
            email: o.name.as_deref().and_then(mail).or(from_url.clone()),
            url: o.url.clone().filter(|_| from_url.is_none()),
            key_bits: p.key_bits,
            key_fingerprint: p.key_fingerprint.clone(),
        }
    }

    /// The best label: the name, else the e-mail address, else the ID.
    pub fn label(&self) -> &str {
        self.name
            .as_deref()
            .filter(|n| !n.is_empty())
            .or(self.email.as_deref())
            .unwrap_or(&self.id)
    }
}

/// Which licensing URL a document carries (`BODY/DISTRIBUTIONPOINT/OBJECT/@type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UrlKind {
    /// `License-Acquisition-URL`: the cluster's intranet licensing address.
    Intranet,
    /// `Extranet-License-Acquisition-URL`.
    Extranet,
    /// `Referral-Info`: where a user without rights is referred (often an e-mail address).
    Referral,
}

impl UrlKind {
    /// The stable id (`intranet`, `extranet`, `referral`).
    pub fn id(self) -> &'static str {
        match self {
            UrlKind::Intranet => "intranet",
            UrlKind::Extranet => "extranet",
            UrlKind::Referral => "referral",
        }
    }
    fn from_type(t: &str) -> Option<UrlKind> {
        match t {
            "License-Acquisition-URL" => Some(UrlKind::Intranet),
            "Extranet-License-Acquisition-URL" => Some(UrlKind::Extranet),
            "Referral-Info" => Some(UrlKind::Referral),
            _ => None,
        }
    }
}

/// A licensing URL as written in a document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LicensingUrl {
    /// Which one.
    pub kind: UrlKind,
    /// The `ADDRESS` text, exactly as written.
    pub url: String,
}

/// The `BODY/DISTRIBUTIONPOINT` objects (where the real CLCs, publishing and use licences
/// carry them). The BODY text is parsed once more; it is one bounded element.
fn licensing_urls(c: &Certificate) -> Vec<LicensingUrl> {
    let Ok(doc) = xml::parse(c.body_text()) else {
        return vec![];
    };
    doc.root
        .children_named("DISTRIBUTIONPOINT")
        .filter_map(|dp| dp.child("OBJECT"))
        .filter_map(|o| {
            let kind = UrlKind::from_type(o.attr("type")?)?;
            let url = o.child("ADDRESS")?.trimmed().to_owned();
            (!url.is_empty()).then_some(LicensingUrl { kind, url })
        })
        .collect()
}

/// The signature status, as the verifier found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SignatureState {
    /// Digest and RSA signature hold with the document's issuer key.
    Verified,
    /// A signature is there and does not hold (or could not be checked: an unaccepted
    /// algorithm, two candidate signatures).
    Failed,
    /// No usable signature block.
    Unsigned,
}

impl SignatureState {
    /// `verified`, `failed`, `unsigned` (`data-signature` on the page).
    pub fn id(self) -> &'static str {
        match self {
            SignatureState::Verified => "verified",
            SignatureState::Failed => "failed",
            SignatureState::Unsigned => "unsigned",
        }
    }
}

/// Why a chain is broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BrokenReason {
    /// The document's own signature failed or is missing.
    Signature,
    /// The document's issuer key cannot be read.
    NoIssuerKey,
    /// A loaded document holds the issuer key, but its principal ID is not the issuer ID
    /// (the verifier's `chain-link-mismatch`).
    LinkMismatch,
    /// Issued outside the issuing document's ISSUE range (`issued-outside-issuer-range`).
    IssuedOutsideIssuerRange,
    /// The document has no ISSUEDTIME, or its issuer no ISSUE range with FROM and UNTIL, so
    /// the range rule cannot be checked (`chain-time-missing`).
    TimeMissing,
    /// Names the Microsoft root (or a trusted anchor) as issuer with another key
    /// (`chain-untrusted-root`).
    UntrustedRoot,
    /// The issuers lead round in a circle.
    Loop,
    /// Longer than [`MAX_CHAIN_LENGTH`].
    TooLong,
}

impl BrokenReason {
    /// The stable id.
    pub fn id(self) -> &'static str {
        match self {
            BrokenReason::Signature => "signature",
            BrokenReason::NoIssuerKey => "no-issuer-key",
            BrokenReason::LinkMismatch => "link-mismatch",
            BrokenReason::IssuedOutsideIssuerRange => "issued-outside-issuer-range",
            BrokenReason::TimeMissing => "time-missing",
            BrokenReason::UntrustedRoot => "untrusted-root",
            BrokenReason::Loop => "loop",
            BrokenReason::TooLong => "too-long",
        }
    }
}

/// Where a document's chain ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainEnd {
    /// Every signature and link up to the pinned Microsoft DRM Production Root holds.
    MicrosoftRoot,
    /// The same, up to a trust anchor loaded from a file that is not Microsoft's (a test
    /// laboratory's; only with such a policy).
    TestAnchor {
        /// The anchor's name.
        name: String,
    },
    /// Every signature and link holds up to `document`, whose issuer is not loaded.
    IssuerNotLoaded {
        /// The issuer's name (or ID) as `document` writes it.
        issuer: String,
        /// The loaded document (global index) whose issuer is missing.
        document: usize,
    },
    /// A signature or link fails at `document`.
    Broken {
        /// The document (global index) where it fails.
        document: usize,
        /// Why.
        reason: BrokenReason,
    },
}

impl ChainEnd {
    /// `microsoft-root`, `test-anchor`, `issuer-not-loaded`, `broken` (`data-chain`).
    pub fn id(&self) -> &'static str {
        match self {
            ChainEnd::MicrosoftRoot => "microsoft-root",
            ChainEnd::TestAnchor { .. } => "test-anchor",
            ChainEnd::IssuerNotLoaded { .. } => "issuer-not-loaded",
            ChainEnd::Broken { .. } => "broken",
        }
    }
    fn rank(&self) -> u8 {
        match self {
            ChainEnd::MicrosoftRoot | ChainEnd::TestAnchor { .. } => 3,
            ChainEnd::IssuerNotLoaded { .. } => 2,
            ChainEnd::Broken { .. } => 1,
        }
    }
}

/// One loaded file.
#[derive(Debug, Clone)]
pub struct FileEntry {
    /// The name.
    pub name: String,
    /// Size in bytes.
    pub size: usize,
    /// SHA-256 of the bytes as loaded.
    pub sha256: String,
    /// How its documents were wrapped.
    pub wrapper: Wrapper,
    /// Global indices of its documents.
    pub documents: Vec<usize>,
    /// What reading it found (subjects are documents of this file, 0-based).
    pub findings: Vec<Finding>,
    /// True when the workbench's document budget was spent before this file was read.
    pub not_read: bool,
    /// True when it was refused before reading ([`InputFile::refused`]; the reason is its
    /// finding, and `size` and `sha256` say nothing).
    pub refused: bool,
}

impl FileEntry {
    /// What a user must see about this file: its warnings and errors (the refusal, no XrML,
    /// a malformed document, a failed signature …), in the order found.
    pub fn problems(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity != crate::finding::Severity::Info)
    }
}

/// The text encoding a document was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (or ASCII), also inside binary data.
    Utf8,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
}

impl Encoding {
    /// `utf-8`, `utf-16le`, `utf-16be`.
    pub fn id(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
        }
    }
    /// The file's encoding, by the reader's rule ([`crate::xrml::read_documents`]).
    fn of(bytes: &[u8]) -> Encoding {
        match bytes {
            [0xFF, 0xFE, ..] | [b'<', 0, ..] => Encoding::Utf16Le,
            [0xFE, 0xFF, ..] | [0, b'<', ..] => Encoding::Utf16Be,
            _ => Encoding::Utf8,
        }
    }
}

/// Where and how a document's bytes stand in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AsFound {
    /// Byte offset of its first byte in the file.
    pub offset: usize,
    /// Its length in bytes.
    pub length: usize,
    /// The encoding of those bytes.
    pub encoding: Encoding,
    /// Written as escaped text inside an element (`&lt;XrML` …, the offline enrollment
    /// response), not as XML.
    pub escaped: bool,
}

/// One document, in words.
#[derive(Debug, Clone)]
pub struct DocEntry {
    /// Global index (the `data-doc` value).
    pub id: usize,
    /// Index into [`Workbench::files`].
    pub file: usize,
    /// Position in its file (0-based).
    pub index_in_file: usize,
    /// Byte offset in its file.
    pub offset: usize,
    /// Its wrapper slot, for escaped responses.
    pub slot: Option<String>,
    /// What it is.
    pub kind: DocKind,
    /// `DESCRIPTOR/OBJECT/@type` (or the body type / purpose) as written.
    pub type_as_written: String,
    /// The issuer.
    pub issuer: PartyView,
    /// The first principal.
    pub principal: Option<PartyView>,
    /// For a rights account certificate: how its kind was told.
    pub rac_basis: Option<RacBasis>,
    /// `BODY/DISTRIBUTIONPOINT` licensing URLs.
    pub urls: Vec<LicensingUrl>,
    /// The digest algorithm, when accepted.
    pub hash: Option<HashAlg>,
    /// Cryptographic mode (MS-RMPR §3.1.4.7): 1 = SHA-1 with RSA-1024, 2 = SHA-256 with
    /// RSA-2048 (the key the document certifies, else its issuer's); `None` otherwise.
    pub mode: Option<u8>,
    /// `ISSUEDTIME`.
    pub issued: Option<UtcTime>,
    /// Valid from (later of the ISSUE range and VALIDITYTIME starts).
    pub valid_from: Option<UtcTime>,
    /// Valid until (earlier of their ends).
    pub valid_until: Option<UtcTime>,
    /// Whole days from the policy's "now" to `valid_until`.
    pub days_left: Option<i64>,
    /// `days_left` is under the threshold (expired documents included).
    pub below_threshold: bool,
    /// The signature status.
    pub signature: SignatureState,
    /// Loaded documents (global indices) whose principal key is this document's issuer key.
    pub issuer_documents: Vec<usize>,
    /// The SLC key fingerprint of the cluster the document belongs to, when its links reach a
    /// loaded SLC (or it is one).
    pub cluster: Option<String>,
    /// What reading and checking it found.
    pub findings: Vec<Finding>,
    chain_end: ChainEnd,
    parent: Option<usize>,
    source: String,
    original: Vec<u8>,
    as_found: Option<AsFound>,
}

impl DocEntry {
    /// Where its chain ends; set only by the linker in [`build`].
    pub fn chain_end(&self) -> &ChainEnd {
        &self.chain_end
    }
    /// The loaded document its chain continues with (the issuer whose link holds).
    pub fn linked_issuer(&self) -> Option<usize> {
        self.parent
    }
    /// The document byte for byte as found in its file ([`DocEntry::as_found`] says where and
    /// in which form): what "Save" writes and what the evidence report's `sha256` hashes.
    /// UTF-16 stays UTF-16; an escaped document is its escaped text. Empty only when the
    /// reader could not place it ([`DocEntry::as_found`] is `None`).
    pub fn original(&self) -> &[u8] {
        &self.original
    }
    /// Where its bytes stand in the file and in which form; `None` when they cannot be placed.
    pub fn as_found(&self) -> Option<&AsFound> {
        self.as_found.as_ref()
    }
    /// The decoded document: its `<XrML>` … `</XrML>` text as UTF-8 (unescaped when it was
    /// escaped). Not the original bytes unless [`DocEntry::is_exact`]; what signatures are
    /// checked on.
    pub fn decoded(&self) -> &[u8] {
        self.source.as_bytes()
    }
    /// True when the original bytes are the decoded UTF-8 text (a UTF-8 document, not
    /// escaped): one file serves both.
    pub fn is_exact(&self) -> bool {
        self.as_found.is_some() && self.original == self.source.as_bytes()
    }
    /// A file name for saving the original: `<file stem>-<n>-<kind>.xml`, or
    /// `….escaped.txt` for escaped text (it is not XML as it stands).
    pub fn save_name(&self, file_name: &str) -> String {
        let escaped = self.as_found.as_ref().is_some_and(|a| a.escaped);
        self.name(file_name, if escaped { "escaped.txt" } else { "xml" })
    }
    /// A file name for saving the decoded copy: `<file stem>-<n>-<kind>.decoded.xml`.
    pub fn decoded_name(&self, file_name: &str) -> String {
        self.name(file_name, "decoded.xml")
    }
    fn name(&self, file_name: &str, ext: &str) -> String {
        let stem = file_name
            .rsplit_once('.')
            .map_or(file_name, |(s, _)| s)
            .replace(['/', '\\'], "_");
        format!("{stem}-{}-{}.{ext}", self.index_in_file + 1, self.kind.id())
    }
}

/// A cluster found in the set: an SLC key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    /// The SLC principal key's fingerprint.
    pub key_fingerprint: String,
    /// The SLC principal's name.
    pub name: Option<String>,
    /// Modes of its SLC documents (1, 2).
    pub modes: Vec<u8>,
    /// Its SLC documents.
    pub slc_documents: Vec<usize>,
    /// How many documents belong to it.
    pub documents: usize,
}

/// A distinct licensing URL across the set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlUse {
    /// Which one.
    pub kind: UrlKind,
    /// As written.
    pub url: String,
    /// The documents carrying it.
    pub documents: Vec<usize>,
}

/// What a migration or an audit needs first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Clusters by SLC key, in order of first appearance.
    pub clusters: Vec<Cluster>,
    /// Distinct licensing URLs, sorted by kind and URL.
    pub urls: Vec<UrlUse>,
    /// The document that expires first among those not yet expired.
    pub expires_first: Option<usize>,
    /// Documents already expired.
    pub expired: Vec<usize>,
    /// Documents with fewer days left than the threshold (expired ones included), soonest
    /// first.
    pub below_threshold: Vec<usize>,
    /// Documents per kind (kinds present only).
    pub by_kind: Vec<(DocKind, usize)>,
    /// Documents per chain end id.
    pub by_chain_end: Vec<(&'static str, usize)>,
}

/// The workbench over a set of files.
#[derive(Debug, Clone)]
pub struct Workbench {
    /// The time checked against (the policy's).
    pub checked_at: UtcTime,
    /// The expiry threshold in days.
    pub threshold_days: i64,
    /// The files, in the order given.
    pub files: Vec<FileEntry>,
    /// Every document, file by file.
    pub documents: Vec<DocEntry>,
    /// The summary.
    pub summary: Summary,
}

fn mode_of(hash: Option<HashAlg>, bits: Option<usize>) -> Option<u8> {
    match (hash?, bits?) {
        (HashAlg::Sha1, 1024) => Some(1),
        (HashAlg::Sha256, 2048) => Some(2),
        _ => None,
    }
}

fn entry(view: &CertView, id: usize, file: usize, bytes: &[u8], policy: &Policy) -> DocEntry {
    let c = &view.cert;
    let signature = match &view.signature {
        Some(s) if s.is_valid() => SignatureState::Verified,
        Some(_) => SignatureState::Failed,
        None if c
            .findings
            .iter()
            .any(|f| f.code == Code::XrmlDuplicateElement) =>
        {
            SignatureState::Failed
        }
        None => SignatureState::Unsigned,
    };
    let hash = view.signature.as_ref().and_then(|s| s.hash);
    let certified_bits = c
        .principal
        .as_ref()
        .and_then(|p| p.key_bits)
        .or(c.issuer.key_bits);
    let (valid_from, valid_until) = span(c);
    let days_left = valid_until.map(|u| policy.now.days_until(u));
    let (original, as_found) = original(c, bytes);
    DocEntry {
        id,
        file,
        index_in_file: c.index,
        offset: c.offset,
        slot: c.slot.clone(),
        kind: classify(c),
        type_as_written: c.kind().to_owned(),
        issuer: PartyView::of(&c.issuer),
        principal: c.principal.as_ref().map(PartyView::of),
        rac_basis: (c.descriptor.object_type == "Group-Identity-Credential").then(|| rac(c).1),
        urls: licensing_urls(c),
        hash,
        mode: mode_of(hash, certified_bits),
        issued: c.issued,
        valid_from,
        valid_until,
        days_left,
        below_threshold: false,
        signature,
        issuer_documents: vec![],
        cluster: None,
        findings: c.findings.clone(),
        chain_end: ChainEnd::Broken {
            document: id,
            reason: BrokenReason::Signature,
        },
        parent: None,
        source: c.source.clone(),
        original,
        as_found,
    }
}

/// The document's bytes in `file` as found, checked against the decoded text: a literal
/// document must decode to exactly that text (so a wrong range can never be saved as the
/// original); an escaped one must at least start with an escaped `<` and end with `>`.
fn original(c: &Certificate, file: &[u8]) -> (Vec<u8>, Option<AsFound>) {
    let Some(raw) = file.get(c.raw.clone()).filter(|r| !r.is_empty()) else {
        return (vec![], None);
    };
    let encoding = Encoding::of(file);
    let escaped = c.slot.is_some();
    let text: Option<String> = match encoding {
        Encoding::Utf8 => std::str::from_utf8(raw).ok().map(str::to_owned),
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let units: Vec<u16> = raw
                .chunks_exact(2)
                .map(|p| match (encoding, p) {
                    (Encoding::Utf16Be, [a, b]) => u16::from_be_bytes([*a, *b]),
                    (_, [a, b]) => u16::from_le_bytes([*a, *b]),
                    _ => 0,
                })
                .collect();
            String::from_utf16(&units).ok()
        }
    };
    let fits = text.is_some_and(|t| {
        if escaped {
            t.starts_with(['&', '<']) && t.ends_with([';', '>'])
        } else {
            t == c.source
        }
    });
    if !fits {
        return (vec![], None);
    }
    let a = AsFound {
        offset: c.raw.start,
        length: raw.len(),
        encoding,
        escaped,
    };
    (raw.to_vec(), Some(a))
}

type KeyId<'a> = (&'a [u8], u64);

fn key_id(k: &RsaKey) -> KeyId<'_> {
    (&k.modulus, k.exponent)
}

/// Reads every file, links the documents across them and summarises. Linear in the total
/// input: each file is read once ([`inspect`]), at most [`MAX_WORKBENCH_DOCUMENTS`] documents
/// are kept, principal keys are indexed once, and each document tries at most
/// [`MAX_ISSUER_CANDIDATES`] issuers, each resolved once (memoised).
pub fn build(files: &[InputFile<'_>], policy: &Policy, threshold_days: i64) -> Workbench {
    let mut out = Workbench {
        checked_at: policy.now,
        threshold_days,
        files: vec![],
        documents: vec![],
        summary: Summary {
            clusters: vec![],
            urls: vec![],
            expires_first: None,
            expired: vec![],
            below_threshold: vec![],
            by_kind: vec![],
            by_chain_end: vec![],
        },
    };
    let mut certs: Vec<Certificate> = vec![];
    for (fi, f) in files.iter().enumerate() {
        let mut fe = FileEntry {
            name: f.name.to_owned(),
            size: f.bytes.len(),
            sha256: sha256_hex(f.bytes),
            wrapper: Wrapper::Bare,
            documents: vec![],
            findings: vec![],
            not_read: false,
            refused: false,
        };
        if let Some(why) = f.refused {
            fe.refused = true;
            fe.sha256 = String::new();
            fe.findings.push(why.clone());
            out.files.push(fe);
            continue;
        }
        if out.documents.len() >= MAX_WORKBENCH_DOCUMENTS {
            fe.not_read = true;
            out.files.push(fe);
            continue;
        }
        let (views, wrapper, findings) = match f.inspected {
            Some((views, wrapper, findings)) => (views.to_vec(), wrapper, findings.to_vec()),
            None => inspect(f.bytes, policy),
        };
        fe.wrapper = wrapper;
        fe.findings = findings;
        let room = MAX_WORKBENCH_DOCUMENTS - out.documents.len();
        fe.not_read = views.len() > room;
        for v in views.into_iter().take(room) {
            let id = out.documents.len();
            out.documents.push(entry(&v, id, fi, f.bytes, policy));
            fe.documents.push(id);
            certs.push(v.cert);
        }
        out.files.push(fe);
    }
    link(&mut out.documents, &certs, policy);
    for d in &mut out.documents {
        d.below_threshold = d.days_left.is_some_and(|n| n < threshold_days);
    }
    out.summary = summarise(&out.documents);
    out
}

#[derive(Clone)]
enum Memo {
    Unvisited,
    Visiting,
    Done(ChainEnd),
}

struct Linker<'a> {
    certs: &'a [Certificate],
    docs: &'a [DocEntry],
    by_principal: HashMap<KeyId<'a>, Vec<usize>>,
    policy: &'a Policy,
    memo: Vec<Memo>,
    parent: Vec<Option<usize>>,
}

impl Linker<'_> {
    fn candidates(&self, i: usize) -> Vec<usize> {
        let Some(k) = self.certs.get(i).and_then(|c| c.issuer.key.as_ref()) else {
            return vec![];
        };
        self.by_principal
            .get(&key_id(k))
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|&p| p != i && self.docs.get(p).is_some_and(|d| d.kind.can_issue()))
                    .take(MAX_ISSUER_CANDIDATES)
                    .collect()
            })
            .unwrap_or_default()
    }

    fn resolve(&mut self, i: usize, depth: usize) -> ChainEnd {
        match self.memo.get(i) {
            Some(Memo::Done(e)) => return e.clone(),
            Some(Memo::Visiting) => {
                return ChainEnd::Broken {
                    document: i,
                    reason: BrokenReason::Loop,
                }
            }
            _ => {}
        }
        if let Some(m) = self.memo.get_mut(i) {
            *m = Memo::Visiting;
        }
        let end = self.end_of(i, depth);
        if let Some(m) = self.memo.get_mut(i) {
            *m = Memo::Done(end.clone());
        }
        end
    }

    fn end_of(&mut self, i: usize, depth: usize) -> ChainEnd {
        let broken = |reason| ChainEnd::Broken {
            document: i,
            reason,
        };
        let (Some(c), Some(d)) = (self.certs.get(i), self.docs.get(i)) else {
            return broken(BrokenReason::NoIssuerKey);
        };
        if d.signature != SignatureState::Verified {
            return broken(BrokenReason::Signature);
        }
        let Some(ik) = c.issuer.key.as_ref() else {
            return broken(BrokenReason::NoIssuerKey);
        };
        if let Some(a) = self.policy.anchors.iter().find(|a| &a.key == ik) {
            return if a.is_microsoft() {
                ChainEnd::MicrosoftRoot
            } else {
                ChainEnd::TestAnchor {
                    name: a.name.clone(),
                }
            };
        }
        let cands = self.candidates(i);
        let issuer = c.issuer.object.label().to_owned();
        if cands.is_empty() {
            let impersonates = issuer == MICROSOFT_DRM_PRODUCTION_ROOT
                || self.policy.anchors.iter().any(|a| a.name == issuer);
            return if impersonates {
                broken(BrokenReason::UntrustedRoot)
            } else {
                ChainEnd::IssuerNotLoaded {
                    issuer,
                    document: i,
                }
            };
        }
        if depth >= MAX_CHAIN_LENGTH {
            return broken(BrokenReason::TooLong);
        }
        let mut best: Option<(usize, ChainEnd)> = None;
        let mut first_failure = None;
        for p in cands {
            let Some(pc) = self.certs.get(p) else {
                continue;
            };
            let id_ok = pc
                .principal
                .as_ref()
                .is_some_and(|pp| pp.object.same_id(&c.issuer.object));
            let failure = if !id_ok {
                Some(BrokenReason::LinkMismatch)
            } else if !link_times_present(c, pc) {
                Some(BrokenReason::TimeMissing)
            } else if !issued_within(c, pc) {
                Some(BrokenReason::IssuedOutsideIssuerRange)
            } else {
                None
            };
            if let Some(r) = failure {
                first_failure.get_or_insert(r);
                continue;
            }
            let e = self.resolve(p, depth + 1);
            if best.as_ref().is_none_or(|(_, b)| e.rank() > b.rank()) {
                best = Some((p, e));
            }
        }
        match best {
            Some((p, e)) => {
                if let Some(slot) = self.parent.get_mut(i) {
                    *slot = Some(p);
                }
                e
            }
            None => broken(first_failure.unwrap_or(BrokenReason::LinkMismatch)),
        }
    }
}

fn link(docs: &mut [DocEntry], certs: &[Certificate], policy: &Policy) {
    let mut by_principal: HashMap<KeyId<'_>, Vec<usize>> = HashMap::new();
    for (i, c) in certs.iter().enumerate() {
        if let Some(k) = c.principal.as_ref().and_then(|p| p.key.as_ref()) {
            by_principal.entry(key_id(k)).or_default().push(i);
        }
    }
    let n = docs.len();
    let (ends, parents, cands) = {
        let mut l = Linker {
            certs,
            docs,
            by_principal,
            policy,
            memo: vec![Memo::Unvisited; n],
            parent: vec![None; n],
        };
        let ends: Vec<ChainEnd> = (0..n).map(|i| l.resolve(i, 0)).collect();
        let cands: Vec<Vec<usize>> = (0..n).map(|i| l.candidates(i)).collect();
        (ends, l.parent, cands)
    };
    for ((d, e), (p, c)) in docs
        .iter_mut()
        .zip(ends)
        .zip(parents.into_iter().zip(cands))
    {
        d.chain_end = e;
        d.parent = p;
        d.issuer_documents = c;
    }
    // Clusters: an SLC is its own; anything else takes its linked issuer's (parents come
    // first in no particular order, so follow each chain, at most MAX_CHAIN_LENGTH up).
    let clusters: Vec<Option<String>> = (0..n)
        .map(|i| {
            let mut cur = Some(i);
            for _ in 0..=MAX_CHAIN_LENGTH {
                let d = cur.and_then(|j| docs.get(j))?;
                if d.kind == DocKind::Slc {
                    return d.principal.as_ref().and_then(|p| p.key_fingerprint.clone());
                }
                cur = d.parent;
            }
            None
        })
        .collect();
    for (d, c) in docs.iter_mut().zip(clusters) {
        d.cluster = c;
    }
}

fn summarise(docs: &[DocEntry]) -> Summary {
    let mut clusters: Vec<Cluster> = vec![];
    for d in docs {
        let Some(fp) = &d.cluster else { continue };
        let pos = match clusters.iter().position(|c| &c.key_fingerprint == fp) {
            Some(p) => p,
            None => {
                clusters.push(Cluster {
                    key_fingerprint: fp.clone(),
                    name: None,
                    modes: vec![],
                    slc_documents: vec![],
                    documents: 0,
                });
                clusters.len() - 1
            }
        };
        if let Some(c) = clusters.get_mut(pos) {
            c.documents += 1;
            if d.kind == DocKind::Slc {
                c.slc_documents.push(d.id);
                if c.name.is_none() {
                    c.name = d.principal.as_ref().and_then(|p| p.name.clone());
                }
                if let Some(m) = d.mode.filter(|m| !c.modes.contains(m)) {
                    c.modes.push(m);
                    c.modes.sort_unstable();
                }
            }
        }
    }
    let mut urls: BTreeMap<(UrlKind, String), Vec<usize>> = BTreeMap::new();
    for d in docs {
        for u in &d.urls {
            let v = urls.entry((u.kind, u.url.clone())).or_default();
            if v.last() != Some(&d.id) {
                v.push(d.id);
            }
        }
    }
    let expired: Vec<usize> = docs
        .iter()
        .filter(|d| d.days_left.is_some_and(|n| n < 0))
        .map(|d| d.id)
        .collect();
    let expires_first = docs
        .iter()
        .filter(|d| d.days_left.is_some_and(|n| n >= 0))
        .min_by_key(|d| (d.valid_until, d.id))
        .map(|d| d.id);
    let mut below: Vec<&DocEntry> = docs.iter().filter(|d| d.below_threshold).collect();
    below.sort_by_key(|d| (d.valid_until, d.id));
    let mut by_kind: BTreeMap<DocKind, usize> = BTreeMap::new();
    let mut by_end: BTreeMap<&'static str, usize> = BTreeMap::new();
    for d in docs {
        *by_kind.entry(d.kind).or_default() += 1;
        *by_end.entry(d.chain_end.id()).or_default() += 1;
    }
    Summary {
        clusters,
        urls: urls
            .into_iter()
            .map(|((kind, url), documents)| UrlUse {
                kind,
                url,
                documents,
            })
            .collect(),
        expires_first,
        expired,
        below_threshold: below.into_iter().map(|d| d.id).collect(),
        by_kind: by_kind.into_iter().collect(),
        by_chain_end: by_end.into_iter().collect(),
    }
}

impl Workbench {
    /// The document with global index `id`.
    pub fn document(&self, id: usize) -> Option<&DocEntry> {
        self.documents.get(id)
    }
    /// The file a document came from.
    pub fn file_of(&self, d: &DocEntry) -> Option<&FileEntry> {
        self.files.get(d.file)
    }
}
