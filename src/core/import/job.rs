//! A dataset import in steps, so that the UI can read a corpus between frames with a progress
//! bar and Cancel: reading the file (a CoNLL or JSONL file a piece at a time, other formats at
//! once),
//! then placing its documents in the project a few at a time. The result is the same review
//! that [`crate::core::intake::actions_for_files`] opens at once.

use super::readers::{parse, reads_as_conll, reads_as_jsonl, utf8, ConllReader, JsonlReader};
use super::{suggest_mapping, Parsed, Planner};
use crate::core::editor::{EditorAction, PendingImport};
use crate::core::intake::Dataset;
use crate::core::project::Project;

/// What the job is doing, for the progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Doing {
    /// Reading the file: `done` and `total` count bytes.
    Reading,
    /// Placing the documents read in the project: `done` and `total` count documents.
    Placing,
}

#[derive(Debug)]
pub enum ImportStep {
    Working {
        doing: Doing,
        done: usize,
        total: usize,
    },
    /// The actions that open the review (or say why the files were not read).
    Done(Vec<EditorAction>),
}

/// A reader of a line-based format, resumable at any line.
#[derive(Debug)]
enum LineReader {
    Conll(ConllReader),
    Jsonl(JsonlReader),
}

impl LineReader {
    fn read(&mut self, text: &str, budget: usize) -> Result<bool, super::readers::ReadError> {
        match self {
            LineReader::Conll(reader) => reader.read(text, budget),
            LineReader::Jsonl(reader) => reader.read(text, budget),
        }
    }

    fn position(&self) -> usize {
        match self {
            LineReader::Conll(reader) => reader.position(),
            LineReader::Jsonl(reader) => reader.position(),
        }
    }

    fn finish(self) -> Result<Parsed, super::readers::ReadError> {
        match self {
            LineReader::Conll(reader) => reader.finish(),
            LineReader::Jsonl(reader) => reader.finish(),
        }
    }
}

#[derive(Debug)]
enum Stage {
    /// Nothing done yet.
    Start,
    /// One CoNLL or JSONL file, read in pieces.
    Lines {
        reader: LineReader,
        text: String,
    },
    /// Files read in one step.
    Whole,
    Placing(Box<Placing>),
    Finished,
}

#[derive(Debug)]
struct Placing {
    parsed: Parsed,
    planner: Planner,
    /// The session revision the review is planned at (see `PendingImport::planned_at`).
    revision: u64,
}

#[derive(Debug)]
pub struct ImportJob {
    dataset: Dataset,
    stage: Stage,
}

impl ImportJob {
    pub fn new(dataset: Dataset) -> Self {
        ImportJob { dataset, stage: Stage::Start }
    }

    /// Decides how the files are read (a first step of its own: checking a corpus's text and
    /// taking it apart from the file's bytes takes a moment).
    fn start(&mut self) -> Stage {
        match &mut self.dataset.files[..] {
            [file] => match utf8(file) {
                Ok(text) if reads_as_conll(file, text) => {
                    let stage = Stage::Lines {
                        reader: LineReader::Conll(ConllReader::new(&file.name)),
                        text: text.to_string(),
                    };
                    // The text is what the job reads from now on.
                    file.bytes = Vec::new();
                    stage
                }
                Ok(text) if reads_as_jsonl(file, text) => {
                    let stage = Stage::Lines {
                        reader: LineReader::Jsonl(JsonlReader::new(&file.name, None)),
                        text: text.to_string(),
                    };
                    file.bytes = Vec::new();
                    stage
                }
                _ => Stage::Whole,
            },
            _ => Stage::Whole,
        }
    }

    /// Works for about `budget` bytes of text (a piece of the file read, or documents of that
    /// much text placed) on `project` at `revision` (the project the review will be for; it
    /// is taken when the placing starts).
    pub fn step(&mut self, project: &Project, revision: u64, budget: usize) -> ImportStep {
        match std::mem::replace(&mut self.stage, Stage::Finished) {
            Stage::Start => {
                self.stage = self.start();
                ImportStep::Working { doing: Doing::Reading, done: 0, total: self.total_bytes() }
            }
            Stage::Lines { mut reader, text } => match reader.read(&text, budget) {
                Ok(false) => {
                    let done = reader.position();
                    self.stage = Stage::Lines { reader, text };
                    ImportStep::Working { doing: Doing::Reading, done, total: self.total_bytes() }
                }
                Ok(true) => self.read(project, revision, reader.finish()),
                Err(error) => self.read(project, revision, Err(error)),
            },
            Stage::Whole => {
                let parsed = parse(&self.dataset.files);
                self.read(project, revision, parsed)
            }
            Stage::Placing(placing) => {
                let Placing { parsed, mut planner, revision } = *placing;
                let total = parsed.docs.len();
                if planner.place(&parsed, budget) {
                    let mapping = planner.mapping().clone();
                    let plan = planner.finish();
                    let dataset = self.take_dataset();
                    let pending = PendingImport {
                        source: dataset.source,
                        mapping,
                        parsed,
                        unit_choice: None,
                        plan,
                        planned_at: revision,
                        as_text: dataset.as_text,
                    };
                    ImportStep::Done(vec![EditorAction::ReviewReady(Box::new(pending))])
                } else {
                    let done = planner.placed();
                    self.stage = Stage::Placing(Box::new(Placing { parsed, planner, revision }));
                    ImportStep::Working { doing: Doing::Placing, done, total }
                }
            }
            Stage::Finished => ImportStep::Done(Vec::new()),
        }
    }

    fn total_bytes(&self) -> usize {
        match &self.stage {
            Stage::Lines { text, .. } => text.len(),
            _ => self.dataset.files.iter().map(|f| f.bytes.len()).sum(),
        }
    }

    /// The file is read: place its documents next, or say why it did not read.
    fn read(
        &mut self,
        project: &Project,
        revision: u64,
        parsed: Result<Parsed, super::readers::ReadError>,
    ) -> ImportStep {
        match parsed {
            Ok(parsed) => {
                let total = parsed.docs.len();
                let planner = Planner::new(project, &parsed, suggest_mapping(project, &parsed), None);
                self.stage = Stage::Placing(Box::new(Placing { parsed, planner, revision }));
                ImportStep::Working { doing: Doing::Placing, done: 0, total }
            }
            Err(error) => ImportStep::Done(self.take_dataset().outcome(Err(error))),
        }
    }

    fn take_dataset(&mut self) -> Dataset {
        std::mem::replace(
            &mut self.dataset,
            Dataset { source: String::new(), files: Vec::new(), as_text: None },
        )
    }
}
