use super::data::{mod11_ok, Date};
use super::*;
use crate::pdf::PageText;
use crate::report::ShowOptions;

const TODAY: Date = Date { year: 2026, month: 11, day: 22 };

/// A ten-digit number with date `ddmmyy`, 7th digit `d7` and a serial that passes modulus 11.
fn valid(ddmmyy: &str, d7: u8) -> String {
    for s in 0..1000u32 {
        let n = format!("{ddmmyy}{d7}{s:03}");
        let d: Vec<u8> = n.bytes().map(|b| b - b'0').collect();
        if mod11_ok(&d.clone().try_into().unwrap()) {
            return n;
        }
    }
    panic!("no valid serial for {ddmmyy}");
}

/// The same number with its last digit changed, so modulus 11 fails.
fn failing(ddmmyy: &str, d7: u8) -> String {
    let v = valid(ddmmyy, d7);
    let last = v.as_bytes()[9] - b'0';
    format!("{}{}", &v[..9], (last + 1) % 10)
}

/// `DDMMYY` + `sep` + `SSSS`.
fn with_sep(n: &str, sep: &str) -> String {
    format!("{}{sep}{}", &n[..6], &n[6..])
}

fn found(text: &str) -> Vec<String> {
    find(text, TODAY).into_iter().map(|h| text[h.range].to_string()).collect()
}

fn one(text: &str) -> CprHit {
    let hits = find(text, TODAY);
    assert_eq!(hits.len(), 1, "expected one hit in {text:?}, got {hits:?}");
    hits.into_iter().next().unwrap()
}

#[test]
fn every_separator_is_found() {
    let n = valid("120387", 1);
    for sep in ["", "-", "\u{2013}", "\u{2014}", "\u{2011}", "\u{2212}", " ", "\u{00A0}", "/"] {
        let cpr = with_sep(&n, sep);
        let text = format!("Borgeren har nummer {cpr} i sagen.");
        assert_eq!(found(&text), vec![cpr.clone()], "separator {sep:?}");
        let h = one(&text);
        assert_eq!(h.severity, Severity::High);
        assert!(!h.labelled);
    }
}

#[test]
fn many_labelled_forms_raise_confidence() {
    let n = with_sep(&valid("010203", 0), "-");
    for label in [
        "CPR-nr.: ",
        "CPR: ",
        "cpr.nr. ",
        "CPR nummer ",
        "CPR-nummeret er ",
        "cpr-nummer: ",
        "Personnummer: ",
        "personnr. ",
        "Personnr ",
        "CPRnr ",
        "Cpr.nr.:",
        "Pers.nr. ",
    ] {
        let text = format!("Ansøger {label}{n} har søgt.");
        let h = one(&text);
        assert!(h.labelled, "label {label:?}");
        assert!(h.confidence > 0.95, "label {label:?}");
    }
    // A label after the number, and a label on the line above.
    assert!(one(&format!("{n} (CPR-nr.)")).labelled);
    assert!(one(&format!("CPR-nr.:\n{n}")).labelled);
    // A label two lines up is no longer close.
    assert!(!one(&format!("CPR-nr.:\nNavn: Hanne\n{n}")).labelled);
}

#[test]
fn wrapped_after_the_dash_is_always_joined() {
    let n = valid("120387", 2);
    for sep in ["-\n", "- \n", "\u{2013}\n", "-\n  "] {
        let text = format!("Vedr. borger 1 med nr. {}{sep}{} og mere", &n[..6], &n[6..]);
        let hits = find(&text, TODAY);
        assert_eq!(hits.len(), 1, "{sep:?}");
        assert!(text[hits[0].range.clone()].contains('\n'));
    }
}

