//! Fixed text of the interface, in both languages, grouped by where it shows.
//!
//! Proper names stay as they are in both (JSON, CSV, spaCy, doccano, IndexedDB…), as do the
//! keys to press.

use super::Phrase;

/// Defines each phrase as a constant and lists the group's phrases, so that a test can check
/// that none is empty in either language (`GROUPS`).
macro_rules! phrases {
    ($list:ident; $($name:ident: $zh:literal, $en:literal;)*) => {
        $(pub const $name: Phrase = Phrase { zh: $zh, en: $en };)*
        pub const $list: &[Phrase] = &[$($name),*];
    };
}

phrases! {
    TOOLBAR;
    APP_NAME: "标注", "biaozhu";
    DONE_TIP: "标为完成的文档数 / 全部文档数", "Documents marked done, of all documents";
    UNDO: "↶ 撤销", "↶ Undo";
    UNDO_TIP: "撤销（Ctrl+Z）", "Undo (Ctrl+Z)";
    REDO: "↷ 重做", "↷ Redo";
    REDO_TIP: "重做（Ctrl+Shift+Z、Ctrl+Y）", "Redo (Ctrl+Shift+Z, Ctrl+Y)";
    USER_NAME: "标注者", "Name";
    USER_NAME_TIP: "你的名字：记在你创建或修改的每个片段、关系和属性上，以便合并、比较多位标注者的文件（左侧“团队”）",
        "Your name: recorded on every span, relation and attribute you make or change, so that several annotators' files can be merged and compared (Team, on the left)";
    SCHEMA: "标签体系…", "Schema…";
    SCHEMA_TIP: "标签、关系类型、属性", "Labels, relation types, attributes";
    NEW_DOC: "＋ 新文档", "＋ New document";
    IMPORT: "导入…", "Import…";
    IMPORT_TIP: "项目 JSON（替换当前项目）、.txt 文档，或数据集：spaCy/Prodigy、doccano、Label Studio、brat（.zip 或 .txt + .ann）、CoNLL、Hugging Face（含 labels.json 的 .zip）、W3C。Ctrl+Z 可撤销。也可以把文件拖到页面上。",
        "A project JSON (replaces the project), .txt documents, or a dataset: spaCy/Prodigy, doccano, Label Studio, brat (.zip or .txt + .ann), CoNLL, Hugging Face (.zip with labels.json), W3C. Ctrl+Z undoes. You can also drop files on the page.";
    IMPORT_FOLDER: "导入文件夹…", "Folder…";
    IMPORT_FOLDER_TIP: "文件夹（含子文件夹）中“导入…”能读的每个文件：许多 .txt 文档，或拆成多个文件的语料",
        "Every file of a folder (and its subfolders) that Import… reads: many .txt documents, a corpus split into files";
    EXPORT_JSON: "导出 JSON", "Export JSON";
    EXPORT_JSON_TIP: "下载整个项目（JSON）", "Download the whole project as JSON";
    EXPORT_DATASET: "导出数据集…", "Export dataset…";
    EXPORT_DATASET_TIP: "spaCy/Prodigy、doccano、Label Studio、brat、CoNLL、Hugging Face、W3C",
        "spaCy/Prodigy, doccano, Label Studio, brat, CoNLL, Hugging Face, W3C";
    SAVED: "已保存", "Saved";
    SAVED_TIP: "所有修改都已写入本浏览器的 IndexedDB", "Every change is on disk, in this browser's IndexedDB";
    UNSAVED: "未保存", "Unsaved";
    SAVING: "正在保存…", "Saving…";
    NOT_SAVED: "保存失败", "Not saved";
    LANGUAGE: "界面语言", "Language";
    OPENING_PROJECT: "正在打开项目…", "Opening the project…";
}

