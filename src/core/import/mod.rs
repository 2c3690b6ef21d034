//! Imports of the dataset formats we export (and the files other tools write in them).
//!
//! Every reader turns its files into [`RawDoc`]s: text plus spans with offsets as the file
//! states them. [`plan`] then finds each span's place: offsets that do not give back the span's
//! text are repaired when the text shows where the span belongs (UTF-16 units instead of code
//! points is the common case), unknown labels are mapped as the user chooses, and whatever
//! cannot be placed is listed, never dropped silently. Nothing changes in the project until the
//! user accepts the plan.

pub mod job;
pub mod problem;
pub mod readers;
pub mod reading;
pub mod repair;
pub mod units;

pub use problem::{ImportProblem, LeftOut, StatedSpan, UnitNote};
pub use repair::{UnitDecision, UnitReading};
pub use units::OffsetUnit;

use crate::core::compact_sort;
use crate::core::document::{DocId, Document, Relation, RelationId, Span, SpanId};
use crate::core::offsets::excerpt;
use crate::core::project::Project;
use crate::core::Command;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

// The raw types below derive serde because the readers run in a worker (`import::reading`):
// what they read reaches the page as JSON.

/// A span as a file states it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawSpan {
    pub start: usize,
    pub end: usize,
    pub label: String,
    /// The span's text when the format carries it (spaCy, Label Studio, brat, W3C).
    pub text: Option<String>,
    pub attributes: BTreeMap<String, String>,
}

/// A relation as a file states it, between two spans of the same document (by index into
/// `RawDoc::spans`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawRelation {
    pub kind: String,
    pub from: usize,
    pub to: usize,
}

/// A document as a file states it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawDoc {
    pub id: Option<String>,
    pub name: Option<String>,
    pub text: String,
    pub spans: Vec<RawSpan>,
    /// The unit the file declares; `None` lets the spans' texts or their fit decide.
    pub unit: Option<OffsetUnit>,
    pub relations: Vec<RawRelation>,
    /// Spans and relations the reader could not read (a broken offset, a relation pointing at
    /// no span), each naming its place in the file; the review lists them with the rest.
    pub problems: Vec<readers::Found<readers::Unread>>,
}

/// What the readers found, before any mapping.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parsed {
    #[serde(with = "readers::format_name")]
    pub format: readers::FormatName,
    pub docs: Vec<RawDoc>,
    /// Things the reader skipped on purpose (e.g. rejected Prodigy answers), to tell the user.
    pub notes: Vec<readers::Found<readers::Passed>>,
    /// A CSV or TSV file's table, whose text column the review may change.
    pub table: Option<readers::Table>,
}

impl Parsed {
    /// Takes the documents' texts from column `column` of the table (a CSV or TSV file).
    pub fn use_text_column(&mut self, column: usize) {
        if let Some(table) = self.table.as_mut().filter(|t| column < t.columns.len()) {
            table.text_column = column;
            let (docs, notes) = table.docs();
            self.docs = docs;
            self.notes = notes;
        }
    }
}

/// Where spans with a label outside the schema go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelChoice {
    /// Into this schema label.
    Map(String),
    /// Left out, as the user asked.
    Drop,
}

/// The import as it would happen, for the user to review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPlan {
    pub format: &'static str,
    pub docs: Vec<Document>,
    /// Spans whose offsets were moved to where their text is, and why.
    pub moved: usize,
    pub unit_notes: Vec<UnitNote>,
    /// Labels not in the schema and not mapped yet, with their span counts.
    pub unmapped: BTreeMap<String, usize>,
    /// Spans that could not be placed, each naming its document, offsets and reason.
    pub problems: Vec<ImportProblem>,
    /// What the reader passed over on purpose.
    pub notes: Vec<readers::Found<readers::Passed>>,
    /// How the spans without text were read, and whether the user must choose.
    pub units: UnitDecision,
    /// The unit the user chose, when `units` asks.
    pub unit_choice: Option<OffsetUnit>,
}

impl ImportPlan {
    /// True while the readings of the offsets tie and the user has not chosen one.
    pub fn needs_unit_choice(&self) -> bool {
        matches!(self.units, UnitDecision::Ask(_)) && self.unit_choice.is_none()
    }

    pub fn span_count(&self) -> usize {
        self.docs.iter().map(|d| d.spans().len()).sum()
    }

    pub fn relation_count(&self) -> usize {
        self.docs.iter().map(|d| d.relations().len()).sum()
    }

    /// The command that adds the planned documents, as one undo step.
    pub fn command(&self, project: &Project) -> Command {
        let at = project.documents().len();
        Command::Batch {
            steps: self
                .docs
                .iter()
                .enumerate()
                .map(|(i, d)| Command::AddDocument { at: at + i, doc: Box::new(d.clone()) })
                .collect(),
        }
    }
}

