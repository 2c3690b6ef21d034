//! What the page and the learning worker say to each other: one JSON text per message, plus
//! the model's bytes beside it where a message carries a model (see `service`). The types are
//! the core's so that both ends, and the native tests, share them.
//!
//! The page sends the training texts in several `AddTexts` messages (each serialised in a
//! few milliseconds) rather than one, so that no single step of the page takes a frame.

use super::evaluate::{Evaluation, Tally};
use super::tagger::ModelError;
use crate::core::suggestion::Suggestion;
use serde::{Deserialize, Serialize};

/// A confirmed text: its spans as `[start, end, label]`, code points, `label` indexing the
/// labels of the `Train` request that follows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabeledText {
    pub text: String,
    pub spans: Vec<(usize, usize, u16)>,
}

/// A document to suggest on, by its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocText {
    pub id: String,
    pub text: String,
}

/// From the page to the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    /// Texts for the next `Train`: confirmed ones, and others (their characters only teach the
    /// character classes and cohesion).
    AddTexts { labeled: Vec<LabeledText>, unlabeled: Vec<String> },
    /// Train on the texts added since the last `Train`. With `hold_out`, a tenth of the
    /// confirmed texts (at least one, once there are five) is kept back to estimate F1 and to
    /// calibrate the confidences.
    Train { job: u64, labels: Vec<String>, seed: u64, hold_out: bool },
    /// Use this model (its bytes travel beside the message): a model read from storage.
    Load,
    /// Suggest on `docs` with the current model: spans of confidence `threshold` or more.
    Suggest { job: u64, docs: Vec<DocText>, threshold: f64 },
    /// Stop job `job` (training or suggesting) between two slices.
    Cancel { job: u64 },
}

/// What the training is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Learning the character classes and counting features.
    Preparing,
    Training,
    /// Scoring the held-out texts.
    Evaluating,
    /// Training the model in use on every confirmed text, after the estimate (small sets).
    Retraining,
    Suggesting,
}

/// From the worker to the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// The worker's code is loaded and it listens.
    Ready,
    Progress {
        job: u64,
        stage: Stage,
        /// 0..=1 of the stage.
        fraction: f64,
        /// Passes over the texts: the one under way and how many.
        epoch: u32,
        epochs: u32,
    },
    /// A model (its bytes beside the message) and how it did.
    Trained {
        job: u64,
        summary: ModelSummary,
    },
    /// The model read from `Load` is in use.
    Loaded {
        labels: Vec<String>,
    },
    /// Suggestions for some documents of job `job` (a corpus's arrive in several replies);
    /// `finished` on the last.
    Suggested {
        job: u64,
        docs: Vec<(String, Vec<Suggestion>)>,
        finished: bool,
        fraction: f64,
    },
    Cancelled {
        job: u64,
    },
    Failed {
        job: Option<u64>,
        why: LearnFailure,
    },
}

/// Why the worker did not do what was asked; the page words it in the language shown.
/// Externally tagged, as the other messages: an internally tagged enum buffers each message
/// into serde's `Content` first, and that decoder cost the page's bundle about 12 KB of wasm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LearnFailure {
    /// The stored model's bytes do not read.
    ModelUnusable {
        cause: ModelError,
    },
    /// `Load` came without the model's bytes.
    NoModelSent,
    /// `Suggest` before any model was trained or loaded.
    NoModelYet,
    /// A corpus suggestion asked for while a training runs.
    TrainingNow,
    /// A training asked for while another job runs.
    Busy,
    /// No confirmed spans were sent.
    NothingToLearn,
    /// The model went away while suggesting (it was replaced).
    ModelGone,
    /// `Train` came without the texts being sent first.
    NeverPrepared,
    /// A message between the page and the worker did not read (versions differ, or a bug);
    /// the JSON reader's words.
    BadMessage {
        cause: String,
    },
    /// Said by the page's end: the worker could not be started, or a message not posted to
    /// it, or it stopped; the browser's words.
    NotStarted {
        cause: String,
    },
    Unreachable {
        cause: String,
    },
    Stopped {
        cause: String,
    },
}

