//! The whole page: toolbar, document list, text view, palette and span list, and drag and drop;
//! the effects that run outside the reducer are in `hooks`.

use super::browser;
use super::doc_list::DocList;
use super::doc_status::DocStatusPicker;
use super::export_dialog::ExportDialog;
use super::hooks::{open_files, use_autosave, use_doc_param, use_hotkeys, use_read_opened};
use super::import_dialog::ImportDialog;
use super::label_colors::use_label_colors;
use super::new_doc::NewDocDialog;
use super::palette::Palette;
use super::persist::Persist;
use super::relation_list::RelationList;
use super::schema_editor::SchemaEditor;
use super::span_details::SpanDetails;
use super::span_list::SpanList;
use super::status_bar::StatusBar;
use super::storage_panel::{StoragePanel, WriterBanner};
use super::store::Store;
use super::text_view::TextView;
use super::toolbar::Toolbar;
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    let store = use_reducer(Store::starting);
    let persist = (*use_state(|| Rc::new(Persist::default()))).clone();
    {
        let (store, persist) = (store.clone(), persist.clone());
        use_effect_with((), move |_| persist.start(store));
    }
    let show_new_doc = use_state(|| false);
    let show_export = use_state(|| false);
    let show_schema = use_state(|| false);
    let text_view_ref = use_node_ref();

    use_autosave(&store, &persist);
    use_read_opened(&store, &persist);
    use_hotkeys(&store, &text_view_ref);
    let schema = store.state().project().schema.clone();
    use_label_colors(&schema);
    // Whenever the last dialog closes, the keyboard goes back to the text.
    let dialog_open = *show_new_doc || *show_export || *show_schema || store.state().pending_import.is_some();
    use_effect_with(dialog_open, |open| {
        if !open {
            browser::focus_text_view();
        }
    });
    use_doc_param(&store);
    if !store.ready {
        return html! { <div class="app app--loading" data-testid="loading">{ "正在打开 Opening the project…" }</div> };
    }

    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let ondrop = {
        let store = store.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            let files = browser::files_of(event.data_transfer().and_then(|d| d.files()));
            if !files.is_empty() {
                open_files(store.clone(), files);
            }
        })
    };
    // Opening and closing the dialogs.
    let (on_new_doc, on_close_new_doc) = (set_to(&show_new_doc, true), set_to(&show_new_doc, false));
    let (on_export_dataset, on_close_export) = (set_to(&show_export, true), set_to(&show_export, false));
    let (on_schema, on_close_schema) = (set_to(&show_schema, true), set_to(&show_schema, false));

    html! {
        <div class="app" {ondragover} {ondrop}>
            <Toolbar store={store.clone()} {on_new_doc} {on_export_dataset} {on_schema} />
            <WriterBanner store={store.clone()} persist={persist.clone()} />
            <div class="app__body">
                <aside class="app__left">
                    <DocList store={store.clone()} />
                    <StoragePanel store={store.clone()} persist={persist.clone()} />
                </aside>
                <main class="app__main">
                    <DocStatusPicker store={store.clone()} />
                    <Palette store={store.clone()} text_view={text_view_ref.clone()} />
                    <TextView store={store.clone()} node_ref={text_view_ref.clone()} />
                </main>
                <aside class="app__right">
                    <SpanDetails store={store.clone()} />
                    <RelationList store={store.clone()} />
                    <SpanList store={store.clone()} />
                </aside>
            </div>
            <StatusBar store={store.clone()} />
            if *show_new_doc {
                <NewDocDialog store={store.clone()} on_close={on_close_new_doc} />
            }
            if *show_export {
                <ExportDialog store={store.clone()} on_close={on_close_export} />
            }
            <ImportDialog store={store.clone()} />
            if *show_schema {
                <SchemaEditor store={store.clone()} on_close={on_close_schema} />
            }
        </div>
    }
}

/// A callback that sets `flag` to `value`.
fn set_to(flag: &UseStateHandle<bool>, value: bool) -> Callback<()> {
    let flag = flag.clone();
    Callback::from(move |_| flag.set(value))
}
