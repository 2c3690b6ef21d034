//! Search in the text: hits in code points (from plain search and from a RegExp's UTF-16
//! matches), in one document or all, and Enter / Shift+Enter moving through them.
use biaozhu::core::editor::{EditorAction, EditorState};
use biaozhu::core::text_search::{occurrences, utf16_to_code_points, Search, SearchQuery, SearchScope};
use biaozhu::core::*;

#[test]
fn utf16_matches_become_code_points() {
    // a 𠀀 b 😀 c: UTF-16 units a=0, 𠀀=1..3, b=3, 😀=4..6, c=6.
    let text = "a𠀀b😀c";
    type Case<'a> = (&'a [(usize, usize)], &'a [(usize, usize)]);
    let cases: &[Case] = &[
        (&[(1, 3)], &[(1, 2)]),
        (&[(0, 1), (3, 4), (6, 7)], &[(0, 1), (2, 3), (4, 5)]),
        (&[(1, 6)], &[(1, 4)]),
        // Empty matches and matches past the end are dropped.
        (&[(0, 0), (2, 2), (6, 7), (7, 9)], &[(4, 5)]),
        // A boundary inside a surrogate pair takes the whole character.
        (&[(2, 3)], &[(1, 2)]),
        (&[(3, 5)], &[(2, 4)]),
    ];
    for (units, expected) in cases {
        let got: Vec<(usize, usize)> =
            utf16_to_code_points(text, units).iter().map(|r| (r.start, r.end)).collect();
        assert_eq!(got, *expected, "{units:?}");
    }
}

fn corpus() -> Project {
    let mut s = Session::new(Project::new(schema::default_schema()));
    let texts = [("a", "𠀀郑州😀郑州"), ("b", "没有"), ("c", "郑州日报")];
    for (at, (id, text)) in texts.into_iter().enumerate() {
        s.apply(Command::AddDocument { at, doc: Box::new(Document::new(DocId::from(id), id, text)) })
            .unwrap();
    }
    s.project().clone()
}

fn plain(project: &Project, open: &str, text: &str, scope: SearchScope) -> Search {
    let query = SearchQuery { text: text.into(), regex: false, scope };
    Search::run(project, Some(&DocId::from(open)), query, |t| Ok(occurrences(t, text)))
}

fn places(search: &Search) -> Vec<(String, usize, usize)> {
    search.hits.iter().map(|h| (h.doc.0.clone(), h.range.start, h.range.end)).collect()
}

#[test]
fn a_search_finds_in_the_open_document_or_in_all() {
    let project = corpus();
    let here = plain(&project, "a", "郑州", SearchScope::Document);
    assert_eq!(places(&here), vec![("a".into(), 1, 3), ("a".into(), 4, 6)]);
    assert_eq!(here.current, Some(0));
    let all = plain(&project, "b", "郑州", SearchScope::Corpus);
    assert_eq!(places(&all).len(), 3);
    assert_eq!(all.current, None, "nothing in the open document: no hit is current yet");
    assert_eq!(plain(&project, "a", "", SearchScope::Corpus).hits.len(), 0);
    let refused = Search::run(
        &project,
        None,
        SearchQuery { text: "(".into(), regex: true, scope: SearchScope::Corpus },
        |_| Err("not a valid pattern".to_string()),
    );
    assert!(refused.hits.is_empty());
    assert_eq!(refused.problem.as_deref(), Some("not a valid pattern"));
}

#[test]
fn stepping_wraps_around_and_opens_the_document_of_the_hit() {
    let project = corpus();
    let mut state = EditorState::new(project.clone(), None);
    state.apply(EditorAction::OpenDocument(DocId::from("b")));
    state.apply(EditorAction::SetSearch(Some(plain(&project, "b", "郑州", SearchScope::Corpus))));
    assert_eq!(state.open_doc, Some(DocId::from("b")), "a new search does not leave the document");
    let mut visited = Vec::new();
    for _ in 0..4 {
        state.apply(EditorAction::SearchStep { forward: true });
        let hit = state.search.as_ref().unwrap().current_hit().unwrap().clone();
        assert_eq!(state.open_doc.as_ref(), Some(&hit.doc));
        visited.push((hit.doc.0, hit.range.start));
    }
    assert_eq!(visited, vec![("a".into(), 1), ("a".into(), 4), ("c".into(), 0), ("a".into(), 1)]);
    state.apply(EditorAction::SearchStep { forward: false });
    assert_eq!(state.open_doc, Some(DocId::from("c")));
    state.apply(EditorAction::SetSearch(None));
    assert!(state.search.is_none());
}

/// Every single range of a text with 𠀀, emoji and a combining mark converts as the one-offset
/// conversion (rounding a start back and an end forward) does.
#[test]
fn every_range_converts_like_the_single_offset_conversion() {
    let text = "a𠀀b😀́c郑";
    let units = text.encode_utf16().count();
    for start in 0..=units {
        for end in start + 1..=units {
            let got = utf16_to_code_points(text, &[(start, end)]);
            let want = CharRange::new(
                offsets::utf16_to_cp(text, start, Snap::Back),
                offsets::utf16_to_cp(text, end, Snap::Forward),
            );
            assert_eq!(got, vec![want], "{start}..{end}");
        }
    }
}
