//! Decoding stream data (content streams, forms, CMaps) under the file's limits.
//!
//! Every decoder writes into a capped output, so a small stream that inflates to gigabytes stops
//! at `Limits::max_stream_bytes` and is charged against the file's `Budget` as it grows. Damaged
//! data keeps what decoded and says why in `Decoded::problem`. Image codecs (DCT, JPX, CCITT,
//! JBIG2) are not decoded: images are only boxes to us.

use super::document::{deref, dict_get};
use super::limits::Budget;
use flate2::{Decompress, FlushDecompress, Status};
use lopdf::{Dictionary, Object};
use std::borrow::Cow;

/// A stream's decoded bytes, and what went wrong while decoding them.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub data: Cow<'a, [u8]>,
    /// Why `data` is incomplete or doubtful (damaged compression, too large, unknown filter).
    pub problem: Option<String>,
    /// The file's decode budget is used up: the caller should stop reading the file's streams.
    pub budget_exhausted: bool,
}

/// Decodes `stream` through all of its filters. Unfiltered data is borrowed, not copied.
pub fn decode_stream<'a>(doc: &lopdf::Document, stream: &'a lopdf::Stream, budget: &Budget) -> Decoded<'a> {
    let filters = filter_list(doc, &stream.dict);
    let mut data: Cow<'a, [u8]> = Cow::Borrowed(&stream.content);
    let cap = budget.limits.max_stream_bytes;
    for (i, (name, parms)) in filters.iter().enumerate() {
        let mut out = match name.as_slice() {
            b"FlateDecode" | b"Fl" => inflate(&data, cap, budget),
            b"LZWDecode" | b"LZW" => lzw(&data, early_change(doc, *parms), cap, budget),
            b"ASCIIHexDecode" | b"AHx" => capped(ascii_hex(&data), cap, budget),
            b"ASCII85Decode" | b"A85" => capped(ascii85(&data), cap, budget),
            b"RunLengthDecode" | b"RL" => run_length(&data, cap, budget),
            b"Crypt" => continue,
            other => {
                let what = if is_image_codec(other) { "an image codec" } else { "an unknown filter" };
                return Decoded {
                    data,
                    problem: Some(format!(
                        "a stream uses {what} ({}) and could not be read",
                        String::from_utf8_lossy(other)
                    )),
                    budget_exhausted: false,
                };
            }
        };
        if matches!(name.as_slice(), b"FlateDecode" | b"Fl" | b"LZWDecode" | b"LZW") {
            if let Some(p) = *parms {
                out.data = apply_predictor(doc, p, out.data);
            }
        }
        data = Cow::Owned(out.data);
        let problem = match out.end {
            End::Complete => None,
            End::Truncated => Some("a compressed stream ends early; only its first part was read".to_string()),
            End::Corrupt => Some("a compressed stream is damaged; only its first part was read".to_string()),
            End::OverCap => Some(format!(
                "a stream decodes to more than {} MB, the limit per stream; the rest was not read",
                cap >> 20
            )),
            End::OverBudget(why) => return Decoded { data, problem: Some(why), budget_exhausted: true },
        };
        if problem.is_some() {
            // A later filter would only decode garbage from a cut-off input, except the last one.
            let last = i + 1 == filters.len();
            return Decoded { data: if last { data } else { Cow::Borrowed(&[]) }, problem, budget_exhausted: false };
        }
    }
    Decoded { data, problem: None, budget_exhausted: false }
}

/// `/Filter` and `/DecodeParms` as (filter name, its parameters) pairs.
fn filter_list<'d>(doc: &'d lopdf::Document, dict: &'d Dictionary) -> Vec<(Vec<u8>, Option<&'d Dictionary>)> {
    let filters = match dict_get(doc, dict, b"Filter").or_else(|| dict_get(doc, dict, b"F")) {
        Some(Object::Name(n)) => vec![n.clone()],
        Some(Object::Array(a)) => {
            a.iter().filter_map(|o| if let Object::Name(n) = deref(doc, o) { Some(n.clone()) } else { None }).collect()
        }
        _ => return Vec::new(),
    };
    let parms = dict_get(doc, dict, b"DecodeParms").or_else(|| dict_get(doc, dict, b"DP"));
    filters
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let p = match parms {
                Some(Object::Dictionary(d)) if i == 0 => Some(d),
                Some(Object::Array(a)) => a.get(i).and_then(|o| deref(doc, o).as_dict().ok()),
                _ => None,
            };
            (name, p)
        })
        .collect()
}

