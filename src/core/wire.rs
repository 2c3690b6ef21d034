//! The serde shape of a document, shared by the project file and the undo history: one
//! definition, generic over how a span is written (a bare [`Span`] in the history, a span with
//! its `layer` and `text` in the project file, for consumers to check the offsets).

use super::document::{Decided, DocId, DocStatus, Document, Relation, RelationId, Span, SpanId};
use super::offsets::CharRange;
use super::suggestion::Suggestion;
use crate::core::compact_sort;
use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

/// A span in the project file: the one span shape plus its layer and text, which a consumer
/// uses to check the offsets, and which import checks when they are present.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub struct SpanInFile {
    #[cfg_attr(feature = "json-schema", serde(flatten))]
    pub span: Span,
    /// Optional on import; when present it must match the label's layer.
    #[cfg_attr(feature = "json-schema", serde(default, skip_serializing_if = "Option::is_none"))]
    pub layer: Option<String>,
    /// Optional on import; when present it must equal the document text at `start..end`.
    #[cfg_attr(feature = "json-schema", serde(default, skip_serializing_if = "Option::is_none"))]
    pub text: Option<String>,
}

/// Writes the span shape: `id`, `start`, `end`, `label`, then `attributes`, `annotator`,
/// `layer` and `text` where there are any.
fn write_span<S: Serializer>(
    span: &Span,
    layer: Option<&str>,
    text: Option<&str>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let fields = 4
        + usize::from(!span.attributes.is_empty())
        + usize::from(span.annotator.is_some())
        + usize::from(layer.is_some())
        + usize::from(text.is_some());
    let mut out = serializer.serialize_struct("Span", fields)?;
    out.serialize_field("id", &span.id)?;
    out.serialize_field("start", &span.range.start)?;
    out.serialize_field("end", &span.range.end)?;
    out.serialize_field("label", &span.label)?;
    if !span.attributes.is_empty() {
        out.serialize_field("attributes", &span.attributes)?;
    }
    if let Some(annotator) = &span.annotator {
        out.serialize_field("annotator", annotator)?;
    }
    if let Some(layer) = layer {
        out.serialize_field("layer", layer)?;
    }
    if let Some(text) = text {
        out.serialize_field("text", text)?;
    }
    out.end()
}

impl Serialize for SpanInFile {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_span(&self.span, self.layer.as_deref(), self.text.as_deref(), serializer)
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_span(self, None, None, serializer)
    }
}

const SPAN_FIELDS: &[&str] = &["id", "start", "end", "label", "attributes", "annotator", "layer", "text"];

/// A span's key, read without allocating (a project holds hundreds of thousands of spans).
enum SpanKey {
    Id,
    Start,
    End,
    Label,
    Attributes,
    Annotator,
    Layer,
    Text,
    Other,
}

impl<'de> Deserialize<'de> for SpanKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = SpanKey;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a span field name")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<SpanKey, E> {
                Ok(match key {
                    "id" => SpanKey::Id,
                    "start" => SpanKey::Start,
                    "end" => SpanKey::End,
                    "label" => SpanKey::Label,
                    "attributes" => SpanKey::Attributes,
                    "annotator" => SpanKey::Annotator,
                    "layer" => SpanKey::Layer,
                    "text" => SpanKey::Text,
                    _ => SpanKey::Other,
                })
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// Reads the span shape; unknown fields are ignored, as serde does by default.
struct SpanVisitor;

