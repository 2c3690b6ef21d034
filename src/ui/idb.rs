//! The IndexedDB backend of [`super::persist`]: four object stores, each transaction committed
//! with `durability: "strict"` (the browser reports `complete` only once the data is on disk).
//!
//! Crate: `indexed_db_futures` 0.6, chosen over `rexie` and `idb` because it exposes transaction
//! durability and awaits a transaction's `complete` event in `commit()`, which is what "Saved"
//! waits for; its requests are futures that keep the transaction alive between awaits.
//!
//! Every write transaction first reads the writer token and gives up when it is not this tab's
//! (a fence): a tab that lost the project lock a moment ago cannot write after the tab that took
//! it over has read the store.

use crate::core::document::DocId;
use crate::core::loading::{open, Opening};
use crate::core::saving::{keys, StoreOp};
use crate::core::stored::{self, StoredError};
pub use crate::ui::storage_error::{StorageError, StorageTask, Unavailable};
use indexed_db_futures::database::Database;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{
    Transaction, TransactionDurability, TransactionMode, TransactionOptions,
};
use indexed_db_futures::KeyRange;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

const DB_NAME: &str = "biaozhu";
const DB_VERSION: u32 = 1;
const META: &str = "meta";
const RECORDS: &str = "records";
const TEXTS: &str = "texts";
const JOURNAL: &str = "journal";
const ALL: [&str; 4] = [META, RECORDS, TEXTS, JOURNAL];
/// How long a write issues requests before it waits for storage and gives the page the thread
/// back (see `Idb::commit`). By time, not count: a put costs from microseconds to a frame
/// (its value is copied), and 2,000 of a corpus's records took 140 ms. Half a frame, not more:
/// a slice runs in the same turn as a review key's render, so with 25 ms the steps taken while
/// a pre-annotated corpus was being stored took 28-49 ms; with 8 ms they took 12-14 ms and
/// storing the corpus took no longer (5.6 s against 6.3 s).
const ISSUE_FOR_MS: f64 = 8.0;
/// The meta key holding the token of the tab allowed to write.
const WRITER: &str = "writer";

fn refused(doing: StorageTask) -> impl Fn(indexed_db_futures::error::Error) -> StorageError {
    move |error| StorageError::Refused { doing, cause: error.to_string() }
}

/// An open connection to the project database, closed when dropped (so that a later
/// `deleteDatabase` or version change is not blocked by an app that is gone).
pub struct Idb {
    /// Always `Some` until dropped.
    db: Option<Database>,
}

impl Drop for Idb {
    fn drop(&mut self) {
        if let Some(db) = self.db.take() {
            db.close();
        }
    }
}

impl Idb {
    pub async fn open() -> Result<Idb, StorageError> {
        let db = Database::open(DB_NAME)
            .with_version(DB_VERSION)
            .with_on_upgrade_needed(|_event, db| {
                let existing: Vec<String> = db.object_store_names().collect();
                for name in ALL {
                    if !existing.iter().any(|n| n == name) {
                        db.create_object_store(name).build()?;
                    }
                }
                Ok(())
            })
            .await
            .map_err(|e| StorageError::Unavailable(Unavailable::NotOpened { cause: e.to_string() }))?;
        Ok(Idb { db: Some(db) })
    }

