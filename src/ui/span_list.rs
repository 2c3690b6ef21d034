//! Spans of the open document grouped by label, with counts. Clicking one selects it, scrolls
//! the text to it and flashes it.

use super::browser;
use super::store::StoreHandle;
use crate::core::editor::EditorAction;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SpanListProps {
    pub store: StoreHandle,
}

/// Longer span texts are cut to this many characters in the list.
const PREVIEW_CHARS: usize = 30;

#[component]
pub fn SpanList(props: &SpanListProps) -> Html {
    let state = props.store.state();
    let Some(doc) = state.document() else {
        return html! { <div class="span-list" data-testid="span-list"></div> };
    };
    let groups = state.project().schema.labels().map(|label| {
        let spans: Vec<_> = doc.spans().iter().filter(|s| s.label == label.name).collect();
        let items = spans.iter().map(|span| {
            let text = doc.slice(span.range);
            let mut preview: String = text.chars().take(PREVIEW_CHARS).collect();
            if text.chars().count() > PREVIEW_CHARS {
                preview.push('…');
            }
            let onclick = {
                let store = props.store.clone();
                let id = span.id;
                Callback::from(move |_: MouseEvent| {
                    store.dispatch(EditorAction::SpanClicked(id));
                    // After Yew has rendered the selection, or the render would drop the flash class.
                    gloo::timers::callback::Timeout::new(0, move || browser::scroll_to_span(id.0)).forget();
                })
            };
            let selected = state.selected_span == Some(span.id);
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
            <section class="span-list__group" data-label={label.name.clone()} style={format!("--ann-color: {}", label.color)}>
                <h3 class="span-list__heading">
                    { format!("{} {} ", label.name, label.zh) }
                    <span class="span-list__count" data-testid={format!("count-{}", label.name)}>{ spans.len() }</span>
                </h3>
                <ul>{ for items }</ul>
            </section>
        }
    });
    html! {
        <div class="span-list" data-testid="span-list">
            <h2 class="span-list__title">{ format!("标注 Spans ({})", doc.spans().len()) }</h2>
            { for groups }
        </div>
    }
}
