//! User configuration (`leakscan.toml`): roster of public persons, allowlists, extra rules,
//! severity overrides, limits.
//!
//! ```toml
//! roster = ["Anders Andersen", "Birgitte Berg"]      # politicians and staff: not leaks
//! disabled = ["address"]                              # rules not to run / report
//!
//! [municipality]                                      # your own, reported as info/low
//! names = ["Aarhus Kommune"]
//! domains = ["aarhus.dk"]
//! phones = ["89 40 20 00"]
//! addresses = ["Rådhuspladsen 2, 8000 Aarhus C"]
//!
//! [severity]                                          # overrides per rule id
//! phone = "low"
//!
//! [allowlist]                                         # accepted everywhere (or for `rules`)
//! strings = ["post@aarhus.dk"]
//! regexes = ['^Tlf\. 89 40']
//!
//! [[allowlists]]                                      # accepted for some rules only
//! rules = ["address"]
//! strings = ["Rådhuspladsen 2, 8000 Aarhus C"]
//!
//! [[rules]]                                           # your own pattern rules
//! id = "staff-id"
//! description = "Medarbejdernummer"
//! severity = "medium"
//! keywords = ["medarbejder"]
//! pattern = '\bM\d{6}\b'
//!
//! [limits]
//! time_budget_secs = 120
//! max_pages = 5000
//! ```

use super::rulefile::{defaults, Allowlist, CompiledAllowlist, PatternRule, RuleDef};
use super::Severity;
use crate::pdf::Limits;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The name of the configuration file searched for.
pub const CONFIG_FILE_NAME: &str = "leakscan.toml";

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Politicians and staff whose names are not leaks.
    pub roster: Vec<String>,
    /// The user's own municipality: its data is reported as info/low, not as a private person's.
    pub municipality: MunicipalityConfig,
    /// Accepted matches, for every rule (or the rules it names).
    pub allowlist: Allowlist,
    /// More allowlists, each usually for some rules (`rules = ["phone"]`).
    pub allowlists: Vec<Allowlist>,
    /// The user's own pattern rules.
    pub rules: Vec<RuleDef>,
    /// Severity per rule id, replacing the rule's own.
    pub severity: BTreeMap<String, Severity>,
    /// Rule ids whose findings are not reported.
    pub disabled: Vec<String>,
    pub limits: LimitsConfig,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MunicipalityConfig {
    /// `Aarhus Kommune`: its name (also recognised in mail domains).
    pub names: Vec<String>,
    /// Mail domains of the municipality (subdomains count too).
    pub domains: Vec<String>,
    /// Its own phone numbers (switchboard, departments).
    pub phones: Vec<String>,
    /// Its own street addresses (`Rådhuspladsen 2, 8000 Aarhus C`).
    pub addresses: Vec<String>,
}

/// Optional overrides of the reading limits (`pdf::Limits`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LimitsConfig {
    pub max_stream_mb: Option<usize>,
    pub max_file_decoded_mb: Option<u64>,
    pub max_form_depth: Option<u32>,
    pub max_nesting: Option<u32>,
    pub max_ops_per_page: Option<u64>,
    pub max_glyphs_per_page: Option<usize>,
    pub max_pages: Option<usize>,
    pub time_budget_secs: Option<u64>,
}

impl LimitsConfig {
    /// `base` with the configured values put in.
    pub fn apply(&self, mut base: Limits) -> Limits {
        if let Some(v) = self.max_stream_mb {
            base.max_stream_bytes = v.saturating_mul(1 << 20);
        }
        if let Some(v) = self.max_file_decoded_mb {
            base.max_file_decoded_bytes = v.saturating_mul(1 << 20);
        }
        if let Some(v) = self.max_form_depth {
            base.max_form_depth = v;
        }
        if let Some(v) = self.max_nesting {
            base.max_nesting = v;
        }
        if let Some(v) = self.max_ops_per_page {
            base.max_ops_per_page = v;
        }
        if let Some(v) = self.max_glyphs_per_page {
            base.max_glyphs_per_page = v;
        }
        if let Some(v) = self.max_pages {
            base.max_pages = v;
        }
        if let Some(v) = self.time_budget_secs {
            base.time_budget = Duration::from_secs(v);
        }
        base
    }
}

impl Config {
    /// Parses and checks a `leakscan.toml`. Errors say what to fix.
    pub fn from_toml_str(s: &str) -> Result<Config, String> {
        let cfg: Config = toml::from_str(s).map_err(|e| format!("{CONFIG_FILE_NAME}: {e}"))?;
        cfg.validate().map_err(|e| format!("{CONFIG_FILE_NAME}: {e}"))?;
        Ok(cfg)
    }

