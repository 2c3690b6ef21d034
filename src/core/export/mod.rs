//! Dataset exports that training code loads without glue. Every format is written from the
//! same records (documents, paragraphs or sentences with re-based spans), then checked: each
//! span's offsets must give back the text it carries, or the export is refused naming the span.

pub mod brat;
pub mod bundle;
pub mod check;
pub mod conll;
pub mod doccano;
pub mod exporting;
pub mod hf;
pub mod job;
pub mod label_studio;
pub mod preview;
pub mod problem;
mod read_back;
pub mod spacy;
pub mod split;
pub mod tokens;
pub mod units;
pub mod w3c;

use crate::core::project::Project;
use crate::core::schema::Schema;
pub use job::{exported_documents, ExportJob, Phase, Step};
pub use problem::{ExportLoss, ExportProblem, NamedSpan};
use serde::{Deserialize, Serialize};
use split::{SplitSpec, SPLIT_NAMES};
use std::collections::BTreeMap;
use std::fmt;
use tokens::TagScheme;
use units::{Crossing, CrossingSpan, Granularity, Record};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// spaCy / Prodigy `spans` JSONL with single-character tokens.
    Spacy,
    /// doccano JSONL, `label` triples.
    DoccanoLabels,
    /// doccano JSONL, `entities` and `relations`.
    DoccanoEntities,
    /// doccano JSONL, `label` triples with UTF-16 offsets, for doccano's own interface.
    DoccanoUtf16,
    LabelStudio,
    Brat,
    Conll,
    HuggingFace,
    W3c,
}

impl Format {
    pub const ALL: [Format; 9] = [
        Format::Spacy,
        Format::DoccanoLabels,
        Format::DoccanoEntities,
        Format::DoccanoUtf16,
        Format::LabelStudio,
        Format::Brat,
        Format::Conll,
        Format::HuggingFace,
        Format::W3c,
    ];

    /// A stable key, used in file names and the UI.
    pub fn key(self) -> &'static str {
        match self {
            Format::Spacy => "spacy",
            Format::DoccanoLabels => "doccano",
            Format::DoccanoEntities => "doccano-entities",
            Format::DoccanoUtf16 => "doccano-utf16",
            Format::LabelStudio => "label-studio",
            Format::Brat => "brat",
            Format::Conll => "conll",
            Format::HuggingFace => "huggingface",
            Format::W3c => "w3c",
        }
    }

    pub fn from_key(key: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.key() == key)
    }

    pub fn title(self) -> &'static str {
        match self {
            Format::Spacy => "spaCy / Prodigy spans JSONL",
            Format::DoccanoLabels => "doccano JSONL (label triples)",
            Format::DoccanoEntities => "doccano JSONL (entities + relations)",
            Format::DoccanoUtf16 => "doccano JSONL, UTF-16 offsets (only for doccano's own interface)",
            Format::LabelStudio => "Label Studio JSON tasks + labeling config",
            Format::Brat => "brat standoff (.txt + .ann, zip)",
            Format::Conll => "CoNLL character-level tags",
            Format::HuggingFace => "Hugging Face datasets JSONL (tokens + ner_tags)",
            Format::W3c => "W3C Web Annotation JSON-LD",
        }
    }

    pub fn holds_relations(self) -> bool {
        matches!(
            self,
            Format::Spacy | Format::DoccanoEntities | Format::LabelStudio | Format::Brat | Format::W3c
        )
    }

    pub fn holds_attributes(self) -> bool {
        matches!(self, Format::Spacy | Format::LabelStudio | Format::Brat | Format::W3c)
    }

    /// True for the formats with one tag per character, which cannot hold overlapping spans.
    pub fn is_tagged(self) -> bool {
        matches!(self, Format::Conll | Format::HuggingFace)
    }
}

