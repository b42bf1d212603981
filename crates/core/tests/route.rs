//! Routing by content: every synthetic vector goes to the step that reads it (or is refused
//! with its kind), and the public roots in `../shared/vectors/roots/` go to step 2.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use slc_courier_core::request::FileKind;
use slc_courier_core::route::{classify, Destination, Destination::*, Unknown};
use std::path::Path;

/// Every file under `tests/data`, by path relative to it, with where it goes.
fn every_vector() -> Vec<(String, Destination)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut all = common::files_below(&root);
    // The list of the vectors is not one of them.
    all.retain(|p| !p.ends_with("manifest.json"));
    all.iter()
        .map(|p| {
            let rel = p
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel.clone(), classify(&common::data(&rel)))
        })
        .collect()
}

/// What a vector must be routed to: everything not listed goes to the step its folder is for.
fn expected(rel: &str) -> Destination {
    let xml = |root: &str| {
        Unknown(Unknown::Xml {
            root: root.to_owned(),
        })
    };
    match rel {
        "request/bad/binary-file.xml" | "chain/bad/png-renamed.xml" => {
            Unknown(Unknown::Binary(FileKind::Png))
        }
        "request/bad/request-empty.xml" | "chain/bad/empty.xml" => Unknown(Unknown::Empty),
        "request/bad/request-blank.xml" | "workbench/README.md" => Unknown(Unknown::Text),
        "request/bad/not-a-request.xml" => xml("configuration"),
        // Certificates dropped in step 1 by mistake belong in step 2's root check.
        "request/bad/pem-not-request.xml" => RootCertificate,
        // Starts like a DER certificate but is not one that parses.
        "request/bad/der-certificate.xml" => Unknown(Unknown::Binary(FileKind::DerCertificate)),
        "request/bad/text-not-xml.xml" => Unknown(Unknown::Text),
        "chain/test-root.xrml-key.txt" => Unknown(Unknown::AnchorKey),
        r if r.starts_with("keys/") => Unknown(Unknown::Pem {
            label: "RSA PRIVATE KEY".to_owned(),
        }),
        r if r.starts_with("request/") || r.ends_with("EnrollRequest.xml") => Request,
        r if r.starts_with("chain/") || r.starts_with("workbench/") => Chain,
        r => panic!("{r}: no expectation; add one"),
    }
}

