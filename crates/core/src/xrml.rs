//! XrML 1.2 certificates: finding every document in a file, whatever the wrapper, keeping
//! its exact source text, reading it into a typed model, and checking its signature by the
//! rule in `shared/docs/rms-formats.md` §4.

use crate::finding::{Code, Finding, Location};
use crate::key::{base64_decode, RsaKey};
use crate::policy::{HashAlg, MAX_CERT_BYTES, MAX_XRML_DOCUMENTS};
use crate::text::{Decoded, LineIndex};
use crate::time::UtcTime;
use crate::xml::{self, Element};
use serde::Serialize;

/// How the documents were wrapped in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Wrapper {
    /// `<XrML>` documents one after another (possibly inside other data).
    Bare,
    /// SOAP `CertificateChain/Certificate` with literal XrML children.
    SoapChain,
    /// The offline enrollment response: escaped XrML strings in `LicensorCertificateChain`.
    EscapedResponse,
}

/// One XrML document as found: its exact text and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDoc {
    /// The document's text, from `<XrML` to `</XrML>`, decoded and (for escaped wrappers)
    /// unescaped, otherwise exactly as written.
    pub text: String,
    /// Byte offset in the file of the document (or of the element holding it, when escaped).
    pub offset: usize,
    /// The wrapper element that held it (`SLC`, `CACert`, …), for escaped responses.
    pub slot: Option<String>,
    /// Where it starts in the file.
    pub location: Location,
}

/// What [`read_documents`] found.
#[derive(Debug, Clone)]
pub struct ReadResult {
    /// The documents in file order.
    pub docs: Vec<SourceDoc>,
    /// How they were wrapped.
    pub wrapper: Wrapper,
    /// Problems found while reading.
    pub findings: Vec<Finding>,
}

fn find_all(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    if needle.is_empty() || hay.len() < needle.len() {
        return out;
    }
    let mut i = 0;
    while let Some(p) = hay
        .get(i..)
        .and_then(|h| h.windows(needle.len()).position(|w| w == needle))
    {
        out.push(i + p);
        i += p + needle.len();
    }
    out
}

/// Starts of `<XrML` tags (followed by whitespace or `>`).
fn xrml_starts(hay: &[u8]) -> Vec<usize> {
    find_all(hay, b"<XrML")
        .into_iter()
        .filter(|&p| matches!(hay.get(p + 5), Some(b' ' | b'\t' | b'\r' | b'\n' | b'>')))
        .collect()
}

/// Cuts `<XrML …>…</XrML>` documents out of `hay`; `at` maps a position to a file location.
fn cut_documents(
    hay: &str,
    slot: Option<&str>,
    at: &dyn Fn(usize) -> Location,
    docs: &mut Vec<SourceDoc>,
    findings: &mut Vec<Finding>,
) {
    for start in xrml_starts(hay.as_bytes()) {
        if docs.len() >= MAX_XRML_DOCUMENTS {
            findings.push(
                Finding::new(
                    Code::XrmlMalformed,
                    format!(
                        "More than {MAX_XRML_DOCUMENTS} XrML documents; the rest were not read."
                    ),
                    "Split the file; a certificate chain has four documents.",
                )
                .at(Some(at(start))),
            );
            return;
        }
        let rest = hay.get(start..).unwrap_or("");
        match rest.find("</XrML>") {
            Some(end) => docs.push(SourceDoc {
                text: rest.get(..end + 7).unwrap_or("").to_owned(),
                offset: at(start).offset,
                slot: slot.map(str::to_owned),
                location: at(start),
            }),
            None => findings.push(
                Finding::new(
                    Code::XrmlMalformed,
                    "An XrML document starts here but the file ends before its </XrML>.",
                    "The file is truncated. Download the certificate again.",
                )
                .at(Some(at(start))),
            ),
        }
    }
}

