//! CMaps, both `/ToUnicode` (code → Unicode text) and embedded Type0 encodings (code → CID).
//!
//! The parser is a flat token loop with a mode (no recursion on input), stops after
//! `MAX_ENTRIES` mappings, and skips any entry it cannot read instead of giving up on the CMap.
//! Ranges are kept as ranges (a `<0000> <FFFF>` bfrange costs one entry) and made
//! non-overlapping so a lookup is one binary search.

use super::encoding::{push_normalized, StackText};
use super::glyphlist::append_glyph_text;

/// Most mappings (single codes plus ranges) kept from one CMap.
const MAX_ENTRIES: usize = 500_000;
/// Most UTF-16 units in one destination string (real ones are 1–4).
const MAX_DEST_UNITS: usize = 32;

#[derive(Debug, Clone, Copy)]
struct CodespaceRange {
    len: u8,
    lo: [u8; 4],
    hi: [u8; 4],
}

/// How a string splits into character codes of 1–4 bytes.
#[derive(Debug, Clone, Default)]
pub(crate) struct Codespace {
    ranges: Vec<CodespaceRange>,
    /// Every code has this length (the common Identity case): no per-code search.
    uniform: Option<u8>,
    shortest: u8,
}

impl Codespace {
    /// All codes of exactly `len` bytes.
    pub(crate) fn fixed(len: u8) -> Codespace {
        let mut cs = Codespace::default();
        cs.add(&[0u8; 4][..len as usize], &[0xFFu8; 4][..len as usize]);
        cs.finish();
        cs
    }

    pub(crate) fn add(&mut self, lo: &[u8], hi: &[u8]) {
        if lo.len() != hi.len() || lo.is_empty() || lo.len() > 4 || self.ranges.len() >= 256 {
            return;
        }
        let mut r = CodespaceRange { len: lo.len() as u8, lo: [0; 4], hi: [0; 4] };
        r.lo[..lo.len()].copy_from_slice(lo);
        r.hi[..hi.len()].copy_from_slice(hi);
        self.ranges.push(r);
    }

    pub(crate) fn finish(&mut self) {
        self.shortest = self.ranges.iter().map(|r| r.len).min().unwrap_or(2);
        let first_len = self.ranges.first().map(|r| r.len);
        let same_len = self.ranges.iter().all(|r| Some(r.len) == first_len);
        let covers_all = self.ranges.iter().any(|r| {
            let n = r.len as usize;
            r.lo[..n].iter().all(|&b| b == 0) && r.hi[..n].iter().all(|&b| b == 0xFF)
        });
        self.uniform = if same_len && covers_all { first_len } else { None };
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// The first code in `bytes` (non-empty) and its length in bytes (≥ 1). Bytes that match no
    /// range are taken as one code of the shortest length, as viewers do.
    #[inline]
    pub(crate) fn next_code(&self, bytes: &[u8]) -> (u32, usize) {
        let n = match self.uniform {
            Some(n) => n as usize,
            None => self.matching_len(bytes).unwrap_or(self.shortest as usize),
        };
        let n = n.clamp(1, bytes.len().max(1)).min(bytes.len());
        (be_code(bytes.get(..n).unwrap_or_default()), n.max(1))
    }

    fn matching_len(&self, bytes: &[u8]) -> Option<usize> {
        (1..=bytes.len().min(4)).find(|&n| {
            self.ranges.iter().any(|r| {
                r.len as usize == n && bytes.iter().take(n).enumerate().all(|(i, b)| r.lo[i] <= *b && *b <= r.hi[i])
            })
        })
    }
}

pub(crate) fn be_code(bytes: &[u8]) -> u32 {
    bytes.iter().take(4).fold(0u32, |acc, &b| (acc << 8) | b as u32)
}

/// A range of codes mapped to consecutive values, `value(code) = base + (code - first)`.
#[derive(Debug, Clone, Copy)]
struct Span<V> {
    lo: u32,
    hi: u32,
    first: u32,
    val: V,
}

/// Sorts spans by start and clips overlaps (the earlier-starting span keeps the shared codes),
/// so lookups are one binary search.
fn normalize_spans<V: Copy>(spans: &mut Vec<Span<V>>) {
    spans.sort_by_key(|s| s.lo);
    let mut covered_to: Option<u32> = None;
    spans.retain_mut(|s| {
        if let Some(end) = covered_to {
            if s.lo <= end {
                match end.checked_add(1) {
                    Some(next) => s.lo = next,
                    None => return false,
                }
            }
        }
        if s.lo > s.hi {
            return false;
        }
        covered_to = Some(covered_to.map_or(s.hi, |e| e.max(s.hi)));
        true
    });
}

fn find_span<V>(spans: &[Span<V>], code: u32) -> Option<&Span<V>> {
    let i = spans.partition_point(|s| s.lo <= code);
    spans.get(i.checked_sub(1)?).filter(|s| code <= s.hi)
}

/// Keeps the last mapping given for each code (later definitions override earlier ones).
fn sort_keep_last<V: Copy>(v: &mut Vec<(u32, V)>) {
    v.sort_by_key(|e| e.0);
    let mut out: Vec<(u32, V)> = Vec::with_capacity(v.len());
    for &e in v.iter() {
        match out.last_mut() {
            Some(last) if last.0 == e.0 => *last = e,
            _ => out.push(e),
        }
    }
    *v = out;
}

/// Code → Unicode text.
#[derive(Debug, Clone, Default)]
pub(crate) struct UniMap {
    /// Normalised text of the single mappings.
    arena: String,
    singles: Vec<(u32, (u32, u32))>,
    /// Raw UTF-16 bases of the ranges (the last unit is incremented along a range).
    units: Vec<u16>,
    ranges: Vec<Span<(u32, u32)>>,
}

impl UniMap {
    pub(crate) fn is_empty(&self) -> bool {
        self.singles.is_empty() && self.ranges.is_empty()
    }

