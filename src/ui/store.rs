//! The one reducer: Yew's `use_reducer` over the editor state from the core.

use crate::core::editor::{EditorAction, EditorState, Notice};
use crate::core::history_json::resume_session;
use crate::core::project_json::import_project;
use crate::core::Project;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, Debug)]
pub struct Store(pub EditorState);

/// Stores compare by identity: a new `Rc` means a change, so Yew re-renders only then.
impl PartialEq for Store {
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

impl Reducible for Store {
    type Action = EditorAction;

    fn reduce(self: Rc<Self>, action: EditorAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.apply(action);
        Rc::new(next)
    }
}

pub type StoreHandle = UseReducerHandle<Store>;

impl Store {
    /// The state at start-up: the stored project if there is one, else the bundled article.
    pub fn load() -> Self {
        match super::browser::load_stored() {
            super::browser::Stored::Nothing => Store(EditorState::new(Project::bundled(), None)),
            super::browser::Stored::Project { json, history, open_doc } => match import_project(&json) {
                Ok(project) => {
                    Store(EditorState::resume(resume_session(project, history.as_deref()), open_doc))
                }
                Err(error) => {
                    super::browser::set_aside_unreadable(&json);
                    let mut state = EditorState::new(Project::bundled(), None);
                    state.notice = Some(Notice::error(format!(
                        "the project saved in this browser could not be read ({error}); it was kept aside \
                         under the storage key biaozhu.project.unreadable and the bundled article is shown"
                    )));
                    Store(state)
                }
            },
        }
    }
}
