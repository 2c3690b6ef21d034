//! The schema editor's draft (the schema as edited, and where each label came from) and the
//! callbacks its fields edit it through.

use crate::core::schema::{Schema, RESERVED_KEYS};
use std::collections::BTreeMap;
use yew::prelude::*;

/// The schema being edited, and for each label the name it had when editing began (so a
/// rename carries the label's spans along).
#[derive(Clone, PartialEq)]
pub(super) struct Draft {
    pub(super) schema: Schema,
    pub(super) origins: Vec<Vec<Option<String>>>,
}

impl Draft {
    pub(super) fn of(schema: &Schema) -> Self {
        let origins =
            schema.layers.iter().map(|l| l.labels.iter().map(|x| Some(x.name.clone())).collect()).collect();
        Draft { schema: schema.clone(), origins }
    }

    pub(super) fn renames(&self) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for (layer, origins) in self.schema.layers.iter().zip(&self.origins) {
            for (label, origin) in layer.labels.iter().zip(origins) {
                if let Some(old) = origin.as_ref().filter(|old| **old != label.name) {
                    out.insert(old.clone(), label.name.clone());
                }
            }
        }
        out
    }

    /// Renames a label everywhere the schema names it (relation ends, attribute targets).
    pub(super) fn rename_label(&mut self, old: &str, new: &str) {
        let names = self
            .schema
            .relations
            .iter_mut()
            .flat_map(|r| r.from.iter_mut().chain(r.to.iter_mut()))
            .chain(self.schema.attributes.iter_mut().flat_map(|a| a.labels.iter_mut()));
        for name in names.filter(|n| *n == old) {
            *name = new.to_string();
        }
    }

    /// Drops a deleted label from relation ends and attribute targets; relation types and
    /// attributes left with no label at all go too.
    pub(super) fn forget_label(&mut self, gone: &str) {
        for relation in &mut self.schema.relations {
            relation.from.retain(|l| l != gone);
            relation.to.retain(|l| l != gone);
        }
        self.schema.relations.retain(|r| !r.from.is_empty() && !r.to.is_empty());
        for attribute in &mut self.schema.attributes {
            attribute.labels.retain(|l| l != gone);
        }
        self.schema.attributes.retain(|a| !a.labels.is_empty());
    }

    pub(super) fn label_names(&self) -> Vec<String> {
        self.schema.labels().map(|l| l.name.clone()).collect()
    }

    pub(super) fn free_hotkey(&self) -> char {
        let used: Vec<char> = self.schema.labels().map(|l| l.hotkey).collect();
        "bcefghjkmnqsuvwxyz".chars().find(|c| !used.contains(c) && !RESERVED_KEYS.contains(c)).unwrap_or('z')
    }
}

fn checked_of(event: &Event) -> bool {
    event.target_unchecked_into::<web_sys::HtmlInputElement>().checked()
}

/// A callback that edits a copy of the draft with a field's committed text. The fields are
/// `TextField`s: a plain `<input value>` is reset whenever the editor renders again (the plan is
/// worked out a moment after each change), and a field being typed in lost its text.
pub(super) fn on_text(
    draft: &UseStateHandle<Draft>,
    edit: impl Fn(&mut Draft, String) + 'static,
) -> Callback<String> {
    let draft = draft.clone();
    Callback::from(move |value: String| {
        let mut next = (*draft).clone();
        edit(&mut next, value);
        draft.set(next);
    })
}

pub(super) fn on_checked(
    draft: &UseStateHandle<Draft>,
    edit: impl Fn(&mut Draft, bool) + 'static,
) -> Callback<Event> {
    let draft = draft.clone();
    Callback::from(move |event: Event| {
        let mut next = (*draft).clone();
        edit(&mut next, checked_of(&event));
        draft.set(next);
    })
}

pub(super) fn on_click(
    draft: &UseStateHandle<Draft>,
    edit: impl Fn(&mut Draft) + 'static,
) -> Callback<MouseEvent> {
    let draft = draft.clone();
    Callback::from(move |_: MouseEvent| {
        let mut next = (*draft).clone();
        edit(&mut next);
        draft.set(next);
    })
}

/// Checkboxes choosing labels from `all`, e.g. the ends of a relation type.
pub(super) fn label_checks(
    draft: &UseStateHandle<Draft>,
    all: &[String],
    chosen: &[String],
    testid: String,
    pick: fn(&mut Draft, usize) -> &mut Vec<String>,
    index: usize,
) -> Html {
    all.iter()
        .map(|name| {
            let name_for = name.clone();
            let onchange = on_checked(draft, move |d, on| {
                let list = pick(d, index);
                list.retain(|n| *n != name_for);
                if on {
                    list.push(name_for.clone());
                }
            });
            html! {
                <label class="schema__check">
                    <input type="checkbox" checked={chosen.contains(name)} data-testid={format!("{testid}-{name}")} {onchange} />
                    { name.clone() }
                </label>
            }
        })
        .collect()
}
