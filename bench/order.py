"""Order and batch independence: one build against the same articles in increments, side by side.

    python -m bench.order [CORPUS] [--articles 300] [--increments 10] [--store embedded|neo4j]

The articles are extracted once; then they are written into a new store in one build, and into
another store in ``--increments`` builds in reverse order (the last articles first). Both stores
are exported to N-Triples and the exports compared line by line; the counts by label are printed."""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.common import corpus, machine, table
from kg.extract import extract, load_pipeline
from kg.model import Extraction
from kg.pipeline import load
from kg.rdf import n_triples
from kg.store import GraphStore


def split(items: list, parts: int) -> list[list]:
    """``items`` in ``parts`` consecutive slices of nearly equal size."""
    size, extra = divmod(len(items), parts)
    out, start = [], 0
    for i in range(parts):
        end = start + size + (i < extra)
        out.append(items[start:end])
        start = end
    return [p for p in out if p]


def exported(store: GraphStore) -> list[str]:
    """The store's N-Triples export, sorted (each triple is one line)."""
    return n_triples(store.read_graph())


@contextmanager
def fresh_store(kind: str, directory: Path) -> Iterator[GraphStore]:
    """A new empty store: an embedded one in ``directory``, or the Neo4j server of the
    environment wiped (its data is deleted)."""
    if kind == "embedded":
        from kg.store.embedded import EmbeddedStore

        with EmbeddedStore(directory) as store:
            yield store
        return
    from kg.store.neo4j import Neo4jStore

    with Neo4jStore.from_env() as store:
        store.run("MATCH (n) DETACH DELETE n")
        yield store


def build_in_parts(extractions: list[Extraction], parts: list[list[Extraction]], kind: str,
                   directory: Path) -> tuple[list[str], dict[str, int]]:
    del extractions
    directory.mkdir(parents=True, exist_ok=True)
    with fresh_store(kind, directory / "db") as store:
        for part in parts:
            load(part, store)
        counts = {k: v for k, v in store.counts().by_label.items() if v}
        return exported(store), counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--increments", type=int, default=10)
    ap.add_argument("--store", default="embedded", choices=["embedded", "neo4j"])
    ap.add_argument("--model", default="fr_core_news_md")
    ap.add_argument("--extractions", help="Read the extractions from this `kg extract` file instead of parsing.")
    args = ap.parse_args()
    if args.extractions:
        from kg.jsonl import read_extractions

        with open(args.extractions, encoding="utf-8") as f:
            extractions = list(read_extractions(f))[:args.articles]
        docs, name = [ex.document for ex in extractions], args.extractions
    else:
        docs, name = corpus(args.corpus)
        docs = docs[:args.articles]
        nlp = load_pipeline(args.model)
        t = time.perf_counter()
        extractions = list(extract(docs, nlp))
        print(f"extracted {len(docs)} articles in {time.perf_counter() - t:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        t = time.perf_counter()
        whole, whole_counts = build_in_parts(extractions, [extractions], args.store, root / "whole")
        t_whole = time.perf_counter() - t
        parts = list(reversed(split(extractions, args.increments)))
        t = time.perf_counter()
        inc, inc_counts = build_in_parts(extractions, parts, args.store, root / "inc")
        t_inc = time.perf_counter() - t
    labels = sorted(set(whole_counts) | set(inc_counts))
    rows = [[label, whole_counts.get(label, 0), inc_counts.get(label, 0)] for label in labels]
    rows.append(["N-Triples lines", len(whole), len(inc)])
    rows.append(["write seconds", f"{t_whole:.1f}", f"{t_inc:.1f}"])
    table(f"{len(docs)} articles of {name} on the {args.store} store: one build vs {args.increments} reversed "
          f"increments; {machine()}", ["", "one build", "increments"], rows)
    missing, extra = sorted(set(whole) - set(inc)), sorted(set(inc) - set(whole))
    print(f"\nN-Triples exports identical: {whole == inc}")
    for line in missing[:20]:
        print("  only in one build:", line[:300])
    for line in extra[:20]:
        print("  only in increments:", line[:300])


if __name__ == "__main__":
    main()
