//! The annotation model and everything that is pure logic. Nothing here touches the browser,
//! the clock, randomness or storage: ids and text come in as arguments.

pub mod caret;
pub mod changes;
pub mod command;
pub mod directive_record;
pub mod doc_nav;
pub mod doc_seq;
pub mod document;
pub mod editor;
pub mod error;
pub mod export;
pub mod graphemes;
pub mod history_json;
pub mod import;
pub mod intake;
pub mod journal;
pub mod label_all;
pub mod layout;
pub mod learn;
pub mod loading;
pub mod model_suggestions;
pub mod offsets;
pub mod pre_annotate;
pub mod project;
pub mod project_json;
pub mod rng;
pub mod saving;
pub mod schema;
pub mod schema_edit;
pub mod session;
pub mod stack;
pub mod stored;
pub mod suggestion;
pub mod term_trie;
pub mod text_input;
pub mod text_search;
pub mod viewport;
pub mod wire;

pub use command::Command;
pub use document::{DocField, DocId, DocStatus, Document, Relation, RelationId, Span, SpanId};
pub use error::EditError;
pub use offsets::{CharRange, Snap};
pub use project::Project;
pub use schema::{Label, Layer, Schema};
pub use session::Session;
