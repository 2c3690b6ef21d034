//! Label all occurrences: the selected span's text found again, in the open document or in
//! every document, and labelled the same wherever its layer allows. The places are found here
//! (pure, over the project as it is); `Session::add_spans` then adds them as one undo step.
//!
//! Matching is exact: the same characters, no case folding (Chinese has none; a Latin name in
//! another case is another string). Occurrences are found left to right without overlapping
//! one another, as a reader would count them (哈哈 occurs once in 哈哈哈).

use super::document::{DocId, Document, SpanId};
use super::error::EditError;
use super::offsets::CharRange;
use super::project::{same_owner, Project};
use super::text_search::occurrences;
use crate::core::editor::Said;

/// Where "label all" looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LabelAllScope {
    /// The open document (the default: the least surprising reach).
    #[default]
    Document,
    /// Every document of the project.
    Corpus,
}

impl LabelAllScope {
    pub const ALL: [LabelAllScope; 2] = [LabelAllScope::Document, LabelAllScope::Corpus];

    pub fn key(self) -> &'static str {
        match self {
            LabelAllScope::Document => "document",
            LabelAllScope::Corpus => "corpus",
        }
    }

    pub fn from_key(key: &str) -> Option<LabelAllScope> {
        LabelAllScope::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// What labelling every occurrence would do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelAllPlan {
    /// The label and text of the span the occurrences copy.
    pub label: String,
    pub text: String,
    /// The places to label, in document order.
    pub add: Vec<(DocId, CharRange)>,
    /// Occurrences already labelled with this label.
    pub already: usize,
    /// Occurrences left alone because the layer forbids overlaps and another span is there.
    pub skipped: usize,
}

impl LabelAllPlan {
    /// How many documents gain a span.
    pub fn documents(&self) -> usize {
        let mut docs: Vec<&DocId> = self.add.iter().map(|(doc, _)| doc).collect();
        docs.dedup();
        docs.len()
    }

    /// The message shown after the labels were added.
    /// What labelling all did, for the message shown after it.
    pub fn said(&self, scope: LabelAllScope) -> Said {
        Said::LabelledAll {
            added: self.add.len(),
            text: self.text.clone(),
            label: self.label.clone(),
            documents: (scope == LabelAllScope::Corpus).then(|| self.documents()),
            already: self.already,
            skipped: self.skipped,
        }
    }
}

/// The occurrences of span `span` of document `doc` to label, over `scope`.
///
/// # Errors
/// When the document or span is not there, or (for the corpus) documents are still being read
/// from storage: their texts are not known yet.
pub fn plan_label_all(
    project: &Project,
    doc: &DocId,
    span: SpanId,
    scope: LabelAllScope,
) -> Result<LabelAllPlan, EditError> {
    let source = project.loaded_document(doc)?;
    let original = source.span(span).ok_or_else(|| EditError::UnknownSpan { doc: doc.clone(), span })?;
    let label = original.label.to_string();
    // Occurrences are labelled as the original was: by its annotator, checked against theirs.
    let owner = original.annotator.clone();
    let text = source.slice(original.range).to_string();
    // The documents themselves, in list order (no lookup by id for each of a corpus's).
    let docs: Vec<&Document> = match scope {
        LabelAllScope::Document => vec![source],
        LabelAllScope::Corpus => {
            if project.stand_ins() > 0 {
                return Err(EditError::StillLoading { pending: project.stand_ins() });
            }
            project.documents().iter().map(|d| &**d).collect()
        }
    };
    let mut plan = LabelAllPlan { label, text, ..LabelAllPlan::default() };
    for document in docs {
        let id = &document.id;
        for range in occurrences(document.text(), &plan.text) {
            if id == doc && range == original.range {
                continue;
            }
            let labelled = document.spans_overlapping(range).any(|s| {
                s.range == range
                    && *s.label == plan.label
                    && same_owner(owner.as_deref(), s.annotator.as_deref())
            });
            if labelled {
                plan.already += 1;
            } else if project.check_span(id, range, &plan.label, None, owner.as_deref()).is_ok() {
                plan.add.push((id.clone(), range));
            } else {
                plan.skipped += 1;
            }
        }
    }
    Ok(plan)
}
