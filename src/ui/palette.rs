//! Label buttons. With text selected a click labels it; with a span selected it relabels it;
//! with neither it makes the label sticky (every selection then gets it at once).

use super::hooks::sync_selection;
use super::label_colors::color_style;
use super::store::{use_dispatch, Shared};
use super::words::formatted::{label_name, palette_tip, sticky_hint};
use super::words::use_lang;
use crate::core::editor::EditorAction;
use crate::core::Schema;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PaletteProps {
    pub schema: Shared<Schema>,
    /// The label every selection gets at once, if one is armed.
    pub sticky: Option<String>,
    pub text_view: NodeRef,
}

#[component]
pub fn Palette(props: &PaletteProps) -> Html {
    let editor = use_dispatch();
    let lang = use_lang();
    let schema = &props.schema;
    let buttons = schema.layers.iter().map(|layer| {
        let items = layer.labels.iter().map(|label| {
            let sticky = props.sticky.as_deref() == Some(label.name.as_str());
            let onclick = {
                let editor = editor.clone();
                let text_view = props.text_view.clone();
                let name = label.name.clone();
                Callback::from(move |_: MouseEvent| {
                    sync_selection(&editor, &text_view);
                    editor.dispatch(EditorAction::LabelChosen(name.clone()));
                })
            };
            // Keep the text selection: a mouse-down on a button would otherwise move focus.
            let onmousedown = Callback::from(|event: MouseEvent| event.prevent_default());
            html! {
                <button
                    class={classes!("palette__label", sticky.then_some("palette__label--sticky"))}
                    data-testid={format!("label-{}", label.name)}
                    aria-pressed={sticky.to_string()}
                    title={palette_tip(lang, label)}
                    style={color_style(schema.label_slot(&label.name))}
                    {onclick} {onmousedown}
                >
                    <kbd class="palette__key">{ label.hotkey.to_string() }</kbd>
                    <span class="palette__name">{ label.name.clone() }</span>
                    <span class="palette__zh">{ label_name(lang, label).to_string() }</span>
                </button>
            }
        });
        html! {
            <div class="palette__layer" data-layer={layer.name.clone()}>{ for items }</div>
        }
    });
    // Only the sticky mode is spelled out here; the idle hint is in the status bar.
    let hint = props.sticky.as_ref().map(|label| sticky_hint(lang, label));
    html! {
        <div class="palette" data-testid="palette">
            { for buttons }
            if let Some(hint) = hint {
                <div class="palette__hint" data-testid="palette-hint">{ hint }</div>
            }
        </div>
    }
}
