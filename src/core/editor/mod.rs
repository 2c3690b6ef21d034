//! The editor's state and what each user action does to it, without the browser. The UI turns
//! DOM events into [`EditorAction`]s and renders [`EditorState`]; everything in between is here,
//! so it is tested natively.

mod actions;
mod adjudicating;
mod apply;
mod finding;
mod importing;
mod linking;
mod records;
mod reviewing;
pub mod said;
mod selecting;

pub use actions::EditorAction;
pub use adjudicating::Adjudication;
pub use linking::link_types;
pub use reviewing::{ReviewOrder, Tally};

use crate::core::caret::Caret;
use crate::core::command::Command;
use crate::core::doc_nav::DocQuery;
use crate::core::document::{DocId, Document, SpanId};
use crate::core::import::job::Doing;
use crate::core::import::{ImportPlan, LabelChoice, OffsetUnit, Parsed};
use crate::core::label_all::LabelAllScope;
use crate::core::layout::trim_selection;
use crate::core::offsets::CharRange;
use crate::core::project::Project;
use crate::core::session::Session;
use crate::core::suggestion::Suggestion;
use crate::core::text_search::Search;
pub use said::Said;
use std::collections::BTreeMap;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

/// A message for the status bar: what happened, typed (the interface words it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub said: Said,
}

impl Notice {
    pub fn info(said: Said) -> Self {
        Notice { kind: NoticeKind::Info, said }
    }

    pub fn error(said: Said) -> Self {
        Notice { kind: NoticeKind::Error, said }
    }
}

/// Whether the project as it is now has reached browser storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Unsaved,
    Failed(String),
}

#[derive(Clone, Debug)]
pub struct EditorState {
    pub session: Session,
    pub open_doc: Option<DocId>,
    /// The span that Delete removes and a hotkey relabels.
    pub selected_span: Option<SpanId>,
    /// Text selected in the view and not yet labelled (already trimmed, never empty).
    pub pending: Option<CharRange>,
    /// While set, every selection is labelled with it at once.
    pub sticky_label: Option<String>,
    /// The sticky label was armed with Shift and its key: each span it makes takes its
    /// proposed directive record (see `records`).
    pub sticky_record: bool,
    pub notice: Option<Notice>,
    /// The revision last written to storage.
    pub saved_revision: Option<u64>,
    pub save_error: Option<String>,
    /// A dataset file read and waiting for the user to review and accept it (behind `Rc`: a
    /// corpus under review is megabytes, and the state is copied per action).
    pub pending_import: Option<Rc<PendingImport>>,
    /// The source span of a relation being drawn; the next span clicked is its target.
    pub linking: Option<SpanId>,
    /// Source and target chosen, waiting for the relation type (when several fit).
    pub pending_link: Option<(SpanId, SpanId)>,
    /// While linking by keyboard: the span that Enter would make the target.
    pub link_candidate: Option<SpanId>,
    /// What the document list shows; the navigation keys follow it.
    pub doc_query: DocQuery,
    /// A dataset being read in steps (see `import::job`), for the progress bar.
    pub importing: Option<Importing>,
    /// Where "label all" (Shift+A) looks.
    pub label_all_scope: LabelAllScope,
    /// The search in the text and its hits (behind `Rc`: a corpus search can find thousands).
    pub search: Option<Rc<Search>>,
    /// The relation type last chosen from the picker for a (source label, target label) pair:
    /// the next relation between such spans takes it without asking.
    pub relation_defaults: Rc<BTreeMap<(String, String), String>>,
    /// The suggestion under review in the open document (see `reviewing`).
    pub review: Option<Suggestion>,
    /// The caret in the open document's text, and the keyboard selection (see `selecting`).
    pub caret: Option<Caret>,
    /// The caret is drawn: it was placed by a click or moved by keys. A drag shows the page's
    /// own selection instead, and placing the caret costs a layout read per edit.
    pub caret_shown: bool,
    /// Decisions since the app was opened.
    pub tally: Tally,
    /// The order the review queue walks suggestions in.
    pub review_order: ReviewOrder,
    /// Whose spans the text shows (`None`: everyone's).
    pub view: Option<String>,
    /// While adjudicating: the walk through the disagreements (see `adjudicating`).
    pub adjudication: Option<Rc<Adjudication>>,
}

/// How far the reading of a dataset is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Importing {
    pub source: String,
    pub doing: Doing,
    pub done: usize,
    pub total: usize,
}

