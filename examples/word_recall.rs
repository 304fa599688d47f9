//! Word recall of one text against a reference: `word_recall REFERENCE.txt OURS.txt [--missing N]`.
//! Prints `recall reference_words our_words`; with `--missing N`, also the N reference words most
//! often missing from ours (to see what an extraction gets wrong).
//!
//! Words are whitespace-separated tokens, punctuation kept; recall is the size of the multiset
//! intersection over the reference's word count. Before counting, a line of ours that ends in '-'
//! is joined to the next non-empty line on its page without the hyphen, because pdftotext does
//! that to hyphenated line ends and leakscan (on purpose) does not. Words are compared in NFC,
//! without control chars (see `counts`).

use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

fn dehyphenate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for page in text.split('\u{c}') {
        if !out.is_empty() {
            out.push('\u{c}');
        }
        let mut joining = false;
        for line in page.split('\n') {
            if line.trim().is_empty() {
                if !joining {
                    out.push('\n');
                }
                continue;
            }
            let line = if joining { line.trim_start() } else { line };
            match line.strip_suffix('-') {
                Some(head) if !head.is_empty() => {
                    out.push_str(head);
                    joining = true;
                }
                _ => {
                    out.push_str(line);
                    out.push('\n');
                    joining = false;
                }
            }
        }
    }
    out
}

/// Word counts, in NFKC (pdftotext writes a TeX accent as a combining mark where leakscan
/// composes it, and prints `…` as `...`; compatibility forms are the same text). Control chars are taken out of words first: pdftotext prints the raw codes of glyphs it
/// cannot map (music fonts give `^A`, `^C`), which are not text.
fn counts(text: &str) -> HashMap<String, i64> {
    let mut map = HashMap::new();
    for w in text.split_whitespace() {
        let w: String = w.nfkc().filter(|c| !c.is_control()).collect();
        if !w.is_empty() {
            *map.entry(w).or_insert(0) += 1;
        }
    }
    map
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: word_recall REFERENCE.txt OURS.txt [--missing N]");
        std::process::exit(2);
    }
    let read = |p: &str| String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned();
    let reference = read(&args[1]);
    let ours = dehyphenate(&read(&args[2]));
    let want = counts(&reference);
    let mut have = counts(&ours);
    let total: i64 = want.values().sum();
    let mut found = 0i64;
    let mut missing: Vec<(&str, i64)> = Vec::new();
    let our_words: i64 = have.values().sum();
    for (w, n) in &want {
        let h = have.get_mut(w).map_or(0, std::mem::take);
        found += h.min(*n);
        if h < *n {
            missing.push((w.as_str(), n - h));
        }
    }
    let recall = if total == 0 { 1.0 } else { found as f64 / total as f64 };
    println!("{recall:.4} {total} {our_words}");
    if let Some(n) = args.iter().position(|a| a == "--missing").and_then(|i| args.get(i + 1)?.parse::<usize>().ok()) {
        missing.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        for (w, k) in missing.into_iter().take(n) {
            println!("  missing {k:>5} {w}");
        }
    }
}
