//! Readers for each dataset format: file bytes in, [`Parsed`] documents out. The format is
//! recognised from the file names and the content, not from a menu.

use super::{OffsetUnit, Parsed, RawDoc, RawSpan};
use crate::core::export::tokens::decode_positions;
use serde_json::Value;
use std::io::Read;

/// One file handed to the importer.
#[derive(Clone, Debug)]
pub struct InFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Reads `files` (one file, a zip, or a brat `.txt` + `.ann` pair) as one of the dataset formats.
///
/// # Errors
/// A message naming the file and what is wrong with it.
pub fn parse(files: &[InFile]) -> Result<Parsed, String> {
    let mut expanded = Vec::new();
    for file in files {
        if file.bytes.starts_with(b"PK\x03\x04") {
            expanded.extend(unzip(file)?);
        } else {
            expanded.push(file.clone());
        }
    }
    let expanded: Vec<InFile> = expanded
        .into_iter()
        .filter(|f| !f.name.ends_with('/') && !f.name.rsplit('/').next().unwrap_or("").starts_with('.'))
        .collect();
    if expanded.iter().any(|f| f.name.ends_with(".ann")) {
        return brat(&expanded);
    }
    let labels_json = expanded.iter().find(|f| f.name.rsplit('/').next() == Some("labels.json"));
    let data: Vec<&InFile> = expanded.iter().filter(|f| !is_side_file(&f.name)).collect();
    if data.is_empty() {
        return Err("no data file was found".into());
    }
    let mut parsed: Option<Parsed> = None;
    for file in data {
        let text = utf8(file)?;
        let part = read_one(file, text, labels_json)?;
        match &mut parsed {
            None => parsed = Some(part),
            Some(all) if all.format == part.format => {
                all.docs.extend(part.docs);
                all.notes.extend(part.notes);
            }
            Some(all) => {
                return Err(format!(
                    "{} is {} but the other files are {}",
                    file.name, part.format, all.format
                ))
            }
        }
    }
    Ok(parsed.expect("at least one data file"))
}

/// Files that describe a dataset rather than hold it (configs, label lists).
fn is_side_file(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name);
    base == "labels.json" || base.ends_with(".conf") || base.ends_with(".xml")
}

fn utf8(file: &InFile) -> Result<&str, String> {
    let bytes = file.bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&file.bytes);
    std::str::from_utf8(bytes)
        .map_err(|e| format!("{} is not UTF-8 text (invalid byte at offset {})", file.name, e.valid_up_to()))
}

fn unzip(file: &InFile) -> Result<Vec<InFile>, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&file.bytes))
        .map_err(|e| format!("{} is not a readable zip: {e}", file.name))?;
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| format!("{}: {e}", file.name))?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().map_err(|e| format!("{}: {e}", file.name))?.to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).map_err(|e| format!("{}: {name}: {e}", file.name))?;
        out.push(InFile { name, bytes });
    }
    Ok(out)
}

fn read_one(file: &InFile, text: &str, labels_json: Option<&InFile>) -> Result<Parsed, String> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') || (trimmed.starts_with('{') && serde_json::from_str::<Value>(text).is_ok()) {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            format!("{} is not valid JSON (line {}, column {}): {e}", file.name, e.line(), e.column())
        })?;
        if value.get("@context").is_some() || value.get("type").and_then(Value::as_str) == Some("Annotation")
        {
            return w3c(file, &value);
        }
        if let Some(tasks) = value.as_array() {
            if tasks.iter().all(|t| t.get("data").is_some()) && !tasks.is_empty() {
                return label_studio(file, tasks);
            }
        }
        if value.get("data").is_some() {
            return label_studio(file, std::slice::from_ref(&value));
        }
        // A single JSON object per file is read like one JSONL line.
        if value.is_object() {
            return jsonl(file, &format!("{value}\n"), labels_json);
        }
        return Err(format!("{}: the JSON is not a format this app reads", file.name));
    }
    if trimmed.starts_with('{') {
        return jsonl(file, text, labels_json);
    }
    conll(file, text)
}

