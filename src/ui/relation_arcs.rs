//! Relations drawn as arcs over the text: an SVG layer inside the text view, sized to its
//! scrolled content, so arcs scroll with the text and stay readable across lines.

use super::browser;
use super::label_colors::color_style;
use super::store::Shared;
use crate::core::{Document, Schema};
use gloo::events::EventListener;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RelationArcsProps {
    pub doc: Shared<Document>,
    pub schema: Shared<Schema>,
    pub view: NodeRef,
}

/// One arc, measured after the text has been laid out.
#[derive(Clone, Debug, PartialEq)]
struct Arc {
    id: u64,
    kind: String,
    /// The source label's colour slot (see `label_colors`).
    color: Option<usize>,
    from: (f64, f64),
    to: (f64, f64),
}

#[component]
pub fn RelationArcs(props: &RelationArcsProps) -> Html {
    let arcs = use_state(Vec::<Arc>::new);
    let size = use_state(|| (0.0, 0.0));
    let resized = use_state(|| 0u32);
    let doc = &props.doc;

    // Measure after every render that may have moved spans; set state only when it changed.
    {
        let (arcs, size, view) = (arcs.clone(), size.clone(), props.view.clone());
        let wanted: Vec<(u64, String, Option<usize>, u64, u64)> = doc
            .relations()
            .iter()
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
            if wanted.is_empty() {
                if !arcs.is_empty() {
                    arcs.set(Vec::new());
                }
                if *size != (0.0, 0.0) {
                    size.set((0.0, 0.0));
                }
                return;
            }
            if let Some(root) = view.cast::<web_sys::Element>() {
                let measured: Vec<Arc> = wanted
                    .into_iter()
                    .filter_map(|(id, kind, color, from, to)| {
                        let from = browser::span_anchor(&root, from)?;
                        let to = browser::span_anchor(&root, to)?;
                        Some(Arc { id, kind, color, from, to })
                    })
                    .collect();
                if *arcs != measured {
                    arcs.set(measured);
                }
                let new_size = browser::content_size(&root);
                if *size != new_size {
                    size.set(new_size);
                }
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

    let paths = arcs.iter().map(|arc| {
        let ((x1, y1), (x2, y2)) = (arc.from, arc.to);
        let lift = 14.0 + ((x2 - x1).abs() / 8.0).min(36.0);
        let top = y1.min(y2) - lift;
        let d = format!("M {x1:.1} {y1:.1} C {x1:.1} {top:.1}, {x2:.1} {top:.1}, {x2:.1} {:.1}", y2 - 2.0);
        let (lx, ly) = ((x1 + x2) / 2.0, top + lift * 0.2);
        html! {
            <g class="relation-arcs__arc" data-testid="relation-arc" data-relation-id={arc.id.to_string()}>
                <path d={d} style={color_style(arc.color)} marker-end="url(#relation-arrow)" />
                <text x={format!("{lx:.1}")} y={format!("{ly:.1}")} style={color_style(arc.color)}>{ arc.kind.clone() }</text>
            </g>
        }
    });
    let (width, height) = *size;
    html! {
        <svg class="relation-arcs" aria-hidden="true" width={format!("{width:.0}")} height={format!("{height:.0}")}>
            <defs>
                <marker id="relation-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M 0 0 L 10 5 L 0 10 z" fill="#555" />
                </marker>
            </defs>
            { for paths }
        </svg>
    }
}
