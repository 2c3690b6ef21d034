//! The caret of the text view, drawn over the text (the paragraphs keep holding only text), a
//! keyboard selection shown as the page's selection, and both announced to screen readers.

use super::browser_caret;
use super::store::Shared;
use super::words::formatted::{caret_at, selected_text};
use super::words::use_lang;
use crate::core::caret::Caret;
use crate::core::{CharRange, Document};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CaretMarkProps {
    pub doc: Shared<Document>,
    pub caret: Option<Caret>,
    /// Whether to draw it (see `EditorState::caret_shown`).
    pub shown: bool,
    /// The text view (the scrolling element the caret is placed in).
    pub view: NodeRef,
    /// The rendered paragraphs (see `TextView`): the caret is placed again when they change.
    pub window: (usize, usize),
}

#[component]
pub fn CaretMark(props: &CaretMarkProps) -> Html {
    let lang = use_lang();
    let mark = use_node_ref();
    {
        let (mark, view) = (mark.clone(), props.view.clone());
        let key = (props.caret.filter(|_| props.shown), props.window, props.doc.clone());
        use_effect_with(key, move |(caret, _, _)| {
            let (Some(root), Some(mark)) =
                (view.cast::<web_sys::Element>(), mark.cast::<web_sys::HtmlElement>())
            else {
                return;
            };
            let style = mark.style();
            let Some(caret) = caret else {
                // Not drawn: no layout read (this is the path of every drag and its label).
                let display = style.get_property_value("display").unwrap_or_default();
                if !(display.is_empty() || display == "none") {
                    let _ = style.set_property("display", "none");
                }
                return;
            };
            // Every layout read first (caret_box, then the view's scroll), then the writes: one
            // layout for the frame, not one per read after a write.
            let placed = browser_caret::caret_box(&root, caret.focus);
            let (scroll_top, view_height) = (f64::from(root.scroll_top()), f64::from(root.client_height()));
            match placed {
                Some((left, top, height)) => {
                    let _ = style.set_property("left", &format!("{left:.1}px"));
                    let _ = style.set_property("top", &format!("{top:.1}px"));
                    let _ = style.set_property("height", &format!("{height:.1}px"));
                    let _ = style.set_property("display", "block");
                    // A caret moved out of view by keys brings the view along.
                    if top < scroll_top || top + height > scroll_top + view_height {
                        root.set_scroll_top((top - view_height / 2.0).max(0.0) as i32);
                    }
                }
                None => {
                    let _ = style.set_property("display", "none");
                }
            }
            if !caret.is_collapsed() {
                browser_caret::show_selection(&root, caret.range());
            }
        });
    }
    let announcement = match props.caret {
        None => String::new(),
        Some(caret) if caret.is_collapsed() => caret_at(lang, caret.focus),
        Some(caret) => {
            let len = props.doc.char_len();
            let range = caret.range();
            let shown = CharRange { start: range.start.min(len), end: range.end.min(len) };
            let text: String = props.doc.slice(shown).chars().take(40).collect();
            selected_text(lang, &text, range)
        }
    };
    html! {
        <>
            <div class="caret-mark" data-testid="caret" aria-hidden="true" ref={mark}
                 data-offset={props.caret.map(|c| c.focus.to_string())}
                 data-anchor={props.caret.map(|c| c.anchor.to_string())}></div>
            <div class="visually-hidden" aria-live="polite" data-testid="caret-status">{ announcement }</div>
        </>
    }
}
