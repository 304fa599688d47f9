//! Meeting folders: an agenda PDF plus one PDF per attachment in one directory (or in a `bilag/`
//! subfolder of it) is one meeting, and the agenda's items apply to every file in it.

use super::{infer, Agenda, DocKind, Item, Manifest};
use crate::pdf::PageText;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Groups with more files than this are not searched by content for their agenda (an auditor's
/// folder of unrelated PDFs is not a meeting).
const MAX_CONTENT_SEARCH: usize = 60;
/// Directory entries looked at when searching a folder for its agenda.
const MAX_LISTED: usize = 5000;

/// The files of one meeting folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingGroup {
    pub dir: PathBuf,
    /// The agenda (or minutes) file, when the folder has exactly one by its name.
    pub agenda: Option<PathBuf>,
    /// Candidates to be told apart by content when the names do not decide.
    pub candidates: Vec<PathBuf>,
    pub files: Vec<PathBuf>,
}

/// The items a file is to be checked against, from its meeting or a manifest.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct KnownItems {
    pub items: Vec<Item>,
    /// `meeting agenda <file>` or `manifest`.
    pub source: String,
    /// A manifest replaces the document's own items; a meeting agenda is merged with them.
    pub replace: bool,
    /// The meeting's participants and absentees, as the agenda lists them: public persons in
    /// every file of the meeting, not citizens.
    #[serde(default)]
    pub participants: Vec<String>,
}

impl KnownItems {
    pub fn from_manifest(m: &Manifest) -> KnownItems {
        KnownItems { items: m.items(), source: "manifest".to_string(), replace: true, participants: Vec::new() }
    }

    /// Merges these items into a document's inferred agenda.
    pub fn apply(&self, agenda: &mut Agenda) {
        agenda.adopt_items(&self.items, &self.source, self.replace);
    }
}

fn base_name(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default()
}

fn is_attachment_folder(dir: &Path) -> bool {
    let name = base_name(dir);
    name.starts_with("bilag") || name == "attachments" || name == "vedhæftninger" || name == "vedhaeftninger"
}

fn is_attachment_name(name: &str) -> bool {
    name.starts_with("bilag") || name.starts_with("attachment") || name.starts_with("vedhæft")
}

fn is_agenda_name(name: &str) -> bool {
    !is_attachment_name(name)
        && ["dagsorden", "referat", "protokol", "agenda", "beslutning", "minutes"].iter().any(|w| name.contains(w))
}

/// The meeting a file belongs to: its folder, or the parent of a `bilag/` folder.
fn meeting_dir(file: &Path) -> PathBuf {
    let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
    if is_attachment_folder(&dir) {
        if let Some(parent) = dir.parent() {
            return parent.to_path_buf();
        }
    }
    dir
}

/// Groups files by meeting folder. The agenda is the one file named like one (`Dagsorden …`,
/// `Referat …`); when none or several are, the files not named like attachments are candidates.
pub fn meeting_groups(files: &[PathBuf]) -> Vec<MeetingGroup> {
    let mut by_dir: Vec<(PathBuf, Vec<PathBuf>)> = Vec::new();
    for f in files {
        let dir = meeting_dir(f);
        match by_dir.iter_mut().find(|(d, _)| *d == dir) {
            Some((_, v)) => v.push(f.clone()),
            None => by_dir.push((dir, vec![f.clone()])),
        }
    }
    by_dir
        .into_iter()
        .map(|(dir, files)| {
            let named: Vec<PathBuf> = files.iter().filter(|f| is_agenda_name(&base_name(f))).cloned().collect();
            let (agenda, candidates) = if named.len() == 1 {
                (named.first().cloned(), Vec::new())
            } else if named.len() > 1 {
                (None, named)
            } else if files.len() > 1 && files.len() <= MAX_CONTENT_SEARCH {
                (None, files.iter().filter(|f| !is_attachment_name(&base_name(f))).cloned().collect())
            } else {
                (None, Vec::new())
            };
            MeetingGroup { dir, agenda, candidates, files }
        })
        .collect()
}

/// What every file of a run is to be checked against: the manifest, or its meeting's agenda.
#[derive(Debug, Default)]
pub struct MeetingIndex {
    manifest: Option<KnownItems>,
    /// File → (meeting agenda file, its items).
    by_file: HashMap<PathBuf, (PathBuf, KnownItems)>,
}

impl MeetingIndex {
    /// Reads each meeting's agenda (with `read`, which returns a file's pages or `None` when it
    /// cannot be read) and records which files it applies to. With a manifest, no agenda is read.
    pub fn build<F>(files: &[PathBuf], manifest: Option<&Manifest>, read: F) -> MeetingIndex
    where
        F: Fn(&Path) -> Option<Vec<PageText>> + Sync,
    {
        if let Some(m) = manifest {
            return MeetingIndex { manifest: Some(KnownItems::from_manifest(m)), by_file: HashMap::new() };
        }
        let files = with_sibling_agendas(files);
        let groups: Vec<MeetingGroup> = meeting_groups(&files).into_iter().filter(|g| g.files.len() > 1).collect();
        let chosen: Vec<Option<(PathBuf, Agenda)>> = groups.par_iter().map(|g| pick_agenda(g, &read)).collect();
        let mut by_file = HashMap::new();
        for (g, chosen) in groups.iter().zip(chosen) {
            let Some((path, agenda)) = chosen else { continue };
            if agenda.items.is_empty() {
                continue;
            }
            let known = KnownItems {
                items: agenda
                    .items
                    .iter()
                    .map(|i| Item { headings: Vec::new(), pages: Vec::new(), ..i.clone() })
                    .collect(),
                source: format!("meeting agenda {}", path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()),
                replace: false,
                participants: agenda.participants.present.iter().chain(&agenda.participants.absent).cloned().collect(),
            };
            for f in g.files.iter().filter(|f| **f != path) {
                by_file.insert(f.clone(), (path.clone(), known.clone()));
            }
        }
        MeetingIndex { manifest: None, by_file }
    }

