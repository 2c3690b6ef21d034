//! No input may panic (a panic kills the wasm app) or hang the tab. A fixed-seed budget of
//! mutated inputs, grown from the golden files, the README's example, our own exports and the
//! journal, history and storage records the app stores, goes through every import entry point: the file intake
//! (project JSON, `.txt`, every dataset reader, zips), accepting the dataset review, the schema
//! reader, the undo-history loader and the journal replay. Inputs that once crashed or hung are
//! kept in `tests/fuzz/` and run first, every time.
//!
//! `FUZZ_CASES=2000000 FUZZ_SEED=7 cargo test --release --test core_fuzz` searches longer or
//! elsewhere; a failure prints the case and writes its bytes to `target/fuzz-failures/` to add
//! to the regression folder.

use biaozhu::core::editor::{EditorAction, EditorState};
use biaozhu::core::export::{bundle, run_export, ExportOptions, Format};
use biaozhu::core::history_json::{export_history, resume_session};
use biaozhu::core::import::readers::InFile;
use biaozhu::core::import::LabelChoice;
use biaozhu::core::intake::actions_for_files;
use biaozhu::core::project_json::{export_project, import_project};
use biaozhu::core::schema_edit::import_schema;
use biaozhu::core::session::Session;
use biaozhu::core::*;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::{Duration, Instant};

mod common;

/// About 50 s of cases in a debug build on this project's 2-core machine.
const DEFAULT_CASES: usize = 150_000;
/// One case taking longer than this is a hang (or a quadratic path) to fix.
const SLOW: Duration = Duration::from_secs(3);

/// A small, fixed-seed generator (xorshift64*): the same cases on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Pieces that make parsers take unusual paths: numbers at the edges of their types, offsets
/// backwards, astral characters (whose halves a byte edit can split), CRLF, JSON punctuation.
const TOKENS: &[&str] = &[
    "0",
    "1",
    "-1",
    "4294967296",
    "18446744073709551615",
    "1e30",
    "-4",
    "null",
    "true",
    "[]",
    "{}",
    "\"",
    ",",
    ":",
    "[",
    "]",
    "{",
    "}",
    "\r\n",
    "\n",
    "\t",
    " ",
    "𠀀",
    "😀",
    "👩\u{200d}💻",
    "\u{feff}",
    "\u{3000}",
    "\\u0000",
    "\\ud800",
    "B-PER",
    "I-PER",
    "E-LOC",
    "S-ORG",
    "M-PER",
    "O",
    "T1",
    "R1",
    "A1",
    "#",
    "PK\u{3}\u{4}",
    "\"utf16\"",
    "\"offset_unit\"",
    "\"start\"",
    "\"end\"",
    "\"text\"",
    "\"label\"",
    "\"spans\"",
    "\"relations\"",
    "\"from\"",
    "\"to\"",
    "\"id\"",
    "\"color\"",
];

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(9) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 | 2 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                out.splice(at..at, token.iter().copied());
            }
            3 if !out.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                let at = at.min(end);
                out.drain(at..end);
            }
            4 => {
                // Swap a run of digits for another number, often a wrong offset.
                let digits = out[at..].iter().position(u8::is_ascii_digit).map(|p| at + p);
                if let Some(start) = digits {
                    let end = out[start..]
                        .iter()
                        .position(|b| !b.is_ascii_digit())
                        .map_or(out.len(), |p| start + p);
                    let value = match rng.below(4) {
                        0 => rng.below(10).to_string(),
                        1 => rng.below(2000).to_string(),
                        2 => "4294967295".to_string(),
                        _ => (rng.next() >> 1).to_string(),
                    };
                    out.splice(start..end, value.bytes());
                }
            }
            5 if !out.is_empty() => {
                // Repeat a piece: long lines, long sentences, many records.
                let start = rng.below(out.len());
                let end = (start + 1 + rng.below(64)).min(out.len());
                let piece = out[start..end].to_vec();
                let most = if rng.below(8) == 0 { 2000 } else { 8 };
                let times = 1 + rng.below(most);
                let grown: Vec<u8> = piece.iter().copied().cycle().take(piece.len() * times).collect();
                out.splice(end..end, grown);
            }
            6 => out.truncate(at),
            7 if !out.is_empty() => {
                // Copy a line elsewhere (duplicate ids, records, annotations).
                let text = out.clone();
                let lines: Vec<&[u8]> = text.split(|b| *b == b'\n').collect();
                let line = lines[rng.below(lines.len())];
                let mut with_newline = line.to_vec();
                with_newline.push(b'\n');
                out.splice(at..at, with_newline);
            }
            _ => {
                let i = rng.below(out.len() + 1);
                out.insert(i, rng.next() as u8);
            }
        }
    }
    out
}

/// One input: files handed over together (a single file, a brat pair, a zip).
#[derive(Clone)]
struct Case {
    files: Vec<InFile>,
}

