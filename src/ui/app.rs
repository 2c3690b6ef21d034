//! The whole page: toolbar, document list, text view, palette and span list, and drag and drop;
//! the effects that run outside the reducer are in `hooks`. The app owns the reducer; each
//! component gets only what it draws (compared by pointer where it is part of the state) and
//! dispatches through the `Dispatch` context.

use super::adjudication_panel::AdjudicationPanel;
use super::agreement_dialog::AgreementDialog;
use super::browser;
use super::doc_list::DocList;
use super::doc_status::DocStatusPicker;
use super::export_dialog::ExportDialog;
use super::hooks::{open_files, use_autosave, use_doc_param, use_hotkeys, use_read_opened};
use super::import_dialog::ImportDialog;
use super::import_job::ImportProgress;
use super::label_colors::use_label_colors;
use super::learn_panel::LearnPanel;
use super::learning::Learning;
use super::new_doc::NewDocDialog;
use super::palette::Palette;
use super::persist::Persist;
use super::pre_annotate_dialog::PreAnnotateDialog;
use super::project_memo::use_project_memo;
use super::relation_list::RelationList;
use super::review_bar::ReviewBar;
use super::schema_editor::SchemaEditor;
use super::search_bar::SearchBar;
use super::span_details::SpanDetails;
use super::span_list::SpanList;
use super::stats_panel::StatsPanel;
use super::status_bar::StatusBar;
use super::storage_panel::{StoragePanel, WriterBanner};
use super::store::{Dispatch, Shared, Store};
use super::team_panel::TeamPanel;
use super::text_view::{Marks, TextView};
use super::toolbar::Toolbar;
use super::view_options::{ViewOptions, ViewOptionsBar};
use super::words::chrome as w;
use super::words::{choose_lang, chosen_lang, show_lang, Lang};
use crate::core::{DocStatus, Project};
use std::rc::Rc;
use yew::prelude::*;

fn same_statuses(before: &Project, now: &Project, _: &()) -> bool {
    before.documents_agree(now, |a, b| a.status == b.status)
}

fn same_suggestion_counts(before: &Project, now: &Project, _: &()) -> bool {
    before.documents_agree(now, |a, b| a.suggestions().len() == b.suggestions().len())
}

fn count_suggestions(project: &Project, _: &()) -> usize {
    project.documents().iter().map(|d| d.suggestions().len()).sum()
}

fn same_annotators(before: &Project, now: &Project, _: &()) -> bool {
    before.documents_agree(now, |a, b| a.annotated_by == b.annotated_by && a.spans().len() == b.spans().len())
}

/// The names whose work the project holds (the gold layer's among them, if any), sorted.
fn annotator_names(project: &Project, _: &()) -> Vec<String> {
    let mut names = std::collections::BTreeSet::new();
    for doc in project.documents().iter() {
        names.extend(doc.annotated_by.iter().map(String::as_str));
        names.extend(doc.spans().iter().filter_map(|s| s.annotator.as_deref()));
    }
    names.into_iter().map(str::to_string).collect()
}

fn count_done(project: &Project, _: &()) -> usize {
    project.documents().iter().filter(|d| d.status == DocStatus::Done).count()
}

