//! One paragraph of the text view and what it draws: document text as text nodes (never HTML),
//! spans and suggestions as nested elements whose labels show through `title` and CSS, and a
//! digest of it all so that an edit re-renders only the paragraphs it touches.

use super::browser;
use super::label_colors::color_style;
use super::store::Shared;
use super::words::formatted::{label_name, suggested, suggestion_tip};
use super::words::Lang;
use crate::core::layout::{layout_paragraph, Node};
use crate::core::schema::Schema;
use crate::core::{CharRange, Document, SpanId};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use yew::prelude::*;

#[derive(Properties)]
pub struct ParagraphProps {
    pub doc: Shared<Document>,
    pub schema: Shared<Schema>,
    pub marks: Marks,
    pub range: CharRange,
    /// Changes whenever anything drawn in the paragraph changes (see `paragraph_digest`).
    pub digest: u64,
    pub on_span_click: Callback<SpanId>,
    pub on_suggestion_click: Callback<usize>,
    /// Tooltips and accessible names are in it.
    pub lang: Lang,
}

/// Compares what the paragraph shows, not the document (which every edit of another
/// paragraph makes anew).
impl PartialEq for ParagraphProps {
    fn eq(&self, other: &Self) -> bool {
        self.range == other.range && self.digest == other.digest && self.lang == other.lang
    }
}

#[component]
pub fn Paragraph(props: &ParagraphProps) -> Html {
    let (doc, schema, range) = (&props.doc, &props.schema, props.range);
    let nodes = layout_paragraph(doc, schema, range);
    html! {
        <p class="text-view__para" data-para="" data-start={range.start.to_string()} data-end={range.end.to_string()}>
            { render_nodes(&nodes, &Drawing { doc, schema, marks: props.marks, on_click: &props.on_span_click, on_suggestion_click: &props.on_suggestion_click, lang: props.lang }) }
        </p>
    }
}

fn hash_of(value: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// A fingerprint of the labels' names, layers and colours.
pub fn schema_digest(schema: &Schema) -> u64 {
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
pub fn paragraph_digest(doc: &Document, range: CharRange, marks: Marks, schema: u64) -> u64 {
    let mut hasher = DefaultHasher::new();
    (doc.text().as_ptr() as usize, schema).hash(&mut hasher);
    for span in doc.spans_overlapping(range) {
        (span.id, span.range, &span.label).hash(&mut hasher);
        (marks.selected == Some(span.id), marks.candidate == Some(span.id)).hash(&mut hasher);
    }
    let suggestions = doc.suggestions();
    for index in suggestions.overlapping(range) {
        let s = &suggestions.as_slice()[index];
        (index, s.start, s.end, &s.label, s.source, marks.suggestion == Some(index)).hash(&mut hasher);
    }
    hasher.finish()
}

/// Spans drawn with an outline: the selected one, and the target a keyboard relation would take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marks {
    pub selected: Option<SpanId>,
    pub candidate: Option<SpanId>,
    /// The suggestion under review (its index in the document's suggestions).
    pub suggestion: Option<usize>,
}

/// What every node of a paragraph is drawn with.
struct Drawing<'a> {
    doc: &'a Document,
    schema: &'a Schema,
    marks: Marks,
    on_click: &'a Callback<SpanId>,
    on_suggestion_click: &'a Callback<usize>,
    lang: Lang,
}

fn render_nodes(nodes: &[Node], drawing: &Drawing) -> Html {
    let Drawing { doc, schema, marks, on_click, on_suggestion_click, lang } = drawing;
    let lang = *lang;
    let Marks { selected, candidate, suggestion: current } = *marks;
    nodes
        .iter()
        .map(|node| match node {
            Node::Text(range) => html! { { doc.slice(*range).to_string() } },
            Node::Suggestion { index, piece, first, children } => {
                let suggestion = &doc.suggestions().as_slice()[*index];
                let label = &*suggestion.label;
                let title = suggestion_tip(lang, suggestion, schema.find(label).map(|(_, l)| l));
                let class = classes!(
                    "sugg",
                    (current == Some(*index)).then_some("sugg--current"),
                    (!first).then_some("sugg--continued"),
                );
                let testid = if *first { "suggestion" } else { "suggestion-continued" };
                let onclick = {
                    let (on_click, index) = ((*on_suggestion_click).clone(), *index);
                    Callback::from(move |event: MouseEvent| {
                        event.stop_propagation();
                        if !browser::has_text_selection() {
                            on_click.emit(index);
                        }
                    })
                };
                // Screen readers name the suggestion where it starts ("suggested PER 徐立毅 156–159").
                let name = first.then(|| suggested(lang, &accessible_name(doc, label, suggestion.range())));
                html! {
                    <span {class} data-testid={testid} data-start={suggestion.start.to_string()}
                          role={first.then_some("group")} aria-label={name} data-end={suggestion.end.to_string()}
                          data-label={label.to_string()} data-source={suggestion.source.key()}
                          data-piece={format!("{}-{}", piece.start, piece.end)}
                          data-score={suggestion.score.map(|s| format!("{s:.3}"))}
                          title={format!("{title} [{}–{}]", suggestion.start, suggestion.end)}
                          style={color_style(schema.label_slot(label))} {onclick}>
                        { render_nodes(children, drawing) }
                    </span>
                }
            }
            Node::Span { id, label, piece, first, children } => {
                let span = doc.span(*id).expect("layout comes from the document");
                let (layer, title) = match schema.find(label) {
                    Some((layer, l)) => (layer.name.as_str(), format!("{} {}", l.name, label_name(lang, l))),
                    None => ("unknown", label.clone()),
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
                    let on_click = (*on_click).clone();
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
                        role={first.then_some("group")}
                        aria-label={first.then(|| accessible_name(doc, label, span.range))}
                        data-span-id={id.0.to_string()}
                        data-label={label.clone()}
                        data-start={span.range.start.to_string()}
                        data-end={span.range.end.to_string()}
                        data-piece={format!("{}-{}", piece.start, piece.end)}
                        title={format!("{title} [{}–{}]", span.range.start, span.range.end)}
                        style={color_style(schema.label_slot(label))}
                        {onclick}
                    >
                        { render_nodes(children, drawing) }
                    </span>
                }
            }
        })
        .collect()
}

/// What a screen reader calls a span: its label, its text (cut short when long) and where it is,
/// e.g. "PER 徐立毅 156–159".
fn accessible_name(doc: &Document, label: &str, range: CharRange) -> String {
    const SHOWN: usize = 40;
    let text = doc.slice(range);
    let cut: String = text.chars().take(SHOWN).collect();
    let more = if cut.len() < text.len() { "…" } else { "" };
    format!("{label} {cut}{more} {}–{}", range.start, range.end)
}
