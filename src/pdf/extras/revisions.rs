//! Incremental updates. A PDF saved incrementally keeps every earlier version: the bytes up to
//! each earlier `%%EOF` form a complete PDF, and text "removed" later is still in the file.

use regex::bytes::Regex;
use std::sync::OnceLock;

/// The byte lengths of the earlier revisions, oldest first: each is a prefix of `bytes` that ends
/// after an earlier `%%EOF`. The first-page trailer of a linearized file (`startxref 0`) and a
/// repeated trailer that points at the same cross-reference section are not revisions.
pub fn earlier_revision_ends(bytes: &[u8]) -> Vec<usize> {
    static EOF: OnceLock<Regex> = OnceLock::new();
    let re = EOF.get_or_init(|| Regex::new(r"%%EOF[\r\n]{0,2}").expect("static regex"));
    let mut marks: Vec<(usize, usize)> = re.find_iter(bytes).map(|m| (m.start(), m.end())).collect();
    let unfinished = unfinished_tail(bytes);
    if unfinished {
        // The last complete save is itself an earlier version of what the file now holds: the
        // objects after it (an update cut off before its trailer) are what readers see instead.
        marks.push((bytes.len(), bytes.len()));
    }
    let Some((&(last_start, _), earlier)) = marks.split_last() else { return Vec::new() };
    let final_xref = if unfinished { None } else { startxref_before(bytes, 0, last_start) };
    let mut ends = Vec::new();
    let mut prev_end = 0;
    let mut prev_xref = None;
    for &(start, end) in earlier {
        let xref = startxref_before(bytes, prev_end, start);
        prev_end = end;
        let Some(x) = xref else { continue };
        if x == 0 || x >= start || Some(x) == final_xref || Some(x) == prev_xref {
            continue;
        }
        prev_xref = Some(x);
        ends.push(end);
    }
    ends
}

/// Whether objects follow the last `%%EOF` (or the file has none): the file ends in the middle
/// of a save, as a truncated download or an interrupted incremental update leaves it.
pub fn unfinished_tail(bytes: &[u8]) -> bool {
    tail_objects(bytes).next().is_some()
}

/// Whether the file ends inside an object (its last object has no `endobj`): what that object
/// held, and whatever came after it, is lost. A cut between objects loses no object.
pub fn cut_inside_object(bytes: &[u8]) -> bool {
    tail_objects(bytes).last().and_then(|at| bytes.get(at..)).is_some_and(|rest| !contains(rest, b"endobj"))
}

/// Offsets of the object headers (`12 0 obj`) after the last `%%EOF`.
fn tail_objects(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    static OBJ: OnceLock<Regex> = OnceLock::new();
    let re = OBJ
        .get_or_init(|| Regex::new(r"(?:^|[\r\n\s])\d{1,10}[ \t\r\n]+\d{1,5}[ \t\r\n]+obj\b").expect("static regex"));
    let tail_start = bytes.windows(5).rposition(|w| w == b"%%EOF").map_or(0, |at| at + 5);
    let tail = bytes.get(tail_start..).unwrap_or_default();
    re.find_iter(tail).map(move |m| tail_start + m.end())
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// The offset after the last `startxref` keyword in `bytes[from..to]`, if it parses.
fn startxref_before(bytes: &[u8], from: usize, to: usize) -> Option<usize> {
    let window_start = from.max(to.saturating_sub(1024));
    let window = bytes.get(window_start..to)?;
    let at = window.windows(9).rposition(|w| w == b"startxref")?;
    let digits: String = window[at + 9..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
        .map(|&b| b as char)
        .collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_earlier_revisions_only() {
        let first = b"%PDF-1.4\n1 0 obj<<>>endobj\nxref\n0 1\ntrailer<<>>\nstartxref\n27\n%%EOF\n".to_vec();
        let mut file = first.clone();
        file.extend_from_slice(b"2 0 obj<<>>endobj\nxref\n0 1\ntrailer<<>>\nstartxref\n90\n%%EOF\n");
        assert_eq!(earlier_revision_ends(&file), vec![first.len()]);
        assert!(earlier_revision_ends(&first).is_empty());
    }

    #[test]
    fn a_cut_off_update_makes_the_last_save_an_earlier_revision() {
        let first = b"%PDF-1.4\n1 0 obj<<>>endobj\nxref\n0 1\ntrailer<<>>\nstartxref\n27\n%%EOF\n".to_vec();
        let mut cut = first.clone();
        cut.extend_from_slice(b"2 0 obj<</Length 9>>stream\nBT (x) Tj");
        assert!(unfinished_tail(&cut));
        assert_eq!(earlier_revision_ends(&cut), vec![first.len()]);
        assert!(!unfinished_tail(&first));
        assert!(unfinished_tail(b"%PDF-1.4\n1 0 obj<<>>endobj\n2 0 obj"));
        assert!(!unfinished_tail(b"%PDF-1.4\n%%EOF\n% 1 0 objects\n"));
        assert!(cut_inside_object(&cut));
        let between = [first.as_slice(), b"2 0 obj<<>>endobj\n"].concat();
        assert!(unfinished_tail(&between) && !cut_inside_object(&between));
        assert!(!cut_inside_object(&first));
    }

    #[test]
    fn linearized_first_page_trailer_is_not_a_revision() {
        let file =
            b"%PDF-1.5\n1 0 obj<</Linearized 1>>endobj\nstartxref\n0\n%%EOF\nxref stuff\nstartxref\n116\n%%EOF\n";
        assert!(earlier_revision_ends(file).is_empty());
        let doubled = b"%PDF-1.4\nxref\nstartxref\n9\n%%EOF\nstartxref\n9\n%%EOF\n";
        assert!(earlier_revision_ends(doubled).is_empty());
    }
}
