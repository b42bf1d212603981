//! `cargo xtask bench --hostile`: how time and peak memory grow with the size of hostile
//! input. Each shape is generated here at each size (nothing committed) and verified by the
//! release CLI in a child process of its own; the child's wall-clock time and peak RSS
//! (`wait4`) are recorded. A child over the time or memory limit is killed and recorded as
//! such; a shape that was killed at one size is not run at the larger ones.

use crate::util::{run, step};
use anyhow::{bail, Context, Result};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The sizes measured by default: 1, 8 and 64 MiB (64 MiB is `MAX_CERT_BYTES`, the largest
/// file the CLI reads).
pub const DEFAULT_SIZES: &[usize] = &[1 << 20, 8 << 20, 64 << 20];

/// A child slower than this is killed: enough for a linear reader at 64 MiB many times
/// over, short enough that a quadratic one does not hold the bench for hours.
pub const DEFAULT_TIMEOUT_SECS: u64 = 60;

/// A child above this resident size is killed, so a reader that copies the input once per
/// start tag cannot take the machine down (2 cores and 24 GiB shared with other builds).
const MAX_RSS_MIB: u64 = 4096;

/// The fixed check time: the synthetic chain is valid then.
const AT: &str = "2026-11-22T12:00:00Z";

const CLI: &str = "target/release/slc-courier";

/// A sample chain from the generator (`cargo xtask gen-testdata`), for the shapes that need
/// real documents.
const CHAIN: &str = "crates/core/tests/data/chain/good/sha1-compact.xml";

/// One hostile input shape.
struct Shape {
    /// Short name, used for the file name and the table.
    id: &'static str,
    /// What it is, for the table.
    what: &'static str,
    /// Makes an input of (about) `len` bytes.
    make: fn(usize, &str) -> Vec<u8>,
}

const SHAPES: &[Shape] = &[
    Shape {
        id: "a",
        what: "`<XrML ` repeated, no end",
        make: unterminated_starts,
    },
    Shape {
        id: "b",
        what: "nested `<XrML>` starts, one `</XrML>`",
        make: nested_starts,
    },
    Shape {
        id: "c",
        what: "(b) as UTF-16LE with BOM",
        make: nested_starts_utf16,
    },
    Shape {
        id: "d",
        what: "enrollment response, `<SLC>` holds `&lt;XrML ` repeated",
        make: escaped_response,
    },
    Shape {
        id: "e",
        what: "one SLC with a long BODY",
        make: long_body,
    },
    Shape {
        id: "f",
        what: "complete SLCs repeated",
        make: many_documents,
    },
    Shape {
        id: "g",
        what: "UTF-16 response, space then `<p><q><SLC/><SLC/></q><SLC/><SLC/></p>` ×≤2800",
        make: repeated_slots_utf16,
    },
];

/// `unit` repeated and cut to exactly `len` bytes.
fn fill(unit: &[u8], len: usize) -> Vec<u8> {
    unit.iter().copied().cycle().take(len).collect()
}

/// `unit` repeated as many whole times as fit in `len` bytes.
fn whole(unit: &[u8], len: usize) -> Vec<u8> {
    unit.repeat(len / unit.len().max(1))
}

fn unterminated_starts(len: usize, _: &str) -> Vec<u8> {
    fill(b"<XrML ", len)
}

fn nested_starts(len: usize, _: &str) -> Vec<u8> {
    let end = b"</XrML>";
    let mut v = whole(b"<XrML>", len.saturating_sub(end.len()));
    v.extend_from_slice(end);
    v
}

fn nested_starts_utf16(len: usize, chain: &str) -> Vec<u8> {
    let mut v = vec![0xFF, 0xFE];
    v.extend(
        nested_starts(len.saturating_sub(2) / 2, chain)
            .iter()
            .flat_map(|&b| [b, 0]),
    );
    v
}

fn escaped_response(len: usize, _: &str) -> Vec<u8> {
    let head = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<EnrollResponse xmlns=\"http://microsoft.com/DRM/EnrollmentService\">\r\n  <LicensorCertificateChain>\r\n    <SLC>";
    let tail = "</SLC>\r\n  </LicensorCertificateChain>\r\n</EnrollResponse>\r\n";
    let mut v = head.as_bytes().to_vec();
    v.extend(whole(
        b"&lt;XrML ",
        len.saturating_sub(head.len() + tail.len()),
    ));
    v.extend_from_slice(tail.as_bytes());
    v
}

/// A UTF-16LE response (BOM) of space and then (up to) 2,800 elements that repeat the SLC slot both
/// in a child and after it: a reader that locates slots in tree order goes backwards there.
fn repeated_slots_utf16(len: usize, _: &str) -> Vec<u8> {
    let head = "<?xml version=\"1.0\" encoding=\"utf-16\"?><EnrollResponse xmlns=\"http://microsoft.com/DRM/EnrollmentService\"><!-- &lt;XrML --><LicensorCertificateChain>";
    let unit = "<p><q><SLC/><SLC/></q><SLC/><SLC/></p>";
    let tail = "</LicensorCertificateChain></EnrollResponse>";
    let units = len.saturating_sub(2) / 2;
    // 2,800 (the tester's file) where they fit in half the size; the rest is space.
    let body = unit.repeat((units / 2 / unit.len()).min(2800));
    let pad = units.saturating_sub(head.len() + body.len() + tail.len());
    let text = format!("{head}{}{body}{tail}", " ".repeat(pad));
    let mut v = vec![0xFF, 0xFE];
    v.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    v
}

/// The chain's first document (the SLC).
fn first_document(chain: &str) -> &str {
    chain
        .find("</XrML>")
        .and_then(|e| chain.get(..e + "</XrML>".len()))
        .unwrap_or(chain)
}

fn long_body(len: usize, chain: &str) -> Vec<u8> {
    let slc = first_document(chain);
    let (before, after) = slc.split_at(slc.find("</BODY>").unwrap_or(0));
    let (open, close) = (
        "<WORK><OBJECT type=\"padding\"><NAME>",
        "</NAME></OBJECT></WORK>",
    );
    let fixed = before.len() + open.len() + close.len() + after.len();
    let mut v = format!("{before}{open}").into_bytes();
    v.extend(fill(b"0123456789abcdef", len.saturating_sub(fixed)));
    v.extend_from_slice(format!("{close}{after}").as_bytes());
    v
}

fn many_documents(len: usize, chain: &str) -> Vec<u8> {
    let mut v = whole(first_document(chain).as_bytes(), len);
    v.resize(len, b'\n');
    v
}

/// How one child run ended.
#[derive(Clone, Copy)]
enum Outcome {
    /// It exited (any exit code: findings are expected) or was killed by a signal it got
    /// from elsewhere.
    Finished,
    /// Killed after the time limit.
    TimedOut,
    /// Killed above the memory limit.
    OverMemory,
    /// Not run: the shape was killed at a smaller size.
    Skipped,
}

#[derive(Clone, Copy)]
struct Measure {
    outcome: Outcome,
    seconds: f64,
    peak_mib: f64,
}

impl Measure {
    /// Seconds for ordering shapes: killed and skipped runs count as slowest.
    fn sort_seconds(&self) -> f64 {
        match self.outcome {
            Outcome::Finished => self.seconds,
            _ => f64::INFINITY,
        }
    }

    fn cell(&self, timeout: u64) -> String {
        match self.outcome {
            Outcome::Finished => format!("{:.2} s, {:.0} MiB", self.seconds, self.peak_mib),
            Outcome::TimedOut => format!("> {timeout} s (killed; {:.0} MiB then)", self.peak_mib),
            Outcome::OverMemory => {
                format!("> {MAX_RSS_MIB} MiB (killed after {:.1} s)", self.seconds)
            }
            Outcome::Skipped => "not run (killed at a smaller size)".to_owned(),
        }
    }
}

/// Resident set size of a running process, from `/proc/<pid>/status`.
fn rss_mib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    Some(kib / 1024)
}

