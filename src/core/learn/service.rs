//! The learning worker's work, without the worker: requests in, replies out, long jobs done a
//! slice at a time by [`Service::step`] so that the worker can read a Cancel (or a request to
//! suggest on the open document) between two slices. The worker (`src/bin/biaozhu-learner.rs`)
//! only moves messages; everything it does is here and tested natively.

use super::protocol::{DocText, LabeledText, LearnFailure, ModelSummary, Reply, Request, Stage};
use super::tagger::Tagger;
use super::tags::LabeledRange;
use super::train::{orders_for, TrainOptions, Trainer};
use super::Example;
use crate::core::offsets::CharRange;
use crate::core::rng::SplitMix64;
use crate::core::suggestion::{Suggestion, SuggestionSource};
use std::collections::VecDeque;
use std::rc::Rc;

mod training;

use training::{estimate, train_again, Estimate, Training};

/// A reply and, for `Trained`, the model's bytes to send beside it.
#[derive(Debug, PartialEq)]
pub struct Outgoing {
    pub reply: Reply,
    pub model: Option<Vec<u8>>,
}

impl From<Reply> for Outgoing {
    fn from(reply: Reply) -> Outgoing {
        Outgoing { reply, model: None }
    }
}

/// Suggesting on this many characters or fewer is answered at once (about 100 ms in V8), not
/// as a job in slices.
pub const IMMEDIATE_CHARS: usize = 20_000;

/// Confirmed texts needed before a tenth is kept back for the estimate.
pub const HOLD_OUT_FROM: usize = 5;

/// Up to this many confirmed characters (about 6,000 MSRA sentences), the model in use is
/// trained again on every confirmed text once the held-out tenth has given the estimate and
/// the calibration: a small set cannot spare a tenth (1,000 MSRA sentences: test F1 0.63 on
/// nine tenths, 0.645 on all). A second training costs a few seconds there; on a large set
/// it would double minutes for a tenth that matters little.
pub const RETRAIN_CHARS: usize = 300_000;

struct Suggesting {
    job: u64,
    queue: VecDeque<DocText>,
    total: usize,
    threshold: f64,
}

enum Job {
    Train(Box<Training>),
    Suggest(Suggesting),
}

pub struct Service {
    /// [`RETRAIN_CHARS`], but for tests.
    retrain_chars: usize,
    model: Option<Tagger>,
    labeled: Vec<LabeledText>,
    unlabeled: Vec<String>,
    job: Option<Job>,
}

impl Default for Service {
    fn default() -> Service {
        Service::retraining_up_to(RETRAIN_CHARS)
    }
}

impl Service {
    /// A service that trains the model in use again on every confirmed text up to `chars`
    /// characters of them (the default is [`RETRAIN_CHARS`]).
    pub fn retraining_up_to(chars: usize) -> Service {
        Service { retrain_chars: chars, model: None, labeled: Vec::new(), unlabeled: Vec::new(), job: None }
    }

    /// True while a job waits for [`Service::step`].
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Answers `request` at once, or starts a job and says how it begins. A request to suggest
    /// on at most [`IMMEDIATE_CHARS`] characters is answered at once even while a job runs (the
    /// open document's suggestions must not wait for a training).
    pub fn handle(&mut self, request: Request, model: Option<&[u8]>) -> Vec<Outgoing> {
        match request {
            Request::AddTexts { labeled, unlabeled } => {
                self.labeled.extend(labeled);
                self.unlabeled.extend(unlabeled);
                Vec::new()
            }
            Request::Train { job, labels, seed, hold_out } => {
                self.start_training(job, labels, seed, hold_out)
            }
            Request::Load => match model.map(Tagger::from_bytes) {
                Some(Ok(tagger)) => {
                    let labels = tagger.labels().to_vec();
                    self.model = Some(tagger);
                    vec![Reply::Loaded { labels }.into()]
                }
                Some(Err(error)) => {
                    vec![Reply::Failed { job: None, why: LearnFailure::ModelUnusable { cause: error } }.into()]
                }
                None => vec![Reply::Failed { job: None, why: LearnFailure::NoModelSent }.into()],
            },
            Request::Suggest { job, docs, threshold } => {
                let Some(tagger) = &self.model else {
                    return vec![Reply::Failed { job: Some(job), why: LearnFailure::NoModelYet }.into()];
                };
                let total: usize = docs.iter().map(|d| d.text.chars().count()).sum();
                if total <= IMMEDIATE_CHARS {
                    let docs =
                        docs.iter().map(|d| (d.id.clone(), suggest(tagger, &d.text, threshold))).collect();
                    return vec![Reply::Suggested { job, docs, finished: true, fraction: 1.0 }.into()];
                }
                if self.job.is_some() {
                    return vec![Reply::Failed { job: Some(job), why: LearnFailure::TrainingNow }.into()];
                }
                let total = docs.len();
                self.job = Some(Job::Suggest(Suggesting { job, queue: docs.into(), total, threshold }));
                vec![progress(job, Stage::Suggesting, 0.0, 0, 0)]
            }
            Request::Cancel { job } => {
                // Texts of a training cancelled while they were being sent are not kept for
                // the next one.
                self.labeled.clear();
                self.unlabeled.clear();
                let running = match &self.job {
                    Some(Job::Train(t)) => t.job,
                    Some(Job::Suggest(s)) => s.job,
                    None => return Vec::new(),
                };
                if running != job {
                    return Vec::new();
                }
                self.job = None;
                vec![Reply::Cancelled { job }.into()]
            }
        }
    }

