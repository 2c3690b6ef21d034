//! What the interface says when storage, what it holds, or the learning worker fails: every
//! case reads in Chinese with no English word of ours (the browser's and the JSON reader's own
//! words are quoted as they come, so the cases here give causes without English), and the
//! English is each error's `Display`.

use biaozhu::core::document::{RelationId, SpanId};
use biaozhu::core::history_json::HistoryError;
use biaozhu::core::journal::JournalError;
use biaozhu::core::learn::protocol::LearnFailure;
use biaozhu::core::learn::{Confirmed, ModelError};
use biaozhu::core::loading::RestoreProblem;
use biaozhu::core::stored::{MissingPart, StoredError, StoredRecord};
use biaozhu::core::wire::DocumentFault;
use biaozhu::core::{CharRange, DocId, EditError};
use biaozhu::ui::idb::{StorageError, StorageTask, Unavailable};
use biaozhu::ui::learning::LearnProblem;
use biaozhu::ui::words::learn_words::{learn_failure, learn_problem};
use biaozhu::ui::words::storage_errors::{lock_error, restore_problem, storage_error, stored_error};
use biaozhu::ui::words::Lang;
use biaozhu::ui::writer_lock::LockError;

mod common;
use common::words::{english_words, has_cjk};

/// A `DOMException`'s message stands in as the browser's words: in the tests, Chinese.
const BROWSER_SAYS: &str = "磁盘已满";

fn reads_in_chinese(zh: &str, what: &dyn std::fmt::Debug) {
    assert!(has_cjk(zh), "{what:?}: no Chinese in «{zh}»");
    assert!(english_words(zh).is_empty(), "{what:?}: English in «{zh}»: {:?}", english_words(zh));
}

fn storage_errors() -> Vec<StorageError> {
    let mut errors: Vec<StorageError> = StorageTask::ALL
        .iter()
        .map(|&doing| StorageError::Refused { doing, cause: BROWSER_SAYS.into() })
        .collect();
    errors.extend([
        StorageError::Unavailable(Unavailable::NotOpened { cause: BROWSER_SAYS.into() }),
        StorageError::Unavailable(Unavailable::Closed),
        StorageError::Unavailable(Unavailable::OffInThisTab),
        StorageError::NotWriter,
    ]);
    errors
}

#[test]
fn storage_errors_read_in_each_language() {
    for error in storage_errors() {
        let zh = storage_error(Lang::Zh, &error);
        reads_in_chinese(&zh, &error);
        assert_eq!(storage_error(Lang::En, &error), error.to_string());
    }
    let full = StorageError::Refused { doing: StorageTask::StoringEdit, cause: "QuotaExceededError".into() };
    assert_eq!(storage_error(Lang::En, &full), "browser storage refused the edit (QuotaExceededError)");
    for error in [LockError::NoWebLocks, LockError::Refused { cause: BROWSER_SAYS.into() }] {
        // "Web Locks" is the API's name, capitalised as the browsers write it.
        reads_in_chinese(&lock_error(Lang::Zh, &error), &error);
        assert_eq!(lock_error(Lang::En, &error), error.to_string());
    }
    // The browser's words are kept whole.
    assert!(storage_error(Lang::Zh, &full).contains("QuotaExceededError"));
}

/// A serde_json error, made by reading broken JSON (its words are the reader's).
fn json_error() -> serde_json::Error {
    serde_json::from_str::<serde_json::Value>("{").unwrap_err()
}

#[test]
fn stored_errors_read_in_each_language() {
    let doc = DocId::from("新闻-1");
    let faults = [
        DocumentFault::OtherId { found: DocId::from("新闻-2") },
        DocumentFault::SpanOutside { span: SpanId(3), range: CharRange { start: 5, end: 90 }, len: 80 },
        DocumentFault::SpanTwice { span: SpanId(3) },
        DocumentFault::RelationDangling { relation: RelationId(2) },
        DocumentFault::SuggestionUnfit { label: "PER".into(), start: 0, end: 0, len: 80 },
    ];
    let mut errors: Vec<StoredError> =
        faults.into_iter().map(|fault| StoredError::BadDocument { doc: doc.clone(), fault }).collect();
    for what in [MissingPart::Text, MissingPart::Record, MissingPart::RecordOrText] {
        errors.push(StoredError::Missing { doc: doc.clone(), what });
    }
    errors.extend([
        StoredError::OtherFormat { found: "别的格式 2".into() },
        StoredError::DuplicateDocument(doc.clone()),
        StoredError::NotInSchema { doc: doc.clone(), name: "人名".into() },
    ]);
    for error in &errors {
        let zh = stored_error(Lang::Zh, error);
        // The store's own format name is a name, as "biaozhu" is.
        let zh = zh.replace("biaozhu-store", "");
        reads_in_chinese(&zh, error);
        assert_eq!(stored_error(Lang::En, error), error.to_string());
    }
    for record in [StoredRecord::Project, StoredRecord::Document(doc.clone())] {
        let error = StoredError::Unreadable { record, cause: json_error() };
        let zh = stored_error(Lang::Zh, &error);
        assert!(zh.starts_with("保存的") && zh.contains("EOF while parsing"), "{zh}");
    }
    let damaged = StoredError::BadDocument { doc, fault: DocumentFault::SpanTwice { span: SpanId(3) } };
    assert_eq!(damaged.to_string(), "document \"新闻-1\" is damaged: span #3 is listed twice");
    assert!(std::error::Error::source(&damaged).is_some(), "the fault is kept as the cause");
}

