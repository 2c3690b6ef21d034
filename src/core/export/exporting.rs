//! The messages between the page and the export worker (`src/bin/biaozhu-exporter.rs`), which
//! builds and self-checks a dataset export off the page's thread and out of the page's bundle
//! (every format's writer, the read-back check and the zip writer load only when the export
//! dialog is first opened).
//!
//! A request is the JSON of an [`ExportRequest`], sent as bytes; a reply is a JS array whose
//! first item is the JSON of an [`ExportReply`]. The page sends [`ExportRequest::Begin`], the
//! documents in pieces ([`ExportRequest::Docs`], each made between two frames, see [`Sending`]),
//! then [`ExportRequest::Build`]; the worker keeps the documents, so that the next build of the
//! same project (another format, other options) sends only `Build`. A document crosses in the
//! shape the project file and the history give it (`core::wire`), text included. The worker
//! puts the project together ([`Receiving`]), answers with [`ExportReply::Progress`] while it
//! builds, then [`ExportReply::Built`] with the download's bytes after the JSON, or
//! [`ExportReply::Failed`].

use super::bundle::Download;
use super::job::{exported_documents, ExportJob, Phase, Step};
use super::preview::preview;
use super::problem::ExportLoss;
use super::units::{Crossing, CrossingSpan};
use super::{ExportError, ExportOptions};
use crate::core::document::{Document, Span};
use crate::core::project::Project;
use crate::core::schema::Schema;
use crate::core::stored::document_from_wire;
use crate::core::wire::DocumentWire;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

#[derive(Serialize, Deserialize)]
pub enum ExportRequest<'a> {
    /// The documents of a project follow, `documents` of them, replacing those sent before.
    Begin { schema: Schema, next_ids: (u64, u64), documents: usize },
    /// The next documents, in the project's order.
    Docs(Vec<DocumentWire<'a, Span>>),
    /// Build an export of the documents sent, only `annotator`'s work if one is named
    /// (`Project::only_by`).
    Build { options: ExportOptions, annotator: Option<String> },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportReply {
    /// The worker has loaded and reads what it is sent from now on.
    Ready,
    /// `done` of `total` units of the phase (documents, then records).
    Progress {
        done: usize,
        total: usize,
        doing: Phase,
    },
    /// The export is built and checked; the download's bytes follow the JSON.
    Built(Summary),
    Failed(ExportError),
}

/// What the export dialog shows of a built export (its files are in the download).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The download's file name and type.
    pub name: String,
    pub mime: String,
    /// The first file's name and its first lines.
    pub first_file: String,
    pub first_lines: String,
    /// How many files the export has (brat's corpus export has one per record and kind).
    pub files: usize,
    pub records: usize,
    pub spans_per_label: BTreeMap<String, usize>,
    pub crossing: Vec<CrossingSpan>,
    pub crossing_policy: Crossing,
    pub left_out: Vec<ExportLoss>,
}

impl ExportRequest<'_> {
    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("a request always serialises")
    }

    /// # Errors
    /// Bytes that are not a request (never sent by the page of the same build).
    pub fn from_json(json: &[u8]) -> Result<ExportRequest<'static>, serde_json::Error> {
        serde_json::from_slice(json)
    }
}

impl ExportReply {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a reply always serialises")
    }

    /// # Errors
    /// Text that is not a reply (never sent by the worker of the same build).
    pub fn from_json(json: &str) -> Result<ExportReply, serde_json::Error> {
        serde_json::from_str(json)
    }
}

/// The page's end: sends the documents an export needs, a piece at a time (a corpus's take the
/// page a few hundred milliseconds to write, so they are spread over frames).
pub struct Sending {
    /// Where the documents to send are in the project, in its order.
    docs: Vec<usize>,
    next: usize,
}

impl Sending {
    /// Checks that `project` can be exported with `options` (the refusals that need no work:
    /// documents still being read, or none chosen) and says where its documents are.
    ///
    /// # Errors
    /// Those refusals.
    pub fn wanted(project: &Project, options: &ExportOptions) -> Result<Vec<usize>, ExportError> {
        exported_documents(project, options)
    }

    /// The first request of sending the documents at `docs` of `project`, and what sends the
    /// rest.
    pub fn start(project: &Project, docs: Vec<usize>) -> (Vec<u8>, Sending) {
        let begin = ExportRequest::Begin {
            schema: (*project.schema).clone(),
            next_ids: project.next_ids(),
            documents: docs.len(),
        };
        (begin.to_json(), Sending { docs, next: 0 })
    }