impl std::fmt::Display for LearnFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LearnFailure::ModelUnusable { cause } => write!(f, "the stored model cannot be used: {cause}"),
            LearnFailure::NoModelSent => f.write_str("a model was to be loaded but none came"),
            LearnFailure::NoModelYet => f.write_str("there is no model yet: train one first"),
            LearnFailure::TrainingNow => f.write_str("the worker is training; suggest once it is done"),
            LearnFailure::Busy => f.write_str("the worker is busy; cancel first"),
            LearnFailure::NothingToLearn => {
                f.write_str("nothing to learn from: confirm spans in some documents and mark them done")
            }
            LearnFailure::ModelGone => f.write_str("the model is gone"),
            LearnFailure::NeverPrepared => f.write_str("the training was never prepared"),
            LearnFailure::BadMessage { cause } => {
                write!(f, "a message between the page and the learning worker does not read: {cause}")
            }
            LearnFailure::NotStarted { cause } => write!(f, "the learning worker cannot be started: {cause}"),
            LearnFailure::Unreachable { cause } => {
                write!(f, "the learning worker cannot be reached: {cause}")
            }
            LearnFailure::Stopped { cause } => write!(f, "the learning worker stopped: {cause}"),
        }
    }
}

impl std::error::Error for LearnFailure {}

impl From<MessageError> for LearnFailure {
    fn from(error: MessageError) -> Self {
        LearnFailure::BadMessage { cause: error.0.to_string() }
    }
}

/// Precision, recall and F1 of one label (or of all) on the held-out texts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabelScore {
    pub label: String,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Spans of this label in the held-out texts.
    pub gold: usize,
    /// Spans the model gave this label there.
    pub predicted: usize,
}

impl LabelScore {
    fn of(label: &str, tally: &Tally) -> LabelScore {
        LabelScore {
            label: label.to_string(),
            precision: tally.precision(),
            recall: tally.recall(),
            f1: tally.f1(),
            gold: tally.gold,
            predicted: tally.predicted,
        }
    }
}

/// What is known about a trained model: shown in the Learn panel and stored beside it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelSummary {
    pub labels: Vec<String>,
    /// Confirmed texts the model in use learned from, and those the estimate was made on (kept
    /// out of the model the estimate scored; a small set's model in use learns from them too,
    /// see `service::RETRAIN_CHARS`).
    pub trained: usize,
    pub held_out: usize,
    /// Characters trained on.
    pub chars: usize,
    pub epochs: u32,
    /// The confidences' scale (calibrated on the held-out texts when there were any).
    pub scale: f32,
    /// Per label, then `overall`; empty without held-out texts.
    pub scores: Vec<LabelScore>,
    pub overall: Option<LabelScore>,
    /// The model's size in bytes.
    pub bytes: usize,
}

impl ModelSummary {
    pub(super) fn scores_of(evaluation: &Evaluation) -> (Vec<LabelScore>, LabelScore) {
        let per_label = evaluation
            .labels
            .iter()
            .zip(&evaluation.per_label)
            .map(|(label, tally)| LabelScore::of(label, tally))
            .collect();
        (per_label, LabelScore::of("all", &evaluation.overall()))
    }
}

/// Why a message could not be read (a worker and a page of different versions, or a bug).
#[derive(Debug)]
pub struct MessageError(pub serde_json::Error);

impl std::fmt::Display for MessageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a message between the page and the learning worker does not read: {}", self.0)
    }
}

impl std::error::Error for MessageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

impl Request {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a request is plain data")
    }

    /// # Errors
    /// Text that is not a request.
    pub fn from_json(text: &str) -> Result<Request, MessageError> {
        serde_json::from_str(text).map_err(MessageError)
    }
}

impl Reply {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a reply is plain data")
    }

    /// # Errors
    /// Text that is not a reply.
    pub fn from_json(text: &str) -> Result<Reply, MessageError> {
        serde_json::from_str(text).map_err(MessageError)
    }
}
