//! New documents from pasted text and uploaded files.
use biaozhu::core::text_input::*;

#[test]
fn a_bom_is_dropped_and_line_endings_are_kept() {
    let bytes = b"\xEF\xBB\xBF\xE6\x9D\x8E\r\n\xF0\xA0\x80\x80";
    assert_eq!(decode_text_file(bytes).unwrap(), "李\r\n𠀀");
    assert_eq!(check_text("\u{feff}好").unwrap(), "好");
}

#[test]
fn bad_files_are_refused_with_the_place() {
    let err = decode_text_file(b"ok\xC4\xE3\xBA\xC3").unwrap_err();
    assert_eq!(err, TextInputError::NotUtf8 { offset: 2 });
    assert!(err.to_string().contains("offset 2"));
    assert_eq!(check_text(" \n\u{3000}"), Err(TextInputError::Empty));
}

#[test]
fn names_come_from_the_file_or_the_first_line() {
    assert_eq!(name_from_file_name("新闻.txt"), "新闻");
    assert_eq!(name_from_file_name(".txt"), "untitled");
    assert_eq!(name_from_text("\n  共赴春光 疫战到底\n正文"), "共赴春光 疫战到底");
    assert_eq!(name_from_text(&"长".repeat(30)).chars().count(), 25);
}
