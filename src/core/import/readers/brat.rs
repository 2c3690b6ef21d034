//! The brat standoff reader (`.txt` + `.ann` pairs).

use super::super::{OffsetUnit, Parsed, RawDoc, RawSpan};
use super::utf8;
use super::InFile;

pub(super) fn read(files: &[InFile]) -> Result<Parsed, String> {
    let mut docs = Vec::new();
    let mut notes = Vec::new();
    for ann in files.iter().filter(|f| f.name.ends_with(".ann")) {
        let stem = ann.name.strip_suffix(".ann").expect("filtered on .ann");
        let txt = files
            .iter()
            .find(|f| f.name == format!("{stem}.txt"))
            .ok_or(format!("{} has no {stem}.txt beside it", ann.name))?;
        let text = utf8(txt)?.to_string();
        let mut spans = Vec::new();
        let mut other_lines = 0;
        for (n, line) in utf8(ann)?.lines().enumerate() {
            if !line.starts_with('T') {
                other_lines += usize::from(!line.trim().is_empty());
                continue;
            }
            let at = format!("{} line {}", ann.name, n + 1);
            let mut fields = line.splitn(3, '\t');
            let (_, Some(spec), quoted) = (fields.next(), fields.next(), fields.next()) else {
                return Err(format!("{at}: expected ID<TAB>TYPE START END<TAB>TEXT"));
            };
            let (label, ranges) = spec.split_once(' ').ok_or(format!("{at}: no offsets after the type"))?;
            let pieces: Vec<(usize, usize)> = ranges
                .split(';')
                .map(|r| {
                    let (s, e) = r.trim().split_once(' ')?;
                    Some((s.parse().ok()?, e.parse().ok()?))
                })
                .collect::<Option<_>>()
                .ok_or(format!("{at}: offsets «{ranges}» are not START END pairs"))?;
            let (start, end) = (pieces[0].0, pieces[pieces.len() - 1].1);
            // A single fragment carries its text; fragments around line breaks become one span
            // (this app has no discontinuous spans), checked by fit instead.
            let text = (pieces.len() == 1).then(|| quoted.map(str::to_string)).flatten();
            spans.push(RawSpan { start, end, label: label.to_string(), text });
        }
        if other_lines > 0 {
            notes.push(format!(
                "{}: {other_lines} relation, event, attribute or note line(s) are not imported",
                ann.name
            ));
        }
        let base = stem.rsplit('/').next().unwrap_or(stem).to_string();
        docs.push(RawDoc {
            id: Some(base.clone()),
            name: Some(base),
            text,
            spans,
            unit: Some(OffsetUnit::CodePoint),
        });
    }
    Ok(Parsed { format: "brat standoff", docs, notes })
}