#[test]
fn bare_line_break_only_next_to_a_label() {
    let n = valid("120387", 2);
    let bare = format!("Tabel\n{}\n{} stk", &n[..6], &n[6..]);
    assert!(found(&bare).is_empty());
    let labelled = format!("CPR-nr.: {}\n{}", &n[..6], &n[6..]);
    assert_eq!(found(&labelled).len(), 1);
    // A spaced dash likewise (a range of numbers otherwise).
    assert!(found(&format!("Numrene {} - {}", &n[..6], &n[6..])).is_empty());
    assert_eq!(found(&format!("CPR: {} - {}", &n[..6], &n[6..])).len(), 1);
    // Not across an empty line (a new block).
    let blocks = format!("CPR-nr.: {}\n\n{}", &n[..6], &n[6..]);
    assert!(found(&blocks).is_empty());
}

#[test]
fn century_borders_in_the_rule() {
    // 7th digit 4/9: yy 36 → 2036 (future), yy 37 → 1937 (past).
    for d7 in [4u8, 9] {
        assert!(found(&valid("010136", d7)).is_empty(), "d7 {d7} yy 36 is 2036");
        assert_eq!(found(&valid("010137", d7)).len(), 1, "d7 {d7} yy 37 is 1937");
        assert_eq!(found(&valid("010158", d7)).len(), 1, "d7 {d7} yy 58 is 1958");
        assert_eq!(found(&valid("010100", d7)).len(), 1, "d7 {d7} yy 00 is 2000");
    }
    // 5-8: yy 00-24 → 2000s (past), yy 57 → 2057 (future), yy 58 → 1858 (past).
    for d7 in [5u8, 6, 7, 8] {
        assert_eq!(found(&valid("010124", d7)).len(), 1, "d7 {d7} yy 24");
        assert!(found(&valid("010157", d7)).is_empty(), "d7 {d7} yy 57 is 2057");
        assert!(found(&valid("010137", d7)).is_empty(), "d7 {d7} yy 37 is 2037");
        assert_eq!(found(&valid("010158", d7)).len(), 1, "d7 {d7} yy 58 is 1858");
        assert_eq!(found(&valid("311299", d7)).len(), 1, "d7 {d7} yy 99 is 1899");
    }
    // 0-3: always 1900s.
    for d7 in 0u8..=3 {
        for yy in ["00", "36", "37", "57", "58", "99"] {
            assert_eq!(found(&valid(&format!("0101{yy}"), d7)).len(), 1, "d7 {d7} yy {yy}");
        }
    }
    // Born today is fine, tomorrow is the future (7th digit 4, yy 26 → 2026).
    assert_eq!(found(&valid("221126", 4)).len(), 1);
    assert!(found(&valid("231126", 4)).is_empty());
}

#[test]
fn leap_days() {
    assert_eq!(found(&valid("290288", 1)).len(), 1, "1988 is a leap year");
    assert!(found(&format!("CPR-nr. {}", valid("290287", 1))).is_empty(), "1987 is not, even with a label");
    assert_eq!(found(&valid("290200", 4)).len(), 1, "2000 is a leap year");
    assert!(found(&format!("CPR {}", valid("290200", 1))).is_empty(), "1900 is not");
    assert!(found(&format!("CPR {}", valid("300288", 1))).is_empty(), "30 February");
    assert!(found(&format!("CPR {}", valid("310487", 1))).is_empty(), "31 April");
    assert!(found(&format!("CPR {}", valid("001387", 1))).is_empty());
}

#[test]
fn exception_dates_pass_without_checksum_other_dates_need_a_label() {
    for yy in ["60", "62", "64", "65", "66", "67", "69", "70", "74", "75", "78", "80", "85", "92", "94", "95"] {
        let n = failing(&format!("0101{yy}"), 1);
        let h = one(&format!("Nr. {}", with_sep(&n, "-")));
        assert_eq!(h.validity, Validity::ExceptionDate, "19{yy}");
        assert_eq!(h.severity, Severity::High);
    }
    for yy in ["61", "63", "68", "71", "79", "93", "96"] {
        let n = failing(&format!("0101{yy}"), 1);
        assert!(found(&with_sep(&n, "-")).is_empty(), "19{yy} is not an exception date");
    }
    let n = with_sep(&failing("120387", 1), "-");
    assert!(found(&format!("Nummer {n}")).is_empty(), "checksum fails, no label");
    let h = one(&format!("CPR-nummer: {n}"));
    assert_eq!(h.validity, Validity::ChecksumFails);
    assert_eq!(h.severity, Severity::High);
    assert!(h.confidence < 0.6);
    assert!(one(&format!("personnr. {n}")).labelled);
}

