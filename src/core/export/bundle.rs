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

/// Zips `files` into one archive, stored without compression. A small writer of our own: the
/// zip crate's writer would bring its compressor into the wasm bundle (the crate is still used to
/// read zips on import). Names are flagged UTF-8.
pub fn zip(files: &[OutFile]) -> Vec<u8> {
    const UTF8_NAMES: u16 = 1 << 11;
    const DOS_DATE_1980_01_01: u16 = (1 << 5) | 1;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for file in files {
        let offset = out.len() as u32;
        let (crc, size, name) = (crc32(&file.contents), file.contents.len() as u32, file.path.as_bytes());
        // Fields shared by the local header and the central directory entry.
        let mut common = Vec::new();
        for v in [20u16, UTF8_NAMES, 0, 0, DOS_DATE_1980_01_01] {
            common.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, size, size] {
            common.extend_from_slice(&v.to_le_bytes());
        }
        common.extend_from_slice(&(name.len() as u16).to_le_bytes());
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
    let (central_offset, central_size, count) = (out.len() as u32, central.len() as u32, files.len() as u16);
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, count, count] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&central_size.to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    out
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

#[cfg(test)]
mod tests {
    use super::crc32;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }
}
