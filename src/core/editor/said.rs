//! What the editor tells the user, as typed outcomes: the interface chooses the words, in the
//! language it shows (`ui::words::outcomes`). Errors keep their own type, so that their cause
//! is never lost on the way to the words.

use crate::core::adjudication::AdjudicationError;
use crate::core::import::readers::ReadError;
use crate::core::merge::{MergeReport, NameProblem};
use crate::core::project_json::ImportError;
use crate::core::schema_edit::SchemaImpact;
pub use crate::core::shared::Shared;
use crate::core::text_input::TextInputError;
use crate::core::EditError;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Said {
    /// Words the interface chose already (a message of one of its own tasks).
    Text(String),
    /// An edit was refused.
    Edit(EditError),
    /// No relation type fits the two spans; `options` are the types from the source's label,
    /// as "type → TARGET/LABELS".
    NoRelationType {
        from: String,
        to: String,
        options: Vec<String>,
    },
    /// The relation took the type chosen last for the same pair of labels.
    RelationTypeRepeated {
        kind: String,
        from: String,
        to: String,
    },
    ChooseRelationType,
    ClickRelationTarget,
    /// An import waits for the user to say how the file counts its offsets.
    ChooseOffsetUnitFirst {
        source: String,
    },
    NothingToImport {
        source: String,
    },
    DatasetImported {
        source: String,
        format: &'static str,
        docs: usize,
        spans: usize,
        relations: usize,
        moved: usize,
        left_out: usize,
    },
    ProjectImported {
        source: String,
        docs: usize,
        spans: usize,
    },
    ProjectNotImported {
        source: String,
        error: ImportError,
    },
    /// A dataset's files could not be read; nothing changed.
    DatasetNotRead {
        source: String,
        error: Shared<ReadError>,
    },
    /// A text file looked like a tagged corpus but did not read as one: it was opened as text.
    OpenedAsText {
        source: String,
        error: Shared<ReadError>,
    },
    FileNotOpened {
        file: String,
        error: TextInputError,
    },
    /// A directive took its proposed cue (attribute, value) and issuer (the issuer's text).
    RecordTaken {
        cue: Option<(String, String)>,
        issuer: Option<String>,
    },
    NoRecordToCopy,
    RecordAlreadySame,
    RecordCopied,
    AdjudicationStarted {
        open: usize,
    },
    Decided {
        left: usize,
    },
    EditIntoGold,
    NoAgreedDocumentLeft,
    AgreedTaken {
        documents: usize,
    },
    Adjudication(AdjudicationError),
    /// The undo history could not be kept; the project is unchanged.
    HistoryCleared {
        cause: crate::core::error::EditError,
    },
    SchemaChanged(SchemaImpact),
    SchemaRefused(Shared<crate::core::schema_edit::SchemaError>),
    /// "gold" or a name too long.
    BadName(NameProblem),
    Merged(MergeReport),
    Merge(crate::core::merge::MergeError),
    NoOtherToDo,
    /// What a pre-annotation run put in the suggestion layer.
    PreAnnotated {
        suggestions: usize,
        documents: usize,
        already: usize,
        skipped: usize,
        stopped_at: Option<usize>,
    },
    /// What a model's suggestions changed.
    ModelSuggested {
        added: usize,
        replaced: usize,
        skipped_docs: usize,
    },
    NoSuggestionsLeft,
    SuggestionsLeft {
        left: usize,
    },
    NoSuggestionUnderReview,
    /// Accepting the suggestion under review was refused (it can still be rejected).
    SuggestionRefused(EditError),
    AcceptedAlike {
        accepted: usize,
        text: String,
        label: String,
        left: usize,
    },
    SelectSpanFirst,
    LabelledAll {
        added: usize,
        text: String,
        label: String,
        documents: Option<usize>,
        already: usize,
        skipped: usize,
    },
}
