//! Label all occurrences: where the selected span's text occurs again, in code points, what is
//! added, left alone or already there, in one document or all of them, as one undo step.
use biaozhu::core::editor::{EditorAction, EditorState, NoticeKind};
use biaozhu::core::label_all::{plan_label_all, LabelAllScope};
use biaozhu::core::text_search::occurrences;
use biaozhu::core::*;
use biaozhu::ui::words::outcomes::english;

#[test]
fn occurrences_are_counted_in_code_points_left_to_right_without_overlapping() {
    type Case<'a> = (&'a str, &'a str, &'a [(usize, usize)]);
    let cases: &[Case] = &[
        ("航空港区和航空港区", "航空港区", &[(0, 4), (5, 9)]),
        ("𠀀航空港区😀航空港区", "航空港区", &[(1, 5), (6, 10)]),
        ("😀😀😀", "😀", &[(0, 1), (1, 2), (2, 3)]),
        ("哈哈哈", "哈哈", &[(0, 2)]),
        ("𠀀a𠀀", "𠀀", &[(0, 1), (2, 3)]),
        ("没有", "航空", &[]),
        ("任何", "", &[]),
        ("Ab ab AB", "ab", &[(3, 5)]),
    ];
    for (text, needle, expected) in cases {
        let got: Vec<(usize, usize)> = occurrences(text, needle).iter().map(|r| (r.start, r.end)).collect();
        assert_eq!(got, *expected, "{needle} in {text}");
        for (start, end) in got {
            let slice: String = text.chars().skip(start).take(end - start).collect();
            assert_eq!(slice, *needle);
        }
    }
}

/// Two documents with 𠀀 and emoji; in the first, 航空港区 is labelled once as LOC, once already
/// as LOC elsewhere, and once inside an ORG (same layer, so that one is skipped).
fn corpus() -> (Session, SpanId) {
    let mut s = Session::new(Project::new(schema::default_schema()));
    let texts = [("a", "𠀀航空港区😀航空港区，郑州航空港区管委会，航空港区。"), ("b", "航空港区😀郑州")];
    for (at, (id, text)) in texts.into_iter().enumerate() {
        s.apply(Command::AddDocument { at, doc: Box::new(Document::new(DocId::from(id), id, text)) })
            .unwrap();
    }
    let a = DocId::from("a");
    let first = s.add_span(&a, CharRange::new(1, 5), "LOC").unwrap();
    s.add_span(&a, CharRange::new(6, 10), "LOC").unwrap();
    s.add_span(&a, CharRange::new(11, 20), "ORG").unwrap();
    (s, first)
}

fn labelled(s: &Session, doc: &str, label: &str) -> Vec<(usize, usize)> {
    let doc = s.project().document(&DocId::from(doc)).unwrap();
    doc.spans().iter().filter(|sp| &*sp.label == label).map(|sp| (sp.range.start, sp.range.end)).collect()
}

#[test]
fn the_plan_adds_skips_and_counts_what_is_already_labelled() {
    let (s, first) = corpus();
    let a = DocId::from("a");
    let cases = [
        (LabelAllScope::Document, vec![(a.clone(), CharRange::new(21, 25))], 1, 1),
        (
            LabelAllScope::Corpus,
            vec![(a.clone(), CharRange::new(21, 25)), (DocId::from("b"), CharRange::new(0, 4))],
            1,
            1,
        ),
    ];
    for (scope, add, already, skipped) in cases {
        let plan = plan_label_all(s.project(), &a, first, scope).unwrap();
        assert_eq!((plan.label.as_str(), plan.text.as_str()), ("LOC", "航空港区"));
        assert_eq!(plan.add, add, "{scope:?}");
        assert_eq!((plan.already, plan.skipped), (already, skipped), "{scope:?}");
    }
    let unknown = plan_label_all(s.project(), &a, SpanId(999), LabelAllScope::Document);
    assert!(matches!(unknown, Err(EditError::UnknownSpan { .. })));
}

#[test]
fn labelling_all_is_one_undo_step_and_names_what_it_did() {
    let (s, first) = corpus();
    let mut state = EditorState::new(s.project().clone(), None);
    state.apply(EditorAction::OpenDocument(DocId::from("a")));
    state.apply(EditorAction::LabelAll);
    assert_eq!(
        state.notice.as_ref().map(|n| n.kind.clone()),
        Some(NoticeKind::Error),
        "nothing selected yet"
    );
    state.apply(EditorAction::SpanClicked(first));
    state.apply(EditorAction::SetLabelAllScope(LabelAllScope::Corpus));
    state.apply(EditorAction::LabelAll);
    let notice = state.notice.clone().unwrap();
    assert_eq!(notice.kind, NoticeKind::Info);
    assert_eq!(english(&notice), "labelled 2 more «航空港区» as LOC in 2 document(s); 1 already were; 1 skipped: another span of the layer is there");
    assert_eq!(labelled(&state.session, "a", "LOC"), vec![(1, 5), (6, 10), (21, 25)]);
    assert_eq!(labelled(&state.session, "b", "LOC"), vec![(0, 4)]);
    state.apply(EditorAction::Undo);
    assert_eq!(labelled(&state.session, "a", "LOC"), vec![(1, 5), (6, 10)]);
    assert_eq!(labelled(&state.session, "b", "LOC"), vec![]);
    state.apply(EditorAction::Redo);
    assert_eq!(labelled(&state.session, "b", "LOC"), vec![(0, 4)]);
    // Nothing left to add: no empty undo step.
    let revision = state.session.revision();
    state.apply(EditorAction::LabelAll);
    assert_eq!(state.session.revision(), revision);
    assert!(english(&state.notice.unwrap()).starts_with("labelled 0 more"));
}

#[test]
fn a_read_only_tab_labels_nothing() {
    let (mut s, first) = corpus();
    s.set_read_only(true);
    let plan = plan_label_all(s.project(), &DocId::from("a"), first, LabelAllScope::Corpus).unwrap();
    assert_eq!(s.add_spans(&plan.add, &plan.label), Err(EditError::ReadOnly));
    assert_eq!(labelled(&s, "b", "LOC"), vec![]);
}
