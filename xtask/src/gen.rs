//! `cargo xtask gen-testdata [--check]`: the project's synthetic vectors, made from fixed
//! test keys (committed PEMs under `crates/core/tests/data/keys/`), so every byte can be
//! reproduced. `--check` fails when a committed file differs from what this makes.
//!
//! `crates/core/tests/data/manifest.json` lists every file this makes, with how it was made and
//! what the checks must find in it (the tests read the expectations; this reads the list): a
//! file made but not listed, or listed but not made, fails the run, with or without `--check`.
//!
//! Requests follow MS-RMPR §3.6.4.1 as .NET XmlSerializer writes them; chains follow
//! §2.2.9.3 and are signed by the rule in `shared/docs/rms-formats.md` §4.
//!
//! Indexing is allowed here: the generator cuts fixed, known vectors at known places, and an
//! index out of range is a bug in the generator that its own run (`--check` in CI) shows.
#![allow(clippy::indexing_slicing)]

use anyhow::{bail, Context, Result};
use base64::Engine;
use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPrivateKey, EncodeRsaPublicKey};
use rsa::traits::PublicKeyParts;
use rsa::{Pkcs1v15Sign, PrivateKey as RsaPrivateKey, PublicKey as RsaPublicKey};
use sha2::Digest;
use slc_courier_core::time::UtcTime;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod browser;
mod workbench;

const DATA: &str = "crates/core/tests/data";

/// The manifest of generated vectors, under [`DATA`].
const MANIFEST: &str = "manifest.json";

/// Lowercase hex.
fn b64(b: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(b)
}

/// The fixed test keys: (name, bits, seed).
const KEYS: &[(&str, usize, u64)] = &[
    ("test-root", 2048, 1),
    ("test-ca", 2048, 2),
    ("test-enrollment-ca", 2048, 3),
    ("test-enrollment-service-1024", 1024, 4),
    ("test-enrollment-service-2048", 2048, 5),
    ("test-server-rms01-1024", 1024, 6),
    ("test-server-rms02-2048", 2048, 7),
    ("test-server-rms03-1024", 1024, 8),
    ("test-wrong-root", 2048, 9),
    ("test-impostor", 1024, 10),
    ("test-server-rms04-1536", 1536, 11),
];

struct Keys(BTreeMap<&'static str, RsaPrivateKey>);

impl Keys {
    /// Loads the committed keys; makes (and writes) a missing one from its seed. The committed
    /// PEMs are the reference: they were made with `rsa` 0.9, whose key generation differs from
    /// 0.10's, so a key made now from the same seed would be a different (still fixed) key.
    fn load(check: bool) -> Result<Keys> {
        use chacha20::rand_core::SeedableRng;
        let mut m = BTreeMap::new();
        for &(name, bits, seed) in KEYS {
            let path = Path::new(DATA).join("keys").join(format!("{name}.pem"));
            let key = match std::fs::read_to_string(&path) {
                Ok(pem) => RsaPrivateKey::from_pkcs1_pem(&pem)
                    .with_context(|| path.display().to_string())?,
                Err(_) if check => bail!(
                    "{} is missing: run cargo xtask gen-testdata",
                    path.display()
                ),
                Err(_) => {
                    let mut rng = chacha20::ChaCha20Rng::seed_from_u64(seed);
                    let k = RsaPrivateKey::new(&mut rng, bits)?;
                    std::fs::create_dir_all(path.parent().context("parent")?)?;
                    std::fs::write(
                        &path,
                        k.to_pkcs1_pem(rsa::pkcs8::LineEnding::LF)?.as_bytes(),
                    )?;
                    k
                }
            };
            m.insert(name, key);
        }
        Ok(Keys(m))
    }

    fn get(&self, name: &str) -> &RsaPrivateKey {
        match self.0.get(name) {
            Some(k) => k,
            None => unreachable!("unknown test key {name}"),
        }
    }
}

/// The modulus, big-endian, without leading zero bytes.
fn modulus_be(k: &RsaPublicKey) -> Vec<u8> {
    k.n().as_ref().to_be_bytes_trimmed_vartime().into_vec()
}

/// The modulus size in bits.
fn modulus_bits(k: &RsaPublicKey) -> u32 {
    k.n().as_ref().bit_width_vartime()
}

/// The public exponent (RSA keys here have small ones; `rsa` refuses any above 2^33 − 1).
fn exponent(k: &RsaPublicKey) -> u64 {
    let le = k.e().to_le_bytes_trimmed_vartime();
    le.iter().rev().fold(0u64, |a, &x| (a << 8) | u64::from(x))
}

fn modulus_le_b64(k: &RsaPublicKey) -> String {
    let mut m = modulus_be(k);
    m.reverse();
    b64(&m)
}

fn der(k: &RsaPublicKey) -> Vec<u8> {
    k.to_pkcs1_der()
        .map(|d| d.as_bytes().to_vec())
        .unwrap_or_default()
}

/// CryptoAPI PUBLICKEYBLOB (CALG_RSA_KEYX, little-endian modulus).
fn capi_blob(k: &RsaPublicKey) -> Vec<u8> {
    let bits = modulus_bits(k);
    let mut b = vec![0x06, 0x02, 0x00, 0x00, 0x00, 0xA4, 0x00, 0x00];
    b.extend_from_slice(b"RSA1");
    b.extend_from_slice(&bits.to_le_bytes());
    b.extend_from_slice(&(exponent(k) as u32).to_le_bytes());
    let mut m = modulus_be(k);
    m.reverse();
    b.extend_from_slice(&m);
    b
}

// ---------------------------------------------------------------------------- requests

struct Req {
    revocation: String,
    key_b64: String,
    guid: String,
    sku: String,
    version: String,
    name: String,
    url: String,
}

impl Req {
    fn render(&self) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<EnrollParameters xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns=\"http://microsoft.com/DRM/EnrollmentService\">\n  <RevocationInformation>\n{}  </RevocationInformation>\n  <CertificatePublicKey>\n    <aPublicKeyBytes>{}</aPublicKeyBytes>\n    <Guid>{}</Guid>\n  </CertificatePublicKey>\n  <EnrolleeInformation>\n    <SKU>{}</SKU>\n    <Version>{}</Version>\n    <Name>{}</Name>\n    <URL>{}</URL>\n  </EnrolleeInformation>\n</EnrollParameters>\n",
            self.revocation, self.key_b64, self.guid, self.sku, self.version, self.name, self.url
        )
    }
}

const STANDARD: &str = "    <RevocationType>StandardRevocation</RevocationType>\n";

fn custom(key_b64: &str) -> String {
    format!("    <RevocationType>CustomRevocation</RevocationType>\n    <aRevocationAuthorities>\n      <RevocationAuthorityInformation>\n        <aRevocationAuthorityPublicKey>{key_b64}</aRevocationAuthorityPublicKey>\n      </RevocationAuthorityInformation>\n    </aRevocationAuthorities>\n")
}

const RMS01_GUID: &str = "{6F9619FF-8B86-D011-B42D-00C04FC964FF}";
const RMS02_GUID: &str = "{3b1f2c44-5d6e-4f70-8a9b-0c1d2e3f4a5b}";
const RMS03_GUID: &str = "{A0B1C2D3-E4F5-4617-8899-AABBCCDDEEFF}";

fn rms01(keys: &Keys) -> Req {
    let k = keys.get("test-server-rms01-1024").to_public_key();
    Req {
        revocation: STANDARD.to_owned(),
        key_b64: b64(&der(&k)),
        guid: RMS01_GUID.to_owned(),
        sku: "12345-123-0000007-18968".to_owned(),
        version: "1.0.3012.0".to_owned(),
        name: "RMS01".to_owned(),
        url: "http://rms01.contoso.test/_wmcs".to_owned(),
    }
}

/// A DER RSAPublicKey with an arbitrary (not necessarily valid) modulus and exponent.
fn fake_der(modulus_be: &[u8], e: u32) -> Vec<u8> {
    let int = |v: &[u8]| {
        let mut body = v.to_vec();
        if body.first().is_some_and(|b| b & 0x80 != 0) {
            body.insert(0, 0);
        }
        let mut out = vec![0x02];
        out.extend(len(body.len()));
        out.extend(body);
        out
    };
    fn len(n: usize) -> Vec<u8> {
        if n < 0x80 {
            vec![n as u8]
        } else if n < 0x100 {
            vec![0x81, n as u8]
        } else {
            vec![0x82, (n >> 8) as u8, n as u8]
        }
    }
    let mut e_bytes: Vec<u8> = e
        .to_be_bytes()
        .into_iter()
        .skip_while(|&b| b == 0)
        .collect();
    if e_bytes.is_empty() {
        // DER writes zero as one 0x00 byte.
        e_bytes.push(0);
    }
    let mut seq = int(modulus_be);
    seq.extend(int(&e_bytes));
    let mut out = vec![0x30];
    out.extend(len(seq.len()));
    out.extend(seq);
    out
}