/// The starting choices for labels of `parsed` outside the schema: the likeliest schema label
/// of each, where there is one (see [`suggest_label`]).
pub fn suggest_mapping(project: &Project, parsed: &Parsed) -> BTreeMap<String, LabelChoice> {
    let mut unknown: Vec<&str> = parsed
        .docs
        .iter()
        .flat_map(|d| d.spans.iter().map(|s| s.label.as_str()))
        .filter(|l| project.schema.label(l).is_none())
        .collect();
    compact_sort::sort(&mut unknown);
    unknown.dedup();
    compact_sort::btree_map(
        unknown
            .into_iter()
            .filter_map(|l| suggest_label(project, l).map(|to| (l.to_string(), LabelChoice::Map(to)))),
    )
}

/// A schema label the unknown `label` most likely means, to preselect in the mapping.
pub fn suggest_label(project: &Project, label: &str) -> Option<String> {
    // ASCII, as the comparison below: the aliases are ASCII tags.
    let upper = label.to_ascii_uppercase();
    let alias = match upper.as_str() {
        "PERSON" | "PERSON_NAME" | "NR" | "NAME" => "PER",
        "ORGANIZATION" | "ORGANISATION" | "NT" => "ORG",
        "LOCATION" | "GPE" | "NS" | "PLACE" => "LOC",
        "TIME" => "DATE",
        other => other,
    };
    project.schema.labels().find(|l| l.name.eq_ignore_ascii_case(alias)).map(|l| l.name.clone())
}

/// Places the parsed documents in `project`'s schema, with `mapping` for unknown labels and
/// `unit_choice` for the offset unit when the readings tie (see [`UnitDecision::Ask`]).
pub fn plan(
    project: &Project,
    parsed: &Parsed,
    mapping: &BTreeMap<String, LabelChoice>,
    unit_choice: Option<OffsetUnit>,
) -> ImportPlan {
    let mut planner = Planner::new(project, parsed, mapping.clone(), unit_choice);
    planner.place(parsed, usize::MAX);
    planner.finish()
}

/// A plan being made a few documents at a time (a corpus has tens of thousands; see
/// `import::job`). The documents are placed in order; [`plan`] places them all at once.
#[derive(Debug)]
pub struct Planner {
    plan: ImportPlan,
    schema: std::rc::Rc<crate::core::Schema>,
    mapping: BTreeMap<String, LabelChoice>,
    bare_unit: OffsetUnit,
    /// The ids of the project's documents and of those placed so far: new ids must not
    /// collide. (Ids only: a whole copy of every document was one long free at the end.)
    taken: std::collections::HashSet<DocId>,
    next_span: u64,
    next_relation: u64,
    /// The next document of the parsed file to place.
    next: usize,
}

impl Planner {
    pub fn new(
        project: &Project,
        parsed: &Parsed,
        mapping: BTreeMap<String, LabelChoice>,
        unit_choice: Option<OffsetUnit>,
    ) -> Self {
        let units = repair::decide_unit(&parsed.docs);
        let bare_unit = units.unit(unit_choice);
        let plan = ImportPlan {
            format: parsed.format,
            docs: Vec::new(),
            moved: 0,
            unit_notes: units.note(unit_choice).into_iter().collect(),
            unmapped: BTreeMap::new(),
            problems: Vec::new(),
            notes: parsed.notes.clone(),
            units: units.clone(),
            unit_choice,
        };
        let taken = project.documents().iter().map(|d| d.id.clone()).collect();
        let next_span =
            project.documents().iter().flat_map(|d| d.spans()).map(|s| s.id.0).max().unwrap_or(0) + 1;
        let next_relation =
            project.documents().iter().flat_map(|d| d.relations()).map(|r| r.id.0).max().unwrap_or(0) + 1;
        Planner {
            plan,
            schema: project.schema.clone(),
            mapping,
            bare_unit,
            taken,
            next_span,
            next_relation,
            next: 0,
        }
    }

    /// Where the labels outside the schema go.
    pub fn mapping(&self) -> &BTreeMap<String, LabelChoice> {
        &self.mapping
    }

    /// How many of the parsed documents are placed.
    pub fn placed(&self) -> usize {
        self.next
    }

    /// Places documents of `parsed` (the one given to [`Planner::new`]) until about `budget`
    /// characters of text are placed, or all of them. Returns true when all are.
    pub fn place(&mut self, parsed: &Parsed, budget: usize) -> bool {
        let mut spent = 0usize;
        while let Some(raw) = parsed.docs.get(self.next) {
            if spent >= budget {
                return false;
            }
            spent = spent.saturating_add(raw.text.len().max(1));
            let n = self.next;
            self.next += 1;
            self.place_one(parsed, n, raw);
        }
        true
    }

    pub fn finish(self) -> ImportPlan {
        self.plan
    }

