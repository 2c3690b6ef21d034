//! doccano JSONL, in both shapes its importer reads. Offsets are code points, as Python
//! consumers expect; the UTF-16 variant is only for files going back into doccano's own
//! interface, which counts UTF-16 code units (doccano issue #2290).

use super::units::Record;
use crate::core::offsets::utf16_offsets;
use serde_json::json;

/// `{"id", "text", "label": [[start, end, label], …]}` per record, plus the record's origin;
/// ids count from `first_id` (an export written in pieces goes on counting).
pub fn write_labels(records: &[Record], utf16: bool, first_id: usize) -> String {
    let mut out = String::new();
    for (n, record) in records.iter().enumerate() {
        // UTF-16 offset of every code point, computed once per record.
        let table: Vec<usize> = if utf16 { utf16_offsets(&record.text) } else { Vec::new() };
        let unit = |cp: usize| if utf16 { table[cp] } else { cp };
        let labels: Vec<_> =
            record.spans.iter().map(|s| json!([unit(s.start), unit(s.end), s.label])).collect();
        let line = json!({
            "id": first_id + n, "text": record.text, "label": labels,
            "unit_id": record.id, "doc_id": record.doc_id.0, "doc_name": record.doc_name,
            "offset_unit": if utf16 { "utf16" } else { "codepoint" },
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

/// `{"id", "text", "entities": [{id, label, start_offset, end_offset}], "relations": []}`, ids
/// from `first_id`.
pub fn write_entities(records: &[Record], first_id: usize) -> String {
    let mut out = String::new();
    for (n, record) in records.iter().enumerate() {
        let entities: Vec<_> = record
            .spans
            .iter()
            .map(|s| json!({"id": s.id.0, "label": s.label, "start_offset": s.start, "end_offset": s.end}))
            .collect();
        let relations: Vec<_> = record
            .relations
            .iter()
            .map(|r| json!({"id": r.id.0, "from_id": r.from.0, "to_id": r.to.0, "type": r.kind}))
            .collect();
        let line = json!({
            "id": first_id + n, "text": record.text, "entities": entities, "relations": relations,
            "unit_id": record.id, "doc_id": record.doc_id.0, "doc_name": record.doc_name,
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}
