//! The facts a CPR number is checked against, loaded from the data files under `rules/cpr/`:
//! the century table, the dates exempt from modulus 11, and calendar arithmetic.

use serde::Deserialize;
use std::sync::OnceLock;

const CENTURY_TOML: &str = include_str!("../../../rules/cpr/century.toml");
const EXCEPTION_DATES_TXT: &str = include_str!("../../../rules/cpr/exception_dates.txt");

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CenturyFile {
    row: Vec<CenturyRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CenturyRow {
    digits: [u8; 2],
    years: [u8; 2],
    century: i32,
}

/// `table[digit][yy]` = the century (1800, 1900, 2000).
pub type CenturyTable = [[i32; 100]; 10];

/// Parses the century table and checks every (digit, year) pair is covered exactly once.
pub fn parse_century_table(toml_text: &str) -> Result<CenturyTable, String> {
    let file: CenturyFile = toml::from_str(toml_text).map_err(|e| format!("century table: {e}"))?;
    let mut table = [[0i32; 100]; 10];
    for r in &file.row {
        let [d0, d1] = r.digits;
        let [y0, y1] = r.years;
        if d0 > d1 || d1 > 9 || y0 > y1 || y1 > 99 || r.century % 100 != 0 {
            return Err(format!(
                "century table: bad row digits {:?} years {:?} century {}",
                r.digits, r.years, r.century
            ));
        }
        for row in &mut table[d0 as usize..=d1 as usize] {
            for cell in &mut row[y0 as usize..=y1 as usize] {
                if *cell != 0 {
                    return Err(format!("century table: rows overlap at digits {:?} years {:?}", r.digits, r.years));
                }
                *cell = r.century;
            }
        }
    }
    if table.iter().flatten().any(|&c| c == 0) {
        return Err("century table: some (digit, year) pairs are not covered".to_string());
    }
    Ok(table)
}

fn century_table() -> Option<&'static CenturyTable> {
    static TABLE: OnceLock<Option<CenturyTable>> = OnceLock::new();
    TABLE.get_or_init(|| parse_century_table(CENTURY_TOML).ok()).as_ref()
}

/// The full birth year for two-digit year `yy` and the CPR's 7th digit.
pub fn full_year(seventh_digit: u8, yy: u8) -> Option<i32> {
    let table = century_table()?;
    let c = *table.get(seventh_digit as usize)?.get(yy as usize)?;
    Some(c + yy as i32)
}

/// Parses `exception_dates.txt`: one ISO date a line, `#` comments.
pub fn parse_exception_dates(text: &str) -> Result<Vec<Date>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let parts: Vec<&str> = line.split('-').collect();
        let parsed = match parts.as_slice() {
            [y, m, d] => y.parse().ok().zip(m.parse().ok()).zip(d.parse().ok()),
            _ => None,
        };
        let Some(((year, month), day)) = parsed else {
            return Err(format!("exception dates, line {}: `{line}` is not YYYY-MM-DD", i + 1));
        };
        let date = Date { year, month, day };
        if !is_real_date(date) {
            return Err(format!("exception dates, line {}: {line} is not a calendar date", i + 1));
        }
        out.push(date);
    }
    out.sort();
    Ok(out)
}

/// Whether a failed modulus-11 check is expected for this birth date.
pub fn is_exception_date(d: Date) -> bool {
    static DATES: OnceLock<Vec<Date>> = OnceLock::new();
    DATES.get_or_init(|| parse_exception_dates(EXCEPTION_DATES_TXT).unwrap_or_default()).binary_search(&d).is_ok()
}

pub fn is_leap_year(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

pub fn is_real_date(d: Date) -> bool {
    (1..=12).contains(&d.month) && d.day >= 1 && d.day <= days_in_month(d.year, d.month)
}

/// Today's date (UTC) from the system clock.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    civil_from_days((secs / 86_400) as i64)
}

