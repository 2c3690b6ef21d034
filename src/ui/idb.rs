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

use crate::core::loading::StoredState;
use crate::core::saving::{keys, StoreOp};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{
    Transaction, TransactionDurability, TransactionMode, TransactionOptions,
};
use std::fmt;

const DB_NAME: &str = "biaozhu";
const DB_VERSION: u32 = 1;
const META: &str = "meta";
const RECORDS: &str = "records";
const TEXTS: &str = "texts";
const JOURNAL: &str = "journal";
const ALL: [&str; 4] = [META, RECORDS, TEXTS, JOURNAL];
/// The meta key holding the token of the tab allowed to write.
const WRITER: &str = "writer";

/// Why storage did not do what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// IndexedDB cannot be opened here (disabled, or a private window that offers none).
    Unavailable(String),
    /// The browser refused or lost a transaction (full disk, quota, eviction).
    Refused { doing: &'static str, cause: String },
    /// Another tab has taken over writing this project.
    NotWriter,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable(cause) => {
                write!(f, "this browser offers no IndexedDB storage here ({cause})")
            }
            StorageError::Refused { doing, cause } => write!(f, "browser storage refused {doing} ({cause})"),
            StorageError::NotWriter => write!(f, "another tab has taken over editing this project"),
        }
    }
}

impl std::error::Error for StorageError {}

fn refused(doing: &'static str) -> impl Fn(indexed_db_futures::error::Error) -> StorageError {
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
            .map_err(|e| StorageError::Unavailable(e.to_string()))?;
        Ok(Idb { db: Some(db) })
    }

    fn transaction(
        &self,
        mode: TransactionMode,
        doing: &'static str,
    ) -> Result<Transaction<'_>, StorageError> {
        let mut options = TransactionOptions::new();
        options.set_durability(TransactionDurability::Strict);
        let db = self.db.as_ref().ok_or(StorageError::Unavailable("the database is closed".into()))?;
        db.transaction(ALL).with_mode(mode).with_options(options).build().map_err(refused(doing))
    }

    /// Everything stored, read in one transaction (so it is one consistent state). With a
    /// `claim` token, the same transaction first makes this tab the writer.
    pub async fn read_all(&self, claim: Option<&str>) -> Result<StoredState, StorageError> {
        let mode = if claim.is_some() { TransactionMode::Readwrite } else { TransactionMode::Readonly };
        let tx = self.transaction(mode, "reading the project")?;
        let fail = refused("reading the project");
        let meta = tx.object_store(META).map_err(&fail)?;
        if let Some(token) = claim {
            meta.put(token).with_key(WRITER).primitive().map_err(&fail)?.await.map_err(&fail)?;
        }
        let get = |key: &'static str| meta.get::<String, _, _>(key).primitive();
        let project = get(keys::PROJECT).map_err(&fail)?.await.map_err(&fail)?;
        let history = get(keys::HISTORY).map_err(&fail)?.await.map_err(&fail)?;
        let journal_from = get(keys::JOURNAL_FROM).map_err(&fail)?.await.map_err(&fail)?;
        let records = read_pairs::<String>(&tx, RECORDS).await.map_err(&fail)?;
        let texts = read_pairs::<String>(&tx, TEXTS).await.map_err(&fail)?;
        let journal = read_pairs::<f64>(&tx, JOURNAL).await.map_err(&fail)?;
        if claim.is_some() {
            tx.commit().await.map_err(&fail)?;
        }
        Ok(StoredState {
            meta: project,
            history,
            journal_from,
            records,
            texts,
            journal: journal.into_iter().map(|(seq, entry)| (seq as u64, entry)).collect(),
        })
    }

    /// Carries out `ops` in one strict transaction, if `token` is still the writer's; resolves
    /// once the transaction has committed.
    pub async fn commit(
        &self,
        token: &str,
        ops: &[StoreOp],
        doing: &'static str,
    ) -> Result<(), StorageError> {
        let tx = self.transaction(TransactionMode::Readwrite, doing)?;
        let fail = refused(doing);
        let meta = tx.object_store(META).map_err(&fail)?;
        let writer: Option<String> = meta.get(WRITER).primitive().map_err(&fail)?.await.map_err(&fail)?;
        if writer.as_deref() != Some(token) {
            // Dropping the transaction aborts it: nothing of `ops` is written.
            return Err(StorageError::NotWriter);
        }
        let records = tx.object_store(RECORDS).map_err(&fail)?;
        let texts = tx.object_store(TEXTS).map_err(&fail)?;
        let journal = tx.object_store(JOURNAL).map_err(&fail)?;
        // Requests go out as they are built; the commit waits for all of them.
        for op in ops {
            match op {
                StoreOp::PutMeta { key, value } => {
                    meta.put(value.as_str()).with_key(*key).primitive().map_err(&fail)?;
                }
                StoreOp::DeleteMeta(key) => {
                    meta.delete(*key).primitive().map_err(&fail)?;
                }
                StoreOp::PutRecord { doc, record } => {
                    records.put(record.as_str()).with_key(doc.0.as_str()).primitive().map_err(&fail)?;
                }
                StoreOp::PutText { doc, text } => {
                    texts.put(text.as_str()).with_key(doc.0.as_str()).primitive().map_err(&fail)?;
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