    /// Reads `path` as a configuration.
    pub fn load(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("could not read {}: {e}", path.display()))?;
        Config::from_toml_str(&text).map_err(|e| e.replacen(CONFIG_FILE_NAME, &path.display().to_string(), 1))
    }

    /// Looks for `leakscan.toml` in `start_dir` and its parents; the first one found is loaded.
    /// `Ok(None)` when there is none.
    pub fn find_and_load(start_dir: &Path) -> Result<Option<(PathBuf, Config)>, String> {
        let mut dir = Some(start_dir);
        while let Some(d) = dir {
            let candidate = d.join(CONFIG_FILE_NAME);
            if candidate.is_file() {
                return Config::load(&candidate).map(|c| Some((candidate, c)));
            }
            dir = d.parent();
        }
        Ok(None)
    }

    /// Every rule id the tool knows: the built-in ones and the user's.
    pub fn known_rule_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = defaults().rules.iter().map(|r| r.id.clone()).collect();
        ids.extend(self.rules.iter().map(|r| r.id.trim().to_string()));
        ids
    }

    fn validate(&self) -> Result<(), String> {
        let builtin: Vec<&str> = defaults().rules.iter().map(|r| r.id.as_str()).collect();
        let mut seen: Vec<&str> = Vec::new();
        for r in &self.rules {
            let id = r.id.trim();
            if builtin.contains(&id) {
                return Err(format!(
                    "[[rules]] `{id}` has the id of a built-in rule; give your rule its own id \
                     (to change a built-in rule's severity use [severity], to accept matches use [allowlist])"
                ));
            }
            if seen.contains(&id) {
                return Err(format!("[[rules]] `{id}` is defined twice; give each rule its own id"));
            }
            if !r.lists.is_empty() {
                return Err(format!("[[rules]] `{id}`: `lists` is only read by built-in rules; remove it"));
            }
            PatternRule::compile(r)?;
            seen.push(id);
        }
        let known = self.known_rule_ids();
        let unknown = |id: &str| !known.iter().any(|k| k == id);
        let valid_ids = || known.join(", ");
        for id in self.severity.keys() {
            if unknown(id) {
                return Err(format!(
                    "[severity] names rule `{id}`, which does not exist; rule ids are: {}",
                    valid_ids()
                ));
            }
        }
        for id in &self.disabled {
            if unknown(id) {
                return Err(format!(
                    "`disabled` names rule `{id}`, which does not exist; rule ids are: {}",
                    valid_ids()
                ));
            }
        }
        for (i, a) in std::iter::once(&self.allowlist).chain(&self.allowlists).enumerate() {
            let owner = if i == 0 { "[allowlist]".to_string() } else { format!("[[allowlists]] #{i}") };
            for id in &a.rules {
                if unknown(id) {
                    return Err(format!(
                        "{owner} names rule `{id}`, which does not exist; rule ids are: {}",
                        valid_ids()
                    ));
                }
            }
            CompiledAllowlist::compile(a, &owner)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_config_is_default() {
        let c = Config::from_toml_str("").unwrap();
        assert!(c.roster.is_empty() && c.rules.is_empty());
    }

    #[test]
    fn full_config_parses() {
        let c = Config::from_toml_str(
            r#"
roster = ["Anders Andersen"]
disabled = ["address"]
[municipality]
names = ["Aarhus Kommune"]
domains = ["aarhus.dk"]
phones = ["89 40 20 00"]
[severity]
phone = "low"
staff-id = "high"
[allowlist]
strings = ["post@aarhus.dk"]
[[allowlists]]
rules = ["address"]
regexes = ['Rådhuspladsen']
[[rules]]
id = "staff-id"
description = "Medarbejdernummer"
keywords = ["medarbejder"]
pattern = '\bM\d{6}\b'
[limits]
time_budget_secs = 5
max_pages = 10
"#,
        )
        .unwrap();
        assert_eq!(c.roster, vec!["Anders Andersen"]);
        assert_eq!(c.severity.get("phone"), Some(&Severity::Low));
        assert_eq!(c.rules[0].id, "staff-id");
        let l = c.limits.apply(Limits::default());
        assert_eq!(l.time_budget, Duration::from_secs(5));
        assert_eq!(l.max_pages, 10);
    }

    #[test]
    fn errors_tell_the_user_what_to_fix() {
        let cases = [
            ("rosterr = []", "unknown field `rosterr`"),
            ("[severity]\nphon = \"low\"", "rule `phon`, which does not exist"),
            ("[severity]\nphone = \"hi\"", "unknown variant `hi`"),
            ("disabled = [\"cprr\"]", "rule `cprr`"),
            ("[[rules]]\nid = \"cpr\"\npattern = 'x'", "id of a built-in rule"),
            ("[[rules]]\nid = \"x\"\npattern = '('", "not a valid regular expression"),
            ("[[rules]]\nid = \"x\"", "no `pattern`"),
            ("[[rules]]\nid = \"x\"\npattern = 'a'\n[[rules]]\nid = \"x\"\npattern = 'b'", "defined twice"),
            ("[allowlist]\nregexes = ['[']", "[allowlist]"),
            ("[[allowlists]]\nrules = [\"foo\"]", "rule `foo`"),
        ];
        for (toml, want) in cases {
            let e = Config::from_toml_str(toml).unwrap_err();
            assert!(e.contains(want), "{toml:?}: {e}");
            assert!(e.starts_with(CONFIG_FILE_NAME), "{e}");
        }
    }

    #[test]
    fn find_and_load_searches_upward() {
        let base = std::env::temp_dir().join(format!("leakscan-config-test-{}", std::process::id()));
        let deep = base.join("a").join("b");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(base.join(CONFIG_FILE_NAME), "roster = [\"Ole\"]").unwrap();
        let (path, cfg) = Config::find_and_load(&deep).unwrap().unwrap();
        assert_eq!(path, base.join(CONFIG_FILE_NAME));
        assert_eq!(cfg.roster, vec!["Ole"]);
        std::fs::write(base.join(CONFIG_FILE_NAME), "roster = 3").unwrap();
        let e = Config::find_and_load(&deep).unwrap_err();
        assert!(e.contains("leakscan.toml") && e.contains("roster"), "{e}");
        std::fs::remove_dir_all(&base).unwrap();
    }
}
