//! What runs outside the reducer: autosave, hotkeys, `?doc=`, and turning picked, dropped or
//! fetched files into editor actions. `app` mounts them; components call the file helpers.

use super::browser;
use super::import_job;
use super::persist::Persist;
use super::store::Dispatch;
use super::words::current_lang;
use super::words::dataset_words::export_not_downloaded;
use super::words::storage::still_reading_for_export;
use crate::core::caret::Motion;
use crate::core::editor::EditorAction;
use crate::core::import::readers::InFile;
use crate::core::intake::{classify, Intake};
use crate::core::project_json::export_project;
use crate::core::DocId;
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Reads picked or dropped files and hands them to the editor: a project import, new
/// documents, or a dataset to review.
pub fn open_files(editor: Dispatch, files: Vec<web_sys::File>) {
    open_files_then(editor, files, None);
}

/// Like [`open_files`], then shows `note` (an edit's success clears the message line, so a
/// note about the files must come after them).
pub fn open_files_then(editor: Dispatch, files: Vec<web_sys::File>, note: Option<String>) {
    wasm_bindgen_futures::spawn_local(async move {
        let read: Vec<InFile> = match browser::read_files(&files).await {
            Ok(read) => read.into_iter().map(|(name, bytes)| InFile { name, bytes }).collect(),
            Err(message) => {
                editor.dispatch(EditorAction::Failed(message));
                return;
            }
        };
        // A frame between reading the files and sorting them (both take a moment for a corpus).
        yield_to_browser().await;
        take_in(editor, read, note);
    });
}

/// Acts on files handed over together: project files and documents at once, datasets read
/// by the import (`import_job`); then `note`, if any.
fn take_in(editor: Dispatch, files: Vec<InFile>, note: Option<String>) {
    let mut datasets = Vec::new();
    for intake in classify(files) {
        match intake {
            Intake::Now(action) => editor.dispatch(action),
            Intake::Dataset(dataset) => datasets.push(dataset),
        }
    }
    match (datasets.is_empty(), note) {
        (true, Some(note)) => editor.dispatch(EditorAction::Inform(note)),
        (true, None) => {}
        (false, note) => import_job::start(editor, datasets, note),
    }
}

/// Runs `then` in a task of its own after the next paint: the frame first shows what was
/// dispatched before (a progress bar, the project), then the work goes on.
pub fn after_paint(then: impl FnOnce() + 'static) {
    let frame = gloo::render::request_animation_frame(move |_| {
        gloo::timers::callback::Timeout::new(0, then).forget();
    });
    // The frame callback keeps itself alive until it has run.
    std::mem::forget(frame);
}

/// Lets the browser paint and handle input before the task goes on.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Exports the project as a JSON download.
pub fn export_json(editor: &Dispatch) {
    let state = editor.latest();
    let left = state.project().stand_ins();
    if left > 0 {
        editor.dispatch(EditorAction::Failed(still_reading_for_export(current_lang(), left)));
        return;
    }
    let json = export_project(state.project());
    if let Err(message) = browser::download("biaozhu-project.json", "application/json", json.as_bytes()) {
        editor.dispatch(EditorAction::Failed(export_not_downloaded(current_lang(), &message)));
    }
}

/// Saves every change at once (keyed on the session's revision; see `persist`) and remembers
/// the open document.
#[hook]
pub fn use_autosave(
    editor: &Dispatch,
    persist: &Rc<Persist>,
    revision: u64,
    open_doc: Option<DocId>,
    ready: bool,
) {
    {
        let (editor, persist) = (editor.clone(), persist.clone());
        use_effect_with(revision, move |_| {
            persist.flush(&editor);
            // An edit made from a selection is done with it.
            browser::clear_selection();
        });
    }
    use_effect_with((open_doc, ready), |(open_doc, ready)| {
        // Before storage answers, the state is a placeholder: keep the stored choice.
        if *ready {
            browser::save_open_doc(open_doc.as_ref());
        }
    });
}

/// A document opened before the background read reached it (`waiting`) is read at once.
#[hook]
pub fn use_read_opened(editor: &Dispatch, persist: &Rc<Persist>, waiting: Option<DocId>) {
    let (editor, persist) = (editor.clone(), persist.clone());
    use_effect_with(waiting, move |waiting| {
        if let Some(id) = waiting {
            persist.read_now(&editor, id.clone());
        }
    });
}

