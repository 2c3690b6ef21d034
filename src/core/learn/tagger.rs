//! A trained model: tags new text and says how sure it is of each span; saved as bytes.

use super::clusters::CharClasses;
use super::cohesion::Cohesion;
use super::decode::{spans_with_confidence, viterbi, Grammar};
use super::features::{extract, Context, Features};
use super::lexicon::{Lexicon, Term};
use super::tags::{tag_count, Tag};
use super::weights::{Averaged, FeatureMap};
use crate::core::offsets::CharRange;
use std::fmt;

/// A span the model suggests.
#[derive(Clone, Debug, PartialEq)]
pub struct Prediction {
    pub range: CharRange,
    /// An index into [`Tagger::labels`].
    pub label: u16,
    /// The probability the span is exactly right, as the model reckons it (0..=1).
    pub confidence: f32,
}

pub struct Tagger {
    labels: Vec<String>,
    context: Context,
    /// Feature → its row; row `r`'s pairs are `tags[starts[r]..starts[r + 1]]` and the same
    /// range of `weights`.
    index: FeatureMap<u32>,
    starts: Vec<u32>,
    tags: Vec<Tag>,
    weights: Vec<f32>,
    transitions: Vec<f32>,
    /// The scores' scale when read as log-probabilities (see `decode::spans_with_confidence`).
    scale: f32,
    grammar: Grammar,
}

/// What is wrong with a model's bytes. (Serialisable: the worker sends it to the page.)
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelError {
    NotAModel,
    Version(u16),
    Truncated { at: usize },
    BadText { at: usize },
    BadTag { at: usize, tag: u16 },
    TooManyLabels(usize),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::NotAModel => write!(f, "this is not a biaozhu model (its first bytes are not BZTAG)"),
            ModelError::Version(v) => {
                write!(f, "this model was written in format {v}, which this version cannot read")
            }
            ModelError::Truncated { at } => write!(f, "the model ends early, at byte {at}"),
            ModelError::BadText { at } => write!(f, "the model's text at byte {at} is not UTF-8"),
            ModelError::BadTag { at, tag } => {
                write!(f, "the model names tag {tag} at byte {at}, beyond its labels")
            }
            ModelError::TooManyLabels(n) => write!(f, "{n} labels are more than a model can hold (63)"),
        }
    }
}

impl std::error::Error for ModelError {}

/// Labels a model holds at most: its tags are stored in one byte.
pub const MAX_LABELS: usize = 63;
const MAGIC: &[u8; 6] = b"BZTAG\0";
const VERSION: u16 = 1;

impl Tagger {
    pub(super) fn new(labels: Vec<String>, context: Context, averaged: Averaged, scale: f32) -> Tagger {
        let t = tag_count(labels.len());
        let mut tagger = Tagger {
            labels,
            context,
            index: FeatureMap::default(),
            starts: vec![0],
            tags: Vec::new(),
            weights: Vec::new(),
            transitions: averaged.transitions,
            scale,
            grammar: Grammar::new(t),
        };
        for (feature, entries) in averaged.rows {
            tagger.push_row(feature, entries.into_iter());
        }
        tagger
    }

    /// The average of `first` and `others`, models trained on the same texts with the same
    /// context in different orders (see `train::ORDERS`): each weight and transition the mean
    /// of theirs (a weight a model lacks counts as 0). `first`'s context and scale are kept;
    /// a model with other labels is left out (it cannot come from the same texts).
    pub fn average(mut first: Tagger, others: Vec<Tagger>) -> Tagger {
        let others: Vec<Tagger> = others.into_iter().filter(|m| m.labels == first.labels).collect();
        if others.is_empty() {
            return first;
        }
        let k = (others.len() + 1) as f32;
        let t = first.grammar.t;
        // Sorted by feature, so that the same models give the same bytes.
        let mut sums: std::collections::BTreeMap<u64, Vec<f32>> = std::collections::BTreeMap::new();
        for model in std::iter::once(&first).chain(&others) {
            for (&feature, &row) in &model.index {
                let (a, b) = (model.starts[row as usize] as usize, model.starts[row as usize + 1] as usize);
                let sum = sums.entry(feature).or_insert_with(|| vec![0.0; t]);
                for (tag, weight) in model.tags[a..b].iter().zip(&model.weights[a..b]) {
                    sum[usize::from(*tag)] += weight;
                }
            }
        }
        for model in &others {
            for (sum, weight) in first.transitions.iter_mut().zip(&model.transitions) {
                *sum += weight;
            }
        }
        first.transitions.iter_mut().for_each(|w| *w /= k);
        first.index = FeatureMap::default();
        first.starts = vec![0];
        first.tags.clear();
        first.weights.clear();
        for (feature, sum) in sums {
            let entries = sum.into_iter().enumerate().filter(|(_, w)| *w != 0.0);
            first.push_row(feature, entries.map(|(tag, w)| (tag as Tag, w / k)));
        }
        first
    }

