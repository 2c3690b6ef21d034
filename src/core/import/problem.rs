//! What an import review tells the user about the spans and relations it placed: typed, so
//! the UI words them in the language shown (`ui::words::import_problem`); `Display` gives the
//! English wording, which the command-line tools and the tests share.

use std::fmt;

use super::readers::{Found, Unread};
use super::units::OffsetUnit;
use crate::core::offsets::CharRange;
use crate::core::EditError;

/// A span as the file states it, to name it in a message: its label and raw offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatedSpan {
    pub label: String,
    pub start: usize,
    pub end: usize,
}

impl fmt::Display for StatedSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} span at {}–{}", self.label, self.start, self.end)
    }
}

/// Why a span or relation of the file is left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeftOut {
    /// The span's own text is nowhere in the document; `found` is what its offsets give.
    TextNotFound { span: StatedSpan, expected: String, found: Option<String> },
    /// Start at or after end.
    Empty { span: StatedSpan },
    /// The offsets, in `unit`, end past the text's `len` characters.
    PastTheEnd { span: StatedSpan, unit: OffsetUnit, len: usize },
    /// The offsets, in `unit`, cut a character in two.
    NotOnCharacters { span: StatedSpan, unit: OffsetUnit },
    /// The span is placed at `range` (code points) but the project refuses it there.
    Refused { label: String, range: CharRange, text: String, cause: EditError },
    /// The span went in, one of its attributes did not.
    Attribute { label: String, range: CharRange, name: String, value: String, cause: EditError },
    /// One of the relation's spans was left out.
    RelationWithoutSpan { kind: String },
    /// Both spans went in, the relation between them is refused.
    RelationRefused { kind: String, from_text: String, to_text: String, cause: EditError },
    /// What the file's reader could not read, and where in the file.
    Unreadable(Found<Unread>),
}

/// A [`LeftOut`] and the document it is in (the name the review shows).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportProblem {
    pub doc: String,
    pub what: LeftOut,
}

impl fmt::Display for LeftOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LeftOut::TextNotFound { span, expected, found } => {
                write!(f, "{span} says «{expected}», which is not in the text")?;
                match found {
                    Some(found) => write!(f, " (the offsets give «{found}»)"),
                    None => Ok(()),
                }
            }
            LeftOut::Empty { span } => write!(f, "{span}: the span is empty or ends before it starts"),
            LeftOut::PastTheEnd { span, unit, len } => write!(
                f,
                "{span} ({}) ends past the end of the text, which has {len} characters",
                unit.title()
            ),
            LeftOut::NotOnCharacters { span, unit } => {
                write!(f, "{span} ({}) does not fall on whole characters of the text", unit.title())
            }
            LeftOut::Refused { label, range, text, cause } => {
                write!(f, "{label} span at {range} «{text}»: {cause}")
            }
            LeftOut::Attribute { label, range, name, value, cause } => {
                write!(f, "{label} span at {range}: attribute {name} = {value}: {cause}")
            }
            LeftOut::RelationWithoutSpan { kind } => {
                write!(f, "a {kind} relation is left out because one of its spans could not be placed")
            }
            LeftOut::RelationRefused { kind, from_text, to_text, cause } => {
                write!(f, "{kind} relation from «{from_text}» to «{to_text}»: {cause}")
            }
            LeftOut::Unreadable(found) => write!(f, "{found}"),
        }
    }
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "document \"{}\": {}", self.doc, self.what)
    }
}

/// How the import read offsets, for the review's notes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnitNote {
    /// The file does not say; the offsets fit the text as `unit` only.
    Fit { unit: OffsetUnit, others: Vec<OffsetUnit> },
    /// The user chose `unit`.
    Chosen(OffsetUnit),
    /// `count` spans of document `doc` were in `unit` and were converted to code points.
    Converted { doc: String, count: usize, unit: OffsetUnit },
    /// `count` spans of document `doc` were moved to the nearest place their text occurs.
    MovedToNearest { doc: String, count: usize },
}

impl fmt::Display for UnitNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UnitNote::Fit { unit, others } => {
                let others: Vec<&str> = others.iter().map(|u| u.title()).collect();
                write!(
                    f,
                    "the file does not say how it counts offsets; they fit the text as {} (not as {}) and were read so",
                    unit.title(),
                    others.join(" or ")
                )
            }
            UnitNote::Chosen(unit) => write!(f, "offsets read as {}, as chosen", unit.title()),
            UnitNote::Converted { doc, count, unit } => write!(
                f,
                "document \"{doc}\": {count} span(s) had offsets in {}; they were converted to code points",
                unit.title()
            ),
            UnitNote::MovedToNearest { doc, count } => write!(
                f,
                "document \"{doc}\": {count} span(s) had offsets that did not give back their text in any unit; each was moved to the nearest place its text occurs"
            ),
        }
    }
}
