//! Command-line twin of the app's learned suggestions: trains the same tagger on a tagged file
//! and scores it on another.
//!
//! ```text
//! biaozhu-learn TRAIN [--eval TEST] [--limit N [--first]] [--holdout PCT] [--seed S] [--epochs E] [--no-lexicon]
//!     [--margin M] [--layer NAME] [--all-documents] [--save MODEL]
//! ```
//!
//! TRAIN and TEST are CoNLL / BMES character-tag files (one character and its tag per line,
//! a blank line between sentences) or biaozhu project JSON files (the documents marked done,
//! or all with `--all-documents`; the spans of the layer holding most of them, or `--layer`).

use biaozhu::core::import::readers::{parse, InFile};
use biaozhu::core::import::OffsetUnit;
use biaozhu::core::learn::{
    auto_epochs, evaluate, order_seed, orders_for, project_examples, reliability, Confirmed, Example, Tagger,
    TrainOptions, Trainer,
};
use biaozhu::core::offsets::CharRange;
use biaozhu::core::project_json::import_project;
use biaozhu::core::rng::SplitMix64;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str =
    "usage: biaozhu-learn TRAIN [--eval TEST] [--limit N [--first]] [--holdout PCT] [--seed S] [--epochs E] \
[--no-lexicon] [--no-cohesion] [--classes K] [--margin M] [--layer NAME] [--all-documents] [--save MODEL]";

struct Args {
    train: String,
    eval: Option<String>,
    limit: Option<usize>,
    first: bool,
    holdout: usize,
    options: TrainOptions,
    layer: Option<String>,
    which: Confirmed,
    save: Option<String>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut positional = Vec::new();
    let mut out = Args {
        train: String::new(),
        eval: None,
        limit: None,
        first: false,
        holdout: 0,
        options: TrainOptions::default(),
        layer: None,
        which: Confirmed::Done,
        save: None,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().cloned().ok_or(format!("{arg} needs a value"));
        let number = |v: String| v.parse::<u64>().map_err(|_| format!("{arg} takes a number, not \"{v}\""));
        match arg.as_str() {
            "--eval" => out.eval = Some(value()?),
            "--limit" => out.limit = Some(number(value()?)? as usize),
            "--seed" => out.options.seed = number(value()?)?,
            "--epochs" => out.options.epochs = number(value()?)?.min(1000) as u32,
            "--first" => out.first = true,
            "--holdout" => out.holdout = number(value()?)?.min(90) as usize,
            "--no-lexicon" => out.options.lexicon = false,
            "--no-cohesion" => out.options.cohesion = false,
            "--margin" => out.options.margin = number(value()?)?.min(1000) as u16,
            "--classes" => out.options.classes = number(value()?)?.min(4096) as usize,
            "--layer" => out.layer = Some(value()?),
            "--all-documents" => out.which = Confirmed::All,
            "--save" => out.save = Some(value()?),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => positional.push(arg.clone()),
        }
    }
    match &positional[..] {
        [train] => out.train = train.clone(),
        _ => return Err("give exactly one training file".into()),
    }
    Ok(out)
}