#[component]
pub fn App() -> Html {
    let store = use_reducer(Store::starting);
    let editor = Dispatch::of(&store);
    let persist = (*use_state(|| Rc::new(Persist::default()))).clone();
    {
        let (editor, persist) = (editor.clone(), persist.clone());
        use_effect_with((), move |_| {
            // The name this browser annotates under, before the first edit.
            if let Some(name) = browser::stored_user_name() {
                editor.dispatch(crate::core::editor::EditorAction::SetAnnotator(Some(name)));
            }
            persist.start(editor)
        });
    }
    let learning = {
        let (editor, persist) = (editor.clone(), persist.clone());
        (*use_state(move || Learning::new(editor, persist))).clone()
    };
    let show_new_doc = use_state(|| false);
    let show_export = use_state(|| false);
    let show_schema = use_state(|| false);
    let show_pre_annotate = use_state(|| false);
    let show_agreement = use_state(|| false);
    let text_view_ref = use_node_ref();
    let view_options = use_state(ViewOptions::stored);
    let lang = use_state(chosen_lang);
    use_effect_with(*lang, |lang| show_lang(*lang));
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |chosen| {
            choose_lang(chosen);
            lang.set(chosen);
        })
    };
    let on_view_options = {
        let view_options = view_options.clone();
        Callback::from(move |options| view_options.set(options))
    };

    let state = store.state().clone();
    let doc = state.shared_document().map(Shared);
    use_autosave(&editor, &persist, state.session.revision(), state.open_doc.clone(), store.ready);
    let waiting = doc.as_ref().filter(|doc| !doc.is_loaded()).map(|doc| doc.id.clone());
    use_read_opened(&editor, &persist, waiting);
    use_hotkeys(&editor, &text_view_ref);
    let schema = Shared(state.project().schema.clone());
    use_label_colors(&schema);
    // The keys work on the text from the start.
    use_effect_with(store.ready, |ready| {
        if *ready {
            browser::focus_text_view();
        }
    });
    use_doc_param(&editor, store.ready);
    let project = Shared(state.session.shared_project().clone());
    // Counted again only when a status changed, not on every edit.
    let done = *use_project_memo(&project, &(), same_statuses, count_done);
    let suggestions = *use_project_memo(&project, &(), same_suggestion_counts, count_suggestions);
    let annotators = Shared(use_project_memo(&project, &(), same_annotators, annotator_names));
    // The open document as the view shows it: one annotator's work, or everyone's.
    let shown = use_memo((doc.clone(), state.view.clone()), |(doc, view)| match (doc, view) {
        (Some(doc), Some(name)) if doc.is_loaded() => Some(Shared(Rc::new(doc.only_by(name)))),
        (doc, _) => doc.clone(),
    });
    let doc = (*shown).clone();
    if !store.ready {
        return html! { <div class="app app--loading" data-testid="loading">{ w::OPENING_PROJECT.get(*lang) }</div> };
    }

    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let ondrop = {
        let editor = editor.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            let files = browser::files_of(event.data_transfer().and_then(|d| d.files()));
            if !files.is_empty() {
                open_files(editor.clone(), files);
            }
        })
    };
    // Opening and closing the dialogs.
    let (on_new_doc, on_close_new_doc) = (set_to(&show_new_doc, true), set_to(&show_new_doc, false));
    let (on_export_dataset, on_close_export) = (set_to(&show_export, true), set_to(&show_export, false));
    let (on_schema, on_close_schema) = (set_to(&show_schema, true), set_to(&show_schema, false));
    let (on_agreement, on_close_agreement) = (set_to(&show_agreement, true), set_to(&show_agreement, false));
    let (on_pre_annotate, on_close_pre_annotate) =
        (set_to(&show_pre_annotate, true), set_to(&show_pre_annotate, false));
    let session = &state.session;
    let read_only = session.is_read_only();
    let marks = Marks {
        selected: state.selected_span,
        candidate: state.link_candidate,
        suggestion: state.current_suggestion_index(),
    };
    let current = state.current_suggestion().cloned().zip(state.document()).map(|(s, d)| {
        let text = d.slice(s.range()).to_string();
        (s, text)
    });
    let search = state.search.clone().map(Shared);

    html! {
        <ContextProvider<Dispatch> context={editor.clone()}>
        <ContextProvider<Lang> context={*lang}>
        <div class="app" {ondragover} {ondrop}>
            <Toolbar can_undo={session.can_undo()} can_redo={session.can_redo()} save={state.save_state()}
                     revision={session.revision()} {done} total={project.documents().len()}
                     {on_new_doc} {on_export_dataset} {on_schema} user={session.annotator().map(str::to_string)} {on_lang} />
            <WriterBanner {read_only} persist={persist.clone()} />
            <div class="app__body">
                <aside class="app__left">
                    <DocList project={project.clone()} query={state.doc_query.clone()} open_doc={state.open_doc.clone()} />
                    <StoragePanel role={persist.role()} saved={state.saved_revision} persist={persist.clone()} />
                    <StatsPanel tally={state.tally} />
                    <TeamPanel annotators={annotators.clone()} view={state.view.clone()}
                               adjudicating={state.adjudication.is_some()} {on_agreement} />
                    <LearnPanel learning={learning.clone()} open_doc={state.open_doc.clone()} {done} order={state.review_order}
                                open_ready={doc.as_ref().is_some_and(|d| d.is_loaded())} />
                </aside>
                <main class="app__main">
                    <DocStatusPicker doc={doc.clone()} />
                    if let Some(adjudication) = &state.adjudication {
                        <AdjudicationPanel adjudication={Shared(adjudication.clone())} doc={doc.clone()} />
                    }
                    <Palette schema={schema.clone()} sticky={state.sticky_label.clone()} text_view={text_view_ref.clone()} />
                    <div class="app__tools">
                        <SearchBar project={project.clone()} open_doc={state.open_doc.clone()} search={search.clone()} />
                        <ReviewBar count={suggestions} {current} {on_pre_annotate} scope={state.label_all_scope} />
                        <ViewOptionsBar options={*view_options} on_change={on_view_options} />
                    </div>
                    <TextView doc={doc.clone()} schema={schema.clone()} {marks} sticky={state.sticky_label.is_some()}
                              linking={state.linking.is_some()} node_ref={text_view_ref.clone()} {search} caret={state.caret} caret_shown={state.caret_shown}
                              options={*view_options} />
                </main>
                <aside class="app__right">
                    <SpanDetails doc={doc.clone()} schema={schema.clone()} selected={state.selected_span}
                                 linking={state.linking} pending_link={state.pending_link}
                                 label_all_scope={state.label_all_scope} />
                    <RelationList doc={doc.clone()} schema={schema.clone()} />
                    <SpanList doc={doc.clone()} schema={schema.clone()} selected={state.selected_span} />
                </aside>
            </div>
            <StatusBar span_count={doc.as_ref().map_or(0, |d| d.spans().len())} pending={state.pending}
                       selected={state.selected_span} notice={state.notice.clone()} revision={session.revision()} />
            if *show_new_doc {
                <NewDocDialog on_close={on_close_new_doc} />
            }
            if *show_export {
                <ExportDialog project={project.clone()} open_doc={state.open_doc.clone()} on_close={on_close_export} />
            }
            if let Some(importing) = &state.importing {
                <ImportProgress importing={importing.clone()} />
            }
            if let Some(pending) = &state.pending_import {
                <ImportDialog pending={Shared(pending.clone())} project={project.clone()} />
            }
            if *show_pre_annotate {
                <PreAnnotateDialog project={project.clone()} open_doc={state.open_doc.clone()} on_close={on_close_pre_annotate} />
            }
            if *show_agreement {
                <AgreementDialog project={project.clone()} on_close={on_close_agreement} />
            }
            if *show_schema {
                <SchemaEditor project={project.clone()} on_close={on_close_schema} />
            }
        </div>
        </ContextProvider<Lang>>
        </ContextProvider<Dispatch>>
    }
}

/// A callback that sets `flag` to `value`.
fn set_to(flag: &UseStateHandle<bool>, value: bool) -> Callback<()> {
    let flag = flag.clone();
    Callback::from(move |_| flag.set(value))
}
