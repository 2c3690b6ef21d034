//! "Export dataset": pick a format and options, see a preview and the self-check, download.

mod ready;

use super::export_job::{Built, Exporter, Progress, Running};
use super::label_colors::color_style;
use super::modal::Modal;
use super::store::{use_dispatch, Shared};
use super::words::chrome as w;
use super::words::dataset_words::{export_documents_done, export_records_done};
use super::words::export_words::export_error;
use super::words::formatted::label_name;
use super::words::titles::format_title;
use super::words::use_lang;
use crate::core::export::preview::switch_format;
use crate::core::export::split::SplitSpec;
use crate::core::export::tokens::TagScheme;
use crate::core::export::units::{Crossing, Granularity};
use crate::core::export::{ExportOptions, Format, LabelStudioKind, Phase};
use crate::core::merge::GOLD;
use crate::core::{DocId, Project};
use ready::ready_view;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExportDialogProps {
    pub project: Shared<Project>,
    pub open_doc: Option<DocId>,
    pub on_close: Callback<()>,
}

fn select_value(event: &Event) -> String {
    event.target_unchecked_into::<web_sys::HtmlSelectElement>().value()
}

fn input_value(event: &Event) -> String {
    event.target_unchecked_into::<web_sys::HtmlInputElement>().value()
}

fn checked(event: &Event) -> bool {
    event.target_unchecked_into::<web_sys::HtmlInputElement>().checked()
}

/// An export built for `key` (revision, stand-ins left, options), or why it could not be.
struct BuiltExport {
    /// The project, the options and whose work (see `annotator`).
    key: (Shared<Project>, ExportOptions, String),
    result: Rc<Built>,
}

