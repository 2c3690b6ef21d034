//! Project JSON: export → import identity, and every refusal.
use biaozhu::core::project_json::*;
use biaozhu::core::*;
use serde_json::{json, Value};

const TEXT: &str = "2024年3月5日，国务院总理李强在北京强调：要加快推进𠀀河新区建设😀，确保高质量发展。\r\n第二行👩\u{200d}💻。";

fn sample() -> Project {
    let mut s = Session::new(Project::bundled());
    let doc = Document::new(DocId::from("news-1"), "新闻 1", TEXT);
    s.apply(Command::AddDocument { at: 1, doc: Box::new(doc) }).unwrap();
    let id = DocId::from("news-1");
    s.add_span(&id, CharRange::new(0, 9), "DATE").unwrap();
    s.add_span(&id, CharRange::new(15, 17), "PER").unwrap();
    s.add_span(&id, CharRange::new(23, 34), "DIRECTIVE").unwrap();
    s.add_span(&id, CharRange::new(28, 32), "LOC").unwrap();
    s.add_span(&id, CharRange::new(46, 49), "ORG").unwrap();
    s.project().clone()
}

fn exported() -> Value {
    serde_json::from_str(&export_project(&sample())).unwrap()
}

fn refusal(value: &Value) -> String {
    import_project(&value.to_string()).unwrap_err().to_string()
}

#[test]
fn export_then_import_is_the_identity() {
    let project = sample();
    let json = export_project(&project);
    let back = import_project(&json).unwrap();
    assert_eq!(back, project);
    assert_eq!(export_project(&back), json);
}

