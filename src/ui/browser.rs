//! Every call into the browser lives here: DOM selection → code points, storage, downloads,
//! scrolling (file reading and fetching `?doc=` in `browser_files`, preferences in `browser_prefs`).
//! Components call these and deal in domain values.
//! (Search's `RegExp` and highlights are in `browser_search`.)

pub use super::browser_files::{doc_param, fetch_bytes, files_of, read_file, read_files};
pub use super::browser_prefs::{
    browser_language, local_storage, save_open_doc, save_setting, save_user_name, set_page_language,
    stored_open_doc, stored_setting, stored_user_name,
};
use crate::core::offsets::{utf16_to_cp, CharRange, Snap};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, Node};

pub(super) fn window() -> web_sys::Window {
    web_sys::window().expect("the app runs in a window")
}

pub(super) fn document() -> web_sys::Document {
    window().document().expect("the window has a document")
}

pub fn js_error(value: JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}

// ---------------------------------------------------------------------------------------------
// Selection → code points

/// The current text selection inside `root` (the text view) as a code point range of the
/// document, or `None` when nothing but a caret is selected or the selection is elsewhere.
///
/// Each paragraph element carries `data-start` (its first code point) and holds nothing but
/// document text, so the UTF-16 length of the DOM range from the paragraph's start to a
/// boundary point, converted with the paragraph's own text, gives the code point offset. A
/// boundary inside a surrogate pair snaps outwards, so a span never holds half a character.
pub fn selection_in(root: &Element) -> Option<CharRange> {
    let selection = window().get_selection().ok()??;
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let start =
        boundary_offset(root, &range.start_container().ok()?, range.start_offset().ok()?, Snap::Back)?;
    let end = boundary_offset(root, &range.end_container().ok()?, range.end_offset().ok()?, Snap::Forward)?;
    (start < end).then(|| CharRange::new(start, end))
}

/// True when the page has a non-empty text selection.
pub fn has_text_selection() -> bool {
    window().get_selection().ok().flatten().is_some_and(|s| s.range_count() > 0 && !s.is_collapsed())
}

pub fn clear_selection() {
    if let Ok(Some(selection)) = window().get_selection() {
        let _ = selection.remove_all_ranges();
    }
}

fn data_usize(element: &Element, name: &str) -> Option<usize> {
    element.get_attribute(name)?.parse().ok()
}

/// Code point offset of the DOM boundary point (`node`, `offset`) in the document shown in `root`.
pub(super) fn boundary_offset(root: &Element, node: &Node, offset: u32, snap: Snap) -> Option<usize> {
    let root_node: &Node = root.as_ref();
    if !root_node.contains(Some(node)) {
        // A drag that ends outside the view: clamp to the view's start or end.
        let position = root_node.compare_document_position(node);
        let paragraphs = root.query_selector_all("[data-para]").ok()?;
        let before = position & Node::DOCUMENT_POSITION_PRECEDING != 0;
        let para = paragraphs.item(if before { 0 } else { paragraphs.length().checked_sub(1)? })?;
        let para: Element = para.dyn_into().ok()?;
        return data_usize(&para, if before { "data-start" } else { "data-end" });
    }
    let element: Element = match node.dyn_ref::<Element>() {
        Some(element) => element.clone(),
        None => node.parent_element()?,
    };
    match element.closest("[data-para]").ok()? {
        Some(para) => {
            let para_start = data_usize(&para, "data-start")?;
            let before = document().create_range().ok()?;
            before.set_start(&para, 0).ok()?;
            before.set_end(node, offset).ok()?;
            let units = String::from(before.to_string()).encode_utf16().count();
            let text = para.text_content().unwrap_or_default();
            Some(para_start + utf16_to_cp(&text, units, snap))
        }
        None => {
            // A boundary between paragraphs (on the view itself): use the neighbouring paragraph.
            let children = node.child_nodes();
            let after = (offset..children.length()).find_map(|i| {
                children.item(i)?.dyn_into::<Element>().ok().filter(|e| e.has_attribute("data-para"))
            });
            match after {
                Some(para) => data_usize(&para, "data-start"),
                None => {
                    let last = (0..offset.min(children.length())).rev().find_map(|i| {
                        children.item(i)?.dyn_into::<Element>().ok().filter(|e| e.has_attribute("data-para"))
                    })?;
                    data_usize(&last, "data-end")
                }
            }
        }
    }
}

