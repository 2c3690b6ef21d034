//! The schema editor: labels (name, display names, colour, hotkey, order) in layers with an
//! overlap policy, relation types with their endpoint rules, and attributes. Edits go to a
//! draft; "Apply" shows what the change removes, asks before deleting annotations, and applies
//! it as one undoable step. The schema alone can be exported and imported as JSON.

use super::browser;
use super::modal::Modal;
use super::store::{use_dispatch, Shared};
use super::text_field::TextField;
use super::words::chrome as w;
use super::words::current_lang;
use super::words::errors::{schema_error_in, schema_problems};
use super::words::formatted::{schema_confirm, schema_impact};
use super::words::use_lang;
use crate::core::editor::EditorAction;
use crate::core::schema::{AttributeDef, Label, Layer, RelationType, Schema};
use crate::core::schema_edit::{export_schema, import_schema, plan_schema_change, SchemaError, SchemaImpact};
use crate::core::Project;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

mod draft;

use draft::{label_checks, on_checked, on_click, on_text, Draft};

/// Milliseconds after the last change to the draft before its plan is worked out.
const PLAN_AFTER_MS: u32 = 120;

type PlanKey = (Shared<Project>, Schema, BTreeMap<String, String>);
type PlanResult = Result<(crate::core::Project, SchemaImpact), SchemaError>;

#[derive(Properties, PartialEq)]
pub struct SchemaEditorProps {
    pub project: Shared<Project>,
    pub on_close: Callback<()>,
}

