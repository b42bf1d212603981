//! Step 4: verifying a downloaded SLC chain (MS-RMPR §2.2.9.3) and pairing it with the
//! request it answers.
//!
//! The verifier is a sequence of small stages, each with typed results (after
//! rustls-webpki's `verify_cert.rs`):
//!
//! ```text
//! read → parse → signatures → choose the leaf → build the path → links → shape → keys
//!      → extra documents → times → pairing → decision
//! ```
//!
//! The only way to "genuine" is a [`VerifiedChain`], and the only way to "answers the
//! request" is an [`AnsweredRequest`] holding one; both have private fields and are built
//! only by [`decide`] here. [`ChainReport::verdict`] derives the verdict from them every time
//! it is asked; no surface decides validity itself.

use crate::finding::{Code, Finding, Severity, Subject, What};
use crate::key::RsaKey;
use crate::policy::{
    Policy, TrustAnchor, EXPIRY_WARNING_DAYS, MAX_CHAIN_LENGTH, MICROSOFT_DRM_PRODUCTION_ROOT,
};
use crate::request::RequestReport;
use crate::text::sha256_hex;
use crate::time::UtcTime;
use crate::xrml;
use crate::xrml::{
    check_signature, parse_certificate, read_documents, signature_notes, Certificate,
    SignatureStatus, TimeElement, Wrapper,
};
use serde::Serialize;

/// What the chain checks find, with typed context: one variant per problem. The words are made
/// in [`crate::words`]. Document numbers are 1-based, as every surface shows them (the
/// finding's [`Subject::Document`] keeps the 0-based index).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Found {
    /// `chain-no-slc`: no Server Licensor Certificate issued by an enrollment service.
    NoSlc {
        /// How many XrML documents the file has.
        documents: usize,
        /// The kinds of the first documents (at most [`KINDS_SHOWN`]), e.g.
        /// `DRM-CA-Certificate`.
        kinds: Vec<String>,
    },
    /// `chain-ambiguous-leaf`: more than one SLC issued by an enrollment service.
    AmbiguousLeaf {
        /// The candidates' document indexes (0-based).
        documents: Vec<usize>,
    },
    /// `chain-reordered`: the path was not in file order.
    Reordered {
        /// The path's document indexes (0-based), leaf first.
        order: Vec<usize>,
    },
    /// `chain-too-long`: the path is longer than the budget.
    TooLong {
        /// The budget ([`MAX_CHAIN_LENGTH`]).
        limit: usize,
    },
    /// `chain-link-mismatch`: the certificate names an issuer that another certificate of the
    /// file is issued to, but with another key.
    IssuerKeyMismatch {
        /// The certificate's document index (0-based, as `Subject::Document`).
        document: usize,
        /// The issuer it names (name, else ID).
        issuer: String,
        /// The document number of the certificate issued to that issuer.
        holder: usize,
    },
    /// `chain-untrusted-root`: the certificate names a root as issuer, but the key is not a
    /// trusted root's.
    UntrustedRoot {
        /// The certificate's document index (0-based, as `Subject::Document`).
        document: usize,
        /// The root it names.
        issuer: String,
    },
    /// `chain-incomplete`: no certificate in the file holds the issuer's key.
    IssuerMissing {
        /// The issuer whose certificate is missing (name, else ID).
        issuer: String,
    },
    /// `chain-link-mismatch`: the ISSUER ID is not the ID of the certificate holding the key.
    LinkIdMismatch {
        /// The certificate's document index (0-based, as `Subject::Document`).
        document: usize,
        /// The issuer ID it names.
        issuer_id: String,
        /// The principal ID of the certificate holding the issuer key.
        holder_id: String,
    },
    /// `chain-link-mismatch`: the ISSUER NAME is not the name of the certificate holding the
    /// key.
    LinkNameMismatch {
        /// The certificate's document index (0-based, as `Subject::Document`).
        document: usize,
        /// The issuer name it gives.
        issuer_name: String,
        /// The principal name of the certificate holding the issuer key.
        holder_name: String,
    },
    /// `chain-shape-invalid` (strict) or `chain-unexpected-shape`: a certificate's type or
    /// issuer is not what an SLC chain has at its place.
    ShapePosition {
        /// True under the production policy (an error), false under a test anchor (a warning).
        strict: bool,
        /// The certificate's document index (0-based, as `Subject::Document`).
        document: usize,
        /// Its place in the chain, 1-based (1 = the SLC).
        position: usize,
        /// Its DESCRIPTOR type.
        found_type: String,
        /// Its issuer (name, else ID).
        found_issuer: String,
        /// The type an SLC chain has at that place.
        expected_type: String,
        /// The issuers an SLC chain has at that place.
        expected_issuers: Vec<String>,
    },
    /// `chain-shape-invalid` (strict) or `chain-unexpected-shape`: the path from the SLC to
    /// the anchor has another length than an SLC chain.
    ShapeLength {
        /// True under the production policy (an error), false under a test anchor (a warning).
        strict: bool,
        /// Certificates from the SLC to the anchor.
        length: usize,
        /// Certificates an SLC chain has.
        expected: usize,
    },
    /// `chain-key-size`: a key in the chain is not RSA-1024 or RSA-2048.
    KeySize {
        /// The certificate's document index (0-based, as `Subject::Document`).
        document: usize,
        /// Its kind (e.g. `Server-Licensor-Certificate`).
        kind: String,
        /// The size of the key it certifies.
        bits: usize,
    },
    /// `chain-extra-certificate`: chain certificates that are not on the path.
    ExtraCertificates {
        /// Their document indexes (0-based).
        documents: Vec<usize>,
    },
    /// `response-slot-mismatch`: in an offline enrollment response, a holder element that is
    /// not one of the four MS-RMPR names, or whose document is not the chain certificate that
    /// name stands for (an importer reads the certificates by these names).
    SlotMismatch {
        /// The document's index (0-based).
        document: usize,
        /// The holder element's name (`SLC`, `EnrollmentServiceCert`, …, or another).
        slot: String,
        /// The position on the path that name stands for (1 = the SLC), `None` for an
        /// unknown name.
        expected_position: Option<usize>,
        /// The position the document has on the path (1 = the SLC), `None` when it is not
        /// on the path.
        position: Option<usize>,
    },
    /// `issued-outside-issuer-range`: ISSUEDTIME outside the issuer's ISSUE range.
    IssuedOutsideRange {
        /// The certificate's document index (0-based, as `Subject::Document`).
        document: usize,
        /// Its ISSUEDTIME.
        issued: UtcTime,
        /// The issuer's ISSUE range start, when given.
        from: Option<UtcTime>,
        /// The issuer's ISSUE range end, when given.
        until: Option<UtcTime>,
    },
    /// `chain-time-missing`: a certificate on the path lacks a time the link rule reads: its
    /// own ISSUEDTIME, or (as the issuer of the certificate before it) its ISSUE right's
    /// RANGETIME FROM or UNTIL.
    TimeMissing {
        /// The document that lacks them (0-based, as `Subject::Document`).
        document: usize,
        /// What is missing (a missing RANGETIME is its FROM and its UNTIL).
        missing: Vec<TimeElement>,
    },
    /// `slc-expired`.
    SlcExpired {
        /// The SLC's expiry.
        expired: UtcTime,
        /// Whole days since then.
        days_ago: i64,
    },
    /// `slc-expiring-soon`.
    SlcExpiringSoon {
        /// The SLC's expiry.
        expires: UtcTime,
        /// Whole days until then.
        days_remaining: i64,
        /// The warning threshold in days ([`EXPIRY_WARNING_DAYS`]).
        threshold: i64,
    },
    /// `slc-expiry-unknown`: the SLC has no end of its ISSUE range or validity.
    SlcExpiryUnknown {},
    /// `slc-not-yet-valid`.
    SlcNotYetValid {
        /// The first time it is valid.
        valid_from: UtcTime,
        /// The time checked against.
        now: UtcTime,
    },
    /// `anchor-test`: the chain ends at an anchor that is not the pinned Microsoft root.
    AnchorTest {
        /// The name the anchor gives itself.
        name: String,
        /// SHA-256 of its modulus.
        fingerprint: String,
    },
    /// `request-has-errors`: the request has errors of its own.
    RequestHasErrors {
        /// The request's file name, when known.
        file: Option<String>,
        /// How many errors it has.
        errors: usize,
    },
    /// `pair-guid-mismatch`.
    PairGuidMismatch {
        /// The SLC principal's ID.
        certificate_guid: String,
        /// The request's GUID, when it has one.
        request_guid: Option<String>,
    },
    /// `pair-key-mismatch`.
    PairKeyMismatch {
        /// Fingerprint of the SLC principal's key, when it could be read.
        certificate_key: Option<String>,
        /// Fingerprint of the request's key, when it could be read.
        request_key: Option<String>,
    },
}

