//! Pre-annotation: the suggestion layer filled from a dictionary (a `term<TAB>LABEL` file, or
//! the strings the user confirmed elsewhere in the project) and from regular expressions with a
//! label each. Pure: the patterns run through a finder the caller passes (the browser's
//! `RegExp` in the app, see `ui::browser_search::Pattern`), so the bundle carries no regex
//! engine.
//!
//! Where candidates of one layer overlap, the longest wins (the earlier on a tie); nothing is
//! suggested over a confirmed span of the same layer; offsets are code points.

use super::document::{DocId, Document};
use super::error::EditError;
use super::offsets::CharRange;
use super::project::Project;
use super::schema::Schema;
use super::suggestion::{Suggestion, SuggestionSource};
use super::term_trie::TermTrie;
use crate::core::editor::Said;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::rc::Rc;

/// More suggestions than this in one run are not kept (a dictionary of single characters
/// over a corpus would otherwise fill memory); the run says so.
pub const MAX_SUGGESTIONS: usize = 500_000;

/// A line of a dictionary or pattern list that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListError {
    /// What the list is: "dictionary" or "patterns".
    pub list: &'static str,
    /// 1-based.
    pub line: usize,
    pub problem: ListProblem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListProblem {
    /// No tab between the term (or pattern) and the label.
    NoTab,
    EmptyTerm,
    UnknownLabel(String),
    /// The pattern does not compile (the browser's message).
    BadPattern(String),
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ListError { list, line, problem } = self;
        write!(f, "{list}, line {line}: ")?;
        match problem {
            ListProblem::NoTab => f.write_str("expected «text<TAB>LABEL»; there is no tab"),
            ListProblem::EmptyTerm => f.write_str("the text before the tab is empty"),
            ListProblem::UnknownLabel(label) => write!(f, "label \"{label}\" is not in the schema"),
            ListProblem::BadPattern(reason) => write!(f, "the pattern does not compile: {reason}"),
        }
    }
}

impl std::error::Error for ListError {}

/// One `text<TAB>LABEL` line of a list.
struct ListLine<'a> {
    /// 1-based.
    line: usize,
    text: &'a str,
    label: Rc<str>,
}

/// The `text<TAB>LABEL` lines of `list`. Blank lines and lines starting with `#` are skipped;
/// a byte order mark and `\r\n` are fine.
fn read_lines<'a>(
    list: &'static str,
    source: &'a str,
    schema: &Schema,
) -> Result<Vec<ListLine<'a>>, ListError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut out = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let error = |problem| ListError { list, line: n + 1, problem };
        let (text, label) = line.rsplit_once('\t').ok_or_else(|| error(ListProblem::NoTab))?;
        let label = label.trim();
        if text.is_empty() {
            return Err(error(ListProblem::EmptyTerm));
        }
        if schema.layer_of(label).is_none() {
            return Err(error(ListProblem::UnknownLabel(label.to_string())));
        }
        out.push(ListLine { line: n + 1, text, label: Rc::from(label) });
    }
    Ok(out)
}

/// Terms and their labels, matched all at once (leftmost-longest, see `term_trie`).
pub struct Dictionary {
    /// Term, label and where the term came from, by pattern number of `matcher`.
    entries: Vec<(String, Rc<str>, SuggestionSource)>,
    matcher: TermTrie,
}

impl Dictionary {
    /// A dictionary file: `term<TAB>LABEL` per line. A term listed twice keeps its first label.
    ///
    /// # Errors
    /// The first line that is not a term and a label of the schema.
    pub fn read(source: &str, schema: &Schema) -> Result<Dictionary, ListError> {
        let lines = read_lines("dictionary", source, schema)?;
        Ok(Dictionary::of(
            lines.into_iter().map(|l| (l.text.to_string(), l.label)),
            SuggestionSource::Dictionary,
        ))
    }

    /// The strings confirmed anywhere in `project`, each with the label it carries most often
    /// (the first such on a tie). Single characters are left out: one confirmed 市 would
    /// suggest every 市 of the corpus.
    pub fn confirmed(project: &Project) -> Dictionary {
        let mut counts: HashMap<&str, Vec<(Rc<str>, usize)>> = HashMap::new();
        let mut order: Vec<&str> = Vec::new();
        for doc in project.documents().iter().filter(|d| d.is_loaded()) {
            for span in doc.spans() {
                if span.range.len() < 2 {
                    continue;
                }
                let text = doc.slice(span.range);
                let labels = counts.entry(text).or_insert_with(|| {
                    order.push(text);
                    Vec::new()
                });
                match labels.iter_mut().find(|(label, _)| *label == span.label) {
                    Some((_, n)) => *n += 1,
                    None => labels.push((span.label.clone(), 1)),
                }
            }
        }
        let terms = order.into_iter().map(|text| {
            let labels = &counts[text];
            let best = labels.iter().fold(&labels[0], |best, l| if l.1 > best.1 { l } else { best });
            (text.to_string(), best.0.clone())
        });
        Dictionary::of(terms, SuggestionSource::Project)
    }

    fn of(terms: impl Iterator<Item = (String, Rc<str>)>, source: SuggestionSource) -> Dictionary {
        Dictionary::build(terms.map(|(term, label)| (term, label, source)))
    }

    fn build(terms: impl Iterator<Item = (String, Rc<str>, SuggestionSource)>) -> Dictionary {
        let mut seen = HashSet::new();
        let entries: Vec<_> = terms.filter(|(term, _, _)| seen.insert(term.clone())).collect();
        let matcher = TermTrie::new(entries.iter().map(|(term, _, _)| term.as_str()));
        Dictionary { entries, matcher }
    }

