//! "Pre-annotate": fills the suggestion layer from a dictionary file, the project's confirmed
//! strings and regular expressions, over the open document or every document. The matching is
//! the core's (`pre_annotate`); the patterns run through the browser's `RegExp`.

use super::browser;
use super::browser_focus::focus_text_after_close;
use super::browser_search::Pattern;
use super::modal::Modal;
use super::store::{use_dispatch, Shared};
use super::words::chrome as w;
use super::words::current_lang;
use super::words::errors::{list_error, text_input_error};
use super::words::formatted::file_lines;
use super::words::outcomes::said;
use super::words::titles::label_all_scope_title;
use super::words::use_lang;
use crate::core::editor::EditorAction;
use crate::core::editor::Said;
use crate::core::label_all::LabelAllScope;
use crate::core::pre_annotate::{plan_pre_annotation, read_patterns, Dictionary, ListError, ListProblem};
use crate::core::text_input::decode_text_file;
use crate::core::{DocId, Document, EditError, Project};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PreAnnotateDialogProps {
    pub project: Shared<Project>,
    pub open_doc: Option<DocId>,
    pub on_close: Callback<()>,
}

/// A dictionary file as read: its name and text.
#[derive(Clone, PartialEq)]
struct DictionaryFile {
    name: String,
    text: Rc<str>,
}

#[component]
pub fn PreAnnotateDialog(props: &PreAnnotateDialogProps) -> Html {
    let lang = use_lang();
    let editor = use_dispatch();
    let file = use_state(|| None::<DictionaryFile>);
    let confirmed = use_state(|| false);
    let patterns = use_state(String::new);
    let scope = use_state(LabelAllScope::default);
    let error = use_state(|| None::<String>);

    let on_file = {
        let (file, error) = (file.clone(), error.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(picked) = input.files().and_then(|f| f.get(0)) else { return };
            let (file, error) = (file.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let name = picked.name();
                let read = browser::read_file(&picked).await.and_then(|bytes| {
                    decode_text_file(&bytes)
                        .map_err(|e| format!("{name}: {}", text_input_error(current_lang(), &e)))
                });
                match read {
                    Ok(text) => {
                        file.set(Some(DictionaryFile { name, text: text.into() }));
                        error.set(None);
                    }
                    Err(message) => {
                        file.set(None);
                        error.set(Some(message));
                    }
                }
            });
        })
    };
    let on_confirmed = {
        let confirmed = confirmed.clone();
        Callback::from(move |e: Event| {
            confirmed.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())
        })
    };
    let on_patterns = {
        let patterns = patterns.clone();
        Callback::from(move |e: InputEvent| {
            patterns.set(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value())
        })
    };
    let on_scope = {
        let scope = scope.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            scope.set(LabelAllScope::from_key(&value).unwrap_or_default());
        })
    };
    let on_run = {
        let (file, confirmed, patterns, scope, error) =
            (file.clone(), confirmed.clone(), patterns.clone(), scope.clone(), error.clone());
        let (project, open_doc, on_close) =
            (props.project.clone(), props.open_doc.clone(), props.on_close.clone());
        Callback::from(move |_: MouseEvent| {
            let run =
                Run { file: (*file).clone(), confirmed: *confirmed, patterns: &patterns, scope: *scope };
            match run.plan(&project, open_doc.as_ref()) {
                Ok(plan) => {
                    editor.dispatch(EditorAction::AddSuggestions(plan));
                    // Reviewing by key starts at once.
                    focus_text_after_close();
                    on_close.emit(());
                }
                Err(message) => error.set(Some(message)),
            }
        })
    };
    let on_cancel = props.on_close.reform(|_: MouseEvent| ());
    let scope_options = LabelAllScope::ALL.iter().map(|s| {
        html! { <option value={s.key()} selected={*s == *scope}>{ label_all_scope_title(lang, *s) }</option> }
    });
    html! {
        <Modal label={w::PRE_ANNOTATE_TITLE.get(lang)} testid="pre-annotate-dialog" on_close={props.on_close.clone()}>
            <h2>{ w::PRE_ANNOTATE_TITLE.get(lang) }</h2>
            <p class="dialog__hint">{ w::PRE_ANNOTATE_HINT.get(lang) }</p>
            <label class="file-pick">{ w::DICTIONARY_FILE.get(lang) }
                <input type="file" accept=".txt,.tsv,text/plain" data-testid="pre-annotate-dictionary" onchange={on_file} />
            </label>
            if let Some(file) = &*file {
                <p class="dialog__hint" data-testid="pre-annotate-dictionary-name">{ file_lines(lang, &file.name, file.text.lines().count()) }</p>
            }
            <label class="dialog__check">
                <input type="checkbox" data-testid="pre-annotate-confirmed" checked={*confirmed} onchange={on_confirmed} />
                { w::CONFIRMED_STRINGS.get(lang) }
            </label>
            <label>{ w::PATTERNS.get(lang) }
                <textarea data-testid="pre-annotate-patterns" rows="5" value={(*patterns).clone()} oninput={on_patterns}
                          placeholder={"\\d{1,2}月\\d{1,2}日\tDATE"} />
            </label>
            <label>{ w::OVER.get(lang) }
                <select data-testid="pre-annotate-scope" onchange={on_scope}>{ for scope_options }</select>
            </label>
            if let Some(message) = &*error {
                <p class="dialog__error" role="alert" data-testid="pre-annotate-error">{ message.clone() }</p>
            }
            <div class="dialog__buttons">
                <button data-testid="pre-annotate-run" onclick={on_run}>{ w::RUN.get(lang) }</button>
                <button onclick={on_cancel}>{ w::CANCEL.get(lang) }</button>
            </div>
        </Modal>
    }
}

