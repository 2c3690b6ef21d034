//! "Label all" (the selected span's text labelled the same everywhere in the chosen scope) and
//! search in the text.

use super::Said;
use super::{EditorState, Notice};
use crate::core::label_all::plan_label_all;
use crate::core::DocId;

impl EditorState {
    pub(super) fn label_all(&mut self) {
        let (Some(doc), Some(span)) = (self.open_doc.clone(), self.selected_span) else {
            self.notice = Some(Notice::error(Said::SelectSpanFirst));
            return;
        };
        let scope = self.label_all_scope;
        let plan = match plan_label_all(self.project(), &doc, span, scope) {
            Ok(plan) => plan,
            Err(error) => {
                self.notice = Some(Notice::error(Said::Edit(error)));
                return;
            }
        };
        match self.session.add_spans(&plan.add, &plan.label) {
            Ok(added) => {
                self.tally.confirmed += added;
                self.notice = Some(Notice::info(plan.said(scope)));
            }
            Err(error) => self.notice = Some(Notice::error(Said::Edit(error))),
        }
    }
}

impl EditorState {
    /// Opens the document of the current search hit, when it is another.
    pub(super) fn follow_search(&mut self) {
        let hit = self.search.as_ref().and_then(|s| s.current_hit()).map(|hit| hit.doc.clone());
        let elsewhere =
            |doc: &DocId| Some(doc) != self.open_doc.as_ref() && self.project().document(doc).is_some();
        if let Some(doc) = hit.filter(elsewhere) {
            self.open(doc);
        }
    }
}
