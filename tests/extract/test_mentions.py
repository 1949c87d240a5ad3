"""Mentions: finding (gazetteers, NER spans, government phrases, introduced names), typing and clustering."""

from __future__ import annotations

import pytest

from kg.extract.mentions.clustering import _acronym
from tests.extract import read


def test_metonymy_capital_as_government(nlp):
    types, triples, _ = read(nlp, "Washington a sanctionné Huawei.")
    assert types["Washington"] == "Government"
    assert ("Washington", "SANCTIONS", "Huawei", "asserted") in triples
    # a capital after a preposition, right before the verb, is a complement, not the actor
    types, triples, _ = read(nlp, "Le bureau de Google à Paris emploie 51 personnes.")
    assert types["Paris"] == "Location"
    assert ("Google", "OPERATES_IN", "Paris", "asserted") in triples
    types, _, _ = read(nlp, "La réponse de Moscou a été immédiate.")
    assert types["Moscou"] == "Government"


def test_titles_and_nationality_words_are_not_part_of_names(nlp):
    types, _, _ = read(nlp, "Le Premier ministre David Cameron a démissionné. Les Britanniques ont voté à 14h UTC.")
    assert types.get("David Cameron") == "Person"
    assert not any("Premier" in n or "Britanniques" in n or n == "UTC" for n in types)


def test_names_lose_the_punctuation_their_tokens_kept():
    from kg.extract.mentions import clean_name

    assert clean_name("France-") == "France"
    assert clean_name("CD&R.") == "CD&R"
    assert clean_name("« Le Monde »") == "Le Monde"
    assert clean_name("Karabatic N.") == "Karabatic N."


def test_a_name_never_runs_across_lines(nlp):
    types, _, _ = read(nlp, "Rencontre au sommet à Lyon\n\nGroupe Casino annonce un plan.\n\nLa réunion a eu lieu jeudi.")
    assert not any("\n" in name for name in types)


def test_roles_are_not_entities(nlp):
    types, _, _ = read(nlp, "Le ministre de l'Intérieur Gérald Darmanin a reçu le président de la République hier.")
    assert "Gérald Darmanin" in types
    assert not any(name.lower().startswith(("ministre", "président")) for name in types)


def test_capitalised_dictionary_words_are_not_names_without_a_cue(nlp):
    types, _, _ = read(nlp, "Hier, Renault a présenté sa voiture. Rassemblement devant l'usine de Flins.")
    assert "Renault" in types
    assert "Hier" not in types and "Rassemblement" not in types
    # a company named by a word of the language still counts at the start of a sentence
    types, _, _ = read(nlp, "Le salon ouvre lundi. Orange prévoit d'y présenter son offre.")
    assert "Orange" in types


def test_people_introduced_by_nationality_and_name_particles(nlp):
    types, _, _ = read(nlp, "La course a été gagnée par la Néerlandaise Femke Van Dijk devant l'Allemande Lisa Brennauer.")
    assert types.get("Femke Van Dijk") == "Person"
    assert types.get("Lisa Brennauer") == "Person"
    types, _, _ = read(nlp, "Le titre revient à la Suissesse Nina Keller, devant la favorite.")
    assert types.get("Nina Keller") == "Person"
    _, triples, _ = read(nlp, "Le président colombien Juan Carlos Pardo a signé l'accord.")
    assert ("Juan Carlos Pardo", "LEADS", "Colombie", "asserted") in triples
    types, _, _ = read(nlp, "De Clercq a remporté l'étape.")
    assert "De Clercq" in types


def test_a_country_inside_an_event_name_is_kept(nlp):
    types, _, _ = read(nlp, "Elle a gagné la coupe de France de cyclisme à Cholet.")
    assert types.get("France") == "Country"


def test_government_bodies_named_by_portfolio(nlp):
    types, triples, _ = read(nlp, "Le ministère du Travail a publié les chiffres. Le porte-parole du "
                                  "ministère de l'Intérieur turc a démenti.")
    assert types.get("ministère du Travail") == "Government"
    assert ("ministère de l'Intérieur turc", "PART_OF", "Turquie", "asserted") in triples


