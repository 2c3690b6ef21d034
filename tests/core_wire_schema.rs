//! `docs/project.schema.json` is generated from the types the project file is written with, and
//! real exports are validated against it, so the documentation cannot drift from the code.
//! Runs with `cargo test --features json-schema` (as `.ci/test` does); `BLESS=1` rewrites the
//! file after an intended change.
#![cfg(feature = "json-schema")]

use biaozhu::core::project_json::{export_project, ProjectFile};
use biaozhu::core::*;
use serde_json::{json, Value};

mod common;

fn generated() -> Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(ProjectFile<'static>)).unwrap();
    schema["title"] = json!("biaozhu project file");
    schema["description"] = json!(
        "What Export JSON writes and Import reads. Offsets are Unicode code points, end exclusive: \
         for every span, Python's text[start:end] equals its text. Generated from the Rust types \
         by tests/core_wire_schema.rs."
    );
    schema
}

#[test]
fn the_published_schema_is_the_generated_one() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/project.schema.json");
    let fresh = serde_json::to_string_pretty(&generated()).unwrap() + "\n";
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let published = std::fs::read_to_string(&path).unwrap();
    assert!(published == fresh, "docs/project.schema.json is stale: run BLESS=1 cargo test --features json-schema --test core_wire_schema");
}

/// A project with everything the file can hold: statuses, annotator, note, attributes and
/// relations, on text with 𠀀 and emoji.
fn full_project() -> Project {
    let mut s = Session::new(common::sample_project());
    let doc = DocId::from("news-1");
    let directive =
        s.project().document(&doc).unwrap().spans().iter().find(|x| &*x.label == "DIRECTIVE").unwrap().id;
    let person = s.project().document(&doc).unwrap().spans().iter().find(|x| &*x.label == "PER").unwrap().id;
    s.apply(Command::SetStatus { doc: doc.clone(), status: DocStatus::Done }).unwrap();
    s.apply(Command::SetDocField { doc: doc.clone(), field: DocField::Annotator, value: "张三".into() })
        .unwrap();
    s.apply(Command::SetDocField { doc: doc.clone(), field: DocField::Note, value: "复核 😀".into() })
        .unwrap();
    s.apply(Command::SetAttribute {
        doc: doc.clone(),
        span: directive,
        name: "cue".into(),
        value: Some("强调".into()),
    })
    .unwrap();
    let id = s.allocate_relation_id();
    s.apply(Command::AddRelation {
        doc: doc.clone(),
        relation: Relation::new(id, "issued_by", directive, person),
    })
    .unwrap();
    s.project().clone()
}

#[test]
fn real_exports_validate_against_the_schema_and_broken_ones_do_not() {
    let validator = jsonschema::validator_for(&generated()).unwrap();
    for project in [full_project(), Project::bundled()] {
        let exported: Value = serde_json::from_str(&export_project(&project)).unwrap();
        let errors: Vec<String> =
            validator.iter_errors(&exported).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
    let good: Value = serde_json::from_str(&export_project(&full_project())).unwrap();
    for (what, path, value) in [
        ("a span without its end", "/documents/0/spans/0", None),
        ("a status outside the three", "/documents/0/status", Some(json!("finished"))),
        ("an offset that is not a number", "/documents/0/spans/0/start", Some(json!("15"))),
        ("a relation without its type", "/documents/0/relations/0/type", None),
    ] {
        let mut broken = good.clone();
        match value {
            Some(value) => *broken.pointer_mut(path).unwrap() = value,
            None if path.ends_with("/type") => {
                broken
                    .pointer_mut("/documents/0/relations/0")
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .remove("type");
            }
            None => {
                broken.pointer_mut(path).unwrap().as_object_mut().unwrap().remove("end");
            }
        }
        assert!(!validator.is_valid(&broken), "{what} passed the schema");
    }
}
