"""Our agreement figures against independent implementations: Cohen's kappa over the
per-character BIO tags from scikit-learn's cohen_kappa_score, exact span F1 counted here with
Python sets. Two annotators' files are made from the sample project (with 𠀀, emoji and CRLF):
alice keeps its spans, bob drops, shifts and relabels some."""

import csv
import io
import json
import os
import subprocess

import pytest
from sklearn.metrics import cohen_kappa_score

from test_consumers import HERE, PROJECT, ROOT

CHANGES = {
    # (document index, start, end, label) -> what bob has instead (None: he has nothing there)
    (0, 18, 20, "LOC"): (18, 21, "LOC"),
    (0, 69, 74, "ORG"): (69, 74, "LOC"),
    (0, 63, 67, "POLICY"): None,
    (1, 0, 5, "DATE"): (0, 4, "DATE"),
}


def annotator_file(tmp_path, name, change):
    project = json.loads(json.dumps(PROJECT))
    for index, doc in enumerate(project["documents"]):
        spans = []
        for span in doc["spans"]:
            key = (index, span["start"], span["end"], span["label"])
            if change and key in CHANGES:
                if CHANGES[key] is None:
                    continue
                span["start"], span["end"], span["label"] = CHANGES[key]
                span.pop("text", None)
            span["annotator"] = name
            spans.append(span)
        kept = {s["id"] for s in spans}
        doc["spans"] = spans
        doc["relations"] = [r for r in doc.get("relations", []) if r["from"] in kept and r["to"] in kept]
        doc["status"] = "done"
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(project, ensure_ascii=False), encoding="utf-8")
    return path, project


def layer_of(schema):
    return {label["name"]: layer["name"] for layer in schema["layers"] for label in layer["labels"]}


def tags(doc, layer, layers):
    """B-/I- tags of one layer for each character (code point); the first span in (start, end)
    order keeps a character that two spans of the layer share."""
    out = ["O"] * len(doc["text"])
    for span in sorted(doc["spans"], key=lambda s: (s["start"], s["end"], s["id"])):
        if layers[span["label"]] != layer:
            continue
        for i in range(span["start"], span["end"]):
            if out[i] == "O":
                out[i] = ("B-" if i == span["start"] else "I-") + span["label"]
    return out


def only(label, sequence):
    return [t[0] if t != "O" and t[2:] == label else "O" for t in sequence]


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("agreement")
    alice_path, alice = annotator_file(tmp, "alice", False)
    bob_path, bob = annotator_file(tmp, "bob", True)
    command = os.environ.get("BIAOZHU_AGREEMENT")
    base = [command] if command else ["cargo", "run", "--quiet", "--bin", "biaozhu-agreement", "--"]
    out = subprocess.run(base + [str(alice_path), str(bob_path)], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    rows = {(r["annotator_a"], r["annotator_b"], r["label"]): r for r in csv.DictReader(io.StringIO(out))}
    return alice, bob, rows


def test_kappa_over_character_tags_matches_scikit_learn(figures):
    alice, bob, rows = figures
    layers = layer_of(alice["schema"])
    names = [layer["name"] for layer in alice["schema"]["layers"]]
    per_layer = {}
    for layer in names:
        a = [t for d in alice["documents"] for t in tags(d, layer, layers)]
        b = [t for d in bob["documents"] for t in tags(d, layer, layers)]
        per_layer[layer] = (a, b)
    all_a = [t for layer in names for t in per_layer[layer][0]]
    all_b = [t for layer in names for t in per_layer[layer][1]]
    assert float(rows[("alice", "bob", "ALL")]["kappa"]) == pytest.approx(cohen_kappa_score(all_a, all_b), abs=1e-4)
    checked = 0
    for label, layer in layers.items():
        row = rows.get(("alice", "bob", label))
        if row is None:
            continue
        a, b = per_layer[layer]
        expected = cohen_kappa_score(only(label, a), only(label, b))
        assert float(row["kappa"]) == pytest.approx(expected, abs=1e-4), label
        checked += 1
    assert checked >= 5


def test_exact_span_f1_matches_a_count_of_the_same_spans(figures):
    alice, bob, rows = figures

    def spans(project, label=None):
        return {(i, s["start"], s["end"], s["label"]) for i, d in enumerate(project["documents"])
                for s in d["spans"] if label is None or s["label"] == label}

    for label in [None, "PER", "LOC", "ORG", "DATE", "POLICY"]:
        a, b = spans(alice, label), spans(bob, label)
        expected = 2 * len(a & b) / (len(a) + len(b))
        row = rows[("alice", "bob", label or "ALL")]
        assert float(row["f1_exact"]) == pytest.approx(expected, abs=1e-4), label
        assert (int(row["spans_a"]), int(row["spans_b"])) == (len(a), len(b))
