use super::*;
use crate::detect::{Config, Detector};

fn blocks(text: &str) -> Vec<HeaderBlock> {
    header_blocks(&PageText::from_plain(text))
}

fn mail_findings(text: &str) -> Vec<Finding> {
    let page = PageText::from_plain(text);
    let det = Detector::new(Config::default()).unwrap();
    let ctx = det.prepare(std::slice::from_ref(&page));
    let mut out = Vec::new();
    check(&TextUnit::page(&page, 3), &ctx, &mut out);
    out
}

#[test]
fn labels_in_both_languages_and_cases() {
    assert_eq!(label_of("Fra: Hanne"), Some((Label::From, 4)));
    assert_eq!(label_of("  FROM:  x").map(|l| l.0), Some(Label::From));
    assert_eq!(label_of("Vedhæftede filer: a.pdf").map(|l| l.0), Some(Label::Attachments));
    assert_eq!(label_of("Sendt : 4. marts").map(|l| l.0), Some(Label::Sent));
    assert_eq!(label_of("Subject: RE: x").map(|l| l.0), Some(Label::Subject));
    assert_eq!(label_of("Fraværende: Ole"), None);
    assert_eq!(label_of("Beslutning: Godkendt"), None);
    assert_eq!(label_of("Til stede var alle"), None);
}

#[test]
fn times_tell_a_sent_line() {
    assert!(has_time("14. marts 2024 10:32"));
    assert!(has_time("Monday, March 4, 2024 9:12 AM"));
    assert!(has_time("4. marts 2024 kl. 9.12"));
    assert!(!has_time("4. marts 2024"));
    assert!(!has_time("04.03.2024"));
}

