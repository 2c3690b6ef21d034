//! Reading an export's files back the way a consumer reads them, format by format, into the
//! records and spans they hold; `check` compares those with what was exported.

use super::label_studio;
use super::units::Record;
use super::{Format, OutFile};
use serde_json::Value;
use std::collections::HashMap;

/// One text, decoded once, sliced by code points or UTF-16 units (slicing a long text span by
/// span from the start each time would make the check quadratic).
struct Slicer {
    chars: Vec<char>,
    /// Made on first use: only doccano's UTF-16 export needs it.
    units: std::cell::OnceCell<Vec<u16>>,
}

impl Slicer {
    fn new(text: &str) -> Self {
        Slicer { chars: text.chars().collect(), units: std::cell::OnceCell::new() }
    }

    /// Code points `start..end`, or `None` when out of range.
    fn cp(&self, start: usize, end: usize) -> Option<String> {
        (start <= end && end <= self.chars.len()).then(|| self.chars[start..end].iter().collect())
    }

    /// UTF-16 units `start..end`, or `None` when out of range or half a character.
    fn utf16(&self, start: usize, end: usize) -> Option<String> {
        let units = self.units.get_or_init(|| self.chars.iter().collect::<String>().encode_utf16().collect());
        (start <= end && end <= units.len()).then(|| String::from_utf16(&units[start..end]).ok())?
    }
}

/// A span as read back: its label, the text its offsets give (`None`: they give none), and the
/// text the file states beside them, where the format carries one.
pub(super) struct ReadSpan {
    pub label: String,
    pub at_offsets: Option<String>,
    pub stated: Option<String>,
    /// Where the span is, for messages: "3–5".
    pub place: String,
}

/// A record as read back from the files.
pub(super) struct ReadRecord {
    pub spans: Vec<ReadSpan>,
}

fn usize_at(value: &Value, key: &str) -> Option<usize> {
    value.get(key)?.as_u64().and_then(|n| usize::try_from(n).ok())
}

fn data_files<'a>(files: &'a [OutFile], extension: &str) -> Vec<&'a OutFile> {
    files.iter().filter(|f| f.path.ends_with(extension)).collect()
}

/// Each non-blank line of the JSONL files as JSON; a line that does not parse is a problem.
fn json_lines(files: &[&OutFile]) -> Result<Vec<Value>, String> {
    let mut out = Vec::new();
    for file in files {
        let text =
            std::str::from_utf8(&file.contents).map_err(|e| format!("{} is not UTF-8: {e}", file.path))?;
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            out.push(
                serde_json::from_str(line)
                    .map_err(|e| format!("{} line {} is not JSON: {e}", file.path, n + 1))?,
            );
        }
    }
    Ok(out)
}

fn whole_json(file: &OutFile) -> Result<Value, String> {
    serde_json::from_slice(&file.contents).map_err(|e| format!("{} is not JSON: {e}", file.path))
}

/// A span given by code point or UTF-16 offsets into `text`.
fn offset_span(
    text: &Slicer,
    label: &Value,
    start: Option<usize>,
    end: Option<usize>,
    utf16: bool,
) -> ReadSpan {
    let at_offsets = match (start, end) {
        (Some(s), Some(e)) if utf16 => text.utf16(s, e),
        (Some(s), Some(e)) => text.cp(s, e),
        _ => None,
    };
    let show = |n: Option<usize>| n.map_or("?".to_string(), |n| n.to_string());
    ReadSpan {
        label: label.as_str().unwrap_or_default().to_string(),
        at_offsets,
        stated: None,
        place: format!("{}–{}", show(start), show(end)),
    }
}

/// A spaCy line as the self-check reads it: only the fields it checks, typed, so that the one
/// token object per character costs no map (other fields are skipped).
#[derive(serde::Deserialize)]
struct SpacyLine {
    text: String,
    #[serde(default)]
    spans: Vec<SpacySpan>,
    #[serde(default)]
    tokens: Vec<SpacyToken>,
}

