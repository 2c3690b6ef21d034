//! The dataset export worker: a wasm built by Trunk beside the app (`data-type="worker"` in
//! index.html) and started by the export dialog, so that every format's writer, the self-check
//! and the zip writer cost the page's bundle nothing and a corpus's export is built off the
//! page's thread. It only moves messages (`core::export::exporting`) to and from the core,
//! which does the work and is tested natively.

#[cfg(target_arch = "wasm32")]
mod worker {
    use biaozhu::core::export::exporting::{build, ExportReply, ExportRequest, Receiving};
    use biaozhu::core::export::ExportError;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// Characters of work between looks at the clock.
    const STEP_CHARS: usize = 64_000;
    /// Progress is sent at most this often.
    const PROGRESS_EVERY_MS: f64 = 100.0;

    thread_local! {
        static RECEIVING: RefCell<Receiving> = RefCell::new(Receiving::default());
    }

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let on_message = {
            let scope = scope.clone();
            Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| take(&scope, event.data()))
        };
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker lives until the page ends it: the handler is never dropped.
        on_message.forget();
        post(&scope, &ExportReply::Ready, None);
    }

    /// Takes one request in; for a build, builds the export (the page ends the worker to
    /// cancel) and sends it. The documents are kept for the next build.
    fn take(scope: &DedicatedWorkerGlobalScope, data: JsValue) {
        let parts: js_sys::Array = data.dyn_into().unwrap_or_default();
        let json = parts.get(0).dyn_into::<js_sys::Uint8Array>().map(|b| b.to_vec()).unwrap_or_default();
        drop(parts);
        let taken = match ExportRequest::from_json(&json) {
            Ok(request) => RECEIVING.with(|r| r.borrow_mut().take(request)),
            Err(error) => Err(ExportError::WorkerFailed(format!("a request did not read: {error}"))),
        };
        let received = match taken {
            Ok(Some(received)) => received,
            Ok(None) => return,
            Err(error) => return post(scope, &ExportReply::Failed(error), None),
        };
        let mut last_progress = js_sys::Date::now();
        let built = build(received, STEP_CHARS, |done, total, doing| {
            let now = js_sys::Date::now();
            if now - last_progress >= PROGRESS_EVERY_MS {
                last_progress = now;
                post(scope, &ExportReply::Progress { done, total, doing }, None);
            }
        });
        match built {
            Ok((summary, bytes)) => {
                // Copied once into JavaScript's memory and handed over to the page, not copied again.
                let bytes = js_sys::Uint8Array::from(bytes.as_slice());
                post(scope, &ExportReply::Built(summary), Some(bytes));
            }
            Err(error) => post(scope, &ExportReply::Failed(error), None),
        }
    }

    fn post(scope: &DedicatedWorkerGlobalScope, reply: &ExportReply, bytes: Option<js_sys::Uint8Array>) {
        let message = js_sys::Array::of1(&JsValue::from_str(&reply.to_json()));
        let transfer = js_sys::Array::new();
        if let Some(bytes) = bytes {
            transfer.push(&bytes.buffer());
            message.push(&bytes);
        }
        if scope.post_message_with_transfer(&message, &transfer).is_err() {
            // Nothing else can carry the news; the page sees no reply.
            web_sys::console::error_1(&"biaozhu-exporter: a reply could not be posted".into());
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("biaozhu-exporter is the app's dataset export worker (built by Trunk); on the command line use biaozhu-export");
    std::process::exit(2);
}
