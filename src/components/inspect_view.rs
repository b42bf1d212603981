//! The Inspect section (`#inspect`): many files at once, every XrML document in a table,
//! linked across the files by the core's workbench. The component owns only inputs (the
//! files as loaded, the threshold, sort and filter); the workbench is derived from them on
//! every change. Files are read, never altered, never sent.

use crate::i18n::Lang;
use crate::services::config::THRESHOLD_DAYS;
use crate::services::{browser, files};
use slc_courier_core::finding::{Expected, Input};
use slc_courier_core::policy::Policy;
use slc_courier_core::report::ToolInfo;
use slc_courier_core::workbench::compare::compare;
use slc_courier_core::workbench::evidence::{to_html, Evidence, Labels, EN, NL};
use slc_courier_core::workbench::{
    build, ChainEnd, DocKind, InputFile, Workbench, DEFAULT_THRESHOLD_DAYS,
};
use slc_courier_core::Finding;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The section's own words (EN, NL); the table's words are the evidence report's [`Labels`].
struct W {
    title: &'static str,
    help: &'static str,
    drop: &'static str,
    choose: &'static str,
    reading: &'static str,
    threshold: &'static str,
    /// A threshold that is not a whole number of days in range: (the range, the one in use).
    threshold_invalid: fn(i64, i64) -> String,
    filter: &'static str,
    all: &'static str,
    cluster: &'static str,
    all_clusters: &'static str,
    no_cluster: &'static str,
    compare: &'static str,
    compare_help: &'static str,
    field: &'static str,
    sort_days: &'static str,
    save: &'static str,
    save_decoded: &'static str,
    decoded_note: &'static str,
    report_json: &'static str,
    report_html: &'static str,
    clear: &'static str,
}

const W_EN: W = W {
    title: "Inspect RMS certificates and licences",
    help: "Drop any number of files (SLCs, trusted user domain exports, RACs, CLCs, publishing and use licences, protected files). Every XrML document is shown, linked across the files. Files are read, never altered and never sent.",
    drop: "Drop files here",
    choose: "Choose files…",
    reading: "Reading files…",
    threshold: "Mark documents with fewer days left than",
    threshold_invalid: |max, used| {
        format!("Give a whole number of days from 0 to {max}. The marks still use {used}.")
    },
    filter: "Kind",
    all: "All kinds",
    cluster: "Cluster",
    all_clusters: "All clusters",
    no_cluster: "No loaded SLC",
    compare: "Compare",
    compare_help: "Tick two documents to compare them side by side; fields that differ are highlighted.",
    field: "Field",
    sort_days: "Sort by days left",
    save: "Save as found",
    save_decoded: "Save decoded copy",
    decoded_note: "The XML decoded to UTF-8 (unescaped): not the original bytes, so its SHA-256 is not the evidence report's sha256.",
    report_json: "Evidence report (JSON)",
    report_html: "Evidence report (HTML, printable)",
    clear: "Clear",
};

const W_NL: W = W {
    title: "RMS-certificaten en -licenties inspecteren",
    help: "Zet een willekeurig aantal bestanden neer (SLC's, exports van vertrouwde gebruikersdomeinen, RAC's, CLC's, publicatie- en gebruikslicenties, beveiligde bestanden). Elk XrML-document wordt getoond en over de bestanden heen gekoppeld. Bestanden worden gelezen, nooit gewijzigd en nooit verzonden.",
    drop: "Zet bestanden hier neer",
    choose: "Bestanden kiezen…",
    reading: "Bestanden worden gelezen…",
    threshold: "Markeer documenten met minder dagen over dan",
    threshold_invalid: |max, used| {
        format!("Geef een geheel aantal dagen van 0 tot en met {max}. De markeringen gebruiken nog {used}.")
    },
    filter: "Soort",
    all: "Alle soorten",
    cluster: "Cluster",
    all_clusters: "Alle clusters",
    no_cluster: "Geen geladen SLC",
    compare: "Vergelijken",
    compare_help: "Vink twee documenten aan om ze naast elkaar te vergelijken; velden die verschillen zijn gemarkeerd.",
    field: "Veld",
    sort_days: "Sorteren op dagen over",
    save: "Opslaan zoals gevonden",
    save_decoded: "Gedecodeerde kopie opslaan",
    decoded_note: "De XML gedecodeerd naar UTF-8 (zonder escapes): niet de originele bytes, dus de SHA-256 is niet die uit het bewijsrapport.",
    report_json: "Bewijsrapport (JSON)",
    report_html: "Bewijsrapport (HTML, afdrukbaar)",
    clear: "Wissen",
};

