//! Limits at every door: file sizes, zip bombs, `?doc=` addresses, split percentages.
use biaozhu::core::export::split::SplitSpec;
use biaozhu::core::export::{run_export, ExportError, ExportOptions, Format};
use biaozhu::core::import::readers::{parse, InFile, ReadError, MAX_INPUT_BYTES};
use biaozhu::core::intake::{check_doc_url, check_size};
use std::io::Write;

mod common;

#[test]
fn one_size_limit_names_the_file() {
    assert!(check_size("a.txt", MAX_INPUT_BYTES as u64).is_ok());
    let error = check_size("big.txt", 70 << 20).unwrap_err().to_string();
    assert!(error.contains("big.txt is 70.0 MB") && error.contains("64 MB"), "{error}");
}

fn deflated_zip(entries: &[(&str, usize)]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut out);
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, size) in entries {
        writer.start_file(*name, options).unwrap();
        let chunk = vec![b'a'; 1 << 20];
        let mut left = *size;
        while left > 0 {
            let n = left.min(chunk.len());
            writer.write_all(&chunk[..n]).unwrap();
            left -= n;
        }
    }
    writer.finish().unwrap();
    out.into_inner()
}

#[test]
fn a_zip_bomb_is_refused_while_it_inflates() {
    // 65 MB of one letter deflates to a few hundred KB; two files of 40 MB pass the limit together.
    for entries in [vec![("bomb.conll", 65 << 20)], vec![("a.conll", 40 << 20), ("b.conll", 40 << 20)]] {
        let bytes = deflated_zip(&entries);
        assert!(bytes.len() < 1 << 20, "the test zip is small: {} bytes", bytes.len());
        let error = parse(&[InFile { name: "bomb.zip".into(), bytes }]).unwrap_err();
        assert!(matches!(error, ReadError::TooLarge { limit: MAX_INPUT_BYTES, .. }), "{error:?}");
        assert!(error.to_string().contains("bomb.zip inflates to more than 64 MB"), "{error}");
    }
}

#[test]
fn doc_urls_must_stay_on_the_apps_origin() {
    for ok in
        ["data/news.txt", "./a.json", "../corpus/b.txt", "/files/c.txt", "news.txt?x=1", "notes/a:b.txt"]
    {
        assert!(check_doc_url(ok).is_ok(), "{ok}");
    }
    for (bad, why) in [
        ("//127.0.0.1:8299/remote.txt", "another host"),
        ("http://127.0.0.1:8299/remote.txt", "absolute address (http:)"),
        ("HTTPS://example.org/x", "absolute address (HTTPS:)"),
        ("javascript:alert(1)", "absolute address (javascript:)"),
        ("data:text/plain,hi", "absolute address (data:)"),
        ("\\\\evil/x", "backslash"),
        ("/\\evil/x", "backslash"),
        ("a\tb", "control character"),
        ("", "empty"),
    ] {
        let error = check_doc_url(bad).unwrap_err().to_string();
        assert!(error.contains(why), "{bad}: {error}");
    }
}

#[test]
fn split_percentages_must_add_up_to_100() {
    let project = common::sample_project();
    for (train, dev, test, ok) in [
        (80, 10, 10, true),
        (100, 0, 0, true),
        (80, 10, 5, false),
        (4_294_967_295, 1, 0, false),
        (u32::MAX, u32::MAX, u32::MAX, false),
    ] {
        let mut options = ExportOptions::new(Format::Spacy);
        options.split = Some(SplitSpec { train, dev, test, seed: 1 });
        match run_export(&project, &options) {
            Ok(_) => assert!(ok, "{train}/{dev}/{test} was accepted"),
            Err(ExportError::BadSplit(error)) => {
                assert!(!ok, "{train}/{dev}/{test}: {error}");
                assert!(error.to_string().contains("must add up to 100"), "{error}");
            }
            Err(other) => panic!("{train}/{dev}/{test}: {other}"),
        }
    }
}
