//! What a reader cannot see but a downloader can: metadata, annotations, bookmarks, embedded
//! files, earlier revisions. Each is turned into text units for the rules, or into findings.

use super::{ReadDocument, Scanner};
use crate::detect::{DocContext, Finding};

impl Scanner {
    /// Checks the parts of the file that are not page content.
    pub(super) fn scan_extras(&self, _read: &ReadDocument, _bytes: &[u8], _ctx: &DocContext, _out: &mut Vec<Finding>) {}
}
