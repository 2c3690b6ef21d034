//! The undo and redo history as JSON, so that undo still works after a reload. Stored beside
//! the project in browser storage; not part of the project export.

use super::command::Command;
use super::document::{DocField, DocId, DocStatus, Document, Relation, RelationId, Span, SpanId};
use super::offsets::CharRange;
use super::project::Project;
use super::project_json::{export_project, import_project};
use super::session::Session;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

const HISTORY_VERSION: u64 = 1;

#[derive(Serialize, Deserialize)]
struct HistoryFile {
    version: u64,
    revision: u64,
    undo: Vec<Step>,
    redo: Vec<Step>,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct SpanRecord {
    id: u64,
    start: usize,
    end: usize,
    label: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    attributes: BTreeMap<String, String>,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct RelationRecord {
    id: u64,
    kind: String,
    from: u64,
    to: u64,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub(crate) enum Step {
    AddSpan {
        doc: String,
        span: SpanRecord,
    },
    RemoveSpan {
        doc: String,
        span: u64,
    },
    Relabel {
        doc: String,
        span: u64,
        label: String,
    },
    SetStatus {
        doc: String,
        status: DocStatus,
    },
    SetDocField {
        doc: String,
        field: DocField,
        value: String,
    },
    AddRelation {
        doc: String,
        relation: RelationRecord,
    },
    RemoveRelation {
        doc: String,
        relation: u64,
    },
    RetypeRelation {
        doc: String,
        relation: u64,
        kind: String,
    },
    SetAttribute {
        doc: String,
        span: u64,
        name: String,
        value: Option<String>,
    },
    AddDocument {
        at: usize,
        id: String,
        name: String,
        #[serde(default)]
        status: DocStatus,
        #[serde(default)]
        annotator: String,
        #[serde(default)]
        note: String,
        text: String,
        spans: Vec<SpanRecord>,
        #[serde(default)]
        relations: Vec<RelationRecord>,
    },
    RemoveDocument {
        doc: String,
    },
    ReplaceProject {
        project: Value,
    },
    Batch {
        steps: Vec<Step>,
    },
}

fn span_record(span: &Span) -> SpanRecord {
    SpanRecord {
        id: span.id.0,
        start: span.range.start,
        end: span.range.end,
        label: span.label.clone(),
        attributes: span.attributes.clone(),
    }
}

fn span_from(record: SpanRecord) -> Span {
    let mut span = Span::new(SpanId(record.id), CharRange::new(record.start, record.end), record.label);
    span.attributes = record.attributes;
    span
}

fn relation_record(relation: &Relation) -> RelationRecord {
    RelationRecord {
        id: relation.id.0,
        kind: relation.kind.clone(),
        from: relation.from.0,
        to: relation.to.0,
    }
}

fn relation_from(record: RelationRecord) -> Relation {
    Relation {
        id: RelationId(record.id),
        kind: record.kind,
        from: SpanId(record.from),
        to: SpanId(record.to),
    }
}

pub(crate) fn step_of(command: &Command) -> Step {
    match command {
        Command::AddSpan { doc, span } => Step::AddSpan { doc: doc.0.clone(), span: span_record(span) },
        Command::RemoveSpan { doc, span } => Step::RemoveSpan { doc: doc.0.clone(), span: span.0 },
        Command::Relabel { doc, span, label } => {
            Step::Relabel { doc: doc.0.clone(), span: span.0, label: label.clone() }
        }
        Command::SetStatus { doc, status } => Step::SetStatus { doc: doc.0.clone(), status: *status },
        Command::SetDocField { doc, field, value } => {
            Step::SetDocField { doc: doc.0.clone(), field: *field, value: value.clone() }
        }
        Command::AddRelation { doc, relation } => {
            Step::AddRelation { doc: doc.0.clone(), relation: relation_record(relation) }
        }
        Command::RemoveRelation { doc, relation } => {
            Step::RemoveRelation { doc: doc.0.clone(), relation: relation.0 }
        }
        Command::RetypeRelation { doc, relation, kind } => {
            Step::RetypeRelation { doc: doc.0.clone(), relation: relation.0, kind: kind.clone() }
        }
        Command::SetAttribute { doc, span, name, value } => {
            Step::SetAttribute { doc: doc.0.clone(), span: span.0, name: name.clone(), value: value.clone() }
        }
        Command::AddDocument { at, doc } => Step::AddDocument {
            at: *at,
            id: doc.id.0.clone(),
            name: doc.name.clone(),
            status: doc.status,
            annotator: doc.annotator.clone(),
            note: doc.note.clone(),
            text: doc.text().to_string(),
            spans: doc.spans().iter().map(span_record).collect(),
            relations: doc.relations().iter().map(relation_record).collect(),
        },
        Command::RemoveDocument { doc } => Step::RemoveDocument { doc: doc.0.clone() },
        Command::ReplaceProject(project) => Step::ReplaceProject {
            project: serde_json::from_str(&export_project(project)).expect("the export is JSON"),
        },
        Command::Batch(commands) => Step::Batch { steps: commands.iter().map(step_of).collect() },
    }
}

pub(crate) fn command_of(step: Step) -> Option<Command> {
    Some(match step {
        Step::AddSpan { doc, span } => Command::AddSpan { doc: DocId(doc), span: span_from(span) },
        Step::RemoveSpan { doc, span } => Command::RemoveSpan { doc: DocId(doc), span: SpanId(span) },
        Step::Relabel { doc, span, label } => Command::Relabel { doc: DocId(doc), span: SpanId(span), label },
        Step::SetStatus { doc, status } => Command::SetStatus { doc: DocId(doc), status },
        Step::SetDocField { doc, field, value } => Command::SetDocField { doc: DocId(doc), field, value },
        Step::AddRelation { doc, relation } => {
            Command::AddRelation { doc: DocId(doc), relation: relation_from(relation) }
        }
        Step::RemoveRelation { doc, relation } => {
            Command::RemoveRelation { doc: DocId(doc), relation: RelationId(relation) }
        }
        Step::RetypeRelation { doc, relation, kind } => {
            Command::RetypeRelation { doc: DocId(doc), relation: RelationId(relation), kind }
        }
        Step::SetAttribute { doc, span, name, value } => {
            Command::SetAttribute { doc: DocId(doc), span: SpanId(span), name, value }
        }
        Step::AddDocument { at, id, name, status, annotator, note, text, spans, relations } => {
            let mut doc = Document::new(DocId(id), name, text).with_status(status);
            doc.annotator = annotator;
            doc.note = note;
            for span in spans {
                if !doc.contains_range(CharRange::new(span.start, span.end)) {
                    return None;
                }
                doc.insert_span(span_from(span));
            }
            for relation in relations {
                doc.insert_relation(relation_from(relation));
            }
            Command::AddDocument { at, doc: Box::new(doc) }
        }
        Step::RemoveDocument { doc } => Command::RemoveDocument { doc: DocId(doc) },
        Step::ReplaceProject { project } => {
            Command::ReplaceProject(Box::new(import_project(&project.to_string()).ok()?))
        }
        Step::Batch { steps } => Command::Batch(steps.into_iter().map(command_of).collect::<Option<_>>()?),
    })
}

/// The session's undo and redo stacks as JSON, keeping only the newest `keep` undo steps.
pub fn export_history(session: &Session, keep: usize) -> String {
    let (undo, redo) = session.history();
    let undo = &undo[undo.len().saturating_sub(keep)..];
    let file = HistoryFile {
        version: HISTORY_VERSION,
        revision: session.revision(),
        undo: undo.iter().map(step_of).collect(),
        redo: redo.iter().map(step_of).collect(),
    };
    serde_json::to_string(&file).expect("history always serialises")
}

/// A session over `project` with the stored history, if it reads; otherwise a fresh session.
/// Each step is checked when it is undone, so a history that does not fit is dropped then.
pub fn resume_session(project: Project, history: Option<&str>) -> Session {
    let parsed = history.and_then(|json| serde_json::from_str::<HistoryFile>(json).ok());
    let Some(file) = parsed.filter(|f| f.version == HISTORY_VERSION) else {
        return Session::new(project);
    };
    let undo = file.undo.into_iter().map(command_of).collect::<Option<Vec<_>>>();
    let redo = file.redo.into_iter().map(command_of).collect::<Option<Vec<_>>>();
    match (undo, redo) {
        (Some(undo), Some(redo)) => Session::resume(project, undo, redo, file.revision),
        _ => Session::new(project),
    }
}
