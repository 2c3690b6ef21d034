//! Documents and the spans annotated on them.

use super::offsets::{CharIndex, CharRange};
use super::suggestion::Suggestions;
use std::collections::HashMap;
use std::rc::Rc;

mod parts;

pub use parts::{Decided, DocField, DocId, DocStatus, Relation, RelationId, Span, SpanId};

/// A document: its text never changes once created, so span offsets stay valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub id: DocId,
    pub name: String,
    pub status: DocStatus,
    /// Who annotates the document, and a free note about it (both may be empty).
    pub annotator: String,
    pub note: String,
    /// The annotators whose work on this document was merged in (see `merge`), sorted: an
    /// annotator listed here with no spans found nothing, which agreement counts.
    pub annotated_by: Vec<String>,
    /// Places where the adjudicator decided a disagreement (see `adjudication`), kept so that
    /// one decided as "nothing" (no gold span there) is not offered again.
    pub decided: Vec<Decided>,
    /// The text and what is computed from it once (it never changes), shared by every copy of
    /// the document: an edit copies the annotations, never the text.
    body: Rc<Body>,
    /// Kept sorted by (start, end, id) so that lookups by position are binary searches.
    spans: Vec<Span>,
    /// Where each span is, by id: with the sort order, a lookup by id is a binary search
    /// instead of a scan (imports and undo look spans up by id for every span).
    ranges: HashMap<SpanId, CharRange>,
    /// `reach[i]` is the largest end among `spans[..=i]`: it never decreases, so the first span
    /// that can reach a position is a binary search away (see `spans_overlapping`).
    reach: Vec<usize>,
    relations: Vec<Relation>,
    /// Proposed spans, kept apart from the annotations (see `suggestion`).
    suggestions: Suggestions,
    /// Set while the text and annotations are still in storage: a corpus opens from its index
    /// (see `stored`), and the rest of each document is read when it is needed.
    stand_in: Option<Box<StandIn>>,
}

/// A document's text with its character index and lines (see `layout::paragraphs`).
#[derive(Debug, PartialEq, Eq)]
struct Body {
    text: String,
    index: CharIndex,
    paragraphs: Vec<CharRange>,
}

/// What the document list knows of a document not read from storage yet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StandIn {
    pub span_count: usize,
    /// The first words of the text, for a document without a name (see `doc_nav::list_label`).
    pub head: String,
}

impl Document {
    pub fn new(id: DocId, name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let index = CharIndex::new(&text);
        let paragraphs = super::layout::paragraphs(&text);
        let body = Rc::new(Body { text, index, paragraphs });
        Document {
            id,
            name: name.into(),
            status: DocStatus::Todo,
            annotator: String::new(),
            note: String::new(),
            annotated_by: Vec::new(),
            decided: Vec::new(),
            body,
            spans: Vec::new(),
            ranges: HashMap::new(),
            reach: Vec::new(),
            relations: Vec::new(),
            suggestions: Suggestions::default(),
            stand_in: None,
        }
    }

    /// A document known by its index entry only: no text and no spans until it is read from
    /// storage (see `Project::fill`). Edits to it are refused (`EditError::NotLoaded`).
    pub fn stand_in(id: DocId, name: String, status: DocStatus, info: StandIn) -> Self {
        let mut doc = Document::new(id, name, String::new()).with_status(status);
        doc.stand_in = Some(Box::new(info));
        doc
    }

    /// False for a stand-in (see [`Document::stand_in`]).
    pub fn is_loaded(&self) -> bool {
        self.stand_in.is_none()
    }

    /// The index entry of a stand-in.
    pub fn stand_in_info(&self) -> Option<&StandIn> {
        self.stand_in.as_deref()
    }

    /// How many spans the document has, also for a stand-in.
    pub fn span_count(&self) -> usize {
        self.stand_in.as_ref().map_or(self.spans.len(), |s| s.span_count)
    }

    /// The same document with `status`.
    pub fn with_status(mut self, status: DocStatus) -> Self {
        self.status = status;
        self
    }

    pub fn field(&self, field: DocField) -> &str {
        match field {
            DocField::Annotator => &self.annotator,
            DocField::Note => &self.note,
        }
    }

    pub(crate) fn field_mut(&mut self, field: DocField) -> &mut String {
        match field {
            DocField::Annotator => &mut self.annotator,
            DocField::Note => &mut self.note,
        }
    }

    /// The text's lines as code point ranges, without line breaks or empty lines.
    pub fn paragraphs(&self) -> &[CharRange] {
        &self.body.paragraphs
    }

    pub fn text(&self) -> &str {
        &self.body.text
    }

    /// True when both have the same text; a copy made by an edit shares it, so this is mostly
    /// a pointer comparison.
    pub fn shares_text(&self, other: &Document) -> bool {
        Rc::ptr_eq(&self.body, &other.body) || self.body.text == other.body.text
    }

