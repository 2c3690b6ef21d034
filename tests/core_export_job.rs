//! The export in pieces (what the browser runs between frames) writes byte for byte what the
//! export in one go writes, for every format, unit, split and piece size; it reports progress
//! that only grows and ends at its total.
use biaozhu::core::export::split::SplitSpec;
use biaozhu::core::export::units::Granularity;
use biaozhu::core::export::*;
use biaozhu::core::*;

mod common;

/// The shared sample plus documents with 𠀀, emoji and several lines, some spans each.
fn corpus() -> Project {
    let mut session = Session::new(common::sample_project());
    for i in 0..7 {
        let id = DocId(format!("extra-{i}"));
        let text = format!(
            "第{i}篇：𠀀河新区😀建设。\n国务院总理李强强调：要加快推进。\r\n徐立毅指出👩\u{200d}💻。"
        );
        session
            .apply(Command::AddDocument {
                at: i + 1,
                doc: Box::new(Document::new(id.clone(), format!("篇 {i}"), text)),
            })
            .unwrap();
        session.add_span(&id, CharRange::new(3, 7), "LOC").unwrap();
        session.add_span(&id, CharRange::new(14, 16), "PER").unwrap();
        if i % 2 == 0 {
            session.add_span(&id, CharRange::new(12, 14), "TITLE").unwrap();
        }
    }
    session.project().clone()
}

fn in_pieces(project: &Project, options: &ExportOptions, budget: usize) -> Result<Export, ExportError> {
    let mut job = ExportJob::new(project, options.clone())?;
    let mut last = ("", 0, 0);
    for _ in 0..100_000 {
        match job.step(project, budget) {
            Step::Working { done, total, doing } => {
                assert!(done <= total, "{done} of {total}");
                if doing == last.0 {
                    assert!(
                        total == last.2 && done >= last.1,
                        "progress went back: {last:?} then {done} of {total}"
                    );
                } else {
                    assert_eq!((last.0, doing), (if last.0.is_empty() { "" } else { "documents" }, doing));
                }
                last = (doing, done, total);
            }
            Step::Done(result) => return *result,
        }
    }
    panic!("the job never finished");
}

#[test]
fn an_export_in_pieces_is_the_export_in_one_go() {
    let project = corpus();
    for format in Format::ALL {
        for granularity in [Granularity::Document, Granularity::Paragraph, Granularity::Sentence] {
            for split in [None, Some(SplitSpec { train: 60, dev: 20, test: 20, seed: 7 })] {
                let mut options = ExportOptions::new(format);
                if format.is_tagged() {
                    options.labels =
                        Some(["PER", "ORG", "LOC", "DATE", "TITLE", "POLICY"].map(String::from).to_vec());
                }
                options.granularity = granularity;
                options.split = split;
                let whole = run_export(&project, &options);
                for budget in [1, 30, 200] {
                    let pieces = in_pieces(&project, &options, budget);
                    assert_eq!(
                        pieces,
                        whole,
                        "{format:?} {granularity:?} split {:?} in pieces of {budget} characters",
                        options.split.is_some()
                    );
                }
            }
        }
    }
}

#[test]
fn a_job_refuses_at_once_what_needs_no_work() {
    let project = corpus();
    let mut options = ExportOptions::new(Format::Spacy);
    options.documents = vec!["nothing-like-this".into()];
    assert!(matches!(ExportJob::new(&project, options), Err(ExportError::Empty)));
    let mut options = ExportOptions::new(Format::Spacy);
    options.split = Some(SplitSpec { train: 50, dev: 20, test: 20, seed: 1 });
    assert!(matches!(ExportJob::new(&project, options), Err(ExportError::BadSplit(_))));
}

#[test]
fn problems_found_in_any_piece_stop_the_export() {
    // Overlapping spans cannot be written as tags: the piece holding them reports it.
    let mut session = Session::new(corpus());
    let mut schema = (*session.project().schema).clone();
    schema.layers.iter_mut().for_each(|l| l.allow_overlap = true);
    let mut project = session.project().clone();
    project.schema = schema.into();
    session = Session::new(project);
    session.add_span(&DocId::from("extra-6"), CharRange::new(4, 9), "ORG").unwrap();
    let options = ExportOptions::new(Format::Conll);
    let whole = run_export(session.project(), &options).unwrap_err();
    assert!(matches!(whole, ExportError::Problems(_)), "{whole}");
    assert_eq!(in_pieces(session.project(), &options, 1).unwrap_err(), whole);
}