def test_institution_names_keep_their_adjectives(nlp):
    types, _, _ = read(nlp, "Le député a quitté le Parti socialiste pour rejoindre l'Assemblée régionale.")
    assert "Parti socialiste" in types
    _, _, ex = read(nlp, "L'ONU lundi a condamné l'attaque.")
    assert [(e.name, e.aliases) for e in ex.entities] == [("Organisation des Nations unies", ("ONU",))]


def test_hyphenated_company_cue_introduces_a_name(nlp):
    types, triples, _ = read(nlp, "La start-up allemande Quantix Labs a levé des fonds. Anna Weber, cofondatrice "
                                  "de la société, vise l'Asie.")
    assert types.get("Quantix Labs") == "Company"
    assert ("Anna Weber", "FOUNDED", "Quantix Labs", "asserted") in triples


def test_plural_authorities_with_a_nationality_are_a_government_body(nlp):
    types, triples, _ = read(nlp, "Les autorités chinoises ont interdit les puces du fabricant américain Micron.")
    assert types.get("autorités chinoises") == "Government"
    assert ("autorités chinoises", "BANS", "Micron", "asserted") in triples


def test_a_name_coordinated_with_a_found_one(nlp):
    types, _, _ = read(nlp, "Danone et Lactalis ont publié leurs comptes.")
    assert types.get("Danone") == "Company" and types.get("Lactalis") == "Company"


def test_named_apposition_after_a_described_regulator(nlp):
    types, triples, _ = read(nlp, "Le régulateur australien de la concurrence, l'ACCC, a ouvert une enquête sur "
                                  "le projet de fusion entre Telstra et Optus.")
    assert "ACCC" in types and not any(n.startswith("régulateur") for n in types)
    assert ("ACCC", "REGULATES", "Telstra", "asserted") in triples
    assert ("ACCC", "PART_OF", "Australie", "asserted") in triples


def test_the_kind_of_place_is_no_part_of_its_name(nlp):
    types, _, _ = read(nlp, "Des pluies violentes ont frappé la province de Kandahar et le département de l'Ardèche.")
    assert types.get("Kandahar") == "Location" and types.get("Ardèche") == "Location"
    assert not any(n.startswith(("province", "département")) for n in types)
    types, _, _ = read(nlp, "Le département de la Justice a ouvert une enquête sur Google.")
    assert "Justice" not in types  # a ministry by its portfolio keeps its head noun


def test_a_company_cue_reaches_past_its_trade(nlp):
    types, _, _ = read(nlp, "Le gouvernement a autorisé le rachat du fabricant de freins Knorr par le français Alstom.")
    assert types.get("Knorr") == "Company"


def test_a_board_is_no_government_body(nlp):
    types, _, _ = read(nlp, "Emmanuel Faber a quitté le conseil d'administration de Danone.")
    assert types.get("Danone") == "Company"
    assert not any(t == "Government" for t in types.values())


def test_courts_named_by_their_seat(nlp):
    types, triples, _ = read(nlp, "La banque Natixis a été condamnée par le tribunal correctionnel de Paris à une amende.")
    assert types.get("tribunal correctionnel de Paris") == "Government"
    # the court stays whole; its seat is listed too (docs/annotation.md, "Names inside names")
    assert types.get("Paris") == "Location"
    assert ("tribunal correctionnel de Paris", "BASED_IN", "Paris", "asserted") in triples
    assert ("tribunal correctionnel de Paris", "SANCTIONS", "Natixis", "asserted") in triples
    types, _, _ = read(nlp, "Le tribunal de grande instance de Nanterre a examiné la plainte de Vinci.")
    assert types.get("tribunal de grande instance de Nanterre") == "Government"
    # a seat written as one hyphenated word
    types, triples, _ = read(nlp, "Le tribunal administratif de Clermont-Ferrand a annulé l'arrêté du maire.")
    assert types.get("tribunal administratif de Clermont-Ferrand") == "Government"
    assert ("tribunal administratif de Clermont-Ferrand", "BASED_IN", "Clermont-Ferrand", "asserted") in triples
    # a hyphenated word after the seat is another place: the département
    _, triples, _ = read(nlp, "Le tribunal de Bobigny Seine-Saint-Denis a relaxé les policiers.")
    assert ("tribunal de Bobigny", "BASED_IN", "Bobigny", "asserted") in triples


