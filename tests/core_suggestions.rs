//! The suggestion layer: pre-annotation from dictionaries, confirmed strings and patterns
//! (longest match wins, nothing over a confirmed span of the layer, code points), the review
//! queue's decisions (each one undo step), and suggestions through the project file, storage
//! and Label Studio predictions.
use biaozhu::core::editor::{EditorAction, EditorState};
use biaozhu::core::export::{run_export, ExportOptions, Format};
use biaozhu::core::pre_annotate::{plan_pre_annotation, read_patterns, Dictionary, ListProblem};
use biaozhu::core::project_json::{export_project, import_project};
use biaozhu::core::suggestion::{Suggestion, SuggestionSource};
use biaozhu::core::text_search::occurrences;
use biaozhu::core::*;
use biaozhu::ui::words::outcomes::english;

const A: &str = "𠀀郑州航空港区😀航空港区管委会，3月5日郑州。";
const B: &str = "航空港区和郑州😀12月31日";

fn project() -> Project {
    let mut p = Project::new(schema::default_schema());
    for (at, (id, text)) in [("a", A), ("b", B)].into_iter().enumerate() {
        Command::AddDocument { at, doc: Box::new(Document::new(DocId::from(id), id, text)) }
            .apply(&mut p)
            .unwrap();
    }
    p
}

/// Literal "patterns" for native tests: the app runs real ones through the browser's RegExp.
fn literal(
    rules: &[biaozhu::core::pre_annotate::PatternRule],
) -> impl FnMut(usize, &str) -> Vec<CharRange> + '_ {
    move |n, text| occurrences(text, &rules[n].pattern)
}

fn found(
    plan: &biaozhu::core::pre_annotate::PrePlan,
    doc: &str,
) -> Vec<(usize, usize, String, &'static str)> {
    plan.add
        .iter()
        .filter(|(id, _)| id.0 == doc)
        .flat_map(|(_, s)| s.iter().map(|s| (s.start, s.end, s.label.to_string(), s.source.key())))
        .collect()
}

#[test]
fn a_dictionary_matches_longest_first_in_code_points() {
    let p = project();
    let dictionary = Dictionary::read(
        "\u{feff}航空港\tLOC\r\n航空港区\tLOC\n# a comment\n\n郑州\tLOC\n管委会\tORG\n",
        &p.schema,
    )
    .unwrap();
    assert_eq!(dictionary.len(), 4);
    let docs: Vec<&Document> = p.documents().iter().map(|d| &**d).collect();
    let plan = plan_pre_annotation(&p, &docs, Some(&dictionary), &[], |_, _| Vec::new()).unwrap();
    // 𠀀 and 😀 are one code point each.
    assert_eq!(
        found(&plan, "a"),
        [
            (1, 3, "LOC".into(), "dictionary"),
            (3, 7, "LOC".into(), "dictionary"),
            (8, 12, "LOC".into(), "dictionary"),
            (12, 15, "ORG".into(), "dictionary"),
            (20, 22, "LOC".into(), "dictionary"),
        ]
    );
    assert_eq!(found(&plan, "b"), [(0, 4, "LOC".into(), "dictionary"), (5, 7, "LOC".into(), "dictionary")]);
    for (doc, suggestions) in &plan.add {
        let text = p.document(doc).unwrap();
        for s in suggestions {
            assert!(["航空港区", "郑州", "管委会"].contains(&text.slice(s.range())));
        }
    }
}

#[test]
fn patterns_and_dictionary_compete_longest_wins_within_a_layer_only() {
    let p = project();
    let dictionary = Dictionary::read("郑州\tLOC\n月5\tDATE\n", &p.schema).unwrap();
    let rules =
        read_patterns("3月5日\tDATE\n航空港区管委会\tORG\n郑州航空港区\tDIRECTIVE\n", &p.schema).unwrap();
    let a: Vec<&Document> = vec![p.document(&DocId::from("a")).unwrap()];
    let plan = plan_pre_annotation(&p, &a, Some(&dictionary), &rules, literal(&rules)).unwrap();
    let got = found(&plan, "a");
    // 3月5日 (pattern, 4) beats 月5 (dictionary, 2); 航空港区管委会 is ORG in the entity
    // layer, so 郑州 (LOC, same layer, no overlap with it) stays; the DIRECTIVE over 郑州航空港区
    // is another layer and overlaps freely.
    assert!(got.contains(&(16, 20, "DATE".into(), "pattern")), "{got:?}");
    assert!(got.contains(&(8, 15, "ORG".into(), "pattern")), "{got:?}");
    assert!(got.contains(&(1, 3, "LOC".into(), "dictionary")), "{got:?}");
    assert!(got.contains(&(1, 7, "DIRECTIVE".into(), "pattern")), "{got:?}");
    assert!(!got.iter().any(|g| g.2 == "DATE" && g.3 == "dictionary"), "{got:?}");
    assert_eq!(plan.skipped, 1);
}

