//! Which stored records an edit makes stale. Browser storage keeps one record per document (and
//! the text apart, written once), so a save writes the documents an edit touched, not the whole
//! project: the cost of a save follows the edit.

use super::command::Command;
use super::document::DocId;
use std::collections::BTreeSet;

/// The records to rewrite since the last full write of the changed documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Documents whose annotations or fields changed, or that were added or removed.
    pub docs: BTreeSet<DocId>,
    /// Documents added: their text is written again (a removed id may come back with another text).
    pub texts: BTreeSet<DocId>,
    /// The document list changed.
    pub meta: bool,
    /// The whole project was replaced (an import, a schema change): rewrite every record.
    pub everything: bool,
}

impl Changes {
    /// Everything stale: what a first write of a project needs.
    pub fn everything() -> Self {
        Changes { everything: true, meta: true, ..Changes::default() }
    }

    pub fn is_empty(&self) -> bool {
        !self.everything && !self.meta && self.docs.is_empty()
    }

    /// Notes what `command` changes, applied or undone (an inverse touches the same records).
    pub fn note(&mut self, command: &Command) {
        match command {
            Command::AddDocument { doc, .. } => {
                self.docs.insert(doc.id.clone());
                self.texts.insert(doc.id.clone());
                self.meta = true;
            }
            Command::RemoveDocument { doc } => {
                self.docs.insert(doc.clone());
                self.meta = true;
            }
            Command::ReplaceProject { .. } => {
                self.everything = true;
                self.meta = true;
            }
            Command::Batch { steps } => steps.iter().for_each(|step| self.note(step)),
            // Every other command edits the annotations or fields of one document.
            other => {
                if let Some(doc) = other.document() {
                    self.docs.insert(doc.clone());
                }
            }
        }
    }

    /// Adds `other` (changes that were taken for a write that failed) back in.
    pub fn merge(&mut self, other: Changes) {
        self.docs.extend(other.docs);
        self.texts.extend(other.texts);
        self.meta |= other.meta;
        self.everything |= other.everything;
    }
}
