//! The CoNLL character-tag reader.

use super::super::{OffsetUnit, Parsed, RawDoc};
use super::tagged_doc;
use super::{malformed, InFile, ReadError};
use crate::core::offsets::excerpt;

/// CoNLL: `TOKEN<sep>…<sep>TAG` per line, a blank line between records. Each record (a
/// document, paragraph or sentence, as exported) becomes a document; `-DOCSTART-` lines are
/// skipped.
pub(super) fn read(file: &InFile, text: &str) -> Result<Parsed, ReadError> {
    // Borrowed from the text: a corpus has millions of lines, and a string per token and tag
    // was most of the time taken.
    let mut records: Vec<(Vec<&str>, Vec<&str>)> = Vec::new();
    let mut current: (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with("-DOCSTART-") {
            if !current.0.is_empty() {
                records.push(std::mem::take(&mut current));
            }
            continue;
        }
        // Tab first (the token may be a space-like character in other files), then spaces; the
        // tag is the last field.
        let separator = if line.contains('\t') { '\t' } else { ' ' };
        let Some(((token, _), (_, tag))) = line.split_once(separator).zip(line.rsplit_once(separator)) else {
            return Err(malformed(
                format!("{} line {}", file.name, n + 1),
                format!("expected a token and a tag, found «{}»", excerpt(line)),
            ));
        };
        let tag = tag.trim();
        let valid = tag == "O"
            || tag
                .split_once('-')
                .is_some_and(|(p, l)| matches!(p, "B" | "I" | "E" | "S" | "M") && !l.is_empty());
        if !valid {
            return Err(malformed(
                format!("{} line {}", file.name, n + 1),
                format!("«{}» is not a BIO/BIOES tag", excerpt(tag)),
            ));
        }
        current.0.push(token);
        current.1.push(tag);
    }
    if !current.0.is_empty() {
        records.push(current);
    }
    if records.is_empty() {
        return Err(malformed(&file.name, "it holds no tagged lines"));
    }
    let stem = file.name.rsplit('/').next().unwrap_or(&file.name).to_string();
    let count = records.len();
    let docs = records
        .into_iter()
        .enumerate()
        .map(|(i, (tokens, tags))| {
            let (text, spans) = tagged_doc(&tokens, &tags, "");
            let name = if count == 1 { stem.clone() } else { format!("{stem} {}", i + 1) };
            RawDoc {
                id: None,
                name: Some(name),
                text,
                spans,
                unit: Some(OffsetUnit::CodePoint),
                ..Default::default()
            }
        })
        .collect();
    Ok(Parsed { format: "CoNLL", docs, notes: Vec::new(), table: None })
}