/// A parsed dataset file and the user's choices for labels outside the schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingImport {
    pub source: String,
    pub parsed: Parsed,
    pub mapping: BTreeMap<String, LabelChoice>,
    /// The offset unit the user chose, when the readings tie.
    pub unit_choice: Option<OffsetUnit>,
    /// The import as the choices stand, computed when they change (never while rendering).
    pub plan: ImportPlan,
    /// The session revision `plan` was computed at.
    pub planned_at: u64,
    /// A text file read as a tagged corpus: its name and text, to keep as plain text instead.
    pub as_text: Option<crate::core::intake::AsText>,
}

impl EditorState {
    /// A state showing the first document of `project`, or `open_doc` if it exists.
    pub fn new(project: Project, open_doc: Option<DocId>) -> Self {
        Self::resume(Session::new(project), open_doc)
    }

    /// A state over a session resumed from storage (with its undo history).
    pub fn resume(session: Session, open_doc: Option<DocId>) -> Self {
        let project = session.project();
        let open_doc = open_doc
            .filter(|id| project.document(id).is_some())
            .or_else(|| project.documents().first().map(|d| d.id.clone()));
        let revision = session.revision();
        EditorState {
            session,
            open_doc,
            selected_span: None,
            pending: None,
            sticky_label: None,
            sticky_record: false,
            notice: None,
            saved_revision: Some(revision),
            save_error: None,
            pending_import: None,
            linking: None,
            pending_link: None,
            link_candidate: None,
            doc_query: DocQuery::default(),
            importing: None,
            label_all_scope: LabelAllScope::default(),
            search: None,
            relation_defaults: Rc::default(),
            review: None,
            caret: None,
            caret_shown: false,
            tally: Tally::default(),
            review_order: ReviewOrder::default(),
            view: None,
            adjudication: None,
        }
    }

    pub fn project(&self) -> &Project {
        self.session.project()
    }

    /// Whether `self`, made from a copy of `before` by an action, is still the same state: then
    /// the UI keeps `before` and renders nothing. The project is compared by pointer (any change
    /// to it, an edit or a document read from storage, copies it), the rest by value.
    pub fn same_as(&self, before: &EditorState) -> bool {
        let same_import = same_rc(&self.pending_import, &before.pending_import);
        std::ptr::eq(self.project(), before.project())
            && self.session.revision() == before.session.revision()
            && self.session.is_read_only() == before.session.is_read_only()
            && self.session.annotator() == before.session.annotator()
            && same_import
            && self.open_doc == before.open_doc
            && self.selected_span == before.selected_span
            && self.pending == before.pending
            && self.sticky_label == before.sticky_label
            && self.sticky_record == before.sticky_record
            && self.notice == before.notice
            && self.saved_revision == before.saved_revision
            && self.save_error == before.save_error
            && self.linking == before.linking
            && self.pending_link == before.pending_link
            && self.link_candidate == before.link_candidate
            && self.doc_query == before.doc_query
            && self.importing == before.importing
            && self.label_all_scope == before.label_all_scope
            && same_rc(&self.search, &before.search)
            && Rc::ptr_eq(&self.relation_defaults, &before.relation_defaults)
            && self.review == before.review
            && self.caret == before.caret
            && self.caret_shown == before.caret_shown
            && self.tally == before.tally
            && self.review_order == before.review_order
            && self.view == before.view
            && same_rc(&self.adjudication, &before.adjudication)
    }

    pub fn document(&self) -> Option<&Document> {
        self.open_doc.as_ref().and_then(|id| self.project().document(id))
    }

    /// The open document as a value the UI can hold and compare by pointer.
    pub fn shared_document(&self) -> Option<Rc<Document>> {
        self.open_doc.as_ref().and_then(|id| self.project().shared_document(id)).cloned()
    }

    pub fn save_state(&self) -> SaveState {
        match (&self.save_error, self.saved_revision) {
            (Some(error), _) => SaveState::Failed(error.clone()),
            (None, Some(rev)) if rev == self.session.revision() => SaveState::Saved,
            _ => SaveState::Unsaved,
        }
    }

    fn selection_changed(&mut self, range: Option<CharRange>) {
        let trimmed = match (range, self.document()) {
            (Some(range), Some(doc)) => Some(trim_selection(doc, range)).filter(|r| !r.is_empty()),
            _ => None,
        };
        self.pending = trimmed;
        if let Some(range) = range.filter(|_| trimmed.is_some()) {
            self.caret = Some(Caret { anchor: range.start, focus: range.end });
            self.caret_shown = false;
            self.selected_span = None;
            if let Some(label) = self.sticky_label.clone() {
                self.label_chosen_with(&label, self.sticky_record);
            }
        }
    }

