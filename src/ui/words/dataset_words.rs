//! The words of dataset imports and exports that carry numbers or names: progress, the import
//! review's summary and the export preview's counts, in both languages.

use super::Lang;

pub fn import_cancelled(lang: Lang, source: &str) -> String {
    match lang {
        Lang::Zh => format!("已取消导入 {source}；没有任何改动"),
        Lang::En => format!("the import of {source} was cancelled; nothing changed"),
    }
}

pub fn reading_file(lang: Lang, source: &str) -> String {
    match lang {
        Lang::Zh => format!("正在读取 {source}…"),
        Lang::En => format!("Reading {source}…"),
    }
}

pub fn placing_documents(lang: Lang, done: usize, total: usize, source: &str) -> String {
    match lang {
        Lang::Zh => format!("正在整理 {source} 的文档：{done} / {total}…"),
        Lang::En => format!("Placing {done} / {total} documents of {source}…"),
    }
}

/// One reading of a file's offsets, e.g. "UTF-16 code units (12 span(s) placed)".
pub fn unit_reading(lang: Lang, unit: &str, placed: usize) -> String {
    match lang {
        Lang::Zh => format!("{unit}（可放置 {placed} 个片段）"),
        Lang::En => format!("{unit} ({placed} span(s) placed)"),
    }
}

pub fn table_rows(lang: Lang, rows: usize) -> String {
    match lang {
        Lang::Zh => format!(" · {rows} 行；id 列给出文档 id，name 或 title 列给出文档名"),
        Lang::En => {
            format!(" · {rows} row(s); an id column gives document ids, a name or title column their names")
        }
    }
}

pub fn import_summary(lang: Lang, format: &str, docs: usize, spans: usize, relations: usize) -> String {
    match lang {
        Lang::Zh => format!("{format}：将向项目加入 {docs} 篇文档、{spans} 个片段、{relations} 条关系。"),
        Lang::En => format!(
            "{format}: {docs} document(s), {spans} span(s), {relations} relation(s) will be added to the project."
        ),
    }
}

pub fn spans_moved(lang: Lang, moved: usize) -> String {
    match lang {
        Lang::Zh => format!("有 {moved} 个片段的偏移与其文字不符，已移到文字所在的位置。"),
        Lang::En => format!(
            " {moved} span(s) had offsets that did not match their text and were moved to where it is."
        ),
    }
}

pub fn spans_not_placed(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!("{count} 个片段无法放置，不会导入："),
        Lang::En => format!("{count} span(s) cannot be placed and will not be imported:"),
    }
}

pub fn spans_unmapped(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!("{count} 个片段的标签没有在上面对应"),
        Lang::En => format!("{count} span(s) with a label not mapped above"),
    }
}

pub fn export_documents_done(lang: Lang, done: usize, total: usize) -> String {
    match lang {
        Lang::Zh => format!("{done} / {total} 篇文档"),
        Lang::En => format!("{done} / {total} documents"),
    }
}

pub fn export_records_done(lang: Lang, done: usize, total: usize) -> String {
    match lang {
        Lang::Zh => format!("已写出并检查 {done} / {total} 条记录"),
        Lang::En => format!("{done} / {total} records written and checked"),
    }
}

pub fn spans_crossing(lang: Lang, count: usize, what_happened: &str) -> String {
    match lang {
        Lang::Zh => format!("{count} 个片段跨越单位边界，{what_happened}："),
        Lang::En => format!("{count} span(s) cross a unit boundary, {what_happened}:"),
    }
}

pub fn export_not_downloaded(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Zh => format!("无法下载导出文件：{why}"),
        Lang::En => format!("the export could not be downloaded: {why}"),
    }
}

pub fn records_and_files(lang: Lang, records: usize, files: usize) -> String {
    match lang {
        Lang::Zh => format!(" · {records} 条记录 · {files} 个文件"),
        Lang::En => format!(" · {records} record(s) · {files} file(s)"),
    }
}

pub fn first_lines(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Zh => format!("{file} — 前几行"),
        Lang::En => format!("{file} — first lines"),
    }
}
