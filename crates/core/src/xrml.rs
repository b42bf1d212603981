//! XrML 1.2 certificates: finding every document in a file, whatever the wrapper, keeping
//! its exact source text, reading it into a typed model, and checking its signature by the
//! rule in `shared/docs/rms-formats.md` §4.

use crate::finding::{has_errors, Code, Finding, Location, Subject};
use crate::key::{base64_decode, RsaKey};
use crate::policy::{HashAlg, MAX_CERT_BYTES, MAX_XRML_DOCUMENTS};
use crate::text::{Decoded, LineIndex};
use crate::time::UtcTime;
use crate::xml::{self, Element};
use serde::Serialize;

/// What the xrml checks find, with typed context: one variant per problem. The words are made
/// in [`crate::words`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Found {}

impl Found {
    /// The stable code.
    pub fn code(&self) -> crate::finding::Code {
        match *self {}
    }

    /// One example of each variant, for the completeness tests and the findings docs.
    pub fn samples() -> Vec<Found> {
        vec![]
    }
}

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

/// One `<XrML` start found by [`cut`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Start {
    /// Position of its `<`.
    pos: usize,
    /// Position just past its `</XrML>`; `None` when it never ends (the text ends, or another
    /// `<XrML` starts first).
    end: Option<usize>,
    /// Position of the `<Certificate` element holding it (SOAP), when one is open.
    holder: Option<usize>,
}

/// What one pass of [`cut`] over a text found.
#[derive(Debug, Default)]
struct Cuts {
    /// Every start, in text order (never more than the budget given to [`cut`]).
    starts: Vec<Start>,
    /// Position of the first start past the budget; the pass stopped there.
    over_budget: Option<usize>,
}

fn is_xml_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// Cuts `<XrML …>…</XrML>` documents out of `hay` in one pass (rms-formats.md §3, form (a):
/// documents may sit inside other data, so the text is not parsed as XML here).
///
/// Tokens: `<XrML` followed by whitespace, `>` or `/` (a start), and `</XrML>` (an end). A
/// start while another is open leaves the earlier one unterminated: documents never nest or
/// overlap, and no byte is copied twice. An end with nothing open is ignored. At most
/// `budget` starts are taken, complete or not; the next one stops the pass. With `holders`,
/// `<Certificate>` elements outside documents are followed so that each start knows its SOAP
/// holder. Every byte is looked at a bounded number of times.
fn cut(hay: &[u8], budget: usize, holders: bool) -> Cuts {
    let mut out = Cuts::default();
    let mut open: Option<usize> = None;
    let mut holder: Option<usize> = None;
    let mut i = 0;
    while let Some(lt) = hay
        .get(i..)
        .and_then(|h| h.iter().position(|&b| b == b'<'))
        .map(|p| i + p)
    {
        let rest = hay.get(lt + 1..).unwrap_or(&[]);
        if rest.starts_with(b"XrML")
            && rest
                .get(4)
                .is_some_and(|&b| is_xml_space(b) || b == b'>' || b == b'/')
        {
            if out.starts.len() >= budget {
                out.over_budget = Some(lt);
                break;
            }
            open = Some(out.starts.len());
            out.starts.push(Start {
                pos: lt,
                end: None,
                holder,
            });
            i = lt + 5;
        } else if rest.starts_with(b"/XrML>") {
            if let Some(s) = open.take().and_then(|o| out.starts.get_mut(o)) {
                s.end = Some(lt + 7);
            }
            i = lt + 7;
        } else if holders && open.is_none() {
            // A tag outside any document: is it a SOAP `Certificate` start or end?
            let closing = rest.first() == Some(&b'/');
            let name_from = usize::from(closing);
            let name = rest.get(name_from..).unwrap_or(&[]);
            let len = name
                .iter()
                .position(|&b| is_xml_space(b) || matches!(b, b'>' | b'/' | b'<'))
                .unwrap_or(name.len());
            let qname = name.get(..len).unwrap_or(&[]);
            let local = qname.rsplit(|&b| b == b':').next().unwrap_or(qname);
            let after = lt + 1 + name_from + len;
            // The tag's end (or the next `<`, when it has none): `<Certificate/>` holds nothing.
            let tail = hay.get(after..).unwrap_or(&[]);
            let stop = tail
                .iter()
                .position(|&b| b == b'>' || b == b'<')
                .map_or(hay.len(), |p| after + p);
            let empty =
                hay.get(stop) == Some(&b'>') && stop > 0 && hay.get(stop - 1) == Some(&b'/');
            if local == b"Certificate" && !empty {
                holder = if closing { None } else { Some(lt) };
            }
            i = stop;
        } else {
            i = lt + 1;
        }
    }
    out
}

