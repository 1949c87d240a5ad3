"""Located predicates and nouns (kg.extract.constructions.located)."""

from __future__ import annotations

from tests.extract import read


def test_activities_located_in_a_list_of_places(nlp):
    _, triples, _ = read(nlp, "Des pourparlers entre Volkswagen et Ford ont eu lieu. "
                              "Les activités de Volkswagen au Mexique et en Inde progressent.")
    assert ("Volkswagen", "OPERATES_IN", "Mexique", "asserted") in triples
    assert ("Volkswagen", "OPERATES_IN", "Inde", "asserted") in triples


def test_activities_of_the_possessor_and_people_standing_for_companies(nlp):
    _, triples, _ = read(nlp, "Auchan envisage de céder ses activités en Pologne.")
    assert ("Auchan", "OPERATES_IN", "Pologne", "asserted") in triples
    _, triples, _ = read(nlp, "Le ministre des Finances, Karin Keller, a rencontré les dirigeants de UBS et de Julius Baer.")
    assert ("Karin Keller", "MEETS", "UBS", "asserted") in triples


def test_led_by_participle_and_plants_as_presence(nlp):
    text = ("Renault envisage de fermer son usine de Flins, selon le syndicat CFDT. Le constructeur, dirigé par "
            "François Provost, n'a pas confirmé.")
    _, triples, _ = read(nlp, text)
    assert ("François Provost", "LEADS", "Renault", "asserted") in triples
    assert ("Renault", "OPERATES_IN", "Flins", "asserted") in triples
    _, triples, _ = read(nlp, "Le constructeur chinois Chery va construire une usine en Espagne.")
    assert ("Chery", "OPERATES_IN", "Espagne", "asserted") in triples


def test_affiliated_to_and_a_branch_of_a_body(nlp):
    _, triples, _ = read(nlp, "L'attentat a été revendiqué par le groupe Al-Shabbaab (affilié à Al-Qaïda) via Telegram.")
    assert ("Al-Shabbaab", "PART_OF", "Al-Qaïda", "asserted") in triples
    _, triples, _ = read(nlp, "Des membres du Front al-Nosra, la branche syrienne du réseau Al-Qaïda, ont été arrêtés.")
    assert ("Front al-Nosra", "PART_OF", "Al-Qaïda", "asserted") in triples
    # a place is no body one is affiliated to
    _, triples, _ = read(nlp, "Le groupe Boko Haram, affilié au Nigeria selon la police, a frappé.")
    assert not any(t[1] == "PART_OF" and t[2] == "Nigeria" for t in triples)


def test_offices_and_jobs_in_a_place(nlp):
    _, triples, _ = read(nlp, "Selon le bureau de Médecins sans frontières à Beyrouth, l'hôpital a été touché.")
    assert ("Médecins sans frontières", "OPERATES_IN", "Beyrouth") in {t[:3] for t in triples}
    _, triples, _ = read(nlp, "Renault va supprimer 4 000 emplois en France.")
    assert ("Renault", "OPERATES_IN", "France") in {t[:3] for t in triples}
    # an office of a party is no place of its own
    _, triples, _ = read(nlp, "Le bureau politique du Parti socialiste s'est réuni.")
    assert not any(t[1] == "OPERATES_IN" for t in triples)


def test_a_detached_located_participle_and_a_member_affiliated_to_a_party(nlp):
    _, triples, _ = read(nlp, "Al-Shabaab, affilié à Al-Qaïda, a revendiqué l'attentat.")
    assert ("Al-Shabaab", "PART_OF", "Al-Qaïda", "asserted") in triples
    _, triples, _ = read(nlp, "Jean Dupont, affilié au Parti socialiste, a voté.")
    assert ("Jean Dupont", "WORKS_FOR", "Parti socialiste", "asserted") in triples
    _, triples, _ = read(nlp, "Installé à Paris depuis 2010, le groupe Criteo a levé des fonds.")
    assert ("Criteo", "BASED_IN", "Paris", "asserted") in triples


def test_a_person_present_somewhere_does_not_operate_there(nlp):
    _, triples, _ = read(nlp, "Vladimir Poutine, présent à Saint-Pétersbourg lors de l'attentat, a présenté ses condoléances.")
    assert not any(t[1] == "OPERATES_IN" for t in triples)
