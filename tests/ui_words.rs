//! The interface's words: every phrase exists in both languages, each language holds only its
//! own script (names of formats, keys and labels aside), and every outcome of the core reads
//! in Chinese without English sentences in it.

use biaozhu::core::adjudication::AdjudicationError;
use biaozhu::core::editor::said::Said;
use biaozhu::core::error::Overlap;
use biaozhu::core::merge::{MergeError, NameProblem};
use biaozhu::core::project_json::ImportError;
use biaozhu::core::schema_edit::SchemaImpact;
use biaozhu::core::text_input::TextInputError;
use biaozhu::core::{CharRange, DocId, EditError, SpanId};
use biaozhu::ui::words::chrome::GROUPS;
use biaozhu::ui::words::outcomes::said;
use biaozhu::ui::words::Lang;

mod common;
use common::words::{english_words, has_cjk};

#[test]
fn every_phrase_is_in_both_languages_and_each_in_its_own_script() {
    let mut count = 0;
    for phrase in GROUPS.iter().flat_map(|g| g.iter()) {
        count += 1;
        assert!(!phrase.zh.trim().is_empty() && !phrase.en.trim().is_empty(), "{phrase:?}");
        assert!(!has_cjk(phrase.en) || phrase.en.contains("。！？"), "Chinese in English: {phrase:?}");
        assert!(
            english_words(phrase.zh).is_empty(),
            "English in Chinese: {phrase:?} {:?}",
            english_words(phrase.zh)
        );
    }
    assert!(count > 200, "{count} phrases");
}

/// One of each kind of outcome, with 𠀀 and emoji in the quoted text.
fn outcomes() -> Vec<Said> {
    let doc = DocId("d1".into());
    let overlap = Overlap {
        doc: doc.clone(),
        label: "PER".into(),
        range: CharRange { start: 2, end: 5 },
        other: SpanId(3),
        other_label: "PER".into(),
        other_range: CharRange { start: 3, end: 6 },
        other_text: "𠀀😀立".into(),
    };
    vec![
        Said::Edit(EditError::Overlap(Box::new(overlap))),
        Said::Edit(EditError::ReadOnly),
        Said::Edit(EditError::StillLoading { pending: 3 }),
        Said::Edit(EditError::BadAttributeValue {
            name: "cue".into(),
            value: "x".into(),
            allowed: vec!["强调".into()],
        }),
        Said::NoRelationType { from: "PER".into(), to: "DIRECTIVE".into(), options: vec![] },
        Said::RelationTypeRepeated { kind: "issued_by".into(), from: "DIRECTIVE".into(), to: "PER".into() },
        Said::ChooseRelationType,
        Said::ClickRelationTarget,
        Said::DatasetImported {
            source: "a.jsonl".into(),
            format: "doccano JSONL",
            docs: 2,
            spans: 3,
            relations: 0,
            moved: 1,
            left_out: 1,
        },
        Said::ProjectNotImported {
            source: "p.json".into(),
            error: ImportError::DuplicateDocument { id: "d1".into() },
        },
        Said::FileNotOpened { file: "a.txt".into(), error: TextInputError::NotUtf8 { offset: 4 } },
        Said::RecordTaken { cue: Some(("cue".into(), "强调".into())), issuer: Some("徐立毅".into()) },
        Said::NoRecordToCopy,
        Said::AdjudicationStarted { open: 3 },
        Said::Adjudication(AdjudicationError::OverlapForbidden { layer: "entity".into() }),
        Said::HistoryCleared { cause: EditError::ReadOnly },
        Said::SchemaChanged(SchemaImpact { renamed_spans: 1, removed_relations: 2, ..Default::default() }),
        Said::BadName(NameProblem::Reserved),
        Said::Merge(MergeError::NothingToMerge),
        Said::Merge(MergeError::NotUtf8 { file: "a.json".into(), at_byte: 7 }),
        Said::Merge(MergeError::NotAProject {
            file: "a.json".into(),
            cause: Box::new(ImportError::DuplicateDocument { id: "d1".into() }),
        }),
        Said::Merge(MergeError::DoesNotFit {
            file: "a.json".into(),
            doc: "d1".into(),
            cause: Box::new(EditError::ReadOnly),
        }),
        Said::NoOtherToDo,
        Said::PreAnnotated { suggestions: 4, documents: 1, already: 1, skipped: 2, stopped_at: Some(100) },
        Said::ModelSuggested { added: 3, replaced: 1, skipped_docs: 1 },
        Said::SuggestionsLeft { left: 2 },
        Said::SuggestionRefused(EditError::ReadOnly),
        Said::AcceptedAlike { accepted: 2, text: "郑州".into(), label: "LOC".into(), left: 1 },
        Said::SelectSpanFirst,
        Said::LabelledAll {
            added: 2,
            text: "航空港区".into(),
            label: "LOC".into(),
            documents: Some(2),
            already: 1,
            skipped: 1,
        },
    ]
}

