//! The content-stream interpreter: graphics and text state, operators, Form XObjects.
//!
//! One `Interp` reads one page: the page's content streams, then its annotation appearances.
//! Form XObjects recurse with a depth bound and a stack of the forms being drawn (cycles exist).
//! Every limit hit becomes a sentence in `PageContent::problems` and stops the page cleanly.

mod actual_text;
mod color;
mod lexer;
mod oc;
mod ops;
mod state;
mod text;
mod xobject;

#[cfg(test)]
mod test_pdf;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_visibility;

pub(crate) use oc::layers_off;

use super::content::{GlyphSource, PageContent, Rgb};
use super::document::{deref, dict_get, Document, PageInfo};
use super::font::Font;
use super::geom::Matrix;
use super::limits::Budget;
use super::stream::decode_stream;
use lexer::{Lexer, Token};
use lopdf::{Dictionary, Object, ObjectId};
use state::{GState, Path};
use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

/// Runs page `index`'s content streams (and its Form XObjects and annotation appearances).
pub fn interpret_page(doc: &Document, index: usize) -> PageContent {
    let Some(info) = doc.pages.get(index) else {
        return PageContent {
            number: index as u32 + 1,
            problems: vec!["the page does not exist".to_string()],
            ..Default::default()
        };
    };
    let mut interp = Interp::new(doc, info, index);
    interp.page_contents(info);
    if !interp.stopped {
        interp.annotations(info);
    }
    interp.out
}

/// Most operands before an operator; more is garbage, not content.
const MAX_OPERANDS: usize = 100_000;
/// Operators between checks of the file's time budget.
const TIME_CHECK_EVERY: u64 = 4096;
/// Most problem sentences kept per page.
const MAX_PROBLEMS: usize = 20;

/// How a font was found, so each font is loaded once per page (and once per document when it
/// is an indirect object).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FontKey {
    Object(ObjectId),
    /// A direct font dictionary, by address (the document is not modified while it is read).
    Direct(usize),
    /// No usable font: `Tf` named a missing resource, or text was shown before any `Tf`.
    Fallback,
}

pub(crate) struct Interp<'d> {
    doc: &'d Document,
    lo: &'d lopdf::Document,
    budget: &'d Budget,
    out: PageContent,
    fonts: Vec<Arc<Font>>,
    font_keys: Vec<(FontKey, u16)>,
    palettes: Vec<Vec<Rgb>>,
    /// Forms being drawn, innermost last.
    form_stack: Vec<ObjectId>,
    form_depth: u32,
    /// Decoded form streams of this page, for forms drawn many times.
    form_cache: HashMap<ObjectId, Rc<Cow<'d, [u8]>>>,
    ops: u64,
    seq: u32,
    stopped: bool,
    operand_pool: Vec<Vec<Token>>,
    /// Saved graphics states of all running streams; each frame owns the part above its base.
    gstack: Vec<GState>,
    path: Path,
    /// Marked-content levels open in the running streams: whether each hides its content.
    marked: Vec<bool>,
    /// Open marked-content levels, forms and annotations that hide their content.
    hidden_levels: u32,
    /// The open `/ActualText` span, if any.
    actual: Option<actual_text::ActualSpan>,
    /// `W`/`W*` seen: the next path-painting operator also clips.
    clip_pending: bool,
    /// Optional content answers by the address of the entry asked about.
    oc_cache: HashMap<usize, bool>,
}

/// The state of one running content stream (the page, a form, an appearance).
pub(crate) struct Frame<'d> {
    res: Option<&'d Dictionary>,
    gs: GState,
    gbase: usize,
    tm: Matrix,
    tlm: Matrix,
    source: GlyphSource,
    /// `q`s beyond the nesting limit, matched by `Q`s before real restores.
    q_overflow: u32,
    /// Marked-content levels open when this stream started; its `EMC`s cannot close them.
    marked_base: usize,
}

