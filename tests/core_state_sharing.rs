//! The editor state as the UI keeps it: each action works on a copy, earlier states never
//! change, copies share what they did not change, and an action that changes nothing is seen
//! as such (the UI then keeps the old state and renders nothing).
use biaozhu::core::editor::*;
use biaozhu::core::*;
use std::rc::Rc;

fn text_of(id: &str) -> String {
    format!("{id}：甲𠀀乙😀丙丁，徐立毅强调。")
}

/// Three documents, the first open, with one span on 甲𠀀 in it, nothing selected.
fn three_documents() -> EditorState {
    let mut state = EditorState::new(Project::new(schema::default_schema()), None);
    for id in ["a", "b", "c"] {
        state.apply(EditorAction::AddDocument { name: id.into(), text: text_of(id) });
    }
    let first = state.project().documents()[0].id.clone();
    state.apply(EditorAction::OpenDocument(first));
    state.apply(EditorAction::SelectionChanged(Some(CharRange::new(2, 4))));
    state.apply(EditorAction::KeyPressed('l'));
    assert_eq!(state.document().unwrap().spans().len(), 1, "{:?}", state.notice);
    state.apply(EditorAction::Escape);
    state
}

fn first(state: &EditorState) -> DocId {
    state.project().documents()[0].id.clone()
}

/// `action` applied to a copy of `state`, as the UI's reducer does.
fn after(state: &EditorState, action: EditorAction) -> EditorState {
    let mut next = state.clone();
    next.apply(action);
    next
}

#[test]
fn actions_that_change_nothing_are_seen_as_no_change() {
    let state = three_documents();
    let span = state.document().unwrap().spans()[0].id;
    let mut selected = after(&state, EditorAction::SpanClicked(span));
    selected.apply(EditorAction::DismissNotice);
    let saved = after(&state, EditorAction::Saved(state.session.revision()));
    let nothing: Vec<(&str, &EditorState, EditorAction)> = vec![
        ("the status it has", &state, EditorAction::SetStatus(first(&state), DocStatus::Todo)),
        ("the note it has", &state, EditorAction::SetDocField(first(&state), DocField::Note, " ".into())),
        ("the open document again", &state, EditorAction::OpenDocument(first(&state))),
        ("a document that is not there", &state, EditorAction::OpenDocument(DocId::from("zz"))),
        ("no message to dismiss", &selected, EditorAction::DismissNotice),
        ("saved at the revision already saved", &saved, EditorAction::Saved(state.session.revision())),
        ("the same list query", &state, EditorAction::SetDocQuery(state.doc_query.clone())),
        ("the selected span clicked again", &selected, EditorAction::SpanClicked(span)),
        ("the label it has", &selected, EditorAction::LabelChosen("LOC".into())),
        ("an empty selection with none pending", &state, EditorAction::SelectionChanged(None)),
        ("no import to cancel", &state, EditorAction::CancelImport),
        ("no documents read", &state, EditorAction::FillDocuments(Vec::new())),
    ];
    for (what, before, action) in nothing {
        assert!(after(before, action).same_as(before), "{what}: seen as a change");
    }
}

#[test]
fn actions_that_change_something_are_seen_as_changes() {
    let state = three_documents();
    let span = state.document().unwrap().spans()[0].id;
    let changes: Vec<(&str, EditorAction)> = vec![
        ("another status", EditorAction::SetStatus(first(&state), DocStatus::Done)),
        ("another document", EditorAction::OpenDocument(state.project().documents()[1].id.clone())),
        ("a span clicked", EditorAction::SpanClicked(span)),
        ("a selection", EditorAction::SelectionChanged(Some(CharRange::new(5, 7)))),
        ("a sticky label", EditorAction::LabelChosen("PER".into())),
        ("saved", EditorAction::Saved(state.session.revision() + 1)),
        ("undo", EditorAction::Undo),
        ("a message", EditorAction::Failed("disk full".into())),
        ("read-only", EditorAction::SetReadOnly(true)),
    ];
    for (what, action) in changes {
        assert!(!after(&state, action).same_as(&state), "{what}: seen as no change");
    }
}

#[test]
fn an_edit_copies_the_one_document_it_changes_and_leaves_the_state_before_alone() {
    let before = three_documents();
    let spans_before = before.document().unwrap().spans().to_vec();
    let mut next = after(&before, EditorAction::SelectionChanged(Some(CharRange::new(14, 17))));
    next.apply(EditorAction::KeyPressed('p'));
    assert_eq!(next.document().unwrap().spans().len(), 2, "{:?}", next.notice);

    // The state before is as it was: its document, its history, its revision.
    assert_eq!(before.document().unwrap().spans(), &spans_before[..]);
    assert_eq!(before.session.revision() + 1, next.session.revision());
    assert!(!std::ptr::eq(before.project(), next.project()));
    // The edited document is a copy sharing its text; the others are the same documents.
    let (old, new) = (before.project().documents(), next.project().documents());
    assert!(!Rc::ptr_eq(&old[0], &new[0]));
    assert_eq!(old[0].text().as_ptr(), new[0].text().as_ptr(), "the text was copied");
    assert!(Rc::ptr_eq(&old[1], &new[1]) && Rc::ptr_eq(&old[2], &new[2]));
    assert!(Rc::ptr_eq(&before.project().schema, &next.project().schema));
}

#[test]
fn undo_in_a_copy_leaves_the_history_of_the_state_before() {
    let mut state = three_documents();
    for (range, key) in [((5, 7), 'l'), ((14, 17), 'p')] {
        state.apply(EditorAction::SelectionChanged(Some(CharRange::new(range.0, range.1))));
        state.apply(EditorAction::KeyPressed(key));
    }
    assert_eq!(state.document().unwrap().spans().len(), 3);
    let undone = after(&after(&state, EditorAction::Undo), EditorAction::Undo);
    assert_eq!(undone.document().unwrap().spans().len(), 1);
    assert!(undone.session.can_redo());
    // The state before still undoes its own last step, and has nothing to redo.
    assert!(!state.session.can_redo());
    let mut again = state.clone();
    again.apply(EditorAction::Undo);
    assert_eq!(again.document().unwrap().spans().len(), 2);
    // And the copy redoes what it undid.
    let redone = after(&undone, EditorAction::Redo);
    assert_eq!(redone.document().unwrap().spans().len(), 2);
}

#[test]
fn a_dataset_under_review_is_shared_by_copies_until_a_choice_changes_it() {
    let mut state = three_documents();
    let file = "杭州 B-LOC\n人 O\n\n张 B-PER\n三 I-PER\n";
    state.apply(intake::action_for_file("corpus.conll", file.as_bytes()));
    let review = state.pending_import.clone().expect("a review");
    let copy = state.clone();
    assert!(Rc::ptr_eq(copy.pending_import.as_ref().unwrap(), &review));
    let mut cancelled = copy.clone();
    cancelled.apply(EditorAction::CancelImport);
    assert!(cancelled.pending_import.is_none() && state.pending_import.is_some());
    let mut accepted = copy;
    accepted.apply(EditorAction::AcceptImport);
    assert!(accepted.pending_import.is_none(), "{:?}", accepted.notice);
    assert_eq!(accepted.project().documents().len(), 5);
    assert_eq!(state.project().documents().len(), 3, "the state before changed");
}
