//! Agenda structure: document kind, meeting, participants, items (open/closed), case numbers,
//! page ranges, attachments; and the `closed-item` rule built on it.
