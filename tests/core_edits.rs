//! Spans, overlap rules, and undo/redo of every command.
use biaozhu::core::project::BUNDLED_ARTICLE_ID;
use biaozhu::core::*;

const TEXT: &str = "2024年3月5日，国务院总理李强在北京强调：要加快推进𠀀河新区建设😀，确保高质量发展。";

fn session() -> (Session, DocId) {
    let mut project = Project::new(biaozhu::core::schema::default_schema());
    let id = DocId::from("news-1");
    Session::new(project.clone()).project(); // a fresh session on an empty project is fine
    let doc = Document::new(id.clone(), "news", TEXT);
    Command::AddDocument { at: 0, doc: Box::new(doc) }.apply(&mut project).unwrap();
    (Session::new(project), id)
}

fn labels(session: &Session, doc: &DocId) -> Vec<(usize, usize, String)> {
    let doc = session.project().document(doc).unwrap();
    doc.spans().iter().map(|s| (s.range.start, s.range.end, s.label.to_string())).collect()
}

#[test]
fn spans_after_astral_characters_slice_by_code_points() {
    let (mut s, doc) = session();
    s.add_span(&doc, CharRange::new(28, 32), "LOC").unwrap();
    s.add_span(&doc, CharRange::new(36, 43), "DIRECTIVE").unwrap();
    let d = s.project().document(&doc).unwrap();
    assert_eq!(d.slice(CharRange::new(28, 32)), "𠀀河新区");
    assert_eq!(d.slice(CharRange::new(36, 43)), "确保高质量发展");
    assert_eq!(d.char_len(), 44);
}

#[test]
fn entities_may_not_overlap_and_the_refusal_names_the_span_in_the_way() {
    let (mut s, doc) = session();
    let per = s.add_span(&doc, CharRange::new(15, 17), "PER").unwrap();
    let err = s.add_span(&doc, CharRange::new(13, 16), "TITLE").unwrap_err();
    match &err {
        EditError::Overlap(overlap) => {
            assert_eq!(overlap.other, per);
            assert_eq!(overlap.other_text, "李强");
            assert_eq!(overlap.other_range, CharRange::new(15, 17));
        }
        other => panic!("expected an overlap, got {other:?}"),
    }
    assert!(err.to_string().contains("«李强»"), "{err}");
    assert!(err.to_string().contains("15–17"), "{err}");
    assert_eq!(s.revision(), 1, "a refused edit changes nothing");
}

#[test]
fn a_directive_may_hold_entities_and_touching_spans_are_fine() {
    let (mut s, doc) = session();
    s.add_span(&doc, CharRange::new(23, 34), "DIRECTIVE").unwrap();
    s.add_span(&doc, CharRange::new(28, 32), "LOC").unwrap();
    s.add_span(&doc, CharRange::new(13, 15), "TITLE").unwrap();
    s.add_span(&doc, CharRange::new(15, 17), "PER").unwrap();
    assert_eq!(labels(&s, &doc).len(), 4);
    // Two directives may not overlap either.
    assert!(matches!(s.add_span(&doc, CharRange::new(30, 40), "DIRECTIVE"), Err(EditError::Overlap(_))));
}

#[test]
fn refusals_for_bad_input() {
    let (mut s, doc) = session();
    assert!(matches!(s.add_span(&doc, CharRange::new(3, 3), "PER"), Err(EditError::EmptyRange { .. })));
    let err = s.add_span(&doc, CharRange::new(40, 45), "PER").unwrap_err();
    assert_eq!(
        err.to_string(),
        "span 40–45 ends past the end of document \"news-1\", which has 44 characters"
    );
    assert!(matches!(s.add_span(&doc, CharRange::new(1, 2), "NOPE"), Err(EditError::UnknownLabel { .. })));
    assert!(matches!(
        s.add_span(&DocId::from("missing"), CharRange::new(1, 2), "PER"),
        Err(EditError::UnknownDocument(_))
    ));
    assert!(matches!(
        s.apply(Command::RemoveSpan { doc: doc.clone(), span: SpanId(99) }),
        Err(EditError::UnknownSpan { .. })
    ));
    assert_eq!(s.revision(), 0);
    assert!(!s.can_undo());
}

/// Applies `command`, then checks that undo restores the state before it and redo the state after.
fn assert_undo_redo(s: &mut Session, command: Command) {
    let before = s.project().clone();
    s.apply(command).unwrap();
    let after = s.project().clone();
    assert_ne!(before, after);
    assert!(s.undo());
    assert_eq!(s.project(), &before);
    assert!(s.redo());
    assert_eq!(s.project(), &after);
}

