//! The W3C Web Annotation reader.

use super::super::{OffsetUnit, Parsed, RawDoc, RawSpan};
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
                spans: Vec::new(),
                unit: Some(OffsetUnit::CodePoint),
            };
            Some((id, doc))
        })
        .collect();
    // Linking annotations (relations) are not imported yet; tagging ones are the spans.
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
        let label = match &item["body"] {
            Value::Array(bodies) => bodies.iter().find_map(|b| b["value"].as_str()),
            body => body["value"].as_str(),
        }
        .ok_or(format!("{at}: no body value (the label)"))?;
        let (start, end) =
            position.and_then(|p| usize_field(p, "start").zip(usize_field(p, "end"))).unwrap_or((0, 0));
        let text = quote.and_then(|q| q["exact"].as_str()).map(str::to_string);
        if position.is_none() && text.is_none() {
            return Err(format!("{at}: neither a TextPositionSelector nor a TextQuoteSelector"));
        }
        doc.1.spans.push(RawSpan { start, end, label: label.to_string(), text });
    }
    Ok(Parsed {
        format: "W3C Web Annotation",
        docs: docs.into_iter().map(|(_, d)| d).collect(),
        notes: Vec::new(),
    })
}
