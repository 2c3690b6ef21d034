//! The readers' findings (`core::import::readers::finding`) in the language shown: where in a
//! file, why a file is refused, what of a document is left out, what was passed over. English
//! is the types' `Display`; quoted file content stays as the file has it.

use super::Lang;
use crate::core::import::readers::{Flaw, Found, Passed, Place, Unit, Unread, MAX_INPUT_BYTES};
use crate::core::refusal::{AddressProblem, InputRefusal};

/// A place in a file: 「a.jsonl」第 3 行.
pub fn place(lang: Lang, place: &Place) -> String {
    if lang == Lang::En {
        return place.to_string();
    }
    match place.at {
        None => place.file.clone(),
        Some((unit, n)) => {
            let unit = match unit {
                Unit::Line => "行",
                Unit::Task => "个任务",
                Unit::Annotation => "条标注",
                Unit::Source => "个文本（biaozhu:sources）",
            };
            format!("{} 第 {n} {unit}", place.file)
        }
    }
}

/// Why a file is refused: the place and the flaw.
pub fn flaw(lang: Lang, at: &Place, what: &Flaw) -> String {
    match lang {
        Lang::En => format!("{at}: {what}"),
        Lang::Zh => format!("{}：{}", place(lang, at), flaw_zh(what)),
    }
}

/// A span or relation a reader left out, with its place.
pub fn unread(lang: Lang, found: &Found<Unread>) -> String {
    match lang {
        Lang::En => found.to_string(),
        Lang::Zh => format!("{}：{}", place(lang, &found.place), unread_zh(&found.what)),
    }
}

/// Something a reader passed over on purpose, with its place.
pub fn passed(lang: Lang, found: &Found<Passed>) -> String {
    match lang {
        Lang::En => found.to_string(),
        Lang::Zh => format!("{}：{}", place(lang, &found.place), passed_zh(&found.what)),
    }
}

fn flaw_zh(what: &Flaw) -> String {
    match what {
        Flaw::NoTextBeside { stem } => format!("旁边没有 {stem}.txt"),
        Flaw::NotTokenAndTag { found } => format!("应为一个词元和一个标签，实为«{found}»"),
        Flaw::NotATag { tag } => format!("«{tag}» 不是 BIO/BIOES 标签"),
        Flaw::NoTaggedLines => "文件中没有带标签的行".into(),
        Flaw::NoRecords => "文件中没有记录".into(),
        Flaw::NoTextField => "没有 \"text\" 字段，也不是带 ner_tags 的 tokens".into(),
        Flaw::ShapeChanged { shape, earlier } => format!("这一行是 {shape}，而前面的行是 {earlier}"),
        Flaw::TextNotString => "\"text\" 不是字符串".into(),
        Flaw::UnknownOffsetUnit { found } => {
            format!("offset_unit \"{found}\" 不是 codepoint、utf16、utf8 或 grapheme")
        }
        Flaw::TokensNotList => "\"tokens\" 不是列表".into(),
        Flaw::TokenNotString => "有一个词元不是字符串".into(),
        Flaw::NerTagsNotList => "\"ner_tags\" 不是列表".into(),
        Flaw::TagCount { tokens, tags } => format!("{tokens} 个词元，却有 {tags} 个 ner_tags"),
        Flaw::TagNamesMissing => {
            "ner_tags 是数字；请导入一个同时含有 labels.json（标签名）和数据的 zip".into()
        }
        Flaw::TagIdUnknown { id } => format!("标签编号 {id} 不在 labels.json 中"),
        Flaw::TagNeitherNameNorNumber => "有一个标签既不是名称也不是数字".into(),
        Flaw::DataHasNoText => "data 中没有文本".into(),
        Flaw::SourceListedTwice { id } => format!("文本 {id} 在 \"biaozhu:sources\" 中出现了两次"),
        Flaw::TextsNotIncluded => "标注没有附带它们所指的文本；本应用导入附带文本的 W3C 文件\
                                   （如本应用自己的导出，在 \"biaozhu:sources\" 下）"
            .into(),
        Flaw::NoTargetSource => "没有 target.source".into(),
        Flaw::NoHeaderRow => "文件中没有表头行".into(),
        Flaw::QuoteNeverClosed => "有一个带引号的字段没有闭合".into(),
    }
}

