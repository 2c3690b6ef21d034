//! The project's documents; click one to open it.

use super::store::StoreHandle;
use crate::core::editor::EditorAction;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DocListProps {
    pub store: StoreHandle,
}

#[component]
pub fn DocList(props: &DocListProps) -> Html {
    let state = props.store.state();
    let items = state.project().documents().iter().map(|doc| {
        let open = state.open_doc.as_ref() == Some(&doc.id);
        let onclick = {
            let store = props.store.clone();
            let id = doc.id.clone();
            Callback::from(move |_: MouseEvent| store.dispatch(EditorAction::OpenDocument(id.clone())))
        };
        let on_remove = {
            let store = props.store.clone();
            let id = doc.id.clone();
            Callback::from(move |_: MouseEvent| store.dispatch(EditorAction::RemoveDocument(id.clone())))
        };
        html! {
            <li class={classes!("doc-list__item", open.then_some("doc-list__item--open"))}>
                <button class="doc-list__open" data-testid="doc-item" data-doc-id={doc.id.0.clone()} {onclick}
                        aria-current={open.then_some("true")}>
                    <span class="doc-list__name">{ doc.name.clone() }</span>
                    <span class="doc-list__count">
                        <span class={classes!("doc-list__status", format!("doc-list__status--{}", doc.status.key()))}
                              data-testid="doc-item-status">{ doc.status.title() }</span>
                        { format!(" · {} spans · {} chars", doc.spans().len(), doc.char_len()) }
                    </span>
                </button>
                <button class="doc-list__remove" data-testid="doc-remove" title="Remove document (Ctrl+Z brings it back)"
                        onclick={on_remove}>{ "×" }</button>
            </li>
        }
    });
    html! {
        <nav class="doc-list" data-testid="doc-list">
            <h2 class="doc-list__title">{ "文档 Documents" }</h2>
            <ul>{ for items }</ul>
        </nav>
    }
}
