//! Paragraphs, selection trimming, nested span layout, and the core's independence from the browser.
use biaozhu::core::layout::*;
use biaozhu::core::schema::default_schema;
use biaozhu::core::*;

fn doc_with(text: &str, spans: &[(usize, usize, &str)]) -> (Project, DocId) {
    let mut s = Session::new(Project::new(default_schema()));
    let id = DocId::from("d");
    s.apply(Command::AddDocument { at: 0, doc: Box::new(Document::new(id.clone(), "d", text)) }).unwrap();
    for &(a, b, label) in spans {
        s.add_span(&id, CharRange::new(a, b), label).unwrap();
    }
    (s.project().clone(), id)
}

/// Writes a layout as markup, e.g. `[DIRECTIVE 要加快[LOC 𠀀河]建设]`, to compare trees at a glance.
fn markup(doc: &Document, nodes: &[Node]) -> String {
    nodes
        .iter()
        .map(|node| match node {
            Node::Text(range) => doc.slice(*range).to_string(),
            Node::Span { label, children, first, .. } => {
                format!("[{}{} {}]", label, if *first { "" } else { "…" }, markup(doc, children))
            }
            Node::Suggestion { index, children, first, .. } => {
                let label = &doc.suggestions().as_slice()[*index].label;
                format!("<{}{} {}>", label, if *first { "" } else { "…" }, markup(doc, children))
            }
        })
        .collect()
}

#[test]
fn paragraphs_split_on_any_line_break_and_skip_empty_lines() {
    let text = "第一段\r\n\r\n第二段𠀀\n第三段\r末";
    let ranges = paragraphs(text);
    let chars: Vec<char> = text.chars().collect();
    let lines: Vec<String> = ranges.iter().map(|r| chars[r.start..r.end].iter().collect()).collect();
    assert_eq!(lines, ["第一段", "第二段𠀀", "第三段", "末"]);
}

#[test]
fn selections_lose_surrounding_whitespace() {
    let (p, id) = doc_with("  李强\u{3000}在北京 ", &[]);
    let doc = p.document(&id).unwrap();
    assert_eq!(trim_selection(doc, CharRange::new(0, 5)), CharRange::new(2, 4));
    assert!(trim_selection(doc, CharRange::new(0, 2)).is_empty());
    assert_eq!(trim_selection(doc, CharRange::new(8, 99)), CharRange::new(8, 8));
}

#[test]
fn directives_wrap_the_entities_inside_them() {
    let text = "李强强调：要加快推进𠀀河新区建设😀。";
    let (p, id) = doc_with(text, &[(0, 2, "PER"), (5, 16, "DIRECTIVE"), (10, 14, "LOC")]);
    let doc = p.document(&id).unwrap();
    let nodes = layout_paragraph(doc, &p.schema, CharRange::new(0, doc.char_len()));
    assert_eq!(markup(doc, &nodes), "[PER 李强]强调：[DIRECTIVE 要加快推进[LOC 𠀀河新区]建设]😀。");
}

#[test]
fn an_entity_half_inside_a_directive_is_cut_in_two_pieces() {
    let text = "甲乙丙丁戊己";
    let (p, id) = doc_with(text, &[(0, 3, "DIRECTIVE"), (2, 5, "ORG")]);
    let doc = p.document(&id).unwrap();
    let nodes = layout_paragraph(doc, &p.schema, CharRange::new(0, 6));
    assert_eq!(markup(doc, &nodes), "[DIRECTIVE 甲乙[ORG 丙]][ORG… 丁戊]己");
}

#[test]
fn a_span_crossing_a_line_break_draws_in_each_paragraph() {
    let text = "甲乙\n丙丁";
    let (p, id) = doc_with(text, &[(1, 4, "DIRECTIVE")]);
    let doc = p.document(&id).unwrap();
    let drawn: Vec<String> = paragraphs(text)
        .into_iter()
        .map(|para| markup(doc, &layout_paragraph(doc, &p.schema, para)))
        .collect();
    assert_eq!(drawn, ["甲[DIRECTIVE 乙]", "[DIRECTIVE… 丙]丁"]);
}

#[test]
fn the_same_range_in_two_layers_nests_directive_outside() {
    let (p, id) = doc_with("六稳工作", &[(0, 2, "POLICY"), (0, 2, "DIRECTIVE")]);
    let doc = p.document(&id).unwrap();
    assert_eq!(
        markup(doc, &layout_paragraph(doc, &p.schema, CharRange::new(0, 4))),
        "[DIRECTIVE [POLICY 六稳]]工作"
    );
}

#[test]
fn the_core_knows_nothing_of_the_browser_or_the_clock() {
    let forbidden = ["web_sys", "wasm_bindgen", "gloo", "yew", "Instant::now", "SystemTime::now", "js_sys"];
    let mut pending = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core")];
    let mut checked = 0;
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            for word in forbidden {
                assert!(!source.contains(word), "{} mentions {word}", path.display());
            }
            checked += 1;
        }
    }
    assert!(checked > 10, "the core's sources were found");
}