fn usize_field(value: &Value, key: &str) -> Option<usize> {
    value.get(key).and_then(Value::as_u64).map(|n| n as usize)
}

fn string_field(value: &Value, key: &str) -> Option<String> {
    match value.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// JSONL: spaCy/Prodigy (`spans`), doccano (`label`/`labels`/`entities`), Hugging Face
/// (`tokens` + `ner_tags`).
fn jsonl(file: &InFile, text: &str, labels_json: Option<&InFile>) -> Result<Parsed, String> {
    let names: Option<Vec<String>> = labels_json.and_then(|f| serde_json::from_slice(&f.bytes).ok());
    let mut format = "";
    let mut docs = Vec::new();
    let mut notes = Vec::new();
    let mut skipped = 0;
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let at = format!("{} line {}", file.name, n + 1);
        let row: Value = serde_json::from_str(line).map_err(|e| format!("{at} is not valid JSON: {e}"))?;
        let (kind, doc) = if row.get("tokens").is_some() && row.get("ner_tags").is_some() {
            ("Hugging Face JSONL", hf_row(&row, names.as_deref(), &at)?)
        } else if row.get("spans").is_some() || (row.get("text").is_some() && row.get("tokens").is_some()) {
            if matches!(row.get("answer").and_then(Value::as_str), Some("reject" | "ignore")) {
                skipped += 1;
                continue;
            }
            ("spaCy/Prodigy JSONL", spacy_row(&row, &at)?)
        } else if row.get("text").is_some() {
            ("doccano JSONL", doccano_row(&row, &at)?)
        } else {
            return Err(format!("{at}: no \"text\" field, and not tokens with ner_tags"));
        };
        if !format.is_empty() && format != kind {
            return Err(format!("{at} is {kind}, but earlier lines are {format}"));
        }
        format = kind;
        docs.push(doc);
    }
    if skipped > 0 {
        notes.push(format!("{skipped} rejected or ignored Prodigy answer(s) in {} were skipped", file.name));
    }
    if docs.is_empty() {
        return Err(format!("{} holds no records", file.name));
    }
    Ok(Parsed { format: leak(format), docs, notes })
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
    let name = string_field(meta, "doc_name").or_else(|| string_field(row, "doc_name")).map(|name| {
        match (&id, &doc_id) {
            (Some(unit), Some(doc)) if unit != doc => {
                format!("{name} {}", unit.trim_start_matches(doc.as_str()))
            }
            _ => name,
        }
    });
    (id, name)
}

fn spacy_row(row: &Value, at: &str) -> Result<RawDoc, String> {
    let text = row["text"].as_str().ok_or(format!("{at}: \"text\" is not a string"))?.to_string();
    let mut spans = Vec::new();
    for (i, span) in row["spans"].as_array().into_iter().flatten().enumerate() {
        let (Some(start), Some(end), Some(label)) =
            (usize_field(span, "start"), usize_field(span, "end"), span["label"].as_str())
        else {
            return Err(format!("{at}: span {} needs start, end and label", i + 1));
        };
        spans.push(RawSpan {
            start,
            end,
            label: label.to_string(),
            text: span["text"].as_str().map(str::to_string),
        });
    }
    let (id, name) = doc_identity(row, row.get("meta"));
    Ok(RawDoc { id, name, text, spans, unit: None })
}