fn is_image_codec(name: &[u8]) -> bool {
    matches!(name, b"DCTDecode" | b"DCT" | b"JPXDecode" | b"CCITTFaxDecode" | b"CCF" | b"JBIG2Decode")
}

fn int_param(doc: &lopdf::Document, parms: &Dictionary, key: &[u8], default: i64) -> i64 {
    match dict_get(doc, parms, key) {
        Some(Object::Integer(i)) => *i,
        Some(Object::Real(r)) => *r as i64,
        _ => default,
    }
}

fn early_change(doc: &lopdf::Document, parms: Option<&Dictionary>) -> bool {
    parms.is_none_or(|p| int_param(doc, p, b"EarlyChange", 1) != 0)
}

/// How a decoder stopped.
#[derive(Debug, PartialEq)]
enum End {
    Complete,
    Truncated,
    Corrupt,
    OverCap,
    OverBudget(String),
}

struct Out {
    data: Vec<u8>,
    end: End,
}

/// Charges the output of a decoder whose output cannot exceed its input (hex, ASCII85).
fn capped(mut data: Vec<u8>, cap: usize, budget: &Budget) -> Out {
    let mut end = End::Complete;
    if data.len() > cap {
        data.truncate(cap);
        end = End::OverCap;
    }
    if let Err(why) = budget.charge_decoded(data.len()) {
        end = End::OverBudget(why);
    }
    Out { data, end }
}

const CHUNK: usize = 64 << 10;
/// Largest output of one inflate step.
const WINDOW: usize = 256 << 10;

/// zlib inflate with an output cap. Falls back to raw deflate when the zlib header is broken.
fn inflate(input: &[u8], cap: usize, budget: &Budget) -> Out {
    let first = inflate_with(input, true, cap, budget);
    if first.end == End::Corrupt && first.data.is_empty() {
        // Some writers emit raw deflate data, or a damaged two-byte zlib header.
        for (start, _) in [(2usize, ()), (0, ())] {
            let raw = inflate_with(input.get(start..).unwrap_or(&[]), false, cap, budget);
            if !raw.data.is_empty() {
                return raw;
            }
        }
    }
    first
}

fn inflate_with(input: &[u8], zlib_header: bool, cap: usize, budget: &Budget) -> Out {
    let mut d = Decompress::new(zlib_header);
    let mut out: Vec<u8> = Vec::with_capacity(input.len().saturating_mul(4).max(1024).min(cap.max(1)));
    loop {
        if out.len() >= cap {
            return Out { data: out, end: End::OverCap };
        }
        // Decode into the spare capacity (no zero-filling: that was 7% of `leakscan text`),
        // grown by a bounded window so the budget is charged in small steps. Capacity never
        // exceeds `cap`: it starts at most at `cap` and grows only to `len + window`.
        let len = out.len();
        if out.capacity() == len {
            out.reserve_exact(WINDOW.min(cap - len));
        }
        let window = out.capacity() - len;
        let in_before = d.total_in();
        let out_before = d.total_out();
        let rest = input.get(in_before as usize..).unwrap_or(&[]);
        let res = d.decompress_vec(rest, &mut out, FlushDecompress::None);
        let produced = (d.total_out() - out_before) as usize;
        if let Err(why) = budget.charge_decoded(produced) {
            return Out { data: out, end: End::OverBudget(why) };
        }
        let consumed_all = d.total_in() as usize >= input.len();
        let room_left = produced < window;
        match res {
            Ok(Status::StreamEnd) => return Out { data: out, end: End::Complete },
            Ok(_) => {
                let progressed = d.total_in() != in_before || produced > 0;
                if room_left && (consumed_all || !progressed) {
                    return Out { data: out, end: End::Truncated };
                }
            }
            Err(_) => {
                // A bad checksum after the last block still means every byte came out.
                let near_end = d.total_in() as usize + 8 >= input.len();
                let end = if near_end && !out.is_empty() { End::Complete } else { End::Corrupt };
                return Out { data: out, end };
            }
        }
    }
}