/// How many document kinds [`Found::NoSlc`] lists.
pub const KINDS_SHOWN: usize = 8;

impl Found {
    /// The stable code.
    pub fn code(&self) -> Code {
        match self {
            Found::NoSlc { .. } => Code::ChainNoSlc,
            Found::AmbiguousLeaf { .. } => Code::ChainAmbiguousLeaf,
            Found::Reordered { .. } => Code::ChainReordered,
            Found::TooLong { .. } => Code::ChainTooLong,
            Found::IssuerKeyMismatch { .. }
            | Found::LinkIdMismatch { .. }
            | Found::LinkNameMismatch { .. } => Code::ChainLinkMismatch,
            Found::UntrustedRoot { .. } => Code::ChainUntrustedRoot,
            Found::IssuerMissing { .. } => Code::ChainIncomplete,
            Found::ShapePosition { strict, .. } | Found::ShapeLength { strict, .. } => {
                if *strict {
                    Code::ChainShapeInvalid
                } else {
                    Code::ChainUnexpectedShape
                }
            }
            Found::KeySize { .. } => Code::ChainKeySize,
            Found::ExtraCertificates { .. } => Code::ChainExtraCertificate,
            Found::SlotMismatch { .. } => Code::ResponseSlotMismatch,
            Found::IssuedOutsideRange { .. } => Code::IssuedOutsideIssuerRange,
            Found::TimeMissing { .. } => Code::ChainTimeMissing,
            Found::SlcExpired { .. } => Code::SlcExpired,
            Found::SlcExpiringSoon { .. } => Code::SlcExpiringSoon,
            Found::SlcExpiryUnknown {} => Code::SlcExpiryUnknown,
            Found::SlcNotYetValid { .. } => Code::SlcNotYetValid,
            Found::AnchorTest { .. } => Code::AnchorTest,
            Found::RequestHasErrors { .. } => Code::RequestHasErrors,
            Found::PairGuidMismatch { .. } => Code::PairGuidMismatch,
            Found::PairKeyMismatch { .. } => Code::PairKeyMismatch,
        }
    }

    /// The same finding with document indexes as people count them (1 = the first document),
    /// for the words; `params` in JSON keep the 0-based index, like `Subject::Document`.
    pub(crate) fn shown(&self) -> Found {
        let one = |i: &usize| i + 1;
        let all = |v: &Vec<usize>| v.iter().map(one).collect::<Vec<_>>();
        let mut f = self.clone();
        match &mut f {
            Found::AmbiguousLeaf { documents } | Found::ExtraCertificates { documents } => {
                *documents = all(documents)
            }
            Found::Reordered { order } => *order = all(order),
            Found::IssuerKeyMismatch {
                document, holder, ..
            } => {
                *document += 1;
                *holder += 1;
            }
            Found::UntrustedRoot { document, .. }
            | Found::LinkIdMismatch { document, .. }
            | Found::LinkNameMismatch { document, .. }
            | Found::ShapePosition { document, .. }
            | Found::KeySize { document, .. }
            | Found::SlotMismatch { document, .. }
            | Found::IssuedOutsideRange { document, .. }
            | Found::TimeMissing { document, .. } => *document += 1,
            Found::NoSlc { .. }
            | Found::TooLong { .. }
            | Found::IssuerMissing { .. }
            | Found::ShapeLength { .. }
            | Found::SlcExpired { .. }
            | Found::SlcExpiringSoon { .. }
            | Found::SlcExpiryUnknown {}
            | Found::SlcNotYetValid { .. }
            | Found::AnchorTest { .. }
            | Found::RequestHasErrors { .. }
            | Found::PairGuidMismatch { .. }
            | Found::PairKeyMismatch { .. } => {}
        }
        f
    }

