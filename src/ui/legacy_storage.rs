//! The localStorage keys of earlier versions, read once to move their project into IndexedDB
//! (see `persist`), then removed.

use super::browser::local_storage;

const PROJECT_KEY: &str = "biaozhu.project.v1";
const HISTORY_KEY: &str = "biaozhu.history.v1";
const JOURNAL_KEY: &str = "biaozhu.journal.v1";
/// Where earlier versions set aside a stored project they could not read; left alone.
pub const UNREADABLE_KEY: &str = "biaozhu.project.unreadable";

/// A project an earlier version kept in localStorage.
pub struct LegacyProject {
    pub json: String,
    pub history: Option<String>,
    pub journal: Option<String>,
}

pub fn read() -> Option<LegacyProject> {
    let storage = local_storage()?;
    let json = storage.get_item(PROJECT_KEY).ok().flatten()?;
    let history = storage.get_item(HISTORY_KEY).ok().flatten();
    let journal = storage.get_item(JOURNAL_KEY).ok().flatten();
    Some(LegacyProject { json, history, journal })
}

/// Removes the old keys, once their project is committed to IndexedDB.
pub fn remove() {
    if let Some(storage) = local_storage() {
        for key in [PROJECT_KEY, HISTORY_KEY, JOURNAL_KEY] {
            let _ = storage.remove_item(key);
        }
    }
}

/// Keeps an old project that does not read under [`UNREADABLE_KEY`], so nothing overwrites it.
pub fn set_aside(json: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(UNREADABLE_KEY, json);
        let _ = storage.remove_item(PROJECT_KEY);
    }
}
