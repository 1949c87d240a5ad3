"""What every graph store does, written once over a ``run(query, params)`` primitive."""

from __future__ import annotations

import json
import os
import re
import time
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self, TypeVar

from kg.errors import ConfigError
from kg.model import Document, Entity, Graph, Relation, merge_entities, relation_of_evidence
from kg.resolve import name_keys
from kg.schema import DOCUMENT_LABEL, ENTITY_TYPES, MENTIONED_IN, RELATION_TYPES, label_of
from kg.store import statements as st

T = TypeVar("T")

BATCH = 1000


@dataclass(frozen=True)
class StoredName:
    """A name as extraction made it (its id, every form seen), the documents it was read in and
    the entity node it is part of."""

    entity: Entity
    docs: set[str]
    node: str | None
    #: The entity a person placed it in with ``kg merge``: later builds keep it there.
    pin: str | None = None

    def row(self) -> dict[str, Any]:
        return {"id": self.entity.id, "name": self.entity.name, "aliases": sorted(self.entity.aliases),
                "docs": sorted(self.docs), "node": self.node, "pin": self.pin}


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


def chunks(rows: list[Any], size: int = BATCH) -> Iterator[list[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


class GraphStore(ABC):
    """A graph database holding the schema's labels, relationship types and provenance."""

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

    def stored_names(self, ids: Iterable[str], keys: Iterable[str]) -> list[StoredName]:
        """Extracted names stored under one of ``ids`` or indexed under one of the name ``keys``
        (:func:`kg.resolve.name_keys`): index lookups only, never a scan."""
        wanted = set(ids)
        for batch in chunks(sorted(set(keys))):
            _, rows = self.run(st.READ_NAME_KEYS, {"keys": batch})
            for _, found in rows:
                wanted.update(found or ())
        out = []
        for batch in chunks(sorted(wanted)):
            _, rows = self.run(st.READ_NAMES, {"ids": batch})
            for entity_id, name, aliases, docs, node, pin in rows:
                label = label_of(entity_id)
                if label is not None:
                    out.append(StoredName(Entity(entity_id, name, label, tuple(aliases or ())), set(docs or ()), node,
                                          pin))
        return out

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

    def _index_names(self, names: Iterable[Entity]) -> None:
        """Add extracted names to the name index (read, unite, write: the embedded store has one
        writer). Ids of names gone since stay behind: lookups skip what they no longer find."""
        wanted: dict[str, set[str]] = defaultdict(set)
        for e in names:
            for key in name_keys(e):
                wanted[key].add(e.id)
        rows = []
        for batch in chunks(sorted(wanted)):
            _, found = self.run(st.READ_NAME_KEYS, {"keys": batch})
            stored = {k: set(ids or ()) for k, ids in found}
            rows.extend({"key": k, "ids": sorted(wanted[k] | stored.get(k, set()))} for k in batch
                        if not wanted[k] <= stored.get(k, set()))
        for batch in chunks(rows):
            self.run(st.SET_NAME_KEYS, {"rows": batch})

    def place_names(self, batch: Graph, stored: list[StoredName], placement: dict[str, Entity]) -> None:
        """Record where every name of a resolved batch went, and move stored names that the batch
        placed elsewhere (with their mentions and the evidence read on them), so that the store
        holds what one build of every document would hold. Call it inside :meth:`atomically`,
        after :meth:`write` of the resolved batch.
        """
        records = {s.entity.id: s for s in stored}
        docs: dict[str, set[str]] = defaultdict(set)
        for entity_id, doc in batch.mentions:
            docs[entity_id].add(doc)
        touched: dict[str, Entity] = {}
        moves = []
        for e in batch.entities.values():
            old = records.get(e.id)
            node = placement.get(e.id, e)
            if old is not None and old.node and old.node != node.id:
                moves.append((e.id, old.node, node))
            merged = merge_entities(old.entity if old else None, e)
            records[e.id] = StoredName(merged, docs[e.id] | (old.docs if old else set()), node.id,
                                       old.pin if old else None)
            touched[node.id] = node
        for s in stored:
            node = placement.get(s.entity.id)
            if node is not None and s.node != node.id and s.entity.id not in batch.entities:
                moves.append((s.entity.id, s.node, node))
                records[s.entity.id] = StoredName(s.entity, s.docs, node.id, s.pin)
                touched[node.id] = node
        changed_ids = set(batch.entities) | {m[0] for m in moves}
        changed = [r for r in records.values() if r.entity.id in changed_ids]
        for rows in chunks([r.row() for r in sorted(changed, key=lambda r: r.entity.id)]):
            self.run(st.SET_NAMES, {"rows": rows})
        self._index_names(r.entity for r in changed)
        for name_id, old_node, node in sorted(moves, key=lambda m: m[0]):
            self._move_name(name_id, old_node, node, records)
            touched.setdefault(old_node, Entity(old_node, "", label_of(old_node) or node.type))
        self._refresh_nodes(touched, records)

    def merge_into(self, source: Entity, into: Entity) -> None:
        """Merge the stored entity ``source`` into the stored entity ``into`` (``kg merge``): its
        relationships, mentions and evidence move, its names become aliases, and its extracted
        names are pinned to ``into`` so that later builds keep them there. Call it inside
        :meth:`atomically`."""
        found, target = self._node(source.id), self._node(into.id)
        if found is None or target is None or source.id == into.id:
            return
        _, keys = found
        records = {r.entity.id: r for r in self.stored_names([*keys, *target[1]], [])}
        for k in keys:
            if k in records:
                r = records[k]
                records[k] = StoredName(r.entity, r.docs, into.id, into.id)
        rows = [records[k].row() for k in sorted(keys) if k in records]
        for batch in chunks(rows):
            self.run(st.SET_NAMES, {"rows": batch})
        for k in sorted(keys) or [""]:
            self._move_name(k, source.id, target[0], records)
        self._refresh_nodes({into.id: target[0]}, records)

    def _node(self, entity_id: str) -> tuple[Entity, list[str]] | None:
        label = label_of(entity_id)
        if label is None:
            return None
        _, rows = self.run(st.entities_by_id(label), {"ids": [entity_id]})
        if not rows:
            return None
        _, name, aliases, keys = rows[0]
        return Entity(entity_id, name, label, tuple(aliases or ())), list(keys or ())

    def _move_name(self, name_id: str, old_node: str, node: Entity, records: dict[str, StoredName]) -> None:
        """Move what the extracted name ``name_id`` brought to ``old_node`` over to ``node``."""
        found = self._node(old_node)
        if found is None:
            return
        old, keys = found
        left = [k for k in keys if k != name_id]
        everything = not left  # the old node goes: all it holds moves, sightings of older builds too
        if self._node(node.id) is None:
            self.run(st.set_entities(node.type), {"rows": [{"id": node.id, "name": node.name,
                                                            "aliases": list(node.aliases), "keys": []}]})
        unknown = [k for k in left if k not in records]
        for found_name in self.stored_names(unknown, []) if unknown else []:
            records[found_name.entity.id] = found_name
        # mentions: the documents of the name, unless another name of the old node was seen there
        kept_docs = {d for k in left if k in records for d in records[k].docs}
        moving = sorted(records[name_id].docs) if name_id in records else []
        if everything:
            _, rows = self.run(st.mentions_of(old.type), {"id": old.id})
            moving = sorted({*moving, *(r[0] for r in rows)})
        if moving:
            self.run(st.merge_mentions(node.type), {"rows": [{"entity": node.id, "doc": d} for d in moving]})
            gone = [{"entity": old.id, "doc": d} for d in moving if d not in kept_docs]
            if gone:
                self.run(st.delete_mentions(old.type), {"rows": gone})
        # relations: the evidence read on this name moves, the rest stays
        _, outgoing = self.run(st.relations_from(old.type), {"id": old.id})
        _, incoming = self.run(st.relations_to(old.type), {"id": old.id})
        sides = [(True, r) for r in outgoing if r[0] != MENTIONED_IN]
        sides += [(False, r) for r in incoming if r[2] != old.id]
        for old_is_subject, (rtype, label, other, predicate, _, _, evidence) in sides:
            ev = [st.evidence_from_json(e) for e in evidence or ()]
            going = [e for e in ev if everything or (e.subject_key if old_is_subject else e.object_key) == name_id]
            if not going:
                continue
            staying = [e for e in ev if e not in going]
            s, sl, o, ol = (old.id, old.type, other, label) if old_is_subject else (other, label, old.id, old.type)
            if staying:
                rel = relation_of_evidence(s, rtype, o, staying, predicate)
                self.run(st.put_relation(sl, rtype, ol), {"rows": [st.relation_row(rel)]})
            else:
                self.run(st.delete_relation(sl, rtype, ol), {"rows": [{"s": s, "o": o}]})
            s, sl = (node.id, node.type) if old_is_subject else (s, sl)
            o, ol = (o, ol) if old_is_subject else (node.id, node.type)
            if s == o:  # a relation between the two names of one entity: none, as in one build
                continue
            _, found_rel = self.run(st.read_relation(sl, rtype, ol), {"rows": [{"s": s, "o": o}]})
            if found_rel:
                going += [st.evidence_from_json(e) for e in found_rel[0][3] or ()]
                predicate = max(predicate, found_rel[0][0] or "")
            rel = relation_of_evidence(s, rtype, o, going, predicate)
            self.run(st.put_relation(sl, rtype, ol), {"rows": [st.relation_row(rel)]})
        if everything:
            self.run(st.delete_entity(old.type), {"id": old.id})
        else:
            self.run(st.set_entities(old.type), {"rows": [{"id": old.id, "name": old.name,
                                                           "aliases": list(old.aliases), "keys": left}]})

    def _refresh_nodes(self, nodes: dict[str, Entity], records: dict[str, StoredName]) -> None:
        """Give each node the names of its extracted names: the name of the one it is named after
        (or the alias file's canonical name), every other form as an alias."""
        by_label: dict[str, list[str]] = defaultdict(list)
        for node_id in sorted(nodes):
            label = label_of(node_id)
            if label is not None:
                by_label[label].append(node_id)
        current: dict[str, tuple[Entity, list[str]]] = {}
        for label, ids in by_label.items():
            for batch in chunks(ids):
                _, rows = self.run(st.entities_by_id(label), {"ids": batch})
                current.update({r[0]: (Entity(r[0], r[1], label, tuple(r[2] or ())), list(r[3] or ())) for r in rows})
        missing = sorted({k for _, keys in current.values() for k in keys if k not in records})
        records.update({r.entity.id: r for r in self.stored_names(missing, [])} if missing else {})
        held: dict[str, set[str]] = defaultdict(set)
        for k, r in records.items():
            if r.node in current:
                held[r.node].add(k)
        rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for node_id, (entity, _) in sorted(current.items()):
            names = held.get(node_id)
            if not names:
                continue
            name = records[node_id].entity.name if node_id in names else (nodes[node_id].name or entity.name)
            forms = {f for k in names for f in (records[k].entity.name, *records[k].entity.aliases)}
            rows[entity.type].append({"id": node_id, "name": name, "aliases": sorted(forms - {name}),
                                      "keys": sorted(names)})
        for label, group in rows.items():
            for batch in chunks(group):
                self.run(st.set_entities(label), {"rows": batch})

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
