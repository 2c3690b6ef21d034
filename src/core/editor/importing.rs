//! The dataset import under review: opening it, revising its choices, accepting it.

use super::Said;
use super::{EditorState, Notice, PendingImport};
use crate::core::import::{plan, suggest_mapping, Parsed};
use std::rc::Rc;

impl EditorState {
    /// Opens the review of a dataset file; labels outside the schema start with the likeliest
    /// schema label, if any (see `suggest_mapping`).
    pub(super) fn open_review(
        &mut self,
        source: String,
        parsed: Parsed,
        as_text: Option<crate::core::intake::AsText>,
    ) {
        let mapping = suggest_mapping(self.project(), &parsed);
        let plan = plan(self.project(), &parsed, &mapping, None);
        let planned_at = self.session.revision();
        self.pending_import = Some(Rc::new(PendingImport {
            source,
            parsed,
            mapping,
            unit_choice: None,
            plan,
            planned_at,
            as_text,
        }));
    }

    /// Changes a choice of the import under review and plans it again (once, here: the dialog
    /// only draws the plan).
    pub(super) fn revise_import(&mut self, change: impl FnOnce(&mut PendingImport)) {
        if let Some(mut shared) = self.pending_import.take() {
            let pending = Rc::make_mut(&mut shared);
            change(pending);
            pending.plan = plan(self.project(), &pending.parsed, &pending.mapping, pending.unit_choice);
            pending.planned_at = self.session.revision();
            self.pending_import = Some(shared);
        }
    }

    pub(super) fn accept_import(&mut self) {
        let Some(shared) = self.pending_import.take() else {
            return;
        };
        let pending = &*shared;
        if pending.plan.needs_unit_choice() {
            self.notice = Some(Notice::error(Said::ChooseOffsetUnitFirst { source: pending.source.clone() }));
            self.pending_import = Some(shared);
            return;
        }
        // The project may have changed under the review (an undo); then plan against it as it is.
        // The plan is copied when an earlier state still holds the review (the UI's); texts are
        // shared, so that is the annotations only.
        let plan = if pending.planned_at == self.session.revision() {
            pending.plan.clone()
        } else {
            plan(self.project(), &pending.parsed, &pending.mapping, pending.unit_choice)
        };
        if plan.docs.is_empty() {
            self.notice = Some(Notice::error(Said::NothingToImport { source: pending.source.clone() }));
            return;
        }
        let first = plan.docs[0].id.clone();
        let command = plan.command(self.project());
        if self.edit(command) {
            self.open(first);
            self.notice = Some(Notice::info(Said::DatasetImported {
                source: pending.source.clone(),
                format: plan.format,
                docs: plan.docs.len(),
                spans: plan.span_count(),
                relations: plan.relation_count(),
                moved: plan.moved,
                left_out: plan.problems.len() + plan.unmapped.values().sum::<usize>(),
            }));
        }
    }
}
