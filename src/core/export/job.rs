//! A dataset export in pieces, so that the browser can build a corpus's export between frames
//! (with a progress bar and Cancel) instead of freezing for seconds.
//!
//! The job first turns documents into records, a piece at a time, then writes and self-checks
//! each part a piece of records at a time, joining the pieces' files. Pieces are cut by text
//! length, so each takes about the same time. Joined files are byte for byte the ones written
//! in one go: line formats (spaCy, doccano, Hugging Face, CoNLL) are concatenated, Label
//! Studio's task array is spliced, brat's per-record files are collected, and W3C's collection
//! (whose id and total are made from every record) takes each piece's annotations and texts.

use super::units::{self, CrossingSpan, Record};
use super::{
    check, left_out, part_name, shared_files, split, w3c, write_part, Export, ExportError, ExportLoss,
    ExportOptions, ExportProblem, Format, OutFile, SPLIT_NAMES,
};
use crate::core::document::{DocId, DocStatus};
use crate::core::project::Project;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// What one call of [`ExportJob::step`] got to.
pub enum Step {
    /// More to do: `done` of `total` units of work (documents, then records of each part).
    Working {
        done: usize,
        total: usize,
        doing: Phase,
    },
    Done(Box<Result<Export, ExportError>>),
}

/// Which half of the work a job is in, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    /// Turning documents into records (the first quarter of the work, or so).
    Documents,
    /// Writing and self-checking the records.
    Records,
}

enum Stage {
    /// Turning documents (from `next`) into records.
    Records {
        next: usize,
    },
    /// Writing part `part` from its record `next`.
    Writing {
        part: usize,
        next: usize,
    },
    Finished,
}

pub struct ExportJob {
    options: ExportOptions,
    /// The documents exported, by their place in the project (the same project every step:
    /// a lookup by id for each of a corpus's documents was a long frame of its own).
    docs: Vec<usize>,
    stage: Stage,
    records: Vec<Record>,
    crossing: Vec<CrossingSpan>,
    /// The parts' records (one unnamed part without a split), once all records are made.
    parts: Vec<(Option<&'static str>, Vec<Record>)>,
    labels: Vec<String>,
    shared: Vec<OutFile>,
    /// The files of the part being written, as joined so far, and where each path is in it
    /// (brat writes two files per record: a corpus's part has 100,000).
    part_files: Vec<OutFile>,
    part_index: HashMap<String, usize>,
    /// The W3C collection of the part being written, as far as it goes.
    w3c: Option<w3c::Collection>,
    files: Vec<OutFile>,
    problems: Vec<ExportProblem>,
    counted: Option<(usize, BTreeMap<String, usize>, Vec<ExportLoss>)>,
}

/// Where the documents that `options` export are in `project`, in its order.
///
/// # Errors
/// When some of them are still being read from storage, or none matches the options.
pub fn exported_documents(project: &Project, options: &ExportOptions) -> Result<Vec<usize>, ExportError> {
    // A set: a chosen part of a corpus can be thousands of documents.
    let chosen: HashSet<&str> = options.documents.iter().map(String::as_str).collect();
    let wanted = |id: &DocId| chosen.is_empty() || chosen.contains(id.0.as_str());
    // A stand-in would be exported as an empty document.
    let waiting = project.documents().iter().filter(|d| wanted(&d.id) && !d.is_loaded()).count();
    if waiting > 0 {
        return Err(ExportError::StillLoading(waiting));
    }
    let docs: Vec<usize> = project
        .documents()
        .iter()
        .enumerate()
        .filter(|(_, d)| wanted(&d.id) && (!options.only_done || d.status == DocStatus::Done))
        .map(|(at, _)| at)
        .collect();
    if docs.is_empty() {
        return Err(ExportError::Empty);
    }
    Ok(docs)
}

impl ExportJob {
    /// A job exporting `project` with `options`; the checks that need no work come first.
    ///
    /// # Errors
    /// When documents are still being read from storage, nothing matches the options, or the
    /// split is refused.
    pub fn new(project: &Project, options: ExportOptions) -> Result<ExportJob, ExportError> {
        let docs = exported_documents(project, &options)?;
        if let Some(spec) = &options.split {
            spec.check().map_err(ExportError::BadSplit)?;
        }
        let labels: Vec<String> =
            project.schema.labels().map(|l| l.name.clone()).filter(|l| options.keeps_label(l)).collect();
        let shared = shared_files(project, &options, &labels);
        Ok(ExportJob {
            options,
            docs,
            stage: Stage::Records { next: 0 },
            records: Vec::new(),
            crossing: Vec::new(),
            parts: Vec::new(),
            labels,
            shared,
            part_files: Vec::new(),
            part_index: HashMap::new(),
            w3c: None,
            files: Vec::new(),
            problems: Vec::new(),
            counted: None,
        })
    }

