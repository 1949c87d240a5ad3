"""Modality: hedged and negated triggers."""

from __future__ import annotations

from tests.extract import read


def test_verb_modalities(nlp):
    _, hedged, _ = read(nlp, "Vivendi envisagerait de racheter Lagardère.")
    assert ("Vivendi", "ACQUIRES", "Lagardère", "hedged") in hedged
    _, negated, _ = read(nlp, "Airbus n'a jamais racheté Bombardier.")
    assert ("Airbus", "ACQUIRES", "Bombardier", "negated") in negated


def test_the_conditional_past_of_reported_facts_is_hedged(nlp):
    _, triples, _ = read(nlp, "La Russie aurait financé le Front national.")
    assert ("Russie", "SUPPORTS", "Front national", "hedged") in triples
    _, triples, _ = read(nlp, "La Russie a financé le Front national.")
    assert ("Russie", "SUPPORTS", "Front national", "asserted") in triples
