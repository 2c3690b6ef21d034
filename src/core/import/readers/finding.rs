//! What the readers find in a file, typed: where it is ([`Place`]), why a file is refused
//! ([`Flaw`]), what part of a document is left out ([`Unread`]) and what was passed over
//! ([`Passed`]). The UI words them in the language shown (`ui::words::reading`); English is
//! their `Display`, for the command-line tools and the logs. Quoted file content (`found`,
//! `label`, `kind`…) is kept as it was in the file.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What a reader counts its way through a file by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    Line,
    /// A Label Studio task.
    Task,
    /// A W3C annotation.
    Annotation,
    /// A text of a W3C file's "biaozhu:sources".
    Source,
}

/// Where in which file: the file alone, or a numbered line, task, annotation or source of it
/// (counted from 1, as editors and the formats' own tools do).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub file: String,
    pub at: Option<(Unit, usize)>,
}

impl Place {
    pub fn file(file: &str) -> Place {
        Place { file: file.to_string(), at: None }
    }

    pub fn line(file: &str, line: usize) -> Place {
        Place { file: file.to_string(), at: Some((Unit::Line, line)) }
    }

    pub fn nth(file: &str, unit: Unit, n: usize) -> Place {
        Place { file: file.to_string(), at: Some((unit, n)) }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.at {
            None => return f.write_str(&self.file),
            Some((Unit::Line, _)) => "line",
            Some((Unit::Task, _)) => "task",
            Some((Unit::Annotation, _)) => "annotation",
            Some((Unit::Source, _)) => "source",
        };
        write!(f, "{} {unit} {}", self.file, self.at.map_or(0, |(_, n)| n))
    }
}

/// A finding and where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found<T> {
    pub place: Place,
    pub what: T,
}

impl<T: fmt::Display> fmt::Display for Found<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.what)
    }
}

/// Why a file in a format this app reads is refused as a whole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Flaw {
    /// brat: an `.ann` without its `.txt`.
    NoTextBeside {
        stem: String,
    },
    /// CoNLL: a line that is not a token and a tag.
    NotTokenAndTag {
        found: String,
    },
    NotATag {
        tag: String,
    },
    NoTaggedLines,
    NoRecords,
    /// JSONL: a line of none of the shapes read.
    NoTextField,
    /// JSONL: a line of another shape than the lines before it.
    ShapeChanged {
        #[serde(with = "super::format_name")]
        shape: super::FormatName,
        #[serde(with = "super::format_name")]
        earlier: super::FormatName,
    },
    TextNotString,
    UnknownOffsetUnit {
        found: String,
    },
    TokensNotList,
    TokenNotString,
    NerTagsNotList,
    TagCount {
        tokens: usize,
        tags: usize,
    },
    /// Numeric tags without the labels.json that names them.
    TagNamesMissing,
    /// A numeric tag with no name in labels.json (a negative or fractional one shows as the
    /// largest number).
    TagIdUnknown {
        id: u64,
    },
    TagNeitherNameNorNumber,
    /// Label Studio: a task whose data has no text.
    DataHasNoText,
    /// W3C: a source id listed twice.
    SourceListedTwice {
        id: String,
    },
    /// W3C: annotations without the texts they point at.
    TextsNotIncluded,
    NoTargetSource,
    /// CSV / TSV.
    NoHeaderRow,
    QuoteNeverClosed,
}

impl fmt::Display for Flaw {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Flaw::NoTextBeside { stem } => write!(f, "there is no {stem}.txt beside it"),
            Flaw::NotTokenAndTag { found } => write!(f, "expected a token and a tag, found «{found}»"),
            Flaw::NotATag { tag } => write!(f, "«{tag}» is not a BIO/BIOES tag"),
            Flaw::NoTaggedLines => f.write_str("it holds no tagged lines"),
            Flaw::NoRecords => f.write_str("it holds no records"),
            Flaw::NoTextField => f.write_str("no \"text\" field, and not tokens with ner_tags"),
            Flaw::ShapeChanged { shape, earlier } => {
                write!(f, "the line is {shape}, but earlier lines are {earlier}")
            }
            Flaw::TextNotString => f.write_str("\"text\" is not a string"),
            Flaw::UnknownOffsetUnit { found } => {
                write!(f, "offset_unit \"{found}\" is not codepoint, utf16, utf8 or grapheme")
            }
            Flaw::TokensNotList => f.write_str("\"tokens\" is not a list"),
            Flaw::TokenNotString => f.write_str("a token is not a string"),
            Flaw::NerTagsNotList => f.write_str("\"ner_tags\" is not a list"),
            Flaw::TagCount { tokens, tags } => write!(f, "{tokens} tokens but {tags} ner_tags"),
            Flaw::TagNamesMissing => f.write_str(
                "ner_tags are numbers; import a zip that holds labels.json (the tag names) with the data",
            ),
            Flaw::TagIdUnknown { id } => write!(f, "tag id {id} is not in labels.json"),
            Flaw::TagNeitherNameNorNumber => f.write_str("a tag is neither a name nor a number"),
            Flaw::DataHasNoText => f.write_str("data has no text"),
            Flaw::SourceListedTwice { id } => write!(f, "source {id} is listed twice in \"biaozhu:sources\""),
            Flaw::TextsNotIncluded => f.write_str(
                "the annotations do not carry the texts they point at; this app imports W3C files that \
                 include them (as its own exports do under \"biaozhu:sources\")",
            ),
            Flaw::NoTargetSource => f.write_str("no target.source"),
            Flaw::NoHeaderRow => f.write_str("it holds no header row"),
            Flaw::QuoteNeverClosed => f.write_str("a quoted field is never closed"),
        }
    }
}

