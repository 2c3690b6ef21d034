//! The project as browser storage keeps it, record by record: a meta record (schema, document
//! order, id counters), one annotation record per document, and each document's text apart.
//! Texts are written once, when a document is added; an edit rewrites only the annotation
//! record of its document. Loading puts the records back together with the checks the model
//! relies on, so a damaged store is refused with a reason instead of breaking the editor.

use super::doc_nav::first_words;
use super::document::{DocId, DocStatus, Document, Span, StandIn};
use super::project::Project;
use super::schema::Schema;
use super::wire::{DocumentFault, DocumentWire};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;

pub const FORMAT_NAME: &str = "biaozhu-store";
pub const FORMAT_VERSION: u64 = 1;

#[derive(Serialize, Deserialize)]
struct MetaRecord<'a> {
    format: Cow<'a, str>,
    version: u64,
    schema: Cow<'a, Schema>,
    /// Document ids in list order; each has an annotation record and a text.
    documents: Vec<Cow<'a, DocId>>,
    next_span_id: u64,
    next_relation_id: u64,
    /// What the document list shows of each document, in the order of `documents`: with it a
    /// start-up reads only the documents it opens, and the rest later (stores written before it
    /// was added have none and are read whole).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    index: Option<Vec<IndexEntry<'a>>>,
}

/// `[name, status, span count, first words]` (a JSON array keeps a 50,000-entry index small);
/// the first words only for a document without a name.
#[derive(Serialize, Deserialize)]
struct IndexEntry<'a>(Cow<'a, str>, DocStatus, usize, Cow<'a, str>);

impl<'a> IndexEntry<'a> {
    fn of(doc: &'a Document) -> Self {
        let head = match doc.stand_in_info() {
            Some(info) => Cow::Borrowed(info.head.as_str()),
            None if doc.name.trim().is_empty() => Cow::Owned(first_words(doc.text())),
            None => Cow::Borrowed(""),
        };
        IndexEntry(Cow::Borrowed(&doc.name), doc.status, doc.span_count(), head)
    }

    fn stand_in(self, id: DocId) -> Document {
        let IndexEntry(name, status, span_count, head) = self;
        Document::stand_in(id, name.into_owned(), status, StandIn { span_count, head: head.into_owned() })
    }
}

/// The stored project record, read: what a start-up needs before any document.
pub struct StoredMeta {
    schema: Schema,
    documents: Vec<DocId>,
    next_ids: (u64, u64),
    /// Parallel to `documents`, when the store has an index.
    index: Option<Vec<IndexEntry<'static>>>,
}

impl StoredMeta {
    /// Reads the project record.
    ///
    /// # Errors
    /// When it is not JSON of this app's shape, or of another format or version.
    pub fn read(json: &str) -> Result<StoredMeta, StoredError> {
        let meta: MetaRecord = serde_json::from_str(json)
            .map_err(|cause| StoredError::Unreadable { record: StoredRecord::Project, cause })?;
        if meta.format != FORMAT_NAME || meta.version != FORMAT_VERSION {
            return Err(StoredError::OtherFormat {
                found: format!("{} version {}", meta.format, meta.version),
            });
        }
        let documents: Vec<DocId> = meta.documents.into_iter().map(Cow::into_owned).collect();
        // An index that does not match the list is not trusted: the store is read whole.
        let index = meta.index.filter(|index| index.len() == documents.len()).map(|index| {
            index
                .into_iter()
                .map(|IndexEntry(name, status, spans, head)| {
                    IndexEntry(Cow::Owned(name.into_owned()), status, spans, Cow::Owned(head.into_owned()))
                })
                .collect()
        });
        Ok(StoredMeta {
            schema: meta.schema.into_owned(),
            documents,
            next_ids: (meta.next_span_id, meta.next_relation_id),
            index,
        })
    }

    /// The documents in list order.
    pub fn documents(&self) -> &[DocId] {
        &self.documents
    }

    /// True when documents can stay in storage until needed (the store has an index).
    pub fn has_index(&self) -> bool {
        self.index.is_some()
    }

    pub fn schema(&self) -> &Schema {
        &self.schema
    }
}

