//! The one reducer: Yew's `use_reducer` over the editor state from the core.
//!
//! The state lives in one `RefCell` that the reducer edits in place, and each action makes a new
//! `Store` with a higher version. Cloning the whole editor state per action (the textbook
//! reducer) would copy every document's text on every keystroke, which a 1M-character document
//! cannot afford. Old `Store` values are never read after a dispatch, so sharing is safe.

use crate::core::changes::Changes;
use crate::core::editor::{EditorAction, EditorState};
use crate::core::schema::default_schema;
use crate::core::session::Op;
use crate::core::Project;
use std::cell::{Ref, RefCell};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, Debug)]
pub struct Store {
    editor: Rc<RefCell<EditorState>>,
    version: u64,
    /// False until storage has answered and the project it holds is shown.
    pub ready: bool,
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
        let ready = self.ready || matches!(action, EditorAction::Restore { .. });
        self.editor.borrow_mut().apply(action);
        Rc::new(Store { editor: self.editor.clone(), version: self.version + 1, ready })
    }
}

pub type StoreHandle = UseReducerHandle<Store>;

impl Store {
    fn of(state: EditorState) -> Self {
        let editor = Rc::new(RefCell::new(state));
        super::crash::watch(&editor);
        Store { editor, version: 0, ready: false }
    }

    /// The session's operations since the last call, for the autosave journal.
    pub fn take_log(&self) -> Vec<Op> {
        self.editor.borrow_mut().session.take_log()
    }

    /// The editor state, for reading during a render or an effect.
    pub fn state(&self) -> Ref<'_, EditorState> {
        self.editor.borrow()
    }

    /// The state before storage has answered: an empty project, not shown (see `ready`).
    pub fn starting() -> Self {
        Store::of(EditorState::new(Project::new(default_schema()), None))
    }

    /// The records made stale since the last call, for the autosave.
    pub fn take_changes(&self) -> Changes {
        self.editor.borrow_mut().session.take_changes()
    }
}
