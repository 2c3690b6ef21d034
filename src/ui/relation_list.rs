//! The open document's relations: source, type (changeable), target, and delete.

use super::store::StoreHandle;
use crate::core::editor::EditorAction;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RelationListProps {
    pub store: StoreHandle,
}

#[component]
pub fn RelationList(props: &RelationListProps) -> Html {
    let state = props.store.state();
    let Some(doc) = state.document() else { return html! {} };
    let schema = &state.project().schema;
    let text = |id| {
        doc.span(id).map(|s| doc.slice(s.range).chars().take(12).collect::<String>()).unwrap_or_default()
    };
    let items = doc.relations().iter().map(|relation| {
        let (from, to) = (doc.span(relation.from), doc.span(relation.to));
        let kinds: Vec<String> = match (from, to) {
            (Some(a), Some(b)) => schema.relation_types_between(&a.label, &b.label).map(|r| r.name.clone()).collect(),
            _ => Vec::new(),
        };
        let onchange = {
            let store = props.store.clone();
            let id = relation.id;
            Callback::from(move |event: Event| {
                let kind = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                store.dispatch(EditorAction::RetypeRelation(id, kind));
            })
        };
        let on_delete = {
            let store = props.store.clone();
            let id = relation.id;
            Callback::from(move |_: MouseEvent| store.dispatch(EditorAction::RemoveRelation(id)))
        };
        let on_select = {
            let store = props.store.clone();
            let from = relation.from;
            Callback::from(move |_: MouseEvent| store.dispatch(EditorAction::SpanClicked(from)))
        };
        let options = kinds.iter().map(|k| html! { <option value={k.clone()} selected={*k == relation.kind}>{ k.clone() }</option> });
        html! {
            <li class="relation-list__item" data-testid="relation-item" data-relation-id={relation.id.0.to_string()}
                data-type={relation.kind.clone()} data-from={relation.from.0.to_string()} data-to={relation.to.0.to_string()}>
                <button class="relation-list__end" onclick={on_select}>{ format!("«{}»", text(relation.from)) }</button>
                <select data-testid="relation-type" {onchange}>{ for options }</select>
                <span class="relation-list__end">{ format!("«{}»", text(relation.to)) }</span>
                <button class="relation-list__delete" data-testid="relation-delete" onclick={on_delete} title="Delete (Ctrl+Z brings it back)">{ "×" }</button>
            </li>
        }
    });
    html! {
        <section class="relation-list" data-testid="relation-list">
            <h2 class="relation-list__title">{ format!("关系 Relations ({})", doc.relations().len()) }</h2>
            <ul>{ for items }</ul>
        </section>
    }
}
