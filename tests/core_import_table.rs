//! CSV and TSV tables of texts: RFC 4180 fields, the text column guessed and chosen in the
//! review, ids and names from their columns, and broken input named by line.
use biaozhu::core::editor::{EditorAction, EditorState};
use biaozhu::core::import::readers::{parse, Found, InFile, Passed, Place};
use biaozhu::core::intake::action_for_file;
use biaozhu::core::*;
use biaozhu::ui::words::outcomes::english;

fn read(name: &str, text: &str) -> biaozhu::core::import::Parsed {
    parse(&[InFile { name: name.into(), bytes: text.as_bytes().to_vec() }])
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn texts(parsed: &biaozhu::core::import::Parsed) -> Vec<(Option<&str>, Option<&str>, &str)> {
    parsed.docs.iter().map(|d| (d.id.as_deref(), d.name.as_deref(), d.text.as_str())).collect()
}

#[test]
fn fields_follow_rfc_4180() {
    let csv = "\u{feff}id,label,text\r\n\
               1,x,\"郑州市, 航空港区\"\r\n\
               2,y,\"第一行\r\n第二行𠀀😀\"\r\n\
               3,z,\"他说：\"\"要抓好\"\"。\"\r\n\
               \r\n\
               4,w,无引号的文本 with a \"quote\" inside\r\n";
    let parsed = read("news.csv", csv);
    assert_eq!(parsed.format, "CSV table");
    assert_eq!(
        texts(&parsed),
        [
            (Some("1"), Some("news.csv #1"), "郑州市, 航空港区"),
            (Some("2"), Some("news.csv #2"), "第一行\r\n第二行𠀀😀"),
            (Some("3"), Some("news.csv #3"), "他说：\"要抓好\"。"),
            (Some("4"), Some("news.csv #4"), "无引号的文本 with a \"quote\" inside"),
        ]
    );
    // No trailing line break, and a last quoted field.
    let parsed = read("t.csv", "title,正文\n甲,\"𠀀文本\"");
    assert_eq!(texts(&parsed), [(None, Some("甲"), "𠀀文本")]);
}

#[test]
fn the_text_column_is_guessed_then_chosen() {
    // Without a header named like a text, the column with the longest cells.
    let tsv = "编号\t摘要\t备注\nA1\t国务院总理李强在北京强调：要加快推进新区建设\t短\nA2\t徐立毅指出：要抓好外防输入\t也短\n";
    let mut parsed = read("corpus.tsv", tsv);
    assert_eq!(parsed.format, "TSV table");
    let table = parsed.table.clone().unwrap();
    assert_eq!(table.columns, ["编号", "摘要", "备注"]);
    assert_eq!(table.text_column, 1);
    assert_eq!(parsed.docs[1].text, "徐立毅指出：要抓好外防输入");
    parsed.use_text_column(2);
    assert_eq!(texts(&parsed)[0].2, "短");
    // A column past the end changes nothing.
    parsed.use_text_column(9);
    assert_eq!(parsed.table.as_ref().unwrap().text_column, 2);
}

#[test]
fn rows_without_text_are_left_out_and_said() {
    let parsed = read("a.csv", "text,name\n有文本,甲\n,乙\n   ,丙\n短\n");
    assert_eq!(texts(&parsed), [(None, Some("甲"), "有文本"), (None, Some("a.csv #4"), "短")]);
    assert_eq!(parsed.notes.len(), 1);
    assert_eq!(
        parsed.notes[0],
        Found {
            place: Place::file("a.csv"),
            what: Passed::RowsWithoutText { count: 2, column: "text".into() }
        },
        "{}",
        parsed.notes[0]
    );
}

#[test]
fn broken_tables_are_refused_naming_the_place() {
    for (name, text, expected) in [
        ("q.csv", "text\n\"open\n\nstill open", "q.csv line 2"),
        ("e.csv", "", "e.csv"),
        ("e.csv", "\n\n", "e.csv"),
    ] {
        let error =
            parse(&[InFile { name: name.into(), bytes: text.as_bytes().to_vec() }]).unwrap_err().to_string();
        assert!(error.contains(expected), "{name}: {error}");
    }
}

#[test]
fn a_tsv_file_is_a_table_or_a_tagged_corpus_by_its_content() {
    let tagged = "郑\tB-LOC\r\n州\tE-LOC\r\n市\tO\r\n\r\n好\tO\r\n";
    match action_for_file("msra.tsv", tagged.as_bytes()) {
        EditorAction::DatasetRead { parsed, .. } => {
            assert_eq!((parsed.format, parsed.docs.len()), ("CoNLL", 2))
        }
        other => panic!("{other:?}"),
    }
    match action_for_file("texts.tsv", "id\ttext\nx1\t第一篇𠀀\n".as_bytes()) {
        EditorAction::DatasetRead { parsed, .. } => {
            assert_eq!(texts(&parsed), [(Some("x1"), Some("texts.tsv #1"), "第一篇𠀀")])
        }
        other => panic!("{other:?}"),
    }
    // Neither (one column, no tags): refused with the reason, nothing changed.
    match action_for_file("notes.tsv", "只是一段文字".as_bytes()) {
        EditorAction::Say(notice) => assert!(english(&notice).contains("notes.tsv"), "{notice:?}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_review_changes_the_column_and_the_import_uses_it() {
    let mut state = EditorState::new(Project::bundled(), None);
    state.apply(action_for_file("two.csv", "text,other\n𠀀第一篇😀,甲\n第二篇,乙\n".as_bytes()));
    state.apply(EditorAction::ChooseTextColumn(1));
    assert_eq!(state.pending_import.as_ref().unwrap().plan.docs.len(), 2);
    state.apply(EditorAction::AcceptImport);
    let texts: Vec<&str> = state.project().documents().iter().skip(1).map(|d| d.text()).collect();
    assert_eq!(texts, ["甲", "乙"]);
    assert_eq!(state.project().documents()[1].name, "two.csv #1");
}