phrases! {
    TEXT_VIEW;
    LABEL_TAGS: "标签名", "Label names";
    LABEL_TAGS_TIP: "在每个片段的文字前写出标签名，使标签不只靠颜色区分", "Write each span's label name before its text, so that labels differ by more than colour";
    ARCS_SELECTED: "只显示选中片段的关系", "Arcs of the selection only";
    ARCS_SELECTED_TIP: "只画选中片段的关系弧线", "Draw relation arcs only for the selected span";
    IDLE_HINT: "选中文字，再按标签键或点击标签。未选中文字时点击标签：连续标注。",
        "Select text, then press a key or click a label. No selection: a label click makes it sticky.";
    MORE: "展开", "more";
    LESS: "收起", "less";
    DISMISS: "关闭消息", "Dismiss";
    STATUS: "状态", "Status";
    DOC_ANNOTATOR: "标注者", "annotator";
    DOC_NOTE: "备注", "note";
    DELETE_UNDOABLE: "删除（Ctrl+Z 可恢复）", "Delete (Ctrl+Z brings it back)";
    FIND_PLACEHOLDER: "在文本中查找（/）", "Find in the text ( / )";
    REGEX_TIP: "按正则表达式查找（JavaScript 语法）", "The text is a regular expression (JavaScript syntax)";
    SEARCH_SCOPE: "查找范围", "Where to search";
    PREVIOUS_HIT: "上一个（Shift+Enter）", "Previous (Shift+Enter)";
    NEXT_HIT: "下一个（Enter）", "Next (Enter)";
    STATS: "统计（自打开起）", "Since opened";
    STATS_CONFIRMED: "已确认片段", "Spans confirmed";
    STATS_ACCEPTED: "接受的建议", "Suggestions accepted";
    STATS_REJECTED: "拒绝的建议", "Rejected";
    STATS_MEDIAN: "每片段中位秒数", "Median s / span";
    NO_DOCUMENT: "没有文档：用“新文档”添加，或导入项目。", "No document: add one with “New document” or import a project.";
    READING_DOCUMENT: "正在从浏览器存储读取文档…", "Reading the document from browser storage…";
    TEXT_VIEW_NAME: "正文：方向键移动光标，Shift+方向键选择，标签键标注", "Text: arrows move the caret, Shift+arrows select, a label key labels";
}

phrases! {
    PANELS;
    DOCUMENTS: "文档", "Documents";
    DOC_SEARCH: "搜索名称和正文", "Search names and text";
    DOC_FILTER: "只显示某一状态的文档", "Show documents of one status";
    DOC_SORT: "列表顺序", "Order of the list";
    ANY_STATUS: "全部状态", "Any status";
    REMOVE_DOC: "删除文档（Ctrl+Z 可恢复）", "Remove document (Ctrl+Z brings it back)";
    DOC_KEYS: "Alt+↓ / Alt+↑ 下一篇 / 上一篇 · Alt+N 下一篇待标", "Alt+↓ / Alt+↑ next / previous · Alt+N next to do";
    PRE_ANNOTATE: "预标注…", "Pre-annotate…";
    PRE_ANNOTATE_TIP: "从词典、项目中已确认的字符串或正则模式生成建议", "Suggest spans from a dictionary, the project's confirmed strings or patterns";
    PREVIOUS_MARK: "‹", "‹";
    NEXT_MARK: "›", "›";
    PREVIOUS_SUGGESTION: "上一条建议（,）", "Previous suggestion (,)";
    NEXT_SUGGESTION: "下一条建议（.）", "Next suggestion (.)";
    ACCEPT: "✓ 接受", "✓ Accept";
    ACCEPT_TIP: "接受（Enter；按标签键则以该标签接受）", "Accept (Enter; a label key accepts with that label)";
    REJECT: "✗ 拒绝", "✗ Reject";
    REJECT_TIP: "拒绝（Backspace）", "Reject (Backspace)";
    ACCEPT_ALIKE: "✓✓ 同类全部", "✓✓ All alike";
    ACCEPT_ALIKE_TIP: "接受本文档或全部文档中文字和标签都相同的每条建议（Shift+Enter）",
        "Accept every suggestion with this text and label, in this document or all of them (Shift+Enter)";
    REVIEW_SCOPE: "Shift+Enter（及全部标注）的范围", "Where Shift+Enter (and Label all) look";
    RELATION_TYPE: "关系类型", "Relation type";
    NO_SPAN_SELECTED: "点击片段查看其属性和关系。", "Click a span to see its attributes and relations.";
    LABEL_ALL: "全部标注（Shift+A）", "Label all (Shift+A)";
    LABEL_ALL_TIP: "把这段文字的其他每次出现都标为同一标签（Shift+A）；一步撤销",
        "Label every other occurrence of this text the same (Shift+A); one undo step";
    LABEL_ALL_SCOPE: "全部标注的范围", "Where Label all looks";
    LINK: "关系…（R）", "Link… (R)";
    LINKING: "→ 点击目标片段…", "→ click the target span…";
    LINK_TIP: "从这个片段画一条关系：按 R 或点这里，再点目标片段", "Draw a relation from this span: press R or click here, then click the target span";
    CUE: "提示词", "cue";
    PROPOSED: "建议：", "Proposed:";
    RECORD_ACCEPT: "✓ 接受（Enter）", "✓ Accept (Enter)";
    RECORD_ACCEPT_TIP: "采用建议的提示词和发出者（Enter）；一步撤销", "Take the proposed cue and issuer (Enter); one undo step";
    RECORD_SAME: "同上（=）", "Same as previous (=)";
    RECORD_SAME_TIP: "采用上一条指示的提示词和发出者（=）；一步撤销", "The cue and issuer of the previous directive (=); one undo step";
}

