//! Dataset exports: each format on text with 𠀀, emoji, CRLF and a directive holding entities;
//! golden files; granularity and crossing spans; splits; the self-check.
use biaozhu::core::export::bundle::bundle;
use biaozhu::core::export::check::{check_part, decode_tags};
use biaozhu::core::export::split::{assign, SplitSpec};
use biaozhu::core::export::tokens::{spacy_zh_char_tokens, TagScheme};
use biaozhu::core::export::units::{Crossing, Granularity};
use biaozhu::core::export::*;
use biaozhu::core::*;
use common::TEXT;

mod common;
use serde_json::Value;

fn project() -> Project {
    common::sample_project()
}

fn export(options: &ExportOptions) -> Export {
    run_export(&project(), options).unwrap_or_else(|e| panic!("{:?}: {e}", options.format))
}

fn text_of(file: &OutFile) -> String {
    String::from_utf8(file.contents.clone()).unwrap()
}

fn entity_labels() -> Vec<String> {
    ["PER", "ORG", "LOC", "DATE", "TITLE", "POLICY"].map(String::from).to_vec()
}

fn options_for(format: Format) -> ExportOptions {
    let mut options = ExportOptions::new(format);
    if format.is_tagged() {
        options.labels = Some(entity_labels());
    }
    options
}

/// Compares with `tests/golden/<name>`; `BLESS=1 cargo test` rewrites the golden files.
fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {}; run with BLESS=1", path.display()));
    assert_eq!(actual, expected, "{name} differs from its golden file");
}

#[test]
fn every_format_matches_its_golden_files() {
    for format in Format::ALL {
        let result = export(&options_for(format));
        for file in &result.files {
            golden(&format!("{}__{}", format.key(), file.path.replace('/', "__")), &text_of(file));
        }
    }
}

#[test]
fn spacy_spans_carry_code_point_offsets_text_and_inclusive_token_indices() {
    let result = export(&options_for(Format::Spacy));
    let line: Value = serde_json::from_slice(&result.files[0].contents).unwrap();
    let directive = &line["spans"][7];
    assert_eq!(directive["text"], "确保高质量发展");
    assert_eq!((directive["start"].as_u64(), directive["end"].as_u64()), (Some(36), Some(43)));
    assert_eq!((directive["token_start"].as_u64(), directive["token_end"].as_u64()), (Some(36), Some(42)));
    // \r\n is one whitespace token, as spacy.blank("zh") makes it.
    let tokens = line["tokens"].as_array().unwrap();
    assert_eq!(tokens[44]["text"], "\r\n");
    assert_eq!(tokens[45]["start"], 46);
}

#[test]
fn spacy_tokens_follow_the_chinese_char_segmenter() {
    let tokens = spacy_zh_char_tokens(" 李 强  在\n北京");
    let shown: Vec<(String, bool)> = tokens.iter().map(|t| (t.text.to_string(), t.ws)).collect();
    let expected = [
        (" ", false),
        ("李", true),
        ("强", true),
        (" ", false),
        ("在", false),
        ("\n", false),
        ("北", false),
        ("京", false),
    ];
    assert_eq!(shown, expected.map(|(t, w)| (t.to_string(), w)));
}

#[test]
fn doccano_utf16_variant_counts_code_units() {
    let plain = export(&options_for(Format::DoccanoLabels));
    let utf16 = export(&options_for(Format::DoccanoUtf16));
    let p: Value = serde_json::from_slice(&plain.files[0].contents).unwrap();
    let u: Value = serde_json::from_slice(&utf16.files[0].contents).unwrap();
    assert_eq!(p["label"][7], serde_json::json!([36, 43, "DIRECTIVE"]));
    assert_eq!(u["label"][7], serde_json::json!([38, 45, "DIRECTIVE"]));
}

