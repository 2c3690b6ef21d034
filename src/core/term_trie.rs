//! A dictionary's terms in a trie over characters, matched leftmost-longest: at the first
//! position where some term starts, the longest term starting there; then on from its end.
//! Offsets are code points.
//!
//! Written here rather than taken from `aho-corasick`: that crate did the job, but cost about
//! 30 KB of gzipped wasm (its automata, generic code and tables; measured with twiggy and gzip
//! on the release build), and leftmost-longest over characters needs no failure links: each
//! position walks down the trie as far as the text goes, which for CJK terms of a few
//! characters is one or two steps (10,000 terms over the 2.17M-character MSRA corpus: see the
//! corpus benchmark).

use super::offsets::CharRange;
use std::collections::HashMap;

/// One node: its children, sorted by character, and the term that ends here, if any.
#[derive(Default)]
struct Node {
    children: Vec<(char, u32)>,
    term: Option<u32>,
}

/// Terms in a trie; term `k` is the `k`-th term given to [`TermTrie::new`].
pub struct TermTrie {
    /// The root's children: a term may start with any of thousands of characters, and the
    /// root is looked up at every character of the text, so the Basic Multilingual Plane's
    /// (all common CJK) are a table by code (0: none; 256 KB), the rest a map.
    root_bmp: Vec<u32>,
    root_astral: HashMap<char, u32>,
    /// Every other node, by number; `nodes[0]` is the root's place and holds no term.
    nodes: Vec<Node>,
}

