//! Adjudicating in the editor: while it runs, the user's edits go into the gold layer (the
//! session's annotator is `gold`), the text shows the gold layer, and keys walk the open
//! disagreements (see `core::adjudication`), each decision one undo step.

use super::Said;
use super::{EditorState, Notice};
use crate::core::adjudication::{accept_agreed, decide, open_disagreements, Choice, Disagreement};
use crate::core::merge::GOLD;
use std::rc::Rc;

/// The walk through the disagreements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Adjudication {
    /// The open disagreements, as they stood after the last decision.
    pub open: Vec<Disagreement>,
    /// The one shown (an index into `open`; equal to its length when there are none).
    pub at: usize,
    /// The user's own name, given back when the adjudication stops.
    pub user: Option<Rc<str>>,
}

impl Adjudication {
    pub fn current(&self) -> Option<&Disagreement> {
        self.open.get(self.at)
    }
}

impl EditorState {
    pub(super) fn start_adjudication(&mut self) {
        if self.adjudication.is_some() {
            return;
        }
        let user = self.session.annotator().map(Rc::from);
        self.session.set_annotator(Some(GOLD.into()));
        self.view = Some(GOLD.to_string());
        let open = open_disagreements(self.project());
        let mut adjudication = Adjudication { open, at: 0, user };
        self.notice = Some(Notice::info(Said::AdjudicationStarted { open: adjudication.open.len() }));
        self.show_disagreement(&mut adjudication);
        self.adjudication = Some(Rc::new(adjudication));
    }

    pub(super) fn stop_adjudication(&mut self) {
        if let Some(adjudication) = self.adjudication.take() {
            self.session.set_annotator(adjudication.user.clone());
            self.view = None;
            self.pending = None;
        }
    }

    /// Opens the document of the disagreement shown and selects its place.
    fn show_disagreement(&mut self, adjudication: &mut Adjudication) {
        adjudication.at = adjudication.at.min(adjudication.open.len());
        if let Some(current) = adjudication.current().cloned() {
            self.open(current.doc.clone());
            self.pending = None;
            self.caret = None;
        }
    }

    pub(super) fn step_disagreement(&mut self, forward: bool) {
        let Some(mut adjudication) = self.adjudication.as_deref().cloned() else { return };
        // Edits by hand may have decided some since: look again, keeping the place.
        let current = adjudication.current().cloned();
        adjudication.open = open_disagreements(self.project());
        let last = adjudication.open.len().saturating_sub(1);
        adjudication.at = match current.as_ref().and_then(|c| adjudication.open.iter().position(|d| d == c)) {
            Some(here) if forward => (here + 1).min(last),
            Some(here) => here.saturating_sub(1),
            // The one shown was decided by hand: the next is the first after its place.
            None => {
                let after = self.position_after(&adjudication.open, current.as_ref());
                if forward {
                    after.min(last)
                } else {
                    after.saturating_sub(1)
                }
            }
        };
        self.show_disagreement(&mut adjudication);
        self.adjudication = Some(Rc::new(adjudication));
    }

    /// The index in `open` of the first disagreement after `current`'s place.
    fn position_after(&self, open: &[Disagreement], current: Option<&Disagreement>) -> usize {
        let Some(current) = current else { return 0 };
        let place = |d: &Disagreement| (self.project().position(&d.doc).unwrap_or(usize::MAX), d.range.start);
        let here = place(current);
        open.iter().position(|d| place(d) > here).unwrap_or(open.len())
    }

    pub(super) fn decide_disagreement(&mut self, choice: Choice) {
        let Some(mut adjudication) = self.adjudication.as_deref().cloned() else { return };
        let Some(current) = adjudication.current().cloned() else { return };
        match decide(self.project(), &current, choice) {
            Ok(command) => {
                if self.edit(command) {
                    adjudication.open = open_disagreements(self.project());
                    adjudication.at = self.position_after(&adjudication.open, Some(&current));
                    if adjudication.at >= adjudication.open.len() {
                        adjudication.at = 0;
                    }
                    self.notice = Some(Notice::info(Said::Decided { left: adjudication.open.len() }));
                    self.show_disagreement(&mut adjudication);
                }
            }
            Err(error) => self.notice = Some(Notice::error(Said::Adjudication(error))),
        }
        self.adjudication = Some(Rc::new(adjudication));
    }

    /// Selects the disagreement's place in the gold layer, to label by hand.
    pub(super) fn edit_disagreement(&mut self) {
        let Some(current) = self.adjudication.as_deref().and_then(|a| a.current()).cloned() else { return };
        self.open(current.doc.clone());
        self.pending = Some(current.range);
        self.notice = Some(Notice::info(Said::EditIntoGold));
    }

    pub(super) fn accept_agreed_documents(&mut self) {
        match accept_agreed(self.project()) {
            Ok((_, 0)) => self.notice = Some(Notice::info(Said::NoAgreedDocumentLeft)),
            Ok((command, taken)) => {
                if self.edit(command) {
                    self.notice = Some(Notice::info(Said::AgreedTaken { documents: taken }));
                    if let Some(mut adjudication) = self.adjudication.as_deref().cloned() {
                        adjudication.open = open_disagreements(self.project());
                        adjudication.at = 0;
                        self.show_disagreement(&mut adjudication);
                        self.adjudication = Some(Rc::new(adjudication));
                    }
                }
            }
            Err(error) => self.notice = Some(Notice::error(Said::Adjudication(error))),
        }
    }
}
