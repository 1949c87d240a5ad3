"""What every graph store does, written once over a ``run(query, params)`` primitive."""

from __future__ import annotations

import json
import os
import re
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self, TypeVar

from kg.errors import ConfigError
from kg.model import Document, Entity, Graph, Relation, merge_entities, relation_of_evidence
from kg.schema import DOCUMENT_LABEL, ENTITY_TYPES, MENTIONED_IN, RELATION_TYPES
from kg.store import statements as st
from kg.store.batches import BATCH, chunks
from kg.store.names import NameRecords, StoredName

T = TypeVar("T")


@dataclass(frozen=True)
class Counts:
    nodes: int
    relationships: int
    entities: int
    relations: int
    documents: int
    by_label: dict[str, int]
    by_type: dict[str, int]


def plain_value(value: Any) -> Any:
    """A store-independent value: a node or relationship becomes ``{"_label": ..., **properties}``,
    a path ``{"nodes": [...], "relationships": [...]}`` (see :func:`plain_path`).

    Internal ids and unset properties are dropped, so the same graph gives the same rows on
    every store.
    """
    if isinstance(value, dict) and "_NODES" in value and "_RELS" in value:  # LadybugDB's path
        nodes = value["_NODES"]
        ids = {json.dumps(n.get("_ID"), sort_keys=True): n.get("id") for n in nodes}
        ends = [(ids.get(json.dumps(r.get("_SRC"), sort_keys=True)), ids.get(json.dumps(r.get("_DST"), sort_keys=True)))
                for r in value["_RELS"]]
        return plain_path([plain_value(n) for n in nodes], [plain_value(r) for r in value["_RELS"]], ends)
    if isinstance(value, dict):
        label = value.get("_LABEL", value.get("_label"))
        out = {k: plain_value(v) for k, v in value.items() if not k.startswith("_") and v is not None}
        if label is not None:
            out["_label"] = label
        return out
    if isinstance(value, list | tuple):
        return [plain_value(v) for v in value]
    return value


def plain_path(nodes: list[dict[str, Any]], relationships: list[dict[str, Any]],
               ends: list[tuple[Any, Any]]) -> dict[str, Any]:
    """A path as plain data: its nodes in order, and its relationships, each with ``_start`` and
    ``_end``, the ``id`` of the node it leaves and of the node it reaches (a path may walk a
    relationship against its direction)."""
    rels = [{**r, "_start": start, "_end": end} for r, (start, end) in zip(relationships, ends, strict=True)]
    return {"nodes": nodes, "relationships": rels}


_STRING_OR_COMMENT = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL)


def query_parameters(query: str) -> set[str]:
    """The ``$name`` parameters a Cypher query uses (outside strings and comments)."""
    return set(re.findall(r"\$(\w+)", _STRING_OR_COMMENT.sub(" ", query)))


def fault_point(stage: str) -> None:
    """A place where the fault tests stop a writer: nothing happens unless they ask for it.

    With ``KG_FAULT_PAUSE=STAGE`` and ``KG_FAULT_MARKER=PATH`` in its environment, the first
    writer to reach ``STAGE`` creates ``PATH`` and waits while it exists: the test then kills the
    process, stops the server, or removes ``PATH`` to let it go on. Stages, in the order of a
    write: ``documents``, ``relations``, ``commit`` (before the documents' hashes).
    """
    if os.environ.get("KG_FAULT_PAUSE") != stage:
        return
    del os.environ["KG_FAULT_PAUSE"]  # once per process
    marker = Path(os.environ["KG_FAULT_MARKER"])
    marker.write_text(str(os.getpid()), encoding="utf-8")
    while marker.exists():
        time.sleep(0.02)