    fn insert_single(&mut self, code: u32, text_units: &[u16]) {
        let start = self.arena.len();
        for c in char::decode_utf16(text_units.iter().copied()).flatten() {
            push_normalized(&mut self.arena, c);
        }
        // A mapping to nothing (or to NUL) says nothing; the encoding may know better.
        if self.arena.len() == start && !text_units.contains(&0xAD) {
            return;
        }
        self.singles.push((code, (start as u32, self.arena.len() as u32)));
    }

    fn insert_single_str(&mut self, code: u32, text: &str) {
        let start = self.arena.len();
        for c in text.chars() {
            push_normalized(&mut self.arena, c);
        }
        if self.arena.len() > start {
            self.singles.push((code, (start as u32, self.arena.len() as u32)));
        }
    }

    fn insert_range(&mut self, lo: u32, hi: u32, base: &[u16]) {
        if base.is_empty() || lo > hi {
            return;
        }
        let start = self.units.len() as u32;
        self.units.extend_from_slice(base);
        self.ranges.push(Span { lo, hi, first: lo, val: (start, self.units.len() as u32) });
    }

    fn finish(&mut self) {
        sort_keep_last(&mut self.singles);
        normalize_spans(&mut self.ranges);
    }

    /// The text for `code`, or `None` when this map does not know it. Range mappings are
    /// computed into `buf`.
    #[inline]
    pub(crate) fn lookup<'s>(&'s self, code: u32, buf: &'s mut StackText) -> Option<&'s str> {
        match self.find(code, buf) {
            Hit::Text(s) => Some(s),
            Hit::InBuf => Some(buf.as_str()),
            Hit::Miss => None,
        }
    }

    /// Like `lookup`, but a hit in the arena borrows only `self`, so callers can fall back to
    /// other sources that write into the same `buf`.
    #[inline]
    pub(crate) fn find<'s>(&'s self, code: u32, buf: &mut StackText) -> Hit<'s> {
        if let Ok(i) = self.singles.binary_search_by_key(&code, |e| e.0) {
            return match self.singles.get(i).and_then(|(_, (s, e))| self.arena.get(*s as usize..*e as usize)) {
                Some(t) => Hit::Text(t),
                None => Hit::Miss,
            };
        }
        let Some(span) = find_span(&self.ranges, code) else { return Hit::Miss };
        let Some((last, head)) =
            self.units.get(span.val.0 as usize..span.val.1 as usize).and_then(|base| base.split_last())
        else {
            return Hit::Miss;
        };
        let Some(last) = (*last as u32).checked_add(code - span.first).filter(|v| *v <= 0xFFFF) else {
            return Hit::Miss;
        };
        buf.clear();
        for c in char::decode_utf16(head.iter().copied().chain(std::iter::once(last as u16))).flatten() {
            push_normalized(buf, c);
        }
        if buf.as_str().is_empty() {
            Hit::Miss
        } else {
            Hit::InBuf
        }
    }
}

/// Where `UniMap::find` found a code's text.
pub(crate) enum Hit<'s> {
    Text(&'s str),
    /// Computed into the caller's buffer.
    InBuf,
    Miss,
}

