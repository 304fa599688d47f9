//! The name lists under `rules/names/`, embedded, and one lookup that classifies a capitalised word.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A known first name.
pub const FIRST: u8 = 1;
/// A surname that is not an ordinary word: counts after a first name or after initials.
pub const SURNAME: u8 = 2;
/// A surname that is also an ordinary word (Skov, Lund): counts only right after a known first name.
pub const WEAK: u8 = 4;
/// Never a name on its own and never the start of one (agenda words, months, towns).
pub const STOP: u8 = 8;
/// Turns a preceding name into a place (`… Vej`, `… Skolen`).
pub const PLACE: u8 = 16;
/// Not listed, but shaped like a surname (`-sen`, `-gaard`, `-rup`…).
pub const SHAPED: u8 = 32;
/// A listed name with a genitive `s` (`Jensens`).
pub const GENITIVE: u8 = 64;
/// Not a flag of a word: marks a name ended by an unlisted capitalised word after a known first
/// name (`Jan Gehl`).
pub const UNLISTED: u8 = 128;

pub const ANY_SURNAME: u8 = SURNAME | WEAK | SHAPED;

const FIRST_NAMES: &str = include_str!("../../../rules/names/first_names.txt");
const SURNAMES: &str = include_str!("../../../rules/names/surnames.txt");
const WEAK_SURNAMES: &str = include_str!("../../../rules/names/surnames_common_words.txt");
const STOP_WORDS: &str = include_str!("../../../rules/names/stop_words.txt");
const PLACE_WORDS: &str = include_str!("../../../rules/names/place_words.txt");
const STAFF_TITLES: &str = include_str!("../../../rules/names/staff_titles.txt");
const FAMOUS: &str = include_str!("../../../rules/names/famous_persons.txt");

/// Historical and famous persons who name streets, schools and institutions: public in every
/// document.
pub fn famous_persons() -> impl Iterator<Item = &'static str> {
    entries(FAMOUS)
}

/// Endings that make an unlisted word a likely surname. Danish patronymics and farm names,
/// Swedish/Norwegian and Slavic forms.
const SURNAME_ENDINGS: [&str; 24] = [
    "sen", "son", "gaard", "gård", "rup", "strup", "borg", "bjerg", "berg", "holm", "lund", "skov", "dahl", "toft",
    "feldt", "mann", "høj", "bæk", "kjær", "sted", "ović", "ovic", "ski", "ska",
];

pub struct Lexicon {
    words: HashMap<Box<str>, u8>,
    /// Lower-cased endings of job titles (`konsulent`, `chef`…).
    pub staff_titles: Vec<Box<str>>,
}

/// The embedded lists, loaded once per process.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::embedded)
}

fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn embedded() -> Lexicon {
        let mut words: HashMap<Box<str>, u8> = HashMap::with_capacity(1500);
        for (list, flag) in
            [(FIRST_NAMES, FIRST), (SURNAMES, SURNAME), (WEAK_SURNAMES, WEAK), (STOP_WORDS, STOP), (PLACE_WORDS, PLACE)]
        {
            for w in entries(list) {
                *words.entry(w.to_lowercase().into_boxed_str()).or_insert(0) |= flag;
            }
        }
        let staff_titles = entries(STAFF_TITLES).map(|t| t.to_lowercase().into_boxed_str()).collect();
        Lexicon { words, staff_titles }
    }

    /// Flags of a lower-cased word, 0 when unlisted.
    pub fn flags(&self, lower: &str) -> u8 {
        self.words.get(lower).copied().unwrap_or(0)
    }

    /// Classifies `word` (any case). `buf` is scratch space reused across calls, so the hot loop
    /// does not allocate.
    pub fn classify(&self, word: &str, buf: &mut String) -> u8 {
        buf.clear();
        for c in word.chars() {
            if c == '’' {
                buf.push('\'');
            } else if super::tokens::is_hyphen(c) {
                buf.push('-');
            } else {
                buf.extend(c.to_lowercase());
            }
        }
        let direct = self.flags(buf);
        if direct != 0 {
            return direct;
        }
        // The lists spell foreign names without accents (`martinez`); documents keep them.
        if buf.chars().any(|c| fold_accent(c).is_some()) {
            let folded: String = buf.chars().map(|c| fold_accent(c).unwrap_or(c)).collect();
            *buf = folded;
            let direct = self.flags(buf);
            if direct != 0 {
                return direct;
            }
        }
        if buf.contains('-') {
            return self.classify_hyphenated(buf);
        }
        if let Some(stem) = buf.strip_suffix("'s").or_else(|| buf.strip_suffix('s')) {
            let f = self.flags(stem) & (FIRST | SURNAME | WEAK);
            if f != 0 && stem.chars().count() >= 3 {
                return f | GENITIVE;
            }
        }
        if has_surname_shape(buf) {
            return SHAPED;
        }
        0
    }

    /// `Ditte-Marie` is a first name when every part is; `Hansen-Møller` a surname when its last
    /// part is one and the others are names too.
    fn classify_hyphenated(&self, lower: &str) -> u8 {
        let mut all_first = true;
        let mut all_names = true;
        let mut last = 0u8;
        for part in lower.split('-') {
            let f = self.flags(part);
            let f = if f & (FIRST | SURNAME | WEAK) == 0 && has_surname_shape(part) { SHAPED } else { f };
            all_first &= f & FIRST != 0;
            all_names &= f & (FIRST | ANY_SURNAME) != 0;
            last = f;
        }
        if all_first {
            FIRST
        } else if all_names && last & (SURNAME | WEAK) != 0 {
            SURNAME
        } else if all_names && last & SHAPED != 0 {
            SHAPED
        } else {
            0
        }
    }

    /// Whether a lower-cased word ends like a job title of the municipality's staff.
    pub fn is_staff_title(&self, lower_word: &str) -> bool {
        self.staff_titles.iter().any(|t| lower_word.ends_with(&**t))
    }
}

/// The base letter of a lower-case letter with a diacritic that Danish spelling does not use
/// (`í` → `i`, `ş` → `s`); `None` for every other char, so `æ`, `ø`, `å` stay as they are.
fn fold_accent(c: char) -> Option<char> {
    Some(match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'ą' | 'ă' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ę' | 'ě' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ı' => 'i',
        'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'ő' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ű' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'ñ' | 'ń' | 'ň' => 'n',
        'ç' | 'ć' | 'č' => 'c',
        'ş' | 'ś' | 'š' | 'ș' => 's',
        'ğ' => 'g',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ț' | 'ť' => 't',
        'ď' => 'd',
        _ => return None,
    })
}

fn has_surname_shape(lower: &str) -> bool {
    lower.chars().count() >= 5 && SURNAME_ENDINGS.iter().any(|e| lower.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_large_and_classify_words() {
        let lex = lexicon();
        let firsts = lex.words.values().filter(|f| *f & FIRST != 0).count();
        let surnames = lex.words.values().filter(|f| *f & (SURNAME | WEAK) != 0).count();
        assert!(firsts > 500, "{firsts} first names");
        assert!(surnames > 300, "{surnames} surnames");
        let mut buf = String::new();
        assert_eq!(lex.classify("Hanne", &mut buf) & FIRST, FIRST);
        assert_eq!(lex.classify("HANNE", &mut buf) & FIRST, FIRST);
        assert_eq!(lex.classify("Jensen", &mut buf), SURNAME);
        assert_eq!(lex.classify("Jensens", &mut buf), SURNAME | GENITIVE);
        assert_eq!(lex.classify("Skov", &mut buf) & (WEAK | STOP), WEAK | STOP);
        assert_eq!(lex.classify("Hansen-Møller", &mut buf), SURNAME);
        assert_eq!(lex.classify("Ditte-Marie", &mut buf), FIRST);
        assert_eq!(lex.classify("Bjerrekjær", &mut buf), SHAPED);
        assert_eq!(lex.classify("Tirsdag", &mut buf) & STOP, STOP);
        assert_eq!(lex.classify("Til", &mut buf), STOP);
        assert_eq!(lex.classify("Kommunen", &mut buf) & FIRST, 0);
    }

    #[test]
    fn staff_titles_match_compounds() {
        let lex = lexicon();
        assert!(lex.is_staff_title("specialkonsulent"));
        assert!(lex.is_staff_title("afdelingsleder"));
        assert!(lex.is_staff_title("byggesagsbehandler"));
        assert!(!lex.is_staff_title("borger"));
    }
}
