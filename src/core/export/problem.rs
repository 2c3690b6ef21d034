//! What an export says about what it cannot do, typed so that the UI words it in the language
//! shown (`ui::words::export_words`); `Display` is the English, shared with the command-line
//! tools and the tests.

use super::Format;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A span as a problem names it: its label, id and (shortened) text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedSpan {
    pub label: String,
    pub id: u64,
    pub text: String,
}

/// Why an export stops: something the chosen format cannot write as it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportProblem {
    /// spaCy: a span that starts or ends on a space, so not on a token boundary.
    NotOnTokens { record: String, span: u64, start: usize, end: usize, text: String },
    /// A tag column holds one label per character; `second` starts inside `first`.
    Overlap { record: String, first: NamedSpan, second: NamedSpan },
    /// The written files, read back, do not give the spans that were written: a fault in a
    /// writer, reported as found (in English: it is for a bug report, not for the user to fix).
    SelfCheck { record: Option<String>, what: String },
}

impl fmt::Display for ExportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportProblem::NotOnTokens { record, span, start, end, text } => write!(
                f,
                "{record}: span {span} at {start}–{end} «{text}» does not start and end on a spaCy token \
                 boundary (it starts or ends on a space)"
            ),
            ExportProblem::Overlap { record, first: a, second: b } => write!(
                f,
                "{record}: {} span {} «{}» overlaps {} span {} «{}»; one tag column cannot hold both, \
                 so leave one label or layer out",
                a.label, a.id, a.text, b.label, b.id, b.text
            ),
            ExportProblem::SelfCheck { record: Some(record), what } => {
                write!(f, "self-check, {record}: {what}")
            }
            ExportProblem::SelfCheck { record: None, what } => write!(f, "self-check: {what}"),
        }
    }
}

/// What an export leaves out because the format has no place for it, said before a download.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportLoss {
    /// The format holds no relations.
    Relations { format: Format, count: usize },
    /// Relations whose two spans fall in different units (sentences, paragraphs).
    RelationsAcrossUnits { count: usize },
    /// The format holds no span attributes.
    Attributes { format: Format, count: usize },
}

impl fmt::Display for ExportLoss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportLoss::Relations { format, count } => {
                write!(f, "{} cannot hold relations: {count} relation(s) are left out", format.title())
            }
            ExportLoss::RelationsAcrossUnits { count } => {
                write!(f, "{count} relation(s) are left out because their two spans fall in different units")
            }
            ExportLoss::Attributes { format, count } => {
                write!(
                    f,
                    "{} cannot hold span attributes: {count} attribute value(s) are left out",
                    format.title()
                )
            }
        }
    }
}