/// A CryptoAPI PUBLICKEYBLOB with an arbitrary (not necessarily valid) modulus and exponent.
fn fake_blob(modulus_be: &[u8], e: u32) -> Vec<u8> {
    let mut b = vec![0x06, 0x02, 0x00, 0x00, 0x00, 0xA4, 0x00, 0x00];
    b.extend_from_slice(b"RSA1");
    b.extend_from_slice(&((modulus_be.len() * 8) as u32).to_le_bytes());
    b.extend_from_slice(&e.to_le_bytes());
    b.extend(modulus_be.iter().rev());
    b
}

/// A DER SEQUENCE with a two-byte length.
fn der_sequence(content: &[u8]) -> Vec<u8> {
    let len = u16::try_from(content.len())
        .unwrap_or(u16::MAX)
        .to_be_bytes();
    [&[0x30, 0x82][..], &len, content].concat()
}

/// Something shaped like an X.509 certificate (SEQUENCE { SEQUENCE { key } }): enough for a
/// reader that looks at the first bytes; nothing parses it further.
fn fake_certificate(key_der: &[u8]) -> Vec<u8> {
    der_sequence(&der_sequence(key_der))
}

/// PEM text: base64 in lines of 64 characters between BEGIN and END lines.
fn pem(label: &str, der: &[u8]) -> String {
    let b = b64(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

fn ie_rendering(xml: &str) -> String {
    let mut out = String::new();
    let lines: Vec<&str> = xml.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim_start();
        let opens_parent = t.starts_with('<')
            && !t.starts_with("</")
            && !t.starts_with("<?")
            && !t.contains("</")
            && lines
                .get(i + 1)
                .is_some_and(|n| n.trim_start().starts_with('<'));
        out.push_str(if opens_parent { "- " } else { "  " });
        out.push_str(t);
        out.push_str(" \n");
    }
    out
}

fn utf16(s: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = vec![];
    if bom {
        out.extend_from_slice(if big_endian {
            &[0xFE, 0xFF]
        } else {
            &[0xFF, 0xFE]
        });
    }
    for u in s.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

fn requests(keys: &Keys, files: &mut Files) {
    let good = rms01(keys);
    let g = good.render();
    let dir = "request";
    files.add(format!("{dir}/good/RMS01EnrollRequest.xml"), g.clone());
    let capi = Req {
        key_b64: b64(&capi_blob(
            &keys.get("test-server-rms01-1024").to_public_key(),
        )),
        ..rms01(keys)
    };
    files.add(format!("{dir}/good/RMS01RenewRequest.xml"), capi.render());
    let k2 = keys.get("test-server-rms02-2048").to_public_key();
    let r2 = Req {
        key_b64: b64(&der(&k2)),
        guid: RMS02_GUID.to_owned(),
        name: "RMS02".into(),
        url: "https://rms02.contoso.test/_wmcs".into(),
        ..rms01(keys)
    };
    files.add(format!("{dir}/good/RMS02EnrollRequest.xml"), r2.render());
    let k3 = keys.get("test-server-rms03-1024").to_public_key();
    let authority = b64(&der(&keys.get("test-impostor").to_public_key()));
    let r3 = Req {
        revocation: custom(&authority),
        key_b64: b64(&capi_blob(&k3)),
        guid: RMS03_GUID.to_owned(),
        name: "RMS03".into(),
        url: "https://rms03.fabrikam.test/_wmcs".into(),
        ..rms01(keys)
    };
    files.add(format!("{dir}/good/RMS03EnrollRequest.xml"), r3.render());

    // One damaged variant per finding code; the manifest names the exact codes.
    let bad = |name: &str| format!("{dir}/bad/{name}");
    let with = |from: &str, to: &str| g.replacen(from, to, 1);
    files.add(bad("request-empty.xml"), Vec::new());
    files.add(bad("request-blank.xml"), " \n\t \n");
    files.add(
        bad("binary-file.xml"),
        [&b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"[..], &[0u8; 32]].concat(),
    );
    files.add(
        bad("utf8-bom.xml"),
        [&[0xEF, 0xBB, 0xBF][..], g.as_bytes()].concat(),
    );
    files.add(bad("utf16-encoded.xml"), utf16(&g, false, true));
    files.add(bad("utf16be-no-bom.xml"), utf16(&g, true, false));
    files.add(
        bad("nul-bytes.xml"),
        [g.as_bytes(), &[0u8; 64][..]].concat(),
    );
    files.add(
        bad("non-ascii.xml"),
        with("<Name>RMS01</Name>", "<Name>RMS01-Møller</Name>"),
    );
    let mut inv = g.clone().into_bytes();
    if let Some(p) = g.find("RMS01</Name>") {
        inv.insert(p + 5, 0xFF);
    }
    files.add(bad("invalid-utf8.xml"), inv);
    files.add(bad("crlf-line-endings.xml"), g.replace('\n', "\r\n"));
    files.add(
        bad("leading-junk.xml"),
        format!("Exported by admin on RMS01\n{g}"),
    );
    files.add(bad("trailing-junk.xml"), format!("{g}-- end of file --\n"));
    let body = g.split_once('\n').map(|(_, b)| b).unwrap_or(&g);
    files.add(bad("html-wrapper.xml"), format!("<!-- saved from url=(0014)about:internet -->\n<html><head><title>RMS01EnrollRequest.xml</title></head><body>\n{body}</body></html>\n"));
    files.add(bad("browser-rendering.xml"), format!("This XML file does not appear to have any style information associated with it. The document tree is shown below.\n{body}"));
    files.add(bad("browser-rendering-ie.xml"), ie_rendering(&g));
    // Not XML at all: a certificate as PEM and as DER (for step 2), a note in plain text.
    let cert = fake_certificate(&der(&keys.get("test-root").to_public_key()));
    files.add(bad("pem-not-request.xml"), pem("CERTIFICATE", &cert));
    files.add(bad("der-certificate.xml"), cert);
    files.add(
        bad("text-not-xml.xml"),
        "Hi Jan,\n\nhere is the request for RMS01 as discussed.\nThe file itself is on the USB stick.\n\nRegards,\nPiet\n",
    );
    // The browser's view of the request: saved as a web page, as XHTML, copied.
    files.add(
        bad("browser-saved-webpage.htm"),
        browser::saved_webpage(&g, "RMS01EnrollRequest.xml"),
    );
    files.add(
        bad("browser-rendered-xhtml.htm"),
        browser::rendered_xhtml(&g, "RMS01EnrollRequest.xml"),
    );
    files.add(bad("browser-copied-tree.txt"), browser::copied_tree(&g));
    files.add(
        bad("truncated.xml"),
        g.get(..g.len() * 6 / 10).unwrap_or("").to_owned(),
    );
    files.add(
        bad("xml-malformed.xml"),
        with("<Name>RMS01</Name>", "<Name>RMS01</Nam>"),
    );
    files.add(bad("doctype-refused.xml"), with("<EnrollParameters", "<!DOCTYPE EnrollParameters [<!ENTITY x SYSTEM \"file:///c:/windows/win.ini\">]>\n<EnrollParameters"));
    files.add(
        bad("xml-budget-exceeded.xml"),
        with(
            "<Name>RMS01</Name>",
            &format!(
                "<Name>{}RMS01{}</Name>",
                "<b>".repeat(80),
                "</b>".repeat(80)
            ),
        ),
    );
    let inner = body.replacen("<EnrollParameters", "<oInput", 1).replacen(
        "</EnrollParameters>",
        "</oInput>",
        1,
    );
    files.add(bad("soap-envelope.xml"), format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><Enroll xmlns=\"http://microsoft.com/DRM/EnrollmentService\">\n{inner}</Enroll></soap:Body></soap:Envelope>\n"));
    files.add(
        bad("not-a-request.xml"),
        "<?xml version=\"1.0\"?>\n<configuration><appSettings/></configuration>\n".to_owned(),
    );
    files.add(
        bad("wrong-namespace.xml"),
        with(
            "xmlns=\"http://microsoft.com/DRM/EnrollmentService\"",
            "xmlns=\"http://microsoft.com/DRM/EnrollmentService/v2\"",
        ),
    );
    files.add(
        bad("missing-element.xml"),
        with(&format!("    <Guid>{RMS01_GUID}</Guid>\n"), ""),
    );
    files.add(
        bad("unexpected-element.xml"),
        with(
            "    <Name>",
            "    <Comment>carried by J.</Comment>\n    <Name>",
        ),
    );
    let (a, b) = (
        g.find("  <CertificatePublicKey>"),
        g.find("  <EnrolleeInformation>"),
    );
    let (c, d) = (
        g.find("  </CertificatePublicKey>\n"),
        g.find("  </EnrolleeInformation>\n"),
    );
    if let (Some(a), Some(b), Some(c), Some(d)) = (a, b, c, d) {
        let cpk = &g[a..c + "  </CertificatePublicKey>\n".len()];
        let ei = &g[b..d + "  </EnrolleeInformation>\n".len()];
        files.add(
            bad("element-order.xml"),
            format!(
                "{}{ei}{cpk}{}",
                &g[..a],
                &g[d + "  </EnrolleeInformation>\n".len()..]
            ),
        );
    }
    files.add(
        bad("duplicate-element.xml"),
        with(
            "    <Guid>",
            &format!("    <Guid>{RMS01_GUID}</Guid>\n    <Guid>"),
        ),
    );
    files.add(
        bad("revocation-type-invalid.xml"),
        with("StandardRevocation", "standardrevocation"),
    );
    files.add(
        bad("revocation-nonrevocable.xml"),
        with("StandardRevocation", "NonRevocable"),
    );
    files.add(
        bad("revocation-authorities-missing.xml"),
        with("StandardRevocation", "CustomRevocation"),
    );
    files.add(
        bad("revocation-authorities-unexpected.xml"),
        with(
            STANDARD,
            &custom(&authority).replace("CustomRevocation", "StandardRevocation"),
        ),
    );
    files.add(
        bad("revocation-authority-key-invalid.xml"),
        with(STANDARD, &custom(&b64(b"not a key at all"))),
    );
    files.add(
        bad("guid-invalid.xml"),
        with(RMS01_GUID, "{6F9619FF-8B86-D011-B42D}"),
    );
    files.add(
        bad("guid-without-braces.xml"),
        with(RMS01_GUID, "6f9619ff-8b86-d011-b42d-00c04fc964ff"),
    );
    files.add(
        bad("version-empty.xml"),
        with("<Version>1.0.3012.0</Version>", "<Version></Version>"),
    );
    files.add(
        bad("enrollee-field-empty.xml"),
        with("<Name>RMS01</Name>", "<Name />"),
    );
    files.add(
        bad("url-implausible.xml"),
        with("http://rms01.contoso.test/_wmcs", "rms01 contoso"),
    );
    files.add(
        bad("ad-rms-version.xml"),
        with("1.0.3012.0", "6.1.7600.16385"),
    );
    files.add(
        bad("key-base64-invalid.xml"),
        with(&good.key_b64, &format!("{}!!", &good.key_b64[..20])),
    );
    files.add(
        bad("key-format-unknown.xml"),
        with(&good.key_b64, &b64(b"hello world, this is not a key")),
    );
    let mut m768 = vec![0xC3u8; 96];
    if let Some(l) = m768.last_mut() {
        *l = 0x01;
    }
    files.add(
        bad("key-size-unusual.xml"),
        with(&good.key_b64, &b64(&fake_der(&m768, 65537))),
    );
    let n = modulus_be(&keys.get("test-server-rms01-1024").to_public_key());
    files.add(
        bad("key-exponent-unusual.xml"),
        with(&good.key_b64, &b64(&fake_der(&n, 3))),
    );
    // An even exponent, or 0, 1 or 2, cannot be RSA: in both forms a request may carry.
    for e in [0u32, 1, 2, 65536] {
        files.add(
            bad(&format!("key-exponent-invalid-{e}-der.xml")),
            with(&good.key_b64, &b64(&fake_der(&n, e))),
        );
        files.add(
            bad(&format!("key-exponent-invalid-{e}-blob.xml")),
            with(&good.key_b64, &b64(&fake_blob(&n, e))),
        );
    }
    let mut even = n.clone();
    if let Some(l) = even.last_mut() {
        *l &= 0xFE;
    }
    files.add(
        bad("key-modulus-even.xml"),
        with(&good.key_b64, &b64(&fake_der(&even, 65537))),
    );
    files.add(bad("request.xml"), g.clone());

    // Two copies of something that may appear once: ambiguous, at every level of every
    // wrapper. The second copy comes from another server (RMS02), so a reader that takes
    // either one gets a different answer.
    let g2 = r2.render();
    let body2 = g2.split_once('\n').map(|(_, b)| b).unwrap_or(&g2);
    let oinput = |b: &str| {
        b.replacen("<EnrollParameters", "<oInput", 1).replacen(
            "</EnrollParameters>",
            "</oInput>",
            1,
        )
    };
    let inner2 = oinput(body2);
    let soap = |body: &str| {
        format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">{body}</soap:Envelope>\n")
    };
    let soap_body = |call: &str| format!("<soap:Body>{call}</soap:Body>");
    let enroll = |input: &str| {
        format!("<Enroll xmlns=\"http://microsoft.com/DRM/EnrollmentService\">\n{input}</Enroll>")
    };
    files.add(
        bad("duplicate-soap-oinput.xml"),
        soap(&soap_body(&enroll(&format!("{inner}{inner2}")))),
    );
    files.add(
        bad("duplicate-soap-enroll.xml"),
        soap(&soap_body(&format!(
            "{}{}",
            enroll(&inner),
            enroll(&inner2)
        ))),
    );
    files.add(
        bad("duplicate-soap-body.xml"),
        soap(&format!(
            "{}{}",
            soap_body(&enroll(&inner)),
            soap_body(&enroll(&inner2))
        )),
    );
    files.add(
        bad("duplicate-soap-enroll-parameters.xml"),
        soap(&soap_body(&format!("{body}{body2}"))),
    );
    files.add(
        bad("duplicate-enroll-parameters.xml"),
        format!("{g}{body2}"),
    );
    files.add(bad("duplicate-html-enroll-parameters.xml"), format!("<!-- saved from url=(0014)about:internet -->\n<html><head><title>RMS01EnrollRequest.xml</title></head><body>\n{body}{body2}</body></html>\n"));
    files.add(
        bad("duplicate-public-key-bytes.xml"),
        with(
            "    <Guid>",
            &format!(
                "    <aPublicKeyBytes>{}</aPublicKeyBytes>\n    <Guid>",
                r2.key_b64
            ),
        ),
    );
    // xsi:nil makes the GUID null to an XmlSerializer, whatever its text says.
    files.add(
        bad("guid-xsi-nil.xml"),
        with("<Guid>", "<Guid xsi:nil=\"true\">"),
    );
    files.add(
        bad("duplicate-guid.xml"),
        with(
            "</Guid>\n",
            &format!("</Guid>\n    <Guid>{RMS02_GUID}</Guid>\n"),
        ),
    );
    files.add(
        bad("duplicate-name.xml"),
        with("    <URL>", "    <Name>RMS02</Name>\n    <URL>"),
    );
}

// ------------------------------------------------------------------------------ chains

#[derive(Clone, Copy)]
enum Hash {
    Sha1,
    Sha256,
}

struct Obj<'a> {
    ty: &'a str,
    id_type: &'a str,
    id: &'a str,
    name: &'a str,
    url: Option<&'a str>,
}

