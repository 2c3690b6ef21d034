//! One writer across tabs: the Web Locks API decides which tab writes the project, and a
//! BroadcastChannel tells the others when it has saved.
//!
//! The lock is held for the life of the app (its callback returns a promise that settles only
//! when the [`LockGuard`] is dropped). "Edit here" steals it; the tab that had it sees its lock request rejected and turns
//! read-only. Web Locks and BroadcastChannel are called through `Reflect` because web-sys marks
//! `LockManager` unstable.

use super::browser::js_error;
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

const LOCK_NAME: &str = "biaozhu.project";
const CHANNEL_NAME: &str = "biaozhu.project";

/// The project lock, held until this is dropped (when the app is unmounted) or stolen.
pub struct LockGuard {
    release: Function,
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        let _ = self.release.call0(&JsValue::NULL);
    }
}

/// Why the project lock could not be asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockError {
    /// The browser has no Web Locks API (then no tab can be sure it is the only writer).
    NoWebLocks,
    /// The browser refused the request; its words.
    Refused { cause: String },
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockError::NoWebLocks => f.write_str("this browser has no Web Locks API"),
            LockError::Refused { cause } => write!(f, "the project lock was refused: {cause}"),
        }
    }
}

impl std::error::Error for LockError {}

/// Asks for the project lock: `steal` takes it from the tab holding it, otherwise it is taken
/// only if free. Resolves to the held lock, or `None` when another tab holds it; `on_lost` runs
/// if it is later taken.
///
/// # Errors
/// When the browser has no Web Locks (then no tab can be sure it is the only writer).
pub async fn acquire(steal: bool, on_lost: impl FnOnce() + 'static) -> Result<Option<LockGuard>, LockError> {
    let navigator = gloo::utils::window().navigator();
    let locks = Reflect::get(&navigator, &"locks".into()).map_err(|_| LockError::NoWebLocks)?;
    if locks.is_undefined() {
        return Err(LockError::NoWebLocks);
    }
    let request: Function = Reflect::get(&locks, &"request".into())
        .map_err(|_| LockError::NoWebLocks)?
        .dyn_into()
        .map_err(|_| LockError::NoWebLocks)?;
    let options = js_sys::Object::new();
    let flag = if steal { "steal" } else { "ifAvailable" };
    Reflect::set(&options, &flag.into(), &JsValue::TRUE)
        .map_err(|e| LockError::Refused { cause: js_error(e) })?;

    // `granted` settles with whether the callback got a lock; `hold` is what the lock waits on.
    let mut tell: Option<Function> = None;
    let granted = Promise::new(&mut |resolve, _| tell = Some(resolve));
    let tell = tell.expect("the promise executor runs at once");
    let mut release: Option<Function> = None;
    let hold = Promise::new(&mut |resolve, _| release = Some(resolve));
    let release = release.expect("the promise executor runs at once");
    let callback = Closure::once_into_js(move |lock: JsValue| -> JsValue {
        let held = !lock.is_null() && !lock.is_undefined();
        let _ = tell.call1(&JsValue::NULL, &JsValue::from_bool(held));
        if held {
            // Held until `hold` settles (the guard is dropped), the tab goes away, or a steal.
            hold.into()
        } else {
            JsValue::UNDEFINED
        }
    });
    let request = request
        .call3(&locks, &LOCK_NAME.into(), &options, &callback)
        .map_err(|e| LockError::Refused { cause: js_error(e) })?;
    let request: Promise =
        request.dyn_into().map_err(|_| LockError::Refused { cause: "no promise came back".into() })?;
    // A stolen lock rejects the request that holds it.
    let lost = Closure::once(move |_error: JsValue| on_lost());
    let _ = request.catch(&lost);
    // Lives as long as the lock: the tab's life.
    lost.forget();
    let held = JsFuture::from(granted).await.map_err(|e| LockError::Refused { cause: js_error(e) })?;
    Ok(held.as_bool().unwrap_or(false).then_some(LockGuard { release }))
}

/// The channel between this project's tabs.
pub struct Channel {
    channel: web_sys::BroadcastChannel,
    _listener: gloo::events::EventListener,
}

impl Channel {
    /// Opens the channel; `on_saved` runs when another tab says it has saved.
    pub fn open(on_saved: impl Fn() + 'static) -> Option<Channel> {
        let channel = web_sys::BroadcastChannel::new(CHANNEL_NAME).ok()?;
        let listener = gloo::events::EventListener::new(&channel, "message", move |_| on_saved());
        Some(Channel { channel, _listener: listener })
    }

    /// Tells the other tabs that the project in storage changed.
    pub fn announce_saved(&self) {
        let _ = self.channel.post_message(&JsValue::from_str("saved"));
    }
}
