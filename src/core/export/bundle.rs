//! One download from an export's files: a single file as it is, several in a zip.

use super::OutFile;

/// A file ready to hand to the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Download {
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

fn mime_of(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("json") => "application/json",
        Some("jsonld") => "application/ld+json",
        Some("jsonl") => "application/jsonl",
        _ => "text/plain;charset=utf-8",
    }
}

/// Why files cannot go into one zip: the classic format counts entries in 16 bits and sizes and
/// offsets in 32, and this writer does not write ZIP64.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZipError {
    TooManyFiles { count: usize },
    TooLarge { path: String },
    NameTooLong { path: String },
}

impl std::fmt::Display for ZipError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ZipError::TooManyFiles { count } => {
                write!(f, "{count} files are more than one zip holds (at most {MAX_ENTRIES}); export fewer documents or larger units")
            }
            ZipError::TooLarge { path } => {
                write!(f, "the zip would pass 4 GiB at {path}; export fewer documents at a time")
            }
            ZipError::NameTooLong { path } => write!(f, "the file name {path} is too long for a zip"),
        }
    }
}

impl std::error::Error for ZipError {}

/// The most entries a zip without ZIP64 records holds.
pub const MAX_ENTRIES: usize = 0xFFFF;

/// Zips `files` into one archive, stored without compression. A small writer of our own: the
/// zip crate's writer would bring its compressor into the wasm bundle (the crate is still used to
/// read zips on import). Names are flagged UTF-8.
///
/// # Errors
/// More than [`MAX_ENTRIES`] files, an archive past 4 GiB, or a name past 65,535 bytes: every
/// count the format holds in 16 or 32 bits is checked rather than truncated.
pub fn zip(files: &[OutFile]) -> Result<Vec<u8>, ZipError> {
    if files.len() > MAX_ENTRIES {
        return Err(ZipError::TooManyFiles { count: files.len() });
    }
    let u32_of =
        |n: usize, path: &str| u32::try_from(n).map_err(|_| ZipError::TooLarge { path: path.to_string() });
    const UTF8_NAMES: u16 = 1 << 11;
    const DOS_DATE_1980_01_01: u16 = (1 << 5) | 1;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for file in files {
        let offset = u32_of(out.len(), &file.path)?;
        let size = u32_of(file.contents.len(), &file.path)?;
        let (crc, name) = (crc32(&file.contents), file.path.as_bytes());
        let name_len =
            u16::try_from(name.len()).map_err(|_| ZipError::NameTooLong { path: file.path.clone() })?;
        // Fields shared by the local header and the central directory entry.
        let mut common = Vec::new();
        for v in [20u16, UTF8_NAMES, 0, 0, DOS_DATE_1980_01_01] {
            common.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, size, size] {
            common.extend_from_slice(&v.to_le_bytes());
        }
        common.extend_from_slice(&name_len.to_le_bytes());
        common.extend_from_slice(&0u16.to_le_bytes()); // extra field length
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&common);
        out.extend_from_slice(name);
        out.extend_from_slice(&file.contents);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // made by
        central.extend_from_slice(&common);
        for v in [0u16, 0, 0] {
            central.extend_from_slice(&v.to_le_bytes()); // comment length, disk, internal attributes
        }
        central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name);
    }
    let central_offset = u32_of(out.len(), "the central directory")?;
    let central_size = u32_of(central.len(), "the central directory")?;
    u32_of(out.len() + central.len() + 22, "the end of the archive")?;
    let count = files.len() as u16; // checked against MAX_ENTRIES above
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, count, count] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&central_size.to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    Ok(out)
}

/// CRC-32 (IEEE), as zip requires.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// The download for an export in format `key`.
///
/// # Errors
/// Several files that do not fit one zip (see [`zip`]).
pub fn bundle(key: &str, mut files: Vec<OutFile>) -> Result<Download, ZipError> {
    if files.len() == 1 {
        let single = files.pop().expect("one file");
        return Ok(Download { mime: mime_of(&single.path), name: single.path, bytes: single.contents });
    }
    Ok(Download { name: format!("biaozhu-{key}.zip"), mime: "application/zip", bytes: zip(&files)? })
}

#[cfg(test)]
mod tests {
    use super::{crc32, zip, ZipError, MAX_ENTRIES};
    use crate::core::export::OutFile;

    #[test]
    fn more_entries_than_a_zip_counts_are_refused_not_truncated() {
        let files: Vec<OutFile> = (0..MAX_ENTRIES + 1)
            .map(|i| OutFile { path: format!("{i}.txt"), contents: Vec::new() })
            .collect();
        assert_eq!(zip(&files), Err(ZipError::TooManyFiles { count: MAX_ENTRIES + 1 }));
        // The most it holds reads back whole.
        let bytes = zip(&files[..MAX_ENTRIES]).unwrap();
        let archive = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), MAX_ENTRIES);
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }
}