#[test]
fn tagged_formats_refuse_overlaps_naming_the_spans() {
    let err = run_export(&project(), &ExportOptions::new(Format::Conll)).unwrap_err().to_string();
    assert!(
        err.contains("DIRECTIVE span 6 «要加快推进𠀀河新区建设» overlaps LOC span 7 «𠀀河新区»"),
        "{err}"
    );
    let mut directives_only = ExportOptions::new(Format::Conll);
    directives_only.labels = Some(vec!["DIRECTIVE".into()]);
    let conll = text_of(&run_export(&project(), &directives_only).unwrap().files[0]);
    assert!(conll.starts_with("2\tO\n"));
    assert!(conll.contains("要\tB-DIRECTIVE\n加\tI-DIRECTIVE\n"));
    assert!(conll.contains("𠀀\tI-DIRECTIVE\n"));
}

#[test]
fn bioes_tags_single_characters_and_ends() {
    let mut options = options_for(Format::Conll);
    options.tag_scheme = TagScheme::Bioes;
    let conll = text_of(&export(&options).files[0]);
    assert!(conll.contains("李\tB-PER\n强\tE-PER\n"));
    assert!(conll.contains("𠀀\tB-LOC\n河\tI-LOC\n新\tI-LOC\n区\tE-LOC\n"));
    assert!(conll.contains("😀\tO\n"));
    assert!(!conll.contains("\r"), "whitespace has no line");
    let decoded =
        decode_tags(&[("a".into(), "S-X".into()), ("b".into(), "B-Y".into()), ("c".into(), "E-Y".into())]);
    assert_eq!(decoded, vec![("X".into(), "a".into()), ("Y".into(), "bc".into())]);
}

#[test]
fn huggingface_tags_index_the_label_list() {
    let result = export(&options_for(Format::HuggingFace));
    let labels: Vec<String> =
        serde_json::from_slice(&result.files.iter().find(|f| f.path == "labels.json").unwrap().contents)
            .unwrap();
    assert_eq!(&labels[..3], ["O", "B-PER", "I-PER"]);
    let line: Value = serde_json::from_slice(&result.files[0].contents).unwrap();
    let tokens = line["tokens"].as_array().unwrap();
    let tags = line["ner_tags"].as_array().unwrap();
    assert_eq!(tokens.len(), tags.len());
    let li = tokens.iter().position(|t| t == "李").unwrap();
    assert_eq!(labels[tags[li].as_u64().unwrap() as usize], "B-PER");
    assert!(tokens.iter().any(|t| t == "𠀀"));
}

#[test]
fn sentences_rebase_offsets_and_keep_closing_quotes() {
    let mut options = options_for(Format::DoccanoLabels);
    options.granularity = Granularity::Sentence;
    let result = export(&options);
    let lines: Vec<Value> =
        text_of(&result.files[0]).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let texts: Vec<&str> = lines.iter().map(|l| l["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        [
            "2024年3月5日，国务院总理李强在北京强调：要加快推进𠀀河新区建设😀，确保高质量发展。",
            "徐立毅指出：“要抓好‘外防输入’。”",
            "👩\u{200d}💻",
        ]
    );
    assert_eq!(lines[1]["label"], serde_json::json!([[0, 3, "PER"], [11, 15, "POLICY"]]));
    assert_eq!(lines[1]["unit_id"], "news-1#s2");
    assert!(result.crossing.is_empty());
}

#[test]
fn a_span_across_a_unit_boundary_is_reported_and_merged_or_dropped() {
    let mut p = project();
    let mut s = Session::new(p.clone());
    let id = DocId::from("news-1");
    // From 。 over the line break into 徐: crosses sentences and paragraphs.
    let span = s.add_span(&id, CharRange::new(43, 47), "DIRECTIVE").unwrap();
    p = s.project().clone();

    let mut options = options_for(Format::Spacy);
    options.granularity = Granularity::Paragraph;
    let merged = run_export(&p, &options).unwrap();
    assert_eq!(merged.crossing.len(), 1);
    assert_eq!(merged.crossing[0].span, span);
    assert_eq!(merged.records, 1, "the two paragraphs became one unit");
    assert_eq!(merged.spans_per_label["DIRECTIVE"], 3);

    options.crossing = Crossing::DropSpan;
    let dropped = run_export(&p, &options).unwrap();
    assert_eq!(dropped.records, 2);
    assert_eq!(dropped.crossing.len(), 1);
    assert_eq!(dropped.spans_per_label["DIRECTIVE"], 2);
}

