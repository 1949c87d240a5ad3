"""What rules cannot know, for a person to decide: likely duplicates, and merging two entities.

``duplicates`` lists pairs worth a look (the same folded name under two types, a name inside
another name of the same type); ``merge`` merges one stored entity into another in one
transaction and pins its names there, so later builds keep the decision.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kg.errors import AmbiguousEntity, UnknownEntity
from kg.model import Entity, entity_id, normalize_name
from kg.schema import ENTITY_TYPES, label_of
from kg.store import GraphStore


@dataclass(frozen=True)
class Duplicate:
    """Two stored entities that may be one, and why."""

    reason: str
    entity: Entity
    other: Entity


def find_entity(store: GraphStore, name: str) -> Entity:
    """The one stored entity with this id, or with this name (folded: case, accents, articles)."""
    ids = [name] if label_of(name) else []
    ids += [entity_id(t, name) for t in ENTITY_TYPES]
    found = {e.id: e for label in ENTITY_TYPES for e in store.entities_with_ids(label, ids)}
    if not found:
        raise UnknownEntity(f"no stored entity is named {name!r}; give the name as `kg query` or "
                            "`kg duplicates` shows it, or the entity's id")
    if len(found) > 1:
        listed = ", ".join(f"{e.id} ({e.type})" for e in sorted(found.values(), key=lambda e: e.id))
        raise AmbiguousEntity(f"{name!r} names {len(found)} entities: {listed}; give the id of the one you mean")
    return next(iter(found.values()))


def merge(store: GraphStore, source: str, into: str) -> tuple[Entity, Entity]:
    """Merge the entity named ``source`` into the one named ``into``, in one transaction."""

    def work() -> tuple[Entity, Entity]:
        a, b = find_entity(store, source), find_entity(store, into)
        if a.id == b.id:
            raise AmbiguousEntity(f"{source!r} and {into!r} are the same entity ({a.id}); nothing to merge")
        store.merge_into(a, b)
        return a, b

    return store.atomically(work)


def duplicates(store: GraphStore) -> list[Duplicate]:
    """Likely duplicates among the stored entities, in a fixed order."""
    entities = store.all_entities()
    by_name: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        by_name[normalize_name(e.name)].append(e)
    out: set[Duplicate] = set()
    for group in by_name.values():
        group.sort(key=lambda e: e.id)
        for i, a in enumerate(group):
            out.update(Duplicate("same name, other type", a, b) for b in group[i + 1:] if b.type != a.type)
    for b in entities:
        words = normalize_name(b.name).split()
        for size in range(1, len(words)):
            for start in range(len(words) - size + 1):
                part = " ".join(words[start:start + size])
                out.update(Duplicate("name inside another", a, b) for a in by_name.get(part, ())
                           if a.type == b.type and a.id != b.id)
    return sorted(out, key=lambda d: (d.reason, d.entity.id, d.other.id))
