//! Hands writes to storage in the order they are made. An append is prepared and handed over at
//! once; a compaction is prepared a part at a time between frames (after a corpus import it
//! names every document, and its meta record alone takes a frame), and the writes made
//! meanwhile wait behind it, so that transactions still begin in the order of their writes.

use super::{Persist, Role};
use crate::core::editor::EditorState;
use crate::core::saving::{Preparing, StoreOp, Write};
use crate::ui::hooks::yield_to_browser;
use crate::ui::idb::{Idb, StorageTask};
use crate::ui::store::Dispatch;
use std::rc::Rc;

/// Preparing goes on this long before the browser gets the thread back.
const PREPARE_FOR_MS: f64 = 8.0;
/// Document operations made between two looks at the clock.
const DOCS_PER_PART: usize = 2048;

/// A write waiting to be prepared: the state it was made from is kept, so that its records are
/// those of its revision whatever is edited meanwhile.
pub(super) struct Queued {
    ticket: u64,
    token: String,
    idb: Rc<Idb>,
    write: Write,
    state: Rc<EditorState>,
}

impl Persist {
    /// Prepares `write` from the state as it is now and hands it to storage, after the writes
    /// made before it.
    pub(super) fn issue(self: &Rc<Self>, editor: &Dispatch, write: Write) {
        let state = editor.latest();
        let ready = {
            let mut inner = self.inner.borrow_mut();
            let ticket = inner.next_ticket;
            let token = match &inner.role {
                Some(Role::Writer { token }) => token.clone(),
                _ => return,
            };
            let Some(idb) = inner.idb.clone() else { return };
            inner.next_ticket += 1;
            inner.in_flight.push_back(super::InFlight { ticket, write: write.clone(), result: None });
            inner.queued.push_back(Queued { ticket, token, idb, write, state });
            !inner.preparing
        };
        if ready {
            self.issue_queued(editor);
        }
    }

    /// Hands the queued writes over, in order, until a compaction needs frames to prepare.
    fn issue_queued(self: &Rc<Self>, editor: &Dispatch) {
        loop {
            let Some(queued) = self.inner.borrow_mut().queued.pop_front() else { return };
            if let Write::Append { .. } = queued.write {
                let ops = crate::core::saving::prepare(&queued.write, &queued.state.session);
                self.commit(editor, queued, ops, StorageTask::StoringEdit);
                continue;
            }
            self.inner.borrow_mut().preparing = true;
            let (this, editor) = (self.clone(), editor.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let ops = between_frames(&queued.write, &queued.state).await;
                this.commit(&editor, queued, ops, StorageTask::StoringRecords);
                this.inner.borrow_mut().preparing = false;
                this.issue_queued(&editor);
            });
            return;
        }
    }

    fn commit(self: &Rc<Self>, editor: &Dispatch, queued: Queued, ops: Vec<StoreOp>, doing: StorageTask) {
        let Queued { ticket, token, idb, .. } = queued;
        let (this, editor) = (self.clone(), editor.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let result = idb.commit(&token, &ops, doing).await;
            this.finished(&editor, ticket, result);
        });
    }
}

/// The operations of `write`, made from `state` with the browser given the thread back every
/// [`PREPARE_FOR_MS`].
async fn between_frames(write: &Write, state: &EditorState) -> Vec<StoreOp> {
    let mut preparing = Preparing::new(write, &state.session);
    let mut ops = Vec::new();
    let mut since = js_sys::Date::now();
    while let Some(mut part) = preparing.next_part(DOCS_PER_PART) {
        ops.append(&mut part);
        if js_sys::Date::now() - since >= PREPARE_FOR_MS {
            yield_to_browser().await;
            since = js_sys::Date::now();
        }
    }
    ops
}
