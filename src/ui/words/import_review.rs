//! The import review's words for the spans and relations left out and for how offsets were
//! read (`core::import::problem`), in the language shown. English is the types' `Display`.

use super::errors::edit_error;
use super::titles::unit_title;
use super::Lang;
use crate::core::import::{ImportProblem, LeftOut, StatedSpan, UnitNote};

/// One span or relation left out, with its document.
pub fn import_problem(lang: Lang, problem: &ImportProblem) -> String {
    match lang {
        Lang::En => problem.to_string(),
        Lang::Zh => format!("文档“{}”：{}", problem.doc, left_out_zh(&problem.what)),
    }
}

/// One note on how the file's offsets were read.
pub fn unit_note(lang: Lang, note: &UnitNote) -> String {
    if lang == Lang::En {
        return note.to_string();
    }
    let unit = |u| unit_title(Lang::Zh, u);
    match note {
        UnitNote::Fit { unit: fit, others } => {
            let others: Vec<&str> = others.iter().map(|u| unit(*u)).collect();
            format!(
                "文件没有说明偏移的计数方式；偏移按{}计与正文相符（按{}不符），已按此读取",
                unit(*fit),
                others.join("或")
            )
        }
        UnitNote::Chosen(chosen) => format!("偏移已按所选的{}读取", unit(*chosen)),
        UnitNote::Converted { doc, count, unit: from } => {
            format!("文档“{doc}”：{count} 个片段的偏移以{}计，已换算为码位", unit(*from))
        }
        UnitNote::MovedToNearest { doc, count } => {
            format!("文档“{doc}”：{count} 个片段的偏移按任何计数方式都对不上其文字，已各自移到最近的出现处")
        }
    }
}

fn stated_zh(span: &StatedSpan) -> String {
    format!("{} 片段（{}–{}）", span.label, span.start, span.end)
}

fn left_out_zh(what: &LeftOut) -> String {
    match what {
        LeftOut::TextNotFound { span, expected, found } => {
            let mut text = format!("{} 的文字«{expected}»不在正文中", stated_zh(span));
            if let Some(found) = found {
                text.push_str(&format!("（按偏移取得«{found}»）"));
            }
            text
        }
        LeftOut::Empty { span } => format!("{}：片段为空，或结束在开始之前", stated_zh(span)),
        LeftOut::PastTheEnd { span, unit, len } => format!(
            "{}（按{}计）超出了正文末尾，正文只有 {len} 个字符",
            stated_zh(span),
            unit_title(Lang::Zh, *unit)
        ),
        LeftOut::NotOnCharacters { span, unit } => {
            format!("{}（按{}计）没有落在完整的字符上", stated_zh(span), unit_title(Lang::Zh, *unit))
        }
        LeftOut::Refused { label, range, text, cause } => {
            format!("{label} 片段 {range} «{text}»：{}", edit_error(cause))
        }
        LeftOut::Attribute { label, range, name, value, cause } => {
            format!("{label} 片段 {range}：属性 {name} = {value}：{}", edit_error(cause))
        }
        LeftOut::RelationWithoutSpan { kind } => format!("一个 {kind} 关系未导入：它的片段有一个没能放入"),
        LeftOut::RelationRefused { kind, from_text, to_text, cause } => {
            format!("从«{from_text}»到«{to_text}»的 {kind} 关系：{}", edit_error(cause))
        }
        LeftOut::Unreadable(found) => super::reading::unread(Lang::Zh, found),
    }
}