#[test]
fn look_alikes_from_the_domain_notes_stay_silent() {
    let v = valid("120387", 1);
    let vd = with_sep(&v, "-");
    let negatives = [
        "Sagsnr. 326-2016-84761".to_string(),
        "Dok.nr. 2024-004512".to_string(),
        "Sag 25-003411".to_string(),
        "00.01.00-P35-200-22".to_string(),
        "J.nr. 15/6733".to_string(),
        "CVR-nr. 12345678".to_string(),
        "Tlf. 43 21 12 34".to_string(),
        "+45 12345678".to_string(),
        "Mødedato 29-03-2016".to_string(),
        "29.03.2016 kl. 1200".to_string(),
        "Beløb: 1.203.871.234 kr.".to_string(),
        "Beløb 120.387,12 kr.".to_string(),
        "12345678901".to_string(),
        format!("1{v}"),
        format!("{v}1"),
        format!("{v}-5"),
        format!("{vd}-5"),
        format!("{vd}.00"),
        format!("2024-{vd}"),
        format!("00.01.{vd}"),
        format!("AB{v}"),
        format!("{v}DK"),
        format!("P-nr. {v}"),
        format!("P-nr.: {vd}"),
        format!("Reg.nr. 1234 Kontonr. {v}"),
        format!("Kontonummer: {vd}"),
        format!("Konto {v}"),
        format!("Faktura nr. {v}"),
        format!("Fakturanr.: {vd}"),
        format!("Ordre {v}"),
        format!("Ordrenr. {v}"),
        format!("Varenr. {v}"),
        format!("EAN {v}"),
        format!("EAN-nr. {v}"),
        format!("GLN: {v}"),
        format!("Sagsnr. {vd}"),
        format!("Journalnr. {v}"),
        format!("J.nr. {vd}"),
        format!("Dok.nr. {v}"),
        format!("CVR {v}"),
        format!("Tlf. {v}"),
        format!("Telefon: {v}"),
        format!("{} 1234 5678", &v[..6]),
        format!("12 {}", with_sep(&v, " ")),
        format!("{} 12", with_sep(&v, " ")),
        "0000000000".to_string(),
        "9999999999".to_string(),
        "3213871234".to_string(),
    ];
    for text in &negatives {
        assert!(found(text).is_empty(), "false alarm on {text:?}: {:?}", found(text));
    }
}

#[test]
fn suppression_is_local_never_page_wide() {
    let v = with_sep(&valid("120387", 1), "-");
    // A P-nr. elsewhere on the page must not suppress.
    let page = format!("Virksomhed: P-nr. 1003387453, CVR 12345678\nBorgeren har nr. {v} i sagen.");
    assert_eq!(found(&page), vec![v.clone()]);
    // Nor a suppressing word far before it on the same line.
    let far = format!("Faktura vedlagt, og i øvrigt er borgerens nummer ifølge journalen {v}");
    assert_eq!(found(&far), vec![v.clone()]);
    // Nor a word after it.
    assert_eq!(found(&format!("{v} sagsnr. 2024-004512")), vec![v.clone()]);
    // The nearest word wins: a CPR label after a phone label.
    assert_eq!(found(&format!("Tlf. 12345678, CPR {v}")), vec![v.clone()]);
    // A label wrapped to the end of the line above is still local.
    assert!(found(&format!("Første faktura, Fakturanr.\n{} på 187.500,00 kr.", valid("210687", 1))).is_empty());
    assert!(found(&format!("til Reg.nr. 9570 Kontonr.\n{}. Ordrenr. 1", valid("210687", 2))).is_empty());
    // A line above that merely ends a sentence with such a word elsewhere does not count.
    assert_eq!(found(&format!("Se faktura for maj og juni her.\n{v}")), vec![v.clone()]);
    // A table column under a header (`Bilagsnr.`), rows of numbers in between.
    let table = format!("Bilagsnr. Dato\n{} 03-10-2023\n{} 04-10-2023\nI alt", valid("301184", 1), valid("010285", 2));
    assert!(found(&table).is_empty(), "{:?}", found(&table));
    // ... but a header over another column does not suppress.
    let other = format!("Dato       Bilagsnr.\n{} 1234\n", valid("301184", 1));
    assert_eq!(found(&other).len(), 1);
    // A `CPR-nr.` column header labels its column.
    let cprs = format!("Navn        CPR-nr.\nHanne Jensen {}\n", with_sep(&failing("120387", 1), "-"));
    assert_eq!(found(&cprs).len(), 1);
    // ... and a suppressing word after a CPR label.
    assert!(found(&format!("CPR-nr. oplyst, konto {v}")).is_empty());
}

