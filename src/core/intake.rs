//! What to do with files the user opened, dropped, or named in `?doc=`: a project JSON is
//! imported, a text file becomes a new document, and anything else is read as a dataset
//! (spaCy, doccano, Label Studio, brat, CoNLL, Hugging Face, W3C) for the user to review.

use super::editor::EditorAction;
use super::import::readers::{parse, InFile, ReadError};
use super::import::Parsed;
use super::project_json::{import_project, ImportError};
use super::refusal::{AddressProblem, InputRefusal};
use super::text_input::{decode_text_file, name_from_file_name, TextInputError};
use crate::core::editor::said::{Said, Shared};
use crate::core::editor::Notice;
use serde::de::IgnoredAny;
use serde::Deserialize;
use std::rc::Rc;

pub use super::import::readers::MAX_INPUT_BYTES;

/// A file of `size` bytes may be read; refused with its name and the limit otherwise.
///
/// # Errors
/// Past [`MAX_INPUT_BYTES`].
pub fn check_size(name: &str, size: u64) -> Result<(), InputRefusal> {
    if size > MAX_INPUT_BYTES as u64 {
        return Err(InputRefusal::TooLarge { name: name.to_string(), bytes: size });
    }
    Ok(())
}

/// `?doc=` opens only files of the app's own origin: a relative URL (`data/news.txt`,
/// `../corpus/a.json`, `/files/b.txt`), never one with a scheme (`http:`, `data:`,
/// `javascript:`) or a host (`//example.org/x`). Backslashes and control characters, which
/// browsers read as slashes or drop, are refused too.
///
/// # Errors
/// An [`InputRefusal::Address`] naming the address and why.
pub fn check_doc_url(url: &str) -> Result<(), InputRefusal> {
    let refuse = |why| Err(InputRefusal::Address { url: url.to_string(), why });
    if url.is_empty() {
        return refuse(AddressProblem::Empty);
    }
    if url.chars().any(|c| c == '\\' || c.is_control()) {
        return refuse(AddressProblem::BackslashOrControl);
    }
    let url_trimmed = url.trim_start();
    if url_trimmed.starts_with("//") {
        return refuse(AddressProblem::OtherHost);
    }
    // A scheme is letters, digits, + - . before a colon that comes before any / ? #.
    let head = url_trimmed.split(['/', '?', '#']).next().unwrap_or("");
    if let Some((scheme, _)) = head.split_once(':') {
        if scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        {
            return refuse(AddressProblem::Absolute { scheme: scheme.to_string() });
        }
    }
    Ok(())
}

/// The base name of a path or URL, without query or fragment.
fn base_name(name: &str) -> &str {
    let name = name.split(['?', '#']).next().unwrap_or(name);
    name.rsplit('/').next().unwrap_or(name)
}

/// The two fields that make a JSON object a project file, whatever they hold (what the project
/// reader makes of them is its own business).
#[derive(Deserialize)]
struct ProjectProbe {
    format: Option<IgnoredAny>,
    documents: Option<IgnoredAny>,
}

/// True when `bytes` is (or tries to be) a biaozhu project file rather than a dataset.
fn is_project_file(name: &str, bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Our own files say so in their first line: no need to parse a large file twice.
    let head = &bytes[..bytes.len().min(256)];
    if head.trim_ascii_start().starts_with(b"{") && head.windows(17).any(|w| w == b"\"biaozhu-project\"") {
        return true;
    }
    // A project file is one JSON object: anything else (a corpus of megabytes) is not parsed.
    if !bytes.trim_ascii_start().starts_with(b"{") {
        return false;
    }
    let text = String::from_utf8_lossy(bytes);
    match serde_json::from_str::<ProjectProbe>(&text) {
        Ok(probe) => probe.format.is_some() || probe.documents.is_some(),
        // Broken JSON in a .json file gets the project reader's message (line and column).
        Err(_) => {
            name.to_ascii_lowercase().ends_with(".json")
                && text.trim_start().starts_with('{')
                && !text.contains("\n{")
        }
    }
}

