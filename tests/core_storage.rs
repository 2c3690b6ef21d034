//! Browser storage without the browser: the records, the journal, compaction, failed writes and
//! crashes, against an in-memory store that commits each write whole or not at all, in order.
use biaozhu::core::loading::{load, open, Loaded, StoredState};
use biaozhu::core::saving::{keys, prepare, replayable, Saver, StoreOp, Write};
use biaozhu::core::stored::{all_records, assemble, fill_documents, StoredError};
use biaozhu::core::*;
use std::collections::BTreeMap;

mod common;

/// What IndexedDB holds, store by store.
#[derive(Clone, Default)]
struct FakeStore {
    meta: BTreeMap<&'static str, String>,
    records: BTreeMap<String, String>,
    texts: BTreeMap<String, String>,
    journal: BTreeMap<u64, String>,
}

impl FakeStore {
    fn commit(&mut self, ops: &[StoreOp]) {
        for op in ops {
            match op {
                StoreOp::PutMeta { key, value } => {
                    self.meta.insert(key, value.clone());
                }
                StoreOp::DeleteMeta(key) => {
                    self.meta.remove(key);
                }
                StoreOp::PutDocument { doc, text } => {
                    self.records.insert(doc.id.0.clone(), biaozhu::core::stored::doc_record(doc));
                    if *text {
                        self.texts.insert(doc.id.0.clone(), doc.text().to_string());
                    }
                }
                StoreOp::DeleteDoc(doc) => {
                    self.records.remove(&doc.0);
                    self.texts.remove(&doc.0);
                }
                StoreOp::ClearDocs => {
                    self.records.clear();
                    self.texts.clear();
                }
                StoreOp::PutEntry { seq, entry } => {
                    self.journal.insert(*seq, entry.clone());
                }
                StoreOp::DeleteEntriesBefore(seq) => self.journal.retain(|s, _| s >= seq),
            }
        }
    }

    /// A start-up that reads only the documents it needs (the others stay stand-ins).
    fn start(&self, preferred: Option<&DocId>) -> Loaded {
        let state = self.state();
        let opening =
            open(&state.meta.unwrap(), state.history, state.journal_from, state.journal, preferred).unwrap();
        let wanted: Option<Vec<String>> =
            opening.wanted().map(|ids| ids.iter().map(|d| d.0.clone()).collect());
        let wants = |key: &String| wanted.as_ref().is_none_or(|w| w.contains(key));
        let pick = |map: &BTreeMap<String, String>| {
            map.iter().filter(|(k, _)| wants(k)).map(|(k, v)| (k.clone(), v.clone())).collect()
        };
        opening.finish(pick(&self.records), pick(&self.texts)).unwrap()
    }

    /// The background fill: every stand-in of `session` read from the store.
    fn fill(&self, session: &mut Session) {
        let read = self
            .records
            .iter()
            .map(|(id, record)| (id.clone(), record.clone(), self.texts[id].clone()))
            .collect();
        let (docs, errors) = fill_documents(session.project(), read);
        assert!(errors.is_empty(), "{errors:?}");
        session.fill(docs);
        assert!(session.project().is_complete());
    }

    fn state(&self) -> StoredState {
        StoredState {
            meta: self.meta.get(keys::PROJECT).cloned(),
            history: self.meta.get(keys::HISTORY).cloned(),
            journal_from: self.meta.get(keys::JOURNAL_FROM).cloned(),
            records: self.records.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            texts: self.texts.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            journal: self.journal.iter().map(|(k, v)| (*k, v.clone())).collect(),
        }
    }
}

fn rich_project() -> Project {
    let mut session = Session::new(common::sample_project());
    let extra = Document::new(DocId::from("emoji"), "表情", "𠀀甲😀乙👩‍👩‍👧丙");
    session.apply(Command::AddDocument { at: 1, doc: Box::new(extra) }).unwrap();
    session.project().clone()
}

