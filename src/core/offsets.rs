//! Offsets into document text.
//!
//! Every offset the app stores or exports is a Unicode code point index (a Rust `char` index),
//! half-open `[start, end)`: that is what Python's `text[start:end]` uses. The browser speaks
//! UTF-16 code units and Rust strings are indexed by UTF-8 bytes, so conversions happen exactly
//! once at each border, with the functions here.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A half-open range of code points `[start, end)` in one document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub struct CharRange {
    pub start: usize,
    pub end: usize,
}

impl CharRange {
    /// A range from `start` to `end`; the two are swapped if given backwards (a selection made
    /// from right to left).
    pub fn new(start: usize, end: usize) -> Self {
        if start <= end {
            CharRange { start, end }
        } else {
            CharRange { start: end, end: start }
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two ranges share at least one character.
    pub fn overlaps(&self, other: &CharRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies wholly inside `self`.
    pub fn contains(&self, other: &CharRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The part of `self` inside `other`, if any character is shared.
    pub fn intersect(&self, other: &CharRange) -> Option<CharRange> {
        let start = self.start.max(other.start);
        let end = self.end.min(other.end);
        (start < end).then_some(CharRange { start, end })
    }
}

impl fmt::Display for CharRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}–{}", self.start, self.end)
    }
}

/// Which way to move an offset that falls inside a character (the middle of a surrogate pair
/// or of a UTF-8 sequence).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Snap {
    /// To the start of that character: used for the start of a selection.
    Back,
    /// Past that character: used for the end of a selection.
    Forward,
}

/// Number of code points in `text`.
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// Number of UTF-16 code units in `text` (JavaScript's `String.length`).
pub fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// The UTF-16 offset of code point `cp` in `text`; offsets past the end clamp to the end.
pub fn cp_to_utf16(text: &str, cp: usize) -> usize {
    text.chars().take(cp).map(char::len_utf16).sum()
}

/// The UTF-16 offset of every code point of `text`, and of its end: `table[cp]`.
pub fn utf16_offsets(text: &str) -> Vec<usize> {
    let mut table = Vec::with_capacity(text.len() + 1);
    let mut units = 0;
    for c in text.chars() {
        table.push(units);
        units += c.len_utf16();
    }
    table.push(units);
    table
}

/// The code point offset of UTF-16 offset `unit` in `text`. An offset inside a surrogate pair
/// snaps as `snap` says, so a range never holds half a character. Offsets past the end clamp.
pub fn utf16_to_cp(text: &str, unit: usize, snap: Snap) -> usize {
    let mut units = 0;
    for (cp, ch) in text.chars().enumerate() {
        if units >= unit {
            return cp;
        }
        let next = units + ch.len_utf16();
        if next > unit {
            // `unit` points between the two halves of this character's surrogate pair.
            return match snap {
                Snap::Back => cp,
                Snap::Forward => cp + 1,
            };
        }
        units = next;
    }
    char_len(text)
}

/// The UTF-8 byte offset of code point `cp` in `text`; offsets past the end clamp to the end.
pub fn cp_to_byte(text: &str, cp: usize) -> usize {
    text.char_indices().nth(cp).map_or(text.len(), |(byte, _)| byte)
}

/// The code point offset of UTF-8 byte offset `byte`, snapping inside a character as `snap` says.
pub fn byte_to_cp(text: &str, byte: usize) -> usize {
    byte_to_cp_snapped(text, byte, Snap::Back)
}

/// Like [`byte_to_cp`] with an explicit snap direction.
pub fn byte_to_cp_snapped(text: &str, byte: usize, snap: Snap) -> usize {
    let mut cp = 0;
    for (start, ch) in text.char_indices() {
        if start >= byte {
            return cp;
        }
        if start + ch.len_utf8() > byte {
            return match snap {
                Snap::Back => cp,
                Snap::Forward => cp + 1,
            };
        }
        cp += 1;
    }
    cp
}

/// Fast code point → byte lookup for one text, so that slicing spans out of a long document
/// does not rescan it from the start. It keeps the byte offset of every `STRIDE`-th character,
/// which costs a few bytes per hundred characters instead of a full table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CharIndex {
    checkpoints: Vec<usize>,
    char_count: usize,
}

impl CharIndex {
    const STRIDE: usize = 64;

    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / Self::STRIDE + 1);
        let mut char_count = 0;
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % Self::STRIDE == 0 {
                checkpoints.push(byte);
            }
            char_count = i + 1;
        }
        CharIndex { checkpoints, char_count }
    }

    /// Number of code points in the indexed text.
    pub fn char_count(&self) -> usize {
        self.char_count
    }

    /// Byte offset of code point `cp`; `cp == char_count` gives the text's byte length.
    ///
    /// # Panics
    /// If `cp` is past the end of the text.
    pub fn byte_of(&self, text: &str, cp: usize) -> usize {
        assert!(cp <= self.char_count, "code point {cp} is past the end ({})", self.char_count);
        if cp == self.char_count {
            return text.len();
        }
        let base = self.checkpoints[cp / Self::STRIDE];
        let skip = cp % Self::STRIDE;
        base + text[base..].char_indices().nth(skip).map_or(0, |(b, _)| b)
    }

    /// The text of `range`, which must lie within the text.
    pub fn slice<'a>(&self, text: &'a str, range: CharRange) -> &'a str {
        &text[self.byte_of(text, range.start)..self.byte_of(text, range.end)]
    }
}

/// At most a short piece of a span's text, for one-line messages: the start … the end.
pub fn excerpt(text: &str) -> String {
    const EDGE: usize = 12;
    let count = text.chars().count();
    let flat = |s: &str| s.replace(['\r', '\n'], "⏎");
    if count <= 2 * EDGE + 1 {
        return flat(text);
    }
    let head: String = text.chars().take(EDGE).collect();
    let tail: String = text.chars().skip(count - EDGE).collect();
    format!("{} … {}", flat(&head), flat(&tail))
}