#[test]
fn every_outcome_reads_in_each_language() {
    for outcome in outcomes() {
        let zh = said(Lang::Zh, &outcome);
        let en = said(Lang::En, &outcome);
        assert!(has_cjk(&zh), "{outcome:?}: {zh}");
        assert!(english_words(&zh).is_empty(), "{outcome:?}: English in «{zh}»: {:?}", english_words(&zh));
        assert!(!en.is_empty() && zh != en, "{outcome:?}");
    }
    // The English is what the command-line tools and earlier versions said.
    let labelled = said(Lang::En, outcomes().last().unwrap());
    assert_eq!(
        labelled,
        "labelled 2 more «航空港区» as LOC in 2 document(s); 1 already were; 1 skipped: another span of the layer is there"
    );
}

#[test]
fn schema_problems_read_in_each_language() {
    use biaozhu::core::schema::{NameIssue, Named, SchemaProblem};
    use biaozhu::ui::words::errors::schema_problems;
    let problems = vec![
        SchemaProblem::EmptyName { what: Named::Label, layer: Some("entity".into()) },
        SchemaProblem::EmptyName { what: Named::Attribute, layer: None },
        SchemaProblem::DefinedTwice { what: Named::RelationType, name: "issued_by".into() },
        SchemaProblem::BadName { what: Named::Label, name: "P|ER".into(), issue: NameIssue::Syntax('|') },
        SchemaProblem::BadValue { attribute: "cue".into(), value: String::new(), issue: NameIssue::Empty },
        SchemaProblem::BadColour { label: "PER".into(), colour: "#12345g".into() },
        SchemaProblem::NoHotkey { label: "PER".into() },
        SchemaProblem::ReservedHotkey { label: "PER".into(), key: 'r' },
        SchemaProblem::SharedHotkey { first: "PER".into(), second: "ORG".into(), key: 'p' },
        SchemaProblem::RelationEnds { relation: "issued_by".into() },
        SchemaProblem::UnknownLabel { what: Named::Attribute, name: "cue".into(), label: "X".into() },
    ];
    for problem in &problems {
        let zh = schema_problems(Lang::Zh, std::slice::from_ref(problem));
        assert!(has_cjk(&zh) && english_words(&zh).is_empty(), "{problem:?}: {zh}");
    }
    assert_eq!(
        schema_problems(Lang::En, &problems[..2]),
        "layer \"entity\" has a label with an empty name; an attribute has an empty name"
    );
}

#[test]
fn the_browser_language_chooses_the_first_language() {
    for (tag, lang) in [
        ("zh-CN", Lang::Zh),
        ("zh-TW", Lang::Zh),
        ("ZH", Lang::Zh),
        ("en-US", Lang::En),
        ("de", Lang::En),
        ("", Lang::En),
    ] {
        assert_eq!(Lang::for_browser(tag), lang, "{tag}");
    }
    for lang in Lang::ALL {
        assert_eq!(Lang::from_key(lang.key()), Some(lang));
    }
}

