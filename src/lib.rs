//! biaozhu (标注): a browser annotation tool for Chinese NER and information-extraction data.
//!
//! `core` is pure Rust and knows nothing of the browser; `ui` is the Yew front end and is only
//! compiled for wasm32.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;
