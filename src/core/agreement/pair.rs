//! One pair of annotators' counts, added document by document, and their rows.

use super::kappa::Confusion;
use super::unitizing::{self, Unit};
use super::{mean_alpha, AgreementRow, DocWork, ALL};
use crate::core::compact_sort;
use crate::core::document::{Relation, Span};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Counts towards one label's (or all labels') figures for a pair.
#[derive(Default)]
struct Tally {
    spans_a: usize,
    spans_b: usize,
    exact: usize,
    /// Spans of a that share a character with a span of b of the same label, and vice versa.
    overlapped_a: usize,
    overlapped_b: usize,
    attributes_same: usize,
    attributes_compared: usize,
    confusion: Confusion<u32>,
    units_a: Vec<Unit>,
    units_b: Vec<Unit>,
}

fn f1(matched: usize, first: usize, second: usize) -> Option<f64> {
    (first + second > 0).then(|| 2.0 * matched as f64 / (first + second) as f64)
}

fn overlap_f1(recall_hits: usize, first: usize, precision_hits: usize, second: usize) -> Option<f64> {
    if first + second == 0 {
        return None;
    }
    let recall = if first == 0 { 0.0 } else { recall_hits as f64 / first as f64 };
    let precision = if second == 0 { 0.0 } else { precision_hits as f64 / second as f64 };
    Some(if recall + precision == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) })
}

/// Tags of one layer of a document by one annotator: 0 for O, then 2k + 1 for B and 2k + 2 for
/// I of the label at schema position k. Where spans of one layer overlap, the first in position
/// order keeps its characters.
fn tags(
    len: usize,
    spans: &[&Span],
    layer: &str,
    labels: &[String],
    layer_of: &HashMap<String, String>,
) -> Vec<u32> {
    let mut out = vec![0u32; len];
    for span in spans.iter().filter(|s| layer_of.get(&*s.label).map(String::as_str) == Some(layer)) {
        let Some(k) = labels.iter().position(|l| **l == *span.label) else { continue };
        let end = span.range.end.min(len);
        for (at, tag) in out.iter_mut().enumerate().take(end).skip(span.range.start) {
            if *tag == 0 {
                *tag = if at == span.range.start { 2 * k as u32 + 1 } else { 2 * k as u32 + 2 };
            }
        }
    }
    out
}

/// The tag for one label only: B, I or O.
fn for_label(tag: u32, k: usize) -> u32 {
    if tag == 2 * k as u32 + 1 {
        1
    } else if tag == 2 * k as u32 + 2 {
        2
    } else {
        0
    }
}

fn label_index_of_tag(tag: u32) -> Option<usize> {
    (tag > 0).then(|| ((tag - 1) / 2) as usize)
}

/// One pair's counts over the documents both worked on.
pub(super) struct PairTally {
    a: String,
    b: String,
    documents: usize,
    all: Tally,
    per: Vec<Tally>,
    /// Characters of the documents so far: where the next document starts on the continuum.
    continuum: u64,
    relations_a: usize,
    relations_b: usize,
    relations_same: usize,
}

impl PairTally {
    pub(super) fn new(a: &str, b: &str, labels: usize) -> Self {
        PairTally {
            a: a.to_string(),
            b: b.to_string(),
            documents: 0,
            all: Tally::default(),
            per: (0..labels).map(|_| Tally::default()).collect(),
            continuum: 0,
            relations_a: 0,
            relations_b: 0,
            relations_same: 0,
        }
    }

