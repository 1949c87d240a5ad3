"""Stage 3: resolve names into entities across documents.

Within a document the extractor already groups "Satya Nadella" / "Satya" / "Nadella". Here,
over a graph of many documents:

- a user alias file maps surface forms to a canonical name and type (what rules cannot know:
  "Big Blue" -> IBM, "Alphabet" vs "Google");
- a one-word person name that is the first or last name of exactly one full name becomes that
  person ("Trump" -> "Donald Trump");
- an acronym that spells exactly one organisation's initials becomes it ("OMC" ->
  "Organisation mondiale du commerce").

Entity ids stay deterministic: the id of the entity something is resolved to.

The same rules run against what a store already holds (:func:`resolve_against`): a batch is
resolved together with the stored entities it could join, found through :func:`lookups` and
the name keys of :func:`name_keys`, so building A then B gives the graph A and B give together.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ConfigError
from kg.model import Entity, Extraction, Graph, Relation, entity_id, merge_entities, merge_relations, normalize_name
from kg.schema import ENTITY_TYPES

#: Types whose multiword names an acronym can stand for.
ORGANISATION_TYPES = ("Company", "Government", "Organization")
_SMALL_WORDS = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "pour", "sur", "en", "à", "au", "aux"}


@dataclass(frozen=True)
class AliasTable:
    """Surface form (folded) -> (canonical name, type); ``surfaces`` keeps each row as written
    (surface, canonical, type), for matching the surfaces in the text (:mod:`kg.extract.aliases`)."""

    entries: dict[str, tuple[str, str]] = field(default_factory=dict)
    surfaces: tuple[tuple[str, str, str], ...] = ()

    def lookup(self, entity: Entity) -> tuple[str, str] | None:
        for name in (entity.name, *entity.aliases):
            hit = self.entries.get(normalize_name(name))
            if hit:
                return hit
        return None


def load_aliases(path: str | Path) -> AliasTable:
    """Read ``surface,canonical,type`` rows (a header row is allowed; type may be empty)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the alias file ({exc}); give a UTF-8 CSV file") from exc
    entries: dict[str, tuple[str, str]] = {}
    surfaces: list[tuple[str, str, str]] = []
    reader = csv.reader(io.StringIO(text, newline=""))  # the csv module reads quoted newlines itself
    for index, row in enumerate(reader):
        number = reader.line_num  # the line a row ends on
        if not row or not "".join(row).strip() or row[0].startswith("#"):
            continue
        if index == 0 and [c.strip().lower() for c in row[:2]] == ["surface", "canonical"]:
            continue
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise ConfigError(f"{path}:{number}: write each line as surface,canonical[,type]")
        etype = row[2].strip() if len(row) > 2 else ""
        if etype and etype not in ENTITY_TYPES:
            raise ConfigError(f"{path}:{number}: type {etype!r} is not one of {', '.join(ENTITY_TYPES)}")
        entries[normalize_name(row[0])] = (row[1].strip(), etype)
        surfaces.append((row[0].strip(), row[1].strip(), etype))
    return AliasTable(entries, tuple(surfaces))


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").replace("'", " ").split()
                   if w.lower() not in _SMALL_WORDS and w[:1].isalpha()).upper()


def _is_acronym(entity: Entity) -> bool:
    return entity.name.isupper() and len(entity.name) >= 2


def name_keys(entity: Entity) -> list[str]:
    """Keys under which a store indexes ``entity`` for the rules of :func:`_targets`: the first
    and last word of a full person name, the initials of a multiword organisation name."""
    words = normalize_name(entity.name).split()
    if entity.type == "Person" and len(words) > 1:
        return sorted({f"part:{words[0]}", f"part:{words[-1]}"})
    if entity.type in ORGANISATION_TYPES and len(entity.name.split()) > 1 and _initials(entity.name):
        return [f"initials:{_initials(entity.name)}"]
    return []


def lookups(entities: Iterable[Entity]) -> tuple[set[str], set[str]]:
    """The stored entities that could join ``entities`` under the rules: ids (entities of the same
    name, one-word names that are a part of a full name, acronyms of an organisation's initials)
    and name keys (every full name a one-word name or an acronym could stand for, so that
    ambiguity in the store is seen)."""
    ids: set[str] = set()
    keys: set[str] = set()
    for e in entities:
        ids.add(e.id)
        words = normalize_name(e.name).split()
        if e.type == "Person" and len(words) == 1:
            keys.add(f"part:{words[0]}")
        elif e.type == "Person" and len(words) > 1:
            keys.update(f"part:{w}" for w in {words[0], words[-1]})
            ids.update(entity_id("Person", w) for w in {words[0], words[-1]})
        if _is_acronym(e):
            keys.add(f"initials:{e.name}")
        if e.type in ORGANISATION_TYPES and len(e.name.split()) > 1 and _initials(e.name):
            initials = _initials(e.name)
            keys.add(f"initials:{initials}")
            ids.update(entity_id(t, initials) for t in ENTITY_TYPES)
    return ids, keys


