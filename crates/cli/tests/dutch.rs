//! `slc-courier --lang nl` over the synthetic vectors: no line of the Dutch output is the
//! English output's line for the same input, except lines made only of language-neutral
//! tokens ([`neutral`]: codes, hashes, names, dates, numbers). Errors, the receipt (HTML) and
//! the JSON too; the locale default and `--lang` overriding it.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use assert_cmd::Command;
use common::data;
use serde_json::Value;
use std::collections::BTreeSet;

/// Words that are the same in English and Dutch and are names or symbols, not sentences:
/// algorithm and format names, the product's fixed names, and words the names in the test
/// vectors are made of (issuer and principal names such as "Microsoft DRM Production Root").
/// Kept narrow on purpose: a word of English prose here would hide an untranslated line.
const SAME_IN_BOTH: &[&str] = &[
    // names of formats and algorithms
    "RSA",
    "SHA-1",
    "SHA-256",
    "sha256",
    "XrML",
    "DER",
    "RSAPublicKey",
    "PKCS#1",
    "CryptoAPI",
    "PUBLICKEYBLOB",
    "SOAP",
    "JSON",
    "RFC",
    "ASCII",
    "UTF-8",
    "BOM",
    "SKU",
    "GUID",
    "URL",
    "e",
    // the vectors' names (issuer, principal, kinds as written in DESCRIPTOR)
    "Microsoft",
    "DRM",
    "Production",
    "Root",
    "Server",
    "Self",
    "Enrollment",
    "Service",
    "CA",
    "Server-Licensor-Certificate",
    "DRM-CA-Certificate",
    "Client-Licensor-Certificate",
    "Group-Identity-Credential",
    "Machine-Certificate",
    // status symbols shared with the page's Dutch (`src/i18n.rs`: pass "OK", info "INFO")
    "OK",
    // the product's name
    "Courier",
    "INFO",
    "SLC",
    "CLC",
    "RAC",
    "intranet",
    "extranet",
];

/// True when `token` carries no language: a code (`chain-untrusted-root`), a hash, a GUID,
/// a date or time, a number, a file name or path, a URL, a document number (`#3`), a
/// punctuation mark, or one of [`SAME_IN_BOTH`].
fn neutral_token(token: &str) -> bool {
    let t = token.trim_matches(|c: char| "()[]{},:;·|—*=\"'….!?".contains(c));
    if t.is_empty() || SAME_IN_BOTH.contains(&t) {
        return true;
    }
    let hexish = t.len() >= 16 && t.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
    let numeric = t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || "-:TZ.+#".contains(c) || c.is_ascii_uppercase());
    let code = t.contains('-')
        && t.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    let file =
        t.contains('/') || t.ends_with(".xml") || t.ends_with(".html") || t.ends_with(".json");
    let names_a_server = t.starts_with("RMS0") || t.contains('@');
    let guid = t.starts_with('{') || token.starts_with('{');
    // An element name as the files spell it: <Guid>, </EnrollParameters>, <XrML>.
    let element = (t.starts_with('<') && t.ends_with('>'))
        || t.chars().skip(1).any(|c| c.is_ascii_uppercase())
            && t.chars().any(|c| c.is_ascii_lowercase());
    hexish || numeric || code || file || names_a_server || guid || element || t.starts_with("e=")
}

/// True when every token of `line` is [`neutral_token`].
fn neutral(line: &str) -> bool {
    line.split_whitespace().all(neutral_token)
}

/// Words both languages write the same way in these outputs (checked word by word, so a
/// line half in English fails): "document", "bytes", "modus"… Narrow on purpose.
/// "build", "byte", "server" and "clusters" are the page's and the evidence report's Dutch words too
/// (`src/i18n.rs`, `evidence::NL`); "dev" is the build id.
const SHARED_WORDS: &[&str] = &[
    "bytes",
    "byte",
    "document",
    "body",
    "build",
    "dev",
    "clusters",
    "server",
    // Product and element names, the same in Microsoft's Dutch documentation.
    "windows",
    "rms",
    "xrml",
    "signature",
    "digest",
    "value",
    "issuer",
    "algorithm",
    "publickey",
    "enrollparameters",
    "slc",
    // Dutch words spelled as the English ones.
    "download",
    "export",
    "test",
    "info",
    "hash",
    "compact",
    "offline",
    "open",
    "editor",
    "is",
    "in",
    "over",
    "type",
    "status",
    "bestand",
    "online",
    "tags",
    "tag",
    "schema",
];

