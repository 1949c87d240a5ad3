""""entre X et Y" (kg.extract.constructions.between)."""

from __future__ import annotations

from tests.extract import read


def test_negotiations_between_two_parties(nlp):
    _, triples, _ = read(nlp, "Des pourparlers entre Volkswagen et Ford ont eu lieu. "
                              "Les activités de Volkswagen au Mexique et en Inde progressent.")
    assert ("Volkswagen", "NEGOTIATES_WITH", "Ford", "asserted") in triples


def test_the_second_party_after_its_article_when_the_parser_lost_it(nlp):
    # the parser makes "la CSU" the subject of "arrive": read after "la CDU et"
    _, triples, _ = read(nlp, "L'alliance entre la CDU et la CSU arrive en tête.")
    assert ("CDU", "PARTNERS_WITH", "CSU", "asserted") in triples


def test_the_parties_of_a_joint_venture_named_beside_it_own_it(nlp):
    _, triples, _ = read(nlp, "Ariane Group, une coentreprise entre Airbus et Safran, a livré le lanceur.")
    assert ("Airbus", "OWNS", "Ariane Group", "asserted") in triples
    assert ("Safran", "OWNS", "Ariane Group", "asserted") in triples
    assert any(t[1] == "PARTNERS_WITH" for t in triples)

    # a name before a fronted phrase is no venture
    _, triples, _ = read(nlp, "Selon Bloomberg, une coentreprise entre Renault et Geely pourrait voir le jour.")
    assert not any(t[1] == "OWNS" for t in triples)