#[test]
fn splits_are_reproducible_from_the_seed() {
    let spec = SplitSpec { train: 80, dev: 10, test: 10, seed: 42 };
    let a = assign(100, &spec);
    assert_eq!(a, assign(100, &spec));
    assert_ne!(a, assign(100, &SplitSpec { seed: 43, ..spec }));
    let count = |part| a.iter().filter(|p| **p == part).count();
    assert_eq!((count(0), count(1), count(2)), (80, 10, 10));
    assert_eq!(assign(0, &spec), Vec::<usize>::new());

    let mut options = options_for(Format::DoccanoLabels);
    options.granularity = Granularity::Sentence;
    options.split = Some(SplitSpec { train: 34, dev: 33, test: 33, seed: 7 });
    let result = export(&options);
    let names: Vec<&str> = result.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(names, ["train.jsonl", "dev.jsonl", "test.jsonl"]);
    assert_eq!(result.files.iter().map(|f| text_of(f).lines().count()).sum::<usize>(), 3);
    assert_eq!(export(&options), result);
}

#[test]
fn brat_writes_fragments_across_line_breaks_and_config_files() {
    let mut s = Session::new(project());
    s.add_span(&DocId::from("news-1"), CharRange::new(43, 49), "DIRECTIVE").unwrap();
    let result = run_export(s.project(), &options_for(Format::Brat)).unwrap();
    let ann = text_of(result.files.iter().find(|f| f.path == "news-1.ann").unwrap());
    assert!(ann.contains("\tDIRECTIVE 43 44;46 49\t。 徐立毅\n"), "{ann}");
    assert!(ann.contains("\tLOC 28 32\t𠀀河新区\n"));
    let names: Vec<&str> = result.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(names, ["news-1.txt", "news-1.ann", "annotation.conf", "visual.conf"]);
    let download = bundle("brat", result.files.clone()).unwrap();
    assert_eq!(download.name, "biaozhu-brat.zip");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(download.bytes)).unwrap();
    assert_eq!(archive.len(), 4);
    let mut txt = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("news-1.txt").unwrap(), &mut txt).unwrap();
    assert_eq!(txt, TEXT);
}

#[test]
fn label_studio_predictions_and_config() {
    let mut options = options_for(Format::LabelStudio);
    options.label_studio = LabelStudioKind::Predictions;
    let result = export(&options);
    let tasks: Value = serde_json::from_slice(&result.files[0].contents).unwrap();
    let region = &tasks[0]["predictions"][0]["result"][6];
    assert_eq!(region["value"]["text"], "𠀀河新区");
    assert_eq!(region["value"]["start"], 28);
    let config = text_of(&result.files[1]);
    assert!(config.contains("<Label value=\"DIRECTIVE\""));
    assert!(config.contains("<Text name=\"text\" value=\"$text\"/>"));
}

#[test]
fn w3c_ids_are_iris_and_stable() {
    let a = text_of(&export(&options_for(Format::W3c)).files[0]);
    let collection: Value = serde_json::from_str(&a).unwrap();
    let item = &collection["first"]["items"][6];
    assert!(item["id"].as_str().unwrap().starts_with("urn:uuid:"));
    assert_eq!(item["target"]["selector"][0]["start"], 28);
    assert_eq!(item["target"]["selector"][1]["exact"], "𠀀河新区");
    assert_eq!(item["target"]["selector"][1]["prefix"], "2024年3月5日，国务院总理李强在北京强调：要加快推进");
    assert_eq!(a, text_of(&export(&options_for(Format::W3c)).files[0]));
}

