//! Span count of the open document, and the latest message (errors stay until dismissed).

use super::store::use_dispatch;
use super::words::chrome as w;
use super::words::formatted::{pending_hint, selected_hint, span_count_text};
use super::words::outcomes::said;
use super::words::use_lang;
use crate::core::editor::{EditorAction, Notice, NoticeKind};
use crate::core::{CharRange, SpanId};
use yew::prelude::*;

/// Messages longer than this (in characters) show one line and a "more" button.
const LONG_MESSAGE: usize = 120;

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
    let lang = use_lang();
    let span_count = props.span_count;
    let selection = match (props.pending, props.selected) {
        (Some(range), _) => pending_hint(lang, range),
        (None, Some(id)) => selected_hint(lang, id),
        _ => w::IDLE_HINT.get(lang).to_string(),
    };
    // A long message shows its first line; "more" opens the rest (closed again by a new one).
    let open = use_state(|| false);
    {
        let open = open.clone();
        use_effect_with(props.notice.clone(), move |_| open.set(false));
    }
    let notice = props.notice.as_ref().map(|notice| {
        let kind = match notice.kind {
            NoticeKind::Info => "info",
            NoticeKind::Error => "error",
        };
        let dismiss = editor.to(|_: MouseEvent| EditorAction::DismissNotice);
        let text = said(lang, &notice.said);
        let long = text.chars().count() > LONG_MESSAGE || text.contains('\n');
        let toggle = {
            let open = open.clone();
            Callback::from(move |_: MouseEvent| open.set(!*open))
        };
        html! {
            <div class={classes!("status__message", format!("status__message--{kind}"), open.then_some("status__message--open"))}
                 data-testid="message" data-kind={kind} role={if kind == "error" { "alert" } else { "status" }}>
                <span class="status__text" title={long.then(|| text.clone())}>{ text.clone() }</span>
                if long {
                    <button class="status__more" data-testid="message-more" onclick={toggle} aria-expanded={open.to_string()}>
                        { if *open { w::LESS.get(lang) } else { w::MORE.get(lang) } }
                    </button>
                }
                <button class="status__dismiss" onclick={dismiss} title={w::DISMISS.get(lang)} aria-label={w::DISMISS.get(lang)}>{ "×" }</button>
            </div>
        }
    });
    html! {
        <footer class="status" data-testid="status" data-span-count={span_count.to_string()}
                data-revision={props.revision.to_string()}>
            <span class="status__count">{ span_count_text(lang, span_count) }</span>
            <span class="status__selection">{ selection }</span>
            // Always on the page, so that screen readers announce each new message.
            <div class="status__live" aria-live="polite" data-testid="live">{ for notice }</div>
        </footer>
    }
}