/// The labels and examples of `path`; `labels` grows with names first seen here.
fn read(path: &str, args: &Args, labels: &mut Vec<String>) -> Result<Vec<Example>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    // A project file, else a dataset the import dialog reads (JSON Lines, CoNLL, …).
    let project = match std::str::from_utf8(&bytes) {
        Ok(text) if path.ends_with(".json") => Some(import_project(text)),
        _ => None,
    };
    if let Some(Ok(project)) = project {
        let (names, examples) = project_examples(&project, args.layer.as_deref(), args.which);
        // Map the project's label indices onto the run's.
        let map: Vec<u16> = names.iter().map(|n| label_index(labels, n)).collect();
        return Ok(examples
            .into_iter()
            .map(|mut e| {
                for s in &mut e.spans {
                    s.label = map[usize::from(s.label)];
                }
                e
            })
            .collect());
    }
    let parsed = parse(&[InFile { name: path.to_string(), bytes }]).map_err(|e| match project {
        Some(Err(not_project)) => format!("{path}: neither a project ({not_project}) nor a dataset ({e})"),
        _ => e.to_string(),
    })?;
    let mut skipped = 0;
    let examples = parsed
        .docs
        .into_iter()
        .map(|doc| {
            if !matches!(doc.unit, None | Some(OffsetUnit::CodePoint)) {
                skipped += doc.spans.len();
                return Example { chars: doc.text.chars().collect(), spans: Vec::new() };
            }
            let len = doc.text.chars().count();
            let spans: Vec<(CharRange, String)> = doc
                .spans
                .into_iter()
                .filter(|s| {
                    let fits = s.start < s.end && s.end <= len;
                    skipped += usize::from(!fits);
                    fits
                })
                .map(|s| (CharRange { start: s.start, end: s.end }, s.label))
                .collect();
            Example::new(&doc.text, spans.iter().map(|(r, l)| (*r, l.as_str())), labels)
        })
        .collect();
    if skipped > 0 {
        eprintln!("{path}: {skipped} spans left out (offsets outside their text or not in code points)");
    }
    Ok(examples)
}

fn label_index(labels: &mut Vec<String>, name: &str) -> u16 {
    let at = labels.iter().position(|l| l == name).unwrap_or_else(|| {
        labels.push(name.to_string());
        labels.len() - 1
    });
    at as u16
}

