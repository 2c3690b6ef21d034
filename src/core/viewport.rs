//! Which paragraphs of a long document to put in the DOM: those near the visible part. Heights
//! of paragraphs that are not rendered are estimated from their length, so the scroll height
//! stays stable without laying them out.

use super::offsets::CharRange;

/// How the text is set: enough to estimate a paragraph's height from its length.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    pub chars_per_line: usize,
    pub line_px: f64,
    pub gap_px: f64,
}

/// `tops[i]` is the estimated top of paragraph `i`; the last entry is the total height.
pub fn estimated_tops(paragraphs: &[CharRange], metrics: Metrics) -> Vec<f64> {
    let per_line = metrics.chars_per_line.max(1);
    let mut tops = Vec::with_capacity(paragraphs.len() + 1);
    let mut top = 0.0;
    for p in paragraphs {
        tops.push(top);
        top += p.len().div_ceil(per_line).max(1) as f64 * metrics.line_px + metrics.gap_px;
    }
    tops.push(top);
    tops
}

/// The paragraphs `[first, last)` that cover `scroll_top .. scroll_top + viewport`, widened by
/// `overscan` pixels on each side.
pub fn window_at(tops: &[f64], scroll_top: f64, viewport: f64, overscan: f64) -> (usize, usize) {
    let count = tops.len().saturating_sub(1);
    let from = (scroll_top - overscan).max(0.0);
    let to = scroll_top + viewport + overscan;
    // The paragraph containing `from`, and the first one starting after `to`.
    let first = tops[..count].partition_point(|t| *t <= from).saturating_sub(1);
    let last = tops[..count].partition_point(|t| *t < to).max(first + 1).min(count);
    (first, last)
}

/// A window of about `around` paragraphs centred on paragraph `index`.
pub fn window_around(index: usize, count: usize, around: usize) -> (usize, usize) {
    let first = index.saturating_sub(around / 2);
    (first, (first + around).min(count))
}
