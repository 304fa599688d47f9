//! The built-in encoding of an embedded Type 1 font program (`/FontFile`), which the PDF's
//! `/Encoding` builds on when it names no base encoding (TeX fonts such as CMR10 rely on it for
//! their ligatures, quotes and dashes). Only the clear-text part before `eexec` is read.

use super::objects::{resolve, stream_bytes};
use crate::pdf::limits::Budget;
use lopdf::{Document, Object};
use std::io::Read;

/// The clear-text part of a Type 1 program is small; never read more than this of it.
const MAX_CLEARTEXT: usize = 256 << 10;

pub(crate) enum Builtin {
    Standard,
    /// Glyph name per code, as the program's `/Encoding` array sets them.
    Custom(Vec<(u8, Vec<u8>)>),
}

/// The built-in encoding of the Type 1 program `font_file`, if it can be read.
pub(crate) fn type1_builtin_encoding(doc: &Document, font_file: &Object, budget: &Budget) -> Option<Builtin> {
    let Some(Object::Stream(stream)) = resolve(doc, font_file) else { return None };
    let length1 = stream.dict.get(b"Length1").ok().and_then(|o| resolve(doc, o)).and_then(|o| o.as_i64().ok());
    let want = length1.filter(|l| *l > 0).map_or(MAX_CLEARTEXT, |l| (l as usize).min(MAX_CLEARTEXT));
    let is_plain_flate = matches!(stream.dict.get(b"Filter"), Ok(Object::Name(n)) if n == b"FlateDecode")
        && stream.dict.get(b"DecodeParms").is_err();
    let clear = if is_plain_flate {
        // Inflate only the clear-text prefix, not the whole (encrypted) program.
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(stream.content.as_slice()).take(want as u64).read_to_end(&mut out).ok()?;
        budget.charge_decoded(out.len()).ok()?;
        out
    } else {
        let mut all = stream_bytes(doc, font_file, budget).ok()?;
        all.truncate(want);
        all
    };
    parse_cleartext(&clear)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn parse_cleartext(clear: &[u8]) -> Option<Builtin> {
    let clear = &clear[..find(clear, b"eexec").unwrap_or(clear.len())];
    let start = find(clear, b"/Encoding")? + b"/Encoding".len();
    let rest = clear.get(start..)?;
    let mut tokens = Tokens { d: rest, pos: 0 };
    let first = tokens.next()?;
    if first == b"StandardEncoding" {
        return Some(Builtin::Standard);
    }
    let mut entries = Vec::new();
    let (mut prev2, mut prev1): (&[u8], &[u8]) = (b"", b"");
    for tok in tokens.by_ref() {
        match tok {
            b"put" => {
                if let (Some(code), Some(name)) = (parse_code(prev2), prev1.strip_prefix(b"/")) {
                    entries.push((code, name.to_vec()));
                }
            }
            b"def" | b"readonly" => break,
            _ => {}
        }
        prev2 = prev1;
        prev1 = tok;
    }
    // An array we could not read says nothing; the standard fallback is better than empty.
    (!entries.is_empty()).then_some(Builtin::Custom(entries))
}

fn parse_code(tok: &[u8]) -> Option<u8> {
    std::str::from_utf8(tok).ok()?.parse::<u8>().ok()
}

/// Whitespace-separated tokens, with `/` starting a new (name) token.
struct Tokens<'a> {
    d: &'a [u8],
    pos: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = &'a [u8];
    fn next(&mut self) -> Option<&'a [u8]> {
        while self.d.get(self.pos).is_some_and(|b| b.is_ascii_whitespace()) {
            self.pos += 1;
        }
        let start = self.pos;
        if self.d.get(self.pos) == Some(&b'/') {
            self.pos += 1;
        }
        while self.d.get(self.pos).is_some_and(|b| !b.is_ascii_whitespace() && *b != b'/') {
            self.pos += 1;
        }
        (self.pos > start).then(|| &self.d[start..self.pos])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_and_standard_encodings() {
        let program = b"%!PS-AdobeFont-1.0: CMR12 003.002\n/FontName /CMR12 def\n\
            /Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\n\
            dup 11 /ff put\ndup 12/fi put\ndup 39 /quoteright put\ndup 123 /endash put\nreadonly def\n\
            currentdict end\ncurrentfile eexec\n\x80\x81garbage dup 5 /x put";
        let Some(Builtin::Custom(entries)) = parse_cleartext(program) else { panic!("not custom") };
        assert_eq!(
            entries,
            vec![(11, b"ff".to_vec()), (12, b"fi".to_vec()), (39, b"quoteright".to_vec()), (123, b"endash".to_vec())]
        );
        assert!(matches!(parse_cleartext(b"/Encoding StandardEncoding def"), Some(Builtin::Standard)));
        assert!(parse_cleartext(b"/FontName /X def currentfile eexec /Encoding").is_none());
    }
}
