//! If anything still panics, the wasm app stops for good (a panic aborts, and the instance is
//! dead afterwards). The panic hook then shows that plainly, says that saved work is kept, and
//! offers what was in memory as a project file: the JSON is written and its download link made
//! inside the hook, so the link works without calling into the stopped app. Built with DOM
//! calls and `textContent` only, never HTML.

use super::browser;
use super::words::chrome as w;
use super::words::current_lang;
use crate::core::editor::EditorState;
use crate::core::project_json::export_project;
use std::cell::RefCell;
use std::rc::Rc;

/// Gives the newest editor state, while the app still holds it.
type Watched = Box<dyn Fn() -> Option<Rc<EditorState>>>;

thread_local! {
    /// How to reach the editor state, to export after a panic.
    static WATCHED: RefCell<Option<Watched>> = const { RefCell::new(None) };
}

/// Installs the panic hook; call once at start-up.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        // The newest state committed by the reducer (a panic inside it leaves the one before).
        let project = WATCHED.with(|w| {
            let state = w.try_borrow().ok()?.as_ref()?()?;
            // Documents not read from storage yet would be written empty; storage keeps them.
            state.project().is_complete().then(|| export_project(state.project()))
        });
        show(&message, project.as_deref());
    }));
}

/// Remembers how to reach the editor state, for the panic hook.
pub fn watch(latest: impl Fn() -> Option<Rc<EditorState>> + 'static) {
    WATCHED.with(|w| *w.borrow_mut() = Some(Box::new(latest)));
}

/// Shows the stop notice (`data-testid=crash`), with a download of `project_json` if given.
pub fn show(message: &str, project_json: Option<&str>) {
    let lang = current_lang();
    let words = browser::CrashWords {
        stopped: w::CRASH_STOPPED.get(lang),
        kept: w::CRASH_KEPT.get(lang),
        download: w::CRASH_DOWNLOAD.get(lang),
        reload: w::CRASH_RELOAD.get(lang),
    };
    let _ = browser::show_crash_notice(&words, message, project_json);
}
