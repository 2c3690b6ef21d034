//! The document text with its spans. Text is always inserted as text nodes, never as HTML.
//!
//! Each paragraph element (`paragraph.rs`) holds only document text (labels show through
//! `title` and CSS), so `browser::selection_in` can count a selection's offset from the
//! paragraph's `data-start`. Long documents render only a window of paragraphs.

use super::browser;
use super::browser_caret;
use super::browser_search;
use super::caret_mark::CaretMark;
pub use super::paragraph::Marks;
use super::paragraph::{paragraph_digest, schema_digest, Paragraph};
use super::relation_arcs::RelationArcs;
use super::store::{use_dispatch, Shared};
use super::view_options::ViewOptions;
use super::words::chrome as w;
use super::words::use_lang;
use crate::core::caret::Caret;
use crate::core::editor::EditorAction;
use crate::core::schema::Schema;
use crate::core::text_search::Search;
use crate::core::viewport::{estimated_tops, window_around, window_at, Metrics};
use crate::core::{CharRange, Document};
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
    /// Label names in the text, and which arcs are drawn.
    pub options: ViewOptions,
}

#[component]
pub fn TextView(props: &TextViewProps) -> Html {
    let lang = use_lang();
    let window = use_state(|| (0usize, 80usize));
    let metrics = use_state(|| Metrics { chars_per_line: 45, line_px: 43.2, gap_px: 14.4 });
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
                { w::NO_DOCUMENT.get(lang) }
            </div>
        };
    };
    if !doc.is_loaded() {
        // Read from storage right away (see `hooks::use_read_opened`); no `data-doc-id` until
        // the text is there.
        return html! {
            <div class="text-view text-view--empty" data-testid="text-view" data-reading="true" tabindex="-1" ref={props.node_ref.clone()}>
                { w::READING_DOCUMENT.get(lang) }
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
                       on_span_click={on_span_click.clone()} on_suggestion_click={on_suggestion_click.clone()} {lang} />
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
        let (window, shown) = (window.clone(), doc.clone());
        let target = marks.candidate.or(marks.selected).and_then(|id| doc.span(id)).map(|s| s.range.start);
        use_effect_with(target, move |target| {
            if let Some(start) = *target {
                if bring_into_window(&window, shown.paragraphs(), start) {
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
        let (window, shown) = (window.clone(), doc.clone());
        use_effect_with(props.caret.map(|c| c.focus), move |focus| {
            if let Some(at) = *focus {
                bring_into_window(&window, shown.paragraphs(), at);
            }
        });
    }
    // The suggestion under review brought into the window and into view, each time it changes.
    {
        let (window, shown) = (window.clone(), doc.clone());
        let current = marks.suggestion.and_then(|i| doc.suggestions().get(i)).map(|s| (s.start, s.end));
        use_effect_with((doc.id.clone(), current), move |(_, current)| {
            if let Some((start, _)) = *current {
                bring_into_window(&window, shown.paragraphs(), start);
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
        let shown = doc.clone();
        use_effect_with(key, move |(current, _)| {
            let Some(hit) = *current else { return };
            bring_into_window(&window, shown.paragraphs(), hit.start);
            reveal_hit(node_ref, hit, 6);
        });
    }
    let class = classes!(
        "text-view",
        props.sticky.then_some("text-view--sticky"),
        props.linking.then_some("text-view--linking"),
        props.options.label_tags.then_some("text-view--tags")
    );
    let arcs_only_of = props.options.arcs_of_selected_only.then_some(props.marks.selected);
    html! {
        <div {class} data-testid="text-view" tabindex="0" data-doc-id={doc.id.0.clone()} ref={props.node_ref.clone()} {onmouseup} {ondblclick} {onscroll}
             data-window={format!("{first}-{last}")} aria-label={w::TEXT_VIEW_NAME.get(lang)}>
            if above > 0.0 { <div class="text-view__spacer" style={format!("height: {above:.0}px")}></div> }
            { for paras }
            if below > 0.0 { <div class="text-view__spacer" style={format!("height: {below:.0}px")}></div> }
            <RelationArcs doc={doc.clone()} schema={props.schema.clone()} view={props.node_ref.clone()} only_of={arcs_only_of} />
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

/// Moves the window of rendered paragraphs of a long document to take in the paragraph holding
/// offset `at` (a span, a hit, the caret); true when it moved. Given the document's own
/// paragraphs, not a copy made in every render.
fn bring_into_window(window: &UseStateHandle<(usize, usize)>, paragraphs: &[CharRange], at: usize) -> bool {
    let index = paragraphs.partition_point(|p| p.end < at).min(paragraphs.len().saturating_sub(1));
    let (first, last) = **window;
    let outside = paragraphs.len() > WINDOWED_FROM && (index < first || index >= last);
    if outside {
        window.set(window_around(index, paragraphs.len(), 80));
    }
    outside
}

/// Documents with more paragraphs than this are windowed.
const WINDOWED_FROM: usize = 200;
