//! Where relation arcs are drawn, so that they never cover a character and their labels never
//! cover each other.
//!
//! An arc runs only through space the text leaves free: up from its source span into the gap
//! above that line, along the gap, and, when the target is on another line, into the left
//! margin, along it, and back through the gap above the target's line down to the target.
//! Arcs of one type into one span form a bundle: they share their last stretch and one label
//! ("issued_by ×9"), written in the gap above the target. Within a gap, stretches that overlap
//! take different heights (levels), and labels are moved sideways until none overlaps another.
//!
//! Coordinates are the text view's scrolled content, in CSS pixels, y downwards.

use crate::core::compact_sort;
use std::collections::BTreeMap;

/// One end of an arc: the horizontal centre and the top of the first line box of a span's text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArcEnd {
    pub x: f64,
    pub top: f64,
}

/// A relation to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct ArcInput {
    pub id: u64,
    pub kind: String,
    /// The source label's colour slot, passed through.
    pub color: Option<usize>,
    /// The target span (arcs into one span with one type are bundled).
    pub target: u64,
    pub from: ArcEnd,
    pub to: ArcEnd,
}

/// What the text's layout leaves for arcs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Room {
    /// The x of the text's left edge; the margin left of it is free.
    pub text_left: f64,
    /// The height of the free gap above a line of text (line height minus glyph height).
    pub gap: f64,
}

/// An arc as a polyline from its source to its target.
#[derive(Clone, Debug, PartialEq)]
pub struct ArcPath {
    pub id: u64,
    pub color: Option<usize>,
    pub points: Vec<(f64, f64)>,
}

