//! Finding where each imported span belongs. A span that carries its text is placed where its
//! offsets give back that text: as code points, else as UTF-16 units, else at the nearest
//! place the text occurs. Spans without text (doccano, for one) are read in the unit the file
//! declares, or the unit in which they fit the text: offsets past the end in code points, or
//! halves of a surrogate pair in UTF-16, rule a unit out.

use super::{OffsetUnit, RawDoc, RawSpan};
use crate::core::offsets::{utf16_to_cp, CharRange, Snap};

/// Whitespace or punctuation, which annotators rarely put at the edge of a span.
fn odd_edge(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(
            c,
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '？'
                | '！'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '（'
                | '）'
                | '《'
                | '》'
                | '【'
                | '】'
                | '…'
                | '—'
                | '·'
        )
}

pub struct Placed {
    /// (index of the span in the raw document, where it goes, its label)
    pub spans: Vec<(usize, CharRange, String)>,
    pub moved: usize,
    pub problems: Vec<String>,
    pub unit_note: Option<String>,
}

struct Text {
    chars: Vec<char>,
    /// UTF-16 offset of each code point, plus the total at the end.
    utf16_at: Vec<usize>,
}

impl Text {
    fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let mut utf16_at = Vec::with_capacity(chars.len() + 1);
        let mut units = 0;
        for c in &chars {
            utf16_at.push(units);
            units += c.len_utf16();
        }
        utf16_at.push(units);
        Text { chars, utf16_at }
    }

    fn slice(&self, range: CharRange) -> String {
        self.chars[range.start..range.end].iter().collect()
    }

    /// The code point range of UTF-16 offsets, if both fall on character boundaries.
    fn range_of_utf16(&self, start: usize, end: usize) -> Option<CharRange> {
        let s = self.utf16_at.binary_search(&start).ok()?;
        let e = self.utf16_at.binary_search(&end).ok()?;
        Some(CharRange { start: s, end: e })
    }

    fn in_range(&self, start: usize, end: usize) -> Option<CharRange> {
        (start < end && end <= self.chars.len()).then_some(CharRange { start, end })
    }

    /// The occurrence of `needle` whose start is nearest to `near`.
    fn nearest(&self, needle: &str, near: usize) -> Option<CharRange> {
        let needle: Vec<char> = needle.chars().collect();
        if needle.is_empty() || needle.len() > self.chars.len() {
            return None;
        }
        (0..=self.chars.len() - needle.len())
            .filter(|&i| self.chars[i..i + needle.len()] == needle[..])
            .min_by_key(|&i| i.abs_diff(near))
            .map(|i| CharRange { start: i, end: i + needle.len() })
    }

    /// How badly `unit` reads the spans: unplaceable spans count most, spans with whitespace
    /// or punctuation at an edge (the sign of offsets shifted by a character) count one.
    fn misfit(&self, spans: &[&RawSpan], unit: OffsetUnit) -> usize {
        spans
            .iter()
            .map(|s| match self.read(s, unit) {
                None => 100,
                Some(r) => usize::from(odd_edge(self.chars[r.start]) || odd_edge(self.chars[r.end - 1])),
            })
            .sum()
    }

    fn read(&self, span: &RawSpan, unit: OffsetUnit) -> Option<CharRange> {
        match unit {
            OffsetUnit::CodePoint => self.in_range(span.start, span.end),
            OffsetUnit::Utf16 => self.range_of_utf16(span.start, span.end).filter(|r| r.start < r.end),
        }
    }
}

/// The unit to read spans without text in, and a note when it is not code points.
fn decide_unit(text: &Text, raw: &RawDoc) -> (OffsetUnit, Option<String>) {
    if let Some(unit) = raw.unit {
        return (
            unit,
            (unit == OffsetUnit::Utf16)
                .then(|| "the file declares UTF-16 offsets; they were converted to code points".into()),
        );
    }
    let bare: Vec<&RawSpan> = raw.spans.iter().filter(|s| s.text.is_none()).collect();
    let has_astral = text.chars.iter().any(|c| c.len_utf16() == 2);
    if bare.is_empty() || !has_astral {
        return (OffsetUnit::CodePoint, None);
    }
    let as_cp = text.misfit(&bare, OffsetUnit::CodePoint);
    let as_utf16 = text.misfit(&bare, OffsetUnit::Utf16);
    if as_utf16 < as_cp {
        (
            OffsetUnit::Utf16,
            Some("the offsets fit the text as UTF-16 units, not as code points; they were converted".into()),
        )
    } else {
        (OffsetUnit::CodePoint, None)
    }
}

pub fn place_spans(raw: &RawDoc) -> Placed {
    let text = Text::new(&raw.text);
    let (unit, unit_note) = decide_unit(&text, raw);
    let mut placed = Placed { spans: Vec::new(), moved: 0, problems: Vec::new(), unit_note };
    let mut moved_utf16 = 0;
    for (index, span) in raw.spans.iter().enumerate() {
        let at = format!("{} span at {}–{}", span.label, span.start, span.end);
        match &span.text {
            Some(expected) => {
                let as_cp = text.in_range(span.start, span.end).filter(|r| &text.slice(*r) == expected);
                let as_utf16 = || {
                    text.range_of_utf16(span.start, span.end)
                        .filter(|r| r.start < r.end && &text.slice(*r) == expected)
                };
                if let Some(range) = as_cp {
                    placed.spans.push((index, range, span.label.clone()));
                } else if let Some(range) = as_utf16() {
                    placed.spans.push((index, range, span.label.clone()));
                    placed.moved += 1;
                    moved_utf16 += 1;
                } else if let Some(range) = text.nearest(expected, span.start) {
                    placed.spans.push((index, range, span.label.clone()));
                    placed.moved += 1;
                } else {
                    let found =
                        text.in_range(span.start, span.end).map(|r| text.slice(r)).unwrap_or_default();
                    placed.problems.push(format!(
                        "{at} says «{expected}», which is not in the text (the offsets give «{found}»)"
                    ));
                }
            }
            None => match text.read(span, unit) {
                Some(range) => {
                    if unit == OffsetUnit::Utf16 && range != CharRange::new(span.start, span.end) {
                        placed.moved += 1;
                    }
                    placed.spans.push((index, range, span.label.clone()));
                }
                None => placed.problems.push(match unit {
                    OffsetUnit::CodePoint => {
                        format!("{at} does not fit the text, which has {} characters", text.chars.len())
                    }
                    OffsetUnit::Utf16 => format!(
                        "{at} (UTF-16) does not fall on whole characters of the text (near «{}»)",
                        text.slice(CharRange {
                            start: utf16_to_cp_clamped(&text, span.start),
                            end: utf16_to_cp_clamped(&text, span.end),
                        })
                    ),
                }),
            },
        }
    }
    if moved_utf16 > 0 && placed.unit_note.is_none() {
        placed.unit_note =
            Some(format!("{moved_utf16} span(s) had UTF-16 offsets; they were converted to code points"));
    }
    placed
}

fn utf16_to_cp_clamped(text: &Text, unit: usize) -> usize {
    let s: String = text.chars.iter().collect();
    utf16_to_cp(&s, unit, Snap::Back)
}
