//! The weights being trained: an averaged structured perceptron.
//!
//! Each update adds 1 to the weights of the gold tag's features and takes 1 from the predicted
//! tag's, where the two differ. The model kept is the average of the weights over every step,
//! which generalises far better than the last weights; it is computed without summing at every
//! step: beside each weight `w` we keep `stamped`, the sum of `step × change`, and the average
//! after `steps` steps is `w − stamped / steps`.
//!
//! A feature only gets a row once an update touches it, and a row holds only the tags updates
//! touched (usually one to three of them): a character n-gram seen once in a correctly tagged
//! sentence costs nothing.

use super::features::Features;
use super::tags::Tag;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The features are already well-mixed 64-bit hashes: the map uses them as they are.
#[derive(Default)]
pub struct Passthrough(u64);

impl Hasher for Passthrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type FeatureMap<V> = HashMap<u64, V, BuildHasherDefault<Passthrough>>;

/// A quick hasher for small keys (characters, pairs of them): std's default (SipHash) is built
/// to resist chosen keys, which costs a third of the training time here and buys nothing.
#[derive(Default)]
pub struct Mix(u64);

impl Hasher for Mix {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        let mut z = (self.0 ^ n).wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        self.0 = z ^ (z >> 31);
    }
}

pub type QuickMap<K, V> = HashMap<K, V, BuildHasherDefault<Mix>>;

#[derive(Clone, Copy)]
struct Entry {
    tag: Tag,
    weight: i32,
    stamped: i64,
}

impl Entry {
    fn change(&mut self, delta: i32, step: i64) {
        self.weight += delta;
        self.stamped += step * i64::from(delta);
    }

    fn averaged(&self, steps: i64) -> f32 {
        (f64::from(self.weight) - self.stamped as f64 / steps as f64) as f32
    }
}

pub struct Weights {
    t: usize,
    index: FeatureMap<u32>,
    rows: Vec<Vec<Entry>>,
    /// Every row's weights as they stand, `t` a row (0 where its entries hold no such tag),
    /// for scoring: one read per feature, where going through the map and the row's entries
    /// costs three dependent reads (the map's slot, the row, its entries), each a likely cache
    /// miss in a table of a hundred thousand features. Scoring is most of a training's time;
    /// this halved the training time. Adding a row's zeros changes no sum.
    current: Vec<f32>,
    /// `(t + 1) × t`: row `t` is the start of the text.
    transitions: Vec<Entry>,
    /// Starts at 1 and grows by one per training text.
    step: i64,
}

/// A feature interned in [`Weights`]: its row, which it keeps for the weights' lifetime.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Row(u32);

/// What the weights can be looked up by: a feature's hash, or its row once interned (a
/// trainer interns the features of a small set once, and every pass skips the map).
pub trait Key: Copy {
    /// The feature's row, if an update or [`Weights::intern`] gave it one.
    fn find(self, weights: &Weights) -> Option<u32>;
    /// The feature's row, made if it has none.
    fn row(self, weights: &mut Weights) -> u32;
}

impl Key for u64 {
    fn find(self, weights: &Weights) -> Option<u32> {
        weights.index.get(&self).copied()
    }
    fn row(self, weights: &mut Weights) -> u32 {
        weights.row_of(self)
    }
}

impl Key for Row {
    fn find(self, _: &Weights) -> Option<u32> {
        Some(self.0)
    }
    fn row(self, _: &mut Weights) -> u32 {
        self.0
    }
}

/// The averaged weights, ready for tagging: each feature's `(tag, weight)` pairs, and the
/// transitions.
pub struct Averaged {
    pub rows: Vec<(u64, Vec<(Tag, f32)>)>,
    pub transitions: Vec<f32>,
}

impl Weights {
    pub fn new(t: usize) -> Weights {
        Weights {
            t,
            index: FeatureMap::default(),
            rows: Vec::new(),
            current: Vec::new(),
            transitions: (0..(t + 1) * t)
                .map(|k| Entry { tag: (k % t) as Tag, weight: 0, stamped: 0 })
                .collect(),
            step: 1,
        }
    }

    fn row_of(&mut self, feature: u64) -> u32 {
        let next = self.rows.len() as u32;
        let row = *self.index.entry(feature).or_insert(next);
        if row == next {
            self.rows.push(Vec::new());
            self.current.resize(self.current.len() + self.t, 0.0);
        }
        row
    }

    /// `features` as rows of these weights, made for the features that have none (empty rows
    /// cost no entries, and the averaged model leaves them out).
    pub fn intern(&mut self, features: &Features) -> Features<Row> {
        features.map(|f| Row(self.row_of(f)))
    }

    /// The current (not averaged) scores of every tag at every character, into `out`
    /// (`n × t`), and the transitions' current weights into `transitions`.
    pub fn scores<K: Key>(&self, features: &Features<K>, out: &mut Vec<f32>, transitions: &mut Vec<f32>) {
        let t = self.t;
        features.scores(t, out, |f, row_out| {
            if let Some(row) = f.find(self) {
                let weights = &self.current[row as usize * t..][..t];
                for (score, weight) in row_out.iter_mut().zip(weights) {
                    *score += weight;
                }
            }
        });
        transitions.clear();
        transitions.extend(self.transitions.iter().map(|e| e.weight as f32));
    }

