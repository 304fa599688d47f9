//! User configuration (`leakscan.toml`): roster of public persons, allowlists, extra rules,
//! severity overrides, limits.

use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Politicians and staff whose names are not leaks.
    pub roster: Vec<String>,
}
