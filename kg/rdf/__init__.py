"""Stage 5 (files): the graph as RDF through rdflib, one serializer lookup for every format.

Entities are typed with schema.org classes, names are ``rdfs:label``/``schema:name`` with a
language tag, aliases ``skos:altLabel``. Each relation is a plain triple
``subject kgo:TYPE object`` (usable without knowing the provenance) plus a reified
``rdf:Statement`` carrying modality, confidence and PROV-O evidence: each piece of evidence is a
``prov:Entity`` with the sentence, its offsets and dates, ``prov:wasDerivedFrom`` its document.

The vocabulary (``kgo:``, see ``ontology.ttl``) has a fixed namespace; ``base`` only places the
instance IRIs (entities, documents, statements, evidence).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO
from urllib.parse import quote

from rdflib import Graph as RdfGraph
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.model import Document, Entity, Graph, Relation

DEFAULT_BASE = "https://kg.example.org/"
KGO = Namespace("https://kg.example.org/ontology#")
SCHEMA = Namespace("https://schema.org/")
HERE = Path(__file__).resolve().parent
ONTOLOGY = HERE / "ontology.ttl"
SHAPES = HERE / "shapes.ttl"
CLASSES = {
    "Person": SCHEMA.Person,
    "Company": SCHEMA.Corporation,
    "Government": SCHEMA.GovernmentOrganization,
    "Country": SCHEMA.Country,
    "Organization": SCHEMA.Organization,
    "Location": SCHEMA.Place,
}
#: Our format names -> rdflib's.
FORMATS = {"turtle": "turtle", "trig": "trig", "nt": "nt", "jsonld": "json-ld"}
CHUNK = 20_000


def entity_iri(base: str, entity_id: str) -> URIRef:
    return URIRef(f"{base}entity/{quote(entity_id, safe='')}")


def document_iri(base: str, doc_id: str) -> URIRef:
    """Any document id (quotes, spaces, emoji, right-to-left text) gives a valid IRI."""
    return URIRef(f"{base}document/{quote(doc_id, safe='')}")


def _new_graph() -> RdfGraph:
    g = RdfGraph()
    for prefix, ns in (("kgo", KGO), ("schema", SCHEMA), ("prov", PROV), ("skos", SKOS)):
        g.bind(prefix, ns)
    return g


def _add_entity(g: RdfGraph, e: Entity, base: str, lang: str) -> None:
    node = entity_iri(base, e.id)
    g.add((node, RDF.type, CLASSES[e.type]))
    g.add((node, RDFS.label, Literal(e.name, lang=lang)))
    g.add((node, SCHEMA.name, Literal(e.name, lang=lang)))
    g.add((node, KGO.id, Literal(e.id)))
    for alias in e.aliases:
        g.add((node, SKOS.altLabel, Literal(alias, lang=lang)))


def _add_document(g: RdfGraph, d: Document, base: str, lang: str) -> None:
    node = document_iri(base, d.id)
    g.add((node, RDF.type, PROV.Entity))
    g.add((node, RDF.type, SCHEMA.NewsArticle))
    g.add((node, KGO.id, Literal(d.id)))
    if d.title:
        g.add((node, SCHEMA.headline, Literal(d.title, lang=lang)))
    if d.url:
        g.add((node, SCHEMA.url, Literal(d.url, datatype=XSD.anyURI)))
    if d.date:
        g.add((node, SCHEMA.datePublished, Literal(d.date)))
    g.add((node, KGO.contentHash, Literal(d.hash)))


def _add_relation(g: RdfGraph, r: Relation, base: str, lang: str) -> None:
    s, o, p = entity_iri(base, r.subject), entity_iri(base, r.object), KGO[r.type]
    g.add((s, p, o))
    key = hashlib.sha1("|".join(r.key).encode()).hexdigest()[:16]
    stmt = URIRef(f"{base}statement/{key}")
    g.add((stmt, RDF.type, RDF.Statement))
    g.add((stmt, RDF.subject, s))
    g.add((stmt, RDF.predicate, p))
    g.add((stmt, RDF.object, o))
    g.add((stmt, KGO.predicate, Literal(r.predicate, lang=lang)))
    g.add((stmt, KGO.modality, Literal(r.modality)))
    g.add((stmt, KGO.confidence, Literal(r.confidence, datatype=XSD.decimal)))
    for ev in r.evidence:
        ev_key = hashlib.sha1(f"{key}|{ev.doc_id}|{ev.start}|{ev.sentence}".encode()).hexdigest()[:16]
        node = URIRef(f"{base}evidence/{ev_key}")
        doc = document_iri(base, ev.doc_id)
        g.add((stmt, PROV.wasDerivedFrom, doc))
        g.add((stmt, KGO.evidence, node))
        g.add((node, RDF.type, PROV.Entity))
        g.add((node, PROV.wasDerivedFrom, doc))
        g.add((node, KGO.sentence, Literal(ev.sentence, lang=lang)))
        g.add((node, KGO.start, Literal(ev.start)))
        g.add((node, KGO.end, Literal(ev.end)))
        g.add((node, KGO.modality, Literal(ev.modality)))
        g.add((node, KGO.confidence, Literal(ev.confidence, datatype=XSD.decimal)))
        if ev.construction:
            g.add((node, KGO.construction, Literal(ev.construction)))
        if ev.resolution:
            g.add((node, KGO.resolution, Literal(ev.resolution)))
        for date in ev.dates:
            g.add((node, KGO.date, Literal(date, lang=lang)))


def _chunks(graph: Graph, base: str, lang: str, size: int) -> Iterator[RdfGraph]:
    """The graph as a sequence of small rdflib graphs, so that no full copy is ever built."""
    g, n = _new_graph(), 0
    items: Iterable[tuple[object, object]] = (
        *((_add_entity, e) for e in graph.entities.values()),
        *((_add_document, d) for d in graph.documents.values()),
        *((_add_relation, r) for r in graph.relations.values()),
    )
    for add, item in items:
        add(g, item, base, lang)  # type: ignore[operator]
        n += 1
        if n >= size:
            yield g
            g, n = _new_graph(), 0
    for entity, doc in sorted(graph.mentions):
        g.add((entity_iri(base, entity), SCHEMA.subjectOf, document_iri(base, doc)))
    yield g


def to_rdf(graph: Graph, base: str = DEFAULT_BASE, lang: str = "fr") -> RdfGraph:
    """The whole graph as one rdflib graph (for tests and small graphs)."""
    out = _new_graph()
    for chunk in _chunks(graph, base, lang, CHUNK):
        out += chunk
    return out


def write_rdf(graph: Graph, destination: str | Path | IO[str], fmt: str = "turtle", base: str = DEFAULT_BASE,
              lang: str = "fr", chunk_size: int = CHUNK, advance: Callable[[int], None] | None = None) -> int:
    """Serialise ``graph`` to ``destination`` (a path, or an open text stream) chunk by chunk;
    return the number of triples written. ``advance`` is called with the triples of each chunk.

    Turtle, TriG and N-Triples chunks are concatenated (each repeats its prefixes, which the
    formats allow); JSON-LD chunks are written as one expanded JSON-LD array.
    """
    if hasattr(destination, "write"):
        return _write_rdf(graph, destination, fmt, base, lang, chunk_size, advance)  # type: ignore[arg-type]
    with open(destination, "w", encoding="utf-8") as out:  # type: ignore[arg-type]
        return _write_rdf(graph, out, fmt, base, lang, chunk_size, advance)


def _write_rdf(graph: Graph, out: IO[str], fmt: str, base: str, lang: str, chunk_size: int,
               advance: Callable[[int], None] | None) -> int:
    rdflib_format = FORMATS[fmt]
    count = 0
    if fmt == "jsonld":
        out.write("[")
    first = True
    for chunk in _chunks(graph, base, lang, chunk_size):
        count += len(chunk)
        first = _write_chunk(out, chunk, rdflib_format, first)
        if advance:
            advance(len(chunk))
    if fmt == "jsonld":
        out.write("]\n")
    return count


def _write_chunk(out: IO[str], chunk: RdfGraph, rdflib_format: str, first: bool) -> bool:
    text = chunk.serialize(format=rdflib_format)
    if rdflib_format != "json-ld":
        out.write(text if text.endswith("\n") else text + "\n")
        return False
    nodes = json.loads(text)
    nodes = nodes.get("@graph", [nodes]) if isinstance(nodes, dict) else nodes
    for node in nodes:
        if not first:
            out.write(",\n")
        out.write(json.dumps(node, ensure_ascii=False))
        first = False
    return first


def n_triples(graph: Graph, base: str = DEFAULT_BASE) -> list[str]:
    """The graph's N-Triples export as sorted lines: two graphs are the same graph when these are
    equal (every IRI is made from content, there are no blank nodes)."""
    lines: set[str] = set()
    for chunk in _chunks(graph, base, "fr", CHUNK):
        lines.update(line for line in chunk.serialize(format="nt").splitlines() if line.strip())
    return sorted(lines)


def write_turtle(graph: Graph, destination: str | Path, base: str = DEFAULT_BASE) -> int:
    return write_rdf(graph, destination, "turtle", base)


def read_rdf(path: str | Path) -> Graph:
    """The data model back from an export: the inverse of :func:`write_rdf` (any format)."""
    from kg.model import Evidence

    g = parse_rdf(path)
    types = {cls: name for name, cls in CLASSES.items()}
    graph = Graph()
    ids: dict[object, str] = {}
    for cls, etype in types.items():
        for node in g.subjects(RDF.type, cls):
            eid = str(g.value(node, KGO.id))
            ids[node] = eid
            aliases = tuple(sorted(str(a) for a in g.objects(node, SKOS.altLabel)))
            graph.entities[eid] = Entity(eid, str(g.value(node, RDFS.label)), etype, aliases)
    docs: dict[object, str] = {}
    for node in g.subjects(RDF.type, SCHEMA.NewsArticle):
        did = str(g.value(node, KGO.id))
        docs[node] = did
        opt = lambda p, n=node: None if g.value(n, p) is None else str(g.value(n, p))
        graph.documents[did] = Document(did, "", opt(SCHEMA.headline), opt(SCHEMA.url), opt(SCHEMA.datePublished),
                                        checksum=opt(KGO.contentHash))
    for entity, _, doc in g.triples((None, SCHEMA.subjectOf, None)):
        graph.mentions.add((ids[entity], docs[doc]))
    for stmt in g.subjects(RDF.type, RDF.Statement):
        rtype = str(g.value(stmt, RDF.predicate)).rsplit("#", 1)[-1]
        s, o = ids[g.value(stmt, RDF.subject)], ids[g.value(stmt, RDF.object)]
        evidence = []
        for ev in g.objects(stmt, KGO.evidence):
            evidence.append(Evidence(
                docs[g.value(ev, PROV.wasDerivedFrom)], str(g.value(ev, KGO.sentence)), int(g.value(ev, KGO.start)),
                int(g.value(ev, KGO.end)), str(g.value(ev, KGO.modality)), float(g.value(ev, KGO.confidence)),
                str(g.value(ev, KGO.construction) or ""), str(g.value(ev, KGO.resolution) or ""),
                tuple(sorted(str(d) for d in g.objects(ev, KGO.date)))))
        evidence.sort(key=lambda e: (e.doc_id, e.start, e.sentence))
        graph.relations[(s, rtype, o)] = Relation(
            s, rtype, o, str(g.value(stmt, KGO.predicate)), str(g.value(stmt, KGO.modality)),
            float(g.value(stmt, KGO.confidence)), tuple(evidence))
    return graph


def validate_file(path: str | Path, shapes: str | Path = SHAPES) -> tuple[bool, str]:
    """Validate an RDF file against the SHACL shapes; return (conforms, readable report)."""
    from pyshacl import validate

    data = parse_rdf(path)
    conforms, _, text = validate(data, shacl_graph=RdfGraph().parse(shapes, format="turtle"), inference="none",
                                 allow_warnings=True)
    return bool(conforms), str(text)


def parse_rdf(path: str | Path) -> RdfGraph:
    """Parse an RDF file of any of our formats (guessed from its suffix)."""
    from rdflib import Dataset

    from kg.errors import InputError

    suffix = Path(path).suffix.lower()
    fmt = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".jsonld": "json-ld", ".json": "json-ld"}.get(suffix, "turtle")
    try:
        if fmt == "trig":
            ds = Dataset(default_union=True)
            ds.parse(path, format="trig")
            g = _new_graph()
            for s, p, o, _ in ds.quads():
                g.add((s, p, o))
            return g
        return RdfGraph().parse(path, format=fmt)
    except (OSError, ValueError, SyntaxError) as exc:
        raise InputError(f"{path}: not readable as {fmt} ({exc.__class__.__name__}: {str(exc)[:200]}); "
                         "give a file written by `kg export`") from exc
    except Exception as exc:  # rdflib's parsers raise their own exception types
        raise InputError(f"{path}: not valid {fmt} ({str(exc)[:200]}); give a file written by `kg export`") from exc


def sparql(query: str, path: str | Path, bindings: dict[str, object] | None = None) -> tuple[list[str], list[list[object]]]:
    """Run a SPARQL query on an RDF file; literals come back as Python values."""
    from kg.errors import QueryError

    g = parse_rdf(path)
    init = {k: Literal(v) for k, v in (bindings or {}).items()}
    try:
        result = g.query(query, initBindings=init, initNs={"kgo": KGO, "schema": SCHEMA, "prov": PROV,
                                                            "rdfs": RDFS, "skos": SKOS, "rdf": RDF})
    except Exception as exc:  # pyparsing and rdflib errors: a bad query
        raise QueryError(f"SPARQL query rejected: {str(exc)[:300]}") from exc
    columns = [str(v) for v in result.vars]
    return columns, [[_python(v) for v in row] for row in result]


def _python(value: object) -> object:
    """A JSON-friendly Python value for a SPARQL result term."""
    from decimal import Decimal

    if value is None:
        return None
    if isinstance(value, Literal):
        value = value.toPython()
        return float(value) if isinstance(value, Decimal) else value
    return str(value)
