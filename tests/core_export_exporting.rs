//! The export as the browser runs it: the page sends the project through JSON messages in pieces,
//! the worker puts it together and builds the download. Its bytes and counts are those of the
//! export run in one go; refusals come back as the same errors; requests the worker cannot use
//! are refused with a message, never a panic.
use biaozhu::core::export::bundle::bundle;
use biaozhu::core::export::exporting::{
    build, build_request, ExportReply, ExportRequest, Receiving, Sending, Summary,
};
use biaozhu::core::export::split::SplitSpec;
use biaozhu::core::export::units::Granularity;
use biaozhu::core::export::*;
use biaozhu::core::*;

mod common;

/// What the worker was sent, as it keeps it between builds.
struct Worker {
    receiving: Receiving,
    sending: Option<Sending>,
}

impl Worker {
    fn new() -> Worker {
        Worker { receiving: Receiving::default(), sending: None }
    }

    /// An export as the page asks for it: the documents sent unless the worker holds them
    /// already (every message through its JSON), then built as the worker builds; also how many
    /// document messages were sent.
    fn export(
        &mut self,
        project: &Project,
        options: &ExportOptions,
        annotator: Option<&str>,
        piece_bytes: usize,
    ) -> (Result<(Summary, Vec<u8>), ExportError>, usize) {
        let wanted = match Sending::wanted(project, options) {
            Ok(wanted) => wanted,
            Err(error) => return (Err(error), 0),
        };
        let take = |json: Vec<u8>, receiving: &mut Receiving| {
            receiving.take(ExportRequest::from_json(&json).unwrap()).unwrap()
        };
        let mut pieces = 0;
        if !self.sending.as_ref().is_some_and(|s| s.finished() && s.covers(&wanted)) {
            let (begin, mut sending) = Sending::start(project, wanted);
            assert!(take(begin, &mut self.receiving).is_none());
            while let Some(piece) = sending.next(project, piece_bytes) {
                pieces += 1;
                assert!(take(piece, &mut self.receiving).is_none());
            }
            self.sending = Some(sending);
        }
        let received = take(build_request(options, annotator), &mut self.receiving).expect("a build");
        let mut last = 0;
        let built = build(received, 50, |done, total, _| {
            assert!(done <= total);
            last = total;
        });
        assert!(last > 0 || built.is_err(), "no progress was reported");
        // The reply as the page reads it.
        let built = match built {
            Ok((summary, bytes)) => {
                match ExportReply::from_json(&ExportReply::Built(summary).to_json()).unwrap() {
                    ExportReply::Built(summary) => Ok((summary, bytes)),
                    other => panic!("{other:?}"),
                }
            }
            Err(error) => match ExportReply::from_json(&ExportReply::Failed(error).to_json()).unwrap() {
                ExportReply::Failed(error) => Err(error),
                other => panic!("{other:?}"),
            },
        };
        (built, pieces)
    }
}

fn through_the_worker(
    project: &Project,
    options: &ExportOptions,
    annotator: Option<&str>,
    piece_bytes: usize,
) -> (Result<(Summary, Vec<u8>), ExportError>, usize) {
    Worker::new().export(project, options, annotator, piece_bytes)
}

/// The export in one go, and its download.
fn in_one_go(project: &Project, options: &ExportOptions) -> Result<(Export, Vec<u8>), ExportError> {
    let export = run_export(project, options)?;
    let download = bundle(options.format.key(), export.files.clone()).map_err(ExportError::Zip)?;
    Ok((export, download.bytes))
}

