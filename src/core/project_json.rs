//! The project JSON file: what "Export JSON" writes and "Import" reads.
//!
//! Offsets are code points, half-open, so Python's `text[start:end]` equals each span's `text`.
//! Import checks everything before anything changes; a refusal names the document, the span and
//! the offsets. The shape is described in `docs/project.schema.json`.

use super::command::Command;
use super::document::{Document, Span};
use super::offsets::{cp_to_utf16, excerpt, utf16_len, CharRange};
use super::project::Project;
use super::project_file_problem::{Fault, FilePart, FileProblem};
use super::schema::Schema;
use super::wire::DocumentWire;
pub use super::wire::SpanInFile;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt;

pub const FORMAT_NAME: &str = "biaozhu-project";
pub const FORMAT_VERSION: u64 = 1;
pub const OFFSET_UNIT: &str = "codepoint";

/// The project file. Its documents are [`DocumentWire`]s whose spans carry their layer and
/// text; `docs/project.schema.json` is generated from these types.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub struct ProjectFile<'a> {
    /// Always `biaozhu-project`.
    #[cfg_attr(feature = "json-schema", schemars(extend("const" = "biaozhu-project")))]
    pub format: Cow<'a, str>,
    /// Always 1.
    #[cfg_attr(feature = "json-schema", schemars(extend("const" = 1)))]
    pub version: u64,
    /// Always `codepoint`: offsets are Unicode code points (Python `str` indices), end
    /// exclusive; not UTF-16 units, not UTF-8 bytes.
    #[cfg_attr(feature = "json-schema", schemars(extend("const" = "codepoint")))]
    pub offset_unit: Cow<'a, str>,
    pub schema: Cow<'a, Schema>,
    pub documents: Vec<DocumentWire<'a, SpanInFile>>,
}

/// Writes the whole project as pretty-printed JSON.
pub fn export_project(project: &Project) -> String {
    let documents = project
        .documents()
        .iter()
        .map(|doc| {
            let spans = doc
                .spans()
                .iter()
                .map(|span| SpanInFile {
                    span: span.clone(),
                    layer: project.schema.layer_of(&span.label).map(|l| l.name.clone()),
                    text: Some(doc.slice(span.range).to_string()),
                })
                .collect();
            DocumentWire::of(doc, Cow::Owned(spans))
        })
        .collect();
    let file = ProjectFile {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        offset_unit: OFFSET_UNIT.into(),
        schema: Cow::Borrowed(&project.schema),
        documents,
    };
    serde_json::to_string_pretty(&file).expect("a project always serialises")
}

/// Why an import was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    NotJson {
        line: usize,
        column: usize,
        reason: String,
    },
    NotAProject {
        why: NotAProject,
    },
    UnknownVersion {
        found: String,
    },
    WrongOffsetUnit {
        found: String,
    },
    BadSchema {
        problems: Vec<crate::core::schema::SchemaProblem>,
    },
    BadDocument {
        index: usize,
        reason: String,
    },
    DuplicateDocument {
        id: String,
    },
    /// Problems with spans, relations and suggestions, each naming its document, its id and
    /// its offsets or ends.
    BadSpans {
        problems: Vec<FileProblem>,
    },
}

/// Why a JSON file is not a project file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotAProject {
    /// The top level is not an object.
    NotAnObject,
    /// `format` names another format.
    OtherFormat { found: String },
    /// A field every project file has is missing.
    NoField { field: &'static str },
    /// `schema` does not read; the JSON reader's words.
    Schema { cause: String },
    /// `documents` is missing or not a list.
    NoDocumentList,
}

