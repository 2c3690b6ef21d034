//! Opening the project: storage and the project lock at start-up, the move from localStorage,
//! a read-only tab's reload, and reading the documents a start-up left in storage.
//!
//! A start-up reads the project record (with its index of every document), the journal and the
//! documents they need (the one the user had open, and those the journal edits); the list is
//! whole at once and the open document is ready to annotate. The other documents stay
//! stand-ins and are read in pieces after the first paint, or at once when one is opened.

use super::{restore, token, Persist, Role};
use crate::core::editor::Said;
use crate::core::editor::{EditorAction, Notice};
use crate::core::loading::{from_local_storage, Loaded};
use crate::core::saving::Saver;
use crate::core::stored::{fill_documents, MissingPart, StoredError};
use crate::core::{DocId, Project, Session};
use crate::ui::browser;
use crate::ui::idb::{Idb, Start};
use crate::ui::legacy_storage;
use crate::ui::store::Dispatch;
use crate::ui::words::current_lang;
use crate::ui::words::storage::{
    background_read_stopped, documents_unreadable, legacy_unreadable, not_saved, showing_bundled_instead,
    stored_unreadable,
};
use crate::ui::words::storage_errors::{legacy_project_error, restore_problem, storage_error, stored_error};
use crate::ui::writer_lock::{self, Channel};
use std::rc::{Rc, Weak};

/// Documents read per background transaction: big enough that a corpus of 50,000 reads in a
/// couple of seconds, small enough that putting one piece in place stays well under a frame.
const FILL_BATCH: u32 = 2_000;

