use super::address::AddressOwner;
use super::email::Owner;
use super::phone::PhoneOwner;
use super::*;
use crate::detect::config::MunicipalityConfig;
use crate::detect::{Finding, Severity};
use crate::pdf::PageText;
use crate::report::ShowOptions;

fn scan(text: &str) -> Vec<Finding> {
    let page = PageText::from_plain(text);
    let mut out = Vec::new();
    check(&TextUnit::page(&page, 1), &DocContext::default(), &mut out);
    out
}

fn rule<'a>(fs: &'a [Finding], id: &str) -> Vec<&'a Finding> {
    fs.iter().filter(|f| f.rule == id).collect()
}

fn emails(text: &str) -> Vec<(String, Owner)> {
    email::find(text, Municipal::defaults()).into_iter().map(|e| (text[e.range.clone()].to_string(), e.owner)).collect()
}

fn phones(text: &str) -> Vec<(String, PhoneOwner)> {
    let hits = lexicon().find(text);
    let em = email::find(text, Municipal::defaults());
    phone::find(text, &hits, &em, &[], Municipal::defaults())
        .into_iter()
        .map(|p| (text[p.range.clone()].to_string(), p.owner))
        .collect()
}

fn addresses(text: &str) -> Vec<(String, AddressOwner)> {
    let hits = lexicon().find(text);
    address::find(text, &hits, Municipal::defaults())
        .into_iter()
        .map(|a| (text[a.range.clone()].replace('\n', " "), a.owner))
        .collect()
}

// ------------------------------------------------------------------------------- e-mail

#[test]
fn email_owners() {
    let cases = [
        ("hanne.jensen@gmail.com", Owner::Private),
        ("ole_1972@hotmail.dk", Owner::Private),
        ("kim@outlook.dk", Owner::Private),
        ("per@live.dk", Owner::Private),
        ("bo@yahoo.com", Owner::Private),
        ("lis@mail.dk", Owner::Private),
        ("a.b@jubii.dk", Owner::Private),
        ("mette@icloud.com", Owner::Private),
        ("søren@me.com", Owner::Private),
        ("jens.hansen@firma.dk", Owner::Other),
        ("jh@advokatfirma-nord.dk", Owner::Other),
        ("info@firma.dk", Owner::OtherRole),
        ("kontakt@foreningen.dk", Owner::OtherRole),
        ("hanne.jensen@aarhus.dk", Owner::PublicStaff),
        ("abc@kk.dk", Owner::PublicStaff),
        ("abc@odense.dk", Owner::PublicStaff),
        ("abc@aalborg.dk", Owner::PublicStaff),
        ("abc@horsens.dk", Owner::PublicStaff),
        ("abc@hoeje-taastrup.dk", Owner::PublicStaff),
        ("abc@koege.dk", Owner::PublicStaff),
        ("abc@soenderborg.dk", Owner::PublicStaff),
        ("abc@favrskovkommune.dk", Owner::PublicStaff),
        ("abc@mitkommune.dk", Owner::PublicStaff),
        ("abc@regionh.dk", Owner::PublicStaff),
        ("abc@rm.dk", Owner::PublicStaff),
        ("abc@socialforvaltningen.kk.dk", Owner::PublicStaff),
        ("post@aarhus.dk", Owner::PublicRole),
        ("borgerservice@vejle.dk", Owner::PublicRole),
        ("info@egedalkommune.dk", Owner::PublicRole),
        ("kontakt@regionsjaelland.dk", Owner::PublicRole),
    ];
    for (addr, want) in cases {
        let text = format!("Skriv til {addr}. Tak");
        assert_eq!(emails(&text), vec![(addr.to_string(), want)], "{addr}");
    }
}

#[test]
fn email_severity_and_masking() {
    let fs = scan("Fra: Hanne Jensen <hanne.jensen@gmail.com>\nSendt: 3. marts 2024\nKopi: post@aarhus.dk");
    let e = rule(&fs, "email-address");
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].severity, Severity::Medium);
    assert_eq!(e[0].masked_text, "h***@gmail.com");
    let show = ShowOptions::default();
    assert!(!show.context(e[0]).contains("hanne.jensen@"));
    assert!(!e[0].message.contains("hanne.jensen"));
    assert_eq!(e[1].severity, Severity::Info);
    assert_eq!(e[1].masked_text, "post@aarhus.dk");
}

