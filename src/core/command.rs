//! Edits as plain data. Applying a command validates it against the project and returns its
//! inverse, computed from the state before the edit; undo applies that inverse.

use super::document::{Decided, DocField, DocId, DocStatus, Document, Relation, RelationId, Span, SpanId};
use super::error::EditError;
use super::project::Project;
use super::suggestion::Suggestion;
use crate::core::compact_sort;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

mod stamp;

pub use stamp::stamped;

/// The serde shape (`{"op": "add_span", "doc": …, "span": {…}}`) is the one wire format of an
/// edit: the undo history and the autosave journal store commands as they are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Command {
    AddSpan {
        doc: DocId,
        span: Span,
    },
    RemoveSpan {
        doc: DocId,
        span: SpanId,
    },
    Relabel {
        doc: DocId,
        span: SpanId,
        label: String,
    },
    SetStatus {
        doc: DocId,
        status: DocStatus,
    },
    SetDocField {
        doc: DocId,
        field: DocField,
        value: String,
    },
    AddRelation {
        doc: DocId,
        relation: Relation,
    },
    RemoveRelation {
        doc: DocId,
        relation: RelationId,
    },
    RetypeRelation {
        doc: DocId,
        relation: RelationId,
        kind: String,
    },
    /// Sets (`Some`) or clears (`None`) attribute `name` of a span.
    SetAttribute {
        doc: DocId,
        span: SpanId,
        name: String,
        value: Option<String>,
    },
    /// Adds a document at position `at` of the document list (clamped to its length). The
    /// document's fields sit beside `at` in the wire format.
    AddDocument {
        at: usize,
        #[serde(flatten)]
        doc: Box<Document>,
    },
    RemoveDocument {
        doc: DocId,
    },
    /// Swaps in a whole project (an import); the inverse swaps the old one back. Written as
    /// the project file.
    ReplaceProject {
        #[serde(with = "project_as_file")]
        project: Box<Project>,
    },
    /// Puts suggestions on a document; those already there (same place and label) are left
    /// as they are.
    AddSuggestions {
        doc: DocId,
        suggestions: Vec<Suggestion>,
    },
    /// Takes suggestions off a document (accepted or rejected); all must be there.
    RemoveSuggestions {
        doc: DocId,
        suggestions: Vec<Suggestion>,
    },
    /// Records who made or last changed a span or relation (see [`Span::annotator`]); the
    /// session adds it after a change by a named user. `None` clears the name.
    SetAnnotator {
        doc: DocId,
        target: Annotated,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        annotator: Option<Rc<str>>,
    },
    /// Sets the annotators whose work on the document was merged in.
    SetAnnotatedBy {
        doc: DocId,
        names: Vec<String>,
    },
    /// Sets the places where disagreements of the document were decided.
    SetDecided {
        doc: DocId,
        places: Vec<Decided>,
    },
    /// Several edits as one undo step; all apply or none.
    Batch {
        steps: Vec<Command>,
    },
}

/// What [`Command::SetAnnotator`] names: `{"span": 3}` or `{"relation": 2}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Annotated {
    Span(SpanId),
    Relation(RelationId),
}

/// A project inside a command is written as the project file, and read back with all of its
/// checks.
mod project_as_file {
    use crate::core::project::Project;
    use crate::core::project_json::{export_project, import_project};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(project: &Project, serializer: S) -> Result<S::Ok, S::Error> {
        let value: serde_json::Value =
            serde_json::from_str(&export_project(project)).map_err(serde::ser::Error::custom)?;
        value.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Box<Project>, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        import_project(&value.to_string()).map(Box::new).map_err(serde::de::Error::custom)
    }
}

impl Command {
    /// A lower bound of the bytes this command's journal entry would take, counting only what
    /// can be large: the text of the documents it adds and the suggestions it adds (a
    /// pre-annotation of a corpus: hundreds of thousands). Cheap: nothing is serialised.
    pub fn journal_size_floor(&self) -> usize {
        /// `{"start":1,"end":5,"label":"LOC","source":"pattern"}` and a comma.
        const SUGGESTION_BYTES: usize = 50;
        match self {
            Command::AddDocument { doc, .. } => doc.text().len(),
            Command::AddSuggestions { suggestions, .. } => suggestions.len() * SUGGESTION_BYTES,
            Command::Batch { steps } => steps.iter().map(Command::journal_size_floor).sum(),
            _ => 0,
        }
    }

