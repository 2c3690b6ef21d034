//! Undo, redo, new document, import, export, and the saved/unsaved indicator.

use super::browser;
use super::browser::files_of;
use super::hooks::{export_json, open_files, open_files_then};
use super::store::use_dispatch;
use super::words::chrome as w;
use super::words::formatted::{done_count, folder_files_skipped};
use super::words::{use_lang, Lang};
use crate::core::editor::{EditorAction, SaveState};
use crate::core::intake::{importable_in_folder, IMPORT_EXTENSIONS};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub can_undo: bool,
    pub can_redo: bool,
    pub save: SaveState,
    pub revision: u64,
    /// Documents marked done, of `total`.
    pub done: usize,
    pub total: usize,
    pub on_new_doc: Callback<()>,
    pub on_export_dataset: Callback<()>,
    pub on_schema: Callback<()>,
    /// The name edits are recorded under (see the team panel).
    pub user: Option<String>,
    pub on_lang: Callback<Lang>,
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let editor = use_dispatch();
    let lang = use_lang();
    let dispatch = |action: fn() -> EditorAction| editor.to(move |_: MouseEvent| action());
    let on_export = {
        let editor = editor.clone();
        Callback::from(move |_: MouseEvent| export_json(&editor))
    };
    let on_import_folder = {
        let editor = editor.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let all = files_of(input.files());
            let total = all.len();
            let files: Vec<_> = all.into_iter().filter(|f| importable_in_folder(&f.name())).collect();
            let note = (files.len() < total).then(|| {
                folder_files_skipped(lang, total - files.len(), total, &IMPORT_EXTENSIONS.join(" "))
            });
            match (files.is_empty(), note) {
                (false, note) => open_files_then(editor.clone(), files, note),
                (true, Some(note)) => editor.dispatch(EditorAction::Inform(note)),
                (true, None) => {}
            }
            input.set_value("");
            browser::focus_text_view();
        })
    };
    let on_import = {
        let editor = editor.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let files = files_of(input.files());
            if !files.is_empty() {
                open_files(editor.clone(), files);
            }
            // Let the same file be picked again after fixing it.
            input.set_value("");
            // Hotkeys (Ctrl+Z among them) must work at once, not after a click on the page.
            browser::focus_text_view();
        })
    };
    let on_name = {
        let editor = editor.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let name = input.value().trim().to_string();
            if crate::core::merge::name_problem(&name).is_none() {
                browser::save_user_name(&name);
            }
            editor.dispatch(EditorAction::SetAnnotator(Some(name)));
        })
    };
    let on_new_doc = props.on_new_doc.reform(|_: MouseEvent| ());
    let (done, total) = (props.done, props.total);
    let on_export_dataset = props.on_export_dataset.reform(|_: MouseEvent| ());
    let on_schema = props.on_schema.reform(|_: MouseEvent| ());
    let (save_class, save_text, save_title) = match &props.save {
        SaveState::Saved => ("saved", w::SAVED.get(lang), w::SAVED_TIP.get(lang).to_string()),
        SaveState::Unsaved => ("unsaved", w::UNSAVED.get(lang), w::SAVING.get(lang).to_string()),
        SaveState::Failed(error) => ("error", w::NOT_SAVED.get(lang), error.clone()),
    };
    let on_lang = props.on_lang.reform(|event: Event| {
        let value = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        Lang::from_key(&value).unwrap_or_default()
    });
    let languages = Lang::ALL.map(|l| {
        html! { <option value={l.key()} lang={l.key()} selected={l == lang}>{ l.own_name() }</option> }
    });
    html! {
        <header class="toolbar">
            <h1 class="toolbar__title">{ w::APP_NAME.get(lang) }</h1>
            <span class="toolbar__progress" data-testid="done-count" data-done={done.to_string()} data-total={total.to_string()}
                  title={w::DONE_TIP.get(lang)}>{ done_count(lang, done, total) }</span>
            <button data-testid="undo" onclick={dispatch(|| EditorAction::Undo)} disabled={!props.can_undo}
                    title={w::UNDO_TIP.get(lang)}>{ w::UNDO.get(lang) }</button>
            <button data-testid="redo" onclick={dispatch(|| EditorAction::Redo)} disabled={!props.can_redo}
                    title={w::REDO_TIP.get(lang)}>{ w::REDO.get(lang) }</button>
            <span class="toolbar__gap"></span>
            <label class="toolbar__user" title={w::USER_NAME_TIP.get(lang)}>
                <span class="toolbar__user-text">{ w::USER_NAME.get(lang) }</span>
                <input data-testid="user-name" size="10" maxlength="60" placeholder={w::USER_NAME.get(lang)}
                       value={props.user.clone().unwrap_or_default()} onchange={on_name} />
            </label>
            <button data-testid="schema" onclick={on_schema} title={w::SCHEMA_TIP.get(lang)}>{ w::SCHEMA.get(lang) }</button>
            <button data-testid="new-doc" onclick={on_new_doc}>{ w::NEW_DOC.get(lang) }</button>
            <label class="toolbar__import" title={w::IMPORT_TIP.get(lang)}>
                { w::IMPORT.get(lang) }
                <input type="file" multiple=true data-testid="import-input" onchange={on_import}
                       accept={IMPORT_EXTENSIONS.join(",")} />
            </label>
            <label class="toolbar__import" title={w::IMPORT_FOLDER_TIP.get(lang)}>
                { w::IMPORT_FOLDER.get(lang) }
                <input type="file" webkitdirectory=true data-testid="import-folder" onchange={on_import_folder} />
            </label>
            <button data-testid="export-json" onclick={on_export} title={w::EXPORT_JSON_TIP.get(lang)}>{ w::EXPORT_JSON.get(lang) }</button>
            <button data-testid="export-dataset" onclick={on_export_dataset}
                    title={w::EXPORT_DATASET_TIP.get(lang)}>{ w::EXPORT_DATASET.get(lang) }</button>
            <span class={classes!("toolbar__save", format!("toolbar__save--{save_class}"))} data-testid="save-status" role="status"
                  data-state={save_class} data-revision={props.revision.to_string()}
                  title={save_title}>{ save_text }</span>
            <select class="toolbar__lang" data-testid="lang" aria-label={w::LANGUAGE.get(lang)} title={w::LANGUAGE.get(lang)}
                    onchange={on_lang}>{ for languages }</select>
        </header>
    }
}
