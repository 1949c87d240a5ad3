"""The records of extracted names: where each name read in a document went, and the moves that
keep the stored graph what one build of every document would hold (entity resolution across
batches, ``kg merge``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from kg.model import Entity, Graph, merge_entities, relation_of_evidence
from kg.resolve import name_keys
from kg.schema import MENTIONED_IN, label_of
from kg.store import statements as st
from kg.store.batches import chunks


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


class NameRecords:
    """The name records of a graph store (mixed into :class:`kg.store.base.GraphStore`), written
    over its ``run(query, params)`` primitive."""

    run: Callable[..., tuple[list[str], list[list[Any]]]]

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