impl Obj<'_> {
    fn xml(&self) -> String {
        let url = self
            .url
            .map(|u| format!("<ADDRESS type=\"URL\">{u}</ADDRESS>"))
            .unwrap_or_default();
        format!(
            "<OBJECT type=\"{}\"><ID type=\"{}\">{}</ID><NAME>{}</NAME>{url}</OBJECT>",
            self.ty, self.id_type, self.id, self.name
        )
    }
}

fn pubkey_xml(k: &RsaPublicKey) -> String {
    format!(
        "<PUBLICKEY><ALGORITHM>RSA</ALGORITHM><PARAMETER name=\"public-exponent\"><VALUE encoding=\"integer32\">{}</VALUE></PARAMETER><PARAMETER name=\"modulus\"><VALUE encoding=\"base64\" size=\"{}\">{}</VALUE></PARAMETER></PUBLICKEY>",
        exponent(k),
        modulus_bits(k),
        modulus_le_b64(k)
    )
}

struct Cert<'a> {
    descriptor_type: &'a str,
    descriptor_id: &'a str,
    issued: &'a str,
    issuer: Obj<'a>,
    /// The key named as issuer (normally the signer's).
    issuer_key: RsaPublicKey,
    /// The key that signs.
    signer: &'a RsaPrivateKey,
    principal: Obj<'a>,
    principal_key: RsaPublicKey,
    levels: &'a [(&'a str, &'a str)],
    range: (&'a str, &'a str),
    hash: Hash,
}

