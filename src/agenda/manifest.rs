//! The agenda manifest (`--agenda-manifest FILE`): the items of a meeting as the agenda system
//! knows them. It overrides what is inferred from the PDFs. Format: see README.md, "Agendas, meeting folders and the agenda manifest".

use super::{Item, Meeting};
use serde::Deserialize;

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    #[serde(default)]
    pub meeting: ManifestMeeting,
    pub items: Vec<ManifestItem>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestMeeting {
    #[serde(default)]
    pub committee: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
}

/// An item number may be written as a number or a string.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum ItemNumber {
    Number(u32),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestItem {
    pub number: ItemNumber,
    #[serde(default)]
    pub title: String,
    /// `closed` / `open` (also `lukket` / `åben`, `åbent`).
    pub status: String,
    #[serde(default)]
    pub case_numbers: Vec<String>,
    /// Attachment file names; a file with one of these names is checked as this item's.
    #[serde(default)]
    pub attachments: Vec<String>,
}

fn parse_status(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "closed" | "lukket" | "lukket punkt" => Some(true),
        "open" | "åben" | "åbent" | "aaben" | "aabent" | "åbent punkt" => Some(false),
        _ => None,
    }
}

impl Manifest {
    /// Parses and checks a manifest; the error is one sentence for the user.
    pub fn parse(json: &str) -> Result<Manifest, String> {
        let m: Manifest = serde_json::from_str(json).map_err(|e| format!("the agenda manifest is not valid: {e}"))?;
        for (n, item) in m.items.iter().enumerate() {
            if parse_status(&item.status).is_none() {
                return Err(format!(
                    "the agenda manifest's item {} has status `{}`: use \"closed\" or \"open\"",
                    n + 1,
                    item.status
                ));
            }
        }
        Ok(m)
    }

    pub fn load(path: &std::path::Path) -> Result<Manifest, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("could not read the agenda manifest {}: {e}", path.display()))?;
        Manifest::parse(&text)
    }

    pub fn meeting(&self) -> Meeting {
        Meeting {
            committee: self.meeting.committee.clone(),
            date: self.meeting.date.clone(),
            place: self.meeting.place.clone(),
        }
    }

    /// The items, in the shape the agenda reader produces.
    pub fn items(&self) -> Vec<Item> {
        self.items
            .iter()
            .map(|m| Item {
                number: match &m.number {
                    ItemNumber::Number(n) => n.to_string(),
                    ItemNumber::Text(t) => t.trim().trim_end_matches('.').trim_start_matches('0').to_string(),
                },
                title: m.title.trim().to_string(),
                closed: parse_status(&m.status).unwrap_or(false),
                status_source: Some("manifest".to_string()),
                case_numbers: m.case_numbers.iter().map(|c| super::words::plain_punctuation(c.trim())).collect(),
                attachments: m.attachments.clone(),
                ..Default::default()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_items() {
        let m = Manifest::parse(
            r#"{"meeting": {"committee": "Økonomiudvalget", "date": "2024-03-12"},
                "items": [{"number": 14, "title": "Vejbelysning", "status": "open", "attachments": ["Bilag 14.1 Tilbud.pdf"]},
                          {"number": "19", "title": "Personalesag", "status": "closed", "case_numbers": ["326-2023-11347"]}]}"#,
        )
        .unwrap();
        let items = m.items();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].number, "14");
        assert!(!items[0].closed);
        assert_eq!(items[0].attachments, vec!["Bilag 14.1 Tilbud.pdf"]);
        assert!(items[1].closed);
        assert_eq!(items[1].case_numbers, vec!["326-2023-11347"]);
        assert_eq!(m.meeting().committee.as_deref(), Some("Økonomiudvalget"));
    }

    #[test]
    fn bad_status_and_unknown_fields_are_errors() {
        let e = Manifest::parse(r#"{"items": [{"number": 1, "status": "hemmelig"}]}"#).unwrap_err();
        assert!(e.contains("closed"), "{e}");
        assert!(Manifest::parse(r#"{"items": [], "extra": 1}"#).is_err());
    }
}
