"""Tests of the extractor, one file a stage or construction module of ``kg/extract/``."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Document


def read(nlp, text: str):
    """Entity types by name, (subject, type, object, modality) triples by name, and the extraction."""
    (ex,) = list(extract([Document("t", text)], nlp))
    names = {e.id: e.name for e in ex.entities}
    triples = {(names[r.subject], r.type, names[r.object], r.modality) for r in ex.relations}
    return {e.name: e.type for e in ex.entities}, triples, ex