#[test]
fn density_lowers_unlabelled_chance_hits_in_number_tables() {
    let v = valid("120387", 1);
    let mut table = String::from("Oversigt\n");
    // Twelve ten-digit numbers with real dates whose checksum fails, and one that validates.
    for i in 0..12 {
        table.push_str(&format!("Linje {i}  {}  500,00\n", failing(&format!("1{}0390", i % 9), 2)));
    }
    table.push_str(&format!("Linje x  {v}  500,00\n"));
    let hits = find(&table, TODAY);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].severity, Severity::Low);
    assert!(hits[0].confidence < 0.5);
    // A labelled one in the same table stays high.
    let labelled = format!("{table}CPR-nr. {}\n", valid("050505", 3));
    let hits = find(&labelled, TODAY);
    assert!(hits.iter().any(|h| h.labelled && h.severity == Severity::High));
    // A real list of CPR numbers is all valid: nothing lowered.
    let mut list = String::new();
    for i in 1..=12 {
        list.push_str(&format!("Borger {i}: {}\n", with_sep(&valid(&format!("{:02}0480", i), 2), "-")));
    }
    let hits = find(&list, TODAY);
    assert_eq!(hits.len(), 12);
    assert!(hits.iter().all(|h| h.severity == Severity::High));
}

#[test]
fn findings_mask_the_serial_everywhere() {
    let n = valid("120387", 1);
    let serial = &n[6..];
    for sep in ["", "-", "\u{2013}", " ", "\u{00A0}", "/", "-\n", " - ", "\n"] {
        let text = format!("Kære borger\nDit CPR-nr. er {}{sep}{} og det er hemmeligt.", &n[..6], serial);
        let page = PageText::from_plain(&text);
        let mut out = Vec::new();
        check(&TextUnit::page(&page, 1), &DocContext::default(), &mut out);
        assert_eq!(out.len(), 1, "{sep:?}");
        let f = &out[0];
        assert_eq!(f.rule, "cpr");
        assert_eq!(f.masked_text, "120387-XXXX");
        assert!(!f.message.contains(serial), "message leaks: {}", f.message);
        let show = ShowOptions::default();
        assert!(!show.context(f).contains(serial), "context leaks: {}", show.context(f));
        assert!(!show.message(f).contains(serial));
        assert!(!show.text(f).contains(serial));
        assert!(f.context.contains("CPR-nr."));
        assert_eq!(f.page, Some(1));
    }
}

#[test]
fn candidates_report_their_separator() {
    let n = valid("120387", 1);
    let cases = [
        ("", Sep::None),
        ("-", Sep::Dash),
        ("\u{2013}", Sep::Dash),
        (" ", Sep::Space),
        ("\u{00A0}", Sep::Space),
        ("/", Sep::Slash),
        ("-\n", Sep::DashWrap),
        ("\n", Sep::Newline),
        (" - ", Sep::SpacedDash),
        (" \u{2013} ", Sep::SpacedDash),
        ("\u{00B7}", Sep::StandIn),
        ("?", Sep::StandIn),
    ];
    for (sep, want) in cases {
        let text = format!("x {}{sep}{} y", &n[..6], &n[6..]);
        let c = candidates(&text, &[]);
        assert_eq!(c.len(), 1, "{sep:?}");
        assert_eq!(c[0].sep, want);
        assert_eq!(c[0].digits.iter().map(|d| (d + b'0') as char).collect::<String>(), n);
    }
}

