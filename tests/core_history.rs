//! The undo history survives a save and reload.
use biaozhu::core::history_json::{export_history, resume_session};
use biaozhu::core::project_json::{export_project, import_project};
use biaozhu::core::*;
use biaozhu::ui::words::outcomes::english;

fn edited_session() -> Session {
    let mut s = Session::new(Project::bundled());
    let doc = s.project().documents()[0].id.clone();
    s.add_span(&doc, CharRange::new(0, 4), "POLICY").unwrap();
    s.apply(Command::SetStatus { doc: doc.clone(), status: DocStatus::InProgress }).unwrap();
    let extra = Document::new(DocId::from("doc-2"), "附", "甲𠀀乙😀");
    s.apply(Command::AddDocument { at: 1, doc: Box::new(extra) }).unwrap();
    s.add_span(&DocId::from("doc-2"), CharRange::new(1, 3), "LOC").unwrap();
    s.apply(Command::RemoveDocument { doc: DocId::from("doc-2") }).unwrap();
    s.apply(Command::ReplaceProject { project: Box::new(Project::bundled()) }).unwrap();
    s.undo(); // leaves one step to redo
    s
}

/// What a reload does: the project and the history through JSON and back.
fn reload(s: &Session) -> Session {
    let project = import_project(&export_project(s.project())).unwrap();
    resume_session(project, Some(&export_history(s, 200))).0
}

#[test]
fn every_step_undoes_and_redoes_after_a_reload() {
    let mut original = edited_session();
    let mut resumed = reload(&original);
    assert_eq!(resumed.revision(), original.revision());
    assert!(resumed.redo() && original.redo());
    assert_eq!(resumed.project(), original.project());
    while original.undo() {
        assert!(resumed.undo());
        assert_eq!(resumed.project(), original.project());
    }
    assert!(!resumed.undo());
    assert_eq!(resumed.project(), &Project::bundled());
}

#[test]
fn only_the_newest_steps_are_kept() {
    let s = edited_session();
    let project = import_project(&export_project(s.project())).unwrap();
    let mut resumed = resume_session(project, Some(&export_history(&s, 2))).0;
    assert!(resumed.undo() && resumed.undo());
    assert!(!resumed.undo());
}

#[test]
fn a_history_that_does_not_fit_is_dropped_not_applied() {
    assert!(!resume_session(Project::bundled(), Some("not json")).0.can_undo());
    // A history made for another project: the step cannot apply, so undo clears it.
    let s = edited_session();
    // Its newest step adds back doc-2, which this project already has.
    let mut other = Project::new(schema::default_schema());
    let doc = Document::new(DocId::from("doc-2"), "别的", "别的文本");
    Command::AddDocument { at: 0, doc: Box::new(doc) }.apply(&mut other).unwrap();
    let mut wrong = resume_session(other, Some(&export_history(&s, 200))).0;
    let before = wrong.project().clone();
    assert!(!wrong.undo());
    assert_eq!(wrong.project(), &before);
    assert!(!wrong.can_undo() && !wrong.can_redo());
    // The loss is said, once, with its cause.
    let cause = wrong.take_history_loss().expect("the loss is reported");
    assert!(cause.to_string().contains("doc-2"), "{cause}");
    assert!(wrong.take_history_loss().is_none());
}

#[test]
fn an_unreadable_history_is_reported_not_dropped_silently() {
    use biaozhu::core::history_json::HistoryError;
    let (session, lost) = resume_session(Project::bundled(), Some("{\"version\": 1, \"undo\": 7}"));
    assert!(!session.can_undo());
    assert!(matches!(lost, Some(HistoryError::Unreadable(_))), "{lost:?}");
    let (_, lost) = resume_session(
        Project::bundled(),
        Some("{\"version\": 9, \"revision\": 0, \"undo\": [], \"redo\": []}"),
    );
    assert!(lost.unwrap().to_string().contains("version 9"));
    // In the editor, an undo that finds the history broken says so.
    use biaozhu::core::editor::{EditorAction, EditorState, NoticeKind};
    let s = edited_session();
    let mut other = Project::new(schema::default_schema());
    let doc = Document::new(DocId::from("doc-2"), "别的", "别的文本");
    Command::AddDocument { at: 0, doc: Box::new(doc) }.apply(&mut other).unwrap();
    let mut editor = EditorState::resume(resume_session(other, Some(&export_history(&s, 200))).0, None);
    editor.apply(EditorAction::Undo);
    let notice = editor.notice.expect("a notice");
    assert_eq!(notice.kind, NoticeKind::Error);
    assert!(english(&notice).contains("undo history did not fit"), "{}", english(&notice));
}

/// A history as the previous version stored it (its own mirror of the commands): it still reads.
#[test]
fn a_history_stored_by_the_previous_version_still_reads() {
    let stored = r#"{"version":1,"revision":3,"undo":[
        {"op":"add_document","at":1,"id":"doc-2","name":"附","status":"todo","annotator":"","note":"","text":"甲𠀀乙😀",
         "spans":[{"id":901,"start":1,"end":3,"label":"LOC"}],"relations":[]},
        {"op":"batch","steps":[{"op":"add_span","doc":"doc-2","span":{"id":902,"start":0,"end":1,"label":"PER"}}]},
        {"op":"add_relation","doc":"doc-2","relation":{"id":5,"kind":"addressed_to","from":902,"to":901}}
    ],"redo":[]}"#;
    let (session, lost) = resume_session(Project::bundled(), Some(stored));
    assert!(lost.is_none(), "{lost:?}");
    let (undo, _) = session.history(usize::MAX);
    assert_eq!(undo.len(), 3);
    let Command::AddDocument { doc, .. } = &undo[0] else { panic!("{:?}", undo[0]) };
    assert_eq!(doc.spans()[0].range, CharRange::new(1, 3));
    let Command::AddRelation { relation, .. } = &undo[2] else { panic!() };
    assert_eq!(relation.kind, "addressed_to");
}

#[test]
fn a_snapshot_and_its_journal_rebuild_the_session() {
    use biaozhu::core::journal::{entries, join, replay};
    let mut s = edited_session();
    let snapshot = (export_project(s.project()), export_history(&s, 200));
    s.take_log();
    // Edits after the snapshot: an add, an undo, a redo, a relabel, an undo.
    let doc = s.project().documents()[0].id.clone();
    let id = s.add_span(&doc, CharRange::new(10, 12), "DATE").unwrap();
    s.undo();
    s.redo();
    s.apply(Command::Relabel { doc: doc.clone(), span: id, label: "LOC".into() }).unwrap();
    s.undo();
    let journal = join(&entries(&s.take_log()).unwrap());
    let project = import_project(&snapshot.0).unwrap();
    let mut resumed = resume_session(project, Some(&snapshot.1)).0;
    assert_eq!(replay(&mut resumed, &journal).unwrap(), 5);
    assert_eq!(resumed.project(), s.project());
    assert_eq!(resumed.revision(), s.revision());
    while s.undo() {
        assert!(resumed.undo());
        assert_eq!(resumed.project(), s.project());
    }
    // A replaced project cannot be journaled: it asks for a new snapshot.
    s.apply(Command::ReplaceProject { project: Box::new(Project::bundled()) }).unwrap();
    assert!(entries(&s.take_log()).is_none());
    assert!(replay(&mut resumed, "[{\"do\": \"jump\"}]").is_err());
}