#[component]
pub fn SchemaEditor(props: &SchemaEditorProps) -> Html {
    let lang = use_lang();
    let editor = use_dispatch();
    let project = &props.project;
    let draft = use_state(|| Draft::of(&project.schema));
    let confirming = use_state(|| false);
    let import_error = use_state(|| None::<String>);

    let all_labels = draft.label_names();
    let layers = draft.schema.layers.iter().enumerate().map(|(li, layer)| {
        let labels = layer.labels.iter().enumerate().map(|(i, label)| {
            let last = i + 1 == layer.labels.len();
            html! {
                <tr data-testid={format!("schema-label-{}", label.name)}>
                    <td><TextField value={label.name.clone()} label={format!("{} {}", label.name, w::COL_NAME.get(lang))} testid="schema-label-name" onchange={on_text(&draft, move |d, v| {
                        // ASCII only: label names are tags (PER, ORG) or Chinese, and Unicode's upper-casing
                        // table costs the bundle about 12 KB raw for letters no tag uses.
                        let v = v.trim().to_ascii_uppercase();
                        let old = d.schema.layers[li].labels[i].name.clone();
                        d.rename_label(&old, &v);
                        d.schema.layers[li].labels[i].name = v;
                    })} /></td>
                    <td><TextField value={label.zh.clone()} label={format!("{} {}", label.name, w::COL_ZH.get(lang))} onchange={on_text(&draft, move |d, v| d.schema.layers[li].labels[i].zh = v)} /></td>
                    <td><TextField value={label.en.clone()} label={format!("{} {}", label.name, w::COL_EN.get(lang))} onchange={on_text(&draft, move |d, v| d.schema.layers[li].labels[i].en = v)} /></td>
                    <td><TextField kind="color" value={label.color.clone()} label={format!("{} {}", label.name, w::COL_COLOUR.get(lang))} testid="schema-label-color"
                        onchange={on_text(&draft, move |d, v| d.schema.layers[li].labels[i].color = v)} /></td>
                    <td><TextField class="schema__key" maxlength="1" value={label.hotkey.to_string()} label={format!("{} {}", label.name, w::COL_KEY.get(lang))} testid="schema-label-hotkey"
                        onchange={on_text(&draft, move |d, v| {
                            d.schema.layers[li].labels[i].hotkey = v.chars().next().map_or(' ', |c| c.to_ascii_lowercase());
                        })} /></td>
                    <td class="schema__buttons">
                        <button disabled={i == 0} title={w::MOVE_UP.get(lang)} aria-label={w::MOVE_UP.get(lang)} onclick={on_click(&draft, move |d| {
                            d.schema.layers[li].labels.swap(i, i - 1);
                            d.origins[li].swap(i, i - 1);
                        })}>{ "↑" }</button>
                        <button disabled={last} title={w::MOVE_DOWN.get(lang)} aria-label={w::MOVE_DOWN.get(lang)} onclick={on_click(&draft, move |d| {
                            d.schema.layers[li].labels.swap(i, i + 1);
                            d.origins[li].swap(i, i + 1);
                        })}>{ "↓" }</button>
                        <button title={w::DELETE_LABEL.get(lang)} aria-label={w::DELETE_LABEL.get(lang)} data-testid="schema-label-delete" onclick={on_click(&draft, move |d| {
                            let gone = d.schema.layers[li].labels.remove(i).name;
                            d.origins[li].remove(i);
                            d.forget_label(&gone);
                        })}>{ "×" }</button>
                    </td>
                </tr>
            }
        });
        html! {
            <section class="schema__layer" data-testid={format!("schema-layer-{}", layer.name)}>
                <div class="schema__layer-head">
                    <TextField value={layer.name.clone()} label={format!("{} {}", w::LAYER.get(lang), layer.name)} onchange={on_text(&draft, move |d, v| d.schema.layers[li].name = v.trim().to_string())} />
                    <label><input type="checkbox" checked={layer.allow_overlap} data-testid="schema-layer-overlap"
                        onchange={on_checked(&draft, move |d, on| d.schema.layers[li].allow_overlap = on)} />
                        { w::LAYER_OVERLAP.get(lang) }</label>
                    <button disabled={!layer.labels.is_empty()} title={w::DELETE_LAYER_TIP.get(lang)}
                        onclick={on_click(&draft, move |d| { d.schema.layers.remove(li); d.origins.remove(li); })}>{ w::DELETE_LAYER.get(lang) }</button>
                </div>
                <table class="schema__table">
                    <tr><th>{ w::COL_NAME.get(lang) }</th><th>{ w::COL_ZH.get(lang) }</th><th>{ w::COL_EN.get(lang) }</th><th>{ w::COL_COLOUR.get(lang) }</th><th>{ w::COL_KEY.get(lang) }</th><th><span class="visually-hidden">{ w::COL_ACTIONS.get(lang) }</span></th></tr>
                    { for labels }
                </table>
                <button data-testid={format!("schema-add-label-{}", layer.name)} onclick={on_click(&draft, move |d| {
                    let n = (1..).find(|n| d.schema.label(&format!("LABEL{n}")).is_none()).unwrap_or(1);
                    let hotkey = d.free_hotkey();
                    d.schema.layers[li].labels.push(Label {
                        name: format!("LABEL{n}"), zh: w::NEW_LABEL.zh.into(), en: w::NEW_LABEL.en.into(), color: "#607d8b".into(), hotkey,
                    });
                    d.origins[li].push(None);
                })}>{ w::ADD_LABEL.get(lang) }</button>
            </section>
        }
    });

    let relations = draft.schema.relations.iter().enumerate().map(|(i, relation)| html! {
        <tr data-testid={format!("schema-relation-{}", relation.name)}>
            <td><TextField value={relation.name.clone()} label={format!("{} {} {}", w::RELATION.get(lang), relation.name, w::COL_NAME.get(lang))} onchange={on_text(&draft, move |d, v| d.schema.relations[i].name = v.trim().to_string())} /></td>
            <td><TextField value={relation.zh.clone()} label={format!("{} {} {}", w::RELATION.get(lang), relation.name, w::COL_ZH.get(lang))} onchange={on_text(&draft, move |d, v| d.schema.relations[i].zh = v)} /></td>
            <td>{ label_checks(&draft, &all_labels, &relation.from, format!("schema-relation-{}-from", relation.name), |d, i| &mut d.schema.relations[i].from, i) }</td>
            <td>{ label_checks(&draft, &all_labels, &relation.to, format!("schema-relation-{}-to", relation.name), |d, i| &mut d.schema.relations[i].to, i) }</td>
            <td><button title={w::DELETE_RELATION_TYPE.get(lang)} aria-label={w::DELETE_RELATION_TYPE.get(lang)} onclick={on_click(&draft, move |d| { d.schema.relations.remove(i); })}>{ "×" }</button></td>
        </tr>
    });
    let attributes = draft.schema.attributes.iter().enumerate().map(|(i, attribute)| html! {
        <tr data-testid={format!("schema-attribute-{}", attribute.name)}>
            <td><TextField value={attribute.name.clone()} label={format!("{} {} {}", w::ATTRIBUTE.get(lang), attribute.name, w::COL_NAME.get(lang))} onchange={on_text(&draft, move |d, v| d.schema.attributes[i].name = v.trim().to_string())} /></td>
            <td><TextField value={attribute.zh.clone()} label={format!("{} {} {}", w::ATTRIBUTE.get(lang), attribute.name, w::COL_ZH.get(lang))} onchange={on_text(&draft, move |d, v| d.schema.attributes[i].zh = v)} /></td>
            <td>{ label_checks(&draft, &all_labels, &attribute.labels, format!("schema-attribute-{}-on", attribute.name), |d, i| &mut d.schema.attributes[i].labels, i) }</td>
            <td><TextField value={attribute.values.join(", ")} label={format!("{} {} {}", w::ATTRIBUTE.get(lang), attribute.name, w::COL_VALUES.get(lang))} placeholder={w::FREE_TEXT.get(lang)} testid={format!("schema-attribute-{}-values", attribute.name)}
                onchange={on_text(&draft, move |d, v| {
                    d.schema.attributes[i].values =
                        v.split([',', '，', '、']).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
                })} /></td>
            <td><button title={w::DELETE_ATTRIBUTE.get(lang)} aria-label={w::DELETE_ATTRIBUTE.get(lang)} onclick={on_click(&draft, move |d| { d.schema.attributes.remove(i); })}>{ "×" }</button></td>
        </tr>
    });

    // What applying would do: worked out once per (project revision, draft), never while
    // rendering: a moment after the last keystroke (it walks every span of the project), and
    // Apply waits for it.
    let problems = draft.schema.problems();
    let renames = draft.renames();
    let key = (project.clone(), draft.schema.clone(), renames.clone());
    let planned = use_state(|| None::<(PlanKey, Rc<Option<PlanResult>>)>);
    {
        let planned = planned.clone();
        use_effect_with(key.clone(), move |key| {
            let key = key.clone();
            let timer = gloo::timers::callback::Timeout::new(PLAN_AFTER_MS, move || {
                let (project, schema, renames) = &key;
                let plan = schema.problems().is_empty().then(|| plan_schema_change(project, schema, renames));
                planned.set(Some((key, Rc::new(plan))));
            });
            move || drop(timer)
        });
    }
    let plan: Option<Rc<Option<PlanResult>>> =
        planned.as_ref().filter(|(k, _)| *k == key).map(|(_, plan)| plan.clone());
    let (summary, error, removes) = match plan.as_deref() {
        Some(Some(Ok((_, impact)))) => (schema_impact(lang, impact), None, impact.removes_anything()),
        Some(Some(Err(error))) => (String::new(), Some(schema_error_in(lang, error)), false),
        Some(None) => (String::new(), Some(schema_problems(lang, &problems)), false),
        None => (w::SCHEMA_WORKING.get(lang).to_string(), None, false),
    };
    let ready = matches!(plan.as_deref(), Some(Some(Ok(_))));
    let apply = {
        let editor = editor.clone();
        let draft = draft.clone();
        let confirming = confirming.clone();
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| {
            if removes && !*confirming {
                confirming.set(true);
                return;
            }
            editor.dispatch(EditorAction::ApplySchema {
                schema: Box::new(draft.schema.clone()),
                renames: draft.renames(),
            });
            on_close.emit(());
        })
    };
    let on_export = {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = browser::download(
                "biaozhu-schema.json",
                "application/json",
                export_schema(&draft.schema).as_bytes(),
            );
        })
    };
    let on_import = {
        let (draft, import_error) = (draft.clone(), import_error.clone());
        let current = project.schema.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            let (draft, import_error, current) = (draft.clone(), import_error.clone(), current.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let read = browser::read_file(&file).await.and_then(|bytes| {
                    import_schema(&String::from_utf8_lossy(&bytes))
                        .map_err(|e| format!("{}: {}", file.name(), schema_error_in(current_lang(), &e)))
                });
                match read {
                    Ok(schema) => {
                        // Labels keep their spans where the imported schema has the same name.
                        let mut next = Draft::of(&schema);
                        for (layer, origins) in next.schema.layers.iter().zip(next.origins.iter_mut()) {
                            for (label, origin) in layer.labels.iter().zip(origins.iter_mut()) {
                                *origin = current.label(&label.name).map(|l| l.name.clone());
                            }
                        }
                        draft.set(next);
                        import_error.set(None);
                    }
                    Err(message) => import_error.set(Some(message)),
                }
            });
            input.set_value("");
        })
    };
    let add_layer = on_click(&draft, |d| {
        let n = d.schema.layers.len() + 1;
        d.schema.layers.push(Layer { name: format!("layer{n}"), allow_overlap: true, labels: Vec::new() });
        d.origins.push(Vec::new());
    });
    let add_relation = on_click(&draft, |d| {
        let n = d.schema.relations.len() + 1;
        d.schema.relations.push(RelationType {
            name: format!("relation{n}"),
            zh: w::RELATION.zh.into(),
            en: w::RELATION.en.into(),
            from: Vec::new(),
            to: Vec::new(),
        });
    });
    let add_attribute = on_click(&draft, |d| {
        let n = d.schema.attributes.len() + 1;
        d.schema.attributes.push(AttributeDef {
            name: format!("attribute{n}"),
            zh: w::ATTRIBUTE.zh.into(),
            en: w::ATTRIBUTE.en.into(),
            labels: Vec::new(),
            values: Vec::new(),
        });
    });

    html! {
        <Modal label={w::SCHEMA_TITLE.get(lang)} testid="schema-editor" class="dialog__box--wide schema" on_close={props.on_close.clone()}>
            <h2>{ w::SCHEMA_TITLE.get(lang) }</h2>
            <h3>{ w::LAYERS_AND_LABELS.get(lang) }</h3>
            { for layers }
            <button onclick={add_layer}>{ w::ADD_LAYER.get(lang) }</button>
            <h3>{ w::RELATION_TYPES.get(lang) }</h3>
            <table class="schema__table">
                <tr><th>{ w::COL_NAME.get(lang) }</th><th>{ w::COL_ZH.get(lang) }</th><th>{ w::COL_FROM.get(lang) }</th><th>{ w::COL_TO.get(lang) }</th><th><span class="visually-hidden">{ w::COL_ACTIONS.get(lang) }</span></th></tr>
                { for relations }
            </table>
            <button data-testid="schema-add-relation" onclick={add_relation}>{ w::ADD_RELATION_TYPE.get(lang) }</button>
            <h3>{ w::ATTRIBUTES.get(lang) }</h3>
            <table class="schema__table">
                <tr><th>{ w::COL_NAME.get(lang) }</th><th>{ w::COL_ZH.get(lang) }</th><th>{ w::COL_ON_LABELS.get(lang) }</th><th>{ w::COL_VALUES_HELP.get(lang) }</th><th><span class="visually-hidden">{ w::COL_ACTIONS.get(lang) }</span></th></tr>
                { for attributes }
            </table>
            <button data-testid="schema-add-attribute" onclick={add_attribute}>{ w::ADD_ATTRIBUTE.get(lang) }</button>
            if let Some(message) = error {
                <p class="dialog__error" role="alert" data-testid="schema-problems">{ message }</p>
            } else {
                <p class="schema__summary" data-testid="schema-summary">{ summary.clone() }</p>
            }
            if *confirming && removes {
                <p class="dialog__error" role="alert" data-testid="schema-confirm-text">
                    { plan.as_deref().and_then(|p| p.as_ref()).and_then(|p| p.as_ref().ok()).map(|(_, impact)| schema_confirm(lang, impact)) }
                </p>
            }
            if let Some(message) = &*import_error {
                <p class="dialog__error" role="alert" data-testid="schema-import-error">{ message.clone() }</p>
            }
            <div class="dialog__buttons">
                <button data-testid="schema-export" onclick={on_export}>{ w::EXPORT_SCHEMA.get(lang) }</button>
                <label class="toolbar__import">{ w::IMPORT_SCHEMA.get(lang) }
                    <input type="file" accept=".json" data-testid="schema-import" onchange={on_import} />
                </label>
                <span class="toolbar__gap"></span>
                <button data-testid="schema-apply" disabled={!ready} onclick={apply}>
                    { if *confirming && removes { w::DELETE_AND_APPLY.get(lang) } else { w::APPLY.get(lang) } }
                </button>
                <button onclick={props.on_close.reform(|_: MouseEvent| ())}>{ w::CANCEL.get(lang) }</button>
            </div>
        </Modal>
    }
}