#[test]
fn overlap_queries_find_exactly_the_overlapping_spans() {
    // A long directive over short entities, and spans before and after: compare with a scan.
    let text = "甲".repeat(200);
    let mut spans = vec![(10, 150, "DIRECTIVE")];
    for start in (0..196).step_by(5) {
        spans.push((start, start + 3, ["PER", "ORG", "LOC"][start % 3]));
    }
    let (p, id) = doc_with(&text, &spans);
    let doc = p.document(&id).unwrap();
    for (a, b) in [(0, 1), (9, 11), (100, 101), (150, 152), (148, 160), (199, 200), (0, 200), (12, 12)] {
        let range = CharRange::new(a, b);
        let fast: Vec<SpanId> = doc.spans_overlapping(range).map(|s| s.id).collect();
        let slow: Vec<SpanId> =
            doc.spans().iter().filter(|s| s.range.overlaps(&range)).map(|s| s.id).collect();
        assert_eq!(fast, slow, "{a}..{b}");
    }
}

#[test]
fn the_window_covers_the_visible_paragraphs() {
    use biaozhu::core::viewport::*;
    let paras: Vec<CharRange> = (0..100).map(|i| CharRange::new(i * 100, i * 100 + 40)).collect();
    let metrics = Metrics { chars_per_line: 20, line_px: 30.0, gap_px: 10.0 };
    let tops = estimated_tops(&paras, metrics);
    assert_eq!(tops[1], 70.0, "two lines and a gap");
    assert_eq!(*tops.last().unwrap(), 7000.0);
    assert_eq!(window_at(&tops, 0.0, 700.0, 0.0), (0, 10));
    assert_eq!(window_at(&tops, 705.0, 140.0, 0.0), (10, 13));
    assert_eq!(window_at(&tops, 6990.0, 700.0, 0.0), (99, 100));
    assert_eq!(window_at(&tops, 700.0, 700.0, 140.0), (8, 22));
    assert_eq!(window_around(50, 100, 20), (40, 60));
    assert_eq!(window_around(3, 100, 20), (0, 20));
}

#[test]
fn a_long_line_is_drawn_in_blocks_cut_after_a_sentence_end() {
    use biaozhu::core::layout::{paragraphs, MAX_BLOCK};
    // 2,500 characters on one line, with 𠀀 and a full stop every 300 characters.
    let line: String = (0..2500)
        .map(|i| {
            if i % 300 == 299 {
                '。'
            } else if i % 7 == 0 {
                '𠀀'
            } else {
                '字'
            }
        })
        .collect();
    let text = format!("前言\r\n{line}\n后记");
    let blocks = paragraphs(&text);
    assert_eq!(blocks.first(), Some(&CharRange::new(0, 2)));
    assert_eq!(blocks.last(), Some(&CharRange::new(2 + 2 + 2500 + 1, 2 + 2 + 2500 + 3)));
    let middle = &blocks[1..blocks.len() - 1];
    assert_eq!(middle.first().unwrap().start, 4);
    assert_eq!(middle.last().unwrap().end, 4 + 2500);
    for pair in middle.windows(2) {
        assert_eq!(pair[0].end, pair[1].start, "blocks of one line are contiguous");
    }
    for block in &middle[..middle.len() - 1] {
        assert!(block.end - block.start <= MAX_BLOCK);
        let last: char = text.chars().nth(block.end - 1).unwrap();
        assert_eq!(last, '。', "cut after a sentence end: {block:?}");
    }
}

#[test]
fn suggestions_are_drawn_inside_spans_and_cut_where_they_cross_one() {
    use biaozhu::core::suggestion::{Suggestion, SuggestionSource};
    use biaozhu::core::Command;
    // 0 要 1 加 2 快 3 𠀀 4 河 5 建 6 设: a directive over 0..7, LOC at 3..5, suggestions at
    // 4..6 (half inside the LOC) and 0..2 (inside the directive).
    let (mut p, id) = doc_with("要加快𠀀河建设", &[(0, 7, "DIRECTIVE"), (3, 5, "LOC")]);
    let suggestions = vec![
        Suggestion::new(CharRange::new(4, 6), "ORG", SuggestionSource::Dictionary),
        Suggestion::new(CharRange::new(0, 2), "DATE", SuggestionSource::Pattern),
    ];
    Command::AddSuggestions { doc: id.clone(), suggestions }.apply(&mut p).unwrap();
    let doc = p.document(&id).unwrap();
    let nodes = layout_paragraph(doc, &p.schema, doc.paragraphs()[0]);
    assert_eq!(markup(doc, &nodes), "[DIRECTIVE <DATE 要加>快[LOC 𠀀<ORG 河>]<ORG… 建>设]");
}
