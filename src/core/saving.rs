//! What autosave writes after each edit, and what "Saved" may claim, without the browser.
//!
//! Storage holds the project as records (see `stored`) plus a journal of the operations since
//! they were written, one entry per operation under consecutive sequence numbers. An edit
//! appends its entries (a few hundred bytes, whatever the project's size); when the journal has
//! grown, a compaction rewrites the records the journal's edits touched and deletes the journal
//! up to where it began. Writes reach storage in the order they are made, so "Saved" for a
//! revision means every edit up to it is stored.
//!
//! A write that fails leaves a hole in the journal. Entries after a hole are never replayed (a
//! load stops at the first missing number), nothing after it is shown as saved, and the next
//! write is a compaction, which stores the whole state again.

use super::changes::Changes;
use super::document::{DocId, Document};
use super::history_json::export_history;
use super::journal;
use super::session::{Op, Session};
use super::stored;
use crate::core::compact_sort;
use std::collections::VecDeque;
use std::rc::Rc;

/// Journal entries since the last compaction that make the next write compact.
pub const COMPACT_AFTER_ENTRIES: usize = 200;
/// Likewise, in bytes of entries.
pub const COMPACT_AFTER_BYTES: usize = 1 << 20;

/// One write for the storage backend to commit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Write {
    /// Put `entries` under sequence numbers `first_seq..`.
    Append { first_seq: u64, entries: Vec<String>, revision: u64 },
    /// Rewrite the meta record, the history and the records `changes` names, from the state at
    /// `revision`; set the journal start to `journal_from` and delete every entry before it.
    Compact { changes: Changes, journal_from: u64, revision: u64 },
}

impl Write {
    pub fn revision(&self) -> u64 {
        match self {
            Write::Append { revision, .. } | Write::Compact { revision, .. } => *revision,
        }
    }
}

/// The autosave's bookkeeping for one writing tab.
#[derive(Clone, Debug)]
pub struct Saver {
    next_seq: u64,
    entries_since_compaction: usize,
    bytes_since_compaction: usize,
    /// Records made stale since the last compaction that committed, one entry per epoch: a new
    /// epoch begins whenever a compaction is prepared (the last entry is the open one). A
    /// compaction writes every epoch; once it commits, the epochs it covered are dropped. So a
    /// compaction still in flight when an earlier one fails holds that one's records too.
    stale: VecDeque<Changes>,
    /// The number of the epoch at the front of `stale`.
    first_epoch: u64,
    /// For each compaction in flight (oldest first), the last epoch it covers, and whether it
    /// was prepared while only a compaction could be written: it then holds edits no journal
    /// entry has, so nothing may be appended until it has committed.
    compactions: VecDeque<(u64, bool)>,
    /// A write failed (or a change could not be journalled): only a compaction may follow.
    broken: bool,
}

impl Saver {
    /// A saver over a store whose journal continues at `next_seq`, holding `journal_entries`
    /// entries since its last compaction, whose edits made `stale` records (every record, for a
    /// project not stored yet). With `must_compact`, the next write is a compaction.
    pub fn new(next_seq: u64, journal_entries: usize, stale: Changes, must_compact: bool) -> Self {
        Saver {
            next_seq,
            entries_since_compaction: journal_entries,
            bytes_since_compaction: 0,
            stale: VecDeque::from([stale]),
            first_epoch: 0,
            compactions: VecDeque::new(),
            broken: must_compact,
        }
    }

    /// A saver for a project that storage does not hold yet: its first write stores it all.
    pub fn first_write() -> Self {
        Saver::new(0, 0, Changes::everything(), true)
    }

    /// The append for the operations an edit made (taken from the session) and the records it
    /// made stale, leaving the session at `revision`. `None` while only a compaction may be
    /// written (see [`Saver::compaction_due`]).
    pub fn after_edit(&mut self, ops: &[Op], changes: Changes, revision: u64) -> Option<Write> {
        self.stale.back_mut().expect("an open epoch").merge(changes);
        if self.broken {
            return None;
        }
        match journal::entries(ops) {
            // An import of a corpus would be one entry of megabytes, written twice (the
            // compaction it makes due writes its records) and replayed whole at every start-up
            // until then: the compaction alone stores it.
            Some(entries) if entries.iter().map(String::len).sum::<usize>() > COMPACT_AFTER_BYTES => {
                self.broken = true;
                None
            }
            Some(entries) if !entries.is_empty() => {
                self.entries_since_compaction += entries.len();
                self.bytes_since_compaction += entries.iter().map(String::len).sum::<usize>();
                let first_seq = self.next_seq;
                self.next_seq += entries.len() as u64;
                Some(Write::Append { first_seq, entries, revision })
            }
            Some(_) => None,
            None => {
                // A change too large to journal (a replaced project).
                self.broken = true;
                None
            }
        }
    }

