//! How the text is drawn, as this browser's user prefers (kept in local storage, not in the
//! project): label names written at each span's start, so that labels differ by more than
//! colour, and relation arcs for every span or only for the selected one.

use super::browser;
use super::words::chrome as w;
use super::words::use_lang;
use yew::prelude::*;

const LABEL_TAGS_KEY: &str = "biaozhu.label-tags";
const ARCS_KEY: &str = "biaozhu.arcs";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ViewOptions {
    /// Each span's label name is written before its text (on by default).
    pub label_tags: bool,
    /// Arcs are drawn only for relations of the selected span (off by default).
    pub arcs_of_selected_only: bool,
}

impl ViewOptions {
    pub fn stored() -> Self {
        ViewOptions {
            label_tags: browser::stored_setting(LABEL_TAGS_KEY).as_deref() != Some("off"),
            arcs_of_selected_only: browser::stored_setting(ARCS_KEY).as_deref() == Some("selected"),
        }
    }

    fn save(self) {
        browser::save_setting(LABEL_TAGS_KEY, if self.label_tags { "on" } else { "off" });
        browser::save_setting(ARCS_KEY, if self.arcs_of_selected_only { "selected" } else { "all" });
    }
}

#[derive(Properties, PartialEq)]
pub struct ViewOptionsBarProps {
    pub options: ViewOptions,
    pub on_change: Callback<ViewOptions>,
}

/// The two switches, shown beside the label buttons.
#[component]
pub fn ViewOptionsBar(props: &ViewOptionsBarProps) -> Html {
    let options = props.options;
    let lang = use_lang();
    let toggle = |change: fn(&mut ViewOptions, bool)| {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let on = event.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
            let mut next = options;
            change(&mut next, on);
            next.save();
            on_change.emit(next);
        })
    };
    html! {
        <div class="view-options">
            <label title={w::LABEL_TAGS_TIP.get(lang)}>
                <input type="checkbox" data-testid="label-tags" checked={options.label_tags}
                       onchange={toggle(|o, on| o.label_tags = on)} />
                { w::LABEL_TAGS.get(lang) }
            </label>
            <label title={w::ARCS_SELECTED_TIP.get(lang)}>
                <input type="checkbox" data-testid="arcs-selected-only" checked={options.arcs_of_selected_only}
                       onchange={toggle(|o, on| o.arcs_of_selected_only = on)} />
                { w::ARCS_SELECTED.get(lang) }
            </label>
        </div>
    }
}
