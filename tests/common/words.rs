//! Telling the two languages apart in what the interface says: CJK present, and no English
//! word beyond the names the Chinese interface keeps as they are.

pub fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c) || ('\u{ff01}'..='\u{ff5e}').contains(&c))
}

/// English words (three letters or more, lower case) outside the names the Chinese interface
/// keeps as they are.
pub fn english_words(text: &str) -> Vec<String> {
    const KEPT: &[&str] = &[
        "spaCy",
        "rgb",
        "rrggbb",
        "project",
        "doccano",
        "brat",
        "txt",
        "ann",
        "zip",
        "labels",
        "json",
        "tokens",
        "ner_tags",
        "entities",
        "relations",
        "label",
        "annotations",
        "predictions",
        "model_version",
        "biaozhu",
        "suggestions",
        "train",
        "dev",
        "test",
        "localStorage",
        "codepoint",
        "issued_by",
        "gold",
        "kappa",
        "alpha",
        "tsv",
        "jsonl",
        "cue",
        "entity",
        "directive",
    ];
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .flat_map(|w| w.split('-'))
        .filter(|w| w.len() >= 3 && w.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter(|w| !KEPT.contains(w))
        .map(str::to_string)
        .collect()
}
