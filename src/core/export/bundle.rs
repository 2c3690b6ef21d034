//! One download from an export's files: a single file as it is, several in a zip.

use super::OutFile;
use serde::{Deserialize, Serialize};

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

/// Why files cannot go into one zip: sizes and offsets are counted in 32 bits (this writer adds
/// ZIP64 records only for the entry count, past 65,535 entries).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

/// The most entries the classic end record counts; past it the ZIP64 end record holds the count
/// (a brat export of a corpus has two files per document).
pub const CLASSIC_ENTRIES: usize = 0xFFFF;
/// The most entries this writer puts in one zip (the ZIP64 end record could count more; the
/// central directory's 32-bit offsets run out long before).
pub const MAX_ENTRIES: u64 = u32::MAX as u64;

/// Zips `files` into one archive, stored without compression. A small writer of our own: the
/// zip crate's writer would bring its compressor into the wasm bundle (the crate is still used to
/// read zips on import). Names are flagged UTF-8.
///
/// # Errors
/// More than [`MAX_ENTRIES`] files, an archive past 4 GiB, or a name past 65,535 bytes: every
/// count the format holds in 16 or 32 bits is checked rather than truncated (the entry count
/// goes to a ZIP64 end record when it does not fit 16 bits).
pub fn zip(files: &[OutFile]) -> Result<Vec<u8>, ZipError> {
    if u32::try_from(files.len()).is_err() {
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
    u32_of(out.len() + central.len() + 22 + 76, "the end of the archive")?;
    out.extend_from_slice(&central);
    // Past 65,535 entries the classic record says 0xFFFF and a ZIP64 end record (with its
    // locator) holds the count; readers (Python's zipfile, unzip, 7-Zip) then read that.
    let count = match u16::try_from(files.len()) {
        Ok(count) if files.len() < CLASSIC_ENTRIES => count,
        _ => {
            let record_at = out.len() as u64;
            out.extend_from_slice(&0x0606_4b50u32.to_le_bytes());
            out.extend_from_slice(&44u64.to_le_bytes()); // size of the rest of the record
            out.extend_from_slice(&45u16.to_le_bytes()); // made by
            out.extend_from_slice(&45u16.to_le_bytes()); // needed to extract
            out.extend_from_slice(&0u32.to_le_bytes()); // this disk
            out.extend_from_slice(&0u32.to_le_bytes()); // disk of the central directory
            for v in [files.len() as u64, files.len() as u64, central.len() as u64, u64::from(central_offset)]
            {
                out.extend_from_slice(&v.to_le_bytes());
            }
            out.extend_from_slice(&0x0706_4b50u32.to_le_bytes());
            out.extend_from_slice(&0u32.to_le_bytes()); // disk of the ZIP64 end record
            out.extend_from_slice(&record_at.to_le_bytes());
            out.extend_from_slice(&1u32.to_le_bytes()); // disks in all
            0xFFFF
        }
    };
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, count, count] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&central_size.to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    Ok(out)
}

/// CRC-32 (IEEE), as zip requires: `crc32fast`, in the bundle already through the zip reader,
/// so it costs nothing more (a bit-by-bit loop took a quarter of a second per 30 MB).
fn crc32(bytes: &[u8]) -> u32 {
    crc32fast::hash(bytes)
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
    use super::{crc32, zip, ZipError, CLASSIC_ENTRIES, MAX_ENTRIES};
    use crate::core::export::OutFile;

    #[test]
    fn past_65535_entries_the_count_goes_to_a_zip64_end_record() {
        for count in [CLASSIC_ENTRIES - 1, CLASSIC_ENTRIES, CLASSIC_ENTRIES + 1, 100_582] {
            let files: Vec<OutFile> = (0..count)
                .map(|i| OutFile { path: format!("doc-{i}.txt"), contents: format!("𠀀{i}").into_bytes() })
                .collect();
            let bytes = zip(&files).unwrap();
            let mut archive = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            assert_eq!(archive.len(), count);
            let mut last = String::new();
            std::io::Read::read_to_string(
                &mut archive.by_name(&format!("doc-{}.txt", count - 1)).unwrap(),
                &mut last,
            )
            .unwrap();
            assert_eq!(last, format!("𠀀{}", count - 1));
        }
        assert!(ZipError::TooManyFiles { count: 5 }.to_string().contains(&MAX_ENTRIES.to_string()));
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }
}
