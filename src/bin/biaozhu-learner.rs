//! The learning worker: a second wasm, built by Trunk beside the app (`data-type="worker"` in
//! index.html) and loaded by the page only when learning is first used, so the trainer costs
//! the main bundle nothing. It trains and suggests off the page's thread; all it does is move
//! messages to and from `core::learn::service`, which holds the work and is tested natively.
//!
//! A message either way is a JS array: the JSON of a `Request` or `Reply`, and for a message
//! that carries a model, its bytes as a `Uint8Array` (transferred, not copied, on the way out).

#[cfg(target_arch = "wasm32")]
mod worker {
    use biaozhu::core::learn::protocol::{Reply, Request};
    use biaozhu::core::learn::service::{Outgoing, Service};
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// Characters per call of `Service::step`: a few milliseconds of training in V8.
    const SLICE_CHARS: usize = 2_000;
    /// How long the worker works before it looks at its messages again (a Cancel, or a request
    /// to suggest on the document just opened).
    const WORK_MS: f64 = 60.0;
    /// Progress is sent at most this often; other replies at once.
    const PROGRESS_EVERY_MS: f64 = 150.0;

    struct Worker {
        scope: DedicatedWorkerGlobalScope,
        service: RefCell<Service>,
        scheduled: Cell<bool>,
        last_progress: Cell<f64>,
    }

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let worker = Rc::new(Worker {
            scope: scope.clone(),
            service: RefCell::new(Service::default()),
            scheduled: Cell::new(false),
            last_progress: Cell::new(0.0),
        });
        let on_message = {
            let worker = worker.clone();
            Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| worker.receive(event.data()))
        };
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker lives as long as its page: the handler is never dropped.
        on_message.forget();
        worker.post(Reply::Ready.into());
    }

    impl Worker {
        fn receive(self: &Rc<Self>, data: JsValue) {
            let parts: js_sys::Array = data.dyn_into().unwrap_or_default();
            let text = parts.get(0).as_string().unwrap_or_default();
            let bytes = parts.get(1).dyn_into::<js_sys::Uint8Array>().ok().map(|b| b.to_vec());
            let replies = match Request::from_json(&text) {
                Ok(request) => self.service.borrow_mut().handle(request, bytes.as_deref()),
                Err(error) => vec![Reply::Failed { job: None, why: error.into() }.into()],
            };
            for reply in replies {
                self.post(reply);
            }
            self.schedule();
        }

        /// Goes on with the job under way after the messages waiting have been read.
        fn schedule(self: &Rc<Self>) {
            if self.scheduled.get() || !self.service.borrow().busy() {
                return;
            }
            self.scheduled.set(true);
            let this = self.clone();
            gloo::timers::callback::Timeout::new(0, move || {
                this.scheduled.set(false);
                this.work();
            })
            .forget();
        }

        fn work(self: &Rc<Self>) {
            let began = js_sys::Date::now();
            let mut pending_progress = None;
            while self.service.borrow().busy() && js_sys::Date::now() - began < WORK_MS {
                let replies = self.service.borrow_mut().step(SLICE_CHARS);
                for reply in replies {
                    if matches!(reply.reply, Reply::Progress { .. }) {
                        pending_progress = Some(reply);
                    } else {
                        self.post(reply);
                    }
                }
            }
            let now = js_sys::Date::now();
            if let Some(progress) = pending_progress {
                if now - self.last_progress.get() >= PROGRESS_EVERY_MS {
                    self.last_progress.set(now);
                    self.post(progress);
                }
            }
            self.schedule();
        }

        fn post(&self, out: Outgoing) {
            let message = js_sys::Array::of1(&JsValue::from_str(&out.reply.to_json()));
            let result = match out.model {
                Some(bytes) => {
                    let array = js_sys::Uint8Array::from(bytes.as_slice());
                    message.push(&array);
                    self.scope.post_message_with_transfer(&message, &js_sys::Array::of1(&array.buffer()))
                }
                None => self.scope.post_message(&message),
            };
            if result.is_err() {
                // Nothing else can carry the news; the page sees no reply and says so on its timer.
                web_sys::console::error_1(&"biaozhu-learner: a reply could not be posted".into());
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("biaozhu-learner is the app's learning worker (built by Trunk); on the command line use biaozhu-learn");
    std::process::exit(2);
}
