//! One editing session over a project: applies commands, keeps undo and redo stacks, and counts
//! revisions so that the UI knows when to re-render and autosave.

use super::changes::Changes;
use super::command::{stamped, Command};
use super::document::{DocId, Document, RelationId, Span, SpanId};
use super::error::EditError;
use super::offsets::CharRange;
use super::project::Project;
use super::saving::COMPACT_AFTER_BYTES;
use super::stack::Stack;
use std::rc::Rc;

#[derive(Clone, Debug)]
pub struct Session {
    /// Shared with the copies the UI keeps of earlier states; an edit copies it first (only the
    /// list of document pointers and the one document edited: see `Project`).
    project: Rc<Project>,
    undo: Stack<Command>,
    redo: Stack<Command>,
    revision: u64,
    /// What happened since the last `take_log`, for an autosave that stores only changes.
    log: Vec<Op>,
    /// Why the undo and redo stacks were last cleared, until someone asks (`take_history_loss`).
    history_loss: Option<EditError>,
    /// The stored records made stale since the last `take_changes`.
    changes: Changes,
    /// While set, every edit, undo and redo is refused: another tab writes this project.
    read_only: bool,
    /// The user's name, recorded on what they make and change (see `command::stamped`).
    annotator: Option<Rc<str>>,
}

/// One change to a session, as a journal records it: replaying the same operations on the same
/// starting point gives the same project and the same undo and redo stacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    Apply(Command),
    Undo,
    Redo,
    /// A change too large to journal (a whole project replaced): store a new snapshot.
    Snapshot,
}

impl Session {
    pub fn new(project: Project) -> Self {
        Session {
            project: Rc::new(project),
            undo: Stack::default(),
            redo: Stack::default(),
            revision: 0,
            log: Vec::new(),
            history_loss: None,
            changes: Changes::default(),
            read_only: false,
            annotator: None,
        }
    }

    /// The name edits are recorded under from now on (`None`: not recorded).
    pub fn set_annotator(&mut self, name: Option<Rc<str>>) {
        self.annotator = name.filter(|n| !n.trim().is_empty());
    }

