//! Readers for each dataset format: file bytes in, [`Parsed`] documents out. The format is
//! recognised from the file names and the content, not from a menu.

mod brat;
mod conll;
mod jsonl;
mod label_studio;
mod w3c;

use super::{Parsed, RawSpan};
use crate::core::export::tokens::decode_positions;
use serde_json::Value;
use std::io::Read;

/// The largest file the app reads, picked, dropped or fetched by `?doc=`, and the most a zip
/// may inflate to in all: one limit at every door.
pub const MAX_INPUT_BYTES: usize = 64 << 20;

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
        return brat::read(&expanded);
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

pub(super) fn utf8(file: &InFile) -> Result<&str, String> {
    let bytes = file.bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&file.bytes);
    std::str::from_utf8(bytes)
        .map_err(|e| format!("{} is not UTF-8 text (invalid byte at offset {})", file.name, e.valid_up_to()))
}

/// Inflates a zip's entries, at most [`MAX_INPUT_BYTES`] in all: a zip bomb is refused while it
/// inflates, whatever sizes its headers claim. Entry names are only matched against each other
/// (a brat `.txt` beside its `.ann`), never used as paths.
fn unzip(file: &InFile) -> Result<Vec<InFile>, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&file.bytes))
        .map_err(|e| format!("{} is not a readable zip: {e}", file.name))?;
    let too_big = || {
        format!(
            "{} inflates to more than {} MB; zips are read up to that size in all",
            file.name,
            MAX_INPUT_BYTES >> 20
        )
    };
    let mut out = Vec::new();
    let mut budget = MAX_INPUT_BYTES as u64;
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(|e| format!("{}: {e}", file.name))?;
        if entry.is_dir() {
            continue;
        }
        if entry.size() > budget {
            return Err(too_big());
        }
        let name = entry.name().map_err(|e| format!("{}: {e}", file.name))?.to_string();
        let mut bytes = Vec::new();
        // One byte past the budget tells a bomb that lies about its size from one that fits.
        entry.take(budget + 1).read_to_end(&mut bytes).map_err(|e| format!("{}: {name}: {e}", file.name))?;
        if bytes.len() as u64 > budget {
            return Err(too_big());
        }
        budget -= bytes.len() as u64;
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
            return w3c::read(file, &value);
        }
        if let Some(tasks) = value.as_array() {
            if tasks.iter().all(|t| t.get("data").is_some()) && !tasks.is_empty() {
                return label_studio::read(file, tasks);
            }
        }
        if value.get("data").is_some() {
            return label_studio::read(file, std::slice::from_ref(&value));
        }
        // A single JSON object per file is read like one JSONL line.
        if value.is_object() {
            return jsonl::read(file, &format!("{value}\n"), labels_json);
        }
        return Err(format!("{}: the JSON is not a format this app reads", file.name));
    }
    if trimmed.starts_with('{') {
        return jsonl::read(file, text, labels_json);
    }
    conll::read(file, text)
}

/// A JSON value for a message: at most 80 characters of it.
pub(super) fn short_json(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(80) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

pub(super) fn usize_field(value: &Value, key: &str) -> Option<usize> {
    // `try_from`, not `as`: on wasm32 a large offset would wrap to a small, wrong one.
    value.get(key).and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok())
}

pub(super) fn string_field(value: &Value, key: &str) -> Option<String> {
    match value.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Spans from tokens and their tags; offsets in code points of the joined tokens.
pub(super) fn tagged_doc(tokens: &[String], tags: &[String], separator: &str) -> (String, Vec<RawSpan>) {
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
            ..Default::default()
        })
        .collect();
    (text, spans)
}
