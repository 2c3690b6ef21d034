//! Span count of the open document, and the latest message (errors stay until dismissed).

use super::store::StoreHandle;
use crate::core::editor::{EditorAction, NoticeKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatusBarProps {
    pub store: StoreHandle,
}

#[component]
pub fn StatusBar(props: &StatusBarProps) -> Html {
    let state = props.store.state();
    let span_count = state.document().map_or(0, |d| d.spans().len());
    let selection = match (state.pending, state.selected_span) {
        (Some(range), _) => {
            format!("selected {}–{} (code points) · press a label key", range.start, range.end)
        }
        (None, Some(id)) => {
            format!("span {id} selected · Delete removes, a label key relabels, Esc clears")
        }
        _ => String::new(),
    };
    let notice = state.notice.as_ref().map(|notice| {
        let kind = match notice.kind {
            NoticeKind::Info => "info",
            NoticeKind::Error => "error",
        };
        let dismiss = {
            let store = props.store.clone();
            Callback::from(move |_: MouseEvent| store.dispatch(EditorAction::DismissNotice))
        };
        html! {
            <div class={classes!("status__message", format!("status__message--{kind}"))}
                 data-testid="message" data-kind={kind} role={if kind == "error" { "alert" } else { "status" }}>
                <span>{ notice.text.clone() }</span>
                <button class="status__dismiss" onclick={dismiss} title="Dismiss">{ "×" }</button>
            </div>
        }
    });
    html! {
        <footer class="status" data-testid="status" data-span-count={span_count.to_string()}
                data-revision={state.session.revision().to_string()}>
            <span class="status__count">{ format!("{span_count} spans") }</span>
            <span class="status__selection">{ selection }</span>
            { for notice }
        </footer>
    }
}
