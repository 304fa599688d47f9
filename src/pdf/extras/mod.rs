//! Non-page content of a PDF: the Info dictionary and XMP, annotations and form fields, bookmarks,
//! embedded files, incremental-update revisions, JavaScript and launch actions.
