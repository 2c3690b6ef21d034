//! Grapheme clusters, compactly: the boundaries of Unicode's extended grapheme clusters (UAX #29)
//! for the text this app meets — Chinese, Japanese, Korean, Latin with combining accents, and
//! emoji of every shape (ZWJ sequences 👩‍💻, skin tones, flags, keycaps, tag sequences), plus
//! CRLF. Indic spacing vowel signs and prepended marks are not joined. Written here rather than
//! taken from `unicode-segmentation`, whose full tables cost 12 KB of gzipped wasm for an offset
//! unit that only imported files use; a native test compares both on the cases above.

/// Characters that never start a cluster: combining marks, variation selectors, emoji
/// modifiers, tags, ZWJ and ZWNJ.
fn is_extend(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D | 0x20D0..=0x20FF | 0x302A..=0x302F
        | 0x3099..=0x309A | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0xFF9E..=0xFF9F | 0x1F3FB..=0x1F3FF
        | 0xE0020..=0xE007F
        | 0xE0100..=0xE01EF)
}

/// Emoji and pictographs that a ZWJ joins to what comes before.
fn is_pictographic(c: char) -> bool {
    matches!(c as u32, 0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0x2194..=0x21AA
        | 0x231A..=0x23FF | 0x24C2 | 0x25AA..=0x27BF | 0x2934..=0x2935 | 0x2B05..=0x2B55 | 0x3030
        | 0x303D | 0x3297 | 0x3299 | 0x1F000..=0x1FAFF)
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Hangul {
    L,
    V,
    T,
    Lv,
    Lvt,
}

fn hangul(c: char) -> Option<Hangul> {
    Some(match c as u32 {
        0x1100..=0x115F | 0xA960..=0xA97C => Hangul::L,
        0x1160..=0x11A7 | 0xD7B0..=0xD7C6 => Hangul::V,
        0x11A8..=0x11FF | 0xD7CB..=0xD7FB => Hangul::T,
        n @ 0xAC00..=0xD7A3 if (n - 0xAC00) % 28 == 0 => Hangul::Lv,
        0xAC00..=0xD7A3 => Hangul::Lvt,
        _ => return None,
    })
}

/// The code point offset where each grapheme cluster of `text` starts, plus the total length.
pub fn cluster_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut previous: Option<char> = None;
    // Whether the cluster so far is a pictograph with extensions (for ZWJ sequences), and how
    // many regional indicators run up to here (flags pair them).
    let mut pictographic_run = false;
    let mut indicators = 0;
    let mut count = 0;
    for (i, c) in text.chars().enumerate() {
        let joins = match previous {
            None => false,
            Some('\r') => c == '\n',
            Some(p) if p == '\n' || p == '\r' || c == '\r' || c == '\n' => false,
            Some(p) => {
                is_extend(c)
                    || (p == '\u{200D}' && pictographic_run && is_pictographic(c))
                    || (is_regional_indicator(p) && is_regional_indicator(c) && indicators % 2 == 1)
                    || matches!(
                        (hangul(p), hangul(c)),
                        (Some(Hangul::L), Some(Hangul::L | Hangul::V | Hangul::Lv | Hangul::Lvt))
                            | (Some(Hangul::Lv | Hangul::V), Some(Hangul::V | Hangul::T))
                            | (Some(Hangul::Lvt | Hangul::T), Some(Hangul::T))
                    )
            }
        };
        if !joins {
            starts.push(i);
            pictographic_run = is_pictographic(c);
        } else if !is_extend(c) {
            pictographic_run = is_pictographic(c);
        }
        indicators = if is_regional_indicator(c) { indicators + 1 } else { 0 };
        previous = Some(c);
        count = i + 1;
    }
    starts.push(count);
    starts
}
