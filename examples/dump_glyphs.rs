//! Prints the glyphs of one page as the interpreter emits them, one per line, to see why layout
//! puts (or does not put) a space somewhere: `dump_glyphs FILE PAGE [FIRST [COUNT]]`.
//! Columns: index, char, origin x y, box x0 y0 x1 y1, size, angle, font, space flag.

use leakscan::pdf::{Document, Limits};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(page)) = (args.get(1), args.get(2).and_then(|p| p.parse::<usize>().ok())) else {
        eprintln!("usage: dump_glyphs FILE PAGE [FIRST [COUNT]]");
        std::process::exit(2);
    };
    let first: usize = args.get(3).and_then(|v| v.parse().ok()).unwrap_or(0);
    let count: usize = args.get(4).and_then(|v| v.parse().ok()).unwrap_or(usize::MAX);
    let bytes = std::fs::read(path).unwrap_or_default();
    let doc = match Document::open(&bytes, Limits::default()) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let content = doc.page_content(page.saturating_sub(1));
    println!(
        "page {} rotate {} box {:?} glyphs {}",
        content.number,
        content.rotate,
        content.page_box,
        content.glyphs.len()
    );
    for (i, g) in content.glyphs.iter().enumerate().skip(first).take(count) {
        let b = g.bbox;
        println!(
            "{i:6} {:?} {:8.2} {:8.2} [{:8.2} {:8.2} {:8.2} {:8.2}] {:6.2} {:4} f{} {}",
            g.ch,
            g.x,
            g.y,
            b.x0,
            b.y0,
            b.x1,
            b.y1,
            g.size,
            g.angle,
            g.font,
            if g.synthetic_space { "sp" } else { "" }
        );
    }
    for p in &content.problems {
        println!("problem: {p}");
    }
}