#[test]
fn the_self_check_catches_offsets_that_do_not_match() {
    let result = export(&options_for(Format::LabelStudio));
    let mut tampered = result.files.clone();
    let text = text_of(&tampered[0]).replace("\"start\": 28", "\"start\": 27");
    tampered[0].contents = text.into_bytes();
    let p = project();
    let doc = p.documents()[0].clone();
    let docs = [&*doc];
    let (records, _) = units::records(&p, &docs, Granularity::Document, Crossing::MergeUnits, &|_| true);
    let problems = check_part(Format::LabelStudio, &tampered, &records);
    assert!(
        problems.iter().map(ToString::to_string).any(|p| p.contains("27–32") && p.contains("«𠀀河新区»")),
        "{problems:?}"
    );
    assert!(check_part(Format::LabelStudio, &result.files, &records).is_empty());
}

#[test]
fn tagged_formats_default_to_the_entity_layer_and_give_it_back() {
    use biaozhu::core::export::preview::{human_size, switch_format};
    let schema = schema::default_schema();
    let spacy = ExportOptions::new(Format::Spacy);
    let conll = switch_format(&spacy, Format::Conll, &schema);
    assert_eq!(conll.labels, Some(entity_labels()));
    assert_eq!(switch_format(&conll, Format::W3c, &schema).labels, None);
    let mut chosen = conll.clone();
    chosen.labels = Some(vec!["PER".into()]);
    assert_eq!(switch_format(&chosen, Format::Spacy, &schema).labels, Some(vec!["PER".to_string()]));
    assert_eq!(human_size(2048), "2.0 KB");
}

#[test]
fn only_documents_marked_done_when_asked() {
    let mut s = Session::new(project());
    let other = Document::new(DocId::from("news-2"), "二", "李强在北京");
    s.apply(Command::AddDocument { at: 1, doc: Box::new(other) }).unwrap();
    s.apply(Command::SetStatus { doc: DocId::from("news-2"), status: DocStatus::Done }).unwrap();
    let mut options = options_for(Format::DoccanoLabels);
    assert_eq!(run_export(s.project(), &options).unwrap().records, 2);
    options.only_done = true;
    let result = run_export(s.project(), &options).unwrap();
    assert_eq!(result.records, 1);
    assert!(text_of(&result.files[0]).contains("李强在北京"));
    s.apply(Command::SetStatus { doc: DocId::from("news-2"), status: DocStatus::InProgress }).unwrap();
    assert_eq!(run_export(s.project(), &options).unwrap_err(), ExportError::Empty);
}

/// The sample with 李强 issuing both directives (one addressed to 国务院), and a cue.
fn with_relations() -> Project {
    let mut s = Session::new(project());
    let doc = DocId::from("news-1");
    let id = |s: &Session, start: usize| {
        s.project().document(&doc).unwrap().spans().iter().find(|x| x.range.start == start).unwrap().id
    };
    let (li, guowuyuan, d1, d2) = (id(&s, 15), id(&s, 10), id(&s, 23), id(&s, 36));
    for (n, (kind, from, to)) in
        [("issued_by", d1, li), ("issued_by", d2, li), ("addressed_to", d1, guowuyuan)]
            .into_iter()
            .enumerate()
    {
        let relation = Relation::new(RelationId(n as u64 + 1), kind, from, to);
        s.apply(Command::AddRelation { doc: doc.clone(), relation }).unwrap();
    }
    s.apply(Command::SetAttribute {
        doc: doc.clone(),
        span: d1,
        name: "cue".into(),
        value: Some("强调".into()),
    })
    .unwrap();
    s.apply(Command::SetAttribute {
        doc: doc.clone(),
        span: d1,
        name: "note".into(),
        value: Some("总理讲话\n第一条".into()),
    })
    .unwrap();
    s.project().clone()
}

fn export_of(project: &Project, format: Format) -> Export {
    run_export(project, &options_for(format)).unwrap()
}

