//! Several annotators: names recorded on edits, merging their files, agreement figures pinned
//! against hand-computed values and Krippendorff's published example.
use biaozhu::core::agreement::unitizing::{self, Unit};
use biaozhu::core::agreement::{agreement, to_csv, AgreementRow, ALL, EVERYONE};
use biaozhu::core::command::Annotated;
use biaozhu::core::merge::{plan_merge, MergeError, MergeSource};
use biaozhu::core::project_json::{export_project, import_project};
use biaozhu::core::*;

/// 𠀀 and 😀 sit among the characters, so code points, UTF-16 units and bytes all differ.
///  0 𠀀, 1 张, 2 三, 3 在, 4 北, 5 京, 6 😀, 7 工, 8 作, 9 李, 10 四
const TEXT: &str = "𠀀张三在北京😀工作李四";

fn doc() -> DocId {
    DocId::from("d1")
}

/// A project of `TEXT` annotated by `name` with `spans` (start, end, label).
fn annotated(name: &str, spans: &[(usize, usize, &str)]) -> Project {
    let mut s = Session::new(Project::new(schema::default_schema()));
    s.set_annotator(Some(name.into()));
    s.apply(Command::AddDocument { at: 0, doc: Box::new(Document::new(doc(), "d1", TEXT)) }).unwrap();
    for &(start, end, label) in spans {
        s.add_span(&doc(), CharRange::new(start, end), label).unwrap();
    }
    s.apply(Command::SetStatus { doc: doc(), status: DocStatus::Done }).unwrap();
    s.project().clone()
}

fn source(file_name: &str, project: Project) -> MergeSource {
    // Through the project file, as the browser reads it.
    MergeSource { file_name: file_name.into(), project: import_project(&export_project(&project)).unwrap() }
}

fn alice() -> Project {
    annotated("alice", &[(1, 3, "PER"), (4, 6, "LOC"), (9, 11, "PER")])
}

fn bob() -> Project {
    annotated("bob", &[(1, 3, "PER"), (4, 7, "LOC"), (9, 11, "ORG")])
}

fn merged(sources: Vec<MergeSource>) -> Session {
    let mut s = Session::new(Project::new(schema::default_schema()));
    let (command, _) = plan_merge(s.project(), &sources).unwrap();
    s.apply(command).unwrap();
    s
}

fn row<'a>(rows: &'a [AgreementRow], a: &str, b: &str, label: &str) -> &'a AgreementRow {
    rows.iter()
        .find(|r| r.a == a && r.b == b && r.label == label)
        .unwrap_or_else(|| panic!("no row {a} {b} {label}"))
}

fn close(value: Option<f64>, expected: f64) {
    let value = value.expect("a figure");
    assert!((value - expected).abs() < 1e-4, "{value} is not {expected}");
}

#[test]
fn edits_record_the_name_and_undo_restores_it() {
    let mut s = Session::new(Project::new(schema::default_schema()));
    s.apply(Command::AddDocument { at: 0, doc: Box::new(Document::new(doc(), "d1", TEXT)) }).unwrap();
    let unnamed = s.add_span(&doc(), CharRange::new(1, 3), "PER").unwrap();
    assert_eq!(s.project().document(&doc()).unwrap().span(unnamed).unwrap().annotator, None);
    s.set_annotator(Some("alice".into()));
    let span = s.add_span(&doc(), CharRange::new(4, 6), "LOC").unwrap();
    let by = |s: &Session, id| s.project().document(&doc()).unwrap().span(id).unwrap().annotator.clone();
    assert_eq!(by(&s, span).as_deref(), Some("alice"));
    // A change to a span made before names were kept records the name, in the same undo step.
    s.apply(Command::Relabel { doc: doc(), span: unnamed, label: "ORG".into() }).unwrap();
    assert_eq!(by(&s, unnamed).as_deref(), Some("alice"));
    s.undo();
    assert_eq!(by(&s, unnamed), None);
    assert_eq!(&*s.project().document(&doc()).unwrap().span(unnamed).unwrap().label, "PER");
    // The name survives the project file.
    let back = import_project(&export_project(s.project())).unwrap();
    assert_eq!(back.document(&doc()).unwrap().span(span).unwrap().annotator.as_deref(), Some("alice"));
}