impl Cert<'_> {
    fn body(&self) -> String {
        let levels: String = self
            .levels
            .iter()
            .map(|(n, v)| format!("<SECURITYLEVEL name=\"{n}\" value=\"{v}\" />"))
            .collect();
        format!(
            "<BODY type=\"LICENSE\" version=\"3.0\"><ISSUEDTIME>{}</ISSUEDTIME><DESCRIPTOR><OBJECT type=\"{dt}\"><ID type=\"MS-GUID\">{did}</ID></OBJECT></DESCRIPTOR><ISSUER>{}{}</ISSUER><ISSUEDPRINCIPALS><PRINCIPAL internal-id=\"1\">{}{}{levels}</PRINCIPAL></ISSUEDPRINCIPALS><WORK><OBJECT type=\"{dt}\"><ID type=\"MS-GUID\">{did}</ID></OBJECT><RIGHTSGROUP name=\"Main-Rights\"><RIGHTSLIST><RIGHT name=\"ISSUE\"><CONDITIONLIST><TIME><RANGETIME><FROM>{}</FROM><UNTIL>{}</UNTIL></RANGETIME></TIME><ACCESS><PRINCIPAL internal-id=\"1\" /></ACCESS></CONDITIONLIST></RIGHT></RIGHTSLIST></RIGHTSGROUP></WORK></BODY>",
            self.issued,
            self.issuer.xml(),
            pubkey_xml(&self.issuer_key),
            self.principal.xml(),
            pubkey_xml(&self.principal_key),
            self.range.0,
            self.range.1,
            dt = self.descriptor_type,
            did = self.descriptor_id,
        )
    }

    /// The signed document: `SIGNATURE` over the UTF-16LE BODY text.
    fn render(&self) -> String {
        signed(&self.body(), self.signer, self.hash, None)
    }
}

/// `<XrML>` (with `purpose`, when given) holding `body` and a SIGNATURE by `signer` over its
/// UTF-16LE text.
fn signed(body: &str, signer: &RsaPrivateKey, hash: Hash, purpose: Option<&str>) -> String {
    let units: Vec<u8> = body.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let (alg, digest, scheme) = match hash {
        Hash::Sha1 => (
            "SHA1",
            sha1::Sha1::digest(&units).to_vec(),
            Pkcs1v15Sign::new::<sha1::Sha1>(),
        ),
        Hash::Sha256 => (
            "SHA256",
            sha2::Sha256::digest(&units).to_vec(),
            Pkcs1v15Sign::new::<sha2::Sha256>(),
        ),
    };
    let sig = signer.sign(scheme, &digest).unwrap_or_default();
    let purpose = purpose
        .map(|p| format!(" purpose=\"{p}\""))
        .unwrap_or_default();
    format!(
        "<XrML version=\"1.2\" xmlns=\"\"{purpose}>{body}<SIGNATURE><DIGEST><ALGORITHM>{alg}</ALGORITHM><PARAMETER name=\"codingtype\"><VALUE encoding=\"string\">surface-coding</VALUE></PARAMETER><VALUE encoding=\"base64\" size=\"{}\">{}</VALUE></DIGEST><ALGORITHM>RSA PKCS#1-V1.5</ALGORITHM><VALUE encoding=\"base64\" size=\"{}\">{}</VALUE></SIGNATURE></XrML>",
        digest.len() * 8,
        b64(&digest),
        sig.len() * 8,
        b64(&sig)
    )
}

/// `doc`'s BODY edited by `edit` and signed again by `signer` (SHA-1): a document its real
/// issuer signed, for content the reader must refuse although the signature holds.
fn resigned(doc: &str, signer: &RsaPrivateKey, edit: impl Fn(&str) -> String) -> Result<String> {
    let start = doc.find("<BODY").context("body")?;
    let end = doc.find("</BODY>").context("body")? + "</BODY>".len();
    let body = doc.get(start..end).context("body")?;
    let edited = edit(body);
    if edited == body {
        bail!("the edit changed nothing");
    }
    Ok(signed(&edited, signer, Hash::Sha1, None))
}

/// The text from the first `from` to the end of the first `to` after it.
fn between<'s>(text: &'s str, from: &str, to: &str) -> Result<&'s str> {
    let start = text.find(from).context("start")?;
    let end = start
        + text
            .get(start..)
            .context("start")?
            .find(to)
            .context("end")?
        + to.len();
    text.get(start..end).context("range")
}

/// Options for one synthetic chain.
struct ChainSpec<'a> {
    hash: Hash,
    es_key: &'a str,
    server_key: &'a str,
    server_guid: &'a str,
    server_name: &'a str,
    server_url: &'a str,
    slc_issued: &'a str,
    slc_range: (&'a str, &'a str),
    slc_issuer_name: &'a str,
    es_issued: &'a str,
    root_key: &'a str,
    /// Sign the SLC with this key (and name it as issuer) instead of the enrollment service's.
    slc_signer: Option<&'a str>,
    /// The enrollment service certificate's DESCRIPTOR type (an SLC chain has
    /// `Server-Licensor-Certificate` there).
    es_type: &'a str,
}

const ES_GUID: &str = "{C1D2E3F4-0A1B-4C2D-8E3F-405162738495}";

fn chain(keys: &Keys, s: &ChainSpec<'_>) -> Vec<String> {
    let es = keys.get(s.es_key);
    let eca = keys.get("test-enrollment-ca");
    let ca = keys.get("test-ca");
    let root = keys.get(s.root_key);
    let slc_signer = keys.get(s.slc_signer.unwrap_or(s.es_key));
    let server = keys.get(s.server_key).to_public_key();
    let version = [
        ("Server-Version", "1.0.3012.0"),
        ("Server-SKU", "12345-123-0000007-18968"),
    ];
    let slc = Cert {
        descriptor_type: "Server-Licensor-Certificate",
        descriptor_id: "{0D4E5F60-7182-4A93-B4C5-D6E7F8091A2B}",
        issued: s.slc_issued,
        issuer: Obj {
            ty: "MS-DRM-Server",
            id_type: "MS-GUID",
            id: ES_GUID,
            name: s.slc_issuer_name,
            url: None,
        },
        issuer_key: slc_signer.to_public_key(),
        signer: slc_signer,
        principal: Obj {
            ty: "MS-DRM-Server",
            id_type: "MS-GUID",
            id: s.server_guid,
            name: s.server_name,
            url: Some(s.server_url),
        },
        principal_key: server,
        levels: &version,
        range: s.slc_range,
        hash: s.hash,
    };
    let esc = Cert {
        descriptor_type: s.es_type,
        descriptor_id: "{9A8B7C6D-5E4F-4A3B-9C2D-1E0F2A3B4C5D}",
        issued: s.es_issued,
        issuer: Obj {
            ty: "DRM-Certificate-Authority",
            id_type: "ascii-tag",
            id: "Microsoft DRM Production Server Enrollment CA",
            name: "Microsoft DRM Production Server Enrollment CA",
            url: None,
        },
        issuer_key: eca.to_public_key(),
        signer: eca,
        principal: Obj {
            ty: "MS-DRM-Server",
            id_type: "MS-GUID",
            id: ES_GUID,
            name: s.slc_issuer_name,
            url: None,
        },
        principal_key: es.to_public_key(),
        levels: &[],
        range: ("2002-12-05T01:07", "2255-04-18T16:50"),
        hash: s.hash,
    };
    let ecac = Cert {
        descriptor_type: "DRM-CA-Certificate",
        descriptor_id: "{2B3C4D5E-6F70-4182-93A4-B5C6D7E8F901}",
        issued: "2005-06-17T00:00",
        issuer: Obj {
            ty: "DRM-Certificate-Authority",
            id_type: "ascii-tag",
            id: "Microsoft DRM Production CA",
            name: "Microsoft DRM Production CA",
            url: None,
        },
        issuer_key: ca.to_public_key(),
        signer: ca,
        principal: Obj {
            ty: "DRM-Certificate-Authority",
            id_type: "ascii-tag",
            id: "Microsoft DRM Production Server Enrollment CA",
            name: "Microsoft DRM Production Server Enrollment CA",
            url: None,
        },
        principal_key: eca.to_public_key(),
        levels: &[],
        range: ("2002-12-05T01:07", "2014-01-21T00:00"),
        hash: s.hash,
    };
    let cac = Cert {
        descriptor_type: "DRM-CA-Certificate",
        descriptor_id: "{4669B6BA-BD57-4F8D-A4ED-0AA900D4BD38}",
        issued: "2005-06-16T23:59",
        issuer: Obj {
            ty: "DRM-Certificate-Authority",
            id_type: "ascii-tag",
            id: "Microsoft DRM Production Root",
            name: "Microsoft DRM Production Root",
            url: None,
        },
        issuer_key: root.to_public_key(),
        signer: root,
        principal: Obj {
            ty: "DRM-Certificate-Authority",
            id_type: "ascii-tag",
            id: "Microsoft DRM Production CA",
            name: "Microsoft DRM Production CA",
            url: None,
        },
        principal_key: ca.to_public_key(),
        levels: &[],
        range: ("2002-12-05T01:07", "2014-01-20T23:59"),
        hash: s.hash,
    };
    vec![slc.render(), esc.render(), ecac.render(), cac.render()]
}

