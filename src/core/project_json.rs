//! The project JSON file: what "Export JSON" writes and "Import" reads.
//!
//! Offsets are code points, half-open, so Python's `text[start:end]` equals each span's `text`.
//! Import checks everything before anything changes; a refusal names the document, the span and
//! the offsets. The shape is described in `docs/project.schema.json`.

use super::command::Command;
use super::document::{DocId, DocStatus, Document, Relation, RelationId, Span, SpanId};
use super::offsets::{cp_to_utf16, utf16_len, CharRange};
use super::project::Project;
use super::schema::Schema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

pub const FORMAT_NAME: &str = "biaozhu-project";
pub const FORMAT_VERSION: u64 = 1;
pub const OFFSET_UNIT: &str = "codepoint";

#[derive(Serialize, Deserialize)]
struct ProjectFile {
    format: String,
    version: u64,
    offset_unit: String,
    schema: Schema,
    documents: Vec<DocumentFile>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentFile {
    id: String,
    name: String,
    /// `todo` (the default), `in_progress` or `done`.
    #[serde(default)]
    status: DocStatus,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    annotator: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
    text: String,
    #[serde(default)]
    spans: Vec<SpanFile>,
    /// Directed links between spans of this document, by span id.
    #[serde(default)]
    relations: Vec<RelationFile>,
}

#[derive(Serialize, Deserialize)]
struct RelationFile {
    id: u64,
    #[serde(rename = "type")]
    kind: String,
    from: u64,
    to: u64,
}

#[derive(Serialize, Deserialize)]
struct SpanFile {
    id: u64,
    start: usize,
    end: usize,
    label: String,
    /// Optional on import; when present it must match the label's layer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    layer: Option<String>,
    /// Optional on import; when present it must equal the document text at `start..end`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    /// Attribute values by name (schema `attributes`); left out when there are none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    attributes: BTreeMap<String, String>,
}

/// Writes the whole project as pretty-printed JSON.
pub fn export_project(project: &Project) -> String {
    let documents = project
        .documents()
        .iter()
        .map(|doc| DocumentFile {
            id: doc.id.0.clone(),
            name: doc.name.clone(),
            status: doc.status,
            annotator: doc.annotator.clone(),
            note: doc.note.clone(),
            text: doc.text().to_string(),
            spans: doc
                .spans()
                .iter()
                .map(|span| SpanFile {
                    id: span.id.0,
                    start: span.range.start,
                    end: span.range.end,
                    label: span.label.clone(),
                    layer: project.schema.layer_of(&span.label).map(|l| l.name.clone()),
                    text: Some(doc.slice(span.range).to_string()),
                    attributes: span.attributes.clone(),
                })
                .collect(),
            relations: doc
                .relations()
                .iter()
                .map(|r| RelationFile { id: r.id.0, kind: r.kind.clone(), from: r.from.0, to: r.to.0 })
                .collect(),
        })
        .collect();
    let file = ProjectFile {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        offset_unit: OFFSET_UNIT.into(),
        schema: project.schema.clone(),
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
        reason: String,
    },
    UnknownVersion {
        found: String,
    },
    WrongOffsetUnit {
        found: String,
    },
    BadSchema {
        problems: Vec<String>,
    },
    BadDocument {
        index: usize,
        reason: String,
    },
    DuplicateDocument {
        id: String,
    },
    /// Problems with spans, each naming its document, span and offsets.
    BadSpans {
        problems: Vec<String>,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotJson { line, column, reason } => {
                write!(f, "the file is not valid JSON (line {line}, column {column}): {reason}")
            }
            ImportError::NotAProject { reason } => {
                write!(f, "the file is JSON but not a biaozhu project: {reason}")
            }
            ImportError::UnknownVersion { found } => {
                write!(f, "the project file has version {found}; this app reads version {FORMAT_VERSION}")
            }
            ImportError::WrongOffsetUnit { found } => {
                write!(f, "the project file counts offsets in \"{found}\"; this app reads \"{OFFSET_UNIT}\"")
            }
            ImportError::BadSchema { problems } => {
                write!(f, "the label schema is unusable: {}", problems.join("; "))
            }
            ImportError::BadDocument { index, reason } => {
                write!(f, "document {} in the file is malformed: {reason}", index + 1)
            }
            ImportError::DuplicateDocument { id } => {
                write!(f, "the file has two documents with id \"{id}\"")
            }
            ImportError::BadSpans { problems } => {
                const SHOWN: usize = 10;
                let shown: Vec<&str> = problems.iter().take(SHOWN).map(String::as_str).collect();
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
    let mut value: Value = serde_json::from_str(json).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        reason: e.to_string(),
    })?;
    let object = value
        .as_object()
        .ok_or_else(|| ImportError::NotAProject { reason: "the top level is not an object".into() })?;
    match object.get("format").and_then(Value::as_str) {
        Some(FORMAT_NAME) => {}
        Some(other) => return Err(ImportError::NotAProject { reason: format!("\"format\" is \"{other}\"") }),
        None => return Err(ImportError::NotAProject { reason: "it has no \"format\" field".into() }),
    }
    match object.get("version") {
        Some(v) if v.as_u64() == Some(FORMAT_VERSION) => {}
        Some(v) => return Err(ImportError::UnknownVersion { found: v.to_string() }),
        None => return Err(ImportError::NotAProject { reason: "it has no \"version\" field".into() }),
    }
    match object.get("offset_unit").and_then(Value::as_str) {
        Some(OFFSET_UNIT) => {}
        Some(other) => return Err(ImportError::WrongOffsetUnit { found: other.to_string() }),
        None => return Err(ImportError::NotAProject { reason: "it has no \"offset_unit\" field".into() }),
    }
    let schema: Schema = serde_json::from_value(object.get("schema").cloned().unwrap_or(Value::Null))
        .map_err(|e| ImportError::NotAProject { reason: format!("\"schema\": {e}") })?;
    let problems = schema.problems();
    if !problems.is_empty() {
        return Err(ImportError::BadSchema { problems });
    }
    // Taken out of the parsed file, so that each document is converted without a copy.
    let raw_documents = match value.get_mut("documents").map(Value::take) {
        Some(Value::Array(documents)) => documents,
        _ => {
            return Err(ImportError::NotAProject { reason: "\"documents\" is missing or not a list".into() })
        }
    };

    let mut project = Project::new(schema);
    let mut span_problems = Vec::new();
    let mut seen_span_ids = std::collections::HashSet::new();
    for (index, raw) in raw_documents.into_iter().enumerate() {
        // Relation ids need only be unique in their document: every relation is addressed by
        // its document and id, and files that number them 1..n per document are common.
        let mut seen_relation_ids = std::collections::HashSet::new();
        let file: DocumentFile = serde_json::from_value(raw)
            .map_err(|e| ImportError::BadDocument { index, reason: e.to_string() })?;
        if project.document(&DocId(file.id.clone())).is_some() {
            return Err(ImportError::DuplicateDocument { id: file.id });
        }
        let doc_id = DocId(file.id);
        let at = project.documents().len();
        project
            .insert_document(at, {
                let mut doc = Document::new(doc_id.clone(), file.name, file.text).with_status(file.status);
                doc.annotator = file.annotator;
                doc.note = file.note;
                doc
            })
            .expect("document ids checked above");
        for span in file.spans {
            let doc = project.document(&doc_id).expect("inserted above");
            if let Err(problem) = check_span_file(&project, doc, &span) {
                span_problems.push(problem);
                continue;
            }
            let place = format!("document \"{}\": span {} at {}–{}", doc_id, span.id, span.start, span.end);
            if !seen_span_ids.insert(span.id) {
                span_problems.push(format!("{place}: the id is used twice"));
                continue;
            }
            let attributes = span.attributes;
            let span_id = SpanId(span.id);
            let span = Span::new(span_id, CharRange::new(span.start, span.end), span.label);
            // Overlaps the schema forbids are found by the same check every edit goes through.
            if let Err(error) = project.insert_span(&doc_id, span) {
                span_problems.push(format!("{place}: {error}"));
                continue;
            }
            for (name, value) in attributes {
                let set =
                    Command::SetAttribute { doc: doc_id.clone(), span: span_id, name, value: Some(value) };
                if let Err(error) = set.apply(&mut project) {
                    span_problems.push(format!("{place}: {error}"));
                }
            }
        }
        for relation in file.relations {
            let place = format!(
                "document \"{doc_id}\": relation {} ({} from span {} to span {})",
                relation.id, relation.kind, relation.from, relation.to
            );
            if !seen_relation_ids.insert(relation.id) {
                span_problems.push(format!("{place}: the id is used twice"));
                continue;
            }
            let relation = Relation {
                id: RelationId(relation.id),
                kind: relation.kind,
                from: SpanId(relation.from),
                to: SpanId(relation.to),
            };
            if let Err(error) = (Command::AddRelation { doc: doc_id.clone(), relation }).apply(&mut project) {
                span_problems.push(format!("{place}: {error}"));
            }
        }
    }
    if span_problems.is_empty() {
        Ok(project)
    } else {
        Err(ImportError::BadSpans { problems: span_problems })
    }
}

/// Checks one span of the file against its document and the schema.
fn check_span_file(project: &Project, doc: &Document, span: &SpanFile) -> Result<(), String> {
    let at = format!("document \"{}\": span {} at {}–{}", doc.id, span.id, span.start, span.end);
    if span.start >= span.end {
        return Err(format!("{at}: start must be before end"));
    }
    if span.end > doc.char_len() {
        return Err(format!("{at}: ends past the end of the text, which has {} characters", doc.char_len()));
    }
    let Some(layer) = project.schema.layer_of(&span.label) else {
        return Err(format!("{at}: label \"{}\" is not in the schema", span.label));
    };
    if let Some(declared) = &span.layer {
        if declared != &layer.name {
            return Err(format!(
                "{at}: layer \"{declared}\" does not match label \"{}\", which is in layer \"{}\"",
                span.label, layer.name
            ));
        }
    }
    let actual = doc.slice(CharRange::new(span.start, span.end));
    if let Some(expected) = &span.text {
        if expected != actual {
            let hint = if looks_like_utf16(doc.text(), span, expected) {
                " (the offsets look like UTF-16 code units; this file must count code points)"
            } else {
                ""
            };
            return Err(format!("{at}: the span says «{expected}» but the text there is «{actual}»{hint}"));
        }
    }
    Ok(())
}

/// True when `start..end` read as UTF-16 units would give `expected`: the classic unit mix-up.
fn looks_like_utf16(text: &str, span: &SpanFile, expected: &str) -> bool {
    if span.end > utf16_len(text) {
        return false;
    }
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[span.start..span.end]).is_ok_and(|s| s == expected)
        && cp_to_utf16(text, span.start) != span.start
}
