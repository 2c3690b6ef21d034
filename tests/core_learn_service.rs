//! The learning worker's protocol, natively: a project's training set sent in messages, a
//! training in slices with progress, Cancel, the estimate on held-out texts, the model's bytes
//! loaded again, and suggestions with their confidence.

use biaozhu::core::learn::protocol::{DocText, LearnFailure, Reply, Request, Stage};
use biaozhu::core::learn::service::{Outgoing, Service};
use biaozhu::core::learn::{Confirmed, ModelError, TrainingSet, ORDERS};
use biaozhu::core::suggestion::SuggestionSource;
use biaozhu::core::*;

mod common;
use common::learn::{project, sentence};

/// Every message goes through its JSON, as between the page and the worker.
fn send(service: &mut Service, request: Request, model: Option<&[u8]>) -> Vec<Outgoing> {
    let request = Request::from_json(&request.to_json()).expect("a request reads back");
    service.handle(request, model)
}

/// Sends the project's training set and trains to the end; the replies in order.
fn train(service: &mut Service, project: &Project, job: u64) -> Vec<Outgoing> {
    let mut set = TrainingSet::new(project, Confirmed::Done).unwrap();
    while let Some(chunk) = set.next_chunk() {
        assert!(send(service, chunk, None).is_empty());
    }
    let mut out = send(service, set.train(job, 7, true), None);
    while service.busy() {
        out.extend(service.step(200));
    }
    out
}

fn trained(out: &[Outgoing]) -> (&biaozhu::core::learn::protocol::ModelSummary, &[u8]) {
    match out.last() {
        Some(Outgoing { reply: Reply::Trained { summary, .. }, model: Some(bytes) }) => (summary, bytes),
        other => panic!("expected a model, got {other:?}"),
    }
}

#[test]
fn a_training_in_slices_reports_progress_and_ends_with_a_model_and_its_estimate() {
    let mut service = Service::default();
    let out = train(&mut service, &project(80, 60), 1);
    let stages: Vec<Stage> = out
        .iter()
        .filter_map(|o| match &o.reply {
            Reply::Progress { stage, .. } => Some(*stage),
            _ => None,
        })
        .collect();
    assert_eq!(stages.first(), Some(&Stage::Preparing));
    assert!(stages.iter().filter(|s| **s == Stage::Training).count() > 5, "{stages:?}");
    let fractions: Vec<f64> = out
        .iter()
        .filter_map(|o| match &o.reply {
            Reply::Progress { fraction, stage: Stage::Training, .. } => Some(*fraction),
            _ => None,
        })
        .collect();
    assert!(fractions.windows(2).all(|w| w[0] <= w[1]), "{fractions:?}");
    let (summary, bytes) = trained(&out);
    // A small set: the estimate on six held out, then the model in use on all sixty.
    assert!(stages.contains(&Stage::Retraining), "{stages:?}");
    assert_eq!((summary.trained, summary.held_out), (60, 6));
    // The model in use is the average of ORDERS models, the estimate's and ORDERS - 1 on
    // every text: the retraining's progress counts their passes together and only goes forward.
    let retraining: Vec<(f64, u32, u32)> = out
        .iter()
        .filter_map(|o| match &o.reply {
            Reply::Progress { fraction, epoch, epochs, stage: Stage::Retraining, .. } => {
                Some((*fraction, *epoch, *epochs))
            }
            _ => None,
        })
        .collect();
    assert!(retraining.iter().all(|r| r.2 == summary.epochs * (ORDERS - 1)), "{retraining:?}");
    assert!(retraining.windows(2).all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1), "{retraining:?}");
    assert!(
        retraining.iter().any(|r| r.1 > summary.epochs * (ORDERS - 2)),
        "the last order ran: {retraining:?}"
    );
    assert_eq!(summary.bytes, bytes.len());
    let overall = summary.overall.as_ref().expect("an estimate from the held-out texts");
    assert!(overall.f1 > 0.8, "{overall:?}");
    let per = summary.scores.iter().find(|s| s.label == "PER").expect("a PER row");
    assert!(per.gold >= 6, "{per:?}");
    // The summary is stored as JSON beside the model.
    let json = serde_json::to_string(summary).unwrap();
    assert_eq!(
        &serde_json::from_str::<biaozhu::core::learn::protocol::ModelSummary>(&json).unwrap(),
        summary
    );
}

