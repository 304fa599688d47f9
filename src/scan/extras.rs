//! What a reader cannot see but a downloader can: metadata, annotations, bookmarks, embedded
//! files, earlier revisions, scripts. Each is turned into text units for the rules, or into
//! findings.

mod closed;
mod embedded;
mod revision;

use super::{ReadDocument, Scanner};
use crate::agenda::Agenda;
use crate::detect::{mask, DocContext, Finding, Severity, TextUnit};
use crate::pdf::extras::{self as px, ExtraText};
use crate::pdf::PageText;
use lopdf::ObjectId;
use std::collections::HashSet;

/// Embedded PDFs inside embedded PDFs are followed this deep.
const MAX_DEPTH: u32 = 3;
/// Actions listed one by one; more are summed up.
const MAX_ACTION_FINDINGS: usize = 20;

impl Scanner {
    /// Checks the parts of the file that are not page content. Returns sentences for parts that
    /// could not be checked (they make the file "not fully checked").
    pub(super) fn scan_extras(
        &self,
        read: &ReadDocument,
        bytes: &[u8],
        ctx: &DocContext,
        depth: u32,
        agenda: &Agenda,
        out: &mut Vec<Finding>,
    ) -> Vec<String> {
        let mut problems = Vec::new();
        let pages = px::page_ids(&read.doc);
        let texts = extra_texts(read, &pages);
        let mut found = Vec::new();
        self.check_texts(&texts.texts, ctx, &mut found);
        drop_uncorroborated_authors(&mut found, &texts.texts);
        out.extend(found);
        for (page, area) in &texts.unapplied_redactions {
            let mut f = Finding::new(
                "annotation",
                Severity::Medium,
                Some(*page),
                "",
                format!(
                    "Page {page} has a redaction that was marked but never applied: the text under it is still in the file."
                ),
            )
            .with_danish(format!(
                "Side {page} har en overstregning (redaction), der er markeret, men aldrig udført: teksten under den er stadig i filen."
            ));
            f.source = "annotation".to_string();
            f.location = Some("Redact annotation".to_string());
            f.bbox = *area;
            out.push(f);
        }
        self.check_actions(read, &pages, ctx, out);
        out.extend(closed::closed_items_in_metadata(read, agenda));
        let budget = read.doc.budget();
        if let Err(why) = budget.check_time() {
            problems.push(format!("embedded files and earlier revisions were not checked: {why}"));
            return problems;
        }
        self.check_embedded_files(read, &pages, ctx, depth, out, &mut problems);
        if let Err(why) = budget.check_time() {
            problems.push(format!("earlier revisions were not checked: {why}"));
            return problems;
        }
        let fin = Final { read, pages: &pages, texts: &texts.texts, agenda };
        self.check_revisions(&fin, bytes, ctx, out, &mut problems);
        problems
    }

    /// Runs every rule over each text. A name in metadata, an annotation or a form field has no
    /// surrounding text to tell a citizen from a colleague, so the names rule's finding becomes a
    /// finding of the part it sits in (`metadata`, `annotation`), at least medium.
    fn check_texts(&self, texts: &[ExtraText], ctx: &DocContext, out: &mut Vec<Finding>) {
        for t in texts {
            let page_text = PageText::from_plain(&t.text);
            let unit = TextUnit { text: &page_text, page: t.page, source: t.source, location: Some(&t.location) };
            let mut found = Vec::new();
            self.detector.scan(&unit, ctx, &mut found);
            for mut f in found {
                if f.bbox.is_none() {
                    f.bbox = t.bbox;
                }
                if f.rule == "name" {
                    if is_public(ctx, &f.text) {
                        continue;
                    }
                    f = name_in_part(f, t);
                }
                out.push(f);
            }
        }
    }

    fn check_actions(&self, read: &ReadDocument, pages: &[ObjectId], ctx: &DocContext, out: &mut Vec<Finding>) {
        let actions = px::find_actions(read.doc.lopdf(), pages);
        for a in actions.iter().take(MAX_ACTION_FINDINGS) {
            let rule = if a.kind == "Launch" { "launch-action" } else { "javascript" };
            let (what, what_da) = if a.kind == "Launch" {
                ("starts a program or opens a file", "starter et program eller åbner en fil")
            } else {
                ("runs JavaScript", "kører JavaScript")
            };
            let mut f = Finding::new(
                rule,
                Severity::Info,
                a.page,
                &a.detail,
                format!("The file {what} {}. Viewers may run it; check that it belongs there.", a.trigger),
            )
            .with_danish(format!(
                "Filen {what_da} ({}). PDF-læsere kan udføre det; kontrollér, at det hører hjemme i filen.",
                a.trigger
            ));
            f.masked_text = mask::mask_cprs_in(&a.detail);
            f.source = "action".to_string();
            f.location = Some(a.trigger.clone());
            out.push(f);
        }
        // A script's string literals can hold what a form or page once showed (a citizen's
        // name and CPR in an alert or a field value set on open): every rule reads them.
        let scripts: Vec<ExtraText> = actions
            .iter()
            .filter(|a| !a.code.is_empty())
            .map(|a| ExtraText {
                source: "action",
                page: a.page,
                location: format!("JavaScript {}", a.trigger),
                text: a.code.clone(),
                bbox: None,
            })
            .collect();
        self.check_texts(&scripts, ctx, out);
        if actions.len() > MAX_ACTION_FINDINGS {
            let mut f = Finding::new(
                "javascript",
                Severity::Info,
                None,
                "",
                format!("The file has {} more JavaScript or launch actions.", actions.len() - MAX_ACTION_FINDINGS),
            )
            .with_danish(format!(
                "Filen har {} flere JavaScript- eller programhandlinger.",
                actions.len() - MAX_ACTION_FINDINGS
            ));
            f.source = "action".to_string();
            out.push(f);
        }
    }
}

