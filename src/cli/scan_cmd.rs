//! `leakscan scan`: check files and folders, write one or more reports, exit 0/1/2.

use super::baseline::Baseline;
use crate::agenda;
use crate::detect::{Config, Detector, Finding, Severity};
use crate::pdf::Limits;
use crate::report::{self, FileReport, Lang, Report, ReportedFinding, ShowOptions};
use crate::scan::isolate::{self, WorkerCommand};
use crate::scan::{self, Input, Scanner};
use clap::ValueEnum;
use std::collections::{BTreeMap, HashSet};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Jsonl,
    Sarif,
    Junit,
    Html,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        <Format as ValueEnum>::from_str(s, true)
            .map_err(|_| format!("unknown format `{s}`: use human, json, jsonl, sarif, junit or html"))
    }
}

#[derive(clap::Args, Debug)]
pub struct ScanArgs {
    /// PDF files and folders to check (folders are searched for *.pdf); `-` reads one PDF from stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Report format written to stdout (or to --output).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write the --format report to this file instead of stdout.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Also write a report in FORMAT to FILE (repeatable), e.g. `--report sarif=leakscan.sarif`.
    #[arg(long = "report", value_name = "FORMAT=FILE")]
    pub reports: Vec<String>,
    /// Show matched personal data in full (masked by default, in every format).
    #[arg(long)]
    pub reveal: bool,
    /// Lowest severity that makes the run fail with exit code 1.
    #[arg(long, default_value = "medium")]
    pub fail_on: Severity,
    /// Language of the human and HTML reports (default from LANG; Danish unless it says English).
    #[arg(long, value_parser = ["da", "en"])]
    pub lang: Option<String>,
    /// Files checked at the same time (default: all cores).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Check only shard K of N (1-based), e.g. `--shard 3/8`: a stable split by path for batch engines.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,
    /// Skip files already in this JSONL report, and append the new results to it.
    #[arg(long, value_name = "REPORT.jsonl")]
    pub resume: Option<PathBuf>,
    /// Accept the findings recorded in this baseline (listed as suppressed, not dropped).
    #[arg(long)]
    pub baseline: Option<PathBuf>,
    /// Configuration file (default: leakscan.toml found from the scanned folder upward).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Seconds one file may take before it is reported as not fully checked.
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<u64>,
    /// No progress bar.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Check each file in a separate worker process, so even a crash that cannot be caught
    /// (stack overflow, abort, out of memory) costs only that file. For batch audits.
    #[arg(long)]
    pub isolate: bool,
    /// The meeting's items as the agenda system knows them (JSON, see README): overrides the
    /// items inferred from the PDFs for every file checked.
    #[arg(long, value_name = "FILE")]
    pub agenda_manifest: Option<PathBuf>,
}

/// A report destination: a format and where it goes (`None` = stdout).
struct Sink {
    format: Format,
    path: Option<PathBuf>,
}

pub fn run(args: ScanArgs) -> i32 {
    match run_inner(args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("leakscan: {msg}");
            2
        }
    }
}