#[test]
fn records_put_a_project_back_together_exactly() {
    let mut session = Session::new(rich_project());
    let doc = DocId::from("emoji");
    let a = session.add_span(&doc, CharRange::new(0, 2), "PER").unwrap();
    let b = session.add_span(&doc, CharRange::new(3, 5), "LOC").unwrap();
    session.undo();
    session.redo();
    session.apply(Command::SetStatus { doc: doc.clone(), status: DocStatus::Done }).unwrap();
    let project = session.project().clone();
    let (meta, docs) = all_records(&project);
    let records = docs.iter().map(|(id, record, _)| (id.0.clone(), record.clone())).collect();
    let texts = docs.iter().map(|(id, _, text)| (id.0.clone(), text.to_string())).collect();
    let back = assemble(&meta, records, texts).unwrap();
    assert_eq!(back, project);
    assert_eq!(back.next_ids(), project.next_ids());
    assert!(back.document(&doc).unwrap().span(a).is_some() && back.document(&doc).unwrap().span(b).is_some());
    // A record holds no text: the text is written once, apart.
    assert!(!docs[1].1.contains('😀'));
}

#[test]
fn damaged_records_are_refused_with_the_document_named() {
    let project = rich_project();
    let (meta, docs) = all_records(&project);
    let records: Vec<(String, String)> = docs.iter().map(|(id, r, _)| (id.0.clone(), r.clone())).collect();
    let texts: Vec<(String, String)> = docs.iter().map(|(id, _, t)| (id.0.clone(), t.to_string())).collect();
    let without =
        |list: &[(String, String)], id: &str| list.iter().filter(|(k, _)| k != id).cloned().collect();
    let cases: Vec<(&str, Result<Project, StoredError>, &str)> = vec![
        (
            "missing text",
            assemble(&meta, records.clone(), without(&texts, "emoji")),
            "the text of document \"emoji\"",
        ),
        (
            "missing record",
            assemble(&meta, without(&records, "emoji"), texts.clone()),
            "the record of document \"emoji\"",
        ),
        (
            "broken meta",
            assemble("{\"format\":", records.clone(), texts.clone()),
            "project record is unreadable",
        ),
        (
            "other format",
            assemble(&meta.replace("biaozhu-store", "x"), records.clone(), texts.clone()),
            "this app reads",
        ),
        (
            "short text",
            assemble(&meta, records.clone(), {
                let mut t = without(&texts, "news-1");
                t.push(("news-1".into(), "𠀀".into()));
                t
            }),
            "document \"news-1\" is damaged",
        ),
    ];
    for (name, result, expected) in cases {
        let error = result.expect_err(name).to_string();
        assert!(error.contains(expected), "{name}: {error}");
    }
    let mut spanned = Session::new(project.clone());
    spanned.add_span(&DocId::from("emoji"), CharRange::new(0, 1), "PER").unwrap();
    let (_, docs) = all_records(spanned.project());
    let bad_label = docs.iter().map(|(id, r, _)| (id.0.clone(), r.replace("\"PER\"", "\"NOPE\""))).collect();
    let error = assemble(&meta, bad_label, texts.clone()).unwrap_err().to_string();
    assert!(error.contains("\"NOPE\""), "{error}");
}

#[test]
fn an_empty_store_holds_no_project() {
    assert!(load(StoredState::default()).unwrap().is_none());
}

#[test]
fn deleting_the_stored_project_leaves_an_empty_store() {
    let session = Session::new(rich_project());
    let mut store = FakeStore::default();
    let mut saver = Saver::first_write();
    store.commit(&prepare(&saver.compaction(0), &session));
    store.commit(&[StoreOp::PutEntry { seq: 7, entry: "{}".into() }]);
    assert!(load(store.state()).unwrap().is_some());
    store.commit(&biaozhu::core::saving::clear_ops());
    assert!(store.records.is_empty() && store.texts.is_empty() && store.journal.is_empty());
    assert!(load(store.state()).unwrap().is_none());
}

