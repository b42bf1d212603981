//! A minimal DER reader: the RSA public-key forms of a request, and the few fields of an
//! X.509 certificate that step 2 shows (subject, issuer, serial, validity). One pass over the
//! input, fixed nesting, every length checked against what is left: hostile bytes end in `None`.
//!
//! Not a general X.509 parser: nothing here decides trust (the page only names a root
//! certificate and its dates), so the certificate's signature and extensions are not read.

use crate::time::UtcTime;

/// A cursor over DER bytes.
pub(crate) struct Der<'a> {
    /// What is left to read.
    pub(crate) b: &'a [u8],
}

impl<'a> Der<'a> {
    /// Starts reading `b`.
    pub(crate) fn new(b: &'a [u8]) -> Der<'a> {
        Der { b }
    }

    /// The next tag and its value; `None` when the bytes do not hold one (indefinite or
    /// over-long lengths, a length past the end).
    pub(crate) fn tlv(&mut self) -> Option<(u8, &'a [u8])> {
        let (&tag, rest) = self.b.split_first()?;
        let (&l0, rest) = rest.split_first()?;
        let (len, rest) = if l0 < 0x80 {
            (usize::from(l0), rest)
        } else {
            let n = usize::from(l0 & 0x7f);
            if n == 0 || n > 4 {
                return None;
            }
            let lb = rest.get(..n)?;
            let len = lb.iter().fold(0usize, |a, &x| (a << 8) + usize::from(x));
            (len, rest.get(n..)?)
        };
        let value = rest.get(..len)?;
        self.b = rest.get(len..)?;
        Some((tag, value))
    }

    /// The next value, which must have `tag`.
    fn expect(&mut self, tag: u8) -> Option<&'a [u8]> {
        let (t, v) = self.tlv()?;
        (t == tag).then_some(v)
    }
}

const SEQUENCE: u8 = 0x30;
const SET: u8 = 0x31;
const INTEGER: u8 = 0x02;
const OID: u8 = 0x06;
const UTC_TIME: u8 = 0x17;
const GENERALIZED_TIME: u8 = 0x18;
/// `[0] EXPLICIT`, the certificate's version.
const VERSION: u8 = 0xa0;

/// What step 2 reads from an X.509 certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Certificate {
    /// Subject distinguished name, `C=US, O=…, CN=…` (RFC 4514 names, in the order written).
    pub subject: String,
    /// Issuer distinguished name, as the subject.
    pub issuer: String,
    /// The serial number's bytes as written, lowercase hex with colons (`01:a5`).
    pub serial: String,
    /// Not before.
    pub not_before: UtcTime,
    /// Not after.
    pub not_after: UtcTime,
}

/// Reads one DER X.509 certificate that fills `der` exactly.
pub(crate) fn certificate(der: &[u8]) -> Option<Certificate> {
    let mut outer = Der::new(der);
    let cert = outer.expect(SEQUENCE)?;
    if !outer.b.is_empty() {
        return None;
    }
    // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }
    let mut c = Der::new(cert);
    let tbs = c.expect(SEQUENCE)?;
    c.expect(SEQUENCE)?;
    c.expect(0x03)?;
    if !c.b.is_empty() {
        return None;
    }
    let mut t = Der::new(tbs);
    let (mut tag, mut value) = t.tlv()?;
    if tag == VERSION {
        (tag, value) = t.tlv()?;
    }
    if tag != INTEGER || value.is_empty() {
        return None;
    }
    let serial = value
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":");
    t.expect(SEQUENCE)?; // signature algorithm
    let issuer = name(t.expect(SEQUENCE)?)?;
    let mut validity = Der::new(t.expect(SEQUENCE)?);
    let not_before = time(validity.tlv()?)?;
    let not_after = time(validity.tlv()?)?;
    if !validity.b.is_empty() {
        return None;
    }
    let subject = name(t.expect(SEQUENCE)?)?;
    t.expect(SEQUENCE)?; // subjectPublicKeyInfo
    Some(Certificate {
        subject,
        issuer,
        serial,
        not_before,
        not_after,
    })
}