#[test]
fn nothing_is_suggested_over_a_confirmed_span_of_the_same_layer_and_runs_do_not_repeat() {
    let mut p = project();
    let a = DocId::from("a");
    let id = p.allocate_span_id();
    Command::AddSpan { doc: a.clone(), span: Span::new(id, CharRange::new(3, 7), "ORG") }
        .apply(&mut p)
        .unwrap();
    let dictionary = Dictionary::read("航空港区\tLOC\n", &p.schema).unwrap();
    let docs = vec![p.document(&a).unwrap()];
    let plan = plan_pre_annotation(&p, &docs, Some(&dictionary), &[], |_, _| Vec::new()).unwrap();
    assert_eq!(found(&plan, "a"), [(8, 12, "LOC".into(), "dictionary")]);
    assert_eq!(plan.skipped, 1);
    for (doc, suggestions) in plan.add {
        Command::AddSuggestions { doc, suggestions }.apply(&mut p).unwrap();
    }
    let docs = vec![p.document(&a).unwrap()];
    let again = plan_pre_annotation(&p, &docs, Some(&dictionary), &[], |_, _| Vec::new()).unwrap();
    assert_eq!(again.count(), 0);
    assert_eq!(again.already, 1);
}

#[test]
fn the_projects_confirmed_strings_suggest_themselves_elsewhere_with_their_commonest_label() {
    let mut p = project();
    let (a, b) = (DocId::from("a"), DocId::from("b"));
    for (doc, start, end, label) in
        [(&a, 3, 7, "LOC"), (&a, 8, 12, "LOC"), (&b, 5, 7, "LOC"), (&a, 0, 1, "PER")]
    {
        let id = p.allocate_span_id();
        Command::AddSpan { doc: doc.clone(), span: Span::new(id, CharRange::new(start, end), label) }
            .apply(&mut p)
            .unwrap();
    }
    let own = Dictionary::confirmed(&p);
    // 航空港区 and 郑州; the single 𠀀 is left out.
    assert_eq!(own.len(), 2);
    let docs: Vec<&Document> = p.documents().iter().map(|d| &**d).collect();
    let plan = plan_pre_annotation(&p, &docs, Some(&own), &[], |_, _| Vec::new()).unwrap();
    assert_eq!(found(&plan, "a"), [(1, 3, "LOC".into(), "project"), (20, 22, "LOC".into(), "project")]);
    assert_eq!(found(&plan, "b"), [(0, 4, "LOC".into(), "project")]);
}

#[test]
fn bad_list_lines_are_named_by_line() {
    let schema = schema::default_schema();
    let cases: &[(&str, usize, ListProblem)] = &[
        ("郑州\tLOC\n航空港区 LOC\n", 2, ListProblem::NoTab),
        ("郑州\tLOC\n\n\tLOC\n", 3, ListProblem::EmptyTerm),
        ("郑州\tCITY\n", 1, ListProblem::UnknownLabel("CITY".into())),
    ];
    for (text, line, problem) in cases {
        let error = Dictionary::read(text, &schema).err().expect("refused");
        assert_eq!((error.line, &error.problem), (*line, problem), "{text:?}");
        assert!(error.to_string().starts_with(&format!("dictionary, line {line}: ")));
    }
    let error = read_patterns("\\d+\tNUMBER\n", &schema).unwrap_err();
    assert_eq!(error.to_string(), "patterns, line 1: label \"NUMBER\" is not in the schema");
}

#[test]
fn add_and_remove_suggestions_are_checked_and_undo_each_other() {
    let mut p = project();
    let a = DocId::from("a");
    let s = Suggestion::new(CharRange::new(3, 7), "LOC", SuggestionSource::Dictionary);
    let bad = [
        Suggestion::new(CharRange::new(3, 99), "LOC", SuggestionSource::Dictionary),
        Suggestion::new(CharRange::new(3, 3), "LOC", SuggestionSource::Dictionary),
        Suggestion::new(CharRange::new(3, 7), "CITY", SuggestionSource::Dictionary),
        Suggestion { score: Some(1.5), ..s.clone() },
    ];
    for b in bad {
        let before = p.clone();
        assert!(Command::AddSuggestions { doc: a.clone(), suggestions: vec![s.clone(), b] }
            .apply(&mut p)
            .is_err());
        assert_eq!(p, before);
    }
    let undo = Command::AddSuggestions { doc: a.clone(), suggestions: vec![s.clone(), s.clone()] }
        .apply(&mut p)
        .unwrap();
    assert_eq!(p.document(&a).unwrap().suggestions().len(), 1);
    undo.apply(&mut p).unwrap();
    assert!(p.document(&a).unwrap().suggestions().is_empty());
    let gone = Command::RemoveSuggestions { doc: a.clone(), suggestions: vec![s] }.apply(&mut p);
    assert!(matches!(gone, Err(EditError::UnknownSuggestion { .. })));
}

