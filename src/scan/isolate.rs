//! Batch runs in worker processes. A stack overflow, an abort or running out of memory cannot be
//! caught inside a process; in a worker it takes down only that worker. The parent then reports
//! the file it was reading as not checked, starts a new worker and goes on with the rest.
//! A watchdog also kills a worker that overruns a file's time budget by far.

use super::Input;
use crate::detect::Finding;
use crate::report::FileReport;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

/// One file's result on the pipe from a worker (unmasked: it never leaves the parent's memory).
#[derive(Serialize, Deserialize)]
pub struct WorkerResult {
    pub path: String,
    pub pages: usize,
    pub error: Option<String>,
    pub findings: Vec<Finding>,
}

/// A request on the pipe to a worker.
#[derive(Serialize, Deserialize)]
pub struct WorkerRequest {
    pub path: PathBuf,
    pub display: String,
    /// The meeting's items (from `--agenda-manifest`) the file is checked against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub known: Option<crate::agenda::KnownItems>,
}

/// How to start a worker: the program and its arguments (normally this executable's `worker`).
#[derive(Clone)]
pub struct WorkerCommand {
    pub program: PathBuf,
    pub args: Vec<String>,
    /// Kill a worker that has spent this long on one file.
    pub hard_timeout: Duration,
}

/// The worker a job is running and the moment its current file must be done by.
type WatchSlot = Mutex<Option<(Arc<Mutex<Child>>, Instant)>>;

struct Worker {
    child: Arc<Mutex<Child>>,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Worker {
    fn start(cmd: &WorkerCommand) -> Result<Worker, String> {
        let mut child = Command::new(&cmd.program)
            .args(&cmd.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start a worker process ({}): {e}", cmd.program.display()))?;
        let stdin = child.stdin.take().ok_or("worker has no stdin")?;
        let stdout = BufReader::new(child.stdout.take().ok_or("worker has no stdout")?);
        Ok(Worker { child: Arc::new(Mutex::new(child)), stdin, stdout })
    }

    /// Sends one file and waits for its result; `Err` when the worker died on the way.
    fn check(&mut self, input: &Input, known: Option<&crate::agenda::KnownItems>) -> Result<WorkerResult, String> {
        let req = WorkerRequest { path: input.path.clone(), display: input.display.clone(), known: known.cloned() };
        let line = serde_json::to_string(&req).map_err(|e| e.to_string())?;
        writeln!(self.stdin, "{line}").and_then(|_| self.stdin.flush()).map_err(|e| e.to_string())?;
        let mut answer = String::new();
        match self.stdout.read_line(&mut answer) {
            Ok(0) | Err(_) => Err(self.death()),
            Ok(_) => serde_json::from_str(&answer).map_err(|e| format!("worker answered nonsense: {e}")),
        }
    }

    fn death(&mut self) -> String {
        let status = self.child.lock().ok().and_then(|mut c| c.wait().ok());
        match status {
            Some(s) => {
                #[cfg(unix)]
                {
                    use std::os::unix::process::ExitStatusExt;
                    if let Some(sig) = s.signal() {
                        return format!("the checker process was killed by signal {sig} (a crash, memory exhaustion or the time limit)");
                    }
                }
                format!("the checker process stopped unexpectedly ({s})")
            }
            None => "the checker process stopped unexpectedly".to_string(),
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        if let Ok(mut c) = self.child.lock() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// Checks `inputs` on `jobs` worker processes, calling `on_result(index, report)` as results arrive.
pub fn scan_isolated(cmd: &WorkerCommand, inputs: &[Input], jobs: usize, on_result: &mut dyn FnMut(usize, FileReport)) {
    scan_isolated_with(cmd, inputs, &crate::agenda::MeetingIndex::default(), jobs, on_result)
}

/// `scan_isolated`, each file sent with the meeting items it is to be checked against.
pub fn scan_isolated_with(
    cmd: &WorkerCommand,
    inputs: &[Input],
    meetings: &crate::agenda::MeetingIndex,
    jobs: usize,
    on_result: &mut dyn FnMut(usize, FileReport),
) {
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, FileReport)>();
    // Watchdog slots: per job, the worker it runs and when its current file must be done.
    let slots: Vec<WatchSlot> = (0..jobs.max(1)).map(|_| Mutex::new(None)).collect();
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|s| {
        for slot in &slots {
            let tx = tx.clone();
            let next = &next;
            s.spawn(move || {
                let mut worker: Option<Worker> = None;
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(input) = inputs.get(i) else { break };
                    if worker.is_none() {
                        match Worker::start(cmd) {
                            Ok(w) => worker = Some(w),
                            Err(why) => {
                                let report = FileReport {
                                    path: input.display.clone(),
                                    error: Some(format!("{why}; the file was not checked")),
                                    ..Default::default()
                                };
                                if tx.send((i, report)).is_err() {
                                    break;
                                }
                                continue;
                            }
                        }
                    }
                    let Some(w) = worker.as_mut() else { break };
                    if let Ok(mut sl) = slot.lock() {
                        *sl = Some((w.child.clone(), Instant::now() + cmd.hard_timeout));
                    }
                    let report = match w.check(input, meetings.for_file(&input.path)) {
                        Ok(r) => FileReport::new(r.path, r.pages, r.error, r.findings),
                        Err(why) => {
                            worker = None;
                            FileReport {
                                path: input.display.clone(),
                                error: Some(format!("{why}; the file was not checked")),
                                ..Default::default()
                            }
                        }
                    };
                    if let Ok(mut sl) = slot.lock() {
                        *sl = None;
                    }
                    if tx.send((i, report)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let (slots, done_ref) = (&slots, &done);
        s.spawn(move || {
            while !done_ref.load(Ordering::SeqCst) {
                for slot in slots {
                    if let Ok(sl) = slot.lock() {
                        if let Some((child, deadline)) = sl.as_ref() {
                            if Instant::now() > *deadline {
                                if let Ok(mut c) = child.lock() {
                                    let _ = c.kill();
                                }
                            }
                        }
                    }
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        });
        for (i, r) in rx {
            on_result(i, r);
        }
        done.store(true, Ordering::SeqCst);
    });
}

/// The worker side: reads requests from stdin, answers one line each, until stdin closes.
pub fn serve(scanner: &super::Scanner) -> i32 {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let Ok(req) = serde_json::from_str::<WorkerRequest>(&line) else { continue };
        let report = scanner.scan_file_with(&Input { path: req.path, display: req.display }, req.known.as_ref());
        let result = WorkerResult {
            path: report.path,
            pages: report.pages,
            error: report.error,
            findings: report.findings.into_iter().map(|rf| rf.finding).collect(),
        };
        let Ok(text) = serde_json::to_string(&result) else { break };
        if writeln!(out, "{text}").and_then(|_| out.flush()).is_err() {
            break;
        }
    }
    0
}
