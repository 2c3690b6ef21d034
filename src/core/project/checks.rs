//! What an edit must pass before it is made: a span on a range (overlaps within its layer), a
//! relation between two spans (the schema's types and their ends), an attribute's value, and
//! suggestions on a document. Each refusal is an [`EditError`] naming what is in the way.

use super::Project;
use crate::core::document::{DocId, RelationId, SpanId};
use crate::core::error::{EditError, Overlap};
use crate::core::offsets::CharRange;
use crate::core::suggestion::Suggestion;
use crate::core::wire::suggestion_fits;

impl Project {
    /// Checks a relation of type `kind` from span `from` to span `to` in `doc`, ignoring
    /// relation `except` (the one being retyped).
    pub fn check_relation(
        &self,
        doc: &DocId,
        kind: &str,
        from: SpanId,
        to: SpanId,
        except: Option<RelationId>,
    ) -> Result<(), EditError> {
        let document = self.loaded_document(doc)?;
        let relation_type = self
            .schema
            .relation_type(kind)
            .ok_or_else(|| EditError::UnknownRelationType { kind: kind.to_string() })?;
        let span =
            |id| document.span(id).ok_or_else(|| EditError::UnknownSpan { doc: doc.clone(), span: id });
        let (source, target) = (span(from)?, span(to)?);
        if from == to {
            return Err(EditError::SelfRelation { span: from });
        }
        if !relation_type.allows(&source.label, &target.label) {
            return Err(EditError::RelationNotAllowed {
                kind: kind.to_string(),
                from_label: source.label.to_string(),
                to_label: target.label.to_string(),
                allowed_from: relation_type.from.clone(),
                allowed_to: relation_type.to.clone(),
            });
        }
        let duplicate = document
            .relations()
            .iter()
            .any(|r| Some(r.id) != except && r.kind == kind && r.from == from && r.to == to);
        if duplicate {
            return Err(EditError::DuplicateRelation { kind: kind.to_string(), from, to });
        }
        Ok(())
    }

    /// Checks that `value` may be set as attribute `name` of span `span`.
    pub fn check_attribute(
        &self,
        doc: &DocId,
        span: SpanId,
        name: &str,
        value: Option<&str>,
    ) -> Result<(), EditError> {
        let document = self.loaded_document(doc)?;
        let span = document.span(span).ok_or_else(|| EditError::UnknownSpan { doc: doc.clone(), span })?;
        let applies = self.schema.attributes_for(&span.label).find(|a| a.name == name);
        let Some(attribute) = applies else {
            return Err(EditError::AttributeNotForLabel {
                name: name.to_string(),
                label: span.label.to_string(),
            });
        };
        match value {
            Some(value) if !attribute.is_free_text() && !attribute.values.iter().any(|v| v == value) => {
                Err(EditError::BadAttributeValue {
                    name: name.to_string(),
                    value: value.to_string(),
                    allowed: attribute.values.clone(),
                })
            }
            _ => Ok(()),
        }
    }

    /// Checks that `label` may be put on `range` of `doc`, ignoring span `except` (the span being
    /// relabelled). The error names the span in the way.
    pub fn check_span(
        &self,
        doc: &DocId,
        range: CharRange,
        label: &str,
        except: Option<SpanId>,
        annotator: Option<&str>,
    ) -> Result<(), EditError> {
        let document = self.loaded_document(doc)?;
        let layer = self
            .schema
            .layer_of(label)
            .ok_or_else(|| EditError::UnknownLabel { label: label.to_string() })?;
        if range.is_empty() {
            return Err(EditError::EmptyRange { doc: doc.clone() });
        }
        if !document.contains_range(range) {
            return Err(EditError::OutOfRange { doc: doc.clone(), range, len: document.char_len() });
        }
        if layer.allow_overlap {
            return Ok(());
        }
        let in_the_way = document.spans_overlapping(range).find(|other| {
            Some(other.id) != except
                && same_owner(annotator, other.annotator.as_deref())
                && self.schema.layer_of(&other.label).map(|l| &l.name) == Some(&layer.name)
        });
        match in_the_way {
            None => Ok(()),
            Some(other) => Err(EditError::Overlap(Box::new(Overlap {
                doc: doc.clone(),
                label: label.to_string(),
                range,
                other: other.id,
                other_label: other.label.to_string(),
                other_range: other.range,
                other_text: crate::core::offsets::excerpt(document.slice(other.range)),
            }))),
        }
    }

    /// Checks that every suggestion fits document `doc` and names a label of the schema.
    pub fn check_suggestions(&self, doc: &DocId, suggestions: &[Suggestion]) -> Result<(), EditError> {
        let document = self.loaded_document(doc)?;
        for suggestion in suggestions {
            if self.schema.layer_of(&suggestion.label).is_none() {
                return Err(EditError::UnknownLabel { label: suggestion.label.to_string() });
            }
            if !suggestion_fits(suggestion, document.char_len()) {
                return Err(EditError::BadSuggestion {
                    doc: doc.clone(),
                    label: suggestion.label.to_string(),
                    range: suggestion.range(),
                });
            }
        }
        Ok(())
    }
}

/// Whether spans by these annotators can be in each other's way: each annotator's spans are
/// checked against their own only, so merged projects hold everyone's work side by side; a
/// span without a name (made before names were kept) is in everyone's way.
pub fn same_owner(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}
