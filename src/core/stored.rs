//! The project as browser storage keeps it, record by record: a meta record (schema, document
//! order, id counters), one annotation record per document, and each document's text apart.
//! Texts are written once, when a document is added; an edit rewrites only the annotation
//! record of its document. Loading puts the records back together with the checks the model
//! relies on, so a damaged store is refused with a reason instead of breaking the editor.

use super::document::{DocId, Document, Span};
use super::project::Project;
use super::schema::Schema;
use super::wire::DocumentWire;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;

const FORMAT_NAME: &str = "biaozhu-store";
const FORMAT_VERSION: u64 = 1;

#[derive(Serialize, Deserialize)]
struct MetaRecord<'a> {
    format: Cow<'a, str>,
    version: u64,
    schema: Cow<'a, Schema>,
    /// Document ids in list order; each has an annotation record and a text.
    documents: Vec<Cow<'a, DocId>>,
    next_span_id: u64,
    next_relation_id: u64,
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
    };
    serde_json::to_string(&meta).expect("a project's meta record always serialises")
}

/// The annotation record of `doc`: its fields, spans and relations, without the text.
pub fn doc_record(doc: &Document) -> String {
    let wire = DocumentWire { text: Cow::Borrowed(""), ..DocumentWire::of(doc, Cow::Borrowed(doc.spans())) };
    serde_json::to_string(&wire).expect("a document record always serialises")
}

/// Why the records in storage do not make a project.
#[derive(Debug)]
pub enum StoredError {
    /// A record is not JSON of the shape this app writes.
    Unreadable {
        record: String,
        cause: serde_json::Error,
    },
    /// The store was written by another version of the app.
    OtherFormat {
        found: String,
    },
    /// The meta record lists a document whose record or text is missing.
    Missing {
        doc: DocId,
        what: &'static str,
    },
    DuplicateDocument(DocId),
    /// A document record breaks the model's rules (a span past its text, a dangling relation).
    BadDocument {
        doc: DocId,
        reason: String,
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
            StoredError::BadDocument { doc, reason } => write!(f, "document \"{doc}\" is damaged: {reason}"),
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
            _ => None,
        }
    }
}

/// Puts the project back together from its meta record and the `(id, record)` and `(id, text)`
/// pairs read from storage. Records of documents the meta record does not list are ignored
/// (left by an interrupted removal).
pub fn assemble(
    meta: &str,
    records: Vec<(String, String)>,
    texts: Vec<(String, String)>,
) -> Result<Project, StoredError> {
    let meta: MetaRecord = serde_json::from_str(meta)
        .map_err(|cause| StoredError::Unreadable { record: "project record".into(), cause })?;
    if meta.format != FORMAT_NAME || meta.version != FORMAT_VERSION {
        return Err(StoredError::OtherFormat { found: format!("{} version {}", meta.format, meta.version) });
    }
    let schema = meta.schema.into_owned();
    let mut records: HashMap<String, String> = records.into_iter().collect();
    let mut texts: HashMap<String, String> = texts.into_iter().collect();
    let mut seen = HashSet::new();
    let mut documents = Vec::with_capacity(meta.documents.len());
    for id in meta.documents {
        let id = id.into_owned();
        if !seen.insert(id.clone()) {
            return Err(StoredError::DuplicateDocument(id));
        }
        let record =
            records.remove(&id.0).ok_or_else(|| StoredError::Missing { doc: id.clone(), what: "record" })?;
        let text =
            texts.remove(&id.0).ok_or_else(|| StoredError::Missing { doc: id.clone(), what: "text" })?;
        let mut wire: DocumentWire<Span> = serde_json::from_str(&record).map_err(|cause| {
            StoredError::Unreadable { record: format!("record of document \"{id}\""), cause }
        })?;
        if wire.id != id {
            return Err(StoredError::BadDocument {
                doc: id,
                reason: format!("its record says \"{}\"", wire.id),
            });
        }
        wire.text = Cow::Owned(text);
        let doc =
            wire.into_document().map_err(|reason| StoredError::BadDocument { doc: id.clone(), reason })?;
        check_names(&schema, &doc)?;
        documents.push(doc);
    }
    Ok(Project::from_documents(schema, documents, (meta.next_span_id, meta.next_relation_id)))
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
    Ok(())
}

/// Every record of `project`, for a first write: the meta record and `(id, record, text)` per
/// document.
pub fn all_records(project: &Project) -> (String, Vec<(DocId, String, &str)>) {
    let docs = project.documents().iter().map(|d| (d.id.clone(), doc_record(d), d.text())).collect();
    (meta_record(project), docs)
}
