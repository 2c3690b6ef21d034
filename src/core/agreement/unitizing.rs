//! Krippendorff's unitizing alpha (αu) for one category over a continuum of character
//! positions (Krippendorff 1995, "On the reliability of unitizing contiguous data"; the worked
//! example of Content Analysis, 2nd ed. 2004, p. 254 is pinned in the tests).
//!
//! Each rater's units of the category, with the gaps between them, cut the continuum into
//! sections. Two sections of different raters disagree by:
//! - both units, overlapping: (b₁ − b₂)² + (e₁ − e₂)² (begins and ends apart);
//! - a unit lying inside the other's gap: the unit's length squared;
//! - anything else: 0.
//!
//! Observed disagreement D_o sums this over every pair of raters (both orders) and divides by
//! m(m − 1)L². Expected disagreement D_e is what the same units and gaps give when placed at
//! random on the continuum; αu = 1 − D_o / D_e.

use crate::core::compact_sort;

/// A unit: where it begins on the continuum and its length (both in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    pub begin: u64,
    pub length: u64,
}

/// One rater's sections of a category over `[0, length)`: units (`true`) and gaps.
fn sections(units: &[Unit], length: u64) -> Vec<(u64, u64, bool)> {
    let mut out = Vec::with_capacity(units.len() * 2 + 1);
    let mut at = 0;
    for unit in units {
        if unit.begin > at {
            out.push((at, unit.begin - at, false));
        }
        out.push((unit.begin, unit.length, true));
        at = unit.begin + unit.length;
    }
    if at < length {
        out.push((at, length - at, false));
    }
    out
}

/// The disagreement of two sections (begin, length, is a unit).
pub fn distance(first: (u64, u64, bool), second: (u64, u64, bool)) -> f64 {
    let (b1, l1, unit1) = (first.0 as f64, first.1 as f64, first.2);
    let (b2, l2, unit2) = (second.0 as f64, second.1 as f64, second.2);
    let begin_gap = b1 - b2;
    let end_gap = (b1 + l1) - (b2 + l2);
    match (unit1, unit2) {
        (true, true) if -l1 < begin_gap && begin_gap < l2 => begin_gap * begin_gap + end_gap * end_gap,
        // The unit lies inside the gap: it starts no earlier and ends no later.
        (true, false) if begin_gap >= 0.0 && end_gap <= 0.0 => l1 * l1,
        (false, true) if begin_gap <= 0.0 && end_gap >= 0.0 => l2 * l2,
        _ => 0.0,
    }
}

/// Keeps each rater's units sorted and apart: where units of one category by one rater
/// overlap (a layer that allows overlaps), the later-starting one is left out.
pub fn tidy(mut units: Vec<Unit>) -> Vec<Unit> {
    compact_sort::sort_by_key(&mut units, |u| (u.begin, std::cmp::Reverse(u.length)));
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    for unit in units {
        if unit.length == 0 {
            continue;
        }
        if out.last().is_none_or(|last| last.begin + last.length <= unit.begin) {
            out.push(unit);
        }
    }
    out
}

/// Observed and expected disagreement of one category: `raters[i]` holds rater i's units
/// (tidied), on a continuum of `length` positions. `None` when there are fewer than two raters
/// or no positions.
pub fn disagreements(raters: &[Vec<Unit>], length: u64) -> Option<(f64, f64)> {
    let m = raters.len();
    if m < 2 || length == 0 {
        return None;
    }
    let all_sections: Vec<Vec<(u64, u64, bool)>> = raters.iter().map(|u| sections(u, length)).collect();

    // Observed: walk the two section lists together; only sections that share positions can
    // disagree (a unit inside a gap shares all of its positions with it).
    let mut observed = 0.0;
    for i in 0..m {
        for j in i + 1..m {
            let (a, b) = (&all_sections[i], &all_sections[j]);
            let (mut x, mut y) = (0, 0);
            while x < a.len() && y < b.len() {
                observed += distance(a[x], b[y]) + distance(b[y], a[x]);
                let (end_a, end_b) = (a[x].0 + a[x].1, b[y].0 + b[y].1);
                if end_a <= end_b {
                    x += 1;
                }
                if end_b <= end_a {
                    y += 1;
                }
            }
        }
    }
    let (m_f, l_f) = (m as f64, length as f64);
    let observed = observed / (m_f * (m_f - 1.0) * l_f * l_f);

    // Expected: every unit against every unit of the category (its own length's share of
    // placements), and against every gap long enough to hold it.
    let units: Vec<u64> = raters.iter().flatten().map(|u| u.length).collect();
    let n_c = units.len() as f64;
    let mut gaps: Vec<u64> = all_sections.iter().flatten().filter(|s| !s.2).map(|s| s.1).collect();
    compact_sort::sort(&mut gaps);
    // Suffix sums: gaps at or after index k sum to suffix[k].
    let mut suffix = vec![0.0f64; gaps.len() + 1];
    for k in (0..gaps.len()).rev() {
        suffix[k] = suffix[k + 1] + gaps[k] as f64;
    }
    let mut numerator = 0.0;
    let mut self_pairs = 0.0;
    for &length_u in &units {
        let l = length_u as f64;
        numerator += (n_c - 1.0) * (2.0 * l * l * l - 3.0 * l * l + l) / 3.0;
        // Σ over gaps g ≥ l of (g − l + 1).
        let from = gaps.partition_point(|g| *g < length_u);
        let holding = (gaps.len() - from) as f64;
        numerator += l * l * (suffix[from] - (l - 1.0) * holding);
        self_pairs += l * (l - 1.0);
    }
    let denominator = m_f * l_f * (m_f * l_f - 1.0) - self_pairs;
    let expected = numerator * 2.0 / l_f / denominator;
    Some((observed, expected))
}

/// αu from the disagreements: 1 − D_o / D_e. Equal disagreements (no units at all, or chance
/// agreement exactly) give 0, as in DKPro Agreement; no expected disagreement gives `None`.
pub fn alpha(observed: f64, expected: f64) -> Option<f64> {
    if observed == expected {
        return Some(0.0);
    }
    if expected == 0.0 || !expected.is_finite() {
        return None;
    }
    Some(1.0 - observed / expected)
}
