//! How the annotation goes since the app was opened: spans confirmed, suggestions accepted and
//! rejected, and the median seconds per confirmed span. The counts are the editor's (`Tally`);
//! the clock is the browser's, read here when a count changes.

use super::words::chrome as w;
use super::words::use_lang;
use crate::core::editor::Tally;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatsPanelProps {
    pub tally: Tally,
}

/// When spans were confirmed: the moment of the last confirmation and the seconds each span
/// took (a run of n spans made at once, by Label all, shares its interval n ways).
#[derive(Default)]
struct Timing {
    last: Option<f64>,
    confirmed: usize,
    seconds: Vec<f64>,
}

#[component]
pub fn StatsPanel(props: &StatsPanelProps) -> Html {
    let lang = use_lang();
    let opened = *use_state(js_sys::Date::now);
    let timing = use_mut_ref(Timing::default);
    {
        let mut timing = timing.borrow_mut();
        let now_confirmed = props.tally.confirmed;
        if now_confirmed > timing.confirmed {
            let now = js_sys::Date::now();
            let added = now_confirmed - timing.confirmed;
            let each = (now - timing.last.unwrap_or(opened)) / 1000.0 / added as f64;
            timing.seconds.extend(std::iter::repeat_n(each, added));
            timing.last = Some(now);
        }
        timing.confirmed = now_confirmed;
    }
    let median = median(&timing.borrow().seconds);
    let Tally { confirmed, accepted, rejected } = props.tally;
    html! {
        <section class="stats" data-testid="stats" data-confirmed={confirmed.to_string()}
                 data-accepted={accepted.to_string()} data-rejected={rejected.to_string()}>
            <h3>{ w::STATS.get(lang) }</h3>
            <dl>
                <dt>{ w::STATS_CONFIRMED.get(lang) }</dt><dd data-testid="stats-confirmed">{ confirmed }</dd>
                <dt>{ w::STATS_ACCEPTED.get(lang) }</dt><dd data-testid="stats-accepted">{ accepted }</dd>
                <dt>{ w::STATS_REJECTED.get(lang) }</dt><dd data-testid="stats-rejected">{ rejected }</dd>
                <dt>{ w::STATS_MEDIAN.get(lang) }</dt>
                <dd data-testid="stats-median">{ median.map_or("–".to_string(), |m| format!("{m:.1}")) }</dd>
            </dl>
        </section>
    }
}

/// The median of `values` (`None` when empty).
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    crate::core::compact_sort::sort_by(&mut sorted, f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len() % 2 == 1 { sorted[mid] } else { (sorted[mid - 1] + sorted[mid]) / 2.0 })
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn median_of_odd_even_and_empty() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }
}
