//! spaCy v3 / Prodigy `spans` JSONL. Offsets in code points; tokens are what
//! `spacy.blank("zh")` makes (one per character), so every span aligns with `Doc.char_span`.

use super::tokens::{spacy_zh_char_tokens, token_bounds};
use super::units::Record;
use serde::Serialize;
use serde_json::{json, Value};

/// One line, in the field order Prodigy writes.
#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    spans: Vec<Value>,
    tokens: Vec<Token<'a>>,
    relations: Vec<Value>,
    meta: Meta<'a>,
    answer: &'a str,
}

#[derive(Serialize)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    id: usize,
    ws: bool,
}

#[derive(Serialize)]
struct Meta<'a> {
    id: &'a str,
    doc_id: &'a str,
    doc_name: &'a str,
    offset: usize,
}

/// One JSON object per record. A span whose edge falls on a space that spaCy attaches to the
/// token before it cannot align, and is reported rather than written.
pub fn write(records: &[Record]) -> Result<String, Vec<String>> {
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
                None => problems.push(format!(
                    "{}: span {} at {}–{} «{}» does not start and end on a spaCy token boundary \
                     (it starts or ends on a space)",
                    record.id, span.id.0, span.start, span.end, span.text
                )),
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
        // Written field by field from typed values: a `Value` per token (one per character)
        // costs a map and its hashing each, which dominated a corpus export.
        let tokens: Vec<Token> = tokens
            .iter()
            .enumerate()
            .map(|(id, t)| Token { text: &t.text, start: t.start, end: t.end, id, ws: t.ws })
            .collect();
        let meta = Meta {
            id: &record.id,
            doc_id: &record.doc_id.0,
            doc_name: &record.doc_name,
            offset: record.offset,
        };
        let line = Line { text: &record.text, spans, tokens, relations, meta, answer: "accept" };
        out.push_str(&serde_json::to_string(&line).expect("a spaCy line serialises"));
        out.push('\n');
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}
