//! The review queue: suggestions walked one by one by key, each accepted (it becomes a span),
//! relabelled and accepted, or rejected, each decision one undo step. The queue runs through
//! the open document in reading order and on into the next documents of the project that
//! have suggestions.

use super::Said;
use super::{EditorState, Notice};
use crate::core::command::Command;
use crate::core::document::{DocId, Document, Span};
use crate::core::label_all::LabelAllScope;
use crate::core::model_suggestions::plan_model_suggestions;
use crate::core::pre_annotate::PrePlan;
use crate::core::suggestion::Suggestion;

/// What the user decided since the app was opened (for the stats panel).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Spans the user made: by hand, by Label all, by accepting suggestions.
    pub confirmed: usize,
    pub accepted: usize,
    pub rejected: usize,
}

/// Orders suggestions as the queue walks them: by place, then label.
fn key(s: &Suggestion) -> (usize, usize, &str) {
    (s.start, s.end, &s.label)
}

/// The order the queue walks suggestions in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReviewOrder {
    /// Document by document, in reading order.
    #[default]
    Position,
    /// Across the project, the model's surest first.
    Confident,
    /// Across the project, the model's least sure first (confidence nearest one half): what
    /// active learning asks a person to decide, since those decisions teach the model most.
    Uncertain,
}

impl ReviewOrder {
    pub const ALL: [ReviewOrder; 3] = [ReviewOrder::Position, ReviewOrder::Confident, ReviewOrder::Uncertain];

    pub fn key(self) -> &'static str {
        match self {
            ReviewOrder::Position => "position",
            ReviewOrder::Confident => "confident",
            ReviewOrder::Uncertain => "uncertain",
        }
    }

    pub fn from_key(key: &str) -> Option<ReviewOrder> {
        ReviewOrder::ALL.into_iter().find(|o| o.key() == key)
    }

    /// Where `s` comes in this order (smaller first); suggestions without a score (from a
    /// dictionary or pattern) come after the model's.
    fn rank(self, s: &Suggestion) -> (bool, u32) {
        let Some(p) = s.score else { return (true, 0) };
        let distance = match self {
            ReviewOrder::Position => 0.0,
            ReviewOrder::Confident => 1.0 - p,
            ReviewOrder::Uncertain => (p - 0.5).abs(),
        };
        (false, (distance.clamp(0.0, 1.0) * 1e6) as u32)
    }
}

/// A suggestion's place in a project-wide order: its rank, its document's position, itself.
type RankedKey<'a> = ((bool, u32), usize, (usize, usize, &'a str));

impl EditorState {
    /// The suggestion under review, if it is still on the open document.
    pub fn current_suggestion(&self) -> Option<&Suggestion> {
        let current = self.review.as_ref()?;
        let doc = self.document()?;
        doc.suggestions().index_of(current).and_then(|i| doc.suggestions().get(i))
    }

    /// Its index in the open document's suggestions.
    pub fn current_suggestion_index(&self) -> Option<usize> {
        let current = self.review.as_ref()?;
        self.document()?.suggestions().index_of(current)
    }

    /// Suggestions left in the whole project (stand-ins count as none).
    pub fn suggestion_count(&self) -> usize {
        self.project().documents().iter().map(|d| d.suggestions().len()).sum()
    }

    /// Adds the suggestions of a pre-annotation run as one undo step.
    pub(super) fn add_suggestions(&mut self, plan: PrePlan) {
        let summary = plan.said();
        if plan.add.is_empty() {
            self.notice = Some(Notice::info(summary));
            return;
        }
        let steps = plan
            .add
            .into_iter()
            .map(|(doc, suggestions)| Command::AddSuggestions { doc, suggestions })
            .collect();
        if self.edit(Command::Batch { steps }) {
            self.notice = Some(Notice::info(summary));
            self.review = None;
            self.step_suggestion(true);
        }
    }

    /// Puts a model's suggestions on their documents (replacing its earlier ones there), as one
    /// undo step.
    pub(super) fn add_model_suggestions(&mut self, found: Vec<(DocId, Vec<Suggestion>)>) {
        let plan = plan_model_suggestions(self.project(), found);
        if plan.steps.is_empty() {
            // Suggesting again on a document the model already covered changes nothing.
            return;
        }
        let summary = plan.said();
        if self.edit(Command::Batch { steps: plan.steps }) {
            self.notice = Some(Notice::info(summary));
        }
    }