#[test]
fn spans_of_different_annotators_never_conflict_but_unnamed_ones_do() {
    let mut s = Session::new(Project::new(schema::default_schema()));
    s.apply(Command::AddDocument { at: 0, doc: Box::new(Document::new(doc(), "d1", TEXT)) }).unwrap();
    s.set_annotator(Some("alice".into()));
    s.add_span(&doc(), CharRange::new(1, 3), "PER").unwrap();
    assert!(matches!(s.add_span(&doc(), CharRange::new(2, 4), "LOC"), Err(EditError::Overlap(_))));
    s.set_annotator(Some("bob".into()));
    let bobs = s.add_span(&doc(), CharRange::new(2, 4), "LOC").unwrap();
    // Handing bob's span to alice is refused: it overlaps hers.
    let hand_over =
        Command::SetAnnotator { doc: doc(), target: Annotated::Span(bobs), annotator: Some("alice".into()) };
    assert!(matches!(s.apply(hand_over), Err(EditError::Overlap(_))));
    s.set_annotator(None);
    assert!(matches!(s.add_span(&doc(), CharRange::new(2, 3), "DATE"), Err(EditError::Overlap(_))));
}

#[test]
fn merging_two_annotators_keeps_both_side_by_side_in_one_undo_step() {
    let mut s = Session::new(Project::new(schema::default_schema()));
    let sources = vec![source("alice.json", alice()), source("bob.json", bob())];
    let (command, report) = plan_merge(s.project(), &sources).unwrap();
    assert_eq!(report.annotators(), vec!["alice", "bob"]);
    assert_eq!((report.files[0].new_documents, report.files[1].matched_documents), (1, 1));
    assert_eq!((report.files[0].spans, report.files[1].spans), (3, 3));
    s.apply(command).unwrap();
    let d = s.project().document(&doc()).unwrap();
    assert_eq!(d.spans().len(), 6);
    assert_eq!(d.annotated_by, vec!["alice", "bob"]);
    let bobs: Vec<_> =
        d.spans().iter().filter(|s| s.annotator.as_deref() == Some("bob")).map(|s| &*s.label).collect();
    assert_eq!(bobs, vec!["PER", "LOC", "ORG"]);
    // Merging the same files again adds nothing.
    let (_, again) = plan_merge(s.project(), &sources).unwrap();
    assert_eq!((again.files[0].spans, again.files[0].already_there), (0, 3));
    // One undo step takes the whole merge back.
    s.undo();
    assert!(s.project().documents().is_empty());
}

#[test]
fn a_merge_with_other_text_or_unknown_labels_is_refused_by_name() {
    let mut s = Session::new(Project::new(schema::default_schema()));
    s.apply(Command::AddDocument {
        at: 0,
        doc: Box::new(Document::new(doc(), "d1", "𠀀张三在北京😀工作王五")),
    })
    .unwrap();
    let before = export_project(s.project());
    match plan_merge(s.project(), &[source("alice.json", alice())]) {
        Err(error @ MergeError::TextDiffers { .. }) => {
            let message = error.to_string();
            assert!(message.contains("alice.json") && message.contains("\"d1\""), "{message}");
            // 𠀀 (4 bytes) + 张三在北京 (15) + 😀 (4) + 工作 (6) agree.
            assert!(message.contains("byte 29"), "{message}");
        }
        other => panic!("expected a text mismatch, got {other:?}"),
    }
    let mut other_schema = schema::default_schema();
    other_schema.layers[1].labels[0].name = "PERSON".into();
    let mut foreign = Project::new(other_schema);
    let mut d = Document::new(DocId::from("d2"), "d2", "王五");
    d.annotator = "carol".into();
    Command::AddDocument { at: 0, doc: Box::new(d) }.apply(&mut foreign).unwrap();
    Command::AddSpan { doc: DocId::from("d2"), span: Span::new(SpanId(1), CharRange::new(0, 2), "PERSON") }
        .apply(&mut foreign)
        .unwrap();
    let error = plan_merge(s.project(), &[MergeSource { file_name: "carol.json".into(), project: foreign }])
        .unwrap_err();
    assert!(error.to_string().contains("carol.json: label PERSON"), "{error}");
    assert_eq!(export_project(s.project()), before);
}

