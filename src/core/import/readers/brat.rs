//! The brat standoff reader (`.txt` + `.ann` pairs).

use super::super::{OffsetUnit, Parsed, RawDoc, RawRelation, RawSpan};
use super::InFile;
use super::{malformed, utf8, Flaw, Found, Passed, Place, ReadError, Unread};

pub(super) fn read(files: &[InFile]) -> Result<Parsed, ReadError> {
    let mut docs = Vec::new();
    let mut notes = Vec::new();
    for ann in files.iter().filter(|f| f.name.ends_with(".ann")) {
        let stem = ann.name.strip_suffix(".ann").expect("filtered on .ann");
        let txt = files.iter().find(|f| f.name == format!("{stem}.txt")).ok_or_else(|| {
            malformed(Place::file(&ann.name), Flaw::NoTextBeside { stem: stem.to_string() })
        })?;
        let text = utf8(txt)?.to_string();
        let mut spans = Vec::new();
        let mut problems = Vec::new();
        let mut t_ids: Vec<String> = Vec::new();
        let mut other_lines = Vec::new();
        // Split on LF alone, so that a span's text may hold a CR, or a CRLF that a writer such as
        // bioc put into the .ann as it is: the lines that follow are part of it (see below).
        let ann_text = utf8(ann)?;
        let lines: Vec<&str> = ann_text.split('\n').collect();
        let mut n = 0;
        while n < lines.len() {
            let line = lines[n].strip_suffix('\r').unwrap_or(lines[n]);
            let at = Place::line(&ann.name, n + 1);
            n += 1;
            if !line.starts_with('T') {
                if !line.trim().is_empty() {
                    other_lines.push((at, line));
                }
                continue;
            }
            let mut fields = line.splitn(3, '\t');
            let (_, Some(spec), quoted) = (fields.next(), fields.next(), fields.next()) else {
                problems.push(Found { place: at, what: Unread::AnnLineShape });
                continue;
            };
            let Some((label, ranges)) = spec.split_once(' ') else {
                problems.push(Found { place: at, what: Unread::AnnNoOffsets });
                continue;
            };
            let pieces: Option<Vec<(usize, usize)>> = ranges
                .split(';')
                .map(|r| {
                    let (s, e) = r.trim().split_once(' ')?;
                    Some((s.parse().ok()?, e.parse().ok()?))
                })
                .collect();
            let Some(pieces) = pieces.filter(|p| !p.is_empty()) else {
                problems.push(Found { place: at, what: Unread::AnnOffsets { found: ranges.to_string() } });
                continue;
            };
            let (start, end) = (pieces[0].0, pieces[pieces.len() - 1].1);
            // A single fragment carries its text; fragments around line breaks become one span
            // (this app has no discontinuous spans), checked by fit instead.
            let text = (pieces.len() == 1).then(|| quoted.map(str::to_string)).flatten().map(|mut text| {
                // A text shorter than its offsets, followed by lines that are no annotation, was
                // cut by a line break inside the span: join them back, CR and all.
                let wanted = end.saturating_sub(start);
                let mut cr_before = lines[n - 1].ends_with('\r');
                while text.chars().count() < wanted && n < lines.len() && !is_annotation_line(lines[n]) {
                    if cr_before {
                        text.push('\r');
                    }
                    text.push('\n');
                    cr_before = lines[n].ends_with('\r');
                    text.push_str(lines[n].strip_suffix('\r').unwrap_or(lines[n]));
                    n += 1;
                }
                text
            });
            spans.push(RawSpan { start, end, label: label.to_string(), text, ..Default::default() });
            t_ids.push(line.split('\t').next().unwrap_or_default().to_string());
        }
        // R (relations), A (attributes) and AnnotatorNotes in "name: value" form refer to T ids.
        let index = |id: &str| t_ids.iter().position(|t| t == id);
        let mut relations = Vec::new();
        let mut skipped = 0;
        for (at, line) in other_lines {
            let fields: Vec<&str> = line.split('\t').collect();
            let words: Vec<&str> = fields.get(1).map(|f| f.split(' ').collect()).unwrap_or_default();
            match (line.chars().next(), &words[..]) {
                (Some('R'), [kind, arg1, arg2, ..]) => {
                    let end = |arg: &str| arg.split_once(':').and_then(|(_, id)| index(id));
                    match (end(arg1), end(arg2)) {
                        (Some(from), Some(to)) => {
                            relations.push(RawRelation { kind: kind.to_string(), from, to })
                        }
                        _ => problems.push(Found {
                            place: at,
                            what: Unread::RelationEnds { n: None, kind: kind.to_string() },
                        }),
                    }
                }
                (Some('A' | 'M'), [name, target, value, ..]) => match index(target) {
                    Some(i) => {
                        spans[i].attributes.insert(name.to_string(), value.to_string());
                    }
                    None => skipped += 1,
                },
                (Some('#'), ["AnnotatorNotes", target]) => {
                    let note = fields.get(2).copied().unwrap_or_default();
                    match (index(target), note.split_once(": ")) {
                        (Some(i), Some((name, value))) => {
                            spans[i].attributes.insert(name.to_string(), value.to_string());
                        }
                        _ => skipped += 1,
                    }
                }
                _ => skipped += 1,
            }
        }
        if skipped > 0 {
            notes.push(Found {
                place: Place::file(&ann.name),
                what: Passed::OtherAnnLines { count: skipped },
            });
        }
        let base = stem.rsplit('/').next().unwrap_or(stem).to_string();
        docs.push(RawDoc {
            id: Some(base.clone()),
            name: Some(base),
            text,
            spans,
            unit: Some(OffsetUnit::CodePoint),
            relations,
            problems,
        });
    }
    Ok(Parsed { format: "brat standoff", docs, notes, table: None })
}

/// True for a line that starts a standoff annotation: an id (T1, R2, A3, E4, M5, N6, #7 or *)
/// followed by a tab.
fn is_annotation_line(line: &str) -> bool {
    let Some((id, _)) = line.split_once('\t') else { return false };
    let mut chars = id.chars();
    match chars.next() {
        Some('T' | 'R' | 'A' | 'E' | 'M' | 'N' | '#') => chars.all(|c| c.is_ascii_digit()),
        Some('*') => id.len() == 1,
        _ => false,
    }
}