impl Persist {
    /// Opens storage, takes the project lock if it is free, and shows the stored project (or
    /// moves an old localStorage one in, or starts with the bundled article).
    pub fn start(self: &Rc<Self>, editor: Dispatch) {
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let idb = match Idb::open().await {
                Ok(idb) => Rc::new(idb),
                Err(error) => return this.work_in_memory(&editor, storage_error(current_lang(), &error)),
            };
            this.inner.borrow_mut().idb = Some(idb);
            let weak = Rc::downgrade(&this);
            let on_saved = {
                let (weak, editor) = (weak.clone(), editor.clone());
                move || {
                    if let Some(this) = weak.upgrade() {
                        this.reload_if_reader(&editor);
                    }
                }
            };
            this.inner.borrow_mut().channel = Channel::open(on_saved);
            // Without Web Locks (an old browser) this tab writes, fenced by its token.
            let held = match writer_lock::acquire(false, lost_lock(weak, editor.clone())).await {
                Ok(lock) => {
                    let held = lock.is_some();
                    this.inner.borrow_mut().lock = lock;
                    held
                }
                Err(_) => true,
            };
            this.open_as(held, editor).await;
        });
    }

    /// Nothing can be stored: the tab shows the bundled article and says why.
    fn work_in_memory(self: &Rc<Self>, editor: &Dispatch, reason: String) {
        let notice = Notice::error(Said::Text(not_saved(current_lang(), &reason)));
        self.set_role(Role::Off(reason));
        self.show(editor, Session::new(Project::bundled()), Some(notice));
    }

    /// Reads storage as the writer (`writer`) or as a reader, and shows what it holds.
    pub(super) async fn open_as(self: &Rc<Self>, writer: bool, editor: Dispatch) {
        let Some(idb) = self.idb() else { return };
        let token = token();
        let preferred = browser::stored_open_doc();
        let start = match idb.read_start(writer.then_some(token.as_str()), preferred.as_ref()).await {
            Ok(start) => start,
            Err(error) => return self.work_in_memory(&editor, storage_error(current_lang(), &error)),
        };
        editor.dispatch(EditorAction::SetReadOnly(!writer));
        let loaded = match start {
            Start::Read { opening, records, texts } => opening.finish(records, texts),
            Start::Unreadable(error) => Err(error),
            Start::Empty if writer => {
                self.start_new(&editor, token);
                return;
            }
            Start::Empty => {
                self.set_role(Role::Reader);
                self.show(&editor, Session::new(Project::bundled()), None);
                return;
            }
        };
        match loaded {
            Ok(Loaded { session, saver, problem }) => {
                let must_compact = saver.compaction_due();
                let notice = problem.map(|p| Notice::error(Said::Text(restore_problem(current_lang(), &p))));
                self.show(&editor, session, notice);
                if writer {
                    self.become_writer(token, saver);
                    if must_compact {
                        self.schedule_compaction(&editor);
                    }
                } else {
                    self.set_role(Role::Reader);
                }
            }
            Err(error) => self.never_overwrite(&editor, writer, token, &error),
        }
    }

    /// Storage holds no project: move the one an earlier version kept in localStorage, or start
    /// with the bundled article; either is stored at once.
    fn start_new(self: &Rc<Self>, editor: &Dispatch, token: String) {
        let (session, notice) = match legacy_storage::read() {
            Some(old) => {
                match from_local_storage(&old.json, old.history.as_deref(), old.journal.as_deref()) {
                    Ok((session, problem)) => {
                        self.inner.borrow_mut().migrating = true;
                        (
                            session,
                            problem.map(|p| Notice::error(Said::Text(restore_problem(current_lang(), &p)))),
                        )
                    }
                    Err(error) => {
                        legacy_storage::set_aside(&old.json);
                        let lang = current_lang();
                        let notice = Notice::error(Said::Text(legacy_unreadable(
                            lang,
                            &legacy_project_error(lang, &error),
                            legacy_storage::UNREADABLE_KEY,
                        )));
                        (Session::new(Project::bundled()), Some(notice))
                    }
                }
            }
            None => (Session::new(Project::bundled()), None),
        };
        self.show(editor, session, notice);
        self.become_writer(token, Saver::first_write());
        self.schedule_compaction(editor);
    }

    /// The stored project does not read: it is kept as it is, and this tab works in memory.
    fn never_overwrite(self: &Rc<Self>, editor: &Dispatch, writer: bool, token: String, error: &StoredError) {
        let lang = current_lang();
        let message = stored_unreadable(lang, &stored_error(lang, error));
        self.set_role(if writer {
            Role::Blocked { token, reason: message.clone() }
        } else {
            Role::Off(message.clone())
        });
        let notice = Notice::error(Said::Text(showing_bundled_instead(lang, &message)));
        self.show(editor, Session::new(Project::bundled()), Some(notice));
    }

    /// Shows `session`, and reads its stand-ins in the background. A read still going on for
    /// the session shown before stops.
    pub(super) fn show(self: &Rc<Self>, editor: &Dispatch, session: Session, notice: Option<Notice>) {
        let complete = session.project().is_complete();
        let generation = {
            let mut inner = self.inner.borrow_mut();
            inner.fill_generation += 1;
            inner.fill_generation
        };
        restore(editor, session, notice);
        if !complete {
            self.fill_after_paint(editor, generation);
        }
    }

    /// Starts the background read once the project is painted.
    fn fill_after_paint(self: &Rc<Self>, editor: &Dispatch, generation: u64) {
        let (this, editor) = (self.clone(), editor.clone());
        crate::ui::hooks::after_paint(move || {
            wasm_bindgen_futures::spawn_local(async move { this.fill(editor, generation).await });
        });
    }

    fn current(&self, generation: u64) -> bool {
        self.inner.borrow().fill_generation == generation
    }

    /// Reads every stand-in's document, a piece per transaction, and puts them in place.
    async fn fill(self: Rc<Self>, editor: Dispatch, generation: u64) {
        let Some(idb) = self.idb() else { return };
        let mut after: Option<String> = None;
        let mut problems: Vec<StoredError> = Vec::new();
        loop {
            let batch = match idb.read_documents(after.as_deref(), FILL_BATCH).await {
                Ok(batch) => batch,
                Err(error) => {
                    if self.current(generation) {
                        let lang = current_lang();
                        let why = storage_error(lang, &error);
                        editor.dispatch(EditorAction::Failed(background_read_stopped(lang, &why)));
                    }
                    return;
                }
            };
            if !self.current(generation) {
                return;
            }
            let Some(last) = batch.last().map(|(id, _, _)| id.clone()) else { break };
            let (docs, errors) = fill_documents(editor.latest().project(), batch);
            problems.extend(errors);
            if !docs.is_empty() {
                editor.dispatch(EditorAction::FillDocuments(docs));
            }
            after = Some(last);
        }
        let left = editor.latest().project().stand_ins();
        if left > 0 {
            let first = problems.first().map(|e| stored_error(current_lang(), e));
            editor.dispatch(EditorAction::Failed(documents_unreadable(
                current_lang(),
                left,
                first.as_deref(),
                problems.len() > 1,
            )));
        }
    }

    /// Reads document `id` now (it was opened before the background read reached it).
    pub fn read_now(self: &Rc<Self>, editor: &Dispatch, id: DocId) {
        let Some(idb) = self.idb() else { return };
        let generation = self.inner.borrow().fill_generation;
        let (this, editor) = (self.clone(), editor.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let read = idb.read_document(&id).await;
            if !this.current(generation) {
                return;
            }
            match read {
                Ok(Some(triple)) => {
                    let (docs, errors) = fill_documents(editor.latest().project(), vec![triple]);
                    if let Some(error) = errors.first() {
                        editor.dispatch(EditorAction::Failed(stored_error(current_lang(), error)));
                    } else if !docs.is_empty() {
                        editor.dispatch(EditorAction::FillDocuments(docs));
                    }
                }
                Ok(None) => editor.dispatch(EditorAction::Failed(stored_error(
                    current_lang(),
                    &StoredError::Missing { doc: id, what: MissingPart::RecordOrText },
                ))),
                Err(error) => editor.dispatch(EditorAction::Failed(storage_error(current_lang(), &error))),
            }
        });
    }

    /// A read-only tab shows what the writer stored (several announcements become one reload).
    pub(super) fn reload_if_reader(self: &Rc<Self>, editor: &Dispatch) {
        {
            let mut inner = self.inner.borrow_mut();
            if inner.role != Some(Role::Reader) {
                return;
            }
            if inner.reloading {
                inner.reload_again = true;
                return;
            }
            inner.reloading = true;
        }
        let (this, editor) = (self.clone(), editor.clone());
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                let Some(idb) = this.idb() else { break };
                let open_doc = editor.latest().open_doc.clone();
                if let Ok(start) = idb.read_start(None, open_doc.as_ref()).await {
                    let session = match start {
                        Start::Read { opening, records, texts } => {
                            opening.finish(records, texts).map(|loaded| loaded.session).ok()
                        }
                        Start::Empty | Start::Unreadable(_) => None,
                    };
                    // The role may have changed while reading (Edit here).
                    if this.role() == Role::Reader {
                        this.show(&editor, session.unwrap_or_else(|| Session::new(Project::bundled())), None);
                    }
                }
                let mut inner = this.inner.borrow_mut();
                if !std::mem::take(&mut inner.reload_again) {
                    inner.reloading = false;
                    break;
                }
            }
        });
    }
}

/// What a tab does when another takes the project lock: it turns read-only and says so.
pub(super) fn lost_lock(persist: Weak<Persist>, editor: Dispatch) -> impl FnOnce() + 'static {
    move || {
        let Some(this) = persist.upgrade() else { return };
        // Taken: the guard has nothing left to release.
        std::mem::forget(this.inner.borrow_mut().lock.take());
        this.set_role(Role::Reader);
        editor.dispatch(EditorAction::SetReadOnly(true));
        this.reload_if_reader(&editor);
    }
}