fn assert_same(project: &Project, options: &ExportOptions, annotator: Option<&str>, piece_bytes: usize) {
    let alone = annotator.map(|name| project.only_by(name));
    let whole = in_one_go(alone.as_ref().unwrap_or(project), options);
    let (sent, pieces) = through_the_worker(project, options, annotator, piece_bytes);
    let what =
        format!("{:?} {:?} by {annotator:?} in pieces of {piece_bytes}", options.format, options.granularity);
    match (whole, sent) {
        (Ok((export, bytes)), Ok((summary, sent_bytes))) => {
            assert!(bytes == sent_bytes, "{what}: the download differs");
            assert_eq!(summary.records, export.records, "{what}");
            assert_eq!(summary.spans_per_label, export.spans_per_label, "{what}");
            assert_eq!(summary.crossing, export.crossing, "{what}");
            assert_eq!(summary.left_out, export.left_out, "{what}");
            assert_eq!(summary.files, export.files.len(), "{what}");
            assert_eq!(summary.first_file, export.files[0].path, "{what}");
            assert!(!summary.first_lines.is_empty(), "{what}");
            assert!(
                summary.name.starts_with("biaozhu-") || summary.name.ends_with(".zip"),
                "{what}: {}",
                summary.name
            );
        }
        (Err(whole), Err(sent)) => assert_eq!(sent, whole, "{what}"),
        (whole, sent) => panic!("{what}: in one go {:?}, through the worker {:?}", whole.err(), sent.err()),
    }
    if piece_bytes == 1 {
        let docs = Sending::wanted(project, options).map_or(0, |d| d.len());
        assert_eq!(pieces, docs, "{what}: one document per piece");
    }
}

#[test]
fn an_export_through_the_worker_is_the_export_in_one_go() {
    let project = common::sample_corpus();
    for format in Format::ALL {
        for granularity in [Granularity::Document, Granularity::Sentence] {
            let mut options = ExportOptions::new(format);
            if format.is_tagged() {
                options.labels =
                    Some(["PER", "ORG", "LOC", "DATE", "TITLE", "POLICY"].map(String::from).to_vec());
            }
            options.granularity = granularity;
            for piece_bytes in [1, 300, usize::MAX] {
                assert_same(&project, &options, None, piece_bytes);
            }
            options.split = Some(SplitSpec { train: 60, dev: 20, test: 20, seed: 7 });
            assert_same(&project, &options, None, 300);
        }
    }
}

#[test]
fn one_annotators_work_is_taken_apart_by_the_worker() {
    let mut session = Session::new(common::sample_corpus());
    session.set_annotator(Some("alice".into()));
    let id = DocId::from("extra-1");
    session.add_span(&id, CharRange::new(19, 22), "PER").unwrap();
    session.set_annotator(Some("bob".into()));
    session.add_span(&DocId::from("extra-2"), CharRange::new(19, 22), "PER").unwrap();
    let project = session.project().clone();
    for annotator in [None, Some("alice"), Some("bob"), Some("nobody")] {
        assert_same(&project, &ExportOptions::new(Format::DoccanoEntities), annotator, 200);
    }
    let (alice, _) = through_the_worker(&project, &ExportOptions::new(Format::Spacy), Some("alice"), 200);
    assert_eq!(alice.unwrap().0.spans_per_label.values().sum::<usize>(), 1, "only alice's span");
}

#[test]
fn chosen_and_done_documents_only_are_sent() {
    let mut session = Session::new(common::sample_corpus());
    session.apply(Command::SetStatus { doc: DocId::from("extra-3"), status: DocStatus::Done }).unwrap();
    let project = session.project().clone();
    let mut options = ExportOptions::new(Format::DoccanoLabels);
    options.only_done = true;
    assert_same(&project, &options, None, 1);
    let mut options = ExportOptions::new(Format::Brat);
    options.documents = vec!["extra-5".into(), "news-1".into()];
    assert_same(&project, &options, None, 1);
}

#[test]
fn refusals_come_back_as_the_same_errors() {
    let project = common::sample_corpus();
    let mut options = ExportOptions::new(Format::Spacy);
    options.documents = vec!["nothing-like-this".into()];
    assert!(matches!(through_the_worker(&project, &options, None, 100).0, Err(ExportError::Empty)));
    let mut options = ExportOptions::new(Format::Spacy);
    options.split = Some(SplitSpec { train: 50, dev: 20, test: 20, seed: 1 });
    assert!(matches!(through_the_worker(&project, &options, None, 100).0, Err(ExportError::BadSplit(_))));
    // A tag column cannot hold a directive and the entities inside it.
    let (conll, _) = through_the_worker(&project, &ExportOptions::new(Format::Conll), None, 100);
    assert!(matches!(conll, Err(ExportError::Problems(_))), "{conll:?}");
    assert_same(&project, &ExportOptions::new(Format::Conll), None, 100);
}