/// Code → CID.
#[derive(Debug, Clone, Default)]
pub(crate) struct CidMap {
    singles: Vec<(u32, u32)>,
    ranges: Vec<Span<u32>>,
}

impl CidMap {
    pub(crate) fn is_empty(&self) -> bool {
        self.singles.is_empty() && self.ranges.is_empty()
    }

    #[inline]
    pub(crate) fn lookup(&self, code: u32) -> Option<u32> {
        if let Ok(i) = self.singles.binary_search_by_key(&code, |e| e.0) {
            return self.singles.get(i).map(|e| e.1);
        }
        let span = find_span(&self.ranges, code)?;
        span.val.checked_add(code - span.first)
    }
}

/// What one CMap stream says.
#[derive(Debug, Clone, Default)]
pub(crate) struct CMap {
    pub codespace: Codespace,
    pub uni: UniMap,
    pub cid: CidMap,
    pub vertical: bool,
    /// The CMap it builds on (`/Identity-H usecmap`); its mappings are not loaded.
    pub usecmap: Option<Vec<u8>>,
    /// Whether mappings beyond `MAX_ENTRIES` were dropped.
    pub truncated: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok<'a> {
    Hex(&'a [u8]),
    Lit(&'a [u8]),
    Name(&'a [u8]),
    Num(f64),
    Word(&'a [u8]),
    ArrOpen,
    ArrClose,
    DictOpen,
    DictClose,
}

struct Lexer<'a> {
    d: &'a [u8],
    pos: usize,
}

fn is_delim(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

impl<'a> Lexer<'a> {
    fn peek(&self, off: usize) -> Option<u8> {
        self.d.get(self.pos + off).copied()
    }

    fn take_while(&mut self, f: impl Fn(u8) -> bool) -> &'a [u8] {
        let start = self.pos;
        while self.peek(0).is_some_and(&f) {
            self.pos += 1;
        }
        self.d.get(start..self.pos).unwrap_or_default()
    }

    fn next_tok(&mut self) -> Option<Tok<'a>> {
        loop {
            let c = self.peek(0)?;
            if is_space(c) {
                self.pos += 1;
                continue;
            }
            if c == b'%' {
                self.take_while(|b| b != b'\n' && b != b'\r');
                continue;
            }
            return Some(match c {
                b'<' if self.peek(1) == Some(b'<') => {
                    self.pos += 2;
                    Tok::DictOpen
                }
                b'>' if self.peek(1) == Some(b'>') => {
                    self.pos += 2;
                    Tok::DictClose
                }
                b'<' => {
                    self.pos += 1;
                    let inner = self.take_while(|b| b != b'>');
                    self.pos += 1;
                    Tok::Hex(inner)
                }
                b'(' => {
                    self.pos += 1;
                    let start = self.pos;
                    let mut depth = 1u32;
                    while let Some(b) = self.peek(0) {
                        match b {
                            b'\\' => self.pos += 1,
                            b'(' => depth += 1,
                            b')' => {
                                depth -= 1;
                                if depth == 0 {
                                    break;
                                }
                            }
                            _ => {}
                        }
                        self.pos += 1;
                    }
                    let inner = self.d.get(start..self.pos.min(self.d.len())).unwrap_or_default();
                    self.pos += 1;
                    Tok::Lit(inner)
                }
                b'[' => {
                    self.pos += 1;
                    Tok::ArrOpen
                }
                b']' => {
                    self.pos += 1;
                    Tok::ArrClose
                }
                b'/' => {
                    self.pos += 1;
                    Tok::Name(self.take_while(|b| !is_space(b) && !is_delim(b)))
                }
                b')' | b'>' | b'{' | b'}' => {
                    self.pos += 1;
                    continue;
                }
                _ => {
                    let word = self.take_while(|b| !is_space(b) && !is_delim(b));
                    match std::str::from_utf8(word).ok().and_then(|s| s.parse::<f64>().ok()) {
                        Some(v) if v.is_finite() => Tok::Num(v),
                        _ => Tok::Word(word),
                    }
                }
            });
        }
    }
}

fn decode_hex(raw: &[u8], out: &mut Vec<u8>) {
    out.clear();
    let mut hi: Option<u8> = None;
    for &b in raw {
        let Some(v) = (b as char).to_digit(16) else { continue };
        match hi.take() {
            None => hi = Some(v as u8),
            Some(h) => out.push((h << 4) | v as u8),
        }
    }
    if let Some(h) = hi {
        out.push(h << 4);
    }
}

fn decode_literal(raw: &[u8], out: &mut Vec<u8>) {
    out.clear();
    let mut i = 0;
    while let Some(&b) = raw.get(i) {
        i += 1;
        if b != b'\\' {
            out.push(b);
            continue;
        }
        let Some(&e) = raw.get(i) else { break };
        i += 1;
        match e {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match raw.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(v as u8);
            }
            b'\r' | b'\n' => {}
            other => out.push(other),
        }
    }
}

fn string_bytes(tok: &Tok<'_>, out: &mut Vec<u8>) -> bool {
    match tok {
        Tok::Hex(raw) => decode_hex(raw, out),
        Tok::Lit(raw) => decode_literal(raw, out),
        _ => return false,
    }
    true
}

/// A destination string as UTF-16 units: big-endian pairs; a lone byte is taken as a Latin-1
/// character (some producers write `<41>`).
fn dest_units(bytes: &[u8], out: &mut Vec<u16>) {
    out.clear();
    if bytes.len() == 1 {
        out.push(bytes[0] as u16);
        return;
    }
    out.extend(bytes.chunks_exact(2).take(MAX_DEST_UNITS).map(|p| u16::from_be_bytes([p[0], p[1]])));
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    Outside,
    Codespace,
    BfChar,
    BfRange,
    CidChar,
    CidRange,
    Ignore,
}

struct Builder {
    cmap: CMap,
    entries: usize,
    a: Vec<u8>,
    b: Vec<u8>,
    c: Vec<u8>,
    units: Vec<u16>,
    name_text: String,
}

impl Builder {
    /// Consumes `ops` once they form a whole entry of `mode`; returns whether they did (or
    /// were unusable and dropped).
    fn try_entry(&mut self, mode: Mode, ops: &mut Vec<Tok<'_>>) {
        let done = match mode {
            Mode::Codespace => {
                ops.len() >= 2 && {
                    if string_bytes(&ops[0], &mut self.a) && string_bytes(&ops[1], &mut self.b) {
                        self.cmap.codespace.add(&self.a, &self.b);
                    }
                    true
                }
            }
            Mode::BfChar => {
                ops.len() >= 2 && {
                    self.bf_char(&ops[0], &ops[1]);
                    true
                }
            }
            Mode::BfRange => self.bf_range(ops),
            Mode::CidChar => {
                ops.len() >= 2 && {
                    if let (true, Tok::Num(cid)) = (string_bytes(&ops[0], &mut self.a), ops[1]) {
                        if self.a.len() <= 4 && (0.0..=u32::MAX as f64).contains(&cid) {
                            self.cmap.cid.singles.push((be_code(&self.a), cid as u32));
                            self.entries += 1;
                        }
                    }
                    true
                }
            }
            Mode::CidRange => {
                ops.len() >= 3 && {
                    let ok = string_bytes(&ops[0], &mut self.a) && string_bytes(&ops[1], &mut self.b);
                    if let (true, Tok::Num(cid)) = (ok, ops[2]) {
                        let (lo, hi) = (be_code(&self.a), be_code(&self.b));
                        if self.a.len() <= 4 && self.b.len() <= 4 && lo <= hi && (0.0..=u32::MAX as f64).contains(&cid)
                        {
                            self.cmap.cid.ranges.push(Span { lo, hi, first: lo, val: cid as u32 });
                            self.entries += 1;
                        }
                    }
                    true
                }
            }
            Mode::Outside | Mode::Ignore => true,
        };
        if done {
            ops.clear();
        }
    }

