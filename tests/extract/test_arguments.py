"""Arguments: agents after a determiner, group members, what a decision is about."""

from __future__ import annotations

from tests.extract import read


def test_investors_named_after_raising_funds(nlp):
    _, triples, _ = read(nlp, "Doctolib a levé 500 millions d'euros auprès de plusieurs investisseurs, dont "
                              "Eurazeo et Bpifrance.")
    assert ("Eurazeo", "INVESTS_IN", "Doctolib", "asserted") in triples
    assert ("Bpifrance", "INVESTS_IN", "Doctolib", "asserted") in triples


def test_court_sentences_and_agents_after_a_determiner(nlp):
    _, triples, _ = read(nlp, "La justice allemande a condamné Volkswagen pour fraude.")
    assert ("justice allemande", "SANCTIONS", "Volkswagen", "asserted") in triples
    _, triples, _ = read(nlp, "Amazon a été condamné à une amende de 700 millions d'euros par la Commission "
                              "luxembourgeoise de protection des données.")
    assert any(t[1] == "SANCTIONS" and t[2] == "Amazon" for t in triples)


def test_members_listed_after_a_group_noun(nlp):
    text = ("La start-up française Pigment a levé 100 millions d'euros auprès de plusieurs investisseurs, "
            "dont le fonds américain Greenoaks et le groupe Salesforce.")
    _, triples, _ = read(nlp, text)
    assert ("Greenoaks", "INVESTS_IN", "Pigment", "asserted") in triples
    assert ("Salesforce", "INVESTS_IN", "Pigment", "asserted") in triples


def test_what_is_banned_belongs_to_its_maker(nlp):
    _, triples, _ = read(nlp, "Le gouvernement indien a interdit l'utilisation des caméras de Hikvision dans ses bâtiments.")
    assert ("gouvernement indien", "BANS", "Hikvision", "asserted") in triples