/// The first PEM block in `bytes`: its label and its base64 body decoded (`None` for the body
/// when it is not base64). `None` when there is no `-----BEGIN …-----` … `-----END` block.
pub(crate) fn pem(bytes: &[u8]) -> Option<(String, Option<Vec<u8>>)> {
    const BEGIN: &[u8] = b"-----BEGIN ";
    let start = bytes.windows(BEGIN.len()).position(|w| w == BEGIN)? + BEGIN.len();
    let rest = bytes.get(start..)?;
    let label_end = rest.windows(5).position(|w| w == b"-----")?;
    let label = std::str::from_utf8(rest.get(..label_end)?).ok()?.trim();
    if label.is_empty() || label.len() > 64 || label.contains('\n') {
        return None;
    }
    let body = rest.get(label_end + 5..)?;
    let end = body.windows(8).position(|w| w == b"-----END")?;
    let contents = std::str::from_utf8(body.get(..end)?)
        .ok()
        .and_then(|b64| crate::key::base64_decode(b64).ok());
    Some((label.to_owned(), contents))
}

/// `UTCTime` (`YYMMDDhhmmssZ`, years 1950–2049) or `GeneralizedTime` (`YYYYMMDDhhmmssZ`).
fn time((tag, value): (u8, &[u8])) -> Option<UtcTime> {
    let s = std::str::from_utf8(value).ok()?;
    let digits = s.strip_suffix('Z')?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (year, rest) = match (tag, digits.len()) {
        (UTC_TIME, 12) => {
            let yy: i64 = digits.get(..2)?.parse().ok()?;
            (
                if yy < 50 { 2000 + yy } else { 1900 + yy },
                digits.get(2..)?,
            )
        }
        (GENERALIZED_TIME, 14) => (digits.get(..4)?.parse().ok()?, digits.get(4..)?),
        _ => return None,
    };
    let part = |i: usize| -> Option<u32> { rest.get(i..i + 2)?.parse().ok() };
    UtcTime::from_parts(year, part(0)?, part(2)?, part(4)?, part(6)?, part(8)?)
}

/// A `Name` (RDNSequence) as `C=US, O=…, CN=…`; several attributes in one RDN join with ` + `.
fn name(rdns: &[u8]) -> Option<String> {
    let mut out = Vec::new();
    let mut seq = Der::new(rdns);
    while !seq.b.is_empty() {
        let mut set = Der::new(seq.expect(SET)?);
        let mut parts = Vec::new();
        while !set.b.is_empty() {
            let mut atv = Der::new(set.expect(SEQUENCE)?);
            let oid = atv.expect(OID)?;
            let (tag, value) = atv.tlv()?;
            if !atv.b.is_empty() {
                return None;
            }
            parts.push(format!("{}={}", attribute_name(oid), string(tag, value)));
        }
        out.push(parts.join(" + "));
    }
    Some(out.join(", "))
}

/// The short name of a distinguished-name attribute, or its dotted OID.
fn attribute_name(oid: &[u8]) -> String {
    let named = match oid {
        [0x55, 0x04, 0x03] => "CN",
        [0x55, 0x04, 0x04] => "SN",
        [0x55, 0x04, 0x05] => "serialNumber",
        [0x55, 0x04, 0x06] => "C",
        [0x55, 0x04, 0x07] => "L",
        [0x55, 0x04, 0x08] => "ST",
        [0x55, 0x04, 0x09] => "street",
        [0x55, 0x04, 0x0a] => "O",
        [0x55, 0x04, 0x0b] => "OU",
        [0x55, 0x04, 0x0c] => "title",
        [0x55, 0x04, 0x2a] => "givenName",
        [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01] => "emailAddress",
        [0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19] => "DC",
        [0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x01] => "UID",
        _ => return dotted(oid),
    };
    named.to_owned()
}

/// An OID's dotted form (`1.2.840.113549`); arcs too large for 64 bits end it with `…`.
fn dotted(oid: &[u8]) -> String {
    let mut arcs: Vec<String> = Vec::new();
    let mut value: u64 = 0;
    for &b in oid {
        if value > u64::MAX >> 7 {
            arcs.push("…".to_owned());
            return arcs.join(".");
        }
        value = (value << 7) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            if arcs.is_empty() {
                let first = value.min(80) / 40;
                arcs.push(first.to_string());
                arcs.push((value - first * 40).to_string());
            } else {
                arcs.push(value.to_string());
            }
            value = 0;
        }
    }
    arcs.join(".")
}