fn doccano_row(row: &Value, at: &str) -> Result<RawDoc, String> {
    let text = row["text"].as_str().ok_or(format!("{at}: \"text\" is not a string"))?.to_string();
    let mut spans = Vec::new();
    let list = row.get("entities").or_else(|| row.get("label")).or_else(|| row.get("labels"));
    for (i, item) in list.and_then(Value::as_array).into_iter().flatten().enumerate() {
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
        let (start, end, label) = parsed
            .ok_or(format!("{at}: label {} is neither [start, end, label] nor an entity object", i + 1))?;
        spans.push(RawSpan {
            start: start as usize,
            end: end as usize,
            label: label.to_string(),
            text: None,
        });
    }
    let unit = match row.get("offset_unit").and_then(Value::as_str) {
        Some("utf16") => Some(OffsetUnit::Utf16),
        Some("codepoint") => Some(OffsetUnit::CodePoint),
        _ => None,
    };
    let (id, name) = doc_identity(row, None);
    let name = name.or_else(|| string_field(row, "id").map(|n| format!("doccano {n}")));
    Ok(RawDoc { id, name, text, spans, unit })
}

/// Spans from tokens and their tags; offsets in code points of the joined tokens.
fn tagged_doc(tokens: &[String], tags: &[String], separator: &str) -> (String, Vec<RawSpan>) {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(tokens.len() + 1);
    let mut cp = 0;
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 {
            text.push_str(separator);
            cp += separator.chars().count();
        }
        starts.push(cp);
        text.push_str(token);
        cp += token.chars().count();
    }
    starts.push(cp);
    let spans = decode_positions(tags)
        .into_iter()
        .map(|(label, first, last)| RawSpan {
            start: starts[first],
            end: starts[last] + tokens[last].chars().count(),
            label,
            text: None,
        })
        .collect();
    (text, spans)
}

fn hf_row(row: &Value, names: Option<&[String]>, at: &str) -> Result<RawDoc, String> {
    let tokens: Vec<String> = row["tokens"]
        .as_array()
        .ok_or(format!("{at}: \"tokens\" is not a list"))?
        .iter()
        .map(|t| t.as_str().map(str::to_string).ok_or(format!("{at}: a token is not a string")))
        .collect::<Result<_, _>>()?;
    let raw_tags = row["ner_tags"].as_array().ok_or(format!("{at}: \"ner_tags\" is not a list"))?;
    if raw_tags.len() != tokens.len() {
        return Err(format!("{at}: {} tokens but {} ner_tags", tokens.len(), raw_tags.len()));
    }
    let tags: Vec<String> = raw_tags
        .iter()
        .map(|t| match t {
            Value::String(s) => Ok(s.clone()),
            Value::Number(n) => {
                let names = names.ok_or(format!(
                    "{at}: ner_tags are numbers; import a zip that holds labels.json (the tag names) with the data"
                ))?;
                n.as_u64()
                    .and_then(|i| names.get(i as usize).cloned())
                    .ok_or(format!("{at}: tag id {n} is not in labels.json"))
            }
            _ => Err(format!("{at}: a tag is neither a name nor a number")),
        })
        .collect::<Result<_, _>>()?;
    let (text, spans) = tagged_doc(&tokens, &tags, "");
    Ok(RawDoc {
        id: string_field(row, "id"),
        name: string_field(row, "id"),
        text,
        spans,
        unit: Some(OffsetUnit::CodePoint),
    })
}

/// CoNLL: `TOKEN<sep>…<sep>TAG` per line, a blank line between records. Each record (a
/// document, paragraph or sentence, as exported) becomes a document; `-DOCSTART-` lines are
/// skipped.
fn conll(file: &InFile, text: &str) -> Result<Parsed, String> {
    let mut records: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    let mut current: (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with("-DOCSTART-") {
            if !current.0.is_empty() {
                records.push(std::mem::take(&mut current));
            }
            continue;
        }
        // Tab first (the token may be a space-like character in other files), then spaces.
        let fields: Vec<&str> =
            if line.contains('\t') { line.split('\t').collect() } else { line.split(' ').collect() };
        if fields.len() < 2 {
            return Err(format!("{} line {}: expected a token and a tag, found «{line}»", file.name, n + 1));
        }
        let (token, tag) = (fields[0], fields[fields.len() - 1].trim());
        let valid = tag == "O"
            || tag
                .split_once('-')
                .is_some_and(|(p, l)| matches!(p, "B" | "I" | "E" | "S" | "M") && !l.is_empty());
        if !valid {
            return Err(format!("{} line {}: «{tag}» is not a BIO/BIOES tag", file.name, n + 1));
        }
        current.0.push(token.to_string());
        current.1.push(tag.to_string());
    }
    if !current.0.is_empty() {
        records.push(current);
    }
    if records.is_empty() {
        return Err(format!("{} holds no tagged lines", file.name));
    }
    let stem = file.name.rsplit('/').next().unwrap_or(&file.name).to_string();
    let count = records.len();
    let docs = records
        .into_iter()
        .enumerate()
        .map(|(i, (tokens, tags))| {
            let (text, spans) = tagged_doc(&tokens, &tags, "");
            let name = if count == 1 { stem.clone() } else { format!("{stem} {}", i + 1) };
            RawDoc { id: None, name: Some(name), text, spans, unit: Some(OffsetUnit::CodePoint) }
        })
        .collect();
    Ok(Parsed { format: "CoNLL", docs, notes: Vec::new() })
}

