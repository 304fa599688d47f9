//! Rules `email-address`, `phone`, `address`: contact data of private persons.

use super::{DocContext, Finding, TextUnit};

pub fn check(_unit: &TextUnit<'_>, _doc: &DocContext, _out: &mut Vec<Finding>) {}