fn run_inner(args: ScanArgs) -> Result<i32, String> {
    let mut sinks = vec![Sink { format: args.format, path: args.output.clone() }];
    for spec in &args.reports {
        let (fmt, file) = spec
            .split_once('=')
            .ok_or_else(|| format!("--report takes FORMAT=FILE, e.g. sarif=leakscan.sarif (got `{spec}`)"))?;
        sinks.push(Sink { format: fmt.parse()?, path: Some(PathBuf::from(file)) });
    }
    let shard = args.shard.as_deref().map(parse_shard).transpose()?;
    let config_path = match &args.config {
        Some(p) => Some(p.clone()),
        None => find_config(&args.paths),
    };
    let config = load_config(config_path.as_deref())?;
    let baseline = args.baseline.as_deref().map(Baseline::load).transpose()?;
    let mut limits = config.limits.apply(Limits::default());
    if let Some(t) = args.timeout {
        limits.time_budget = Duration::from_secs(t.max(1));
    }
    let detector = Detector::new(config)?;
    let worker = args.isolate.then(|| worker_command(config_path.as_deref(), &limits)).transpose()?;
    let scanner = Scanner { detector, limits };
    let lang = match args.lang.as_deref() {
        Some("en") => Lang::En,
        Some(_) => Lang::Da,
        None => Lang::from_env(),
    };
    let stdout_is_tty = std::io::stdout().is_terminal();
    let color = stdout_is_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let show = ShowOptions { reveal: args.reveal, lang, color, fail_on: args.fail_on };

    // What to check.
    let stdin_wanted = args.paths.iter().any(|p| p.as_os_str() == "-");
    let paths: Vec<PathBuf> = args.paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
    let (mut inputs, mut missing) = scan::collect_inputs(&paths);
    // Meetings are read over all inputs, before sharding, so an attachment still knows its agenda.
    let manifest = args.agenda_manifest.as_deref().map(agenda::Manifest::load).transpose()?;
    // Worker processes get the manifest's items; agendas in meeting folders are not read in the
    // parent process, which must not crash on a hostile file.
    let meetings = match (&manifest, args.isolate) {
        (Some(m), true) => agenda::MeetingIndex::build(&[], Some(m), |_| None),
        (None, true) => agenda::MeetingIndex::default(),
        (_, false) => scanner.meeting_index(&inputs, manifest.as_ref()),
    };
    if let Some((k, n)) = shard {
        inputs.retain(|i| in_shard(&i.display, k, n));
        missing.retain(|m| in_shard(&m.path, k, n));
    }
    let mut previous: Vec<FileReport> = Vec::new();
    if let Some(resume) = &args.resume {
        previous = read_jsonl(resume)?;
        let done: HashSet<&str> = previous.iter().map(|f| f.path.as_str()).collect();
        inputs.retain(|i| !done.contains(i.display.as_str()));
        missing.retain(|m| !done.contains(m.path.as_str()));
    }

    let mut resume_out = match &args.resume {
        Some(p) => Some(open_append(p)?),
        None => None,
    };
    // The resume file already receives every new JSONL line; writing it again would truncate it.
    if let Some(r) = &args.resume {
        sinks.retain(|s| !(s.format == Format::Jsonl && s.path.as_deref().is_some_and(|p| same_file(p, r))));
    }
    let mut stream_out: Option<Box<dyn Write>> = match sinks.iter().find(|s| s.format == Format::Jsonl) {
        Some(s) => Some(open_sink(s)?),
        None => None,
    };
    let mut emit = |mut f: FileReport| -> FileReport {
        if let Some(b) = &baseline {
            b.apply(&mut f);
        }
        let line = report::json::file_value(&f, show).to_string();
        if let Some(out) = stream_out.as_mut() {
            let _ = writeln!(out, "{line}");
            let _ = out.flush();
        }
        if let Some(out) = resume_out.as_mut() {
            let _ = writeln!(out, "{line}");
            let _ = out.flush();
        }
        f
    };

    let mut files: Vec<FileReport> = Vec::new();
    for m in missing {
        files.push(emit(m));
    }
    if stdin_wanted {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("could not read the PDF from stdin: {e}"))?;
        files.push(emit(scanner.scan_bytes_with("-", &bytes, meetings.for_file(Path::new("-")))));
    }
    let progress = (!args.quiet && std::io::stderr().is_terminal()).then(|| progress_bar(inputs.len()));
    files.extend(run_parallel(&scanner, &meetings, worker.as_ref(), &inputs, args.jobs, progress.as_ref(), &mut emit)?);
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    files.extend(previous);
    let report = Report::new(files);

    for sink in sinks.iter().filter(|s| s.format != Format::Jsonl) {
        let mut out = open_sink(sink)?;
        let written = match sink.format {
            Format::Human => {
                report::human::write(&report, ShowOptions { color: color && sink.path.is_none(), ..show }, &mut out)
            }
            Format::Json => report::json::write(&report, show, &mut out),
            Format::Sarif => report::sarif::write(&report, show, &mut out),
            Format::Junit => report::junit::write(&report, show, &mut out),
            Format::Html => report::html::write(&report, show, &mut out),
            Format::Jsonl => Ok(()),
        };
        if let Err(e) = written.and_then(|_| out.flush()) {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                return Err(format!("could not write the report: {e}"));
            }
        }
    }
    if args.format != Format::Human && !args.quiet && std::io::stderr().is_terminal() {
        // Machine output on stdout or in a file: a one-line summary for the person watching.
        let s = report.summary();
        eprintln!(
            "leakscan: {} files, {} pages, {} not checked; findings: {} high, {} medium, {} low, {} info",
            s.files, s.pages, s.errors, s.by_severity[0], s.by_severity[1], s.by_severity[2], s.by_severity[3]
        );
    }
    Ok(report.exit_code(args.fail_on))
}

