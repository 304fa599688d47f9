//! Agenda structure: document kind, meeting, participants, table of contents, items (open/closed)
//! with case numbers and pages, attachment sections; and the `closed-item` rule built on it.
//!
//! `infer` reads a document's pages into an `Agenda`. A meeting (an agenda PDF plus attachment
//! PDFs in one folder, see `meeting`) or a manifest from the agenda system (`manifest`) supplies the
//! items for files that do not list them themselves: `Agenda::adopt_items` merges them in. Then
//! `closed_item::check` flags every page carrying a closed item's content.

pub mod case_numbers;
pub mod closed_item;
mod edges;
mod front;
mod headings;
mod infer;
pub mod manifest;
pub mod meeting;
mod toc;
mod words;

#[cfg(test)]
mod tests;

pub use infer::infer;
pub use manifest::Manifest;
pub use meeting::{meeting_groups, KnownItems, MeetingGroup, MeetingIndex};

use serde::{Deserialize, Serialize};

/// What kind of document a PDF is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    /// `DAGSORDEN`: the agenda.
    Agenda,
    /// `REFERAT`, `Beslutningsprotokol`: the minutes.
    Minutes,
    /// A `Bilag`: an attachment to an item.
    Attachment,
    #[default]
    Unknown,
}

impl DocKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Agenda => "agenda (dagsorden)",
            DocKind::Minutes => "minutes (referat)",
            DocKind::Attachment => "attachment (bilag)",
            DocKind::Unknown => "unknown",
        }
    }
}

/// The meeting a document belongs to, as far as it says.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Meeting {
    pub committee: Option<String>,
    /// As printed: `12-03-2024`, `12. marts 2024`.
    pub date: Option<String>,
    pub place: Option<String>,
}

/// People listed as taking part (`Mødedeltagere`) or not (`Afbud`, `Fraværende`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Participants {
    pub present: Vec<String>,
    pub absent: Vec<String>,
}

/// One line of the table of contents (`Indholdsfortegnelse`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TocEntry {
    pub number: String,
    pub title: String,
    /// The page number printed after the title.
    pub printed_page: Option<u32>,
    /// Whether the line marks the item closed (`Lukket`, `(Lukket)`…): `None` when it says nothing.
    pub closed: Option<bool>,
    /// Physical page (1-based) the line sits on.
    pub page: u32,
    #[serde(skip)]
    pub line: usize,
}

/// Where an item's heading occurs: physical page (1-based) and line index on that page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineRef {
    pub page: u32,
    pub line: usize,
}

/// One occurrence of an item's heading, with the lines that belong to it (the heading, a wrapped
/// title, its status and case-number lines): what a correctly published closed item consists of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeadingAt {
    pub at: LineRef,
    /// The heading's title as printed here.
    pub title: String,
    /// Lines of the heading block after the heading line itself (status, case numbers).
    pub block: Vec<LineRef>,
    /// Whether this occurrence lies inside an attachment section (e.g. pages of `Bilag 14.1`).
    pub in_attachment: Option<String>,
}

/// An item on the agenda.
#[derive(Debug, Clone, PartialEq, Serialize, Default, Deserialize)]
pub struct Item {
    /// `19`, as printed.
    pub number: String,
    pub title: String,
    pub closed: bool,
    /// Where closedness was learned: `heading`, `status line`, `toc`, `manifest`, `meeting agenda`…
    pub status_source: Option<String>,
    pub case_numbers: Vec<String>,
    /// Every occurrence of the heading, the first one in the agenda's own order first.
    pub headings: Vec<HeadingAt>,
    /// Physical pages (1-based) from the first heading up to the page before the next item's.
    pub pages: Vec<u32>,
    /// Attachment file names (from a manifest).
    pub attachments: Vec<String>,
}

impl Item {
    /// `19 'Personalesag'`, for messages.
    pub fn label(&self) -> String {
        if self.title.is_empty() {
            self.number.clone()
        } else {
            format!("{} '{}'", self.number, self.title)
        }
    }
}

/// An attachment section: consecutive pages carrying the same `Bilag 14.1: …` running header,
/// or starting with `Bilag til punkt 14`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttachmentSection {
    /// The item number it is attached to, when the label says.
    pub item: Option<String>,
    /// `Bilag 14.1: Tilbud fra entreprenør`, as printed.
    pub label: String,
    pub pages: Vec<u32>,
}

/// Everything inferred about a document's agenda structure.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Agenda {
    pub kind: DocKind,
    pub meeting: Meeting,
    pub participants: Participants,
    pub toc: Vec<TocEntry>,
    pub items: Vec<Item>,
    pub attachments: Vec<AttachmentSection>,
    /// Where the item list came from: `inferred`, or the meeting agenda / manifest it was merged with.
    pub items_from: String,
    /// Lines repeated at the top or bottom of pages (running headers and footers), per page.
    #[serde(skip)]
    pub running_lines: Vec<Vec<usize>>,
    /// Lines the table of contents occupies.
    #[serde(skip)]
    pub toc_lines: Vec<LineRef>,
}

impl Agenda {
    pub fn closed_items(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.closed)
    }

    pub fn item(&self, number: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.number == number)
    }

    /// Takes the items of another source (the meeting's agenda, a manifest) as authoritative:
    /// their titles, status and case numbers win; this document's heading occurrences are kept
    /// when number and title agree. Items only known here stay, unless `replace` (a manifest).
    pub fn adopt_items(&mut self, known: &[Item], source: &str, replace: bool) {
        let mut merged: Vec<Item> = Vec::with_capacity(known.len());
        for k in known {
            let mut item = Item { headings: Vec::new(), pages: Vec::new(), ..k.clone() };
            item.status_source = Some(source.to_string());
            if let Some(local) = self.items.iter().find(|i| i.number == k.number) {
                let agrees = local.headings.iter().any(|h| headings::titles_agree(&h.title, &k.title));
                if agrees || k.title.is_empty() {
                    if !replace && local.closed && !item.closed {
                        item.closed = true;
                        item.status_source.clone_from(&local.status_source);
                    }
                    item.headings = local.headings.clone();
                    item.pages = local.pages.clone();
                    for c in &local.case_numbers {
                        if !item.case_numbers.contains(c) {
                            item.case_numbers.push(c.clone());
                        }
                    }
                }
            }
            merged.push(item);
        }
        if !replace {
            for local in &self.items {
                if !merged.iter().any(|m| m.number == local.number) {
                    merged.push(local.clone());
                }
            }
        }
        self.items = merged;
        self.items_from = source.to_string();
    }
}
