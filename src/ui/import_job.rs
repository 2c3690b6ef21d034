//! Imports datasets: each one's files are read in the reading worker (`core::import::reading`),
//! off the page's thread and out of the page's bundle, then its documents are placed in the
//! project here in time slices between frames (`core::import::job::PlaceJob`); a progress bar
//! and Cancel throughout. One import runs at a time: a new one cancels the one before.

use super::hooks::after_paint;
use super::modal::Modal;
use super::store::{use_dispatch, Dispatch};
use super::words::chrome as w;
use super::words::dataset_words::{import_cancelled, placing_documents, reading_file};
use super::words::{current_lang, use_lang};
use super::worker_link::{Received, WorkerFault, WorkerLink};
use crate::core::editor::{EditorAction, Importing};
use crate::core::import::job::{Doing, PlaceJob};
use crate::core::import::readers::{Cause, ReadError};
use crate::core::import::reading::{Assembled, Assembly, ReadReply, ReadRequest};
use crate::core::intake::Dataset;
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// The reading worker's loader, written by Trunk beside the app.
const READER_URL: &str = "./biaozhu-reader_loader.js";
/// Placing work done per slice before the browser gets the thread back (a frame or two).
const SLICE_MS: f64 = 40.0;
/// Bytes of text per placing step: small enough that a slice ends close to `SLICE_MS`.
const STEP_BYTES: usize = 64 * 1024;
/// Pieces of documents taken from the worker before the browser gets a frame (each takes a
/// few milliseconds to parse); the next is asked for after the paint.
const TAKING_MS: f64 = 10.0;

thread_local! {
    /// The import running, if one is.
    static RUNNING: RefCell<Option<Rc<Run>>> = const { RefCell::new(None) };
    /// The reading worker, started by the first import.
    static READER: Rc<WorkerLink> = Rc::new(WorkerLink::new(READER_URL, |json| {
        matches!(ReadReply::from_json(json), Ok(ReadReply::Ready))
    }));
}

/// Starts reading `datasets` one after the other; the review of each opens when it is read
/// (the last one stays, as when they are dropped one by one), then `note` is shown, if any.
pub fn start(editor: Dispatch, datasets: Vec<Dataset>, note: Option<String>) {
    if datasets.is_empty() {
        return;
    }
    stop_running();
    let run = Rc::new(Run {
        editor,
        datasets: RefCell::new(datasets.into()),
        reading: RefCell::new(None),
        assembly: RefCell::new(Assembly::default()),
        cancelled: Cell::new(false),
        note,
        taking_since: Cell::new(0.0),
    });
    RUNNING.with(|r| *r.borrow_mut() = Some(run.clone()));
    let listener = Rc::downgrade(&run);
    READER.with(|reader| {
        reader.listen(move |received| {
            if let Some(run) = listener.upgrade() {
                run.receive(received);
            }
        })
    });
    // The progress bar at once; the files go to the worker in a task after the next paint (the
    // task that sorted the files has taken its share of the frame already).
    if let Some(first) = run.datasets.borrow().front() {
        run.report(Doing::Reading, &first.source, 0, 0);
    }
    after_paint(move || {
        if !run.cancelled.get() {
            run.read_next();
        }
    });
}

/// Stops the import running, if any: nothing changes.
pub fn cancel(editor: &Dispatch) {
    if stop_running() {
        let source = editor.latest().importing.as_ref().map(|i| i.source.clone()).unwrap_or_default();
        editor.dispatch(EditorAction::Importing(None));
        editor.dispatch(EditorAction::Inform(import_cancelled(current_lang(), &source)));
    }
}

/// Cancels the run going on, and the worker's reading with it. True when there was one.
fn stop_running() -> bool {
    let Some(run) = RUNNING.with(|r| r.borrow_mut().take()) else { return false };
    run.cancelled.set(true);
    READER.with(|reader| reader.stop());
    true
}

struct Run {
    editor: Dispatch,
    /// The datasets still to read.
    datasets: RefCell<VecDeque<Dataset>>,
    /// The dataset the worker is reading (its files handed over), its name for the messages.
    reading: RefCell<Option<Dataset>>,
    assembly: RefCell<Assembly>,
    cancelled: Cell<bool>,
    note: Option<String>,
    /// When the pieces taken since the last paint began to be taken.
    taking_since: Cell<f64>,
}

impl Run {
    /// Hands the next dataset's files to the worker, or ends the run.
    fn read_next(self: &Rc<Self>) {
        let Some(mut dataset) = self.datasets.borrow_mut().pop_front() else {
            self.finish();
            return;
        };
        let total = dataset.files.iter().map(|f| f.bytes.len()).sum();
        let files = std::mem::take(&mut dataset.files);
        let names = files.iter().map(|f| f.name.clone()).collect();
        let message = js_sys::Array::of1(&JsValue::from_str(&ReadRequest::Read { names }.to_json()));
        let transfer = js_sys::Array::new();
        for file in files {
            // Copied into JavaScript's memory once and handed over (not copied again) to the
            // worker; the page's copy is freed here.
            let bytes = js_sys::Uint8Array::from(file.bytes.as_slice());
            transfer.push(&bytes.buffer());
            message.push(&bytes);
        }
        *self.assembly.borrow_mut() = Assembly::default();
        self.report(Doing::Reading, &dataset.source, 0, total);
        *self.reading.borrow_mut() = Some(dataset);
        READER.with(|reader| reader.send(message, &transfer));
    }

