//! The W3C Web Annotation reader.

use super::super::{OffsetUnit, Parsed, RawDoc, RawRelation, RawSpan};
use super::{malformed, short_json, string_field, usize_field, InFile, ReadError};
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
                    return Err(malformed(
                        &file.name,
                        format!("source {id} is listed twice in \"biaozhu:sources\""),
                    ));
                }
                docs.push(RawDoc {
                    id: string_field(source, "unit_id"),
                    name: string_field(source, "name"),
                    text: text.to_string(),
                    unit: Some(OffsetUnit::CodePoint),
                    ..Default::default()
                });
            }
            _ => notes.push(format!(
                "{}: source {} in \"biaozhu:sources\" has no id or no text and is skipped",
                file.name,
                n + 1
            )),
        }
    }
    if docs.is_empty() {
        return Err(malformed(
            &file.name,
            "the annotations do not carry the texts they point at; this app imports W3C files that \
             include them (as its own exports do under \"biaozhu:sources\")",
        ));
    }
    // Tagging annotations are the spans; linking ones, read after, are relations between them.
    let mut span_at: HashMap<String, (usize, usize)> = HashMap::new(); // annotation IRI → (doc, span)
    let mut unplaced = Vec::new();
    for (n, item) in items.iter().enumerate().filter(|(_, i)| i["motivation"] != "linking") {
        let at = format!("{} annotation {}", file.name, n + 1);
        let source = item["target"]["source"].as_str().ok_or_else(|| malformed(&at, "no target.source"))?;
        let Some(&doc) = doc_of.get(source) else {
            unplaced.push(format!("{at}: its source {source} has no text in the file; the span is left out"));
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
            docs[doc].problems.push(format!("{at}: no body value (the label); the span is left out"));
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
                docs[doc].problems.push(format!(
                    "{at}: {label} span has neither whole-number positions nor a quote ({found}); it is left out"
                ));
                continue;
            }
        };
        docs[doc].spans.push(RawSpan { start, end, label: label.to_string(), text, attributes });
        if let Some(iri) = item["id"].as_str() {
            span_at.insert(iri.to_string(), (doc, docs[doc].spans.len() - 1));
        }
    }
    for (n, item) in items.iter().enumerate().filter(|(_, i)| i["motivation"] == "linking") {
        let at = format!("{} annotation {}", file.name, n + 1);
        let find = |iri: Option<&str>| iri.and_then(|iri| span_at.get(iri));
        let bodies = item["body"].as_array().cloned().unwrap_or_default();
        let target = bodies.iter().find_map(|b| b.as_str().or_else(|| b["id"].as_str()));
        let kind = bodies.iter().find_map(|b| b["value"].as_str());
        let source = item["target"].as_str().or_else(|| item["target"]["id"].as_str());
        match (find(source), find(target), kind) {
            (Some(&(d1, from)), Some(&(d2, to)), Some(kind)) if d1 == d2 => {
                docs[d1].relations.push(RawRelation { kind: kind.to_string(), from, to });
            }
            _ => unplaced.push(format!(
                "{at}: a linking annotation is left out: it needs two span annotations of one text and a type"
            )),
        }
    }
    // Problems that belong to no document are listed with the first.
    docs[0].problems.extend(unplaced);
    Ok(Parsed { format: "W3C Web Annotation", docs, notes, table: None })
}