fn project_action(name: &str, bytes: &[u8]) -> EditorAction {
    let result = match std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)) {
        Ok(text) => import_project(text),
        Err(e) => Err(ImportError::NotJson {
            line: 1,
            column: 1,
            reason: format!("not UTF-8 text (invalid byte at offset {})", e.valid_up_to()),
        }),
    };
    EditorAction::ImportProject { source: name.to_string(), result }
}

/// The file endings Import… offers (and a picked folder keeps; other files in it are skipped).
pub const IMPORT_EXTENSIONS: &[&str] = &[
    ".json", ".jsonl", ".jsonld", ".txt", ".ann", ".conll", ".bio", ".bmes", ".char", ".tsv", ".csv", ".zip",
];

/// True when a file of a picked folder is one to import (by its ending; hidden files are not).
pub fn importable_in_folder(name: &str) -> bool {
    let name = base_name(name).to_ascii_lowercase();
    !name.starts_with('.') && IMPORT_EXTENSIONS.iter().any(|e| name.ends_with(e))
}

/// Files that are a dataset to read and review, with what to say if they do not read.
#[derive(Clone, Debug)]
pub struct Dataset {
    /// The file names, for messages.
    pub source: String,
    pub files: Vec<InFile>,
    /// A text file that looks like a tagged corpus, to open as plain text if it does not read
    /// as one, and for the review's "keep it as text".
    pub as_text: Option<AsText>,
}

/// A text file that could be kept as one plain document instead of read as a corpus: its
/// document name and its bytes, decoded only if it is kept (checking megabytes of UTF-8 holds
/// the page for about 100 ms in wasm, and the reading worker checks them anyway).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AsText {
    pub name: String,
    pub bytes: Shared<Vec<u8>>,
}

impl AsText {
    /// The document's text.
    ///
    /// # Errors
    /// Bytes that are not UTF-8 text, or no text at all.
    pub fn decode(&self) -> Result<String, TextInputError> {
        decode_text_file(&self.bytes)
    }
}

/// How much of a text file is looked at to tell a tagged corpus from plain text.
const HEAD_BYTES: usize = 64 * 1024;

/// The first whole lines of a text file, up to about [`HEAD_BYTES`] (all of a shorter file).
///
/// # Errors
/// Bytes that are not UTF-8 within the part looked at.
fn text_head(bytes: &[u8]) -> Result<&str, TextInputError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.len() <= HEAD_BYTES {
        return std::str::from_utf8(bytes).map_err(|e| TextInputError::NotUtf8 { offset: e.valid_up_to() });
    }
    let part = &bytes[..HEAD_BYTES];
    let text = match std::str::from_utf8(part) {
        Ok(text) => text,
        // Cut inside a character: the whole characters before it.
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&part[..e.valid_up_to()]).unwrap_or(""),
        Err(e) => return Err(TextInputError::NotUtf8 { offset: e.valid_up_to() }),
    };
    // Whole lines only: a line cut short could look like a broken tag.
    Ok(text.rfind('\n').map_or(text, |end| &text[..=end]))
}

impl Dataset {
    /// The actions once the files are read (`parsed`) or not: the review, or why not.
    pub fn outcome(self, parsed: Result<Parsed, ReadError>) -> Vec<EditorAction> {
        let error = match parsed {
            Ok(parsed) => {
                return vec![EditorAction::DatasetRead { source: self.source, parsed, as_text: self.as_text }]
            }
            Err(error) => Shared(Rc::new(error)),
        };
        // A text file that does not read as a corpus opens as the text it is, if it is text.
        match self.as_text.map(|t| (t.decode(), t.name)) {
            Some((Ok(text), name)) => vec![
                EditorAction::AddDocument { name, text },
                EditorAction::Say(Notice::error(Said::OpenedAsText { source: self.source, error })),
            ],
            _ => vec![EditorAction::Say(Notice::error(Said::DatasetNotRead { source: self.source, error }))],
        }
    }
}

/// What the files the user handed over together are: actions to take at once (a project
/// import, new documents, an error), or datasets to read (see `import::job`).
#[derive(Debug)]
pub enum Intake {
    Now(EditorAction),
    Dataset(Dataset),
}

/// The actions for the files the user handed over together, the datasets read at once.
pub fn actions_for_files(files: Vec<InFile>) -> Vec<EditorAction> {
    classify(files)
        .into_iter()
        .flat_map(|intake| match intake {
            Intake::Now(action) => vec![action],
            Intake::Dataset(dataset) => {
                let parsed = parse(&dataset.files);
                dataset.outcome(parsed)
            }
        })
        .collect()
}

