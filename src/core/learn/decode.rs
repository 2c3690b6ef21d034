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
    // Forward–backward in probabilities with a scale per character (Rabiner's scaling): the
    // exponentials are taken once per transition and once per character and tag, not for every
    // pair at every character as in log space; f64, and every factor shifted so its largest
    // is 1, keep it from overflowing (the shifts multiply every sequence alike and cancel).
    let top_edge = (0..(t + 1) * t)
        .filter(|&k| grammar.allowed[k])
        .map(|k| f64::from(transitions[k] * scale))
        .fold(f64::NEG_INFINITY, f64::max);
    let edge: Vec<f64> = (0..(t + 1) * t)
        .map(|k| if grammar.allowed[k] { (f64::from(transitions[k] * scale) - top_edge).exp() } else { 0.0 })
        .collect();
    let mut emit = vec![0f64; n * t];
    for (row, out) in emissions.chunks(t).zip(emit.chunks_mut(t)) {
        let top = row.iter().map(|&e| f64::from(e * scale)).fold(f64::NEG_INFINITY, f64::max);
        for (e, o) in row.iter().zip(out.iter_mut()) {
            *o = (f64::from(e * scale) - top).exp();
        }
    }
    // alpha[i] sums to 1; c[i] is what it was divided by.
    let mut alpha = vec![0f64; n * t];
    let mut c = vec![0f64; n];
    for i in 0..n {
        for y in 0..t {
            let into = if i == 0 {
                edge[t * t + y]
            } else {
                (0..t).map(|p| alpha[(i - 1) * t + p] * edge[p * t + y]).sum()
            };
            alpha[i * t + y] = into * emit[i * t + y];
        }
        c[i] = alpha[i * t..(i + 1) * t].iter().sum::<f64>();
        if c[i] > 0.0 {
            alpha[i * t..(i + 1) * t].iter_mut().for_each(|a| *a /= c[i]);
        }
    }
    let mut beta = vec![0f64; n * t];
    for y in 0..t {
        beta[(n - 1) * t + y] = if grammar.ends[y] { 1.0 } else { 0.0 };
    }
    for i in (0..n - 1).rev() {
        for y in 0..t {
            let on: f64 =
                (0..t).map(|z| edge[y * t + z] * emit[(i + 1) * t + z] * beta[(i + 1) * t + z]).sum();
            beta[i * t + y] = if c[i + 1] > 0.0 { on / c[i + 1] } else { 0.0 };
        }
    }
    let z: f64 = (0..t).map(|y| alpha[(n - 1) * t + y] * beta[(n - 1) * t + y]).sum();
    spans
        .into_iter()
        .map(|span| {
            let (s, e) = (span.range.start, span.range.end);
            let mut p = alpha[s * t + usize::from(tags[s])];
            for k in s + 1..e {
                let (from, to) = (usize::from(tags[k - 1]), usize::from(tags[k]));
                p *= edge[from * t + to] * emit[k * t + to] / c[k];
            }
            p *= beta[(e - 1) * t + usize::from(tags[e - 1])];
            let p = if z > 0.0 && p.is_finite() { p / z } else { 0.0 };
            (span, (p as f32).clamp(0.0, 1.0))
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
