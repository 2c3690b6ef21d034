//! Turning a pasted text or an uploaded `.txt` file into document text.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextInputError {
    Empty,
    /// The bytes are not UTF-8; `offset` is the byte where decoding failed.
    NotUtf8 {
        offset: usize,
    },
}

impl fmt::Display for TextInputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextInputError::Empty => write!(f, "the text is empty"),
            TextInputError::NotUtf8 { offset } => write!(
                f,
                "the file is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8 and try again"
            ),
        }
    }
}

impl std::error::Error for TextInputError {}

/// Decodes an uploaded file. A UTF-8 byte-order mark is dropped; line endings are kept exactly
/// as they are, so a `\r\n` counts as two characters, as in Python's `open(newline='')`.
pub fn decode_text_file(bytes: &[u8]) -> Result<String, TextInputError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| TextInputError::NotUtf8 { offset: e.valid_up_to() })?;
    check_text(text)
}

/// Checks pasted text (a leading BOM is dropped here too).
pub fn check_text(text: &str) -> Result<String, TextInputError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(TextInputError::Empty);
    }
    Ok(text.to_string())
}

/// A document name from a file name: the name without its `.txt` ending.
pub fn name_from_file_name(file_name: &str) -> String {
    let stem = file_name.strip_suffix(".txt").or_else(|| file_name.strip_suffix(".TXT")).unwrap_or(file_name);
    if stem.trim().is_empty() {
        "untitled".to_string()
    } else {
        stem.to_string()
    }
}

/// A document name from pasted text: its first non-empty line, cut to 24 characters.
pub fn name_from_text(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("untitled");
    let mut name: String = line.chars().take(24).collect();
    if line.chars().count() > 24 {
        name.push('…');
    }
    name
}