#[test]
fn email_look_alikes() {
    for text in ["Mødet 12@14", "se www.aarhus.dk/borger", "a @ b", "@aarhus", "mail: ingen", "kl. 12.30 @ Rådhuset"]
    {
        assert!(emails(text).is_empty(), "{text}");
    }
}

// ------------------------------------------------------------------------------- phone

#[test]
fn phone_positives() {
    let cases = [
        "Tlf. 12 34 56 78",
        "Tlf.: 12345678",
        "tlf 1234 5678",
        "Telefon: 87 65 43 21",
        "Telefonnummer 23456789",
        "Mobil: 22 33 44 55",
        "mob. 22334455",
        "Tel. +45 12 34 56 78",
        "Phone: 0045 12345678",
        "Direkte: 89 40 12 34",
        "Ring på 41 22 33 44",
        "+45 12 34 56 78",
        "+4512345678",
        "0045 1234 5678",
        "kontakt mig på 28 55 66 77 i dag",
    ];
    for text in cases {
        let p = phones(text);
        assert_eq!(p.len(), 1, "{text}: {p:?}");
        assert_eq!(phone::national_digits(&p[0].0).len(), 8, "{text}");
    }
    // A label ending the line above.
    assert_eq!(phones("Telefon:\n12345678").len(), 1);
}

#[test]
fn phone_look_alikes_stay_silent() {
    let v = "1203871234";
    let negatives = [
        "CVR-nr. 12345678".to_string(),
        "CVR 12 34 56 78".to_string(),
        "Sagsnr. 12345678".to_string(),
        "12345678".to_string(),
        "Beløb 12345678 kr.".to_string(),
        "Beløb 12.345.678 kr.".to_string(),
        "I alt: 12 345 678".to_string(),
        "Tlf. 12.345.678 kr.".to_string(),
        "Mødedato 29-03-2016".to_string(),
        "29032016".to_string(),
        format!("CPR-nr. {v}"),
        format!("Tlf. {v}"),
        "Tlf. 120387-1234".to_string(),
        "Tlf. 12345678901".to_string(),
        "12 03 87 12 34".to_string(),
        "2019 12 34 56 78 90".to_string(),
        "Konto 1234 5678".to_string(),
        "Reg.nr. 1234 Kontonr. 12345678".to_string(),
        "EAN 5790001234567".to_string(),
        "Tlf. 02 34 56 78".to_string(),
        "18 34 56 78".to_string(),
        "P-nr. 1003387453".to_string(),
        "Journalnr. 2024-12345678".to_string(),
        "Tlf. 12345678,-".to_string(),
        "Tlf.: 1234 5678 9012".to_string(),
        "+46 12 34 56 78".to_string(),
        "IBAN DK50 0040 0440 1162 43".to_string(),
        "Lokalplan 12345678".to_string(),
    ];
    for text in &negatives {
        assert!(phones(text).is_empty(), "false alarm on {text:?}: {:?}", phones(text));
    }
}

#[test]
fn phone_owner_from_context() {
    let cases = [
        ("Borgeren kan kontaktes på tlf. 22 33 44 55", PhoneOwner::Private),
        ("Mobil: 22 33 44 55", PhoneOwner::Private),
        ("Hanne Jensen\nhanne@gmail.com\nTlf. 22334455", PhoneOwner::Private),
        ("Aarhus Kommune, Rådhuspladsen 2\nTlf. 89 40 20 00", PhoneOwner::Municipal),
        ("Borgerservice, tlf. 89 40 20 00", PhoneOwner::Municipal),
        ("Omstilling: 89 40 20 00", PhoneOwner::Municipal),
        ("Sagsbehandler Ole Hansen\nDirekte: 41 85 12 34\npost@aarhus.dk", PhoneOwner::Municipal),
        ("Mobil: 22 33 44 55\nTeknik og Miljø, Aarhus Kommune", PhoneOwner::Municipal),
        ("Tlf. 70 10 20 30", PhoneOwner::Unknown),
    ];
    for (text, want) in cases {
        let p = phones(text);
        assert_eq!(p.len(), 1, "{text}");
        assert_eq!(p[0].1, want, "{text}");
    }
    let fs = scan("Borgeren kan kontaktes på tlf. 22 33 44 55");
    let p = rule(&fs, "phone");
    assert_eq!(p[0].severity, Severity::Medium);
    assert_eq!(p[0].masked_text, "22 33 XX XX");
    assert!(!ShowOptions::default().context(p[0]).contains("44 55"));
    let fs = scan("Tlf. 70 10 20 30");
    assert_eq!(rule(&fs, "phone")[0].severity, Severity::Low);
}