/// A small deterministic generator, so the evaluation set is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

/// A random real birth date in the past with a 7th digit that gives its century.
fn random_birth(rng: &mut Rng) -> (String, u8) {
    loop {
        let year = 1900 + rng.below(126) as i32;
        let month = 1 + rng.below(12) as u32;
        let day = 1 + rng.below(data::days_in_month(year, month) as u64) as u32;
        if (Date { year, month, day }) > TODAY {
            continue;
        }
        let yy = year % 100;
        let d7 = if year < 2000 { rng.below(4) as u8 } else { 4 + rng.below(6) as u8 };
        let d7 = if year >= 2000 && yy > 36 { 5 } else { d7 };
        if data::full_year(d7, yy as u8) != Some(year) {
            continue;
        }
        return (format!("{day:02}{month:02}{yy:02}"), d7);
    }
}

/// Precision and recall of the rule on a generated, labelled set of sentences: CPR numbers in
/// every form and context the notes describe, against the look-alikes they list. Run with
/// `cargo test --lib cpr::tests::evaluation -- --nocapture` to see the figures.
#[test]
fn evaluation_precision_and_recall() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let seps = ["-", "-", "-", "\u{2013}", " ", "\u{00A0}", "/", "", "-\n"];
    let labels = ["CPR-nr.: ", "CPR: ", "cpr.nr. ", "Personnummer ", "personnr. ", "CPR-nummeret ", ""];
    let before = ["Borgeren ", "Ansøger ", "Vedr. ", "Klager, ", "Barnet ", "", "Navn: Hanne Jensen, "];
    let after = [" har søgt om hjælp.", ", Strandvejen 12.", "", " (se bilag 2)", ".\nMed venlig hilsen"];
    let mut positives = Vec::new();
    for i in 0..600 {
        let (date, d7) = random_birth(&mut rng);
        let label = rng.pick(&labels);
        let number = match i % 10 {
            // A failed checksum counts only with a label.
            0 if !label.is_empty() => failing(&date, d7),
            1 => {
                let yy = rng.pick(&["60", "62", "64", "70", "80", "85", "88", "90", "95"]);
                failing(&format!("0101{yy}"), rng.below(4) as u8)
            }
            _ => valid(&date, d7),
        };
        let sep = rng.pick(&seps);
        positives.push(format!("{}{label}{}{}", rng.pick(&before), with_sep(&number, sep), rng.pick(&after)));
    }
    let suppressors = [
        "P-nr. ",
        "Reg.nr. 1234 Kontonr. ",
        "Kontonr. ",
        "Faktura nr. ",
        "Fakturanr. ",
        "Ordrenr. ",
        "Varenr. ",
        "EAN ",
        "GLN ",
        "Sagsnr. ",
        "Journalnr. ",
        "J.nr. ",
        "Dok.nr. ",
        "CVR ",
        "Tlf. ",
    ];
    let mut negatives = Vec::new();
    for i in 0..600 {
        let (date, d7) = random_birth(&mut rng);
        let v = valid(&date, d7);
        let text = match i % 12 {
            0..=3 => format!("{}{}", rng.pick(&suppressors), with_sep(&v, rng.pick(&["-", "", " "]))),
            4 => format!("Sagsnr. {}-{}-{}", 100 + rng.below(900), 2000 + rng.below(25), 10000 + rng.below(90000)),
            5 => format!("Dok.nr. {}-{:06}", 2000 + rng.below(25), rng.below(1_000_000)),
            6 => format!("Mødedato {}-{:02}-{}", 1 + rng.below(28), 1 + rng.below(12), 1990 + rng.below(35)),
            7 => format!("Beløb {}.{:03}.{:03} kr.", 1 + rng.below(99), rng.below(1000), rng.below(1000)),
            8 => {
                format!("Tlf. {} {:02} {:02} {:02}", 20 + rng.below(80), rng.below(100), rng.below(100), rng.below(100))
            }
            9 => format!("Løbenummer {}{}", v, rng.below(10)),
            10 => format!("{}-{}", with_sep(&v, "-"), rng.below(10)),
            _ => {
                // A bare ten-digit number that fails validation (a real number of another kind).
                loop {
                    let n = format!("{:010}", rng.below(10_000_000_000));
                    let d: [u8; 10] = n.bytes().map(|b| b - b'0').collect::<Vec<_>>().try_into().unwrap();
                    if !matches!(data::validate(&d, TODAY).0, Validity::Valid | Validity::ExceptionDate) {
                        break format!("Nummer {n} i tabellen");
                    }
                }
            }
        };
        negatives.push(text);
    }
    let tp = positives.iter().filter(|t| !find(t, TODAY).is_empty()).count();
    let missed: Vec<&String> = positives.iter().filter(|t| find(t, TODAY).is_empty()).take(5).collect();
    let fp = negatives.iter().filter(|t| !find(t, TODAY).is_empty()).count();
    let false_alarms: Vec<&String> = negatives.iter().filter(|t| !find(t, TODAY).is_empty()).take(5).collect();
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / positives.len() as f64;
    println!(
        "cpr evaluation: {} positives, {} negatives: TP {tp}, FP {fp}, precision {precision:.3}, recall {recall:.3}",
        positives.len(),
        negatives.len()
    );
    assert!(recall >= 0.99, "recall {recall}: missed {missed:?}");
    assert!(precision >= 0.99, "precision {precision}: false alarms {false_alarms:?}");
}