impl fmt::Display for NotAProject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotAProject::NotAnObject => f.write_str("the top level is not an object"),
            NotAProject::OtherFormat { found } => write!(f, "\"format\" is \"{found}\""),
            NotAProject::NoField { field } => write!(f, "it has no \"{field}\" field"),
            NotAProject::Schema { cause } => write!(f, "\"schema\": {cause}"),
            NotAProject::NoDocumentList => f.write_str("\"documents\" is missing or not a list"),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotJson { line, column, reason } => {
                write!(f, "the file is not valid JSON (line {line}, column {column}): {reason}")
            }
            ImportError::NotAProject { why } => {
                write!(f, "the file is JSON but not a biaozhu project: {why}")
            }
            ImportError::UnknownVersion { found } => {
                write!(f, "the project file has version {found}; this app reads version {FORMAT_VERSION}")
            }
            ImportError::WrongOffsetUnit { found } => {
                write!(f, "the project file counts offsets in \"{found}\"; this app reads \"{OFFSET_UNIT}\"")
            }
            ImportError::BadSchema { problems } => {
                write!(
                    f,
                    "the label schema is unusable: {}",
                    crate::core::schema_problem::joined(problems, "; ")
                )
            }
            ImportError::BadDocument { index, reason } => {
                write!(f, "document {} in the file is malformed: {reason}", index + 1)
            }
            ImportError::DuplicateDocument { id } => {
                write!(f, "the file has two documents with id \"{id}\"")
            }
            ImportError::BadSpans { problems } => {
                const SHOWN: usize = 10;
                let shown: Vec<String> = problems.iter().take(SHOWN).map(FileProblem::to_string).collect();
                write!(f, "{} span problem(s): {}", problems.len(), shown.join("; "))?;
                if problems.len() > SHOWN {
                    write!(f, "; and {} more", problems.len() - SHOWN)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads a project file, checking every span against its document and the schema.
///
/// # Errors
/// Any problem refuses the whole file; see [`ImportError`].
pub fn import_project(json: &str) -> Result<Project, ImportError> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let not_json = |e: serde_json::Error| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        reason: e.to_string(),
    };
    // Checked as JSON first, so that broken JSON is told apart from a JSON value of another shape.
    let whole: &RawValue = serde_json::from_str(json).map_err(not_json)?;
    if !whole.get().starts_with('{') {
        return Err(ImportError::NotAProject { why: NotAProject::NotAnObject });
    }
    let head: FileHead = serde_json::from_str(json).map_err(not_json)?;
    match head.format.and_then(as_string).as_deref() {
        Some(FORMAT_NAME) => {}
        Some(other) => {
            return Err(ImportError::NotAProject {
                why: NotAProject::OtherFormat { found: other.to_string() },
            })
        }
        None => return Err(ImportError::NotAProject { why: NotAProject::NoField { field: "format" } }),
    }
    match head.version {
        Some(v) if serde_json::from_str::<u64>(v.get()).ok() == Some(FORMAT_VERSION) => {}
        Some(v) => return Err(ImportError::UnknownVersion { found: v.get().to_string() }),
        None => return Err(ImportError::NotAProject { why: NotAProject::NoField { field: "version" } }),
    }
    match head.offset_unit.and_then(as_string).as_deref() {
        Some(OFFSET_UNIT) => {}
        Some(other) => return Err(ImportError::WrongOffsetUnit { found: other.to_string() }),
        None => return Err(ImportError::NotAProject { why: NotAProject::NoField { field: "offset_unit" } }),
    }
    let schema: Schema = serde_json::from_str(head.schema.map_or("null", RawValue::get)).map_err(|e| {
        ImportError::NotAProject { why: NotAProject::Schema { cause: placed_in(json, head.schema, &e) } }
    })?;
    let problems = schema.problems();
    if !problems.is_empty() {
        return Err(ImportError::BadSchema { problems });
    }
    let raw_documents: Vec<&RawValue> = match head.documents {
        Some(list) if list.get().starts_with('[') => serde_json::from_str(list.get()).map_err(not_json)?,
        _ => return Err(ImportError::NotAProject { why: NotAProject::NoDocumentList }),
    };

    let mut project = Project::new(schema);
    let mut span_problems = Vec::new();
    let mut seen_span_ids = std::collections::HashSet::new();
    for (index, raw) in raw_documents.into_iter().enumerate() {
        let file: DocumentWire<SpanInFile> = serde_json::from_str(raw.get())
            .map_err(|e| ImportError::BadDocument { index, reason: placed_in(json, Some(raw), &e) })?;
        if project.document(&file.id).is_some() {
            return Err(ImportError::DuplicateDocument { id: file.id.0 });
        }
        let doc_id = file.id.clone();
        let at = project.documents().len();
        project.insert_document(at, file.empty_document()).expect("document ids checked above");
        // Spans first, so that a broken span is named before any relation that points at it.
        for SpanInFile { span, layer, text } in file.spans.into_owned() {
            let doc = project.document(&doc_id).expect("inserted above");
            let at = span_part(&doc_id.0, &span);
            if let Err(fault) = check_span_file(&project, doc, &span, layer.as_deref(), text.as_deref()) {
                span_problems.push(FileProblem { at, fault });
                continue;
            }
            if !seen_span_ids.insert(span.id) {
                span_problems.push(FileProblem { at, fault: Fault::IdUsedTwice });
                continue;
            }
            let Span { id: span_id, range, label, attributes, annotator } = span;
            let bare = Span::new(span_id, range, label).by(annotator);
            // Overlaps the schema forbids are found by the same check every edit goes through.
            if let Err(error) = project.insert_span(&doc_id, bare) {
                span_problems.push(FileProblem { at, fault: Fault::Refused(Box::new(error)) });
                continue;
            }
            for (name, value) in attributes {
                let set =
                    Command::SetAttribute { doc: doc_id.clone(), span: span_id, name, value: Some(value) };
                if let Err(error) = set.apply(&mut project) {
                    span_problems
                        .push(FileProblem { at: at.clone(), fault: Fault::Refused(Box::new(error)) });
                }
            }
        }
        // Relation ids need only be unique in their document: every relation is addressed by
        // its document and id, and files that number them 1..n per document are common.
        let mut seen_relation_ids = std::collections::HashSet::new();
        for relation in file.relations.into_owned() {
            let at = FilePart::Relation {
                doc: doc_id.0.clone(),
                id: relation.id.0,
                kind: relation.kind.to_string(),
                from: relation.from.0,
                to: relation.to.0,
            };
            if !seen_relation_ids.insert(relation.id) {
                span_problems.push(FileProblem { at, fault: Fault::IdUsedTwice });
                continue;
            }
            if let Err(error) = (Command::AddRelation { doc: doc_id.clone(), relation }).apply(&mut project) {
                span_problems.push(FileProblem { at, fault: Fault::Refused(Box::new(error)) });
            }
        }
        let suggestions = file.suggestions.into_owned();
        if !suggestions.is_empty() {
            let add = Command::AddSuggestions { doc: doc_id.clone(), suggestions };
            if let Err(error) = add.apply(&mut project) {
                let at = FilePart::Suggestions { doc: doc_id.0.clone() };
                span_problems.push(FileProblem { at, fault: Fault::Refused(Box::new(error)) });
            }
        }
    }
    if span_problems.is_empty() {
        Ok(project)
    } else {
        Err(ImportError::BadSpans { problems: span_problems })
    }
}