/// True when `needle` occurs in `hay` (one pass; the needles are short constants).
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Locations of text positions, looked up in increasing order so that a UTF-16 file is
/// walked once ([`crate::text::Locator`]).
fn locate_all(mut positions: Vec<usize>, at: &dyn Fn(usize) -> Location) -> Vec<(usize, Location)> {
    positions.sort_unstable();
    positions.dedup();
    positions.into_iter().map(|p| (p, at(p))).collect()
}

fn located(table: &[(usize, Location)], pos: usize, at: &dyn Fn(usize) -> Location) -> Location {
    match table.binary_search_by_key(&pos, |(p, _)| *p) {
        Ok(i) => table.get(i).map_or_else(|| at(pos), |(_, l)| *l),
        Err(_) => at(pos),
    }
}

fn unterminated(count: usize, holder: Option<&str>, at: Location) -> Finding {
    let inside = holder.map_or(String::new(), |h| format!(" (in <{h}>)"));
    let message = if count == 1 {
        format!("An XrML document{inside} starts here but never ends: the text ends, or another document starts, before its </XrML>.")
    } else {
        format!("{count} XrML documents{inside} start but never end (the text ends, or another document starts, before their </XrML>); the first starts here.")
    };
    Finding::new(
        Code::XrmlUnterminated,
        message,
        "The file is truncated or was edited. Download the certificate chain again and do not open it in an editor.",
    )
    .about(Subject::File)
    .at(Some(at))
}

fn too_many(at: Location) -> Finding {
    Finding::new(
        Code::XrmlTooManyDocuments,
        format!("More than {MAX_XRML_DOCUMENTS} XrML documents start in this file; the rest was not read."),
        "Choose the downloaded certificate chain: it has four documents.",
    )
    .about(Subject::File)
    .at(Some(at))
}

fn multiple(holder: &str, line: usize, complete: usize, unterminated: usize) -> Finding {
    let what = match unterminated {
        0 => format!("{complete} XrML documents"),
        u => format!("{complete} complete XrML document(s) and {u} start(s) without </XrML>"),
    };
    Finding::new(
        Code::WrapperMultipleDocuments,
        format!(
            "The <{holder}> element at line {line} holds {what}; it holds exactly one certificate."
        ),
        "Download the certificate chain again; do not import a file that was edited.",
    )
    .about(Subject::File)
}

/// True when a holder with these counts is ambiguous: a second document, or an unterminated
/// start beside a genuine one.
fn holds_several(complete: usize, unterminated: usize) -> bool {
    complete >= 2 || (complete >= 1 && unterminated >= 1)
}