/// Indents between tags, as an XML pretty-printer would (inter-tag whitespace only).
fn pretty(doc: &str) -> String {
    let mut out = String::new();
    let mut depth: usize = 0;
    let mut i = 0;
    let b = doc.as_bytes();
    while let Some(rel) = doc.get(i..).and_then(|r| r.find('<')) {
        let start = i + rel;
        let end = doc
            .get(start..)
            .and_then(|r| r.find('>'))
            .map_or(doc.len(), |e| start + e + 1);
        let tag = &doc[start..end];
        let closing = tag.starts_with("</");
        let self_closing = tag.ends_with("/>");
        if closing {
            depth = depth.saturating_sub(1);
        }
        // Text before this tag stays attached (no whitespace is inserted next to text).
        let text_before = start > i;
        if !text_before && !out.is_empty() && b.get(start.wrapping_sub(1)) == Some(&b'>') {
            out.push('\n');
            out.push_str(&"    ".repeat(depth));
        }
        out.push_str(&doc[i..end]);
        if !closing && !self_closing && !tag.starts_with("<?") {
            depth += 1;
        }
        i = end;
    }
    out.push_str(&doc[i..]);
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn chains(keys: &Keys, files: &mut Files) -> Result<()> {
    let base = ChainSpec {
        hash: Hash::Sha1,
        es_key: "test-enrollment-service-1024",
        server_key: "test-server-rms01-1024",
        server_guid: RMS01_GUID,
        server_name: "RMS01",
        server_url: "http://rms01.contoso.test/_wmcs",
        slc_issued: "2026-11-20T10:00",
        slc_range: ("2026-11-20T10:00", "2046-06-18T10:00"),
        slc_issuer_name: "Microsoft DRM Server Enrollment Service",
        es_issued: "2005-06-17T16:50",
        root_key: "test-root",
        slc_signer: None,
        es_type: "Server-Licensor-Certificate",
    };
    // 7150 days, as KB 2853958 extended Windows RMS SLCs.
    let from = UtcTime::parse(base.slc_range.0).context("time")?;
    let until = UtcTime::from_unix(from.unix() + 7150 * 86_400);
    if until.to_string() != format!("{}Z", base.slc_range.1) {
        bail!("SLC range is not 7150 days: {until}");
    }
    let dir = "chain";
    let sha1 = chain(keys, &base);
    files.add(format!("{dir}/good/sha1-compact.xml"), sha1.concat());
    files.add(
        format!("{dir}/good/sha1-pretty.xml"),
        format!(
            "<?xml version=\"1.0\"?>\n{}\n",
            sha1.iter()
                .map(|d| pretty(d))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    );
    files.add(
        format!("{dir}/good/sha1-bom-crlf.xml"),
        [
            &[0xEF, 0xBB, 0xBF][..],
            format!(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n{}\r\n",
                sha1.join("\r\n")
            )
            .as_bytes(),
        ]
        .concat(),
    );
    files.add(
        format!("{dir}/good/sha1-soap.xml"),
        format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><CertificateChain xmlns=\"http://microsoft.com/DRM/EnrollmentService\">{}</CertificateChain></soap:Body></soap:Envelope>",
            sha1.iter().map(|d| format!("<Certificate>{d}</Certificate>")).collect::<String>()
        ),
    );
    let slots = ["SLC", "EnrollmentServiceCert", "EnrollmentCACert", "CACert"];
    let response = |docs: &[String]| {
        format!(
            "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<EnrollResponse xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns=\"http://microsoft.com/DRM/EnrollmentService\">\r\n  <LicensorCertificateChain>\r\n{}  </LicensorCertificateChain>\r\n</EnrollResponse>",
            slots.iter().zip(docs).map(|(s, d)| format!("    <{s}>{}</{s}>\r\n", escape(d))).collect::<String>()
        )
    };
    files.add(
        format!("{dir}/good/sha1-response-utf16.xml"),
        utf16(&response(&sha1), false, true),
    );
    let shuffled = [&sha1[2], &sha1[0], &sha1[3], &sha1[1]]
        .map(String::as_str)
        .concat();
    files.add(format!("{dir}/good/sha1-shuffled.xml"), shuffled);
    let sha256 = chain(
        keys,
        &ChainSpec {
            hash: Hash::Sha256,
            es_key: "test-enrollment-service-2048",
            server_key: "test-server-rms02-2048",
            server_guid: RMS02_GUID,
            server_name: "RMS02",
            server_url: "https://rms02.contoso.test/_wmcs",
            ..base
        },
    );
    files.add(format!("{dir}/good/sha256-compact.xml"), sha256.concat());
    files.add(
        format!("{dir}/good/sha256-pretty.xml"),
        sha256
            .iter()
            .map(|d| pretty(d))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    files.add(
        format!("{dir}/good/sha256-response-utf8.xml"),
        response(&sha256).replace("encoding=\"utf-16\"", "encoding=\"utf-8\""),
    );
    let selfenroll = chain(
        keys,
        &ChainSpec {
            slc_issuer_name: "Microsoft DRM Server Self Enrollment Service",
            ..base
        },
    );
    files.add(
        format!("{dir}/good/self-enrollment.xml"),
        selfenroll.concat(),
    );
    let mut container = vec![
        0x00, 0x01, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0xFF, 0xFE, 0x00,
    ];
    container.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
    container.extend_from_slice(b"<?xml version=\"1.0\"?>");
    container.extend_from_slice(sha1.concat().as_bytes());
    container.extend_from_slice(&[0x00, 0x00, 0x9C, 0x8D, 0xFF, 0x00, 0x13]);
    files.add(format!("{dir}/good/embedded-in-binary.bin"), container);

    // Damaged variants, one per failure the verifier must name.
    let bad = |n: &str| format!("{dir}/bad/{n}");
    // The browser's view of the enrollment response, saved or copied (like a
    // `resp-opened-in-browser.htm`): never the file itself.
    let resp = response(&sha1);
    files.add(
        bad("resp-opened-in-browser.htm"),
        browser::rendered_xhtml(&resp, "resp.xml"),
    );
    files.add(
        bad("resp-saved-webpage.htm"),
        browser::saved_webpage(&resp, "resp.xml"),
    );
    files.add(bad("resp-copied-tree.txt"), browser::copied_tree(&resp));
    files.add(
        bad("resp-copied-tree-ie.txt"),
        ie_rendering(&browser::displayed(&resp)),
    );
    let mut tb = sha1.clone();
    tb[0] = tb[0].replacen("<NAME>RMS01</NAME>", "<NAME>RMS09</NAME>", 1);
    files.add(bad("tampered-body.xml"), tb.concat());
    let mut td = sha1.clone();
    let digest_at = td[0].find("size=\"160\">").context("digest")? + "size=\"160\">".len();
    let flip = |s: &mut String, at: usize| {
        let c = s.as_bytes().get(at).copied().unwrap_or(b'A');
        s.replace_range(at..at + 1, if c == b'A' { "B" } else { "A" });
    };
    flip(&mut td[0], digest_at + 3);
    files.add(bad("tampered-digest.xml"), td.concat());
    let mut ts = sha1.clone();
    let sig_at = ts[0].rfind("size=\"1024\">").context("sig")? + "size=\"1024\">".len();
    flip(&mut ts[0], sig_at + 10);
    files.add(bad("tampered-signature.xml"), ts.concat());
    files.add(
        bad("wrong-issuer-key.xml"),
        chain(
            keys,
            &ChainSpec {
                slc_signer: Some("test-impostor"),
                ..base
            },
        )
        .concat(),
    );
    files.add(
        bad("missing-certificate.xml"),
        [&sha1[0], &sha1[1], &sha1[3]].map(String::as_str).concat(),
    );
    files.add(
        bad("wrong-root.xml"),
        chain(
            keys,
            &ChainSpec {
                root_key: "test-wrong-root",
                ..base
            },
        )
        .concat(),
    );
    files.add(
        bad("expired-slc.xml"),
        chain(
            keys,
            &ChainSpec {
                slc_issued: "2005-01-10T10:00",
                slc_range: ("2005-01-10T10:00", "2024-08-17T10:00"),
                ..base
            },
        )
        .concat(),
    );
    files.add(
        bad("not-yet-valid.xml"),
        chain(
            keys,
            &ChainSpec {
                slc_issued: "2026-11-20T10:00",
                slc_range: ("2027-01-01T00:00", "2046-06-18T10:00"),
                ..base
            },
        )
        .concat(),
    );
    files.add(
        bad("issued-outside-issuer-range.xml"),
        chain(
            keys,
            &ChainSpec {
                es_issued: "2015-03-01T12:00",
                ..base
            },
        )
        .concat(),
    );
    let all = sha1.concat();
    files.add(
        bad("truncated.xml"),
        all.get(..all.len() * 6 / 10).unwrap_or("").to_owned(),
    );
    files.add(
        bad("only-licence.xml"),
        sha1[0].replace("Server-Licensor-Certificate", "Client-Licensor-Certificate"),
    );
    files.add(bad("empty.xml"), Vec::new());
    files.add(
        bad("png-renamed.xml"),
        [&b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"[..], &[0u8; 32]].concat(),
    );

    // The synthetic trust anchor, in the same format as shared/vectors/roots/.
    let root = keys.get("test-root").to_public_key();
    files.add(
        format!("{dir}/test-root.xrml-key.txt"),
        format!("# SYNTHETIC test root (cargo xtask gen-testdata). NOT Microsoft's key.\nissuer_object_type=DRM-Certificate-Authority\nissuer_id_type=ascii-tag\nissuer_id=Microsoft DRM Production Root\npublic_exponent={}\nmodulus_bits={}\nmodulus_base64_xrml={}\n", exponent(&root), modulus_bits(&root), modulus_le_b64(&root)),
    );
    Ok(())
}

// ------------------------------------------------------------------------------- attacks

/// Files an attacker editing bytes (without the Microsoft key) would try, each of which a
/// verifier must refuse or, with the request, not call an answer (issue 11). Everything is
/// made from the genuine synthetic chain of RMS01.
fn attacks(keys: &Keys, files: &mut Files) -> Result<()> {
    let base = ChainSpec {
        hash: Hash::Sha1,
        es_key: "test-enrollment-service-1024",
        server_key: "test-server-rms01-1024",
        server_guid: RMS01_GUID,
        server_name: "RMS01",
        server_url: "http://rms01.contoso.test/_wmcs",
        slc_issued: "2026-11-20T10:00",
        slc_range: ("2026-11-20T10:00", "2046-06-18T10:00"),
        slc_issuer_name: "Microsoft DRM Server Enrollment Service",
        es_issued: "2005-06-17T16:50",
        root_key: "test-root",
        slc_signer: None,
        es_type: "Server-Licensor-Certificate",
    };
    let at = |n: &str| format!("chain/attack/{n}");
    let genuine = chain(keys, &base);
    let [slc, es, eca, ca] = [&genuine[0], &genuine[1], &genuine[2], &genuine[3]];
    let slots = ["SLC", "EnrollmentServiceCert", "EnrollmentCACert", "CACert"];
    let response = |docs: &[(&str, String)]| {
        format!(
            "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<EnrollResponse xmlns=\"http://microsoft.com/DRM/EnrollmentService\"><LicensorCertificateChain>{}</LicensorCertificateChain></EnrollResponse>",
            docs.iter().map(|(s, d)| format!("<{s}>{}</{s}>", escape(d))).collect::<String>()
        )
    };
    let soap = |docs: &[&String]| {
        format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><CertificateChain xmlns=\"http://microsoft.com/DRM/EnrollmentService\">{}</CertificateChain></soap:Body></soap:Envelope>",
            docs.iter().map(|d| format!("<Certificate>{d}</Certificate>")).collect::<String>()
        )
    };
    // 2. No SLC: the enrollment service certificate must not be taken as the leaf.
    files.add(at("no-slc.xml"), [es, eca, ca].map(String::as_str).concat());
    files.add(at("no-slc-soap.xml"), soap(&[es, eca, ca]));
    files.add(
        at("no-slc-response-utf16.xml"),
        utf16(
            &response(&[
                (slots[1], es.clone()),
                (slots[2], eca.clone()),
                (slots[3], ca.clone()),
            ]),
            false,
            true,
        ),
    );
    // Two SLCs, both genuine, both issued by the enrollment service: which is the leaf?
    let other = chain(
        keys,
        &ChainSpec {
            server_key: "test-server-rms03-1024",
            server_guid: RMS03_GUID,
            server_name: "RMS03",
            ..base
        },
    );
    files.add(
        at("two-slcs.xml"),
        [slc, &other[0], es, eca, ca].map(String::as_str).concat(),
    );
    files.add(
        at("two-slcs-soap.xml"),
        soap(&[slc, &other[0], es, eca, ca]),
    );
    // A certificate of chain type that is not on the path.
    files.add(
        at("extra-ca.xml"),
        [slc, es, eca, ca, ca].map(String::as_str).concat(),
    );
    files.add(
        at("extra-ca-response-utf16.xml"),
        utf16(
            &response(&[
                (slots[0], slc.clone()),
                (slots[1], es.clone()),
                (slots[2], eca.clone()),
                (slots[3], ca.clone()),
                (slots[3], ca.clone()),
            ]),
            false,
            true,
        ),
    );
    // The escaped response written with character references (&#60; / &#x3C;) is the same
    // response to any XML reader; beside literal documents (here in a comment) it is two
    // chains: refused.
    let by_ref = |r: &str, lt: &str| r.replace("&lt;", lt);
    let genuine_response = response(&[
        (slots[0], slc.clone()),
        (slots[1], es.clone()),
        (slots[2], eca.clone()),
        (slots[3], ca.clone()),
    ]);
    files.add(
        at("response-numeric-refs.xml"),
        by_ref(&genuine_response, "&#60;").replacen("utf-16", "utf-8", 1),
    );
    let other_in_comment = format!("<!-- {} -->", other.concat());
    for (name, lt) in [("decimal", "&#60;"), ("hex", "&#x3C;")] {
        files.add(
            at(&format!("response-{name}-refs-beside-literal.xml")),
            by_ref(&genuine_response, lt)
                .replacen("utf-16", "utf-8", 1)
                .replacen(
                    "</EnrollResponse>",
                    &format!("{other_in_comment}</EnrollResponse>"),
                    1,
                ),
        );
    }
    // A DOCTYPE before a SOAP chain or a bare one: a DTD can default attributes that another
    // reader applies to the documents. Refused.
    let dtd = "<!DOCTYPE x [<!ATTLIST BODY xmlns CDATA \"urn:evil\">]>";
    files.add(
        at("doctype-soap.xml"),
        soap(&[slc, es, eca, ca]).replacen("?>", &format!("?>{dtd}"), 1),
    );
    files.add(
        at("doctype-bare.xml"),
        format!("{dtd}{}", [slc, es, eca, ca].map(String::as_str).concat()),
    );
    // Look-alikes: a self-signed document typed like an SLC in another spelling, beside the
    // genuine chain, is not a harmless licence: refused as a certificate off the path.
    let impostor = keys.get("test-impostor");
    let lookalike = |ty: &str| {
        Cert {
            descriptor_type: ty,
            descriptor_id: "{0D0E0A0D-BEEF-4BAD-8BAD-F00DCAFE0001}",
            issued: "2026-11-20T10:00",
            issuer: Obj {
                ty: "MS-DRM-Server",
                id_type: "MS-GUID",
                id: "{0D0E0A0D-BEEF-4BAD-8BAD-F00DCAFE0002}",
                name: "Microsoft DRM Server Enrollment Service",
                url: None,
            },
            issuer_key: impostor.to_public_key(),
            signer: impostor,
            principal: Obj {
                ty: "MS-DRM-Server",
                id_type: "MS-GUID",
                id: RMS03_GUID,
                name: "RMS03",
                url: None,
            },
            principal_key: impostor.to_public_key(),
            levels: &[],
            range: ("2026-11-20T10:00", "2046-06-18T10:00"),
            hash: Hash::Sha1,
        }
        .render()
    };
    files.add(
        at("lookalike-lowercase-type.xml"),
        [slc, es, eca, ca, &lookalike("server-licensor-certificate")]
            .map(String::as_str)
            .concat(),
    );
    files.add(
        at("lookalike-type-with-space.xml"),
        [slc, es, eca, ca, &lookalike("Server-Licensor-Certificate ")]
            .map(String::as_str)
            .concat(),
    );
    // Look-alikes in Unicode, the impostor first (where a leaf-first reader takes the SLC):
    // non-breaking hyphens (U+2011), a zero-width space (U+200B), a Cyrillic "е" (U+0435).
    for (name, ty) in [
        (
            "lookalike-nonbreaking-hyphens.xml",
            "Server\u{2011}Licensor\u{2011}Certificate",
        ),
        (
            "lookalike-zero-width-space.xml",
            "Server-Licensor-Certificate\u{200B}",
        ),
        (
            "lookalike-cyrillic-e.xml",
            "S\u{0435}rver-Licensor-Certificate",
        ),
    ] {
        files.add(
            at(name),
            [&lookalike(ty), slc, es, eca, ca]
                .map(String::as_str)
                .concat(),
        );
    }
    // The offline response read by its holder names: a licence in <SLC> and the genuine SLC
    // in an unknown holder; and two holders swapped.
    let licence = lookalike("Client-Licensor-Certificate");
    files.add(
        at("response-licence-in-slc-slot.xml"),
        utf16(
            &response(&[
                (slots[0], licence),
                ("Extra", slc.clone()),
                (slots[1], es.clone()),
                (slots[2], eca.clone()),
                (slots[3], ca.clone()),
            ]),
            false,
            true,
        ),
    );
    files.add(
        at("response-swapped-slots.xml"),
        utf16(
            &response(&[
                (slots[0], ca.clone()),
                (slots[1], es.clone()),
                (slots[2], eca.clone()),
                (slots[3], slc.clone()),
            ]),
            false,
            true,
        ),
    );
    // 6. Issued (ISSUEDTIME) after the test's "now" although the ISSUE range began before.
    files.add(
        at("slc-issued-in-future.xml"),
        chain(
            keys,
            &ChainSpec {
                slc_issued: "2026-12-01T00:00",
                ..base
            },
        )
        .concat(),
    );
    // A server key of a size RMS never uses.
    files.add(
        at("slc-key-1536.xml"),
        chain(
            keys,
            &ChainSpec {
                server_key: "test-server-rms04-1536",
                ..base
            },
        )
        .concat(),
    );
    // Not an SLC chain shape: the enrollment service certificate typed as a CA certificate.
    files.add(
        at("wrong-shape.xml"),
        chain(
            keys,
            &ChainSpec {
                es_type: "DRM-CA-Certificate",
                es_key: "test-enrollment-service-2048",
                ..base
            },
        )
        .concat(),
    );
    // Signed by their real issuers, but ambiguous (two copies of a once-only element the
    // checks read; the first or last copy is RMS01's, so a reader taking that copy answers
    // the request) or incomplete (a time the link rule needs is missing).
    let slc_signer = keys.get(base.es_key);
    let es_signer = keys.get("test-enrollment-ca");
    let principal =
        |doc: &str| between(doc, "<PRINCIPAL internal-id", "</PRINCIPAL>").map(str::to_owned);
    let ours = principal(slc)?;
    let theirs = principal(&other[0])?;
    let their_modulus =
        between(&theirs, "<PARAMETER name=\"modulus\">", "</PARAMETER>")?.to_owned();
    let expired_right = "<RIGHT name=\"ISSUE\"><CONDITIONLIST><TIME><RANGETIME><FROM>2001-01-01T00:00</FROM><UNTIL>2002-01-01T00:00</UNTIL></RANGETIME></TIME><ACCESS><PRINCIPAL internal-id=\"1\" /></ACCESS></CONDITIONLIST></RIGHT>";
    let slc_edits: Vec<(&str, String)> = vec![
        (
            "two-principals",
            resigned(slc, slc_signer, |b| {
                b.replacen(
                    "</ISSUEDPRINCIPALS>",
                    &format!("{theirs}</ISSUEDPRINCIPALS>"),
                    1,
                )
            })?,
        ),
        (
            "two-modulus-params",
            resigned(slc, slc_signer, |b| {
                let mine = ours.replacen(
                    "<PARAMETER name=\"modulus\">",
                    &format!("{their_modulus}<PARAMETER name=\"modulus\">"),
                    1,
                );
                b.replacen(&ours, &mine, 1)
            })?,
        ),
        (
            "two-principal-ids",
            resigned(slc, slc_signer, |b| {
                let id = format!("<ID type=\"MS-GUID\">{RMS01_GUID}</ID>");
                b.replacen(
                    &id,
                    &format!("{id}<ID type=\"MS-GUID\">{RMS03_GUID}</ID>"),
                    1,
                )
            })?,
        ),
        (
            "two-issue-rights",
            resigned(slc, slc_signer, |b| {
                b.replacen("</RIGHT>", &format!("</RIGHT>{expired_right}"), 1)
            })?,
        ),
        (
            "two-until",
            resigned(slc, slc_signer, |b| {
                b.replacen(
                    "</UNTIL></RANGETIME>",
                    "</UNTIL><UNTIL>2026-11-21T00:00</UNTIL></RANGETIME>",
                    1,
                )
            })?,
        ),
        (
            "two-work",
            resigned(slc, slc_signer, |b| {
                b.replacen(
                    "</WORK>",
                    &format!("</WORK><WORK><RIGHTSGROUP name=\"Main-Rights\"><RIGHTSLIST>{expired_right}</RIGHTSLIST></RIGHTSGROUP></WORK>"),
                    1,
                )
            })?,
        ),
        (
            "slc-no-issuedtime",
            resigned(slc, slc_signer, |b| {
                b.replacen(
                    &format!("<ISSUEDTIME>{}</ISSUEDTIME>", base.slc_issued),
                    "",
                    1,
                )
            })?,
        ),
        // The SLC issues nothing on the path: without its own RANGETIME only its expiry is
        // unknown (`slc-expiry-unknown`), no link time is missing.
        (
            "slc-no-rangetime",
            resigned(slc, slc_signer, |b| {
                between(b, "<TIME><RANGETIME>", "</RANGETIME></TIME>")
                    .map(|t| b.replacen(t, "", 1))
                    .unwrap_or_default()
            })?,
        ),
    ];
    for (name, doc) in &slc_edits {
        files.add(
            at(&format!("{name}.xml")),
            [doc, es, eca, ca].map(String::as_str).concat(),
        );
    }
    let es_edits: Vec<(&str, String)> = vec![
        (
            "es-no-rangetime",
            resigned(es, es_signer, |b| {
                between(b, "<TIME><RANGETIME>", "</RANGETIME></TIME>")
                    .map(|t| b.replacen(t, "", 1))
                    .unwrap_or_default()
            })?,
        ),
        // Written but unreadable: `time-invalid` says so; it is not also "missing".
        (
            "es-until-unreadable",
            resigned(es, es_signer, |b| {
                b.replacen("</UNTIL>", "+02:00</UNTIL>", 1)
            })?,
        ),
        (
            "es-rangetime-no-until",
            resigned(es, es_signer, |b| {
                between(b, "<UNTIL>", "</UNTIL>")
                    .map(|t| b.replacen(t, "", 1))
                    .unwrap_or_default()
            })?,
        ),
    ];
    for (name, doc) in &es_edits {
        files.add(
            at(&format!("{name}.xml")),
            [slc, doc, eca, ca].map(String::as_str).concat(),
        );
    }
    // Requests that do not match the genuine RMS01 chain in one value each.
    let rms03_key = keys.get("test-server-rms03-1024").to_public_key();
    files.add(
        at("RMS01-other-key-EnrollRequest.xml"),
        Req {
            key_b64: b64(&der(&rms03_key)),
            ..rms01(keys)
        }
        .render(),
    );
    files.add(
        at("RMS01-other-guid-EnrollRequest.xml"),
        Req {
            guid: RMS03_GUID.to_owned(),
            ..rms01(keys)
        }
        .render(),
    );
    files.add(
        at("RMS01-capi-blob-EnrollRequest.xml"),
        Req {
            key_b64: b64(&capi_blob(
                &keys.get("test-server-rms01-1024").to_public_key(),
            )),
            ..rms01(keys)
        }
        .render(),
    );
    Ok(())
}

// --------------------------------------------------------------------------- ambiguous

/// Files that could be read two ways, made from the genuine SHA-1 chain: each must be refused
/// (`xrml-duplicate-element`, `xrml-unsigned-content`, `wrapper-multiple-documents`,
/// `xrml-unterminated`), never read by picking one copy. Each case comes in the wrapper forms
/// it applies to: bare, SOAP `CertificateChain/Certificate`, escaped UTF-16 response.
fn ambiguous(keys: &Keys, files: &mut Files) -> Result<()> {
    let genuine = chain(
        keys,
        &ChainSpec {
            hash: Hash::Sha1,
            es_key: "test-enrollment-service-1024",
            server_key: "test-server-rms01-1024",
            server_guid: RMS01_GUID,
            server_name: "RMS01",
            server_url: "http://rms01.contoso.test/_wmcs",
            slc_issued: "2026-11-20T10:00",
            slc_range: ("2026-11-20T10:00", "2046-06-18T10:00"),
            slc_issuer_name: "Microsoft DRM Server Enrollment Service",
            es_issued: "2005-06-17T16:50",
            root_key: "test-root",
            slc_signer: None,
            es_type: "Server-Licensor-Certificate",
        },
    );
    let server = keys.get("test-server-rms01-1024");
    let me = || Obj {
        ty: "MS-DRM-Server",
        id_type: "MS-GUID",
        id: RMS01_GUID,
        name: "RMS01",
        url: None,
    };
    // A small, correctly signed licence that is not part of the chain.
    let licence = Cert {
        descriptor_type: "Client-Licensor-Certificate",
        descriptor_id: "{5E6F7A8B-9C0D-4E1F-A2B3-C4D5E6F70819}",
        issued: "2026-11-20T10:00",
        issuer: me(),
        issuer_key: server.to_public_key(),
        signer: server,
        principal: me(),
        principal_key: server.to_public_key(),
        levels: &[],
        range: ("2026-11-20T10:00", "2027-11-20T10:00"),
        hash: Hash::Sha1,
    }
    .render();
    let slc = genuine.first().context("slc")?;
    let body_end = slc.find("</BODY>").context("body")? + "</BODY>".len();
    let body_start = slc.find("<BODY").context("body")?;
    let body = slc.get(body_start..body_end).context("body")?;
    let forged = body.replacen("<NAME>RMS01</NAME>", "<NAME>RMS09</NAME>", 1);
    let sig_start = slc.find("<SIGNATURE>").context("signature")?;
    let sig_end = slc.find("</SIGNATURE>").context("signature")? + "</SIGNATURE>".len();
    let signature = slc.get(sig_start..sig_end).context("signature")?;
    let insert = |at: usize, what: &str| {
        let mut s = slc.clone();
        s.insert_str(at, what);
        s
    };
    // The SLC made ambiguous in one way; the other three certificates stay genuine.
    let slcs: Vec<(&str, String)> = vec![
        ("second-body-after", insert(body_end, &forged)),
        (
            "x-body-before",
            insert(
                body_start,
                &forged
                    .replacen("<BODY", "<x:BODY xmlns:x=\"urn:x\"", 1)
                    .replacen("</BODY>", "</x:BODY>", 1),
            ),
        ),
        ("second-signature", insert(sig_end, signature)),
        (
            "second-digest-algorithm",
            slc.replacen(
                "<DIGEST><ALGORITHM>SHA1</ALGORITHM>",
                "<DIGEST><ALGORITHM>SHA1</ALGORITHM><ALGORITHM>SHA256</ALGORITHM>",
                1,
            ),
        ),
        (
            "extra-element",
            insert(body_end, "<LICENSORINFO>trusted</LICENSORINFO>"),
        ),
        (
            "extra-attribute",
            slc.replacen(
                "<XrML version=\"1.2\"",
                "<XrML trusted=\"yes\" version=\"1.2\"",
                1,
            ),
        ),
        ("text-beside-body", insert(body_end, "trusted")),
        (
            "nested-starts",
            format!("<XrML version=\"1.2\" xmlns=\"\">{slc}</XrML>"),
        ),
    ];
    let rest = genuine.get(1..).context("chain")?;
    let soap = |holders: &[&str]| {
        format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><CertificateChain xmlns=\"http://microsoft.com/DRM/EnrollmentService\">{}</CertificateChain></soap:Body></soap:Envelope>",
            holders.iter().map(|d| format!("<Certificate>{d}</Certificate>")).collect::<String>()
        )
    };
    let slots = ["SLC", "EnrollmentServiceCert", "EnrollmentCACert", "CACert"];
    let response = |holders: &[&str]| {
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<EnrollResponse xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns=\"http://microsoft.com/DRM/EnrollmentService\">\r\n  <LicensorCertificateChain>\r\n{}  </LicensorCertificateChain>\r\n</EnrollResponse>",
            slots.iter().zip(holders).map(|(s, d)| format!("    <{s}>{}</{s}>\r\n", escape(d))).collect::<String>()
        );
        utf16(&xml, false, true)
    };
    let dir = "chain/ambiguous";
    for (name, first) in &slcs {
        let holders: Vec<&str> = std::iter::once(first.as_str())
            .chain(rest.iter().map(String::as_str))
            .collect();
        files.add(format!("{dir}/{name}-bare.xml"), holders.concat());
        files.add(format!("{dir}/{name}-soap.xml"), soap(&holders));
        files.add(
            format!("{dir}/{name}-response-utf16.xml"),
            response(&holders),
        );
    }
    // One holder, two documents: the SLC and a licence; the SLC and an unterminated start.
    for (name, first) in [
        ("slc-and-licence", format!("{slc}{licence}")),
        (
            "slc-and-unterminated",
            format!("{slc}<XrML version=\"1.2\" xmlns=\"\">"),
        ),
    ] {
        let holders: Vec<&str> = std::iter::once(first.as_str())
            .chain(rest.iter().map(String::as_str))
            .collect();
        files.add(format!("{dir}/{name}-soap.xml"), soap(&holders));
        files.add(
            format!("{dir}/{name}-response-utf16.xml"),
            response(&holders),
        );
    }
    Ok(())
}

