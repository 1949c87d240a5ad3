"""The one data model passed between stages: documents in, entities and relations out.

Plain frozen dataclasses; a spaCy ``Doc`` never leaves :mod:`kg.extract`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from kg.schema import MODALITY_RANK

_DETERMINERS = (
    "le ", "la ", "les ", "l'", "un ", "une ", "des ", "du ", "de la ", "de l'", "d'", "aux ",
    "au ", "the ",
)


@lru_cache(maxsize=1 << 16)
def normalize_name(name: str) -> str:
    """Fold a name for matching: case, accents, apostrophes, hyphens, leading determiners.

    The same folding as the scorer of the schema, so that two names the scorer treats as one
    are one entity here too.
    """
    s = unicodedata.normalize("NFKD", name.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c)).replace("’", "'")
    s = " ".join(s.replace("-", " ").split())
    changed = True
    while changed:
        changed = False
        for d in _DETERMINERS:
            if s.startswith(d):
                s, changed = s[len(d):].lstrip(), True
    return s.strip(" .,;:«»\"'")


def entity_id(entity_type: str, name: str) -> str:
    """Deterministic id of an entity: same type and normalised name, same id, on any machine."""
    key = normalize_name(name)
    digest = hashlib.sha1(f"{entity_type}|{key}".encode()).hexdigest()[:12]
    slug = re.sub(r"[^a-z0-9]+", "-", key).strip("-")[:40] or "x"
    return f"{entity_type.lower()}-{slug}-{digest}"


def content_hash(text: str) -> str:
    """Hash of a document's text, used to skip documents already stored unchanged."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Document:
    """One input article."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    source: str | None = None
    checksum: str | None = None

    @property
    def hash(self) -> str:
        """Content hash of the text (or the one recorded when the text is not at hand)."""
        return self.checksum or content_hash(self.text)


@dataclass(frozen=True)
class Evidence:
    """Where a relation was read: the sentence of a document and how it was read."""

    doc_id: str
    sentence: str
    start: int
    end: int
    modality: str = "asserted"
    confidence: float = 0.5
    construction: str = ""
    resolution: str = ""
    dates: tuple[str, ...] = ()
    #: Set when a build writes it: the ids the document's extraction gave the two ends and the
    #: predicate of its relation there, so that a store can move this sighting alone when a later
    #: build resolves one of those names to another entity. Bookkeeping: not part of equality.
    subject_key: str = field(default="", compare=False)
    object_key: str = field(default="", compare=False)
    predicate: str = field(default="", compare=False)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the form evidence takes in extract files and in the stores)."""
        out = {"doc_id": self.doc_id, "sentence": self.sentence, "start": self.start, "end": self.end,
               "modality": self.modality, "confidence": self.confidence, "construction": self.construction,
               "resolution": self.resolution, "dates": list(self.dates)}
        if self.subject_key:
            out.update(subject_key=self.subject_key, object_key=self.object_key, predicate=self.predicate)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any], doc_id: str = "", modality: str = "asserted",
                  confidence: float = 0.5) -> Evidence:
        return cls(str(d.get("doc_id", doc_id)), d.get("sentence", ""), int(d.get("start", 0)), int(d.get("end", 0)),
                   d.get("modality", modality), float(d.get("confidence", confidence)), d.get("construction", ""),
                   d.get("resolution", ""), tuple(d.get("dates", ())), d.get("subject_key", ""),
                   d.get("object_key", ""), d.get("predicate", ""))


