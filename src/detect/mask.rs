//! Masking personal data for output. A report must not become a leak itself: without `--reveal`
//! no format prints a full CPR number.

use regex::Regex;
use std::sync::OnceLock;

/// Masks a CPR-like match as `DDMMYY-XXXX`, keeping the date digits and the separator shape.
pub fn mask_cpr(matched: &str) -> String {
    let digits: Vec<char> = matched.chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.len() < 10 {
        return "XXXXXX-XXXX".to_string();
    }
    let date: String = digits[..6].iter().collect();
    format!("{date}-XXXX")
}

/// Masks every 10-digit run that looks like a CPR number (`DDMMYY` + separator + 4 digits) in
/// free text, such as a finding's context. Masks by shape, without validation, so no CPR slips
/// through a context line even when a rule did not report it.
pub fn mask_cprs_in(text: &str) -> String {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?:^|[^0-9])([0-3][0-9][01][0-9][0-9]{2})(?:[-\u{2010}-\u{2015}\u{2212}\u{FE63}\u{FF0D}/][ \t\u{00A0}]*\n?[ \t\u{00A0}]*|[ \u{00A0}][-\u{2010}-\u{2015}\u{2212}][ \u{00A0}]|[ \u{00A0}\u{202F}\u{2009}\u{2007}]|\s*\n\s*)?([0-9]{4})(?:[^0-9]|$)")
            .expect("static regex")
    });
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut pos = 0;
    while let Some(c) = re.captures_at(text, pos) {
        let (Some(date), Some(serial)) = (c.get(1), c.get(2)) else { break };
        out.push_str(&text[last..date.start()]);
        out.push_str(date.as_str());
        out.push_str(&text[date.end()..serial.start()]);
        out.push_str("XXXX");
        last = serial.end();
        pos = serial.end();
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_serial_keeps_date() {
        assert_eq!(mask_cpr("120387-1234"), "120387-XXXX");
        assert_eq!(mask_cpr("1203871234"), "120387-XXXX");
    }

    #[test]
    fn masks_all_cpr_shapes_in_context() {
        assert_eq!(mask_cprs_in("CPR-nr.: 120387-1234 har"), "CPR-nr.: 120387-XXXX har");
        assert_eq!(mask_cprs_in("a 1203871234 og 010203 4567."), "a 120387XXXX og 010203 XXXX.");
        assert_eq!(mask_cprs_in("tlf 12345678901"), "tlf 12345678901");
        assert_eq!(mask_cprs_in("nr. 120387- 1234 og 120387\u{2013}1234"), "nr. 120387- XXXX og 120387\u{2013}XXXX");
        assert_eq!(mask_cprs_in("nr. 120387-\n1234"), "nr. 120387-\nXXXX");
        assert_eq!(mask_cprs_in("nr. 120387 - 1234"), "nr. 120387 - XXXX");
    }
}
