//! Text with numbers or names in it, in both languages.

use super::storage_errors::storage_error;
use super::Lang;

/// "完成 3/10" / "3/10 done".
pub fn done_count(lang: Lang, done: usize, total: usize) -> String {
    match lang {
        Lang::Zh => format!("完成 {done}/{total}"),
        Lang::En => format!("{done}/{total} done"),
    }
}

/// Files of a picked folder that Import does not read.
pub fn folder_files_skipped(lang: Lang, skipped: usize, total: usize, extensions: &str) -> String {
    match lang {
        Lang::Zh => format!("文件夹的 {total} 个文件中有 {skipped} 个被跳过：只读取 {extensions} 文件"),
        Lang::En => {
            format!("{skipped} of the folder's {total} files were skipped: only {extensions} files are read")
        }
    }
}

/// A label's display name in the language (the schema holds both).
pub fn label_name(lang: Lang, label: &crate::core::schema::Label) -> &str {
    lang.pick(&label.zh, &label.en)
}

/// A label button's tooltip.
pub fn palette_tip(lang: Lang, label: &crate::core::schema::Label) -> String {
    match lang {
        Lang::Zh => format!("{} · 按键 {}", label.zh, label.hotkey),
        Lang::En => format!("{} · key {}", label.en, label.hotkey),
    }
}

pub fn sticky_hint(lang: Lang, label: &str) -> String {
    match lang {
        Lang::Zh => format!("连续标注 {label}：每次选中的文字都标为 {label}，按 Esc 停止"),
        Lang::En => format!("Sticky {label}: every selection becomes {label} — Esc to stop"),
    }
}

pub fn pending_hint(lang: Lang, range: crate::core::CharRange) -> String {
    match lang {
        Lang::Zh => format!("已选 {}–{}（码位）· 按标签键标注", range.start, range.end),
        Lang::En => format!("selected {}–{} (code points) · press a label key", range.start, range.end),
    }
}

pub fn selected_hint(lang: Lang, id: crate::core::SpanId) -> String {
    match lang {
        Lang::Zh => format!("已选中片段 {id} · Delete 删除，标签键改标签，Esc 取消"),
        Lang::En => format!("span {id} selected · Delete removes, a label key relabels, Esc clears"),
    }
}

pub fn span_count_text(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!("{count} 个片段"),
        Lang::En => format!("{count} spans"),
    }
}

pub fn relations_title(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!("关系（{count}）"),
        Lang::En => format!("Relations ({count})"),
    }
}

pub fn spans_title(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!("片段（{count}）"),
        Lang::En => format!("Spans ({count})"),
    }
}

pub fn relation_type_name(lang: Lang, from: &str, to: &str) -> String {
    match lang {
        Lang::Zh => format!("关系类型：{from} → {to}"),
        Lang::En => format!("relation type, {from} → {to}"),
    }
}

pub fn more_spans(lang: Lang, hidden: usize) -> String {
    match lang {
        Lang::Zh => format!("……还有 {hidden} 个，全部显示"),
        Lang::En => format!("… {hidden} more — show all"),
    }
}

/// What the caret announces to screen readers.
pub fn caret_at(lang: Lang, at: usize) -> String {
    match lang {
        Lang::Zh => format!("光标 {at}"),
        Lang::En => format!("caret {at}"),
    }
}

pub fn selected_text(lang: Lang, text: &str, range: crate::core::CharRange) -> String {
    match lang {
        Lang::Zh => format!("已选 «{text}» {}–{}", range.start, range.end),
        Lang::En => format!("selected «{text}» {}–{}", range.start, range.end),
    }
}

/// A document row's tooltip; `chars` is `None` while the text is still being read.
pub fn doc_item_tip(lang: Lang, name: &str, spans: usize, chars: Option<usize>) -> String {
    match (lang, chars) {
        (Lang::Zh, Some(chars)) => format!("{name}：{spans} 个片段，{chars} 个字符"),
        (Lang::Zh, None) => format!("{name}：{spans} 个片段（正在从浏览器存储读取）"),
        (Lang::En, Some(chars)) => format!("{name}: {spans} spans, {chars} characters"),
        (Lang::En, None) => format!("{name}: {spans} spans (being read from browser storage)"),
    }
}

