//! Adjudication: the gold layer made from the annotators' merged work (see `merge`).
//!
//! In each document and layer, the annotators' spans that overlap (directly or through a chain)
//! form a *cluster*. Each annotator who worked on the document has a *version* of the cluster:
//! their spans in it, maybe none. A cluster where every version is the same is agreed; the
//! others are the disagreements the adjudicator walks. The gold layer is spans whose annotator
//! is [`GOLD`]; a cluster is decided once gold has a span over it or its place is among the
//! document's `decided` places (where "nothing" was chosen). A document whose disagreements are
//! all decided is marked adjudicated (`gold` among its `annotated_by`): gold is compared with
//! the annotators there.

use super::command::Command;
use super::document::{Decided, DocId, Document, Relation, Span, SpanId};
use super::merge::GOLD;
use super::offsets::CharRange;
use super::project::Project;
use crate::core::compact_sort;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::rc::Rc;

/// One annotator's spans in a cluster (sorted by position; empty when they found nothing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    pub annotator: String,
    pub spans: Vec<Span>,
}

/// A place where the annotators' versions differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    pub doc: DocId,
    pub layer: String,
    /// From the first character of the cluster's spans to the last.
    pub range: CharRange,
    /// One per annotator of the document, in name order.
    pub versions: Vec<Version>,
}

/// What the adjudicator takes for a disagreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The version at this index of `Disagreement::versions`.
    One(usize),
    /// Every version's spans (where the layer allows their overlaps).
    All,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AdjudicationError {
    /// The document or a span is gone, or no version has that index.
    Stale,
    /// Taking every version would overlap spans in a layer that forbids it.
    OverlapForbidden {
        layer: String,
    },
    StillLoading {
        pending: usize,
    },
}

impl fmt::Display for AdjudicationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AdjudicationError::Stale => {
                f.write_str("this disagreement changed since it was shown; look again")
            }
            AdjudicationError::OverlapForbidden { layer } => write!(
                f,
                "the versions overlap and layer {layer} forbids overlaps: take one version, or edit"
            ),
            AdjudicationError::StillLoading { pending } => {
                write!(f, "{pending} documents are still being read from storage; adjudicate in a moment")
            }
        }
    }
}

impl std::error::Error for AdjudicationError {}

/// Who worked on `doc` (the gold layer aside): its `annotated_by` and whoever made its spans.
pub fn annotators_of(doc: &Document) -> Vec<String> {
    let mut names: BTreeSet<&str> = compact_sort::btree_set(doc.annotated_by.iter().map(String::as_str));
    names.extend(doc.spans().iter().filter_map(|s| s.annotator.as_deref()));
    names.remove(GOLD);
    names.into_iter().map(str::to_string).collect()
}

pub fn is_adjudicated(doc: &Document) -> bool {
    doc.annotated_by.iter().any(|n| n == GOLD)
}

/// The same span without its id and annotator, to compare versions.
fn shape(span: &Span) -> (CharRange, &str, &std::collections::BTreeMap<String, String>) {
    (span.range, &span.label, &span.attributes)
}

/// Every cluster of `doc` with its versions, in layer and position order (agreed ones too).
pub fn clusters(project: &Project, doc: &Document) -> Vec<Disagreement> {
    let annotators = annotators_of(doc);
    if annotators.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for layer in &project.schema.layers {
        let in_layer: Vec<&Span> = doc
            .spans()
            .iter()
            .filter(|s| {
                s.annotator.as_deref().is_some_and(|a| a != GOLD && annotators.iter().any(|n| n == a))
            })
            .filter(|s| layer.labels.iter().any(|l| *l.name == *s.label))
            .collect();
        // Spans are in start order: a cluster goes on while the next span starts before the
        // furthest end so far.
        let mut at = 0;
        while at < in_layer.len() {
            let mut end = in_layer[at].range.end;
            let mut stop = at + 1;
            while stop < in_layer.len() && in_layer[stop].range.start < end {
                end = end.max(in_layer[stop].range.end);
                stop += 1;
            }
            let members = &in_layer[at..stop];
            let versions = annotators
                .iter()
                .map(|name| Version {
                    annotator: name.clone(),
                    spans: members
                        .iter()
                        .filter(|s| s.annotator.as_deref() == Some(name))
                        .map(|s| (*s).clone())
                        .collect(),
                })
                .collect();
            out.push(Disagreement {
                doc: doc.id.clone(),
                layer: layer.name.clone(),
                range: CharRange::new(in_layer[at].range.start, end),
                versions,
            });
            at = stop;
        }
    }
    out
}

