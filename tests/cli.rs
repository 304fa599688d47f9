//! The binary as the pipeline and the auditors use it: exit codes, every format, masking,
//! determinism, sharding, resuming, baselines. PDFs from tests/data/cli (made by reportlab,
//! see make.py there).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const SERIAL: &str = "1232"; // serial digits of the CPR in letter-cpr.pdf: must never be printed masked
const FULL_CPR: &str = "120387-1232";

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_leakscan"));
    c.env("LANG", "da_DK.UTF-8").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    c
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cli").join(name)
}

fn tmpdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("leakscan-cli-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

/// A folder with the two good PDFs and one broken one.
fn batch_dir(tag: &str) -> PathBuf {
    let d = tmpdir(tag);
    std::fs::copy(data("letter-cpr.pdf"), d.join("letter-cpr.pdf")).unwrap();
    std::fs::copy(data("clean-minutes.pdf"), d.join("clean-minutes.pdf")).unwrap();
    std::fs::create_dir_all(d.join("sub")).unwrap();
    std::fs::write(d.join("sub/broken.pdf"), b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog").unwrap();
    std::fs::write(d.join("sub/notes.txt"), b"not a pdf").unwrap();
    d
}

#[test]
fn exit_codes_follow_the_contract() {
    assert_eq!(run(&["scan", data("clean-minutes.pdf").to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(run(&["scan", data("letter-cpr.pdf").to_str().unwrap()]).status.code(), Some(1));
    let d = tmpdir("exit");
    std::fs::write(d.join("garbage.pdf"), b"this is not a pdf at all").unwrap();
    let garbage = d.join("garbage.pdf");
    // Not checked and nothing found: 2. Not checked but a finding: 1.
    assert_eq!(
        run(&["scan", garbage.to_str().unwrap(), data("clean-minutes.pdf").to_str().unwrap()]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["scan", garbage.to_str().unwrap(), data("letter-cpr.pdf").to_str().unwrap()]).status.code(),
        Some(1)
    );
    assert_eq!(run(&["scan", d.join("missing.pdf").to_str().unwrap()]).status.code(), Some(2));
    assert_eq!(run(&["scan", "--format", "nonsense", "x.pdf"]).status.code(), Some(2));
    assert_eq!(run(&["scan"]).status.code(), Some(2));
}

#[test]
fn json_report_has_the_contract_fields() {
    let o = run(&["scan", "--format", "json", data("letter-cpr.pdf").to_str().unwrap()]);
    let v = json(&o);
    assert_eq!(v["tool"]["name"], "leakscan");
    let f = &v["files"][0];
    assert!(f["path"].as_str().unwrap().ends_with("letter-cpr.pdf"));
    assert_eq!(f["pages"], 2);
    assert_eq!(f["error"], Value::Null);
    let cpr: Vec<&Value> = f["findings"].as_array().unwrap().iter().filter(|x| x["rule"] == "cpr").collect();
    assert_eq!(cpr.len(), 1, "{}", stdout(&o));
    let c = cpr[0];
    assert_eq!(c["severity"], "high");
    assert_eq!(c["page"], 2);
    assert_eq!(c["text"], "120387-XXXX");
    assert!(c["context"].as_str().unwrap().contains("CPR-nr.: 120387-XXXX"));
    assert_eq!(c["source"], "page");
    let bbox: Vec<f64> = c["bbox"].as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect();
    assert!(bbox.len() == 4 && bbox[0] > 72.0 && bbox[2] > bbox[0] && bbox[3] > bbox[1], "{bbox:?}");
    assert!(c["confidence"].as_f64().unwrap() > 0.5);
    assert_eq!(c["fingerprint"].as_str().unwrap().len(), 64);
    assert!(!c["message"].as_str().unwrap().is_empty());
    assert_eq!(v["summary"]["files"], 1);
    assert_eq!(v["summary"]["pages"], 2);
    assert_eq!(v["summary"]["errors"], 0);
    assert!(v["summary"]["findings"]["high"].as_u64().unwrap() >= 1);
}

#[test]
fn no_format_prints_a_full_cpr_unless_revealed() {
    let d = tmpdir("mask");
    let pdf = data("letter-cpr.pdf");
    for fmt in ["human", "json", "jsonl", "sarif", "junit", "html"] {
        let o = run(&["scan", "--format", fmt, pdf.to_str().unwrap()]);
        let out = stdout(&o);
        assert!(out.contains("120387"), "{fmt}: the date part is shown: {out}");
        assert!(!out.contains(FULL_CPR) && !out.contains(&format!("120387{SERIAL}")), "{fmt} leaks the CPR: {out}");
        assert!(!out.contains(&format!("-{SERIAL}")), "{fmt} leaks the serial");
    }
    // --report writes the same masking to files.
    let sarif = d.join("r.sarif");
    let html = d.join("r.html");
    let o = run(&[
        "scan",
        "--format",
        "json",
        "--report",
        &format!("sarif={}", sarif.display()),
        "--report",
        &format!("html={}", html.display()),
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    for f in [&sarif, &html] {
        let text = std::fs::read_to_string(f).unwrap();
        assert!(text.contains("120387") && !text.contains(FULL_CPR), "{}", f.display());
    }
    let revealed = stdout(&run(&["scan", "--reveal", "--format", "json", pdf.to_str().unwrap()]));
    assert!(revealed.contains(FULL_CPR));
}

#[test]
fn fail_on_moves_the_gate() {
    let pdf = data("letter-cpr.pdf");
    let o = run(&["scan", "--format", "json", "--fail-on", "high", pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    // The clean minutes may hold low/info findings (officials' names): only `--fail-on low`/`info` can fail them.
    let clean = data("clean-minutes.pdf");
    let v = json(&run(&["scan", "--format", "json", "--fail-on", "info", clean.to_str().unwrap()]));
    let any = v["files"][0]["findings"].as_array().unwrap().len();
    let code = run(&["scan", "--fail-on", "info", clean.to_str().unwrap()]).status.code();
    assert_eq!(code, Some(if any > 0 { 1 } else { 0 }));
}

#[test]
fn reports_are_byte_identical_across_runs_and_job_counts() {
    let d = batch_dir("determinism");
    for fmt in ["json", "jsonl", "sarif", "junit", "html", "human"] {
        let a = run(&["scan", "--format", fmt, "-j", "1", d.to_str().unwrap()]);
        let b = run(&["scan", "--format", fmt, "-j", "3", d.to_str().unwrap()]);
        assert_eq!(a.stdout, b.stdout, "{fmt} differs between runs");
        assert_eq!(a.status.code(), Some(1));
    }
}

#[test]
fn folders_are_walked_for_pdfs_and_broken_files_are_reported() {
    let d = batch_dir("walk");
    let v = json(&run(&["scan", "--format", "json", d.to_str().unwrap()]));
    let paths: Vec<&str> = v["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths.len(), 3, "{paths:?}");
    assert!(paths.windows(2).all(|w| w[0] < w[1]), "sorted: {paths:?}");
    let broken =
        v["files"].as_array().unwrap().iter().find(|f| f["path"].as_str().unwrap().ends_with("broken.pdf")).unwrap();
    assert!(broken["error"].as_str().is_some_and(|e| !e.is_empty()));
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn jsonl_streams_one_object_per_file() {
    let d = batch_dir("jsonl");
    let o = run(&["scan", "--format", "jsonl", d.to_str().unwrap()]);
    let lines: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert!(lines.iter().all(|l| l["path"].is_string() && l["findings"].is_array()));
}

#[test]
fn shards_cover_every_file_exactly_once() {
    let d = tmpdir("shard");
    for i in 0..12 {
        std::fs::copy(data("clean-minutes.pdf"), d.join(format!("m{i:02}.pdf"))).unwrap();
    }
    let mut seen: Vec<String> = Vec::new();
    for k in 1..=3 {
        let o = run(&["scan", "--format", "jsonl", "--shard", &format!("{k}/3"), d.to_str().unwrap()]);
        seen.extend(
            stdout(&o).lines().map(|l| serde_json::from_str::<Value>(l).unwrap()["path"].as_str().unwrap().to_string()),
        );
    }
    seen.sort();
    let mut unique = seen.clone();
    unique.dedup();
    assert_eq!(seen.len(), 12, "{seen:?}");
    assert_eq!(unique.len(), 12);
    assert_eq!(run(&["scan", "--shard", "4/3", d.to_str().unwrap()]).status.code(), Some(2));
}

#[test]
fn resume_skips_what_a_killed_run_reported() {
    let d = batch_dir("resume");
    let state = d.join("state.jsonl");
    // A killed run: the first file's line is complete, the second is torn.
    let full = stdout(&run(&["scan", "--format", "jsonl", d.to_str().unwrap()]));
    let first = full.lines().next().unwrap();
    let second = full.lines().nth(1).unwrap();
    std::fs::write(&state, format!("{first}\n{}", &second[..second.len() / 2])).unwrap();
    let o = run(&["scan", "--format", "json", "--resume", state.to_str().unwrap(), d.to_str().unwrap()]);
    let v = json(&o);
    assert_eq!(v["summary"]["files"], 3, "resumed + new files are all in the report");
    let text = std::fs::read_to_string(&state).unwrap();
    let complete: Vec<Value> = text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let mut paths: Vec<&str> = complete.iter().map(|l| l["path"].as_str().unwrap()).collect();
    paths.sort();
    paths.dedup();
    assert_eq!(paths.len(), 3, "every file is in the state file once it finishes: {text}");
    // Running again checks nothing new.
    let again = json(&run(&["scan", "--format", "json", "--resume", state.to_str().unwrap(), d.to_str().unwrap()]));
    assert_eq!(again["summary"]["files"], 3);
    assert_eq!(std::fs::read_to_string(&state).unwrap(), text, "nothing appended the second time");
}

#[test]
fn baseline_accepts_findings_without_hiding_them() {
    let d = tmpdir("baseline");
    let pdf = data("letter-cpr.pdf");
    let base = d.join("leakscan.baseline");
    let o = run(&["baseline", pdf.to_str().unwrap(), "-o", base.to_str().unwrap(), "--reason", "reviewed by Jura"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&base).unwrap();
    assert!(!text.contains("120387"), "a baseline holds hashes, not the matched text: {text}");
    let o = run(&["scan", "--format", "json", "--baseline", base.to_str().unwrap(), pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    let f = &v["files"][0]["findings"];
    assert!(f.as_array().unwrap().iter().any(|x| x["rule"] == "cpr" && x["suppressed"] == "reviewed by Jura"));
    assert_eq!(v["summary"]["findings"]["high"], 0);
    assert!(v["summary"]["suppressed"].as_u64().unwrap() >= 1);
}

#[test]
fn junit_is_well_formed_with_a_case_per_check() {
    let d = batch_dir("junit");
    let o = run(&["scan", "--format", "junit", d.to_str().unwrap()]);
    let xml = stdout(&o);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let suites: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("testsuite")).collect();
    assert_eq!(suites.len(), 3);
    for s in &suites {
        let cases = s.children().filter(|n| n.has_tag_name("testcase")).count();
        assert!(cases >= 10, "a clean file still shows its checks");
        assert_eq!(s.attribute("tests").unwrap().parse::<usize>().unwrap(), cases);
    }
    let letter = suites.iter().find(|s| s.attribute("name").unwrap().ends_with("letter-cpr.pdf")).unwrap();
    let cpr = letter.children().find(|n| n.attribute("name") == Some("cpr")).unwrap();
    assert!(cpr.children().any(|n| n.has_tag_name("failure")));
    let broken = suites.iter().find(|s| s.attribute("name").unwrap().ends_with("broken.pdf")).unwrap();
    assert!(broken.descendants().any(|n| n.has_tag_name("error")));
}

#[test]
fn sarif_has_the_page_as_a_logical_location() {
    let o = run(&["scan", "--format", "sarif", data("letter-cpr.pdf").to_str().unwrap()]);
    let v = json(&o);
    assert_eq!(v["version"], "2.1.0");
    let results = v["runs"][0]["results"].as_array().unwrap();
    let r = results.iter().find(|r| r["ruleId"] == "cpr").unwrap();
    assert_eq!(r["locations"][0]["logicalLocations"][0]["name"], "page 2");
    assert!(r["message"]["text"].as_str().unwrap().contains("page 2"));
    assert_eq!(r["partialFingerprints"]["leakscan/v1"].as_str().unwrap().len(), 64);
    assert!(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap()
        .ends_with("letter-cpr.pdf"));
}

/// Microsoft's SARIF validator, when npm can fetch it; otherwise says why it was skipped.
#[test]
fn sarif_passes_the_microsoft_validator() {
    let d = tmpdir("sarif-validate");
    let sarif = d.join("out.sarif");
    let o =
        run(&["scan", "--format", "sarif", "-o", sarif.to_str().unwrap(), data("letter-cpr.pdf").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let tool_dir = std::env::temp_dir().join("leakscan-sarif-multitool");
    std::fs::create_dir_all(&tool_dir).unwrap();
    let validator = tool_dir.join("node_modules/.bin/sarif-multitool");
    if !validator.exists() {
        let install = Command::new("npm")
            .args([
                "install",
                "--no-audit",
                "--no-fund",
                "--prefix",
                tool_dir.to_str().unwrap(),
                "@microsoft/sarif-multitool",
            ])
            .stdin(Stdio::null())
            .output();
        match install {
            Ok(o) if o.status.success() => {}
            Ok(o) => {
                eprintln!(
                    "SKIPPED sarif validator: npm could not install @microsoft/sarif-multitool (registry unreachable?)\n{}",
                    String::from_utf8_lossy(&o.stderr)
                );
                return;
            }
            Err(e) => {
                eprintln!("SKIPPED sarif validator: npm is not available ({e})");
                return;
            }
        }
    }
    let out =
        Command::new(&validator).args(["validate", sarif.to_str().unwrap()]).stdin(Stdio::null()).output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    eprintln!("{text}");
    assert!(out.status.success(), "validator failed:\n{text}");
    assert!(text.contains("Analysis completed successfully"), "{text}");
    assert!(!text.contains(": error "), "validator reported errors:\n{text}");
}

#[test]
fn html_report_is_self_contained_and_links_pages() {
    let o = run(&["scan", "--format", "html", "--lang", "da", data("letter-cpr.pdf").to_str().unwrap()]);
    let h = stdout(&o);
    assert!(h.starts_with("<!DOCTYPE html>"));
    assert!(h.contains("letter-cpr.pdf#page=2"));
    assert!(h.contains("<mark>120387-XXXX</mark>"));
    assert!(h.contains("Må ikke offentliggøres"));
    assert!(h.contains("CPR-nummer 120387-XXXX fundet"), "detector messages in Danish");
    assert!(!h.contains("CPR number (personnummer)"));
    assert!(!h.contains("<script") && !h.contains("http://") && !h.contains("<link"), "no external resources");
    let en = stdout(&run(&["scan", "--format", "html", "--lang", "en", data("letter-cpr.pdf").to_str().unwrap()]));
    assert!(en.contains("Do not publish yet"));
    assert!(en.contains("CPR number (personnummer) 120387-XXXX found"));
}

#[test]
fn stdin_is_a_pdf_source() {
    let mut child =
        bin().args(["scan", "--format", "json", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(&std::fs::read(data("letter-cpr.pdf")).unwrap()).unwrap();
    }
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["files"][0]["path"], "-");
}

#[test]
fn text_command_separates_pages_with_form_feeds() {
    let o = run(&["text", data("letter-cpr.pdf").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let t = stdout(&o);
    let pages: Vec<&str> = t.split('\x0c').collect();
    assert_eq!(pages.len(), 3, "two pages and the tail after the last form feed");
    assert!(pages[0].contains("Afgørelse om hjælp til medicin"));
    assert!(pages[1].contains("CPR-nr.: 120387-1232 er registreret"));
    let p2 = stdout(&run(&["text", "--page", "2", data("letter-cpr.pdf").to_str().unwrap()]));
    assert!(p2.contains("Oplysninger om ansøgeren") && !p2.contains("Kære modtager"));
}

#[test]
fn isolated_workers_give_the_same_report() {
    let d = batch_dir("isolate");
    let a = run(&["scan", "--format", "json", d.to_str().unwrap()]);
    let b = run(&["scan", "--format", "json", "--isolate", "-j", "2", d.to_str().unwrap()]);
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(b.status.code(), Some(1));
}

#[test]
fn rules_lists_every_rule() {
    let t = stdout(&run(&["rules"]));
    for id in ["cpr", "name", "email-header", "closed-item", "hidden-text", "no-text-layer", "revision"] {
        assert!(t.lines().any(|l| l.starts_with(id)), "{id} missing from:\n{t}");
    }
}

/// The HTML report rendered by headless Chromium, as a person would open it. Skipped (with a
/// message) where Chromium is not installed. The screenshot is left in the temp folder to look at.
#[test]
fn html_report_renders_in_headless_chromium() {
    let Some(chromium) = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .iter()
        .find(|p| Path::new(p).exists())
    else {
        eprintln!("SKIPPED html screenshot: no Chromium installed (apt-get install chromium)");
        return;
    };
    let d = tmpdir("html-shot");
    let html = d.join("report.html");
    let png = d.join("report.png");
    let o = run(&["scan", "--format", "html", "-o", html.to_str().unwrap(), data("letter-cpr.pdf").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let shot = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            &format!("--user-data-dir={}", d.join("profile").display()),
            "--window-size=1000,1400",
            &format!("--screenshot={}", png.display()),
            &format!("file://{}", html.display()),
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(png.exists(), "no screenshot: {}", String::from_utf8_lossy(&shot.stderr));
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    // A blank page compresses to a few KB; a rendered report with text and colours does not.
    assert!(bytes.len() > 20_000, "screenshot looks blank ({} bytes)", bytes.len());
    eprintln!("screenshot: {}", png.display());
}
