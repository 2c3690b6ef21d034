//! Why an edit was refused. Messages name the document, span and offsets so a person can find
//! the problem.

use super::document::{DocId, RelationId, SpanId};
use super::offsets::CharRange;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    UnknownDocument(DocId),
    DuplicateDocument(DocId),
    UnknownSpan {
        doc: DocId,
        span: SpanId,
    },
    DuplicateSpan {
        doc: DocId,
        span: SpanId,
    },
    UnknownLabel {
        label: String,
    },
    EmptyRange {
        doc: DocId,
    },
    OutOfRange {
        doc: DocId,
        range: CharRange,
        len: usize,
    },
    /// The new span would overlap another in a layer that forbids overlaps.
    Overlap(Box<Overlap>),
    UnknownRelation {
        doc: DocId,
        relation: RelationId,
    },
    UnknownRelationType {
        kind: String,
    },
    /// The relation type does not allow these endpoint labels.
    RelationNotAllowed {
        kind: String,
        from_label: String,
        to_label: String,
        allowed_from: Vec<String>,
        allowed_to: Vec<String>,
    },
    SelfRelation {
        span: SpanId,
    },
    DuplicateRelation {
        kind: String,
        from: SpanId,
        to: SpanId,
    },
    /// Relabelling the span would break one of its relations.
    RelabelBreaksRelation {
        span: SpanId,
        label: String,
        relation: RelationId,
        kind: String,
    },
    AttributeNotForLabel {
        name: String,
        label: String,
    },
    BadAttributeValue {
        name: String,
        value: String,
        allowed: Vec<String>,
    },
    /// No suggestion of this label at this place (accepted or rejected already).
    UnknownSuggestion {
        doc: DocId,
        label: String,
        range: CharRange,
    },
    /// A suggestion that cannot be held: empty, past the text, or with a score outside 0–1.
    BadSuggestion {
        doc: DocId,
        label: String,
        range: CharRange,
    },
    /// This tab shows the project read-only: another tab holds the right to write it.
    ReadOnly,
    /// The document is still being read from storage (a corpus opens from its index).
    NotLoaded(DocId),
    /// The edit concerns the whole project and some documents are still being read.
    StillLoading {
        pending: usize,
    },
}

/// The span in the way of a new one (boxed in [`EditError`] to keep results small).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overlap {
    pub doc: DocId,
    pub label: String,
    pub range: CharRange,
    pub other: SpanId,
    pub other_label: String,
    pub other_range: CharRange,
    /// A short excerpt of its text (see `offsets::excerpt`).
    pub other_text: String,
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::UnknownDocument(doc) => write!(f, "there is no document \"{doc}\""),
            EditError::NotLoaded(doc) => {
                write!(f, "document \"{doc}\" is still being read from browser storage; try again in a moment")
            }
            EditError::StillLoading { pending } => write!(
                f,
                "{pending} documents are still being read from browser storage; this edit concerns them \
                 all, try again in a moment"
            ),
            EditError::DuplicateDocument(doc) => {
                write!(f, "a document with id \"{doc}\" already exists")
            }
            EditError::UnknownSpan { doc, span } => {
                write!(f, "document \"{doc}\" has no span {span}")
            }
            EditError::DuplicateSpan { doc, span } => {
                write!(f, "document \"{doc}\" already has a span {span}")
            }
            EditError::UnknownLabel { label } => {
                write!(f, "label \"{label}\" is not in the schema")
            }
            EditError::EmptyRange { doc } => {
                write!(f, "nothing to label in document \"{doc}\": the selection is empty")
            }
            EditError::OutOfRange { doc, range, len } => {
                write!(f, "span {range} ends past the end of document \"{doc}\", which has {len} characters")
            }
            EditError::Overlap(overlap) => {
                let Overlap { label, range, other, other_label, other_range, other_text, .. } = &**overlap;
                write!(
                    f,
                    "{label} at {range} would overlap {other_label} span {other} at {other_range} \
                     «{other_text}»; spans of this layer may not overlap"
                )
            }
            EditError::UnknownRelation { doc, relation } => {
                write!(f, "document \"{doc}\" has no relation {relation}")
            }
            EditError::UnknownRelationType { kind } => {
                write!(f, "relation type \"{kind}\" is not in the schema")
            }
            EditError::RelationNotAllowed { kind, from_label, to_label, allowed_from, allowed_to } => write!(
                f,
                "{kind} goes from {} to {}, not from {from_label} to {to_label}",
                allowed_from.join(" or "),
                allowed_to.join(" or ")
            ),
            EditError::SelfRelation { span } => write!(f, "span {span} cannot be related to itself"),
            EditError::DuplicateRelation { kind, from, to } => {
                write!(f, "{kind} from span {from} to span {to} exists already")
            }
            EditError::RelabelBreaksRelation { span, label, relation, kind } => write!(
                f,
                "span {span} cannot become {label}: its {kind} relation {relation} does not allow that; \
                 delete the relation first"
            ),
            EditError::AttributeNotForLabel { name, label } => {
                write!(f, "attribute \"{name}\" does not apply to {label} spans")
            }
            EditError::BadAttributeValue { name, value, allowed } => {
                write!(f, "\"{value}\" is not a value of {name}; choose one of {}", allowed.join(", "))
            }
            EditError::UnknownSuggestion { doc, label, range } => {
                write!(f, "document \"{doc}\" has no {label} suggestion at {range}; it was accepted or rejected already")
            }
            EditError::BadSuggestion { doc, label, range } => write!(
                f,
                "the {label} suggestion at {range} does not fit document \"{doc}\": it is empty, ends past the \
                 text or has a score outside 0–1"
            ),
            EditError::ReadOnly => write!(
                f,
                "another tab is editing this project, so this tab is read-only; press Edit here to edit in this tab"
            ),
        }
    }
}

impl std::error::Error for EditError {}
