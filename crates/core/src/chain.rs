//! Step 4: verifying a downloaded SLC chain (MS-RMPR §2.2.9.3) and pairing it with the
//! request it answers.
//!
//! [`verify_chain`] returns a [`ChainReport`]; its `verified` field holds a [`VerifiedChain`]
//! only when every check passed. A `VerifiedChain` cannot be built outside this module.

use crate::finding::{Code, Finding, Location};
use crate::policy::{
    Policy, TrustAnchor, EXPIRY_WARNING_DAYS, MAX_CHAIN_LENGTH, MICROSOFT_DRM_PRODUCTION_ROOT,
};
use crate::request::RequestSummary;
use crate::text::sha256_hex;
use crate::time::UtcTime;
use crate::xrml::{
    check_signature, parse_certificate, read_documents, signature_notes, Certificate,
    SignatureStatus, Wrapper,
};
use serde::Serialize;

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
    /// Some other issuer.
    Other,
}

/// Proof that a chain verified: only [`verify_chain`] builds one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifiedChain {
    length: usize,
    expires: Option<UtcTime>,
    anchor: String,
}

impl VerifiedChain {
    /// Number of certificates in the verified path.
    pub fn len(&self) -> usize {
        self.length
    }
    /// Always false: a verified chain has at least one certificate.
    pub fn is_empty(&self) -> bool {
        self.length == 0
    }
    /// The SLC's expiry.
    pub fn expires(&self) -> Option<UtcTime> {
        self.expires
    }
    /// The trust anchor the chain ends at.
    pub fn anchor(&self) -> &str {
        &self.anchor
    }
}

/// One certificate as the report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct CertView {
    /// The certificate as read.
    #[serde(flatten)]
    pub cert: Certificate,
    /// The signature check (`signature_check` in JSON; `signature` is the block itself).
    #[serde(rename = "signature_check")]
    pub signature: Option<SignatureStatus>,
}

/// The SLC set against the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pairing {
    /// Request GUID vs SLC principal ID.
    pub request_guid: Option<String>,
    /// The SLC principal's ID.
    pub certificate_guid: String,
    /// True when they are the same GUID.
    pub guid_matches: bool,
    /// Request key fingerprint.
    pub request_key: Option<String>,
    /// SLC principal key fingerprint.
    pub certificate_key: Option<String>,
    /// True when the keys are equal.
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

/// What a person needs to decide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// True when the chain verified (and, if a request was given, answers it).
    pub valid: bool,
    /// The SLC's new expiration date (ISSUE RANGETIME UNTIL, or VALIDITYTIME UNTIL if earlier).
    pub expires: Option<UtcTime>,
    /// Whole days from "now" to the expiration.
    pub days_remaining: Option<i64>,
    /// Who issued the SLC.
    pub issuer: Option<String>,
    /// The server the SLC was issued to.
    pub server: Option<String>,
    /// The server's GUID in the SLC.
    pub server_guid: Option<String>,
    /// The fingerprint (SHA-256 of the modulus) of the trust anchor the chain ended at.
    pub anchor_fingerprint: Option<String>,
    /// True when that anchor is the pinned Microsoft DRM Production Root.
    pub anchor_is_microsoft: bool,
}

/// The result of [`verify_chain`].
#[derive(Debug, Clone, Serialize)]
pub struct ChainReport {
    /// Size in bytes.
    pub size: usize,
    /// SHA-256 of the bytes as loaded.
    pub sha256: String,
    /// How the documents were wrapped.
    pub wrapper: Wrapper,
    /// Every document found, in file order, with its signature status.
    pub documents: Vec<CertView>,
    /// Indices into `documents` of the chain, leaf (SLC) first.
    pub chain: Vec<usize>,
    /// Enrollment service or self-enrollment.
    pub kind: Option<ChainKind>,
    /// Pairing with the request, when one was given.
    pub pairing: Option<Pairing>,
    /// The verdict.
    pub verdict: Verdict,
    /// Every finding.
    pub findings: Vec<Finding>,
    /// Present only when every check passed.
    pub verified: Option<VerifiedChain>,
    /// The time checked against.
    pub checked_at: UtcTime,
}

fn at(c: &Certificate) -> Option<Location> {
    Some(c.location)
}

fn same_key(a: &Option<crate::key::RsaKey>, b: &Option<crate::key::RsaKey>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if x == y)
}

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

