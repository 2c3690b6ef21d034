//! Our compact grapheme clusters agree with `unicode-segmentation` (the full UAX #29) on the
//! text this app meets: CJK, Latin with combining accents, every shape of emoji, CRLF.
use biaozhu::core::graphemes::cluster_starts;
use unicode_segmentation::UnicodeSegmentation;

fn reference(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut cp = 0;
    for cluster in text.graphemes(true) {
        starts.push(cp);
        cp += cluster.chars().count();
    }
    starts.push(cp);
    starts
}

const CASES: &[&str] = &[
    "",
    "国务院总理李强在北京强调",
    "𠀀河新区😀，确保",
    "第一行\r\n第二行\n\r第三行\r",
    "👩\u{200d}💻 and 👨\u{200d}👩\u{200d}👧\u{200d}👦 family",
    "👍🏽👍🏿 skin tones",
    "🇨🇳🇺🇸🇯 flags and a lone indicator",
    "1\u{fe0f}\u{20e3} #\u{fe0f}\u{20e3} keycaps",
    "🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f} a tag sequence",
    "e\u{301}te\u{301} cafe\u{301} a\u{308}\u{304}",
    "❤\u{fe0f} ☺\u{fe0f} ✈\u{fe0f} text-style symbols",
    "ｶﾞガか\u{3099} kana",
    "한국어 텍스트 \u{1100}\u{1161}\u{11a8} jamo",
    "🏳\u{fe0f}\u{200d}🌈 rainbow flag",
    "a\u{200d}b ZWJ between letters",
    "\u{301} a mark at the start",
];

#[test]
fn clusters_match_the_full_algorithm_on_the_text_we_meet() {
    for text in CASES {
        assert_eq!(cluster_starts(text), reference(text), "{text:?}");
    }
    // And on every pair and triple of the characters in the cases, in any order.
    let chars: Vec<char> =
        CASES.concat().chars().collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    for a in &chars {
        for b in &chars {
            let pair: String = [*a, *b].iter().collect();
            assert_eq!(cluster_starts(&pair), reference(&pair), "{pair:?}");
        }
    }
}
