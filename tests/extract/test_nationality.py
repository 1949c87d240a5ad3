"""Nationality (kg.extract.constructions.nationality)."""

from __future__ import annotations

import pytest

from tests.extract import read


def test_nationality_gives_part_of_and_based_in(nlp):
    types, triples, _ = read(nlp, "Le ministère japonais du Commerce a convoqué le constructeur coréen Hyundai.")
    assert types.get("ministère japonais du Commerce") == "Government"
    assert ("ministère japonais du Commerce", "PART_OF", "Japon", "asserted") in triples
    assert ("Hyundai", "BASED_IN", "Corée du Sud", "asserted") in triples


def test_sanctioned_maker_introduced_with_its_trade(nlp):
    _, triples, _ = read(nlp, "Washington a ajouté le fabricant chinois de puces SMIC à sa liste noire.")
    assert ("Washington", "SANCTIONS", "SMIC", "asserted") in triples
    assert ("SMIC", "BASED_IN", "Chine", "asserted") in triples


def test_people_by_nationality_and_groups_by_their_city(nlp):
    _, triples, _ = read(nlp, "Le milliardaire hongrois Sandor Csanyi a renoncé à racheter Atos.")
    assert ("Sandor Csanyi", "BASED_IN", "Hongrie", "asserted") in triples
    text = ("Le ministère coréen de l'Industrie a approuvé l'entrée de Samsung au capital de Rainbow. "
            "Le fabricant de robots avait pourtant rejeté l'offre du groupe de Séoul.")
    _, triples, _ = read(nlp, text)
    assert ("Samsung", "INVESTS_IN", "Rainbow", "asserted") in triples
    # two descriptions in one sentence are two entities: "le groupe" is not "le fabricant"
    assert ("Samsung", "BASED_IN", "Séoul", "asserted") in triples
    assert ("Rainbow", "BASED_IN", "Séoul", "asserted") not in triples


def test_one_letter_names_after_a_two_word_cue_and_owners_by_genitive(nlp):
    text = ("La justice turque a suspendu le réseau social X dans tout le pays. Le juge reproche à la plateforme "
            "d'Elon Musk de ne pas avoir nommé de représentant.")
    types, triples, _ = read(nlp, text)
    assert types.get("X") == "Company"
    assert ("justice turque", "BANS", "X", "asserted") in triples
    assert ("Elon Musk", "OWNS", "X", "asserted") in triples


def test_a_person_introduced_by_a_nationality_noun(nlp):
    _, triples, _ = read(nlp, "Le titre est revenu à l'Italien Marco Bellini devant la Norvégienne Ingrid Dahl.")
    assert ("Marco Bellini", "BASED_IN", "Italie", "asserted") in triples
    assert ("Ingrid Dahl", "BASED_IN", "Norvège", "asserted") in triples
    _, triples, _ = read(nlp, "Le président américain Joe Biden a reçu le chancelier.")
    assert not any(t[1] == "BASED_IN" for t in triples)  # a head of state LEADS his country


def test_a_regime_or_an_air_force_with_a_nationality_is_part_of_its_country(nlp):
    types, triples, _ = read(nlp, "Le régime syrien et l'aviation russe ont bombardé la ville.")
    assert types.get("régime syrien") == "Government"
    assert ("régime syrien", "PART_OF", "Syrie", "asserted") in triples
    assert ("aviation russe", "PART_OF", "Russie", "asserted") in triples


def test_compound_nationalities_name_both_countries(nlp):
    _, triples, _ = read(nlp, "Le groupe franco-italien STMicroelectronics a annoncé des résultats.")
    assert {("STMicroelectronics", "BASED_IN", "France", "asserted"),
            ("STMicroelectronics", "BASED_IN", "Italie", "asserted")} <= triples
    _, triples, _ = read(nlp, "Le constructeur germano-américain Chrysler a annoncé des résultats.")
    assert {("Chrysler", "BASED_IN", "Allemagne", "asserted"), ("Chrysler", "BASED_IN", "États-Unis", "asserted")} <= triples


def test_a_nationality_noun_before_a_name_stands_for_it(nlp):
    _, triples, _ = read(nlp, "L'Américain Nvidia a racheté Arm.")
    assert {("Nvidia", "ACQUIRES", "Arm", "asserted"), ("Nvidia", "BASED_IN", "États-Unis", "asserted")} <= triples
    _, triples, _ = read(nlp, "L'homme d'affaires tchèque Daniel Kretinsky possède des journaux.")
    assert ("Daniel Kretinsky", "BASED_IN", "République tchèque", "asserted") in triples


