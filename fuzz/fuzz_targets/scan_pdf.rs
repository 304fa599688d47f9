//! Any bytes through the whole scan: open, interpret every page, lay out, run every rule and the
//! extras (metadata, annotations, embedded files, revisions). It must never panic, hang or blow up.
#![no_main]

use leakscan::detect::{Config, Detector};
use leakscan::pdf::Limits;
use leakscan::scan::Scanner;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use std::time::Duration;

fn scanner() -> &'static Scanner {
    static S: OnceLock<Scanner> = OnceLock::new();
    S.get_or_init(|| {
        let limits = Limits {
            max_stream_bytes: 8 << 20,
            max_file_decoded_bytes: 64 << 20,
            max_ops_per_page: 200_000,
            max_glyphs_per_page: 50_000,
            max_pages: 50,
            time_budget: Duration::from_secs(5),
            ..Limits::default()
        };
        Scanner { detector: Detector::new(Config::default()).expect("default rules compile"), limits }
    })
}

fuzz_target!(|data: &[u8]| {
    let report = scanner().scan_bytes_unguarded("fuzz.pdf", data);
    // Reports must serialise: a finding with broken text would break every format.
    let _ = leakscan::report::json::file_value(&report, Default::default()).to_string();
});
