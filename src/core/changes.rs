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
    pub fn merge(&mut self, mut other: Changes) {
        // The smaller set goes into the larger: an import's changes name tens of thousands of
        // documents, and inserting them one at a time into an empty set, at each of the four
        // places changes are handed on, was a long frame. Sets of like size are merged in one
        // pass (`append`, which rebuilds the tree); a few ids are inserted.
        for (mine, theirs) in [(&mut self.docs, &mut other.docs), (&mut self.texts, &mut other.texts)] {
            if mine.len() < theirs.len() {
                std::mem::swap(mine, theirs);
            }
            if theirs.len() < mine.len() / 16 {
                mine.extend(std::mem::take(theirs));
            } else {
                mine.append(theirs);
            }
        }
        self.meta |= other.meta;
        self.everything |= other.everything;
    }
}