    fn bf_char(&mut self, src: &Tok<'_>, dst: &Tok<'_>) {
        if !string_bytes(src, &mut self.a) || self.a.len() > 4 || self.a.is_empty() {
            return;
        }
        let code = be_code(&self.a);
        if let Tok::Name(name) = dst {
            self.name_text.clear();
            append_glyph_text(name, &mut self.name_text);
            let text = std::mem::take(&mut self.name_text);
            self.cmap.uni.insert_single_str(code, &text);
            self.name_text = text;
        } else if string_bytes(dst, &mut self.b) {
            dest_units(&self.b, &mut self.units);
            self.cmap.uni.insert_single(code, &self.units);
        }
        self.entries += 1;
    }

    /// `<lo> <hi> <base>` or `<lo> <hi> [<t0> <t1> …]`. Returns whether `ops` is complete.
    fn bf_range(&mut self, ops: &[Tok<'_>]) -> bool {
        if ops.len() < 3 {
            return false;
        }
        if ops[2] == Tok::ArrOpen && ops.last() != Some(&Tok::ArrClose) {
            // An unterminated array would swallow the rest of the CMap; bound it.
            return ops.len() > 65_536 + 4;
        }
        let ok = string_bytes(&ops[0], &mut self.a) && string_bytes(&ops[1], &mut self.b);
        if !ok || self.a.len() > 4 || self.b.len() > 4 || self.a.is_empty() {
            return true;
        }
        let (lo, hi) = (be_code(&self.a), be_code(&self.b));
        if lo > hi {
            return true;
        }
        if ops[2] == Tok::ArrOpen {
            let items = ops.get(3..ops.len() - 1).unwrap_or_default();
            for (offset, item) in items.iter().enumerate() {
                let Some(code) = lo.checked_add(offset as u32).filter(|c| *c <= hi) else { break };
                if string_bytes(item, &mut self.c) {
                    dest_units(&self.c, &mut self.units);
                    self.cmap.uni.insert_single(code, &self.units);
                    self.entries += 1;
                }
            }
        } else if string_bytes(&ops[2], &mut self.c) {
            dest_units(&self.c, &mut self.units);
            self.cmap.uni.insert_range(lo, hi, &self.units);
            self.entries += 1;
        }
        true
    }
}

/// Parses a CMap stream (ToUnicode or encoding). Never fails: what cannot be read is skipped.
pub(crate) fn parse(data: &[u8]) -> CMap {
    let mut lex = Lexer { d: data, pos: 0 };
    let mut b = Builder {
        cmap: CMap::default(),
        entries: 0,
        a: Vec::new(),
        b: Vec::new(),
        c: Vec::new(),
        units: Vec::new(),
        name_text: String::new(),
    };
    let mut mode = Mode::Outside;
    let mut ops: Vec<Tok<'_>> = Vec::new();
    let mut last: [Option<Tok<'_>>; 2] = [None, None];
    while let Some(tok) = lex.next_tok() {
        if let Tok::Word(w) = tok {
            match w {
                b"begincodespacerange" => mode = Mode::Codespace,
                b"beginbfchar" => mode = Mode::BfChar,
                b"beginbfrange" => mode = Mode::BfRange,
                b"begincidchar" => mode = Mode::CidChar,
                b"begincidrange" => mode = Mode::CidRange,
                b"beginnotdefchar" | b"beginnotdefrange" => mode = Mode::Ignore,
                w if w.starts_with(b"end") && mode != Mode::Outside => mode = Mode::Outside,
                b"usecmap" => {
                    if let Some(Tok::Name(n)) = last[1] {
                        b.cmap.usecmap = Some(n.to_vec());
                    }
                }
                b"def" => {
                    if let (Some(Tok::Name(b"WMode")), Some(Tok::Num(v))) = (last[0], last[1]) {
                        b.cmap.vertical = v == 1.0;
                    }
                }
                _ => {}
            }
            ops.clear();
        } else if mode != Mode::Outside && mode != Mode::Ignore {
            ops.push(tok);
            b.try_entry(mode, &mut ops);
            if b.entries >= MAX_ENTRIES {
                b.cmap.truncated = true;
                break;
            }
        }
        last = [last[1], Some(tok)];
    }
    b.cmap.codespace.finish();
    b.cmap.uni.finish();
    sort_keep_last(&mut b.cmap.cid.singles);
    normalize_spans(&mut b.cmap.cid.ranges);
    b.cmap
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(cmap: &CMap, code: u32) -> String {
        let mut buf = StackText::new();
        cmap.uni.lookup(code, &mut buf).unwrap_or("").to_string()
    }

    const HEADER: &str = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
        /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n";

    #[test]
    fn bfchar_bfrange_and_arrays() {
        let src = format!(
            "{HEADER}1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
             3 beginbfchar <0003> <0020> <0011> <00E6> <0012> <00F8>\n endbfchar\n\
             2 beginbfrange <0024> <0026> <0041>\n<0030> <0032> [<00C5> <00D8> <00C6>] endbfrange\n\
             endcmap CMapName currentdict /CMap defineresource pop end end"
        );
        let cmap = parse(src.as_bytes());
        assert_eq!(text(&cmap, 3), " ");
        assert_eq!(text(&cmap, 0x11), "æ");
        assert_eq!(text(&cmap, 0x12), "ø");
        assert_eq!(text(&cmap, 0x24), "A");
        assert_eq!(text(&cmap, 0x26), "C");
        assert_eq!(text(&cmap, 0x27), "");
        assert_eq!(text(&cmap, 0x30), "Å");
        assert_eq!(text(&cmap, 0x31), "Ø");
        assert_eq!(text(&cmap, 0x32), "Æ");
        assert_eq!(cmap.codespace.next_code(&[0x00, 0x11, 0x00]), (0x11, 2));
    }

    #[test]
    fn surrogate_pairs_ligatures_and_multichar_strings() {
        let src = "2 beginbfchar <01> <D835DC00> <02> <FB01> endbfchar\n\
                   1 beginbfchar <03> <006600660069> endbfchar 1 beginbfchar <04> <00AD> endbfchar\n\
                   1 beginbfrange <10> <12> <D83DDE00> endbfrange";
        let cmap = parse(src.as_bytes());
        assert_eq!(text(&cmap, 1), "\u{1D400}");
        assert_eq!(text(&cmap, 2), "fi");
        assert_eq!(text(&cmap, 3), "ffi");
        assert_eq!(text(&cmap, 4), "");
        assert!(cmap.uni.singles.iter().any(|e| e.0 == 4), "a soft hyphen is known, and empty");
        assert_eq!(text(&cmap, 0x11), "😁");
    }

    #[test]
    fn mixed_one_and_two_byte_codespaces() {
        let src = "2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange\n\
                   2 beginbfchar <41> <0041> <8145> <30FB> endbfchar";
        let cmap = parse(src.as_bytes());
        let bytes = [0x41u8, 0x81, 0x45, 0x42];
        assert_eq!(cmap.codespace.next_code(&bytes), (0x41, 1));
        assert_eq!(cmap.codespace.next_code(&bytes[1..]), (0x8145, 2));
        assert_eq!(text(&cmap, 0x8145), "・");
        // A byte no range accepts is one code of the shortest length.
        assert_eq!(cmap.codespace.next_code(&[0xF0, 0x41]), (0xF0, 1));
        // A truncated two-byte code at the end of a string.
        assert_eq!(cmap.codespace.next_code(&[0x81]).1, 1);
    }

    #[test]
    fn cid_ranges_wmode_and_usecmap() {
        let src = "/CMapName /Test-V def /WMode 1 def /Identity-V usecmap\n\
                   1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
                   1 begincidrange <0100> <01FF> 1000 endcidrange 1 begincidchar <0005> 77 endcidchar";
        let cmap = parse(src.as_bytes());
        assert!(cmap.vertical);
        assert_eq!(cmap.usecmap.as_deref(), Some(&b"Identity-V"[..]));
        assert_eq!(cmap.cid.lookup(0x0105), Some(1005));
        assert_eq!(cmap.cid.lookup(5), Some(77));
        assert_eq!(cmap.cid.lookup(6), None);
    }

    #[test]
    fn overlapping_and_huge_ranges_stay_cheap_and_consistent() {
        let src = "2 beginbfrange <00000000> <FFFFFFFF> <0041> <0010> <0020> <0061> endbfrange";
        let cmap = parse(src.as_bytes());
        assert_eq!(cmap.uni.ranges.len(), 1);
        assert_eq!(text(&cmap, 0), "A");
        assert_eq!(text(&cmap, 1), "B");
        // Past U+FFFF the incremented base has no meaning.
        assert_eq!(text(&cmap, 0x0100_0000), "");
    }

    #[test]
    fn malformed_input_is_skipped_not_fatal() {
        let cases: [&[u8]; 7] = [
            b"",
            b"beginbfchar <01> endbfchar <02> <0041>",
            b"beginbfrange <01> <05> [<0041> <0042>",
            b"beginbfchar (\\101) (\\000A) <0102030405> <0041> endbfchar",
            b"beginbfchar <zz> <0041> /x <0042> <03> /Aring endbfchar",
            b"begincodespacerange <00> <FFFF> <0000000000> <FF> endcodespacerange (((",
            b"beginbfrange <05> <01> <0041> endbfrange %comment <01",
        ];
        for case in cases {
            let cmap = parse(case);
            assert!(cmap.codespace.is_empty() || cmap.codespace.next_code(b"ab").1 >= 1);
        }
        let cmap = parse(cases[3]);
        assert_eq!(text(&cmap, 0x41), "A");
        let cmap = parse(cases[4]);
        assert_eq!(text(&cmap, 3), "Å");
        let cmap = parse(cases[2]);
        assert_eq!(text(&cmap, 1), "");
    }
}
