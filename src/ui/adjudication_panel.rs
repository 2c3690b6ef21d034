//! The adjudication bar: the open disagreement shown with each annotator's version in its
//! context, decided by single keys (1–9 take a version, B both, E edit by hand, ↓/J and ↑/K
//! move, Escape stops). Keys work while the bar has the focus; it takes it when it opens.

use super::browser;
use super::store::{use_dispatch, Shared};
use super::words::chrome as w;
use super::words::formatted::take_version;
use super::words::use_lang;
use crate::core::adjudication::Choice;
use crate::core::editor::{Adjudication, EditorAction};
use crate::core::offsets::CharRange;
use crate::core::Document;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AdjudicationPanelProps {
    pub adjudication: Shared<Adjudication>,
    /// The document of the disagreement shown (the open one).
    pub doc: Option<Shared<Document>>,
}

/// Up to this many characters of context on each side of the disagreement.
const CONTEXT: usize = 24;

/// The text before, in and after `range`, cut to the context either side.
fn context(doc: &Document, range: CharRange) -> (String, String, String) {
    let start = range.start.saturating_sub(CONTEXT);
    let end = (range.end + CONTEXT).min(doc.char_len());
    let piece = |from: usize, to: usize| doc.slice(CharRange::new(from, to)).replace(['\n', '\r'], " ");
    (piece(start, range.start), piece(range.start, range.end), piece(range.end, end))
}

#[component]
pub fn AdjudicationPanel(props: &AdjudicationPanelProps) -> Html {
    let lang = use_lang();
    let editor = use_dispatch();
    use_effect_with((), |_| browser::focus("[data-testid=adjudication]"));
    let adjudication = &props.adjudication;
    let current = adjudication.current().cloned();
    let on_key = {
        let editor = editor.clone();
        let versions = current.as_ref().map_or(0, |c| c.versions.len());
        Callback::from(move |event: KeyboardEvent| {
            if event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            let key = event.key();
            let action = match key.as_str() {
                "ArrowDown" | "j" | "J" => EditorAction::StepDisagreement { forward: true },
                "ArrowUp" | "k" | "K" => EditorAction::StepDisagreement { forward: false },
                "b" | "B" => EditorAction::Decide(Choice::All),
                "e" | "E" => EditorAction::EditDisagreement,
                "Escape" => EditorAction::Adjudicate(false),
                digit if digit.len() == 1 && digit.as_bytes()[0].is_ascii_digit() => {
                    let index = usize::from(digit.as_bytes()[0] - b'0');
                    if index == 0 || index > versions {
                        return;
                    }
                    EditorAction::Decide(Choice::One(index - 1))
                }
                _ => return,
            };
            event.prevent_default();
            event.stop_propagation();
            let edit = matches!(action, EditorAction::EditDisagreement);
            editor.dispatch(action);
            if edit {
                // The label key comes next, in the text.
                browser::focus_text_view();
            }
        })
    };
    let send = |action: EditorAction| {
        let editor = editor.clone();
        Callback::from(move |_: MouseEvent| editor.dispatch(action.clone()))
    };
    let (count, at) = (adjudication.open.len(), adjudication.at);
    let body = match (&current, &props.doc) {
        (Some(current), Some(doc))
            if doc.id == current.doc && doc.is_loaded() && current.range.end <= doc.char_len() =>
        {
            let (before, inside, after) = context(doc, current.range);
            html! {
                <div class="adjudication__case" data-testid="disagreement" data-doc={current.doc.0.clone()}
                     data-layer={current.layer.clone()} data-start={current.range.start.to_string()}
                     data-end={current.range.end.to_string()} data-index={at.to_string()}>
                    <p class="adjudication__context">
                        { format!("{} · …{before}", doc.name) }<mark>{ inside }</mark>{ format!("{after}…") }
                    </p>
                    <ol class="adjudication__versions">
                    { for current.versions.iter().enumerate().map(|(i, version)| {
                        let spans: Vec<String> = version.spans.iter().map(|s| {
                            format!("{} «{}» {}–{}", s.label, doc.slice(s.range), s.range.start, s.range.end)
                        }).collect();
                        let text = if spans.is_empty() { w::NOTHING.get(lang).to_string() } else { spans.join("; ") };
                        html! {
                            <li data-testid="disagreement-version" data-annotator={version.annotator.clone()}
                                data-spans={version.spans.len().to_string()}>
                                <button data-testid="adjudicate-take" data-annotator={version.annotator.clone()}
                                        onclick={send(EditorAction::Decide(Choice::One(i)))}
                                        title={take_version(lang, &version.annotator, i + 1)}>
                                    { format!("{} {}", i + 1, version.annotator) }
                                </button>
                                <span class="adjudication__spans">{ text }</span>
                            </li>
                        }
                    }) }
                    </ol>
                </div>
            }
        }
        (Some(_), _) => html! { <p class="adjudication__case">{ w::OPENING_DOCUMENT.get(lang) }</p> },
        (None, _) => html! {
            <p class="adjudication__case" data-testid="adjudication-done">
                { w::NO_DISAGREEMENT.get(lang) }
            </p>
        },
    };
    html! {
        <section class="adjudication" data-testid="adjudication" tabindex="0" onkeydown={on_key}
                 data-count={count.to_string()} aria-label={w::ADJUDICATION.get(lang)}>
            <header class="adjudication__bar">
                <strong>{ w::ADJUDICATING.get(lang) }</strong>
                <span data-testid="adjudication-count">{ if count == 0 { "0 / 0".to_string() } else { format!("{} / {count}", at + 1) } }</span>
                <button data-testid="adjudicate-prev" onclick={send(EditorAction::StepDisagreement { forward: false })} title={w::PREVIOUS_DISAGREEMENT.get(lang)} aria-label={w::PREVIOUS_DISAGREEMENT.get(lang)}>{ "↑" }</button>
                <button data-testid="adjudicate-next" onclick={send(EditorAction::StepDisagreement { forward: true })} title={w::NEXT_DISAGREEMENT.get(lang)} aria-label={w::NEXT_DISAGREEMENT.get(lang)}>{ "↓" }</button>
                <button data-testid="adjudicate-both" onclick={send(EditorAction::Decide(Choice::All))} title={w::TAKE_BOTH_TIP.get(lang)}>{ w::TAKE_BOTH.get(lang) }</button>
                <button data-testid="adjudicate-edit" onclick={send(EditorAction::EditDisagreement)} title={w::EDIT_GOLD_TIP.get(lang)}>{ w::EDIT_GOLD.get(lang) }</button>
                <button data-testid="adjudicate-accept-agreed" onclick={send(EditorAction::AcceptAgreed)} title={w::ACCEPT_AGREED_TIP.get(lang)}>{ w::ACCEPT_AGREED.get(lang) }</button>
                <button data-testid="adjudicate-stop" onclick={send(EditorAction::Adjudicate(false))} title={w::STOP_TIP.get(lang)}>{ w::STOP.get(lang) }</button>
            </header>
            { body }
        </section>
    }
}