/// Checks inputs on `jobs` threads (or worker processes), handing each file's report to `emit`
/// in input order as soon as it and all before it are done, so streamed JSONL is both prompt and
/// deterministic.
fn run_parallel(
    scanner: &Scanner,
    meetings: &agenda::MeetingIndex,
    worker: Option<&WorkerCommand>,
    inputs: &[Input],
    jobs: Option<usize>,
    progress: Option<&indicatif::ProgressBar>,
    emit: &mut dyn FnMut(FileReport) -> FileReport,
) -> Result<Vec<FileReport>, String> {
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get())).max(1);
    let mut out = Vec::with_capacity(inputs.len());
    let mut pending: BTreeMap<usize, FileReport> = BTreeMap::new();
    let mut next = 0;
    let (mut pages, mut findings) = (0usize, 0usize);
    let mut on_result = |i: usize, r: FileReport| {
        pages += r.pages;
        findings += r.findings.len();
        if let Some(p) = progress {
            p.inc(1);
            p.set_message(format!("{pages} pages, {findings} findings"));
        }
        pending.insert(i, r);
        while let Some(r) = pending.remove(&next) {
            out.push(emit(r));
            next += 1;
        }
    };
    if let Some(cmd) = worker {
        isolate::scan_isolated_with(cmd, inputs, meetings, jobs, &mut on_result);
        return Ok(out);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| format!("could not start worker threads: {e}"))?;
    let (tx, rx) = mpsc::channel::<(usize, FileReport)>();
    std::thread::scope(|s| {
        s.spawn(move || {
            use rayon::prelude::*;
            pool.install(|| {
                inputs.par_iter().enumerate().for_each_with(tx, |tx, (i, input)| {
                    let _ = tx.send((i, scanner.scan_file_with(input, meetings.for_file(&input.path))));
                })
            });
        });
        for (i, r) in rx {
            on_result(i, r);
        }
    });
    Ok(out)
}

fn worker_command(config: Option<&Path>, limits: &Limits) -> Result<WorkerCommand, String> {
    let program =
        std::env::current_exe().map_err(|e| format!("cannot find the leakscan program to start workers: {e}"))?;
    let mut args = vec!["worker".to_string(), "--timeout".to_string(), limits.time_budget.as_secs().to_string()];
    if let Some(c) = config {
        args.push("--config".to_string());
        args.push(c.display().to_string());
    }
    // The in-process budget stops a slow file first; the watchdog is for a worker that hangs anyway.
    Ok(WorkerCommand { program, args, hard_timeout: limits.time_budget * 2 + Duration::from_secs(10) })
}

fn progress_bar(n: usize) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(n as u64);
    let style = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} files  {msg}  {per_sec}  ETA {eta}")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    bar
}

fn parse_shard(s: &str) -> Result<(u64, u64), String> {
    let bad = || format!("--shard takes K/N with 1 <= K <= N, e.g. 2/8 (got `{s}`)");
    let (k, n) = s.split_once('/').ok_or_else(bad)?;
    let k: u64 = k.trim().parse().map_err(|_| bad())?;
    let n: u64 = n.trim().parse().map_err(|_| bad())?;
    if n == 0 || k == 0 || k > n {
        return Err(bad());
    }
    Ok((k, n))
}

/// Whether `path` belongs to shard `k` of `n`: a hash of the path, so the split does not depend
/// on which other files a machine sees or in what order.
pub fn in_shard(path: &str, k: u64, n: u64) -> bool {
    use sha2::{Digest, Sha256};
    let d = Sha256::digest(path.as_bytes());
    let mut v = [0u8; 8];
    v.copy_from_slice(&d[..8]);
    u64::from_be_bytes(v) % n == k - 1
}

pub(super) fn load_config(path: Option<&Path>) -> Result<Config, String> {
    let Some(path) = path else { return Ok(Config::default()) };
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("could not read the config {}: {e}", path.display()))?;
    Config::from_toml_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// `leakscan.toml` in the first scanned folder (or a file's folder) or any folder above it.
