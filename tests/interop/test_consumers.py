"""Our exports, loaded by the real consumers: spaCy, seqeval, Hugging Face datasets,
label-studio-converter and a brat parser (bioc). The sample project holds 𠀀, emoji, a ZWJ
sequence, CRLF and directives with entities inside; its offsets were computed by Python's own
str.index, so they are an independent oracle for the code-point unit."""

import json
import os
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
PROJECT = json.loads((HERE / "sample_project.json").read_text(encoding="utf-8"))
ENTITY_LABELS = {"PER", "ORG", "LOC", "DATE", "TITLE", "POLICY"}


def export(tmp_path_factory, name, *args):
    """Runs the biaozhu-export command line (the app's exporter) into a fresh folder."""
    out = tmp_path_factory.mktemp(name)
    command = os.environ.get("BIAOZHU_EXPORT")
    base = [command] if command else ["cargo", "run", "--quiet", "--bin", "biaozhu-export", "--"]
    subprocess.run(base + [str(HERE / "sample_project.json"), str(out), *args], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return out


def expected_spans(labels=None):
    """(label, text) of every span in the sample, optionally only some labels."""
    return sorted((s["label"], s["text"]) for d in PROJECT["documents"] for s in d["spans"]
                  if labels is None or s["label"] in labels)


def expected_relations():
    """(type, source text, target text) of every relation in the sample."""
    out = []
    for doc in PROJECT["documents"]:
        text = {s["id"]: s["text"] for s in doc["spans"]}
        out += [(r["type"], text[r["from"]], text[r["to"]]) for r in doc.get("relations", [])]
    return sorted(out)


def expected_attributes():
    """(span text, attribute, value) of every attribute in the sample."""
    return sorted((s["text"], k, v) for d in PROJECT["documents"] for s in d["spans"]
                  for k, v in s.get("attributes", {}).items())


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_sample_offsets_are_python_string_indices():
    for doc in PROJECT["documents"]:
        for span in doc["spans"]:
            assert doc["text"][span["start"]:span["end"]] == span["text"]


@pytest.mark.parametrize("units", ["document", "sentence"])
def test_spacy_blank_zh_aligns_every_span_and_stores_them_in_a_docbin(tmp_path_factory, units):
    import spacy
    from spacy.tokens import Doc, DocBin

    out = export(tmp_path_factory, "spacy-" + units, "--format", "spacy", "--units", units)
    nlp = spacy.blank("zh")
    assert nlp.tokenizer.segmenter == "char"
    bin_ = DocBin(store_user_data=True)
    found = []
    relations = []
    for line in read_jsonl(out / "biaozhu-spacy.jsonl"):
        # Prodigy relations point at the last token of each span (rel_component convention).
        by_end = {s["token_end"]: s["text"] for s in line["spans"]}
        for r in line["relations"]:
            assert r["head_span"]["token_end"] == r["head"] and r["child_span"]["token_end"] == r["child"]
            relations.append((r["label"], by_end[r["head"]], by_end[r["child"]]))
        doc = nlp.make_doc(line["text"])
        assert [t.text for t in doc] == [t["text"] for t in line["tokens"]]
        assert [bool(t.whitespace_) for t in doc] == [t["ws"] for t in line["tokens"]]
        rebuilt = Doc(nlp.vocab, words=[t["text"] for t in line["tokens"]], spaces=[t["ws"] for t in line["tokens"]])
        assert rebuilt.text == line["text"]
        spans = []
        for s in line["spans"]:
            span = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="strict")
            assert span is not None, s
            assert span.text == s["text"] == line["text"][s["start"]:s["end"]]
            assert (span.start, span.end - 1) == (s["token_start"], s["token_end"])
            spans.append(span)
        doc.spans["sc"] = spans  # overlapping layers are fine in a SpanGroup
        doc.set_ents([s for s in spans if s.label_ in ENTITY_LABELS])  # one layer, no overlaps
        bin_.add(doc)
        found += [(s.label_, s.text) for s in spans]
    assert sorted(found) == expected_spans()
    if units == "document":
        assert sorted(relations) == expected_relations()
    else:
        # Relations between spans of different sentences cannot be in a sentence record.
        assert relations and set(relations) <= set(expected_relations())
    loaded = list(DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab))
    assert sorted((s.label_, s.text) for d in loaded for s in d.spans["sc"]) == expected_spans()
    assert sorted((e.label_, e.text) for d in loaded for e in d.ents) == expected_spans(ENTITY_LABELS)


def read_conll(path):
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line:
            if current:
                sentences.append(current)
            current = []
            continue
        char, tag = line.split("\t")
        current.append((char, tag))
    if current:
        sentences.append(current)
    return sentences


