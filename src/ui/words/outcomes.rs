//! The words for what the core reports (`Said`, and the errors it carries), in both languages.
//!
//! English errors are worded by their `Display` (next to each type, and shared with the
//! command-line tools); Chinese ones here. Details that come from elsewhere (a JSON parser's or
//! the browser's own message) are quoted as they are.

use super::formatted::schema_impact;
use super::Lang;
use crate::core::adjudication::AdjudicationError;
use crate::core::editor::Said;
use crate::core::error::Overlap;
use crate::core::import::readers::ReadError;
use crate::core::merge::{MergeError, MergeReport, NameProblem, GOLD, MAX_NAME_CHARS};
use crate::core::project_json::ImportError;
use crate::core::schema::{NameIssue, Named, SchemaProblem};
use crate::core::schema_edit::SchemaError;
use crate::core::text_input::TextInputError;
use crate::core::EditError;

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
        Said::HistoryCleared { cause } => format!("撤销历史与项目不符，已清空（{cause}）；项目本身没有改变"),
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

/// Why an edit was refused, in Chinese.
pub fn edit_error(error: &EditError) -> String {
    match error {
        EditError::UnknownDocument(doc) => format!("没有文档“{doc}”"),
        EditError::NotLoaded(doc) => format!("文档“{doc}”仍在从浏览器存储读取；请稍后再试"),
        EditError::StillLoading { pending } => {
            format!("还有 {pending} 篇文档在从浏览器存储读取；这次修改涉及全部文档，请稍后再试")
        }
        EditError::DuplicateDocument(doc) => format!("已有 id 为“{doc}”的文档"),
        EditError::UnknownSpan { doc, span } => format!("文档“{doc}”没有片段 {span}"),
        EditError::DuplicateSpan { doc, span } => format!("文档“{doc}”已有片段 {span}"),
        EditError::UnknownLabel { label } => format!("标签“{label}”不在标签体系中"),
        EditError::EmptyRange { doc } => format!("文档“{doc}”中没有可标注的内容：选区为空"),
        EditError::OutOfRange { doc, range, len } => {
            format!("片段 {range} 超出了文档“{doc}”的末尾（该文档有 {len} 个字符）")
        }
        EditError::Overlap(overlap) => {
            let Overlap { label, range, other, other_label, other_range, other_text, .. } = &**overlap;
            format!("{label} {range} 会与 {other_label} 片段 {other} {other_range} «{other_text}» 重叠；本层的片段不能重叠")
        }
        EditError::UnknownRelation { doc, relation } => format!("文档“{doc}”没有关系 {relation}"),
        EditError::UnknownRelationType { kind } => format!("关系类型“{kind}”不在标签体系中"),
        EditError::RelationNotAllowed { kind, from_label, to_label, allowed_from, allowed_to } => format!(
            "{kind} 从 {} 指向 {}，不能从 {from_label} 指向 {to_label}",
            allowed_from.join(" 或 "),
            allowed_to.join(" 或 ")
        ),
        EditError::SelfRelation { span } => format!("片段 {span} 不能与自身建立关系"),
        EditError::DuplicateRelation { kind, from, to } => {
            format!("从片段 {from} 到片段 {to} 的 {kind} 已经存在")
        }
        EditError::RelabelBreaksRelation { span, label, relation, kind } => {
            format!("片段 {span} 不能改为 {label}：它的 {kind} 关系 {relation} 不允许；请先删除该关系")
        }
        EditError::AttributeNotForLabel { name, label } => format!("属性“{name}”不适用于 {label} 片段"),
        EditError::BadAttributeValue { name, value, allowed } => {
            format!("“{value}”不是 {name} 的取值；请从 {} 中选择", allowed.join("、"))
        }
        EditError::UnknownSuggestion { doc, label, range } => {
            format!("文档“{doc}”在 {range} 没有 {label} 建议；它已被接受或拒绝")
        }
        EditError::BadSuggestion { doc, label, range } => {
            format!("{range} 处的 {label} 建议与文档“{doc}”不符：它为空、超出正文，或分数不在 0–1 之间")
        }
        EditError::ReadOnly => "另一个标签页正在编辑此项目，本页只读；按“在此编辑”即可在本页编辑".into(),
    }
}

fn adjudication_error(error: &AdjudicationError) -> String {
    match error {
        AdjudicationError::Stale => "这处分歧在显示后已经改变；请重新查看".into(),
        AdjudicationError::OverlapForbidden { layer } => {
            format!("这些版本相互重叠，而 {layer} 层不允许重叠：请采用其中一个版本，或编辑")
        }
        AdjudicationError::StillLoading { pending } => {
            format!("还有 {pending} 篇文档在从存储读取；请稍后再裁决")
        }
    }
}

