//! If anything still panics, the wasm app stops for good (a panic aborts, and the instance is
//! dead afterwards). The panic hook then shows that plainly, says that saved work is kept, and
//! offers what was in memory as a project file: the JSON is written and its download link made
//! inside the hook, so the link works without calling into the stopped app. Built with DOM
//! calls and `textContent` only, never HTML.

use super::browser;
use crate::core::editor::EditorState;
use crate::core::project_json::export_project;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

thread_local! {
    /// The editor state, to export after a panic (weak: the app owns it).
    static WATCHED: RefCell<Weak<RefCell<EditorState>>> = const { RefCell::new(Weak::new()) };
}

/// Installs the panic hook; call once at start-up.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        // The state may be mid-edit (borrowed by the reducer): then only storage is offered.
        let project = WATCHED.with(|w| {
            let state = w.borrow().upgrade()?;
            let state = state.try_borrow().ok()?;
            // Documents not read from storage yet would be written empty; storage keeps them.
            state.project().is_complete().then(|| export_project(state.project()))
        });
        show(&message, project.as_deref());
    }));
}

/// Remembers the editor state for the panic hook.
pub fn watch(state: &Rc<RefCell<EditorState>>) {
    WATCHED.with(|w| *w.borrow_mut() = Rc::downgrade(state));
}

/// Shows the stop notice (`data-testid=crash`), with a download of `project_json` if given.
pub fn show(message: &str, project_json: Option<&str>) {
    let _ = browser::show_crash_notice(message, project_json);
}
