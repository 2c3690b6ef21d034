//! Imports: export → import → the same annotations for each format, on text with 𠀀, emoji,
//! CRLF and nested spans; offset repair; label mapping; refusals.
use biaozhu::core::export::units::Granularity;
use biaozhu::core::export::{run_export, ExportOptions, Format, LabelStudioKind, OutFile};
use biaozhu::core::import::readers::{parse, Found, InFile, Passed, Place};
use biaozhu::core::import::{plan, suggest_label, ImportPlan, LabelChoice};
use biaozhu::core::*;
use common::TEXT;

mod common;
use std::collections::BTreeMap;

const ENTITIES: [&str; 6] = ["PER", "ORG", "LOC", "DATE", "TITLE", "POLICY"];

fn project() -> Project {
    let mut s = Session::new(common::sample_project());
    let doc2 = Document::new(DocId::from("news-2"), "新闻 2", "三送一强活动😀启动");
    s.apply(Command::AddDocument { at: 1, doc: Box::new(doc2) }).unwrap();
    s.add_span(&DocId::from("news-2"), CharRange::new(0, 4), "POLICY").unwrap();
    s.project().clone()
}

fn empty() -> Project {
    Project::new(schema::default_schema())
}

fn infiles(files: &[OutFile]) -> Vec<InFile> {
    files.iter().map(|f| InFile { name: f.path.clone(), bytes: f.contents.clone() }).collect()
}

fn import(files: &[OutFile]) -> ImportPlan {
    let parsed = parse(&infiles(files)).unwrap();
    plan(&empty(), &parsed, &BTreeMap::new(), None)
}

/// A document's text and its spans as (start, end, label).
type Annotated = (String, Vec<(usize, usize, String)>);

fn annotations(docs: &[impl std::borrow::Borrow<Document>]) -> Vec<Annotated> {
    docs.iter()
        .map(|d| d.borrow())
        .map(|d| {
            (
                d.text().to_string(),
                d.spans().iter().map(|s| (s.range.start, s.range.end, s.label.to_string())).collect(),
            )
        })
        .collect()
}

fn labelled_texts(docs: &[impl std::borrow::Borrow<Document>]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = docs
        .iter()
        .map(|d| d.borrow())
        .flat_map(|d| {
            d.spans().iter().map(move |s| {
                (s.label.to_string(), d.slice(s.range).chars().filter(|c| !c.is_whitespace()).collect())
            })
        })
        .collect();
    out.sort();
    out
}

#[test]
fn span_formats_round_trip_exactly() {
    let original = project();
    // Every format that holds spans as they are (CoNLL and HF hold one tag column).
    for format in Format::ALL.into_iter().filter(|f| !f.is_tagged()) {
        let export = run_export(&original, &ExportOptions::new(format)).unwrap();
        let plan = import(&export.files);
        assert!(plan.problems.is_empty(), "{format:?}: {:?}", plan.problems);
        assert_eq!(annotations(&plan.docs), annotations(&original.documents().to_vec()), "{format:?}");
        let ids: Vec<&str> = plan.docs.iter().map(|d| d.id.0.as_str()).collect();
        assert_eq!(ids, ["news-1", "news-2"], "{format:?} keeps document ids");
    }
}

#[test]
fn label_studio_predictions_and_zipped_exports_round_trip() {
    let original = project();
    let mut options = ExportOptions::new(Format::LabelStudio);
    options.label_studio = LabelStudioKind::Predictions;
    let export = run_export(&original, &options).unwrap();
    assert_eq!(annotations(&import(&export.files).docs), annotations(&original.documents().to_vec()));
    let zipped = biaozhu::core::export::bundle::bundle(
        "brat",
        run_export(&original, &ExportOptions::new(Format::Brat)).unwrap().files,
    )
    .unwrap();
    let parsed = parse(&[InFile { name: zipped.name, bytes: zipped.bytes }]).unwrap();
    assert_eq!(parsed.format, "brat standoff");
    assert_eq!(
        annotations(&plan(&empty(), &parsed, &BTreeMap::new(), None).docs),
        annotations(&original.documents().to_vec())
    );
}

