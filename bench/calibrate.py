"""Precision of each construction on the project's gold files: the basis of relation confidence.

    python -m bench.calibrate [GOLD.jsonl ...]

For every relation extracted from the gold texts, the construction of its first evidence and
whether the relation is in the gold (strict match) are counted. The ``confidence`` table of
``kg/lang/fr/lexicon.json`` is set from these figures (smoothed towards 0.5 for small counts).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from bench.common import table
from kg.evaluate import load_records
from kg.extract import extract, load_pipeline
from kg.jsonl import to_record
from kg.model import normalize_name
from kg.read import read_documents

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
DEFAULT = [DATA / f for f in ("seed.gold.jsonl", "constructions.gold.jsonl", "news.gold.jsonl", "news2.gold.jsonl")]


def main(paths: list[Path]) -> None:
    nlp = load_pipeline()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for path in paths:
        gold = load_records(path)
        for ex in extract([d for d in read_documents([path])], nlp):
            g = gold[ex.document.id]
            keys = {e["name"]: {normalize_name(n) for n in [e["name"], *e.get("aliases", [])]} for e in g["entities"]}

            def resolve(name: str, keys=keys) -> str:
                return next((k for k, v in keys.items() if normalize_name(name) in v), "?" + name)

            gold_rels = {(r["subject"], r["type"], r["object"]) for r in g["relations"]}
            for r in to_record(ex)["relations"]:
                construction = r["evidence"][0]["construction"]
                total[construction] += 1
                right[construction] += (resolve(r["subject"]), r["type"], resolve(r["object"])) in gold_rels
    rows = [[c, total[c], right[c], f"{right[c] / total[c]:.2f}", f"{(right[c] + 1) / (total[c] + 2):.2f}"]
            for c in sorted(total, key=lambda c: -total[c])]
    table("Precision by construction", ["construction", "relations", "correct", "precision", "smoothed"], rows)


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or DEFAULT)
