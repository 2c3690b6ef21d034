//! Training, a piece at a time: the browser's worker trains in slices so that it can report
//! progress and stop when asked; the command line runs the slices back to back.

use super::clusters::CharClasses;
use super::cohesion::Cohesion;
use super::decode::{viterbi, Grammar};
use super::features::{extract, Context, Features};
use super::lexicon::Lexicon;
use super::tagger::{Tagger, MAX_LABELS};
use super::tags::{encode, tag_count, Tag, OUTSIDE};
use super::weights::{Key, Row, Weights};
use super::Example;
use crate::core::rng::SplitMix64;

/// Which features occur at least twice in the training texts, by their numbers' top bits: two
/// bit sets of 2^25 bits (8 MB in all, whatever the corpus size). A map of exact counts held
/// millions of entries on MSRA and its lookups were a fifth of the training time. Two features
/// sharing top bits may let a rare one through, which costs nothing but a weight.
struct Common {
    once: Vec<u64>,
    twice: Vec<u64>,
}

const COMMON_BITS: u32 = 25;

impl Common {
    fn new() -> Common {
        let words = (1usize << COMMON_BITS) / 64;
        Common { once: vec![0; words], twice: vec![0; words] }
    }

    fn place(feature: u64) -> (usize, u64) {
        let bit = (feature >> (64 - COMMON_BITS)) as usize;
        (bit / 64, 1 << (bit % 64))
    }

    fn count(&mut self, feature: u64) {
        let (word, mask) = Common::place(feature);
        if self.once[word] & mask != 0 {
            self.twice[word] |= mask;
        }
        self.once[word] |= mask;
    }

    fn contains(&self, feature: u64) -> bool {
        let (word, mask) = Common::place(feature);
        self.twice[word] & mask != 0
    }
}

/// The confidences' scale before a calibration (`Tagger::calibrate`) sets it: at 1 the
/// averaged weights make nearly every span look certain (on MSRA after 1,000 sentences, three
/// quarters of the spans given 0.97 or more were right); calibrated on held-out texts the
/// scale came out between 0.05 and 0.1.
const UNCALIBRATED_SCALE: f32 = 0.1;
/// Up to this many training characters, each text's features are computed once.
const CACHE_CHARS: usize = 200_000;

/// Adds `margin` to the score of every tag but the gold one at each character of a name in
/// `scores` (position-major, the same number of tags at each), so that decoding prefers the
/// wrong tags there unless the right ones win by at least that much: loss-augmented decoding,
/// on names only. Characters outside names get no margin: a text whose names went unmarked
/// (an unannotated document trained on with "every document") then costs what it costs a
/// plain perceptron, where a margin on every character made its updates come back at full
/// size every pass (see `a_contradicting_document_does_not_unsettle_the_rest`).
fn raise_wrong_tags(scores: &mut [f32], gold: &[Tag], margin: f32) {
    if margin == 0.0 || gold.is_empty() {
        return;
    }
    let tags = scores.len() / gold.len();
    for (row, &right) in scores.chunks_exact_mut(tags).zip(gold) {
        if right == OUTSIDE {
            continue;
        }
        for (tag, score) in row.iter_mut().enumerate() {
            if tag != usize::from(right) {
                *score += margin;
            }
        }
    }
}

/// The features `example` is trained on: its lexicon matches leave out the terms only it
/// confirms, and features too rare to learn from are dropped.
fn features_of(example: &Example, context: &Context, common: &Common, out: &mut Features) {
    let own = context.lexicon.as_ref().map(|l| l.own_terms(example)).unwrap_or_default();
    extract(&example.chars, context, &|term| own.contains(&term), out);
    out.retain(|f| common.contains(f));
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrainOptions {
    /// Passes over the training texts, in a new order each time; 0 chooses by the amount of
    /// text (see [`auto_epochs`]).
    pub epochs: u32,
    /// Decides the orders: the same texts, options and seed give the same model.
    pub seed: u64,
    /// Features from the training texts' own names (see `lexicon`).
    pub lexicon: bool,
    /// How many character classes to learn from all the text (see `clusters`); 0: none.
    pub classes: usize,
    /// Features of how neighbouring characters cohere in all the text (see `cohesion`).
    pub cohesion: bool,
    /// How much the gold tags of a name's characters must win by, in weight units, before a
    /// text counts as learned (loss-augmented decoding, see [`raise_wrong_tags`]). A plain
    /// perceptron stops at the first correct tagging and leaves the gold path a hair's width
    /// ahead, which a small set pays for on unseen text, mostly in recall. On 1,000 MSRA
    /// sentences (three orders averaged, mean of seeds 1 to 8) test F1 was 0.649 at 0, 0.653
    /// at 5, 0.656 at 10, 0.654 at 15 and 0.655 at 20; on 5,000 (seed 1) 0.782 at 0 and 0.792
    /// at 10. A margin on every character, not only names', did as well on MSRA but let one
    /// unannotated document undo the rest.
    pub margin: u16,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 0, seed: 1, lexicon: true, classes: 256, cohesion: true, margin: 10 }
    }
}