    /// Length of the text in code points.
    pub fn char_len(&self) -> usize {
        self.body.index.char_count()
    }

    /// The text of `range`.
    ///
    /// # Panics
    /// If `range` ends past the text; check with [`Document::contains_range`] first.
    pub fn slice(&self, range: CharRange) -> &str {
        self.body.index.slice(&self.body.text, range)
    }

    pub fn contains_range(&self, range: CharRange) -> bool {
        range.start <= range.end && range.end <= self.char_len()
    }

    /// All spans, sorted by start, then end, then id.
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    pub fn span(&self, id: SpanId) -> Option<&Span> {
        self.position_of(id).map(|at| &self.spans[at])
    }

    /// The index of span `id` in `spans`.
    fn position_of(&self, id: SpanId) -> Option<usize> {
        let range = self.ranges.get(&id)?;
        let key = (range.start, range.end, id);
        let at = self.spans.partition_point(|s| (s.range.start, s.range.end, s.id) < key);
        (self.spans.get(at)?.id == id).then_some(at)
    }

    /// Spans that share at least one character with `range`, in position order.
    ///
    /// Spans starting at or after `range.end` cannot overlap, and neither can any span before
    /// the first whose running maximum end passes `range.start`; both bounds are binary
    /// searches, so a query costs O(log n) plus the spans in between (the overlapping ones, and
    /// short spans lying under a long one such as a directive).
    pub fn spans_overlapping(&self, range: CharRange) -> impl Iterator<Item = &Span> {
        let stop = self.spans.partition_point(|s| s.range.start < range.end);
        let from = self.reach[..stop].partition_point(|end| *end <= range.start);
        self.spans[from..stop].iter().filter(move |s| s.range.overlaps(&range))
    }

    /// Recomputes `reach` from position `at` on, after an insertion or removal there.
    fn update_reach(&mut self, at: usize) {
        self.reach.truncate(at);
        let mut end = if at == 0 { 0 } else { self.reach[at - 1] };
        for span in &self.spans[at..] {
            end = end.max(span.range.end);
            self.reach.push(end);
        }
    }

    /// Inserts a span, keeping the order. Validation is the caller's job (see `command`).
    pub(crate) fn insert_span(&mut self, span: Span) {
        let key = (span.range.start, span.range.end, span.id);
        let at = self.spans.partition_point(|s| (s.range.start, s.range.end, s.id) < key);
        self.ranges.insert(span.id, span.range);
        self.spans.insert(at, span);
        self.update_reach(at);
    }

    pub(crate) fn remove_span(&mut self, id: SpanId) -> Option<Span> {
        let at = self.position_of(id)?;
        let removed = self.spans.remove(at);
        self.ranges.remove(&id);
        self.update_reach(at);
        Some(removed)
    }

    pub fn relations(&self) -> &[Relation] {
        &self.relations
    }

    pub fn relation(&self, id: RelationId) -> Option<&Relation> {
        self.relations.iter().find(|r| r.id == id)
    }

    /// Relations that start or end at span `id`.
    pub fn relations_of(&self, id: SpanId) -> impl Iterator<Item = &Relation> {
        self.relations.iter().filter(move |r| r.from == id || r.to == id)
    }

    pub(crate) fn insert_relation(&mut self, relation: Relation) {
        let at = self.relations.partition_point(|r| r.id < relation.id);
        self.relations.insert(at, relation);
    }

    pub(crate) fn remove_relation(&mut self, id: RelationId) -> Option<Relation> {
        let at = self.relations.iter().position(|r| r.id == id)?;
        Some(self.relations.remove(at))
    }

    pub(crate) fn relation_mut(&mut self, id: RelationId) -> Option<&mut Relation> {
        self.relations.iter_mut().find(|r| r.id == id)
    }

    pub fn suggestions(&self) -> &Suggestions {
        &self.suggestions
    }

    pub(crate) fn suggestions_mut(&mut self) -> &mut Suggestions {
        &mut self.suggestions
    }

    /// A copy that shows only `annotator`'s spans and the relations between them, for a view
    /// of one annotator's work (the text is shared, not copied).
    pub fn only_by(&self, annotator: &str) -> Document {
        let mut doc = self.clone();
        doc.spans.retain(|s| s.annotator.as_deref() == Some(annotator));
        doc.ranges = doc.spans.iter().map(|s| (s.id, s.range)).collect();
        doc.update_reach(0);
        let kept = &doc.ranges;
        doc.relations.retain(|r| kept.contains_key(&r.from) && kept.contains_key(&r.to));
        doc
    }

    /// A span to change in place; its range must stay as it is (the index relies on it).
    pub(crate) fn span_mut(&mut self, id: SpanId) -> Option<&mut Span> {
        let at = self.position_of(id)?;
        Some(&mut self.spans[at])
    }
}
