//! One download from an export's files: a single file as it is, several in a zip.

use super::OutFile;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

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

/// Zips `files` (deflated) into one archive.
pub fn zip(files: &[OutFile]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for file in files {
        writer.start_file(file.path.as_str(), options).expect("writing to memory succeeds");
        writer.write_all(&file.contents).expect("writing to memory succeeds");
    }
    writer.finish().expect("writing to memory succeeds").into_inner()
}

/// The download for an export in format `key`.
pub fn bundle(key: &str, files: &[OutFile]) -> Download {
    match files {
        [single] => Download {
            name: single.path.clone(),
            mime: mime_of(&single.path),
            bytes: single.contents.clone(),
        },
        _ => Download { name: format!("biaozhu-{key}.zip"), mime: "application/zip", bytes: zip(files) },
    }
}