/// The file as finally saved, which earlier revisions are compared with.
struct Final<'a> {
    read: &'a ReadDocument,
    pages: &'a [ObjectId],
    texts: &'a [ExtraText],
    agenda: &'a Agenda,
}

/// Texts outside the page content of the final revision.
struct ExtraTexts {
    texts: Vec<ExtraText>,
    unapplied_redactions: Vec<(u32, Option<crate::pdf::Rect>)>,
}

/// Metadata, annotations, form fields, bookmarks and page labels. Annotation and form texts that
/// also appear in their page's text (a form field's drawn value, a free-text box) are checked
/// there already.
fn extra_texts(read: &ReadDocument, pages: &[ObjectId]) -> ExtraTexts {
    let doc = read.doc.lopdf();
    let mut texts = px::metadata_texts(doc);
    let annots = px::annotation_texts(doc, pages);
    let fields = px::form_field_texts(doc, pages, &annots.page_of);
    let page_words: Vec<String> = read.pages.iter().map(|p| normalize(&p.text)).collect();
    let on_page = |t: &ExtraText| {
        t.page
            .and_then(|p| page_words.get((p as usize).checked_sub(1)?))
            .is_some_and(|words| !normalize(&t.text).is_empty() && words.contains(&normalize(&t.text)))
    };
    texts.extend(annots.texts.into_iter().filter(|t| !on_page(t)));
    texts.extend(fields.into_iter().filter(|t| !on_page(t)));
    texts.extend(px::bookmark_texts(doc, pages));
    texts.extend(px::page_label_texts(doc));
    ExtraTexts { texts, unapplied_redactions: annots.unapplied_redactions }
}

/// Text as a single-spaced word sequence, for comparing texts that were laid out differently.
pub(super) fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_public(ctx: &DocContext, name: &str) -> bool {
    let lower = normalize(name).to_lowercase();
    ctx.public_persons.iter().any(|p| normalize(p).to_lowercase() == lower) || ctx.mentions_public_person(name)
}

/// A `name` finding in a non-page part, reported as that part's rule.
fn name_in_part(mut f: Finding, t: &ExtraText) -> Finding {
    let loc = &t.location;
    let (rule, what, what_da) = match t.source {
        "metadata" => (
            "metadata",
            format!("The metadata field {loc} names a person"),
            format!("Metadatafeltet {loc} nævner en person"),
        ),
        "form-field" => (
            "annotation",
            format!("The {loc} holds a person's name"),
            format!("Formularfeltet ({loc}) indeholder et personnavn"),
        ),
        "bookmark" => (
            "annotation",
            "A bookmark title names a person".to_string(),
            "Et bogmærkes titel nævner en person".to_string(),
        ),
        "page-label" => (
            "annotation",
            "A page label (the page number a viewer shows) names a person".to_string(),
            "En sidetitel (det sidetal, PDF-læseren viser) nævner en person".to_string(),
        ),
        "action" => (
            "annotation",
            format!("A script ({loc}) holds a person's name"),
            format!("Et script ({loc}) indeholder et personnavn"),
        ),
        "embedded-file" => (
            "embedded-file",
            format!("The {loc} names a person"),
            format!("Den vedhæftede fil ({loc}) nævner en person"),
        ),
        _ => ("annotation", format!("The {loc} names a person"), format!("Kommentaren ({loc}) nævner en person")),
    };
    let (shown, shown_da) = match t.page {
        Some(p) => (format!("{what} (page {p})"), format!("{what_da} (side {p})")),
        None => (what, what_da),
    };
    f.message = format!(
        "{shown}: \"{}\". It is not shown on the page but travels with the file; remove it unless the person is staff.",
        f.text
    );
    f.message_da = format!(
        "{shown_da}: \"{}\". Det står ikke på siden, men følger med filen; fjern det, medmindre personen er medarbejder.",
        f.text
    );
    f.rule = rule.to_string();
    f.severity = f.severity.max(Severity::Medium);
    f
}

/// Fields that name who made the file. In a municipality's own document that is a staff
/// member, often one the text never mentions; a citizen's name there is a leak only when
/// something else ties it to the content.
fn is_author_field(location: &str) -> bool {
    matches!(
        location,
        "Author" | "Creator" | "XMP dc:creator" | "XMP pdf:Author" | "XMP dc:contributor" | "XMP dc:publisher"
    )
}

/// Keeps a name in an author field only when the same name is in the file's content metadata
/// (the title or keywords of a citizen's letter). A citizen's own document with their name as
/// Author names them on its pages too, where the names rule reports them.
fn drop_uncorroborated_authors(found: &mut Vec<Finding>, texts: &[ExtraText]) {
    let content_fields: Vec<String> = texts
        .iter()
        .filter(|t| t.source == "metadata" && !is_author_field(&t.location))
        .map(|t| normalize(&t.text).to_lowercase())
        .collect();
    found.retain(|f| {
        let is_author_name =
            f.rule == "metadata" && f.source == "metadata" && f.location.as_deref().is_some_and(is_author_field);
        let name = normalize(&f.text).to_lowercase();
        !is_author_name || content_fields.iter().any(|v| v.contains(&name))
    });
}

/// Findings already made on the final file, as `(rule, words)` keys, so that parts of the file
/// repeating them (an earlier revision, a mirrored field) are not reported twice.
pub(super) fn finding_keys(findings: &[Finding]) -> HashSet<(String, String)> {
    findings.iter().map(|f| (f.rule.clone(), normalize(&f.text))).collect()
}

#[cfg(test)]
mod tests;
