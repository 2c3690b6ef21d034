//! Label colours reach the page through the CSSOM, never through a style string holding user
//! text: each label's colour is set as the custom property `--label-color-N` on the page root
//! (N is the label's slot, `Schema::label_slot`), and elements refer to it by number.

use super::browser;
use crate::core::schema::{is_hex_color, Schema};
use yew::prelude::*;

/// Grey, for a label outside the schema (or a colour that is somehow not a hex colour).
const FALLBACK: &str = "#999999";

/// Keeps the page's `--label-color-N` properties in step with the schema.
#[hook]
pub fn use_label_colors(schema: &Schema) {
    let colors: Vec<String> = schema
        .labels()
        .map(|l| if is_hex_color(&l.color) { l.color.clone() } else { FALLBACK.to_string() })
        .collect();
    use_effect_with(colors, |colors| browser::set_label_colors(colors));
}

/// The inline style giving an element its label's colour as `--ann-color`.
pub fn color_style(slot: Option<usize>) -> String {
    match slot {
        Some(slot) => format!("--ann-color: var(--label-color-{slot})"),
        None => format!("--ann-color: {FALLBACK}"),
    }
}
