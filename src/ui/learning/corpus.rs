//! Suggesting over the whole corpus: documents not marked done go to the worker in pieces, and
//! what it finds is put on the documents at the end, as one undo step.

use super::{LearnProblem, Learning, Phase};
use crate::core::document::DocId;
use crate::core::editor::EditorAction;
use crate::core::learn::protocol::{DocText, Request};
use crate::core::learn::service::IMMEDIATE_CHARS;
use crate::core::suggestion::Suggestion;
use crate::core::{DocStatus, EditError};
use std::rc::Rc;

/// A suggestion run over the corpus: documents go in pieces, each sent when the last one's
/// suggestions are back (so Cancel stops it at once); the suggestions are put on the
/// documents together at the end, as one undo step.
pub(super) struct CorpusRun {
    pub(super) job: u64,
    pub(super) queue: Vec<DocText>,
    pub(super) total: usize,
    pub(super) found: Vec<(DocId, Vec<Suggestion>)>,
}

impl Learning {
    /// Suggests on every document not marked done, in the worker, with progress.
    pub fn suggest_corpus(self: &Rc<Self>) {
        if self.state.borrow().job.is_some() || self.view().summary.is_none() {
            return;
        }
        let latest = self.editor.latest();
        let project = latest.project();
        if project.stand_ins() > 0 {
            return self.fail(LearnProblem::Edit(EditError::StillLoading { pending: project.stand_ins() }));
        }
        let queue: Vec<DocText> = project
            .documents()
            .iter()
            .filter(|d| d.status != DocStatus::Done)
            .rev()
            .map(|d| DocText { id: d.id.0.clone(), text: d.text().to_string() })
            .collect();
        let job = self.next_job();
        let total = queue.len();
        self.update(|s| {
            s.job = Some(job);
            s.view.error = None;
            s.view.phase = Phase::SuggestingCorpus { done: 0, total };
            s.corpus = Some(CorpusRun { job, queue, total, found: Vec::new() });
        });
        self.with_model(|this| this.send_corpus_piece());
    }

    /// Sends the corpus run's next piece, or puts what it found on the documents.
    pub(super) fn send_corpus_piece(self: &Rc<Self>) {
        let threshold = self.view().settings.threshold;
        let mut state = self.state.borrow_mut();
        let Some(run) = state.corpus.as_mut() else { return };
        // Pieces the worker answers at once (at most IMMEDIATE_CHARS, or one longer document).
        let (mut docs, mut size) = (Vec::new(), 0);
        while let Some(doc) = run.queue.last() {
            let chars = doc.text.chars().count().max(1);
            if !docs.is_empty() && size + chars > IMMEDIATE_CHARS {
                break;
            }
            size += chars;
            docs.extend(run.queue.pop());
        }
        let job = run.job;
        if docs.is_empty() {
            let run = state.corpus.take();
            state.job = None;
            state.view.phase = Phase::Idle;
            drop(state);
            if let Some(run) = run {
                self.put_on_documents(run.found);
            }
            self.update(|_| {});
            return;
        }
        drop(state);
        self.learner.send(&Request::Suggest { job, docs, threshold }, None);
    }

    pub(super) fn put_on_documents(&self, found: Vec<(DocId, Vec<Suggestion>)>) {
        if !found.is_empty() {
            self.editor.dispatch(EditorAction::ModelSuggested(found));
        }
    }
}
