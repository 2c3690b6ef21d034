//! The Learn panel: train a model on the confirmed documents (button or Alt+L), watch its
//! progress and cancel it, read its estimated F1 per label, set the confidence threshold and
//! the suggestions' review order, and choose when it trains and suggests. The work is
//! `learning`'s; this draws it.

use super::learning::{Kept, LearnSettings, LearnView, Learning, Phase};
use super::store::use_dispatch;
use super::words::chrome as w;
use super::words::formatted::{estimated_on, model_summary, suggesting_documents, training_pass};
use super::words::learn_words::learn_problem;
use super::words::titles::review_order_title;
use super::words::{use_lang, Lang};
use crate::core::document::DocId;
use crate::core::editor::{EditorAction, ReviewOrder};
use crate::core::learn::protocol::{LabelScore, Stage};
use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LearnPanelProps {
    pub learning: Rc<Learning>,
    pub open_doc: Option<DocId>,
    /// The open document's text is read (after a reload, documents are read in the background).
    pub open_ready: bool,
    /// Documents marked done: a rise retrains when the setting says so.
    pub done: usize,
    pub order: ReviewOrder,
}

/// How long after the last document marked done an automatic retraining starts (marking
/// several in a row trains once).
const RETRAIN_AFTER_MS: u32 = 1_500;

#[component]
pub fn LearnPanel(props: &LearnPanelProps) -> Html {
    let lang = use_lang();
    let editor = use_dispatch();
    let redraw = use_force_update();
    {
        let learning = props.learning.clone();
        use_effect_with((), move |_| {
            learning.on_change(move || redraw.force_update());
            learning.read_stored();
            // Alt+L trains (the code, not the key: Alt+L types a character on some layouts).
            let keys = EventListener::new(&gloo::utils::document(), "keydown", move |event| {
                let event: &KeyboardEvent = event.unchecked_ref();
                if event.alt_key() && event.code() == "KeyL" && !super::browser::is_typing_target(event) {
                    event.prevent_default();
                    learning.train();
                }
            });
            move || drop(keys)
        });
    }
    {
        let learning = props.learning.clone();
        let has_model = learning.view().summary.is_some();
        use_effect_with((props.open_doc.clone(), props.open_ready, has_model), move |(open, _, _)| {
            if let Some(id) = open {
                learning.suggest_on_open(id);
            }
        });
    }
    {
        let learning = props.learning.clone();
        let before = use_mut_ref(|| None::<usize>);
        use_effect_with(props.done, move |done| {
            // Only a rise counts: not the first count, nor a document marked not done.
            let rose = before.borrow_mut().replace(*done).is_some_and(|b| *done > b);
            let timer = (rose && learning.view().settings.auto_retrain)
                .then(|| gloo::timers::callback::Timeout::new(RETRAIN_AFTER_MS, move || learning.train()));
            move || drop(timer)
        });
    }

    let view = props.learning.view();
    let learning = &props.learning;
    let busy = view.phase != Phase::Idle;
    let on_train = {
        let learning = learning.clone();
        Callback::from(move |_: MouseEvent| learning.train())
    };
    let on_cancel = {
        let learning = learning.clone();
        Callback::from(move |_: MouseEvent| learning.cancel())
    };
    let on_suggest_doc = {
        let (learning, open) = (learning.clone(), props.open_doc.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(id) = &open {
                learning.suggest_document(id);
            }
        })
    };
    let on_suggest_all = {
        let learning = learning.clone();
        Callback::from(move |_: MouseEvent| learning.suggest_corpus())
    };
    let setting = |change: fn(&mut LearnSettings, &web_sys::HtmlInputElement)| {
        let learning = learning.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let mut settings = learning.view().settings;
            change(&mut settings, &input);
            learning.set_settings(settings);
        })
    };
    let on_threshold = {
        let (learning, open) = (learning.clone(), props.open_doc.clone());
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let mut settings = learning.view().settings;
            let value = input.value_as_number();
            if value.is_finite() {
                settings.threshold = value.clamp(0.0, 1.0);
            }
            learning.set_settings(settings);
            // The open document's model suggestions follow the new threshold at once.
            if let Some(id) = &open {
                learning.suggest_document(id);
            }
        })
    };
    let on_order = editor.to(|event: Event| {
        let key = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        EditorAction::SetReviewOrder(ReviewOrder::from_key(&key).unwrap_or_default())
    });
    let orders = ReviewOrder::ALL.iter().map(|order| {
        html! { <option value={order.key()} selected={*order == props.order}>{ review_order_title(lang, *order) }</option> }
    });
    let settings = &view.settings;
    html! {
        <section class="learn" data-testid="learn-panel" aria-label={w::LEARN_NAME.get(lang)}>
            <h3>{ w::LEARN.get(lang) }</h3>
            <div class="learn__buttons">
                <button data-testid="learn-train" onclick={on_train} disabled={busy}
                        title={w::TRAIN_TIP.get(lang)}>{ w::TRAIN.get(lang) }</button>
                if busy {
                    <button data-testid="learn-cancel" onclick={on_cancel}>{ w::CANCEL.get(lang) }</button>
                }
            </div>
            { progress(&view.phase, lang) }
            if let Some(problem) = &view.error {
                <p class="learn__error" role="alert" data-testid="learn-error">{ learn_problem(lang, problem) }</p>
            }
            { model(&view, lang) }
            if view.summary.is_some() {
                <div class="learn__buttons">
                    <button data-testid="learn-suggest-doc" onclick={on_suggest_doc} disabled={props.open_doc.is_none()}
                            title={w::SUGGEST_DOC_TIP.get(lang)}>{ w::SUGGEST_DOC.get(lang) }</button>
                    <button data-testid="learn-suggest-all" onclick={on_suggest_all} disabled={busy}
                            title={w::SUGGEST_ALL_TIP.get(lang)}>{ w::SUGGEST_ALL.get(lang) }</button>
                </div>
            }
            <label class="learn__threshold">
                { format!("{} {:.2}", w::THRESHOLD.get(lang), settings.threshold) }
                <input type="range" min="0" max="1" step="0.05" data-testid="learn-threshold"
                       value={settings.threshold.to_string()} onchange={on_threshold}
                       aria-label={w::THRESHOLD_TIP.get(lang)} />
            </label>
            <label>{ w::REVIEW_ORDER.get(lang) }
                <select data-testid="review-order" onchange={on_order}>{ for orders }</select>
            </label>
            <label class="dialog__check">
                <input type="checkbox" data-testid="learn-auto" checked={settings.auto_retrain}
                       onchange={setting(|s, i| s.auto_retrain = i.checked())} />
                { w::AUTO_RETRAIN.get(lang) }
            </label>
            <label class="dialog__check">
                <input type="checkbox" data-testid="learn-on-open" checked={settings.suggest_on_open}
                       onchange={setting(|s, i| s.suggest_on_open = i.checked())} />
                { w::SUGGEST_ON_OPEN.get(lang) }
            </label>
            <label class="dialog__check">
                <input type="checkbox" data-testid="learn-all-docs" checked={settings.all_documents}
                       onchange={setting(|s, i| s.all_documents = i.checked())} />
                { w::LEARN_ALL_DOCS.get(lang) }
            </label>
        </section>
    }
}

