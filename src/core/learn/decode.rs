//! The best tag sequence for a text's scores (Viterbi), and how sure the model is of each span in
//! it (forward–backward over the same scores).
//!
//! Scores come as `emissions[i * t + y]` (character `i` tagged `y`, `t` tags) and
//! `transitions[p * t + y]` (tag `p` followed by `y`; row `t` is the start of the text).
//! Only well-formed BIOES sequences are considered (see [`super::tags::follows`]).

use super::tags::{decode, follows, may_end, LabeledRange, Tag};

/// Which tag pairs may follow each other, for `t` tags.
pub struct Grammar {
    pub t: usize,
    allowed: Vec<bool>,
    ends: Vec<bool>,
}

impl Grammar {
    pub fn new(t: usize) -> Grammar {
        let mut allowed = vec![false; (t + 1) * t];
        for prev in 0..=t {
            for next in 0..t {
                let prev = (prev < t).then_some(prev as Tag);
                allowed[prev.map_or(t, usize::from) * t + next] = follows(prev, next as Tag);
            }
        }
        Grammar { t, allowed, ends: (0..t).map(|y| may_end(y as Tag)).collect() }
    }

    fn allows(&self, prev: usize, next: usize) -> bool {
        self.allowed[prev * self.t + next]
    }
}

/// The highest-scoring well-formed tag sequence for `n` characters.
pub fn viterbi(grammar: &Grammar, emissions: &[f32], transitions: &[f32], n: usize) -> Vec<Tag> {
    let t = grammar.t;
    if n == 0 {
        return Vec::new();
    }
    let mut best = vec![f32::NEG_INFINITY; n * t];
    let mut back = vec![0u16; n * t];
    for y in 0..t {
        if grammar.allows(t, y) {
            best[y] = transitions[t * t + y] + emissions[y];
        }
    }
    for i in 1..n {
        for y in 0..t {
            let mut top = (f32::NEG_INFINITY, 0usize);
            for p in 0..t {
                if grammar.allows(p, y) {
                    let score = best[(i - 1) * t + p] + transitions[p * t + y];
                    if score > top.0 {
                        top = (score, p);
                    }
                }
            }
            best[i * t + y] = top.0 + emissions[i * t + y];
            back[i * t + y] = top.1 as u16;
        }
    }
    let last = (0..t)
        .filter(|&y| grammar.ends[y])
        .max_by(|&a, &b| best[(n - 1) * t + a].total_cmp(&best[(n - 1) * t + b]).then(b.cmp(&a)))
        .unwrap_or(0);
    let mut tags = vec![0 as Tag; n];
    tags[n - 1] = last as Tag;
    for i in (1..n).rev() {
        tags[i - 1] = back[i * t + usize::from(tags[i])];
    }
    tags
}

/// `ln Σ exp(v)`, shifted by the largest value so nothing overflows; two passes over the
/// values rather than a copy of them (it runs t² times per character).
fn log_sum_exp(values: impl Iterator<Item = f32> + Clone) -> f32 {
    let top = values.clone().fold(f32::NEG_INFINITY, f32::max);
    if top == f32::NEG_INFINITY {
        return top;
    }
    top + values.map(|v| (v - top).exp()).sum::<f32>().ln()
}

