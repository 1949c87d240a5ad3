"""``--workers 2`` against ``--workers 1`` on the same documents, side by side in one run.

    python -m bench.workers [CORPUS] [--workers 2] [--model fr_core_news_md]

Workers 1 is the in-process pipeline (what ``kg build`` runs by default); workers N is the pool of
``kg build --workers N``. Both pipelines are loaded before timing (model loading is a fixed cost
paid once per build), then the whole corpus is extracted by each.
"""

from __future__ import annotations

import argparse
import time

from bench.common import corpus, machine, table, words
from kg.extract import extract, load_pipeline
from kg.extract.parallel import ProcessExtractor


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--model", default="fr_core_news_md")
    args = ap.parse_args()
    docs, name = corpus(args.corpus)
    n_words = words(docs)
    nlp = load_pipeline(args.model)
    pool = ProcessExtractor(args.model, args.workers)
    list(pool(docs[: args.workers * 4]))  # warm: every worker has loaded its model
    t = time.perf_counter()
    one = list(extract(docs, nlp))
    single = time.perf_counter() - t
    t = time.perf_counter()
    many = list(pool(docs))
    multi = time.perf_counter() - t
    pool.close()
    assert [e.document.id for e in one] == [e.document.id for e in many]
    assert sum(len(e.relations) for e in one) == sum(len(e.relations) for e in many)
    rows = [["--workers 1", f"{single:.1f}", f"{len(docs) / single:.1f}", f"{n_words / single:.0f}", "1.00"],
            [f"--workers {args.workers}", f"{multi:.1f}", f"{len(docs) / multi:.1f}", f"{n_words / multi:.0f}",
             f"{single / multi:.2f}"]]
    table(f"Extraction on {name}: {len(docs)} docs, {n_words} words; {machine()}",
          ["run", "seconds", "docs/s", "words/s", "speed-up"], rows)


if __name__ == "__main__":
    main()
