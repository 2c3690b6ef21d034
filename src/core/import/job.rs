//! A dataset import in steps, so that the UI can show a progress bar and Cancel while a corpus
//! comes in: reading the files ([`ReadJob`], a CoNLL or JSONL file a piece at a time, other
//! formats at once; the page runs it in the reading worker), then placing the documents in the
//! project a few at a time ([`PlaceJob`]). The result is the same review that
//! [`crate::core::intake::actions_for_files`] opens at once.

use super::readers::{
    parse, reads_as_conll, reads_as_jsonl, utf8, ConllReader, InFile, JsonlReader, ReadError,
};
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

/// How far a [`ReadJob`] is.
#[derive(Debug)]
pub enum ReadStep {
    /// `done` of `total` bytes read.
    Working {
        done: usize,
        total: usize,
    },
    Finished(Result<Parsed, ReadError>),
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
    Finished,
}

/// Reading a dataset's files: the part of an import that the reading worker does
/// (`import::reading`), a CoNLL or JSONL file a piece at a time so that it can say how far it is.
#[derive(Debug)]
pub struct ReadJob {
    files: Vec<InFile>,
    stage: Stage,
}

impl ReadJob {
    pub fn new(files: Vec<InFile>) -> Self {
        ReadJob { files, stage: Stage::Start }
    }

    /// Decides how the files are read (a first step of its own: checking a corpus's text and
    /// taking it apart from the file's bytes takes a moment).
    fn start(&mut self) -> Stage {
        match &mut self.files[..] {
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

    /// Reads about `budget` bytes more (a format read at once is read in one step).
    pub fn step(&mut self, budget: usize) -> ReadStep {
        match std::mem::replace(&mut self.stage, Stage::Finished) {
            Stage::Start => {
                self.stage = self.start();
                ReadStep::Working { done: 0, total: self.total_bytes() }
            }
            Stage::Lines { mut reader, text } => match reader.read(&text, budget) {
                Ok(false) => {
                    let done = reader.position();
                    self.stage = Stage::Lines { reader, text };
                    ReadStep::Working { done, total: self.total_bytes() }
                }
                Ok(true) => ReadStep::Finished(reader.finish()),
                Err(error) => ReadStep::Finished(Err(error)),
            },
            Stage::Whole => ReadStep::Finished(parse(&std::mem::take(&mut self.files))),
            Stage::Finished => ReadStep::Finished(Err(ReadError::NoDataFile)),
        }
    }

    fn total_bytes(&self) -> usize {
        match &self.stage {
            Stage::Lines { text, .. } => text.len(),
            _ => self.files.iter().map(|f| f.bytes.len()).sum(),
        }
    }
}

/// Placing a dataset's documents read in `project`, a few at a time: the part of an import
/// the page does, since it needs the project (its schema, the ids taken).
#[derive(Debug)]
pub struct PlaceJob {
    parsed: Parsed,
    planner: Planner,
    /// The session revision the review is planned at (see `PendingImport::planned_at`).
    revision: u64,
    /// The files' names, and the text to keep instead (see [`Dataset`]).
    source: String,
    as_text: Option<crate::core::intake::AsText>,
}

impl PlaceJob {
    /// `dataset`'s files are read (`parsed`; its files are no longer needed).
    pub fn new(project: &Project, revision: u64, parsed: Parsed, dataset: Dataset) -> Self {
        let planner = Planner::new(project, &parsed, suggest_mapping(project, &parsed), None);
        PlaceJob { parsed, planner, revision, source: dataset.source, as_text: dataset.as_text }
    }

    /// Places documents of about `budget` bytes of text; true once all are.
    pub fn step(&mut self, budget: usize) -> bool {
        self.planner.place(&self.parsed, budget)
    }

    /// The files' names, for the progress bar.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// How many of how many documents are placed.
    pub fn placed(&self) -> (usize, usize) {
        (self.planner.placed(), self.parsed.docs.len())
    }

    /// The action that opens the review, once [`PlaceJob::step`] said all are placed.
    pub fn review(self) -> EditorAction {
        let mapping = self.planner.mapping().clone();
        let pending = PendingImport {
            source: self.source,
            mapping,
            parsed: self.parsed,
            unit_choice: None,
            plan: self.planner.finish(),
            planned_at: self.revision,
            as_text: self.as_text,
        };
        EditorAction::ReviewReady(Box::new(pending))
    }
}

/// A whole import, read and placed in steps on one thread (the command-line tools and the
/// tests; the page reads in a worker and places with [`PlaceJob`]).
#[derive(Debug)]
pub struct ImportJob {
    dataset: Dataset,
    reading: Option<ReadJob>,
    placing: Option<PlaceJob>,
}

impl ImportJob {
    pub fn new(mut dataset: Dataset) -> Self {
        let reading = ReadJob::new(std::mem::take(&mut dataset.files));
        ImportJob { dataset, reading: Some(reading), placing: None }
    }

    /// Works for about `budget` bytes of text (a piece of the file read, or documents of that
    /// much text placed) on `project` at `revision` (the project the review will be for; it
    /// is taken when the placing starts).
    pub fn step(&mut self, project: &Project, revision: u64, budget: usize) -> ImportStep {
        if let Some(reading) = self.reading.as_mut() {
            return match reading.step(budget) {
                ReadStep::Working { done, total } => {
                    ImportStep::Working { doing: Doing::Reading, done, total }
                }
                ReadStep::Finished(Ok(parsed)) => {
                    self.reading = None;
                    let total = parsed.docs.len();
                    self.placing = Some(PlaceJob::new(project, revision, parsed, self.take_dataset()));
                    ImportStep::Working { doing: Doing::Placing, done: 0, total }
                }
                ReadStep::Finished(Err(error)) => {
                    self.reading = None;
                    ImportStep::Done(self.take_dataset().outcome(Err(error)))
                }
            };
        }
        let Some(mut placing) = self.placing.take() else { return ImportStep::Done(Vec::new()) };
        if placing.step(budget) {
            return ImportStep::Done(vec![placing.review()]);
        }
        let (done, total) = placing.placed();
        self.placing = Some(placing);
        ImportStep::Working { doing: Doing::Placing, done, total }
    }

    fn take_dataset(&mut self) -> Dataset {
        std::mem::replace(
            &mut self.dataset,
            Dataset { source: String::new(), files: Vec::new(), as_text: None },
        )
    }
}
