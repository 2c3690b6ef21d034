//! The CoNLL character-tag reader, resumable: a corpus of millions of lines is read a piece at
//! a time (see `import::job`), and a small file in one go.

use super::super::{OffsetUnit, Parsed, RawDoc};
use super::tagged_doc;
use super::{malformed, Flaw, InFile, Place, ReadError};
use crate::core::offsets::excerpt;

/// CoNLL: `TOKEN<sep>…<sep>TAG` per line, a blank line between records. Each record (a
/// document, paragraph or sentence, as exported) becomes a document; `-DOCSTART-` lines are
/// skipped.
pub(super) fn read(file: &InFile, text: &str) -> Result<Parsed, ReadError> {
    let mut reader = ConllReader::new(&file.name);
    reader.read(text, text.len())?;
    reader.finish()
}

/// A CoNLL file being read: the documents of the records read so far.
#[derive(Debug)]
pub struct ConllReader {
    name: String,
    /// Where the next piece starts: a byte offset of the text, and its line number (from 0).
    at: usize,
    line: usize,
    /// The record being read, as byte ranges of its tokens and tags: a piece may end inside a
    /// record, and ranges need no copy of the text.
    tokens: Vec<(usize, usize)>,
    tags: Vec<(usize, usize)>,
    docs: Vec<RawDoc>,
}

impl ConllReader {
    pub fn new(file_name: &str) -> Self {
        ConllReader {
            name: file_name.to_string(),
            at: 0,
            line: 0,
            tokens: Vec::new(),
            tags: Vec::new(),
            docs: Vec::new(),
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
    /// A line that is not a token and a BIO/BIOES tag, naming its line number.
    pub fn read(&mut self, text: &str, budget: usize) -> Result<bool, ReadError> {
        let stop = self.at.saturating_add(budget);
        while self.at < text.len() && self.at < stop {
            let (line, len) = super::line_at(text, self.at);
            let start = self.at;
            self.at += len;
            self.line += 1;
            self.read_line(text, start, line.trim_end_matches('\r'))?;
        }
        if self.at >= text.len() {
            self.end_record(text);
            return Ok(true);
        }
        Ok(false)
    }

    fn read_line(&mut self, text: &str, start: usize, line: &str) -> Result<(), ReadError> {
        if line.trim().is_empty() || line.starts_with("-DOCSTART-") {
            self.end_record(text);
            return Ok(());
        }
        // Tab first (the token may be a space-like character in other files), then spaces; the
        // tag is the last field.
        let separator = if line.contains('\t') { '\t' } else { ' ' };
        let place = || Place::line(&self.name, self.line);
        let Some(((token, _), (_, tag))) = line.split_once(separator).zip(line.rsplit_once(separator)) else {
            return Err(malformed(place(), Flaw::NotTokenAndTag { found: excerpt(line) }));
        };
        let tag = tag.trim();
        let valid = tag == "O"
            || tag
                .split_once('-')
                .is_some_and(|(p, l)| matches!(p, "B" | "I" | "E" | "S" | "M") && !l.is_empty());
        if !valid {
            return Err(malformed(place(), Flaw::NotATag { tag: excerpt(tag) }));
        }
        let offset = |part: &str| part.as_ptr() as usize - text.as_ptr() as usize;
        debug_assert!(offset(line) == start);
        self.tokens.push((offset(token), offset(token) + token.len()));
        self.tags.push((offset(tag), offset(tag) + tag.len()));
        Ok(())
    }

    fn end_record(&mut self, text: &str) {
        if self.tokens.is_empty() {
            return;
        }
        let pick = |ranges: &[(usize, usize)]| ranges.iter().map(|&(a, b)| &text[a..b]).collect::<Vec<_>>();
        let (tokens, tags) = (pick(&self.tokens), pick(&self.tags));
        let (doc_text, spans) = tagged_doc(&tokens, &tags, "");
        self.tokens.clear();
        self.tags.clear();
        self.docs.push(RawDoc {
            id: None,
            name: None,
            text: doc_text,
            spans,
            unit: Some(OffsetUnit::CodePoint),
            ..Default::default()
        });
    }

    /// The documents read, named after the file (numbered when there are several).
    ///
    /// # Errors
    /// When the file held no tagged line.
    pub fn finish(self) -> Result<Parsed, ReadError> {
        if self.docs.is_empty() {
            return Err(malformed(Place::file(&self.name), Flaw::NoTaggedLines));
        }
        let stem = self.name.rsplit('/').next().unwrap_or(&self.name).to_string();
        let count = self.docs.len();
        let docs = self
            .docs
            .into_iter()
            .enumerate()
            .map(|(i, doc)| {
                let name = if count == 1 { stem.clone() } else { format!("{stem} {}", i + 1) };
                RawDoc { name: Some(name), ..doc }
            })
            .collect();
        Ok(Parsed { format: "CoNLL", docs, notes: Vec::new(), table: None })
    }
}
