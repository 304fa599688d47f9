//! Splitting a line into words and finding the word runs that form a person's name.

use super::lexicon::{Lexicon, ANY_SURNAME, FIRST, GENITIVE, PLACE, SHAPED, STOP, SURNAME, UNLISTED, WEAK};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `Hanne`
    Cap,
    /// `HANNE`
    AllCaps,
    /// `borger`
    Lower,
    /// `van`, `de`, `dos`, `von`, `bin`: a lower-case particle inside a surname (`Lasse van Dijk`)
    Particle,
    /// `K.` (a single capital with a dot)
    Initial,
    /// `K` (a single capital without a dot): a middle initial only
    Letter,
    /// `hr.`, `fru`, `Hr.`: a courtesy title before a surname
    Courtesy,
    /// Digits and anything else that is not a word.
    Other,
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Byte range in the line.
    pub start: usize,
    pub end: usize,
    pub shape: Shape,
    /// Lexicon flags (only for capitalised words; 0 otherwise).
    pub flags: u8,
    /// Only a little whitespace separates it from the previous token, so both can be one name.
    pub glued: bool,
    /// First token of the line or after `.`, `!`, `?`: capitalised for grammar, not as a name.
    pub sentence_start: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        matches!(self.shape, Shape::Cap | Shape::AllCaps)
    }
}

/// Splits `line` into `out` (cleared first), classifying capitalised words with `lex`.
pub fn tokenize(line: &str, lex: &Lexicon, buf: &mut String, out: &mut Vec<Token>) {
    out.clear();
    let bytes = line.as_bytes();
    let mut pos = 0;
    let mut gap_spaces = 0usize;
    let mut gap_clean = false;
    let mut sentence_start = true;
    while pos < line.len() {
        let Some(c) = line[pos..].chars().next() else { break };
        if c.is_whitespace() {
            gap_spaces += 1;
            pos += c.len_utf8();
            continue;
        }
        let start = pos;
        let glued = gap_clean && gap_spaces <= 2;
        if c.is_alphabetic() {
            let mut end = pos + c.len_utf8();
            let mut upper = c.is_uppercase() as usize;
            let mut lower = c.is_lowercase() as usize;
            let mut letters = 1usize;
            while let Some(d) = line[end..].chars().next() {
                if d.is_alphabetic() {
                    upper += d.is_uppercase() as usize;
                    lower += d.is_lowercase() as usize;
                    letters += 1;
                    end += d.len_utf8();
                } else if (d == '\'' || d == '’' || is_hyphen(d))
                    && line[end + d.len_utf8()..].chars().next().is_some_and(char::is_alphabetic)
                {
                    end += d.len_utf8();
                } else {
                    break;
                }
            }
            let word = &line[start..end];
            let dot_after = bytes.get(end) == Some(&b'.');
            let after_particle = out.last().is_some_and(|p| p.shape == Shape::Particle) && glued;
            let mut prefixed = None;
            let (shape, consumed) = if is_wrapped_fragment(&line[end..]) {
                (Shape::Other, end)
            } else if letters == 1 && upper == 1 && dot_after {
                (Shape::Initial, end + 1)
            } else if letters == 1 && upper == 1 {
                (Shape::Letter, end)
            } else if is_courtesy(word) && (dot_after || !word.ends_with('r')) {
                (Shape::Courtesy, if dot_after { end + 1 } else { end })
            } else if c.is_uppercase() && lower > 0 {
                (Shape::Cap, end)
            } else if upper >= 2 && lower == 0 {
                (Shape::AllCaps, end)
            } else if upper == 0 && (PARTICLES.contains(&word) || after_particle && SECOND_PARTICLES.contains(&word)) {
                (Shape::Particle, end)
            } else if let Some(f) = c.is_lowercase().then(|| prefixed_surname(word, lex, buf)).flatten() {
                // `al-Hassan`, `d'Angelo`: a surname although it starts lower-case.
                prefixed = Some(f);
                (Shape::Cap, end)
            } else if lower > 0 {
                (Shape::Lower, end)
            } else {
                (Shape::Other, end)
            };
            let flags = match prefixed {
                Some(f) => f,
                None if matches!(shape, Shape::Cap | Shape::AllCaps) => lex.classify(word, buf),
                None => 0,
            };
            out.push(Token { start, end, shape, flags, glued, sentence_start });
            pos = consumed;
            // A word's own dot (`kommune.`) is left for the punctuation branch: it ends a sentence.
            sentence_start = false;
            gap_clean = true;
        } else if c.is_ascii_digit() {
            let mut end = pos;
            while let Some(d) = line[end..].chars().next().filter(|d| d.is_alphanumeric()) {
                end += d.len_utf8();
            }
            out.push(Token { start, end, shape: Shape::Other, flags: 0, glued, sentence_start });
            pos = end;
            sentence_start = false;
            gap_clean = true;
        } else {
            pos += c.len_utf8();
            sentence_start = matches!(c, '.' | '!' | '?' | '•' | '–' | '-' | ':');
            gap_clean = false;
        }
        gap_spaces = 0;
    }
}

