//! Directive records in one key: the cue and issuer proposed from the reporting clause before
//! a directive (Enter takes both as one undo step), and `=` copying the previous directive's.
use biaozhu::core::directive_record::{propose_record, ISSUER_RELATION};
use biaozhu::core::editor::{EditorAction, EditorState};
use biaozhu::core::*;
use biaozhu::ui::words::outcomes::english;

/// 𠀀 and 😀 before everything, so code points and UTF-16 units differ.
const TEXT: &str = "𠀀😀3月10日，市委书记徐立毅到郑州合晶硅材料有限公司调研。他指出，要帮助企业复产。\
徐立毅强调，要抓好政策兑现。要优化营商环境。\n会议要求，各地要做好防控。\n王新伟叮嘱，要进一步转变\n\n作风。\n胡荃到高新区调研。希望代表发挥作用。\n市长王新伟到经开区，深入海陵空调郑州基地，要求建立专班。";

fn find(needle: &str, nth: usize) -> CharRange {
    let chars: Vec<char> = TEXT.chars().collect();
    let n: Vec<char> = needle.chars().collect();
    let start = (0..chars.len()).filter(|&i| chars[i..].starts_with(&n)).nth(nth).expect(needle);
    CharRange { start, end: start + n.len() }
}

fn editor() -> EditorState {
    let mut p = Project::new(schema::default_schema());
    Command::AddDocument { at: 0, doc: Box::new(Document::new(DocId::from("d"), "d", TEXT)) }
        .apply(&mut p)
        .unwrap();
    EditorState::new(p, Some(DocId::from("d")))
}

/// Selects `needle` (its `nth` occurrence) and labels it with `key`.
fn label(state: &mut EditorState, needle: &str, nth: usize, key: char) -> SpanId {
    state.apply(EditorAction::SelectionChanged(Some(find(needle, nth))));
    state.apply(EditorAction::KeyPressed(key));
    state.selected_span.expect("the new span is selected")
}

fn record(state: &EditorState, id: SpanId) -> (Option<String>, Vec<String>) {
    let doc = state.document().unwrap();
    let cue = doc.span(id).unwrap().attributes.get("cue").cloned();
    let issuers = doc
        .relations_of(id)
        .filter(|r| r.from == id && r.kind == ISSUER_RELATION)
        .map(|r| doc.slice(doc.span(r.to).unwrap().range).to_string())
        .collect();
    (cue, issuers)
}

#[test]
fn the_cue_and_speaker_of_the_clause_are_proposed_and_enter_takes_both_in_one_step() {
    let mut state = editor();
    label(&mut state, "徐立毅", 0, 'p');
    label(&mut state, "郑州合晶硅材料有限公司", 0, 'o');
    label(&mut state, "徐立毅", 1, 'p');
    // 徐立毅强调，要抓好政策兑现: the cue just before, the person just before the cue.
    let directive = label(&mut state, "要抓好政策兑现", 0, 'i');
    let proposal = state.record_proposal();
    assert_eq!(proposal.cue.as_ref().map(|c| (c.value.as_str(), c.at)), Some(("强调", find("强调", 0))));
    let issuer = state.document().unwrap().span(proposal.issuer.unwrap()).unwrap().range;
    assert_eq!(issuer, find("徐立毅", 1));
    let revision = state.session.revision();
    state.apply(EditorAction::Confirm);
    assert_eq!(record(&state, directive), (Some("强调".into()), vec!["徐立毅".into()]));
    assert!(state.record_proposal().is_empty(), "nothing left to propose");
    // One undo step takes both back.
    assert_eq!(state.session.revision(), revision + 1);
    state.apply(EditorAction::Undo);
    assert_eq!(record(&state, directive), (None, vec![]));
}