#[test]
fn unnamed_spans_take_the_documents_annotator_or_the_file_name() {
    let mut p = Project::new(schema::default_schema());
    Command::AddDocument { at: 0, doc: Box::new(Document::new(doc(), "d1", TEXT)) }.apply(&mut p).unwrap();
    Command::AddSpan { doc: doc(), span: Span::new(SpanId(1), CharRange::new(1, 3), "PER") }
        .apply(&mut p)
        .unwrap();
    let s = merged(vec![MergeSource { file_name: "dave.json".into(), project: p.clone() }]);
    let d = s.project().document(&doc()).unwrap();
    assert_eq!(d.spans()[0].annotator.as_deref(), Some("dave"));
    Command::SetDocField { doc: doc(), field: DocField::Annotator, value: "erin".into() }
        .apply(&mut p)
        .unwrap();
    let s = merged(vec![MergeSource { file_name: "dave.json".into(), project: p }]);
    assert_eq!(s.project().document(&doc()).unwrap().spans()[0].annotator.as_deref(), Some("erin"));
}

/// The figures of the README's worked example, computed by hand there:
/// alice: PER 张三 1–3, LOC 北京 4–6, PER 李四 9–11; bob: PER 张三 1–3, LOC 北京😀 4–7, ORG 李四 9–11.
#[test]
fn agreement_of_the_worked_example() {
    let s = merged(vec![source("alice.json", alice()), source("bob.json", bob())]);
    let table = agreement(s.project());
    assert_eq!(table.annotators, vec!["alice", "bob"]);
    let all = row(&table.rows, "alice", "bob", ALL);
    assert_eq!((all.documents, all.spans_a, all.spans_b), (1, 3, 3));
    close(all.f1_exact, 2.0 / 6.0);
    close(all.f1_overlap, 2.0 / 3.0);
    // 22 (character, layer) pairs, 19 agree; p_e = 247/484, so κ = 171/237.
    close(all.kappa, 171.0 / 237.0);
    let per = row(&table.rows, "alice", "bob", "PER");
    close(per.f1_exact, 2.0 / 3.0);
    close(per.f1_overlap, 2.0 / 3.0);
    // 11 characters, 9 agree; p_e = 67/121: κ = 32/54.
    close(per.kappa, 32.0 / 54.0);
    // D_o = 8/242, D_e = 312/5016.
    close(per.alpha_u, 1.0 - (8.0 / 242.0) / (312.0 / 5016.0));
    let loc = row(&table.rows, "alice", "bob", "LOC");
    close(loc.f1_exact, 0.0);
    close(loc.f1_overlap, 1.0);
    let org = row(&table.rows, "alice", "bob", "ORG");
    close(org.f1_exact, 0.0);
    close(org.f1_overlap, 0.0);
    // Labels nobody used have no row.
    assert!(table.rows.iter().all(|r| r.label != "DATE"));
    let csv = to_csv(&table);
    assert!(csv.starts_with("annotator_a,annotator_b,label,"));
    assert!(csv.contains("alice,bob,ALL,1,3,3,0.3333,0.6667,0.7215,"), "{csv}");
}

#[test]
fn an_annotator_who_found_nothing_in_a_document_still_counts() {
    let empty = annotated("bob", &[]);
    let s = merged(vec![source("alice.json", alice()), source("bob.json", empty)]);
    let table = agreement(s.project());
    let all = row(&table.rows, "alice", "bob", ALL);
    assert_eq!((all.documents, all.spans_a, all.spans_b), (1, 3, 0));
    close(all.f1_exact, 0.0);
}

