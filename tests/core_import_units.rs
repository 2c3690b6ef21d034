//! Imported offsets in every unit a file may count in (code points, UTF-16 units, UTF-8 bytes,
//! grapheme clusters), repair to the nearest occurrence, and nothing left out without a line.
use biaozhu::core::import::readers::{parse, InFile, Passed, Place, Unit};
use biaozhu::core::import::{plan, ImportPlan, OffsetUnit, UnitDecision};
use biaozhu::core::*;
use std::collections::BTreeMap;

fn file(name: &str, contents: &str) -> Vec<InFile> {
    vec![InFile { name: name.to_string(), bytes: contents.as_bytes().to_vec() }]
}

fn import(files: &[InFile], unit: Option<OffsetUnit>) -> ImportPlan {
    let parsed = parse(files).unwrap();
    plan(&Project::new(schema::default_schema()), &parsed, &BTreeMap::new(), unit)
}

/// Each placed span as («text», label).
fn placed(plan: &ImportPlan) -> Vec<(String, String)> {
    plan.docs
        .iter()
        .flat_map(|d| d.spans().iter().map(move |s| (d.slice(s.range).to_string(), s.label.to_string())))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(t, l)| (t.to_string(), l.to_string())).collect()
}

/// Offsets of `needle` in `text` in `unit`.
fn offsets(text: &str, needle: &str, unit: OffsetUnit) -> (usize, usize) {
    let byte = text.find(needle).unwrap();
    let count = |s: &str| match unit {
        OffsetUnit::CodePoint => s.chars().count(),
        OffsetUnit::Utf16 => s.encode_utf16().count(),
        OffsetUnit::Utf8 => s.len(),
        OffsetUnit::Grapheme => {
            use unicode_segmentation::UnicodeSegmentation;
            s.graphemes(true).count()
        }
    };
    let start = count(&text[..byte]);
    (start, start + count(needle))
}

fn doccano_line(text: &str, spans: &[(&str, &str)], unit: OffsetUnit, declared: Option<&str>) -> String {
    let labels: Vec<serde_json::Value> = spans
        .iter()
        .map(|(needle, label)| {
            let (s, e) = offsets(text, needle, unit);
            serde_json::json!([s, e, label])
        })
        .collect();
    let mut row = serde_json::json!({ "text": text, "label": labels });
    if let Some(declared) = declared {
        row["offset_unit"] = declared.into();
    }
    format!("{row}\n")
}

const NEWS: &str =
    "2024年3月5日😀😀，国务院总理李强在北京强调：要加快推进𠀀河新区建设👩\u{200d}💻，确保高质量发展。";
const SPANS: [(&str, &str); 4] =
    [("李强", "PER"), ("北京", "LOC"), ("国务院", "ORG"), ("要加快推进𠀀河新区建设", "DIRECTIVE")];

#[test]
fn undeclared_offsets_are_read_in_the_unit_they_fit() {
    // UTF-8 bytes put these spans past the end or inside characters as code points: the bytes
    // reading is the only one that fits, and the review says so.
    let line = doccano_line(NEWS, &SPANS, OffsetUnit::Utf8, None);
    let plan = import(&file("bytes.jsonl", &line), None);
    assert_eq!(
        placed(&plan),
        pairs(&[
            ("国务院", "ORG"),
            ("李强", "PER"),
            ("北京", "LOC"),
            ("要加快推进𠀀河新区建设", "DIRECTIVE")
        ])
    );
    assert!(matches!(plan.units, UnitDecision::Fit { unit: OffsetUnit::Utf8, .. }), "{:?}", plan.units);
    assert!(plan.unit_notes.iter().any(|n| n.to_string().contains("UTF-8 bytes")), "{:?}", plan.unit_notes);
    assert!(plan.problems.is_empty(), "{:?}", plan.problems);
    assert!(!plan.needs_unit_choice());
}

