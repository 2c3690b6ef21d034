//! What the tagger looks at around each character: character n-grams in a window of five,
//! character types, and lexicon matches (the project's confirmed strings), each hashed to a
//! 64-bit number. Hashing keeps the feature set open (a new character is a new feature without a
//! vocabulary to grow) and the model a map from numbers to weights.

use super::clusters::CharClasses;
use super::cohesion::Cohesion;
use super::lexicon::Lexicon;

/// The features of one text: `features[starts[i]..starts[i + 1]]` are character `i`'s. A
/// feature is its 64-bit hash, or, once a trainer has interned it, its row in the weights
/// (`weights::Row`).
#[derive(Default)]
pub struct Features<K = u64> {
    pub features: Vec<K>,
    pub starts: Vec<u32>,
}

impl<K: Copy> Features<K> {
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Keeps only the features `keep` accepts.
    pub fn retain(&mut self, keep: impl Fn(K) -> bool) {
        let mut write = 0;
        for i in 0..self.len() {
            let (a, b) = (self.starts[i] as usize, self.starts[i + 1] as usize);
            self.starts[i] = write as u32;
            for k in a..b {
                if keep(self.features[k]) {
                    self.features[write] = self.features[k];
                    write += 1;
                }
            }
        }
        if let Some(last) = self.starts.last_mut() {
            *last = write as u32;
        }
        self.features.truncate(write);
    }