    /// Moves to the next (or previous) suggestion: in the open document after the current one
    /// (or after the selected span), then in the following documents, round to the start.
    pub(super) fn step_suggestion(&mut self, forward: bool) {
        if self.review_order != ReviewOrder::Position {
            return self.step_by_score(forward);
        }
        let Some(open) = self.document() else { return };
        let from = match (&self.review, self.selected_span.and_then(|id| open.span(id))) {
            (Some(current), _) => Some((current.start, current.end, current.label.to_string())),
            (None, Some(span)) => Some((span.range.start, span.range.end, String::new())),
            (None, None) => None,
        };
        let here = open.suggestions().as_slice();
        let next = match (&from, forward) {
            (Some((s, e, l)), true) => here.iter().find(|x| key(x) > (*s, *e, l.as_str())),
            (Some((s, e, l)), false) => here.iter().rev().find(|x| key(x) < (*s, *e, l.as_str())),
            (None, true) => here.first(),
            (None, false) => here.last(),
        };
        if let Some(next) = next {
            self.review = Some(next.clone());
            self.selected_span = None;
            self.pending = None;
            return;
        }
        let found = self.other_document_with_suggestions(forward);
        self.review_at(found);
    }

    /// Reviews `found` (opening its document), or says the walk has come to its end.
    fn review_at(&mut self, found: Option<(DocId, Suggestion)>) {
        match found {
            Some((doc, suggestion)) => {
                if self.open_doc.as_ref() != Some(&doc) {
                    self.open(doc);
                }
                self.review = Some(suggestion);
                self.selected_span = None;
                self.pending = None;
            }
            None => {
                self.review = None;
                let left = self.suggestion_count();
                self.notice = Some(Notice::info(if left == 0 {
                    Said::NoSuggestionsLeft
                } else {
                    Said::SuggestionsLeft { left }
                }));
            }
        }
    }

    /// The next (or previous) suggestion of the whole project in the review order by score:
    /// one pass over the suggestions, no sort (a corpus can hold a hundred thousand).
    fn step_by_score(&mut self, forward: bool) {
        let order = self.review_order;
        let docs = self.project().documents();
        let at = self.open_doc.as_ref().and_then(|id| self.project().position(id));
        let current: Option<RankedKey> =
            self.review.as_ref().zip(at).map(|(s, at)| (order.rank(s), at, key(s)));
        let mut best: Option<(RankedKey, usize, &Suggestion)> = None;
        for (i, doc) in docs.iter().enumerate() {
            for s in doc.suggestions().as_slice() {
                let k = (order.rank(s), i, key(s));
                let after = current.as_ref().is_none_or(|c| if forward { k > *c } else { k < *c });
                let better = best.as_ref().is_none_or(|(b, _, _)| if forward { k < *b } else { k > *b });
                if after && better {
                    best = Some((k, i, s));
                }
            }
        }
        let found = best.map(|(_, i, s)| (docs[i].id.clone(), s.clone()));
        self.review_at(found);
    }

    /// The first suggestion (last, going back) of the nearest other document that has any,
    /// in list order round from the open one; the open document itself comes last, from its
    /// start (or end).
    fn other_document_with_suggestions(&self, forward: bool) -> Option<(DocId, Suggestion)> {
        let docs = self.project().documents();
        let at = self.open_doc.as_ref().and_then(|id| self.project().position(id)).unwrap_or(0);
        let n = docs.len();
        (1..=n).find_map(|k| {
            let i = if forward { (at + k) % n } else { (at + n - k) % n };
            let suggestions = docs[i].suggestions().as_slice();
            let pick = if forward { suggestions.first() } else { suggestions.last() };
            pick.map(|s| (docs[i].id.clone(), s.clone()))
        })
    }