/// Finds every XrML document in `bytes`: bare, inside SOAP, escaped inside the offline
/// enrollment response, in UTF-8 or UTF-16, or embedded in binary data.
pub fn read_documents(bytes: &[u8]) -> ReadResult {
    let mut r = ReadResult {
        docs: vec![],
        wrapper: Wrapper::Bare,
        findings: vec![],
    };
    if bytes.len() > MAX_CERT_BYTES {
        r.findings.push(Finding::new(
            Code::InputTooLarge,
            format!(
                "The file is {} bytes; the limit is {MAX_CERT_BYTES}.",
                bytes.len()
            ),
            "Choose the downloaded certificate chain; it is a few kilobytes.",
        ));
        return r;
    }
    let utf16 = matches!(
        bytes,
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] | [b'<', 0, ..] | [0, b'<', ..]
    );
    let decoded;
    let text: std::borrow::Cow<'_, str>;
    let at: Box<dyn Fn(usize) -> Location + '_>;
    if utf16 {
        decoded = Decoded::new(bytes);
        text = std::borrow::Cow::Borrowed(decoded.text.as_str());
        let locator = crate::text::Locator::new(&decoded);
        at = Box::new(move |p| locator.location(p));
    } else {
        // Binary-safe: cut on raw bytes, so XrML inside other data is found.
        text = String::from_utf8_lossy(bytes);
        let index = LineIndex::new(bytes);
        at = Box::new(move |p| index.location(p));
    }
    if !utf16 && !matches!(text, std::borrow::Cow::Borrowed(_)) {
        // Cut from raw bytes, then require each document to be valid UTF-8.
        for start in xrml_starts(bytes) {
            let rest = bytes.get(start..).unwrap_or(&[]);
            let Some(end) = rest.windows(7).position(|w| w == b"</XrML>") else {
                r.findings.push(
                    Finding::new(
                        Code::XrmlMalformed,
                        "An XrML document starts here but the file ends before its </XrML>.",
                        "The file is truncated. Download the certificate again.",
                    )
                    .at(Some(at(start))),
                );
                continue;
            };
            let doc = rest.get(..end + 7).unwrap_or(&[]);
            match std::str::from_utf8(doc) {
                Ok(s) => r.docs.push(SourceDoc {
                    text: s.to_owned(),
                    offset: start,
                    slot: None,
                    location: at(start),
                }),
                Err(e) => r.findings.push(
                    Finding::new(
                        Code::XrmlMalformed,
                        "An XrML document contains bytes that are not UTF-8.",
                        "The file was damaged in transfer. Download the certificate again.",
                    )
                    .at(Some(at(start + e.valid_up_to()))),
                ),
            }
            if r.docs.len() >= MAX_XRML_DOCUMENTS {
                break;
            }
        }
    } else {
        cut_documents(&text, None, &*at, &mut r.docs, &mut r.findings);
    }
    if !r.docs.is_empty() {
        if text.contains("CertificateChain") {
            r.wrapper = Wrapper::SoapChain;
            r.findings.push(Finding::new(
                Code::ResponseWrapper,
                "The certificates came inside a SOAP CertificateChain and were read from it.",
                "Nothing to fix.",
            ));
        }
        return r;
    }
    if text.contains("&lt;XrML") {
        match xml::parse(text.trim_start_matches('\u{feff}')) {
            Ok(doc) => {
                let mut holders = Vec::new();
                doc.root.walk(&mut |e| {
                    if e.text.contains("<XrML") {
                        holders.push(e);
                    }
                });
                for h in holders {
                    let loc = at(h.start);
                    cut_documents(
                        &h.text,
                        Some(&h.local),
                        &|_| loc,
                        &mut r.docs,
                        &mut r.findings,
                    );
                }
                r.wrapper = Wrapper::EscapedResponse;
                r.findings.push(Finding::new(Code::ResponseWrapper, "The certificates came as escaped text inside the offline enrollment response (LicensorCertificateChain) and were read from it.", "Nothing to fix."));
            }
            Err(e) => r.findings.push(
                Finding::new(
                    Code::XrmlMalformed,
                    format!(
                        "The enrollment response holding the certificates cannot be read: {e}."
                    ),
                    "Download the certificate again.",
                )
                .at(Some(at(0))),
            ),
        }
        if !r.docs.is_empty() {
            return r;
        }
    }
    if r.findings.iter().all(|f| f.code != Code::XrmlMalformed) {
        if text.contains("EnrollParameters") {
            r.findings.push(Finding::new(Code::RequestNotCertificate, "This file is the enrollment request (EnrollParameters), not the certificate the service returned.", "Use it in step 1. Here, choose the certificate chain file you downloaded from the enrollment site."));
        } else {
            r.findings.push(Finding::new(Code::NoXrmlFound, if bytes.is_empty() { "The file is empty.".to_owned() } else { "No <XrML> certificate was found in the file.".to_owned() }, "Choose the certificate chain file downloaded from the enrollment service (it contains <XrML> documents)."));
        }
    }
    r
}