#[test]
fn danish_outlook_block_is_one_high_finding_with_its_header_lines() {
    let f = mail_findings(
        "Bilag 3\n\nFra: Ole Hansen <ole.hansen@gmail.com>\nSendt: 14. marts 2024 10:32\nTil: Aarhus Kommune <post@aarhus.dk>\nCc: Lis Hansen <lis@hansen.dk>\nEmne: Klage\nVedhæftede filer: foto.jpg\n\nHej",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    let m = &f[0];
    assert_eq!((m.rule.as_str(), m.severity, m.page), ("email-header", Severity::High, Some(3)));
    assert_eq!(m.text, "Fra: Ole Hansen <ole.hansen@gmail.com>");
    assert_eq!(m.masked_text, "Fra: Ole Hansen <o***@gmail.com>");
    assert!(m.context.contains("Cc: Lis Hansen") && m.context.contains("Emne: Klage"), "{}", m.context);
    assert_eq!(
        m.message,
        "A printed e-mail (header block: Fra/Sendt/Til/Cc/Emne/Vedhæftede filer) from a private sender is on this page"
    );
}

#[test]
fn english_header_and_gmail_style_header() {
    assert_eq!(blocks("From: Jane Doe\nSent: Monday, March 4, 2024 9:12 AM\nTo: Team\nSubject: Status").len(), 1);
    assert_eq!(
        blocks("From: Jane Doe <jane@doe.org>\nDate: Mon, 4 Mar 2024 at 09:12\nSubject: Status\nTo: <x@y.dk>").len(),
        1
    );
}

#[test]
fn forward_chain_has_a_block_per_message() {
    let b = blocks(
        "Fra: A <a@b.dk>\nSendt: 1. maj 2024 08:00\nTil: C <c@d.dk>\nEmne: VS: Sag\n\n-----Original Message-----\nFrom: E <e@f.dk>\nSent: 30. april 2024 17:00\nTo: A <a@b.dk>\nSubject: Sag",
    );
    assert_eq!(b.len(), 2);
    assert!(b[0].forward && b[1].forward);
    assert_eq!(b[1].first_line, 4, "the marker line opens the second block");
}

#[test]
fn memo_and_letter_headers_are_not_mails() {
    assert!(blocks("NOTAT\n\nTil: Byrådet\nFra: Direktionen\nDato: 4. marts 2024\nEmne: Budget").is_empty());
    assert!(
        blocks("Notat\nTil: Byrådet\nFra: Hanne Jensen <hj@aarhus.dk>\nDato: 4. marts 2024\nEmne: Budget").is_empty()
    );
    // No Sendt, no time, no address, no reply subject: a letter head, not a mail.
    assert!(blocks("Til: Ejeren af Skovvej 4\nFra: Byggesagsafdelingen\nEmne: Påbud").is_empty());
    // `Fra:` alone is no header block.
    assert!(blocks("Fra: kl. 10.00\nMødet slutter kl. 12").is_empty());
    // A memo heading does not hide a real mail printed below it.
    assert_eq!(blocks("Notat\nFra: Ole <ole@gmail.com>\nSendt: 3. maj 2024 11:02\nTil: Hanne").len(), 1);
}

#[test]
fn reply_subject_or_addresses_are_mail_evidence() {
    assert_eq!(blocks("Fra: Ole Hansen\nTil: Hanne Jensen\nEmne: SV: Haveaffald").len(), 1);
    assert_eq!(blocks("Fra: Ole Hansen <ole@gmail.com>\nTil: Hanne Jensen").len(), 1);
}

#[test]
fn bold_owner_line_joins_the_block() {
    let mut page =
        PageText::from_plain("Ole Hansen\nFra: Ole Hansen <ole@gmail.com>\nSendt: 3. maj 2024 11:02\nTil: Hanne");
    page.lines[0].bold = true;
    let b = header_blocks(&page);
    assert_eq!((b[0].first_line, b[0].owner_line), (0, Some(0)));
    page.lines[0].bold = false;
    assert_eq!(header_blocks(&page)[0].first_line, 1);
}

#[test]
fn municipal_sender_is_named_in_the_message() {
    let f = mail_findings(
        "Fra: Hanne Jensen <hj@aarhus.dk>\nSendt: 3. maj 2024 11:02\nTil: Ole <ole@gmail.com>\nEmne: Svar",
    );
    assert!(f[0].message.contains("from a municipal address"), "{}", f[0].message);
}

#[test]
fn emails_are_found_in_header_values() {
    let v: Vec<&str> = emails("Hanne <hanne.j@gmail.com>; [mailto:ole@aarhus.dk]").collect();
    assert_eq!(v, ["hanne.j@gmail.com", "ole@aarhus.dk"]);
    assert_eq!(emails("a @ b").count(), 0);
}

#[test]
fn a_meeting_memo_with_a_time_in_its_date_is_not_a_mail() {
    // LibreOffice and Chromium print a `Mødenotat` with the meeting's time in `Dato:`.
    let memo = "Mødenotat\nTil: Styregruppen\nFra: Projektleder Lise Berg\nDato: 12. marts 2024 kl. 10:00\nEmne: Opfølgning på budget\n\nDrøftelse";
    assert!(blocks(memo).is_empty(), "{:?}", blocks(memo));
    // A mail client's print under a memo heading still is one: addresses and a time.
    let mail =
        "Notat\nFra: Hanne Jensen <hanne@gmail.com>\nDato: 12. marts 2024 10:32\nTil: post@aarhus.dk\nEmne: Klage";
    assert_eq!(blocks(mail).len(), 1);
}

#[test]
fn a_webmail_print_has_its_sender_line_above_til() {
    // Gmail prints the sender with address and time, then `Til:`; no `Fra:` label.
    let page = "Gmail Lise Berg <lbe@aarhus.dk>\nKlage over parkering\n1 meddelelse\nMette Hansen <mette.hansen@gmail.com> 12. marts 2024 kl. 10.32\nTil: lbe@aarhus.dk\nHej Lise";
    let f = mail_findings(page);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].text, "Mette Hansen <mette.hansen@gmail.com> 12. marts 2024 kl. 10.32");
    assert!(f[0].message.contains("private sender"), "{}", f[0].message);
    assert_eq!(blocks(page)[0].people_lines.first(), Some(&(3, 0)));
    // Without a time the line above is an ordinary line, not a sender.
    assert!(blocks("Skriv til hanne@gmail.com\nTil: Hanne").is_empty());
}
