//! What each user action does to the editor state: the one `match` over [`EditorAction`],
//! each arm short or handing over to a method of its own (in `mod.rs`, `importing`, `linking`).

use super::said::{Said, Shared};
use super::{EditorAction, EditorState, Notice};
use crate::core::command::Command;
use crate::core::doc_nav::{next_to_do, step, visible_documents};
use crate::core::document::{Document, Relation, SpanId};
use crate::core::merge::{name_problem, plan_merge};
use crate::core::schema_edit::plan_schema_change;
use std::rc::Rc;

impl EditorState {
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
                } else if self.project().schema.label_for_hotkey(key).is_none() && (key == '.' || key == ',')
                {
                    self.step_suggestion(key == '.');
                } else if key == '=' && self.project().schema.label_for_hotkey(key).is_none() {
                    self.apply(EditorAction::SameRecordAsPrevious);
                } else if let (Some(_), Some(label)) =
                    (self.current_suggestion(), self.project().schema.label_for_hotkey(key))
                {
                    let name = label.name.clone();
                    self.accept_suggestion(Some(name));
                } else if key.eq_ignore_ascii_case(&'r')
                    && self.selected_span.is_some()
                    && self.pending.is_none()
                {
                    self.apply(EditorAction::StartLinking);
                } else if let Some(label) = self.project().schema.label_for_hotkey(key) {
                    // Shift with the key (an upper-case letter) also takes a directive's record.
                    let name = label.name.clone();
                    self.label_chosen_with(&name, key.is_uppercase());
                }
            }
            EditorAction::SpanClicked(id) => match self.linking.take() {
                Some(from) => {
                    self.link_candidate = None;
                    self.link_target_chosen(from, id)
                }
                None => {
                    self.selected_span = Some(id);
                    self.review = None;
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
                        self.review = None;
                        self.pending = None;
                    }
                }
            }
            EditorAction::Confirm if self.current_suggestion().is_some() && self.linking.is_none() => {
                self.accept_suggestion(None)
            }
            EditorAction::Confirm => {
                if let (Some(from), Some(to)) = (self.linking, self.link_candidate) {
                    self.linking = None;
                    self.link_candidate = None;
                    self.link_target_chosen(from, to);
                } else if self.linking.is_none() && self.pending_link.is_none() {
                    // Enter on a directive takes its proposed cue and issuer.
                    self.apply(EditorAction::AcceptRecord);
                }
            }
            EditorAction::StartLinking => {
                if let Some(span) = self.selected_span {
                    self.linking = Some(span);
                    self.pending_link = None;
                    self.notice = Some(Notice::info(Said::ClickRelationTarget));
                }
            }
            EditorAction::ChooseRelationType(kind) => {
                self.remember_relation_type(&kind);
                if let (Some((from, to)), Some(doc)) = (self.pending_link.take(), self.open_doc.clone()) {
                    let id = self.session.allocate_relation_id();
                    let relation = Relation::new(id, kind, from, to);
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
            EditorAction::DeleteSelected if self.current_suggestion().is_some() => self.reject_suggestion(),
            EditorAction::DeleteSelected => {
                if let (Some(doc), Some(span)) = (self.open_doc.clone(), self.selected_span) {
                    self.edit(Command::RemoveSpan { doc, span });
                    self.selected_span = None;
                }
            }
            EditorAction::Escape => {
                self.review = None;
                self.linking = None;
                self.link_candidate = None;
                self.pending_link = None;
                self.selected_span = None;
                self.pending = None;
                self.sticky_label = None;
                self.notice = None;
            }
            EditorAction::Undo | EditorAction::Redo if self.session.is_read_only() => {
                self.notice = Some(Notice::error(Said::Edit(crate::core::EditError::ReadOnly)));
            }
            EditorAction::Undo | EditorAction::Redo
                if self.session.step_blocked(matches!(action, EditorAction::Undo)).is_some() =>
            {
                if let Some(error) = self.session.step_blocked(matches!(action, EditorAction::Undo)) {
                    self.notice = Some(Notice::error(Said::Edit(error)));
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
                    self.notice = Some(Notice::error(Said::HistoryCleared { cause: error }));
                }
            }
            EditorAction::OpenDocument(id) => {
                if self.project().document(&id).is_some() {
                    self.open(id);
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
                            self.notice = Some(Notice::info(Said::SchemaChanged(impact)));
                        }
                    }
                    Err(error) => {
                        self.notice = Some(Notice::error(Said::SchemaRefused(Shared(Rc::new(error)))))
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
                        // Another project: its annotators are others, its disagreements too.
                        self.stop_adjudication();
                        self.view = None;
                        self.notice = Some(Notice::info(Said::ProjectImported { source, docs, spans }));
                    }
                }
                Err(error) => self.notice = Some(Notice::error(Said::ProjectNotImported { source, error })),
            },
            EditorAction::Failed(message) => self.notice = Some(Notice::error(Said::Text(message))),
            EditorAction::Say(notice) => self.notice = Some(notice),
            EditorAction::Inform(message) => self.notice = Some(Notice::info(Said::Text(message))),
            EditorAction::SetAnnotator(name) => {
                let name = name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
                match name.as_deref().and_then(name_problem) {
                    Some(problem) => self.notice = Some(Notice::error(Said::BadName(problem))),
                    // While adjudicating, edits stay gold's; the name is the user's afterwards.
                    None => match &mut self.adjudication {
                        Some(adjudication) => Rc::make_mut(adjudication).user = name.map(Into::into),
                        None => self.session.set_annotator(name.map(Into::into)),
                    },
                }
            }
            EditorAction::SetView(view) => self.view = view,
            EditorAction::Adjudicate(true) => self.start_adjudication(),
            EditorAction::Adjudicate(false) => self.stop_adjudication(),
            EditorAction::StepDisagreement { forward } => self.step_disagreement(forward),
            EditorAction::Decide(choice) => self.decide_disagreement(choice),
            EditorAction::EditDisagreement => self.edit_disagreement(),
            EditorAction::AcceptAgreed => self.accept_agreed_documents(),
            EditorAction::Merge(read) => {
                match read.and_then(|sources| plan_merge(self.project(), &sources)) {
                    Ok((command, report)) => {
                        if self.edit(command) {
                            self.notice = Some(Notice::info(Said::Merged(report)));
                        }
                    }
                    Err(error) => self.notice = Some(Notice::error(Said::Merge(error))),
                }
            }
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
                if let Some(pending) = self.pending_import.take() {
                    if let Some(as_text) = &pending.as_text {
                        match as_text.decode() {
                            Ok(text) => {
                                self.apply(EditorAction::AddDocument { name: as_text.name.clone(), text })
                            }
                            Err(error) => {
                                let file = pending.source.clone();
                                self.apply(EditorAction::Say(Notice::error(Said::FileNotOpened {
                                    file,
                                    error,
                                })));
                            }
                        }
                    }
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
            EditorAction::LabelAll => self.label_all(),
            EditorAction::AcceptRecord => self.accept_record(),
            EditorAction::PlaceCaret(at) => self.place_caret(at),
            EditorAction::MoveCaret { motion, extend } => self.move_caret(motion, extend),
            EditorAction::ExtendSelectionTo(at) => self.extend_selection_to(at),
            EditorAction::SameRecordAsPrevious => self.same_record_as_previous(),
            EditorAction::AddSuggestions(plan) => self.add_suggestions(plan),
            EditorAction::ModelSuggested(found) => self.add_model_suggestions(found),
            EditorAction::SetReviewOrder(order) => {
                self.review_order = order;
                self.review = None;
            }
            EditorAction::StepSuggestion { forward } => self.step_suggestion(forward),
            EditorAction::SuggestionClicked(index) => {
                self.review = self.document().and_then(|d| d.suggestions().get(index)).cloned();
                self.selected_span = None;
                self.pending = None;
            }
            EditorAction::AcceptSuggestion(label) => self.accept_suggestion(label),
            EditorAction::RejectSuggestion => self.reject_suggestion(),
            EditorAction::AcceptAllLikeThis if self.current_suggestion().is_none() => {
                self.apply(EditorAction::Confirm)
            }
            EditorAction::AcceptAllLikeThis => self.accept_all_like_current(),
            EditorAction::SetLabelAllScope(scope) => self.label_all_scope = scope,
            // A new search shows its hits where the user is; only Enter opens another document.
            EditorAction::SetSearch(search) => self.search = search.map(Rc::new),
            EditorAction::SearchStep { forward } => {
                if let Some(search) = &mut self.search {
                    Rc::make_mut(search).step(forward);
                    self.follow_search();
                }
            }
            EditorAction::NextToDo => {
                let shown = visible_documents(self.project(), &self.doc_query);
                match next_to_do(self.project(), &shown, self.open_doc.as_ref()) {
                    Some(id) => self.open(id),
                    None => self.notice = Some(Notice::info(Said::NoOtherToDo)),
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
}
