//! The one reducer: Yew's `use_reducer` over the editor state from the core.
//!
//! The state lives in one `RefCell` that the reducer edits in place, and each action makes a new
//! `Store` with a higher version. Cloning the whole editor state per action (the textbook
//! reducer) would copy every document's text on every keystroke, which a 1M-character document
//! cannot afford. Old `Store` values are never read after a dispatch, so sharing is safe.

use crate::core::editor::{EditorAction, EditorState, Notice};
use crate::core::history_json::resume_session;
use crate::core::journal::replay;
use crate::core::project_json::import_project;
use crate::core::session::Op;
use crate::core::Project;
use std::cell::{Ref, RefCell};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, Debug)]
pub struct Store {
    editor: Rc<RefCell<EditorState>>,
    version: u64,
    /// True when browser storage holds a snapshot of exactly this state (and no journal), so
    /// the autosave can start appending to an empty journal.
    pub snapshot_current: bool,
}

/// Stores compare by version: a new version means a change, so Yew re-renders only then.
impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version && Rc::ptr_eq(&self.editor, &other.editor)
    }
}

impl Reducible for Store {
    type Action = EditorAction;

    fn reduce(self: Rc<Self>, action: EditorAction) -> Rc<Self> {
        self.editor.borrow_mut().apply(action);
        Rc::new(Store { editor: self.editor.clone(), version: self.version + 1, snapshot_current: false })
    }
}

pub type StoreHandle = UseReducerHandle<Store>;

impl Store {
    fn of(state: EditorState) -> Self {
        let editor = Rc::new(RefCell::new(state));
        super::crash::watch(&editor);
        Store { editor, version: 0, snapshot_current: false }
    }

    /// The session's operations since the last call, for the autosave journal.
    pub fn take_log(&self) -> Vec<Op> {
        self.editor.borrow_mut().session.take_log()
    }

    /// The editor state, for reading during a render or an effect.
    pub fn state(&self) -> Ref<'_, EditorState> {
        self.editor.borrow()
    }

    /// The state at start-up: the stored project if there is one, else the bundled article.
    pub fn load() -> Self {
        match super::browser::load_stored() {
            super::browser::Stored::Nothing => Store::of(EditorState::new(Project::bundled(), None)),
            super::browser::Stored::Project { json, history, journal, open_doc } => {
                match import_project(&json) {
                    Ok(project) => {
                        let (mut session, lost) = resume_session(project, history.as_deref());
                        let mut notice = lost.map(|error| {
                            Notice::error(format!("{error}; the project is restored without its undo steps"))
                        });
                        if let Some(journal) = journal.as_deref() {
                            if let Err(error) = replay(&mut session, journal) {
                                notice = Some(Notice::error(format!(
                                    "the last edits saved in this browser could not all be restored: {error}"
                                )));
                            }
                        }
                        let mut state = EditorState::resume(session, open_doc);
                        state.notice = notice;
                        // Fold a replayed journal into a fresh snapshot at the first save.
                        if journal.is_some() {
                            state.saved_revision = None;
                        }
                        Store { snapshot_current: journal.is_none(), ..Store::of(state) }
                    }
                    Err(error) => {
                        super::browser::set_aside_unreadable(&json);
                        let mut state = EditorState::new(Project::bundled(), None);
                        state.notice = Some(Notice::error(format!(
                        "the project saved in this browser could not be read ({error}); it was kept aside \
                         under the storage key biaozhu.project.unreadable and the bundled article is shown"
                    )));
                        Store::of(state)
                    }
                }
            }
        }
    }
}