    /// Does about `budget` characters of work on `project` (the same project every call: the
    /// caller starts again after an edit) and says how far it got.
    pub fn step(&mut self, project: &Project, budget: usize) -> Step {
        match self.stage {
            Stage::Records { next } => self.make_records(project, next, budget),
            Stage::Writing { part, next } => self.write(project, part, next, budget),
            Stage::Finished => Step::Done(Box::new(Err(ExportError::Empty))),
        }
    }

    fn make_records(&mut self, project: &Project, from: usize, budget: usize) -> Step {
        let mut end = from;
        let mut chars = 0;
        while end < self.docs.len() && (end == from || chars < budget) {
            chars += project.documents().get(self.docs[end]).map_or(0, |d| d.char_len());
            end += 1;
        }
        let docs: Vec<_> =
            self.docs[from..end].iter().filter_map(|&at| project.documents().get(at).map(|d| &**d)).collect();
        let keep = |label: &str| self.options.keeps_label(label);
        let (mut records, mut crossing) =
            units::records(project, &docs, self.options.granularity, self.options.crossing, &keep);
        self.records.append(&mut records);
        self.crossing.append(&mut crossing);
        if end < self.docs.len() {
            self.stage = Stage::Records { next: end };
            return Step::Working { done: end, total: self.docs.len(), doing: Phase::Documents };
        }
        self.start_writing(project);
        self.working()
    }

