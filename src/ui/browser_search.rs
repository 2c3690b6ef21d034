//! The browser's side of search in the text: regular expressions run by `RegExp` (no regex
//! engine in the bundle: the `regex` crate would add well over 100 KB of wasm), and the hits
//! drawn with the CSS Custom Highlight API, which paints ranges of the existing text nodes
//! without adding elements (the paragraphs keep holding nothing but the text, see `text_view`).

use crate::core::offsets::{cp_to_utf16, CharRange};
use crate::core::text_search::utf16_to_code_points;
use js_sys::{Array, Function, JsString, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node};

/// Highlight names, styled in `styles/app.css` with `::highlight(…)`.
const HIT: &str = "search-hit";
const CURRENT: &str = "search-current";

/// A compiled regular expression (JavaScript syntax, flags `gu`: every match, in code points).
pub struct Pattern(js_sys::RegExp);

impl Pattern {
    /// # Errors
    /// The browser's message for a pattern that does not compile.
    pub fn new(source: &str) -> Result<Pattern, String> {
        let constructor: Function = Reflect::get(&js_sys::global(), &"RegExp".into())
            .map_err(super::browser::js_error)?
            .unchecked_into();
        let args = Array::of2(&source.into(), &"gu".into());
        // `construct` catches the SyntaxError an invalid pattern throws.
        let regexp = Reflect::construct(&constructor, &args).map_err(super::browser::js_error)?;
        Ok(Pattern(regexp.unchecked_into()))
    }

    /// Every match in `text`, as code point ranges; empty matches are skipped.
    pub fn find(&self, text: &str) -> Vec<CharRange> {
        let subject = JsString::from(text);
        let regexp = &self.0;
        regexp.set_last_index(0);
        // `exec` called with the string already in JS: `RegExp::exec(&str)` would copy the
        // whole text across for every match.
        let Some(exec) =
            Reflect::get(regexp, &"exec".into()).ok().and_then(|f| f.dyn_into::<Function>().ok())
        else {
            return Vec::new();
        };
        let mut units = Vec::new();
        while let Some(found) = exec.call1(regexp, &subject).ok().and_then(|v| v.dyn_into::<Array>().ok()) {
            let start =
                Reflect::get(&found, &"index".into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32;
            let length = found.get(0).dyn_ref::<JsString>().map_or(0, JsString::length);
            if length == 0 {
                // An empty match would be found again at the same place: step over one
                // character (both halves of a surrogate pair).
                let high = subject.char_code_at(start);
                let pair = (0xD800..0xDC00).contains(&(high as u32)) && start + 1 < subject.length();
                regexp.set_last_index(start + if pair { 2 } else { 1 });
                if start >= subject.length() {
                    break;
                }
                continue;
            }
            units.push((start as usize, (start + length) as usize));
        }
        utf16_to_code_points(text, &units)
    }
}

/// Draws `hits` (code points of the open document, in order) over the paragraphs rendered in
/// `root`, `current` apart. Without the Highlight API (an old browser) nothing is drawn; the
/// count and Enter still work.
pub fn paint(root: &Element, hits: &[CharRange], current: Option<CharRange>) {
    let Some(registry) = registry() else { return };
    let (all, now) = (Array::new(), Array::new());
    if let Ok(paragraphs) = root.query_selector_all("[data-para]") {
        for k in 0..paragraphs.length() {
            let Some(para) = paragraphs.item(k).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            let (Some(start), Some(end)) = (data(&para, "data-start"), data(&para, "data-end")) else {
                continue;
            };
            let text = para.text_content().unwrap_or_default();
            let from = hits.partition_point(|h| h.end <= start);
            for hit in hits[from..].iter().take_while(|h| h.start < end) {
                let (a, b) = (hit.start.max(start) - start, hit.end.min(end) - start);
                if let Some(range) = dom_range(&para, cp_to_utf16(&text, a), cp_to_utf16(&text, b)) {
                    if Some(*hit) == current {
                        now.push(&range);
                    }
                    all.push(&range);
                }
            }
        }
    }
    set(&registry, HIT, &all);
    set(&registry, CURRENT, &now);
}

/// Removes the search highlights.
pub fn clear() {
    if let Some(registry) = registry() {
        for name in [HIT, CURRENT] {
            call(&registry, "delete", &[name.into()]);
        }
    }
}

/// What [`reveal`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Revealed {
    /// The hit's paragraph is not in the page (yet).
    NotRendered,
    /// The view was scrolled to it; the paragraphs rendered may change with the scroll.
    Scrolled,
    /// It is in view.
    InView,
}

