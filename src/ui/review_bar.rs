//! The review queue's bar above the text: how many suggestions are left, the one under review,
//! and buttons for what its keys do (. next, , previous, Enter accept, a label key accept as
//! that label, Backspace reject, Shift+Enter accept all alike, Escape leave), plus the
//! Pre-annotate dialog's button.

use super::store::use_dispatch;
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
    let editor = use_dispatch();
    let button =
        |testid: &'static str, text: &'static str, title: &'static str, action: EditorAction, on: bool| {
            let onclick = editor.to(move |_: MouseEvent| action.clone());
            html! { <button data-testid={testid} {title} {onclick} disabled={!on}>{ text }</button> }
        };
    let (any, reviewing) = (props.count > 0, props.current.is_some());
    let on_pre_annotate = props.on_pre_annotate.reform(|_: MouseEvent| ());
    let on_scope = editor.to(|event: Event| {
        let key = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        EditorAction::SetLabelAllScope(LabelAllScope::from_key(&key).unwrap_or_default())
    });
    let scopes = LabelAllScope::ALL.iter().map(|scope| {
        html! { <option value={scope.key()} selected={*scope == props.scope}>{ scope.title() }</option> }
    });
    html! {
        <div class="review-bar" data-testid="review-bar">
            <button data-testid="pre-annotate" onclick={on_pre_annotate}
                    title="Suggest spans from a dictionary, the project's confirmed strings or patterns">{ "预标注 Pre-annotate…" }</button>
            <span class="review-bar__count" data-testid="suggestion-count" data-count={props.count.to_string()}>
                { format!("建议 {} suggestion(s)", props.count) }
            </span>
            { button("review-prev", "‹", "Previous suggestion (,)", EditorAction::StepSuggestion { forward: false }, any) }
            { button("review-next", "›", "Next suggestion (.)", EditorAction::StepSuggestion { forward: true }, any) }
            { button("review-accept", "✓ 接受 Accept", "Accept (Enter; a label key accepts with that label)", EditorAction::AcceptSuggestion(None), reviewing) }
            { button("review-reject", "✗ 拒绝 Reject", "Reject (Backspace)", EditorAction::RejectSuggestion, reviewing) }
            { button("review-accept-all", "✓✓ 全部 All alike", "Accept every suggestion with this text and label, in this document or all of them (Shift+Enter)", EditorAction::AcceptAllLikeThis, reviewing) }
            <select data-testid="review-scope" onchange={on_scope} title="Where Shift+Enter (and Label all) look">{ for scopes }</select>
            if let Some((suggestion, text)) = &props.current {
                <span class="review-bar__current" data-testid="review-current" aria-live="polite">
                    { format!("«{text}» {} · {}{} [{}–{}]", suggestion.label, suggestion.source.key(),
                              suggestion.score.map(|s| format!(" {s:.2}")).unwrap_or_default(), suggestion.start, suggestion.end) }
                </span>
            }
        </div>
    }
}