#[test]
fn configured_own_numbers_are_info() {
    let cfg = MunicipalityConfig { phones: vec!["+45 89 40 20 00".into()], ..Default::default() };
    let m = Municipal::with_config(&cfg);
    let page = PageText::from_plain("Ring til 89 40 20 00 for hjælp");
    let mut out = Vec::new();
    check_with(&TextUnit::page(&page, 1), &DocContext::default(), &m, &mut out);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].severity, Severity::Info);
    // Its number series is the municipality's too, even next to private words.
    let page = PageText::from_plain("Pårørendegrupperne får en telefonlinje, tlf. 89 40 41 50.");
    let mut out = Vec::new();
    check_with(&TextUnit::page(&page, 1), &DocContext::default(), &m, &mut out);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].severity, Severity::Low);
}

#[test]
fn wrapped_and_two_column_addresses() {
    let a = addresses("tilbagebetalt af Lasse Mikkelsen, Vestergade 33, st.\nth., 6990 Sønderå, fordi han");
    assert_eq!(a.len(), 1, "{a:?}");
    assert!(a[0].0.starts_with("Vestergade 33, st."), "{a:?}");
    let text = "Signe Bech-Nielsen Dato: 6. marts 2024\nRosenvænget 7 Sagsnr.: 27.15.08-G01-77-24\n6990 Sønderå";
    let fs = scan(text);
    let a = rule(&fs, "address");
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].text, "Rosenvænget 7, 6990 Sønderå");
    assert_eq!(a[0].masked_text, "Rosenvænget X, 6990 Sønderå");
    assert_eq!(a[0].severity, Severity::Medium);
    assert!(!ShowOptions::default().context(a[0]).contains("Rosenvænget 7"));
    // Not when the line above does not start with a suffixed street.
    assert!(addresses("Bilag 7 Sagsnr.: 27.15.08\n6990 Sønderå").is_empty());
}

// ------------------------------------------------------------------------------- address

#[test]
fn address_positives() {
    let cases = [
        ("Strandvejen 12, 2. th., 2900 Hellerup", "Strandvejen 12, 2. th., 2900 Hellerup"),
        ("Vestergade 3B, 8000 Aarhus C", "Vestergade 3B, 8000 Aarhus C"),
        ("Hanne Jensen\nSkovvej 4\n7100 Vejle", "Skovvej 4 7100 Vejle"),
        ("bor på Nørre Allé 14, st. tv., 2200 København N", "Nørre Allé 14, st. tv., 2200 København N"),
        ("H.C. Andersens Boulevard 27, 1553 København V", "H.C. Andersens Boulevard 27, 1553 København V"),
        ("Adresse: Bakkevænget 7 8660 Skanderborg", "Bakkevænget 7 8660 Skanderborg"),
        ("Søndergade 101, 1. sal, 6000 Kolding", "Søndergade 101, 1. sal, 6000 Kolding"),
        ("Kirkestræde 2A, 4000 Roskilde", "Kirkestræde 2A, 4000 Roskilde"),
        ("Lindholm Brygge 31, 9400 Nørresundby", "Lindholm Brygge 31, 9400 Nørresundby"),
        ("Elmehøj 9, 2800 Kgs. Lyngby", "Elmehøj 9, 2800 Kgs. Lyngby"),
        ("Klager: Ole Hansen, Stationsvej 3, 7500 Holstebro", "Stationsvej 3, 7500 Holstebro"),
        ("Byskovvej 12, 4200 Slagelse", "Byskovvej 12, 4200 Slagelse"),
        ("Ved Stranden 5, 9000 Aalborg", "Ved Stranden 5, 9000 Aalborg"),
    ];
    for (text, want) in cases {
        let a = addresses(text);
        assert_eq!(a.len(), 1, "{text}: {a:?}");
        assert_eq!(a[0].0, want);
        assert_eq!(a[0].1, AddressOwner::Private, "{text}");
    }
}

#[test]
fn address_look_alikes_stay_silent() {
    let negatives = [
        "Bilag 3, 2024 Budget",
        "Punkt 5, 2100 København",
        "Sag 12, 2024 Godkendt",
        "Mødet starter kl. 14.00 i 8000 Aarhus",
        "Beløb 500 1000 Projekter",
        "Tabel 2 2020 Udgifter",
        "i 2024 Aarhus Kommune",
        "Lokalplan nr. 1234, 8000 Aarhus C",
        "8000 Aarhus C",
        "Budget 2025 2026 Drift",
        "12.345 8000 Aarhus",
        "Side 4 af 12",
        "j.nr. 24/1234 Aarhus",
    ];
    for text in negatives {
        assert!(addresses(text).is_empty(), "false alarm on {text:?}: {:?}", addresses(text));
    }
}