/// The spans of `tags` with the probability that each is exactly right, reading the scores
/// times `scale` as log-potentials of a linear-chain model: the total weight of the sequences
/// that tag the span's characters as `tags` does, over the weight of all sequences.
pub fn spans_with_confidence(
    grammar: &Grammar,
    emissions: &[f32],
    transitions: &[f32],
    tags: &[Tag],
    scale: f32,
) -> Vec<(LabeledRange, f32)> {
    let (t, n) = (grammar.t, tags.len());
    let spans = decode(tags);
    if spans.is_empty() {
        return Vec::new();
    }
    let edge = |p: usize, y: usize| {
        if grammar.allows(p, y) {
            transitions[p * t + y] * scale
        } else {
            f32::NEG_INFINITY
        }
    };
    let emit = |i: usize, y: usize| emissions[i * t + y] * scale;
    let mut alpha = vec![f32::NEG_INFINITY; n * t];
    for (y, a) in alpha[..t].iter_mut().enumerate() {
        *a = edge(t, y) + emit(0, y);
    }
    for i in 1..n {
        for y in 0..t {
            alpha[i * t + y] = log_sum_exp((0..t).map(|p| alpha[(i - 1) * t + p] + edge(p, y))) + emit(i, y);
        }
    }
    let mut beta = vec![f32::NEG_INFINITY; n * t];
    for y in 0..t {
        beta[(n - 1) * t + y] = if grammar.ends[y] { 0.0 } else { f32::NEG_INFINITY };
    }
    for i in (0..n - 1).rev() {
        for y in 0..t {
            beta[i * t + y] =
                log_sum_exp((0..t).map(|z| edge(y, z) + emit(i + 1, z) + beta[(i + 1) * t + z]));
        }
    }
    let log_z = log_sum_exp((0..t).map(|y| alpha[(n - 1) * t + y] + beta[(n - 1) * t + y]));
    spans
        .into_iter()
        .map(|span| {
            let (s, e) = (span.range.start, span.range.end);
            let mut log_p = alpha[s * t + usize::from(tags[s])];
            for k in s + 1..e {
                log_p += edge(usize::from(tags[k - 1]), usize::from(tags[k])) + emit(k, usize::from(tags[k]));
            }
            log_p += beta[(e - 1) * t + usize::from(tags[e - 1])] - log_z;
            (span, log_p.exp().clamp(0.0, 1.0))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::learn::tags::{encode, tag, tag_count, Part};
    use crate::core::offsets::CharRange;

    /// Every well-formed sequence of `n` tags, by brute force.
    fn all_sequences(grammar: &Grammar, n: usize) -> Vec<Vec<Tag>> {
        let mut out = vec![Vec::new()];
        for _ in 0..n {
            out = out
                .into_iter()
                .flat_map(|seq: Vec<Tag>| {
                    (0..grammar.t as Tag)
                        .filter(|&y| follows(seq.last().copied(), y))
                        .map(|y| {
                            let mut longer = seq.clone();
                            longer.push(y);
                            longer
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
        }
        out.retain(|seq| seq.last().is_none_or(|&y| may_end(y)));
        out
    }

    fn score(seq: &[Tag], e: &[f32], tr: &[f32], t: usize) -> f32 {
        let mut prev = t;
        let mut total = 0.0;
        for (i, &y) in seq.iter().enumerate() {
            total += tr[prev * t + usize::from(y)] + e[i * t + usize::from(y)];
            prev = usize::from(y);
        }
        total
    }

    /// Deterministic pseudo-random scores.
    fn scores(len: usize, seed: u64) -> Vec<f32> {
        let mut rng = crate::core::rng::SplitMix64(seed);
        (0..len).map(|_| (rng.below(2001) as f32 - 1000.0) / 250.0).collect()
    }

    #[test]
    fn viterbi_finds_the_best_well_formed_sequence() {
        let t = tag_count(2);
        let grammar = Grammar::new(t);
        for seed in 0..20 {
            let n = 1 + seed as usize % 4;
            let (e, tr) = (scores(n * t, seed), scores((t + 1) * t, seed + 100));
            let best = viterbi(&grammar, &e, &tr, n);
            let brute = all_sequences(&grammar, n)
                .into_iter()
                .map(|s| score(&s, &e, &tr, t))
                .fold(f32::NEG_INFINITY, f32::max);
            assert!((score(&best, &e, &tr, t) - brute).abs() < 1e-4, "seed {seed}");
            assert!(all_sequences(&grammar, n).contains(&best));
        }
    }

    #[test]
    fn confidence_is_the_share_of_sequences_holding_the_span() {
        let t = tag_count(2);
        let grammar = Grammar::new(t);
        for seed in 0..10 {
            let n = 3;
            let (e, tr) = (scores(n * t, seed), scores((t + 1) * t, seed + 7));
            let tags = viterbi(&grammar, &e, &tr, n);
            let all = all_sequences(&grammar, n);
            let weight = |s: &Vec<Tag>| (score(s, &e, &tr, t) * 0.5).exp();
            let z: f32 = all.iter().map(weight).sum();
            for (span, p) in spans_with_confidence(&grammar, &e, &tr, &tags, 0.5) {
                let (s, end) = (span.range.start, span.range.end);
                let held: f32 = all.iter().filter(|q| q[s..end] == tags[s..end]).map(weight).sum();
                assert!((p - held / z).abs() < 1e-3, "seed {seed}: {p} vs {}", held / z);
            }
        }
    }

    #[test]
    fn strong_emissions_are_followed() {
        let t = tag_count(1);
        let grammar = Grammar::new(t);
        let gold = encode(4, &[LabeledRange { range: CharRange { start: 1, end: 3 }, label: 0 }]);
        let mut e = vec![0.0; 4 * t];
        for (i, &y) in gold.iter().enumerate() {
            e[i * t + usize::from(y)] = 5.0;
        }
        let tags = viterbi(&grammar, &e, &vec![0.0; (t + 1) * t], 4);
        assert_eq!(tags, vec![0, tag(Part::Begin, 0), tag(Part::End, 0), 0]);
        assert!(viterbi(&grammar, &[], &[], 0).is_empty());
    }
}
