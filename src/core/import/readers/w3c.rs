//! The W3C Web Annotation reader.

use super::super::{OffsetUnit, Parsed, RawDoc, RawRelation, RawSpan};
use super::{string_field, usize_field, InFile};
use serde_json::Value;

pub(super) fn read(file: &InFile, value: &Value) -> Result<Parsed, String> {
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
    if sources.is_empty() {
        return Err(format!(
            "{}: the annotations do not carry the texts they point at; this app imports W3C files that \
             include them (as its own exports do under \"biaozhu:sources\")",
            file.name
        ));
    }
    let mut docs: Vec<(String, RawDoc)> = sources
        .iter()
        .filter_map(|s| {
            let id = s["id"].as_str()?.to_string();
            let doc = RawDoc {
                id: string_field(s, "unit_id"),
                name: string_field(s, "name"),
                text: s["text"].as_str()?.to_string(),
                unit: Some(OffsetUnit::CodePoint),
                ..Default::default()
            };
            Some((id, doc))
        })
        .collect();
    // Tagging annotations are the spans; linking ones, read after, are relations between them.
    let mut span_at: Vec<(String, usize, usize)> = Vec::new(); // annotation IRI → (doc, span)
    for (n, item) in items.iter().enumerate().filter(|(_, i)| i["motivation"] != "linking") {
        let at = format!("{} annotation {}", file.name, n + 1);
        let source = item["target"]["source"].as_str().ok_or(format!("{at}: no target.source"))?;
        let doc = docs
            .iter_mut()
            .find(|(id, _)| id == source)
            .ok_or(format!("{at}: its source {source} is not in the file"))?;
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
        let label = bodies
            .iter()
            .filter(|b| !is_attribute(b))
            .find_map(|b| b["value"].as_str())
            .ok_or(format!("{at}: no body value (the label)"))?;
        let attributes = bodies
            .iter()
            .filter(|b| is_attribute(b))
            .filter_map(|b| {
                Some((b["biaozhu:attribute"].as_str()?.to_string(), b["value"].as_str()?.to_string()))
            })
            .collect();
        let (start, end) =
            position.and_then(|p| usize_field(p, "start").zip(usize_field(p, "end"))).unwrap_or((0, 0));
        let text = quote.and_then(|q| q["exact"].as_str()).map(str::to_string);
        if position.is_none() && text.is_none() {
            return Err(format!("{at}: neither a TextPositionSelector nor a TextQuoteSelector"));
        }
        doc.1.spans.push(RawSpan { start, end, label: label.to_string(), text, attributes });
        if let Some(iri) = item["id"].as_str() {
            let doc_index = docs_index(&docs_ids(&sources), source);
            span_at.push((iri.to_string(), doc_index, docs[doc_index].1.spans.len() - 1));
        }
    }
    for (n, item) in items.iter().enumerate().filter(|(_, i)| i["motivation"] == "linking") {
        let at = format!("{} annotation {}", file.name, n + 1);
        let find = |iri: Option<&str>| span_at.iter().find(|(id, _, _)| Some(id.as_str()) == iri);
        let bodies = item["body"].as_array().cloned().unwrap_or_default();
        let target = bodies.iter().find_map(|b| b.as_str().or_else(|| b["id"].as_str()));
        let kind = bodies.iter().find_map(|b| b["value"].as_str());
        match (find(item["target"].as_str().or_else(|| item["target"]["id"].as_str())), find(target), kind) {
            (Some((_, d1, from)), Some((_, d2, to)), Some(kind)) if d1 == d2 => {
                docs[*d1].1.relations.push(RawRelation { kind: kind.to_string(), from: *from, to: *to });
            }
            _ => {
                return Err(format!(
                    "{at}: a linking annotation needs two span annotations of one text and a type"
                ))
            }
        }
    }
    Ok(Parsed {
        format: "W3C Web Annotation",
        docs: docs.into_iter().map(|(_, d)| d).collect(),
        notes: Vec::new(),
    })
}

fn docs_ids(sources: &[Value]) -> Vec<String> {
    sources.iter().filter_map(|s| s["id"].as_str().map(str::to_string)).collect()
}

fn docs_index(ids: &[String], source: &str) -> usize {
    ids.iter().position(|id| id == source).expect("the source was found above")
}