#[test]
fn learning_failures_read_in_each_language() {
    let model_errors = [
        ModelError::NotAModel,
        ModelError::Version(9),
        ModelError::Truncated { at: 7 },
        ModelError::BadText { at: 7 },
        ModelError::BadTag { at: 7, tag: 70 },
        ModelError::TooManyLabels(70),
    ];
    let mut failures: Vec<LearnFailure> =
        model_errors.into_iter().map(|cause| LearnFailure::ModelUnusable { cause }).collect();
    failures.extend([
        LearnFailure::NoModelSent,
        LearnFailure::NoModelYet,
        LearnFailure::TrainingNow,
        LearnFailure::Busy,
        LearnFailure::NothingToLearn,
        LearnFailure::ModelGone,
        LearnFailure::NeverPrepared,
        LearnFailure::BadMessage { cause: BROWSER_SAYS.into() },
        LearnFailure::NotStarted { cause: BROWSER_SAYS.into() },
        LearnFailure::Unreachable { cause: BROWSER_SAYS.into() },
        LearnFailure::Stopped { cause: BROWSER_SAYS.into() },
    ]);
    for failure in &failures {
        // "BZTAG" is the model file's magic; upper case, so not counted as English.
        reads_in_chinese(&learn_failure(Lang::Zh, failure), failure);
        assert_eq!(learn_failure(Lang::En, failure), failure.to_string());
        // The worker sends it as JSON; it comes back the same.
        let json = serde_json::to_string(failure).unwrap();
        assert_eq!(&serde_json::from_str::<LearnFailure>(&json).unwrap(), failure, "{json}");
    }
    let mut problems: Vec<LearnProblem> = failures.into_iter().map(LearnProblem::Worker).collect();
    problems.extend(storage_errors().into_iter().map(LearnProblem::Storage));
    problems.extend([
        LearnProblem::SummaryUnreadable { cause: BROWSER_SAYS.into() },
        LearnProblem::Edit(EditError::StillLoading { pending: 3 }),
        LearnProblem::NothingConfirmed(Confirmed::Done),
        LearnProblem::NothingConfirmed(Confirmed::All),
        LearnProblem::ModelGone,
    ]);
    for problem in &problems {
        reads_in_chinese(&learn_problem(Lang::Zh, problem), problem);
        let en = learn_problem(Lang::En, problem);
        assert!(!has_cjk(&en.replace(BROWSER_SAYS, "")), "{problem:?}: Chinese in «{en}»");
    }
}

#[test]
fn what_was_not_restored_reads_in_each_language() {
    let refused = || Box::new(EditError::ReadOnly);
    let mut problems = Vec::new();
    for moved in [false, true] {
        problems.push(RestoreProblem::UndoLost { cause: HistoryError::OtherVersion(9), moved });
        problems.push(RestoreProblem::EditsLost {
            cause: JournalError::Refused { index: 3, cause: refused() },
            moved,
        });
        problems.push(RestoreProblem::EditsLost {
            cause: JournalError::HistoryBroken { index: 4, cause: refused() },
            moved,
        });
    }
    for problem in &problems {
        reads_in_chinese(&restore_problem(Lang::Zh, problem), problem);
        assert_eq!(restore_problem(Lang::En, problem), problem.to_string());
    }
    // The JSON reader's words are quoted; the sentence around them is Chinese.
    let unreadable = RestoreProblem::UndoLost { cause: HistoryError::Unreadable(json_error()), moved: false };
    assert!(restore_problem(Lang::Zh, &unreadable).starts_with("保存的撤销历史无法读取"));
    assert_eq!(
        problems[0].to_string(),
        "the stored undo history is version 9; this app reads version 1; the project is restored without its undo steps"
    );
}

#[test]
fn a_json_file_that_is_not_a_project_is_said_in_each_language() {
    use biaozhu::core::project_json::{import_project, ImportError, NotAProject};
    use biaozhu::ui::words::errors::import_error;
    let files = [
        "[]",
        r#"{"format": "doccano"}"#,
        "{}",
        r#"{"format": "biaozhu-project"}"#,
        r#"{"format": "biaozhu-project", "version": 1}"#,
    ];
    let mut whys: Vec<NotAProject> = Vec::new();
    for file in files {
        match import_project(file) {
            Err(ImportError::NotAProject { why }) => whys.push(why),
            other => panic!("{file}: {other:?}"),
        }
    }
    whys.push(NotAProject::Schema { cause: BROWSER_SAYS.into() });
    whys.push(NotAProject::NoDocumentList);
    for why in whys {
        let error = ImportError::NotAProject { why };
        let zh = import_error(&error);
        // The fields are named as the file spells them.
        let fields = ["format", "version", "offset_unit", "schema", "documents", "doccano"];
        let foreign: Vec<String> =
            english_words(&zh).into_iter().filter(|w| !fields.contains(&w.as_str())).collect();
        assert!(has_cjk(&zh) && foreign.is_empty(), "{error:?}: «{zh}» {foreign:?}");
        assert!(error.to_string().starts_with("the file is JSON but not a biaozhu project: "));
    }
}
