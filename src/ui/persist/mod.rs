//! Where the work is kept, and the one path by which it gets there.
//!
//! The project lives in IndexedDB (`idb`, the only file that knows the backend) as records plus a
//! journal (see `core::saving`). This module is the seam: it loads at start-up (moving a project
//! an earlier version kept in localStorage), appends each edit, compacts the journal after the
//! frame is painted, and shows Saved only for what a transaction has committed. One tab writes:
//! the holder of the project lock (`writer_lock`); the others are read-only and reload when the
//! writer says it saved.

mod issuing;
mod model;
mod startup;

use super::browser;
use super::idb::{Idb, StorageError, StorageTask};
use super::legacy_storage;
use super::store::Dispatch;
use super::writer_lock::{self, Channel, LockGuard};
use crate::core::editor::Said;
use crate::core::editor::{EditorAction, Notice};
use crate::core::saving::{clear_ops, Saver, Write};
use crate::core::{Project, Session};
use crate::ui::words::chrome as w;
use crate::ui::words::current_lang;
use crate::ui::words::storage::{not_saved, taken_over_before_stored};
use crate::ui::words::storage_errors::{lock_error, storage_error};
use startup::lost_lock;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

/// What this tab may do with storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// Opening storage and reading the project.
    Starting,
    /// This tab holds the project lock; `token` fences its writes (see `idb`).
    Writer { token: String },
    /// Another tab writes; this one shows the project read-only.
    Reader,
    /// Nothing can be stored (no IndexedDB, or storage refused to be read): why.
    Off(String),
    /// This tab holds the lock, but the stored project does not read: it is kept as it is and
    /// nothing is saved until the user deletes it (the storage panel); `token` allows that.
    Blocked { token: String, reason: String },
}

/// A write handed to storage and not yet reported back, in the order the writes were made.
struct InFlight {
    ticket: u64,
    write: Write,
    result: Option<Result<(), StorageError>>,
}

#[derive(Default)]
struct Inner {
    idb: Option<Rc<Idb>>,
    role: Option<Role>,
    saver: Option<Saver>,
    in_flight: VecDeque<InFlight>,
    next_ticket: u64,
    compaction_scheduled: bool,
    /// Writes waiting behind a compaction being prepared (see `issuing`).
    queued: VecDeque<issuing::Queued>,
    preparing: bool,
    channel: Option<Channel>,
    /// The project lock while this tab holds it (released when the app goes away).
    lock: Option<LockGuard>,
    /// The project came from localStorage: say so once it is committed, then drop the old keys.
    migrating: bool,
    /// `navigator.storage.persist()` is asked once, after the first edit saved.
    persist_asked: bool,
    persisted: Option<bool>,
    reloading: bool,
    /// Counts the sessions shown: a background read of documents belongs to one of them and
    /// stops when another is shown.
    fill_generation: u64,
    reload_again: bool,
}

/// Shared by the app and its tasks (`Rc<Persist>`).
#[derive(Default)]
pub struct Persist {
    inner: RefCell<Inner>,
}

impl PartialEq for Persist {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

fn token() -> String {
    format!("{:x}-{:x}", js_sys::Date::now() as u64, (js_sys::Math::random() * 1e15) as u64)
}

impl Persist {
    pub fn role(&self) -> Role {
        self.inner.borrow().role.clone().unwrap_or(Role::Starting)
    }

    /// Whether the browser granted persistent storage (`None` until asked).
    pub fn persisted(&self) -> Option<bool> {
        self.inner.borrow().persisted
    }

    fn set_role(&self, role: Role) {
        self.inner.borrow_mut().role = Some(role);
    }

    fn idb(&self) -> Option<Rc<Idb>> {
        self.inner.borrow().idb.clone()
    }

    fn become_writer(&self, token: String, saver: Saver) {
        let mut inner = self.inner.borrow_mut();
        inner.role = Some(Role::Writer { token });
        inner.saver = Some(saver);
    }