def _targets(entities: list[Entity], aliases: AliasTable | None,
             pinned: dict[str, Entity] | None = None) -> dict[str, Entity]:
    """Old entity id -> the entity it resolves to (only for the ones that change).

    A function of the set of entities (their types and names), the alias table and the names a
    person placed with ``kg merge`` (``pinned``), never of their order: candidates are counted by
    distinct id and ties do not arise.
    """
    out: dict[str, Entity] = {k: v for k, v in (pinned or {}).items() if k != v.id}
    if aliases is not None:
        for e in entities:
            if e.id in out:
                continue
            hit = aliases.lookup(e)
            if hit:
                name, etype = hit
                etype = etype or e.type
                out[e.id] = Entity(entity_id(etype, name), name, etype, tuple(sorted({e.name, *e.aliases} - {name})))
    persons = [e for e in entities if e.type == "Person" and e.id not in out and len(e.name.split()) > 1]
    by_part: dict[str, list[Entity]] = defaultdict(list)
    for p in persons:
        words = normalize_name(p.name).split()
        for w in {words[0], words[-1]}:
            by_part[w].append(p)
    orgs = [e for e in entities if e.type in ORGANISATION_TYPES and e.id not in out and len(e.name.split()) > 1]
    by_initials: dict[str, list[Entity]] = defaultdict(list)
    for o in orgs:
        by_initials[_initials(o.name)].append(o)
    for e in entities:
        if e.id in out:
            continue
        folded = normalize_name(e.name)
        if e.type == "Person" and len(folded.split()) == 1 and len(by_part.get(folded, [])) == 1:
            out[e.id] = by_part[folded][0]
        elif _is_acronym(e) and len(by_initials.get(e.name, [])) == 1:
            target = by_initials[e.name][0]
            if target.id != e.id:
                out[e.id] = target
    return out


def _end(targets: dict[str, Entity], entity_id_: str) -> Entity | None:
    """The entity an id ends up as, following chains (an acronym of an organisation that the alias
    file renames); None when it stays itself."""
    end, seen = None, {entity_id_}
    while entity_id_ in targets:
        end = targets[entity_id_]
        entity_id_ = end.id
        if entity_id_ in seen:
            break
        seen.add(entity_id_)
    return end


def _final(targets: dict[str, Entity], entity_id_: str) -> str:
    end = _end(targets, entity_id_)
    return entity_id_ if end is None else end.id


def resolve_graph(graph: Graph, aliases: AliasTable | None = None) -> Graph:
    """A new graph where names that denote one entity are one node."""
    return _rewrite(graph, _targets(list(graph.entities.values()), aliases))


def _rewrite(graph: Graph, targets: dict[str, Entity]) -> Graph:
    """``graph`` with each entity of ``targets`` replaced by its target."""
    if not targets:
        return graph

    def final(entity_id_: str) -> str:
        return _final(targets, entity_id_)

    out = Graph(documents=dict(graph.documents))
    for e in graph.entities.values():
        t = _end(targets, e.id)
        merged = e if t is None else Entity(t.id, t.name, t.type, tuple(sorted({*t.aliases, e.name, *e.aliases} - {t.name})))
        out.entities[merged.id] = merge_entities(out.entities.get(merged.id), merged)
    for r in graph.relations.values():
        s, o = final(r.subject), final(r.object)
        if s == o:
            continue
        moved = Relation(s, r.type, o, r.predicate, r.modality, r.confidence, r.evidence)
        out.relations[moved.key] = merge_relations(out.relations.get(moved.key), moved)
    out.mentions = {(final(e), d) for e, d in graph.mentions}
    return out


@dataclass
class Resolution:
    """A batch resolved against a store: the graph to write, and for every name involved (the
    batch's and the stored ones it could join, by the id its extraction gave it) the entity it
    is now part of."""

    graph: Graph
    placement: dict[str, Entity] = field(default_factory=dict)


def resolve_against(graph: Graph, stored: Iterable[Entity], aliases: AliasTable | None = None,
                    pinned: dict[str, Entity] | None = None) -> Resolution:
    """Resolve a batch together with the stored names it could join (found by :func:`lookups`).

    ``stored`` are names as extractions gave them (with every alias seen), not the merged nodes:
    the rules see them and the batch as one set, so every name is placed where a single build
    of everything would place it; a stored name may move (a stored "Trump" joins the "Donald
    Trump" the batch brings, or leaves it when the batch brings a second Trump). ``pinned``
    names stay where ``kg merge`` put them.
    """
    combined = {e.id: e for e in stored}
    for e in graph.entities.values():
        combined[e.id] = merge_entities(combined.get(e.id), e)
    targets = _targets(list(combined.values()), aliases, pinned)
    placement = {}
    for entity_id_, e in combined.items():
        end = _end(targets, entity_id_)
        placement[entity_id_] = e if end is None else combined.get(end.id, end)
    return Resolution(_rewrite(graph, targets), placement)


def resolve_extraction(extraction: Extraction, aliases: AliasTable | None) -> Extraction:
    """One document's extraction with the alias file applied."""
    if aliases is None:
        return extraction
    graph = Graph()
    graph.add(extraction)
    resolved = resolve_graph(graph, aliases)
    return Extraction(extraction.document, tuple(resolved.entities.values()), tuple(resolved.relations.values()))
