//! Character tokens and tag sequences shared by the token-based formats.

use super::units::{Record, RecordSpan};
use serde::{Deserialize, Serialize};

/// A token of `spacy.blank("zh")` with its default `char` segmenter, in code points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// A slice of the record's text: a corpus export makes one token per character, millions
    /// of them, and a `String` each was a third of the spaCy export's time.
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// A single ASCII space follows and belongs to this token (spaCy's `whitespace_`).
    pub ws: bool,
}

/// Tokenises like spaCy's Chinese `char` segmenter: `list(text)` aligned by
/// `util.get_words_and_spaces`. Every non-whitespace code point is a token; one ASCII space
/// after a token is that token's trailing space; any other run of whitespace is one token.
pub fn spacy_zh_char_tokens(text: &str) -> Vec<Token<'_>> {
    let mut tokens: Vec<Token> = Vec::new();
    // (byte offset, code point offset, char) of each character, walked once.
    let mut chars = text.char_indices().enumerate().map(|(cp, (byte, c))| (byte, cp, c)).peekable();
    while let Some((byte, cp, c)) = chars.next() {
        if c.is_whitespace() {
            let (mut end_byte, mut end_cp) = (byte + c.len_utf8(), cp + 1);
            while let Some(&(b, n, w)) = chars.peek() {
                if !w.is_whitespace() {
                    break;
                }
                (end_byte, end_cp) = (b + w.len_utf8(), n + 1);
                chars.next();
            }
            tokens.push(Token { text: &text[byte..end_byte], start: cp, end: end_cp, ws: false });
            continue;
        }
        let ws = chars.next_if(|&(_, _, next)| next == ' ').is_some();
        tokens.push(Token { text: &text[byte..byte + c.len_utf8()], start: cp, end: cp + 1, ws });
    }
    tokens
}

/// The inclusive token indices covering a span exactly, or `None` when a span boundary falls
/// inside a token or on a space that belongs to the token before it.
pub fn token_bounds(tokens: &[Token], start: usize, end: usize) -> Option<(usize, usize)> {
    // Tokens are in order and do not overlap, so both ends are binary searches.
    let first = tokens.binary_search_by_key(&start, |t| t.start).ok()?;
    let last = tokens.binary_search_by_key(&end, |t| t.end).ok()?;
    (first <= last).then_some((first, last))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TagScheme {
    Bio,
    Bioes,
}

/// One tag per non-whitespace code point of the record (whitespace has no token in CoNLL and
/// Hugging Face character data). Spans must not overlap; the caller checks.
pub fn char_tags(record: &Record, spans: &[&RecordSpan], scheme: TagScheme) -> Vec<(char, String)> {
    let chars: Vec<char> = record.text.chars().collect();
    let mut tags = vec![String::from("O"); chars.len()];
    for span in spans {
        let len = span.end - span.start;
        for (k, i) in (span.start..span.end).enumerate() {
            let prefix = match scheme {
                TagScheme::Bio => {
                    if k == 0 {
                        "B"
                    } else {
                        "I"
                    }
                }
                TagScheme::Bioes => match (k, len) {
                    (_, 1) => "S",
                    (0, _) => "B",
                    (k, len) if k == len - 1 => "E",
                    _ => "I",
                },
            };
            tags[i] = format!("{prefix}-{}", span.label);
        }
    }
    chars.into_iter().zip(tags).filter(|(c, _)| !c.is_whitespace()).collect()
}

/// Every tag of `labels` under `scheme`, `O` first: the label list for integer tag ids.
pub fn tag_names(labels: &[String], scheme: TagScheme) -> Vec<String> {
    let prefixes: &[&str] = match scheme {
        TagScheme::Bio => &["B", "I"],
        TagScheme::Bioes => &["B", "I", "E", "S"],
    };
    std::iter::once("O".to_string())
        .chain(labels.iter().flat_map(|l| prefixes.iter().map(move |p| format!("{p}-{l}"))))
        .collect()
}

/// Spans in a BIO or BIOES tag sequence as (label, first token, last token), inclusive. A span
/// ends at an E- or S- tag, at O, at a B-, or where an I-/E- of another label starts (read
/// leniently, like conlleval and seqeval's default mode).
pub fn decode_positions<S: AsRef<str>>(tags: &[S]) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(String, usize)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let tag = tag.as_ref();
        let (prefix, label) = tag.split_once('-').unwrap_or((tag, ""));
        let continues = matches!(prefix, "I" | "E" | "M") && open.as_ref().is_some_and(|(l, _)| l == label);
        if !continues {
            if let Some((l, start)) = open.take() {
                out.push((l, start, i - 1));
            }
            if prefix != "O" && !label.is_empty() {
                open = Some((label.to_string(), i));
            }
        }
        if matches!(prefix, "E" | "S") {
            if let Some((l, start)) = open.take() {
                out.push((l, start, i));
            }
        }
    }
    if let Some((l, start)) = open {
        out.push((l, start, tags.len() - 1));
    }
    out
}
