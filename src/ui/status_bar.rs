//! Span count of the open document, and the latest message (errors stay until dismissed).

use super::store::use_dispatch;
use crate::core::editor::{EditorAction, Notice, NoticeKind};
use crate::core::{CharRange, SpanId};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatusBarProps {
    /// Spans in the open document.
    pub span_count: usize,
    /// Text selected and not labelled yet.
    pub pending: Option<CharRange>,
    pub selected: Option<SpanId>,
    pub notice: Option<Notice>,
    pub revision: u64,
}

#[component]
pub fn StatusBar(props: &StatusBarProps) -> Html {
    let editor = use_dispatch();
    let span_count = props.span_count;
    let selection = match (props.pending, props.selected) {
        (Some(range), _) => {
            format!("selected {}–{} (code points) · press a label key", range.start, range.end)
        }
        (None, Some(id)) => {
            format!("span {id} selected · Delete removes, a label key relabels, Esc clears")
        }
        _ => String::new(),
    };
    let notice = props.notice.as_ref().map(|notice| {
        let kind = match notice.kind {
            NoticeKind::Info => "info",
            NoticeKind::Error => "error",
        };
        let dismiss = editor.to(|_: MouseEvent| EditorAction::DismissNotice);
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
                data-revision={props.revision.to_string()}>
            <span class="status__count">{ format!("{span_count} spans") }</span>
            <span class="status__selection">{ selection }</span>
            { for notice }
        </footer>
    }
}
