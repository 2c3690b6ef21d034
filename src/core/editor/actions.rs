//! Everything a person can do in the editor, as data: the UI turns DOM events into these.

use super::ReviewOrder;
use crate::core::adjudication::Choice;
use crate::core::caret::Motion;
use crate::core::doc_nav::DocQuery;
use crate::core::document::{DocField, DocId, DocStatus, Document, RelationId, SpanId};
use crate::core::import::{LabelChoice, OffsetUnit, Parsed};
use crate::core::label_all::LabelAllScope;
use crate::core::merge::{MergeError, MergeSource};
use crate::core::offsets::CharRange;
use crate::core::pre_annotate::PrePlan;
use crate::core::project::Project;
use crate::core::project_json::ImportError;
use crate::core::schema::Schema;
use crate::core::session::Session;
use crate::core::suggestion::Suggestion;
use crate::core::text_search::Search;

use super::{Importing, Notice, PendingImport};
use std::collections::BTreeMap;

#[derive(Clone, Debug)]
pub enum EditorAction {
    /// The text selection in the view changed (`None`: nothing or only a caret is selected).
    SelectionChanged(Option<CharRange>),
    /// A label's hotkey was pressed or its palette button clicked.
    LabelChosen(String),
    /// A key without modifiers was pressed; it may be a label's hotkey.
    KeyPressed(char),
    SpanClicked(SpanId),
    DeleteSelected,
    Escape,
    Undo,
    Redo,
    OpenDocument(DocId),
    /// A new document from pasted text or a file, already decoded.
    AddDocument {
        name: String,
        text: String,
    },
    RemoveDocument(DocId),
    SetStatus(DocId, DocStatus),
    SetDocField(DocId, DocField, String),
    /// Replace the schema; spans of renamed labels follow (old name → new name).
    ApplySchema {
        schema: Box<Schema>,
        renames: BTreeMap<String, String>,
    },
    /// A project file was read; `source` names it in messages.
    ImportProject {
        source: String,
        result: Result<Project, ImportError>,
    },
    /// Something the UI could not do (read a file, fetch a URL), to show to the user, in the
    /// words the UI chose.
    Failed(String),
    /// Something to tell the user, typed (a file that could not be read, …).
    Say(Notice),
    /// Something the user should know that went well (a project moved to new storage).
    Inform(String),
    Saved(u64),
    SaveFailed(String),
    DismissNotice,
    /// A dataset file (spaCy, doccano, Label Studio, brat, CoNLL, HF, W3C) was read.
    DatasetRead {
        source: String,
        parsed: Parsed,
        /// For a text file that reads as a tagged corpus: its name and text, should the user
        /// rather keep it as one plain document.
        as_text: Option<crate::core::intake::AsText>,
    },
    /// A dataset read and planned in steps (see `import::job`): open its review.
    ReviewReady(Box<PendingImport>),
    /// How far the reading of a dataset is; `None` once it is done or cancelled.
    Importing(Option<Importing>),
    /// Keep the file under review as a plain text document instead (see `DatasetRead`).
    ImportAsText,
    /// The user chose where spans with an unknown label go.
    MapLabel {
        label: String,
        choice: Option<LabelChoice>,
    },
    /// The user chose how the file's offsets are counted (`None`: no choice yet).
    ChooseOffsetUnit(Option<OffsetUnit>),
    /// For a CSV or TSV file: the column the documents' texts come from.
    ChooseTextColumn(usize),
    AcceptImport,
    CancelImport,
    /// Start a relation from the selected span (R).
    StartLinking,
    /// `]` / `[`: select the next or previous span in reading order (while linking: move the
    /// target candidate).
    StepSpan {
        forward: bool,
    },
    /// Enter: while linking, make the candidate the target.
    Confirm,
    /// The relation type for the source and target chosen.
    ChooseRelationType(String),
    RemoveRelation(RelationId),
    RetypeRelation(RelationId, String),
    /// Set (`Some`) or clear (`None`) an attribute of a span of the open document.
    SetAttribute {
        span: SpanId,
        name: String,
        value: Option<String>,
    },
    /// The project as storage holds it (at start-up, or another tab saved): it replaces the
    /// one shown, keeping the open document when it still exists.
    Restore {
        session: Box<Session>,
        open_doc: Option<DocId>,
        notice: Option<Notice>,
    },
    /// This tab lost (`true`) or took (`false`) the right to write the project.
    SetReadOnly(bool),
    /// What the document list shows (search, status filter, sort).
    SetDocQuery(DocQuery),
    /// Alt+↓ / Alt+↑: open the next or previous document of the list as it is shown.
    StepDocument {
        forward: bool,
    },
    /// Alt+N: open the next document still to do.
    NextToDo,
    /// Shift+A or the Label all button: label every other occurrence of the selected span's
    /// text the same, over `EditorState::label_all_scope`.
    LabelAll,
    SetLabelAllScope(LabelAllScope),
    /// A search was run (`None`: the search field was emptied).
    SetSearch(Option<Search>),
    /// Enter / Shift+Enter in the search field: the next or previous hit, opening its document.
    SearchStep {
        forward: bool,
    },
    /// Suggestions found by a pre-annotation run, added as one undo step; the review starts.
    AddSuggestions(PrePlan),
    /// A model's suggestions for some documents (they replace its earlier ones there).
    ModelSuggested(Vec<(DocId, Vec<Suggestion>)>),
    SetReviewOrder(ReviewOrder),
    /// `.` / `,`: the next or previous suggestion, opening its document.
    StepSuggestion {
        forward: bool,
    },
    /// A suggestion of the open document was clicked (its index there): review it.
    SuggestionClicked(usize),
    /// Enter in review: the suggestion becomes a span (a label key: with that label).
    AcceptSuggestion(Option<String>),
    /// Backspace or Delete in review.
    RejectSuggestion,
    /// Shift+Enter in review: every suggestion with the same text and label, over the
    /// Label all scope.
    AcceptAllLikeThis,
    /// A click in the text without a drag: the caret goes there (a code point offset).
    PlaceCaret(usize),
    /// An arrow, Home or End in the text; with Shift it extends the selection.
    MoveCaret {
        motion: Motion,
        extend: bool,
    },
    /// Shift+click: the selection from where it started to this offset.
    ExtendSelectionTo(usize),
    /// Enter on a directive: its proposed cue and issuer, as one undo step.
    AcceptRecord,
    /// `=` on a directive: the cue and issuer of the directive before it.
    SameRecordAsPrevious,
    /// The user's name, recorded on what they make and change from now on (`None` or empty:
    /// not recorded).
    SetAnnotator(Option<String>),
    /// Whose spans the text shows (`None`: everyone's).
    SetView(Option<String>),
    /// Start (or stop) adjudicating: edits go into the gold layer, keys walk the disagreements.
    Adjudicate(bool),
    /// The next or previous open disagreement.
    StepDisagreement {
        forward: bool,
    },
    /// Take a version of the disagreement shown into the gold layer.
    Decide(Choice),
    /// Select the disagreement's place, to label it in the gold layer by hand.
    EditDisagreement,
    /// Every document where all annotators agree, into the gold layer at once.
    AcceptAgreed,
    /// Annotators' project files, read: merged into the project side by side, one undo step.
    /// A file that could not be read as a project comes as its error, to be said like the
    /// merge's own refusals.
    Merge(Result<Vec<MergeSource>, MergeError>),
    /// Documents read from storage after start-up, in the place of their stand-ins (not an
    /// edit: nothing to undo or save).
    FillDocuments(Vec<Document>),
}
