//! The caret and keyboard selection: motions in code points over paragraphs (𠀀 and 😀 are one
//! each), Shift extending from the anchor, Shift+click, and a label key labelling the result.
use biaozhu::core::caret::{moved, Caret, Motion};
use biaozhu::core::editor::{EditorAction, EditorState};
use biaozhu::core::*;

// Paragraphs: 0..6 "𠀀徐立毅😀说", 7..7 (empty line dropped), 8..12 "要抓紧干", 13..15 "好的".
const TEXT: &str = "𠀀徐立毅😀说\n\n要抓紧干\n好的";

fn doc() -> Document {
    Document::new(DocId::from("d"), "d", TEXT)
}

#[test]
fn motions_table() {
    let d = doc();
    assert_eq!(d.paragraphs(), [CharRange::new(0, 6), CharRange::new(8, 12), CharRange::new(13, 15)]);
    use Motion::*;
    let table = [
        (0, Left, 0),
        (0, Right, 1),
        (1, Right, 2),
        (5, Right, 6),
        // From a paragraph's end to the next one's start (the line breaks are not drawn).
        (6, Right, 8),
        (8, Left, 6),
        (15, Right, 15),
        (3, LineStart, 0),
        (3, LineEnd, 6),
        (10, LineStart, 8),
        (10, LineEnd, 12),
        (3, Down, 11),
        (5, Down, 12),
        (11, Up, 3),
        (14, Up, 9),
        (2, Up, 0),
        (14, Down, 15),
    ];
    for (at, motion, want) in table {
        assert_eq!(moved(&d, at, motion), want, "{motion:?} from {at}");
    }
}

#[test]
fn every_offset_stays_in_the_text_for_every_motion() {
    let d = doc();
    for at in 0..=d.char_len() + 2 {
        for motion in
            [Motion::Left, Motion::Right, Motion::LineStart, Motion::LineEnd, Motion::Up, Motion::Down]
        {
            assert!(moved(&d, at, motion) <= d.char_len());
        }
    }
}

fn editor() -> EditorState {
    let mut p = Project::new(schema::default_schema());
    Command::AddDocument { at: 0, doc: Box::new(doc()) }.apply(&mut p).unwrap();
    EditorState::new(p, Some(DocId::from("d")))
}

fn shift(state: &mut EditorState, motion: Motion, times: usize) {
    for _ in 0..times {
        state.apply(EditorAction::MoveCaret { motion, extend: true });
    }
}

#[test]
fn shift_arrows_select_and_a_label_key_labels() {
    let mut state = editor();
    state.apply(EditorAction::PlaceCaret(1));
    assert_eq!(state.caret, Some(Caret::at(1)));
    shift(&mut state, Motion::Right, 3);
    assert_eq!(state.pending, Some(CharRange::new(1, 4)));
    state.apply(EditorAction::KeyPressed('p'));
    let span = state.document().unwrap().spans()[0].clone();
    assert_eq!((span.range, &*span.label), (CharRange::new(1, 4), "PER"));
    assert_eq!(state.document().unwrap().slice(span.range), "徐立毅");
    // The caret goes on from the span's end; backwards from there selects to the left.
    assert_eq!(state.caret, Some(Caret::at(4)));
    state.apply(EditorAction::MoveCaret { motion: Motion::Right, extend: false });
    shift(&mut state, Motion::LineEnd, 1);
    assert_eq!(state.pending, Some(CharRange::new(5, 6)));
    shift(&mut state, Motion::LineStart, 1);
    assert_eq!(state.pending, Some(CharRange::new(0, 5)), "the anchor stays where it started");
    // A plain arrow collapses the selection.
    state.apply(EditorAction::MoveCaret { motion: Motion::Left, extend: false });
    assert_eq!(state.pending, None);
}

#[test]
fn shift_click_extends_from_the_caret_and_a_sticky_label_takes_it() {
    let mut state = editor();
    state.apply(EditorAction::PlaceCaret(8));
    state.apply(EditorAction::ExtendSelectionTo(12));
    assert_eq!(state.pending, Some(CharRange::new(8, 12)));
    assert!(state.caret_shown);
    // A dragged selection sets the anchor too, and shows the page's own selection rather than
    // the caret; Shift+arrows change its end and show the caret again.
    state.apply(EditorAction::SelectionChanged(Some(CharRange::new(8, 10))));
    assert!(!state.caret_shown);
    shift(&mut state, Motion::Right, 1);
    assert!(state.caret_shown);
    assert_eq!(state.pending, Some(CharRange::new(8, 11)));
    // With a sticky label, Shift+click labels at once; Shift+arrows wait for the key.
    state.apply(EditorAction::Escape);
    state.apply(EditorAction::KeyPressed('i'));
    assert_eq!(state.sticky_label.as_deref(), Some("DIRECTIVE"));
    state.apply(EditorAction::PlaceCaret(8));
    shift(&mut state, Motion::Right, 2);
    assert!(state.document().unwrap().spans().is_empty());
    state.apply(EditorAction::ExtendSelectionTo(12));
    let spans = state.document().unwrap().spans();
    assert_eq!(spans.len(), 1);
    assert_eq!((spans[0].range, &*spans[0].label), (CharRange::new(8, 12), "DIRECTIVE"));
}

#[test]
fn trailing_white_space_is_trimmed_like_a_drag() {
    let mut state = editor();
    state.apply(EditorAction::PlaceCaret(13));
    shift(&mut state, Motion::Left, 3);
    // 13 back over the break to 12, then 11, 10: the selection is 10..13, the break trimmed.
    assert_eq!(state.pending, Some(CharRange::new(10, 12)));
}
