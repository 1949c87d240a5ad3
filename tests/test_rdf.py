from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph as RdfGraph
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS
from typer.testing import CliRunner

from kg.cli import app
from kg.model import Document, Extraction, Graph
from kg.rdf import KGO, ONTOLOGY, SCHEMA, parse_rdf, sparql, to_rdf, validate_file, write_rdf, write_turtle
from kg.schema import RELATION_TYPES
from kg.store.embedded import EmbeddedStore
from tests.test_store import HOSTILE, _graph_of

QUERIES = Path(__file__).resolve().parents[1] / "queries"
runner = CliRunner()


def _parse(path: Path, fmt: str) -> RdfGraph:
    return parse_rdf(path)


def test_turtle_parses_back_and_round_trips(seed_graph, tmp_path):
    path = tmp_path / "kg.ttl"
    n = write_rdf(seed_graph, path)
    parsed = RdfGraph().parse(path, format="turtle")
    assert len(parsed) == n
    again = tmp_path / "again.ttl"
    parsed.serialize(destination=str(again), format="turtle")
    assert isomorphic(parsed, RdfGraph().parse(again, format="turtle"))
    assert isomorphic(parsed, to_rdf(seed_graph))


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nt", "jsonld"])
def test_every_format_written_in_small_chunks_is_the_same_graph(seed_graph, tmp_path, fmt):
    path = tmp_path / f"kg.{fmt}"
    write_rdf(seed_graph, path, fmt, chunk_size=7)
    assert isomorphic(_parse(path, fmt), to_rdf(seed_graph))


def test_entities_typed_labelled_and_relations_plain(seed_graph):
    g = to_rdf(seed_graph)
    microsoft = next(e for e in seed_graph.entities.values() if e.name == "Microsoft")
    tiktok = next(e for e in seed_graph.entities.values() if e.name == "TikTok")
    m = URIRef(f"https://kg.example.org/entity/{microsoft.id}")
    t = URIRef(f"https://kg.example.org/entity/{tiktok.id}")
    assert (m, RDF.type, SCHEMA.Corporation) in g
    assert (m, RDFS.label, Literal("Microsoft", lang="fr")) in g
    assert (m, KGO.ACQUIRES, t) in g
    assert len(list(g.subjects(RDF.type, RDF.Statement))) == len(seed_graph.relations)


def test_base_iri_moves_instances_not_the_vocabulary(seed_graph):
    g = to_rdf(seed_graph, base="http://example.com/news/")
    subjects = {str(s) for s in g.subjects(RDF.type, SCHEMA.Corporation)}
    assert subjects and all(s.startswith("http://example.com/news/entity/") for s in subjects)
    assert any(p == KGO.ACQUIRES for _, p, _ in g)


def test_hostile_names_and_ids_make_valid_rdf(tmp_path):
    graph = _graph_of(HOSTILE, doc_id='doc "1" <x> {y} 🚀 עברית\n')
    for fmt in ("turtle", "nt", "trig", "jsonld"):
        path = tmp_path / f"out.{fmt}"
        write_rdf(graph, path, fmt)
        labels = {str(o) for o in _parse(path, fmt).objects(None, RDFS.label)}
        assert labels == set(HOSTILE)
    conforms, report = validate_file(tmp_path / "out.turtle")
    assert conforms, report


def test_ontology_declares_every_relation_type_in_french_and_english():
    onto = RdfGraph().parse(ONTOLOGY, format="turtle")
    for rtype in RELATION_TYPES:
        langs = {lbl.language for lbl in onto.objects(KGO[rtype], RDFS.label)}
        assert {"fr", "en"} <= langs, rtype


def test_seed_export_validates_and_a_broken_one_does_not(seed_graph, tmp_path):
    good = tmp_path / "kg.ttl"
    write_rdf(seed_graph, good)
    assert validate_file(good) == (True, "Validation Report\nConforms: True\n")
    g = RdfGraph().parse(good, format="turtle")
    stmt = next(g.subjects(RDF.type, RDF.Statement))
    g.remove((stmt, KGO.modality, None))
    g.set((stmt, KGO.confidence, Literal(2.5)))
    bad = tmp_path / "bad.ttl"
    g.serialize(destination=str(bad), format="turtle")
    conforms, report = validate_file(bad)
    assert not conforms
    assert "modality" in report and "confidence" in report
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 5 and "[K600]" in result.stderr
    assert runner.invoke(app, ["validate", str(good)]).exit_code == 0


def _normal(rows):
    return sorted(tuple(round(v, 6) if isinstance(v, float) else v for v in row) for row in rows)


@pytest.mark.parametrize("rq", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.name)
def test_sparql_and_cypher_agree_on_the_seed(seed_store, seed_graph, tmp_path, rq):
    ttl = tmp_path / "kg.ttl"
    write_rdf(seed_graph, ttl)
    params = {"name": "Microsoft"}
    s_cols, s_rows = sparql(rq.read_text(encoding="utf-8"), ttl, params)
    cypher = rq.with_suffix(".cypher").read_text(encoding="utf-8")
    with EmbeddedStore(seed_store, read_only=True) as store:
        c_cols, c_rows = store.run(cypher, {k: v for k, v in params.items() if f"${k}" in cypher})
    common = [c for c in s_cols if c in c_cols]
    assert common == s_cols, "every SPARQL column has a Cypher twin"
    pick = lambda cols, rows: [[row[cols.index(c)] for c in common] for row in rows]
    assert _normal(pick(s_cols, s_rows)) == _normal(pick(c_cols, c_rows))
    assert s_rows or rq.stem == "government_actions"


def test_export_from_an_extract_file(seed_dir, tmp_path):
    extract_file = tmp_path / "p.jsonl"
    assert runner.invoke(app, ["extract", str(seed_dir), "-o", str(extract_file)]).exit_code == 0
    out = tmp_path / "kg.nt"
    result = runner.invoke(app, ["export", "--from", str(extract_file), "--format", "nt", "-o", str(out)])
    assert result.exit_code == 0
    assert len(RdfGraph().parse(out, format="nt")) > 100
    assert validate_file(out)[0]


def test_empty_graph_exports_an_empty_valid_file(tmp_path):
    graph = Graph()
    graph.add(Extraction(Document("d", "t"), (), ()))
    path = tmp_path / "empty.ttl"
    write_rdf(graph, path)
    assert validate_file(path)[0]


def test_read_rdf_gives_back_the_graph(seed_graph, tmp_path):
    from kg.rdf import read_rdf

    for fmt in ("turtle", "jsonld"):
        path = tmp_path / f"kg.{'ttl' if fmt == 'turtle' else fmt}"
        write_rdf(seed_graph, path, fmt)
        back = read_rdf(path)
        assert back.entities == seed_graph.entities
        assert back.mentions == seed_graph.mentions
        assert {k: (r.modality, r.predicate, set(r.evidence)) for k, r in back.relations.items()} == \
            {k: (r.modality, r.predicate, set(r.evidence)) for k, r in seed_graph.relations.items()}
        assert {d.hash for d in back.documents.values()} == {d.hash for d in seed_graph.documents.values()}


def test_golden_file(tmp_path):
    """A fixed small graph exports to the committed golden file (compared by isomorphism)."""
    graph = _graph_of(["Alpha SA", "Bêta & Cie", 'Gamma "G"'], doc_id="golden-1")
    path = tmp_path / "out.ttl"
    write_turtle(graph, path)
    golden = Path(__file__).resolve().parent / "data" / "golden.ttl"
    assert isomorphic(RdfGraph().parse(path, format="turtle"), RdfGraph().parse(golden, format="turtle"))