/// Reads forms (a) and (b), bare and SOAP: the documents cut out of `hay` in one pass, each
/// required to be UTF-8 (raw bytes may hold anything around them).
fn read_bare(hay: &[u8], at: &dyn Fn(usize) -> Location, r: &mut ReadResult) -> Cuts {
    let cuts = cut(hay, MAX_XRML_DOCUMENTS, true);
    let mut wanted: Vec<usize> = cuts
        .starts
        .iter()
        .flat_map(|s| [Some(s.pos), s.holder])
        .flatten()
        .collect();
    wanted.extend(cuts.over_budget);
    let table = locate_all(wanted, at);
    let loc = |p| located(&table, p, at);
    for s in &cuts.starts {
        let Some(end) = s.end else { continue };
        let doc = hay.get(s.pos..end).unwrap_or(&[]);
        match std::str::from_utf8(doc) {
            Ok(text) => r.docs.push(SourceDoc {
                text: text.to_owned(),
                offset: loc(s.pos).offset,
                slot: None,
                location: loc(s.pos),
            }),
            Err(e) => r.findings.push(
                Finding::new(
                    Code::XrmlMalformed,
                    "An XrML document contains bytes that are not UTF-8.",
                    "The file was damaged in transfer. Download the certificate again.",
                )
                .about(Subject::File)
                .at(Some(loc(s.pos + e.valid_up_to()))),
            ),
        }
    }
    let open: Vec<&Start> = cuts.starts.iter().filter(|s| s.end.is_none()).collect();
    if let Some(first) = open.first() {
        r.findings
            .push(unterminated(open.len(), None, loc(first.pos)));
    }
    // MS-RMPR §2.2.9.3 (b): each SOAP `Certificate` holds one XrML document.
    let mut i = 0;
    while let Some(h) = cuts.starts.get(i).map(|s| s.holder) {
        let same = cuts
            .starts
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|s| s.holder == h);
        let (mut complete, mut open) = (0, 0);
        for s in same {
            if s.end.is_some() {
                complete += 1;
            } else {
                open += 1;
            }
        }
        if let Some(h) = h.filter(|_| holds_several(complete, open)) {
            let l = loc(h);
            r.findings
                .push(multiple("Certificate", l.line, complete, open).at(Some(l)));
        }
        i += complete + open;
    }
    if let Some(p) = cuts.over_budget {
        r.findings.push(too_many(loc(p)));
    }
    cuts
}

/// Finds every XrML document in `bytes`: bare, inside SOAP, escaped inside the offline
/// enrollment response, in UTF-8 or UTF-16, or embedded in binary data. Time and memory are
/// linear in the size of `bytes`: one pass cuts the documents, which never overlap.
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
    let decoded = utf16.then(|| Decoded::new(bytes));
    let locator = decoded.as_ref().map(crate::text::Locator::new);
    let index = LineIndex::new(if utf16 { &[] } else { bytes });
    let at = |p: usize| match &locator {
        Some(l) => l.location(p),
        None => index.location(p),
    };
    // Binary-safe: without UTF-16, cut on the raw bytes, so XrML inside other data is found.
    let hay: &[u8] = decoded.as_ref().map_or(bytes, |d| d.text.as_bytes());
    let cuts = read_bare(hay, &at, &mut r);
    if !cuts.starts.is_empty() && contains(hay, b"&lt;XrML") {
        // Literal documents beside an escaped response: two chains another reader could take
        // either of. Refused, never "the literal ones win".
        r.findings.push(Finding::new(
            Code::WrapperMultipleDocuments,
            "The file holds XrML documents both as literal XML and as escaped text (an enrollment response); another program could read either set.",
            "Download the certificate chain again; do not combine files.",
        ));
    }
    if !cuts.starts.is_empty() || cuts.over_budget.is_some() {
        if !r.docs.is_empty() && contains(hay, b"CertificateChain") {
            r.wrapper = Wrapper::SoapChain;
            r.findings.push(Finding::new(
                Code::ResponseWrapper,
                "The certificates came inside a SOAP CertificateChain and were read from it.",
                "Nothing to fix.",
            ));
        }
        return r;
    }
    let text: std::borrow::Cow<'_, str> = match &decoded {
        Some(d) => std::borrow::Cow::Borrowed(d.text.as_str()),
        None => String::from_utf8_lossy(bytes),
    };
    if contains(hay, b"&lt;XrML") {
        read_escaped(&text, &at, &mut r);
        if !r.docs.is_empty() {
            return r;
        }
    }
    if !has_errors(&r.findings) {
        if contains(hay, b"EnrollParameters") {
            r.findings.push(Finding::new(Code::RequestNotCertificate, "This file is the enrollment request (EnrollParameters), not the certificate the service returned.", "Use it in step 1. Here, choose the certificate chain file you downloaded from the enrollment site."));
        } else {
            r.findings.push(Finding::new(Code::NoXrmlFound, if bytes.is_empty() { "The file is empty.".to_owned() } else { "No <XrML> certificate was found in the file.".to_owned() }, "Choose the certificate chain file downloaded from the enrollment service (it contains <XrML> documents)."));
        }
    }
    r
}