    /// One example of each variant, for the completeness tests and the findings docs.
    pub fn samples() -> Vec<Found> {
        let at = |s: &str| UtcTime::parse(s).unwrap_or(UtcTime::from_unix(0));
        let fp = "3f2a9c0d5e6b7a8190a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607";
        let shape_position = |strict| Found::ShapePosition {
            strict,
            document: 2,
            position: 2,
            found_type: CA_TYPE.into(),
            found_issuer: PRODUCTION_CA.into(),
            expected_type: SLC_TYPE.into(),
            expected_issuers: vec![ENROLLMENT_CA.into()],
        };
        vec![
            Found::NoSlc {
                documents: 3,
                kinds: vec![SLC_TYPE.into(), CA_TYPE.into(), CA_TYPE.into()],
            },
            Found::AmbiguousLeaf {
                documents: vec![1, 5],
            },
            Found::Reordered {
                order: vec![4, 3, 2, 1],
            },
            Found::TooLong {
                limit: MAX_CHAIN_LENGTH,
            },
            Found::IssuerKeyMismatch {
                document: 1,
                issuer: ENROLLMENT_SERVICE.into(),
                holder: 2,
            },
            Found::UntrustedRoot {
                document: 4,
                issuer: MICROSOFT_DRM_PRODUCTION_ROOT.into(),
            },
            Found::IssuerMissing {
                issuer: ENROLLMENT_CA.into(),
            },
            Found::LinkIdMismatch {
                document: 1,
                issuer_id: "{a5e3f7c2-1b4d-4e8f-9a6b-0c2d4e6f8a1b}".into(),
                holder_id: "{0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b}".into(),
            },
            Found::LinkNameMismatch {
                document: 1,
                issuer_name: ENROLLMENT_SERVICE.into(),
                holder_name: "Contoso Test Enrollment Service".into(),
            },
            shape_position(true),
            shape_position(false),
            Found::ShapeLength {
                strict: true,
                length: 3,
                expected: 4,
            },
            Found::ShapeLength {
                strict: false,
                length: 5,
                expected: 4,
            },
            Found::KeySize {
                document: 1,
                kind: SLC_TYPE.into(),
                bits: 512,
            },
            Found::ExtraCertificates { documents: vec![5] },
            Found::SlotMismatch {
                document: 1,
                slot: "SLC".into(),
                expected_position: Some(1),
                position: None,
            },
            Found::SlotMismatch {
                document: 5,
                slot: "Extra".into(),
                expected_position: None,
                position: Some(1),
            },
            Found::IssuedOutsideRange {
                document: 1,
                issued: at("2031-01-15T09:30"),
                from: Some(at("2005-01-01T00:00")),
                until: Some(at("2030-12-31T23:59")),
            },
            Found::TimeMissing {
                document: 1,
                missing: vec![TimeElement::IssueFrom, TimeElement::IssueUntil],
            },
            Found::SlcExpired {
                expired: at("2026-03-01T10:00"),
                days_ago: 12,
            },
            Found::SlcExpiringSoon {
                expires: at("2026-05-20T10:00"),
                days_remaining: 45,
                threshold: EXPIRY_WARNING_DAYS,
            },
            Found::SlcExpiryUnknown {},
            Found::SlcNotYetValid {
                valid_from: at("2026-12-01T00:00"),
                now: at("2026-11-22T12:00"),
            },
            Found::AnchorTest {
                name: MICROSOFT_DRM_PRODUCTION_ROOT.into(),
                fingerprint: fp.into(),
            },
            Found::RequestHasErrors {
                file: Some("RMS01EnrollRequest.xml".into()),
                errors: 2,
            },
            Found::PairGuidMismatch {
                certificate_guid: "{6c1f4e2a-9b3d-4f7e-8a5c-2d0b1e9f3a7c}".into(),
                request_guid: Some("{d2b8a4f0-3c6e-4a19-b7d5-8e1f0c2a4b6d}".into()),
            },
            Found::PairKeyMismatch {
                certificate_key: Some(fp.into()),
                request_key: Some(
                    "b71e04c9a3d25f8e6017c4b2a9d3e5f1082c7b6a4d9e0f3125a8c6e4b2d0f9a7".into(),
                ),
            },
        ]
    }
}

/// The SLC's issuer name for an enrollment-service chain (Windows RMS 1.0).
pub const ENROLLMENT_SERVICE: &str = "Microsoft DRM Server Enrollment Service";
/// The SLC's issuer name for an AD RMS self-enrollment chain.
pub const SELF_ENROLLMENT_SERVICE: &str = "Microsoft DRM Server Self Enrollment Service";
/// The enrollment service certificate's issuer.
pub const ENROLLMENT_CA: &str = "Microsoft DRM Production Server Enrollment CA";
/// The enrollment CA certificate's issuer.
pub const PRODUCTION_CA: &str = "Microsoft DRM Production CA";

const SLC_TYPE: &str = "Server-Licensor-Certificate";
const CA_TYPE: &str = "DRM-CA-Certificate";

/// Which kind of SLC chain this is, from the SLC's issuer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChainKind {
    /// Issued by the Microsoft DRM Server Enrollment Service (Windows RMS 1.0 enrollment).
    EnrollmentService,
    /// Issued by the Microsoft DRM Server Self Enrollment Service (AD RMS).
    SelfEnrollment,
}

/// The trust anchor a chain ended at, as every surface names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnchorInfo {
    /// The name the anchor file (or the pin) gives it. A test anchor may use Microsoft's name.
    pub name: String,
    /// SHA-256 of the anchor's big-endian modulus.
    pub fingerprint: String,
    /// True only when the anchor's key is the pinned Microsoft DRM Production Root key,
    /// whatever its name and wherever it was loaded from.
    pub microsoft: bool,
}

impl AnchorInfo {
    fn of(a: &TrustAnchor) -> AnchorInfo {
        AnchorInfo {
            name: a.name.clone(),
            fingerprint: a.key.fingerprint(),
            microsoft: a.is_microsoft(),
        }
    }
}

/// Proof that a chain is genuine: built only by [`decide`], after the path from an SLC to a
/// trust anchor was found and no deciding finding is an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifiedChain {
    path: Vec<usize>,
    kind: ChainKind,
    expires: UtcTime,
    anchor: AnchorInfo,
}

impl VerifiedChain {
    /// Indices into `ChainReport::documents`, leaf (the SLC) first.
    pub fn path(&self) -> &[usize] {
        &self.path
    }
    /// Number of certificates in the verified path.
    pub fn len(&self) -> usize {
        self.path.len()
    }
    /// Always false: a verified chain has at least its SLC.
    pub fn is_empty(&self) -> bool {
        self.path.is_empty()
    }
    /// Enrollment service or self-enrollment.
    pub fn kind(&self) -> ChainKind {
        self.kind
    }
    /// The SLC's expiry.
    pub fn expires(&self) -> UtcTime {
        self.expires
    }
    /// The trust anchor the chain ends at.
    pub fn anchor(&self) -> &AnchorInfo {
        &self.anchor
    }
}

/// Proof that a genuine chain answers an error-free request: its SLC's GUID and key are the
/// request's. Built only by [`decide`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnsweredRequest {
    chain: VerifiedChain,
    request_sha256: String,
}

impl AnsweredRequest {
    /// The genuine chain.
    pub fn chain(&self) -> &VerifiedChain {
        &self.chain
    }
    /// SHA-256 of the request it answers.
    pub fn request_sha256(&self) -> &str {
        &self.request_sha256
    }
}

/// One certificate as the report shows it (written to JSON only through
/// [`crate::report::schema`]).
#[derive(Debug, Clone)]
pub struct CertView {
    /// The certificate as read.
    pub cert: Certificate,
    /// The signature check.
    pub signature: Option<SignatureStatus>,
}

/// The SLC set against the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pairing {
    /// True when the request has errors of its own: then nothing is compared and both
    /// `*_matches` are false.
    pub request_has_errors: bool,
    /// Request GUID vs SLC principal ID.
    pub request_guid: Option<String>,
    /// The SLC principal's ID.
    pub certificate_guid: String,
    /// True when they are the same GUID (and the request is error-free).
    pub guid_matches: bool,
    /// Request key fingerprint.
    pub request_key: Option<String>,
    /// SLC principal key fingerprint.
    pub certificate_key: Option<String>,
    /// True when the keys are equal (and the request is error-free).
    pub key_matches: bool,
    /// Request server name vs SLC principal name.
    pub request_name: Option<String>,
    /// The SLC principal's name.
    pub certificate_name: Option<String>,
    /// Request cluster URL vs SLC principal address.
    pub request_url: Option<String>,
    /// The SLC principal's address.
    pub certificate_url: Option<String>,
}

