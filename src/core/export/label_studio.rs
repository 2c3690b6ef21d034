//! Label Studio JSON tasks (`<Labels>` on `<Text>`), offsets in code points, and the labeling
//! config that matches them.

use super::units::Record;
use super::LabelStudioKind;
use crate::core::schema::Schema;
use serde_json::json;

/// The `from_name` and `to_name` the config declares.
pub const FROM_NAME: &str = "label";
pub const TO_NAME: &str = "text";
/// The `model_version` of the prediction that holds the suggestion layer.
pub const SUGGESTIONS_VERSION: &str = "biaozhu-suggestions";

/// The tasks of `records`: their spans as annotations or as a prediction (`kind`), and with
/// `suggestions` the suggestion layer as a prediction of its own (`model_version`
/// `biaozhu-suggestions`, each region with its `score` where it has one and its source in
/// `meta`).
pub fn write_tasks(
    records: &[Record],
    kind: LabelStudioKind,
    suggestions: bool,
    schema: &Schema,
    first_id: usize,
) -> String {
    let tasks: Vec<_> = records
        .iter()
        .enumerate()
        .map(|(n, record)| {
            let mut result: Vec<_> = record
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
            // Attributes as per-region results on the same region id: choices or a text area.
            for span in &record.spans {
                for (name, value) in &span.attributes {
                    let free = schema.attribute(name).is_none_or(|a| a.is_free_text());
                    let (kind, value) = if free {
                        ("textarea", json!({"start": span.start, "end": span.end, "text": [value]}))
                    } else {
                        ("choices", json!({"start": span.start, "end": span.end, "choices": [value]}))
                    };
                    result.push(json!({
                        "id": format!("s{}", span.id.0), "from_name": name, "to_name": TO_NAME,
                        "type": kind, "origin": "manual", "value": value,
                    }));
                }
            }
            for relation in &record.relations {
                result.push(json!({
                    "from_id": format!("s{}", relation.from.0), "to_id": format!("s{}", relation.to.0),
                    "type": "relation", "direction": "right", "labels": [relation.kind],
                }));
            }
            let mut task = json!({
                "id": first_id + n,
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
            if suggestions && !record.suggestions.is_empty() {
                let proposed: Vec<_> = record
                    .suggestions
                    .iter()
                    .enumerate()
                    .map(|(k, s)| {
                        let mut region = json!({
                            "id": format!("g{k}"), "from_name": FROM_NAME, "to_name": TO_NAME,
                            "type": "labels", "origin": "prediction", "meta": {"source": s.source},
                            "value": {"start": s.start, "end": s.end, "text": s.text, "labels": [s.label]},
                        });
                        if let Some(score) = s.score {
                            region["score"] = json!(score);
                        }
                        region
                    })
                    .collect();
                let prediction = json!({"model_version": SUGGESTIONS_VERSION, "result": proposed});
                match task.get_mut("predictions").and_then(|p| p.as_array_mut()) {
                    Some(predictions) => predictions.push(prediction),
                    None => task["predictions"] = json!([prediction]),
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
    if !schema.relations.is_empty() {
        xml.push_str("  <Relations>\n");
        for relation in &schema.relations {
            xml.push_str(&format!("    <Relation value=\"{}\"/>\n", xml_attr(&relation.name)));
        }
        xml.push_str("  </Relations>\n");
    }
    // Attributes as per-region controls, shown for the labels they apply to.
    for attribute in schema.attributes.iter().filter(|a| a.labels.iter().any(|l| labels.contains(l))) {
        let when =
            attribute.labels.iter().filter(|l| labels.contains(l)).cloned().collect::<Vec<_>>().join(",");
        if attribute.is_free_text() {
            xml.push_str(&format!(
                "  <TextArea name=\"{}\" toName=\"{TO_NAME}\" perRegion=\"true\" whenTagName=\"{FROM_NAME}\" whenLabelValue=\"{}\"/>\n",
                xml_attr(&attribute.name),
                xml_attr(&when)
            ));
        } else {
            xml.push_str(&format!(
                "  <Choices name=\"{}\" toName=\"{TO_NAME}\" perRegion=\"true\" whenTagName=\"{FROM_NAME}\" whenLabelValue=\"{}\">\n",
                xml_attr(&attribute.name),
                xml_attr(&when)
            ));
            for value in &attribute.values {
                xml.push_str(&format!("    <Choice value=\"{}\"/>\n", xml_attr(value)));
            }
            xml.push_str("  </Choices>\n");
        }
    }
    xml.push_str(&format!("  <Text name=\"{TO_NAME}\" value=\"${TO_NAME}\"/>\n"));
    xml.push_str("</View>\n");
    xml
}
