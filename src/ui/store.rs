//! The one reducer: Yew's `use_reducer` over the editor state from the core, and the
//! [`Dispatch`] that components and tasks reach it by.
//!
//! Each action makes a new state from a copy of the last one. The copy is cheap: documents,
//! texts and the undo history are shared (`Rc`) and an edit copies only the document it changes.
//! An action that changes nothing returns the same `Rc`, so nothing re-renders. Earlier states
//! are never changed, which is what lets components compare what they draw and skip a render.

use crate::core::changes::Changes;
use crate::core::editor::{EditorAction, EditorState};
use crate::core::schema::default_schema;
use crate::core::session::Op;
use crate::core::Project;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// What the reducer hands to the tasks around it. A mailbox, not state: borrowed only inside
/// the methods below, never across a call out.
struct Mailbox {
    /// The newest state, for tasks that run after the render their handle came from (a write
    /// to storage, a background read, an export in slices).
    latest: RefCell<Rc<EditorState>>,
    /// The session's operations and the stale records since the autosave last took them.
    outbox: RefCell<(Vec<Op>, Changes)>,
}

#[derive(Clone)]
pub struct Store {
    state: Rc<EditorState>,
    mailbox: Rc<Mailbox>,
    /// False until storage has answered and the project it holds is shown.
    pub ready: bool,
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.state, &other.state) && self.ready == other.ready
    }
}

impl Reducible for Store {
    type Action = EditorAction;

    fn reduce(self: Rc<Self>, action: EditorAction) -> Rc<Self> {
        let ready = self.ready || matches!(action, EditorAction::Restore { .. });
        let mut next = (*self.state).clone();
        next.apply(action);
        let (ops, changes) = (next.session.take_log(), next.session.take_changes());
        if !ops.is_empty() || !changes.is_empty() {
            let mut outbox = self.mailbox.outbox.borrow_mut();
            outbox.0.extend(ops);
            outbox.1.merge(changes);
        }
        if ready == self.ready && next.same_as(&self.state) {
            return self;
        }
        let state = Rc::new(next);
        *self.mailbox.latest.borrow_mut() = state.clone();
        Rc::new(Store { state, mailbox: self.mailbox.clone(), ready })
    }
}

pub type StoreHandle = UseReducerHandle<Store>;

impl Store {
    /// The state before storage has answered: an empty project, not shown (see `ready`).
    pub fn starting() -> Self {
        let state = Rc::new(EditorState::new(Project::new(default_schema()), None));
        let mailbox = Rc::new(Mailbox {
            latest: RefCell::new(state.clone()),
            outbox: RefCell::new(Default::default()),
        });
        super::crash::watch(newest_of(&mailbox));
        Store { state, mailbox, ready: false }
    }

    /// The state this render draws.
    pub fn state(&self) -> &Rc<EditorState> {
        &self.state
    }
}

fn newest_of(mailbox: &Rc<Mailbox>) -> impl Fn() -> Option<Rc<EditorState>> + 'static {
    let weak = Rc::downgrade(mailbox);
    move || weak.upgrade().and_then(|s| s.latest.try_borrow().ok().map(|l| l.clone()))
}

/// How components and tasks act on the editor: in a context (see `app`), so that a component
/// gets the few values it draws as props and dispatches through this. Equal to itself always:
/// it never makes a component render.
#[derive(Clone)]
pub struct Dispatch {
    dispatcher: UseReducerDispatcher<Store>,
    mailbox: Rc<Mailbox>,
}

impl PartialEq for Dispatch {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.mailbox, &other.mailbox)
    }
}

impl Dispatch {
    pub fn of(store: &StoreHandle) -> Self {
        Dispatch { dispatcher: store.dispatcher(), mailbox: store.mailbox.clone() }
    }

    pub fn dispatch(&self, action: EditorAction) {
        self.dispatcher.dispatch(action);
    }

    /// A callback that dispatches the action `make` builds from its argument.
    pub fn to<T: 'static>(&self, make: impl Fn(T) -> EditorAction + 'static) -> Callback<T> {
        let this = self.clone();
        Callback::from(move |value| this.dispatch(make(value)))
    }

    /// The newest state (a task's handle may come from an earlier render).
    pub fn latest(&self) -> Rc<EditorState> {
        self.mailbox.latest.borrow().clone()
    }

    /// The session's operations and the records they made stale since the last call, for the
    /// autosave journal.
    pub fn take_outbox(&self) -> (Vec<Op>, Changes) {
        std::mem::take(&mut *self.mailbox.outbox.borrow_mut())
    }
}

/// The dispatcher from the context `app` provides.
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("the app provides a Dispatch context")
}

/// A value of the state handed to a component as a prop: compared by pointer.
pub use crate::core::shared::Shared;
