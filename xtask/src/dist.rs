//! `cargo xtask dist`: the hosted build (Trunk, release, wasm-opt, SRI) and the single
//! self-contained file that works from `file://`.

use crate::util::{cmd, output, run, step};
use anyhow::{bail, Context, Result};
use base64::Engine;
use sha2::Digest;
use std::path::Path;

/// The single file's name inside `dist/`.
pub const SINGLE_FILE: &str = "slc-courier.html";

/// Builds `dist/` and `dist/slc-courier.html` (+ `.sha256`): the product.
pub fn build() -> Result<()> {
    build_with(&[])
}

/// [`build`] with cargo features of the app (`bench`: the timing hook `cargo xtask bench`
/// calls; never in the product).
pub fn build_with(features: &[&str]) -> Result<()> {
    step("trunk build --release (offline; pinned wasm-bindgen and wasm-opt)");
    run(cmd("cargo").args(["fetch", "--quiet"]))?;
    let (id, time) = build_id();
    let mut trunk = cmd("trunk");
    trunk.args(["build", "--release", "--offline"]);
    if !features.is_empty() {
        trunk.args(["--features", &features.join(",")]);
    }
    run(trunk.env("SLC_BUILD_ID", &id).env("SLC_BUILD_TIME", &time))?;
    let dist = Path::new("dist");
    if !features.contains(&"bench") {
        // The product carries no test or timing code: the bench hook's export must be absent.
        for e in std::fs::read_dir(dist)? {
            let p = e?.path();
            if p.extension().is_some_and(|x| x == "js")
                && std::fs::read_to_string(&p)?.contains("bench_verify_chain")
            {
                bail!("{}: the bench hook is in the product build", p.display());
            }
        }
    }
    std::fs::copy("deploy/config.json", dist.join("config.json")).context("deploy/config.json")?;
    // The single file is made from Trunk's index.html before the bootstrap is moved out.
    let html = single_file(dist)?;
    externalise_bootstrap(dist)?;
    let path = dist.join(SINGLE_FILE);
    std::fs::write(&path, &html)?;
    let sha = slc_courier_core::text::hex(&sha2::Sha256::digest(&html));
    std::fs::write(
        dist.join(format!("{SINGLE_FILE}.sha256")),
        format!("{sha}  {SINGLE_FILE}\n"),
    )?;
    println!("hosted build: {}/index.html", dist.display());
    println!(
        "single file:  {} ({} bytes, SHA-256 {sha})",
        path.display(),
        html.len()
    );
    Ok(())
}

/// Git commit and its time: stable for a commit, so rebuilding does not recompile.
fn build_id() -> (String, String) {
    let rev = output(cmd("git").args(["log", "-1", "--format=%h %ct"])).unwrap_or_default();
    let mut it = rev.split_whitespace();
    let (h, t) = (
        it.next().unwrap_or("unknown").to_owned(),
        it.next().unwrap_or("0").to_owned(),
    );
    let dirty = output(cmd("git").args(["status", "--porcelain", "--untracked-files=no"]))
        .map(|s| !s.trim().is_empty())
        .unwrap_or(false);
    (if dirty { format!("{h}+dirty") } else { h }, t)
}

fn only_file(dist: &Path, suffix: &str) -> Result<std::path::PathBuf> {
    let mut found = vec![];
    for e in std::fs::read_dir(dist)? {
        let p = e?.path();
        if p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
            n.starts_with("slc-courier-app-") && n.ends_with(suffix)
                || suffix == ".css" && n.starts_with("app-") && n.ends_with(".css")
        }) {
            found.push(p);
        }
    }
    match found.as_slice() {
        [one] => Ok(one.clone()),
        _ => bail!("expected one *{suffix} in dist/, found {found:?}"),
    }
}

fn cut<'a>(s: &'a str, start: &str, end: &str) -> Result<(&'a str, &'a str, &'a str)> {
    let a = s
        .find(start)
        .with_context(|| format!("dist/index.html lacks {start}"))?;
    let b = s[a..]
        .find(end)
        .with_context(|| format!("dist/index.html lacks {end} after {start}"))?
        + a
        + end.len();
    Ok((&s[..a], &s[a..b], &s[b..]))
}