/// The three outcomes, named the same on every surface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// A genuine chain to a trust anchor whose SLC has the GUID and key of an error-free
    /// request.
    AnswersRequest,
    /// A genuine chain; no request was given, so it was not checked against one.
    GenuineUnpaired,
    /// Anything else.
    NotValid,
}

impl Outcome {
    /// The kebab-case id (`answers-request`, `genuine-unpaired`, `not-valid`).
    pub fn id(self) -> &'static str {
        match self {
            Outcome::AnswersRequest => "answers-request",
            Outcome::GenuineUnpaired => "genuine-unpaired",
            Outcome::NotValid => "not-valid",
        }
    }
}

/// What a person needs to decide, derived from the proof ([`ChainReport::verdict`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// The outcome.
    pub outcome: Outcome,
    /// True when a [`VerifiedChain`] was built.
    pub genuine: bool,
    /// `None` when no request was given; otherwise whether an [`AnsweredRequest`] was built.
    pub answers_request: Option<bool>,
    /// Genuine and answers an error-free request.
    pub valid: bool,
    /// The decisive reason when the outcome is not `answers-request`: the first error that
    /// decided (or `request-has-errors`, `pair-key-mismatch`, …).
    pub reason: Option<Code>,
    /// The SLC's new expiration date, from the proof (only when genuine).
    pub expires: Option<UtcTime>,
    /// Whole days from "now" to the expiration (only when genuine).
    pub days_remaining: Option<i64>,
    /// The expiry written in a chain that is not genuine: claimed by the file, not proven.
    pub claimed_expires: Option<UtcTime>,
    /// Who issued the SLC (as written in it).
    pub issuer: Option<String>,
    /// The server the SLC was issued to (as written in it).
    pub server: Option<String>,
    /// The server's GUID in the SLC (as written in it).
    pub server_guid: Option<String>,
    /// The trust anchor the chain ended at, when it reached one.
    pub anchor: Option<AnchorInfo>,
    /// True when that anchor's key is the pinned Microsoft DRM Production Root's.
    pub anchor_is_microsoft: bool,
    /// True when the chain ended at an anchor that is not Microsoft's (a test anchor).
    pub anchor_is_test: bool,
}

/// The result of [`verify_chain`].
#[derive(Debug, Clone)]
pub struct ChainReport {
    /// Size in bytes.
    pub size: usize,
    /// SHA-256 of the bytes as loaded.
    pub sha256: String,
    /// How the documents were wrapped.
    pub wrapper: Wrapper,
    /// Every document found, in file order, with its signature status.
    pub documents: Vec<CertView>,
    /// Indices into `documents` of the path that was built, leaf (SLC) first (also when it
    /// did not verify, to show how far it got).
    pub chain: Vec<usize>,
    /// Enrollment service or self-enrollment, when a leaf was chosen.
    pub kind: Option<ChainKind>,
    /// Pairing with the request, when one was given and a leaf was chosen.
    pub pairing: Option<Pairing>,
    /// Every finding, each naming its subject.
    pub findings: Vec<Finding>,
    /// The time checked against.
    pub checked_at: UtcTime,
    /// True when a request was given.
    pub request_given: bool,
    /// SHA-256 of the request it was paired with, when one was given.
    pub request_sha256: Option<String>,
    verified: Option<VerifiedChain>,
    answered: Option<AnsweredRequest>,
    reached_anchor: Option<AnchorInfo>,
    claimed_expires: Option<UtcTime>,
}

impl ChainReport {
    /// The proof that the chain is genuine, if it is.
    pub fn verified(&self) -> Option<&VerifiedChain> {
        self.verified.as_ref()
    }

    /// The proof that the genuine chain answers the request, if it does.
    pub fn answered(&self) -> Option<&AnsweredRequest> {
        self.answered.as_ref()
    }

    /// The verdict, derived from the proof each time.
    pub fn verdict(&self) -> Verdict {
        let genuine = self.verified.is_some();
        let answers_request = self.request_given.then_some(self.answered.is_some());
        let valid = self.answered.is_some();
        let outcome = match (&self.verified, &self.answered, self.request_given) {
            (Some(_), Some(_), true) => Outcome::AnswersRequest,
            (Some(_), None, false) => Outcome::GenuineUnpaired,
            _ => Outcome::NotValid,
        };
        let reason = (outcome != Outcome::AnswersRequest)
            .then(|| self.decisive_reason(genuine))
            .flatten();
        let slc = self
            .chain
            .first()
            .and_then(|&i| self.documents.get(i))
            .map(|v| &v.cert);
        let principal = slc.and_then(|s| s.principal.as_ref());
        let anchor = self
            .verified
            .as_ref()
            .map(|v| v.anchor.clone())
            .or_else(|| self.reached_anchor.clone());
        // A date is a headline only for a chain that may be carried back; otherwise it is what
        // the rejected file claims.
        let expires = self
            .verified
            .as_ref()
            .filter(|_| outcome != Outcome::NotValid)
            .map(VerifiedChain::expires);
        Verdict {
            outcome,
            genuine,
            answers_request,
            valid,
            reason,
            expires,
            days_remaining: expires.map(|e| self.checked_at.days_until(e)),
            claimed_expires: if expires.is_some() {
                None
            } else {
                self.claimed_expires
            },
            issuer: slc.map(|s| s.issuer.object.label().to_owned()),
            server: principal.and_then(|p| p.object.name.clone()),
            server_guid: principal.map(|p| p.object.id.clone()),
            anchor_is_microsoft: anchor.as_ref().is_some_and(|a| a.microsoft),
            anchor_is_test: anchor.as_ref().is_some_and(|a| !a.microsoft),
            anchor,
        }
    }

    /// True when nothing wrong was found: a genuine chain that answers the request, or (no
    /// request given) a genuine chain. The CLI's exit code 0.
    pub fn nothing_wrong(&self) -> bool {
        self.verdict().outcome != Outcome::NotValid
    }

    fn decisive_reason(&self, genuine: bool) -> Option<Code> {
        let deciding = deciding_documents(&self.documents, &self.chain);
        let first = |pred: &dyn Fn(&Finding) -> bool| {
            self.findings
                .iter()
                .find(|f| f.severity == Severity::Error && pred(f))
                .map(|f| f.code)
        };
        if !genuine {
            return first(&|f| decides_genuine(f.subject, &deciding));
        }
        first(&|f| f.subject == Subject::Request)
    }
}

// ------------------------------------------------------------------ stage 1–3: read, parse, sign