#[test]
fn relations_and_attributes_are_compared_on_matching_spans() {
    let with = |name: &str, cue: &str, relate: bool| {
        let mut s = Session::new(Project::new(schema::default_schema()));
        s.set_annotator(Some(name.into()));
        s.apply(Command::AddDocument { at: 0, doc: Box::new(Document::new(doc(), "d1", TEXT)) }).unwrap();
        let per = s.add_span(&doc(), CharRange::new(1, 3), "PER").unwrap();
        let directive = s.add_span(&doc(), CharRange::new(3, 9), "DIRECTIVE").unwrap();
        s.apply(Command::SetAttribute {
            doc: doc(),
            span: directive,
            name: "cue".into(),
            value: Some(cue.into()),
        })
        .unwrap();
        if relate {
            let relation = Relation::new(RelationId(1), "issued_by", directive, per);
            s.apply(Command::AddRelation { doc: doc(), relation }).unwrap();
        }
        s.project().clone()
    };
    let s = merged(vec![
        source("a.json", with("a", "强调", true)),
        source("b.json", with("b", "要求", true)),
        source("c.json", with("c", "强调", false)),
    ]);
    let table = agreement(s.project());
    close(row(&table.rows, "a", "b", ALL).relations_f1, 1.0);
    close(row(&table.rows, "a", "c", ALL).relations_f1, 0.0);
    close(row(&table.rows, "a", "b", "DIRECTIVE").attributes, 0.0);
    close(row(&table.rows, "a", "c", "DIRECTIVE").attributes, 1.0);
    // Over all three: the mean of the pairs (1 + 0 + 0) / 3, and αu over three raters.
    let everyone = row(&table.rows, EVERYONE, EVERYONE, ALL);
    close(everyone.relations_f1, 1.0 / 3.0);
    close(everyone.alpha_u, 1.0);
    close(everyone.f1_exact, 1.0);
}

fn units(list: &[(u64, u64)], from: u64) -> Vec<Unit> {
    unitizing::tidy(list.iter().map(|&(begin, length)| Unit { begin: begin - from, length }).collect())
}

/// Krippendorff (2004), Content Analysis, p. 254: two observers over positions 150–450,
/// categories c and k. Published: D_o(c) = .0144, D_e(c) = .0532, αu(c) = .7286; αu(k) = 1;
/// αu over both = .8591 (the figures DKPro Agreement's tests also pin).
#[test]
fn unitizing_alpha_matches_krippendorffs_example() {
    let c = [units(&[(225, 70), (370, 30)], 150), units(&[(220, 80), (355, 20), (400, 20)], 150)];
    let k = [units(&[(180, 60), (300, 50)], 150), units(&[(180, 60), (300, 50)], 150)];
    let (observed_c, expected_c) = unitizing::disagreements(&c, 300).unwrap();
    let (observed_k, expected_k) = unitizing::disagreements(&k, 300).unwrap();
    assert!((observed_c - 0.0144).abs() < 1e-4, "{observed_c}");
    assert!((expected_c - 0.0532).abs() < 1e-4, "{expected_c}");
    assert!((unitizing::alpha(observed_c, expected_c).unwrap() - 0.7286).abs() < 1e-4);
    assert_eq!(observed_k, 0.0);
    assert!((expected_k - 0.0490).abs() < 1e-4, "{expected_k}");
    let both = 1.0 - (observed_c + observed_k) / (expected_c + expected_k);
    assert!((both - 0.8591).abs() < 5e-4, "{both}");
    // One long unit against three short ones inside it: worse than chance.
    let split = [units(&[(1, 8)], 0), units(&[(2, 1), (4, 1), (6, 1)], 0)];
    let (o, e) = unitizing::disagreements(&split, 10).unwrap();
    assert!((o - 0.91).abs() < 1e-4 && (e - 0.5351).abs() < 1e-4, "{o} {e}");
    assert!((unitizing::alpha(o, e).unwrap() + 0.7003).abs() < 1e-4);
}

#[test]
fn section_distances_follow_the_definition() {
    use unitizing::distance;
    let table = [
        ((225, 70, true), (220, 80, true), 50.0),
        ((370, 30, true), (355, 20, true), 850.0),
        ((400, 20, true), (400, 50, false), 400.0),
        ((1, 8, true), (2, 1, true), 37.0),
        ((1, 8, true), (0, 2, false), 0.0),
        ((5, 6, true), (5, 6, true), 0.0),
        ((5, 6, true), (4, 2, true), 26.0),
    ];
    for (first, second, expected) in table {
        assert_eq!(distance(first, second), expected, "{first:?} {second:?}");
        assert_eq!(distance(second, first), expected, "{second:?} {first:?}");
    }
}

