//! Loading what autosave stored (see `saving`): the records put back together, the undo history
//! restored, then the journal replayed up to its first hole.

use super::history_json::resume_session;
use super::journal::{join, replay};
use super::saving::{replayable, Saver};
use super::session::Session;
use super::stored::{assemble, StoredError};

/// Everything read from storage in one transaction.
#[derive(Clone, Debug, Default)]
pub struct StoredState {
    pub meta: Option<String>,
    pub history: Option<String>,
    pub journal_from: Option<String>,
    pub records: Vec<(String, String)>,
    pub texts: Vec<(String, String)>,
    pub journal: Vec<(u64, String)>,
}

/// A session resumed from storage, and how autosave goes on from it.
#[derive(Debug)]
pub struct Loaded {
    pub session: Session,
    pub saver: Saver,
    /// Something was not restored (the undo history, the last journal entries), for the user.
    pub problem: Option<String>,
}

/// Resumes the stored session, or `None` when storage holds no project.
///
/// # Errors
/// When the records do not make a project; storage is then left as it is.
pub fn load(state: StoredState) -> Result<Option<Loaded>, StoredError> {
    let Some(meta) = state.meta else {
        return Ok(None);
    };
    let project = assemble(&meta, state.records, state.texts)?;
    let (mut session, lost) = resume_session(project, state.history.as_deref());
    let mut problem = lost.map(|error| format!("{error}; the project is restored without its undo steps"));
    let journal_from = state.journal_from.and_then(|n| n.trim().parse().ok()).unwrap_or(0);
    let journal = replayable(journal_from, state.journal);
    // Left by a write that failed (never shown as saved): compact past them at the first save.
    let mut must_compact = journal.skipped > 0;
    if !journal.entries.is_empty() {
        if let Err(error) = replay(&mut session, &join(&journal.entries)) {
            problem =
                Some(format!("the last edits saved in this browser could not all be restored: {error}"));
            must_compact = true;
        }
    }
    // The records the journal's edits touched are rewritten when the journal is compacted.
    let stale = session.take_changes();
    session.take_log();
    let saver = Saver::new(journal.next_seq, journal.entries.len(), stale, must_compact);
    Ok(Some(Loaded { session, saver, problem }))
}

/// A session from the project a browser kept in localStorage before IndexedDB: the project
/// file, its undo history and the journal since (all as the earlier version wrote them).
/// Returns the session and what could not be restored, for the user.
///
/// # Errors
/// When the project itself does not read; nothing is then moved or deleted.
pub fn from_local_storage(
    project_json: &str,
    history: Option<&str>,
    journal: Option<&str>,
) -> Result<(Session, Option<String>), super::project_json::ImportError> {
    let project = super::project_json::import_project(project_json)?;
    let (mut session, lost) = resume_session(project, history);
    let mut problem = lost.map(|error| format!("{error}; the project is moved without its undo steps"));
    if let Some(journal) = journal {
        if let Err(error) = replay(&mut session, journal) {
            problem = Some(format!("the last edits of the old storage could not all be moved: {error}"));
        }
    }
    session.take_changes();
    session.take_log();
    Ok((session, problem))
}
