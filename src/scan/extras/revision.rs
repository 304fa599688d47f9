//! Rule `revision`: content that an earlier revision of an incrementally saved file holds and the
//! final version no longer shows. The old bytes are still in the file; anyone can cut the file at
//! the old `%%EOF` and read them.

use super::closed::names_closed_item;
use super::{finding_keys, normalize, Final, Scanner};
use crate::agenda::Item;
use crate::detect::{mask, DocContext, Finding, Severity, TextUnit};
use crate::pdf::extras::{self as px, objects::clip, ExtraText};
use crate::pdf::leftovers::MAX_LEFTOVERS;
use crate::pdf::{layout, Document, Limits, PageText};
use crate::scan::ReadDocument;
use lopdf::{Object, ObjectId};
use std::collections::hash_map::DefaultHasher;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

/// Earlier revisions checked at most; files with more are "not fully checked".
const MAX_REVISIONS: usize = 20;

/// How findings name pages and content streams that no page uses: text an edit dropped, kept in
/// the file like an earlier revision's.
const LEFTOVER_LABEL: &str = "objects no page uses";

/// What the final version shows, in forms cheap to compare against.
struct FinalView {
    /// Hashes of word 1-, 2- and 3-grams of every page and non-page text.
    grams: HashSet<u64>,
    /// All text, single-spaced, for checking a finding's exact words.
    joined: String,
    keys: HashSet<(String, String)>,
}

fn gram_hash(words: &[&str]) -> u64 {
    let mut h = DefaultHasher::new();
    words.len().hash(&mut h);
    for w in words {
        w.hash(&mut h);
    }
    h.finish()
}

impl FinalView {
    fn new(read: &ReadDocument, extras: &[ExtraText], findings: &[Finding]) -> FinalView {
        let mut grams = HashSet::new();
        let mut joined = String::new();
        let sources = read.pages.iter().map(|p| p.text.as_str()).chain(extras.iter().map(|t| t.text.as_str()));
        for text in sources {
            let words: Vec<&str> = text.split_whitespace().collect();
            for n in 1..=3 {
                for w in words.windows(n) {
                    grams.insert(gram_hash(w));
                }
            }
            joined.push_str(&words.join(" "));
            joined.push(' ');
        }
        FinalView { grams, joined, keys: finding_keys(findings) }
    }

    /// Whether the final version shows (most of) this line's words in this order. Layout may
    /// break lines differently after an edit, so lines are compared by word n-grams.
    fn shows_line(&self, line: &str) -> bool {
        let words: Vec<&str> = line.split_whitespace().collect();
        if !line.chars().any(|c| c.is_alphanumeric()) {
            return true;
        }
        if words.len() < 3 {
            return self.grams.contains(&gram_hash(&words));
        }
        let trigrams: Vec<&[&str]> = words.windows(3).collect();
        let present = trigrams.iter().filter(|w| self.grams.contains(&gram_hash(w))).count();
        present * 2 >= trigrams.len()
    }

    fn shows_finding(&self, f: &Finding) -> bool {
        let words = normalize(&f.text);
        self.keys.contains(&(f.rule.clone(), words.clone())) || (!words.is_empty() && self.joined.contains(&words))
    }
}

/// Whether a page object and its content streams are the same in both revisions (then its text
/// is too, and it need not be read again).
fn same_page(old: &lopdf::Document, new: &lopdf::Document, id: ObjectId) -> bool {
    let (Ok(a), Ok(b)) = (old.get_object(id), new.get_object(id)) else { return false };
    if a != b {
        return false;
    }
    let Ok(dict) = a.as_dict() else { return false };
    let refs: Vec<ObjectId> = match dict.get(b"Contents") {
        Ok(Object::Reference(r)) => vec![*r],
        Ok(Object::Array(items)) => items.iter().filter_map(|o| o.as_reference().ok()).collect(),
        _ => Vec::new(),
    };
    refs.iter().all(|r| matches!((old.get_object(*r), new.get_object(*r)), (Ok(x), Ok(y)) if x == y))
}

/// What one earlier revision holds that the final version does not show.
#[derive(Default)]
struct Removed {
    lines: Vec<String>,
    /// Pages of the earlier revision that are no longer in the file's page list.
    pages: Vec<u32>,
    findings: Vec<Finding>,
}

