//! The one reducer: Yew's `use_reducer` over the editor state from the core.
//!
//! The state lives in one `RefCell` that the reducer edits in place, and each action makes a new
//! `Store` with a higher version. Cloning the whole editor state per action (the textbook
//! reducer) would copy every document's text on every keystroke, which a 1M-character document
//! cannot afford. Old `Store` values are never read after a dispatch, so sharing is safe.

use crate::core::editor::{EditorAction, EditorState, Notice};
use crate::core::history_json::resume_session;
use crate::core::project_json::import_project;
use crate::core::Project;
use std::cell::{Ref, RefCell};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, Debug)]
pub struct Store {
    editor: Rc<RefCell<EditorState>>,
    version: u64,
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
        Rc::new(Store { editor: self.editor.clone(), version: self.version + 1 })
    }
}

pub type StoreHandle = UseReducerHandle<Store>;

impl Store {
    fn of(state: EditorState) -> Self {
        Store { editor: Rc::new(RefCell::new(state)), version: 0 }
    }

    /// The editor state, for reading during a render or an effect.
    pub fn state(&self) -> Ref<'_, EditorState> {
        self.editor.borrow()
    }

    /// The state at start-up: the stored project if there is one, else the bundled article.
    pub fn load() -> Self {
        match super::browser::load_stored() {
            super::browser::Stored::Nothing => Store::of(EditorState::new(Project::bundled(), None)),
            super::browser::Stored::Project { json, history, open_doc } => match import_project(&json) {
                Ok(project) => {
                    Store::of(EditorState::resume(resume_session(project, history.as_deref()), open_doc))
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
            },
        }
    }
}