/// Sorts the files the user handed over together into what they are (see [`Intake`]).
pub fn classify(files: Vec<InFile>) -> Vec<Intake> {
    let files: Vec<InFile> =
        files.into_iter().map(|f| InFile { name: base_name(&f.name).to_string(), ..f }).collect();
    let has_ann = files.iter().any(|f| f.name.to_ascii_lowercase().ends_with(".ann"));
    if !has_ann && files.len() > 1 {
        return files.into_iter().flat_map(|f| classify(vec![f])).collect();
    }
    if let [file] = &files[..] {
        let lower = file.name.to_ascii_lowercase();
        if is_project_file(&file.name, &file.bytes) {
            return vec![Intake::Now(project_action(&file.name, &file.bytes))];
        }
        let table = lower.ends_with(".tsv")
            && std::str::from_utf8(&file.bytes).is_ok_and(crate::core::import::readers::is_tsv_table);
        let plain_ending =
            [".txt", ".bmes", ".bio", ".char", ".tsv"].iter().any(|e| lower.ends_with(e)) && !table;
        if plain_ending
            || !lower.contains('.') && !file.bytes.starts_with(b"PK") && !looks_structured(&file.bytes)
        {
            let not_opened = |error| {
                vec![Intake::Now(EditorAction::Say(Notice::error(Said::FileNotOpened {
                    file: file.name.clone(),
                    error,
                })))]
            };
            let head = match text_head(&file.bytes) {
                Ok(head) => head,
                Err(error) => return not_opened(error),
            };
            // Corpora such as MSRA, Resume and Weibo NER ship as .txt (or .bmes, .char): one
            // token and tag per line. Offer them as the corpus they are, with the choice to
            // keep the file as text.
            if looks_tagged(head) {
                let name = name_from_file_name(&file.name);
                let as_text = AsText { name, bytes: Shared(Rc::new(file.bytes.clone())) };
                let source = file.name.clone();
                return vec![Intake::Dataset(Dataset { source, files, as_text: Some(as_text) })];
            }
            if lower.ends_with(".txt") || !lower.contains('.') {
                return match decode_text_file(&file.bytes) {
                    Ok(text) => vec![Intake::Now(EditorAction::AddDocument {
                        name: name_from_file_name(&file.name),
                        text,
                    })],
                    Err(error) => not_opened(error),
                };
            }
        }
    }
    let source = files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(" + ");
    vec![Intake::Dataset(Dataset { source, files, as_text: None })]
}

/// True when `text` reads as a character-per-line tagged corpus: every one of its first 200
/// non-blank lines (at least two) is a token, a tab or spaces, and a BIO/BIOES/BMES tag (`O`,
/// `B-PER`, `M-LOC`, …); `-DOCSTART-` lines are allowed.
pub fn looks_tagged(text: &str) -> bool {
    let mut seen = 0;
    for line in text.lines().map(|l| l.trim_end_matches('\r')).filter(|l| !l.trim().is_empty()).take(200) {
        if line.starts_with("-DOCSTART-") {
            continue;
        }
        let Some((token, tag)) = line.rsplit_once(['\t', ' ']) else { return false };
        let tag_ok = tag == "O"
            || tag
                .split_once('-')
                .is_some_and(|(p, l)| matches!(p, "B" | "I" | "E" | "S" | "M") && !l.is_empty());
        if token.trim().is_empty() || !tag_ok {
            return false;
        }
        seen += 1;
    }
    seen >= 2
}

/// JSON or tab-separated tags: content to read as a dataset even without a file ending.
fn looks_structured(bytes: &[u8]) -> bool {
    let start = bytes.iter().find(|b| !b.is_ascii_whitespace());
    matches!(start, Some(b'{') | Some(b'['))
}

/// The action for one file called `name` holding `bytes`.
pub fn action_for_file(name: &str, bytes: &[u8]) -> EditorAction {
    actions_for_files(vec![InFile { name: name.to_string(), bytes: bytes.to_vec() }])
        .pop()
        .expect("one file gives one action")
}
