//! Rules over page content rather than text: `hidden-text` (covered, white, off-page, tiny,
//! squeezed, clipped text, text in layers that are off)
//! and `no-text-layer` (a page that is only images, or whose text has no letters in the file).
//!
//! Hidden text is what a reader of the page does not see but anyone can copy out of the file: a
//! black box drawn over text (a redaction that removed nothing), text in the colour of what is
//! behind it, text off the visible page, text too small to read, transparent or invisible text.
//! Invisible text over a scanned image is an OCR layer, the searchable text of the scan: it is
//! checked as page text by every rule and is not hidden.

use super::{mask, Finding, Severity};
use crate::pdf::layout::printable;
use crate::pdf::{Concealed, Glyph, ImageDraw, PageContent, Rect, Rgb, Shape};
use covers::{block_covers, centre, coverage, Bands};
use std::borrow::Cow;

/// Share of a glyph's box a later fill must cover to hide it (Free Law Project's x-ray uses
/// "most of the box"; partial overlaps are underlines and table rules).
const COVER_SHARE: f32 = 0.7;
/// Fills at least this opaque hide what is under them.
const OPAQUE: f32 = 0.9;
/// Colours closer than this (largest channel difference) look the same to a reader.
const SAME_COLOUR: f32 = 0.06;
/// Text below this size (pt) cannot be read on screen or paper.
const TINY_PT: f32 = 1.5;
/// Findings per page; the rest are summed up in one more.
const MAX_RUNS_PER_PAGE: usize = 50;
/// A page is a scan when images cover at least this share of it...
const SCAN_IMAGE_SHARE: f32 = 0.5;
/// From this share on, the page is a scan (high); below it, mostly an image (medium).
const SCAN_FULL_SHARE: f32 = 0.7;
/// ...and fewer than this many letters and digits lie on the images...
const SCAN_MAX_CHARS_ON_IMAGES: usize = 20;
/// ...and the whole page has fewer than this many letters and digits.
const SCAN_MAX_CHARS: usize = 200;

/// Checks one page's painted content. Called once per page while the content is at hand.
pub fn check_page(content: &PageContent, out: &mut Vec<Finding>) {
    hidden_text(content, out);
    let before = out.len();
    no_text_layer(content, out);
    if out.len() == before {
        unreadable_text(content, out);
    }
}

/// Why a glyph cannot be seen.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Reason {
    /// Under a later opaque filled rectangle of this colour.
    UnderBox(Rgb),
    UnderImage,
    /// Under an image of a few pixels stretched over it: a fill, not a picture.
    UnderFillImage,
    /// The fill colour of the text equals what is behind it; `true` when that is white paper.
    SameAsBackground(bool),
    OffPage,
    /// Off the page, continuing a visible line: a long line or URL running past the edge.
    RunsOffPage,
    Tiny,
    Transparent,
    /// Render mode 3 (or 7) with no image under it.
    Invisible,
    /// In a layer (optional content) that is off when the file is opened.
    LayerOff,
    /// Outside the clipping path.
    ClippedAway,
    /// Outside the clipping path, continuing a visible line: a line cut off at a box's edge.
    RunsPastClip,
    /// Squeezed by horizontal scaling into a sliver.
    Squeezed,
}

impl Reason {
    /// Runs join glyphs with the same reason; box colours need only look alike.
    fn same_kind(&self, o: &Reason) -> bool {
        match (self, o) {
            (Reason::UnderBox(a), Reason::UnderBox(b)) => a.distance(b) < SAME_COLOUR,
            (Reason::RunsOffPage, Reason::OffPage) | (Reason::RunsPastClip, Reason::ClippedAway) => true,
            _ => self == o,
        }
    }