#[derive(serde::Deserialize)]
struct SpacySpan {
    start: Option<usize>,
    end: Option<usize>,
    #[serde(default)]
    label: Value,
    text: Option<String>,
    token_start: Option<usize>,
    token_end: Option<usize>,
}

#[derive(serde::Deserialize)]
struct SpacyToken {
    start: Option<usize>,
    end: Option<usize>,
}

fn read_spacy(files: &[OutFile]) -> Result<Vec<ReadRecord>, String> {
    let mut records = Vec::new();
    for file in data_files(files, ".jsonl") {
        let all =
            std::str::from_utf8(&file.contents).map_err(|e| format!("{} is not UTF-8: {e}", file.path))?;
        for (n, line) in all.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let line: SpacyLine = serde_json::from_str(line)
                .map_err(|e| format!("{} line {} is not a spaCy line: {e}", file.path, n + 1))?;
            let text = Slicer::new(&line.text);
            let mut spans = Vec::new();
            for span in line.spans {
                let mut read = offset_span(&text, &span.label, span.start, span.end, false);
                read.stated = span.text;
                // The span must also begin and end on its tokens' edges.
                let first = span.token_start.and_then(|i| line.tokens.get(i));
                let last = span.token_end.and_then(|i| line.tokens.get(i));
                let aligned =
                    first.and_then(|t| t.start) == span.start && last.and_then(|t| t.end) == span.end;
                if !aligned {
                    read.at_offsets = None;
                    read.place.push_str(" (not on its tokens)");
                }
                spans.push(read);
            }
            records.push(ReadRecord { spans });
        }
    }
    Ok(records)
}

fn read_doccano(files: &[OutFile], format: Format) -> Result<Vec<ReadRecord>, String> {
    let utf16 = format == Format::DoccanoUtf16;
    let mut records = Vec::new();
    for line in json_lines(&data_files(files, ".jsonl"))? {
        let text = Slicer::new(line["text"].as_str().ok_or("a line has no \"text\"")?);
        let spans = if format == Format::DoccanoEntities {
            line["entities"]
                .as_array()
                .ok_or("a line has no \"entities\" list")?
                .iter()
                .map(|e| {
                    offset_span(
                        &text,
                        &e["label"],
                        usize_at(e, "start_offset"),
                        usize_at(e, "end_offset"),
                        false,
                    )
                })
                .collect()
        } else {
            line["label"]
                .as_array()
                .ok_or("a line has no \"label\" list")?
                .iter()
                .map(|t| {
                    let at =
                        |i: usize| t.get(i).and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok());
                    offset_span(&text, t.get(2).unwrap_or(&Value::Null), at(0), at(1), utf16)
                })
                .collect()
        };
        records.push(ReadRecord { spans });
    }
    Ok(records)
}

fn read_label_studio(files: &[OutFile]) -> Result<Vec<ReadRecord>, String> {
    let mut records = Vec::new();
    for file in data_files(files, ".json") {
        let tasks = whole_json(file)?;
        for task in tasks.as_array().ok_or(format!("{} is not a list of tasks", file.path))? {
            let text = Slicer::new(task["data"]["text"].as_str().ok_or("a task has no data.text")?);
            let results = ["annotations", "predictions"]
                .iter()
                .flat_map(|k| task[*k].as_array().cloned().unwrap_or_default())
                // The suggestion layer, exported beside the spans on request, is not a span.
                .filter(|a| a["model_version"] != label_studio::SUGGESTIONS_VERSION)
                .flat_map(|a| a["result"].as_array().cloned().unwrap_or_default());
            let spans = results
                .filter(|r| r["type"] == "labels")
                .map(|result| {
                    let value = &result["value"];
                    let label = value["labels"].get(0).unwrap_or(&Value::Null);
                    let mut read =
                        offset_span(&text, label, usize_at(value, "start"), usize_at(value, "end"), false);
                    read.stated = value["text"].as_str().map(str::to_string);
                    read
                })
                .collect();
            records.push(ReadRecord { spans });
        }
    }
    Ok(records)
}

