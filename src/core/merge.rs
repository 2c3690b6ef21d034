//! Merging several annotators' project files of the same documents into the open project: each
//! annotator's spans and relations sit side by side (spans of different annotators never
//! conflict, see `project::same_owner`), nothing is lost, and the whole merge is one undo step.

use super::command::Command;
use super::document::{DocId, DocStatus, Document, Relation, RelationId, SpanId};
use super::error::EditError;
use super::project::Project;
use super::project_json::{import_project, ImportError};
use crate::core::compact_sort;
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

/// The name reserved for the adjudicated layer; no person may take it.
pub const GOLD: &str = "gold";

/// One project file to merge, with the file's name (the annotator of last resort).
#[derive(Clone, Debug)]
pub struct MergeSource {
    pub file_name: String,
    pub project: Project,
}

/// What a merge would do, for the user to read before it applies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Per file: the annotators found in it (sorted), documents matched and added, spans and
    /// relations added, spans already in the project.
    pub files: Vec<FileReport>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileReport {
    pub file_name: String,
    pub annotators: Vec<String>,
    pub matched_documents: usize,
    pub new_documents: usize,
    pub spans: usize,
    pub relations: usize,
    pub already_there: usize,
}

impl MergeReport {
    /// One line per file: "alice.json (alice): 3 documents matched, 0 new, 41 spans, …".
    pub fn summary(&self) -> String {
        self.files
            .iter()
            .map(|f| {
                format!(
                    "{} ({}): {} documents matched, {} new, {} spans and {} relations added, {} already there",
                    f.file_name,
                    f.annotators.join(", "),
                    f.matched_documents,
                    f.new_documents,
                    f.spans,
                    f.relations,
                    f.already_there
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub fn annotators(&self) -> Vec<String> {
        let mut names: Vec<String> = self.files.iter().flat_map(|f| f.annotators.clone()).collect();
        compact_sort::sort(&mut names);
        names.dedup();
        names
    }
}

/// Why files cannot be merged; nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeError {
    /// Fewer than one file.
    NothingToMerge,
    /// Documents are still being read from storage.
    StillLoading { pending: usize },
    /// A document with the id of one in the project, with other text.
    TextDiffers { file: String, doc: DocId, at_byte: usize },
    /// Labels or relation types the project's schema lacks.
    NotInSchema { file: String, names: Vec<String> },
    /// A span or relation that would not fit (an overlap with the same annotator's span).
    DoesNotFit { file: String, doc: DocId, cause: Box<EditError> },
    /// A picked file that is not UTF-8 text: the first invalid byte.
    NotUtf8 { file: String, at_byte: usize },
    /// A picked file that is not a project file biaozhu can read, with why.
    NotAProject { file: String, cause: Box<ImportError> },
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MergeError::NothingToMerge => f.write_str("choose one or more project files to merge"),
            MergeError::StillLoading { pending } => {
                write!(f, "{pending} documents are still being read from storage; merge again in a moment")
            }
            MergeError::TextDiffers { file, doc, at_byte } => write!(
                f,
                "{file}: document \"{doc}\" has the id of a document of this project but not its text \
                 (they differ from byte {at_byte}); nothing was merged"
            ),
            MergeError::NotInSchema { file, names } => write!(
                f,
                "{file}: {} not in this project's schema; add them first (Schema) — nothing was merged",
                names.join(", ")
            ),
            MergeError::DoesNotFit { file, doc, cause } => {
                write!(f, "{file}: document \"{doc}\": {cause}; nothing was merged")
            }
            MergeError::NotUtf8 { file, at_byte } => {
                write!(f, "{file} is not UTF-8 text (invalid byte at offset {at_byte}); nothing was merged")
            }
            MergeError::NotAProject { file, cause } => {
                write!(f, "{file} is not a biaozhu project file: {cause}; nothing was merged")
            }
        }
    }
}

impl std::error::Error for MergeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            MergeError::DoesNotFit { cause, .. } => Some(cause.as_ref()),
            MergeError::NotAProject { cause, .. } => Some(cause.as_ref()),
            _ => None,
        }
    }
}

