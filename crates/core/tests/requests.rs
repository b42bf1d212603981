//! Step 1, data-driven: every synthetic request (made by `cargo xtask gen-testdata`) has the
//! exact finding codes `tests/data/manifest.json` lists for it; the typed values and summaries.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use slc_courier_core::finding::{codes, Code, Code::*, Expected, Input, What};
use slc_courier_core::key::{Base64Problem, KeyForm};
use slc_courier_core::request::{
    check_request, BrowserView, FileKind, Found, Product, RequestKind, RequestSummary,
};
use slc_courier_core::text::Encoding;
use slc_courier_core::xml::{Budget, Problem};
use slc_courier_core::Lang;

fn data(rel: &str) -> Vec<u8> {
    common::data(&format!("request/{rel}"))
}

/// Every vector the manifest (`tests/data/manifest.json`) checks as a request, under the name
/// it lists, has exactly the findings listed there; every vector under `request/` is one.
#[test]
fn every_request_in_the_manifest_has_its_exact_findings() {
    let mut checked = 0;
    for v in common::manifest() {
        let Some(e) = &v.as_request else {
            assert!(
                !v.file.starts_with("request/"),
                "{}: no request expectation in the manifest",
                v.file
            );
            continue;
        };
        let r = check_request(&common::data(&v.file), Some(&e.named));
        let got: Vec<&str> = codes(&r.findings).iter().map(|c| c.id()).collect();
        assert_eq!(got, e.codes, "{}: {:#?}", v.file, r.findings);
        checked += 1;
    }
    assert!(checked > 0, "the manifest lists no request");
}

fn summary(file: &str) -> RequestSummary {
    check_request(
        &data(&format!("bad/{file}")),
        Some("RMS01EnrollRequest.xml"),
    )
    .summary
}

const RMS01_GUID: &str = "{6f9619ff-8b86-d011-b42d-00c04fc964ff}";

#[test]
fn an_ambiguous_value_is_left_out_of_the_summary() {
    // Two sets of parameters: none is read, and the server name is not taken from the file
    // name either.
    for file in [
        "duplicate-soap-oinput.xml",
        "duplicate-soap-enroll.xml",
        "duplicate-soap-body.xml",
        "duplicate-soap-enroll-parameters.xml",
        "duplicate-enroll-parameters.xml",
        "duplicate-html-enroll-parameters.xml",
    ] {
        assert_eq!(summary(file), RequestSummary::default(), "{file}");
    }
    // Two values of one field: that field is left out, the rest is read.
    let s = summary("duplicate-public-key-bytes.xml");
    assert_eq!((s.key, s.rsa_key), (None, None));
    assert_eq!(s.guid.as_deref(), Some(RMS01_GUID));
    for file in ["duplicate-guid.xml", "duplicate-element.xml"] {
        let s = summary(file);
        assert_eq!(s.guid, None, "{file}");
        assert_eq!(s.key.map(|k| k.bits), Some(1024), "{file}");
    }
    let s = summary("duplicate-name.xml");
    assert_eq!(s.server_name, None);
    assert_eq!(s.guid.as_deref(), Some(RMS01_GUID));
    // The SOAP form with one copy at every level is read.
    let s = summary("soap-envelope.xml");
    assert_eq!(s.guid.as_deref(), Some(RMS01_GUID));
    assert_eq!(s.server_name.as_deref(), Some("RMS01"));
    assert_eq!(s.key.map(|k| k.bits), Some(1024));
}

#[test]
fn every_request_code_has_a_damaged_variant() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/request/bad");
    let mut seen = std::collections::BTreeSet::new();
    for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{e}")) {
        let p = e.unwrap_or_else(|e| panic!("{e}")).path();
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_owned();
        let r = check_request(
            &std::fs::read(&p).unwrap_or_default(),
            Some(if name == "request.xml" {
                "request.xml"
            } else {
                "RMS01EnrollRequest.xml"
            }),
        );
        seen.extend(codes(&r.findings));
    }
    // InputTooLarge is checked below without a 1 MiB file in the repository.
    let request_codes: Vec<Code> = Code::ALL
        .iter()
        .copied()
        .take_while(|c| *c != NoXrmlFound)
        .filter(|c| *c != InputTooLarge && *c != CertificateNotRequest)
        // Declared after the certificate codes, but made by the request check.
        .chain([KeyExponentInvalid])
        .collect();
    let missing: Vec<&Code> = request_codes.iter().filter(|c| !seen.contains(c)).collect();
    assert!(missing.is_empty(), "codes without a variant: {missing:?}");
    assert!(request_codes.len() >= 25);
}

/// The base64 text of a request's aPublicKeyBytes.
fn summary_key_b64(text: &str) -> &str {
    let start = text.find("<aPublicKeyBytes>").unwrap() + "<aPublicKeyBytes>".len();
    let end = text.find("</aPublicKeyBytes>").unwrap();
    &text[start..end]
}