#[test]
fn readings_that_fit_equally_are_asked_with_a_preview_of_each() {
    // Two emoji before 李强: UTF-16 offsets read as code points give «在北», which fits the text
    // just as well. The review asks rather than guessing.
    let line = doccano_line(NEWS, &SPANS[..2], OffsetUnit::Utf16, None);
    let plan = import(&file("utf16.jsonl", &line), None);
    let UnitDecision::Ask(readings) = &plan.units else { panic!("expected a question: {:?}", plan.units) };
    let units: Vec<OffsetUnit> = readings.iter().map(|r| r.unit).collect();
    assert!(units.contains(&OffsetUnit::CodePoint) && units.contains(&OffsetUnit::Utf16), "{units:?}");
    let utf16 = readings.iter().find(|r| r.unit == OffsetUnit::Utf16).unwrap();
    assert!(utf16.preview.iter().any(|p| p.contains("«李强»")), "{:?}", utf16.preview);
    let cp = readings.iter().find(|r| r.unit == OffsetUnit::CodePoint).unwrap();
    assert!(cp.preview.iter().any(|p| p.contains("«在北»")), "{:?}", cp.preview);
    assert!(plan.needs_unit_choice());
    let chosen = import(&file("utf16.jsonl", &line), Some(OffsetUnit::Utf16));
    assert!(!chosen.needs_unit_choice());
    assert_eq!(placed(&chosen), pairs(&[("李强", "PER"), ("北京", "LOC")]));
}

#[test]
fn grapheme_offsets_are_offered_and_read() {
    let text = "👩\u{200d}💻李强\r\n在北京开会";
    let line = doccano_line(text, &[("李强", "PER"), ("北京", "LOC")], OffsetUnit::Grapheme, None);
    // As code points the spans start or end on the line break: only graphemes fit.
    let plan = import(&file("g.jsonl", &line), None);
    assert!(matches!(plan.units, UnitDecision::Fit { unit: OffsetUnit::Grapheme, .. }), "{:?}", plan.units);
    assert_eq!(placed(&plan), pairs(&[("李强", "PER"), ("北京", "LOC")]));
    // Where code points fit too, graphemes are one of the readings offered.
    let text = "👩\u{200d}💻👩\u{200d}💻李强在北京开会";
    let line = doccano_line(text, &[("李强", "PER"), ("北京", "LOC")], OffsetUnit::Grapheme, None);
    let plan = import(&file("g.jsonl", &line), None);
    let UnitDecision::Ask(readings) = &plan.units else { panic!("{:?}", plan.units) };
    assert!(readings.iter().any(|r| r.unit == OffsetUnit::Grapheme));
    let chosen = import(&file("g.jsonl", &line), Some(OffsetUnit::Grapheme));
    assert_eq!(placed(&chosen), pairs(&[("李强", "PER"), ("北京", "LOC")]));
}

#[test]
fn a_declared_unit_is_taken_in_every_spelling() {
    for (unit, key) in [
        (OffsetUnit::Utf8, "utf8"),
        (OffsetUnit::Utf8, "bytes"),
        (OffsetUnit::Utf16, "utf-16"),
        (OffsetUnit::Grapheme, "grapheme"),
        (OffsetUnit::CodePoint, "codepoint"),
    ] {
        let line = doccano_line(NEWS, &SPANS[..2], unit, Some(key));
        let plan = import(&file("d.jsonl", &line), None);
        assert_eq!(placed(&plan), pairs(&[("李强", "PER"), ("北京", "LOC")]), "{key}");
        assert_eq!(plan.units, UnitDecision::Settled, "{key}");
    }
    let line = doccano_line(NEWS, &SPANS[..1], OffsetUnit::Utf8, Some("furlongs"));
    let error = parse(&file("d.jsonl", &line)).unwrap_err();
    assert!(error.to_string().contains("offset_unit \"furlongs\""), "{error}");
}

