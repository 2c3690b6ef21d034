//! A dataset import in steps (`import::job`) opens the same review as the import at once,
//! whatever the size of the steps, and reports its progress in order.
use biaozhu::core::editor::*;
use biaozhu::core::import::job::{Doing, ImportJob, ImportStep};
use biaozhu::core::import::readers::InFile;
use biaozhu::core::intake::{actions_for_files, classify, Intake};
use biaozhu::core::*;
use biaozhu::ui::words::outcomes::english;

/// A CoNLL corpus of `n` sentences with 𠀀 and emoji in the tokens, CRLF line ends, and a
/// label outside the schema (`NR`, which the review maps to PER).
fn corpus(n: usize) -> String {
    let mut out = String::from("-DOCSTART- O\r\n\r\n");
    for i in 0..n {
        out.push_str(&format!("𠀀 B-NR\r\n{} I-NR\r\n😀 O\r\n在 O\r\n郑 B-LOC\r\n州 E-LOC\r\n\r\n", i % 10));
    }
    out
}

/// The review a job opens, stepping `budget` bytes at a time, and its progress reports.
fn run(files: Vec<InFile>, budget: usize) -> (Vec<EditorAction>, Vec<(Doing, usize, usize)>) {
    let project = Project::bundled();
    let mut reports = Vec::new();
    let mut actions = Vec::new();
    for intake in classify(files) {
        match intake {
            Intake::Now(action) => actions.push(action),
            Intake::Dataset(dataset) => {
                let mut job = ImportJob::new(dataset);
                loop {
                    match job.step(&project, 0, budget) {
                        ImportStep::Working { doing, done, total } => reports.push((doing, done, total)),
                        ImportStep::Done(done) => {
                            actions.extend(done);
                            break;
                        }
                    }
                }
            }
        }
    }
    (actions, reports)
}

/// The review that the actions open on the bundled project.
fn review(actions: Vec<EditorAction>) -> EditorState {
    let mut state = EditorState::new(Project::bundled(), None);
    for action in actions {
        state.apply(action);
    }
    state
}

fn file(name: &str, text: &str) -> Vec<InFile> {
    vec![InFile { name: name.into(), bytes: text.as_bytes().to_vec() }]
}

#[test]
fn a_corpus_read_in_pieces_of_any_size_gives_the_review_read_at_once() {
    let text = corpus(40);
    let at_once = review(actions_for_files(file("msra_train.txt", &text)));
    let expected = at_once.pending_import.as_ref().expect("a review");
    assert_eq!(expected.plan.docs.len(), 40);
    for budget in [1, 7, 64, 1000, usize::MAX] {
        let (actions, reports) = run(file("msra_train.txt", &text), budget);
        let state = review(actions);
        let got = state.pending_import.as_ref().expect("a review");
        assert_eq!(got.plan, expected.plan, "budget {budget}");
        assert_eq!(got.mapping, expected.mapping, "budget {budget}");
        assert_eq!(got.parsed, expected.parsed, "budget {budget}");
        assert!(got.as_text.is_some(), "a .txt corpus can still be kept as text");
        // Reading, then placing, each counting up to its total.
        let reading: Vec<_> = reports.iter().filter(|r| r.0 == Doing::Reading).collect();
        let placing: Vec<_> = reports.iter().filter(|r| r.0 == Doing::Placing).collect();
        assert!(reports.iter().position(|r| r.0 == Doing::Placing) >= Some(reading.len()));
        assert!(reading.windows(2).all(|w| w[0].1 < w[1].1 && w[1].1 <= w[1].2), "{reading:?}");
        assert!(placing.windows(2).all(|w| w[0].1 <= w[1].1 && w[1].1 <= w[1].2), "{placing:?}");
        assert!(placing.iter().all(|r| r.2 == 40));
        if budget == 1 {
            assert!(reading.len() > 100 && placing.len() >= 40, "{} {}", reading.len(), placing.len());
        }
    }
}

#[test]
fn the_spans_land_on_their_characters() {
    let (actions, _) = run(file("c.conll", &corpus(3)), 5);
    let state = review(actions);
    let plan = &state.pending_import.as_ref().unwrap().plan;
    let doc = &plan.docs[1];
    assert_eq!(doc.text(), "𠀀1😀在郑州");
    let spans: Vec<_> =
        doc.spans().iter().map(|s| (s.label.to_string(), doc.slice(s.range).to_string())).collect();
    assert_eq!(spans, vec![("PER".to_string(), "𠀀1".to_string()), ("LOC".to_string(), "郑州".to_string())]);
    assert_eq!(doc.name, "c.conll 2");
}

