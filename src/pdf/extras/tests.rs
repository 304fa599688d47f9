use super::testpdf::{append_update, content_stream, text, Builder};
use super::*;
use crate::pdf::limits::{Budget, Limits};
use lopdf::{dictionary, Document, Object};

fn load(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).unwrap()
}

fn page_ids(doc: &Document) -> Vec<lopdf::ObjectId> {
    doc.get_pages().into_values().collect()
}

#[test]
fn metadata_reads_info_and_xmp_without_repeats() {
    let mut b = Builder::new(&[&["Referat"]]);
    b.set_info(&[
        ("Author", "Jens Hansen"),
        ("Title", "Klage over Søren"),
        ("Producer", "Word"),
        ("CreationDate", "D:2024"),
    ]);
    b.set_xmp(
        "<x:xmpmeta><rdf:RDF><rdf:Description><dc:creator><rdf:Seq><rdf:li>Jens Hansen</rdf:li></rdf:Seq></dc:creator>\
         <dc:description><rdf:Alt><rdf:li>CPR 120387-1234</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>",
    );
    let doc = load(&b.bytes());
    let m = metadata_texts(&doc);
    let find = |loc: &str| m.iter().find(|t| t.location == loc).map(|t| t.text.as_str());
    assert_eq!(find("Author"), Some("Jens Hansen"));
    assert_eq!(find("Title"), Some("Klage over Søren"));
    assert_eq!(find("Producer"), Some("Word"));
    assert_eq!(find("CreationDate"), None);
    assert_eq!(find("XMP dc:creator"), None, "mirrors Author");
    assert_eq!(find("XMP dc:description"), Some("CPR 120387-1234"));
    assert!(m.iter().all(|t| t.source == "metadata" && t.page.is_none()));
}

#[test]
fn annotations_fields_and_bookmarks() {
    let mut b = Builder::new(&[&["Side 1"], &["Side 2"]]);
    let note = b.add_annotation(
        1,
        dictionary! {
            "Type" => "Annot", "Subtype" => "Text", "Rect" => vec![10.into(), 10.into(), 30.into(), 30.into()],
            "Contents" => text("Ring til borgeren Jens Hansen"), "T" => text("Hanne Sagsbehandler"),
            "RC" => text("<body><p>Ring til borgeren <b>Jens Hansen</b></p></body>"),
        },
    );
    b.add_annotation(1, dictionary! { "Type" => "Annot", "Subtype" => "Popup", "Parent" => note, "Contents" => text("Ring til borgeren Jens Hansen") });
    b.add_annotation(0, dictionary! { "Type" => "Annot", "Subtype" => "Redact", "Rect" => vec![1.into(), 1.into(), 2.into(), 2.into()] });
    let widget = b.add_annotation(0, dictionary! { "Type" => "Annot", "Subtype" => "Widget", "Rect" => vec![50.into(), 50.into(), 200.into(), 70.into()] });
    let field = b.doc.add_object(dictionary! {
        "FT" => "Tx", "T" => text("ansoeger"), "TU" => text("Navn"), "V" => text("Ole Olsen"), "Kids" => vec![widget.into()],
    });
    let parent = b.doc.add_object(dictionary! { "T" => text("person"), "Kids" => vec![field.into()] });
    b.catalog().set("AcroForm", dictionary! { "Fields" => vec![parent.into(), parent.into()] });
    let page2 = b.page_ids[1];
    let first = b.doc.new_object_id();
    let second = b.doc.new_object_id();
    let outlines = b.doc.add_object(dictionary! { "Type" => "Outlines", "First" => first, "Last" => second });
    b.doc.objects.insert(first, Object::Dictionary(dictionary! { "Title" => text("Punkt 1"), "Parent" => outlines, "Next" => second, "Dest" => vec![page2.into(), "Fit".into()] }));
    // A cycle back to the first item must not loop.
    b.doc.objects.insert(
        second,
        Object::Dictionary(
            dictionary! { "Title" => text("Klage fra Jens Hansen"), "Parent" => outlines, "Next" => first },
        ),
    );
    b.catalog().set("Outlines", outlines);
    let doc = load(&b.bytes());
    let pages = page_ids(&doc);

    let a = annotation_texts(&doc, &pages);
    let locs: Vec<(&str, Option<u32>)> = a.texts.iter().map(|t| (t.location.as_str(), t.page)).collect();
    assert_eq!(
        locs,
        vec![("Text annotation /Contents", Some(2)), ("Text annotation author (/T)", Some(2))],
        "rich text equal to /Contents and the popup are not repeated"
    );
    assert_eq!(a.texts[0].bbox.map(|r| r.x1), Some(30.0));
    assert_eq!(a.unapplied_redactions.len(), 1);
    assert_eq!(a.unapplied_redactions[0].0, 1);

    let f = form_field_texts(&doc, &pages, &a.page_of);
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[0].text, "Ole Olsen");
    assert_eq!(f[0].location, "form field `person.ansoeger` (Navn)");
    assert_eq!(f[0].page, Some(1));
    assert_eq!(f[0].source, "form-field");
    assert_eq!(f[1].location, "form field `person.ansoeger` (Navn) label");

    let bm = bookmark_texts(&doc, &pages);
    let titles: Vec<(&str, Option<u32>)> = bm.iter().map(|t| (t.text.as_str(), t.page)).collect();
    assert_eq!(titles, vec![("Punkt 1", Some(2)), ("Klage fra Jens Hansen", None)]);
}