/// The meta record of `project`.
pub fn meta_record(project: &Project) -> String {
    let (next_span_id, next_relation_id) = project.next_ids();
    let meta = MetaRecord {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        schema: Cow::Borrowed(&project.schema),
        documents: project.documents().iter().map(|d| Cow::Borrowed(&d.id)).collect(),
        next_span_id,
        next_relation_id,
        index: Some(project.documents().iter().map(|d| IndexEntry::of(d)).collect()),
    };
    serde_json::to_string(&meta).expect("a project's meta record always serialises")
}

/// The annotation record of `doc`: its fields, spans and relations, without the text.
pub fn doc_record(doc: &Document) -> String {
    let wire = DocumentWire { text: Cow::Borrowed(""), ..DocumentWire::of(doc, Cow::Borrowed(doc.spans())) };
    serde_json::to_string(&wire).expect("a document record always serialises")
}

/// Which stored record does not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredRecord {
    Project,
    Document(DocId),
}

/// What of a listed document storage does not hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingPart {
    Text,
    Record,
    /// Asked for one document, storage held neither.
    RecordOrText,
}

impl fmt::Display for StoredRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoredRecord::Project => f.write_str("project record"),
            StoredRecord::Document(id) => write!(f, "record of document \"{id}\""),
        }
    }
}

impl fmt::Display for MissingPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MissingPart::Text => "text",
            MissingPart::Record => "record",
            MissingPart::RecordOrText => "record or text",
        })
    }
}

/// Why the records in storage do not make a project.
#[derive(Debug)]
pub enum StoredError {
    /// A record is not JSON of the shape this app writes.
    Unreadable {
        record: StoredRecord,
        cause: serde_json::Error,
    },
    /// The store was written by another version of the app.
    OtherFormat {
        found: String,
    },
    /// The meta record lists a document whose record or text is missing.
    Missing {
        doc: DocId,
        what: MissingPart,
    },
    DuplicateDocument(DocId),
    /// A document record breaks the model's rules (a span past its text, a dangling relation).
    BadDocument {
        doc: DocId,
        fault: DocumentFault,
    },
    /// A span's label or a relation's type is not in the stored schema.
    NotInSchema {
        doc: DocId,
        name: String,
    },
}

impl fmt::Display for StoredError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoredError::Unreadable { record, cause } => {
                write!(f, "the stored {record} is unreadable: {cause}")
            }
            StoredError::OtherFormat { found } => {
                write!(f, "the store is {found}; this app reads {FORMAT_NAME} version {FORMAT_VERSION}")
            }
            StoredError::Missing { doc, what } => write!(f, "the {what} of document \"{doc}\" is missing"),
            StoredError::DuplicateDocument(doc) => write!(f, "document \"{doc}\" is listed twice"),
            StoredError::BadDocument { doc, fault } => write!(f, "document \"{doc}\" is damaged: {fault}"),
            StoredError::NotInSchema { doc, name } => {
                write!(f, "document \"{doc}\" uses \"{name}\", which is not in the stored schema")
            }
        }
    }
}

impl std::error::Error for StoredError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoredError::Unreadable { cause, .. } => Some(cause),
            StoredError::BadDocument { fault, .. } => Some(fault),
            _ => None,
        }
    }
}

/// Puts the project back together from its meta record and the `(id, record)` and `(id, text)`
/// pairs read from storage. Records of documents the meta record does not list are ignored
/// (left by an interrupted removal). Every listed document must have its record and text.
pub fn assemble(
    meta: &str,
    records: Vec<(String, String)>,
    texts: Vec<(String, String)>,
) -> Result<Project, StoredError> {
    put_together(StoredMeta::read(meta)?, records, texts, false)
}

