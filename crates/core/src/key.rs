//! RSA public keys in the three forms RMS files carry them, normalised to one value.
//!
//! - DER `RSAPublicKey` (PKCS#1), big-endian integers;
//! - CryptoAPI `PUBLICKEYBLOB`: an 8-byte BLOBHEADER, `RSA1`, bit length, exponent, then the
//!   modulus **little-endian**;
//! - XrML `PUBLICKEY`: exponent as a decimal `integer32`, modulus as base64 of **little-endian**
//!   bytes (rms-formats.md §4, rule 4).
//!
//! The fingerprint that the request and the certificate are compared by is the SHA-256 of the
//! big-endian modulus with leading zero bytes removed, in lowercase hex.

use crate::der::Der;
use serde::Serialize;

/// The form a key was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyForm {
    /// DER `RSAPublicKey` (PKCS#1).
    DerRsaPublicKey,
    /// DER `SubjectPublicKeyInfo` wrapping an RSA key.
    DerSubjectPublicKeyInfo,
    /// CryptoAPI `PUBLICKEYBLOB`.
    CapiPublicKeyBlob,
    /// XrML `PUBLICKEY` (little-endian base64 modulus).
    Xrml,
}

impl KeyForm {
    /// A short human label.
    pub fn label(self) -> &'static str {
        match self {
            KeyForm::DerRsaPublicKey => "DER RSAPublicKey (PKCS#1)",
            KeyForm::DerSubjectPublicKeyInfo => "DER SubjectPublicKeyInfo",
            KeyForm::CapiPublicKeyBlob => "CryptoAPI PUBLICKEYBLOB",
            KeyForm::Xrml => "XrML PUBLICKEY",
        }
    }
}

/// An RSA public key, normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RsaKey {
    /// Modulus, big-endian, no leading zero bytes.
    pub modulus: Vec<u8>,
    /// Public exponent.
    pub exponent: u64,
}

/// Why bytes are not an RSA key.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyError {
    /// Not valid base64.
    Base64 {
        /// What is wrong with it.
        problem: Base64Problem,
    },
    /// Neither DER nor PUBLICKEYBLOB.
    UnknownFormat,
    /// The modulus is zero or empty.
    EmptyModulus,
}

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyError::Base64 { problem } => write!(
                f,
                "not valid base64: {}",
                crate::words::en::base64_problem(problem)
            ),
            KeyError::UnknownFormat => {
                f.write_str("neither a DER RSAPublicKey nor a CryptoAPI PUBLICKEYBLOB")
            }
            KeyError::EmptyModulus => f.write_str("the modulus is empty"),
        }
    }
}

impl std::error::Error for KeyError {}

/// Why text is not base64, by the decoder's error variant. Offsets count characters of the
/// text with its whitespace removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Base64Problem {
    /// A character that is not in the base64 alphabet (or `=` where it cannot be).
    InvalidCharacter {
        /// 0-based position.
        offset: usize,
        /// The character's byte.
        byte: u8,
    },
    /// The number of base64 characters is not possible (one more than a multiple of 4).
    InvalidLength {
        /// The number of characters.
        length: usize,
    },
    /// The last character has bits set that the encoding leaves zero: the text was altered.
    InvalidLastCharacter {
        /// 0-based position.
        offset: usize,
        /// The character's byte.
        byte: u8,
    },
    /// The `=` padding is missing or wrong.
    InvalidPadding,
}

impl From<base64::DecodeError> for Base64Problem {
    fn from(e: base64::DecodeError) -> Base64Problem {
        use base64::DecodeError as D;
        match e {
            D::InvalidByte(offset, byte) => Base64Problem::InvalidCharacter { offset, byte },
            D::InvalidLength(length) => Base64Problem::InvalidLength { length },
            D::InvalidLastSymbol(offset, byte) => {
                Base64Problem::InvalidLastCharacter { offset, byte }
            }
            D::InvalidPadding => Base64Problem::InvalidPadding,
        }
    }
}

fn strip_zeros(b: &[u8]) -> Vec<u8> {
    let first = b.iter().position(|&x| x != 0).unwrap_or(b.len());
    b.get(first..).unwrap_or(&[]).to_vec()
}

/// Decodes base64, ignoring whitespace (keys are often wrapped).
pub fn base64_decode(s: &str) -> Result<Vec<u8>, KeyError> {
    use base64::Engine;
    let engine = base64::engine::general_purpose::STANDARD;
    // A fold rather than `any`: no early exit, so it is vectorised (values are long and
    // rarely wrapped, so nearly every byte is looked at either way).
    let wrapped = s.bytes().fold(false, |w, b| w | b.is_ascii_whitespace());
    let decoded = if wrapped {
        let clean: String = s.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        engine.decode(clean.as_bytes())
    } else {
        engine.decode(s.as_bytes())
    };
    decoded.map_err(|e| KeyError::Base64 { problem: e.into() })
}