    fn describe_da(&self, max_size: f32) -> String {
        match self {
            Reason::UnderBox(c) if c.distance(&Rgb::BLACK) < 0.25 => {
                "tekst under en sort boks (en overstregning, der ikke fjernede teksten)".to_string()
            }
            Reason::UnderBox(c) if c.distance(&Rgb::WHITE) < SAME_COLOUR => {
                "tekst under en hvid boks tegnet ovenpå (teksten er stadig i filen)".to_string()
            }
            Reason::UnderBox(_) => "tekst under en udfyldt boks tegnet ovenpå (teksten er stadig i filen)".to_string(),
            Reason::UnderImage => "tekst under et billede tegnet ovenpå (teksten er stadig i filen)".to_string(),
            Reason::SameAsBackground(true) => "hvid tekst på hvid baggrund".to_string(),
            Reason::SameAsBackground(false) => "tekst i samme farve som boksen bag den".to_string(),
            Reason::OffPage => "tekst uden for den synlige side".to_string(),
            Reason::RunsOffPage => "en tekstlinje, der løber ud over kanten af den synlige side".to_string(),
            Reason::Tiny => format!("tekst på {} pt, for lille til at læse", format_size(max_size)),
            Reason::Transparent => "helt gennemsigtig tekst".to_string(),
            Reason::Invisible => "usynlig tekst (tegnetilstand 3) uden et scannet billede under".to_string(),
            Reason::UnderFillImage => {
                "tekst under et ensfarvet billede strakt ud over den (en overstregning, der ikke fjernede teksten)"
                    .to_string()
            }
            Reason::LayerOff => "tekst i et lag (valgfrit indhold), der er slået fra, når filen åbnes".to_string(),
            Reason::ClippedAway => "tekst uden for beskæringsstien, så den aldrig tegnes".to_string(),
            Reason::RunsPastClip => "en tekstlinje, der skæres af ved kanten af sin beskæringsboks".to_string(),
            Reason::Squeezed => "tekst presset sammen til en tynd stribe, for smal til at læse".to_string(),
        }
    }

    fn describe(&self, max_size: f32) -> String {
        match self {
            Reason::UnderBox(c) if c.distance(&Rgb::BLACK) < 0.25 => {
                "text under a black box (a redaction that did not remove the text)".to_string()
            }
            Reason::UnderBox(c) if c.distance(&Rgb::WHITE) < SAME_COLOUR => {
                "text under a white box drawn over it (the text is still in the file)".to_string()
            }
            Reason::UnderBox(_) => "text under a filled box drawn over it (the text is still in the file)".to_string(),
            Reason::UnderImage => "text under an image drawn over it (the text is still in the file)".to_string(),
            Reason::UnderFillImage => {
                "text under a solid image stretched over it (a redaction that did not remove the text)".to_string()
            }
            Reason::SameAsBackground(true) => "white text on white".to_string(),
            Reason::SameAsBackground(false) => "text in the same colour as the box behind it".to_string(),
            Reason::OffPage => "text outside the visible page".to_string(),
            Reason::RunsOffPage => "a line of text running past the edge of the visible page".to_string(),
            Reason::Tiny => format!("{} pt text, too small to read", format_size(max_size)),
            Reason::Transparent => "fully transparent text".to_string(),
            Reason::Invisible => "invisible text (render mode 3) with no scanned image under it".to_string(),
            Reason::LayerOff => {
                "text in a layer (optional content) that is switched off when the file is opened".to_string()
            }
            Reason::ClippedAway => "text outside the clipping path, so it is never drawn".to_string(),
            Reason::RunsPastClip => "a line of text cut off at the edge of its clipping box".to_string(),
            Reason::Squeezed => "text squeezed to a sliver by horizontal scaling, too narrow to read".to_string(),
        }
    }

    fn severity(&self) -> Severity {
        match self {
            Reason::UnderBox(_) | Reason::UnderFillImage => Severity::High,
            // Signature and stamp images are often drawn over typed text with a transparent
            // background (a soft mask the page content does not reveal): often visible after all.
            Reason::UnderImage | Reason::RunsOffPage | Reason::RunsPastClip => Severity::Low,
            _ => Severity::Medium,
        }
    }

    fn confidence(&self) -> f32 {
        match self {
            Reason::UnderBox(_) | Reason::SameAsBackground(true) | Reason::Transparent => 0.9,
            Reason::UnderFillImage => 0.8,
            Reason::OffPage | Reason::Tiny | Reason::Invisible | Reason::RunsOffPage | Reason::RunsPastClip => 0.8,
            Reason::LayerOff | Reason::ClippedAway | Reason::Squeezed => 0.85,
            Reason::SameAsBackground(false) => 0.7,
            Reason::UnderImage => 0.5,
        }
    }
}