/// Verifies `file` with the release CLI in a child process; kills it over the limits.
fn measure(file: &Path, timeout: Duration) -> Result<Measure> {
    let started = Instant::now();
    let mut child = std::process::Command::new(CLI)
        .arg("verify")
        .arg(file)
        .args(["--at", AT])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .with_context(|| format!("cannot start {CLI}"))?;
    let id = child.id();
    let mut outcome = Outcome::Finished;
    // The peak is sampled from /proc/<pid>/status (VmHWM, the high-water mark of the child's
    // own address space) while it runs; wait4's ru_maxrss would also count the parent's RSS
    // at fork, which here holds the generated file.
    let mut peak_mib = 0u64;
    loop {
        if child.try_wait()?.is_some() {
            break;
        }
        let rss = rss_mib(id);
        if let Some(m) = rss {
            peak_mib = peak_mib.max(m);
        }
        if started.elapsed() > timeout {
            outcome = Outcome::TimedOut;
        } else if rss.is_some_and(|m| m > MAX_RSS_MIB) {
            outcome = Outcome::OverMemory;
        }
        if !matches!(outcome, Outcome::Finished) {
            // SIGKILL, then reap.
            let _ = child.kill();
            let _ = child.wait()?;
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    Ok(Measure {
        outcome,
        seconds: started.elapsed().as_secs_f64(),
        peak_mib: peak_mib as f64,
    })
}

/// Parses sizes such as `1M,8M,64M` or `256K` (binary units).
pub fn parse_sizes(s: &str) -> Result<Vec<usize>> {
    s.split(',')
        .map(|x| {
            let x = x.trim();
            let (n, unit) = match x.char_indices().last() {
                Some((i, 'K' | 'k')) => (x.get(..i).unwrap_or(""), 1 << 10),
                Some((i, 'M' | 'm')) => (x.get(..i).unwrap_or(""), 1 << 20),
                _ => (x, 1),
            };
            let n: usize = n.parse().with_context(|| format!("size {x:?}"))?;
            if n == 0 {
                bail!("size {x:?} is zero");
            }
            Ok(n * unit)
        })
        .collect()
}

fn human(len: usize) -> String {
    if len >= 1 << 20 && len.is_multiple_of(1 << 20) {
        format!("{} MiB", len >> 20)
    } else {
        format!("{} KiB", len >> 10)
    }
}

/// Builds the release CLI, measures every shape at every size, and returns the markdown
/// section for docs/benchmarks.md.
pub fn run_all(sizes: &[usize], timeout_secs: u64) -> Result<String> {
    if sizes.is_empty() {
        bail!("no sizes to measure");
    }
    step("release CLI for the hostile-input runs");
    run(crate::util::cmd("cargo").args(["build", "--release", "-p", "slc-courier-cli"]))?;
    let chain = std::fs::read_to_string(CHAIN).with_context(|| CHAIN.to_owned())?;
    let dir = PathBuf::from("target/hostile");
    std::fs::create_dir_all(&dir)?;
    let timeout = Duration::from_secs(timeout_secs);
    let mut table: Vec<Vec<Measure>> = vec![];
    for shape in SHAPES {
        step(&format!("hostile shape ({}) {}", shape.id, shape.what));
        let mut row: Vec<Measure> = vec![];
        for &size in sizes {
            let killed = row
                .last()
                .is_some_and(|m| !matches!(m.outcome, Outcome::Finished));
            let m = if killed {
                Measure {
                    outcome: Outcome::Skipped,
                    seconds: f64::NAN,
                    peak_mib: f64::NAN,
                }
            } else {
                let file = dir.join(format!("{}-{size}.xml", shape.id));
                std::fs::write(&file, (shape.make)(size, &chain))?;
                let m = measure(&file, timeout)?;
                std::fs::remove_file(&file)?;
                m
            };
            println!("{:>8}: {}", human(size), m.cell(timeout_secs));
            row.push(m);
        }
        table.push(row);
    }
    section(sizes, timeout_secs, &table)
}

fn section(sizes: &[usize], timeout: u64, table: &[Vec<Measure>]) -> Result<String> {
    let date = crate::util::output(crate::util::cmd("date").args(["-u", "+%Y-%m-%d %H:%M UTC"]))
        .unwrap_or_default();
    let mut md = String::new();
    writeln!(md, "{HEADING}\n")?;
    writeln!(md, "Measured by `cargo xtask bench --hostile` on {}: each shape is generated at each size and verified by `{CLI} verify <file> --at {AT}` in a child process of its own (exit code ignored); time is wall-clock, memory is the child's peak RSS (VmHWM, sampled every 5 ms). A child over {timeout} s or {MAX_RSS_MIB} MiB is killed; a shape killed at one size is not run at larger ones.\n", date.trim())?;
    let (Some(&first), Some(&last)) = (sizes.first(), sizes.last()) else {
        bail!("no sizes to measure");
    };
    let linear = last as f64 / first as f64;
    write!(md, "| shape |")?;
    for s in sizes {
        write!(md, " {} |", human(*s))?;
    }
    write!(md, " time {} ÷ {} |\n|---|", human(last), human(first))?;
    for _ in sizes {
        write!(md, "---|")?;
    }
    writeln!(md, "---|")?;
    for (shape, row) in SHAPES.iter().zip(table) {
        write!(md, "| ({}) {} |", shape.id, shape.what)?;
        for m in row {
            write!(md, " {} |", m.cell(timeout))?;
        }
        writeln!(md, " {} |", time_ratio(row, timeout))?;
    }
    // The slowest shape: the slowest at the largest size, then at the next smaller, …
    let key = |r: &Vec<Measure>| {
        r.iter()
            .rev()
            .map(Measure::sort_seconds)
            .collect::<Vec<_>>()
    };
    let slowest = SHAPES.iter().zip(table).max_by(|(_, a), (_, b)| {
        key(a)
            .partial_cmp(&key(b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    if let Some((shape, row)) = slowest {
        let memory = match (row.first(), row.last()) {
            (Some(a), Some(b)) if matches!(b.outcome, Outcome::Finished) => {
                format!("{:.1}", b.peak_mib / a.peak_mib)
            }
            _ => "not measured".to_owned(),
        };
        writeln!(md, "\nSlowest shape: ({}) {}. {} ÷ {}: time {}, peak memory {memory}. Linear means ratio ≈ {linear:.0} (the ratio of the sizes); quadratic means ≈ {:.0}.", shape.id, shape.what, human(last), human(first), time_ratio(row, timeout), linear * linear)?;
    }
    writeln!(md, "\nTargets (goals, not test assertions): time and peak memory grow linearly with the size for every shape (ratio ≈ {linear:.0}), and the 64 MiB files take well under 10 s each, native.")?;
    Ok(md)
}

/// Time at the largest size ÷ time at the smallest; a lower bound when the largest was
/// killed or not run.
fn time_ratio(row: &[Measure], timeout: u64) -> String {
    let killed = row
        .iter()
        .map(|m| m.outcome)
        .find(|o| !matches!(o, Outcome::Finished));
    match (row.first(), row.last(), killed) {
        (Some(a), _, _) if !matches!(a.outcome, Outcome::Finished) => "not measured".to_owned(),
        (Some(a), Some(b), None) => format!("{:.1}", b.seconds / a.seconds),
        (Some(a), _, Some(Outcome::TimedOut)) => format!("> {:.1}", timeout as f64 / a.seconds),
        _ => "not measured (memory)".to_owned(),
    }
}

/// The heading of this section in docs/benchmarks.md.
pub const HEADING: &str = "## Hostile input scaling (release CLI, one process per run)";

/// Replaces this section of `doc` with `section` (or puts it before "Reading the figures").
pub fn splice(doc: &str, section: &str) -> String {
    let section = section.trim_end();
    if let Some(start) = doc.find(HEADING) {
        let after = start + HEADING.len();
        let end = doc[after..]
            .find("\n## ")
            .map_or(doc.len(), |e| after + e + 1);
        format!("{}{section}\n\n{}", &doc[..start], &doc[end..])
    } else if let Some(at) = doc.find("## Reading the figures") {
        format!("{}{section}\n\n{}", &doc[..at], &doc[at..])
    } else {
        format!("{}\n\n{section}\n", doc.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "<XrML version=\"1.2\"><BODY type=\"LICENSE\"><ISSUEDTIME>2026-11-20T10:00</ISSUEDTIME></BODY><SIGNATURE/></XrML><XrML><BODY/></XrML>";

    #[test]
    fn sizes_parse_in_binary_units() {
        assert_eq!(
            parse_sizes("1M, 8m,64K,100").unwrap(),
            vec![1 << 20, 8 << 20, 64 << 10, 100]
        );
        assert!(parse_sizes("0K").is_err());
        assert!(parse_sizes("1G").is_err());
        assert!(parse_sizes("").is_err());
    }

    #[test]
    fn every_shape_is_close_to_its_size_and_has_its_form() {
        let len = 64 << 10;
        for shape in SHAPES {
            let bytes = (shape.make)(len, SAMPLE);
            assert!(
                bytes.len() <= len && bytes.len() + 64 >= len,
                "({}) is {} bytes",
                shape.id,
                bytes.len()
            );
        }
        let count =
            |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).filter(|w| *w == needle).count();
        let a = unterminated_starts(len, SAMPLE);
        assert_eq!(count(&a, b"</XrML>"), 0);
        let b = nested_starts(len, SAMPLE);
        assert_eq!(
            (count(&b, b"<XrML>"), count(&b, b"</XrML>")),
            ((len - 7) / 6, 1)
        );
        let c = nested_starts_utf16(len, SAMPLE);
        assert_eq!(c.get(..4), Some(&[0xFF, 0xFE, b'<', 0][..]));
        assert_eq!(count(&c, &[b'/', 0, b'X', 0]), 1);
        let d = String::from_utf8(escaped_response(len, SAMPLE)).unwrap();
        assert!(d.contains("<SLC>&lt;XrML &lt;XrML ") && d.ends_with("</EnrollResponse>\r\n"));
        let e = String::from_utf8(long_body(len, SAMPLE)).unwrap();
        assert_eq!(e.matches("<XrML").count(), 1);
        assert!(e.ends_with("</NAME></OBJECT></WORK></BODY><SIGNATURE/></XrML>"));
        let g = repeated_slots_utf16(len, SAMPLE);
        assert_eq!(g.get(..4), Some(&[0xFF, 0xFE, b'<', 0][..]));
        assert_eq!(
            count(&g, &[b'<', 0, b'p', 0, b'>', 0]),
            (len - 2) / 2 / 2 / 38
        );
        let f = many_documents(len, SAMPLE);
        assert_eq!(count(&f, b"</XrML>"), len / first_document(SAMPLE).len());
    }

    #[test]
    fn splice_replaces_only_its_own_section() {
        let old = format!("# B\n\n## A\n\nx\n\n{HEADING}\n\nold\n\n## Reading the figures\n\ny\n");
        let new = splice(&old, &format!("{HEADING}\n\nnew\n"));
        assert_eq!(
            new,
            format!("# B\n\n## A\n\nx\n\n{HEADING}\n\nnew\n\n## Reading the figures\n\ny\n")
        );
        assert_eq!(splice(&new, &format!("{HEADING}\n\nnew\n")), new);
        let first = splice(
            "# B\n\n## Reading the figures\n\ny\n",
            &format!("{HEADING}\n\nz"),
        );
        assert_eq!(
            first,
            format!("# B\n\n{HEADING}\n\nz\n\n## Reading the figures\n\ny\n")
        );
        assert_eq!(splice("# B\n", "S\n"), "# B\n\nS\n");
    }

    #[test]
    fn ratios_are_lower_bounds_only_after_a_timeout() {
        let done = |seconds| Measure {
            outcome: Outcome::Finished,
            seconds,
            peak_mib: 1.0,
        };
        let killed = |outcome| Measure {
            outcome,
            seconds: 1.0,
            peak_mib: 1.0,
        };
        assert_eq!(time_ratio(&[done(0.5), done(1.0), done(32.0)], 60), "64.0");
        assert_eq!(
            time_ratio(
                &[
                    done(2.0),
                    killed(Outcome::TimedOut),
                    killed(Outcome::Skipped)
                ],
                60
            ),
            "> 30.0"
        );
        assert_eq!(
            time_ratio(
                &[
                    done(2.0),
                    killed(Outcome::OverMemory),
                    killed(Outcome::Skipped)
                ],
                60
            ),
            "not measured (memory)"
        );
        assert_eq!(
            time_ratio(&[killed(Outcome::TimedOut), killed(Outcome::Skipped)], 60),
            "not measured"
        );
    }
}
