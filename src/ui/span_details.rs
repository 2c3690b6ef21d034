//! The selected span: its label, text and offsets, its attributes (keyboard: A focuses the
//! first one), its relations, and starting a new relation (R, or the Link button).

use super::store::{use_dispatch, Shared};
use super::text_field::TextField;
use super::words::chrome as w;
use super::words::formatted::label_name;
use super::words::titles::label_all_scope_title;
use super::words::{use_lang, Lang};
use crate::core::directive_record::{is_directive, propose_record, RecordProposal, ISSUER_RELATION};
use crate::core::editor::{link_types, EditorAction};
use crate::core::label_all::LabelAllScope;
use crate::core::{Document, Schema, SpanId};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SpanDetailsProps {
    /// The open document.
    pub doc: Option<Shared<Document>>,
    pub schema: Shared<Schema>,
    pub selected: Option<SpanId>,
    /// The source of a relation being drawn.
    pub linking: Option<SpanId>,
    /// Source and target of a relation whose type is to be chosen.
    pub pending_link: Option<(SpanId, SpanId)>,
    /// Where Label all looks.
    pub label_all_scope: LabelAllScope,
}

fn span_text(doc: &Document, id: SpanId) -> String {
    doc.span(id).map(|s| doc.slice(s.range).chars().take(16).collect()).unwrap_or_default()
}

#[component]
pub fn SpanDetails(props: &SpanDetailsProps) -> Html {
    let lang = use_lang();
    let editor = use_dispatch();
    let Some(doc) = &props.doc else { return html! {} };
    let schema = &props.schema;

    // Choosing the type of a relation whose ends are picked.
    if let Some((from, to)) = props.pending_link {
        let choices = link_types(doc, schema, from, to).into_iter().enumerate().map(|(i, kind)| {
            let title = schema.relation_type(&kind).map(|r| lang.pick(&r.zh, &r.en).to_string()).unwrap_or_default();
            let onclick = {
                let kind = kind.clone();
                editor.to(move |_: MouseEvent| EditorAction::ChooseRelationType(kind.clone()))
            };
            html! {
                <button class="span-details__choice" data-testid={format!("relation-choose-{kind}")} {onclick} {title}>
                    <kbd>{ (i + 1).to_string() }</kbd>{ format!(" {kind}") }
                </button>
            }
        });
        return html! {
            <section class="span-details" data-testid="relation-picker">
                <h2 class="span-details__title">{ w::RELATION_TYPE.get(lang) }</h2>
                <p>{ format!("«{}» → «{}»", span_text(doc, from), span_text(doc, to)) }</p>
                <div class="span-details__choices">{ for choices }</div>
            </section>
        };
    }

    let Some(span) = props.selected.and_then(|id| doc.span(id)) else {
        return html! {
            <section class="span-details span-details--empty" data-testid="span-details">
                { w::NO_SPAN_SELECTED.get(lang) }
            </section>
        };
    };
    let id = span.id;
    let attributes = schema.attributes_for(&span.label).map(|attribute| {
        let current = span.attributes.get(&attribute.name).cloned().unwrap_or_default();
        let name = attribute.name.clone();
        let testid = format!("attr-{}", attribute.name);
        let control = if attribute.is_free_text() {
            let onchange = editor.to(move |value: String| EditorAction::SetAttribute {
                span: id,
                name: name.clone(),
                value: Some(value),
            });
            // Keyed by span: another span's field starts from its own value.
            let key = format!("{}-{testid}", id.0);
            html! { <TextField {key} class="span-details__attr" {testid} value={current} {onchange} /> }
        } else {
            let onchange = editor.to(move |event: Event| {
                let value = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                EditorAction::SetAttribute { span: id, name: name.clone(), value: Some(value) }
            });
            let options = attribute.values.iter().map(|v| {
                html! {
                    <option value={v.clone()} selected={*v == current}>{ v.clone() }</option>
                }
            });
            html! {
                <select class="span-details__attr" data-testid={testid} {onchange}>
                    <option value="" selected={current.is_empty()}>{ "—" }</option>
                    { for options }
                </select>
            }
        };
        html! {
            <label class="span-details__field">
                <span>{ lang.pick(&attribute.zh, &attribute.en).to_string() }</span>
                { control }
            </label>
        }
    });
    let on_link = editor.to(|_: MouseEvent| EditorAction::StartLinking);
    let on_label_all = editor.to(|_: MouseEvent| EditorAction::LabelAll);
    let on_scope = editor.to(|event: Event| {
        let key = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        EditorAction::SetLabelAllScope(LabelAllScope::from_key(&key).unwrap_or_default())
    });
    let scopes = LabelAllScope::ALL.iter().map(|scope| {
        html! { <option value={scope.key()} selected={*scope == props.label_all_scope}>{ label_all_scope_title(lang, *scope) }</option> }
    });
    let linking = props.linking == Some(id);
    let proposal = propose_record(doc, schema, id);
    let label = schema.label(&span.label);
    html! {
        <section class="span-details" data-testid="span-details" data-span-id={id.0.to_string()}>
            <h2 class="span-details__title">
                { format!("{} {} ", span.label, label.map(|l| label_name(lang, l)).unwrap_or("")) }
                <span class="span-details__range">{ format!("{}–{}", span.range.start, span.range.end) }</span>
            </h2>
            <p class="span-details__text">{ doc.slice(span.range).to_string() }</p>
            { for attributes }
            if is_directive(schema, span) {
                { record_proposal(doc, &proposal, &editor, lang) }
            }
            <div class="span-details__label-all">
                <button data-testid="label-all" onclick={on_label_all}
                        title={w::LABEL_ALL_TIP.get(lang)}>
                    { w::LABEL_ALL.get(lang) }
                </button>
                <select data-testid="label-all-scope" onchange={on_scope} title={w::LABEL_ALL_SCOPE.get(lang)} aria-label={w::LABEL_ALL_SCOPE.get(lang)}>{ for scopes }</select>
            </div>
            <button data-testid="start-link" onclick={on_link} disabled={linking}
                    title={w::LINK_TIP.get(lang)}>
                { if linking { w::LINKING.get(lang) } else { w::LINK.get(lang) } }
            </button>
        </section>
    }
}

