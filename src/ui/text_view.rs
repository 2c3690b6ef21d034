//! The document text with its spans. Text is always inserted as text nodes, never as HTML.
//!
//! Each paragraph element holds only document text (labels show through `title` and CSS), so
//! `browser::selection_in` can count a selection's offset from the paragraph's `data-start`.

use super::browser;
use super::browser_caret;
use super::browser_search;
use super::caret_mark::CaretMark;
use super::label_colors::color_style;
use super::relation_arcs::RelationArcs;
use super::store::{use_dispatch, Shared};
use crate::core::caret::Caret;
use crate::core::editor::EditorAction;
use crate::core::layout::{layout_paragraph, Node};
use crate::core::schema::Schema;
use crate::core::text_search::Search;
use crate::core::viewport::{estimated_tops, window_around, window_at, Metrics};
use crate::core::{CharRange, Document, SpanId};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextViewProps {
    /// The open document.
    pub doc: Option<Shared<Document>>,
    pub schema: Shared<Schema>,
    pub marks: Marks,
    /// A sticky label is armed (the cursor shows it).
    pub sticky: bool,
    /// A relation is being drawn.
    pub linking: bool,
    pub node_ref: NodeRef,
    /// The search in the text, whose hits in this document are highlighted.
    pub search: Option<Shared<Search>>,
    /// The caret and keyboard selection, and whether the caret is drawn.
    pub caret: Option<Caret>,
    pub caret_shown: bool,
}

