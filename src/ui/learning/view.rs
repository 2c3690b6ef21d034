//! What the Learn panel shows (the page's learning state as the panel reads it) and the user's
//! settings, kept in this browser.

use crate::core::learn::protocol::{LearnFailure, ModelSummary, Stage};
use crate::core::learn::Confirmed;
use crate::core::EditError;
use crate::ui::idb::StorageError;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// The user's choices, kept in this browser (localStorage), not in the project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LearnSettings {
    /// Suggest spans of this confidence or more.
    pub threshold: f64,
    /// Train again whenever documents are marked done.
    pub auto_retrain: bool,
    /// Suggest on each document opened that is not done.
    pub suggest_on_open: bool,
    /// Learn from every document rather than those marked done (an imported annotated corpus).
    pub all_documents: bool,
}

impl Default for LearnSettings {
    fn default() -> Self {
        LearnSettings { threshold: 0.5, auto_retrain: false, suggest_on_open: true, all_documents: false }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub enum Phase {
    #[default]
    Idle,
    /// The texts are going to the worker.
    Sending {
        fraction: f64,
    },
    Working {
        stage: Stage,
        fraction: f64,
        epoch: u32,
        epochs: u32,
    },
    /// Suggesting over the corpus: documents done of all.
    SuggestingCorpus {
        done: usize,
        total: usize,
    },
}

/// Where the model is kept.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Kept {
    #[default]
    Nowhere,
    Saving,
    /// Committed to IndexedDB with the project.
    Saved,
    /// In this tab only: why.
    InTabOnly(StorageError),
}

/// Why learning stopped or could not start, kept typed so that the panel words it in the
/// language shown (`ui::words::learn_words`).
#[derive(Clone, Debug, PartialEq)]
pub enum LearnProblem {
    /// The worker's (or its page end's) refusal.
    Worker(LearnFailure),
    Storage(StorageError),
    /// The stored model's summary is not the JSON this app writes; the reader's words.
    SummaryUnreadable {
        cause: String,
    },
    /// The project cannot be learned from now (documents still being read from storage).
    Edit(EditError),
    /// No confirmed span in the documents learned from.
    NothingConfirmed(Confirmed),
    /// The model was stored but is gone from storage.
    ModelGone,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LearnView {
    pub phase: Phase,
    pub summary: Option<Rc<ModelSummary>>,
    pub kept: Kept,
    pub error: Option<LearnProblem>,
    pub settings: LearnSettings,
    /// Wall-clock seconds of the last training, texts sent to model back.
    pub seconds: Option<f64>,
    /// What the last training learned from: documents, spans, layer.
    pub learned_from: Option<(usize, usize, String)>,
}
