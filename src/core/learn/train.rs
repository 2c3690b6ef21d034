//! Training, a piece at a time: the browser's worker trains in slices so that it can report
//! progress and stop when asked; the command line runs the slices back to back.

use super::decode::{viterbi, Grammar};
use super::features::{extract, Features};
use super::lexicon::Lexicon;
use super::tagger::{Tagger, MAX_LABELS};
use super::tags::{encode, tag_count, Tag};
use super::weights::Weights;
use super::Example;
use crate::core::rng::SplitMix64;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrainOptions {
    /// Passes over the training texts, in a new order each time.
    pub epochs: u32,
    /// Decides the orders: the same texts, options and seed give the same model.
    pub seed: u64,
    /// Features from the training texts' own names (see `lexicon`).
    pub lexicon: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 8, seed: 1, lexicon: true }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// The pass under way (from 0), `epochs` once finished.
    pub epoch: u32,
    pub epochs: u32,
    /// Texts seen in this pass, of `texts`.
    pub done: usize,
    pub texts: usize,
    /// Texts the model tagged wrongly in this pass so far (falls as it learns).
    pub mistakes: usize,
}

impl Progress {
    /// The share of the work done, 0..=1.
    pub fn fraction(&self) -> f64 {
        if self.epochs == 0 || self.texts == 0 {
            return 1.0;
        }
        (f64::from(self.epoch) + self.done as f64 / self.texts as f64) / f64::from(self.epochs)
    }

    pub fn is_finished(&self) -> bool {
        self.epoch >= self.epochs
    }
}

pub struct Trainer {
    labels: Vec<String>,
    examples: Vec<Example>,
    lexicon: Option<Lexicon>,
    weights: Weights,
    grammar: Grammar,
    options: TrainOptions,
    rng: SplitMix64,
    order: Vec<usize>,
    progress: Progress,
    // Buffers reused from text to text.
    features: Features,
    scores: Vec<f32>,
    transitions: Vec<f32>,
}

impl Trainer {
    /// A trainer for `labels` (at most 63) on `examples`, whose spans' labels index `labels`.
    /// Labels past the limit and spans naming no label are left out.
    pub fn new(mut labels: Vec<String>, mut examples: Vec<Example>, options: TrainOptions) -> Trainer {
        labels.truncate(MAX_LABELS);
        let count = labels.len() as u16;
        for example in &mut examples {
            example.spans.retain(|s| s.label < count);
        }
        let lexicon = options.lexicon.then(|| Lexicon::from_examples(&examples));
        let t = tag_count(labels.len());
        let mut rng = SplitMix64(options.seed);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        rng.shuffle(&mut order);
        let progress =
            Progress { epoch: 0, epochs: options.epochs, done: 0, texts: examples.len(), mistakes: 0 };
        Trainer {
            labels,
            examples,
            lexicon,
            weights: Weights::new(t),
            grammar: Grammar::new(t),
            options,
            rng,
            order,
            progress,
            features: Features::default(),
            scores: Vec::new(),
            transitions: Vec::new(),
        }
    }

    pub fn progress(&self) -> Progress {
        self.progress
    }

    /// Trains on texts until about `budget` characters have been tagged (at least one text) or
    /// the training is finished.
    pub fn work(&mut self, budget: usize) -> Progress {
        let mut spent = 0;
        while !self.progress.is_finished() && (spent == 0 || spent < budget) {
            if self.examples.is_empty() {
                self.progress.epoch = self.progress.epochs;
                break;
            }
            let example = &self.examples[self.order[self.progress.done]];
            let own = self.lexicon.as_ref().map(|l| l.own_terms(example)).unwrap_or_default();
            extract(&example.chars, self.lexicon.as_ref(), &|term| own.contains(&term), &mut self.features);
            self.weights.scores(&self.features, &mut self.scores, &mut self.transitions);
            let n = example.chars.len();
            let predicted = viterbi(&self.grammar, &self.scores, &self.transitions, n);
            let gold: Vec<Tag> = encode(n, &example.spans);
            if self.weights.learn(&self.features, &gold, &predicted) {
                self.progress.mistakes += 1;
            }
            spent += n.max(1);
            self.progress.done += 1;
            if self.progress.done == self.examples.len() {
                self.progress.epoch += 1;
                self.progress.done = 0;
                self.progress.mistakes = 0;
                self.rng.shuffle(&mut self.order);
            }
        }
        self.progress
    }

    /// The trained model (the averaged weights), whether or not every pass was made.
    pub fn finish(self) -> Tagger {
        let _ = &self.options;
        Tagger::new(self.labels, self.lexicon, self.weights.average(), 1.0)
    }
}
