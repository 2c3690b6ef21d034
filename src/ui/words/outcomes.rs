//! The words for what the core reports (`Said`), in both languages; the errors it carries are
//! worded in `errors`.

use super::errors::{
    adjudication_error, edit_error, import_error, merge_error, name_problem, read_error, schema_error,
    text_input_error,
};
use super::formatted::schema_impact;
use super::Lang;
use crate::core::editor::Said;
use crate::core::merge::MergeReport;

/// What `said` tells the user, in `lang`.
pub fn said(lang: Lang, said: &Said) -> String {
    match lang {
        Lang::Zh => zh(said),
        Lang::En => en(said),
    }
}

/// A notice in English (the command-line tools' and the tests' language).
pub fn english(notice: &crate::core::editor::Notice) -> String {
    en(&notice.said)
}

fn en(said: &Said) -> String {
    match said {
        Said::Text(text) => text.clone(),
        Said::Edit(error) => error.to_string(),
        Said::NoRelationType { from, to, options } => {
            let options = if options.is_empty() { "none".to_string() } else { options.join(", ") };
            format!("no relation type goes from {from} to {to}; from {from}: {options}")
        }
        Said::RelationTypeRepeated { kind, from, to } => {
            format!("relation {kind}: the type chosen last for {from} → {to}; change it in the relation list")
        }
        Said::ChooseRelationType => "relation: choose its type (1, 2, … or click)".into(),
        Said::ClickRelationTarget => "relation: click the target span (Esc cancels)".into(),
        Said::ChooseOffsetUnitFirst { source } => {
            format!("{source}: choose how the file counts its offsets before importing")
        }
        Said::NothingToImport { source } => format!("{source}: nothing to import"),
        Said::DatasetImported { source, format, docs, spans, relations, moved, left_out } => {
            let mut text = format!(
                "imported {source} ({format}): {docs} document(s), {spans} span(s), {relations} relation(s)"
            );
            if *moved > 0 {
                text.push_str(&format!("; {moved} span(s) moved to where their text is"));
            }
            if *left_out > 0 {
                text.push_str(&format!("; {left_out} span(s) could not be placed (listed before the import)"));
            }
            text + "; Ctrl+Z undoes the import"
        }
        Said::ProjectImported { source, docs, spans } => {
            format!("imported {source}: {docs} document(s), {spans} span(s); Ctrl+Z brings back the previous project")
        }
        Said::ProjectNotImported { source, error } => format!("{source} was not imported, nothing changed: {error}"),
        Said::DatasetNotRead { source, error } => format!("{source} was not imported, nothing changed: {error}"),
        Said::OpenedAsText { source, error } => format!(
            "{source} looks like a tagged corpus but does not read as one ({error}); it was opened as plain text"
        ),
        Said::FileNotOpened { file, error } => format!("{file} was not opened: {error}"),
        Said::RecordTaken { cue, issuer } => {
            let mut parts = Vec::new();
            if let Some((attribute, value)) = cue {
                parts.push(format!("{attribute} {value}"));
            }
            if let Some(issuer) = issuer {
                parts.push(format!("{} «{issuer}»", crate::core::directive_record::ISSUER_RELATION));
            }
            format!("directive record: {}", parts.join(", "))
        }
        Said::NoRecordToCopy => "no directive before this one has a cue or an issuer to copy".into(),
        Said::RecordAlreadySame => "this directive already has the previous one's cue and issuer".into(),
        Said::RecordCopied => "directive record: the same cue and issuer as the previous directive".into(),
        Said::AdjudicationStarted { open } => {
            format!("adjudicating: {open} open disagreement(s); your edits now go into the gold layer")
        }
        Said::Decided { left } => format!("decided; {left} open disagreement(s) left"),
        Said::EditIntoGold => "label the selection (or part of it) by key; it goes into the gold layer".into(),
        Said::NoAgreedDocumentLeft => "no document where all annotators agree is left".into(),
        Said::AgreedTaken { documents } => {
            format!("{documents} document(s) where all annotators agree went into the gold layer")
        }
        Said::Adjudication(error) => error.to_string(),
        Said::HistoryCleared { cause } => format!(
            "the undo history did not fit the project and was cleared ({cause}); the project itself is unchanged"
        ),
        Said::SchemaChanged(impact) => format!("schema changed: {}; Ctrl+Z undoes", schema_impact(Lang::En, impact)),
        Said::SchemaRefused(error) => format!("the schema was not changed: {error}"),
        Said::BadName(problem) => problem.to_string(),
        Said::Merged(report) => format!("merged {}; Ctrl+Z takes the merge back", merge_summary(Lang::En, report)),
        Said::Merge(error) => error.to_string(),
        Said::NoOtherToDo => "no other document in the list is still to do".into(),
        Said::PreAnnotated { suggestions, documents, already, skipped, stopped_at } => {
            let mut text = format!("{suggestions} suggestion(s) in {documents} document(s)");
            if *already > 0 {
                text.push_str(&format!("; {already} were there already"));
            }
            if *skipped > 0 {
                text.push_str(&format!(
                    "; {skipped} match(es) skipped (over a confirmed span or inside a longer one)"
                ));
            }
            if let Some(limit) = stopped_at {
                text.push_str(&format!("; stopped at {limit}"));
            }
            text + ". Review: . next, Enter accept, Backspace reject"
        }
        Said::ModelSuggested { added, replaced, skipped_docs } => {
            let mut text = format!("model: {added} suggestion(s) added");
            if *replaced > 0 {
                text.push_str(&format!(", {replaced} earlier one(s) replaced"));
            }
            if *skipped_docs > 0 {
                text.push_str(&format!("; {skipped_docs} document(s) marked done or not loaded were left alone"));
            }
            text
        }
        Said::NoSuggestionsLeft => "no suggestions left to review".into(),
        Said::SuggestionsLeft { left } => format!("{left} suggestion(s) left; . or , goes round again"),
        Said::NoSuggestionUnderReview => "no suggestion under review: press . to go to the next one".into(),
        Said::SuggestionRefused(error) => format!("{error} (Backspace rejects the suggestion)"),
        Said::AcceptedAlike { accepted, text, label, left } => {
            let mut said = format!("accepted {accepted} suggestion(s) «{text}» as {label}");
            if *left > 0 {
                said.push_str(&format!("; {left} left for review: a span of the layer is in the way"));
            }
            said
        }
        Said::SelectSpanFirst => {
            "select a span first (click it, or ] / [), then Shift+A labels its other occurrences".into()
        }
        Said::LabelledAll { added, text, label, documents, already, skipped } => {
            let mut said = format!("labelled {added} more «{text}» as {label}");
            if let Some(documents) = documents {
                said.push_str(&format!(" in {documents} document(s)"));
            }
            if *already > 0 {
                said.push_str(&format!("; {already} already were"));
            }
            if *skipped > 0 {
                said.push_str(&format!("; {skipped} skipped: another span of the layer is there"));
            }
            said
        }
    }
}

