""""entre X et Y" (kg.extract.constructions.between)."""

from __future__ import annotations

from tests.extract import read


def test_negotiations_between_two_parties(nlp):
    _, triples, _ = read(nlp, "Des pourparlers entre Volkswagen et Ford ont eu lieu. "
                              "Les activités de Volkswagen au Mexique et en Inde progressent.")
    assert ("Volkswagen", "NEGOTIATES_WITH", "Ford", "asserted") in triples
