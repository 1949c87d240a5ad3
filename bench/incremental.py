"""Second build of an unchanged corpus against the first, side by side in one run.

    python -m bench.incremental [CORPUS] [--model fr_core_news_md]

The first build extracts and writes everything into a new embedded store; the second reads the
same documents, finds every content hash already stored, parses nothing and writes nothing.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.common import corpus, machine, table
from kg.extract import load_pipeline
from kg.pipeline import build
from kg.store.embedded import EmbeddedStore


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?")
    ap.add_argument("--model", default="fr_core_news_md")
    args = ap.parse_args()
    docs, name = corpus(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"
        import json

        with src.open("w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False) + "\n")
        nlp = load_pipeline(args.model)
        with EmbeddedStore(Path(tmp) / "db") as store:
            t = time.perf_counter()
            first = build([src], store, nlp)
            t1 = time.perf_counter() - t
            counts = store.counts()
            t = time.perf_counter()
            second = build([src], store, nlp)
            t2 = time.perf_counter() - t
            assert second.extracted == 0 and second.unchanged == len(docs), "the second run wrote nothing"
            assert store.counts() == counts
    rows = [["first build", f"{t1:.2f}", first.extracted, "1.0"],
            ["second build (unchanged)", f"{t2:.2f}", second.extracted, f"{t1 / t2:.1f}"]]
    table(f"Incremental build on {name}: {len(docs)} docs; {machine()}",
          ["run", "seconds", "documents extracted", "faster than first"], rows)


if __name__ == "__main__":
    main()
