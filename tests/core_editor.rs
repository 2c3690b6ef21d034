//! Editor action scripts, run natively: what selections, hotkeys, clicks and imports do.
use biaozhu::core::editor::*;
use biaozhu::core::import::LabelChoice;
use biaozhu::core::intake::action_for_file;
use biaozhu::core::project::BUNDLED_ARTICLE_ID;
use biaozhu::core::project_json::export_project;
use biaozhu::core::*;
use biaozhu::ui::words::outcomes::english;

fn editor() -> EditorState {
    EditorState::new(Project::bundled(), None)
}

fn find(state: &EditorState, needle: &str) -> CharRange {
    let text = state.document().unwrap().text();
    let byte = text.find(needle).unwrap();
    let start = text[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

fn spans(state: &EditorState) -> Vec<(String, String)> {
    let doc = state.document().unwrap();
    doc.spans().iter().map(|s| (s.label.to_string(), doc.slice(s.range).to_string())).collect()
}

#[test]
fn first_visit_opens_the_bundled_article_saved() {
    let state = editor();
    assert_eq!(state.open_doc, Some(DocId::from(BUNDLED_ARTICLE_ID)));
    assert_eq!(state.save_state(), SaveState::Saved);
}

#[test]
fn select_then_hotkey_labels_and_selects_the_new_span() {
    let mut s = editor();
    let range = find(&s, "徐立毅");
    // The selection comes with surrounding whitespace-free text; a hotkey labels it.
    s.apply(EditorAction::SelectionChanged(Some(range)));
    assert_eq!(s.pending, Some(range));
    s.apply(EditorAction::KeyPressed('p'));
    assert_eq!(spans(&s), vec![("PER".to_string(), "徐立毅".to_string())]);
    assert!(s.pending.is_none());
    assert!(s.selected_span.is_some());
    assert_eq!(s.save_state(), SaveState::Unsaved);
    // Another hotkey now relabels the new span.
    s.apply(EditorAction::KeyPressed('o'));
    assert_eq!(spans(&s)[0].0, "ORG");
    s.apply(EditorAction::Undo);
    assert_eq!(spans(&s)[0].0, "PER");
}

#[test]
fn whitespace_around_a_selection_is_dropped_and_blank_selections_ignored() {
    let mut s = editor();
    let range = find(&s, "共赴春光 疫战到底");
    s.apply(EditorAction::SelectionChanged(Some(CharRange::new(range.start, range.start + 5))));
    assert_eq!(s.pending, Some(CharRange::new(range.start, range.start + 4)));
    s.apply(EditorAction::SelectionChanged(Some(CharRange::new(range.start + 4, range.start + 5))));
    assert_eq!(s.pending, None);
}

#[test]
fn sticky_label_labels_every_selection_until_escape() {
    let mut s = editor();
    s.apply(EditorAction::LabelChosen("PER".into()));
    assert_eq!(s.sticky_label.as_deref(), Some("PER"));
    s.apply(EditorAction::SelectionChanged(Some(find(&s, "徐立毅"))));
    s.apply(EditorAction::SelectionChanged(Some(find(&s, "张昕"))));
    assert_eq!(spans(&s).len(), 2);
    s.apply(EditorAction::Escape);
    assert!(s.sticky_label.is_none());
    s.apply(EditorAction::SelectionChanged(Some(find(&s, "郑州"))));
    assert_eq!(spans(&s).len(), 2);
    // Choosing the armed label again disarms it.
    s.apply(EditorAction::SelectionChanged(None));
    s.apply(EditorAction::LabelChosen("LOC".into()));
    s.apply(EditorAction::LabelChosen("LOC".into()));
    assert!(s.sticky_label.is_none());
}

#[test]
fn an_overlap_is_refused_with_a_message_and_nothing_changes() {
    let mut s = editor();
    s.apply(EditorAction::SelectionChanged(Some(find(&s, "徐立毅"))));
    s.apply(EditorAction::KeyPressed('p'));
    let revision = s.session.revision();
    let title = find(&s, "市委书记徐立毅");
    s.apply(EditorAction::SelectionChanged(Some(title)));
    s.apply(EditorAction::KeyPressed('t'));
    assert_eq!(s.session.revision(), revision);
    let notice = s.notice.clone().unwrap();
    assert_eq!(notice.kind, NoticeKind::Error);
    assert!(english(&notice).contains("«徐立毅»"), "{}", english(&notice));
}

#[test]
fn click_delete_and_undo() {
    let mut s = editor();
    s.apply(EditorAction::SelectionChanged(Some(find(&s, "航空港区"))));
    s.apply(EditorAction::KeyPressed('l'));
    let id = s.document().unwrap().spans()[0].id;
    s.apply(EditorAction::Escape);
    assert!(s.selected_span.is_none());
    s.apply(EditorAction::SpanClicked(id));
    s.apply(EditorAction::DeleteSelected);
    assert!(spans(&s).is_empty());
    s.apply(EditorAction::Undo);
    assert_eq!(spans(&s).len(), 1);
    s.apply(EditorAction::Redo);
    assert!(spans(&s).is_empty());
    // Keys that are no label's hotkey do nothing.
    s.apply(EditorAction::KeyPressed('x'));
    assert!(s.sticky_label.is_none());
}

#[test]
fn documents_can_be_added_switched_removed_and_brought_back() {
    let mut s = editor();
    s.apply(EditorAction::AddDocument { name: "新闻".into(), text: "李强在北京".into() });
    let new_id = s.open_doc.clone().unwrap();
    assert_eq!(new_id, DocId::from("doc-2"));
    s.apply(EditorAction::OpenDocument(DocId::from(BUNDLED_ARTICLE_ID)));
    assert_eq!(s.document().unwrap().id.0, BUNDLED_ARTICLE_ID);
    s.apply(EditorAction::RemoveDocument(DocId::from(BUNDLED_ARTICLE_ID)));
    assert_eq!(s.open_doc, Some(new_id));
    s.apply(EditorAction::Undo);
    assert_eq!(s.project().documents().len(), 2);
    // The same text under the same name opens the existing document instead of a copy.
    let revision = s.session.revision();
    s.apply(EditorAction::AddDocument { name: "新闻".into(), text: "李强在北京".into() });
    assert_eq!(s.session.revision(), revision);
    assert_eq!(s.open_doc, Some(DocId::from("doc-2")));
}

#[test]
fn a_refused_import_leaves_the_work_alone_and_a_good_one_is_undoable() {
    let mut s = editor();
    s.apply(EditorAction::SelectionChanged(Some(find(&s, "徐立毅"))));
    s.apply(EditorAction::KeyPressed('p'));
    let before = s.project().clone();
    s.apply(action_for_file("broken.json", b"{\"format\": \"biaozhu-project\", "));
    assert_eq!(s.project(), &before);
    let notice = s.notice.clone().unwrap();
    assert!(
        english(&notice)
            .starts_with("broken.json was not imported, nothing changed: the file is not valid JSON"),
        "{}",
        english(&notice)
    );

    let other = Project::bundled();
    s.apply(action_for_file("other.json", export_project(&other).as_bytes()));
    assert_eq!(s.project(), &other);
    s.apply(EditorAction::Undo);
    assert_eq!(s.project(), &before);
}

#[test]
fn files_are_routed_by_name_and_content() {
    assert!(
        matches!(action_for_file("a.txt", "李强".as_bytes()), EditorAction::AddDocument { ref name, .. } if name == "a")
    );
    assert!(
        matches!(action_for_file("fixtures/a.txt?x=1", "李强".as_bytes()), EditorAction::AddDocument { ref name, .. } if name == "a")
    );
    let told = |action: EditorAction| match action {
        EditorAction::Say(notice) => english(&notice),
        other => panic!("{other:?}"),
    };
    assert!(told(action_for_file("a.txt", b"\xff\xfe")).contains("not UTF-8"));
    assert!(told(action_for_file("a.pdf", b"%PDF")).contains("a.pdf"));
    assert!(matches!(action_for_file("export", b" {\"format\": \"x\"}"), EditorAction::ImportProject { .. }));
    let jsonl = "{\"text\": \"李强\", \"label\": [[0, 2, \"PER\"]]}\n".as_bytes();
    assert!(matches!(action_for_file("data.jsonl", jsonl), EditorAction::DatasetRead { .. }));
    assert!(
        matches!(action_for_file("data.json", jsonl), EditorAction::DatasetRead { .. }),
        "JSONL named .json"
    );
    assert!(matches!(action_for_file("x.conll", b"\xe6\x9d\x8e\tB-PER\n"), EditorAction::DatasetRead { .. }));
}

#[test]
fn a_dataset_is_reviewed_mapped_and_imported_as_one_undo_step() {
    let mut s = editor();
    let before = s.project().clone();
    let jsonl = "{\"text\": \"李强在北京\", \"label\": [[0, 2, \"PERSON\"], [3, 5, \"CITY\"]]}\n";
    s.apply(action_for_file("d.jsonl", jsonl.as_bytes()));
    let pending = s.pending_import.clone().unwrap();
    assert_eq!(pending.mapping.get("PERSON"), Some(&biaozhu::core::import::LabelChoice::Map("PER".into())));
    assert!(!pending.mapping.contains_key("CITY"), "no suggestion for CITY");
    s.apply(EditorAction::MapLabel {
        label: "CITY".into(),
        choice: Some(biaozhu::core::import::LabelChoice::Map("LOC".into())),
    });
    s.apply(EditorAction::AcceptImport);
    assert!(s.pending_import.is_none());
    assert_eq!(s.project().documents().len(), 2);
    assert_eq!(
        spans(&s),
        vec![("PER".to_string(), "李强".to_string()), ("LOC".to_string(), "北京".to_string())]
    );
    assert!(english(&s.notice.clone().unwrap()).contains("1 document(s), 2 span(s)"));
    s.apply(EditorAction::Undo);
    assert_eq!(s.project(), &before);
}

#[test]
fn saved_and_failed_saves_show_in_the_save_state() {
    let mut s = editor();
    s.apply(EditorAction::AddDocument { name: "x".into(), text: "y".into() });
    assert_eq!(s.save_state(), SaveState::Unsaved);
    s.apply(EditorAction::SaveFailed("quota exceeded".into()));
    assert_eq!(s.save_state(), SaveState::Failed("quota exceeded".into()));
    s.apply(EditorAction::Saved(s.session.revision()));
    assert_eq!(s.save_state(), SaveState::Saved);
}

#[test]
fn a_relation_is_drawn_with_r_a_click_and_a_type_key() {
    let mut s = editor();
    let text = s.document().unwrap().text().to_string();
    let clause = "各级各部门要牢牢抓住重点项目建设这个";
    assert!(text.contains(clause));
    s.apply(EditorAction::SelectionChanged(Some(find(&s, "王新伟"))));
    s.apply(EditorAction::KeyPressed('p'));
    let person = s.selected_span.unwrap();
    s.apply(EditorAction::SelectionChanged(Some(find(&s, clause))));
    s.apply(EditorAction::KeyPressed('i'));
    let directive = s.selected_span.unwrap();
    // R, then click the person: only issued_by and addressed_to fit, so the type is asked for.
    s.apply(EditorAction::KeyPressed('r'));
    assert_eq!(s.linking, Some(directive));
    s.apply(EditorAction::SpanClicked(person));
    assert_eq!(s.pending_link, Some((directive, person)));
    assert_eq!(s.pending_link_types(), ["issued_by", "addressed_to"]);
    s.apply(EditorAction::KeyPressed('1'));
    let doc = s.document().unwrap();
    assert_eq!(doc.relations().len(), 1);
    assert_eq!(
        (doc.relations()[0].kind.as_str(), doc.relations()[0].from, doc.relations()[0].to),
        ("issued_by", directive, person)
    );
    // A type that does not fit is refused with the options.
    s.apply(EditorAction::SpanClicked(person));
    s.apply(EditorAction::KeyPressed('r'));
    s.apply(EditorAction::SpanClicked(directive));
    let notice = s.notice.clone().unwrap();
    assert!(
        english(&notice)
            .contains("no relation type goes from PER to DIRECTIVE; from PER: holds_title → TITLE"),
        "{}",
        english(&notice)
    );
    // Attributes; one undo per step.
    s.apply(EditorAction::SetAttribute { span: directive, name: "cue".into(), value: Some("强调".into()) });
    assert_eq!(s.document().unwrap().span(directive).unwrap().attributes["cue"], "强调");
    let relation = s.document().unwrap().relations()[0].id;
    s.apply(EditorAction::RetypeRelation(relation, "addressed_to".into()));
    assert_eq!(s.document().unwrap().relations()[0].kind, "addressed_to");
    s.apply(EditorAction::Undo);
    s.apply(EditorAction::Undo);
    assert!(s.document().unwrap().span(directive).unwrap().attributes.is_empty());
    s.apply(EditorAction::RemoveRelation(relation));
    assert!(s.document().unwrap().relations().is_empty());
    // Escape leaves linking mode.
    s.apply(EditorAction::SpanClicked(directive));
    s.apply(EditorAction::StartLinking);
    s.apply(EditorAction::Escape);
    assert!(s.linking.is_none());
}

#[test]
fn spans_and_relation_targets_can_be_chosen_by_keyboard() {
    let mut s = editor();
    s.apply(EditorAction::SelectionChanged(Some(find(&s, "徐立毅"))));
    s.apply(EditorAction::KeyPressed('p'));
    let person = s.selected_span.unwrap();
    s.apply(EditorAction::SelectionChanged(Some(find(&s, "各级各部门要确立以企业为中心的服务理念"))));
    s.apply(EditorAction::KeyPressed('i'));
    let directive = s.selected_span.unwrap();
    s.apply(EditorAction::Escape);
    // ] walks the spans in reading order and wraps around; [ goes back.
    s.apply(EditorAction::StepSpan { forward: true });
    assert_eq!(s.selected_span, Some(person));
    s.apply(EditorAction::StepSpan { forward: true });
    assert_eq!(s.selected_span, Some(directive));
    s.apply(EditorAction::StepSpan { forward: false });
    s.apply(EditorAction::StepSpan { forward: true });
    // R, ] to the candidate target, Enter, 1 for issued_by.
    s.apply(EditorAction::KeyPressed('r'));
    s.apply(EditorAction::StepSpan { forward: true });
    assert_eq!(s.link_candidate, Some(person));
    assert_eq!(s.selected_span, Some(directive), "the source stays selected");
    s.apply(EditorAction::Confirm);
    s.apply(EditorAction::KeyPressed('1'));
    let relation = &s.document().unwrap().relations()[0];
    assert_eq!((relation.kind.as_str(), relation.from, relation.to), ("issued_by", directive, person));
    assert!(s.link_candidate.is_none() && s.linking.is_none());
}

#[test]
fn a_sticky_labels_key_disarms_it_after_it_made_a_span() {
    let mut s = editor();
    s.apply(EditorAction::KeyPressed('p'));
    assert_eq!(s.sticky_label.as_deref(), Some("PER"));
    s.apply(EditorAction::SelectionChanged(Some(find(&s, "徐立毅"))));
    assert_eq!(spans(&s), vec![("PER".to_string(), "徐立毅".to_string())]);
    assert!(s.selected_span.is_some(), "the new span is selected");
    s.apply(EditorAction::KeyPressed('p'));
    assert!(s.sticky_label.is_none(), "the same key disarms the sticky label");
    assert_eq!(spans(&s).len(), 1);
    // Another label's key still relabels the selected span.
    s.apply(EditorAction::KeyPressed('o'));
    assert_eq!(spans(&s)[0].0, "ORG");
}

/// The MSRA NER shape: one character and a BMES tag per line, space-separated, CRLF, a blank
/// line between sentences, shipped as `.txt`.
const MSRA_LIKE: &str = "中 B-NT\r\n国 M-NT\r\n银 M-NT\r\n行 E-NT\r\n在 O\r\n北 B-NS\r\n京 E-NS\r\n\r\n李 B-NR\r\n强 E-NR\r\n说 O\r\n\r\n";

#[test]
fn a_tagged_corpus_shipped_as_txt_is_offered_as_a_corpus_or_kept_as_text() {
    let action = action_for_file("msra_test.txt", MSRA_LIKE.as_bytes());
    let EditorAction::DatasetRead { parsed, as_text: Some(as_text), .. } = &action else {
        panic!("{action:?}")
    };
    assert_eq!(parsed.docs.len(), 2);
    assert_eq!((as_text.name.as_str(), as_text.decode().unwrap().as_str()), ("msra_test", MSRA_LIKE));
    // Accepted, with the MSRA labels mapped: two sentences, their spans where their text is.
    let mut s = editor();
    s.apply(action.clone());
    for (label, to) in [("NT", "ORG"), ("NS", "LOC"), ("NR", "PER")] {
        s.apply(EditorAction::MapLabel { label: label.into(), choice: Some(LabelChoice::Map(to.into())) });
    }
    s.apply(EditorAction::AcceptImport);
    assert_eq!(s.project().documents().len(), 3);
    let texts: Vec<(String, String)> = s
        .project()
        .documents()
        .iter()
        .skip(1)
        .flat_map(|d| d.spans().iter().map(move |x| (x.label.to_string(), d.slice(x.range).to_string())))
        .collect();
    assert_eq!(
        texts,
        [("ORG", "中国银行"), ("LOC", "北京"), ("PER", "李强")].map(|(a, b)| (a.to_string(), b.to_string()))
    );
    // Or kept as the plain text it is.
    let mut s = editor();
    s.apply(action);
    s.apply(EditorAction::ImportAsText);
    assert!(s.pending_import.is_none());
    assert_eq!(s.document().unwrap().text(), MSRA_LIKE);
    // Prose stays prose, and a .bmes file is read by its content too.
    assert!(matches!(
        action_for_file("note.txt", "今天 O 型血\n很好".as_bytes()),
        EditorAction::AddDocument { .. }
    ));
    assert!(matches!(action_for_file("train.bmes", MSRA_LIKE.as_bytes()), EditorAction::DatasetRead { .. }));
}