fn label_studio(file: &InFile, tasks: &[Value]) -> Result<Parsed, String> {
    let mut docs = Vec::new();
    let mut notes = Vec::new();
    for (n, task) in tasks.iter().enumerate() {
        let at = format!("{} task {}", file.name, n + 1);
        let data = &task["data"];
        let text = data["text"]
            .as_str()
            .or_else(|| data.as_object().and_then(|o| o.values().find_map(Value::as_str)))
            .ok_or(format!("{at}: data has no text"))?
            .to_string();
        let annotation = task["annotations"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["was_cancelled"] != Value::Bool(true)))
            .or_else(|| task["predictions"].as_array().and_then(|p| p.first()));
        let mut spans = Vec::new();
        for result in annotation.and_then(|a| a["result"].as_array()).into_iter().flatten() {
            let value = &result["value"];
            let (Some(start), Some(end)) = (usize_field(value, "start"), usize_field(value, "end")) else {
                continue; // relations and other result types
            };
            let labels = value["labels"].as_array().cloned().unwrap_or_default();
            for label in labels.iter().filter_map(Value::as_str) {
                spans.push(RawSpan {
                    start,
                    end,
                    label: label.to_string(),
                    text: value["text"].as_str().map(str::to_string),
                });
            }
        }
        if annotation.is_none() {
            notes.push(format!("{at} has no annotation or prediction; its text is imported without spans"));
        }
        let id = string_field(data, "unit_id").or_else(|| string_field(data, "doc_id"));
        let name = string_field(data, "doc_name")
            .or_else(|| string_field(task, "id").map(|i| format!("Label Studio task {i}")));
        docs.push(RawDoc { id, name, text, spans, unit: None });
    }
    Ok(Parsed { format: "Label Studio JSON", docs, notes })
}

