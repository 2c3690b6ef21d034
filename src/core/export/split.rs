//! A train/dev/test split that a rerun with the same seed reproduces.

use serde::{Deserialize, Serialize};

/// Percentages for train, dev and test; they are scaled to their sum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SplitSpec {
    pub train: u32,
    pub dev: u32,
    pub test: u32,
    pub seed: u64,
}

/// A small, well-mixed generator (SplitMix64): deterministic on every platform, so the split
/// depends only on the seed and the number of items.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..bound` (bound > 0), without modulo bias worth noticing at these sizes.
    fn below(&mut self, bound: usize) -> usize {
        ((self.next() as u128 * bound as u128) >> 64) as usize
    }
}

/// Names of the three parts, in order.
pub const SPLIT_NAMES: [&str; 3] = ["train", "dev", "test"];

/// Which part (0 train, 1 dev, 2 test) each of `n` items goes to.
pub fn assign(n: usize, spec: &SplitSpec) -> Vec<usize> {
    let total = (spec.train + spec.dev + spec.test).max(1) as usize;
    let n_train = (n * spec.train as usize + total / 2) / total;
    let n_dev = ((n * spec.dev as usize + total / 2) / total).min(n - n_train.min(n));
    let mut order: Vec<usize> = (0..n).collect();
    let mut rng = SplitMix64(spec.seed);
    for i in (1..n).rev() {
        let j = rng.below(i + 1);
        order.swap(i, j);
    }
    let mut part = vec![2; n];
    for (rank, &item) in order.iter().enumerate() {
        part[item] = if rank < n_train {
            0
        } else if rank < n_train + n_dev {
            1
        } else {
            2
        };
    }
    part
}
