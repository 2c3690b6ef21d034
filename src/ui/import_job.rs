//! Reads a dataset (`core::import::job`) in time slices between frames, so that the page stays
//! responsive while a corpus is read, with a progress bar and Cancel. One import runs at a
//! time: a new one cancels the one before.

use super::modal::Modal;
use super::store::{use_dispatch, Dispatch};
use super::words::chrome as w;
use super::words::formatted::{import_cancelled, placing_documents, reading_file};
use super::words::{current_lang, use_lang};
use crate::core::editor::{EditorAction, Importing};
use crate::core::import::job::{Doing, ImportJob, ImportStep};
use crate::core::intake::Dataset;
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use yew::prelude::*;

/// Work done per slice before the browser gets the thread back (a frame or two).
const SLICE_MS: f64 = 40.0;
/// Bytes of text per job step: small enough that a slice ends close to `SLICE_MS`.
const STEP_BYTES: usize = 64 * 1024;

thread_local! {
    /// The cancel flag of the import running, if one is.
    static RUNNING: RefCell<Option<Rc<Cell<bool>>>> = const { RefCell::new(None) };
}

/// Starts reading `datasets` one after the other, after the next paint; the review of each
/// opens when it is read (the last one stays, as when they are dropped one by one), then `note`
/// is shown, if any.
pub fn start(editor: Dispatch, datasets: Vec<Dataset>, note: Option<String>) {
    if datasets.is_empty() {
        return;
    }
    let cancelled = Rc::new(Cell::new(false));
    if let Some(before) = RUNNING.with(|r| r.borrow_mut().replace(cancelled.clone())) {
        before.set(true);
    }
    let jobs = datasets.into_iter().map(|d| (d.source.clone(), ImportJob::new(d))).collect();
    let run = Run { editor, jobs: RefCell::new(jobs), cancelled, note };
    run.report(Doing::Reading, 0, 0);
    let run = Rc::new(run);
    let frame = gloo::render::request_animation_frame(move |_| Run::next(run));
    // The frame callback keeps itself alive until it has run.
    std::mem::forget(frame);
}

/// Stops the import running, if any: nothing changes.
pub fn cancel(editor: &Dispatch) {
    if let Some(running) = RUNNING.with(|r| r.borrow_mut().take()) {
        running.set(true);
        let source = editor.latest().importing.as_ref().map(|i| i.source.clone()).unwrap_or_default();
        editor.dispatch(EditorAction::Importing(None));
        editor.dispatch(EditorAction::Inform(import_cancelled(current_lang(), &source)));
    }
}

struct Run {
    editor: Dispatch,
    /// The jobs still to do, with their files' names; the first is running.
    jobs: RefCell<VecDeque<(String, ImportJob)>>,
    cancelled: Rc<Cell<bool>>,
    note: Option<String>,
}

impl Run {
    /// Schedules the next slice as a new task (after the browser has had the thread).
    fn next(this: Rc<Run>) {
        Timeout::new(0, move || this.slice()).forget();
    }

    fn slice(self: Rc<Self>) {
        if self.cancelled.get() {
            return;
        }
        let started = js_sys::Date::now();
        let state = self.editor.latest();
        let (project, revision) = (state.project(), state.session.revision());
        let step = {
            let mut jobs = self.jobs.borrow_mut();
            let Some((_, job)) = jobs.front_mut() else { return };
            loop {
                match job.step(project, revision, STEP_BYTES) {
                    ImportStep::Working { .. } if js_sys::Date::now() - started < SLICE_MS => {}
                    step => break step,
                }
            }
        };
        drop(state);
        match step {
            ImportStep::Working { doing, done, total } => {
                self.report(doing, done, total);
                Run::next(self);
            }
            ImportStep::Done(actions) => {
                self.jobs.borrow_mut().pop_front();
                let last = self.jobs.borrow().is_empty();
                if last {
                    RUNNING.with(|r| r.borrow_mut().take());
                    self.editor.dispatch(EditorAction::Importing(None));
                }
                for action in actions {
                    self.editor.dispatch(action);
                }
                if !last {
                    Run::next(self);
                } else if let Some(note) = self.note.clone() {
                    self.editor.dispatch(EditorAction::Inform(note));
                }
            }
        }
    }

    /// Shows how far the running job is.
    fn report(&self, doing: Doing, done: usize, total: usize) {
        let source = self.jobs.borrow().front().map(|(source, _)| source.clone()).unwrap_or_default();
        self.editor.dispatch(EditorAction::Importing(Some(Importing { source, doing, done, total })));
    }
}

#[derive(Properties, PartialEq)]
pub struct ImportProgressProps {
    pub importing: Importing,
}

/// The import running: what it reads, how far it is, and Cancel.
#[component]
pub fn ImportProgress(props: &ImportProgressProps) -> Html {
    let lang = use_lang();
    let editor = use_dispatch();
    let Importing { source, doing, done, total } = &props.importing;
    // Reading is the first half of the bar, placing the documents the second.
    let (value, label) = match doing {
        Doing::Reading => (done * 500 / (*total).max(1), reading_file(lang, source)),
        Doing::Placing => {
            (500 + done * 500 / (*total).max(1), placing_documents(lang, *done, *total, source))
        }
    };
    let on_escape = {
        let editor = editor.clone();
        Callback::from(move |()| cancel(&editor))
    };
    let on_cancel = Callback::from(move |_: MouseEvent| cancel(&editor));
    html! {
        <Modal label={w::READING_DATASET.get(lang)} testid="import-progress" on_close={on_escape}>
            <p role="status" data-testid="import-progress-label">{ label }</p>
            <progress data-testid="progress" value={value.min(1000).to_string()} max="1000" aria-label={w::IMPORT_PROGRESS.get(lang)}></progress>
            <div class="dialog__buttons">
                <button data-testid="progress-cancel" onclick={on_cancel}>{ w::CANCEL.get(lang) }</button>
            </div>
        </Modal>
    }
}
