//! The project's documents: search, status filter and sorting above a list that puts only the
//! rows in view into the DOM (a corpus has tens of thousands of documents). Click a row, or use
//! Alt+↓ / Alt+↑ / Alt+N (see `app`), to open a document.

use super::project_memo::use_project_memo;
use super::store::{use_dispatch, Shared};
use super::text_field::LiveField;
use super::words::chrome as w;
use super::words::formatted::{doc_item_tip, reading_documents};
use super::words::titles::{sort_title, status_title};
use super::words::use_lang;
use crate::core::doc_nav::{list_label, same_list, visible_documents, DocQuery, DocSort};
use crate::core::editor::EditorAction;
use crate::core::{DocId, DocStatus, Project};
use yew::prelude::*;

/// Every row has this height (px), so that which rows are in view is arithmetic.
const ROW: i32 = 30;
/// Rows rendered above and below the visible ones, so that scrolling does not show gaps.
const OVERSCAN: i32 = 8;
/// The list's height (px) when it holds more rows than fit.
const VIEW: i32 = 420;

#[derive(Properties, PartialEq)]
pub struct DocListProps {
    pub project: Shared<Project>,
    pub query: DocQuery,
    pub open_doc: Option<DocId>,
}

#[component]
pub fn DocList(props: &DocListProps) -> Html {
    let lang = use_lang();
    let scroll_top = use_state(|| 0i32);
    let rows_ref = use_node_ref();
    let editor = use_dispatch();
    let query = props.query.clone();
    let project = &props.project;
    let stand_ins = project.stand_ins();
    // Recomputed when what the list shows changed (documents read from storage change it
    // without an edit), not on every edit: an added span leaves it as it was.
    let shown = use_project_memo(project, &query, same_list, visible_documents);
    let open_at = props.open_doc.as_ref().and_then(|id| project.position(id));
    let open_row = open_at.and_then(|at| shown.iter().position(|&i| i == at));
    // Keep the open document's row in view when it changes (a key, an import). The list's
    // scroll and height are known here (the scroll as `onscroll` last saw it, the height as set
    // below): reading them from the element would force a layout of the page in the middle of
    // the render, on every step of the review queue to another document.
    {
        let (rows_ref, from) = (rows_ref.clone(), *scroll_top);
        let height = (shown.len() as i32 * ROW).min(VIEW);
        use_effect_with(open_row, move |row| {
            if let (Some(row), Some(rows)) = (row, rows_ref.cast::<web_sys::Element>()) {
                let top = *row as i32 * ROW;
                if top < from || top + ROW > from + height {
                    rows.set_scroll_top((top - height / 2).max(0));
                }
            }
        });
    }

    let set_query = |change: fn(&mut DocQuery, String)| {
        let editor = editor.clone();
        let query = query.clone();
        move |value: String| {
            let mut next = query.clone();
            change(&mut next, value);
            editor.dispatch(EditorAction::SetDocQuery(next));
        }
    };
    let on_search = {
        let set = set_query(|q, v| q.search = v);
        Callback::from(move |text: String| set(text))
    };
    let on_filter = {
        let set = set_query(|q, v| q.status = DocStatus::from_key(&v));
        Callback::from(move |e: Event| set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()))
    };
    let on_sort = {
        let set = set_query(|q, v| q.sort = DocSort::from_key(&v).unwrap_or_default());
        Callback::from(move |e: Event| set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()))
    };
    let onscroll = {
        let scroll_top = scroll_top.clone();
        Callback::from(move |e: Event| {
            scroll_top.set(e.target_unchecked_into::<web_sys::Element>().scroll_top())
        })
    };

    let total = shown.len() as i32;
    let first = (*scroll_top / ROW - OVERSCAN).max(0);
    let last = ((*scroll_top + VIEW) / ROW + OVERSCAN).min(total);
    let docs = project.documents();
    let rows = (first..last).map(|row| {
        let doc = &docs[shown[row as usize]];
        let open = props.open_doc.as_ref() == Some(&doc.id);
        let onclick = {
            let id = doc.id.clone();
            editor.to(move |_: MouseEvent| EditorAction::OpenDocument(id.clone()))
        };
        let on_remove = {
            let id = doc.id.clone();
            editor.to(move |_: MouseEvent| EditorAction::RemoveDocument(id.clone()))
        };
        let label = list_label(doc);
        let title = doc_item_tip(lang, &label, doc.span_count(), doc.is_loaded().then(|| doc.char_len()));
        html! {
            <li key={doc.id.0.clone()} class={classes!("doc-list__item", open.then_some("doc-list__item--open"))}
                style={format!("top:{}px", row * ROW)}>
                <button class="doc-list__open" data-testid="doc-item" data-doc-id={doc.id.0.clone()} {onclick}
                        aria-current={open.then_some("true")} {title}>
                    <span class="doc-list__name">{ label }</span>
                    <span class={classes!("doc-list__status", format!("doc-list__status--{}", doc.status.key()))}
                          data-testid="doc-item-status">{ status_title(lang, doc.status) }</span>
                    <span class="doc-list__count">{ doc.span_count() }</span>
                </button>
                <button class="doc-list__remove" data-testid="doc-remove" title={w::REMOVE_DOC.get(lang)} aria-label={w::REMOVE_DOC.get(lang)}
                        onclick={on_remove}>{ "×" }</button>
            </li>
        }
    });
    let status_options = std::iter::once(("", w::ANY_STATUS.get(lang)))
        .chain(DocStatus::ALL.iter().map(|s| (s.key(), status_title(lang, *s))))
        .map(|(key, title)| {
            let selected = query.status.map_or("", |s| s.key()) == key;
            html! { <option value={key} {selected}>{ title }</option> }
        });
    let sort_options = DocSort::ALL.iter().map(|sort| {
        html! { <option value={sort.key()} selected={*sort == query.sort}>{ sort_title(lang, *sort) }</option> }
    });
    let height = (total * ROW).min(VIEW);
    html! {
        <nav class="doc-list" data-testid="doc-list">
            <h2 class="doc-list__title">
                { w::DOCUMENTS.get(lang) }
                <span class="doc-list__shown" data-testid="doc-shown" data-shown={total.to_string()}>
                    { if total as usize == docs.len() { format!(" {total}") } else { format!(" {total} / {}", docs.len()) } }
                </span>
            </h2>
            <div class="doc-list__tools">
                <LiveField class="doc-list__search" testid="doc-search" placeholder={w::DOC_SEARCH.get(lang)}
                           on_text={on_search} />
                <select data-testid="doc-filter" onchange={on_filter} title={w::DOC_FILTER.get(lang)} aria-label={w::DOC_FILTER.get(lang)}>{ for status_options }</select>
                <select data-testid="doc-sort" onchange={on_sort} title={w::DOC_SORT.get(lang)} aria-label={w::DOC_SORT.get(lang)}>{ for sort_options }</select>
            </div>
            if stand_ins > 0 {
                <p class="doc-list__reading" data-testid="doc-reading" data-left={stand_ins.to_string()} role="status">
                    { reading_documents(lang, stand_ins) }
                </p>
            }
            <ul class="doc-list__rows" ref={rows_ref} {onscroll} style={format!("height:{height}px")}>
                <li class="doc-list__spacer" aria-hidden="true" style={format!("height:{}px", total * ROW)}></li>
                { for rows }
            </ul>
            <p class="doc-list__keys">{ w::DOC_KEYS.get(lang) }</p>
        </nav>
    }
}
