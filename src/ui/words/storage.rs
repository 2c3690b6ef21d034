//! What the interface says about browser storage (saving, reading back, its space), in both
//! languages. The causes inside (a storage error, the browser's own message) are quoted.

use super::Lang;

pub fn nothing_saved(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::Zh => format!("没有保存任何内容：{reason}"),
        Lang::En => format!("nothing is saved: {reason}"),
    }
}

pub fn storage_used(lang: Lang, used: &str, quota: &str) -> String {
    match lang {
        Lang::Zh => format!("已用 {used}，共 {quota}"),
        Lang::En => format!("{used} used of {quota}"),
    }
}

/// Storage refused: the edits stay in the tab.
pub fn not_saved(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::Zh => format!("{reason}：你的修改保留在本标签页中，但没有保存；请导出项目（导出 JSON）以保留它们"),
        Lang::En => format!(
            "{reason}: your edits are kept in this tab but not saved; export the project (Export JSON) to keep them"
        ),
    }
}

pub fn taken_over_before_stored(lang: Lang) -> String {
    let reason = lang.pick(
        "另一个标签页在这次修改保存前接管了编辑",
        "another tab took over editing before this edit was stored",
    );
    not_saved(lang, reason)
}

pub fn legacy_unreadable(lang: Lang, error: &str, key: &str) -> String {
    match lang {
        Lang::Zh => format!("无法读取旧版本保存在本浏览器中的项目（{error}）；它另存在 localStorage 键 {key} 下，现在显示自带的文章"),
        Lang::En => format!(
            "the project an earlier version kept in this browser could not be read ({error}); it is kept aside under the localStorage key {key} and the bundled article is shown"
        ),
    }
}

pub fn stored_unreadable(lang: Lang, error: &str) -> String {
    match lang {
        Lang::Zh => format!("无法读取本浏览器中保存的项目（{error}）；它保持原样"),
        Lang::En => {
            format!("the project stored in this browser could not be read ({error}); it is left as it is")
        }
    }
}

pub fn showing_bundled_instead(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Zh => format!("{why}。本标签页显示自带的文章且不保存；在存储面板中删除保存的项目即可重新开始保存"),
        Lang::En => format!(
            "{why}, and this tab shows the bundled article without saving it; delete the stored project in the storage panel to start saving again"
        ),
    }
}

/// Documents whose stored records did not read; `first` is the first problem.
pub fn documents_unreadable(lang: Lang, left: usize, first: Option<&str>, more: bool) -> String {
    let why = match (lang, first) {
        (Lang::Zh, None) => "记录缺失".to_string(),
        (Lang::En, None) => "their records are missing".to_string(),
        (Lang::Zh, Some(first)) => format!("{first}{}", if more { "，等" } else { "" }),
        (Lang::En, Some(first)) => format!("{first}{}", if more { ", and others" } else { "" }),
    };
    match lang {
        Lang::Zh => format!("有 {left} 篇文档无法从浏览器存储读取（{why}）；它们留在列表中但无法打开，保存的记录保持原样"),
        Lang::En => format!(
            "{left} documents could not be read from browser storage ({why}); they stay in the list but cannot be opened, and their stored records are left as they are"
        ),
    }
}

pub fn still_reading_for_export(lang: Lang, left: usize) -> String {
    match lang {
        Lang::Zh => format!("还有 {left} 篇文档在从浏览器存储读取；读完后再导出项目"),
        Lang::En => format!(
            "{left} documents are still being read from browser storage; export the project once they are"
        ),
    }
}

/// The background read of stored documents stopped (`why`, worded already).
pub fn background_read_stopped(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Zh => format!("{why}；尚未读取的文档会在你打开时逐篇读取，导出会等待它们"),
        Lang::En => format!(
            "{why}; the documents not read yet are read one by one when you open them, and exports wait for them"
        ),
    }
}