    /// The document a command on one document edits (`None` for adding a document, replacing
    /// the project and batches).
    pub fn document(&self) -> Option<&DocId> {
        match self {
            Command::AddSpan { doc, .. }
            | Command::RemoveSpan { doc, .. }
            | Command::Relabel { doc, .. }
            | Command::SetStatus { doc, .. }
            | Command::SetDocField { doc, .. }
            | Command::AddRelation { doc, .. }
            | Command::RemoveRelation { doc, .. }
            | Command::RetypeRelation { doc, .. }
            | Command::SetAttribute { doc, .. }
            | Command::SetAnnotator { doc, .. }
            | Command::SetAnnotatedBy { doc, .. }
            | Command::SetDecided { doc, .. }
            | Command::AddSuggestions { doc, .. }
            | Command::RemoveSuggestions { doc, .. }
            | Command::RemoveDocument { doc } => Some(doc),
            Command::AddDocument { .. } | Command::ReplaceProject { .. } | Command::Batch { .. } => None,
        }
    }

    /// Applies the command to `project` and returns the command that undoes it. On error the
    /// project is left exactly as it was.
    pub fn apply(self, project: &mut Project) -> Result<Command, EditError> {
        match self {
            Command::AddSpan { doc, span } => {
                let id = span.id;
                project.insert_span(&doc, span)?;
                Ok(Command::RemoveSpan { doc, span: id })
            }
            Command::RemoveSpan { doc, span } => {
                // The span's relations go with it; the inverse brings all of them back.
                let document = project.document_mut(&doc)?;
                let removed = document
                    .remove_span(span)
                    .ok_or_else(|| EditError::UnknownSpan { doc: doc.clone(), span })?;
                let attached: Vec<RelationId> = document.relations_of(span).map(|r| r.id).collect();
                let relations: Vec<Relation> =
                    attached.into_iter().filter_map(|id| document.remove_relation(id)).collect();
                let restore_span = Command::AddSpan { doc: doc.clone(), span: removed };
                if relations.is_empty() {
                    return Ok(restore_span);
                }
                let restore_relations =
                    relations.into_iter().map(|relation| Command::AddRelation { doc: doc.clone(), relation });
                Ok(Command::Batch { steps: std::iter::once(restore_span).chain(restore_relations).collect() })
            }
            Command::Relabel { doc, span, label } => {
                let document =
                    project.document(&doc).ok_or_else(|| EditError::UnknownDocument(doc.clone()))?;
                let current =
                    document.span(span).ok_or_else(|| EditError::UnknownSpan { doc: doc.clone(), span })?;
                let range = current.range;
                project.check_span(&doc, range, &label, Some(span), current.annotator.as_deref())?;
                // Relations must still fit; attributes of other labels are kept but unused, so
                // relabelling back restores them.
                for relation in document.relations_of(span) {
                    let relation_type = project.schema.relation_type(&relation.kind);
                    let (from, to) = (document.span(relation.from), document.span(relation.to));
                    let from_label =
                        if relation.from == span { Some(label.as_str()) } else { from.map(|s| &*s.label) };
                    let to_label =
                        if relation.to == span { Some(label.as_str()) } else { to.map(|s| &*s.label) };
                    let fits = relation_type
                        .zip(from_label.zip(to_label))
                        .is_some_and(|(t, (f, to))| t.allows(f, to));
                    if !fits {
                        return Err(EditError::RelabelBreaksRelation {
                            span,
                            label: label.clone(),
                            relation: relation.id,
                            kind: relation.kind.clone(),
                        });
                    }
                }
                let target = project.document_mut(&doc)?.span_mut(span).expect("span checked above");
                let old = std::mem::replace(&mut target.label, label.into());
                Ok(Command::Relabel { doc, span, label: old.to_string() })
            }
            Command::AddRelation { doc, relation } => {
                let id = relation.id;
                project.insert_relation(&doc, relation)?;
                Ok(Command::RemoveRelation { doc, relation: id })
            }
            Command::RemoveRelation { doc, relation } => {
                let removed = project
                    .document_mut(&doc)?
                    .remove_relation(relation)
                    .ok_or_else(|| EditError::UnknownRelation { doc: doc.clone(), relation })?;
                Ok(Command::AddRelation { doc, relation: removed })
            }
            Command::RetypeRelation { doc, relation, kind } => {
                let document =
                    project.document(&doc).ok_or_else(|| EditError::UnknownDocument(doc.clone()))?;
                let current = document
                    .relation(relation)
                    .ok_or_else(|| EditError::UnknownRelation { doc: doc.clone(), relation })?;
                project.check_relation(&doc, &kind, current.from, current.to, Some(relation))?;
                let target = project.document_mut(&doc)?.relation_mut(relation).expect("checked above");
                let old = std::mem::replace(&mut target.kind, kind);
                Ok(Command::RetypeRelation { doc, relation, kind: old })
            }
            Command::SetAttribute { doc, span, name, value } => {
                project.check_attribute(&doc, span, &name, value.as_deref())?;
                let target = project.document_mut(&doc)?.span_mut(span).expect("checked above");
                let old = match value {
                    Some(value) => target.attributes.insert(name.clone(), value),
                    None => target.attributes.remove(&name),
                };
                Ok(Command::SetAttribute { doc, span, name, value: old })
            }
            Command::SetAnnotator { doc, target: Annotated::Span(span), annotator } => {
                let document =
                    project.document(&doc).ok_or_else(|| EditError::UnknownDocument(doc.clone()))?;
                let current =
                    document.span(span).ok_or_else(|| EditError::UnknownSpan { doc: doc.clone(), span })?;
                // The span joins its new annotator's work, which must have room for it.
                project.check_span(
                    &doc,
                    current.range,
                    &current.label.clone(),
                    Some(span),
                    annotator.as_deref(),
                )?;
                let target = project.document_mut(&doc)?.span_mut(span).expect("span checked above");
                let old = std::mem::replace(&mut target.annotator, annotator);
                Ok(Command::SetAnnotator { doc, target: Annotated::Span(span), annotator: old })
            }
            Command::SetAnnotator { doc, target: Annotated::Relation(relation), annotator } => {
                let target = project
                    .document_mut(&doc)?
                    .relation_mut(relation)
                    .ok_or_else(|| EditError::UnknownRelation { doc: doc.clone(), relation })?;
                let old = std::mem::replace(&mut target.annotator, annotator);
                Ok(Command::SetAnnotator { doc, target: Annotated::Relation(relation), annotator: old })
            }
            Command::AddSuggestions { doc, suggestions } => {
                project.check_suggestions(&doc, &suggestions)?;
                let added = project.document_mut(&doc)?.suggestions_mut().add(suggestions);
                Ok(Command::RemoveSuggestions { doc, suggestions: added })
            }
            Command::RemoveSuggestions { doc, suggestions } => {
                let document = project.document_mut(&doc)?;
                if let Some(missing) = suggestions.iter().find(|s| !document.suggestions().contains(s)) {
                    return Err(EditError::UnknownSuggestion {
                        doc: doc.clone(),
                        label: missing.label.to_string(),
                        range: missing.range(),
                    });
                }
                let removed = document.suggestions_mut().remove(&suggestions);
                Ok(Command::AddSuggestions { doc, suggestions: removed })
            }
            Command::SetDocField { doc, field, value } => {
                let document = project.document_mut(&doc)?;
                let old = std::mem::replace(document.field_mut(field), value);
                Ok(Command::SetDocField { doc, field, value: old })
            }
            Command::SetAnnotatedBy { doc, mut names } => {
                compact_sort::sort(&mut names);
                names.dedup();
                let document = project.document_mut(&doc)?;
                let old = std::mem::replace(&mut document.annotated_by, names);
                Ok(Command::SetAnnotatedBy { doc, names: old })
            }
            Command::SetDecided { doc, places } => {
                let document = project.document_mut(&doc)?;
                let old = std::mem::replace(&mut document.decided, places);
                Ok(Command::SetDecided { doc, places: old })
            }
            Command::SetStatus { doc, status } => {
                let document = project.document_mut(&doc)?;
                let old = std::mem::replace(&mut document.status, status);
                Ok(Command::SetStatus { doc, status: old })
            }
            Command::AddDocument { at, doc } => {
                let id = doc.id.clone();
                project.insert_document(at, *doc)?;
                Ok(Command::RemoveDocument { doc: id })
            }
            Command::RemoveDocument { doc } => {
                let (at, removed) = project.take_document(&doc)?;
                Ok(Command::AddDocument { at, doc: Box::new(removed) })
            }
            Command::ReplaceProject { project: new } => {
                let old = std::mem::replace(project, *new);
                Ok(Command::ReplaceProject { project: Box::new(old) })
            }
            Command::Batch { steps: commands } => {
                let mut inverses = Vec::with_capacity(commands.len());
                for command in commands {
                    match command.apply(project) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(error) => {
                            for inverse in inverses.into_iter().rev() {
                                inverse.apply(project).expect("an inverse always applies");
                            }
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                Ok(Command::Batch { steps: inverses })
            }
        }
    }
}