    /// True when the next write should be a compaction: the journal has grown past its limits,
    /// or a write failed, or a change could not be journalled. The UI compacts after the frame
    /// is painted, taking any newer edits' appends first so that the records it writes never
    /// hold an edit the journal will replay again.
    pub fn compaction_due(&self) -> bool {
        self.broken
            || (self.stale.iter().any(|epoch| !epoch.is_empty())
                && (self.entries_since_compaction > COMPACT_AFTER_ENTRIES
                    || self.bytes_since_compaction > COMPACT_AFTER_BYTES))
    }

    /// A compaction of everything stale, at `revision`.
    pub fn compaction(&mut self, revision: u64) -> Write {
        self.entries_since_compaction = 0;
        self.bytes_since_compaction = 0;
        // Entries made later continue the new journal.
        let mut changes = Changes::default();
        self.stale.iter().for_each(|epoch| changes.merge(epoch.clone()));
        self.compactions.push_back((self.first_epoch + self.stale.len() as u64 - 1, self.broken));
        self.stale.push_back(Changes::default());
        Write::Compact { changes, journal_from: self.next_seq, revision }
    }

    /// Storage committed `write` (`Ok`) or refused it. Returns the revision that may now be
    /// shown as saved, if any.
    pub fn finished(&mut self, write: Write, committed: bool) -> Option<u64> {
        match (write, committed) {
            (Write::Append { revision, .. }, true) => (!self.broken).then_some(revision),
            (Write::Append { .. }, false) => {
                self.broken = true;
                None
            }
            (Write::Compact { revision, .. }, true) => {
                // Writes finish in order: this is the oldest compaction in flight.
                let covered = self.compactions.pop_front().map_or(self.first_epoch, |(epoch, _)| epoch);
                while self.first_epoch <= covered && self.stale.len() > 1 {
                    self.stale.pop_front();
                    self.first_epoch += 1;
                }
                self.broken = self.compactions.iter().any(|&(_, unjournalled)| unjournalled);
                Some(revision)
            }
            (Write::Compact { .. }, false) => {
                // Its epochs stay stale (the next compaction writes them); the journal before it
                // still holds.
                self.compactions.pop_front();
                self.broken = true;
                None
            }
        }
    }
}

/// The journal entries to replay: those from `journal_from` on, in order, up to the first
/// missing sequence number (a write that failed; what follows it was never shown saved).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replayable {
    pub entries: Vec<String>,
    /// Where the journal goes on: past every stored entry, so none left after a hole is ever
    /// taken for a new one.
    pub next_seq: u64,
    /// Entries after a hole were left out: the writer must compact before appending again.
    pub skipped: usize,
}

pub fn replayable(journal_from: u64, mut stored: Vec<(u64, String)>) -> Replayable {
    compact_sort::sort_by_key(&mut stored, |(seq, _)| *seq);
    let last = stored.last().map_or(0, |(seq, _)| seq + 1);
    let mut next = journal_from;
    let mut entries = Vec::new();
    let mut skipped = 0;
    for (seq, entry) in stored {
        // Older than the records (a compaction deletes them with the same commit).
        if seq < journal_from {
            continue;
        }
        if seq == next && skipped == 0 {
            entries.push(entry);
            next += 1;
        } else {
            skipped += 1;
        }
    }
    Replayable { entries, next_seq: next.max(last), skipped }
}

/// Keys of the meta store.
pub mod keys {
    pub const PROJECT: &str = "project";
    pub const HISTORY: &str = "history";
    /// The first journal sequence number the records do not include yet.
    pub const JOURNAL_FROM: &str = "journal-from";
    /// The learned model's bytes and its summary (JSON); written apart from the journal, and
    /// deleted with the project.
    pub const MODEL: &str = "model";
    pub const MODEL_SUMMARY: &str = "model-summary";
}

/// One change to storage, for the backend to carry out inside a single transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreOp {
    PutMeta {
        key: &'static str,
        value: String,
    },
    DeleteMeta(&'static str),
    /// Document `doc` as it was when the write was made: its annotation record (see
    /// `stored::doc_record`) and, with `text`, its text. The backend serialises it as it writes,
    /// a few thousand at a time, so that storing a corpus does not hold the page in one piece;
    /// an edit meanwhile copies the document it changes and leaves this one as it was.
    PutDocument {
        doc: Rc<Document>,
        text: bool,
    },
    /// A document removed: its record and text go.
    DeleteDoc(DocId),
    /// Before rewriting every document (a replaced project): drop all records and texts.
    ClearDocs,
    PutEntry {
        seq: u64,
        entry: String,
    },
    /// Deletes journal entries numbered below this.
    DeleteEntriesBefore(u64),
}

