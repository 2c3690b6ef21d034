//! The words for the core's errors in Chinese. English errors are worded by their `Display`
//! (next to each type, and shared with the command-line tools). Details that come from
//! elsewhere (a JSON parser's or the browser's own message) are quoted as they are.

use super::Lang;
use crate::core::adjudication::AdjudicationError;
use crate::core::error::Overlap;
use crate::core::import::readers::ReadError;
use crate::core::merge::{MergeError, NameProblem, GOLD, MAX_NAME_CHARS};
use crate::core::project_file_problem::{Fault, FilePart, FileProblem};
use crate::core::project_json::{ImportError, NotAProject};
use crate::core::schema::{NameIssue, Named, SchemaProblem};
use crate::core::schema_edit::SchemaError;
use crate::core::text_input::TextInputError;
use crate::core::EditError;

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

pub fn adjudication_error(error: &AdjudicationError) -> String {
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

pub fn merge_error(error: &MergeError) -> String {
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
        MergeError::DoesNotFit { file, doc, cause } => {
            format!("{file}：文档“{doc}”：{}；没有合并任何内容", edit_error(cause))
        }
        MergeError::NotUtf8 { file, at_byte } => {
            format!("{file} 不是 UTF-8 文本（第 {at_byte} 字节无效）；没有合并任何内容")
        }
        MergeError::NotAProject { file, cause } => {
            format!("{file} 不是 biaozhu 项目文件：{}；没有合并任何内容", import_error(cause))
        }
    }
}

pub fn name_problem(problem: NameProblem) -> String {
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
        ImportError::NotAProject { why } => {
            let why = match why {
                NotAProject::NotAnObject => "最外层不是对象".to_string(),
                NotAProject::OtherFormat { found } => format!("“format”是“{found}”"),
                NotAProject::NoField { field } => format!("缺少“{field}”字段"),
                NotAProject::Schema { cause } => format!("“schema”：{cause}"),
                NotAProject::NoDocumentList => "“documents”缺失或不是列表".to_string(),
            };
            format!("文件是 JSON，但不是 biaozhu 项目：{why}")
        }
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
            let shown: Vec<String> = problems.iter().take(SHOWN).map(file_problem_zh).collect();
            let mut text = format!("{} 处片段问题：{}", problems.len(), shown.join("；"));
            if problems.len() > SHOWN {
                text.push_str(&format!("；另有 {} 处", problems.len() - SHOWN));
            }
            text
        }
    }
}

pub fn schema_error(error: &SchemaError) -> String {
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
        ReadError::NotJson { place, cause } => {
            format!("{} 不是有效的 JSON：{cause}", super::reading::place(Lang::Zh, place))
        }
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
        ReadError::Malformed { place, what } => super::reading::flaw(Lang::Zh, place, what),
        ReadError::ReaderFailed { cause } => format!("数据集读取程序已停止：{cause}"),
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

/// One problem of a project file's spans, relations or suggestions, in Chinese.
pub fn file_problem_zh(problem: &FileProblem) -> String {
    let at = match &problem.at {
        FilePart::Span { doc, id, start, end } => format!("文档“{doc}”：片段 {id}（{start}–{end}）"),
        FilePart::Relation { doc, id, kind, from, to } => {
            format!("文档“{doc}”：关系 {id}（{kind}，从片段 {from} 到片段 {to}）")
        }
        FilePart::Suggestions { doc } => format!("文档“{doc}”"),
    };
    let fault = match &problem.fault {
        Fault::StartNotBeforeEnd => "起点必须在终点之前".to_string(),
        Fault::PastTheEnd { len } => format!("超出了正文末尾，正文只有 {len} 个字符"),
        Fault::LabelNotInSchema { label } => format!("标签“{label}”不在标签体系中"),
        Fault::WrongLayer { declared, label, layer } => {
            format!("所写的层“{declared}”与标签“{label}”不符，它在“{layer}”层")
        }
        Fault::TextDiffers { stated, found, utf16 } => {
            let mut text = format!("片段写的是«{stated}»，但该处的正文是«{found}»");
            if *utf16 {
                text.push_str("（偏移看起来按 UTF-16 码元计；此文件必须按码位计）");
            }
            text
        }
        Fault::IdUsedTwice => "这个 id 用了两次".to_string(),
        Fault::Refused(error) => edit_error(error),
    };
    format!("{at}：{fault}")
}