    /// This dictionary's terms and then `other`'s (a term in both keeps this one's label).
    pub fn merged_with(self, other: Dictionary) -> Dictionary {
        Dictionary::build(self.entries.into_iter().chain(other.entries))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every match in `text`, leftmost-longest, as code point ranges with label and source.
    fn find(&self, text: &str) -> Vec<(CharRange, Rc<str>, SuggestionSource)> {
        self.matcher
            .find(text)
            .into_iter()
            .map(|(range, term)| {
                let (_, label, source) = &self.entries[term];
                (range, label.clone(), *source)
            })
            .collect()
    }
}

/// Regular expressions with a label each: `pattern<TAB>LABEL` lines (the pattern itself may
/// hold tabs written as `\t`; the last tab of the line separates the label).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternRule {
    pub line: usize,
    pub pattern: String,
    pub label: Rc<str>,
}

/// # Errors
/// The first line that is not a pattern and a label of the schema.
pub fn read_patterns(source: &str, schema: &Schema) -> Result<Vec<PatternRule>, ListError> {
    let lines = read_lines("patterns", source, schema)?;
    Ok(lines
        .into_iter()
        .map(|l| PatternRule { line: l.line, pattern: l.text.to_string(), label: l.label })
        .collect())
}

/// What a pre-annotation run would add.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PrePlan {
    /// New suggestions per document, in list order.
    pub add: Vec<(DocId, Vec<Suggestion>)>,
    /// Matches left out: over a confirmed span of their layer, or inside a longer match.
    pub skipped: usize,
    /// Suggestions that were there already.
    pub already: usize,
    /// True when the run stopped at [`MAX_SUGGESTIONS`].
    pub truncated: bool,
}

impl PrePlan {
    pub fn count(&self) -> usize {
        self.add.iter().map(|(_, s)| s.len()).sum()
    }

    /// What the run did, for the message shown after it.
    pub fn said(&self) -> Said {
        Said::PreAnnotated {
            suggestions: self.count(),
            documents: self.add.len(),
            already: self.already,
            skipped: self.skipped,
            stopped_at: self.truncated.then_some(MAX_SUGGESTIONS),
        }
    }
}

/// The suggestions `dictionary` and the patterns would put on `docs`. `find(rule, text)` runs
/// pattern number `rule` of `rules` over a document's text and returns its matches in code
/// points.
///
/// # Errors
/// A document still being read from storage (its text is not known yet).
pub fn plan_pre_annotation(
    project: &Project,
    docs: &[&Document],
    dictionary: Option<&Dictionary>,
    rules: &[PatternRule],
    mut find: impl FnMut(usize, &str) -> Vec<CharRange>,
) -> Result<PrePlan, EditError> {
    let schema = &project.schema;
    // Each label's layer, by number (a bit of `taken` below), looked up once per run.
    let layer_bits: HashMap<&str, u32> = schema
        .layers
        .iter()
        .enumerate()
        .flat_map(|(k, layer)| layer.labels.iter().map(move |l| (l.name.as_str(), 1u32 << (k % 32))))
        .collect();
    let mut plan = PrePlan::default();
    let mut total = 0;
    // Per character of the document, the layers a kept candidate covers it in.
    let mut taken: Vec<u32> = Vec::new();
    for doc in docs {
        if !doc.is_loaded() {
            return Err(EditError::NotLoaded(doc.id.clone()));
        }
        let mut candidates: Vec<(CharRange, Rc<str>, SuggestionSource)> = Vec::new();
        if let Some(dictionary) = dictionary {
            candidates.extend(dictionary.find(doc.text()));
        }
        for (n, rule) in rules.iter().enumerate() {
            let found = find(n, doc.text()).into_iter().filter(|r| !r.is_empty() && r.end <= doc.char_len());
            candidates.extend(found.map(|range| (range, rule.label.clone(), SuggestionSource::Pattern)));
        }
        if candidates.is_empty() {
            continue;
        }
        // Longest first (the earlier on a tie); each layer's characters taken once. The
        // standard sort here, not `compact_sort`: a pre-annotation of a corpus sorts once per
        // document, hundreds of thousands of candidates in all, and the one copy it costs the
        // bundle is worth the direct comparisons.
        candidates.sort_by_key(|(range, _, _)| (std::cmp::Reverse(range.len()), range.start));
        taken.clear();
        taken.resize(doc.char_len(), 0);
        let mut kept = Vec::new();
        for (range, label, source) in candidates {
            let Some(&bit) = layer_bits.get(&*label) else { continue };
            let over_confirmed =
                doc.spans_overlapping(range).any(|s| layer_bits.get(&*s.label).is_some_and(|b| *b == bit));
            let cells = &mut taken[range.start..range.end];
            if over_confirmed || cells.iter().any(|&t| t & bit != 0) {
                plan.skipped += 1;
                continue;
            }
            cells.iter_mut().for_each(|t| *t |= bit);
            let suggestion = Suggestion::new(range, label, source);
            if doc.suggestions().contains(&suggestion) {
                plan.already += 1;
                continue;
            }
            kept.push(suggestion);
        }
        if kept.is_empty() {
            continue;
        }
        kept.sort_by_key(|s| s.start);
        total += kept.len();
        if total > MAX_SUGGESTIONS {
            kept.truncate(kept.len() - (total - MAX_SUGGESTIONS));
            plan.truncated = true;
        }
        plan.add.push((doc.id.clone(), kept));
        if plan.truncated {
            break;
        }
    }
    Ok(plan)
}