#[test]
fn import_review_problems_and_notes_read_in_each_language() {
    use biaozhu::core::import::{ImportProblem, LeftOut, OffsetUnit, StatedSpan, UnitNote};
    use biaozhu::ui::words::import_review::{import_problem, unit_note};
    let span = || StatedSpan { label: "PER".into(), start: 3, end: 5 };
    let refused = || EditError::UnknownLabel { label: "TITLE".into() };
    let range = CharRange::new(2, 4);
    let left_out = vec![
        LeftOut::TextNotFound { span: span(), expected: "王五".into(), found: Some("李强".into()) },
        LeftOut::TextNotFound { span: span(), expected: "王五".into(), found: None },
        LeftOut::Empty { span: span() },
        LeftOut::PastTheEnd { span: span(), unit: OffsetUnit::Grapheme, len: 4 },
        LeftOut::NotOnCharacters { span: span(), unit: OffsetUnit::Utf16 },
        LeftOut::Refused { label: "TITLE".into(), range, text: "𠀀总理".into(), cause: refused() },
        LeftOut::Attribute {
            label: "DIRECTIVE".into(),
            range,
            name: "cue".into(),
            value: "x".into(),
            cause: refused(),
        },
        LeftOut::RelationWithoutSpan { kind: "issued_by".into() },
        LeftOut::RelationRefused {
            kind: "issued_by".into(),
            from_text: "😀".into(),
            to_text: "徐立毅".into(),
            cause: refused(),
        },
    ];
    for what in left_out {
        let problem = ImportProblem { doc: "新闻 1".into(), what };
        let zh = import_problem(Lang::Zh, &problem);
        assert!(has_cjk(&zh) && english_words(&zh).is_empty(), "{problem:?}: English in «{zh}»");
        assert!(zh.contains("新闻 1"), "{zh}");
        assert_eq!(import_problem(Lang::En, &problem), problem.to_string());
    }
    let notes = vec![
        UnitNote::Fit { unit: OffsetUnit::Utf16, others: vec![OffsetUnit::CodePoint, OffsetUnit::Utf8] },
        UnitNote::Chosen(OffsetUnit::Utf8),
        UnitNote::Converted { doc: "新闻 1".into(), count: 3, unit: OffsetUnit::Utf16 },
        UnitNote::MovedToNearest { doc: "新闻 1".into(), count: 1 },
    ];
    for note in &notes {
        let zh = unit_note(Lang::Zh, note);
        assert!(has_cjk(&zh) && english_words(&zh).is_empty(), "{note:?}: English in «{zh}»");
        assert_eq!(unit_note(Lang::En, note), note.to_string());
    }
    // The English is what earlier versions said.
    assert_eq!(
        ImportProblem { doc: "a".into(), what: LeftOut::Empty { span: span() } }.to_string(),
        "document \"a\": PER span at 3–5: the span is empty or ends before it starts"
    );
}

/// The readers' findings: every place, refusal, left-out part and passed-over note reads in
/// Chinese without English words (the formats' own field names aside), and in English as the
/// types' `Display`.
#[test]
fn reader_findings_read_in_each_language() {
    use biaozhu::core::import::readers::{Flaw, Found, Passed, Place, ReadError, Unit, Unread};
    use biaozhu::ui::words::errors::read_error;
    use biaozhu::ui::words::reading::{passed, unread};
    // The formats' own field names and JSON's null, quoted as the files spell them.
    const FIELDS: &[&str] = &[
        "text",
        "data",
        "body",
        "start",
        "end",
        "offset_unit",
        "grapheme",
        "utf16",
        "utf8",
        "target",
        "source",
        "sources",
        "jsonld",
        "null",
    ];
    let foreign = |zh: &str| -> Vec<String> {
        english_words(zh).into_iter().filter(|w| !FIELDS.contains(&w.as_str())).collect()
    };
    let places = [
        Place::file("新闻.jsonl"),
        Place::line("新闻.jsonl", 3),
        Place::nth("任务.json", Unit::Task, 2),
        Place::nth("标注.jsonld", Unit::Annotation, 7),
        Place::nth("标注.jsonld", Unit::Source, 1),
    ];
    let flaws = vec![
        Flaw::NoTextBeside { stem: "新闻".into() },
        Flaw::NotTokenAndTag { found: "李".into() },
        Flaw::NotATag { tag: "X-PER".into() },
        Flaw::NoTaggedLines,
        Flaw::NoRecords,
        Flaw::NoTextField,
        Flaw::ShapeChanged { shape: "doccano JSONL", earlier: "Hugging Face JSONL" },
        Flaw::TextNotString,
        Flaw::UnknownOffsetUnit { found: "字节".into() },
        Flaw::TokensNotList,
        Flaw::TokenNotString,
        Flaw::NerTagsNotList,
        Flaw::TagCount { tokens: 2, tags: 1 },
        Flaw::TagNamesMissing,
        Flaw::TagIdUnknown { id: 9 },
        Flaw::TagNeitherNameNorNumber,
        Flaw::DataHasNoText,
        Flaw::SourceListedTwice { id: "#文1".into() },
        Flaw::TextsNotIncluded,
        Flaw::NoTargetSource,
        Flaw::NoHeaderRow,
        Flaw::QuoteNeverClosed,
    ];
    for (place, what) in places.iter().cycle().zip(flaws) {
        let error = ReadError::Malformed { place: place.clone(), what };
        let zh = read_error(Lang::Zh, &error);
        assert!(has_cjk(&zh) && foreign(&zh).is_empty(), "{error:?}: English in «{zh}»: {:?}", foreign(&zh));
        assert_eq!(read_error(Lang::En, &error), error.to_string());
    }
    let unread_parts = vec![
        Unread::AnnLineShape,
        Unread::AnnNoOffsets,
        Unread::AnnOffsets { found: "3 甲".into() },
        Unread::RelationEnds { n: Some(2), kind: "issued_by".into() },
        Unread::RelationEnds { n: None, kind: "issued_by".into() },
        Unread::SpanFields { n: 1, start: "\"3\"".into(), end: "5".into(), label: "null".into() },
        Unread::EntityShape { n: 1, found: "[1]".into() },
        Unread::RegionOffsets { region: "\"甲\"".into(), start: "null".into(), end: "4".into() },
        Unread::RegionRelation { from: "\"甲\"".into(), to: "\"乙\"".into() },
        Unread::SourceHasNoText { source: "#文2".into() },
        Unread::NoBody,
        Unread::Link,
        Unread::NoPosition { label: "PER".into(), found: "{}".into() },
    ];
    for (place, what) in places.iter().cycle().zip(unread_parts) {
        let found = Found { place: place.clone(), what };
        let zh = unread(Lang::Zh, &found);
        assert!(has_cjk(&zh) && foreign(&zh).is_empty(), "{found:?}: English in «{zh}»: {:?}", foreign(&zh));
        assert_eq!(unread(Lang::En, &found), found.to_string());
    }
    let passed_over = vec![
        Passed::RejectedAnswers { count: 2 },
        Passed::OtherAnnLines { count: 1 },
        Passed::NoAnnotation,
        Passed::SourceWithoutText,
        Passed::RowsWithoutText { count: 2, column: "正文".into() },
    ];
    for (place, what) in places.iter().cycle().zip(passed_over) {
        let found = Found { place: place.clone(), what };
        let zh = passed(Lang::Zh, &found);
        assert!(has_cjk(&zh) && foreign(&zh).is_empty(), "{found:?}: English in «{zh}»: {:?}", foreign(&zh));
        assert_eq!(passed(Lang::En, &found), found.to_string());
    }
    // The place leads, in the reader's count, in both languages.
    let found = Found { place: Place::line("a.conll", 4), what: Unread::AnnNoOffsets };
    assert!(unread(Lang::Zh, &found).starts_with("a.conll 第 4 行："));
    assert!(unread(Lang::En, &found).starts_with("a.conll line 4: "));
}