fn read_brat(files: &[OutFile], records: &[Record]) -> Result<Vec<ReadRecord>, String> {
    // One map from file name to file: a lookup per record, never a scan of the file list.
    let by_name: HashMap<&str, &OutFile> =
        files.iter().map(|f| (f.path.rsplit('/').next().unwrap_or(&f.path), f)).collect();
    let ann_count = files.iter().filter(|f| f.path.ends_with(".ann")).count();
    if ann_count != records.len() {
        return Err(format!("{ann_count} .ann file(s) written for {} record(s)", records.len()));
    }
    let mut out = Vec::new();
    for record in records {
        let stem = super::brat::file_stem(&record.id);
        let (Some(txt), Some(ann)) =
            (by_name.get(format!("{stem}.txt").as_str()), by_name.get(format!("{stem}.ann").as_str()))
        else {
            return Err(format!("{}: its {stem}.txt or {stem}.ann is missing", record.id));
        };
        let text = Slicer::new(std::str::from_utf8(&txt.contents).map_err(|e| format!("{}: {e}", txt.path))?);
        let ann_text = std::str::from_utf8(&ann.contents).map_err(|e| format!("{}: {e}", ann.path))?;
        let mut spans = Vec::new();
        for (n, line) in ann_text.lines().enumerate().filter(|(_, l)| l.starts_with('T')) {
            let mut fields = line.split('\t');
            let (_, Some(spec), Some(quoted)) = (fields.next(), fields.next(), fields.next()) else {
                return Err(format!("{} line {}: not ID<TAB>TYPE OFFSETS<TAB>TEXT", ann.path, n + 1));
            };
            let (label, ranges) = spec.split_once(' ').unwrap_or((spec, ""));
            let pieces: Option<Vec<String>> = ranges
                .split(';')
                .map(|r| {
                    let (s, e) = r.split_once(' ')?;
                    text.cp(s.parse().ok()?, e.parse().ok()?)
                })
                .collect();
            spans.push(ReadSpan {
                label: label.to_string(),
                // brat joins fragments with a space; the record's text has the line break there.
                at_offsets: pieces.map(|p| p.join(" ")),
                stated: Some(quoted.to_string()),
                place: format!("{} line {} ({ranges})", ann.path, n + 1),
            });
        }
        out.push(ReadRecord { spans });
    }
    Ok(out)
}

fn read_tagged(files: &[OutFile], format: Format) -> Result<Vec<ReadRecord>, String> {
    let sequences: Vec<Vec<(String, String)>> = match format {
        Format::Conll => {
            let mut all = Vec::new();
            for file in data_files(files, ".conll") {
                let text = std::str::from_utf8(&file.contents).map_err(|e| format!("{}: {e}", file.path))?;
                for block in text.split("\n\n").filter(|b| !b.trim().is_empty()) {
                    let mut seq = Vec::new();
                    for line in block.lines() {
                        let (c, t) =
                            line.split_once('\t').ok_or(format!("{}: «{line}» has no tag", file.path))?;
                        seq.push((c.to_string(), t.to_string()));
                    }
                    all.push(seq);
                }
            }
            all
        }
        _ => {
            let names: Vec<String> = files
                .iter()
                .find(|f| f.path.rsplit('/').next() == Some("labels.json"))
                .ok_or("labels.json is missing")
                .and_then(|f| {
                    serde_json::from_slice(&f.contents).map_err(|_| "labels.json is not a list of names")
                })?;
            let data: Vec<&OutFile> = data_files(files, ".jsonl");
            let mut all = Vec::new();
            for line in json_lines(&data)? {
                let tokens = line["tokens"].as_array().ok_or("a line has no \"tokens\"")?;
                let tags = line["ner_tags"].as_array().ok_or("a line has no \"ner_tags\"")?;
                if tokens.len() != tags.len() {
                    return Err(format!("a line has {} tokens but {} tags", tokens.len(), tags.len()));
                }
                let mut seq = Vec::new();
                for (token, id) in tokens.iter().zip(tags) {
                    let name = id
                        .as_u64()
                        .and_then(|i| names.get(usize::try_from(i).ok()?))
                        .ok_or(format!("tag id {id} is not in labels.json"))?;
                    seq.push((token.as_str().unwrap_or_default().to_string(), name.clone()));
                }
                all.push(seq);
            }
            all
        }
    };
    Ok(sequences
        .iter()
        .map(|seq| ReadRecord {
            spans: super::check::decode_tags(seq)
                .into_iter()
                .map(|(label, text)| ReadSpan {
                    label,
                    at_offsets: Some(text),
                    stated: None,
                    place: "tags".into(),
                })
                .collect(),
        })
        .collect())
}