    pub fn at(&self, i: usize) -> &[K] {
        &self.features[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// The same features, each turned into another key by `f`.
    pub fn map<J>(&self, f: impl FnMut(K) -> J) -> Features<J> {
        Features { features: self.features.iter().copied().map(f).collect(), starts: self.starts.clone() }
    }

    /// Every tag's score at every character, `n × t` into `out`: for each character, what
    /// `add` adds to its `t` scores for each of its features (a model's weights for it).
    pub fn scores(&self, t: usize, out: &mut Vec<f32>, add: impl Fn(K, &mut [f32])) {
        out.clear();
        out.resize(self.len() * t, 0.0);
        for (i, row) in out.chunks_mut(t.max(1)).enumerate().take(self.len()) {
            for &f in self.at(i) {
                add(f, row);
            }
        }
    }
}

/// Feature templates; their numbers are part of the model's file format.
#[derive(Clone, Copy)]
#[repr(u8)]
enum Template {
    Bias = 0,
    Unigram = 1,      // + offset + 2: 1..=5
    Bigram = 6,       // + left offset + 2: 6..=9
    Skip = 10,        // c[-1] c[+1]
    Trigram = 11,     // c[-1] c[0] c[+1]
    Types = 12,       // type[-1] type[0] type[+1]
    Lexicon = 13,     // part of a match, its label, its length
    LexiconChar = 14, // part and label of a match, with the character itself
    Class = 15,       // + offset + 1: 15..=17, the learned class of c[-1], c[0], c[+1]
    ClassPair = 18,   // + left offset + 1: 18..=19
    CharClass = 20,   // c[0] with the class of c[-1], then of c[+1]: 20..=21
    Cohesion = 22,    // how c[-1] c[0] cohere, then c[0] c[+1], then both: 22..=24
}

/// What the tagger knows besides its weights, learned from the text before training: the
/// lexicon of confirmed names, character classes and cohesion (each may be left out).
#[derive(Default)]
pub struct Context {
    pub lexicon: Option<Lexicon>,
    pub classes: Option<CharClasses>,
    pub cohesion: Option<Cohesion>,
}

/// Character classes that matter for names, dates and numbers.
fn char_type(c: u32) -> u32 {
    let Some(c) = char::from_u32(c) else { return 7 };
    match c {
        '0'..='9' | '０'..='９' => 0,
        '〇' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '万'
        | '亿' | '两' | '零' => 1,
        'a'..='z' | 'A'..='Z' | 'ａ'..='ｚ' | 'Ａ'..='Ｚ' => 2,
        '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3134f}' => 3,
        c if c.is_whitespace() => 4,
        c if c.is_ascii_punctuation()
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ff65}').contains(&c) =>
        {
            5
        }
        _ => 6,
    }
}

/// The padding "characters" before and after the text: outside Unicode's range, so they never
/// collide with a real one.
const PAD: u32 = 0x11_0000;

fn finish(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// One feature's number: the template and up to three values (characters are 21 bits).
fn feature(template: u8, a: u32, b: u32, c: u32) -> u64 {
    let first = finish(u64::from(template) << 56 ^ u64::from(a) ^ 0x5851_F42D_4C95_7F2D);
    finish(first ^ (u64::from(b) << 21 | u64::from(c)))
}

/// The features of `chars`. `lexicon` adds a feature for every lexicon term covering a
/// character; `skip_term` leaves out terms a training text is the only source of (see
/// [`Lexicon::own_terms`]), so the model learns how far a match is worth trusting on text whose
/// names were confirmed elsewhere.
pub fn extract(chars: &[char], context: &Context, skip_term: &dyn Fn(usize) -> bool, out: &mut Features) {
    let (lexicon, classes) = (context.lexicon.as_ref(), context.classes.as_ref());
    out.features.clear();
    out.starts.clear();
    let n = chars.len();
    let at = |i: isize| -> u32 {
        if i < 0 {
            PAD + (-i) as u32
        } else if i as usize >= n {
            PAD + 8 + (i as usize - n) as u32
        } else {
            u32::from(chars[i as usize])
        }
    };
    // Each character's class and how it coheres with the next, looked up once per text.
    // Padding: PAD before the text, PAD + 1 after it; NONE: a character without a class, 100: a
    // pair seen too rarely.
    const NONE: u32 = 0xffff;
    let class_of: Vec<u32> = match classes.filter(|k| !k.is_empty()) {
        Some(k) => chars.iter().map(|&c| k.of(c).map_or(NONE, u32::from)).collect(),
        None => Vec::new(),
    };
    let class_at = |i: isize| -> u32 {
        match (i < 0, i as usize >= n) {
            (true, _) => PAD,
            (_, true) => PAD + 1,
            _ => class_of[i as usize],
        }
    };
    let steps: Vec<u32> = match context.cohesion.as_ref().filter(|k| !k.is_empty()) {
        Some(k) => {
            chars.windows(2).map(|w| k.of(w[0], w[1]).map_or(100, |s| (i32::from(s) + 50) as u32)).collect()
        }
        None => Vec::new(),
    };
    let step_at = |a: isize| -> u32 {
        if a < 0 || a as usize + 1 >= n {
            return 101;
        }
        steps[a as usize]
    };
    let mut matches = Vec::new();
    if let Some(lexicon) = lexicon {
        lexicon.cover(chars, skip_term, &mut matches);
        matches.sort_unstable_by_key(|m: &(u32, u32)| m.0);
    }
    let mut next_match = 0;
    for i in 0..n {
        out.starts.push(out.features.len() as u32);
        let i = i as isize;
        let c = at(i);
        let f = &mut out.features;
        f.push(feature(Template::Bias as u8, 0, 0, 0));
        for d in -2..=2isize {
            f.push(feature(Template::Unigram as u8 + (d + 2) as u8, at(i + d), 0, 0));
        }
        for d in -2..=1isize {
            f.push(feature(Template::Bigram as u8 + (d + 2) as u8, at(i + d), at(i + d + 1), 0));
        }
        f.push(feature(Template::Skip as u8, at(i - 1), at(i + 1), 0));
        f.push(feature(Template::Trigram as u8, at(i - 1), c, at(i + 1)));
        f.push(feature(Template::Types as u8, char_type(at(i - 1)), char_type(c), char_type(at(i + 1))));
        if !class_of.is_empty() {
            let k = [class_at(i - 1), class_at(i), class_at(i + 1)];
            for (d, &class) in k.iter().enumerate() {
                f.push(feature(Template::Class as u8 + d as u8, class, 0, 0));
            }
            f.push(feature(Template::ClassPair as u8, k[0], k[1], 0));
            f.push(feature(Template::ClassPair as u8 + 1, k[1], k[2], 0));
            f.push(feature(Template::CharClass as u8, c, k[0], 0));
            f.push(feature(Template::CharClass as u8 + 1, c, k[2], 0));
        }
        if !steps.is_empty() || n == 1 && context.cohesion.as_ref().is_some_and(|k| !k.is_empty()) {
            let (left, right) = (step_at(i - 1), step_at(i));
            f.push(feature(Template::Cohesion as u8, left, 0, 0));
            f.push(feature(Template::Cohesion as u8 + 1, right, 0, 0));
            f.push(feature(Template::Cohesion as u8 + 2, left, right, 0));
        }
        while next_match < matches.len() && matches[next_match].0 as isize == i {
            let packed = matches[next_match].1;
            f.push(feature(Template::Lexicon as u8, packed, 0, 0));
            f.push(feature(Template::LexiconChar as u8, packed >> 4, c, 0));
            next_match += 1;
        }
    }
    out.starts.push(out.features.len() as u32);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn each_character_gets_the_window_features_and_the_same_context_the_same_numbers() {
        let mut a = Features::default();
        extract(&chars("郑州市郑州"), &Context::default(), &|_| false, &mut a);
        assert_eq!(a.len(), 5);
        assert!(a.at(0).len() == 13 && a.at(4).len() == 13);
        // 州 at 1 and at 4 share the unigram at offset 0 and the bigram 郑州.
        let shared = |x: &[u64], y: &[u64]| x.iter().filter(|f| y.contains(f)).count();
        assert_eq!(shared(a.at(1), a.at(4)), 1 + 1 + 1 + 1); // bias, c0, c-1, c-1c0
                                                             // Padding before and after differs.
        assert_ne!(a.at(0)[1], a.at(4)[5]);
    }

    #[test]
    fn astral_characters_and_emoji_are_characters_like_any_other() {
        let mut f = Features::default();
        extract(&chars("𠀀😀a"), &Context::default(), &|_| false, &mut f);
        assert_eq!(f.len(), 3);
        assert_eq!(char_type(u32::from('𠀀')), 3);
        assert_eq!(char_type(u32::from('５')), 0);
        assert_eq!(char_type(u32::from('。')), 5);
    }

    #[test]
    fn retain_keeps_each_characters_own_features() {
        let mut f = Features { features: vec![1, 2, 3, 4, 5, 6], starts: vec![0, 2, 2, 6] };
        f.retain(|x| x % 2 == 0);
        assert_eq!((f.features.clone(), f.starts.clone()), (vec![2, 4, 6], vec![0, 1, 1, 3]));
        assert_eq!(f.at(2), &[4, 6]);
    }
}