/// The first lines of both bootstraps (hosted and single file): until the app's own listeners
/// run, a file dragged onto the page would be opened by the browser in its place. This cancels
/// that for file drags only and, on a drop, says on the start-up message to drop again; once
/// the app runs, it handles the same events first (the listener stays and changes nothing).
const EARLY_DROP_GUARD: &str = r#"for (const type of ['dragover', 'drop']) addEventListener(type, (e) => {
  if (!e.dataTransfer || !Array.from(e.dataTransfer.types).includes('Files')) return;
  e.preventDefault();
  const boot = document.getElementById('boot');
  if (type === 'drop' && boot && !document.getElementById('boot-drop')) {
    const note = document.createElement('div');
    note.id = 'boot-drop';
    note.setAttribute('role', 'status');
    for (const [lang, text] of [['en', 'SLC Courier is still starting: drop the file again in a moment.'], ['nl', 'SLC Courier start nog: sleep het bestand zo dadelijk opnieuw hierheen.']]) {
      const p = document.createElement('p');
      p.lang = lang;
      p.textContent = text;
      note.append(p);
    }
    boot.append(note);
  }
});
"#;

/// Moves Trunk's inline bootstrap `<script type="module">` into `boot-<hash>.js`, loaded with
/// `src` and an SRI `integrity`, so the hosted page runs under `script-src 'self'` with no
/// `'unsafe-inline'` and no hashes in the CSP.
fn externalise_bootstrap(dist: &Path) -> Result<()> {
    let index = std::fs::read_to_string(dist.join("index.html"))?;
    let (head, script, tail) = cut(&index, "<script type=\"module\">", "</script>")?;
    let body = format!(
        "{EARLY_DROP_GUARD}{}",
        &script["<script type=\"module\">".len()..script.len() - "</script>".len()]
    );
    let digest = sha2::Sha256::digest(body.as_bytes());
    let name = format!("boot-{}.js", &slc_courier_core::text::hex(&digest)[..16]);
    std::fs::write(dist.join(&name), &body)?;
    let sri =
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(body.as_bytes()));
    let tag = format!("<script type=\"module\" src=\"./{name}\" integrity=\"sha384-{sri}\" crossorigin=\"anonymous\"></script>");
    std::fs::write(dist.join("index.html"), format!("{head}{tag}{tail}"))?;
    Ok(())
}

/// Turns Trunk's output into one file: CSS inline, glue JS in an inline module script,
/// the wasm gzip-compressed as base64, inflated in the page and handed to the init function (Chromium blocks even the glue
/// `.js` import on file://).
pub fn single_file(dist: &Path) -> Result<Vec<u8>> {
    let index = std::fs::read_to_string(dist.join("index.html"))?;
    let css = std::fs::read_to_string(only_file(dist, ".css")?)?;
    let glue = std::fs::read_to_string(only_file(dist, ".js")?)?;
    let wasm = std::fs::read(only_file(dist, "_bg.wasm")?)?;
    let exports = "export { initSync, __wbg_init as default };";
    if !glue.contains(exports) || glue.contains("</script") {
        bail!("the wasm-bindgen glue has an unexpected shape; update xtask/src/dist.rs");
    }
    let glue = glue.replace(exports, "");
    let (head, _css_link, rest) = cut(&index, "<link rel=\"stylesheet\"", "/>")?;
    let (mid, _loader, rest) = cut(rest, "<script type=\"module\">", "</script>")?;
    let (mid2, _preloads, tail) = cut(rest, "<link rel=\"modulepreload\"", "</head>")?;
    // The wasm is gzip-compressed before base64 (a third of the size) and inflated by the
    // browser's DecompressionStream; a browser without it gets a clear message, not a blank page.
    // Zopfli writes standard gzip, a few per cent smaller than zlib's best.
    let mut gz = Vec::new();
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        wasm.as_slice(),
        &mut gz,
    )
    .map_err(|e| anyhow::anyhow!("zopfli: {e}"))?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(gz);
    let script = format!(
        "<script type=\"module\">\n{EARLY_DROP_GUARD}{glue}\nconst packed = Uint8Array.from(atob(\"{b64}\"), (c) => c.charCodeAt(0));\nif (typeof DecompressionStream === 'undefined') {{\n  const boot = document.getElementById('boot');\n  if (boot) boot.replaceChildren(...[['en', 'SLC Courier needs a browser from 2023 or later (Edge, Chrome 80+, Firefox 113+): this one cannot unpack the tool.'], ['nl', 'SLC Courier heeft een browser van 2023 of later nodig (Edge, Chrome 80+, Firefox 113+): deze kan het hulpmiddel niet uitpakken.']].map(([lang, text]) => Object.assign(document.createElement('p'), {{ lang, textContent: text }})));\n}} else {{\n  const wasmBytes = new Uint8Array(await new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());\n  await __wbg_init({{ module_or_path: wasmBytes }});\n}}\n</script>\n"
    );
    let body_end = tail.rfind("</body>").context("no </body>")?;
    let out = format!(
        "{head}<style>\n{css}\n</style>{mid}{mid2}</head>{}{script}{}",
        &tail[..body_end],
        &tail[body_end..]
    );
    Ok(out.into_bytes())
}
