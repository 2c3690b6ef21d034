//! What a document is made of and named by: its id and status, its fields, the spans and
//! relations annotated on it and their ids, and the disagreements decided on it.

use crate::core::offsets::CharRange;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

/// A document's id, unique in a project and stable across export and import.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub struct DocId(pub String);

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for DocId {
    fn from(id: &str) -> Self {
        DocId(id.to_string())
    }
}

/// A span's id, unique in its project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub struct SpanId(pub u64);

impl fmt::Display for SpanId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// Where a document stands in the annotation work.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub enum DocStatus {
    #[default]
    Todo,
    InProgress,
    Done,
}

impl DocStatus {
    pub const ALL: [DocStatus; 3] = [DocStatus::Todo, DocStatus::InProgress, DocStatus::Done];

    /// The key used in files and the UI: `todo`, `in_progress`, `done`.
    pub fn key(self) -> &'static str {
        match self {
            DocStatus::Todo => "todo",
            DocStatus::InProgress => "in_progress",
            DocStatus::Done => "done",
        }
    }

    pub fn from_key(key: &str) -> Option<DocStatus> {
        DocStatus::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A free-text field of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub enum DocField {
    Annotator,
    Note,
}

/// A labelled range of a document's text. The layer follows from the label via the schema.
///
/// Its serde shape, `{"id", "start", "end", "label", "attributes"?}`, is the one wire format of a
/// span: the project file (which adds `layer` and `text` for consumers to check), the undo
/// history and the autosave journal all use it. It is written by hand in `wire.rs` (serde's
/// `flatten` made importing a project half again as slow); the `serde` attributes here only
/// describe that shape to the JSON Schema generator.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub struct Span {
    pub id: SpanId,
    #[cfg_attr(feature = "json-schema", serde(flatten))]
    pub range: CharRange,
    /// The name of a label of the schema.
    // Shared, not copied: an edit copies the edited document's spans (the state before keeps
    // its own), and a long document has tens of thousands of them.
    pub label: Rc<str>,
    /// Attribute values by attribute name (see `Schema::attributes`).
    #[cfg_attr(feature = "json-schema", serde(default, skip_serializing_if = "BTreeMap::is_empty"))]
    pub attributes: BTreeMap<String, String>,
    /// The name of who made the span or last changed its label or attributes. Spans of
    /// different annotators never conflict, so a merged project holds each one's work side by
    /// side. Absent on spans made before a name was set, which conflict with all.
    #[cfg_attr(feature = "json-schema", serde(default, skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "json-schema", schemars(with = "Option<String>"))]
    pub annotator: Option<Rc<str>>,
}

impl Span {
    pub fn new(id: SpanId, range: CharRange, label: impl Into<Rc<str>>) -> Self {
        Span { id, range, label: label.into(), attributes: BTreeMap::new(), annotator: None }
    }

    /// The same span, made by `annotator`.
    pub fn by(mut self, annotator: Option<Rc<str>>) -> Self {
        self.annotator = annotator;
        self
    }
}

/// A place of a layer where a disagreement between annotators was decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub struct Decided {
    pub layer: String,
    /// Code points, end exclusive.
    pub start: usize,
    pub end: usize,
}

/// A relation's id, unique in its project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub struct RelationId(pub u64);

impl fmt::Display for RelationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "r{}", self.0)
    }
}

/// A directed, typed link from one span to another of the same document. Its serde shape,
/// `{"id", "type", "from", "to"}`, is the one wire format of a relation (`kind` is read too, as
/// undo histories stored by earlier versions spell it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub struct Relation {
    pub id: RelationId,
    #[serde(rename = "type", alias = "kind")]
    pub kind: String,
    pub from: SpanId,
    pub to: SpanId,
    /// The name of who made the relation or last changed its type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "json-schema", schemars(with = "Option<String>"))]
    pub annotator: Option<Rc<str>>,
}

impl Relation {
    pub fn new(id: RelationId, kind: impl Into<String>, from: SpanId, to: SpanId) -> Self {
        Relation { id, kind: kind.into(), from, to, annotator: None }
    }
}