#[test]
fn relations_and_attributes_go_where_each_format_can_hold_them() {
    let p = with_relations();
    // spaCy/Prodigy: head and child are the last tokens of the two spans.
    let line: Value = serde_json::from_slice(&export_of(&p, Format::Spacy).files[0].contents).unwrap();
    let rel = &line["relations"][0];
    assert_eq!(
        (rel["head"].as_u64(), rel["child"].as_u64(), rel["label"].as_str()),
        (Some(33), Some(16), Some("issued_by"))
    );
    assert_eq!(rel["head_span"]["start"], 23);
    assert_eq!(line["spans"][5]["attributes"]["cue"], "强调");
    // doccano: relations by entity id.
    let line: Value =
        serde_json::from_slice(&export_of(&p, Format::DoccanoEntities).files[0].contents).unwrap();
    assert_eq!(line["relations"].as_array().unwrap().len(), 3);
    assert_eq!(line["relations"][0]["type"], "issued_by");
    // Label Studio: relation results and per-region choices.
    let tasks: Value = serde_json::from_slice(&export_of(&p, Format::LabelStudio).files[0].contents).unwrap();
    let result = tasks[0]["annotations"][0]["result"].as_array().unwrap();
    assert!(result
        .iter()
        .any(|r| r["type"] == "relation" && r["labels"][0] == "addressed_to" && r["from_id"] == "s6"));
    assert!(result
        .iter()
        .any(|r| r["type"] == "choices" && r["from_name"] == "cue" && r["value"]["choices"][0] == "强调"));
    // brat: R, A and note lines.
    let files = export_of(&p, Format::Brat).files;
    let ann = text_of(files.iter().find(|f| f.path == "news-1.ann").unwrap());
    assert!(ann.contains("R1\tissued_by Arg1:T6 Arg2:T4\n"), "{ann}");
    assert!(ann.contains("A1\tcue T6 强调\n"), "{ann}");
    assert!(ann.contains("#1\tAnnotatorNotes T6\tnote: 总理讲话 第一条\n"), "{ann}");
    // W3C: a linking annotation from the directive's annotation to the person's.
    let collection: Value = serde_json::from_slice(&export_of(&p, Format::W3c).files[0].contents).unwrap();
    let items = collection["first"]["items"].as_array().unwrap();
    let link = items.iter().find(|i| i["motivation"] == "linking").unwrap();
    let directive =
        items.iter().find(|i| i["target"]["selector"][1]["exact"] == "要加快推进𠀀河新区建设").unwrap();
    assert_eq!(link["target"], directive["id"]);
    assert_eq!(link["body"][1]["value"], "issued_by");
    assert_eq!(directive["body"][1]["biaozhu:attribute"], "cue");
}

#[test]
fn what_a_format_cannot_hold_is_said_before_the_download() {
    let p = with_relations();
    assert!(export_of(&p, Format::Spacy).left_out.is_empty());
    let doccano = export_of(&p, Format::DoccanoLabels).left_out;
    assert_eq!(doccano.len(), 2);
    assert_eq!(
        doccano,
        [
            ExportLoss::Relations { format: Format::DoccanoLabels, count: 3 },
            ExportLoss::Attributes { format: Format::DoccanoLabels, count: 2 }
        ]
    );
    assert!(doccano[0].to_string().ends_with("cannot hold relations: 3 relation(s) are left out"));
    // Entities only: relations to directives are not exported, so nothing is said about them.
    let conll = export_of(&p, Format::Conll).left_out;
    assert!(conll.is_empty(), "{conll:?}");
    // Sentences: 李强 and the directives are in the same sentence, so all relations stay.
    let mut options = options_for(Format::Spacy);
    options.granularity = Granularity::Sentence;
    assert!(run_export(&p, &options).unwrap().left_out.is_empty());
}

