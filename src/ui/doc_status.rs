//! The open document's status (to do, in progress, done), shown above the text.

use super::store::{use_dispatch, Shared};
use super::text_field::TextField;
use super::words::chrome as w;
use super::words::titles::status_title;
use super::words::use_lang;
use crate::core::editor::EditorAction;
use crate::core::{DocField, DocStatus, Document};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DocStatusPickerProps {
    /// The open document.
    pub doc: Option<Shared<Document>>,
}

#[component]
pub fn DocStatusPicker(props: &DocStatusPickerProps) -> Html {
    let lang = use_lang();
    let editor = use_dispatch();
    let Some(doc) = &props.doc else { return html! {} };
    let onchange = {
        let editor = editor.clone();
        let id = doc.id.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(status) = DocStatus::from_key(&value) {
                editor.dispatch(EditorAction::SetStatus(id.clone(), status));
            }
        })
    };
    let field_input = |field: DocField, testid: &'static str, placeholder: &'static str| {
        let id = doc.id.clone();
        let onchange = editor.to(move |value: String| EditorAction::SetDocField(id.clone(), field, value));
        html! {
            // Keyed by document: another document's field starts from its own value.
            <TextField key={format!("{}-{testid}", doc.id)} class="doc-status__field" {testid} {placeholder}
                       value={doc.field(field).to_string()} {onchange} />
        }
    };
    let options = DocStatus::ALL.map(|status| {
        html! {
            <option value={status.key()} selected={status == doc.status}>{ status_title(lang, status) }</option>
        }
    });
    html! {
        <label class="doc-status">
            <span class="doc-status__name">{ doc.name.clone() }</span>
            { w::STATUS.get(lang) }
            <select data-testid="doc-status" {onchange}>{ for options }</select>
            { field_input(DocField::Annotator, "doc-annotator", w::DOC_ANNOTATOR.get(lang)) }
            { field_input(DocField::Note, "doc-note", w::DOC_NOTE.get(lang)) }
        </label>
    }
}