fn words(l: Lang) -> (&'static W, &'static Labels) {
    match l {
        Lang::En => (&W_EN, &EN),
        Lang::Nl => (&W_NL, &NL),
    }
}

/// The link to the section at the top of the page.
pub fn nav_label(l: Lang) -> &'static str {
    match l {
        Lang::En => "Inspect RMS files (many at once)",
        Lang::Nl => "RMS-bestanden inspecteren (meerdere tegelijk)",
    }
}

/// The words for the compared fields ([`slc_courier_core::workbench::compare::FIELDS`]):
/// id, English, Dutch.
const FIELD_WORDS: [(&str, &str, &str); 21] = [
    ("kind", "Kind", "Soort"),
    ("type", "Type as written", "Type zoals geschreven"),
    ("issuer-name", "Issuer name", "Uitgever: naam"),
    ("issuer-id", "Issuer ID", "Uitgever: ID"),
    (
        "issuer-key",
        "Issuer key (SHA-256)",
        "Uitgeverssleutel (SHA-256)",
    ),
    ("principal-name", "Principal name", "Houder: naam"),
    ("principal-id", "Principal ID", "Houder: ID"),
    ("principal-email", "Principal e-mail", "Houder: e-mail"),
    ("key-bits", "Key size (bits)", "Sleutelgrootte (bits)"),
    ("principal-key", "Key (SHA-256)", "Sleutel (SHA-256)"),
    ("mode", "Cryptographic mode", "Cryptografische modus"),
    ("hash", "Hash", "Hash"),
    (
        "intranet-url",
        "Licensing URL (intranet)",
        "Licentie-URL (intranet)",
    ),
    (
        "extranet-url",
        "Licensing URL (extranet)",
        "Licentie-URL (extranet)",
    ),
    ("referral-url", "Referral", "Verwijzing"),
    ("issued", "Issued", "Uitgegeven"),
    ("valid-from", "Valid from", "Geldig vanaf"),
    ("valid-until", "Valid until", "Geldig tot"),
    ("days-left", "Days left", "Dagen over"),
    ("signature", "Signature", "Handtekening"),
    ("chain", "Chain ends", "Keten eindigt"),
];

fn field_label(lang: Lang, id: &str) -> &'static str {
    FIELD_WORDS
        .iter()
        .find(|(f, _, _)| *f == id)
        .map_or("", |&(_, en, nl)| if lang == Lang::Nl { nl } else { en })
}

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The page language.
    pub lang: Lang,
    /// The default expiry threshold (`config.json` `inspectThresholdDays`).
    #[prop_or(DEFAULT_THRESHOLD_DAYS)]
    pub threshold: i64,
}

fn tool() -> ToolInfo {
    ToolInfo {
        name: "slc-courier".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        build_id: browser::BUILD_ID.unwrap_or("dev").to_owned(),
        single_file_sha256: None,
    }
}

/// A file as chosen: its name, and its bytes or why it was refused before reading.
type Chosen = (String, Result<Vec<u8>, Finding>);

/// The files of the workbench. Reads end in any order: each batch is added to the set as it is
/// when its reads end, and a batch begun before "Clear" (an older `epoch`) adds nothing.
#[derive(Default, PartialEq)]
struct FileSet {
    /// Every file, in the order its batch ended.
    files: Rc<Vec<Chosen>>,
    /// Counts "Clear"s.
    epoch: u64,
}

/// What happens to the [`FileSet`].
enum FileAction {
    /// A batch begun at `epoch` was read.
    Add(u64, Vec<Chosen>),
    /// Forget every file, and every batch still being read.
    Clear,
}

impl Reducible for FileSet {
    type Action = FileAction;

    fn reduce(self: Rc<Self>, action: FileAction) -> Rc<Self> {
        match action {
            FileAction::Add(epoch, _) if epoch != self.epoch => self,
            FileAction::Add(epoch, batch) => {
                let mut files = self.files.as_ref().clone();
                for f in batch {
                    // The same file added again (same name, same bytes) is one file:
                    // counting it twice would double its documents and links.
                    if !files.contains(&f) {
                        files.push(f);
                    }
                }
                Rc::new(FileSet {
                    files: Rc::new(files),
                    epoch,
                })
            }
            FileAction::Clear => Rc::new(FileSet {
                files: Rc::default(),
                epoch: self.epoch.wrapping_add(1),
            }),
        }
    }
}