    fn transaction(
        &self,
        mode: TransactionMode,
        doing: StorageTask,
    ) -> Result<Transaction<'_>, StorageError> {
        let mut options = TransactionOptions::new();
        options.set_durability(TransactionDurability::Strict);
        let db = self.db.as_ref().ok_or(StorageError::Unavailable(Unavailable::Closed))?;
        db.transaction(ALL).with_mode(mode).with_options(options).build().map_err(refused(doing))
    }

    /// A start-up's read, in one transaction (one consistent state): the project record, the
    /// history and the journal, then the records and texts of only the documents those need
    /// (see `loading::open`; all of them for a store without an index). With a `claim` token,
    /// the same transaction first makes this tab the writer.
    pub async fn read_start(
        &self,
        claim: Option<&str>,
        preferred: Option<&DocId>,
    ) -> Result<Start, StorageError> {
        let mode = if claim.is_some() { TransactionMode::Readwrite } else { TransactionMode::Readonly };
        let tx = self.transaction(mode, StorageTask::ReadingProject)?;
        let fail = refused(StorageTask::ReadingProject);
        let meta = tx.object_store(META).map_err(&fail)?;
        if let Some(token) = claim {
            meta.put(token).with_key(WRITER).primitive().map_err(&fail)?.await.map_err(&fail)?;
        }
        let get = |key: &'static str| meta.get::<String, _, _>(key).primitive();
        let project = get(keys::PROJECT).map_err(&fail)?.await.map_err(&fail)?;
        let start = match project {
            None => Start::Empty,
            Some(project) => {
                let history = get(keys::HISTORY).map_err(&fail)?.await.map_err(&fail)?;
                let journal_from = get(keys::JOURNAL_FROM).map_err(&fail)?.await.map_err(&fail)?;
                let journal = read_pairs::<f64>(&tx, JOURNAL).await.map_err(&fail)?;
                let journal = journal.into_iter().map(|(seq, entry)| (seq as u64, entry)).collect();
                match open(&project, history, journal_from, journal, preferred) {
                    Err(error) => Start::Unreadable(error),
                    Ok(opening) => {
                        let (records, texts) = match opening.wanted() {
                            None => (
                                read_pairs::<String>(&tx, RECORDS).await.map_err(&fail)?,
                                read_pairs::<String>(&tx, TEXTS).await.map_err(&fail)?,
                            ),
                            Some(ids) => read_some(&tx, ids).await.map_err(&fail)?,
                        };
                        Start::Read { opening: Box::new(opening), records, texts }
                    }
                }
            }
        };
        if claim.is_some() {
            tx.commit().await.map_err(&fail)?;
        }
        Ok(start)
    }

    /// Up to `limit` documents as `(id, record, text)`, in key order, starting after key
    /// `after` (from the first without): a background read of a corpus in pieces, each its own
    /// short transaction.
    pub async fn read_documents(
        &self,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<(String, String, String)>, StorageError> {
        let tx = self.transaction(TransactionMode::Readonly, StorageTask::ReadingDocuments)?;
        let fail = refused(StorageTask::ReadingDocuments);
        let records = tx.object_store(RECORDS).map_err(&fail)?;
        let texts = tx.object_store(TEXTS).map_err(&fail)?;
        let from = || match after {
            Some(key) => KeyRange::LowerBound(key.to_string(), true),
            None => KeyRange::LowerBound(String::new(), false),
        };
        let records = pairs_in(&records, from(), limit).await.map_err(&fail)?;
        let (Some(first), Some(last)) = (records.first(), records.last()) else {
            return Ok(Vec::new());
        };
        let span = KeyRange::Bound(first.0.clone(), false, last.0.clone(), false);
        let texts = pairs_in(&texts, span, u32::MAX).await.map_err(&fail)?;
        let mut texts: HashMap<String, String> = texts.into_iter().collect();
        // A record without its text is left out: the document stays a stand-in (and says so
        // when it is opened).
        Ok(records
            .into_iter()
            .filter_map(|(id, record)| texts.remove(&id).map(|text| (id, record, text)))
            .collect())
    }

    /// Document `id` as `(id, record, text)`, if both are stored.
    pub async fn read_document(&self, id: &DocId) -> Result<Option<(String, String, String)>, StorageError> {
        let tx = self.transaction(TransactionMode::Readonly, StorageTask::ReadingDocument)?;
        let fail = refused(StorageTask::ReadingDocument);
        let (records, texts) = read_some(&tx, std::slice::from_ref(id)).await.map_err(&fail)?;
        Ok(records.into_iter().zip(texts).next().map(|((id, record), (_, text))| (id, record, text)))
    }

    /// Carries out `ops` in one strict transaction, if `token` is still the writer's; resolves
    /// once the transaction has committed.
    pub async fn commit(&self, token: &str, ops: &[StoreOp], doing: StorageTask) -> Result<(), StorageError> {
        let tx = self.transaction(TransactionMode::Readwrite, doing)?;
        let fail = refused(doing);
        let meta = tx.object_store(META).map_err(&fail)?;
        // On NotWriter, dropping the transaction aborts it: nothing of `ops` is written.
        fence(&meta, token, doing).await?;
        let records = tx.object_store(RECORDS).map_err(&fail)?;
        let texts = tx.object_store(TEXTS).map_err(&fail)?;
        let journal = tx.object_store(JOURNAL).map_err(&fail)?;
        // Requests go out as they are built; the commit waits for all of them. Every `ISSUE_FOR_MS`,
        // one is awaited: the requests before it are done by then (a transaction runs them in
        // order), and the page gets the thread back meanwhile, so that writing a corpus's
        // 100,000 records does not freeze it (the pending request keeps the transaction open).
        let mut issuing_since = js_sys::Date::now();
        for op in ops {
            if js_sys::Date::now() - issuing_since >= ISSUE_FOR_MS {
                let _: Option<String> = meta.get(WRITER).primitive().map_err(&fail)?.await.map_err(&fail)?;
                issuing_since = js_sys::Date::now();
            }
            match op {
                StoreOp::PutMeta { key, value } => {
                    meta.put(value.as_str()).with_key(*key).primitive().map_err(&fail)?;
                }
                StoreOp::DeleteMeta(key) => {
                    meta.delete(*key).primitive().map_err(&fail)?;
                }
                StoreOp::PutDocument { doc, text } => {
                    let key = doc.id.0.as_str();
                    records.put(stored::doc_record(doc)).with_key(key).primitive().map_err(&fail)?;
                    if *text {
                        texts.put(doc.text()).with_key(key).primitive().map_err(&fail)?;
                    }
                }
                StoreOp::DeleteDoc(doc) => {
                    records.delete(doc.0.as_str()).primitive().map_err(&fail)?;
                    texts.delete(doc.0.as_str()).primitive().map_err(&fail)?;
                }
                StoreOp::ClearDocs => {
                    records.clear().map_err(&fail)?;
                    texts.clear().map_err(&fail)?;
                }
                StoreOp::PutEntry { seq, entry } => {
                    journal.put(entry.as_str()).with_key(*seq as f64).primitive().map_err(&fail)?;
                }
                StoreOp::DeleteEntriesBefore(seq) => {
                    journal.delete(..(*seq as f64)).primitive().map_err(&fail)?;
                }
            }
        }
        tx.commit().await.map_err(&fail)
    }
}