@dataclass(frozen=True)
class Entity:
    """A resolved entity: one node of the graph."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    """A typed relation between two entities, with every piece of evidence for it."""

    subject: str
    type: str
    object: str
    predicate: str
    modality: str
    confidence: float
    evidence: tuple[Evidence, ...] = ()

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.type, self.object)


@dataclass(frozen=True)
class Extraction:
    """What the extractor read in one document."""

    document: Document
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]


@dataclass
class Graph:
    """Entities, relations and documents merged across extractions."""

    documents: dict[str, Document] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: dict[tuple[str, str, str], Relation] = field(default_factory=dict)
    mentions: set[tuple[str, str]] = field(default_factory=set)

    def add(self, extraction: Extraction) -> None:
        """Merge one document's extraction into the graph."""
        self.documents[extraction.document.id] = extraction.document
        for e in extraction.entities:
            self.entities[e.id] = merge_entities(self.entities.get(e.id), e)
            self.mentions.add((e.id, extraction.document.id))
        for r in extraction.relations:
            self.relations[r.key] = merge_relations(self.relations.get(r.key), r)

    def to_networkx(self, documents: bool = False):
        """The graph as a ``networkx.MultiDiGraph``.

        Nodes are entity ids with ``label`` (the entity type), ``name`` and ``aliases``; edges are
        keyed by relation type and carry ``type``, ``predicate``, ``modality``, ``confidence``,
        ``count``, ``doc_ids`` and ``sentences``. With ``documents=True`` the documents are nodes
        too (``label`` ``Document``), linked from the entities they mention by ``MENTIONED_IN``.
        """
        import networkx as nx

        g = nx.MultiDiGraph()
        for e in self.entities.values():
            g.add_node(e.id, label=e.type, name=e.name, aliases=list(e.aliases))
        for r in self.relations.values():
            g.add_edge(r.subject, r.object, key=r.type, type=r.type, predicate=r.predicate,
                       modality=r.modality, confidence=r.confidence, count=len(r.evidence),
                       doc_ids=sorted({e.doc_id for e in r.evidence}),
                       sentences=[e.sentence for e in r.evidence])
        if documents:
            for d in self.documents.values():
                g.add_node(d.id, label="Document", name=d.title or d.id, title=d.title, url=d.url, date=d.date)
            for entity, doc in self.mentions:
                g.add_edge(entity, doc, key="MENTIONED_IN", type="MENTIONED_IN")
        return g


def merge_entities(old: Entity | None, new: Entity) -> Entity:
    """One entity from two sightings: the longer name wins, aliases are united."""
    if old is None:
        return new
    name = max((old.name, new.name), key=lambda n: (len(n), n))
    aliases = sorted({*old.aliases, *new.aliases, old.name, new.name} - {name})
    return Entity(old.id, name, old.type, tuple(aliases))


def merge_relations(old: Relation | None, new: Relation) -> Relation:
    """One relation from two sightings: evidence accumulates, the strongest modality wins.

    Every choice is a function of the sightings, not of their order (the stores make the same
    choices): the modality of highest rank, the greatest predicate among that rank's, the
    highest confidence.
    """
    if old is None:
        return new
    seen = {(e.doc_id, e.start, e.sentence) for e in old.evidence}
    evidence = old.evidence + tuple(e for e in new.evidence if (e.doc_id, e.start, e.sentence) not in seen)
    best = max((old, new), key=lambda r: (MODALITY_RANK[r.modality], r.predicate))
    return Relation(
        old.subject, old.type, old.object, best.predicate, best.modality,
        max(old.confidence, new.confidence), evidence,
    )


def relation_of_evidence(subject: str, rel_type: str, obj: str, evidence: Iterable[Evidence],
                         predicate: str = "") -> Relation:
    """The relation that sightings stamped by a build add up to (as :func:`merge_relations`
    would merge their documents' relations): the strongest modality, the greatest predicate of
    that modality, the highest confidence; evidence in a fixed order."""
    unique = {(e.doc_id, e.start, e.sentence): e for e in evidence}
    ev = tuple(unique[k] for k in sorted(unique))
    best = max(ev, key=lambda e: (MODALITY_RANK[e.modality], e.predicate))
    return Relation(subject, rel_type, obj, best.predicate or predicate, best.modality,
                    max(e.confidence for e in ev), ev)


def stamp(graph: Graph) -> Graph:
    """The graph with each piece of evidence stamped with its relation's ends and predicate (see
    :class:`Evidence`); to call on a batch before its names are resolved."""
    out = Graph(dict(graph.documents), dict(graph.entities), {}, set(graph.mentions))
    for key, r in graph.relations.items():
        ev = tuple(replace(e, subject_key=r.subject, object_key=r.object, predicate=r.predicate) for e in r.evidence)
        out.relations[key] = replace(r, evidence=ev)
    return out