/// Reads every XrML document in `bytes` and checks each signature, without requiring a chain.
pub fn inspect(bytes: &[u8], policy: &Policy) -> (Vec<CertView>, Wrapper, Vec<Finding>) {
    let read = read_documents(bytes);
    let mut findings = read.findings;
    let views = read
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let cert = parse_certificate(d, i);
            findings.extend(cert.findings.iter().cloned());
            let signature = cert
                .signature
                .as_ref()
                .map(|_| check_signature(&cert, &policy.hashes, &mut findings));
            CertView { cert, signature }
        })
        .collect::<Vec<CertView>>();
    let statuses: Vec<(usize, &SignatureStatus)> = views
        .iter()
        .filter_map(|v| v.signature.as_ref().map(|s| (v.cert.index, s)))
        .collect();
    findings.extend(signature_notes(&statuses));
    (views, read.wrapper, findings)
}

// ------------------------------------------------------------------ stage 4: the leaf

/// Whether `c` is (or is spelled to look like) a certificate of an SLC chain. Lenient on
/// purpose: a type in other case, with spaces or other separators is not a licence that may
/// sit beside the chain unnoticed — another reader may take it for the chain certificate it
/// imitates. Types are compared on their ASCII letters and digits alone, ignoring case; and a
/// type with any character outside printable ASCII (a look-alike letter such as Cyrillic "е",
/// a non-breaking hyphen, a zero-width space) counts as imitating one: the real types are
/// ASCII words, and such a character is there only to look like one to a person.
fn is_chain_type(c: &Certificate) -> bool {
    looks_like_chain_type(&c.descriptor.object_type)
}

/// [`is_chain_type`] on the type as written. Letters and digits are compared with the
/// look-alike digits folded into the letters they imitate (`0` o, `1` and `i` l, `3` e, `4` a,
/// `5` s, `7` t, `8` b) and two edits allowed (`Certificates`, `Licens0r`, `Certif1cate`,
/// `IIcensor`): the real types of other documents are far from both (`Client-Licensor-…` is
/// six edits from `Server-Licensor-…`).
fn looks_like_chain_type(t: &str) -> bool {
    if t == SLC_TYPE || t == CA_TYPE {
        return true; // as written in every chain: nothing to compare
    }
    let t = t.trim_matches(|c: char| c.is_ascii_whitespace());
    // Letters and digits of the two types: 25 and 16. Further than two from both, no
    // look-alike, and nothing to fold.
    let letters = t.bytes().filter(u8::is_ascii_alphanumeric).count();
    let printable = t.chars().all(|c| c == ' ' || c.is_ascii_graphic());
    if printable && !(14..=27).contains(&letters) {
        return false;
    }
    let folded = |s: &str| -> Vec<u8> {
        s.bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|c| match c.to_ascii_lowercase() {
                b'0' => b'o',
                b'1' | b'i' => b'l',
                b'3' => b'e',
                b'4' => b'a',
                b'5' => b's',
                b'7' => b't',
                b'8' => b'b',
                c => c,
            })
            .collect()
    };
    let t_folded = folded(t);
    !printable
        || [SLC_TYPE, CA_TYPE]
            .iter()
            .any(|k| within_edits(&t_folded, &folded(k), 2))
}

/// Whether `a` becomes `b` by at most `max` insertions, deletions and substitutions
/// (Levenshtein). Linear in `a`'s length for a fixed `b`; at once false when the lengths differ
/// by more than `max`.
fn within_edits(a: &[u8], b: &[u8], max: usize) -> bool {
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, &cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let left = row.get(j).copied().unwrap_or(usize::MAX);
            let value = (diagonal + usize::from(ca != cb))
                .min(above.saturating_add(1))
                .min(left.saturating_add(1));
            diagonal = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
        }
    }
    row.last().is_some_and(|&d| d <= max)
}

fn slc_kind(c: &Certificate) -> Option<ChainKind> {
    if c.descriptor.object_type != SLC_TYPE {
        return None;
    }
    match c.issuer.object.label() {
        ENROLLMENT_SERVICE => Some(ChainKind::EnrollmentService),
        SELF_ENROLLMENT_SERVICE => Some(ChainKind::SelfEnrollment),
        _ => None,
    }
}

/// The leaf: the one Server Licensor Certificate issued by an enrollment service
/// (MS-RMPR §2.2.9.3). None, or more than one, is an error: the verifier never picks.
fn choose_leaf(docs: &[&Certificate]) -> Result<(usize, ChainKind), Box<Finding>> {
    let candidates: Vec<(usize, ChainKind)> = docs
        .iter()
        .filter_map(|c| slc_kind(c).map(|k| (c.index, k)))
        .collect();
    match candidates.as_slice() {
        [one] => Ok(*one),
        [] => Err(Box::new(
            Finding::of(Found::NoSlc {
                documents: docs.len(),
                kinds: docs
                    .iter()
                    .take(KINDS_SHOWN)
                    .map(|c| c.kind().to_owned())
                    .collect(),
            })
            .about(Subject::Chain),
        )),
        many => Err(Box::new(
            Finding::of(Found::AmbiguousLeaf {
                documents: many.iter().map(|(i, _)| *i).collect(),
            })
            .about(Subject::Chain),
        )),
    }
}

// ------------------------------------------------------------------ stage 5: the path

/// A path from the leaf up to a trust anchor.
struct Path<'a> {
    docs: Vec<usize>,
    anchor: Option<&'a TrustAnchor>,
}

/// Walks up from the leaf: the next certificate is the chain-type document whose principal
/// key is the current issuer key, until an issuer key is a trust anchor.
fn build_path<'a>(
    leaf: usize,
    docs: &[&Certificate],
    policy: &'a Policy,
    findings: &mut Vec<Finding>,
) -> Path<'a> {
    let mut path = Path {
        docs: vec![leaf],
        anchor: None,
    };
    while let Some(cur) = path.docs.last().and_then(|&i| docs.get(i)) {
        let Some(issuer_key) = cur.issuer.key.as_ref() else {
            break; // the document's own finding says why
        };
        if let Some(a) = policy.anchors.iter().find(|a| &a.key == issuer_key) {
            path.anchor = Some(a);
            break;
        }
        let next = docs.iter().find(|o| {
            is_chain_type(o)
                && !path.docs.contains(&o.index)
                && o.principal.as_ref().and_then(|p| p.key.as_ref()) == Some(issuer_key)
        });
        match next {
            Some(o) if path.docs.len() < MAX_CHAIN_LENGTH => path.docs.push(o.index),
            Some(_) => {
                findings.push(
                    Finding::of(Found::TooLong {
                        limit: MAX_CHAIN_LENGTH,
                    })
                    .about(Subject::Chain),
                );
                break;
            }
            None => {
                findings.push(missing_issuer(cur, docs, policy));
                break;
            }
        }
    }
    path
}