#[test]
fn replay_stops_at_the_first_hole() {
    let stored =
        vec![(3, "c".to_string()), (1, "a".into()), (2, "b".into()), (5, "e".into()), (0, "old".into())];
    let r = replayable(1, stored);
    assert_eq!(r.entries, vec!["a", "b", "c"]);
    assert_eq!(r.skipped, 1);
    assert_eq!(r.next_seq, 6, "the journal goes on past every stored entry");
}

/// How many random histories the crash test runs (`STORAGE_SEEDS`, 40 by default).
fn seeds() -> u64 {
    std::env::var("STORAGE_SEEDS").ok().and_then(|n| n.parse().ok()).unwrap_or(40)
}

/// A small deterministic generator (the tests need no randomness crate).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// One random edit of the kinds a person makes; false when it did not apply.
fn random_edit(session: &mut Session, rng: &mut Rng, step: u64) -> bool {
    let docs: Vec<DocId> = session.project().documents().iter().map(|d| d.id.clone()).collect();
    let doc = docs[rng.below(docs.len() as u64) as usize].clone();
    let len = session.project().document(&doc).unwrap().char_len() as u64;
    let spans: Vec<SpanId> = session.project().document(&doc).unwrap().spans().iter().map(|s| s.id).collect();
    match rng.below(10) {
        0..=3 if len > 2 => {
            let start = rng.below(len - 1) as usize;
            let end = (start + 1 + rng.below(3) as usize).min(len as usize);
            let label = ["PER", "LOC", "ORG"][rng.below(3) as usize];
            session.add_span(&doc, CharRange::new(start, end), label).is_ok()
        }
        4 if !spans.is_empty() => {
            let span = spans[rng.below(spans.len() as u64) as usize];
            session.apply(Command::RemoveSpan { doc, span }).is_ok()
        }
        5 if !spans.is_empty() => {
            let span = spans[rng.below(spans.len() as u64) as usize];
            session.apply(Command::Relabel { doc, span, label: "ORG".into() }).is_ok()
        }
        6 => session.undo(),
        7 => session.redo(),
        8 => {
            let status = [DocStatus::Todo, DocStatus::InProgress, DocStatus::Done][rng.below(3) as usize];
            session.apply(Command::SetStatus { doc, status }).is_ok()
        }
        _ if docs.len() < 4 && rng.below(2) == 0 => {
            let extra = Document::new(DocId(format!("d{step}")), "新", "😀𠀀甲乙丙丁");
            session.apply(Command::AddDocument { at: 0, doc: Box::new(extra) }).is_ok()
        }
        _ if docs.len() > 1 => session.apply(Command::RemoveDocument { doc }).is_ok(),
        _ => false,
    }
}