#[test]
fn one_worker_builds_format_after_format_from_the_documents_sent_once() {
    let project = common::sample_corpus();
    let mut worker = Worker::new();
    let (_, sent) = worker.export(&project, &ExportOptions::new(Format::Spacy), None, 1);
    assert_eq!(sent, project.documents().len());
    for format in Format::ALL {
        let mut options = ExportOptions::new(format);
        options.granularity = units::Granularity::Sentence;
        let (built, sent) = worker.export(&project, &options, None, 1);
        assert_eq!(sent, 0, "{format:?}: the documents were sent again");
        let whole = in_one_go(&project, &options).map(|(_, bytes)| bytes);
        assert_eq!(built.map(|(_, bytes)| bytes), whole, "{format:?}");
    }
    // Fewer documents are built from those held; more are sent again.
    let mut one = ExportOptions::new(Format::DoccanoLabels);
    one.documents = vec!["extra-4".into()];
    let (built, sent) = worker.export(&project, &one, None, 1);
    assert_eq!((built.unwrap().0.records, sent), (1, 0));
    let mut worker = Worker::new();
    worker.export(&project, &one, None, 1).0.unwrap();
    let (built, sent) =
        worker.export(&project, &ExportOptions::new(Format::DoccanoLabels), Some("nobody"), 1);
    assert_eq!((built.unwrap().0.records, sent), (project.documents().len(), project.documents().len()));
}

#[test]
fn requests_the_worker_cannot_use_are_refused_with_a_message() {
    let project = common::sample_corpus();
    let options = ExportOptions::new(Format::Spacy);
    let (begin, mut sending) = Sending::start(&project, vec![0]);
    let piece = sending.next(&project, 1).unwrap();
    let build = build_request(&options, None);
    let request = |json: &[u8]| ExportRequest::from_json(json).unwrap();
    let refused = |requests: Vec<Vec<u8>>| {
        let mut receiving = Receiving::default();
        let mut outcome = Ok(None);
        for json in requests {
            outcome = receiving.take(request(&json));
            if outcome.is_err() {
                break;
            }
        }
        match outcome {
            Err(ExportError::WorkerFailed(cause)) => cause,
            Err(other) => panic!("{other:?}"),
            Ok(_) => panic!("accepted"),
        }
    };
    assert!(refused(vec![piece.clone()]).contains("before the export began"));
    assert!(refused(vec![build.clone()]).contains("before any document"));
    let twice = refused(vec![begin.clone(), piece.clone(), piece.clone(), build]);
    assert!(twice.contains("twice"), "{twice}");
    let text = String::from_utf8(piece.clone()).unwrap();
    // A span past the end of its text, and a label the schema lacks.
    let mut short: serde_json::Value = serde_json::from_slice(&piece).unwrap();
    short["Docs"][0]["text"] = "𠀀".into();
    let short = serde_json::to_vec(&short).unwrap();
    assert!(refused(vec![begin.clone(), short]).contains("news-1"));
    let unknown = text.replace("\"DATE\"", "\"NO-SUCH-LABEL\"");
    assert!(refused(vec![begin, unknown.into_bytes()]).contains("NO-SUCH-LABEL"));
    assert!(ExportRequest::from_json(b"[1, 2").is_err());
    assert!(ExportRequest::from_json(b"{\"Docs\":[{\"id\":\"x\"}]}").is_err());
    assert!(ExportReply::from_json("{\"Progress\":{}}").is_err());
}

#[test]
fn every_error_crosses_as_it_is() {
    use biaozhu::core::export::bundle::ZipError;
    use biaozhu::core::export::split::SplitError;
    let errors = [
        ExportError::Empty,
        ExportError::StillLoading(3),
        ExportError::WorkerFailed("stopped «𠀀»".into()),
        ExportError::Zip(ZipError::TooLarge { path: "a/😀.txt".into() }),
        ExportError::BadSplit(SplitError { train: 50, dev: 20, test: 20 }),
        ExportError::Problems(vec![ExportProblem::SelfCheck {
            record: Some("news-1".into()),
            what: "x".into(),
        }]),
    ];
    for error in errors {
        let reply = ExportReply::Failed(error);
        assert_eq!(ExportReply::from_json(&reply.to_json()).unwrap(), reply);
    }
}
