//! The dataset reading worker: a wasm built by Trunk beside the app (`data-type="worker"` in
//! index.html) and started by the page when a dataset is imported, so that zip, inflate and the
//! formats' readers cost the page's bundle nothing and a corpus is read off the page's thread.
//! It only moves messages (`core::import::reading`) to and from `core::import::job::ReadJob`,
//! which does the reading and is tested natively.

#[cfg(target_arch = "wasm32")]
mod worker {
    use biaozhu::core::import::job::{ReadJob, ReadStep};
    use biaozhu::core::import::readers::{Cause, InFile, ReadError};
    use biaozhu::core::import::reading::{replies, Handing, ReadReply, ReadRequest};
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// Bytes read between looks at the clock.
    const STEP_BYTES: usize = 256 * 1024;
    /// Progress is sent at most this often.
    const PROGRESS_EVERY_MS: f64 = 100.0;
    /// Text per reply of documents: the page takes each in between two frames (its JSON is
    /// parsed on the page's thread, a few milliseconds for this much).
    const PIECE_BYTES: usize = 128 * 1024;

    thread_local! {
        /// The replies waiting for the page to ask for them.
        static HANDING: RefCell<Handing> = RefCell::new(Handing::default());
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
        post(&scope, &ReadReply::Ready);
    }

    /// Takes one request: files to read, or the page asking for the next reply.
    fn take(scope: &DedicatedWorkerGlobalScope, data: JsValue) {
        let parts: js_sys::Array = data.dyn_into().unwrap_or_default();
        let next = match ReadRequest::from_json(&parts.get(0).as_string().unwrap_or_default()) {
            Ok(ReadRequest::Read { names }) => {
                let replies = read(scope, names, parts);
                HANDING.with(|h| h.borrow_mut().start(replies))
            }
            Ok(ReadRequest::More) => HANDING.with(|h| h.borrow_mut().hand_next()),
            Err(error) => {
                let cause = Cause(format!("a request did not read: {error}"));
                Some(ReadReply::Failed(ReadError::ReaderFailed { cause }))
            }
        };
        if let Some(reply) = next {
            post(scope, &reply);
        }
    }

    /// Reads the files named (their bytes follow in `parts`) to the end (the page ends the
    /// worker to cancel), saying how far it is; returns the replies that carry what it read.
    fn read(scope: &DedicatedWorkerGlobalScope, names: Vec<String>, parts: js_sys::Array) -> Vec<ReadReply> {
        let files = names
            .into_iter()
            .enumerate()
            .map(|(i, name)| {
                let bytes = parts.get(i as u32 + 1).dyn_into::<js_sys::Uint8Array>().map(|b| b.to_vec());
                InFile { name, bytes: bytes.unwrap_or_default() }
            })
            .collect();
        // The page's copies of the bytes were handed over; these are now the only ones.
        drop(parts);
        let mut job = ReadJob::new(files);
        let mut last_progress = js_sys::Date::now();
        let result = loop {
            match job.step(STEP_BYTES) {
                ReadStep::Working { done, total } => {
                    let now = js_sys::Date::now();
                    if now - last_progress >= PROGRESS_EVERY_MS {
                        last_progress = now;
                        post(scope, &ReadReply::Progress { done, total });
                    }
                }
                ReadStep::Finished(result) => break result,
            }
        };
        drop(job);
        replies(result, PIECE_BYTES)
    }

    fn post(scope: &DedicatedWorkerGlobalScope, reply: &ReadReply) {
        let message = js_sys::Array::of1(&JsValue::from_str(&reply.to_json()));
        if scope.post_message(&message).is_err() {
            // Nothing else can carry the news; the page sees no reply.
            web_sys::console::error_1(&"biaozhu-reader: a reply could not be posted".into());
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("biaozhu-reader is the app's dataset reading worker (built by Trunk); on the command line use biaozhu-learn or biaozhu-workload");
    std::process::exit(2);
}
