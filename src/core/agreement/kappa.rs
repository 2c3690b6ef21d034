//! Cohen's kappa over paired categorical tags (one pair per character and layer here).

use std::collections::HashMap;
use std::hash::Hash;

/// Counts of paired tags, added one pair at a time.
#[derive(Clone, Debug)]
pub struct Confusion<T: Eq + Hash> {
    pairs: usize,
    agreeing: usize,
    first: HashMap<T, usize>,
    second: HashMap<T, usize>,
}

impl<T: Eq + Hash> Default for Confusion<T> {
    fn default() -> Self {
        Confusion { pairs: 0, agreeing: 0, first: HashMap::new(), second: HashMap::new() }
    }
}

impl<T: Eq + Hash + Clone> Confusion<T> {
    pub fn add(&mut self, first: T, second: T) {
        self.pairs += 1;
        self.agreeing += usize::from(first == second);
        *self.first.entry(first).or_insert(0) += 1;
        *self.second.entry(second).or_insert(0) += 1;
    }

    /// Adds `count` pairs that are both `tag` (the characters neither annotator labelled).
    pub fn add_agreeing(&mut self, tag: T, count: usize) {
        if count == 0 {
            return;
        }
        self.pairs += count;
        self.agreeing += count;
        *self.first.entry(tag.clone()).or_insert(0) += count;
        *self.second.entry(tag).or_insert(0) += count;
    }

    /// κ = (p_o − p_e) / (1 − p_e), with p_o the share of agreeing pairs and p_e the agreement
    /// expected from each side's own tag frequencies. `None` when it is undefined: no pairs, or
    /// both sides used one and the same tag throughout (p_e = 1), as scikit-learn's
    /// `cohen_kappa_score` (which returns NaN there).
    pub fn kappa(&self) -> Option<f64> {
        if self.pairs == 0 {
            return None;
        }
        let n = self.pairs as f64;
        let observed = self.agreeing as f64 / n;
        let expected: f64 = self
            .first
            .iter()
            .map(|(tag, count)| *count as f64 / n * self.second.get(tag).copied().unwrap_or(0) as f64 / n)
            .sum();
        if (1.0 - expected).abs() < 1e-12 {
            return None;
        }
        Some((observed - expected) / (1.0 - expected))
    }
}