@pytest.mark.parametrize(("text", "name", "absent"), [
    # the NER cut a hyphenated first name at its hyphen
    ("François-Henri Pinault, le PDG de Kering, veut réduire la dette.", "François-Henri Pinault", "Henri Pinault"),
    # a name cut after "Saint", which no name ends on
    ("Kering a vendu sa marque Yves Saint Laurent Beauté à L'Oréal.", "Yves Saint Laurent Beauté", "Yves Saint"),
])
def test_names_cut_by_the_ner_are_made_whole(nlp, text, name, absent):
    types, _, _ = read(nlp, text)
    assert name in types and absent not in types


def test_two_adjacent_names_stay_two(nlp):
    types, _, _ = read(nlp, "Le député LR Jean Durand a voté contre le texte.")
    assert "Jean Durand" in types and "LR" in types


def test_a_ministers_portfolio_is_no_entity(nlp):
    types, _, _ = read(nlp, "Le ministre de l'Industrie, Marc Ferracci, a reçu les dirigeants d'ArcelorMittal.")
    assert "Industrie" not in types and types.get("Marc Ferracci") == "Person"


def test_a_listed_body_written_in_lower_case_after_its_article(nlp):
    types, _, ex = read(nlp, "Le texte a été adopté par l'assemblée nationale. Il a rejoint le parti socialiste en 1974.")
    assert types.get("Assemblée nationale") == "Government"
    assert types.get("Parti socialiste") == "Organization"
    assert "assemblée nationale" in next(e.aliases for e in ex.entities if e.name == "Assemblée nationale")
    types, _, _ = read(nlp, "Une assemblée nationale sera élue en mars.")
    assert not types
    # other organisations' names are common phrases; a name going on with an adjective is another body
    types, _, _ = read(nlp, "Ce conflit a été étalé sur la place publique. Des jeunes agriculteurs ont bloqué la route.")
    assert not types
    types, _, _ = read(nlp, "Le chef du parti conservateur canadien Pierre Poilievre a parlé.")
    assert "Parti conservateur" not in types


def test_a_local_council_in_lower_case(nlp):
    types, triples, _ = read(nlp, "Xavier Fortinon, vice-président du conseil départemental des Landes, a parlé. "
                                  "Le conseil municipal de Lyon a voté le budget.")
    assert types.get("conseil départemental des Landes") == "Government"
    assert ("Xavier Fortinon", "WORKS_FOR", "conseil départemental des Landes", "asserted") in triples
    assert ("conseil municipal de Lyon", "PART_OF", "Lyon", "asserted") in triples
    types, _, _ = read(nlp, "Le conseil municipal a voté le budget.")
    assert not types


def test_a_ministry_named_by_its_portfolio_in_lower_case(nlp):
    types, triples, _ = read(nlp, "Le ministère des affaires étrangères français a protesté. Le ministère de la "
                                  "Transition écologique a publié un rapport.")
    assert types.get("ministère des affaires étrangères français") == "Government"
    assert ("ministère des affaires étrangères français", "PART_OF", "France", "asserted") in triples
    assert types.get("ministère de la Transition écologique") == "Government"
    types, _, _ = read(nlp, "Le ministère de tutelle a protesté.")
    assert not types


def test_a_place_named_after_a_title_keeps_its_kind(nlp):
    # "chef de la [République de Tchétchénie]": no person's name follows the portfolio-like word
    types, _, _ = read(nlp, "Il est proche de Ramzan Kadyrov, chef de la République de Tchétchénie.")
    assert "République de Tchétchénie" in types and "de Tchétchénie" not in types


def test_a_known_body_of_a_known_organisation_is_one_name(nlp):
    types, _, _ = read(nlp, "Le Conseil des droits de l'homme des Nations unies a publié un rapport.")
    assert "Conseil des droits de l'homme des Nations unies" in types


