//! Review of a dataset import: what will come in, which spans moved, what cannot be placed,
//! and where labels outside the schema go. Nothing changes until "Import" is pressed.

use super::modal::Modal;
use super::store::{use_dispatch, Shared};
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
    let editor = use_dispatch();
    let PendingImport { source, parsed, mapping, plan: preview, unit_choice, as_text, .. } = &*props.pending;
    let project = &props.project;
    let dispatch = |action: EditorAction| editor.to(move |_: MouseEvent| action.clone());
    let on_escape = editor.to(|()| EditorAction::CancelImport);

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
            <option value={l.name.clone()} selected={current == l.name}>{ format!("→ {} {}", l.name, l.zh) }</option>
        });
        html! {
            <li>
                <span class="import__label">{ format!("{label} ({count})") }</span>
                <select data-testid={format!("import-map-{label}")} {onchange}>
                    <option value="" selected={current.is_empty()}>{ "— choose (not imported yet) —" }</option>
                    { for options }
                    <option value={"\u{0}drop"} selected={current == "\u{0}drop"}>{ "leave these spans out" }</option>
                </select>
            </li>
        }
    });
    let problems = preview.problems.iter().take(SHOWN_PROBLEMS).map(|p| html! { <li>{ p.clone() }</li> });
    let more = preview.problems.len().saturating_sub(SHOWN_PROBLEMS);
    let notes = preview.unit_notes.iter().chain(&preview.notes).map(|n| html! { <li>{ n.clone() }</li> });
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
                            { format!("{} ({} span(s) placed)", unit.title(), reading.placed) }
                        </label>
                        <ul class="import__unit-preview">{ for lines }</ul>
                    </li>
                }
            });
            html! {
                <div class="import__units" data-testid="import-units">
                    <h3>{ "偏移单位 How does the file count offsets?" }</h3>
                    <p>{ "The file does not say, and these readings fit its text equally well but put spans in different places. Pick the one whose spans look right:" }</p>
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
                <label>{ "正文列 Text column " }
                    <select data-testid="import-text-column" {onchange}>{ for options }</select>
                </label>
                { format!(" · {} row(s); an id column gives document ids, a name or title column their names", table.rows.len()) }
            </p>
        }
    });
    let waiting = preview.needs_unit_choice();
    html! {
        <Modal label="Import dataset" testid="import-dialog" class="dialog__box--wide" on_close={on_escape}>
            <h2>{ format!("导入 Import {source}") }</h2>
            <p data-testid="import-summary" data-docs={preview.docs.len().to_string()} data-spans={preview.span_count().to_string()}
               data-moved={preview.moved.to_string()}>
                { format!(
                    "{}: {} document(s), {} span(s), {} relation(s) will be added to the project.",
                    preview.format, preview.docs.len(), preview.span_count(), preview.relation_count()
                ) }
                if preview.moved > 0 {
                    { format!(" {} span(s) had offsets that did not match their text and were moved to where it is.", preview.moved) }
                }
            </p>
            if as_text.is_some() {
                <p class="import__as-text" data-testid="import-as-text-note">
                    { "This text file reads as a tagged corpus (a token and a tag on each line), so it is offered as one. " }
                    <button data-testid="import-as-text" onclick={dispatch(EditorAction::ImportAsText)}>
                        { "保留为文本 Keep it as one plain text document" }
                    </button>
                </p>
            }
            { for column_choice }
            { unit_question }
            if !unknown.is_empty() {
                <div class="import__mapping">
                    <h3>{ "不在标签体系中的标签 Labels not in the schema" }</h3>
                    <ul>{ for rows }</ul>
                </div>
            }
            if !preview.unit_notes.is_empty() || !preview.notes.is_empty() {
                <ul class="import__notes" data-testid="import-notes">{ for notes }</ul>
            }
            if !preview.problems.is_empty() || unmapped > 0 {
                <div class="import__problems" data-testid="import-problems" data-count={(preview.problems.len() + unmapped).to_string()}>
                    { format!("{} span(s) cannot be placed and will not be imported:", preview.problems.len() + unmapped) }
                    <ul>
                        { for problems }
                        if more > 0 { <li>{ format!("… and {more} more") }</li> }
                        if unmapped > 0 { <li>{ format!("{unmapped} span(s) with a label not mapped above") }</li> }
                    </ul>
                </div>
            }
            <div class="dialog__buttons">
                <button data-testid="import-accept" disabled={waiting} onclick={dispatch(EditorAction::AcceptImport)}>{ "导入 Import" }</button>
                <button data-testid="import-cancel" onclick={dispatch(EditorAction::CancelImport)}>{ "取消 Cancel" }</button>
            </div>
        </Modal>
    }
}
