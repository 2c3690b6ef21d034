//! The page's end of the learning worker (`src/bin/biaozhu-learner.rs`): its messages as the
//! learning protocol's requests and replies, over a [`WorkerLink`] that starts the worker on
//! first use.

use super::worker_link::{WorkerFault, WorkerLink};
use crate::core::learn::protocol::{LearnFailure, Reply, Request};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's loader, written by Trunk beside the app (workers keep their names).
const WORKER_URL: &str = "./biaozhu-learner_loader.js";

/// A reply and the model bytes that came with it, left in JavaScript's memory: the page only
/// stores them and hands them back to a worker, so they are never copied into the wasm heap
/// (8.5 MB for a model of the whole MSRA set).
pub type Incoming = (Reply, Option<js_sys::Uint8Array>);

pub struct Learner {
    link: Rc<WorkerLink>,
}

impl Default for Learner {
    fn default() -> Self {
        let says_ready = |json: &str| matches!(Reply::from_json(json), Ok(Reply::Ready));
        Learner { link: Rc::new(WorkerLink::new(WORKER_URL, says_ready)) }
    }
}

impl Learner {
    /// Where replies go (one listener; set before the first send).
    pub fn listen(&self, listener: impl Fn(Incoming) + 'static) {
        self.link.listen(move |received| listener(incoming(received)));
    }

    /// True once the worker has been started (its wasm requested).
    pub fn started(&self) -> bool {
        self.link.started()
    }

    /// Sends `request` (and `bytes` beside it, copied), starting the worker if it is not running.
    pub fn send(self: &Rc<Self>, request: &Request, bytes: Option<&js_sys::Uint8Array>) {
        let message = js_sys::Array::of1(&JsValue::from_str(&request.to_json()));
        if let Some(bytes) = bytes {
            message.push(bytes);
        }
        self.link.send(message, &js_sys::Array::new());
    }
}

/// A message from the worker as a reply, or the failure that stands for it.
fn incoming(received: Result<js_sys::Array, WorkerFault>) -> Incoming {
    let parts = match received {
        Ok(parts) => parts,
        Err(fault) => {
            let why = match fault {
                WorkerFault::NotStarted(cause) => LearnFailure::NotStarted { cause },
                WorkerFault::Unreachable(cause) => LearnFailure::Unreachable { cause },
                WorkerFault::Stopped(cause) => LearnFailure::Stopped { cause },
            };
            return (Reply::Failed { job: None, why }, None);
        }
    };
    let text = parts.get(0).as_string().unwrap_or_default();
    let bytes = parts.get(1).dyn_into::<js_sys::Uint8Array>().ok();
    let reply = match Reply::from_json(&text) {
        Ok(reply) => reply,
        Err(error) => Reply::Failed { job: None, why: error.into() },
    };
    (reply, bytes)
}
