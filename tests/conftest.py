from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():
    """The real French pipeline with the kg_relations component, loaded once."""
    from kg.extract import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_graph(nlp, seed_dir):
    """The seed articles extracted into the data model."""
    from kg.extract import extract
    from kg.model import Graph
    from kg.read import read_documents

    graph = Graph()
    for ex in extract([d for d in read_documents([seed_dir])], nlp):
        graph.add(ex)
    return graph


@pytest.fixture(scope="session")
def seed_store(nlp, seed_dir, tmp_path_factory):
    """An embedded store built from seeds/ (read-only use in tests)."""
    from kg.pipeline import build
    from kg.store.embedded import EmbeddedStore

    path = tmp_path_factory.mktemp("seed-db") / "db"
    with EmbeddedStore(path) as store:
        build([seed_dir], store, nlp)
    return path
