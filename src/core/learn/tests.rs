//! The tagger end to end on small made-up corpora: it learns, it is deterministic, it survives
//! its own bytes and anyone else's.

use super::*;
use crate::core::rng::SplitMix64;

const PEOPLE: [&str; 8] = ["徐立毅", "王新伟", "张𠀀明", "李娜", "周洁", "陈志强", "赵敏😀", "刘子墨"];
const PLACES: [&str; 8] = ["郑州", "航空港区", "中牟县", "金水区", "登封", "新郑", "荥阳", "巩义市"];
const ORGS: [&str; 6] = ["市委", "市政府", "郑州日报社", "河南大学", "市卫健委", "航空港区管委会"];
const FRAMES: [&str; 6] = [
    "{P}在{L}调研，强调要做好防控。",
    "{O}召开会议，{P}出席并讲话。",
    "昨日，{P}来到{L}检查复工复产。",
    "{L}的企业得到{O}的支持。",
    "{P}指出，{O}要主动作为。",
    "记者从{O}获悉，{L}已有三家企业复工。",
];

/// `count` sentences made from the frames above, drawn with `seed`; labels PER, LOC, ORG.
fn corpus(count: usize, seed: u64) -> (Vec<String>, Vec<Example>) {
    let mut labels = vec!["PER".to_string(), "LOC".to_string(), "ORG".to_string()];
    let mut rng = SplitMix64(seed);
    let examples = (0..count)
        .map(|_| {
            let frame = FRAMES[rng.below(FRAMES.len())];
            let mut text = String::new();
            let mut spans = Vec::new();
            let mut rest = frame;
            while let Some(open) = rest.find('{') {
                text.push_str(&rest[..open]);
                let (slot, after) = (&rest[open + 1..open + 2], &rest[open + 3..]);
                let (name, label) = match slot {
                    "P" => (PEOPLE[rng.below(PEOPLE.len())], "PER"),
                    "L" => (PLACES[rng.below(PLACES.len())], "LOC"),
                    _ => (ORGS[rng.below(ORGS.len())], "ORG"),
                };
                let start = text.chars().count();
                text.push_str(name);
                spans.push((CharRange { start, end: start + name.chars().count() }, label));
                rest = after;
            }
            text.push_str(rest);
            Example::new(&text, spans, &mut labels)
        })
        .collect();
    (labels, examples)
}

fn train(examples: &[Example], labels: &[String], options: TrainOptions) -> Tagger {
    let mut trainer = Trainer::new(labels.to_vec(), examples.to_vec(), &[], options);
    while !trainer.work(500).is_finished() {}
    trainer.finish()
}

#[test]
fn it_learns_the_names_and_finds_them_in_new_sentences() {
    let (labels, examples) = corpus(300, 1);
    let (_, unseen) = corpus(100, 2);
    let tagger = train(&examples, &labels, TrainOptions::default());
    let scores = evaluate(&tagger, &unseen).overall();
    assert!(scores.f1() > 0.95, "F1 {} ({scores:?})", scores.f1());
    // Offsets are code points: 张𠀀明 and 赵敏😀 are three characters.
    let chars: Vec<char> = "张𠀀明在登封调研。赵敏😀指出".chars().collect();
    let found: Vec<(usize, usize, &str)> = tagger
        .predict(&chars)
        .iter()
        .map(|p| (p.range.start, p.range.end, labels[usize::from(p.label)].as_str()))
        .collect();
    assert_eq!(found, vec![(0, 3, "PER"), (4, 6, "LOC"), (9, 12, "PER")]);
}

#[test]
fn confidence_is_a_probability_and_higher_on_familiar_text() {
    let (labels, examples) = corpus(200, 3);
    let mut tagger = train(&examples, &labels, TrainOptions { epochs: 4, ..TrainOptions::default() });
    tagger.calibrate(&corpus(40, 13).1);
    let familiar: Vec<char> = "徐立毅在郑州调研，强调要做好防控。".chars().collect();
    let odd: Vec<char> = "郑州徐立毅调研在。".chars().collect();
    for p in tagger.predict(&familiar).iter().chain(&tagger.predict(&odd)) {
        assert!((0.0..=1.0).contains(&p.confidence), "{p:?}");
    }
    let min = |ps: Vec<Prediction>| ps.iter().map(|p| p.confidence).fold(1.0f32, f32::min);
    assert!(min(tagger.predict(&familiar)) > 0.5);
    assert!(tagger.predict(&[]).is_empty());
}

#[test]
fn the_same_data_and_seed_give_the_same_model_however_the_work_is_sliced() {
    let (labels, examples) = corpus(80, 4);
    let options = TrainOptions { epochs: 3, seed: 9, ..TrainOptions::default() };
    let bytes = |budget: usize| {
        let mut trainer = Trainer::new(labels.clone(), examples.clone(), &[], options.clone());
        while !trainer.work(budget).is_finished() {}
        trainer.finish().to_bytes()
    };
    assert_eq!(bytes(1), bytes(100_000));
    let other_seed = train(&examples, &labels, TrainOptions { seed: 10, ..options.clone() }).to_bytes();
    assert_ne!(bytes(50), other_seed);
}