/// Verifies the SLC chain in `bytes` against `policy` and, when given, pairs it with the
/// request. Never panics; every problem is a finding.
pub fn verify_chain(
    bytes: &[u8],
    policy: &Policy,
    request: Option<&RequestSummary>,
) -> ChainReport {
    let (documents, wrapper, mut findings) = inspect(bytes, policy);
    let mut report = ChainReport {
        size: bytes.len(),
        sha256: sha256_hex(bytes),
        wrapper,
        documents,
        chain: vec![],
        kind: None,
        pairing: None,
        verdict: Verdict {
            valid: false,
            expires: None,
            days_remaining: None,
            issuer: None,
            server: None,
            server_guid: None,
            anchor_fingerprint: None,
            anchor_is_microsoft: false,
        },
        findings: vec![],
        verified: None,
        checked_at: policy.now,
    };
    if report.documents.is_empty() {
        report.findings = findings;
        return report;
    }
    let docs: Vec<&Certificate> = report.documents.iter().map(|v| &v.cert).collect();
    let is_chain_type = |c: &Certificate| {
        c.descriptor.object_type == SLC_TYPE || c.descriptor.object_type == CA_TYPE
    };
    let candidates: Vec<usize> = (0..docs.len())
        .filter(|&i| docs.get(i).is_some_and(|c| is_chain_type(c)))
        .collect();
    // The leaf: an SLC whose principal key issues no other candidate.
    let leaf = candidates.iter().copied().find(|&i| {
        docs.get(i).is_some_and(|c| {
            c.descriptor.object_type == SLC_TYPE
                && c.principal.as_ref().is_some_and(|p| p.key.is_some())
                && !candidates.iter().any(|&j| {
                    j != i
                        && docs.get(j).is_some_and(|o| {
                            same_key(
                                &o.issuer.key,
                                &c.principal.as_ref().and_then(|p| p.key.clone()),
                            )
                        })
                })
        })
    });
    let Some(leaf) = leaf else {
        findings.push(Finding::new(Code::ChainNoSlc, format!("The file has {} XrML document(s) ({}), but no Server Licensor Certificate.", docs.len(), docs.iter().map(|c| c.kind().to_owned()).collect::<Vec<_>>().join(", ")), "Choose the SLC chain downloaded from the enrollment service (its first certificate has type Server-Licensor-Certificate)."));
        report.findings = findings;
        return report;
    };
    // Walk up: next = the candidate whose principal key is this one's issuer key.
    let mut chain = vec![leaf];
    let mut anchored = None;
    while let Some(cur) = chain.last().and_then(|&i| docs.get(i)) {
        if let Some(a) = policy
            .anchors
            .iter()
            .find(|a| cur.issuer.key.as_ref() == Some(&a.key))
        {
            anchored = Some(a.name.clone());
            report.verdict.anchor_fingerprint = Some(a.key.fingerprint());
            report.verdict.anchor_is_microsoft = a.key == TrustAnchor::microsoft_production().key;
            break;
        }
        let next = candidates.iter().copied().find(|&j| {
            !chain.contains(&j)
                && docs.get(j).is_some_and(|o| {
                    same_key(
                        &o.principal.as_ref().and_then(|p| p.key.clone()),
                        &cur.issuer.key,
                    )
                })
        });
        match next {
            Some(j) if chain.len() < MAX_CHAIN_LENGTH => chain.push(j),
            Some(_) => {
                findings.push(
                    Finding::new(
                        Code::ChainTooLong,
                        format!("The chain is longer than {MAX_CHAIN_LENGTH} certificates."),
                        "A genuine SLC chain has four certificates. Download it again.",
                    )
                    .at(at(cur)),
                );
                break;
            }
            None => {
                let issuer = cur.issuer.object.label().to_owned();
                let same_id = candidates.iter().filter_map(|&j| docs.get(j)).find(|o| {
                    o.index != cur.index
                        && o.principal
                            .as_ref()
                            .is_some_and(|p| p.object.same_id(&cur.issuer.object))
                });
                if let Some(o) = same_id {
                    findings.push(Finding::new(Code::ChainLinkMismatch, format!("Certificate {} names \"{issuer}\" as issuer, but its issuer key differs from the key certificate {} gives \"{issuer}\".", cur.index + 1, o.index + 1), "The certificate was not issued by the certificate that follows it (forged or mixed chain). Download it again.").at(at(cur)));
                } else if issuer == MICROSOFT_DRM_PRODUCTION_ROOT
                    || policy.anchors.iter().any(|a| a.name == issuer)
                {
                    findings.push(Finding::new(Code::ChainUntrustedRoot, format!("The last certificate names \"{issuer}\" as issuer, but its key is not the pinned key of that root."), "This chain was not issued by Microsoft's production hierarchy (a test or forged chain). Do not import it.").at(at(cur)));
                } else {
                    findings.push(Finding::new(Code::ChainIncomplete, format!("The certificate issued by \"{issuer}\" is missing: no certificate in the file has that issuer as its principal."), "Download the complete chain (all four certificates: SLC, enrollment service, enrollment CA, CA) again.").at(at(cur)));
                }
                break;
            }
        }
    }
    // Leaf-first order vs file order.
    if chain.windows(2).any(|w| matches!(w, [a, b] if a > b)) {
        findings.push(Finding::new(
            Code::ChainReordered,
            format!(
                "The certificates were in file order {}; they were read leaf first.",
                chain
                    .iter()
                    .map(|i| (i + 1).to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            "Nothing to fix.",
        ));
    }
    for w in chain.windows(2) {
        let (Some(c), Some(parent)) = (
            w.first().and_then(|&i| docs.get(i)),
            w.get(1).and_then(|&i| docs.get(i)),
        ) else {
            continue;
        };
        let pobj = parent.principal.as_ref().map(|p| &p.object);
        if !pobj.is_some_and(|p| p.same_id(&c.issuer.object)) {
            findings.push(Finding::new(Code::ChainLinkMismatch, format!("Certificate {} names issuer ID \"{}\", but the certificate holding that key is issued to \"{}\".", c.index + 1, c.issuer.object.id, pobj.map_or("", |p| p.id.as_str())), "The chain was assembled from different sources. Download it again.").at(at(c)));
        }
        // Each ISSUEDTIME must lie within its issuer certificate's ISSUE range.
        if let (Some(t), Some((from, until))) = (c.issued, parent.issue_range) {
            if from.is_some_and(|f| t < f) || until.is_some_and(|u| t > u) {
                findings.push(Finding::new(Code::IssuedOutsideIssuerRange, format!("Certificate {} was issued {t}, outside its issuer's ISSUE range {} – {}.", c.index + 1, from.map_or("?".into(), |x| x.to_string()), until.map_or("?".into(), |x| x.to_string())), "The issuer had no authority to issue it then; the certificate is not genuine. Download it again.").at(at(c)));
            }
        }
    }
    let slc = docs.get(leaf).copied();
    let kind = slc.map(|s| match s.issuer.object.label() {
        ENROLLMENT_SERVICE => ChainKind::EnrollmentService,
        SELF_ENROLLMENT_SERVICE => ChainKind::SelfEnrollment,
        _ => ChainKind::Other,
    });
    report.kind = kind;
    shape_findings(&chain, &docs, &mut findings);
    // "now" matters only for the SLC's own range and validity.
    let mut expires = None;
    if let Some(s) = slc {
        let (from, until) = s.issue_range.unwrap_or((None, None));
        let (vfrom, vuntil) = s.validity.unwrap_or((None, None));
        let start = from.max(vfrom);
        expires = match (until, vuntil) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let Some(e) = expires {
            let days = policy.now.days_until(e);
            if policy.now > e {
                findings.push(
                    Finding::new(
                        Code::SlcExpired,
                        format!("The SLC expired on {e} ({} days ago).", -days),
                        "Renew the SLC: export a renewal request on the RMS server and submit it.",
                    )
                    .at(at(s)),
                );
            } else if days < EXPIRY_WARNING_DAYS {
                findings.push(
                    Finding::new(
                        Code::SlcExpiringSoon,
                        format!("The SLC expires on {e}, in {days} days."),
                        "Plan the renewal now.",
                    )
                    .at(at(s)),
                );
            }
        } else {
            findings.push(
                Finding::new(
                    Code::XrmlMalformed,
                    "The SLC has no ISSUE right time range, so its expiry is unknown.",
                    "Download the certificate again.",
                )
                .at(at(s)),
            );
        }
        if let Some(b) = start.filter(|&b| policy.now < b) {
            findings.push(Finding::new(Code::SlcNotYetValid, format!("The SLC becomes valid on {b}; it is now {}.", policy.now), "Check this computer's clock; if it is right, wait or ask why the certificate is post-dated.").at(at(s)));
        }
        report.verdict.issuer = Some(s.issuer.object.label().to_owned());
        report.verdict.server = s.principal.as_ref().and_then(|p| p.object.name.clone());
        report.verdict.server_guid = s.principal.as_ref().map(|p| p.object.id.clone());
        if let Some(req) = request {
            let pairing = pair(s, req);
            if !pairing.guid_matches {
                findings.push(Finding::new(Code::PairGuidMismatch, format!("This certificate does not answer this request: it is issued to server {} but the request is from {}.", pairing.certificate_guid, pairing.request_guid.as_deref().unwrap_or("(no GUID)")), "Do not carry it back. Find the certificate downloaded for this request, or submit this request again.").at(at(s)));
            }
            if !pairing.key_matches {
                findings.push(Finding::new(Code::PairKeyMismatch, "This certificate does not answer this request: its server key differs from the key in the request.", "Do not carry it back. Find the certificate downloaded for this request, or submit this request again.").at(at(s)));
            }
            report.pairing = Some(pairing);
        }
    }
    report.chain = chain.clone();
    // Signature results of the chain's certificates decide; findings on other documents
    // (e.g. a licence in the same file) are kept but do not invalidate the chain.
    // Errors on documents that are not part of an SLC chain and were read correctly (e.g. a
    // licence in the same file) are shown but do not decide the verdict. An error on a
    // certificate of chain type, or on a document that could not be read, always does: a
    // damaged SLC must never leave the rest of the chain to be judged "valid".
    let outside: Vec<usize> = report
        .documents
        .iter()
        .filter(|d| {
            !chain.contains(&d.cert.index)
                && !is_chain_type(&d.cert)
                && !d
                    .cert
                    .findings
                    .iter()
                    .any(|f| f.code == Code::XrmlMalformed)
        })
        .map(|d| d.cert.offset)
        .collect();
    let chain_errors = findings.iter().any(|f| {
        f.severity == crate::finding::Severity::Error
            && f.location.is_none_or(|l| !outside.contains(&l.offset))
    });
    let sigs_ok = chain.iter().all(|&i| {
        report
            .documents
            .get(i)
            .and_then(|v| v.signature.as_ref())
            .is_some_and(SignatureStatus::is_valid)
    });
    let valid = anchored.is_some() && sigs_ok && !chain_errors;
    report.verdict.valid = valid;
    report.verdict.expires = expires;
    report.verdict.days_remaining = expires.map(|e| policy.now.days_until(e));
    if valid {
        report.verified = Some(VerifiedChain {
            length: chain.len(),
            expires,
            anchor: anchored.unwrap_or_default(),
        });
    }
    report.findings = findings;
    report
}

fn shape_findings(chain: &[usize], docs: &[&Certificate], findings: &mut Vec<Finding>) {
    // §2.2.9.3: SLC ← enrollment service ← enrollment CA ← CA ← root.
    let expected: [(&str, &[&str]); 4] = [
        (SLC_TYPE, &[ENROLLMENT_SERVICE, SELF_ENROLLMENT_SERVICE]),
        (SLC_TYPE, &[ENROLLMENT_CA]),
        (CA_TYPE, &[PRODUCTION_CA]),
        (CA_TYPE, &[MICROSOFT_DRM_PRODUCTION_ROOT]),
    ];
    for (pos, (&i, (ty, issuers))) in chain.iter().zip(expected.iter()).enumerate() {
        let Some(c) = docs.get(i) else { continue };
        let issuer = c.issuer.object.label();
        if c.descriptor.object_type != *ty || !issuers.contains(&issuer) {
            findings.push(Finding::new(Code::ChainUnexpectedShape, format!("Certificate {} of the chain is \"{}\" issued by \"{issuer}\"; position {} of an SLC chain is \"{ty}\" issued by {}.", c.index + 1, c.descriptor.object_type, pos + 1, issuers.join(" or ")), "Check that this is an SLC chain from the Microsoft enrollment service.").at(at(c)));
        }
    }
}

fn pair(slc: &Certificate, req: &RequestSummary) -> Pairing {
    let principal = slc.principal.as_ref();
    let cert_guid = principal.map(|p| p.object.id.clone()).unwrap_or_default();
    let norm = crate::request::normalise_guid(&cert_guid).map(|(n, _)| n);
    let cert_key = principal.and_then(|p| p.key.as_ref());
    Pairing {
        request_guid: req.guid.clone(),
        guid_matches: norm.is_some() && norm == req.guid,
        certificate_guid: cert_guid,
        request_key: req.key.as_ref().map(|k| k.fingerprint.clone()),
        certificate_key: cert_key.map(|k| k.fingerprint()),
        key_matches: matches!((cert_key, req.rsa_key.as_ref()), (Some(a), Some(b)) if a == b),
        request_name: req.server_name.clone(),
        certificate_name: principal.and_then(|p| p.object.name.clone()),
        request_url: req.cluster_url.clone(),
        certificate_url: principal.and_then(|p| p.object.url.clone()),
    }
}
