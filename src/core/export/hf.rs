//! Hugging Face `datasets` JSONL: `{"id", "tokens", "ner_tags"}` with one token per
//! non-whitespace code point and integer tags indexing `labels.json`.

use super::conll::write_tagged;
use super::problem::ExportProblem;
use super::tokens::TagScheme;
use super::units::Record;
use serde_json::json;

pub fn write(records: &[Record], scheme: TagScheme, names: &[String]) -> Result<String, Vec<ExportProblem>> {
    write_tagged(records, scheme, |record, tags| {
        let tokens: Vec<String> = tags.iter().map(|(c, _)| c.to_string()).collect();
        let ids: Vec<usize> = tags
            .iter()
            .map(|(_, tag)| names.iter().position(|n| n == tag).expect("tag names cover every label"))
            .collect();
        format!(
            "{}\n",
            json!({"id": record.id, "tokens": tokens, "ner_tags": ids, "doc_id": record.doc_id.0})
        )
    })
}
