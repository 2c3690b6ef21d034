//! Command-line export: the same exports as the app's "Export dataset" dialog, for pipelines.
//!
//! ```text
//! biaozhu-export PROJECT.json OUT_DIR [--format spacy] [--units document|paragraph|sentence]
//!     [--crossing merge|drop] [--labels PER,ORG] [--split 80,10,10] [--seed 42]
//!     [--scheme bio|bioes] [--label-studio annotations|predictions] [--annotator NAME] [--zip]
//! ```
//!
//! `--annotator` exports one annotator's spans alone (`gold`: the adjudicated layer).

use biaozhu::core::export::bundle::bundle;
use biaozhu::core::export::preview::switch_format;
use biaozhu::core::export::split::SplitSpec;
use biaozhu::core::export::tokens::TagScheme;
use biaozhu::core::export::units::{Crossing, Granularity};
use biaozhu::core::export::{run_export, ExportOptions, Format, LabelStudioKind};
use biaozhu::core::project_json::import_project;
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str =
    "usage: biaozhu-export PROJECT.json OUT_DIR [--format F] [--units document|paragraph|sentence] \
[--crossing merge|drop] [--labels A,B] [--split TRAIN,DEV,TEST] [--seed N] [--scheme bio|bioes] \
[--label-studio annotations|predictions] [--annotator NAME] [--zip]";

/// What the command line asks for: the project, the folder, the options, whether to zip, and
/// whose spans.
struct Request {
    project: String,
    out: String,
    options: ExportOptions,
    zip: bool,
    annotator: Option<String>,
}

fn parse(args: &[String]) -> Result<Request, String> {
    let mut positional = Vec::new();
    let mut options = ExportOptions::new(Format::Spacy);
    let mut split: Option<SplitSpec> = None;
    let mut seed = 42;
    let mut zip = false;
    let mut annotator = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().cloned().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--format" => {
                let key = value()?;
                options.format = Format::from_key(&key).ok_or(format!(
                    "unknown format \"{key}\"; one of: {}",
                    Format::ALL.map(|f| f.key()).join(", ")
                ))?;
            }
            "--units" => {
                options.granularity = match value()?.as_str() {
                    "document" => Granularity::Document,
                    "paragraph" => Granularity::Paragraph,
                    "sentence" => Granularity::Sentence,
                    other => return Err(format!("unknown unit \"{other}\"")),
                }
            }
            "--crossing" => {
                options.crossing = match value()?.as_str() {
                    "merge" => Crossing::MergeUnits,
                    "drop" => Crossing::DropSpan,
                    other => return Err(format!("unknown crossing policy \"{other}\"")),
                }
            }
            "--labels" => {
                options.labels = Some(value()?.split(',').map(str::to_string).collect());
            }
            "--split" => {
                let parts: Vec<u32> = value()?
                    .split(',')
                    .map(|p| {
                        p.trim().parse().map_err(|_| format!("--split takes three numbers, not \"{p}\""))
                    })
                    .collect::<Result<_, _>>()?;
                let [train, dev, test] = parts[..] else {
                    return Err("--split takes three numbers".into());
                };
                split = Some(SplitSpec { train, dev, test, seed: 0 });
            }
            "--seed" => seed = value()?.parse().map_err(|_| "--seed takes a number".to_string())?,
            "--scheme" => {
                options.tag_scheme = match value()?.as_str() {
                    "bio" => TagScheme::Bio,
                    "bioes" => TagScheme::Bioes,
                    other => return Err(format!("unknown tag scheme \"{other}\"")),
                }
            }
            "--label-studio" => {
                options.label_studio = match value()?.as_str() {
                    "annotations" => LabelStudioKind::Annotations,
                    "predictions" => LabelStudioKind::Predictions,
                    other => return Err(format!("unknown Label Studio kind \"{other}\"")),
                }
            }
            "--zip" => zip = true,
            "--annotator" => annotator = Some(value()?),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => positional.push(arg.clone()),
        }
    }
    options.split = split.map(|s| SplitSpec { seed, ..s });
    let [project, out] = &positional[..] else {
        return Err(USAGE.to_string());
    };
    Ok(Request { project: project.clone(), out: out.clone(), options, zip, annotator })
}

fn run(args: &[String]) -> Result<(), String> {
    let Request { project: project_path, out: out_dir, mut options, zip, annotator } = parse(args)?;
    let json = std::fs::read_to_string(&project_path).map_err(|e| format!("{project_path}: {e}"))?;
    let project = import_project(&json).map_err(|e| format!("{project_path}: {e}"))?;
    let project = match &annotator {
        Some(name) => project.only_by(name),
        None => project,
    };
    if options.format.is_tagged() && options.labels.is_none() {
        // As in the dialog: one tag column takes the entity layer unless labels are named.
        options = switch_format(&options, options.format, &project.schema);
    }
    let export = run_export(&project, &options).map_err(|e| e.to_string())?;
    for crossing in &export.crossing {
        eprintln!(
            "note: {} span {} {} {}–{} «{}» crosses a unit boundary ({})",
            crossing.doc_id,
            crossing.span.0,
            crossing.label,
            crossing.range.start,
            crossing.range.end,
            crossing.text,
            if options.crossing == Crossing::MergeUnits { "units merged" } else { "left out" }
        );
    }
    let out = Path::new(&out_dir);
    if zip {
        let download = bundle(options.format.key(), export.files.clone()).map_err(|e| e.to_string())?;
        std::fs::create_dir_all(out).map_err(|e| format!("{out_dir}: {e}"))?;
        std::fs::write(out.join(&download.name), &download.bytes).map_err(|e| format!("{out_dir}: {e}"))?;
        println!("{}", out.join(&download.name).display());
        return Ok(());
    }
    for file in &export.files {
        let path = out.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, &file.contents).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("{}", path.display());
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("biaozhu-export: {message}");
            ExitCode::FAILURE
        }
    }
}
