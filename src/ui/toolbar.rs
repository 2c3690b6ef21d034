//! Undo, redo, new document, import, export, and the saved/unsaved indicator.

use super::browser;
use super::browser::files_of;
use super::hooks::{export_json, open_files, open_files_then};
use super::store::StoreHandle;
use crate::core::editor::{EditorAction, SaveState};
use crate::core::intake::{importable_in_folder, IMPORT_EXTENSIONS};
use crate::core::DocStatus;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub store: StoreHandle,
    pub on_new_doc: Callback<()>,
    pub on_export_dataset: Callback<()>,
    pub on_schema: Callback<()>,
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let state = props.store.state();
    let dispatch = |action: fn() -> EditorAction| {
        let store = props.store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(action()))
    };
    let on_export = {
        let store = props.store.clone();
        Callback::from(move |_: MouseEvent| export_json(&store))
    };
    let on_import_folder = {
        let store = props.store.clone();
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
                (false, note) => open_files_then(store.clone(), files, note),
                (true, Some(note)) => store.dispatch(EditorAction::Inform(note)),
                (true, None) => {}
            }
            input.set_value("");
            browser::focus_text_view();
        })
    };
    let on_import = {
        let store = props.store.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let files = files_of(input.files());
            if !files.is_empty() {
                open_files(store.clone(), files);
            }
            // Let the same file be picked again after fixing it.
            input.set_value("");
            // Hotkeys (Ctrl+Z among them) must work at once, not after a click on the page.
            browser::focus_text_view();
        })
    };
    let on_new_doc = props.on_new_doc.reform(|_: MouseEvent| ());
    let documents = state.project().documents();
    let (done, total) = (documents.iter().filter(|d| d.status == DocStatus::Done).count(), documents.len());
    let on_export_dataset = props.on_export_dataset.reform(|_: MouseEvent| ());
    let on_schema = props.on_schema.reform(|_: MouseEvent| ());
    let (save_class, save_text, save_title) = match state.save_state() {
        SaveState::Saved => (
            "saved",
            "已保存 Saved".to_string(),
            "Every change is on disk, in this browser's IndexedDB".to_string(),
        ),
        SaveState::Unsaved => ("unsaved", "未保存 Unsaved".to_string(), "Saving…".to_string()),
        SaveState::Failed(error) => ("error", "保存失败 Not saved".to_string(), error),
    };
    html! {
        <header class="toolbar">
            <h1 class="toolbar__title">{ "标注 biaozhu" }</h1>
            <span class="toolbar__progress" data-testid="done-count" data-done={done.to_string()} data-total={total.to_string()}
                  title="Documents marked done, of all documents">{ format!("完成 {done}/{total} done") }</span>
            <button data-testid="undo" onclick={dispatch(|| EditorAction::Undo)} disabled={!state.session.can_undo()}
                    title="Undo (Ctrl+Z)">{ "↶ 撤销 Undo" }</button>
            <button data-testid="redo" onclick={dispatch(|| EditorAction::Redo)} disabled={!state.session.can_redo()}
                    title="Redo (Ctrl+Shift+Z, Ctrl+Y)">{ "↷ 重做 Redo" }</button>
            <span class="toolbar__gap"></span>
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
                  data-state={save_class} data-revision={state.session.revision().to_string()}
                  title={save_title}>{ save_text }</span>
        </header>
    }
}