/// Each format's output, tampered four ways: emptied, cut short (unparsable), one record or
/// annotation dropped, one offset moved. The self-check must fail on every one.
#[test]
fn the_self_check_fails_on_tampered_output_of_every_format() {
    let p = project();
    let docs: Vec<&Document> = p.documents().iter().map(|d| &**d).collect();
    for format in Format::ALL {
        let mut options = options_for(format);
        if format.is_tagged() {
            options.labels =
                Some(["PER", "ORG", "LOC", "DATE", "TITLE", "POLICY"].map(String::from).to_vec());
        }
        let keep = |label: &str| options.keeps_label(label);
        let (records, _) = units::records(&p, &docs, Granularity::Document, Crossing::MergeUnits, &keep);
        let result = export(&options);
        assert!(check_part(format, &result.files, &records).is_empty(), "{format:?} passes untouched");
        let data = result
            .files
            .iter()
            .position(|f| {
                let name = f.path.rsplit('/').next().unwrap();
                !name.ends_with(".conf")
                    && !name.ends_with(".xml")
                    && name != "labels.json"
                    && !name.ends_with(".txt")
            })
            .unwrap();
        let contents = text_of(&result.files[data]);
        let mut moved_offset = contents.clone();
        for (from, to) in [
            ("\"start\": 15", "\"start\": 14"),
            ("[15, 17", "[14, 17"),
            ("PER 15 17", "PER 14 17"),
            ("\"start_offset\": 15", "\"start_offset\": 14"),
            ("\"start\":15", "\"start\":14"),
        ] {
            moved_offset = moved_offset.replacen(from, to, 1);
        }
        let dropped = match format {
            // One annotation line of the .ann, one tag turned to O, or one record's line.
            Format::Brat => {
                contents.lines().filter(|l| !l.starts_with("T3\t")).collect::<Vec<_>>().join("\n")
            }
            Format::Conll => contents
                .replacen("\tB-PER", "\tO", 1)
                .replacen("\tI-PER", "\tO", 1)
                .replacen("\tE-PER", "\tO", 1),
            Format::HuggingFace => contents.lines().skip(1).collect::<Vec<_>>().join("\n"),
            Format::LabelStudio | Format::W3c => contents.replacen("\"PER\"", "\"ORG\"", 1),
            _ => contents.lines().skip(1).collect::<Vec<_>>().join("\n"),
        };
        let cut: String = contents.chars().take(contents.chars().count() / 2).collect();
        for (how, tampered) in [
            ("emptied", String::new()),
            ("cut short", cut),
            ("one dropped", dropped),
            ("an offset moved", moved_offset),
        ] {
            if tampered == contents {
                assert_eq!(how, "an offset moved", "{format:?}: the {how} tampering changed nothing");
                continue;
            }
            let mut files = result.files.clone();
            files[data].contents = tampered.into_bytes();
            let problems = check_part(format, &files, &records);
            assert!(!problems.is_empty(), "{format:?} {how}: the self-check passed");
        }
    }
}

