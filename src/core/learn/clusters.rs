//! Character classes learned from plain text: characters that appear between the same
//! neighbours land in the same class (surnames with surnames, place suffixes with place
//! suffixes). The text needs no annotation, so a project's whole corpus teaches the tagger
//! about characters its few confirmed documents never show: a feature "the character before is
//! of the surname class" carries over to surnames never seen in a name.
//!
//! How: each of the commonest characters gets a vector of how often each common character
//! stands just before and just after it (square roots of the shares, so a few huge counts do not
//! decide), normalised; spherical k-means groups the vectors. Deterministic: the starting
//! centres are characters at even steps down the frequency list.

use super::weights::QuickMap;

/// Characters that get a class: the commonest, at most this many.
const CLASSED: usize = 3000;
/// Neighbours counted: the commonest characters, at most this many (others share a slot).
const CONTEXTS: usize = 120;
/// A character seen fewer times gets no class.
const MIN_COUNT: u32 = 3;
/// Classes at most.
pub const MAX_CLASSES: usize = 1024;
const ROUNDS: usize = 10;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CharClasses {
    classes: QuickMap<char, u16>,
}

impl CharClasses {
    /// Classes learned from `texts` (`k` of them at most).
    pub fn learn<'a>(texts: impl Iterator<Item = &'a [char]> + Clone, k: usize) -> CharClasses {
        let mut counts: QuickMap<char, u32> = QuickMap::default();
        for text in texts.clone() {
            count_chars(text, &mut counts);
        }
        let mut by_count: Vec<(char, u32)> = counts.into_iter().filter(|&(_, n)| n >= MIN_COUNT).collect();
        by_count.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        by_count.truncate(CLASSED);
        if by_count.is_empty() || k == 0 {
            return CharClasses::default();
        }
        let row: QuickMap<char, usize> = by_count.iter().enumerate().map(|(i, &(c, _))| (c, i)).collect();
        // Slots: CONTEXTS commonest characters, then "another character", then the text's edge.
        let width = CONTEXTS + 2;
        let slot = |c: Option<char>| match c {
            None => CONTEXTS + 1,
            Some(c) => row.get(&c).copied().filter(|&r| r < CONTEXTS).unwrap_or(CONTEXTS),
        };
        let dims = 2 * width;
        let mut vectors = vec![0f32; by_count.len() * dims];
        for text in texts {
            add_neighbours(text, &row, &slot, width, &mut vectors);
        }
        for v in vectors.chunks_mut(dims) {
            v.iter_mut().for_each(|x| *x = x.sqrt());
            normalise(v);
        }
        let k = k.min(by_count.len()).min(MAX_CLASSES);
        let assignment = spherical_k_means(&vectors, dims, k);
        CharClasses { classes: by_count.iter().zip(assignment).map(|(&(c, _), class)| (c, class)).collect() }
    }

    pub fn from_pairs(pairs: impl IntoIterator<Item = (char, u16)>) -> CharClasses {
        CharClasses { classes: pairs.into_iter().collect() }
    }

    /// Every character with its class, in character order.
    pub fn pairs(&self) -> Vec<(char, u16)> {
        let mut pairs: Vec<(char, u16)> = self.classes.iter().map(|(&c, &k)| (c, k)).collect();
        pairs.sort_unstable();
        pairs
    }

    /// `c`'s class, if it has one.
    pub fn of(&self, c: char) -> Option<u16> {
        self.classes.get(&c).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }
}

// The loops below are functions of their own, called once per text or vector, and kept out of
// line: V8 first runs a wasm function as quickly compiled baseline code and optimises it only
// for later calls (it cannot swap code under a running loop), so a loop inside a function called
// once runs unoptimised to its end. Inlined into `learn`, preparing a training on the MSRA file
// took 2.6 s in Node's V8 against 1.0 s with everything optimised up front (`--no-liftoff`);
// out of line, 0.8 s.

#[inline(never)]
fn count_chars(text: &[char], counts: &mut QuickMap<char, u32>) {
    for &c in text {
        *counts.entry(c).or_default() += 1;
    }
}

/// Counts, for each classed character of `text`, its neighbours' slots (`slot`) into its row
/// of `vectors` (left neighbours in the first `width` places, right ones in the next).
#[inline(never)]
fn add_neighbours(
    text: &[char],
    row: &QuickMap<char, usize>,
    slot: &dyn Fn(Option<char>) -> usize,
    width: usize,
    vectors: &mut [f32],
) {
    let dims = 2 * width;
    for (i, c) in text.iter().enumerate() {
        let Some(&r) = row.get(c) else { continue };
        let before = slot(i.checked_sub(1).map(|j| text[j]));
        let after = slot(text.get(i + 1).copied());
        vectors[r * dims + before] += 1.0;
        vectors[r * dims + width + after] += 1.0;
    }
}