#[test]
fn exported_span_text_equals_the_code_point_slice() {
    let file = exported();
    assert_eq!(file["format"], "biaozhu-project");
    assert_eq!(file["version"], 1);
    assert_eq!(file["offset_unit"], "codepoint");
    let doc = &file["documents"][1];
    let chars: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    for span in doc["spans"].as_array().unwrap() {
        let (start, end) = (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(span["text"].as_str().unwrap(), slice);
    }
    assert_eq!(doc["spans"][2]["text"], "要加快推进𠀀河新区建设");
    assert_eq!(doc["spans"][2]["layer"], "directive");
    assert_eq!(doc["spans"][4]["text"], "第二行", "CRLF counts as two code points");
}

#[test]
fn a_file_that_is_not_json_names_line_and_column() {
    let err = import_project("{\n  \"format\": \"biaozhu-project\",\n  oops\n}").unwrap_err();
    assert!(matches!(err, ImportError::NotJson { line: 3, .. }), "{err:?}");
    assert!(err.to_string().starts_with("the file is not valid JSON (line 3"), "{err}");
}

#[test]
fn other_json_and_unknown_versions_are_refused() {
    assert!(refusal(&json!([1, 2])).contains("not a biaozhu project"));
    assert!(refusal(&json!({"format": "doccano"})).contains("\"format\" is \"doccano\""));
    let mut file = exported();
    file["version"] = json!(7);
    assert_eq!(refusal(&file), "the project file has version 7; this app reads version 1");
    let mut file = exported();
    file["offset_unit"] = json!("utf16");
    assert!(refusal(&file).contains("\"utf16\""));
}

#[test]
fn span_text_mismatch_names_document_span_and_offsets() {
    let mut file = exported();
    file["documents"][1]["spans"][1]["text"] = json!("李四");
    let message = refusal(&file);
    assert!(message.contains("document \"news-1\": span 2 at 15–17"), "{message}");
    assert!(message.contains("«李四»") && message.contains("«李强»"), "{message}");
}

#[test]
fn utf16_offsets_are_recognised_in_the_message() {
    let mut file = exported();
    // 确保高质量发展 is 36–43 in code points but 38–45 in UTF-16 units.
    file["documents"][1]["spans"] =
        json!([{"id": 9, "start": 38, "end": 45, "label": "DIRECTIVE", "text": "确保高质量发展"}]);
    let message = refusal(&file);
    assert!(message.contains("look like UTF-16"), "{message}");
}

#[test]
fn unknown_label_out_of_range_overlap_and_layer_mismatch_are_refused() {
    let cases: Vec<(Value, &str)> = vec![
        (json!({"id": 9, "start": 1, "end": 2, "label": "GPE"}), "label \"GPE\" is not in the schema"),
        (
            json!({"id": 9, "start": 50, "end": 60, "label": "PER"}),
            "span 9 at 50–60: ends past the end of the text, which has 53 characters",
        ),
        (json!({"id": 9, "start": 5, "end": 5, "label": "PER"}), "start must be before end"),
        (
            json!({"id": 9, "start": 16, "end": 18, "label": "LOC"}),
            "would overlap PER span #2 at 15–17 «李强»",
        ),
        (
            json!({"id": 9, "start": 18, "end": 20, "label": "LOC", "layer": "directive"}),
            "layer \"directive\" does not match label \"LOC\"",
        ),
        (json!({"id": 2, "start": 18, "end": 20, "label": "LOC"}), "the id is used twice"),
    ];
    for (span, expected) in cases {
        let mut file = exported();
        file["documents"][1]["spans"].as_array_mut().unwrap().push(span);
        let message = refusal(&file);
        assert!(message.contains(expected), "expected «{expected}» in «{message}»");
        assert!(message.contains("document \"news-1\""), "{message}");
    }
}

#[test]
fn malformed_documents_and_schemas_are_refused() {
    let mut file = exported();
    file["documents"][0].as_object_mut().unwrap().remove("text");
    assert!(refusal(&file).contains("document 1 in the file is malformed: missing field `text`"));
    let mut file = exported();
    file["documents"][1]["id"] = file["documents"][0]["id"].clone();
    assert!(refusal(&file).contains("two documents with id"));
    let mut file = exported();
    file["schema"]["layers"][1]["labels"][1]["name"] = json!("PER");
    assert!(refusal(&file).contains("label \"PER\" is defined twice"));
}

#[test]
fn spans_may_omit_text_and_layer_and_a_bom_is_ignored() {
    let mut file = exported();
    file["documents"][1]["spans"] = json!([{"id": 4, "start": 15, "end": 17, "label": "PER"}]);
    let project = import_project(&format!("\u{feff}{file}")).unwrap();
    let doc = project.document(&DocId::from("news-1")).unwrap();
    assert_eq!(doc.slice(doc.spans()[0].range), "李强");
}

#[test]
fn document_status_is_kept_defaults_to_todo_and_is_checked() {
    let mut s = Session::new(sample());
    s.apply(Command::SetStatus { doc: DocId::from("news-1"), status: DocStatus::Done }).unwrap();
    s.apply(Command::SetDocField {
        doc: DocId::from("news-1"),
        field: DocField::Annotator,
        value: "李四".into(),
    })
    .unwrap();
    let json = export_project(s.project());
    let file: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(file["documents"][1]["status"], "done");
    assert_eq!(file["documents"][0]["status"], "todo");
    assert_eq!(file["documents"][1]["annotator"], "李四");
    assert!(file["documents"][0].get("annotator").is_none(), "empty fields are left out");
    assert_eq!(import_project(&json).unwrap(), *s.project());
    let mut without = file.clone();
    without["documents"][1].as_object_mut().unwrap().remove("status");
    let project = import_project(&without.to_string()).unwrap();
    assert_eq!(project.document(&DocId::from("news-1")).unwrap().status, DocStatus::Todo);
    let mut bad = file;
    bad["documents"][1]["status"] = json!("finished");
    assert!(
        refusal(&bad).contains("document 2 in the file is malformed: unknown variant `finished`"),
        "{}",
        refusal(&bad)
    );
}

#[test]
fn colours_and_names_that_would_become_css_or_break_a_format_are_refused_at_every_door() {
    use biaozhu::core::schema_edit::{import_schema, plan_schema_change};
    for (field, value, expected) in [
        ("color", "red;background:url(http://127.0.0.1:8299/leak-color)", "is not #rgb or #rrggbb"),
        ("color", "#12345g", "is not #rgb or #rrggbb"),
        ("color", "", "is not #rgb or #rrggbb"),
        ("name", "PER SON", "may not hold spaces"),
        ("name", "PER|ORG", "may not hold «|»"),
        ("name", "A\nB", "may not hold spaces"),
    ] {
        let mut file = exported();
        file["schema"]["layers"][1]["labels"][0][field] = json!(value);
        let message = refusal(&file);
        assert!(message.contains(expected), "project import, {field} = {value:?}: {message}");
        let error = import_schema(&json!({ "schema": file["schema"] }).to_string()).unwrap_err();
        assert!(error.to_string().contains(expected), "schema import, {field} = {value:?}: {error}");
        // The schema editor's Apply goes through the same check.
        let project = sample();
        let schema: Schema = serde_json::from_value(file["schema"].clone()).unwrap();
        let plan = plan_schema_change(&project, &schema, &Default::default());
        assert!(plan.is_err(), "schema editor, {field} = {value:?}");
    }
    for good in ["#abc", "#A1B2C3"] {
        assert!(biaozhu::core::schema::is_hex_color(good));
    }
}

#[test]
fn relation_ids_need_only_be_unique_in_their_document() {
    let mut file = exported();
    let id_of = |doc: &Value, label: &str| {
        doc["spans"].as_array().unwrap().iter().find(|s| s["label"] == label).unwrap()["id"].as_u64().unwrap()
    };
    // news-1 (document 2) and a copy of it with other span ids, each with relation id 1.
    let mut copy = file["documents"][1].clone();
    copy["id"] = json!("news-copy");
    for span in copy["spans"].as_array_mut().unwrap() {
        span["id"] = json!(span["id"].as_u64().unwrap() + 1000);
    }
    for doc in [&mut file["documents"][1], &mut copy] {
        let relation =
            json!({ "id": 1, "type": "issued_by", "from": id_of(doc, "DIRECTIVE"), "to": id_of(doc, "PER") });
        doc["relations"] = json!([relation]);
    }
    file["documents"].as_array_mut().unwrap().push(copy);
    let project = import_project(&file.to_string()).expect("relation 1 in two documents is fine");
    assert_eq!(project.documents()[2].relations().len(), 1);
    // Twice in one document is still refused, naming the document.
    let mut twice = file.clone();
    let relation = twice["documents"][2]["relations"][0].clone();
    twice["documents"][2]["relations"] = json!([relation.clone(), relation]);
    assert!(refusal(&twice).contains("document \"news-copy\": relation 1"), "{}", refusal(&twice));
}

/// The place in `json` of the first occurrence of `needle`, as (line, column) counted the way
/// serde_json counts them: lines from 1, the column in bytes after the line's start.
fn place_of(json: &str, needle: &str) -> (usize, usize) {
    let at = json.find(needle).expect("the needle is in the file");
    let before = &json[..at];
    (before.matches('\n').count() + 1, at - before.rfind('\n').map_or(0, |n| n + 1))
}

#[test]
fn a_fault_inside_a_document_or_the_schema_is_placed_in_the_whole_file() {
    // Pretty-printed, as the app writes it: each document and the schema starts lines down.
    let pretty = |file: &Value| serde_json::to_string_pretty(file).unwrap();
    type Damage = fn(&mut Value);
    let cases: [(&str, Damage, &str); 3] = [
        ("a document's span list is a number", |f| f["documents"][1]["spans"] = json!(12345), "12345"),
        ("a span's start is a string", |f| f["documents"][1]["spans"][0]["start"] = json!("15x"), "\"15x\""),
        ("a schema layer's name is a number", |f| f["schema"]["layers"][0]["name"] = json!(67890), "67890"),
    ];
    for (case, damage, needle) in cases {
        let mut file = exported();
        damage(&mut file);
        let json = pretty(&file);
        let (line, column) = place_of(&json, needle);
        let message = import_project(&json).unwrap_err().to_string();
        // serde_json names the place just after the value it could not take.
        let named =
            (column..=column + needle.len()).any(|c| message.contains(&format!("at line {line} column {c}")));
        assert!(named, "{case}: {message} (the value is at line {line}, column {column})");
    }
    // On one line, a document's fault is counted from the start of the file's only line.
    let mut file = exported();
    file["documents"][1]["spans"] = json!(12345);
    let json = file.to_string();
    let (_, column) = place_of(&json, "12345");
    let message = import_project(&json).unwrap_err().to_string();
    assert!(message.contains(&format!("at line 1 column {}", column + 5)), "{message} (column {column})");
}
