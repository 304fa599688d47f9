use super::*;

fn ctx_of(pages: &[&str]) -> DocContext {
    let pages: Vec<PageText> = pages.iter().map(|p| PageText::from_plain(p)).collect();
    build(&pages, &Config::default())
}

fn has(ctx: &DocContext, name: &str) -> bool {
    ctx.public_persons.iter().any(|p| p == name)
}

#[test]
fn participant_lines_with_and_without_names_on_the_label_line() {
    let ctx = ctx_of(&["Mødedeltagere: Hanne Jensen, Peter Hansen og Lise Lund\nAfbud: Knud Erik Sørensen\n\nPunkt 1"]);
    for n in ["hanne jensen", "peter hansen", "lise lund", "knud erik sørensen"] {
        assert!(has(&ctx, n), "{n} in {:?}", ctx.public_persons);
    }
    let ctx = ctx_of(&["Fraværende:\nAnna Mortensen\nJens Ole Kjær\nPunkt 1: Godkendelse af dagsorden"]);
    assert!(has(&ctx, "anna mortensen") && has(&ctx, "jens ole kjær"), "{:?}", ctx.public_persons);
    assert!(!ctx.public_persons.iter().any(|p| p.contains("punkt")));
}

#[test]
fn a_sentence_starting_with_deltagere_is_no_list() {
    let ctx = ctx_of(&["Deltagere i arrangementet var bl.a. Hanne Jensen."]);
    assert!(ctx.public_persons.is_empty(), "{:?}", ctx.public_persons);
}

#[test]
fn party_letters_mark_politicians_anywhere() {
    let ctx = ctx_of(&["Forslag fra Johan Müller (A) og Signe Munk (F) blev drøftet. Ændring (B) vedtaget."]);
    assert!(has(&ctx, "johan müller") && has(&ctx, "signe munk"), "{:?}", ctx.public_persons);
    assert_eq!(ctx.public_count(), 2);
}

#[test]
fn presenters_are_public() {
    let ctx = ctx_of(&[
        "Lasse Bjerregaard præsenterer sagen.\nOrientering v/ Kristine Holm\nOplæg ved Peter Nørgaard (A), direktør",
    ]);
    for n in ["lasse bjerregaard", "kristine holm", "peter nørgaard"] {
        assert!(has(&ctx, n), "{n} in {:?}", ctx.public_persons);
    }
}

#[test]
fn staff_signatures_by_title_address_or_municipality() {
    let ctx = ctx_of(&[
        "Med venlig hilsen\n\nHanne Jensen\nSpecialkonsulent\n\nVenlig hilsen\nOle Bak Nielsen\nTeknik og Miljø\nAarhus Kommune\n\nMvh\nLis Madsen\nlima@kolding.dk",
    ]);
    for n in ["hanne jensen", "ole bak nielsen", "lis madsen"] {
        assert!(has(&ctx, n), "{n} in {:?}", ctx.public_persons);
    }
    let ctx = ctx_of(&["Sagsbehandler: Mette Dahl Olsen\nTlf. 87 13 00 00"]);
    assert!(has(&ctx, "mette dahl olsen"), "{:?}", ctx.public_persons);
}

#[test]
fn a_citizen_with_a_private_address_is_not_staff() {
    let ctx = ctx_of(&[
        "Med venlig hilsen\nOle Hansen\nole.hansen@gmail.com",
        "Ole Hansen\nBøgevej 14\n8260 Viby J\nAarhus Kommune",
    ]);
    assert!(ctx.public_persons.is_empty(), "{:?}", ctx.public_persons);
}

#[test]
fn municipal_addresses_in_mail_headers_are_staff() {
    let ctx = ctx_of(&["Fra: Hanne Jensen <hj@aarhus.dk>\nSendt: 3. maj 2024 11:02\nTil: Ole Hansen <ole@gmail.com>; Lis Bak <lb@fredensborg-kommune.dk>\nEmne: Svar"]);
    assert!(has(&ctx, "hanne jensen") && has(&ctx, "lis bak"), "{:?}", ctx.public_persons);
    assert!(!has(&ctx, "ole hansen"));
}

#[test]
fn roster_and_name_variants_match() {
    let pages = [PageText::from_plain("x")];
    let ctx = build(
        &pages,
        &Config { roster: vec!["Hanne Kirstine Jensen".into(), "Anne Hansen-Møller".into()], ..Default::default() },
    );
    let mut toks = Vec::new();
    let mut buf = String::new();
    let lex = lexicon();
    for (line, public) in [
        ("Hanne Jensen", true),
        ("H. Jensen", true),
        ("Hanne Kirstine", true),
        ("Kirstine Jensen", true),
        ("Anne Hansen-Møller", true),
        ("Hanne Jensens", true),
        ("Henrik Jensen", false),
        ("Anne Hansen", false),
    ] {
        tokenize(line, lex, &mut buf, &mut toks);
        assert_eq!(ctx.is_public_run(line, &toks, 0, toks.len() - 1), public, "{line}");
    }
}

