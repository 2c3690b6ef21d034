//! Drawing a relation: the target, and its type when several fit.

use super::Said;
use super::{EditorAction, EditorState, Notice};
use crate::core::{Document, Schema, SpanId};
use std::rc::Rc;

impl EditorState {
    /// Relation types that fit the pending source and target, in schema order.
    pub fn pending_link_types(&self) -> Vec<String> {
        match (self.pending_link, self.document()) {
            (Some((from, to)), Some(doc)) => link_types(doc, &self.project().schema, from, to),
            _ => Vec::new(),
        }
    }

    /// The target of a relation was clicked: create it if one type fits, ask if several do,
    /// and say why not if none does.
    pub(super) fn link_target_chosen(&mut self, from: SpanId, to: SpanId) {
        let Some(doc) = self.document() else { return };
        let (Some(source), Some(target)) = (doc.span(from), doc.span(to)) else { return };
        let (source_label, target_label) = (source.label.to_string(), target.label.to_string());
        self.pending_link = Some((from, to));
        let kinds = self.pending_link_types();
        match kinds.as_slice() {
            [] => {
                self.pending_link = None;
                let from_here: Vec<String> = self
                    .project()
                    .schema
                    .relations
                    .iter()
                    .filter(|r| r.from.contains(&source_label))
                    .map(|r| format!("{} → {}", r.name, r.to.join("/")))
                    .collect();
                self.notice = Some(Notice::error(Said::NoRelationType {
                    from: source_label.to_string(),
                    to: target_label.to_string(),
                    options: from_here,
                }));
            }
            [only] => {
                let only = only.clone();
                self.apply(EditorAction::ChooseRelationType(only));
            }
            several => {
                let pair = (source_label, target_label);
                match self.relation_defaults.get(&pair).filter(|kind| several.contains(kind)).cloned() {
                    Some(kind) => {
                        self.apply(EditorAction::ChooseRelationType(kind.clone()));
                        if self.notice.is_none() {
                            self.notice = Some(Notice::info(Said::RelationTypeRepeated {
                                kind: kind.to_string(),
                                from: pair.0.to_string(),
                                to: pair.1.to_string(),
                            }));
                        }
                    }
                    None => self.notice = Some(Notice::info(Said::ChooseRelationType)),
                }
            }
        }
    }

    /// Remembers `kind`, chosen for the pending relation, as the default of its pair of labels
    /// when the picker had to ask.
    pub(super) fn remember_relation_type(&mut self, kind: &str) {
        let Some((from, to)) = self.pending_link else { return };
        let Some(doc) = self.document() else { return };
        let (Some(source), Some(target)) = (doc.span(from), doc.span(to)) else { return };
        if link_types(doc, &self.project().schema, from, to).len() > 1 {
            let pair = (source.label.to_string(), target.label.to_string());
            if self.relation_defaults.get(&pair).map(String::as_str) != Some(kind) {
                Rc::make_mut(&mut self.relation_defaults).insert(pair, kind.to_string());
            }
        }
    }
}

/// The relation types the schema allows from span `from` to span `to` of `doc`.
pub fn link_types(doc: &Document, schema: &Schema, from: SpanId, to: SpanId) -> Vec<String> {
    match (doc.span(from), doc.span(to)) {
        (Some(a), Some(b)) => {
            schema.relation_types_between(&a.label, &b.label).map(|r| r.name.clone()).collect()
        }
        _ => Vec::new(),
    }
}
