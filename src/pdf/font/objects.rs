//! Reading font dictionaries defensively: every accessor resolves references (bounded), accepts
//! wrong types by returning `None`, and never panics.

use crate::pdf::limits::Budget;
use lopdf::{Dictionary, Document, Object};

/// How many references in a row we follow before giving up (reference chains can loop).
const MAX_REF_CHAIN: usize = 8;

/// The largest CMap or font-program stream we decode for font purposes.
const MAX_FONT_STREAM_BYTES: usize = 16 << 20;

pub(crate) fn resolve<'a>(doc: &'a Document, mut obj: &'a Object) -> Option<&'a Object> {
    for _ in 0..MAX_REF_CHAIN {
        match obj {
            Object::Reference(id) => obj = doc.get_object(*id).ok()?,
            other => return Some(other),
        }
    }
    None
}

pub(crate) fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    resolve(doc, dict.get(key).ok()?)
}

pub(crate) fn get_dict<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    as_dict(get(doc, dict, key)?)
}

/// A dictionary, or a stream's dictionary (some producers make descriptors streams).
pub(crate) fn as_dict(obj: &Object) -> Option<&Dictionary> {
    match obj {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

pub(crate) fn get_name<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    match get(doc, dict, key)? {
        Object::Name(n) => Some(n),
        // Wrong type, but the intent is clear.
        Object::String(s, _) => Some(s),
        _ => None,
    }
}

pub(crate) fn get_array<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [Object]> {
    match get(doc, dict, key)? {
        Object::Array(a) => Some(a),
        _ => None,
    }
}

/// A finite number (integer or real), resolving a reference.
pub(crate) fn number(doc: &Document, obj: &Object) -> Option<f32> {
    let v = match resolve(doc, obj)? {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => return None,
    };
    v.is_finite().then_some(v)
}

pub(crate) fn get_number(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f32> {
    number(doc, dict.get(key).ok()?)
}

/// A non-negative integer that fits in `u32` (a character code or CID).
pub(crate) fn code_number(doc: &Document, obj: &Object) -> Option<u32> {
    match resolve(doc, obj)? {
        Object::Integer(i) if (0..=u32::MAX as i64).contains(i) => Some(*i as u32),
        Object::Real(r) if r.is_finite() && *r >= 0.0 && *r <= u32::MAX as f32 => Some(*r as u32),
        _ => None,
    }
}

/// The decoded bytes of the stream `obj` (resolving references), bounded in size and charged to
/// the file's budget. `Err` carries a sentence for the page's problems.
pub(crate) fn stream_bytes(doc: &Document, obj: &Object, budget: &Budget) -> Result<Vec<u8>, String> {
    let stream = match resolve(doc, obj) {
        Some(Object::Stream(s)) => s,
        _ => return Err("a font refers to a stream that is missing or not a stream".to_string()),
    };
    let limit = budget.limits.max_stream_bytes.min(MAX_FONT_STREAM_BYTES);
    let bytes = stream
        .get_plain_content_with_limit(limit)
        .map_err(|e| format!("a font stream could not be decoded ({e}); some text may be missing"))?;
    budget.charge_decoded(bytes.len())?;
    Ok(bytes)
}

/// `ABCDEF+Arial-BoldMT` → `Arial-BoldMT`: subset fonts carry a six-capital-letter tag.
pub(crate) fn strip_subset_prefix(name: &str) -> &str {
    let b = name.as_bytes();
    if b.len() > 7 && b[6] == b'+' && b[..6].iter().all(|c| c.is_ascii_uppercase()) {
        &name[7..]
    } else {
        name
    }
}
