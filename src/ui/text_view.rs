//! The document text with its spans. Text is always inserted as text nodes, never as HTML.
//!
//! Each paragraph element holds only document text (labels show through `title` and CSS), so
//! `browser::selection_in` can count a selection's offset from the paragraph's `data-start`.

use super::browser;
use super::relation_arcs::RelationArcs;
use super::store::StoreHandle;
use crate::core::editor::EditorAction;
use crate::core::layout::{layout_paragraph, Node};
use crate::core::schema::Schema;
use crate::core::{CharRange, Document, SpanId};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
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
    let schema_key = schema_digest(&state.project().schema);
    let marks = Marks { selected: state.selected_span, candidate: state.link_candidate };
    // Each paragraph re-renders only when what it shows changed: its spans, their labels and
    // marks, or the schema. An edit therefore touches one paragraph, not the document.
    let paras = doc.paragraphs().iter().map(|&range| {
        let digest = paragraph_digest(doc, range, marks, schema_key);
        html! { <Paragraph key={range.start} store={props.store.clone()} {range} {digest} /> }
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

#[derive(Properties)]
struct ParagraphProps {
    store: StoreHandle,
    range: CharRange,
    /// Changes whenever anything drawn in the paragraph changes (see `paragraph_digest`).
    digest: u64,
}

/// Compares what the paragraph shows, not the store (whose version changes with every action).
impl PartialEq for ParagraphProps {
    fn eq(&self, other: &Self) -> bool {
        self.range == other.range && self.digest == other.digest
    }
}

#[component]
fn Paragraph(props: &ParagraphProps) -> Html {
    let state = props.store.state();
    let Some(doc) = state.document() else { return html! {} };
    let schema = &state.project().schema;
    let marks = Marks { selected: state.selected_span, candidate: state.link_candidate };
    let on_span_click = {
        let store = props.store.clone();
        Callback::from(move |id: SpanId| store.dispatch(EditorAction::SpanClicked(id)))
    };
    let range = props.range;
    let nodes = layout_paragraph(doc, schema, range);
    html! {
        <p class="text-view__para" data-para="" data-start={range.start.to_string()} data-end={range.end.to_string()}>
            { render_nodes(&nodes, doc, schema, marks, &on_span_click) }
        </p>
    }
}

fn hash_of(value: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// A fingerprint of the labels' names, layers and colours.
fn schema_digest(schema: &Schema) -> u64 {
    hash_of(
        schema
            .layers
            .iter()
            .flat_map(|l| l.labels.iter().map(move |x| (&l.name, &x.name, &x.color, &x.zh, &x.en)))
            .collect::<Vec<_>>(),
    )
}

/// A fingerprint of everything a paragraph draws: the document, the spans touching it (id,
/// range, label), which of them are marked, and the schema.
fn paragraph_digest(doc: &Document, range: CharRange, marks: Marks, schema: u64) -> u64 {
    let mut hasher = DefaultHasher::new();
    (doc.text().as_ptr() as usize, schema).hash(&mut hasher);
    for span in doc.spans_overlapping(range) {
        (span.id, span.range, &span.label).hash(&mut hasher);
        (marks.selected == Some(span.id), marks.candidate == Some(span.id)).hash(&mut hasher);
    }
    hasher.finish()
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