/// The words of `en` (not [`neutral_token`]s, three letters or more) that are also in `nl`.
fn english_words_left(en: &str, nl: &str) -> Vec<String> {
    // A command in backticks is a command, not words.
    let unquoted = |s: &str| -> String { s.split('`').step_by(2).collect::<Vec<_>>().join(" ") };
    let words = |s: &str| -> Vec<String> {
        unquoted(s)
            .split_whitespace()
            .filter(|t| !neutral_token(t))
            .map(|t| {
                t.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|t| t.chars().count() >= 3 && !SHARED_WORDS.contains(&t.as_str()))
            .collect()
    };
    let nl = words(nl);
    words(en).into_iter().filter(|w| nl.contains(w)).collect()
}

const AT: &str = "2026-11-22T12:00:00Z";

/// Runs the CLI with no locale in the environment; returns stdout, stderr, exit code.
fn run(args: &[String], env: &[(&str, &str)]) -> (String, String, i32) {
    let mut c = Command::cargo_bin("slc-courier").unwrap();
    c.env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

fn in_lang(lang: &str, args: &[String]) -> (String, String, i32) {
    let mut a = vec!["--lang".to_owned(), lang.to_owned()];
    a.extend_from_slice(args);
    run(&a, &[])
}

fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| (*s).to_owned()).collect()
}

/// Compares the English and Dutch texts line by line: no Dutch line (findings included) is the
/// English one, and no English word is left in it.
#[track_caller]
fn assert_dutch(what: &str, en: &str, nl: &str) {
    let (en, nl): (Vec<&str>, Vec<&str>) = (en.lines().collect(), nl.lines().collect());
    assert_eq!(
        en.len(),
        nl.len(),
        "{what}: line counts\n{}\n---\n{}",
        en.join("\n"),
        nl.join("\n")
    );
    assert!(!en.is_empty(), "{what}: no output");
    for (e, n) in en.iter().zip(&nl) {
        assert!(
            e != n || neutral(e),
            "{what}: the Dutch line is the English one:\n  {e}"
        );
        let left = english_words_left(e, n);
        assert!(
            left.is_empty(),
            "{what}: English words {left:?} in the Dutch line:\n  {e}\n  {n}"
        );
    }
}

/// The cases: (name, arguments, exit code).
fn cases() -> Vec<(&'static str, Vec<String>, i32)> {
    let anchor = data("chain/test-root.xrml-key.txt");
    let good_req = data("request/good/RMS01EnrollRequest.xml");
    let good_chain = data("chain/good/sha1-compact.xml");
    let wb = |f: &str| data(&format!("workbench/{f}"));
    vec![
        ("request, valid", args(&["request", &good_req]), 0),
        (
            "request, damaged",
            args(&["request", &data("request/bad/duplicate-element.xml")]),
            1,
        ),
        (
            "verify, valid",
            args(&[
                "verify",
                &good_chain,
                "--request",
                &good_req,
                "--at",
                AT,
                "--anchor",
                &anchor,
            ]),
            0,
        ),
        (
            "verify, damaged",
            args(&[
                "verify",
                &data("chain/bad/tampered-signature.xml"),
                "--request",
                &good_req,
                "--at",
                AT,
                "--anchor",
                &anchor,
            ]),
            1,
        ),
        (
            "verify, request with errors",
            args(&[
                "verify",
                &good_chain,
                "--request",
                &data("request/bad/duplicate-element.xml"),
                "--at",
                AT,
                "--anchor",
                &anchor,
            ]),
            1,
        ),
        (
            "verify, no request",
            args(&[
                "verify",
                &data("chain/good/sha256-pretty.xml"),
                "--at",
                AT,
                "--anchor",
                &anchor,
            ]),
            0,
        ),
        (
            "verify, not the pinned root",
            args(&["verify", &good_chain, "--at", AT]),
            1,
        ),
        (
            "verify, expired",
            args(&[
                "verify",
                &data("chain/bad/expired-slc.xml"),
                "--at",
                AT,
                "--anchor",
                &anchor,
            ]),
            1,
        ),
        (
            "inspect, across files, compared",
            args(&[
                "inspect",
                "--at",
                AT,
                "--threshold",
                "200",
                "--compare",
                "1",
                "4",
                &wb("mode2/slc.xml"),
                &wb("mode2/clc-response.xml"),
                &wb("orphan/clc-rms03.xml"),
                &wb("broken/clc-tampered.xml"),
            ]),
            1,
        ),
    ]
}

