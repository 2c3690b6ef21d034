//! The reading worker's wire (`import::reading`): whatever the readers make of a dataset, read
//! or refused, reaches the page as the same `Parsed` or `ReadError` after its replies have gone
//! through JSON one by one, in pieces of any size.
use biaozhu::core::export::{run_export, ExportOptions, Format, OutFile};
use biaozhu::core::import::job::{ReadJob, ReadStep};
use biaozhu::core::import::readers::{parse, InFile, ReadError};
use biaozhu::core::import::reading::{replies, Assembled, Assembly, Handing, ReadReply, ReadRequest};
use biaozhu::core::import::Parsed;

mod common;

fn file(name: &str, text: &str) -> Vec<InFile> {
    vec![InFile { name: name.into(), bytes: text.as_bytes().to_vec() }]
}

fn export(format: Format) -> Vec<OutFile> {
    run_export(&common::sample_project(), &ExportOptions::new(format)).unwrap().files
}

fn exported(format: Format) -> Vec<InFile> {
    export(format).into_iter().map(|f| InFile { name: f.path, bytes: f.contents }).collect()
}

/// Datasets of every kind the readers know, and ones they refuse.
fn datasets() -> Vec<(&'static str, Vec<InFile>)> {
    let conll = "𠀀 B-PER\r\n强 I-PER\r\n😀 O\r\n\r\n郑 B-LOC\r\n州 E-LOC\r\n".repeat(30);
    let zipped = biaozhu::core::export::bundle::bundle("brat", export(Format::Brat)).unwrap();
    vec![
        ("CoNLL with 𠀀 and emoji, CRLF", file("msra.txt", &conll)),
        ("spaCy JSONL", exported(Format::Spacy)),
        ("doccano JSONL", exported(Format::DoccanoEntities)),
        ("Label Studio JSON", exported(Format::LabelStudio)),
        ("W3C", exported(Format::W3c)),
        ("brat in a zip", vec![InFile { name: zipped.name, bytes: zipped.bytes }]),
        ("CSV table", file("t.csv", "id,text\n1,\"𠀀, 😀\"\n2,\n3,郑州\n")),
        (
            "Prodigy rejects",
            file(
                "p.jsonl",
                "{\"text\":\"a\",\"spans\":[],\"answer\":\"reject\"}\n{\"text\":\"b\",\"spans\":[]}\n",
            ),
        ),
        ("broken JSON", file("x.jsonl", "{\"text\": \"a\"}\n{oops\n")),
        ("not UTF-8", vec![InFile { name: "x.conll".into(), bytes: vec![b'a', 0xff, b'\n'] }]),
        ("not a zip", vec![InFile { name: "x.zip".into(), bytes: b"PK\x03\x04broken".to_vec() }]),
        (
            "mixed formats",
            [file("a.jsonl", "{\"text\":\"a\",\"label\":[]}\n"), file("b.csv", "text\nb\n")].concat(),
        ),
        ("unknown JSON", file("x.json", "[1, 2]")),
        ("bad tag", file("c.conll", "李\tB-PER\n强\tX-PER\n")),
    ]
}

/// What the page assembles from the worker's replies for `files`, read `budget` bytes at a time
/// and sent in pieces of `piece_bytes`, each reply through JSON; after the reading, each reply
/// is handed over when the page asks for more (as the page does after each piece of documents).
fn over_the_wire(files: Vec<InFile>, budget: usize, piece_bytes: usize) -> Result<Parsed, ReadError> {
    let mut job = ReadJob::new(files);
    let mut sent = Vec::new();
    let result = loop {
        match job.step(budget) {
            ReadStep::Working { done, total } => {
                assert!(done <= total, "{done} of {total}");
                sent.push(ReadReply::Progress { done, total });
            }
            ReadStep::Finished(result) => break result,
        }
    };
    let mut handing = Handing::default();
    sent.extend(handing.start(replies(result, piece_bytes)));
    let mut assembly = Assembly::default();
    let mut n = 0;
    while n < sent.len() {
        let reply = ReadReply::from_json(&sent[n].to_json()).unwrap_or_else(|e| panic!("reply {n}: {e}"));
        n += 1;
        let asks_more = matches!(reply, ReadReply::Docs(_));
        if let Assembled::Finished(result) = assembly.take(reply) {
            assert_eq!(n, sent.len(), "nothing follows the last reply");
            assert_eq!(handing.hand_next(), None, "nothing is left to hand over");
            return result;
        }
        if asks_more {
            let more = ReadRequest::from_json(&ReadRequest::More.to_json()).unwrap();
            assert_eq!(more, ReadRequest::More);
            sent.extend(handing.hand_next());
        }
    }
    panic!("no last reply came")
}

