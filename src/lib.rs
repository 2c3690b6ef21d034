//! biaozhu (标注): a browser annotation tool for Chinese NER and information-extraction data.
//!
//! `core` is pure Rust and knows nothing of the browser; `ui` is the Yew front end. Both
//! compile natively, so that clippy and the native tests see the UI; it runs in wasm32 only.

pub mod core;
pub mod ui;