#[test]
fn every_synthetic_vector_goes_where_it_belongs() {
    let all = every_vector();
    assert!(all.len() > 150, "only {} vectors", all.len());
    let wrong: Vec<String> = all
        .iter()
        .filter(|(rel, d)| *d != expected(rel))
        .map(|(rel, d)| format!("{rel}: {d:?}, expected {:?}", expected(rel)))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn kinds_the_vectors_do_not_cover() {
    let req = common::data("request/good/RMS01EnrollRequest.xml");
    let chain = common::data("chain/good/sha1-compact.xml");
    // A request and a chain pasted into one file: either step could be meant.
    let both = [req.as_slice(), b"\n", chain.as_slice()].concat();
    assert_eq!(classify(&both), Unknown(Unknown::RequestAndChain));
    // A request saved as a web page by the browser is still a request (step 1 diagnoses it).
    let escaped = String::from_utf8(req.clone())
        .unwrap()
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let page = format!("<html><body><pre>{escaped}</pre></body></html>");
    assert_eq!(classify(page.as_bytes()), Request);
    let page = format!(
        "<html><body><pre>{}</pre></body></html>",
        String::from_utf8_lossy(&chain).replace('<', "&lt;")
    );
    assert_eq!(classify(page.as_bytes()), Chain);
    // Escaped with character references, in any spelling the reader reads: still a chain.
    for lt in ["&#60;", "&#060;", "&#x3C;", "&#x3c;"] {
        let refs = String::from_utf8_lossy(&chain).replace('<', lt);
        assert_eq!(classify(refs.as_bytes()), Chain, "{lt}");
    }
    // A reference that is not '<' (or not closed) makes no XrML.
    assert_eq!(classify(b"&#61;XrML and &#60XrML"), Unknown(Unknown::Text));
    // A certificate whose contents are damaged is still the root check's to diagnose.
    let pem = b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    assert_eq!(classify(pem), RootCertificate);
    assert_eq!(
        classify(b"-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n"),
        Unknown(Unknown::Pem {
            label: "CERTIFICATE REQUEST".to_owned()
        })
    );
    assert_eq!(
        classify(b"<!DOCTYPE html><html lang=en>"),
        Unknown(Unknown::Xml {
            root: "html".to_owned()
        })
    );
    assert_eq!(
        classify(b"%PDF-1.7\n"),
        Unknown(Unknown::Binary(FileKind::Pdf))
    );
    assert_eq!(
        classify(b"\x30\x82\x01\x00\x00\xff\xfe"),
        Unknown(Unknown::Binary(FileKind::Other))
    );
    assert_eq!(classify(b"hello"), Unknown(Unknown::Text));
    // UTF-16 requests and chains are read as text, not as binary.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            String::from_utf8(req)
                .unwrap()
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    assert_eq!(classify(&utf16), Request);
}

/// DER: a tag, a length, the contents.
fn der(tag: u8, content: &[u8]) -> Vec<u8> {
    let n = content.len();
    let mut out = vec![tag];
    match n {
        0..=0x7F => out.push(n as u8),
        0x80..=0xFF => out.extend([0x81, n as u8]),
        _ => out.extend([0x82, (n >> 8) as u8, n as u8]),
    }
    out.extend_from_slice(content);
    out
}

/// A structurally valid (unsigned, never trusted) self-issued X.509 v3 certificate, built
/// here so the DER and PEM routes are tested without the shared vectors.
fn synthetic_certificate() -> Vec<u8> {
    let seq = |parts: &[Vec<u8>]| der(0x30, &parts.concat());
    let oid = |bytes: &[u8]| der(0x06, bytes);
    let null = vec![0x05, 0x00];
    let sha256_rsa = seq(&[
        oid(&[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0B]),
        null.clone(),
    ]);
    let rsa = seq(&[
        oid(&[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]),
        null,
    ]);
    let name = seq(&[der(
        0x31,
        &seq(&[oid(&[0x55, 0x04, 0x03]), der(0x0C, b"Synthetic Root")]),
    )]);
    let validity = seq(&[der(0x17, b"200101000000Z"), der(0x17, b"400101000000Z")]);
    let modulus: Vec<u8> = [0x00, 0xC5]
        .into_iter()
        .chain((0..127u8).map(|i| i.wrapping_mul(37) | 0x81))
        .collect();
    let key = seq(&[der(0x02, &modulus), der(0x02, &[0x01, 0x00, 0x01])]);
    let spki = seq(&[rsa, der(0x03, &[&[0x00][..], &key].concat())]);
    let tbs = seq(&[
        der(0xA0, &der(0x02, &[0x02])),
        der(0x02, &[0x01, 0xA5]),
        sha256_rsa.clone(),
        name.clone(),
        validity,
        name,
        spki,
    ]);
    seq(&[tbs, sha256_rsa, der(0x03, &[0x00; 129])])
}

#[test]
fn a_certificate_goes_to_the_root_check_as_der_and_as_pem() {
    use base64::Engine;
    let cert = synthetic_certificate();
    let (info, _) =
        slc_courier_core::trust::inspect_root(&cert, slc_courier_core::UtcTime::from_unix(0));
    let info = info.unwrap_or_else(|| panic!("the test certificate parses"));
    assert_eq!(
        (
            info.subject.as_str(),
            info.issuer.as_str(),
            info.serial.as_str()
        ),
        ("CN=Synthetic Root", "CN=Synthetic Root", "01:a5")
    );
    assert_eq!(
        (info.not_before.to_string(), info.not_after.to_string()),
        (
            "2020-01-01T00:00Z".to_owned(),
            "2040-01-01T00:00Z".to_owned()
        )
    );
    assert_eq!(classify(&cert), RootCertificate);
    let b64 = base64::engine::general_purpose::STANDARD.encode(&cert);
    let pem = format!("Exported from certmgr\r\n-----BEGIN CERTIFICATE-----\r\n{b64}\r\n-----END CERTIFICATE-----\r\n");
    assert_eq!(classify(pem.as_bytes()), RootCertificate);
    // Cut short, it is no certificate: refused as what it looks like.
    assert_eq!(
        classify(&cert[..cert.len() - 40]),
        Unknown(Unknown::Binary(FileKind::DerCertificate))
    );
    // A certificate pasted into a PNG's place is still a PNG.
    assert_eq!(
        classify(&[&b"\x89PNG\r\n"[..], cert.as_slice()].concat()),
        Unknown(Unknown::Binary(FileKind::Png))
    );
}

/// The public roots (real certificates, read and never copied), as PEM and as DER.
#[test]
fn real_roots_go_to_the_root_check() {
    let Some(dir) = common::shared("roots") else {
        return;
    };
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let bytes = std::fs::read(&p).unwrap();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".pem") {
            assert_eq!(classify(&bytes), RootCertificate, "{name}");
            let text = String::from_utf8(bytes).unwrap();
            let b64: String = text
                .lines()
                .skip_while(|l| !l.starts_with("-----BEGIN"))
                .skip(1)
                .take_while(|l| !l.starts_with("-----END"))
                .collect();
            let der = slc_courier_core::key::base64_decode(&b64).unwrap();
            assert_eq!(classify(&der), RootCertificate, "{name} as DER");
            n += 1;
        } else if name.ends_with(".xrml-key.txt") {
            assert_eq!(classify(&bytes), Unknown(Unknown::AnchorKey), "{name}");
        }
    }
    assert!(n >= 4, "only {n} roots");
}