/// A page laid out like a rendered table: each row a line, each cell `(x, text)` set in 10-point
/// glyphs 6 points wide, cells joined by one layout space (which has no box).
fn placed(rows: &[&[(f32, &str)]]) -> PageText {
    use crate::pdf::{Rect, TextLine};
    let mut p = PageText::default();
    for (r, row) in rows.iter().enumerate() {
        if r > 0 {
            p.text.push('\n');
        }
        let start = p.text.len();
        let y = 700.0 - 14.0 * r as f32;
        for (c, (x, cell)) in row.iter().enumerate() {
            if c > 0 {
                p.text.push(' ');
            }
            for (k, ch) in cell.chars().enumerate() {
                if !ch.is_whitespace() {
                    let x0 = x + 6.0 * k as f32;
                    p.char_boxes.push((p.text.len() as u32, Rect::new(x0, y, x0 + 6.0, y + 10.0)));
                }
                p.text.push(ch);
            }
        }
        p.lines.push(TextLine { range: start..p.text.len(), font_size: 10.0, ..Default::default() });
    }
    p
}

fn found_on(page: &PageText) -> Vec<String> {
    find_in(&page.text, Some(page), TODAY).into_iter().map(|h| page.text[h.range].replace('\n', " ")).collect()
}

#[test]
fn table_headers_centred_over_their_column_decide_every_row() {
    // Chromium centres `<th>` over left-aligned cells: `Bilagsnr.` does not overlap the numbers.
    let (a, b) = (valid("120387", 1), valid("010285", 2));
    let page = placed(&[
        &[(110.0, "Bilagsnr."), (400.0, "Beløb")],
        &[(40.0, &a), (300.0, "1.250,00")],
        &[(40.0, &b), (300.0, "300,00")],
    ]);
    assert!(found_on(&page).is_empty(), "{:?}", found_on(&page));
    // ... and a centred `Dato` header over another column does not suppress a CPR.
    let page = placed(&[&[(110.0, "Navn"), (400.0, "Bilagsnr.")], &[(40.0, &a), (300.0, "1234")]]);
    assert_eq!(found_on(&page), vec![a.clone()]);
}