/// A state over the project with the dictionary's suggestions added by the editor.
fn reviewing(dictionary: &str) -> EditorState {
    let p = project();
    let dictionary = Dictionary::read(dictionary, &p.schema).unwrap();
    let docs: Vec<&Document> = p.documents().iter().map(|d| &**d).collect();
    let plan = plan_pre_annotation(&p, &docs, Some(&dictionary), &[], |_, _| Vec::new()).unwrap();
    let mut state = EditorState::new(p, Some(DocId::from("a")));
    state.apply(EditorAction::AddSuggestions(plan));
    state
}

fn current(state: &EditorState) -> Option<(String, usize, usize, String)> {
    state
        .current_suggestion()
        .map(|s| (state.open_doc.clone().unwrap().0, s.start, s.end, s.label.to_string()))
}

#[test]
fn the_queue_walks_suggestions_across_documents_and_each_decision_is_one_undo_step() {
    let mut state = reviewing("航空港区\tLOC\n郑州\tLOC\n");
    // The run starts the review at the first suggestion of the open document.
    assert_eq!(current(&state), Some(("a".into(), 1, 3, "LOC".into())));
    assert_eq!(state.suggestion_count(), 6);
    state.apply(EditorAction::Confirm); // Enter accepts
    assert_eq!(state.tally.accepted, 1);
    let doc = state.document().unwrap();
    assert_eq!(
        doc.spans().iter().map(|s| (s.range.start, s.range.end, &*s.label)).collect::<Vec<_>>(),
        [(1, 3, "LOC")]
    );
    assert_eq!(current(&state), Some(("a".into(), 3, 7, "LOC".into())));
    state.apply(EditorAction::DeleteSelected); // Backspace rejects
    assert_eq!(state.tally.rejected, 1);
    assert_eq!(current(&state), Some(("a".into(), 8, 12, "LOC".into())));
    state.apply(EditorAction::KeyPressed('o')); // a label key accepts as that label
    assert_eq!(state.document().unwrap().spans().last().map(|s| s.label.to_string()), Some("ORG".into()));
    state.apply(EditorAction::KeyPressed('.')); // next: on into document b
    assert_eq!(current(&state), Some(("b".into(), 0, 4, "LOC".into())));
    state.apply(EditorAction::KeyPressed(',')); // previous: back into a
    assert_eq!(current(&state), Some(("a".into(), 20, 22, "LOC".into())));
    assert_eq!(state.suggestion_count(), 3);
    // Each decision is one undo step: the ORG goes and its suggestion is back.
    state.apply(EditorAction::Undo);
    let a = state.project().document(&DocId::from("a")).unwrap();
    assert_eq!(a.spans().len(), 1);
    assert!(a.suggestions().contains(&Suggestion::new(
        CharRange::new(8, 12),
        "LOC",
        SuggestionSource::Dictionary
    )));
    state.apply(EditorAction::Escape);
    assert_eq!(state.current_suggestion(), None);
}

#[test]
fn accepting_all_alike_takes_same_text_and_label_over_the_chosen_scope_in_one_step() {
    let mut state = reviewing("航空港区\tLOC\n郑州\tLOC\n");
    state.apply(EditorAction::KeyPressed('.')); // 3..7 航空港区
    assert_eq!(current(&state), Some(("a".into(), 3, 7, "LOC".into())));
    state.apply(EditorAction::SetLabelAllScope(label_all::LabelAllScope::Corpus));
    state.apply(EditorAction::AcceptAllLikeThis);
    assert_eq!(state.tally.accepted, 3);
    let spans = |state: &EditorState, doc: &str| -> Vec<(usize, usize)> {
        state
            .project()
            .document(&DocId::from(doc))
            .unwrap()
            .spans()
            .iter()
            .map(|s| (s.range.start, s.range.end))
            .collect()
    };
    assert_eq!(spans(&state, "a"), [(3, 7), (8, 12)]);
    assert_eq!(spans(&state, "b"), [(0, 4)]);
    assert_eq!(state.suggestion_count(), 3); // the three 郑州
    state.apply(EditorAction::Undo);
    assert_eq!(state.suggestion_count(), 6);
    assert!(spans(&state, "a").is_empty() && spans(&state, "b").is_empty());
}