#[test]
fn a_large_set_keeps_the_model_trained_on_nine_tenths() {
    let mut service = Service::retraining_up_to(100);
    let out = train(&mut service, &project(80, 60), 1);
    assert!(!out.iter().any(|o| matches!(o.reply, Reply::Progress { stage: Stage::Retraining, .. })));
    let (summary, _) = trained(&out);
    assert_eq!((summary.trained, summary.held_out), (54, 6));
    assert!(summary.overall.is_some());
}

#[test]
fn suggestions_carry_the_source_model_a_confidence_and_offsets_in_code_points() {
    let mut service = Service::default();
    train(&mut service, &project(80, 60), 1);
    let (text, spans) = sentence(75);
    let docs = vec![DocText { id: "d75".into(), text: text.clone() }];
    let out = send(&mut service, Request::Suggest { job: 2, docs, threshold: 0.0 }, None);
    let Reply::Suggested { job: 2, docs, finished: true, .. } = &out[0].reply else { panic!("{out:?}") };
    let suggestions = &docs[0].1;
    for (start, end, label) in spans {
        let s = suggestions
            .iter()
            .find(|s| s.start == start && s.end == end)
            .unwrap_or_else(|| panic!("{label} at {start}..{end} of {text} not suggested: {suggestions:?}"));
        assert_eq!(&*s.label, label);
        assert_eq!(s.source, SuggestionSource::Model);
        let score = s.score.expect("a confidence");
        assert!((0.0..=1.0).contains(&score));
    }
    // A threshold of 1.01 leaves nothing.
    let docs = vec![DocText { id: "d75".into(), text }];
    let out = send(&mut service, Request::Suggest { job: 3, docs, threshold: 1.01 }, None);
    let Reply::Suggested { docs, .. } = &out[0].reply else { panic!("{out:?}") };
    assert!(docs[0].1.is_empty());
}

#[test]
fn a_corpus_is_suggested_on_in_slices_and_a_cancel_stops_the_job() {
    let mut service = Service::default();
    train(&mut service, &project(80, 60), 1);
    let docs: Vec<DocText> =
        (0..2_000).map(|k| DocText { id: format!("d{k}"), text: sentence(k).0 }).collect();
    let out = send(&mut service, Request::Suggest { job: 5, docs: docs.clone(), threshold: 0.5 }, None);
    assert!(matches!(out[0].reply, Reply::Progress { job: 5, stage: Stage::Suggesting, .. }));
    let mut got = 0;
    let mut replies = 0;
    while service.busy() {
        for o in service.step(5_000) {
            let Reply::Suggested { docs, .. } = o.reply else { panic!() };
            got += docs.len();
            replies += 1;
        }
    }
    assert_eq!(got, 2_000);
    assert!(replies > 3);
    // Cancelled after one slice: nothing more comes.
    send(&mut service, Request::Suggest { job: 6, docs, threshold: 0.5 }, None);
    service.step(5_000);
    let out = send(&mut service, Request::Cancel { job: 6 }, None);
    assert!(matches!(out[0].reply, Reply::Cancelled { job: 6 }));
    assert!(!service.busy() && service.step(5_000).is_empty());
    // A cancel of a job that is not running says nothing.
    assert!(send(&mut service, Request::Cancel { job: 99 }, None).is_empty());
}

