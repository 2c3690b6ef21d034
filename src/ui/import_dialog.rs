//! Review of a dataset import: what will come in, which spans moved, what cannot be placed,
//! and where labels outside the schema go. Nothing changes until "Import" is pressed.

use super::browser_focus::focus_text_after_close;
use super::modal::Modal;
use super::store::{use_dispatch, Shared};
use super::words::chrome as w;
use super::words::dataset_words::{
    import_summary, spans_moved, spans_not_placed, spans_unmapped, table_rows, unit_reading,
};
use super::words::formatted::{and_more, label_name, map_label_name};
use super::words::import_review::{import_problem, unit_note};
use super::words::reading::passed;
use super::words::titles::unit_title;
use super::words::use_lang;
use crate::core::editor::{EditorAction, PendingImport};
use crate::core::import::{LabelChoice, UnitDecision};
use crate::core::Project;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImportDialogProps {
    pub pending: Shared<PendingImport>,
    /// The project the import would go into (its schema, its documents' ids).
    pub project: Shared<Project>,
}

/// Problems shown in full; the rest are counted.
const SHOWN_PROBLEMS: usize = 50;

#[component]
pub fn ImportDialog(props: &ImportDialogProps) -> Html {
    let lang = use_lang();
    let editor = use_dispatch();
    let PendingImport { source, parsed, mapping, plan: preview, unit_choice, as_text, .. } = &*props.pending;
    let project = &props.project;
    let dispatch = |action: EditorAction| editor.to(move |_: MouseEvent| action.clone());
    let on_escape = editor.to(|()| EditorAction::CancelImport);
    let on_accept = editor.to(|_: MouseEvent| {
        focus_text_after_close();
        EditorAction::AcceptImport
    });

    // Every label outside the schema, whether mapped already or not.
    let mut unknown: Vec<(String, usize)> = Vec::new();
    for span in parsed.docs.iter().flat_map(|d| &d.spans) {
        if project.schema.label(&span.label).is_none() {
            match unknown.iter_mut().find(|(l, _)| l == &span.label) {
                Some((_, n)) => *n += 1,
                None => unknown.push((span.label.clone(), 1)),
            }
        }
    }
    let rows = unknown.iter().map(|(label, count)| {
        let current = match mapping.get(label) {
            Some(LabelChoice::Map(to)) => to.clone(),
            Some(LabelChoice::Drop) => "\u{0}drop".to_string(),
            None => String::new(),
        };
        let onchange = {
            let editor = editor.clone();
            let label = label.clone();
            Callback::from(move |event: Event| {
                let value = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                let choice = match value.as_str() {
                    "" => None,
                    "\u{0}drop" => Some(LabelChoice::Drop),
                    to => Some(LabelChoice::Map(to.to_string())),
                };
                editor.dispatch(EditorAction::MapLabel { label: label.clone(), choice });
            })
        };
        let options = project.schema.labels().map(|l| html! {
            <option value={l.name.clone()} selected={current == l.name}>{ format!("→ {} {}", l.name, label_name(lang, l)) }</option>
        });
        html! {
            <li>
                <span class="import__label">{ format!("{label} ({count})") }</span>
                <select data-testid={format!("import-map-{label}")} aria-label={map_label_name(lang, label)} {onchange}>
                    <option value="" selected={current.is_empty()}>{ w::MAP_CHOOSE.get(lang) }</option>
                    { for options }
                    <option value={"\u{0}drop"} selected={current == "\u{0}drop"}>{ w::MAP_DROP.get(lang) }</option>
                </select>
            </li>
        }
    });
    let problems =
        preview.problems.iter().take(SHOWN_PROBLEMS).map(|p| html! { <li>{ import_problem(lang, p) }</li> });
    let more = preview.problems.len().saturating_sub(SHOWN_PROBLEMS);
    let unit_notes = preview.unit_notes.iter().map(|n| unit_note(lang, n));
    let reader_notes = preview.notes.iter().map(|n| passed(lang, n));
    let notes = unit_notes.chain(reader_notes).map(|n| html! { <li>{ n }</li> });
    let unmapped: usize = preview.unmapped.values().sum();
    let unit_question = match &preview.units {
        UnitDecision::Ask(readings) => {
            let choices = readings.iter().map(|reading| {
                let unit = reading.unit;
                let onchange = {
                    editor.to(move |_: Event| EditorAction::ChooseOffsetUnit(Some(unit)))
                };
                let lines = reading.preview.iter().map(|line| html! { <li>{ line.clone() }</li> });
                html! {
                    <li>
                        <label>
                            <input type="radio" name="import-unit" data-testid={format!("import-unit-{}", unit.key())}
                                   checked={*unit_choice == Some(unit)} {onchange} />
                            { unit_reading(lang, unit_title(lang, unit), reading.placed) }
                        </label>
                        <ul class="import__unit-preview">{ for lines }</ul>
                    </li>
                }
            });
            html! {
                <div class="import__units" data-testid="import-units">
                    <h3>{ w::UNIT_QUESTION.get(lang) }</h3>
                    <p>{ w::UNIT_EXPLAINED.get(lang) }</p>
                    <ul>{ for choices }</ul>
                </div>
            }
        }
        _ => html! {},
    };
    // A CSV or TSV file: which column holds the texts.
    let column_choice = parsed.table.as_ref().map(|table| {
        let onchange = {
            let editor = editor.clone();
            Callback::from(move |event: Event| {
                let value = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                if let Ok(column) = value.parse() {
                    editor.dispatch(EditorAction::ChooseTextColumn(column));
                }
            })
        };
        let options = table.columns.iter().enumerate().map(|(i, name)| {
            html! { <option value={i.to_string()} selected={i == table.text_column}>{ name.clone() }</option> }
        });
        html! {
            <p class="import__column">
                <label>{ w::TEXT_COLUMN.get(lang) }
                    <select data-testid="import-text-column" {onchange}>{ for options }</select>
                </label>
                { table_rows(lang, table.rows.len()) }
            </p>
        }
    });
    let waiting = preview.needs_unit_choice();
    html! {
        <Modal label={w::IMPORT_DATASET.get(lang)} testid="import-dialog" class="dialog__box--wide" on_close={on_escape}>
            <h2>{ format!("{} {source}", w::IMPORT_TITLE.get(lang)) }</h2>
            <p data-testid="import-summary" data-docs={preview.docs.len().to_string()} data-spans={preview.span_count().to_string()}
               data-moved={preview.moved.to_string()}>
                { import_summary(lang, preview.format, preview.docs.len(), preview.span_count(), preview.relation_count()) }
                if preview.moved > 0 {
                    { spans_moved(lang, preview.moved) }
                }
            </p>
            if as_text.is_some() {
                <p class="import__as-text" data-testid="import-as-text-note">
                    { w::READS_AS_CORPUS.get(lang) }
                    <button data-testid="import-as-text" onclick={dispatch(EditorAction::ImportAsText)}>
                        { w::KEEP_AS_TEXT.get(lang) }
                    </button>
                </p>
            }
            { for column_choice }
            { unit_question }
            if !unknown.is_empty() {
                <div class="import__mapping">
                    <h3>{ w::LABELS_NOT_IN_SCHEMA.get(lang) }</h3>
                    <ul>{ for rows }</ul>
                </div>
            }
            if !preview.unit_notes.is_empty() || !preview.notes.is_empty() {
                <ul class="import__notes" data-testid="import-notes">{ for notes }</ul>
            }
            if !preview.problems.is_empty() || unmapped > 0 {
                <div class="import__problems" data-testid="import-problems" data-count={(preview.problems.len() + unmapped).to_string()}>
                    { spans_not_placed(lang, preview.problems.len() + unmapped) }
                    <ul>
                        { for problems }
                        if more > 0 { <li>{ and_more(lang, more) }</li> }
                        if unmapped > 0 { <li>{ spans_unmapped(lang, unmapped) }</li> }
                    </ul>
                </div>
            }
            <div class="dialog__buttons">
                <button data-testid="import-accept" disabled={waiting} onclick={on_accept}>{ w::IMPORT_ACCEPT.get(lang) }</button>
                <button data-testid="import-cancel" onclick={dispatch(EditorAction::CancelImport)}>{ w::CANCEL.get(lang) }</button>
            </div>
        </Modal>
    }
}
