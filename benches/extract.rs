//! Extraction speed.
//!
//! - `layout/*`: glyphs → text on synthetic pages (a two-column agenda page, a table, a page of
//!   100 000 glyphs), so layout is measured on its own, independent of parsing.
//! - `extract/*`: every page of each PDF in `fixtures/` (or in `$LEAKSCAN_BENCH_DIR`) read to
//!   text (parsing, interpreting, fonts, layout). Skipped when there are no PDFs.
//!
//! Run: `cargo bench --bench extract` (add `-- layout` or `-- extract` to pick one group).
//! The comparison with pdftotext over a corpus is `scripts/bench-vs-pdftotext.sh`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use leakscan::pdf::content::{FontInfo, Glyph, GlyphSource, PageContent, Rgb};
use leakscan::pdf::geom::Rect;
use leakscan::pdf::layout;
use leakscan::pdf::limits::Limits;
use leakscan::scan::read_document;
use std::path::PathBuf;

fn push_run(page: &mut PageContent, text: &str, x: f32, y: f32, size: f32) {
    let mut x = x;
    for ch in text.chars() {
        let advance = 0.5 * size;
        page.glyphs.push(Glyph {
            ch,
            bbox: Rect::new(x, y - 0.2 * size, x + advance, y + 0.8 * size),
            x,
            y,
            size,
            angle: 0,
            render_mode: 0,
            fill: Rgb::BLACK,
            alpha: 1.0,
            in_page_box: true,
            source: GlyphSource::Page,
            font: 0,
            seq: page.glyphs.len() as u32,
            synthetic_space: ch == ' ',
            concealed: Default::default(),
        });
        x += advance;
    }
}

fn blank_page() -> PageContent {
    PageContent {
        number: 1,
        page_box: Rect::new(0.0, 0.0, 595.0, 842.0),
        fonts: vec![FontInfo { name: "Helvetica".into(), ..Default::default() }],
        ..Default::default()
    }
}

fn two_column_page() -> PageContent {
    let mut p = blank_page();
    push_run(&mut p, "Referat af mødet i Teknik- og Miljøudvalget", 50.0, 800.0, 14.0);
    for i in 0..60 {
        let y = 770.0 - 12.0 * i as f32;
        push_run(&mut p, &format!("Sagen {i} vedrører ansøgning om byggetilladelse"), 50.0, y, 9.0);
        push_run(&mut p, &format!("CPR-nr.: 120387-{i:04} og adressen Vejen {i}"), 310.0, y, 9.0);
    }
    p
}

fn table_page() -> PageContent {
    let mut p = blank_page();
    for r in 0..50 {
        let y = 800.0 - 15.0 * r as f32;
        for c in 0..6 {
            push_run(&mut p, &format!("R{r}C{c} data"), 40.0 + 90.0 * c as f32, y, 8.0);
        }
    }
    p
}

fn huge_page() -> PageContent {
    let mut p = blank_page();
    let line = "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ";
    let mut n = 0;
    let mut row = 0;
    while n < 100_000 {
        let y = 830.0 - (row % 400) as f32 * 2.0;
        push_run(&mut p, line, 10.0 + (row / 400) as f32 * 0.3, y, 2.0);
        n += line.len();
        row += 1;
    }
    p
}

fn bench_layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    for (name, page) in [("two-column", two_column_page()), ("table", table_page()), ("100k-glyphs", huge_page())] {
        group.throughput(Throughput::Elements(page.glyphs.len() as u64));
        group.bench_function(name, |b| b.iter(|| layout::page_text(std::hint::black_box(&page))));
    }
    group.finish();
}

fn bench_files() -> Vec<PathBuf> {
    let dir = std::env::var_os("LEAKSCAN_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures"));
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")))
        .collect();
    files.sort();
    files
}

fn bench_extract(c: &mut Criterion) {
    let files = bench_files();
    if files.is_empty() {
        eprintln!("extract: no PDFs in fixtures/ or $LEAKSCAN_BENCH_DIR, skipped");
        return;
    }
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    for path in files {
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let pages = read_document(&bytes, Limits::default()).map(|d| d.pages.len()).unwrap_or(0);
        if pages == 0 {
            continue;
        }
        group.throughput(Throughput::Elements(pages as u64));
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        group.bench_function(name, |b| b.iter(|| read_document(std::hint::black_box(&bytes), Limits::default())));
    }
    group.finish();
}

criterion_group!(benches, bench_layout, bench_extract);
criterion_main!(benches);