#[test]
fn spans_with_text_are_found_in_any_unit() {
    // A ZWJ sequence first, so that every unit counts the spans' offsets differently.
    let text = format!("👩\u{200d}💻{NEWS}");
    for unit in OffsetUnit::ALL {
        let spans: Vec<serde_json::Value> = SPANS
            .iter()
            .map(|(needle, label)| {
                let (s, e) = offsets(&text, needle, unit);
                serde_json::json!({ "start": s, "end": e, "label": label, "text": needle })
            })
            .collect();
        let line = format!("{}\n", serde_json::json!({ "text": text, "spans": spans }));
        let plan = import(&file("s.jsonl", &line), None);
        assert_eq!(plan.docs[0].spans().len(), 4, "{unit:?}: {:?}", plan.problems);
        assert!(plan.problems.is_empty());
        if unit != OffsetUnit::CodePoint {
            assert!(
                plan.unit_notes.iter().any(|n| n.to_string().contains(unit.title())),
                "{unit:?}: {:?}",
                plan.unit_notes
            );
        }
    }
}

#[test]
fn a_stray_span_goes_to_the_occurrence_nearest_its_converted_offsets() {
    // 市长 occurs three times; the file counts UTF-16 units (six emoji first) and one span's
    // offsets are off by one. Converted, they point at the second 市长; read as code points,
    // at the third.
    let text = "😀😀😀😀😀😀副市长王五说市长李四说市长好";
    let (ws, we) = offsets(text, "王五", OffsetUnit::Utf16);
    let (ls, le) = offsets(text, "李四", OffsetUnit::Utf16);
    let second = text.match_indices("市长").nth(1).unwrap().0;
    let (ts, _) = offsets(&text[second..], "市长", OffsetUnit::Utf16);
    let base = text[..second].encode_utf16().count() + ts;
    let spans = serde_json::json!([
        { "start": ws, "end": we, "label": "PER", "text": "王五" },
        { "start": ls, "end": le, "label": "PER", "text": "李四" },
        { "start": base + 1, "end": base + 3, "label": "TITLE", "text": "市长" },
    ]);
    let line = format!("{}\n", serde_json::json!({ "text": text, "spans": spans }));
    let plan = import(&file("n.jsonl", &line), None);
    let doc = &plan.docs[0];
    let title = doc.spans().iter().find(|s| &*s.label == "TITLE").unwrap();
    assert_eq!(title.range, CharRange::new(12, 14), "the second 市长, not the one in 副市长 nor the third");
    assert!(plan.unit_notes.iter().any(|n| n.to_string().contains("nearest")), "{:?}", plan.unit_notes);
}

#[test]
fn brat_keeps_a_crlf_inside_a_span() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/brat-crlf-span");
    let files: Vec<InFile> = ["doc.ann", "doc.txt"]
        .iter()
        .map(|n| InFile { name: n.to_string(), bytes: std::fs::read(dir.join(n)).unwrap() })
        .collect();
    let plan = import(&files, None);
    assert_eq!(placed(&plan), pairs(&[("市长李强\r\n到", "PER"), ("市长", "TITLE")]));
    assert_eq!(plan.moved, 0);
}