/// The Inspect section.
#[function_component(InspectView)]
pub fn inspect_view(p: &Props) -> Html {
    let (w, l) = words(p.lang);
    // Every file chosen, in order: its bytes, or why it was refused before reading.
    let loaded = use_reducer(FileSet::default);
    let pending = use_state(|| 0usize);
    let threshold = use_state(|| p.threshold);
    // The field's text as typed: re-renders while files are read must not reset it.
    let threshold_text = use_state(|| p.threshold.to_string());
    {
        // config.json arrives after the first render: its threshold becomes the default.
        let (threshold, threshold_text) = (threshold.clone(), threshold_text.clone());
        use_effect_with(p.threshold, move |t| {
            threshold.set(*t);
            threshold_text.set(t.to_string());
        });
    }
    let filter = use_state(|| None::<DocKind>);
    let cluster = use_state(|| None::<String>);
    let selected = use_state(Vec::<usize>::new);
    let sort_days = use_state(|| false);
    let over = use_state(|| false);
    // Derived from the inputs on every change: never stored.
    let bench = {
        let now = browser::now();
        use_memo(
            (loaded.files.clone(), *threshold, now.date()),
            move |(files, threshold, _)| {
                let inputs: Vec<InputFile<'_>> = files
                    .iter()
                    .map(|(n, b)| match b {
                        Ok(b) => InputFile::read(n, b),
                        Err(f) => InputFile {
                            name: n,
                            bytes: &[],
                            refused: Some(f),
                            inspected: None,
                        },
                    })
                    .collect();
                build(&inputs, &Policy::microsoft_production(now), *threshold)
            },
        )
    };
    let take = {
        let loaded = loaded.clone();
        let pending = pending.clone();
        move |list: Option<web_sys::FileList>| {
            let Some(list) = list else { return };
            let all: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
            if all.is_empty() {
                return;
            }
            pending.set(all.len());
            // The set as chosen now: "Clear" after this makes these reads add nothing.
            let epoch = loaded.epoch;
            let (loaded, pending) = (loaded.dispatcher(), pending.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let mut got = vec![];
                let total = all.len();
                for (i, f) in all.into_iter().enumerate() {
                    let name = f.name();
                    let read = match files::read(f, Expected::Xrml).await {
                        Ok((n, b)) => (n, Ok(b)),
                        Err(files::ReadError::TooLarge(why)) => (name, Err(why)),
                        Err(files::ReadError::Unreadable { name }) => {
                            let why = Finding::of(Input::Unreadable { name: name.clone() });
                            (name, Err(why))
                        }
                    };
                    // The same file added again (same name, same bytes) is one file:
                    // counting it twice would double its documents and links.
                    if !got.contains(&read) {
                        got.push(read);
                    }
                    pending.set(total - i - 1);
                    files::yield_to_browser().await;
                }
                // Added to the set as it is when the reads end (other files may have been
                // added meanwhile), not to the set as it was when they began.
                loaded.dispatch(FileAction::Add(epoch, got));
            });
        }
    };
    let onchange = {
        let take = take.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                take(input.files());
                input.set_value("");
            }
        })
    };
    let ondrop = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            take(e.data_transfer().and_then(|d| d.files()));
        })
    };
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    // A whole number of days in range is used as it is typed; anything else is said next to
    // the field, which keeps what was typed, and the marks keep the last valid number.
    let on_threshold = {
        let threshold = threshold.clone();
        let threshold_text = threshold_text.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Some(n) = threshold_days(&v) {
                threshold.set(n);
            }
            threshold_text.set(v);
        })
    };
    let threshold_bad = threshold_days(&threshold_text).is_none();
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            filter.set(DocKind::from_id(
                &e.target_unchecked_into::<HtmlSelectElement>().value(),
            ))
        })
    };
    let on_cluster = {
        let cluster = cluster.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            cluster.set((!v.is_empty()).then_some(v));
        })
    };
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |id: usize| {
            let mut s = (*selected).clone();
            if let Some(i) = s.iter().position(|&x| x == id) {
                s.remove(i);
            } else {
                s.push(id);
                if s.len() > 2 {
                    s.remove(0);
                }
            }
            selected.set(s);
        })
    };
    let on_sort = {
        let sort_days = sort_days.clone();
        Callback::from(move |_: MouseEvent| sort_days.set(!*sort_days))
    };
    let on_clear = {
        let loaded = loaded.clone();
        let pending = pending.clone();
        let selected = selected.clone();
        Callback::from(move |_: MouseEvent| {
            selected.set(vec![]);
            pending.set(0);
            loaded.dispatch(FileAction::Clear);
        })
    };
    let report = |html: bool| {
        let bench = bench.clone();
        let l = *l;
        let lang = p.lang.core();
        Callback::from(move |_: MouseEvent| {
            let _ = if html {
                browser::download(
                    "slc-courier-evidence.html",
                    "text/html",
                    to_html(&bench, &tool(), &l).as_bytes(),
                )
            } else {
                browser::download(
                    "slc-courier-evidence.json",
                    "application/json",
                    Evidence::new(&bench, tool()).to_json(lang).as_bytes(),
                )
            };
        })
    };
    html! {
           <section id="inspect" class="step" aria-labelledby="inspect-title">
               <h2 id="inspect-title">{ w.title }</h2>
               <p class="help">{ w.help }</p>
               <div id="inspect-drop" data-multiple="true" class={classes!("drop", over.then_some("over"))} {ondrop} {ondragover} {ondragleave}>
                   <p>{ w.drop }</p>
                   <label class="button" for="inspect-input">{ w.choose }</label>
                   <input id="inspect-input" class="visually-hidden" type="file" multiple=true {onchange} />
               </div>
               if *pending > 0 {
                   <p id="inspect-progress" class="status" role="status">{ format!("{} ({})", w.reading, *pending) }</p>
               }
               <p>
                   <label for="inspect-threshold">{ w.threshold }{ " " }</label>
                   <input id="inspect-threshold" type="number" min="0" max={THRESHOLD_DAYS.end().to_string()} step="1"
                       aria-invalid={threshold_bad.to_string()} aria-describedby={threshold_bad.then_some("inspect-threshold-invalid")}
                       value={(*threshold_text).clone()} oninput={on_threshold} />
               </p>
               if threshold_bad {
                   <p id="inspect-threshold-invalid" class="status warn" role="status">{ (w.threshold_invalid)(*THRESHOLD_DAYS.end(), *threshold) }</p>
               }
               { problems(&bench, l) }
               if !bench.files.is_empty() {
                   { summary(&bench, l) }
                   <p class="actions">
                       <button id="inspect-report-json" onclick={report(false)}>{ w.report_json }</button>
                       <button id="inspect-report-html" onclick={report(true)}>{ w.report_html }</button>
                       <button id="inspect-clear" onclick={on_clear}>{ w.clear }</button>
                   </p>
               }
               if !bench.documents.is_empty() {
                   <p>
                       <label for="inspect-filter">{ w.filter }{ " " }</label>
                       <select id="inspect-filter" onchange={on_filter}>
                           <option value="" selected={filter.is_none()}>{ w.all }</option>
                           { for DocKind::ALL.iter().map(|k| html! {
                               <option value={k.id()} selected={*filter == Some(*k)}>{ l.kind(*k) }</option>
                           }) }
                       </select>
                       { " " }
    <label for="inspect-filter-cluster">{ w.cluster }{ " " }</label>
                       <select id="inspect-filter-cluster" onchange={on_cluster}>
                           <option value="" selected={cluster.is_none()}>{ w.all_clusters }</option>
                           { for bench.summary.clusters.iter().map(|c| html! {
                               <option value={c.key_fingerprint.clone()} selected={cluster.as_deref() == Some(c.key_fingerprint.as_str())}>
                                   { format!("{} ({})", c.name.as_deref().unwrap_or("?"), c.key_fingerprint.get(..16).unwrap_or(&c.key_fingerprint)) }
                               </option>
                           }) }
                           <option value="none" selected={cluster.as_deref() == Some("none")}>{ w.no_cluster }</option>
                       </select>
                       { " " }
                       <button id="inspect-sort-days" aria-pressed={sort_days.to_string()} onclick={on_sort}>{ w.sort_days }</button>
                   </p>
                   <p class="help">{ w.compare_help }</p>
                   { table(&bench, l, w, Filters { kind: *filter, cluster: cluster.as_deref(), sort_days: *sort_days, selected: &selected, on_select }) }
                   { compare_panel(&bench, p.lang, l, w, &selected) }
               }
           </section>
       }
}

