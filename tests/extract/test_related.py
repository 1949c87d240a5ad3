"""Other verbs: RELATED_TO (kg.extract.constructions.related)."""

from __future__ import annotations

from tests.extract import read


def test_a_place_after_a_verb_is_no_relation(nlp):
    _, triples, _ = read(nlp, "Arthur Mensch prévoit d'ouvrir un bureau à Londres.")
    assert not any(t[1] == "RELATED_TO" for t in triples)


def test_fighting_and_rallying(nlp):
    _, triples, _ = read(nlp, "L'armée syrienne affronte depuis deux ans l'État islamique.")
    assert ("armée syrienne", "RELATED_TO", "État islamique", "asserted") in triples
    _, triples, _ = read(nlp, "Le régime syrien est assiégé depuis deux ans par l'État islamique.")
    assert ("État islamique", "RELATED_TO", "régime syrien", "asserted") in triples
    _, triples, _ = read(nlp, "Marine Dupont s'est ralliée à Emmanuel Macron.")
    assert ("Marine Dupont", "SUPPORTS", "Emmanuel Macron", "asserted") in triples
    # reaching a place is no support
    _, triples, _ = read(nlp, "Le maire Jean Durand a rallié Paris en train.")
    assert not any(t[1] == "SUPPORTS" for t in triples)


def test_acting_on_a_person_or_a_body(nlp):
    _, triples, _ = read(nlp, "L'armée égyptienne a tué Abou Douaa al-Ansari lors d'une frappe.")
    assert ("armée égyptienne", "RELATED_TO", "Abou Douaa al-Ansari", "asserted") in triples
    _, triples, _ = read(nlp, "Jean Durand a écarté Paul Martin de la liste.")
    assert ("Jean Durand", "RELATED_TO", "Paul Martin", "asserted") in triples
    _, triples, _ = read(nlp, "Ban Ki-moon appelle le Burundi à continuer sa collaboration.")
    assert ("Ban Ki-moon", "RELATED_TO", "Burundi", "asserted") in triples
    # what is done to a person is not done to a body, nor to a place
    _, triples, _ = read(nlp, "Jean Durand a écarté Renault de la liste.")
    assert not any(t[1] == "RELATED_TO" for t in triples)
    # "appeler" without "à" and a verb names or calls: no relation
    for text in ("Emmanuel Macron a appelé Donald Trump mardi.", "Emmanuel Macron a appelé Joe Biden à Washington."):
        _, triples, _ = read(nlp, text)
        assert not any(t[1] == "RELATED_TO" for t in triples), text
    # a storm or a virus typed as a company strikes no one
    _, triples, _ = read(nlp, "La tempête Alex a frappé la France et l'Italie.")
    assert not any(t[1] == "RELATED_TO" for t in triples)


def test_a_country_after_a_verb_of_motion_is_a_place(nlp):
    # docs/annotation.md: RELATED_TO never with a country merely as a place
    for text in ("Carlos Ghosn s'est enfui au Liban en 2019.", "Adama Barrow s'était exilé au Sénégal."):
        _, triples, _ = read(nlp, text)
        assert not any(t[1] == "RELATED_TO" for t in triples), text
