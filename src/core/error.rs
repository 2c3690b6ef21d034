//! Why an edit was refused. Messages name the document, span and offsets so a person can find
//! the problem.

use super::document::{DocId, SpanId};
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
    pub other_text: String,
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::UnknownDocument(doc) => write!(f, "there is no document \"{doc}\""),
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
        }
    }
}

impl std::error::Error for EditError {}