impl RsaKey {
    /// From a big-endian modulus and an exponent.
    pub fn new(modulus_be: &[u8], exponent: u64) -> Result<RsaKey, KeyError> {
        let modulus = strip_zeros(modulus_be);
        if modulus.is_empty() {
            return Err(KeyError::EmptyModulus);
        }
        Ok(RsaKey { modulus, exponent })
    }

    /// From the bytes of a request's `aPublicKeyBytes` (already base64-decoded): DER
    /// RSAPublicKey, DER SubjectPublicKeyInfo, or CryptoAPI PUBLICKEYBLOB.
    pub fn from_request_bytes(bytes: &[u8]) -> Result<(RsaKey, KeyForm), KeyError> {
        if let Some(k) = parse_capi_blob(bytes) {
            return Ok((k?, KeyForm::CapiPublicKeyBlob));
        }
        if let Some((k, form)) = parse_der(bytes) {
            return Ok((k?, form));
        }
        Err(KeyError::UnknownFormat)
    }

    /// From XrML's exponent text and little-endian base64 modulus.
    pub fn from_xrml(exponent: &str, modulus_b64_le: &str) -> Result<RsaKey, KeyError> {
        let mut m = base64_decode(modulus_b64_le)?;
        m.reverse();
        let e: u64 = crate::text::trim_xml(exponent)
            .parse()
            .map_err(|_| KeyError::UnknownFormat)?;
        RsaKey::new(&m, e)
    }

    /// Modulus size in bits.
    pub fn bits(&self) -> usize {
        match self.modulus.first() {
            Some(&top) => self.modulus.len() * 8 - top.leading_zeros() as usize,
            None => 0,
        }
    }

    /// True when the modulus is even (not a valid RSA modulus).
    pub fn modulus_is_even(&self) -> bool {
        self.modulus.last().is_some_and(|b| b & 1 == 0)
    }

    /// True when the public exponent can be an RSA exponent: odd and at least 3 (RFC 8017
    /// §3.1: 3 ≤ e and gcd(e, λ(n)) = 1, and λ(n) is even, so e is odd).
    pub fn exponent_is_usable(&self) -> bool {
        self.exponent >= 3 && self.exponent % 2 == 1
    }

    /// SHA-256 of the big-endian modulus, lowercase hex: the key's fingerprint.
    pub fn fingerprint(&self) -> String {
        crate::text::sha256_hex(&self.modulus)
    }
}

/// CryptoAPI PUBLICKEYBLOB: bType 0x06, bVersion 0x02, reserved u16, aiKeyAlg u32
/// (CALG_RSA_KEYX 0xA400 or CALG_RSA_SIGN 0x2400), then RSAPUBKEY: magic "RSA1", bitlen u32,
/// pubexp u32, then modulus little-endian (bitlen/8 bytes).
fn parse_capi_blob(b: &[u8]) -> Option<Result<RsaKey, KeyError>> {
    let header = b.get(..20)?;
    if header.get(..2)? != [0x06, 0x02] || header.get(8..12)? != b"RSA1" {
        return None;
    }
    let u32_at = |i: usize| -> Option<u32> {
        Some(u32::from_le_bytes(header.get(i..i + 4)?.try_into().ok()?))
    };
    let bitlen = u32_at(12)? as usize;
    let exp = u32_at(16)?;
    let len = bitlen.div_ceil(8);
    let Some(m) = b.get(20..20 + len) else {
        return Some(Err(KeyError::UnknownFormat));
    };
    if b.len() != 20 + len {
        return Some(Err(KeyError::UnknownFormat));
    }
    let mut be = m.to_vec();
    be.reverse();
    Some(RsaKey::new(&be, u64::from(exp)))
}

fn parse_rsa_public_key(b: &[u8]) -> Option<Result<RsaKey, KeyError>> {
    let mut outer = Der::new(b);
    let (tag, seq) = outer.tlv()?;
    if tag != 0x30 || !outer.b.is_empty() {
        return None;
    }
    let mut inner = Der::new(seq);
    let (t1, n) = inner.tlv()?;
    let (t2, e) = inner.tlv()?;
    if t1 != 0x02 || t2 != 0x02 || !inner.b.is_empty() {
        return None;
    }
    let e = strip_zeros(e);
    if e.len() > 8 {
        return None;
    }
    let exp = e.iter().fold(0u64, |a, &x| (a << 8) + u64::from(x));
    Some(RsaKey::new(n, exp))
}

