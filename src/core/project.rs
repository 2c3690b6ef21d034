//! A project: the label schema and the documents annotated with it.

use super::command::Command;
use super::doc_seq::DocSeq;
use super::document::{DocId, Document, Relation, RelationId, Span, SpanId};
use super::error::EditError;
use super::schema::{default_schema, Schema};
use std::collections::HashMap;
use std::rc::Rc;

mod checks;

pub use checks::same_owner;

/// The bundled article: the Zhengzhou Daily front page of 2020-03-11.
pub const BUNDLED_ARTICLE_ID: &str = "zzrb-2020-03-11";
pub const BUNDLED_ARTICLE_NAME: &str = "郑州日报头版：共赴春光 疫战到底";
pub const BUNDLED_ARTICLE_TEXT: &str = include_str!("../corpus/000_efef3a98b491eb4b.txt");

#[derive(Clone, Debug)]
pub struct Project {
    /// Behind `Rc`: the UI hands it to every paragraph it draws, and it changes rarely.
    pub schema: Rc<Schema>,
    /// Behind `Rc` so that a write to storage can hold the documents as they were when it was
    /// made (an edit meanwhile copies the one document it changes; see `Rc::make_mut`).
    documents: DocSeq,
    /// Where each document is in `documents`, by id: lookups by id are the commonest thing an
    /// edit does, and a corpus has tens of thousands of documents.
    /// Behind `Rc`: copied only when documents are added or removed, not on every edit.
    positions: Rc<HashMap<DocId, usize>>,
    /// Span ids are never reused, even after an undo, so an id always means one span.
    next_span_id: u64,
    /// Likewise for relations.
    next_relation_id: u64,
    /// How many documents are stand-ins (see `Document::stand_in`).
    stand_ins: usize,
}

/// Two projects are equal when their schema and documents are; the id counter is bookkeeping.
impl PartialEq for Project {
    fn eq(&self, other: &Self) -> bool {
        self.schema == other.schema && self.documents == other.documents
    }
}

impl Eq for Project {}

impl Project {
    pub fn new(schema: impl Into<Rc<Schema>>) -> Self {
        Project {
            schema: schema.into(),
            documents: DocSeq::default(),
            positions: Rc::default(),
            next_span_id: 1,
            next_relation_id: 1,
            stand_ins: 0,
        }
    }

    /// What a first visit shows: the default schema and the bundled article.
    pub fn bundled() -> Self {
        let mut project = Project::new(default_schema());
        let doc = Document::new(BUNDLED_ARTICLE_ID.into(), BUNDLED_ARTICLE_NAME, BUNDLED_ARTICLE_TEXT);
        project.insert_document(0, doc).expect("an empty project");
        project
    }

    /// A project of `documents` (ids already known to be unique), with id counters at least
    /// `next_ids` (span, relation) and past every id in use.
    pub(crate) fn from_documents(
        schema: impl Into<Rc<Schema>>,
        documents: Vec<Document>,
        next_ids: (u64, u64),
    ) -> Self {
        let positions = Rc::new(documents.iter().enumerate().map(|(at, d)| (d.id.clone(), at)).collect());
        let stand_ins = documents.iter().filter(|d| !d.is_loaded()).count();
        let documents = documents.into_iter().map(Rc::new).collect();
        let mut project = Project {
            schema: schema.into(),
            documents,
            positions,
            next_span_id: next_ids.0.max(1),
            next_relation_id: next_ids.1.max(1),
            stand_ins,
        };
        for doc in &project.documents {
            if let Some(max) = doc.spans().iter().map(|s| s.id.0).max() {
                project.next_span_id = project.next_span_id.max(max + 1);
            }
            if let Some(max) = doc.relations().iter().map(|r| r.id.0).max() {
                project.next_relation_id = project.next_relation_id.max(max + 1);
            }
        }
        project
    }

