//! Offset conversions, tested on text with an astral-plane character, a ZWJ emoji sequence and CRLF.
use biaozhu::core::offsets::*;

/// 𠀀 is U+20000 (two UTF-16 units, four UTF-8 bytes); 👩‍💻 is three code points joined by ZWJ.
const TEXT: &str = "李强𠀀河\r\n👩\u{200d}💻好";

#[test]
fn lengths_in_each_unit() {
    assert_eq!(char_len(TEXT), 10);
    // 李 强 =2, 𠀀 =2, 河 =1, \r\n =2, 👩 =2, ZWJ =1, 💻 =2, 好 =1
    assert_eq!(utf16_len(TEXT), 13);
    assert_eq!(TEXT.len(), 3 + 3 + 4 + 3 + 2 + 4 + 3 + 4 + 3);
}

#[test]
fn code_points_to_utf16_and_back() {
    let table = [(0, 0), (2, 2), (3, 4), (4, 5), (6, 7), (7, 9), (8, 10), (9, 12), (10, 13)];
    for (cp, unit) in table {
        assert_eq!(cp_to_utf16(TEXT, cp), unit, "cp {cp}");
        assert_eq!(utf16_to_cp(TEXT, unit, Snap::Back), cp, "unit {unit}");
        assert_eq!(utf16_to_cp(TEXT, unit, Snap::Forward), cp, "unit {unit}");
    }
}

#[test]
fn utf16_offset_inside_a_surrogate_pair_snaps_to_whole_characters() {
    // Unit 3 is between the halves of 𠀀 (code point 2).
    assert_eq!(utf16_to_cp(TEXT, 3, Snap::Back), 2);
    assert_eq!(utf16_to_cp(TEXT, 3, Snap::Forward), 3);
    // Unit 8 is inside 👩 (code point 6).
    assert_eq!(utf16_to_cp(TEXT, 8, Snap::Back), 6);
    assert_eq!(utf16_to_cp(TEXT, 8, Snap::Forward), 7);
}

#[test]
fn offsets_past_the_end_clamp() {
    assert_eq!(cp_to_utf16(TEXT, 99), 13);
    assert_eq!(utf16_to_cp(TEXT, 99, Snap::Back), 10);
    assert_eq!(cp_to_byte(TEXT, 99), TEXT.len());
}

#[test]
fn code_points_to_bytes_and_back() {
    for cp in 0..=char_len(TEXT) {
        let byte = cp_to_byte(TEXT, cp);
        assert!(TEXT.is_char_boundary(byte));
        assert_eq!(byte_to_cp(TEXT, byte), cp);
    }
    // Byte 7 is inside 𠀀 (bytes 6..10).
    assert_eq!(byte_to_cp_snapped(TEXT, 7, Snap::Back), 2);
    assert_eq!(byte_to_cp_snapped(TEXT, 7, Snap::Forward), 3);
}

#[test]
fn char_index_slices_like_python() {
    let long: String = TEXT.repeat(40);
    let index = CharIndex::new(&long);
    assert_eq!(index.char_count(), 400);
    let chars: Vec<char> = long.chars().collect();
    for (start, end) in [(0, 0), (2, 3), (63, 65), (64, 128), (130, 400), (399, 400)] {
        let expected: String = chars[start..end].iter().collect();
        assert_eq!(index.slice(&long, CharRange::new(start, end)), expected, "{start}..{end}");
    }
}

#[test]
fn ranges_overlap_contain_and_intersect() {
    let a = CharRange::new(5, 2);
    assert_eq!(a, CharRange { start: 2, end: 5 });
    assert!(a.overlaps(&CharRange::new(4, 9)));
    assert!(!a.overlaps(&CharRange::new(5, 9)), "half-open ranges that touch do not overlap");
    assert!(CharRange::new(0, 10).contains(&a));
    assert_eq!(a.intersect(&CharRange::new(4, 9)), Some(CharRange::new(4, 5)));
    assert_eq!(a.intersect(&CharRange::new(5, 9)), None);
}

#[test]
fn a_table_of_utf16_offsets_matches_the_conversion() {
    let table = utf16_offsets(TEXT);
    assert_eq!(table.len(), char_len(TEXT) + 1);
    for (cp, units) in table.iter().enumerate() {
        assert_eq!(*units, cp_to_utf16(TEXT, cp));
    }
}
