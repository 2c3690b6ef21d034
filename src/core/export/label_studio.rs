//! Label Studio JSON tasks (`<Labels>` on `<Text>`), offsets in code points, and the labeling
//! config that matches them.

use super::units::Record;
use super::LabelStudioKind;
use crate::core::schema::Schema;
use serde_json::json;

/// The `from_name` and `to_name` the config declares.
pub const FROM_NAME: &str = "label";
pub const TO_NAME: &str = "text";

pub fn write_tasks(records: &[Record], kind: LabelStudioKind) -> String {
    let tasks: Vec<_> = records
        .iter()
        .enumerate()
        .map(|(n, record)| {
            let result: Vec<_> = record
                .spans
                .iter()
                .map(|s| {
                    json!({
                        "id": format!("s{}", s.id.0), "from_name": FROM_NAME, "to_name": TO_NAME,
                        "type": "labels", "origin": "manual",
                        "value": {"start": s.start, "end": s.end, "text": s.text, "labels": [s.label]},
                    })
                })
                .collect();
            let mut task = json!({
                "id": n + 1,
                "data": {"text": record.text, "unit_id": record.id, "doc_id": record.doc_id.0, "doc_name": record.doc_name},
            });
            match kind {
                LabelStudioKind::Annotations => {
                    task["annotations"] = json!([{"result": result, "was_cancelled": false}]);
                }
                LabelStudioKind::Predictions => {
                    task["predictions"] = json!([{"model_version": "biaozhu", "result": result}]);
                }
            }
            task
        })
        .collect();
    serde_json::to_string_pretty(&tasks).expect("tasks serialise")
}

fn xml_attr(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The labeling config: one `<Labels>` over one `<Text>`, a `<Label>` per exported label.
pub fn config_xml(schema: &Schema, labels: &[String]) -> String {
    let mut xml = String::from("<View>\n");
    xml.push_str(&format!("  <Labels name=\"{FROM_NAME}\" toName=\"{TO_NAME}\">\n"));
    for label in schema.labels().filter(|l| labels.contains(&l.name)) {
        xml.push_str(&format!(
            "    <Label value=\"{}\" background=\"{}\" hotkey=\"{}\"/>\n",
            xml_attr(&label.name),
            xml_attr(&label.color),
            xml_attr(&label.hotkey.to_string())
        ));
    }
    xml.push_str("  </Labels>\n");
    xml.push_str(&format!("  <Text name=\"{TO_NAME}\" value=\"${TO_NAME}\"/>\n"));
    xml.push_str("</View>\n");
    xml
}