impl Case {
    fn one(name: &str, bytes: Vec<u8>) -> Self {
        Case { files: vec![InFile { name: name.to_string(), bytes }] }
    }
}

fn seeds() -> Vec<Case> {
    let mut seeds = Vec::new();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut brat = Vec::new();
    for entry in std::fs::read_dir(golden).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let plain = name.split("__").last().unwrap().to_string();
        if name.starts_with("brat__") {
            brat.push(InFile { name: plain.clone(), bytes: bytes.clone() });
        }
        seeds.push(Case::one(&plain, bytes));
    }
    seeds.push(Case { files: brat.clone() });
    let project = common::sample_project();
    let exported = export_project(&project);
    seeds.push(Case::one("biaozhu-project.json", exported.clone().into_bytes()));
    seeds.push(Case::one("README-example.json", README_PROJECT.as_bytes().to_vec()));
    seeds.push(Case::one("article.txt", common::TEXT.as_bytes().to_vec()));
    seeds.push(Case::one(
        "msra.txt",
        "中\tB-ORG\r\n国\tE-ORG\r\n人\tO\r\n\r\n李\tB-PER\r\n强\tE-PER\r\n".into(),
    ));
    for format in Format::ALL {
        // Tagged formats hold one layer: the entities.
        let mut options = ExportOptions::new(format);
        if format.is_tagged() {
            options.labels =
                Some(["PER", "ORG", "LOC", "DATE", "TITLE", "POLICY"].map(String::from).to_vec());
        }
        let export = run_export(&project, &options).unwrap();
        seeds.push(Case::one("export.zip", bundle::zip(&export.files).unwrap()));
    }
    seeds.push(Case::one(
        "brat.zip",
        bundle::zip(
            &brat
                .iter()
                .map(|f| biaozhu::core::export::OutFile { path: f.name.clone(), contents: f.bytes.clone() })
                .collect::<Vec<_>>(),
        )
        .unwrap(),
    ));
    // Tables of texts: quoted fields with commas, line breaks and doubled quotes.
    let table = "id,title,text\r\n1,甲,\"郑州市, 𠀀\r\n😀\"\"引\"\"\"\r\n2,,短\r\n";
    seeds.push(Case::one("table.csv", table.as_bytes().to_vec()));
    seeds.push(Case::one("table.tsv", table.replace(',', "\t").into_bytes()));
    seeds
}

/// The README's project example.
const README_PROJECT: &str = r##"{"format": "biaozhu-project", "version": 1, "offset_unit": "codepoint",
 "schema": {"layers": [
  {"name": "directive", "allow_overlap": false, "labels": [{"name": "DIRECTIVE", "zh": "指示", "en": "Directive", "color": "#8e24aa", "hotkey": "i"}]},
  {"name": "entity", "allow_overlap": false, "labels": [{"name": "PER", "zh": "人名", "en": "Person", "color": "#e53935", "hotkey": "p"}]}]},
 "documents": [{"id": "news-1", "name": "新闻", "text": "2024年3月5日，国务院总理李强在北京强调：要加快推进𠀀河新区建设😀，确保高质量发展。",
  "spans": [{"id": 1, "start": 15, "end": 17, "label": "PER", "layer": "entity", "text": "李强"},
            {"id": 2, "start": 23, "end": 34, "label": "DIRECTIVE", "layer": "directive", "text": "要加快推进𠀀河新区建设"}],
  "relations": [{"id": 1, "type": "issued_by", "from": 2, "to": 1}]}]}"##;

/// The journal and history the app stores after a few edits, to mutate.
fn stored_state() -> (String, String) {
    let mut session = Session::new(common::sample_project());
    let doc = DocId::from("news-1");
    let span = session.add_span(&doc, CharRange::new(50, 52), "PER").unwrap();
    session.apply(Command::Relabel { doc: doc.clone(), span, label: "ORG".into() }).unwrap();
    session.apply(Command::SetStatus { doc: doc.clone(), status: DocStatus::Done }).unwrap();
    session.undo();
    let ops = session.take_log();
    let journal = biaozhu::core::journal::join(&biaozhu::core::journal::entries(&ops).unwrap());
    (journal, export_history(&session, 200))
}

type Pairs = Vec<(String, String)>;

/// The sample project as browser storage keeps it: meta record, annotation records, texts.
fn stored_records() -> &'static (String, Pairs, Pairs) {
    static RECORDS: std::sync::OnceLock<(String, Pairs, Pairs)> = std::sync::OnceLock::new();
    RECORDS.get_or_init(|| {
        let project = common::sample_project();
        let (meta, docs) = biaozhu::core::stored::all_records(&project);
        let records = docs.iter().map(|(id, r, _)| (id.0.clone(), r.clone())).collect();
        let texts = docs.iter().map(|(id, _, t)| (id.0.clone(), t.to_string())).collect();
        (meta, records, texts)
    })
}

