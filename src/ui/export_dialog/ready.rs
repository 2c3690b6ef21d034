//! The export dialog's result once built: the file's name and size, the counts per label, what
//! the format leaves out, spans that crossed a unit, the first lines and the Download button.

use super::super::browser;
use super::super::export_job::{Built, Ready};
use super::super::store::Dispatch;
use super::super::words::chrome as w;
use super::super::words::dataset_words::{
    export_not_downloaded, first_lines, records_and_files, spans_crossing,
};
use super::super::words::export_words::export_loss;
use super::super::words::{current_lang, Lang};
use crate::core::editor::EditorAction;
use crate::core::export::preview::human_size;
use crate::core::export::units::Crossing;
use std::rc::Rc;
use yew::prelude::*;

/// What the dialog shows under its options once `built` is ready: a plain function of the
/// dialog's, not a component (a component of its own cost the bundle 1.4 KB gzipped).
/// `built` is the dialog's `Rc`: the file can be a hundred megabytes, and a copy made in every
/// render was one long frame.
pub fn ready_view(lang: Lang, editor: &Dispatch, built: &Rc<Built>, on_close: &Callback<()>) -> Html {
    let Ok(Ready { summary: export, bytes }) = built.as_ref() else { return Html::default() };
    let counts = export.spans_per_label.iter().map(|(label, n)| {
        html! {
            <li data-label={label.clone()}>{ format!("{label}: {n}") }</li>
        }
    });
    let crossing = (!export.crossing.is_empty()).then(|| {
            let verb = match export.crossing_policy {
                Crossing::MergeUnits => w::CROSSING_MERGED.get(lang),
                Crossing::DropSpan => w::CROSSING_DROPPED.get(lang),
            };
            let items = export.crossing.iter().map(|c| html! {
                <li>{ format!("{} span {} {} {}–{} «{}»", c.doc_id, c.span.0, c.label, c.range.start, c.range.end, c.text) }</li>
            });
            html! {
                <div class="export__crossing" data-testid="export-crossing-report">
                    { spans_crossing(lang, export.crossing.len(), verb) }
                    <ul>{ for items }</ul>
                </div>
            }
        });
    let on_download = {
        let (built, editor) = (built.clone(), editor.clone());
        Callback::from(move |_: MouseEvent| {
            let Ok(Ready { summary, bytes }) = built.as_ref() else { return };
            if let Err(message) = browser::download_array(&summary.name, &summary.mime, bytes) {
                editor.dispatch(EditorAction::Failed(export_not_downloaded(current_lang(), &message)));
            }
        })
    };
    html! {
        <>
            <div class="export__summary">
                <span data-testid="export-file-name">{ export.name.clone() }</span>
                { " · " }
                <span data-testid="export-size" data-bytes={bytes.length().to_string()}>{ human_size(bytes.length() as usize) }</span>
                { records_and_files(lang, export.records, export.files) }
            </div>
            <ul class="export__counts" data-testid="export-counts">{ for counts }</ul>
            if !export.left_out.is_empty() {
                <ul class="export__left-out" data-testid="export-left-out">
                    { for export.left_out.iter().map(|m| html! { <li>{ export_loss(lang, m) }</li> }) }
                </ul>
            }
            { for crossing }
            <div class="export__preview-title">{ first_lines(lang, &export.first_file) }</div>
            <pre class="export__preview" data-testid="export-preview" tabindex="0" aria-label={w::EXPORT_PREVIEW.get(lang)}>{ export.first_lines.clone() }</pre>
            <div class="dialog__buttons">
                <button data-testid="export-download" onclick={on_download}>{ w::DOWNLOAD.get(lang) }</button>
                <button data-testid="export-close" onclick={on_close.reform(|_: MouseEvent| ())}>{ w::CLOSE.get(lang) }</button>
            </div>
        </>
    }
}
