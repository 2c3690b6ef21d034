//! Schema changes on an annotated project: rename, delete, overlap policy, undo, schema JSON.
use biaozhu::core::editor::{EditorAction, EditorState};
use biaozhu::core::schema::default_schema;
use biaozhu::core::schema_edit::{export_schema, import_schema, plan_schema_change, SchemaError};
use biaozhu::core::*;
use biaozhu::ui::words::outcomes::english;
use std::collections::BTreeMap;

const TEXT: &str = "市长王新伟强调，各级各部门要牢牢抓住重点项目建设。王新伟指出，要优化服务。";

fn find(needle: &str, nth: usize) -> CharRange {
    let byte = TEXT.match_indices(needle).nth(nth).unwrap().0;
    let start = TEXT[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

fn editor() -> (EditorState, SpanId, SpanId) {
    let mut project = Project::new(default_schema());
    Command::AddDocument { at: 0, doc: Box::new(Document::new(DocId::from("d"), "d", TEXT)) }
        .apply(&mut project)
        .unwrap();
    let mut s = EditorState::new(project, None);
    let doc = DocId::from("d");
    s.session.add_span(&doc, find("王新伟", 0), "PER").unwrap();
    let per = s.session.add_span(&doc, find("王新伟", 1), "PER").unwrap();
    let directive = s.session.add_span(&doc, find("要优化服务", 0), "DIRECTIVE").unwrap();
    s.session.add_span(&doc, find("市长", 0), "TITLE").unwrap();
    let id = s.session.allocate_relation_id();
    s.session
        .apply(Command::AddRelation {
            doc: doc.clone(),
            relation: Relation::new(id, "issued_by", directive, per),
        })
        .unwrap();
    (s, per, directive)
}

fn labels(s: &EditorState) -> Vec<String> {
    s.document().unwrap().spans().iter().map(|x| x.label.to_string()).collect()
}

#[test]
fn renaming_a_label_updates_its_spans_and_relation_rules() {
    let (mut s, _, _) = editor();
    let mut schema = (*s.project().schema).clone();
    schema.layers[1].labels[0].name = "PERSON".into();
    for relation in &mut schema.relations {
        for end in relation.from.iter_mut().chain(relation.to.iter_mut()) {
            if end == "PER" {
                *end = "PERSON".into();
            }
        }
    }
    let renames = BTreeMap::from([("PER".to_string(), "PERSON".to_string())]);
    let (_, impact) = plan_schema_change(s.project(), &schema, &renames).unwrap();
    assert_eq!((impact.renamed_spans, impact.removes_anything()), (2, false));
    s.apply(EditorAction::ApplySchema { schema: Box::new(schema), renames });
    assert_eq!(labels(&s), ["TITLE", "PERSON", "PERSON", "DIRECTIVE"]);
    assert_eq!(s.document().unwrap().relations().len(), 1, "the relation follows the rename");
    s.apply(EditorAction::Undo);
    assert_eq!(labels(&s), ["TITLE", "PER", "PER", "DIRECTIVE"]);
    assert_eq!(*s.project().schema, default_schema());
}

#[test]
fn deleting_a_label_in_use_says_what_goes_and_undo_brings_it_back() {
    let (mut s, _, _) = editor();
    let before = s.project().clone();
    let mut schema = (*s.project().schema).clone();
    schema.layers[1].labels.retain(|l| l.name != "PER");
    for relation in &mut schema.relations {
        relation.to.retain(|l| l != "PER");
        relation.from.retain(|l| l != "PER");
    }
    schema.relations.retain(|r| !r.from.is_empty() && !r.to.is_empty());
    let (_, impact) = plan_schema_change(s.project(), &schema, &BTreeMap::new()).unwrap();
    assert_eq!(impact.describe(), "deletes 2 PER span(s), 1 relation(s)");
    s.apply(EditorAction::ApplySchema { schema: Box::new(schema), renames: BTreeMap::new() });
    assert_eq!(labels(&s), ["TITLE", "DIRECTIVE"]);
    assert!(s.document().unwrap().relations().is_empty());
    s.apply(EditorAction::Undo);
    assert_eq!(s.project(), &before);
}

#[test]
fn a_layer_that_stops_allowing_overlaps_must_have_none() {
    let (mut s, _, _) = editor();
    let mut schema = (*s.project().schema).clone();
    schema.layers[1].allow_overlap = true;
    s.apply(EditorAction::ApplySchema { schema: Box::new(schema.clone()), renames: BTreeMap::new() });
    // Overlapping entities are fine now: 市长王新伟 as ORG over 王新伟 and 市长.
    s.session.add_span(&DocId::from("d"), find("市长王新伟", 0), "ORG").unwrap();
    schema.layers[1].allow_overlap = false;
    let err = plan_schema_change(s.project(), &schema, &BTreeMap::new()).unwrap_err();
    // Typed, with the span that breaks and the overlap that is its cause.
    let SchemaError::BreaksSpan { cause, .. } = &err else { panic!("{err:?}") };
    assert!(matches!(**cause, EditError::Overlap(_)), "{cause:?}");
    assert!(err.to_string().contains("would overlap"), "{err}");
    let before = s.project().clone();
    s.apply(EditorAction::ApplySchema { schema: Box::new(schema), renames: BTreeMap::new() });
    assert_eq!(s.project(), &before);
    assert!(english(&s.notice.clone().unwrap()).starts_with("the schema was not changed"));
}

#[test]
fn unusable_schemas_are_refused() {
    let (s, _, _) = editor();
    let mut schema = (*s.project().schema).clone();
    schema.layers[1].labels[0].hotkey = 'r';
    schema.relations[0].to.push("NOPE".into());
    let err = plan_schema_change(s.project(), &schema, &BTreeMap::new()).unwrap_err().to_string();
    assert!(err.contains("cannot use the hotkey \"r\""), "{err}");
    assert!(err.contains("names label \"NOPE\""), "{err}");
}

#[test]
fn the_schema_alone_round_trips_as_json() {
    let schema = default_schema();
    let json = export_schema(&schema);
    assert!(json.contains("\"format\": \"biaozhu-schema\""));
    assert_eq!(import_schema(&json).unwrap(), schema);
    // A project file's schema reads too.
    let project = biaozhu::core::project_json::export_project(&Project::bundled());
    assert_eq!(import_schema(&project).unwrap(), schema);
    assert!(matches!(import_schema("{"), Err(SchemaError::NotJson(_))));
    assert!(import_schema("{").unwrap_err().to_string().starts_with("not valid JSON"));
    assert!(import_schema("{\"schema\": {\"layers\": 3}}")
        .unwrap_err()
        .to_string()
        .starts_with("the schema is malformed"));
}