fn progress(phase: &Phase, lang: Lang) -> Html {
    let (text, fraction) = match phase {
        Phase::Idle => return html! {},
        Phase::Sending { fraction } => (w::SENDING_TEXTS.get(lang).to_string(), *fraction),
        Phase::Working { stage, fraction, epoch, epochs } => {
            let pass = (*epoch + 1).min(*epochs);
            let text = match stage {
                Stage::Preparing => w::PREPARING.get(lang).to_string(),
                Stage::Training => training_pass(lang, false, pass, *epochs),
                Stage::Evaluating => w::ESTIMATING.get(lang).to_string(),
                Stage::Retraining => training_pass(lang, true, pass, *epochs),
                Stage::Suggesting => w::SUGGESTING.get(lang).to_string(),
            };
            (text, *fraction)
        }
        Phase::SuggestingCorpus { done, total } => {
            (suggesting_documents(lang, *done, *total), *done as f64 / (*total).max(1) as f64)
        }
    };
    html! {
        <div class="learn__progress" data-testid="learn-progress">
            <progress max="1" value={fraction.to_string()} />
            <span>{ format!("{text} · {:.0}%", fraction * 100.0) }</span>
        </div>
    }
}

fn model(view: &LearnView, lang: Lang) -> Html {
    let Some(summary) = &view.summary else {
        return html! { <p class="learn__none" data-testid="learn-model">{ w::NO_MODEL.get(lang) }</p> };
    };
    let about = model_summary(lang, summary, &view.kept, view.seconds);
    let row = |score: &LabelScore, class: &'static str| {
        html! {
            <tr class={class} data-label={score.label.clone()}>
                <td>{ score.label.clone() }</td>
                <td>{ format!("{:.2}", score.precision) }</td>
                <td>{ format!("{:.2}", score.recall) }</td>
                <td data-testid="learn-f1">{ format!("{:.2}", score.f1) }</td>
                <td>{ score.gold }</td>
            </tr>
        }
    };
    html! {
        <div class="learn__model" data-testid="learn-model" data-trained={summary.trained.to_string()}
             data-bytes={summary.bytes.to_string()} data-f1={summary.overall.as_ref().map(|o| format!("{:.4}", o.f1))}
             data-kept={if view.kept == Kept::Saved { "saved" } else { "not-saved" }}>
            <p>{ about }</p>
            if let Some(overall) = &summary.overall {
                <table class="learn__scores" data-testid="learn-scores">
                    <caption>{ estimated_on(lang, summary.held_out) }</caption>
                    <tr><th>{ w::LABEL.get(lang) }</th><th>{ "P" }</th><th>{ "R" }</th><th>{ "F1" }</th><th>{ "n" }</th></tr>
                    { for summary.scores.iter().filter(|s| s.gold + s.predicted > 0).map(|s| row(s, "")) }
                    { row(overall, "learn__overall") }
                </table>
            } else {
                <p class="learn__none">{ w::NO_ESTIMATE.get(lang) }</p>
            }
        </div>
    }
}
