//! "Label all": the selected span's text labelled the same everywhere in the chosen scope.

use super::{EditorState, Notice};
use crate::core::label_all::plan_label_all;

impl EditorState {
    pub(super) fn label_all(&mut self) {
        let (Some(doc), Some(span)) = (self.open_doc.clone(), self.selected_span) else {
            self.notice = Some(Notice::error(
                "select a span first (click it, or ] / [), then Shift+A labels its other occurrences",
            ));
            return;
        };
        let scope = self.label_all_scope;
        let plan = match plan_label_all(self.project(), &doc, span, scope) {
            Ok(plan) => plan,
            Err(error) => {
                self.notice = Some(Notice::error(error.to_string()));
                return;
            }
        };
        match self.session.add_spans(&plan.add, &plan.label) {
            Ok(_) => self.notice = Some(Notice::info(plan.summary(scope))),
            Err(error) => self.notice = Some(Notice::error(error.to_string())),
        }
    }
}
