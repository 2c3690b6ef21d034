//! How strongly two neighbouring characters stick together in plain text: pointwise mutual
//! information, `log2(p(ab) / (p(a) p(b)))`, in whole-number steps. A name is a unit that
//! recurs, so its characters cohere more than the characters at its edges do; like the
//! character classes, this is learned from unannotated text (a project's whole corpus).

use super::weights::QuickMap;

/// Pairs seen fewer times are left out (their estimate is noise, and the model stays small).
const MIN_PAIR: u32 = 3;
/// Steps are capped at ±this.
const CAP: i32 = 10;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cohesion {
    steps: QuickMap<(char, char), i8>,
}

impl Cohesion {
    pub fn learn<'a>(texts: impl Iterator<Item = &'a [char]>) -> Cohesion {
        let mut singles: QuickMap<char, u32> = QuickMap::default();
        let mut pairs: QuickMap<(char, char), u32> = QuickMap::default();
        let mut total = 0u64;
        for text in texts {
            total += count(text, &mut singles, &mut pairs);
        }
        let total = total.max(1) as f64;
        let steps = pairs
            .into_iter()
            .filter(|&(_, n)| n >= MIN_PAIR)
            .map(|((a, b), n)| {
                let (pa, pb) = (f64::from(singles[&a]) / total, f64::from(singles[&b]) / total);
                let pmi = (f64::from(n) / total / (pa * pb)).log2();
                ((a, b), (pmi.round() as i32).clamp(-CAP, CAP) as i8)
            })
            .collect();
        Cohesion { steps }
    }

    pub fn from_pairs(pairs: impl IntoIterator<Item = ((char, char), i8)>) -> Cohesion {
        Cohesion { steps: pairs.into_iter().collect() }
    }

    /// Every known pair with its step, in order.
    pub fn pairs(&self) -> Vec<((char, char), i8)> {
        let mut pairs: Vec<_> = self.steps.iter().map(|(&k, &v)| (k, v)).collect();
        pairs.sort_unstable();
        pairs
    }

    /// The step of `a` followed by `b`, if they were seen together often enough.
    pub fn of(&self, a: char, b: char) -> Option<i8> {
        self.steps.get(&(a, b)).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}

/// Counts `text`'s characters and neighbouring pairs; returns how many characters it has. Out
/// of line for V8's sake (see `clusters::count_chars`): a loop in a function called once runs
/// unoptimised.
#[inline(never)]
fn count(text: &[char], singles: &mut QuickMap<char, u32>, pairs: &mut QuickMap<(char, char), u32>) -> u64 {
    for (i, &c) in text.iter().enumerate() {
        *singles.entry(c).or_default() += 1;
        if let Some(&next) = text.get(i + 1) {
            *pairs.entry((c, next)).or_default() += 1;
        }
    }
    text.len() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_that_recur_together_cohere_more_than_chance_pairs() {
        let mut texts: Vec<Vec<char>> = Vec::new();
        for filler in ["的", "了", "在", "是", "和", "有"] {
            for _ in 0..5 {
                texts.push(format!("郑州{filler}发展{filler}郑州").chars().collect());
            }
        }
        let cohesion = Cohesion::learn(texts.iter().map(Vec::as_slice));
        let together = cohesion.of('郑', '州').expect("seen");
        let apart = cohesion.of('州', '的').expect("seen");
        assert!(together > apart, "{together} vs {apart}");
        assert_eq!(cohesion.of('州', '郑'), None);
        assert_eq!(Cohesion::from_pairs(cohesion.pairs()), cohesion);
    }
}
