//! Spans of the open document grouped by label, with counts. Clicking one selects it, scrolls
//! the text to it and flashes it.

use super::browser;
use super::label_colors::color_style;
use super::store::{use_dispatch, Shared};
use super::words::formatted::{label_name, more_spans, spans_title};
use super::words::use_lang;
use crate::core::editor::EditorAction;
use crate::core::{Document, Schema, SpanId};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SpanListProps {
    /// The open document.
    pub doc: Option<Shared<Document>>,
    pub schema: Shared<Schema>,
    pub selected: Option<SpanId>,
}

/// Longer span texts are cut to this many characters in the list.
const PREVIEW_CHARS: usize = 30;
/// Items listed per label before "show all": a list of thousands costs every render.
const LISTED: usize = 50;

#[component]
pub fn SpanList(props: &SpanListProps) -> Html {
    let lang = use_lang();
    let expanded = use_state(Vec::<String>::new);
    let editor = use_dispatch();
    let Some(doc) = &props.doc else {
        return html! { <div class="span-list" data-testid="span-list"></div> };
    };
    let groups = props.schema.labels().map(|label| {
        let spans: Vec<_> = doc.spans().iter().filter(|s| *s.label == *label.name).collect();
        let all = expanded.contains(&label.name);
        // The selected span is always listed, so the list can show where it is.
        let shown = spans.iter().enumerate().filter(|(i, s)| all || *i < LISTED || props.selected == Some(s.id));
        let hidden = if all { 0 } else { spans.len().saturating_sub(LISTED) };
        let show_all = {
            let expanded = expanded.clone();
            let name = label.name.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = (*expanded).clone();
                next.push(name.clone());
                expanded.set(next);
            })
        };
        let items = shown.map(|(_, span)| {
            let text = doc.slice(span.range);
            let mut preview: String = text.chars().take(PREVIEW_CHARS).collect();
            if text.chars().count() > PREVIEW_CHARS {
                preview.push('…');
            }
            let onclick = {
                let editor = editor.clone();
                let id = span.id;
                Callback::from(move |_: MouseEvent| {
                    editor.dispatch(EditorAction::SpanClicked(id));
                    // After Yew has rendered the selection, or the render would drop the flash class.
                    gloo::timers::callback::Timeout::new(0, move || browser::scroll_to_span(id.0)).forget();
                })
            };
            let selected = props.selected == Some(span.id);
            html! {
                <li>
                    <button
                        class={classes!("span-list__item", selected.then_some("span-list__item--selected"))}
                        data-testid="span-list-item"
                        data-span-id={span.id.0.to_string()}
                        {onclick}
                    >
                        <span class="span-list__text">{ preview }</span>
                        <span class="span-list__range">{ format!("{}–{}", span.range.start, span.range.end) }</span>
                    </button>
                </li>
            }
        });
        html! {
            <section class="span-list__group" data-label={label.name.clone()} style={color_style(props.schema.label_slot(&label.name))}>
                <h3 class="span-list__heading">
                    { format!("{} {} ", label.name, label_name(lang, label)) }
                    <span class="span-list__count" data-testid={format!("count-{}", label.name)}>{ spans.len() }</span>
                </h3>
                <ul>{ for items }</ul>
                if hidden > 0 {
                    <button class="span-list__more" data-testid={format!("span-list-more-{}", label.name)} onclick={show_all}>
                        { more_spans(lang, hidden) }
                    </button>
                }
            </section>
        }
    });
    html! {
        <div class="span-list" data-testid="span-list">
            <h2 class="span-list__title">{ spans_title(lang, doc.spans().len()) }</h2>
            { for groups }
        </div>
    }
}