/// Thousands of edits with writes refused at random and the tab killed at random points: after
/// every reload the project is the one at the last revision shown as saved, or a later one
/// whose write had committed; never an older one, never a mix.
#[test]
fn nothing_shown_saved_is_lost_across_failures_and_crashes() {
    for seed in 1..=seeds() {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut store = FakeStore::default();
        let mut session = Session::new(rich_project());
        let mut saver = Saver::first_write();
        // The first save writes everything.
        let first = saver.compaction(session.revision());
        store.commit(&prepare(&first, &session));
        saver.finished(first, true);
        let mut saved_revision = session.revision();
        let mut by_revision = BTreeMap::from([(session.revision(), session.project().clone())]);
        // Writes made but not committed yet, oldest first.
        let mut in_flight: Vec<(Write, Vec<StoreOp>)> = Vec::new();
        for step in 0..400u64 {
            if random_edit(&mut session, &mut rng, step) {
                let append =
                    saver.after_edit(&session.take_log(), session.take_changes(), session.revision());
                by_revision.insert(session.revision(), session.project().clone());
                let compaction = saver.compaction_due().then(|| saver.compaction(session.revision()));
                for write in append.into_iter().chain(compaction) {
                    let ops = prepare(&write, &session);
                    in_flight.push((write, ops));
                }
            }
            // Storage commits some of the writes, in order, refusing one now and then.
            while !in_flight.is_empty() && rng.below(3) != 0 {
                let (write, ops) = in_flight.remove(0);
                let committed = rng.below(25) != 0;
                if committed {
                    store.commit(&ops);
                }
                if let Some(revision) = saver.finished(write, committed) {
                    assert!(revision >= saved_revision);
                    saved_revision = revision;
                }
            }
            if rng.below(40) == 0 {
                // The tab dies: writes in flight never happen; a new tab loads.
                in_flight.clear();
                let docs = session.project().documents();
                let preferred = docs[rng.below(docs.len() as u64) as usize].id.clone();
                let mut loaded = store.start(Some(&preferred));
                store.fill(&mut loaded.session);
                assert!(loaded.problem.is_none(), "seed {seed} step {step}: {:?}", loaded.problem);
                let revision = loaded.session.revision();
                assert!(
                    revision >= saved_revision,
                    "seed {seed} step {step}: reloaded revision {revision} is older than saved {saved_revision}"
                );
                assert_eq!(
                    loaded.session.project(),
                    &by_revision[&revision],
                    "seed {seed} step {step}: the reloaded project is not the one at its revision"
                );
                session = loaded.session;
                saver = loaded.saver;
                saved_revision = revision;
                by_revision.retain(|r, _| *r <= revision);
            }
        }
    }
}

#[test]
fn a_compaction_empties_the_journal_and_rewrites_only_touched_documents() {
    let mut session = Session::new(rich_project());
    let mut store = FakeStore::default();
    let mut saver = Saver::first_write();
    let first = saver.compaction(0);
    store.commit(&prepare(&first, &session));
    saver.finished(first, true);
    let before = store.records.clone();
    let doc = DocId::from("emoji");
    let mut compactions = 0;
    for i in 0..250 {
        let range = CharRange::new(i % 8, i % 8 + 1);
        if session.add_span(&doc, range, "PER").is_err() {
            session.undo();
        }
        let append = saver.after_edit(&session.take_log(), session.take_changes(), session.revision());
        let compaction = saver.compaction_due().then(|| saver.compaction(session.revision()));
        for write in append.into_iter().chain(compaction) {
            let ops = prepare(&write, &session);
            if let Write::Compact { .. } = write {
                compactions += 1;
                assert!(
                    ops.iter().all(|op| !matches!(op, StoreOp::PutDocument { text: true, .. })),
                    "texts are written once"
                );
                let docs: Vec<_> =
                    ops.iter().filter(|op| matches!(op, StoreOp::PutDocument { .. })).collect();
                assert_eq!(docs.len(), 1, "only the edited document's record is rewritten");
            }
            store.commit(&ops);
            saver.finished(write, true);
        }
    }
    assert_eq!(compactions, 1);
    assert!(store.journal.len() < 60, "{} entries left", store.journal.len());
    let other = project_other_doc(&session);
    assert_eq!(store.records[&other], before[&other]);
    let loaded = load(store.state()).unwrap().unwrap();
    assert_eq!(loaded.session.project(), session.project());
    assert_eq!(loaded.session.revision(), session.revision());
}

fn project_other_doc(session: &Session) -> String {
    session.project().documents().iter().find(|d| d.id.0 != "emoji").unwrap().id.0.clone()
}

#[test]
fn a_read_only_session_refuses_every_change() {
    let mut session = Session::new(rich_project());
    let doc = DocId::from("emoji");
    session.add_span(&doc, CharRange::new(0, 1), "PER").unwrap();
    session.set_read_only(true);
    let before = session.project().clone();
    assert_eq!(session.add_span(&doc, CharRange::new(2, 3), "PER"), Err(EditError::ReadOnly));
    assert_eq!(session.apply(Command::SetStatus { doc, status: DocStatus::Done }), Err(EditError::ReadOnly));
    assert!(!session.undo() && !session.redo());
    assert_eq!(session.project(), &before);
    assert!(session.take_log().len() == 1, "only the edit made before");
}

