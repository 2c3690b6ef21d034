//! brat standoff: a `.txt` and an `.ann` per record, with `annotation.conf` and `visual.conf`.
//! Offsets are code points into the UTF-8 `.txt`, end exclusive. A span that runs over a line
//! break is written as fragments (`s e;s e`) around it, since an `.ann` line cannot hold one.

use super::units::Record;
use super::OutFile;
use crate::core::schema::Schema;

/// A file name from a record id: letters, digits, `-` and `_` kept, anything else `_`.
pub fn file_stem(id: &str) -> String {
    id.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}

/// The fragments of `start..end` in `chars` without line-break characters.
fn fragments(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = None;
    for (i, c) in chars.iter().enumerate().take(end).skip(start) {
        let breaks = *c == '\n' || *c == '\r';
        match (from, breaks) {
            (None, false) => from = Some(i),
            (Some(f), true) => {
                out.push((f, i));
                from = None;
            }
            _ => {}
        }
    }
    if let Some(f) = from {
        out.push((f, end));
    }
    out
}

/// The `.ann` text of one record: `T` lines for spans, `R` for relations, `A` for attributes
/// with a fixed set of values, `#` (AnnotatorNotes) for free-text attributes.
pub fn ann(record: &Record, schema: &Schema) -> String {
    let chars: Vec<char> = record.text.chars().collect();
    let mut out = String::new();
    for (n, span) in record.spans.iter().enumerate() {
        let parts = fragments(&chars, span.start, span.end);
        let offsets: Vec<String> = parts.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let texts: Vec<String> = parts.iter().map(|(s, e)| chars[*s..*e].iter().collect()).collect();
        // brat joins the fragments' texts with one space.
        out.push_str(&format!("T{}\t{} {}\t{}\n", n + 1, span.label, offsets.join(";"), texts.join(" ")));
    }
    let t_of = |id| record.spans.iter().position(|s| s.id == id).map(|i| format!("T{}", i + 1));
    for (n, relation) in record.relations.iter().enumerate() {
        if let (Some(from), Some(to)) = (t_of(relation.from), t_of(relation.to)) {
            out.push_str(&format!("R{}\t{} Arg1:{from} Arg2:{to}\n", n + 1, relation.kind));
        }
    }
    let (mut a, mut note) = (0, 0);
    for (n, span) in record.spans.iter().enumerate() {
        for (name, value) in &span.attributes {
            let free = schema.attribute(name).is_none_or(|d| d.is_free_text());
            if free {
                note += 1;
                let one_line = value.replace(['\n', '\r', '\t'], " ");
                out.push_str(&format!("#{note}\tAnnotatorNotes T{}\t{name}: {one_line}\n", n + 1));
            } else {
                a += 1;
                out.push_str(&format!("A{a}\t{name} T{} {value}\n", n + 1));
            }
        }
    }
    out
}

pub fn write(records: &[Record], part: Option<&str>, schema: &Schema) -> Vec<OutFile> {
    let folder = part.map(|p| format!("{p}/")).unwrap_or_default();
    records
        .iter()
        .flat_map(|record| {
            let stem = format!("{folder}{}", file_stem(&record.id));
            [
                OutFile::text(format!("{stem}.txt"), record.text.clone()),
                OutFile::text(format!("{stem}.ann"), ann(record, schema)),
            ]
        })
        .collect()
}

/// `annotation.conf` (the entity types) and `visual.conf` (display names and colours).
/// A display name as `visual.conf` can hold it: `|` separates the names and a line ends the
/// entry, so both become spaces. (Label names themselves are checked by the schema.)
fn conf_text(text: &str) -> String {
    text.chars().map(|c| if c == '|' || c.is_control() { ' ' } else { c }).collect()
}

pub fn config_files(schema: &Schema, labels: &[String]) -> Vec<OutFile> {
    let chosen: Vec<_> = schema.labels().filter(|l| labels.contains(&l.name)).collect();
    let mut annotation = String::from("[entities]\n");
    for label in &chosen {
        annotation.push_str(&format!("{}\n", label.name));
    }
    annotation.push_str("\n[relations]\n");
    for relation in &schema.relations {
        let from: Vec<&String> = relation.from.iter().filter(|l| labels.contains(l)).collect();
        let to: Vec<&String> = relation.to.iter().filter(|l| labels.contains(l)).collect();
        if !from.is_empty() && !to.is_empty() {
            let join = |v: Vec<&String>| v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("|");
            annotation.push_str(&format!("{}\tArg1:{}, Arg2:{}\n", relation.name, join(from), join(to)));
        }
    }
    annotation.push_str("\n[events]\n\n[attributes]\n");
    for attribute in schema.attributes.iter().filter(|a| !a.is_free_text()) {
        let on: Vec<&str> =
            attribute.labels.iter().filter(|l| labels.contains(l)).map(String::as_str).collect();
        if !on.is_empty() {
            annotation.push_str(&format!(
                "{}\tArg:{}, Value:{}\n",
                attribute.name,
                on.join("|"),
                attribute.values.join("|")
            ));
        }
    }
    let mut visual = String::from("[labels]\n");
    for label in &chosen {
        visual.push_str(&format!("{} | {} | {}\n", label.name, conf_text(&label.zh), conf_text(&label.en)));
    }
    visual.push_str("\n[drawing]\n");
    for label in &chosen {
        visual.push_str(&format!("{}\tbgColor:{}\n", label.name, label.color));
    }
    vec![OutFile::text("annotation.conf", annotation), OutFile::text("visual.conf", visual)]
}
