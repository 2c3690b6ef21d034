//! The Yew front end: thin components over `crate::core::editor`. All browser calls are in
//! `browser`; components turn DOM events into `EditorAction`s at the edge.

pub mod adjudication_panel;
pub mod agreement_dialog;
pub mod app;
pub mod browser;
pub mod browser_caret;
pub mod browser_files;
pub mod browser_focus;
pub mod browser_prefs;
pub mod browser_search;
pub mod caret_mark;
pub mod crash;
pub mod doc_list;
pub mod doc_status;
pub mod export_dialog;
pub mod export_job;
pub mod hooks;
pub mod idb;
pub mod import_dialog;
pub mod import_job;
pub mod label_colors;
pub mod learn_panel;
pub mod learner;
pub mod learning;
pub mod legacy_storage;
pub mod modal;
pub mod new_doc;
pub mod palette;
pub mod paragraph;
pub mod persist;
pub mod pre_annotate_dialog;
pub mod project_memo;
pub mod relation_arcs;
pub mod relation_list;
pub mod review_bar;
pub mod schema_editor;
pub mod search_bar;
pub mod span_details;
pub mod span_list;
pub mod stats_panel;
pub mod status_bar;
pub mod storage_error;
pub mod storage_panel;
pub mod store;
pub mod team_panel;
pub mod text_field;
pub mod text_view;
pub mod toolbar;
pub mod view_options;
pub mod words;
pub mod worker_link;
pub mod writer_lock;

/// Mounts the app on the page body.
pub fn start() {
    crash::install();
    yew::Renderer::<app::App>::new().render();
}
