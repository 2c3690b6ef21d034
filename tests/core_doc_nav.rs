//! The document list of a corpus: search, filter, sort, and the navigation keys.
use biaozhu::core::doc_nav::{list_label, next_to_do, same_list, step, visible_documents, DocQuery, DocSort};
use biaozhu::core::editor::{EditorAction, EditorState};
use biaozhu::core::*;

/// Five documents: names, texts with 𠀀 and emoji, statuses, span counts.
fn corpus() -> Project {
    let mut s = Session::new(Project::new(schema::default_schema()));
    let docs = [
        ("a", "Beijing 北京", "北京市召开会议😀", DocStatus::Done, 2),
        ("b", "郑州 1", "郑州市𠀀河新区建设", DocStatus::Todo, 0),
        ("c", "郑州 2", "徐立毅强调：要加快推进", DocStatus::InProgress, 1),
        ("d", "", "  无名 的 文档 内容很长很长很长很长很长很长很长很长很长很长", DocStatus::Todo, 0),
        ("e", "Zhengzhou", "ZHENGZHOU daily 郑州日报", DocStatus::Todo, 3),
    ];
    for (at, (id, name, text, status, spans)) in docs.into_iter().enumerate() {
        let doc = Document::new(DocId::from(id), name, text).with_status(status);
        s.apply(Command::AddDocument { at, doc: Box::new(doc) }).unwrap();
        for k in 0..spans {
            s.add_span(&DocId::from(id), CharRange::new(k, k + 1), "LOC").unwrap();
        }
    }
    s.project().clone()
}

fn ids(project: &Project, shown: &[usize]) -> Vec<String> {
    shown.iter().map(|&i| project.documents()[i].id.0.clone()).collect()
}

#[test]
fn search_filter_and_sort_choose_what_the_list_shows() {
    let project = corpus();
    let cases: &[(&str, Option<DocStatus>, DocSort, &[&str])] = &[
        ("", None, DocSort::ListOrder, &["a", "b", "c", "d", "e"]),
        ("郑州", None, DocSort::ListOrder, &["b", "c", "e"]),
        ("𠀀河", None, DocSort::ListOrder, &["b"]),
        ("😀", None, DocSort::ListOrder, &["a"]),
        ("zhengzhou", None, DocSort::ListOrder, &["e"]),
        ("BEIJING", None, DocSort::ListOrder, &["a"]),
        ("郑州 建设", None, DocSort::ListOrder, &["b"]),
        ("  ", None, DocSort::ListOrder, &["a", "b", "c", "d", "e"]),
        ("没有", None, DocSort::ListOrder, &[]),
        ("", Some(DocStatus::Todo), DocSort::ListOrder, &["b", "d", "e"]),
        ("郑州", Some(DocStatus::Todo), DocSort::ListOrder, &["b", "e"]),
        ("", None, DocSort::Name, &["d", "a", "e", "b", "c"]),
        ("", None, DocSort::FewestSpans, &["b", "d", "c", "a", "e"]),
        ("", None, DocSort::Status, &["b", "d", "e", "c", "a"]),
    ];
    for (search, status, sort, expected) in cases {
        let query = DocQuery { search: search.to_string(), status: *status, sort: *sort };
        assert_eq!(ids(&project, &visible_documents(&project, &query)), *expected, "{query:?}");
    }
}

#[test]
fn next_and_previous_follow_the_list_as_shown_and_stop_at_the_ends() {
    let project = corpus();
    let shown = visible_documents(&project, &DocQuery { search: "郑州".into(), ..DocQuery::default() });
    let at = |id: &str| Some(DocId::from(id));
    assert_eq!(step(&project, &shown, at("b").as_ref(), true), at("c"));
    assert_eq!(step(&project, &shown, at("c").as_ref(), true), at("e"));
    assert_eq!(step(&project, &shown, at("e").as_ref(), true), None);
    assert_eq!(step(&project, &shown, at("b").as_ref(), false), None);
    // From a document the list does not show: the first (or last) shown.
    assert_eq!(step(&project, &shown, at("a").as_ref(), true), at("b"));
    assert_eq!(step(&project, &shown, at("a").as_ref(), false), at("e"));
    assert_eq!(step(&project, &[], at("a").as_ref(), true), None);
}