/// `Mor-` at the end of a line is the first part of a hyphenated line break (`Mor-\ngan`).
pub fn is_wrapped_fragment(after_word: &str) -> bool {
    after_word.strip_prefix(|c| is_hyphen(c) || c == '\u{ad}').is_some_and(|rest| rest.trim().is_empty())
}

/// Hyphens inside double names as producers write them: Word's no-break hyphen (U+2011),
/// U+2010, and ps2pdf's `/minus` (U+2212) for a Latin-1 re-encoded `-`.
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2212}')
}

/// Lower-case particles that open a surname (`van Dijk`, `de Souza`, `dos Santos`, `bin Laden`).
const PARTICLES: [&str; 17] =
    ["van", "von", "de", "da", "das", "dos", "do", "del", "della", "di", "du", "la", "le", "bin", "ibn", "ter", "ten"];

/// Particles that only follow another one (`van der Berg`, `von den Driesch`): on their own they
/// are Danish words (`der`, `den`).
const SECOND_PARTICLES: [&str; 2] = ["der", "den"];

/// Lower-case prefixes glued to an Arabic or Italian surname (`al-Hassan`, `el-Sayed`, `d'Angelo`).
const SURNAME_PREFIXES: [&str; 6] = ["al", "el", "ul", "ad", "d", "dell"];

/// Flags of `al-Hassan`, `el-Sayed`, `d'Angelo` read as a surname: the part after the prefix
/// decides (`Hassan` is listed as a first name, but after `al-` it is a family name); an unlisted
/// part is still shaped like a surname. `None` when `word` has no such prefix.
fn prefixed_surname(word: &str, lex: &Lexicon, buf: &mut String) -> Option<u8> {
    let cut = word.find(|c: char| c == '\'' || c == '’' || is_hyphen(c))?;
    let (prefix, rest) = word.split_at(cut);
    let rest = rest.get(rest.chars().next()?.len_utf8()..)?;
    let mut chars = rest.chars();
    let capitalised = chars.next()?.is_uppercase() && chars.next().is_some_and(char::is_lowercase);
    if !(capitalised && SURNAME_PREFIXES.contains(&prefix)) {
        return None;
    }
    let f = lex.classify(rest, buf);
    Some(if f & (FIRST | SURNAME) != 0 {
        SURNAME
    } else if f & (WEAK | SHAPED) != 0 {
        f & (WEAK | SHAPED)
    } else {
        SHAPED
    })
}

