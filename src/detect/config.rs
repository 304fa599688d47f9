//! User configuration (`leakscan.toml`): roster of public persons, allowlists, extra rules,
//! severity overrides, limits.

use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Politicians and staff whose names are not leaks.
    pub roster: Vec<String>,
}

impl Config {
    /// Parses a `leakscan.toml`; the error says what to fix.
    pub fn from_toml_str(text: &str) -> Result<Config, String> {
        toml::from_str(text).map_err(|e| format!("the configuration is not valid: {e}"))
    }
}