phrases! {
    LEARNING;
    CANCEL: "取消", "Cancel";
    CLOSE: "关闭", "Close";
    LABEL: "标签", "label";
    LEARN: "学习", "Learn";
    LEARN_NAME: "从你的标注中学习", "Learn from your annotations";
    TRAIN: "训练", "Train";
    TRAIN_TIP: "用标为完成的文档训练模型（Alt+L）；在后台 worker 中运行，不占用页面", "Train a model on the documents marked done (Alt+L); it runs in a worker, off the page";
    SUGGEST_DOC: "建议本文", "This document";
    SUGGEST_DOC_TIP: "为打开的文档生成建议（不含已完成的文档）", "Suggest on the open document (not on documents marked done)";
    SUGGEST_ALL: "建议全部", "All documents";
    SUGGEST_ALL_TIP: "在 worker 中为每篇未完成的文档生成建议", "Suggest on every document not marked done, in the worker";
    THRESHOLD: "阈值", "Threshold";
    THRESHOLD_TIP: "只建议置信度不低于此值的片段", "Suggest spans of this confidence or more";
    REVIEW_ORDER: "审阅顺序", "Review order";
    AUTO_RETRAIN: "文档标为完成时重新训练", "Retrain when documents are marked done";
    SUGGEST_ON_OPEN: "打开文档时给出建议", "Suggest on each document opened";
    LEARN_ALL_DOCS: "从所有文档学习，不只是已完成的", "Learn from every document, not only those done";
    SENDING_TEXTS: "正在发送文本", "Sending the texts";
    PREPARING: "准备中（字符类别）", "Preparing (character classes)";
    ESTIMATING: "正在估计 F1", "Estimating F1";
    SUGGESTING: "正在生成建议", "Suggesting";
    NO_MODEL: "还没有模型：确认片段，把文档标为完成，再点“训练”。", "No model yet: confirm spans, mark documents done, then Train.";
    NO_ESTIMATE: "没有估计：需要至少 5 篇已确认的文档（留出十分之一用于测试）。", "No estimate: it needs 5 or more confirmed documents (a tenth is kept back to test on).";
    PRE_ANNOTATE_TITLE: "预标注", "Pre-annotate";
    PRE_ANNOTATE_HINT: "填充建议层（虚线）；接受之前不会成为片段。最长匹配优先；同一层已确认的片段上不给建议。",
        "Fills the suggestion layer (dashed); nothing becomes a span until you accept it. Longest match wins; nothing is suggested over a confirmed span of the same layer.";
    DICTIONARY_FILE: "词典文件：每行一个 «词<TAB>标签»", "Dictionary file: one «term<TAB>LABEL» per line";
    CONFIRMED_STRINGS: "本项目中已确认的字符串（2 个字符以上）", "The strings confirmed in this project (2 characters or more)";
    PATTERNS: "正则模式：每行一个 «正则表达式<TAB>标签»（JavaScript 语法）", "Patterns: one «regular expression<TAB>LABEL» per line (JavaScript syntax)";
    OVER: "范围", "Over";
    RUN: "运行", "Run";
}