pub(super) fn find_config(paths: &[PathBuf]) -> Option<PathBuf> {
    let first = paths.iter().find(|p| p.as_os_str() != "-")?;
    let start = if first.is_dir() { first.clone() } else { first.parent()?.to_path_buf() };
    let start = std::fs::canonicalize(if start.as_os_str().is_empty() { Path::new(".") } else { &start }).ok()?;
    start.ancestors().map(|d| d.join("leakscan.toml")).find(|p| p.is_file())
}

fn open_sink(s: &Sink) -> Result<Box<dyn Write>, String> {
    match &s.path {
        None => Ok(Box::new(std::io::BufWriter::new(std::io::stdout()))),
        Some(p) => std::fs::File::create(p)
            .map(|f| Box::new(std::io::BufWriter::new(f)) as Box<dyn Write>)
            .map_err(|e| format!("could not create {}: {e}", p.display())),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
}

/// Opens the resume file for appending, first cutting off a line torn by a killed run.
fn open_append(p: &Path) -> Result<std::fs::File, String> {
    let fail = |e: std::io::Error| format!("could not open {} to append to it: {e}", p.display());
    if let Ok(bytes) = std::fs::read(p) {
        let complete = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        if complete < bytes.len() {
            std::fs::OpenOptions::new().write(true).open(p).and_then(|f| f.set_len(complete as u64)).map_err(fail)?;
        }
    }
    std::fs::OpenOptions::new().create(true).append(true).open(p).map_err(fail)
}

/// Reads a JSONL report written by an earlier (perhaps killed) run. A torn last line is ignored:
/// that file is simply checked again.
fn read_jsonl(p: &Path) -> Result<Vec<FileReport>, String> {
    let text = match std::fs::read_to_string(p) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("could not read {} to resume from it: {e}", p.display())),
    };
    let mut out = Vec::new();
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let Some(path) = v["path"].as_str() else { continue };
        let findings =
            v["findings"].as_array().map(|a| a.iter().filter_map(finding_from_json).collect()).unwrap_or_default();
        out.push(FileReport {
            path: path.to_string(),
            pages: v["pages"].as_u64().unwrap_or(0) as usize,
            error: v["error"].as_str().map(str::to_string),
            findings,
        });
    }
    Ok(out)
}

fn finding_from_json(v: &serde_json::Value) -> Option<ReportedFinding> {
    let text = v["text"].as_str().unwrap_or("");
    let mut f = Finding::new(
        v["rule"].as_str()?,
        v["severity"].as_str()?.parse().ok()?,
        v["page"].as_u64().map(|p| p as u32),
        text,
        v["message"].as_str().unwrap_or("").to_string(),
    );
    f.message_da = v["message_da"].as_str().unwrap_or("").to_string();
    f.context = v["context"].as_str().unwrap_or("").to_string();
    f.source = v["source"].as_str().unwrap_or("page").to_string();
    f.confidence = v["confidence"].as_f64().unwrap_or(1.0) as f32;
    f.location = v["location"].as_str().map(str::to_string);
    // A resumed report was written masked (or revealed) already: print it as it was.
    let mut rf = ReportedFinding::new(f, v["fingerprint"].as_str().unwrap_or("").to_string(), &[]);
    rf.suppressed = v["suppressed"].as_str().map(str::to_string);
    Some(rf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_cover_every_path_exactly_once() {
        let paths: Vec<String> = (0..500).map(|i| format!("arkiv/2019/møde-{i}/bilag.pdf")).collect();
        for n in 1..6 {
            for p in &paths {
                let owners = (1..=n).filter(|k| in_shard(p, *k, n)).count();
                assert_eq!(owners, 1, "{p} in {owners} of {n} shards");
            }
        }
        let first = paths.iter().filter(|p| in_shard(p, 1, 4)).count();
        assert!(first > 80 && first < 170, "uneven split: {first} of 500 in shard 1/4");
    }

    #[test]
    fn shard_syntax_is_checked() {
        assert_eq!(parse_shard("2/8"), Ok((2, 8)));
        assert!(parse_shard("0/8").is_err());
        assert!(parse_shard("9/8").is_err());
        assert!(parse_shard("x").is_err());
    }
}