/// Reads form (c), the offline enrollment response (MS-RMPR §3.6.4.2.1.2): the whole response
/// is parsed once, then each element's own unescaped text is cut in one pass. Each holder
/// (`SLC`, `EnrollmentServiceCert`, …) holds exactly one document.
fn read_escaped(text: &str, at: &dyn Fn(usize) -> Location, r: &mut ReadResult) {
    let body = text.trim_start_matches('\u{feff}');
    let shift = text.len() - body.len();
    let doc = match xml::parse(body) {
        Ok(doc) => doc,
        Err(e) => {
            r.findings.push(
                Finding::new(
                    Code::XrmlMalformed,
                    format!(
                        "The enrollment response holding the certificates cannot be read: {e}."
                    ),
                    "Download the certificate again.",
                )
                .about(Subject::File)
                .at(Some(at(0))),
            );
            return;
        }
    };
    if let Some(p) = doc.trailing {
        // A second response (or anything) after the first: another reader stops at the first
        // root, this one would go on. Refused.
        r.findings.push(
            Finding::new(
                Code::WrapperMultipleDocuments,
                "Content follows the end of the enrollment response (a second response or other data); another program could read either.",
                "Download the certificate chain again; do not combine files.",
            )
            .at(Some(at(shift + p))),
        );
    }
    let mut holders = Vec::new();
    doc.root.walk(&mut |e| holders.push(e));
    let mut budget = MAX_XRML_DOCUMENTS;
    for h in holders {
        let cuts = cut(h.text.as_bytes(), budget, false);
        if cuts.starts.is_empty() && cuts.over_budget.is_none() {
            continue;
        }
        budget -= cuts.starts.len();
        // Pre-order walk: holders come in increasing position, as the locator wants.
        let loc = at(shift + h.start);
        let (mut complete, mut open) = (0, 0);
        for s in &cuts.starts {
            let Some(end) = s.end else {
                open += 1;
                continue;
            };
            complete += 1;
            r.docs.push(SourceDoc {
                text: h.text.get(s.pos..end).unwrap_or("").to_owned(),
                offset: loc.offset,
                slot: Some(h.local.clone()),
                location: loc,
            });
        }
        if open > 0 {
            r.findings.push(unterminated(open, Some(&h.local), loc));
        }
        if holds_several(complete, open) {
            // No location: the holder's offset is also its documents' offset.
            r.findings
                .push(multiple(&h.local, loc.line, complete, open));
        }
        if cuts.over_budget.is_some() {
            r.findings.push(too_many(loc));
            break;
        }
    }
    r.wrapper = Wrapper::EscapedResponse;
    r.findings.push(Finding::new(Code::ResponseWrapper, "The certificates came as escaped text inside the offline enrollment response (LicensorCertificateChain) and were read from it.", "Nothing to fix."));
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

fn party(
    el: Option<&Element>,
    what: &str,
    findings: &mut Vec<Finding>,
    at: Location,
    index: usize,
) -> Party {
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
                    .on_document(index)
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
    index: usize,
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
            .on_document(index)
            .at(Some(at)),
        );
    }
    t
}

