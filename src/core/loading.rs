//! Loading what autosave stored (see `saving`): the records put back together, the undo history
//! restored, then the journal replayed up to its first hole.

use super::changes::Changes;
use super::command::Command;
use super::document::DocId;
use super::history_json::{read_history, resume_session, History, HistoryError};
use super::journal::{join, parse, replay, replay_ops, JournalError};
use super::saving::{replayable, Replayable, Saver};
use super::session::{Op, Session};
use super::stored::{put_together, StoredError, StoredMeta};
use std::collections::BTreeSet;

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
    pub problem: Option<RestoreProblem>,
}

/// What of a stored project could not be restored; the project itself was.
#[derive(Debug)]
pub enum RestoreProblem {
    /// The undo history did not read: the project is restored without its undo steps.
    /// `moved`: while moving an earlier version's localStorage project.
    UndoLost { cause: HistoryError, moved: bool },
    /// The last journal entries did not apply: the edits before them are restored.
    EditsLost { cause: JournalError, moved: bool },
}

impl std::fmt::Display for RestoreProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RestoreProblem::UndoLost { cause, moved: false } => {
                write!(f, "{cause}; the project is restored without its undo steps")
            }
            RestoreProblem::UndoLost { cause, moved: true } => {
                write!(f, "{cause}; the project is moved without its undo steps")
            }
            RestoreProblem::EditsLost { cause, moved: false } => {
                write!(f, "the last edits saved in this browser could not all be restored: {cause}")
            }
            RestoreProblem::EditsLost { cause, moved: true } => {
                write!(f, "the last edits of the old storage could not all be moved: {cause}")
            }
        }
    }
}

impl std::error::Error for RestoreProblem {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RestoreProblem::UndoLost { cause, .. } => Some(cause),
            RestoreProblem::EditsLost { cause, .. } => Some(cause),
        }
    }
}

/// Resumes the stored session, or `None` when storage holds no project. Every document's
/// record must be in `state` (a start-up that reads only some uses [`open`]).
///
/// # Errors
/// When the records do not make a project; storage is then left as it is.
pub fn load(state: StoredState) -> Result<Option<Loaded>, StoredError> {
    let Some(meta) = state.meta else {
        return Ok(None);
    };
    let mut opening = open(&meta, state.history, state.journal_from, state.journal, None)?;
    opening.wanted = None;
    opening.finish(state.records, state.texts).map(Some)
}

/// A start-up half done: the project record, the undo history and the journal are read, and
/// with them which documents must be read whole before the project can be shown.
pub struct Opening {
    meta: StoredMeta,
    history: Option<Result<History, HistoryError>>,
    journal: Replayable,
    ops: Result<Vec<Op>, JournalError>,
    /// `None`: every document (the store has no index, or the journal may edit any document).
    wanted: Option<Vec<DocId>>,
}

/// Reads the project record, the history and the journal, and works out which documents a
/// start-up must read: `preferred` (the document the user had open) or else the first, and
/// every document the journal's replay edits, undoes or redoes.
///
/// # Errors
/// When the project record does not read.
pub fn open(
    meta: &str,
    history: Option<String>,
    journal_from: Option<String>,
    journal: Vec<(u64, String)>,
    preferred: Option<&DocId>,
) -> Result<Opening, StoredError> {
    let meta = StoredMeta::read(meta)?;
    let history = history.as_deref().map(read_history);
    let journal_from = journal_from.and_then(|n| n.trim().parse().ok()).unwrap_or(0);
    let journal = replayable(journal_from, journal);
    let ops = if journal.entries.is_empty() { Ok(Vec::new()) } else { parse(&join(&journal.entries)) };
    let wanted = meta.has_index().then(|| {
        let empty = History::default();
        let stacks = match &history {
            Some(Ok(history)) => history,
            _ => &empty,
        };
        let replayed = ops.as_deref().map_or(Some(BTreeSet::new()), |ops| edited_by_replay(stacks, ops))?;
        let first = preferred.filter(|id| meta.documents().contains(id)).or(meta.documents().first());
        Some(first.into_iter().cloned().chain(replayed).collect::<Vec<_>>())
    });
    Ok(Opening { meta, history, journal, ops, wanted: wanted.flatten() })
}

