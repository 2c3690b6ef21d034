//! The W3C Web Annotation reader.

use super::super::{OffsetUnit, Parsed, RawDoc, RawRelation, RawSpan};
use super::{
    malformed, short_json, string_field, usize_field, Flaw, Found, InFile, Passed, Place, ReadError, Unit,
    Unread,
};
use serde_json::Value;
use std::collections::HashMap;

pub(super) fn read(file: &InFile, value: &Value) -> Result<Parsed, ReadError> {
    let items: Vec<&Value> = if let Some(items) = value["first"]["items"].as_array() {
        items.iter().collect()
    } else if let Some(items) = value["items"].as_array() {
        items.iter().collect()
    } else if let Some(items) = value.as_array() {
        items.iter().collect()
    } else {
        vec![value]
    };
    let sources = value["biaozhu:sources"].as_array().cloned().unwrap_or_default();
    let mut docs: Vec<RawDoc> = Vec::new();
    // Source IRI → index in `docs`; sources without a text are listed, not indexed.
    let mut doc_of: HashMap<String, usize> = HashMap::new();
    let mut notes = Vec::new();
    for (n, source) in sources.iter().enumerate() {
        match (source["id"].as_str(), source["text"].as_str()) {
            (Some(id), Some(text)) => {
                if doc_of.insert(id.to_string(), docs.len()).is_some() {
                    let what = Flaw::SourceListedTwice { id: id.to_string() };
                    return Err(malformed(Place::nth(&file.name, Unit::Source, n + 1), what));
                }
                docs.push(RawDoc {
                    id: string_field(source, "unit_id"),
                    name: string_field(source, "name"),
                    text: text.to_string(),
                    unit: Some(OffsetUnit::CodePoint),
                    ..Default::default()
                });
            }
            _ => notes.push(Found {
                place: Place::nth(&file.name, Unit::Source, n + 1),
                what: Passed::SourceWithoutText,
            }),
        }
    }
    if docs.is_empty() {
        return Err(malformed(Place::file(&file.name), Flaw::TextsNotIncluded));
    }
    // Tagging annotations are the spans; linking ones, read after, are relations between them.
    let mut span_at: HashMap<String, (usize, usize)> = HashMap::new(); // annotation IRI → (doc, span)
    let mut unplaced = Vec::new();
    for (n, item) in items.iter().enumerate().filter(|(_, i)| i["motivation"] != "linking") {
        let at = Place::nth(&file.name, Unit::Annotation, n + 1);
        let source =
            item["target"]["source"].as_str().ok_or_else(|| malformed(at.clone(), Flaw::NoTargetSource))?;
        let Some(&doc) = doc_of.get(source) else {
            unplaced.push(Found { place: at, what: Unread::SourceHasNoText { source: source.to_string() } });
            continue;
        };
        let selectors: Vec<&Value> = match &item["target"]["selector"] {
            Value::Array(list) => list.iter().collect(),
            one => vec![one],
        };
        let position = selectors.iter().find(|s| s["type"] == "TextPositionSelector");
        let quote = selectors.iter().find(|s| s["type"] == "TextQuoteSelector");
        let bodies: Vec<&Value> = match &item["body"] {
            Value::Array(bodies) => bodies.iter().collect(),
            body => vec![body],
        };
        let is_attribute = |b: &Value| b.get("biaozhu:attribute").is_some();
        let Some(label) = bodies.iter().filter(|b| !is_attribute(b)).find_map(|b| b["value"].as_str()) else {
            docs[doc].problems.push(Found { place: at, what: Unread::NoBody });
            continue;
        };
        let attributes = bodies
            .iter()
            .filter(|b| is_attribute(b))
            .filter_map(|b| {
                Some((b["biaozhu:attribute"].as_str()?.to_string(), b["value"].as_str()?.to_string()))
            })
            .collect();
        let offsets = position.and_then(|p| usize_field(p, "start").zip(usize_field(p, "end")));
        let text = quote.and_then(|q| q["exact"].as_str()).map(str::to_string);
        let (start, end) = match (offsets, &text) {
            (Some(offsets), _) => offsets,
            // A quote alone is placed at its first occurrence.
            (None, Some(_)) if position.is_none() => (0, 0),
            _ => {
                let found = position.map(|p| short_json(p)).unwrap_or_else(|| "no selector".into());
                let what = Unread::NoPosition { label: label.to_string(), found };
                docs[doc].problems.push(Found { place: at, what });
                continue;
            }
        };
        docs[doc].spans.push(RawSpan { start, end, label: label.to_string(), text, attributes });
        if let Some(iri) = item["id"].as_str() {
            span_at.insert(iri.to_string(), (doc, docs[doc].spans.len() - 1));
        }
    }
    for (n, item) in items.iter().enumerate().filter(|(_, i)| i["motivation"] == "linking") {
        let at = Place::nth(&file.name, Unit::Annotation, n + 1);
        let find = |iri: Option<&str>| iri.and_then(|iri| span_at.get(iri));
        let bodies = item["body"].as_array().cloned().unwrap_or_default();
        let target = bodies.iter().find_map(|b| b.as_str().or_else(|| b["id"].as_str()));
        let kind = bodies.iter().find_map(|b| b["value"].as_str());
        let source = item["target"].as_str().or_else(|| item["target"]["id"].as_str());
        match (find(source), find(target), kind) {
            (Some(&(d1, from)), Some(&(d2, to)), Some(kind)) if d1 == d2 => {
                docs[d1].relations.push(RawRelation { kind: kind.to_string(), from, to });
            }
            _ => unplaced.push(Found { place: at, what: Unread::Link }),
        }
    }
    // Problems that belong to no document are listed with the first.
    docs[0].problems.extend(unplaced);
    Ok(Parsed { format: "W3C Web Annotation", docs, notes, table: None })
}
