//! Learning from the user's annotations, the page's side: what to send the worker and when
//! (train, cancel, suggest on the open document or the corpus, retrain when documents are
//! marked done), what its replies do (progress, the model stored beside the project, the
//! suggestions put on documents), and what the Learn panel shows. The panel reads
//! [`Learning::view`] and is told to draw again when it changes.

use super::learner::{Incoming, Learner};
use super::persist::Persist;
use super::store::Dispatch;
use crate::core::document::DocId;
use crate::core::learn::protocol::{DocText, ModelSummary, Reply, Request};
use crate::core::learn::{Confirmed, TrainingSet};
use crate::core::suggestion::Suggestion;
use crate::core::DocStatus;
use gloo::storage::Storage;
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

mod corpus;
mod view;

use corpus::CorpusRun;
pub use view::{Kept, LearnProblem, LearnSettings, LearnView, Phase};

/// Where [`LearnSettings`] are kept in localStorage.
const SETTINGS_KEY: &str = "biaozhu.learn";

#[derive(Default)]
struct State {
    view: LearnView,
    /// The worker holds the current model.
    model_in_worker: bool,
    /// The training (or corpus run) under way.
    job: Option<u64>,
    next_job: u64,
    started_at: f64,
    /// Documents suggested on by the current model at the current threshold.
    suggested: HashSet<DocId>,
    corpus: Option<CorpusRun>,
    /// More documents were marked done during a training: train again after it.
    retrain_pending: bool,
}

pub struct Learning {
    learner: Rc<Learner>,
    editor: Dispatch,
    persist: Rc<Persist>,
    state: RefCell<State>,
    changed: RefCell<Option<Rc<dyn Fn()>>>,
}

impl PartialEq for Learning {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Learning {
    pub fn new(editor: Dispatch, persist: Rc<Persist>) -> Rc<Learning> {
        let settings = gloo::storage::LocalStorage::get(SETTINGS_KEY).unwrap_or_default();
        let this = Rc::new(Learning {
            learner: Rc::new(Learner::default()),
            editor,
            persist,
            state: RefCell::new(State {
                view: LearnView { settings, ..LearnView::default() },
                ..State::default()
            }),
            changed: RefCell::new(None),
        });
        let weak = Rc::downgrade(&this);
        this.learner.listen(move |incoming| {
            if let Some(this) = weak.upgrade() {
                this.receive(incoming);
            }
        });
        this
    }

    pub fn view(&self) -> LearnView {
        self.state.borrow().view.clone()
    }

    /// Called after every change of the view.
    pub fn on_change(&self, changed: impl Fn() + 'static) {
        *self.changed.borrow_mut() = Some(Rc::new(changed));
    }

    fn update(&self, change: impl FnOnce(&mut State)) {
        change(&mut self.state.borrow_mut());
        let changed = self.changed.borrow().clone();
        if let Some(changed) = changed {
            changed();
        }
    }

    fn next_job(&self) -> u64 {
        let mut state = self.state.borrow_mut();
        state.next_job += 1;
        state.next_job
    }