fn missing_issuer(cur: &Certificate, docs: &[&Certificate], policy: &Policy) -> Finding {
    let issuer = cur.issuer.object.label().to_owned();
    let same_id = docs.iter().find(|o| {
        o.index != cur.index
            && is_chain_type(o)
            && o.principal
                .as_ref()
                .is_some_and(|p| p.object.same_id(&cur.issuer.object))
    });
    if let Some(o) = same_id {
        Finding::of(Found::IssuerKeyMismatch {
            document: cur.index,
            issuer,
            holder: o.index,
        })
        .on_document(cur.index)
    } else if issuer == MICROSOFT_DRM_PRODUCTION_ROOT
        || policy.anchors.iter().any(|a| a.name == issuer)
    {
        Finding::of(Found::UntrustedRoot {
            document: cur.index,
            issuer,
        })
        .on_document(cur.index)
    } else {
        Finding::of(Found::IssuerMissing { issuer }).about(Subject::Chain)
    }
}

// ------------------------------------------------------------------ stage 6–9: links, shape, keys, extras

/// Each certificate's ISSUER ID names the principal of the certificate that holds its
/// issuer key.
fn check_links(path: &[usize], docs: &[&Certificate], findings: &mut Vec<Finding>) {
    for w in path.windows(2) {
        let (Some(c), Some(parent)) = (
            w.first().and_then(|&i| docs.get(i)),
            w.get(1).and_then(|&i| docs.get(i)),
        ) else {
            continue;
        };
        let pobj = parent.principal.as_ref().map(|p| &p.object);
        if !pobj.is_some_and(|p| p.same_id(&c.issuer.object)) {
            findings.push(
                Finding::of(Found::LinkIdMismatch {
                    document: c.index,
                    issuer_id: c.issuer.object.id.clone(),
                    holder_id: pobj.map(|p| p.id.clone()).unwrap_or_default(),
                })
                .on_document(c.index),
            );
            continue;
        }
        // The issuer's NAME, when both certificates give one, is the same name.
        let norm = |n: &Option<String>| {
            n.as_deref()
                .map(|x| crate::text::trim_xml(x).to_ascii_lowercase())
                .filter(|x| !x.is_empty())
        };
        let (named, holder) = (
            norm(&c.issuer.object.name),
            pobj.and_then(|p| norm(&p.name)),
        );
        if let (Some(a), Some(b)) = (&named, &holder) {
            if a != b {
                findings.push(
                    Finding::of(Found::LinkNameMismatch {
                        document: c.index,
                        issuer_name: c.issuer.object.name.clone().unwrap_or_default(),
                        holder_name: pobj.and_then(|p| p.name.clone()).unwrap_or_default(),
                    })
                    .on_document(c.index),
                );
            }
        }
    }
}

/// MS-RMPR §2.2.9.3: SLC ← enrollment service ← enrollment CA ← CA ← root. With
/// `policy.strict_shape` (the production policy) any other shape is an error; otherwise a
/// warning.
fn check_shape(
    path: &[usize],
    anchored: bool,
    docs: &[&Certificate],
    policy: &Policy,
    findings: &mut Vec<Finding>,
) {
    let strict = policy.strict_shape;
    let expected: [(&str, &[&str]); 4] = [
        (SLC_TYPE, &[ENROLLMENT_SERVICE, SELF_ENROLLMENT_SERVICE]),
        (SLC_TYPE, &[ENROLLMENT_CA]),
        (CA_TYPE, &[PRODUCTION_CA]),
        (CA_TYPE, &[MICROSOFT_DRM_PRODUCTION_ROOT]),
    ];
    for (pos, (&i, (ty, issuers))) in path.iter().zip(expected.iter()).enumerate() {
        let Some(c) = docs.get(i) else { continue };
        let issuer = c.issuer.object.label();
        if c.descriptor.object_type != *ty || !issuers.contains(&issuer) {
            findings.push(
                Finding::of(Found::ShapePosition {
                    strict,
                    document: c.index,
                    position: pos + 1,
                    found_type: c.descriptor.object_type.clone(),
                    found_issuer: issuer.to_owned(),
                    expected_type: (*ty).to_owned(),
                    expected_issuers: issuers.iter().map(|&i| i.to_owned()).collect(),
                })
                .on_document(c.index),
            );
        }
    }
    if anchored && path.len() != expected.len() {
        findings.push(
            Finding::of(Found::ShapeLength {
                strict,
                length: path.len(),
                expected: expected.len(),
            })
            .about(Subject::Chain),
        );
    }
}

/// MS-RMPR §3.1.4.7: RMS keys are RSA-1024 (mode 1) or RSA-2048 (mode 2). (The production
/// Enrollment CA's own key is RSA-1024, so CA certificates are not held to 2048.)
fn check_keys(path: &[usize], docs: &[&Certificate], findings: &mut Vec<Finding>) {
    const RMS_KEY_BITS: [usize; 2] = [1024, 2048];
    for c in path.iter().filter_map(|&i| docs.get(i)) {
        let bits = c
            .principal
            .as_ref()
            .and_then(|p| p.key.as_ref())
            .map(RsaKey::bits);
        if let Some(b) = bits.filter(|b| !RMS_KEY_BITS.contains(b)) {
            findings.push(
                Finding::of(Found::KeySize {
                    document: c.index,
                    kind: c.kind().to_owned(),
                    bits: b,
                })
                .on_document(c.index),
            );
        }
    }
}

/// MS-RMPR §3.6.4.2.1.2: the offline response names each certificate by its holder
/// element; an importer reads them by these names, so each must hold the certificate at its
/// place on the path, and no other holder may hold anything.
fn check_slots(path: &[usize], docs: &[&Certificate], findings: &mut Vec<Finding>) {
    const SLOTS: [&str; 4] = ["SLC", "EnrollmentServiceCert", "EnrollmentCACert", "CACert"];
    for c in docs {
        let Some(slot) = c.slot.as_deref() else {
            continue;
        };
        let expected = SLOTS.iter().position(|&s| s == slot);
        let position = path.iter().position(|&i| i == c.index);
        if expected.is_none() || expected != position {
            findings.push(
                Finding::of(Found::SlotMismatch {
                    document: c.index,
                    slot: slot.to_owned(),
                    expected_position: expected.map(|p| p + 1),
                    position: position.map(|p| p + 1),
                })
                .about(Subject::Chain),
            );
        }
    }
}

/// Certificates of chain type that are not on the path are ambiguous: refused.
fn check_extra(path: &[usize], docs: &[&Certificate], findings: &mut Vec<Finding>) {
    let extra: Vec<usize> = docs
        .iter()
        .filter(|c| is_chain_type(c) && !path.contains(&c.index))
        .map(|c| c.index)
        .collect();
    if !extra.is_empty() {
        findings
            .push(Finding::of(Found::ExtraCertificates { documents: extra }).about(Subject::Chain));
    }
}

// ------------------------------------------------------------------ stage 10: times

/// The time rule of a link (MS-RMPR §3.1.6.2): `c`'s ISSUEDTIME lies within `issuer`'s ISSUE
/// range. True when either is absent: on a chain's path [`check_times`] reports the absence
/// (`chain-time-missing`), an unreadable time has `time-invalid`. Shared with the workbench,
/// so a link's range rule holds there exactly when it holds here.
pub fn issued_within(c: &Certificate, issuer: &Certificate) -> bool {
    match (c.issued, issuer.issue_range) {
        (Some(t), Some((from, until))) => {
            !(from.is_some_and(|f| t < f) || until.is_some_and(|u| t > u))
        }
        _ => true,
    }
}

