//! The text view's caret and keyboard selection, in code points: ← and → move it one code
//! point (never into a surrogate pair: offsets are code points; from a paragraph's edge to the
//! next paragraph's), Home and End to the ends of
//! its paragraph, ↑ and ↓ to the same column of the paragraph before or after; with Shift each
//! motion extends the selection from where it started. Pure: the view draws it.

use super::document::Document;
use super::offsets::CharRange;

/// Where the caret is (`focus`) and where the selection it extends started (`anchor`); the
/// selection is the code points between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Caret {
    pub anchor: usize,
    pub focus: usize,
}

impl Caret {
    pub fn at(offset: usize) -> Caret {
        Caret { anchor: offset, focus: offset }
    }

    /// The selection it spans (empty when collapsed).
    pub fn range(self) -> CharRange {
        CharRange { start: self.anchor.min(self.focus), end: self.anchor.max(self.focus) }
    }

    pub fn is_collapsed(self) -> bool {
        self.anchor == self.focus
    }
}

/// A caret motion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    Left,
    Right,
    /// The start of the paragraph (Home).
    LineStart,
    /// The end of the paragraph (End).
    LineEnd,
    /// The same column of the paragraph before (↑).
    Up,
    /// The same column of the paragraph after (↓).
    Down,
}

impl Motion {
    /// The motion a key (`KeyboardEvent.key`) makes.
    pub fn from_key(key: &str) -> Option<Motion> {
        Some(match key {
            "ArrowLeft" => Motion::Left,
            "ArrowRight" => Motion::Right,
            "Home" => Motion::LineStart,
            "End" => Motion::LineEnd,
            "ArrowUp" => Motion::Up,
            "ArrowDown" => Motion::Down,
            _ => return None,
        })
    }
}

/// The paragraph holding offset `at` (the one it ends, at a paragraph's end), by index.
fn paragraph_at(paragraphs: &[CharRange], at: usize) -> Option<usize> {
    if paragraphs.is_empty() {
        return None;
    }
    let i = paragraphs.partition_point(|p| p.end < at);
    Some(i.min(paragraphs.len() - 1))
}

/// Where `motion` takes a caret at `at` in `doc`.
pub fn moved(doc: &Document, at: usize, motion: Motion) -> usize {
    let len = doc.char_len();
    let at = at.min(len);
    let paragraphs = doc.paragraphs();
    let here = paragraph_at(paragraphs, at);
    match motion {
        // Line breaks are not drawn: from a paragraph's edge the caret goes to the next one's.
        Motion::Left => match here {
            Some(i) if at <= paragraphs[i].start => i.checked_sub(1).map_or(at, |p| paragraphs[p].end),
            _ => at.saturating_sub(1),
        },
        Motion::Right => match here {
            Some(i) if at >= paragraphs[i].end => paragraphs.get(i + 1).map_or(at, |p| p.start),
            _ => (at + 1).min(len),
        },
        Motion::LineStart => here.map_or(0, |i| paragraphs[i].start.min(at)),
        Motion::LineEnd => here.map_or(len, |i| paragraphs[i].end.max(at)),
        Motion::Up | Motion::Down => {
            let Some(i) = here else { return at };
            let column = at.saturating_sub(paragraphs[i].start);
            let target = if motion == Motion::Up { i.checked_sub(1) } else { Some(i + 1) };
            match target.and_then(|t| paragraphs.get(t)) {
                Some(p) => (p.start + column).min(p.end),
                None if motion == Motion::Up => paragraphs[i].start,
                None => paragraphs[i].end,
            }
        }
    }
}