pub fn reading_documents(lang: Lang, left: usize) -> String {
    match lang {
        Lang::Zh => format!("正在从浏览器存储读取 {left} 篇文档；读完前搜索只按名称查找它们"),
        Lang::En => format!(
            "Reading {left} documents from browser storage; until then search finds them by name only"
        ),
    }
}

pub fn suggestion_count(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!("{count} 条建议"),
        Lang::En => format!("{count} suggestion(s)"),
    }
}

pub fn training_pass(lang: Lang, on_every_done: bool, pass: u32, of: u32) -> String {
    match (lang, on_every_done) {
        (Lang::Zh, false) => format!("训练中，第 {pass} / {of} 轮"),
        (Lang::Zh, true) => format!("用所有已完成文档再训练，第 {pass} / {of} 轮"),
        (Lang::En, false) => format!("Training, pass {pass} of {of}"),
        (Lang::En, true) => format!("Training on every done document, pass {pass} of {of}"),
    }
}

pub fn suggesting_documents(lang: Lang, done: usize, total: usize) -> String {
    match lang {
        Lang::Zh => format!("正在生成建议：{done} / {total} 篇文档"),
        Lang::En => format!("Suggesting: {done} of {total} documents"),
    }
}

pub fn estimated_on(lang: Lang, held_out: usize) -> String {
    match lang {
        Lang::Zh => format!("在 {held_out} 篇留出文档上的估计"),
        Lang::En => format!("Estimated on {held_out} held-out document(s)"),
    }
}

/// What the trained model is and where it is kept.
pub fn model_summary(
    lang: Lang,
    summary: &crate::core::learn::protocol::ModelSummary,
    kept: &crate::ui::learning::Kept,
    seconds: Option<f64>,
) -> String {
    use crate::ui::learning::Kept;
    let megabytes = summary.bytes as f64 / 1e6;
    let (trained, chars, epochs) = (summary.trained, summary.chars, summary.epochs);
    let mut about = match lang {
        Lang::Zh => format!("用 {trained} 篇文档、{chars} 个字符训练了 {epochs} 轮；{megabytes:.1} MB"),
        Lang::En => format!(
            "Trained on {trained} document(s), {chars} characters, {epochs} passes; {megabytes:.1} MB"
        ),
    };
    about.push_str(&match (lang, kept) {
        (_, Kept::Nowhere) => String::new(),
        (Lang::Zh, Kept::Saving) => "，正在保存…".into(),
        (Lang::En, Kept::Saving) => ", saving…".into(),
        (Lang::Zh, Kept::Saved) => "，已随项目保存".into(),
        (Lang::En, Kept::Saved) => ", saved with the project".into(),
        (Lang::Zh, Kept::InTabOnly(why)) => format!("，只保存在本标签页：{}", storage_error(lang, why)),
        (Lang::En, Kept::InTabOnly(why)) => format!(", kept in this tab only: {why}"),
    });
    about.push_str(lang.pick("。", "."));
    if let Some(seconds) = seconds {
        about.push_str(&match lang {
            Lang::Zh => format!("用时 {seconds:.1} 秒。"),
            Lang::En => format!(" Took {seconds:.1} s."),
        });
    }
    about
}

/// A picked file and its line count.
pub fn file_lines(lang: Lang, name: &str, lines: usize) -> String {
    match lang {
        Lang::Zh => format!("{name} · {lines} 行"),
        Lang::En => format!("{name} · {lines} lines"),
    }
}

pub fn agreement_button(lang: Lang, people: usize) -> String {
    match lang {
        Lang::Zh => format!("一致性…（{people} 位标注者）"),
        Lang::En => format!("Agreement… ({people} annotators)"),
    }
}

pub fn take_version(lang: Lang, annotator: &str, key: usize) -> String {
    match lang {
        Lang::Zh => format!("采用 {annotator} 的版本（{key}）"),
        Lang::En => format!("Take {annotator}'s version ({key})"),
    }
}