// ------------------------------------------------------------------------------- files

struct Files(BTreeMap<String, Vec<u8>>);

impl Files {
    fn add(&mut self, rel: String, bytes: impl Into<Vec<u8>>) {
        self.0.insert(rel, bytes.into());
    }
}

fn generated_dirs() -> [PathBuf; 3] {
    [
        Path::new(DATA).join("request"),
        Path::new(DATA).join("chain"),
        Path::new(DATA).join("workbench"),
    ]
}

/// Writes (or, with `check`, compares) every synthetic vector.
pub fn run(check: bool) -> Result<()> {
    let keys = Keys::load(check)?;
    let mut files = Files(BTreeMap::new());
    requests(&keys, &mut files);
    chains(&keys, &mut files)?;
    attacks(&keys, &mut files)?;
    ambiguous(&keys, &mut files)?;
    workbench::workbench(&keys, &mut files)?;
    check_manifest(&files)?;
    let mut stale = vec![];
    for (rel, bytes) in &files.0 {
        let path = Path::new(DATA).join(rel);
        let same = std::fs::read(&path).is_ok_and(|b| &b == bytes);
        if check {
            if !same {
                stale.push(rel.clone());
            }
        } else if !same {
            std::fs::create_dir_all(path.parent().context("parent")?)?;
            std::fs::write(&path, bytes)?;
        }
    }
    // Files in the generated folders that the generator does not make.
    for dir in generated_dirs() {
        for e in walk(&dir)? {
            let rel = e.strip_prefix(DATA)?.to_string_lossy().replace('\\', "/");
            if rel.ends_with("README.md") || files.0.contains_key(&rel) {
                continue;
            }
            if check {
                stale.push(format!("{rel} (not made by the generator)"));
            } else {
                std::fs::remove_file(&e)?;
            }
        }
    }
    if check && !stale.is_empty() {
        bail!("synthetic vectors differ from the generator's output (run cargo xtask gen-testdata): {stale:?}");
    }
    println!(
        "{} synthetic vectors {}",
        files.0.len(),
        if check {
            "match the generator"
        } else {
            "written"
        }
    );
    Ok(())
}

