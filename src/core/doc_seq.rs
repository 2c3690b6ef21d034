//! The project's documents in list order, kept in chunks of shared pointers.
//!
//! Every action makes a new editor state from a copy of the last, and an edit copies the
//! project it changes. With one flat `Vec<Rc<Document>>`, that copy touched every document
//! (a reference count each, scattered over the heap) and dropping the old state touched them
//! again: about a millisecond per edit at 50,000 documents, for an edit of one. Chunks are
//! shared until written: a copy costs one pointer per `CHUNK` documents, and an edit copies the
//! one chunk that holds its document.

use super::document::Document;
use std::rc::Rc;

/// Documents per chunk. Every chunk but the last is full, so a position is arithmetic.
const CHUNK: usize = 256;

#[derive(Clone, Debug, Default)]
pub struct DocSeq {
    chunks: Vec<Rc<Vec<Rc<Document>>>>,
    len: usize,
}

impl DocSeq {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn get(&self, at: usize) -> Option<&Rc<Document>> {
        self.chunks.get(at / CHUNK)?.get(at % CHUNK)
    }

    pub fn first(&self) -> Option<&Rc<Document>> {
        self.get(0)
    }

    pub fn last(&self) -> Option<&Rc<Document>> {
        self.len.checked_sub(1).and_then(|at| self.get(at))
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Rc<Document>> + Clone + '_ {
        self.chunks.iter().flat_map(|chunk| chunk.iter())
    }

    /// The pointers as one `Vec` (a copy of every pointer; for callers that want a slice).
    pub fn to_vec(&self) -> Vec<Rc<Document>> {
        self.iter().cloned().collect()
    }

    /// The documents from position `from` on, with their positions (without walking the ones
    /// before it, as `iter().skip(from)` would).
    pub fn enumerate_from(&self, from: usize) -> impl Iterator<Item = (usize, &Rc<Document>)> + '_ {
        self.chunks
            .iter()
            .enumerate()
            .skip(from / CHUNK)
            .flat_map(|(c, chunk)| chunk.iter().enumerate().map(move |(i, doc)| (c * CHUNK + i, doc)))
            .skip(from % CHUNK)
    }

    /// The document at `at` to be replaced or changed; its chunk is copied first when another
    /// copy of the list shares it.
    pub(crate) fn get_mut(&mut self, at: usize) -> Option<&mut Rc<Document>> {
        Rc::make_mut(self.chunks.get_mut(at / CHUNK)?).get_mut(at % CHUNK)
    }

    /// Inserts `doc` at `at` (at most `len`), moving the ones after it on by one.
    pub(crate) fn insert(&mut self, at: usize, doc: Rc<Document>) {
        let at = at.min(self.len);
        let (mut chunk, mut offset, mut carry) = (at / CHUNK, at % CHUNK, doc);
        loop {
            let Some(shared) = self.chunks.get_mut(chunk) else {
                self.chunks.push(Rc::new(vec![carry]));
                break;
            };
            let documents = Rc::make_mut(shared);
            documents.insert(offset, carry);
            if documents.len() <= CHUNK {
                break;
            }
            // Full: its last document moves to the front of the next chunk.
            carry = documents.pop().expect("a chunk over full has a last document");
            (chunk, offset) = (chunk + 1, 0);
        }
        self.len += 1;
    }

    /// Removes the document at `at`, moving the ones after it back by one.
    pub(crate) fn remove(&mut self, at: usize) -> Option<Rc<Document>> {
        if at >= self.len {
            return None;
        }
        let first = at / CHUNK;
        let removed = Rc::make_mut(&mut self.chunks[first]).remove(at % CHUNK);
        // Each later chunk gives its first document to the chunk before it.
        for chunk in first + 1..self.chunks.len() {
            let moved = Rc::make_mut(&mut self.chunks[chunk]).remove(0);
            Rc::make_mut(&mut self.chunks[chunk - 1]).push(moved);
        }
        if self.chunks.last().is_some_and(|chunk| chunk.is_empty()) {
            self.chunks.pop();
        }
        self.len -= 1;
        Some(removed)
    }
}