fn merge_error(error: &MergeError) -> String {
    match error {
        MergeError::NothingToMerge => "请选择一个或多个要合并的项目文件".into(),
        MergeError::StillLoading { pending } => format!("还有 {pending} 篇文档在从存储读取；请稍后再合并"),
        MergeError::TextDiffers { file, doc, at_byte } => {
            format!("{file}：文档“{doc}”与本项目中的某篇文档 id 相同但正文不同（从第 {at_byte} 字节起不同）；没有合并任何内容")
        }
        MergeError::NotInSchema { file, names } => {
            format!(
                "{file}：{} 不在本项目的标签体系中；请先添加（标签体系）——没有合并任何内容",
                names.join("、")
            )
        }
        MergeError::DoesNotFit { file, doc, reason } => {
            format!("{file}：文档“{doc}”：{reason}；没有合并任何内容")
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

fn name_problem(problem: NameProblem) -> String {
    match problem {
        NameProblem::Reserved => format!("“{GOLD}”留给裁决后的金标准层；请换一个名字"),
        NameProblem::TooLong => format!("名字最多 {MAX_NAME_CHARS} 个字符"),
    }
}

/// Why a project file was refused, in Chinese (span problems quoted as the core words them).
pub fn import_error(error: &ImportError) -> String {
    match error {
        ImportError::NotJson { line, column, reason } => {
            format!("文件不是有效的 JSON（第 {line} 行，第 {column} 列）：{reason}")
        }
        ImportError::NotAProject { reason } => format!("文件是 JSON，但不是 biaozhu 项目：{reason}"),
        ImportError::UnknownVersion { found } => {
            format!("项目文件的版本是 {found}；本应用读取版本 {}", crate::core::project_json::FORMAT_VERSION)
        }
        ImportError::WrongOffsetUnit { found } => {
            format!("项目文件的偏移以“{found}”计数；本应用读取“{}”", crate::core::project_json::OFFSET_UNIT)
        }
        ImportError::BadSchema { problems } => {
            format!("标签体系不可用：{}", schema_problems(Lang::Zh, problems))
        }
        ImportError::BadDocument { index, reason } => {
            format!("文件中的第 {} 篇文档格式有误：{reason}", index + 1)
        }
        ImportError::DuplicateDocument { id } => format!("文件中有两篇 id 为“{id}”的文档"),
        ImportError::BadSpans { problems } => {
            const SHOWN: usize = 10;
            let shown: Vec<&str> = problems.iter().take(SHOWN).map(String::as_str).collect();
            let mut text = format!("{} 处片段问题：{}", problems.len(), shown.join("；"));
            if problems.len() > SHOWN {
                text.push_str(&format!("；另有 {} 处", problems.len() - SHOWN));
            }
            text
        }
    }
}

fn schema_error(error: &SchemaError) -> String {
    match error {
        SchemaError::Unusable(problems) => format!("标签体系不可用：{}", schema_problems(Lang::Zh, problems)),
        SchemaError::BreaksSpan { doc, span, text, cause } => {
            format!("文档“{doc}”：片段 {span} «{text}»：{}", edit_error(cause))
        }
        SchemaError::NotJson(error) => {
            format!("不是有效的 JSON（第 {} 行，第 {} 列）：{error}", error.line(), error.column())
        }
        SchemaError::NotASchema(why) => why.clone(),
    }
}

/// Why a schema file was refused, in `lang`.
pub fn schema_error_in(lang: Lang, error: &SchemaError) -> String {
    match lang {
        Lang::Zh => schema_error(error),
        Lang::En => error.to_string(),
    }
}

/// Why a dataset file could not be read, in `lang`.
pub fn read_error(lang: Lang, error: &ReadError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        ReadError::NotUtf8 { file, offset } => {
            format!("{file} 不是 UTF-8 文本（偏移 {offset} 处的字节无效）")
        }
        ReadError::NotJson { place, cause } => format!("{place} 不是有效的 JSON：{cause}"),
        ReadError::BadZip { file, cause } => format!("{file} 不是可读的 zip：{cause}"),
        ReadError::Inflate { file, entry, cause } => format!("{file}：{entry} 无法解压：{cause}"),
        ReadError::TooLarge { file, limit } => {
            format!("{file} 解压后超过 {} MB；zip 总共最多读取这么多", limit >> 20)
        }
        ReadError::MixedFormats { file, format, others } => {
            format!("{file} 是 {format}，而其他文件是 {others}")
        }
        ReadError::NoDataFile => "没有找到数据文件".into(),
        ReadError::UnknownFormat { file } => format!("{file}：这个 JSON 不是本应用能读取的格式"),
        ReadError::Malformed { place, what } => format!("{place}：{what}"),
    }
}

/// Why a pasted text or a picked file cannot be a document, in `lang`.
pub fn text_input_error(lang: Lang, error: &TextInputError) -> String {
    match (lang, error) {
        (Lang::En, _) => error.to_string(),
        (Lang::Zh, TextInputError::Empty) => "文本为空".into(),
        (Lang::Zh, TextInputError::NotUtf8 { offset }) => {
            format!("文件不是 UTF-8 文本（偏移 {offset} 处的字节无效）；请另存为 UTF-8 后再试")
        }
    }
}

/// A line of a dictionary or pattern list that does not read, in `lang`.
pub fn list_error(lang: Lang, error: &crate::core::pre_annotate::ListError) -> String {
    use crate::core::pre_annotate::ListProblem;
    if lang == Lang::En {
        return error.to_string();
    }
    let list = match error.list {
        "patterns" => "正则模式",
        "dictionary" => "词典",
        other => other,
    };
    let problem = match &error.problem {
        ListProblem::NoTab => "应为 «文字<TAB>标签»，但没有制表符".to_string(),
        ListProblem::EmptyTerm => "制表符前的文字为空".to_string(),
        ListProblem::UnknownLabel(label) => format!("标签“{label}”不在标签体系中"),
        ListProblem::BadPattern(reason) => format!("正则无法编译：{reason}"),
    };
    format!("{list}第 {} 行：{problem}", error.line)
}

/// A schema's problems, in `lang`, joined into one line.
pub fn schema_problems(lang: Lang, problems: &[SchemaProblem]) -> String {
    if lang == Lang::En {
        return crate::core::schema_problem::joined(problems, "; ");
    }
    problems.iter().map(schema_problem_zh).collect::<Vec<_>>().join("；")
}

fn named_zh(what: Named) -> &'static str {
    match what {
        Named::Layer => "层",
        Named::Label => "标签",
        Named::RelationType => "关系类型",
        Named::Attribute => "属性",
    }
}

fn name_issue_zh(issue: &NameIssue) -> String {
    match issue {
        NameIssue::Whitespace => "名称不能含空格、制表符、换行或控制字符".into(),
        NameIssue::Syntax(c) => {
            format!("名称不能含 «{c}»（它是 brat、CoNLL 或 Label Studio 文件的语法字符）")
        }
        NameIssue::Empty => "取值不能为空".into(),
    }
}

fn schema_problem_zh(problem: &SchemaProblem) -> String {
    match problem {
        SchemaProblem::EmptyName { what: Named::Label, layer: Some(layer) } => {
            format!("层“{layer}”中有一个标签没有名称")
        }
        SchemaProblem::EmptyName { what, .. } => format!("有一个{}没有名称", named_zh(*what)),
        SchemaProblem::DefinedTwice { what, name } => format!("{}“{name}”定义了两次", named_zh(*what)),
        SchemaProblem::BadName { what, name, issue } => {
            format!("{}“{name}”：{}", named_zh(*what), name_issue_zh(issue))
        }
        SchemaProblem::BadValue { attribute, value, issue } => {
            format!("属性“{attribute}”的取值“{value}”：{}", name_issue_zh(issue))
        }
        SchemaProblem::BadColour { label, colour } => {
            format!("标签“{label}”：颜色“{colour}”不是 #rgb 或 #rrggbb")
        }
        SchemaProblem::NoHotkey { label } => format!("标签“{label}”需要一个按键"),
        SchemaProblem::ReservedHotkey { label, key } => {
            format!("标签“{label}”不能用按键“{key}”：R 画关系，A 打开属性，数字选择关系类型")
        }
        SchemaProblem::SharedHotkey { first, second, key } => {
            format!("标签“{first}”和“{second}”用了同一个按键“{key}”")
        }
        SchemaProblem::RelationEnds { relation } => format!("关系类型“{relation}”的两端都至少需要一个标签"),
        SchemaProblem::UnknownLabel { what, name, label } => {
            format!("{}“{name}”用到的标签“{label}”不在标签体系中", named_zh(*what))
        }
    }
}