#[test]
fn municipal_email_domains() {
    assert!(is_municipal_email("hj@aarhus.dk"));
    assert!(is_municipal_email("hj@mbu.aarhus.dk"));
    assert!(is_municipal_email("x@fredensborg-kommune.dk"));
    assert!(is_municipal_email("x@rm.dk"));
    assert!(!is_municipal_email("x@gmail.com"));
    assert!(!is_municipal_email("x@aarhusbolig.dk"));
}

#[test]
fn author_and_contact_labels_mark_staff() {
    let ctx =
        ctx_of(&["Kontaktperson: Hanne Jensen\nUdarbejdet af: Peter Nørgaard\nAnsvarlig for sagen er også nævnt her."]);
    assert!(has(&ctx, "hanne jensen") && has(&ctx, "peter nørgaard"), "{:?}", ctx.public_persons);
    assert_eq!(ctx.public_count(), 2);
}

#[test]
fn configured_municipal_domain_makes_staff() {
    let pages = [PageText::from_plain(
        "Fra: Hanne Jensen <hj@minby.net>\nSendt: 3. maj 2024 11:02\nTil: Ole Hansen <ole@gmail.com>\nEmne: Svar",
    )];
    let mut config = Config::default();
    assert!(!build(&pages, &config).is_staff_email("hj@minby.net"));
    config.municipality.domains = vec!["minby.net".into()];
    let ctx = build(&pages, &config);
    assert!(ctx.is_staff_email("hj@minby.net") && ctx.is_staff_email("x@aarhus.dk"));
    assert!(has(&ctx, "hanne jensen") && !has(&ctx, "ole hansen"), "{:?}", ctx.public_persons);
}

#[test]
fn a_title_next_to_a_name_on_a_long_line() {
    let ctx = ctx_of(&[
        "Ledigheden er 2,9 %, svarende til 612 fuldtidspersoner. Jobcenterchef Torben Vase forventer et fald.\nMed venlig hilsen Tina Brøndum, Sagsbehandler, Visitationen, Sønderå Kommune",
    ]);
    assert!(has(&ctx, "torben vase") && has(&ctx, "tina brøndum"), "{:?}", ctx.public_persons);
    let ctx = ctx_of(&["Borgeren Peter Hansen leder efter arbejde og har søgt mange stillinger i år."]);
    assert!(ctx.public_persons.is_empty(), "{:?}", ctx.public_persons);
}

#[test]
fn a_signature_does_not_reach_across_a_mail_header() {
    let ctx = ctx_of(&[
        "Mvh Jens Ole Bak\n-----Original Message-----\nFrom: Tina Brøndum <tbr@aarhus.dk>\nSent: Monday, March 4, 2024 3:47 PM\nTo: Jens Ole Bak <jens.ole.bak@hotmail.com>\nSubject: Klage",
    ]);
    assert!(has(&ctx, "tina brøndum") && !has(&ctx, "jens ole bak"), "{:?}", ctx.public_persons);
}

#[test]
fn names_wrapped_in_participant_lists() {
    let ctx = ctx_of(&["Mødedeltagere:\nBirgitte Holm Andersen (A), formand, Poul Erik Vestergaard (V),\nnæstformand, Anja Skovgaard Mikkelsen (F), Lone Frederiksen (O), Karsten\nBro (Ø), Søren Kjærgaard (V)"]);
    for n in ["birgitte holm andersen", "poul erik vestergaard", "lone frederiksen", "karsten bro", "søren kjærgaard"]
    {
        assert!(has(&ctx, n), "{n} in {:?}", ctx.public_persons);
    }
    // Party letter only, no label: the wrapped first name is still joined.
    let ctx = ctx_of(&["Forslaget blev stillet af Karsten\nBro (Ø) og vedtaget."]);
    assert!(has(&ctx, "karsten bro"), "{:?}", ctx.public_persons);
    assert_eq!(trailing_name_words("…, Lone Frederiksen (O), Karsten"), Some("Karsten"));
    assert_eq!(trailing_name_words("stillet af Hans Karl"), Some("Hans Karl"));
    assert_eq!(trailing_name_words("næstformand,"), None);
}

#[test]
fn a_meeting_folder_shares_its_participants() {
    let agenda = ctx_of(&["Mødedeltagere: Karsten Bro (Ø), Lone Frederiksen (O)"]);
    let mut bilag = ctx_of(&["Bilag 3: notat fra forvaltningen"]);
    let line = "Karsten Bro";
    let lex = lexicon();
    let (mut toks, mut buf) = (Vec::new(), String::new());
    tokenize(line, lex, &mut buf, &mut toks);
    assert!(!bilag.is_public_run(line, &toks, 0, 1));
    bilag.absorb_public(&agenda);
    assert!(bilag.is_public_run(line, &toks, 0, 1));
    assert!(has(&bilag, "lone frederiksen"));
}
