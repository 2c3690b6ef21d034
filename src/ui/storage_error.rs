//! Why browser storage did not do what was asked: the IndexedDB backend's (`idb`) errors,
//! kept apart from it so that the words (`words::storage_errors`) and the tests need not know
//! the database.

use std::fmt;

/// Why storage did not do what was asked. The causes are the browser's own words (a
/// `DOMException`'s message), shown as they come; the rest is worded in the language shown
/// (`ui::words::storage::storage_error`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// IndexedDB cannot be opened here (disabled, or a private window that offers none).
    Unavailable(Unavailable),
    /// The browser refused or lost a transaction (full disk, quota, eviction).
    Refused { doing: StorageTask, cause: String },
    /// Another tab has taken over writing this project.
    NotWriter,
}

/// Why this tab has no storage to use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unavailable {
    /// The browser would not open the database; its words.
    NotOpened { cause: String },
    /// The connection was closed (the tab is going away).
    Closed,
    /// This tab works in memory only (storage failed at start-up).
    OffInThisTab,
}

/// What a storage transaction was doing when it failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageTask {
    ReadingProject,
    ReadingDocuments,
    ReadingDocument,
    StoringEdit,
    StoringRecords,
    DeletingProject,
    StoringModel,
    ReadingModel,
}

impl StorageTask {
    pub const ALL: [StorageTask; 8] = [
        StorageTask::ReadingProject,
        StorageTask::ReadingDocuments,
        StorageTask::ReadingDocument,
        StorageTask::StoringEdit,
        StorageTask::StoringRecords,
        StorageTask::DeletingProject,
        StorageTask::StoringModel,
        StorageTask::ReadingModel,
    ];
}

impl fmt::Display for StorageTask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StorageTask::ReadingProject => "reading the project",
            StorageTask::ReadingDocuments => "reading documents",
            StorageTask::ReadingDocument => "reading a document",
            StorageTask::StoringEdit => "the edit",
            StorageTask::StoringRecords => "the project's records",
            StorageTask::DeletingProject => "deleting the stored project",
            StorageTask::StoringModel => "storing the model",
            StorageTask::ReadingModel => "reading the model",
        })
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable(Unavailable::NotOpened { cause }) => {
                write!(f, "this browser offers no IndexedDB storage here ({cause})")
            }
            StorageError::Unavailable(Unavailable::Closed) => {
                f.write_str("this browser offers no IndexedDB storage here (the database is closed)")
            }
            StorageError::Unavailable(Unavailable::OffInThisTab) => {
                f.write_str("this browser offers no IndexedDB storage here (storage is off in this tab)")
            }
            StorageError::Refused { doing, cause } => write!(f, "browser storage refused {doing} ({cause})"),
            StorageError::NotWriter => write!(f, "another tab has taken over editing this project"),
        }
    }
}

impl std::error::Error for StorageError {}