/// An XrML OBJECT: type, ID and the optional name and address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct ObjectInfo {
    /// `OBJECT/@type`.
    pub object_type: String,
    /// `ID/@type` (`MS-GUID`, `ascii-tag`, …).
    pub id_type: String,
    /// `ID` text.
    pub id: String,
    /// `NAME`.
    pub name: Option<String>,
    /// `ADDRESS type="URL"`.
    pub url: Option<String>,
}

impl ObjectInfo {
    fn from(el: Option<&Element>) -> ObjectInfo {
        let Some(o) = el else {
            return ObjectInfo::default();
        };
        let id = o.child("ID");
        ObjectInfo {
            object_type: o.attr("type").unwrap_or("").to_owned(),
            id_type: id.and_then(|i| i.attr("type")).unwrap_or("").to_owned(),
            id: id.map(|i| i.trimmed().to_owned()).unwrap_or_default(),
            name: o.child("NAME").map(|n| n.trimmed().to_owned()),
            url: o.child("ADDRESS").map(|n| n.trimmed().to_owned()),
        }
    }

    /// The ID compared case-insensitively and without braces for GUIDs.
    pub fn same_id(&self, other: &ObjectInfo) -> bool {
        let norm = |s: &str| {
            s.trim()
                .trim_start_matches('{')
                .trim_end_matches('}')
                .to_ascii_lowercase()
        };
        norm(&self.id) == norm(&other.id)
    }

    /// The best label: the name, else the ID.
    pub fn label(&self) -> &str {
        self.name
            .as_deref()
            .filter(|n| !n.is_empty())
            .unwrap_or(&self.id)
    }
}

/// An issuer or principal: object and key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Party {
    /// The OBJECT.
    pub object: ObjectInfo,
    /// The key, when it could be read.
    #[serde(skip)]
    pub key: Option<RsaKey>,
    /// Key size in bits.
    pub key_bits: Option<usize>,
    /// Key fingerprint (SHA-256 of the big-endian modulus).
    pub key_fingerprint: Option<String>,
}

/// The SIGNATURE block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignatureBlock {
    /// `DIGEST/ALGORITHM` (`SHA1`, `SHA256`).
    pub digest_algorithm: String,
    /// `DIGEST/VALUE`, decoded.
    #[serde(skip)]
    pub digest: Vec<u8>,
    /// `SIGNATURE/ALGORITHM`.
    pub algorithm: String,
    /// `SIGNATURE/VALUE`, decoded (big-endian).
    #[serde(skip)]
    pub value: Vec<u8>,
}

/// One certificate (or licence), read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Certificate {
    /// Position among the documents in the file (0-based).
    pub index: usize,
    /// Byte offset of the document in the file.
    pub offset: usize,
    /// The wrapper slot it came from (escaped responses).
    pub slot: Option<String>,
    /// Where it starts in the file.
    pub location: Location,
    /// `XrML/@purpose` (use licences say `Content-License`).
    pub purpose: Option<String>,
    /// `BODY/@type` (`LICENSE`, `Microsoft Rights Label`).
    pub body_type: String,
    /// `DESCRIPTOR/OBJECT`.
    pub descriptor: ObjectInfo,
    /// `ISSUEDTIME`.
    pub issued: Option<UtcTime>,
    /// `VALIDITYTIME/FROM`, `UNTIL`.
    pub validity: Option<(Option<UtcTime>, Option<UtcTime>)>,
    /// `ISSUE` right's `RANGETIME` FROM/UNTIL: the certificate's authority.
    pub issue_range: Option<(Option<UtcTime>, Option<UtcTime>)>,
    /// `BODY/ISSUER`.
    pub issuer: Party,
    /// The first `ISSUEDPRINCIPALS/PRINCIPAL`.
    pub principal: Option<Party>,
    /// `SECURITYLEVEL` name/value pairs of the principal.
    pub security_levels: Vec<(String, String)>,
    /// The signature block.
    pub signature: Option<SignatureBlock>,
    /// The exact source text of the document.
    #[serde(skip)]
    pub source: String,
    /// Byte span of `<BODY …>…</BODY>` inside `source`.
    #[serde(skip)]
    pub body_span: (usize, usize),
    /// Problems reading this document.
    pub findings: Vec<Finding>,
}