/// Up to this many characters of training text (about 2,000 MSRA sentences), the model in use
/// is the average of [`ORDERS`] models trained on the same texts in different orders
/// ([`Tagger::average`]): a perceptron's weights depend on the order it saw the texts in,
/// and on a small set that matters. On 1,000 MSRA sentences (seeds 1 to 8) the mean test F1
/// was 0.641 for one model, 0.646 for two, 0.649–0.651 for three, 0.651 for four and 0.652
/// for five; on 5,000, 0.771 for one and 0.774 for three, for a training time a large set
/// cannot spare. The command line averages three on every text; the app's first member is
/// the model its estimate scored, trained on nine tenths (see `service::train_again`).
pub const AVERAGE_CHARS: usize = 100_000;
pub const ORDERS: u32 = 3;

/// How many orders to average for `chars` characters of training text.
pub fn orders_for(chars: usize) -> u32 {
    if chars <= AVERAGE_CHARS {
        ORDERS
    } else {
        1
    }
}

/// The seed of the `k`-th order of a training seeded `seed` (the 0th is `seed` itself).
pub fn order_seed(seed: u64, k: u32) -> u64 {
    if k == 0 {
        seed
    } else {
        SplitMix64(seed ^ u64::from(k).wrapping_mul(0x9E37_79B9_7F4A_7C15)).next_u64()
    }
}

