//! Writes the benchmark workloads as project JSON, deterministically (no randomness, no clock):
//!
//! ```text
//! biaozhu-workload S|M|L|XL OUT.json
//! ```
//!
//! - S: the bundled article with about 150 spans;
//! - M: 100,000 characters (the article repeated) with 5,000 spans;
//! - L: 1,000,000 characters with 20,000 spans;
//! - XL: ten documents like L: 10,000,000 characters with 200,000 spans (storage benchmark).
//!
//! Spans cover every label; one in ten is a directive, and directives hold entities.

use biaozhu::core::project::{BUNDLED_ARTICLE_ID, BUNDLED_ARTICLE_NAME, BUNDLED_ARTICLE_TEXT};
use biaozhu::core::project_json::export_project;
use biaozhu::core::schema::default_schema;
use biaozhu::core::{CharRange, Command, DocId, Document, Project, Session};
use std::process::ExitCode;

const ENTITY_LABELS: [&str; 6] = ["PER", "ORG", "LOC", "DATE", "TITLE", "POLICY"];

/// The article repeated (whole lines) until the text has at least `chars` characters, then cut
/// at a line end.
fn text_of(chars: usize) -> String {
    let mut text = String::new();
    while text.chars().count() < chars {
        text.push_str(BUNDLED_ARTICLE_TEXT);
        if !text.ends_with('\n') {
            text.push('\n');
        }
    }
    text.chars().take(chars).collect()
}

/// Moves `range` forward until it holds no whitespace (spans never cross a line break here).
fn settle(chars: &[char], mut range: CharRange) -> Option<CharRange> {
    while range.end <= chars.len() {
        if chars[range.start..range.end].iter().all(|c| !c.is_whitespace()) {
            return Some(range);
        }
        range = CharRange::new(range.start + 1, range.end + 1);
    }
    None
}

/// `copies` documents of `text`, each with about `spans` spans.
fn workload(text: String, spans: usize, copies: usize) -> Project {
    let mut session = Session::new(Project::new(default_schema()));
    for copy in 0..copies {
        let (id, name) = if copy == 0 {
            (BUNDLED_ARTICLE_ID.to_string(), BUNDLED_ARTICLE_NAME.to_string())
        } else {
            (format!("{BUNDLED_ARTICLE_ID}-{}", copy + 1), format!("{BUNDLED_ARTICLE_NAME} ({})", copy + 1))
        };
        add_annotated(&mut session, DocId(id), name, text.clone(), spans);
    }
    session.project().clone()
}

fn add_annotated(session: &mut Session, doc: DocId, name: String, text: String, spans: usize) {
    let chars: Vec<char> = text.chars().collect();
    let at = session.project().documents().len();
    let document = Document::new(doc.clone(), name, text);
    session.apply(Command::AddDocument { at, doc: Box::new(document) }).expect("a fresh document id");
    let directives = spans / 10;
    let entities = spans - directives;
    // Entities at even strides, 2–4 characters long, labels in turn.
    let stride = chars.len() / entities.max(1);
    let mut added = 0;
    for k in 0..entities {
        let start = k * stride;
        let Some(range) = settle(&chars, CharRange::new(start, start + 2 + k % 3)) else { continue };
        if range.end > (k + 1) * stride {
            continue; // keep to the stride so entities never overlap
        }
        if session.add_span(&doc, range, ENTITY_LABELS[k % ENTITY_LABELS.len()]).is_ok() {
            added += 1;
        }
    }
    // Directives of 12–40 characters at their own stride, holding the entities inside them.
    let stride = chars.len() / directives.max(1);
    for j in 0..directives {
        let start = j * stride + stride / 3;
        let len = (12 + j % 29).min(stride.saturating_sub(1));
        let Some(range) = settle(&chars, CharRange::new(start, start + len)) else { continue };
        if range.end <= (j + 1) * stride && session.add_span(&doc, range, "DIRECTIVE").is_ok() {
            added += 1;
        }
    }
    eprintln!("{doc}: {} characters, {added} spans", chars.len());
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (text, spans, copies) = match args.first().map(String::as_str) {
        Some("S") => (BUNDLED_ARTICLE_TEXT.to_string(), 150, 1),
        Some("M") => (text_of(100_000), 5_000, 1),
        Some("L") => (text_of(1_000_000), 20_000, 1),
        Some("XL") => (text_of(1_000_000), 20_000, 10),
        _ => {
            eprintln!("usage: biaozhu-workload S|M|L|XL OUT.json");
            return ExitCode::FAILURE;
        }
    };
    let Some(out) = args.get(1) else {
        eprintln!("usage: biaozhu-workload S|M|L|XL OUT.json");
        return ExitCode::FAILURE;
    };
    let json = export_project(&workload(text, spans, copies));
    if let Err(e) = std::fs::write(out, json) {
        eprintln!("biaozhu-workload: {out}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
