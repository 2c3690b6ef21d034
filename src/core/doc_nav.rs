//! Finding your way in a corpus: which documents the list shows (search, status filter,
//! sorting) and which one the navigation keys open next.

use super::document::{DocId, DocStatus, Document};
use super::project::Project;
use crate::core::compact_sort;

/// How the document list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DocSort {
    /// The project's own order (as imported or added).
    #[default]
    ListOrder,
    Name,
    /// Fewest spans first: what still needs work.
    FewestSpans,
    /// To do, then in progress, then done.
    Status,
}

impl DocSort {
    pub const ALL: [DocSort; 4] = [DocSort::ListOrder, DocSort::Name, DocSort::FewestSpans, DocSort::Status];

    pub fn key(self) -> &'static str {
        match self {
            DocSort::ListOrder => "order",
            DocSort::Name => "name",
            DocSort::FewestSpans => "spans",
            DocSort::Status => "status",
        }
    }

    pub fn from_key(key: &str) -> Option<DocSort> {
        DocSort::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// What the document list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocQuery {
    /// Words to find in a document's name or text (all of them, case-insensitive for letters
    /// that have case); empty finds every document.
    pub search: String,
    pub status: Option<DocStatus>,
    pub sort: DocSort,
}

impl DocQuery {
    fn words(&self) -> Vec<String> {
        self.search.split_whitespace().map(str::to_lowercase).collect()
    }

    fn matches(&self, doc: &Document, words: &[String]) -> bool {
        if self.status.is_some_and(|status| status != doc.status) {
            return false;
        }
        words.iter().all(|word| contains_folded(&doc.name, word) || contains_folded(doc.text(), word))
    }
}

/// True when `haystack` contains `word` (already lower-cased), ignoring case. Chinese text has no
/// case, so the common path is a plain substring search without copying the text.
fn contains_folded(haystack: &str, word: &str) -> bool {
    haystack.contains(word)
        || (haystack.chars().any(char::is_uppercase) && haystack.to_lowercase().contains(word))
}

/// The first 24 characters of `text`, runs of whitespace as one space: what names a document
/// without a name.
pub fn first_words(text: &str) -> String {
    let mut words = String::new();
    let mut count = 0;
    for word in text.split_whitespace() {
        for c in (!words.is_empty()).then_some(' ').into_iter().chain(word.chars()) {
            if count == 24 {
                return words;
            }
            words.push(c);
            count += 1;
        }
    }
    words
}

/// True when `query` shows the same list for both projects: the documents it reads (id, name,
/// status, text, whether read from storage, and span counts when sorted by them) agree. An
/// added span leaves the list as it was unless it is sorted by span count.
pub fn same_list(a: &Project, b: &Project, query: &DocQuery) -> bool {
    let by_spans = query.sort == DocSort::FewestSpans;
    a.documents_agree(b, |x, y| {
        x.id == y.id
            && x.name == y.name
            && x.status == y.status
            && x.is_loaded() == y.is_loaded()
            && x.shares_text(y)
            && (!by_spans || x.span_count() == y.span_count())
    })
}

/// The list positions of the documents `query` shows, in the order it asks for.
pub fn visible_documents(project: &Project, query: &DocQuery) -> Vec<usize> {
    let words = query.words();
    let docs = project.documents();
    let mut shown = Vec::with_capacity(docs.len());
    shown.extend((0..docs.len()).filter(|&i| query.matches(&docs[i], &words)));
    match query.sort {
        DocSort::ListOrder => {}
        DocSort::Name => compact_sort::sort_by(&mut shown, |&a, &b| docs[a].name.cmp(&docs[b].name)),
        DocSort::FewestSpans => compact_sort::sort_by_key(&mut shown, |&i| docs[i].span_count()),
        DocSort::Status => compact_sort::sort_by_key(&mut shown, |&i| {
            DocStatus::ALL.iter().position(|s| *s == docs[i].status)
        }),
    }
    shown
}

/// The document after (or before) `current` among `shown` (list positions); the first (or last)
/// when `current` is not among them. `None` at either end: the keys do not wrap around.
pub fn step(project: &Project, shown: &[usize], current: Option<&DocId>, forward: bool) -> Option<DocId> {
    let docs = project.documents();
    let here = current.and_then(|id| project.position(id)).and_then(|at| shown.iter().position(|&i| i == at));
    let next = match (here, forward) {
        (None, true) => shown.first().copied(),
        (None, false) => shown.last().copied(),
        (Some(k), true) => shown.get(k + 1).copied(),
        (Some(k), false) => k.checked_sub(1).map(|k| shown[k]),
    };
    next.map(|i| docs[i].id.clone())
}

/// The next document still to do after `current`, in `shown` order, wrapping around to the
/// start; `None` when every shown document is in progress or done.
pub fn next_to_do(project: &Project, shown: &[usize], current: Option<&DocId>) -> Option<DocId> {
    let docs = project.documents();
    let here = current.and_then(|id| project.position(id)).and_then(|at| shown.iter().position(|&i| i == at));
    let start = here.map_or(0, |k| k + 1);
    (0..shown.len())
        .map(|offset| shown[(start + offset) % shown.len()])
        .find(|&i| docs[i].status == DocStatus::Todo && Some(&docs[i].id) != current)
        .map(|i| docs[i].id.clone())
}

/// A short label for a document in the list: its name, or its first words when it has none.
pub fn list_label(doc: &Document) -> String {
    if !doc.name.trim().is_empty() {
        return doc.name.clone();
    }
    let first = match doc.stand_in_info() {
        Some(info) => info.head.clone(),
        None => first_words(doc.text()),
    };
    if first.is_empty() {
        doc.id.0.clone()
    } else {
        first
    }
}
