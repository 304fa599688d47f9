//! Peak memory (VmHWM) after each stage of reading one PDF, to see which stage a big file's
//! memory goes to: `cargo run --release --example mem_probe -- FILE` (`OPEN_ONLY=1`: stop after
//! opening, e.g. under `valgrind --tool=massif`).
use leakscan::pdf::{layout, Document, Limits};

fn hwm() -> String {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = |k: &str| {
        s.lines()
            .find(|l| l.starts_with(k))
            .unwrap_or("")
            .split_whitespace()
            .nth(1)
            .unwrap_or("0")
            .parse::<u64>()
            .unwrap_or(0)
            / 1024
    };
    format!("hwm {} MiB rss {} MiB", line("VmHWM"), line("VmRSS"))
}

fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let bytes = std::fs::read(&path).expect("read");
    println!("read: {}", hwm());
    let doc = Document::open(&bytes, Limits::default()).expect("open");
    println!("open: {}  pages {}", hwm(), doc.page_count());
    if std::env::var_os("OPEN_ONLY").is_some() {
        return;
    }
    let mut n = 0;
    for i in 0..doc.page_count() {
        let c = doc.page_content(i);
        let t = layout::page_text(&c);
        n += t.text.len();
    }
    println!("pages one by one: {} ({} chars)", hwm(), n);
    drop(doc);
    println!("dropped: {}", hwm());
}
