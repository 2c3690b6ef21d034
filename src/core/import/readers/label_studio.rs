//! The Label Studio JSON task reader.

use super::super::{Parsed, RawDoc, RawSpan};
use super::{string_field, usize_field, InFile};
use serde_json::Value;

pub(super) fn read(file: &InFile, tasks: &[Value]) -> Result<Parsed, String> {
    let mut docs = Vec::new();
    let mut notes = Vec::new();
    for (n, task) in tasks.iter().enumerate() {
        let at = format!("{} task {}", file.name, n + 1);
        let data = &task["data"];
        let text = data["text"]
            .as_str()
            .or_else(|| data.as_object().and_then(|o| o.values().find_map(Value::as_str)))
            .ok_or(format!("{at}: data has no text"))?
            .to_string();
        let annotation = task["annotations"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["was_cancelled"] != Value::Bool(true)))
            .or_else(|| task["predictions"].as_array().and_then(|p| p.first()));
        let mut spans = Vec::new();
        for result in annotation.and_then(|a| a["result"].as_array()).into_iter().flatten() {
            let value = &result["value"];
            let (Some(start), Some(end)) = (usize_field(value, "start"), usize_field(value, "end")) else {
                continue; // relations and other result types
            };
            let labels = value["labels"].as_array().cloned().unwrap_or_default();
            for label in labels.iter().filter_map(Value::as_str) {
                spans.push(RawSpan {
                    start,
                    end,
                    label: label.to_string(),
                    text: value["text"].as_str().map(str::to_string),
                });
            }
        }
        if annotation.is_none() {
            notes.push(format!("{at} has no annotation or prediction; its text is imported without spans"));
        }
        let id = string_field(data, "unit_id").or_else(|| string_field(data, "doc_id"));
        let name = string_field(data, "doc_name")
            .or_else(|| string_field(task, "id").map(|i| format!("Label Studio task {i}")));
        docs.push(RawDoc { id, name, text, spans, unit: None });
    }
    Ok(Parsed { format: "Label Studio JSON", docs, notes })
}
