//! The receipt as users keep it: schema `slc-courier-receipt/2`, written with its own types.
//!
//! The internal model (reports, verdicts, findings) may change shape; these types may not. Each
//! field here is a promise in `docs/receipt.md` — added within a version, never renamed, removed
//! or retyped — and `crates/cli/tests/golden.rs` pins every path and JSON type. Every value is
//! converted here, by name, from the internal model: an internal rename cannot reach the file.
//!
//! One part is the internal model on purpose: a finding's `params` are the typed values of that
//! finding (its variant's fields), documented per code in `docs/findings.md`.

use super::{FarSideResult, Receipt};
use crate::chain::{AnchorInfo, Pairing as InternalPairing, Verdict as InternalVerdict};
use crate::finding::{Finding as InternalFinding, Subject as InternalSubject, What};
use crate::key::KeyForm;
use crate::lang::Lang;
use crate::request::{Product, RequestKind, RequestReport as InternalRequestReport};
use crate::text::Encoding;
use crate::time::UtcTime;
use serde::Serialize;

/// The receipt document (`schema`: `slc-courier-receipt/2`).
#[derive(Debug, Serialize)]
pub struct ReceiptV2<'a> {
    schema: &'static str,
    tool: Tool<'a>,
    checked_at: String,
    request: Option<File<'a>>,
    certificate: Option<File<'a>>,
    request_report: Option<RequestReport<'a>>,
    verdict: Option<Verdict<'a>>,
    pairing: Option<Pairing<'a>>,
    chain: Vec<Cert<'a>>,
    findings: Vec<Finding<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    far_side: Option<FarSide>,
    #[serde(skip_serializing_if = "Option::is_none")]
    checklist: Option<&'a [String]>,
}

#[derive(Debug, Serialize)]
struct Tool<'a> {
    name: &'a str,
    version: &'a str,
    build_id: &'a str,
    single_file_sha256: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct File<'a> {
    name: Option<&'a str>,
    size: usize,
    sha256: &'a str,
}

#[derive(Debug, Serialize)]
struct RequestReport<'a> {
    file_name: Option<&'a str>,
    size: usize,
    sha256: &'a str,
    encoding: &'static str,
    kind: &'static str,
    summary: Summary<'a>,
    findings: Vec<Finding<'a>>,
}

#[derive(Debug, Serialize)]
struct Summary<'a> {
    server_name: Option<&'a str>,
    cluster_url: Option<&'a str>,
    guid: Option<&'a str>,
    version: Option<&'a str>,
    sku: Option<&'a str>,
    revocation_type: Option<&'a str>,
    revocation_authorities: usize,
    key: Option<Key<'a>>,
    product: Option<&'static str>,
}

#[derive(Debug, Serialize)]
struct Key<'a> {
    form: &'static str,
    bits: usize,
    exponent: u64,
    fingerprint: &'a str,
}

#[derive(Debug, Serialize)]
struct Verdict<'a> {
    outcome: &'static str,
    genuine: bool,
    answers_request: Option<bool>,
    valid: bool,
    reason: Option<&'static str>,
    expires: Option<String>,
    days_remaining: Option<i64>,
    claimed_expires: Option<String>,
    issuer: Option<&'a str>,
    server: Option<&'a str>,
    server_guid: Option<&'a str>,
    anchor: Option<Anchor<'a>>,
    anchor_is_microsoft: bool,
    anchor_is_test: bool,
}

#[derive(Debug, Serialize)]
struct Anchor<'a> {
    name: &'a str,
    fingerprint: &'a str,
    microsoft: bool,
}

#[derive(Debug, Serialize)]
struct Pairing<'a> {
    request_has_errors: bool,
    request_guid: Option<&'a str>,
    certificate_guid: &'a str,
    guid_matches: bool,
    request_key: Option<&'a str>,
    certificate_key: Option<&'a str>,
    key_matches: bool,
    request_name: Option<&'a str>,
    certificate_name: Option<&'a str>,
    request_url: Option<&'a str>,
    certificate_url: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct Cert<'a> {
    kind: &'a str,
    issuer: &'a str,
    principal: Option<&'a str>,
    issued: Option<String>,
    authority_until: Option<String>,
    signature_valid: bool,
}