/// A project file's span, relation and suggestion problems read in Chinese without English
/// words, and in English as before.
#[test]
fn project_file_problems_read_in_each_language() {
    use biaozhu::core::project_file_problem::{Fault, FilePart, FileProblem};
    use biaozhu::core::project_json::ImportError;
    use biaozhu::ui::words::errors::import_error;
    let parts = [
        FilePart::Span { doc: "新闻 1".into(), id: 3, start: 2, end: 5 },
        FilePart::Relation { doc: "新闻 1".into(), id: 1, kind: "issued_by".into(), from: 3, to: 4 },
        FilePart::Suggestions { doc: "新闻 1".into() },
    ];
    let faults = vec![
        Fault::StartNotBeforeEnd,
        Fault::PastTheEnd { len: 4 },
        Fault::LabelNotInSchema { label: "人物".into() },
        Fault::WrongLayer { declared: "实体".into(), label: "PER".into(), layer: "指示".into() },
        Fault::TextDiffers { stated: "𠀀明".into(), found: "明😀".into(), utf16: true },
        Fault::IdUsedTwice,
        Fault::Refused(Box::new(EditError::UnknownLabel { label: "TITLE".into() })),
    ];
    let problems: Vec<FileProblem> =
        parts.iter().cycle().zip(faults).map(|(at, fault)| FileProblem { at: at.clone(), fault }).collect();
    let error = ImportError::BadSpans { problems };
    let zh = import_error(&error);
    let foreign: Vec<String> = english_words(&zh).into_iter().filter(|w| w != "id").collect();
    assert!(has_cjk(&zh) && foreign.is_empty(), "English in «{zh}»: {foreign:?}");
    let en = error.to_string();
    assert!(
        en.starts_with("7 span problem(s): document \"新闻 1\": span 3 at 2–5: start must be before end; "),
        "{en}"
    );
    assert!(
        en.contains("(the offsets look like UTF-16 code units; this file must count code points)"),
        "{en}"
    );
}

