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
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ConfigError
from kg.model import Entity, Extraction, Graph, Relation, entity_id, merge_entities, merge_relations, normalize_name
from kg.schema import ENTITY_TYPES

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


def _targets(graph: Graph, aliases: AliasTable | None) -> dict[str, Entity]:
    """Old entity id -> the entity it resolves to (only for the ones that change)."""
    entities = list(graph.entities.values())
    out: dict[str, Entity] = {}
    if aliases is not None:
        for e in entities:
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
    orgs = [e for e in entities if e.type in ("Company", "Government", "Organization") and len(e.name.split()) > 1]
    by_initials: dict[str, list[Entity]] = defaultdict(list)
    for o in orgs:
        by_initials[_initials(o.name)].append(o)
    for e in entities:
        if e.id in out:
            continue
        folded = normalize_name(e.name)
        if e.type == "Person" and len(folded.split()) == 1 and len(by_part.get(folded, [])) == 1:
            out[e.id] = by_part[folded][0]
        elif e.name.isupper() and len(e.name) >= 2 and len(by_initials.get(e.name, [])) == 1:
            target = by_initials[e.name][0]
            if target.id != e.id:
                out[e.id] = target
    return out


def resolve_graph(graph: Graph, aliases: AliasTable | None = None) -> Graph:
    """A new graph where names that denote one entity are one node."""
    targets = _targets(graph, aliases)
    if not targets:
        return graph

    def final(entity_id_: str) -> str:
        return targets[entity_id_].id if entity_id_ in targets else entity_id_

    out = Graph(documents=dict(graph.documents))
    for e in graph.entities.values():
        t = targets.get(e.id)
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


def resolve_extraction(extraction: Extraction, aliases: AliasTable | None) -> Extraction:
    """One document's extraction with the alias file applied."""
    if aliases is None:
        return extraction
    graph = Graph()
    graph.add(extraction)
    resolved = resolve_graph(graph, aliases)
    return Extraction(extraction.document, tuple(resolved.entities.values()), tuple(resolved.relations.values()))