/// Attributes `<XrML>` may carry: real documents have `version`, `xmlns` and, on use
/// licences, `purpose` (rms-formats.md §3); `xmlns:*` declarations change no signed text.
fn allowed_xrml_attribute(name: &str, value: &str) -> bool {
    match name {
        "version" => value == "1.2",
        "xmlns" => value.is_empty(),
        "purpose" => true,
        _ => name.starts_with("xmlns:"),
    }
}

fn is_blank(s: &str) -> bool {
    s.trim_matches([' ', '\t', '\r', '\n']).is_empty()
}

/// Everything under SIGNATURE that its schema does not define (rms-formats.md §4.5–4.6):
/// SIGNATURE holds DIGEST, ALGORITHM and VALUE; DIGEST holds ALGORITHM, PARAMETER and VALUE;
/// PARAMETER (attribute `name`) holds one VALUE; ALGORITHM and VALUE hold text only, VALUE with
/// the attributes `encoding` and `size`. Nothing else is signed, so nothing else may be there —
/// not even a BODY another reader could take for the signed one.
fn signature_extras(sig: &Element, out: &mut Vec<String>) {
    fn leaf(e: &Element, attrs: &[&str], out: &mut Vec<String>) {
        for c in &e.children {
            out.push(format!("element <{}> inside {}", c.name, e.local));
        }
        for (k, _) in &e.attrs {
            if !attrs.contains(&k.as_str()) {
                out.push(format!("attribute {k} on {}", e.local));
            }
        }
    }
    fn container(e: &Element, attrs: &[&str], out: &mut Vec<String>) {
        if !is_blank(&e.text) {
            out.push(format!("text inside {}", e.local));
        }
        for (k, _) in &e.attrs {
            if !attrs.contains(&k.as_str()) {
                out.push(format!("attribute {k} on {}", e.local));
            }
        }
    }
    container(sig, &[], out);
    // Every element here is unprefixed and in no namespace, as RMS writes it: a namespace-aware
    // reader would not find `s:SIGNATURE` or `<DIGEST xmlns="urn:x">` where RMS looks.
    sig.walk(&mut |e| {
        if e.name != e.local || e.ns.is_some() {
            out.push(format!("element <{}> in a namespace", e.name));
        }
    });
    for c in &sig.children {
        match c.local.as_str() {
            "ALGORITHM" => leaf(c, &[], out),
            "VALUE" => leaf(c, &["encoding", "size"], out),
            "DIGEST" => {
                container(c, &[], out);
                for d in &c.children {
                    match d.local.as_str() {
                        "ALGORITHM" => leaf(d, &[], out),
                        "VALUE" => leaf(d, &["encoding", "size"], out),
                        "PARAMETER" => {
                            container(d, &["name"], out);
                            let values = d.children_named("VALUE").count();
                            for v in &d.children {
                                if v.local == "VALUE" {
                                    leaf(v, &["encoding", "size"], out);
                                } else {
                                    out.push(format!("element <{}> inside PARAMETER", v.name));
                                }
                            }
                            if values != 1 {
                                out.push(format!("{values} VALUE elements in a PARAMETER"));
                            }
                        }
                        _ => out.push(format!("element <{}> inside DIGEST", d.name)),
                    }
                }
            }
            _ => out.push(format!("element <{}> inside SIGNATURE", c.name)),
        }
    }
}

/// Elements of `parent` (by local name, so `x:BODY` is a BODY) among `names` that appear
/// more than once, as `PARENT/NAME ×n`.
fn duplicates(parent: &Element, names: &[&str], out: &mut Vec<String>) {
    for name in names {
        let n = parent.children_named(name).count();
        if n > 1 {
            out.push(format!("{}/{name} ×{n}", parent.local));
        }
    }
}

