//! JSONL readers: spaCy/Prodigy, doccano, Hugging Face.

use super::super::{OffsetUnit, Parsed, RawDoc, RawRelation, RawSpan};
use super::tagged_doc;
use super::{
    malformed, string_field, usize_field, Cause, Flaw, Found, InFile, Passed, Place, ReadError, Unread,
};
use crate::core::compact_sort;
use serde_json::Value;

/// JSONL: spaCy/Prodigy (`spans`), doccano (`label`/`labels`/`entities`), Hugging Face
/// (`tokens` + `ner_tags`).
pub(super) fn read(file: &InFile, text: &str, labels_json: Option<&InFile>) -> Result<Parsed, ReadError> {
    let names: Option<Vec<String>> = labels_json.and_then(|f| serde_json::from_slice(&f.bytes).ok());
    let mut reader = JsonlReader::new(&file.name, names);
    reader.read(text, text.len())?;
    reader.finish()
}

/// A JSONL file being read, resumable like `ConllReader`: the records read so far.
#[derive(Debug)]
pub struct JsonlReader {
    name: String,
    /// Tag names by number, from a `labels.json` beside the file.
    names: Option<Vec<String>>,
    /// Where the next piece starts: a byte offset of the text, and its line number (from 0).
    at: usize,
    line: usize,
    format: &'static str,
    docs: Vec<RawDoc>,
    skipped: usize,
}

impl JsonlReader {
    pub fn new(file_name: &str, names: Option<Vec<String>>) -> Self {
        JsonlReader {
            name: file_name.to_string(),
            names,
            at: 0,
            line: 0,
            format: "",
            docs: Vec::new(),
            skipped: 0,
        }
    }

    /// How far into the text the reading is, in bytes.
    pub fn position(&self) -> usize {
        self.at
    }

    /// Reads about `budget` bytes more of `text` (whole lines; the same text at every call).
    /// Returns true once the end is reached.
    ///
    /// # Errors
    /// A line that is not a record of the formats read, naming its line number.
    pub fn read(&mut self, text: &str, budget: usize) -> Result<bool, ReadError> {
        let stop = self.at.saturating_add(budget);
        while self.at < text.len() && self.at < stop {
            let (line, len) = super::line_at(text, self.at);
            self.at += len;
            self.line += 1;
            if !line.trim().is_empty() {
                self.read_line(line.trim_end_matches('\r'))?;
            }
        }
        Ok(self.at >= text.len())
    }

    fn read_line(&mut self, line: &str) -> Result<(), ReadError> {
        let at = Place::line(&self.name, self.line);
        let row: Value = serde_json::from_str(line)
            .map_err(|e| ReadError::NotJson { place: at.clone(), cause: Cause::of(&e) })?;
        let (kind, doc) = if row.get("tokens").is_some() && row.get("ner_tags").is_some() {
            ("Hugging Face JSONL", hf_row(&row, self.names.as_deref(), &at)?)
        } else if row.get("spans").is_some() || (row.get("text").is_some() && row.get("tokens").is_some()) {
            if matches!(row.get("answer").and_then(Value::as_str), Some("reject" | "ignore")) {
                self.skipped += 1;
                return Ok(());
            }
            ("spaCy/Prodigy JSONL", spacy_row(&row, &at)?)
        } else if row.get("text").is_some() {
            ("doccano JSONL", doccano_row(&row, &at)?)
        } else {
            return Err(malformed(at, Flaw::NoTextField));
        };
        let mut doc = doc;
        // A record without a name of its own is named after its place: the file and the line.
        if doc.name.is_none() {
            doc.name = Some(format!("{} {}", super::base_name(&self.name), self.line));
        }
        if !self.format.is_empty() && self.format != kind {
            return Err(malformed(at, Flaw::ShapeChanged { shape: kind, earlier: self.format }));
        }
        self.format = leak(kind);
        self.docs.push(doc);
        Ok(())
    }

    /// The records read.
    ///
    /// # Errors
    /// When the file held none.
    pub fn finish(self) -> Result<Parsed, ReadError> {
        let mut notes = Vec::new();
        if self.skipped > 0 {
            notes.push(Found {
                place: Place::file(&self.name),
                what: Passed::RejectedAnswers { count: self.skipped },
            });
        }
        if self.docs.is_empty() {
            return Err(malformed(Place::file(&self.name), Flaw::NoRecords));
        }
        Ok(Parsed { format: self.format, docs: self.docs, notes, table: None })
    }
}

