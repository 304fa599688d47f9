//! Bounds on the work and memory one file may take. Hostile PDFs exist (decompression bombs,
//! cyclic Form XObjects, millions of operators); hitting a bound makes the file or page
//! "not fully checked", never a panic, hang or out-of-memory.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest decoded size of one stream.
    pub max_stream_bytes: usize,
    /// Largest sum of decoded stream bytes for a whole file.
    pub max_file_decoded_bytes: u64,
    /// Deepest chain of Form XObjects (and Type3 glyph procedures) drawn inside each other.
    pub max_form_depth: u32,
    /// Deepest `q` nesting and array/dictionary nesting in content streams.
    pub max_nesting: u32,
    /// Most content-stream operators interpreted on one page (forms included).
    pub max_ops_per_page: u64,
    /// Most glyphs kept for one page.
    pub max_glyphs_per_page: usize,
    /// Most pages read from one file.
    pub max_pages: usize,
    /// Wall-clock budget for one file.
    pub time_budget: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_stream_bytes: 64 << 20,
            max_file_decoded_bytes: 1 << 30,
            max_form_depth: 12,
            max_nesting: 64,
            max_ops_per_page: 4_000_000,
            max_glyphs_per_page: 1_000_000,
            max_pages: 20_000,
            time_budget: Duration::from_secs(60),
        }
    }
}

/// The running account of one file against its `Limits`. Shared by the threads reading its pages.
#[derive(Debug)]
pub struct Budget {
    pub limits: Limits,
    started: Instant,
    decoded_bytes: AtomicU64,
}

impl Budget {
    pub fn new(limits: Limits) -> Budget {
        Budget { limits, started: Instant::now(), decoded_bytes: AtomicU64::new(0) }
    }

    /// Records `n` more decoded bytes; `Err` with a sentence once the file's total is over its bound.
    pub fn charge_decoded(&self, n: usize) -> Result<(), String> {
        let total = self.decoded_bytes.fetch_add(n as u64, Ordering::Relaxed) + n as u64;
        if total > self.limits.max_file_decoded_bytes {
            Err(format!(
                "the file's streams decode to more than {} MB, the limit per file",
                self.limits.max_file_decoded_bytes >> 20
            ))
        } else {
            Ok(())
        }
    }

    /// Time left of the file's budget (zero once used up): nested reads (an embedded PDF, an
    /// earlier revision) get what is left, not a fresh budget.
    pub fn remaining_time(&self) -> Duration {
        self.limits.time_budget.saturating_sub(self.started.elapsed())
    }

    /// `Err` with a sentence once the file has used up its time.
    pub fn check_time(&self) -> Result<(), String> {
        if self.started.elapsed() > self.limits.time_budget {
            Err(format!("reading the file took longer than its time budget of {} s", self.limits.time_budget.as_secs()))
        } else {
            Ok(())
        }
    }
}
