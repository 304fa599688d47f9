//! Rule definitions in TOML (gitleaks style): the defaults embedded from `rules/`, plus a user's own.
//!
//! The built-in rules (`cpr`, `phone`, …) keep their logic in code and read their labels and word
//! lists from `rules/rules.toml`; a rule with a `pattern` is a plain regex rule. `Lexicon` is the
//! keyword prefilter shared by the rules: one Aho-Corasick pass over a unit finds every label and
//! stop word with its position.

use super::{Finding, Severity, TextUnit};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The default rule definitions, embedded so `leakscan scan` needs no files around it.
pub const DEFAULT_RULES_TOML: &str = include_str!("../../rules/rules.toml");

/// A `rules.toml`-style file: a list of rules.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RuleFile {
    pub rules: Vec<RuleDef>,
}

/// One rule definition.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RuleDef {
    pub id: String,
    pub description: String,
    pub severity: Option<Severity>,
    /// Labels (built-in rules) or the prefilter words a unit must contain (pattern rules).
    pub keywords: Vec<String>,
    /// A regular expression; a rule with a pattern is run by `PatternRule`.
    pub pattern: Option<String>,
    /// Which capture group of `pattern` is the finding (0 = the whole match).
    pub group: usize,
    /// Show the match in full in reports (default: masked, keeping its first two characters).
    pub reveal: bool,
    pub allowlist: Allowlist,
    /// Named word lists read by built-in rules.
    pub lists: BTreeMap<String, Vec<String>>,
}

/// Matches that are accepted (not reported).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Allowlist {
    /// Rule ids this allowlist applies to (empty: every rule). Used in a config's `[[allowlists]]`.
    pub rules: Vec<String>,
    /// Regular expressions; a finding whose matched text matches one is dropped.
    pub regexes: Vec<String>,
    /// Exact matched texts (compared with spaces trimmed, case-insensitively) that are dropped.
    pub strings: Vec<String>,
    /// Words that, when they occur in the finding's context line, drop it.
    pub stopwords: Vec<String>,
}

/// What `leakscan rules` lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInfo {
    pub id: String,
    pub severity: Severity,
    pub description: String,
}

impl RuleFile {
    pub fn from_toml_str(s: &str) -> Result<RuleFile, String> {
        toml::from_str(s).map_err(|e| format!("rule definitions: {e}"))
    }

    pub fn get(&self, id: &str) -> Option<&RuleDef> {
        self.rules.iter().find(|r| r.id == id)
    }
}

impl RuleDef {
    /// A named list, empty when the rule has none.
    pub fn list(&self, name: &str) -> &[String] {
        self.lists.get(name).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// The embedded defaults, parsed once. The file is part of the binary and tested, so a parse
/// error is a build defect; it still degrades to "no lists" rather than a panic.
pub fn defaults() -> &'static RuleFile {
    static DEFAULTS: OnceLock<RuleFile> = OnceLock::new();
    DEFAULTS.get_or_init(|| RuleFile::from_toml_str(DEFAULT_RULES_TOML).unwrap_or_default())
}

/// The default rule `id`, or an empty definition.
pub fn default_rule(id: &str) -> &'static RuleDef {
    static EMPTY: OnceLock<RuleDef> = OnceLock::new();
    defaults().get(id).unwrap_or_else(|| EMPTY.get_or_init(RuleDef::default))
}

// ---------------------------------------------------------------------------------------------
// Keyword lexicon (the Aho-Corasick prefilter)

/// A keyword found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    /// Bit set of the groups the keyword was registered under (a word may be in several lists).
    pub kinds: u32,
}

impl Hit {
    pub fn is(&self, mask: u32) -> bool {
        self.kinds & mask != 0
    }
}

/// How one list registered a keyword.
#[derive(Debug, Clone, Copy)]
struct Entry {
    kind: u32,
    /// Written `word*`: may continue (`cpr*` matches `CPR-nummeret`).
    prefix: bool,
    /// Written `*word`: may end a longer word (`*forvaltning*` matches `Miljøforvaltningen`).
    infix: bool,
}

