//! Inter-annotator agreement over a merged project (see `merge`): for every pair of annotators,
//! on the documents both worked on, per label and overall:
//! - exact span F1 (same start, end and label) and overlap F1 (same label, sharing a character);
//! - Cohen's kappa over characters, each character of each layer tagged B-label, I-label or O;
//! - Krippendorff's unitizing alpha over character positions (`unitizing`);
//! - relation F1 (same type, both ends matching exactly) and attribute agreement (the share of
//!   attributes with the same value on exactly matching spans), overall only for relations.
//!
//! The gold layer (see `adjudication`) is compared with each annotator like one more of them,
//! on the documents it covers, and left out of the rows over everyone.
//!
//! The README's "Agreement" section gives each formula with a worked example.

pub mod kappa;
pub mod unitizing;

use super::document::{Document, Span};
use super::merge::GOLD;
use super::project::Project;
use kappa::Confusion;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use unitizing::Unit;

/// The `label` of the rows that cover every label.
pub const ALL: &str = "ALL";
/// The `a` and `b` of the rows over all annotators together (three or more).
pub const EVERYONE: &str = "*";

/// One row of the agreement table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AgreementRow {
    pub a: String,
    pub b: String,
    /// A label's name, or [`ALL`].
    pub label: String,
    /// Documents both annotators worked on.
    pub documents: usize,
    pub spans_a: usize,
    pub spans_b: usize,
    pub f1_exact: Option<f64>,
    pub f1_overlap: Option<f64>,
    pub kappa: Option<f64>,
    pub alpha_u: Option<f64>,
    /// Only on [`ALL`] rows.
    pub relations_f1: Option<f64>,
    pub attributes: Option<f64>,
}

/// Agreement of every pair of annotators (and of all together when there are three or more).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AgreementTable {
    pub annotators: Vec<String>,
    pub rows: Vec<AgreementRow>,
}

/// One document's work, by annotator.
struct DocWork<'a> {
    doc: &'a Document,
    by: BTreeMap<&'a str, Vec<&'a Span>>,
    annotators: BTreeSet<&'a str>,
}

impl<'a> DocWork<'a> {
    fn of(doc: &'a Document) -> Self {
        let mut by: BTreeMap<&str, Vec<&Span>> = BTreeMap::new();
        for span in doc.spans() {
            if let Some(name) = span.annotator.as_deref() {
                by.entry(name).or_default().push(span);
            }
        }
        let mut annotators: BTreeSet<&str> = by.keys().copied().collect();
        annotators.extend(doc.annotated_by.iter().map(String::as_str));
        DocWork { doc, by, annotators }
    }

    fn spans(&self, name: &str) -> &[&'a Span] {
        self.by.get(name).map_or(&[], Vec::as_slice)
    }
}

/// The agreement table of `project` at once (documents not read from storage yet are left
/// out). The app runs an [`AgreementJob`] in slices instead.
pub fn agreement(project: &Project) -> AgreementTable {
    let mut job = AgreementJob::new(project);
    while !job.step(project, usize::MAX) {}
    job.finish()
}

/// The agreement table computed a few documents at a time, so that a corpus of thousands
/// leaves the page responsive and shows progress. Every step must get the same project.
pub struct AgreementJob {
    labels: Vec<String>,
    layer_of: HashMap<String, String>,
    annotators: Vec<String>,
    pairs: Vec<PairTally>,
    everyone: Option<EveryoneTally>,
    next: usize,
    total: usize,
}

impl AgreementJob {
    pub fn new(project: &Project) -> Self {
        let mut names: BTreeSet<&str> = BTreeSet::new();
        for doc in project.documents().iter().filter(|d| d.is_loaded()) {
            names.extend(doc.annotated_by.iter().map(String::as_str));
            names.extend(doc.spans().iter().filter_map(|s| s.annotator.as_deref()));
        }
        let annotators: Vec<String> = names.into_iter().map(str::to_string).collect();
        let labels: Vec<String> = project.schema.labels().map(|l| l.name.clone()).collect();
        let layer_of: HashMap<String, String> = project
            .schema
            .labels()
            .filter_map(|l| {
                project.schema.layer_of(&l.name).map(|layer| (l.name.clone(), layer.name.clone()))
            })
            .collect();
        let mut pairs = Vec::new();
        for (i, a) in annotators.iter().enumerate() {
            for b in &annotators[i + 1..] {
                pairs.push(PairTally::new(a, b, labels.len()));
            }
        }
        let people: Vec<String> = annotators.iter().filter(|a| *a != GOLD).cloned().collect();
        let everyone = (people.len() >= 3).then(|| EveryoneTally::new(people, labels.len()));
        AgreementJob {
            labels,
            layer_of,
            annotators,
            pairs,
            everyone,
            next: 0,
            total: project.documents().len(),
        }
    }

    /// Adds up to `budget` more documents; true when every document is in.
    pub fn step(&mut self, project: &Project, budget: usize) -> bool {
        let stop = self.next.saturating_add(budget).min(self.total);
        for at in self.next..stop {
            let Some(doc) = project.documents().get(at).filter(|d| d.is_loaded()) else { continue };
            let work = DocWork::of(doc);
            for pair in &mut self.pairs {
                if work.annotators.contains(pair.a.as_str()) && work.annotators.contains(pair.b.as_str()) {
                    pair.add(&work, &self.labels, &self.layer_of);
                }
            }
            if let Some(everyone) = &mut self.everyone {
                everyone.add(&work, &self.labels);
            }
        }
        self.next = stop;
        self.next >= self.total
    }

