//! The three key forms a request carries (DER RSAPublicKey, DER SubjectPublicKeyInfo,
//! CryptoAPI PUBLICKEYBLOB), edge by edge: each test is one byte-level rule of the minimal DER
//! reader or the blob reader, with the exact key (or the exact error) it must give. Made by
//! `cargo xtask mutants`: each case failed with a mutant of `key.rs`.

use slc_courier_core::key::{KeyError, KeyForm, RsaKey};

/// A 1024-bit modulus, big-endian: top bit set, odd.
fn modulus() -> Vec<u8> {
    (0..128u32)
        .map(|i| (i * 7 + 0x81) as u8 | u8::from(i == 127))
        .collect()
}

/// A DER TLV with the shortest length form.
fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let n = content.len();
    let mut out = vec![tag];
    if n < 0x80 {
        out.push(n as u8);
    } else if n < 0x100 {
        out.extend([0x81, n as u8]);
    } else {
        out.extend([0x82, (n >> 8) as u8, n as u8]);
    }
    out.extend_from_slice(content);
    out
}

/// An INTEGER holding the unsigned big-endian `v` (a leading zero when the top bit is set).
fn integer(v: &[u8]) -> Vec<u8> {
    let mut c = vec![];
    if v.first().is_some_and(|b| b & 0x80 != 0) {
        c.push(0);
    }
    c.extend_from_slice(v);
    tlv(0x02, &c)
}

/// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
fn rsa_public_key(n: &[u8], e: &[u8]) -> Vec<u8> {
    tlv(0x30, &[integer(n), integer(e)].concat())
}

const RSA_OID: &[u8] = &[
    0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01,
];

/// SubjectPublicKeyInfo ::= SEQUENCE { SEQUENCE { OID, NULL }, BIT STRING } with the tags and
/// the algorithm's OID given.
fn spki(alg_tag: u8, oid: &[u8], bits_tag: u8, key: &[u8]) -> Vec<u8> {
    let alg = tlv(alg_tag, &[oid, &[0x05, 0x00]].concat());
    let bits = tlv(bits_tag, &[&[0u8][..], key].concat());
    tlv(0x30, &[alg, bits].concat())
}

/// A CryptoAPI PUBLICKEYBLOB of `modulus_be` (bType, bVersion and magic as given).
fn blob(kind: [u8; 2], magic: &[u8; 4], bits: u32, exp: u32, modulus_be: &[u8]) -> Vec<u8> {
    let mut b = vec![kind[0], kind[1], 0, 0, 0x00, 0xA4, 0, 0];
    b.extend_from_slice(magic);
    b.extend_from_slice(&bits.to_le_bytes());
    b.extend_from_slice(&exp.to_le_bytes());
    b.extend(modulus_be.iter().rev());
    b
}

fn key(n: &[u8], e: u64) -> RsaKey {
    RsaKey::new(n, e).unwrap_or_else(|err| unreachable!("{err}"))
}

#[track_caller]
fn reads(bytes: &[u8], expected: Result<(RsaKey, KeyForm), KeyError>) {
    assert_eq!(RsaKey::from_request_bytes(bytes), expected);
}

#[track_caller]
fn refused(bytes: &[u8]) {
    reads(bytes, Err(KeyError::UnknownFormat));
}

#[test]
fn der_lengths_of_one_to_four_bytes_are_read_and_five_are_refused() {
    let n = modulus();
    let inner = [integer(&n), integer(&[1, 0, 1])].concat();
    let expected = Ok((key(&n, 65537), KeyForm::DerRsaPublicKey));
    // The shortest form (0x81 0x89), then the same length in 2, 3 and 4 bytes.
    reads(&tlv(0x30, &inner), expected.clone());
    let len = inner.len() as u32;
    for width in 2..=5usize {
        let mut der = vec![0x30, 0x80 | width as u8];
        let mut be = vec![0u8; width];
        for (i, b) in be.iter_mut().rev().enumerate() {
            *b = (u64::from(len) >> (8 * i)) as u8;
        }
        der.extend(be);
        der.extend(&inner);
        if width <= 4 {
            reads(&der, expected.clone());
        } else {
            refused(&der);
        }
    }
}

#[test]
fn a_two_byte_der_length_is_big_endian() {
    // RSA-2048: every length in the SEQUENCE and the modulus INTEGER is 0x82 hi lo.
    let n: Vec<u8> = (0..256u32).map(|i| (i * 13 + 0xC1) as u8 | 1).collect();
    let der = rsa_public_key(&n, &[1, 0, 1]);
    assert_eq!(der.get(..4), Some(&[0x30, 0x82, 0x01, 0x0a][..]));
    let (k, form) = RsaKey::from_request_bytes(&der).unwrap_or_else(|e| unreachable!("{e}"));
    assert_eq!(
        (k.bits(), k.exponent, form),
        (2048, 65537, KeyForm::DerRsaPublicKey)
    );
    assert_eq!(k.modulus, n);
}

#[test]
fn an_indefinite_der_length_is_refused() {
    // 0x80 is BER's indefinite length, not a length of 128: the 128 bytes after it would
    // otherwise read as a key.
    let n = vec![0x45; 121];
    let inner = [integer(&n), integer(&[1, 0, 1])].concat();
    assert_eq!(inner.len(), 0x80);
    refused(&[&[0x30, 0x80][..], &inner].concat());
    reads(
        &[&[0x30, 0x81, 0x80][..], &inner].concat(),
        Ok((key(&n, 65537), KeyForm::DerRsaPublicKey)),
    );
}