#[derive(Debug, Serialize)]
struct FarSide {
    request: Option<&'static str>,
    certificate: Option<&'static str>,
}

/// One finding, its words in the receipt's language.
#[derive(Debug, Serialize)]
pub(crate) struct Finding<'a> {
    code: &'static str,
    severity: &'static str,
    subject: Subject,
    location: Option<Location>,
    params: &'a What,
    message: String,
    fix: String,
}

#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
enum Subject {
    File,
    Document { index: usize },
    Chain,
    Request,
}

#[derive(Debug, Serialize)]
struct Location {
    offset: usize,
    line: usize,
    column: usize,
}

fn time(t: Option<UtcTime>) -> Option<String> {
    t.map(|t| t.to_string())
}

impl<'a> Finding<'a> {
    pub(crate) fn of(f: &'a InternalFinding, lang: Lang) -> Finding<'a> {
        let text = f.text(lang);
        Finding {
            code: f.code.id(),
            severity: f.severity.as_str(),
            subject: match f.subject {
                InternalSubject::File => Subject::File,
                InternalSubject::Document { index } => Subject::Document { index },
                InternalSubject::Chain => Subject::Chain,
                InternalSubject::Request => Subject::Request,
            },
            location: f.location.map(|l| Location {
                offset: l.offset,
                line: l.line,
                column: l.column,
            }),
            params: f.what(),
            message: text.message,
            fix: text.fix,
        }
    }
}

fn findings(fs: &[InternalFinding], lang: Lang) -> Vec<Finding<'_>> {
    fs.iter().map(|f| Finding::of(f, lang)).collect()
}

fn encoding(e: Encoding) -> &'static str {
    match e {
        Encoding::Ascii => "ascii",
        Encoding::Utf8 => "utf8",
        Encoding::Utf8Bom => "utf8-bom",
        Encoding::Utf16Le => "utf16-le",
        Encoding::Utf16Be => "utf16-be",
        Encoding::Invalid => "invalid",
    }
}

fn request_kind(k: RequestKind) -> &'static str {
    match k {
        RequestKind::Enrollment => "enrollment",
        RequestKind::Renewal => "renewal",
        RequestKind::Unknown => "unknown",
    }
}

fn product(p: Product) -> &'static str {
    match p {
        Product::Rms1 => "rms1",
        Product::AdRms => "ad-rms",
        Product::Unknown => "unknown",
    }
}

fn key_form(f: KeyForm) -> &'static str {
    match f {
        KeyForm::CapiPublicKeyBlob => "capi-public-key-blob",
        KeyForm::DerRsaPublicKey => "der-rsa-public-key",
        KeyForm::DerSubjectPublicKeyInfo => "der-subject-public-key-info",
        KeyForm::Xrml => "xrml",
    }
}

fn request_report(r: &InternalRequestReport, lang: Lang) -> RequestReport<'_> {
    let s = &r.summary;
    RequestReport {
        file_name: r.file_name.as_deref(),
        size: r.size,
        sha256: &r.sha256,
        encoding: encoding(r.encoding),
        kind: request_kind(r.kind),
        summary: Summary {
            server_name: s.server_name.as_deref(),
            cluster_url: s.cluster_url.as_deref(),
            guid: s.guid.as_deref(),
            version: s.version.as_deref(),
            sku: s.sku.as_deref(),
            revocation_type: s.revocation_type.as_deref(),
            revocation_authorities: s.revocation_authorities,
            key: s.key.as_ref().map(|k| Key {
                form: key_form(k.form),
                bits: k.bits,
                exponent: k.exponent,
                fingerprint: &k.fingerprint,
            }),
            product: s.product.map(product),
        },
        findings: findings(&r.findings, lang),
    }
}

fn anchor(a: &AnchorInfo) -> Anchor<'_> {
    Anchor {
        name: &a.name,
        fingerprint: &a.fingerprint,
        microsoft: a.microsoft,
    }
}