#[test]
fn every_line_of_every_command_is_dutch() {
    for (what, a, code) in cases() {
        let (en, en_err, en_code) = in_lang("en", &a);
        let (nl, nl_err, nl_code) = in_lang("nl", &a);
        assert_eq!((en_code, nl_code), (code, code), "{what}: {en_err}{nl_err}");
        assert_eq!((en_err.as_str(), nl_err.as_str()), ("", ""), "{what}");
        assert_dutch(what, &en, &nl);
    }
}

/// A sample of what is compared, so a change that empties the output cannot pass.
#[test]
fn the_dutch_verdicts_read_as_written() {
    let anchor = data("chain/test-root.xrml-key.txt");
    let (out, _, code) = in_lang(
        "nl",
        &args(&[
            "verify",
            &data("chain/bad/tampered-signature.xml"),
            "--at",
            AT,
            "--anchor",
            &anchor,
        ]),
    );
    assert_eq!(code, 1);
    assert!(
        out.contains("\n  oordeel      NIET GELDIG — neem dit bestand niet mee terug [TESTANKER"),
        "{out}"
    );
    assert!(
        out.contains(
            "\n  reden        signature-invalid — Een handtekening in de keten klopt niet"
        ),
        "{out}"
    );
    assert!(
        out.starts_with("certificaatketen: tampered-signature.xml\n"),
        "{out}"
    );
    let (out, _, _) = in_lang(
        "nl",
        &args(&["request", &data("request/good/RMS01EnrollRequest.xml")]),
    );
    assert!(out.contains("\n  soort        inschrijving\n"), "{out}");
    assert!(out.contains("\n  OK  geen bevindingen\n"), "{out}");
}

