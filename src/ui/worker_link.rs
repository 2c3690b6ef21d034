//! The page's end of one of the app's workers (the learner, the dataset reader): starts it on
//! first use, holds messages until it says it is ready (a message sent before its wasm has
//! loaded would be lost), and hands what it sends to one listener. Knows nothing of what the
//! messages mean; each worker's module (`learner.rs`, `reader.rs`) does.

use super::browser::js_error;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// Why a worker did not answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkerFault {
    /// Its script could not be started (the browser's words).
    NotStarted(String),
    /// A message could not be posted to it.
    Unreachable(String),
    /// It stopped with an error (its wasm did not load, or it failed).
    Stopped(String),
}

/// A message from the worker (a JS array: the JSON first, bytes after it), or why none comes.
pub type Received = Result<js_sys::Array, WorkerFault>;

struct Inner {
    worker: Option<Worker>,
    ready: bool,
    waiting: Vec<js_sys::Array>,
    listener: Option<Rc<dyn Fn(Received)>>,
    // Kept alive while the worker is.
    on_message: Option<Closure<dyn Fn(MessageEvent)>>,
    on_error: Option<Closure<dyn Fn(ErrorEvent)>>,
}

pub struct WorkerLink {
    /// The worker's loader, written by Trunk beside the app (workers keep their names).
    url: &'static str,
    /// True for the message by which the worker says it has loaded (the JSON in first place).
    says_ready: fn(&str) -> bool,
    inner: RefCell<Inner>,
}

impl Drop for WorkerLink {
    fn drop(&mut self) {
        self.stop();
    }
}

impl WorkerLink {
    pub fn new(url: &'static str, says_ready: fn(&str) -> bool) -> Self {
        let inner = Inner {
            worker: None,
            ready: false,
            waiting: Vec::new(),
            listener: None,
            on_message: None,
            on_error: None,
        };
        WorkerLink { url, says_ready, inner: RefCell::new(inner) }
    }

    /// Where messages go (one listener; set before the first send).
    pub fn listen(&self, listener: impl Fn(Received) + 'static) {
        self.inner.borrow_mut().listener = Some(Rc::new(listener));
    }

    /// True once the worker has been started (its wasm requested).
    pub fn started(&self) -> bool {
        self.inner.borrow().worker.is_some()
    }

    /// Ends the worker and whatever it was doing; the next send starts a new one.
    pub fn stop(&self) {
        let worker = {
            let mut inner = self.inner.borrow_mut();
            inner.ready = false;
            inner.waiting.clear();
            inner.worker.take()
        };
        if let Some(worker) = worker {
            // A message the worker posted before it was ended can still be waiting in the page's
            // queue; with no handler it goes nowhere (the handlers are dropped with this link).
            worker.set_onmessage(None);
            worker.set_onerror(None);
            worker.terminate();
        }
    }

    fn deliver(&self, received: Received) {
        let listener = self.inner.borrow().listener.clone();
        if let Some(listener) = listener {
            listener(received);
        }
    }

    /// Sends `message`, starting the worker if it is not running; `transfer` lists the buffers
    /// handed over to the worker rather than copied (empty for none). A failure is delivered
    /// to the listener.
    pub fn send(self: &Rc<Self>, message: js_sys::Array, transfer: &js_sys::Array) {
        if let Err(fault) = self.start() {
            self.deliver(Err(fault));
            return;
        }
        let mut inner = self.inner.borrow_mut();
        if !inner.ready {
            inner.waiting.push(js_sys::Array::of2(&message, transfer));
            return;
        }
        let worker = inner.worker.clone();
        drop(inner);
        if let Some(worker) = worker {
            if let Err(error) = worker.post_message_with_transfer(&message, transfer) {
                self.deliver(Err(WorkerFault::Unreachable(js_error(error))));
            }
        }
    }

    fn start(self: &Rc<Self>) -> Result<(), WorkerFault> {
        if self.started() {
            return Ok(());
        }
        let worker = Worker::new(self.url).map_err(|e| WorkerFault::NotStarted(js_error(e)))?;
        let weak = Rc::downgrade(self);
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(this) = weak.upgrade() {
                this.receive(event.data());
            }
        });
        let weak = Rc::downgrade(self);
        let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
            if let Some(this) = weak.upgrade() {
                this.stop();
                this.deliver(Err(WorkerFault::Stopped(event.message())));
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
        let first = parts.get(0).as_string().unwrap_or_default();
        if (self.says_ready)(&first) {
            let (worker, waiting) = {
                let mut inner = self.inner.borrow_mut();
                inner.ready = true;
                (inner.worker.clone(), std::mem::take(&mut inner.waiting))
            };
            if let Some(worker) = worker {
                for held in waiting {
                    let (message, transfer) = (held.get(0), held.get(1));
                    if let Err(error) = worker.post_message_with_transfer(&message, &transfer) {
                        self.deliver(Err(WorkerFault::Unreachable(js_error(error))));
                    }
                }
            }
        }
        self.deliver(Ok(parts));
    }
}