    /// The project as one annotator's work alone (see `Document::only_by`): what an export
    /// filtered by annotator writes, the gold layer's among them.
    pub fn only_by(&self, annotator: &str) -> Project {
        let documents = self
            .documents
            .iter()
            .map(|d| if d.is_loaded() { d.only_by(annotator) } else { (**d).clone() })
            .collect();
        Project::from_documents(self.schema.clone(), documents, self.next_ids())
    }

    /// The next span and relation ids, kept in storage so that an id undone and redone after
    /// a reload is still free.
    pub fn next_ids(&self) -> (u64, u64) {
        (self.next_span_id, self.next_relation_id)
    }

    pub fn documents(&self) -> &DocSeq {
        &self.documents
    }

    /// True when both hold the same documents in the same order and `same` holds for every
    /// pair that is not one shared `Rc`. An edit copies only the document it changes, so after
    /// one this is a pass over pointers plus one call: views that depend on a few fields of
    /// every document (the list, the done count) use it to skip recomputing over a corpus.
    pub fn documents_agree(&self, other: &Project, same: impl Fn(&Document, &Document) -> bool) -> bool {
        self.documents.len() == other.documents.len()
            && self.documents.iter().zip(other.documents.iter()).all(|(a, b)| Rc::ptr_eq(a, b) || same(a, b))
    }

    pub fn document(&self, id: &DocId) -> Option<&Document> {
        self.positions.get(id).map(|&at| &*self.documents[at])
    }

    /// Document `id` as shared (see `documents`), for a write that keeps it as it is now.
    pub fn shared_document(&self, id: &DocId) -> Option<&Rc<Document>> {
        self.positions.get(id).map(|&at| &self.documents[at])
    }

    /// Where document `id` is in the list.
    pub fn position(&self, id: &DocId) -> Option<usize> {
        self.positions.get(id).copied()
    }

    /// Renumbers `positions` from list index `from` on, after an insertion or removal there.
    fn renumber(&mut self, from: usize) {
        let positions = Rc::make_mut(&mut self.positions);
        for (at, doc) in self.documents.enumerate_from(from) {
            positions.insert(doc.id.clone(), at);
        }
    }

    /// Document `id` to be edited; a stand-in is refused.
    pub(crate) fn document_mut(&mut self, id: &DocId) -> Result<&mut Document, EditError> {
        match self.positions.get(id) {
            Some(&at) if self.documents[at].is_loaded() => {
                Ok(Rc::make_mut(self.documents.get_mut(at).expect("positions are in range")))
            }
            Some(_) => Err(EditError::NotLoaded(id.clone())),
            None => Err(EditError::UnknownDocument(id.clone())),
        }
    }

    /// Document `id` to be read for an edit; a stand-in is refused.
    pub(crate) fn loaded_document(&self, id: &DocId) -> Result<&Document, EditError> {
        match self.document(id) {
            Some(doc) if doc.is_loaded() => Ok(doc),
            Some(_) => Err(EditError::NotLoaded(id.clone())),
            None => Err(EditError::UnknownDocument(id.clone())),
        }
    }

    pub fn span_count(&self) -> usize {
        self.documents.iter().map(|d| d.span_count()).sum()
    }

    /// True when every document is read from storage (no stand-ins): what exports, whole-project
    /// edits and the project file need.
    pub fn is_complete(&self) -> bool {
        self.stand_ins == 0
    }

    /// How many documents are still stand-ins.
    pub fn stand_ins(&self) -> usize {
        self.stand_ins
    }

    /// Puts `doc`, read from storage, in the place of its stand-in. Returns false (and changes
    /// nothing) when there is no stand-in of that id: the document was read already, or it is
    /// not in the project any more.
    pub fn fill(&mut self, doc: Document) -> bool {
        match self.positions.get(&doc.id) {
            Some(&at) if !self.documents[at].is_loaded() && doc.is_loaded() => {
                if let Some(max) = doc.spans().iter().map(|s| s.id.0).max() {
                    self.next_span_id = self.next_span_id.max(max + 1);
                }
                if let Some(max) = doc.relations().iter().map(|r| r.id.0).max() {
                    self.next_relation_id = self.next_relation_id.max(max + 1);
                }
                *self.documents.get_mut(at).expect("positions are in range") = Rc::new(doc);
                self.stand_ins -= 1;
                true
            }
            _ => false,
        }
    }