impl TermTrie {
    /// The trie of `terms`; an empty term is ignored, and a term given twice keeps its first
    /// number.
    pub fn new<'a>(terms: impl IntoIterator<Item = &'a str>) -> TermTrie {
        let mut trie =
            TermTrie { root_bmp: Vec::new(), root_astral: HashMap::new(), nodes: vec![Node::default()] };
        for (k, term) in terms.into_iter().enumerate() {
            let mut chars = term.chars();
            let Some(first) = chars.next() else { continue };
            let mut at = match trie.root(first) {
                Some(node) => node,
                None => {
                    let node = trie.push();
                    trie.set_root(first, node);
                    node
                }
            };
            for c in chars {
                at = match trie.child(at, c) {
                    Ok(node) => node,
                    Err(slot) => {
                        let node = trie.push();
                        trie.nodes[at as usize].children.insert(slot, (c, node));
                        node
                    }
                };
            }
            let node = &mut trie.nodes[at as usize];
            node.term.get_or_insert(k as u32);
        }
        trie
    }

    fn root(&self, c: char) -> Option<u32> {
        match self.root_bmp.get(c as usize) {
            Some(&0) => None,
            Some(&node) => Some(node),
            None => self.root_astral.get(&c).copied(),
        }
    }

    fn set_root(&mut self, c: char, node: u32) {
        if (c as usize) < 0x1_0000 {
            if self.root_bmp.is_empty() {
                self.root_bmp = vec![0; 0x1_0000];
            }
            self.root_bmp[c as usize] = node;
        } else {
            self.root_astral.insert(c, node);
        }
    }

    fn push(&mut self) -> u32 {
        self.nodes.push(Node::default());
        (self.nodes.len() - 1) as u32
    }

    /// The child of `node` for `c`, or where it would go among the children.
    fn child(&self, node: u32, c: char) -> Result<u32, usize> {
        let children = &self.nodes[node as usize].children;
        children.binary_search_by_key(&c, |(k, _)| *k).map(|i| children[i].1)
    }

    /// Every term that starts at `chars[start]`, shortest first: `f(end, term)` for each (a
    /// tagger's lexicon features want them all, not only the longest).
    pub fn prefixes(&self, chars: &[char], start: usize, mut f: impl FnMut(usize, usize)) {
        let Some(mut node) = chars.get(start).and_then(|&c| self.root(c)) else { return };
        let mut end = start + 1;
        loop {
            if let Some(term) = self.nodes[node as usize].term {
                f(end, term as usize);
            }
            match chars.get(end).map(|&c| self.child(node, c)) {
                Some(Ok(next)) => {
                    node = next;
                    end += 1;
                }
                _ => return,
            }
        }
    }

    /// Leftmost-longest matches in `text`: code point ranges and term numbers, in order.
    pub fn find(&self, text: &str) -> Vec<(CharRange, usize)> {
        let chars: Vec<char> = text.chars().collect();
        let mut found = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let Some(first) = self.root(chars[i]) else {
                i += 1;
                continue;
            };
            let mut longest = self.nodes[first as usize].term.map(|t| (i + 1, t));
            let (mut node, mut j) = (first, i + 1);
            while j < chars.len() {
                let Ok(next) = self.child(node, chars[j]) else { break };
                node = next;
                j += 1;
                if let Some(term) = self.nodes[node as usize].term {
                    longest = Some((j, term));
                }
            }
            match longest {
                Some((end, term)) => {
                    found.push((CharRange { start: i, end }, term as usize));
                    i = end;
                }
                None => i += 1,
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(terms: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        TermTrie::new(terms.iter().copied())
            .find(text)
            .into_iter()
            .map(|(r, t)| (r.start, r.end, t))
            .collect()
    }

    #[test]
    fn prefixes_lists_every_term_starting_at_a_place() {
        let trie = TermTrie::new(["航空", "航空港区", "港区", "𠀀a"]);
        let chars: Vec<char> = "航空港区𠀀a".chars().collect();
        let at = |start| {
            let mut found = Vec::new();
            trie.prefixes(&chars, start, |end, term| found.push((end, term)));
            found
        };
        assert_eq!(at(0), vec![(2, 0), (4, 1)]);
        assert_eq!(at(2), vec![(4, 2)]);
        assert_eq!(at(1), vec![]);
        assert_eq!(at(4), vec![(6, 3)]);
        assert_eq!(at(9), vec![]);
    }

    #[test]
    fn leftmost_then_longest_in_code_points() {
        let terms = ["航空港", "航空港区", "港区管委会", "郑州", "𠀀"];
        // 𠀀 and 😀 are one code point each.
        assert_eq!(
            matches(&terms, "𠀀郑州航空港区管委会😀航空港"),
            [(0, 1, 4), (1, 3, 3), (3, 7, 1), (11, 14, 0)],
            "航空港区 starts first and wins over 港区管委会, which overlaps it"
        );
        assert_eq!(matches(&terms, ""), []);
        assert_eq!(matches(&[], "郑州"), []);
        // A term given twice keeps its first number; an empty term is ignored.
        assert_eq!(matches(&["", "郑州", "郑州"], "郑州"), [(0, 2, 1)]);
        // A prefix that leads nowhere falls back to the longest term seen on the way.
        assert_eq!(matches(&["郑", "郑州市政府"], "郑州市"), [(0, 1, 0)]);
    }

    /// Against a plain scan: at each position, the longest term that starts there.
    #[test]
    fn agrees_with_a_plain_scan() {
        let terms = ["a", "ab", "abc", "bc", "c", "cab", "😀", "😀a"];
        let texts = ["abcabcab", "cabbage", "😀abc😀a", "bbbb", "aaaa", "ca😀ab"];
        for text in texts {
            let chars: Vec<char> = text.chars().collect();
            let mut want = Vec::new();
            let mut i = 0;
            while i < chars.len() {
                let best = terms
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| chars[i..].starts_with(&t.chars().collect::<Vec<_>>()))
                    .max_by_key(|(k, t)| (t.chars().count(), std::cmp::Reverse(*k)));
                match best {
                    Some((k, t)) => {
                        let end = i + t.chars().count();
                        want.push((i, end, k));
                        i = end;
                    }
                    None => i += 1,
                }
            }
            assert_eq!(matches(&terms, text), want, "{text}");
        }
    }
}