/// A span or relation of a document that a reader could not read and left out; the rest of the
/// document is imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unread {
    /// brat: a T line that is not ID, TYPE START END, TEXT.
    AnnLineShape,
    /// brat: a T line with no offsets after its type.
    AnnNoOffsets,
    /// brat: offsets that are not START END pairs.
    AnnOffsets { found: String },
    /// A relation whose ends are not spans read from the same record (`n`: its place in the
    /// record's list, from 1, when it has one).
    RelationEnds { n: Option<usize>, kind: String },
    /// spaCy / Prodigy: span `n` without whole-number offsets and a label.
    SpanFields { n: usize, start: String, end: String, label: String },
    /// doccano: label `n` of neither shape.
    EntityShape { n: usize, found: String },
    /// Label Studio: a region without whole-number offsets.
    RegionOffsets { region: String, start: String, end: String },
    /// Label Studio: a relation without a type, or not between two regions read.
    RegionRelation { from: String, to: String },
    /// W3C: an annotation whose source has no text in the file.
    SourceHasNoText { source: String },
    /// W3C: an annotation without a body value (its label).
    NoBody,
    /// W3C: a linking annotation without two span annotations of one text and a type.
    Link,
    /// W3C: neither positions nor a quote.
    NoPosition { label: String, found: String },
}

impl fmt::Display for Unread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unread::AnnLineShape => {
                f.write_str("expected ID<TAB>TYPE START END<TAB>TEXT; the line is left out")
            }
            Unread::AnnNoOffsets => f.write_str("no offsets after the type; the line is left out"),
            Unread::AnnOffsets { found } => {
                write!(f, "offsets «{found}» are not START END pairs; the span is left out")
            }
            Unread::RelationEnds { n: Some(n), kind } => write!(
                f,
                "relation {n} ({kind}) is left out: it does not point at two readable spans of the record"
            ),
            Unread::RelationEnds { n: None, kind } => write!(
                f,
                "a {kind} relation is left out: it does not point at two readable spans of the file"
            ),
            Unread::SpanFields { n, start, end, label } => write!(
                f,
                "span {n} needs whole-number start and end and a label (found start {start}, end {end}, label {label})"
            ),
            Unread::EntityShape { n, found } => write!(
                f,
                "label {n} is neither [start, end, label] nor an entity object with whole-number offsets: {found}"
            ),
            Unread::RegionOffsets { region, start, end } => write!(
                f,
                "region {region} has no whole-number start and end (found start {start}, end {end})"
            ),
            Unread::RegionRelation { from, to } => write!(
                f,
                "a relation from region {from} to {to} is left out: it has no type or does not join two readable regions"
            ),
            Unread::SourceHasNoText { source } => {
                write!(f, "its source {source} has no text in the file; the span is left out")
            }
            Unread::NoBody => f.write_str("no body value (the label); the span is left out"),
            Unread::Link => f.write_str(
                "a linking annotation is left out: it needs two span annotations of one text and a type",
            ),
            Unread::NoPosition { label, found } => write!(
                f,
                "{label} span has neither whole-number positions nor a quote ({found}); it is left out"
            ),
        }
    }
}

/// What a reader passed over on purpose, told in the review's notes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Passed {
    /// Prodigy answers "reject" or "ignore".
    RejectedAnswers { count: usize },
    /// brat: event, attribute or note lines this app has no place for.
    OtherAnnLines { count: usize },
    /// Label Studio: a task without an annotation or prediction (its text is imported).
    NoAnnotation,
    /// W3C: a source without an id or a text.
    SourceWithoutText,
    /// CSV / TSV: rows with nothing in the text column.
    RowsWithoutText { count: usize, column: String },
}

impl fmt::Display for Passed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Passed::RejectedAnswers { count } => {
                write!(f, "{count} rejected or ignored Prodigy answer(s) were skipped")
            }
            Passed::OtherAnnLines { count } => {
                write!(f, "{count} event, attribute or note line(s) are not imported")
            }
            Passed::NoAnnotation => {
                f.write_str("no annotation or prediction; its text is imported without spans")
            }
            Passed::SourceWithoutText => f.write_str("it has no id or no text and is skipped"),
            Passed::RowsWithoutText { count, column } => {
                write!(f, "{count} row(s) have no text in column \"{column}\" and are left out")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_as_the_formats_count() {
        let cases = [
            (Place::file("a.jsonl"), "a.jsonl"),
            (Place::line("a.jsonl", 3), "a.jsonl line 3"),
            (Place::nth("ls.json", Unit::Task, 2), "ls.json task 2"),
            (Place::nth("w3c.json", Unit::Annotation, 7), "w3c.json annotation 7"),
            (Place::nth("w3c.json", Unit::Source, 1), "w3c.json source 1"),
        ];
        for (place, want) in cases {
            assert_eq!(place.to_string(), want);
        }
        let found = Found { place: Place::line("x.conll", 4), what: Flaw::NotATag { tag: "Q".into() } };
        assert_eq!(found.to_string(), "x.conll line 4: «Q» is not a BIO/BIOES tag");
    }
}