/// Format names are a small fixed set; this turns the matched `&str` into the static one.
fn leak(format: &str) -> &'static str {
    ["Hugging Face JSONL", "spaCy/Prodigy JSONL", "doccano JSONL"]
        .into_iter()
        .find(|f| *f == format)
        .unwrap_or("JSONL")
}

/// A record's document id and name: the unit id where the export cut documents into units.
fn doc_identity(row: &Value, meta: Option<&Value>) -> (Option<String>, Option<String>) {
    let meta = meta.unwrap_or(&Value::Null);
    let id = string_field(meta, "id")
        .or_else(|| string_field(meta, "doc_id"))
        .or_else(|| string_field(row, "unit_id"))
        .or_else(|| string_field(row, "doc_id"));
    let doc_id = string_field(meta, "doc_id").or_else(|| string_field(row, "doc_id"));
    let name = string_field(meta, "doc_name")
        .or_else(|| string_field(row, "doc_name"))
        .or_else(|| string_field(row, "name"))
        .or_else(|| string_field(meta, "name"))
        .map(|name| match (&id, &doc_id) {
            (Some(unit), Some(doc)) if unit != doc => {
                format!("{name} {}", unit.trim_start_matches(doc.as_str()))
            }
            _ => name,
        });
    (id, name)
}

/// The file of a place, without its folders.
fn file_of(at: &Place) -> &str {
    super::base_name(&at.file)
}

fn spacy_row(row: &Value, at: &Place) -> Result<RawDoc, ReadError> {
    let text = row["text"].as_str().ok_or_else(|| malformed(at.clone(), Flaw::TextNotString))?.to_string();
    let mut spans = Vec::new();
    let mut problems = Vec::new();
    // Position in the line's "spans" → index in `spans`, for relations.
    let mut kept: Vec<Option<usize>> = Vec::new();
    let raw_spans = row["spans"].as_array().cloned().unwrap_or_default();
    for (i, span) in raw_spans.iter().enumerate() {
        let (Some(start), Some(end), Some(label)) =
            (usize_field(span, "start"), usize_field(span, "end"), span["label"].as_str())
        else {
            let what = Unread::SpanFields {
                n: i + 1,
                start: span["start"].to_string(),
                end: span["end"].to_string(),
                label: span["label"].to_string(),
            };
            problems.push(Found { place: at.clone(), what });
            kept.push(None);
            continue;
        };
        kept.push(Some(spans.len()));
        spans.push(RawSpan {
            start,
            end,
            label: label.to_string(),
            text: span["text"].as_str().map(str::to_string),
            attributes: string_map(&span["attributes"]),
        });
    }
    // Prodigy relations name each end by its last token, and by its span when saved by Prodigy.
    let index_of = |end: &Value, token: Option<u64>| -> Option<usize> {
        let by_span = end.get("start").and_then(Value::as_u64).zip(end.get("end").and_then(Value::as_u64));
        let position = raw_spans.iter().position(|s| match by_span {
            Some((start, stop)) => s["start"].as_u64() == Some(start) && s["end"].as_u64() == Some(stop),
            None => token.is_some() && s["token_end"].as_u64() == token,
        })?;
        kept[position]
    };
    let mut relations = Vec::new();
    for (i, relation) in row["relations"].as_array().into_iter().flatten().enumerate() {
        let from = index_of(&relation["head_span"], relation["head"].as_u64());
        let to = index_of(&relation["child_span"], relation["child"].as_u64());
        match (from, to, relation["label"].as_str()) {
            (Some(from), Some(to), Some(kind)) => {
                relations.push(RawRelation { kind: kind.to_string(), from, to })
            }
            _ => problems.push(Found {
                place: at.clone(),
                what: Unread::RelationEnds { n: Some(i + 1), kind: relation["label"].to_string() },
            }),
        }
    }
    let (id, name) = doc_identity(row, row.get("meta"));
    // Without a name, a line with an id is named after the file and that id (as doccano's are).
    let name = name.or_else(|| id.as_ref().map(|n| format!("{} #{n}", file_of(at))));
    Ok(RawDoc { id, name, text, spans, unit: None, relations, problems })
}

