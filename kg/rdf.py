"""Stage 5 (files): the graph as RDF through rdflib, one serializer lookup for every format.

Entities are typed with schema.org classes, names are ``rdfs:label``/``schema:name`` with a
language tag, aliases ``skos:altLabel``. Each relation is a plain triple
``subject kgo:TYPE object`` (usable without knowing the provenance) plus a reified
``rdf:Statement`` carrying modality, confidence and PROV-O evidence.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import quote

from rdflib import Graph as RdfGraph
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.model import Graph

DEFAULT_BASE = "https://kg.example.org/"
SCHEMA = Namespace("https://schema.org/")
CLASSES = {
    "Person": SCHEMA.Person,
    "Company": SCHEMA.Corporation,
    "Government": SCHEMA.GovernmentOrganization,
    "Country": SCHEMA.Country,
    "Organization": SCHEMA.Organization,
    "Location": SCHEMA.Place,
}
FORMATS = {"turtle": "turtle", "ttl": "turtle", "trig": "trig", "nt": "nt", "jsonld": "json-ld", "xml": "xml"}


def _iri(base: str, kind: str, key: str) -> URIRef:
    return URIRef(f"{base}{kind}/{quote(key, safe='')}")


def to_rdf(graph: Graph, base: str = DEFAULT_BASE, lang: str = "fr") -> RdfGraph:
    """Build an rdflib graph from the data model."""
    kgo = Namespace(f"{base}ontology#")
    g = RdfGraph()
    g.bind("kgo", kgo)
    g.bind("schema", SCHEMA)
    g.bind("prov", PROV)
    g.bind("skos", SKOS)
    for e in graph.entities.values():
        node = _iri(base, "entity", e.id)
        g.add((node, RDF.type, CLASSES[e.type]))
        g.add((node, RDFS.label, Literal(e.name, lang=lang)))
        g.add((node, SCHEMA.name, Literal(e.name, lang=lang)))
        g.add((node, kgo.id, Literal(e.id)))
        for alias in e.aliases:
            g.add((node, SKOS.altLabel, Literal(alias, lang=lang)))
    for d in graph.documents.values():
        node = _iri(base, "document", d.id)
        g.add((node, RDF.type, PROV.Entity))
        g.add((node, RDF.type, SCHEMA.NewsArticle))
        g.add((node, kgo.id, Literal(d.id)))
        if d.title:
            g.add((node, SCHEMA.headline, Literal(d.title, lang=lang)))
        if d.url:
            g.add((node, SCHEMA.url, Literal(d.url, datatype=XSD.anyURI)))
        if d.date:
            g.add((node, SCHEMA.datePublished, Literal(d.date)))
    for entity, doc in graph.mentions:
        g.add((_iri(base, "entity", entity), SCHEMA.subjectOf, _iri(base, "document", doc)))
    for r in graph.relations.values():
        s, o, p = _iri(base, "entity", r.subject), _iri(base, "entity", r.object), kgo[r.type]
        g.add((s, p, o))
        key = hashlib.sha1("|".join(r.key).encode()).hexdigest()[:16]
        stmt = _iri(base, "statement", key)
        g.add((stmt, RDF.type, RDF.Statement))
        g.add((stmt, RDF.subject, s))
        g.add((stmt, RDF.predicate, p))
        g.add((stmt, RDF.object, o))
        g.add((stmt, kgo.predicate, Literal(r.predicate, lang=lang)))
        g.add((stmt, kgo.modality, Literal(r.modality)))
        g.add((stmt, kgo.confidence, Literal(r.confidence, datatype=XSD.decimal)))
        for ev in r.evidence:
            ev_key = hashlib.sha1(f"{key}|{ev.doc_id}|{ev.start}".encode()).hexdigest()[:16]
            ev_node = _iri(base, "evidence", ev_key)
            g.add((stmt, PROV.wasDerivedFrom, _iri(base, "document", ev.doc_id)))
            g.add((stmt, kgo.evidence, ev_node))
            g.add((ev_node, RDF.type, PROV.Entity))
            g.add((ev_node, PROV.wasDerivedFrom, _iri(base, "document", ev.doc_id)))
            g.add((ev_node, kgo.sentence, Literal(ev.sentence, lang=lang)))
            g.add((ev_node, kgo.start, Literal(ev.start)))
            g.add((ev_node, kgo.end, Literal(ev.end)))
            g.add((ev_node, kgo.modality, Literal(ev.modality)))
            if ev.construction:
                g.add((ev_node, kgo.construction, Literal(ev.construction)))
            if ev.resolution:
                g.add((ev_node, kgo.resolution, Literal(ev.resolution)))
            for date in ev.dates:
                g.add((ev_node, kgo.date, Literal(date, lang=lang)))
    return g


def write_rdf(graph: Graph, destination: str | Path, fmt: str = "turtle", base: str = DEFAULT_BASE) -> int:
    """Serialise ``graph`` to ``destination`` in ``fmt``; return the number of triples."""
    g = to_rdf(graph, base)
    g.serialize(destination=str(destination), format=FORMATS[fmt], encoding="utf-8")
    return len(g)


def write_turtle(graph: Graph, destination: str | Path, base: str = DEFAULT_BASE) -> int:
    return write_rdf(graph, destination, "turtle", base)