impl Scanner {
    pub(super) fn check_revisions(
        &self,
        fin: &Final<'_>,
        bytes: &[u8],
        ctx: &DocContext,
        out: &mut Vec<Finding>,
        problems: &mut Vec<String>,
    ) {
        let read = fin.read;
        let ends = px::earlier_revision_ends(bytes);
        let leftovers = read.doc.leftovers();
        if ends.is_empty() && leftovers.is_none() {
            return;
        }
        let view = FinalView::new(read, fin.texts, out);
        let mut reported: HashSet<(String, String)> = HashSet::new();
        let mut revision_lines: HashSet<String> = HashSet::new();
        self.check_earlier_revisions(fin, bytes, &ends, ctx, &view, &mut reported, &mut revision_lines, out, problems);
        let Some((left, truncated)) = leftovers else { return };
        if read.doc.budget().check_time().is_err() {
            problems.push("objects no page uses were not checked: the time budget is used up".to_string());
            return;
        }
        if truncated {
            problems.push(format!(
                "the file holds more than {MAX_LEFTOVERS} pages or content streams no page uses; only {MAX_LEFTOVERS} were checked"
            ));
        }
        let mut removed = self.compare_revision(fin, &left, ctx, &view, LEFTOVER_LABEL, &mut reported);
        // An incremental update leaves the objects it replaced behind; what an earlier revision
        // already showed is reported there, as the edit it is.
        removed.lines.retain(|l| !revision_lines.contains(l));
        if removed.lines.is_empty() {
            removed.pages.clear();
        }
        if let Some(summary) = summarize(&removed, LEFTOVER_LABEL) {
            out.push(summary);
        }
        out.extend(removed.findings);
    }

    #[allow(clippy::too_many_arguments)]
    fn check_earlier_revisions(
        &self,
        fin: &Final<'_>,
        bytes: &[u8],
        ends: &[usize],
        ctx: &DocContext,
        view: &FinalView,
        reported: &mut HashSet<(String, String)>,
        revision_lines: &mut HashSet<String>,
        out: &mut Vec<Finding>,
        problems: &mut Vec<String>,
    ) {
        if ends.is_empty() {
            return;
        }
        let total = ends.len() + 1;
        // The most recent revisions are the likeliest to hold what the last edit removed.
        let skip = ends.len().saturating_sub(MAX_REVISIONS);
        if skip > 0 {
            problems.push(format!(
                "the file has {} earlier revisions; only the last {MAX_REVISIONS} were checked",
                ends.len()
            ));
        }
        let budget = fin.read.doc.budget();
        for (index, &end) in ends.iter().enumerate().skip(skip) {
            if let Err(why) = budget.check_time() {
                problems.push(format!("revision {} of {total} and later were not checked: {why}", index + 1));
                return;
            }
            let label = format!("revision {} of {total}", index + 1);
            let limits = Limits { time_budget: budget.remaining_time(), ..self.limits.clone() };
            let Some(prefix) = bytes.get(..end) else { continue };
            // A cut that does not open is not a usable revision (a stray `%%EOF`); nothing to report.
            let Ok(old) = Document::open(prefix, limits) else { continue };
            let removed = self.compare_revision(fin, &old, ctx, view, &label, reported);
            revision_lines.extend(removed.lines.iter().cloned());
            if let Some(summary) = summarize(&removed, &label) {
                out.push(summary);
            }
            out.extend(removed.findings);
        }
    }

