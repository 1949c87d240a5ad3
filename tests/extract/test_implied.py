"""What relations imply (kg.extract.constructions.implied)."""

from __future__ import annotations

from tests.extract import read


def test_a_buyer_after_a_preposition_is_not_the_thing_sold(nlp):
    _, triples, _ = read(nlp, "Engie a cédé sa participation dans un parc éolien à la compagnie Nordwind Energies.")
    assert not any(t[1] in ("SELLS", "OWNS") and t[2] == "Nordwind Energies" for t in triples)


def test_a_sale_names_its_buyer_and_a_sold_stake_is_no_investment(nlp):
    types, triples, _ = read(nlp, "Xavier Niel a cédé une partie de sa participation dans Iliad au fonds américain Carlyle.")
    assert types.get("Xavier Niel") == "Person"  # a person's name stays a person as the seller
    assert ("Xavier Niel", "SELLS", "Iliad", "asserted") in triples
    assert ("Xavier Niel", "OWNS", "Iliad", "asserted") in triples
    assert ("Carlyle", "INVESTS_IN", "Iliad", "asserted") in triples
    assert ("Xavier Niel", "INVESTS_IN", "Iliad", "asserted") not in triples
    _, triples, _ = read(nlp, "Le groupe Bouygues a vendu ses parts dans Alstom au chinois CRRC.")
    assert ("Bouygues", "SELLS", "Alstom", "asserted") in triples
    assert ("CRRC", "INVESTS_IN", "Alstom", "asserted") in triples
    assert not any(t[1] == "SELLS" and t[2] == "CRRC" for t in triples)


def test_bought_from_a_seller(nlp):
    _, triples, _ = read(nlp, "Vivendi a racheté Editis auprès de Lagardère.")
    assert {("Vivendi", "ACQUIRES", "Editis", "asserted"), ("Lagardère", "SELLS", "Editis", "asserted")} <= triples
    _, triples, _ = read(nlp, "Microsoft a annoncé l'acquisition d'Activision auprès de Vivendi.")
    assert ("Vivendi", "SELLS", "Activision", "asserted") in triples
    assert not any(t[0] == "Microsoft" and t[1] == "SELLS" for t in triples)


def test_a_filing_with_a_regulator_is_no_sale(nlp):
    _, triples, _ = read(nlp, "Microsoft a notifié l'acquisition d'Activision auprès de la Commission européenne.")
    assert ("Microsoft", "ACQUIRES", "Activision", "asserted") in triples
    assert not any(t[1] in ("SELLS", "OWNS") for t in triples)
