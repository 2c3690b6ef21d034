//! What to do with a file the user opened, dropped, or named in `?doc=`: a project JSON is
//! imported, a text file becomes a new document. Decided from the name, then the content.

use super::editor::EditorAction;
use super::project_json::import_project;
use super::text_input::{decode_text_file, name_from_file_name};

/// The action for a file called `name` (a file name or URL) holding `bytes`.
pub fn action_for_file(name: &str, bytes: &[u8]) -> EditorAction {
    let file_name = name.rsplit('/').next().unwrap_or(name);
    let file_name = file_name.split(['?', '#']).next().unwrap_or(file_name);
    let lower = file_name.to_lowercase();
    let looks_like_json = bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{' || *b == b'[');
    if lower.ends_with(".json") || (!lower.ends_with(".txt") && looks_like_json) {
        let result = match std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        {
            Ok(text) => import_project(text),
            Err(e) => Err(super::project_json::ImportError::NotJson {
                line: 1,
                column: 1,
                reason: format!(
                    "not UTF-8 text (invalid byte at offset {})",
                    e.valid_up_to()
                ),
            }),
        };
        return EditorAction::ImportProject {
            source: file_name.to_string(),
            result,
        };
    }
    if lower.ends_with(".txt") || !lower.contains('.') {
        return match decode_text_file(bytes) {
            Ok(text) => EditorAction::AddDocument {
                name: name_from_file_name(file_name),
                text,
            },
            Err(error) => EditorAction::Failed(format!("{file_name} was not opened: {error}")),
        };
    }
    EditorAction::Failed(format!(
        "{file_name} was not opened: the app opens project files (.json) and UTF-8 text files (.txt)"
    ))
}