#[test]
fn tagged_formats_round_trip_their_layer() {
    let original = project();
    for format in [Format::Conll, Format::HuggingFace] {
        let mut options = ExportOptions::new(format);
        options.labels = Some(ENTITIES.map(String::from).to_vec());
        let export = run_export(&original, &options).unwrap();
        let files: Vec<OutFile> = if format == Format::HuggingFace {
            // Zipped with labels.json, as the app downloads it.
            let bundle = biaozhu::core::export::bundle::bundle("huggingface", export.files.clone()).unwrap();
            vec![OutFile { path: bundle.name, contents: bundle.bytes }]
        } else {
            export.files.clone()
        };
        let plan = import(&files);
        assert!(plan.problems.is_empty(), "{format:?}: {:?}", plan.problems);
        let expected: Vec<(String, String)> = labelled_texts(&original.documents().to_vec())
            .into_iter()
            .filter(|(l, _)| l != "DIRECTIVE")
            .collect();
        assert_eq!(labelled_texts(&plan.docs), expected, "{format:?}");
        // The text comes back without the whitespace the format cannot hold.
        let squeezed: String = TEXT.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(plan.docs[0].text(), squeezed, "{format:?}");
    }
}

#[test]
fn sentence_exports_come_back_as_one_document_per_sentence() {
    let mut options = ExportOptions::new(Format::Spacy);
    options.granularity = Granularity::Sentence;
    let export = run_export(&project(), &options).unwrap();
    let plan = import(&export.files);
    assert_eq!(plan.docs.len(), 4);
    assert_eq!(plan.docs[1].id.0, "news-1#s2");
    assert_eq!(plan.docs[1].name, "新闻 1 #s2");
    assert_eq!(labelled_texts(&plan.docs), labelled_texts(&project().documents().to_vec()));
}

fn line_file(name: &str, lines: &[serde_json::Value]) -> Vec<InFile> {
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    vec![InFile { name: name.into(), bytes: text.into_bytes() }]
}

#[test]
fn doccano_utf16_offsets_without_a_declaration_are_detected_and_moved() {
    // Offsets as doccano's interface counts them: 确保高质量发展 at 38–45, not 36–43.
    let row = serde_json::json!({"id": 5, "text": TEXT, "label": [[15, 17, "PER"], [30, 34, "LOC"], [38, 45, "DIRECTIVE"], [48, 51, "PER"]]});
    let plan = plan(&empty(), &parse(&line_file("d.jsonl", &[row])).unwrap(), &BTreeMap::new(), None);
    assert!(plan.problems.is_empty(), "{:?}", plan.problems);
    assert_eq!(plan.moved, 3, "spans after 𠀀 moved; 李强 before it did not");
    assert!(plan.unit_notes[0].to_string().contains("UTF-16"), "{:?}", plan.unit_notes);
    let doc = &plan.docs[0];
    let texts: Vec<&str> = doc.spans().iter().map(|s| doc.slice(s.range)).collect();
    assert_eq!(texts, ["李强", "河新区建", "确保高质量发展", "徐立毅"]);
}

#[test]
fn spans_with_text_are_repaired_from_it_and_the_rest_listed() {
    let row = serde_json::json!({"text": TEXT, "spans": [
        {"start": 38, "end": 45, "label": "DIRECTIVE", "text": "确保高质量发展"},
        {"start": 0, "end": 2, "label": "PER", "text": "李强"},
        {"start": 3, "end": 5, "label": "ORG", "text": "不存在"},
    ]});
    let plan = plan(&empty(), &parse(&line_file("p.jsonl", &[row])).unwrap(), &BTreeMap::new(), None);
    assert_eq!(plan.moved, 2);
    assert_eq!(plan.span_count(), 2);
    assert_eq!(plan.problems.len(), 1);
    assert!(
        plan.problems[0].to_string().contains("ORG span at 3–5 says «不存在», which is not in the text"),
        "{:?}",
        plan.problems
    );
}

