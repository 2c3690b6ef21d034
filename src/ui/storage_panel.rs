//! Storage you can see: where the work is kept, how much it takes, whether the browser promised
//! to keep it, and a way to free it; and the banner of a tab that another tab writes for.

use super::browser;
use super::persist::{Persist, Role};
use super::store::use_dispatch;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// What this tab may do with storage (read from `persist` by the app at each render).
    pub role: Role,
    /// The revision last saved: the figures are looked up again after each save.
    pub saved: Option<u64>,
    pub persist: Rc<Persist>,
}

#[derive(Properties, PartialEq)]
pub struct BannerProps {
    pub read_only: bool,
    pub persist: Rc<Persist>,
}

/// Sizes as people read them: 1.2 MB, 10 GB.
fn human_bytes(bytes: f64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut value = bytes;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[component]
pub fn StoragePanel(props: &Props) -> Html {
    let estimate = use_state(|| None::<(f64, f64)>);
    let persisted = use_state(|| None::<bool>);
    // Looked up again whenever something was saved (the figures are the browser's, and cheap).
    let editor = use_dispatch();
    let saved = props.saved;
    {
        let (estimate, persisted, persist) = (estimate.clone(), persisted.clone(), props.persist.clone());
        use_effect_with(saved, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                estimate.set(browser::storage_estimate().await);
                let asked = persist.persisted();
                persisted.set(asked.or(browser::is_persisted().await));
            });
        });
    }
    let (where_kept, can_free) = match &props.role {
        Role::Writer { .. } => ("IndexedDB in this browser; this tab saves every edit".to_string(), true),
        Role::Reader => {
            ("IndexedDB in this browser; another tab saves, this one is read-only".to_string(), false)
        }
        Role::Starting => ("opening…".to_string(), false),
        Role::Off(reason) => (format!("nothing is saved: {reason}"), false),
        Role::Blocked { reason, .. } => (format!("nothing is saved: {reason}"), true),
    };
    let usage = match *estimate {
        Some((used, quota)) => format!("{} used of {}", human_bytes(used), human_bytes(quota)),
        None => "usage unknown (the browser does not say)".into(),
    };
    let (persist_state, persist_text) = match *persisted {
        Some(true) => ("granted", "persistent: granted, the browser keeps it when space runs short"),
        Some(false) => (
            "refused",
            "persistent: not granted, the browser may clear it when the disk is short of space; export regularly",
        ),
        None => ("unknown", "persistent: asked after your first edit"),
    };
    let on_free = {
        let (editor, persist) = (editor.clone(), props.persist.clone());
        Callback::from(move |_| {
            if browser::confirm(
                "Delete the project stored in this browser? Export it first (Export JSON) to keep a copy.",
            ) {
                persist.free(editor.clone());
            }
        })
    };
    html! {
        <section class="storage-panel" data-testid="storage-panel" aria-label="Storage">
            <h2 class="storage-panel__title">{ "存储 Storage" }</h2>
            <p class="storage-panel__where" data-testid="storage-where">{ where_kept }</p>
            <p data-testid="storage-usage">{ usage }</p>
            <p data-testid="storage-persisted" data-state={persist_state}>{ persist_text }</p>
            if can_free {
                <button class="storage-panel__free" data-testid="storage-free" onclick={on_free}>
                    { "从浏览器删除 Delete from this browser" }
                </button>
            }
        </section>
    }
}

/// Shown while another tab writes the project: this tab follows its saves and offers to take
/// over.
#[component]
pub fn WriterBanner(props: &BannerProps) -> Html {
    let editor = use_dispatch();
    if !props.read_only {
        return html! {};
    }
    let on_take_over = {
        let persist = props.persist.clone();
        Callback::from(move |_| persist.take_over(editor.clone()))
    };
    html! {
        <div class="writer-banner" role="status" data-testid="writer-banner">
            <span>
                { "另一个标签页正在编辑此项目 Another tab is editing this project. This tab is read-only and shows what that tab saves." }
            </span>
            <button data-testid="edit-here" onclick={on_take_over}>{ "在此编辑 Edit here" }</button>
        </div>
    }
}