#[test]
fn embedded_files_from_name_tree_and_attachment_annotation() {
    let mut b = Builder::new(&[&["Bilag"]]);
    let mail = b.file_spec("mail.eml", b"From: Jens Hansen\nSubject: Klage\n");
    let pdf = b.file_spec("bilag.pdf", b"%PDF-1.4 not really");
    b.embed(&[("mail.eml", mail), ("bilag.pdf", pdf)]);
    let photo = b.file_spec("foto.jpg", b"\xFF\xD8\xFF\xE0");
    b.add_annotation(0, dictionary! { "Type" => "Annot", "Subtype" => "FileAttachment", "FS" => photo });
    // The same file attached by an annotation too: listed once, with its page.
    b.add_annotation(0, dictionary! { "Type" => "Annot", "Subtype" => "FileAttachment", "FS" => mail });
    let doc = load(&b.bytes());
    let budget = Budget::new(Limits::default());
    let files = embedded_files(&doc, &page_ids(&doc), 1 << 20, &budget);
    let names: Vec<(&str, Option<u32>, Option<u64>)> =
        files.iter().map(|f| (f.name.as_str(), f.page, f.size)).collect();
    assert_eq!(
        names,
        vec![("mail.eml", Some(1), Some(33)), ("bilag.pdf", None, Some(19)), ("foto.jpg", Some(1), Some(4))]
    );
    assert_eq!(files[0].data.as_deref().unwrap(), b"From: Jens Hansen\nSubject: Klage\n");

    let small = embedded_files(&doc, &page_ids(&doc), 10, &budget);
    assert!(small[0].data.as_ref().is_err_and(|e| e.contains("MB") || e.contains("larger")), "{:?}", small[0].data);
}

#[test]
fn javascript_and_launch_actions() {
    let mut b = Builder::new(&[&["x"]]);
    let js = b.doc.add_object(dictionary! { "S" => "JavaScript", "JS" => text("app.alert('hej');") });
    let launch = b.doc.add_object(dictionary! { "S" => "Launch", "F" => text("cmd.exe"), "Next" => js });
    b.catalog().set("OpenAction", launch);
    b.add_annotation(0, dictionary! { "Type" => "Annot", "Subtype" => "Link", "A" => dictionary! { "S" => "JavaScript", "JS" => text("print()") } });
    let doc = load(&b.bytes());
    let a = find_actions(&doc, &page_ids(&doc));
    let kinds: Vec<(&str, &str, Option<u32>)> = a.iter().map(|x| (x.kind, x.detail.as_str(), x.page)).collect();
    assert_eq!(
        kinds,
        vec![
            ("Launch", "cmd.exe", None),
            ("JavaScript", "app.alert('hej');", None),
            ("JavaScript", "print()", Some(1))
        ]
    );
    assert!(a[0].trigger.contains("opened"));
}

#[test]
fn incremental_update_leaves_an_earlier_revision() {
    let b = Builder::new(&[&["Punkt 1", "Borgeren Jens Hansen klager."]]);
    let content_id = b.doc.get_dictionary(b.page_ids[0]).unwrap().get(b"Contents").unwrap().as_reference().unwrap();
    let first = b.bytes();
    let updated = append_update(&first, vec![(content_id, content_stream(&["Punkt 1"]))]);
    let ends = earlier_revision_ends(&updated);
    assert_eq!(ends.len(), 1);
    assert!((first.len()..first.len() + 3).contains(&ends[0]), "{ends:?} vs {}", first.len());
    let old = load(&updated[..ends[0]]);
    let new = load(&updated);
    let old_content = old.get_page_content(page_ids(&old)[0]);
    assert!(String::from_utf8_lossy(&old_content).contains("Jens Hansen"));
    assert!(!String::from_utf8_lossy(&new.get_page_content(page_ids(&new)[0])).contains("Jens Hansen"));
}