    /// "Edit here": takes the lock from the tab holding it, reads the project as it stored it,
    /// and goes on editing in this tab.
    pub fn take_over(self: &Rc<Self>, editor: Dispatch) {
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match writer_lock::acquire(true, lost_lock(Rc::downgrade(&this), editor.clone())).await {
                Ok(Some(lock)) => {
                    this.inner.borrow_mut().lock = Some(lock);
                    this.open_as(true, editor).await;
                }
                Ok(None) => editor.dispatch(EditorAction::Failed(w::LOCK_REFUSED.get(current_lang()).into())),
                Err(error) => editor.dispatch(EditorAction::Failed(lock_error(current_lang(), &error))),
            }
        });
    }

    /// Called by the autosave effect after every change of revision: journals what the session
    /// did since, and compacts after the paint when the journal has grown.
    pub fn flush(self: &Rc<Self>, editor: &Dispatch) {
        let (ops, changes) = editor.take_outbox();
        if ops.is_empty() {
            return;
        }
        let role = self.role();
        match role {
            Role::Writer { .. } => {}
            Role::Off(reason) | Role::Blocked { reason, .. } => {
                editor.dispatch(EditorAction::SaveFailed(not_saved(current_lang(), &reason)));
                return;
            }
            // A read-only session refuses edits; nothing to write.
            Role::Reader | Role::Starting => return,
        }
        let revision = editor.latest().session.revision();
        let (append, due) = {
            let mut inner = self.inner.borrow_mut();
            let Some(saver) = inner.saver.as_mut() else { return };
            let append = saver.after_edit(&ops, changes, revision);
            (append, saver.compaction_due())
        };
        if let Some(write) = append {
            self.issue(editor, write);
        }
        if due {
            self.schedule_compaction(editor);
        }
    }

    /// A compaction right after the next paint (writing every touched record of a large
    /// project takes longer than a frame).
    fn schedule_compaction(self: &Rc<Self>, editor: &Dispatch) {
        if std::mem::replace(&mut self.inner.borrow_mut().compaction_scheduled, true) {
            return;
        }
        let (this, editor) = (self.clone(), editor.clone());
        super::hooks::after_paint(move || {
            this.inner.borrow_mut().compaction_scheduled = false;
            // Journal any edit made since, first: the records written now include it.
            this.flush(&editor);
            let revision = editor.latest().session.revision();
            let write = {
                let mut inner = this.inner.borrow_mut();
                if !matches!(inner.role, Some(Role::Writer { .. })) {
                    return;
                }
                let Some(saver) = inner.saver.as_mut() else { return };
                saver.compaction(revision)
            };
            this.issue(&editor, write);
        });
    }

    /// Storage reported on write `ticket`: settles every write up to the first still pending,
    /// in the order they were made.
    fn finished(self: &Rc<Self>, editor: &Dispatch, ticket: u64, result: Result<(), StorageError>) {
        let mut settled = Vec::new();
        {
            let mut inner = self.inner.borrow_mut();
            if let Some(item) = inner.in_flight.iter_mut().find(|i| i.ticket == ticket) {
                item.result = Some(result);
            }
            while inner.in_flight.front().is_some_and(|i| i.result.is_some()) {
                let item = inner.in_flight.pop_front().expect("checked above");
                let result = item.result.expect("checked above");
                let saved = inner.saver.as_mut().and_then(|s| s.finished(item.write, result.is_ok()));
                settled.push((result, saved));
            }
        }
        for (result, saved) in settled {
            match (result, saved) {
                (Ok(()), Some(revision)) => self.saved(editor, revision),
                (Ok(()), None) => {}
                (Err(StorageError::NotWriter), _) => {
                    editor.dispatch(EditorAction::SaveFailed(taken_over_before_stored(current_lang())));
                }
                (Err(error), _) => {
                    editor.dispatch(EditorAction::SaveFailed(not_saved(
                        current_lang(),
                        &storage_error(current_lang(), &error),
                    )));
                }
            }
        }
    }

    fn saved(self: &Rc<Self>, editor: &Dispatch, revision: u64) {
        editor.dispatch(EditorAction::Saved(revision));
        let (migrated, ask) = {
            let mut inner = self.inner.borrow_mut();
            if let Some(channel) = &inner.channel {
                channel.announce_saved();
            }
            let migrated = std::mem::take(&mut inner.migrating);
            // Asked after a first edit of the user's (the first write stores what was loaded).
            let ask = revision > 0 && !std::mem::replace(&mut inner.persist_asked, true);
            (migrated, ask)
        };
        if migrated {
            legacy_storage::remove();
            editor.dispatch(EditorAction::Inform(w::MIGRATED.get(current_lang()).into()));
        }
        if ask {
            let this = self.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let granted = browser::ask_persistent_storage().await;
                this.inner.borrow_mut().persisted = Some(granted);
            });
        }
    }

    /// Deletes the project stored in this browser and starts again from the bundled article.
    pub fn free(self: &Rc<Self>, editor: Dispatch) {
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let Some(idb) = this.idb() else { return };
            let (Role::Writer { token } | Role::Blocked { token, .. }) = this.role() else {
                editor.dispatch(EditorAction::Failed(w::ONLY_WRITER_DELETES.get(current_lang()).into()));
                return;
            };
            match idb.commit(&token, &clear_ops(), StorageTask::DeletingProject).await {
                Ok(()) => {
                    this.become_writer(token, Saver::first_write());
                    this.show(
                        &editor,
                        Session::new(Project::bundled()),
                        Some(Notice::info(Said::Text(w::PROJECT_DELETED.get(current_lang()).into()))),
                    );
                    this.schedule_compaction(&editor);
                }
                Err(error) => editor.dispatch(EditorAction::Failed(storage_error(current_lang(), &error))),
            }
        });
    }
}

fn restore(editor: &Dispatch, session: Session, notice: Option<Notice>) {
    editor.dispatch(EditorAction::Restore {
        session: Box::new(session),
        open_doc: browser::stored_open_doc(),
        notice,
    });
}