#[test]
fn address_owner_from_context() {
    let cases = [
        ("Aarhus Kommune\nRådhuspladsen 2, 8000 Aarhus C", AddressOwner::Municipal),
        ("Rådhuset, Søndergade 1, 8700 Horsens", AddressOwner::Municipal),
        ("Teknik- og Miljøforvaltningen, Njalsgade 13, 2300 København S", AddressOwner::Municipal),
        ("Byg og Anlæg A/S, Industrivej 5, 7100 Vejle", AddressOwner::Business),
        ("CVR 12345678, Industrivej 5, 7100 Vejle", AddressOwner::Business),
        ("Hanne Jensen, Strandvejen 12, 2900 Hellerup", AddressOwner::Private),
        ("Mødested: Kulturhuset, Vestergade 5, 8000 Aarhus C", AddressOwner::Institution),
        ("Skovvejens Skole, Skovvej 4, 7100 Vejle", AddressOwner::Institution),
        ("Dispensation for ejendommen Bakkevej 7, 8600 Silkeborg", AddressOwner::Institution),
        ("Mødet holdes i Familiehuset, Skolegade 4, 6990 Sønderå.", AddressOwner::Institution),
        (
            "Jobcentret har krævet 84.312 kr. tilbagebetalt af Lasse Thrane Mikkelsen, Vestergade 33, st.\nth., 6990 Sønderå",
            AddressOwner::Private,
        ),
    ];
    for (text, want) in cases {
        let a = addresses(text);
        assert_eq!(a.len(), 1, "{text}: {a:?}");
        assert_eq!(a[0].1, want, "{text}");
    }
    let fs = scan("Hanne Jensen, Strandvejen 12, 2. th., 2900 Hellerup");
    let a = rule(&fs, "address");
    assert_eq!(a[0].severity, Severity::Medium);
    assert_eq!(a[0].masked_text, "Strandvejen XX, X. XX., 2900 Hellerup");
    let fs = scan("Aarhus Kommune\nRådhuspladsen 2, 8000 Aarhus C");
    assert_eq!(rule(&fs, "address")[0].severity, Severity::Low);
}

#[test]
fn municipality_domains_from_names() {
    let s = domain_slugs("Høje-Taastrup");
    for want in ["hoeje-taastrup", "hojetaastrup", "høje-taastrup", "hoejetaastrup"] {
        assert!(s.contains(&want.to_string()), "{want} in {s:?}");
    }
    let m = Municipal::defaults();
    for d in
        ["aarhus.dk", "aeroe.dk", "aeroekommune.dk", "laesoe-kommune.dk", "lyngby-taarbaek.dk", "ltk.dk", "tarnby.dk"]
    {
        assert!(m.is_public_domain(d), "{d}");
    }
    for d in ["gmail.com", "aarhus.com", "firma.dk", "aarhusbolig.dk"] {
        assert!(!m.is_public_domain(d), "{d}");
    }
}

#[test]
fn pages_without_digits_or_at_are_skipped_cheaply() {
    assert!(scan("Dagsorden for mødet i Økonomiudvalget. Ingen bemærkninger.").is_empty());
}

