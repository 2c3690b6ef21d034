//! "New document": paste text or pick a UTF-8 .txt file.

use super::browser;
use super::browser_focus::focus_text_after_close;
use super::modal::Modal;
use super::store::use_dispatch;
use super::words::chrome as w;
use super::words::current_lang;
use super::words::errors::text_input_error;
use super::words::use_lang;
use crate::core::editor::EditorAction;
use crate::core::text_input::{check_text, decode_text_file, name_from_file_name, name_from_text};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NewDocDialogProps {
    pub on_close: Callback<()>,
}

#[component]
pub fn NewDocDialog(props: &NewDocDialogProps) -> Html {
    let lang = use_lang();
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
                let decoded = browser::read_file(&file).await.and_then(|bytes| {
                    decode_text_file(&bytes)
                        .map_err(|e| format!("{}: {}", file.name(), text_input_error(current_lang(), &e)))
                });
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
                focus_text_after_close();
                on_close.emit(());
            }
            Err(e) => error.set(Some(text_input_error(current_lang(), &e))),
        })
    };
    let on_cancel = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <Modal label={w::NEW_DOC_TITLE.get(lang)} testid="new-doc-dialog" on_close={props.on_close.clone()}>
            <h2>{ w::NEW_DOC_TITLE.get(lang) }</h2>
            <label>{ w::DOC_NAME.get(lang) }
                <input type="text" data-testid="new-doc-name" value={(*name).clone()} oninput={on_name}
                       placeholder={w::DOC_NAME_PLACEHOLDER.get(lang)} />
            </label>
            <label>{ w::DOC_TEXT.get(lang) }
                <textarea data-testid="new-doc-text" rows="12" value={(*text).clone()} oninput={on_text} />
            </label>
            <label class="file-pick">{ w::DOC_FILE.get(lang) }
                <input type="file" accept=".txt,text/plain" data-testid="new-doc-file" onchange={on_file} />
            </label>
            if let Some(message) = &*error {
                <p class="dialog__error" role="alert" data-testid="new-doc-error">{ message.clone() }</p>
            }
            <div class="dialog__buttons">
                <button data-testid="new-doc-create" onclick={on_create}>{ w::CREATE.get(lang) }</button>
                <button onclick={on_cancel}>{ w::CANCEL.get(lang) }</button>
            </div>
        </Modal>
    }
}