fn format_size(size: f32) -> String {
    if size < 0.95 {
        format!("{:.1}", size.max(0.0))
    } else {
        format!("{}", size.round() as i32)
    }
}

struct Classifier<'a> {
    content: &'a PageContent,
    /// The page's fills, plus the boxes of full-block characters (a redaction typed as █████).
    shapes: Cow<'a, [Shape]>,
    bands: Bands,
    /// Images big enough to hold text (a 1×1 pixel image stretched as a fill holds none).
    images: Vec<&'a ImageDraw>,
    page_area: f32,
}

impl<'a> Classifier<'a> {
    fn new(content: &'a PageContent) -> Classifier<'a> {
        let images = content
            .images
            .iter()
            .filter(|i| i.width == 0 || i.height == 0 || i.width.saturating_mul(i.height) >= 64)
            .collect();
        let blocks = block_covers(content);
        let shapes = if blocks.is_empty() {
            Cow::Borrowed(content.shapes.as_slice())
        } else {
            Cow::Owned(content.shapes.iter().cloned().chain(blocks).collect())
        };
        Classifier {
            content,
            bands: Bands::new(&content.page_box, &shapes),
            shapes,
            images,
            page_area: content.page_box.area().max(1.0),
        }
    }

    fn classify(&self, g: &Glyph) -> Option<Reason> {
        let (cx, cy) = centre(&g.bbox);
        if g.concealed == Concealed::LayerOff {
            return Some(Reason::LayerOff);
        }
        if g.render_mode == 3 || g.render_mode == 7 {
            let on_image = self.images.iter().any(|i| i.bbox.contains_point(cx, cy));
            return (!on_image).then_some(Reason::Invisible);
        }
        match g.concealed {
            // Off the page says more than clipped: producers clip to the page.
            Concealed::ClippedAway if g.in_page_box => return Some(Reason::ClippedAway),
            Concealed::Squeezed => return Some(Reason::Squeezed),
            _ => {}
        }
        if g.alpha < 0.1 {
            return Some(Reason::Transparent);
        }
        if !g.in_page_box {
            return Some(Reason::OffPage);
        }
        if g.size.abs() < TINY_PT {
            return Some(Reason::Tiny);
        }
        let shapes = &self.shapes;
        let candidates = self.bands.at(cy);
        let later_box = candidates
            .iter()
            .filter_map(|&i| shapes.get(i as usize))
            .filter(|s| s.seq > g.seq && s.is_rect && coverage(&g.bbox, &s.bbox) >= COVER_SHARE)
            .max_by_key(|s| s.seq);
        if let Some(s) = later_box {
            return Some(Reason::UnderBox(s.fill));
        }
        // An image over text that is a whole page is a scan laid over its own OCR text.
        let later_image = self.images.iter().any(|i| {
            i.seq > g.seq && i.bbox.area() < 0.5 * self.page_area && coverage(&g.bbox, &i.bbox) >= COVER_SHARE
        });
        if later_image {
            return Some(Reason::UnderImage);
        }
        let later_fill_image = self.content.images.iter().any(|i| {
            i.width > 0
                && i.height > 0
                && i.width.saturating_mul(i.height) < 64
                && i.seq > g.seq
                && coverage(&g.bbox, &i.bbox) >= COVER_SHARE
        });
        if later_fill_image {
            return Some(Reason::UnderFillImage);
        }
        // Stroked-only text (modes 1, 5) shows its outline colour, which is not tracked.
        if !matches!(g.render_mode, 0 | 2 | 4 | 6) {
            return None;
        }
        let behind = candidates
            .iter()
            .filter_map(|&i| shapes.get(i as usize))
            .filter(|s| s.seq < g.seq && coverage(&g.bbox, &s.bbox) >= COVER_SHARE)
            .max_by_key(|s| s.seq);
        let image_behind =
            self.images.iter().filter(|i| i.seq < g.seq && i.bbox.contains_point(cx, cy)).map(|i| i.seq).max();
        match (behind, image_behind) {
            // What is behind is a picture: its colour under the glyph is unknown.
            (Some(s), Some(img)) if img > s.seq => None,
            (None, Some(_)) => None,
            (Some(s), _) => (g.fill.distance(&s.fill) < SAME_COLOUR)
                .then(|| Reason::SameAsBackground(s.fill.distance(&Rgb::WHITE) < SAME_COLOUR)),
            (None, None) => (g.fill.distance(&Rgb::WHITE) < SAME_COLOUR).then_some(Reason::SameAsBackground(true)),
        }
    }
}

/// A run of hidden glyphs: consecutive in paint order, near each other, hidden the same way.
struct Run<'a> {
    reason: Reason,
    /// Each glyph, and whether a space glyph was painted just before it.
    glyphs: Vec<(&'a Glyph, bool)>,
    pending_space: bool,
}

impl<'a> Run<'a> {
    fn continues_with(&self, g: &Glyph, reason: &Reason) -> bool {
        let Some((last, _)) = self.glyphs.last() else { return false };
        if !self.reason.same_kind(reason) {
            return false;
        }
        let size = last.size.max(g.size).max(4.0);
        let dy = (g.y - last.y).abs();
        let same_line = dy < 0.6 * size && g.x - last.bbox.x1 < 3.0 * size && g.x > last.x - size;
        let next_line = (0.6 * size..2.5 * size).contains(&dy);
        same_line || next_line
    }

