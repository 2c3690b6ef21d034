//! W3C Web Annotation JSON-LD: one Annotation per span, with a TextPositionSelector (code
//! points, end exclusive, as the model requires) and a TextQuoteSelector, in one
//! AnnotationCollection. Ids are `urn:uuid:` IRIs derived from the record and span ids, so a
//! re-export gives the same ids.

use super::units::Record;
use serde_json::{json, Value};

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Characters of context in each TextQuoteSelector's prefix and suffix.
const QUOTE_CONTEXT: usize = 32;

fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// A version-8 (name-based, custom hash) UUID IRI for `name`.
pub fn uuid_iri(name: &str) -> String {
    let hi = fnv1a(0x5851_f42d_4c95_7f2d, name.as_bytes());
    let lo = fnv1a(0x1405_7b7e_f767_814f, name.as_bytes());
    let mut b = [0u8; 16];
    b[..8].copy_from_slice(&hi.to_be_bytes());
    b[8..].copy_from_slice(&lo.to_be_bytes());
    b[6] = (b[6] & 0x0f) | 0x80; // version 8
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 9562 variant
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("urn:uuid:{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

/// The IRI of a record's text, the annotations' `target.source`.
pub fn source_iri(record_id: &str) -> String {
    uuid_iri(&format!("biaozhu:text:{record_id}"))
}

/// The IRI of a span's annotation.
fn span_iri(record: &Record, span: crate::core::SpanId) -> String {
    uuid_iri(&format!("biaozhu:span:{}:{}", record.id, span.0))
}

pub fn annotations(record: &Record) -> Vec<Value> {
    let chars: Vec<char> = record.text.chars().collect();
    let source = source_iri(&record.id);
    let spans = record.spans.iter().map(|span| {
            let prefix: String = chars[span.start.saturating_sub(QUOTE_CONTEXT)..span.start].iter().collect();
            let suffix: String =
                chars[span.end..(span.end + QUOTE_CONTEXT).min(chars.len())].iter().collect();
            let tag = json!({"type": "TextualBody", "purpose": "tagging", "value": span.label});
            // Attributes are further bodies that describe the span, named by a biaozhu: key.
            let body = if span.attributes.is_empty() {
                tag
            } else {
                let mut bodies = vec![tag];
                bodies.extend(span.attributes.iter().map(|(name, value)| {
                    json!({"type": "TextualBody", "purpose": "describing", "value": value, "biaozhu:attribute": name})
                }));
                Value::Array(bodies)
            };
            json!({
                "id": span_iri(record, span.id),
                "type": "Annotation",
                "motivation": "tagging",
                "body": body,
                "target": {
                    "source": source,
                    "selector": [
                        {"type": "TextPositionSelector", "start": span.start, "end": span.end},
                        {"type": "TextQuoteSelector", "exact": span.text, "prefix": prefix, "suffix": suffix},
                    ],
                },
            })
        });
    // A relation links the annotation of its source span to that of its target, typed by a
    // tagging body; direction is carried by target (from) and body (to), not by array order.
    let relations = record.relations.iter().map(|relation| {
        json!({
            "id": uuid_iri(&format!("biaozhu:relation:{}:{}", record.id, relation.id.0)),
            "type": "Annotation",
            "motivation": "linking",
            "target": span_iri(record, relation.from),
            "body": [
                span_iri(record, relation.to),
                {"type": "TextualBody", "purpose": "tagging", "value": relation.kind},
            ],
        })
    });
    spans.chain(relations).collect()
}

/// The collection: every annotation of every record, plus each text and its source IRI so
/// that a consumer can resolve `target.source` without a server.
pub fn write(records: &[Record]) -> String {
    let mut collection = Collection::new(records);
    collection.add(records);
    collection.finish()
}

/// The collection written a piece of records at a time (see `export::job`); the result is byte
/// for byte what printing the whole collection at once gives.
pub struct Collection {
    /// The printed collection up to and including `"items": [`, then the items so far. The
    /// items are written in place: a corpus's are tens of megabytes, and copying them into
    /// the finished file at the end took one long frame.
    out: String,
    /// Where the items start in `out`.
    items_start: usize,
    sources: String,
}

/// How deep `items` and `biaozhu:sources` sit in the printed collection (two spaces a level).
const ITEM_INDENT: &str = "      ";
const SOURCE_INDENT: &str = "    ";

impl Collection {
    /// Starts the collection of `records` (all of them: its id and total are made from them).
    pub fn new(records: &[Record]) -> Self {
        let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
        let total: usize = records.iter().map(|r| r.spans.len() + r.relations.len()).sum();
        let head = json!({
            "@context": CONTEXT,
            "id": uuid_iri(&format!("biaozhu:collection:{}", ids.join(","))),
            "type": "AnnotationCollection",
            "label": "biaozhu export",
            "total": total,
        });
        let head = serde_json::to_string_pretty(&head).expect("annotations serialise");
        // Without its closing brace: the annotation page and the texts follow.
        let mut out = head.trim_end().trim_end_matches('}').trim_end().to_string();
        out.push_str(",\n  \"first\": {\n    \"type\": \"AnnotationPage\",\n    \"startIndex\": 0,\n    \"items\": [\n");
        Collection { items_start: out.len(), out, sources: String::new() }
    }

    fn items(&self) -> &str {
        &self.out[self.items_start..]
    }

    /// Adds the annotations and texts of `records`, the next piece in order.
    pub fn add(&mut self, records: &[Record]) {
        for item in records.iter().flat_map(annotations) {
            let first = self.items().is_empty();
            push_indented(&mut self.out, first, &item, ITEM_INDENT);
        }
        for r in records {
            let source = json!({"id": source_iri(&r.id), "unit_id": r.id, "doc_id": r.doc_id.0, "name": r.doc_name, "text": r.text});
            let first = self.sources.is_empty();
            push_indented(&mut self.sources, first, &source, SOURCE_INDENT);
        }
    }

    /// Adds what `piece` (a collection of the next records) holds.
    pub fn extend(&mut self, piece: &Collection) {
        let (had_items, had_sources) = (!self.items().is_empty(), !self.sources.is_empty());
        for (all, had, more) in [
            (&mut self.out, had_items, piece.items()),
            (&mut self.sources, had_sources, piece.sources.as_str()),
        ] {
            if had && !more.is_empty() {
                all.push_str(",\n");
            }
            all.push_str(more);
        }
    }

    pub fn finish(mut self) -> String {
        if self.items().is_empty() {
            // `[\n` becomes `[]`.
            self.out.truncate(self.items_start - 1);
            self.out.push(']');
        } else {
            self.out.push('\n');
            self.out.push_str(&ITEM_INDENT[2..]);
            self.out.push(']');
        }
        self.out.push_str("\n  },\n  \"biaozhu:sources\": ");
        if self.sources.is_empty() {
            self.out.push_str("[]");
        } else {
            self.out.reserve(self.sources.len() + 8);
            self.out.push_str("[\n");
            self.out.push_str(&self.sources);
            self.out.push('\n');
            self.out.push_str(&SOURCE_INDENT[2..]);
            self.out.push(']');
        }
        self.out.push_str("\n}");
        self.out
    }
}

/// Appends `value` printed as an element of an array whose elements sit at `indent`.
/// `first` when it is the array's first (no comma before it).
fn push_indented(out: &mut String, first: bool, value: &Value, indent: &str) {
    if !first {
        out.push_str(",\n");
    }
    let printed = serde_json::to_string_pretty(value).expect("annotations serialise");
    for (n, line) in printed.lines().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push_str(indent);
        out.push_str(line);
    }
}