#[component]
pub fn TextView(props: &TextViewProps) -> Html {
    let window = use_state(|| (0usize, 80usize));
    let metrics = use_state(|| Metrics { chars_per_line: 45, line_px: 36.3, gap_px: 14.4 });
    {
        // The line length follows the view's width; measured once the view is in the page.
        let (metrics, node_ref) = (metrics.clone(), props.node_ref.clone());
        use_effect_with((), move |_| {
            if let Some(root) = node_ref.cast::<web_sys::Element>() {
                let width = (f64::from(root.client_width()) - 64.0).clamp(200.0, 795.0);
                let chars_per_line = (width / 17.28).floor() as usize;
                if chars_per_line != metrics.chars_per_line {
                    metrics.set(Metrics { chars_per_line, ..*metrics });
                }
            }
        });
    }
    let editor = use_dispatch();
    let Some(doc) = &props.doc else {
        return html! {
            <div class="text-view text-view--empty" data-testid="text-view" tabindex="-1" ref={props.node_ref.clone()}>
                { "没有文档 · No document: add one with “New document” or import a project." }
            </div>
        };
    };
    if !doc.is_loaded() {
        // Read from storage right away (see `hooks::use_read_opened`); no `data-doc-id` until
        // the text is there.
        return html! {
            <div class="text-view text-view--empty" data-testid="text-view" data-reading="true" tabindex="-1" ref={props.node_ref.clone()}>
                { "正在读取 Reading the document from browser storage…" }
            </div>
        };
    }
    let onmouseup = {
        let (node_ref, editor) = (props.node_ref.clone(), editor.clone());
        Callback::from(move |event: MouseEvent| {
            let Some(root) = node_ref.cast::<web_sys::Element>() else { return };
            // The mouse-up of a double-click: the word is taken on `dblclick`.
            if event.detail() > 1 {
                return;
            }
            let action = if event.shift_key() {
                match browser_caret::offset_at_point(&root, event.client_x(), event.client_y()) {
                    Some(at) => EditorAction::ExtendSelectionTo(at),
                    None => return,
                }
            } else {
                match (browser::selection_in(&root), browser_caret::clicked_caret(&root)) {
                    (None, Some(at)) => EditorAction::PlaceCaret(at),
                    (range, _) => EditorAction::SelectionChanged(range),
                }
            };
            editor.dispatch(action);
        })
    };
    // A double-click selects the word under it (the browser's `Intl.Segmenter`, not one character).
    let ondblclick = {
        let (node_ref, editor) = (props.node_ref.clone(), editor.clone());
        Callback::from(move |event: MouseEvent| {
            let Some(root) = node_ref.cast::<web_sys::Element>() else { return };
            let at = browser_caret::offset_at_point(&root, event.client_x(), event.client_y());
            if let Some(word) = at.and_then(|at| browser_caret::word_at(&root, at)) {
                editor.dispatch(EditorAction::SelectionChanged(Some(word)));
            }
        })
    };
    let on_span_click = editor.to(EditorAction::SpanClicked);
    let on_suggestion_click = editor.to(EditorAction::SuggestionClicked);
    let schema_key = schema_digest(&props.schema);
    let marks = props.marks;
    let paragraphs = doc.paragraphs();
    // Long documents put only the paragraphs near the visible part in the DOM (see `viewport`).
    let (first, last) = if paragraphs.len() > WINDOWED_FROM { *window } else { (0, paragraphs.len()) };
    let (first, last) = (first.min(paragraphs.len()), last.min(paragraphs.len()));
    let tops = estimated_tops(paragraphs, *metrics);
    let above = tops[first];
    let below = tops[paragraphs.len()] - tops[last];
    // Each paragraph re-renders only when what it shows changed: its spans, their labels and
    // marks, or the schema. An edit therefore touches one paragraph, not the document.
    let paras = paragraphs[first..last].iter().map(|&range| {
        let digest = paragraph_digest(doc, range, marks, schema_key);
        html! {
            <Paragraph key={range.start} doc={doc.clone()} schema={props.schema.clone()} {marks} {range} {digest}
                       on_span_click={on_span_click.clone()} on_suggestion_click={on_suggestion_click.clone()} />
        }
    });
    let onscroll = {
        let (window, node_ref, tops) = (window.clone(), props.node_ref.clone(), tops.clone());
        let count = paragraphs.len();
        Callback::from(move |_: Event| {
            if count <= WINDOWED_FROM {
                return;
            }
            let Some(root) = node_ref.cast::<web_sys::Element>() else { return };
            let (top, viewport) = (f64::from(root.scroll_top()), f64::from(root.client_height()));
            let mut next = window_at(&tops, top, viewport, 2.0 * viewport);
            // Estimates are not exact: at either end of the scroll range, take the end itself.
            if top + viewport >= f64::from(root.scroll_height()) - 2.0 {
                next.1 = count;
            }
            if top <= 1.0 {
                next.0 = 0;
            }
            // Re-render only when the window moved by a good part of itself.
            let (first, last) = *window;
            if next.0.abs_diff(first) > 8 || next.1.abs_diff(last) > 8 || next.1 == count && last != count {
                window.set(next);
            }
        })
    };
    // Another document starts at its top.
    {
        let (window, node_ref) = (window.clone(), props.node_ref.clone());
        use_effect_with(doc.id.clone(), move |_| {
            window.set((0, 80));
            if let Some(root) = node_ref.cast::<web_sys::Element>() {
                root.set_scroll_top(0);
            }
        });
    }
    // A span selected out of view (span list, `]`) brings its paragraph into the window.
    {
        let window = window.clone();
        let target = marks.candidate.or(marks.selected).and_then(|id| doc.span(id)).map(|s| s.range.start);
        let paragraphs = paragraphs.to_vec();
        use_effect_with(target, move |target| {
            if let Some(start) = *target {
                let index = paragraphs.partition_point(|p| p.end <= start);
                let (first, last) = *window;
                if paragraphs.len() > WINDOWED_FROM && (index < first || index >= last) {
                    window.set(window_around(index, paragraphs.len(), 80));
                    gloo::timers::callback::Timeout::new(0, || {
                        browser::reveal(".ann--candidate, .ann--selected")
                    })
                    .forget();
                }
            }
        });
    }
    // The caret moved by keys out of the rendered paragraphs brings its paragraph in.
    {
        let window = window.clone();
        let paragraphs = paragraphs.to_vec();
        use_effect_with(props.caret.map(|c| c.focus), move |focus| {
            if let Some(at) = *focus {
                let index = paragraphs.partition_point(|p| p.end < at);
                let (first, last) = *window;
                if paragraphs.len() > WINDOWED_FROM && (index < first || index >= last) {
                    window.set(window_around(index, paragraphs.len(), 80));
                }
            }
        });
    }
    // The suggestion under review brought into the window and into view, each time it changes.
    {
        let window = window.clone();
        let current = marks.suggestion.and_then(|i| doc.suggestions().get(i)).map(|s| (s.start, s.end));
        let paragraphs = paragraphs.to_vec();
        use_effect_with((doc.id.clone(), current), move |(_, current)| {
            if let Some((start, _)) = *current {
                let index = paragraphs.partition_point(|p| p.end <= start);
                let (first, last) = *window;
                if paragraphs.len() > WINDOWED_FROM && (index < first || index >= last) {
                    window.set(window_around(index, paragraphs.len(), 80));
                }
                gloo::timers::callback::Timeout::new(0, || browser::reveal(".sugg--current")).forget();
            }
        });
    }
    // The search's hits in this document, drawn over the rendered paragraphs (again when the
    // window or a paragraph changed: its text nodes are new then).
    {
        let node_ref = props.node_ref.clone();
        let key = (props.search.clone(), doc.clone(), *window);
        use_effect_with(key, move |(search, doc, _)| {
            let Some(root) = node_ref.cast::<web_sys::Element>() else { return };
            match search {
                Some(search) => {
                    let hits: Vec<CharRange> = search.hits_in(&doc.id).map(|h| h.range).collect();
                    let current = search.current_hit().filter(|h| h.doc == doc.id).map(|h| h.range);
                    browser_search::paint(&root, &hits, current);
                }
                None => browser_search::clear(),
            }
        });
    }
    // The current hit brought into the window and into view.
    {
        let (window, node_ref) = (window.clone(), props.node_ref.clone());
        let current =
            props.search.as_ref().and_then(|s| s.current_hit()).filter(|h| h.doc == doc.id).map(|h| h.range);
        let key = (current, props.search.as_ref().and_then(|s| s.current));
        let paragraphs = paragraphs.to_vec();
        use_effect_with(key, move |(current, _)| {
            let Some(hit) = *current else { return };
            let index = paragraphs.partition_point(|p| p.end <= hit.start);
            let (first, last) = *window;
            if paragraphs.len() > WINDOWED_FROM && (index < first || index >= last) {
                window.set(window_around(index, paragraphs.len(), 80));
            }
            reveal_hit(node_ref, hit, 6);
        });
    }
    let class = classes!(
        "text-view",
        props.sticky.then_some("text-view--sticky"),
        props.linking.then_some("text-view--linking")
    );
    html! {
        <div {class} data-testid="text-view" tabindex="0" data-doc-id={doc.id.0.clone()} ref={props.node_ref.clone()} {onmouseup} {ondblclick} {onscroll}
             data-window={format!("{first}-{last}")} aria-label="正文 Text: arrows move the caret, Shift+arrows select, a label key labels">
            if above > 0.0 { <div class="text-view__spacer" style={format!("height: {above:.0}px")}></div> }
            { for paras }
            if below > 0.0 { <div class="text-view__spacer" style={format!("height: {below:.0}px")}></div> }
            <RelationArcs doc={doc.clone()} schema={props.schema.clone()} view={props.node_ref.clone()} />
            <CaretMark doc={doc.clone()} caret={props.caret} shown={props.caret_shown} view={props.node_ref.clone()} window={(first, last)} />
        </div>
    }
}

