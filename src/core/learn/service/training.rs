//! A training under way, and what happens between its trainings: the estimate on the held-out
//! texts, then the model in use trained again on every text (see [`train_again`]).

use super::super::evaluate::evaluate;
use super::super::protocol::{LabelScore, ModelSummary};
use super::super::tagger::Tagger;
use super::super::train::{order_seed, TrainOptions, Trainer};
use super::super::{Example, FromText, Progress};

/// A training under way: prepared on its first slice (the character classes and the feature
/// counts take one long step), then trained slice by slice.
pub(super) struct Training {
    pub(super) job: u64,
    pub(super) labels: Vec<String>,
    pub(super) seed: u64,
    /// Until prepared: what the trainer is made from.
    pub(super) setup: Option<(Vec<Example>, Vec<Vec<char>>)>,
    pub(super) trainer: Option<Trainer>,
    pub(super) held_out: Vec<Example>,
    /// For a small set: every confirmed text, to train the model in use on once the estimate
    /// is made (see [`super::RETRAIN_CHARS`]).
    pub(super) everything: Option<Vec<Example>>,
    /// The members of the model in use trained so far (the estimate's model first), to be
    /// averaged with the last (see `train::orders_for` and [`train_again`]), and how many
    /// there are to be.
    pub(super) orders_done: Vec<Tagger>,
    pub(super) orders: u32,
    /// What the first training learned from all the text, for the trainings after it.
    pub(super) from_text: Option<FromText>,
    /// Once the first model is scored: its figures and calibrated scale, which the final model
    /// keeps.
    pub(super) estimate: Option<Estimate>,
    pub(super) trained: usize,
    pub(super) chars: usize,
}

pub(super) struct Estimate {
    pub(super) scores: Vec<LabelScore>,
    pub(super) overall: LabelScore,
    pub(super) scale: f32,
}

impl Training {
    /// Progress over the trainings on every text (after the estimate's): their passes counted
    /// together.
    pub(super) fn overall(&self, p: &Progress) -> (f64, u32, u32) {
        if self.estimate.is_none() || self.orders <= 1 {
            return (p.fraction(), p.epoch, p.epochs);
        }
        // The estimate's model is the first member; the trainings on every text are the rest.
        let (done, total) = (self.orders_done.len() as u32 - 1, self.orders - 1);
        let epochs = p.epochs * total;
        let epoch = p.epochs * done + p.epoch;
        ((f64::from(done) + p.fraction()) / f64::from(total), epoch, epochs)
    }
}

/// For a small set (one that kept every text), once a training is done: after the first, the
/// estimate and calibration on the held-out texts, then the model in use on every confirmed
/// text; after each of those, the next order, until the averaged model has
/// [`Training::orders`] members. The first (nine-tenths) model is one of them: it is trained
/// already, and on 1,000 MSRA sentences it averages in as well as a third order on every text
/// (mean test F1 0.649 either way; one model 0.641) for a training less: with three on every
/// text, 1,000 sentences took 11.1 s in the browser, over the 10 s; this way 8.3 s. The
/// character classes and cohesion are learned once. `None` when nothing is left to train.
pub(super) fn train_again(training: &mut Training) -> Option<Progress> {
    let everything = training.everything.as_ref()?;
    let done = training.trainer.take()?;
    if training.estimate.is_none() {
        training.from_text = Some(done.from_text());
        let mut first = done.finish();
        training.estimate = Some(estimate(&mut first, &training.held_out));
        if training.orders > 1 {
            training.orders_done.push(first);
        }
    } else if (training.orders_done.len() as u32) + 1 < training.orders {
        training.orders_done.push(done.finish());
    } else {
        training.trainer = Some(done);
        return None;
    }
    let k = training.orders_done.len() as u32;
    let options = TrainOptions { seed: order_seed(training.seed, k), ..TrainOptions::default() };
    let from_text = training.from_text.clone()?;
    let trainer = Trainer::with(training.labels.clone(), everything.clone(), from_text, options);
    let p = trainer.progress();
    training.trainer = Some(trainer);
    Some(p)
}

/// `tagger` scored on `held_out` (texts it did not learn from), then calibrated on them.
pub(super) fn estimate(tagger: &mut Tagger, held_out: &[Example]) -> Estimate {
    let (scores, overall) = ModelSummary::scores_of(&evaluate(tagger, held_out));
    let scale = tagger.calibrate(held_out);
    Estimate { scores, overall, scale }
}
