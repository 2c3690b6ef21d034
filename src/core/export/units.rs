//! Cutting documents into the units a model trains on (whole documents, paragraphs or
//! sentences) with span offsets re-based to each unit. A span that crosses a unit boundary is
//! never dropped silently: it is reported, and either the units it joins are merged or the span
//! is left out, as the user chooses.

use crate::core::document::{DocId, Document, RelationId, SpanId};
use crate::core::layout::paragraphs;
use crate::core::offsets::CharRange;
use crate::core::project::Project;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    Document,
    Paragraph,
    Sentence,
}

/// What to do with a span that crosses a unit boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Crossing {
    /// Merge the units the span touches into one larger unit.
    MergeUnits,
    /// Leave the span out of the export.
    DropSpan,
}

/// A span inside a record, offsets in code points relative to the record's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordSpan {
    pub id: SpanId,
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub layer: String,
    pub text: String,
    /// Attribute values that apply to the span's label (others are kept in the project only).
    pub attributes: BTreeMap<String, String>,
}

/// A relation whose two spans are both in the record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordRelation {
    pub id: RelationId,
    pub kind: String,
    pub from: SpanId,
    pub to: SpanId,
}

/// A suggestion inside a record (exported only on request, as Label Studio predictions).
#[derive(Clone, Debug, PartialEq)]
pub struct RecordSuggestion {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub text: String,
    pub source: &'static str,
    pub score: Option<f64>,
}

/// One exported unit: a document, a paragraph or a sentence, with its spans.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// `doc`, `doc#p3` or `doc#s12` (paragraphs and sentences numbered from 1 in the document).
    pub id: String,
    pub doc_id: DocId,
    pub doc_name: String,
    /// Where the unit starts in its document, in code points.
    pub offset: usize,
    pub text: String,
    pub spans: Vec<RecordSpan>,
    pub relations: Vec<RecordRelation>,
    /// The document's suggestions that lie inside the unit (the formats that can show them
    /// read these only when asked to).
    pub suggestions: Vec<RecordSuggestion>,
}

impl Record {
    pub fn span(&self, id: SpanId) -> Option<&RecordSpan> {
        self.spans.iter().find(|s| s.id == id)
    }
}

/// A span that crossed a unit boundary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrossingSpan {
    pub doc_id: DocId,
    pub span: SpanId,
    pub label: String,
    pub range: CharRange,
    pub text: String,
}

/// Characters that end a Chinese sentence. ASCII `.` is left out: it is a decimal point too.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '…' | '!' | '?' | ';')
}

/// Closing quotes and brackets that belong to the sentence they follow (…。” stays together).
fn closes_sentence(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '》' | '"' | '\'')
}

