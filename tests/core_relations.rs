//! Relations between spans and span attributes: endpoint rules, cascades, undo, the project file.
use biaozhu::core::project_json::{export_project, import_project};
use biaozhu::core::*;
use biaozhu::ui::words::outcomes::english;
use serde_json::{json, Value};

const TEXT: &str = "市长王新伟强调，各级各部门要牢牢抓住重点项目建设。";

struct Fixture {
    s: Session,
    doc: DocId,
    per: SpanId,
    title: SpanId,
    org: SpanId,
    directive: SpanId,
}

fn find(needle: &str) -> CharRange {
    let byte = TEXT.find(needle).unwrap();
    let start = TEXT[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

fn fixture() -> Fixture {
    let mut s = Session::new(Project::new(schema::default_schema()));
    let doc = DocId::from("d");
    s.apply(Command::AddDocument { at: 0, doc: Box::new(Document::new(doc.clone(), "d", TEXT)) }).unwrap();
    let title = s.add_span(&doc, find("市长"), "TITLE").unwrap();
    let per = s.add_span(&doc, find("王新伟"), "PER").unwrap();
    let org = s.add_span(&doc, find("各级各部门"), "ORG").unwrap();
    let directive = s.add_span(&doc, find("各级各部门要牢牢抓住重点项目建设"), "DIRECTIVE").unwrap();
    Fixture { s, doc, per, title, org, directive }
}

fn relate(f: &mut Fixture, kind: &str, from: SpanId, to: SpanId) -> Result<RelationId, EditError> {
    let id = RelationId(100 + f.s.revision());
    f.s.apply(Command::AddRelation { doc: f.doc.clone(), relation: Relation::new(id, kind, from, to) })?;
    Ok(id)
}

fn relations(f: &Fixture) -> Vec<(String, SpanId, SpanId)> {
    let doc = f.s.project().document(&f.doc).unwrap();
    doc.relations().iter().map(|r| (r.kind.clone(), r.from, r.to)).collect()
}

#[test]
fn endpoint_rules_are_enforced_with_a_message() {
    let mut f = fixture();
    let (per, title, org, directive) = (f.per, f.title, f.org, f.directive);
    relate(&mut f, "issued_by", directive, per).unwrap();
    relate(&mut f, "addressed_to", directive, org).unwrap();
    relate(&mut f, "holds_title", per, title).unwrap();
    let err = relate(&mut f, "issued_by", per, directive).unwrap_err();
    assert_eq!(err.to_string(), "issued_by goes from DIRECTIVE to PER or ORG, not from PER to DIRECTIVE");
    assert!(matches!(relate(&mut f, "issued_by", directive, per), Err(EditError::DuplicateRelation { .. })));
    assert!(matches!(relate(&mut f, "issued_by", directive, directive), Err(EditError::SelfRelation { .. })));
    assert!(matches!(relate(&mut f, "cites", directive, per), Err(EditError::UnknownRelationType { .. })));
    assert_eq!(relations(&f).len(), 3);
}

#[test]
fn deleting_a_span_removes_its_relations_and_one_undo_restores_all() {
    let mut f = fixture();
    let (per, title, directive) = (f.per, f.title, f.directive);
    relate(&mut f, "issued_by", directive, per).unwrap();
    relate(&mut f, "holds_title", per, title).unwrap();
    let before = f.s.project().clone();
    f.s.apply(Command::RemoveSpan { doc: f.doc.clone(), span: per }).unwrap();
    assert!(relations(&f).is_empty());
    assert!(f.s.undo());
    assert_eq!(f.s.project(), &before);
    assert!(f.s.redo());
    assert!(relations(&f).is_empty());
}

#[test]
fn retype_and_relabel_keep_relations_valid() {
    let mut f = fixture();
    let (per, org, directive) = (f.per, f.org, f.directive);
    let r = relate(&mut f, "issued_by", directive, org).unwrap();
    f.s.apply(Command::RetypeRelation { doc: f.doc.clone(), relation: r, kind: "addressed_to".into() })
        .unwrap();
    assert_eq!(relations(&f)[0].0, "addressed_to");
    f.s.undo();
    assert_eq!(relations(&f)[0].0, "issued_by");
    // holds_title would need a PER source.
    let err =
        f.s.apply(Command::RetypeRelation { doc: f.doc.clone(), relation: r, kind: "holds_title".into() });
    assert!(matches!(err, Err(EditError::RelationNotAllowed { .. })));
    // An ORG target of issued_by may become PER but not DATE.
    f.s.apply(Command::Relabel { doc: f.doc.clone(), span: org, label: "PER".into() }).unwrap();
    let err =
        f.s.apply(Command::Relabel { doc: f.doc.clone(), span: org, label: "DATE".into() }).unwrap_err();
    assert!(err.to_string().contains("cannot become DATE: its issued_by relation"), "{err}");
    // The source of holds_title must stay PER.
    let title = f.title;
    let t = relate(&mut f, "holds_title", per, title).unwrap();
    assert!(f.s.apply(Command::Relabel { doc: f.doc.clone(), span: per, label: "ORG".into() }).is_err());
    f.s.apply(Command::RemoveRelation { doc: f.doc.clone(), relation: t }).unwrap();
    f.s.apply(Command::Relabel { doc: f.doc.clone(), span: per, label: "ORG".into() }).unwrap();
}

#[test]
fn attributes_follow_the_schema_and_undo() {
    let mut f = fixture();
    let set = |name: &str, value: Option<&str>, span: SpanId, doc: &DocId| Command::SetAttribute {
        doc: doc.clone(),
        span,
        name: name.into(),
        value: value.map(String::from),
    };
    let (doc, directive, per) = (f.doc.clone(), f.directive, f.per);
    f.s.apply(set("cue", Some("强调"), directive, &doc)).unwrap();
    f.s.apply(set("note", Some("市长讲话"), directive, &doc)).unwrap();
    let span =
        |f: &Fixture| f.s.project().document(&f.doc).unwrap().span(directive).unwrap().attributes.clone();
    assert_eq!(span(&f).get("cue").map(String::as_str), Some("强调"));
    let err = f.s.apply(set("cue", Some("命令"), directive, &doc)).unwrap_err();
    assert!(err.to_string().starts_with("\"命令\" is not a value of cue; choose one of 强调, 要求"), "{err}");
    assert!(matches!(
        f.s.apply(set("cue", Some("强调"), per, &doc)),
        Err(EditError::AttributeNotForLabel { .. })
    ));
    f.s.apply(set("cue", None, directive, &doc)).unwrap();
    assert!(!span(&f).contains_key("cue"));
    f.s.undo();
    assert_eq!(span(&f).get("cue").map(String::as_str), Some("强调"));
    // Removing the span and undoing keeps its attributes.
    f.s.apply(Command::RemoveSpan { doc: doc.clone(), span: directive }).unwrap();
    f.s.undo();
    assert_eq!(span(&f).get("note").map(String::as_str), Some("市长讲话"));
}

#[test]
fn the_project_file_carries_relations_and_attributes_and_checks_them() {
    let mut f = fixture();
    let (per, directive) = (f.per, f.directive);
    relate(&mut f, "issued_by", directive, per).unwrap();
    let doc = f.doc.clone();
    f.s.apply(Command::SetAttribute {
        doc, span: directive, name: "cue".into(), value: Some("强调".into())
    })
    .unwrap();
    let json = export_project(f.s.project());
    let file: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(file["documents"][0]["relations"][0]["type"], "issued_by");
    assert_eq!(file["documents"][0]["spans"][3]["attributes"]["cue"], "强调");
    assert_eq!(file["schema"]["relations"][0]["from"], json!(["DIRECTIVE"]));
    assert_eq!(import_project(&json).unwrap(), *f.s.project());

    let mut bad = file.clone();
    bad["documents"][0]["relations"][0]["to"] = json!(1);
    let message = import_project(&bad.to_string()).unwrap_err().to_string();
    assert!(
        message.contains("relation 105 (issued_by from span 4 to span 1): issued_by goes from DIRECTIVE to PER or ORG, not from DIRECTIVE to TITLE"),
        "{message}"
    );
    let mut bad = file;
    bad["documents"][0]["spans"][3]["attributes"]["cue"] = json!("命令");
    assert!(import_project(&bad.to_string())
        .unwrap_err()
        .to_string()
        .contains("\"命令\" is not a value of cue"));
}

/// The relation type picked for a pair of labels becomes their default: the next relation
/// between such spans is made without asking (issue 11: a directive record in fewer keys).
#[test]
fn the_type_picked_last_for_a_pair_of_labels_is_taken_without_asking() {
    use biaozhu::core::editor::{EditorAction, EditorState};
    let text = "王新伟强调，要加快建设𠀀。王新伟指出，要做好工作😀。";
    let at = |needle: &str, nth: usize| {
        let byte = text.match_indices(needle).nth(nth).unwrap().0;
        let start = text[..byte].chars().count();
        CharRange::new(start, start + needle.chars().count())
    };
    let mut s = Session::new(Project::new(schema::default_schema()));
    let doc = DocId::from("d");
    s.apply(Command::AddDocument { at: 0, doc: Box::new(Document::new(doc.clone(), "d", text)) }).unwrap();
    let per = s.add_span(&doc, at("王新伟", 0), "PER").unwrap();
    let first = s.add_span(&doc, at("要加快建设𠀀", 0), "DIRECTIVE").unwrap();
    let second = s.add_span(&doc, at("要做好工作😀", 0), "DIRECTIVE").unwrap();
    let mut state = EditorState::new(s.project().clone(), None);
    let link = |state: &mut EditorState, from: SpanId| {
        state.apply(EditorAction::SpanClicked(from));
        state.apply(EditorAction::StartLinking);
        state.apply(EditorAction::SpanClicked(per));
    };
    let kinds = |state: &EditorState| -> Vec<(String, SpanId)> {
        state.document().unwrap().relations().iter().map(|r| (r.kind.clone(), r.from)).collect()
    };
    link(&mut state, first);
    assert_eq!(state.pending_link, Some((first, per)), "two types fit: the picker asks");
    state.apply(EditorAction::ChooseRelationType("issued_by".into()));
    link(&mut state, second);
    assert_eq!(state.pending_link, None, "asked once for this pair of labels");
    assert_eq!(kinds(&state), vec![("issued_by".to_string(), first), ("issued_by".to_string(), second)]);
    assert!(english(state.notice.as_ref().unwrap()).contains("chosen last for DIRECTIVE → PER"));
    // One undo takes back only the relation made without asking.
    state.apply(EditorAction::Undo);
    assert_eq!(kinds(&state), vec![("issued_by".to_string(), first)]);
    // Whatever is picked is the default: another session picking addressed_to gets that.
    let mut other = EditorState::new(s.project().clone(), None);
    link(&mut other, first);
    other.apply(EditorAction::ChooseRelationType("addressed_to".into()));
    link(&mut other, second);
    assert_eq!(
        kinds(&other),
        vec![("addressed_to".to_string(), first), ("addressed_to".to_string(), second)]
    );
}