/// What an export leaves out and why it stops read in Chinese without English words (format
/// names and the split's own names aside), and in English as the types' `Display`.
#[test]
fn export_findings_read_in_each_language() {
    use biaozhu::core::export::bundle::ZipError;
    use biaozhu::core::export::split::SplitError;
    use biaozhu::core::export::{ExportError, ExportLoss, ExportProblem, Format, NamedSpan};
    use biaozhu::ui::words::export_words::{export_error, export_loss};
    const KEPT: &[&str] = &["datasets", "standoff", "character", "level", "tags", "spans", "triples"];
    let foreign = |zh: &str| -> Vec<String> {
        english_words(zh).into_iter().filter(|w| !KEPT.contains(&w.as_str())).collect()
    };
    let losses = [
        ExportLoss::Relations { format: Format::Conll, count: 3 },
        ExportLoss::RelationsAcrossUnits { count: 1 },
        ExportLoss::Attributes { format: Format::DoccanoLabels, count: 2 },
    ];
    for loss in &losses {
        let zh = export_loss(Lang::Zh, loss);
        assert!(has_cjk(&zh) && foreign(&zh).is_empty(), "{loss:?}: English in «{zh}»: {:?}", foreign(&zh));
        assert_eq!(export_loss(Lang::En, loss), loss.to_string());
    }
    let named = |label: &str, id| NamedSpan { label: label.into(), id, text: "𠀀河新区".into() };
    let errors = [
        ExportError::Empty,
        ExportError::BadSplit(SplitError { train: 80, dev: 10, test: 20 }),
        ExportError::Zip(ZipError::TooManyFiles { count: 5 }),
        ExportError::Zip(ZipError::TooLarge { path: "新闻/1.ann".into() }),
        ExportError::Zip(ZipError::NameTooLong { path: "新闻".into() }),
        ExportError::StillLoading(12),
        ExportError::Problems(vec![
            ExportProblem::NotOnTokens {
                record: "新闻 1".into(),
                span: 4,
                start: 2,
                end: 5,
                text: " 郑州".into(),
            },
            ExportProblem::Overlap {
                record: "新闻 1".into(),
                first: named("LOC", 1),
                second: named("ORG", 2),
            },
        ]),
    ];
    for error in &errors {
        let zh = export_error(Lang::Zh, error);
        assert!(has_cjk(&zh) && foreign(&zh).is_empty(), "{error:?}: English in «{zh}»: {:?}", foreign(&zh));
        assert_eq!(export_error(Lang::En, error), error.to_string());
    }
}

/// A file refused before reading (too large, an address not fetched) and the browser's read and
/// fetch failures read in Chinese without English words (the browser's own cause aside), and in
/// English as before.
#[test]
fn input_refusals_read_in_each_language() {
    use biaozhu::core::intake::{check_doc_url, check_size};
    use biaozhu::core::refusal::{AddressProblem, InputRefusal};
    use biaozhu::ui::words::reading::{could_not_fetch, could_not_read, input_refusal, server_answered};
    let mut refusals = vec![check_size("大.txt", 70 << 20).unwrap_err()];
    for bad in ["//127.0.0.1/x.txt", "http://127.0.0.1/x.txt", "a\tb", ""] {
        refusals.push(check_doc_url(bad).unwrap_err());
    }
    let why = AddressProblem::OtherOrigin { origin: "http://127.0.0.1:9".into() };
    refusals.push(InputRefusal::Address { url: "新闻.txt".into(), why });
    for refusal in &refusals {
        let zh = input_refusal(Lang::Zh, refusal);
        // `?doc=` is the parameter's own name; the address is quoted as given.
        let foreign: Vec<String> =
            english_words(&zh).into_iter().filter(|w| !["doc", "http"].contains(&w.as_str())).collect();
        assert!(has_cjk(&zh) && foreign.is_empty(), "{refusal:?}: English in «{zh}»: {foreign:?}");
        assert_eq!(input_refusal(Lang::En, refusal), refusal.to_string());
    }
    assert!(input_refusal(Lang::Zh, &refusals[0]).starts_with("大.txt 有 70.0 MB"));
    for zh in [
        could_not_read(Lang::Zh, "新闻.txt", ""),
        could_not_fetch(Lang::Zh, "新闻.txt", ""),
        server_answered(Lang::Zh, "新闻.txt", 404),
    ] {
        assert!(has_cjk(&zh) && english_words(&zh).is_empty(), "English in «{zh}»");
    }
    assert_eq!(server_answered(Lang::En, "a.txt", 404), "could not fetch a.txt: the server answered 404");
}