/// The label of a bundle: its text is the relation type, with the count when more than one.
#[derive(Clone, Debug, PartialEq)]
pub struct ArcLabel {
    pub text: String,
    /// The ids of the arcs it names.
    pub ids: Vec<u64>,
    pub color: Option<usize>,
    /// Left edge, and the vertical centre of the text.
    pub x: f64,
    pub y: f64,
    pub width: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArcDrawing {
    pub paths: Vec<ArcPath>,
    pub labels: Vec<ArcLabel>,
}

/// Space between stretches at different levels of one gap, and between lanes in the margin.
const STEP: f64 = 4.0;
/// How far from a glyph the lowest stretch runs.
const CLEARANCE: f64 = 3.0;
/// Label font size in pixels (the SVG's CSS matches it).
pub const LABEL_PX: f64 = 10.0;
/// Space kept between two labels in one gap.
const LABEL_SPACE: f64 = 3.0;

/// Lines closer than this are one line.
fn same_line(a: f64, b: f64) -> bool {
    (a - b).abs() < 2.0
}

/// A gap is named by the top of the line under it, to the pixel.
fn gap_key(top: f64) -> i64 {
    top.round() as i64
}

/// A label's width: CJK characters are about a font size wide, others about six tenths.
pub fn label_width(text: &str) -> f64 {
    let units: f64 = text.chars().map(|c| if (c as u32) < 0x2E80 { 0.6 } else { 1.0 }).sum();
    units * LABEL_PX + 4.0
}

/// Lays out `arcs` in `room`.
pub fn lay_out_arcs(arcs: &[ArcInput], room: Room) -> ArcDrawing {
    let levels = ((room.gap - 2.0 * CLEARANCE) / STEP).floor().max(0.0) as usize + 1;
    let lanes = ((room.text_left - 2.0 * CLEARANCE) / STEP).floor().max(1.0) as usize;
    let gap_y = |top: f64, level: usize| top - CLEARANCE - STEP * (level % levels) as f64;
    let margin_x = |lane: usize| room.text_left - CLEARANCE - STEP * (lane % lanes) as f64;

    // Bundles, in order of their first arc: arcs into one span with one type.
    let mut bundles: Vec<Vec<&ArcInput>> = Vec::new();
    let mut bundle_of: BTreeMap<(u64, &str), usize> = BTreeMap::new();
    for arc in arcs {
        let index = *bundle_of.entry((arc.target, arc.kind.as_str())).or_insert_with(|| {
            bundles.push(Vec::new());
            bundles.len() - 1
        });
        bundles[index].push(arc);
    }

    // The stretches each bundle runs along in each gap, then their levels.
    let mut stretches: BTreeMap<i64, BTreeMap<usize, (f64, f64)>> = BTreeMap::new();
    let mut widen = |gap: i64, bundle: usize, a: f64, b: f64| {
        let span = stretches.entry(gap).or_default().entry(bundle).or_insert((a.min(b), a.max(b)));
        *span = (span.0.min(a.min(b)), span.1.max(a.max(b)));
    };
    for (b, members) in bundles.iter().enumerate() {
        for arc in members {
            let into = arc.to.x;
            if same_line(arc.from.top, arc.to.top) {
                widen(gap_key(arc.to.top), b, arc.from.x, into);
            } else {
                widen(gap_key(arc.from.top), b, arc.from.x, margin_x(0));
                widen(gap_key(arc.to.top), b, margin_x(0), into);
            }
        }
    }
    let level: BTreeMap<(i64, usize), usize> =
        compact_sort::btree_map(stretches.iter().flat_map(|(gap, spans)| {
            let spans: Vec<(usize, (f64, f64))> = spans.iter().map(|(b, s)| (*b, *s)).collect();
            stack(&spans).into_iter().map(move |(b, level)| ((*gap, b), level))
        }));

    // Lanes in the margin for bundles that change lines, by the heights they span there.
    let mut vertical: BTreeMap<usize, (f64, f64)> = BTreeMap::new();
    for (b, members) in bundles.iter().enumerate() {
        for arc in members.iter().filter(|a| !same_line(a.from.top, a.to.top)) {
            let (a, z) = (arc.from.top.min(arc.to.top), arc.from.top.max(arc.to.top));
            let span = vertical.entry(b).or_insert((a, z));
            *span = (span.0.min(a), span.1.max(z));
        }
    }
    let lane: BTreeMap<usize, usize> =
        compact_sort::btree_map(stack(&vertical.into_iter().collect::<Vec<_>>()));

    let mut drawing = ArcDrawing::default();
    for (b, members) in bundles.iter().enumerate() {
        for arc in members {
            let (from, to) = (arc.from, arc.to);
            let into = gap_y(to.top, level[&(gap_key(to.top), b)]);
            let points = if same_line(from.top, to.top) {
                vec![(from.x, from.top), (from.x, into), (to.x, into), (to.x, to.top)]
            } else {
                let out = gap_y(from.top, level[&(gap_key(from.top), b)]);
                let x = margin_x(lane[&b]);
                vec![(from.x, from.top), (from.x, out), (x, out), (x, into), (to.x, into), (to.x, to.top)]
            };
            drawing.paths.push(ArcPath { id: arc.id, color: arc.color, points });
        }
    }

    // One label per bundle, above its target, then moved apart gap by gap.
    let mut by_gap: BTreeMap<i64, Vec<ArcLabel>> = BTreeMap::new();
    for members in &bundles {
        let first = members[0];
        let text = match members.len() {
            1 => first.kind.clone(),
            n => format!("{} ×{n}", first.kind),
        };
        let width = label_width(&text);
        by_gap.entry(gap_key(first.to.top)).or_default().push(ArcLabel {
            text,
            ids: members.iter().map(|a| a.id).collect(),
            color: first.color,
            x: first.to.x - width / 2.0,
            y: first.to.top - room.gap / 2.0,
            width,
        });
    }
    for mut labels in by_gap.into_values() {
        compact_sort::sort_by(&mut labels, |a, b| a.x.total_cmp(&b.x));
        let mut free_from = f64::NEG_INFINITY;
        for label in &mut labels {
            label.x = label.x.max(free_from);
            free_from = label.x + label.width + LABEL_SPACE;
        }
        drawing.labels.extend(labels);
    }
    drawing
}

/// Gives each interval the lowest level not taken by an overlapping interval laid before it
/// (intervals by their start; the classic greedy colouring, optimal for intervals).
fn stack(spans: &[(usize, (f64, f64))]) -> Vec<(usize, usize)> {
    let mut order: Vec<&(usize, (f64, f64))> = spans.iter().collect();
    compact_sort::sort_by(&mut order, |a, b| a.1 .0.total_cmp(&b.1 .0).then(a.0.cmp(&b.0)));
    // The end of the last interval on each level.
    let mut ends: Vec<f64> = Vec::new();
    let mut out = Vec::with_capacity(spans.len());
    for (id, (start, end)) in order {
        let level = match ends.iter().position(|e| *e + STEP <= *start) {
            Some(level) => level,
            None => {
                ends.push(f64::NEG_INFINITY);
                ends.len() - 1
            }
        };
        ends[level] = *end;
        out.push((*id, level));
    }
    out
}
