"""Modality: hedged and negated triggers."""

from __future__ import annotations

from tests.extract import read


def test_verb_modalities(nlp):
    _, hedged, _ = read(nlp, "Vivendi envisagerait de racheter Lagardère.")
    assert ("Vivendi", "ACQUIRES", "Lagardère", "hedged") in hedged
    _, negated, _ = read(nlp, "Airbus n'a jamais racheté Bombardier.")
    assert ("Airbus", "ACQUIRES", "Bombardier", "negated") in negated