/// What deleting the stored project does (the storage panel's Delete): every record, text and
/// journal entry goes; the writer token stays, so this tab goes on writing.
pub fn clear_ops() -> Vec<StoreOp> {
    vec![
        StoreOp::ClearDocs,
        StoreOp::DeleteEntriesBefore(u64::MAX),
        StoreOp::DeleteMeta(keys::PROJECT),
        StoreOp::DeleteMeta(keys::HISTORY),
        StoreOp::DeleteMeta(keys::JOURNAL_FROM),
        StoreOp::DeleteMeta(keys::MODEL),
        StoreOp::DeleteMeta(keys::MODEL_SUMMARY),
    ]
}

/// Undo steps kept in storage; older ones are dropped from storage (not from the session).
pub const STORED_UNDO_STEPS: usize = 200;

/// The storage changes that carry out `write`, read from `session` as it is now (which is the
/// state at `write.revision()`: writes are prepared as soon as they are made).
pub fn prepare(write: &Write, session: &Session) -> Vec<StoreOp> {
    let mut preparing = Preparing::new(write, session);
    let mut ops = Vec::new();
    while let Some(mut part) = preparing.next_part(usize::MAX) {
        ops.append(&mut part);
    }
    ops
}

/// [`prepare`] a part at a time, so that the page can paint between parts: a compaction after
/// a corpus import names tens of thousands of documents, and its meta record and history take
/// a frame each of their own. The parts hold the operations of [`prepare`], in its order.
pub struct Preparing<'a> {
    session: &'a Session,
    write: &'a Write,
    /// The operations that come first, still to make: a compaction's document operations, or
    /// an append's journal entries (its only part).
    leading: Box<dyn Iterator<Item = StoreOp> + 'a>,
    stage: Stage,
}

/// Where a [`Preparing`] is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Documents,
    Meta,
    History,
    Done,
}

impl<'a> Preparing<'a> {
    pub fn new(write: &'a Write, session: &'a Session) -> Self {
        let project = session.project();
        let leading: Box<dyn Iterator<Item = StoreOp> + 'a> = match write {
            Write::Append { first_seq, entries, .. } => Box::new(
                entries
                    .iter()
                    .zip(*first_seq..)
                    .map(|(entry, seq)| StoreOp::PutEntry { seq, entry: entry.clone() }),
            ),
            Write::Compact { changes, .. } if changes.everything && project.is_complete() => {
                let all = project.documents().iter();
                let put = all.map(|doc| StoreOp::PutDocument { doc: doc.clone(), text: true });
                Box::new(std::iter::once(StoreOp::ClearDocs).chain(put))
            }
            // Stand-ins are kept in storage as they are (whole-project edits wait for them, see
            // `Project::ready_for`); the documents in memory are written.
            Write::Compact { changes, .. } if changes.everything => Box::new(
                project
                    .documents()
                    .iter()
                    .filter(|doc| doc.is_loaded())
                    .map(|doc| StoreOp::PutDocument { doc: doc.clone(), text: true }),
            ),
            Write::Compact { changes, .. } => {
                Box::new(changes.docs.iter().filter_map(move |id| match project.shared_document(id) {
                    // A stand-in's stored record is the one it stands for.
                    Some(doc) if !doc.is_loaded() => None,
                    Some(doc) => {
                        Some(StoreOp::PutDocument { doc: doc.clone(), text: changes.texts.contains(id) })
                    }
                    None => Some(StoreOp::DeleteDoc(id.clone())),
                }))
            }
        };
        Preparing { session, write, leading, stage: Stage::Documents }
    }

    /// The next part: up to `max_docs` document operations, then the meta record, then the
    /// history and the journal's new start, each a part of its own. `None` once all are made.
    pub fn next_part(&mut self, max_docs: usize) -> Option<Vec<StoreOp>> {
        let Write::Compact { journal_from, .. } = self.write else {
            // An append is a few entries: one part.
            return (self.stage == Stage::Documents).then(|| {
                self.stage = Stage::Done;
                self.leading.by_ref().collect()
            });
        };
        match self.stage {
            Stage::Documents => {
                let part: Vec<StoreOp> = self.leading.by_ref().take(max_docs.max(1)).collect();
                if part.is_empty() {
                    self.stage = Stage::Meta;
                    return self.next_part(max_docs);
                }
                Some(part)
            }
            Stage::Meta => {
                self.stage = Stage::History;
                let project = self.session.project();
                Some(vec![StoreOp::PutMeta { key: keys::PROJECT, value: stored::meta_record(project) }])
            }
            Stage::History => {
                self.stage = Stage::Done;
                Some(vec![
                    StoreOp::PutMeta {
                        key: keys::HISTORY,
                        value: export_history(self.session, STORED_UNDO_STEPS),
                    },
                    StoreOp::PutMeta { key: keys::JOURNAL_FROM, value: journal_from.to_string() },
                    StoreOp::DeleteEntriesBefore(*journal_from),
                ])
            }
            Stage::Done => None,
        }
    }
}
