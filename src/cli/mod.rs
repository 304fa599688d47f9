//! The command line: `leakscan scan`, `leakscan text`.

use crate::detect::{Config, Detector, Severity};
use crate::pdf::Limits;
use crate::report::{self, Report, ShowOptions};
use crate::scan::{self, Scanner};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "leakscan",
    version,
    about = "Checks PDFs for personal data and closed-item material before they are published"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check PDFs (files or folders) and report what must not be published.
    Scan(ScanArgs),
    /// Print the text of each page, pages separated by a form feed (as pdftotext does).
    Text {
        file: PathBuf,
        /// Only this page (1-based).
        #[arg(long)]
        page: Option<usize>,
    },
}

#[derive(clap::Args)]
struct ScanArgs {
    /// PDF files and folders to check (folders are searched for *.pdf).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Show matched personal data in full (masked by default).
    #[arg(long)]
    reveal: bool,
    /// Lowest severity that makes the run fail (exit 1).
    #[arg(long, default_value = "medium")]
    fail_on: Severity,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
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
        Command::Scan(args) => run_scan(args),
        Command::Text { file, page } => run_text(&file, page),
    }
}

fn run_scan(args: ScanArgs) -> i32 {
    let detector = match Detector::new(Config::default()) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("leakscan: {e}");
            return 2;
        }
    };
    let scanner = Scanner { detector, limits: Limits::default() };
    let (inputs, mut files) = scan::collect_inputs(&args.paths);
    files.extend(scanner.scan_all(&inputs));
    let report = Report::new(files);
    let show = ShowOptions { reveal: args.reveal };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        Format::Human => report::human::write(&report, show, &mut out),
        Format::Json => report::json::write(&report, show, &mut out),
    };
    if let Err(e) = written.and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("leakscan: could not write the report: {e}");
            return 2;
        }
    }
    report.exit_code(args.fail_on)
}

fn run_text(file: &PathBuf, page: Option<usize>) -> i32 {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("leakscan: could not read {}: {e}", file.display());
            return 2;
        }
    };
    let read = match scan::read_document(&bytes, Limits::default()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("leakscan: {}: {e}", file.display());
            return 2;
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut code = 0;
    for (i, text) in read.pages.iter().enumerate() {
        if page.is_some_and(|p| p != i + 1) {
            continue;
        }
        let _ = out.write_all(text.text.as_bytes());
        let _ = out.write_all(b"\n\x0c");
        if !read.page_problems[i].is_empty() {
            eprintln!("leakscan: page {} not fully read: {}", i + 1, read.page_problems[i].join("; "));
            code = 2;
        }
    }
    if page.is_some_and(|p| p == 0 || p > read.pages.len()) {
        eprintln!("leakscan: the file has {} pages", read.pages.len());
        return 2;
    }
    code
}
