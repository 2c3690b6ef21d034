//! Readers for each dataset format: file bytes in, [`Parsed`] documents out. The format is
//! recognised from the file names and the content, not from a menu.

mod brat;
mod conll;
mod finding;
mod jsonl;
mod label_studio;
mod read_error;
mod table;
mod w3c;

pub use conll::ConllReader;
pub use finding::{Flaw, Found, Passed, Place, Unit, Unread};
pub use jsonl::JsonlReader;
pub(super) use read_error::malformed;
pub use read_error::{format_name, Cause, FormatName, ReadError, FORMAT_NAMES};
pub use table::Table;

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
/// See [`ReadError`]: each names the file and what is wrong with it.
pub fn parse(files: &[InFile]) -> Result<Parsed, ReadError> {
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
        return Err(ReadError::NoDataFile);
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
                return Err(ReadError::MixedFormats {
                    file: file.name.clone(),
                    format: part.format,
                    others: all.format,
                })
            }
        }
    }
    Ok(parsed.expect("at least one data file"))
}

/// True when `file` alone (not a zip, not with an `.ann`) would be read as CoNLL by [`parse`]:
/// a text that is not JSON, CSV or a TSV table. Such a file can be read in pieces
/// ([`ConllReader`]).
pub fn reads_as_conll(file: &InFile, text: &str) -> bool {
    let lower = file.name.to_ascii_lowercase();
    let other = file.bytes.starts_with(b"PK\x03\x04")
        || lower.ends_with(".ann")
        || is_side_file(&file.name)
        || lower.ends_with(".csv")
        || lower.ends_with(".tsv") && is_tsv_table(text)
        || text.trim_start().starts_with(['{', '[']);
    !other
}

/// True when `file` alone would be read as JSONL lines by [`parse`]: its first line is a JSON
/// object and another line follows (one whole JSON value, a W3C or Label Studio file, is read
/// at once). Such a file can be read in pieces ([`JsonlReader`]).
pub fn reads_as_jsonl(file: &InFile, text: &str) -> bool {
    let lower = file.name.to_ascii_lowercase();
    let trimmed = text.trim_start();
    let mut lines = trimmed.lines().filter(|l| !l.trim().is_empty());
    let first_is_object = lines.next().is_some_and(|l| {
        l.trim_start().starts_with('{') && serde_json::from_str::<serde_json::Map<String, Value>>(l).is_ok()
    });
    !file.bytes.starts_with(b"PK\x03\x04")
        && !is_side_file(&file.name)
        && !lower.ends_with(".csv")
        && first_is_object
        && lines.next().is_some()
}

/// The line of `text` starting at byte `at` (without its `\n`) and the bytes it takes with it:
/// how the resumable readers walk a file a piece at a time.
pub(super) fn line_at(text: &str, at: usize) -> (&str, usize) {
    let rest = &text[at..];
    match rest.find('\n') {
        Some(end) => (&rest[..end], end + 1),
        None => (rest, rest.len()),
    }
}

/// A file's name without its folders (zip entries carry paths).
pub(super) fn base_name(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

/// Files that describe a dataset rather than hold it (configs, label lists).
fn is_side_file(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name);
    base == "labels.json" || base.ends_with(".conf") || base.ends_with(".xml")
}

pub(super) fn utf8(file: &InFile) -> Result<&str, ReadError> {
    let bytes = file.bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&file.bytes);
    std::str::from_utf8(bytes)
        .map_err(|e| ReadError::NotUtf8 { file: file.name.clone(), offset: e.valid_up_to() })
}

/// Inflates a zip's entries, at most [`MAX_INPUT_BYTES`] in all: a zip bomb is refused while it
/// inflates, whatever sizes its headers claim. Entry names are only matched against each other
/// (a brat `.txt` beside its `.ann`), never used as paths.
fn unzip(file: &InFile) -> Result<Vec<InFile>, ReadError> {
    let bad_zip = |cause| ReadError::BadZip { file: file.name.clone(), cause: Cause::of(&cause) };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&file.bytes)).map_err(bad_zip)?;
    let too_big = || ReadError::TooLarge { file: file.name.clone(), limit: MAX_INPUT_BYTES };
    let mut out = Vec::new();
    let mut budget = MAX_INPUT_BYTES as u64;
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(bad_zip)?;
        if entry.is_dir() {
            continue;
        }
        if entry.size() > budget {
            return Err(too_big());
        }
        let name = entry.name().map_err(bad_zip)?.to_string();
        let mut bytes = Vec::new();
        // One byte past the budget tells a bomb that lies about its size from one that fits.
        entry.take(budget + 1).read_to_end(&mut bytes).map_err(|cause| ReadError::Inflate {
            file: file.name.clone(),
            entry: name.clone(),
            cause: Cause::of(&cause),
        })?;
        if bytes.len() as u64 > budget {
            return Err(too_big());
        }
        budget -= bytes.len() as u64;
        out.push(InFile { name, bytes });
    }
    Ok(out)
}

fn read_one(file: &InFile, text: &str, labels_json: Option<&InFile>) -> Result<Parsed, ReadError> {
    let lower = file.name.to_ascii_lowercase();
    if lower.ends_with(".csv") {
        return table::read(file, text, ',');
    }
    if lower.ends_with(".tsv") && is_tsv_table(text) {
        return table::read(file, text, '\t');
    }
    let trimmed = text.trim_start();
    // One whole JSON value (a list, or one object), else JSONL lines or CoNLL; parsed once.
    let whole: Option<Result<Value, serde_json::Error>> = match trimmed.as_bytes().first() {
        Some(b'[') => Some(serde_json::from_str(text)),
        Some(b'{') => serde_json::from_str(text).ok().map(Ok),
        _ => None,
    };
    if let Some(whole) = whole {
        let value = whole.map_err(|cause| ReadError::NotJson {
            place: Place::file(&file.name),
            cause: Cause::of(&cause),
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
        return Err(ReadError::UnknownFormat { file: file.name.clone() });
    }
    if trimmed.starts_with('{') {
        return jsonl::read(file, text, labels_json);
    }
    conll::read(file, text)
}

/// True when a `.tsv` file is a table of texts (a header with tab-separated columns), not a
/// token-per-line tagged corpus.
pub fn is_tsv_table(text: &str) -> bool {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    header.contains('\t') && !crate::core::intake::looks_tagged(text)
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
pub(super) fn tagged_doc<S: AsRef<str>>(tokens: &[S], tags: &[S], separator: &str) -> (String, Vec<RawSpan>) {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(tokens.len() + 1);
    let mut cp = 0;
    for (i, token) in tokens.iter().enumerate() {
        let token = token.as_ref();
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
            end: starts[last] + tokens[last].as_ref().chars().count(),
            label,
            text: None,
            ..Default::default()
        })
        .collect();
    (text, spans)
}
