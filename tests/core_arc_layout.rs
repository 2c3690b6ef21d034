//! Relation arcs are laid out in the free space of the text: never over a character, labels
//! never over each other, arcs into one span with one type bundled under one label.

use biaozhu::core::arc_layout::{lay_out_arcs, ArcDrawing, ArcEnd, ArcInput, Room};
use biaozhu::core::rng::SplitMix64;

/// Lines of text 43 px apart, glyphs 25 px tall: an 18 px gap above each line, text from x = 32.
const LINE: f64 = 43.0;
const GLYPH: f64 = 25.0;
const ROOM: Room = Room { text_left: 32.0, gap: LINE - GLYPH };
const RIGHT: f64 = 700.0;

fn line_top(line: usize) -> f64 {
    40.0 + LINE * line as f64
}

fn arc(id: u64, kind: &str, target: u64, from: (f64, usize), to: (f64, usize)) -> ArcInput {
    ArcInput {
        id,
        kind: kind.to_string(),
        color: None,
        target,
        from: ArcEnd { x: from.0, top: line_top(from.1) },
        to: ArcEnd { x: to.0, top: line_top(to.1) },
    }
}

/// True when the point is where a character may be: right of the margin and inside a line's
/// glyph box (from a line's top to GLYPH below it).
fn on_text(x: f64, y: f64, lines: usize) -> bool {
    x > ROOM.text_left && (0..lines).any(|l| y > line_top(l) + 0.5 && y < line_top(l) + GLYPH)
}

/// Every segment of every path, sampled every pixel, stays off the text; every path starts
/// and ends at its arc's ends.
fn assert_clear_of_text(drawing: &ArcDrawing, arcs: &[ArcInput], lines: usize) {
    for path in &drawing.paths {
        let arc = arcs.iter().find(|a| a.id == path.id).unwrap();
        assert_eq!(path.points.first(), Some(&(arc.from.x, arc.from.top)));
        assert_eq!(path.points.last(), Some(&(arc.to.x, arc.to.top)));
        for pair in path.points.windows(2) {
            let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
            assert!(x1 == x2 || y1 == y2, "segments are straight: {pair:?}");
            let steps = ((x2 - x1).abs().max((y2 - y1).abs())).ceil() as usize;
            for i in 0..=steps {
                let t = i as f64 / steps.max(1) as f64;
                let (x, y) = (x1 + (x2 - x1) * t, y1 + (y2 - y1) * t);
                assert!(!on_text(x, y, lines), "arc {} crosses text at ({x:.1}, {y:.1})", path.id);
            }
            // Stretches along a gap stay inside it.
            if y1 == y2 {
                assert!(
                    (0..lines).any(|l| y1 < line_top(l) && y1 > line_top(l) - ROOM.gap),
                    "stretch at {y1} outside a gap"
                );
            }
        }
    }
}

fn assert_labels_apart(drawing: &ArcDrawing) {
    for (i, a) in drawing.labels.iter().enumerate() {
        for b in &drawing.labels[i + 1..] {
            let same_row = (a.y - b.y).abs() < 1.0;
            let overlap = a.x < b.x + b.width && b.x < a.x + a.width;
            assert!(!(same_row && overlap), "labels collide: {a:?} and {b:?}");
        }
    }
}

#[test]
fn nine_arcs_into_one_span_share_one_label() {
    // Nine directives on lines 1..=9 issued by the person on line 0.
    let arcs: Vec<ArcInput> = (0..9)
        .map(|i| arc(i, "issued_by", 100, (200.0 + 30.0 * i as f64, i as usize + 1), (90.0, 0)))
        .collect();
    let drawing = lay_out_arcs(&arcs, ROOM);
    assert_eq!(drawing.paths.len(), 9);
    assert_eq!(drawing.labels.len(), 1);
    assert_eq!(drawing.labels[0].text, "issued_by ×9");
    assert_eq!(drawing.labels[0].ids, (0..9).collect::<Vec<_>>());
    // The label is centred over the target, in the gap above its line.
    let label = &drawing.labels[0];
    assert!((label.x + label.width / 2.0 - 90.0).abs() < 0.01);
    assert!(label.y < line_top(0) && label.y > line_top(0) - ROOM.gap);
    // The bundle shares its last stretch: every path ends on the same height.
    let last_heights: Vec<f64> = drawing.paths.iter().map(|p| p.points[p.points.len() - 2].1).collect();
    assert!(last_heights.windows(2).all(|w| w[0] == w[1]), "{last_heights:?}");
    assert_clear_of_text(&drawing, &arcs, 10);
}

#[test]
fn overlapping_arcs_on_one_line_take_different_heights_and_labels_move_apart() {
    let arcs = vec![
        arc(1, "issued_by", 10, (300.0, 2), (100.0, 2)),
        arc(2, "addressed_to", 11, (320.0, 2), (110.0, 2)),
        arc(3, "cue", 12, (500.0, 2), (400.0, 2)),
    ];
    let drawing = lay_out_arcs(&arcs, ROOM);
    let height = |id: u64| drawing.paths.iter().find(|p| p.id == id).unwrap().points[1].1;
    assert_ne!(height(1), height(2), "overlapping stretches share a height");
    // The third does not overlap the others, so it runs at the lowest height.
    assert_eq!(height(3), height(1).max(height(2)));
    assert_eq!(drawing.labels.len(), 3);
    assert_labels_apart(&drawing);
    assert_clear_of_text(&drawing, &arcs, 3);
}

#[test]
fn arcs_between_lines_go_through_the_margin() {
    let arcs = vec![arc(1, "issued_by", 5, (400.0, 4), (250.0, 1)), arc(2, "cue", 6, (250.0, 1), (600.0, 3))];
    let drawing = lay_out_arcs(&arcs, ROOM);
    for path in &drawing.paths {
        assert_eq!(path.points.len(), 6);
        assert!(path.points[2].0 < ROOM.text_left && path.points[3].0 < ROOM.text_left);
        assert!(path.points[2].0 > 0.0);
    }
    // Their stretches in the margin overlap in height, so they run in different lanes.
    assert_ne!(drawing.paths[0].points[2].0, drawing.paths[1].points[2].0);
    assert_clear_of_text(&drawing, &arcs, 5);
}

#[test]
fn no_layout_of_random_arcs_crosses_text_or_stacks_labels() {
    let mut rng = SplitMix64(7);
    for round in 0..200 {
        let lines = 1 + rng.below(12);
        let n = rng.below(25);
        let kinds = ["issued_by", "addressed_to", "cue", "关系"];
        let arcs: Vec<ArcInput> = (0..n as u64)
            .map(|id| {
                let target = rng.below(6) as u64;
                // Arcs into one target share its place, as spans do.
                let to =
                    (ROOM.text_left + 10.0 + 97.0 * target as f64 % (RIGHT - 50.0), target as usize % lines);
                let from =
                    (ROOM.text_left + 5.0 + rng.below((RIGHT - 40.0) as usize) as f64, rng.below(lines));
                arc(id, kinds[rng.below(kinds.len())], target, from, to)
            })
            .collect();
        let drawing = lay_out_arcs(&arcs, ROOM);
        assert_eq!(drawing.paths.len(), n, "round {round}");
        let named: usize = drawing.labels.iter().map(|l| l.ids.len()).sum();
        assert_eq!(named, n, "every arc is named by exactly one label (round {round})");
        assert_clear_of_text(&drawing, &arcs, lines);
        assert_labels_apart(&drawing);
    }
}

#[test]
fn nothing_to_draw() {
    assert_eq!(lay_out_arcs(&[], ROOM), ArcDrawing::default());
}