impl Certificate {
    /// A short kind label: the descriptor type, or the body type for licences.
    pub fn kind(&self) -> &str {
        if !self.descriptor.object_type.is_empty() {
            &self.descriptor.object_type
        } else if let Some(p) = &self.purpose {
            p
        } else {
            &self.body_type
        }
    }

    /// The exact BODY text.
    pub fn body_text(&self) -> &str {
        self.source
            .get(self.body_span.0..self.body_span.1)
            .unwrap_or("")
    }
}

fn party(el: Option<&Element>, what: &str, findings: &mut Vec<Finding>, at: Location) -> Party {
    let object = ObjectInfo::from(el.and_then(|e| e.child("OBJECT")));
    let pk = el.and_then(|e| e.child("PUBLICKEY"));
    let mut exp = None;
    let mut modulus = None;
    if let Some(pk) = pk {
        for p in pk.children_named("PARAMETER") {
            match p.attr("name") {
                Some("public-exponent") => exp = p.child("VALUE").map(|v| v.trimmed().to_owned()),
                Some("modulus") => modulus = p.child("VALUE").map(|v| v.trimmed().to_owned()),
                _ => {}
            }
        }
    }
    let key = match (exp, modulus) {
        (Some(e), Some(m)) => match RsaKey::from_xrml(&e, &m) {
            Ok(k) => Some(k),
            Err(err) => {
                findings.push(
                    Finding::new(
                        Code::XrmlMalformed,
                        format!("The {what} public key cannot be read: {err}."),
                        "The certificate is damaged. Download it again.",
                    )
                    .at(Some(at)),
                );
                None
            }
        },
        _ => None,
    };
    Party {
        key_bits: key.as_ref().map(RsaKey::bits),
        key_fingerprint: key.as_ref().map(RsaKey::fingerprint),
        object,
        key,
    }
}

fn time_of(
    el: Option<&Element>,
    what: &str,
    findings: &mut Vec<Finding>,
    at: Location,
) -> Option<UtcTime> {
    let el = el?;
    let t = UtcTime::parse(el.trimmed());
    if t.is_none() {
        findings.push(
            Finding::new(
                Code::TimeInvalid,
                format!(
                    "{what} \"{}\" is not a time (YYYY-MM-DDThh:mm).",
                    el.trimmed()
                ),
                "The certificate is damaged. Download it again.",
            )
            .at(Some(at)),
        );
    }
    t
}

