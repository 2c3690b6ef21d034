//! A write prepared a part at a time (`saving::Preparing`, what the page does between frames
//! for a compaction) is the same write as prepared at once, in the same order, with each part
//! within its bound.
use biaozhu::core::saving::{prepare, Preparing, Saver, StoreOp, Write};
use biaozhu::core::*;

/// A project of `n` documents with 𠀀 and emoji, each with a span, after its edits were taken.
fn corpus(n: usize) -> Session {
    let mut session = Session::new(Project::new(schema::default_schema()));
    for i in 0..n {
        let doc = Document::new(DocId(format!("d{i}")), format!("第{i}篇"), format!("𠀀😀 文本 {i}"));
        session.apply(Command::AddDocument { at: i, doc: Box::new(doc) }).unwrap();
        session.add_span(&DocId(format!("d{i}")), CharRange::new(0, 1), "PER").unwrap();
    }
    session
}

/// The writes of each kind: the first write of everything, an append, and a compaction of the
/// documents edits touched (one of them removed since).
fn writes(session: &mut Session) -> Vec<Write> {
    let mut saver = Saver::first_write();
    let mut out = vec![saver.compaction(session.revision())];
    saver.finished(out[0].clone(), true);
    session.take_log();
    session.take_changes();
    for i in [1, 4, 6] {
        session.add_span(&DocId(format!("d{i}")), CharRange::new(1, 2), "LOC").unwrap();
    }
    session.apply(Command::RemoveDocument { doc: DocId::from("d6") }).unwrap();
    out.extend(saver.after_edit(&session.take_log(), session.take_changes(), session.revision()));
    out.push(saver.compaction(session.revision()));
    out
}

fn is_document_op(op: &StoreOp) -> bool {
    matches!(op, StoreOp::PutDocument { .. } | StoreOp::DeleteDoc(_) | StoreOp::ClearDocs)
}

#[test]
fn parts_put_together_are_the_write_prepared_at_once() {
    let mut session = corpus(12);
    let writes = writes(&mut session);
    assert!(matches!(writes[1], Write::Append { .. }), "{:?}", writes[1]);
    for write in &writes {
        let whole = prepare(write, &session);
        for max_docs in [1, 3, 7, 1000] {
            let mut preparing = Preparing::new(write, &session);
            let mut parts = Vec::new();
            while let Some(part) = preparing.next_part(max_docs) {
                parts.push(part);
            }
            assert_eq!(parts.concat(), whole, "{write:?}, {max_docs} at a time");
            assert!(preparing.next_part(max_docs).is_none(), "nothing after the end");
            if let Write::Compact { .. } = write {
                // Document parts within the bound, then the meta record, then the history and
                // the journal's start, each a part of its own.
                let (docs, rest) = parts.split_at(parts.len() - 2);
                assert!(docs.iter().all(|p| !p.is_empty() && p.len() <= max_docs.max(1)), "{docs:?}");
                assert!(docs.iter().flatten().all(is_document_op));
                assert!(matches!(rest[0][..], [StoreOp::PutMeta { key: saving::keys::PROJECT, .. }]));
                assert!(matches!(rest[1][..], [StoreOp::PutMeta { key: saving::keys::HISTORY, .. }, _, _]));
            } else {
                assert_eq!(parts.len(), 1, "an append is one part");
            }
        }
    }
}

#[test]
fn a_compaction_of_nothing_but_the_meta_record_still_writes_it() {
    let mut session = corpus(0);
    let mut saver = Saver::first_write();
    let write = saver.compaction(session.revision());
    session.take_changes();
    let mut preparing = Preparing::new(&write, &session);
    let first = preparing.next_part(4).unwrap();
    // The first write of an empty project clears the stored documents, then writes the rest.
    assert_eq!(first, [StoreOp::ClearDocs]);
    assert!(matches!(preparing.next_part(4).unwrap()[..], [StoreOp::PutMeta { .. }]));
    assert_eq!(preparing.next_part(4).unwrap().len(), 3);
    assert!(preparing.next_part(4).is_none());
}