impl Disagreement {
    /// Every version places the same spans (labels and attributes included).
    pub fn is_agreed(&self) -> bool {
        let Some((first, rest)) = self.versions.split_first() else { return true };
        let first: Vec<_> = first.spans.iter().map(shape).collect();
        rest.iter().all(|v| v.spans.iter().map(shape).collect::<Vec<_>>() == first)
    }

    /// Gold already has a span over this cluster in its layer, or the place was decided.
    fn is_decided(&self, project: &Project, doc: &Document) -> bool {
        let recorded = doc
            .decided
            .iter()
            .any(|d| d.layer == self.layer && CharRange::new(d.start, d.end).overlaps(&self.range));
        recorded
            || doc.spans_overlapping(self.range).any(|s| {
                s.annotator.as_deref() == Some(GOLD)
                    && project.schema.layer_of(&s.label).is_some_and(|l| l.name == self.layer)
            })
    }
}

/// The disagreements still to decide, document by document in list order.
pub fn open_disagreements(project: &Project) -> Vec<Disagreement> {
    let mut out = Vec::new();
    for doc in project.documents().iter().filter(|d| d.is_loaded()) {
        out.extend(
            clusters(project, doc).into_iter().filter(|c| !c.is_agreed() && !c.is_decided(project, doc)),
        );
    }
    out
}

/// Gold copies of `spans` (with their relations among the copies and gold spans already
/// there), as steps; `ids` maps each copied span's id to its gold id.
fn copy_to_gold(
    project: &mut Project,
    doc: &Document,
    spans: &[Span],
    ids: &mut HashMap<SpanId, SpanId>,
    steps: &mut Vec<Command>,
) {
    let gold: Rc<str> = GOLD.into();
    for span in spans {
        if ids.contains_key(&span.id) {
            continue;
        }
        let id = project.allocate_span_id();
        ids.insert(span.id, id);
        let mut copy = span.clone();
        copy.id = id;
        copy.annotator = Some(gold.clone());
        steps.push(Command::AddSpan { doc: doc.id.clone(), span: copy });
    }
}

/// Relations of the copied spans' annotators whose both ends now have gold copies.
fn copy_relations(
    project: &mut Project,
    doc: &Document,
    ids: &HashMap<SpanId, SpanId>,
    steps: &mut Vec<Command>,
) {
    let gold: Rc<str> = GOLD.into();
    let mut made: BTreeSet<(SpanId, SpanId, String)> =
        compact_sort::btree_set(doc.relations().iter().map(|r| (r.from, r.to, r.kind.clone())));
    for relation in doc.relations() {
        let (Some(&from), Some(&to)) = (ids.get(&relation.from), ids.get(&relation.to)) else { continue };
        // Two annotators' identical relations become one gold relation.
        if !made.insert((from, to, relation.kind.clone())) {
            continue;
        }
        let mut copy = Relation::new(project.allocate_relation_id(), relation.kind.clone(), from, to);
        copy.annotator = Some(gold.clone());
        steps.push(Command::AddRelation { doc: doc.id.clone(), relation: copy });
    }
}

/// Gold spans already there, keyed by the annotators' spans they copy (same place, label and
/// attributes), so that relations can reach them.
fn gold_matches(doc: &Document) -> HashMap<SpanId, SpanId> {
    let gold: Vec<&Span> = doc.spans().iter().filter(|s| s.annotator.as_deref() == Some(GOLD)).collect();
    let mut out = HashMap::new();
    for span in doc.spans().iter().filter(|s| s.annotator.as_deref() != Some(GOLD)) {
        if let Some(g) = gold.iter().find(|g| shape(g) == shape(span)) {
            out.insert(span.id, g.id);
        }
    }
    out
}

/// The agreed clusters of `doc` that gold lacks, copied in.
fn agreed_steps(
    project: &mut Project,
    doc: &Document,
    ids: &mut HashMap<SpanId, SpanId>,
    steps: &mut Vec<Command>,
) {
    for cluster in clusters(project, doc) {
        if cluster.is_agreed() && !cluster.is_decided(project, doc) {
            // Every version is the same; all of their spans map to the one copy.
            let Some((first, rest)) = cluster.versions.split_first() else { continue };
            let copies = first.spans.clone();
            copy_to_gold(project, doc, &copies, ids, steps);
            for version in rest {
                for (span, first) in version.spans.iter().zip(&copies) {
                    if let Some(id) = ids.get(&first.id).copied() {
                        ids.insert(span.id, id);
                    }
                }
            }
        }
    }
}

fn mark_adjudicated(doc: &Document, steps: &mut Vec<Command>) {
    if !is_adjudicated(doc) {
        let mut names = doc.annotated_by.clone();
        names.push(GOLD.to_string());
        steps.push(Command::SetAnnotatedBy { doc: doc.id.clone(), names });
    }
}

