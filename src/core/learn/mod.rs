//! Suggestions learned from the user's own annotations: a character-level tagger (BIOES tags,
//! an averaged structured perceptron over character n-grams, character types and the
//! project's confirmed strings, Viterbi decoding, a confidence per span), trained in pieces so
//! a worker can report progress and stop. Pure Rust: the command line (`biaozhu-learn`) and the
//! browser run the same code.
//!
//! Why this model: it trains in seconds to minutes on one core, needs no floating-point
//! gradient machinery, and character n-grams with a lexicon reach the published CRF figures on
//! MSRA NER (see the README's learning curve). Why not a crate: `crfs` trains but writes its
//! model through the file system, which wasm32 lacks; `rucrf` spawns threads.

pub mod clusters;
pub mod cohesion;
pub mod decode;
pub mod evaluate;
pub mod features;
pub mod from_project;
pub mod lexicon;
pub mod protocol;
pub mod service;
pub mod tagger;
pub mod tags;
pub mod train;
pub mod weights;

pub use evaluate::{evaluate, reliability, Evaluation, Tally};
pub use from_project::{project_examples, Confirmed, TrainingSet};
pub use tagger::{ModelError, Prediction, Tagger};
pub use tags::LabeledRange;
pub use train::{
    auto_epochs, order_seed, orders_for, FromText, Progress, TrainOptions, Trainer, AVERAGE_CHARS, ORDERS,
};

use crate::core::offsets::CharRange;

/// A text to learn from or to score: its characters and its spans (labels by index).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Example {
    pub chars: Vec<char>,
    pub spans: Vec<LabeledRange>,
}

impl Example {
    /// `text` with `spans` whose labels are looked up in `labels` (added there when new).
    pub fn new<'a>(
        text: &str,
        spans: impl IntoIterator<Item = (CharRange, &'a str)>,
        labels: &mut Vec<String>,
    ) -> Example {
        let spans = spans
            .into_iter()
            .map(|(range, name)| {
                let label = labels.iter().position(|l| l == name).unwrap_or_else(|| {
                    labels.push(name.to_string());
                    labels.len() - 1
                });
                LabeledRange { range, label: label as u16 }
            })
            .collect();
        Example { chars: text.chars().collect(), spans }
    }
}

#[cfg(test)]
mod tests;
