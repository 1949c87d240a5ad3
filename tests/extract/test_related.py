"""Other verbs: RELATED_TO (kg.extract.constructions.related)."""

from __future__ import annotations

from tests.extract import read


def test_a_place_after_a_verb_is_no_relation(nlp):
    _, triples, _ = read(nlp, "Arthur Mensch prévoit d'ouvrir un bureau à Londres.")
    assert not any(t[1] == "RELATED_TO" for t in triples)
