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
    /// `(t + 1) × t`: row `t` is the start of the text.
    transitions: Vec<Entry>,
    /// Starts at 1 and grows by one per training text.
    step: i64,
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
            transitions: (0..(t + 1) * t)
                .map(|k| Entry { tag: (k % t) as Tag, weight: 0, stamped: 0 })
                .collect(),
            step: 1,
        }
    }

    /// The current (not averaged) scores of every tag at every character, into `out`
    /// (`n × t`), and the transitions' current weights into `transitions`.
    pub fn scores(&self, features: &Features, out: &mut Vec<f32>, transitions: &mut Vec<f32>) {
        features.scores(self.t, out, |f, row_out| {
            if let Some(&row) = self.index.get(&f) {
                for entry in &self.rows[row as usize] {
                    row_out[usize::from(entry.tag)] += entry.weight as f32;
                }
            }
        });
        transitions.clear();
        transitions.extend(self.transitions.iter().map(|e| e.weight as f32));
    }

    fn change(&mut self, feature: u64, tag: Tag, delta: i32) {
        let next = self.rows.len() as u32;
        let row = *self.index.entry(feature).or_insert(next);
        if row == next {
            self.rows.push(Vec::with_capacity(2));
        }
        let entries = &mut self.rows[row as usize];
        let entry = match entries.iter().position(|e| e.tag == tag) {
            Some(k) => &mut entries[k],
            None => {
                entries.push(Entry { tag, weight: 0, stamped: 0 });
                entries.last_mut().expect("just pushed")
            }
        };
        entry.change(delta, self.step);
    }

    /// One training text seen: moves the weights from `predicted` towards `gold` where they
    /// differ, then counts the step. Returns whether they differed.
    pub fn learn(&mut self, features: &Features, gold: &[Tag], predicted: &[Tag]) -> bool {
        let t = self.t;
        let mut wrong = false;
        for i in 0..gold.len() {
            let (g, p) = (gold[i], predicted[i]);
            let (g_prev, p_prev) =
                if i == 0 { (t, t) } else { (usize::from(gold[i - 1]), usize::from(predicted[i - 1])) };
            if g != p {
                wrong = true;
                for &f in features.at(i) {
                    self.change(f, g, 1);
                    self.change(f, p, -1);
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
}