pub fn csv_not_downloaded(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Zh => format!("无法下载一致性表：{why}"),
        Lang::En => format!("the agreement table could not be downloaded: {why}"),
    }
}

pub fn and_more(lang: Lang, more: usize) -> String {
    match lang {
        Lang::Zh => format!("……还有 {more} 处"),
        Lang::En => format!("… and {more} more"),
    }
}

pub fn computing_documents(lang: Lang, done: usize, total: usize) -> String {
    match lang {
        Lang::Zh => format!("计算中… {done} / {total} 篇文档"),
        Lang::En => format!("Computing… {done} / {total} documents"),
    }
}

/// What applying a schema change would do to the annotations.
pub fn schema_impact(lang: Lang, impact: &crate::core::schema_edit::SchemaImpact) -> String {
    match lang {
        Lang::Zh => format!("{} 个片段改名；{}", impact.renamed_spans, schema_removals(lang, impact)),
        Lang::En => format!("{} span(s) renamed; {}", impact.renamed_spans, schema_removals(lang, impact)),
    }
}

/// The question asked before a schema change that deletes annotations.
pub fn schema_confirm(lang: Lang, impact: &crate::core::schema_edit::SchemaImpact) -> String {
    match lang {
        Lang::Zh => format!("这次修改{}。仍然应用吗？（Ctrl+Z 可全部恢复。）", schema_removals(lang, impact)),
        Lang::En => format!(
            "This change {}. Apply it anyway? (Ctrl+Z brings everything back.)",
            schema_removals(lang, impact)
        ),
    }
}

/// "deletes 3 PER span(s), 1 relation(s)" or "removes nothing".
pub fn schema_removals(lang: Lang, impact: &crate::core::schema_edit::SchemaImpact) -> String {
    let mut parts: Vec<String> = impact
        .removed_spans
        .iter()
        .map(|(label, n)| lang.pick(format!("{n} 个 {label} 片段"), format!("{n} {label} span(s)")))
        .collect();
    if impact.removed_relations > 0 {
        let n = impact.removed_relations;
        parts.push(lang.pick(format!("{n} 条关系"), format!("{n} relation(s)")));
    }
    match (lang, parts.is_empty()) {
        (Lang::Zh, true) => "不删除任何内容".to_string(),
        (Lang::En, true) => "removes nothing".to_string(),
        (Lang::Zh, false) => format!("会删除 {}", parts.join("、")),
        (Lang::En, false) => format!("deletes {}", parts.join(", ")),
    }
}

/// A search pattern the browser's RegExp refused (its own message quoted).
pub fn not_a_pattern(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Zh => format!("不是有效的正则：{why}"),
        Lang::En => format!("not a valid pattern: {why}"),
    }
}

/// The accessible name of the choice for a label the schema lacks.
pub fn map_label_name(lang: Lang, label: &str) -> String {
    match lang {
        Lang::Zh => format!("{label} 对应的标签"),
        Lang::En => format!("what {label} becomes"),
    }
}

/// A suggestion's tooltip: its label, where it comes from, and the model's confidence.
pub fn suggestion_tip(
    lang: Lang,
    suggestion: &crate::core::suggestion::Suggestion,
    label: Option<&crate::core::schema::Label>,
) -> String {
    let name = match label {
        Some(l) => format!("{} {}", l.name, label_name(lang, l)),
        None => suggestion.label.to_string(),
    };
    let source = suggestion.source.key();
    match (lang, suggestion.score) {
        (Lang::Zh, Some(s)) => format!("建议 {name}（{source}，置信度 {s:.2}）"),
        (Lang::Zh, None) => format!("建议 {name}（{source}）"),
        (Lang::En, Some(s)) => format!("suggested {name} ({source}, confidence {s:.2})"),
        (Lang::En, None) => format!("suggested {name} ({source})"),
    }
}

/// A suggestion's accessible name, from what a span of it would be called.
pub fn suggested(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("建议 {name}"),
        Lang::En => format!("suggested {name}"),
    }
}