fn parse_der(b: &[u8]) -> Option<(Result<RsaKey, KeyError>, KeyForm)> {
    if let Some(k) = parse_rsa_public_key(b) {
        return Some((k, KeyForm::DerRsaPublicKey));
    }
    // SubjectPublicKeyInfo: SEQUENCE { SEQUENCE { OID rsaEncryption, NULL }, BIT STRING }
    let mut outer = Der::new(b);
    let (tag, seq) = outer.tlv()?;
    if tag != 0x30 || !outer.b.is_empty() {
        return None;
    }
    let mut inner = Der::new(seq);
    let (t_alg, alg) = inner.tlv()?;
    let (t_bits, bits) = inner.tlv()?;
    const RSA_OID: &[u8] = &[
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01,
    ];
    if t_alg != 0x30 || t_bits != 0x03 || !alg.starts_with(RSA_OID) {
        return None;
    }
    let key = parse_rsa_public_key(bits.get(1..)?)?;
    Some((key, KeyForm::DerSubjectPublicKeyInfo))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capi_blob_and_der_normalise_to_the_same_key() {
        let modulus_be: Vec<u8> = (0..128u32)
            .map(|i| (i * 7 + 0x81) as u8 | u8::from(i == 127))
            .collect();
        let mut blob = vec![0x06, 0x02, 0, 0, 0x00, 0xA4, 0, 0];
        blob.extend_from_slice(b"RSA1");
        blob.extend_from_slice(&1024u32.to_le_bytes());
        blob.extend_from_slice(&65537u32.to_le_bytes());
        blob.extend(modulus_be.iter().rev());
        let (k1, f1) = RsaKey::from_request_bytes(&blob).unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(f1, KeyForm::CapiPublicKeyBlob);

        let mut der = vec![0x30, 0x81, 0x89, 0x02, 0x81, 0x81, 0x00];
        der.extend_from_slice(&modulus_be);
        der.extend_from_slice(&[0x02, 0x03, 0x01, 0x00, 0x01]);
        let (k2, f2) = RsaKey::from_request_bytes(&der).unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(f2, KeyForm::DerRsaPublicKey);
        assert_eq!(k1, k2);
        assert_eq!(k1.bits(), 1024);
        assert_eq!(k1.exponent, 65537);
        assert!(!k1.modulus_is_even());
    }

    #[test]
    fn exponent_must_be_odd_and_at_least_three() {
        let usable = |e| {
            RsaKey::new(&[0xC3, 0x01], e)
                .map(|k| k.exponent_is_usable())
                .unwrap_or_else(|e| unreachable!("{e}"))
        };
        for e in [0, 1, 2, 4, 65536, 65538, u64::MAX - 1] {
            assert!(!usable(e), "{e}");
        }
        for e in [3, 5, 17, 65537, u64::MAX] {
            assert!(usable(e), "{e}");
        }
    }

    #[test]
    fn base64_ignores_whitespace_wherever_it_is() {
        let plain = base64_decode("AQIDBA==");
        assert_eq!(plain, Ok(vec![1, 2, 3, 4]));
        assert_eq!(base64_decode(" AQ\r\nID\tBA==\n"), plain);
        // Any number of blanks, not only an odd one.
        assert_eq!(base64_decode("AQID BA==\n"), plain);
    }

    #[test]
    fn junk_is_unknown_format() {
        assert_eq!(
            RsaKey::from_request_bytes(b"hello world"),
            Err(KeyError::UnknownFormat)
        );
        assert!(matches!(base64_decode("@@@"), Err(KeyError::Base64 { .. })));
    }

    #[test]
    fn base64_errors_are_typed() {
        let problem = |s: &str| match base64_decode(s) {
            Err(KeyError::Base64 { problem }) => problem,
            other => unreachable!("{s}: {other:?}"),
        };
        // Offsets count the text without its whitespace.
        assert_eq!(
            problem("AQ\nI@BA=="),
            Base64Problem::InvalidCharacter {
                offset: 3,
                byte: b'@'
            }
        );
        assert_eq!(problem("AQIDB"), Base64Problem::InvalidLength { length: 5 });
        assert_eq!(
            problem("AB=="),
            Base64Problem::InvalidLastCharacter {
                offset: 1,
                byte: b'B'
            }
        );
        assert_eq!(problem("AQI"), Base64Problem::InvalidPadding);
    }
}
