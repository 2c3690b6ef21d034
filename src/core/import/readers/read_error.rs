//! Why a dataset file was not read ([`ReadError`]), and the names of the formats read, which
//! the errors and [`crate::core::import::Parsed::format`] give. Errors cross from the reading worker
//! to the page as data, so each part here has serde.

use super::{Flaw, Place};
use serde::{Deserialize, Serialize};

/// The names of the formats read, as [`crate::core::import::Parsed::format`] and the messages give them.
pub const FORMAT_NAMES: &[&str] = &[
    "CoNLL",
    "Hugging Face JSONL",
    "spaCy/Prodigy JSONL",
    "doccano JSONL",
    "Label Studio JSON",
    "W3C Web Annotation",
    "brat standoff",
    "CSV table",
    "TSV table",
];

/// A format name, one of [`FORMAT_NAMES`]. Named so that serde's derive does not take a field
/// of it for text borrowed from the JSON (it does for any field written `&str`), which would
/// make the types holding one readable only from `'static` text.
pub type FormatName = &'static str;

/// Serde for a [`FormatName`]: written as the string and read back as the same
/// name of [`FORMAT_NAMES`] (a name not among them does not read).
pub mod format_name {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(name: &&'static str, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(name)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<&'static str, D::Error> {
        let name = String::deserialize(deserializer)?;
        super::FORMAT_NAMES
            .iter()
            .find(|known| **known == name)
            .copied()
            .ok_or_else(|| D::Error::custom(format!("{name:?} is not a format this app reads")))
    }
}

/// The error beneath a [`ReadError`] (the JSON parser's, the zip reader's, the inflater's),
/// kept as its message: the readers run in a worker (`import::reading`) and what went wrong
/// reaches the page as data, where a `serde_json::Error` cannot be rebuilt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Cause(pub String);

impl Cause {
    pub fn of(error: &impl std::fmt::Display) -> Cause {
        Cause(error.to_string())
    }
}

impl std::fmt::Display for Cause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Cause {}

/// Why a dataset file was not read. Each names the file (and the line or record where there is
/// one) and keeps the error that caused it (as its message, [`Cause`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReadError {
    NotUtf8 {
        file: String,
        offset: usize,
    },
    NotJson {
        place: Place,
        cause: Cause,
    },
    BadZip {
        file: String,
        cause: Cause,
    },
    Inflate {
        file: String,
        entry: String,
        cause: Cause,
    },
    TooLarge {
        file: String,
        limit: usize,
    },
    /// Files of different formats handed over together.
    MixedFormats {
        file: String,
        #[serde(with = "format_name")]
        format: FormatName,
        #[serde(with = "format_name")]
        others: FormatName,
    },
    NoDataFile,
    UnknownFormat {
        file: String,
    },
    /// The file is in a format this app reads, but `place` holds something it cannot read.
    Malformed {
        place: Place,
        what: Flaw,
    },
    /// The reading worker did not answer: its wasm did not load, or it stopped.
    ReaderFailed {
        cause: Cause,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotUtf8 { file, offset } => {
                write!(f, "{file} is not UTF-8 text (invalid byte at offset {offset})")
            }
            // serde's message ends with the line and column.
            ReadError::NotJson { place, cause } => write!(f, "{place} is not valid JSON: {cause}"),
            ReadError::BadZip { file, cause } => write!(f, "{file} is not a readable zip: {cause}"),
            ReadError::Inflate { file, entry, cause } => {
                write!(f, "{file}: {entry} could not be inflated: {cause}")
            }
            ReadError::TooLarge { file, limit } => {
                write!(
                    f,
                    "{file} inflates to more than {} MB; zips are read up to that size in all",
                    limit >> 20
                )
            }
            ReadError::MixedFormats { file, format, others } => {
                write!(f, "{file} is {format} but the other files are {others}")
            }
            ReadError::NoDataFile => write!(f, "no data file was found"),
            ReadError::UnknownFormat { file } => write!(f, "{file}: the JSON is not a format this app reads"),
            ReadError::Malformed { place, what } => write!(f, "{place}: {what}"),
            ReadError::ReaderFailed { cause } => write!(f, "the dataset reader stopped: {cause}"),
        }
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReadError::NotJson { cause, .. } => Some(cause),
            ReadError::BadZip { cause, .. } => Some(cause),
            ReadError::Inflate { cause, .. } | ReadError::ReaderFailed { cause } => Some(cause),
            _ => None,
        }
    }
}

/// A [`ReadError::Malformed`] at `place`.
pub(in crate::core::import) fn malformed(place: Place, what: Flaw) -> ReadError {
    ReadError::Malformed { place, what }
}
