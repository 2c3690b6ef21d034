//! The document text with its spans. Text is always inserted as text nodes, never as HTML.
//!
//! Each paragraph element holds only document text (labels show through `title` and CSS), so
//! `browser::selection_in` can count a selection's offset from the paragraph's `data-start`.

use super::browser;
use super::relation_arcs::RelationArcs;
use super::store::StoreHandle;
use crate::core::editor::EditorAction;
use crate::core::layout::{layout_paragraph, paragraphs, Node};
use crate::core::schema::Schema;
use crate::core::{Document, SpanId};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextViewProps {
    pub store: StoreHandle,
    pub node_ref: NodeRef,
}

#[component]
pub fn TextView(props: &TextViewProps) -> Html {
    let state = props.store.state();
    let Some(doc) = state.document() else {
        return html! {
            <div class="text-view text-view--empty" data-testid="text-view" ref={props.node_ref.clone()}>
                { "没有文档 · No document: add one with “New document” or import a project." }
            </div>
        };
    };
    let onmouseup = {
        let store = props.store.clone();
        let node_ref = props.node_ref.clone();
        Callback::from(move |_: MouseEvent| {
            let range = node_ref.cast::<web_sys::Element>().and_then(|root| browser::selection_in(&root));
            store.dispatch(EditorAction::SelectionChanged(range));
        })
    };
    let on_span_click = {
        let store = props.store.clone();
        Callback::from(move |id: SpanId| store.dispatch(EditorAction::SpanClicked(id)))
    };
    let schema = &state.project().schema;
    let marks = Marks { selected: state.selected_span, candidate: state.link_candidate };
    let paras = paragraphs(doc.text()).into_iter().map(|para| {
        let nodes = layout_paragraph(doc, schema, para);
        html! {
            <p class="text-view__para" data-para="" data-start={para.start.to_string()} data-end={para.end.to_string()}>
                { render_nodes(&nodes, doc, schema, marks, &on_span_click) }
            </p>
        }
    });
    let class = classes!(
        "text-view",
        state.sticky_label.as_ref().map(|_| "text-view--sticky"),
        state.linking.map(|_| "text-view--linking")
    );
    html! {
        <div {class} data-testid="text-view" data-doc-id={doc.id.0.clone()} ref={props.node_ref.clone()} {onmouseup}>
            { for paras }
            <RelationArcs store={props.store.clone()} view={props.node_ref.clone()} />
        </div>
    }
}

/// Spans drawn with an outline: the selected one, and the target a keyboard relation would take.
#[derive(Clone, Copy)]
struct Marks {
    selected: Option<SpanId>,
    candidate: Option<SpanId>,
}

fn render_nodes(
    nodes: &[Node],
    doc: &Document,
    schema: &Schema,
    marks: Marks,
    on_click: &Callback<SpanId>,
) -> Html {
    let Marks { selected, candidate } = marks;
    nodes
        .iter()
        .map(|node| match node {
            Node::Text(range) => html! { { doc.slice(*range).to_string() } },
            Node::Span { id, label, piece, first, children } => {
                let span = doc.span(*id).expect("layout comes from the document");
                let (layer, color, title) = match schema.find(label) {
                    Some((layer, l)) => {
                        (layer.name.as_str(), l.color.as_str(), format!("{} {} · {}", l.name, l.zh, l.en))
                    }
                    None => ("unknown", "#999999", label.clone()),
                };
                let class = classes!(
                    "ann",
                    format!("ann--{layer}"),
                    (selected == Some(*id)).then_some("ann--selected"),
                    (candidate == Some(*id)).then_some("ann--candidate"),
                    (!first).then_some("ann--continued"),
                );
                // Only the piece where a span starts carries the test id, so each span counts once.
                let testid = if *first { "span" } else { "span-continued" };
                let onclick = {
                    let on_click = on_click.clone();
                    let id = *id;
                    Callback::from(move |event: MouseEvent| {
                        // The innermost span takes the click; a drag that selected text is not a click.
                        event.stop_propagation();
                        if !browser::has_text_selection() {
                            on_click.emit(id);
                        }
                    })
                };
                html! {
                    <span
                        {class}
                        data-testid={testid}
                        data-span-id={id.0.to_string()}
                        data-label={label.clone()}
                        data-start={span.range.start.to_string()}
                        data-end={span.range.end.to_string()}
                        data-piece={format!("{}-{}", piece.start, piece.end)}
                        title={format!("{title} [{}–{}]", span.range.start, span.range.end)}
                        style={format!("--ann-color: {color}")}
                        {onclick}
                    >
                        { render_nodes(children, doc, schema, marks, on_click) }
                    </span>
                }
            }
        })
        .collect()
}