/// The centre nearest to the sparse vector `v` (largest dot product; the first of equals), with
/// the centres given dimension by dimension (`dims × k`) and `dots` a buffer of `k`.
#[inline(never)]
fn nearest(v: &[(usize, f32)], by_dimension: &[f32], dots: &mut [f32]) -> u16 {
    let k = dots.len();
    dots.iter_mut().for_each(|dot| *dot = 0.0);
    for &(d, x) in v {
        let column = &by_dimension[d * k..][..k];
        dots.iter_mut().zip(column).for_each(|(dot, c)| *dot += x * c);
    }
    let mut best = (f32::NEG_INFINITY, 0usize);
    for (j, &dot) in dots.iter().enumerate() {
        if dot > best.0 {
            best = (dot, j);
        }
    }
    best.1 as u16
}

fn normalise(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

/// The class of each of `vectors` (unit length, `dims` each) after k-means by cosine.
fn spherical_k_means(vectors: &[f32], dims: usize, k: usize) -> Vec<u16> {
    let n = vectors.len() / dims;
    let mut centres: Vec<f32> = (0..k).flat_map(|j| vectors[(j * n / k) * dims..][..dims].to_vec()).collect();
    // Most characters meet only some of the neighbours: their non-zero entries alone make the
    // same dot products a third of the work (zeros add nothing, exactly).
    let sparse: Vec<Vec<(usize, f32)>> = vectors
        .chunks(dims)
        .map(|v| v.iter().enumerate().filter(|(_, x)| **x != 0.0).map(|(d, &x)| (d, x)).collect())
        .collect();
    let mut assignment = vec![0u16; n];
    // The centres dimension by dimension (`dims × k`), so that a vector's products with every
    // centre are summed in one sweep of contiguous rows, a nonzero dimension at a time, instead
    // of a scattered read per dimension and centre: the same sums in the same order (so the
    // same classes), and natively preparing the MSRA file fell from 0.7 to 0.5 s with it.
    let mut by_dimension = vec![0f32; dims * k];
    let mut dots = vec![0f32; k];
    for _ in 0..ROUNDS {
        let mut moved = false;
        for (j, centre) in centres.chunks(dims).enumerate() {
            for (d, &x) in centre.iter().enumerate() {
                by_dimension[d * k + j] = x;
            }
        }
        for (i, v) in sparse.iter().enumerate() {
            let best = nearest(v, &by_dimension, &mut dots);
            moved |= assignment[i] != best;
            assignment[i] = best;
        }
        if !moved {
            break;
        }
        centres.iter_mut().for_each(|x| *x = 0.0);
        for (i, v) in vectors.chunks(dims).enumerate() {
            let centre = &mut centres[usize::from(assignment[i]) * dims..][..dims];
            centre.iter_mut().zip(v).for_each(|(c, x)| *c += x);
        }
        for centre in centres.chunks_mut(dims) {
            normalise(centre);
        }
    }
    assignment
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_in_the_same_places_share_a_class() {
        // Surnames stand before 先生; places before 市. Each pattern many times.
        let mut texts = Vec::new();
        for s in ["王", "李", "张", "刘"] {
            for place in ["郑", "洛", "开", "许"] {
                texts.push(format!("{s}先生去{place}市。").chars().collect::<Vec<char>>());
                texts.push(format!("我见到{s}先生在{place}市").chars().collect::<Vec<char>>());
            }
        }
        let classes = CharClasses::learn(texts.iter().map(Vec::as_slice), 4);
        let class = |c| classes.of(c).expect("classed");
        assert_eq!(class('王'), class('刘'));
        assert_eq!(class('郑'), class('许'));
        assert_ne!(class('王'), class('郑'));
        assert_eq!(classes.of('𠀀'), None);
        assert_eq!(CharClasses::from_pairs(classes.pairs()), classes);
    }

    #[test]
    fn no_text_gives_no_classes() {
        assert!(CharClasses::learn(std::iter::empty(), 8).is_empty());
        let text: Vec<char> = "ab".chars().collect();
        assert!(CharClasses::learn(std::iter::once(&text[..]), 8).is_empty());
    }
}