/// Gate-level precision and recall: a private person's contact data must reach the default gate
/// (medium), while look-alikes and the municipality's, staff's and companies' data must not.
/// `cargo test --lib contact::tests::evaluation -- --nocapture` prints the figures.
#[test]
fn evaluation_precision_and_recall_at_the_gate() {
    let private: [(&str, &str); 32] = [
        ("email-address", "Fra: Hanne Jensen <hanne.jensen@gmail.com>"),
        ("email-address", "Kan kontaktes på ole1961@hotmail.dk"),
        ("email-address", "Svar venligst til kim.p@outlook.dk"),
        ("email-address", "mail: per.nielsen@live.dk"),
        ("email-address", "Afsender: bo_larsen@yahoo.com"),
        ("email-address", "lis@mail.dk skrev:"),
        ("email-address", "From: mette.s@icloud.com"),
        ("email-address", "jens.hansen@firma-nord.dk"),
        ("email-address", "Kopi til advokat: jh@advokathuset.dk"),
        ("email-address", "E-mail: familien.hansen@jubii.dk"),
        ("phone", "Borgeren kan kontaktes på tlf. 22 33 44 55"),
        ("phone", "Mobil: 22 33 44 55"),
        ("phone", "mob. 40506070"),
        ("phone", "Min datter kan kontaktes på 28 55 66 77"),
        ("phone", "Pårørende: Lise Hansen, tlf. 61 22 33 44"),
        ("phone", "Hanne Jensen\nhanne@gmail.com\nTlf. 22334455"),
        ("phone", "Klager kan træffes på telefon 5152 5354"),
        ("phone", "Privat: +45 31 32 33 34"),
        ("phone", "Ansøger, mobil +4542434445"),
        ("phone", "borgerens telefonnummer 71727374"),
        ("phone", "Hans adresse er Nørregade 5, 1. tv, 5000 Odense C. Tlf. 26 27 28 29"),
        ("email-address", "Fra: Anne Larsen [mailto:anne.l@privat.dk]"),
        ("address", "Hanne Jensen, Strandvejen 12, 2. th., 2900 Hellerup"),
        ("address", "Klager: Ole Hansen, Stationsvej 3, 7500 Holstebro"),
        ("address", "Jens Peter Hansen\nVestergade 3B\n8000 Aarhus C"),
        ("address", "bor på Nørre Allé 14, st. tv., 2200 København N"),
        ("address", "Borgeren er flyttet til Elmehøj 9, 2800 Kgs. Lyngby"),
        ("address", "Adresse: Bakkevænget 7, 8660 Skanderborg"),
        ("address", "Søndergade 101, 1. sal, 6000 Kolding"),
        ("address", "Partsrepræsentant: Lis Berg, Kirkestræde 2A, 4000 Roskilde"),
        ("address", "Lindholm Brygge 31, 9400 Nørresundby"),
        ("address", "Pårørende: Ved Stranden 5, 9000 Aalborg"),
    ];
    let not_private: [(&str, &str); 40] = [
        ("email-address", "Yderligere oplysninger: hkm@aarhus.dk"),
        ("email-address", "Skriv til post@aarhus.dk"),
        ("email-address", "borgerservice@vejle.dk"),
        ("email-address", "Kontakt info@firma.dk"),
        ("email-address", "Sagsbehandler: abc@kk.dk"),
        ("email-address", "regionens mail kontakt@regionh.dk"),
        ("email-address", "Se www.aarhus.dk/borger"),
        ("email-address", "Mødet 12@14"),
        ("phone", "Borgerservice, tlf. 89 40 20 00"),
        ("phone", "Omstilling: 89 40 20 00"),
        ("phone", "Specialkonsulent Hanne Madsen, tlf. 89 40 12 34, hkm@aarhus.dk"),
        ("phone", "Direkte: 41 85 12 34"),
        ("phone", "Aarhus Kommune, Rådhuspladsen 2\nTlf. 89 40 20 00"),
        ("phone", "CVR-nr. 55133018"),
        ("phone", "CVR 12 34 56 78"),
        ("phone", "Sagsnr. 24004512"),
        ("phone", "Beløb 12.345.678 kr."),
        ("phone", "I alt 12345678 kr."),
        ("phone", "Mødedato 29-03-2016"),
        ("phone", "Reg.nr. 1234 Kontonr. 12345678"),
        ("phone", "EAN 5798005770015"),
        ("phone", "Tlf. 120387-1234"),
        ("phone", "Journalnr. 2024-12345678"),
        ("phone", "Tabel 2019 12 34 56 78 90"),
        ("phone", "Tlf. 70 10 20 30"),
        ("phone", "Firmaets tlf. 33 44 55 66"),
        ("address", "Aarhus Kommune\nRådhuspladsen 2, 8000 Aarhus C"),
        ("address", "Rådhuset, Søndergade 1, 8700 Horsens"),
        ("address", "Teknik- og Miljøforvaltningen, Njalsgade 13, 2300 København S"),
        ("address", "Byg og Anlæg A/S, Industrivej 5, 7100 Vejle"),
        ("address", "Mødested: Kulturhuset, Vestergade 5, 8000 Aarhus C"),
        ("address", "Skovvejens Skole, Skovvej 4, 7100 Vejle"),
        ("address", "Dispensation for ejendommen Bakkevej 7, 8600 Silkeborg"),
        ("address", "Bilag 3, 2024 Budget"),
        ("address", "Punkt 5, 2100 København"),
        ("address", "Sag 12, 2024 Godkendt"),
        ("address", "Beløb 500 1000 Projekter"),
        ("address", "Lokalplan nr. 1234, 8000 Aarhus C"),
        ("address", "i 2024 Aarhus Kommune"),
        ("address", "Side 4 af 12"),
    ];
    let gate = |rule: &str, text: &str| scan(text).iter().any(|f| f.rule == rule && f.severity >= Severity::Medium);
    let mut report = Vec::new();
    for id in ["email-address", "phone", "address"] {
        let pos: Vec<&str> = private.iter().filter(|(r, _)| *r == id).map(|(_, t)| *t).collect();
        let neg: Vec<&str> = not_private.iter().filter(|(r, _)| *r == id).map(|(_, t)| *t).collect();
        let missed: Vec<&str> = pos.iter().copied().filter(|t| !gate(id, t)).collect();
        let alarms: Vec<&str> = neg.iter().copied().filter(|t| gate(id, t)).collect();
        let tp = pos.len() - missed.len();
        let precision = tp as f64 / (tp + alarms.len()).max(1) as f64;
        let recall = tp as f64 / pos.len() as f64;
        println!(
            "{id}: {} private, {} not: precision {precision:.3}, recall {recall:.3}; missed {missed:?}; false alarms {alarms:?}",
            pos.len(),
            neg.len()
        );
        report.push((id, precision, recall));
    }
    for (id, p, r) in report {
        assert!(p >= 0.9 && r >= 0.9, "{id}: precision {p}, recall {r}");
    }
}