fn verdict(v: &InternalVerdict) -> Verdict<'_> {
    Verdict {
        outcome: v.outcome.id(),
        genuine: v.genuine,
        answers_request: v.answers_request,
        valid: v.valid,
        reason: v.reason.map(|c| c.id()),
        expires: time(v.expires),
        days_remaining: v.days_remaining,
        claimed_expires: time(v.claimed_expires),
        issuer: v.issuer.as_deref(),
        server: v.server.as_deref(),
        server_guid: v.server_guid.as_deref(),
        anchor: v.anchor.as_ref().map(anchor),
        anchor_is_microsoft: v.anchor_is_microsoft,
        anchor_is_test: v.anchor_is_test,
    }
}

fn pairing(p: &InternalPairing) -> Pairing<'_> {
    Pairing {
        request_has_errors: p.request_has_errors,
        request_guid: p.request_guid.as_deref(),
        certificate_guid: &p.certificate_guid,
        guid_matches: p.guid_matches,
        request_key: p.request_key.as_deref(),
        certificate_key: p.certificate_key.as_deref(),
        key_matches: p.key_matches,
        request_name: p.request_name.as_deref(),
        certificate_name: p.certificate_name.as_deref(),
        request_url: p.request_url.as_deref(),
        certificate_url: p.certificate_url.as_deref(),
    }
}

impl<'a> ReceiptV2<'a> {
    /// The receipt's document, its words in `lang`.
    pub fn of(r: &'a Receipt, lang: Lang) -> ReceiptV2<'a> {
        let file = |f: &'a super::FileEntry| File {
            name: f.name.as_deref(),
            size: f.size,
            sha256: &f.sha256,
        };
        ReceiptV2 {
            schema: super::RECEIPT_SCHEMA,
            tool: Tool {
                name: &r.tool.name,
                version: &r.tool.version,
                build_id: &r.tool.build_id,
                single_file_sha256: r.tool.single_file_sha256.as_deref(),
            },
            checked_at: r.checked_at.to_string(),
            request: r.request.as_ref().map(file),
            certificate: r.certificate.as_ref().map(file),
            request_report: r.request_report.as_ref().map(|q| request_report(q, lang)),
            verdict: r.verdict.as_ref().map(verdict),
            pairing: r.pairing.as_ref().map(pairing),
            chain: r
                .chain
                .iter()
                .map(|c| Cert {
                    kind: &c.kind,
                    issuer: &c.issuer,
                    principal: c.principal.as_deref(),
                    issued: time(c.issued),
                    authority_until: time(c.authority_until),
                    signature_valid: c.signature_valid,
                })
                .collect(),
            findings: findings(&r.findings, lang),
            far_side: r.far_side.map(|f| FarSide {
                request: f.request.map(FarSideResult::id),
                certificate: f.certificate.map(FarSideResult::id),
            }),
            checklist: r.checklist.as_deref(),
        }
    }
}

/// The `inspect --json` document (`schema`: `slc-courier-inspect/1`): every XrML document of
/// each file as read, with its signature check. Like the receipt, written with its own types.
#[derive(Debug, Serialize)]
pub struct InspectV1<'a> {
    schema: &'static str,
    files: Vec<InspectFile<'a>>,
}

/// The schema id of [`InspectV1`].
pub const INSPECT_SCHEMA: &str = "slc-courier-inspect/1";

/// One inspected file as the CLI holds it: name, SHA-256, documents, wrapper, file findings.
pub type InspectedFile<'a> = (
    &'a str,
    &'a str,
    &'a [crate::chain::CertView],
    crate::xrml::Wrapper,
    &'a [InternalFinding],
);

#[derive(Debug, Serialize)]
struct InspectFile<'a> {
    name: &'a str,
    sha256: &'a str,
    wrapper: &'static str,
    documents: Vec<InspectDocument<'a>>,
    findings: Vec<Finding<'a>>,
}

