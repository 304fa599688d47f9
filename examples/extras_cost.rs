//! How much the checks for what a reader cannot see cost next to text extraction.
//! `RAYON_NUM_THREADS=1 cargo run --release --example extras_cost -- FILE_OR_DIR...` prints, summed
//! over the PDFs (each step the fastest of 3 runs): opening and interpreting the pages, the
//! hidden-text/no-text-layer checks, layout, the text rules, and the extras (metadata,
//! annotations, embedded files, revisions, actions) as what a full scan adds to all that.

use leakscan::detect::{hidden, Config, Detector, TextUnit};
use leakscan::pdf::{layout, Document, Limits};
use leakscan::scan::{self, Scanner};
use std::time::{Duration, Instant};

const RUNS: usize = 3;

fn fastest<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..RUNS {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed());
        out = Some(r);
    }
    (best, out.expect("RUNS > 0"))
}

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let (inputs, _) = scan::collect_inputs(&paths);
    let scanner = Scanner { detector: Detector::new(Config::default()).expect("rules"), limits: Limits::default() };
    let [mut extract, mut hid, mut rules, mut full] = [Duration::ZERO; 4];
    let mut pages = 0usize;
    for input in &inputs {
        let Ok(bytes) = std::fs::read(&input.path) else { continue };
        // Open, interpret and lay out every page, without the content checks.
        let (t, texts) = fastest(|| {
            let Ok(doc) = Document::open(&bytes, Limits::default()) else { return None };
            Some((0..doc.page_count()).map(|i| doc.page_content(i)).collect::<Vec<_>>())
        });
        let Some(contents) = texts else { continue };
        extract += t;
        let (t, texts) = fastest(|| contents.iter().map(layout::page_text).collect::<Vec<_>>());
        extract += t;
        let (t, _) = fastest(|| {
            let mut found = Vec::new();
            contents.iter().for_each(|c| hidden::check_page(c, &mut found));
            found
        });
        hid += t;
        pages += texts.len();
        let (t, _) = fastest(|| {
            let ctx = scanner.detector.prepare(&texts);
            let mut found = Vec::new();
            for (i, text) in texts.iter().enumerate() {
                scanner.detector.scan(&TextUnit::page(text, i as u32 + 1), &ctx, &mut found);
            }
            found
        });
        rules += t;
        let (t, _) = fastest(|| scanner.scan_bytes(&input.display, &bytes));
        full += t;
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let pct = |d: Duration| 100.0 * ms(d) / ms(extract).max(1e-9);
    let extras = full.saturating_sub(extract + hid + rules);
    println!("{} files, {pages} pages", inputs.len());
    println!("text extraction   {:9.1} ms  (open, interpret, layout)", ms(extract));
    println!("hidden checks     {:9.1} ms  ({:.1}% of extraction)", ms(hid), pct(hid));
    println!("text rules        {:9.1} ms  ({:.1}% of extraction)", ms(rules), pct(rules));
    println!("full scan         {:9.1} ms", ms(full));
    println!("extras            {:9.1} ms  ({:.1}% of extraction; full scan minus the above)", ms(extras), pct(extras));
}
