"""Scoring of extractions against a gold file, by the rules of the schema.

Entities match when a name or alias of one equals a name or alias of the other after folding
(:func:`kg.model.normalize_name`); each gold entity matches at most one prediction. Relations
are strict (subject, type, object; either direction for the five symmetric types) or unlabeled
(the pair, either direction); strict figures are also kept for each relation type.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import EvaluationError
from kg.model import normalize_name
from kg.schema import SYMMETRIC_TYPES

COARSE = {"Company": "Organization", "Government": "Organization", "Organization": "Organization",
          "Country": "Location", "Location": "Location", "Person": "Person"}


@dataclass
class Counts:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def as_dict(self) -> dict[str, float | int]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(f1, 3), "tp": self.tp,
                "pred": self.pred, "gold": self.gold}


@dataclass
class Score:
    entities: Counts = field(default_factory=Counts)
    type_ok: int = 0
    strict: Counts = field(default_factory=Counts)
    modality_ok: int = 0
    unlabeled: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def type_counts(self, rtype: str) -> Counts:
        return self.by_type.setdefault(rtype, Counts())

    def by_type_dict(self) -> dict[str, dict[str, float | int]]:
        """Strict precision, recall and F1 for each relation type, most frequent in gold first."""
        ranked = sorted(self.by_type.items(), key=lambda kv: (-kv[1].gold, -kv[1].pred, kv[0]))
        return {rtype: counts.as_dict() for rtype, counts in ranked}

    def as_dict(self) -> dict[str, dict[str, float | int]]:
        e, s = self.entities, self.strict
        return {
            "entities": {**e.as_dict(), "type_acc": round(self.type_ok / e.tp, 3) if e.tp else 0.0},
            "relations_strict": {**s.as_dict(), "modality_acc": round(self.modality_ok / s.tp, 3) if s.tp else 0.0},
            "relations_unlabeled": self.unlabeled.as_dict(),
        }


def load_records(path: str | Path, coarse: bool = False) -> dict[str, dict[str, Any]]:
    """Gold or predicted records by document id."""
    docs: dict[str, dict[str, Any]] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot be read ({exc}); give a JSON Lines file") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            doc_id = str(d["id"])
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise EvaluationError(f"{path}:{number}: not a gold-format object with an id; fix the line") from exc
        docs[doc_id] = d
    return coarse_types(docs) if coarse else docs


def coarse_types(records: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Fold the entity types of ``records`` (in place) to Person / Organization / Location."""
    for rec in records.values():
        for e in rec.get("entities", []):
            e["type"] = COARSE.get(e.get("type"), e.get("type"))
    return records


def relation_key(subject: str, rtype: str, obj: str) -> tuple[str, str, str]:
    """The key a relation is matched on: the five symmetric types in a fixed order of their ends."""
    if rtype in SYMMETRIC_TYPES and obj < subject:
        subject, obj = obj, subject
    return subject, rtype, obj


def _keys(entity: dict[str, Any]) -> set[str]:
    return {normalize_name(n) for n in [entity["name"], *entity.get("aliases", [])] if n and normalize_name(n)}


def score(gold: dict[str, dict[str, Any]], pred: dict[str, dict[str, Any]], show_errors: bool = False) -> Score:
    """Score predictions against gold, document by document (a missing document predicts nothing)."""
    result = Score()
    for doc_id, g in gold.items():
        p = pred.get(doc_id, {})
        _score_document(doc_id, g, p, result, show_errors)
    return result


def _score_document(doc_id: str, g: dict[str, Any], p: dict[str, Any], result: Score, show: bool) -> None:
    gents, pents = g.get("entities", []), p.get("entities", [])
    gold_keys = [(ge, _keys(ge)) for ge in gents]
    matched: dict[str, str] = {}
    for pe in pents:
        keys = _keys(pe)
        match = next((ge for ge, gk in gold_keys if ge["name"] not in matched.values() and keys & gk), None)
        if match is None:
            if show:
                result.errors.append(f"{doc_id} ENTITY+ {pe['name']!r} ({pe.get('type')})")
            continue
        matched[pe["name"]] = match["name"]
        if pe.get("type") == match["type"]:
            result.type_ok += 1
        elif show:
            result.errors.append(f"{doc_id} TYPE {pe['name']!r}: {pe.get('type')} != {match['type']}")
    if show:
        result.errors += [f"{doc_id} ENTITY- {ge['name']!r} ({ge['type']})" for ge in gents
                          if ge["name"] not in matched.values()]
    result.entities.tp += len(matched)
    result.entities.pred += len(pents)
    result.entities.gold += len(gents)

    def resolve(name: str) -> str:
        if name in matched:
            return matched[name]
        folded = normalize_name(name)
        return next((ge["name"] for ge, gk in gold_keys if folded in gk), "?" + name)

    grels = {relation_key(r["subject"], r["type"], r["object"]): r for r in g.get("relations", [])}
    prels: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in p.get("relations", []):
        prels.setdefault(relation_key(resolve(r["subject"]), r["type"], resolve(r["object"])), r)
    for k, r in prels.items():
        result.type_counts(k[1]).pred += 1
        if k in grels:
            result.strict.tp += 1
            result.type_counts(k[1]).tp += 1
            result.modality_ok += r.get("modality") == grels[k].get("modality")
        elif show:
            result.errors.append(f"{doc_id} REL+ {k[0]} -{k[1]}-> {k[2]}  [{r.get('predicate', '')}]")
    for k in grels:
        result.type_counts(k[1]).gold += 1
    if show:
        result.errors += [f"{doc_id} REL- {k[0]} -{k[1]}-> {k[2]}" for k in grels if k not in prels]
    result.strict.pred += len(prels)
    result.strict.gold += len(grels)
    gpairs = {frozenset((s, o)) for s, _, o in grels}
    ppairs = {frozenset((s, o)) for s, _, o in prels}
    result.unlabeled.tp += len(gpairs & ppairs)
    result.unlabeled.pred += len(ppairs)
    result.unlabeled.gold += len(gpairs)


def records_of(extractions: Iterable[Any]) -> dict[str, dict[str, Any]]:
    """Predicted records by id from :class:`kg.model.Extraction` objects."""
    from kg.jsonl import to_record

    return {ex.document.id: to_record(ex) for ex in extractions}
