//! leakscan: checks PDFs before a municipality publishes them.
//!
//! Data flows one way through the modules:
//! `pdf` (bytes → pages of positioned glyphs, shapes and images, and their text in reading order)
//! → `detect` (rules over that text) → `agenda` (items, open/closed, closed-item pages)
//! → `report` (human, json, …), with `scan` tying them together per file and `cli` on top.

pub mod agenda;
pub mod cli;
pub mod detect;
pub mod pdf;
pub mod report;
pub mod scan;
