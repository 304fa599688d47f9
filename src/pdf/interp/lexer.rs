//! A content-stream tokenizer that borrows from the decoded bytes.
//!
//! Tokens name their bytes by `Span`: most strings and names are slices of the source; those
//! with escapes are decoded into a scratch buffer that the interpreter clears after each
//! operator, so nothing is allocated per token.

/// Where a token's bytes are: in the source or in the lexer's scratch buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    start: u32,
    end: u32,
    scratch: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Token {
    Num(f32),
    Name(Span),
    Str(Span),
    Bool(bool),
    Null,
    ArrOpen,
    ArrClose,
    DictOpen,
    DictClose,
    Op(Span),
    Eof,
}

const WS: u8 = 1;
const DELIM: u8 = 2;

/// Byte classes: PDF whitespace and delimiters; everything else is a regular character.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[0] = WS;
    t[b'\t' as usize] = WS;
    t[b'\n' as usize] = WS;
    t[0x0c] = WS;
    t[b'\r' as usize] = WS;
    t[b' ' as usize] = WS;
    let delims = b"()<>[]{}/%";
    let mut i = 0;
    while i < delims.len() {
        t[delims[i] as usize] = DELIM;
        i += 1;
    }
    t
};

#[inline]
pub(crate) fn is_ws(b: u8) -> bool {
    CLASS[b as usize] == WS
}

#[inline]
fn is_regular(b: u8) -> bool {
    CLASS[b as usize] == 0
}

/// Deepest `(` nesting inside one literal string we track; deeper parens are kept as text.
const MAX_PAREN_DEPTH: u32 = 1 << 16;

