//! The command line's own texts in Dutch: `--help` (every command's description, every
//! option's, the headings and the usage lines) and the usage errors clap finds before the
//! program runs (an unknown option, a missing argument, a bad value). clap writes these in
//! English only; under `--lang nl` (or a Dutch locale) [`dutch`] rewrites the command's texts and
//! [`usage_error`] says clap's error in Dutch from its kind and context, not its English text.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};

const ARGS: &str = "Argumenten";
const OPTIONS: &str = "Opties";
/// clap's own template, with "Gebruik:" for "Usage:".
const TEMPLATE: &str =
    "{before-help}{about-with-newline}\nGebruik: {usage}\n\n{all-args}{after-help}";

/// `(command, description, usage, [(argument id, value name, help)])`; the root is ""; an
/// empty value name or help keeps clap's (`--compare <N> <M>`, the help command's argument).
type Texts = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
);

const ROOT_ARGS: &[(&str, &str, &str)] = &[
    (
        "json",
        "",
        "Druk JSON af (schema in docs/receipt.md) in plaats van tekst",
    ),
    (
        "lang",
        "TAAL",
        "Taal van de uitvoer: en of nl (standaard: uit LC_ALL, LC_MESSAGES of LANG)",
    ),
];

const COMMANDS: &[Texts] = &[
    (
        "",
        "slc-courier: de controles van SLC Courier vanaf de opdrachtregel",
        "slc-courier [OPTIES] <OPDRACHT>",
        ROOT_ARGS,
    ),
    (
        "request",
        "Controleer een geëxporteerde inschrijvings- of vernieuwingsaanvraag",
        "slc-courier request [OPTIES] <BESTAND>",
        &[(
            "file",
            "BESTAND",
            "<server>EnrollRequest.xml of <server>RenewRequest.xml",
        )],
    ),
    (
        "verify",
        "Controleer een gedownloade SLC-keten; met --request ook of die antwoord geeft op die aanvraag",
        "slc-courier verify [OPTIES] <KETEN>",
        &[
            ("chain", "KETEN", "Het bestand met de certificaatketen"),
            ("request", "AANVRAAG", "De aanvraag waarop de keten antwoord moet geven"),
            (
                "at",
                "TIJD",
                "Controleer op dit tijdstip (RFC 3339, bv. 2026-11-22T12:00:00Z) in plaats van nu",
            ),
            (
                "anchor",
                "SLEUTELBESTAND",
                "Vertrouw dit sleutelbestand van een basiscertificaat in plaats van het vastgelegde Microsoft-basiscertificaat (herhaalbaar)",
            ),
        ],
    ),
    (
        "inspect",
        "Toon elk XrML-document in de bestanden (certificaten, licenties, ingesloten XrML)",
        "slc-courier inspect [OPTIES] <BESTANDEN>...",
        &[
            ("files", "BESTANDEN", "De bestanden om te lezen"),
            ("at", "TIJD", "Controleer op dit tijdstip (RFC 3339)"),
            (
                "threshold",
                "DAGEN",
                "Markeer documenten met minder dagen over dan dit",
            ),
            (
                "compare",
                "",
                "Vergelijk twee documenten naast elkaar (hun nummers in de lijst, #N)",
            ),
            (
                "output",
                "UITVOER",
                "Schrijf het bewijsrapport van alle bestanden (`.json` of `.html`)",
            ),
        ],
    ),
    (
        "receipt",
        "Schrijf de overdrachtsbon (JSON, zoals de pagina die schrijft) voor een aanvraag en haar keten",
        "slc-courier receipt [OPTIES] --output <UITVOER> <AANVRAAG> <KETEN>",
        &[
            ("request", "AANVRAAG", "Het aanvraagbestand"),
            ("chain", "KETEN", "Het bestand met de certificaatketen"),
            ("output", "UITVOER", "Waar de bon wordt geschreven"),
            ("at", "TIJD", "Controleer op dit tijdstip (RFC 3339)"),
            (
                "anchor",
                "SLEUTELBESTAND",
                "Vertrouw dit sleutelbestand van een basiscertificaat in plaats van het vastgelegde Microsoft-basiscertificaat (herhaalbaar)",
            ),
        ],
    ),
    (
        "help",
        "Toon deze hulp of die van de gegeven opdracht(en)",
        "slc-courier help [OPDRACHT]...",
        &[("subcommand", "OPDRACHT", "")],
    ),
];

