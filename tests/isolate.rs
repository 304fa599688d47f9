//! Worker processes: a worker that dies or hangs costs only the file it was reading.

use leakscan::report::FileReport;
use leakscan::scan::isolate::{scan_isolated, WorkerCommand};
use leakscan::scan::Input;
use std::path::PathBuf;
use std::time::Duration;

fn inputs(n: usize) -> Vec<Input> {
    (0..n).map(|i| Input { path: PathBuf::from(format!("f{i}.pdf")), display: format!("f{i}.pdf") }).collect()
}

fn run(script: &str, n: usize, timeout: Duration) -> Vec<FileReport> {
    let cmd = WorkerCommand { program: "sh".into(), args: vec!["-c".into(), script.into()], hard_timeout: timeout };
    let mut got: Vec<(usize, FileReport)> = Vec::new();
    scan_isolated(&cmd, &inputs(n), 2, &mut |i, r| got.push((i, r)));
    got.sort_by_key(|(i, _)| *i);
    assert_eq!(got.iter().map(|(i, _)| *i).collect::<Vec<_>>(), (0..n).collect::<Vec<_>>(), "every file reported once");
    got.into_iter().map(|(_, r)| r).collect()
}

#[test]
fn a_crashing_worker_costs_only_its_file() {
    // Answers every request, except that it kills itself on f2.pdf.
    let script = r#"while read -r line; do
        case "$line" in *f2.pdf*) kill -9 $$ ;; esac
        p=$(printf '%s' "$line" | sed 's/.*"display":"\([^"]*\)".*/\1/')
        printf '{"path":"%s","pages":1,"error":null,"findings":[]}\n' "$p"
    done"#;
    let reports = run(script, 6, Duration::from_secs(30));
    for (i, r) in reports.iter().enumerate() {
        if i == 2 {
            let err = r.error.as_deref().unwrap_or_default();
            assert!(err.contains("signal 9") && err.contains("not checked"), "{err}");
        } else {
            assert_eq!(r.error, None, "file {i}");
            assert_eq!(r.pages, 1);
        }
    }
}

#[test]
fn a_hanging_worker_is_killed_and_reported() {
    let reports = run("exec sleep 600", 1, Duration::from_millis(300));
    let err = reports[0].error.as_deref().unwrap_or_default();
    assert!(err.contains("not checked"), "{err}");
}

#[test]
fn a_worker_that_cannot_start_fails_closed() {
    let cmd =
        WorkerCommand { program: "/nonexistent/leakscan".into(), args: vec![], hard_timeout: Duration::from_secs(5) };
    let mut got = Vec::new();
    scan_isolated(&cmd, &inputs(3), 2, &mut |i, r| got.push((i, r)));
    assert_eq!(got.len(), 3);
    assert!(got.iter().all(|(_, r)| r.error.as_deref().is_some_and(|e| e.contains("could not start"))));
}
