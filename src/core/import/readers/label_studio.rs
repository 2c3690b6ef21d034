//! The Label Studio JSON task reader.

use super::super::{Parsed, RawDoc, RawRelation, RawSpan};
use super::{
    malformed, string_field, usize_field, Flaw, Found, InFile, Passed, Place, ReadError, Unit, Unread,
};
use serde_json::Value;

pub(super) fn read(file: &InFile, tasks: &[Value]) -> Result<Parsed, ReadError> {
    let mut docs = Vec::new();
    let mut notes = Vec::new();
    for (n, task) in tasks.iter().enumerate() {
        let at = Place::nth(&file.name, Unit::Task, n + 1);
        let data = &task["data"];
        let text = data["text"]
            .as_str()
            .or_else(|| data.as_object().and_then(|o| o.values().find_map(Value::as_str)))
            .ok_or_else(|| malformed(at.clone(), Flaw::DataHasNoText))?
            .to_string();
        let annotation = task["annotations"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["was_cancelled"] != Value::Bool(true)))
            .or_else(|| task["predictions"].as_array().and_then(|p| p.first()));
        let mut spans = Vec::new();
        let mut problems = Vec::new();
        // Region id of each span, for relations and per-region results.
        let mut region_of: Vec<Option<String>> = Vec::new();
        let results = annotation.and_then(|a| a["result"].as_array()).cloned().unwrap_or_default();
        for result in results.iter().filter(|r| r["type"] == "labels" || r["value"]["labels"].is_array()) {
            let value = &result["value"];
            let (Some(start), Some(end)) = (usize_field(value, "start"), usize_field(value, "end")) else {
                let what = Unread::RegionOffsets {
                    region: result["id"].to_string(),
                    start: value["start"].to_string(),
                    end: value["end"].to_string(),
                };
                problems.push(Found { place: at.clone(), what });
                continue;
            };
            let labels = value["labels"].as_array().cloned().unwrap_or_default();
            for label in labels.iter().filter_map(Value::as_str) {
                spans.push(RawSpan {
                    start,
                    end,
                    label: label.to_string(),
                    text: value["text"].as_str().map(str::to_string),
                    ..Default::default()
                });
                region_of.push(result["id"].as_str().map(str::to_string));
            }
        }
        let region =
            |id: &Value| id.as_str().and_then(|id| region_of.iter().position(|r| r.as_deref() == Some(id)));
        let mut relations = Vec::new();
        for result in &results {
            match result["type"].as_str() {
                Some("relation") => {
                    let kind = result["labels"].as_array().and_then(|l| l.first()).and_then(Value::as_str);
                    // A relation drawn "left" runs from the second region to the first.
                    let (a, b) = (region(&result["from_id"]), region(&result["to_id"]));
                    let (from, to) = if result["direction"] == "left" { (b, a) } else { (a, b) };
                    match (from, to, kind) {
                        (Some(from), Some(to), Some(kind)) => {
                            relations.push(RawRelation { kind: kind.to_string(), from, to })
                        }
                        _ => problems.push(Found {
                            place: at.clone(),
                            what: Unread::RegionRelation {
                                from: result["from_id"].to_string(),
                                to: result["to_id"].to_string(),
                            },
                        }),
                    }
                }
                Some("choices") | Some("textarea") => {
                    let value = &result["value"];
                    let answer =
                        value["choices"].as_array().or(value["text"].as_array()).and_then(|v| v.first());
                    let (Some(name), Some(answer)) =
                        (result["from_name"].as_str(), answer.and_then(Value::as_str))
                    else {
                        continue;
                    };
                    // Per-region answers share the id of their region; several spans may.
                    for (i, r) in region_of.iter().enumerate() {
                        if r.is_some() && r.as_deref() == result["id"].as_str() {
                            spans[i].attributes.insert(name.to_string(), answer.to_string());
                        }
                    }
                }
                _ => {}
            }
        }
        if annotation.is_none() {
            notes.push(Found { place: at, what: Passed::NoAnnotation });
        }
        let id = string_field(data, "unit_id").or_else(|| string_field(data, "doc_id"));
        let name = string_field(data, "doc_name")
            .or_else(|| {
                string_field(task, "id").map(|i| format!("{} task {i}", super::base_name(&file.name)))
            })
            .or_else(|| Some(format!("{} task {}", super::base_name(&file.name), n + 1)));
        docs.push(RawDoc { id, name, text, spans, unit: None, relations, problems });
    }
    Ok(Parsed { format: "Label Studio JSON", docs, notes, table: None })
}
