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

/// Every group of phrases.
pub const GROUPS: &[&[Phrase]] = &[
    TOOLBAR,
    TEXT_VIEW,
    PANELS,
    LEARNING,
    TEAM_AND_STORAGE,
    DIALOGS,
    IMPORTING,
    SCHEMA_EDITOR,
    EXPORTING,
    STORAGE_MESSAGES,
    TASK_MESSAGES,
];

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
    NEW_DOC: "＋ 新文档", "+ New document";
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
    PREVIOUS_SUGGESTION: "上一条建议（,）", "Previous suggestion (,)";
    NEXT_SUGGESTION: "下一条建议（.）", "Next suggestion (.)";
    ACCEPT: "接受", "Accept";
    ACCEPT_TIP: "接受（Enter；按标签键则以该标签接受）", "Accept (Enter; a label key accepts with that label)";
    REJECT: "拒绝", "Reject";
    REJECT_TIP: "拒绝（Backspace）", "Reject (Backspace)";
    ACCEPT_ALIKE: "同类全部", "All alike";
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
    TRAIN_TIP: "用标为完成的文档训练模型（Alt+L）；在后台线程中运行，不占用页面", "Train a model on the documents marked done (Alt+L); it runs in a worker, off the page";
    SUGGEST_DOC: "建议本文", "This document";
    SUGGEST_DOC_TIP: "为打开的文档生成建议（不含已完成的文档）", "Suggest on the open document (not on documents marked done)";
    SUGGEST_ALL: "建议全部", "All documents";
    SUGGEST_ALL_TIP: "在后台线程中为每篇未完成的文档生成建议", "Suggest on every document not marked done, in the worker";
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

phrases! {
    DIALOGS;
    NEW_DOC_TITLE: "新文档", "New document";
    DOC_NAME: "名称", "Name";
    DOC_NAME_PLACEHOLDER: "取自文件名或第一行", "from the file name or the first line";
    DOC_TEXT: "文本（粘贴在这里）", "Text (paste here)";
    DOC_FILE: "或选择 UTF-8 编码的 .txt 文件", "Or pick a UTF-8 .txt file";
    CREATE: "创建", "Create";
    READING_DATASET: "正在读取数据集", "Reading a dataset";
    IMPORT_PROGRESS: "导入进度", "Import progress";
    GOLD_DIFFERS: "金标准与此人的差异：", "Where gold differs from";
    YOURS_NOT_GOLD: "你标了，金标准没有", "yours, not in gold";
    GOLD_NOT_YOURS: "金标准有，你没标", "in gold, not yours";
    AGREEMENT_EMPTY: "一致性需要两位标注者对同一批文档的标注：请先合并他们的项目文件。",
        "Agreement needs two annotators' work on the same documents: merge their project files first.";
    AGREEMENT_TABLE: "每对标注者、每个标签的一致性", "Agreement per pair and label";
    COLUMN_LABEL: "标签", "Label";
    COLUMN_DOCS: "文档", "Docs";
    COLUMN_A_SPANS: "A 片段", "A spans";
    COLUMN_B_SPANS: "B 片段", "B spans";
    F1_EXACT: "F1 精确", "F1 exact";
    F1_EXACT_TIP: "起止和标签都相同的片段", "Spans with the same start, end and label";
    F1_OVERLAP: "F1 重叠", "F1 overlap";
    F1_OVERLAP_TIP: "标签相同且至少共享一个字符的片段", "Spans of the same label sharing a character";
    KAPPA: "κ 字符", "κ chars";
    KAPPA_TIP: "每个字符的 B/I/O 标签上的 Cohen's kappa", "Cohen's kappa over B/I/O tags of every character";
    ALPHA_TIP: "字符位置上的 Krippendorff 划分 alpha（αu）", "Krippendorff's unitizing alpha over character positions";
    RELATION_F1: "关系 F1", "Rel. F1";
    RELATION_F1_TIP: "类型相同、两端都完全一致的关系", "Relations of the same type whose both ends match exactly";
    ATTRIBUTES_AGREE: "属性", "Attr.";
    ATTRIBUTES_TIP: "完全一致的片段上取值相同的属性", "Attributes with the same value on exactly matching spans";
    AGREEMENT_TITLE: "标注者之间的一致性", "Agreement between annotators";
    AGREEMENT_HELP: "基于两位标注者都标过的文档。空单元格：无定义（双方都没有该标签的片段，或全部是同一个标签）。README 解释了每个指标。",
        "On the documents both annotators worked on. An empty cell: not defined (no spans of that label on either side, or one tag throughout). The README explains each figure.";
    DOWNLOAD_CSV: "下载 CSV", "Download CSV";
}

