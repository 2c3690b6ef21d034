//! Directive records in one key: when a directive span is made, its cue and its issuer are
//! read off the reporting clause before it (徐立毅强调，要… / 他指出，…) and proposed; Enter takes
//! both as one undo step. "Same as the previous directive" copies the cue and issuer of the
//! nearest directive before it.
//!
//! Pure and schema-driven: a cue word is any value of a fixed-value attribute of the
//! directive's label (the default schema's `cue`: 强调, 要求, 指出, 叮嘱, 希望), bar a catch-all
//! such as 其他; the issuer relation is the schema's `issued_by`, and its allowed targets are
//! the spans an issuer may be.

use super::command::Command;
use super::document::{Document, Relation, RelationId, Span, SpanId};
use super::offsets::CharRange;
use super::schema::Schema;

/// The relation type that names who issued a directive.
pub const ISSUER_RELATION: &str = "issued_by";

/// Attribute values that are not words of the text but the "none of these" choice.
const CATCH_ALL_VALUES: [&str; 3] = ["其他", "其它", "other"];

/// Pronouns that point back to the last person named (他指出 …).
const PRONOUNS: [char; 2] = ['他', '她'];

/// Characters that end a sentence: a directive's reporting clause is looked for in its own
/// sentence, then in the sentences before it in the same paragraph.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '\n' | '\r')
}

/// A cue word found before a directive: the attribute it is a value of and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    pub attribute: String,
    pub value: String,
    pub at: CharRange,
}

/// What a directive's record could be: its cue, and who issued it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordProposal {
    pub cue: Option<Cue>,
    /// The span that issued it (a target of [`ISSUER_RELATION`]).
    pub issuer: Option<SpanId>,
}

impl RecordProposal {
    pub fn is_empty(&self) -> bool {
        self.cue.is_none() && self.issuer.is_none()
    }
}

/// True when `span`'s label can be the source of an `issued_by` relation or carries a
/// fixed-value attribute: the spans a record is proposed for.
pub fn is_directive(schema: &Schema, span: &Span) -> bool {
    schema.relation_type(ISSUER_RELATION).is_some_and(|r| r.from.iter().any(|l| **l == *span.label))
        || schema.attributes_for(&span.label).any(|a| !a.is_free_text())
}

/// The cue and issuer read off the text before directive `id` of `doc`. Parts the directive
/// already has (a cue value, an `issued_by` relation) are not proposed again.
pub fn propose_record(doc: &Document, schema: &Schema, id: SpanId) -> RecordProposal {
    let Some(directive) = doc.span(id) else { return RecordProposal::default() };
    if !is_directive(schema, directive) {
        return RecordProposal::default();
    }
    let cue = find_cue(doc, schema, directive);
    let issuer = cue.as_ref().and_then(|cue| find_issuer(doc, schema, directive, cue.at.start));
    let has_issuer = doc.relations_of(id).any(|r| r.from == id && r.kind == ISSUER_RELATION);
    let has_cue = |cue: &Cue| directive.attributes.contains_key(&cue.attribute);
    RecordProposal { cue: cue.filter(|c| !has_cue(c)), issuer: issuer.filter(|_| !has_issuer) }
}

/// The nearest cue word before the directive: in its sentence, else in the sentences before
/// it in the same paragraph (a directive that goes on from 徐立毅强调，… in the next sentence).
fn find_cue(doc: &Document, schema: &Schema, directive: &Span) -> Option<Cue> {
    let words: Vec<(&str, &str)> = schema
        .attributes_for(&directive.label)
        .filter(|a| !a.is_free_text())
        .flat_map(|a| a.values.iter().map(move |v| (a.name.as_str(), v.as_str())))
        .filter(|(_, v)| !v.is_empty() && !CATCH_ALL_VALUES.contains(v))
        .collect();
    if words.is_empty() {
        return None;
    }
    let paragraph_start = logical_paragraph_start(doc, directive.range.start);
    let before = doc.slice(CharRange { start: paragraph_start, end: directive.range.start });
    // Walk back over the text before the directive, nearest first; the cue must end before
    // the directive starts.
    let chars: Vec<char> = before.chars().collect();
    (0..chars.len()).rev().find_map(|end| {
        words.iter().find_map(|(attribute, value)| {
            let len = value.chars().count();
            let start = (end + 1).checked_sub(len)?;
            let matches = chars[start..=end].iter().copied().eq(value.chars());
            matches.then(|| Cue {
                attribute: attribute.to_string(),
                value: value.to_string(),
                at: CharRange { start: paragraph_start + start, end: paragraph_start + end + 1 },
            })
        })
    })
}