@pytest.mark.parametrize(("name", "etype"), [("Burundi", "Country"), ("Médecins sans frontières", "Organization"),
                                            ("Insee", "Government"), ("Tencent", "Company")])
def test_the_packaged_lists_type_names(nlp, name, etype):
    types, _, _ = read(nlp, f"Selon un communiqué publié lundi, {name} a confirmé les chiffres.")
    assert types.get(name) == etype


def test_the_other_names_of_a_listed_thing_are_one_entity(nlp):
    _, _, ex = read(nlp, "Les États-Unis ont protesté. Les USA ont aussi sanctionné Huawei. "
                         "L'ONU a réagi et les Nations unies ont condamné l'attaque.")
    names = {e.name: set(e.aliases) for e in ex.entities}
    assert names.get("États-Unis") == {"USA"}
    # a country's name written without its hyphen
    types, _, _ = read(nlp, "Le Royaume Uni a quitté l'Union européenne.")
    assert types.get("Royaume-Uni") == "Country"
    assert names.get("Organisation des Nations unies") == {"ONU", "Nations unies"}


def test_an_acronym_of_a_name_with_lower_case_words_is_that_name(nlp):
    _, _, ex = read(nlp, "Les Forces démocratiques syriennes (FDS) ont repris la ville. Les FDS ont avancé.")
    names = {e.name: set(e.aliases) for e in ex.entities}
    assert names.get("Forces démocratiques syriennes") == {"FDS"}


def test_state_bodies_named_by_the_place_they_serve(nlp):
    types, triples, _ = read(nlp, "Le gouvernement du Malawi a démenti. L'assemblée nationale du Togo a voté la loi. "
                                  "Le ministère des affaires étrangères du Niger a protesté auprès du ministère "
                                  "de la Défense de Russie.")
    for body, country in (("gouvernement du Malawi", "Malawi"), ("assemblée nationale du Togo", "Togo"),
                          ("ministère des affaires étrangères du Niger", "Niger"),
                          ("ministère de la Défense de Russie", "Russie")):
        assert types.get(body) == "Government", body
        assert (body, "PART_OF", country, "asserted") in triples
    # a government "de" a person is named by its leader (the real-news annotation: "le régime de X")
    types, triples, _ = read(nlp, "Le gouvernement de Theresa Morel a démissionné.")
    assert types.get("gouvernement de Theresa Morel") == "Government"
    assert ("Theresa Morel", "LEADS", "gouvernement de Theresa Morel", "asserted") in triples
    assert not any(t[1] == "PART_OF" for t in triples)


def test_a_described_body_of_another_country_is_another_entity(nlp):
    types, triples, _ = read(nlp, "Le gouvernement du Malawi a protesté. Les autorités chinoises ont répondu mardi.")
    assert types.get("autorités chinoises") == "Government"
    assert ("autorités chinoises", "PART_OF", "Chine", "asserted") in triples
    assert ("gouvernement du Malawi", "PART_OF", "Chine", "asserted") not in triples


def test_a_listed_name_as_the_press_also_writes_it_is_the_same_entity(nlp):
    types, _, ex = read(nlp, "Le Burundi a renoué avec les Nations-Unies. La Banque Mondiale a suspendu son aide. "
                             "La Banque mondiale a confirmé.")
    assert types.get("Organisation des Nations unies") == "Organization" and "Nations-Unies" not in types
    assert types.get("Banque mondiale") == "Organization" and "Banque Mondiale" not in types
    assert len(ex.entities) == 3


def test_positions_are_the_tokens_with_the_values_asked_for(nlp):
    from spacy.parts_of_speech import IDS

    from kg.extract.mentions import POSITIONS_KEY, forget_positions, positions

    with nlp.select_pipes(disable=["kg_relations"]):
        doc = nlp("Le groupe Renault et Nissan ont signé un accord à Paris, puis à Tokyo.")
    nouns = positions(doc, "POS", [IDS["PROPN"], IDS["NOUN"]])
    assert nouns == [t.i for t in doc if t.pos_ in ("PROPN", "NOUN")]
    # a long set of words is looked up the other way round, with the same answer
    words = frozenset(doc.vocab.strings.add(w) for w in ("à", "paris", *(f"mot{i}" for i in range(100))))
    assert positions(doc, "LOWER", words) == [t.i for t in doc if t.lower_ in ("à", "paris")]
    assert positions(doc, "ORTH", [doc.vocab.strings.add("absent")]) == []
    assert POSITIONS_KEY in doc.user_data
    forget_positions(doc)
    assert POSITIONS_KEY not in doc.user_data