    fn compare_revision(
        &self,
        fin: &Final<'_>,
        old: &Document,
        ctx: &DocContext,
        view: &FinalView,
        label: &str,
        reported: &mut HashSet<(String, String)>,
    ) -> Removed {
        let mut removed = Removed::default();
        let read = fin.read;
        let final_pages: HashSet<ObjectId> = fin.pages.iter().copied().collect();
        let old_pages = px::page_ids(old);
        let mut keep = |mut f: Finding, place: String, removed: &mut Removed| {
            if view.shows_finding(&f) || !reported.insert((f.rule.clone(), normalize(&f.text))) {
                return;
            }
            f.location = Some(match &f.location {
                Some(l) if !place.is_empty() => format!("{label}, {place}, {l}"),
                Some(l) => format!("{label}, {l}"),
                None if !place.is_empty() => format!("{label}, {place}"),
                None => label.to_string(),
            });
            f.source = "revision".to_string();
            f.page = None;
            f.bbox = None;
            removed.findings.push(f);
        };
        for (i, &id) in old_pages.iter().enumerate().take(self.limits.max_pages) {
            if old.budget().check_time().is_err() {
                break;
            }
            let still_there = final_pages.contains(&id);
            if still_there && same_page(old.lopdf(), read.doc.lopdf(), id) {
                continue;
            }
            let page_no = i as u32 + 1;
            let text: PageText = layout::page_text(&old.page_content(i));
            let lines: Vec<String> =
                (0..text.lines.len()).map(|l| text.line_text(l).to_string()).filter(|l| !view.shows_line(l)).collect();
            if !still_there && text.text.chars().any(char::is_alphanumeric) {
                removed.pages.push(page_no);
            }
            if lines.is_empty() {
                continue;
            }
            // A removed line that names a closed item (its title, its case number) is
            // closed-item material still in the file.
            let closed: Vec<&Item> = fin.agenda.closed_items().collect();
            for line in &lines {
                if let Some(mention) = names_closed_item(line, &closed) {
                    let (what, what_da) = (mention.what, mention.what_da);
                    let mut f = Finding::new(
                        "closed-item",
                        Severity::High,
                        None,
                        line,
                        format!("An earlier version of the file ({label}, page {page_no}) holds a line naming {what}, which the final version does not show."),
                    )
                    .with_danish(format!("En tidligere version af filen ({label}, side {page_no}) har en linje, der nævner {what_da}, og som den endelige version ikke viser."));
                    f.masked_text = mask::mask_cprs_in(line);
                    keep(f, format!("page {page_no}"), &mut removed);
                }
            }
            removed.lines.extend(lines);
            let mut found = Vec::new();
            self.detector.scan(&TextUnit::page(&text, page_no), ctx, &mut found);
            for f in found {
                keep(f, format!("page {page_no}"), &mut removed);
            }
        }
        // Old metadata, comments and form values, where they differ from the final ones.
        let doc = old.lopdf();
        let mut texts = px::metadata_texts(doc);
        let annots = px::annotation_texts(doc, &old_pages);
        texts.extend(px::form_field_texts(doc, &old_pages, &annots.page_of));
        texts.extend(annots.texts);
        texts.extend(px::bookmark_texts(doc, &old_pages));
        texts.extend(px::page_label_texts(doc));
        texts.retain(|t| !view.shows_line(&t.text));
        let mut found = Vec::new();
        self.check_texts(&texts, ctx, &mut found);
        for f in found {
            let place = match f.source.as_str() {
                "metadata" => "metadata".to_string(),
                other => other.replace('-', " "),
            };
            keep(f, place, &mut removed);
        }
        removed
    }
}

/// One `revision` finding per earlier revision that holds removed content: high when that content
/// holds personal data, medium for a removed page, low for other removed text.
fn summarize(removed: &Removed, label: &str) -> Option<Finding> {
    if removed.lines.is_empty() && removed.pages.is_empty() && removed.findings.is_empty() {
        return None;
    }
    let severity = if !removed.findings.is_empty() {
        Severity::High
    } else if !removed.pages.is_empty() {
        Severity::Medium
    } else {
        Severity::Low
    };
    let sample = clip(&removed.lines.iter().take(3).cloned().collect::<Vec<_>>().join(" / "), 200).to_string();
    let plural = |n: usize, one: &str, many: &str| if n == 1 { one.to_string() } else { many.to_string() };
    let (mut what, mut what_da) = (Vec::new(), Vec::new());
    if !removed.lines.is_empty() {
        let n = removed.lines.len();
        what.push(format!("{n} {}", plural(n, "line of text", "lines of text")));
        what_da.push(format!("{n} {}", plural(n, "tekstlinje", "tekstlinjer")));
    }
    if !removed.pages.is_empty() {
        let pages: Vec<String> = removed.pages.iter().take(10).map(u32::to_string).collect();
        what.push(format!("{} {}, later removed", plural(pages.len(), "page", "pages"), pages.join(", ")));
        what_da.push(format!("{} {}, som senere er fjernet", plural(pages.len(), "side", "sider"), pages.join(", ")));
    }
    if !removed.findings.is_empty() {
        let n = removed.findings.len();
        what.push(format!(
            "{n} {} (listed with source `revision`)",
            plural(n, "finding of personal data", "findings of personal data")
        ));
        what_da.push(format!(
            "{n} {} (vist med kilden `revision`)",
            plural(n, "fund af personoplysninger", "fund af personoplysninger")
        ));
    }
    let mut f = Finding::new(
        "revision",
        severity,
        None,
        &sample,
        format!(
            "The file keeps an earlier version ({label}) with content the final version does not show: {}. \
             Anyone can extract it; save the file anew (not as an incremental update) before publishing.",
            what.join("; ")
        ),
    )
    .with_danish(format!(
        "Filen gemmer en tidligere version ({label}) med indhold, som den endelige version ikke viser: {}. \
         Alle kan trække det ud; gem filen på ny (ikke som en trinvis opdatering), før den offentliggøres.",
        what_da.join("; ")
    ));
    f.masked_text = mask::mask_cprs_in(&sample);
    f.context = sample.clone();
    f.source = "revision".to_string();
    f.location = Some(label.to_string());
    f.confidence = 0.9;
    Some(f)
}