impl<'d> Interp<'d> {
    fn new(doc: &'d Document, info: &PageInfo, index: usize) -> Interp<'d> {
        let out = PageContent {
            number: index as u32 + 1,
            page_box: info.visible_box(),
            rotate: info.rotate,
            ..Default::default()
        };
        Interp {
            doc,
            lo: &doc.inner,
            budget: &doc.budget,
            out,
            fonts: Vec::new(),
            font_keys: Vec::new(),
            palettes: Vec::new(),
            form_stack: Vec::new(),
            form_depth: 0,
            form_cache: HashMap::new(),
            ops: 0,
            seq: 0,
            stopped: false,
            operand_pool: Vec::new(),
            gstack: Vec::new(),
            path: Path::default(),
            marked: Vec::new(),
            hidden_levels: 0,
            actual: None,
            clip_pending: false,
            oc_cache: HashMap::new(),
        }
    }

    fn note(&mut self, problem: String) {
        if self.out.problems.len() < MAX_PROBLEMS && !self.out.problems.contains(&problem) {
            self.out.problems.push(problem);
        }
    }

    /// Notes why the page stops here, and stops it.
    fn stop(&mut self, problem: String) {
        self.note(problem);
        self.stopped = true;
    }

    fn next_seq(&mut self) -> u32 {
        let s = self.seq;
        self.seq = self.seq.saturating_add(1);
        s
    }

    fn page_contents(&mut self, info: &PageInfo) {
        let lo = self.lo;
        let Ok(page) = lo.get_dictionary(info.id) else {
            self.note("the page object is missing or broken".to_string());
            return;
        };
        let res = info
            .resources_owner
            .and_then(|id| lo.get_dictionary(id).ok())
            .and_then(|d| dict_get(lo, d, b"Resources"))
            .and_then(|o| o.as_dict().ok());
        let (streams, missing) = content_streams(lo, page);
        if missing > 0 {
            // A content stream that is referenced but not in the file is page text we never saw:
            // typically a file cut off before its last objects (a truncated save or download).
            self.note(format!(
                "{missing} content stream(s) of the page are missing from the file (it may be cut off); part of the page was not read"
            ));
        }
        let content: Cow<'d, [u8]> = if streams.len() == 1 {
            self.decode(streams[0])
        } else {
            // Separate streams are one content stream split anywhere between tokens.
            let mut all = Vec::new();
            for s in streams {
                let part = self.decode(s);
                all.extend_from_slice(&part);
                all.push(b'\n');
                if self.stopped {
                    break;
                }
            }
            Cow::Owned(all)
        };
        let mut frame = Frame {
            res,
            gs: GState::new(Matrix::IDENTITY),
            gbase: 0,
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
            source: GlyphSource::Page,
            q_overflow: 0,
            marked_base: 0,
        };
        self.run(&content, &mut frame);
    }

