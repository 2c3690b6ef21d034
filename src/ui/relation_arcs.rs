//! Relations drawn as arcs in an SVG layer inside the text view, sized to its scrolled content,
//! so arcs scroll with the text. Where they run is decided by `core::arc_layout`: in the gaps
//! between lines and in the left margin, never over characters, one label per bundle of arcs
//! into the same span.

use super::browser;
use super::label_colors::color_style;
use super::store::Shared;
use crate::core::arc_layout::{lay_out_arcs, ArcDrawing, ArcEnd, ArcInput, Room, LABEL_PX};
use crate::core::{Document, Schema, SpanId};
use gloo::events::EventListener;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RelationArcsProps {
    pub doc: Shared<Document>,
    pub schema: Shared<Schema>,
    pub view: NodeRef,
    /// When set, only the relations of this span are drawn (`None` inside: none at all).
    pub only_of: Option<Option<SpanId>>,
}

/// A relation to measure: id, type, colour slot, source and target span.
type Wanted = (u64, String, Option<usize>, u64, u64);

#[component]
pub fn RelationArcs(props: &RelationArcsProps) -> Html {
    let drawing = use_state(ArcDrawing::default);
    let size = use_state(|| (0.0, 0.0));
    let resized = use_state(|| 0u32);
    let doc = &props.doc;

    // Measure after every render that may have moved spans; set state only when it changed.
    {
        let (drawing, size, view) = (drawing.clone(), size.clone(), props.view.clone());
        let wanted: Vec<Wanted> = doc
            .relations()
            .iter()
            .filter(|r| props.only_of.is_none_or(|only| only.is_some_and(|s| r.from == s || r.to == s)))
            .map(|r| {
                let color = doc.span(r.from).and_then(|s| props.schema.label_slot(&s.label));
                (r.id.0, r.kind.clone(), color, r.from.0, r.to.0)
            })
            .collect();
        // Measured again whenever the document changed (an edit may move the text), another
        // was opened, or the view was resized.
        let key = (doc.clone(), *resized, wanted.clone());
        use_effect_with(key, move |_| {
            // Nothing to draw: no layout to read (reading it forces one, about 2 ms an edit).
            let measured = match view.cast::<web_sys::Element>() {
                Some(root) if !wanted.is_empty() => measure(&root, wanted),
                _ => None,
            };
            let (new_drawing, new_size) = measured.unwrap_or_default();
            if *drawing != new_drawing {
                drawing.set(new_drawing);
            }
            if *size != new_size {
                size.set(new_size);
            }
        });
    }
    {
        let resized = resized.clone();
        use_effect_with((), move |_| {
            let listener =
                EventListener::new(&gloo::utils::window(), "resize", move |_| resized.set(*resized + 1));
            move || drop(listener)
        });
    }

    let paths = drawing.paths.iter().map(|path| {
        let d: String = path
            .points
            .iter()
            .enumerate()
            .map(|(i, (x, y))| format!("{}{x:.1} {y:.1}", if i == 0 { "M" } else { " L" }))
            .collect();
        html! {
            <g class="relation-arcs__arc" data-testid="relation-arc" data-relation-id={path.id.to_string()}>
                <path d={d} style={color_style(path.color)} marker-end="url(#relation-arrow)" />
            </g>
        }
    });
    let labels = drawing.labels.iter().map(|label| {
        html! {
            <text class="relation-arcs__label" data-testid="relation-arc-label" data-count={label.ids.len().to_string()}
                  x={format!("{:.1}", label.x + label.width / 2.0)} y={format!("{:.1}", label.y)}
                  font-size={format!("{LABEL_PX}")} style={color_style(label.color)}>{ label.text.clone() }</text>
        }
    });
    let (width, height) = *size;
    html! {
        <svg class="relation-arcs" aria-hidden="true" width={format!("{width:.0}")} height={format!("{height:.0}")}>
            <defs>
                <marker id="relation-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                    <path d="M 0 0 L 10 5 L 0 10 z" fill="#555" />
                </marker>
            </defs>
            { for paths }
            { for labels }
        </svg>
    }
}

/// Reads where the spans of `wanted` are and lays the arcs out between them.
fn measure(root: &web_sys::Element, wanted: Vec<Wanted>) -> Option<(ArcDrawing, (f64, f64))> {
    let (text_left, line) = browser::text_left_and_line(root)?;
    let mut glyph: f64 = 0.0;
    let mut end = |span: u64| {
        browser::span_anchor(root, span).map(|(x, top, height)| {
            glyph = glyph.max(height);
            ArcEnd { x, top }
        })
    };
    let arcs: Vec<ArcInput> = wanted
        .into_iter()
        .filter_map(|(id, kind, color, from, to)| {
            Some(ArcInput { id, kind, color, target: to, from: end(from)?, to: end(to)? })
        })
        .collect();
    let room = Room { text_left, gap: (line - glyph).max(0.0) };
    Some((lay_out_arcs(&arcs, room), browser::content_size(root)))
}