/// Reads picked files (name, bytes) as project files to merge; the error names the file.
pub fn read_sources(files: Vec<(String, Vec<u8>)>) -> Result<Vec<MergeSource>, MergeError> {
    files
        .into_iter()
        .map(|(file_name, bytes)| {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
            let text = match std::str::from_utf8(body) {
                Ok(text) => text,
                // Offsets are counted in the file as picked, byte order mark included.
                Err(e) => {
                    let at_byte = e.valid_up_to() + (bytes.len() - body.len());
                    return Err(MergeError::NotUtf8 { file: file_name, at_byte });
                }
            };
            let project = match import_project(text) {
                Ok(project) => project,
                Err(e) => return Err(MergeError::NotAProject { file: file_name, cause: Box::new(e) }),
            };
            Ok(MergeSource { file_name, project })
        })
        .collect()
}

/// Why a name cannot be a person's: empty, or the name kept for the adjudicated layer.
pub fn name_problem(name: &str) -> Option<NameProblem> {
    let name = name.trim();
    if name.eq_ignore_ascii_case(GOLD) {
        Some(NameProblem::Reserved)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Some(NameProblem::TooLong)
    } else {
        None
    }
}

/// The longest name an annotator may have, in characters.
pub const MAX_NAME_CHARS: usize = 60;

/// Why a name cannot be an annotator's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameProblem {
    /// "gold" is the adjudicated layer's.
    Reserved,
    /// More than `MAX_NAME_CHARS` characters.
    TooLong,
}

impl fmt::Display for NameProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameProblem::Reserved => {
                write!(f, "\"{GOLD}\" is kept for the adjudicated layer; choose another name")
            }
            NameProblem::TooLong => write!(f, "a name may have at most {MAX_NAME_CHARS} characters"),
        }
    }
}

/// The annotator of a span or document of `source` that names none: the document's annotator
/// field, else the file's name without its extension.
fn fallback_name(source: &MergeSource, doc: &Document) -> String {
    let field = doc.annotator.trim();
    if !field.is_empty() {
        return field.to_string();
    }
    let stem = source.file_name.rsplit_once('.').map_or(source.file_name.as_str(), |(stem, _)| stem);
    if stem.is_empty() {
        "?".to_string()
    } else {
        stem.to_string()
    }
}

/// Plans the merge of `sources` into `project`: the command (one undo step) and its report.
///
/// Documents are matched by id, their texts compared byte for byte; documents the project lacks
/// are added at the end. A span or relation without an annotator takes the document's
/// annotator field or the file's name. Spans identical to one already there (same annotator,
/// place, label and attributes) are not added twice.
pub fn plan_merge(project: &Project, sources: &[MergeSource]) -> Result<(Command, MergeReport), MergeError> {
    if sources.is_empty() {
        return Err(MergeError::NothingToMerge);
    }
    if project.stand_ins() > 0 {
        return Err(MergeError::StillLoading { pending: project.stand_ins() });
    }
    // Applied to a copy as it is planned, so that each step is checked against the ones before
    // (documents are shared, not copied, until one is edited).
    let mut scratch = project.clone();
    let mut steps = Vec::new();
    let mut report = MergeReport::default();
    for source in sources {
        check_schema(project, source)?;
        let mut file = FileReport { file_name: source.file_name.clone(), ..FileReport::default() };
        for theirs in source.project.documents().iter() {
            let fallback: Rc<str> = fallback_name(source, theirs).into();
            let doc_steps = merge_document(&mut scratch, source, theirs, &fallback, &mut file)?;
            for step in doc_steps {
                step.clone().apply(&mut scratch).map_err(|e| MergeError::DoesNotFit {
                    file: source.file_name.clone(),
                    doc: theirs.id.clone(),
                    cause: Box::new(e),
                })?;
                steps.push(step);
            }
        }
        compact_sort::sort(&mut file.annotators);
        file.annotators.dedup();
        report.files.push(file);
    }
    Ok((Command::Batch { steps }, report))
}