/// The documents a replay of `ops` on a session with the stacks of `history` edits, or `None`
/// when it may edit any (a whole project replaced). Undo and redo edit what the step on top of
/// their stack edits, so the stacks are followed as the replay will change them.
fn edited_by_replay(history: &History, ops: &[Op]) -> Option<BTreeSet<DocId>> {
    let touched = |command: &Command| {
        let mut changes = Changes::default();
        changes.note(command);
        (!changes.everything).then_some(changes.docs)
    };
    let mut undo: Vec<Option<BTreeSet<DocId>>> = history.undo.iter().map(touched).collect();
    let mut redo: Vec<Option<BTreeSet<DocId>>> = history.redo.iter().map(touched).collect();
    let mut edited = BTreeSet::new();
    for op in ops {
        let docs = match op {
            Op::Apply(command) => {
                redo.clear();
                let docs = touched(command);
                undo.push(docs.clone());
                docs
            }
            Op::Undo | Op::Redo => {
                let (from, to) =
                    if matches!(op, Op::Undo) { (&mut undo, &mut redo) } else { (&mut redo, &mut undo) };
                match from.pop() {
                    // Nothing to undo: the replay does nothing either.
                    None => Some(BTreeSet::new()),
                    Some(docs) => {
                        to.push(docs.clone());
                        docs
                    }
                }
            }
            Op::Snapshot => None,
        }?;
        edited.extend(docs);
    }
    Some(edited)
}

impl Opening {
    /// The documents to read before [`Opening::finish`]; `None` means all of them.
    pub fn wanted(&self) -> Option<&[DocId]> {
        self.wanted.as_deref()
    }

    /// Puts the session together from the records and texts read (those [`Opening::wanted`]
    /// names; the other documents stay stand-ins until filled) and replays the journal.
    ///
    /// # Errors
    /// When the records do not make a project; storage is then left as it is.
    pub fn finish(
        self,
        records: Vec<(String, String)>,
        texts: Vec<(String, String)>,
    ) -> Result<Loaded, StoredError> {
        let Opening { meta, history, journal, ops, wanted } = self;
        let project = put_together(meta, records, texts, wanted.is_some())?;
        let (mut session, lost) = match history {
            None => (Session::new(project), None),
            Some(Ok(h)) => (Session::resume(project, h.undo, h.redo, h.revision), None),
            Some(Err(error)) => (Session::new(project), Some(error)),
        };
        let mut problem = lost.map(|cause| RestoreProblem::UndoLost { cause, moved: false });
        // Left by a write that failed (never shown as saved): compact past them at the first save.
        let mut must_compact = journal.skipped > 0;
        if let Err(error) = ops.and_then(|ops| replay_ops(&mut session, ops)) {
            problem = Some(RestoreProblem::EditsLost { cause: error, moved: false });
            must_compact = true;
        }
        // The records the journal's edits touched are rewritten when the journal is compacted.
        let stale = session.take_changes();
        session.take_log();
        let saver = Saver::new(journal.next_seq, journal.entries.len(), stale, must_compact);
        Ok(Loaded { session, saver, problem })
    }
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
) -> Result<(Session, Option<RestoreProblem>), super::project_json::ImportError> {
    let project = super::project_json::import_project(project_json)?;
    let (mut session, lost) = resume_session(project, history);
    let mut problem = lost.map(|cause| RestoreProblem::UndoLost { cause, moved: true });
    if let Some(journal) = journal {
        if let Err(error) = replay(&mut session, journal) {
            problem = Some(RestoreProblem::EditsLost { cause: error, moved: true });
        }
    }
    session.take_changes();
    session.take_log();
    Ok((session, problem))
}