#[test]
fn next_to_do_wraps_around_and_skips_what_is_done() {
    let project = corpus();
    let all = visible_documents(&project, &DocQuery::default());
    let at = |id: &str| Some(DocId::from(id));
    assert_eq!(next_to_do(&project, &all, at("a").as_ref()), at("b"));
    assert_eq!(next_to_do(&project, &all, at("b").as_ref()), at("d"));
    assert_eq!(next_to_do(&project, &all, at("e").as_ref()), at("b"));
    assert_eq!(next_to_do(&project, &all, None), at("b"));
    let only_e = visible_documents(&project, &DocQuery { search: "daily".into(), ..DocQuery::default() });
    assert_eq!(next_to_do(&project, &only_e, at("e").as_ref()), None);
}

#[test]
fn a_document_without_a_name_is_listed_by_its_first_words() {
    let project = corpus();
    assert_eq!(
        list_label(project.document(&DocId::from("d")).unwrap()),
        "无名 的 文档 内容很长很长很长很长很长很长很长"
    );
    assert_eq!(list_label(project.document(&DocId::from("b")).unwrap()), "郑州 1");
}

#[test]
fn the_keys_open_documents_in_the_editor_and_respect_the_filter() {
    let mut editor = EditorState::new(corpus(), Some(DocId::from("a")));
    editor.apply(EditorAction::StepDocument { forward: true });
    assert_eq!(editor.open_doc, Some(DocId::from("b")));
    editor
        .apply(EditorAction::SetDocQuery(DocQuery { status: Some(DocStatus::Todo), ..DocQuery::default() }));
    editor.apply(EditorAction::StepDocument { forward: true });
    assert_eq!(editor.open_doc, Some(DocId::from("d")));
    editor.apply(EditorAction::NextToDo);
    assert_eq!(editor.open_doc, Some(DocId::from("e")));
    editor.apply(EditorAction::NextToDo);
    assert_eq!(editor.open_doc, Some(DocId::from("b")));
    editor.apply(EditorAction::StepDocument { forward: false });
    assert_eq!(editor.open_doc, Some(DocId::from("b")), "the first shown has nothing before it");
}

/// The document list skips recomputing when `same_list` says an edit left it as it was: that
/// must never be wrong (a stale list), and must hold for the commonest edit, an added span.
#[test]
fn same_list_is_true_only_when_the_list_shown_is_unchanged() {
    let queries = [
        DocQuery::default(),
        DocQuery { search: "郑州".into(), ..DocQuery::default() },
        DocQuery { status: Some(DocStatus::Todo), ..DocQuery::default() },
        DocQuery { sort: DocSort::Name, ..DocQuery::default() },
        DocQuery { sort: DocSort::FewestSpans, ..DocQuery::default() },
        DocQuery { sort: DocSort::Status, ..DocQuery::default() },
    ];
    let id = |s: &str| DocId::from(s);
    let edits: Vec<(&str, Command)> = vec![
        ("set status", Command::SetStatus { doc: id("b"), status: DocStatus::Done }),
        ("note", Command::SetDocField { doc: id("d"), field: DocField::Note, value: "郑州 0".into() }),
        ("remove", Command::RemoveDocument { doc: id("a") }),
        (
            "add",
            Command::AddDocument {
                at: 1, doc: Box::new(Document::new(id("f"), "郑州 3", "新文档𠀀"))
            },
        ),
    ];
    type Edit = Box<dyn Fn(&mut Session)>;
    let mut cases: Vec<(&str, Edit)> = vec![(
        "add a span",
        Box::new(|s: &mut Session| drop(s.add_span(&DocId::from("b"), CharRange::new(0, 2), "LOC"))),
    )];
    for (name, command) in edits {
        cases.push((name, Box::new(move |s: &mut Session| s.apply(command.clone()).unwrap())));
    }
    for (name, edit) in &cases {
        let before = corpus();
        let mut session = Session::new(before.clone());
        edit(&mut session);
        let after = session.project();
        for query in &queries {
            let unchanged = visible_documents(&before, query) == visible_documents(after, query)
                && ids(&before, &visible_documents(&before, query))
                    == ids(after, &visible_documents(after, query));
            let said = same_list(&before, after, query);
            assert!(!said || unchanged, "{name}, {query:?}: said unchanged but the list changed");
            if *name == "add a span" && query.sort != DocSort::FewestSpans {
                assert!(said, "{name}, {query:?}: a new span changes nothing the list shows");
            }
        }
        assert!(same_list(&before, &before.clone(), &DocQuery::default()));
    }
}
