//! The autosave journal: a snapshot of the project (and its undo history) plus the operations
//! since, so that each edit stores a few hundred bytes instead of the whole project. Loading
//! replays the operations on the snapshot, which rebuilds the same project and the same undo
//! and redo stacks.

use super::history_json::{command_of, step_of, Step};
use super::session::{Op, Session};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
#[serde(tag = "do", rename_all = "snake_case")]
enum Entry {
    Apply { step: Step },
    Undo,
    Redo,
}

/// A journal past either limit is folded into a new snapshot.
pub const MAX_ENTRIES: usize = 200;
pub const MAX_BYTES: usize = 1 << 20;

/// The JSON of each operation, or `None` when the operations need a new snapshot instead.
pub fn entries(ops: &[Op]) -> Option<Vec<String>> {
    ops.iter()
        .map(|op| {
            let entry = match op {
                Op::Apply(command) => Entry::Apply { step: step_of(command) },
                Op::Undo => Entry::Undo,
                Op::Redo => Entry::Redo,
                Op::Snapshot => return None,
            };
            Some(serde_json::to_string(&entry).expect("entries serialise"))
        })
        .collect()
}

/// The stored form of a journal: a JSON array of entries.
pub fn join(entries: &[String]) -> String {
    format!("[{}]", entries.join(","))
}

/// Replays a stored journal on `session` (restored from the snapshot). Returns how many
/// operations were replayed.
///
/// # Errors
/// A message when the journal cannot be read or an entry no longer applies; the session then
/// holds the operations before that entry.
pub fn replay(session: &mut Session, journal: &str) -> Result<usize, String> {
    let entries: Vec<Entry> =
        serde_json::from_str(journal).map_err(|e| format!("the journal is unreadable: {e}"))?;
    for (n, entry) in entries.into_iter().enumerate() {
        match entry {
            Entry::Apply { step } => {
                let command = command_of(step).ok_or(format!("journal entry {} is malformed", n + 1))?;
                session
                    .apply(command)
                    .map_err(|e| format!("journal entry {} no longer applies: {e}", n + 1))?;
            }
            Entry::Undo => {
                session.undo();
            }
            Entry::Redo => {
                session.redo();
            }
        }
    }
    // Replaying logged the operations again; they are stored already.
    let replayed = session.take_log().len();
    Ok(replayed)
}