    fn change(&mut self, row: u32, tag: Tag, delta: i32) {
        let entries = &mut self.rows[row as usize];
        let entry = match entries.iter().position(|e| e.tag == tag) {
            Some(k) => &mut entries[k],
            None => {
                // Most rows hold one to three tags: two places before the vector's own growth.
                if entries.capacity() == 0 {
                    entries.reserve_exact(2);
                }
                entries.push(Entry { tag, weight: 0, stamped: 0 });
                entries.last_mut().expect("just pushed")
            }
        };
        entry.change(delta, self.step);
        self.current[row as usize * self.t + usize::from(tag)] = entry.weight as f32;
    }

    /// One training text seen: moves the weights from `predicted` towards `gold` where they
    /// differ, then counts the step. Returns whether they differed.
    pub fn learn<K: Key>(&mut self, features: &Features<K>, gold: &[Tag], predicted: &[Tag]) -> bool {
        let t = self.t;
        let mut wrong = false;
        for i in 0..gold.len() {
            let (g, p) = (gold[i], predicted[i]);
            let (g_prev, p_prev) =
                if i == 0 { (t, t) } else { (usize::from(gold[i - 1]), usize::from(predicted[i - 1])) };
            if g != p {
                wrong = true;
                for &f in features.at(i) {
                    let row = f.row(self);
                    self.change(row, g, 1);
                    self.change(row, p, -1);
                }
            }
            if (g_prev, g) != (p_prev, p) {
                let step = self.step;
                self.transitions[g_prev * t + usize::from(g)].change(1, step);
                self.transitions[p_prev * t + usize::from(p)].change(-1, step);
            }
        }
        self.step += 1;
        wrong
    }

    /// The average of the weights over every step, leaving out weights that average to zero.
    pub fn average(self) -> Averaged {
        let steps = self.step;
        let mut rows: Vec<(u64, Vec<(Tag, f32)>)> = self
            .index
            .into_iter()
            .filter_map(|(feature, row)| {
                let mut entries: Vec<(Tag, f32)> = self.rows[row as usize]
                    .iter()
                    .map(|e| (e.tag, e.averaged(steps)))
                    .filter(|&(_, w)| w != 0.0)
                    .collect();
                entries.sort_unstable_by_key(|e| e.0);
                (!entries.is_empty()).then_some((feature, entries))
            })
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        Averaged { rows, transitions: self.transitions.iter().map(|e| e.averaged(steps)).collect() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_average_counts_each_weight_for_the_steps_it_held() {
        let mut w = Weights::new(3);
        let features = Features { features: vec![42], starts: vec![0, 1] };
        // Step 1: gold 1, predicted 0. Steps 2 and 3: right.
        assert!(w.learn(&features, &[1], &[0]));
        assert!(!w.learn(&features, &[1], &[1]));
        assert!(!w.learn(&features, &[1], &[1]));
        let averaged = w.average();
        // Held +1 for steps 1..=3 of 3 → 1; but averaged over steps 1..4 (step counter at 4):
        // w − stamped/steps = 1 − 1/4.
        assert_eq!(averaged.rows, vec![(42, vec![(0, -0.75), (1, 0.75)])]);
        assert_eq!(averaged.transitions[3 * 3 + 1], 0.75);
    }

    #[test]
    fn interned_rows_train_and_score_exactly_as_hashes_do() {
        // Three characters; features shared between them and between the texts.
        let texts = [
            (Features { features: vec![7, 8, 8, 9, 7, 10], starts: vec![0, 2, 4, 6] }, vec![1u16, 2, 0]),
            (Features { features: vec![9, 11, 7, 12], starts: vec![0, 1, 3, 4] }, vec![0, 3, 1]),
        ];
        let (mut hashed, mut interned) = (Weights::new(4), Weights::new(4));
        let rows: Vec<Features<Row>> = texts.iter().map(|(f, _)| interned.intern(f)).collect();
        let (mut a, mut b, mut ta, mut tb) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for pass in 0..3u16 {
            for ((features, gold), rows) in texts.iter().zip(&rows) {
                hashed.scores(features, &mut a, &mut ta);
                interned.scores(rows, &mut b, &mut tb);
                assert_eq!((&a, &ta), (&b, &tb), "pass {pass}");
                // A prediction that differs from gold differently each pass.
                let predicted: Vec<Tag> = gold.iter().map(|&g| (g + pass) % 4).collect();
                assert_eq!(hashed.learn(features, gold, &predicted), interned.learn(rows, gold, &predicted));
            }
        }
        let (x, y) = (hashed.average(), interned.average());
        assert_eq!((x.rows, x.transitions), (y.rows, y.transitions));
    }
}