#[test]
fn errors_are_dutch() {
    let dir = std::env::temp_dir().join(format!("slc-cli-nl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let chain = data("chain/good/sha1-compact.xml");
    let req = data("request/good/RMS01EnrollRequest.xml");
    let d = dir.display().to_string();
    let big = dir.join("RMS01EnrollRequest.xml");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(2 * 1024 * 1024))
        .unwrap();
    let cases = [
        args(&["request", &d]),
        args(&["request", "/nonexistent/RMS01EnrollRequest.xml"]),
        args(&["request", &big.display().to_string()]),
        args(&["verify", &chain, "--at", "yesterday"]),
        args(&["verify", &chain, "--at", "2026-11-22T12:00:00+24:00"]),
        args(&["verify", &chain, "--at", "2026-02-30T12:00:00Z"]),
        args(&["verify", &chain, "--at", "2026-11-22T24:00:00Z"]),
        args(&["verify", &chain, "--anchor", &req]),
        args(&["receipt", &req, &chain, "-o", &format!("{d}/r.svg")]),
        args(&["inspect", &chain, "-o", &format!("{d}/e.txt")]),
        args(&["inspect", &chain, "--compare", "1", "9"]),
    ];
    for a in cases {
        let (_, en, en_code) = in_lang("en", &a);
        let (_, nl, nl_code) = in_lang("nl", &a);
        assert_eq!((en_code, nl_code), (2, 2), "{a:?}: {en}{nl}");
        assert_eq!(nl.lines().count(), 1, "{nl}");
        assert!(en.starts_with("slc-courier: error: "), "{en}");
        assert!(nl.starts_with("slc-courier: fout: "), "{nl}");
        // The sentence after the path or option differs, not only the prefix.
        let tail = |s: &str| s.rsplit(": ").next().unwrap_or("").to_owned();
        assert_ne!(tail(&en), tail(&nl), "{a:?}");
        assert!(
            !nl.contains("cannot") && !nl.contains(" is not ") && !nl.contains("expected"),
            "{nl}"
        );
    }
    std::fs::remove_dir_all(dir).unwrap();
}

/// The text nodes of an HTML page, in order; the text of a `<code>` element (commands,
/// hashes, codes, file names: never words) is left out.
fn text_nodes(html: &str) -> Vec<String> {
    let mut out = vec![];
    for part in html.split('<').skip(1) {
        if let Some((tag, text)) = part.split_once('>') {
            let t = text.trim();
            if !t.is_empty() && !tag.starts_with("style") && tag != "code" {
                out.push(
                    t.replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&amp;", "&"),
                );
            }
        }
    }
    out
}

#[test]
fn the_printable_receipt_is_dutch() {
    let dir = std::env::temp_dir().join(format!("slc-cli-nl-receipt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let anchor = data("chain/test-root.xrml-key.txt");
    for (what, req, chain, code) in [
        (
            "valid",
            "request/good/RMS01EnrollRequest.xml",
            "chain/good/sha1-compact.xml",
            0,
        ),
        (
            "damaged",
            "request/good/RMS01EnrollRequest.xml",
            "chain/bad/tampered-signature.xml",
            1,
        ),
        (
            "other request",
            "request/good/RMS03EnrollRequest.xml",
            "chain/good/sha1-compact.xml",
            1,
        ),
    ] {
        let mut pages = vec![];
        let mut stdout = vec![];
        for lang in ["en", "nl"] {
            let out = dir.join(format!("{lang}.html"));
            let (text, err, c) = in_lang(
                lang,
                &args(&[
                    "receipt",
                    &data(req),
                    &data(chain),
                    "-o",
                    out.to_str().unwrap(),
                    "--at",
                    AT,
                    "--anchor",
                    &anchor,
                ]),
            );
            assert_eq!(c, code, "{what} {lang}: {err}");
            pages.push(std::fs::read_to_string(&out).unwrap());
            stdout.push(text);
        }
        assert_dutch(&format!("receipt {what} (stdout)"), &stdout[0], &stdout[1]);
        let (en, nl) = (&pages[0], &pages[1]);
        assert!(en.starts_with("<!DOCTYPE html><html lang=\"en\">"), "{en}");
        assert!(nl.starts_with("<!DOCTYPE html><html lang=\"nl\">"), "{nl}");
        // The findings' texts, from the JSON receipt, for the allowance.
        let v: Value = serde_json::from_str(
            &in_lang(
                "en",
                &args(&[
                    "--json",
                    "verify",
                    &data(chain),
                    "--request",
                    &data(req),
                    "--at",
                    AT,
                    "--anchor",
                    &anchor,
                ]),
            )
            .0,
        )
        .unwrap();
        let finding_texts: BTreeSet<String> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|f| {
                [
                    f["message"].as_str().unwrap().to_owned(),
                    f["fix"].as_str().unwrap().to_owned(),
                ]
            })
            .collect();
        let (en, nl) = (text_nodes(en), text_nodes(nl));
        assert_eq!(en.len(), nl.len(), "{what}:\n{en:#?}\n{nl:#?}");
        for (e, n) in en.iter().zip(&nl) {
            assert!(
                e != n || !finding_texts.contains(e),
                "receipt {what}: finding text in English: {e}"
            );
            // "Code" and "Bytes" are column heads that Dutch writes the same way.
            let same_word = ["Code", "Bytes", "SHA-256"].contains(&e.as_str())
                || e.strip_prefix("document ")
                    .is_some_and(|d| d.parse::<usize>().is_ok());
            assert!(
                e != n || neutral(e) || same_word,
                "receipt {what}: the Dutch text is the English one: {e}"
            );
            let left = english_words_left(e, n);
            assert!(
                left.is_empty() || same_word,
                "receipt {what}: English words {left:?} in: {n}"
            );
        }
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_evidence_report_is_dutch() {
    let dir = std::env::temp_dir().join(format!("slc-cli-nl-evidence-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut pages = vec![];
    for lang in ["en", "nl"] {
        let out = dir.join(format!("{lang}.html"));
        let (_, err, code) = in_lang(
            lang,
            &args(&[
                "inspect",
                "--at",
                AT,
                "-o",
                out.to_str().unwrap(),
                &data("workbench/mode2/slc.xml"),
                &data("workbench/broken/clc-tampered.xml"),
            ]),
        );
        assert_eq!(code, 1, "{err}");
        pages.push(std::fs::read_to_string(&out).unwrap());
    }
    assert!(pages[1].starts_with("<!DOCTYPE html><html lang=\"nl\">"));
    let (en, nl) = (text_nodes(&pages[0]), text_nodes(&pages[1]));
    assert_eq!(en.len(), nl.len());
    for (e, n) in en.iter().zip(&nl) {
        let same_word = ["#", "SHA-256", "intranet", "extranet", "–"].contains(&e.as_str());
        assert!(e != n || neutral(e) || same_word, "evidence: {e}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_locale_chooses_the_language_and_lang_overrides_it() {
    let a = args(&["request", &data("request/good/RMS01EnrollRequest.xml")]);
    let (from_env, _, _) = run(&a, &[("LANG", "nl_NL.UTF-8")]);
    assert!(from_env.starts_with("aanvraag: "), "{from_env}");
    let (messages, _, _) = run(
        &a,
        &[("LC_MESSAGES", "nl_BE.UTF-8"), ("LANG", "en_US.UTF-8")],
    );
    assert!(messages.starts_with("aanvraag: "), "{messages}");
    let (c, _, _) = run(&a, &[("LC_ALL", "C"), ("LANG", "nl_NL.UTF-8")]);
    assert!(c.starts_with("request: "), "LC_ALL decides first: {c}");
    let mut en = args(&["--lang", "en"]);
    en.extend(a.clone());
    let (overridden, _, _) = run(&en, &[("LANG", "nl_NL.UTF-8")]);
    assert!(overridden.starts_with("request: "), "{overridden}");
    let (none, _, _) = run(&a, &[]);
    assert!(none.starts_with("request: "), "{none}");
    // Errors follow the locale too.
    let (_, err, _) = run(
        &args(&["request", "/nonexistent/x.xml"]),
        &[("LANG", "nl_NL.UTF-8")],
    );
    assert!(err.starts_with("slc-courier: fout: "), "{err}");
}

/// JSON keeps its keys, codes and parameters whatever the language; `message` and `fix` are
/// strings in the chosen language.
#[test]
fn json_is_neutral_but_its_words_are_in_the_language() {
    let anchor = data("chain/test-root.xrml-key.txt");
    for a in [
        args(&[
            "--json",
            "request",
            &data("request/bad/duplicate-element.xml"),
        ]),
        args(&[
            "--json",
            "verify",
            &data("chain/bad/tampered-signature.xml"),
            "--request",
            &data("request/good/RMS01EnrollRequest.xml"),
            "--at",
            AT,
            "--anchor",
            &anchor,
        ]),
        args(&[
            "--json",
            "inspect",
            "--at",
            AT,
            &data("chain/bad/tampered-body.xml"),
        ]),
    ] {
        let parse = |lang: &str| -> Value { serde_json::from_str(&in_lang(lang, &a).0).unwrap() };
        let (en, nl) = (parse("en"), parse("nl"));
        let findings = |v: &Value| -> Vec<Value> {
            v.get("files")
                .map(|files| {
                    files
                        .as_array()
                        .unwrap()
                        .iter()
                        .flat_map(|f| f["findings"].as_array().unwrap().clone())
                        .collect()
                })
                .unwrap_or_else(|| v["findings"].as_array().unwrap().clone())
        };
        let (fe, fnl) = (findings(&en), findings(&nl));
        assert!(!fe.is_empty(), "{a:?}");
        assert_eq!(fe.len(), fnl.len());
        for (e, n) in fe.iter().zip(&fnl) {
            let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
            assert_eq!(keys(e), keys(n));
            for k in ["code", "severity", "subject", "location", "params"] {
                assert_eq!(e[k], n[k], "{k}");
            }
            for k in ["message", "fix"] {
                assert!(e[k].is_string() && n[k].is_string(), "{k}: {e}");
                assert_ne!(e[k], n[k], "{k} is English in Dutch");
            }
        }
        // Everything but the findings' words is the same document.
        let strip = |mut v: Value| {
            fn walk(v: &mut Value) {
                match v {
                    Value::Object(m) => {
                        if m.contains_key("code") {
                            m.remove("message");
                            m.remove("fix");
                        }
                        m.values_mut().for_each(walk);
                    }
                    Value::Array(a) => a.iter_mut().for_each(walk),
                    _ => {}
                }
            }
            walk(&mut v);
            v
        };
        assert_eq!(strip(en), strip(nl), "{a:?}");
    }
}

/// `--help` of every command in Dutch: no English line or word left (clap's own headings,
/// "Print help", "[default: 90]" included). The root's and `verify`'s help exactly.
#[test]
fn help_is_dutch() {
    for cmd in [
        vec![],
        vec!["request"],
        vec!["verify"],
        vec!["inspect"],
        vec!["receipt"],
    ] {
        let mut a = args(&cmd);
        a.push("--help".to_owned());
        let (en, en_err, en_code) = in_lang("en", &a);
        let (nl, nl_err, nl_code) = in_lang("nl", &a);
        assert_eq!(
            (en_code, nl_code, en_err, nl_err),
            (0, 0, String::new(), String::new())
        );
        // The commands' and environment variables' names are names in both languages:
        // quoted as a command is.
        let quoted = |s: &str| -> String {
            s.lines()
                .map(|line| {
                    line.split(' ')
                        .map(
                            |t| match t.trim_matches(|c: char| !c.is_alphanumeric() && c != '_') {
                                "request" | "verify" | "inspect" | "receipt" | "help"
                                | "LC_ALL" | "LC_MESSAGES" | "LANG" => format!("`{t}`"),
                                _ => t.to_owned(),
                            },
                        )
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_dutch(&format!("{cmd:?} --help"), &quoted(&en), &quoted(&nl));
        // `help <command>` is `<command> --help`.
        let mut h = args(&["help"]);
        h.extend(args(&cmd));
        assert_eq!(in_lang("nl", &h).0, nl, "help {cmd:?}");
    }
    let help = |a: &[&str]| in_lang("nl", &args(a)).0;
    assert_eq!(
        help(&["--help"]),
        "slc-courier: de controles van SLC Courier vanaf de opdrachtregel

Gebruik: slc-courier [OPTIES] <OPDRACHT>

Opdrachten:
  request  Controleer een geëxporteerde inschrijvings- of vernieuwingsaanvraag
  verify   Controleer een gedownloade SLC-keten; met --request ook of die antwoord geeft op die aanvraag
  inspect  Toon elk XrML-document in de bestanden (certificaten, licenties, ingesloten XrML)
  receipt  Schrijf de overdrachtsbon (JSON, zoals de pagina die schrijft) voor een aanvraag en haar keten
  help     Toon deze hulp of die van de gegeven opdracht(en)

Opties:
      --json         Druk JSON af (schema in docs/receipt.md) in plaats van tekst
      --lang <TAAL>  Taal van de uitvoer: en of nl (standaard: uit LC_ALL, LC_MESSAGES of LANG)
  -h, --help         Toon de hulp
  -V, --version      Toon de versie
"
    );
    assert_eq!(
        help(&["receipt", "--help"]),
        "Schrijf de overdrachtsbon (JSON, zoals de pagina die schrijft) voor een aanvraag en haar keten

Gebruik: slc-courier receipt [OPTIES] --output <UITVOER> <AANVRAAG> <KETEN>

Argumenten:
  <AANVRAAG>  Het aanvraagbestand
  <KETEN>     Het bestand met de certificaatketen

Opties:
      --json                     Druk JSON af (schema in docs/receipt.md) in plaats van tekst
  -o, --output <UITVOER>         Waar de bon wordt geschreven
      --at <TIJD>                Controleer op dit tijdstip (RFC 3339)
      --lang <TAAL>              Taal van de uitvoer: en of nl (standaard: uit LC_ALL, LC_MESSAGES of LANG)
      --anchor <SLEUTELBESTAND>  Vertrouw dit sleutelbestand van een basiscertificaat in plaats van het vastgelegde Microsoft-basiscertificaat (herhaalbaar)
  -h, --help                     Toon de hulp
"
    );
    assert!(help(&["inspect", "--help"])
        .contains("\n      --threshold <DAGEN>  Markeer documenten met minder dagen over dan dit (standaard: 90)\n"));
    // A Dutch locale gives the Dutch help; `--lang en` (or `--lang=en`) overrides it.
    let nl_locale = [("LANG", "nl_NL.UTF-8")];
    assert_eq!(run(&args(&["--help"]), &nl_locale).0, help(&["--help"]));
    let en = in_lang("en", &args(&["--help"])).0;
    assert!(en.starts_with("slc-courier: the SLC Courier checks from a terminal\n\nUsage: "));
    assert_eq!(run(&args(&["--lang=en", "--help"]), &nl_locale).0, en);
    assert_eq!(
        run(&args(&["verify", "--lang", "en", "--help"]), &nl_locale).0,
        in_lang("en", &args(&["verify", "--help"])).0
    );
    assert_eq!(
        run(&args(&["verify", "--lang=nl", "--help"]), &[]).0,
        help(&["verify", "--help"])
    );
}

/// clap's usage errors (found before the program runs) in Dutch: what is wrong, clap's
/// suggestion, the command's usage; exit code 2 as in English.
#[test]
fn usage_errors_are_dutch() {
    let chain = data("chain/good/sha1-compact.xml");
    let err = |a: &[&str], env: &[(&str, &str)]| {
        let (out, err, code) = run(&args(a), env);
        assert_eq!((out.as_str(), code), ("", 2), "{a:?}: {err}");
        err
    };
    let nl = [("LANG", "nl_NL.UTF-8")];
    assert_eq!(
        err(&["--lang", "nl", "verify", "--bogus", &chain], &[]),
        "fout: onbekende optie of onverwacht argument '--bogus'\n\nGebruik: slc-courier verify [OPTIES] <KETEN>\n\nMeer uitleg: --help\n"
    );
    assert_eq!(
        err(&["verfy", &chain], &nl),
        "fout: onbekende opdracht 'verfy'\n\n  tip: bedoelt u 'verify'?\n\nGebruik: slc-courier [OPTIES] <OPDRACHT>\n\nMeer uitleg: --help\n"
    );
    assert_eq!(
        err(&["--lang", "nl", "receipt", &chain, &chain], &[]),
        "fout: dit ontbreekt: --output <UITVOER>\n\nGebruik: slc-courier receipt [OPTIES] --output <UITVOER> <AANVRAAG> <KETEN>\n\nMeer uitleg: --help\n"
    );
    assert_eq!(
        err(&["--lang", "qq", "verify", &chain], &nl),
        "fout: ongeldige waarde 'qq' voor '--lang <TAAL>': geef en of nl\n\nMeer uitleg: --help\n"
    );
    assert_eq!(
        err(&["--lang", "nl", "inspect", &chain, "--threshold", "veel"], &[]),
        "fout: ongeldige waarde 'veel' voor '--threshold <DAGEN>': geef een geheel getal\n\nMeer uitleg: --help\n"
    );
    assert_eq!(
        err(&["--lang", "nl", "verify", &chain, "--at"], &[]),
        "fout: '--at <TIJD>' heeft een waarde nodig\n\nMeer uitleg: --help\n"
    );
    assert_eq!(
        err(&["--lang", "nl", "--json", "--json", "verify", &chain], &[]),
        "fout: '--json' mag maar één keer worden gegeven\n\nGebruik: slc-courier [OPTIES] <OPDRACHT>\n\nMeer uitleg: --help\n"
    );
    assert_eq!(
        err(&["--lang", "nl"], &[]),
        "fout: geef een opdracht: request, verify, inspect of receipt\n\nGebruik: slc-courier [OPTIES] <OPDRACHT>\n\nMeer uitleg: --help\n"
    );
    // In English, clap's own words.
    assert!(err(&["--lang", "en", "verify", "--bogus", &chain], &nl)
        .starts_with("error: unexpected argument '--bogus' found\n"));
}
