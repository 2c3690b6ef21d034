//! The self-check run before every download: the written files are read back the way a consumer
//! reads them, and must give back exactly the records exported, in order, with every span's
//! label and text. Output that does not parse, is empty, or holds a different number of records
//! or spans fails the check, each problem naming the file, line or record.

use super::read_back::read_back;
use super::units::Record;
use super::{ExportProblem, Format, OutFile};
use crate::core::compact_sort;

/// Checks the files written for `records` (one part of the export). Returns the problems.
pub fn check_part(format: Format, files: &[OutFile], records: &[Record]) -> Vec<ExportProblem> {
    let read = match read_back(format, files, records) {
        Ok(read) => read,
        Err(problem) => {
            let what = format!("the output cannot be read back: {problem}");
            return vec![ExportProblem::SelfCheck { record: None, what }];
        }
    };
    if read.len() != records.len() {
        let what =
            format!("{} record(s) were exported but {} read back from the files", records.len(), read.len());
        return vec![ExportProblem::SelfCheck { record: None, what }];
    }
    let mut problems = Vec::new();
    // Tagged formats hold no whitespace: their span texts are compared without it.
    let tagged = format.is_tagged();
    let norm =
        |s: &str| if tagged { s.chars().filter(|c| !c.is_whitespace()).collect() } else { s.to_string() };
    for (record, back) in records.iter().zip(read) {
        let mut fail =
            |what: String| problems.push(ExportProblem::SelfCheck { record: Some(record.id.clone()), what });
        if back.spans.len() != record.spans.len() {
            fail(format!("{} span(s) exported but {} read back", record.spans.len(), back.spans.len()));
            continue;
        }
        for span in &back.spans {
            if let Some(stated) = &span.stated {
                if span.at_offsets.as_deref() != Some(stated.as_str()) {
                    let found = span.at_offsets.as_deref().unwrap_or("nothing");
                    fail(format!("span {} «{stated}» does not match the text there, «{found}»", span.place));
                }
            }
        }
        // The multiset of (label, text) read back equals the one exported.
        let mut expected: Vec<(String, String)> =
            record.spans.iter().map(|s| (s.label.clone(), norm(&brat_text(format, &s.text)))).collect();
        let mut got: Vec<(String, String)> = back
            .spans
            .iter()
            .map(|s| (s.label.clone(), s.at_offsets.as_deref().map(norm).unwrap_or_default()))
            .collect();
        compact_sort::sort(&mut expected);
        compact_sort::sort(&mut got);
        if expected != got {
            let missing: Vec<String> = expected
                .iter()
                .filter(|e| !got.contains(e))
                .take(3)
                .map(|(l, t)| format!("{l} «{}»", crate::core::offsets::excerpt(t)))
                .collect();
            fail(format!(
                "the spans read back differ from those exported (not found: {})",
                missing.join(", ")
            ));
        }
    }
    problems
}

/// A span's text as brat shows it: fragments around line breaks joined by one space.
fn brat_text(format: Format, text: &str) -> String {
    if format != Format::Brat {
        return text.to_string();
    }
    let mut out = Vec::new();
    for piece in text.split(['\r', '\n']).filter(|p| !p.is_empty()) {
        out.push(piece);
    }
    out.join(" ")
}

/// Spans from a BIO or BIOES tag sequence as (label, joined token text).
pub fn decode_tags(seq: &[(String, String)]) -> Vec<(String, String)> {
    let tags: Vec<&str> = seq.iter().map(|(_, t)| t.as_str()).collect();
    super::tokens::decode_positions(&tags)
        .into_iter()
        .map(|(label, first, last)| (label, seq[first..=last].iter().map(|(t, _)| t.as_str()).collect()))
        .collect()
}
