//! What the text view draws, computed without the browser: paragraphs, and inside each the
//! spans as a tree of nested pieces so that a directive and the entities inside it both show.

use super::document::{Document, Span, SpanId};
use super::offsets::CharRange;
use super::schema::Schema;
use super::suggestion::Suggestion;
use crate::core::compact_sort;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Lines longer than this many code points are drawn in blocks of at most this length, so that
/// a corpus file holding one enormous line (a CoNLL sentence of a million characters) is still
/// windowed: the view puts only the blocks near the viewport in the DOM.
pub const MAX_BLOCK: usize = 1000;

/// Where a long line prefers to be cut: after the end of a sentence or clause.
fn good_cut(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '.' | ' ' | '\u{3000}' | '，' | ',')
}

/// The blocks the view draws: the lines of `text` as code point ranges, without their line
/// breaks (`\n`, `\r\n` or `\r`), each line longer than [`MAX_BLOCK`] cut into blocks (after
/// a sentence or clause end in its last fifth where there is one). Empty lines are left out:
/// the view separates paragraphs by spacing.
pub fn paragraphs(text: &str) -> Vec<CharRange> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut push_line = |start: usize, end: usize| {
        let mut start = start;
        while end - start > MAX_BLOCK {
            let hard = start + MAX_BLOCK;
            let soft = (hard - MAX_BLOCK / 5..hard).rev().find(|&i| good_cut(chars[i - 1])).unwrap_or(hard);
            out.push(CharRange { start, end: soft });
            start = soft;
        }
        if end > start {
            out.push(CharRange { start, end });
        }
    };
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        if ch == '\n' || ch == '\r' {
            push_line(start, i);
            i += if ch == '\r' && chars.get(i + 1) == Some(&'\n') { 2 } else { 1 };
            start = i;
        } else {
            i += 1;
        }
    }
    push_line(start, chars.len());
    out
}

/// Shrinks a selection so it neither starts nor ends with whitespace (including the ideographic
/// space U+3000). Returns an empty range if only whitespace was selected.
pub fn trim_selection(doc: &Document, range: CharRange) -> CharRange {
    let range = CharRange::new(range.start.min(doc.char_len()), range.end.min(doc.char_len()));
    let text = doc.slice(range);
    let leading = text.chars().take_while(|c| c.is_whitespace()).count();
    if leading == range.len() {
        return CharRange { start: range.start, end: range.start };
    }
    let trailing = text.chars().rev().take_while(|c| c.is_whitespace()).count();
    CharRange { start: range.start + leading, end: range.end - trailing }
}

/// One node of a paragraph's drawing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Text(CharRange),
    Span {
        id: SpanId,
        label: String,
        /// The part of the span this element draws: the whole span, unless the span had to be
        /// cut (it crosses a paragraph break or half-overlaps a span of another layer).
        piece: CharRange,
        /// True for the piece that starts where the span starts.
        first: bool,
        children: Vec<Node>,
    },
    /// A suggestion, drawn inside the spans (its index is in `Document::suggestions`).
    Suggestion {
        index: usize,
        piece: CharRange,
        first: bool,
        children: Vec<Node>,
    },
}

/// What an element of the drawing stands for: a span or a suggestion.
#[derive(Clone, Copy)]
enum Item<'a> {
    Span(&'a Span),
    Suggestion(usize, &'a Suggestion),
}

impl Item<'_> {
    fn range(&self) -> CharRange {
        match self {
            Item::Span(span) => span.range,
            Item::Suggestion(_, suggestion) => suggestion.range(),
        }
    }
}

#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Pending {
    // Ordering: earlier start first, then longer piece (outer), then outer layer.
    start: Reverse<usize>,
    end: usize,
    rank: Reverse<usize>,
    /// Where the item is in `items` (it decides between equal pieces of one layer: spans by
    /// id, then suggestions in their order).
    index: Reverse<usize>,
}