#[test]
fn a_second_section_or_revocation_field_is_refused_not_guessed() {
    let rms01 = String::from_utf8(data("good/RMS01EnrollRequest.xml")).unwrap();
    let rms03 = String::from_utf8(data("good/RMS03EnrollRequest.xml")).unwrap();
    let section = |text: &str, name: &str| {
        let (a, b) = (format!("  <{name}>"), format!("  </{name}>\n"));
        let start = text.find(&a).unwrap();
        let end = text.find(&b).unwrap() + b.len();
        text[start..end].to_owned()
    };
    let twice = |text: &str, name: &str| {
        let one = section(text, name);
        text.replacen(&one, &format!("{one}{one}"), 1)
    };
    let run = |text: &str| check_request(text.as_bytes(), Some("RMS01EnrollRequest.xml"));

    // A request after something that is not one is trailing content, not a second request.
    let r = run(&format!("<configuration/>\n{rms01}"));
    assert_eq!(codes(&r.findings), vec![NotARequest, TrailingJunk]);

    let r = run(&twice(&rms01, "CertificatePublicKey"));
    assert_eq!(codes(&r.findings), vec![DuplicateElement]);
    assert_eq!((r.summary.guid, r.summary.key), (None, None));

    let r = run(&twice(&rms01, "EnrolleeInformation"));
    assert_eq!(codes(&r.findings), vec![DuplicateElement]);
    let s = r.summary;
    assert_eq!((s.server_name, s.version, s.product), (None, None, None));
    assert_eq!(s.guid.as_deref(), Some(RMS01_GUID));

    let r = run(&twice(&rms03, "aRevocationAuthorities"));
    assert_eq!(codes(&r.findings), vec![DuplicateElement]);
    assert_eq!(r.summary.revocation_authorities, 0);

    let r = run(&rms03.replacen(
        "</RevocationType>\n",
        "</RevocationType>\n    <RevocationType>StandardRevocation</RevocationType>\n",
        1,
    ));
    assert_eq!(codes(&r.findings), vec![DuplicateElement]);
    assert_eq!(r.summary.revocation_type, None);

    let other = summary_key_b64(&rms01);
    let r = run(&rms03.replacen(
        "</aRevocationAuthorityPublicKey>\n",
        &format!("</aRevocationAuthorityPublicKey>\n        <aRevocationAuthorityPublicKey>{other}</aRevocationAuthorityPublicKey>\n"),
        1,
    ));
    assert_eq!(codes(&r.findings), vec![DuplicateElement]);
    assert_eq!(r.summary.revocation_authorities, 1);
}

#[test]
fn an_exponent_that_cannot_be_rsa_is_read_in_either_form() {
    for e in [0, 1, 2, 65536] {
        for (form, name) in [
            (KeyForm::DerRsaPublicKey, "der"),
            (KeyForm::CapiPublicKeyBlob, "blob"),
        ] {
            let file = format!("bad/key-exponent-invalid-{e}-{name}.xml");
            let r = check_request(&data(&file), Some("RMS01EnrollRequest.xml"));
            assert!(!r.is_ok(), "{file}");
            let k = r.summary.key.unwrap_or_else(|| panic!("{file}: no key"));
            assert_eq!((k.form, k.bits, k.exponent), (form, 1024, e), "{file}");
        }
    }
}

#[test]
fn oversized_input_is_refused_up_front() {
    let big = vec![b' '; slc_courier_core::policy::MAX_REQUEST_BYTES + 1];
    let r = check_request(&big, Some("RMS01EnrollRequest.xml"));
    assert_eq!(codes(&r.findings), vec![InputTooLarge]);
    assert_eq!(
        r.findings
            .first()
            .and_then(|f| f.location)
            .map(|l| l.offset),
        Some(slc_courier_core::policy::MAX_REQUEST_BYTES)
    );
}

#[test]
fn a_certificate_in_step_one_is_named_as_such_and_nothing_else() {
    // Every form the chain comes in (bare, pretty, SOAP, the escaped response in UTF-16 and
    // UTF-8, inside binary data, the browser's views of the response), under its own name:
    // certificate-not-request alone, about the whole file (no place, no file-name note).
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/chain");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(root.join("good"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    for f in [
        "resp-opened-in-browser.htm",
        "resp-saved-webpage.htm",
        "resp-copied-tree.txt",
        "resp-copied-tree-ie.txt",
    ] {
        files.push(root.join("bad").join(f));
    }
    assert!(files.len() >= 14);
    for p in &files {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap();
        let r = check_request(&std::fs::read(p).unwrap(), Some(name));
        assert_eq!(codes(&r.findings), vec![CertificateNotRequest], "{name}");
        assert_eq!(r.findings[0].location, None, "{name}");
    }
}

