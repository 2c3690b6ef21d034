//! Why storage failed and why what it holds does not read, in the language shown. The English
//! is each error's `Display`; the Chinese is here. What the browser or the JSON reader says
//! (a `DOMException`'s message, serde's "expected value at line 1") is quoted as it comes: it
//! is their words, not ours.

use super::errors::{edit_error, import_error};
use super::Lang;
use crate::core::history_json::{HistoryError, HISTORY_VERSION};
use crate::core::journal::JournalError;
use crate::core::loading::RestoreProblem;
use crate::core::project_json::ImportError;
use crate::core::stored::{MissingPart, StoredError, StoredRecord};
use crate::core::wire::DocumentFault;
use crate::ui::idb::{StorageError, StorageTask, Unavailable};
use crate::ui::writer_lock::LockError;

pub fn storage_error(lang: Lang, error: &StorageError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        StorageError::Unavailable(why) => {
            let why = match why {
                Unavailable::NotOpened { cause } => cause.clone(),
                Unavailable::Closed => "数据库已关闭".to_string(),
                Unavailable::OffInThisTab => "本标签页未启用存储".to_string(),
            };
            format!("本浏览器在此无法使用 IndexedDB 存储（{why}）")
        }
        StorageError::Refused { doing, cause } => format!("浏览器存储拒绝了{}（{cause}）", task_zh(*doing)),
        StorageError::NotWriter => "另一个标签页已接手编辑此项目".into(),
    }
}

fn task_zh(task: StorageTask) -> &'static str {
    match task {
        StorageTask::ReadingProject => "读取项目",
        StorageTask::ReadingDocuments => "读取文档",
        StorageTask::ReadingDocument => "读取一篇文档",
        StorageTask::StoringEdit => "保存这次修改",
        StorageTask::StoringRecords => "保存项目的记录",
        StorageTask::DeletingProject => "删除保存的项目",
        StorageTask::StoringModel => "保存模型",
        StorageTask::ReadingModel => "读取模型",
    }
}

pub fn stored_error(lang: Lang, error: &StoredError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        StoredError::Unreadable { record, cause } => {
            let record = match record {
                StoredRecord::Project => "项目记录".to_string(),
                StoredRecord::Document(id) => format!("文档“{id}”的记录"),
            };
            format!("保存的{record}无法读取：{cause}")
        }
        StoredError::OtherFormat { found } => format!(
            "存储中是 {found}；本应用读取 {} 版本 {}",
            crate::core::stored::FORMAT_NAME,
            crate::core::stored::FORMAT_VERSION
        ),
        StoredError::Missing { doc, what } => {
            let what = match what {
                MissingPart::Text => "正文",
                MissingPart::Record => "记录",
                MissingPart::RecordOrText => "记录或正文",
            };
            format!("文档“{doc}”的{what}缺失")
        }
        StoredError::DuplicateDocument(doc) => format!("文档“{doc}”被列出两次"),
        StoredError::BadDocument { doc, fault } => format!("文档“{doc}”已损坏：{}", document_fault_zh(fault)),
        StoredError::NotInSchema { doc, name } => {
            format!("文档“{doc}”使用了“{name}”，而保存的标签体系中没有它")
        }
    }
}

fn document_fault_zh(fault: &DocumentFault) -> String {
    match fault {
        DocumentFault::OtherId { found } => format!("它的记录写的是“{found}”"),
        DocumentFault::SpanOutside { span, range, len } => {
            format!("片段 {span} 位于 {}–{}，为空或超出正文的 {len} 个字符", range.start, range.end)
        }
        DocumentFault::SpanTwice { span } => format!("片段 {span} 被列出两次"),
        DocumentFault::RelationDangling { relation } => format!("关系 {relation} 连接的片段不在该文档中"),
        DocumentFault::SuggestionUnfit { label, start, end, len } => {
            format!("建议 {label} 位于 {start}–{end}，为空、超出正文的 {len} 个字符，或分数不在 0–1 之间")
        }
    }
}

pub fn lock_error(lang: Lang, error: &LockError) -> String {
    match (lang, error) {
        (Lang::En, error) => error.to_string(),
        (Lang::Zh, LockError::NoWebLocks) => "本浏览器没有 Web Locks 接口".into(),
        (Lang::Zh, LockError::Refused { cause }) => format!("项目锁被拒绝：{cause}"),
    }
}

/// What of the stored project was not restored (the project itself was).
pub fn restore_problem(lang: Lang, problem: &RestoreProblem) -> String {
    if lang == Lang::En {
        return problem.to_string();
    }
    match problem {
        RestoreProblem::UndoLost { cause, moved } => {
            let done = if *moved { "项目已迁移" } else { "项目已恢复" };
            format!("{}；{done}，但没有撤销步骤", history_error_zh(cause))
        }
        RestoreProblem::EditsLost { cause, moved: false } => {
            format!("本浏览器中保存的最后几次修改没能全部恢复：{}", journal_error_zh(cause))
        }
        RestoreProblem::EditsLost { cause, moved: true } => {
            format!("旧存储中的最后几次修改没能全部迁移：{}", journal_error_zh(cause))
        }
    }
}

fn history_error_zh(error: &HistoryError) -> String {
    match error {
        HistoryError::Unreadable(cause) => format!("保存的撤销历史无法读取（{cause}）"),
        HistoryError::OtherVersion(v) => {
            format!("保存的撤销历史是版本 {v}；本应用读取版本 {HISTORY_VERSION}")
        }
    }
}

fn journal_error_zh(error: &JournalError) -> String {
    match error {
        JournalError::Unreadable(cause) => format!("修改日志无法读取：{cause}"),
        JournalError::Refused { index, cause } => {
            format!("日志第 {index} 条不再适用：{}", edit_error(cause))
        }
        JournalError::HistoryBroken { index, cause } => {
            format!("日志第 {index} 条撤销或重做的步骤不再适用：{}", edit_error(cause))
        }
    }
}

/// Why an earlier version's project (in localStorage) did not read.
pub fn legacy_project_error(lang: Lang, error: &ImportError) -> String {
    match lang {
        Lang::En => error.to_string(),
        Lang::Zh => import_error(error),
    }
}