    fn place_one(&mut self, parsed: &Parsed, n: usize, raw: &RawDoc) {
        let Planner { plan, schema, mapping, bare_unit, taken, next_span, next_relation, .. } = self;
        let bare_unit = *bare_unit;
        let name = raw
            .name
            .clone()
            .or_else(|| raw.id.clone())
            .unwrap_or_else(|| format!("{} {}", parsed.format, n + 1));
        let wanted = raw.id.clone().map(DocId).filter(|id| !taken.contains(id));
        // As `Project::fresh_doc_id` numbers them.
        let id = wanted.unwrap_or_else(|| {
            (taken.len() + 1..)
                .map(|n| DocId(format!("doc-{n}")))
                .find(|id| !taken.contains(id))
                .expect("a free id")
        });
        taken.insert(id.clone());
        let placed = repair::place_spans(raw, bare_unit);
        plan.moved += placed.moved;
        for (unit, count) in placed.converted {
            plan.unit_notes.push(UnitNote::Converted { doc: name.clone(), count, unit });
        }
        if placed.nearest_moves > 0 {
            plan.unit_notes.push(UnitNote::MovedToNearest { doc: name.clone(), count: placed.nearest_moves });
        }
        let problem = |what| ImportProblem { doc: name.clone(), what };
        // The document is built in a project of its own, where every span and relation passes
        // the same checks as an edit; then it is taken out.
        let mut scratch = Project::new(schema.clone());
        let scratch = &mut scratch;
        let doc = Document::new(id.clone(), name.clone(), raw.text.clone());
        scratch.insert_document(0, doc).expect("an empty project");
        plan.problems.extend(placed.problems.into_iter().map(problem));
        plan.problems.extend(raw.problems.iter().map(|p| problem(LeftOut::Unreadable(p.clone()))));
        // Raw span index → the id it got, for relations.
        let mut placed_ids: BTreeMap<usize, SpanId> = BTreeMap::new();
        for (index, range, label) in placed.spans {
            let label = if schema.label(&label).is_some() {
                label
            } else {
                match mapping.get(&label) {
                    Some(LabelChoice::Map(to)) if schema.label(to).is_some() => to.clone(),
                    Some(LabelChoice::Drop) => continue,
                    _ => {
                        *plan.unmapped.entry(label).or_insert(0) += 1;
                        continue;
                    }
                }
            };
            let span = Span::new(SpanId(*next_span), range, label.clone());
            // The same overlap rule as every edit, checked against the spans placed so far.
            let scratch_id = id.clone();
            let check = scratch.check_span(&scratch_id, range, &label, None, None);
            match check {
                Ok(()) => {
                    Command::AddSpan { doc: scratch_id.clone(), span: span.clone() }
                        .apply(scratch)
                        .expect("checked");
                    // Attributes the schema does not know for this label are listed, not kept.
                    for (attribute, value) in &raw.spans[index].attributes {
                        let set = Command::SetAttribute {
                            doc: scratch_id.clone(),
                            span: span.id,
                            name: attribute.clone(),
                            value: Some(value.clone()),
                        };
                        if let Err(error) = set.apply(scratch) {
                            plan.problems.push(problem(LeftOut::Attribute {
                                label: label.clone(),
                                range,
                                name: attribute.clone(),
                                value: value.clone(),
                                cause: error,
                            }));
                        }
                    }
                    placed_ids.insert(index, span.id);
                    *next_span += 1;
                }
                Err(error) => plan.problems.push(problem(LeftOut::Refused {
                    text: excerpt(scratch.document(&id).map_or("", |d| d.slice(range))),
                    label,
                    range,
                    cause: error,
                })),
            }
        }
        for relation in &raw.relations {
            let (Some(&from), Some(&to)) = (placed_ids.get(&relation.from), placed_ids.get(&relation.to))
            else {
                plan.problems.push(problem(LeftOut::RelationWithoutSpan { kind: relation.kind.clone() }));
                continue;
            };
            match scratch.check_relation(&id, &relation.kind, from, to, None) {
                Ok(()) => {
                    let relation = Relation::new(RelationId(*next_relation), relation.kind.clone(), from, to);
                    *next_relation += 1;
                    Command::AddRelation { doc: id.clone(), relation }.apply(scratch).expect("checked");
                }
                Err(error) => {
                    let doc = scratch.document(&id).expect("placed above");
                    let text = |span| doc.span(span).map(|s| excerpt(doc.slice(s.range))).unwrap_or_default();
                    plan.problems.push(problem(LeftOut::RelationRefused {
                        kind: relation.kind.clone(),
                        from_text: text(from),
                        to_text: text(to),
                        cause: error,
                    }));
                }
            }
        }
        let (_, doc) = scratch.take_document(&id).expect("placed above");
        plan.docs.push(doc);
    }
}