#[test]
fn unknown_labels_wait_for_a_mapping() {
    let row = serde_json::json!({"text": "李强在北京", "spans": [{"start": 0, "end": 2, "label": "PERSON"}, {"start": 3, "end": 5, "label": "GPE"}]});
    let parsed = parse(&line_file("p.jsonl", &[row])).unwrap();
    let first = plan(&empty(), &parsed, &BTreeMap::new(), None);
    assert_eq!(first.unmapped, BTreeMap::from([("GPE".to_string(), 1), ("PERSON".to_string(), 1)]));
    assert_eq!(first.span_count(), 0);
    assert_eq!(suggest_label(&empty(), "person").as_deref(), Some("PER"));
    assert_eq!(suggest_label(&empty(), "GPE").as_deref(), Some("LOC"));
    assert_eq!(suggest_label(&empty(), "EVENT"), None);
    let mapping = BTreeMap::from([
        ("PERSON".to_string(), LabelChoice::Map("PER".into())),
        ("GPE".to_string(), LabelChoice::Drop),
    ]);
    let mapped = plan(&empty(), &parsed, &mapping, None);
    assert!(mapped.unmapped.is_empty());
    assert_eq!(&*mapped.docs[0].spans()[0].label, "PER");
    assert_eq!(mapped.span_count(), 1);
}

#[test]
fn overlaps_the_schema_forbids_are_listed() {
    let row = serde_json::json!({"text": "国务院总理李强", "label": [[0, 3, "ORG"], [2, 5, "TITLE"], [5, 7, "PER"]]});
    let plan = plan(&empty(), &parse(&line_file("d.jsonl", &[row])).unwrap(), &BTreeMap::new(), None);
    assert_eq!(plan.span_count(), 2);
    assert!(plan.problems[0].to_string().contains("TITLE span at 2–5 «院总理»"), "{:?}", plan.problems);
}

#[test]
fn imported_ids_do_not_collide_and_the_plan_is_one_undo_step() {
    let current = project();
    let export = run_export(&current, &ExportOptions::new(Format::Spacy)).unwrap();
    let plan = plan(&current, &parse(&infiles(&export.files)).unwrap(), &BTreeMap::new(), None);
    let ids: Vec<&str> = plan.docs.iter().map(|d| d.id.0.as_str()).collect();
    assert_eq!(ids, ["doc-3", "doc-4"]);
    let mut s = Session::new(current.clone());
    s.apply(plan.command(&current)).unwrap();
    assert_eq!(s.project().documents().len(), 4);
    s.undo();
    assert_eq!(s.project(), &current);
}

#[test]
fn readers_refuse_what_they_cannot_read_with_the_place() {
    let err = |name: &str, text: &str| {
        parse(&[InFile { name: name.into(), bytes: text.as_bytes().to_vec() }]).unwrap_err().to_string()
    };
    // Typed, keeping the cause: the JSON error's message, with its line and column.
    let broken = parse(&[InFile { name: "x.jsonl".into(), bytes: b"{\"text\": \"a\"}\n{oops\n".to_vec() }]);
    let Err(biaozhu::core::import::readers::ReadError::NotJson { place, cause }) = broken else {
        panic!("{broken:?}")
    };
    assert_eq!(place, Place::line("x.jsonl", 2));
    assert!(cause.to_string().ends_with("at line 1 column 2"), "{cause}");
    assert!(err("x.jsonl", "{\"text\": \"a\"}\n{oops\n").contains("x.jsonl line 2 is not valid JSON"));
    assert!(err("h.jsonl", "{\"tokens\": [\"a\"], \"ner_tags\": [1]}")
        .contains("import a zip that holds labels.json"));
    assert!(err("h.jsonl", "{\"tokens\": [\"a\", \"b\"], \"ner_tags\": [\"O\"]}")
        .contains("2 tokens but 1 ner_tags"));
    assert!(
        err("c.conll", "李\tB-PER\n强\tX-PER\n").contains("c.conll line 2: «X-PER» is not a BIO/BIOES tag")
    );
    assert!(err(
        "w.jsonld",
        "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"Annotation\"}"
    )
    .contains("do not carry the texts"));
    let pair = [InFile { name: "a.ann".into(), bytes: b"T1\tPER 0 2\tab\n".to_vec() }];
    assert!(parse(&pair).unwrap_err().to_string().contains("a.ann: there is no a.txt beside it"));
}

