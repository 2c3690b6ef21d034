//! The messages between the page and the reading worker (`src/bin/biaozhu-reader.rs`), which
//! runs the dataset readers off the page's thread and out of the page's bundle (zip, inflate and
//! every format's reader load only when a dataset is first imported).
//!
//! A message either way is a JS array whose first item is the JSON of a [`ReadRequest`] or
//! [`ReadReply`]. A request carries the files' bytes after it, one `Uint8Array` per name. The
//! worker answers a request with [`ReadReply::Progress`] while it reads, then what it read in
//! pieces ([`ReadReply::Docs`], each small enough for the page to take in between two frames),
//! then [`ReadReply::Read`] or [`ReadReply::Failed`]; [`Assembly`] puts the pieces together.
//!
//! The replies after the reading wait in the worker ([`Handing`]) and go one at a time, each when
//! the page asks for it ([`ReadRequest::More`]): sent all at once, a corpus's sixty pieces queued
//! up as tasks on the page, which the browser ran back to back without painting for a tenth of
//! a second at a time.

use super::readers::{format_name, FormatName, Found, Passed, ReadError, Table};
use super::{Parsed, RawDoc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReadRequest {
    /// Read these files as one dataset (their bytes follow the JSON, in this order).
    Read { names: Vec<String> },
    /// The page has taken the last reply of documents: send the next.
    More,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReadReply {
    /// The worker has loaded and reads what it is sent from now on.
    Ready,
    /// `done` of `total` bytes read.
    Progress { done: usize, total: usize },
    /// Documents read, in the file's order; more may follow.
    Docs(Vec<RawDoc>),
    /// The last reply to a request that read: the rest of the [`Parsed`] whose documents came
    /// in the `Docs` before it.
    Read {
        #[serde(with = "format_name")]
        format: FormatName,
        notes: Vec<Found<Passed>>,
        table: Option<Table>,
    },
    /// The last reply to a request that did not read.
    Failed(ReadError),
}

impl ReadReply {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a reply always serialises")
    }

    /// # Errors
    /// Text that is not a reply (never sent by the worker of the same build).
    pub fn from_json(json: &str) -> Result<ReadReply, serde_json::Error> {
        serde_json::from_str(json)
    }
}

impl ReadRequest {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a request always serialises")
    }

    /// # Errors
    /// Text that is not a request.
    pub fn from_json(json: &str) -> Result<ReadRequest, serde_json::Error> {
        serde_json::from_str(json)
    }
}

/// The replies that carry `result` to the page: its documents in pieces of about `piece_bytes`
/// bytes of text each (a piece holds at least one document), then the rest.
pub fn replies(result: Result<Parsed, ReadError>, piece_bytes: usize) -> Vec<ReadReply> {
    let parsed = match result {
        Ok(parsed) => parsed,
        Err(error) => return vec![ReadReply::Failed(error)],
    };
    let Parsed { format, docs, notes, table } = parsed;
    let mut out = Vec::new();
    let mut piece = Vec::new();
    let mut bytes = 0usize;
    for doc in docs {
        bytes = bytes.saturating_add(doc.text.len() + doc.spans.len() * 32);
        piece.push(doc);
        if bytes >= piece_bytes {
            out.push(ReadReply::Docs(std::mem::take(&mut piece)));
            bytes = 0;
        }
    }
    if !piece.is_empty() {
        out.push(ReadReply::Docs(piece));
    }
    out.push(ReadReply::Read { format, notes, table });
    out
}

/// The worker's end: the replies of the last request still to send, one each time the page
/// asks.
#[derive(Debug, Default)]
pub struct Handing {
    waiting: std::collections::VecDeque<ReadReply>,
}

impl Handing {
    /// Holds the replies of a new request (those of an earlier one are dropped) and gives the
    /// first.
    pub fn start(&mut self, replies: Vec<ReadReply>) -> Option<ReadReply> {
        self.waiting = replies.into();
        self.hand_next()
    }

    /// The next reply to send, if any is left.
    pub fn hand_next(&mut self) -> Option<ReadReply> {
        self.waiting.pop_front()
    }
}

/// The page's end: what a request's replies have brought so far.
#[derive(Debug, Default)]
pub struct Assembly {
    docs: Vec<RawDoc>,
}

/// What one reply means to the page.
#[derive(Debug, PartialEq, Eq)]
pub enum Assembled {
    /// Reading goes on: `done` of `total` bytes when the reply says so.
    Reading(Option<(usize, usize)>),
    /// The files are read, or why not.
    Finished(Result<Parsed, ReadError>),
}

impl Assembly {
    /// Takes in the next reply.
    pub fn take(&mut self, reply: ReadReply) -> Assembled {
        match reply {
            ReadReply::Ready => Assembled::Reading(None),
            ReadReply::Progress { done, total } => Assembled::Reading(Some((done, total))),
            ReadReply::Docs(docs) => {
                self.docs.extend(docs);
                Assembled::Reading(None)
            }
            ReadReply::Read { format, notes, table } => {
                let docs = std::mem::take(&mut self.docs);
                Assembled::Finished(Ok(Parsed { format, docs, notes, table }))
            }
            ReadReply::Failed(error) => {
                self.docs.clear();
                Assembled::Finished(Err(error))
            }
        }
    }
}