/// Case-insensitive keywords in groups, found in one pass. A keyword must start at a word
/// boundary unless written with a leading `*`, and end at one unless written with a trailing `*`.
pub struct Lexicon {
    ac: Option<AhoCorasick>,
    /// Per pattern: how it was registered (group bits, compound rules).
    meta: Vec<Vec<Entry>>,
}

impl Lexicon {
    /// A lexicon that finds nothing.
    pub fn empty() -> Lexicon {
        Lexicon { ac: None, meta: Vec::new() }
    }

    /// `groups`: (group bit, words). Words may repeat across groups.
    pub fn new<'a>(groups: impl IntoIterator<Item = (u32, &'a [String])>) -> Result<Lexicon, String> {
        let mut patterns: Vec<String> = Vec::new();
        let mut meta: Vec<Vec<Entry>> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut add = |pattern: String, kind: u32, prefix: bool, infix: bool| {
            let i = *index.entry(pattern.clone()).or_insert_with(|| {
                patterns.push(pattern);
                meta.push(Vec::new());
                meta.len() - 1
            });
            meta[i].push(Entry { kind, prefix, infix });
        };
        for (kind, words) in groups {
            for w in words {
                let w = w.trim();
                let (w, infix) = match w.strip_prefix('*') {
                    Some(p) => (p, true),
                    None => (w, false),
                };
                let (word, prefix) = match w.strip_suffix('*') {
                    Some(p) => (p, true),
                    None => (w, false),
                };
                if word.is_empty() {
                    continue;
                }
                // ASCII case folding is done by the automaton; Danish letters get explicit
                // lower- and upper-case variants (`rådhus`, `RÅDHUS`; `Rådhus` folds to the first).
                let lower = word.to_lowercase();
                let upper = word.to_uppercase();
                if !upper.is_ascii() && upper.to_ascii_lowercase() != lower {
                    add(upper, kind, prefix, infix);
                }
                add(lower, kind, prefix, infix);
            }
        }
        if patterns.is_empty() {
            return Ok(Lexicon::empty());
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| format!("keyword list: {e}"))?;
        Ok(Lexicon { ac: Some(ac), meta })
    }

    /// Every keyword in `text`, in order, at word boundaries.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let Some(ac) = &self.ac else { return Vec::new() };
        let mut hits = Vec::new();
        for m in ac.find_iter(text) {
            let Some(meta) = self.meta.get(m.pattern().as_usize()) else { continue };
            let starts_word = !text[..m.start()].chars().next_back().is_some_and(char::is_alphanumeric);
            let ends_word = !text[m.end()..].chars().next().is_some_and(char::is_alphanumeric);
            let kinds =
                meta.iter().filter(|e| (e.infix || starts_word) && (e.prefix || ends_word)).fold(0, |k, e| k | e.kind);
            if kinds != 0 {
                hits.push(Hit { start: m.start(), end: m.end(), kinds });
            }
        }
        hits
    }

    /// Whether `text` contains any keyword at word boundaries.
    pub fn any(&self, text: &str) -> bool {
        !self.find(text).is_empty()
    }
}

/// The hit of one of the groups in `mask` that ends last at or before `pos`, on the same line,
/// no further than `max_gap` bytes before it.
pub fn nearest_before(hits: &[Hit], text: &str, pos: usize, max_gap: usize, mask: u32) -> Option<Hit> {
    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let i = hits.partition_point(|h| h.start < pos);
    hits[..i]
        .iter()
        .rev()
        .take_while(|h| h.start >= line_start)
        .filter(|h| h.end <= pos && pos - h.end <= max_gap)
        .find(|h| h.is(mask))
        .copied()
}