#[test]
fn every_span_not_placed_is_listed() {
    let cases: [(&str, &str, &str); 6] = [
        (
            "backwards.jsonl",
            r#"{"text":"😀abcd","label":[[4,2,"PER"]],"offset_unit":"utf16"}"#,
            "PER span at 4–2: the span is empty or ends before it starts",
        ),
        (
            "float.json",
            r#"[{"data":{"text":"李强在北京"},"annotations":[{"result":[{"id":"r1","type":"labels","value":{"start":1e30,"end":-4,"text":"李强","labels":["PER"]}}]}]}]"#,
            "region \"r1\" has no whole-number start and end",
        ),
        (
            "past-end.jsonl",
            r#"{"text":"李强在北京","label":[[3,9,"LOC"]],"offset_unit":"codepoint"}"#,
            "LOC span at 3–9 (code points) ends past the end of the text, which has 5 characters",
        ),
        (
            "half.jsonl",
            r#"{"text":"𠀀李强","label":[[1,4,"PER"]],"offset_unit":"utf16"}"#,
            "does not fall on whole characters",
        ),
        (
            "not-a-number.jsonl",
            r#"{"text":"李强在北京","label":[["0","2","PER"]]}"#,
            "label 1 is neither [start, end, label]",
        ),
        (
            "no-text.jsonl",
            r#"{"text":"李强在北京","spans":[{"start":0,"end":2,"label":"PER","text":"王五"}]}"#,
            "PER span at 0–2 says «王五», which is not in the text (the offsets give «李强»)",
        ),
    ];
    for (name, contents, expected) in cases {
        let plan = import(&file(name, contents), None);
        assert!(
            plan.problems.iter().any(|p| p.to_string().contains(expected)),
            "{name}: {:?}",
            plan.problems
        );
    }
}

#[test]
fn a_broken_span_is_named_before_its_relation() {
    let line = r#"{"text":"徐立毅强调：要抓好防控","spans":[{"start":0,"end":3,"label":"PER","text":"徐立毅"},{"start":"x","end":11,"label":"DIRECTIVE"}],"relations":[{"head":10,"child":2,"head_span":{"start":"x","end":11},"child_span":{"start":0,"end":3},"label":"issued_by"}]}"#;
    let plan = import(&file("p.jsonl", line), None);
    assert!(
        plan.problems[0].to_string().contains("span 2 needs whole-number start and end"),
        "{:?}",
        plan.problems
    );
    assert!(
        plan.problems[1].to_string().contains("relation 1 (\"issued_by\") is left out"),
        "{:?}",
        plan.problems
    );
    assert_eq!(placed(&plan), pairs(&[("徐立毅", "PER")]));
}

#[test]
fn w3c_sources_without_text_are_skipped_and_said() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz");
    let bytes = std::fs::read(dir.join("w3c-source-without-text.jsonld")).unwrap();
    let plan = import(&[InFile { name: "w.jsonld".into(), bytes }], None);
    assert_eq!(placed(&plan), pairs(&[("李强", "PER")]));
    assert!(
        plan.notes.iter().any(
            |n| n.place == Place::nth("w.jsonld", Unit::Source, 1) && n.what == Passed::SourceWithoutText
        ),
        "{:?}",
        plan.notes
    );
}

#[test]
fn messages_quote_a_short_excerpt_of_a_long_span() {
    let long: String = "要".repeat(3000);
    let text = format!("徐立毅强调：{long}。");
    let line = format!(
        "{}\n",
        serde_json::json!({ "text": text, "spans": [
            { "start": 6, "end": 3006, "label": "DIRECTIVE", "text": long },
            { "start": 10, "end": 12, "label": "DIRECTIVE", "text": "要要" },
        ]})
    );
    let plan = import(&file("long.jsonl", &line), None);
    assert_eq!(plan.problems.len(), 1, "{:?}", plan.problems);
    let message = plan.problems[0].to_string();
    assert!(message.chars().count() < 300, "{} characters: {message}", message.chars().count());
    assert!(message.contains(" … ") && !message.contains('\n'), "{message}");
}

#[test]
fn imported_documents_are_named_after_their_source() {
    let lines = "{\"text\": \"李强在北京\", \"name\": \"新闻一\", \"label\": []}\n\
                 {\"text\": \"王五在上海\", \"id\": 7, \"label\": []}\n\
                 {\"text\": \"赵六在广州\", \"label\": []}\n";
    let plan = import(&file("corpus/batch.jsonl", lines), None);
    let names: Vec<&str> = plan.docs.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["新闻一", "batch.jsonl #7", "batch.jsonl 3"]);
}
