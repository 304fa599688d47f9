//! Opening a PDF and finding its pages.

use super::content::PageContent;
use super::limits::{Budget, Limits};
use std::fmt;

/// Why a file could not be opened at all. `Display` gives a sentence for the report.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenError {
    /// Encrypted, and the empty user password does not open it.
    PasswordRequired,
    /// Not a PDF, or too broken to repair.
    Malformed(String),
    /// A limit was hit before any page could be read.
    Limit(String),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::PasswordRequired => {
                write!(f, "the file is encrypted and needs a password to open; it was not checked")
            }
            OpenError::Malformed(why) => write!(f, "the file could not be read as a PDF: {why}"),
            OpenError::Limit(why) => write!(f, "the file was not checked: {why}"),
        }
    }
}

/// An opened PDF.
pub struct Document {
    pub(crate) inner: lopdf::Document,
    pub(crate) pages: Vec<lopdf::ObjectId>,
    pub(crate) budget: Budget,
    /// File-level reasons the file was not fully read (broken page tree, …).
    pub problems: Vec<String>,
}

impl Document {
    /// Opens a PDF from its bytes. Decrypts with the empty password when needed.
    pub fn open(bytes: &[u8], limits: Limits) -> Result<Document, OpenError> {
        let inner = lopdf::Document::load_mem(bytes).map_err(|e| OpenError::Malformed(e.to_string()))?;
        let pages = inner.get_pages().into_values().collect();
        Ok(Document { inner, pages, budget: Budget::new(limits), problems: Vec::new() })
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Everything painted on page `index` (0-based). Never panics; problems are in `problems`.
    pub fn page_content(&self, index: usize) -> PageContent {
        super::interp::interpret_page(self, index)
    }

    /// The underlying lopdf document, for metadata, annotations and other non-page content.
    pub fn lopdf(&self) -> &lopdf::Document {
        &self.inner
    }

    pub fn budget(&self) -> &Budget {
        &self.budget
    }
}
