"""The embedded store (real LadybugDB): idempotent builds, queries, exact round trips."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from kg.model import Document, Entity, Evidence, Extraction, Graph, Relation, entity_id
from kg.pipeline import build
from kg.store.embedded import EmbeddedStore

QUERIES = sorted((Path(__file__).resolve().parents[1] / "queries").glob("*.cypher"))
PARAMS = {"name": "Microsoft", "from": "Satya Nadella", "to": "TikTok", "doc": "seed-001"}
#: Neo4j forms the embedded store translates (queries/README.md); tests/test_neo4j.py compares both stores.
NEO4J_FORMS = [
    # entities only: the store's bookkeeping nodes (ExtractedName, NameKey) share names with them
    ("MATCH (n)-[:MENTIONED_IN]->(d) WHERE NOT n:Document RETURN n.name AS name, labels(n) AS labels "
     "ORDER BY name"),
    "MATCH (n) WHERE n:Company|Person RETURN labels(n)[0] AS kind, count(*) AS n ORDER BY kind",
    ("MATCH (n)-[r]->(m) WHERE type(r) = 'OPERATES_IN' AND 'Company' IN labels(n) RETURN n.name AS n, "
     "m.name AS m ORDER BY n, m"),
    "MATCH (c:Company) RETURN c.name AS c ORDER BY c DESC LIMIT 3",
    "MATCH (n:Company) WHERE n.name = 'n:Document' RETURN n.name AS name",
]


def test_second_build_adds_nothing(nlp, seed_dir, tmp_path):
    with EmbeddedStore(tmp_path / "db") as store:
        first = build([seed_dir], store, nlp)
        counts1 = store.counts()
        second = build([seed_dir], store, nlp)
        counts2 = store.counts()
    assert first.extracted == 1 and second.extracted == 0 and second.unchanged == 1
    assert counts1.entities > 10 and counts1.relations > 10
    assert counts2 == counts1


def test_store_holds_the_extracted_graph(seed_store, seed_graph):
    with EmbeddedStore(seed_store, read_only=True) as store:
        stored = store.read_graph()
    assert set(stored.entities) == set(seed_graph.entities)
    assert set(stored.relations) == set(seed_graph.relations)
    for key, rel in seed_graph.relations.items():
        assert stored.relations[key].evidence == rel.evidence
        assert stored.relations[key].modality == rel.modality


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_every_query_file_runs(seed_store, query):
    text = query.read_text(encoding="utf-8")
    params = {k: v for k, v in PARAMS.items() if f"${k}" in text}
    with EmbeddedStore(seed_store, read_only=True) as store:
        columns, _rows = store.run(text, params)
    assert columns
    assert text.lstrip().startswith("//"), "each query file starts with a comment saying what it answers"


@pytest.mark.parametrize("query", NEO4J_FORMS)
def test_neo4j_forms_run_on_the_embedded_store(seed_store, query):
    with EmbeddedStore(seed_store, read_only=True) as store:
        columns, rows = store.query(query)
    assert columns
    if "NOT n:Document" in query:
        assert rows and all(isinstance(r[1], list) and r[1][0] != "Document" for r in rows)


def test_example_queries_answer_on_the_seed(seed_store):
    with EmbeddedStore(seed_store, read_only=True) as store:
        _, leaders = store.run(QUERIES[0].parent.joinpath("leaders.cypher").read_text())
        _, about = store.run(QUERIES[0].parent.joinpath("entity.cypher").read_text(), {"name": "microsoft"})
    assert ["Satya Nadella", "Company", "Microsoft"] == leaders[0][:3]
    assert any(row[1] == "ACQUIRES" and row[3] == "TikTok" for row in about)


HOSTILE = ['Quote " and \' apostrophe', "Back`tick` {brace} $param", "New\nline\tand tab", "Emoji 🚀 עברית", "MATCH (n) DETACH DELETE n"]


def _graph_of(names: list[str], doc_id: str = "h") -> Graph:
    graph = Graph()
    entities = [Entity(entity_id("Company", n), n, "Company", (n + " alias",)) for n in names]
    relations = [
        Relation(a.id, "PARTNERS_WITH", b.id, "accord", "asserted", 0.5,
                 (Evidence(doc_id, f"{a.name} et {b.name}", 0, 3),))
        for a, b in itertools.pairwise(entities)
    ]
    graph.add(Extraction(Document(doc_id, "x"), tuple(entities), tuple(relations)))
    return graph


def test_hostile_names_round_trip_exactly(tmp_path):
    with EmbeddedStore(tmp_path / "db") as store:
        store.write(_graph_of(HOSTILE))
        stored = store.read_graph()
        _, rows = store.run("MATCH (c:Company) WHERE c.name = $name RETURN c.name", {"name": HOSTILE[1]})
    assert sorted(e.name for e in stored.entities.values()) == sorted(HOSTILE)
    assert rows == [[HOSTILE[1]]]
    assert len(stored.relations) == len(HOSTILE) - 1


def test_evidence_accumulates_on_one_relationship(tmp_path):
    with EmbeddedStore(tmp_path / "db") as store:
        store.write(_graph_of(["A", "B"], "d1"))
        store.write(_graph_of(["A", "B"], "d2"))
        _, rows = store.run("MATCH ()-[r:PARTNERS_WITH]->() RETURN r.count, r.doc_ids")
    assert rows == [[2, ["d1", "d2"]]]


def test_bad_query_is_a_coded_error(seed_store):
    from kg.errors import QueryError

    with EmbeddedStore(seed_store, read_only=True) as store, pytest.raises(QueryError) as info:
        store.run("MATCH (n RETURN n")
    assert str(info.value).startswith("[K301]")


def replace_scenario(store, nlp, tmp_path):
    """Build two documents, change one, build again: what the old version alone said is gone."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Renault a racheté Nissan. Le groupe Renault est basé en France.", encoding="utf-8")
    (docs / "b.txt").write_text("Renault a racheté Nissan selon la presse.", encoding="utf-8")
    build([docs], store, nlp)
    (docs / "a.txt").write_text("Renault a vendu Dacia.", encoding="utf-8")
    report = build([docs], store, nlp)
    after = store.read_graph()
    assert report.replaced == 1 and report.unchanged == 1
    names = {e.id: e.name for e in after.entities.values()}
    triples = {(names[s], t, names[o]) for s, t, o in after.relations}
    assert ("Renault", "SELLS", "Dacia") in triples
    acquires = next(r for r in after.relations.values() if r.type == "ACQUIRES")
    assert {e.doc_id for e in acquires.evidence} == {"b"}, "the old version's evidence is gone"
    assert not any(t == "BASED_IN" for _, t, _ in triples), "a relation only the old version stated is gone"
    assert "France" not in names.values(), "an entity only the old version named is gone"
    assert len(after.documents) == store.counts().documents == 2


def test_a_changed_document_replaces_its_old_evidence(nlp, tmp_path):
    with EmbeddedStore(tmp_path / "db") as store:
        replace_scenario(store, nlp, tmp_path)
