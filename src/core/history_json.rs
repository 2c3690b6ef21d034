//! The undo and redo history as JSON, so that undo still works after a reload. Stored beside
//! the project in browser storage; not part of the project export. Commands are written in
//! their own serde shape (see [`Command`]), the same the journal uses.

use super::command::Command;
use super::project::Project;
use super::session::Session;
use serde::{Deserialize, Serialize};
use std::fmt;

pub const HISTORY_VERSION: u64 = 1;

#[derive(Deserialize)]
struct HistoryFile {
    version: u64,
    revision: u64,
    undo: Vec<Command>,
    redo: Vec<Command>,
}

/// The same shape as [`HistoryFile`], written from borrowed commands.
#[derive(Serialize)]
struct HistoryOut<'a> {
    version: u64,
    revision: u64,
    undo: Vec<&'a Command>,
    redo: Vec<&'a Command>,
}

/// Why a stored history was not restored (the project itself is, without undo steps).
#[derive(Debug)]
pub enum HistoryError {
    Unreadable(serde_json::Error),
    OtherVersion(u64),
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HistoryError::Unreadable(error) => write!(f, "the stored undo history is unreadable ({error})"),
            HistoryError::OtherVersion(v) => {
                write!(f, "the stored undo history is version {v}; this app reads version {HISTORY_VERSION}")
            }
        }
    }
}

impl std::error::Error for HistoryError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            HistoryError::Unreadable(error) => Some(error),
            HistoryError::OtherVersion(_) => None,
        }
    }
}

/// The session's undo and redo stacks as JSON, keeping only the newest `keep` undo steps.
pub fn export_history(session: &Session, keep: usize) -> String {
    let (undo, redo) = session.history(keep);
    let file = HistoryOut { version: HISTORY_VERSION, revision: session.revision(), undo, redo };
    serde_json::to_string(&file).expect("history always serialises")
}

/// The stored undo and redo stacks and the revision they belong to.
#[derive(Clone, Debug, Default)]
pub struct History {
    pub undo: Vec<Command>,
    pub redo: Vec<Command>,
    pub revision: u64,
}

/// Reads a stored history.
///
/// # Errors
/// When it does not read, or is of another version.
pub fn read_history(json: &str) -> Result<History, HistoryError> {
    match serde_json::from_str::<HistoryFile>(json) {
        Ok(file) if file.version == HISTORY_VERSION => {
            Ok(History { undo: file.undo, redo: file.redo, revision: file.revision })
        }
        Ok(file) => Err(HistoryError::OtherVersion(file.version)),
        Err(error) => Err(HistoryError::Unreadable(error)),
    }
}

/// A session over `project` with the stored history. A history that does not read gives a
/// fresh session and the reason, for the user to be told; each step is checked again when it is
/// undone (see [`Session::undo`]).
pub fn resume_session(project: Project, history: Option<&str>) -> (Session, Option<HistoryError>) {
    match history.map(read_history) {
        None => (Session::new(project), None),
        Some(Ok(history)) => (Session::resume(project, history.undo, history.redo, history.revision), None),
        Some(Err(error)) => (Session::new(project), Some(error)),
    }
}