    /// All records are made: count them and cut them into parts.
    fn start_writing(&mut self, project: &Project) {
        let docs: Vec<_> =
            self.docs.iter().filter_map(|&at| project.documents().get(at).map(|d| &**d)).collect();
        let left_out = left_out(&docs, &self.records, &self.options);
        let mut spans_per_label = BTreeMap::new();
        for span in self.records.iter().flat_map(|r| &r.spans) {
            // The label is copied once per label, not once per span.
            match spans_per_label.get_mut(&span.label) {
                Some(count) => *count += 1,
                None => drop(spans_per_label.insert(span.label.clone(), 1)),
            }
        }
        self.counted = Some((self.records.len(), spans_per_label, left_out));
        let records = std::mem::take(&mut self.records);
        self.parts = match &self.options.split {
            None => vec![(None, records)],
            Some(spec) => {
                let assignment = split::assign(records.len(), spec);
                let mut parts: Vec<(Option<&'static str>, Vec<Record>)> =
                    SPLIT_NAMES.iter().map(|name| (Some(*name), Vec::new())).collect();
                for (record, part) in records.into_iter().zip(assignment) {
                    parts[part].1.push(record);
                }
                parts
            }
        };
        self.stage = Stage::Writing { part: 0, next: 0 };
    }

    fn working(&self) -> Step {
        let total: usize = self.parts.iter().map(|(_, r)| r.len()).sum();
        let done = match self.stage {
            Stage::Writing { part, next } => {
                self.parts[..part].iter().map(|(_, r)| r.len()).sum::<usize>() + next
            }
            _ => total,
        };
        Step::Working { done, total, doing: Phase::Records }
    }

    fn write(&mut self, project: &Project, part: usize, from: usize, budget: usize) -> Step {
        let Some((name, records)) = self.parts.get(part) else {
            return self.finish();
        };
        let mut end = from;
        let mut chars = 0;
        while end < records.len() && (end == from || chars < budget) {
            chars += records[end].text.chars().count();
            end += 1;
        }
        let piece = &records[from..end];
        // W3C's collection is made from every record of the part: each piece is written (and
        // checked) as a collection of its own, whose annotations and texts the part's takes.
        let written = if self.options.format == Format::W3c {
            let mut collection = w3c::Collection::new(piece);
            collection.add(piece);
            self.w3c.get_or_insert_with(|| w3c::Collection::new(records)).extend(&collection);
            Ok(vec![OutFile::text(part_name(&self.options, *name, "jsonld"), collection.finish())])
        } else {
            write_part(&project.schema, &self.options, &self.labels, *name, piece, from)
        };
        match written {
            Ok(mut files) => {
                // Checked with the shared files (a label list, a config), taken off again.
                let written = files.len();
                files.extend(self.shared.iter().cloned());
                self.problems.extend(check::check_part(self.options.format, &files, piece));
                files.truncate(written);
                if self.options.format == Format::W3c {
                    // Kept in the part's collection instead.
                    files.clear();
                }
                let share_done = end as f64 / records.len() as f64;
                join(self.options.format, &mut self.part_files, &mut self.part_index, files, share_done);
            }
            Err(mut problems) => self.problems.append(&mut problems),
        }
        if end < records.len() {
            self.stage = Stage::Writing { part, next: end };
        } else {
            if let Some(collection) = self.w3c.take() {
                self.part_files
                    .push(OutFile::text(part_name(&self.options, *name, "jsonld"), collection.finish()));
            }
            self.files.append(&mut self.part_files);
            self.part_index.clear();
            self.stage = Stage::Writing { part: part + 1, next: 0 };
            if part + 1 == self.parts.len() {
                return self.finish();
            }
        }
        self.working()
    }

    fn finish(&mut self) -> Step {
        self.stage = Stage::Finished;
        let mut files = std::mem::take(&mut self.files);
        files.append(&mut self.shared);
        let problems = std::mem::take(&mut self.problems);
        let (records, spans_per_label, left_out) = self.counted.take().unwrap_or_default();
        let result = if problems.is_empty() {
            Ok(Export {
                files,
                records,
                spans_per_label,
                crossing: std::mem::take(&mut self.crossing),
                crossing_policy: self.options.crossing,
                left_out,
            })
        } else {
            Err(ExportError::Problems(problems))
        };
        Step::Done(Box::new(result))
    }
}

/// Adds a piece's files to those of its part written so far, `share_done` of the part's
/// records being written with it.
fn join(
    format: Format,
    part: &mut Vec<OutFile>,
    index: &mut HashMap<String, usize>,
    piece: Vec<OutFile>,
    share_done: f64,
) {
    for file in piece {
        let Some(&at) = index.get(&file.path) else {
            index.insert(file.path.clone(), part.len());
            part.push(file);
            continue;
        };
        let so_far = &mut part[at].contents;
        // Room for the whole file at once, estimated from the share written: growing a buffer of
        // a hundred megabytes by doubling copies it, and each copy is a long frame.
        let needed = so_far.len() + file.contents.len();
        // Once a twentieth is written the estimate is good; before that, plain doubling of what
        // is still small.
        if so_far.capacity() < needed && (0.05..1.0).contains(&share_done) {
            let expected = (needed as f64 / share_done * 1.1) as usize;
            so_far.reserve(expected.saturating_sub(so_far.len()));
        }
        if format == Format::LabelStudio {
            splice_arrays(so_far, &file.contents);
        } else {
            so_far.extend_from_slice(&file.contents);
        }
    }
}

/// `[\n  a\n]` and `[\n  b\n]` (pretty-printed JSON arrays) become `[\n  a,\n  b\n]`, exactly what
/// printing both arrays' items as one array gives.
fn splice_arrays(so_far: &mut Vec<u8>, next: &[u8]) {
    let (Some(close), Some(open)) =
        (so_far.iter().rposition(|&b| b == b']'), next.iter().position(|&b| b == b'['))
    else {
        return so_far.extend_from_slice(next);
    };
    so_far.truncate(close);
    while so_far.last().is_some_and(u8::is_ascii_whitespace) {
        so_far.pop();
    }
    so_far.push(b',');
    so_far.extend_from_slice(&next[open + 1..]);
}
