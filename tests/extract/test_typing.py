"""Entity typing: what a name says of itself outweighs the context it appears in."""

from __future__ import annotations

from tests.extract import read


def test_a_name_with_an_organisation_word_is_no_company_whatever_title_governs_it(nlp):
    types, _, _ = read(nlp, "Le président de la Fédération française de natation a démissionné mardi.")
    assert types.get("Fédération française de natation") == "Organization"


def test_a_full_name_stays_a_person_after_a_title_or_a_nationality(nlp):
    types, _, _ = read(nlp, "L'ancien conseiller de Jacques Chirac a rejoint le parti. "
                            "Il sera remplacé par le portugais Manuel Duarte.")
    assert types.get("Jacques Chirac") == "Person"
    assert types.get("Manuel Duarte") == "Person"


def test_only_a_company_title_says_its_complement_is_a_company(nlp):
    types, _, _ = read(nlp, "Le maire de Pontarlier a inauguré la gare. Le PDG de Vexalor a signé l'accord.")
    assert types.get("Pontarlier") == "Location"
    assert types.get("Vexalor") == "Company"


def test_a_mayor_leads_the_place(nlp):
    _, triples, _ = read(nlp, "Le maire de Pontarlier, Jean Morel, a inauguré la gare.")
    assert ("Jean Morel", "LEADS", "Pontarlier", "asserted") in triples


def test_an_unknown_acronym_is_an_organisation_unless_it_does_business(nlp):
    types, _, _ = read(nlp, "Le secrétaire général de l'UNTB a été arrêté. Le CNDR a appelé à la grève générale.")
    assert types.get("UNTB") == "Organization" and types.get("CNDR") == "Organization"
    types, triples, _ = read(nlp, "Le groupe Valmont a racheté XPLT pour 200 millions d'euros.")
    assert types.get("XPLT") == "Company"
    assert any(t[1] == "ACQUIRES" and t[2] == "XPLT" for t in triples)


def test_a_city_retaken_by_an_army_stays_a_place(nlp):
    types, triples, _ = read(nlp, "L'armée syrienne a repris Alep.")
    assert types.get("Alep") == "Location"
    assert not any(t[1] == "ACQUIRES" for t in triples)
    # a company taken over by a company still is one
    _, triples, _ = read(nlp, "Le groupe Bolloré a repris Vivendi.")
    assert ("Bolloré", "ACQUIRES", "Vivendi", "asserted") in triples


def test_a_city_rebels_take_control_of_stays_a_place(nlp):
    types, triples, _ = read(nlp, "Les rebelles du M23 ont pris le contrôle de Goma.")
    assert types.get("Goma") == "Location"
    assert not any(t[1] == "ACQUIRES" for t in triples)


def test_a_body_named_by_a_government_head_of_two_words(nlp):
    types, triples, _ = read(nlp, "La Force aérienne algérienne a perdu un avion. La Direction générale de la "
                                  "sécurité civile a envoyé des renforts. Force ouvrière a appelé à la grève.")
    assert types.get("Force aérienne algérienne") == "Government"
    assert ("Force aérienne algérienne", "PART_OF", "Algérie", "asserted") in triples
    assert types.get("Direction générale de la sécurité civile") == "Government"
    assert types.get("Force ouvrière") == "Organization"  # a trade union: "force" alone is no head