/// The surname after one or two particles starting at token `k` (`van der` → `Berg`): its token
/// index. The surname is capitalised, not a plain stop word, and neither the start of a
/// title-case phrase nor a place (`… de Forenede Nationer`, `… van Gogh Museet`).
pub fn particle_surname(toks: &[Token], k: usize) -> Option<usize> {
    let mut p = k;
    while p < k + 2 && toks.get(p).is_some_and(|u| u.glued && u.shape == Shape::Particle) {
        p += 1;
    }
    let s = toks.get(p).filter(|u| p > k && u.glued && u.shape == Shape::Cap)?;
    let names = FIRST | ANY_SURNAME;
    if s.flags & STOP != 0 && s.flags & names == 0 || s.flags & PLACE != 0 && s.flags & ANY_SURNAME == 0 {
        return None;
    }
    let phrase = toks.get(p + 1).is_some_and(|n| n.glued && n.shape == Shape::Cap && n.flags & ANY_SURNAME == 0);
    (!phrase && !followed_by_place(toks, p)).then_some(p)
}

fn is_courtesy(word: &str) -> bool {
    matches!(word, "hr" | "Hr" | "fru" | "Fru" | "frk" | "Frk")
}

/// A run of tokens that reads as a person's name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NameMatch {
    /// Token indices, inclusive.
    pub first: usize,
    pub last: usize,
    /// Byte range in the line.
    pub start: usize,
    pub end: usize,
    /// The first word is a listed first name.
    pub first_known: bool,
    /// What kind of surname ends it (`SURNAME`, `WEAK`, `SHAPED`), 0 for a lone first name.
    pub surname: u8,
    /// Starts with initials only (`H. K. Jensen`), or a courtesy title (`hr. Jensen`).
    pub initials: bool,
}

impl NameMatch {
    /// How sure we are that this is a person's name, 0..=1.
    pub fn confidence(&self) -> f32 {
        match (self.first_known, self.surname) {
            (true, s) if s & SURNAME != 0 => 0.9,
            (true, s) if s & WEAK != 0 => 0.8,
            (true, s) if s & SHAPED != 0 => 0.7,
            (true, UNLISTED) => 0.6,
            (false, s) if s & SURNAME != 0 && self.initials => 0.65,
            (false, s) if s & SURNAME != 0 => 0.6,
            (true, _) => 0.5,
            _ => 0.4,
        }
    }

    pub fn is_lone_first_name(&self) -> bool {
        self.surname == 0
    }
}

/// Finds names in a tokenized line: `First [Middle|Initial]* Surname`, `H. K. Surname`,
/// `hr. Surname`, `Unknownfirst Surname` (mid-sentence), and lone first names (`surname == 0`;
/// the caller decides whether a lone first name counts).
pub fn find_names(toks: &[Token], out: &mut Vec<NameMatch>) {
    out.clear();
    let mut i = 0;
    while i < toks.len() {
        match name_at(toks, i) {
            Some(m) => {
                i = m.last + 1;
                out.push(m);
            }
            None => i += 1,
        }
    }
}

fn name_at(toks: &[Token], i: usize) -> Option<NameMatch> {
    let t = toks.get(i)?;
    match t.shape {
        Shape::Courtesy => {
            let next = toks.get(i + 1).filter(|n| n.glued && n.shape == Shape::Cap)?;
            if next.flags & FIRST != 0 {
                return name_at(toks, i + 1);
            }
            (next.flags & SURNAME != 0 && next.flags & STOP == 0).then(|| NameMatch {
                first: i,
                last: i + 1,
                start: t.start,
                end: next.end,
                first_known: false,
                surname: SURNAME,
                initials: true,
            })
        }
        Shape::Initial => {
            // Initials then a listed (not common-word) surname.
            let mut k = i + 1;
            while toks.get(k).is_some_and(|u| u.glued && u.shape == Shape::Initial) {
                k += 1;
            }
            let s = toks.get(k).filter(|u| u.glued && u.shape == Shape::Cap && u.flags & SURNAME != 0)?;
            if s.flags & (STOP | WEAK) != 0 || followed_by_place(toks, k) {
                return None;
            }
            Some(NameMatch {
                first: i,
                last: k,
                start: t.start,
                end: s.end,
                first_known: false,
                surname: SURNAME,
                initials: true,
            })
        }
        Shape::Cap | Shape::AllCaps if t.flags & FIRST != 0 => first_name_run(toks, i),
        Shape::Cap if unknown_first_fits(t) => {
            let s = toks.get(i + 1).filter(|u| u.glued && u.shape == Shape::Cap)?;
            let ok = s.flags & SURNAME != 0 && s.flags & (STOP | FIRST | WEAK) == 0 && !followed_by_place(toks, i + 1);
            ok.then(|| NameMatch {
                first: i,
                last: i + 1,
                start: t.start,
                end: s.end,
                first_known: false,
                surname: SURNAME,
                initials: false,
            })
        }
        _ => None,
    }
}

