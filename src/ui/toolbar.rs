//! Undo, redo, new document, import, export, and the saved/unsaved indicator.

use super::browser;
use super::browser::files_of;
use super::hooks::{export_json, open_files, open_files_then};
use super::store::use_dispatch;
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
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let editor = use_dispatch();
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
                format!(
                    "{} of the folder's {total} files were skipped: only {} files are read",
                    total - files.len(),
                    IMPORT_EXTENSIONS.join(" ")
                )
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
        SaveState::Saved => (
            "saved",
            "已保存 Saved".to_string(),
            "Every change is on disk, in this browser's IndexedDB".to_string(),
        ),
        SaveState::Unsaved => ("unsaved", "未保存 Unsaved".to_string(), "Saving…".to_string()),
        SaveState::Failed(error) => ("error", "保存失败 Not saved".to_string(), error.clone()),
    };
    html! {
        <header class="toolbar">
            <h1 class="toolbar__title">{ "标注 biaozhu" }</h1>
            <span class="toolbar__progress" data-testid="done-count" data-done={done.to_string()} data-total={total.to_string()}
                  title="Documents marked done, of all documents">{ format!("完成 {done}/{total} done") }</span>
            <button data-testid="undo" onclick={dispatch(|| EditorAction::Undo)} disabled={!props.can_undo}
                    title="Undo (Ctrl+Z)">{ "↶ 撤销 Undo" }</button>
            <button data-testid="redo" onclick={dispatch(|| EditorAction::Redo)} disabled={!props.can_redo}
                    title="Redo (Ctrl+Shift+Z, Ctrl+Y)">{ "↷ 重做 Redo" }</button>
            <span class="toolbar__gap"></span>
            <label class="toolbar__user" title="Your name: recorded on every span, relation and attribute you make or change, so that several annotators' files can be merged and compared (Team, on the left)">
                { "标注者 Name" }
                <input data-testid="user-name" size="10" maxlength="60" placeholder="—"
                       value={props.user.clone().unwrap_or_default()} onchange={on_name} />
            </label>
            <button data-testid="schema" onclick={on_schema} title="Labels, relation types, attributes">{ "标签体系 Schema…" }</button>
            <button data-testid="new-doc" onclick={on_new_doc}>{ "＋ 新文档 New document" }</button>
            <label class="toolbar__import" title="A project JSON (replaces the project), .txt documents, or a dataset: spaCy/Prodigy, doccano, Label Studio, brat (.zip or .txt + .ann), CoNLL, Hugging Face (.zip with labels.json), W3C. Ctrl+Z undoes. You can also drop files on the page.">
                { "导入 Import…" }
                <input type="file" multiple=true data-testid="import-input" onchange={on_import}
                       accept={IMPORT_EXTENSIONS.join(",")} />
            </label>
            <label class="toolbar__import" title="Every file of a folder (and its subfolders) that Import… reads: many .txt documents, a corpus split into files">
                { "导入文件夹 Folder…" }
                <input type="file" webkitdirectory=true data-testid="import-folder" onchange={on_import_folder} />
            </label>
            <button data-testid="export-json" onclick={on_export} title="Download the whole project as JSON">{ "导出 Export JSON" }</button>
            <button data-testid="export-dataset" onclick={on_export_dataset}
                    title="spaCy/Prodigy, doccano, Label Studio, brat, CoNLL, Hugging Face, W3C">{ "导出数据集 Export dataset…" }</button>
            <span class={classes!("toolbar__save", format!("toolbar__save--{save_class}"))} data-testid="save-status"
                  data-state={save_class} data-revision={props.revision.to_string()}
                  title={save_title}>{ save_text }</span>
        </header>
    }
}
