//! Baselines: findings someone has looked at and accepted, stored as hashed fingerprints (never
//! the matched text), so a CI gate passes on them while the report still lists them as suppressed.

use crate::report::FileReport;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct BaselineEntry {
    pub fingerprint: String,
    pub rule: String,
    /// File name (not the matched text), to help a person reading the baseline.
    pub file: String,
    pub page: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<BaselineEntry>,
}

impl Baseline {
    pub fn from_reports(files: &[FileReport], reason: Option<&str>) -> Baseline {
        let mut entries: Vec<BaselineEntry> = files
            .iter()
            .flat_map(|f| {
                let name = Path::new(&f.path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                f.findings.iter().map(move |rf| BaselineEntry {
                    fingerprint: rf.fingerprint.clone(),
                    rule: rf.finding.rule.clone(),
                    file: name.clone(),
                    page: rf.finding.page,
                    reason: reason.map(str::to_string),
                })
            })
            .collect();
        entries.sort_by(|a, b| {
            (&a.file, a.page, &a.rule, &a.fingerprint).cmp(&(&b.file, b.page, &b.rule, &b.fingerprint))
        });
        entries.dedup_by(|a, b| a.fingerprint == b.fingerprint);
        Baseline { version: 1, entries }
    }

    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("could not read the baseline {}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| {
            format!(
                "the baseline {} is not a leakscan baseline ({e}); make it with `leakscan baseline`",
                path.display()
            )
        })
    }

    /// Marks the findings whose fingerprints the baseline holds as suppressed.
    pub fn apply(&self, file: &mut FileReport) {
        let by_fp: HashMap<&str, &BaselineEntry> = self.entries.iter().map(|e| (e.fingerprint.as_str(), e)).collect();
        for rf in &mut file.findings {
            if let Some(e) = by_fp.get(rf.fingerprint.as_str()) {
                rf.suppressed = Some(e.reason.clone().unwrap_or_else(|| "accepted in baseline".to_string()));
            }
        }
    }
}
