//! A one-line text field bound to a value of the project that keeps what the user is typing.
//!
//! A plain `<input value={…}>` is reset to `value` whenever its component renders again, and the
//! editor renders again on things the user did not do just then (a save reported, another tab's
//! save shown): half-typed text would vanish. This field writes `value` into the DOM only when
//! `value` itself changes, and reports the text on `change` (Enter, or leaving the field).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub value: AttrValue,
    pub onchange: Callback<String>,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// The input's `type` (`text` unless given, e.g. `color`).
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub maxlength: Option<AttrValue>,
    /// The field's accessible name, where no visible label wraps it (a table cell).
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with(props.value.clone(), move |value| {
            if let Some(element) = input.cast::<web_sys::HtmlInputElement>() {
                if element.value() != value.as_str() {
                    element.set_value(value);
                }
            }
        });
    }
    let onchange = props
        .onchange
        .reform(|event: Event| event.target_unchecked_into::<web_sys::HtmlInputElement>().value());
    html! {
        <input type={props.kind.clone()} ref={input} class={props.class.clone()} data-testid={props.testid.clone()}
               placeholder={props.placeholder.clone()} maxlength={props.maxlength.clone()}
               aria-label={props.label.clone()} {onchange} />
    }
}

#[derive(Properties, PartialEq)]
pub struct LiveFieldProps {
    /// Called with the text after each input, once an input method has finished composing.
    pub on_text: Callback<String>,
    pub testid: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or_default]
    pub node_ref: NodeRef,
    #[prop_or_default]
    pub onkeydown: Option<Callback<KeyboardEvent>>,
}

/// A search field that reports its text as it is typed. It keeps its own text (no `value`
/// binding, which would fight an input method composing Chinese); the text is reported on each
/// input outside a composition, and when a composition ends.
#[component]
pub fn LiveField(props: &LiveFieldProps) -> Html {
    let on_input = {
        let on_text = props.on_text.clone();
        Callback::from(move |e: InputEvent| {
            if !e.is_composing() {
                on_text.emit(e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
            }
        })
    };
    // Yew has no `oncompositionend`: listened to on the element.
    {
        let (on_text, input) = (props.on_text.clone(), props.node_ref.clone());
        use_effect_with(props.on_text.clone(), move |_| {
            let listener = input.cast::<web_sys::HtmlInputElement>().map(|element| {
                let target = element.clone();
                gloo::events::EventListener::new(&element, "compositionend", move |_| {
                    on_text.emit(target.value())
                })
            });
            move || drop(listener)
        });
    }
    html! {
        <input type="search" class={props.class.clone()} data-testid={props.testid.clone()}
               placeholder={props.placeholder.clone()} ref={props.node_ref.clone()} oninput={on_input}
               onkeydown={props.onkeydown.clone()} />
    }
}
