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
    let items: Vec<Value> = records.iter().flat_map(annotations).collect();
    let sources: Vec<Value> = records
        .iter()
        .map(|r| json!({"id": source_iri(&r.id), "unit_id": r.id, "doc_id": r.doc_id.0, "name": r.doc_name, "text": r.text}))
        .collect();
    let collection = json!({
        "@context": CONTEXT,
        "id": uuid_iri(&format!("biaozhu:collection:{}", records.iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(","))),
        "type": "AnnotationCollection",
        "label": "biaozhu export",
        "total": items.len(),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
        "biaozhu:sources": sources,
    });
    serde_json::to_string_pretty(&collection).expect("annotations serialise")
}