impl Idb {
    /// Stores the learned model (see `learning`) beside the project, if `token` is still the
    /// writer's; resolves once committed. The bytes go in as a `Uint8Array`, not as text.
    pub async fn put_model(
        &self,
        token: &str,
        bytes: &js_sys::Uint8Array,
        summary: &str,
    ) -> Result<(), StorageError> {
        let doing = StorageTask::StoringModel;
        let tx = self.transaction(TransactionMode::Readwrite, doing)?;
        let fail = refused(doing);
        let meta = tx.object_store(META).map_err(&fail)?;
        fence(&meta, token, doing).await?;
        let array = wasm_bindgen::JsValue::from(bytes);
        meta.put(array).with_key(keys::MODEL).primitive().map_err(&fail)?;
        meta.put(summary).with_key(keys::MODEL_SUMMARY).primitive().map_err(&fail)?;
        tx.commit().await.map_err(&fail)
    }

    /// The stored model's summary (JSON), if a model is stored.
    pub async fn read_model_summary(&self) -> Result<Option<String>, StorageError> {
        let tx = self.transaction(TransactionMode::Readonly, StorageTask::ReadingModel)?;
        let fail = refused(StorageTask::ReadingModel);
        let meta = tx.object_store(META).map_err(&fail)?;
        meta.get::<String, _, _>(keys::MODEL_SUMMARY).primitive().map_err(&fail)?.await.map_err(&fail)
    }