/// Whether a hit of one of the groups in `mask` lies anywhere in `range`.
pub fn any_in(hits: &[Hit], range: std::ops::Range<usize>, mask: u32) -> bool {
    let i = hits.partition_point(|h| h.start < range.start);
    hits[i..].iter().take_while(|h| h.start < range.end).any(|h| h.is(mask))
}

/// Byte range covering the line holding `pos` and `before` lines above and `after` lines below.
pub fn lines_around(text: &str, pos: usize, before: usize, after: usize) -> std::ops::Range<usize> {
    let pos = pos.min(text.len());
    let mut start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    for _ in 0..before {
        if start == 0 {
            break;
        }
        start = text[..start - 1].rfind('\n').map_or(0, |i| i + 1);
    }
    let mut end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    for _ in 0..after {
        if end >= text.len() {
            break;
        }
        end = text[end + 1..].find('\n').map_or(text.len(), |i| end + 1 + i);
    }
    start..end
}

/// A short context for a match at `range`: its line, cut to about `radius` bytes on each side,
/// on char boundaries.
pub fn context_of(text: &str, range: std::ops::Range<usize>, radius: usize) -> String {
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[range.end..].find('\n').map_or(text.len(), |i| range.end + i);
    let mut start = range.start.saturating_sub(radius).max(line_start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (range.end + radius).min(line_end);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[start..end].replace('\n', " ").trim().to_string()
}

// ---------------------------------------------------------------------------------------------
// Pattern rules (a user's own rules) and allowlists

/// A compiled regex rule.
pub struct PatternRule {
    pub id: String,
    pub description: String,
    pub severity: Severity,
    regex: Regex,
    group: usize,
    reveal: bool,
    prefilter: Lexicon,
    has_keywords: bool,
    allow: CompiledAllowlist,
}

impl PatternRule {
    pub fn compile(def: &RuleDef) -> Result<PatternRule, String> {
        let id = def.id.trim();
        if id.is_empty() {
            return Err("a rule has no `id`: give every [[rules]] entry an id such as \"staff-id\"".to_string());
        }
        let pattern = def
            .pattern
            .as_deref()
            .ok_or_else(|| format!("rule `{id}` has no `pattern`: give it a regular expression, or remove the rule"))?;
        let regex = Regex::new(pattern)
            .map_err(|e| format!("rule `{id}`: its `pattern` is not a valid regular expression: {e}"))?;
        if def.group > regex.captures_len().saturating_sub(1) {
            return Err(format!(
                "rule `{id}`: `group = {}` but the pattern has only {} capture group(s)",
                def.group,
                regex.captures_len() - 1
            ));
        }
        let prefilter = Lexicon::new([(1u32, def.keywords.as_slice())])?;
        Ok(PatternRule {
            id: id.to_string(),
            description: def.description.clone(),
            severity: def.severity.unwrap_or(Severity::Medium),
            regex,
            group: def.group,
            reveal: def.reveal,
            has_keywords: !def.keywords.is_empty(),
            prefilter,
            allow: CompiledAllowlist::compile(&def.allowlist, &format!("rule `{id}`"))?,
        })
    }

    pub fn check(&self, unit: &TextUnit<'_>, out: &mut Vec<Finding>) {
        let text = unit.text.text.as_str();
        if self.has_keywords && !self.prefilter.any(text) {
            return;
        }
        for caps in self.regex.captures_iter(text) {
            let Some(m) = caps.get(self.group) else { continue };
            if m.as_str().trim().is_empty() {
                continue;
            }
            let mut f = unit.finding(&self.id, self.severity, m.as_str(), String::new());
            f.masked_text = if self.reveal { m.as_str().to_string() } else { mask_generic(m.as_str()) };
            f.message = format!("{} fundet: {}", self.description_or_id(), f.masked_text);
            f.context = context_of(text, m.range(), 60);
            f.bbox = unit.text.bbox_of(m.range());
            f.confidence = 0.8;
            if !self.allow.allows(&f) {
                out.push(f);
            }
        }
    }

    fn description_or_id(&self) -> &str {
        if self.description.is_empty() {
            &self.id
        } else {
            &self.description
        }
    }
}

/// Keeps the first two characters of a match and masks the other letters and digits.
pub fn mask_generic(s: &str) -> String {
    s.chars().enumerate().map(|(i, c)| if i >= 2 && c.is_alphanumeric() { 'X' } else { c }).collect()
}

/// An allowlist with its regexes compiled.
#[derive(Default)]
pub struct CompiledAllowlist {
    /// Rule ids it applies to; empty: all.
    pub rules: Vec<String>,
    regexes: Vec<Regex>,
    strings: Vec<String>,
    stopwords: Vec<String>,
}

impl CompiledAllowlist {
    pub fn compile(a: &Allowlist, owner: &str) -> Result<CompiledAllowlist, String> {
        let regexes = a
            .regexes
            .iter()
            .map(|r| {
                Regex::new(r)
                    .map_err(|e| format!("{owner}: allowlist regex `{r}` is not a valid regular expression: {e}"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(CompiledAllowlist {
            rules: a.rules.iter().map(|r| r.trim().to_string()).collect(),
            regexes,
            strings: a.strings.iter().map(|s| normalise(s)).collect(),
            stopwords: a.stopwords.iter().map(|s| s.to_lowercase()).collect(),
        })
    }

    pub fn applies_to(&self, rule: &str) -> bool {
        self.rules.is_empty() || self.rules.iter().any(|r| r == rule)
    }

    /// Whether `f` is accepted by this allowlist (and so must not be reported).
    pub fn allows(&self, f: &Finding) -> bool {
        if !self.applies_to(&f.rule) {
            return false;
        }
        let text = normalise(&f.text);
        if self.strings.contains(&text) {
            return true;
        }
        if self.regexes.iter().any(|r| r.is_match(&f.text)) {
            return true;
        }
        if !self.stopwords.is_empty() {
            let ctx = f.context.to_lowercase();
            if self.stopwords.iter().any(|w| ctx.contains(w.as_str())) {
                return true;
            }
        }
        false
    }
}

/// Lower case, whitespace runs (including line breaks and no-break spaces) as one space.
fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

// ---------------------------------------------------------------------------------------------
// The compiled rule set of one run: built-in rules' metadata, the user's rules and policy

/// What a configuration adds to the built-in rules, compiled once per run.
pub struct RuleSet {
    pattern_rules: Vec<PatternRule>,
    allowlists: Vec<CompiledAllowlist>,
    severity: BTreeMap<String, Severity>,
    disabled: Vec<String>,
    /// The public sector's and the user's municipality's own contact data.
    pub municipal: super::contact::Municipal,
}

impl RuleSet {
    pub fn new(config: &super::Config) -> Result<RuleSet, String> {
        let pattern_rules = config.rules.iter().map(PatternRule::compile).collect::<Result<Vec<_>, _>>()?;
        let mut allowlists = Vec::new();
        for (i, a) in std::iter::once(&config.allowlist).chain(&config.allowlists).enumerate() {
            let owner = if i == 0 { "[allowlist]".to_string() } else { format!("[[allowlists]] #{i}") };
            allowlists.push(CompiledAllowlist::compile(a, &owner)?);
        }
        Ok(RuleSet {
            pattern_rules,
            allowlists,
            severity: config.severity.clone(),
            disabled: config.disabled.clone(),
            municipal: super::contact::Municipal::with_config(&config.municipality),
        })
    }

    /// Runs the user's pattern rules over `unit`.
    pub fn scan_extra(&self, unit: &TextUnit<'_>, out: &mut Vec<Finding>) {
        for r in &self.pattern_rules {
            if !self.disabled.contains(&r.id) {
                r.check(unit, out);
            }
        }
    }

    /// Drops disabled and allowlisted findings from `findings[start..]` and applies severity
    /// overrides. Idempotent, so it may run on findings that already went through it.
    pub fn apply(&self, findings: &mut Vec<Finding>, start: usize) {
        let start = start.min(findings.len());
        let mut i = start;
        while i < findings.len() {
            let f = &findings[i];
            if self.disabled.contains(&f.rule) || self.allowlists.iter().any(|a| a.allows(f)) {
                findings.remove(i);
                continue;
            }
            if let Some(s) = self.severity.get(&findings[i].rule) {
                findings[i].severity = *s;
            }
            i += 1;
        }
    }

    /// Every rule: the built-in ones from `rules/rules.toml`, then the user's, with the
    /// severity a finding gets by default (after overrides); disabled rules left out.
    pub fn infos(&self) -> Vec<RuleInfo> {
        let builtin = defaults().rules.iter().map(|r| RuleInfo {
            id: r.id.clone(),
            severity: r.severity.unwrap_or(Severity::Medium),
            description: r.description.clone(),
        });
        let user = self.pattern_rules.iter().map(|r| RuleInfo {
            id: r.id.clone(),
            severity: r.severity,
            description: r.description.clone(),
        });
        builtin
            .chain(user)
            .filter(|r| !self.disabled.contains(&r.id))
            .map(|mut r| {
                if let Some(s) = self.severity.get(&r.id) {
                    r.severity = *s;
                }
                r
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::PageText;

    #[test]
    fn embedded_defaults_parse_and_name_every_builtin_rule() {
        let f = RuleFile::from_toml_str(DEFAULT_RULES_TOML).unwrap();
        for id in [
            "cpr",
            "name",
            "email-header",
            "email-address",
            "phone",
            "address",
            "closed-item",
            "hidden-text",
            "metadata",
            "annotation",
            "embedded-file",
            "revision",
            "no-text-layer",
        ] {
            let r = f.get(id).unwrap_or_else(|| panic!("rule {id} missing"));
            assert!(!r.description.is_empty(), "{id} has no description");
            assert!(r.severity.is_some(), "{id} has no severity");
        }
        assert!(!default_rule("cpr").list("suppress_before").is_empty());
    }

    #[test]
    fn lexicon_respects_word_boundaries_and_compounds() {
        let words = vec!["konto".to_string(), "cpr*".to_string(), "rådhus*".to_string()];
        let lx = Lexicon::new([(1u32, words.as_slice())]).unwrap();
        let t = "Kontoret: CPR-nummeret og Konto 12 ved RÅDHUSPLADSEN og cprnr";
        let hits = lx.find(t);
        let found: Vec<&str> = hits.iter().map(|h| &t[h.start..h.end]).collect();
        assert_eq!(found, vec!["CPR", "Konto", "RÅDHUS", "cpr"]);
        assert!(lx.find("ocean kontor xcpr").is_empty());
        // A word in two lists, once as a compound and once whole: the kinds depend on the ending.
        let a = vec!["mobil*".to_string()];
        let b = vec!["mobil".to_string()];
        let lx = Lexicon::new([(1u32, a.as_slice()), (2u32, b.as_slice())]).unwrap();
        assert_eq!(lx.find("Mobil: 1")[0].kinds, 3);
        assert_eq!(lx.find("Mobilnr. 1")[0].kinds, 1);
        let c = vec!["*forvaltning*".to_string()];
        let lx = Lexicon::new([(1u32, c.as_slice())]).unwrap();
        assert_eq!(lx.find("Teknik- og Miljøforvaltningen").len(), 1);
    }

    #[test]
    fn nearest_before_stays_on_the_line_and_within_the_gap() {
        let a = vec!["p-nr*".to_string()];
        let b = vec!["cpr*".to_string()];
        let lx = Lexicon::new([(1u32, a.as_slice()), (2u32, b.as_slice())]).unwrap();
        let t = "P-nr. 1234\nCPR-nr.: 120387-1234 og P-nr.: x";
        let hits = lx.find(t);
        let pos = t.find("120387").unwrap();
        assert_eq!(nearest_before(&hits, t, pos, 30, 1 | 2).map(|h| h.kinds), Some(2));
        assert_eq!(nearest_before(&hits, t, pos, 30, 1), None, "P-nr. on the line above must not count");
        assert_eq!(nearest_before(&hits, t, pos, 3, 2), None, "too far");
    }

    #[test]
    fn pattern_rule_finds_masks_and_honours_keywords_and_allowlist() {
        let def = RuleDef {
            id: "staff-id".into(),
            description: "Medarbejdernummer".into(),
            severity: Some(Severity::Low),
            keywords: vec!["medarb*".into()],
            pattern: Some(r"\bM(\d{6})\b".into()),
            allowlist: Allowlist { strings: vec!["M000000".into()], ..Default::default() },
            ..Default::default()
        };
        let rule = PatternRule::compile(&def).unwrap();
        let page = PageText::from_plain("Medarbejder M123456 og M000000");
        let mut out = Vec::new();
        rule.check(&TextUnit::page(&page, 1), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].text, "M123456");
        assert_eq!(out[0].masked_text, "M1XXXXX");
        assert!(!out[0].message.contains("M123456"));
        let page = PageText::from_plain("Nummer M123456");
        let mut out = Vec::new();
        rule.check(&TextUnit::page(&page, 1), &mut out);
        assert!(out.is_empty(), "no keyword on the page: the prefilter skips it");
    }

    #[test]
    fn pattern_rule_errors_tell_what_to_fix() {
        let def = RuleDef { id: "x".into(), pattern: Some("(".into()), ..Default::default() };
        let e = PatternRule::compile(&def).err().unwrap();
        assert!(e.contains("rule `x`") && e.contains("not a valid regular expression"), "{e}");
        let def = RuleDef { id: "x".into(), ..Default::default() };
        assert!(PatternRule::compile(&def).err().unwrap().contains("no `pattern`"));
    }

    #[test]
    fn rule_set_applies_disabled_allowlists_and_overrides() {
        let cfg = crate::detect::Config::from_toml_str(
            r#"
disabled = ["address"]
[severity]
phone = "info"
[allowlist]
strings = ["post@aarhus.dk"]
[[allowlists]]
rules = ["email-address"]
regexes = ['@firma\.dk$']
"#,
        )
        .unwrap();
        let set = RuleSet::new(&cfg).unwrap();
        let mk = |rule: &str, text: &str| Finding::new(rule, Severity::Medium, Some(1), text, String::new());
        let mut fs = vec![
            mk("cpr", "x"),
            mk("address", "Vej 1, 8000 Aarhus"),
            mk("phone", "12345678"),
            mk("email-address", "POST@aarhus.dk"),
            mk("email-address", "ole@firma.dk"),
            mk("phone", "ole@firma.dk"),
        ];
        set.apply(&mut fs, 1);
        let got: Vec<(&str, Severity)> = fs.iter().map(|f| (f.rule.as_str(), f.severity)).collect();
        assert_eq!(got, vec![("cpr", Severity::Medium), ("phone", Severity::Info), ("phone", Severity::Info)]);
        let infos = set.infos();
        assert!(infos.iter().any(|r| r.id == "phone" && r.severity == Severity::Info));
        assert!(!infos.iter().any(|r| r.id == "address"));
        assert!(infos.iter().any(|r| r.id == "cpr" && r.severity == Severity::High));
    }

    #[test]
    fn lines_around_and_context() {
        let t = "a\nbb\nccc\ndddd";
        let p = t.find("ccc").unwrap();
        assert_eq!(&t[lines_around(t, p, 1, 1)], "bb\nccc\ndddd");
        assert_eq!(&t[lines_around(t, p, 5, 0)], "a\nbb\nccc");
        assert_eq!(context_of("xx\nhej med dig\nyy", 7..10, 60), "hej med dig");
    }
}