/// Whether the link from `c` to `issuer` has the times its range rule needs: `c`'s ISSUEDTIME
/// and `issuer`'s ISSUE range with FROM and UNTIL (read, not only written). On a chain's path
/// their absence is `chain-time-missing` ([`check_times`]); the workbench does not let such a
/// link hold either, so a link holds there exactly when it holds here.
pub fn link_times_present(c: &Certificate, issuer: &Certificate) -> bool {
    c.issued.is_some() && matches!(issuer.issue_range, Some((Some(_), Some(_))))
}

/// The times of `wanted` that `c` does not have, leaving out those it has but could not read
/// (they have `time-invalid` already).
fn absent(c: &Certificate, wanted: &[(TimeElement, bool)]) -> Vec<TimeElement> {
    let unreadable = |e: TimeElement| {
        c.findings.iter().any(|f| {
            matches!(f.what(), What::Xrml(xrml::Found::TimeInvalid { element, .. }) if *element == e)
        })
    };
    wanted
        .iter()
        .filter(|&&(e, present)| !present && !unreadable(e))
        .map(|&(e, _)| e)
        .collect()
}

/// Each certificate on the path has an ISSUEDTIME and each issuer on the path an ISSUE range
/// with FROM and UNTIL (else `chain-time-missing`: the link's time rule could not be checked);
/// each ISSUEDTIME lies within its issuer certificate's ISSUE range; the SLC is valid now:
/// not before its ISSUEDTIME, its ISSUE range and VALIDITYTIME, not after their end. Returns
/// the SLC's expiry as written.
fn check_times(
    path: &[usize],
    docs: &[&Certificate],
    now: UtcTime,
    findings: &mut Vec<Finding>,
) -> Option<UtcTime> {
    for (n, c) in path.iter().filter_map(|&i| docs.get(i)).enumerate() {
        // Every real certificate of an SLC chain has both (the production chain in
        // ../shared/vectors does): absence is not a variant to accept.
        let mut wanted = vec![(TimeElement::Issued, c.issued.is_some())];
        if n > 0 {
            let (from, until) = c.issue_range.unwrap_or((None, None));
            wanted.push((TimeElement::IssueFrom, from.is_some()));
            wanted.push((TimeElement::IssueUntil, until.is_some()));
        }
        let missing = absent(c, &wanted);
        if !missing.is_empty() {
            findings.push(
                Finding::of(Found::TimeMissing {
                    document: c.index,
                    missing,
                })
                .on_document(c.index),
            );
        }
    }
    for w in path.windows(2) {
        let (Some(c), Some(parent)) = (
            w.first().and_then(|&i| docs.get(i)),
            w.get(1).and_then(|&i| docs.get(i)),
        ) else {
            continue;
        };
        if let (Some(t), Some((from, until))) = (c.issued, parent.issue_range) {
            if !issued_within(c, parent) {
                findings.push(
                    Finding::of(Found::IssuedOutsideRange {
                        document: c.index,
                        issued: t,
                        from,
                        until,
                    })
                    .on_document(c.index),
                );
            }
        }
    }
    let s = path.first().and_then(|&i| docs.get(i))?;
    let (from, until) = s.issue_range.unwrap_or((None, None));
    let (vfrom, vuntil) = s.validity.unwrap_or((None, None));
    // The SLC's expiry is its ISSUE right's RANGETIME (MS-RMPR §3.1.6.2); a VALIDITYTIME can
    // end it sooner but never stands in for it: without that UNTIL the expiry is unknown.
    let expires = until.map(|a| vuntil.map_or(a, |b| a.min(b)));
    match expires {
        Some(e) if now > e => findings.push(
            Finding::of(Found::SlcExpired {
                expired: e,
                days_ago: e.days_until(now),
            })
            .on_document(s.index),
        ),
        Some(e) if now.days_until(e) < EXPIRY_WARNING_DAYS => findings.push(
            Finding::of(Found::SlcExpiringSoon {
                expires: e,
                days_remaining: now.days_until(e),
                threshold: EXPIRY_WARNING_DAYS,
            })
            .on_document(s.index),
        ),
        Some(_) => {}
        None => findings.push(Finding::of(Found::SlcExpiryUnknown {}).on_document(s.index)),
    }
    let start = [s.issued, from, vfrom].into_iter().flatten().max();
    if let Some(b) = start.filter(|&b| now < b) {
        findings
            .push(Finding::of(Found::SlcNotYetValid { valid_from: b, now }).on_document(s.index));
    }
    expires
}

// ------------------------------------------------------------------ stage 11: pairing

fn pair(slc: &Certificate, req: &RequestReport, findings: &mut Vec<Finding>) -> Pairing {
    let principal = slc.principal.as_ref();
    let cert_guid = principal.map(|p| p.object.id.clone()).unwrap_or_default();
    let norm = crate::request::normalise_guid(&cert_guid).map(|(n, _)| n);
    let cert_key = principal.and_then(|p| p.key.as_ref());
    let s = &req.summary;
    let ok = req.is_ok();
    let p = Pairing {
        request_has_errors: !ok,
        request_guid: s.guid.clone(),
        guid_matches: ok && norm.is_some() && norm == s.guid,
        certificate_guid: cert_guid,
        request_key: s.key.as_ref().map(|k| k.fingerprint.clone()),
        certificate_key: cert_key.map(RsaKey::fingerprint),
        key_matches: ok && matches!((cert_key, s.rsa_key.as_ref()), (Some(a), Some(b)) if a == b),
        request_name: s.server_name.clone(),
        certificate_name: principal.and_then(|p| p.object.name.clone()),
        request_url: s.cluster_url.clone(),
        certificate_url: principal.and_then(|p| p.object.url.clone()),
    };
    if !ok {
        let n = req
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        findings.push(
            Finding::of(Found::RequestHasErrors {
                file: req.file_name.clone(),
                errors: n,
            })
            .about(Subject::Request),
        );
        return p;
    }
    if !p.guid_matches {
        findings.push(
            Finding::of(Found::PairGuidMismatch {
                certificate_guid: p.certificate_guid.clone(),
                request_guid: p.request_guid.clone(),
            })
            .about(Subject::Request),
        );
    }
    if !p.key_matches {
        findings.push(
            Finding::of(Found::PairKeyMismatch {
                certificate_key: p.certificate_key.clone(),
                request_key: p.request_key.clone(),
            })
            .about(Subject::Request),
        );
    }
    p
}

// ------------------------------------------------------------------ stage 12: the decision

