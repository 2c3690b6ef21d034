//! The serde shape of a document, shared by the project file and the undo history: one
//! definition, generic over how a span is written (a bare [`Span`] in the history, a span with
//! its `layer` and `text` in the project file, for consumers to check the offsets).

use super::document::{DocId, DocStatus, Document, Relation, Span};
use super::offsets::CharRange;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::collections::HashSet;

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
    pub text: Cow<'a, str>,
    #[serde(default)]
    pub spans: Cow<'a, [S]>,
    /// Directed links between spans of this document, by span id.
    #[serde(default)]
    pub relations: Cow<'a, [Relation]>,
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
            text: Cow::Borrowed(doc.text()),
            spans,
            relations: Cow::Borrowed(doc.relations()),
        }
    }

    /// A document with these fields and no spans or relations yet.
    pub fn empty_document(&self) -> Document {
        let mut doc = Document::new(self.id.clone(), self.name.to_string(), self.text.to_string())
            .with_status(self.status);
        doc.annotator = self.annotator.to_string();
        doc.note = self.note.to_string();
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
        use serde::de::Error;
        let wire = DocumentWire::<Span>::deserialize(deserializer)?;
        let mut doc = wire.empty_document();
        let mut spans = wire.spans.into_owned();
        spans.sort_unstable_by_key(|s| (s.range.start, s.range.end, s.id));
        let mut ids = HashSet::new();
        for span in spans {
            let CharRange { start, end } = span.range;
            if start >= end || end > doc.char_len() {
                return Err(D::Error::custom(format!(
                    "document \"{}\": span {} at {start}–{end} is empty or ends past the text's {} characters",
                    doc.id,
                    span.id,
                    doc.char_len()
                )));
            }
            if !ids.insert(span.id) {
                return Err(D::Error::custom(format!(
                    "document \"{}\": span {} is listed twice",
                    doc.id, span.id
                )));
            }
            // Sorted first, so each insertion appends.
            doc.insert_span(span);
        }
        let mut relations = wire.relations.into_owned();
        relations.sort_unstable_by_key(|r| r.id);
        for relation in relations {
            if !ids.contains(&relation.from) || !ids.contains(&relation.to) {
                return Err(D::Error::custom(format!(
                    "document \"{}\": relation {} joins spans that are not in the document",
                    doc.id, relation.id
                )));
            }
            doc.insert_relation(relation);
        }
        Ok(doc)
    }
}