/// The command (one undo step) that decides `disagreement` with `choice`: the chosen spans,
/// and the document's agreed clusters, go into gold with the relations between them. When it
/// is the document's last open disagreement, the document is marked adjudicated.
pub fn decide(
    project: &Project,
    disagreement: &Disagreement,
    choice: Choice,
) -> Result<Command, AdjudicationError> {
    let doc = project.document(&disagreement.doc).ok_or(AdjudicationError::Stale)?;
    if !doc.is_loaded() {
        return Err(AdjudicationError::StillLoading { pending: project.stand_ins() });
    }
    let fresh = clusters(project, doc);
    if !fresh.contains(disagreement) {
        return Err(AdjudicationError::Stale);
    }
    let chosen: Vec<Span> = match choice {
        Choice::One(index) => disagreement.versions.get(index).ok_or(AdjudicationError::Stale)?.spans.clone(),
        Choice::All => {
            let mut all: Vec<Span> = Vec::new();
            for span in disagreement.versions.iter().flat_map(|v| &v.spans) {
                if !all.iter().any(|s| shape(s) == shape(span)) {
                    all.push(span.clone());
                }
            }
            let layer = project.schema.layers.iter().find(|l| l.name == disagreement.layer);
            let overlapping =
                all.iter().enumerate().any(|(i, a)| all[i + 1..].iter().any(|b| a.range.overlaps(&b.range)));
            if overlapping && !layer.is_some_and(|l| l.allow_overlap) {
                return Err(AdjudicationError::OverlapForbidden { layer: disagreement.layer.clone() });
            }
            all
        }
    };
    let mut scratch = project.clone();
    let mut steps = Vec::new();
    let mut ids = gold_matches(doc);
    copy_to_gold(&mut scratch, doc, &chosen, &mut ids, &mut steps);
    agreed_steps(&mut scratch, doc, &mut ids, &mut steps);
    copy_relations(&mut scratch, doc, &ids, &mut steps);
    let mut places = doc.decided.clone();
    places.push(Decided {
        layer: disagreement.layer.clone(),
        start: disagreement.range.start,
        end: disagreement.range.end,
    });
    steps.push(Command::SetDecided { doc: doc.id.clone(), places });
    let others_open =
        fresh.iter().any(|c| c != disagreement && !c.is_agreed() && !c.is_decided(project, doc));
    if !others_open {
        mark_adjudicated(doc, &mut steps);
    }
    Ok(Command::Batch { steps })
}

/// Takes every document where all annotators agree throughout into gold, marked adjudicated:
/// the command (one undo step) and how many documents it takes.
pub fn accept_agreed(project: &Project) -> Result<(Command, usize), AdjudicationError> {
    if project.stand_ins() > 0 {
        return Err(AdjudicationError::StillLoading { pending: project.stand_ins() });
    }
    let mut scratch = project.clone();
    let (mut steps, mut taken) = (Vec::new(), 0);
    for doc in project.documents().iter().filter(|d| !is_adjudicated(d) && annotators_of(d).len() >= 2) {
        if clusters(project, doc).iter().any(|c| !c.is_agreed()) {
            continue;
        }
        let mut ids = gold_matches(doc);
        agreed_steps(&mut scratch, doc, &mut ids, &mut steps);
        copy_relations(&mut scratch, doc, &ids, &mut steps);
        mark_adjudicated(doc, &mut steps);
        taken += 1;
    }
    Ok((Command::Batch { steps }, taken))
}

/// Where gold differs from `annotator`'s work, in adjudicated documents: their spans gold lacks
/// and gold's spans they lack (document, place, label, and whose).
pub fn differences_from_gold(project: &Project, annotator: &str) -> Vec<(DocId, CharRange, String, bool)> {
    let mut out = Vec::new();
    for doc in project.documents().iter().filter(|d| d.is_loaded() && is_adjudicated(d)) {
        let theirs: Vec<&Span> =
            doc.spans().iter().filter(|s| s.annotator.as_deref() == Some(annotator)).collect();
        let gold: Vec<&Span> = doc.spans().iter().filter(|s| s.annotator.as_deref() == Some(GOLD)).collect();
        for span in &theirs {
            if !gold.iter().any(|g| g.range == span.range && g.label == span.label) {
                out.push((doc.id.clone(), span.range, span.label.to_string(), true));
            }
        }
        for span in &gold {
            if !theirs.iter().any(|t| t.range == span.range && t.label == span.label) {
                out.push((doc.id.clone(), span.range, span.label.to_string(), false));
            }
        }
    }
    out
}