class GraphStore(NameRecords, ABC):
    """A graph database holding the schema's labels, relationship types and provenance.

    The records of extracted names (:meth:`stored_names`, :meth:`place_names`,
    :meth:`merge_into`) come from :class:`kg.store.names.NameRecords`."""

    kind = "store"

    @abstractmethod
    def run(self, query: str, params: dict[str, Any] | None = None) -> tuple[list[str], list[list[Any]]]:
        """Run one parameterised Cypher statement; return column names and rows."""

    def query(self, query: str, params: dict[str, Any] | None = None,
              write: bool = False) -> tuple[list[str], list[list[Any]]]:
        """Run a user's query: every ``$parameter`` it uses must be given, on every store alike; a
        store that can tell reads from writes refuses writes unless ``write``."""
        params = params or {}
        missing = sorted(query_parameters(query) - set(params))
        if missing:
            raise ConfigError("the query needs " + ", ".join(f"--param {m}=..." for m in missing)
                              + "; give a value for each $parameter it uses")
        return self._user_query(query, params, write)

    def _user_query(self, query: str, params: dict[str, Any], write: bool) -> tuple[list[str], list[list[Any]]]:
        return self.run(query, params)

    @abstractmethod
    def close(self) -> None: ...

    def atomically(self, work: Callable[[], T]) -> T:
        """Run ``work`` (which calls :meth:`run`) in one transaction: all of it is stored or none.

        A store may run ``work`` again after a transient failure, so it must only read and write
        through the store.
        """
        return work()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------------------
    def stored_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        """Content hash of each of ``ids`` already stored as a Document."""
        ids = list(ids)
        out: dict[str, str] = {}
        for batch in chunks(ids):
            _, rows = self.run(st.DOCUMENT_HASHES, {"ids": batch})
            out.update({r[0]: r[1] for r in rows})
        return out

    def counts(self) -> Counts:
        by_label = {}
        for label in (*ENTITY_TYPES, DOCUMENT_LABEL):
            _, rows = self.run(f"MATCH (n:{label}) RETURN count(n)")
            by_label[label] = rows[0][0]
        by_type = {}
        for rtype in (*RELATION_TYPES, MENTIONED_IN):
            _, rows = self.run(f"MATCH ()-[r:{rtype}]->() RETURN count(r)")
            by_type[rtype] = rows[0][0]
        entities = sum(v for k, v in by_label.items() if k != DOCUMENT_LABEL)
        relations = sum(v for k, v in by_type.items() if k != MENTIONED_IN)
        return Counts(sum(by_label.values()), sum(by_type.values()), entities, relations,
                      by_label[DOCUMENT_LABEL], by_label, by_type)

    def read_graph(self) -> Graph:
        """The whole stored graph as the data model (for exports)."""
        graph = Graph()
        _, rows = self.run(st.READ_DOCUMENTS)
        for r in rows:
            graph.documents[r[0]] = Document(r[0], "", r[1], r[2], r[3], r[4], checksum=r[5])
        for label in ENTITY_TYPES:
            _, rows = self.run(st.read_entities(label))
            for r in rows:
                graph.entities[r[0]] = Entity(r[0], r[1], label, tuple(sorted(r[2] or ())))
        for rtype in RELATION_TYPES:
            _, rows = self.run(st.read_relations(rtype))
            for s, o, predicate, modality, confidence, evidence in rows:
                ev = tuple(st.evidence_from_json(e) for e in evidence or ())
                graph.relations[(s, rtype, o)] = Relation(s, rtype, o, predicate, modality, confidence, ev)
        _, rows = self.run(st.READ_MENTIONS)
        graph.mentions.update((r[0], r[1]) for r in rows)
        return graph

    def entities_with_ids(self, label: str, ids: list[str]) -> list[Entity]:
        """The stored entities of one label among ``ids``."""
        _, rows = self.run(st.entities_by_id(label), {"ids": ids})
        return [Entity(r[0], r[1], label, tuple(sorted(r[2] or ()))) for r in rows]

    def all_entities(self) -> list[Entity]:
        """Every stored entity (for reviews such as ``kg duplicates``)."""
        out = []
        for label in ENTITY_TYPES:
            _, rows = self.run(st.all_entities(label))
            out.extend(Entity(r[0], r[1], label, tuple(sorted(r[2] or ()))) for r in rows)
        return out

    # -- writing ---------------------------------------------------------------------------
    def write(self, graph: Graph) -> None:
        """Add a graph of documents: entities merge by id, mentions and evidence merge on their
        sighting, and each document's hash is committed last (see :data:`statements.PENDING`), so
        an interrupted write is finished by writing the same documents again."""
        documents = st.document_rows(graph.documents.values())
        fault_point("documents")
        for batch in chunks(documents):
            self.run(st.MERGE_DOCUMENTS, {"rows": batch})
        for label, rows in st.entity_rows(graph.entities.values()).items():
            for batch in chunks(rows):
                self.run(st.merge_entities(label), {"rows": self._with_old_aliases(label, batch)})
        for label, rows in st.mention_rows(graph).items():
            for batch in chunks(rows):
                self.run(st.merge_mentions(label), {"rows": batch})
        fault_point("relations")
        for (sl, rtype, ol), rows in st.relation_rows(graph).items():
            for batch in chunks(rows):
                unseen = self._unseen_evidence(sl, rtype, ol, batch)
                if unseen:
                    self.run(st.merge_relations(sl, rtype, ol), {"rows": unseen})
        self.commit_documents(documents)

    def _unseen_evidence(self, sl: str, rtype: str, ol: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``rows`` without the sightings their relationships already hold (merged on the sighting,
        so that writing a document again adds nothing); rows left with none are dropped."""
        _, found = self.run(st.stored_evidence(sl, rtype, ol), {"rows": [{"s": r["s"], "o": r["o"]} for r in rows]})
        stored = {(s, o): set(evidence or ()) for s, o, evidence in found}
        out = []
        for row in rows:
            seen = stored.get((row["s"], row["o"]), set())
            keep = [i for i, e in enumerate(row["evidence"]) if e not in seen]
            if len(keep) == len(row["evidence"]):
                out.append(row)
            elif keep:
                out.append({**row, "count": len(keep), "doc_ids": [row["doc_ids"][i] for i in keep],
                            "sentences": [row["sentences"][i] for i in keep],
                            "evidence": [row["evidence"][i] for i in keep]})
        return out

    def commit_documents(self, documents: list[dict[str, Any]]) -> None:
        """Mark documents complete: their hashes, in as few statements as the batch allows."""
        fault_point("commit")
        for batch in chunks(documents, max(BATCH, len(documents))):
            self.run(st.COMMIT_DOCUMENTS, {"rows": batch})

    def remove_documents(self, doc_ids: Iterable[str]) -> None:
        """Take documents out of the graph: their evidence, their mentions and their node.

        A relation left without evidence is deleted, as is an entity left with no mention and no
        relation; what other documents said stays as it was. The records of the names read in
        the document forget it.
        """
        for doc in doc_ids:
            _, rows = self.run(st.RELATIONS_OF_DOCUMENT, {"doc": doc})
            for sl, s, rtype, ol, o, predicate, evidence in rows:
                kept = tuple(e for e in (st.evidence_from_json(x) for x in evidence or ()) if e.doc_id != doc)
                if not kept:
                    self.run(st.delete_relation(sl, rtype, ol), {"rows": [{"s": s, "o": o}]})
                    continue
                rel = relation_of_evidence(s, rtype, o, kept, predicate)
                self.run(st.set_relation(sl, rtype, ol), {"rows": [st.relation_row(rel)]})
            _, held = self.run(st.NAMES_OF_DOCUMENT, {"doc": doc})
            names = sorted({k for (keys,) in held for k in keys or ()})
            forgotten = [StoredName(r.entity, r.docs - {doc}, r.node, r.pin).row()
                         for r in self.stored_names(names, []) if doc in r.docs]
            for batch in chunks(forgotten):
                self.run(st.SET_NAMES, {"rows": batch})
            self.run(st.DELETE_DOCUMENT, {"doc": doc})
        for label in ENTITY_TYPES:
            self.run(st.delete_orphans(label))

    def _with_old_aliases(self, label: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        _, old = self.run(st.existing_entities(label), {"ids": [r["id"] for r in rows]})
        known = {r[0]: Entity(r[0], r[1], label, tuple(r[2] or ())) for r in old}
        out = []
        for row in rows:
            new = Entity(row["id"], row["name"], label, tuple(row["aliases"]))
            merged = merge_entities(known.get(row["id"]), new)
            out.append({"id": merged.id, "name": merged.name, "aliases": list(merged.aliases)})
        return out
