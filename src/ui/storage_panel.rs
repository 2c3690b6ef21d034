//! Storage you can see: where the work is kept, how much it takes, whether the browser promised
//! to keep it, and a way to free it; and the banner of a tab that another tab writes for.

use super::browser;
use super::persist::{Persist, Role};
use super::store::use_dispatch;
use super::words::chrome as w;
use super::words::storage::{nothing_saved, storage_used};
use super::words::use_lang;
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
    let lang = use_lang();
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
        Role::Writer { .. } => (w::STORED_HERE_WRITER.get(lang).to_string(), true),
        Role::Reader => (w::STORED_HERE_READER.get(lang).to_string(), false),
        Role::Starting => (w::OPENING.get(lang).to_string(), false),
        Role::Off(reason) => (nothing_saved(lang, reason), false),
        Role::Blocked { reason, .. } => (nothing_saved(lang, reason), true),
    };
    let usage = match *estimate {
        Some((used, quota)) => storage_used(lang, &human_bytes(used), &human_bytes(quota)),
        None => w::USAGE_UNKNOWN.get(lang).to_string(),
    };
    let (persist_state, persist_text) = match *persisted {
        Some(true) => ("granted", w::PERSIST_GRANTED.get(lang)),
        Some(false) => ("refused", w::PERSIST_REFUSED.get(lang)),
        None => ("unknown", w::PERSIST_UNASKED.get(lang)),
    };
    let on_free = {
        let (editor, persist) = (editor.clone(), props.persist.clone());
        Callback::from(move |_| {
            if browser::confirm(w::CONFIRM_FREE.get(lang)) {
                persist.free(editor.clone());
            }
        })
    };
    html! {
        <section class="storage-panel" data-testid="storage-panel" aria-label={w::STORAGE.get(lang)}>
            <h2 class="storage-panel__title">{ w::STORAGE.get(lang) }</h2>
            <p class="storage-panel__where" data-testid="storage-where">{ where_kept }</p>
            <p data-testid="storage-usage">{ usage }</p>
            <p data-testid="storage-persisted" data-state={persist_state}>{ persist_text }</p>
            if can_free {
                <button class="storage-panel__free" data-testid="storage-free" onclick={on_free}>
                    { w::FREE_STORAGE.get(lang) }
                </button>
            }
        </section>
    }
}

/// Shown while another tab writes the project: this tab follows its saves and offers to take
/// over.
#[component]
pub fn WriterBanner(props: &BannerProps) -> Html {
    let lang = use_lang();
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
                { w::OTHER_TAB_WRITES.get(lang) }
            </span>
            <button data-testid="edit-here" onclick={on_take_over}>{ w::EDIT_HERE.get(lang) }</button>
        </div>
    }
}