/// The top level of a project file, each field left as its JSON text: the schema and every
/// document are read from the file's own text, as storage reads them. (Reading the file into
/// `serde_json::Value` first, as this did, linked a second copy of every type's reader, made
/// for `Value`, into the page: about 8 KB of gzipped wasm.)
#[derive(Deserialize)]
struct FileHead<'a> {
    #[serde(borrow, default)]
    format: Option<&'a RawValue>,
    #[serde(borrow, default)]
    version: Option<&'a RawValue>,
    #[serde(borrow, default)]
    offset_unit: Option<&'a RawValue>,
    #[serde(borrow, default)]
    schema: Option<&'a RawValue>,
    #[serde(borrow, default)]
    documents: Option<&'a RawValue>,
}

/// The string a field holds, or `None` when it holds something else.
fn as_string(raw: &RawValue) -> Option<String> {
    serde_json::from_str(raw.get()).ok()
}

/// `error`'s message, met reading `part` of the file `json`, with its line and column counted
/// in the whole file (the reader counted them from the start of `part`).
pub(crate) fn placed_in(json: &str, part: Option<&RawValue>, error: &serde_json::Error) -> String {
    let message = error.to_string();
    let local = format!(" at line {} column {}", error.line(), error.column());
    let Some(message) = message.strip_suffix(&local) else { return message };
    let offset = part.map_or(0, |part| (part.get().as_ptr() as usize).saturating_sub(json.as_ptr() as usize));
    let before = json.get(..offset).unwrap_or("");
    let lines_before = before.matches('\n').count();
    let column_before = before.rfind('\n').map_or(before.len(), |at| before.len() - at - 1);
    let column = if error.line() == 1 { column_before + error.column() } else { error.column() };
    format!("{message} at line {} column {column}", lines_before + error.line())
}

/// Where `span` of document `doc` is, as the file states it.
fn span_part(doc: &str, span: &Span) -> FilePart {
    FilePart::Span { doc: doc.to_string(), id: span.id.0, start: span.range.start, end: span.range.end }
}

/// Checks one span of the file against its document and the schema.
fn check_span_file(
    project: &Project,
    doc: &Document,
    span: &Span,
    layer: Option<&str>,
    text: Option<&str>,
) -> Result<(), Fault> {
    let CharRange { start, end } = span.range;
    if start >= end {
        return Err(Fault::StartNotBeforeEnd);
    }
    if end > doc.char_len() {
        return Err(Fault::PastTheEnd { len: doc.char_len() });
    }
    let Some(schema_layer) = project.schema.layer_of(&span.label) else {
        return Err(Fault::LabelNotInSchema { label: span.label.to_string() });
    };
    if let Some(declared) = layer {
        if declared != schema_layer.name {
            return Err(Fault::WrongLayer {
                declared: declared.to_string(),
                label: span.label.to_string(),
                layer: schema_layer.name.to_string(),
            });
        }
    }
    let actual = doc.slice(span.range);
    if let Some(expected) = text {
        if expected != actual {
            return Err(Fault::TextDiffers {
                stated: excerpt(expected),
                found: excerpt(actual),
                utf16: looks_like_utf16(doc.text(), start, end, expected),
            });
        }
    }
    Ok(())
}

/// True when `start..end` read as UTF-16 units would give `expected`: the classic unit mix-up.
fn looks_like_utf16(text: &str, start: usize, end: usize, expected: &str) -> bool {
    if end > utf16_len(text) {
        return false;
    }
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).is_ok_and(|s| s == expected) && cp_to_utf16(text, start) != start
}
