//! `slc-courier`: the SLC Courier checks from a terminal, on the same core as the page.
//!
//! Exit codes: 0 = nothing wrong was found (`verify`: a genuine chain that answers the request,
//! or — no request given — a genuine chain, and the text says it was not paired; `receipt`:
//! answers the request; `request`, `inspect`: no error findings), 1 = something is wrong,
//! 2 = usage or I/O error (unreadable file, directory, oversized or binary input, bad `--at`).
//! Output is written once at the end; a closed pipe ends the program quietly.

mod help_nl;
mod output;
mod words;
mod workbench;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use slc_courier_core::chain::{inspect, verify_chain};
use slc_courier_core::finding::Expected;
use slc_courier_core::policy::{refuse_size, Policy, TrustAnchor};
use slc_courier_core::report::{Receipt, ToolInfo};
use slc_courier_core::request::check_request;
use slc_courier_core::{Lang, UtcTime};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use words::Problem;

type Result<T> = std::result::Result<T, Problem>;

/// Check Windows RMS SLC enrollment files: the request, the certificate chain, any XrML.
#[derive(Parser)]
#[command(name = "slc-courier", version, about, long_about = None)]
struct Cli {
    /// Print JSON (schema in docs/receipt.md) instead of text.
    #[arg(long, global = true)]
    json: bool,
    /// Language of the output: en or nl (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate an exported enrollment or renewal request.
    Request {
        /// <server>EnrollRequest.xml or <server>RenewRequest.xml
        file: PathBuf,
    },
    /// Verify a downloaded SLC chain; with --request, check that it answers that request.
    Verify {
        /// The certificate chain file.
        chain: PathBuf,
        /// The request the chain should answer.
        #[arg(long)]
        request: Option<PathBuf>,
        /// Check at this time (RFC 3339, e.g. 2026-11-22T12:00:00Z) instead of now.
        #[arg(long)]
        at: Option<String>,
        /// Trust this root key file instead of the pinned Microsoft root (repeatable).
        #[arg(long)]
        anchor: Vec<PathBuf>,
    },
    /// Show every XrML document in the files (certificates, licences, embedded XrML).
    Inspect {
        /// Files to read.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Check at this time (RFC 3339).
        #[arg(long)]
        at: Option<String>,
        /// Mark documents with fewer days left than this.
        #[arg(long, default_value_t = slc_courier_core::workbench::DEFAULT_THRESHOLD_DAYS)]
        threshold: i64,
        /// Compare two documents side by side (their numbers in the listing, #N).
        #[arg(long, num_args = 2, value_names = ["N", "M"])]
        compare: Option<Vec<usize>>,
        /// Write the evidence report for all the files (`.json` or `.html`).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write the transfer receipt (JSON, as the page writes it) for a request and its chain.
    Receipt {
        /// The request file.
        request: PathBuf,
        /// The certificate chain file.
        chain: PathBuf,
        /// Where to write the receipt.
        #[arg(short, long)]
        output: PathBuf,
        /// Check at this time (RFC 3339).
        #[arg(long)]
        at: Option<String>,
        /// Trust this root key file instead of the pinned Microsoft root (repeatable).
        #[arg(long)]
        anchor: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let dutch = lang_given(&args).unwrap_or_else(locale_lang) == Lang::Nl;
    let mut cmd = Cli::command();
    if dutch {
        cmd = help_nl::dutch(cmd);
    }
    let cli = match cmd
        .try_get_matches_from_mut(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e)
            if dutch
                && e.use_stderr()
                && e.kind() != clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand =>
        {
            eprint!("{}", help_nl::usage_error(&e));
            return ExitCode::from(2);
        }
        Err(e) => e.exit(),
    };
    let w = words::of(lang(&cli));
    match run(&cli) {
        Ok(ok) => ExitCode::from(if ok { 0 } else { 1 }),
        Err(e) => {
            eprintln!("{} {}", w.error_prefix, output::printable(&(w.problem)(&e)));
            ExitCode::from(2)
        }
    }
}

/// Reads a file the user named: one clear error for a directory, a missing or unreadable
/// file, or a file over the step's budget (the core's one size rule,
/// [`slc_courier_core::policy::refuse_size`], as the page's pickers apply it). What the bytes
/// are (binary, PEM, text) is the core's to say, in findings, as on the page.
fn read_input(path: &Path, expected: Expected) -> Result<Vec<u8>> {
    let cannot = |e| Problem::CannotRead(path.to_owned(), e);
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if meta.is_dir() {
        return Err(Problem::IsDirectory(path.to_owned()));
    }
    if let Some(f) = refuse_size(&name_of(path), meta.len(), expected) {
        return Err(Problem::Refused(path.to_owned(), Box::new(f)));
    }
    std::fs::read(path).map_err(cannot)
}

/// Parses `--at` strictly ([`UtcTime::parse_rfc3339`]): RFC 3339 with `Z` or `±hh:mm`, or
/// XrML's `YYYY-MM-DDThh:mm` (UTC). Anything else is a usage error naming the option and value.
fn parse_at(at: &Option<String>) -> Result<UtcTime> {
    let Some(s) = at else {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        return Ok(UtcTime::from_unix(secs));
    };
    UtcTime::parse_rfc3339(s.trim()).map_err(|e| Problem::BadAt(s.clone(), e))
}

fn policy(at: &Option<String>, anchors: &[PathBuf]) -> Result<Policy> {
    let mut p = Policy::microsoft_production(parse_at(at)?);
    if !anchors.is_empty() {
        p.anchors = anchors
            .iter()
            .map(|a| {
                let bytes = read_input(a, Expected::Anchor)?;
                TrustAnchor::from_key_file(&String::from_utf8_lossy(&bytes))
                    .map_err(|e| Problem::BadAnchor(a.clone(), e))
            })
            .collect::<Result<_>>()?;
    }
    Ok(p)
}

fn stale(_: slc_courier_core::report::ReceiptError) -> Problem {
    Problem::StalePairing
}

fn tool() -> ToolInfo {
    ToolInfo {
        name: "slc-courier-cli".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        build_id: option_env!("SLC_BUILD_ID").unwrap_or("dev").to_owned(),
        single_file_sha256: None,
    }
}

fn name_of(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

fn parse_lang(s: &str) -> std::result::Result<Lang, String> {
    match s {
        "en" => Ok(Lang::En),
        "nl" => Ok(Lang::Nl),
        _ => Err("give en or nl".to_owned()),
    }
}

/// `--lang`, else the POSIX locale variables.
fn lang(cli: &Cli) -> Lang {
    cli.lang.unwrap_or_else(locale_lang)
}

/// The language of the POSIX locale variables.
fn locale_lang() -> Lang {
    let var = |k| std::env::var(k).ok();
    Lang::from_locale(
        var("LC_ALL").as_deref(),
        var("LC_MESSAGES").as_deref(),
        var("LANG").as_deref(),
    )
}

/// The language `--lang` gives on the command line, read before clap parses it, so that
/// `--help` and usage errors are in that language too (`--lang nl` or `--lang=nl`, anywhere
/// before `--`; given twice, clap refuses it in the last one's language).
fn lang_given(args: &[std::ffi::OsString]) -> Option<Lang> {
    let mut found = None;
    let mut args = args.iter().skip(1).map(|a| a.to_str());
    while let Some(a) = args.next() {
        let value = match a {
            Some("--") => break,
            Some("--lang") => args.next().flatten(),
            Some(a) => a.strip_prefix("--lang="),
            None => None,
        };
        if let Some(l) = value.and_then(|v| parse_lang(v).ok()) {
            found = Some(l);
        }
    }
    found
}

fn run(cli: &Cli) -> Result<bool> {
    let out = output::Out::new(cli.json, lang(cli));
    let ok = run_to(cli, &out);
    out.flush().map_err(Problem::OutputFailed)?;
    ok
}

fn run_to(cli: &Cli, out: &output::Out) -> Result<bool> {
    match &cli.command {
        Command::Request { file } => {
            let bytes = read_input(file, Expected::Request)?;
            let r = check_request(&bytes, Some(&name_of(file)));
            let now = parse_at(&None)?;
            if cli.json {
                out.json(
                    &Receipt::new(tool(), now, Some(&r), None)
                        .map_err(stale)?
                        .to_json(out.lang),
                );
            } else {
                out.request(&r);
            }
            Ok(r.is_ok())
        }
        Command::Verify {
            chain,
            request,
            at,
            anchor,
        } => {
            let p = policy(at, anchor)?;
            let req = match request {
                Some(f) => Some(check_request(
                    &read_input(f, Expected::Request)?,
                    Some(&name_of(f)),
                )),
                None => None,
            };
            let bytes = read_input(chain, Expected::Chain)?;
            let r = verify_chain(&bytes, &p, req.as_ref());
            let name = name_of(chain);
            if cli.json {
                out.json(
                    &Receipt::new(tool(), p.now, req.as_ref(), Some((&r, Some(&name))))
                        .map_err(stale)?
                        .to_json(out.lang),
                );
            } else {
                out.chain(&name, &r);
            }
            Ok(r.nothing_wrong())
        }
        Command::Inspect {
            files,
            at,
            threshold,
            compare,
            output: report,
        } => {
            let p = policy(at, &[])?;
            let mut all_ok = true;
            let mut reports = vec![];
            let mut loaded = vec![];
            let progress = output::Progress::new(files.len());
            for (i, f) in files.iter().enumerate() {
                progress.tick(i, f);
                let bytes = read_input(f, Expected::Xrml)?;
                let (docs, wrapper, findings) = inspect(&bytes, &p);
                all_ok &= !slc_courier_core::finding::has_errors(&findings);
                reports.push((
                    name_of(f),
                    slc_courier_core::text::sha256_hex(&bytes),
                    docs,
                    wrapper,
                    findings,
                ));
                loaded.push((name_of(f), bytes));
            }
            progress.done();
            // The workbench takes what `inspect` found above instead of checking every
            // signature again.
            let inputs: Vec<_> = loaded
                .iter()
                .zip(&reports)
                .map(|((name, bytes), (_, _, docs, wrapper, findings))| {
                    slc_courier_core::workbench::InputFile {
                        inspected: Some((docs, *wrapper, findings)),
                        ..slc_courier_core::workbench::InputFile::read(name, bytes)
                    }
                })
                .collect();
            let w = slc_courier_core::workbench::build(&inputs, &p, *threshold);
            let compared = compare
                .as_deref()
                .map(|nm| workbench::compare(&w, nm, out.w()))
                .transpose()?;
            if let Some(path) = report {
                workbench::write_report(path, &w, tool(), out.lang)?;
            }
            if cli.json {
                out.json(&output::inspect_json(&reports, out.lang));
            } else {
                for r in &reports {
                    out.inspect(r);
                }
                for line in workbench::summary(&w, out.w()).lines() {
                    out.line(line.to_owned());
                }
                for line in compared.iter().flat_map(|c| c.lines()) {
                    out.line(line.to_owned());
                }
                if let Some(path) = report {
                    out.line((out.w().evidence_written)(&path.display().to_string()));
                }
            }
            Ok(all_ok)
        }
        Command::Receipt {
            request,
            chain,
            output: path,
            at,
            anchor,
        } => {
            let p = policy(at, anchor)?;
            let req = check_request(
                &read_input(request, Expected::Request)?,
                Some(&name_of(request)),
            );
            let r = verify_chain(&read_input(chain, Expected::Chain)?, &p, Some(&req));
            let name = name_of(chain);
            let receipt =
                Receipt::new(tool(), p.now, Some(&req), Some((&r, Some(&name)))).map_err(stale)?;
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            let body = match ext.as_str() {
                "json" => receipt.to_json(out.lang),
                "html" | "htm" => receipt.to_html(out.lang),
                _ => return Err(Problem::ReceiptExtension(path.clone())),
            };
            std::fs::write(path, body).map_err(|e| Problem::CannotWrite(path.clone(), e))?;
            if cli.json {
                out.json(&receipt.to_json(out.lang));
            } else {
                out.chain(&name, &r);
                out.line((out.w().receipt_written)(&path.display().to_string()));
            }
            Ok(r.verdict().valid)
        }
    }
}
