//! Rule `name`: personal names of citizens (not the politicians and officials who legitimately appear).

use super::{DocContext, Finding, TextUnit};

/// `earlier` holds what other rules already found on this unit (a CPR, an address, a mail header
/// next to a name raises its severity).
pub fn check(_unit: &TextUnit<'_>, _doc: &DocContext, _earlier: &[Finding], _out: &mut Vec<Finding>) {}