    /// Labels the pending selection; otherwise relabels the selected span; otherwise arms (or
    /// disarms) the label as the sticky one.
    fn label_chosen(&mut self, label: &str) {
        self.label_chosen_with(label, false);
    }

    /// [`EditorState::label_chosen`]; with `take_record` (Shift and the label's key) a new
    /// directive takes its proposed cue and issuer at once, and a sticky label armed so does
    /// for every span it makes.
    fn label_chosen_with(&mut self, label: &str, take_record: bool) {
        let Some(doc) = self.open_doc.clone() else {
            return;
        };
        if let Some(range) = self.pending.take() {
            match self.session.add_span(&doc, range, label) {
                Ok(id) => {
                    self.tally.confirmed += 1;
                    // The caret goes on from the new span's end.
                    self.caret = Some(Caret::at(range.end));
                    self.selected_span = Some(id);
                    self.notice = None;
                    if take_record {
                        self.accept_record();
                    }
                }
                Err(error) => self.notice = Some(Notice::error(Said::Edit(error))),
            }
        } else if let Some(span) = self.selected_span {
            let same = self.document().and_then(|d| d.span(span)).is_some_and(|s| &*s.label == label);
            if !same {
                self.edit(Command::Relabel { doc, span, label: label.to_string() });
            } else if self.sticky_label.as_deref() == Some(label) {
                // The span a sticky label just made is selected: its key again disarms it.
                self.sticky_label = None;
            }
        } else if self.sticky_label.as_deref() == Some(label) {
            self.sticky_label = None;
        } else {
            self.sticky_label = Some(label.to_string());
            self.sticky_record = take_record;
        }
    }

    /// Shows `session` (read from storage) instead of the current one. The open document and
    /// the selected span stay when they still exist; so does a read-only tab's read-only state.
    fn restore(&mut self, mut session: Session, open_doc: Option<DocId>, notice: Option<Notice>) {
        session.set_read_only(self.session.is_read_only());
        session.set_annotator(self.session.annotator().map(Into::into));
        let open_doc = open_doc.or_else(|| self.open_doc.clone());
        let selected = self.selected_span;
        let pending_import = self.pending_import.take();
        let doc_query = std::mem::take(&mut self.doc_query);
        let importing = self.importing.take();
        let tally = self.tally;
        let (view, adjudication) = (self.view.take(), self.adjudication.take());
        *self = EditorState::resume(session, open_doc);
        self.tally = tally;
        self.view = view;
        self.adjudication = adjudication;
        self.doc_query = doc_query;
        self.importing = importing;
        self.selected_span = selected.filter(|id| self.document().is_some_and(|d| d.span(*id).is_some()));
        self.pending_import = pending_import;
        self.notice = notice;
    }

    /// Applies a command, turning a refusal into an error notice. Returns whether it applied.
    pub(crate) fn edit(&mut self, command: Command) -> bool {
        match self.session.apply(command) {
            Ok(()) => {
                self.notice = None;
                true
            }
            Err(error) => {
                self.notice = Some(Notice::error(Said::Edit(error)));
                false
            }
        }
    }

    pub(crate) fn open(&mut self, id: DocId) {
        // The caret stays where it is when the open document is opened again.
        if self.open_doc.as_ref() != Some(&id) {
            self.caret = None;
        }
        self.open_doc = Some(id);
        self.review = None;
        self.selected_span = None;
        self.pending = None;
    }

    /// After undo or redo the open document or the selected span may be gone.
    pub(crate) fn after_history_step(&mut self) {
        self.pending = None;
        let doc_exists = self.open_doc.as_ref().is_some_and(|id| self.project().document(id).is_some());
        if !doc_exists {
            self.open_doc = self.project().documents().first().map(|d| d.id.clone());
        }
        let span_exists =
            self.selected_span.is_some_and(|id| self.document().is_some_and(|d| d.span(id).is_some()));
        if !span_exists {
            self.selected_span = None;
        }
    }
}

/// Both `None`, or the same `Rc`.
fn same_rc<T>(a: &Option<Rc<T>>, b: &Option<Rc<T>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Rc::ptr_eq(a, b),
        (a, b) => a.is_none() && b.is_none(),
    }
}
