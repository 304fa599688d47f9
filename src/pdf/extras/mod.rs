//! Non-page content of a PDF: the Info dictionary and XMP, annotations and form fields, bookmarks,
//! embedded files, incremental-update revisions, JavaScript and launch actions.
//!
//! This layer only reads the file: it turns each part into plain text (`ExtraText`) or a
//! description (`EmbeddedFile`, `Action`, revision offsets). Deciding what is a finding is left to
//! `scan::extras`, which runs the rules over these texts.
//!
//! PDF object graphs can be cyclic and broken: every walk here keeps a visited set and a cap on
//! the number of nodes, and every lookup that can fail yields nothing rather than an error.

pub mod actions;
pub mod annots;
pub mod embedded;
pub mod labels;
pub mod metadata;
pub mod objects;
pub mod revisions;

pub use actions::{find_actions, Action};
pub use annots::{annotation_texts, bookmark_texts, form_field_texts};
pub use embedded::{embedded_files, EmbeddedFile};
pub use labels::page_label_texts;
pub use metadata::metadata_texts;
pub use revisions::earlier_revision_ends;

use super::geom::Rect;
use lopdf::ObjectId;

/// The page objects of a document, in page order.
pub fn page_ids(doc: &super::Document) -> Vec<ObjectId> {
    doc.page_ids()
}

/// A piece of text that is in the file but not painted on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct ExtraText {
    /// `metadata`, `annotation`, `form-field`, `bookmark` or `page-label`: the finding's source.
    pub source: &'static str,
    /// The 1-based page the text belongs to (an annotation's page), when it has one.
    pub page: Option<u32>,
    /// Where exactly: a metadata field (`Author`, `XMP dc:creator`), an annotation's subtype and
    /// part (`Text annotation /Contents`), a form field's name, `bookmark`.
    pub location: String,
    pub text: String,
    /// The annotation's rectangle on its page, when known.
    pub bbox: Option<Rect>,
}

#[cfg(test)]
pub(crate) mod testpdf;

#[cfg(test)]
mod tests;