phrases! {
    IMPORTING;
    IMPORT_DATASET: "导入数据集", "Import dataset";
    IMPORT_TITLE: "导入", "Import";
    IMPORT_ACCEPT: "导入", "Import";
    MAP_CHOOSE: "— 请选择（尚未导入）—", "— choose (not imported yet) —";
    MAP_DROP: "不导入这些片段", "leave these spans out";
    UNIT_QUESTION: "这个文件的偏移按什么单位计数？", "How does the file count offsets?";
    UNIT_EXPLAINED: "文件没有说明；下面几种读法都与正文同样吻合，但把片段放在不同位置。请选片段看起来正确的那一种：",
        "The file does not say, and these readings fit its text equally well but put spans in different places. Pick the one whose spans look right:";
    TEXT_COLUMN: "正文列", "Text column";
    READS_AS_CORPUS: "这个文本文件读起来像带标签的语料（每行一个词和一个标签），所以按语料导入。",
        "This text file reads as a tagged corpus (a token and a tag on each line), so it is offered as one.";
    KEEP_AS_TEXT: "保留为一篇纯文本文档", "Keep it as one plain text document";
    LABELS_NOT_IN_SCHEMA: "不在标签体系中的标签", "Labels not in the schema";
}

phrases! {
    SCHEMA_EDITOR;
    SCHEMA_TITLE: "标签体系", "Schema";
    LAYERS_AND_LABELS: "层与标签", "Layers and labels";
    RELATION_TYPES: "关系类型", "Relation types";
    ATTRIBUTES: "属性", "Attributes";
    LAYER: "层", "layer";
    RELATION: "关系", "relation";
    ATTRIBUTE: "属性", "attribute";
    NEW_LABEL: "新标签", "New label";
    COL_NAME: "名称", "name";
    COL_ZH: "中文名", "Chinese";
    COL_EN: "英文名", "English";
    COL_COLOUR: "颜色", "colour";
    COL_KEY: "按键", "key";
    COL_ACTIONS: "操作", "actions";
    COL_FROM: "起点", "from";
    COL_TO: "终点", "to";
    COL_ON_LABELS: "用于标签", "on labels";
    COL_VALUES: "取值", "values";
    COL_VALUES_HELP: "取值（逗号分隔；空 = 自由文本）", "values (comma-separated; empty = free text)";
    FREE_TEXT: "自由文本", "free text";
    MOVE_UP: "上移", "Move up";
    MOVE_DOWN: "下移", "Move down";
    DELETE_LABEL: "删除标签", "Delete label";
    DELETE_RELATION_TYPE: "删除关系类型", "Delete relation type";
    DELETE_ATTRIBUTE: "删除属性", "Delete attribute";
    LAYER_OVERLAP: "本层片段可以重叠", "spans of this layer may overlap";
    DELETE_LAYER: "× 删除层", "× layer";
    DELETE_LAYER_TIP: "只有空层可以删除", "Only an empty layer can be deleted";
    ADD_LABEL: "+ 标签", "+ label";
    ADD_LAYER: "+ 层", "+ layer";
    ADD_RELATION_TYPE: "+ 关系类型", "+ relation type";
    ADD_ATTRIBUTE: "+ 属性", "+ attribute";
    SCHEMA_WORKING: "正在计算应用后的变化…", "Working out what applying would do…";
    EXPORT_SCHEMA: "导出标签体系", "Export schema";
    IMPORT_SCHEMA: "导入标签体系…", "Import schema…";
    DELETE_AND_APPLY: "删除并应用", "Delete and apply";
    APPLY: "应用", "Apply";
}

