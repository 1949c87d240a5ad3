"""--workers and --dask build exactly the graph a single process builds (written in batches of 8
documents, so resolution against the store is at work too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.parallel import DaskExtractor, ProcessExtractor
from kg.pipeline import Options, build
from kg.rdf import n_triples
from kg.store.embedded import EmbeddedStore

DATA = Path(__file__).resolve().parent / "data"
INPUTS = [DATA / "news.gold.jsonl", DATA / "news2.gold.jsonl", DATA / "constructions.gold.jsonl"]


def _graph(tmp_path, name, extractor):
    with EmbeddedStore(tmp_path / name) as store:
        build(INPUTS, store, extractor, options=Options(batch_size=8))
        return store.read_graph()


@pytest.fixture(scope="module")
def local_graph(nlp, tmp_path_factory):
    return _graph(tmp_path_factory.mktemp("local"), "db", nlp)


def _same(a, b):
    assert a.entities == b.entities
    assert n_triples(a) == n_triples(b)  # the full export: names, aliases, relations, evidence, mentions


def test_two_processes_build_the_same_graph(local_graph, tmp_path):
    extractor = ProcessExtractor("fr_core_news_md", 2, chunk_size=4)
    try:
        _same(_graph(tmp_path, "db", extractor), local_graph)
    finally:
        extractor.close()


def test_a_two_worker_dask_cluster_builds_the_same_graph(local_graph, tmp_path):
    extractor = DaskExtractor("local:2", "fr_core_news_md", chunk_size=4)
    try:
        assert extractor.workers == 2
        _same(_graph(tmp_path, "db", extractor), local_graph)
    finally:
        extractor.close()


def test_a_worker_pipeline_takes_the_alias_file(tmp_path):
    from kg.extract import extract
    from kg.extract.parallel import extract_chunk
    from kg.model import Document
    from kg.resolve import load_aliases

    (tmp_path / "aliases.csv").write_text("la firme de Redmond,Microsoft,Company\n", encoding="utf-8")
    aliases = load_aliases(tmp_path / "aliases.csv")
    doc = Document("d", "La firme de Redmond a signé un accord avec OpenAI.")
    (ex,) = extract_chunk([doc], "fr_core_news_md", "fr", aliases)  # as a worker runs it
    assert {"firme de Redmond": "Company"}.items() <= {e.name: e.type for e in ex.entities}.items()
    from kg.extract import load_pipeline
    (same,) = list(extract([doc], load_pipeline(aliases=aliases)))
    assert ex.entities == same.entities and ex.relations == same.relations
