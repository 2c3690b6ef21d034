//! What a project gives to learn from: the chosen layer's labels, its confirmed documents as
//! examples (for the command line) or as the messages that carry them to the worker (for the
//! page), and its other documents' text.

use super::protocol::{LabeledText, Request};
use super::Example;
use crate::core::document::Document;
use crate::core::error::EditError;
use crate::core::schema::Layer;
use crate::core::{DocStatus, Project};

/// Which documents of a project a model learns from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Confirmed {
    /// Documents marked done.
    #[default]
    Done,
    /// Every document (an imported corpus that is annotated already).
    All,
}

impl Confirmed {
    fn includes(self, doc: &Document) -> bool {
        self == Confirmed::All || doc.status == DocStatus::Done
    }
}

/// The layer named `layer`, or with none named, the layer holding the most spans in the
/// chosen documents (the entity layer, in the default schema, unless directives outnumber
/// names; the first on a tie).
fn chosen_layer<'p>(project: &'p Project, layer: Option<&str>, which: Confirmed) -> Option<&'p Layer> {
    let layers = &project.schema.layers;
    if let Some(name) = layer {
        return layers.iter().find(|l| l.name == name);
    }
    layers
        .iter()
        .enumerate()
        .max_by_key(|&(i, layer)| {
            let spans: usize = project
                .documents()
                .iter()
                .filter(|doc| which.includes(doc))
                .map(|doc| {
                    doc.spans().iter().filter(|s| layer.labels.iter().any(|x| *x.name == *s.label)).count()
                })
                .sum();
            (spans, std::cmp::Reverse(i))
        })
        .map(|(_, l)| l)
}

/// The examples a project gives for its layer `layer` (see [`chosen_layer`]): the layer's
/// labels in the schema's order, and one example per chosen document with that layer's spans.
pub fn project_examples(
    project: &Project,
    layer: Option<&str>,
    which: Confirmed,
) -> (Vec<String>, Vec<Example>) {
    let labels = label_names(chosen_layer(project, layer, which));
    let examples = project
        .documents()
        .iter()
        .filter(|doc| which.includes(doc))
        .map(|doc| {
            let text = labeled_text(doc, &labels);
            let spans = text.spans.iter().map(|&(start, end, label)| super::LabeledRange {
                range: crate::core::offsets::CharRange { start, end },
                label,
            });
            Example { chars: text.text.chars().collect(), spans: spans.collect() }
        })
        .collect();
    (labels, examples)
}

fn label_names(layer: Option<&Layer>) -> Vec<String> {
    layer.map(|l| l.labels.iter().map(|l| l.name.clone()).collect()).unwrap_or_default()
}

/// `doc`'s text and its spans whose label is one of `labels`.
fn labeled_text(doc: &Document, labels: &[String]) -> LabeledText {
    let spans = doc
        .spans()
        .iter()
        .filter_map(|s| {
            let label = labels.iter().position(|l| *l == *s.label)?;
            Some((s.range.start, s.range.end, label as u16))
        })
        .collect();
    LabeledText { text: doc.text().to_string(), spans }
}

/// What a training sends to the worker, made a message at a time so that no step of the page
/// is long: the texts in `AddTexts` messages of about [`CHUNK_CHARS`] characters, then `Train`.
/// Holds the project as it was when the training was asked for (a cheap copy: documents are
/// shared), so edits meanwhile do not change what is sent.
#[derive(Clone, Debug)]
pub struct TrainingSet {
    project: Project,
    which: Confirmed,
    pub layer: String,
    pub labels: Vec<String>,
    /// The next document to send.
    next: usize,
    /// Confirmed documents and their spans of the layer, for the panel.
    pub documents: usize,
    pub spans: usize,
}

/// Characters per `AddTexts` message: serialised in a few milliseconds.
pub const CHUNK_CHARS: usize = 50_000;

impl TrainingSet {
    /// The training set of `project`: the documents `which` chooses teach the model (their
    /// spans of the chosen layer), the others lend their text to the character classes.
    ///
    /// # Errors
    /// Documents are still being read from storage (their texts are not known yet).
    pub fn new(project: &Project, which: Confirmed) -> Result<TrainingSet, EditError> {
        if project.stand_ins() > 0 {
            return Err(EditError::StillLoading { pending: project.stand_ins() });
        }
        let layer = chosen_layer(project, None, which);
        let labels = label_names(layer);
        let (mut documents, mut spans) = (0, 0);
        for doc in project.documents().iter().filter(|d| which.includes(d)) {
            documents += 1;
            spans += doc.spans().iter().filter(|s| labels.iter().any(|l| *l == *s.label)).count();
        }
        Ok(TrainingSet {
            project: project.clone(),
            which,
            layer: layer.map(|l| l.name.clone()).unwrap_or_default(),
            labels,
            next: 0,
            documents,
            spans,
        })
    }

    /// The next `AddTexts` message, until every document is sent.
    pub fn next_chunk(&mut self) -> Option<Request> {
        let docs = self.project.documents();
        if self.next >= docs.len() {
            return None;
        }
        let (mut labeled, mut unlabeled, mut size) = (Vec::new(), Vec::new(), 0);
        while size < CHUNK_CHARS {
            let Some(doc) = docs.get(self.next) else { break };
            self.next += 1;
            size += doc.char_len().max(1);
            if self.which.includes(doc) {
                labeled.push(labeled_text(doc, &self.labels));
            } else {
                unlabeled.push(doc.text().to_string());
            }
        }
        Some(Request::AddTexts { labeled, unlabeled })
    }

    /// How much of the set is sent, 0..=1.
    pub fn sent(&self) -> f64 {
        self.next as f64 / self.project.documents().len().max(1) as f64
    }

    /// The message that starts the training once the texts are sent.
    pub fn train(&self, job: u64, seed: u64, hold_out: bool) -> Request {
        Request::Train { job, labels: self.labels.clone(), seed, hold_out }
    }
}
