//! The learned model's place in storage: beside the project, written only by the tab that
//! writes the project (the same fence as every write), read by any tab.

use super::{Persist, Role};
use crate::ui::idb::{StorageError, Unavailable};

impl Persist {
    /// Stores the model; resolves once it is on disk. A tab that does not write the project
    /// keeps its model in memory only (and says so).
    pub async fn save_model(&self, bytes: &js_sys::Uint8Array, summary: &str) -> Result<(), StorageError> {
        let (idb, role) = (self.idb(), self.role());
        match (idb, role) {
            (Some(idb), Role::Writer { token }) => idb.put_model(&token, bytes, summary).await,
            (None, _) | (_, Role::Off(_)) => Err(StorageError::Unavailable(Unavailable::OffInThisTab)),
            _ => Err(StorageError::NotWriter),
        }
    }

    /// The stored model's summary (JSON), if any.
    pub async fn model_summary(&self) -> Result<Option<String>, StorageError> {
        match self.idb() {
            Some(idb) => idb.read_model_summary().await,
            None => Ok(None),
        }
    }

    /// The stored model's bytes, if any.
    pub async fn model_bytes(&self) -> Result<Option<js_sys::Uint8Array>, StorageError> {
        match self.idb() {
            Some(idb) => idb.read_model().await,
            None => Ok(None),
        }
    }
}