    /// The commands that accept `suggestion` of `doc` as a span labelled `label`: the
    /// suggestion goes, and so do the other suggestions of the layer it would now overlap
    /// (where the layer forbids overlaps).
    fn accept_steps(&mut self, doc: &Document, suggestion: &Suggestion, label: &str) -> Vec<Command> {
        let schema = &self.project().schema;
        let layer = schema.layer_of(label).map(|l| (l.name.clone(), l.allow_overlap));
        let suggestions = doc.suggestions();
        let gone: Vec<Suggestion> = suggestions
            .overlapping(suggestion.range())
            .map(|i| &suggestions.as_slice()[i])
            .filter(|other| {
                other.same_as(suggestion)
                    || layer.as_ref().is_some_and(|(name, overlap)| {
                        !overlap && schema.layer_of(&other.label).is_some_and(|l| &l.name == name)
                    })
            })
            .cloned()
            .collect();
        let id = self.session.allocate_span_id();
        let doc_id = doc.id.clone();
        vec![
            Command::RemoveSuggestions { doc: doc_id.clone(), suggestions: gone },
            Command::AddSpan { doc: doc_id, span: Span::new(id, suggestion.range(), label) },
        ]
    }

    /// Accepts the current suggestion, as its own label or as `label`, and moves on.
    pub(super) fn accept_suggestion(&mut self, label: Option<String>) {
        let (Some(current), Some(doc)) = (self.current_suggestion().cloned(), self.shared_document()) else {
            self.notice = Some(Notice::error(Said::NoSuggestionUnderReview));
            return;
        };
        let label = label.unwrap_or_else(|| current.label.to_string());
        let steps = self.accept_steps(&doc, &current, &label);
        if self.edit(Command::Batch { steps }) {
            self.tally.accepted += 1;
            self.tally.confirmed += 1;
            self.step_suggestion(true);
        } else if let Some(Notice { said: Said::Edit(error), .. }) = &self.notice {
            self.notice = Some(Notice::error(Said::SuggestionRefused(error.clone())));
        }
    }

    /// Rejects the current suggestion and moves on.
    pub(super) fn reject_suggestion(&mut self) {
        let (Some(current), Some(doc)) = (self.current_suggestion().cloned(), self.open_doc.clone()) else {
            return;
        };
        if self.edit(Command::RemoveSuggestions { doc, suggestions: vec![current] }) {
            self.tally.rejected += 1;
            self.step_suggestion(true);
        }
    }

    /// Accepts every suggestion with the current one's text and label, over the Label all
    /// scope (the open document, or the corpus), as one undo step. Those that would overlap a
    /// span of a layer that forbids it are left for review.
    pub(super) fn accept_all_like_current(&mut self) {
        let (Some(current), Some(open)) = (self.current_suggestion().cloned(), self.shared_document()) else {
            self.notice = Some(Notice::error(Said::NoSuggestionUnderReview));
            return;
        };
        let text = open.slice(current.range()).to_string();
        let docs: Vec<_> = match self.label_all_scope {
            LabelAllScope::Document => vec![open.clone()],
            LabelAllScope::Corpus => {
                self.project().documents().iter().filter(|d| d.is_loaded()).cloned().collect()
            }
        };
        let (mut steps, mut accepted, mut left) = (Vec::new(), 0, 0);
        for doc in docs {
            let mut taken: Vec<Suggestion> = Vec::new();
            let alike: Vec<Suggestion> = doc
                .suggestions()
                .as_slice()
                .iter()
                .filter(|s| s.label == current.label && doc.slice(s.range()) == text)
                .cloned()
                .collect();
            for suggestion in alike {
                let fits = self
                    .project()
                    .check_span(
                        &doc.id,
                        suggestion.range(),
                        &suggestion.label,
                        None,
                        self.session.annotator(),
                    )
                    .is_ok()
                    && !taken.iter().any(|t| t.range().overlaps(&suggestion.range()));
                if !fits {
                    left += 1;
                    continue;
                }
                let mut accept = self.accept_steps(&doc, &suggestion, &suggestion.label.clone());
                // Suggestions one acceptance removes are not removed twice by another's.
                if let Some(Command::RemoveSuggestions { suggestions, .. }) = accept.first_mut() {
                    suggestions.retain(|s| !taken.iter().any(|t| t.same_as(s)));
                    taken.extend(suggestions.iter().cloned());
                }
                taken.push(suggestion);
                steps.extend(accept);
                accepted += 1;
            }
        }
        if self.edit(Command::Batch { steps }) {
            self.tally.accepted += accepted;
            self.tally.confirmed += accepted;
            self.step_suggestion(true);
            self.notice = Some(Notice::info(Said::AcceptedAlike {
                accepted,
                text,
                label: current.label.to_string(),
                left,
            }));
        }
    }
}
