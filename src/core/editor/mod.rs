//! The editor's state and what each user action does to it, without the browser. The UI turns
//! DOM events into [`EditorAction`]s and renders [`EditorState`]; everything in between is here,
//! so it is tested natively.

mod actions;
mod importing;
mod linking;

pub use actions::EditorAction;
pub use linking::link_types;

use crate::core::command::Command;
use crate::core::doc_nav::{next_to_do, step, visible_documents, DocQuery};
use crate::core::document::{DocId, Document, Relation, SpanId};
use crate::core::import::job::Doing;
use crate::core::import::{ImportPlan, LabelChoice, OffsetUnit, Parsed};
use crate::core::layout::trim_selection;
use crate::core::offsets::CharRange;
use crate::core::project::Project;
use crate::core::schema_edit::plan_schema_change;
use crate::core::session::Session;
use std::collections::BTreeMap;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

/// A message for the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Notice { kind: NoticeKind::Info, text: text.into() }
    }

    pub fn error(text: impl Into<String>) -> Self {
        Notice { kind: NoticeKind::Error, text: text.into() }
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
    pub as_text: Option<(String, String)>,
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
            notice: None,
            saved_revision: Some(revision),
            save_error: None,
            pending_import: None,
            linking: None,
            pending_link: None,
            link_candidate: None,
            doc_query: DocQuery::default(),
            importing: None,
        }
    }

    pub fn project(&self) -> &Project {
        self.session.project()
    }

    /// Whether `self`, made from a copy of `before` by an action, is still the same state: then
    /// the UI keeps `before` and renders nothing. The project is compared by pointer (any change
    /// to it, an edit or a document read from storage, copies it), the rest by value.
    pub fn same_as(&self, before: &EditorState) -> bool {
        let same_import = match (&self.pending_import, &before.pending_import) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        std::ptr::eq(self.project(), before.project())
            && self.session.revision() == before.session.revision()
            && self.session.is_read_only() == before.session.is_read_only()
            && same_import
            && self.open_doc == before.open_doc
            && self.selected_span == before.selected_span
            && self.pending == before.pending
            && self.sticky_label == before.sticky_label
            && self.notice == before.notice
            && self.saved_revision == before.saved_revision
            && self.save_error == before.save_error
            && self.linking == before.linking
            && self.pending_link == before.pending_link
            && self.link_candidate == before.link_candidate
            && self.doc_query == before.doc_query
            && self.importing == before.importing
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

    /// Applies one user action.
    pub fn apply(&mut self, action: EditorAction) {
        match action {
            EditorAction::SelectionChanged(range) => self.selection_changed(range),
            EditorAction::LabelChosen(label) => self.label_chosen(&label),
            EditorAction::KeyPressed(key) => {
                if let (Some(_), Some(digit)) = (self.pending_link, key.to_digit(10)) {
                    let kinds = self.pending_link_types();
                    if let Some(kind) = (digit as usize).checked_sub(1).and_then(|i| kinds.get(i)) {
                        let kind = kind.clone();
                        self.apply(EditorAction::ChooseRelationType(kind));
                    }
                } else if key.eq_ignore_ascii_case(&'r')
                    && self.selected_span.is_some()
                    && self.pending.is_none()
                {
                    self.apply(EditorAction::StartLinking);
                } else if let Some(label) = self.project().schema.label_for_hotkey(key) {
                    let name = label.name.clone();
                    self.label_chosen(&name);
                }
            }
            EditorAction::SpanClicked(id) => match self.linking.take() {
                Some(from) => {
                    self.link_candidate = None;
                    self.link_target_chosen(from, id)
                }
                None => {
                    self.selected_span = Some(id);
                    self.pending = None;
                    self.pending_link = None;
                }
            },
            EditorAction::StepSpan { forward } => {
                let Some(doc) = self.document() else { return };
                let ids: Vec<SpanId> = doc.spans().iter().map(|s| s.id).collect();
                let current = if self.linking.is_some() {
                    self.link_candidate.or(self.linking)
                } else {
                    self.selected_span
                };
                let at = current.and_then(|c| ids.iter().position(|id| *id == c));
                let next = match (at, forward) {
                    (None, true) => ids.first(),
                    (None, false) => ids.last(),
                    (Some(i), true) => ids.get(i + 1).or(ids.first()),
                    (Some(i), false) => ids.get(i.checked_sub(1).unwrap_or(ids.len().saturating_sub(1))),
                };
                if let Some(&next) = next {
                    if self.linking.is_some() {
                        self.link_candidate = Some(next);
                    } else {
                        self.selected_span = Some(next);
                        self.pending = None;
                    }
                }
            }
            EditorAction::Confirm => {
                if let (Some(from), Some(to)) = (self.linking, self.link_candidate) {
                    self.linking = None;
                    self.link_candidate = None;
                    self.link_target_chosen(from, to);
                }
            }
            EditorAction::StartLinking => {
                if let Some(span) = self.selected_span {
                    self.linking = Some(span);
                    self.pending_link = None;
                    self.notice = Some(Notice::info("关系 relation: click the target span (Esc cancels)"));
                }
            }
            EditorAction::ChooseRelationType(kind) => {
                if let (Some((from, to)), Some(doc)) = (self.pending_link.take(), self.open_doc.clone()) {
                    let id = self.session.allocate_relation_id();
                    let relation = Relation { id, kind, from, to };
                    if self.edit(Command::AddRelation { doc, relation }) {
                        self.selected_span = Some(from);
                    }
                }
            }
            EditorAction::RemoveRelation(relation) => {
                if let Some(doc) = self.open_doc.clone() {
                    self.edit(Command::RemoveRelation { doc, relation });
                }
            }
            EditorAction::RetypeRelation(relation, kind) => {
                let same = self.document().and_then(|d| d.relation(relation)).is_some_and(|r| r.kind == kind);
                if let (Some(doc), false) = (self.open_doc.clone(), same) {
                    self.edit(Command::RetypeRelation { doc, relation, kind });
                }
            }
            EditorAction::SetAttribute { span, name, value } => {
                let current =
                    self.document().and_then(|d| d.span(span)).map(|s| s.attributes.get(&name).cloned());
                let value = value.filter(|v| !v.trim().is_empty());
                if let (Some(doc), Some(current)) = (self.open_doc.clone(), current) {
                    if current != value {
                        self.edit(Command::SetAttribute { doc, span, name, value });
                    }
                }
            }
            EditorAction::DeleteSelected => {
                if let (Some(doc), Some(span)) = (self.open_doc.clone(), self.selected_span) {
                    self.edit(Command::RemoveSpan { doc, span });
                    self.selected_span = None;
                }
            }
            EditorAction::Escape => {
                self.linking = None;
                self.link_candidate = None;
                self.pending_link = None;
                self.selected_span = None;
                self.pending = None;
                self.sticky_label = None;
                self.notice = None;
            }
            EditorAction::Undo | EditorAction::Redo if self.session.is_read_only() => {
                self.notice = Some(Notice::error(crate::core::EditError::ReadOnly.to_string()));
            }
            EditorAction::Undo | EditorAction::Redo
                if self.session.step_blocked(matches!(action, EditorAction::Undo)).is_some() =>
            {
                if let Some(error) = self.session.step_blocked(matches!(action, EditorAction::Undo)) {
                    self.notice = Some(Notice::error(error.to_string()));
                }
            }
            EditorAction::Undo | EditorAction::Redo => {
                let stepped = if matches!(action, EditorAction::Undo) {
                    self.session.undo()
                } else {
                    self.session.redo()
                };
                if stepped {
                    self.after_history_step();
                } else if let Some(error) = self.session.take_history_loss() {
                    self.notice = Some(Notice::error(format!(
                        "the undo history did not fit the project and was cleared ({error}); the project itself is unchanged"
                    )));
                }
            }
            EditorAction::OpenDocument(id) => {
                if self.project().document(&id).is_some() {
                    self.open_doc = Some(id);
                    self.selected_span = None;
                    self.pending = None;
                }
            }
            EditorAction::AddDocument { name, text } => {
                // The same file opened again (a reload with `?doc=`, a second drop) is not duplicated.
                let existing = self.project().documents().iter().find(|d| d.name == name && d.text() == text);
                if let Some(id) = existing.map(|d| d.id.clone()) {
                    self.open(id);
                    return;
                }
                let id = self.project().fresh_doc_id();
                let at = self.project().documents().len();
                let doc = Document::new(id.clone(), name, text);
                if self.edit(Command::AddDocument { at, doc: Box::new(doc) }) {
                    self.open(id);
                }
            }
            EditorAction::ApplySchema { schema, renames } => {
                match plan_schema_change(self.project(), &schema, &renames) {
                    Ok((next, impact)) => {
                        if self.edit(Command::ReplaceProject { project: Box::new(next) }) {
                            self.after_history_step();
                            self.sticky_label = None;
                            self.notice = Some(Notice::info(format!(
                                "schema changed: {} span(s) renamed, {}; Ctrl+Z undoes",
                                impact.renamed_spans,
                                impact.describe()
                            )));
                        }
                    }
                    Err(message) => {
                        self.notice = Some(Notice::error(format!("the schema was not changed: {message}")))
                    }
                }
            }
            EditorAction::SetDocField(doc, field, value) => {
                let value = value.trim().to_string();
                let current = self.project().document(&doc).map(|d| d.field(field).to_string());
                if current.is_some_and(|c| c != value) {
                    self.edit(Command::SetDocField { doc, field, value });
                }
            }
            EditorAction::SetStatus(doc, status) => {
                let current = self.project().document(&doc).map(|d| d.status);
                if current.is_some_and(|c| c != status) {
                    self.edit(Command::SetStatus { doc, status });
                }
            }
            EditorAction::RemoveDocument(id) => {
                if self.edit(Command::RemoveDocument { doc: id.clone() })
                    && self.open_doc.as_ref() == Some(&id)
                {
                    self.open_doc = self.project().documents().first().map(|d| d.id.clone());
                    self.selected_span = None;
                    self.pending = None;
                }
            }
            EditorAction::ImportProject { source, result } => match result {
                Ok(project) => {
                    let (docs, spans) = (project.documents().len(), project.span_count());
                    let first = project.documents().first().map(|d| d.id.clone());
                    if self.edit(Command::ReplaceProject { project: Box::new(project) }) {
                        self.open_doc = first;
                        self.selected_span = None;
                        self.pending = None;
                        self.notice = Some(Notice::info(format!(
                            "imported {source}: {docs} document(s), {spans} span(s); Ctrl+Z brings back the previous project"
                        )));
                    }
                }
                Err(error) => {
                    self.notice =
                        Some(Notice::error(format!("{source} was not imported, nothing changed: {error}")))
                }
            },
            EditorAction::Failed(message) => self.notice = Some(Notice::error(message)),
            EditorAction::Inform(message) => self.notice = Some(Notice::info(message)),
            EditorAction::Saved(revision) => {
                self.saved_revision = Some(revision);
                self.save_error = None;
            }
            EditorAction::SaveFailed(error) => self.save_error = Some(error),
            EditorAction::DismissNotice => self.notice = None,
            EditorAction::DatasetRead { source, parsed, as_text } => {
                self.open_review(source, parsed, as_text)
            }
            EditorAction::MapLabel { label, choice } => self.revise_import(|pending| {
                match choice {
                    Some(choice) => pending.mapping.insert(label, choice),
                    None => pending.mapping.remove(&label),
                };
            }),
            EditorAction::ChooseOffsetUnit(unit) => self.revise_import(|pending| pending.unit_choice = unit),
            EditorAction::ChooseTextColumn(column) => {
                self.revise_import(|pending| pending.parsed.use_text_column(column));
            }
            EditorAction::AcceptImport => self.accept_import(),
            EditorAction::ImportAsText => {
                if let Some((name, text)) = self.pending_import.take().and_then(|p| p.as_text.clone()) {
                    self.apply(EditorAction::AddDocument { name, text });
                }
            }
            EditorAction::CancelImport => self.pending_import = None,
            EditorAction::ReviewReady(pending) => self.pending_import = Some(Rc::new(*pending)),
            EditorAction::Importing(importing) => self.importing = importing,
            EditorAction::Restore { session, open_doc, notice } => self.restore(*session, open_doc, notice),
            EditorAction::SetDocQuery(query) => self.doc_query = query,
            EditorAction::FillDocuments(docs) => {
                self.session.fill(docs);
            }
            EditorAction::StepDocument { forward } => {
                let shown = visible_documents(self.project(), &self.doc_query);
                if let Some(id) = step(self.project(), &shown, self.open_doc.as_ref(), forward) {
                    self.open(id);
                }
            }
            EditorAction::NextToDo => {
                let shown = visible_documents(self.project(), &self.doc_query);
                match next_to_do(self.project(), &shown, self.open_doc.as_ref()) {
                    Some(id) => self.open(id),
                    None => self.notice = Some(Notice::info("no other document in the list is still to do")),
                }
            }
            EditorAction::SetReadOnly(read_only) => {
                self.session.set_read_only(read_only);
                if read_only {
                    self.pending = None;
                    self.linking = None;
                    self.pending_link = None;
                    self.sticky_label = None;
                }
            }
        }
    }

    fn selection_changed(&mut self, range: Option<CharRange>) {
        let trimmed = match (range, self.document()) {
            (Some(range), Some(doc)) => Some(trim_selection(doc, range)).filter(|r| !r.is_empty()),
            _ => None,
        };
        self.pending = trimmed;
        if trimmed.is_some() {
            self.selected_span = None;
            if let Some(label) = self.sticky_label.clone() {
                self.label_chosen(&label);
            }
        }
    }

    /// Labels the pending selection; otherwise relabels the selected span; otherwise arms (or
    /// disarms) the label as the sticky one.
    fn label_chosen(&mut self, label: &str) {
        let Some(doc) = self.open_doc.clone() else {
            return;
        };
        if let Some(range) = self.pending.take() {
            match self.session.add_span(&doc, range, label) {
                Ok(id) => {
                    self.selected_span = Some(id);
                    self.notice = None;
                }
                Err(error) => self.notice = Some(Notice::error(error.to_string())),
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
        }
    }

    /// Shows `session` (read from storage) instead of the current one. The open document and
    /// the selected span stay when they still exist; so does a read-only tab's read-only state.
    fn restore(&mut self, mut session: Session, open_doc: Option<DocId>, notice: Option<Notice>) {
        session.set_read_only(self.session.is_read_only());
        let open_doc = open_doc.or_else(|| self.open_doc.clone());
        let selected = self.selected_span;
        let pending_import = self.pending_import.take();
        let doc_query = std::mem::take(&mut self.doc_query);
        let importing = self.importing.take();
        *self = EditorState::resume(session, open_doc);
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
                self.notice = Some(Notice::error(error.to_string()));
                false
            }
        }
    }

    pub(crate) fn open(&mut self, id: DocId) {
        self.open_doc = Some(id);
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
