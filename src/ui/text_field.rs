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
               placeholder={props.placeholder.clone()} maxlength={props.maxlength.clone()} {onchange} />
    }
}
