//! CSV and TSV files of texts: a header row, then one document per row, its text from the
//! column the user picks in the review (first a column named like `text`, else the column with
//! the longest cells). An `id` column gives the document's id, a `name` or `title` column its
//! name; otherwise a document is named after the file and its row.
//!
//! Fields follow RFC 4180: a field may be quoted, a quoted field may hold the delimiter, line
//! breaks and doubled quotes; lines end in LF or CRLF. Written by hand (about 60 lines) rather
//! than with the `csv` crate, whose reader would add its own error and record types for this one
//! use.

use super::super::{Parsed, RawDoc};
use super::{Flaw, Found, InFile, Passed, Place, ReadError};
use crate::core::import::OffsetUnit;

/// A table read from a CSV or TSV file, kept with the parsed documents so that the review can
/// take the text from another column.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Table {
    pub file: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The column the documents' texts come from.
    pub text_column: usize,
}

/// Header names that say "the text" (compared without case).
const TEXT_NAMES: &[&str] = &["text", "content", "sentence", "body", "正文", "文本", "内容", "句子"];

impl Table {
    /// One document per row with a non-empty cell in the text column.
    pub fn docs(&self) -> (Vec<RawDoc>, Vec<Found<Passed>>) {
        let find = |names: &[&str]| {
            self.columns.iter().position(|c| names.contains(&c.trim().to_ascii_lowercase().as_str()))
        };
        let id_column = find(&["id"]).filter(|&c| c != self.text_column);
        let name_column = find(&["name", "title", "名称", "标题"]).filter(|&c| c != self.text_column);
        let stem = self.file.rsplit('/').next().unwrap_or(&self.file);
        let mut docs = Vec::new();
        let mut skipped = 0;
        for (n, row) in self.rows.iter().enumerate() {
            let cell =
                |c: Option<usize>| c.and_then(|c| row.get(c)).map(|s| s.trim()).filter(|s| !s.is_empty());
            let Some(text) = row.get(self.text_column).filter(|t| !t.trim().is_empty()) else {
                skipped += 1;
                continue;
            };
            // Rows are counted from 1 after the header, as a spreadsheet shows them from 2.
            let name = cell(name_column).map(str::to_string).unwrap_or_else(|| format!("{stem} #{}", n + 1));
            docs.push(RawDoc {
                id: cell(id_column).map(str::to_string),
                name: Some(name),
                text: text.clone(),
                unit: Some(OffsetUnit::CodePoint),
                ..Default::default()
            });
        }
        let notes = if skipped > 0 {
            let column = self.columns[self.text_column].clone();
            vec![Found {
                place: Place::file(&self.file),
                what: Passed::RowsWithoutText { count: skipped, column },
            }]
        } else {
            Vec::new()
        };
        (docs, notes)
    }

    /// The column a text most likely is in: a header named like it, else the longest cells.
    fn likely_text_column(columns: &[String], rows: &[Vec<String>]) -> usize {
        if let Some(named) =
            columns.iter().position(|c| TEXT_NAMES.contains(&c.trim().to_ascii_lowercase().as_str()))
        {
            return named;
        }
        let length = |c: usize| {
            rows.iter().take(200).map(|r| r.get(c).map_or(0, |s| s.chars().count())).sum::<usize>()
        };
        (0..columns.len()).max_by_key(|&c| (length(c), std::cmp::Reverse(c))).unwrap_or(0)
    }
}

/// Reads `text` (the contents of `file`) as a table separated by `delimiter`.
pub fn read(file: &InFile, text: &str, delimiter: char) -> Result<Parsed, ReadError> {
    let mut records = parse_records(text, delimiter)
        .map_err(|(line, what)| ReadError::Malformed { place: Place::line(&file.name, line), what })?;
    if records.is_empty() {
        return Err(ReadError::Malformed { place: Place::file(&file.name), what: Flaw::NoHeaderRow });
    }
    let columns = records.remove(0);
    let text_column = Table::likely_text_column(&columns, &records);
    let table = Table { file: file.name.clone(), columns, rows: records, text_column };
    let (docs, notes) = table.docs();
    let format = if delimiter == '\t' { "TSV table" } else { "CSV table" };
    Ok(Parsed { format, docs, notes, table: Some(table) })
}

/// The records of an RFC 4180 text; blank lines are skipped. An unclosed quote is refused with
/// the line it opened on.
fn parse_records(text: &str, delimiter: char) -> Result<Vec<Vec<String>>, (usize, Flaw)> {
    let mut records = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let (mut quoted, mut was_quoted) = (false, false);
    let (mut line, mut opened_on) = (1, 1);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if field.is_empty() && !was_quoted => {
                (quoted, was_quoted, opened_on) = (true, true, line);
            }
            c if quoted => {
                line += usize::from(c == '\n');
                field.push(c);
            }
            c if c == delimiter => {
                record.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                line += 1;
                record.push(std::mem::take(&mut field));
                was_quoted = false;
                if !(record.len() == 1 && record[0].is_empty()) {
                    records.push(std::mem::take(&mut record));
                }
                record.clear();
            }
            c => field.push(c),
        }
    }
    if quoted {
        return Err((opened_on, Flaw::QuoteNeverClosed));
    }
    if !field.is_empty() || !record.is_empty() || was_quoted {
        record.push(field);
        records.push(record);
    }
    Ok(records)
}
