//! CoNLL-style character-level tags: `CHAR<TAB>TAG` per line, a blank line between records.
//! Whitespace characters get no line (they cannot be a token in this format); a tag column
//! cannot hold overlapping spans, so overlaps are reported and the export stops.

use super::tokens::{char_tags, TagScheme};
use super::units::{Record, RecordSpan};

/// Spans of `record` that overlap another span of it, as messages.
pub fn overlaps(record: &Record) -> Vec<String> {
    let mut problems = Vec::new();
    let spans = &record.spans;
    for (i, a) in spans.iter().enumerate() {
        for b in &spans[i + 1..] {
            if a.start < b.end && b.start < a.end {
                problems.push(format!(
                    "{}: {} span {} «{}» overlaps {} span {} «{}»; one tag column cannot hold both, \
                     so leave one label or layer out",
                    record.id, a.label, a.id.0, a.text, b.label, b.id.0, b.text
                ));
            }
        }
    }
    problems
}

/// The record's tags, or the overlaps that prevent them.
pub fn tagged(record: &Record, scheme: TagScheme) -> Result<Vec<(char, String)>, Vec<String>> {
    let problems = overlaps(record);
    if !problems.is_empty() {
        return Err(problems);
    }
    let spans: Vec<&RecordSpan> = record.spans.iter().collect();
    Ok(char_tags(record, &spans, scheme))
}

pub fn write(records: &[Record], scheme: TagScheme) -> Result<String, Vec<String>> {
    let mut out = String::new();
    let mut problems = Vec::new();
    for record in records {
        match tagged(record, scheme) {
            Ok(tags) => {
                for (c, tag) in tags {
                    out.push_str(&format!("{c}\t{tag}\n"));
                }
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
