//! The self-check run before every download: the written files are read back, and each span's
//! offsets must give back its text in the unit the format promises. A failure names the span.

use super::units::Record;
use super::{Format, OutFile};
use serde_json::Value;

/// One text, decoded once, sliced by code points or UTF-16 units (slicing a long text span by
/// span from the start each time would make the check quadratic).
struct Slicer {
    chars: Vec<char>,
    units: Vec<u16>,
}

impl Slicer {
    fn new(text: &str) -> Self {
        Slicer { chars: text.chars().collect(), units: text.encode_utf16().collect() }
    }

    /// Code points `start..end`, or `None` when out of range.
    fn cp(&self, start: usize, end: usize) -> Option<String> {
        (start <= end && end <= self.chars.len()).then(|| self.chars[start..end].iter().collect())
    }

    /// UTF-16 units `start..end`, or `None` when out of range or half a character.
    fn utf16(&self, start: usize, end: usize) -> Option<String> {
        (start <= end && end <= self.units.len()).then(|| String::from_utf16(&self.units[start..end]).ok())?
    }
}

fn usize_at(value: &Value, key: &str) -> Option<usize> {
    value.get(key)?.as_u64().map(|n| n as usize)
}

fn json_lines(file: &OutFile) -> Vec<Value> {
    String::from_utf8_lossy(&file.contents)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or(Value::Null))
        .collect()
}

/// Checks the files written for `records` (one part of the export). Returns the problems.
pub fn check_part(format: Format, files: &[OutFile], records: &[Record]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut fail =
        |record: &Record, what: String| problems.push(format!("self-check, {}: {what}", record.id));
    match format {
        Format::Spacy => {
            for (record, line) in records.iter().zip(files.iter().flat_map(json_lines)) {
                let text = Slicer::new(line["text"].as_str().unwrap_or_default());
                let tokens = line["tokens"].as_array().cloned().unwrap_or_default();
                for span in line["spans"].as_array().into_iter().flatten() {
                    let (start, end) =
                        (usize_at(span, "start").unwrap_or(0), usize_at(span, "end").unwrap_or(0));
                    let expected = span["text"].as_str().unwrap_or_default();
                    if text.cp(start, end).as_deref() != Some(expected) {
                        fail(
                            record,
                            format!("span {start}–{end} «{expected}» does not match text[start:end]"),
                        );
                    }
                    let first = usize_at(span, "token_start").and_then(|i| tokens.get(i));
                    let last = usize_at(span, "token_end").and_then(|i| tokens.get(i));
                    let aligned = first.and_then(|t| usize_at(t, "start")) == Some(start)
                        && last.and_then(|t| usize_at(t, "end")) == Some(end);
                    if !aligned {
                        fail(record, format!("span {start}–{end} «{expected}» does not match its tokens"));
                    }
                }
            }
        }
        Format::DoccanoLabels | Format::DoccanoUtf16 | Format::DoccanoEntities => {
            let utf16 = format == Format::DoccanoUtf16;
            for (record, line) in records.iter().zip(files.iter().flat_map(json_lines)) {
                let text = Slicer::new(line["text"].as_str().unwrap_or_default());
                let offsets: Vec<(usize, usize)> = if format == Format::DoccanoEntities {
                    line["entities"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|e| {
                            (usize_at(e, "start_offset").unwrap_or(0), usize_at(e, "end_offset").unwrap_or(0))
                        })
                        .collect()
                } else {
                    line["label"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|t| (t[0].as_u64().unwrap_or(0) as usize, t[1].as_u64().unwrap_or(0) as usize))
                        .collect()
                };
                for (span, (start, end)) in record.spans.iter().zip(offsets) {
                    let got = if utf16 { text.utf16(start, end) } else { text.cp(start, end) };
                    if got.as_deref() != Some(span.text.as_str()) {
                        fail(
                            record,
                            format!(
                                "span {} written at {start}–{end} does not give «{}»",
                                span.id.0, span.text
                            ),
                        );
                    }
                }
            }
        }
        Format::LabelStudio => {
            let tasks: Vec<Value> = files
                .iter()
                .filter(|f| f.path.ends_with(".json"))
                .flat_map(|f| serde_json::from_slice::<Vec<Value>>(&f.contents).unwrap_or_default())
                .collect();
            for (record, task) in records.iter().zip(tasks) {
                let text = Slicer::new(task["data"]["text"].as_str().unwrap_or_default());
                let results = ["annotations", "predictions"]
                    .iter()
                    .flat_map(|k| task[*k].as_array().cloned().unwrap_or_default())
                    .flat_map(|a| a["result"].as_array().cloned().unwrap_or_default());
                for result in results.filter(|r| r["type"] == "labels") {
                    let value = &result["value"];
                    let (start, end) =
                        (usize_at(value, "start").unwrap_or(0), usize_at(value, "end").unwrap_or(0));
                    let expected = value["text"].as_str().unwrap_or_default();
                    if text.cp(start, end).as_deref() != Some(expected) {
                        fail(record, format!("region {start}–{end} «{expected}» does not match the text"));
                    }
                }
            }
        }
        Format::Brat => {
            for record in records {
                let stem = super::brat::file_stem(&record.id);
                let find = |ext: &str| {
                    files.iter().find(|f| f.path.rsplit('/').next() == Some(&format!("{stem}.{ext}")))
                };
                let (Some(txt), Some(ann)) = (find("txt"), find("ann")) else {
                    fail(record, "its .txt or .ann file is missing".into());
                    continue;
                };
                let text = Slicer::new(&String::from_utf8_lossy(&txt.contents));
                for line in String::from_utf8_lossy(&ann.contents).lines().filter(|l| l.starts_with('T')) {
                    let mut fields = line.split('\t');
                    let (_, Some(spec), Some(quoted)) = (fields.next(), fields.next(), fields.next()) else {
                        continue;
                    };
                    let ranges = spec.split_once(' ').map(|(_, r)| r).unwrap_or_default();
                    let pieces: Option<Vec<String>> = ranges
                        .split(';')
                        .map(|r| {
                            let (s, e) = r.split_once(' ')?;
                            text.cp(s.parse().ok()?, e.parse().ok()?)
                        })
                        .collect();
                    if pieces.map(|p| p.join(" ")).as_deref() != Some(quoted) {
                        fail(record, format!("annotation «{line}» does not match the .txt"));
                    }
                }
            }
        }
        Format::Conll | Format::HuggingFace => {
            // The tags are decoded back into spans and compared with the record's spans.
            let decoded = decode_tagged(format, files);
            for (record, spans) in records.iter().zip(decoded) {
                let mut expected: Vec<(String, String)> = record
                    .spans
                    .iter()
                    .map(|s| (s.label.clone(), s.text.chars().filter(|c| !c.is_whitespace()).collect()))
                    .collect();
                let mut got = spans;
                expected.sort();
                got.sort();
                if expected != got {
                    fail(
                        record,
                        format!(
                            "the tags decode to {} span(s), not the {} exported",
                            got.len(),
                            expected.len()
                        ),
                    );
                }
            }
        }
        Format::W3c => {
            for file in files {
                let collection: Value = serde_json::from_slice(&file.contents).unwrap_or(Value::Null);
                let sources = collection["biaozhu:sources"].as_array().cloned().unwrap_or_default();
                let items = collection["first"]["items"].as_array().cloned().unwrap_or_default();
                let texts: std::collections::HashMap<&str, Slicer> = sources
                    .iter()
                    .filter_map(|s| Some((s["id"].as_str()?, Slicer::new(s["text"].as_str()?))))
                    .collect();
                for item in items.iter().filter(|i| i["motivation"] == "tagging") {
                    let text = item["target"]["source"].as_str().and_then(|id| texts.get(id));
                    let selectors = item["target"]["selector"].as_array().cloned().unwrap_or_default();
                    let position = selectors.iter().find(|s| s["type"] == "TextPositionSelector");
                    let quote = selectors.iter().find(|s| s["type"] == "TextQuoteSelector");
                    let ok = match (text, position, quote) {
                        (Some(text), Some(p), Some(q)) => {
                            text.cp(usize_at(p, "start").unwrap_or(0), usize_at(p, "end").unwrap_or(0))
                                .as_deref()
                                == q["exact"].as_str()
                        }
                        _ => false,
                    };
                    if !ok {
                        problems
                            .push(format!("self-check: annotation {} does not match its text", item["id"]));
                    }
                }
            }
        }
    }
    problems
}