impl<'de> Visitor<'de> for SpanVisitor {
    type Value = SpanInFile;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a span: {\"id\", \"start\", \"end\", \"label\"}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SpanInFile, A::Error> {
        let (mut id, mut start, mut end, mut label) = (None, None, None, None);
        let (mut attributes, mut layer, mut text) = (BTreeMap::new(), None, None);
        let mut annotator: Option<String> = None;
        while let Some(key) = map.next_key::<SpanKey>()? {
            match key {
                SpanKey::Id => id = Some(map.next_value::<SpanId>()?),
                SpanKey::Start => start = Some(map.next_value::<usize>()?),
                SpanKey::End => end = Some(map.next_value::<usize>()?),
                SpanKey::Label => label = Some(map.next_value::<String>()?),
                SpanKey::Attributes => attributes = map.next_value()?,
                SpanKey::Annotator => annotator = map.next_value()?,
                SpanKey::Layer => layer = map.next_value()?,
                SpanKey::Text => text = map.next_value()?,
                SpanKey::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let span = Span {
            id: id.ok_or_else(|| de::Error::missing_field("id"))?,
            range: CharRange {
                start: start.ok_or_else(|| de::Error::missing_field("start"))?,
                end: end.ok_or_else(|| de::Error::missing_field("end"))?,
            },
            label: label.ok_or_else(|| de::Error::missing_field("label"))?.into(),
            attributes,
            // An empty name is no name (a hand-edited file may write one).
            annotator: annotator.filter(|name| !name.is_empty()).map(Into::into),
        };
        Ok(SpanInFile { span, layer, text })
    }
}

impl<'de> Deserialize<'de> for SpanInFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Span", SPAN_FIELDS, SpanVisitor)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        SpanInFile::deserialize(deserializer).map(|s| s.span)
    }
}

/// A document as files hold it.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "S: Deserialize<'de> + Clone"))]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub struct DocumentWire<'a, S: Clone> {
    pub id: DocId,
    pub name: Cow<'a, str>,
    /// `todo` (the default), `in_progress` or `done`.
    #[serde(default)]
    pub status: DocStatus,
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub annotator: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub note: Cow<'a, str>,
    /// The annotators whose work on the document was merged in (see the README's team
    /// workflow); one listed without spans found nothing there.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub annotated_by: Cow<'a, [String]>,
    /// Places where the adjudicator decided a disagreement (a decision for "nothing" leaves no
    /// gold span, so it is kept here).
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub decided: Cow<'a, [Decided]>,
    pub text: Cow<'a, str>,
    #[serde(default)]
    pub spans: Cow<'a, [S]>,
    /// Directed links between spans of this document, by span id.
    #[serde(default)]
    pub relations: Cow<'a, [Relation]>,
    /// Proposed spans not yet accepted or rejected (see `suggestion`): never annotations.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub suggestions: Cow<'a, [Suggestion]>,
}

impl<'a, S: Clone> DocumentWire<'a, S> {
    /// The document's fields, borrowed, with `spans` written as given.
    pub fn of(doc: &'a Document, spans: Cow<'a, [S]>) -> Self {
        DocumentWire {
            id: doc.id.clone(),
            name: Cow::Borrowed(&doc.name),
            status: doc.status,
            annotator: Cow::Borrowed(&doc.annotator),
            note: Cow::Borrowed(&doc.note),
            annotated_by: Cow::Borrowed(&doc.annotated_by),
            decided: Cow::Borrowed(&doc.decided),
            text: Cow::Borrowed(doc.text()),
            spans,
            relations: Cow::Borrowed(doc.relations()),
            suggestions: Cow::Borrowed(doc.suggestions().as_slice()),
        }
    }

    /// A document with these fields and no spans or relations yet.
    pub fn empty_document(&self) -> Document {
        let mut doc = Document::new(self.id.clone(), self.name.to_string(), self.text.to_string())
            .with_status(self.status);
        doc.annotator = self.annotator.to_string();
        doc.note = self.note.to_string();
        let mut names = self.annotated_by.to_vec();
        compact_sort::sort(&mut names);
        names.dedup();
        doc.annotated_by = names;
        doc.decided = self.decided.to_vec();
        doc
    }
}

impl Serialize for Document {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        DocumentWire::of(self, Cow::Borrowed(self.spans())).serialize(serializer)
    }
}

