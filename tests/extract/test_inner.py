"""Relations inside names (kg.extract.constructions.inner)."""

from __future__ import annotations

from tests.extract import read


def test_a_court_sits_in_its_city_and_a_state_bank_belongs_to_its_country(nlp):
    text = "Le tribunal correctionnel de Lyon a condamné l'Assemblée nationale du Niger à une amende."
    types, triples, _ = read(nlp, text)
    assert types.get("Lyon") == "Location"
    assert ("tribunal correctionnel de Lyon", "BASED_IN", "Lyon", "asserted") in triples
    assert ("Assemblée nationale du Niger", "PART_OF", "Niger", "asserted") in triples


def test_a_city_police_belongs_to_the_city(nlp):
    _, triples, _ = read(nlp, "La police de Marseille a interpellé trois suspects mardi soir.")
    assert ("police de Marseille", "PART_OF", "Marseille", "asserted") in triples


def test_a_council_of_an_organisation_is_part_of_it_and_its_long_form_is_not(nlp):
    text = ("Le Conseil des droits de l'homme des Nations unies a publié un rapport. "
            "L'Organisation des Nations unies le transmettra.")
    types, triples, _ = read(nlp, text)
    # one entity, the one the article names in full
    assert ("Conseil des droits de l'homme des Nations unies", "PART_OF", "Organisation des Nations unies",
            "asserted") in triples
    assert "Nations unies" not in types
    assert not any(s == "Organisation des Nations unies" and t == "PART_OF" for s, t, _, _ in triples)
    # written in lower case, as the press often does
    _, triples, _ = read(nlp, "Selon le conseil des droits de l'homme des Nations unies, l'enquête est ouverte.")
    assert ("conseil des droits de l'homme des Nations unies", "PART_OF", "Nations unies", "asserted") in triples


def test_a_nationality_in_an_organisations_name(nlp):
    text = "La Fédération française de judo a suspendu son entraîneur."
    _, triples, _ = read(nlp, text)
    assert ("Fédération française de judo", "BASED_IN", "France", "asserted") in triples


def test_a_named_institution_belongs_to_its_country_when_the_text_names_it(nlp):
    _, triples, _ = read(nlp, "La Maison Blanche a répondu aux critiques venues des États-Unis et d'ailleurs.")
    assert ("Maison Blanche", "PART_OF", "États-Unis", "asserted") in triples
    _, triples, _ = read(nlp, "La Maison Blanche a répondu aux critiques.")
    assert not any(t == "PART_OF" for _, t, _, _ in triples)


def test_an_event_named_after_its_town_states_no_seat(nlp):
    _, triples, _ = read(nlp, "L'attentat de Nice a été revendiqué par l'État islamique.")
    assert not any(t in ("BASED_IN", "PART_OF") for _, t, _, _ in triples)


def test_a_nationality_in_a_listed_or_two_word_organisation_name(nlp):
    _, triples, _ = read(nlp, "Les Forces démocratiques syriennes ont repris la ville. Le Parti malawite a perdu.")
    assert ("Forces démocratiques syriennes", "BASED_IN", "Syrie", "asserted") in triples
    assert ("Parti malawite", "BASED_IN", "Malawi", "asserted") in triples


def test_a_seat_whose_first_word_the_tagger_reads_as_an_article(nlp):
    _, triples, _ = read(nlp, "La Cour d'appel de San Francisco valide la suspension du décret.")
    assert ("Cour d'appel de San Francisco", "BASED_IN", "San Francisco", "asserted") in triples
    assert not any(t[2] == "Francisco" for t in triples)


def test_a_government_named_by_its_leader(nlp):
    text = "Joe Biden a parlé mardi. L'administration Biden a sanctionné la Corée du Nord."
    types, triples, _ = read(nlp, text)
    assert types.get("administration Biden") == "Government"
    assert {("administration Biden", "SANCTIONS", "Corée du Nord", "asserted"),
            ("Joe Biden", "LEADS", "administration Biden", "asserted")} <= triples
    _, triples, _ = read(nlp, "Les rebelles ont accusé le régime de Mahamat Déby d'avoir menti.")
    assert ("Mahamat Déby", "LEADS", "régime de Mahamat Déby", "asserted") in triples
    # the government of a place: nobody leads it by name
    _, triples, _ = read(nlp, "Les rebelles ont accusé le régime de Téhéran d'avoir menti.")
    assert not any(t[1] == "LEADS" for t in triples)


def test_a_local_body_is_part_of_the_place_its_name_ends_with(nlp):
    text = ("Le Conseil départemental de Corrèze a voté le budget. Le gouvernement local du Sind a protesté "
            "auprès du département de la Justice.")
    _, triples, _ = read(nlp, text)
    assert {("Conseil départemental de Corrèze", "PART_OF", "Corrèze", "asserted"),
            ("gouvernement local du Sind", "PART_OF", "Sind", "asserted")} <= triples
    assert not any(t[2] == "Justice" for t in triples)  # a portfolio is no place


def test_a_board_or_a_tenure_is_no_government(nlp):
    for text in ("Le conseil d'administration de Jean Dupont a voté.",
                 "Sous l'administration de Martin Hirsch, l'hôpital a réduit ses coûts."):
        types, _, _ = read(nlp, text)
        assert "Government" not in types.values(), text


def test_a_state_body_of_the_country_taken_up(nlp):
    text = "Le Pakistan traverse une crise. La Cour suprême du pays a destitué le Premier ministre."
    _, triples, _ = read(nlp, text)
    assert ("Cour suprême", "PART_OF", "Pakistan", "asserted") in triples
    # two countries named before: "le pays" is neither
    text = "Le Pakistan et l'Inde traversent une crise. La Cour suprême du pays a destitué le Premier ministre."
    _, triples, _ = read(nlp, text)
    assert not any(t[1] == "PART_OF" and t[0] == "Cour suprême" for t in triples)


def test_the_one_country_named_further_back(nlp):
    text = ("Le Pakistan traverse une crise. Les manifestations continuent au Pakistan. Les écoles sont fermées. "
            "Les routes sont bloquées. Les banques sont vides. La Cour suprême du pays a destitué le Premier ministre.")
    _, triples, _ = read(nlp, text)
    assert ("Cour suprême", "PART_OF", "Pakistan", "asserted") in triples
    # named once, in passing, long before: not what the text is about
    text = ("Le président s'est rendu en France en 2019. Les manifestations continuent à Dakar. Les écoles sont "
            "fermées. Les routes sont bloquées. Les banques sont vides. La Cour suprême du pays a destitué le ministre.")
    _, triples, _ = read(nlp, text)
    assert not any(t[1] == "PART_OF" and t[2] == "France" for t in triples)
