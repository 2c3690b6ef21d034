//! CoNLL-style character-level tags: `CHAR<TAB>TAG` per line, a blank line between records.
//! Whitespace characters get no line (they cannot be a token in this format); a tag column
//! cannot hold overlapping spans, so overlaps are reported and the export stops.

use super::problem::{ExportProblem, NamedSpan};
use super::tokens::{char_tags, TagScheme};
use super::units::{Record, RecordSpan};
use crate::core::compact_sort;
use crate::core::offsets::excerpt;

/// Spans of `record` that overlap another span of it, as messages: each span that starts
/// before an earlier one ends is named with the earlier span reaching furthest. One sweep in
/// start order, so a record with thousands of spans costs no more than sorting them.
pub fn overlaps(record: &Record) -> Vec<ExportProblem> {
    let mut order: Vec<&RecordSpan> = record.spans.iter().collect();
    compact_sort::sort_by_key(&mut order, |s| (s.start, s.end));
    let mut problems = Vec::new();
    let mut reach: Option<&RecordSpan> = None;
    for b in order {
        if let Some(a) = reach.filter(|a| b.start < a.end) {
            let named =
                |s: &RecordSpan| NamedSpan { label: s.label.clone(), id: s.id.0, text: excerpt(&s.text) };
            problems.push(ExportProblem::Overlap {
                record: record.id.clone(),
                first: named(a),
                second: named(b),
            });
        }
        if reach.is_none_or(|a| b.end > a.end) {
            reach = Some(b);
        }
    }
    problems
}

/// The record's tags, or the overlaps that prevent them.
pub fn tagged(record: &Record, scheme: TagScheme) -> Result<Vec<(char, String)>, Vec<ExportProblem>> {
    let problems = overlaps(record);
    if !problems.is_empty() {
        return Err(problems);
    }
    let spans: Vec<&RecordSpan> = record.spans.iter().collect();
    Ok(char_tags(record, &spans, scheme))
}

/// Writes each record's tags with `line`, collecting the overlaps that stop a record instead.
pub fn write_tagged(
    records: &[Record],
    scheme: TagScheme,
    mut line: impl FnMut(&Record, Vec<(char, String)>) -> String,
) -> Result<String, Vec<ExportProblem>> {
    let mut out = String::new();
    let mut problems = Vec::new();
    for record in records {
        match tagged(record, scheme) {
            Ok(tags) => out.push_str(&line(record, tags)),
            Err(mut p) => problems.append(&mut p),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

pub fn write(records: &[Record], scheme: TagScheme) -> Result<String, Vec<ExportProblem>> {
    write_tagged(records, scheme, |_, tags| {
        let mut block: String = tags.into_iter().map(|(c, tag)| format!("{c}\t{tag}\n")).collect();
        block.push('\n');
        block
    })
}
