//! Rule `email-header`: a printed Outlook mail (header block) on a page.

use super::{DocContext, Finding, TextUnit};

pub fn check(_unit: &TextUnit<'_>, _doc: &DocContext, _out: &mut Vec<Finding>) {}