#[test]
fn der_rsa_public_key_is_exactly_two_integers_and_nothing_after() {
    let n = modulus();
    let e = integer(&[1, 0, 1]);
    refused(&[rsa_public_key(&n, &[1, 0, 1]), vec![0]].concat());
    let mut wrong_n = integer(&n);
    wrong_n[0] = 0x03;
    refused(&tlv(0x30, &[wrong_n, e.clone()].concat()));
    let mut wrong_e = e.clone();
    wrong_e[0] = 0x04;
    refused(&tlv(0x30, &[integer(&n), wrong_e].concat()));
    refused(&tlv(0x30, &[integer(&n), e.clone(), e.clone()].concat()));
    refused(&tlv(0x31, &[integer(&n), e].concat()));
}

#[test]
fn the_exponent_has_at_most_eight_bytes() {
    let n = modulus();
    let e8 = [1, 0, 0, 0, 0, 0, 0, 3];
    reads(
        &rsa_public_key(&n, &e8),
        Ok((key(&n, (1 << 56) + 3), KeyForm::DerRsaPublicKey)),
    );
    // Leading zeros do not count.
    reads(
        &tlv(0x30, &[integer(&n), tlv(0x02, &[0, 0, 1, 0, 1])].concat()),
        Ok((key(&n, 65537), KeyForm::DerRsaPublicKey)),
    );
    refused(&rsa_public_key(&n, &[1, 0, 0, 0, 0, 0, 0, 0, 3]));
}

#[test]
fn subject_public_key_info_needs_its_tags_and_the_rsa_oid() {
    let n = modulus();
    let inner = rsa_public_key(&n, &[1, 0, 1]);
    reads(
        &spki(0x30, RSA_OID, 0x03, &inner),
        Ok((key(&n, 65537), KeyForm::DerSubjectPublicKeyInfo)),
    );
    refused(&[spki(0x30, RSA_OID, 0x03, &inner), vec![0]].concat());
    refused(&spki(0x31, RSA_OID, 0x03, &inner));
    refused(&spki(0x30, RSA_OID, 0x04, &inner));
    let mut dsa = RSA_OID.to_vec();
    if let Some(last) = dsa.last_mut() {
        *last = 0x05;
    }
    refused(&spki(0x30, &dsa, 0x03, &inner));
    refused(&spki(0x30, RSA_OID, 0x03, &[inner, vec![0]].concat()));
}

#[test]
fn a_blob_needs_its_type_version_and_magic_and_exactly_its_modulus() {
    let n = modulus();
    let good = blob([0x06, 0x02], b"RSA1", 1024, 3, &n);
    reads(&good, Ok((key(&n, 3), KeyForm::CapiPublicKeyBlob)));
    // A PRIVATEKEYBLOB (0x07) or another version is not this form (and not DER either).
    refused(&blob([0x07, 0x02], b"RSA1", 1024, 3, &n));
    refused(&blob([0x06, 0x03], b"RSA1", 1024, 3, &n));
    refused(&blob([0x06, 0x02], b"RSA2", 1024, 3, &n));
    // The bit length decides how many modulus bytes follow: one more, or one fewer, is wrong.
    refused(&[good.clone(), vec![0]].concat());
    refused(good.get(..good.len() - 1).unwrap_or_default());
    // 1023 bits still take 128 bytes.
    reads(
        &blob([0x06, 0x02], b"RSA1", 1023, 65537, &n),
        Ok((key(&n, 65537), KeyForm::CapiPublicKeyBlob)),
    );
}

#[test]
fn bits_count_from_the_top_set_bit() {
    let k = |n: &[u8]| key(n, 3).bits();
    assert_eq!(k(&[0x01, 0xff]), 9);
    assert_eq!(k(&[0x00, 0x80, 0x01]), 16);
    assert_eq!(k(&[0x7f; 3]), 23);
    assert_eq!(RsaKey::new(&[0, 0], 3), Err(KeyError::EmptyModulus));
}

#[test]
fn an_even_modulus_is_told_by_its_last_byte() {
    let even = |n: &[u8]| key(n, 3).modulus_is_even();
    assert!(even(&[0xC3, 0x00]));
    assert!(even(&[0xC3, 0x02]));
    assert!(even(&[0xC3, 0xfe]));
    assert!(!even(&[0xC2, 0x01]));
    assert!(!even(&[0xC2, 0xff]));
}

#[test]
fn the_forms_and_errors_read_as_documented() {
    let labels = [
        KeyForm::DerRsaPublicKey,
        KeyForm::DerSubjectPublicKeyInfo,
        KeyForm::CapiPublicKeyBlob,
        KeyForm::Xrml,
    ]
    .map(KeyForm::label);
    assert_eq!(
        labels,
        [
            "DER RSAPublicKey (PKCS#1)",
            "DER SubjectPublicKeyInfo",
            "CryptoAPI PUBLICKEYBLOB",
            "XrML PUBLICKEY",
        ]
    );
    assert_eq!(
        KeyError::UnknownFormat.to_string(),
        "neither a DER RSAPublicKey nor a CryptoAPI PUBLICKEYBLOB"
    );
    assert_eq!(KeyError::EmptyModulus.to_string(), "the modulus is empty");
}

#[test]
fn an_xrml_key_is_little_endian_base64_and_a_decimal_exponent() {
    // Modulus bytes 01 02 03 04 little-endian: 0x04030201 big-endian.
    assert_eq!(
        RsaKey::from_xrml(" 65537 ", "AQIDBA=="),
        Ok(key(&[4, 3, 2, 1], 65537))
    );
    assert_eq!(
        RsaKey::from_xrml("0x10001", "AQIDBA=="),
        Err(KeyError::UnknownFormat)
    );
    assert_eq!(RsaKey::from_xrml("3", "AAAA"), Err(KeyError::EmptyModulus));
}