#[test]
fn files_that_are_not_xml_get_one_plain_finding() {
    let pem = data("bad/pem-not-request.xml");
    // Under the names people give them: no file-name note beside the one finding.
    for (bytes, name, expected) in [
        (pem.clone(), "root.pem", vec![PemNotRequest]),
        (pem.clone(), "RMS01EnrollRequest.xml", vec![PemNotRequest]),
        (
            data("bad/der-certificate.xml"),
            "root.cer",
            vec![BinaryFile],
        ),
        (data("bad/text-not-xml.xml"), "notes.txt", vec![TextNotXml]),
        (data("bad/binary-file.xml"), "scan.png", vec![BinaryFile]),
        (
            data("bad/request-blank.xml"),
            "empty.txt",
            vec![RequestBlank],
        ),
        (
            data("bad/not-a-request.xml"),
            "web.config",
            vec![NotARequest],
        ),
        (
            data("bad/browser-saved-webpage.htm"),
            "RMS01EnrollRequest.htm",
            vec![BrowserRendering],
        ),
        (
            data("bad/browser-rendered-xhtml.htm"),
            "RMS01EnrollRequest.htm",
            vec![HtmlWrapper],
        ),
        (
            data("bad/browser-copied-tree.txt"),
            "copy.txt",
            vec![BrowserRendering],
        ),
    ] {
        let r = check_request(&bytes, Some(name));
        assert_eq!(codes(&r.findings), expected, "{name}");
        assert!(r.findings.iter().all(|f| f.location.is_none()), "{name}");
    }
    // A PEM file with its label; a private key is named as one.
    assert_eq!(
        found(&pem, "root.pem"),
        vec![Found::Pem {
            label: "CERTIFICATE".into()
        }]
    );
    let key = b"-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAK\n-----END RSA PRIVATE KEY-----\n";
    let f = check_request(key, Some("server.key"));
    assert_eq!(codes(&f.findings), vec![PemNotRequest]);
    assert!(f.findings[0].text(Lang::En).fix.contains("private key"));
    assert!(f.findings[0]
        .text(Lang::Nl)
        .fix
        .contains("persoonlijke sleutel"));
    // OpenSSL's text before the PEM block does not make it plain text.
    let bag = [&b"Bag Attributes\n    friendlyName: root\n"[..], &pem[..]].concat();
    assert_eq!(
        codes(&check_request(&bag, None).findings),
        vec![PemNotRequest]
    );
    // Plain text: its line count and first line, trimmed and cut.
    assert_eq!(
        found(&data("bad/text-not-xml.xml"), "notes.txt"),
        vec![Found::TextNotXml {
            lines: 7,
            first_line: "Hi Jan,".into()
        }]
    );
    let long = format!("\n\n   {}\tend\n", "x".repeat(70));
    assert_eq!(
        found(long.as_bytes(), "a.txt"),
        vec![Found::TextNotXml {
            lines: 3,
            first_line: format!("{}…", "x".repeat(60))
        }]
    );
    // `a < b` is not markup; a lone `<` is a cut-off file, not plain text.
    assert_eq!(
        codes(&check_request(b"a < b", None).findings),
        vec![TextNotXml]
    );
    assert_eq!(codes(&check_request(b"<", None).findings), vec![Truncated]);
    // A DER certificate by its first bytes.
    assert_eq!(
        found(&data("bad/der-certificate.xml"), "root.cer")[0],
        Found::BinaryFile {
            kind: FileKind::DerCertificate,
            first_bytes: data("bad/der-certificate.xml")[..8].to_vec(),
        }
    );
    // Text that merely starts with 0 and 0x82 is not valid UTF-8 and so never text; a SEQUENCE
    // whose first element is not a SEQUENCE is not a certificate.
    assert_eq!(
        found(b"\x30\x82\x00\x05\x02\x01\x00\x00\x00", "x.bin")[0],
        Found::BinaryFile {
            kind: FileKind::Other,
            first_bytes: b"\x30\x82\x00\x05\x02\x01\x00\x00".to_vec(),
        }
    );
}

#[test]
fn pasted_text_has_no_name_to_judge() {
    // Pasted text has no file name: nothing is said about one, whatever the text.
    let good = check_request(&data("good/RMS01EnrollRequest.xml"), None);
    assert_eq!(codes(&good.findings), vec![]);
    assert_eq!(good.kind, RequestKind::Unknown);
    assert_eq!(good.file_name, None);
    let bad = check_request(&data("bad/guid-without-braces.xml"), None);
    assert_eq!(codes(&bad.findings), vec![GuidWithoutBraces]);
    // A file under another name still gets the note.
    let named = check_request(&data("bad/guid-without-braces.xml"), Some("request.xml"));
    assert_eq!(
        codes(&named.findings),
        vec![FileNameUnrecognised, GuidWithoutBraces]
    );
}

#[test]
fn whole_file_findings_have_no_place_and_placed_ones_point_somewhere() {
    for file in [
        "binary-file.xml",
        "request-blank.xml",
        "utf8-bom.xml",
        "utf16-encoded.xml",
        "crlf-line-endings.xml",
        "html-wrapper.xml",
        "browser-rendering.xml",
        "browser-rendering-ie.xml",
        "soap-envelope.xml",
        "not-a-request.xml",
        "pem-not-request.xml",
        "text-not-xml.xml",
    ] {
        let r = check_request(
            &data(&format!("bad/{file}")),
            Some("RMS01EnrollRequest.xml"),
        );
        assert!(!r.findings.is_empty(), "{file}");
        for f in &r.findings {
            assert_eq!(f.location, None, "{file}: {}", f.code);
        }
    }
    assert_eq!(
        check_request(b"<?xml version=\"1.0\"?>", None).findings[0].location,
        None
    );
    // Leading junk is placed where the XML starts (the junk itself always starts the file).
    let r = check_request(
        &data("bad/leading-junk.xml"),
        Some("RMS01EnrollRequest.xml"),
    );
    let l = r.findings[0].location.unwrap();
    let junk = "Exported by admin on RMS01\n";
    assert_eq!((l.offset, l.line, l.column), (junk.len(), 2, 1));
    // A place inside the file stays: the malformed end tag's line.
    let r = check_request(
        &data("bad/xml-malformed.xml"),
        Some("RMS01EnrollRequest.xml"),
    );
    assert!(r.findings[0].location.unwrap().line > 1);
}

