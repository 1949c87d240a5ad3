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


def test_a_condemned_attack_stands_for_the_group_that_claimed_it(nlp):
    _, triples, _ = read(nlp, "Le Front Zoulou a revendiqué l'attaque de la caserne. Paul Morel a condamné cet attentat.")
    assert ("Paul Morel", "CRITICIZES", "Front Zoulou", "asserted") in triples
    _, triples, _ = read(nlp, "Paul Morel a condamné l'attentat, revendiqué par le Front Zoulou.")
    assert ("Paul Morel", "CRITICIZES", "Front Zoulou", "asserted") in triples
    _, triples, _ = read(nlp, "Paul Morel a condamné l'attentat de la caserne.")
    assert not any(t[1] == "CRITICIZES" for t in triples)


def test_examples_and_listed_people_stand_for_the_plural_they_follow(nlp):
    _, triples, _ = read(nlp, "Le Front Zoulou a revendiqué l'attaque. Cet attentat a été condamné par diverses "
                              "personnalités comme Paul Morel, Jeanne Vidal ou encore l'ONU.")
    for who in ("Paul Morel", "Jeanne Vidal"):
        assert (who, "CRITICIZES", "Front Zoulou", "asserted") in triples, who


def test_a_description_with_its_name_in_apposition_is_that_name(nlp):
    _, triples, _ = read(nlp, "L'homme d'affaires tchèque Daniel Kretinsky a racheté Casino.")
    assert ("Daniel Kretinsky", "ACQUIRES", "Casino", "asserted") in triples


def test_the_subject_of_a_predicate_noun_does_its_infinitive(nlp):
    # "X est sur le point de / en mesure de V": X does V
    _, triples, _ = read(nlp, "Selon le ministre, l'armée nigériane est sur le point de vaincre Boko Haram dans le nord.")
    assert ("armée nigériane", "RELATED_TO", "Boko Haram", "asserted") in triples
    _, triples, _ = read(nlp, "Le groupe Stellantis est en mesure de racheter Iveco.")
    assert any(t[:3] == ("Stellantis", "ACQUIRES", "Iveco") for t in triples)


def test_members_named_for_a_subject_and_a_relative_dont(nlp):
    _, triples, _ = read(nlp, "Plusieurs pays, y compris la Pologne, ont critiqué la Hongrie.")
    assert ("Pologne", "CRITICIZES", "Hongrie", "asserted") in triples
    # "dont" opening a relative clause lists no member
    _, triples, _ = read(nlp, "Le fonds Ardian a racheté une société dont Jean Dupont serait le fondateur.")
    assert not any(t[0] == "Ardian" and t[2] == "Jean Dupont" for t in triples)


def test_the_name_after_a_participle_the_parser_made_a_subject(nlp):
    # the parser reads "Angela Merkel" as a second subject of "arrive": the participle's object
    _, triples, _ = read(nlp, "La CDU, soutenant Angela Merkel, arrive en tête.")
    assert ("CDU", "SUPPORTS", "Angela Merkel", "asserted") in triples