    /// The next request of documents, about `piece_bytes` bytes of JSON (at least one
    /// document), or `None` when all are sent. `project` is the one sending started with.
    pub fn next(&mut self, project: &Project, piece_bytes: usize) -> Option<Vec<u8>> {
        if self.next >= self.docs.len() {
            return None;
        }
        let mut piece = Vec::new();
        let mut bytes = 0usize;
        while self.next < self.docs.len() && (piece.is_empty() || bytes < piece_bytes) {
            if let Some(doc) = project.documents().get(self.docs[self.next]) {
                // Roughly its JSON: the text, and a few dozen bytes a span.
                bytes = bytes.saturating_add(doc.text().len() + doc.spans().len() * 48 + 64);
                piece.push(DocumentWire::of(doc, Cow::Borrowed(doc.spans())));
            }
            self.next += 1;
        }
        Some(ExportRequest::Docs(piece).to_json())
    }

    /// True once every document has been sent.
    pub fn finished(&self) -> bool {
        self.next >= self.docs.len()
    }

    /// True when the documents sent include every one of `wanted` (both in project order).
    pub fn covers(&self, wanted: &[usize]) -> bool {
        let mut sent = self.docs.iter();
        wanted.iter().all(|w| sent.any(|s| s == w))
    }
}

/// The build request for `options` (only `annotator`'s work, if named).
pub fn build_request(options: &ExportOptions, annotator: Option<&str>) -> Vec<u8> {
    ExportRequest::Build { options: options.clone(), annotator: annotator.map(str::to_string) }.to_json()
}

/// The worker's end: puts the project together from the requests, and keeps it for the next
/// build.
#[derive(Default)]
pub struct Receiving {
    begun: Option<(Schema, (u64, u64))>,
    docs: Vec<Document>,
    project: Option<Project>,
}

/// A project put together, and how to export it.
pub struct Received {
    pub project: Project,
    pub options: ExportOptions,
}

impl Receiving {
    /// Takes in the next request; for `Build`, the project to export.
    ///
    /// # Errors
    /// Requests out of order, or a document that does not read (neither is sent by the page
    /// of the same build).
    pub fn take(&mut self, request: ExportRequest) -> Result<Option<Received>, ExportError> {
        let failed = |what: String| Err(ExportError::WorkerFailed(what));
        match request {
            ExportRequest::Begin { schema, next_ids, documents } => {
                self.docs = Vec::with_capacity(documents);
                self.project = None;
                self.begun = Some((schema, next_ids));
                Ok(None)
            }
            ExportRequest::Docs(docs) => {
                let Some((schema, _)) = &self.begun else {
                    return failed("documents before the export began".into());
                };
                for wire in docs {
                    match document_from_wire(schema, wire) {
                        Ok(doc) => self.docs.push(doc),
                        Err(error) => return failed(error.to_string()),
                    }
                }
                Ok(None)
            }
            ExportRequest::Build { options, annotator } => {
                if let Some((schema, next_ids)) = self.begun.take() {
                    let docs = std::mem::take(&mut self.docs);
                    let mut seen = HashSet::new();
                    if let Some(twice) = docs.iter().find(|d| !seen.insert(&d.id)) {
                        return failed(format!("document {} was sent twice", twice.id));
                    }
                    self.project = Some(Project::from_documents(schema, docs, next_ids));
                }
                let Some(project) = &self.project else {
                    return failed("a build before any document was sent".into());
                };
                let project = match &annotator {
                    Some(name) => project.only_by(name),
                    None => project.clone(),
                };
                Ok(Some(Received { project, options }))
            }
        }
    }
}

/// Builds and checks the export of `received`, calling `progress` as it goes, and makes its
/// download: the summary the page shows and the download's bytes.
///
/// # Errors
/// The export's own refusals (see [`ExportError`]).
pub fn build(
    received: Received,
    budget: usize,
    mut progress: impl FnMut(usize, usize, Phase),
) -> Result<(Summary, Vec<u8>), ExportError> {
    let Received { project, options } = received;
    let mut job = ExportJob::new(&project, options.clone())?;
    let mut export = loop {
        match job.step(&project, budget) {
            Step::Working { done, total, doing } => progress(done, total, doing),
            Step::Done(result) => break (*result)?,
        }
    };
    drop(job);
    drop(project);
    let shown = preview(&options, &mut export)?;
    let Download { name, mime, bytes } = shown.download;
    let summary = Summary {
        name,
        mime: mime.to_string(),
        first_file: shown.first_file,
        first_lines: shown.first_lines,
        files: shown.files.len(),
        records: export.records,
        spans_per_label: export.spans_per_label,
        crossing: export.crossing,
        crossing_policy: export.crossing_policy,
        left_out: export.left_out,
    };
    Ok((summary, bytes))
}
