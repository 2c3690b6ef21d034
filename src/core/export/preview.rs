//! What the export dialog shows before a download: the first lines, the size, span counts.

use super::bundle::{bundle, Download};
use super::{Export, ExportError, ExportOptions, Format};
use crate::core::schema::{Schema, ENTITY_LAYER};

/// Lines of the first file shown in the preview.
const PREVIEW_LINES: usize = 12;
/// Characters per preview line; longer lines are cut.
const PREVIEW_LINE_CHARS: usize = 400;
/// The most of the first file read for them (a line cut here shows as cut).
const PREVIEW_BYTES: usize = 64 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    pub download: Download,
    /// The first file's name and its first lines.
    pub first_file: String,
    pub first_lines: String,
    pub files: Vec<String>,
}

/// The preview of `export`, and the download made of its files, which are moved into it (a
/// corpus's one file is a hundred megabytes: it is not copied); `export` keeps its counts.
///
/// # Errors
/// An export whose files do not fit one zip.
pub fn preview(options: &ExportOptions, export: &mut Export) -> Result<Preview, ExportError> {
    let first = export.files.first();
    // Only the start of the first file is needed for its first lines.
    let head = first.map(|f| &f.contents[..f.contents.len().min(PREVIEW_BYTES)]).unwrap_or_default();
    let first_lines = String::from_utf8_lossy(head)
        .lines()
        .take(PREVIEW_LINES)
        .map(|line| {
            let mut cut: String = line.chars().take(PREVIEW_LINE_CHARS).collect();
            if line.chars().count() > PREVIEW_LINE_CHARS {
                cut.push_str(" …");
            }
            cut
        })
        .collect::<Vec<_>>()
        .join("\n");
    let first_file = first.map(|f| f.path.clone()).unwrap_or_default();
    let files = export.files.iter().map(|f| f.path.clone()).collect();
    let download =
        bundle(options.format.key(), std::mem::take(&mut export.files)).map_err(ExportError::Zip)?;
    Ok(Preview { download, first_file, first_lines, files })
}

/// Options for `format`, keeping the others. A tagged format with every label chosen gets the
/// entity layer's labels instead: one tag column cannot hold a directive and its entities.
pub fn switch_format(options: &ExportOptions, format: Format, schema: &Schema) -> ExportOptions {
    let layer = schema.layers.iter().find(|l| l.name == ENTITY_LAYER).or(schema.layers.first());
    let tag_default: Option<Vec<String>> = layer.map(|l| l.labels.iter().map(|x| x.name.clone()).collect());
    let mut next = options.clone();
    next.format = format;
    if format.is_tagged() && options.labels.is_none() {
        next.labels = tag_default;
    } else if !format.is_tagged() && options.format.is_tagged() && options.labels == tag_default {
        // Leaving a tagged format with its default choice: span formats take every label again.
        next.labels = None;
    }
    next
}

/// Human-readable size: `812 B`, `14.2 KB`, `3.1 MB`.
pub fn human_size(bytes: usize) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / 1048576.0),
    }
}