/// Reads one document into a [`Certificate`]. Problems become findings on it.
pub fn parse_certificate(doc: &SourceDoc, index: usize) -> Certificate {
    let at = doc.location;
    let mut c = Certificate {
        index,
        offset: doc.offset,
        slot: doc.slot.clone(),
        location: doc.location,
        purpose: None,
        body_type: String::new(),
        descriptor: ObjectInfo::default(),
        issued: None,
        validity: None,
        issue_range: None,
        issuer: Party {
            object: ObjectInfo::default(),
            key: None,
            key_bits: None,
            key_fingerprint: None,
        },
        principal: None,
        security_levels: vec![],
        signature: None,
        source: doc.text.clone(),
        body_span: (0, 0),
        findings: vec![],
    };
    let parsed = match xml::parse(&doc.text) {
        Ok(d) => d,
        Err(e) => {
            c.findings.push(
                Finding::new(
                    Code::XrmlMalformed,
                    format!("XrML document {} is not well-formed: {e}.", index + 1),
                    "The certificate was damaged or edited. Download it again.",
                )
                .at(Some(at)),
            );
            return c;
        }
    };
    let root = parsed.root;
    c.purpose = root.attr("purpose").map(str::to_owned);
    let Some(body) = root.child("BODY") else {
        c.findings.push(
            Finding::new(
                Code::XrmlMalformed,
                format!("XrML document {} has no BODY.", index + 1),
                "Download the certificate again.",
            )
            .at(Some(at)),
        );
        return c;
    };
    c.body_span = (body.start, body.end);
    c.body_type = body.attr("type").unwrap_or("").to_owned();
    c.descriptor = ObjectInfo::from(body.path(&["DESCRIPTOR", "OBJECT"]));
    c.issued = time_of(body.child("ISSUEDTIME"), "ISSUEDTIME", &mut c.findings, at);
    if let Some(v) = body.child("VALIDITYTIME") {
        c.validity = Some((
            time_of(v.child("FROM"), "VALIDITYTIME FROM", &mut c.findings, at),
            time_of(v.child("UNTIL"), "VALIDITYTIME UNTIL", &mut c.findings, at),
        ));
    }
    c.issuer = party(body.child("ISSUER"), "issuer", &mut c.findings, at);
    if c.issuer.key.is_none() && !c.findings.iter().any(|f| f.code == Code::XrmlMalformed) {
        c.findings.push(
            Finding::new(
                Code::XrmlMalformed,
                format!("XrML document {} has no ISSUER/PUBLICKEY.", index + 1),
                "Download the certificate again.",
            )
            .at(Some(at)),
        );
    }
    if let Some(p) = body.path(&["ISSUEDPRINCIPALS", "PRINCIPAL"]) {
        c.principal = Some(party(Some(p), "principal", &mut c.findings, at));
        c.security_levels = p
            .children_named("SECURITYLEVEL")
            .map(|s| {
                (
                    s.attr("name").unwrap_or("").to_owned(),
                    s.attr("value").unwrap_or("").to_owned(),
                )
            })
            .collect();
    }
    // MS-RMPR §3.1.6.2: the certificate's authority is the RANGETIME of its ISSUE right.
    let mut range = None;
    if let Some(work) = body.child("WORK") {
        work.walk(&mut |e| {
            if range.is_none() && e.local == "RIGHT" && e.attr("name") == Some("ISSUE") {
                range = e.path(&["CONDITIONLIST", "TIME", "RANGETIME"]);
            }
        });
    }
    if let Some(rt) = range {
        c.issue_range = Some((
            time_of(
                rt.child("FROM"),
                "ISSUE RANGETIME FROM",
                &mut c.findings,
                at,
            ),
            time_of(
                rt.child("UNTIL"),
                "ISSUE RANGETIME UNTIL",
                &mut c.findings,
                at,
            ),
        ));
    }
    if let Some(sig) = root.child("SIGNATURE") {
        let digest = sig.child("DIGEST");
        let digest_value = digest
            .and_then(|d| d.child("VALUE"))
            .map(|v| base64_decode(v.trimmed()));
        let value = sig.child("VALUE").map(|v| base64_decode(v.trimmed()));
        match (digest_value, value) {
            (Some(Ok(dv)), Some(Ok(v))) => {
                c.signature = Some(SignatureBlock {
                    digest_algorithm: digest
                        .and_then(|d| d.child("ALGORITHM"))
                        .map(|a| a.trimmed().to_owned())
                        .unwrap_or_default(),
                    digest: dv,
                    algorithm: sig
                        .child("ALGORITHM")
                        .map(|a| a.trimmed().to_owned())
                        .unwrap_or_default(),
                    value: v,
                });
            }
            (Some(Err(e)), _) | (_, Some(Err(e))) => c.findings.push(
                Finding::new(
                    Code::XrmlMalformed,
                    format!(
                        "The SIGNATURE of document {} is not valid base64: {e}.",
                        index + 1
                    ),
                    "Download the certificate again.",
                )
                .at(Some(at)),
            ),
            _ => c.findings.push(
                Finding::new(
                    Code::XrmlMalformed,
                    format!(
                        "The SIGNATURE of document {} lacks its DIGEST/VALUE or VALUE.",
                        index + 1
                    ),
                    "Download the certificate again.",
                )
                .at(Some(at)),
            ),
        }
    } else {
        c.findings.push(
            Finding::new(
                Code::XrmlMalformed,
                format!("XrML document {} has no SIGNATURE.", index + 1),
                "Download the certificate again.",
            )
            .at(Some(at)),
        );
    }
    c
}

