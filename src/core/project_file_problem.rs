//! What is wrong with a span, relation or suggestion list of a project file on import, typed so
//! that the UI words it in the language shown (`ui::words::errors`); `Display` is the English,
//! which the command-line tools and the tests share. Each problem names its document, its id
//! and its offsets or ends, as the file states them.

use super::EditError;
use std::fmt;

/// The part of the file a problem is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilePart {
    Span {
        doc: String,
        id: u64,
        start: usize,
        end: usize,
    },
    Relation {
        doc: String,
        id: u64,
        kind: String,
        from: u64,
        to: u64,
    },
    /// A document's suggestions.
    Suggestions {
        doc: String,
    },
}

/// Why that part is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    StartNotBeforeEnd,
    PastTheEnd {
        len: usize,
    },
    LabelNotInSchema {
        label: String,
    },
    WrongLayer {
        declared: String,
        label: String,
        layer: String,
    },
    /// The span's stated text is not the text at its offsets; `utf16` when UTF-16 offsets
    /// would have given it.
    TextDiffers {
        stated: String,
        found: String,
        utf16: bool,
    },
    IdUsedTwice,
    /// Refused by the check every edit goes through (an overlap, a relation type…).
    Refused(Box<EditError>),
}

/// One problem of a project file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem {
    pub at: FilePart,
    pub fault: Fault,
}

impl fmt::Display for FilePart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FilePart::Span { doc, id, start, end } => {
                write!(f, "document \"{doc}\": span {id} at {start}–{end}")
            }
            FilePart::Relation { doc, id, kind, from, to } => {
                write!(f, "document \"{doc}\": relation {id} ({kind} from span {from} to span {to})")
            }
            FilePart::Suggestions { doc } => write!(f, "document \"{doc}\""),
        }
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fault::StartNotBeforeEnd => f.write_str("start must be before end"),
            Fault::PastTheEnd { len } => {
                write!(f, "ends past the end of the text, which has {len} characters")
            }
            Fault::LabelNotInSchema { label } => write!(f, "label \"{label}\" is not in the schema"),
            Fault::WrongLayer { declared, label, layer } => {
                write!(
                    f,
                    "layer \"{declared}\" does not match label \"{label}\", which is in layer \"{layer}\""
                )
            }
            Fault::TextDiffers { stated, found, utf16 } => {
                write!(f, "the span says «{stated}» but the text there is «{found}»")?;
                if *utf16 {
                    f.write_str(
                        " (the offsets look like UTF-16 code units; this file must count code points)",
                    )?;
                }
                Ok(())
            }
            Fault::IdUsedTwice => f.write_str("the id is used twice"),
            Fault::Refused(error) => write!(f, "{error}"),
        }
    }
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.fault)
    }
}
