//! The review queue's bar above the text: how many suggestions are left, the one under review,
//! and buttons for what its keys do (. next, , previous, Enter accept, a label key accept as
//! that label, Backspace reject, Shift+Enter accept all alike, Escape leave), plus the
//! Pre-annotate dialog's button.

use super::store::use_dispatch;
use super::words::chrome as w;
use super::words::formatted::suggestion_count;
use super::words::titles::label_all_scope_title;
use super::words::{use_lang, Phrase};
use crate::core::editor::EditorAction;
use crate::core::label_all::LabelAllScope;
use crate::core::suggestion::Suggestion;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReviewBarProps {
    /// Suggestions left in the project.
    pub count: usize,
    /// The suggestion under review and its text.
    pub current: Option<(Suggestion, String)>,
    /// Where "accept all alike" looks (shared with Label all).
    pub scope: LabelAllScope,
    pub on_pre_annotate: Callback<()>,
}

#[component]
pub fn ReviewBar(props: &ReviewBarProps) -> Html {
    let lang = use_lang();
    let editor = use_dispatch();
    // A sign and a word; narrow windows show the sign only (the word stays for screen readers,
    // and a sign alone is named by its tooltip).
    let button = |testid: &'static str,
                  sign: &'static str,
                  word: Option<Phrase>,
                  title: Phrase,
                  action: EditorAction,
                  on: bool| {
        let onclick = editor.to(move |_: MouseEvent| action.clone());
        html! {
            <button data-testid={testid} title={title.get(lang)} aria-label={word.is_none().then(|| title.get(lang))}
                    {onclick} disabled={!on}>
                <span aria-hidden="true">{ sign }</span>
                if let Some(word) = word {
                    <span class="review-bar__word">{ " " }{ word.get(lang) }</span>
                }
            </button>
        }
    };
    let (any, reviewing) = (props.count > 0, props.current.is_some());
    let on_pre_annotate = props.on_pre_annotate.reform(|_: MouseEvent| ());
    let on_scope = editor.to(|event: Event| {
        let key = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        EditorAction::SetLabelAllScope(LabelAllScope::from_key(&key).unwrap_or_default())
    });
    let scopes = LabelAllScope::ALL.iter().map(|scope| {
        html! { <option value={scope.key()} selected={*scope == props.scope}>{ label_all_scope_title(lang, *scope) }</option> }
    });
    html! {
        <div class="review-bar" data-testid="review-bar">
            <button data-testid="pre-annotate" onclick={on_pre_annotate}
                    title={w::PRE_ANNOTATE_TIP.get(lang)}>{ w::PRE_ANNOTATE.get(lang) }</button>
            <span class="review-bar__count" data-testid="suggestion-count" data-count={props.count.to_string()}>
                { suggestion_count(lang, props.count) }
            </span>
            { button("review-prev", "‹", None, w::PREVIOUS_SUGGESTION, EditorAction::StepSuggestion { forward: false }, any) }
            { button("review-next", "›", None, w::NEXT_SUGGESTION, EditorAction::StepSuggestion { forward: true }, any) }
            { button("review-accept", "✓", Some(w::ACCEPT), w::ACCEPT_TIP, EditorAction::AcceptSuggestion(None), reviewing) }
            { button("review-reject", "✗", Some(w::REJECT), w::REJECT_TIP, EditorAction::RejectSuggestion, reviewing) }
            { button("review-accept-all", "✓✓", Some(w::ACCEPT_ALIKE), w::ACCEPT_ALIKE_TIP, EditorAction::AcceptAllLikeThis, reviewing) }
            <select data-testid="review-scope" onchange={on_scope} title={w::REVIEW_SCOPE.get(lang)} aria-label={w::REVIEW_SCOPE.get(lang)}>{ for scopes }</select>
            if let Some((suggestion, text)) = &props.current {
                <span class="review-bar__current" data-testid="review-current" aria-live="polite">
                    { format!("«{text}» {} · {}{} [{}–{}]", suggestion.label, suggestion.source.key(),
                              suggestion.score.map(|s| format!(" {s:.2}")).unwrap_or_default(), suggestion.start, suggestion.end) }
                </span>
            }
        </div>
    }
}