#[test]
fn good_requests_have_the_expected_summary() {
    // Their (empty) findings are in the manifest.
    let r = check_request(
        &data("good/RMS01EnrollRequest.xml"),
        Some("RMS01EnrollRequest.xml"),
    );
    assert_eq!(r.kind, RequestKind::Enrollment);
    assert_eq!(r.encoding, Encoding::Ascii);
    let s = &r.summary;
    assert_eq!(s.server_name.as_deref(), Some("RMS01"));
    assert_eq!(
        s.cluster_url.as_deref(),
        Some("http://rms01.contoso.test/_wmcs")
    );
    assert_eq!(
        s.guid.as_deref(),
        Some("{6f9619ff-8b86-d011-b42d-00c04fc964ff}")
    );
    assert_eq!(s.version.as_deref(), Some("1.0.3012.0"));
    assert_eq!(s.sku.as_deref(), Some("12345-123-0000007-18968"));
    assert_eq!(s.product, Some(Product::Rms1));
    assert_eq!(s.revocation_type.as_deref(), Some("StandardRevocation"));
    let k = s.key.clone().unwrap_or_else(|| panic!("no key"));
    assert_eq!(
        (k.form, k.bits, k.exponent),
        (KeyForm::DerRsaPublicKey, 1024, 65537)
    );
    assert_eq!(
        r.sha256,
        slc_courier_core::text::sha256_hex(&data("good/RMS01EnrollRequest.xml"))
    );

    // The same key as a CryptoAPI blob: same fingerprint; renewal from the name.
    let r2 = check_request(
        &data("good/RMS01RenewRequest.xml"),
        Some("RMS01RenewRequest.xml"),
    );
    assert_eq!(r2.kind, RequestKind::Renewal);
    let k2 = r2.summary.key.clone().unwrap_or_else(|| panic!("no key"));
    assert_eq!(k2.form, KeyForm::CapiPublicKeyBlob);
    assert_eq!(k2.fingerprint, k.fingerprint);

    let r3 = check_request(
        &data("good/RMS02EnrollRequest.xml"),
        Some("RMS02EnrollRequest.xml"),
    );
    assert_eq!(r3.summary.key.map(|k| k.bits), Some(2048));

    let r4 = check_request(
        &data("good/RMS03EnrollRequest.xml"),
        Some("RMS03EnrollRequest.xml"),
    );
    assert_eq!(r4.summary.revocation_authorities, 1);
    assert_eq!(
        r4.summary.revocation_type.as_deref(),
        Some("CustomRevocation")
    );
}

#[test]
fn utf16_content_is_still_read_and_offsets_are_in_the_file() {
    let r = check_request(
        &data("bad/utf16-encoded.xml"),
        Some("RMS01EnrollRequest.xml"),
    );
    assert_eq!(r.summary.server_name.as_deref(), Some("RMS01"));
    assert_eq!(r.encoding, Encoding::Utf16Le);
    let r = check_request(
        &data("bad/xml-malformed.xml"),
        Some("RMS01EnrollRequest.xml"),
    );
    let loc = r
        .findings
        .first()
        .and_then(|f| f.location)
        .unwrap_or_else(|| panic!("no location"));
    let text = String::from_utf8(data("bad/xml-malformed.xml")).unwrap_or_default();
    assert_eq!(loc.line, 13);
    assert!(
        text[..loc.offset].ends_with("<Name>RMS01"),
        "offset {} points at {:?}",
        loc.offset,
        &text[loc.offset..loc.offset + 10]
    );
}

#[test]
fn a_child_in_another_namespace_is_not_read_by_its_local_name() {
    let good = String::from_utf8(data("good/RMS01EnrollRequest.xml")).unwrap();
    let other = good.replacen("<Guid>", "<Guid xmlns=\"urn:other\">", 1);
    let r = check_request(other.as_bytes(), Some("RMS01EnrollRequest.xml"));
    assert_eq!(codes(&r.findings), vec![WrongNamespace]);
    assert!(!r.is_ok());
}

/// The typed values of a request's findings, in order (every one must be a request finding
/// or the input refusal).
fn found(bytes: &[u8], name: &str) -> Vec<Found> {
    check_request(bytes, Some(name))
        .findings
        .iter()
        .map(|f| match f.what() {
            What::Request(x) => x.clone(),
            other => panic!("not a request finding: {other:?}"),
        })
        .collect()
}

fn found_in(file: &str) -> Vec<Found> {
    found(&data(&format!("bad/{file}")), "RMS01EnrollRequest.xml")
}