#[test]
fn conll_overlaps_are_found_in_one_sweep_and_named() {
    use biaozhu::core::export::conll::overlaps;
    use biaozhu::core::export::units::{Record, RecordSpan};
    let span = |id: u64, start: usize, end: usize, label: &str| RecordSpan {
        id: SpanId(id),
        start,
        end,
        label: label.into(),
        layer: "entity".into(),
        text: "字".repeat(end - start),
        attributes: Default::default(),
    };
    let mut spans =
        vec![span(1, 0, 10, "ORG"), span(2, 5, 15, "PER"), span(3, 20, 25, "LOC"), span(4, 22, 23, "DATE")];
    // Many spans that do not overlap cost nothing extra, and are not named.
    spans.extend((0..20_000).map(|i| span(100 + i, 30 + 2 * i as usize, 31 + 2 * i as usize, "PER")));
    let record = Record {
        id: "d".into(),
        doc_id: DocId::from("d"),
        doc_name: "d".into(),
        offset: 0,
        text: "字".repeat(40_100),
        spans,
        relations: Vec::new(),
        suggestions: Vec::new(),
    };
    let problems = overlaps(&record);
    assert_eq!(problems.len(), 2, "{problems:?}");
    let named: Vec<(&str, u64, &str, u64)> = problems
        .iter()
        .map(|p| match p {
            ExportProblem::Overlap { first, second, .. } => {
                (first.label.as_str(), first.id, second.label.as_str(), second.id)
            }
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(named, [("ORG", 1, "PER", 2), ("LOC", 3, "DATE", 4)]);
    assert!(problems[0].to_string().contains("ORG span 1"), "{}", problems[0]);
}

#[test]
fn display_names_cannot_break_brats_visual_conf() {
    let mut p = project();
    std::rc::Rc::make_mut(&mut p.schema).layers[1].labels[0].zh = "人名|姓名\n第二行".into();
    let export = run_export(&p, &ExportOptions::new(Format::Brat)).unwrap();
    let visual = export.files.iter().find(|f| f.path.ends_with("visual.conf")).unwrap();
    let text = String::from_utf8(visual.contents.clone()).unwrap();
    let line = text.lines().find(|l| l.contains("人名")).unwrap();
    assert_eq!(line.matches(" | ").count(), 2, "{line}");
    assert!(line.contains("人名 姓名 第二行"), "{line}");
}

/// The spaCy writer writes its token objects by hand (they are the bulk of a corpus export):
/// every line is exactly what serde_json writes for the same value, whatever the characters.
#[test]
fn spacy_lines_are_what_serde_json_writes_for_any_characters() {
    let text = "引号\"与\\反斜杠\u{1}\t𠀀😀 a  b\r\n\u{7f}\u{2028}终";
    let mut s = Session::new(Project::new(schema::default_schema()));
    let id = DocId::from("odd");
    s.apply(Command::AddDocument { at: 0, doc: Box::new(Document::new(id.clone(), "odd \"名\"", text)) })
        .unwrap();
    s.add_span(&id, CharRange::new(10, 12), "PER").unwrap();
    let export = run_export(s.project(), &ExportOptions::new(Format::Spacy)).unwrap();
    let written = text_of(&export.files[0]);
    let line = written.strip_suffix('\n').unwrap();
    let value: Value = serde_json::from_str(line).unwrap();
    assert_eq!(line, serde_json::to_string(&value).unwrap());
    let tokens = value["tokens"].as_array().unwrap();
    let expected = spacy_zh_char_tokens(text);
    assert_eq!(tokens.len(), expected.len());
    for (n, (got, want)) in tokens.iter().zip(&expected).enumerate() {
        assert_eq!(got["text"], want.text, "token {n}");
        assert_eq!(
            (got["start"].as_u64(), got["end"].as_u64()),
            (Some(want.start as u64), Some(want.end as u64))
        );
        assert_eq!((got["id"].as_u64(), got["ws"].as_bool()), (Some(n as u64), Some(want.ws)));
    }
    assert_eq!(value["spans"][0]["text"], "𠀀😀");
}

/// The W3C collection is written in place, a piece at a time: with annotations and without,
/// it is exactly the pretty-printed JSON it parses to.
#[test]
fn w3c_collections_print_as_pretty_json_with_and_without_annotations() {
    let mut bare = Session::new(Project::new(schema::default_schema()));
    bare.apply(Command::AddDocument {
        at: 0,
        doc: Box::new(Document::new(DocId::from("bare"), "无标注", "没有𠀀标注😀")),
    })
    .unwrap();
    for (name, project) in [("with annotations", with_relations()), ("without", bare.project().clone())] {
        let written = text_of(&export_of(&project, Format::W3c).files[0]);
        let value: Value = serde_json::from_str(&written).unwrap();
        assert_eq!(written, serde_json::to_string_pretty(&value).unwrap(), "{name}");
        assert_eq!(value["first"]["items"].as_array().unwrap().is_empty(), name == "without");
        assert!(!value["biaozhu:sources"].as_array().unwrap().is_empty(), "{name}");
    }
}