/// Sentences of one paragraph: each ends after a run of sentence-ending marks and the closing
/// quotes after them. Leading whitespace is left out of each sentence.
pub fn sentences(chars: &[char], paragraph: CharRange) -> Vec<CharRange> {
    let mut out = Vec::new();
    let mut start = paragraph.start;
    let mut i = paragraph.start;
    while i < paragraph.end {
        if ends_sentence(chars[i]) {
            let mut end = i + 1;
            while end < paragraph.end && ends_sentence(chars[end]) {
                end += 1;
            }
            while end < paragraph.end && closes_sentence(chars[end]) {
                end += 1;
            }
            push_trimmed(&mut out, chars, start, end);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    push_trimmed(&mut out, chars, start, paragraph.end);
    out
}

fn push_trimmed(out: &mut Vec<CharRange>, chars: &[char], mut start: usize, mut end: usize) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if start < end {
        out.push(CharRange { start, end });
    }
}

/// The unit ranges of `doc` at `granularity`, in order, not overlapping.
pub fn unit_ranges(doc: &Document, granularity: Granularity) -> Vec<CharRange> {
    match granularity {
        Granularity::Document => vec![CharRange { start: 0, end: doc.char_len() }],
        Granularity::Paragraph => paragraphs(doc.text()),
        Granularity::Sentence => {
            let chars: Vec<char> = doc.text().chars().collect();
            paragraphs(doc.text()).into_iter().flat_map(|p| sentences(&chars, p)).collect()
        }
    }
}

/// Merges units joined by a crossing span. Returns the merged units and the crossing spans.
fn merge_for_spans(
    doc: &Document,
    mut units: Vec<CharRange>,
    spans: &[&crate::core::Span],
) -> Vec<CharRange> {
    for span in spans {
        let first = units.iter().position(|u| u.end > span.range.start);
        let last = units.iter().rposition(|u| u.start < span.range.end);
        match (first, last) {
            (Some(first), Some(last)) if first <= last => {
                if !(first == last && units[first].contains(&span.range)) {
                    let merged = CharRange {
                        start: units[first].start.min(span.range.start),
                        end: units[last].end.max(span.range.end),
                    };
                    units.splice(first..=last, [merged]);
                }
            }
            // The span lies between units (on line breaks only): it becomes a unit of its own.
            (first, _) => units.insert(first.unwrap_or(units.len()), span.range),
        }
    }
    debug_assert!(units.iter().all(|u| u.end <= doc.char_len()));
    units
}

/// The records of the chosen documents, with the spans whose label `keep` accepts.
pub fn records(
    project: &Project,
    docs: &[&Document],
    granularity: Granularity,
    crossing: Crossing,
    keep: &dyn Fn(&str) -> bool,
) -> (Vec<Record>, Vec<CrossingSpan>) {
    let mut out = Vec::new();
    let mut crossings = Vec::new();
    for doc in docs {
        let spans: Vec<_> = doc.spans().iter().filter(|s| keep(&s.label)).collect();
        let mut units = unit_ranges(doc, granularity);
        // Units are in order and disjoint: the one that could hold a span is found by its start.
        let holder = |units: &[CharRange], range: CharRange| {
            let i = units.partition_point(|u| u.start <= range.start);
            i.checked_sub(1).is_some_and(|i| units[i].contains(&range))
        };
        let crossing_spans: Vec<_> = spans.iter().filter(|s| !holder(&units, s.range)).copied().collect();
        crossings.extend(crossing_spans.iter().map(|s| CrossingSpan {
            doc_id: doc.id.clone(),
            span: s.id,
            label: s.label.to_string(),
            range: s.range,
            text: doc.slice(s.range).to_string(),
        }));
        if crossing == Crossing::MergeUnits {
            units = merge_for_spans(doc, units, &crossing_spans);
        }
        for (n, unit) in units.iter().enumerate() {
            let id = match granularity {
                Granularity::Document => doc.id.0.clone(),
                Granularity::Paragraph => format!("{}#p{}", doc.id, n + 1),
                Granularity::Sentence => format!("{}#s{}", doc.id, n + 1),
            };
            // Spans are sorted by start: those in this unit start in it.
            let from = spans.partition_point(|s| s.range.start < unit.start);
            let record_spans: Vec<RecordSpan> = spans[from..]
                .iter()
                .take_while(|s| s.range.start < unit.end)
                .filter(|s| unit.contains(&s.range))
                .map(|s| RecordSpan {
                    id: s.id,
                    start: s.range.start - unit.start,
                    end: s.range.end - unit.start,
                    label: s.label.to_string(),
                    layer: project.schema.layer_of(&s.label).map(|l| l.name.clone()).unwrap_or_default(),
                    text: doc.slice(s.range).to_string(),
                    attributes: s
                        .attributes
                        .iter()
                        .filter(|(name, _)| project.schema.attributes_for(&s.label).any(|a| &a.name == *name))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                })
                .collect();
            let ids: std::collections::HashSet<SpanId> = record_spans.iter().map(|s| s.id).collect();
            let inside = |id: SpanId| ids.contains(&id);
            let relations = doc
                .relations()
                .iter()
                .filter(|r| inside(r.from) && inside(r.to))
                .map(|r| RecordRelation { id: r.id, kind: r.kind.clone(), from: r.from, to: r.to })
                .collect();
            let suggestions = doc
                .suggestions()
                .overlapping(*unit)
                .map(|i| &doc.suggestions().as_slice()[i])
                .filter(|s| keep(&s.label) && unit.contains(&s.range()))
                .map(|s| RecordSuggestion {
                    start: s.start - unit.start,
                    end: s.end - unit.start,
                    label: s.label.to_string(),
                    text: doc.slice(s.range()).to_string(),
                    source: s.source.key(),
                    score: s.score,
                })
                .collect();
            out.push(Record {
                suggestions,
                id,
                doc_id: doc.id.clone(),
                doc_name: doc.name.clone(),
                offset: unit.start,
                text: doc.slice(*unit).to_string(),
                spans: record_spans,
                relations,
            });
        }
    }
    (out, crossings)
}