/// Scrolls `root` so that code points `at` of the open document are in the middle of the view,
/// when their paragraph is rendered and they are not in view already.
pub fn reveal(root: &Element, at: CharRange) -> Revealed {
    let Ok(paragraphs) = root.query_selector_all("[data-para]") else { return Revealed::NotRendered };
    for k in 0..paragraphs.length() {
        let Some(para) = paragraphs.item(k).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        let (Some(start), Some(end)) = (data(&para, "data-start"), data(&para, "data-end")) else { continue };
        if at.start < start || at.start >= end {
            continue;
        }
        let text = para.text_content().unwrap_or_default();
        let a = cp_to_utf16(&text, at.start - start);
        let b = cp_to_utf16(&text, at.end.min(end) - start);
        let Some(range) = dom_range(&para, a, b) else { return Revealed::NotRendered };
        let (hit, view) = (range.get_bounding_client_rect(), root.get_bounding_client_rect());
        if hit.top() >= view.top() + 8.0 && hit.bottom() <= view.bottom() - 8.0 {
            return Revealed::InView;
        }
        let middle = hit.top() - view.top() - (view.height() - hit.height()) / 2.0;
        root.set_scroll_top(root.scroll_top() + middle as i32);
        return Revealed::Scrolled;
    }
    Revealed::NotRendered
}

fn data(element: &Element, name: &str) -> Option<usize> {
    element.get_attribute(name)?.parse().ok()
}

/// The DOM range of UTF-16 units `start..end` of the text inside `para`.
pub(super) fn dom_range(para: &Element, start: usize, end: usize) -> Option<web_sys::Range> {
    let range = web_sys::Range::new().ok()?;
    let (from, from_at) = locate(para, start, false)?;
    let (to, to_at) = locate(para, end, true)?;
    range.set_start(&from, from_at).ok()?;
    range.set_end(&to, to_at).ok()?;
    Some(range)
}

/// The text node holding UTF-16 unit `unit` of `para`'s text and the offset in it; at a
/// boundary between two nodes, the end of the first when `at_end`, else the start of the next.
fn locate(para: &Element, unit: usize, at_end: bool) -> Option<(Node, u32)> {
    let mut seen = 0usize;
    let mut stack: Vec<Node> = vec![para.clone().into()];
    let mut texts = Vec::new();
    // Text nodes in document order (a paragraph is a few levels of span elements at most).
    while let Some(node) = stack.pop() {
        if node.node_type() == Node::TEXT_NODE {
            texts.push(node);
            continue;
        }
        let children = node.child_nodes();
        for i in (0..children.length()).rev() {
            if let Some(child) = children.item(i) {
                stack.push(child);
            }
        }
    }
    for node in texts {
        let length = node.text_content().map_or(0, |t| t.encode_utf16().count());
        let inside = if at_end { unit <= seen + length } else { unit < seen + length };
        if inside {
            return Some((node, (unit - seen) as u32));
        }
        seen += length;
    }
    None
}

/// `CSS.highlights`, where the browser has it.
fn registry() -> Option<JsValue> {
    let css = Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    Reflect::get(&css, &"highlights".into()).ok().filter(|r| !r.is_undefined())
}

fn set(registry: &JsValue, name: &str, ranges: &Array) {
    if ranges.length() == 0 {
        call(registry, "delete", &[name.into()]);
        return;
    }
    let Some(constructor) = Reflect::get(&js_sys::global(), &"Highlight".into()).ok() else { return };
    let Some(constructor) = constructor.dyn_ref::<Function>() else { return };
    if let Ok(highlight) = Reflect::construct(constructor, ranges) {
        call(registry, "set", &[name.into(), highlight]);
    }
}

fn call(target: &JsValue, method: &str, args: &[JsValue]) {
    if let Some(function) =
        Reflect::get(target, &method.into()).ok().and_then(|f| f.dyn_into::<Function>().ok())
    {
        let _ = function.apply(target, &args.iter().collect::<Array>());
    }
}