#[test]
fn a_training_cancelled_leaves_the_previous_model_in_use() {
    let mut service = Service::default();
    let first = train(&mut service, &project(80, 60), 1);
    let (_, bytes) = trained(&first);
    let mut set = TrainingSet::new(&project(80, 70), Confirmed::Done).unwrap();
    while let Some(chunk) = set.next_chunk() {
        send(&mut service, chunk, None);
    }
    send(&mut service, set.train(2, 7, true), None);
    service.step(100);
    service.step(100);
    let out = send(&mut service, Request::Cancel { job: 2 }, None);
    assert!(matches!(out[0].reply, Reply::Cancelled { job: 2 }));
    // The first model still suggests, the same as a fresh worker that loads its bytes.
    let docs = vec![DocText { id: "x".into(), text: sentence(77).0 }];
    let suggest = |service: &mut Service| {
        let out = send(service, Request::Suggest { job: 3, docs: docs.clone(), threshold: 0.0 }, None);
        out.into_iter().next().unwrap().reply
    };
    let before = suggest(&mut service);
    let mut fresh = Service::default();
    assert!(matches!(send(&mut fresh, Request::Load, Some(bytes))[0].reply, Reply::Loaded { .. }));
    assert_eq!(suggest(&mut fresh), before);
}

#[test]
fn bad_requests_get_a_message_not_a_panic() {
    let mut service = Service::default();
    let out = send(&mut service, Request::Suggest { job: 1, docs: vec![], threshold: 0.5 }, None);
    assert!(matches!(&out[0].reply, Reply::Failed { job: Some(1), why: LearnFailure::NoModelYet }));
    let out = send(&mut service, Request::Load, Some(b"BZTAG\0\x01"));
    assert!(
        matches!(
            &out[0].reply,
            Reply::Failed {
                job: None,
                why: LearnFailure::ModelUnusable { cause: ModelError::Truncated { .. } }
            }
        ),
        "{out:?}"
    );
    let out = send(&mut service, Request::Load, None);
    assert!(matches!(&out[0].reply, Reply::Failed { why: LearnFailure::NoModelSent, .. }));
    // Nothing confirmed: nothing to learn from.
    let out = train(&mut service, &project(5, 0), 4);
    assert!(
        matches!(&out[0].reply, Reply::Failed { job: Some(4), why: LearnFailure::NothingToLearn }),
        "{out:?}"
    );
    // Spans out of the text or naming no label are left out.
    let bad = biaozhu::core::learn::protocol::LabeledText {
        text: "李娜在郑州".into(),
        spans: vec![(0, 2, 0), (3, 99, 1), (2, 1, 0), (0, 1, 40)],
    };
    send(&mut service, Request::AddTexts { labeled: vec![bad; 3], unlabeled: vec!["𠀀😀".into()] }, None);
    send(
        &mut service,
        Request::Train { job: 9, labels: vec!["PER".into(), "LOC".into()], seed: 1, hold_out: false },
        None,
    );
    let mut last = None;
    while service.busy() {
        last = service.step(1_000).pop();
    }
    assert!(matches!(last, Some(Outgoing { reply: Reply::Trained { job: 9, .. }, .. })), "{last:?}");
    assert!(Request::from_json("{\"train\":{}}").is_err());
    assert!(Reply::from_json("[1,2").is_err());
}

#[test]
fn a_training_set_sends_every_document_once_in_chunks_with_code_point_offsets() {
    let p = project(5_000, 1_000);
    let mut set = TrainingSet::new(&p, Confirmed::Done).unwrap();
    assert_eq!((set.documents, set.spans), (1_000, 2_000));
    let (mut labeled, mut unlabeled, mut chunks) = (Vec::new(), 0, 0);
    while let Some(Request::AddTexts { labeled: l, unlabeled: u }) = set.next_chunk() {
        labeled.extend(l);
        unlabeled += u.len();
        chunks += 1;
    }
    assert!(chunks >= 2, "{chunks}");
    assert_eq!((labeled.len(), unlabeled), (1_000, 4_000));
    assert_eq!(set.sent(), 1.0);
    let per = set.labels.iter().position(|l| l == "PER").unwrap() as u16;
    for (k, text) in labeled.iter().enumerate() {
        let (expected, spans) = sentence(k);
        assert_eq!(text.text, expected);
        let person = text.spans.iter().find(|s| s.2 == per).unwrap();
        assert_eq!((person.0, person.1), (spans[0].0, spans[0].1));
    }
    let mut all = TrainingSet::new(&p, Confirmed::All).unwrap();
    assert_eq!(all.documents, 5_000);
    assert!(all.next_chunk().is_some());
}