/// Every file with a problem, and its problems in the page's language (`#inspect-problems`).
fn problems(b: &Workbench, l: &Labels) -> Html {
    let with: Vec<(usize, Vec<String>)> = b
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| (i, l.problems_of(f)))
        .filter(|(_, p)| !p.is_empty())
        .collect();
    if with.is_empty() {
        return html! {};
    }
    html! {
        <div id="inspect-problems">
            <h3>{ l.problems }</h3>
            <ul>
                { for with.into_iter().filter_map(|(i, p)| b.files.get(i).map(|f| (i, f, p))).map(|(i, f, p)| html! {
                    <li data-file={i.to_string()} data-codes={f.problems().map(|x| x.code.id()).collect::<Vec<_>>().join(" ")}>
                        <span translate="no">{ &f.name }</span>
                        <ul>{ for p.into_iter().map(|t| html! { <li>{ t }</li> }) }</ul>
                    </li>
                }) }
            </ul>
        </div>
    }
}

fn summary(b: &Workbench, l: &Labels) -> Html {
    let s = &b.summary;
    let name = |i: usize| {
        b.document(i).map_or(String::new(), |d| {
            format!(
                "#{} {} ({})",
                i + 1,
                l.kind(d.kind),
                d.valid_until.map_or("–".to_owned(), |t| t.date())
            )
        })
    };
    html! {
        <div id="inspect-summary">
            <h3>{ l.summary }</h3>
            <p>{ format!("{}: {} · {}: {}", l.files, b.files.len(), l.documents, b.documents.len()) }</p>
            <h4>{ l.clusters }</h4>
            <ul id="inspect-clusters">
                { for s.clusters.iter().map(|c| html! {
                    <li data-cluster={c.key_fingerprint.clone()} data-modes={c.modes.iter().map(u8::to_string).collect::<Vec<_>>().join(",")}>
                        { format!("{} — {} {} — {}", c.name.as_deref().unwrap_or("?"), l.mode,
                            c.modes.iter().map(u8::to_string).collect::<Vec<_>>().join(", "), l.count_documents(c.documents)) }
                        { " " }<code>{ &c.key_fingerprint }</code>
                    </li>
                }) }
            </ul>
            // (No heading over an empty list when no document names a licensing URL.)
            if !s.urls.is_empty() {
                <h4>{ l.urls }</h4>
                <ul id="inspect-urls">
                    { for s.urls.iter().map(|u| html! {
                        <li data-url-kind={u.kind.id()}>{ format!("{}: ", l.url_kind(u.kind)) }<code>{ &u.url }</code></li>
                    }) }
                </ul>
            }
            <p id="inspect-expires-first">{ format!("{}: {}", l.expires_first, s.expires_first.map_or(l.none.to_owned(), name)) }</p>
            <p id="inspect-below">{ format!("{} ({}): {}", l.below_threshold, b.threshold_days, s.below_threshold.len()) }</p>
        </div>
    }
}

