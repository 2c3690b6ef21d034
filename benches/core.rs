//! Native benchmarks of the core operations at the S, M and L workloads (see
//! `src/bin/biaozhu-workload.rs`): `cargo bench --bench core`. The workloads are built in
//! memory by the same code, so the benchmark needs no files.

#![cfg_attr(target_arch = "wasm32", allow(unused))]
// The benchmarks are native only; a wasm build of all targets gets an empty main.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use biaozhu::core::export::{run_export, ExportOptions, Format};
    use biaozhu::core::layout::{layout_paragraph, paragraphs};
    use biaozhu::core::project_json::{export_project, import_project};
    use biaozhu::core::{CharRange, Session};
    use criterion::{criterion_group, BenchmarkId, Criterion};
    use std::hint::black_box;
    use std::process::Command;

    /// The workload's project JSON, made by the workload command (built by cargo for benches).
    fn workload(size: &str) -> String {
        let out = std::env::temp_dir().join(format!("biaozhu-bench-{size}.json"));
        let status =
            Command::new(env!("CARGO_BIN_EXE_biaozhu-workload")).arg(size).arg(&out).status().unwrap();
        assert!(status.success());
        std::fs::read_to_string(out).unwrap()
    }

    fn bench(c: &mut Criterion) {
        for size in ["S", "M", "L"] {
            let json = workload(size);
            let project = import_project(&json).unwrap();
            let doc = project.documents()[0].clone();
            let mut group = c.benchmark_group(size);
            group.sample_size(10);
            group.warm_up_time(std::time::Duration::from_millis(500));
            group.measurement_time(std::time::Duration::from_secs(2));
            group.bench_function(BenchmarkId::new("import project JSON", size), |b| {
                b.iter(|| import_project(black_box(&json)).unwrap())
            });
            group.bench_function(BenchmarkId::new("export project JSON", size), |b| {
                b.iter(|| export_project(black_box(&project)))
            });
            // Add a span in a free place and undo it: one edit and its inverse.
            let free = (0..doc.char_len() - 2)
                .step_by(7)
                .map(|s| CharRange::new(s, s + 1))
                .find(|r| doc.spans_overlapping(*r).next().is_none() && !doc.slice(*r).trim().is_empty())
                .unwrap();
            let mut session = Session::new(project.clone());
            group.bench_function(BenchmarkId::new("add span + undo", size), |b| {
                b.iter(|| {
                    session.add_span(&doc.id, free, "LOC").unwrap();
                    session.undo();
                })
            });
            let middle = CharRange::new(doc.char_len() / 2, doc.char_len() / 2 + 300);
            group.bench_function(BenchmarkId::new("spans touching 300 characters", size), |b| {
                b.iter(|| doc.spans_overlapping(black_box(middle)).count())
            });
            let paras = paragraphs(doc.text());
            let para = paras[paras.len() / 2];
            group.bench_function(BenchmarkId::new("lay out one paragraph", size), |b| {
                b.iter(|| layout_paragraph(&doc, &project.schema, black_box(para)))
            });
            group.bench_function(BenchmarkId::new("clone the project", size), |b| b.iter(|| project.clone()));
            group.bench_function(BenchmarkId::new("export spaCy JSONL", size), |b| {
                b.iter(|| run_export(&project, &ExportOptions::new(Format::Spacy)).unwrap())
            });
            group.finish();
        }
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::benches();
    criterion::Criterion::default().configure_from_args().final_summary();
}