/// Where the paragraph holding offset `at` starts, going back over line breaks that cut a
/// sentence (a line that does not end in 。！？ goes on in the next: 王新伟要求，要进一步转变 /
/// 作风…).
fn logical_paragraph_start(doc: &Document, at: usize) -> usize {
    let paragraphs = doc.paragraphs();
    let mut i = paragraphs.partition_point(|p| p.end < at).min(paragraphs.len().saturating_sub(1));
    while i > 0 {
        let previous = paragraphs[i - 1];
        let ends_sentence =
            doc.slice(previous).chars().last().is_some_and(|c| matches!(c, '。' | '！' | '？' | '!' | '?'));
        if ends_sentence {
            break;
        }
        i -= 1;
    }
    paragraphs.get(i).map_or(0, |p| p.start.min(at))
}

/// Who speaks in the reporting clause that ends at `cue_start`. Spans `issued_by` may point
/// to are candidates; "a person" is one of its first target label (PER in the default schema).
/// In order: the nearest person in the cue's sentence (市长王新伟到经开区，深入海陵空调郑州基地，
/// 要求…: the mayor, not the company visited), else the nearest candidate there (市委要求…);
/// else, when the clause holds 他 / 她, the nearest person before it anywhere; else the nearest
/// person earlier in the paragraph (胡荃到高新区调研。希望…: the subject carried over).
fn find_issuer(doc: &Document, schema: &Schema, directive: &Span, cue_start: usize) -> Option<SpanId> {
    let relation = schema.relation_type(ISSUER_RELATION)?;
    let fits = |span: &&Span| span.id != directive.id && relation.allows(&directive.label, &span.label);
    let is_person = |span: &&Span| relation.to.first().is_some_and(|l| **l == *span.label);
    let text_before = doc.slice(CharRange { start: 0, end: cue_start });
    let clause_start = cue_start - text_before.chars().rev().take_while(|c| !ends_sentence(*c)).count();
    let nearest = |from: usize, person_only: bool| {
        doc.spans()
            .iter()
            .filter(|s| s.range.start >= from && s.range.end <= cue_start)
            .filter(fits)
            .filter(|s| !person_only || is_person(s))
            .max_by_key(|s| (s.range.end, s.range.start))
            .map(|s| s.id)
    };
    let clause = doc.slice(CharRange { start: clause_start, end: cue_start });
    nearest(clause_start, true).or_else(|| nearest(clause_start, false)).or_else(|| {
        if clause.contains(PRONOUNS) {
            nearest(0, true)
        } else {
            nearest(logical_paragraph_start(doc, cue_start), true)
        }
    })
}

/// The commands that give directive `id` of `doc` the proposal's cue and issuer, as one batch
/// (nothing when the proposal is empty). `relation_id` numbers the new relation.
pub fn record_commands(
    doc: &Document,
    id: SpanId,
    proposal: &RecordProposal,
    relation_id: impl FnOnce() -> RelationId,
) -> Vec<Command> {
    let mut steps = Vec::new();
    if let Some(cue) = &proposal.cue {
        steps.push(Command::SetAttribute {
            doc: doc.id.clone(),
            span: id,
            name: cue.attribute.clone(),
            value: Some(cue.value.clone()),
        });
    }
    if let Some(issuer) = proposal.issuer {
        let relation = Relation::new(relation_id(), ISSUER_RELATION, id, issuer);
        steps.push(Command::AddRelation { doc: doc.id.clone(), relation });
    }
    steps
}

/// A directive's record as copied by "same as the previous one".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviousRecord {
    /// (attribute, value) of its fixed-value attributes.
    pub cues: Vec<(String, String)>,
    /// Its `issued_by` targets.
    pub issuers: Vec<SpanId>,
}

/// The record of the nearest directive before `id` that has a cue or an issuer, to be
/// copied onto `id`.
pub fn previous_record(doc: &Document, schema: &Schema, id: SpanId) -> Option<PreviousRecord> {
    let directive = doc.span(id)?;
    doc.spans()
        .iter()
        .filter(|s| s.id != id && *s.label == *directive.label && s.range.start < directive.range.start)
        .rev()
        .find_map(|previous| {
            let cues: Vec<(String, String)> = schema
                .attributes_for(&previous.label)
                .filter(|a| !a.is_free_text())
                .filter_map(|a| previous.attributes.get(&a.name).map(|v| (a.name.clone(), v.clone())))
                .collect();
            let issuers: Vec<SpanId> = doc
                .relations_of(previous.id)
                .filter(|r| r.from == previous.id && r.kind == ISSUER_RELATION)
                .map(|r| r.to)
                .collect();
            (!cues.is_empty() || !issuers.is_empty()).then_some(PreviousRecord { cues, issuers })
        })
}