#[test]
fn proposals_follow_the_reporting_clause() {
    let mut state = editor();
    let person = label(&mut state, "徐立毅", 0, 'p');
    label(&mut state, "郑州合晶硅材料有限公司", 0, 'o');
    label(&mut state, "徐立毅", 1, 'p');
    // 他指出: the pronoun points to the last person, not to the company visited after him.
    let d1 = label(&mut state, "要帮助企业复产", 0, 'i');
    let p = propose_record(state.document().unwrap(), &state.project().schema, d1);
    assert_eq!(p.cue.map(|c| c.value), Some("指出".into()));
    assert_eq!(state.document().unwrap().span(p.issuer.unwrap()).unwrap().range, find("徐立毅", 0));
    // A sentence that goes on without a cue of its own: the cue and speaker of the one before,
    // in the same paragraph.
    let d2 = label(&mut state, "要优化营商环境", 0, 'i');
    let p = propose_record(state.document().unwrap(), &state.project().schema, d2);
    assert_eq!(p.cue.map(|c| c.value), Some("强调".into()));
    assert_eq!(state.document().unwrap().span(p.issuer.unwrap()).unwrap().range, find("徐立毅", 1));
    // A new paragraph: its own cue; nobody is named and there is no pronoun, so no issuer.
    let d3 = label(&mut state, "各地要做好防控", 0, 'i');
    let p = propose_record(state.document().unwrap(), &state.project().schema, d3);
    assert_eq!(p.cue.map(|c| c.value), Some("要求".into()));
    assert_eq!(p.issuer, None);
    // A line break in the middle of a sentence does not end the paragraph.
    let speaker = label(&mut state, "王新伟", 0, 'p');
    let d4 = label(&mut state, "作风", 0, 'i');
    let p = propose_record(state.document().unwrap(), &state.project().schema, d4);
    assert_eq!(p.cue.map(|c| c.value), Some("叮嘱".into()));
    assert_eq!(p.issuer, Some(speaker));
    // The subject of the sentence before, in the same paragraph (no one named before 希望).
    let hu = label(&mut state, "胡荃", 0, 'p');
    let d5 = label(&mut state, "代表发挥作用", 0, 'i');
    let p = propose_record(state.document().unwrap(), &state.project().schema, d5);
    assert_eq!((p.cue.map(|c| c.value), p.issuer), (Some("希望".into()), Some(hu)));
    // The person of the clause, not the company nearer the cue.
    let mayor = label(&mut state, "王新伟", 1, 'p');
    label(&mut state, "海陵空调郑州基地", 0, 'o');
    let d6 = label(&mut state, "建立专班", 0, 'i');
    let p = propose_record(state.document().unwrap(), &state.project().schema, d6);
    assert_eq!((p.cue.map(|c| c.value), p.issuer), (Some("要求".into()), Some(mayor)));
    // Not a directive: nothing is proposed, and Enter changes nothing.
    state.apply(EditorAction::SpanClicked(person));
    assert_eq!(state.selected_span, Some(person));
    assert!(state.record_proposal().is_empty());
    let revision = state.session.revision();
    state.apply(EditorAction::Confirm);
    assert_eq!(state.session.revision(), revision);
}

#[test]
fn a_part_the_directive_has_is_not_proposed_again() {
    let mut state = editor();
    label(&mut state, "徐立毅", 1, 'p');
    let directive = label(&mut state, "要抓好政策兑现", 0, 'i');
    let doc = state.open_doc.clone().unwrap();
    state.apply(EditorAction::SetAttribute {
        span: directive,
        name: "cue".into(),
        value: Some("要求".into()),
    });
    state.selected_span = Some(directive);
    let proposal = state.record_proposal();
    assert!(proposal.cue.is_none(), "the cue the user set stays");
    assert!(proposal.issuer.is_some());
    state.apply(EditorAction::Confirm);
    assert_eq!(record(&state, directive), (Some("要求".into()), vec!["徐立毅".into()]));
    assert_eq!(state.open_doc, Some(doc));
}

#[test]
fn equals_copies_the_previous_directives_cue_and_issuer() {
    let mut state = editor();
    label(&mut state, "徐立毅", 1, 'p');
    let first = label(&mut state, "要抓好政策兑现", 0, 'i');
    state.apply(EditorAction::Confirm);
    assert_eq!(record(&state, first).1, vec!["徐立毅".to_string()]);
    let second = label(&mut state, "各地要做好防控", 0, 'i');
    let revision = state.session.revision();
    state.apply(EditorAction::KeyPressed('='));
    assert_eq!(record(&state, second), (Some("强调".into()), vec!["徐立毅".into()]));
    assert_eq!(state.session.revision(), revision + 1, "one undo step");
    // Again: nothing to add, nothing changes.
    state.apply(EditorAction::KeyPressed('='));
    assert_eq!(state.session.revision(), revision + 1);
    // The first directive has none before it.
    state.selected_span = Some(first);
    state.apply(EditorAction::KeyPressed('='));
    assert!(english(state.notice.as_ref().unwrap()).contains("no directive before"));
}

#[test]
fn shift_and_the_label_key_take_the_record_with_the_span() {
    let mut state = editor();
    label(&mut state, "徐立毅", 1, 'p');
    // Shift+I on a selection: the directive and its record (two undo steps).
    let first = label(&mut state, "要抓好政策兑现", 0, 'I');
    assert_eq!(record(&state, first), (Some("强调".into()), vec!["徐立毅".into()]));
    // Shift+I with nothing selected arms DIRECTIVE so: every selection is a directive with
    // its record, one gesture each.
    state.apply(EditorAction::Escape);
    state.apply(EditorAction::KeyPressed('I'));
    assert!(state.sticky_record);
    state.apply(EditorAction::SelectionChanged(Some(find("要优化营商环境", 0))));
    let second = state.selected_span.unwrap();
    assert_eq!(record(&state, second), (Some("强调".into()), vec!["徐立毅".into()]));
    // Armed with the plain key, it makes the span alone.
    state.apply(EditorAction::KeyPressed('i'));
    state.apply(EditorAction::Escape);
    state.apply(EditorAction::KeyPressed('i'));
    assert_eq!(state.sticky_label.as_deref(), Some("DIRECTIVE"));
    assert!(!state.sticky_record);
    state.apply(EditorAction::SelectionChanged(Some(find("各地要做好防控", 0))));
    let third = state.selected_span.unwrap();
    assert_eq!(record(&state, third), (None, vec![]));
}
