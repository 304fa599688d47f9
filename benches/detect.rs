//! Speed of the text rules (`Detector::scan`: cpr, contact, mail, names, user rules) over
//! realistic Danish agenda text, in MB/s of page text.
//!
//! - `detect/agenda`: five agenda pages (items, case numbers, amounts, dates, officials' phone
//!   numbers and addresses, a citizen's mail with a CPR number and a private address).
//! - `detect/prose`: five pages of running text without digits or `@` (the prefilter's best case).
//! - `detect/number-table`: a page of account and invoice numbers (the CPR rule's worst case).
//! - `rules/*`: the CPR rule and the contact rules alone on the agenda pages.
//!
//! Run: `cargo bench --bench detect` (add `-- agenda` etc. to pick one).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use leakscan::detect::{contact, cpr, Config, Detector, DocContext, TextUnit};
use leakscan::pdf::PageText;
use std::hint::black_box;

const AGENDA_PAGE: &str = "Aarhus Kommune
Økonomiudvalget
Referat af ordinært møde tirsdag den 12. marts 2024 kl. 14.00 i Rådhusets mødesal 1
Rådhuspladsen 2, 8000 Aarhus C
Mødedeltagere: Anders Andersen (A), Birgitte Berg (V), Carsten Clausen (C), Dorthe Dahl (F)
Afbud: Erik Eriksen (Ø)

Punkt 4. Godkendelse af budgetopfølgning pr. 31. januar 2024
Sagsnr.: 24/004512 J.nr. 00.01.00-P35-200-22 Dok.nr. 2024-004512
Resumé
Forvaltningen forelægger budgetopfølgningen for perioden 1. januar til 31. januar 2024. Der forventes
et samlet merforbrug på 12.345.678 kr., heraf 1.203.871 kr. på ældreområdet og 745.000 kr. på
skoleområdet. Byrådet besluttede den 29-03-2016 at reservere 3,5 mio. kr. til formålet.
Indstilling
Direktøren for Borgmesterens Afdeling indstiller, at budgetopfølgningen tages til efterretning,
at der gives en tillægsbevilling på 2.500.000 kr. til konto 5.32.32, og at sagen sendes til byrådet.
Beslutning
Indstillingen blev godkendt. Fraværende: Erik Eriksen (Ø).
Yderligere oplysninger: Specialkonsulent Hanne Kirstine Madsen, tlf. 89 40 12 34, hkm@aarhus.dk
Borgerservice, tlf. 89 40 20 00, post@aarhus.dk, CVR-nr. 55133018, EAN 5798005770015

Punkt 5. Klage over afgørelse om hjemmehjælp
Sag 25-003411. Bilag 3: Mail fra borger
Fra: Jens Peter Hansen <jph1961@gmail.com>
Sendt: 3. marts 2024 09:14
Til: Ældre og Sundhed <post@aarhus.dk>
Emne: Klage over hjemmehjælp
Jeg hedder Jens Peter Hansen, CPR-nr. 070761-4285, og bor på Strandvejen 12, 2. th., 8000 Aarhus C.
Min datter kan kontaktes på mobil 22 33 44 55. Jeg vil klage over, at min hjælp er skåret ned fra
4 timer til 2 timer om ugen fra uge 12. Reg.nr. 1234 Kontonr. 0012345678, faktura 1203871234.
Med venlig hilsen Jens Peter Hansen
Tabel 1. Udgifter 2022 2023 2024: 1.204.000 1.310.500 1.402.250 (pct. 8,8 7,0)
";

const PROSE_PAGE: &str = "Økonomiudvalget
Referat af ordinært møde
Forvaltningen forelægger budgetopfølgningen for perioden, og der forventes et samlet merforbrug.
Direktøren for Borgmesterens Afdeling indstiller, at budgetopfølgningen tages til efterretning, at
der gives en tillægsbevilling, og at sagen sendes videre til byrådet med udvalgets anbefaling.
Udvalget drøftede sagen og bad forvaltningen om at belyse konsekvenserne for borgerne nærmere,
herunder hvordan ændringerne påvirker hjemmeplejen, ældrecentrene og de frivillige foreninger.
Indstillingen blev godkendt med den bemærkning, at sagen genoptages på næste møde i udvalget.
";

fn number_table() -> String {
    let mut t = String::from("Bilag 2. Oversigt over udbetalinger\nKonto        Faktura      Beløb\n");
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    for i in 0..60 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        t.push_str(&format!(
            "{:010}  {:010}  {}.{:03},{:02} kr.\n",
            x % 10_000_000_000,
            (x >> 20) % 10_000_000_000,
            i,
            x % 1000,
            x % 100
        ));
    }
    t
}

fn pages(page: &str, n: usize) -> Vec<PageText> {
    (0..n).map(|_| PageText::from_plain(page)).collect()
}

fn bench(c: &mut Criterion) {
    let detector = Detector::new(Config::default()).expect("default config");
    let doc = DocContext::default();
    let sets = [
        ("agenda", pages(AGENDA_PAGE, 5)),
        ("prose", pages(PROSE_PAGE, 5)),
        ("number-table", pages(&number_table(), 1)),
    ];
    let mut g = c.benchmark_group("detect");
    for (name, ps) in &sets {
        let bytes: usize = ps.iter().map(|p| p.text.len()).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(*name, |b| {
            b.iter(|| {
                let mut out = Vec::new();
                for (i, p) in ps.iter().enumerate() {
                    detector.scan(&TextUnit::page(p, i as u32 + 1), &doc, &mut out);
                }
                black_box(out)
            })
        });
    }
    g.finish();

    let agenda = &sets[0].1;
    let bytes: usize = agenda.iter().map(|p| p.text.len()).sum();
    let mut g = c.benchmark_group("rules");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("cpr", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            for p in agenda {
                cpr::check(&TextUnit::page(p, 1), &doc, &mut out);
            }
            black_box(out)
        })
    });
    g.bench_function("contact", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            for p in agenda {
                contact::check(&TextUnit::page(p, 1), &doc, &mut out);
            }
            black_box(out)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