/// A stored corpus of `n` documents (each with a span, every third without a name) after its
/// first write.
fn stored_corpus(n: usize) -> (Session, Saver, FakeStore) {
    let mut session = Session::new(Project::new(schema::default_schema()));
    for i in 0..n {
        let name = if i % 3 == 0 { String::new() } else { format!("第{i}篇") };
        let doc = Document::new(DocId(format!("d{i}")), name, format!("𠀀😀 文本 {i}   第二句"));
        session.apply(Command::AddDocument { at: i, doc: Box::new(doc) }).unwrap();
        session.add_span(&DocId(format!("d{i}")), CharRange::new(0, 1), "PER").unwrap();
    }
    session.apply(Command::SetStatus { doc: DocId::from("d2"), status: DocStatus::Done }).unwrap();
    let mut store = FakeStore::default();
    let mut saver = Saver::first_write();
    let first = saver.compaction(session.revision());
    store.commit(&prepare(&first, &session));
    saver.finished(first, true);
    session.take_log();
    session.take_changes();
    (session, saver, store)
}

/// Writes every edit made since the last call, as the autosave does.
fn save(session: &mut Session, saver: &mut Saver, store: &mut FakeStore) {
    let append = saver.after_edit(&session.take_log(), session.take_changes(), session.revision());
    let compaction = saver.compaction_due().then(|| saver.compaction(session.revision()));
    for write in append.into_iter().chain(compaction) {
        store.commit(&prepare(&write, session));
        saver.finished(write, true);
    }
}

#[test]
fn a_start_up_reads_the_open_document_and_the_index_only() {
    let (session, _, store) = stored_corpus(30);
    let loaded = store.start(Some(&DocId::from("d7")));
    let project = loaded.session.project();
    assert_eq!(project.documents().len(), 30);
    assert_eq!(project.stand_ins(), 29, "only the open document is read");
    assert!(project.document(&DocId::from("d7")).unwrap().is_loaded());
    for (shown, real) in project.documents().iter().zip(session.project().documents()) {
        assert_eq!(shown.id, real.id);
        assert_eq!(shown.name, real.name);
        assert_eq!(shown.status, real.status);
        assert_eq!(shown.span_count(), real.span_count());
        assert_eq!(doc_nav::list_label(shown), doc_nav::list_label(real), "the list looks the same");
    }
    assert_eq!(project.span_count(), session.project().span_count());
    // A preference for a document that is gone opens the first one.
    let loaded = store.start(Some(&DocId::from("gone")));
    assert!(loaded.session.project().documents()[0].is_loaded());
    let mut session_back = loaded.session;
    store.fill(&mut session_back);
    assert_eq!(session_back.project(), session.project());
    assert_eq!(session_back.revision(), session.revision(), "filling is not an edit");
}

#[test]
fn stand_ins_refuse_edits_and_undo_waits_without_losing_the_history() {
    let (mut session, mut saver, mut store) = stored_corpus(6);
    // The last undo step is an edit of d4; the open document will be d0.
    session.add_span(&DocId::from("d4"), CharRange::new(3, 5), "LOC").unwrap();
    save(&mut session, &mut saver, &mut store);
    let compaction = saver.compaction(session.revision());
    store.commit(&prepare(&compaction, &session));
    saver.finished(compaction, true);
    let mut loaded = store.start(Some(&DocId::from("d0"))).session;
    let d4 = DocId::from("d4");
    assert!(!loaded.project().document(&d4).unwrap().is_loaded());
    assert_eq!(loaded.add_span(&d4, CharRange::new(6, 7), "PER"), Err(EditError::NotLoaded(d4.clone())));
    assert_eq!(
        loaded.apply(Command::RemoveDocument { doc: d4.clone() }),
        Err(EditError::NotLoaded(d4.clone()))
    );
    let whole = Command::ReplaceProject { project: Box::new(Project::bundled()) };
    assert_eq!(loaded.apply(whole), Err(EditError::StillLoading { pending: 5 }));
    assert_eq!(loaded.step_blocked(true), Some(EditError::NotLoaded(d4.clone())));
    assert!(!loaded.undo(), "the undo waits for d4");
    assert!(loaded.can_undo(), "and the step stays");
    assert!(loaded.take_log().is_empty(), "nothing refused is journalled");
    // The open document can be edited meanwhile.
    loaded.add_span(&DocId::from("d0"), CharRange::new(4, 6), "ORG").unwrap();
    store.fill(&mut loaded);
    assert!(loaded.undo() && loaded.undo(), "both steps undo once everything is read");
    assert_eq!(loaded.project().document(&d4).unwrap().span_count(), 1);
}

