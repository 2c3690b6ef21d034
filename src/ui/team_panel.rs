//! Working as a team: merge annotators' project files into this project, and open the
//! agreement table. (The user's name is set in the toolbar.)

use super::browser;
use super::store::use_dispatch;
use crate::core::editor::EditorAction;
use crate::core::merge::read_sources;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TeamPanelProps {
    /// The annotators whose work the project holds.
    pub annotators: usize,
    pub on_agreement: Callback<()>,
}

#[component]
pub fn TeamPanel(props: &TeamPanelProps) -> Html {
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
                let mut read = Vec::new();
                for file in &files {
                    match browser::read_file(file).await {
                        Ok(bytes) => read.push((file.name(), bytes)),
                        Err(message) => {
                            editor.dispatch(EditorAction::Failed(format!("{}: {message}", file.name())));
                            return;
                        }
                    }
                }
                match read_sources(read) {
                    Ok(sources) => editor.dispatch(EditorAction::Merge(sources)),
                    Err(message) => editor.dispatch(EditorAction::Failed(message)),
                }
            });
        })
    };
    let on_agreement = props.on_agreement.reform(|_: MouseEvent| ());
    html! {
        <section class="team" data-testid="team" data-annotators={props.annotators.to_string()}>
            <h3>{ "团队 Team" }</h3>
            <label class="team__merge" title="Project files of the same documents exported by other annotators: each one's spans are added beside the others', by name (one undo step)">
                { "合并标注 Merge annotators' files…" }
                <input type="file" multiple=true accept=".json" data-testid="merge-input" onchange={on_merge} />
            </label>
            <button data-testid="agreement-open" onclick={on_agreement} disabled={props.annotators < 2}
                    title="Agreement between every pair of annotators, per label">
                { format!("一致性 Agreement… ({} annotators)", props.annotators) }
            </button>
        </section>
    }
}