    fn push_row(&mut self, feature: u64, entries: impl Iterator<Item = (Tag, f32)>) {
        self.index.insert(feature, (self.starts.len() - 1) as u32);
        for (tag, weight) in entries {
            self.tags.push(tag);
            self.weights.push(weight);
        }
        self.starts.push(self.tags.len() as u32);
    }

    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// How many features carry a weight.
    pub fn feature_count(&self) -> usize {
        self.index.len()
    }

    pub(super) fn features(&self, chars: &[char], out: &mut Features) {
        extract(chars, &self.context, &|_| false, out);
    }

    /// Every tag's score at every character (`n × t`).
    pub(super) fn scores(&self, features: &Features, out: &mut Vec<f32>) {
        features.scores(self.grammar.t, out, |f, row_out| {
            if let Some(&row) = self.index.get(&f) {
                let (a, b) = (self.starts[row as usize] as usize, self.starts[row as usize + 1] as usize);
                for (tag, weight) in self.tags[a..b].iter().zip(&self.weights[a..b]) {
                    row_out[usize::from(*tag)] += weight;
                }
            }
        });
    }

    /// The spans the model finds in `chars`, with their confidence.
    pub fn predict(&self, chars: &[char]) -> Vec<Prediction> {
        let mut features = Features::default();
        self.features(chars, &mut features);
        let mut scores = Vec::new();
        self.scores(&features, &mut scores);
        let tags = viterbi(&self.grammar, &scores, &self.transitions, chars.len());
        spans_with_confidence(&self.grammar, &scores, &self.transitions, &tags, self.scale)
            .into_iter()
            .map(|(span, confidence)| Prediction { range: span.range, label: span.label, confidence })
            .collect()
    }

    /// The scale at which the confidences best match how often spans are right on `examples`
    /// (texts the model was not trained on): the one of a few candidates that gives the
    /// highest likelihood to which predicted spans are exactly right. With no predicted span
    /// the scale stays as it was. Returns the scale chosen.
    pub fn calibrate(&mut self, examples: &[super::Example]) -> f32 {
        const CANDIDATES: [f32; 9] = [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.7, 1.0];
        let mut log_likelihood = [0f64; CANDIDATES.len()];
        let mut any = false;
        let (mut features, mut scores) = (Features::default(), Vec::new());
        for example in examples {
            self.features(&example.chars, &mut features);
            self.scores(&features, &mut scores);
            let tags = viterbi(&self.grammar, &scores, &self.transitions, example.chars.len());
            let gold = super::tags::decode(&super::tags::encode(example.chars.len(), &example.spans));
            for (k, &scale) in CANDIDATES.iter().enumerate() {
                for (span, p) in
                    spans_with_confidence(&self.grammar, &scores, &self.transitions, &tags, scale)
                {
                    any = true;
                    let p = f64::from(p).clamp(1e-6, 1.0 - 1e-6);
                    log_likelihood[k] += if gold.contains(&span) { p.ln() } else { (1.0 - p).ln() };
                }
            }
        }
        if any {
            let best = (0..CANDIDATES.len()).max_by(|&a, &b| log_likelihood[a].total_cmp(&log_likelihood[b]));
            self.scale = CANDIDATES[best.unwrap_or(CANDIDATES.len() - 1)];
        }
        self.scale
    }

    /// Takes the scale another model of the same data was calibrated to.
    pub fn set_scale(&mut self, scale: f32) {
        self.scale = scale;
    }

    /// The scale confidences are computed at (see [`Tagger::calibrate`]).
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// The best tags alone (no confidence): what evaluation needs, quicker.
    pub fn tag(&self, chars: &[char]) -> Vec<Tag> {
        let mut features = Features::default();
        self.features(chars, &mut features);
        let mut scores = Vec::new();
        self.scores(&features, &mut scores);
        viterbi(&self.grammar, &scores, &self.transitions, chars.len())
    }

