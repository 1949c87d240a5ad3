"""Extractions as JSON Lines in the gold format of the schema (one object a document)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from kg.errors import EncodingInput, InputError, MalformedJsonl, UnreadableInput
from kg.model import Document, Entity, Evidence, Extraction, Relation, entity_id, normalize_name
from kg.schema import ENTITY_TYPES, MODALITIES, RELATION_TYPES


def to_record(extraction: Extraction) -> dict[str, Any]:
    """One document's extraction as a gold-format object (names, not ids, on relations)."""
    names = {e.id: e.name for e in extraction.entities}
    doc = extraction.document
    return {
        "id": doc.id,
        "title": doc.title,
        "url": doc.url,
        "date": doc.date,
        "hash": doc.hash,
        "entities": [{"name": e.name, "type": e.type, "aliases": list(e.aliases)} for e in extraction.entities],
        "relations": [
            {
                "subject": names[r.subject],
                "type": r.type,
                "object": names[r.object],
                "modality": r.modality,
                "predicate": r.predicate,
                "confidence": r.confidence,
                "evidence": [ev.to_dict() for ev in r.evidence],
            }
            for r in extraction.relations
        ],
    }


def surface_forms(record: dict[str, Any]) -> dict[str, Any]:
    """The record with each name form of an entity listed as an entity of its own, the way NER
    corpora annotated mention by mention count them ("Emmanuel Macron" and "Macron" are two)."""
    entities: dict[str, dict[str, Any]] = {}
    for e in record.get("entities", []):
        for form in (e["name"], *e.get("aliases", [])):
            entities.setdefault(normalize_name(form), {"name": form, "type": e["type"], "aliases": []})
    return {**record, "entities": list(entities.values())}


def write_jsonl(extractions: Iterable[Extraction], out: IO[str], forms: bool = False) -> int:
    """Write one line per extraction; return how many were written."""
    n = 0
    for ex in extractions:
        record = to_record(ex)
        out.write(json.dumps(surface_forms(record) if forms else record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_json(extractions: Iterable[Extraction], out: IO[str], forms: bool = False) -> int:
    """Write the extractions as one JSON array (one record a line inside it); return how many."""
    n = 0
    out.write("[")
    for ex in extractions:
        record = to_record(ex)
        out.write((",\n" if n else "") + json.dumps(surface_forms(record) if forms else record, ensure_ascii=False))
        n += 1
    out.write("]\n")
    return n


def from_record(obj: dict[str, Any]) -> Extraction:
    """Rebuild an extraction from a record written by :func:`to_record` (or a gold line)."""
    doc = Document(str(obj["id"]), obj.get("text", ""), obj.get("title"), obj.get("url"), obj.get("date"),
                   checksum=obj.get("hash"))
    by_name: dict[str, Entity] = {}
    entities = []
    for e in obj.get("entities", []):
        ent = Entity(entity_id(e["type"], e["name"]), e["name"], e["type"], tuple(e.get("aliases", [])))
        entities.append(ent)
        for n in (ent.name, *ent.aliases):
            by_name.setdefault(n, ent)
    relations = []
    for r in obj.get("relations", []):
        s, o = by_name.get(r["subject"]), by_name.get(r["object"])
        if s is None or o is None:
            continue
        raw_ev = r.get("evidence") or []
        if isinstance(raw_ev, str):
            raw_ev = [{"sentence": raw_ev}]
        modality = r.get("modality", "asserted")
        confidence = float(r.get("confidence", 1.0))
        evidence = tuple(Evidence.from_dict(ev, doc.id, modality, confidence) for ev in raw_ev)
        relations.append(Relation(s.id, r["type"], o.id, r.get("predicate", ""), modality, confidence, evidence))
    return Extraction(doc, tuple(entities), tuple(relations))


def read_extractions(lines: Iterable[str]) -> Iterator[Extraction]:
    for line in lines:
        if line.strip():
            yield from_record(json.loads(line))


def record_problem(obj: Any) -> str | None:
    """What keeps a decoded line from being an extraction of the schema, or None."""
    if not isinstance(obj, dict):
        return "needs a JSON object"
    if not isinstance(obj.get("id"), str | int) or obj["id"] == "":
        return 'needs an "id"'
    entities, relations = obj.get("entities", []), obj.get("relations", [])
    if not isinstance(entities, list) or not isinstance(relations, list):
        return '"entities" and "relations" must be lists'
    for e in entities:
        if not isinstance(e, dict) or not isinstance(e.get("name"), str) or not e["name"]:
            return 'each entity needs a "name"'
        if e.get("type") not in ENTITY_TYPES:
            return f"entity type {e.get('type')!r} is not one of {', '.join(ENTITY_TYPES)}"
        if not isinstance(e.get("aliases", []), list):
            return 'an entity\'s "aliases" must be a list'
    for r in relations:
        if not isinstance(r, dict) or not isinstance(r.get("subject"), str) or not isinstance(r.get("object"), str):
            return 'each relation needs a "subject" and an "object" name'
        if r.get("type") not in RELATION_TYPES:
            return f"relation type {r.get('type')!r} is not a relation type of the schema"
        if r.get("modality", "asserted") not in MODALITIES:
            return f"modality {r.get('modality')!r} is not one of {', '.join(MODALITIES)}"
        if not isinstance(r.get("confidence", 1.0), int | float) or isinstance(r.get("confidence"), bool):
            return "a relation's confidence must be a number"
        evidence = r.get("evidence") or []
        if not isinstance(evidence, str) and not (
                isinstance(evidence, list) and all(isinstance(ev, dict) for ev in evidence)):
            return "a relation's evidence must be a sentence or a list of objects"
        try:
            [Evidence.from_dict(ev) for ev in evidence if isinstance(ev, dict)]
        except (TypeError, ValueError):
            return "an evidence object has a start, end or confidence that is not a number"
    return None


def check_extraction_file(path: Path) -> list[InputError]:
    """Every problem of a ``kg extract`` file, one coded error a line, before anything is loaded."""
    errors: list[InputError] = []
    try:
        f = path.open("rb")
    except OSError as exc:
        return [UnreadableInput(f"{path}: cannot be read ({exc.strerror}); check its permissions")]
    with f:
        for number, raw in enumerate(f, start=1):
            where = f"{path}:{number}"
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                errors.append(EncodingInput(f"{where}: not UTF-8 (invalid byte at column {exc.start}); "
                                            "convert the file to UTF-8"))
                continue
            if not line.strip():
                continue
            try:
                problem = record_problem(json.loads(line))
            except json.JSONDecodeError as exc:
                problem = f"not valid JSON ({exc.msg})"
            if problem:
                errors.append(MalformedJsonl(f"{where}: {problem}; fix or remove the line "
                                             "(nothing was loaded)"))
    return errors
