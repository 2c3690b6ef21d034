//! The caret and the keyboard selection (see `core::caret`): a click places the caret, the
//! arrows, Home and End move it, Shift extends the selection from where it started (so does
//! Shift+click), and the selection is then labelled by a label key like a dragged one.

use super::EditorState;
use crate::core::caret::{moved, Caret, Motion};
use crate::core::layout::trim_selection;

impl EditorState {
    /// Where a motion starts from without a caret: the pending selection's or the selected
    /// span's end, else the start of the document.
    fn caret_or_start(&self) -> Caret {
        if let Some(caret) = self.caret {
            return caret;
        }
        let selected = self.selected_span.and_then(|id| self.document()?.span(id).map(|s| s.range));
        match self.pending.or(selected) {
            Some(range) => Caret { anchor: range.start, focus: range.end },
            None => Caret::at(0),
        }
    }

    pub(super) fn place_caret(&mut self, at: usize) {
        let Some(len) = self.document().map(|d| d.char_len()) else { return };
        self.caret = Some(Caret::at(at.min(len)));
        self.caret_shown = true;
        self.pending = None;
    }

    pub(super) fn move_caret(&mut self, motion: Motion, extend: bool) {
        let Some(doc) = self.document() else { return };
        let from = self.caret_or_start();
        let focus = moved(doc, from.focus, motion);
        let caret = if extend { Caret { anchor: from.anchor, focus } } else { Caret::at(focus) };
        // A selection grown key by key is labelled by a label key, not at its first character.
        self.set_caret_selection(caret, false);
    }

    /// Shift+click: the selection from where it started to `at`.
    pub(super) fn extend_selection_to(&mut self, at: usize) {
        let Some(len) = self.document().map(|d| d.char_len()) else { return };
        let from = self.caret_or_start();
        self.set_caret_selection(Caret { anchor: from.anchor, focus: at.min(len) }, true);
    }

    /// Puts the caret at `caret`; a selection it spans becomes the pending one (trimmed of
    /// white space like a dragged one), which an armed sticky label labels at once when
    /// `sticky` (a Shift+click, one gesture like a drag).
    fn set_caret_selection(&mut self, caret: Caret, sticky: bool) {
        self.caret = Some(caret);
        self.caret_shown = true;
        let range = self.document().map(|doc| trim_selection(doc, caret.range())).filter(|r| !r.is_empty());
        self.pending = range;
        if range.is_some() {
            self.selected_span = None;
            self.review = None;
            if let Some(label) = self.sticky_label.clone().filter(|_| sticky) {
                self.label_chosen_with(&label, self.sticky_record);
            }
        }
    }
}