#[test]
fn undo_and_redo_of_every_command() {
    let (mut s, doc) = session();
    let per = s.add_span(&doc, CharRange::new(15, 17), "PER").unwrap();
    let span = Span::new(SpanId(50), CharRange::new(18, 20), "LOC");
    assert_undo_redo(&mut s, Command::AddSpan { doc: doc.clone(), span });
    assert_undo_redo(&mut s, Command::RemoveSpan { doc: doc.clone(), span: SpanId(50) });
    assert_undo_redo(&mut s, Command::Relabel { doc: doc.clone(), span: per, label: "ORG".into() });
    assert_undo_redo(&mut s, Command::SetStatus { doc: doc.clone(), status: DocStatus::Done });
    assert_undo_redo(
        &mut s,
        Command::SetDocField { doc: doc.clone(), field: DocField::Annotator, value: "张三".into() },
    );
    assert_undo_redo(
        &mut s,
        Command::SetDocField { doc: doc.clone(), field: DocField::Note, value: "第二遍".into() },
    );
    let other = Document::new(DocId::from("news-2"), "second", "徐立毅强调");
    assert_undo_redo(&mut s, Command::AddDocument { at: 0, doc: Box::new(other) });
    assert_undo_redo(&mut s, Command::RemoveDocument { doc: DocId::from("news-2") });
    assert_undo_redo(&mut s, Command::ReplaceProject { project: Box::new(Project::bundled()) });
    let batch = Command::Batch {
        steps: vec![
            Command::RemoveSpan { doc: doc.clone(), span: per },
            Command::AddSpan { doc: doc.clone(), span: Span::new(SpanId(60), CharRange::new(10, 13), "ORG") },
        ],
    };
    s.undo(); // back to the project with news-1
    assert_undo_redo(&mut s, batch);
}

#[test]
fn a_failing_batch_changes_nothing() {
    let (mut s, doc) = session();
    s.add_span(&doc, CharRange::new(15, 17), "PER").unwrap();
    let before = s.project().clone();
    let batch = Command::Batch {
        steps: vec![
            Command::AddSpan { doc: doc.clone(), span: Span::new(SpanId(70), CharRange::new(10, 13), "ORG") },
            Command::AddSpan { doc: doc.clone(), span: Span::new(SpanId(71), CharRange::new(16, 18), "LOC") },
        ],
    };
    assert!(s.apply(batch).is_err());
    assert_eq!(s.project(), &before);
}

#[test]
fn relabel_checks_the_new_layer_and_ignores_the_span_itself() {
    let (mut s, doc) = session();
    let dir = s.add_span(&doc, CharRange::new(23, 34), "DIRECTIVE").unwrap();
    s.add_span(&doc, CharRange::new(28, 32), "LOC").unwrap();
    // A directive turned into an entity would overlap the LOC inside it.
    let err = s.apply(Command::Relabel { doc: doc.clone(), span: dir, label: "ORG".into() }).unwrap_err();
    assert!(matches!(err, EditError::Overlap(_)));
    // Relabelling within a layer does not collide with the span's own old self.
    let loc = s.project().document(&doc).unwrap().spans()[1].id;
    s.apply(Command::Relabel { doc: doc.clone(), span: loc, label: "ORG".into() }).unwrap();
    assert_eq!(labels(&s, &doc)[1].2, "ORG");
}

#[test]
fn undo_at_the_root_is_a_no_op_and_new_edits_clear_redo() {
    let (mut s, doc) = session();
    assert!(!s.undo());
    assert!(!s.redo());
    s.add_span(&doc, CharRange::new(15, 17), "PER").unwrap();
    s.undo();
    assert!(s.can_redo());
    s.add_span(&doc, CharRange::new(18, 20), "LOC").unwrap();
    assert!(!s.can_redo());
    assert_eq!(s.revision(), 3);
}

#[test]
fn span_ids_are_never_reused() {
    let (mut s, doc) = session();
    let a = s.add_span(&doc, CharRange::new(15, 17), "PER").unwrap();
    s.undo();
    let b = s.add_span(&doc, CharRange::new(15, 17), "PER").unwrap();
    assert_ne!(a, b);
}

#[test]
fn bundled_project_holds_the_article() {
    let project = Project::bundled();
    let doc = project.document(&DocId::from(BUNDLED_ARTICLE_ID)).unwrap();
    assert!(doc.text().contains("徐立毅"));
    assert_eq!(project.fresh_doc_id(), DocId::from("doc-2"));
}