#[component]
pub fn ExportDialog(props: &ExportDialogProps) -> Html {
    let lang = use_lang();
    let editor = use_dispatch();
    let options = use_state(|| ExportOptions::new(Format::Spacy));
    // Which documents: "all", "open" (the open one) or "done" (those marked done).
    let which_docs = use_state(|| String::from("all"));
    let project = &props.project;
    // Whose work is exported: everyone's (""), one annotator's, or the gold layer, which is
    // the default once there is one.
    let names = use_memo(project.clone(), |project| {
        let mut names = std::collections::BTreeSet::new();
        for doc in project.documents().iter() {
            names.extend(doc.spans().iter().filter_map(|s| s.annotator.clone()));
        }
        names.into_iter().map(|n| n.to_string()).collect::<Vec<String>>()
    });
    let annotator = {
        let default = if names.iter().any(|n| n == GOLD) { GOLD.to_string() } else { String::new() };
        use_state(move || default)
    };
    let on_annotator = {
        let annotator = annotator.clone();
        Callback::from(move |event: Event| annotator.set(select_value(&event)))
    };

    // Each control edits a copy of the options.
    let update = |edit: fn(&mut ExportOptions, &Event)| {
        let options = options.clone();
        Callback::from(move |event: Event| {
            let mut next = (*options).clone();
            edit(&mut next, &event);
            options.set(next);
        })
    };
    let on_format = {
        let options = options.clone();
        let schema = project.schema.clone();
        Callback::from(move |event: Event| {
            let format = Format::from_key(&select_value(&event)).unwrap_or(Format::Spacy);
            options.set(switch_format(&options, format, &schema));
        })
    };
    let on_granularity = update(|o, e| {
        o.granularity = match select_value(e).as_str() {
            "paragraph" => Granularity::Paragraph,
            "sentence" => Granularity::Sentence,
            _ => Granularity::Document,
        }
    });
    let on_crossing = update(|o, e| {
        o.crossing = if select_value(e) == "drop" { Crossing::DropSpan } else { Crossing::MergeUnits }
    });
    let on_scheme = update(|o, e| {
        o.tag_scheme = if select_value(e) == "bioes" { TagScheme::Bioes } else { TagScheme::Bio }
    });
    let on_ls_kind = update(|o, e| {
        o.label_studio = if select_value(e) == "predictions" {
            LabelStudioKind::Predictions
        } else {
            LabelStudioKind::Annotations
        }
    });
    let on_suggestions = update(|o, e| o.suggestions = checked(e));
    let on_split = update(|o, e| {
        o.split = checked(e).then_some(SplitSpec { train: 80, dev: 10, test: 10, seed: 42 });
    });
    let split_field = |field: fn(&mut SplitSpec, u64)| {
        let options = options.clone();
        Callback::from(move |event: Event| {
            let mut next = (*options).clone();
            if let (Some(spec), Ok(value)) = (next.split.as_mut(), input_value(&event).trim().parse::<u64>())
            {
                field(spec, value);
                options.set(next);
            }
        })
    };
    let on_which_docs = {
        let which_docs = which_docs.clone();
        Callback::from(move |event: Event| which_docs.set(select_value(&event)))
    };

    let mut effective = (*options).clone();
    effective.only_done = *which_docs == "done";
    if *which_docs == "open" {
        effective.documents = props.open_doc.iter().map(|d| d.0.clone()).collect();
    }
    // Built once per (project, options), never while rendering: the dialog paints first, then
    // the export and its self-check run in slices between frames (a corpus takes seconds) with
    // a progress bar and Cancel, and the result is kept until the project or the options
    // change (an edit, or documents read from storage after start-up, make a new project).
    let key = (project.clone(), effective.clone(), (*annotator).clone());
    let built = use_state(|| None::<BuiltExport>);
    let progress = use_state(|| None::<(Progress, u64)>);
    let running = use_mut_ref(|| None::<Running>);
    // The export worker, kept while the dialog is open (it holds the documents sent to it).
    let exporter = use_memo((), |()| Exporter::default());
    let restarts = use_state(|| 0u64);
    {
        let (built, progress, running, exporter) =
            (built.clone(), progress.clone(), running.clone(), exporter.clone());
        use_effect_with((key.clone(), *restarts), move |(key, restart)| {
            let (key, restart) = (key.clone(), *restart);
            let on_progress = {
                let progress = progress.clone();
                move |p: Progress| progress.set(Some((p, restart)))
            };
            // One annotator's work is taken apart in the worker (a corpus's copy was a long frame).
            let (project, options) = (key.0 .0.clone(), key.1.clone());
            let annotator = Some(key.2.clone()).filter(|name| !name.is_empty());
            let on_done = {
                let built = built.clone();
                move |result| built.set(Some(BuiltExport { key, result: Rc::new(result) }))
            };
            *running.borrow_mut() = Some(exporter.start(project, options, annotator, on_progress, on_done));
            move || drop(running.borrow_mut().take())
        });
    }
    let cancelled = use_state(|| None::<u64>);
    let current = built.as_ref().filter(|b| b.key == key).map(|b| b.result.clone());
    let was_cancelled = *cancelled == Some(*restarts) && current.is_none();
    let on_cancel = {
        let (running, cancelled, restarts) = (running.clone(), cancelled.clone(), restarts.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(job) = running.borrow().as_ref() {
                job.cancel();
            }
            cancelled.set(Some(*restarts));
        })
    };
    let on_restart = {
        let restarts = restarts.clone();
        Callback::from(move |_: MouseEvent| restarts.set(*restarts + 1))
    };
    let shown_progress = (*progress).filter(|(_, restart)| *restart == *restarts).map(|(p, _)| p);

    let label_boxes = project.schema.labels().map(|label| {
        let name = label.name.clone();
        let is_on = options.keeps_label(&name);
        let all: Vec<String> = project.schema.labels().map(|l| l.name.clone()).collect();
        let onchange = {
            let options = options.clone();
            Callback::from(move |event: Event| {
                let mut next = (*options).clone();
                let mut chosen: Vec<String> = next.labels.clone().unwrap_or_else(|| all.clone());
                chosen.retain(|l| l != &name);
                if checked(&event) {
                    chosen.push(name.clone());
                }
                crate::core::compact_sort::sort_by_key(&mut chosen, |l| all.iter().position(|a| a == l));
                next.labels = (chosen.len() != all.len()).then_some(chosen);
                options.set(next);
            })
        };
        html! {
            <label class="export__label" style={color_style(project.schema.label_slot(&label.name))}>
                <input type="checkbox" checked={is_on} data-testid={format!("export-label-{}", label.name)} {onchange} />
                { format!("{} {}", label.name, label_name(lang, label)) }
            </label>
        }
    });

    let body = match current.as_deref() {
        None if was_cancelled => html! {
            <>
                <p class="export__building" data-testid="export-cancelled" role="status">
                    { w::EXPORT_CANCELLED.get(lang) }
                </p>
                <div class="dialog__buttons">
                    <button data-testid="export-restart" onclick={on_restart}>{ w::BUILD_AGAIN.get(lang) }</button>
                    <button data-testid="export-download" disabled=true>{ w::DOWNLOAD.get(lang) }</button>
                    <button data-testid="export-close" onclick={props.on_close.reform(|_: MouseEvent| ())}>{ w::CLOSE.get(lang) }</button>
                </div>
            </>
        },
        None => {
            let (value, max, label) = match shown_progress {
                // Making records is the first quarter of the work, writing and checking the rest.
                Some(Progress { done, total, doing: Phase::Documents }) => {
                    (done * 250 / total.max(1), 1000, export_documents_done(lang, done, total))
                }
                Some(Progress { done, total, .. }) => {
                    (250 + done * 750 / total.max(1), 1000, export_records_done(lang, done, total))
                }
                None => (0, 1000, String::new()),
            };
            html! {
                <>
                    <p class="export__building" data-testid="export-building" role="status">
                        { w::BUILDING_EXPORT.get(lang) }{ " " }{ label }
                    </p>
                    <progress class="export__progress" data-testid="progress" value={value.to_string()} max={max.to_string()}
                              aria-label={w::EXPORT_PROGRESS.get(lang)}></progress>
                    <div class="dialog__buttons">
                        <button data-testid="progress-cancel" onclick={on_cancel}>{ w::CANCEL.get(lang) }</button>
                        <button data-testid="export-download" disabled=true>{ w::DOWNLOAD.get(lang) }</button>
                        <button data-testid="export-close" onclick={props.on_close.reform(|_: MouseEvent| ())}>{ w::CLOSE.get(lang) }</button>
                    </div>
                </>
            }
        }
        // The same `Rc` as matched: the built file is shared, never copied.
        Some(Ok(_)) => match current.clone() {
            Some(built) => ready_view(lang, &editor, &built, &props.on_close),
            None => Html::default(),
        },
        Some(Err(error)) => html! {
            <>
                <p class="dialog__error" role="alert" data-testid="export-error">{ export_error(lang, error) }</p>
                <div class="dialog__buttons">
                    <button data-testid="export-download" disabled=true>{ w::DOWNLOAD.get(lang) }</button>
                    <button data-testid="export-close" onclick={props.on_close.reform(|_: MouseEvent| ())}>{ w::CLOSE.get(lang) }</button>
                </div>
            </>
        },
    };

    let format_options = Format::ALL.iter().map(|f| {
        html! {
            <option value={f.key()} selected={*f == options.format}>{ format_title(lang, *f) }</option>
        }
    });
    let granularity = match options.granularity {
        Granularity::Document => "document",
        Granularity::Paragraph => "paragraph",
        Granularity::Sentence => "sentence",
    };
    let split = options.split;
    html! {
        <Modal label={w::EXPORT_TITLE.get(lang)} testid="export-dialog" class="dialog__box--wide" on_close={props.on_close.clone()}>
            <h2>{ w::EXPORT_TITLE.get(lang) }</h2>
            <div class="export__grid">
                <label>{ w::FORMAT.get(lang) }
                    <select data-testid="export-format" onchange={on_format}>{ for format_options }</select>
                </label>
                <label>{ w::UNITS.get(lang) }
                    <select data-testid="export-granularity" onchange={on_granularity}>
                        <option value="document" selected={granularity == "document"}>{ w::UNIT_DOCUMENTS.get(lang) }</option>
                        <option value="paragraph" selected={granularity == "paragraph"}>{ w::UNIT_PARAGRAPHS.get(lang) }</option>
                        <option value="sentence" selected={granularity == "sentence"}>{ w::UNIT_SENTENCES.get(lang) }</option>
                    </select>
                </label>
                <label>{ w::CROSSING.get(lang) }
                    <select data-testid="export-crossing" onchange={on_crossing}>
                        <option value="merge" selected={options.crossing == Crossing::MergeUnits}>{ w::CROSSING_MERGE.get(lang) }</option>
                        <option value="drop" selected={options.crossing == Crossing::DropSpan}>{ w::CROSSING_DROP.get(lang) }</option>
                    </select>
                </label>
                <label title={w::EXPORT_ANNOTATOR_TIP.get(lang)}>{ w::EXPORT_ANNOTATOR.get(lang) }
                    <select data-testid="export-annotator" onchange={on_annotator}>
                        <option value="" selected={annotator.is_empty()}>{ w::EVERYONE.get(lang) }</option>
                        { for names.iter().map(|name| html! {
                            <option value={name.clone()} selected={**name == *annotator}>{ name.clone() }</option>
                        }) }
                    </select>
                </label>
                <label>{ w::DOCUMENTS.get(lang) }
                    <select data-testid="export-docs" onchange={on_which_docs}>
                        <option value="all" selected={*which_docs == "all"}>{ w::ALL_DOCUMENTS.get(lang) }</option>
                        <option value="done" selected={*which_docs == "done"}>{ w::DONE_DOCUMENTS.get(lang) }</option>
                        <option value="open" selected={*which_docs == "open"}>{ w::OPEN_DOCUMENT.get(lang) }</option>
                    </select>
                </label>
                if options.format.is_tagged() {
                    <label>{ w::TAG_SCHEME.get(lang) }
                        <select data-testid="export-scheme" onchange={on_scheme}>
                            <option value="bio" selected={options.tag_scheme == TagScheme::Bio}>{ "BIO" }</option>
                            <option value="bioes" selected={options.tag_scheme == TagScheme::Bioes}>{ "BIOES" }</option>
                        </select>
                    </label>
                }
                if options.format == Format::LabelStudio {
                    <label>{ "Label Studio" }
                        <select data-testid="export-ls-kind" onchange={on_ls_kind}>
                            <option value="annotations" selected={options.label_studio == LabelStudioKind::Annotations}>{ w::LS_ANNOTATIONS.get(lang) }</option>
                            <option value="predictions" selected={options.label_studio == LabelStudioKind::Predictions}>{ w::LS_PREDICTIONS.get(lang) }</option>
                        </select>
                    </label>
                    <label class="dialog__check" title={w::SUGGESTIONS_AS_PREDICTIONS_TIP.get(lang)}>
                        <input type="checkbox" data-testid="export-suggestions" checked={options.suggestions} onchange={on_suggestions} />
                        { w::SUGGESTIONS_AS_PREDICTIONS.get(lang) }
                    </label>
                }
            </div>
            <div class="export__labels">{ w::LABELS.get(lang) }{ for label_boxes }</div>
            <div class="export__split">
                <label><input type="checkbox" data-testid="export-split" checked={split.is_some()} onchange={on_split} />
                    { w::SPLIT.get(lang) }</label>
                if let Some(spec) = split {
                    <label>{ "train %" }<input type="number" min="0" data-testid="export-split-train" value={spec.train.to_string()}
                        onchange={split_field(|s, v| s.train = u32::try_from(v).unwrap_or(u32::MAX))} /></label>
                    <label>{ "dev %" }<input type="number" min="0" data-testid="export-split-dev" value={spec.dev.to_string()}
                        onchange={split_field(|s, v| s.dev = u32::try_from(v).unwrap_or(u32::MAX))} /></label>
                    <label>{ "test %" }<input type="number" min="0" data-testid="export-split-test" value={spec.test.to_string()}
                        onchange={split_field(|s, v| s.test = u32::try_from(v).unwrap_or(u32::MAX))} /></label>
                    <label>{ w::SEED.get(lang) }<input type="number" min="0" data-testid="export-split-seed" value={spec.seed.to_string()}
                        onchange={split_field(|s, v| s.seed = v)} /></label>
                }
            </div>
            { body }
        </Modal>
    }
}
