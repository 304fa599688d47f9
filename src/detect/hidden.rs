//! Rules over page content rather than text: `hidden-text` (covered, white, off-page, tiny text)
//! and `no-text-layer` (a page that is only images).

use super::Finding;
use crate::pdf::PageContent;

/// Checks one page's painted content. Called once per page while the content is at hand.
pub fn check_page(_content: &PageContent, _out: &mut Vec<Finding>) {}