fn unlisted_surname_fits(u: &Token) -> bool {
    u.glued && u.shape == Shape::Cap && u.flags == 0 && u.end - u.start >= 3
}

/// An unlisted capitalised word mid-sentence may be a first name the lists miss (`Xiaoming Jensen`).
fn unknown_first_fits(t: &Token) -> bool {
    t.flags == 0 && !t.sentence_start && t.end - t.start >= 3
}

fn first_name_run(toks: &[Token], i: usize) -> Option<NameMatch> {
    let t = &toks[i];
    let all_caps = t.shape == Shape::AllCaps;
    let mut last_surname: Option<usize> = None;
    let mut last_first = i;
    let mut k = i + 1;
    if t.flags & GENITIVE == 0 {
        while let Some(u) = toks.get(k).filter(|u| u.glued && k - i < 6) {
            let fits = match u.shape {
                Shape::Initial | Shape::Letter => !all_caps,
                Shape::Cap => !all_caps && name_word(u.flags),
                Shape::AllCaps => all_caps && name_word(u.flags),
                _ => false,
            };
            if !fits {
                break;
            }
            if u.flags & ANY_SURNAME != 0 {
                last_surname = Some(k);
            } else if u.flags & FIRST != 0 {
                last_first = k;
            }
            k += 1;
            if u.flags & GENITIVE != 0 {
                break;
            }
        }
    }
    let lone = |end_tok: usize| NameMatch {
        first: i,
        last: end_tok,
        start: t.start,
        end: toks[end_tok].end,
        first_known: true,
        surname: 0,
        initials: false,
    };
    // `Lasse van Dijk`, `Anna Maria de Souza`: particles right after the first names lead to the surname.
    let particle =
        (last_surname.is_none() && !all_caps && t.flags & GENITIVE == 0).then(|| particle_surname(toks, k)).flatten();
    if let Some(p) = particle {
        let f = toks[p].flags;
        let surname = [SURNAME, WEAK, SHAPED].into_iter().find(|&s| f & s != 0).unwrap_or(UNLISTED);
        if t.flags & STOP != 0 && surname != SURNAME {
            return None;
        }
        return Some(NameMatch { last: p, end: toks[p].end, surname, ..lone(last_first) });
    }
    let Some(s) = last_surname else {
        if t.flags & STOP != 0 || t.shape != Shape::Cap || t.flags & GENITIVE != 0 {
            if t.flags & GENITIVE != 0 && t.flags & STOP == 0 && t.shape == Shape::Cap {
                return Some(lone(i)); // `Hannes` (a first name's genitive) ends the name
            }
            // A stop word (`August`, `Mark`) is a name only with a listed surname after it.
            return None;
        }
        // Mid-sentence, a capitalised word after a first name is a surname the lists lack.
        let next = k;
        if let Some(u) = toks.get(next).filter(|u| unlisted_surname_fits(u)) {
            // `Kent State University`, `Vera Sans Mono`: title-case phrases, not names.
            let phrase = toks.get(next + 1).is_some_and(|n| n.glued && n.shape == Shape::Cap);
            if !followed_by_place(toks, next) && !phrase {
                return Some(NameMatch { last: next, end: u.end, surname: UNLISTED, ..lone(last_first) });
            }
            return None;
        }
        return Some(lone(last_first));
    };
    let sf = toks[s].flags;
    let surname = if sf & SURNAME != 0 {
        SURNAME
    } else if sf & WEAK != 0 {
        WEAK
    } else {
        SHAPED
    };
    let strong_next = s == i + 1 && surname == SURNAME && sf & STOP == 0;
    if t.flags & STOP != 0 && !strong_next {
        return None;
    }
    if all_caps && surname != SURNAME {
        return None;
    }
    if followed_by_place(toks, s) {
        return None;
    }
    Some(NameMatch { first: i, last: s, start: t.start, end: toks[s].end, first_known: true, surname, initials: false })
}