/// Keyboard: label hotkeys, Delete/Backspace, Escape, Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y,
/// Alt+↓ / Alt+↑ / Alt+N between documents, Shift+A (label all), `/` and Ctrl+F (search),
/// arrows, Home and End (the caret, with Shift the selection) while the text has the focus.
#[hook]
pub fn use_hotkeys(editor: &Dispatch, text_view: &NodeRef) {
    let editor = editor.clone();
    let text_view = text_view.clone();
    use_effect_with((), move |_| {
        let options = EventListenerOptions::enable_prevent_default();
        let listener =
            EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |event| {
                let event: &KeyboardEvent = event.unchecked_ref();
                // The adjudication bar reads its own keys while it has the focus.
                if browser::is_typing_target(event) || browser::focus_is_in("[data-testid=adjudication]") {
                    return;
                }
                // Alt with an arrow or N moves through the documents (the code, not the key:
                // Alt+N types a character on some layouts).
                if event.alt_key() {
                    let action = match (event.key().as_str(), event.code().as_str()) {
                        ("ArrowDown", _) => EditorAction::StepDocument { forward: true },
                        ("ArrowUp", _) => EditorAction::StepDocument { forward: false },
                        (_, "KeyN") => EditorAction::NextToDo,
                        _ => return,
                    };
                    event.prevent_default();
                    editor.dispatch(action);
                    return;
                }
                let key = event.key();
                let command = event.ctrl_key() || event.meta_key();
                // Arrows, Home and End move the caret while the text has the focus (Shift
                // extends the selection); elsewhere they scroll as usual.
                if let Some(motion) = Motion::from_key(&key).filter(|_| !command) {
                    if browser::focus_is_in("[data-testid=text-view]") {
                        event.prevent_default();
                        editor.dispatch(EditorAction::MoveCaret { motion, extend: event.shift_key() });
                    }
                    return;
                }
                let action = match key.as_str() {
                    "z" | "Z" if command && event.shift_key() => EditorAction::Redo,
                    "z" | "Z" if command => EditorAction::Undo,
                    "y" | "Y" if command => EditorAction::Redo,
                    // Ctrl+F finds in the text while the text has the focus (the browser's own
                    // cannot reach the paragraphs a long document leaves out of the page).
                    "f" | "F" if command && browser::focus_is_in("[data-testid=text-view]") => {
                        event.prevent_default();
                        browser::focus("[data-testid=search-input]");
                        return;
                    }
                    _ if command => return,
                    // `/` finds in the text, unless a label has it as its key.
                    "/" if editor.latest().project().schema.label_for_hotkey('/').is_none() => {
                        event.prevent_default();
                        browser::focus("[data-testid=search-input]");
                        return;
                    }
                    "Escape" => {
                        browser::clear_selection();
                        EditorAction::Escape
                    }
                    "Delete" | "Backspace" => EditorAction::DeleteSelected,
                    "]" | "[" => {
                        editor.dispatch(EditorAction::StepSpan { forward: key == "]" });
                        event.prevent_default();
                        // After the render, bring the selected span (or the candidate target) into view.
                        gloo::timers::callback::Timeout::new(0, || {
                            browser::reveal(".ann--candidate, .ann--selected")
                        })
                        .forget();
                        return;
                    }
                    "Enter" if event.shift_key() && !browser::is_button_target(event) => {
                        EditorAction::AcceptAllLikeThis
                    }
                    "Enter" if !browser::is_button_target(event) => EditorAction::Confirm,
                    // Shift+A labels every other occurrence of the selected span's text.
                    "a" | "A" if event.shift_key() => EditorAction::LabelAll,
                    // A focuses the selected span's first attribute (Tab moves on from there).
                    "a" | "A" if !event.shift_key() && browser::has_element(".span-details__attr") => {
                        event.prevent_default();
                        browser::focus(".span-details__attr");
                        return;
                    }
                    _ => {
                        let mut chars = key.chars();
                        match (chars.next(), chars.next()) {
                            (Some(ch), None) => {
                                // Take the live selection first: it may have been made by keyboard
                                // or script, without a mouse-up in the view.
                                sync_selection(&editor, &text_view);
                                EditorAction::KeyPressed(ch)
                            }
                            _ => return,
                        }
                    }
                };
                event.prevent_default();
                editor.dispatch(action);
            });
        move || drop(listener)
    });
}

/// Tells the editor about the text currently selected in the view, if any.
pub fn sync_selection(editor: &Dispatch, text_view: &NodeRef) {
    if let Some(root) = text_view.cast::<web_sys::Element>() {
        if let Some(range) = browser::selection_in(&root) {
            editor.dispatch(EditorAction::SelectionChanged(Some(range)));
        }
    }
}

/// `?doc=<relative url>` opens a project JSON or a text file served beside the app, once
/// storage has answered (`ready`).
#[hook]
pub fn use_doc_param(editor: &Dispatch, ready: bool) {
    let editor = editor.clone();
    // Opened once the stored project is shown, so that it is added to that project.
    use_effect_with(ready, move |ready| {
        if !*ready {
            return;
        }
        if let Some(url) = browser::doc_param() {
            wasm_bindgen_futures::spawn_local(async move {
                match browser::fetch_bytes(&url).await {
                    Ok(bytes) => take_in(editor, vec![InFile { name: url, bytes }], None),
                    Err(message) => editor.dispatch(EditorAction::Failed(message)),
                }
            });
        }
    });
}