#[test]
fn a_model_read_back_from_its_bytes_predicts_the_same() {
    let (labels, examples) = corpus(100, 5);
    let (_, unseen) = corpus(30, 6);
    let tagger = train(&examples, &labels, TrainOptions { epochs: 2, ..TrainOptions::default() });
    let again = Tagger::from_bytes(&tagger.to_bytes()).expect("reads its own bytes");
    assert_eq!(again.labels(), tagger.labels());
    assert_eq!(again.to_bytes(), tagger.to_bytes());
    for example in &unseen {
        assert_eq!(again.predict(&example.chars), tagger.predict(&example.chars));
    }
}

#[test]
fn broken_model_bytes_are_refused_by_name_and_never_panic() {
    let (labels, examples) = corpus(20, 7);
    let bytes = train(&examples, &labels, TrainOptions { epochs: 1, ..TrainOptions::default() }).to_bytes();
    assert_eq!(Tagger::from_bytes(b"PK\x03\x04").err(), Some(ModelError::NotAModel));
    let mut other_version = bytes.clone();
    other_version[6] = 9;
    assert_eq!(Tagger::from_bytes(&other_version).err(), Some(ModelError::Version(9)));
    for cut in 0..bytes.len() {
        assert!(Tagger::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut rng = SplitMix64(3);
    for _ in 0..300 {
        let mut noisy = bytes.clone();
        let at = 8 + rng.below(noisy.len() - 8);
        noisy[at] = rng.below(256) as u8;
        if let Ok(tagger) = Tagger::from_bytes(&noisy) {
            let _ = tagger.predict(&"郑州市委".chars().collect::<Vec<_>>());
        }
    }
    assert!(ModelError::Truncated { at: 12 }.to_string().contains("byte 12"));
}

#[test]
fn the_lexicon_helps_on_names_seen_only_in_training() {
    // Names are seen in training in some frames; the test puts them in frames of their own.
    let (labels, examples) = corpus(150, 8);
    let with = train(&examples, &labels, TrainOptions { epochs: 4, ..TrainOptions::default() });
    let without =
        train(&examples, &labels, TrainOptions { epochs: 4, lexicon: false, ..TrainOptions::default() });
    let mut names = Vec::new();
    let text: String = PLACES.iter().chain(&ORGS).map(|n| format!("关于{n}，")).collect();
    let mut at = 0;
    for n in PLACES.iter().chain(&ORGS) {
        at += 2;
        names.push(CharRange { start: at, end: at + n.chars().count() });
        at += n.chars().count() + 1;
    }
    let chars: Vec<char> = text.chars().collect();
    let hits = |t: &Tagger| t.predict(&chars).iter().filter(|p| names.contains(&p.range)).count();
    assert!(hits(&with) >= hits(&without), "{} vs {}", hits(&with), hits(&without));
    assert!(hits(&with) > names.len() / 2, "{} of {}", hits(&with), names.len());
}

#[test]
fn spans_past_the_labels_or_the_text_do_no_harm() {
    let mut labels = vec!["PER".to_string()];
    let example = Example {
        chars: "李娜来了".chars().collect(),
        spans: vec![
            LabeledRange { range: CharRange { start: 0, end: 2 }, label: 0 },
            LabeledRange { range: CharRange { start: 2, end: 9 }, label: 0 },
            LabeledRange { range: CharRange { start: 0, end: 1 }, label: 7 },
        ],
    };
    let tagger = train(&[example.clone(), Example::default()], &labels, TrainOptions::default());
    assert_eq!(tagger.labels(), &labels[..]);
    labels.push("X".into());
    let _ = tagger.predict(&example.chars);
    let empty = train(&[], &labels, TrainOptions::default());
    assert!(empty.predict(&example.chars).is_empty());
}

#[test]
fn calibration_lowers_confidence_when_the_model_is_wrong_and_raises_it_when_right() {
    let (labels, examples) = corpus(120, 11);
    let (_, held_out) = corpus(30, 12);
    let mut tagger = train(&examples, &labels, TrainOptions { epochs: 3, ..TrainOptions::default() });
    assert_eq!(tagger.calibrate(&held_out), 1.0, "every suggestion right: the sharpest scale");
    let unmarked: Vec<Example> =
        held_out.iter().map(|e| Example { chars: e.chars.clone(), spans: Vec::new() }).collect();
    assert_eq!(tagger.calibrate(&unmarked), 0.02, "every suggestion wrong: the flattest scale");
    assert_eq!(tagger.calibrate(&[]), 0.02, "nothing to go on: unchanged");
    let bands = reliability(&tagger, &held_out);
    let suggested: usize = held_out.iter().map(|e| tagger.predict(&e.chars).len()).sum();
    assert_eq!(bands.iter().map(|b| b.2).sum::<usize>(), suggested);
    assert!(bands.iter().all(|b| b.3 <= b.2));
}

/// One long text with no spans, whose names the rest of the set labels (an unannotated
/// document trained on with "every document"), must not unsettle what the rest teaches: the
/// default options still tag an easy held-out set without a mistake. Loss-augmented training
/// (a margin of 20) failed this: the long text could never be learned, its updates came back
/// every pass, and held-out F1 fell to 0.93 here (0.75 in the app).
#[test]
fn a_contradicting_document_does_not_unsettle_the_rest() {
    let people = ["徐立毅", "王新伟", "张𠀀明", "李娜", "周洁", "赵敏😀"];
    let places = ["郑州", "航空港区", "中牟县", "金水区", "登封", "新郑"];
    let mut labels: Vec<String> =
        ["PER", "ORG", "LOC", "DATE", "TITLE", "POLICY"].iter().map(|s| s.to_string()).collect();
    let mut examples: Vec<Example> = (0..4000usize)
        .map(|k| {
            let (person, place) = (people[k % 6], places[(k / 6 + k) % 6]);
            let lead = ["昨日，", "", "上午，"][k % 3];
            let text = format!("{lead}{person}在{place}调研，强调要抓好复工复产。");
            let p0 = lead.chars().count();
            let l0 = p0 + person.chars().count() + 1;
            let spans = vec![
                (CharRange { start: p0, end: l0 - 1 }, "PER"),
                (CharRange { start: l0, end: l0 + place.chars().count() }, "LOC"),
            ];
            Example::new(&text, spans, &mut labels)
        })
        .collect();
    // A long report, its names unmarked: about 3,000 characters of filler around them.
    let mut rng = SplitMix64(7);
    let mut long = String::new();
    while long.chars().count() < 3000 {
        let filler = ["全市上下", "坚持两手抓", "企业复工", "防控不松劲", "各项工作", "稳步推进，"];
        long.push_str(filler[rng.below(filler.len())]);
        if rng.below(8) == 0 {
            long.push_str(places[rng.below(places.len())]);
            long.push_str(people[rng.below(people.len())]);
        }
    }
    examples.push(Example::new(&long, Vec::new(), &mut labels));
    // The shuffle (seed 4) that holds out sentences, not the long text.
    let mut shuffled = examples;
    SplitMix64(4).shuffle(&mut shuffled);
    let held_out: Vec<Example> = shuffled.drain(..400).filter(|e| e.chars.len() < 100).collect();
    // With no margin, the default margin, and a large one: a margin on every character, not
    // only names', failed here at 20 (741 of 800 names found).
    for margin in [0, TrainOptions::default().margin, 40] {
        let tagger = train(&shuffled, &labels, TrainOptions { margin, ..TrainOptions::default() });
        let overall = evaluate(&tagger, &held_out).overall();
        assert_eq!((overall.correct, overall.predicted), (overall.gold, overall.gold), "margin {margin}");
    }
}

#[test]
fn averaging_orders_is_deterministic_keeps_the_texts_names_and_ignores_a_stranger() {
    let (labels, examples) = corpus(120, 21);
    let (_, unseen) = corpus(60, 22);
    let order = |k| {
        let options = TrainOptions { seed: order_seed(7, k), epochs: 6, ..TrainOptions::default() };
        train(&examples, &labels, options)
    };
    // The same models give the same average, byte for byte.
    let average = Tagger::average(order(0), vec![order(1), order(2)]);
    assert_eq!(average.to_bytes(), Tagger::average(order(0), vec![order(1), order(2)]).to_bytes());
    assert_ne!(average.to_bytes(), order(0).to_bytes());
    assert!(evaluate(&average, &unseen).overall().f1() > 0.95);
    // A model's average with itself tags as it does.
    let alone = order(0);
    let doubled = Tagger::average(order(0), vec![order(0)]);
    for example in &unseen {
        assert_eq!(doubled.tag(&example.chars), alone.tag(&example.chars));
    }
    // A model of other labels cannot be averaged in: it is left out.
    let mut other_labels = labels.clone();
    other_labels.push("DATE".into());
    let stranger = train(&examples, &other_labels, TrainOptions { epochs: 2, ..TrainOptions::default() });
    assert_eq!(Tagger::average(order(0), vec![stranger]).to_bytes(), alone.to_bytes());
    // Orders have seeds of their own; small sets are averaged, large ones not.
    assert_eq!(order_seed(7, 0), 7);
    assert_ne!(order_seed(7, 1), order_seed(7, 2));
    assert_eq!((orders_for(AVERAGE_CHARS), orders_for(AVERAGE_CHARS + 1)), (ORDERS, 1));
}