/// A directory string's text: UTF-8, Printable/IA5/Teletex (read as Latin-1), BMP (UTF-16BE),
/// Universal (UTF-32BE); anything else as `#` and hex, as RFC 4514 writes unknown values.
fn string(tag: u8, v: &[u8]) -> String {
    match tag {
        0x0c => String::from_utf8_lossy(v).into_owned(),
        0x13 | 0x14 | 0x16 => v.iter().map(|&b| char::from(b)).collect(),
        0x1e => char::decode_utf16(v.chunks_exact(2).map(|p| match p {
            [a, b] => u16::from_be_bytes([*a, *b]),
            _ => 0xfffd,
        }))
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect(),
        0x1c => v
            .chunks_exact(4)
            .map(|q| match q {
                [a, b, c, d] => char::from_u32(u32::from_be_bytes([*a, *b, *c, *d]))
                    .unwrap_or(char::REPLACEMENT_CHARACTER),
                _ => char::REPLACEMENT_CHARACTER,
            })
            .collect(),
        _ => format!("#{}", crate::text::hex(v)),
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]
mod tests {
    use super::*;

    #[test]
    fn oids_read_in_dotted_form() {
        assert_eq!(
            dotted(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d]),
            "1.2.840.113549"
        );
        assert_eq!(dotted(&[0x55, 0x1d, 0x13]), "2.5.29.19");
        assert_eq!(dotted(&[0x88, 0x37]), "2.999");
        assert_eq!(dotted(&[0xff; 12]), "…");
    }

    #[test]
    fn times_in_both_forms() {
        let t = |tag, s: &str| time((tag, s.as_bytes())).map(|t| t.to_string());
        assert_eq!(
            t(UTC_TIME, "980813235900Z").as_deref(),
            Some("1998-08-13T23:59Z")
        );
        assert_eq!(
            t(UTC_TIME, "380119031407Z").as_deref(),
            Some("2038-01-19T03:14:07Z")
        );
        assert_eq!(
            t(GENERALIZED_TIME, "20500101000000Z").as_deref(),
            Some("2050-01-01T00:00Z")
        );
        assert_eq!(t(UTC_TIME, "20500101000000Z"), None);
        assert_eq!(t(GENERALIZED_TIME, "980813235900Z"), None);
        assert_eq!(t(UTC_TIME, "981313235900Z"), None);
        assert_eq!(t(UTC_TIME, "9808132359+0Z"), None);
        assert_eq!(t(UTC_TIME, "980813235900"), None);
    }

    #[test]
    fn names_keep_their_order_and_multi_valued_rdns() {
        let atv = |oid: &[u8], tag: u8, v: &[u8]| {
            let mut a = vec![OID, oid.len() as u8];
            a.extend_from_slice(oid);
            a.extend_from_slice(&[tag, v.len() as u8]);
            a.extend_from_slice(v);
            [vec![SEQUENCE, a.len() as u8], a].concat()
        };
        let set = |atvs: &[Vec<u8>]| {
            let body = atvs.concat();
            [vec![SET, body.len() as u8], body].concat()
        };
        let rdns = [
            set(&[atv(&[0x55, 0x04, 0x06], 0x13, b"NL")]),
            set(&[
                atv(&[0x55, 0x04, 0x0a], 0x0c, "Café".as_bytes()),
                atv(&[0x55, 0x04, 0x0b], 0x1e, &[0, b'I', 0, b'T']),
            ]),
            set(&[atv(&[0x2b, 0x06, 0x01], 0x04, &[0xab])]),
        ]
        .concat();
        assert_eq!(
            name(&rdns).as_deref(),
            Some("C=NL, O=Café + OU=IT, 1.3.6.1=#ab")
        );
        // A SEQUENCE where a SET belongs, and trailing bytes inside an attribute, are refused.
        assert_eq!(name(&[SEQUENCE, 0]), None);
        let mut extra = atv(&[0x55, 0x04, 0x03], 0x0c, b"x");
        extra[1] += 2;
        extra.extend_from_slice(&[0x05, 0x00]);
        assert_eq!(name(&set(&[extra])), None);
    }

    #[test]
    fn lengths_past_the_end_and_trailing_bytes_are_refused() {
        assert_eq!(Der::new(&[0x30, 0x05, 0x00]).tlv(), None);
        assert_eq!(Der::new(&[0x30, 0x80]).tlv(), None);
        assert_eq!(Der::new(&[0x30, 0x85, 0, 0, 0, 0, 1]).tlv(), None);
        assert_eq!(
            Der::new(&[0x30, 0x81, 0x01, 0xaa]).tlv(),
            Some((0x30, &[0xaa][..]))
        );
        assert_eq!(certificate(&[0x30, 0x00]), None);
        assert_eq!(certificate(&[0x30, 0x00, 0x00]), None);
    }
}