/// Reading a document checks what the model relies on: spans inside the text and not empty,
/// span ids unique, relations between spans of the document. (The schema's rules are the
/// project's to check; an undo history is checked again as each step applies.)
impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = DocumentWire::<Span>::deserialize(deserializer)?;
        let id = wire.id.clone();
        wire.into_document().map_err(|fault| de::Error::custom(format!("document \"{id}\": {fault}")))
    }
}

/// What breaks the model's rules in a document record (the document is named by the caller).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentFault {
    /// The record names another document.
    OtherId {
        found: DocId,
    },
    /// A span empty or ending past the text's `len` code points.
    SpanOutside {
        span: SpanId,
        range: CharRange,
        len: usize,
    },
    SpanTwice {
        span: SpanId,
    },
    /// A relation whose ends are not spans of the document.
    RelationDangling {
        relation: RelationId,
    },
    /// A suggestion empty, past the text, or scored outside 0–1.
    SuggestionUnfit {
        label: String,
        start: usize,
        end: usize,
        len: usize,
    },
}

impl fmt::Display for DocumentFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentFault::OtherId { found } => write!(f, "its record says \"{found}\""),
            DocumentFault::SpanOutside { span, range, len } => write!(
                f,
                "span {span} at {}–{} is empty or ends past the text's {len} characters",
                range.start, range.end
            ),
            DocumentFault::SpanTwice { span } => write!(f, "span {span} is listed twice"),
            DocumentFault::RelationDangling { relation } => {
                write!(f, "relation {relation} joins spans that are not in the document")
            }
            DocumentFault::SuggestionUnfit { label, start, end, len } => write!(
                f,
                "suggestion {label} at {start}–{end} is empty, ends past the text's {len} characters \
                 or has a score outside 0–1"
            ),
        }
    }
}

impl std::error::Error for DocumentFault {}

impl DocumentWire<'_, Span> {
    /// The document these fields describe, with the checks the model relies on (see the
    /// `Deserialize` impl of [`Document`]); the error names the span.
    pub fn into_document(self) -> Result<Document, DocumentFault> {
        let mut doc = self.empty_document();
        let mut spans = self.spans.into_owned();
        compact_sort::sort_by_key(&mut spans, |s| (s.range.start, s.range.end, s.id));
        let mut ids = HashSet::new();
        for span in spans {
            let CharRange { start, end } = span.range;
            if start >= end || end > doc.char_len() {
                return Err(DocumentFault::SpanOutside {
                    span: span.id,
                    range: span.range,
                    len: doc.char_len(),
                });
            }
            if !ids.insert(span.id) {
                return Err(DocumentFault::SpanTwice { span: span.id });
            }
            // Sorted first, so each insertion appends.
            doc.insert_span(span);
        }
        let mut relations = self.relations.into_owned();
        compact_sort::sort_by_key(&mut relations, |r| r.id);
        for relation in relations {
            if !ids.contains(&relation.from) || !ids.contains(&relation.to) {
                return Err(DocumentFault::RelationDangling { relation: relation.id });
            }
            doc.insert_relation(relation);
        }
        let suggestions = self.suggestions.into_owned();
        if let Some(bad) = suggestions.iter().find(|s| !suggestion_fits(s, doc.char_len())) {
            return Err(DocumentFault::SuggestionUnfit {
                label: bad.label.to_string(),
                start: bad.start,
                end: bad.end,
                len: doc.char_len(),
            });
        }
        doc.suggestions_mut().add(suggestions);
        Ok(doc)
    }
}

/// A suggestion the model can hold: inside a text of `len` code points, not empty, its score
/// (if any) a number from 0 to 1.
pub fn suggestion_fits(suggestion: &Suggestion, len: usize) -> bool {
    suggestion.start < suggestion.end
        && suggestion.end <= len
        && suggestion.score.is_none_or(|score| (0.0..=1.0).contains(&score))
}
