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

mod csv;
mod everyone;
pub mod kappa;
mod pair;
pub mod unitizing;

pub use csv::{figure, to_csv};

use super::document::{Document, Span};
use super::merge::GOLD;
use super::project::Project;
use crate::core::compact_sort;
use everyone::EveryoneTally;
use pair::PairTally;
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
        let mut annotators: BTreeSet<&str> = compact_sort::btree_set(by.keys().copied());
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
                pair.add(&work, &self.labels, &self.layer_of);
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
