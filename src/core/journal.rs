//! The autosave journal: a snapshot of the project (and its undo history) plus the operations
//! since, so that each edit stores a few hundred bytes instead of the whole project. Loading
//! replays the operations on the snapshot, which rebuilds the same project and the same undo
//! and redo stacks. Commands are written in their own serde shape (see [`Command`]).

use super::command::Command;
use super::error::EditError;
use super::session::{Op, Session};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

#[derive(Serialize, Deserialize)]
#[serde(tag = "do", rename_all = "snake_case")]
enum Entry<'a> {
    Apply { step: Cow<'a, Command> },
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
                Op::Apply(command) => Entry::Apply { step: Cow::Borrowed(command) },
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

/// Why a stored journal was not replayed to its end.
#[derive(Debug)]
pub enum JournalError {
    /// The journal is not a list of entries this app writes.
    Unreadable(serde_json::Error),
    /// Entry `index` (from 1) no longer applies to the project.
    Refused { index: usize, cause: Box<EditError> },
    /// Entry `index` undid or redid a step that no longer applies.
    HistoryBroken { index: usize, cause: Box<EditError> },
}

impl fmt::Display for JournalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JournalError::Unreadable(error) => write!(f, "the journal is unreadable: {error}"),
            JournalError::Refused { index, cause } => {
                write!(f, "journal entry {index} no longer applies: {cause}")
            }
            JournalError::HistoryBroken { index, cause } => {
                write!(f, "journal entry {index} undoes or redoes a step that no longer applies: {cause}")
            }
        }
    }
}

impl std::error::Error for JournalError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            JournalError::Unreadable(error) => Some(error),
            JournalError::Refused { cause, .. } | JournalError::HistoryBroken { cause, .. } => {
                Some(cause.as_ref())
            }
        }
    }
}

/// A stored journal read: its operations in order.
///
/// # Errors
/// When it is not a list of entries this app writes.
pub fn parse(journal: &str) -> Result<Vec<Op>, JournalError> {
    let entries: Vec<Entry> = serde_json::from_str(journal).map_err(JournalError::Unreadable)?;
    Ok(entries
        .into_iter()
        .map(|entry| match entry {
            Entry::Apply { step } => Op::Apply(step.into_owned()),
            Entry::Undo => Op::Undo,
            Entry::Redo => Op::Redo,
        })
        .collect())
}

/// Replays a stored journal on `session` (restored from the snapshot). Returns how many
/// operations were replayed.
///
/// # Errors
/// When the journal cannot be read or an entry no longer applies; the session then holds the
/// operations before that entry.
pub fn replay(session: &mut Session, journal: &str) -> Result<usize, JournalError> {
    replay_ops(session, parse(journal)?)
}

/// Replays operations read by [`parse`] (see [`replay`]).
///
/// # Errors
/// When an operation no longer applies.
pub fn replay_ops(session: &mut Session, ops: Vec<Op>) -> Result<usize, JournalError> {
    for (n, op) in ops.into_iter().enumerate() {
        let index = n + 1;
        match op {
            Op::Apply(step) => {
                session
                    .apply(step)
                    .map_err(|cause| JournalError::Refused { index, cause: Box::new(cause) })?;
            }
            Op::Undo | Op::Redo => {
                let undo = matches!(op, Op::Undo);
                // A step on a document not read from storage would be skipped silently.
                if let Some(cause) = session.step_blocked(undo) {
                    return Err(JournalError::HistoryBroken { index, cause: Box::new(cause) });
                }
                if undo {
                    session.undo();
                } else {
                    session.redo();
                }
            }
            Op::Snapshot => {}
        }
        if let Some(cause) = session.take_history_loss() {
            return Err(JournalError::HistoryBroken { index, cause: Box::new(cause) });
        }
    }
    // Replaying logged the operations again; they are stored already.
    let replayed = session.take_log().len();
    Ok(replayed)
}