#[test]
fn the_journal_s_documents_are_read_before_it_is_replayed() {
    let (mut session, mut saver, mut store) = stored_corpus(8);
    // Journalled (not compacted): an edit of d5, an undo of it and of the step before (the
    // first write's history ends with the status of d2), a redo, and an edit of d6.
    session.add_span(&DocId::from("d5"), CharRange::new(3, 5), "LOC").unwrap();
    session.undo();
    session.undo();
    session.redo();
    session.apply(Command::SetStatus { doc: DocId::from("d6"), status: DocStatus::InProgress }).unwrap();
    save(&mut session, &mut saver, &mut store);
    assert!(!store.journal.is_empty());
    let loaded = store.start(Some(&DocId::from("d0")));
    assert!(loaded.problem.is_none(), "{:?}", loaded.problem);
    let project = loaded.session.project();
    let read: Vec<&str> =
        project.documents().iter().filter(|d| d.is_loaded()).map(|d| d.id.0.as_str()).collect();
    assert_eq!(read, ["d0", "d2", "d5", "d6"]);
    let mut back = loaded.session;
    store.fill(&mut back);
    assert_eq!(back.project(), session.project());
    assert_eq!(back.history(usize::MAX), session.history(usize::MAX));
}

#[test]
fn a_store_without_an_index_is_read_whole() {
    let (mut session, mut saver, mut store) = stored_corpus(5);
    let meta = store.meta[keys::PROJECT].clone();
    let without_index = {
        let mut value: serde_json::Value = serde_json::from_str(&meta).unwrap();
        value.as_object_mut().unwrap().remove("index");
        value.to_string()
    };
    let mut old = store.clone();
    old.meta.insert(keys::PROJECT, without_index);
    let loaded = old.start(Some(&DocId::from("d1")));
    assert!(loaded.session.project().is_complete(), "an earlier version's store is read whole");
    assert_eq!(loaded.session.project(), session.project());
    // A project replaced is never journalled: the compaction stores it with its index.
    let other = Command::ReplaceProject { project: Box::new(rich_project()) };
    session.apply(other).unwrap();
    save(&mut session, &mut saver, &mut store);
    assert!(store.journal.is_empty());
    let mut loaded = store.start(None).session;
    assert_eq!(loaded.project().stand_ins(), 1, "{} documents", loaded.project().documents().len());
    store.fill(&mut loaded);
    assert_eq!(loaded.project(), session.project());
}

