//! "New document": paste text or pick a UTF-8 .txt file.

use super::browser;
use super::modal::Modal;
use super::store::use_dispatch;
use crate::core::editor::EditorAction;
use crate::core::text_input::{check_text, decode_text_file, name_from_file_name, name_from_text};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NewDocDialogProps {
    pub on_close: Callback<()>,
}

#[component]
pub fn NewDocDialog(props: &NewDocDialogProps) -> Html {
    let editor = use_dispatch();
    let name = use_state(String::new);
    let text = use_state(String::new);
    let error = use_state(|| None::<String>);

    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            name.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value())
        })
    };
    let on_text = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value())
        })
    };
    let on_file = {
        let (name, text, error) = (name.clone(), text.clone(), error.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let (name, text, error) = (name.clone(), text.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let decoded = browser::read_file(&file)
                    .await
                    .and_then(|bytes| decode_text_file(&bytes).map_err(|e| format!("{}: {e}", file.name())));
                match decoded {
                    Ok(decoded) => {
                        if name.is_empty() {
                            name.set(name_from_file_name(&file.name()));
                        }
                        text.set(decoded);
                        error.set(None);
                    }
                    Err(message) => error.set(Some(message)),
                }
            });
        })
    };
    let on_create = {
        let (name, text, error) = (name.clone(), text.clone(), error.clone());
        let editor = editor.clone();
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| match check_text(&text) {
            Ok(checked) => {
                let doc_name =
                    if name.trim().is_empty() { name_from_text(&checked) } else { name.trim().to_string() };
                editor.dispatch(EditorAction::AddDocument { name: doc_name, text: checked });
                on_close.emit(());
            }
            Err(e) => error.set(Some(e.to_string())),
        })
    };
    let on_cancel = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <Modal label="New document" testid="new-doc-dialog" on_close={props.on_close.clone()}>
            <h2>{ "新文档 New document" }</h2>
            <label>{ "名称 Name" }
                <input type="text" data-testid="new-doc-name" value={(*name).clone()} oninput={on_name}
                       placeholder="from the file name or the first line" />
            </label>
            <label>{ "文本 Text (paste here)" }
                <textarea data-testid="new-doc-text" rows="12" value={(*text).clone()} oninput={on_text} />
            </label>
            <label>{ "或选择 .txt 文件 Or pick a UTF-8 .txt file " }
                <input type="file" accept=".txt,text/plain" data-testid="new-doc-file" onchange={on_file} />
            </label>
            if let Some(message) = &*error {
                <p class="dialog__error" role="alert" data-testid="new-doc-error">{ message.clone() }</p>
            }
            <div class="dialog__buttons">
                <button data-testid="new-doc-create" onclick={on_create}>{ "创建 Create" }</button>
                <button onclick={on_cancel}>{ "取消 Cancel" }</button>
            </div>
        </Modal>
    }
}