/// The cue and issuer proposed for a directive, with the keys that take them (Enter) or copy
/// the previous directive's (=).
fn record_proposal(
    doc: &Document,
    proposal: &RecordProposal,
    editor: &super::store::Dispatch,
    lang: Lang,
) -> Html {
    let on_accept = editor.to(|_: MouseEvent| EditorAction::AcceptRecord);
    let on_same = editor.to(|_: MouseEvent| EditorAction::SameRecordAsPrevious);
    let cue = proposal.cue.as_ref().map(|c| c.value.clone());
    let issuer = proposal.issuer.map(|id| span_text(doc, id));
    let mut parts = Vec::new();
    if let Some(cue) = &cue {
        parts.push(format!("{} «{cue}»", w::CUE.get(lang)));
    }
    if let Some(issuer) = &issuer {
        parts.push(format!("{ISSUER_RELATION} «{issuer}»"));
    }
    html! {
        <div class="span-details__record" data-testid="record-proposal" data-cue={cue.clone()} data-issuer={issuer.clone()}>
            if !proposal.is_empty() {
                <span class="span-details__proposed">{ format!("{} {}", w::PROPOSED.get(lang), parts.join(" · ")) }</span>
                <button data-testid="record-accept" onclick={on_accept} title={w::RECORD_ACCEPT_TIP.get(lang)}>
                    { w::RECORD_ACCEPT.get(lang) }
                </button>
            }
            <button data-testid="record-same" onclick={on_same}
                    title={w::RECORD_SAME_TIP.get(lang)}>{ w::RECORD_SAME.get(lang) }</button>
        </div>
    }
}