/// A word that may continue a name: a first name, a surname, or a common-word surname. Plain
/// stop words and place words end it.
pub fn name_word(flags: u8) -> bool {
    if flags & (FIRST | ANY_SURNAME) == 0 {
        return false;
    }
    flags & (STOP | PLACE) == 0 || flags & (WEAK | SURNAME) != 0 || flags & FIRST != 0 && flags & PLACE == 0
}

/// `Jens Baggesens Vej`, `Hans Tausens Skole`: a name that names a place.
pub fn followed_by_place(toks: &[Token], k: usize) -> bool {
    let Some(next) = toks.get(k + 1).filter(|n| n.glued && n.shape == Shape::Cap) else { return false };
    next.flags & PLACE != 0 || (toks[k].flags & GENITIVE != 0 && next.flags & (FIRST | ANY_SURNAME) == 0)
}

/// Runs of capitalised words and initials (`Johan Müller`, `A. B. Nielsen`, `Lasse van Dijk`),
/// whether or not the lists know them: for places where the layout says "these are people"
/// (participant lines, mail headers, signatures). Stop words end a run. `min_words` counts words,
/// not initials.
pub fn relaxed_runs(toks: &[Token], min_words: usize, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut i = 0;
    while i < toks.len() {
        let starts = |t: &Token| {
            (t.is_word() && (t.flags & STOP == 0 || t.flags & (FIRST | ANY_SURNAME) != 0)) || t.shape == Shape::Initial
        };
        if !starts(&toks[i]) {
            i += 1;
            continue;
        }
        let mut k = i;
        let mut words = usize::from(toks[i].is_word());
        let mut last_word = toks[i].is_word().then_some(i);
        while let Some(u) = toks.get(k + 1).filter(|u| u.glued) {
            if u.shape == Shape::Particle {
                match particle_surname(toks, k + 1).filter(|_| words > 0) {
                    Some(p) => {
                        k = p;
                        words += 1;
                        last_word = Some(p);
                        continue;
                    }
                    None => break,
                }
            }
            let stop_only = u.flags & STOP != 0 && u.flags & (FIRST | ANY_SURNAME) == 0;
            if !(u.is_word() || matches!(u.shape, Shape::Initial | Shape::Letter))
                || stop_only
                || u.flags & PLACE != 0 && u.flags & WEAK == 0
            {
                break;
            }
            k += 1;
            if u.is_word() {
                words += 1;
                last_word = Some(k);
            }
            if k - i >= 5 {
                break;
            }
        }
        if let Some(lw) = last_word.filter(|_| words >= min_words) {
            out.push((i, lw));
            i = lw + 1;
        } else {
            i = k + 1;
        }
    }
}

/// If `line` starts (after blanks) with one of `phrases` (lower-case, compared ignoring case) as
/// whole words, the index of the phrase and the byte offset after it.
pub fn starts_with_phrase(line: &str, phrases: &[&str]) -> Option<(usize, usize)> {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let first = trimmed.chars().next()?.to_lowercase().next()?;
    phrases.iter().enumerate().filter(|(_, p)| p.starts_with(first)).find_map(|(i, p)| {
        let mut chars = trimmed.char_indices();
        let mut end = 0;
        for want in p.chars() {
            let (at, c) = chars.next()?;
            if c.to_lowercase().next()? != want {
                return None;
            }
            end = at + c.len_utf8();
        }
        let boundary = trimmed[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        boundary.then_some((i, lead + end))
    })
}
