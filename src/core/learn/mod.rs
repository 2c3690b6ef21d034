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
pub mod lexicon;
pub mod tagger;
pub mod tags;
pub mod train;
pub mod weights;

pub use evaluate::{evaluate, reliability, Evaluation, Tally};
pub use tagger::{ModelError, Prediction, Tagger};
pub use tags::LabeledRange;
pub use train::{auto_epochs, Progress, TrainOptions, Trainer};

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

/// Which documents of a project a model learns from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirmed {
    /// Documents marked done.
    Done,
    /// Every document.
    All,
}

/// The examples a project gives for its layer `layer`: the layer's labels in the schema's
/// order, and one example per chosen document with the spans of that layer. With no layer
/// named, the layer holding the most spans in the chosen documents (the entity layer, in the
/// default schema, unless directives outnumber names).
pub fn project_examples(
    project: &crate::core::Project,
    layer: Option<&str>,
    which: Confirmed,
) -> (Vec<String>, Vec<Example>) {
    let schema = &project.schema;
    let chosen = || {
        project
            .documents()
            .iter()
            .filter(move |doc| which == Confirmed::All || doc.status == crate::core::DocStatus::Done)
    };
    let layer = match layer {
        Some(name) => schema.layers.iter().find(|l| l.name == name),
        None => schema
            .layers
            .iter()
            .enumerate()
            .max_by_key(|&(i, l)| {
                let spans: usize = chosen()
                    .map(|doc| {
                        doc.spans().iter().filter(|s| l.labels.iter().any(|x| *x.name == *s.label)).count()
                    })
                    .sum();
                (spans, std::cmp::Reverse(i))
            })
            .map(|(_, l)| l),
    };
    let mut labels: Vec<String> =
        layer.map(|l| l.labels.iter().map(|l| l.name.clone()).collect()).unwrap_or_default();
    let known = labels.len();
    let examples = chosen()
        .map(|doc| {
            let spans = doc.spans().iter().map(|s| (s.range, &*s.label));
            let mut example = Example::new(doc.text(), spans, &mut labels);
            example.spans.retain(|s| usize::from(s.label) < known);
            example
        })
        .collect();
    labels.truncate(known);
    (labels, examples)
}
