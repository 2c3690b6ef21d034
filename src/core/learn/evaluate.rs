//! How good a model is on texts whose spans are known: precision, recall and F1 over exact
//! spans (label, start and end all equal), per label and over all, as seqeval's strict mode
//! counts them.

use super::tagger::Tagger;
use super::tags::{decode, encode, LabeledRange};
use super::Example;
use std::collections::HashSet;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Tally {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        ratio(2 * self.correct, self.gold + self.predicted)
    }
    fn add(&mut self, other: &Tally) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.correct += other.correct;
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    pub labels: Vec<String>,
    /// By label index.
    pub per_label: Vec<Tally>,
}

impl Evaluation {
    pub fn new(labels: Vec<String>) -> Evaluation {
        Evaluation { per_label: vec![Tally::default(); labels.len()], labels }
    }

    /// Over all labels (micro-averaged: every span counts once).
    pub fn overall(&self) -> Tally {
        let mut all = Tally::default();
        for t in &self.per_label {
            all.add(t);
        }
        all
    }

    /// Counts one text's gold and predicted spans (labels past the list are ignored).
    pub fn count(&mut self, gold: &[LabeledRange], predicted: &[LabeledRange]) {
        let gold_set: HashSet<&LabeledRange> = gold.iter().collect();
        for g in gold {
            if let Some(t) = self.per_label.get_mut(usize::from(g.label)) {
                t.gold += 1;
            }
        }
        for p in predicted {
            if let Some(t) = self.per_label.get_mut(usize::from(p.label)) {
                t.predicted += 1;
                if gold_set.contains(p) {
                    t.correct += 1;
                }
            }
        }
    }
}

/// `tagger` on `examples`: their gold spans are read as a tag sequence would hold them
/// (overlaps resolved as [`encode`] does), so the figures match a tagged file's.
pub fn evaluate(tagger: &Tagger, examples: &[Example]) -> Evaluation {
    let mut evaluation = Evaluation::new(tagger.labels().to_vec());
    for example in examples {
        let gold = decode(&encode(example.chars.len(), &example.spans));
        let predicted = decode(&tagger.tag(&example.chars));
        evaluation.count(&gold, &predicted);
    }
    evaluation
}

/// How often the spans a model suggests with a given confidence are exactly right: one row per
/// band of confidence, `(lowest, highest, spans, right)`.
pub fn reliability(tagger: &Tagger, examples: &[Example]) -> Vec<(f32, f32, usize, usize)> {
    let mut bands: Vec<(f32, f32, usize, usize)> =
        [(0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 0.97), (0.97, 1.0)]
            .iter()
            .map(|&(a, b)| (a, b, 0, 0))
            .collect();
    for example in examples {
        let gold: HashSet<LabeledRange> =
            decode(&encode(example.chars.len(), &example.spans)).into_iter().collect();
        for p in tagger.predict(&example.chars) {
            let last = bands.len() - 1;
            let band = bands.iter().position(|b| p.confidence < b.1).unwrap_or(last);
            bands[band].2 += 1;
            bands[band].3 += usize::from(gold.contains(&LabeledRange { range: p.range, label: p.label }));
        }
    }
    bands
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::offsets::CharRange;

    fn lr(start: usize, end: usize, label: u16) -> LabeledRange {
        LabeledRange { range: CharRange { start, end }, label }
    }

    #[test]
    fn exact_spans_count_and_near_misses_do_not() {
        let mut e = Evaluation::new(vec!["PER".into(), "LOC".into()]);
        e.count(&[lr(0, 3, 0), lr(4, 6, 1), lr(7, 9, 1)], &[lr(0, 3, 0), lr(4, 5, 1), lr(7, 9, 0)]);
        assert_eq!(e.per_label[0], Tally { gold: 1, predicted: 2, correct: 1 });
        assert_eq!(e.per_label[1], Tally { gold: 2, predicted: 1, correct: 0 });
        let all = e.overall();
        assert_eq!(all, Tally { gold: 3, predicted: 3, correct: 1 });
        assert!((all.f1() - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(Tally::default().f1(), 0.0);
    }
}