fn brat(files: &[InFile]) -> Result<Parsed, String> {
    let mut docs = Vec::new();
    let mut notes = Vec::new();
    for ann in files.iter().filter(|f| f.name.ends_with(".ann")) {
        let stem = ann.name.strip_suffix(".ann").expect("filtered on .ann");
        let txt = files
            .iter()
            .find(|f| f.name == format!("{stem}.txt"))
            .ok_or(format!("{} has no {stem}.txt beside it", ann.name))?;
        let text = utf8(txt)?.to_string();
        let mut spans = Vec::new();
        let mut other_lines = 0;
        for (n, line) in utf8(ann)?.lines().enumerate() {
            if !line.starts_with('T') {
                other_lines += usize::from(!line.trim().is_empty());
                continue;
            }
            let at = format!("{} line {}", ann.name, n + 1);
            let mut fields = line.splitn(3, '\t');
            let (_, Some(spec), quoted) = (fields.next(), fields.next(), fields.next()) else {
                return Err(format!("{at}: expected ID<TAB>TYPE START END<TAB>TEXT"));
            };
            let (label, ranges) = spec.split_once(' ').ok_or(format!("{at}: no offsets after the type"))?;
            let pieces: Vec<(usize, usize)> = ranges
                .split(';')
                .map(|r| {
                    let (s, e) = r.trim().split_once(' ')?;
                    Some((s.parse().ok()?, e.parse().ok()?))
                })
                .collect::<Option<_>>()
                .ok_or(format!("{at}: offsets «{ranges}» are not START END pairs"))?;
            let (start, end) = (pieces[0].0, pieces[pieces.len() - 1].1);
            // A single fragment carries its text; fragments around line breaks become one span
            // (this app has no discontinuous spans), checked by fit instead.
            let text = (pieces.len() == 1).then(|| quoted.map(str::to_string)).flatten();
            spans.push(RawSpan { start, end, label: label.to_string(), text });
        }
        if other_lines > 0 {
            notes.push(format!(
                "{}: {other_lines} relation, event, attribute or note line(s) are not imported",
                ann.name
            ));
        }
        let base = stem.rsplit('/').next().unwrap_or(stem).to_string();
        docs.push(RawDoc {
            id: Some(base.clone()),
            name: Some(base),
            text,
            spans,
            unit: Some(OffsetUnit::CodePoint),
        });
    }
    Ok(Parsed { format: "brat standoff", docs, notes })
}

fn w3c(file: &InFile, value: &Value) -> Result<Parsed, String> {
    let items: Vec<&Value> = if let Some(items) = value["first"]["items"].as_array() {
        items.iter().collect()
    } else if let Some(items) = value["items"].as_array() {
        items.iter().collect()
    } else if let Some(items) = value.as_array() {
        items.iter().collect()
    } else {
        vec![value]
    };
    let sources = value["biaozhu:sources"].as_array().cloned().unwrap_or_default();
    if sources.is_empty() {
        return Err(format!(
            "{}: the annotations do not carry the texts they point at; this app imports W3C files that \
             include them (as its own exports do under \"biaozhu:sources\")",
            file.name
        ));
    }
    let mut docs: Vec<(String, RawDoc)> = sources
        .iter()
        .filter_map(|s| {
            let id = s["id"].as_str()?.to_string();
            let doc = RawDoc {
                id: string_field(s, "unit_id"),
                name: string_field(s, "name"),
                text: s["text"].as_str()?.to_string(),
                spans: Vec::new(),
                unit: Some(OffsetUnit::CodePoint),
            };
            Some((id, doc))
        })
        .collect();
    for (n, item) in items.iter().enumerate() {
        let at = format!("{} annotation {}", file.name, n + 1);
        let source = item["target"]["source"].as_str().ok_or(format!("{at}: no target.source"))?;
        let doc = docs
            .iter_mut()
            .find(|(id, _)| id == source)
            .ok_or(format!("{at}: its source {source} is not in the file"))?;
        let selectors: Vec<&Value> = match &item["target"]["selector"] {
            Value::Array(list) => list.iter().collect(),
            one => vec![one],
        };
        let position = selectors.iter().find(|s| s["type"] == "TextPositionSelector");
        let quote = selectors.iter().find(|s| s["type"] == "TextQuoteSelector");
        let label = match &item["body"] {
            Value::Array(bodies) => bodies.iter().find_map(|b| b["value"].as_str()),
            body => body["value"].as_str(),
        }
        .ok_or(format!("{at}: no body value (the label)"))?;
        let (start, end) =
            position.and_then(|p| usize_field(p, "start").zip(usize_field(p, "end"))).unwrap_or((0, 0));
        let text = quote.and_then(|q| q["exact"].as_str()).map(str::to_string);
        if position.is_none() && text.is_none() {
            return Err(format!("{at}: neither a TextPositionSelector nor a TextQuoteSelector"));
        }
        doc.1.spans.push(RawSpan { start, end, label: label.to_string(), text });
    }
    Ok(Parsed {
        format: "W3C Web Annotation",
        docs: docs.into_iter().map(|(_, d)| d).collect(),
        notes: Vec::new(),
    })
}