def test_a_one_word_person_after_a_company_description_owns_nothing(nlp):
    # "le géant de Redmond": the NER takes the town for a person; "la plateforme d'Elon Musk" is his
    _, triples, _ = read(nlp, "Microsoft négocie avec ByteDance. Le géant de Redmond veut racheter TikTok.")
    assert not any(t[1] == "OWNS" and t[0] == "Redmond" for t in triples)
    _, triples, _ = read(nlp, "Elon Musk a racheté Twitter. La plateforme d'Elon Musk perd des annonceurs.")
    assert ("Elon Musk", "OWNS", "Twitter", "asserted") in triples


def test_hyphenated_words_that_are_no_nationality_name_no_country(nlp):
    for text in ("Le groupe pro-russe Wagner a annoncé son retrait.",
                 "Le groupe sud-américain Falabella a annoncé des résultats."):
        _, triples, _ = read(nlp, text)
        assert not any(t[1] == "BASED_IN" for t in triples), text


def test_a_person_described_by_any_occupation_and_a_nationality(nlp):
    # the occupation need not be listed: "le cycliste", "la violoniste", "l'ancien agent"
    text = ("Le cycliste colombien Nairo Quintana a été reçu par l'ancien agent ukrainien Pavel Hlib. "
            "La pianiste japonaise Keiko Tanaka a joué à Vienne.")
    _, triples, _ = read(nlp, text)
    assert {("Nairo Quintana", "BASED_IN", "Colombie", "asserted"), ("Keiko Tanaka", "BASED_IN", "Japon", "asserted"),
            ("Pavel Hlib", "BASED_IN", "Ukraine", "asserted")} <= triples
    # a title that is a job in no named body says a nationality too; a minister's says no more
    _, triples, _ = read(nlp, "La journaliste suédoise Anna Lind a interrogé le ministre italien Carlo Rossi.")
    assert ("Anna Lind", "BASED_IN", "Suède", "asserted") in triples
    assert not any(t[0] == "Carlo Rossi" and t[1] == "BASED_IN" for t in triples)


def test_a_body_described_by_any_kind_and_a_nationality(nlp):
    _, triples, _ = read(nlp, "Selon le quotidien danois Le Jutland, l'agence de presse officielle tunisienne TAP a menti.")
    assert {("Le Jutland", "BASED_IN", "Danemark", "asserted"), ("TAP", "BASED_IN", "Tunisie", "asserted")} <= triples
    # a place where, not what the name is
    _, triples, _ = read(nlp, "Sur le marché allemand Volvo reste devant ses rivaux.")
    assert not any(t[1] == "BASED_IN" for t in triples)


def test_a_nationality_right_after_a_name_or_in_apposition(nlp):
    types, triples, _ = read(nlp, "Le Hamas palestinien a rejeté l'offre. Ibrahim Nasser, photographe libanais, l'a vu.")
    assert "Hamas" in types
    assert {("Hamas", "BASED_IN", "Palestine", "asserted"), ("Ibrahim Nasser", "BASED_IN", "Liban", "asserted")} <= triples
    # said of another noun, or of a name that follows, or of a diplomat: no nationality for the name
    _, triples, _ = read(nlp, "Le secrétaire général des Nations unies sud-coréen, Lee Min-ho, a démissionné.")
    assert not any(t[0] == "Nations unies" and t[1] == "BASED_IN" for t in triples)
    _, triples, _ = read(nlp, "Selon Les Échos, le fonds américain Apollo veut racheter Casino.")
    assert ("Apollo", "BASED_IN", "États-Unis", "asserted") in triples
    assert not any(t[0] == "Les Échos" and t[1] == "BASED_IN" for t in triples)
    _, triples, _ = read(nlp, "L'ambassadeur britannique John Grant a rencontré le ministre.")
    assert not any(t[1] == "BASED_IN" for t in triples)


def test_a_phrase_opening_the_clause_does_not_describe_its_subject(nlp):
    # no comma after "D'après la presse ...", "Malgré la pression ...": the name is the clause's subject
    for text in ("D'après la presse israélienne Olaf Scholz aurait appelé le pape.",
                 "Face à la défense italienne Antoine Griezmann a marqué deux buts.",
                 "Malgré la pression américaine Alibaba continue de vendre.",
                 "L'épouse de Jean Martin, journaliste iranienne, a été arrêtée."):
        _, triples, _ = read(nlp, text)
        assert not any(t[1] == "BASED_IN" for t in triples), text
    _, triples, _ = read(nlp, "Une équipe dirigée par l'astronome belge Lucas Peeters a découvert l'étoile.")
    assert ("Lucas Peeters", "BASED_IN", "Belgique", "asserted") in triples