fn doccano_row(row: &Value, at: &Place) -> Result<RawDoc, ReadError> {
    let text = row["text"].as_str().ok_or_else(|| malformed(at.clone(), Flaw::TextNotString))?.to_string();
    let mut spans = Vec::new();
    let mut problems = Vec::new();
    let list = row.get("entities").or_else(|| row.get("label")).or_else(|| row.get("labels"));
    let items: Vec<&Value> = list.and_then(Value::as_array).into_iter().flatten().collect();
    // Position in the line's list → index in `spans`, for relations.
    let mut kept: Vec<Option<usize>> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let parsed = match item {
            Value::Array(triple) => match &triple[..] {
                [s, e, l, ..] => s.as_u64().zip(e.as_u64()).zip(l.as_str()).map(|((s, e), l)| (s, e, l)),
                _ => None,
            },
            Value::Object(_) => item["start_offset"]
                .as_u64()
                .zip(item["end_offset"].as_u64())
                .zip(item["label"].as_str())
                .map(|((s, e), l)| (s, e, l)),
            _ => None,
        };
        let Some((start, end, label)) = parsed else {
            let what = Unread::EntityShape { n: i + 1, found: super::short_json(item) };
            problems.push(Found { place: at.clone(), what });
            kept.push(None);
            continue;
        };
        kept.push(Some(spans.len()));
        spans.push(RawSpan {
            start: usize::try_from(start).unwrap_or(usize::MAX),
            end: usize::try_from(end).unwrap_or(usize::MAX),
            label: label.to_string(),
            ..Default::default()
        });
    }
    // Relations of the entities shape point at entity ids.
    let mut relations = Vec::new();
    for (i, relation) in row["relations"].as_array().into_iter().flatten().enumerate() {
        let find = |key: &str| {
            let id = relation[key].as_u64()?;
            let position = items.iter().position(|e| e["id"].as_u64() == Some(id))?;
            kept[position]
        };
        match (find("from_id"), find("to_id"), relation["type"].as_str()) {
            (Some(from), Some(to), Some(kind)) => {
                relations.push(RawRelation { kind: kind.to_string(), from, to })
            }
            _ => problems.push(Found {
                place: at.clone(),
                what: Unread::RelationEnds { n: Some(i + 1), kind: relation["type"].to_string() },
            }),
        }
    }
    let unit = match row.get("offset_unit").and_then(Value::as_str) {
        Some(key) => Some(
            OffsetUnit::from_key(key)
                .ok_or_else(|| malformed(at.clone(), Flaw::UnknownOffsetUnit { found: key.to_string() }))?,
        ),
        None => None,
    };
    let (id, name) = doc_identity(row, None);
    let name = name.or_else(|| string_field(row, "id").map(|n| format!("{} #{n}", file_of(at))));
    Ok(RawDoc { id, name, text, spans, unit, relations, problems })
}

fn hf_row(row: &Value, names: Option<&[String]>, at: &Place) -> Result<RawDoc, ReadError> {
    let tokens: Vec<String> = row["tokens"]
        .as_array()
        .ok_or_else(|| malformed(at.clone(), Flaw::TokensNotList))?
        .iter()
        .map(|t| t.as_str().map(str::to_string).ok_or_else(|| malformed(at.clone(), Flaw::TokenNotString)))
        .collect::<Result<_, _>>()?;
    let raw_tags = row["ner_tags"].as_array().ok_or_else(|| malformed(at.clone(), Flaw::NerTagsNotList))?;
    if raw_tags.len() != tokens.len() {
        return Err(malformed(at.clone(), Flaw::TagCount { tokens: tokens.len(), tags: raw_tags.len() }));
    }
    let tags: Vec<String> = raw_tags
        .iter()
        .map(|t| match t {
            Value::String(s) => Ok(s.clone()),
            Value::Number(n) => {
                let names = names.ok_or_else(|| malformed(at.clone(), Flaw::TagNamesMissing))?;
                n.as_u64().and_then(|i| names.get(i as usize).cloned()).ok_or_else(|| {
                    malformed(at.clone(), Flaw::TagIdUnknown { id: n.as_u64().unwrap_or(u64::MAX) })
                })
            }
            _ => Err(malformed(at.clone(), Flaw::TagNeitherNameNorNumber)),
        })
        .collect::<Result<_, _>>()?;
    let (text, spans) = tagged_doc(&tokens, &tags, "");
    Ok(RawDoc {
        id: string_field(row, "id"),
        name: string_field(row, "id"),
        text,
        spans,
        unit: Some(OffsetUnit::CodePoint),
        ..Default::default()
    })
}

/// A JSON object of string values (span attributes), or an empty map.
pub(super) fn string_map(value: &Value) -> std::collections::BTreeMap<String, String> {
    value
        .as_object()
        .map(|o| {
            compact_sort::btree_map(o.iter().filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string()))))
        })
        .unwrap_or_default()
}