pub(crate) struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
    scratch: Vec<u8>,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a [u8]) -> Lexer<'a> {
        // Spans are u32; a longer buffer is cut (streams are capped far below this anyway).
        let src = &src[..src.len().min(u32::MAX as usize)];
        Lexer { src, pos: 0, scratch: Vec::new() }
    }

    pub fn bytes(&self, s: Span) -> &[u8] {
        let buf: &[u8] = if s.scratch { &self.scratch } else { self.src };
        buf.get(s.start as usize..s.end as usize).unwrap_or(&[])
    }

    /// The bytes of a span in the source (operators), borrowed for the source's lifetime.
    pub fn src_bytes(&self, s: Span) -> &'a [u8] {
        if s.scratch {
            return &[];
        }
        self.src.get(s.start as usize..s.end as usize).unwrap_or(&[])
    }

    /// Forgets decoded strings; call once the operands of an operator are used.
    pub fn clear_scratch(&mut self) {
        self.scratch.clear();
    }

    #[cfg(test)]
    pub fn pos(&self) -> usize {
        self.pos
    }

    fn src_span(start: usize, end: usize) -> Span {
        Span { start: start as u32, end: end as u32, scratch: false }
    }

    fn skip_ws_and_comments(&mut self) {
        while let Some(&b) = self.src.get(self.pos) {
            if is_ws(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(&c) = self.src.get(self.pos) {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    pub fn next_token(&mut self) -> Token {
        loop {
            self.skip_ws_and_comments();
            let Some(&b) = self.src.get(self.pos) else { return Token::Eof };
            match b {
                b'(' => return self.literal_string(),
                b'<' => {
                    if self.src.get(self.pos + 1) == Some(&b'<') {
                        self.pos += 2;
                        return Token::DictOpen;
                    }
                    return self.hex_string();
                }
                b'>' => {
                    self.pos += 1;
                    if self.src.get(self.pos) == Some(&b'>') {
                        self.pos += 1;
                        return Token::DictClose;
                    }
                    // A stray `>`: skip it.
                }
                b'[' => {
                    self.pos += 1;
                    return Token::ArrOpen;
                }
                b']' => {
                    self.pos += 1;
                    return Token::ArrClose;
                }
                b'/' => return self.name(),
                b')' | b'{' | b'}' => self.pos += 1,
                _ => return self.regular(),
            }
        }
    }

    fn regular(&mut self) -> Token {
        let start = self.pos;
        while self.src.get(self.pos).is_some_and(|&b| is_regular(b)) {
            self.pos += 1;
        }
        let word = &self.src[start..self.pos];
        let first = word.first().copied().unwrap_or(b'x');
        if first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.') {
            if let Some(n) = parse_number(word) {
                return Token::Num(n);
            }
        }
        match word {
            b"true" => Token::Bool(true),
            b"false" => Token::Bool(false),
            b"null" => Token::Null,
            _ => Token::Op(Self::src_span(start, self.pos)),
        }
    }

    fn name(&mut self) -> Token {
        self.pos += 1;
        let start = self.pos;
        while self.src.get(self.pos).is_some_and(|&b| is_regular(b)) {
            self.pos += 1;
        }
        let raw = &self.src[start..self.pos];
        if !raw.contains(&b'#') {
            return Token::Name(Self::src_span(start, self.pos));
        }
        let s0 = self.scratch.len();
        let mut i = 0;
        while i < raw.len() {
            let hex = |k: usize| raw.get(k).and_then(|&c| (c as char).to_digit(16));
            match (raw[i], hex(i + 1), hex(i + 2)) {
                (b'#', Some(h), Some(l)) => {
                    self.scratch.push((h * 16 + l) as u8);
                    i += 3;
                }
                (c, _, _) => {
                    self.scratch.push(c);
                    i += 1;
                }
            }
        }
        Token::Name(Span { start: s0 as u32, end: self.scratch.len() as u32, scratch: true })
    }

    fn literal_string(&mut self) -> Token {
        self.pos += 1;
        let start = self.pos;
        // Fast path: no escapes, so the source bytes are the string.
        let mut depth = 1u32;
        let mut i = start;
        while let Some(&b) = self.src.get(i) {
            match b {
                b'\\' => break,
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos = i + 1;
                        return Token::Str(Self::src_span(start, i));
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if i >= self.src.len() {
            // Unterminated: the rest of the stream is the string.
            self.pos = i;
            return Token::Str(Self::src_span(start, i));
        }
        self.literal_string_escaped(start)
    }

    fn literal_string_escaped(&mut self, start: usize) -> Token {
        let s0 = self.scratch.len();
        let mut depth = 1u32;
        let mut i = start;
        let src = self.src;
        while let Some(&b) = src.get(i) {
            i += 1;
            match b {
                b'(' => {
                    depth = (depth + 1).min(MAX_PAREN_DEPTH);
                    self.scratch.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    self.scratch.push(b);
                }
                b'\\' => {
                    let Some(&e) = src.get(i) else { break };
                    i += 1;
                    match e {
                        b'n' => self.scratch.push(b'\n'),
                        b'r' => self.scratch.push(b'\r'),
                        b't' => self.scratch.push(b'\t'),
                        b'b' => self.scratch.push(0x08),
                        b'f' => self.scratch.push(0x0c),
                        b'0'..=b'7' => {
                            let mut v = (e - b'0') as u32;
                            for _ in 0..2 {
                                match src.get(i) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + (d - b'0') as u32;
                                        i += 1;
                                    }
                                    _ => break,
                                }
                            }
                            self.scratch.push(v as u8);
                        }
                        // A backslash before an end of line continues the string on the next line.
                        b'\r' => {
                            if src.get(i) == Some(&b'\n') {
                                i += 1;
                            }
                        }
                        b'\n' => {}
                        other => self.scratch.push(other),
                    }
                }
                _ => self.scratch.push(b),
            }
        }
        self.pos = i;
        Token::Str(Span { start: s0 as u32, end: self.scratch.len() as u32, scratch: true })
    }

    fn hex_string(&mut self) -> Token {
        self.pos += 1;
        let s0 = self.scratch.len();
        let mut high: Option<u8> = None;
        while let Some(&b) = self.src.get(self.pos) {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            if let Some(v) = (b as char).to_digit(16) {
                match high.take() {
                    Some(h) => self.scratch.push(h << 4 | v as u8),
                    None => high = Some(v as u8),
                }
            }
        }
        if let Some(h) = high {
            self.scratch.push(h << 4);
        }
        Token::Str(Span { start: s0 as u32, end: self.scratch.len() as u32, scratch: true })
    }

    /// After `ID`: skips an inline image's data and the `EI` that ends it. `known_len` is the
    /// data length when the image dictionary gives it or it can be computed.
    pub fn skip_inline_image_data(&mut self, known_len: Option<usize>) {
        // One whitespace byte separates ID from the data.
        if self.src.get(self.pos).is_some_and(|&b| is_ws(b)) {
            self.pos += 1;
        }
        let data_start = self.pos;
        if let Some(len) = known_len.filter(|&len| len <= self.src.len() - data_start) {
            let mut p = data_start + len;
            while self.src.get(p).is_some_and(|&b| is_ws(b)) {
                p += 1;
            }
            if self.src.get(p..p + 2) == Some(b"EI") && self.src.get(p + 2).is_none_or(|&b| !is_regular(b)) {
                self.pos = p + 2;
                return;
            }
        }
        self.pos = find_end_of_inline_image(self.src, data_start);
    }
}

/// The position just after the `EI` that ends inline image data starting at `from`: an `EI`
/// between whitespace and followed by what looks like content (text, not binary data).
fn find_end_of_inline_image(src: &[u8], from: usize) -> usize {
    let mut first_candidate = None;
    let mut i = from;
    while let Some(off) = src.get(i..).and_then(|s| memchr2(b'E', b'I', s)) {
        let p = i + off;
        i = p + 1;
        let before_ok = p == from || src.get(p.wrapping_sub(1)).is_some_and(|&b| is_ws(b));
        let after_ok = src.get(p + 2).is_none_or(|&b| is_ws(b));
        if !before_ok || !after_ok {
            continue;
        }
        let end = p + 2;
        first_candidate.get_or_insert(end);
        let following = &src[end..src.len().min(end + 32)];
        if following.iter().all(|&b| is_ws(b) || (0x20..0x7f).contains(&b)) {
            return end;
        }
    }
    first_candidate.unwrap_or(src.len())
}

/// Offset of the first `E` directly followed by `I`.
fn memchr2(a: u8, b: u8, s: &[u8]) -> Option<usize> {
    s.windows(2).position(|w| w[0] == a && w[1] == b)
}

/// Lenient number parsing: `12`, `-3.5`, `.5`, `+7.`; also tolerates `--5` and `5-` as writers
/// produce them. `None` when there are no digits at all.
pub(crate) fn parse_number(word: &[u8]) -> Option<f32> {
    let mut i = 0;
    let mut neg = false;
    while let Some(&c) = word.get(i) {
        match c {
            b'-' => neg = true,
            b'+' => {}
            _ => break,
        }
        i += 1;
    }
    let mut int: f64 = 0.0;
    let mut digits = 0;
    while let Some(&c) = word.get(i) {
        if !c.is_ascii_digit() {
            break;
        }
        int = int * 10.0 + (c - b'0') as f64;
        digits += 1;
        i += 1;
    }
    if word.get(i) == Some(&b'.') {
        i += 1;
        let mut scale = 0.1;
        while let Some(&c) = word.get(i) {
            if !c.is_ascii_digit() {
                break;
            }
            int += (c - b'0') as f64 * scale;
            scale *= 0.1;
            digits += 1;
            i += 1;
        }
    }
    if digits == 0 {
        return None;
    }
    let v = if neg { -int } else { int };
    Some(v.clamp(f32::MIN as f64, f32::MAX as f64) as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(src: &[u8]) -> Vec<String> {
        let mut lx = Lexer::new(src);
        let mut out = Vec::new();
        loop {
            let t = lx.next_token();
            let s = match t {
                Token::Eof => break,
                Token::Num(n) => format!("{n}"),
                Token::Name(s) => format!("/{}", String::from_utf8_lossy(lx.bytes(s))),
                Token::Str(s) => format!("({})", String::from_utf8_lossy(lx.bytes(s))),
                Token::Op(s) => String::from_utf8_lossy(lx.bytes(s)).into_owned(),
                Token::Bool(b) => format!("{b}"),
                Token::Null => "null".into(),
                Token::ArrOpen => "[".into(),
                Token::ArrClose => "]".into(),
                Token::DictOpen => "<<".into(),
                Token::DictClose => ">>".into(),
            };
            out.push(s);
        }
        out
    }

    #[test]
    fn numbers_names_and_operators() {
        assert_eq!(
            tokens(b"1 0 0 1 72.5 -.5 cm /F1 12 Tf"),
            ["1", "0", "0", "1", "72.5", "-0.5", "cm", "/F1", "12", "Tf"]
        );
        assert_eq!(tokens(b"/A#20B/C"), ["/A B", "/C"]);
        assert_eq!(tokens(b"true false null T*"), ["true", "false", "null", "T*"]);
    }

    #[test]
    fn literal_strings_with_escapes_and_nested_parens() {
        assert_eq!(tokens(b"(a(b)c)Tj"), ["(a(b)c)", "Tj"]);
        assert_eq!(tokens(b"(x\\)y\\(z)"), ["(x)y(z)"]);
        assert_eq!(tokens(b"(\\101\\102C\\n\\\\)"), ["(ABC\n\\)"]);
        assert_eq!(tokens(b"(line\\\ncontinued)"), ["(linecontinued)"]);
        assert_eq!(tokens(b"(\\0053)"), ["(\u{5}3)"]);
        // Unterminated strings take the rest of the stream instead of failing.
        assert_eq!(tokens(b"(abc"), ["(abc)"]);
    }

    #[test]
    fn hex_strings_and_dicts() {
        assert_eq!(tokens(b"<48 65 6C6c6f> <414>"), ["(Hello)", "(A@)"]);
        assert_eq!(
            tokens(b"/Span <</ActualText (x) /N [1 2]>> BDC"),
            ["/Span", "<<", "/ActualText", "(x)", "/N", "[", "1", "2", "]", ">>", "BDC"]
        );
    }

    #[test]
    fn comments_are_skipped() {
        assert_eq!(tokens(b"% a comment (not a string\n1 % another\r2 l"), ["1", "2", "l"]);
        assert_eq!(tokens(b"(100% sure)"), ["(100% sure)"]);
    }

    #[test]
    fn odd_numbers_are_read_leniently() {
        assert_eq!(parse_number(b"--5"), Some(-5.0));
        assert_eq!(parse_number(b"5."), Some(5.0));
        assert_eq!(parse_number(b"+.25"), Some(0.25));
        assert_eq!(parse_number(b"-"), None);
    }

    #[test]
    fn inline_image_data_is_skipped() {
        // Binary data containing "EI" not followed by whitespace, then the real EI.
        let src = b"ID \x00\x01EIx\xff\xfe EI Q (after) Tj";
        let mut lx = Lexer::new(src);
        assert_eq!(lx.next_token(), Token::Op(Lexer::src_span(0, 2)));
        lx.skip_inline_image_data(None);
        assert_eq!(tokens(&src[lx.pos()..]), ["Q", "(after)", "Tj"]);
        // With a known length, data may contain " EI " itself.
        let src = b"ID  EI EI Q";
        let mut lx = Lexer::new(src);
        lx.next_token();
        lx.skip_inline_image_data(Some(4));
        assert_eq!(tokens(&src[lx.pos()..]), ["Q"]);
        // An absurd length falls back to scanning for EI.
        let src = b"ID \x01\x02 EI Q";
        let mut lx = Lexer::new(src);
        lx.next_token();
        lx.skip_inline_image_data(Some(usize::MAX));
        assert_eq!(tokens(&src[lx.pos()..]), ["Q"]);
    }
}