    /// The items `file` is to be checked against beyond its own, if any.
    pub fn for_file(&self, file: &Path) -> Option<&KnownItems> {
        self.manifest.as_ref().or_else(|| self.by_file.get(file).map(|(_, k)| k))
    }

    /// The meeting agenda file that applies to `file`.
    pub fn agenda_of(&self, file: &Path) -> Option<&Path> {
        self.by_file.get(file).map(|(p, _)| p.as_path())
    }
}

/// Adds the agenda-named PDFs of each file's meeting folder that were not given, so checking one
/// attachment still checks it against its meeting's agenda.
fn with_sibling_agendas(files: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = files.to_vec();
    let mut dirs: Vec<PathBuf> = files.iter().map(|f| meeting_dir(f)).collect();
    dirs.sort();
    dirs.dedup();
    for dir in dirs {
        let listing = if dir.as_os_str().is_empty() { std::fs::read_dir(".") } else { std::fs::read_dir(&dir) };
        let Ok(entries) = listing else { continue };
        for e in entries.flatten().take(MAX_LISTED) {
            let name = e.file_name().to_string_lossy().to_lowercase();
            if name.ends_with(".pdf") && is_agenda_name(&name) {
                let path = dir.join(e.file_name());
                if !out.contains(&path) && path.is_file() {
                    out.push(path);
                }
            }
        }
    }
    out
}

fn pick_agenda<F>(g: &MeetingGroup, read: &F) -> Option<(PathBuf, Agenda)>
where
    F: Fn(&Path) -> Option<Vec<PageText>> + Sync,
{
    if let Some(a) = &g.agenda {
        return read(a).map(|pages| (a.clone(), infer(&pages)));
    }
    let mut found: Vec<(PathBuf, Agenda)> = g
        .candidates
        .iter()
        .filter_map(|c| read(c).map(|pages| (c.clone(), infer(&pages))))
        .filter(|(_, a)| matches!(a.kind, DocKind::Agenda | DocKind::Minutes) && !a.items.is_empty())
        .collect();
    // Several agendas in one folder are one meeting only when they name the same meeting.
    let first_meeting = found.first().map(|(_, a)| a.meeting.clone());
    if found.iter().any(|(_, a)| Some(&a.meeting) != first_meeting.as_ref()) {
        return None;
    }
    found.sort_by_key(|(_, a)| std::cmp::Reverse(a.items.len()));
    found.into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(v: &[&str]) -> Vec<PathBuf> {
        v.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn agenda_and_bilag_folder_are_one_meeting() {
        let groups = meeting_groups(&paths(&[
            "m/Dagsorden Økonomiudvalget.pdf",
            "m/bilag/Bilag 14.1 Tilbud.pdf",
            "m/Bilag 19.1 Notat.pdf",
            "other/x.pdf",
        ]));
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].dir, PathBuf::from("m"));
        assert_eq!(groups[0].agenda, Some(PathBuf::from("m/Dagsorden Økonomiudvalget.pdf")));
        assert_eq!(groups[0].files.len(), 3);
        assert_eq!(groups[1].agenda, None);
    }

    #[test]
    fn index_applies_the_agenda_to_the_other_files() {
        let files = paths(&["m/Dagsorden.pdf", "m/Bilag 14.1.pdf", "n/alone.pdf"]);
        let index = MeetingIndex::build(&files, None, |p: &Path| {
            (base_name(p) == "dagsorden.pdf").then(|| {
                vec![PageText::from_plain("DAGSORDEN\nPunkt 14: Vejbelysning\nÅbent\nPunkt 19: Personalesag\nLukket")]
            })
        });
        let known = index.for_file(Path::new("m/Bilag 14.1.pdf")).unwrap();
        assert!(known.items.iter().any(|i| i.number == "19" && i.closed));
        assert!(index.for_file(Path::new("m/Dagsorden.pdf")).is_none());
        assert!(index.for_file(Path::new("n/alone.pdf")).is_none());
    }

    #[test]
    fn a_lone_attachment_finds_its_folders_agenda() {
        let dir = std::env::temp_dir().join(format!("leakscan-meeting-{}", std::process::id()));
        let bilag = dir.join("bilag");
        std::fs::create_dir_all(&bilag).unwrap();
        std::fs::write(dir.join("Dagsorden SSU.pdf"), b"%PDF").unwrap();
        std::fs::write(bilag.join("Bilag 14.1.pdf"), b"%PDF").unwrap();
        let attachment = bilag.join("Bilag 14.1.pdf");
        let index = MeetingIndex::build(std::slice::from_ref(&attachment), None, |p: &Path| {
            base_name(p)
                .starts_with("dagsorden")
                .then(|| vec![PageText::from_plain("DAGSORDEN\nPunkt 19: Personalesag\nLukket")])
        });
        let found = index.for_file(&attachment).map(|k| k.items.iter().any(|i| i.number == "19" && i.closed));
        assert_eq!(index.agenda_of(&attachment), Some(dir.join("Dagsorden SSU.pdf").as_path()));
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(found, Some(true));
    }
}
