//! The page's end of the learning worker (`src/bin/biaozhu-learner.rs`): starts it on first
//! use, holds messages until it says Ready (a message sent before its wasm has loaded would be
//! lost), and hands its replies to one listener. Knows nothing of what the messages mean.

use super::browser::js_error;
use crate::core::learn::protocol::{LearnFailure, Reply, Request};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// The worker's loader, written by Trunk beside the app (workers keep their names).
const WORKER_URL: &str = "./biaozhu-learner_loader.js";

/// A reply and the model bytes that came with it, left in JavaScript's memory: the page only
/// stores them and hands them back to a worker, so they are never copied into the wasm heap
/// (8.5 MB for a model of the whole MSRA set).
pub type Incoming = (Reply, Option<js_sys::Uint8Array>);

#[derive(Default)]
struct Inner {
    worker: Option<Worker>,
    ready: bool,
    waiting: Vec<js_sys::Array>,
    listener: Option<Rc<dyn Fn(Incoming)>>,
    // Kept alive while the worker is.
    on_message: Option<Closure<dyn Fn(MessageEvent)>>,
    on_error: Option<Closure<dyn Fn(ErrorEvent)>>,
}

#[derive(Default)]
pub struct Learner {
    inner: RefCell<Inner>,
}

impl Drop for Learner {
    fn drop(&mut self) {
        if let Some(worker) = self.inner.get_mut().worker.take() {
            worker.terminate();
        }
    }
}

impl Learner {
    /// Where replies go (one listener; set before the first send).
    pub fn listen(&self, listener: impl Fn(Incoming) + 'static) {
        self.inner.borrow_mut().listener = Some(Rc::new(listener));
    }

    /// True once the worker has been started (its wasm requested).
    pub fn started(&self) -> bool {
        self.inner.borrow().worker.is_some()
    }

    fn deliver(&self, incoming: Incoming) {
        let listener = self.inner.borrow().listener.clone();
        if let Some(listener) = listener {
            listener(incoming);
        }
    }

    /// Sends `request` (and `bytes` beside it), starting the worker if it is not running.
    pub fn send(self: &Rc<Self>, request: &Request, bytes: Option<&js_sys::Uint8Array>) {
        if let Err(why) = self.start() {
            self.deliver((Reply::Failed { job: None, why }, None));
            return;
        }
        let message = js_sys::Array::of1(&JsValue::from_str(&request.to_json()));
        if let Some(bytes) = bytes {
            message.push(bytes);
        }
        let mut inner = self.inner.borrow_mut();
        if !inner.ready {
            inner.waiting.push(message);
            return;
        }
        let worker = inner.worker.clone();
        drop(inner);
        if let Some(worker) = worker {
            if let Err(error) = worker.post_message(&message) {
                let why = LearnFailure::Unreachable { cause: js_error(error) };
                self.deliver((Reply::Failed { job: None, why }, None));
            }
        }
    }

    fn start(self: &Rc<Self>) -> Result<(), LearnFailure> {
        if self.started() {
            return Ok(());
        }
        let worker = Worker::new(WORKER_URL).map_err(|e| LearnFailure::NotStarted { cause: js_error(e) })?;
        let weak = Rc::downgrade(self);
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(this) = weak.upgrade() {
                this.receive(event.data());
            }
        });
        let weak = Rc::downgrade(self);
        let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
            if let Some(this) = weak.upgrade() {
                let why = LearnFailure::Stopped { cause: event.message() };
                let worker = {
                    let mut inner = this.inner.borrow_mut();
                    inner.ready = false;
                    inner.worker.take()
                };
                if let Some(worker) = worker {
                    worker.terminate();
                }
                this.deliver((Reply::Failed { job: None, why }, None));
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let mut inner = self.inner.borrow_mut();
        inner.worker = Some(worker);
        inner.on_message = Some(on_message);
        inner.on_error = Some(on_error);
        Ok(())
    }

    fn receive(&self, data: JsValue) {
        let parts: js_sys::Array = data.dyn_into().unwrap_or_default();
        let text = parts.get(0).as_string().unwrap_or_default();
        let bytes = parts.get(1).dyn_into::<js_sys::Uint8Array>().ok();
        let reply = match Reply::from_json(&text) {
            Ok(reply) => reply,
            Err(error) => Reply::Failed { job: None, why: error.into() },
        };
        if reply == Reply::Ready {
            let (worker, waiting) = {
                let mut inner = self.inner.borrow_mut();
                inner.ready = true;
                (inner.worker.clone(), std::mem::take(&mut inner.waiting))
            };
            if let Some(worker) = worker {
                for message in waiting {
                    let _ = worker.post_message(&message);
                }
            }
        }
        self.deliver((reply, bytes));
    }
}
