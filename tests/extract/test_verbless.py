"""Verbs the tagger or the parser took for something else (kg.extract.constructions.verbless, kg.extract.triggers)."""

from __future__ import annotations

from tests.extract import read


def test_a_verb_tagged_as_an_adjective_or_parsed_into_a_name(nlp):
    text = "De son côté, Hillary Clinton attaque Donald Trump sur ses réflexions racistes et misogynes."
    _, triples, _ = read(nlp, text)
    assert ("Hillary Clinton", "CRITICIZES", "Donald Trump", "asserted") in triples
    _, triples, _ = read(nlp, "Oliver Hart enseigne à Harvard et Bengt Holmström enseigne au MIT.")
    assert ("Oliver Hart", "WORKS_FOR", "Harvard", "asserted") in triples
    assert ("Bengt Holmström", "WORKS_FOR", "MIT", "asserted") in triples
    # a name the parser made of two names is no relation without a trigger verb between them
    _, triples, _ = read(nlp, "Oliver Hart Bengt Holmström à Harvard.")
    assert not triples


def test_a_verb_parsed_into_a_name_keeps_its_senses(nlp):
    _, triples, _ = read(nlp, "Orange attaque Free en justice pour publicité mensongère.")
    assert ("Orange", "SUES", "Free", "asserted") in triples
    assert ("Orange", "CRITICIZES", "Free", "asserted") not in triples


def test_a_verb_tagged_as_a_noun_is_read_by_its_infinitive(nlp):
    # "combat" tagged as a noun with a subject and an object: the verb "combattre"
    _, triples, _ = read(nlp, "L'armée turque combat principalement Daech dans le nord de la Syrie.")
    assert ("armée turque", "RELATED_TO", "État islamique", "asserted") in triples


def test_infinitives_of_inflected_lemmas():
    from kg.extract.context import infinitive

    known = {"combattre", "défendre", "soutenir", "rester", "reprocher", "interdire"}
    assert [infinitive(w, known) for w in ("combat", "défend", "soutient", "reste", "reproche", "interdit")] == \
        ["combattre", "défendre", "soutenir", "rester", "reprocher", "interdire"]
    assert infinitive("parti", known) == "parti"  # no verb of the list: the lemma itself
