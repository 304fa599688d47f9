//! `leakscan structure FILE`: what the agenda reader inferred (kind, meeting, participants,
//! items with status, case numbers and pages, attachment sections) and the closed-item findings
//! it leads to, so a person can see why a page was flagged.

use crate::agenda::{self, closed_item, Agenda, KnownItems, Manifest, MeetingIndex};
use crate::detect::{Config, Detector, Finding};
use crate::pdf::Limits;
use crate::scan::{self, Input, Scanner};
use clap::ValueEnum;
use serde_json::json;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A meeting folder with more PDFs than this is not read as a meeting by `structure`.
const MAX_FOLDER_FILES: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StructureFormat {
    Human,
    Json,
}

#[derive(clap::Args, Debug)]
pub struct StructureArgs {
    /// The PDF to read.
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t = StructureFormat::Human)]
    pub format: StructureFormat,
    /// The meeting's items from the agenda system (JSON); overrides what is inferred.
    #[arg(long, value_name = "FILE")]
    pub agenda_manifest: Option<PathBuf>,
    /// Do not apply the agenda of the file's meeting folder.
    #[arg(long)]
    pub no_meeting: bool,
}

pub fn run(args: StructureArgs) -> i32 {
    let scanner = match Detector::new(Config::default()) {
        Ok(detector) => Scanner { detector, limits: Limits::default() },
        Err(e) => {
            eprintln!("leakscan: {e}");
            return 2;
        }
    };
    match run_inner(&args, &scanner) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("leakscan: {e}");
            2
        }
    }
}

/// The PDFs of the file's meeting: its folder, and `bilag*` subfolders of it (or of the parent,
/// when the file itself sits in a `bilag` folder).
fn meeting_files(file: &Path) -> Vec<Input> {
    let dir = file.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let is_bilag = |d: &Path| d.file_name().is_some_and(|n| n.to_string_lossy().to_lowercase().starts_with("bilag"));
    let root = if is_bilag(dir) { dir.parent().unwrap_or(dir) } else { dir };
    let mut dirs = vec![root.to_path_buf()];
    if let Ok(entries) = std::fs::read_dir(root) {
        dirs.extend(entries.flatten().map(|e| e.path()).filter(|p| p.is_dir() && is_bilag(p)));
    }
    let mut files: Vec<PathBuf> = Vec::new();
    for d in dirs {
        if let Ok(entries) = std::fs::read_dir(&d) {
            files.extend(
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf"))),
            );
        }
    }
    files.sort();
    files.truncate(MAX_FOLDER_FILES + 1);
    files.into_iter().map(|p| Input { display: p.display().to_string(), path: p }).collect()
}

fn run_inner(args: &StructureArgs, scanner: &Scanner) -> Result<(), String> {
    let bytes = std::fs::read(&args.file).map_err(|e| format!("could not read {}: {e}", args.file.display()))?;
    let read =
        scan::read_document(&bytes, scanner.limits.clone()).map_err(|e| format!("{}: {e}", args.file.display()))?;
    let mut structure = agenda::infer(&read.pages);
    let manifest = args.agenda_manifest.as_deref().map(Manifest::load).transpose()?;
    if let Some(m) = &manifest {
        KnownItems::from_manifest(m).apply(&mut structure);
        if structure.meeting == agenda::Meeting::default() {
            structure.meeting = m.meeting();
        }
    } else if !args.no_meeting {
        let inputs = meeting_files(&args.file);
        if inputs.len() > 1 && inputs.len() <= MAX_FOLDER_FILES {
            let index: MeetingIndex = scanner.meeting_index(&inputs, None);
            let me = inputs.iter().find(|i| same_file(&i.path, &args.file)).map(|i| i.path.clone());
            if let Some(known) = me.as_deref().and_then(|p| index.for_file(p)) {
                known.apply(&mut structure);
            }
        }
    }
    let mut findings = Vec::new();
    closed_item::check(&read.pages, &structure, Some(&args.file.display().to_string()), &mut findings);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        StructureFormat::Json => {
            let value = json!({
                "file": args.file.display().to_string(),
                "pages": read.pages.len(),
                "structure": structure,
                "closed_item_findings": findings.iter().map(|f| json!({
                    "page": f.page,
                    "message": f.message,
                    "confidence": f.confidence,
                })).collect::<Vec<_>>(),
            });
            serde_json::to_writer_pretty(&mut out, &value).map_err(std::io::Error::from).and_then(|_| writeln!(out))
        }
        StructureFormat::Human => write_human(&mut out, &args.file, read.pages.len(), &structure, &findings),
    };
    match written.and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("could not write: {e}")),
        _ => Ok(()),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// `3`, `4–9`, `2, 5–6`.