impl std::ops::Index<usize> for DocSeq {
    type Output = Rc<Document>;

    /// Like a slice's: out of range is a bug of the caller.
    fn index(&self, at: usize) -> &Rc<Document> {
        match self.get(at) {
            Some(doc) => doc,
            None => panic!("document {at} of {}", self.len),
        }
    }
}

impl PartialEq for DocSeq {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl Eq for DocSeq {}

impl FromIterator<Rc<Document>> for DocSeq {
    fn from_iter<I: IntoIterator<Item = Rc<Document>>>(documents: I) -> Self {
        let mut seq = DocSeq::default();
        let mut chunk = Vec::with_capacity(CHUNK);
        for doc in documents {
            chunk.push(doc);
            if chunk.len() == CHUNK {
                seq.chunks.push(Rc::new(std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK))));
            }
            seq.len += 1;
        }
        if !chunk.is_empty() {
            seq.chunks.push(Rc::new(chunk));
        }
        seq
    }
}

impl<'a> IntoIterator for &'a DocSeq {
    type Item = &'a Rc<Document>;
    type IntoIter = Box<dyn DoubleEndedIterator<Item = &'a Rc<Document>> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::DocId;

    fn doc(n: usize) -> Rc<Document> {
        Rc::new(Document::new(DocId::from(format!("d{n}").as_str()), "", "𠀀"))
    }

    fn ids(seq: &DocSeq) -> Vec<String> {
        seq.iter().map(|d| d.id.0.clone()).collect()
    }

    /// Inserts and removes at the front, the middle, chunk edges and the end, on copies that
    /// share chunks: the sequence always equals a plain `Vec` given the same edits, and a copy
    /// taken before an edit is left as it was.
    #[test]
    fn behaves_like_a_vec_and_copies_only_what_is_written() {
        let mut seq: DocSeq = (0..600).map(doc).collect();
        let mut plain: Vec<String> = (0..600).map(|n| format!("d{n}")).collect();
        for (next, at) in (600..).zip([0, 255, 256, 257, 300, 511, 512, 599, 600, 10_000]) {
            let before = seq.clone();
            let snapshot = ids(&before);
            seq.insert(at, doc(next));
            plain.insert(at.min(plain.len()), format!("d{next}"));
            assert_eq!(ids(&seq), plain, "insert at {at}");
            assert_eq!(ids(&before), snapshot, "the copy is untouched");
            let removed = seq.remove(at.min(seq.len() - 1)).unwrap();
            let expected = plain.remove(at.min(plain.len() - 1));
            assert_eq!(removed.id.0, expected, "remove at {at}");
            assert_eq!(ids(&seq), plain);
            assert_eq!(seq.len(), plain.len());
            assert_eq!(seq.last().map(|d| d.id.0.clone()), plain.last().cloned());
        }
        assert!(seq.remove(seq.len()).is_none());
        for from in [0, 1, 255, 256, 300, seq.len(), seq.len() + 5] {
            let got: Vec<(usize, String)> =
                seq.enumerate_from(from).map(|(at, d)| (at, d.id.0.clone())).collect();
            let want: Vec<(usize, String)> = plain.iter().cloned().enumerate().skip(from).collect();
            assert_eq!(got, want, "from {from}");
        }
        let copy = seq.clone();
        Rc::make_mut(seq.get_mut(300).unwrap()).name = "改".into();
        assert_eq!(copy[300].name, "");
        assert_eq!(seq[300].name, "改");
        assert!(Rc::ptr_eq(&copy[0], &seq[0]), "other chunks stay shared");
        while !seq.is_empty() {
            seq.remove(0);
        }
        assert_eq!(seq.first(), None);
        assert_eq!(seq, DocSeq::default());
    }
}