/// Label Studio: completed annotations, or predictions to review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelStudioKind {
    Annotations,
    Predictions,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportOptions {
    pub format: Format,
    pub granularity: Granularity,
    pub crossing: Crossing,
    /// Labels to include; `None` means all.
    pub labels: Option<Vec<String>>,
    /// Documents to include by id; empty means all.
    pub documents: Vec<String>,
    /// Only documents whose status is done.
    pub only_done: bool,
    pub split: Option<SplitSpec>,
    pub tag_scheme: TagScheme,
    pub label_studio: LabelStudioKind,
    /// Label Studio: the suggestion layer as a second prediction of each task (never as
    /// annotations).
    #[serde(default)]
    pub suggestions: bool,
}

impl ExportOptions {
    pub fn new(format: Format) -> Self {
        ExportOptions {
            format,
            granularity: Granularity::Document,
            crossing: Crossing::MergeUnits,
            labels: None,
            documents: Vec::new(),
            only_done: false,
            split: None,
            tag_scheme: TagScheme::Bio,
            label_studio: LabelStudioKind::Annotations,
            suggestions: false,
        }
    }

    pub fn keeps_label(&self, label: &str) -> bool {
        self.labels.as_ref().is_none_or(|labels| labels.iter().any(|l| l == label))
    }
}

/// One file of an export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutFile {
    pub path: String,
    pub contents: Vec<u8>,
}

impl OutFile {
    pub fn text(path: impl Into<String>, contents: String) -> Self {
        OutFile { path: path.into(), contents: contents.into_bytes() }
    }
}

/// What an export produced, and what the user should know before downloading it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    pub files: Vec<OutFile>,
    pub records: usize,
    pub spans_per_label: BTreeMap<String, usize>,
    /// Spans that crossed a unit boundary (merged into a larger unit, or left out).
    pub crossing: Vec<CrossingSpan>,
    pub crossing_policy: Crossing,
    /// What the export leaves out (relations, attributes) and why, to say before a download.
    pub left_out: Vec<ExportLoss>,
}

/// Why an export was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportError {
    /// Nothing to export with these options.
    Empty,
    /// Problems found by the self-check or by a format's own rules, each naming the span.
    Problems(Vec<ExportProblem>),
    /// The train/dev/test percentages do not add up to 100.
    BadSplit(split::SplitError),
    /// The files cannot be put in one zip (too many, or too large).
    Zip(bundle::ZipError),
    /// Documents are still being read from browser storage (see `Document::stand_in`).
    StillLoading(usize),
    /// The export worker could not be started, stopped, or was sent what it could not read
    /// (the browser's or the reader's words).
    WorkerFailed(String),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Empty => write!(f, "nothing to export: no document matches the options"),
            ExportError::BadSplit(error) => write!(f, "the split was refused: {error}"),
            ExportError::Zip(error) => write!(f, "the download was refused: {error}"),
            ExportError::StillLoading(left) => {
                write!(
                    f,
                    "{left} documents are still being read from browser storage; the export waits for them"
                )
            }
            ExportError::WorkerFailed(cause) => write!(f, "the export stopped: its worker failed ({cause})"),
            ExportError::Problems(problems) => {
                let shown: Vec<String> = problems.iter().take(10).map(ExportProblem::to_string).collect();
                write!(f, "the export was stopped: {}", shown.join("; "))?;
                if problems.len() > 10 {
                    write!(f, "; and {} more", problems.len() - 10)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::BadSplit(error) => Some(error),
            ExportError::Zip(error) => Some(error),
            _ => None,
        }
    }
}

/// Builds the export, runs its self-check, and returns the files (not yet bundled), in one go
/// (the browser runs the same [`ExportJob`] in pieces).
pub fn run_export(project: &Project, options: &ExportOptions) -> Result<Export, ExportError> {
    let mut job = ExportJob::new(project, options.clone())?;
    loop {
        if let Step::Done(result) = job.step(project, usize::MAX) {
            return *result;
        }
    }
}