#[test]
fn a_cpr_column_further_right_is_labelled_by_its_header_in_every_row() {
    // `Navn | CPR-nr. | Adresse`: the second row's number fails modulus 11, so only the column
    // header two lines up makes it a CPR.
    let (ok, bad) = (valid("120387", 1), failing("050582", 4));
    let page = placed(&[
        &[(90.0, "Navn"), (270.0, "CPR-nr."), (460.0, "Adresse")],
        &[(60.0, "Åse Bæk"), (210.0, &ok), (400.0, "Skovvej 3A")],
        &[(60.0, "José Martínez"), (210.0, &bad), (400.0, "Strandgade 9")],
    ]);
    assert_eq!(found_on(&page), vec![ok.clone(), bad.clone()]);
    // A `Kontonr.` column further right suppresses its numbers, also on an exception date.
    let page = placed(&[
        &[(60.0, "Ordrenr."), (210.0, "Reg.nr."), (360.0, "Kontonr.")],
        &[(60.0, "12345"), (210.0, "1234"), (360.0, "0101901234")],
    ]);
    assert!(found_on(&page).is_empty(), "{:?}", found_on(&page));
    // In running text a number after a single space is no cell: no header applies.
    let page = placed(&[&[(60.0, "Kontonr.")], &[(60.0, &format!("Borgeren har nr. {ok}"))]]);
    assert_eq!(found_on(&page), vec![ok]);
}

#[test]
fn a_stand_in_for_an_unencodable_dash_counts_only_next_to_a_label() {
    // PyMuPDF's base-14 `helv` prints an en dash as `·`, its `tiro` as `?`.
    let n = valid("120785", 1);
    for sep in ["\u{00B7}", "?", "\u{FFFD}"] {
        let labelled = format!("Min CPR er {}{sep}{}.", &n[..6], &n[6..]);
        assert_eq!(find(&labelled, TODAY).len(), 1, "{labelled}");
        let bare = format!("Punkt {}{sep}{} er udsat.", &n[..6], &n[6..]);
        assert!(find(&bare, TODAY).is_empty(), "{bare}");
    }
}

#[test]
fn a_capitalised_word_run_into_the_number_is_the_next_cell() {
    let n = valid("281165", 1);
    assert_eq!(found(&format!("Jørgen Ærø {n}Ønsker Åparken")), vec![n.clone()]);
    assert_eq!(found(&format!("Jørgen Ærø {}Pårørende: datter", with_sep(&n, "-"))).len(), 1);
    // Letters that continue a code stay a code.
    assert!(found(&format!("Varenr. {n}AB")).is_empty());
    assert!(found(&format!("{n}x")).is_empty());
}

#[test]
fn a_cpr_wrapped_inside_a_narrow_table_cell_is_joined_by_position() {
    // Chromium: `281165-` runs up to the next cell, `1292` opens the cell's next line.
    let n = valid("281165", 1);
    let (date, serial) = (format!("{}-", &n[..6]), &n[6..]);
    let page = placed(&[
        &[(40.0, "Borger"), (150.0, "CPR-nr."), (250.0, "Bemærkning")],
        &[(40.0, "Jørgen Ærø"), (150.0, &date), (192.0, "Ønsker Åparken")],
        &[(150.0, serial), (192.0, "orienteret")],
    ]);
    let hits = find_in(&page.text, Some(&page), TODAY);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].sep, Sep::CellWrap);
    let mut out = Vec::new();
    check(&TextUnit::page(&page, 1), &DocContext::default(), &mut out);
    let f = out.iter().find(|f| f.rule == "cpr").expect("a cpr finding");
    assert_eq!(f.text, format!("{date}{serial}"));
    assert_eq!(f.masked_text, format!("{}-XXXX", &n[..6]));
    assert!(!f.context.contains(serial), "context leaks: {}", f.context);
    let show = ShowOptions::default();
    assert!(!show.context(f).contains(serial) && !show.message(f).contains(serial));

    // Four digits elsewhere on the next line, or not under the date group, are not its serial.
    for (x, cell) in [(40.0, serial), (260.0, serial)] {
        let page = placed(&[&[(40.0, "Jørgen Ærø"), (150.0, &date), (192.0, "Ønsker")], &[(x, cell)]]);
        assert!(find_in(&page.text, Some(&page), TODAY).is_empty(), "serial at x {x}");
    }
    // Plain text has no positions: nothing is joined.
    assert!(find(&page.text, TODAY).is_empty());
}