#[test]
fn csv_cells_are_quoted_and_never_formulas() {
    let a = annotated("=cmd|' /C calc'!A0", &[(1, 3, "PER")]);
    let s = merged(vec![source("a.json", a), source("b,\"q\".json", annotated("b,\"q\"", &[(1, 3, "PER")]))]);
    let csv = to_csv(&agreement(s.project()));
    assert!(csv.contains("'=cmd|' /C calc'!A0"), "{csv}");
    assert!(csv.contains("\"b,\"\"q\"\"\""), "{csv}");
}

mod adjudicating {
    use super::*;
    use biaozhu::core::adjudication::{accept_agreed, decide, open_disagreements, Choice};
    use biaozhu::core::editor::{EditorAction, EditorState};
    use biaozhu::core::merge::GOLD;

    fn gold_spans(p: &Project) -> Vec<(usize, usize, String)> {
        p.document(&doc())
            .unwrap()
            .spans()
            .iter()
            .filter(|s| s.annotator.as_deref() == Some(GOLD))
            .map(|s| (s.range.start, s.range.end, s.label.to_string()))
            .collect()
    }

    #[test]
    fn disagreements_are_decided_one_by_one_into_the_gold_layer() {
        let mut s = merged(vec![source("alice.json", alice()), source("bob.json", bob())]);
        let open = open_disagreements(s.project());
        // 张三 agrees; 北京 / 北京😀 and 李四 PER / ORG do not.
        assert_eq!(
            open.iter().map(|d| (d.range.start, d.range.end)).collect::<Vec<_>>(),
            vec![(4, 7), (9, 11)]
        );
        assert_eq!(
            open[0].versions.iter().map(|v| v.annotator.as_str()).collect::<Vec<_>>(),
            vec!["alice", "bob"]
        );
        // Both LOC versions overlap in a layer that forbids it.
        assert!(decide(s.project(), &open[0], Choice::All).is_err());
        s.apply(decide(s.project(), &open[0], Choice::One(1)).unwrap()).unwrap();
        // The agreed 张三 came along.
        assert_eq!(gold_spans(s.project()), vec![(1, 3, "PER".into()), (4, 7, "LOC".into())]);
        let open = open_disagreements(s.project());
        assert_eq!(open.len(), 1);
        s.apply(decide(s.project(), &open[0], Choice::One(0)).unwrap()).unwrap();
        assert!(open_disagreements(s.project()).is_empty());
        assert!(s.project().document(&doc()).unwrap().annotated_by.iter().any(|n| n == GOLD));
        // The gold layer alone is what an export filtered by annotator writes.
        let gold = s.project().only_by(GOLD);
        assert_eq!(gold.span_count(), 3);
        // Each annotator against gold: alice took 2 of 3 exactly, bob 2 of 3.
        let table = agreement(s.project());
        close(row(&table.rows, "alice", GOLD, ALL).f1_exact, 2.0 / 3.0);
        close(row(&table.rows, "bob", GOLD, ALL).f1_exact, 2.0 / 3.0);
        // One undo step per decision.
        s.undo();
        assert_eq!(open_disagreements(s.project()).len(), 1);
    }

    #[test]
    fn a_decision_for_nothing_is_remembered_through_the_project_file() {
        let nothing = annotated("bob", &[(1, 3, "PER")]);
        let mut s = merged(vec![source("alice.json", alice()), source("bob.json", nothing)]);
        let open = open_disagreements(s.project());
        // 北京 and 李四: alice's alone.
        assert_eq!(open.len(), 2);
        assert!(open[0].versions[1].spans.is_empty());
        s.apply(decide(s.project(), &open[0], Choice::One(1)).unwrap()).unwrap();
        let back = import_project(&export_project(s.project())).unwrap();
        let left = open_disagreements(&back);
        assert_eq!(left.len(), 1);
        assert_eq!((left[0].range.start, left[0].range.end), (9, 11));
        assert!(!back.document(&doc()).unwrap().annotated_by.iter().any(|n| n == GOLD));
        s.apply(decide(s.project(), &left[0], Choice::One(1)).unwrap()).unwrap();
        assert!(open_disagreements(s.project()).is_empty());
        // Only the agreed 张三 is gold; the document is adjudicated.
        assert_eq!(gold_spans(s.project()), vec![(1, 3, "PER".into())]);
        assert!(s.project().document(&doc()).unwrap().annotated_by.iter().any(|n| n == GOLD));
    }

