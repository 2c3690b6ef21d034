//! A model's suggestions in the editor: they replace the model's earlier ones (as one undo
//! step), leave documents marked done and confirmed spans alone, and the review queue can walk
//! them by confidence across the project.
use biaozhu::core::editor::{EditorAction, EditorState, ReviewOrder};
use biaozhu::core::suggestion::{Suggestion, SuggestionSource};
use biaozhu::core::*;

const A: &str = "𠀀郑州航空港区😀航空港区管委会，3月5日郑州。";
const B: &str = "航空港区和郑州😀12月31日";

fn state() -> EditorState {
    let mut p = Project::new(schema::default_schema());
    for (at, (id, text)) in [("a", A), ("b", B), ("c", B)].into_iter().enumerate() {
        Command::AddDocument { at, doc: Box::new(Document::new(DocId::from(id), id, text)) }
            .apply(&mut p)
            .unwrap();
    }
    EditorState::new(p, Some(DocId::from("a")))
}

fn model(start: usize, end: usize, label: &str, score: f64) -> Suggestion {
    let mut s = Suggestion::new(CharRange::new(start, end), label, SuggestionSource::Model);
    s.score = Some(score);
    s
}

fn listed(state: &EditorState, doc: &str) -> Vec<(usize, usize, String, Option<f64>)> {
    let doc = state.project().document(&DocId::from(doc)).unwrap();
    doc.suggestions().as_slice().iter().map(|s| (s.start, s.end, s.label.to_string(), s.score)).collect()
}

#[test]
fn a_new_model_run_replaces_the_last_one_in_one_undo_step() {
    let mut state = state();
    let a = DocId::from("a");
    state.apply(EditorAction::ModelSuggested(vec![(
        a.clone(),
        vec![model(1, 3, "LOC", 0.9), model(3, 7, "LOC", 0.6)],
    )]));
    assert_eq!(listed(&state, "a"), [(1, 3, "LOC".into(), Some(0.9)), (3, 7, "LOC".into(), Some(0.6))]);
    let revision = state.session.revision();
    // The same again changes nothing (no undo step).
    state.apply(EditorAction::ModelSuggested(vec![(
        a.clone(),
        vec![model(1, 3, "LOC", 0.9), model(3, 7, "LOC", 0.6)],
    )]));
    assert_eq!(state.session.revision(), revision);
    // A retrained model: one kept with a new score, one gone, one new.
    state.apply(EditorAction::ModelSuggested(vec![(
        a.clone(),
        vec![model(1, 3, "LOC", 0.95), model(8, 15, "ORG", 0.7)],
    )]));
    assert_eq!(listed(&state, "a"), [(1, 3, "LOC".into(), Some(0.95)), (8, 15, "ORG".into(), Some(0.7))]);
    state.apply(EditorAction::Undo);
    assert_eq!(listed(&state, "a"), [(1, 3, "LOC".into(), Some(0.9)), (3, 7, "LOC".into(), Some(0.6))]);
}

#[test]
fn done_documents_confirmed_spans_other_sources_and_unknown_labels_are_left_alone() {
    let mut state = state();
    let (a, b) = (DocId::from("a"), DocId::from("b"));
    state.apply(EditorAction::SetStatus(b.clone(), DocStatus::Done));
    state.session.add_span(&a, CharRange::new(1, 3), "LOC").unwrap();
    let dictionary = Suggestion::new(CharRange::new(8, 12), "LOC", SuggestionSource::Dictionary);
    state.session.apply(Command::AddSuggestions { doc: a.clone(), suggestions: vec![dictionary] }).unwrap();
    state.apply(EditorAction::ModelSuggested(vec![
        (
            a.clone(),
            vec![
                model(1, 3, "LOC", 0.9),
                model(2, 4, "LOC", 0.8),
                model(8, 12, "LOC", 0.7),
                model(16, 20, "NOPE", 0.9),
                model(20, 99, "LOC", 0.9),
            ],
        ),
        (b, vec![model(0, 4, "LOC", 0.9)]),
        (DocId::from("gone"), vec![model(0, 1, "LOC", 0.9)]),
    ]));
    // Over the confirmed LOC (1..3): none; the dictionary's 8..12 stays the dictionary's.
    let a_now = state.project().document(&a).unwrap();
    let sources: Vec<_> = a_now.suggestions().as_slice().iter().map(|s| (s.start, s.source)).collect();
    assert_eq!(sources, [(8, SuggestionSource::Dictionary)]);
    assert!(listed(&state, "b").is_empty());
}

#[test]
fn the_queue_walks_the_project_by_confidence_either_way() {
    let mut state = state();
    state.apply(EditorAction::ModelSuggested(vec![
        (DocId::from("a"), vec![model(1, 3, "LOC", 0.99), model(3, 7, "LOC", 0.52)]),
        (DocId::from("b"), vec![model(0, 4, "LOC", 0.8)]),
        (DocId::from("c"), vec![model(5, 7, "LOC", 0.45), model(8, 14, "DATE", 0.7)]),
    ]));
    let walk = |state: &mut EditorState, order: ReviewOrder| {
        state.apply(EditorAction::SetReviewOrder(order));
        let mut seen = Vec::new();
        for _ in 0..6 {
            state.apply(EditorAction::StepSuggestion { forward: true });
            match state.current_suggestion() {
                Some(s) => seen.push((state.open_doc.clone().unwrap().0, s.score.unwrap())),
                None => break,
            }
        }
        seen
    };
    let surest = walk(&mut state, ReviewOrder::Confident);
    assert_eq!(surest.iter().map(|s| s.1).collect::<Vec<_>>(), [0.99, 0.8, 0.7, 0.52, 0.45]);
    let least = walk(&mut state, ReviewOrder::Uncertain);
    assert_eq!(least.iter().map(|s| s.1).collect::<Vec<_>>(), [0.52, 0.45, 0.7, 0.8, 0.99]);
    assert_eq!(least[1].0, "c");
    // Backwards from the start goes to the last; an acceptance moves on in the same order.
    state.apply(EditorAction::SetReviewOrder(ReviewOrder::Confident));
    state.apply(EditorAction::StepSuggestion { forward: false });
    assert_eq!(state.current_suggestion().and_then(|s| s.score), Some(0.45));
    state.apply(EditorAction::SetReviewOrder(ReviewOrder::Confident));
    state.apply(EditorAction::StepSuggestion { forward: true });
    state.apply(EditorAction::Confirm);
    assert_eq!(state.current_suggestion().and_then(|s| s.score), Some(0.8));
    assert_eq!(state.open_doc, Some(DocId::from("b")));
    assert_eq!(ReviewOrder::from_key("uncertain"), Some(ReviewOrder::Uncertain));
}
