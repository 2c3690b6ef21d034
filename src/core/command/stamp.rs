//! Who made an edit: a command stamped with the annotator's name (see [`stamped`]), so that a
//! merged project keeps each annotator's work apart.

use super::{Annotated, Command};
use crate::core::document::DocId;
use crate::core::project::Project;
use std::rc::Rc;

/// `command` as made by `name`: new spans and relations without a name take it, and a change
/// to someone else's span or relation (label, attributes, type) is followed by a
/// [`Command::SetAnnotator`] in the same undo step. Only forward edits are stamped; undo and
/// redo restore what was there.
pub fn stamped(command: Command, name: &Rc<str>, project: &Project) -> Command {
    let mut steps = Vec::new();
    stamp_into(command, name, project, &mut steps);
    if steps.len() == 1 {
        steps.pop().expect("one step")
    } else {
        Command::Batch { steps }
    }
}

fn stamp_into(command: Command, name: &Rc<str>, project: &Project, out: &mut Vec<Command>) {
    let owned_by_other = |doc: &DocId, target: Annotated| {
        let Some(document) = project.document(doc) else { return false };
        let annotator = match target {
            Annotated::Span(span) => document.span(span).map(|s| &s.annotator),
            Annotated::Relation(relation) => document.relation(relation).map(|r| &r.annotator),
        };
        // A span added earlier in the same batch is not in the project yet; it was stamped.
        annotator.is_some_and(|a| a.as_deref() != Some(&**name))
    };
    match command {
        Command::AddSpan { doc, mut span } => {
            span.annotator.get_or_insert_with(|| name.clone());
            out.push(Command::AddSpan { doc, span });
        }
        Command::AddRelation { doc, mut relation } => {
            relation.annotator.get_or_insert_with(|| name.clone());
            out.push(Command::AddRelation { doc, relation });
        }
        Command::Batch { steps } => {
            let mut inner = Vec::with_capacity(steps.len());
            for step in steps {
                stamp_into(step, name, project, &mut inner);
            }
            out.push(Command::Batch { steps: inner });
        }
        change
        @ (Command::Relabel { .. } | Command::SetAttribute { .. } | Command::RetypeRelation { .. }) => {
            let target = match &change {
                Command::Relabel { doc, span, .. } | Command::SetAttribute { doc, span, .. } => {
                    Some((doc.clone(), Annotated::Span(*span)))
                }
                Command::RetypeRelation { doc, relation, .. } => {
                    Some((doc.clone(), Annotated::Relation(*relation)))
                }
                _ => None,
            };
            out.push(change);
            if let Some((doc, target)) = target.filter(|(doc, target)| owned_by_other(doc, *target)) {
                out.push(Command::SetAnnotator { doc, target, annotator: Some(name.clone()) });
            }
        }
        other => out.push(other),
    }
}