/// Which text form of the BODY matched the digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BodyForm {
    /// The BODY exactly as written.
    Raw,
    /// After removing whitespace-only runs between tags (pretty-printed copies).
    Stripped,
}

/// The outcome of checking one signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignatureStatus {
    /// The hash algorithm, when accepted.
    pub hash: Option<HashAlg>,
    /// Which BODY form matched the digest; `None` = digest mismatch.
    pub digest_form: Option<BodyForm>,
    /// Whether the RSA signature over the digest verifies with the issuer key.
    pub signature_valid: bool,
}

impl SignatureStatus {
    /// True when both the digest and the signature hold.
    pub fn is_valid(&self) -> bool {
        self.digest_form.is_some() && self.signature_valid
    }
}

/// Removes every whitespace-only run between a `>` and the next `<` (rms-formats.md §4.2).
pub fn strip_intertag_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('>') {
        let (head, tail) = rest.split_at(i + 1);
        out.push_str(head);
        let ws = tail.len() - tail.trim_start_matches([' ', '\t', '\r', '\n']).len();
        let after = tail.get(ws..).unwrap_or("");
        rest = if ws > 0 && after.starts_with('<') {
            after
        } else {
            tail
        };
    }
    out.push_str(rest);
    out
}

fn hash_utf16le(alg: HashAlg, text: &str) -> Vec<u8> {
    use sha2::Digest;
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    match alg {
        HashAlg::Sha1 => sha1::Sha1::digest(&bytes).to_vec(),
        HashAlg::Sha256 => sha2::Sha256::digest(&bytes).to_vec(),
    }
}

/// Checks one certificate's digest and signature (rms-formats.md §4), with its own
/// `ISSUER/PUBLICKEY`. Failures are added to `findings`; the informational notes (SHA-1,
/// whitespace) are left to [`signature_notes`], which gives one of each per file.
pub fn check_signature(
    c: &Certificate,
    accepted: &[HashAlg],
    findings: &mut Vec<Finding>,
) -> SignatureStatus {
    let mut st = SignatureStatus {
        hash: None,
        digest_form: None,
        signature_valid: false,
    };
    let at = Some(c.location);
    let n = c.index + 1;
    let (Some(sig), Some(key)) = (&c.signature, &c.issuer.key) else {
        return st;
    };
    let alg = match sig
        .digest_algorithm
        .to_ascii_uppercase()
        .replace('-', "")
        .as_str()
    {
        "SHA1" => HashAlg::Sha1,
        "SHA256" => HashAlg::Sha256,
        other => {
            findings.push(Finding::new(Code::SignatureAlgorithmUnsupported, format!("Document {n} names digest algorithm \"{other}\"."), "Only SHA1 and SHA256 are used by RMS. The certificate is not genuine or is damaged.").at(at));
            return st;
        }
    };
    if !accepted.contains(&alg) {
        findings.push(
            Finding::new(
                Code::SignatureAlgorithmUnsupported,
                format!("Document {n} uses {alg:?}, which the policy does not accept."),
                "Change the policy or obtain a certificate with an accepted algorithm.",
            )
            .at(at),
        );
        return st;
    }
    if !sig.algorithm.is_empty() && !sig.algorithm.to_ascii_uppercase().starts_with("RSA") {
        findings.push(
            Finding::new(
                Code::SignatureAlgorithmUnsupported,
                format!(
                    "Document {n} names signature algorithm \"{}\".",
                    sig.algorithm
                ),
                "RMS signs with RSA PKCS#1 v1.5.",
            )
            .at(at),
        );
        return st;
    }
    st.hash = Some(alg);
    let body = c.body_text();
    if hash_utf16le(alg, body) == sig.digest {
        st.digest_form = Some(BodyForm::Raw);
    } else if hash_utf16le(alg, &strip_intertag_whitespace(body)) == sig.digest {
        st.digest_form = Some(BodyForm::Stripped);
    }
    st.signature_valid = rsa_verify(key, alg, &sig.digest, &sig.value);
    if st.digest_form.is_none() {
        findings.push(Finding::new(Code::DigestMismatch, format!("Document {n} ({}): the hash of its BODY does not equal the signed digest.", c.kind()), "The certificate was altered after signing (edited, re-saved, or damaged). Download it again and do not open it in an editor.").at(at));
    }
    if !st.signature_valid {
        findings.push(Finding::new(Code::SignatureInvalid, format!("Document {n} ({}): the RSA signature does not verify with the issuer's key ({}-bit).", c.kind(), key.bits()), "The certificate is forged or damaged. Download it again from the enrollment service.").at(at));
    }
    st
}

