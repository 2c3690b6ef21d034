//! The rows over all annotators together (three or more).

use super::unitizing::{self, Unit};
use super::{mean_alpha, AgreementRow, DocWork, ALL, EVERYONE};

/// The counts over all annotators together (three or more, gold aside): units for αu on the
/// documents every one of them worked on.
pub(super) struct EveryoneTally {
    people: Vec<String>,
    documents: usize,
    continuum: u64,
    /// `units[label][rater]`.
    units: Vec<Vec<Vec<Unit>>>,
}

impl EveryoneTally {
    pub(super) fn new(people: Vec<String>, labels: usize) -> Self {
        let units = (0..labels).map(|_| vec![Vec::new(); people.len()]).collect();
        EveryoneTally { people, documents: 0, continuum: 0, units }
    }

    pub(super) fn add(&mut self, work: &DocWork, labels: &[String]) {
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
    pub(super) fn rows(self, labels: &[String], pair_rows: &[Vec<AgreementRow>]) -> Vec<AgreementRow> {
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