#[test]
fn each_damaged_request_carries_its_typed_values() {
    let s = |x: &str| x.to_owned();
    let cases: Vec<(&str, Vec<Found>)> = vec![
        ("request-empty.xml", vec![Found::Empty]),
        ("request-blank.xml", vec![Found::Blank { size: 5 }]),
        (
            "binary-file.xml",
            vec![Found::BinaryFile {
                kind: FileKind::Png,
                first_bytes: b"\x89PNG\r\n\x1a\n".to_vec(),
            }],
        ),
        (
            "utf16-encoded.xml",
            vec![Found::Utf16 {
                encoding: Encoding::Utf16Le,
                bom: true,
            }],
        ),
        (
            "utf16be-no-bom.xml",
            vec![Found::Utf16 {
                encoding: Encoding::Utf16Be,
                bom: false,
            }],
        ),
        (
            "nul-bytes.xml",
            vec![
                Found::NulBytes { count: 64 },
                Found::TrailingJunk {
                    chars: 64,
                    root: s("EnrollParameters"),
                },
            ],
        ),
        (
            "non-ascii.xml",
            vec![Found::NonAscii {
                count: 1,
                first: 'ø',
            }],
        ),
        (
            "invalid-utf8.xml",
            vec![Found::InvalidUtf8 {
                offset: 764,
                byte: 0xFF,
            }],
        ),
        ("leading-junk.xml", vec![Found::LeadingJunk { chars: 27 }]),
        (
            "trailing-junk.xml",
            vec![Found::TrailingJunk {
                chars: 18,
                root: s("EnrollParameters"),
            }],
        ),
        (
            "browser-rendering.xml",
            vec![Found::BrowserRendering {
                view: BrowserView::StyleBanner,
            }],
        ),
        (
            "browser-rendering-ie.xml",
            vec![Found::BrowserRendering {
                view: BrowserView::CollapsibleTree,
            }],
        ),
        (
            "truncated.xml",
            vec![Found::Truncated {
                open: Some(s("aPublicKeyBytes")),
            }],
        ),
        (
            "xml-malformed.xml",
            vec![Found::XmlMalformed {
                problem: Problem::MismatchedEndTag {
                    expected: s("Name"),
                    found: s("Nam"),
                },
            }],
        ),
        ("doctype-refused.xml", vec![Found::Doctype]),
        (
            "xml-budget-exceeded.xml",
            vec![Found::XmlBudget {
                budget: Budget::Depth {
                    limit: slc_courier_core::policy::MAX_XML_DEPTH,
                },
            }],
        ),
        (
            "not-a-request.xml",
            vec![Found::NotARequest {
                root: s("configuration"),
            }],
        ),
        (
            "wrong-namespace.xml",
            vec![Found::WrongNamespace {
                element: s("EnrollParameters"),
                namespace: Some(s("http://microsoft.com/DRM/EnrollmentService/v2")),
            }],
        ),
        (
            "missing-element.xml",
            vec![Found::MissingElement {
                parent: s("CertificatePublicKey"),
                names: vec![s("Guid")],
            }],
        ),
        (
            "unexpected-element.xml",
            vec![Found::UnexpectedElement {
                element: s("Comment"),
                parent: "EnrolleeInformation",
            }],
        ),
        (
            "element-order.xml",
            vec![Found::ElementOrder {
                element: s("CertificatePublicKey"),
                parent: "EnrollParameters",
                order: &[
                    "RevocationInformation",
                    "CertificatePublicKey",
                    "EnrolleeInformation",
                ],
            }],
        ),
        (
            "duplicate-name.xml",
            vec![Found::DuplicateElement {
                element: s("Name"),
                parent: "EnrolleeInformation",
                count: 2,
            }],
        ),
        (
            "duplicate-enroll-parameters.xml",
            vec![Found::SecondRequest {
                element: s("EnrollParameters"),
            }],
        ),
        (
            "duplicate-soap-oinput.xml",
            vec![
                Found::SoapEnvelope,
                Found::AmbiguousParameters {
                    parent: s("Enroll"),
                    names: vec![s("oInput"), s("EnrollParameters")],
                    count: 2,
                },
            ],
        ),
        (
            "revocation-type-invalid.xml",
            vec![Found::RevocationTypeInvalid {
                value: s("standardrevocation"),
            }],
        ),
        (
            "revocation-authorities-unexpected.xml",
            vec![Found::RevocationAuthoritiesUnexpected {
                revocation_type: Some(s("StandardRevocation")),
            }],
        ),
        (
            "guid-invalid.xml",
            vec![Found::GuidInvalid {
                value: s("{6F9619FF-8B86-D011-B42D}"),
            }],
        ),
        (
            "guid-without-braces.xml",
            vec![Found::GuidWithoutBraces {
                written: s("6f9619ff-8b86-d011-b42d-00c04fc964ff"),
                guid: s(RMS01_GUID),
            }],
        ),
        (
            "ad-rms-version.xml",
            vec![Found::AdRmsVersion {
                version: s("6.1.7600.16385"),
            }],
        ),
        (
            "enrollee-field-empty.xml",
            vec![Found::EnrolleeFieldEmpty {
                fields: vec![s("Name")],
            }],
        ),
        (
            "url-implausible.xml",
            vec![Found::UrlImplausible {
                url: s("rms01 contoso"),
            }],
        ),
        (
            "key-base64-invalid.xml",
            vec![Found::KeyBase64Invalid {
                problem: Base64Problem::InvalidCharacter {
                    offset: 20,
                    byte: b'!',
                },
            }],
        ),
        (
            "key-format-unknown.xml",
            vec![Found::KeyFormatUnknown {
                length: 30,
                first_bytes: b"hello wo".to_vec(),
            }],
        ),
        (
            "key-size-unusual.xml",
            vec![Found::KeySizeUnusual { bits: 768 }],
        ),
        (
            "key-exponent-unusual.xml",
            vec![Found::KeyExponentUnusual { exponent: 3 }],
        ),
        (
            "key-exponent-invalid-65536-blob.xml",
            vec![Found::KeyExponentInvalid { exponent: 65536 }],
        ),
    ];
    for (file, expected) in &cases {
        assert_eq!(&found_in(file), expected, "{file}");
    }
    assert_eq!(
        found(&data("bad/request.xml"), "request.xml"),
        vec![Found::FileNameUnrecognised {
            name: s("request.xml")
        }]
    );
}

