//! The open document's relations: source, type (changeable), target, and delete.

use super::store::{use_dispatch, Shared};
use super::words::chrome as w;
use super::words::formatted::{relation_type_name, relations_title};
use super::words::use_lang;
use crate::core::editor::{link_types, EditorAction};
use crate::core::{Document, Schema};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RelationListProps {
    /// The open document.
    pub doc: Option<Shared<Document>>,
    pub schema: Shared<Schema>,
}

#[component]
pub fn RelationList(props: &RelationListProps) -> Html {
    let lang = use_lang();
    let editor = use_dispatch();
    let Some(doc) = &props.doc else { return html! {} };
    let text = |id| {
        doc.span(id).map(|s| doc.slice(s.range).chars().take(12).collect::<String>()).unwrap_or_default()
    };
    let items = doc.relations().iter().map(|relation| {
        let kinds = link_types(doc, &props.schema, relation.from, relation.to);
        let id = relation.id;
        let onchange = editor.to(move |event: Event| {
            let kind = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            EditorAction::RetypeRelation(id, kind)
        });
        let on_delete = editor.to(move |_: MouseEvent| EditorAction::RemoveRelation(id));
        let from = relation.from;
        let on_select = editor.to(move |_: MouseEvent| EditorAction::SpanClicked(from));
        // Rows stay one line: long ends are cut short by CSS, whole in their tooltips.
        let (from_text, to_text) = (format!("«{}»", text(relation.from)), format!("«{}»", text(relation.to)));
        let options = kinds.iter().map(|k| html! { <option value={k.clone()} selected={*k == relation.kind}>{ k.clone() }</option> });
        html! {
            <li class="relation-list__item" data-testid="relation-item" data-relation-id={relation.id.0.to_string()}
                data-type={relation.kind.clone()} data-from={relation.from.0.to_string()} data-to={relation.to.0.to_string()}>
                <button class="relation-list__end" onclick={on_select} title={from_text.clone()}>{ from_text.clone() }</button>
                <select data-testid="relation-type" aria-label={relation_type_name(lang, &from_text, &to_text)} {onchange}>{ for options }</select>
                <span class="relation-list__end" title={to_text.clone()}>{ to_text.clone() }</span>
                <button class="relation-list__delete" data-testid="relation-delete" onclick={on_delete} title={w::DELETE_UNDOABLE.get(lang)} aria-label={w::DELETE_UNDOABLE.get(lang)}>{ "×" }</button>
            </li>
        }
    });
    html! {
        <section class="relation-list" data-testid="relation-list">
            <h2 class="relation-list__title">{ relations_title(lang, doc.relations().len()) }</h2>
            <ul>{ for items }</ul>
        </section>
    }
}
