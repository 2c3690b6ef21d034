//! The agreement table (see `core::agreement`): one row per pair of annotators and label, with
//! a CSV download. Computed after the dialog is drawn, and again when the project changes.

use super::browser;
use super::modal::Modal;
use super::store::{use_dispatch, Shared};
use super::words::chrome as w;
use super::words::formatted::{and_more, computing_documents, csv_not_downloaded};
use super::words::{current_lang, use_lang};
use crate::core::adjudication::differences_from_gold;
use crate::core::agreement::{figure, to_csv, AgreementJob, AgreementTable, ALL};
use crate::core::editor::EditorAction;
use crate::core::merge::GOLD;
use crate::core::Project;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AgreementDialogProps {
    pub project: Shared<Project>,
    pub on_close: Callback<()>,
}

/// How long one slice of the computation may run before the page gets a frame.
const SLICE_MS: f64 = 12.0;
/// Differences from gold listed at most (the CSV and the table have the totals).
const MAX_DIFFERENCES: usize = 200;
/// Documents added between two looks at the clock.
const DOCS_PER_STEP: usize = 20;

/// A figure as the `data-` attribute holds it: the number, or empty when undefined.
fn number(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| format!("{v}"))
}

#[component]
pub fn AgreementDialog(props: &AgreementDialogProps) -> Html {
    let lang = use_lang();
    let editor = use_dispatch();
    let table = use_state(|| None::<Rc<AgreementTable>>);
    let progress = use_state(|| (0usize, 0usize));
    // Bumped when the project changes or the dialog closes: a run that sees it move stops.
    let generation = use_mut_ref(|| 0u64);
    {
        let (table, progress, generation) = (table.clone(), progress.clone(), generation.clone());
        use_effect_with(props.project.clone(), move |project| {
            let project = project.0.clone();
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            let running = generation.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // Documents in slices of about a frame's share, the table drawn at the end.
                let mut job = AgreementJob::new(&project);
                loop {
                    super::hooks::yield_to_browser().await;
                    if *running.borrow() != mine {
                        return;
                    }
                    let started = js_sys::Date::now();
                    let mut done = false;
                    while !done && js_sys::Date::now() - started < SLICE_MS {
                        done = job.step(&project, DOCS_PER_STEP);
                    }
                    progress.set(job.progress());
                    if done {
                        break;
                    }
                }
                table.set(Some(Rc::new(job.finish())));
            });
            move || *generation.borrow_mut() += 1
        });
    }
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    let on_csv = {
        let (table, editor) = (table.clone(), editor.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(table) = table.as_ref() else { return };
            if let Err(message) =
                browser::download("biaozhu-agreement.csv", "text/csv", to_csv(table).as_bytes())
            {
                editor.dispatch(EditorAction::Failed(csv_not_downloaded(current_lang(), &message)));
            }
        })
    };
    // Where the gold layer differs from one annotator's work (chosen below the table).
    let compared = use_state(String::new);
    let on_compared = {
        let compared = compared.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            compared.set(select.value());
        })
    };
    let differences = use_memo((props.project.clone(), (*compared).clone()), |(project, name)| {
        if name.is_empty() {
            Vec::new()
        } else {
            differences_from_gold(&project.0, name)
        }
    });
    let gold_rows = table.as_ref().map(|t| {
        let people: Vec<String> = t.annotators.iter().filter(|n| *n != GOLD).cloned().collect();
        (t.annotators.iter().any(|n| n == GOLD), people)
    });
    let gold_section = match gold_rows {
        Some((true, people)) => {
            let project = props.project.0.clone();
            let on_close = props.on_close.clone();
            let editor = editor.clone();
            html! {
                <div class="agreement__gold">
                    <label>{ w::GOLD_DIFFERS.get(lang) }
                        <select data-testid="gold-diff-annotator" onchange={on_compared}>
                            <option value="" selected={compared.is_empty()}>{ "—" }</option>
                            { for people.iter().map(|n| html! { <option value={n.clone()} selected={*n == *compared}>{ n.clone() }</option> }) }
                        </select>
                    </label>
                    <ul class="agreement__differences">
                    { for differences.iter().take(MAX_DIFFERENCES).map(|(doc, range, label, theirs)| {
                        let name = project.document(doc).map(|d| d.name.clone()).unwrap_or_default();
                        let text = project.document(doc).filter(|d| d.is_loaded() && range.end <= d.char_len())
                            .map(|d| d.slice(*range).to_string()).unwrap_or_default();
                        let open = {
                            let (editor, on_close, doc) = (editor.clone(), on_close.clone(), doc.clone());
                            Callback::from(move |_: MouseEvent| {
                                editor.dispatch(EditorAction::OpenDocument(doc.clone()));
                                on_close.emit(());
                            })
                        };
                        html! {
                            <li data-testid="gold-difference" data-doc={doc.0.clone()} data-start={range.start.to_string()}
                                data-end={range.end.to_string()} data-label={label.clone()}
                                data-side={if *theirs { "annotator" } else { "gold" }}>
                                <button onclick={open}>{ name }</button>
                                { format!(" {label} «{text}» {}–{}: {}", range.start, range.end,
                                          if *theirs { w::YOURS_NOT_GOLD.get(lang) } else { w::GOLD_NOT_YOURS.get(lang) }) }
                            </li>
                        }
                    }) }
                    </ul>
                    if differences.len() > MAX_DIFFERENCES {
                        <p>{ and_more(lang, differences.len() - MAX_DIFFERENCES) }</p>
                    }
                </div>
            }
        }
        _ => html! {},
    };
    let body = match table.as_ref() {
        None => html! {
            <p data-testid="agreement-busy">
                { computing_documents(lang, progress.0, progress.1) }
                <progress max={progress.1.max(1).to_string()} value={progress.0.to_string()}></progress>
            </p>
        },
        Some(table) if table.rows.is_empty() => html! {
            <p data-testid="agreement-empty">{ w::AGREEMENT_EMPTY.get(lang) }</p>
        },
        Some(table) => html! {
            <table class="agreement__table" data-testid="agreement" tabindex="0" aria-label={w::AGREEMENT_TABLE.get(lang)}>
                <thead><tr>
                    <th>{ "A" }</th><th>{ "B" }</th><th>{ w::COLUMN_LABEL.get(lang) }</th><th>{ w::COLUMN_DOCS.get(lang) }</th>
                    <th>{ w::COLUMN_A_SPANS.get(lang) }</th><th>{ w::COLUMN_B_SPANS.get(lang) }</th>
                    <th title={w::F1_EXACT_TIP.get(lang)}>{ w::F1_EXACT.get(lang) }</th>
                    <th title={w::F1_OVERLAP_TIP.get(lang)}>{ w::F1_OVERLAP.get(lang) }</th>
                    <th title={w::KAPPA_TIP.get(lang)}>{ w::KAPPA.get(lang) }</th>
                    <th title={w::ALPHA_TIP.get(lang)}>{ "αu" }</th>
                    <th title={w::RELATION_F1_TIP.get(lang)}>{ w::RELATION_F1.get(lang) }</th>
                    <th title={w::ATTRIBUTES_TIP.get(lang)}>{ w::ATTRIBUTES_AGREE.get(lang) }</th>
                </tr></thead>
                <tbody>
                { for table.rows.iter().map(|row| html! {
                    <tr data-testid="agreement-row" class={classes!((row.label == ALL).then_some("agreement__all"))}
                        data-a={row.a.clone()} data-b={row.b.clone()} data-label={row.label.clone()}
                        data-documents={row.documents.to_string()}
                        data-f1-exact={number(row.f1_exact)} data-f1-overlap={number(row.f1_overlap)}
                        data-kappa={number(row.kappa)} data-alpha-u={number(row.alpha_u)}
                        data-relations-f1={number(row.relations_f1)} data-attributes={number(row.attributes)}>
                        <td>{ &row.a }</td><td>{ &row.b }</td><td>{ &row.label }</td><td>{ row.documents }</td>
                        <td>{ row.spans_a }</td><td>{ row.spans_b }</td>
                        <td>{ figure(row.f1_exact) }</td><td>{ figure(row.f1_overlap) }</td>
                        <td>{ figure(row.kappa) }</td><td>{ figure(row.alpha_u) }</td>
                        <td>{ figure(row.relations_f1) }</td><td>{ figure(row.attributes) }</td>
                    </tr>
                }) }
                </tbody>
            </table>
        },
    };
    html! {
        <Modal label={w::AGREEMENT_TITLE.get(lang)} testid="agreement-dialog" class="agreement" on_close={props.on_close.clone()}>
            <h2>{ w::AGREEMENT_TITLE.get(lang) }</h2>
            <p class="agreement__help">{ w::AGREEMENT_HELP.get(lang) }</p>
            { body }
            { gold_section }
            <div class="dialog__buttons">
                <button data-testid="agreement-csv" onclick={on_csv} disabled={table.is_none()}>{ w::DOWNLOAD_CSV.get(lang) }</button>
                <button data-testid="agreement-close" onclick={on_close}>{ w::CLOSE.get(lang) }</button>
            </div>
        </Modal>
    }
}
