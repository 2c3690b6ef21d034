//! Directive records by key: Enter takes the cue and issuer proposed for the selected
//! directive (see `directive_record`), `=` copies those of the directive before it.

use super::Said;
use super::{EditorState, Notice};
use crate::core::command::Command;
use crate::core::directive_record::{
    previous_record, propose_record, record_commands, PreviousRecord, RecordProposal, ISSUER_RELATION,
};
use crate::core::document::Relation;

impl EditorState {
    /// What the selected directive's record could be, read off the text before it (empty
    /// when nothing is selected, the span is no directive, or it has its cue and issuer).
    pub fn record_proposal(&self) -> RecordProposal {
        match (self.document(), self.selected_span) {
            (Some(doc), Some(id)) => propose_record(doc, &self.project().schema, id),
            _ => RecordProposal::default(),
        }
    }

    /// Enter on a directive with a proposal: its cue and issuer, as one undo step.
    pub(super) fn accept_record(&mut self) {
        let proposal = self.record_proposal();
        let (Some(doc), Some(id)) = (self.shared_document(), self.selected_span) else { return };
        if proposal.is_empty() {
            return;
        }
        let steps = record_commands(&doc, id, &proposal, || self.session.allocate_relation_id());
        if self.edit(Command::Batch { steps }) {
            self.notice = Some(Notice::info(self.record_taken(&proposal)));
        }
    }

    fn record_taken(&self, proposal: &RecordProposal) -> Said {
        let cue = proposal.cue.as_ref().map(|cue| (cue.attribute.clone(), cue.value.clone()));
        let issuer = proposal
            .issuer
            .and_then(|id| self.document()?.span(id).map(|s| s.range))
            .and_then(|range| Some(self.document()?.slice(range).to_string()));
        Said::RecordTaken { cue, issuer }
    }

    /// `=`: the selected directive takes the cue and issuer of the nearest directive before
    /// it that has either, as one undo step (values it already has are replaced; issuers it
    /// already has are kept).
    pub(super) fn same_record_as_previous(&mut self) {
        let (Some(doc), Some(id)) = (self.shared_document(), self.selected_span) else { return };
        let Some(PreviousRecord { cues, issuers }) = previous_record(&doc, &self.project().schema, id) else {
            self.notice = Some(Notice::error(Said::NoRecordToCopy));
            return;
        };
        let span = doc.span(id).cloned();
        let mut steps = Vec::new();
        for (name, value) in cues {
            if span.as_ref().and_then(|s| s.attributes.get(&name)) != Some(&value) {
                steps.push(Command::SetAttribute { doc: doc.id.clone(), span: id, name, value: Some(value) });
            }
        }
        for to in issuers {
            let exists =
                doc.relations_of(id).any(|r| r.from == id && r.to == to && r.kind == ISSUER_RELATION);
            if !exists {
                let relation = Relation::new(self.session.allocate_relation_id(), ISSUER_RELATION, id, to);
                steps.push(Command::AddRelation { doc: doc.id.clone(), relation });
            }
        }
        if steps.is_empty() {
            self.notice = Some(Notice::info(Said::RecordAlreadySame));
        } else if self.edit(Command::Batch { steps }) {
            self.notice = Some(Notice::info(Said::RecordCopied));
        }
    }
}