/// The rendered paragraph holding offset `at` (the one it ends, at a paragraph's end), with
/// its first and end offsets.
pub(super) fn paragraph_holding(root: &Element, at: usize) -> Option<(Element, usize, usize)> {
    let paragraphs = root.query_selector_all("[data-para]").ok()?;
    (0..paragraphs.length()).find_map(|k| {
        let para: Element = paragraphs.item(k)?.dyn_into().ok()?;
        let (start, end) = (data_usize(&para, "data-start")?, data_usize(&para, "data-end")?);
        (start <= at && at <= end).then_some((para, start, end))
    })
}

// ---------------------------------------------------------------------------------------------
// ---------------------------------------------------------------------------------------------
// Files

/// Hands `contents` to the browser as a download called `file_name`.
pub fn download(file_name: &str, mime: &str, contents: &[u8]) -> Result<(), String> {
    download_array(file_name, mime, &js_sys::Uint8Array::from(contents))
}

/// [`download`] of bytes already in JavaScript's memory (an export from its worker: a corpus's
/// file is a hundred megabytes, never copied into the page's wasm memory).
pub fn download_array(file_name: &str, mime: &str, contents: &js_sys::Uint8Array) -> Result<(), String> {
    let parts = js_sys::Array::of1(contents);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(js_error)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_error)?;
    let anchor: web_sys::HtmlAnchorElement =
        document().create_element("a").map_err(js_error)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoke later: revoking at once can cancel the download in some browsers.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// The crash notice's words, in the language shown.
pub struct CrashWords {
    pub stopped: &'static str,
    pub kept: &'static str,
    pub download: &'static str,
    pub reload: &'static str,
}

/// The notice the panic hook shows (see `crash`): a fixed box over the page with the reason, a
/// line saying saved work is kept, and a download link for `project_json` (a Blob URL made now,
/// so it needs no wasm to work).
pub fn show_crash_notice(
    words: &CrashWords,
    message: &str,
    project_json: Option<&str>,
) -> Result<(), String> {
    let doc = document();
    let body = doc.body().ok_or("no body")?;
    let make = |tag: &str, text: &str| -> Result<Element, String> {
        let element = doc.create_element(tag).map_err(js_error)?;
        element.set_text_content(Some(text));
        Ok(element)
    };
    let panel = make("div", "")?;
    panel.set_class_name("crash");
    panel.set_attribute("role", "alert").map_err(js_error)?;
    panel.set_attribute("data-testid", "crash").map_err(js_error)?;
    let heading = make("h2", words.stopped)?;
    panel.append_child(&heading).map_err(js_error)?;
    let kept = make("p", words.kept)?;
    panel.append_child(&kept).map_err(js_error)?;
    if let Some(json) = project_json {
        let parts = js_sys::Array::of1(&JsValue::from_str(json));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/json");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_error)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_error)?;
        let link: web_sys::HtmlAnchorElement = make("a", words.download)?.unchecked_into();
        link.set_href(&url);
        link.set_download("biaozhu-project.json");
        link.set_attribute("data-testid", "crash-export").map_err(js_error)?;
        panel.append_child(&link).map_err(js_error)?;
    }
    let detail = make("pre", message)?;
    detail.set_class_name("crash__detail");
    panel.append_child(&detail).map_err(js_error)?;
    let reload = make("p", words.reload)?;
    panel.append_child(&reload).map_err(js_error)?;
    body.append_child(&panel).map_err(js_error)?;
    Ok(())
}

/// Sets `--label-color-N` on the page root for each colour, through `style.setProperty`.
pub fn set_label_colors(colors: &[String]) {
    let Some(root) = document().document_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    for (slot, color) in colors.iter().enumerate() {
        let _ = style.set_property(&format!("--label-color-{slot}"), color);
    }
}

// ---------------------------------------------------------------------------------------------
// Scrolling

/// Scrolls the first element of span `id` into view and flashes it briefly.
pub fn scroll_to_span(id: u64) {
    let selector = format!("[data-span-id=\"{id}\"]");
    let Ok(Some(element)) = document().query_selector(&selector) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    let classes = element.class_list();
    let _ = classes.remove_1("ann--flash");
    // Reading layout restarts the CSS animation when the class comes back.
    let _ = element.dyn_ref::<web_sys::HtmlElement>().map(|e| e.offset_width());
    let _ = classes.add_1("ann--flash");
    gloo::timers::callback::Timeout::new(1_500, move || {
        let _ = classes.remove_1("ann--flash");
    })
    .forget();
}