    /// The stored model's bytes, if a model is stored.
    pub async fn read_model(&self) -> Result<Option<js_sys::Uint8Array>, StorageError> {
        let tx = self.transaction(TransactionMode::Readonly, StorageTask::ReadingModel)?;
        let fail = refused(StorageTask::ReadingModel);
        let meta = tx.object_store(META).map_err(&fail)?;
        let value: Option<wasm_bindgen::JsValue> =
            meta.get(keys::MODEL).primitive().map_err(&fail)?.await.map_err(&fail)?;
        Ok(value.and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok()))
    }
}

/// The write fence: fails unless `token` is the writer's, read inside the write's own
/// transaction (so no other tab can take over between the check and the write).
async fn fence(meta: &ObjectStore<'_>, token: &str, doing: StorageTask) -> Result<(), StorageError> {
    let fail = refused(doing);
    let writer: Option<String> = meta.get(WRITER).primitive().map_err(&fail)?.await.map_err(&fail)?;
    if writer.as_deref() == Some(token) {
        Ok(())
    } else {
        Err(StorageError::NotWriter)
    }
}

/// What a start-up found in storage.
pub enum Start {
    /// No project is stored.
    Empty,
    /// The project record does not read.
    Unreadable(StoredError),
    /// The start-up read, and the records and texts of the documents it needs.
    Read { opening: Box<Opening>, records: Vec<(String, String)>, texts: Vec<(String, String)> },
}

/// The first `limit` `(key, value)` pairs of `store` in `range`, in key order.
async fn pairs_in(
    store: &ObjectStore<'_>,
    range: KeyRange<String>,
    limit: u32,
) -> indexed_db_futures::Result<Vec<(String, String)>> {
    let keys: Vec<String> = store
        .get_all_keys::<String>()
        .with_query::<String, _>(range.clone())
        .with_limit(limit)
        .primitive()?
        .await?
        .collect::<Result<_, _>>()?;
    let values: Vec<String> = store
        .get_all::<String>()
        .with_query::<String, _>(range)
        .with_limit(limit)
        .primitive()?
        .await?
        .collect::<Result<_, _>>()?;
    Ok(keys.into_iter().zip(values).collect())
}

/// The `(id, record)` and `(id, text)` pairs of documents `ids` (those stored).
async fn read_some(
    tx: &Transaction<'_>,
    ids: &[DocId],
) -> indexed_db_futures::Result<(Vec<(String, String)>, Vec<(String, String)>)> {
    let records = tx.object_store(RECORDS)?;
    let texts = tx.object_store(TEXTS)?;
    let (mut got_records, mut got_texts) = (Vec::new(), Vec::new());
    for id in ids {
        let key = id.0.as_str();
        if let Some(record) = records.get::<String, _, _>(key).primitive()?.await? {
            got_records.push((id.0.clone(), record));
        }
        if let Some(text) = texts.get::<String, _, _>(key).primitive()?.await? {
            got_texts.push((id.0.clone(), text));
        }
    }
    Ok((got_records, got_texts))
}

/// Every `(key, value)` of an object store, in key order.
async fn read_pairs<K>(tx: &Transaction<'_>, name: &str) -> indexed_db_futures::Result<Vec<(K, String)>>
where
    K: indexed_db_futures::primitive::TryFromJs,
{
    let store = tx.object_store(name)?;
    let keys: Vec<K> = store.get_all_keys::<K>().primitive()?.await?.collect::<Result<_, _>>()?;
    let values: Vec<String> = store.get_all::<String>().primitive()?.await?.collect::<Result<_, _>>()?;
    Ok(keys.into_iter().zip(values).collect())
}
