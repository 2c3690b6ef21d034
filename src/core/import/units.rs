//! The ways files count offsets, and one document's text indexed in each of them, so that an
//! offset in any unit converts to a code point in O(log n). Each index is built on first use:
//! a CoNLL import (code points, no span texts) builds none.

use crate::core::offsets::CharRange;
use std::cell::OnceCell;

/// How a file counts its offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum OffsetUnit {
    /// Unicode scalar values: Python's `str` indices, and this app's own unit.
    CodePoint,
    /// UTF-16 code units: JavaScript string indices.
    Utf16,
    /// UTF-8 bytes: Rust and Go string indices, and byte-oriented tools.
    Utf8,
    /// Extended grapheme clusters: what a person counts as one character (👩‍💻, `\r\n`).
    Grapheme,
}

impl OffsetUnit {
    /// In the order readings are preferred when they agree.
    pub const ALL: [OffsetUnit; 4] =
        [OffsetUnit::CodePoint, OffsetUnit::Utf16, OffsetUnit::Utf8, OffsetUnit::Grapheme];

    /// The name used in files (`offset_unit`) and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            OffsetUnit::CodePoint => "codepoint",
            OffsetUnit::Utf16 => "utf16",
            OffsetUnit::Utf8 => "utf8",
            OffsetUnit::Grapheme => "grapheme",
        }
    }

    /// Reads a declared `offset_unit`, in the spellings tools use.
    pub fn from_key(key: &str) -> Option<OffsetUnit> {
        match key.to_ascii_lowercase().replace(['-', '_', ' '], "").as_str() {
            "codepoint" | "codepoints" | "char" | "chars" | "character" | "unicode" => {
                Some(OffsetUnit::CodePoint)
            }
            "utf16" | "utf16codeunit" | "utf16codeunits" | "codeunit" | "codeunits" => {
                Some(OffsetUnit::Utf16)
            }
            "utf8" | "byte" | "bytes" | "utf8byte" | "utf8bytes" => Some(OffsetUnit::Utf8),
            "grapheme" | "graphemes" | "graphemecluster" | "graphemeclusters" => Some(OffsetUnit::Grapheme),
            _ => None,
        }
    }

    /// For messages: "UTF-16 code units".
    pub fn title(self) -> &'static str {
        match self {
            OffsetUnit::CodePoint => "code points",
            OffsetUnit::Utf16 => "UTF-16 code units",
            OffsetUnit::Utf8 => "UTF-8 bytes",
            OffsetUnit::Grapheme => "grapheme clusters",
        }
    }
}

/// One document's text with lazily built offset indexes.
pub struct IndexedText<'a> {
    text: &'a str,
    /// Byte offset of each code point, plus the length at the end.
    byte_at: OnceCell<Vec<usize>>,
    /// UTF-16 offset of each code point, plus the total at the end.
    utf16_at: OnceCell<Vec<usize>>,
    /// Code point offset of each grapheme cluster, plus the total at the end.
    grapheme_at: OnceCell<Vec<usize>>,
}

impl<'a> IndexedText<'a> {
    pub fn new(text: &'a str) -> Self {
        IndexedText {
            text,
            byte_at: OnceCell::new(),
            utf16_at: OnceCell::new(),
            grapheme_at: OnceCell::new(),
        }
    }

    fn bytes_index(&self) -> &[usize] {
        self.byte_at.get_or_init(|| {
            let mut at: Vec<usize> = self.text.char_indices().map(|(b, _)| b).collect();
            at.push(self.text.len());
            at
        })
    }

    fn utf16_index(&self) -> &[usize] {
        self.utf16_at.get_or_init(|| {
            let mut at = Vec::with_capacity(self.text.len() / 2 + 1);
            let mut units = 0;
            for c in self.text.chars() {
                at.push(units);
                units += c.len_utf16();
            }
            at.push(units);
            at
        })
    }

    fn grapheme_index(&self) -> &[usize] {
        self.grapheme_at.get_or_init(|| crate::core::graphemes::cluster_starts(self.text))
    }

    /// Length in code points.
    pub fn char_len(&self) -> usize {
        self.bytes_index().len() - 1
    }

    /// The code point at `offset` (counted in `unit`), if it is a boundary in that unit.
    pub fn to_cp(&self, unit: OffsetUnit, offset: usize) -> Option<usize> {
        match unit {
            OffsetUnit::CodePoint => (offset <= self.char_len()).then_some(offset),
            OffsetUnit::Utf16 => self.utf16_index().binary_search(&offset).ok(),
            OffsetUnit::Utf8 => self.bytes_index().binary_search(&offset).ok(),
            OffsetUnit::Grapheme => self.grapheme_index().get(offset).copied(),
        }
    }

    /// The code point at or before `offset` (counted in `unit`), clamped to the text.
    pub fn to_cp_floor(&self, unit: OffsetUnit, offset: usize) -> usize {
        let floor = |index: &[usize]| index.partition_point(|&o| o <= offset).saturating_sub(1);
        match unit {
            OffsetUnit::CodePoint => offset.min(self.char_len()),
            OffsetUnit::Utf16 => floor(self.utf16_index()),
            OffsetUnit::Utf8 => floor(self.bytes_index()),
            OffsetUnit::Grapheme => {
                let index = self.grapheme_index();
                index[offset.min(index.len() - 1)]
            }
        }
    }

    /// `start..end` in `unit` as a non-empty code point range, if both ends are boundaries.
    pub fn read(&self, unit: OffsetUnit, start: usize, end: usize) -> Option<CharRange> {
        if start >= end {
            return None;
        }
        let range = CharRange::new(self.to_cp(unit, start)?, self.to_cp(unit, end)?);
        (range.start < range.end).then_some(range)
    }

    /// The text of a code point range (which must lie inside the text).
    pub fn slice(&self, range: CharRange) -> &'a str {
        let at = self.bytes_index();
        &self.text[at[range.start]..at[range.end]]
    }

    /// The code point at `index`.
    pub fn char_at(&self, index: usize) -> Option<char> {
        let at = self.bytes_index();
        self.text.get(*at.get(index)?..)?.chars().next()
    }

    /// The occurrence of `needle` whose start is nearest to code point `near`: one linear scan
    /// (std's two-way substring search) that stops at the first occurrence past `near`.
    pub fn nearest(&self, needle: &str, near: usize) -> Option<CharRange> {
        if needle.is_empty() {
            return None;
        }
        let at = self.bytes_index();
        let length = needle.chars().count();
        let mut best: Option<usize> = None;
        for (byte, _) in self.text.match_indices(needle) {
            let Ok(cp) = at.binary_search(&byte) else { continue };
            if best.is_none_or(|b| cp.abs_diff(near) < b.abs_diff(near)) {
                best = Some(cp);
            }
            if cp >= near {
                break;
            }
        }
        best.map(|start| CharRange::new(start, start + length))
    }
}