/// True when a key event's target is a form field, where keys belong to the field.
pub fn is_typing_target(event: &web_sys::KeyboardEvent) -> bool {
    event.target().and_then(|t| t.dyn_into::<Element>().ok()).is_some_and(|e| {
        matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || e.get_attribute("contenteditable").is_some_and(|v| v != "false")
    })
}

// ---------------------------------------------------------------------------------------------
// Relation geometry

/// Where a relation arc starts or ends: the horizontal centre and top of the first line box of
/// a span's first element, in the coordinates of `root`'s scrolled content, and that box's
/// height (the glyphs' height).
pub fn span_anchor(root: &Element, span_id: u64) -> Option<(f64, f64, f64)> {
    let element = root.query_selector(&format!("[data-span-id=\"{span_id}\"]")).ok()??;
    let rects = element.get_client_rects();
    let rect = rects.get(0)?;
    let origin = root.get_bounding_client_rect();
    let x = rect.left() + rect.width() / 2.0 - origin.left() + f64::from(root.scroll_left());
    let y = rect.top() - origin.top() + f64::from(root.scroll_top());
    Some((x, y, rect.height()))
}

/// The x where the text of `root` starts (its paragraphs' left edge), and its line height, in
/// the coordinates of `root`'s scrolled content.
pub fn text_left_and_line(root: &Element) -> Option<(f64, f64)> {
    let para = root.query_selector("[data-para]").ok()??;
    let left = para.get_bounding_client_rect().left() - root.get_bounding_client_rect().left()
        + f64::from(root.scroll_left());
    let style = window().get_computed_style(&para).ok()??;
    // The browser's parseFloat: Rust's `str::parse::<f64>` would link its exact decimal
    // conversion and tables (about 10 KB of the gzipped bundle) for this one number.
    let line = js_sys::parse_float(style.get_property_value("line-height").ok()?.trim_end_matches("px"));
    line.is_finite().then_some((left, line))
}

/// The scrollable size of `root`'s content.
pub fn content_size(root: &Element) -> (f64, f64) {
    (f64::from(root.scroll_width()), f64::from(root.scroll_height()))
}

/// Gives the text view the keyboard focus (after an import or a dialog), so that hotkeys work
/// at once. The view is focusable by script only (`tabindex="-1"`).
pub fn focus_text_view() {
    focus("[data-testid=text-view]");
}

/// Moves keyboard focus to the first element matching `selector`, if any.
pub fn focus(selector: &str) {
    if let Ok(Some(element)) = document().query_selector(selector) {
        if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}

/// True when an element matches `selector`.
pub fn has_element(selector: &str) -> bool {
    document().query_selector(selector).ok().flatten().is_some()
}

/// True when the element with the keyboard focus is inside one matching `selector`.
pub fn focus_is_in(selector: &str) -> bool {
    document().active_element().and_then(|e| e.closest(selector).ok().flatten()).is_some()
}

/// Scrolls the first element matching `selector` into view if it is not already visible.
pub fn reveal(selector: &str) {
    if let Ok(Some(element)) = document().query_selector(selector) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// True when a key event's target is a button, where Enter presses the button.
pub fn is_button_target(event: &web_sys::KeyboardEvent) -> bool {
    event.target().and_then(|t| t.dyn_into::<Element>().ok()).is_some_and(|e| e.tag_name() == "BUTTON")
}

// ---------------------------------------------------------------------------------------------
// Storage quota

fn storage_manager() -> web_sys::StorageManager {
    window().navigator().storage()
}

/// Asks the browser to keep this site's storage under pressure; true when granted.
pub async fn ask_persistent_storage() -> bool {
    let Ok(promise) = storage_manager().persist() else { return false };
    JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

/// Whether this site's storage is persistent.
pub async fn is_persisted() -> Option<bool> {
    let promise = storage_manager().persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Bytes used and the quota, as `navigator.storage.estimate()` reports them.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let promise = storage_manager().estimate().ok()?;
    let estimate: web_sys::StorageEstimate = JsFuture::from(promise).await.ok()?.unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}

/// Asks the user to confirm `question` with the browser's own dialog.
pub fn confirm(question: &str) -> bool {
    window().confirm_with_message(question).unwrap_or(false)
}