/// The two documents ticked, side by side (`#inspect-compare`).
fn compare_panel(b: &Workbench, lang: Lang, l: &Labels, w: &W, selected: &[usize]) -> Html {
    let [a, c] = selected else {
        return html! {};
    };
    let (Some(da), Some(dc)) = (b.document(*a), b.document(*c)) else {
        return html! {};
    };
    let head =
        |d: &slc_courier_core::workbench::DocEntry| format!("#{} {}", d.id + 1, l.kind(d.kind));
    // The fields whose compared value is an id are shown in the page's words, as the table
    // above shows them; the comparison itself stays on the ids.
    let cell = |d: &slc_courier_core::workbench::DocEntry, field: &str, value: String| match field {
        "kind" => html! { <td>{ l.kind(d.kind) }</td> },
        "signature" => html! { <td>{ l.signature(d.signature.id()) }</td> },
        "chain" => html! { <td>{ chain_cell(l, d.chain_end()) }</td> },
        _ => html! { <td><code>{ value }</code></td> },
    };
    html! {
        <div id="inspect-compare" data-a={a.to_string()} data-b={c.to_string()}>
            <h3>{ w.compare }</h3>
            <table>
                <thead><tr><th>{ w.field }</th><th>{ head(da) }</th><th>{ head(dc) }</th></tr></thead>
                <tbody>
                    { for compare(da, dc).into_iter().map(|f| html! {
                        <tr data-field={f.field} data-differs={f.differs.to_string()} class={classes!(f.differs.then_some("differs"))}>
                            <th scope="row">{ field_label(lang, f.field) }</th>
                            { cell(da, f.field, f.a) }
                            { cell(dc, f.field, f.b) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// Where a chain ends, the issuer's or anchor's name marked as data (`translate="no"`), not
/// words of the page.
fn chain_cell(l: &Labels, e: &ChainEnd) -> Html {
    let word = |i: usize| l.chain_ends.get(i).copied().unwrap_or("");
    match e {
        ChainEnd::IssuerNotLoaded { issuer, document } => html! {
            <>{ format!("{}: ", word(2)) }<span translate="no">{ issuer }</span>{ format!(" (#{})", document + 1) }</>
        },
        ChainEnd::TestAnchor { name } => html! {
            <>{ format!("{} (", word(1)) }<span translate="no">{ name }</span>{ ")" }</>
        },
        e => html! { { l.chain_end(e) } },
    }
}

/// What the table shows and how.
struct Filters<'a> {
    kind: Option<DocKind>,
    /// A cluster's SLC key fingerprint, or `none` (no loaded SLC).
    cluster: Option<&'a str>,
    sort_days: bool,
    selected: &'a [usize],
    on_select: Callback<usize>,
}

fn table(b: &Rc<Workbench>, l: &Labels, w: &W, f: Filters<'_>) -> Html {
    let mut rows: Vec<&slc_courier_core::workbench::DocEntry> = b
        .documents
        .iter()
        .filter(|d| f.kind.is_none_or(|k| d.kind == k))
        .filter(|d| {
            f.cluster.is_none_or(|c| match &d.cluster {
                Some(k) => k == c,
                None => c == "none",
            })
        })
        .collect();
    if f.sort_days {
        rows.sort_by_key(|d| (d.days_left.unwrap_or(i64::MAX), d.id));
    }
    html! {
        <table id="inspect-table">
            <thead><tr>
                <th>{ "#" }</th><th>{ l.file }</th><th>{ l.kind }</th><th>{ l.issuer }</th><th>{ l.principal }</th>
                <th>{ l.urls }</th><th>{ l.key }</th><th>{ l.mode }</th><th>{ l.issued }</th><th>{ l.valid_until }</th>
                <th>{ l.days_left }</th><th>{ l.signature }</th><th>{ l.chain }</th><th><span class="visually-hidden">{ w.save }</span></th><th>{ w.compare }</th>
            </tr></thead>
            <tbody>
                { for rows.into_iter().map(|d| {
                    let file = b.file_of(d).map_or(String::new(), |f| f.name.clone());
                    // The bytes are taken from the workbench when clicked, not copied per row.
                    let save = |decoded: bool| {
                        let (b, id, file) = (b.clone(), d.id, file.clone());
                        Callback::from(move |_: MouseEvent| {
                            let Some(d) = b.document(id) else { return };
                            let escaped = d.as_found().is_some_and(|a| a.escaped);
                            let _ = if decoded {
                                browser::download(&d.decoded_name(&file), "application/xml", d.decoded())
                            } else {
                                let mime = if escaped { "text/plain" } else { "application/xml" };
                                browser::download(&d.save_name(&file), mime, d.original())
                            };
                        })
                    };
                    let key = d.principal.as_ref().map_or(String::new(), |p| format!("RSA-{} {}",
                        p.key_bits.map_or("?".to_owned(), |n| n.to_string()),
                        p.key_fingerprint.as_deref().map_or("", |f| f.get(..16).unwrap_or(f))));
                    let id = d.id;
                    let on_select = f.on_select.reform(move |_: Event| id);
                    html! {
                        <tr data-doc={d.id.to_string()} data-kind={d.kind.id()} data-signature={d.signature.id()}
                            data-chain={d.chain_end().id()} data-mode={d.mode.map_or(String::new(), |m| m.to_string())}
                            data-days={d.days_left.map_or(String::new(), |n| n.to_string())}
                            data-cluster={d.cluster.clone().unwrap_or_default()}
                            data-kind-basis={d.rac_basis.as_ref().map(|r| r.id())}
                            class={classes!(d.below_threshold.then_some("below"))}>
                            <td class="value">{ d.id + 1 }</td>
                            <td class="file" translate="no">{ format!("{file} #{}", d.index_in_file + 1) }</td>
                            <td class="kind" title={l.kind(d.kind)}>{ l.kind_short(d.kind) }
                                if let Some(basis) = l.kind_basis(d) { <br /><small class="kind-basis">{ basis }</small> }
                            </td>
                            <td translate="no">{ d.issuer.label() }</td>
                            <td translate="no">{ d.principal.as_ref().map_or("", |p| p.label()) }</td>
                            <td>{ for d.urls.iter().map(|u| html! { <div><small>{ l.url_kind(u.kind) }</small>{ " " }<code>{ &u.url }</code></div> }) }</td>
                            <td><code title={d.principal.as_ref().and_then(|p| p.key_fingerprint.clone()).unwrap_or_default()}>{ key }</code></td>
                            <td>{ d.mode.map_or("–".to_owned(), |m| m.to_string()) }</td>
                            <td class="value">{ d.issued.map_or("–".to_owned(), |t| t.to_string()) }</td>
                            <td class="value">{ d.valid_until.map_or("–".to_owned(), |t| t.to_string()) }</td>
                            <td class="value">{ d.days_left.map_or("–".to_owned(), |n| n.to_string()) }</td>
                            <td>{ l.signature(d.signature.id()) }</td>
                            <td>{ chain_cell(l, d.chain_end()) }</td>
                            <td class="saves">
                                if d.as_found().is_some() {
                                    <button class="save" title={l.as_found(d)} onclick={save(false)}>{ w.save }</button>
                                }
                                if !d.is_exact() {
                                    <button class="save-decoded" title={w.decoded_note} onclick={save(true)}>{ w.save_decoded }</button>
                                }
                            </td>
                            <td><input type="checkbox" class="compare" aria-label={format!("{} #{}", w.compare, d.id + 1)}
                                checked={f.selected.contains(&d.id)} onchange={on_select} /></td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

/// A threshold as typed: a whole number of days in [`THRESHOLD_DAYS`], else `None`.
fn threshold_days(typed: &str) -> Option<i64> {
    typed
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| THRESHOLD_DAYS.contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use slc_courier_core::workbench::compare::FIELDS;

    /// Batches read at the same time are both kept, whatever order they end in; a batch begun
    /// before "Clear" adds nothing; the same file twice is one file.
    #[test]
    fn every_batch_is_added_and_clear_forgets_batches_in_flight() {
        let file = |n: &str| (n.to_owned(), Ok(n.as_bytes().to_vec()));
        let names = |s: &FileSet| s.files.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        let s = Rc::new(FileSet::default());
        let s = s.reduce(FileAction::Add(0, vec![file("small.xml")]));
        let s = s.reduce(FileAction::Add(0, vec![file("big.xml"), file("small.xml")]));
        assert_eq!(names(&s), ["small.xml", "big.xml"]);
        let s = s.reduce(FileAction::Clear);
        let s = s.reduce(FileAction::Add(0, vec![file("late.xml")]));
        assert_eq!(names(&s), Vec::<String>::new());
        let s = s.reduce(FileAction::Add(1, vec![file("new.xml")]));
        assert_eq!(names(&s), ["new.xml"]);
    }

    #[test]
    fn the_threshold_is_a_whole_number_of_days_from_0_to_36500() {
        for (typed, days) in [("0", Some(0)), (" 90 ", Some(90)), ("36500", Some(36_500))] {
            assert_eq!(threshold_days(typed), days, "{typed:?}");
        }
        for typed in [
            "",
            "-1",
            "36501",
            "1e3",
            "0.5",
            "ninety",
            "999999999999999999999",
        ] {
            assert_eq!(threshold_days(typed), None, "{typed:?}");
        }
    }

    #[test]
    fn every_compared_field_has_words() {
        for f in FIELDS {
            assert!(!field_label(Lang::En, f).is_empty(), "{f}");
            assert!(!field_label(Lang::Nl, f).is_empty(), "{f}");
        }
        assert_eq!(FIELD_WORDS.len(), FIELDS.len());
    }
}