fn zh(said: &Said) -> String {
    match said {
        Said::Text(text) => text.clone(),
        Said::Edit(error) => edit_error(error),
        Said::NoRelationType { from, to, options } => {
            let options = if options.is_empty() { "无".to_string() } else { options.join("，") };
            format!("没有从 {from} 到 {to} 的关系类型；从 {from} 出发的有：{options}")
        }
        Said::RelationTypeRepeated { kind, from, to } => {
            format!("关系 {kind}：{from} → {to} 上次选的类型；可在关系列表中修改")
        }
        Said::ChooseRelationType => "关系：选择类型（1、2……或点击）".into(),
        Said::ClickRelationTarget => "关系：点击目标片段（Esc 取消）".into(),
        Said::ChooseOffsetUnitFirst { source } => format!("{source}：导入前请先选择文件的偏移计数方式"),
        Said::NothingToImport { source } => format!("{source}：没有可导入的内容"),
        Said::DatasetImported { source, format, docs, spans, relations, moved, left_out } => {
            let mut text =
                format!("已导入 {source}（{format}）：{docs} 篇文档、{spans} 个片段、{relations} 条关系");
            if *moved > 0 {
                text.push_str(&format!("；{moved} 个片段已移到其文字所在位置"));
            }
            if *left_out > 0 {
                text.push_str(&format!("；{left_out} 个片段无法放置（导入前已列出）"));
            }
            text + "；Ctrl+Z 撤销导入"
        }
        Said::ProjectImported { source, docs, spans } => {
            format!("已导入 {source}：{docs} 篇文档、{spans} 个片段；Ctrl+Z 恢复之前的项目")
        }
        Said::ProjectNotImported { source, error } => {
            format!("{source} 未导入，没有任何改动：{}", import_error(error))
        }
        Said::DatasetNotRead { source, error } => {
            format!("{source} 未导入，没有任何改动：{}", read_error(Lang::Zh, &error.0))
        }
        Said::OpenedAsText { source, error } => format!(
            "{source} 看起来像带标签的语料，但无法按语料读取（{}）；已作为纯文本打开",
            read_error(Lang::Zh, &error.0)
        ),
        Said::FileNotOpened { file, error } => {
            format!("{file} 未打开：{}", text_input_error(Lang::Zh, error))
        }
        Said::RecordTaken { cue, issuer } => {
            let mut parts = Vec::new();
            if let Some((attribute, value)) = cue {
                parts.push(format!("{attribute} {value}"));
            }
            if let Some(issuer) = issuer {
                parts.push(format!("{} «{issuer}»", crate::core::directive_record::ISSUER_RELATION));
            }
            format!("指示记录：{}", parts.join("，"))
        }
        Said::NoRecordToCopy => "此前没有带提示词或发出者的指示可以复制".into(),
        Said::RecordAlreadySame => "这条指示已经有上一条的提示词和发出者".into(),
        Said::RecordCopied => "指示记录：采用了上一条指示的提示词和发出者".into(),
        Said::AdjudicationStarted { open } => {
            format!("裁决中：{open} 处待裁决的分歧；你的修改现在进入金标准层")
        }
        Said::Decided { left } => format!("已裁决；还有 {left} 处分歧"),
        Said::EditIntoGold => "按标签键标注选中的文字（或其一部分）；它进入金标准层".into(),
        Said::NoAgreedDocumentLeft => "没有剩下所有标注者都一致的文档".into(),
        Said::AgreedTaken { documents } => format!("{documents} 篇所有标注者一致的文档已进入金标准层"),
        Said::Adjudication(error) => adjudication_error(error),
        Said::HistoryCleared { cause } => {
            format!("撤销历史与项目不符，已清空（{}）；项目本身没有改变", edit_error(cause))
        }
        Said::SchemaChanged(impact) => {
            format!("标签体系已修改：{}；Ctrl+Z 可撤销", schema_impact(Lang::Zh, impact))
        }
        Said::SchemaRefused(error) => format!("标签体系没有修改：{}", schema_error(&error.0)),
        Said::BadName(problem) => name_problem(*problem),
        Said::Merged(report) => format!("已合并 {}；Ctrl+Z 撤销合并", merge_summary(Lang::Zh, report)),
        Said::Merge(error) => merge_error(error),
        Said::NoOtherToDo => "列表中没有其他待标的文档".into(),
        Said::PreAnnotated { suggestions, documents, already, skipped, stopped_at } => {
            let mut text = format!("{documents} 篇文档中有 {suggestions} 条建议");
            if *already > 0 {
                text.push_str(&format!("；{already} 条原来就有"));
            }
            if *skipped > 0 {
                text.push_str(&format!("；跳过 {skipped} 处匹配（在已确认的片段上或在更长的匹配之内）"));
            }
            if let Some(limit) = stopped_at {
                text.push_str(&format!("；到 {limit} 条为止"));
            }
            text + "。审阅：. 下一条，Enter 接受，Backspace 拒绝"
        }
        Said::ModelSuggested { added, replaced, skipped_docs } => {
            let mut text = format!("模型：新增 {added} 条建议");
            if *replaced > 0 {
                text.push_str(&format!("，替换了之前的 {replaced} 条"));
            }
            if *skipped_docs > 0 {
                text.push_str(&format!("；{skipped_docs} 篇已完成或未读取的文档未改动"));
            }
            text
        }
        Said::NoSuggestionsLeft => "没有待审阅的建议了".into(),
        Said::SuggestionsLeft { left } => format!("还有 {left} 条建议；按 . 或 , 再走一轮"),
        Said::NoSuggestionUnderReview => "没有正在审阅的建议：按 . 转到下一条".into(),
        Said::SuggestionRefused(error) => format!("{}（Backspace 拒绝这条建议）", edit_error(error)),
        Said::AcceptedAlike { accepted, text, label, left } => {
            let mut said = format!("已接受 {accepted} 条 «{text}» 为 {label} 的建议");
            if *left > 0 {
                said.push_str(&format!("；{left} 条留待审阅：该层的另一个片段挡住了"));
            }
            said
        }
        Said::SelectSpanFirst => {
            "请先选中一个片段（点击它，或按 ] / [），再按 Shift+A 标注它的其他出现".into()
        }
        Said::LabelledAll { added, text, label, documents, already, skipped } => {
            let mut said = format!("又把 {added} 处 «{text}» 标为 {label}");
            if let Some(documents) = documents {
                said.push_str(&format!("，共 {documents} 篇文档"));
            }
            if *already > 0 {
                said.push_str(&format!("；{already} 处原来就是"));
            }
            if *skipped > 0 {
                said.push_str(&format!("；跳过 {skipped} 处：该层已有另一个片段"));
            }
            said
        }
    }
}

/// What a merge added, file by file.
fn merge_summary(lang: Lang, report: &MergeReport) -> String {
    let files = report.files.iter().map(|f| {
        let who = f.annotators.join(", ");
        let (matched, new, spans, relations, already) =
            (f.matched_documents, f.new_documents, f.spans, f.relations, f.already_there);
        match lang {
            Lang::Zh => format!(
                "{}（{who}）：匹配 {matched} 篇文档，新增 {new} 篇，加入 {spans} 个片段和 {relations} 条关系，{already} 个已存在",
                f.file_name
            ),
            Lang::En => format!(
                "{} ({who}): {matched} documents matched, {new} new, {spans} spans and {relations} relations added, {already} already there",
                f.file_name
            ),
        }
    });
    files.collect::<Vec<_>>().join(lang.pick("；", "; "))
}
