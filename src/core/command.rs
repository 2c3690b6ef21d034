//! Edits as plain data. Applying a command validates it against the project and returns its
//! inverse, computed from the state before the edit; undo applies that inverse.

use super::document::{DocId, DocStatus, Document, Span, SpanId};
use super::error::EditError;
use super::project::Project;

#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// Adds a document at position `at` of the document list (clamped to its length).
    AddDocument {
        at: usize,
        doc: Box<Document>,
    },
    RemoveDocument {
        doc: DocId,
    },
    /// Swaps in a whole project (an import); the inverse swaps the old one back.
    ReplaceProject(Box<Project>),
    /// Several edits as one undo step; all apply or none.
    Batch(Vec<Command>),
}

impl Command {
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
                let removed = project
                    .document_mut(&doc)?
                    .remove_span(span)
                    .ok_or_else(|| EditError::UnknownSpan { doc: doc.clone(), span })?;
                Ok(Command::AddSpan { doc, span: removed })
            }
            Command::Relabel { doc, span, label } => {
                let document =
                    project.document(&doc).ok_or_else(|| EditError::UnknownDocument(doc.clone()))?;
                let current =
                    document.span(span).ok_or_else(|| EditError::UnknownSpan { doc: doc.clone(), span })?;
                let range = current.range;
                project.check_span(&doc, range, &label, Some(span))?;
                let target = project.document_mut(&doc)?.span_mut(span).expect("span checked above");
                let old = std::mem::replace(&mut target.label, label);
                Ok(Command::Relabel { doc, span, label: old })
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
            Command::ReplaceProject(new) => {
                let old = std::mem::replace(project, *new);
                Ok(Command::ReplaceProject(Box::new(old)))
            }
            Command::Batch(commands) => {
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
                Ok(Command::Batch(inverses))
            }
        }
    }
}