/// The (label, text) spans encoded by each record's tags, from CoNLL lines or HF JSONL.
fn decode_tagged(format: Format, files: &[OutFile]) -> Vec<Vec<(String, String)>> {
    let data: Vec<&OutFile> = files.iter().filter(|f| f.path != "labels.json").collect();
    let sequences: Vec<Vec<(String, String)>> = match format {
        Format::Conll => data
            .iter()
            .flat_map(|f| {
                String::from_utf8_lossy(&f.contents)
                    .split("\n\n")
                    .filter(|block| !block.trim().is_empty())
                    .map(|block| {
                        block
                            .lines()
                            .filter_map(|l| l.split_once('\t'))
                            .map(|(c, t)| (c.to_string(), t.to_string()))
                            .collect()
                    })
                    .collect::<Vec<_>>()
            })
            .collect(),
        _ => Vec::new(),
    };
    let sequences = if format == Format::HuggingFace {
        // Tag ids are decoded with the label list written beside the data.
        let names: Vec<String> = files
            .iter()
            .find(|f| f.path == "labels.json")
            .and_then(|f| serde_json::from_slice(&f.contents).ok())
            .unwrap_or_default();
        data.iter()
            .flat_map(|f| json_lines(f))
            .map(|line| {
                let tokens = line["tokens"].as_array().cloned().unwrap_or_default();
                let tags = line["ner_tags"].as_array().cloned().unwrap_or_default();
                tokens
                    .iter()
                    .zip(tags)
                    .map(|(t, id)| {
                        let name =
                            id.as_u64().and_then(|i| names.get(i as usize)).cloned().unwrap_or_default();
                        (t.as_str().unwrap_or_default().to_string(), name)
                    })
                    .collect()
            })
            .collect()
    } else {
        sequences
    };
    sequences.iter().map(|seq| decode_tags(seq)).collect()
}

/// Spans from a BIO or BIOES tag sequence as (label, joined token text).
pub fn decode_tags(seq: &[(String, String)]) -> Vec<(String, String)> {
    let tags: Vec<&str> = seq.iter().map(|(_, t)| t.as_str()).collect();
    super::tokens::decode_positions(&tags)
        .into_iter()
        .map(|(label, first, last)| (label, seq[first..=last].iter().map(|(t, _)| t.as_str()).collect()))
        .collect()
}