/// Scrolls to search hit `hit` once the render under way has put its paragraph in the page,
/// and again (up to `tries` times) until it stays in view: a scroll moves the window of
/// rendered paragraphs, whose heights were estimated, and that can move the hit.
fn reveal_hit(node_ref: NodeRef, hit: CharRange, tries: u32) {
    gloo::timers::callback::Timeout::new(if tries == 6 { 0 } else { 30 }, move || {
        let Some(root) = node_ref.cast::<web_sys::Element>() else { return };
        if browser_search::reveal(&root, hit) != browser_search::Revealed::InView && tries > 1 {
            reveal_hit(node_ref, hit, tries - 1);
        }
    })
    .forget();
}

/// Documents with more paragraphs than this are windowed.
const WINDOWED_FROM: usize = 200;

#[derive(Properties)]
struct ParagraphProps {
    doc: Shared<Document>,
    schema: Shared<Schema>,
    marks: Marks,
    range: CharRange,
    /// Changes whenever anything drawn in the paragraph changes (see `paragraph_digest`).
    digest: u64,
    on_span_click: Callback<SpanId>,
    on_suggestion_click: Callback<usize>,
}

/// Compares what the paragraph shows, not the document (which every edit of another
/// paragraph makes anew).
impl PartialEq for ParagraphProps {
    fn eq(&self, other: &Self) -> bool {
        self.range == other.range && self.digest == other.digest
    }
}

#[component]
fn Paragraph(props: &ParagraphProps) -> Html {
    let (doc, schema, range) = (&props.doc, &props.schema, props.range);
    let nodes = layout_paragraph(doc, schema, range);
    html! {
        <p class="text-view__para" data-para="" data-start={range.start.to_string()} data-end={range.end.to_string()}>
            { render_nodes(&nodes, &Drawing { doc, schema, marks: props.marks, on_click: &props.on_span_click, on_suggestion_click: &props.on_suggestion_click }) }
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
}

fn render_nodes(nodes: &[Node], drawing: &Drawing) -> Html {
    let Drawing { doc, schema, marks, on_click, on_suggestion_click } = drawing;
    let Marks { selected, candidate, suggestion: current } = *marks;
    nodes
        .iter()
        .map(|node| match node {
            Node::Text(range) => html! { { doc.slice(*range).to_string() } },
            Node::Suggestion { index, piece, first, children } => {
                let suggestion = &doc.suggestions().as_slice()[*index];
                let label = &*suggestion.label;
                let title = match schema.find(label) {
                    Some((_, l)) => format!("建议 suggested {} {} · {} ({})", l.name, l.zh, l.en, suggestion.source.key()),
                    None => format!("建议 suggested {label}"),
                };
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
                html! {
                    <span {class} data-testid={testid} data-start={suggestion.start.to_string()} data-end={suggestion.end.to_string()}
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
                    Some((layer, l)) => (layer.name.as_str(), format!("{} {} · {}", l.name, l.zh, l.en)),
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
