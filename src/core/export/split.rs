//! A train/dev/test split that a rerun with the same seed reproduces.

use crate::core::rng::SplitMix64;
use serde::{Deserialize, Serialize};

/// Percentages for train, dev and test, which must add up to 100 (see [`SplitSpec::check`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SplitSpec {
    pub train: u32,
    pub dev: u32,
    pub test: u32,
    pub seed: u64,
}

/// Why a split was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SplitError {
    /// The percentages as given (summed without overflow).
    pub train: u32,
    pub dev: u32,
    pub test: u32,
}

impl std::fmt::Display for SplitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sum = u64::from(self.train) + u64::from(self.dev) + u64::from(self.test);
        write!(
            f,
            "train {} % + dev {} % + test {} % = {sum} %; the percentages must add up to 100",
            self.train, self.dev, self.test
        )
    }
}

impl std::error::Error for SplitError {}

impl SplitSpec {
    /// Percentages that add up to exactly 100 (each therefore at most 100).
    ///
    /// # Errors
    /// Any other sum, named in the error.
    pub fn check(&self) -> Result<(), SplitError> {
        let sum = u64::from(self.train) + u64::from(self.dev) + u64::from(self.test);
        if sum == 100 {
            Ok(())
        } else {
            Err(SplitError { train: self.train, dev: self.dev, test: self.test })
        }
    }
}

/// Names of the three parts, in order.
pub const SPLIT_NAMES: [&str; 3] = ["train", "dev", "test"];

/// Which part (0 train, 1 dev, 2 test) each of `n` items goes to.
pub fn assign(n: usize, spec: &SplitSpec) -> Vec<usize> {
    // Summed in u64: percentages are checked before an export, but this never overflows.
    let total = (u128::from(spec.train) + u128::from(spec.dev) + u128::from(spec.test)).max(1);
    let share =
        |percent: u32| ((n as u128 * u128::from(percent) + total / 2) / total).min(n as u128) as usize;
    let n_train = share(spec.train);
    let n_dev = share(spec.dev).min(n - n_train);
    let mut order: Vec<usize> = (0..n).collect();
    SplitMix64(spec.seed).shuffle(&mut order);
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