/// Messages about relations and attributes that this export cannot carry.
pub(super) fn left_out(
    docs: &[&crate::core::Document],
    records: &[Record],
    options: &ExportOptions,
) -> Vec<ExportLoss> {
    let mut out = Vec::new();
    let format = options.format;
    let kept = |doc: &crate::core::Document, id| doc.span(id).is_some_and(|s| options.keeps_label(&s.label));
    let relations: usize =
        docs.iter().map(|d| d.relations().iter().filter(|r| kept(d, r.from) && kept(d, r.to)).count()).sum();
    let in_records: usize = records.iter().map(|r| r.relations.len()).sum();
    if !options.format.holds_relations() && relations > 0 {
        out.push(ExportLoss::Relations { format, count: relations });
    } else if in_records < relations {
        out.push(ExportLoss::RelationsAcrossUnits { count: relations - in_records });
    }
    let attributes: usize = records.iter().flat_map(|r| &r.spans).map(|s| s.attributes.len()).sum();
    if !options.format.holds_attributes() && attributes > 0 {
        out.push(ExportLoss::Attributes { format, count: attributes });
    }
    out
}

/// The file name of a part: `train.jsonl`, or `biaozhu-spacy.jsonl` without a split.
pub(super) fn part_name(options: &ExportOptions, part: Option<&str>, extension: &str) -> String {
    match part {
        Some(part) => format!("{part}.{extension}"),
        None => format!("biaozhu-{}.{extension}", options.format.key()),
    }
}

/// The files of `records`, the part (or piece of a part) starting at record `first` of it.
pub(super) fn write_part(
    schema: &Schema,
    options: &ExportOptions,
    labels: &[String],
    part: Option<&str>,
    records: &[Record],
    first: usize,
) -> Result<Vec<OutFile>, Vec<ExportProblem>> {
    let first_id = first + 1;
    Ok(match options.format {
        Format::Spacy => vec![OutFile::text(part_name(options, part, "jsonl"), spacy::write(records)?)],
        Format::DoccanoLabels => {
            vec![OutFile::text(
                part_name(options, part, "jsonl"),
                doccano::write_labels(records, false, first_id),
            )]
        }
        Format::DoccanoUtf16 => {
            vec![OutFile::text(
                part_name(options, part, "jsonl"),
                doccano::write_labels(records, true, first_id),
            )]
        }
        Format::DoccanoEntities => {
            vec![OutFile::text(part_name(options, part, "jsonl"), doccano::write_entities(records, first_id))]
        }
        Format::LabelStudio => vec![OutFile::text(
            part_name(options, part, "json"),
            label_studio::write_tasks(records, options.label_studio, options.suggestions, schema, first_id),
        )],
        Format::Brat => brat::write(records, part, schema),
        Format::Conll => {
            vec![OutFile::text(part_name(options, part, "conll"), conll::write(records, options.tag_scheme)?)]
        }
        Format::HuggingFace => {
            let names = tokens::tag_names(labels, options.tag_scheme);
            vec![OutFile::text(
                part_name(options, part, "jsonl"),
                hf::write(records, options.tag_scheme, &names)?,
            )]
        }
        Format::W3c => vec![OutFile::text(part_name(options, part, "jsonld"), w3c::write(records))],
    })
}

/// Files that describe the schema rather than one part: configs and label lists.
pub(super) fn shared_files(project: &Project, options: &ExportOptions, labels: &[String]) -> Vec<OutFile> {
    match options.format {
        Format::LabelStudio => {
            vec![OutFile::text("label-studio-config.xml", label_studio::config_xml(&project.schema, labels))]
        }
        Format::Brat => brat::config_files(&project.schema, labels),
        Format::HuggingFace => {
            let names = tokens::tag_names(labels, options.tag_scheme);
            vec![OutFile::text(
                "labels.json",
                serde_json::to_string_pretty(&names).expect("strings serialise"),
            )]
        }
        _ => Vec::new(),
    }
}
