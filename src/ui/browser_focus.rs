//! Keyboard focus for dialogs: where it was before a dialog opened, the elements Tab reaches
//! inside one, and keeping Tab among them (WAI-ARIA's modal dialog pattern).

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// What Tab can reach (disabled controls and `tabindex="-1"` aside).
const TABBABLE: &str = "button:not([disabled]), input:not([disabled]), select:not([disabled]), \
     textarea:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])";

/// The element that has the keyboard focus, unless that is the page itself.
pub fn focused() -> Option<HtmlElement> {
    let document = gloo::utils::document();
    let active = document.active_element()?;
    let body: Option<Element> = document.body().map(Into::into);
    (Some(&active) != body.as_ref()).then(|| active.dyn_into().ok()).flatten()
}

/// The elements of `root` that Tab reaches, in document order, leaving out hidden ones.
pub fn tabbable_in(root: &Element) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(TABBABLE) else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .filter(|e| e.get_client_rects().length() > 0)
        .collect()
}

/// Focuses the first element Tab reaches in `root`, or `root` itself when it has none.
pub fn focus_first_in(root: &Element) {
    let first = tabbable_in(root).into_iter().next();
    match first {
        Some(element) => _ = element.focus(),
        None => {
            if let Some(root) = root.dyn_ref::<HtmlElement>() {
                _ = root.focus();
            }
        }
    }
}

/// Keeps Tab and Shift+Tab inside `root`: from its last element Tab goes to its first, and the
/// other way round. Returns true when it moved the focus (the event's own move must then be
/// cancelled).
pub fn wrap_tab(root: &Element, backwards: bool) -> bool {
    let all = tabbable_in(root);
    let (Some(first), Some(last)) = (all.first(), all.last()) else { return false };
    let active = gloo::utils::document().active_element();
    let at = |element: &HtmlElement| active.as_ref() == Some(element.unchecked_ref::<Element>());
    let outside = active.as_ref().is_none_or(|a| !root.contains(Some(a)));
    let target = match backwards {
        true if outside || at(first) => last,
        false if outside || at(last) => first,
        _ => return false,
    };
    _ = target.focus();
    true
}

thread_local! {
    /// Set by a dialog that finished its task: the work goes on in the text, not at the button
    /// that opened the dialog (WAI-ARIA allows this when the workflow is better served).
    static TO_TEXT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The dialog closing now has done its task (Create, Run, Import): the text takes the focus.
pub fn focus_text_after_close() {
    TO_TEXT.with(|t| t.set(true));
}

/// Gives the focus back to `element` if it is still on the page (else, or after a finished
/// task, to the text view), so that the keys keep working after a dialog closes.
pub fn restore_focus(element: Option<HtmlElement>) {
    let to_text = TO_TEXT.with(|t| t.replace(false));
    match element.filter(|e| e.is_connected() && !to_text) {
        Some(element) => _ = element.focus(),
        None => super::browser::focus_text_view(),
    }
}
