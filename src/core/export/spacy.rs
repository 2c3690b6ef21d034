//! spaCy v3 / Prodigy `spans` JSONL. Offsets in code points; tokens are what
//! `spacy.blank("zh")` makes (one per character), so every span aligns with `Doc.char_span`.

use super::tokens::{spacy_zh_char_tokens, token_bounds, Token};
use super::units::Record;
use serde::Serialize;
use serde_json::json;

#[derive(Serialize)]
struct Meta<'a> {
    id: &'a str,
    doc_id: &'a str,
    doc_name: &'a str,
    offset: usize,
}

/// One JSON object per record. A span whose edge falls on a space that spaCy attaches to the
/// token before it cannot align, and is reported rather than written.
pub fn write(records: &[Record]) -> Result<String, Vec<super::problem::ExportProblem>> {
    let mut out = String::new();
    let mut problems = Vec::new();
    for record in records {
        let tokens = spacy_zh_char_tokens(&record.text);
        let mut spans = Vec::new();
        // Token bounds of every written span, for relations (which point at last tokens).
        let mut bounds = std::collections::BTreeMap::new();
        for span in &record.spans {
            match token_bounds(&tokens, span.start, span.end) {
                Some((first, last)) => {
                    bounds.insert(span.id, (first, last));
                    let mut value = json!({
                        "start": span.start, "end": span.end, "label": span.label, "text": span.text,
                        "token_start": first, "token_end": last, "type": "span",
                    });
                    if !span.attributes.is_empty() {
                        value["attributes"] = json!(span.attributes);
                    }
                    spans.push(value);
                }
                None => problems.push(super::problem::ExportProblem::NotOnTokens {
                    record: record.id.clone(),
                    span: span.id.0,
                    start: span.start,
                    end: span.end,
                    text: span.text.clone(),
                }),
            }
        }
        // Prodigy's relations: head and child are the indices of each span's last token.
        let span_json = |id| {
            let span = record.span(id)?;
            let (first, last) = bounds.get(&id)?;
            Some(
                json!({"start": span.start, "end": span.end, "token_start": first, "token_end": last, "label": span.label}),
            )
        };
        let relations: Vec<_> = record
            .relations
            .iter()
            .filter_map(|r| {
                let (head, child) = (bounds.get(&r.from)?.1, bounds.get(&r.to)?.1);
                Some(json!({
                    "head": head, "child": child, "label": r.kind,
                    "head_span": span_json(r.from)?, "child_span": span_json(r.to)?,
                }))
            })
            .collect();
        let meta = Meta {
            id: &record.id,
            doc_id: &record.doc_id.0,
            doc_name: &record.doc_name,
            offset: record.offset,
        };
        // The line in the field order Prodigy writes. The tokens (one per character, the bulk
        // of a corpus export) are written by hand; the rest through serde.
        out.push_str("{\"text\":");
        push_json(&mut out, &record.text);
        out.push_str(",\"spans\":");
        push_json(&mut out, &spans);
        out.push_str(",\"tokens\":[");
        for (id, token) in tokens.iter().enumerate() {
            if id > 0 {
                out.push(',');
            }
            push_token(&mut out, token, id);
        }
        out.push_str("],\"relations\":");
        push_json(&mut out, &relations);
        out.push_str(",\"meta\":");
        push_json(&mut out, &meta);
        out.push_str(",\"answer\":\"accept\"}\n");
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Appends `value` as JSON.
fn push_json(out: &mut String, value: &impl Serialize) {
    // Writing to a String cannot fail, and these values have string keys only.
    let json = serde_json::to_string(value).expect("a spaCy line's parts serialise");
    out.push_str(&json);
}

/// Appends `{"text":…,"start":…,"end":…,"id":…,"ws":…}`, as serde would write it.
fn push_token(out: &mut String, token: &Token, id: usize) {
    use std::fmt::Write;
    out.push_str("{\"text\":");
    let mut chars = token.text.chars();
    match (chars.next(), chars.next()) {
        // One character needing no escape, the usual token: no serialiser needed.
        (Some(c), None) if c >= ' ' && c != '"' && c != '\\' => {
            out.push('"');
            out.push(c);
            out.push('"');
        }
        _ => push_json(out, &token.text),
    }
    // `write!` to a String cannot fail.
    let _ = write!(out, ",\"start\":{},\"end\":{},\"id\":{id},\"ws\":{}}}", token.start, token.end, token.ws);
}