#[test]
fn a_png_is_named_as_a_png_not_as_invalid_utf8() {
    let png = [
        &b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"[..],
        &[0xE9; 100][..],
    ]
    .concat();
    let r = check_request(&png, Some("RMS01EnrollRequest.xml"));
    assert_eq!(codes(&r.findings), vec![BinaryFile]);
    assert_eq!(
        found(&png, "RMS01EnrollRequest.xml"),
        vec![Found::BinaryFile {
            kind: FileKind::Png,
            first_bytes: vec![0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        }]
    );
    let f = &r.findings[0];
    assert_eq!(f.location, None);
    assert!(f.message(Lang::En).contains("PNG"));
    assert!(f.message(Lang::Nl).contains("PNG-afbeelding"));
    // Other kinds by their signatures; undecodable bytes with NULs are "other".
    for (bytes, kind) in [
        (&b"PK\x03\x04\x14\x00\x06\x00word/"[..], FileKind::Zip),
        (b"%PDF-1.7\n", FileKind::Pdf),
        (b"\xFF\xD8\xFF\xE0\x00\x10JFIF", FileKind::Jpeg),
        (b"GIF89a\x01\x00", FileKind::Gif),
        (b"\x1F\x8B\x08\x00\x00\x00", FileKind::Gzip),
        (b"MZ\x90\x00\x03\x00", FileKind::Exe),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", FileKind::Ole),
        (b"\xFE\x00\x81\x00\xC3\x00\x00", FileKind::Other),
    ] {
        let got = found(bytes, "RMS01EnrollRequest.xml");
        assert_eq!(
            got,
            vec![Found::BinaryFile {
                kind,
                first_bytes: bytes[..bytes.len().min(8)].to_vec(),
            }],
            "{kind:?}"
        );
    }
    // A text file with one bad byte is still invalid UTF-8, with its offset and byte.
    assert_eq!(
        found(b"<EnrollParameters>\xE9", "RMS01EnrollRequest.xml")[0],
        Found::InvalidUtf8 {
            offset: 18,
            byte: 0xE9
        }
    );
}

#[test]
fn a_whitespace_only_file_is_blank_not_truncated() {
    assert_eq!(
        found(b" \n\t \n", "RMS01EnrollRequest.xml"),
        vec![Found::Blank { size: 5 }]
    );
    let r = check_request(b"   ", Some("RMS01EnrollRequest.xml"));
    assert_eq!(codes(&r.findings), vec![RequestBlank]);
    assert_eq!(r.findings[0].location, None);
    // A file that ends inside the XML is still truncated; one with no element at all too.
    assert_eq!(
        found(b"<?xml version=\"1.0\"?>\n", "RMS01EnrollRequest.xml"),
        vec![Found::NoElement]
    );
    assert_eq!(
        found(b"<EnrollParameters><Revo", "RMS01EnrollRequest.xml"),
        vec![Found::Truncated {
            open: Some("EnrollParameters".into())
        }]
    );
    assert_eq!(
        found(b"<?xml version=\"1.0\"?>\n<!", "RMS01EnrollRequest.xml"),
        vec![Found::Truncated { open: None }]
    );
}

#[test]
fn an_oversized_request_is_the_typed_input_refusal() {
    let big = vec![b' '; slc_courier_core::policy::MAX_REQUEST_BYTES + 1];
    let r = check_request(&big, Some("big.xml"));
    match r.findings[0].what() {
        What::Input(Input::TooLarge {
            name,
            size,
            limit,
            expected,
        }) => {
            assert_eq!(name, "big.xml");
            assert_eq!(*size, big.len() as u64);
            assert_eq!(*limit, slc_courier_core::policy::MAX_REQUEST_BYTES as u64);
            assert_eq!(*expected, Expected::Request);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn request_findings_read_in_both_languages() {
    let r = check_request(
        &data("bad/xml-malformed.xml"),
        Some("RMS01EnrollRequest.xml"),
    );
    let f = &r.findings[0];
    assert_eq!(
        f.message(Lang::En),
        "The XML is not well-formed: </Nam> is found where </Name> should close <Name>."
    );
    assert_eq!(
        f.message(Lang::Nl),
        "De XML is niet goed gevormd: er staat </Nam> waar </Name> hoort om <Name> te sluiten."
    );
    let json = serde_json::to_value(f).unwrap();
    assert_eq!(json["code"], "xml-malformed");
    assert_eq!(json["params"]["problem"]["kind"], "mismatched-end-tag");
    assert_eq!(json["params"]["problem"]["found"], "Nam");
}

#[test]
fn a_request_at_the_size_limit_is_read() {
    let limit = slc_courier_core::policy::MAX_REQUEST_BYTES;
    let good = data("good/RMS01EnrollRequest.xml");
    // The good request padded with trailing spaces to exactly the limit: read, no refusal.
    let mut at_limit = good.clone();
    at_limit.resize(limit, b' ');
    assert_eq!(
        codes(&check_request(&at_limit, Some("RMS01EnrollRequest.xml")).findings),
        vec![]
    );
    at_limit.push(b' ');
    assert_eq!(
        codes(&check_request(&at_limit, Some("RMS01EnrollRequest.xml")).findings),
        vec![InputTooLarge]
    );
}

#[test]
fn an_odd_utf16_file_is_cut_at_its_last_byte() {
    let good = String::from_utf8(data("good/RMS01EnrollRequest.xml")).unwrap();
    for bom in [true, false] {
        let mut utf16: Vec<u8> = if bom { vec![0xFF, 0xFE] } else { vec![] };
        for u in good.encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        utf16.pop();
        let r = check_request(&utf16, Some("RMS01EnrollRequest.xml"));
        let odd: Vec<_> = r
            .findings
            .iter()
            .filter(|f| matches!(f.what(), What::Request(Found::Utf16OddLength { .. })))
            .collect();
        assert_eq!(odd.len(), 1, "bom {bom}: {:?}", codes(&r.findings));
        assert_eq!(
            odd[0].what(),
            &What::Request(Found::Utf16OddLength { size: utf16.len() })
        );
        assert_eq!(
            odd[0].location.map(|l| l.offset),
            Some(utf16.len() - 1),
            "bom {bom}"
        );
    }
}

#[test]
fn an_unexpected_element_is_reported_once_per_name() {
    let good = String::from_utf8(data("good/RMS01EnrollRequest.xml")).unwrap();
    let extra = good.replacen(
        "<Version>",
        "<Comment/><Note/><Comment/><Comment/><Version>",
        1,
    );
    assert_eq!(
        found(extra.as_bytes(), "RMS01EnrollRequest.xml"),
        vec![
            Found::UnexpectedElement {
                element: "Comment".into(),
                parent: "EnrolleeInformation",
            },
            Found::UnexpectedElement {
                element: "Note".into(),
                parent: "EnrolleeInformation",
            },
        ]
    );
}

/// `xsi:nil="true"` on Guid: the service's reader would take the GUID as null, so the request
/// is refused and its GUID is not read for pairing.
#[test]
fn an_attribute_on_a_request_element_is_refused_with_its_value() {
    let r = check_request(
        &data("bad/guid-xsi-nil.xml"),
        Some("RMS01EnrollRequest.xml"),
    );
    assert!(!r.is_ok());
    assert_eq!(
        r.findings
            .iter()
            .map(|f| f.what().clone())
            .collect::<Vec<_>>(),
        vec![What::Request(Found::UnexpectedAttribute {
            element: "Guid".into(),
            attribute: "xsi:nil".into(),
            value: "true".into(),
        })]
    );
    let f = &r.findings[0];
    assert!(f.message(Lang::En).contains("null"));
    assert!(f.message(Lang::Nl).contains("null"));
}

/// A parameter element anywhere else than where it is read (inside a field, inside an unknown
/// element, in a SOAP header, in a second call) makes the request ambiguous: one finding
/// naming them, nothing read. Attributes other than namespace declarations on the parameters
/// element or the SOAP elements around it (`xsi:nil` reads as "no parameters") are errors.
#[test]
fn parameters_astray_or_nil_are_refused_not_guessed() {
    let rms01 = String::from_utf8(data("good/RMS01EnrollRequest.xml")).unwrap();
    let rms02 = String::from_utf8(data("good/RMS02EnrollRequest.xml")).unwrap();
    let inner = |text: &str, name: &str| {
        let (a, b) = (format!("<{name}>"), format!("</{name}>"));
        let start = text.find(&a).unwrap();
        let end = text.find(&b).unwrap() + b.len();
        text[start..end].to_owned()
    };
    let params = |text: &str| {
        let start = text.find("<RevocationInformation>").unwrap();
        let end = text.find("</EnrollParameters>").unwrap();
        text[start..end].to_owned()
    };
    let astray = |text: &str, parent: &str, names: &[&str], count: usize| {
        let found = found(text.as_bytes(), "RMS01EnrollRequest.xml");
        let want = Found::AmbiguousParameters {
            parent: parent.to_owned(),
            names: names.iter().map(|n| (*n).to_owned()).collect(),
            count,
        };
        assert!(found.contains(&want), "{found:?}");
        let r = check_request(text.as_bytes(), Some("RMS01EnrollRequest.xml"));
        assert!(!r.is_ok());
        assert_eq!((r.summary.guid, r.summary.key), (None, None));
    };
    let guid2 = inner(&rms02, "Guid");
    let key2 = inner(&rms02, "CertificatePublicKey");
    // Inside the field itself.
    astray(
        &rms01.replacen("<Guid>", &format!("<Guid>{guid2}"), 1),
        "EnrollParameters",
        &["Guid"],
        2,
    );
    // Inside an unknown part, before the real one.
    astray(
        &rms01.replacen(
            "<RevocationInformation>",
            &format!("<Extension>{key2}</Extension><RevocationInformation>"),
            1,
        ),
        "EnrollParameters",
        &["CertificatePublicKey", "aPublicKeyBytes", "Guid"],
        6,
    );
    // Under another part than its own, or directly under the parameters element.
    astray(
        &rms01.replacen("<RevocationType>", &format!("{guid2}<RevocationType>"), 1),
        "EnrollParameters",
        &["Guid"],
        2,
    );
    astray(
        &rms01.replacen(
            "<RevocationInformation>",
            &format!("{guid2}<RevocationInformation>"),
            1,
        ),
        "EnrollParameters",
        &["Guid"],
        2,
    );
    // An element inside a text field: refused by a .NET reader, read as other text by one
    // that takes it all.
    astray(
        &rms01.replacen("</Guid>", "<Other>{x}</Other></Guid>", 1),
        "EnrollParameters",
        &["Other"],
        1,
    );
    // SOAP: a second call first in the body, or the parameters in the header.
    let ns = "http://microsoft.com/DRM/EnrollmentService";
    let soap = |header: &str, body: &str| {
        format!(
            "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">{header}\
             <soap:Body>{body}<Enroll xmlns=\"{ns}\"><oInput>{}</oInput></Enroll></soap:Body>\
             </soap:Envelope>",
            params(&rms01)
        )
    };
    let call2 = format!(
        "<Renew xmlns=\"{ns}\"><oInput>{}</oInput></Renew>",
        params(&rms02)
    );
    let all = [
        "oInput",
        "RevocationInformation",
        "RevocationType",
        "CertificatePublicKey",
        "aPublicKeyBytes",
        "Guid",
        "EnrolleeInformation",
        "SKU",
        "Version",
        "Name",
        "URL",
    ];
    astray(&soap("", &call2), "soap:Envelope", &all, 22);
    let header = format!(
        "<soap:Header><EnrollParameters xmlns=\"{ns}\">{}</EnrollParameters></soap:Header>",
        params(&rms02)
    );
    // A call element elsewhere (here an empty Enroll in the header) is astray too.
    let call_in_header = format!("<soap:Header><Enroll xmlns=\"{ns}\"/></soap:Header>");
    astray(&soap(&call_in_header, ""), "soap:Envelope", &["Enroll"], 2);
    let mut names = vec!["EnrollParameters"];
    names.extend(all.iter().skip(1));
    astray(&soap(&header, ""), "soap:Envelope", &names, 21);
    // The good SOAP form is not ambiguous, also with an element ending where the parameters
    // start (no blank between them: the path to them is found by position).
    assert!(check_request(soap("", "").as_bytes(), Some("RMS01EnrollRequest.xml")).is_ok());
    let note = soap("", "").replacen("<oInput>", "<x:Note xmlns:x=\"urn:n\"/><oInput>", 1);
    assert!(check_request(note.as_bytes(), Some("RMS01EnrollRequest.xml")).is_ok());

    // xsi:nil / xsi:type on the parameters element, and on the SOAP oInput.
    for attr in ["xsi:nil=\"true\"", "xsi:type=\"xsd:string\""] {
        let text = rms01.replacen(
            "<EnrollParameters ",
            &format!("<EnrollParameters {attr} "),
            1,
        );
        let (name, value) = attr.split_once('=').unwrap();
        assert_eq!(
            found(text.as_bytes(), "RMS01EnrollRequest.xml"),
            vec![Found::UnexpectedAttribute {
                element: "EnrollParameters".into(),
                attribute: name.into(),
                value: value.trim_matches('"').into(),
            }]
        );
    }
    // Harmless attributes: xml:lang / xml:space, SOAP's encodingStyle on the Body.
    for (from, to) in [
        (
            "<EnrollParameters ",
            "<EnrollParameters xml:lang=\"en\" xml:space=\"default\" ",
        ),
        (
            "<EnrollParameters ",
            "<EnrollParameters xmlns:foo=\"urn:foo\" ",
        ),
    ] {
        let text = rms01.replacen(from, to, 1);
        assert!(
            check_request(text.as_bytes(), Some("RMS01EnrollRequest.xml")).is_ok(),
            "{to}"
        );
    }
    let styled = soap("", "").replacen(
        "<soap:Body>",
        "<soap:Body soap:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\">",
        1,
    );
    assert!(check_request(styled.as_bytes(), Some("RMS01EnrollRequest.xml")).is_ok());
    let nil = soap("", "").replacen(
        "<oInput>",
        "<oInput xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"true\">",
        1,
    );
    let found = found(nil.as_bytes(), "RMS01EnrollRequest.xml");
    assert!(found.contains(&Found::UnexpectedAttribute {
        element: "oInput".into(),
        attribute: "xsi:nil".into(),
        value: "true".into(),
    }));
}