def test_a_persons_nationality_past_an_age_or_an_adjective(nlp):
    _, triples, _ = read(nlp, "Farid, 40 ans, ressortissant algérien, a été arrêté.")
    assert ("Farid", "BASED_IN", "Algérie", "asserted") in triples
    _, triples, _ = read(nlp, "L'homme politique français Henri Emmanuelli est mort.")
    assert ("Henri Emmanuelli", "BASED_IN", "France", "asserted") in triples
    # the age of a name in a phrase: what follows is said of the phrase
    _, triples, _ = read(nlp, "L'affaire Paul Martin, 52 ans, une affaire française, a été jugée.")
    assert not any(t[1] == "BASED_IN" for t in triples)


def test_a_branch_with_a_nationality_says_where_its_parent_operates(nlp):
    _, triples, _ = read(nlp, "La branche syrienne du réseau terroriste Al-Qaïda a revendiqué l'attentat.")
    assert ("Al-Qaïda", "OPERATES_IN", "Syrie", "asserted") in triples
    _, triples, _ = read(nlp, "La filiale française de Siemens a licencié 200 salariés.")
    assert ("Siemens", "OPERATES_IN", "France", "asserted") in triples
    # a branch with no nationality says nothing of where
    _, triples, _ = read(nlp, "La filiale de Siemens à Munich a licencié 200 salariés.")
    assert not any(t[1] == "OPERATES_IN" for t in triples)


def test_the_place_of_a_persons_occupation(nlp):
    for text in ("Pierre Nicalek, pharmacien à Pertuis, a été tué.", "Pierre Nicalek, 52 ans, pharmacien à Pertuis, a été tué."):
        _, triples, ex = read(nlp, text)
        assert ("Pierre Nicalek", "BASED_IN", "Pertuis", "asserted") in triples, text
        assert {r.predicate for r in ex.relations if r.type == "BASED_IN"} == {"pharmacien"}
    _, triples, _ = read(nlp, "Marie Dupont, agricultrice dans le Gers, a témoigné.")
    assert ("Marie Dupont", "BASED_IN", "Gers", "asserted") in triples
    # a company after "à" is an employer, and a mayor leads the town: no residence read here
    _, triples, _ = read(nlp, "Paul Martin, journaliste au Monde, a été tué.")
    assert not any(t[1] == "BASED_IN" for t in triples)


def test_no_residence_for_a_hostage_nor_for_the_name_of_a_complement(nlp):
    for text in ("Sophie Pétronin, otage au Mali depuis 2016, a été libérée.",
                 "L'épouse de Paul Martin, infirmière à Lyon, a témoigné."):
        _, triples, _ = read(nlp, text)
        assert not any(t[1] == "BASED_IN" for t in triples), text


def test_a_branch_closed_or_never_there(nlp):
    for text in ("La filiale française de Siemens a fermé en 2019.",
                 "La filiale française de Siemens n'a jamais existé."):
        _, triples, _ = read(nlp, text)
        assert not any(t[1] == "OPERATES_IN" for t in triples), text


def test_a_nationality_before_a_name_after_a_contracted_article(nlp):
    _, triples, _ = read(nlp, "Westinghouse, filiale du japonais Toshiba, a fait faillite.")
    assert ("Toshiba", "BASED_IN", "Japon", "asserted") in triples
    _, triples, _ = read(nlp, "Le prix a été remis au Français Jean Dupont.")
    assert ("Jean Dupont", "BASED_IN", "France", "asserted") in triples


def test_a_nationality_after_the_kinds_own_adjectives_in_apposition(nlp):
    _, triples, _ = read(nlp, "Volkswagen, le constructeur automobile allemand, a publié ses résultats.")
    assert ("Volkswagen", "BASED_IN", "Allemagne", "asserted") in triples
    # a cue with no nationality before the name leaves the apposition to say it
    _, triples, _ = read(nlp, "Le groupe Stellantis, premier groupe automobile français, a racheté Opel.")
    assert ("Stellantis", "BASED_IN", "France", "asserted") in triples
    # the next item of a list is no apposition
    _, triples, _ = read(nlp, "L'attaque a perturbé le constructeur automobile Renault, les hôpitaux britanniques "
                              "et le ministère de l'Intérieur.")
    assert not any(t[0] == "Renault" and t[1] == "BASED_IN" for t in triples)


def test_a_plural_people_before_a_name_and_a_list_described_after_it(nlp):
    _, triples, _ = read(nlp, "Pour 60 % des Français Marine Le Pen n'est pas prête à gouverner.")
    assert not any(t[1] == "BASED_IN" for t in triples)
    _, triples, _ = read(nlp, "Dassault et Thales, les groupes français de défense, ont signé.")
    assert ("Thales", "BASED_IN", "France", "asserted") in triples