/// One `signature-sha1-legacy` and one `signature-whitespace-stripped` note for all the
/// valid documents they apply to (`(document number, status)` pairs).
pub fn signature_notes(statuses: &[(usize, &SignatureStatus)]) -> Vec<Finding> {
    let list = |f: &dyn Fn(&SignatureStatus) -> bool| -> Vec<String> {
        statuses
            .iter()
            .filter(|(_, s)| s.is_valid() && f(s))
            .map(|(i, _)| (i + 1).to_string())
            .collect()
    };
    let mut out = vec![];
    let stripped = list(&|s| s.digest_form == Some(BodyForm::Stripped));
    if !stripped.is_empty() {
        out.push(Finding::new(Code::SignatureWhitespaceStripped, format!("Document(s) {} matched their digest after removing whitespace between tags (a pretty-printed copy).", stripped.join(", ")), "Nothing to fix; genuine RMS output is compact, so prefer the file exactly as downloaded."));
    }
    let sha1 = list(&|s| s.hash == Some(HashAlg::Sha1));
    if !sha1.is_empty() {
        out.push(Finding::new(
            Code::SignatureSha1Legacy,
            format!(
                "Document(s) {} are signed with SHA-1 (cryptographic mode 1).",
                sha1.join(", ")
            ),
            "Nothing to fix: Windows RMS 1.0 chains use SHA-1; it is accepted as legacy.",
        ));
    }
    out
}

fn rsa_verify(key: &RsaKey, alg: HashAlg, digest: &[u8], sig: &[u8]) -> bool {
    let Some(pk) = key.to_rsa() else { return false };
    let k = key.modulus.len();
    // Left-pad a signature whose leading zero bytes were dropped.
    let mut s = sig.to_vec();
    if s.len() < k {
        let mut padded = vec![0u8; k - s.len()];
        padded.extend_from_slice(&s);
        s = padded;
    }
    let scheme = match alg {
        HashAlg::Sha1 => rsa::Pkcs1v15Sign::new::<sha1::Sha1>(),
        HashAlg::Sha256 => rsa::Pkcs1v15Sign::new::<sha2::Sha256>(),
    };
    pk.verify(scheme, digest, &s).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_removes_only_intertag_whitespace() {
        assert_eq!(
            strip_intertag_whitespace("<a>\n  <b> x </b>\n</a>"),
            "<a><b> x </b></a>"
        );
        assert_eq!(
            strip_intertag_whitespace("<a> text <b/></a>"),
            "<a> text <b/></a>"
        );
    }

    #[test]
    fn finds_documents_in_binary_junk() {
        let mut bytes = vec![0u8, 159, 146, 150];
        bytes.extend_from_slice(b"\xef\xbb\xbf<?xml version=\"1.0\"?><XrML version=\"1.2\"><BODY/></XrML><XrML\n></XrML>");
        bytes.extend_from_slice(&[0xff, 0x00]);
        let r = read_documents(&bytes);
        assert_eq!(r.docs.len(), 2);
        assert_eq!(r.docs.first().map(|d| d.offset), Some(28));
        assert_eq!(r.wrapper, Wrapper::Bare);
    }
}