fn unread_zh(what: &Unread) -> String {
    match what {
        Unread::AnnLineShape => "应为 ID<TAB>类型 起点 终点<TAB>文字；此行未导入".into(),
        Unread::AnnNoOffsets => "类型后面没有偏移；此行未导入".into(),
        Unread::AnnOffsets { found } => format!("偏移«{found}»不是「起点 终点」对；此片段未导入"),
        Unread::RelationEnds { n: Some(n), kind } => {
            format!("第 {n} 个关系（{kind}）未导入：它没有指向本记录中两个可读的片段")
        }
        Unread::RelationEnds { n: None, kind } => {
            format!("一个 {kind} 关系未导入：它没有指向本文件中两个可读的片段")
        }
        Unread::SpanFields { n, start, end, label } => format!(
            "第 {n} 个片段需要整数的 start 和 end 以及一个标签（实为 start {start}、end {end}、label {label}）"
        ),
        Unread::EntityShape { n, found } => {
            format!("第 {n} 个标注既不是 [start, end, label]，也不是带整数偏移的实体对象：{found}")
        }
        Unread::RegionOffsets { region, start, end } => {
            format!("区域 {region} 没有整数的 start 和 end（实为 start {start}、end {end}）")
        }
        Unread::RegionRelation { from, to } => {
            format!("从区域 {from} 到 {to} 的关系未导入：它没有类型，或没有连接两个可读的区域")
        }
        Unread::SourceHasNoText { source } => format!("它的文本 {source} 不在文件中；此片段未导入"),
        Unread::NoBody => "没有 body 值（标签）；此片段未导入".into(),
        Unread::Link => "一条链接标注未导入：它需要同一文本的两条片段标注和一个类型".into(),
        Unread::NoPosition { label, found } => {
            format!("{label} 片段既没有整数位置也没有引文（{found}）；未导入")
        }
    }
}

fn passed_zh(what: &Passed) -> String {
    match what {
        Passed::RejectedAnswers { count } => format!("跳过了 {count} 条被拒绝或忽略的 Prodigy 回答"),
        Passed::OtherAnnLines { count } => format!("{count} 行事件、属性或注释未导入"),
        Passed::NoAnnotation => "没有标注或预测；只导入了文本".into(),
        Passed::SourceWithoutText => "没有 id 或没有文本，已跳过".into(),
        Passed::RowsWithoutText { count, column } => {
            format!("{count} 行在“{column}”列中没有文本，未导入")
        }
    }
}

/// Why a file was not opened at all (too large, or an address this app does not fetch).
pub fn input_refusal(lang: Lang, refusal: &InputRefusal) -> String {
    if lang == Lang::En {
        return refusal.to_string();
    }
    match refusal {
        InputRefusal::TooLarge { name, bytes } => format!(
            "{name} 有 {:.1} MB；超过 {} MB 的文件不会打开（请拆分，或打包成由较小文件组成的 zip 导入）",
            *bytes as f64 / 1_048_576.0,
            MAX_INPUT_BYTES >> 20
        ),
        InputRefusal::Address { url, why } => {
            let why = match why {
                AddressProblem::Empty => "地址为空".to_string(),
                AddressProblem::BackslashOrControl => "地址含有反斜杠或控制字符".to_string(),
                AddressProblem::OtherHost => "它指向另一台主机".to_string(),
                AddressProblem::Absolute { scheme } => format!("它是绝对地址（{scheme}:）"),
                AddressProblem::OtherOrigin { origin } => format!("它在另一个源上（{origin}）"),
            };
            format!("?doc={url} 未打开：{why}；这种方式只能打开与本应用放在一起的文件")
        }
    }
}

/// The browser could not read or fetch `what` (a file name or an address); `cause` is the
/// browser's own words.
pub fn could_not_read(lang: Lang, what: &str, cause: &str) -> String {
    match lang {
        Lang::En => format!("could not read {what}: {cause}"),
        Lang::Zh => format!("无法读取 {what}：{cause}"),
    }
}

/// The fetch of `url` failed; `cause` is the browser's own words.
pub fn could_not_fetch(lang: Lang, url: &str, cause: &str) -> String {
    match lang {
        Lang::En => format!("could not fetch {url}: {cause}"),
        Lang::Zh => format!("无法获取 {url}：{cause}"),
    }
}

/// The server answered the fetch of `url` with an error status.
pub fn server_answered(lang: Lang, url: &str, status: u16) -> String {
    match lang {
        Lang::En => format!("could not fetch {url}: the server answered {status}"),
        Lang::Zh => format!("无法获取 {url}：服务器回答 {status}"),
    }
}
