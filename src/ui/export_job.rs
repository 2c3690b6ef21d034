//! Runs a dataset export (`core::export::ExportJob`) in time slices between frames, so that
//! the page stays responsive while a corpus is exported, and can be cancelled.

use crate::core::export::preview::{preview, Preview};
use crate::core::export::{Export, ExportError, ExportJob, ExportOptions, Step};
use crate::core::Project;
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Work done per slice before the browser gets the thread back (a frame or two).
const SLICE_MS: f64 = 40.0;
/// Characters per job step: small enough that a slice ends close to `SLICE_MS`.
const STEP_CHARS: usize = 4_000;

pub type Built = Result<(Preview, Export), ExportError>;

/// How far a running export is, for the progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub doing: &'static str,
}

/// A running export; dropping it (or [`Running::cancel`]) stops it before its next slice.
pub struct Running {
    cancelled: Rc<Cell<bool>>,
}

impl Running {
    pub fn cancel(&self) {
        self.cancelled.set(true);
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// Starts exporting `project` with `options` once the current frame is painted. Edits made
/// meanwhile do not reach this export: it holds the project as it was (an edit makes a new
/// one; holding the old keeps alive only what later edits replaced).
/// `on_progress` is called after each slice, `on_done` once with the export and its preview.
pub fn start(
    project: Rc<Project>,
    options: ExportOptions,
    on_progress: impl Fn(Progress) + 'static,
    on_done: impl FnOnce(Built) + 'static,
) -> Running {
    let cancelled = Rc::new(Cell::new(false));
    let slice = Slice {
        project,
        options,
        job: RefCell::new(None),
        cancelled: cancelled.clone(),
        on_progress: Box::new(on_progress),
        on_done: RefCell::new(Some(Box::new(on_done))),
    };
    let slice = Rc::new(slice);
    let frame = gloo::render::request_animation_frame(move |_| Slice::next(slice));
    // The frame callback keeps itself alive until it has run.
    std::mem::forget(frame);
    Running { cancelled }
}

type OnDone = Box<dyn FnOnce(Built)>;

struct Slice {
    project: Rc<Project>,
    options: ExportOptions,
    job: RefCell<Option<ExportJob>>,
    cancelled: Rc<Cell<bool>>,
    on_progress: Box<dyn Fn(Progress)>,
    on_done: RefCell<Option<OnDone>>,
}

impl Slice {
    /// Schedules the next slice as a new task (after the browser has had the thread).
    fn next(this: Rc<Slice>) {
        Timeout::new(0, move || this.run()).forget();
    }

    fn run(self: Rc<Self>) {
        if self.cancelled.get() {
            return;
        }
        let started = js_sys::Date::now();
        let outcome = {
            let project = &self.project;
            let mut job = self.job.borrow_mut();
            match job.as_mut() {
                Some(job) => work(job, project, started),
                None => match ExportJob::new(project, self.options.clone()) {
                    Ok(new) => work(job.insert(new), project, started),
                    Err(error) => Err(Err(error)),
                },
            }
        };
        match outcome {
            Ok(progress) => {
                (self.on_progress)(progress);
                Slice::next(self);
            }
            Err(result) => {
                // The preview (which takes the files into the download) in a slice of its own.
                let this = self.clone();
                Timeout::new(0, move || {
                    let options = &this.options;
                    this.finish(result.and_then(|mut export| Ok((preview(options, &mut export)?, export))));
                })
                .forget();
            }
        }
    }

    /// Called with no borrow of the editor state held (`on_done` may dispatch).
    fn finish(&self, built: Built) {
        if let Some(on_done) = self.on_done.borrow_mut().take() {
            on_done(built);
        }
    }
}

/// Steps `job` until it is done or the slice is used up.
fn work(
    job: &mut ExportJob,
    project: &crate::core::Project,
    started: f64,
) -> Result<Progress, Result<Export, ExportError>> {
    loop {
        match job.step(project, STEP_CHARS) {
            Step::Done(result) => return Err(*result),
            Step::Working { done, total, doing } if js_sys::Date::now() - started >= SLICE_MS => {
                return Ok(Progress { done, total, doing });
            }
            Step::Working { .. } => {}
        }
    }
}