    fn push(&mut self, g: &'a Glyph) {
        self.glyphs.push((g, self.pending_space));
        self.pending_space = false;
    }

    fn text(&self) -> String {
        let mut s = String::new();
        let mut prev: Option<&Glyph> = None;
        for &(g, space_before) in &self.glyphs {
            if let Some(p) = prev {
                let size = p.size.max(1.0);
                let gap = g.bbox.x0 - p.bbox.x1;
                if space_before || g.synthetic_space || (g.y - p.y).abs() > 0.6 * size || gap > 0.25 * size {
                    s.push(' ');
                }
            }
            if printable(g.ch) {
                s.push(g.ch);
            }
            prev = Some(g);
        }
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

fn hidden_text(content: &PageContent, out: &mut Vec<Finding>) {
    if content.glyphs.is_empty() {
        return;
    }
    let classifier = Classifier::new(content);
    let mut order: Vec<&Glyph> = content.glyphs.iter().collect();
    order.sort_by_key(|g| g.seq);
    let reasons: Vec<Option<Reason>> =
        order.iter().map(|g| if g.ch.is_whitespace() { None } else { classifier.classify(g) }).collect();
    let mut runs: Vec<Run> = Vec::new();
    let mut current: Option<Run> = None;
    // The last non-space glyph, and whether it was visible.
    let mut last: Option<(&Glyph, bool)> = None;
    for (&g, reason) in order.iter().zip(&reasons) {
        if g.ch.is_whitespace() {
            if let Some(r) = current.as_mut() {
                r.pending_space = true;
            }
            continue;
        }
        match (*reason, current.as_mut()) {
            (None, _) => runs.extend(current.take()),
            (Some(reason), Some(run)) if run.continues_with(g, &reason) => run.push(g),
            (Some(mut reason), _) => {
                runs.extend(current.take());
                if last.is_some_and(|(p, visible)| visible && same_line(p, g)) {
                    reason = match reason {
                        Reason::OffPage => Reason::RunsOffPage,
                        Reason::ClippedAway => Reason::RunsPastClip,
                        r => r,
                    };
                }
                let mut run = Run { reason, glyphs: Vec::new(), pending_space: false };
                run.push(g);
                current = Some(run);
            }
        }
        last = Some((g, reason.is_none()));
    }
    runs.extend(current.take());
    if runs.is_empty() {
        return;
    }
    let visible = VisibleWords::new(&order, &reasons);
    report_runs(content, runs, &visible, out);
}

fn same_line(a: &Glyph, b: &Glyph) -> bool {
    let size = a.size.max(b.size).max(1.0);
    (a.y - b.y).abs() < 0.6 * size && b.x >= a.x && b.x - a.bbox.x1 < 3.0 * size
}

/// Word 1-, 2- and 3-grams of the page's visible text. Hidden text that repeats visible text
/// (a layer variant, a duplicate drawn under a box) discloses nothing new.
struct VisibleWords(std::collections::HashSet<u64>);

impl VisibleWords {
    fn new(order: &[&Glyph], reasons: &[Option<Reason>]) -> VisibleWords {
        let mut text = String::new();
        let mut prev: Option<&Glyph> = None;
        for (&g, reason) in order.iter().zip(reasons) {
            if reason.is_some() {
                continue;
            }
            if let Some(p) = prev {
                if !same_line(p, g) || g.bbox.x0 - p.bbox.x1 > 0.25 * p.size.max(1.0) {
                    text.push(' ');
                }
            }
            text.push(g.ch);
            prev = Some(g);
        }
        let words = words_of(&text);
        let mut grams = std::collections::HashSet::new();
        for n in 1..=3 {
            for w in words.windows(n) {
                grams.insert(gram_hash(w));
            }
        }
        VisibleWords(grams)
    }

    /// Whether (most of) `text` is visible elsewhere on the page.
    fn repeats(&self, text: &str) -> bool {
        let words = words_of(text);
        if words.is_empty() {
            return false;
        }
        if words.len() < 3 {
            return self.0.contains(&gram_hash(&words));
        }
        let tri: Vec<&[String]> = words.windows(3).collect();
        let seen = tri.iter().filter(|w| self.0.contains(&gram_hash(w))).count();
        seen * 5 >= tri.len() * 3
    }
}

fn words_of(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

fn gram_hash(words: &[String]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    words.hash(&mut h);
    h.finish()
}

fn report_runs(content: &PageContent, runs: Vec<Run>, visible: &VisibleWords, out: &mut Vec<Finding>) {
    let mut reported = 0usize;
    let mut left_over = 0usize;
    for run in runs {
        let text = run.text();
        let letters = text.chars().filter(|c| c.is_alphanumeric()).count();
        let needed = if matches!(run.reason, Reason::UnderBox(_) | Reason::UnderFillImage) { 1 } else { 2 };
        if letters < needed {
            continue;
        }
        if reported >= MAX_RUNS_PER_PAGE {
            left_over += 1;
            continue;
        }
        reported += 1;
        let Some((first, _)) = run.glyphs.first() else { continue };
        let bbox = run.glyphs.iter().map(|(g, _)| g.bbox).reduce(|a, b| a.union(&b));
        let max_size = run.glyphs.iter().map(|(g, _)| g.size).fold(0.0, f32::max);
        let masked = mask::mask_cprs_in(&text);
        let holds_cpr = masked != text;
        let repeated = visible.repeats(&text);
        let severity = if repeated {
            Severity::Low
        } else if holds_cpr {
            Severity::High
        } else {
            run.reason.severity()
        };
        let repeat_note = if repeated { " The same words are also visible on the page." } else { "" };
        let repeat_note_da = if repeated { " De samme ord står også synligt på siden." } else { "" };
        let shown = clip_words(&text, 300);
        let mut f = Finding::new(
            "hidden-text",
            severity,
            Some(content.number),
            &shown,
            format!(
                "Hidden text on page {}: {}. A reader does not see it, but anyone can copy it out of the file.{repeat_note}",
                content.number,
                run.reason.describe(max_size)
            ),
        )
        .with_danish(format!(
            "Skjult tekst på side {}: {}. En læser ser den ikke, men alle kan kopiere den ud af filen.{repeat_note_da}",
            content.number,
            run.reason.describe_da(max_size)
        ));
        f.masked_text = mask::mask_cprs_in(&shown);
        f.source = first.source.as_str().to_string();
        f.bbox = bbox;
        f.confidence = run.reason.confidence();
        out.push(f);
    }
    if left_over > 0 {
        let mut f = Finding::new(
            "hidden-text",
            Severity::Medium,
            Some(content.number),
            "",
            format!(
                "Page {} has {left_over} more runs of hidden text than listed here; check the whole page.",
                content.number
            ),
        )
        .with_danish(format!(
            "Side {} har {left_over} flere stykker skjult tekst end dem, der er vist her; gennemgå hele siden.",
            content.number
        ));
        f.confidence = 0.8;
        out.push(f);
    }
}

fn clip_words(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

/// A page needs at least this many glyphs without Unicode...
const UNREADABLE_MIN: usize = 30;
/// ...making up at least this share of its glyphs, to count as unreadable.
const UNREADABLE_SHARE: f32 = 0.3;

/// A page whose text is drawn in fonts that give no Unicode for it (no `/ToUnicode`, glyph
/// indices only: a PDF printed through PostScript, some scanner and print drivers) shows words
/// to a reader but none to the rules. Its text layer is as good as missing; failing closed, it
/// is reported like a scan. Symbols a font names but Unicode lacks (bullets, music, maths) do
/// not count, nor do a few unreadable glyphs.
fn unreadable_text(content: &PageContent, out: &mut Vec<Finding>) {
    let mut drawn = 0usize;
    let mut unmapped = 0usize;
    for g in content.glyphs.iter().filter(|g| !g.synthetic_space && !g.ch.is_whitespace()) {
        drawn += 1;
        let font_gives_nothing = content.fonts.get(usize::from(g.font)).is_some_and(|f| f.no_unicode);
        unmapped += usize::from(g.ch == '\u{FFFD}' && font_gives_nothing);
    }
    if unmapped < UNREADABLE_MIN || (unmapped as f32) < UNREADABLE_SHARE * drawn as f32 {
        return;
    }
    let mut f = Finding::new(
        "no-text-layer",
        Severity::Medium,
        Some(content.number),
        "",
        format!(
            "Page {} has text whose letters the file does not give ({unmapped} of {drawn} characters are in fonts without a Unicode map): it could not be checked, review it by eye.",
            content.number,
        ),
    )
    .with_danish(format!(
        "Side {} har tekst, hvis bogstaver filen ikke angiver ({unmapped} af {drawn} tegn er i skrifttyper uden Unicode-tabel): den kunne ikke kontrolleres; gennemgå den med øjnene.",
        content.number,
    ));
    f.bbox = Some(content.page_box);
    f.confidence = 0.8;
    out.push(f);
}

/// A page that is (almost) only images has nothing for the text rules to check.
fn no_text_layer(content: &PageContent, out: &mut Vec<Finding>) {
    let page = content.page_box;
    if page.area() <= 0.0 {
        return;
    }
    let images: Vec<&ImageDraw> = content
        .images
        .iter()
        .filter(|i| i.width == 0 || i.height == 0 || i.width.saturating_mul(i.height) >= 64)
        .collect();
    if images.is_empty() {
        return;
    }
    let share = covered_share(&page, &images);
    if share < SCAN_IMAGE_SHARE {
        return;
    }
    let mut letters = 0usize;
    let mut on_images = 0usize;
    for g in content.glyphs.iter().filter(|g| g.ch.is_alphanumeric()) {
        letters += 1;
        let (x, y) = centre(&g.bbox);
        if images.iter().any(|i| i.bbox.contains_point(x, y)) {
            on_images += 1;
        }
    }
    if on_images >= SCAN_MAX_CHARS_ON_IMAGES || letters >= SCAN_MAX_CHARS {
        return;
    }
    // A scan fills the page; an image on half of it may be a map or photo with a caption.
    let (severity, what, what_da) = if share >= SCAN_FULL_SHARE {
        (Severity::High, "is an image", "er et billede")
    } else {
        (Severity::Medium, "is mostly an image", "er mest et billede")
    };
    let percent = (share * 100.0).round() as i32;
    let mut f = Finding::new(
        "no-text-layer",
        severity,
        Some(content.number),
        "",
        format!(
            "Page {} {what} ({percent}% of the page) with no text layer: it could not be checked, review it by eye.",
            content.number,
        ),
    )
    .with_danish(format!(
        "Side {} {what_da} ({percent} % af siden) uden tekstlag: den kunne ikke kontrolleres; gennemgå den med øjnene.",
        content.number,
    ));
    f.bbox = Some(page);
    f.confidence = 0.9;
    out.push(f);
}

/// Share of the page the images cover, sampled on a 40×40 grid (images overlap, so areas
/// cannot simply be added).
fn covered_share(page: &Rect, images: &[&ImageDraw]) -> f32 {
    const N: usize = 40;
    let mut hit = 0usize;
    for i in 0..N {
        for j in 0..N {
            let x = page.x0 + (i as f32 + 0.5) * page.width() / N as f32;
            let y = page.y0 + (j as f32 + 0.5) * page.height() / N as f32;
            if images.iter().any(|im| im.bbox.contains_point(x, y)) {
                hit += 1;
            }
        }
    }
    hit as f32 / (N * N) as f32
}

#[path = "hidden_covers.rs"]
mod covers;

#[cfg(test)]
#[path = "hidden_tests.rs"]
mod tests;