#[test]
fn writes_of_a_partly_read_project_never_touch_the_stand_ins() {
    let (_, _, store) = stored_corpus(10);
    let Loaded { mut session, mut saver, .. } = store.start(Some(&DocId::from("d3")));
    let mut store = store;
    let before = store.clone();
    session.add_span(&DocId::from("d3"), CharRange::new(4, 6), "LOC").unwrap();
    save(&mut session, &mut saver, &mut store);
    // Force a compaction that claims everything (as after a refused write).
    let mut broken = Saver::new(0, 0, changes::Changes::everything(), true);
    let write = broken.compaction(session.revision());
    let ops = prepare(&write, &session);
    assert!(!ops.iter().any(|op| matches!(op, StoreOp::ClearDocs)), "{ops:?}");
    let written: Vec<&DocId> = ops
        .iter()
        .filter_map(|op| match op {
            StoreOp::PutDocument { doc, .. } => Some(&doc.id),
            _ => None,
        })
        .collect();
    assert_eq!(written, [&DocId::from("d3")]);
    store.commit(&ops);
    for id in (0..10).filter(|&i| i != 3).map(|i| format!("d{i}")) {
        assert_eq!(store.records[&id], before.records[&id]);
    }
    // The index written by the partly read project is the same as the full one's.
    let mut full = store.start(None).session;
    store.fill(&mut full);
    let again = store.start(Some(&DocId::from("d9"))).session;
    for (a, b) in again.project().documents().iter().zip(full.project().documents()) {
        assert_eq!((a.span_count(), doc_nav::list_label(a)), (b.span_count(), doc_nav::list_label(b)));
    }
}

#[test]
fn a_damaged_record_found_by_the_fill_stays_a_stand_in() {
    let (_, _, mut store) = stored_corpus(4);
    store.records.insert("d2".into(), "{\"id\":".into());
    let mut session = store.start(Some(&DocId::from("d0"))).session;
    let read = store.records.iter().map(|(id, r)| (id.clone(), r.clone(), store.texts[id].clone())).collect();
    let (docs, errors) = fill_documents(session.project(), read);
    assert_eq!(errors.len(), 1);
    assert!(errors[0].to_string().contains("\"d2\""), "{}", errors[0]);
    session.fill(docs);
    assert_eq!(session.project().stand_ins(), 1);
    assert!(!session.project().document(&DocId::from("d2")).unwrap().is_loaded());
}

#[test]
fn an_import_of_megabytes_is_stored_by_a_compaction_not_a_journal_entry() {
    let (mut session, mut saver, mut store) = stored_corpus(3);
    let docs = (0..3_000)
        .map(|i| Command::AddDocument {
            at: i,
            doc: Box::new(Document::new(DocId(format!("big{i}")), "", "𠀀😀".repeat(200))),
        })
        .collect();
    session.apply(Command::Batch { steps: docs }).unwrap();
    let append = saver.after_edit(&session.take_log(), session.take_changes(), session.revision());
    assert!(append.is_none(), "no entry of megabytes");
    assert!(saver.compaction_due());
    let write = saver.compaction(session.revision());
    store.commit(&prepare(&write, &session));
    assert_eq!(saver.finished(write, true), Some(session.revision()));
    assert!(store.journal.is_empty());
    let mut back = store.start(None).session;
    store.fill(&mut back);
    assert_eq!(back.project(), session.project());
}

/// Changes handed on (session, outbox, saver) are merged in whichever way is cheap for their
/// sizes; the result is always the union, whichever side is larger.
#[test]
fn merged_changes_are_the_union_whatever_their_sizes() {
    use changes::Changes;
    use std::collections::BTreeSet;
    let ids = |range: std::ops::Range<usize>| -> BTreeSet<DocId> {
        range.map(|n| DocId::from(format!("d{n}😀").as_str())).collect()
    };
    let sizes = [
        (0..0, 0..0),
        (0..0, 0..500),
        (0..500, 0..0),
        (0..500, 499..501),
        (3..4, 0..500),
        (0..300, 100..400),
    ];
    for (a, b) in sizes {
        let mut left =
            Changes { docs: ids(a.clone()), texts: ids(b.clone()), meta: false, everything: false };
        let right =
            Changes { docs: ids(b.clone()), texts: ids(a.clone()), meta: true, everything: a.is_empty() };
        left.merge(right);
        let union: BTreeSet<DocId> = ids(a.clone()).union(&ids(b.clone())).cloned().collect();
        assert_eq!(left.docs, union, "{a:?} {b:?}");
        assert_eq!(left.texts, union, "{a:?} {b:?}");
        assert!(left.meta);
        assert_eq!(left.everything, a.is_empty());
    }
}