/// [`assemble`] from a meta record read already; with `stand_ins`, documents whose records
/// were not read become stand-ins from the index.
pub fn put_together(
    meta: StoredMeta,
    records: Vec<(String, String)>,
    texts: Vec<(String, String)>,
    stand_ins: bool,
) -> Result<Project, StoredError> {
    let StoredMeta { schema, documents: ids, next_ids, index } = meta;
    let index = index.filter(|_| stand_ins);
    let mut records: HashMap<String, String> = records.into_iter().collect();
    let mut texts: HashMap<String, String> = texts.into_iter().collect();
    let mut seen = HashSet::with_capacity(ids.len());
    let mut index = index.map(Vec::into_iter);
    let mut documents = Vec::with_capacity(ids.len());
    for id in ids {
        if !seen.insert(id.clone()) {
            return Err(StoredError::DuplicateDocument(id));
        }
        let entry = index.as_mut().and_then(Iterator::next);
        let doc = match (records.remove(&id.0), entry) {
            (Some(record), _) => {
                let text = texts
                    .remove(&id.0)
                    .ok_or_else(|| StoredError::Missing { doc: id.clone(), what: MissingPart::Text })?;
                read_document(&schema, id, &record, text)?
            }
            (None, Some(entry)) => entry.stand_in(id),
            (None, None) => return Err(StoredError::Missing { doc: id, what: MissingPart::Record }),
        };
        documents.push(doc);
    }
    Ok(Project::from_documents(schema, documents, next_ids))
}

/// Document `id` from its annotation record and text, checked against `schema`.
///
/// # Errors
/// When the record does not read, names another document, breaks the model's rules or uses
/// names the schema lacks.
pub fn read_document(
    schema: &Schema,
    id: DocId,
    record: &str,
    text: String,
) -> Result<Document, StoredError> {
    let mut wire: DocumentWire<Span> = serde_json::from_str(record)
        .map_err(|cause| StoredError::Unreadable { record: StoredRecord::Document(id.clone()), cause })?;
    if wire.id != id {
        return Err(StoredError::BadDocument { doc: id, fault: DocumentFault::OtherId { found: wire.id } });
    }
    wire.text = Cow::Owned(text);
    document_from_wire(schema, wire)
}

/// The document of `wire` (its text included), checked against `schema` as
/// [`read_document`] checks a stored one.
///
/// # Errors
/// When it breaks the model's rules or uses names the schema lacks.
pub fn document_from_wire(schema: &Schema, wire: DocumentWire<Span>) -> Result<Document, StoredError> {
    let id = wire.id.clone();
    let doc = wire.into_document().map_err(|fault| StoredError::BadDocument { doc: id, fault })?;
    check_names(schema, &doc)?;
    Ok(doc)
}

/// The documents of `project` still stand-ins, read from `(id, record, text)` triples; others
/// (read already, or no longer in the project) are skipped. A document that does not read is
/// left a stand-in and its error returned beside the others.
pub fn fill_documents(
    project: &Project,
    read: Vec<(String, String, String)>,
) -> (Vec<Document>, Vec<StoredError>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for (id, record, text) in read {
        let id = DocId(id);
        if project.document(&id).is_some_and(|doc| !doc.is_loaded()) {
            match read_document(&project.schema, id, &record, text) {
                Ok(doc) => docs.push(doc),
                Err(error) => errors.push(error),
            }
        }
    }
    (docs, errors)
}

/// Every label and relation type of `doc` is in `schema`.
fn check_names(schema: &Schema, doc: &Document) -> Result<(), StoredError> {
    let missing = |name: &str| StoredError::NotInSchema { doc: doc.id.clone(), name: name.to_string() };
    if let Some(span) = doc.spans().iter().find(|s| schema.layer_of(&s.label).is_none()) {
        return Err(missing(&span.label));
    }
    if let Some(relation) = doc.relations().iter().find(|r| schema.relation_type(&r.kind).is_none()) {
        return Err(missing(&relation.kind));
    }
    if let Some(suggestion) =
        doc.suggestions().as_slice().iter().find(|s| schema.layer_of(&s.label).is_none())
    {
        return Err(missing(&suggestion.label));
    }
    Ok(())
}

/// Every record of `project`, for a first write: the meta record and `(id, record, text)` per
/// document.
pub fn all_records(project: &Project) -> (String, Vec<(DocId, String, &str)>) {
    let docs = project.documents().iter().map(|d| (d.id.clone(), doc_record(d), d.text())).collect();
    (meta_record(project), docs)
}
