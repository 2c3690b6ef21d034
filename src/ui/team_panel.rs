//! Working as a team: merge annotators' project files into this project, choose whose work the
//! text shows, open the agreement table, and adjudicate. (The user's name is set in the
//! toolbar.)

use super::browser;
use super::store::{use_dispatch, Shared};
use super::words::chrome as w;
use super::words::formatted::agreement_button;
use super::words::use_lang;
use crate::core::editor::EditorAction;
use crate::core::merge::{read_sources, GOLD};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TeamPanelProps {
    /// The names whose work the project holds, `gold` among them once adjudication began.
    pub annotators: Shared<Vec<String>>,
    /// Whose spans the text shows (`None`: everyone's).
    pub view: Option<String>,
    pub adjudicating: bool,
    pub on_agreement: Callback<()>,
}

#[component]
pub fn TeamPanel(props: &TeamPanelProps) -> Html {
    let lang = use_lang();
    let editor = use_dispatch();
    let on_merge = {
        let editor = editor.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let files = browser::files_of(input.files());
            input.set_value("");
            if files.is_empty() {
                return;
            }
            let editor = editor.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let read = match browser::read_files(&files).await {
                    Ok(read) => read,
                    Err(message) => {
                        editor.dispatch(EditorAction::Failed(message));
                        return;
                    }
                };
                editor.dispatch(EditorAction::Merge(read_sources(read)));
            });
        })
    };
    let on_view = {
        let editor = editor.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            let value = select.value();
            editor.dispatch(EditorAction::SetView((!value.is_empty()).then_some(value)));
        })
    };
    let adjudicating = props.adjudicating;
    let on_adjudicate = editor.to(move |_: MouseEvent| EditorAction::Adjudicate(!adjudicating));
    let on_agreement = props.on_agreement.reform(|_: MouseEvent| ());
    let people = props.annotators.iter().filter(|n| *n != GOLD).count();
    let view = props.view.clone().unwrap_or_default();
    html! {
        <section class="team" data-testid="team" data-annotators={people.to_string()}>
            <h3>{ w::TEAM.get(lang) }</h3>
            <label class="team__merge file-pick" title={w::MERGE_TIP.get(lang)}>
                { w::MERGE.get(lang) }
                <input type="file" multiple=true accept=".json" data-testid="merge-input" onchange={on_merge} />
            </label>
            <label class="team__view" title={w::SHOW_WHOSE_TIP.get(lang)}>
                { w::SHOW_WHOSE.get(lang) }
                <select data-testid="view-annotator" onchange={on_view} disabled={adjudicating}>
                    <option value="" selected={view.is_empty()}>{ w::EVERYONE.get(lang) }</option>
                    { for props.annotators.iter().map(|name| html! {
                        <option value={name.clone()} selected={*name == view}>{ name.clone() }</option>
                    }) }
                </select>
            </label>
            <button data-testid="agreement-open" onclick={on_agreement} disabled={people < 2}
                    title={w::AGREEMENT_TIP.get(lang)}>
                { agreement_button(lang, people) }
            </button>
            <button data-testid="adjudicate-start" onclick={on_adjudicate} disabled={people < 2 && !adjudicating}
                    title={w::ADJUDICATE_TIP.get(lang)}>
                { if adjudicating { w::STOP_ADJUDICATING.get(lang) } else { w::ADJUDICATE.get(lang) } }
            </button>
        </section>
    }
}