#[test]
fn every_dataset_reaches_the_page_as_read_whatever_the_pieces() {
    for (what, files) in datasets() {
        let expected = parse(&files);
        for (budget, piece_bytes) in [(usize::MAX, usize::MAX), (7, 1), (64, 100), (4096, 0)] {
            let got = over_the_wire(files.clone(), budget, piece_bytes);
            assert_eq!(got, expected, "{what}, budget {budget}, pieces of {piece_bytes}");
        }
    }
}

#[test]
fn documents_come_in_pieces_of_about_the_size_asked() {
    let text = "𠀀郑州😀\n".repeat(10);
    let lines: String = (0..100)
        .map(|i| serde_json::json!({ "text": format!("{i} {text}"), "label": [] }).to_string() + "\n")
        .collect();
    let parsed = parse(&file("d.jsonl", &lines)).unwrap();
    let pieces: Vec<usize> = replies(Ok(parsed), 1000)
        .into_iter()
        .filter_map(|r| match r {
            ReadReply::Docs(docs) => Some(docs.iter().map(|d| d.text.len()).sum()),
            _ => None,
        })
        .collect();
    assert!(pieces.len() > 10, "{pieces:?}");
    assert!(pieces.iter().all(|&bytes| bytes < 1000 + 200), "{pieces:?}");
}

#[test]
fn what_is_not_a_reply_or_names_an_unknown_format_does_not_read() {
    for json in ["", "{", "\"Progress\"", r#"{"Read":{"format":"Excel","notes":[],"table":null}}"#] {
        assert!(ReadReply::from_json(json).is_err(), "{json}");
    }
    for request in
        [ReadRequest::Read { names: vec!["𠀀.conll".into(), "😀/a.ann".into()] }, ReadRequest::More]
    {
        assert_eq!(ReadRequest::from_json(&request.to_json()).unwrap(), request);
    }
    assert!(ReadRequest::from_json("[]").is_err());
}

#[test]
fn a_reader_that_stopped_is_said_with_its_cause() {
    let error =
        ReadError::ReaderFailed { cause: biaozhu::core::import::readers::Cause("out of memory".into()) };
    let reply = ReadReply::from_json(&ReadReply::Failed(error.clone()).to_json()).unwrap();
    assert_eq!(reply, ReadReply::Failed(error.clone()));
    assert_eq!(error.to_string(), "the dataset reader stopped: out of memory");
    assert!(std::error::Error::source(&error).is_some());
}

#[test]
fn the_worker_hands_replies_over_one_at_a_time_and_a_new_request_drops_the_old_ones() {
    let docs = |text: &str| {
        Ok(Parsed {
            format: "CoNLL",
            docs: parse(&file("a.conll", text)).unwrap().docs,
            notes: vec![],
            table: None,
        })
    };
    let mut handing = Handing::default();
    assert_eq!(handing.hand_next(), None, "nothing before a request");
    let first = replies(docs("𠀀 B-PER\n强 I-PER\n\n😀 O\n"), 1);
    assert_eq!(first.len(), 3, "two pieces and the end: {first:?}");
    assert_eq!(handing.start(first.clone()), Some(first[0].clone()));
    assert_eq!(handing.hand_next(), Some(first[1].clone()));
    let second = replies(docs("郑 S-LOC\n"), usize::MAX);
    assert_eq!(
        handing.start(second.clone()),
        Some(second[0].clone()),
        "the first request's last reply is dropped"
    );
    assert_eq!(handing.hand_next(), Some(second[1].clone()));
    assert_eq!(handing.hand_next(), None);
}
