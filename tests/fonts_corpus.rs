//! Character recall of font decoding against pdftotext over a directory of real PDFs.
//! Not a regular test (needs pdftotext and a corpus):
//!   LEAKSCAN_FONT_CORPUS=/work/corpus cargo test --test fonts_corpus -- --ignored --nocapture
//! For each file it decodes every string shown on the pages (following Form XObjects) and
//! compares the multiset of non-space characters with pdftotext's output.

use leakscan::pdf::font::Font;
use leakscan::pdf::{Budget, Limits};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::cell::Cell;
use std::collections::HashMap;
use std::time::{Duration, Instant};

thread_local! {
    static LOAD: Cell<Duration> = const { Cell::new(Duration::ZERO) };
    static DECODE: Cell<Duration> = const { Cell::new(Duration::ZERO) };
    static CODES: Cell<u64> = const { Cell::new(0) };
}

fn timed<T>(slot: &'static std::thread::LocalKey<Cell<Duration>>, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let r = f();
    slot.with(|c| c.set(c.get() + t.elapsed()));
    r
}

fn resolve<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    match o {
        Object::Reference(id) => doc.get_object(*id).ok(),
        o => Some(o),
    }
}

fn show_content(
    doc: &Document,
    resources: Option<&Dictionary>,
    bytes: &[u8],
    budget: &Budget,
    cache: &mut HashMap<ObjectId, Font>,
    out: &mut String,
    depth: u32,
) {
    if depth > 8 {
        return;
    }
    let Ok(content) = Content::decode(bytes) else { return };
    let fonts =
        resources.and_then(|r| r.get(b"Font").ok()).and_then(|f| resolve(doc, f)).and_then(|f| f.as_dict().ok());
    let xobjects =
        resources.and_then(|r| r.get(b"XObject").ok()).and_then(|f| resolve(doc, f)).and_then(|f| f.as_dict().ok());
    let mut current: Option<Font> = None;
    for op in content.operations {
        match op.operator.as_str() {
            "Tf" => {
                current = None;
                let name = op.operands.first().and_then(|n| n.as_name().ok());
                if let (Some(name), Some(fonts)) = (name, fonts) {
                    if let Ok(obj) = fonts.get(name) {
                        let key = obj.as_reference().unwrap_or((0, 0));
                        if let Some(dict) = resolve(doc, obj).and_then(|o| o.as_dict().ok()) {
                            let font = if key.0 != 0 {
                                cache
                                    .entry(key)
                                    .or_insert_with(|| timed(&LOAD, || Font::load(doc, dict, budget)))
                                    .clone()
                            } else {
                                timed(&LOAD, || Font::load(doc, dict, budget))
                            };
                            current = Some(font);
                        }
                    }
                }
            }
            "Tj" | "'" | "\"" | "TJ" => {
                let mut strings = Vec::new();
                for o in &op.operands {
                    match o {
                        Object::String(s, _) => strings.push(s.clone()),
                        Object::Array(a) => {
                            strings.extend(a.iter().filter_map(|i| i.as_str().ok().map(|s| s.to_vec())))
                        }
                        _ => {}
                    }
                }
                if let Some(f) = &current {
                    for s in strings {
                        timed(&DECODE, || {
                            f.decode(&s, |c| {
                                CODES.with(|n| n.set(n.get() + 1));
                                out.push_str(c.text)
                            })
                        });
                    }
                }
            }
            "Do" => {
                let name = op.operands.first().and_then(|n| n.as_name().ok());
                let xo = name.and_then(|n| xobjects?.get(n).ok()).and_then(|o| resolve(doc, o));
                if let Some(Object::Stream(s)) = xo {
                    if s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Form") {
                        if let Ok(data) = s.decompressed_content().or_else(|_| Ok::<_, ()>(s.content.clone())) {
                            let res = s
                                .dict
                                .get(b"Resources")
                                .ok()
                                .and_then(|r| resolve(doc, r))
                                .and_then(|r| r.as_dict().ok());
                            show_content(doc, res.or(resources), &data, budget, cache, out, depth + 1);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

fn char_counts(s: &str) -> HashMap<char, i64> {
    let mut m = HashMap::new();
    // pdftotext prints unmappable codes as control characters; they are not text.
    for c in s.chars().filter(|c| !c.is_whitespace() && !c.is_control() && *c != '\u{AD}') {
        *m.entry(c).or_insert(0) += 1;
    }
    m
}

#[test]
#[ignore]
fn corpus_character_recall() {
    let Ok(dir) = std::env::var("LEAKSCAN_FONT_CORPUS") else { return };
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
    paths.retain(|p| p.extension().is_some_and(|e| e == "pdf"));
    paths.sort();
    let mut recalls = Vec::new();
    let mut load_time = Duration::ZERO;
    for path in paths {
        let Ok(doc) = Document::load(&path) else { continue };
        let Ok(out) = std::process::Command::new("pdftotext").arg("-q").arg(&path).arg("-").output() else { continue };
        let reference = String::from_utf8_lossy(&out.stdout).to_string();
        let budget = Budget::new(Limits::default());
        let mut cache = HashMap::new();
        let mut ours = String::new();
        let t = Instant::now();
        for (_, page) in doc.get_pages() {
            let (res, _) = doc.get_page_resources(page).unwrap_or((None, vec![]));
            let res = res.cloned().or_else(|| {
                doc.get_page_resources(page).ok()?.1.first().and_then(|id| doc.get_dictionary(*id).ok()).cloned()
            });
            let content = doc.get_page_content(page);
            show_content(&doc, res.as_ref(), &content, &budget, &mut cache, &mut ours, 0);
        }
        load_time += t.elapsed();
        if std::env::var("LEAKSCAN_FONT_DUMP").is_ok_and(|d| path.to_string_lossy().contains(&d)) {
            std::fs::write("/tmp/fonts_ours.txt", &ours).unwrap();
            std::fs::write("/tmp/fonts_ref.txt", &reference).unwrap();
        }
        let want = char_counts(&reference);
        let got = char_counts(&ours);
        let total: i64 = want.values().sum();
        if total < 50 {
            continue;
        }
        let hit: i64 = want.iter().map(|(c, n)| (*n).min(*got.get(c).unwrap_or(&0))).sum();
        let recall = hit as f64 / total as f64;
        let mut missing: Vec<(char, i64)> =
            want.iter().map(|(c, n)| (*c, n - got.get(c).copied().unwrap_or(0))).filter(|(_, d)| *d > 0).collect();
        missing.sort_by_key(|(_, d)| -d);
        missing.truncate(8);
        println!("{recall:.4} {total:>7} {} missing {:?}", path.display(), missing);
        recalls.push(recall);
    }
    recalls.sort_by(|a, b| a.partial_cmp(b).unwrap());
    if !recalls.is_empty() {
        println!(
            "files {} median {:.4} p10 {:.4} min {:.4} (whole loop {:?}; Font::load {:?}, decode {:?} for {} codes)",
            recalls.len(),
            recalls[recalls.len() / 2],
            recalls[recalls.len() / 10],
            recalls[0],
            load_time,
            LOAD.with(|c| c.get()),
            DECODE.with(|c| c.get()),
            CODES.with(|c| c.get())
        );
    }
}
