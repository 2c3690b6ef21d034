//! The names of the core's choices (statuses, scopes, orders, formats) in both languages.

use super::Lang;
use crate::core::doc_nav::DocSort;
use crate::core::editor::ReviewOrder;
use crate::core::export::Format;
use crate::core::label_all::LabelAllScope;
use crate::core::text_search::SearchScope;
use crate::core::DocStatus;

pub fn status_title(lang: Lang, status: DocStatus) -> &'static str {
    match status {
        DocStatus::Todo => lang.pick("待标", "To do"),
        DocStatus::InProgress => lang.pick("进行中", "In progress"),
        DocStatus::Done => lang.pick("完成", "Done"),
    }
}

/// "This document" or "All documents", for searching and for labelling all.
fn scope_title(lang: Lang, corpus: bool) -> &'static str {
    match corpus {
        false => lang.pick("本文档", "This document"),
        true => lang.pick("全部文档", "All documents"),
    }
}

pub fn search_scope_title(lang: Lang, scope: SearchScope) -> &'static str {
    scope_title(lang, scope == SearchScope::Corpus)
}

pub fn label_all_scope_title(lang: Lang, scope: LabelAllScope) -> &'static str {
    scope_title(lang, scope == LabelAllScope::Corpus)
}

pub fn sort_title(lang: Lang, sort: DocSort) -> &'static str {
    match sort {
        DocSort::ListOrder => lang.pick("原顺序", "List order"),
        DocSort::Name => lang.pick("按名称", "Name"),
        DocSort::FewestSpans => lang.pick("标注最少", "Fewest spans"),
        DocSort::Status => lang.pick("按状态", "Status"),
    }
}

pub fn review_order_title(lang: Lang, order: ReviewOrder) -> &'static str {
    match order {
        ReviewOrder::Position => lang.pick("按位置", "In reading order"),
        ReviewOrder::Confident => lang.pick("最有把握的先", "Surest first"),
        ReviewOrder::Uncertain => lang.pick("最没把握的先", "Least sure first"),
    }
}

/// Export formats: their proper names stay, the description is in the language.
pub fn format_title(lang: Lang, format: Format) -> &'static str {
    match (format, lang) {
        (Format::Spacy, _) => "spaCy / Prodigy spans JSONL",
        (Format::DoccanoLabels, Lang::Zh) => "doccano JSONL（label 三元组）",
        (Format::DoccanoLabels, Lang::En) => "doccano JSONL (label triples)",
        (Format::DoccanoEntities, Lang::Zh) => "doccano JSONL（entities + relations）",
        (Format::DoccanoEntities, Lang::En) => "doccano JSONL (entities + relations)",
        (Format::DoccanoUtf16, Lang::Zh) => "doccano JSONL，UTF-16 偏移（仅供 doccano 自身界面）",
        (Format::DoccanoUtf16, Lang::En) => {
            "doccano JSONL, UTF-16 offsets (only for doccano's own interface)"
        }
        (Format::LabelStudio, Lang::Zh) => "Label Studio JSON 任务 + 标注配置",
        (Format::LabelStudio, Lang::En) => "Label Studio JSON tasks + labeling config",
        (Format::Brat, Lang::Zh) => "brat standoff（.txt + .ann，zip）",
        (Format::Brat, Lang::En) => "brat standoff (.txt + .ann, zip)",
        (Format::Conll, Lang::Zh) => "CoNLL 字级标签",
        (Format::Conll, Lang::En) => "CoNLL character-level tags",
        (Format::HuggingFace, Lang::Zh) => "Hugging Face datasets JSONL（tokens + ner_tags）",
        (Format::HuggingFace, Lang::En) => "Hugging Face datasets JSONL (tokens + ner_tags)",
        (Format::W3c, Lang::Zh) => "W3C Web Annotation JSON-LD",
        (Format::W3c, Lang::En) => "W3C Web Annotation JSON-LD",
    }
}

/// How a file counts offsets.
pub fn unit_title(lang: Lang, unit: crate::core::import::units::OffsetUnit) -> &'static str {
    use crate::core::import::units::OffsetUnit;
    match unit {
        OffsetUnit::CodePoint => lang.pick("码位", "code points"),
        OffsetUnit::Utf16 => lang.pick("UTF-16 码元", "UTF-16 code units"),
        OffsetUnit::Utf8 => lang.pick("UTF-8 字节", "UTF-8 bytes"),
        OffsetUnit::Grapheme => lang.pick("字素簇", "grapheme clusters"),
    }
}