@pytest.mark.parametrize("scheme", ["bio", "bioes"])
def test_seqeval_reads_the_conll_tags_in_lenient_and_strict_mode(tmp_path_factory, scheme):
    from seqeval.metrics import f1_score
    from seqeval.metrics.sequence_labeling import get_entities
    from seqeval.scheme import IOB2, IOBES, Entities

    out = export(tmp_path_factory, "conll-" + scheme, "--format", "conll", "--units", "sentence", "--scheme", scheme)
    sentences = read_conll(out / "biaozhu-conll.conll")
    tags = [[t for _, t in s] for s in sentences]
    lenient = []
    for sentence, sequence in zip(sentences, tags):
        for label, start, end in get_entities(sequence):
            lenient.append((label, "".join(c for c, _ in sentence[start:end + 1])))
    assert sorted(lenient) == expected_spans(ENTITY_LABELS)
    strict = Entities(tags, scheme=IOBES if scheme == "bioes" else IOB2).entities
    assert sum(len(s) for s in strict) == len(lenient), "strict mode drops no entity"
    assert f1_score(tags, tags, mode="strict", scheme=IOBES if scheme == "bioes" else IOB2) == 1.0
    assert all(c.strip() for s in sentences for c, _ in s), "no whitespace tokens"


def test_huggingface_datasets_loads_the_split_with_class_labels(tmp_path_factory, tmp_path):
    os.environ["HF_DATASETS_OFFLINE"] = "1"
    os.environ["HF_HUB_OFFLINE"] = "1"
    from datasets import ClassLabel, Features, Sequence, Value, load_dataset
    from seqeval.metrics.sequence_labeling import get_entities

    out = export(tmp_path_factory, "hf", "--format", "huggingface", "--units", "sentence",
                 "--split", "60,20,20", "--seed", "3")
    names = json.loads((out / "labels.json").read_text(encoding="utf-8"))
    features = Features({"id": Value("string"), "tokens": Sequence(Value("string")),
                         "ner_tags": Sequence(ClassLabel(names=names)), "doc_id": Value("string")})
    files = {"train": str(out / "train.jsonl"), "validation": str(out / "dev.jsonl"), "test": str(out / "test.jsonl")}
    ds = load_dataset("json", data_files=files, features=features, cache_dir=str(tmp_path / "cache"))
    rows = [row for split in ds.values() for row in split]
    label = ds["train"].features["ner_tags"].feature
    found = []
    for row in rows:
        assert len(row["tokens"]) == len(row["ner_tags"])
        tags = [label.int2str(i) for i in row["ner_tags"]]
        found += [(l, "".join(row["tokens"][s:e + 1])) for l, s, e in get_entities(tags)]
    assert sorted(found) == expected_spans(ENTITY_LABELS)
    assert any("𠀀" in row["tokens"] for row in rows)
    # The same seed gives the same split.
    again = export(tmp_path_factory, "hf-again", "--format", "huggingface", "--units", "sentence",
                   "--split", "60,20,20", "--seed", "3")
    assert (again / "train.jsonl").read_bytes() == (out / "train.jsonl").read_bytes()


@pytest.mark.parametrize("kind", ["annotations", "predictions"])
def test_label_studio_tasks_load_in_label_studio_converter(tmp_path_factory, tmp_path, kind):
    from label_studio_converter import Converter

    out = export(tmp_path_factory, "ls-" + kind, "--format", "label-studio", "--label-studio", kind)
    tasks = json.loads((out / "biaozhu-label-studio.json").read_text(encoding="utf-8"))
    for task in tasks:
        for region in (r for r in task[kind][0]["result"] if r["type"] == "labels"):
            v = region["value"]
            assert task["data"]["text"][v["start"]:v["end"]] == v["text"]
    if kind == "predictions":
        return  # the converter reads completed annotations only
    config = (out / "label-studio-config.xml").read_text(encoding="utf-8")
    converter = Converter(config=config, project_dir=str(out), download_resources=False)
    converter.convert(str(out / "biaozhu-label-studio.json"), str(tmp_path), "JSON_MIN", is_dir=False)
    records = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    found, cues = [], []
    for record in records:
        for region in record["label"]:
            assert record["text"][region["start"]:region["end"]] == region["text"]
            found += [(l, region["text"]) for l in region["labels"]]
        # JSON_MIN flattens per-region choices to their values.
        cue = record.get("cue", [])
        cues += cue if isinstance(cue, list) else [cue]
    assert sorted(found) == expected_spans()
    assert sorted(cues) == sorted(v for _, name, v in expected_attributes() if name == "cue")
    # The relations are in the tasks, between the region ids of the spans.
    relations = []
    for task in tasks:
        regions = {r["id"]: r["value"]["text"] for r in task["annotations"][0]["result"] if r["type"] == "labels"}
        relations += [(r["labels"][0], regions[r["from_id"]], regions[r["to_id"]])
                      for r in task["annotations"][0]["result"] if r["type"] == "relation"]
    assert sorted(relations) == expected_relations()


