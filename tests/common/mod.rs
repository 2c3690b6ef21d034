//! The sample shared by the export and import tests: the FORMATS.md running example with 𠀀,
//! 😀, CRLF, a ZWJ sequence, and a directive holding an entity.
#![allow(dead_code)]

pub mod learn;
pub mod words;

use biaozhu::core::*;

pub const TEXT: &str =
    "2024年3月5日，国务院总理李强在北京强调：要加快推进𠀀河新区建设😀，确保高质量发展。\r\n徐立毅指出：“要抓好‘外防输入’。”👩\u{200d}💻";

/// One document, news-1, with ten spans over every label.
pub fn sample_project() -> Project {
    let mut s = Session::new(Project::new(schema::default_schema()));
    let id = DocId::from("news-1");
    s.apply(Command::AddDocument { at: 0, doc: Box::new(Document::new(id.clone(), "新闻 1", TEXT)) })
        .unwrap();
    for (start, end, label) in [
        (0, 9, "DATE"),
        (10, 13, "ORG"),
        (13, 15, "TITLE"),
        (15, 17, "PER"),
        (18, 20, "LOC"),
        (23, 34, "DIRECTIVE"),
        (28, 32, "LOC"),
        (36, 43, "DIRECTIVE"),
        (46, 49, "PER"),
        (57, 61, "POLICY"),
    ] {
        s.add_span(&id, CharRange::new(start, end), label).unwrap();
    }
    s.project().clone()
}

/// The shared sample plus documents with 𠀀, emoji and several lines, some spans each.
pub fn sample_corpus() -> Project {
    let mut session = Session::new(sample_project());
    for i in 0..7 {
        let id = DocId(format!("extra-{i}"));
        let text = format!(
            "第{i}篇：𠀀河新区😀建设。\n国务院总理李强强调：要加快推进。\r\n徐立毅指出👩\u{200d}💻。"
        );
        session
            .apply(Command::AddDocument {
                at: i + 1,
                doc: Box::new(Document::new(id.clone(), format!("篇 {i}"), text)),
            })
            .unwrap();
        session.add_span(&id, CharRange::new(3, 7), "LOC").unwrap();
        session.add_span(&id, CharRange::new(14, 16), "PER").unwrap();
        if i % 2 == 0 {
            session.add_span(&id, CharRange::new(12, 14), "TITLE").unwrap();
        }
    }
    session.project().clone()
}