    /// A message from the worker about the dataset it reads.
    fn receive(self: &Rc<Self>, received: Received) {
        if self.cancelled.get() {
            return;
        }
        let reply = match received {
            Ok(parts) => {
                let json = parts.get(0).as_string().unwrap_or_default();
                ReadReply::from_json(&json)
                    .unwrap_or_else(|e| ReadReply::Failed(reader_failed(e.to_string())))
            }
            Err(
                WorkerFault::NotStarted(cause)
                | WorkerFault::Unreachable(cause)
                | WorkerFault::Stopped(cause),
            ) => ReadReply::Failed(reader_failed(cause)),
        };
        let asks_more = matches!(reply, ReadReply::Docs(_));
        let assembled = self.assembly.borrow_mut().take(reply);
        let Some(dataset) = self.reading.borrow_mut().take() else { return };
        match assembled {
            Assembled::Reading(progress) => {
                if let Some((done, total)) = progress {
                    self.report(Doing::Reading, &dataset.source, done, total);
                }
                *self.reading.borrow_mut() = Some(dataset);
                if asks_more {
                    self.ask_for_more();
                }
            }
            Assembled::Finished(Ok(parsed)) => {
                let state = self.editor.latest();
                let job = PlaceJob::new(state.project(), state.session.revision(), parsed, dataset);
                drop(state);
                self.clone().place_later(job);
            }
            Assembled::Finished(Err(error)) => {
                for action in dataset.outcome(Err(error)) {
                    self.editor.dispatch(action);
                }
                self.read_next();
            }
        }
    }

    /// Asks the worker for the next reply: at once while the pieces taken since the last paint
    /// are within [`TAKING_MS`], else after the next paint.
    fn ask_for_more(self: &Rc<Self>) {
        let more = || {
            let message = js_sys::Array::of1(&JsValue::from_str(&ReadRequest::More.to_json()));
            READER.with(|reader| reader.send(message, &js_sys::Array::new()));
        };
        if js_sys::Date::now() - self.taking_since.get() < TAKING_MS {
            return more();
        }
        let run = self.clone();
        after_paint(move || {
            // A cancelled run's worker is ended; asking would start a new one.
            if !run.cancelled.get() {
                run.taking_since.set(js_sys::Date::now());
                more();
            }
        });
    }

    /// Places the read documents in the next slice (a new task, after the browser has had the
    /// thread).
    fn place_later(self: Rc<Self>, job: PlaceJob) {
        Timeout::new(0, move || self.place(job)).forget();
    }

    fn place(self: Rc<Self>, mut job: PlaceJob) {
        if self.cancelled.get() {
            return;
        }
        let started = js_sys::Date::now();
        loop {
            if job.step(STEP_BYTES) {
                self.editor.dispatch(job.review());
                self.read_next();
                return;
            }
            if js_sys::Date::now() - started >= SLICE_MS {
                break;
            }
        }
        let (done, total) = job.placed();
        self.report(Doing::Placing, job.source(), done, total);
        self.place_later(job);
    }

    /// Every dataset is done: the worker is ended (its memory kept the peak of the largest
    /// file it read) and the note, if any, is shown.
    fn finish(&self) {
        RUNNING.with(|r| r.borrow_mut().take());
        READER.with(|reader| reader.stop());
        self.editor.dispatch(EditorAction::Importing(None));
        if let Some(note) = self.note.clone() {
            self.editor.dispatch(EditorAction::Inform(note));
        }
    }

    /// Shows how far the running dataset is.
    fn report(&self, doing: Doing, source: &str, done: usize, total: usize) {
        let source = source.to_string();
        self.editor.dispatch(EditorAction::Importing(Some(Importing { source, doing, done, total })));
    }
}

/// The reading worker did not answer (its wasm did not load, or it stopped).
fn reader_failed(cause: String) -> ReadError {
    ReadError::ReaderFailed { cause: Cause(cause) }
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
    // Reading is the first half of the bar, placing the documents the second. In u64: `usize` is
    // 32 bits in wasm, and `done * 500` wrapped past 8.6 MB read, moving the bar backwards.
    let share = (*done as u64 * 500 / (*total).max(1) as u64) as usize;
    let (value, label) = match doing {
        Doing::Reading => (share, reading_file(lang, source)),
        Doing::Placing => (500 + share, placing_documents(lang, *done, *total, source)),
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