    pub fn annotator(&self) -> Option<&str> {
        self.annotator.as_deref()
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Refuses (or allows again) every change; see [`EditError::ReadOnly`].
    pub fn set_read_only(&mut self, read_only: bool) {
        self.read_only = read_only;
    }

    /// The stored records made stale since the last call.
    pub fn take_changes(&mut self) -> Changes {
        std::mem::take(&mut self.changes)
    }

    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The project as a value the UI can hold and compare by pointer.
    pub fn shared_project(&self) -> &Rc<Project> {
        &self.project
    }

    /// A fresh relation id (bookkeeping, not an edit: no undo step).
    pub fn allocate_relation_id(&mut self) -> RelationId {
        Rc::make_mut(&mut self.project).allocate_relation_id()
    }

    /// Goes up by one on every change to the project, including undo and redo.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies `command` as one undo step and forgets the redo stack.
    pub fn apply(&mut self, command: Command) -> Result<(), EditError> {
        if self.read_only {
            return Err(EditError::ReadOnly);
        }
        self.project.ready_for(&command)?;
        let command = match &self.annotator {
            Some(name) => stamped(command, name, &self.project),
            None => command,
        };
        let mut changes = Changes::default();
        changes.note(&command);
        // A replaced project, or a change whose documents or suggestions alone are past what a
        // journal entry may hold (a corpus imported or pre-annotated), is stored by a snapshot:
        // copying and serialising it for the log would only be thrown away (see
        // `saving::Saver::after_edit`).
        let op = match &command {
            Command::ReplaceProject { .. } => Op::Snapshot,
            other if other.journal_size_floor() > COMPACT_AFTER_BYTES => Op::Snapshot,
            other => Op::Apply(other.clone()),
        };
        let inverse = command.apply(Rc::make_mut(&mut self.project))?;
        self.changes.merge(changes);
        self.log.push(op);
        self.undo.push(inverse);
        self.redo.clear();
        self.revision += 1;
        Ok(())
    }

    /// A fresh span id (for a span added inside a batch).
    pub fn allocate_span_id(&mut self) -> SpanId {
        Rc::make_mut(&mut self.project).allocate_span_id()
    }

    /// Labels `range` of `doc` with `label` and returns the new span's id.
    pub fn add_span(&mut self, doc: &DocId, range: CharRange, label: &str) -> Result<SpanId, EditError> {
        if self.read_only {
            return Err(EditError::ReadOnly);
        }
        self.project.check_span(doc, range, label, None, self.annotator())?;
        let id = Rc::make_mut(&mut self.project).allocate_span_id();
        let span = Span::new(id, range, label);
        self.apply(Command::AddSpan { doc: doc.clone(), span })?;
        Ok(id)
    }

    /// Labels every range of `places` with `label`, as one undo step: all are added or none.
    /// Returns how many were added (none when `places` is empty: no empty step is made).
    pub fn add_spans(&mut self, places: &[(DocId, CharRange)], label: &str) -> Result<usize, EditError> {
        if self.read_only {
            return Err(EditError::ReadOnly);
        }
        if places.is_empty() {
            return Ok(0);
        }
        let project = Rc::make_mut(&mut self.project);
        let steps = places
            .iter()
            .map(|(doc, range)| Command::AddSpan {
                doc: doc.clone(),
                span: Span::new(project.allocate_span_id(), *range, label),
            })
            .collect();
        self.apply(Command::Batch { steps })?;
        Ok(places.len())
    }

    /// Undoes the last step; returns false when there is nothing to undo.
    ///
    /// A step that no longer applies (only possible with a history restored from storage that
    /// does not belong to this project) clears the history rather than corrupting the project;
    /// [`Session::take_history_loss`] then says why, for the user to be told.
    pub fn undo(&mut self) -> bool {
        if self.read_only || self.undo.is_empty() || self.step_blocked(true).is_some() {
            return false;
        }
        self.log.push(Op::Undo);
        self.step(true)
    }

    /// Redoes the last undone step; returns false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        if self.read_only || self.redo.is_empty() || self.step_blocked(false).is_some() {
            return false;
        }
        self.log.push(Op::Redo);
        self.step(false)
    }

    /// Why the next undo (or redo) cannot happen now, if it cannot: it edits a document still
    /// being read from storage. The step stays on its stack, to be done once it is read.
    pub fn step_blocked(&self, undo: bool) -> Option<EditError> {
        let stack = if undo { &self.undo } else { &self.redo };
        stack.last().and_then(|command| self.project.ready_for(command).err())
    }

    /// Puts documents read from storage in the place of their stand-ins (see `Project::fill`).
    /// Not an edit: the revision, the history and the changes to save stay as they are.
    pub fn fill(&mut self, docs: Vec<Document>) -> usize {
        if docs.is_empty() {
            return 0;
        }
        let project = Rc::make_mut(&mut self.project);
        docs.into_iter().map(|doc| usize::from(project.fill(doc))).sum()
    }

    fn step(&mut self, undo: bool) -> bool {
        let (from, to) =
            if undo { (&mut self.undo, &mut self.redo) } else { (&mut self.redo, &mut self.undo) };
        let Some(command) = from.pop() else {
            return false;
        };
        self.changes.note(&command);
        match command.apply(Rc::make_mut(&mut self.project)) {
            Ok(inverse) => {
                to.push(inverse);
                self.revision += 1;
                true
            }
            Err(error) => {
                from.clear();
                to.clear();
                self.history_loss = Some(error);
                false
            }
        }
    }

    /// Why the undo history was cleared by the last undo or redo, once.
    pub fn take_history_loss(&mut self) -> Option<EditError> {
        self.history_loss.take()
    }

    /// The undo and redo stacks for saving, oldest first: the newest `keep` undo steps and every
    /// redo step.
    pub fn history(&self, keep: usize) -> (Vec<&Command>, Vec<&Command>) {
        (self.undo.newest(keep), self.redo.newest(usize::MAX))
    }

    /// A session resumed from storage: the project, its undo and redo stacks and revision.
    pub fn resume(project: Project, undo: Vec<Command>, redo: Vec<Command>, revision: u64) -> Self {
        Session {
            project: Rc::new(project),
            undo: undo.into_iter().collect(),
            redo: redo.into_iter().collect(),
            revision,
            log: Vec::new(),
            history_loss: None,
            changes: Changes::default(),
            read_only: false,
            annotator: None,
        }
    }

    /// The operations since the last call, oldest first.
    pub fn take_log(&mut self) -> Vec<Op> {
        std::mem::take(&mut self.log)
    }
}