/// Runs one input through every entry point.
fn run_case(case: &Case, journal_base: &Session) {
    let project = common::sample_project();
    let mut editor = EditorState::new(project.clone(), None);
    for action in actions_for_files(case.files.clone()) {
        let review = matches!(action, EditorAction::DatasetRead { .. });
        editor.apply(action);
        if review {
            // Map every unknown label somewhere, so that accepting places as much as it can.
            let unknown: std::collections::BTreeSet<String> = editor
                .pending_import
                .as_ref()
                .map(|p| {
                    p.parsed.docs.iter().flat_map(|d| d.spans.iter().map(|s| s.label.to_string())).collect()
                })
                .unwrap_or_default();
            for label in unknown {
                if project.schema.label(&label).is_none() {
                    let choice = Some(LabelChoice::Map("PER".into()));
                    editor.apply(EditorAction::MapLabel { label, choice });
                }
            }
            editor.apply(EditorAction::AcceptImport);
            editor.apply(EditorAction::Undo);
            editor.apply(EditorAction::Redo);
        }
    }
    for file in &case.files {
        let text = String::from_utf8_lossy(&file.bytes);
        let _ = import_project(&text);
        let _ = import_schema(&text);
        let mut resumed = resume_session(project.clone(), Some(&text)).0;
        while resumed.undo() {}
        let mut session = journal_base.clone();
        let _ = biaozhu::core::journal::replay(&mut session, &text);
        // The records browser storage keeps, damaged: as the meta record, then as a document's.
        let (meta, records, texts) = stored_records();
        let _ = biaozhu::core::stored::assemble(&text, records.clone(), texts.clone());
        let damaged = records.iter().map(|(id, _)| (id.clone(), text.to_string())).collect();
        let _ = biaozhu::core::stored::assemble(meta, damaged, texts.clone());
    }
}

fn failure_report(label: &str, case: &Case, what: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures");
    std::fs::create_dir_all(&dir).unwrap();
    let mut names = Vec::new();
    for (i, file) in case.files.iter().enumerate() {
        let path = dir.join(format!("{label}-{i}-{}", file.name));
        std::fs::write(&path, &file.bytes).unwrap();
        names.push(path.display().to_string());
    }
    format!("{label}: {what} (input written to {})", names.join(", "))
}

/// The regression cases: every file in `tests/fuzz/`; a folder there is one case of several
/// files (a brat pair).
fn regressions() -> Vec<(String, Case)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz");
    let mut cases = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name == "README.md" {
            continue;
        }
        let files = if path.is_dir() {
            let mut inner: Vec<_> = std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()).collect();
            inner.sort();
            inner
                .into_iter()
                .map(|p| InFile {
                    name: p.file_name().unwrap().to_string_lossy().to_string(),
                    bytes: std::fs::read(&p).unwrap(),
                })
                .collect()
        } else {
            vec![InFile { name: name.clone(), bytes: std::fs::read(&path).unwrap() }]
        };
        cases.push((name, Case { files }));
    }
    cases
}

fn check(label: &str, case: &Case, base: &Session, failures: &mut Vec<String>) {
    let started = Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(|| run_case(case, base)));
    let took = started.elapsed();
    if let Err(panic) = outcome {
        let message = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        failures.push(failure_report(label, case, &format!("panicked: {message}")));
    } else if took > SLOW {
        failures.push(failure_report(label, case, &format!("took {took:?}")));
    }
}

#[test]
fn no_input_panics_or_hangs() {
    let cases: usize = std::env::var("FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(DEFAULT_CASES);
    let (journal, history) = stored_state();
    let base = Session::new(common::sample_project());
    let mut failures = Vec::new();
    let regressions = regressions();
    let mut seeds = seeds();
    std::panic::set_hook(Box::new(|_| {}));
    for (name, case) in regressions {
        check(&format!("regression {name}"), &case, &base, &mut failures);
    }
    seeds.push(Case::one("journal", journal.into_bytes()));
    seeds.push(Case::one("history", history.into_bytes()));
    let (meta, records, _) = stored_records();
    seeds.push(Case::one("stored-meta", meta.clone().into_bytes()));
    seeds.push(Case::one("stored-record", records[0].1.clone().into_bytes()));
    // FUZZ_SEED explores other sequences; the default is what CI runs.
    let seed = std::env::var("FUZZ_SEED").ok().and_then(|n| n.parse().ok()).unwrap_or(0x5EED_B1A0_2026_u64);
    let mut rng = Rng(seed | 1);
    for n in 0..cases {
        let seed = &seeds[n % seeds.len()];
        let mut case = seed.clone();
        let which = rng.below(case.files.len());
        case.files[which].bytes = mutate(&mut rng, &case.files[which].bytes);
        check(&format!("case {n}"), &case, &base, &mut failures);
        if failures.len() >= 10 {
            break;
        }
    }
    let _ = std::panic::take_hook();
    assert!(failures.is_empty(), "{} failing input(s):\n{}", failures.len(), failures.join("\n"));
    println!("{cases} fuzzed inputs: no panic, none slower than {SLOW:?}");
}