fn read_w3c(files: &[OutFile]) -> Result<Vec<ReadRecord>, String> {
    let mut records = Vec::new();
    for file in data_files(files, ".jsonld") {
        let collection = whole_json(file)?;
        let sources =
            collection["biaozhu:sources"].as_array().ok_or(format!("{}: no biaozhu:sources", file.path))?;
        let mut order: HashMap<&str, usize> = HashMap::new();
        let mut texts = Vec::new();
        for source in sources {
            let (Some(id), Some(text)) = (source["id"].as_str(), source["text"].as_str()) else {
                return Err(format!("{}: a source has no id or text", file.path));
            };
            order.insert(id, texts.len());
            texts.push(Slicer::new(text));
        }
        let mut read: Vec<ReadRecord> = texts.iter().map(|_| ReadRecord { spans: Vec::new() }).collect();
        let items =
            collection["first"]["items"].as_array().ok_or(format!("{}: no first.items", file.path))?;
        for item in items.iter().filter(|i| i["motivation"] == "tagging") {
            let source = item["target"]["source"]
                .as_str()
                .and_then(|id| order.get(id))
                .copied()
                .ok_or(format!("{}: annotation {} points at no source", file.path, item["id"]))?;
            let selectors = item["target"]["selector"].as_array().cloned().unwrap_or_default();
            let position = selectors.iter().find(|s| s["type"] == "TextPositionSelector");
            let quote = selectors.iter().find(|s| s["type"] == "TextQuoteSelector");
            let bodies: Vec<&Value> = match &item["body"] {
                Value::Array(list) => list.iter().collect(),
                one => vec![one],
            };
            let label = bodies
                .iter()
                .find(|b| b.get("biaozhu:attribute").is_none())
                .map_or(&Value::Null, |b| &b["value"]);
            let mut span = offset_span(
                &texts[source],
                label,
                position.and_then(|p| usize_at(p, "start")),
                position.and_then(|p| usize_at(p, "end")),
                false,
            );
            span.stated = quote.and_then(|q| q["exact"].as_str()).map(str::to_string);
            read[source].spans.push(span);
        }
        records.extend(read);
    }
    Ok(records)
}

/// The records `files` hold, read as `format` does.
///
/// # Errors
/// A message naming the file and what does not read.
pub(super) fn read_back(
    format: Format,
    files: &[OutFile],
    records: &[Record],
) -> Result<Vec<ReadRecord>, String> {
    match format {
        Format::Spacy => read_spacy(files),
        Format::DoccanoLabels | Format::DoccanoUtf16 | Format::DoccanoEntities => read_doccano(files, format),
        Format::LabelStudio => read_label_studio(files),
        Format::Brat => read_brat(files, records),
        Format::Conll | Format::HuggingFace => read_tagged(files, format),
        Format::W3c => read_w3c(files),
    }
}
