//! Hugging Face `datasets` JSONL: `{"id", "tokens", "ner_tags"}` with one token per
//! non-whitespace code point and integer tags indexing `labels.json`.

use super::conll::tagged;
use super::tokens::TagScheme;
use super::units::Record;
use serde_json::json;

pub fn write(records: &[Record], scheme: TagScheme, names: &[String]) -> Result<String, Vec<String>> {
    let mut out = String::new();
    let mut problems = Vec::new();
    for record in records {
        match tagged(record, scheme) {
            Ok(tags) => {
                let tokens: Vec<String> = tags.iter().map(|(c, _)| c.to_string()).collect();
                let ids: Vec<usize> = tags
                    .iter()
                    .map(|(_, tag)| names.iter().position(|n| n == tag).expect("tag names cover every label"))
                    .collect();
                let line =
                    json!({"id": record.id, "tokens": tokens, "ner_tags": ids, "doc_id": record.doc_id.0});
                out.push_str(&line.to_string());
                out.push('\n');
            }
            Err(mut p) => problems.append(&mut p),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}