def test_brat_files_parse_with_bioc(tmp_path_factory):
    from bioc import brat
    from bioc.brat.validator import validate

    out = export(tmp_path_factory, "brat", "--format", "brat")
    assert "DIRECTIVE" in (out / "annotation.conf").read_text(encoding="utf-8")
    found, relations, attributes = [], [], []
    for ann_path in sorted(out.glob("*.ann")):
        with open(ann_path.with_suffix(".txt"), encoding="utf-8", newline="") as f:
            text = f.read()  # newline="": \r\n stays two characters, as the offsets count it
        doc = brat.loads(text, ann_path.read_text(encoding="utf-8"), docid=ann_path.stem)
        problems = []
        validate(doc, onerror=problems.append)
        assert problems == []
        for entity in doc.entities:
            pieces = sorted(entity.locations)
            # brat joins discontinuous fragments with one space.
            assert " ".join(text[p.begin:p.end] for p in pieces) == entity.text
            found.append((entity.type, entity.text))
        text_of = {e.id: e.text for e in doc.entities}
        relations += [(r.type, text_of[r.arguments["Arg1"]], text_of[r.arguments["Arg2"]]) for r in doc.relations]
        attributes += [(text_of[a.refid], a.type, value) for a in doc.attributes for value in a.attributes]
        attributes += [(text_of[n.refid],) + tuple(n.text.split(": ", 1)) for n in doc.notes]
    assert sorted(found) == expected_spans()
    assert sorted(relations) == expected_relations()
    assert sorted(attributes) == expected_attributes()


def test_doccano_jsonl_in_code_points_and_the_utf16_variant(tmp_path_factory):
    out = export(tmp_path_factory, "doccano", "--format", "doccano")
    found = [(l, row["text"][s:e]) for row in read_jsonl(out / "biaozhu-doccano.jsonl") for s, e, l in row["label"]]
    assert sorted(found) == expected_spans()
    out = export(tmp_path_factory, "doccano-entities", "--format", "doccano-entities")
    rows = read_jsonl(out / "biaozhu-doccano-entities.jsonl")
    found = [(e["label"], row["text"][e["start_offset"]:e["end_offset"]]) for row in rows for e in row["entities"]]
    assert sorted(found) == expected_spans()
    relations = []
    for row in rows:
        text = {e["id"]: row["text"][e["start_offset"]:e["end_offset"]] for e in row["entities"]}
        relations += [(r["type"], text[r["from_id"]], text[r["to_id"]]) for r in row["relations"]]
    assert sorted(relations) == expected_relations()
    out = export(tmp_path_factory, "doccano-utf16", "--format", "doccano-utf16")
    found = []
    for row in read_jsonl(out / "biaozhu-doccano-utf16.jsonl"):
        units = row["text"].encode("utf-16-le")
        found += [(l, units[2 * s:2 * e].decode("utf-16-le")) for s, e, l in row["label"]]
    assert sorted(found) == expected_spans()


def test_w3c_annotations_select_by_code_points(tmp_path_factory):
    out = export(tmp_path_factory, "w3c", "--format", "w3c")
    collection = json.loads((out / "biaozhu-w3c.jsonld").read_text(encoding="utf-8"))
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    texts = {s["id"]: s["text"] for s in collection["biaozhu:sources"]}
    found = []
    items = collection["first"]["items"]
    exact = {i["id"]: i["target"]["selector"][1]["exact"] for i in items if i["motivation"] == "tagging"}
    links = [(i["body"][1]["value"], exact[i["target"]], exact[i["body"][0]]) for i in items if i["motivation"] == "linking"]
    assert sorted(links) == expected_relations()
    for item in (i for i in items if i["motivation"] == "tagging"):
        assert item["id"].startswith("urn:uuid:")
        position, quote = item["target"]["selector"]
        text = texts[item["target"]["source"]]
        assert text[position["start"]:position["end"]] == quote["exact"]
        assert text[:position["start"]].endswith(quote["prefix"])
        assert text[position["end"]:].startswith(quote["suffix"])
        bodies = item["body"] if isinstance(item["body"], list) else [item["body"]]
        found.append((bodies[0]["value"], quote["exact"]))
    assert sorted(found) == expected_spans()
    assert collection["total"] == len(items)