fn check_schema(project: &Project, source: &MergeSource) -> Result<(), MergeError> {
    let mut missing: Vec<String> = Vec::new();
    for doc in source.project.documents().iter() {
        for span in doc.spans() {
            if project.schema.label(&span.label).is_none() {
                missing.push(format!("label {}", span.label));
            }
        }
        for relation in doc.relations() {
            if project.schema.relation_type(&relation.kind).is_none() {
                missing.push(format!("relation type {}", relation.kind));
            }
        }
    }
    compact_sort::sort(&mut missing);
    missing.dedup();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(MergeError::NotInSchema { file: source.file_name.clone(), names: missing })
    }
}

/// The steps that bring one document of a file into the project (`scratch`, which holds the
/// steps planned so far; ids are taken from it).
fn merge_document(
    scratch: &mut Project,
    source: &MergeSource,
    theirs: &Document,
    fallback: &Rc<str>,
    file: &mut FileReport,
) -> Result<Vec<Command>, MergeError> {
    let owner = |annotator: &Option<Rc<str>>| annotator.clone().unwrap_or_else(|| fallback.clone());
    // Who worked on this document in the file: whoever made its spans, the names it lists,
    // and the fallback when it was started (a document left "to do" without spans was not).
    let mut names: Vec<String> = theirs.spans().iter().map(|s| owner(&s.annotator).to_string()).collect();
    names.extend(theirs.annotated_by.iter().cloned());
    if theirs.status != DocStatus::Todo && theirs.spans().iter().all(|s| s.annotator.is_some()) {
        names.push(fallback.to_string());
    }
    file.annotators.extend(names.iter().cloned());

    let mut steps = Vec::new();
    let mut ids: HashMap<SpanId, SpanId> = HashMap::new();
    // What the project holds of the document already, copied out (ids are taken from
    // `scratch` below).
    let ours = match scratch.document(&theirs.id) {
        Some(ours) => {
            if ours.text() != theirs.text() {
                let at_byte =
                    ours.text().bytes().zip(theirs.text().bytes()).take_while(|(a, b)| a == b).count();
                return Err(MergeError::TextDiffers {
                    file: source.file_name.clone(),
                    doc: theirs.id.clone(),
                    at_byte,
                });
            }
            file.matched_documents += 1;
            Some((ours.spans().to_vec(), ours.relations().to_vec(), ours.annotated_by.clone()))
        }
        None => {
            file.new_documents += 1;
            let mut bare = Document::new(theirs.id.clone(), theirs.name.clone(), theirs.text())
                .with_status(theirs.status);
            bare.note = theirs.note.clone();
            steps.push(Command::AddDocument { at: usize::MAX, doc: Box::new(bare) });
            None
        }
    };
    let (existing, existing_relations, mut merged_names) = ours.unwrap_or_default();
    for span in theirs.spans() {
        let annotator = owner(&span.annotator);
        let same = existing.iter().find(|s| {
            s.range == span.range
                && s.label == span.label
                && s.attributes == span.attributes
                && s.annotator.as_deref() == Some(&*annotator)
        });
        if let Some(same) = same {
            file.already_there += 1;
            ids.insert(span.id, same.id);
            continue;
        }
        let id = scratch.allocate_span_id();
        ids.insert(span.id, id);
        let mut copy = span.clone();
        copy.id = id;
        copy.annotator = Some(annotator);
        file.spans += 1;
        steps.push(Command::AddSpan { doc: theirs.id.clone(), span: copy });
    }
    for relation in theirs.relations() {
        let (Some(&from), Some(&to)) = (ids.get(&relation.from), ids.get(&relation.to)) else { continue };
        if existing_relations.iter().any(|r| r.from == from && r.to == to && r.kind == relation.kind) {
            continue;
        }
        let id: RelationId = scratch.allocate_relation_id();
        let mut copy = Relation::new(id, relation.kind.clone(), from, to);
        copy.annotator = Some(owner(&relation.annotator));
        file.relations += 1;
        steps.push(Command::AddRelation { doc: theirs.id.clone(), relation: copy });
    }
    let before = merged_names.clone();
    merged_names.extend(names);
    compact_sort::sort(&mut merged_names);
    merged_names.dedup();
    if merged_names != before {
        steps.push(Command::SetAnnotatedBy { doc: theirs.id.clone(), names: merged_names });
    }
    Ok(steps)
}
