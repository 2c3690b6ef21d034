//! The export dialog's findings in the language shown: what a format leaves out, and why an
//! export was refused (`core::export::problem`, `ExportError`). English is the types' `Display`.

use super::titles::format_title;
use super::Lang;
use crate::core::export::bundle::ZipError;
use crate::core::export::{ExportError, ExportLoss, ExportProblem};

/// What the export leaves out, said before the download.
pub fn export_loss(lang: Lang, loss: &ExportLoss) -> String {
    if lang == Lang::En {
        return loss.to_string();
    }
    match loss {
        ExportLoss::Relations { format, count } => {
            format!("{}不能容纳关系：{count} 个关系未导出", format_title(lang, *format))
        }
        ExportLoss::RelationsAcrossUnits { count } => {
            format!("{count} 个关系未导出：它的两个片段落在不同的单元里")
        }
        ExportLoss::Attributes { format, count } => {
            format!("{}不能容纳片段属性：{count} 个属性值未导出", format_title(lang, *format))
        }
    }
}

/// Why the export was refused.
pub fn export_error(lang: Lang, error: &ExportError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        ExportError::Empty => "没有可导出的内容：没有文档符合这些选项".into(),
        ExportError::BadSplit(split) => {
            let sum = u64::from(split.train) + u64::from(split.dev) + u64::from(split.test);
            format!(
                "划分被拒绝：train {} % + dev {} % + test {} % = {sum} %；三者之和必须是 100",
                split.train, split.dev, split.test
            )
        }
        ExportError::Zip(zip) => format!("下载被拒绝：{}", zip_error_zh(zip)),
        ExportError::StillLoading(left) => {
            format!("还有 {left} 篇文档正从浏览器存储中读取；导出会等它们读完")
        }
        ExportError::WorkerFailed(cause) => format!("导出已停止：导出工作线程出错（{cause}）"),
        ExportError::Problems(problems) => {
            const SHOWN: usize = 10;
            let shown: Vec<String> = problems.iter().take(SHOWN).map(problem_zh).collect();
            let mut text = format!("导出已停止：{}", shown.join("；"));
            if problems.len() > SHOWN {
                text.push_str(&format!("；另有 {} 处", problems.len() - SHOWN));
            }
            text
        }
    }
}

fn zip_error_zh(error: &ZipError) -> String {
    match error {
        ZipError::TooManyFiles { count } => format!(
            "{count} 个文件超出了一个 zip 能容纳的数量（最多 {}）；请少导出一些文档，或用更大的单元",
            crate::core::export::bundle::MAX_ENTRIES
        ),
        ZipError::TooLarge { path } => format!("zip 到 {path} 处会超过 4 GiB；请一次少导出一些文档"),
        ZipError::NameTooLong { path } => format!("文件名 {path} 对 zip 来说太长"),
    }
}

fn problem_zh(problem: &ExportProblem) -> String {
    match problem {
        ExportProblem::NotOnTokens { record, span, start, end, text } => format!(
            "{record}：片段 {span}（{start}–{end}）«{text}»的起点或终点落在空格上，不在 spaCy 的词元边界"
        ),
        ExportProblem::Overlap { record, first: a, second: b } => format!(
            "{record}：{} 片段 {}«{}»与 {} 片段 {}«{}»重叠；一列标签放不下两者，请去掉一个标签或层",
            a.label, a.id, a.text, b.label, b.id, b.text
        ),
        // A fault of the writer, for a bug report: the finding stays as it was found.
        ExportProblem::SelfCheck { .. } => format!("自检失败（请报告此问题）：{problem}"),
    }
}