/// Random text from the characters the rules care about (digits, every separator, Danish
/// letters, line breaks, label fragments) must never make any rule panic.
#[test]
fn random_text_never_panics() {
    let pieces = [
        "0",
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        "12",
        "120387",
        "1234",
        "-",
        "\u{2013}",
        " ",
        "\u{00A0}",
        "/",
        "\n",
        "\n\n",
        ".",
        ",",
        ":",
        "@",
        "æ",
        "Ø",
        "å",
        "CPR",
        "tlf.",
        "Tlf",
        "vej",
        "gade ",
        "Kommune",
        "P-nr.",
        "Faktura",
        "+45",
        "0045",
        "A/S",
        "st.",
        "th.",
        "8000 ",
        "Aarhus C",
        "gmail.com",
        "x",
        "Rådhus",
        "\t",
        "  ",
        "Bilagsnr.",
        "mobil",
        "borger",
        "\u{2011}",
        "é",
        "ß",
        "\u{ad}",
    ];
    let mut x: u64 = 0x1234_5678_9ABC_DEF1;
    let det = crate::detect::Detector::new(crate::detect::Config::default()).unwrap();
    for _ in 0..400 {
        let mut s = String::new();
        for _ in 0..(x % 120) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push_str(pieces[(x % pieces.len() as u64) as usize]);
        }
        let page = PageText::from_plain(&s);
        let mut out = Vec::new();
        det.scan(&TextUnit::page(&page, 1), &DocContext::default(), &mut out);
        for f in &out {
            assert!(!f.masked_text.is_empty() || f.text.is_empty(), "{f:?}");
        }
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    }
}

#[test]
fn a_country_code_before_the_postcode_keeps_the_address() {
    // Letters written for abroad (and many citizens' own letterheads) put `DK-` before it.
    let a = addresses("Adresse: Skovvej 3 A, 1. sal, DK-8000 Aarhus C");
    assert_eq!(a, vec![("Skovvej 3 A, 1. sal, DK-8000 Aarhus C".to_string(), AddressOwner::Private)]);
    let a = addresses("Hanne Jensen\nBirkevej 4\nDK-6990 Sønderå");
    assert_eq!(a.len(), 1, "{a:?}");
    // A code glued to other letters is no country code: `ABDK-8000` is a product number.
    assert!(addresses("Vare ABDK-8000 Aarhus").is_empty());
}

#[test]
fn a_labelled_phone_number_in_dashed_pairs_is_found() {
    // Some write phone numbers like dates: `20-12-34-56`. Only a phone label makes it one.
    assert_eq!(phones("Tlf.: 20-12-34-56").len(), 1, "{:?}", phones("Tlf.: 20-12-34-56"));
    assert_eq!(phones("Mobil 31-62-09-47, hverdage").len(), 1);
    for text in ["Punkt 20-12-34-56", "20-12-34-56", "Tlf. 2024-12-34-56", "Tlf. 20-12-34-56-78", "Mødedato 20-12-2024"]
    {
        assert!(phones(text).is_empty(), "false alarm on {text:?}: {:?}", phones(text));
    }
}