    fn start_training(&mut self, job: u64, labels: Vec<String>, seed: u64, hold_out: bool) -> Vec<Outgoing> {
        if self.job.is_some() {
            self.labeled.clear();
            self.unlabeled.clear();
            return vec![Reply::Failed { job: Some(job), why: LearnFailure::Busy }.into()];
        }
        let labeled = std::mem::take(&mut self.labeled);
        let unlabeled: Vec<Vec<char>> =
            std::mem::take(&mut self.unlabeled).iter().map(|t| t.chars().collect()).collect();
        if labels.is_empty() || labeled.is_empty() {
            return vec![Reply::Failed { job: Some(job), why: LearnFailure::NothingToLearn }.into()];
        }
        let mut examples: Vec<Example> = labeled.into_iter().map(|t| example_of(t, labels.len())).collect();
        let mut rng = SplitMix64(seed ^ 0x9e37_79b9_7f4a_7c15);
        rng.shuffle(&mut examples);
        let keep_back =
            if hold_out && examples.len() >= HOLD_OUT_FROM { (examples.len() / 10).max(1) } else { 0 };
        let chars_of = |texts: &[Example]| texts.iter().map(|e| e.chars.len()).sum::<usize>();
        let everything =
            (keep_back > 0 && chars_of(&examples) <= self.retrain_chars).then(|| examples.clone());
        let held_out: Vec<Example> = examples.drain(..keep_back).collect();
        // What the model in use learns from.
        let final_set = everything.as_deref().unwrap_or(&examples);
        let (trained, chars) = (final_set.len(), chars_of(final_set));
        // Averaging orders needs the texts again: only where the model in use is retrained.
        let orders = if everything.is_some() { orders_for(chars) } else { 1 };
        self.job = Some(Job::Train(Box::new(Training {
            job,
            labels,
            seed,
            setup: Some((examples, unlabeled)),
            trainer: None,
            held_out,
            everything,
            orders_done: Vec::new(),
            orders,
            from_text: None,
            estimate: None,
            trained,
            chars,
        })));
        vec![progress(job, Stage::Preparing, 0.0, 0, 0)]
    }