/// Which documents' findings decide whether the chain is genuine: the documents on the
/// path, every document of chain type (SLC or CA certificate) wherever it is, every document
/// that could not be read without error (its type cannot be trusted), and every document whose
/// signature does not hold (the file that would be carried back was altered). Only an intact
/// document of another type beside the chain (a licence read without error, its signature
/// verified) does not decide: it is shown, nothing more.
pub fn deciding_documents(documents: &[CertView], path: &[usize]) -> Vec<bool> {
    documents
        .iter()
        .map(|v| {
            path.contains(&v.cert.index)
                || is_chain_type(&v.cert)
                || crate::finding::has_errors(&v.cert.findings)
                || !v.signature.as_ref().is_some_and(SignatureStatus::is_valid)
        })
        .collect()
}

/// Whether an error about `subject` stops the chain from being genuine: everything about
/// the file and the chain, and documents by [`deciding_documents`]. Findings about the
/// request decide only whether the chain answers it.
pub fn decides_genuine(subject: Subject, deciding: &[bool]) -> bool {
    match subject {
        Subject::File | Subject::Chain => true,
        Subject::Document { index } => deciding.get(index).copied().unwrap_or(true),
        Subject::Request => false,
    }
}

/// Builds the proofs: a [`VerifiedChain`] when the path reached an anchor and no deciding
/// finding is an error; an [`AnsweredRequest`] when, in addition, an error-free request's
/// GUID and key are the SLC's.
fn decide(
    report: &ChainReport,
    kind: Option<ChainKind>,
    anchor: Option<&TrustAnchor>,
    expires: Option<UtcTime>,
    request: Option<&RequestReport>,
) -> (Option<VerifiedChain>, Option<AnsweredRequest>) {
    let deciding = deciding_documents(&report.documents, &report.chain);
    let errors = report
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error && decides_genuine(f.subject, &deciding));
    let sigs_ok = report.chain.iter().all(|&i| {
        report
            .documents
            .get(i)
            .and_then(|v| v.signature.as_ref())
            .is_some_and(SignatureStatus::is_valid)
    });
    let verified = match (kind, anchor, expires) {
        (Some(kind), Some(a), Some(expires)) if !errors && sigs_ok => Some(VerifiedChain {
            path: report.chain.clone(),
            kind,
            expires,
            anchor: AnchorInfo::of(a),
        }),
        _ => None,
    };
    let answered = match (&verified, request, &report.pairing) {
        // (`p.request_has_errors` is `!req.is_ok()`: one of them is enough.)
        (Some(v), Some(req), Some(p)) if req.is_ok() && p.guid_matches && p.key_matches => {
            Some(AnsweredRequest {
                chain: v.clone(),
                request_sha256: req.sha256.clone(),
            })
        }
        _ => None,
    };
    (verified, answered)
}

/// Verifies the SLC chain in `bytes` against `policy` and, when given, pairs it with the
/// request (whose own errors mean it cannot be answered). Never panics; every problem is a
/// finding naming its subject.
pub fn verify_chain(bytes: &[u8], policy: &Policy, request: Option<&RequestReport>) -> ChainReport {
    let (documents, wrapper, mut findings) = inspect(bytes, policy);
    let mut report = ChainReport {
        size: bytes.len(),
        sha256: sha256_hex(bytes),
        wrapper,
        documents,
        chain: vec![],
        kind: None,
        pairing: None,
        findings: vec![],
        checked_at: policy.now,
        request_given: request.is_some(),
        request_sha256: request.map(|r| r.sha256.clone()),
        verified: None,
        answered: None,
        reached_anchor: None,
        claimed_expires: None,
    };
    if report.documents.is_empty() {
        report.findings = findings;
        return report;
    }
    let docs: Vec<&Certificate> = report.documents.iter().map(|v| &v.cert).collect();
    let (leaf, kind) = match choose_leaf(&docs) {
        Ok(l) => l,
        Err(f) => {
            findings.push(*f);
            report.findings = findings;
            return report;
        }
    };
    let path = build_path(leaf, &docs, policy, &mut findings);
    if path.docs.windows(2).any(|w| matches!(w, [a, b] if a > b)) {
        findings.push(Finding::of(Found::Reordered {
            order: path.docs.clone(),
        }));
    }
    check_links(&path.docs, &docs, &mut findings);
    check_shape(
        &path.docs,
        path.anchor.is_some(),
        &docs,
        policy,
        &mut findings,
    );
    check_keys(&path.docs, &docs, &mut findings);
    check_slots(&path.docs, &docs, &mut findings);
    if path.anchor.is_some() {
        check_extra(&path.docs, &docs, &mut findings);
    }
    let expires = check_times(&path.docs, &docs, policy.now, &mut findings);
    if let Some(a) = path.anchor.filter(|a| !a.is_microsoft()) {
        findings.push(
            Finding::of(Found::AnchorTest {
                name: a.name.clone(),
                fingerprint: a.key.fingerprint(),
            })
            .about(Subject::Chain),
        );
    }
    let pairing = match (request, docs.get(leaf)) {
        (Some(req), Some(slc)) => Some(pair(slc, req, &mut findings)),
        _ => None,
    };
    report.kind = Some(kind);
    report.chain = path.docs;
    report.pairing = pairing;
    report.findings = findings;
    report.reached_anchor = path.anchor.map(AnchorInfo::of);
    report.claimed_expires = expires;
    let (verified, answered) = decide(&report, Some(kind), path.anchor, expires, request);
    report.verified = verified;
    report.answered = answered;
    report
}

#[cfg(test)]
mod tests {
    use super::looks_like_chain_type;

    #[test]
    fn chain_types_in_any_spelling_and_lookalikes_count_licences_do_not() {
        for t in [
            "Server-Licensor-Certificate",
            "DRM-CA-Certificate",
            "server-licensor-certificate",
            " Server-Licensor-Certificate\n",
            "Server Licensor Certificate",
            "DRM_CA_Certificate",
            "ServerLicensorCertificate",
            "Server\u{2011}Licensor\u{2011}Certificate",
            "Server-Licensor-Certificate\u{200B}",
            "S\u{0435}rver-Licensor-Certificate",
            "Content-License\u{00A0}",
            "Content\tLicense",
            // ASCII look-alikes: digits for letters, a letter for a letter, one more letter.
            "Server-Licens0r-Certificate",
            "Server-Licensor-Certif1cate",
            "Server-IIcensor-Certificate",
            "DRM-CA-Certificat3",
            "Server-Licensor-Certificates",
            "Server-Licensor-Certficate",
            "Servr-Licensor-Certficate",
            "DRM-CA-Cert1ficates",
            "DRN-CA-Certificate",
        ] {
            assert!(looks_like_chain_type(t), "{t:?}");
        }
        for t in [
            "",
            "Content-License",
            " Client-Licensor-Certificate ",
            "Group-Identity-Credential",
            "Server-Licensor",
            "Machine Certificate",
            "Client-Licensor-Certificate",
            "Machine-Certificate",
            "Group-Identity-Credential",
            "Microsoft Rights Label",
            "DRM-Certificate-Authority",
            "Servr-Licnsor-Certficate",
        ] {
            assert!(!looks_like_chain_type(t), "{t:?}");
        }
    }
}
