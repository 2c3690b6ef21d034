//! Command-line agreement: the app's agreement table as CSV, for pipelines and for checking
//! the figures against other implementations (the interop tests use scikit-learn).
//!
//! ```text
//! biaozhu-agreement MERGED.json          # a project that already holds several annotators
//! biaozhu-agreement A.json B.json [...]  # annotators' own files, merged first (as in the app)
//! ```

use biaozhu::core::agreement::{agreement, to_csv};
use biaozhu::core::merge::{plan_merge, read_sources};
use biaozhu::core::Project;
use std::process::ExitCode;

fn run(paths: &[String]) -> Result<String, String> {
    let files = paths
        .iter()
        .map(|path| {
            std::fs::read(path).map(|bytes| (path.clone(), bytes)).map_err(|e| format!("{path}: {e}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut sources = read_sources(files).map_err(|e| e.to_string())?;
    let project = if sources.len() == 1 {
        sources.remove(0).project
    } else {
        let mut project = Project::new(sources[0].project.schema.clone());
        let (command, _) = plan_merge(&project, &sources).map_err(|e| e.to_string())?;
        command.apply(&mut project).map_err(|e| e.to_string())?;
        project
    };
    Ok(to_csv(&agreement(&project)))
}

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() || paths.iter().any(|p| p.starts_with('-')) {
        eprintln!("usage: biaozhu-agreement MERGED.json | A.json B.json [...]");
        return ExitCode::from(2);
    }
    match run(&paths) {
        Ok(csv) => {
            print!("{csv}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("biaozhu-agreement: {message}");
            ExitCode::FAILURE
        }
    }
}
