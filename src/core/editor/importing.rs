//! Accepting a reviewed dataset import.

use super::{EditorState, Notice};
use crate::core::import::plan;

impl EditorState {
    pub(super) fn accept_import(&mut self) {
        let Some(pending) = self.pending_import.take() else {
            return;
        };
        if pending.plan.needs_unit_choice() {
            self.notice = Some(Notice::error(format!(
                "{}: choose how the file counts its offsets before importing",
                pending.source
            )));
            self.pending_import = Some(pending);
            return;
        }
        // The project may have changed under the review (an undo); then plan against it as it is.
        let plan = if pending.planned_at == self.session.revision() {
            pending.plan
        } else {
            plan(self.project(), &pending.parsed, &pending.mapping, pending.unit_choice)
        };
        if plan.docs.is_empty() {
            self.notice = Some(Notice::error(format!("{}: nothing to import", pending.source)));
            return;
        }
        let first = plan.docs[0].id.clone();
        let command = plan.command(self.project());
        if self.edit(command) {
            self.open(first);
            let mut text = format!(
                "imported {} ({}): {} document(s), {} span(s), {} relation(s)",
                pending.source,
                plan.format,
                plan.docs.len(),
                plan.span_count(),
                plan.relation_count()
            );
            if plan.moved > 0 {
                text.push_str(&format!("; {} span(s) moved to where their text is", plan.moved));
            }
            let left_out = plan.problems.len() + plan.unmapped.values().sum::<usize>();
            if left_out > 0 {
                text.push_str(&format!(
                    "; {left_out} span(s) could not be placed (listed before the import)"
                ));
            }
            text.push_str("; Ctrl+Z undoes the import");
            self.notice = Some(Notice::info(text));
        }
    }
}
