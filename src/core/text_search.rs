//! Search in the text: plain text or a regular expression, in the open document or in every
//! document, with the hits in code points and one of them current (Enter / Shift+Enter move).
//!
//! Plain search is done here. Regular expressions are run by the browser's `RegExp` (no regex
//! engine in the bundle; see `ui::browser::regex_matches`), which counts in UTF-16 units; they
//! come back here to be turned into code points.

use super::document::{DocId, Document};
use super::offsets::CharRange;
use super::project::Project;

/// Hits kept at most: a pattern like `.` over a corpus would find millions.
pub const MAX_HITS: usize = 100_000;

/// Where a search looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SearchScope {
    #[default]
    Document,
    Corpus,
}

impl SearchScope {
    pub const ALL: [SearchScope; 2] = [SearchScope::Document, SearchScope::Corpus];

    pub fn key(self) -> &'static str {
        match self {
            SearchScope::Document => "document",
            SearchScope::Corpus => "corpus",
        }
    }

    pub fn from_key(key: &str) -> Option<SearchScope> {
        SearchScope::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// What the user searches for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchQuery {
    pub text: String,
    /// `text` is a regular expression (JavaScript syntax, with the `u` flag).
    pub regex: bool,
    pub scope: SearchScope,
}

/// One place found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit {
    pub doc: DocId,
    pub range: CharRange,
}

/// A search done: its hits in document order and the one moved to last.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    pub query: SearchQuery,
    pub hits: Vec<SearchHit>,
    pub current: Option<usize>,
    /// Why the query found nothing: an invalid pattern, documents still being read.
    pub problem: Option<String>,
}

impl Search {
    /// The search of `query`, with hits found by `find` in each document of its scope (the
    /// open document `open`, or all of them, in list order). The first hit in the open document
    /// is current; with none there, none is (Enter then goes to the first hit of all).
    ///
    /// # Errors
    /// What `find` refuses (an invalid pattern), as a search with no hits and that problem.
    pub fn run(
        project: &Project,
        open: Option<&DocId>,
        query: SearchQuery,
        mut find: impl FnMut(&str) -> Result<Vec<CharRange>, String>,
    ) -> Search {
        let mut search = Search { query, ..Search::default() };
        if search.query.text.is_empty() {
            return search;
        }
        // The documents themselves, in list order: a lookup by id for each of a corpus's
        // documents would cost more than searching most of them.
        let docs: Vec<&Document> = match search.query.scope {
            SearchScope::Document => open.and_then(|id| project.document(id)).into_iter().collect(),
            SearchScope::Corpus => project.documents().iter().map(|d| &**d).collect(),
        };
        let mut unread = 0;
        for doc in docs {
            let id = &doc.id;
            if !doc.is_loaded() {
                unread += 1;
                continue;
            }
            match find(doc.text()) {
                Ok(ranges) => {
                    search.hits.extend(ranges.into_iter().map(|range| SearchHit { doc: id.clone(), range }));
                    if search.hits.len() >= MAX_HITS {
                        search.hits.truncate(MAX_HITS);
                        search.problem = Some(format!("showing the first {MAX_HITS} hits"));
                        break;
                    }
                }
                Err(problem) => {
                    search.hits.clear();
                    search.problem = Some(problem);
                    return search;
                }
            }
        }
        if unread > 0 && search.problem.is_none() {
            search.problem = Some(format!("{unread} documents are still being read from browser storage"));
        }
        search.current = search.hits.iter().position(|hit| Some(&hit.doc) == open);
        search
    }

    pub fn current_hit(&self) -> Option<&SearchHit> {
        self.current.and_then(|at| self.hits.get(at))
    }

    /// Moves to the next (or previous) hit, wrapping around at either end.
    pub fn step(&mut self, forward: bool) {
        let count = self.hits.len();
        if count == 0 {
            return;
        }
        self.current = Some(match (self.current, forward) {
            (None, true) => 0,
            (None, false) => count - 1,
            (Some(at), true) => (at + 1) % count,
            (Some(at), false) => (at + count - 1) % count,
        });
    }

    /// The hits in document `doc`, in order.
    pub fn hits_in<'a>(&'a self, doc: &'a DocId) -> impl Iterator<Item = &'a SearchHit> + 'a {
        self.hits.iter().filter(move |hit| &hit.doc == doc)
    }
}

/// Where `needle` occurs in `text`, in code points, left to right and not overlapping.
pub fn occurrences(text: &str, needle: &str) -> Vec<CharRange> {
    let length = needle.chars().count();
    if length == 0 {
        return Vec::new();
    }
    // One walk over the text: code points are counted from the previous match on.
    let (mut byte, mut cp) = (0, 0);
    text.match_indices(needle)
        .map(|(at, _)| {
            cp += text[byte..at].chars().count();
            byte = at;
            CharRange::new(cp, cp + length)
        })
        .collect()
}

/// UTF-16 ranges of `text` (ascending and not overlapping, as a global `RegExp` finds them) as
/// code point ranges, in one walk. Empty ranges are dropped (a pattern that can match nothing
/// would otherwise "find" every position), and so is anything past the text's end; a boundary
/// inside a surrogate pair moves out to the whole character.
pub fn utf16_to_code_points(text: &str, ranges: &[(usize, usize)]) -> Vec<CharRange> {
    let mut out = Vec::with_capacity(ranges.len());
    let mut chars = text.chars().peekable();
    // The code point at UTF-16 unit `unit`; both only move forward.
    let (mut unit, mut cp) = (0usize, 0usize);
    let mut to = |target: usize, round_up: bool| -> Option<usize> {
        while unit < target {
            let width = chars.peek()?.len_utf16();
            if unit + width > target && !round_up {
                // `target` is inside this character: rounding down keeps it out.
                return Some(cp);
            }
            chars.next();
            unit += width;
            cp += 1;
        }
        Some(cp)
    };
    for &(start, end) in ranges {
        if start >= end {
            continue;
        }
        let (Some(from), Some(until)) = (to(start, false), to(end, true)) else { break };
        if from < until {
            out.push(CharRange::new(from, until));
        }
    }
    out
}