    /// Whether `command` can apply now: the documents it edits are read from storage, and
    /// whole-project edits wait until every document is.
    pub fn ready_for(&self, command: &Command) -> Result<(), EditError> {
        if self.is_complete() {
            return Ok(());
        }
        match command {
            Command::ReplaceProject { .. } => Err(EditError::StillLoading { pending: self.stand_ins }),
            Command::AddDocument { .. } => Ok(()),
            Command::Batch { steps } => steps.iter().try_for_each(|step| self.ready_for(step)),
            other => match other.document() {
                Some(doc) => self.loaded_document(doc).map(|_| ()),
                None => Ok(()),
            },
        }
    }

    /// A fresh span id; the counter moves on even if the span is never added.
    pub fn allocate_span_id(&mut self) -> SpanId {
        let id = SpanId(self.next_span_id);
        self.next_span_id += 1;
        id
    }

    /// A fresh relation id.
    pub fn allocate_relation_id(&mut self) -> RelationId {
        let id = RelationId(self.next_relation_id);
        self.next_relation_id += 1;
        id
    }

    pub(crate) fn insert_relation(&mut self, doc: &DocId, relation: Relation) -> Result<(), EditError> {
        self.check_relation(doc, &relation.kind, relation.from, relation.to, None)?;
        self.next_relation_id = self.next_relation_id.max(relation.id.0 + 1);
        self.document_mut(doc)?.insert_relation(relation);
        Ok(())
    }

    /// A document id not used yet, of the form `doc-N`.
    pub fn fresh_doc_id(&self) -> DocId {
        (self.documents.len() + 1..)
            .map(|n| DocId(format!("doc-{n}")))
            .find(|id| self.document(id).is_none())
            .expect("an unused id exists")
    }

    pub(crate) fn insert_span(&mut self, doc: &DocId, span: Span) -> Result<(), EditError> {
        self.check_span(doc, span.range, &span.label, None, span.annotator.as_deref())?;
        let document = self.document_mut(doc)?;
        if document.span(span.id).is_some() {
            return Err(EditError::DuplicateSpan { doc: doc.clone(), span: span.id });
        }
        self.next_span_id = self.next_span_id.max(span.id.0 + 1);
        self.document_mut(doc)?.insert_span(span);
        Ok(())
    }

    pub(crate) fn insert_document(&mut self, at: usize, doc: Document) -> Result<(), EditError> {
        if self.document(&doc.id).is_some() {
            return Err(EditError::DuplicateDocument(doc.id));
        }
        if let Some(max) = doc.spans().iter().map(|s| s.id.0).max() {
            self.next_span_id = self.next_span_id.max(max + 1);
        }
        if let Some(max) = doc.relations().iter().map(|r| r.id.0).max() {
            self.next_relation_id = self.next_relation_id.max(max + 1);
        }
        let at = at.min(self.documents.len());
        self.stand_ins += usize::from(!doc.is_loaded());
        self.documents.insert(at, Rc::new(doc));
        self.renumber(at);
        Ok(())
    }

    pub(crate) fn take_document(&mut self, id: &DocId) -> Result<(usize, Document), EditError> {
        let at = self.position(id).ok_or_else(|| EditError::UnknownDocument(id.clone()))?;
        if !self.documents[at].is_loaded() {
            return Err(EditError::NotLoaded(id.clone()));
        }
        let doc = Rc::unwrap_or_clone(self.documents.remove(at).expect("positions are in range"));
        Rc::make_mut(&mut self.positions).remove(id);
        self.renumber(at);
        Ok((at, doc))
    }
}