/// Days since 1970-01-01 → calendar date (H. Hinnant's `civil_from_days`).
pub fn civil_from_days(z: i64) -> Date {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

/// Modulus 11 with weights 4,3,2,7,6,5,4,3,2,1: the weighted sum is divisible by 11.
pub fn mod11_ok(digits: &[u8; 10]) -> bool {
    const W: [u32; 10] = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
    digits.iter().zip(W).map(|(&d, w)| d as u32 * w).sum::<u32>() % 11 == 0
}

/// What the ten digits of a CPR-shaped number say about themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    /// Not a date (or a future one): not a CPR number.
    NoDate,
    /// Real date, checksum passes.
    Valid,
    /// Real date on the exception list, checksum fails: issued numbers look like this.
    ExceptionDate,
    /// Real date, checksum fails: a CPR only if something else says so (a label).
    ChecksumFails,
}

/// Checks date, century and modulus 11 against `today`.
pub fn validate(digits: &[u8; 10], today: Date) -> (Validity, Option<Date>) {
    let day = (digits[0] * 10 + digits[1]) as u32;
    let month = (digits[2] * 10 + digits[3]) as u32;
    let yy = digits[4] * 10 + digits[5];
    let Some(year) = full_year(digits[6], yy) else { return (Validity::NoDate, None) };
    let date = Date { year, month, day };
    if !is_real_date(date) || date > today {
        return (Validity::NoDate, None);
    }
    let v = if mod11_ok(digits) {
        Validity::Valid
    } else if is_exception_date(date) {
        Validity::ExceptionDate
    } else {
        Validity::ChecksumFails
    };
    (v, Some(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(s: &str) -> [u8; 10] {
        let v: Vec<u8> = s.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
        v.try_into().unwrap()
    }

    #[test]
    fn century_table_every_border() {
        // (7th digit, yy, expected year) at every border of every row, from the official table.
        let cases = [
            (0, 0, 1900),
            (0, 36, 1936),
            (0, 37, 1937),
            (0, 57, 1957),
            (0, 58, 1958),
            (0, 99, 1999),
            (1, 0, 1900),
            (2, 50, 1950),
            (3, 0, 1900),
            (3, 36, 1936),
            (3, 37, 1937),
            (3, 58, 1958),
            (3, 99, 1999),
            (4, 0, 2000),
            (4, 36, 2036),
            (4, 37, 1937),
            (4, 57, 1957),
            (4, 58, 1958),
            (4, 99, 1999),
            (5, 0, 2000),
            (5, 36, 2036),
            (5, 37, 2037),
            (5, 57, 2057),
            (5, 58, 1858),
            (5, 99, 1899),
            (6, 57, 2057),
            (6, 58, 1858),
            (7, 0, 2000),
            (7, 99, 1899),
            (8, 0, 2000),
            (8, 36, 2036),
            (8, 37, 2037),
            (8, 57, 2057),
            (8, 58, 1858),
            (8, 99, 1899),
            (9, 0, 2000),
            (9, 36, 2036),
            (9, 37, 1937),
            (9, 57, 1957),
            (9, 58, 1958),
            (9, 99, 1999),
        ];
        for (d, yy, want) in cases {
            assert_eq!(full_year(d, yy), Some(want), "digit {d}, yy {yy:02}");
        }
        assert_eq!(full_year(10, 0), None);
        assert_eq!(full_year(0, 100), None);
    }

    #[test]
    fn century_table_rejects_gaps_and_overlaps() {
        let gap = "[[row]]\ndigits = [0, 9]\nyears = [0, 98]\ncentury = 1900\n";
        assert!(parse_century_table(gap).unwrap_err().contains("not covered"));
        let overlap = format!("{gap}[[row]]\ndigits = [0, 9]\nyears = [98, 99]\ncentury = 2000\n");
        assert!(parse_century_table(&overlap).unwrap_err().contains("overlap"));
        assert!(parse_century_table(CENTURY_TOML).is_ok());
    }

    #[test]
    fn exception_dates_are_the_26_listed_first_januaries() {
        let dates = parse_exception_dates(EXCEPTION_DATES_TXT).unwrap();
        assert_eq!(dates.len(), 26);
        assert!(dates.iter().all(|d| d.month == 1 && d.day == 1));
        let years: Vec<i32> = dates.iter().map(|d| d.year).collect();
        for y in [1960, 1962, 1964, 1965, 1966, 1967, 1969, 1970, 1974, 1975, 1978, 1980, 1986, 1992, 1994, 1995] {
            assert!(years.contains(&y), "{y}");
        }
        for y in [1961, 1963, 1968, 1971, 1979, 1993, 1996] {
            assert!(!years.contains(&y), "{y}");
        }
        assert!(is_exception_date(Date { year: 1987, month: 1, day: 1 }));
        assert!(!is_exception_date(Date { year: 1987, month: 1, day: 2 }));
        assert!(parse_exception_dates("1987-02-30\n").is_err());
        assert!(parse_exception_dates("1987/01/01\n").is_err());
    }

    #[test]
    fn leap_years_and_month_lengths() {
        assert!(is_real_date(Date { year: 2000, month: 2, day: 29 }));
        assert!(!is_real_date(Date { year: 1900, month: 2, day: 29 }));
        assert!(is_real_date(Date { year: 1988, month: 2, day: 29 }));
        assert!(!is_real_date(Date { year: 1987, month: 2, day: 29 }));
        assert!(!is_real_date(Date { year: 1987, month: 4, day: 31 }));
        assert!(!is_real_date(Date { year: 1987, month: 13, day: 1 }));
        assert!(!is_real_date(Date { year: 1987, month: 0, day: 1 }));
        assert!(!is_real_date(Date { year: 1987, month: 1, day: 0 }));
    }

    #[test]
    fn civil_dates_from_day_numbers() {
        assert_eq!(civil_from_days(0), Date { year: 1970, month: 1, day: 1 });
        assert_eq!(civil_from_days(11_016), Date { year: 2000, month: 2, day: 29 });
        assert_eq!(civil_from_days(-1), Date { year: 1969, month: 12, day: 31 });
        assert!(today().year >= 2024);
    }

    #[test]
    fn modulus_11() {
        // 0707614285: 0*4+7*3+0*2+7*7+6*6+1*5+4*4+2*3+8*2+5*1 = 154 = 14*11.
        assert!(mod11_ok(&digits("070761-4285")));
        assert!(!mod11_ok(&digits("070761-4286")));
    }

    #[test]
    fn validity_policy() {
        let today = Date { year: 2026, month: 11, day: 22 };
        assert_eq!(validate(&digits("0707614285"), today).0, Validity::Valid);
        assert_eq!(validate(&digits("0707614286"), today).0, Validity::ChecksumFails);
        // 1 January 1987 (7th digit 1 → 1900s), checksum fails, exception date.
        let exc = digits("0101871230");
        assert!(!mod11_ok(&exc));
        assert_eq!(validate(&exc, today).0, Validity::ExceptionDate);
        // 1 January 1993 is not on the list: a failed checksum there needs a label.
        let not_exc = digits("0101931230");
        assert!(!mod11_ok(&not_exc));
        assert_eq!(validate(&not_exc, today).0, Validity::ChecksumFails);
        // 30 February never exists; 29 February only in leap years.
        assert_eq!(validate(&digits("3002871234"), today).0, Validity::NoDate);
        assert_eq!(validate(&digits("2902871234"), today).0, Validity::NoDate);
        assert_ne!(validate(&digits("2902881234"), today).0, Validity::NoDate);
        // 2000 is a leap year (7th digit 4, yy 00 → 2000), 1900 is not (7th digit 0).
        assert_ne!(validate(&digits("2902004000"), today).0, Validity::NoDate);
        assert_eq!(validate(&digits("2902000000"), today).0, Validity::NoDate);
        // Future dates: 7th digit 5 with yy 30 → 2030.
        assert_eq!(validate(&digits("0101305000"), today).0, Validity::NoDate);
        // The same yy with 7th digit 9 and year 37 is 1937, not 2037 (the peer scanner's bug).
        assert_eq!(validate(&digits("0101379000"), today).1, Some(Date { year: 1937, month: 1, day: 1 }));
        // Today itself is allowed, tomorrow not.
        let t = Date { year: 2026, month: 11, day: 22 };
        assert_ne!(validate(&digits("2211264000"), t).0, Validity::NoDate);
        assert_eq!(validate(&digits("2311264000"), t).0, Validity::NoDate);
    }
}