/// The command with every text of its `--help` in Dutch.
pub fn dutch(mut cmd: Command) -> Command {
    // The built-in --help, --version and help command exist once the command is built.
    cmd.build();
    let mut cmd = texts(cmd, "").subcommand_help_heading("Opdrachten");
    if cmd.get_arguments().any(|a| a.get_id() == "version") {
        cmd = cmd.mut_arg("version", |a| a.help("Toon de versie"));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name.as_str(), |s| texts(s, &name));
    }
    cmd
}

/// One command's texts: description, usage, arguments (value names, help, heading), --help.
fn texts(cmd: Command, name: &str) -> Command {
    let Some((_, about, usage, args)) = COMMANDS.iter().find(|c| c.0 == name) else {
        return cmd;
    };
    let own = |a: Arg| -> Arg {
        let id = a.get_id().as_str().to_owned();
        // Under a heading of their own, clap sorts arguments by display order, then name:
        // positionals keep their place on the command line.
        let a = match a.get_index() {
            Some(i) => a.help_heading(ARGS).display_order(i),
            None => a.help_heading(OPTIONS),
        };
        // clap's "[default: 90]" is English: the Dutch help says the default itself.
        let takes_value = a.get_action().takes_values();
        let default: Vec<String> = a
            .get_default_values()
            .iter()
            .filter(|_| takes_value)
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        let a = a.hide_default_value(true);
        match args.iter().chain(ROOT_ARGS).find(|t| t.0 == id) {
            Some((_, value, help)) => {
                let a = if value.is_empty() {
                    a
                } else {
                    a.value_name(*value)
                };
                match (help.is_empty(), default.is_empty()) {
                    (true, _) => a,
                    (false, true) => a.help(*help),
                    (false, false) => a.help(format!("{help} (standaard: {})", default.join(", "))),
                }
            }
            None if id == "help" => a.help("Toon de hulp"),
            None => a,
        }
    };
    cmd.about(*about)
        .override_usage(*usage)
        .help_template(TEMPLATE)
        .mut_args(own)
}

/// clap's usage error in Dutch: what is wrong, a suggestion when clap has one, the usage line
/// of the command it happened in, and where to read more. Never clap's English words.
pub fn usage_error(e: &clap::Error) -> String {
    let text = |k| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        Some(ContextValue::Bool(b)) => b.to_string(),
        _ => String::new(),
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let what = match e.kind() {
        ErrorKind::UnknownArgument => format!("onbekende optie of onverwacht argument '{arg}'"),
        ErrorKind::InvalidSubcommand => format!(
            "onbekende opdracht '{}'",
            text(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => format!("dit ontbreekt: {arg}"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "geef een opdracht: request, verify, inspect of receipt".to_owned()
        }
        ErrorKind::InvalidValue if value.is_empty() => format!("'{arg}' heeft een waarde nodig"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let hint = if arg.starts_with("--lang") {
                ": geef en of nl"
            } else if arg.starts_with("--threshold") || arg.starts_with("--compare") {
                ": geef een geheel getal"
            } else {
                ""
            };
            format!("ongeldige waarde '{value}' voor '{arg}'{hint}")
        }
        ErrorKind::TooManyValues => format!("onverwachte waarde '{value}' voor '{arg}'"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => format!(
            "'{arg}' verwacht {} waarden, maar kreeg er {}",
            text(ContextKind::ExpectedNumValues),
            text(ContextKind::ActualNumValues)
        ),
        ErrorKind::ArgumentConflict => {
            let prior = text(ContextKind::PriorArg);
            if prior.is_empty() || prior == arg {
                format!("'{arg}' mag maar één keer worden gegeven")
            } else {
                format!("'{arg}' kan niet samen met '{prior}'")
            }
        }
        ErrorKind::NoEquals => format!("'{arg}' vraagt om een '=' vóór de waarde"),
        ErrorKind::InvalidUtf8 => "een argument is geen geldige tekst (UTF-8)".to_owned(),
        _ => "deze aanroep klopt niet".to_owned(),
    };
    let mut out = format!("fout: {what}\n");
    let suggested = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand]
        .into_iter()
        .map(text)
        .find(|s| !s.is_empty());
    if let Some(s) = suggested {
        out.push_str(&format!("\n  tip: bedoelt u '{s}'?\n"));
    }
    let usage = text(ContextKind::Usage);
    let usage = usage.trim();
    if !usage.is_empty() {
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        out.push_str(&format!("\nGebruik: {usage}\n"));
    }
    out.push_str("\nMeer uitleg: --help\n");
    out
}