    /// Reads the stored model's summary, for the panel (the model itself is read when first
    /// needed).
    pub fn read_stored(self: &Rc<Self>) {
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match this.persist.model_summary().await {
                Ok(Some(json)) => match serde_json::from_str::<ModelSummary>(&json) {
                    Ok(summary) => this.update(|s| {
                        if s.view.summary.is_none() {
                            s.view.summary = Some(Rc::new(summary));
                            s.view.kept = Kept::Saved;
                        }
                    }),
                    Err(error) => this.fail(LearnProblem::SummaryUnreadable { cause: error.to_string() }),
                },
                Ok(None) => {}
                Err(error) => this.fail(LearnProblem::Storage(error)),
            }
        });
    }

    fn fail(&self, problem: LearnProblem) {
        self.update(|s| s.view.error = Some(problem));
    }

    pub fn set_settings(&self, settings: LearnSettings) {
        // A browser that refuses localStorage keeps the choice for this visit.
        let _ = gloo::storage::LocalStorage::set(SETTINGS_KEY, &settings);
        self.update(|s| {
            if s.view.settings.threshold != settings.threshold {
                s.suggested.clear();
            }
            s.view.settings = settings;
        });
    }

    /// Trains on the project as it is now (button, Alt+L, or automatically).
    pub fn train(self: &Rc<Self>) {
        if self.state.borrow().job.is_some() {
            self.update(|s| s.retrain_pending = true);
            return;
        }
        let latest = self.editor.latest();
        let which = if self.view().settings.all_documents { Confirmed::All } else { Confirmed::Done };
        let mut set = match TrainingSet::new(latest.project(), which) {
            Ok(set) => set,
            Err(error) => return self.fail(LearnProblem::Edit(error)),
        };
        if set.spans == 0 {
            return self.fail(LearnProblem::NothingConfirmed(which));
        }
        let job = self.next_job();
        let learned_from = (set.documents, set.spans, set.layer.clone());
        self.update(|s| {
            s.job = Some(job);
            s.retrain_pending = false;
            s.started_at = js_sys::Date::now();
            s.view.error = None;
            s.view.phase = Phase::Sending { fraction: 0.0 };
            s.view.learned_from = Some(learned_from);
        });
        let this = self.clone();
        // The texts go a piece at a time, the page's thread given back between pieces.
        wasm_bindgen_futures::spawn_local(async move {
            // The click's own task has gathered the set and drawn the panel: the texts go
            // from the next one on.
            super::hooks::yield_to_browser().await;
            while let Some(chunk) = set.next_chunk() {
                if this.state.borrow().job != Some(job) {
                    return;
                }
                this.learner.send(&chunk, None);
                let fraction = set.sent();
                this.update(|s| s.view.phase = Phase::Sending { fraction });
                super::hooks::yield_to_browser().await;
            }
            if this.state.borrow().job == Some(job) {
                this.learner.send(&set.train(job, 1, true), None);
            }
        });
    }

    /// Stops the training or corpus run under way.
    pub fn cancel(&self) {
        let Some(job) = self.state.borrow().job else { return };
        if self.learner.started() {
            self.learner.send(&Request::Cancel { job }, None);
        }
        let corpus = self.state.borrow_mut().corpus.take();
        if let Some(run) = corpus {
            // What the run found so far is kept.
            self.put_on_documents(run.found);
        }
        self.update(|s| {
            s.job = None;
            s.retrain_pending = false;
            s.view.phase = Phase::Idle;
        });
    }

    /// Suggests on `doc` if it is open, not done, and not covered by this model already.
    pub fn suggest_on_open(self: &Rc<Self>, doc: &DocId) {
        let (settings, has_model, already) = {
            let s = self.state.borrow();
            (s.view.settings.clone(), s.view.summary.is_some(), s.suggested.contains(doc))
        };
        if !settings.suggest_on_open || !has_model || already {
            return;
        }
        self.suggest_document(doc);
    }

    /// Suggests on document `doc` now (the panel's button, or after a training).
    pub fn suggest_document(self: &Rc<Self>, doc: &DocId) {
        let latest = self.editor.latest();
        let Some(document) = latest.project().document(doc).filter(|d| d.is_loaded()) else { return };
        if document.status == DocStatus::Done || self.view().summary.is_none() {
            return;
        }
        let text = DocText { id: doc.0.clone(), text: document.text().to_string() };
        self.state.borrow_mut().suggested.insert(doc.clone());
        let job = self.next_job();
        let threshold = self.view().settings.threshold;
        self.with_model(move |this| {
            this.learner.send(&Request::Suggest { job, docs: vec![text], threshold }, None)
        });
    }

    /// Runs `then` once the worker holds the model: at once, or after sending it the stored one.
    fn with_model(self: &Rc<Self>, then: impl FnOnce(&Rc<Self>) + 'static) {
        if self.state.borrow().model_in_worker {
            return then(self);
        }
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match this.persist.model_bytes().await {
                Ok(Some(bytes)) => {
                    this.learner.send(&Request::Load, Some(&bytes));
                    this.state.borrow_mut().model_in_worker = true;
                    then(&this);
                }
                Ok(None) => this.fail(LearnProblem::ModelGone),
                Err(error) => this.fail(LearnProblem::Storage(error)),
            }
        });
    }

    fn receive(self: &Rc<Self>, (reply, bytes): Incoming) {
        let current = self.state.borrow().job;
        match reply {
            Reply::Ready | Reply::Loaded { .. } => {}
            Reply::Progress { job, stage, fraction, epoch, epochs } if Some(job) == current => {
                self.update(|s| s.view.phase = Phase::Working { stage, fraction, epoch, epochs });
            }
            Reply::Progress { .. } | Reply::Cancelled { .. } => {}
            Reply::Trained { job, summary } if Some(job) == current => self.trained(summary, bytes),
            // A training that ended as it was cancelled: the worker now holds a model the page
            // did not keep, so the stored one is sent again before the next suggestions.
            Reply::Trained { .. } => self.update(|s| s.model_in_worker = false),
            Reply::Suggested { job, docs, finished, .. } => {
                let docs: Vec<(DocId, Vec<Suggestion>)> =
                    docs.into_iter().map(|(id, s)| (DocId::from(id.as_str()), s)).collect();
                let in_corpus_run = {
                    let mut state = self.state.borrow_mut();
                    match state.corpus.as_mut().filter(|run| run.job == job) {
                        Some(run) => {
                            run.found.extend(docs.iter().cloned());
                            let done = run.total - run.queue.len();
                            state.view.phase = Phase::SuggestingCorpus { done, total: run.total };
                            true
                        }
                        None => false,
                    }
                };
                if in_corpus_run {
                    self.update(|_| {});
                    // A piece the worker took as a job of its own answers in several replies.
                    if finished {
                        self.send_corpus_piece();
                    }
                } else {
                    self.put_on_documents(docs);
                }
            }
            Reply::Failed { job, why } => {
                let ours = job.is_none() || job == current;
                self.update(|s| {
                    if job.is_none() {
                        // The worker stopped or refused the model: send it again next time.
                        s.model_in_worker = false;
                    }
                    if ours {
                        s.job = None;
                        s.corpus = None;
                        s.view.phase = Phase::Idle;
                    }
                    s.view.error = Some(LearnProblem::Worker(why));
                });
            }
        }
    }

    fn trained(self: &Rc<Self>, summary: ModelSummary, bytes: Option<js_sys::Uint8Array>) {
        let seconds = (js_sys::Date::now() - self.state.borrow().started_at) / 1000.0;
        let retrain = self.state.borrow().retrain_pending;
        let summary = Rc::new(summary);
        self.update(|s| {
            s.job = None;
            s.model_in_worker = true;
            s.suggested.clear();
            s.view.phase = Phase::Idle;
            s.view.summary = Some(summary.clone());
            s.view.seconds = Some(seconds);
            s.view.kept = Kept::Saving;
        });
        if let Some(bytes) = bytes {
            let this = self.clone();
            let json = serde_json::to_string(&*summary).unwrap_or_default();
            wasm_bindgen_futures::spawn_local(async move {
                // Stored after the panel is drawn: copying megabytes into IndexedDB is a task
                // of its own.
                super::hooks::yield_to_browser().await;
                let kept = match this.persist.save_model(&bytes, &json).await {
                    Ok(()) => Kept::Saved,
                    Err(error) => Kept::InTabOnly(error),
                };
                this.update(|s| s.view.kept = kept);
            });
        }
        if let Some(open) = self.editor.latest().open_doc.clone() {
            self.suggest_document(&open);
        }
        if retrain {
            self.train();
        }
    }
}
