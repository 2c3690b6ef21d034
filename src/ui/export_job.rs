//! Runs dataset exports in the export worker (`core::export::exporting`): the page sends the
//! project's documents a piece at a time between frames, the worker builds and self-checks each
//! export off the page's thread, and its download comes back as bytes that stay in JavaScript's
//! memory until the user downloads them. The worker keeps the documents while the dialog is
//! open, so another format or other options of the same project send only the build request.
//! Cancel ends the worker; so does closing the dialog.

use super::worker_link::{Received, WorkerFault, WorkerLink};
use crate::core::export::exporting::{build_request, ExportReply, Sending, Summary};
use crate::core::export::{ExportError, ExportOptions, Phase};
use crate::core::Project;
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// The export worker's loader, written by Trunk beside the app.
const EXPORTER_URL: &str = "./biaozhu-exporter_loader.js";
/// Sending done per slice before the browser gets the thread back.
const SLICE_MS: f64 = 30.0;
/// Bytes of JSON per message of documents.
const PIECE_BYTES: usize = 256 * 1024;

/// A built export: what the dialog shows, and the download's bytes (in JavaScript's memory).
pub struct Ready {
    pub summary: Summary,
    pub bytes: js_sys::Uint8Array,
}

pub type Built = Result<Ready, ExportError>;

/// How far a running export is, for the progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub doing: Phase,
}

/// The export dialog's worker and what it holds; dropping it ends the worker.
pub struct Exporter {
    worker: Rc<WorkerLink>,
    /// The project whose documents the worker holds or is being sent, and how far that is.
    sent: RefCell<Option<(Rc<Project>, Sending)>>,
}

impl Default for Exporter {
    fn default() -> Self {
        let worker = WorkerLink::new(EXPORTER_URL, |json| {
            matches!(ExportReply::from_json(json), Ok(ExportReply::Ready))
        });
        Exporter { worker: Rc::new(worker), sent: RefCell::new(None) }
    }
}

impl Exporter {
    /// Ends the worker and forgets what it held (the next export sends its documents again).
    fn reset(&self) {
        self.sent.borrow_mut().take();
        self.worker.stop();
    }

    /// Starts exporting `project` with `options` (only `annotator`'s work, if named) once the
    /// current frame is painted. Edits made meanwhile do not reach this export: it holds the
    /// project as it was (an edit makes a new one). `on_progress` is called as the worker goes,
    /// `on_done` once with the export or why there is none.
    pub fn start(
        self: &Rc<Self>,
        project: Rc<Project>,
        options: ExportOptions,
        annotator: Option<String>,
        on_progress: impl Fn(Progress) + 'static,
        on_done: impl FnOnce(Built) + 'static,
    ) -> Running {
        let run = Rc::new(Run {
            exporter: self.clone(),
            project,
            build: build_request(&options, annotator.as_deref()),
            options,
            finished: Cell::new(false),
            on_progress: Box::new(on_progress),
            on_done: RefCell::new(Some(Box::new(on_done))),
        });
        let listener = Rc::downgrade(&run);
        self.worker.listen(move |received| {
            if let Some(run) = listener.upgrade() {
                run.receive(received);
            }
        });
        let first = run.clone();
        super::hooks::after_paint(move || first.begin());
        Running { run }
    }
}

/// A running export; dropping it (or [`Running::cancel`]) before it is built ends the worker.
pub struct Running {
    run: Rc<Run>,
}

impl Running {
    pub fn cancel(&self) {
        if !self.run.finished.replace(true) {
            self.run.exporter.reset();
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.cancel();
    }
}

type OnDone = Box<dyn FnOnce(Built)>;

struct Run {
    exporter: Rc<Exporter>,
    project: Rc<Project>,
    options: ExportOptions,
    /// The build request, made once.
    build: Vec<u8>,
    /// Built, refused or cancelled: nothing more is done or reported.
    finished: Cell<bool>,
    on_progress: Box<dyn Fn(Progress)>,
    on_done: RefCell<Option<OnDone>>,
}

impl Run {
    fn begin(self: Rc<Self>) {
        if self.finished.get() {
            return;
        }
        let wanted = match Sending::wanted(&self.project, &self.options) {
            Ok(wanted) => wanted,
            Err(error) => return self.finish(Err(error)),
        };
        let held = self.exporter.sent.borrow().as_ref().is_some_and(|(project, sending)| {
            Rc::ptr_eq(project, &self.project) && sending.finished() && sending.covers(&wanted)
        });
        if held {
            return self.post(&self.build);
        }
        let (begin, sending) = Sending::start(&self.project, wanted);
        *self.exporter.sent.borrow_mut() = Some((self.project.clone(), sending));
        self.post(&begin);
        self.send_later();
    }

    /// Sends the next pieces in a task of their own (after the browser has had the thread).
    fn send_later(self: Rc<Self>) {
        Timeout::new(0, move || self.send()).forget();
    }

    fn send(self: Rc<Self>) {
        if self.finished.get() {
            return;
        }
        let started = js_sys::Date::now();
        loop {
            let next = self
                .exporter
                .sent
                .borrow_mut()
                .as_mut()
                .and_then(|(_, s)| s.next(&self.project, PIECE_BYTES));
            let Some(piece) = next else {
                return self.post(&self.build);
            };
            self.post(&piece);
            if js_sys::Date::now() - started >= SLICE_MS {
                return self.send_later();
            }
        }
    }

    /// Hands `request` (its JSON) over to the worker: copied once out of the page's wasm memory,
    /// not again.
    fn post(&self, request: &[u8]) {
        let bytes = js_sys::Uint8Array::from(request);
        let transfer = js_sys::Array::of1(&bytes.buffer());
        self.exporter.worker.send(js_sys::Array::of1(&bytes), &transfer);
    }

    /// A message from the worker.
    fn receive(&self, received: Received) {
        if self.finished.get() {
            return;
        }
        let (reply, bytes) = match received {
            Ok(parts) => {
                let json = parts.get(0).as_string().unwrap_or_default();
                let reply = ExportReply::from_json(&json)
                    .unwrap_or_else(|e| ExportReply::Failed(ExportError::WorkerFailed(e.to_string())));
                (reply, parts.get(1))
            }
            Err(
                WorkerFault::NotStarted(cause)
                | WorkerFault::Unreachable(cause)
                | WorkerFault::Stopped(cause),
            ) => {
                self.exporter.reset();
                (ExportReply::Failed(ExportError::WorkerFailed(cause)), wasm_bindgen::JsValue::UNDEFINED)
            }
        };
        match reply {
            ExportReply::Ready => {}
            ExportReply::Progress { done, total, doing } => {
                (self.on_progress)(Progress { done, total, doing })
            }
            ExportReply::Built(summary) => match bytes.dyn_into::<js_sys::Uint8Array>() {
                Ok(bytes) => self.finish(Ok(Ready { summary, bytes })),
                Err(_) => {
                    self.finish(Err(ExportError::WorkerFailed("the download's bytes did not come".into())))
                }
            },
            ExportReply::Failed(error) => self.finish(Err(error)),
        }
    }

    /// Called with no borrow of the editor state held (`on_done` may dispatch).
    fn finish(&self, built: Built) {
        self.finished.set(true);
        if let Some(on_done) = self.on_done.borrow_mut().take() {
            on_done(built);
        }
    }
}