def test_a_nationality_after_coordinated_occupations_and_after_a_parenthesis(nlp):
    _, triples, _ = read(nlp, "Le banquier et philanthrope américain David Rockefeller est mort.")
    assert ("David Rockefeller", "BASED_IN", "États-Unis", "asserted") in triples
    _, triples, _ = read(nlp, "Lemmy Kilmister (24 décembre 1945 - 28 décembre 2015), musicien britannique, est mort.")
    assert ("Lemmy Kilmister", "BASED_IN", "Royaume-Uni", "asserted") in triples


def test_the_adjective_of_a_city_or_region_names_that_place(nlp):
    types, triples, _ = read(nlp, "L'ingénieur genevois Marc Perrin a rejoint le Parti québécois.")
    assert types.get("Genève") == "Location"
    assert ("Marc Perrin", "BASED_IN", "Genève", "asserted") in triples
    assert ("Parti québécois", "BASED_IN", "Québec", "asserted") in triples
    types, triples, _ = read(nlp, "La police parisienne a interpellé Karim Benali.")
    assert ("police parisienne", "PART_OF", "Paris", "asserted") in triples
    assert types.get("Paris") == "Location"


def test_a_regulator_of_a_region_is_not_the_ministry_named_before(nlp):
    text = ("Le ministère de l'Intérieur a ouvert une enquête. Amnesty International dénonce la répression "
            "menée par l'autorité tchétchène.")
    types, triples, _ = read(nlp, text)
    assert types.get("autorité tchétchène") == "Government"
    assert ("autorité tchétchène", "PART_OF", "Tchétchénie", "asserted") in triples
    assert ("ministère de l'Intérieur", "PART_OF", "Tchétchénie", "asserted") not in triples


def test_a_state_body_by_a_city_adjective_is_based_there_and_a_place_named_like_its_adjective(nlp):
    _, triples, _ = read(nlp, "Le parquet parisien a ouvert une enquête sur Nicolas Sarkozy.")
    assert ("parquet parisien", "BASED_IN", "Paris", "asserted") in triples
    types, _, _ = read(nlp, "Le président du conseil exécutif de Corse Gilles Simeoni a rencontré Jean Castex.")
    assert types.get("Corse") == "Location"


@pytest.mark.parametrize(("text", "right"), [
    ("Picard a été racheté par le fonds Lion Capital.", ("Lion Capital", "ACQUIRES", "Picard", "asserted")),
    ("Thierry Breton a quitté la Commission. Breton accuse Ursula von der Leyen de l'avoir lâché.",
     ("Thierry Breton", "CRITICIZES", "Ursula von der Leyen", "asserted")),
    ("La Generalitat catalane a porté plainte contre l'État espagnol.",
     ("Generalitat catalane", "SUES", "Espagne", "asserted")),
])
def test_a_name_written_like_a_places_adjective_stays_a_name(nlp, text, right):
    _, triples, _ = read(nlp, text)
    assert right in triples


def test_a_place_adjective_on_a_titles_complement_is_the_titles(nlp):
    # "parisien" says where the préfecture de police is, not where its préfet lives
    _, triples, _ = read(nlp, "Le préfet de police parisien Laurent Nuñez a interdit la manifestation.")
    assert not any(t[1] == "BASED_IN" for t in triples)
    _, triples, _ = read(nlp, "Le milliardaire tchèque Daniel Kretinsky a racheté Casino.")
    assert ("Daniel Kretinsky", "BASED_IN", "République tchèque", "asserted") in triples


def test_a_plural_noun_gives_its_nationality_to_every_name_it_lists(nlp):
    text = ("Les physiciens britanniques David Thouless (82 ans), Duncan Haldane (65 ans) et Michael Kosterlitz "
            "ont reçu le prix Nobel.")
    _, triples, _ = read(nlp, text)
    for name in ("David Thouless", "Duncan Haldane", "Michael Kosterlitz"):
        assert (name, "BASED_IN", "Royaume-Uni", "asserted") in triples, name
    _, triples, _ = read(nlp, "Les entreprises américaines Google et Apple ont refusé.")
    assert ("Apple", "BASED_IN", "États-Unis", "asserted") in triples
    # a list no "et" closes runs into the clause: its subject is not listed
    _, triples, _ = read(nlp, "Comme les banques américaines JPMorgan, BNP Paribas a profité de la hausse des taux.")
    assert not any(t[0] == "BNP Paribas" and t[1] == "BASED_IN" for t in triples)
    # a singular noun describes the first name only
    _, triples, _ = read(nlp, "Le groupe français Renault et Nissan ont annoncé un accord.")
    assert ("Renault", "BASED_IN", "France", "asserted") in triples
    assert ("Nissan", "BASED_IN", "France", "asserted") not in triples
