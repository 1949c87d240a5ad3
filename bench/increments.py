"""What resolving against the store costs: one build of 1,000 articles against 10 builds of 100
into one store, side by side in one run, extraction included.

    python -m bench.increments [--articles 1000] [--increments 10] [--store embedded|neo4j]

The articles: the 964 WiNER-fr dev articles, then the project's gold texts to make up the count
(or the seeds repeated when WiNER is absent). Both stores' N-Triples exports are compared too.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, corpus, machine, table
from bench.order import exported, fresh_store, split
from kg.extract import load_pipeline
from kg.model import Document
from kg.pipeline import build
from kg.read import read_documents


def articles(n: int) -> tuple[list[Document], str]:
    docs, name = corpus(None)
    if len(docs) < n:
        gold = sorted((ROOT / "tests" / "data").glob("news*.gold.jsonl"))
        extra = [d for d in read_documents(gold) if isinstance(d, Document)][:n - len(docs)]
        name = f"{name} + {len(extra)} gold texts"
        docs += extra
    return docs[:n], name


def write_jsonl(docs: list[Document], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--increments", type=int, default=10)
    ap.add_argument("--store", default="embedded", choices=["embedded", "neo4j"])
    ap.add_argument("--model", default="fr_core_news_md")
    args = ap.parse_args()
    docs, name = articles(args.articles)
    nlp = load_pipeline(args.model)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        whole = write_jsonl(docs, root / "all.jsonl")
        parts = [write_jsonl(p, root / f"part{i:02}.jsonl") for i, p in enumerate(split(docs, args.increments))]
        with fresh_store(args.store, root / "one") as store:
            t = time.perf_counter()
            build([whole], store, nlp)
            t_one = time.perf_counter() - t
            one = exported(store)
        with fresh_store(args.store, root / "inc") as store:
            t = time.perf_counter()
            for part in parts:
                build([part], store, nlp)
            t_inc = time.perf_counter() - t
            inc = exported(store)
    rows = [["one build", f"{t_one:.1f}", "1.00"],
            [f"{args.increments} increments", f"{t_inc:.1f}", f"{t_inc / t_one:.2f}"]]
    table(f"{len(docs)} articles ({name}) on the {args.store} store; {machine()}",
          ["run", "seconds", "time / one build"], rows)
    print(f"\nN-Triples exports identical: {one == inc} ({len(one)} triples)")


if __name__ == "__main__":
    main()
