//! Finding where each imported span belongs, whatever unit its file counts offsets in.
//!
//! - A span that carries its text is placed where its offsets give back that text, read as code
//!   points, UTF-16 units, UTF-8 bytes or grapheme clusters (in that order of preference). When
//!   no reading does, it goes to the occurrence of its text nearest to where its offsets point,
//!   converted in the unit the document's other spans were found in.
//! - Spans without text (doccano) are read in the unit the file declares. Otherwise every unit
//!   is tried on all of the file's spans and scored by fit: offsets that fall past the end or
//!   inside a character rule a reading out, and spans that start or end on whitespace or
//!   punctuation count against it. The best reading is taken and said; when several readings fit
//!   equally well but place spans differently, the user chooses in the review, with a preview
//!   of each.
//!
//! Every span that cannot be placed becomes a problem naming its document, offsets and reason.

use super::problem::{LeftOut, StatedSpan, UnitNote};
use super::units::{IndexedText, OffsetUnit};
use super::{RawDoc, RawSpan};
use crate::core::offsets::{excerpt, CharRange};
use std::collections::BTreeMap;

/// Whitespace or punctuation, which annotators rarely put at the edge of a span.
fn odd_edge(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(
            c,
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '？'
                | '！'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '（'
                | '）'
                | '《'
                | '》'
                | '【'
                | '】'
                | '…'
                | '—'
                | '·'
        )
}

/// One way of reading the spans without text, for the user to choose from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitReading {
    pub unit: OffsetUnit,
    /// How many spans this reading places.
    pub placed: usize,
    /// The first spans where the readings differ, as this reading places them: «text» at a–b.
    pub preview: Vec<String>,
}

/// How the spans without text are read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnitDecision {
    /// The file declares its unit, or every reading agrees.
    Settled,
    /// The readings differ and one fits best.
    Fit { unit: OffsetUnit, others: Vec<OffsetUnit> },
    /// Several readings fit equally well but place spans differently.
    Ask(Vec<UnitReading>),
}

impl UnitDecision {
    /// The unit to read undeclared spans in; `choice` answers an `Ask`.
    pub fn unit(&self, choice: Option<OffsetUnit>) -> OffsetUnit {
        match self {
            UnitDecision::Settled => OffsetUnit::CodePoint,
            UnitDecision::Fit { unit, .. } => choice.unwrap_or(*unit),
            UnitDecision::Ask(readings) => choice.unwrap_or(readings[0].unit),
        }
    }

    /// A line for the review, when the unit was not declared.
    pub fn note(&self, choice: Option<OffsetUnit>) -> Option<UnitNote> {
        match self {
            UnitDecision::Settled => None,
            UnitDecision::Fit { unit, others } => Some(UnitNote::Fit { unit: *unit, others: others.clone() }),
            UnitDecision::Ask(_) => choice.map(UnitNote::Chosen),
        }
    }
}

/// Spans without text of the documents that do not declare a unit.
fn undeclared(docs: &[RawDoc]) -> impl Iterator<Item = (&RawDoc, &RawSpan)> {
    docs.iter()
        .filter(|d| d.unit.is_none())
        .flat_map(|d| d.spans.iter().filter(|s| s.text.is_none()).map(move |s| (d, s)))
}

/// Decides the unit for the spans without text in `docs` that do not declare one.
pub fn decide_unit(docs: &[RawDoc]) -> UnitDecision {
    if undeclared(docs).next().is_none() {
        return UnitDecision::Settled;
    }
    // Each unit's reading of every span, and its misfit.
    let mut readings: Vec<(OffsetUnit, Vec<Option<CharRange>>, usize)> = Vec::new();
    for unit in OffsetUnit::ALL {
        let mut placed = Vec::new();
        let mut misfit = 0;
        for doc in docs.iter().filter(|d| d.unit.is_none()) {
            let text = IndexedText::new(&doc.text);
            for span in doc.spans.iter().filter(|s| s.text.is_none()) {
                let range = text.read(unit, span.start, span.end);
                misfit += match range {
                    None => 100,
                    Some(r) => {
                        let edge = |i| text.char_at(i).is_some_and(odd_edge);
                        usize::from(edge(r.start) || edge(r.end - 1))
                    }
                };
                placed.push(range);
            }
        }
        readings.push((unit, placed, misfit));
    }
    // Units that read every span alike are one reading (the preferred unit names it).
    let mut distinct: Vec<(OffsetUnit, &Vec<Option<CharRange>>, usize)> = Vec::new();
    for (unit, placed, misfit) in &readings {
        if !distinct.iter().any(|(_, p, _)| *p == placed) {
            distinct.push((*unit, placed, *misfit));
        }
    }
    if distinct.len() == 1 {
        return UnitDecision::Settled;
    }
    let best = distinct.iter().map(|(_, _, m)| *m).min().unwrap_or(0);
    let tied: Vec<&(OffsetUnit, &Vec<Option<CharRange>>, usize)> =
        distinct.iter().filter(|(_, _, m)| *m == best).collect();
    if let [(unit, _, _)] = tied[..] {
        let others = distinct.iter().map(|(u, _, _)| *u).filter(|u| u != unit).collect();
        return UnitDecision::Fit { unit: *unit, others };
    }
    // Several fit equally: preview the first spans where the tied readings differ.
    let spans: Vec<(&RawDoc, &RawSpan)> = undeclared(docs).collect();
    let differing: Vec<usize> =
        (0..spans.len()).filter(|&i| tied.iter().any(|(_, p, _)| p[i] != tied[0].1[i])).take(3).collect();
    let choices = tied
        .iter()
        .map(|(unit, placed, _)| UnitReading {
            unit: *unit,
            placed: placed.iter().flatten().count(),
            preview: differing
                .iter()
                .map(|&i| {
                    let (doc, span) = spans[i];
                    match placed[i] {
                        Some(r) => format!(
                            "{} «{}» at {r}",
                            span.label,
                            excerpt(IndexedText::new(&doc.text).slice(r))
                        ),
                        None => {
                            format!("{} at {}–{}: not on whole characters", span.label, span.start, span.end)
                        }
                    }
                })
                .collect(),
        })
        .collect();
    UnitDecision::Ask(choices)
}

