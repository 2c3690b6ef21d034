//! Changing the schema of a project that already has annotations: renamed labels carry their
//! spans along, spans of deleted labels go (with their relations), and a change that would
//! break the overlap rules is refused. The change is computed first, so the user can be told
//! what it removes before it happens, then applied as one undoable step.

use super::command::Command;
use super::document::{DocId, Document, SpanId};
use super::error::EditError;
use super::project::Project;
use super::project_json::placed_in;
use super::schema::Schema;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::fmt;

/// What a schema change does to the annotations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SchemaImpact {
    /// Spans removed because their label is gone, by label.
    pub removed_spans: BTreeMap<String, usize>,
    /// Relations removed because a span, their type or their endpoint rule is gone.
    pub removed_relations: usize,
    /// Spans whose label was renamed.
    pub renamed_spans: usize,
}

impl SchemaImpact {
    pub fn removes_anything(&self) -> bool {
        !self.removed_spans.is_empty() || self.removed_relations > 0
    }

    /// One sentence for a confirmation: "deletes 3 PER spans and 1 relation".
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> =
            self.removed_spans.iter().map(|(label, n)| format!("{n} {label} span(s)")).collect();
        if self.removed_relations > 0 {
            parts.push(format!("{} relation(s)", self.removed_relations));
        }
        if parts.is_empty() {
            "removes nothing".to_string()
        } else {
            format!("deletes {}", parts.join(", "))
        }
    }
}

/// Why a schema change or a schema file was refused.
#[derive(Debug)]
pub enum SchemaError {
    /// The schema itself is unusable: every problem, each naming its label, type or attribute.
    Unusable(Vec<crate::core::schema::SchemaProblem>),
    /// An existing span would break the new schema's rules.
    BreaksSpan { doc: DocId, span: SpanId, text: String, cause: Box<EditError> },
    /// The schema file is not JSON.
    NotJson(serde_json::Error),
    /// The file is JSON but holds no schema in this app's shape.
    NotASchema(String),
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SchemaError::Unusable(problems) => {
                write!(f, "the schema is unusable: {}", crate::core::schema_problem::joined(problems, "; "))
            }
            SchemaError::BreaksSpan { doc, span, text, cause } => {
                write!(f, "document \"{doc}\": span {span} «{text}»: {cause}")
            }
            SchemaError::NotJson(error) => {
                write!(f, "not valid JSON (line {}, column {}): {error}", error.line(), error.column())
            }
            SchemaError::NotASchema(why) => write!(f, "{why}"),
        }
    }
}

impl std::error::Error for SchemaError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SchemaError::BreaksSpan { cause, .. } => Some(cause.as_ref()),
            SchemaError::NotJson(error) => Some(error),
            _ => None,
        }
    }
}

/// The project as it would be under `schema`, with labels renamed per `renames` (old → new),
/// and what that costs.
///
/// # Errors
/// When the schema itself is unusable, or when an existing span would break its overlap rules
/// (naming the span).
pub fn plan_schema_change(
    project: &Project,
    schema: &Schema,
    renames: &BTreeMap<String, String>,
) -> Result<(Project, SchemaImpact), SchemaError> {
    let problems = schema.problems();
    if !problems.is_empty() {
        return Err(SchemaError::Unusable(problems));
    }
    let mut next = Project::new(schema.clone());
    let mut impact = SchemaImpact::default();
    for (at, doc) in project.documents().iter().enumerate() {
        let mut bare = Document::new(doc.id.clone(), doc.name.clone(), doc.text()).with_status(doc.status);
        bare.annotator = doc.annotator.clone();
        bare.note = doc.note.clone();
        bare.annotated_by = doc.annotated_by.clone();
        bare.decided = doc.decided.clone();
        Command::AddDocument { at, doc: Box::new(bare) }
            .apply(&mut next)
            .expect("the documents' ids are unique in the project they come from");
        for span in doc.spans() {
            let label = renames.get(&*span.label).cloned().unwrap_or_else(|| span.label.to_string());
            if schema.label(&label).is_none() {
                *impact.removed_spans.entry(span.label.to_string()).or_insert(0) += 1;
                continue;
            }
            if *label != *span.label {
                impact.renamed_spans += 1;
            }
            let mut moved = span.clone();
            moved.label = label.into();
            Command::AddSpan { doc: doc.id.clone(), span: moved }.apply(&mut next).map_err(|cause| {
                SchemaError::BreaksSpan {
                    doc: doc.id.clone(),
                    span: span.id,
                    text: crate::core::offsets::excerpt(doc.slice(span.range)),
                    cause: Box::new(cause),
                }
            })?;
        }
        for relation in doc.relations() {
            let add = Command::AddRelation { doc: doc.id.clone(), relation: relation.clone() };
            if add.apply(&mut next).is_err() {
                impact.removed_relations += 1;
            }
        }
    }
    Ok((next, impact))
}

pub const SCHEMA_FORMAT: &str = "biaozhu-schema";

#[derive(Serialize, Deserialize)]
struct SchemaFile {
    format: String,
    version: u64,
    schema: Schema,
}

/// The schema alone, as a JSON file.
pub fn export_schema(schema: &Schema) -> String {
    let file = SchemaFile { format: SCHEMA_FORMAT.into(), version: 1, schema: schema.clone() };
    serde_json::to_string_pretty(&file).expect("a schema serialises")
}

/// A schema file's (or a project file's) `schema`, as its JSON text.
#[derive(Deserialize)]
struct SchemaHead<'a> {
    #[serde(borrow, default)]
    schema: Option<&'a RawValue>,
}

/// Reads a schema file (or the `schema` of a project file).
///
/// # Errors
/// See [`SchemaError`]; the message names what is wrong.
pub fn import_schema(json: &str) -> Result<Schema, SchemaError> {
    let json = json.trim_start_matches('\u{feff}');
    let whole: &RawValue = serde_json::from_str(json).map_err(SchemaError::NotJson)?;
    let no_schema = || SchemaError::NotASchema("the file has no \"schema\"".into());
    // Read from the file's own text, not through `serde_json::Value` (see `project_json`).
    let head: SchemaHead = if whole.get().starts_with('{') {
        serde_json::from_str(json).map_err(SchemaError::NotJson)?
    } else {
        return Err(no_schema());
    };
    let schema = head.schema.ok_or_else(no_schema)?;
    let schema: Schema = serde_json::from_str(schema.get()).map_err(|e| {
        SchemaError::NotASchema(format!("the schema is malformed: {}", placed_in(json, Some(schema), &e)))
    })?;
    let problems = schema.problems();
    if problems.is_empty() {
        Ok(schema)
    } else {
        Err(SchemaError::Unusable(problems))
    }
}