#[derive(Debug, Serialize)]
struct InspectDocument<'a> {
    index: usize,
    offset: usize,
    slot: Option<&'a str>,
    location: Location,
    purpose: Option<&'a str>,
    body_type: &'a str,
    descriptor: Object<'a>,
    issued: Option<String>,
    validity: Option<(Option<String>, Option<String>)>,
    issue_range: Option<(Option<String>, Option<String>)>,
    issuer: Party<'a>,
    principal: Option<Party<'a>>,
    security_levels: Vec<(&'a str, &'a str)>,
    signature: Option<SignatureBlock<'a>>,
    findings: Vec<Finding<'a>>,
    signature_check: Option<SignatureCheck>,
}

#[derive(Debug, Serialize)]
struct Object<'a> {
    object_type: &'a str,
    id_type: &'a str,
    id: &'a str,
    name: Option<&'a str>,
    url: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct Party<'a> {
    object: Object<'a>,
    key_bits: Option<usize>,
    key_fingerprint: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct SignatureBlock<'a> {
    digest_algorithm: &'a str,
    algorithm: &'a str,
}

#[derive(Debug, Serialize)]
struct SignatureCheck {
    hash: Option<&'static str>,
    digest_form: Option<&'static str>,
    signature_valid: bool,
}

fn object(o: &crate::xrml::ObjectInfo) -> Object<'_> {
    Object {
        object_type: &o.object_type,
        id_type: &o.id_type,
        id: &o.id,
        name: o.name.as_deref(),
        url: o.url.as_deref(),
    }
}

fn party(p: &crate::xrml::Party) -> Party<'_> {
    Party {
        object: object(&p.object),
        key_bits: p.key_bits,
        key_fingerprint: p.key_fingerprint.as_deref(),
    }
}

fn range(
    r: Option<(Option<UtcTime>, Option<UtcTime>)>,
) -> Option<(Option<String>, Option<String>)> {
    r.map(|(a, b)| (time(a), time(b)))
}

fn wrapper(w: crate::xrml::Wrapper) -> &'static str {
    use crate::xrml::Wrapper;
    match w {
        Wrapper::Bare => "bare",
        Wrapper::SoapChain => "soap-chain",
        Wrapper::EscapedResponse => "escaped-response",
    }
}

fn document(d: &crate::chain::CertView, lang: Lang) -> InspectDocument<'_> {
    use crate::policy::HashAlg;
    use crate::xrml::BodyForm;
    let c = &d.cert;
    InspectDocument {
        index: c.index,
        offset: c.offset,
        slot: c.slot.as_deref(),
        location: Location {
            offset: c.location.offset,
            line: c.location.line,
            column: c.location.column,
        },
        purpose: c.purpose.as_deref(),
        body_type: &c.body_type,
        descriptor: object(&c.descriptor),
        issued: time(c.issued),
        validity: range(c.validity),
        issue_range: range(c.issue_range),
        issuer: party(&c.issuer),
        principal: c.principal.as_ref().map(party),
        security_levels: c
            .security_levels
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect(),
        signature: c.signature.as_ref().map(|s| SignatureBlock {
            digest_algorithm: &s.digest_algorithm,
            algorithm: &s.algorithm,
        }),
        findings: findings(&c.findings, lang),
        signature_check: d.signature.as_ref().map(|s| SignatureCheck {
            // Written as version 1 first wrote them (the enum's names).
            hash: s.hash.map(|h| match h {
                HashAlg::Sha1 => "Sha1",
                HashAlg::Sha256 => "Sha256",
            }),
            digest_form: s.digest_form.map(|f| match f {
                BodyForm::Raw => "raw",
                BodyForm::Stripped => "stripped",
            }),
            signature_valid: s.signature_valid,
        }),
    }
}

impl<'a> InspectV1<'a> {
    /// The document for `files`, words in `lang`.
    pub fn of(files: &[InspectedFile<'a>], lang: Lang) -> InspectV1<'a> {
        InspectV1 {
            schema: INSPECT_SCHEMA,
            files: files
                .iter()
                .map(|&(name, sha256, docs, w, fs)| InspectFile {
                    name,
                    sha256,
                    wrapper: wrapper(w),
                    documents: docs.iter().map(|d| document(d, lang)).collect(),
                    findings: findings(fs, lang),
                })
                .collect(),
        }
    }
}