/// The nested drawing of `paragraph`, given the document's spans and suggestions and the
/// schema (whose layer order decides which span goes outside when two cover the same
/// characters; suggestions go inside every span).
pub fn layout_paragraph(doc: &Document, schema: &Schema, paragraph: CharRange) -> Vec<Node> {
    let mut spans: Vec<&Span> = doc.spans_overlapping(paragraph).collect();
    compact_sort::sort_by_key(&mut spans, |s| s.id);
    let suggestions = doc.suggestions();
    let items: Vec<Item> = spans
        .into_iter()
        .map(Item::Span)
        .chain(suggestions.overlapping(paragraph).map(|i| Item::Suggestion(i, &suggestions.as_slice()[i])))
        .collect();
    let rank = |item: &Item| match item {
        Item::Span(span) => {
            schema.layer_of(&span.label).map_or(usize::MAX - 1, |l| schema.layer_rank(&l.name))
        }
        Item::Suggestion(..) => usize::MAX,
    };
    let pending = |index: usize, piece: CharRange| Pending {
        start: Reverse(piece.start),
        end: piece.end,
        rank: Reverse(rank(&items[index])),
        index: Reverse(index),
    };
    let mut queue: BinaryHeap<Pending> = (0..items.len())
        .map(|index| pending(index, items[index].range().intersect(&paragraph).expect("items overlap")))
        .collect();

    // Open elements, outermost first: (index in `items`, piece start, piece end, children so far).
    let mut stack: Vec<Open> = Vec::new();
    let mut top_level: Vec<Node> = Vec::new();
    let mut cursor = paragraph.start;

    while let Some(Pending { start: Reverse(start), end, index: Reverse(index), .. }) = queue.pop() {
        // Close every open element that ends before this piece starts.
        while stack.last().is_some_and(|(_, _, e, _)| *e <= start) {
            close_top(&mut stack, &mut top_level, &mut cursor, &items);
        }
        let end = match stack.last() {
            Some((_, _, parent_end, _)) if end > *parent_end => {
                // Half inside the open element: draw the inside part now, the rest after it.
                queue.push(pending(index, CharRange { start: *parent_end, end }));
                *parent_end
            }
            _ => end,
        };
        push_text(&mut stack, &mut top_level, &mut cursor, start);
        stack.push((index, start, end, Vec::new()));
    }
    while !stack.is_empty() {
        close_top(&mut stack, &mut top_level, &mut cursor, &items);
    }
    if cursor < paragraph.end {
        top_level.push(Node::Text(CharRange { start: cursor, end: paragraph.end }));
    }
    top_level
}

/// An element being drawn: its item's index, its piece's start and end, its children so far.
type Open = (usize, usize, usize, Vec<Node>);

fn children_of<'a>(stack: &'a mut [Open], top_level: &'a mut Vec<Node>) -> &'a mut Vec<Node> {
    match stack.last_mut() {
        Some((_, _, _, children)) => children,
        None => top_level,
    }
}

/// Adds the unlabelled text from the cursor up to `to` to the innermost open element.
fn push_text(stack: &mut [Open], top_level: &mut Vec<Node>, cursor: &mut usize, to: usize) {
    if *cursor < to {
        children_of(stack, top_level).push(Node::Text(CharRange { start: *cursor, end: to }));
        *cursor = to;
    }
}

fn close_top(stack: &mut Vec<Open>, top_level: &mut Vec<Node>, cursor: &mut usize, items: &[Item]) {
    let end = stack.last().expect("called with an open element").2;
    push_text(stack, top_level, cursor, end);
    let (index, start, end, children) = stack.pop().expect("checked above");
    let piece = CharRange { start, end };
    let node = match items[index] {
        Item::Span(span) => Node::Span {
            id: span.id,
            label: span.label.to_string(),
            piece,
            first: start == span.range.start,
            children,
        },
        Item::Suggestion(index, suggestion) => {
            Node::Suggestion { index, piece, first: start == suggestion.start, children }
        }
    };
    children_of(stack, top_level).push(node);
}