#[test]
fn accepting_where_a_span_is_in_the_way_is_refused_and_the_suggestion_stays() {
    let mut state = reviewing("航空港区\tLOC\n");
    let a = DocId::from("a");
    // A span made by hand over the first 航空港区 after the run.
    state.apply(EditorAction::Escape);
    state.apply(EditorAction::SelectionChanged(Some(CharRange::new(2, 5))));
    state.apply(EditorAction::LabelChosen("ORG".into()));
    state.apply(EditorAction::KeyPressed('.'));
    assert_eq!(current(&state), Some(("a".into(), 3, 7, "LOC".into())));
    let before = state.project().clone();
    state.apply(EditorAction::Confirm);
    assert!(
        state.notice.as_ref().is_some_and(|n| english(n).contains("Backspace rejects")),
        "{:?}",
        state.notice
    );
    assert_eq!(state.project(), &before);
    assert_eq!(state.project().document(&a).unwrap().spans().len(), 1);
}

#[test]
fn suggestions_survive_the_project_file_and_storage_and_leave_annotation_exports_alone() {
    let mut p = project();
    let a = DocId::from("a");
    let s = Suggestion {
        score: Some(0.75),
        ..Suggestion::new(CharRange::new(3, 7), "LOC", SuggestionSource::Model)
    };
    Command::AddSuggestions { doc: a.clone(), suggestions: vec![s.clone()] }.apply(&mut p).unwrap();
    let json = export_project(&p);
    assert!(json.contains("\"suggestions\""));
    let back = import_project(&json).unwrap();
    assert_eq!(back.document(&a).unwrap().suggestions().as_slice(), std::slice::from_ref(&s));
    let record = stored::doc_record(p.document(&a).unwrap());
    let read = stored::read_document(&p.schema, a.clone(), &record, A.to_string()).unwrap();
    assert_eq!(read.suggestions().as_slice(), std::slice::from_ref(&s));
    // A suggestion out of the text is refused by import, naming the document.
    let broken = json.replace("\"end\": 7", "\"end\": 70");
    let error = import_project(&broken).unwrap_err().to_string();
    assert!(error.contains("document \"a\""), "{error}");
    // Annotations exports do not hold it; Label Studio with suggestions holds it as a
    // prediction with its score.
    let spacy = run_export(&p, &ExportOptions::new(Format::Spacy)).unwrap();
    let ls = run_export(&p, &ExportOptions::new(Format::LabelStudio)).unwrap();
    assert!(!String::from_utf8_lossy(&ls.files[0].contents).contains("predictions"));
    assert!(!spacy.files.is_empty());
    let with = ExportOptions { suggestions: true, ..ExportOptions::new(Format::LabelStudio) };
    let out = run_export(&p, &with).unwrap();
    let tasks: serde_json::Value = serde_json::from_slice(&out.files[0].contents).unwrap();
    let task = tasks.as_array().unwrap().iter().find(|t| t["data"]["doc_id"] == "a").unwrap();
    let prediction = &task["predictions"][0];
    assert_eq!(prediction["model_version"], "biaozhu-suggestions");
    let result = &prediction["result"][0];
    assert_eq!(result["value"]["start"], 3);
    assert_eq!(result["value"]["end"], 7);
    assert_eq!(result["value"]["text"], "航空港区");
    assert_eq!(result["value"]["labels"][0], "LOC");
    assert_eq!(result["score"], 0.75);
    assert_eq!(result["meta"]["source"], "model");
}

/// A pre-annotation past what a journal entry may hold is stored by a snapshot, never copied
/// and serialised for the journal; a small one is journalled as usual.
#[test]
fn a_large_pre_annotation_is_stored_by_a_snapshot() {
    use biaozhu::core::session::{Op, Session};
    let text: String = "航空港区😀".repeat(30_000);
    let mut p = Project::new(schema::default_schema());
    Command::AddDocument { at: 0, doc: Box::new(Document::new(DocId::from("big"), "big", text.as_str())) }
        .apply(&mut p)
        .unwrap();
    let mut session = Session::new(p);
    let _ = session.take_log();
    let suggestions = |n: usize| -> Vec<Suggestion> {
        (0..n)
            .map(|k| Suggestion::new(CharRange::new(5 * k, 5 * k + 4), "LOC", SuggestionSource::Dictionary))
            .collect()
    };
    let doc = DocId::from("big");
    session.apply(Command::AddSuggestions { doc: doc.clone(), suggestions: suggestions(10) }).unwrap();
    assert!(matches!(session.take_log().as_slice(), [Op::Apply(_)]));
    session.apply(Command::AddSuggestions { doc, suggestions: suggestions(30_000) }).unwrap();
    assert!(matches!(session.take_log().as_slice(), [Op::Snapshot]));
}