#[test]
fn a_broken_line_is_named_by_its_number_and_nothing_is_imported() {
    let mut text = corpus(5);
    text.push_str("甲 B-PER\r\n乙 X-PER\r\n");
    for budget in [3, usize::MAX] {
        let (actions, _) = run(file("bad.conll", &text), budget);
        let [EditorAction::Say(notice)] = &actions[..] else { panic!("{actions:?}") };
        let message = english(notice);
        assert!(message.contains("bad.conll line 39"), "{message}");
        assert!(message.contains("X-PER"), "{message}");
    }
    // A .txt that looks tagged (its first 200 lines) but breaks later is opened as plain
    // text, with the reason.
    let mut text = corpus(40);
    text.push_str("甲 B-PER\r\n乙 X-PER\r\n");
    let (actions, _) = run(file("notes.txt", &text), 3);
    let [EditorAction::AddDocument { .. }, EditorAction::Say(notice)] = &actions[..] else {
        panic!("{actions:?}")
    };
    let message = english(notice);
    assert!(message.contains("line 284"), "{message}");
}

#[test]
fn jsonl_is_read_in_pieces_and_other_formats_in_one_step() {
    let lines: String = (0..30)
        .map(|i| format!("{{\"text\": \"第{i}号 徐立毅 𠀀😀\", \"label\": [[4, 7, \"PER\"]]}}\r\n\n"))
        .collect();
    let at_once = review(actions_for_files(file("d.jsonl", &lines)));
    let expected = &at_once.pending_import.as_ref().expect("a review").plan;
    assert_eq!(expected.docs.len(), 30);
    assert_eq!(expected.docs[29].name, "d.jsonl 59", "named after its line");
    for budget in [1, 40, usize::MAX] {
        let (actions, reports) = run(file("d.jsonl", &lines), budget);
        let state = review(actions);
        assert_eq!(&state.pending_import.as_ref().unwrap().plan, expected, "budget {budget}");
        let reading = reports.iter().filter(|r| r.0 == Doing::Reading).count();
        assert!(budget == usize::MAX || reading > 10, "{reports:?}");
    }
    // A broken line is named by its number, whatever the step.
    let broken = format!("{lines}{{\"text\": \"x\", \"label\": [[0, 9, \"PER\"]\n");
    let (actions, _) = run(file("d.jsonl", &broken), 7);
    let [EditorAction::Say(notice)] = &actions[..] else { panic!("{actions:?}") };
    let message = english(notice);
    assert!(message.contains("d.jsonl line 61"), "{message}");

    // One JSON value is read in one step: one report before it is parsed, then the placing.
    let one = "{\"text\": \"徐立毅𠀀\", \"label\": [[0, 3, \"PER\"]]}";
    let (actions, reports) = run(file("one.json", one), 1);
    assert_eq!(review(actions).pending_import.as_ref().unwrap().plan.docs.len(), 1);
    assert!(matches!(reports[..], [(Doing::Reading, 0, _), (Doing::Placing, 0, 1), ..]), "{reports:?}");
    // A project file and a plain text are not datasets: they are acted on at once.
    let project = biaozhu::core::project_json::export_project(&Project::bundled());
    let (actions, reports) = run(file("p.json", &project), 10);
    assert!(matches!(&actions[..], [EditorAction::ImportProject { .. }]) && reports.is_empty());
}

#[test]
fn a_large_text_file_is_told_a_corpus_by_its_first_lines_and_checked_as_it_is_read() {
    // Over the part looked at (64 KB), which is cut inside a line, and (shifted a byte at a
    // time) at every byte of the character there.
    for shift in 0..4 {
        let text = "\n".repeat(shift) + &corpus(3000);
        assert!(text.len() > 128 * 1024);
        let (actions, _) = run(file("big.txt", &text), 4096);
        let state = review(actions);
        let pending = state.pending_import.as_ref().expect("a corpus to review");
        assert_eq!(pending.plan.docs.len(), 3000);
        assert_eq!(pending.as_text.as_ref().unwrap().decode().unwrap(), text, "kept whole, to keep as text");
    }
    let text = corpus(3000);
    // A byte that is not UTF-8 after the part looked at: the reading names its offset, and the
    // file is not opened as text either.
    let mut bytes = text.clone().into_bytes();
    let at = bytes.len() - 10;
    bytes[at] = 0xff;
    let (actions, _) = run(vec![InFile { name: "big.txt".into(), bytes }], 4096);
    let [EditorAction::Say(notice)] = &actions[..] else { panic!("{actions:?}") };
    let message = english(notice);
    assert!(message.contains(&format!("invalid byte at offset {at}")), "{message}");
    // Within the part looked at, it is refused at once, as any text file.
    let mut bytes = text.into_bytes();
    bytes[100] = 0xff;
    let [Intake::Now(EditorAction::Say(notice))] =
        &classify(vec![InFile { name: "big.txt".into(), bytes }])[..]
    else {
        panic!("refused at once")
    };
    assert!(english(notice).contains("offset 100"), "{}", english(notice));
}
