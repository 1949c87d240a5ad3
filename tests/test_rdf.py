from __future__ import annotations

from rdflib import Dataset, Literal, URIRef
from rdflib import Graph as RdfGraph
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

from kg.rdf import SCHEMA, to_rdf, write_rdf
from tests.test_store import HOSTILE, _graph_of


def test_turtle_parses_back_and_round_trips(seed_graph, tmp_path):
    path = tmp_path / "kg.ttl"
    n = write_rdf(seed_graph, path)
    parsed = RdfGraph().parse(path, format="turtle")
    assert len(parsed) == n
    again = tmp_path / "again.ttl"
    parsed.serialize(destination=str(again), format="turtle")
    assert isomorphic(parsed, RdfGraph().parse(again, format="turtle"))
    assert isomorphic(parsed, to_rdf(seed_graph))


def test_entities_typed_labelled_and_relations_plain(seed_graph):
    g = to_rdf(seed_graph)
    microsoft = next(e for e in seed_graph.entities.values() if e.name == "Microsoft")
    tiktok = next(e for e in seed_graph.entities.values() if e.name == "TikTok")
    m = URIRef(f"https://kg.example.org/entity/{microsoft.id}")
    t = URIRef(f"https://kg.example.org/entity/{tiktok.id}")
    assert (m, RDF.type, SCHEMA.Corporation) in g
    assert (m, RDFS.label, Literal("Microsoft", lang="fr")) in g
    assert (m, URIRef("https://kg.example.org/ontology#ACQUIRES"), t) in g
    statements = list(g.subjects(RDF.type, RDF.Statement))
    assert len(statements) == len(seed_graph.relations)


def test_hostile_names_make_valid_rdf(tmp_path):
    graph = _graph_of(HOSTILE)
    for fmt in ("turtle", "nt", "trig", "jsonld"):
        path = tmp_path / f"out.{fmt}"
        write_rdf(graph, path, fmt)
        parsed = (Dataset(default_union=True) if fmt == "trig" else RdfGraph()).parse(
            path, format={"jsonld": "json-ld"}.get(fmt, fmt))
        labels = {str(o) for o in parsed.objects(None, RDFS.label)}
        assert labels == set(HOSTILE)