    /// Decodes a stream, noting any problem; stops the page when the file's budget is used up.
    fn decode(&mut self, s: &'d lopdf::Stream) -> Cow<'d, [u8]> {
        let d = decode_stream(self.lo, s, self.budget);
        if let Some(p) = d.problem {
            if d.budget_exhausted {
                self.stop(format!("{p}; the rest of the page was not read"));
            } else {
                self.note(p);
            }
        }
        d.data
    }

    /// Interprets one content stream in `frame`.
    fn run(&mut self, content: &[u8], frame: &mut Frame<'d>) {
        let mut lex = Lexer::new(content);
        let mut operands = self.operand_pool.pop().unwrap_or_default();
        let max_ops = self.budget.limits.max_ops_per_page;
        let max_nesting = self.budget.limits.max_nesting;
        let mut nesting = 0u32;
        let marked_base = self.marked.len();
        frame.marked_base = marked_base;
        while !self.stopped {
            let tok = lex.next_token();
            match tok {
                Token::Eof => break,
                Token::Op(span) => {
                    self.ops += 1;
                    if self.ops > max_ops {
                        self.stop(format!(
                            "the content stream has more than {max_ops} operators; the rest of the page was not read"
                        ));
                        break;
                    }
                    if self.ops.is_multiple_of(TIME_CHECK_EVERY) {
                        if let Err(why) = self.budget.check_time() {
                            self.stop(format!("{why}; the rest of the page was not read"));
                            break;
                        }
                    }
                    let op = lex.src_bytes(span);
                    self.exec(op, &operands, &mut lex, frame);
                    operands.clear();
                    lex.clear_scratch();
                    nesting = 0;
                }
                _ => {
                    match tok {
                        Token::ArrOpen | Token::DictOpen => {
                            nesting += 1;
                            if nesting > max_nesting {
                                self.stop(format!(
                                    "the content stream nests arrays or dictionaries deeper than {max_nesting} levels; the rest of the page was not read"
                                ));
                                break;
                            }
                        }
                        Token::ArrClose | Token::DictClose => nesting = nesting.saturating_sub(1),
                        _ => {}
                    }
                    if operands.len() >= MAX_OPERANDS {
                        self.stop(format!(
                            "the content stream has more than {MAX_OPERANDS} operands in a row; the rest of the page was not read"
                        ));
                        break;
                    }
                    operands.push(tok);
                }
            }
        }
        operands.clear();
        self.operand_pool.push(operands);
        // Unbalanced `q` and `BDC` inside this stream must not leak into the caller's states.
        self.gstack.truncate(frame.gbase);
        while self.marked.len() > marked_base {
            self.end_marked();
        }
    }

    /// The font table index for the font named `name` in `res`, loading it on first use.
    fn font_index(&mut self, res: Option<&'d Dictionary>, name: &[u8]) -> u16 {
        let lo = self.lo;
        let entry = res
            .and_then(|r| dict_get(lo, r, b"Font"))
            .and_then(|o| o.as_dict().ok())
            .and_then(|fonts| fonts.get(name).ok());
        self.font_index_for(entry)
    }

    /// The font table index for a font dictionary (or a reference to one).
    fn font_index_for(&mut self, entry: Option<&'d Object>) -> u16 {
        let lo = self.lo;
        let (key, dict) = match entry {
            Some(r @ Object::Reference(id)) => match deref(lo, r) {
                Object::Dictionary(d) => (FontKey::Object(*id), Some(d)),
                _ => (FontKey::Fallback, None),
            },
            Some(Object::Dictionary(d)) => (FontKey::Direct(d as *const Dictionary as usize), Some(d)),
            _ => (FontKey::Fallback, None),
        };
        if let Some(&(_, idx)) = self.font_keys.iter().find(|(k, _)| *k == key) {
            return idx;
        }
        let font = match (key, dict) {
            (FontKey::Object(id), Some(d)) => self.doc.font(id, d),
            (_, Some(d)) => Arc::new(Font::load(lo, d, self.budget)),
            _ => Arc::new(Font::load(lo, &Dictionary::new(), self.budget)),
        };
        // A font whose ToUnicode map or encoding could not be read may lose this page's text.
        for problem in &font.problems {
            self.note(problem.clone());
        }
        if self.fonts.len() >= u16::MAX as usize {
            return 0;
        }
        let idx = self.fonts.len() as u16;
        self.out.fonts.push(font.info.clone());
        self.fonts.push(font);
        self.font_keys.push((key, idx));
        idx
    }
}

/// The page's content streams, and how many of its references lead to no stream. A direct
/// `null` or an absent `/Contents` is an empty page by design, not a missing part.
fn content_streams<'d>(lo: &'d lopdf::Document, page: &'d lopdf::Dictionary) -> (Vec<&'d lopdf::Stream>, usize) {
    let Ok(contents) = page.get(b"Contents") else { return (Vec::new(), 0) };
    let is_missing = |o: &Object| matches!(o, Object::Reference(_)) && deref(lo, o).as_stream().is_err();
    match deref(lo, contents) {
        Object::Stream(s) => (vec![s], 0),
        Object::Array(a) => {
            let missing = a.iter().filter(|o| is_missing(o)).count();
            (a.iter().filter_map(|o| deref(lo, o).as_stream().ok()).collect(), missing)
        }
        _ => (Vec::new(), usize::from(is_missing(contents))),
    }
}