/// Passes for `chars` characters of training text: a perceptron needs enough updates, so a
/// small set is passed over more often (20 times up to 50,000 characters, about a thousand
/// sentences), a large one 8 times (from 125,000 characters on). Fewer passes on a small set
/// cost little on average but move single samples: 1,000 MSRA sentences at 10 passes gave a
/// mean test F1 of 0.6556 over seeds 1 to 8 against 0.656 at 20, but the sample of the
/// browser benchmark fell from 0.652 to 0.648. Each pass was made cheaper instead (see
/// `Weights::current`).
pub fn auto_epochs(chars: usize) -> u32 {
    (1_000_000 / chars.max(1)).clamp(8, 20) as u32
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

/// What a training learns from all the text before it trains: the character classes and
/// cohesion (see `clusters`, `cohesion`).
#[derive(Clone, Debug, Default)]
pub struct FromText {
    classes: Option<CharClasses>,
    cohesion: Option<Cohesion>,
}

pub struct Trainer {
    labels: Vec<String>,
    examples: Vec<Example>,
    context: Context,
    common: Common,
    /// A small set's features, interned in `weights` (see `CACHE_CHARS`).
    cache: Option<Vec<Features<Row>>>,
    weights: Weights,
    grammar: Grammar,
    rng: SplitMix64,
    order: Vec<usize>,
    progress: Progress,
    /// A large set's features of the text at hand (reused from text to text).
    features: Features,
    buffers: Step,
}

/// One text's update, with the buffers it reuses from text to text.
struct Step {
    margin: f32,
    scores: Vec<f32>,
    transitions: Vec<f32>,
}

impl Step {
    /// Decodes a text with `features` (its tags `gold` given the margin) and moves the weights
    /// towards the gold tags where the decoding differs; returns whether it did.
    fn learn<K: Key>(
        &mut self,
        weights: &mut Weights,
        grammar: &Grammar,
        features: &Features<K>,
        gold: &[Tag],
    ) -> bool {
        weights.scores(features, &mut self.scores, &mut self.transitions);
        raise_wrong_tags(&mut self.scores, gold, self.margin);
        let predicted = viterbi(grammar, &self.scores, &self.transitions, gold.len());
        weights.learn(features, gold, &predicted)
    }
}

impl Trainer {
    /// A trainer for `labels` (at most 63) on `examples`, whose spans' labels index `labels`.
    /// Labels past the limit and spans naming no label are left out. `unlabeled` is more text
    /// of the same kind (a project's other documents), used only to learn character classes.
    pub fn new(
        labels: Vec<String>,
        examples: Vec<Example>,
        unlabeled: &[Vec<char>],
        options: TrainOptions,
    ) -> Trainer {
        let texts = examples.iter().map(|e| e.chars.as_slice()).chain(unlabeled.iter().map(Vec::as_slice));
        let classes = (options.classes > 0).then(|| CharClasses::learn(texts.clone(), options.classes));
        let cohesion = options.cohesion.then(|| Cohesion::learn(texts));
        Trainer::with(labels, examples, FromText { classes, cohesion }, options)
    }

    /// What this trainer learned from all the text, for another trainer on the same text (the
    /// slow part of [`Trainer::new`]).
    pub fn from_text(&self) -> FromText {
        FromText { classes: self.context.classes.clone(), cohesion: self.context.cohesion.clone() }
    }

    /// A trainer like [`Trainer::new`]'s that takes the character classes and cohesion as
    /// learned already (the lexicon is made from `examples`).
    pub fn with(
        mut labels: Vec<String>,
        mut examples: Vec<Example>,
        from_text: FromText,
        options: TrainOptions,
    ) -> Trainer {
        labels.truncate(MAX_LABELS);
        let count = labels.len() as u16;
        for example in &mut examples {
            example.spans.retain(|s| s.label < count);
        }
        let lexicon = options.lexicon.then(|| Lexicon::from_examples(&examples));
        let FromText { classes, cohesion } = from_text;
        let context = Context { lexicon, classes, cohesion };
        // Features seen only once are left out: they can only memorise the text they are in.
        let mut counts = Common::new();
        let mut features = Features::default();
        for example in &examples {
            extract(&example.chars, &context, &|_| false, &mut features);
            for &f in &features.features {
                counts.count(f);
            }
        }
        let t = tag_count(labels.len());
        let mut rng = SplitMix64(options.seed);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        rng.shuffle(&mut order);
        let chars: usize = examples.iter().map(|e| e.chars.len()).sum();
        let epochs = if options.epochs == 0 { auto_epochs(chars) } else { options.epochs };
        let progress = Progress { epoch: 0, epochs, done: 0, texts: examples.len(), mistakes: 0 };
        // A small set's features are kept from pass to pass (a large one's would not fit),
        // as rows of the weights, so that no pass looks a feature up by its hash.
        let mut weights = Weights::new(t);
        let cache = (chars <= CACHE_CHARS).then(|| {
            let mut features = Features::default();
            examples
                .iter()
                .map(|example| {
                    features_of(example, &context, &counts, &mut features);
                    weights.intern(&features)
                })
                .collect()
        });
        Trainer {
            labels,
            cache,
            examples,
            context,
            common: counts,
            weights,
            grammar: Grammar::new(t),
            rng,
            order,
            progress,
            features: Features::default(),
            buffers: Step { margin: f32::from(options.margin), scores: Vec::new(), transitions: Vec::new() },
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
            let k = self.order[self.progress.done];
            let example = &self.examples[k];
            let gold: Vec<Tag> = encode(example.chars.len(), &example.spans);
            let wrong = match &self.cache {
                Some(cache) => self.buffers.learn(&mut self.weights, &self.grammar, &cache[k], &gold),
                None => {
                    features_of(example, &self.context, &self.common, &mut self.features);
                    self.buffers.learn(&mut self.weights, &self.grammar, &self.features, &gold)
                }
            };
            if wrong {
                self.progress.mistakes += 1;
            }
            spent += example.chars.len().max(1);
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
        Tagger::new(self.labels, self.context, self.weights.average(), UNCALIBRATED_SCALE)
    }
}

#[cfg(test)]
mod margin_tests {
    use super::raise_wrong_tags;

    #[test]
    fn at_a_names_characters_every_tag_but_the_gold_one_is_raised_by_the_margin() {
        // Two characters of three tags; gold tags 2 (in a name) then 0 (outside, left alone).
        let cases = [(0.0, vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]), (10.0, vec![11.0, 12.0, 3.0, 4.0, 5.0, 6.0])];
        for (margin, want) in cases {
            let mut scores = vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
            raise_wrong_tags(&mut scores, &[2, 0], margin);
            assert_eq!(scores, want, "margin {margin}");
        }
    }

    #[test]
    fn an_empty_text_is_left_alone() {
        let mut scores: Vec<f32> = Vec::new();
        raise_wrong_tags(&mut scores, &[], 20.0);
        assert!(scores.is_empty());
    }
}
