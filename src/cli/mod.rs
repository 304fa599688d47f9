//! The command line. Each command lives in its own file; this one only parses and dispatches.

mod baseline;
mod scan_cmd;
mod structure;
mod text_cmd;

use crate::detect::{Config, Detector};
use crate::pdf::Limits;
use crate::report::FileReport;
use crate::scan::{self, Scanner};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "leakscan",
    version,
    about = "Checks PDFs for personal data and closed-item material before they are published",
    after_help = "Exit codes: 0 nothing found at or above --fail-on, 1 findings, 2 usage error or a file could not be checked."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check PDFs (files or folders) and report what must not be published.
    Scan(scan_cmd::ScanArgs),
    /// Print the text of each page, pages separated by a form feed (as pdftotext does).
    Text {
        file: PathBuf,
        /// Only this page (1-based).
        #[arg(long)]
        page: Option<usize>,
    },
    /// Record the current findings as accepted (hashed fingerprints, never the matched text).
    Baseline {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Where to write the baseline.
        #[arg(long, short = 'o', default_value = "leakscan.baseline")]
        output: PathBuf,
        /// Why these findings are accepted (stored with each entry).
        #[arg(long)]
        reason: Option<String>,
        /// Configuration file (default: leakscan.toml found from the scanned folder upward).
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Show the agenda structure read from a PDF (items, open/closed, case numbers, pages) and
    /// which pages carry closed-item content, and why.
    Structure(structure::StructureArgs),
    /// List every rule with its id, severity and a one-line description.
    Rules,
    /// Internal: the worker process of `scan --isolate` (reads requests on stdin).
    #[command(hide = true)]
    Worker {
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long)]
        timeout: Option<u64>,
    },
}

/// Runs the command line and returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Scan(args) => scan_cmd::run(args),
        Command::Text { file, page } => text_cmd::run(&file, page),
        Command::Baseline { paths, output, reason, config } => run_baseline(&paths, &output, reason.as_deref(), config),
        Command::Structure(args) => structure::run(args),
        Command::Rules => run_rules(),
        Command::Worker { config, timeout } => run_worker(config, timeout),
    }
}

fn run_baseline(paths: &[PathBuf], output: &PathBuf, reason: Option<&str>, config: Option<PathBuf>) -> i32 {
    let config = match scan_cmd::load_config(config.or_else(|| scan_cmd::find_config(paths)).as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("leakscan: {e}");
            return 2;
        }
    };
    let limits = config.limits.apply(Limits::default());
    let detector = match Detector::new(config) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("leakscan: {e}");
            return 2;
        }
    };
    let scanner = Scanner { detector, limits };
    let (inputs, missing) = scan::collect_inputs(paths);
    let mut files: Vec<FileReport> = scanner.scan_all(&inputs);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let b = baseline::Baseline::from_reports(&files, reason);
    let text = match serde_json::to_string_pretty(&b) {
        Ok(t) => t + "\n",
        Err(e) => {
            eprintln!("leakscan: {e}");
            return 2;
        }
    };
    if let Err(e) = std::fs::write(output, text) {
        eprintln!("leakscan: could not write {}: {e}", output.display());
        return 2;
    }
    eprintln!("leakscan: {} findings recorded in {}", b.entries.len(), output.display());
    let not_checked = missing.len() + files.iter().filter(|f| f.error.is_some()).count();
    if not_checked > 0 {
        eprintln!("leakscan: {not_checked} file(s) could not be checked; their findings are not in the baseline");
        return 2;
    }
    0
}

fn run_worker(config: Option<PathBuf>, timeout: Option<u64>) -> i32 {
    let config = match scan_cmd::load_config(config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("leakscan worker: {e}");
            return 2;
        }
    };
    let mut limits = config.limits.apply(Limits::default());
    if let Some(t) = timeout {
        limits.time_budget = std::time::Duration::from_secs(t.max(1));
    }
    let detector = match Detector::new(config) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("leakscan worker: {e}");
            return 2;
        }
    };
    scan::isolate::serve(&Scanner { detector, limits })
}

fn run_rules() -> i32 {
    let detector = match Detector::new(Config::default()) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("leakscan: {e}");
            return 2;
        }
    };
    for r in detector.rules() {
        println!("{:<14} {:<7} {}", r.id, r.severity.as_str(), r.description);
    }
    0
}