#[test]
fn prodigy_rejects_are_skipped_with_a_note_and_brat_fragments_join() {
    let rows = [
        serde_json::json!({"text": "李强", "spans": [{"start": 0, "end": 2, "label": "PER"}], "answer": "accept"}),
        serde_json::json!({"text": "王五", "spans": [], "answer": "reject"}),
    ];
    let parsed = parse(&line_file("p.jsonl", &rows)).unwrap();
    assert_eq!(parsed.docs.len(), 1);
    assert_eq!(parsed.notes[0].what, Passed::RejectedAnswers { count: 1 });

    let files = [
        InFile { name: "d.txt".into(), bytes: "发展。\r\n徐立毅".as_bytes().to_vec() },
        InFile {
            name: "d.ann".into(),
            bytes: "T1\tDIRECTIVE 2 3;5 8\t。 徐立毅\nR1\tissued_by Arg1:T1 Arg2:T1\nE1\tMeeting:T1\n"
                .as_bytes()
                .to_vec(),
        },
    ];
    let parsed = parse(&files).unwrap();
    let plan = plan(&empty(), &parsed, &BTreeMap::new(), None);
    assert_eq!(plan.docs[0].spans()[0].range, CharRange::new(2, 8));
    assert_eq!(
        plan.notes[0],
        Found { place: Place::file("d.ann"), what: Passed::OtherAnnLines { count: 1 } }
    );
    assert!(plan.problems[0].to_string().contains("cannot be related to itself"), "{:?}", plan.problems);
}

/// The sample with relations (李强 issues both directives; the first is addressed to 国务院) and
/// attributes on the first directive.
fn with_relations() -> Project {
    let mut s = Session::new(project());
    let doc = DocId::from("news-1");
    let id = |s: &Session, start: usize| {
        s.project().document(&doc).unwrap().spans().iter().find(|x| x.range.start == start).unwrap().id
    };
    let (li, org, d1, d2) = (id(&s, 15), id(&s, 10), id(&s, 23), id(&s, 36));
    for (n, (kind, from, to)) in
        [("issued_by", d1, li), ("issued_by", d2, li), ("addressed_to", d1, org)].into_iter().enumerate()
    {
        let relation = Relation::new(RelationId(n as u64 + 1), kind, from, to);
        s.apply(Command::AddRelation { doc: doc.clone(), relation }).unwrap();
    }
    for (name, value) in [("cue", "强调"), ("note", "总理讲话")] {
        s.apply(Command::SetAttribute {
            doc: doc.clone(),
            span: d1,
            name: name.into(),
            value: Some(value.into()),
        })
        .unwrap();
    }
    s.project().clone()
}

/// (type, source text, target text) of every relation, and (span text, name, value) of every attribute.
/// Three strings: (type, from, to) for a relation, (span text, name, value) for an attribute.
type Triple = (String, String, String);

fn links(docs: &[impl std::borrow::Borrow<Document>]) -> (Vec<Triple>, Vec<Triple>) {
    let mut relations = Vec::new();
    let mut attributes = Vec::new();
    for d in docs.iter().map(|d| d.borrow()) {
        let text = |id| d.span(id).map(|s| d.slice(s.range).to_string()).unwrap_or_default();
        relations.extend(d.relations().iter().map(|r| (r.kind.clone(), text(r.from), text(r.to))));
        for s in d.spans() {
            attributes.extend(
                s.attributes.iter().map(|(k, v)| (d.slice(s.range).to_string(), k.clone(), v.clone())),
            );
        }
    }
    relations.sort();
    attributes.sort();
    (relations, attributes)
}

#[test]
fn relations_and_attributes_come_back_from_every_format_that_holds_them() {
    let original = with_relations();
    let (relations, attributes) = links(&original.documents().to_vec());
    assert_eq!(relations.len(), 3);
    for format in Format::ALL.into_iter().filter(|f| f.holds_relations()) {
        let export = run_export(&original, &ExportOptions::new(format)).unwrap();
        let plan = import(&export.files);
        assert!(plan.problems.is_empty(), "{format:?}: {:?}", plan.problems);
        let (got_relations, got_attributes) = links(&plan.docs);
        assert_eq!(got_relations, relations, "{format:?}");
        if format.holds_attributes() {
            assert_eq!(got_attributes, attributes, "{format:?}");
        }
    }
}