    /// Does about `budget` characters' worth of the job under way and says how far it is.
    pub fn step(&mut self, budget: usize) -> Vec<Outgoing> {
        match self.job.take() {
            None => Vec::new(),
            Some(Job::Train(mut training)) => {
                if let Some((examples, unlabeled)) = training.setup.take() {
                    let options = TrainOptions { seed: training.seed, ..TrainOptions::default() };
                    let trainer = Trainer::new(training.labels.clone(), examples, &unlabeled, options);
                    let p = trainer.progress();
                    training.trainer = Some(trainer);
                    let job = training.job;
                    self.job = Some(Job::Train(training));
                    return vec![progress(job, Stage::Training, 0.0, p.epoch, p.epochs)];
                }
                let stage = if training.estimate.is_some() { Stage::Retraining } else { Stage::Training };
                let Some(trainer) = training.trainer.as_mut() else { return Vec::new() };
                let p = trainer.work(budget);
                if !p.is_finished() {
                    let job = training.job;
                    let (fraction, epoch, epochs) = training.overall(&p);
                    self.job = Some(Job::Train(training));
                    return vec![progress(job, stage, fraction, epoch, epochs)];
                }
                if let Some(p) = train_again(&mut training) {
                    let job = training.job;
                    let (fraction, epoch, epochs) = training.overall(&p);
                    self.job = Some(Job::Train(training));
                    return vec![progress(job, Stage::Retraining, fraction, epoch, epochs)];
                }
                vec![self.finish_training(*training)]
            }
            Some(Job::Suggest(mut suggesting)) => {
                let Some(tagger) = &self.model else {
                    return vec![
                        Reply::Failed { job: Some(suggesting.job), why: LearnFailure::ModelGone }.into()
                    ];
                };
                let mut docs = Vec::new();
                let mut spent = 0;
                while spent < budget {
                    let Some(doc) = suggesting.queue.pop_front() else { break };
                    spent += doc.text.chars().count().max(1);
                    docs.push((doc.id.clone(), suggest(tagger, &doc.text, suggesting.threshold)));
                }
                let finished = suggesting.queue.is_empty();
                let fraction = 1.0 - suggesting.queue.len() as f64 / suggesting.total.max(1) as f64;
                let job = suggesting.job;
                if !finished {
                    self.job = Some(Job::Suggest(suggesting));
                }
                vec![Reply::Suggested { job, docs, finished, fraction }.into()]
            }
        }
    }

    fn finish_training(&mut self, training: Training) -> Outgoing {
        let Training { job, trainer, held_out, trained, chars, estimate: made, orders_done, .. } = training;
        let Some(trainer) = trainer else {
            return Reply::Failed { job: Some(job), why: LearnFailure::NeverPrepared }.into();
        };
        let epochs = trainer.progress().epochs;
        let mut tagger = Tagger::average(trainer.finish(), orders_done);
        let made = match made {
            // The model in use learned from the held-out texts too: it keeps the first
            // model's calibration.
            Some(made) => {
                tagger.set_scale(made.scale);
                Some(made)
            }
            None if held_out.is_empty() => None,
            None => Some(estimate(&mut tagger, &held_out)),
        };
        let (scores, overall) = match made {
            Some(Estimate { scores, overall, .. }) => (scores, Some(overall)),
            None => (Vec::new(), None),
        };
        let bytes = tagger.to_bytes();
        let summary = ModelSummary {
            labels: tagger.labels().to_vec(),
            trained,
            held_out: held_out.len(),
            chars,
            epochs,
            scale: tagger.scale(),
            scores,
            overall,
            bytes: bytes.len(),
        };
        self.model = Some(tagger);
        Outgoing { reply: Reply::Trained { job, summary }, model: Some(bytes) }
    }
}

fn progress(job: u64, stage: Stage, fraction: f64, epoch: u32, epochs: u32) -> Outgoing {
    Reply::Progress { job, stage, fraction, epoch, epochs }.into()
}

/// A confirmed text as an example; spans out of the text or naming no label are left out
/// (the page sends only good ones, but a worker must not fall over on a bad message).
fn example_of(text: LabeledText, labels: usize) -> Example {
    let chars: Vec<char> = text.text.chars().collect();
    let spans = text
        .spans
        .into_iter()
        .filter(|&(start, end, label)| start < end && end <= chars.len() && usize::from(label) < labels)
        .map(|(start, end, label)| LabeledRange { range: CharRange { start, end }, label })
        .collect();
    Example { chars, spans }
}

/// The model's spans on `text` of confidence `threshold` or more, as suggestions (scores to
/// three decimals: more would only fill storage; the threshold applies to the score shown).
pub fn suggest(tagger: &Tagger, text: &str, threshold: f64) -> Vec<Suggestion> {
    let chars: Vec<char> = text.chars().collect();
    let labels: Vec<Rc<str>> = tagger.labels().iter().map(|l| Rc::from(l.as_str())).collect();
    tagger
        .predict(&chars)
        .into_iter()
        .filter_map(|p| {
            let score = (f64::from(p.confidence) * 1000.0).round() / 1000.0;
            let label = labels.get(usize::from(p.label))?.clone();
            let mut suggestion = Suggestion::new(p.range, label, SuggestionSource::Model);
            suggestion.score = Some(score);
            (score >= threshold).then_some(suggestion)
        })
        .collect()
}