    #[test]
    fn documents_where_all_agree_are_taken_in_one_step_with_their_relations() {
        let with = |name: &str| {
            let mut s = Session::new(Project::new(schema::default_schema()));
            s.set_annotator(Some(name.into()));
            s.apply(Command::AddDocument { at: 0, doc: Box::new(Document::new(doc(), "d1", TEXT)) }).unwrap();
            let per = s.add_span(&doc(), CharRange::new(1, 3), "PER").unwrap();
            let directive = s.add_span(&doc(), CharRange::new(3, 9), "DIRECTIVE").unwrap();
            let relation = Relation::new(RelationId(1), "issued_by", directive, per);
            s.apply(Command::AddRelation { doc: doc(), relation }).unwrap();
            s.project().clone()
        };
        let mut s = merged(vec![source("a.json", with("a")), source("b.json", with("b"))]);
        assert!(open_disagreements(s.project()).is_empty());
        let (command, taken) = accept_agreed(s.project()).unwrap();
        assert_eq!(taken, 1);
        s.apply(command).unwrap();
        let d = s.project().document(&doc()).unwrap();
        assert_eq!(gold_spans(s.project()).len(), 2);
        // Two annotators' identical relations make one gold relation.
        assert_eq!(d.relations().iter().filter(|r| r.annotator.as_deref() == Some(GOLD)).count(), 1);
        assert_eq!(accept_agreed(s.project()).unwrap().1, 0);
        s.undo();
        assert!(gold_spans(s.project()).is_empty());
    }

    #[test]
    fn the_editor_walks_by_keys_and_edits_go_to_gold_while_adjudicating() {
        let s = merged(vec![source("alice.json", alice()), source("bob.json", bob())]);
        let mut state = EditorState::new(s.project().clone(), None);
        state.apply(EditorAction::SetAnnotator(Some("carol".into())));
        state.apply(EditorAction::Adjudicate(true));
        assert_eq!(state.view.as_deref(), Some(GOLD));
        assert_eq!(state.adjudication.as_ref().unwrap().open.len(), 2);
        state.apply(EditorAction::StepDisagreement { forward: true });
        assert_eq!(state.adjudication.as_ref().unwrap().at, 1);
        // Edit by hand: the place is selected, and a label key puts it in gold.
        state.apply(EditorAction::EditDisagreement);
        assert_eq!(state.pending, Some(CharRange::new(9, 11)));
        state.apply(EditorAction::KeyPressed('o'));
        assert!(gold_spans(state.project()).contains(&(9, 11, "ORG".into())));
        state.apply(EditorAction::StepDisagreement { forward: false });
        state.apply(EditorAction::Decide(Choice::One(0)));
        assert!(state.adjudication.as_ref().unwrap().open.is_empty());
        // Stopping gives the name back: new spans are carol's again.
        state.apply(EditorAction::Adjudicate(false));
        assert_eq!(state.session.annotator(), Some("carol"));
        assert_eq!(state.view, None);
        // "gold" is no one's name.
        state.apply(EditorAction::SetAnnotator(Some("Gold".into())));
        assert_eq!(state.session.annotator(), Some("carol"));
        assert!(state.notice.is_some());
    }
}

/// The command-line exporter takes one annotator's spans alone, as the dialog does.
#[test]
fn the_command_line_exports_one_annotators_spans() {
    let s = merged(vec![source("alice.json", alice()), source("bob.json", bob())]);
    let dir = std::env::temp_dir().join(format!("biaozhu-team-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let project = dir.join("merged.json");
    std::fs::write(&project, export_project(s.project())).unwrap();
    let out = dir.join("out");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_biaozhu-export"))
        .args([project.to_str().unwrap(), out.to_str().unwrap(), "--format", "doccano", "--annotator", "bob"])
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let file = std::fs::read_dir(&out).unwrap().next().unwrap().unwrap().path();
    let line: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(file).unwrap().trim()).unwrap();
    let labels: Vec<(u64, u64, String)> = line["label"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l[0].as_u64().unwrap(), l[1].as_u64().unwrap(), l[2].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(labels, vec![(1, 3, "PER".into()), (4, 7, "LOC".into()), (9, 11, "ORG".into())]);
    std::fs::remove_dir_all(&dir).unwrap();
}