fn page_ranges(pages: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < pages.len() {
        let start = pages[i];
        let mut end = start;
        while i + 1 < pages.len() && pages[i + 1] == end + 1 {
            i += 1;
            end = pages[i];
        }
        parts.push(if start == end { start.to_string() } else { format!("{start}–{end}") });
        i += 1;
    }
    parts.join(", ")
}

fn write_human(
    out: &mut dyn Write,
    file: &Path,
    pages: usize,
    a: &Agenda,
    findings: &[Finding],
) -> std::io::Result<()> {
    writeln!(out, "{} ({} pages)", file.display(), pages)?;
    writeln!(out, "  kind:         {}", a.kind.as_str())?;
    let meeting: Vec<&str> =
        [&a.meeting.committee, &a.meeting.date, &a.meeting.place].iter().filter_map(|s| s.as_deref()).collect();
    writeln!(
        out,
        "  meeting:      {}",
        if meeting.is_empty() { "(not stated)".to_string() } else { meeting.join(", ") }
    )?;
    if !a.participants.present.is_empty() {
        writeln!(out, "  participants: {}", a.participants.present.join(", "))?;
    }
    if !a.participants.absent.is_empty() {
        writeln!(out, "  absent:       {}", a.participants.absent.join(", "))?;
    }
    if !a.toc.is_empty() {
        let toc_pages: Vec<u32> = {
            let mut p: Vec<u32> = a.toc.iter().map(|e| e.page).collect();
            p.dedup();
            p
        };
        writeln!(out, "  contents:     {} entries on page {}", a.toc.len(), page_ranges(&toc_pages))?;
    }
    writeln!(out, "  items ({}):", a.items_from)?;
    if a.items.is_empty() {
        writeln!(out, "    (none found)")?;
    }
    for item in &a.items {
        let status = if item.closed { "CLOSED" } else { "open  " };
        writeln!(out, "    {:>3}  [{status}]  {}", item.number, item.title)?;
        let mut facts: Vec<String> = Vec::new();
        if let Some(src) = &item.status_source {
            facts.push(format!("status from {src}"));
        }
        if !item.case_numbers.is_empty() {
            facts.push(format!("case {}", item.case_numbers.join(", ")));
        }
        if !item.pages.is_empty() {
            facts.push(format!("pages {}", page_ranges(&item.pages)));
        }
        if !item.attachments.is_empty() {
            facts.push(format!("attachments {}", item.attachments.join(", ")));
        }
        if !facts.is_empty() {
            writeln!(out, "                   {}", facts.join("; "))?;
        }
        for h in item.headings.iter().skip(1) {
            let inside = h.in_attachment.as_deref().map(|l| format!(" inside '{l}'")).unwrap_or_default();
            writeln!(out, "                   heading also on page {}{inside}", h.at.page)?;
        }
    }
    if !a.attachments.is_empty() {
        writeln!(out, "  attachment sections:")?;
        for s in &a.attachments {
            let item = s.item.as_deref().map(|n| format!(" (item {n})")).unwrap_or_default();
            writeln!(out, "    pages {:<8} {}{item}", page_ranges(&s.pages), s.label)?;
        }
    }
    if findings.is_empty() {
        writeln!(out, "  closed-item findings: none")?;
    } else {
        writeln!(out, "  closed-item findings:")?;
        for f in findings {
            writeln!(out, "    {}", f.message)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::PageText;

    #[test]
    fn human_output_names_items_status_and_evidence() {
        let pages: Vec<PageText> = [
            "DAGSORDEN Økonomiudvalget d. 12-03-2024\nPunkt 14: Vejbelysning\nÅbent\nSagsnr.: 326-2024-11347",
            "Punkt 19: Personalesag om leder\nLukket\nSagsnr.: 25-003411\nLederen har fået en advarsel for fravær.",
        ]
        .iter()
        .map(|t| PageText::from_plain(t))
        .collect();
        let a = agenda::infer(&pages);
        let mut findings = Vec::new();
        closed_item::check(&pages, &a, None, &mut findings);
        let mut buf = Vec::new();
        write_human(&mut buf, Path::new("d.pdf"), 2, &a, &findings).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(text.contains("kind:         agenda (dagsorden)"), "{text}");
        assert!(text.contains("meeting:      Økonomiudvalget, 12-03-2024"), "{text}");
        assert!(text.contains(" 19  [CLOSED]  Personalesag om leder"), "{text}");
        assert!(text.contains("case 25-003411; pages 2"), "{text}");
        assert!(text.contains("page 2 carries closed item 19"), "{text}");
    }

    #[test]
    fn page_ranges_are_compact() {
        assert_eq!(page_ranges(&[2, 4, 5, 6, 9]), "2, 4–6, 9");
        assert_eq!(page_ranges(&[]), "");
    }
}