    /// The model as bytes (little-endian): the same model gives the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.tags.len() * 5 + self.index.len() * 9);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        let text = |out: &mut Vec<u8>, s: &str| {
            out.extend_from_slice(&(s.len() as u32).to_le_bytes());
            out.extend_from_slice(s.as_bytes());
        };
        out.extend_from_slice(&(self.labels.len() as u16).to_le_bytes());
        for label in &self.labels {
            text(&mut out, label);
        }
        let terms = self.context.lexicon.as_ref().map_or(&[][..], Lexicon::terms);
        out.push(u8::from(self.context.lexicon.is_some()));
        out.extend_from_slice(&(terms.len() as u32).to_le_bytes());
        for term in terms {
            text(&mut out, &term.text);
            out.extend_from_slice(&term.label.to_le_bytes());
            out.extend_from_slice(&term.sources.to_le_bytes());
        }
        let classes = self.context.classes.as_ref().map(CharClasses::pairs).unwrap_or_default();
        out.push(u8::from(self.context.classes.is_some()));
        out.extend_from_slice(&(classes.len() as u32).to_le_bytes());
        for (c, class) in classes {
            out.extend_from_slice(&u32::from(c).to_le_bytes());
            out.extend_from_slice(&class.to_le_bytes());
        }
        let pairs = self.context.cohesion.as_ref().map(Cohesion::pairs).unwrap_or_default();
        out.push(u8::from(self.context.cohesion.is_some()));
        out.extend_from_slice(&(pairs.len() as u32).to_le_bytes());
        for ((a, b), step) in pairs {
            out.extend_from_slice(&u32::from(a).to_le_bytes());
            out.extend_from_slice(&u32::from(b).to_le_bytes());
            out.push(step as u8);
        }
        for w in &self.transitions {
            out.extend_from_slice(&w.to_le_bytes());
        }
        let mut rows: Vec<(u64, u32)> = self.index.iter().map(|(&f, &r)| (f, r)).collect();
        rows.sort_unstable();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (feature, row) in rows {
            let (a, b) = (self.starts[row as usize] as usize, self.starts[row as usize + 1] as usize);
            out.extend_from_slice(&feature.to_le_bytes());
            out.push((b - a) as u8);
            for k in a..b {
                out.push(self.tags[k] as u8);
                out.extend_from_slice(&self.weights[k].to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`Tagger::to_bytes`].
    ///
    /// # Errors
    /// A [`ModelError`] naming the byte where the model stops making sense.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len()).ok() != Some(&MAGIC[..]) {
            return Err(ModelError::NotAModel);
        }
        let version = r.u16()?;
        if version != VERSION {
            return Err(ModelError::Version(version));
        }
        let scale = r.f32()?;
        let label_count = usize::from(r.u16()?);
        if label_count > MAX_LABELS {
            return Err(ModelError::TooManyLabels(label_count));
        }
        let labels = (0..label_count).map(|_| r.text()).collect::<Result<Vec<_>, _>>()?;
        let t = tag_count(labels.len());
        let has_lexicon = r.u8()? != 0;
        let term_count = r.u32()? as usize;
        let mut terms = Vec::with_capacity(term_count.min(bytes.len() / 10));
        for _ in 0..term_count {
            let text = r.text()?;
            let at = r.at;
            let label = r.u16()?;
            if usize::from(label) >= labels.len().max(1) {
                return Err(ModelError::BadTag { at, tag: label });
            }
            terms.push(Term { text, label, sources: r.u32()? });
        }
        let has_classes = r.u8()? != 0;
        let class_count = r.u32()? as usize;
        let mut classes = Vec::with_capacity(class_count.min(bytes.len() / 6));
        for _ in 0..class_count {
            let at = r.at;
            let c = char::from_u32(r.u32()?).ok_or(ModelError::BadText { at })?;
            classes.push((c, r.u16()?));
        }
        let classes = has_classes.then(|| CharClasses::from_pairs(classes));
        let has_cohesion = r.u8()? != 0;
        let pair_count = r.u32()? as usize;
        let mut pairs = Vec::with_capacity(pair_count.min(bytes.len() / 9));
        for _ in 0..pair_count {
            let at = r.at;
            let a = char::from_u32(r.u32()?).ok_or(ModelError::BadText { at })?;
            let b = char::from_u32(r.u32()?).ok_or(ModelError::BadText { at: at + 4 })?;
            pairs.push(((a, b), r.u8()? as i8));
        }
        let cohesion = has_cohesion.then(|| Cohesion::from_pairs(pairs));
        let transitions = (0..(t + 1) * t).map(|_| r.f32()).collect::<Result<Vec<_>, _>>()?;
        let lexicon = has_lexicon.then(|| Lexicon::from_terms(terms));
        let context = Context { lexicon, classes, cohesion };
        let mut tagger = Tagger::new(labels, context, Averaged { rows: Vec::new(), transitions }, scale);
        let row_count = r.u32()? as usize;
        for _ in 0..row_count {
            let feature = r.u64()?;
            let n = r.u8()?;
            let mut entries = Vec::with_capacity(usize::from(n));
            for _ in 0..n {
                let at = r.at;
                let tag = u16::from(r.u8()?);
                if usize::from(tag) >= t {
                    return Err(ModelError::BadTag { at, tag });
                }
                entries.push((tag, r.f32()?));
            }
            tagger.push_row(feature, entries.into_iter());
        }
        Ok(tagger)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or(ModelError::Truncated { at: self.bytes.len() })?;
        let part = &self.bytes[self.at..end];
        self.at = end;
        Ok(part)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        self.array().map(u16::from_le_bytes)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        self.array().map(u32::from_le_bytes)
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        self.array().map(u64::from_le_bytes)
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        self.array().map(f32::from_le_bytes)
    }
    fn text(&mut self) -> Result<String, ModelError> {
        let len = self.u32()? as usize;
        let at = self.at;
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| ModelError::BadText { at })
    }
}