/// One vector as the generator reads the manifest: its file and how it was made. The
/// expectations beside them (`as_request`, `as_chain`) are the tests'.
#[derive(serde::Deserialize)]
struct Listed {
    file: String,
    made: String,
}

#[derive(serde::Deserialize)]
struct Manifest {
    vectors: Vec<Listed>,
}

/// Every file made (and every test key) is listed once, in order, with a sentence saying how
/// it was made; nothing else is listed.
fn check_manifest(files: &Files) -> Result<()> {
    let path = Path::new(DATA).join(MANIFEST);
    let text = std::fs::read_to_string(&path).with_context(|| path.display().to_string())?;
    let manifest: Manifest =
        serde_json::from_str(&text).with_context(|| path.display().to_string())?;
    let mut problems = vec![];
    for pair in manifest.vectors.windows(2) {
        if let [a, b] = pair {
            if a.file >= b.file {
                problems.push(format!(
                    "{}: listed after {} (keep the list sorted, each file once)",
                    b.file, a.file
                ));
            }
        }
    }
    for v in &manifest.vectors {
        if v.made.trim().is_empty() {
            problems.push(format!("{}: no \"made\" sentence", v.file));
        }
    }
    let made: std::collections::BTreeSet<String> = files
        .0
        .keys()
        .cloned()
        .chain(KEYS.iter().map(|(name, _, _)| format!("keys/{name}.pem")))
        .collect();
    let listed: std::collections::BTreeSet<String> =
        manifest.vectors.iter().map(|v| v.file.clone()).collect();
    for f in made.difference(&listed) {
        problems.push(format!(
            "{f}: made but not listed (add it with its expected findings)"
        ));
    }
    for f in listed.difference(&made) {
        problems.push(format!("{f}: listed but not made"));
    }
    if !problems.is_empty() {
        bail!(
            "{} does not match the generator:\n  {}",
            path.display(),
            problems.join("\n  ")
        );
    }
    Ok(())
}

fn walk(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = vec![];
    if !dir.exists() {
        return Ok(out);
    }
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            out.extend(walk(&p)?);
        } else {
            out.push(p);
        }
    }
    Ok(out)
}
