//! The export in pieces (what the browser runs between frames) writes byte for byte what the
//! export in one go writes, for every format, unit, split and piece size; it reports progress
//! that only grows and ends at its total.
use biaozhu::core::export::split::SplitSpec;
use biaozhu::core::export::units::Granularity;
use biaozhu::core::export::*;
use biaozhu::core::*;

mod common;

fn in_pieces(project: &Project, options: &ExportOptions, budget: usize) -> Result<Export, ExportError> {
    let mut job = ExportJob::new(project, options.clone())?;
    let mut last: (Option<Phase>, usize, usize) = (None, 0, 0);
    for _ in 0..100_000 {
        match job.step(project, budget) {
            Step::Working { done, total, doing } => {
                assert!(done <= total, "{done} of {total}");
                if Some(doing) == last.0 {
                    assert!(
                        total == last.2 && done >= last.1,
                        "progress went back: {last:?} then {done} of {total}"
                    );
                } else {
                    // Documents come first, then records, once.
                    assert!(last.0.is_none() || last.0 == Some(Phase::Documents), "{last:?} then {doing:?}");
                }
                last = (Some(doing), done, total);
            }
            Step::Done(result) => return *result,
        }
    }
    panic!("the job never finished");
}

#[test]
fn an_export_in_pieces_is_the_export_in_one_go() {
    let project = common::sample_corpus();
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
    let project = common::sample_corpus();
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
    let mut session = Session::new(common::sample_corpus());
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