    /// Adds `work` when both annotators worked on its document.
    pub(super) fn add(&mut self, work: &DocWork, labels: &[String], layer_of: &HashMap<String, String>) {
        let (a, b) = (self.a.as_str(), self.b.as_str());
        // Only the documents both worked on count.
        if !(work.annotators.contains(a) && work.annotators.contains(b)) {
            return;
        }
        let (all, per, continuum) = (&mut self.all, &mut self.per, self.continuum);
        self.documents += 1;
        let (spans_a, spans_b) = (work.spans(a), work.spans(b));
        let len = work.doc.char_len();
        let key = |s: &Span| (s.range.start, s.range.end, s.label.clone());
        let in_b: HashMap<_, &Span> = spans_b.iter().map(|s| (key(s), *s)).collect();
        for span in spans_a {
            let Some(k) = labels.iter().position(|l| **l == *span.label) else { continue };
            let exact = in_b.get(&key(span));
            let overlapped = spans_b.iter().any(|o| o.label == span.label && o.range.overlaps(&span.range));
            for tally in [&mut *all, &mut per[k]] {
                tally.spans_a += 1;
                tally.exact += usize::from(exact.is_some());
                tally.overlapped_a += usize::from(overlapped);
            }
            if let Some(other) = exact {
                let names: BTreeSet<&String> =
                    compact_sort::btree_set(span.attributes.keys().chain(other.attributes.keys()));
                let same =
                    names.iter().filter(|n| span.attributes.get(**n) == other.attributes.get(**n)).count();
                for tally in [&mut *all, &mut per[k]] {
                    tally.attributes_same += same;
                    tally.attributes_compared += names.len();
                }
            }
            per[k]
                .units_a
                .push(Unit { begin: continuum + span.range.start as u64, length: span.range.len() as u64 });
        }
        for span in spans_b {
            let Some(k) = labels.iter().position(|l| **l == *span.label) else { continue };
            let overlapped = spans_a.iter().any(|o| o.label == span.label && o.range.overlaps(&span.range));
            for tally in [&mut *all, &mut per[k]] {
                tally.spans_b += 1;
                tally.overlapped_b += usize::from(overlapped);
            }
            per[k]
                .units_b
                .push(Unit { begin: continuum + span.range.start as u64, length: span.range.len() as u64 });
        }
        // Characters: both tagged O for most of them, counted in bulk.
        let layers: BTreeSet<&str> = compact_sort::btree_set(layer_of.values().map(String::as_str));
        for layer in &layers {
            let (ta, tb) =
                (tags(len, spans_a, layer, labels, layer_of), tags(len, spans_b, layer, labels, layer_of));
            let mut explicit = 0;
            let mut per_explicit: HashMap<usize, usize> = HashMap::new();
            for (x, y) in ta.iter().zip(&tb) {
                if *x == 0 && *y == 0 {
                    continue;
                }
                explicit += 1;
                all.confusion.add(*x, *y);
                let mut involved = [label_index_of_tag(*x), label_index_of_tag(*y)];
                if involved[0] == involved[1] {
                    involved[1] = None;
                }
                for k in involved.into_iter().flatten() {
                    per[k].confusion.add(for_label(*x, k), for_label(*y, k));
                    *per_explicit.entry(k).or_insert(0) += 1;
                }
            }
            all.confusion.add_agreeing(0, len - explicit);
            for (k, tally) in per.iter_mut().enumerate() {
                if layer_of.get(&labels[k]).map(String::as_str) == Some(*layer) {
                    tally.confusion.add_agreeing(0, len - per_explicit.get(&k).copied().unwrap_or(0));
                }
            }
        }
        // Relations: the same type between spans placed and labelled alike.
        let ends = |spans: &[&Span], relation: &Relation| {
            let find = |id| spans.iter().find(|s| s.id == id).map(|s| key(s));
            find(relation.from).zip(find(relation.to)).map(|(f, t)| (f, t, relation.kind.clone()))
        };
        let rel_a: HashSet<_> = work.doc.relations().iter().filter_map(|r| ends(spans_a, r)).collect();
        let rel_b: HashSet<_> = work.doc.relations().iter().filter_map(|r| ends(spans_b, r)).collect();
        self.relations_a += rel_a.len();
        self.relations_b += rel_b.len();
        self.relations_same += rel_a.intersection(&rel_b).count();
        self.continuum += len as u64;
    }

    pub(super) fn rows(mut self, labels: &[String]) -> Vec<AgreementRow> {
        let (a, b, documents) = (self.a.clone(), self.b.clone(), self.documents);
        let row = |label: &str, tally: &Tally, alpha_u: Option<f64>| AgreementRow {
            a: a.clone(),
            b: b.clone(),
            label: label.to_string(),
            documents,
            spans_a: tally.spans_a,
            spans_b: tally.spans_b,
            f1_exact: f1(tally.exact, tally.spans_a, tally.spans_b),
            f1_overlap: overlap_f1(tally.overlapped_a, tally.spans_a, tally.overlapped_b, tally.spans_b),
            kappa: tally.confusion.kappa(),
            alpha_u,
            relations_f1: None,
            attributes: (tally.attributes_compared > 0)
                .then(|| tally.attributes_same as f64 / tally.attributes_compared as f64),
        };
        let mut disagreements = Vec::new();
        let mut label_rows = Vec::new();
        for (k, tally) in self.per.iter_mut().enumerate() {
            if tally.spans_a + tally.spans_b == 0 {
                continue;
            }
            let raters = [
                unitizing::tidy(std::mem::take(&mut tally.units_a)),
                unitizing::tidy(std::mem::take(&mut tally.units_b)),
            ];
            let d = unitizing::disagreements(&raters, self.continuum);
            disagreements.extend(d);
            label_rows.push(row(&labels[k], tally, d.and_then(|(o, e)| unitizing::alpha(o, e))));
        }
        let mut overall = row(ALL, &self.all, mean_alpha(&disagreements));
        overall.relations_f1 = f1(self.relations_same, self.relations_a, self.relations_b);
        let mut rows = vec![overall];
        rows.extend(label_rows);
        rows
    }
}