/// LZW as PDF uses it (MSB first, 8-bit symbols), via `weezl`.
fn lzw(input: &[u8], early_change: bool, cap: usize, budget: &Budget) -> Out {
    use weezl::{decode::Decoder, BitOrder, LzwStatus};
    let mut dec =
        if early_change { Decoder::with_tiff_size_switch(BitOrder::Msb, 8) } else { Decoder::new(BitOrder::Msb, 8) };
    let mut out = Vec::with_capacity(input.len().saturating_mul(3).min(cap));
    let mut chunk = vec![0u8; CHUNK];
    let mut pos = 0;
    loop {
        let r = dec.decode_bytes(input.get(pos..).unwrap_or(&[]), &mut chunk);
        pos += r.consumed_in;
        let room = cap - out.len();
        let take = r.consumed_out.min(room);
        out.extend_from_slice(chunk.get(..take).unwrap_or(&[]));
        if let Err(why) = budget.charge_decoded(take) {
            return Out { data: out, end: End::OverBudget(why) };
        }
        if take < r.consumed_out {
            return Out { data: out, end: End::OverCap };
        }
        match r.status {
            // A missing end-of-data code after the last byte is common and harmless.
            Ok(LzwStatus::Done) => return Out { data: out, end: End::Complete },
            Ok(LzwStatus::NoProgress) => return Out { data: out, end: End::Complete },
            Ok(LzwStatus::Ok) => {
                if pos >= input.len() && r.consumed_out == 0 {
                    return Out { data: out, end: End::Complete };
                }
            }
            Err(_) => return Out { data: out, end: End::Corrupt },
        }
    }
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// ASCIIHexDecode: pairs of hex digits up to `>`; whitespace and stray bytes are skipped.
pub(crate) fn ascii_hex(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() / 2);
    let mut high: Option<u8> = None;
    for &b in input {
        if b == b'>' {
            break;
        }
        if let Some(v) = hex_value(b) {
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
    }
    if let Some(h) = high {
        out.push(h << 4);
    }
    out
}

/// ASCII85Decode, up to `~>`; `z` is four zero bytes; a short last group gives n−1 bytes.
pub(crate) fn ascii85(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() / 5 * 4 + 4);
    let mut group = [0u8; 5];
    let mut n = 0;
    for &b in input {
        match b {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0, 0, 0, 0]),
            b'!'..=b'u' => {
                group[n] = b - b'!';
                n += 1;
                if n == 5 {
                    out.extend_from_slice(&base85_word(&group).to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        for slot in group.iter_mut().skip(n) {
            *slot = 84;
        }
        out.extend_from_slice(&base85_word(&group).to_be_bytes()[..n - 1]);
    }
    out
}

fn base85_word(g: &[u8; 5]) -> u32 {
    g.iter().fold(0u32, |acc, &d| acc.wrapping_mul(85).wrapping_add(d as u32))
}

fn run_length(input: &[u8], cap: usize, budget: &Budget) -> Out {
    let mut out = Vec::with_capacity(input.len().min(cap));
    let mut i = 0;
    let mut end = End::Complete;
    while let Some(&len) = input.get(i) {
        i += 1;
        if len == 128 {
            break;
        }
        let (count, literal) = if len < 128 { (len as usize + 1, true) } else { (257 - len as usize, false) };
        if out.len() + count > cap {
            end = End::OverCap;
            break;
        }
        if literal {
            let Some(bytes) = input.get(i..i + count) else {
                out.extend_from_slice(input.get(i..).unwrap_or(&[]));
                end = End::Truncated;
                break;
            };
            out.extend_from_slice(bytes);
            i += count;
        } else {
            let Some(&b) = input.get(i) else {
                end = End::Truncated;
                break;
            };
            out.resize(out.len() + count, b);
            i += 1;
        }
    }
    if let Err(why) = budget.charge_decoded(out.len()) {
        end = End::OverBudget(why);
    }
    Out { data: out, end }
}

/// PNG (10–15) and TIFF (2) predictors after Flate/LZW.
fn apply_predictor(doc: &lopdf::Document, parms: &Dictionary, data: Vec<u8>) -> Vec<u8> {
    let predictor = int_param(doc, parms, b"Predictor", 1);
    if predictor < 2 {
        return data;
    }
    let colors = int_param(doc, parms, b"Colors", 1).clamp(1, 32) as usize;
    let bpc = int_param(doc, parms, b"BitsPerComponent", 8).clamp(1, 16) as usize;
    let columns = int_param(doc, parms, b"Columns", 1).clamp(1, 1 << 20) as usize;
    let bpp = (colors * bpc).div_ceil(8).max(1);
    let row_len = (colors * bpc * columns).div_ceil(8);
    if predictor == 2 {
        tiff_predictor(data, row_len, bpp, bpc)
    } else {
        png_predictor(&data, row_len, bpp)
    }
}

fn tiff_predictor(mut data: Vec<u8>, row_len: usize, bpp: usize, bpc: usize) -> Vec<u8> {
    if bpc != 8 {
        // Other depths are used for images, which we do not decode.
        return data;
    }
    for row in data.chunks_mut(row_len) {
        for i in bpp..row.len() {
            row[i] = row[i].wrapping_add(row[i - bpp]);
        }
    }
    data
}

fn png_predictor(data: &[u8], row_len: usize, bpp: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut prev = vec![0u8; row_len];
    let mut row = vec![0u8; row_len];
    for chunk in data.chunks(row_len + 1) {
        let Some((&filter, bytes)) = chunk.split_first() else { break };
        row.fill(0);
        row[..bytes.len()].copy_from_slice(bytes);
        for i in 0..row_len {
            let left = if i >= bpp { row[i - bpp] } else { 0 };
            let up = prev[i];
            let up_left = if i >= bpp { prev[i - bpp] } else { 0 };
            row[i] = match filter {
                1 => row[i].wrapping_add(left),
                2 => row[i].wrapping_add(up),
                3 => row[i].wrapping_add(((left as u16 + up as u16) / 2) as u8),
                4 => row[i].wrapping_add(paeth(left, up, up_left)),
                _ => row[i],
            };
        }
        out.extend_from_slice(&row[..bytes.len()]);
        std::mem::swap(&mut prev, &mut row);
    }
    out
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = a as i16 + b as i16 - c as i16;
    let (pa, pb, pc) = ((p - a as i16).abs(), (p - b as i16).abs(), (p - c as i16).abs());
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::limits::Limits;
    use flate2::write::ZlibEncoder;
    use flate2::Compression;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = ZlibEncoder::new(Vec::new(), Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    /// Leaked so decoded data may borrow it for the rest of the test.
    fn stream(dict: Dictionary, content: Vec<u8>) -> &'static lopdf::Stream {
        Box::leak(Box::new(lopdf::Stream::new(dict, content)))
    }

    fn flate_dict() -> Dictionary {
        let mut d = Dictionary::new();
        d.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        d
    }

    #[test]
    fn unfiltered_data_is_borrowed() {
        let doc = lopdf::Document::new();
        let s = stream(Dictionary::new(), b"BT ET".to_vec());
        let d = decode_stream(&doc, s, &Budget::new(Limits::default()));
        assert!(matches!(d.data, Cow::Borrowed(b"BT ET")));
        assert!(d.problem.is_none());
    }

    #[test]
    fn flate_round_trip() {
        let doc = lopdf::Document::new();
        let text = b"BT /F1 12 Tf (Hello) Tj ET ".repeat(1000);
        let s = stream(flate_dict(), zlib(&text));
        let d = decode_stream(&doc, s, &Budget::new(Limits::default()));
        assert_eq!(&*d.data, &text[..]);
        assert!(d.problem.is_none());
    }

    #[test]
    fn decompression_bomb_stops_at_the_stream_cap() {
        let doc = lopdf::Document::new();
        // 16 MB of zeros compress to about 16 KB.
        let bomb = zlib(&vec![0u8; 16 << 20]);
        assert!(bomb.len() < 50_000);
        let limits = Limits { max_stream_bytes: 1 << 20, ..Limits::default() };
        let d = decode_stream(&doc, stream(flate_dict(), bomb), &Budget::new(limits));
        assert!(d.data.len() <= 1 << 20);
        assert!(d.problem.unwrap().contains("limit per stream"));
    }

    #[test]
    fn decompression_bomb_stops_at_the_file_budget() {
        let doc = lopdf::Document::new();
        let bomb = zlib(&vec![b' '; 8 << 20]);
        let limits = Limits { max_file_decoded_bytes: 3 << 20, ..Limits::default() };
        let budget = Budget::new(limits);
        let first = decode_stream(&doc, stream(flate_dict(), bomb.clone()), &budget);
        assert!(first.budget_exhausted);
        assert!(first.data.len() < 4 << 20);
        assert!(first.problem.unwrap().contains("limit per file"));
    }

    #[test]
    fn truncated_flate_keeps_what_decoded() {
        let doc = lopdf::Document::new();
        let text: Vec<u8> = (0..200_000u32).flat_map(|i| format!("{i} ").into_bytes()).collect();
        let z = zlib(&text);
        let cut = z[..z.len() / 2].to_vec();
        let d = decode_stream(&doc, stream(flate_dict(), cut), &Budget::new(Limits::default()));
        assert!(d.data.len() > 1000);
        assert_eq!(&d.data[..1000], &text[..1000]);
        assert!(d.problem.unwrap().contains("ends early"));
    }

    #[test]
    fn corrupt_flate_keeps_what_decoded() {
        let doc = lopdf::Document::new();
        let text: Vec<u8> = (0..100_000u32).flat_map(|i| format!("{i} ").into_bytes()).collect();
        let mut z = zlib(&text);
        let mid = z.len() / 2;
        for b in &mut z[mid..mid + 64] {
            *b = 0xff;
        }
        let d = decode_stream(&doc, stream(flate_dict(), z), &Budget::new(Limits::default()));
        assert!(d.problem.is_some());
        assert_eq!(&d.data[..100], &text[..100]);
    }

    #[test]
    fn raw_deflate_without_zlib_header_is_read() {
        let doc = lopdf::Document::new();
        let mut e = flate2::write::DeflateEncoder::new(Vec::new(), Compression::default());
        e.write_all(b"q 1 0 0 1 0 0 cm Q").unwrap();
        let raw = e.finish().unwrap();
        let d = decode_stream(&doc, stream(flate_dict(), raw), &Budget::new(Limits::default()));
        assert_eq!(&*d.data, b"q 1 0 0 1 0 0 cm Q");
    }

    #[test]
    fn ascii_filters_decode() {
        assert_eq!(ascii_hex(b"48 65 6c6C 6f>ignored"), b"Hello");
        assert_eq!(ascii_hex(b"4"), vec![0x40]);
        // "Hello World!" in ASCII85.
        assert_eq!(ascii85(b"87cURD]i,\"Ebo80~>"), b"Hello World!");
        assert_eq!(ascii85(b"z~>"), vec![0, 0, 0, 0]);
    }

    #[test]
    fn run_length_and_filter_chains() {
        let doc = lopdf::Document::new();
        let budget = Budget::new(Limits::default());
        let mut d = Dictionary::new();
        d.set("Filter", Object::Array(vec![Object::Name(b"AHx".to_vec()), Object::Name(b"RunLengthDecode".to_vec())]));
        // RunLength: literal "ab" (len 1), then 'x' repeated 3 times (257-254), then EOD.
        let s = stream(d, b"01 61 62 FE 78 80>".to_vec());
        let out = decode_stream(&doc, s, &budget);
        assert_eq!(&*out.data, b"abxxx");
        assert!(out.problem.is_none());
    }

    #[test]
    fn lzw_round_trip_with_early_change() {
        let doc = lopdf::Document::new();
        let text = b"-----A---B TEXT TEXT TEXT TEXT".repeat(50);
        let encoded = weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8).encode(&text).unwrap();
        let mut d = Dictionary::new();
        d.set("Filter", Object::Name(b"LZWDecode".to_vec()));
        let out = decode_stream(&doc, stream(d, encoded), &Budget::new(Limits::default()));
        assert_eq!(&*out.data, &text[..]);
    }

    #[test]
    fn png_up_predictor_is_undone() {
        let doc = lopdf::Document::new();
        // Two rows of 3 columns; the second row is stored as the difference to the first.
        let rows = [2u8, 1, 2, 3, 2, 1, 1, 1];
        let mut d = flate_dict();
        let mut p = Dictionary::new();
        p.set("Predictor", Object::Integer(12));
        p.set("Columns", Object::Integer(3));
        d.set("DecodeParms", Object::Dictionary(p));
        let out = decode_stream(&doc, stream(d, zlib(&rows)), &Budget::new(Limits::default()));
        assert_eq!(&*out.data, &[1, 2, 3, 2, 3, 4]);
    }

    #[test]
    fn image_codecs_are_not_decoded() {
        let doc = lopdf::Document::new();
        let mut d = Dictionary::new();
        d.set("Filter", Object::Name(b"DCTDecode".to_vec()));
        let out = decode_stream(&doc, stream(d, vec![0xff, 0xd8]), &Budget::new(Limits::default()));
        assert!(out.problem.unwrap().contains("image codec"));
    }
}