/// The structure every signed document has (rms-formats.md §3, §4.5–4.6): `<XrML>` holds
/// exactly one BODY and one SIGNATURE, nothing else; SIGNATURE has one DIGEST, ALGORITHM and
/// VALUE; DIGEST one ALGORITHM and VALUE. Returns true when the document is ambiguous (a
/// duplicate), so that neither copy is verified.
fn check_structure(
    root: &Element,
    index: usize,
    at: Location,
    findings: &mut Vec<Finding>,
) -> bool {
    let mut dup = vec![];
    duplicates(root, &["BODY", "SIGNATURE"], &mut dup);
    for sig in root.children_named("SIGNATURE") {
        duplicates(sig, &["DIGEST", "ALGORITHM", "VALUE"], &mut dup);
        for digest in sig.children_named("DIGEST") {
            duplicates(digest, &["ALGORITHM", "VALUE"], &mut dup);
        }
    }
    dup.dedup();
    if !dup.is_empty() {
        findings.push(
            Finding::new(
                Code::XrmlDuplicateElement,
                format!(
                    "XrML document {} has {}: another reader could take the other copy, so neither is verified.",
                    index + 1,
                    dup.join(", ")
                ),
                "The document was edited. Download the certificate chain again.",
            )
            .on_document(index)
            .at(Some(at)),
        );
    }
    let mut extra: Vec<String> = root
        .attrs
        .iter()
        .filter(|(k, v)| !allowed_xrml_attribute(k, v))
        .map(|(k, v)| format!("attribute {k}=\"{v}\""))
        .collect();
    if !is_blank(&root.text) {
        extra.push("text".to_owned());
    }
    extra.extend(
        root.children
            .iter()
            .filter(|c| c.local != "BODY" && c.local != "SIGNATURE")
            .map(|c| format!("element <{}>", c.name)),
    );
    let order: Vec<&str> = root
        .children
        .iter()
        .map(|c| c.local.as_str())
        .filter(|l| *l == "BODY" || *l == "SIGNATURE")
        .collect();
    if order.first() == Some(&"SIGNATURE") {
        extra.push("SIGNATURE before BODY".to_owned());
    }
    for sig in root.children_named("SIGNATURE") {
        signature_extras(sig, &mut extra);
    }
    for body in root.children_named("BODY") {
        if body.name != body.local || body.ns.is_some() {
            extra.push(format!("element <{}> in a namespace", body.name));
        }
    }
    if !extra.is_empty() {
        const SHOWN: usize = 5;
        let more = match extra.len().saturating_sub(SHOWN) {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        findings.push(
            Finding::new(
                Code::XrmlUnsignedContent,
                format!(
                    "XrML document {} holds content the signature does not cover: {}{more}.",
                    index + 1,
                    extra
                        .iter()
                        .take(SHOWN)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                "The document was edited. Download the certificate chain again.",
            )
            .on_document(index)
            .at(Some(at)),
        );
    }
    !dup.is_empty()
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
                .on_document(index)
                .at(Some(at)),
            );
            return c;
        }
    };
    let root = parsed.root;
    let ambiguous = check_structure(&root, index, at, &mut c.findings);
    c.purpose = root.attr("purpose").map(str::to_owned);
    let Some(body) = root.child("BODY") else {
        c.findings.push(
            Finding::new(
                Code::XrmlMalformed,
                format!("XrML document {} has no BODY.", index + 1),
                "Download the certificate again.",
            )
            .on_document(index)
            .at(Some(at)),
        );
        return c;
    };
    c.body_span = (body.start, body.end);
    c.body_type = body.attr("type").unwrap_or("").to_owned();
    c.descriptor = ObjectInfo::from(body.path(&["DESCRIPTOR", "OBJECT"]));
    c.issued = time_of(
        body.child("ISSUEDTIME"),
        "ISSUEDTIME",
        &mut c.findings,
        at,
        index,
    );
    if let Some(v) = body.child("VALIDITYTIME") {
        c.validity = Some((
            time_of(
                v.child("FROM"),
                "VALIDITYTIME FROM",
                &mut c.findings,
                at,
                index,
            ),
            time_of(
                v.child("UNTIL"),
                "VALIDITYTIME UNTIL",
                &mut c.findings,
                at,
                index,
            ),
        ));
    }
    c.issuer = party(body.child("ISSUER"), "issuer", &mut c.findings, at, index);
    if c.issuer.key.is_none() && !c.findings.iter().any(|f| f.code == Code::XrmlMalformed) {
        c.findings.push(
            Finding::new(
                Code::XrmlMalformed,
                format!("XrML document {} has no ISSUER/PUBLICKEY.", index + 1),
                "Download the certificate again.",
            )
            .on_document(index)
            .at(Some(at)),
        );
    }
    if let Some(p) = body.path(&["ISSUEDPRINCIPALS", "PRINCIPAL"]) {
        c.principal = Some(party(Some(p), "principal", &mut c.findings, at, index));
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
                index,
            ),
            time_of(
                rt.child("UNTIL"),
                "ISSUE RANGETIME UNTIL",
                &mut c.findings,
                at,
                index,
            ),
        ));
    }
    if ambiguous {
        // Not verified: which copy is "the" signature or body is exactly what is in doubt.
    } else if let Some(sig) = root.child("SIGNATURE") {
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
                .on_document(index)
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
                .on_document(index)
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
            .on_document(index)
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

/// The digest of `text` encoded as UTF-16LE (rms-formats.md §4), without building that
/// encoding: the code units go to the hasher through a small stack buffer.
fn hash_utf16le(alg: HashAlg, text: &str) -> Vec<u8> {
    match alg {
        HashAlg::Sha1 => digest_utf16le::<sha1::Sha1>(text),
        HashAlg::Sha256 => digest_utf16le::<sha2::Sha256>(text),
    }
}

fn digest_utf16le<D: sha2::Digest>(text: &str) -> Vec<u8> {
    // A piece of at most PIECE bytes of UTF-8 is at most PIECE UTF-16 code units, so its
    // encoding always fits the buffer. ASCII pieces (nearly all of a BODY) skip the decoder.
    const PIECE: usize = 512;
    let mut hasher = D::new();
    let mut buf = [0u8; 2 * PIECE];
    let mut rest = text;
    while !rest.is_empty() {
        let mut cut = rest.len().min(PIECE);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        let mut len = 0;
        if piece.is_ascii() {
            for (pair, &b) in buf.chunks_exact_mut(2).zip(piece.as_bytes()) {
                pair.copy_from_slice(&[b, 0]);
                len += 2;
            }
        } else {
            for (pair, unit) in buf.chunks_exact_mut(2).zip(piece.encode_utf16()) {
                pair.copy_from_slice(&unit.to_le_bytes());
                len += 2;
            }
        }
        hasher.update(buf.get(..len).unwrap_or_default());
    }
    hasher.finalize().to_vec()
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
            findings.push(Finding::new(Code::SignatureAlgorithmUnsupported, format!("Document {n} names digest algorithm \"{other}\"."), "Only SHA1 and SHA256 are used by RMS. The certificate is not genuine or is damaged.").on_document(c.index).at(at));
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
            .on_document(c.index)
            .at(at),
        );
        return st;
    }
    // The only signature algorithm RMS writes (rms-formats.md §4.5).
    if !sig.algorithm.eq_ignore_ascii_case("RSA PKCS#1-V1.5") {
        findings.push(
            Finding::new(
                Code::SignatureAlgorithmUnsupported,
                format!(
                    "Document {n} names signature algorithm \"{}\".",
                    sig.algorithm
                ),
                "RMS signs with RSA PKCS#1 v1.5.",
            )
            .on_document(c.index)
            .at(at),
        );
        return st;
    }
    st.hash = Some(alg);
    let body = c.body_text();
    if hash_utf16le(alg, body) == sig.digest {
        st.digest_form = Some(BodyForm::Raw);
    } else if !body.contains("<![CDATA[")
        && !body.contains("<!--")
        && hash_utf16le(alg, &strip_intertag_whitespace(body)) == sig.digest
    {
        // (Not with CDATA or comments: whitespace between '>' and '<' there is data.)
        st.digest_form = Some(BodyForm::Stripped);
    }
    st.signature_valid = rsa_verify(key, alg, &sig.digest, &sig.value);
    if st.digest_form.is_none() {
        findings.push(Finding::new(Code::DigestMismatch, format!("Document {n} ({}): the hash of its BODY does not equal the signed digest.", c.kind()), "The certificate was altered after signing (edited, re-saved, or damaged). Download it again and do not open it in an editor.").on_document(c.index).at(at));
    }
    if !st.signature_valid {
        findings.push(Finding::new(Code::SignatureInvalid, format!("Document {n} ({}): the RSA signature does not verify with the issuer's key ({}-bit).", c.kind(), key.bits()), "The certificate is forged or damaged. Download it again from the enrollment service.").on_document(c.index).at(at));
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
    fn utf16le_digest_streams_the_same_bytes() {
        use sha2::Digest;
        // Longer than the buffer, with surrogate pairs and non-ASCII text across its edges.
        let text = format!(
            "{}😀{}{}",
            "a".repeat(511),
            "<BODY>é😀\u{10FFFF}x</BODY>".repeat(200),
            "z".repeat(1500)
        );
        let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(
            hash_utf16le(HashAlg::Sha1, &text),
            sha1::Sha1::digest(&bytes).to_vec()
        );
        assert_eq!(
            hash_utf16le(HashAlg::Sha256, &text),
            sha2::Sha256::digest(&bytes).to_vec()
        );
        assert_eq!(
            hash_utf16le(HashAlg::Sha1, ""),
            sha1::Sha1::digest(b"").to_vec()
        );
    }

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

    type Found = (Vec<(usize, Option<usize>, Option<usize>)>, Option<usize>);

    fn starts(hay: &str, budget: usize) -> Found {
        let c = cut(hay.as_bytes(), budget, true);
        (
            c.starts.iter().map(|s| (s.pos, s.end, s.holder)).collect(),
            c.over_budget,
        )
    }

    #[test]
    fn cut_takes_one_pass_and_never_nests() {
        // Complete, then a stray end (ignored), then a start left open by the next start.
        assert_eq!(
            starts("<XrML>a</XrML></XrML><XrML b<XrML/></XrML>", 10),
            (
                vec![(0, Some(14), None), (21, None, None), (28, Some(42), None)],
                None
            )
        );
        // Not starts: another name, `<XrMLx`, and `<XrML` at the very end.
        assert_eq!(starts("<XrMLx><xrml ><XrML", 10), (vec![], None));
        assert_eq!(
            starts("<XrML\t></XrML><XrML\n><XrML\r>", 10),
            (
                vec![(0, Some(14), None), (14, None, None), (21, None, None)],
                None
            )
        );
        // The budget counts starts, complete or not.
        assert_eq!(
            starts("<XrML ><XrML ></XrML><XrML >", 2),
            (vec![(0, None, None), (7, Some(21), None)], Some(21))
        );
        assert_eq!(starts("<XrML >", 0), (vec![], Some(0)));
    }

    #[test]
    fn cut_follows_soap_certificate_holders_outside_documents() {
        let t = "<c:Certificate a=\"1\"><XrML></XrML><XrML></XrML></c:Certificate><Certificate/><XrML></XrML><CertificateChain><XrML><Certificate></XrML>";
        let (s, _) = starts(t, 10);
        assert_eq!(
            s.iter().map(|x| x.2).collect::<Vec<_>>(),
            vec![Some(0), Some(0), None, None]
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