phrases! {
    EXPORTING;
    EXPORT_TITLE: "导出数据集", "Export dataset";
    EXPORT_CANCELLED: "导出已取消；没有下载任何文件。", "The export was cancelled; nothing was downloaded.";
    BUILD_AGAIN: "重新生成", "Build again";
    DOWNLOAD: "下载", "Download";
    BUILDING_EXPORT: "正在生成导出文件并检查…", "Building the export and checking it…";
    EXPORT_PROGRESS: "导出进度", "Export progress";
    CROSSING_MERGED: "已合并它们跨越的单位而保留", "kept by merging the units they join";
    CROSSING_DROPPED: "未导出", "left out of the export";
    EXPORT_PREVIEW: "导出内容预览", "Preview of the export";
    FORMAT: "格式", "Format";
    UNITS: "单位", "Units";
    UNIT_DOCUMENTS: "整篇文档", "whole documents";
    UNIT_PARAGRAPHS: "段落", "paragraphs";
    UNIT_SENTENCES: "句子（。！？；…）", "sentences (。！？；…)";
    CROSSING: "跨单位的片段", "Spans across units";
    CROSSING_MERGE: "保留：合并单位", "keep: merge the units";
    CROSSING_DROP: "丢弃该片段", "drop the span";
    EXPORT_ANNOTATOR: "标注者", "Annotator";
    EXPORT_ANNOTATOR_TIP: "导出谁的片段：所有人的、某一位标注者的，或裁决后的金标准层",
        "Whose spans are exported: everyone's together, one annotator's, or the adjudicated gold layer";
    ALL_DOCUMENTS: "所有文档", "all documents";
    DONE_DOCUMENTS: "标为完成的文档", "documents marked done";
    OPEN_DOCUMENT: "当前打开的文档", "the open document";
    TAG_SCHEME: "标签方案", "Tags";
    LS_ANNOTATIONS: "annotations（标注）", "annotations";
    LS_PREDICTIONS: "predictions（预测）", "predictions";
    SUGGESTIONS_AS_PREDICTIONS: "建议作为预测", "Suggestions as predictions";
    SUGGESTIONS_AS_PREDICTIONS_TIP: "把建议层作为每个任务的第二个预测（model_version biaozhu-suggestions）；绝不作为标注",
        "The suggestion layer as a second prediction of each task (model_version biaozhu-suggestions); never as annotations";
    LABELS: "标签：", "Labels:";
    SPLIT: "划分 train/dev/test", "train/dev/test split";
    SEED: "随机种子", "seed";
}

phrases! {
    STORAGE_MESSAGES;
    LOCK_REFUSED: "无法取得项目锁", "the project lock could not be taken";
    ONLY_WRITER_DELETES: "只有正在编辑项目的标签页可以删除它", "only the tab that edits the project can delete it";
    MIGRATED: "已迁移：本浏览器保存在 localStorage 中的项目现在在 IndexedDB 中，它能容纳大得多的项目，并把每次修改写入磁盘；没有遗留任何内容",
        "Moved: the project this browser kept in localStorage is now in IndexedDB, which holds far larger projects and commits every edit to disk; nothing was left behind";
    PROJECT_DELETED: "已从本浏览器删除保存的项目；现在显示自带的文章", "the stored project was deleted from this browser; the bundled article is shown";
}

phrases! {
    TASK_MESSAGES;
    NOTHING_TO_PRE_ANNOTATE: "请选择词典文件、项目中已确认的字符串，或写一条正则", "choose a dictionary file, the project's confirmed strings or write a pattern";
    NOTHING_TO_LEARN_DONE: "还没有可学习的内容：在一些文档中确认片段并把它们标为完成", "nothing to learn from yet: confirm spans in some documents and mark them done";
    NOTHING_TO_LEARN_ANY: "还没有可学习的内容：没有文档含有片段", "nothing to learn from yet: no document has spans";
    CRASH_STOPPED: "标注已停止：内部错误结束了应用", "biaozhu stopped: an internal error ended the app";
    CRASH_KEPT: "所有显示为“已保存”的内容都保留在本浏览器中，重新加载页面即可恢复。上次保存之后的修改在下面的文件里。",
        "Everything shown as Saved is kept in this browser and comes back when you reload the page. Edits made since the last save are in the file below.";
    CRASH_DOWNLOAD: "下载内存中的项目（biaozhu-project.json）", "Download the project as it was in memory (biaozhu-project.json)";
    CRASH_RELOAD: "重新加载页面以继续。", "Reload the page to go on.";
    MODEL_GONE: "模型已不在存储中：请重新训练", "the model is not in storage any more: train again";
}