/// The dialog's choices at the moment Run is pressed.
struct Run<'a> {
    file: Option<DictionaryFile>,
    confirmed: bool,
    patterns: &'a str,
    scope: LabelAllScope,
}

impl Run<'_> {
    /// The suggestions to add, or the message that says what is wrong and where.
    fn plan(
        &self,
        project: &Project,
        open_doc: Option<&DocId>,
    ) -> Result<crate::core::pre_annotate::PrePlan, String> {
        let schema = &project.schema;
        let mut dictionary = match &self.file {
            Some(file) => {
                let read = Dictionary::read(&file.text, schema);
                Some(read.map_err(|e| format!("{}: {}", file.name, list_error(current_lang(), &e)))?)
            }
            None => None,
        };
        if self.confirmed {
            // The file's terms and the project's strings in one automaton: the file's first.
            let own = Dictionary::confirmed(project);
            dictionary = Some(match dictionary {
                Some(file) => file.merged_with(own),
                None => own,
            });
        }
        let lang = current_lang();
        let rules = read_patterns(self.patterns, schema).map_err(|e| list_error(lang, &e))?;
        let compiled = rules
            .iter()
            .map(|rule| {
                Pattern::new(&rule.pattern).map_err(|reason| {
                    let error = ListError {
                        list: "patterns",
                        line: rule.line,
                        problem: ListProblem::BadPattern(reason),
                    };
                    list_error(lang, &error)
                })
            })
            .collect::<Result<Vec<Pattern>, String>>()?;
        if dictionary.as_ref().is_none_or(Dictionary::is_empty) && rules.is_empty() {
            return Err(w::NOTHING_TO_PRE_ANNOTATE.get(lang).into());
        }
        let docs: Vec<&Document> = match self.scope {
            LabelAllScope::Document => open_doc.and_then(|id| project.document(id)).into_iter().collect(),
            LabelAllScope::Corpus => {
                if project.stand_ins() > 0 {
                    return Err(said(
                        lang,
                        &Said::Edit(EditError::StillLoading { pending: project.stand_ins() }),
                    ));
                }
                project.documents().iter().map(|d| &**d).collect()
            }
        };
        plan_pre_annotation(project, &docs, dictionary.as_ref(), &rules, |n, text| compiled[n].find(text))
            .map_err(|e| said(lang, &Said::Edit(e)))
    }
}
