//! Stable sorting that costs the wasm bundle one copy of the standard library's sort, not one
//! per call site; and ordered maps and sets built without sorting.
//!
//! `slice::sort_by` is generic over the element and the comparator, so every call site with a
//! new closure gets its own copy of the driftsort/quicksort machinery: about 4–5 KB of wasm
//! each, and the page's bundle had over 20 of them (twiggy: 119 KB of `core::slice::sort`,
//! 2026-12-05). Here the standard sort runs once, on `u32` positions with a comparator behind
//! `&dyn Fn`, and the result is applied to the items by following the permutation's cycles
//! (a small generic function). The cost is an indirect call per comparison and a `Vec<u32>` of
//! positions: fine for the page's sorts of names, spans and arcs; the learner's hot sorts and
//! pre-annotation's per-document sorts over a corpus keep the standard ones.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `items` stably by `compare` (equal items keep their order).
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = items;
        sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]))
    };
    permute(items, &order);
}

/// Sorts `items` stably by the key `key` gives each.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// A map of `items` (the last value of a repeated key wins, as with `collect`), built by
/// inserting one at a time: `collect` into a `BTreeMap` sorts the items first, with a copy of
/// the standard sort for each key and value type.
pub fn btree_map<K: Ord, V>(items: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (key, value) in items {
        map.insert(key, value);
    }
    map
}

/// A set of `items`, built as [`btree_map`] builds a map (and for the same reason).
pub fn btree_set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for item in items {
        set.insert(item);
    }
    set
}

/// The positions `0..len` in the order `compare` (on positions) puts them; ties keep the
/// lower position first. The only instance of the standard sort this module needs: never
/// inlined, or LLVM copies it into a caller and specialises it for that caller's closure,
/// which is the copy this module exists to avoid.
#[inline(never)]
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    debug_assert!(len <= u32::MAX as usize);
    let mut order: Vec<u32> = (0..len as u32).collect();
    order.sort_by(|&a, &b| compare(a as usize, b as usize));
    order
}

/// Rearranges `items` so that position `k` holds the item that was at `order[k]`, by walking
/// each cycle of the permutation once with swaps.
fn permute<T>(items: &mut [T], order: &[u32]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        if placed[start] {
            continue;
        }
        // The item from `start` travels along the cycle until the slot that wants it.
        let mut slot = start;
        loop {
            placed[slot] = true;
            let from = order[slot] as usize;
            if from == start {
                break;
            }
            items.swap(slot, from);
            slot = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rng::SplitMix64;

    #[test]
    fn sorts_as_the_standard_stable_sort_does_ties_included() {
        let mut rng = SplitMix64(11);
        for len in 0..60 {
            for _ in 0..20 {
                // Few distinct keys, so ties are common; the tag shows where each item came from.
                let items: Vec<(u8, usize)> = (0..len).map(|tag| (rng.below(5) as u8, tag)).collect();
                let mut expected = items.clone();
                expected.sort_by_key(|item| item.0);
                let mut got = items.clone();
                sort_by_key(&mut got, |item| item.0);
                assert_eq!(got, expected, "{items:?}");
            }
        }
    }

    #[test]
    fn sorts_strings_floats_and_reversed_keys() {
        let mut names = vec!["乙".to_string(), "𠀀".into(), "a".into(), "😀".into(), "甲".into()];
        sort(&mut names);
        assert_eq!(names, ["a", "乙", "甲", "😀", "𠀀"]);

        let mut xs = [3.5, -1.0, f64::INFINITY, 0.0, -0.0];
        sort_by(&mut xs, f64::total_cmp);
        assert_eq!(format!("{xs:?}"), "[-1.0, -0.0, 0.0, 3.5, inf]");

        let mut ranges = [(0, 2), (0, 5), (1, 3)];
        sort_by_key(&mut ranges, |&(start, end)| (start, std::cmp::Reverse(end)));
        assert_eq!(ranges, [(0, 5), (0, 2), (1, 3)]);
    }

    #[test]
    fn maps_and_sets_hold_what_collect_would() {
        let pairs = [("乙", 1), ("𠀀", 2), ("乙", 3), ("a", 4)];
        assert_eq!(btree_map(pairs), pairs.into_iter().collect::<BTreeMap<_, _>>());
        assert_eq!(btree_set([3, 1, 3, 2]), [1, 2, 3].into_iter().collect::<BTreeSet<_>>());
        assert!(btree_set(Vec::<u8>::new()).is_empty());
    }

    #[test]
    fn every_permutation_of_five_items_comes_back_in_order() {
        let mut order = [0u32, 1, 2, 3, 4];
        let mut count = 0;
        loop {
            let mut items: Vec<u32> = order.to_vec();
            sort(&mut items);
            assert_eq!(items, [0, 1, 2, 3, 4]);
            count += 1;
            if !next_permutation(&mut order) {
                break;
            }
        }
        assert_eq!(count, 120);
    }

    /// Steps `items` to its next permutation in lexicographic order; false after the last.
    fn next_permutation(items: &mut [u32]) -> bool {
        let Some(i) = (1..items.len()).rev().find(|&i| items[i - 1] < items[i]) else {
            return false;
        };
        let j = (i..items.len()).rev().find(|&j| items[j] > items[i - 1]).unwrap_or(i);
        items.swap(i - 1, j);
        items[i..].reverse();
        true
    }
}