fn run(args: &Args) -> Result<(), String> {
    let mut labels = Vec::new();
    let mut train = read(&args.train, args, &mut labels)?;
    let mut unlabeled = Vec::new();
    if let Some(limit) = args.limit.filter(|&n| n < train.len()) {
        // A sample, not the file's first texts: a file's order may be anything (MSRA's first
        // thousand sentences hold less than half the names of a random thousand).
        if !args.first {
            SplitMix64(args.options.seed ^ 0x5EED).shuffle(&mut train);
        }
        // The rest of the file counts as text nobody has annotated yet: its characters (not
        // its tags) teach the character classes, as a project's other documents do in the app.
        unlabeled = train.split_off(limit).into_iter().map(|e| e.chars).collect();
    }
    // A share of the training texts held out: the confidences are calibrated on it.
    let held_out = if args.holdout > 0 && train.len() > 1 {
        let keep = train.len() - (train.len() * args.holdout / 100).max(1);
        train.split_off(keep)
    } else {
        Vec::new()
    };
    let chars: usize = train.iter().map(|e| e.chars.len()).sum();
    println!(
        "training on {} texts ({chars} characters; {} more unannotated), labels {}, {} epochs, seed {}, \
         lexicon {}, {} character classes, margin {}",
        train.len(),
        unlabeled.len(),
        labels.join(" "),
        if args.options.epochs == 0 {
            auto_epochs(chars).to_string()
        } else {
            args.options.epochs.to_string()
        },
        args.options.seed,
        if args.options.lexicon { "on" } else { "off" },
        args.options.classes,
        args.options.margin
    );
    let started = Instant::now();
    // Kept for the other orders of a small set (see `orders_for`).
    let train_copy = if orders_for(chars) > 1 { train.clone() } else { Vec::new() };
    let mut trainer = Trainer::new(labels.clone(), train, &unlabeled, args.options.clone());
    eprintln!(
        "  lexicon, character classes, cohesion and rare features: {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let mut last_epoch = 0;
    loop {
        let progress = trainer.work(200_000);
        if progress.epoch != last_epoch || progress.is_finished() {
            eprintln!("  epoch {} done, {:.1} s", progress.epoch, started.elapsed().as_secs_f64());
            last_epoch = progress.epoch;
        }
        if progress.is_finished() {
            break;
        }
    }
    // A small set: the model is the average of several orders, as in the app.
    let orders = orders_for(chars);
    let from_text = trainer.from_text();
    let first = trainer.finish();
    let mut others = Vec::new();
    for k in 1..orders {
        let options = TrainOptions { seed: order_seed(args.options.seed, k), ..args.options.clone() };
        let mut trainer = Trainer::with(labels.clone(), train_copy.clone(), from_text.clone(), options);
        while !trainer.work(200_000).is_finished() {}
        others.push(trainer.finish());
        eprintln!("  order {} of {orders} done, {:.1} s", k + 1, started.elapsed().as_secs_f64());
    }
    let mut tagger = Tagger::average(first, others);
    if !held_out.is_empty() {
        let scale = tagger.calibrate(&held_out);
        println!("confidence calibrated on {} held-out texts: scale {scale}", held_out.len());
    }
    let seconds = started.elapsed().as_secs_f64();
    let bytes = tagger.to_bytes();
    println!(
        "training time {seconds:.1} s; model {:.2} MB ({} features)",
        bytes.len() as f64 / 1e6,
        tagger.feature_count()
    );
    if let Some(path) = &args.save {
        std::fs::write(path, &bytes).map_err(|e| format!("{path}: {e}"))?;
    }
    if let Some(path) = &args.eval {
        let mut test_labels = labels.clone();
        let test = read(path, args, &mut test_labels)?;
        if test_labels.len() > labels.len() {
            eprintln!("{path}: labels the model never saw: {}", test_labels[labels.len()..].join(" "));
        }
        let started = Instant::now();
        let evaluation = evaluate(&tagger, &test);
        let missed: usize =
            test.iter().flat_map(|e| &e.spans).filter(|s| usize::from(s.label) >= labels.len()).count();
        println!("tagged {} texts in {:.2} s", test.len(), started.elapsed().as_secs_f64());
        // What the app does for one document: tags and scores 1,500 characters of the test text.
        let sample: Vec<char> =
            test.iter().flat_map(|e| e.chars.iter().copied().chain(['\n'])).take(1500).collect();
        // The first call runs cold code (V8 compiles a function better once it is hot); the
        // median of the next five is what repeated suggesting costs.
        let mut times = Vec::new();
        let mut suggested = 0;
        for _ in 0..6 {
            let started = Instant::now();
            suggested = tagger.predict(&sample).len();
            times.push(started.elapsed().as_secs_f64() * 1e3);
        }
        let first = times.remove(0);
        times.sort_by(f64::total_cmp);
        println!(
            "suggestions with confidence for {} characters: {suggested}; first in {first:.1} ms, then {:.1} ms",
            sample.len(),
            times[times.len() / 2]
        );
        println!("confidence  suggested  exactly right");
        for (low, high, spans, right) in reliability(&tagger, &test) {
            let share = if spans == 0 { 0.0 } else { right as f64 / spans as f64 };
            println!("{low:.2}–{high:.2}  {spans:>9}  {right:>6} ({:.1} %)", share * 100.0);
        }
        println!("{:<12} {:>9} {:>9} {:>9} {:>7}", "label", "precision", "recall", "f1", "gold");
        for (name, t) in evaluation.labels.iter().zip(&evaluation.per_label) {
            println!("{name:<12} {:>9.4} {:>9.4} {:>9.4} {:>7}", t.precision(), t.recall(), t.f1(), t.gold);
        }
        let mut all = evaluation.overall();
        all.gold += missed;
        println!(
            "{:<12} {:>9.4} {:>9.4} {:>9.4} {:>7}",
            "overall",
            all.precision(),
            all.recall(),
            all.f1(),
            all.gold
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.iter().any(|a| a == "--help" || a == "-h") {
        eprintln!("{USAGE}");
        return if args.is_empty() { ExitCode::FAILURE } else { ExitCode::SUCCESS };
    }
    let result = parse_args(&args).and_then(|args| run(&args));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("biaozhu-learn: {message}\n{USAGE}");
            ExitCode::FAILURE
        }
    }
}
