//! The lexicon: strings confirmed as names in the training texts, each with its usual label.
//! A match in new text is a hint the tagger weighs against the context, never a decision.

use super::Example;
use crate::core::term_trie::TermTrie;
use std::collections::HashMap;

/// Terms shorter than this are left out: single characters are names far too rarely.
const MIN_CHARS: usize = 2;
/// Nor longer ones: a long name recurs rarely, and the trie walks at most this far.
const MAX_CHARS: usize = 24;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    /// The label it carries most often (the first in the model's order on a tie).
    pub label: u16,
    /// How many training texts confirm it.
    pub sources: u32,
}

pub struct Lexicon {
    trie: TermTrie,
    terms: Vec<Term>,
}

impl Lexicon {
    /// The lexicon of `examples`' spans.
    pub fn from_examples(examples: &[Example]) -> Lexicon {
        // term → (count per label, texts holding it)
        let mut seen: HashMap<String, (HashMap<u16, u32>, u32, usize)> = HashMap::new();
        for (k, example) in examples.iter().enumerate() {
            for span in &example.spans {
                let len = span.range.end.saturating_sub(span.range.start);
                if !(MIN_CHARS..=MAX_CHARS).contains(&len) || span.range.end > example.chars.len() {
                    continue;
                }
                let text: String = example.chars[span.range.start..span.range.end].iter().collect();
                let entry = seen.entry(text).or_insert_with(|| (HashMap::new(), 0, usize::MAX));
                *entry.0.entry(span.label).or_default() += 1;
                if entry.2 != k {
                    entry.1 += 1;
                    entry.2 = k;
                }
            }
        }
        let mut terms: Vec<Term> = seen
            .into_iter()
            .map(|(text, (labels, sources, _))| {
                let label =
                    labels.iter().max_by_key(|&(&l, &n)| (n, std::cmp::Reverse(l))).map_or(0, |(&l, _)| l);
                Term { text, label, sources }
            })
            .collect();
        // A fixed order: the same examples give the same model, byte for byte.
        terms.sort_unstable_by(|a, b| a.text.cmp(&b.text));
        Lexicon::from_terms(terms)
    }

    pub fn from_terms(terms: Vec<Term>) -> Lexicon {
        Lexicon { trie: TermTrie::new(terms.iter().map(|t| t.text.as_str())), terms }
    }

    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The terms `example` is the only source of: while training on it, they are left out of
    /// its features, or the model would learn that a match is always a name (every confirmed
    /// name matches itself) and trust matches on new text far too much.
    pub fn own_terms(&self, example: &Example) -> Vec<usize> {
        let mut own = Vec::new();
        for span in &example.spans {
            let (start, end) = (span.range.start, span.range.end);
            self.trie.prefixes(&example.chars, start, |e, term| {
                if e == end && self.terms[term].sources <= 1 {
                    own.push(term);
                }
            });
        }
        own
    }

    /// Every match in `chars` (but the terms `skip` names), as `(character, feature value)`
    /// pairs for each character it covers: the value packs the character's part of the match
    /// (begin, inside, end), the term's label and its length (capped at 6).
    pub fn cover(&self, chars: &[char], skip: &dyn Fn(usize) -> bool, out: &mut Vec<(u32, u32)>) {
        out.clear();
        for start in 0..chars.len() {
            self.trie.prefixes(chars, start, |end, term| {
                if skip(term) {
                    return;
                }
                let label = u32::from(self.terms[term].label);
                let len = (end - start).min(6) as u32;
                for i in start..end {
                    let part: u32 = if i == start {
                        1
                    } else if i + 1 == end {
                        3
                    } else {
                        2
                    };
                    out.push((i as u32, len | part << 4 | label << 8));
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::learn::tags::LabeledRange;
    use crate::core::offsets::CharRange;

    fn example(text: &str, spans: &[(usize, usize, u16)]) -> Example {
        Example {
            chars: text.chars().collect(),
            spans: spans
                .iter()
                .map(|&(start, end, label)| LabeledRange { range: CharRange { start, end }, label })
                .collect(),
        }
    }

    #[test]
    fn terms_take_their_usual_label_and_count_their_sources() {
        let examples = [
            example("徐立毅在郑州", &[(0, 3, 0), (4, 6, 1)]),
            example("郑州市郑州", &[(0, 2, 1), (3, 5, 1)]),
            example("郑州银行", &[(0, 2, 2)]),
            example("a", &[(0, 1, 0), (0, 9, 1)]),
        ];
        let lexicon = Lexicon::from_examples(&examples);
        let terms: Vec<(&str, u16, u32)> =
            lexicon.terms().iter().map(|t| (t.text.as_str(), t.label, t.sources)).collect();
        assert_eq!(terms, vec![("徐立毅", 0, 1), ("郑州", 1, 3)]);
        assert_eq!(lexicon.own_terms(&examples[0]), vec![0]);
        assert_eq!(lexicon.own_terms(&examples[1]), Vec::<usize>::new());
    }

    #[test]
    fn cover_marks_each_character_of_each_match() {
        let lexicon = Lexicon::from_terms(vec![
            Term { text: "航空港".into(), label: 2, sources: 2 },
            Term { text: "港区".into(), label: 1, sources: 1 },
        ]);
        let chars: Vec<char> = "𠀀航空港区".chars().collect();
        let mut out = Vec::new();
        lexicon.cover(&chars, &|_| false, &mut out);
        let part = |v: u32| (v >> 4) & 0xf;
        let got: Vec<(u32, u32, u32)> = out.iter().map(|&(i, v)| (i, part(v), v >> 8)).collect();
        assert_eq!(got, vec![(1, 1, 2), (2, 2, 2), (3, 3, 2), (3, 1, 1), (4, 3, 1)]);
        lexicon.cover(&chars, &|term| term == 0, &mut out);
        assert_eq!(out.len(), 2);
    }
}