def test_the_relation_component_keeps_no_index_on_the_doc(nlp):
    from kg.extract.mentions import POSITIONS_KEY

    doc = nlp("Microsoft a racheté LinkedIn. Satya Nadella dirige Microsoft.")
    assert POSITIONS_KEY not in doc.user_data
    assert doc._.kg_relations


@pytest.mark.parametrize("text, bodies", [
    ("Les gouvernements britannique, australien et danois, membres de la coalition, ont reconnu leur implication.",
     {"gouvernement britannique": "Royaume-Uni", "gouvernement australien": "Australie",
      "gouvernement danois": "Danemark"}),
    ("Les gouvernements français et allemand ont signé un accord avec Airbus.",
     {"gouvernement français": "France", "gouvernement allemand": "Allemagne"}),
])
def test_a_plural_body_with_nationalities_is_one_body_of_each_country(nlp, text, bodies):
    types, triples, _ = read(nlp, text)
    for body, country in bodies.items():
        assert types[body] == "Government"
        assert (body, "PART_OF", country, "asserted") in triples


def test_a_plural_body_with_one_nationality_is_no_named_body(nlp):
    types, _, _ = read(nlp, "Les gouvernements européens ont protesté.")
    assert not any(t == "Government" for t in types.values())


def test_plural_nationalities_agreeing_with_a_plural_body_name_no_body(nlp):
    types, _, _ = read(nlp, "Les armées russes et syriennes ont bombardé la ville.")
    assert not any(t == "Government" for t in types.values())


def test_written_variants_of_a_two_word_name():
    from kg.extract.mentions.words import written_variants

    assert {"Maison-Blanche", "Maison blanche"} <= written_variants("Maison Blanche")
    assert "Crédit agricole" in written_variants("Crédit Agricole")
    assert "La poste" not in written_variants("La Poste")  # any post office


def test_troops_and_forces_of_a_nationality_are_its_government_body(nlp):
    types, triples, _ = read(nlp, "Les forces russes ont bombardé Alep.")
    assert types.get("forces russes") == "Government"
    assert ("forces russes", "PART_OF", "Russie", "asserted") in triples
    types, _, _ = read(nlp, "Il a servi pour les troupes américaines comme interprète.")
    assert types.get("troupes américaines") == "Government"
    types, _, _ = read(nlp, "La troupe française a joué Molière.")  # a theatre troupe is no body
    assert "troupe française" not in types


def test_a_lower_case_variant_is_not_read_at_a_sentence_start(nlp):
    types, _, _ = read(nlp, "Home office, télétravail : les salariés s'adaptent.")
    assert "Home Office" not in types
    types, _, _ = read(nlp, "Le porte-parole de la Maison blanche a parlé.")
    assert types.get("Maison Blanche") == "Government"


def test_a_name_the_list_writes_in_lower_case_needs_its_article(nlp):
    types, _, _ = read(nlp, "La coalition internationale a frappé l'État islamique.")
    assert types.get("coalition internationale") == "Organization"
    types, _, _ = read(nlp, "Une coalition internationale de chercheurs a publié un rapport.")
    assert "coalition internationale" not in types


def test_events_and_laws_are_not_entities(nlp):
    types, triples, _ = read(nlp, "L'Élection présidentielle taïwanaise de 2016 a été gagnée par Tsai Ing-wen.")
    assert not any(name.startswith("Élection") for name in types)
    types, _, _ = read(nlp, "Le « prix Nobel d'économie » décerné à Oliver Hart et Bengt Holmström.")
    assert set(types) == {"Oliver Hart", "Bengt Holmström"}  # a prize is no entity
    assert not any(t[1] == "BASED_IN" for t in triples)
    types, _, _ = read(nlp, "M. Bataille, porte-parole de la préfecture, a confirmé l'information.")
    assert types.get("Bataille") == "Person"  # a surname, not a battle


