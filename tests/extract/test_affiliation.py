"""Affiliations beside a name (kg.extract.constructions.affiliation)."""

from __future__ import annotations

import pytest

from tests.extract import read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jean Durand (LR) et Paul Lemaire (PS) ont voté contre le texte.",
         ("Paul Lemaire", "WORKS_FOR", "PS", "asserted")),
        ("Anna Rossi (PPE, Italie) a été élue au premier tour.",
         ("Anna Rossi", "WORKS_FOR", "PPE", "asserted")),
        ("Marc Petit, maire (PS) de la ville, a protesté.",
         ("Marc Petit", "WORKS_FOR", "PS", "asserted")),
        # an acronym no list knows, in parentheses after a title: a party label, not a person
        ("Il a parlé surtout à Stéphane Gatignon, maire (UDE) de cette commune de Seine-Saint-Denis.",
         ("Stéphane Gatignon", "WORKS_FOR", "UDE", "asserted")),
        ("Selon Paul Martin, de l'International Crisis Group, la situation est grave.",
         ("Paul Martin", "WORKS_FOR", "International Crisis Group", "asserted")),
    ],
)
def test_affiliations(nlp, text, expected):
    _, triples, _ = read(nlp, text)
    assert expected in triples


def test_a_place_after_the_name_is_no_employer(nlp):
    _, triples, _ = read(nlp, "Le député Paul Martin, de Lyon, a parlé devant la presse.")
    assert not any(t[1] == "WORKS_FOR" for t in triples)


def test_a_country_last_in_the_parentheses_is_the_persons(nlp):
    _, triples, _ = read(nlp, "Anna Rossi (PPE, Italie) et Piet Janssens (Belgique) ont été élus.")
    assert ("Anna Rossi", "BASED_IN", "Italie", "asserted") in triples
    assert ("Piet Janssens", "BASED_IN", "Belgique", "asserted") in triples
    _, triples, _ = read(nlp, "Le sommet (Paris, France) a réuni Anna Rossi.")
    assert not any(t[1] == "BASED_IN" and t[0] == "Anna Rossi" for t in triples)


def test_an_elision_written_apart_from_its_word(nlp):
    # some sources space "l' Union", "d' Aix": the elided word stays one token, the reading holds
    assert [t.text for t in nlp.make_doc("de l' Institut et qu’ il")] == ["de", "l'", "Institut", "et", "qu’", "il"]
    _, triples, _ = read(nlp, "Marc Lenoir, de l' Institut Montaigne , nuance toutefois ces chiffres.")
    assert ("Marc Lenoir", "WORKS_FOR", "Institut Montaigne", "asserted") in triples


def test_a_party_acronym_taken_for_a_place_and_a_party_typed_as_a_company(nlp):
    entities, triples, _ = read(nlp, "Le premier ministre slovaque Robert Fico (Smer-DS) a parlé aux journalistes.")
    assert ("Robert Fico", "WORKS_FOR", "Smer-DS", "asserted") in triples
    assert entities.get("Smer-DS") == "Organization"
    _, triples, _ = read(nlp, "Selon le député Jean Lassalle (Modem), la réforme est mauvaise.")
    assert ("Jean Lassalle", "WORKS_FOR", "Modem", "asserted") in triples
    # a place in parentheses is the person's constituency, not a party
    _, triples, _ = read(nlp, "Le député Jean Dupont (Seine-Saint-Denis) a voté contre.")
    assert not any(t[1] == "WORKS_FOR" for t in triples)


def test_a_former_party_and_a_regions_acronym_in_parentheses(nlp):
    _, triples, _ = read(nlp, "Michel Barnier (ex-LR) a parlé.")
    assert not any(t[1] == "WORKS_FOR" for t in triples)
    _, triples, _ = read(nlp, "Jean Dupont, conseiller régional (AURA), a parlé.")
    assert not any(t[1] == "WORKS_FOR" for t in triples)
