//! A model's suggestions put on documents: each document's earlier model suggestions give way
//! to the new ones (a retrained model, or another threshold), as one undo step. Documents
//! marked done get none (they are what the model learns from); nothing is suggested over a
//! confirmed span of the same layer, nor with a label the schema no longer has.

use super::command::Command;
use super::document::DocId;
use super::project::Project;
use super::suggestion::{Suggestion, SuggestionSource};
use super::DocStatus;
use crate::core::editor::Said;

/// What putting a model's suggestions on documents changes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ModelPlan {
    pub steps: Vec<Command>,
    pub added: usize,
    pub removed: usize,
    /// Documents left alone: marked done, gone, or not read yet.
    pub skipped_docs: usize,
}

impl ModelPlan {
    /// What the suggestions change, for the message shown after them.
    pub fn said(&self) -> Said {
        Said::ModelSuggested { added: self.added, replaced: self.removed, skipped_docs: self.skipped_docs }
    }
}

/// Same place, label and score.
fn identical(a: &Suggestion, b: &Suggestion) -> bool {
    a.same_as(b) && a.score == b.score && a.source == b.source
}

/// The commands that put `found` (per document, from the model) on `project`.
pub fn plan_model_suggestions(project: &Project, found: Vec<(DocId, Vec<Suggestion>)>) -> ModelPlan {
    let schema = &project.schema;
    let mut plan = ModelPlan::default();
    for (id, new) in found {
        let Some(doc) = project.document(&id).filter(|d| d.is_loaded() && d.status != DocStatus::Done) else {
            plan.skipped_docs += 1;
            continue;
        };
        let old: Vec<Suggestion> = doc
            .suggestions()
            .as_slice()
            .iter()
            .filter(|s| s.source == SuggestionSource::Model)
            .cloned()
            .collect();
        let fits = |s: &Suggestion| {
            let Some(layer) = schema.layer_of(&s.label) else { return false };
            s.start < s.end
                && s.end <= doc.char_len()
                && !doc
                    .spans_overlapping(s.range())
                    .any(|span| schema.layer_of(&span.label).is_some_and(|l| l.name == layer.name))
        };
        let new: Vec<Suggestion> =
            new.into_iter().filter(|s| s.source == SuggestionSource::Model && fits(s)).collect();
        let remove: Vec<Suggestion> =
            old.iter().filter(|o| !new.iter().any(|n| identical(n, o))).cloned().collect();
        // A suggestion another source made at the same place with the same label stays that one.
        let add: Vec<Suggestion> = new
            .into_iter()
            .filter(|n| !old.iter().any(|o| identical(n, o)))
            .filter(|n| !doc.suggestions().contains(n) || remove.iter().any(|r| r.same_as(n)))
            .collect();
        plan.removed += remove.len();
        plan.added += add.len();
        if !remove.is_empty() {
            plan.steps.push(Command::RemoveSuggestions { doc: id.clone(), suggestions: remove });
        }
        if !add.is_empty() {
            plan.steps.push(Command::AddSuggestions { doc: id, suggestions: add });
        }
    }
    plan
}
