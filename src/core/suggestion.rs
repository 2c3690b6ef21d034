//! Suggestions: proposed spans kept apart from the annotations. A dictionary, a pattern, the
//! project's own confirmed strings or a model put them on a document; the user accepts one (it
//! becomes a span) or rejects it. They are saved with the project and never exported as
//! annotations, only on request (Label Studio `predictions`, the project file's `suggestions`).
//!
//! A suggestion is known by its place and label: two sources proposing the same label at the
//! same place make one suggestion (the first kept).

use super::offsets::CharRange;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// Where a suggestion came from (shown in the view as `data-source`, exported as the Label
/// Studio prediction's `model_version`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub enum SuggestionSource {
    /// A `term<TAB>LABEL` dictionary file.
    Dictionary,
    /// A regular expression with its label.
    Pattern,
    /// A string the user confirmed elsewhere in the project.
    Project,
    /// Proposed from a directive's reporting clause (its cue word and issuer).
    Cue,
    /// A model trained on the confirmed spans.
    Model,
}

impl SuggestionSource {
    pub fn key(self) -> &'static str {
        match self {
            SuggestionSource::Dictionary => "dictionary",
            SuggestionSource::Pattern => "pattern",
            SuggestionSource::Project => "project",
            SuggestionSource::Cue => "cue",
            SuggestionSource::Model => "model",
        }
    }
}

/// A proposed span: `start..end` in code points of the document, a label of the schema.
/// Its serde shape, `{"start", "end", "label", "source", "score"?}`, is the one wire format of
/// a suggestion (project file, storage, undo history).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub struct Suggestion {
    pub start: usize,
    pub end: usize,
    /// The name of a label of the schema.
    pub label: Rc<str>,
    pub source: SuggestionSource,
    /// The source's confidence, 0 to 1, where it has one (a model's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

impl Suggestion {
    pub fn new(range: CharRange, label: impl Into<Rc<str>>, source: SuggestionSource) -> Self {
        Suggestion { start: range.start, end: range.end, label: label.into(), source, score: None }
    }

    pub fn range(&self) -> CharRange {
        CharRange { start: self.start, end: self.end }
    }

    /// What makes two suggestions the same one: place and label.
    fn key(&self) -> (usize, usize, &str) {
        (self.start, self.end, &self.label)
    }

    /// True when `other` is the same suggestion (same place and label).
    pub fn same_as(&self, other: &Suggestion) -> bool {
        self.key() == other.key()
    }
}

// Scores are finite or absent (import checks), so equality is total.
impl Eq for Suggestion {}

/// A document's suggestions, sorted by (start, end, label), with no two the same.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suggestions {
    items: Vec<Suggestion>,
    /// `reach[i]` is the largest end among `items[..=i]` (as for spans; see
    /// `Document::spans_overlapping`).
    reach: Vec<usize>,
}

impl Suggestions {
    pub fn as_slice(&self) -> &[Suggestion] {
        &self.items
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn get(&self, index: usize) -> Option<&Suggestion> {
        self.items.get(index)
    }

    fn position(&self, suggestion: &Suggestion) -> Result<usize, usize> {
        self.items.binary_search_by(|s| s.key().cmp(&suggestion.key()))
    }

    /// Where the same suggestion (place and label) is in [`Suggestions::as_slice`].
    pub fn index_of(&self, suggestion: &Suggestion) -> Option<usize> {
        self.position(suggestion).ok()
    }

    pub fn contains(&self, suggestion: &Suggestion) -> bool {
        self.position(suggestion).is_ok()
    }

    /// Adds those of `new` that are not there yet and returns them (sorted when the document
    /// had none, else in the order given).
    pub fn add(&mut self, mut new: Vec<Suggestion>) -> Vec<Suggestion> {
        if self.items.is_empty() {
            // The usual case of a pre-annotation: one sort instead of an insertion each.
            // The standard sort: this runs per document of a corpus pre-annotation (see
            // `pre_annotate`), where the direct comparisons are worth the copy.
            new.sort_by(|a, b| a.key().cmp(&b.key()));
            new.dedup_by(|later, first| later.same_as(first));
            self.items = new.clone();
            self.update_reach();
            return new;
        }
        let mut added = Vec::with_capacity(new.len());
        for suggestion in new {
            if let Err(at) = self.position(&suggestion) {
                self.items.insert(at, suggestion.clone());
                added.push(suggestion);
            }
        }
        self.update_reach();
        added
    }

    /// Removes those of `gone` that are there and returns them as they were stored.
    pub fn remove(&mut self, gone: &[Suggestion]) -> Vec<Suggestion> {
        let mut removed = Vec::with_capacity(gone.len());
        for suggestion in gone {
            if let Ok(at) = self.position(suggestion) {
                removed.push(self.items.remove(at));
            }
        }
        self.update_reach();
        removed
    }

    fn update_reach(&mut self) {
        self.reach.clear();
        let mut end = 0;
        for item in &self.items {
            end = end.max(item.end);
            self.reach.push(end);
        }
    }

    /// Indices of the suggestions sharing a character with `range`, in order.
    pub fn overlapping(&self, range: CharRange) -> impl Iterator<Item = usize> + '_ {
        let stop = self.items.partition_point(|s| s.start < range.end);
        let from = self.reach[..stop].partition_point(|end| *end <= range.start);
        (from..stop).filter(move |&i| self.items[i].range().overlaps(&range))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(start: usize, end: usize, label: &str) -> Suggestion {
        Suggestion::new(CharRange { start, end }, label, SuggestionSource::Pattern)
    }

    /// Added all at once to an empty layer or one by one, the layer ends the same: sorted by
    /// place and label, each once, with the same overlap answers.
    #[test]
    fn adding_at_once_or_one_by_one_agrees() {
        let new = vec![s(5, 7, "LOC"), s(0, 2, "PER"), s(5, 7, "LOC"), s(0, 2, "LOC"), s(1, 9, "ORG")];
        let mut at_once = Suggestions::default();
        let added = at_once.add(new.clone());
        assert_eq!(added.len(), 4, "the second 5..7 LOC is the same suggestion");
        let mut one_by_one = Suggestions::default();
        one_by_one.add(vec![s(100, 101, "DATE")]);
        for item in new {
            one_by_one.add(vec![item]);
        }
        one_by_one.remove(&[s(100, 101, "DATE")]);
        assert_eq!(at_once, one_by_one);
        let keys: Vec<_> = at_once.as_slice().iter().map(|x| (x.start, x.end, x.label.to_string())).collect();
        assert_eq!(
            keys,
            [(0, 2, "LOC".into()), (0, 2, "PER".into()), (1, 9, "ORG".into()), (5, 7, "LOC".into())]
        );
        assert_eq!(at_once.overlapping(CharRange { start: 2, end: 5 }).collect::<Vec<_>>(), [2]);
        assert_eq!(at_once.overlapping(CharRange { start: 6, end: 8 }).collect::<Vec<_>>(), [2, 3]);
        // Removing what was added leaves nothing.
        at_once.remove(&added);
        assert!(at_once.is_empty());
    }
}
