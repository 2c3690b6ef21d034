//! BIOES tags over characters: what the tagger predicts for each character, and the spans a
//! tag sequence spells.
//!
//! Tag 0 is `O`; label `l` (an index into the model's labels) has tags `1 + 4l` (B), `2 + 4l`
//! (I), `3 + 4l` (E) and `4 + 4l` (S). Decoding only ever produces well-formed sequences (see
//! [`follows`]), so a span is `B I* E` or `S`.

use crate::core::offsets::CharRange;

/// A tag's number.
pub type Tag = u16;

pub const OUTSIDE: Tag = 0;

/// A span of characters with a label, by the label's index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LabeledRange {
    pub range: CharRange,
    pub label: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Outside,
    Begin,
    Inside,
    End,
    Single,
}

/// How many tags `labels` labels need.
pub fn tag_count(labels: usize) -> usize {
    1 + 4 * labels
}

pub fn tag(part: Part, label: u16) -> Tag {
    let base = 1 + 4 * label;
    match part {
        Part::Outside => OUTSIDE,
        Part::Begin => base,
        Part::Inside => base + 1,
        Part::End => base + 2,
        Part::Single => base + 3,
    }
}

/// The part and label of `tag` (the label of `O` is 0 and means nothing).
pub fn split(tag: Tag) -> (Part, u16) {
    if tag == OUTSIDE {
        return (Part::Outside, 0);
    }
    let part = match (tag - 1) % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::End,
        _ => Part::Single,
    };
    (part, (tag - 1) / 4)
}

/// True when `next` may follow `prev` (`None`: the sequence's start).
pub fn follows(prev: Option<Tag>, next: Tag) -> bool {
    let (next_part, next_label) = split(next);
    let open = prev.map(split).filter(|(p, _)| matches!(p, Part::Begin | Part::Inside));
    match (open, next_part) {
        (Some((_, label)), Part::Inside | Part::End) => label == next_label,
        (Some(_), _) => false,
        (None, Part::Inside | Part::End) => false,
        (None, _) => true,
    }
}

/// True when a sequence may end with `tag`.
pub fn may_end(tag: Tag) -> bool {
    !matches!(split(tag).0, Part::Begin | Part::Inside)
}

/// The tags of `len` characters holding `spans`. Where spans overlap, the one starting first
/// (the longer at the same start) keeps its characters and the other is left out: a tag
/// sequence holds one layer of non-overlapping spans. Spans reaching past `len` are cut there.
pub fn encode(len: usize, spans: &[LabeledRange]) -> Vec<Tag> {
    let mut sorted: Vec<&LabeledRange> = spans.iter().collect();
    sorted.sort_unstable_by_key(|s| (s.range.start, std::cmp::Reverse(s.range.end), s.label));
    let mut tags = vec![OUTSIDE; len];
    let mut free_from = 0;
    for span in sorted {
        let (start, end) = (span.range.start, span.range.end.min(len));
        if start < free_from || start >= end {
            continue;
        }
        if end - start == 1 {
            tags[start] = tag(Part::Single, span.label);
        } else {
            tags[start] = tag(Part::Begin, span.label);
            for t in &mut tags[start + 1..end - 1] {
                *t = tag(Part::Inside, span.label);
            }
            tags[end - 1] = tag(Part::End, span.label);
        }
        free_from = end;
    }
    tags
}

/// The spans `tags` spell. A well-formed sequence gives back what [`encode`] was given; an
/// ill-formed one (a gold file's stray `I`) is read leniently: a run of one label's tags that
/// does not close is a span up to where it stops.
pub fn decode(tags: &[Tag]) -> Vec<LabeledRange> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, u16)> = None;
    let close = |open: &mut Option<(usize, u16)>, end: usize, spans: &mut Vec<LabeledRange>| {
        if let Some((start, label)) = open.take() {
            spans.push(LabeledRange { range: CharRange { start, end }, label });
        }
    };
    for (i, &t) in tags.iter().enumerate() {
        let (part, label) = split(t);
        let continues = matches!(open, Some((_, l)) if l == label);
        match part {
            Part::Outside => close(&mut open, i, &mut spans),
            Part::Begin => {
                close(&mut open, i, &mut spans);
                open = Some((i, label));
            }
            Part::Inside | Part::End => {
                if !continues {
                    close(&mut open, i, &mut spans);
                    open = Some((i, label));
                }
                if part == Part::End {
                    close(&mut open, i + 1, &mut spans);
                }
            }
            Part::Single => {
                close(&mut open, i, &mut spans);
                open = Some((i, label));
                close(&mut open, i + 1, &mut spans);
            }
        }
    }
    close(&mut open, tags.len(), &mut spans);
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lr(start: usize, end: usize, label: u16) -> LabeledRange {
        LabeledRange { range: CharRange { start, end }, label }
    }

    #[test]
    fn encode_then_decode_gives_the_spans_back() {
        let spans = vec![lr(0, 1, 0), lr(2, 5, 1), lr(5, 7, 0), lr(9, 10, 2)];
        let tags = encode(10, &spans);
        assert_eq!(tags, vec![4, 0, 5, 6, 7, 1, 3, 0, 0, 12]);
        assert_eq!(decode(&tags), spans);
    }

    #[test]
    fn overlapping_spans_keep_the_first_and_longest() {
        let tags = encode(6, &[lr(1, 3, 1), lr(0, 4, 0), lr(4, 9, 2), lr(3, 3, 0)]);
        assert_eq!(decode(&tags), vec![lr(0, 4, 0), lr(4, 6, 2)]);
    }

    #[test]
    fn ill_formed_sequences_are_read_leniently() {
        let (b, i, e) = (tag(Part::Begin, 0), tag(Part::Inside, 0), tag(Part::End, 0));
        let i1 = tag(Part::Inside, 1);
        assert_eq!(decode(&[i, i, 0]), vec![lr(0, 2, 0)]);
        assert_eq!(decode(&[b, i1, e]), vec![lr(0, 1, 0), lr(1, 2, 1), lr(2, 3, 0)]);
        assert_eq!(decode(&[0, b, i]), vec![lr(1, 3, 0)]);
    }

    #[test]
    fn follows_allows_exactly_the_well_formed_pairs() {
        for labels in 1..3u16 {
            let n = tag_count(labels as usize) as Tag;
            for prev in 0..n {
                for next in 0..n {
                    let (pp, pl) = split(prev);
                    let (np, nl) = split(next);
                    let inside = matches!(pp, Part::Begin | Part::Inside);
                    let expect = if inside {
                        matches!(np, Part::Inside | Part::End) && pl == nl
                    } else {
                        !matches!(np, Part::Inside | Part::End)
                    };
                    assert_eq!(follows(Some(prev), next), expect, "{prev} → {next}");
                }
                assert_eq!(follows(None, prev), !matches!(split(prev).0, Part::Inside | Part::End));
            }
        }
    }
}