phrases! {
    TEAM_AND_STORAGE;
    TEAM: "团队", "Team";
    MERGE: "合并标注者的文件…", "Merge annotators' files…";
    MERGE_TIP: "其他标注者导出的、同一批文档的项目文件：每人的片段按名字并排加入（一步撤销）",
        "Project files of the same documents exported by other annotators: each one's spans are added beside the others', by name (one undo step)";
    SHOW_WHOSE: "显示", "Show";
    SHOW_WHOSE_TIP: "正文显示谁的片段", "Whose spans the text shows";
    EVERYONE: "所有人", "Everyone";
    AGREEMENT_TIP: "每两位标注者之间、按标签的一致性", "Agreement between every pair of annotators, per label";
    ADJUDICATE: "裁决…", "Adjudicate…";
    ADJUDICATE_TIP: "用键盘逐个处理分歧，建立金标准层", "Walk the disagreements by key and build the gold layer";
    STOP_ADJUDICATING: "结束裁决", "Stop adjudicating";
    STORAGE: "存储", "Storage";
    STORED_HERE_WRITER: "保存在本浏览器的 IndexedDB；本标签页保存每次修改", "IndexedDB in this browser; this tab saves every edit";
    STORED_HERE_READER: "保存在本浏览器的 IndexedDB；由另一个标签页保存，本页只读", "IndexedDB in this browser; another tab saves, this one is read-only";
    OPENING: "正在打开…", "opening…";
    USAGE_UNKNOWN: "用量未知（浏览器没有提供）", "usage unknown (the browser does not say)";
    PERSIST_GRANTED: "持久存储：已获准，空间不足时浏览器也会保留", "persistent: granted, the browser keeps it when space runs short";
    PERSIST_REFUSED: "持久存储：未获准，磁盘空间不足时浏览器可能清除它；请定期导出",
        "persistent: not granted, the browser may clear it when the disk is short of space; export regularly";
    PERSIST_UNASKED: "持久存储：第一次修改后申请", "persistent: asked after your first edit";
    CONFIRM_FREE: "从本浏览器删除保存的项目？请先导出（导出 JSON）留一份副本。", "Delete the project stored in this browser? Export it first (Export JSON) to keep a copy.";
    FREE_STORAGE: "从浏览器删除", "Delete from this browser";
    OTHER_TAB_WRITES: "另一个标签页正在编辑此项目。本页只读，显示那个标签页保存的内容。", "Another tab is editing this project. This tab is read-only and shows what that tab saves.";
    EDIT_HERE: "在此编辑", "Edit here";
    NOTHING: "（无）", "(nothing)";
    OPENING_DOCUMENT: "正在打开文档…", "Opening the document…";
    NO_DISAGREEMENT: "没有待裁决的分歧：每篇文档都已裁决或一致（一致的文档用按钮接受）。",
        "No open disagreement: every document is decided or agreed (take the agreed ones with the button).";
    ADJUDICATION: "裁决", "Adjudication";
    ADJUDICATING: "裁决中", "Adjudicating";
    PREVIOUS_DISAGREEMENT: "上一个分歧（↑ 或 K）", "Previous disagreement (↑ or K)";
    NEXT_DISAGREEMENT: "下一个分歧（↓ 或 J）", "Next disagreement (↓ or J)";
    TAKE_BOTH: "B 全部", "B Both";
    TAKE_BOTH_TIP: "采用每个版本（B），在该层允许重叠时", "Take every version (B), where the layer allows their overlaps";
    EDIT_GOLD: "E 编辑", "E Edit";
    EDIT_GOLD_TIP: "选中该处，再按标签键标入金标准层（E）", "Select the place, then label it by key into the gold layer (E)";
    ACCEPT_AGREED: "接受一致的文档", "Accept agreed documents";
    ACCEPT_AGREED_TIP: "把所有标注者一致的每篇文档一步放入金标准层", "Every document where all annotators agree, into the gold layer in one step";
    STOP: "结束", "Stop";
    STOP_TIP: "结束裁决（Escape）", "Stop adjudicating (Escape)";
}