pub struct Placed {
    /// (index of the span in the raw document, where it goes, its label)
    pub spans: Vec<(usize, CharRange, String)>,
    pub moved: usize,
    pub problems: Vec<LeftOut>,
    /// Spans whose offsets were in another unit than code points, by unit.
    pub converted: Vec<(OffsetUnit, usize)>,
    /// Spans whose offsets gave back their text in no unit, moved to where it is nearest.
    pub nearest_moves: usize,
}

/// Places one document's spans; `bare_unit` reads its spans without text when it declares none.
pub fn place_spans(raw: &RawDoc, bare_unit: OffsetUnit) -> Placed {
    let text = IndexedText::new(&raw.text);
    let bare_unit = raw.unit.unwrap_or(bare_unit);
    let mut placed =
        Placed { spans: Vec::new(), moved: 0, problems: Vec::new(), converted: Vec::new(), nearest_moves: 0 };
    // Spans with text: the unit that gives it back, counted per unit for the notes.
    let mut found: Vec<Option<(CharRange, OffsetUnit)>> = Vec::with_capacity(raw.spans.len());
    let mut per_unit: BTreeMap<OffsetUnit, usize> = BTreeMap::new();
    for span in &raw.spans {
        let hit = span.text.as_deref().and_then(|expected| {
            let units = raw.unit.map_or(OffsetUnit::ALL.to_vec(), |u| {
                std::iter::once(u).chain(OffsetUnit::ALL.into_iter().filter(move |x| *x != u)).collect()
            });
            units.into_iter().find_map(|unit| {
                text.read(unit, span.start, span.end)
                    .filter(|r| text.slice(*r) == expected)
                    .map(|r| (r, unit))
            })
        });
        if let Some((_, unit)) = hit {
            *per_unit.entry(unit).or_insert(0) += 1;
        }
        found.push(hit);
    }
    // Where the rest of the document's offsets were found, to convert a stray span's offsets.
    let usual = per_unit.iter().max_by_key(|(_, n)| **n).map(|(u, _)| *u).unwrap_or(bare_unit);
    for (index, span) in raw.spans.iter().enumerate() {
        let stated = || StatedSpan { label: span.label.clone(), start: span.start, end: span.end };
        match (&span.text, found[index]) {
            (Some(_), Some((range, _))) => {
                if range != CharRange::new(span.start, span.end) {
                    placed.moved += 1;
                }
                placed.spans.push((index, range, span.label.clone()));
            }
            (Some(expected), None) => {
                let near = text.to_cp_floor(usual, span.start);
                match text.nearest(expected, near) {
                    Some(range) => {
                        placed.moved += 1;
                        placed.nearest_moves += 1;
                        placed.spans.push((index, range, span.label.clone()));
                    }
                    None => {
                        let found = text.read(usual, span.start, span.end).map(|r| excerpt(text.slice(r)));
                        placed.problems.push(LeftOut::TextNotFound {
                            span: stated(),
                            expected: excerpt(expected),
                            found,
                        });
                    }
                }
            }
            (None, _) => match text.read(bare_unit, span.start, span.end) {
                Some(range) => {
                    if range != CharRange::new(span.start, span.end) {
                        placed.moved += 1;
                    }
                    placed.spans.push((index, range, span.label.clone()));
                }
                None => placed.problems.push(if span.start >= span.end {
                    LeftOut::Empty { span: stated() }
                } else {
                    match bare_unit {
                        OffsetUnit::CodePoint | OffsetUnit::Grapheme
                            if text.to_cp(bare_unit, span.end).is_none() =>
                        {
                            LeftOut::PastTheEnd { span: stated(), unit: bare_unit, len: text.char_len() }
                        }
                        _ => LeftOut::NotOnCharacters { span: stated(), unit: bare_unit },
                    }
                }),
            },
        }
    }
    placed.converted = per_unit.into_iter().filter(|(u, _)| *u != OffsetUnit::CodePoint).collect();
    placed
}