def test_a_name_the_ner_missed_after_a_title_and_its_complement(nlp):
    text = "SoftBank investira. Le président du groupe, Masayoshi Son, a rencontré Donald Trump."
    types, triples, _ = read(nlp, text)
    assert types.get("Masayoshi Son") == "Person"
    assert ("Masayoshi Son", "LEADS", "SoftBank", "asserted") in triples
    types, _, _ = read(nlp, "Le directeur général Nouvelle Stratégie a été présenté.")
    assert "Nouvelle Stratégie" not in types  # a dictionary word first: no name


def test_a_full_name_ending_another_is_another_person(nlp):
    # his son, named with his full name after his own first name in the same sentence
    types, triples, _ = read(nlp, "Mahamat Idriss Déby a succédé à son père Idriss Déby à la tête du Tchad.")
    assert types.get("Mahamat Idriss Déby") == "Person" and types.get("Idriss Déby") == "Person"
    assert ("Mahamat Idriss Déby", "SUCCEEDS", "Idriss Déby", "asserted") in triples
    # in another sentence, the short form is the same person with a first name left out
    _, _, ex = read(nlp, "Marie Claire Martin dirige Sanofi. Claire Martin a racheté Ablynx.")
    assert [e.name for e in ex.entities if e.type == "Person"] == ["Marie Claire Martin"]
    # a surname alone, or a middle name and a surname, is the same person
    _, _, ex = read(nlp, "Recep Tayyip Erdoğan a critiqué l'Union européenne. Erdoğan a ensuite rencontré Poutine.")
    assert [e.name for e in ex.entities if e.type == "Person"].count("Recep Tayyip Erdoğan") == 1
    assert "Erdoğan" not in [e.name for e in ex.entities]


def test_other_names_of_one_entity_in_one_article(nlp):
    def aliases(text):
        _, _, ex = read(nlp, text)
        return {e.name: set(e.aliases) for e in ex.entities}

    # an acronym of the capitals of a name that starts with its article
    assert aliases("Paul Girard a quitté Les Républicains. LR perd un élu.").get("Les Républicains") == {"LR"}
    # the name it is written after in parentheses when two fit; not a name of other initials
    names = aliases("Le Parti socialiste (PS) a gagné. Le Parti socialiste unifié a perdu. Le PS a fêté.")
    assert names.get("Parti socialiste") == {"PS"} and not names.get("Parti socialiste unifié")
    names = aliases("La SNCF a annoncé une grève. La Société nationale des chemins de fer belges a suivi.")
    assert "SNCF" in names and not names.get("Société nationale des chemins de fer belges")
    # a listed acronym stays the body it is listed for
    names = aliases("L'ONU a réagi. L'Office national des urgences a protesté.")
    assert names.get("Organisation des Nations unies") == {"ONU"}
    # past "dans"; written with a hyphen; accents aside
    assert _acronym("EIGS", "État islamique dans le Grand Sahara")
    assert _acronym("UD-FP", "Union pour la démocratie-Front patriotique")
    assert not _acronym("UD", "Union pour la démocratie-Front patriotique")
    # first names cut to their initials: the one full name they fit, not two
    assert aliases("Isabelle Moreau dirige Carrefour. Selon I. Moreau, les ventes progressent.").get(
        "Isabelle Moreau") == {"I. Moreau"}
    names = aliases("Jean Bernard et Julie Bernard ont fondé la société Vélo Plus. J. Bernard a démissionné.")
    assert "J. Bernard" in names and not names.get("Jean Bernard") and not names.get("Julie Bernard")
    # the short form of an institution's name that goes on with a complement or a nationality
    assert aliases("La Cour d'appel de Douai a confirmé la peine. La Cour d'appel a rejeté la demande.").get(
        "Cour d'appel de Douai") == {"Cour d'appel"}
    # not when the rest of the name says which one ("libre" is no nationality), nor when the short
    # form comes first (another body: the one at home)
    names = aliases("L'Armée syrienne libre a attaqué Idleb. L'Armée syrienne a riposté.")
    assert not names.get("Armée syrienne libre")
    names = aliases("Le Parti démocrate a désigné Kamala Harris. Le Parti démocrate du Kurdistan a salué ce choix.")
    assert "Parti démocrate" in names and not names.get("Parti démocrate du Kurdistan")
    # nor in a sentence that names another place: that place's body
    _, triples, ex = read(nlp, "La Cour d'appel de Lyon a annulé le jugement. À Grenoble, la Cour d'appel a "
                               "condamné Paul Martin.")
    assert not {e.name: e.aliases for e in ex.entities}.get("Cour d'appel de Lyon")
    assert not any(t[0] == "Cour d'appel de Lyon" and t[2] == "Paul Martin" for t in triples)
    # a listed body named inside another's name is the one the article names elsewhere
    types, triples, _ = read(nlp, "Le Conseil de sécurité des Nations unies a voté. L'ONU enverra des casques bleus.")
    assert "Nations unies" not in types
    assert ("Conseil de sécurité des Nations unies", "PART_OF", "Organisation des Nations unies", "asserted") in triples


