//! The frame every dialog shares, so that all of them behave as WAI-ARIA's modal dialog: the
//! focus moves into the dialog when it opens, Tab and Shift+Tab stay inside it, Escape closes
//! it, and the focus goes back to where it was (the button that opened it) when it closes.
//! Keys pressed in a dialog never reach the page's hotkeys.

use super::browser_focus::{focus_first_in, focused, restore_focus, wrap_tab};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ModalProps {
    /// What a screen reader announces on entering the dialog.
    pub label: AttrValue,
    pub testid: AttrValue,
    /// Escape, as well as the dialog's own Close or Cancel.
    pub on_close: Callback<()>,
    /// Classes of the box besides `dialog__box` (its width, for example).
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Modal(props: &ModalProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            let opener = focused();
            if let Some(root) = node.cast::<web_sys::Element>() {
                focus_first_in(&root);
            }
            move || restore_focus(opener)
        });
    }
    let onkeydown = {
        let (node, on_close) = (node.clone(), props.on_close.clone());
        Callback::from(move |event: KeyboardEvent| {
            // The page's hotkeys listen on the document; a dialog's keys are its own.
            event.stop_propagation();
            match event.key().as_str() {
                "Escape" => {
                    event.prevent_default();
                    on_close.emit(());
                }
                "Tab" => {
                    let root = node.cast::<web_sys::Element>();
                    if root.is_some_and(|root| wrap_tab(&root, event.shift_key())) {
                        event.prevent_default();
                    }
                }
                _ => {}
            }
        })
    };
    html! {
        <div class="dialog">
            <div class={classes!("dialog__box", props.class.clone())} role="dialog" aria-modal="true"
                 aria-label={props.label.clone()} data-testid={props.testid.clone()} tabindex="-1"
                 ref={node} {onkeydown}>
                { props.children.clone() }
            </div>
        </div>
    }
}