    /// Documents counted so far, of all.
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.total)
    }

    pub fn finish(self) -> AgreementTable {
        let mut rows = Vec::new();
        let mut pair_rows = Vec::new();
        for pair in self.pairs {
            let these = pair.rows(&self.labels);
            rows.extend(these.iter().cloned());
            if these.first().is_some_and(|r| r.a != GOLD && r.b != GOLD) {
                pair_rows.push(these);
            }
        }
        if let Some(everyone) = self.everyone {
            rows.extend(everyone.rows(&self.labels, &pair_rows));
        }
        AgreementTable { annotators: self.annotators, rows }
    }
}

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
struct PairTally {
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
    fn new(a: &str, b: &str, labels: usize) -> Self {
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

    fn add(&mut self, work: &DocWork, labels: &[String], layer_of: &HashMap<String, String>) {
        let (a, b) = (self.a.as_str(), self.b.as_str());
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
                    span.attributes.keys().chain(other.attributes.keys()).collect();
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
        let layers: BTreeSet<&str> = layer_of.values().map(String::as_str).collect();
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
        let ends = |spans: &[&Span], relation: &super::document::Relation| {
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

    fn rows(mut self, labels: &[String]) -> Vec<AgreementRow> {
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

/// αu over several categories: 1 − mean D_o / mean D_e (as DKPro Agreement does).
fn mean_alpha(disagreements: &[(f64, f64)]) -> Option<f64> {
    if disagreements.is_empty() {
        return None;
    }
    let n = disagreements.len() as f64;
    let observed = disagreements.iter().map(|d| d.0).sum::<f64>() / n;
    let expected = disagreements.iter().map(|d| d.1).sum::<f64>() / n;
    unitizing::alpha(observed, expected)
}

/// The counts over all annotators together (three or more, gold aside): units for αu on the
/// documents every one of them worked on.
struct EveryoneTally {
    people: Vec<String>,
    documents: usize,
    continuum: u64,
    /// `units[label][rater]`.
    units: Vec<Vec<Vec<Unit>>>,
}

impl EveryoneTally {
    fn new(people: Vec<String>, labels: usize) -> Self {
        let units = (0..labels).map(|_| vec![Vec::new(); people.len()]).collect();
        EveryoneTally { people, documents: 0, continuum: 0, units }
    }

    fn add(&mut self, work: &DocWork, labels: &[String]) {
        if !self.people.iter().all(|a| work.annotators.contains(a.as_str())) {
            return;
        }
        self.documents += 1;
        for (r, name) in self.people.iter().enumerate() {
            for span in work.spans(name) {
                if let Some(k) = labels.iter().position(|l| **l == *span.label) {
                    let begin = self.continuum + span.range.start as u64;
                    self.units[k][r].push(Unit { begin, length: span.range.len() as u64 });
                }
            }
        }
        self.continuum += work.doc.char_len() as u64;
    }

    /// Rows over all annotators: F1, kappa, relation and attribute figures are the means of
    /// the pairs' (kappa's mean is Light's kappa); αu takes every annotator at once.
    fn rows(self, labels: &[String], pair_rows: &[Vec<AgreementRow>]) -> Vec<AgreementRow> {
        let mean = |label: &str, field: fn(&AgreementRow) -> Option<f64>| {
            let values: Vec<f64> =
                pair_rows.iter().flatten().filter(|r| r.label == label).filter_map(field).collect();
            (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
        };
        let mut disagreements = Vec::new();
        let mut label_rows = Vec::new();
        for (k, raters) in self.units.into_iter().enumerate() {
            if raters.iter().all(Vec::is_empty) {
                continue;
            }
            let raters: Vec<Vec<Unit>> = raters.into_iter().map(unitizing::tidy).collect();
            let d = unitizing::disagreements(&raters, self.continuum);
            disagreements.extend(d);
            label_rows.push((k, d.and_then(|(o, e)| unitizing::alpha(o, e))));
        }
        let documents = self.documents;
        let row = |label: &str, alpha_u: Option<f64>| {
            let count = |field: fn(&AgreementRow) -> usize| {
                pair_rows.iter().flatten().filter(|r| r.label == label).map(field).max().unwrap_or(0)
            };
            AgreementRow {
                a: EVERYONE.to_string(),
                b: EVERYONE.to_string(),
                label: label.to_string(),
                documents,
                spans_a: count(|r| r.spans_a),
                spans_b: count(|r| r.spans_b),
                f1_exact: mean(label, |r| r.f1_exact),
                f1_overlap: mean(label, |r| r.f1_overlap),
                kappa: mean(label, |r| r.kappa),
                alpha_u,
                relations_f1: mean(label, |r| r.relations_f1),
                attributes: mean(label, |r| r.attributes),
            }
        };
        let mut rows = vec![row(ALL, mean_alpha(&disagreements))];
        rows.extend(label_rows.into_iter().map(|(k, alpha)| row(&labels[k], alpha)));
        rows
    }
}

/// A figure as the table and the CSV write it: four decimals, empty when undefined.
pub fn figure(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| format!("{v:.4}"))
}

/// The table as CSV (RFC 4180), one row per table row.
pub fn to_csv(table: &AgreementTable) -> String {
    let mut out = String::from(
        "annotator_a,annotator_b,label,documents,spans_a,spans_b,f1_exact,f1_overlap,kappa,alpha_u,relations_f1,attributes\r\n",
    );
    for row in &table.rows {
        let cells = [
            csv_cell(&row.a),
            csv_cell(&row.b),
            csv_cell(&row.label),
            row.documents.to_string(),
            row.spans_a.to_string(),
            row.spans_b.to_string(),
            figure(row.f1_exact),
            figure(row.f1_overlap),
            figure(row.kappa),
            figure(row.alpha_u),
            figure(row.relations_f1),
            figure(row.attributes),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A text cell: quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-` or
/// `@` is escaped with `'` so that a spreadsheet does not run it as a formula.
fn csv_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}
