//! The browser's side of the caret and keyboard selection: where a click put the caret, the
//! offset under a point (Shift+click), the selection shown for a keyboard selection, where to
//! draw the caret, and the word around a point (`Intl.Segmenter`, for a double-click). All in
//! code points of the open document, through the paragraphs' `data-start` (see `browser`).

use super::browser::{boundary_offset, paragraph_holding};
use super::browser_search::dom_range;
use crate::core::offsets::{cp_to_utf16, utf16_to_cp, CharRange, Snap};
use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// The caret of a click (a collapsed selection) inside `root`, in code points.
pub fn clicked_caret(root: &Element) -> Option<usize> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.range_count() == 0 || !selection.is_collapsed() {
        return None;
    }
    boundary_offset(root, &selection.focus_node()?, selection.focus_offset(), Snap::Back)
}

/// The offset under the viewport point (`x`, `y`) inside `root` (`caretRangeFromPoint`).
pub fn offset_at_point(root: &Element, x: i32, y: i32) -> Option<usize> {
    let document = web_sys::window()?.document()?;
    let find = Reflect::get(&document, &"caretRangeFromPoint".into()).ok()?.dyn_into::<Function>().ok()?;
    let range: web_sys::Range = find.call2(&document, &x.into(), &y.into()).ok()?.dyn_into().ok()?;
    boundary_offset(root, &range.start_container().ok()?, range.start_offset().ok()?, Snap::Back)
}

/// The part of `range` in one rendered paragraph, as a DOM range, with the paragraph.
fn paragraph_range(root: &Element, range: CharRange) -> Option<web_sys::Range> {
    let (para, start, end) = paragraph_holding(root, range.start)?;
    let text = para.text_content().unwrap_or_default();
    let a = cp_to_utf16(&text, range.start - start);
    let b = cp_to_utf16(&text, range.end.clamp(range.start, end) - start);
    dom_range(&para, a, b)
}

/// Shows `range` as the page's selection (a selection made by keys), unless it is already.
pub fn show_selection(root: &Element, range: CharRange) {
    if super::browser::selection_in(root) == Some(range) {
        return;
    }
    let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) else { return };
    if let Some(dom) = paragraph_range(root, range) {
        // Across paragraphs: from the start's paragraph to the end's.
        if let Some(end) = paragraph_range(root, CharRange { start: range.end, end: range.end }) {
            if let (Ok(node), Ok(offset)) = (end.end_container(), end.end_offset()) {
                let _ = dom.set_end(&node, offset);
            }
        }
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&dom);
    }
}

/// Where to draw a caret at offset `at`: left, top and height in `root`'s content (scrolled)
/// coordinates, when its paragraph is rendered.
pub fn caret_box(root: &Element, at: usize) -> Option<(f64, f64, f64)> {
    let dom = paragraph_range(root, CharRange { start: at, end: at })?;
    let rects = dom.get_client_rects()?;
    let rect = match rects.get(0) {
        Some(rect) => rect,
        None => dom.get_bounding_client_rect(),
    };
    let view = root.get_bounding_client_rect();
    let left = rect.left() - view.left() + f64::from(root.scroll_left());
    let top = rect.top() - view.top() + f64::from(root.scroll_top());
    Some((left, top, rect.height().max(16.0)))
}

/// The word (by `Intl.Segmenter`, word granularity, Chinese) around offset `at` of the text
/// shown in `root`, when it is a word (not punctuation or space).
pub fn word_at(root: &Element, at: usize) -> Option<CharRange> {
    let (para, start, _) = paragraph_holding(root, at)?;
    let text = para.text_content().unwrap_or_default();
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let segmenter_class = Reflect::get(&intl, &"Segmenter".into()).ok()?.dyn_into::<Function>().ok()?;
    let options = Object::new();
    Reflect::set(&options, &"granularity".into(), &"word".into()).ok()?;
    let args = js_sys::Array::of2(&JsValue::from_str("zh"), &options);
    let segmenter = Reflect::construct(&segmenter_class, &args).ok()?;
    let segments = call1(&segmenter, "segment", &JsValue::from_str(&text))?;
    let unit = cp_to_utf16(&text, at - start);
    let segment = call1(&segments, "containing", &JsValue::from_f64(unit as f64))?;
    if !Reflect::get(&segment, &"isWordLike".into()).ok()?.is_truthy() {
        return None;
    }
    let index = Reflect::get(&segment, &"index".into()).ok()?.as_f64()? as usize;
    let word = Reflect::get(&segment, &"segment".into()).ok()?.as_string()?;
    let from = utf16_to_cp(&text, index, Snap::Back);
    let to = utf16_to_cp(&text, index + word.encode_utf16().count(), Snap::Forward);
    Some(CharRange { start: start + from, end: start + to })
}

fn call1(target: &JsValue, method: &str, arg: &JsValue) -> Option<JsValue> {
    let function = Reflect::get(target, &method.into()).ok()?.dyn_into::<Function>().ok()?;
    function.call1(target, arg).ok().filter(|v| !v.is_undefined())
}
