//! The suggestion model from outside the core: learning from a project, and the command-line
//! twin `biaozhu-learn` on tagged files made here (the MSRA figures are the benchmark's job).

use biaozhu::core::learn::{project_examples, Confirmed, Tagger};
use biaozhu::core::project_json::export_project;
mod common;
use common::learn::{project, sentence};
use std::path::PathBuf;
use std::process::Command as Process;

/// `count` sentences as a BMES character-tag file (CRLF, as MSRA's are).
fn bmes(count: usize, offset: usize) -> String {
    let mut out = String::new();
    for k in offset..offset + count {
        let (text, spans) = sentence(k);
        for (i, c) in text.chars().enumerate() {
            let tag = spans
                .iter()
                .find(|(s, e, _)| (*s..*e).contains(&i))
                .map(|&(s, e, label)| {
                    let part = if e - s == 1 {
                        "S"
                    } else if i == s {
                        "B"
                    } else if i + 1 == e {
                        "E"
                    } else {
                        "M"
                    };
                    format!("{part}-{label}")
                })
                .unwrap_or_else(|| "O".into());
            out.push_str(&format!("{c} {tag}\r\n"));
        }
        out.push_str("\r\n");
    }
    out
}

fn scratch(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("biaozhu-learn-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn learn(args: &[&str]) -> (bool, String, String) {
    let out = Process::new(env!("CARGO_BIN_EXE_biaozhu-learn")).args(args).output().expect("runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn the_command_line_trains_scores_and_saves_a_model() {
    let train = scratch("train.txt", bmes(120, 0).as_bytes());
    let test = scratch("test.txt", bmes(40, 500).as_bytes());
    let model = std::env::temp_dir().join(format!("biaozhu-learn-model-{}.bin", std::process::id()));
    let (ok, out, err) = learn(&[
        train.to_str().unwrap(),
        "--eval",
        test.to_str().unwrap(),
        "--epochs",
        "4",
        "--seed",
        "3",
        "--save",
        model.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("training on 120 texts"), "{out}");
    let overall = out.lines().find(|l| l.starts_with("overall")).expect("an overall line");
    let f1: f64 = overall.split_whitespace().nth(3).unwrap().parse().unwrap();
    assert!(f1 > 0.9, "{out}");
    for label in ["PER", "LOC"] {
        assert!(out.lines().any(|l| l.starts_with(label)), "{out}");
    }
    assert!(out.contains("training time") && out.contains("MB"), "{out}");
    let tagger = Tagger::from_bytes(&std::fs::read(&model).unwrap()).expect("the saved model reads back");
    let chars: Vec<char> = "上午，张𠀀明在登封调研。".chars().collect();
    let found: Vec<(usize, usize)> =
        tagger.predict(&chars).iter().map(|p| (p.range.start, p.range.end)).collect();
    assert_eq!(found, vec![(3, 6), (7, 9)]);

    // --limit takes a sample of that size.
    let (ok, out, _) = learn(&[train.to_str().unwrap(), "--limit", "30", "--epochs", "1"]);
    assert!(ok && out.contains("training on 30 texts (") && out.contains("90 more unannotated"), "{out}");
}

#[test]
fn the_command_line_names_what_is_wrong() {
    let (ok, _, err) = learn(&["/no/such/file.txt"]);
    assert!(!ok && err.contains("/no/such/file.txt"), "{err}");
    let broken = scratch("broken.txt", "郑 B-LOC\n州 E-LOC\n\n市 X-LOC\n".as_bytes());
    let (ok, _, err) = learn(&[broken.to_str().unwrap()]);
    assert!(!ok && err.contains("line 4"), "{err}");
    let train = scratch("small.txt", bmes(5, 0).as_bytes());
    let (ok, _, err) = learn(&[train.to_str().unwrap(), "--epochs", "many"]);
    assert!(!ok && err.contains("--epochs takes a number"), "{err}");
    let (ok, _, err) = learn(&[train.to_str().unwrap(), "--frobnicate"]);
    assert!(!ok && err.contains("unknown option --frobnicate"), "{err}");
}

#[test]
fn a_project_gives_its_done_documents_with_the_labels_of_its_busiest_layer() {
    let p = project(10, 4);
    let (labels, examples) = project_examples(&p, None, Confirmed::Done);
    assert_eq!(examples.len(), 4);
    assert!(labels.contains(&"PER".to_string()) && !labels.contains(&"DIRECTIVE".to_string()), "{labels:?}");
    let per = labels.iter().position(|l| l == "PER").unwrap() as u16;
    assert_eq!(examples[0].spans.iter().filter(|s| s.label == per).count(), 1);
    let (_, all) = project_examples(&p, None, Confirmed::All);
    assert_eq!(all.len(), 10);
    let (directive_labels, directive_examples) = project_examples(&p, Some("directive"), Confirmed::All);
    assert!(directive_labels.contains(&"DIRECTIVE".to_string()), "{directive_labels:?}");
    assert!(directive_examples.iter().all(|e| e.spans.is_empty()));
}

#[test]
fn the_command_line_reads_project_files() {
    let path = scratch("project.json", export_project(&project(60, 60)).as_bytes());
    let (ok, out, err) = learn(&[path.to_str().unwrap(), "--eval", path.to_str().unwrap(), "--epochs", "3"]);
    assert!(ok, "{err}");
    assert!(out.contains("training on 60 texts"), "{out}");
    let overall = out.lines().find(|l| l.starts_with("overall")).expect("an overall line");
    assert!(overall.split_whitespace().nth(3).unwrap().parse::<f64>().unwrap() > 0.9, "{out}");
}
