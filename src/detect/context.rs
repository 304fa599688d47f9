//! Document-wide context the rules learn before checking page by page.

use super::Config;
use crate::pdf::PageText;

/// What the rules learn from the whole document before checking it page by page.
#[derive(Debug, Clone, Default)]
pub struct DocContext {
    /// Names of people who appear legitimately (participants, roster, staff signatures), lower-cased.
    pub public_persons: Vec<String>,
}

pub fn build(_pages: &[PageText], _config: &Config) -> DocContext {
    DocContext::default()
}
