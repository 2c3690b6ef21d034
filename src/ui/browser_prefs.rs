//! This browser's preferences (localStorage: the user's name, display settings, the document
//! last open) and the page's language. None of it is project data, and a browser that refuses
//! localStorage only loses the preference.

use super::browser::{document, window};
use crate::core::DocId;

const OPEN_DOC_KEY: &str = "biaozhu.open-doc";
const USER_NAME_KEY: &str = "biaozhu.user-name";

/// This origin's localStorage; none when the browser refuses it (disabled, or a sandbox).
/// Only preferences live there, so a refusal is never shown: the preference is not kept.
pub fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The name this browser's user annotates under (a per-browser preference, not project data).
pub fn stored_user_name() -> Option<String> {
    local_storage()?.get_item(USER_NAME_KEY).ok().flatten().filter(|n| !n.trim().is_empty())
}

pub fn save_user_name(name: &str) {
    if let Some(storage) = local_storage() {
        let _ = if name.is_empty() {
            storage.remove_item(USER_NAME_KEY)
        } else {
            storage.set_item(USER_NAME_KEY, name)
        };
    }
}

/// A display preference of this browser (not project data), by its key.
pub fn stored_setting(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

pub fn save_setting(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// The browser's language tag (`navigator.language`), e.g. "zh-CN".
pub fn browser_language() -> String {
    window().navigator().language().unwrap_or_default()
}

/// Tells the page (and so screen readers and fonts) what language it is in.
pub fn set_page_language(tag: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", tag);
    }
}

/// The document this browser last had open (a per-browser preference, not project data).
pub fn stored_open_doc() -> Option<DocId> {
    local_storage()?.get_item(OPEN_DOC_KEY).ok().flatten().map(DocId)
}

pub fn save_open_doc(id: Option<&DocId>) {
    if let Some(storage) = local_storage() {
        let _ = match id {
            Some(id) => storage.set_item(OPEN_DOC_KEY, &id.0),
            None => storage.remove_item(OPEN_DOC_KEY),
        };
    }
}