def test_the_state_after_a_title_is_no_name(nlp):
    types, triples, _ = read(nlp, "La reine reste populaire au Canada, dont elle est chef d'État, selon Marie Tremblay.")
    assert "État" not in types
    assert not any(t[1] == "LEADS" for t in triples)


def test_an_award_named_after_someone_is_no_entity(nlp):
    for text in ("Il avait reçu le prix Carl-Sagan en 2000.", "Elle a obtenu la médaille Fields en 2014."):
        ents, triples, _ = read(nlp, text)
        assert not ents and not triples, (text, ents)
    # nor a storm named like someone
    text = "La tempête Egon évolue vers l'Est et l'Allemagne ce vendredi après être passée dans le Nord-Ouest."
    ents, triples, _ = read(nlp, text)
    assert "Egon" not in ents and not triples
    ents, _, _ = read(nlp, "Le cyclone Winston se dirige vers les Fidji et la Nouvelle-Zélande.")
    assert "Winston" not in ents
    # the laureate named after the award's own word is still someone
    _, triples, _ = read(nlp, "Le prix Nobel Annie Ernaux soutient La France insoumise.")
    assert any(t[0].endswith("Annie Ernaux") and t[1] == "SUPPORTS" for t in triples)
    _, triples, _ = read(nlp, "La lauréate du prix Nobel Annie Ernaux a soutenu Jean-Luc Mélenchon.")
    assert any(t[0].endswith("Annie Ernaux") and t[1:] == ("SUPPORTS", "Jean-Luc Mélenchon", "asserted") for t in triples)


def test_a_state_body_with_a_nationality_takes_no_title_nor_plain_noun_after_it(nlp):
    ents, triples, _ = read(nlp, "L'armée syrienne du président Bachar al-Assad avance sur deux fronts.")
    assert "armée syrienne" in ents and ("armée syrienne", "PART_OF", "Syrie", "asserted") in triples
    ents, _, _ = read(nlp, "Le refus de tout rachat par les nouvelles autorités béninoises des candidats a surpris.")
    assert "autorités béninoises" in ents
    # a portfolio, or a body, still completes it
    ents, _, _ = read(nlp, "Le ministère turc des Affaires étrangères a protesté.")
    assert "ministère turc des Affaires étrangères" in ents
    ents, _, _ = read(nlp, "La présidence slovaque du conseil de l'Union européenne a été critiquée.")
    assert "présidence slovaque" not in ents
    # a body keeps a plural remit
    ents, _, _ = read(nlp, "Le régulateur britannique des marchés a ouvert une enquête.")
    assert "régulateur britannique des marchés" in ents
    ents, _, _ = read(nlp, "Les autorités américaines des marchés financiers ont sanctionné Binance.")
    assert "autorités américaines des marchés financiers" in ents
